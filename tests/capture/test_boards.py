"""Shared job-board and applicant-tracking hosts: each board's addresses name the employer
where the board puts it, or not at all; any other host is the employer's own."""

import pytest

from tracker.capture.boards import BOARDS, board_for, employer_of, registrable_domain


@pytest.mark.parametrize(
    ("url", "board", "handle", "name"),
    [
        ("https://jobs.lever.co/acme-robotics/5f1c", "Lever", "acme-robotics", "Acme Robotics"),
        ("https://jobs.eu.lever.co/globex/9a8b7c/apply", "Lever", "globex", "Globex"),
        ("https://boards.greenhouse.io/hooli/jobs/4021", "Greenhouse", "hooli", "Hooli"),
        ("https://job-boards.greenhouse.io/initech/jobs/77", "Greenhouse", "initech", "Initech"),
        (
            "https://job-boards.eu.greenhouse.io/soylent/jobs/12",
            "Greenhouse",
            "soylent",
            "Soylent",
        ),
        (
            "https://boards.greenhouse.io/embed/job_app?for=umbrella&token=5",
            "Greenhouse",
            "umbrella",
            "Umbrella",
        ),
        (
            "https://hooli.wd5.myworkdayjobs.com/en-US/External/job/Palo-Alto/SRE_R123",
            "Workday",
            "hooli",
            "Hooli",
        ),
        (
            "https://wd1.myworkdaysite.com/en-US/recruiting/globex/Careers/job/Berlin/R9",
            "Workday",
            "globex",
            "Globex",
        ),
        (
            "https://jobs.smartrecruiters.com/PiedPiper/744000012345-platform-engineer",
            "SmartRecruiters",
            "PiedPiper",
            "PiedPiper",
        ),
        (
            "https://careers.smartrecruiters.com/MassiveDynamic",
            "SmartRecruiters",
            "MassiveDynamic",
            "MassiveDynamic",
        ),
        ("https://jobs.jobvite.com/initrode/job/oAbC1", "Jobvite", "initrode", "Initrode"),
        ("https://jobs.ashbyhq.com/vandelay/3f2a-11ee", "Ashby", "vandelay", "Vandelay"),
        ("https://ats.rippling.com/hooli/jobs/4b1e", "Rippling", "hooli", "Hooli"),
        (
            "https://ats.rippling.com/en-GB/pied-piper/jobs/4b1e",
            "Rippling",
            "pied-piper",
            "Pied Piper",
        ),
        ("https://muller-sohne.jobs.personio.de/job/1234", "Personio", "muller-sohne", ""),
        ("https://stark.jobs.personio.com/job/99?language=en", "Personio", "stark", "Stark"),
        ("https://wayne.recruitee.com/o/data-engineer", "Recruitee", "wayne", "Wayne"),
        ("https://tyrell.teamtailor.com/jobs/123-replicant", "Teamtailor", "tyrell", "Tyrell"),
        ("https://www.linkedin.com/jobs/view/3901234567/", "LinkedIn", "", ""),
        ("https://de.linkedin.com/jobs/view/data-engineer-at-acme-3901", "LinkedIn", "", ""),
        ("https://www.indeed.com/viewjob?jk=abc123", "Indeed", "", ""),
        ("https://uk.indeed.com/viewjob?jk=abc123", "Indeed", "", ""),
        ("https://de.indeed.com/jobs?q=python&vjk=abc", "Indeed", "", ""),
    ],
)
def test_each_board_names_the_employer_where_it_puts_it(
    url: str, board: str, handle: str, name: str
) -> None:
    employer = employer_of(url)
    assert employer.board is not None
    assert employer.board.name == board
    assert employer.handle == handle
    assert employer.domain == ""  # never the board's host
    if name:
        assert employer.name == name


def test_the_bare_board_names_no_employer() -> None:
    for url in (
        "https://jobs.lever.co/",
        "https://boards.greenhouse.io/embed/job_app",
        "https://wd1.myworkdaysite.com/",
        "https://myworkdayjobs.com/",
        "https://recruitee.com/",
    ):
        employer = employer_of(url)
        assert employer.board is not None, url
        assert (employer.handle, employer.domain) == ("", ""), url


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://careers.hooli.com/jobs/12", "hooli.com"),
        ("https://www.hooli.com/careers", "hooli.com"),
        ("https://jobs.acme.co.uk/role/3", "acme.co.uk"),
        ("http://127.0.0.2:8000/page.html", "127.0.0.2"),
    ],
)
def test_any_other_host_is_the_employers_own(url: str, domain: str) -> None:
    employer = employer_of(url)
    assert employer.board is None
    assert (employer.handle, employer.domain) == ("", domain)


def test_nothing_is_read_from_no_address() -> None:
    for url in ("", "not a url", "https://[broken/"):
        employer = employer_of(url)
        assert (employer.board, employer.handle, employer.domain) == (None, "", "")


def test_every_board_is_found_by_each_of_its_hosts() -> None:
    for board in BOARDS:
        for host in board.hosts:
            found = board_for(host)
            assert found is not None
            assert found[0] is board, host


def test_a_lookalike_host_is_not_the_board() -> None:
    assert board_for("notlinkedin.com") is None
    assert board_for("lever.co.evil.example") is None
    assert registrable_domain("jobs.lever.co.evil.example") == "evil.example"
