"""Keeping in touch for as long as alice wants, and the LinkedIn step, against the
database and through the pages: proposed once, to one person at a time, stopped in one
click; bob never sees or touches any of it."""

from datetime import timedelta
from itertools import pairwise
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import (
    Application,
    ChangeSource,
    Contact,
    ContactRole,
    InterviewKind,
    Stage,
)
from tracker.followups import rules, services
from tracker.followups.drafts import thanks_in
from tracker.followups.kinds import Kind
from tracker.followups.models import FollowUp, FollowUpStatus, KeepingInTouch
from tracker.inbox.models import InboxItem, ItemKind, Via

pytestmark = pytest.mark.django_db

LETTER = (
    "Hi Alex,\n\nThank you for meeting the team last week. We decided to go with another "
    "candidate.\n\nBest,\nDana Smith\nRecruiter"
)


def rejected_after_onsite(owner: User) -> Application:
    """An onsite with Katrin (the hiring manager) and Dana (the recruiter) at Acme; Dana's
    personal rejection, and a note from Katrin the inbox kept: both wrote."""
    application = applications.application_create(
        owner=owner,
        company_name="Acme",
        role="Data Engineer",
        stage=Stage.INTERVIEWING,
        applied_on=timezone.localdate() - timedelta(days=30),
        source_of_change=ChangeSource.WEB,
    )
    katrin = person(application, "Katrin Vogel", ContactRole.HIRING_MANAGER)
    dana = person(application, "Dana Smith", ContactRole.RECRUITER)
    applications.interview_create(
        application=application,
        scheduled_at=timezone.now() - timedelta(days=8),
        kind=InterviewKind.ONSITE,
        interviewers=[katrin, dana],
    )
    InboxItem.objects.create(
        owner=owner,
        fingerprint=f"{application.pk:064d}",
        via=Via.FORWARD,
        kind=ItemKind.OTHER,
        subject="Your onsite",
        sender_email="katrin.vogel@acme.example",
        text="Thanks for coming in; we will decide this week.",
        application=application,
    )
    applications.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_role="recruiter",
        sender_name="Dana Smith",
        sender_email="dana.smith@acme.example",
        received_at=timezone.now() - timedelta(hours=30),
        message=LETTER,
    )
    services.proposal_job_run(job_id=application.proposal_jobs.get().pk)
    return application


def person(application: Application, name: str, role: str) -> Contact:
    """Someone on the application: the one person they are, on a second one too."""
    owner = application.owner
    email = f"{name.lower().replace(' ', '.')}@acme.example"
    known = Contact.objects.filter(owner=owner, email=email).first()
    if known is None:
        return applications.contact_create(
            owner=owner, name=name, role=role, email=email, applications=[application]
        )
    return applications.contact_update(
        owner=owner, contact=known, applications=[*known.applications.all(), application]
    )


def notes(application: Application) -> list[tuple[int, str, str]]:
    return list(
        application.followups.filter(kind=Kind.KEEP_IN_TOUCH)
        .order_by("sequence")
        .values_list("sequence", "recipient_name", "status")
    )


def send_the_two_notes(application: Application) -> None:
    for followup in application.followups.filter(kind=Kind.KEEP_IN_TOUCH).order_by("sequence"):
        services.followup_mark_sent(followup=followup)


@pytest.fixture
def acme(alice: User) -> Application:
    return rejected_after_onsite(alice)


def test_without_alices_yes_the_two_notes_are_all(acme: Application) -> None:
    send_the_two_notes(acme)

    assert services.followups_propose_next_touches() == 0
    assert [n[0] for n in notes(acme)] == [1, 2]


def test_with_her_yes_the_hiring_manager_hears_next_two_to_three_months_on(
    alice: User, acme: Application
) -> None:
    services.keeping_start(user=alice, application=acme)
    send_the_two_notes(acme)

    third = acme.followups.get(kind=Kind.KEEP_IN_TOUCH, sequence=3)
    second = acme.followups.get(kind=Kind.KEEP_IN_TOUCH, sequence=2)
    assert third.status == FollowUpStatus.PROPOSED
    assert (third.recipient_name, third.recipient_email) == (
        "Katrin Vogel",
        "katrin.vogel@acme.example",
    )
    assert second.sent_at is not None
    assert third.due_at is not None
    after = max(second.sent_at, second.due_at or second.sent_at)
    assert timedelta(days=61) <= third.due_at - after <= timedelta(days=91)
    assert "Katrin Vogel, the hiring manager" in third.reason
    assert third.reminders.filter(sent_at=None).count() == 1
    body = third.body
    assert body.startswith("Hi Katrin,")
    assert "months since my interviews" in body or "months now since my interviews" in body
    assert "checking in" not in body.lower()
    assert "last note" not in body.lower()
    assert len(body.split()) < 120
    assert thanks_in(f"{third.subject}\n{body}") <= 2


