"""Never lose the user's words; the facts a draft is built from."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    application_for,
    contact_for,
    make_user,
    rejected_late,
    send_due_reminders,
)
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import Application, ChangeSource, InterviewKind, Stage
from tracker.followups import services
from tracker.followups.drafts import FUTURE
from tracker.followups.kinds import Door, Kind
from tracker.followups.models import FollowUp, FollowUpStatus
from tracker.notifications.models import Notification

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def run_jobs(application: Application) -> None:
    for job in application.proposal_jobs.filter(done_at=None):
        services.proposal_job_run(job_id=job.pk)


def reply_of(application: Application) -> FollowUp:
    return application.followups.get(kind=Kind.REJECTION_REPLY)


def restate(application: Application, **details: object) -> None:
    """The user corrects the rejection's details; the worker proposes again."""
    values: dict[str, object] = {
        "channel": "personal_email",
        "sender_role": "hiring_manager",
        "sender_name": "Dana Smith",
        "sender_email": "dana@acme.example",
        "received_at": application.rejection.received_at,
    }
    values.update(details)
    applications.application_reject(application=application, source=ChangeSource.WEB, **values)  # type: ignore[arg-type]
    run_jobs(application)


def test_editing_the_details_reproposes_a_draft_the_user_did_not_touch(alice: User) -> None:
    application = rejected_late(alice)

    restate(application, sender_name="Kate O'Brien", sender_role="recruiter")

    reply = reply_of(application)
    assert reply.body.startswith("Hi Kate,")
    assert not reply.edited
    assert not reply.draft_stale


def test_an_edited_draft_is_kept_and_flagged_when_the_details_change(alice: User) -> None:
    application = rejected_late(alice)
    services.followup_update_draft(
        followup=reply_of(application), subject="Thanks", body="Hi Dana, my own words."
    )

    restate(application, sender_name="Kate O'Brien", sender_role="recruiter")

    reply = reply_of(application)
    assert (reply.subject, reply.body) == ("Thanks", "Hi Dana, my own words.")
    assert reply.edited
    assert reply.draft_stale
    assert reply.recipient_name == "Kate O'Brien"  # the address follows the new details


def test_saving_the_draft_unchanged_is_no_edit(alice: User) -> None:
    reply = reply_of(rejected_late(alice))

    services.followup_update_draft(followup=reply, subject=reply.subject, body=reply.body)

    assert not reply.edited


def test_an_edited_draft_no_longer_wanted_is_kept_open_and_flagged(alice: User) -> None:
    application = rejected_late(alice)
    services.followup_update_draft(followup=reply_of(application), subject="S", body="Mine.")

    restate(application, channel="automated", sender_name="", sender_email="")

    reply = reply_of(application)
    assert reply.status == FollowUpStatus.PROPOSED
    assert reply.body == "Mine."
    assert reply.draft_stale


def test_rebuilding_the_draft_replaces_the_edit_with_todays_facts(alice: User) -> None:
    application = rejected_late(alice)
    services.followup_update_draft(followup=reply_of(application), subject="S", body="Mine.")
    restate(application, sender_name="Kate O'Brien", sender_role="recruiter")

    services.followup_rebuild_draft(followup=reply_of(application))

    reply = reply_of(application)
    assert reply.body.startswith("Hi Kate,")
    # A recruiter is asked about other roles, in whichever wording the draft drew.
    asked = [w.format(company="Acme") for w in FUTURE[Door.OTHER_ROLES]]
    assert any(" ".join(w.split()) in " ".join(reply.body.split()) for w in asked)
    assert not reply.edited
    assert not reply.draft_stale


def test_a_skip_can_be_undone(alice: User) -> None:
    reply = reply_of(rejected_late(alice))
    services.followup_skip(followup=reply)

    services.followup_unskip(followup=reply)

    reply.refresh_from_db()
    assert reply.status == FollowUpStatus.PROPOSED


def test_only_a_skipped_follow_up_can_be_unskipped(alice: User) -> None:
    reply = reply_of(rejected_late(alice))

    with pytest.raises(ValidationError, match="Only a skipped"):
        services.followup_unskip(followup=reply)


