"""Done when: a new user connects a real mailbox (Dovecot) of 37 mixed mails in seven
languages, written for the corpus: every rejection, invitation and offer is queued and
matched to the right application, other job mail waits in the "other" lane, no mail that
is not about a job is kept; a second rejection asks; reconnecting queues nothing that was
decided; and the same mails through the forwarding URL queue nothing decided either."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import application_for
from tests.inbox.conftest import connect, poll
from tests.inbox.dovecot import Dovecot
from tests.mail import corpus
from tracker.accounts.models import User
from tracker.applications.models import Application, Rejection, Stage
from tracker.inbox import services
from tracker.inbox.models import InboxItem, ItemKind, ItemStatus

pytestmark = pytest.mark.django_db

# Each mail of the corpus that reaches the mailbox, and the company it is about ("" for
# mail about no application: it must not be kept, or waits unmatched in the other lane).
QUEUED = {
    # rejections
    "en-rej-ats-greenhouse": "Hooli",
    "en-rej-filled": "Initech",
    "en-rej-personal-hm": "Globex",
    "en-rej-workday-html": "Umbrella Analytics",
    "en-rej-talent-partner": "Lumenworks",
    "de-rej-personio": "Müller Logistik",
    "fr-rej-suite": "Société Lumière",
    "es-rej-personal": "Datamar",
    "nl-rej-gekozen": "Van Dijk Software",
    "it-rej-altri": "Rossi Design",
    "pt-rej-outra-pessoa": "Banco Atlântico",
    # invitations
    "en-inv-conditional": "Acme",
    "fr-inv": "Vinci Logiciel",
    "es-inv-videollamada": "Tecnologías Sol",
    "nl-inv": "Polderbank",
    "it-inv": "Banca Adriatica",
    "pt-inv": "Paulistasoft",
    # offers
    "de-offer": "Datenwerk",
    "nl-offer": "Kanaalzicht",
    "it-offer": "Fintech Milano",
}
SECOND_REJECTION = ("h-en-rej-role-cancelled", "Initech")
OTHER = {"en-assessment": "Hooli", "en-references": "Acme", "de-received": "Hansa Versicherung"}
NOT_JOB = [
    "en-nojob-family",
    "en-nojob-marketing",
    "en-nojob-flat",
    "en-nojob-grant",
    "en-nojob-bank",  # from Zeta Bank, one of the applications, about a credit card
    "en-nojob-admission",
    "de-nojob-wohnung",
    "fr-nojob-appart",
    "es-nojob-beca",
    "nl-nojob-woning",
    "it-nojob-casa",
    "pt-nojob-bolsa",
]
DOMAINS = {
    "Hooli": "hooli.com",
    "Initech": "initech.com",
    "Globex": "globex.com",
    "Umbrella Analytics": "umbrella-analytics.com",
    "Lumenworks": "lumenworks.io",
    "Datamar": "datamar.es",
    "Acme": "acme.com",
    "Vinci Logiciel": "vinci-logiciel.fr",
    "Polderbank": "polderbank.nl",
    "Banca Adriatica": "banca-adriatica.it",
    "Paulistasoft": "paulistasoft.com.br",
    "Datenwerk": "datenwerk.io",
    "Kanaalzicht": "kanaalzicht.nl",
    "Fintech Milano": "fintech-milano.it",
}


def _mails() -> dict[str, bytes]:
    wanted = {*QUEUED, SECOND_REJECTION[0], *OTHER, *NOT_JOB}
    mails = {m.id: m.raw for m in corpus.load() if m.id in wanted}
    assert set(mails) == wanted
    return mails


def _applications(owner: User) -> dict[str, Application]:
    companies = {*QUEUED.values(), *OTHER.values(), "Zeta Bank", "Tecnologías Sol"}
    return {
        name: application_for(
            owner,
            company=name,
            url=f"https://{DOMAINS[name]}/jobs/1" if name in DOMAINS else "",
            stage=Stage.APPLIED,
            days_ago=50,  # before the corpus's mails of November
        )
        for name in companies
    }


def test_a_mailbox_left_alone(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str], alice_client: Client
) -> None:
    alice.email = corpus.USER_EMAIL
    alice.save(update_fields=["email"])
    applications = _applications(alice)
    mails = _mails()
    for raw in mails.values():
        dovecot.deliver(imap_user[0], raw)
    assert len(mails) >= 30

    mailbox = connect(alice, dovecot, imap_user)
    assert poll(mailbox) == "ok"

    items = {
        i.message_id.strip("<>").split("@")[0]: i for i in InboxItem.objects.filter(owner=alice)
    }
    # Nothing that is not about a job is kept.
    assert not set(NOT_JOB) & set(items)
    # Every rejection, invitation and offer is queued, matched to its application.
    missing = set(QUEUED) - set(items)
    assert missing == set()
    wrong = {
        mail_id: (items[mail_id].application, company)
        for mail_id, company in QUEUED.items()
        if items[mail_id].application != applications[company]
    }
    assert wrong == {}
    kinds = {items[m].kind for m in QUEUED}
    assert kinds == {ItemKind.REJECTION, ItemKind.INTERVIEW_INVITATION, ItemKind.OFFER}
    # Other job mail waits in the other lane, on its application.
    for mail_id, company in OTHER.items():
        assert items[mail_id].kind == ItemKind.OTHER
        assert items[mail_id].application == applications[company]

    # She confirms what was queued; the second Initech rejection then asks.
    for mail_id in QUEUED:
        services.inbox_item_confirm(item=items[mail_id])
    second = items[SECOND_REJECTION[0]]
    assert second.application == applications["Initech"]
    with pytest.raises(services.AlreadyRejected) as asked:
        services.inbox_item_confirm(item=second)
    assert "replace it, or keep it as a note?" in asked.value.message
    queue = alice_client.get(reverse("inbox")).content.decode()
    assert "Keep it as a note" in queue
    services.inbox_item_keep_as_note(item=second)
    rejection = Rejection.objects.get(application=applications["Initech"])
    assert rejection.sender_email == "careers@initech.com"  # the first stays
    services.inbox_item_dismiss(item=items["en-references"])
    decided = InboxItem.objects.filter(owner=alice).exclude(status=ItemStatus.PENDING).count()
    assert decided == len(QUEUED) + 2

    # Disconnect: the content goes; reconnecting queues nothing that was decided.
    services.mailbox_disconnect(owner=alice)
    assert not InboxItem.objects.filter(owner=alice).exclude(status=ItemStatus.PENDING).exists()
    mailbox = connect(alice, dovecot, imap_user)
    assert poll(mailbox) == "ok"
    back = set(InboxItem.objects.filter(owner=alice).values_list("message_id", flat=True))
    back = {m.strip("<>").split("@")[0] for m in back}
    assert back == {"en-assessment", "de-received"}  # undecided only

    # The same mails forwarded: nothing decided comes back, nothing else is kept.
    inbox = services.inbox_get_or_create(owner=alice)
    url = reverse("inbox_forward", args=[inbox.pk, inbox.forward_token])
    for raw in mails.values():
        assert Client().post(url, raw, content_type="message/rfc822").status_code == 202
    assert InboxItem.objects.filter(owner=alice).count() == 2