def test_each_note_brings_the_next_whether_sent_or_skipped_and_none_repeats(
    alice: User, acme: Application
) -> None:
    services.keeping_start(user=alice, application=acme)
    send_the_two_notes(acme)

    for _ in range(4):
        latest = acme.followups.filter(kind=Kind.KEEP_IN_TOUCH).order_by("-sequence").first()
        assert latest is not None
        services.followup_skip(followup=latest)

    later = list(acme.followups.filter(kind=Kind.KEEP_IN_TOUCH, sequence__gte=3))
    assert [f.sequence for f in later] == [3, 4, 5, 6, 7]
    assert len({f.body for f in later}) == len(later)
    assert [f.status for f in later].count(FollowUpStatus.PROPOSED) == 1
    dues = [f.due_at for f in later]
    assert all(b - a >= rules.TOUCH_AGAIN_SOONEST for a, b in pairwise(dues))  # type: ignore[operator]


def test_the_beat_sweep_proposes_the_next_note_once(alice: User, acme: Application) -> None:
    send_the_two_notes(acme)
    KeepingInTouch.objects.create(owner=alice, application=acme)

    assert services.followups_propose_next_touches() == 1
    assert services.followups_propose_next_touches() == 0
    assert [n[0] for n in notes(acme)] == [1, 2, 3]


def test_a_yes_after_the_two_notes_proposes_the_next_at_once(
    alice: User, acme: Application
) -> None:
    send_the_two_notes(acme)

    services.keeping_start(user=alice, application=acme)

    assert [n[:2] for n in notes(acme)][-1] == (3, "Katrin Vogel")


def test_one_click_stops_it_and_nothing_comes_back(alice: User, acme: Application) -> None:
    services.keeping_start(user=alice, application=acme)
    send_the_two_notes(acme)

    services.followups_stop_keeping_in_touch(application=acme)

    assert notes(acme)[-1] == (3, "Katrin Vogel", FollowUpStatus.CANCELLED)
    assert not KeepingInTouch.objects.filter(application=acme).exists()
    assert services.followups_propose_next_touches() == 0


def test_a_yes_for_one_person_writes_only_to_them(alice: User, acme: Application) -> None:
    dana = Contact.objects.get(owner=alice, name="Dana Smith")
    services.keeping_start(user=alice, contact=dana)
    send_the_two_notes(acme)

    assert notes(acme)[-1][:2] == (3, "Dana Smith")
    services.keeping_stop(user=alice, contact=dana)
    assert notes(acme)[-1] == (3, "Dana Smith", FollowUpStatus.CANCELLED)


def test_one_open_note_per_person_across_applications(alice: User, acme: Application) -> None:
    other = rejected_after_onsite(alice)
    for application in (acme, other):
        services.keeping_start(user=alice, application=application)
        send_the_two_notes(application)

    open_notes = FollowUp.objects.filter(
        application__owner=alice,
        kind=Kind.KEEP_IN_TOUCH,
        sequence__gte=3,
        status=FollowUpStatus.PROPOSED,
    )
    assert sorted(open_notes.values_list("recipient_name", flat=True)) == [
        "Dana Smith",
        "Katrin Vogel",
    ]


def test_rebuilding_a_later_note_keeps_its_reader_and_topic(alice: User, acme: Application) -> None:
    services.keeping_start(user=alice, application=acme)
    send_the_two_notes(acme)
    third = acme.followups.get(kind=Kind.KEEP_IN_TOUCH, sequence=3)
    before = third.body

    services.followup_switch_language(followup=third, language="de")
    services.followup_switch_language(followup=third, language="en")

    third.refresh_from_db()
    assert third.body == before
    assert third.recipient_name == "Katrin Vogel"


# The pages.


def test_alice_says_yes_on_the_application_page_and_bob_cannot(
    alice_client: Client, bob_client: Client, acme: Application
) -> None:
    page = alice_client.get(reverse("application_detail", args=[acme.pk])).content.decode()
    assert "Keep in touch every two to three months" in page

    url = reverse("followups_keep_in_touch", args=[acme.pk])
    assert bob_client.post(url).status_code == 404
    assert not KeepingInTouch.objects.exists()
    assert alice_client.post(url).status_code == 302
    assert KeepingInTouch.objects.filter(application=acme).exists()

    page = alice_client.get(reverse("application_detail", args=[acme.pk])).content.decode()
    assert "Rebound suggests one every two to three months" in page


