"""The database writes a moment's text exactly as Python would, in every time zone."""

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, available_timezones

import pytest
from django.utils import timezone

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications.models import StageChange
from tracker.exports.cells import Neutralised, _periods, local_day, local_moment
from tracker.exports.formats import iso_datetime, local_date, neutralise

# Zones whose offsets are odd: half and quarter hours, seconds, a skipped day, a zone that
# moves its clock back for Ramadan, one west of UTC across the date line.
ODD_ZONES = (
    "UTC", "Europe/Berlin", "America/New_York", "America/St_Johns", "Asia/Kathmandu",
    "Australia/Lord_Howe", "Pacific/Chatham", "Pacific/Apia", "Africa/Monrovia",
    "Africa/Casablanca", "America/Sao_Paulo", "Pacific/Kiritimati", "Asia/Kolkata",
)  # fmt: skip


def _moments(zone: ZoneInfo, rng: random.Random) -> list[datetime]:
    """Random moments since 1970, and each side of every change of offset."""
    start = datetime(1970, 1, 1, tzinfo=UTC).timestamp()
    end = timezone.now().timestamp()
    moments = [
        datetime.fromtimestamp(rng.uniform(start, end), tz=UTC).replace(
            microsecond=rng.choice((0, rng.randrange(1_000_000)))
        )
        for _ in range(300)
    ]
    for change, _ in _periods(zone, timezone.now().year + 2)[1:]:
        if change < timezone.now():
            moments += [change, change - timedelta(microseconds=1), change + timedelta(seconds=1)]
    return moments


@pytest.mark.parametrize(
    "name", [*ODD_ZONES, *random.Random(7).sample(sorted(available_timezones()), 12)]
)
def test_it_writes_moments_as_python_does(alice: User, name: str) -> None:
    zone = ZoneInfo(name)
    application = application_for(alice)
    moments = _moments(zone, random.Random(name))
    StageChange.objects.bulk_create(
        StageChange(
            application=application,
            owner=alice,
            from_stage="applied",
            to_stage="screening",
            at=at,
        )
        for at in moments
    )
    rows = (
        StageChange.objects.filter(application=application, from_stage="applied")
        .annotate(text=local_moment("at", zone), day=local_day("at", zone))
        .values_list("at", "text", "day")
    )
    wrong = [
        (at, text, day)
        for at, text, day in rows
        if (text, day) != (iso_datetime(at, zone), local_date(at, zone))
    ]
    assert not wrong
    assert len(rows) == len(moments)


@pytest.mark.parametrize(
    "role", ["=SUM(A1)", "+1", "-2", "@x", "\tx", "\rx", "'quoted", "plain", "", "a=b"]
)
def test_it_neutralises_formulas_as_python_does(alice: User, role: str) -> None:
    application = application_for(alice)
    # Notes, stored as they are: single-line fields fold tabs and line breaks on the way in.
    type(application).objects.filter(pk=application.pk).update(notes=role)
    text = (
        type(application)
        .objects.filter(pk=application.pk)
        .annotate(cell=Neutralised("notes"))
        .values_list("cell", flat=True)
        .get()
    )
    assert text == neutralise(role)
