"""The board: columns, cards, "show more", moves saved from drag and drop or the keyboard,
and the rejection dialog a drop on Rejected opens."""

import json
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from tests.factories import application_for, rejected_late
from tests.pages import queries_to_get
from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.demo import demo_seed
from tracker.applications.models import Application, ChangeSource, Stage
from tracker.applications.selectors import BOARD_COLUMN_SIZE
from tracker.followups.demo import demo_followups
from tracker.followups.models import ProposalJob

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

HTMX = {"HX-Request": "true"}


def _move(client: Client, application: Application, stage: str) -> "_MonkeyPatchedWSGIResponse":
    return client.post(
        reverse("application_move", args=[application.pk]), {"stage": stage}, headers=HTMX
    )


def test_the_board_has_a_column_per_stage_with_its_count_and_cards(
    alice_client: Client, alice: User, bob: User
) -> None:
    acme = application_for(alice, company="Acme", role="Backend Engineer")
    initech = application_for(alice, company="Initech", role="SRE")
    services.application_change_stage(
        application=initech, to_stage=Stage.SCREENING, source=ChangeSource.WEB
    )
    application_for(bob, company="Bob's Secret Co")

    html = alice_client.get(reverse("dashboard")).content.decode()

    for stage in Stage:
        assert f'id="cards-{stage.value}"' in html
    assert html.count('class="board-card"') == 2
    applied = html[html.index('id="cards-applied"') : html.index('id="cards-screening"')]
    assert f'id="card-{acme.pk}"' in applied
    assert "Backend Engineer" in applied
    screening = html[html.index('id="cards-screening"') : html.index('id="cards-interviewing"')]
    assert f'id="card-{initech.pk}"' in screening
    assert "Secret Co" not in html


def test_a_card_shows_days_in_its_stage_and_an_overdue_follow_up(
    alice_client: Client, alice: User
) -> None:
    quiet = application_for(alice, company="Quiet", days_ago=20)
    services.application_change_stage(
        application=quiet,
        to_stage=Stage.SCREENING,
        source=ChangeSource.WEB,
        at=timezone.now() - timedelta(days=12),
    )
    late = rejected_late(alice, company="Late")  # its reply was due a day ago

    html = alice_client.get(reverse("dashboard")).content.decode()

    quiet_card = html[html.index(f'id="card-{quiet.pk}"') :]
    assert "12 days" in quiet_card[: quiet_card.index("</li>")]
    late_card = html[html.index(f'id="card-{late.pk}"') :]
    assert "is-overdue" in late_card[: late_card.index("</li>")]


def test_a_long_column_shows_its_newest_cards_and_the_rest_on_demand(
    alice_client: Client, alice: User, bob: User
) -> None:
    demo_seed(owner=alice, count=250)
    demo_followups(owner=alice)
    applied = list(
        Application.objects.filter(owner=alice, stage=Stage.APPLIED).order_by(
            "-stage_changed_at", "-id"
        )
    )
    assert len(applied) > BOARD_COLUMN_SIZE * 2  # enough for two "show more" pages
    html = alice_client.get(reverse("dashboard")).content.decode()
    column = html[html.index('id="cards-applied"') : html.index('id="cards-screening"')]
    shown = [a.pk for a in applied if f'id="card-{a.pk}"' in column]
    assert shown == [a.pk for a in applied[:BOARD_COLUMN_SIZE]]
    assert f"Show {len(applied) - BOARD_COLUMN_SIZE} more" in column

    seen = list(shown)
    last = applied[BOARD_COLUMN_SIZE - 1]
    while True:
        url = reverse("board_column_more", args=["applied"])
        params = {
            "before": last.stage_changed_at.isoformat(),
            "id": str(last.pk),
            "shown": str(len(seen)),
        }
        more = alice_client.get(url, params, headers=HTMX)
        assert more.status_code == 200
        page = more.content.decode()
        got = [a.pk for a in applied if f'id="card-{a.pk}"' in page]
        seen += got
        if "Show " not in page:
            break
        last = next(a for a in applied if a.pk == got[-1])
    assert seen == [a.pk for a in applied]  # every card once, in order

    # Bob asking with alice's cursor sees his own (empty) column, never her cards.
    bobs = Client()
    bobs.force_login(bob)
    params = {"before": timezone.now().isoformat(), "id": str(applied[-1].pk + 1), "shown": "0"}
    page = bobs.get(reverse("board_column_more", args=["applied"]), params).content.decode()
    assert "board-card" not in page


