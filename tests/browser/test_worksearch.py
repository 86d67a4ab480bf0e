"""The work-search log in headless chromium: an activity logged through the page's form,
the log of the period, the printable page (its stylesheet and print button within the
Content Security Policy: a violation is a console error, which fails the test) and the
PDF downloaded from its link."""

import os
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import CHROMIUM, sign_in
from tests.factories import application_for
from tracker.accounts.models import User

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]
SHOT_DIR = os.environ.get("SCREENSHOT_DIR")


def test_a_user_logs_an_activity_and_prints_the_log(
    page: Page,
    live_server: object,
    alice: User,
    tmp_path: Path,
) -> None:
    base = str(live_server)
    application_for(alice, company="Globex", role="Platform Engineer", days_ago=1)
    sign_in(page, base, alice)

    page.goto(f"{base}/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Work search").click()
    page.wait_for_url(f"{base}/work-search/")
    form = page.locator("form", has=page.get_by_role("button", name="Log it"))
    form.get_by_label("Kind").select_option("job_fair")
    form.get_by_label("Description").fill("Berlin tech job fair: spoke to six companies")
    form.get_by_label("Time spent (minutes)").fill("180")
    form.get_by_role("button", name="Log it").click()
    page.wait_for_url(f"{base}/work-search/?from=*")

    log = page.get_by_role("table")
    assert "Globex" in log.inner_text()
    assert "Berlin tech job fair" in log.inner_text()
    shots = Path(SHOT_DIR) if SHOT_DIR else tmp_path
    page.screenshot(path=shots / "work-search.png", full_page=True)

    with page.expect_download() as pdf:
        page.get_by_role("link", name="PDF").click()
    path = tmp_path / "log.pdf"
    pdf.value.save_as(path)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    assert "Berlin tech job fair" in text.stdout.decode()

    page.get_by_role("link", name="Printable page").click()
    page.wait_for_url(f"{base}/work-search/print/?*")
    assert page.get_by_role("button", name="Print").is_visible()
    assert page.get_by_role("heading", name="Work Search Record").is_visible()
    # The stylesheet arrived: the page is laid out for paper, the table's columns fixed.
    layout = page.locator("table").evaluate("t => getComputedStyle(t).tableLayout")
    assert layout == "fixed"
