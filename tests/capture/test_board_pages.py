"""Pages without structured data, in the shapes of the big boards and tracking systems:
the title and the address give the company, the role and the location, each marked for
the user to check. Each page is a fixture written in its board's shape."""

import html
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.capture.posting import JSON_LD, MICRODATA, decode_html, posting_extract, split_title

PAGES = Path(__file__).parent / "pages"


@pytest.mark.parametrize(
    ("page", "url", "company", "role", "location"),
    [
        (
            "board_lever.html",
            "https://jobs.eu.lever.co/globex/0c1d2e3f",
            "Globex Logistics",
            "Warehouse Data Analyst",
            "",
        ),
        (
            "board_linkedin.html",
            "https://www.linkedin.com/jobs/view/3901234567/",
            "Acme Robotics",
            "Data Engineer",
            "Berlin, Germany",
        ),
        (
            "board_indeed.html",
            "https://de.indeed.com/viewjob?jk=8f7e6d",
            "Müller & Söhne GmbH",
            "Backend Developer",
            "Hamburg",
        ),
        (
            "board_greenhouse.html",
            "https://job-boards.greenhouse.io/hooli/jobs/4021",
            "Hooli",
            "Platform Engineer",
            "",
        ),
        (
            "board_workday.html",
            "https://wd1.myworkdaysite.com/en-US/recruiting/globex/Careers/job/Berlin/R9",
            "Globex",
            "Logistics Planner",
            "",
        ),
        (
            "board_smartrecruiters.html",
            "https://jobs.smartrecruiters.com/PiedPiper/744000012345-platform-engineer",
            "Pied Piper",
            "Platform Engineer",
            "",
        ),
        (
            "board_jobvite.html",
            "https://jobs.jobvite.com/initrode/job/oAbC1",
            "Initrode",
            "QA Engineer",
            "",
        ),
        (
            "board_ashby.html",
            "https://jobs.ashbyhq.com/vandelay/3f2a-11ee",
            "Vandelay Industries",
            "Product Designer",
            "",
        ),
        (
            "board_rippling.html",
            "https://ats.rippling.com/hooli/jobs/4b1e",
            "Hooli",
            "Staff Engineer",
            "",
        ),
        (
            "board_personio.html",
            "https://stark-industries.jobs.personio.de/job/1234",
            "Stark Industries",
            "Werkstudent Marketing (m/w/d)",
            "",
        ),
        (
            "board_recruitee.html",
            "https://wayne.recruitee.com/o/data-engineer",
            "Wayne Enterprises",
            "Data Engineer",
            "",
        ),
        (
            "board_teamtailor.html",
            "https://tyrell.teamtailor.com/jobs/123-replicant-designer",
            "Tyrell Corporation",
            "Replicant Designer",
            "",
        ),
        (
            "board_glassdoor.html",
            "https://www.glassdoor.com/job-listing/platform-engineer-hooli-JV_123.htm",
            "Hooli",
            "Platform Engineer",
            "Palo Alto, CA",
        ),
    ],
)
def test_each_board_shape_gives_company_role_and_location(
    page: str, url: str, company: str, role: str, location: str
) -> None:
    p = posting_extract(decode_html((PAGES / page).read_bytes()), url=url)
    assert (p.company, p.role, p.location) == (company, role, location)
    # Nothing here came from structured data: every field is for the user to check.
    assert not p.structured
    assert {"company", "role"} <= p.unsure
    if location:
        assert "location" in p.unsure


def test_the_address_names_the_employer_when_the_title_does_not() -> None:
    p = posting_extract(
        "<title>Logistics Planner</title>",
        url="https://globex-logistics.wd3.myworkdayjobs.com/External/job/Berlin/R1",
    )
    assert (p.company, p.role) == ("Globex Logistics", "Logistics Planner")
    assert p.sources["company"] == "the page's address"
    assert "company" in p.unsure


def test_a_handle_spelled_without_umlauts_still_names_the_company() -> None:
    p = posting_extract(
        "<title>Praktikum Marketing - Müller Milch</title>",
        url="https://muellermilch.jobs.personio.de/job/1",
    )
    assert (p.company, p.role) == ("Müller Milch", "Praktikum Marketing")


def test_a_title_ending_in_careers_says_nothing_more() -> None:
    p = posting_extract(
        "<title>Data Engineer at Vandelay Industries | Careers</title>",
        url="https://careers.vandelay.example/1",
    )
    assert (p.company, p.role) == ("Vandelay Industries", "Data Engineer")


def test_a_site_of_its_own_keeps_the_title_whole() -> None:
    p = posting_extract("<title>Globex - Data Analyst</title>", url="https://globex.example/1")
    # Outside Lever, "A - B" could be either way round: no guess at the company.
    assert (p.company, p.role) == ("", "Globex - Data Analyst")


def test_a_hiring_manager_is_a_role_not_a_sentence() -> None:
    parts = split_title("Senior Hiring Manager in Berlin", url="https://example.com/")
    assert (parts.role, parts.company) == ("Senior Hiring Manager in Berlin", "")
    parts = split_title("Hiring Manager Assistant at Hooli", url="https://example.com/")
    assert (parts.role, parts.company) == ("Hiring Manager Assistant", "Hooli")


def test_microdata_takes_a_links_text_not_its_address() -> None:
    page = (PAGES / "microdata_company_link.html").read_text()
    p = posting_extract(page, url="https://www.indeed.com/viewjob?jk=42")
    assert (p.company, p.role, p.location) == ("Soylent Corporation", "Food Scientist", "New York")
    assert p.sources["company"] == MICRODATA
    assert "company" not in p.unsure


@given(title=st.text(max_size=80), board=st.sampled_from(["", "jobs.lever.co/acme/1"]))
def test_every_field_from_a_fallback_is_marked_for_checking(title: str, board: str) -> None:
    text = html.escape(title)
    page = f"<title>{text}</title><meta name='description' content='{text}'>"
    p = posting_extract(page, url=f"https://{board or 'example.com/job'}")
    for name, source in p.sources.items():
        # The site's name is the site's, never a guess about the job.
        if name != "site_name" and not source.startswith((JSON_LD, MICRODATA)):
            assert name in p.unsure, (name, source)
