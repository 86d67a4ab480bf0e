"""The insights page: rates, flows, times and weekly counts, for the owner only."""

import json
import re
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from tests.factories import application_for
from tests.pages import queries_to_get
from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.demo import demo_seed
from tracker.applications.models import Application, ChangeSource, Stage
from tracker.insights import selectors as insights
from tracker.insights.selectors import Flow, Rate, insights_summary

pytestmark = pytest.mark.django_db

URL = reverse("insights")


def _days_ago(days: int) -> datetime:
    """Midnight (UTC, alice's zone) some days back: whole days make exact medians."""
    return datetime.combine(timezone.localdate() - timedelta(days=days), time.min, tzinfo=UTC)


def _applied(owner: User, days_ago: int, *moves: tuple[str, int]) -> Application:
    """An application sent `days_ago`, then moved to each (stage, days ago) in turn."""
    application = application_for(owner, days_ago=days_ago)
    for stage, when in moves:
        services.application_change_stage(
            application=application, to_stage=stage, source=ChangeSource.WEB, at=_days_ago(when)
        )
    return application


def _rejected(application: Application, *, days_ago: int, channel: str) -> None:
    services.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel=channel,
        received_at=_days_ago(days_ago),
    )


@pytest.fixture
def history(alice: User) -> None:
    """Seven applications whose figures are worked out by hand in the tests below."""
    _applied(
        alice,
        20,
        (Stage.SCREENING, 15),
        (Stage.INTERVIEWING, 10),
        (Stage.OFFER, 6),
        (Stage.ACCEPTED, 5),
    )
    _rejected(_applied(alice, 20), days_ago=18, channel="automated")
    _applied(alice, 20, (Stage.GHOSTED, 5))
    _applied(alice, 10, (Stage.SCREENING, 7), (Stage.WITHDRAWN, 6))
    _rejected(_applied(alice, 10, (Stage.INTERVIEWING, 4)), days_ago=2, channel="personal_email")
    # Back and forth: the move back to applied cannot be drawn, and is counted as such.
    _applied(alice, 30, (Stage.SCREENING, 28), (Stage.APPLIED, 27), (Stage.GHOSTED, 20))
    # Never sent: in the total, in no rate.
    services.application_create(
        owner=alice, company_name="Initech", role="Developer", stage=Stage.WISHLIST
    )


def test_it_works_out_the_rates(alice: User, history: None) -> None:
    summary = insights_summary(user=alice)

    assert summary is not None
    assert summary.rates.total == 7
    assert summary.rates.sent == 6
    # Answered: the accepted, both rejected, the withdrawn after screening, the one that
    # went back and forth. The ghosted one heard nothing.
    assert summary.rates.responses == Rate(5, 6)
    assert summary.rates.responses.percent == 83
    assert summary.rates.interviews == Rate(2, 6)
    assert summary.rates.offers == Rate(1, 6)


def test_it_draws_forward_flows_and_counts_the_moves_back(alice: User, history: None) -> None:
    summary = insights_summary(user=alice)

    assert summary is not None
    assert summary.flows.flows == [
        Flow(Stage.APPLIED, Stage.SCREENING, 3),
        Flow(Stage.APPLIED, Stage.INTERVIEWING, 1),
        Flow(Stage.APPLIED, Stage.REJECTED, 1),
        Flow(Stage.APPLIED, Stage.GHOSTED, 2),
        Flow(Stage.SCREENING, Stage.INTERVIEWING, 1),
        Flow(Stage.SCREENING, Stage.WITHDRAWN, 1),
        Flow(Stage.INTERVIEWING, Stage.OFFER, 1),
        Flow(Stage.INTERVIEWING, Stage.REJECTED, 1),
        Flow(Stage.OFFER, Stage.ACCEPTED, 1),
    ]
    assert summary.flows.left_out == 1  # screening back to applied


