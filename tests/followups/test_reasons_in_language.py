"""Why a follow-up is proposed, in its owner's language: the worker writes the reason with
the owner's language turned on, so a German, French or Spanish user reads none of it in
English, whatever the language of the draft itself. A user who left the choice to the
browser (most users, and every test's alice) keeps English in the worker."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation

from tests.factories import application_for, make_user
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import Application, ChangeSource, InterviewKind
from tracker.followups import services
from tracker.followups.models import FollowUp
from tracker.followups.rules import Kind

pytestmark = pytest.mark.django_db

LETTER = """Dear Alex,

Thank you for the conversations over the last weeks. Unfortunately we have decided to go
ahead with another candidate. The panel was impressed by your pipeline design, and I would
be glad to offer a short call to share their feedback. We'd like to stay in touch.

Best regards,
Dana Smith"""

# Words each language's reasons use, and which the English ones never do.
SAID = {
    "de": ("Dankeschön", "Verfasst auf Englisch"),
    "fr": ("remerciement", "Rédigé en anglais"),
    "es": ("agradecimiento", "Redactado en inglés"),
}


def _user(language: str) -> User:
    return make_user(username=f"user-{language or 'browser'}", language=language)


def _rejected_after_an_onsite(owner: User, **details: str) -> Application:
    application = application_for(owner, company="Acme", role="Data Engineer", days_ago=30)
    dana = applications.contact_create(
        owner=owner, name="Dana Smith", email=f"dana.{owner.pk}@acme.example", role="hr"
    )
    applications.interview_create(
        application=application,
        scheduled_at=timezone.now() - timedelta(days=9),
        kind=InterviewKind.ONSITE,
        interviewers=[dana],
    )
    applications.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel=details.get("channel", "personal_email"),
        sender_role=details.get("sender_role", "hiring_manager"),
        sender_name=details.get("sender_name", "Dana Smith"),
        sender_email=details.get("sender_email", f"dana.{owner.pk}@acme.example"),
        received_at=timezone.now() - timedelta(days=5),
        message=details.get("message", LETTER),
    )
    services.proposal_job_run(job_id=application.proposal_jobs.get().pk)
    return application


def _reasons(application: Application) -> dict[tuple[str, int], str]:
    return {
        (f.kind, f.sequence): f.reason
        for f in FollowUp.objects.filter(application=application).order_by("kind", "sequence")
    }


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:])\s+", text) if len(s.split()) > 2]


def _assert_none_in_english(theirs: str, english: str) -> None:
    for sentence in _sentences(english):
        assert sentence not in theirs, (sentence, theirs)


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_a_rejections_reasons_are_written_in_the_owners_language(language: str) -> None:
    english = _reasons(_rejected_after_an_onsite(_user("")))
    theirs = _reasons(_rejected_after_an_onsite(_user(language)))

    assert (
        theirs.keys()
        == english.keys()
        == {
            (Kind.REJECTION_REPLY, 1),
            (Kind.KEEP_IN_TOUCH, 1),
            (Kind.KEEP_IN_TOUCH, 2),
        }
    )
    thanks, written = SAID[language]
    assert thanks in theirs[(Kind.REJECTION_REPLY, 1)]
    # The draft is English (the letter is), and the reason says so in the user's words.
    assert written in theirs[(Kind.REJECTION_REPLY, 1)]
    for key, reason in theirs.items():
        _assert_none_in_english(reason, english[key])
    # What the letter offered, taken up, is listed in their language too.
    assert "feedback they offered" not in theirs[(Kind.REJECTION_REPLY, 1)]


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_a_form_letter_says_why_nothing_is_due_in_the_owners_language(language: str) -> None:
    details = {
        "channel": "automated",
        "sender_role": "unknown",
        "sender_name": "",
        "sender_email": "no-reply@acme.example",
        "message": "",
    }
    english = _reasons(_rejected_after_an_onsite(_user(""), **details))
    theirs = _reasons(_rejected_after_an_onsite(_user(language), **details))

    (none,) = theirs.values()
    assert "no-reply@acme.example" in none
    _assert_none_in_english(none, english[(Kind.NONE, 1)])


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_nudges_ghost_checks_and_thank_yous_speak_the_owners_language(language: str) -> None:
    def sweep(owner: User) -> dict[str, str]:
        application_for(owner, company="Quiet", role="Analyst", days_ago=10)
        application_for(owner, company="Silent", role="Analyst", days_ago=22)
        interviewed = application_for(owner, company="Met", role="Analyst", days_ago=5)
        lee = applications.contact_create(owner=owner, name="Lee Park", role="interviewer")
        interview = applications.interview_create(
            application=interviewed,
            scheduled_at=timezone.now() - timedelta(hours=3),
            kind=InterviewKind.PHONE_SCREEN,
            interviewers=[lee],
        )
        services.followups_propose_nudges()
        services.followup_propose_thank_you(interview=interview)
        return {f.kind: f.reason for f in FollowUp.objects.filter(application__owner=owner)}

    english = sweep(_user(""))
    theirs = sweep(_user(language))

    assert {Kind.APPLICATION_NUDGE, Kind.GHOST_CHECK, Kind.INTERVIEW_THANK_YOU} <= theirs.keys()
    for kind, reason in theirs.items():
        _assert_none_in_english(reason, english[kind])
    assert "Lee Park" in theirs[Kind.INTERVIEW_THANK_YOU]


def test_a_rebuilt_draft_keeps_the_owners_language_and_one_language_sentence() -> None:
    """Rebuilding (or switching the draft's language) writes the reason again, in the
    owner's language, whatever page language the request happens to have."""
    application = _rejected_after_an_onsite(_user("de"))
    reply = application.followups.get(kind=Kind.REJECTION_REPLY)

    with translation.override("fr"):
        services.followup_switch_language(followup=reply, language="es")
    reply.refresh_from_db()

    assert "Verfasst auf Spanisch, wie Sie es gewählt haben." in reply.reason
    assert reply.reason.count("Verfasst auf") == 1
    assert "Rédigé" not in reply.reason


def test_a_user_who_left_the_language_to_the_browser_gets_english_from_the_worker(
    alice: User,
) -> None:
    reasons = _reasons(_rejected_after_an_onsite(alice))

    assert "a short thank-you keeps the door open" in reasons[(Kind.REJECTION_REPLY, 1)]
    assert "Written in English, the language of their letter." in reasons[(Kind.REJECTION_REPLY, 1)]