def test_the_people_page_shows_the_next_notes_date_and_stops_in_one_click(
    alice: User, alice_client: Client, bob_client: Client, acme: Application
) -> None:
    katrin = Contact.objects.get(owner=alice, name="Katrin Vogel")
    url = reverse("person_keep_in_touch", args=[katrin.pk])
    assert bob_client.post(url, {"keep": "1"}).status_code == 404

    assert alice_client.post(url, {"keep": "1"}).status_code == 302
    send_the_two_notes(acme)
    third = acme.followups.get(kind=Kind.KEEP_IN_TOUCH, sequence=3)
    assert third.due_at is not None
    page = alice_client.get(reverse("person_detail", args=[katrin.pk])).content.decode()
    assert f'datetime="{third.due_at.isoformat()}"' in page
    assert "Stop keeping in touch" in page
    listed = alice_client.get(reverse("followups")).content.decode()
    assert f"followup-{third.pk}" in listed

    alice_client.post(url, {"keep": "0"})
    third.refresh_from_db()
    assert third.status == FollowUpStatus.CANCELLED
    page = alice_client.get(reverse("person_detail", args=[katrin.pk])).content.decode()
    assert "Nothing planned" in page


def test_the_api_gives_the_next_notes_date(
    alice: User, alice_api: object, acme: Application
) -> None:
    services.keeping_start(user=alice, application=acme)
    send_the_two_notes(acme)
    third = acme.followups.get(kind=Kind.KEEP_IN_TOUCH, sequence=3)

    found = alice_api.get("/api/contacts/").json()  # type: ignore[attr-defined]
    people = found["results"] if isinstance(found, dict) else found
    (katrin,) = [p for p in people if p["name"] == "Katrin Vogel"]
    assert third.due_at is not None
    assert katrin["next_touch_at"].replace("Z", "+00:00") == third.due_at.isoformat()


# The LinkedIn step.


def interview_with(application: Application, *people: Contact) -> None:
    applications.interview_create(
        application=application,
        scheduled_at=timezone.now() - timedelta(hours=3),
        kind=InterviewKind.TECHNICAL,
        interviewers=list(people),
    )


@pytest.fixture
def interviewing(alice: User) -> Application:
    return applications.application_create(
        owner=alice,
        company_name="Brandt Werke",
        role="Backend Engineer",
        stage=Stage.SCREENING,
        applied_on=timezone.localdate() - timedelta(days=12),
        source_of_change=ChangeSource.WEB,
    )


def lee(owner: User, application: Application, linkedin: str = "") -> Contact:
    return applications.contact_create(
        owner=owner,
        name="Lee Park",
        role=ContactRole.INTERVIEWER,
        email="lee.park@brandt.example",
        applications=[application],
        linkedin_url=linkedin,
    )


def test_the_linkedin_step_is_off_by_default(alice: User, interviewing: Application) -> None:
    interview_with(interviewing, lee(alice, interviewing))

    assert not interviewing.followups.filter(kind=Kind.LINKEDIN).exists()
    assert services.followups_propose_linkedin_steps() == 0


def test_with_the_step_on_each_person_met_gets_one_reminder(
    alice: User, interviewing: Application
) -> None:
    alice.linkedin_step = True
    alice.save()
    person = lee(alice, interviewing)
    interview_with(interviewing, person)
    interview_with(interviewing, person)

    (step,) = FollowUp.objects.filter(kind=Kind.LINKEDIN)
    assert step.contact == person
    assert step.recipient_name == "Lee Park"
    assert step.subject == ""
    assert step.body.startswith("Hi Lee,")
    assert "stay connected" in step.body
    assert len(step.body) <= 300
    assert "You met Lee Park at the interview" in step.reason
    assert services.followups_propose_linkedin_steps() == 0


def test_the_sweep_catches_an_interview_logged_without_the_service(
    alice: User, interviewing: Application
) -> None:
    person = lee(alice, interviewing)
    interview_with(interviewing, person)
    User.objects.filter(pk=alice.pk).update(linkedin_step=True)

    assert services.followups_propose_linkedin_steps() == 1
    assert services.followups_propose_linkedin_steps() == 0