@pytest.mark.parametrize(
    ("stage", "params", "status"),
    [
        ("applied", {"before": "yesterday", "id": "1", "shown": "0"}, 400),
        ("applied", {"id": "1", "shown": "0"}, 400),
        ("nonsense", {"before": "2026-01-01T00:00:00Z", "id": "1", "shown": "0"}, 404),
    ],
)
def test_show_more_with_a_bad_cursor_is_refused_plainly(
    alice_client: Client, stage: str, params: dict[str, str], status: int
) -> None:
    response = alice_client.get(reverse("board_column_more", args=[stage]), params)

    assert response.status_code == status


def test_a_move_is_saved_and_answered_with_the_card_and_every_count(
    alice_client: Client, alice: User
) -> None:
    application = application_for(alice)

    response = _move(alice_client, application, "interviewing")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="card-{application.pk}"' in html
    assert 'id="count-interviewing" hx-swap-oob="true"' in html
    assert json.loads(response["HX-Trigger"]) == {
        "rebound:board-status": f"Moved {application} to Interviewing."
    }
    application.refresh_from_db()
    assert application.stage == "interviewing"
    assert application.history.last().source == ChangeSource.BOARD  # type: ignore[union-attr]


def test_a_drop_on_rejected_is_refused_without_the_rejection_details(
    alice_client: Client, alice: User
) -> None:
    application = application_for(alice)

    response = _move(alice_client, application, "rejected")

    assert response.status_code == 400
    assert "rejection details" in response.content.decode()
    application.refresh_from_db()
    assert application.stage == "applied"
    assert application.history.count() == 1


def test_a_move_the_service_refuses_comes_back_as_a_400_with_its_reason(
    alice_client: Client, alice: User
) -> None:
    application = application_for(alice)

    unknown = _move(alice_client, application, "hired")
    same = _move(alice_client, application, "applied")

    assert unknown.status_code == 400
    assert same.status_code == 200
    assert "Already in Applied" in same["HX-Trigger"]
    assert application.history.count() == 1


def test_bob_cannot_move_alices_card_and_get_is_not_allowed(
    alice: User, bob_client: Client, alice_client: Client
) -> None:
    application = application_for(alice)

    assert _move(bob_client, application, "offer").status_code == 404
    assert alice_client.get(reverse("application_move", args=[application.pk])).status_code == 405
    application.refresh_from_db()
    assert application.stage == "applied"


def test_the_rejection_dialog_saves_the_move_with_its_details(
    alice_client: Client, alice: User
) -> None:
    application = application_for(alice)
    url = reverse("application_reject", args=[application.pk])

    form = alice_client.get(url, headers=HTMX)
    assert form.status_code == 200
    assert "<html" not in form.content.decode()
    assert 'hx-post="' in form.content.decode()

    invalid = alice_client.post(url, {"channel": "carrier pigeon"}, headers=HTMX)
    assert invalid.status_code == 200
    assert "is-invalid" in invalid.content.decode()
    application.refresh_from_db()
    assert application.stage == "applied"

    saved = alice_client.post(
        url,
        {
            "channel": "personal_email",
            "sender_role": "hiring_manager",
            "sender_name": "Dana",
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        },
        headers=HTMX,
    )
    assert saved.status_code == 200
    assert saved["HX-Retarget"] == f"#card-{application.pk}"
    assert json.loads(saved["HX-Trigger"])["rebound:rejected"] is True
    application.refresh_from_db()
    assert application.stage == "rejected"
    assert application.rejection.sender_name == "Dana"
    assert application.history.last().source == ChangeSource.BOARD  # type: ignore[union-attr]
    assert ProposalJob.objects.filter(application=application).exists()


def test_the_board_costs_the_same_queries_at_10_and_at_200_applications(
    alice_client: Client, alice: User, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    board = reverse("dashboard")
    demo_seed(owner=alice, count=10)
    demo_followups(owner=alice)
    few = queries_to_get(alice_client, board, django_assert_max_num_queries)
    demo_seed(owner=alice, count=190, seed=8)
    demo_followups(owner=alice)
    many = queries_to_get(alice_client, board, django_assert_max_num_queries)

    assert few == many
