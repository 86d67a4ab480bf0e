"""The log as an agency's form: the general (US-style) record, the UK's journal and the
German "Nachweis der Eigenbemühungen", each with its own words, columns and dates.

Pure: it turns a built `Log` into a `Sheet` of finished text (headings, cells, week
lines, the declaration), which the printable page, the PDF and the CSV all render, so
the three say the same thing. Dates are written by Babel in the layout's locale.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from babel.dates import format_date

from tracker.worksearch.log import Entry, Log, Week
from tracker.worksearch.vocabulary import ActivityKind, EntryKind, Layout, Method, Result

_DASH = "—"


@dataclass(frozen=True)
class Words:
    """Everything one layout says, in its language."""

    locale: str
    # The weekday weeks start on (Monday is 0): benefit weeks in most US states run
    # Sunday to Saturday; the UK's and Germany's Monday to Sunday.
    week_starts_on: int
    # CSS page size: the forms are wide, so landscape.
    page_size: str
    title: str
    subtitle: str
    name: str
    reference: str
    period: str
    target: str
    headings: tuple[str, ...]
    kinds: dict[str, str]
    methods: dict[Method, str]
    results: dict[Result, str]
    week_line: Callable[[str, Week], str]
    total_line: Callable[[Log], str]
    declaration: str
    signature: tuple[str, ...]
    empty: str
    duration: Callable[[int], str]


def _hours(minutes: int, hour: str, minute: str) -> str:
    whole, rest = divmod(minutes, 60)
    if whole and rest:
        return f"{whole} {hour} {rest} {minute}"
    return f"{whole} {hour}" if whole else f"{rest} {minute}"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _general_week(day: str, week: Week) -> str:
    mark = "target met" if week.met else f"{week.target - week.count} short of the target"
    partial = " (part of the week)" if week.partial else ""
    count = _plural(week.count, "work search contact", "work search contacts")
    return f"Week beginning {day}{partial}: {count}, {mark}"


def _uk_week(day: str, week: Week) -> str:
    partial = " (part of the week)" if week.partial else ""
    count = _plural(week.count, "activity", "activities")
    time = f", {_hours(week.minutes, 'h', 'min')} recorded" if week.minutes else ""
    return f"Week beginning {day}{partial}: {count}{time} (target {week.target})"


def _de_week(day: str, week: Week) -> str:
    partial = " (Teilwoche)" if week.partial else ""
    count = f"{week.count} {'Eigenbemühung' if week.count == 1 else 'Eigenbemühungen'}"
    mark = "erfüllt" if week.met else "nicht erfüllt"
    return f"Woche ab {day}{partial}: {count}, vereinbart {week.target}, {mark}"


GENERAL = Words(
    locale="en_US",
    week_starts_on=6,
    page_size="letter landscape",
    title="Work Search Record",
    subtitle="Record of work search contacts and activities",
    name="Claimant",
    reference="Claim number",
    period="Period",
    target="Required contacts per week",
    headings=(
        "Date",
        "Activity",
        "Employer",
        "Address, phone, website",
        "Position or details",
        "Method of contact",
        "Person contacted",
        "Result",
    ),
    kinds={
        EntryKind.APPLICATION: "Application",
        EntryKind.INTERVIEW: "Interview",
        EntryKind.FOLLOW_UP: "Follow-up",
        ActivityKind.NETWORKING: "Networking",
        ActivityKind.JOB_FAIR: "Job fair",
        ActivityKind.TRAINING: "Training or workshop",
        ActivityKind.RECRUITER_CALL: "Call with a recruiter",
        ActivityKind.INFORMATIONAL_INTERVIEW: "Informational interview",
        ActivityKind.OTHER: "Other work search activity",
    },
    methods={
        Method.ONLINE_FORM: "Online application",
        Method.EMAIL: "Email",
        Method.IN_PERSON: "In person",
        Method.PHONE: "Phone",
        Method.AGENCY: "Through an agency",
        Method.JOB_BOARD: "Job board",
        Method.OTHER: "Other",
    },
    results={
        Result.PENDING: "Pending",
        Result.INTERVIEW: "Interview",
        Result.REJECTED: "Not hired",
        Result.OFFER: "Offer",
        Result.NO_ANSWER: "No response",
        Result.WITHDRAWN: "Withdrawn",
        Result.NONE: _DASH,
    },
    week_line=_general_week,
    total_line=lambda log: f"Total: {_plural(log.count, 'entry', 'entries')}.",
    declaration=(
        "I certify that the work search activities listed above are true and complete "
        "to the best of my knowledge."
    ),
    signature=("Signature", "Date"),
    empty="No work search activity recorded in this period.",
    duration=lambda minutes: _hours(minutes, "h", "min"),
)

UK = Words(
    locale="en_GB",
    week_starts_on=0,
    page_size="A4 landscape",
    title="Work search journal",
    subtitle="What I have done to look for work, for my work coach",
    name="Name",
    reference="National Insurance or claim number",
    period="Period",
    target="Weekly target",
    headings=(
        "Date",
        "What I did",
        "Employer",
        "Address, phone, website",
        "Job or details",
        "How",
        "Who I spoke to",
        "Time spent",
        "Outcome",
    ),
    kinds={
        EntryKind.APPLICATION: "Applied for a job",
        EntryKind.INTERVIEW: "Interview",
        EntryKind.FOLLOW_UP: "Followed up an application",
        ActivityKind.NETWORKING: "Networking",
        ActivityKind.JOB_FAIR: "Jobs fair",
        ActivityKind.TRAINING: "Training or course",
        ActivityKind.RECRUITER_CALL: "Call with a recruiter",
        ActivityKind.INFORMATIONAL_INTERVIEW: "Informational interview",
        ActivityKind.OTHER: "Other work search activity",
    },
    methods={
        Method.ONLINE_FORM: "Online application",
        Method.EMAIL: "Email",
        Method.IN_PERSON: "In person",
        Method.PHONE: "Phone",
        Method.AGENCY: "Through an agency",
        Method.JOB_BOARD: "Job website",
        Method.OTHER: "Other",
    },
    results={
        Result.PENDING: "Waiting to hear",
        Result.INTERVIEW: "Invited to interview",
        Result.REJECTED: "Unsuccessful",
        Result.OFFER: "Job offer",
        Result.NO_ANSWER: "No reply",
        Result.WITHDRAWN: "Withdrew",
        Result.NONE: _DASH,
    },
    week_line=_uk_week,
    total_line=lambda log: f"Total: {_plural(log.count, 'activity', 'activities')}.",
    declaration="I confirm that this is a true record of what I have done to look for work.",
    signature=("Signed", "Date"),
    empty="No work search activity recorded in this period.",
    duration=lambda minutes: _hours(minutes, "h", "min"),
)

DE = Words(
    locale="de_DE",
    week_starts_on=0,
    page_size="A4 landscape",
    title="Nachweis der Eigenbemühungen",
    subtitle="Meine Bewerbungen und weiteren Bemühungen um eine Beschäftigung",
    name="Name",
    reference="Kundennummer",
    period="Zeitraum",
    target="Vereinbarte Eigenbemühungen pro Woche",
    headings=(
        "Datum",
        "Art der Bemühung",
        "Arbeitgeber",
        "Anschrift, Telefon, Website",
        "Stelle bzw. Beschreibung",
        "Form der Bewerbung",
        "Ansprechperson",
        "Ergebnis",
    ),
    kinds={
        EntryKind.APPLICATION: "Bewerbung",
        EntryKind.INTERVIEW: "Vorstellungsgespräch",
        EntryKind.FOLLOW_UP: "Nachfassen beim Arbeitgeber",
        ActivityKind.NETWORKING: "Netzwerkveranstaltung",
        ActivityKind.JOB_FAIR: "Jobmesse",
        ActivityKind.TRAINING: "Weiterbildung",
        ActivityKind.RECRUITER_CALL: "Gespräch mit Personalvermittlung",
        ActivityKind.INFORMATIONAL_INTERVIEW: "Informationsgespräch",
        ActivityKind.OTHER: "Sonstige Eigenbemühung",
    },
    methods={
        Method.ONLINE_FORM: "Online-Bewerbung",
        Method.EMAIL: "per E-Mail",
        Method.IN_PERSON: "persönlich",
        Method.PHONE: "telefonisch",
        Method.AGENCY: "über Personalvermittlung",
        Method.JOB_BOARD: "über Jobbörse",
        Method.OTHER: "sonstige",
    },
    results={
        Result.PENDING: "offen",
        Result.INTERVIEW: "Einladung zum Gespräch",
        Result.REJECTED: "Absage",
        Result.OFFER: "Zusage",
        Result.NO_ANSWER: "keine Rückmeldung",
        Result.WITHDRAWN: "Bewerbung zurückgezogen",
        Result.NONE: _DASH,
    },
    week_line=_de_week,
    total_line=lambda log: (
        f"Insgesamt {log.count} " + ("Eigenbemühung." if log.count == 1 else "Eigenbemühungen.")
    ),
    declaration=(
        "Ich versichere, dass ich die aufgeführten Eigenbemühungen selbst unternommen habe "
        "und dass die Angaben richtig und vollständig sind."
    ),
    signature=("Ort, Datum", "Unterschrift"),
    empty="In diesem Zeitraum sind keine Eigenbemühungen erfasst.",
    duration=lambda minutes: _hours(minutes, "Std.", "Min."),
)

WORDS: dict[Layout, Words] = {Layout.GENERAL: GENERAL, Layout.UK: UK, Layout.DE: DE}


@dataclass(frozen=True)
class SheetWeek:
    line: str
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Sheet:
    layout: Layout
    start: date
    end: date
    words: Words
    title: str
    subtitle: str
    # (label, value) pairs printed at the top: name, number, period, target.
    facts: tuple[tuple[str, str], ...]
    # The name and period, repeated at the head of every page.
    running_head: str
    headings: tuple[str, ...]
    weeks: tuple[SheetWeek, ...]
    total: str
    # Each entry as (ISO date, cells after the date): what the CSV writes.
    records: tuple[tuple[str, tuple[str, ...]], ...]


def day_text(day: date, layout: Layout) -> str:
    return format_date(day, format="medium", locale=WORDS[layout].locale)


def period_text(start: date, end: date, layout: Layout) -> str:
    joiner = " bis " if layout == Layout.DE else " to "
    return day_text(start, layout) + joiner + day_text(end, layout)


def sheet(log: Log, *, layout: Layout, name: str, reference: str = "") -> Sheet:
    """The log in `layout`'s words. `log` should be built with the layout's week start."""
    words = WORDS[layout]
    period = period_text(log.start, log.end, layout)
    facts = [(words.name, name)]
    if reference:
        facts.append((words.reference, reference))
    facts += [(words.period, period), (words.target, str(log.target))]
    by_week: dict[date, list[tuple[str, ...]]] = {week.start: [] for week in log.weeks}
    records = []
    for entry in log.entries:
        cells = _cells(entry, words, layout)
        by_week.setdefault(_week_of(entry.date, log), []).append(
            (day_text(entry.date, layout), *cells)
        )
        records.append((entry.date.isoformat(), cells))
    weeks = tuple(
        SheetWeek(line=words.week_line(day_text(week.start, layout), week), rows=tuple(rows))
        for week in log.weeks
        for rows in [by_week[week.start]]
    )
    return Sheet(
        layout=layout,
        start=log.start,
        end=log.end,
        words=words,
        title=words.title,
        subtitle=words.subtitle,
        facts=tuple(facts),
        running_head=f"{words.title} · {name} · {period}",
        headings=words.headings,
        weeks=weeks,
        total=words.total_line(log),
        records=tuple(records),
    )


def _week_of(day: date, log: Log) -> date:
    return day - timedelta(days=(day.weekday() - log.week_starts_on) % 7)


def _cells(entry: Entry, words: Words, layout: Layout) -> tuple[str, ...]:
    employer = entry.employer
    reach = (
        "\n".join(part for part in (employer.address, employer.phone, employer.website) if part)
        if employer
        else ""
    )
    details = entry.position or entry.description
    cells = [
        words.kinds.get(entry.kind, entry.kind),
        employer.name if employer else _DASH,
        reach or _DASH,
        details or _DASH,
        words.methods[entry.method],
        entry.contact or _DASH,
    ]
    if layout == Layout.UK:
        cells.append(words.duration(entry.duration_minutes) if entry.duration_minutes else _DASH)
    cells.append(words.results[entry.result])
    return tuple(cells)