def test_a_skipped_reply_stays_skipped_once_the_application_left_rejected(alice: User) -> None:
    application = rejected_late(alice)
    reply = reply_of(application)
    services.followup_skip(followup=reply)
    applications.application_change_stage(
        application=application, to_stage=Stage.INTERVIEWING, source=ChangeSource.WEB
    )

    with pytest.raises(ValidationError, match="no longer rejected"):
        services.followup_unskip(followup=reply)


# The facts: the email's text, the rounds, the signature.


def test_the_saved_email_shapes_the_reply(alice: User) -> None:
    application = rejected_late(alice)

    restate(
        application,
        sender_role="recruiter",
        message="Thanks for your time. We'll keep you in mind for future roles.",
    )

    reply = reply_of(application)
    assert "keep you in mind" in reply.reason
    assert "Please keep me in mind" not in reply.body


def test_the_highlight_names_the_round_the_reader_was_in(alice: User) -> None:
    application = application_for(alice)
    dana = contact_for(alice, name="Dana Smith")
    lee = contact_for(alice, name="Lee Park")
    applications.interview_create(
        application=application,
        scheduled_at=timezone.now() - timedelta(days=3),
        kind=InterviewKind.ONSITE,
        interviewers=[dana, lee],
    )
    restate_first = {
        "channel": "phone",
        "sender_role": "hiring_manager",
        "sender_name": "Dana Smith",
        "sender_email": "",
        "received_at": timezone.now() - timedelta(hours=2),
    }
    applications.application_reject(
        application=application,
        source=ChangeSource.WEB,
        **restate_first,  # type: ignore[arg-type]
    )
    run_jobs(application)

    reply = reply_of(application)
    assert "you and Lee" in reply.body
    assert "onsite" in reply.body
    assert reply.subject == "Thank you: Backend Engineer at Acme"
    assert "called you" in reply.reason


@pytest.mark.parametrize(
    ("fields", "signed"),
    [
        ({"full_name": "Alex Rivera", "first_name": "Al", "last_name": "R"}, "Alex Rivera"),
        ({"full_name": "", "first_name": "Alex", "last_name": "Rivera"}, "Alex Rivera"),
        # No name at all (an old account): the sign-off alone, never the username.
        ({"full_name": "", "first_name": "", "last_name": ""}, ","),
    ],
)
def test_drafts_are_signed_with_the_best_name_the_account_has(
    fields: dict[str, str], signed: str
) -> None:
    user = make_user(username="arivera", **fields)

    reply = reply_of(rejected_late(user))

    assert reply.body.endswith(signed)
    assert "arivera" not in reply.body


# The pages: rebuild and undo buttons, and the board asks before cancelling edits.


def test_the_card_offers_undo_for_a_skip_and_rebuild_for_an_edit(
    alice: User, alice_client: Client
) -> None:
    application = rejected_late(alice)
    reply = reply_of(application)
    services.followup_update_draft(followup=reply, subject="S", body="Mine.")
    page = alice_client.get(reverse("application_detail", args=[application.pk])).content.decode()
    assert reverse("followup_rebuild", args=[reply.pk]) in page
    assert 'data-copy-draft="body"' in page
    assert 'data-copy-draft="subject"' in page

    alice_client.post(reverse("followup_skip", args=[reply.pk]))
    page = alice_client.get(reverse("application_detail", args=[application.pk])).content.decode()
    assert reverse("followup_unskip", args=[reply.pk]) in page

    response = alice_client.post(reverse("followup_unskip", args=[reply.pk]))
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.status == FollowUpStatus.PROPOSED

    response = alice_client.post(reverse("followup_rebuild", args=[reply.pk]))
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.body.startswith("Hi Dana,")
    assert not reply.edited


def test_bob_can_neither_rebuild_nor_unskip_alices_follow_ups(
    alice: User, bob_client: Client
) -> None:
    reply = reply_of(rejected_late(alice))

    assert bob_client.post(reverse("followup_rebuild", args=[reply.pk])).status_code == 404
    assert bob_client.post(reverse("followup_unskip", args=[reply.pk])).status_code == 404


def test_unskipping_an_open_follow_up_is_a_clear_400(alice: User, alice_client: Client) -> None:
    reply = reply_of(rejected_late(alice))

    response = alice_client.post(reverse("followup_unskip", args=[reply.pk]))

    assert response.status_code == 400
    assert "Only a skipped" in response.content.decode()


