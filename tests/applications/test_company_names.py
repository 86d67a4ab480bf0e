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