def test_it_measures_median_days_in_each_stage(alice: User, history: None) -> None:
    summary = insights_summary(user=alice)

    assert summary is not None
    medians = {row.stage: (row.median_days, row.stays) for row in summary.durations.stages}
    assert medians == {
        Stage.APPLIED: (5, 7),  # 5, 2, 15, 3, 6, then 2 and 7 for the one that came back
        Stage.SCREENING: (1, 3),  # 5, 1, 1
        Stage.INTERVIEWING: (3, 2),  # 4, 2
        Stage.OFFER: (1, 1),
    }
    # The first answer: screening after 5 and 2 days, rejections after 2, screening after
    # 3, an interview after 6. Being ghosted is no answer.
    assert summary.durations.to_response is not None
    assert summary.durations.to_response.median_days == 3
    assert summary.durations.to_response.stays == 5


def test_times_are_measured_on_the_applications_added_last(
    alice_client: Client, history: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(insights, "DURATION_SAMPLE", 3)

    response = alice_client.get(URL)

    summary = response.context["summary"]
    assert summary.durations_sample == 3
    # The last three: the wishlist item (never moved), the back-and-forth one (2 and 7
    # days in applied, 1 in screening) and the one rejected after an interview (6, 2).
    medians = {row.stage: (row.median_days, row.stays) for row in summary.durations.stages}
    assert medians == {
        Stage.APPLIED: (6, 3),
        Stage.SCREENING: (1, 1),
        Stage.INTERVIEWING: (2, 1),
    }
    assert "measured on your 3 most recently added applications" in response.content.decode()


def test_it_counts_rejections_by_how_they_arrived(alice: User, history: None) -> None:
    summary = insights_summary(user=alice)

    assert summary is not None
    assert sorted((c.channel, c.count) for c in summary.channels) == [
        ("automated", 1),
        ("personal_email", 1),
    ]


def test_a_rejection_without_details_is_counted_as_not_recorded(alice: User) -> None:
    _applied(alice, 5, (Stage.REJECTED, 1))

    summary = insights_summary(user=alice)

    assert summary is not None
    assert [(c.label, c.count) for c in summary.channels] == [("Not recorded", 1)]


def test_it_counts_applications_sent_per_week(alice: User, history: None) -> None:
    today = timezone.localdate()

    summary = insights_summary(user=alice, today=today)

    assert summary is not None
    weeks = summary.weeks.weeks
    assert len(weeks) == 26
    assert weeks[-1].start == today - timedelta(days=today.weekday())
    assert all(week.start.weekday() == 0 for week in weeks)
    sent_on = [today - timedelta(days=n) for n in (20, 20, 20, 10, 10, 30)]
    expected = Counter(day - timedelta(days=day.weekday()) for day in sent_on)
    assert {week.start: week.count for week in weeks if week.count} == expected


def test_an_undated_application_counts_from_the_day_it_was_added(alice: User) -> None:
    services.application_create(owner=alice, company_name="Initech", role="Developer")
    services.application_create(
        owner=alice, company_name="Hooli", role="Developer", stage=Stage.WISHLIST
    )
    today = timezone.localdate()

    summary = insights_summary(user=alice, today=today)

    assert summary is not None
    assert summary.rates.sent == 1
    # This week's bar: the one sent, not the one still on the wishlist.
    assert summary.weeks.weeks[-1].count == 1


def test_a_long_range_shows_its_last_two_years_of_weeks(alice: User, history: None) -> None:
    today = timezone.localdate()

    summary = insights_summary(user=alice, applied_from=date(2000, 1, 1), today=today)

    assert summary is not None
    assert summary.weeks.cut
    assert len(summary.weeks.weeks) == 104
    assert sum(week.count for week in summary.weeks.weeks) == 6


def test_the_page_shows_the_figures(alice_client: Client, history: None) -> None:
    response = alice_client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "83<span" in html
    assert "5 of 6 sent applications got an answer" in html
    assert 'id="flows-chart" role="img"' in html
    assert "1 move back" in html
    # The charts' data travels as JSON, not as a script the page runs.
    match = re.search(r'<script id="insights-data" type="application/json">(.*?)</script>', html)
    assert match is not None
    data = json.loads(match.group(1))
    assert {"from": "applied", "to": "screening", "flow": 3} in data["flows"]
    assert data["stages"]["interviewing"] == "Interviewing"
    assert sum(week["count"] for week in data["weeks"]) == 6
    assert "vendor/chartjs-chart-sankey/chartjs-chart-sankey.min.js" in html
    assert "js/insights.js" in html


def test_it_filters_by_the_date_range(alice_client: Client, history: None) -> None:
    since = timezone.localdate() - timedelta(days=12)

    response = alice_client.get(URL, {"applied_from": since.isoformat()})

    summary = response.context["summary"]
    # The two sent 10 days ago, and the wishlist item, added today without a date.
    assert summary.rates.total == 3
    assert summary.rates.sent == 2
    assert summary.rates.responses == Rate(2, 2)
    assert summary.flows.flows == [
        Flow(Stage.APPLIED, Stage.SCREENING, 1),
        Flow(Stage.APPLIED, Stage.INTERVIEWING, 1),
        Flow(Stage.SCREENING, Stage.WITHDRAWN, 1),
        Flow(Stage.INTERVIEWING, Stage.REJECTED, 1),
    ]
    assert [(c.channel, c.count) for c in summary.channels] == [("personal_email", 1)]
    assert summary.weeks.weeks[0].start <= since
    assert f"since {since.day} {since:%b %Y}" in response.content.decode()


def test_it_never_shows_another_users_figures(
    alice_client: Client, bob: User, history: None
) -> None:
    for _ in range(3):
        _rejected(application_for(bob, company="Globex"), days_ago=1, channel="phone")

    response = alice_client.get(URL)

    summary = response.context["summary"]
    assert summary.rates.total == 7
    assert summary.rates.rejected == 2
    assert "phone" not in {c.channel for c in summary.channels}
    assert sum(flow.count for flow in summary.flows.flows) == 12


def test_the_empty_page_explains_what_will_appear(alice_client: Client) -> None:
    response = alice_client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Your insights will appear here" in html
    assert "<canvas" not in html
    assert "insights-data" not in html
    assert "js/insights.js" not in html


def test_an_empty_range_says_so(alice_client: Client, history: None) -> None:
    response = alice_client.get(URL, {"applied_to": "2001-01-01"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing in this range" in html
    assert "Your insights will appear here" not in html


@pytest.mark.parametrize(
    ("query", "field", "error"),
    [
        (
            {"applied_from": "2025-03-01", "applied_to": "2025-02-01"},
            "applied_to",
            "The end of the range is before its start.",
        ),
        ({"applied_from": "not a date"}, "applied_from", "Enter a valid date."),
        ({"applied_to": "2025-02-30"}, "applied_to", "Enter a valid date."),
    ],
)
def test_a_bad_range_is_a_field_error_and_the_page_shows_all_dates(
    alice_client: Client, history: None, query: dict[str, str], field: str, error: str
) -> None:
    response = alice_client.get(URL, query)

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [error]
    assert response.context["summary"].rates.total == 7
    html = response.content.decode()
    assert f'aria-describedby="id_{field}_error"' in html
    assert "Showing all dates until the range is fixed." in html


def test_the_page_makes_as_many_queries_for_200_applications_as_for_10(
    alice_client: Client, alice: User, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    demo_seed(owner=alice, count=10, with_people=False)
    few = queries_to_get(alice_client, URL, django_assert_max_num_queries)
    demo_seed(owner=alice, count=190, with_people=False)
    many = queries_to_get(alice_client, URL, django_assert_max_num_queries)

    assert few == many
    assert alice_client.get(URL).context["summary"].rates.total == 200
