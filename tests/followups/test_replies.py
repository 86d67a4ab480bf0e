"""A pasted rejection in any of the seven languages: the reply and its keep-in-touch notes
in that language and register, in their thread, and the reason saying so."""

import io
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import Application, ChangeSource, InterviewKind
from tracker.followups import drafts, services
from tracker.followups.drafts import compose
from tracker.followups.models import LANGUAGE_CHOICES, FollowUp
from tracker.followups.rules import Kind
from tracker.followups.services import draft_catalogue
from tracker.followups.services.drafts import _current_proposal
from tracker.followups.services.proposals import _draft_facts

pytestmark = pytest.mark.django_db

GERMAN = """Von: Dr. Katrin Vogel <k.vogel@brandt.example>
Betreff: AW: Ihre Bewerbung als Backend-Entwicklerin (Ref. 2231)

Sehr geehrter Herr Rivera,

vielen Dank für die Gespräche der letzten Wochen. Leider müssen wir Ihnen mitteilen, dass
wir uns für eine andere Kandidatin entschieden haben. Gerne biete ich Ihnen ein kurzes
Telefonat an, um Ihnen das Feedback des Teams zu geben.

Mit freundlichen Grüßen
Dr. Katrin Vogel"""

FRENCH = """Bonjour Alex,

Merci pour ton temps et pour les échanges de ces dernières semaines. Malheureusement, nous
avons retenu un autre profil pour le poste. On garde ton CV dans notre vivier !

Belle journée,
Claire Martin"""

SPANISH = """Estimado Sr. Rivera:

Le agradecemos el tiempo dedicado al proceso de selección. Lamentablemente, hemos decidido
continuar con otro candidato. El equipo quedó muy impresionado con su presentación.

Atentamente,
Lucía Fernández"""

ENGLISH = """Subject: Data Engineer (Req 4411) - update

Hi Alex,

Thanks again for your time with the team. The panel was impressed by your pipeline design,
but we went with a candidate with more streaming experience. I'd be happy to set up a short
call to share the panel's feedback, and I'd like to stay in touch: come by our Berlin Data
Meetup next month.

Best,
Dana Smith"""


def rejected_with(
    owner: User, letter: str, sender: str, *, company: str = "Brandt Werke"
) -> Application:
    """Interviewed with `sender` (and Mei at the onsite), then rejected by the pasted letter."""
    application = application_for(owner, company=company, role="Backend-Entwicklerin", days_ago=40)
    sender_contact = applications.contact_create(owner=owner, name=sender, role="hiring_manager")
    mei = applications.contact_create(owner=owner, name="Mei Chen", role="other")
    now = timezone.now()
    applications.interview_create(
        application=application,
        scheduled_at=now - timedelta(days=20),
        kind=InterviewKind.PHONE_SCREEN,
        interviewers=[sender_contact],
    )
    applications.interview_create(
        application=application,
        scheduled_at=now - timedelta(days=10),
        kind=InterviewKind.ONSITE,
        interviewers=[sender_contact, mei],
    )
    applications.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_role="hiring_manager",
        sender_name=sender,
        sender_email="them@brandt.example",
        received_at=now - timedelta(hours=30),
        message=letter,
    )
    for job in application.proposal_jobs.filter(done_at=None):
        services.proposal_job_run(job_id=job.pk)
    return application


def followup(application: Application, kind: Kind, sequence: int = 1) -> FollowUp:
    return application.followups.get(kind=kind, sequence=sequence)


def test_a_formal_german_letter_gets_a_formal_german_reply_in_its_thread(alice: User) -> None:
    application = rejected_with(alice, GERMAN, "Dr. Katrin Vogel")

    reply = followup(application, Kind.REJECTION_REPLY)
    assert reply.subject == "Re: Ihre Bewerbung als Backend-Entwicklerin (Ref. 2231)"
    assert reply.body.startswith("Sehr geehrte Frau Dr. Vogel,\n\n")
    assert "Vielen Dank für das Angebot" in reply.body  # the call, accepted with thanks
    assert "Sie und Mei beim Vor-Ort-Gespräch" in reply.body
    assert "Mit freundlichen Grüßen\nAlice Martin" in reply.body
    assert reply.written_in == "de"
    assert "Written in German, the language of their letter. Formally (“Sie”)" in reply.reason
    assert "the call and feedback they offered" in reply.reason
    for sequence in (1, 2):
        note = followup(application, Kind.KEEP_IN_TOUCH, sequence)
        assert note.body.startswith("Sehr geehrte Frau Dr. Vogel,")
        assert note.written_in == "de"
        assert "Mit freundlichen Grüßen" in note.body


