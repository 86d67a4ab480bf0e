"""One company however its name is typed, by every way in (applications/names.py)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from rest_framework.test import APIClient

from tests.factories import application_for
from tests.imports.test_imports import _import
from tracker.accounts.models import User
from tracker.applications.models import Application, Company
from tracker.applications.names import company_display_name, company_name_key
from tracker.applications.services import company_get_or_create
from tracker.imports.models import ImportStatus


@pytest.mark.parametrize(
    ("first", "second"),
    [("Straße", "STRASSE"), ("Acme  Corp", "acme corp"), ("ÉCOLE", "école"), ("İz", "i̇z")],
)
def test_spellings_of_one_name_are_one_company(alice: User, first: str, second: str) -> None:
    one = company_get_or_create(owner=alice, name=first)
    assert company_get_or_create(owner=alice, name=second) == one
    assert one.name == company_display_name(first)


def test_the_form_reuses_the_company(alice: User, alice_client: Client) -> None:
    application_for(alice, company="Straße")
    response = alice_client.post(
        "/applications/new/", {"company": "STRASSE", "role": "Dev", "stage": "applied"}
    )
    assert response.status_code in (200, 302)
    assert Company.objects.filter(owner=alice).count() == 1


def test_the_api_reuses_the_company(alice: User, alice_api: APIClient) -> None:
    application_for(alice, company="Straße")
    response = alice_api.post(
        "/api/applications/", {"company": "STRASSE", "role": "Dev"}, format="json"
    )
    assert response.status_code == 201, response.content
    assert Company.objects.filter(owner=alice).count() == 1


def test_the_import_reuses_the_company(alice: User, alice_client: Client) -> None:
    application_for(alice, company="Straße")
    job = _import(alice_client, b"Company,Role\nSTRASSE,Dev\nstrasse,Ops\n")
    assert job.status == ImportStatus.DONE, job.errors
    assert Company.objects.filter(owner=alice).count() == 1
    assert Application.objects.filter(owner=alice).count() == 3


def test_each_user_has_their_own(alice: User, bob: User) -> None:
    assert company_get_or_create(owner=alice, name="Acme") != company_get_or_create(
        owner=bob, name="ACME"
    )


def test_the_database_refuses_a_second_spelling(alice: User) -> None:
    Company.named(owner=alice, name="Straße").save()
    with pytest.raises(IntegrityError), transaction.atomic():
        Company.named(owner=alice, name="STRASSE").save()


def test_a_company_without_its_key_is_refused(alice: User) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Company.objects.create(owner=alice, name="Acme")


def test_a_blank_name_is_a_field_error(alice: User) -> None:
    with pytest.raises(ValidationError) as refused:
        company_get_or_create(owner=alice, name="   ")
    assert "company" in refused.value.message_dict


def test_the_key_folds_case_and_space() -> None:
    assert company_name_key("  Hooli\tInc ") == "hooli inc"


def test_a_name_too_long_is_a_company_error(alice: User) -> None:
    with pytest.raises(ValidationError) as refused:
        company_get_or_create(owner=alice, name="A" * 201)
    assert "company" in refused.value.message_dict


INVISIBLE = [
    "\u200b\u200b\u200b",  # zero-width spaces
    "\u200d\u200c\u2060\ufeff",  # joiners, word joiner, byte order mark
    "\u3164\u3164",  # Hangul fillers: letters that draw nothing
    "\u202e\u202d",  # direction overrides only
    "\u00a0\u2003\u3000",  # spaces of other widths
    "\u0301\u0308",  # combining marks with nothing to mark
]


@pytest.mark.parametrize("name", INVISIBLE)
def test_a_name_with_nothing_visible_is_refused_by_every_way_in(
    alice: User, alice_client: Client, alice_api: APIClient, name: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        company_get_or_create(owner=alice, name=name)
    assert "company" in refused.value.message_dict
    form = alice_client.post(
        "/applications/new/", {"company": name, "role": "Dev", "stage": "applied"}
    )
    assert form.status_code in (200, 400)  # the form again, with the field's error
    assert "invalid-feedback" in form.content.decode()
    api = alice_api.post("/api/applications/", {"company": name, "role": "Dev"}, format="json")
    assert api.status_code == 400
    assert "company" in api.json()
    assert not Company.objects.filter(owner=alice).exists()


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("Acme\u202e Corp", "Acme Corp"),
        ("\u202egoogle.com\u202c", "google.com"),
        ("\u2067Hooli\u2069", "Hooli"),
        ("Ac\u200eme", "Acme"),
    ],
)
def test_direction_controls_are_stripped_from_a_name(alice: User, typed: str, saved: str) -> None:
    assert company_get_or_create(owner=alice, name=typed).name == saved
    assert company_get_or_create(owner=alice, name=saved).name == saved
    assert Company.objects.filter(owner=alice).count() == 1


def test_a_name_in_a_script_without_case_or_with_joiners_is_kept_whole(alice: User) -> None:
    for name in ("株式会社ソニー", "क्षत्रिय", "👩\u200d💻 Labs", "שלום"):
        assert company_get_or_create(owner=alice, name=name).name == name
