"""The People page and a person's page: everyone alice met or heard from, once each, with
the applications and interviews they were part of, what they wrote, when she last wrote
to them and when next; bob never sees them."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.models import Application, ChangeSource, Contact, InterviewKind, Stage
from tracker.followups import services as followups
from tracker.followups.models import FollowUp
from tracker.inbox.models import InboxItem, ItemKind, Via

pytestmark = pytest.mark.django_db

LETTER = "Thank you for meeting the team. We went with someone closer to what we need now."


def _rejected_after_onsite(owner: User, role: str = "Backend Engineer") -> Application:
    """An onsite with Dana at Acme, then her personal rejection; the follow-ups proposed."""
    application = application_for(owner, role=role, stage=Stage.INTERVIEWING, days_ago=20)
    (dana,) = services.interviewers_find_or_add(application=application, names=["Dana Smith"])
    services.interview_create(
        application=application,
        scheduled_at=timezone.now() - timedelta(days=5),
        kind=InterviewKind.ONSITE,
        interviewers=[dana],
    )
    services.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_role="hiring_manager",
        sender_name="Dana Smith",
        sender_email="dana@acme.example",
        received_at=timezone.now() - timedelta(hours=30),
        message=LETTER,
    )
    followups.proposal_job_run(job_id=application.proposal_jobs.get().pk)
    return application


@pytest.fixture
def dana(alice: User) -> Contact:
    application = _rejected_after_onsite(alice)
    reply = application.followups.get(kind="rejection_reply")
    followups.followup_mark_sent(followup=reply)
    return Contact.objects.get(owner=alice)


def test_it_needs_a_login(client: Client) -> None:
    response = client.get(reverse("people"))

    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_the_hiring_manager_is_there_once_with_the_next_note_due(
    alice_client: Client, alice: User, dana: Contact
) -> None:
    sent = FollowUp.objects.get(kind="rejection_reply").sent_at
    keep_in_touch = FollowUp.objects.filter(kind="keep_in_touch").order_by("due_at").first()
    assert sent is not None
    assert keep_in_touch is not None
    assert keep_in_touch.due_at is not None

    page = alice_client.get(reverse("people")).content.decode()

    assert page.count(f'href="{reverse("person_detail", args=[dana.pk])}"') == 1
    assert "Hiring manager" in page
    assert "at Acme" in page
    assert f'datetime="{timezone.localtime(sent).isoformat()}"' in page
    assert f'datetime="{timezone.localtime(keep_in_touch.due_at).isoformat()}"' in page
    assert "1 interview" in page


def test_a_person_on_two_applications_is_one_line(alice_client: Client, alice: User) -> None:
    _rejected_after_onsite(alice, role="Backend Engineer")
    _rejected_after_onsite(alice, role="Platform Engineer")

    page = alice_client.get(reverse("people")).content.decode()

    (dana,) = Contact.objects.filter(owner=alice)
    assert dana.applications.count() == 2
    assert "1 person" in page
    assert "2 interviews" in page


def test_a_persons_page_shows_what_they_wrote_and_every_note(
    alice_client: Client, dana: Contact
) -> None:
    response = alice_client.get(reverse("person_detail", args=[dana.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert LETTER in page
    assert "Onsite" in page
    assert "Reply to the rejection</span> · Sent" in page
    assert page.count("Keep in touch</span> · Proposed") == 2
    assert reverse("person_vcard", args=[dana.pk]) in page


def test_search_and_filters(alice_client: Client, alice: User, dana: Contact) -> None:
    services.contact_create(owner=alice, name="Zoë Krüger", role="recruiter")

    def names(**query: str) -> list[str]:
        response = alice_client.get(reverse("people"), query)
        return [p.name for p in response.context["page"].object_list]

    assert names() == ["Dana Smith", "Zoë Krüger"]
    assert names(q="kruger") == ["Zoë Krüger"]
    assert names(q="acme") == ["Dana Smith"]
    assert names(role="recruiter") == ["Zoë Krüger"]
    assert names(due="on") == ["Dana Smith"]


def test_an_edit_saves_and_a_bad_one_shows_its_errors(
    alice_client: Client, alice: User, dana: Contact
) -> None:
    lee = services.contact_create(owner=alice, name="Lee Park", email="lee@acme.example", role="hr")
    url = reverse("person_edit", args=[lee.pk])

    refused = alice_client.post(
        url, {"name": "Lee Park", "email": "DANA@acme.example", "role": "hr", "notes": "Kind"}
    )
    bad_link = alice_client.post(
        url, {"name": "Lee Park", "role": "hr", "linkedin_url": "not a url"}
    )
    saved = alice_client.post(
        url,
        {
            "name": "Lee Park",
            "email": "lee@acme.example",
            "role": "recruiter",
            "linkedin_url": "https://www.linkedin.com/in/lee-park-example",
            "notes": "Kind",
        },
    )

    assert refused.status_code == 400
    assert "already has this email address" in refused.content.decode()
    assert bad_link.status_code == 400
    assert saved.status_code == 302
    lee.refresh_from_db()
    assert (lee.role, lee.notes) == ("recruiter", "Kind")
    assert lee.linkedin_url == "https://www.linkedin.com/in/lee-park-example"


def test_bob_never_sees_alices_people(bob_client: Client, dana: Contact) -> None:
    for name in ("person_detail", "person_vcard"):
        assert bob_client.get(reverse(name, args=[dana.pk])).status_code == 404
    edit = bob_client.post(reverse("person_edit", args=[dana.pk]), {"name": "Mine", "role": "hr"})
    assert edit.status_code == 404
    assert "Dana" not in bob_client.get(reverse("people")).content.decode()
    assert b"Dana" not in bob_client.get(reverse("people_vcard")).content
    dana.refresh_from_db()
    assert dana.name == "Dana Smith"


def test_the_list_takes_a_few_queries_however_many_people(
    alice_client: Client, alice: User, django_assert_max_num_queries: object
) -> None:
    for n in range(30):
        application = application_for(alice, company=f"Company {n}")
        services.interviewers_find_or_add(application=application, names=[f"Person {n}"])

    with django_assert_max_num_queries(12):  # type: ignore[operator]
        response = alice_client.get(reverse("people"))

    assert response.context["page"].paginator.count == 30


def test_mail_from_their_address_is_what_they_wrote_too(
    alice_client: Client, alice: User, dana: Contact
) -> None:
    InboxItem.objects.create(
        owner=alice,
        fingerprint="a" * 64,
        via=Via.FORWARD,
        kind=ItemKind.OTHER,
        subject="Re: Thank you",
        sender_email="DANA@acme.example",
        text="Happy to talk again in the spring, when the team grows.",
    )
    InboxItem.objects.create(
        owner=alice,
        fingerprint="b" * 64,
        via=Via.FORWARD,
        kind=ItemKind.OTHER,
        subject="From someone else",
        sender_email="lee@acme.example",
        text="Not Dana.",
    )

    page = alice_client.get(reverse("person_detail", args=[dana.pk])).content.decode()

    assert "Re: Thank you" in page
    assert "Happy to talk again in the spring" in page
    assert "Not Dana." not in page
    assert page.index("Happy to talk again") < page.index(LETTER)


def test_someone_known_added_on_another_application_is_linked_not_copied(
    alice_client: Client, alice: User, dana: Contact
) -> None:
    other = application_for(alice, company="Acme", role="Staff Engineer")

    response = alice_client.post(
        reverse("application_contact_add", args=[other.pk]),
        {"name": "Dana", "email": "Dana@ACME.example", "role": "recruiter"},
        follow=True,
    )

    assert "Added Dana Smith (already one of your people)." in response.content.decode()
    assert Contact.objects.filter(owner=alice).count() == 1
    assert other in dana.applications.all()


def test_the_demos_hiring_managers_are_people_with_their_next_note(client: Client) -> None:
    call_command("seed_demo", "--applications", "60", stdout=StringIO())
    demo = User.objects.get(username="demo")
    client.force_login(demo)

    response = client.get(reverse("people"), {"role": "hiring_manager", "due": "on"})

    people = list(response.context["page"].object_list)
    assert people
    assert all(p.next_touch_at is not None for p in people)


def test_a_wrong_filter_is_said_on_its_field_and_the_others_apply(
    alice_client: Client, alice: User, dana: Contact
) -> None:
    services.contact_create(owner=alice, name="Zoë Krüger", role="recruiter")

    response = alice_client.get(reverse("people"), {"role": "boss", "q": "kruger"})

    page = response.content.decode()
    assert 'id="id_role_error"' in page
    assert [p.name for p in response.context["page"].object_list] == ["Zoë Krüger"]