def test_an_informal_french_letter_gets_a_reply_that_says_tu(alice: User) -> None:
    application = rejected_with(alice, FRENCH, "Claire Martin")

    reply = followup(application, Kind.REJECTION_REPLY)
    assert reply.body.startswith("Bonjour Claire,\n\n")
    assert " ton " in reply.body or " te " in reply.body or " toi" in reply.body
    assert " vous " not in reply.body
    assert "conserver mon dossier" in reply.body  # "on garde ton CV dans notre vivier"
    assert "Informally (“tu”)" in reply.reason
    assert followup(application, Kind.KEEP_IN_TOUCH).body.startswith("Bonjour Claire,")


def test_a_formal_spanish_letter_gets_a_reply_that_says_usted(alice: User) -> None:
    application = rejected_with(alice, SPANISH, "Lucía Fernández")

    reply = followup(application, Kind.REJECTION_REPLY)
    assert reply.body.startswith("Estimada Sra. Fernández:\n\n")
    assert "Sus amables palabras" in reply.body  # their praise, thanked modestly
    assert "Formally (“usted”)" in reply.reason
    assert followup(application, Kind.KEEP_IN_TOUCH, 2).body.startswith("Estimada Sra. Fernández:")


def test_an_english_reply_takes_up_what_was_said_and_the_reason_lists_it(alice: User) -> None:
    application = rejected_with(alice, ENGLISH, "Dana Smith", company="Harbor Labs")

    reply = followup(application, Kind.REJECTION_REPLY)
    assert reply.subject == "Re: Data Engineer (Req 4411) - update"
    assert reply.body.startswith("Hi Dana,")
    assert "Thank you for offering a call to go through the feedback" in reply.body
    assert "Berlin Data Meetup" in reply.body
    assert "advice" not in reply.body
    for taken in (
        "call and feedback they offered",
        "stay in touch",
        "praise",
        "Berlin Data Meetup",
    ):
        assert taken in reply.reason


def test_the_subject_read_from_the_inbox_keeps_the_thread(alice: User) -> None:
    application = application_for(alice)
    applications.application_reject(
        application=application,
        source=ChangeSource.INBOX,
        channel="personal_email",
        sender_role="recruiter",
        sender_name="Dana Smith",
        received_at=timezone.now() - timedelta(hours=30),
        message="Hi Alex, we went with another candidate. Best, Dana",
        subject="RE: Backend Engineer (Req 7) - next steps",
    )
    for job in application.proposal_jobs.filter(done_at=None):
        services.proposal_job_run(job_id=job.pk)

    assert followup(application, Kind.REJECTION_REPLY).subject == (
        "Re: Backend Engineer (Req 7) - next steps"
    )


# The one-click switch.


def test_one_click_writes_the_draft_in_another_language(alice: User, alice_client: Client) -> None:
    application = rejected_with(alice, ENGLISH, "Dana Smith", company="Harbor Labs")
    reply = followup(application, Kind.REJECTION_REPLY)

    response = alice_client.post(reverse("followup_language", args=[reply.pk]), {"language": "de"})

    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.written_in == reply.language == "de"
    assert reply.body.startswith("Hallo Dana,")  # a first-name letter: a first-name reply
    assert "Written in German, as you chose" in reply.reason
    assert reply.reason.count("Written in") == 1
    assert reply.subject == "Re: Data Engineer (Req 4411) - update"
    # Rebuilt later (new details), it stays in the language the user chose.
    services.followup_rebuild_draft(followup=reply)
    reply.refresh_from_db()
    assert reply.written_in == "de"
    assert reply.reason.count("Written in") == 1


