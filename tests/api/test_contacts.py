"""People through the API: listed with when alice last wrote and will next, added and
changed through the contact services (one person an address; else a name at a company);
bad input is a 400 naming the field with nothing saved; bob's view of alice's people is a
404, and her applications are no ids of his."""

from datetime import datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import application_for, rejected_late
from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.models import Application, Company, Contact
from tracker.followups import services as followups

pytestmark = pytest.mark.django_db

LIST = reverse("api:contact-list")


def _one(contact: Contact | int) -> str:
    return reverse("api:contact-detail", args=[getattr(contact, "pk", contact)])


def test_alice_lists_her_people_with_their_times(alice: User, alice_api: APIClient) -> None:
    application = rejected_late(alice)
    reply = application.followups.get(kind="rejection_reply")
    followups.followup_mark_sent(followup=reply)
    reply.refresh_from_db()
    assert reply.sent_at is not None

    body = alice_api.get(LIST).json()

    (dana,) = body["results"]
    assert dana["name"] == "Dana Smith"
    assert dana["email"] == "dana@acme.example"
    assert dana["company"] == "Acme"
    assert dana["role"] == "hiring_manager"
    assert dana["applications"] == [application.pk]
    assert datetime.fromisoformat(dana["last_contact_at"]) == reply.sent_at
    assert dana["next_touch_at"] is None
    assert alice_api.get(_one(dana["id"])).json() == dana


