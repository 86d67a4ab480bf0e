"""Reading a posting out of saved job pages written in the shapes real boards use."""

from datetime import date
from pathlib import Path

from tracker.capture.posting import JSON_LD, MICRODATA, Posting, decode_html, posting_extract

PAGES = Path(__file__).parent / "pages"


def extract(name: str, url: str = "", content_type: str = "") -> Posting:
    text = decode_html((PAGES / name).read_bytes(), content_type)
    return posting_extract(text, url=url or f"https://jobs.example/{name}")


def test_json_ld_gives_every_field_and_says_so() -> None:
    p = extract("greenhouse_style.html")
    assert (p.company, p.role) == ("Hooli", "Platform Engineer")
    assert p.location == "Palo Alto, CA, US"
    assert (p.salary_min, p.salary_max, p.salary_currency) == (150000, 185000, "USD")
    assert p.date_posted == date(2026, 3, 2)
    assert p.apply_url == "https://boards.example/hooli/jobs/4021/apply"
    assert p.site_name == "Hooli"
    # HTML that the page escaped inside its JSON-LD is read as HTML.
    assert "<strong>platform</strong>" in p.description
    assert "<li>Go</li>" in p.description
    assert p.sources["company"] == JSON_LD
    assert p.sources["salary_min"].startswith(JSON_LD)
    assert p.unsure == set()
    assert p.structured
    assert p.remote is None  # The page does not say: not guessed.


def test_graph_with_references_and_remote() -> None:
    p = extract("lever_graph.html", "https://jobs.example/piedpiper/7f3a")
    assert p.company == "Pied Piper"  # hiringOrganization is an @id into the @graph
    assert p.role == "Senior Backend Engineer"
    assert p.remote is True
    assert p.location == "Remote (Germany / Netherlands)"
    assert (p.salary_min, p.salary_max, p.salary_currency) == (95000, 95000, "EUR")


def test_the_description_is_sanitised() -> None:
    p = extract("lever_graph.html")
    assert "<script" not in p.description
    assert "alert" not in p.description
    assert "onerror" not in p.description
    assert "onclick" not in p.description
    assert "javascript:" not in p.description
    assert "<img" not in p.description
    assert '<a href="https://piedpiper.example/team" rel="noopener noreferrer nofollow">' in (
        p.description
    )
    assert "<h3>What you will do</h3>" in p.description


def test_several_postings_pick_the_one_at_this_address() -> None:
    p = extract("workday_several.html", "https://globex.example/careers/job/R-1002")
    assert p.role == "Site Reliability Engineer"
    assert p.location == "Springfield, US / Shelbyville, US"
    assert p.date_posted is None  # 30 February is no date
    assert "took the one whose address matches" in p.notes[0]


def test_several_postings_none_matching_takes_the_first_and_says_so() -> None:
    p = extract("several_unmatched.html")
    assert p.role == "QA Engineer"
    assert "2 job postings" in p.notes[0]
    assert "Check it" in p.notes[0]


def test_malformed_json_ld_is_repaired_or_skipped() -> None:
    p = extract("malformed_jsonld.html")
    # Comment-wrapped, trailing commas, a raw newline inside a string: still read.
    assert (p.company, p.role, p.location) == (
        "Vandelay Industries",
        "Frontend Developer",
        "New York, NY",
    )
    assert p.sources["role"] == JSON_LD
    # The second block is beyond repair: skipped, and the user told.
    assert any("block 2" in note and "broken" in note for note in p.notes)


def test_broken_json_ld_falls_back_to_the_title_and_says_to_check() -> None:
    p = extract("broken_only.html")
    assert (p.role, p.company) == ("Backend Developer", "Initech")  # "… at Initech | WorkBoard"
    assert p.site_name == "WorkBoard"
    assert p.sources["role"] == "the page's <title>"
    assert {"role", "company", "description"} <= p.unsure
    # A meta description is text: its markup is escaped, never read as HTML.
    assert p.description == "<p>Initech is hiring a Backend Developer &lt;b&gt;now&lt;/b&gt;.</p>"
    assert p.notes
    assert "broken" in p.notes[0]


def test_microdata_only() -> None:
    p = extract("microdata_only.html")
    assert (p.company, p.role, p.location) == (
        "Umbrella Labs",
        "Mobile Developer",
        "Raccoon City, MO",
    )
    assert (p.salary_min, p.salary_max, p.salary_currency) == (45, 60, "USD")
    # An hourly rate is kept as the page gives it, and flagged: not a yearly salary.
    assert "per hour" in p.sources["salary_min"]
    assert "salary_min" in p.unsure
    assert p.date_posted == date(2026, 1, 20)
    assert p.sources["role"] == MICRODATA
    assert "Flutter experience" in p.description


def test_opengraph_only_in_french() -> None:
    p = extract("og_only.html")
    assert (p.role, p.company) == ("Développeur Python", "Soylent SA")
    assert p.sources["role"] == "OpenGraph og:title"
    assert "company" in p.unsure
    assert p.site_name == "Soylent Carrières"
    assert "équipe" in p.description


def test_german_page_in_latin_1_named_by_the_server() -> None:
    p = extract("german_latin1.html", content_type="text/html; charset=ISO-8859-1")
    assert p.company == "Müller & Söhne GmbH"
    assert p.location == "München, DE"
    assert (p.salary_min, p.salary_max) == (65000, 80000)  # "65.000": German thousands
    assert "gemütlich" in p.description


def test_german_page_in_latin_1_named_by_the_page_alone() -> None:
    assert extract("german_latin1.html").company == "Müller & Söhne GmbH"


def test_japanese() -> None:
    p = extract("japanese.html")
    assert (p.company, p.role) == ("株式会社サンプル", "バックエンドエンジニア")
    assert (p.salary_min, p.salary_currency) == (6000000, "JPY")


def test_an_unknown_page_still_gives_a_usable_draft() -> None:
    p = extract("nothing.html", "https://www.careers.example/open")
    assert p.role == "Welcome to our careers page"
    assert "role" in p.unsure
    assert p.company == ""  # Not guessed from the address.
    assert p.site_name == "careers.example"
    assert p.sources["site_name"] == "the page's address"
    assert p.url == "https://www.careers.example/open"


def test_page_text_is_the_visible_text() -> None:
    p = extract("greenhouse_style.html")
    assert "Apply for this job" in p.page_text
    assert "boardConfig" not in p.page_text
    assert "@context" not in p.page_text


def test_garbage_never_raises() -> None:
    for page in (
        "",
        "<",
        "<script type='application/ld+json'>",
        "\x00\ufffd<html<<>>",
        "<p" * 1000,
    ):
        posting_extract(page, url="https://jobs.example/x")
    odd = (
        '<script type="application/ld+json">{"@type": "JobPosting", "title": ["A", "B"], '
        '"hiringOrganization": [null, 3], "baseSalary": {"value": {"minValue": "lots"}}, '
        '"jobLocation": 7, "datePosted": 2026}</script>'
    )
    p = posting_extract(odd, url="https://jobs.example/x")
    assert p.role == "A"
    assert p.salary_min is None
    assert p.location == ""