def test_the_step_links_to_their_profile_and_is_marked_sent_like_the_others(
    alice: User, alice_client: Client, bob_client: Client, interviewing: Application
) -> None:
    User.objects.filter(pk=alice.pk).update(linkedin_step=True)
    alice.refresh_from_db()
    interview_with(interviewing, lee(alice, interviewing, "https://www.linkedin.com/in/lee-park"))
    step = FollowUp.objects.get(kind=Kind.LINKEDIN)

    page = alice_client.get(reverse("followups")).content.decode()
    assert "Connect on LinkedIn" in page
    assert 'href="https://www.linkedin.com/in/lee-park"' in page
    assert "Open their LinkedIn profile" in page

    assert bob_client.post(reverse("followup_sent", args=[step.pk])).status_code == 404
    assert alice_client.post(reverse("followup_sent", args=[step.pk])).status_code == 302
    step.refresh_from_db()
    assert step.status == FollowUpStatus.SENT


def test_the_setting_is_on_the_settings_page(alice: User, alice_client: Client) -> None:
    page = alice_client.get(reverse("account_settings")).content.decode()
    assert 'name="linkedin_step"' in page

    alice_client.post(
        reverse("account_settings"),
        {
            "full_name": "Alice Liddell",
            "email": "alice@example.com",
            "time_zone": "UTC",
            "language": "",
            "email_reminders": "on",
            "webhook_format": "json",
            "linkedin_step": "on",
        },
    )

    alice.refresh_from_db()
    assert alice.linkedin_step is True


def test_the_api_lists_the_step_with_its_kind(
    alice: User, alice_api: object, interviewing: Application
) -> None:
    alice.linkedin_step = True
    alice.save()
    interview_with(interviewing, lee(alice, interviewing))

    found = alice_api.get("/api/followups/?status=proposed").json()  # type: ignore[attr-defined]
    results = found["results"] if isinstance(found, dict) else found
    assert [f["kind"] for f in results if f["kind"] == "linkedin"] == ["linkedin"]


def test_alice_says_yes_and_stop_over_the_api_and_bob_gets_a_404(
    alice: User, alice_api: object, bob_api: object, acme: Application
) -> None:
    katrin = Contact.objects.get(owner=alice, name="Katrin Vogel")
    url = f"/api/contacts/{katrin.pk}/"

    assert bob_api.patch(url, {"keep_in_touch": True}, format="json").status_code == 404  # type: ignore[attr-defined]
    assert not KeepingInTouch.objects.exists()
    bad = alice_api.patch(url, {"keep_in_touch": "often"}, format="json")  # type: ignore[attr-defined]
    assert bad.status_code == 400
    assert "keep_in_touch" in bad.json()
    yes = alice_api.patch(url, {"keep_in_touch": True}, format="json")  # type: ignore[attr-defined]
    assert yes.status_code == 200
    assert yes.json()["keep_in_touch"] is True
    send_the_two_notes(acme)

    third = acme.followups.get(kind=Kind.KEEP_IN_TOUCH, sequence=3)
    shown = alice_api.get(url).json()  # type: ignore[attr-defined]
    assert third.due_at is not None
    assert shown["next_touch_at"].replace("Z", "+00:00") == third.due_at.isoformat()

    stop = alice_api.patch(url, {"keep_in_touch": False}, format="json")  # type: ignore[attr-defined]
    assert stop.json()["keep_in_touch"] is False
    third.refresh_from_db()
    assert third.status == FollowUpStatus.CANCELLED


def test_undoing_a_skip_takes_back_the_note_it_brought(alice: User, acme: Application) -> None:
    services.keeping_start(user=alice, application=acme)
    send_the_two_notes(acme)
    third = acme.followups.get(kind=Kind.KEEP_IN_TOUCH, sequence=3)
    services.followup_skip(followup=third)
    assert [n[0] for n in notes(acme)] == [1, 2, 3, 4]

    services.followup_unskip(followup=third)

    assert notes(acme)[2:] == [(3, "Katrin Vogel", FollowUpStatus.PROPOSED)]
    services.followup_mark_sent(followup=third)
    assert notes(acme)[-1][0] == 4


def test_a_sweep_over_wishes_with_a_note_waiting_costs_one_query(
    alice: User, django_assert_max_num_queries: Any
) -> None:
    # Katrin hears from one, Dana from the other: each has its note waiting.
    for _ in range(2):
        application = rejected_after_onsite(alice)
        services.keeping_start(user=alice, application=application)
        send_the_two_notes(application)

    with django_assert_max_num_queries(1):
        assert services.followups_propose_next_touches() == 0
