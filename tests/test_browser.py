"""A new user's first minutes, in headless chromium; also refreshes the README's screenshots."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import Browser, Page, sync_playwright

from tests.workers import celery_worker
from tracker.accounts.models import User
from tracker.applications.demo import demo_seed

# `make screenshots` sets SCREENSHOT_DIR=docs/screenshots; a plain test run leaves them alone.
SHOT_DIR = os.environ.get("SCREENSHOT_DIR")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Browser]:
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test
    # makes around it are still plain synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
        # Inside Playwright's event loop the ORM keeps connections of its own: close them
        # here, or PostgreSQL refuses to drop the test database at the end.
        connections.close_all()


@pytest.fixture
def page(browser: Browser, live_server: object) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    failures: list[str] = []
    page.on(
        "response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    page.on("console", lambda m: failures.append(m.text) if m.type == "error" else None)
    yield page
    assert failures == [], "the browser saw errors"


def _log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/")


def test_a_new_user_adds_an_application_and_follows_up_on_its_rejection(
    page: Page, live_server: object, alice: User, tmp_path: Path
) -> None:
    base = str(live_server)
    _log_in(page, base, "alice")

    page.get_by_role("link", name="Add application").first.click()
    page.get_by_label("Company").fill("Hooli")
    page.get_by_label("Role title").fill("Platform Engineer")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/applications/*/")
    assert page.get_by_role("heading", name="Platform Engineer").is_visible()

    page.get_by_role("combobox", name="Stage").select_option("interviewing")
    page.get_by_role("button", name="Move").click()
    page.wait_for_url("**/applications/*/")
    assert page.get_by_text("Moved to Interviewing").is_visible()

    page.get_by_role("link", name="Mark rejected").click()
    page.get_by_label("The email, pasted (optional)").fill(
        "Hi Alice,\n\nThanks for meeting the team in the interview; we went another way.\n\n"
        "Best,\nGavin Belson\nHead of Platform\n"
    )
    page.get_by_role("button", name="Fill in from the message").click()
    assert page.get_by_text("Rebound read the message").is_visible()
    assert page.get_by_label("Their name").input_value() == "Gavin Belson"
    assert page.get_by_label("How did it arrive?").input_value() == "personal_email"
    with celery_worker(tmp_path / "worker.log"):
        page.get_by_role("button", name="Save rejection").click()
        page.wait_for_url("**/applications/*/")
        assert page.get_by_text("Rejection recorded").is_visible()
        # The real worker proposes the reply; the page polls until it appears.
        card = page.locator(".followup-card", has_text="Reply to the rejection")
        card.wait_for(timeout=10_000)
    assert "Hi Gavin," in card.get_by_role("textbox", name="Message").input_value()
    card.get_by_role("button", name="Mark sent").click()
    assert page.get_by_text("Marked as sent").is_visible()

    application = alice.application_set.get()
    assert application.stage == "rejected"
    assert application.furthest_stage == "interviewing"
    assert application.followups.get(kind="rejection_reply").status == "sent"
    assert [c.to_stage for c in application.history.all()] == [
        "applied",
        "interviewing",
        "rejected",
    ]


def test_screenshots_of_the_dashboard(
    page: Page, live_server: object, alice: User, tmp_path: Path
) -> None:
    demo_seed(owner=alice, count=24)
    base = str(live_server)
    _log_in(page, base, "alice")
    shots = Path(SHOT_DIR) if SHOT_DIR else tmp_path
    shots.mkdir(parents=True, exist_ok=True)

    page.screenshot(path=shots / "dashboard.png", full_page=True)
    page.get_by_role("link", name="Interviewing").first.click()
    page.get_by_role("row").nth(1).get_by_role("link").first.click()
    page.wait_for_url("**/applications/*/")
    page.screenshot(path=shots / "application.png", full_page=True)
    page.get_by_role("link", name="Follow-ups").first.click()
    page.wait_for_url("**/followups/")
    page.screenshot(path=shots / "followups.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/")
    page.screenshot(path=shots / "dashboard-phone.png", full_page=True)

    assert all(
        (shots / name).stat().st_size > 10_000 for name in ("dashboard.png", "application.png")
    )


def test_the_api_docs_render_under_the_content_security_policy(
    page: Page, live_server: object, alice: User
) -> None:
    # The page fixture fails the test on any console error: a CSP violation is one.
    base = str(live_server)
    _log_in(page, base, "alice")

    page.goto(f"{base}/api/docs/")

    page.get_by_text("/api/applications/{id}/reject/").first.wait_for()
    assert page.get_by_text("Rebound API").first.is_visible()
