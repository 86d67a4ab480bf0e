"""The Work-search page: the log of a period, its printable page and downloads, the
activity form and the log's settings."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.worksearch.conftest import Fortnight, pdf_pages
from tracker.accounts.models import User
from tracker.applications.models import Company
from tracker.worksearch import services
from tracker.worksearch.models import Activity, LogSettings

pytestmark = pytest.mark.django_db

PAGE = "/work-search/"


def period(f: Fortnight, **extra: str) -> dict[str, str]:
    return {"from": f.start.isoformat(), "to": f.end.isoformat(), **extra}


def test_it_shows_the_log_of_a_period(alice_client: Client, fortnight: Fortnight) -> None:
    response = alice_client.get(PAGE, period(fortnight))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Work Search Record" in html
    assert "Nordlicht Software GmbH" in html
    assert "PyBerlin meetup" in html
    assert "Total: 7 entries." in html
    for name in ("work_search_print", "work_search_pdf", "work_search_csv"):
        assert reverse(name) + "?from=" in html


def test_without_a_period_it_shows_last_week_and_this_one(
    alice: User, alice_client: Client
) -> None:
    today = timezone.localdate(timezone.now(), alice.zone)
    services.activity_create(owner=alice, date=today, kind="training", description="SQL course")

    response = alice_client.get(PAGE)

    assert response.status_code == 200
    assert "SQL course" in response.content.decode()


def test_a_bad_period_is_explained(alice_client: Client) -> None:
    response = alice_client.get(PAGE, {"from": "2026-03-01", "to": "2026-02-01"})

    assert response.status_code == 400
    assert "The end of the period must not be before its start." in response.content.decode()


@pytest.mark.parametrize("name", ["work_search_print", "work_search_pdf", "work_search_csv"])
def test_a_download_of_a_bad_period_is_a_400(alice_client: Client, name: str) -> None:
    response = alice_client.get(reverse(name), {"from": "2020-01-01", "to": "2026-01-01"})

    assert response.status_code == 400
    assert "Ask for at most two years at once." in response.content.decode()


def test_it_needs_a_login(client: Client) -> None:
    for url in (PAGE, reverse("work_search_pdf"), reverse("work_search_csv")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_the_printable_page_is_a_document_of_its_own_within_the_csp(
    alice_client: Client, fortnight: Fortnight
) -> None:
    response = alice_client.get(reverse("work_search_print"), period(fortnight, layout="uk"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en-GB">' in html
    assert "Work search journal" in html
    assert "/static/css/worksearch-log.css" in html
    # The Content Security Policy allows no inline style or script.
    assert "<style" not in html
    assert "style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "Content-Security-Policy" in response.headers


def test_the_pdf_and_csv_download_in_the_chosen_layout(
    alice: User, alice_client: Client, fortnight: Fortnight, tmp_path: Path
) -> None:
    services.log_settings_update(user=alice, layout="de", weekly_target=2)

    pdf = alice_client.get(reverse("work_search_pdf"), period(fortnight))
    csv = alice_client.get(reverse("work_search_csv"), period(fortnight))

    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == (
        f'attachment; filename="work-search-log-{fortnight.start}-{fortnight.end}.pdf"'
    )
    (page,) = pdf_pages(pdf.content, tmp_path)
    assert "Nachweis der Eigenbemühungen" in page
    assert csv.content.decode().startswith("Datum,Art der Bemühung,Arbeitgeber")


def test_it_logs_an_activity_and_comes_back_to_the_period(
    alice: User, alice_client: Client
) -> None:
    today = timezone.localdate(timezone.now(), alice.zone)
    start = today - timedelta(days=3)

    response = alice_client.post(
        reverse("activity_create"),
        {
            "date": today.isoformat(),
            "kind": "recruiter_call",
            "description": "Call with a recruiter at Hays about a contract role",
            "employer": "Hays",
            "contact": "Lena",
            "duration_minutes": "30",
            "from": start.isoformat(),
            "to": today.isoformat(),
        },
    )

    assert response.status_code == 302
    assert response["Location"] == f"{PAGE}?from={start}&to={today}"
    activity = Activity.objects.get()
    assert (activity.owner, activity.employer, activity.duration_minutes) == (alice, "Hays", 30)


def test_a_bad_activity_is_shown_again_with_its_errors_and_nothing_saved(
    alice_client: Client,
) -> None:
    tomorrow = timezone.localdate() + timedelta(days=2)

    response = alice_client.post(
        reverse("activity_create"),
        {"date": tomorrow.isoformat(), "kind": "networking", "description": "Meetup"},
    )

    assert response.status_code == 400
    assert "This cannot be in the future." in response.content.decode()
    assert 'value="Meetup"' in response.content.decode() or "Meetup</textarea>" in (
        response.content.decode()
    )
    assert not Activity.objects.exists()


def test_bob_cannot_delete_alices_activity(alice: User, bob_client: Client) -> None:
    activity = services.activity_create(
        owner=alice, date=timezone.localdate(), kind="training", description="SQL course"
    )

    response = bob_client.post(reverse("activity_delete", args=[activity.pk]))

    assert response.status_code == 404
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_alice_deletes_her_activity(alice: User, alice_client: Client) -> None:
    activity = services.activity_create(
        owner=alice, date=timezone.localdate(), kind="training", description="SQL course"
    )

    response = alice_client.post(reverse("activity_delete", args=[activity.pk]))

    assert response.status_code == 302
    assert not Activity.objects.exists()


def test_it_saves_the_log_settings(alice: User, alice_client: Client) -> None:
    response = alice_client.post(
        reverse("work_search_settings"),
        {"layout": "uk", "weekly_target": "5", "reference": "QQ123456C", "reminder_weekday": "0"},
    )

    assert response.status_code == 302
    saved = LogSettings.objects.get(user=alice)
    assert (saved.layout, saved.weekly_target, saved.reference, saved.reminder_weekday) == (
        "uk",
        5,
        "QQ123456C",
        0,
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"layout": "fr"}, "Select a valid choice."),
        ({"weekly_target": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"weekly_target": "51"}, "Ensure this value is less than or equal to 50."),
        ({"reminder_weekday": "7"}, "Select a valid choice."),
    ],
)
def test_bad_settings_are_refused_with_a_reason(
    alice: User, alice_client: Client, fields: dict[str, str], message: str
) -> None:
    data = {"layout": "general", "weekly_target": "3", "reference": "", "reminder_weekday": ""}

    response = alice_client.post(reverse("work_search_settings"), {**data, **fields})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not LogSettings.objects.filter(user=alice).exists()


def test_the_navigation_leads_to_the_log(alice_client: Client) -> None:
    assert f'href="{PAGE}"' in alice_client.get(reverse("dashboard")).content.decode()


def test_it_asks_for_the_address_of_employers_it_cannot_print_one_for(
    alice_client: Client, fortnight: Fortnight
) -> None:
    html = alice_client.get(PAGE, period(fortnight)).content.decode()

    asked = re.findall(r'/work-search/employers/\d+/\?[^"]*">([^<]+)</a>', html)
    # Nordlicht's address is known; the other four are not.
    assert asked == ["Acme Corp", "Globex", "Initech", "Umbrella Health"]


def test_it_saves_how_to_reach_an_employer(
    alice: User, alice_client: Client, fortnight: Fortnight
) -> None:
    acme = Company.objects.get(owner=alice, name="Acme Corp")
    url = reverse("work_search_employer", args=[acme.pk])

    assert alice_client.get(url, period(fortnight)).status_code == 200
    response = alice_client.post(
        url,
        {
            "address": " 5 Harbour Road, Leith, Edinburgh EH6 6AB ",
            "phone": "0131 496 0000",
            "website": "https://acme.example",
            **period(fortnight),
        },
    )

    assert response.status_code == 302
    assert response["Location"] == f"{PAGE}?from={fortnight.start}&to={fortnight.end}"
    acme.refresh_from_db()
    assert (acme.address, acme.phone) == (
        "5 Harbour Road, Leith, Edinburgh EH6 6AB",
        "0131 496 0000",
    )
    entries = alice_client.get("/api/work-search-log/", period(fortnight)).json()["entries"]
    assert {e["address"] for e in entries if e["employer"] == "Acme Corp"} == {
        "5 Harbour Road, Leith, Edinburgh EH6 6AB"
    }


def test_a_bad_website_is_refused(alice: User, alice_client: Client, fortnight: Fortnight) -> None:
    acme = Company.objects.get(owner=alice, name="Acme Corp")

    response = alice_client.post(
        reverse("work_search_employer", args=[acme.pk]),
        {"address": "", "phone": "", "website": "not a site"},
    )

    assert response.status_code == 400
    assert "Enter a valid URL." in response.content.decode()


def test_bob_cannot_see_or_change_alices_employer(
    alice: User, bob_client: Client, fortnight: Fortnight
) -> None:
    acme = Company.objects.get(owner=alice, name="Acme Corp")
    url = reverse("work_search_employer", args=[acme.pk])

    assert bob_client.get(url).status_code == 404
    assert bob_client.post(url, {"address": "x", "phone": "", "website": ""}).status_code == 404
    acme.refresh_from_db()
    assert acme.address == ""
