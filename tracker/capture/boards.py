"""Job boards and applicant-tracking systems: hosts that many employers share. Pure: an
address in, who the employer is out; no I/O, no ORM.

On a shared host the host names the board, not the employer: a Globex job and an Acme job
on jobs.eu.lever.co have nothing in common but Lever. Each board below says where its
addresses name the employer (a path segment, a subdomain) or that only the posting does
(LinkedIn, Indeed); and what its pages' titles look like, for pages without structured
data. Anywhere else the host is the employer's own, and its registrable domain
(careers.hooli.com -> hooli.com) is the employer's.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import SplitResult, parse_qs, urlsplit

from publicsuffixlist import PublicSuffixList

# A path segment that is a language ("en", "en-US"), not an employer: Workday and
# Rippling put one first on some addresses.
LOCALE = re.compile(r"[a-z]{2}(?:[-_][a-z]{2,4})?", re.I)

EmployerReader = Callable[[SplitResult, str], str]


def _segment(index: int, *, skip_locale: bool = False) -> EmployerReader:
    """The employer is the path's segment at `index` (boards.example/hooli/jobs/1)."""

    def read(parts: SplitResult, board_host: str) -> str:
        segments = [s for s in parts.path.split("/") if s]
        if skip_locale and segments and LOCALE.fullmatch(segments[0]):
            segments = segments[1:]
        return segments[index] if len(segments) > index else ""

    return read


def _after(marker: str) -> EmployerReader:
    """The employer is the segment after `marker` (/en-US/recruiting/hooli/External/...)."""

    def read(parts: SplitResult, board_host: str) -> str:
        segments = [s for s in parts.path.split("/") if s]
        if marker in segments:
            at = segments.index(marker) + 1
            return segments[at] if at < len(segments) else ""
        return ""

    return read


def _subdomain(parts: SplitResult, board_host: str) -> str:
    """The employer is the host's first label (hooli.recruitee.com, hooli.wd5.myworkdayjobs.com)."""
    host = (parts.hostname or "").lower()
    if host == board_host:
        return ""
    label = host.removesuffix("." + board_host).split(".")[0]
    return "" if label in ("www", "jobs", "careers", "apply") else label


def _greenhouse(parts: SplitResult, board_host: str) -> str:
    """boards.greenhouse.io/hooli/jobs/1, or its embedded form (/embed/job_app?for=hooli)."""
    wanted = parse_qs(parts.query).get("for")
    if wanted:
        return wanted[0]
    segment = _segment(0)(parts, board_host)
    return "" if segment == "embed" else segment


def _posting_only(parts: SplitResult, board_host: str) -> str:
    return ""


@dataclass(frozen=True)
class Board:
    name: str
    # The hosts, each with its subdomains (de.linkedin.com is LinkedIn).
    hosts: tuple[str, ...]
    # Where the address names the employer, in words (for the reader of this table).
    employer_in: str
    employer: EmployerReader
    # How the board's <title>s read once its own name is cut off the end, best first;
    # named groups role, company and location.
    titles: tuple[re.Pattern[str], ...] = ()
    # The endings of its titles that name the board ("| LinkedIn", "- Indeed.com").
    suffixes: tuple[str, ...] = field(default=())


def _titles(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in patterns)


