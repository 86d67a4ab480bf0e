"""The PDF an agency clerk reads, in each layout: its text extracted with pdftotext; the
name and the period on every page, and the pages numbered."""

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.worksearch.conftest import Fortnight, pdf_pages
from tracker.accounts.models import User
from tracker.worksearch import documents, selectors, services
from tracker.worksearch.layouts import day_text, period_text
from tracker.worksearch.vocabulary import Layout

pytestmark = pytest.mark.django_db


def squeeze(text: str) -> str:
    """The page's words with single spaces: pdftotext lays cells out in columns."""
    return re.sub(r"\s+", " ", text)


def test_the_general_layout_reads_as_a_us_work_search_record(
    alice: User, fortnight: Fortnight, tmp_path: Path
) -> None:
    found = selectors.work_search_log(
        user=alice, start=fortnight.start, end=fortnight.end, layout=Layout.GENERAL
    )

    (page,) = pdf_pages(documents.log_pdf(found.sheet), tmp_path)

    text = squeeze(page)
    for words in [
        "Work Search Record",
        "Claimant: Alice Martin",
        f"Period: {period_text(fortnight.start, fortnight.end, Layout.GENERAL)}",
        "Required contacts per week: 3",
        "Method of contact",
        "Person contacted",
        "Nordlicht Software GmbH",
        "Torstraße 12, 10119 Berlin",
        "+49 30 1234567",
        "Jana Vogel",
        "Not hired",
        "Networking",
        "I certify that the work search activities listed above are true",
        "Page 1 of 1",
    ]:
        assert words in text, words
    # US dates: "Nov 23, 2026".
    assert day_text(fortnight.start, Layout.GENERAL) in text
    assert re.search(r"[A-Z][a-z]{2} \d{1,2}, \d{4}", text)


def test_the_uk_layout_is_a_journal_with_the_time_spent(
    alice: User, fortnight: Fortnight, tmp_path: Path
) -> None:
    found = selectors.work_search_log(
        user=alice, start=fortnight.start, end=fortnight.end, layout=Layout.UK
    )

    (page,) = pdf_pages(documents.log_pdf(found.sheet), tmp_path)

    text = squeeze(page)
    for words in [
        "Work search journal",
        "Name: Alice Martin",
        "Time spent",
        "Applied for a job",
        "Who I spoke to",
        "2 h 30 min",
        "Unsuccessful",
        "I confirm that this is a true record",
        "Page 1 of 1",
    ]:
        assert words in text, words
    # UK dates: "23 Nov 2026"; weeks from Monday.
    assert f"Week beginning {day_text(fortnight.start, Layout.UK)}: 5 activities" in text


def test_the_german_layout_is_a_nachweis_der_eigenbemuehungen(
    alice: User, fortnight: Fortnight, tmp_path: Path
) -> None:
    found = selectors.work_search_log(
        user=alice, start=fortnight.start, end=fortnight.end, layout=Layout.DE
    )

    (page,) = pdf_pages(documents.log_pdf(found.sheet), tmp_path)

    text = squeeze(page)
    start = fortnight.start.strftime("%d.%m.%Y")
    end = fortnight.end.strftime("%d.%m.%Y")
    for words in [
        "Nachweis der Eigenbemühungen",
        "Name: Alice Martin",
        f"Zeitraum: {start} bis {end}",
        "Vereinbarte Eigenbemühungen pro Woche: 3",
        "Form der Bewerbung",
        "Bewerbung",
        "Vorstellungsgespräch",
        "über Jobbörse",
        "per E-Mail",
        "über Personalvermittlung",
        "Absage",
        "Netzwerkveranstaltung",
        f"Woche ab {start}: 5 Eigenbemühungen, vereinbart 3, erfüllt",
        "Ich versichere",
        "Unterschrift",
        "Seite 1 von 1",
    ]:
        assert words in text, words


@pytest.mark.parametrize(
    ("layout", "page_word"),
    [
        (Layout.GENERAL, "Page {} of {}"),
        (Layout.UK, "Page {} of {}"),
        (Layout.DE, "Seite {} von {}"),
    ],
)
def test_a_long_log_has_the_name_and_period_on_every_numbered_page(
    alice: User, tmp_path: Path, layout: Layout, page_word: str
) -> None:
    services.log_settings_update(user=alice, layout=layout, weekly_target=5, reference="AB123456C")
    end = timezone.localdate()
    start = end - timedelta(days=59)
    for i in range(60):
        services.activity_create(
            owner=alice,
            date=start + timedelta(days=i),
            kind="training",
            description=f"Online course, lesson {i + 1}",
            duration_minutes=45,
        )
    found = selectors.work_search_log(user=alice, start=start, end=end)

    pages = pdf_pages(documents.log_pdf(found.sheet), tmp_path)

    assert len(pages) > 2
    period = period_text(start, end, layout)
    for number, page in enumerate(pages, start=1):
        text = squeeze(page)
        assert "Alice Martin" in text
        assert period in text
        assert page_word.format(number, len(pages)) in text
    assert "AB123456C" in squeeze(pages[0])
    assert sum(squeeze(p).count("lesson") for p in pages) == 60


def test_an_empty_period_says_so(alice: User, tmp_path: Path) -> None:
    day = date(2026, 1, 5)
    found = selectors.work_search_log(user=alice, start=day, end=day, layout=Layout.DE)

    (page,) = pdf_pages(documents.log_pdf(found.sheet), tmp_path)

    assert "In diesem Zeitraum sind keine Eigenbemühungen erfasst." in squeeze(page)


def test_what_a_user_typed_is_text_in_the_pdf_never_markup(alice: User, tmp_path: Path) -> None:
    today = timezone.localdate()
    services.activity_create(
        owner=alice,
        date=today,
        kind="other",
        description='<img src="http://127.0.0.1:9/x.png"> <b>bold</b> & more',
    )
    found = selectors.work_search_log(user=alice, start=today, end=today)

    (page,) = pdf_pages(documents.log_pdf(found.sheet), tmp_path)

    # The address may wrap inside its narrow column; the tags are there as text.
    assert '<img src="http://' in squeeze(page)
    assert "<b>bold</b> & more" in squeeze(page)


def test_without_pango_the_pdf_is_a_503_that_says_why(
    alice: User, alice_api: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pango(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("weasyprint"):
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_pango)
    today = timezone.localdate().isoformat()

    response = alice_api.get(  # type: ignore[attr-defined]
        "/api/work-search-log/", {"from": today, "to": today, "format": "pdf"}
    )

    assert response.status_code == 503
    assert "install Pango" in response.json()["detail"]
