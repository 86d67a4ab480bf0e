"""The pages in English, German, French and Spanish: the user's choice in settings, else the
browser's, else English; dates in the language's own way."""

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import api_client_for, application_for, make_user, rejected_late
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import (
    CHANNEL_CHOICES_SHOWN,
    REJECTION_WORDS,
    Application,
    ChangeSource,
    Contact,
    InterviewKind,
)
from tracker.followups import services as followups
from tracker.followups.kinds import Kind
from tracker.followups.models import FollowUp
from tracker.mail.vocabulary import CHANNEL_CHOICES, SENDER_ROLE_CHOICES

pytestmark = pytest.mark.django_db

# A Monday morning; the application was sent ten days before, on 27 November.
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _monday() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def _speaking(language: str) -> tuple[User, Client]:
    user = make_user(username=f"user-{language}", full_name="Katrin Vogel", language=language)
    application_for(user, company="Brandt Werke", role="Entwicklerin", days_ago=10)
    client = Client()
    client.force_login(user)
    return user, client


def _page(client: Client, name: str, *args: object, **headers: str) -> str:
    response = client.get(reverse(name, args=args), headers=headers)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("de", ["Bewerbung hinzufügen", "Merkliste", "Gespräche", "Geghostet"]),
        ("fr", ["Ajouter une candidature", "Présélection", "Entretiens", "Sans réponse"]),
        ("es", ["Añadir candidatura", "Preselección", "Entrevistas", "Sin respuesta"]),
    ],
)
def test_the_board_speaks_the_users_language(language: str, words: list[str]) -> None:
    _, client = _speaking(language)

    html = _page(client, "dashboard")

    assert f'<html lang="{language}">' in html
    for word in words:
        assert word in html


@pytest.mark.parametrize(
    ("language", "since", "applied"),
    [
        ("en", "In this stage since 27 Nov 2026", "27 Nov 2026"),
        ("de", "In dieser Phase seit 27. Nov. 2026", "27. Nov. 2026"),
        ("fr", "À cette étape depuis le 27 nov. 2026", "27 nov. 2026"),
        ("es", "En esta fase desde el 27 nov. 2026", "27 nov. 2026"),
    ],
)
def test_dates_are_written_the_languages_way(language: str, since: str, applied: str) -> None:
    _, client = _speaking(language)

    assert since in _page(client, "dashboard")
    assert f">{applied}</time>" in _page(client, "application_table")


def test_the_table_in_german() -> None:
    _, client = _speaking("de")

    html = _page(client, "application_table")

    for words in ["Bewerbungen", "Firma", "Beworben am", "Nächstes Follow-up", "Exportieren"]:
        assert words in html
    assert "1 Bewerbung erfasst" in html


def test_the_settings_page_in_each_language() -> None:
    for language, words in [
        ("de", ["Einstellungen speichern", "Sprache", "Passwort ändern"]),
        ("fr", ["Enregistrer les paramètres", "Langue", "Changer le mot de passe"]),
        ("es", ["Guardar ajustes", "Idioma", "Cambiar contraseña"]),
    ]:
        _, client = _speaking(language)
        html = _page(client, "account_settings")
        for word in words:
            assert word in html, (language, word)
        # Each language is offered in its own words, whatever the page speaks.
        for name in ["English", "Deutsch", "Français", "Español"]:
            assert f">{name}</option>" in html


def test_the_follow_ups_page_in_german(alice: User) -> None:
    _, client = _speaking("de")
    user = User.objects.get(username="user-de")
    application = Application.objects.get(owner=user)
    applications.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_role="hiring_manager",
        sender_name="Dana Smith",
        sender_email="dana@brandt.example",
        received_at=timezone.now() - timedelta(hours=30),
    )
    followups.proposal_job_run(job_id=application.proposal_jobs.get().pk)

    html = _page(client, "followups")

    for words in ["Überfällig", "Heute fällig", "Als gesendet markieren", "Entwurf speichern"]:
        assert words in html
    # The due moment, in German: "Di., 8. Dez., 10:00" or the like.
    assert re.search(r"(Mo|Di|Mi|Do|Fr|Sa|So)\., \d{1,2}\. (Dez|Nov)\., \d\d:\d\d", html)


