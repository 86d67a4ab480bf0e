"""The API refuses what its schema refuses: a bad page, page size, follow-up filter or
status is a 400 naming it; the schema allows what the API sends (a blank address); its
login example locks nobody out."""

from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tracker.accounts.forms import SignupForm

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("/api/applications/?page=abc", "page"),
        ("/api/applications/?page=0", "page"),
        ("/api/applications/?page=-1", "page"),
        ("/api/applications/?page_size=abc", "page_size"),
        ("/api/applications/?page_size=0", "page_size"),
        ("/api/applications/?page_size=201", "page_size"),
        ("/api/applications/?page_size=1.5", "page_size"),
        ("/api/applications/?followup_due=maybe", "followup_due"),
        ("/api/applications/?followup_due=", "followup_due"),
        ("/api/followups/?status=bogus", "status"),
        ("/api/followups/?page=x", "page"),
        ("/api/notifications/?page_size=none", "page_size"),
    ],
)
def test_bad_query_values_are_400s_naming_them(
    alice_api: APIClient, query: str, field: str
) -> None:
    response = alice_api.get(query)

    assert response.status_code == 400, response.content
    assert field in response.json()


@pytest.mark.parametrize(
    "query",
    [
        "/api/applications/?page=1&page_size=200",
        "/api/applications/?followup_due=true",
        "/api/applications/?followup_due=0",
        "/api/followups/?status=proposed",
    ],
)
def test_good_query_values_still_work(alice_api: APIClient, query: str) -> None:
    assert alice_api.get(query).status_code == 200


def _schema(client: Client) -> dict[str, Any]:
    response = client.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema: dict[str, Any] = response.json()
    return schema


@pytest.mark.parametrize(
    ("component", "field"),
    [("FollowUp", "recipient_email"), ("RejectionRequest", "sender_email")],
)
def test_a_blank_address_fits_the_schema(client: Client, component: str, field: str) -> None:
    components = _schema(client)["components"]["schemas"]
    name = component if component in components else component.removesuffix("Request")
    prop = components[name]["properties"][field]
    checker = jsonschema.Draft7Validator(prop, format_checker=jsonschema.FormatChecker())

    assert checker.is_valid("")
    assert checker.is_valid("dana@acme.example")
    assert not checker.is_valid("not an address")


def test_pagination_bounds_are_in_the_schema(client: Client) -> None:
    operation = _schema(client)["paths"]["/api/applications/"]["get"]
    parameters = {p["name"]: p["schema"] for p in operation["parameters"]}

    assert parameters["page"]["minimum"] == 1
    assert parameters["page_size"] == {"type": "integer", "minimum": 1, "maximum": 200}


def test_the_login_example_names_no_possible_account(client: Client) -> None:
    operation = _schema(client)["paths"]["/api/auth/token/"]["post"]
    examples = operation["requestBody"]["content"]["application/json"]["examples"]
    (example,) = examples.values()
    username = example["value"]["username"]

    form = SignupForm(data={"username": username})
    form.is_valid()
    assert "username" in form.errors  # no one can ever sign up as it
