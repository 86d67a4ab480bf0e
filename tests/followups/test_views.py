"""The follow-up pages: owners only, every action a POST that lands back where it started,
refusals as 400s with a reason, and a page whose queries do not grow with its length."""

import html
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import Application, ChangeSource, Stage
from tracker.core.clock import start_of_today
from tracker.followups import selectors, services
from tracker.followups.kinds import Kind
from tracker.followups.models import FollowUp, FollowUpStatus

pytestmark = pytest.mark.django_db

ACTIONS = ["followup_draft", "followup_sent", "followup_skip", "followup_snooze"]


def rejected(
    owner: User, *, company: str = "Acme", interviewed: bool = False, **details: Any
) -> Application:
    """An application rejected through the service, its follow-ups worked out at once
    (in production a Celery task does that after the commit)."""
    application = application_for(owner, company=company)
    if interviewed:
        applications.application_change_stage(
            application=application, to_stage=Stage.INTERVIEWING, source=ChangeSource.WEB
        )
    values: dict[str, Any] = {
        "channel": "personal_email",
        "sender_role": "hiring_manager",
        "sender_name": "Dana Smith",
        "sender_email": "dana@acme.example",
        **details,
    }
    applications.application_reject(application=application, source=ChangeSource.WEB, **values)
    services.proposal_job_run(job_id=application.proposal_jobs.get(done_at=None).pk)
    return application


@pytest.fixture
def alices_reply(alice: User) -> FollowUp:
    return rejected(alice).followups.get(kind=Kind.REJECTION_REPLY)


def _tomorrow_local(user: User) -> datetime:
    return timezone.localtime(timezone.now() + timedelta(days=2), user.zone)


def _action_data(name: str) -> dict[str, str]:
    if name == "followup_draft":
        return {"subject": "Changed", "body": "Changed"}
    if name == "followup_snooze":
        return {"preset": "tomorrow"}
    return {}