def test_the_people_page_in_french() -> None:
    user, client = _speaking("fr")
    application = Application.objects.get(owner=user)
    applications.contact_create(
        owner=user, name="Katrin Vogel", role="hiring_manager", applications=[application]
    )

    html = _page(client, "people")

    assert "<title>Contacts" in html
    for words in [
        "Tout exporter (vCard)",
        "Nom, e-mail, entreprise",
        "Rôle et entreprise",
        "Responsable du recrutement",
        "Entwicklerin chez Brandt Werke",
        "Jamais",
        "1 contact",
    ]:
        assert words in html, words


def test_the_work_search_page_in_german() -> None:
    _, client = _speaking("de")

    html = _page(client, "work_search_log")

    for words in ["Aktivität eintragen", "Zeitraum", "Druckansicht", "Einstellungen speichern"]:
        assert words in html


def test_a_visitor_gets_the_browsers_language() -> None:
    client = Client()

    french = _page(client, "login", **{"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"})
    german = _page(client, "login", **{"Accept-Language": "de-AT"})
    unknown = _page(client, "login", **{"Accept-Language": "ja"})
    none = _page(client, "login")

    assert '<html lang="fr">' in french
    assert "Se connecter" in french
    assert '<html lang="de">' in german
    assert "Willkommen zurück" in german
    assert '<html lang="en">' in unknown
    assert "Welcome back" in unknown
    assert '<html lang="en">' in none
    assert "Welcome back" in none


def test_the_users_choice_beats_the_browser() -> None:
    _, client = _speaking("es")

    html = _page(client, "dashboard", **{"Accept-Language": "de"})

    assert '<html lang="es">' in html


def test_a_user_who_chose_none_gets_the_browsers_language() -> None:
    _, client = _speaking("")

    assert '<html lang="de">' in _page(client, "dashboard", **{"Accept-Language": "de"})
    assert '<html lang="en">' in _page(client, "dashboard")


def test_switching_to_german_and_back_to_english() -> None:
    user, client = _speaking("")
    form = {"full_name": "Katrin Vogel", "email": "k@example.com", "time_zone": "UTC"}

    response = client.post(reverse("account_settings"), {**form, "language": "de"}, follow=True)
    assert "Einstellungen gespeichert." in response.content.decode()
    user.refresh_from_db()
    assert user.language == "de"

    response = client.post(reverse("account_settings"), {**form, "language": "en"}, follow=True)
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Settings saved." in html
    user.refresh_from_db()
    assert user.language == "en"


def test_a_form_without_the_language_keeps_it() -> None:
    user, client = _speaking("fr")

    client.post(
        reverse("account_settings"),
        {"full_name": "Katrin Vogel", "email": "k@example.com", "time_zone": "UTC"},
    )

    user.refresh_from_db()
    assert user.language == "fr"


def test_an_unknown_language_is_a_field_error() -> None:
    user, client = _speaking("de")
    form = {"full_name": "K", "email": "k@example.com", "time_zone": "UTC", "language": "xx"}

    response = client.post(reverse("account_settings"), form)

    assert response.status_code == 200
    assert "language" in response.context["form"].errors
    user.refresh_from_db()
    assert user.language == "de"


def test_the_api_stays_english() -> None:
    user, _ = _speaking("de")

    response = api_client_for(user).get("/api/applications/", headers={"Accept-Language": "de"})

    assert response.status_code == 200
    assert response.json()["results"][0]["stage"] == "applied"


class _VisibleText(HTMLParser):
    """The words a person reads on a page: text, titles, labels for screen readers and
    placeholders; not scripts, nor what the user or the drafts wrote (kept as they are)."""

    HIDDEN = {"script", "style", "textarea"}
    THEIRS = {"followup-reason", "followup-sent-body", "quoted-message", "notes"}
    READ = ("title", "aria-label", "placeholder", "data-confirm")

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = set((found.get("class") or "").split())
        # Time zones are places, named as the tz database names them.
        places = tag == "select" and found.get("name") == "time_zone"
        if self.skipping or tag in self.HIDDEN or classes & self.THEIRS or places:
            if tag not in {"br", "input", "img", "hr", "meta", "link"}:
                self.skipping.append(tag)
            return
        self.words += [found[name] or "" for name in self.READ if name in found]

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.words.append(data)


