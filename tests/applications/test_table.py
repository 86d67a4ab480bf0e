"""The table: filters and sort in the URL, pagination that keeps them, Export of exactly
what is shown, and bulk actions on the ticked rows."""

import csv
import io
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from tests.factories import application_for, rejected_late
from tests.pages import queries_to_get, streamed
from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.demo import demo_seed
from tracker.applications.models import Application, ChangeSource, Stage
from tracker.applications.views.table import PAGE_SIZE
from tracker.followups.demo import demo_followups

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

TABLE = reverse("application_table")


def _rows(client: Client, **params: str) -> list[str]:
    """The roles on the table's first page, top to bottom."""
    response = client.get(TABLE, params)
    assert response.status_code == 200
    return [app.role for app in response.context["page"].object_list]


def test_search_matches_company_role_and_notes(alice_client: Client, alice: User) -> None:
    application_for(alice, company="Initech", role="SRE")
    application_for(alice, company="Acme", role="Platform Engineer")
    application_for(alice, company="Globex", role="Analyst", notes="Met their CTO at PyCon")

    assert _rows(alice_client, q="initech") == ["SRE"]
    assert _rows(alice_client, q="platform") == ["Platform Engineer"]
    assert _rows(alice_client, q="pycon") == ["Analyst"]


def test_the_follow_up_due_filter_keeps_those_with_one_due_by_tonight(
    alice_client: Client, alice: User
) -> None:
    rejected_late(alice, company="Due")  # its reply was due yesterday
    application_for(alice, company="Quiet", role="Nothing due")

    assert _rows(alice_client, followup_due="on") == ["Backend Engineer"]
    assert len(_rows(alice_client)) == 2


def test_sorting_by_a_column_and_flipping_it(alice_client: Client, alice: User) -> None:
    application_for(alice, company="Bravo", role="B", days_ago=3)
    application_for(alice, company="alpha", role="A", days_ago=1)
    application_for(alice, company="Charlie", role="C", days_ago=2)

    assert _rows(alice_client, sort="company") == ["A", "B", "C"]  # case does not matter
    assert _rows(alice_client, sort="-company") == ["C", "B", "A"]
    assert _rows(alice_client, sort="applied") == ["B", "C", "A"]
    html = alice_client.get(TABLE, {"sort": "company"}).content.decode()
    assert 'aria-sort="ascending"' in html
    assert "sort=-company" in html  # the header now flips it


def test_an_unknown_sort_falls_back_to_the_most_recent_change(
    alice_client: Client, alice: User
) -> None:
    first = application_for(alice, role="First")
    application_for(alice, role="Second")
    services.application_change_stage(
        application=first, to_stage=Stage.SCREENING, source=ChangeSource.WEB
    )

    assert _rows(alice_client, sort="<script>") == ["First", "Second"]


def test_pages_keep_the_filters_and_the_sort(alice_client: Client, alice: User) -> None:
    demo_seed(owner=alice, count=PAGE_SIZE * 3)
    demo_followups(owner=alice)
    response = alice_client.get(TABLE, {"source": "referral", "sort": "company"})
    page = response.context["page"]
    html = response.content.decode()
    if page.has_next():
        assert "page=2&amp;source=referral&amp;sort=company" in html
    second = alice_client.get(TABLE, {"source": "referral", "sort": "company", "page": "2"})
    assert all(a.source == "referral" for a in second.context["page"].object_list)


def test_export_links_carry_exactly_the_filters_shown(alice_client: Client, alice: User) -> None:
    application_for(alice, company="Initech", role="SRE", source="referral")
    application_for(alice, company="Acme", role="Engineer", source="job_board")
    html = alice_client.get(TABLE, {"source": "referral", "q": "init"}).content.decode()
    export = reverse("export_applications")
    assert f"{export}?source=referral&amp;q=init" in html

    body = streamed(alice_client.get(export, {"source": "referral", "q": "init"}))
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert [r["role"] for r in rows] == ["SRE"]


def test_an_invalid_filter_is_shown_as_a_field_error_and_ignored(
    alice_client: Client, alice: User
) -> None:
    application_for(alice, role="Kept")

    response = alice_client.get(TABLE, {"applied_from": "soon", "applied_to": "2020-13-45"})

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("This filter is ignored.") == 2
    assert _rows(alice_client, applied_from="soon") == ["Kept"]


def _bulk(
    client: Client, action: str, *apps: Application, **extra: str
) -> "_MonkeyPatchedWSGIResponse":
    data = {"action": action, "ids": [str(a.pk) for a in apps], "back": "stage=applied", **extra}
    return client.post(reverse("application_bulk"), data)


def test_bulk_mark_ghosted_moves_each_ticked_one_and_returns_to_the_same_view(
    alice_client: Client, alice: User
) -> None:
    one, two, untouched = (application_for(alice, role=r) for r in ("One", "Two", "Three"))

    response = _bulk(alice_client, "ghosted", one, two)

    assert response.status_code == 302
    assert response["Location"] == f"{TABLE}?stage=applied"
    stages = dict(Application.objects.values_list("role", "stage"))
    assert stages == {"One": "ghosted", "Two": "ghosted", "Three": "applied"}
    assert one.history.last().to_stage == "ghosted"  # type: ignore[union-attr]
    assert untouched.history.count() == 1
    page = alice_client.get(TABLE).content.decode()
    assert "Marked 2 applications ghosted." in page


