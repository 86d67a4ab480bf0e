"""The log built from plain facts: what each fact says on the form, on which of the
user's days it happened, and how the weeks count, in any time zone."""

import zoneinfo
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.applications.models import InterviewKind, Source, Stage
from tracker.worksearch import layouts
from tracker.worksearch import log as worklog
from tracker.worksearch.models import Activity, LogSettings
from tracker.worksearch.vocabulary import ActivityKind, EntryKind, Layout, Method, Result

ACME = worklog.Employer(name="Acme", address="1 Main St, Springfield", phone="555-0100")


def application(
    *, id: int = 1, day: date = date(2026, 12, 1), stage: str = "applied", source: str = "job_board"
) -> worklog.ApplicationFacts:
    return worklog.ApplicationFacts(
        id=id,
        applied_on=day,
        employer=ACME,
        position="Backend Engineer",
        source=source,
        stage=stage,
        contact="Dana Smith",
    )


def build(**facts: object) -> worklog.Log:
    options: dict[str, object] = {
        "start": date(2026, 11, 30),
        "end": date(2026, 12, 13),
        "zone": UTC,
        "target": 3,
        "week_starts_on": 0,
    }
    options.update(facts)
    return worklog.build_log(**options)  # type: ignore[arg-type]


# --- The vocabularies the log reads are the models' own ---------------------------------


def test_every_source_stage_and_interview_kind_has_its_row() -> None:
    assert set(worklog.SOURCE_METHOD) == set(Source.values)
    assert set(worklog.STAGE_RESULT) == set(Stage.values)
    assert set(worklog.STAGE_RESULT_AFTER_INTERVIEW) == set(Stage.values)
    assert set(worklog.INTERVIEW_METHOD) == set(InterviewKind.values)
    assert set(worklog.ACTIVITY_METHOD) == set(ActivityKind)


def test_the_models_choices_are_the_vocabulary() -> None:
    kinds = Activity._meta.get_field("kind").choices or []
    layouts_ = LogSettings._meta.get_field("layout").choices or []
    assert [value for value, _ in kinds] == list(ActivityKind)
    assert [value for value, _ in layouts_] == list(Layout)


@pytest.mark.parametrize("layout", list(Layout))
def test_each_layout_has_words_for_every_kind_method_and_result(layout: Layout) -> None:
    words = layouts.WORDS[layout]
    assert set(words.kinds) == set(EntryKind) | set(ActivityKind)
    assert set(words.methods) == set(Method)
    assert set(words.results) == set(Result)


# --- What each fact says ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "method"),
    [
        ("job_board", Method.JOB_BOARD),
        ("company_site", Method.ONLINE_FORM),
        ("referral", Method.EMAIL),
        ("recruiter_outreach", Method.AGENCY),
        ("networking", Method.IN_PERSON),
        ("other", Method.OTHER),
    ],
)
def test_an_application_went_out_the_way_it_was_found(source: str, method: Method) -> None:
    (entry,) = build(applications=[application(source=source)]).entries

    assert entry.kind == EntryKind.APPLICATION
    assert entry.method == method


@pytest.mark.parametrize(
    ("stage", "result"),
    [
        ("applied", Result.PENDING),
        ("screening", Result.INTERVIEW),
        ("interviewing", Result.INTERVIEW),
        ("offer", Result.OFFER),
        ("accepted", Result.OFFER),
        ("rejected", Result.REJECTED),
        ("ghosted", Result.NO_ANSWER),
        ("withdrawn", Result.WITHDRAWN),
    ],
)
def test_an_applications_result_is_where_it_stands_today(stage: str, result: Result) -> None:
    (entry,) = build(applications=[application(stage=stage)]).entries

    assert entry.result == result
    assert (entry.employer, entry.position, entry.contact) == (
        ACME,
        "Backend Engineer",
        "Dana Smith",
    )


def test_an_interview_names_its_interviewers_and_what_came_after() -> None:
    app = application(stage="rejected")
    first = worklog.InterviewFacts(
        at=datetime(2026, 12, 2, 15, tzinfo=UTC), kind="phone_screen", application=app
    )
    second = worklog.InterviewFacts(
        at=datetime(2026, 12, 9, 10, tzinfo=UTC),
        kind="onsite",
        application=app,
        interviewers=("Eve Park", "Sam Lee"),
    )

    entries = build(interviews=[second, first]).entries

    assert [(e.date, e.method, e.contact, e.result) for e in entries] == [
        (date(2026, 12, 2), Method.PHONE, "Dana Smith", Result.INTERVIEW),
        (date(2026, 12, 9), Method.IN_PERSON, "Eve Park, Sam Lee", Result.REJECTED),
    ]


def test_a_follow_up_sent_is_an_email_to_its_recipient() -> None:
    sent = worklog.FollowUpFacts(
        sent_at=datetime(2026, 12, 3, 9, tzinfo=UTC), application=application(), recipient="Eve"
    )

    (entry,) = build(followups=[sent]).entries

    assert (entry.kind, entry.method, entry.contact) == (EntryKind.FOLLOW_UP, Method.EMAIL, "Eve")


def test_an_activity_keeps_its_description_and_time_and_expects_no_answer() -> None:
    meetup = worklog.ActivityFacts(
        id=1,
        date=date(2026, 12, 4),
        kind=ActivityKind.NETWORKING,
        description="Python meetup",
        contact="Kim",
        duration_minutes=90,
    )

    (entry,) = build(activities=[meetup]).entries

    assert entry.kind == ActivityKind.NETWORKING
    assert (entry.employer, entry.description, entry.duration_minutes) == (
        None,
        "Python meetup",
        90,
    )
    assert (entry.method, entry.result) == (Method.IN_PERSON, Result.NONE)