BOARDS = (
    Board(
        "Lever",
        ("jobs.lever.co", "jobs.eu.lever.co"),
        "the first path segment: jobs.lever.co/hooli/<id>",
        _segment(0),
        # "Hooli - Platform Engineer": the company first.
        _titles(r"(?P<company>[^-]+?) - (?P<role>.+)"),
        ("Lever",),
    ),
    Board(
        "Greenhouse",
        (
            "boards.greenhouse.io",
            "job-boards.greenhouse.io",
            "boards.eu.greenhouse.io",
            "job-boards.eu.greenhouse.io",
        ),
        "the first path segment, or ?for= on an embedded form",
        _greenhouse,
        _titles(r"(?:Job Application for )?(?P<role>.+) at (?P<company>.+)"),
        ("Greenhouse",),
    ),
    Board(
        "Workday",
        ("myworkdayjobs.com",),
        "the subdomain: hooli.wd5.myworkdayjobs.com",
        _subdomain,
        suffixes=("Workday", "Careers"),
    ),
    Board(
        "Workday",
        ("myworkdaysite.com",),
        "the segment after /recruiting/: wd1.myworkdaysite.com/en-US/recruiting/hooli/...",
        _after("recruiting"),
        suffixes=("Workday", "Careers"),
    ),
    Board(
        "SmartRecruiters",
        ("jobs.smartrecruiters.com", "careers.smartrecruiters.com"),
        "the first path segment: jobs.smartrecruiters.com/Hooli/<id>",
        _segment(0),
        suffixes=("SmartRecruiters",),
    ),
    Board(
        "Jobvite",
        ("jobs.jobvite.com",),
        "the first path segment: jobs.jobvite.com/hooli/job/<id>",
        _segment(0),
        suffixes=("Jobvite",),
    ),
    Board(
        "Ashby",
        ("jobs.ashbyhq.com",),
        "the first path segment: jobs.ashbyhq.com/hooli/<id>",
        _segment(0),
        _titles(r"(?P<role>.+) @ (?P<company>.+)"),
        ("Ashby",),
    ),
    Board(
        "Rippling",
        ("ats.rippling.com",),
        "the first path segment after a language: ats.rippling.com/en-GB/hooli/jobs/<id>",
        _segment(0, skip_locale=True),
        suffixes=("Rippling",),
    ),
    Board(
        "Personio",
        ("jobs.personio.de", "jobs.personio.com"),
        "the subdomain: hooli.jobs.personio.de",
        _subdomain,
        suffixes=("Personio",),
    ),
    Board(
        "Recruitee",
        ("recruitee.com",),
        "the subdomain: hooli.recruitee.com",
        _subdomain,
        suffixes=("Recruitee",),
    ),
    Board(
        "Teamtailor",
        ("teamtailor.com",),
        "the subdomain: hooli.teamtailor.com",
        _subdomain,
        suffixes=("Teamtailor",),
    ),
    Board(
        "Workable",
        ("apply.workable.com",),
        "the first path segment: apply.workable.com/hooli/j/<id>",
        _segment(0),
        suffixes=("Workable",),
    ),
    Board("BambooHR", ("bamboohr.com",), "the subdomain: hooli.bamboohr.com", _subdomain),
    Board("Breezy", ("breezy.hr",), "the subdomain: hooli.breezy.hr", _subdomain),
    Board(
        "LinkedIn",
        ("linkedin.com",),
        "only the posting: linkedin.com/jobs/view/<id>",
        _posting_only,
        suffixes=("LinkedIn",),
    ),
    Board(
        "Indeed",
        ("indeed.com", "indeed.co.uk", "indeed.de", "indeed.fr", "indeed.ca", "indeed.com.au"),
        "only the posting: indeed.com/viewjob?jk=<id>",
        _posting_only,
        # "Data Engineer - Acme GmbH - Berlin": role, company, location.
        _titles(r"(?P<role>.+?) - (?P<company>.+?) - (?P<location>.+)"),
        ("Indeed.com", "Indeed"),
    ),
    Board(
        "Glassdoor",
        ("glassdoor.com", "glassdoor.co.uk", "glassdoor.de"),
        "only the posting",
        _posting_only,
        suffixes=("Glassdoor",),
    ),
    Board("Wellfound", ("wellfound.com",), "only the posting", _posting_only),
    Board("StepStone", ("stepstone.de",), "only the posting", _posting_only),
    Board("XING", ("xing.com",), "only the posting", _posting_only),
    Board("Monster", ("monster.com",), "only the posting", _posting_only),
    Board("ZipRecruiter", ("ziprecruiter.com",), "only the posting", _posting_only),
    Board("Welcome to the Jungle", ("welcometothejungle.com",), "only the posting", _posting_only),
    Board("Stack Overflow", ("stackoverflow.com",), "only the posting", _posting_only),
)

# Whatever the board, titles of these shapes say who is hiring; most specific first.
GENERIC_TITLES = _titles(
    # LinkedIn, Glassdoor: "Acme hiring Data Engineer in Berlin, Germany". The small
    # "hiring" only: a "Senior Hiring Manager" is a role.
    r"(?P<company>.+?) (?-i:(?:is )?hiring) (?:a |an )?(?P<role>.+?)(?: Job)?"
    r" (?-i:in) (?P<location>.+)",
    r"(?P<company>.+?) (?-i:(?:is )?hiring) (?:a |an )?(?P<role>.+?)(?: Job)?",
    r"(?:Job Application for )?(?P<role>.+?) (?-i:at|@|bei|chez|presso) (?P<company>.+)",
)


@dataclass(frozen=True)
class Employer:
    """Who an address says the employer is."""

    board: Board | None
    # On a shared host, the employer's handle in the address ("globex-logistics"); "" if
    # the address does not name it (LinkedIn) or the host is the employer's own.
    handle: str
    # The employer's own registrable domain ("hooli.com"); "" on a shared host.
    domain: str

    @property
    def name(self) -> str:
        """The handle as a name to show ("globex-logistics" -> "Globex Logistics")."""
        words = re.split(r"[-_.+\s]+", self.handle)
        if any(w.isupper() or not w.islower() for w in words if w):
            return " ".join(w for w in words if w)  # As the board spells it: "Hooli".
        return " ".join(w.capitalize() for w in words if w)


def board_for(host: str) -> tuple[Board, str] | None:
    """The board on `host`, with the board's host it matched."""
    host = host.lower().rstrip(".").removeprefix("www.")
    for board in BOARDS:
        for board_host in board.hosts:
            if host == board_host or host.endswith("." + board_host):
                return board, board_host
    return None


@cache
def _suffixes() -> PublicSuffixList:
    return PublicSuffixList()


def registrable_domain(host: str) -> str:
    """hooli.com for careers.hooli.com; hooli.co.uk for jobs.hooli.co.uk."""
    host = host.lower().rstrip(".").removeprefix("www.")
    if not host or re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host):
        return host  # An address, not a name: itself.
    return _suffixes().privatesuffix(host) or host


def employer_of(url: str) -> Employer:
    """Who the address `url` says the employer is."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return Employer(None, "", "")
    if not host:
        return Employer(None, "", "")
    found = board_for(host)
    if found is None:
        return Employer(None, "", registrable_domain(host))
    board, board_host = found
    handle = board.employer(parts, board_host).strip()
    return Employer(board, handle, "")