# Login and ownership ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["followups"])
def test_pages_require_login(client: Client, name: str) -> None:
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", ACTIONS)
def test_actions_require_login(client: Client, alices_reply: FollowUp, name: str) -> None:
    response = client.post(reverse(name, args=[alices_reply.pk]), _action_data(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    alices_reply.refresh_from_db()
    assert alices_reply.status == FollowUpStatus.PROPOSED


@pytest.mark.parametrize("name", ACTIONS)
def test_actions_only_accept_post(alice_client: Client, alices_reply: FollowUp, name: str) -> None:
    response = alice_client.get(reverse(name, args=[alices_reply.pk]), _action_data(name))

    assert response.status_code == 405
    alices_reply.refresh_from_db()
    assert alices_reply.status == FollowUpStatus.PROPOSED


def test_another_users_application_follow_ups_are_not_found(
    bob_client: Client, alice: User
) -> None:
    application = rejected(alice, interviewed=True)

    stop_url = reverse("followups_stop_keeping_in_touch", args=[application.pk])

    panel = bob_client.get(reverse("application_followups_panel", args=[application.pk]))

    assert panel.status_code == 404
    assert bob_client.post(stop_url).status_code == 404
    assert application.followups.filter(kind=Kind.KEEP_IN_TOUCH, status="proposed").count() == 2


def test_the_follow_ups_page_shows_only_the_users_own(
    alice_client: Client, alice: User, bob: User
) -> None:
    rejected(alice, company="Acme")
    rejected(bob, company="Bob's Secret Startup")

    response = alice_client.get(reverse("followups"))

    assert b"Acme" in response.content
    assert b"Secret Startup" not in response.content


# Actions ------------------------------------------------------------------------------------


def test_it_marks_a_follow_up_sent_and_returns_to_the_follow_ups_page(
    alice_client: Client, alices_reply: FollowUp
) -> None:
    response = alice_client.post(
        reverse("followup_sent", args=[alices_reply.pk]), {"from": "followups"}
    )

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('followups')}#followup-{alices_reply.pk}"
    alices_reply.refresh_from_db()
    assert alices_reply.status == FollowUpStatus.SENT
    assert alices_reply.sent_at is not None


def test_an_action_from_the_application_page_returns_there(
    alice_client: Client, alices_reply: FollowUp
) -> None:
    response = alice_client.post(reverse("followup_skip", args=[alices_reply.pk]))

    detail = reverse("application_detail", args=[alices_reply.application_id])
    assert response["Location"] == f"{detail}#followup-{alices_reply.pk}"
    alices_reply.refresh_from_db()
    assert alices_reply.status == FollowUpStatus.SKIPPED


def test_it_never_redirects_anywhere_but_its_own_pages(
    alice_client: Client, alices_reply: FollowUp
) -> None:
    response = alice_client.post(
        reverse("followup_skip", args=[alices_reply.pk]), {"from": "https://evil.example/"}
    )

    assert response["Location"].startswith("/applications/")


def test_it_saves_an_edited_draft(alice_client: Client, alices_reply: FollowUp) -> None:
    response = alice_client.post(
        reverse("followup_draft", args=[alices_reply.pk]),
        {"subject": "  Thank you, Dana  ", "body": "Hi Dana,\n\nThank you.\n\nAlice"},
    )

    assert response.status_code == 302
    alices_reply.refresh_from_db()
    assert alices_reply.subject == "Thank you, Dana"
    assert alices_reply.body == "Hi Dana,\n\nThank you.\n\nAlice"
    assert alices_reply.status == FollowUpStatus.PROPOSED


def test_an_over_long_subject_is_a_field_error_and_saves_nothing(
    alice_client: Client, alices_reply: FollowUp
) -> None:
    response = alice_client.post(
        reverse("followup_draft", args=[alices_reply.pk]), {"subject": "x" * 301, "body": "Hi"}
    )

    assert response.status_code == 400
    assert "subject" in response.context["draft_form"].errors
    assert b"is-invalid" in response.content
    alices_reply.refresh_from_db()
    assert alices_reply.subject == "Re: Backend Engineer at Acme"


@pytest.mark.parametrize("name", ACTIONS)
def test_an_action_on_a_sent_follow_up_is_refused_with_a_reason(
    alice_client: Client, alices_reply: FollowUp, name: str
) -> None:
    services.followup_mark_sent(followup=alices_reply)
    before = FollowUp.objects.values().get(pk=alices_reply.pk)

    response = alice_client.post(reverse(name, args=[alices_reply.pk]), _action_data(name))

    assert response.status_code == 400
    assert b"a follow-up that is Sent." in response.content
    assert FollowUp.objects.values().get(pk=alices_reply.pk) == before


@pytest.mark.parametrize("name", ACTIONS)
def test_the_refusal_is_in_the_users_language(
    alice: User, alice_client: Client, alices_reply: FollowUp, name: str
) -> None:
    alice.language = "de"
    alice.save(update_fields=["language"])
    services.followup_mark_sent(followup=alices_reply)

    response = alice_client.post(reverse(name, args=[alices_reply.pk]), _action_data(name))

    assert response.status_code == 400
    assert "Ein Follow-up mit dem Status „Gesendet“ lässt sich nicht" in html.unescape(
        response.content.decode()
    )
    assert b"a follow-up that is" not in response.content


def test_snoozing_into_the_past_is_a_field_error(
    alice_client: Client, alices_reply: FollowUp
) -> None:
    past = timezone.localtime() - timedelta(hours=2)

    response = alice_client.post(
        reverse("followup_snooze", args=[alices_reply.pk]),
        {"until": past.strftime("%Y-%m-%dT%H:%M")},
    )

    assert response.status_code == 400
    assert "until" in response.context["snooze_form"].errors
    alices_reply.refresh_from_db()
    assert alices_reply.status == FollowUpStatus.PROPOSED


def test_snoozing_needs_a_time(alice_client: Client, alices_reply: FollowUp) -> None:
    response = alice_client.post(reverse("followup_snooze", args=[alices_reply.pk]), {"until": ""})

    assert response.status_code == 400
    assert "until" in response.context["snooze_form"].errors


def test_snoozing_until_tomorrow_means_nine_in_the_users_time_zone(
    alice_client: Client, alice: User, alices_reply: FollowUp
) -> None:
    alice.time_zone = "Asia/Tokyo"
    alice.save()

    response = alice_client.post(
        reverse("followup_snooze", args=[alices_reply.pk]), {"preset": "tomorrow"}
    )

    assert response.status_code == 302
    alices_reply.refresh_from_db()
    assert alices_reply.status == FollowUpStatus.SNOOZED
    assert alices_reply.due_at is not None
    local = timezone.localtime(alices_reply.due_at, alice.zone)
    assert (local.hour, local.minute) == (9, 0)
    assert local.date() == timezone.localtime(timezone.now(), alice.zone).date() + timedelta(days=1)


def test_snoozing_until_a_chosen_time_reads_it_in_the_users_time_zone(
    alice_client: Client, alice: User, alices_reply: FollowUp
) -> None:
    alice.time_zone = "America/New_York"
    alice.save()
    when = _tomorrow_local(alice).replace(hour=14, minute=30, second=0, microsecond=0)

    alice_client.post(
        reverse("followup_snooze", args=[alices_reply.pk]),
        {"until": when.strftime("%Y-%m-%dT%H:%M")},
    )

    alices_reply.refresh_from_db()
    assert alices_reply.due_at == when
    assert alices_reply.reminders.get(sent_at=None).remind_at == when


def test_stopping_keep_in_touch_cancels_the_check_ins(alice_client: Client, alice: User) -> None:
    application = rejected(alice, interviewed=True)

    response = alice_client.post(
        reverse("followups_stop_keeping_in_touch", args=[application.pk]), {"from": "followups"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("followups")
    statuses = application.followups.filter(kind=Kind.KEEP_IN_TOUCH).values_list(
        "status", flat=True
    )
    assert set(statuses) == {FollowUpStatus.CANCELLED}
    assert application.followups.get(kind=Kind.REJECTION_REPLY).status == FollowUpStatus.PROPOSED


def test_stopping_keep_in_touch_only_accepts_post(alice_client: Client, alice: User) -> None:
    application = rejected(alice, interviewed=True)

    url = reverse("followups_stop_keeping_in_touch", args=[application.pk])

    assert alice_client.get(url).status_code == 405


# The card ---------------------------------------------------------------------------------


def test_the_mail_link_encodes_the_subject_and_body(alices_reply: FollowUp) -> None:
    services.followup_update_draft(
        followup=alices_reply, subject="Q&A: thanks?", body="Hi Dana,\n\nThanks & see you=soon"
    )

    link = selectors.followup_mailto(alices_reply)

    assert link == (
        "mailto:dana@acme.example?subject=Q%26A%3A%20thanks%3F"
        "&body=Hi%20Dana%2C%0D%0A%0D%0AThanks%20%26%20see%20you%3Dsoon"
    )


def test_the_card_offers_the_draft_and_its_actions(
    alice_client: Client, alices_reply: FollowUp
) -> None:
    services.followup_update_draft(followup=alices_reply, subject="A & B", body="Line 1\nLine 2")

    response = alice_client.get(reverse("followups"))

    html = response.content.decode()
    pk = alices_reply.pk
    assert f'id="followup-{pk}"' in html
    assert "mailto:dana@acme.example?subject=A%20%26%20B&amp;body=Line%201%0D%0ALine%202" in html
    for name in ACTIONS:
        assert f'action="{reverse(name, args=[pk])}"' in html
    assert 'name="preset" value="tomorrow"' in html
    assert "data-copy-draft" in html
    assert alices_reply.reason in html
    assert "Reply to the rejection" in html


def test_a_keep_in_touch_card_offers_to_stop(alice_client: Client, alice: User) -> None:
    application = rejected(alice, interviewed=True)

    response = alice_client.get(reverse("application_detail", args=[application.pk]))

    stop = reverse("followups_stop_keeping_in_touch", args=[application.pk])
    assert f'action="{stop}"' in response.content.decode()


def test_a_ghost_check_offers_to_mark_it_ghosted_or_keep_waiting(
    alice_client: Client, alice: User
) -> None:
    application = application_for(alice)
    services.followups_propose_nudges(now=timezone.now() + timedelta(days=30))
    check = application.followups.get(kind=Kind.GHOST_CHECK)

    html = alice_client.get(reverse("followups")).content.decode()

    change_stage = reverse("application_change_stage", args=[application.pk])
    assert f'action="{change_stage}"' in html
    assert 'name="stage" value="ghosted"' in html
    assert f'action="{reverse("followup_skip", args=[check.pk])}"' in html
    assert "Keep waiting" in html
    assert f'action="{reverse("followup_draft", args=[check.pk])}"' not in html


def test_a_sent_follow_up_says_when(alice_client: Client, alices_reply: FollowUp) -> None:
    services.followup_mark_sent(followup=alices_reply)

    response = alice_client.get(reverse("application_detail", args=[alices_reply.application_id]))

    assert b"Sent on" in response.content
    assert f'action="{reverse("followup_sent", args=[alices_reply.pk])}"' not in (
        response.content.decode()
    )


# The Follow-ups page ------------------------------------------------------------------------


def _section_ids(response: Any, section: str) -> list[int]:
    return [card.followup.pk for card in getattr(response.context["sections"], section)]


def test_the_page_sorts_follow_ups_into_sections(alice_client: Client, alice: User) -> None:
    alice.time_zone = "Pacific/Auckland"
    alice.save()
    now = timezone.now()
    overdue, today, upcoming, sent = (
        rejected(alice, company=name).followups.get() for name in ("A", "B", "C", "D")
    )
    FollowUp.objects.filter(pk=overdue.pk).update(due_at=now - timedelta(days=3))
    FollowUp.objects.filter(pk=today.pk).update(due_at=now)
    FollowUp.objects.filter(pk=upcoming.pk).update(due_at=now + timedelta(days=3))
    services.followup_mark_sent(followup=sent)
    not_needed = rejected(alice, company="E", channel="automated").followups.get()
    services.followup_skip(followup=rejected(alice, company="F").followups.get())

    response = alice_client.get(reverse("followups"))

    assert _section_ids(response, "overdue") == [overdue.pk]
    assert _section_ids(response, "today") == [today.pk]
    assert _section_ids(response, "upcoming") == [upcoming.pk]
    assert _section_ids(response, "sent") == [sent.pk]
    assert _section_ids(response, "not_needed") == [not_needed.pk]
    assert b"Overdue</span>" in response.content


def test_a_follow_up_due_earlier_today_is_due_today_not_overdue(alice: User) -> None:
    reply = rejected(alice).followups.get()
    now = timezone.now()
    local_midnight = start_of_today(now, alice.zone)
    FollowUp.objects.filter(pk=reply.pk).update(due_at=local_midnight + timedelta(minutes=1))

    sections = selectors.followup_sections(user=alice, now=now)

    assert [c.followup.pk for c in sections.today] == [reply.pk]
    assert not sections.overdue


def test_a_form_letter_is_listed_as_not_needed_with_a_way_to_correct_it(
    alice_client: Client, alice: User
) -> None:
    application = rejected(
        alice, channel="automated", sender_role="unknown", sender_name="", sender_email=""
    )

    html = alice_client.get(reverse("followups")).content.decode()

    assert "You marked it a form letter: no reply is expected." in html
    assert f'href="{reverse("application_reject", args=[application.pk])}"' in html


def test_the_empty_page_explains_what_will_appear(alice_client: Client) -> None:
    response = alice_client.get(reverse("followups"))

    assert response.status_code == 200
    assert b"Nothing to follow up yet" in response.content


def test_the_page_makes_as_many_queries_for_thirty_follow_ups_as_for_three(
    alice_client: Client, alice: User, django_assert_max_num_queries: Any
) -> None:
    rejected(alice, interviewed=True, company="Company 0")  # a reply and two check-ins
    assert FollowUp.objects.count() == 3
    with CaptureQueriesContext(connection) as three:
        alice_client.get(reverse("followups"))

    for n in range(1, 10):
        rejected(alice, interviewed=True, company=f"Company {n}")
    assert FollowUp.objects.count() == 30

    with django_assert_max_num_queries(len(three.captured_queries)):
        response = alice_client.get(reverse("followups"))
    assert len(response.context["sections"].upcoming) == 30


# The application page's panel ---------------------------------------------------------------


def test_the_application_page_lists_its_follow_ups_except_cancelled(
    alice_client: Client, alice: User
) -> None:
    application = rejected(alice, interviewed=True)
    services.followups_stop_keeping_in_touch(application=application)
    reply = application.followups.get(kind=Kind.REJECTION_REPLY)

    response = alice_client.get(reverse("application_detail", args=[application.pk]))

    assert [c.followup.pk for c in response.context["followups"].cards] == [reply.pk]
    assert f'id="followup-{reply.pk}"' in response.content.decode()


def test_the_application_page_waits_for_a_rejections_follow_up(
    alice_client: Client, alice: User
) -> None:
    application = application_for(alice)
    applications.application_reject(
        application=application, source=ChangeSource.WEB, channel="automated"
    )
    panel_url = reverse("application_followups_panel", args=[application.pk])

    page = alice_client.get(reverse("application_detail", args=[application.pk]))

    assert "Working out the follow-up…" in page.content.decode()
    assert f'hx-get="{panel_url}?attempt=1"' in page.content.decode()

    polled = alice_client.get(panel_url, {"attempt": "1"}, HTTP_HX_REQUEST="true")

    assert polled.status_code == 200
    assert f'hx-get="{panel_url}?attempt=2"' in polled.content.decode()
    assert b"<html" not in polled.content

    services.proposal_job_run(job_id=application.proposal_jobs.get().pk)
    ready = alice_client.get(panel_url, {"attempt": "2"}, HTTP_HX_REQUEST="true")

    assert "hx-get" not in ready.content.decode()
    assert "You marked it a form letter: no reply is expected." in ready.content.decode()
    assert "Follow-ups are ready." in ready.content.decode()


def test_the_application_page_stops_waiting_after_twenty_seconds(
    alice_client: Client, alice: User
) -> None:
    application = application_for(alice)
    applications.application_reject(application=application, source=ChangeSource.WEB)

    response = alice_client.get(
        reverse("application_followups_panel", args=[application.pk]), {"attempt": "20"}
    )

    assert "hx-get" not in response.content.decode()
    assert "taking longer than usual" in response.content.decode()


def test_an_application_never_rejected_does_not_wait(
    alice_client: Client, alices_application: Application
) -> None:
    response = alice_client.get(reverse("application_detail", args=[alices_application.pk]))

    panel_url = reverse("application_followups_panel", args=[alices_application.pk])
    assert panel_url not in response.content.decode()
    assert "Nothing to send yet" in response.content.decode()