def test_facts_outside_the_period_are_left_out_and_the_rest_sorted_by_day() -> None:
    apps = [application(id=i, day=date(2026, 11, 25) + timedelta(days=4 * i)) for i in range(6)]

    built = build(applications=reversed(apps))

    assert [e.date for e in built.entries] == [
        date(2026, 11, 29) + timedelta(days=4 * i) for i in range(1, 4)
    ]


# --- The period ----------------------------------------------------------------------------


def test_a_period_runs_forwards_and_for_at_most_two_years() -> None:
    start = date(2025, 1, 1)
    assert worklog.range_problems(start, start) == {}
    assert worklog.range_problems(start, date(2026, 12, 31)) == {}
    assert worklog.range_problems(start, date(2027, 1, 2)) == {"to": worklog.RANGE_TOO_LONG}
    assert worklog.range_problems(start, date(2024, 12, 31)) == {"to": worklog.RANGE_BACKWARDS}


def test_weeks_cover_the_period_and_count_against_the_target() -> None:
    apps = [application(id=i, day=date(2026, 11, 30) + timedelta(days=i)) for i in range(4)]

    built = build(applications=apps, start=date(2026, 12, 1), end=date(2026, 12, 13))

    assert [(w.start, w.count, w.met, w.partial) for w in built.weeks] == [
        (date(2026, 11, 30), 3, True, True),
        (date(2026, 12, 7), 0, False, False),
    ]


def test_a_us_week_starts_on_sunday() -> None:
    assert worklog.week_start(date(2026, 12, 5), 6) == date(2026, 11, 29)  # a Saturday
    assert worklog.week_start(date(2026, 12, 6), 6) == date(2026, 12, 6)  # a Sunday
    assert worklog.week_start(date(2026, 12, 6), 0) == date(2026, 11, 30)


ZONES = sorted(zoneinfo.available_timezones() - {"Factory", "localtime"})
moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
)


@given(
    zone_name=st.sampled_from(ZONES),
    interview_times=st.lists(moments, max_size=20),
    sent_times=st.lists(moments, max_size=20),
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    days=st.integers(min_value=0, max_value=120),
    week_starts_on=st.sampled_from([0, 6]),
)
def test_every_moment_is_counted_once_in_the_week_of_its_local_day(
    zone_name: str,
    interview_times: list[datetime],
    sent_times: list[datetime],
    start: date,
    days: int,
    week_starts_on: int,
) -> None:
    zone = zoneinfo.ZoneInfo(zone_name)
    end = start + timedelta(days=days)
    app = application()
    built = build(
        zone=zone,
        start=start,
        end=end,
        week_starts_on=week_starts_on,
        interviews=[
            worklog.InterviewFacts(at=t, kind="technical", application=app) for t in interview_times
        ],
        followups=[worklog.FollowUpFacts(sent_at=t, application=app) for t in sent_times],
    )

    local_days = sorted(t.astimezone(zone).date() for t in interview_times + sent_times)
    assert [e.date for e in built.entries] == [d for d in local_days if start <= d <= end]
    assert sum(w.count for w in built.weeks) == len(built.entries)
    assert built.weeks[0].start <= start < built.weeks[0].start + timedelta(days=7)
    assert built.weeks[-1].start <= end < built.weeks[-1].start + timedelta(days=7)
    for week in built.weeks:
        assert week.start.weekday() == week_starts_on
        in_week = [e for e in built.entries if week.start <= e.date < week.start + timedelta(7)]
        assert week.count == len(in_week)


@pytest.mark.parametrize(
    ("zone", "day"),
    [
        # 23:30 UTC on Sunday 6 December: still Sunday in London, Monday in Berlin and
        # Tokyo, still Sunday afternoon in Los Angeles.
        ("Europe/London", date(2026, 12, 6)),
        ("Europe/Berlin", date(2026, 12, 7)),
        ("Asia/Tokyo", date(2026, 12, 7)),
        ("America/Los_Angeles", date(2026, 12, 6)),
    ],
)
def test_an_interview_late_on_sunday_falls_in_the_week_of_where_the_user_lives(
    zone: str, day: date
) -> None:
    moment = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)
    interview = worklog.InterviewFacts(at=moment, kind="final", application=application())

    built = build(zone=zoneinfo.ZoneInfo(zone), interviews=[interview])

    assert [e.date for e in built.entries] == [day]
    week = worklog.week_start(day, 0)
    assert {w.start: w.count for w in built.weeks}[week] == 1


@pytest.mark.parametrize("module", ["log", "layouts", "reminder", "vocabulary"])
def test_the_decisions_are_pure(module: str) -> None:
    """No ORM, no Django, no I/O: they are handed the facts and the time."""
    import ast
    from pathlib import Path

    import tracker.worksearch

    path = Path(tracker.worksearch.__file__).parent / f"{module}.py"
    imported = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    allowed_project = {f"tracker.worksearch.{m}" for m in ("log", "vocabulary")}
    allowed_project.add("tracker.followups.rules")
    assert {m for m in imported if m.startswith("tracker.")} <= allowed_project
    # Translating is no I/O: the words come from the active language's catalogue.
    imported.discard("django.utils.translation")
    assert not {m for m in imported if m.split(".")[0] in {"django", "requests", "socket"}}
