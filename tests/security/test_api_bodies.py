"""Whatever the body, the API answers JSON: nested too deeply is a 400, too large a 413."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "body",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        '{"role": ' + "[" * 50_000 + "]" * 50_000 + "}",
    ],
)
def test_a_deeply_nested_body_is_a_json_400(alice_api: APIClient, body: str) -> None:
    response = alice_api.post("/api/applications/", data=body, content_type="application/json")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "nested too deeply" in response.json()["non_field_errors"][0]


def test_a_body_over_the_limit_is_a_json_413(alice_api: APIClient) -> None:
    body = '{"role": "' + "x" * 3_000_000 + '"}'

    response = alice_api.post("/api/applications/", data=body, content_type="application/json")

    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert "too large" in response.json()["detail"] or "larger" in response.json()["detail"]


@pytest.mark.parametrize("body", ["NaN", '{"role": Infinity}', "{", "\xff"])
def test_a_body_that_is_not_json_is_a_json_400(alice_api: APIClient, body: str) -> None:
    response = alice_api.post("/api/applications/", data=body, content_type="application/json")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"


def test_an_ordinary_body_still_works(alice_api: APIClient) -> None:
    response = alice_api.post(
        "/api/applications/",
        data={"company": "Acme", "role": "Backend Engineer", "applied_on": "2026-11-02"},
        format="json",
    )

    assert response.status_code in (200, 201), response.content