def test_alice_adds_a_person_and_changes_them(alice: User, alice_api: APIClient) -> None:
    acme = application_for(alice, company="Acme")
    globex = application_for(alice, company="Globex")

    made = alice_api.post(
        LIST,
        {
            "name": "Lee Park",
            "email": "lee@acme.example",
            "company": "ACME",
            "role": "recruiter",
            "applications": [acme.pk],
        },
        format="json",
    )
    assert made.status_code == 201, made.json()
    lee = made.json()
    assert (lee["company"], lee["applications"]) == ("Acme", [acme.pk])
    assert lee["last_contact_at"] is None
    assert lee["next_touch_at"] is None

    changed = alice_api.patch(
        _one(lee["id"]),
        {
            "linkedin_url": "https://www.linkedin.com/in/lee-park-example",
            "applications": [acme.pk, globex.pk],
            "notes": "Said to write again in spring.",
        },
        format="json",
    )

    assert changed.status_code == 200, changed.json()
    body = changed.json()
    assert body["linkedin_url"] == "https://www.linkedin.com/in/lee-park-example"
    assert sorted(body["applications"]) == sorted([acme.pk, globex.pk])
    assert (body["name"], body["email"], body["role"]) == (
        "Lee Park",
        "lee@acme.example",
        "recruiter",
    )
    assert alice_api.patch(_one(lee["id"]), {"company": ""}, format="json").json()["company"] == ""


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"role": "recruiter"}, "name"),
        ({"name": "   ", "role": "recruiter"}, "name"),
        ({"name": "Lee", "role": "boss"}, "role"),
        ({"name": "Lee", "email": "not an address"}, "email"),
        ({"name": "Lee", "linkedin_url": "linkedin"}, "linkedin_url"),
        ({"name": "Lee", "notes": 42}, "notes"),
        ({"name": "Lee", "applications": [999_999]}, "applications"),
        ({"name": "Lee", "applications": "1"}, "applications"),
        (
            {"name": "Lee", "last_contact_at": "2026-01-01T00:00:00Z", "company": "x" * 201},
            "company",
        ),
    ],
)
def test_bad_input_is_a_400_naming_the_field(
    alice: User, alice_api: APIClient, body: dict[str, object], field: str
) -> None:
    response = alice_api.post(LIST, body, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not Contact.objects.exists()


def test_someone_known_is_a_400_naming_them_and_nothing_is_half_saved(
    alice: User, alice_api: APIClient
) -> None:
    dana = services.contact_create(
        owner=alice, name="Dana Smith", email="dana@acme.example", role="hr"
    )
    lee = services.contact_create(owner=alice, name="Lee Park", email="lee@acme.example", role="hr")

    again = alice_api.post(
        LIST,
        {"name": "D. Smith", "email": "DANA@acme.example", "company": "Initech"},
        format="json",
    )
    taken = alice_api.patch(
        _one(lee), {"email": "Dana@Acme.example", "company": "Hooli", "notes": "x"}, format="json"
    )

    assert again.status_code == 400
    assert f"(id {dana.pk})" in again.json()["email"][0]
    assert taken.status_code == 400
    assert "email" in taken.json()
    # The companies the refused requests named were not left behind, nor the edit.
    assert not Company.objects.filter(name__in=["Initech", "Hooli"]).exists()
    lee.refresh_from_db()
    assert (lee.email, lee.notes, lee.company) == ("lee@acme.example", "", None)


def test_the_computed_times_cannot_be_written(alice: User, alice_api: APIClient) -> None:
    lee = services.contact_create(owner=alice, name="Lee Park", role="hr")

    response = alice_api.patch(
        _one(lee), {"last_contact_at": "2026-01-01T00:00:00Z"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["last_contact_at"] is None


def test_bob_never_sees_or_links_alices_people(
    alice: User, bob: User, bob_api: APIClient, alices_application: Application
) -> None:
    dana = services.contact_create(
        owner=alice, name="Dana Smith", email="dana@acme.example", role="hr"
    )

    assert bob_api.get(_one(dana)).status_code == 404
    assert bob_api.patch(_one(dana), {"name": "Mine"}, format="json").status_code == 404
    assert bob_api.get(LIST).json()["results"] == []
    linked = bob_api.post(
        LIST, {"name": "Sam", "applications": [alices_application.pk]}, format="json"
    )
    # Refused as an id that never existed, as the interviews refuse another's contact:
    # the answer does not tell bob that alice has an application with that id.
    assert linked.status_code == 400
    assert linked.json() == {"applications": [f"Unknown application: {alices_application.pk}."]}
    unheard_of = bob_api.post(LIST, {"name": "Sam", "applications": [999_999]}, format="json")
    assert unheard_of.json() == {"applications": ["Unknown application: 999999."]}
    # Bob may know Dana too: his own person, apart from alice's.
    assert (
        bob_api.post(
            LIST, {"name": "Dana", "email": "dana@acme.example"}, format="json"
        ).status_code
        == 201
    )
    dana.refresh_from_db()
    assert dana.name == "Dana Smith"
    assert not Contact.objects.filter(owner=bob, applications=alices_application).exists()


def test_the_api_and_the_vcards_give_the_same_people(
    alice: User, alice_api: APIClient, alice_client: Client
) -> None:
    rejected_late(alice, company="Acme")
    rejected_late(alice, company="Globex", hours_ago=50)
    services.contact_create(owner=alice, name="Lee Park", role="interviewer")

    names = sorted(p["name"] for p in alice_api.get(LIST).json()["results"])
    cards = alice_client.get(reverse("people_vcard")).content.decode()

    assert names == ["Dana Smith", "Lee Park"]
    assert sorted(line[3:] for line in cards.split("\r\n") if line.startswith("FN:")) == names


def test_an_old_rejection_keeps_its_next_note(alice: User, alice_api: APIClient) -> None:
    application = rejected_late(alice, hours_ago=2)
    due = application.followups.get(kind="rejection_reply").due_at
    assert due is not None
    assert due > timezone.now() - timedelta(days=1)

    (dana,) = alice_api.get(LIST).json()["results"]

    assert datetime.fromisoformat(dana["next_touch_at"]) == due


def test_vcards_over_the_api_are_alices_own(
    alice: User, alice_api: APIClient, bob_api: APIClient
) -> None:
    dana = services.contact_create(owner=alice, name="Dana Smith", email="dana@acme.example")

    one = alice_api.get(reverse("api:contact-vcard", args=[dana.pk]))
    every = alice_api.get(reverse("api:contact-vcards"))

    assert one.status_code == 200
    assert one["Content-Type"] == "text/vcard; charset=utf-8"
    assert "FN:Dana Smith\r\n" in one.content.decode("utf-8")
    assert every.content.decode("utf-8").count("BEGIN:VCARD") == 1
    refused = bob_api.get(reverse("api:contact-vcard", args=[dana.pk]))
    assert refused.status_code == 404
    assert "Dana" not in refused.content.decode()
    assert bob_api.get(reverse("api:contact-vcards")).content == b""
