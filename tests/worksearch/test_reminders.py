"""The opt-in weekly reminder: on the user's chosen weekday, from the morning on in their
time zone, "2 of 3 activities logged this week", once a week whatever runs the sweep."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.notifications.models import Channel, Notification
from tracker.worksearch import reminder, services
from tracker.worksearch.log import week_start
from tracker.worksearch.models import LogSettings
from tracker.worksearch.tasks import send_weekly_reminders_task

pytestmark = pytest.mark.django_db

FRIDAY = 4
# A Friday at least a week ago (what is logged must have happened), 10:00 in Berlin.
LAST_FRIDAY = week_start(datetime.now(UTC).date(), FRIDAY) - timedelta(days=7)
FRIDAY_MORNING = datetime.combine(LAST_FRIDAY, time(9), tzinfo=UTC)
MONDAY = LAST_FRIDAY - timedelta(days=4)


def opt_in(user: User, *, weekday: int = FRIDAY, zone: str = "Europe/Berlin") -> None:
    user.time_zone = zone
    user.save()
    services.log_settings_update(user=user, layout="de", weekly_target=3, reminder_weekday=weekday)


def reminders(user: User) -> list[Notification]:
    return list(Notification.objects.filter(user=user, channel=Channel.IN_APP))


def test_it_counts_the_weeks_entries_so_far(alice: User) -> None:
    opt_in(alice)
    services.activity_create(owner=alice, date=MONDAY, kind="job_fair", description="Job fair")
    services.activity_create(
        owner=alice,
        date=MONDAY - timedelta(days=1),
        kind="training",
        description="Last week's course",
    )
    wednesday = MONDAY + timedelta(days=2)
    application_for(alice, days_ago=(datetime.now(alice.zone).date() - wednesday).days)

    assert services.work_search_reminders_send(now=FRIDAY_MORNING) == 1

    (note,) = reminders(alice)
    assert note.title == "2 of 3 activities logged this week"
    assert f"Monday {MONDAY.day} {MONDAY:%B}" in note.body
    assert note.link == "/work-search/"
    assert note.data == {"event": "work_search_week", "count": 2}


def test_it_is_sent_once_a_week(alice: User) -> None:
    opt_in(alice)

    assert services.work_search_reminders_send(now=FRIDAY_MORNING) == 1
    assert services.work_search_reminders_send(now=FRIDAY_MORNING + timedelta(hours=3)) == 0
    assert len(reminders(alice)) == 1
    assert services.work_search_reminders_send(now=FRIDAY_MORNING + timedelta(days=7)) == 1
    assert len(reminders(alice)) == 2


def test_a_second_sweep_that_lost_the_claim_sends_nothing(alice: User) -> None:
    opt_in(alice)
    services.work_search_reminders_send(now=FRIDAY_MORNING)
    # As if the settings were read before the first sweep claimed the week.
    LogSettings.objects.filter(user=alice).update(reminded_week=None)

    assert services.work_search_reminders_send(now=FRIDAY_MORNING) == 1
    assert len(reminders(alice)) == 1  # notify()'s key names the week: told once


def test_it_waits_for_the_morning_and_the_chosen_day(alice: User) -> None:
    opt_in(alice)

    early = FRIDAY_MORNING - timedelta(minutes=61)  # 08:59 in Berlin
    thursday = FRIDAY_MORNING - timedelta(days=1)
    assert services.work_search_reminders_send(now=early) == 0
    assert services.work_search_reminders_send(now=thursday) == 0
    assert reminders(alice) == []


def test_nobody_is_reminded_who_did_not_ask(alice: User, bob: User) -> None:
    opt_in(bob, weekday=0)

    assert services.work_search_reminders_send(now=FRIDAY_MORNING) == 0
    assert send_weekly_reminders_task() in (0, 1)  # bob's Monday may be today
    assert reminders(alice) == []


def test_changing_the_day_lets_this_week_be_reminded_on_the_new_one(alice: User) -> None:
    opt_in(alice, weekday=3)
    services.work_search_reminders_send(now=FRIDAY_MORNING - timedelta(days=1))
    opt_in(alice, weekday=FRIDAY)

    assert services.work_search_reminders_send(now=FRIDAY_MORNING) == 1
    # The notice is keyed by the week: the same week is not told twice.
    assert len(reminders(alice)) == 1


@pytest.mark.parametrize(
    ("zone", "moment", "expected"),
    [
        # 23:30 UTC on Thursday is Friday 08:30 in Tokyo: before the morning.
        ("Asia/Tokyo", datetime(2026, 12, 10, 23, 30, tzinfo=UTC), None),
        # 01:00 UTC on Friday is Friday 10:00 in Tokyo.
        ("Asia/Tokyo", datetime(2026, 12, 11, 1, 0, tzinfo=UTC), date(2026, 12, 7)),
        # 16:00 UTC on Friday is still Friday 08:00 in Los Angeles.
        ("America/Los_Angeles", datetime(2026, 12, 11, 16, 0, tzinfo=UTC), None),
        ("America/Los_Angeles", datetime(2026, 12, 11, 18, 0, tzinfo=UTC), date(2026, 12, 7)),
        # 02:00 UTC on Saturday is Friday evening in New York.
        ("America/New_York", datetime(2026, 12, 12, 2, 0, tzinfo=UTC), date(2026, 12, 7)),
    ],
)
def test_the_weekday_and_the_morning_are_the_users_own(
    zone: str, moment: datetime, expected: date | None
) -> None:
    week = reminder.week_to_remind(
        now=moment, zone=ZoneInfo(zone), weekday=FRIDAY, week_starts_on=0
    )

    assert week == expected


def test_the_notice_says_what_is_left_or_that_the_target_is_met() -> None:
    monday = date(2026, 12, 7)
    short = reminder.weekly_notice(count=2, target=3, week_start=monday)
    met = reminder.weekly_notice(count=4, target=3, week_start=monday)

    assert short.title == "2 of 3 activities logged this week"
    assert "1 more to reach your weekly target" in short.body
    assert met.title == "4 of 3 activities logged this week"
    assert "target is met" in met.body