def test_dragging_out_of_rejected_asks_before_cancelling_an_edited_draft(
    alice: User, alice_client: Client
) -> None:
    application = rejected_late(alice)
    services.followup_update_draft(followup=reply_of(application), subject="S", body="Mine.")
    url = reverse("application_move", args=[application.pk])

    asked = alice_client.post(url, {"stage": "interviewing"}, headers=HTMX)

    assert asked.status_code == 409
    assert "You edited the draft “Reply to the rejection”" in asked.content.decode()
    application.refresh_from_db()
    assert application.stage == Stage.REJECTED

    moved = alice_client.post(url, {"stage": "interviewing", "confirm": "1"}, headers=HTMX)

    assert moved.status_code == 200
    application.refresh_from_db()
    assert application.stage == Stage.INTERVIEWING
    assert reply_of(application).status == FollowUpStatus.CANCELLED


def test_dragging_out_of_rejected_without_edits_just_moves(
    alice: User, alice_client: Client
) -> None:
    application = rejected_late(alice)

    moved = alice_client.post(
        reverse("application_move", args=[application.pk]), {"stage": "applied"}, headers=HTMX
    )

    assert moved.status_code == 200


def test_the_api_marks_edits_and_offers_undo_and_rebuild(alice: User) -> None:
    from tests.factories import api_client_for

    api = api_client_for(alice)
    reply = reply_of(rejected_late(alice))
    base = reverse("api:followup-detail", args=[reply.pk])

    edited = api.patch(base, {"body": "Hi Dana, mine."})
    assert edited.json()["edited"] is True
    assert edited.json()["draft_stale"] is False

    rebuilt = api.post(base + "rebuild/")
    assert rebuilt.status_code == 200
    assert rebuilt.json()["edited"] is False
    assert rebuilt.json()["body"].startswith("Hi Dana,")

    api.post(base + "skip/")
    restored = api.post(base + "unskip/")
    assert restored.json()["status"] == "proposed"

    again = api.post(base + "unskip/")
    assert again.status_code == 409  # well formed; the follow-up's state refuses it
    assert "Only a skipped" in again.json()["status"][0]


def test_undoing_a_skip_keeps_the_48_hour_last_reminder(alice: User) -> None:
    application = application_for(alice)
    applications.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_role="hiring_manager",
        sender_name="Dana Smith",
        received_at=timezone.now() - timedelta(hours=2),
    )
    run_jobs(application)
    reply = reply_of(application)
    before = list(reply.reminders.values_list("remind_at", "last_call"))
    assert [last for _at, last in before] == [False, True]
    services.followup_skip(followup=reply)

    services.followup_unskip(followup=reply)

    assert list(reply.reminders.values_list("remind_at", "last_call")) == before


def test_editing_the_rejection_details_tells_the_user_once(alice: User) -> None:
    application = rejected_late(alice, hours_ago=30)
    send_due_reminders()
    told = Notification.objects.filter(user=alice).count()
    assert told

    restate(application, sender_name="Kate O'Brien", sender_role="recruiter")
    send_due_reminders()

    assert Notification.objects.filter(user=alice).count() == told
    assert not reply_of(application).reminders.filter(sent_at=None, last_call=False).exists()


def test_the_follow_ups_page_offers_to_undo_a_skip(alice: User, alice_client: Client) -> None:
    reply = reply_of(rejected_late(alice))

    response = alice_client.post(
        reverse("followup_skip", args=[reply.pk]), {"from": "followups"}, follow=True
    )

    page = response.content.decode()
    assert "Skipped. No more reminders for this one." in page
    assert reverse("followup_unskip", args=[reply.pk]) in page
    alice_client.post(reverse("followup_unskip", args=[reply.pk]), {"from": "followups"})
    reply.refresh_from_db()
    assert reply.status == FollowUpStatus.PROPOSED


def test_the_undo_offer_is_for_the_users_own_skipped_follow_up(
    alice: User, bob_client: Client
) -> None:
    reply = reply_of(rejected_late(alice))
    services.followup_skip(followup=reply)

    page = bob_client.get(reverse("followups"), {"skipped": str(reply.pk)}).content.decode()

    assert reverse("followup_unskip", args=[reply.pk]) not in page
    assert bob_client.get(reverse("followups"), {"skipped": "x" * 40}).status_code == 200
