"""Text fields take text only: a number where the schema says string is a 400, for every
body the API reads, including the ones added after this rule."""

import importlib
import inspect
import pkgutil
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework import serializers
from rest_framework.test import APIClient

import tracker.api
from tracker.api.strict import StrictStrings


def _api_serializers() -> dict[str, type[serializers.Serializer[Any]]]:
    found: dict[str, type[serializers.Serializer[Any]]] = {}
    for module_info in pkgutil.iter_modules(tracker.api.__path__):
        module = importlib.import_module(f"tracker.api.{module_info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, serializers.Serializer):
                found.setdefault(name, cls)
    return found


def _request_bodies(client: Client) -> set[str]:
    """The serializers the schema names as request bodies ("PatchedFollowUpRequest" is
    FollowUpSerializer read for a PATCH)."""
    schema = client.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    names = set()
    for operations in schema.json()["paths"].values():
        for operation in operations.values():
            for content in operation.get("requestBody", {}).get("content", {}).values():
                component = content["schema"]["$ref"].rsplit("/", 1)[-1]
                names.add(component.removeprefix("Patched").removesuffix("Request"))
    return {f"{name}Serializer" for name in names}


@pytest.mark.django_db
def test_every_body_with_text_refuses_numbers_for_it(client: Client) -> None:
    known = _api_serializers()
    bodies = _request_bodies(client)
    careless = [
        name
        for name in sorted(bodies)
        if any(
            isinstance(field, serializers.CharField) and not field.read_only
            for field in known[name]().fields.values()
        )
        and not issubclass(known[name], StrictStrings)
    ]

    assert len(bodies) >= 10
    assert careless == []


@pytest.mark.django_db
def test_a_number_for_an_activitys_contact_is_a_400(alice_api: APIClient) -> None:
    response = alice_api.post(
        "/api/activities/",
        {"date": "2026-12-01", "kind": "networking", "description": "Meetup", "contact": 0},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"contact": ["Not a valid string."]}
