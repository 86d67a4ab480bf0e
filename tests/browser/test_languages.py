"""A job seeker in Berlin: the board in German, in headless chromium (its picture goes to
SCREENSHOT_DIR/board-de.png when that is set)."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import CHROMIUM, sign_in
from tests.factories import make_user
from tracker.applications.demo import demo_seed

SHOT_DIR = os.environ.get("SCREENSHOT_DIR")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]


def test_a_german_user_works_the_board_in_german(page: Page, live_server: object) -> None:
    base = str(live_server)
    user = make_user(username="katrin", full_name="Katrin Vogel", language="de")
    demo_seed(owner=user, count=24)
    sign_in(page, base, user)

    page.goto(f"{base}/")

    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", name="Board", level=1)).to_be_visible()
    expect(page.locator("#column-interviewing-title")).to_contain_text("Gespräche")
    expect(page.get_by_role("link", name="Bewerbung hinzufügen").first).to_be_visible()
    expect(page.get_by_role("link", name="Auswertung")).to_be_visible()
    if SHOT_DIR:
        page.screenshot(path=str(Path(SHOT_DIR) / "board-de.png"))

    # The keyboard's way to move a card speaks German too.
    page.locator(".board-card-move").first.click()
    expect(page.locator("#move-dialog")).to_contain_text("Wählen Sie die neue Phase.")
    expect(page.locator("#move-dialog").get_by_role("button", name="Abbrechen")).to_be_visible()