def test_bulk_withdraw(alice_client: Client, alice: User) -> None:
    application = application_for(alice)

    _bulk(alice_client, "withdrawn", application)

    application.refresh_from_db()
    assert application.stage == "withdrawn"


def test_bulk_delete_asks_first_then_deletes(alice_client: Client, alice: User) -> None:
    doomed = [application_for(alice, company=f"Doomed {n}") for n in range(2)]
    kept = application_for(alice, company="Kept")

    ask = _bulk(alice_client, "delete", *doomed)

    assert ask.status_code == 200
    html = ask.content.decode()
    assert "Delete 2 applications?" in html
    assert "Doomed 0" in html
    assert "Kept" not in html.split("<main", 1)[1].split("Cancel, keep them")[0]
    assert Application.objects.count() == 3

    done = _bulk(alice_client, "delete", *doomed, confirmed="on")

    assert done.status_code == 302
    assert list(Application.objects.all()) == [kept]


@pytest.mark.parametrize("action", ["ghosted", "delete"])
def test_bulk_actions_refuse_anyone_elses_application_and_change_nothing(
    alice_client: Client, alice: User, bob: User, action: str
) -> None:
    mine = application_for(alice)
    bobs = application_for(bob)

    response = _bulk(alice_client, action, mine, bobs, confirmed="on")

    assert response.status_code == 302
    assert Application.objects.filter(stage="applied").count() == 2
    page = alice_client.get(TABLE).content.decode()
    assert "Choose applications from your own list." in page


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"action": "ghosted"}, "Tick at least one application first."),
        ({"action": "", "ids": ["1"]}, "Choose an action."),
        ({"action": "offer", "ids": ["1"]}, "Select a valid choice."),
        ({"action": "ghosted", "ids": ["x"]}, "Those are not applications."),
        ({"action": "ghosted", "ids": ["99999999999999999999999"]}, "Those are not applications."),
        ({"action": "ghosted", "ids": ["-3"]}, "Those are not applications."),
        ({"action": "ghosted", "ids": [str(n) for n in range(1, 502)]}, "Tick at most 500"),
    ],
)
def test_a_bad_bulk_request_says_what_is_wrong(
    alice_client: Client, alice: User, data: dict[str, object], error: str
) -> None:
    application = application_for(alice)

    response = alice_client.post(reverse("application_bulk"), data, follow=True)

    assert response.status_code == 200
    assert error in response.content.decode()
    application.refresh_from_db()
    assert application.stage == "applied"


def test_bulk_is_post_only(alice_client: Client) -> None:
    assert alice_client.get(reverse("application_bulk")).status_code == 405


def test_bulk_goes_back_only_to_the_table(alice_client: Client, alice: User) -> None:
    application = application_for(alice)
    data = {"action": "ghosted", "ids": [str(application.pk)], "back": "//evil.example/x"}

    response = alice_client.post(reverse("application_bulk"), data)

    assert response["Location"].startswith(TABLE)
    assert "evil.example" not in response["Location"].split("?")[0]


def test_the_table_costs_the_same_queries_at_10_and_at_200_applications(
    alice_client: Client, alice: User, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    params = {"sort": "followup", "followup_due": ""}
    demo_seed(owner=alice, count=10)
    demo_followups(owner=alice)
    few = queries_to_get(alice_client, TABLE, django_assert_max_num_queries, params)
    demo_seed(owner=alice, count=190, seed=8)
    demo_followups(owner=alice)
    many = queries_to_get(alice_client, TABLE, django_assert_max_num_queries, params)

    assert few == many


def test_the_next_follow_up_column_flags_an_overdue_one(alice_client: Client, alice: User) -> None:
    rejected_late(alice, company="Late")
    application_for(alice, company="Calm")

    html = alice_client.get(TABLE, {"sort": "company"}).content.decode()

    calm, late = html.split("<tbody>")[1].split("</tr>")[:2]
    assert "Overdue" in late
    assert "Overdue" not in calm


@pytest.mark.parametrize(
    ("params", "count"),
    [({}, 4), ({"stage": "applied"}, 3), ({"stage": "offer"}, 0), ({"q": "Acme"}, 2)],
)
def test_the_footer_counts_the_rows_shown_from_the_stage_counts_or_the_rows(
    alice_client: Client, alice: User, bob: User, params: dict[str, str], count: int
) -> None:
    """No filter, or a stage alone: the stage counts say how many rows there are (and the
    page counts nothing twice); any other filter: the rows are counted."""
    for company in ("Acme", "Acme", "Globex"):
        application_for(alice, company=company)
    application_for(alice, company="Initech", stage=Stage.WISHLIST)
    application_for(bob, company="Acme")

    response = alice_client.get(TABLE, params)

    assert response.context["page"].paginator.count == count
    assert len(response.context["page"].object_list) == count
    if count:  # (none shown: the page says the filters match nothing instead)
        label = f"{count} application{'s' if count != 1 else ''}"
        assert label in response.content.decode()


def test_without_a_filter_the_rows_are_not_counted_again(
    alice_client: Client, alice: User, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    application_for(alice)
    plain = queries_to_get(alice_client, TABLE, django_assert_max_num_queries)
    searched = queries_to_get(alice_client, TABLE, django_assert_max_num_queries, {"q": "Acme"})

    assert plain == searched - 1
