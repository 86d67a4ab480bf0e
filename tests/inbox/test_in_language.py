"""The mail room in the reader's language: what the inbox read and why, its questions and
its flash messages, and what the mailbox's failures say. The evidence is kept as its
message and values, so a stored item reads in the language of whoever opens it; items
kept before that, as plain English sentences, still read."""

import html

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import api_client_for, application_for, make_user
from tests.inbox.conftest import raw_mail
from tests.inbox.dovecot import free_port
from tracker.accounts.models import User
from tracker.inbox import selectors, services
from tracker.inbox.models import InboxItem, Mailbox, Security, Via
from tracker.notifications.models import Notification

pytestmark = pytest.mark.django_db

# The queue's headline and one piece of each kind of evidence: the reader's, the
# classifier's, and matching's.
SAID = {
    "de": (
        "Sieht aus wie eine Absage von Hooli für Senior Platform Engineer \N{EM DASH} "
        "Dave Okafor, einstellende Führungskraft, persönliche E-Mail",
        "Auf Englisch geschrieben",
        "Gesendet von hooli.example",
    ),
    "fr": (
        "Ressemble à un refus de Hooli pour Senior Platform Engineer \N{EM DASH} "
        "Dave Okafor, responsable du recrutement, e-mail personnel",
        "Rédigé en anglais",
        "Envoyé depuis hooli.example",
    ),
    "es": (
        "Parece un rechazo de Hooli para Senior Platform Engineer \N{EM DASH} "
        "Dave Okafor, responsable de contratación, correo personal",
        "Escrito en inglés",
        "Enviado desde hooli.example",
    ),
}


def _reader(language: str) -> tuple[User, Client]:
    user = make_user(username=f"reader-{language}", language=language)
    application_for(user, company="Hooli", role="Senior Platform Engineer")
    client = Client()
    client.force_login(user)
    return user, client


def _queued(user: User) -> InboxItem:
    item, why = services.message_ingest(owner=user, raw=raw_mail(), via=Via.FORWARD)
    assert item is not None, why
    return item


def _english_why(item: InboxItem) -> list[str]:
    with translation.override("en"):
        return [selectors.item_headline(item), *selectors.item_why(item)]


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_the_queue_says_what_it_read_and_why_in_the_users_language(language: str) -> None:
    user, client = _reader(language)
    item = _queued(user)

    page = client.get(reverse("inbox")).content.decode()

    for words in SAID[language]:
        assert words in page
    for sentence in _english_why(item):
        assert sentence not in page
    # The notice of what a poll brought, written by the worker, is in their language too.
    services.items_announce(owner=user, items=[item])
    told = Notification.objects.filter(user=user)
    assert SAID[language][0] in {n.title for n in told}
    assert "Nothing changes until you confirm." not in {n.body for n in told}


def test_a_kept_item_reads_in_the_language_of_whoever_opens_it(
    alice: User, alice_client: Client
) -> None:
    """Alice left the language to her browser: the worker kept the evidence in no
    language at all, and her French browser reads it in French."""
    application_for(alice, company="Hooli", role="Senior Platform Engineer")
    item = _queued(alice)

    english = alice_client.get(reverse("inbox")).content.decode()
    french = alice_client.get(reverse("inbox"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "Sent from hooli.example" in english
    assert "Envoyé depuis hooli.example" in french
    for sentence in _english_why(item):
        assert sentence not in french


def test_evidence_kept_as_plain_english_still_reads(alice: User, alice_client: Client) -> None:
    application_for(alice, company="Hooli", role="Senior Platform Engineer")
    item = _queued(alice)
    InboxItem.objects.filter(pk=item.pk).update(
        because=["Sent as bulk mail (Precedence: bulk)", "Signed Dave Okafor"],
        match_evidence=["You chose this application."],
    )

    page = alice_client.get(reverse("inbox"), HTTP_ACCEPT_LANGUAGE="de").content.decode()

    # A sentence that names nothing is one of the catalogue's: said in German. One with
    # a value in it stays as it was kept.
    assert "Als Massenmail versandt (Precedence: bulk)" in page
    assert "Sie haben diese Bewerbung gewählt." in page
    assert "Signed Dave Okafor" in page


@pytest.mark.parametrize(
    ("language", "recorded", "asked"),
    [
        (
            "de",
            "Absage erfasst: Senior Platform Engineer bei Hooli.",
            "Bereits abgesagt am ",
        ),
        (
            "fr",
            "Refus enregistré : Senior Platform Engineer chez Hooli.",
            "Déjà refusée le ",
        ),
        (
            "es",
            "Rechazo registrado: Senior Platform Engineer en Hooli.",
            "Ya rechazada el ",
        ),
    ],
)
def test_confirming_says_so_in_the_users_language(language: str, recorded: str, asked: str) -> None:
    user, client = _reader(language)
    item = _queued(user)

    page = client.post(reverse("inbox_item_confirm", args=[item.pk]), follow=True)

    assert recorded in html.unescape(page.content.decode())
    # Confirmed again: the application has its rejection now, and the question whether
    # this one replaces it is asked in their words too.
    again = client.post(reverse("inbox_item_confirm", args=[item.pk]), follow=True)
    assert asked in html.unescape(again.content.decode())


@pytest.mark.parametrize(
    ("language", "refused"),
    [
        ("de", "nimmt nichts Verbindungen an"),
        ("fr", "Rien n'accepte de connexions sur"),
        ("es", "Nada acepta conexiones en"),
    ],
)
def test_a_failing_mailbox_says_why_in_its_owners_language(language: str, refused: str) -> None:
    """The worker polls with no request of theirs: the failure is written in their
    language, kept, and shown on the settings page."""
    user, client = _reader(language)
    broken = services.mailbox_save(
        owner=user, host="127.0.0.1", port=free_port(), security=Security.NONE,
        username="u", password="p", folder="INBOX",
    )  # fmt: skip
    claimed = dict(services.mailboxes_claim_due())

    assert services.mailbox_poll(mailbox_id=broken.pk, claim=claimed[broken.pk]) == "refused"

    message = Mailbox.objects.get(pk=broken.pk).status_message
    assert refused in message
    assert "Nothing accepts connections" not in message
    assert refused in html.unescape(client.get(reverse("inbox_settings")).content.decode())


def test_the_api_says_the_evidence_in_the_requests_language_and_bob_sees_none(
    alice: User, bob: User
) -> None:
    application_for(alice, company="Hooli", role="Senior Platform Engineer")
    item = _queued(alice)
    url = reverse("api:inbox-item-detail", args=[item.pk])

    german = api_client_for(alice).get(url, HTTP_ACCEPT_LANGUAGE="de").json()

    assert "Auf Englisch geschrieben" in german["because"]
    assert "Written in English" not in german["because"]
    assert api_client_for(bob).get(url, HTTP_ACCEPT_LANGUAGE="de").status_code == 404