def test_the_card_offers_every_language_by_its_own_name(alice: User, alice_client: Client) -> None:
    application = rejected_with(alice, GERMAN, "Dr. Katrin Vogel")
    reply = followup(application, Kind.REJECTION_REPLY)

    page = alice_client.get(reverse("followups")).content.decode()

    assert reverse("followup_language", args=[reply.pk]) in page
    for _, name in LANGUAGE_CHOICES:
        assert name in page


def test_bob_cannot_switch_alices_draft(alice: User, bob_client: Client) -> None:
    application = rejected_with(alice, GERMAN, "Dr. Katrin Vogel")
    reply = followup(application, Kind.REJECTION_REPLY)

    response = bob_client.post(reverse("followup_language", args=[reply.pk]), {"language": "fr"})

    assert response.status_code == 404
    reply.refresh_from_db()
    assert reply.written_in == "de"


@pytest.mark.parametrize("language", ["", "xx", "de-DE", "<script>"])
def test_an_unknown_language_is_refused_and_nothing_changes(
    alice: User, alice_client: Client, language: str
) -> None:
    application = rejected_with(alice, GERMAN, "Dr. Katrin Vogel")
    reply = followup(application, Kind.REJECTION_REPLY)
    before = (reply.subject, reply.body, reply.language)

    response = alice_client.post(
        reverse("followup_language", args=[reply.pk]), {"language": language}
    )

    assert response.status_code in (200, 302, 400)
    reply.refresh_from_db()
    assert (reply.subject, reply.body, reply.language) == before


# Exactly what happened: the thank-you for one interview.


def test_the_interview_thank_you_names_that_rounds_people_and_uses_the_notes(alice: User) -> None:
    application = application_for(alice, days_ago=5)
    lee = applications.contact_create(owner=alice, name="Lee Park", role="interviewer")
    applications.interview_create(
        application=application,
        scheduled_at=timezone.now() - timedelta(hours=3),
        kind=InterviewKind.TECHNICAL,
        interviewers=[lee],
        notes="Their move from Kafka to Pulsar, and how they test it\nAsked about on-call",
    )

    thank_you = application.followups.get(kind=Kind.INTERVIEW_THANK_YOU)
    assert thank_you.body.startswith("Hi Lee,")
    assert "technical interview" in thank_you.body
    assert "Their move from Kafka to Pulsar, and how they test it" in thank_you.body
    assert "on-call" not in thank_you.body


# The catalogues.


def test_the_committed_catalogues_are_compiled_from_their_po_files() -> None:
    # The drafts' words in each language a draft is written in; the pages' in each
    # language the interface speaks.
    catalogues = [(code, "drafts") for code, _ in LANGUAGE_CHOICES[1:]]
    catalogues += [(code, "django") for code, _ in settings.LANGUAGES[1:]]
    for code, domain in catalogues:
        folder = Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES"
        with open(folder / f"{domain}.po", "rb") as po:
            catalog = read_po(po)
        compiled = io.BytesIO()
        write_mo(compiled, catalog)
        assert (folder / f"{domain}.mo").read_bytes() == compiled.getvalue(), (
            f"locale/{code}/LC_MESSAGES/{domain}.po: run `make messages`"
        )


def test_the_models_languages_are_the_drafts_languages() -> None:
    assert [code for code, _ in LANGUAGE_CHOICES] == list(drafts.LANGUAGES)


def test_what_they_said_outlasts_the_word_budget_whatever_the_wording(alice: User) -> None:
    """The wordings vary with the application; when a draft runs long, the sentences that
    only fill give way before the ones that answer what the letter said."""
    application = rejected_with(alice, ENGLISH, "Dana Smith", company="Harbor Labs")
    reply = application.followups.get(kind=Kind.REJECTION_REPLY)
    facts, _ = _draft_facts(application, _current_proposal(reply, timezone.now()), None)

    for seed in range(1, 200):
        draft = compose(replace(facts, seed=seed), draft_catalogue("en"))
        assert "Berlin Data Meetup" in draft.body, seed
        assert len(draft.body.split()) < 120, seed
