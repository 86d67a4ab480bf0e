"""Search that forgives: accents and case never matter, on SQLite and PostgreSQL alike,
across the company, the role, the notes, the posting and the contacts' names; the table,
the API's ?q= (or ?search=) and every way an application comes in agree."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from rest_framework.test import APIClient

from tests.factories import application_for, make_user
from tests.imports.test_imports import _csv, _import
from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.demo import demo_seed
from tracker.applications.models import Application
from tracker.applications.search import search_fold, search_words
from tracker.applications.selectors import ApplicationFilters, application_list


def _found(user: User, query: str) -> list[str]:
    filters = ApplicationFilters(search=query)
    return sorted(a.role for a in application_list(user=user, filters=filters))


@pytest.fixture
def alices_applications(alice: User) -> None:
    application_for(alice, company="Müller & Söhne GmbH", role="Backend Developer")
    application_for(alice, company="Acme", role="Ingénieure Qualité", location="Besançon")
    application_for(alice, company="Globex", role="Analyst", notes="Met Zoë at PyCon in Kraków")
    application_for(
        alice,
        company="Initech",
        role="SRE",
        description="<p>On-call for the <strong>Straße</strong> routing service</p>",
    )
    hooli = application_for(alice, company="Hooli", role="Platform Engineer")
    contact = services.contact_create(owner=alice, name="José Ñúñez", role="recruiter")
    services.contact_link(application=hooli, contact=contact)


@pytest.mark.usefixtures("alices_applications")
@pytest.mark.parametrize(
    ("query", "roles"),
    [
        ("sohne", ["Backend Developer"]),
        ("SÖHNE", ["Backend Developer"]),
        ("müller", ["Backend Developer"]),
        ("ingenieure qualite", ["Ingénieure Qualité"]),
        ("besancon", ["Ingénieure Qualité"]),
        ("zoe krakow", ["Analyst"]),
        ("strasse", ["SRE"]),
        ("STRASSE routing", ["SRE"]),
        ("nunez", ["Platform Engineer"]),
        ("josé", ["Platform Engineer"]),
        # The posting's markup is not its text: a tag's name finds nothing.
        ("strong", []),
        ("sohne hooli", []),
    ],
)
def test_accents_and_case_never_matter(alice: User, query: str, roles: list[str]) -> None:
    assert _found(alice, query) == roles


@pytest.mark.usefixtures("alices_applications")
def test_the_table_and_the_api_search_the_same_way(
    alice_client: Client, alice_api: APIClient
) -> None:
    table = alice_client.get(reverse("application_table"), {"q": "sohne"})
    assert [a.role for a in table.context["page"].object_list] == ["Backend Developer"]
    for param in ("q", "search"):
        listed = alice_api.get("/api/applications/", {param: "NUNEZ"}).json()
        assert [a["role"] for a in listed["results"]] == ["Platform Engineer"]


def test_bobs_words_never_find_alices_applications(alice: User, bob: User) -> None:
    application_for(alice, company="Müller & Söhne", role="Backend Developer")
    assert _found(bob, "sohne") == []


def test_a_contact_named_twice_lists_the_application_once(alice: User) -> None:
    hooli = application_for(alice, company="Hooli", role="SRE")
    for name in ("Zoë Ng", "Zoe Ng"):
        contact = services.contact_create(owner=alice, name=name, role="recruiter")
        services.contact_link(application=hooli, contact=contact)
    assert _found(alice, "zoe") == ["SRE"]


def test_every_way_of_writing_keeps_the_search_text(alice: User, alice_client: Client) -> None:
    application = application_for(alice, company="Acme", role="Developer")
    services.application_update(application=application, role="Développeuse")
    assert _found(alice, "developpeuse") == ["Développeuse"]
    services.application_update_notes(application=application, notes="Entretien à Genève")
    assert _found(alice, "geneve") == ["Développeuse"]
    assert _found(alice, "developpeuse") == ["Développeuse"]

    _import(alice_client, _csv(["Company", "Role", "Notes"], ["Søren & Co", "Kok", "Ærø"]))
    assert _found(alice, "aero") == ["Kok"]

    demo_seed(owner=alice, count=3)
    seeded = Application.objects.filter(owner=alice).exclude(role__in=["Développeuse", "Kok"])
    assert all(a.search_text for a in seeded)
    assert all(a.company.search_name for a in seeded)


@given(st.text(max_size=40))
def test_folding_is_idempotent_and_finds_itself(text: str) -> None:
    folded = search_fold(text)
    assert search_fold(folded) == folded
    for word in search_words(text):
        assert word in folded


def test_an_edit_in_the_admin_is_searchable_too(alice: User) -> None:
    staff = Client()
    staff.force_login(make_user(username="root", is_staff=True, is_superuser=True))
    hooli = application_for(alice, company="Hooli", role="SRE")
    contact = services.contact_create(
        owner=alice, name="Dana", role="recruiter", applications=[hooli]
    )
    response = staff.post(
        reverse("admin:applications_contact_change", args=[contact.pk]),
        {
            "owner": alice.pk,
            "name": "Zoë Ng",
            "role": "recruiter",
            "applications": [hooli.pk],
            "email": "",
            "notes": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert _found(alice, "zoe") == ["SRE"]
