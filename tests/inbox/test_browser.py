"""The Inbox pages in a real browser: the queue, its badge, one click to confirm."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from playwright.sync_api import ConsoleMessage, Page, sync_playwright

from tests.browser.conftest import REPORT_VIOLATIONS
from tests.factories import application_for
from tests.inbox.conftest import raw_mail
from tracker.accounts.models import User
from tracker.applications.models import Stage
from tracker.inbox import services
from tracker.inbox.models import Via

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(os.environ.get("INBOX_SCREENSHOTS", "/tmp/rebound-inbox-screenshots"))

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason="Debian's chromium is not installed",
    ),
]


@pytest.fixture
def page(live_server: object, monkeypatch: pytest.MonkeyPatch) -> Iterator[Page]:
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(10_000)

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                errors.append(message.text)

        def on_violation(violation: dict[str, str]) -> None:
            errors.append(f"CSP violation: {violation}")

        page.on("console", on_console)
        page.expose_function("reboundCspViolation", on_violation)
        page.add_init_script(REPORT_VIOLATIONS)
        yield page
        browser.close()
        # Inside Playwright's event loop the ORM keeps connections of its own: close them
        # here, before leaving it, or PostgreSQL refuses to drop the test database at the end.
        connections.close_all()
    assert errors == [], "the browser saw errors (a CSP refusal, a failed request)"


def _sign_in(page: Page, base: str, user: User) -> None:
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}]
    )


def test_alice_confirms_a_queued_rejection_in_one_click(
    page: Page, live_server: object, alice: User
) -> None:
    base = str(live_server)
    hooli = application_for(alice, company="Hooli", role="Senior Platform Engineer")
    services.message_ingest(owner=alice, raw=raw_mail(), via=Via.FORWARD)
    _sign_in(page, base, alice)

    page.goto(f"{base}/")
    assert page.locator("#inbox-badge").inner_text().startswith("1")
    page.get_by_role("link", name="Inbox").first.click()
    page.wait_for_url(f"{base}/inbox/")
    item = page.get_by_role("listitem").filter(has_text="Looks like a rejection from Hooli")
    assert "Dave Okafor, hiring manager, personal email" in item.inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "inbox-queue.png"), full_page=True)

    item.get_by_role("button", name="Confirm").click()
    page.get_by_text("Rejection recorded").wait_for()

    hooli.refresh_from_db()
    assert hooli.stage == Stage.REJECTED
    assert page.locator("#inbox-badge").count() == 0
    page.goto(f"{base}/inbox/settings/")
    page.screenshot(path=str(SHOTS / "inbox-settings.png"), full_page=True)
