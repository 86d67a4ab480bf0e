"""docs/drafts-by-language.md is what the drafts say: written by the drafts_table command,
through the rules and compose with each language's catalogue, and kept so by this test."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import (
    Application,
    ChangeSource,
    ContactRole,
    Interview,
    InterviewKind,
    Stage,
)
from tracker.followups import services
from tracker.followups.drafts import LANGUAGES, Draft
from tracker.followups.kinds import Kind
from tracker.followups.management.commands.drafts_table import (
    CASES,
    OTHER_INTERVIEWER,
    Case,
    Story,
    drafts_of,
    table,
)
from tracker.followups.models import FollowUp
from tracker.mail.vocabulary import RejectionChannel, SenderRole

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "drafts-by-language.md"
REGENERATE = "python manage.py drafts_table --output docs/drafts-by-language.md"


def test_the_document_is_what_the_drafts_say() -> None:
    assert DOCUMENT.read_text(encoding="utf-8") == table(), (
        f"docs/drafts-by-language.md differs from the drafts: run `{REGENERATE}` and read "
        "the diff before committing it"
    )


def test_every_draft_language_has_its_case_and_every_kind() -> None:
    text = table()

    assert [case.language for case in CASES] == list(LANGUAGES)
    for heading in (
        "**Keep in touch, every two to three months if asked (",
        "**LinkedIn invitation note (the day after the onsite)**",
    ):
        assert text.count(heading) == len(LANGUAGES)


def test_the_command_prints_the_document_or_writes_it(tmp_path: Path) -> None:
    out = StringIO()
    call_command("drafts_table", stdout=out)
    written = tmp_path / "drafts.md"
    call_command("drafts_table", "--output", str(written))

    assert out.getvalue() == table()
    assert written.read_text(encoding="utf-8") == table()


# The document's drafts are the product's: the same case, stored and proposed for real, is
# written the same, word for word (its dates this week, its seed the application's id).


def _rejected_for_real(owner: User, case: Case, story: Story) -> Application:
    application = applications.application_create(
        owner=owner,
        company_name=case.company,
        role=case.role,
        stage=Stage.INTERVIEWING,
        applied_on=story.screen_at.date() - timedelta(days=14),
        source_of_change=ChangeSource.WEB,
    )
    writer, mei = (
        applications.contact_create(
            owner=owner, name=name, role=role, email="", applications=[application]
        )
        for name, role in (
            (case.sender, ContactRole.HIRING_MANAGER),
            (OTHER_INTERVIEWER, ContactRole.INTERVIEWER),
        )
    )
    for at, kind, met in (
        (story.screen_at, InterviewKind.PHONE_SCREEN, [writer]),
        (story.onsite_at, InterviewKind.ONSITE, [writer, mei]),
    ):
        applications.interview_create(
            application=application, scheduled_at=at, kind=kind, interviewers=met
        )
    applications.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel=RejectionChannel.PERSONAL_EMAIL,
        sender_role=SenderRole.HIRING_MANAGER,
        sender_name=case.sender,
        received_at=story.rejected_at,
        message=case.letter,
        subject=case.subject,
    )
    services.proposal_job_run(job_id=application.proposal_jobs.get().pk)
    return application


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[case.language for case in CASES])
def test_the_reply_and_both_notes_are_what_the_product_writes(alice: User, case: Case) -> None:
    alice.full_name, alice.time_zone = "Alex Rivera", "Europe/Berlin"
    alice.save()
    story = Story(rejected_at=timezone.now() - timedelta(hours=2))
    application = _rejected_for_real(alice, case, story)
    story = Story(rejected_at=story.rejected_at, seed=application.pk)

    stored = [
        Draft(f.subject, f.body)
        for kind in (Kind.REJECTION_REPLY, Kind.KEEP_IN_TOUCH)
        for f in FollowUp.objects.filter(application=application, kind=kind).order_by("sequence")
    ]
    ours = dict(drafts_of(case, story))

    assert stored == [
        ours["Reply to the rejection"],
        ours["Keep in touch, first note (6 weeks)"],
        ours["Keep in touch, last note (3 months later)"],
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[case.language for case in CASES])
def test_the_later_note_and_the_linkedin_note_are_what_the_product_writes(
    alice: User, case: Case
) -> None:
    alice.full_name, alice.time_zone = "Alex Rivera", "Europe/Berlin"
    alice.save()
    story = Story(rejected_at=timezone.now() - timedelta(hours=2))
    application = _rejected_for_real(alice, case, story)
    story = Story(rejected_at=story.rejected_at, seed=application.pk)
    notes = FollowUp.objects.filter(application=application, kind=Kind.KEEP_IN_TOUCH)
    for note in notes.order_by("sequence"):
        services.followup_mark_sent(followup=note, at=note.due_at)
    services.keeping_start(user=alice, application=application)
    # The step turned on after the letter came: the note speaks the letter's language.
    User.objects.filter(pk=alice.pk).update(linkedin_step=True)
    onsite = Interview.objects.select_related("application__owner").get(
        application=application, kind=InterviewKind.ONSITE
    )
    services.followups_propose_linkedin(interview=onsite)

    later = notes.get(sequence=3)
    linkedin = FollowUp.objects.get(
        application=application, kind=Kind.LINKEDIN, contact__name=case.sender
    )
    ours = {heading.partition(" (")[0]: draft for heading, draft in drafts_of(case, story)}

    assert (
        Draft(later.subject, later.body)
        == ours["Keep in touch, every two to three months if asked"]
    )
    assert Draft(linkedin.subject, linkedin.body) == ours["LinkedIn invitation note"]
