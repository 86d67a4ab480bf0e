"""POST /api/applications/from-url/ and GET /api/applications/applied-before/."""

from pathlib import Path

import pytest
from rest_framework.test import APIClient

from tests.capture.jobsite import JobSite
from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications.models import Application

FROM_URL = "/api/applications/from-url/"


def test_a_draft(alice: User, alice_api: APIClient, jobsite: JobSite) -> None:
    response = alice_api.post(
        FROM_URL, {"url": jobsite.url("greenhouse_style.html")}, format="json"
    )
    assert response.status_code == 200, response.content
    posting = response.json()["posting"]
    assert posting["company"] == "Hooli"
    assert posting["salary_min"] == 150000
    assert posting["date_posted"] == "2026-03-02"
    assert posting["sources"]["role"] == "JSON-LD JobPosting"
    assert response.json()["application"] is None
    assert not Application.objects.filter(owner=alice).exists()


@pytest.mark.parametrize("how", ["body", "query"])
def test_save(alice: User, alice_api: APIClient, jobsite: JobSite, how: str) -> None:
    body: dict[str, object] = {
        "url": jobsite.url("lever_graph.html"),
        "stage": "wishlist",
        "role": "Backend",
    }
    url = FROM_URL
    if how == "body":
        body["save"] = True
    else:
        url += "?save=1"
    response = alice_api.post(url, body, format="json")
    assert response.status_code == 201, response.content
    created = response.json()["application"]
    assert created["company"] == "Pied Piper"
    assert created["role"] == "Backend"
    assert created["stage"] == "wishlist"
    assert "<h3>What you will do</h3>" in created["description"]
    assert created["posting_captured_at"]
    application = Application.objects.get(owner=alice)
    assert application.pk == created["id"]


def test_applied_before_in_the_draft(alice: User, alice_api: APIClient, jobsite: JobSite) -> None:
    application_for(alice, company="HOOLI", role="SRE")
    response = alice_api.post(
        FROM_URL, {"url": jobsite.url("greenhouse_style.html")}, format="json"
    )
    [before] = response.json()["applied_before"]
    assert before["role"] == "SRE"
    assert before["message"].startswith("You applied to HOOLI for SRE in ")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "url"),
        ({"url": ""}, "url"),
        ({"url": "file:///etc/passwd"}, "url"),
        ({"url": "http://127.0.0.1:1/"}, "url"),
        ({"url": "x" * 600}, "url"),
        ({"url": "https://jobs.example/", "stage": "rejected"}, "stage"),
        ({"url": "https://jobs.example/", "save": "perhaps"}, "save"),
    ],
)
def test_bad_input_is_a_400_on_its_field(alice_api: APIClient, body: dict, field: str) -> None:
    response = alice_api.post(FROM_URL, body, format="json")
    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize("path", ["gone.html", "cv.pdf", "redirect?to=http://10.0.0.1/"])
def test_pages_that_cannot_be_read(alice_api: APIClient, jobsite: JobSite, path: str) -> None:
    response = alice_api.post(FROM_URL, {"url": jobsite.url(path)}, format="json")
    assert response.status_code == 400
    assert "url" in response.json()
    assert "10.0.0.1" not in response.content.decode()


def test_saving_a_page_without_a_company_is_a_400(
    alice: User, alice_api: APIClient, jobsite: JobSite
) -> None:
    response = alice_api.post(
        FROM_URL, {"url": jobsite.url("nothing.html"), "save": True}, format="json"
    )
    assert response.status_code == 400
    assert "company" in response.json()
    assert not Application.objects.filter(owner=alice).exists()


def test_it_needs_a_token() -> None:
    response = APIClient().post(FROM_URL, {"url": "https://jobs.example/"}, format="json")
    assert response.status_code in (401, 403)


def test_applied_before(alice: User, bob: User, alice_api: APIClient) -> None:
    application_for(alice, company="Hooli GmbH", role="SRE", url="https://careers.hooli.example/1")
    application_for(bob, company="Hooli", role="Bob's")
    by_name = alice_api.get("/api/applications/applied-before/", {"company": "hooli"}).json()
    assert [b["role"] for b in by_name] == ["SRE"]
    by_site = alice_api.get(
        "/api/applications/applied-before/", {"url": "https://careers.hooli.example/2"}
    ).json()
    assert by_site[0]["matched_by"] == "site"
    assert alice_api.get("/api/applications/applied-before/").status_code == 400


def test_create_says_applied_before(alice: User, alice_api: APIClient) -> None:
    application_for(alice, company="Hooli", role="SRE")
    response = alice_api.post(
        "/api/applications/",
        {"company": "Hooli", "role": "Platform", "description": "<p>x</p><script>y</script>"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["applied_before"][0]["role"] == "SRE"
    assert response.json()["description"] == "<p>x</p>"


def test_the_schema_lists_it(alice_api: APIClient) -> None:
    schema = alice_api.get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/applications/from-url/" in schema
    assert "/api/applications/applied-before/" in schema


def test_a_page_sent_along_is_read_not_fetched(alice: User, alice_api: APIClient) -> None:
    # Behind a login Rebound's fetch cannot pass (and no fetch may leave the test anyway).
    page = (Path(__file__).parent / "pages" / "board_linkedin.html").read_text()
    response = alice_api.post(
        FROM_URL,
        {"url": "https://www.linkedin.com/jobs/view/3901234567/", "page_html": page},
        format="json",
    )
    assert response.status_code == 200, response.json()
    posting = response.json()["posting"]
    assert (posting["company"], posting["role"], posting["location"]) == (
        "Acme Robotics",
        "Data Engineer",
        "Berlin, Germany",
    )
    assert {"company", "role", "location"} <= set(posting["unsure"])


def test_a_page_too_large_to_send_is_refused(alice_api: APIClient) -> None:
    response = alice_api.post(
        FROM_URL,
        {"url": "https://jobs.example/1", "page_html": "<p>" + "x" * 2_000_000},
        format="json",
    )
    assert response.status_code in (400, 413)