def _visible(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    text = " ".join(" ".join(parser.words).split())
    # Words in German quotes are quoted as they are ("Status words like „Interview“").
    return re.sub(r"„[^“]*“", "", text)


ENGLISH = re.compile(
    r"\b(?:the|and|your|with|Add|Save|Cancel|Delete|Edit|Search|Overdue|Today|Stage|History"
    r"|Notes|Settings|Table|Inbox|Insights|Applications?|Interviews?|Rejection|Skip|Snooze"
    r"|Due|Sent|Nothing|Move|Log (?:in|out)|Not yet|Source|Salary|Location|Applied|Wishlist"
    r"|Screening|Offer|Ghosted|Withdrawn|Back|Show|Remind|Choose|days?|since|until|of)\b"
)


def _main_pages(client: Client, application: Application, person: Contact) -> dict[str, str]:
    pk = application.pk
    return {
        name: _page(client, name, *args)
        for name, args in [
            ("dashboard", ()),
            ("application_table", ()),
            ("application_detail", (pk,)),
            ("application_edit", (pk,)),
            ("application_create", ()),
            ("application_reject", (pk,)),
            ("followups", ()),
            ("account_settings", ()),
            ("inbox", ()),
            ("insights", ()),
            ("application_delete", (pk,)),
            ("notifications", ()),
            ("password_change", ()),
            ("api_token", ()),
            ("inbox_settings", ()),
            ("import_upload", ()),
            ("people", ()),
            ("person_detail", (person.pk,)),
        ]
    }


def test_no_english_is_left_on_the_main_pages_in_german() -> None:
    user, client = _speaking("de")
    application = Application.objects.get(owner=user)
    contact = applications.contact_create(
        owner=user, name="Katrin Vogel", role="hiring_manager", applications=[application]
    )
    applications.interview_create(
        application=application,
        kind=InterviewKind.ONSITE,
        scheduled_at=timezone.now() - timedelta(days=2),
        interviewers=[contact],
    )

    leftovers = {
        name: sorted(set(ENGLISH.findall(_visible(html))))
        for name, html in _main_pages(client, application, contact).items()
    }

    assert {name: words for name, words in leftovers.items() if words} == {}


def test_no_english_is_left_on_a_persons_page_in_german() -> None:
    # What they wrote and the notes to them: a rejection from the person, its follow-ups.
    user, client = _speaking("de")
    application = Application.objects.get(owner=user)
    applications.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_role="hiring_manager",
        sender_name="Katrin Vogel",
        sender_email="katrin@brandt.example",
        received_at=timezone.now() - timedelta(hours=30),
    )
    followups.proposal_job_run(job_id=application.proposal_jobs.get().pk)
    person = Contact.objects.get(owner=user)

    html = _page(client, "person_detail", person.pk)

    assert "Absage (Persönliche E-Mail)" in html
    assert ENGLISH.findall(_visible(html)) == []


def test_no_english_is_left_on_the_pages_a_visitor_sees_in_german() -> None:
    client = Client()
    for name in ["login", "signup", "password_reset", "password_reset_done"]:
        html = _page(client, name, **{"Accept-Language": "de"})
        assert ENGLISH.findall(_visible(html)) == [], name


def test_every_word_of_a_rejection_can_be_translated() -> None:
    # The labels live in a module free of Django; makemessages finds them in REJECTION_WORDS.
    labels = [label for _, label in CHANNEL_CHOICES + SENDER_ROLE_CHOICES]

    assert set(labels) == set(REJECTION_WORDS)
    with translation.override("de"):
        shown = dict(CHANNEL_CHOICES_SHOWN)
        assert str(shown["automated"]) == "Automatisch (Serienbrief, No-Reply-Adresse)"


def test_what_the_scripts_say_comes_in_the_pages_language() -> None:
    _, client = _speaking("fr")

    board = _page(client, "dashboard")
    insights = client.get(reverse("insights"))

    assert 'data-word-back="La carte est revenue à sa place."' in board
    words = insights.context["chart_data"]["words"]
    assert words["weekOf"] == "Semaine du %(day)s"
    assert words["sent"] == "Candidatures envoyées"
    assert insights.context["chart_data"]["weeks"][-1]["label"].endswith(("nov.", "déc."))


def test_the_draft_follows_the_letter_not_the_pages() -> None:
    user, client = _speaking("de")
    application = rejected_late(user, company="Harbor Labs")
    followup = FollowUp.objects.get(application=application, kind=Kind.REJECTION_REPLY)
    written_by_the_worker = (followup.subject, followup.body)

    response = client.post(
        reverse("followup_language", args=[followup.pk]), {"language": "en"}, follow=True
    )

    followup.refresh_from_db()
    assert (followup.subject, followup.body) == written_by_the_worker
    assert followup.body.startswith("Hi Dana,")
    assert "Entwurf auf English geschrieben." in response.content.decode()
