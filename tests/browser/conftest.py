"""What every browser test runs in: Debian's chromium through Playwright, and a `page`
that fails its test on any Content Security Policy violation, any console error, and any
response of 400 or more the test did not say it expects (`refusals`)."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Response,
    ViewportSize,
    sync_playwright,
)

from tracker.accounts.models import User

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Wide enough for all nine columns of the board, so that any can be a drop target.
WIDE: ViewportSize = {"width": 1920, "height": 1000}
# How Chromium ("Failed to load resource: ... status of 404 (Not Found)") and htmx
# ("Response Status Error Code 404 from /path") log a refused request.
REFUSAL_LOGGED = re.compile(
    r"status of (?P<status>\d{3}) "
    r"|Response Status Error Code (?P<htmx_status>\d{3}) from (?P<path>[^\s,]+)"
)
# Each page reports its own `securitypolicyviolation` events, from before any of its
# scripts run, on every page it loads: the directive and the script that broke it, which a
# console line leaves out, and whatever the console does not show (an extension's pages).
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reboundCspViolation({
    directive: event.violatedDirective,
    blocked: event.blockedURI,
    source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
    sample: event.sample,
    page: location.href,
  });
}, true);
"""


@dataclass
class Refusals:
    """Responses of 400 and more that a test provokes on purpose; any other fails it."""

    expected: list[tuple[int, str]] = field(default_factory=list)
    seen: set[tuple[int, str]] = field(default_factory=set)

    def expect(self, status: int, path: str) -> None:
        self.expected.append((status, path))

    def allows(self, status: int, url: str) -> bool:
        for expected in self.expected:
            if expected[0] == status and urlsplit(url).path == expected[1]:
                self.seen.add(expected)
                return True
        return False


@pytest.fixture
def refusals() -> Refusals:
    return Refusals()


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
def csp_violations() -> list[dict[str, Any]]:
    """Every Content Security Policy violation the page reported, for a test to read."""
    return []


@pytest.fixture
def page(
    browser: Browser,
    live_server: object,
    refusals: Refusals,
    csp_violations: list[dict[str, Any]],
) -> Iterator[Page]:
    page = browser.new_page(viewport=WIDE, accept_downloads=True)
    page.set_default_timeout(10_000)
    failures: list[str] = []

    def on_response(response: Response) -> None:
        if response.status >= 400 and not refusals.allows(response.status, response.url):
            failures.append(f"{response.status} {response.url}")

    def on_console(message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        # Chromium logs each refused request as a console error, and so does htmx.
        if found := REFUSAL_LOGGED.search(message.text):
            url = found["path"] or message.location.get("url", "")
            if refusals.allows(int(found["status"] or found["htmx_status"]), url):
                return
        failures.append(message.text)

    def on_violation(violation: dict[str, Any]) -> None:
        csp_violations.append(violation)

    page.expose_function("reboundCspViolation", on_violation)
    page.add_init_script(REPORT_VIOLATIONS)
    page.on("response", on_response)
    page.on("console", on_console)
    yield page
    # A violation reported just before the test ended is still on its way.
    page.wait_for_timeout(100)
    assert csp_violations == [], "the page broke its Content Security Policy"
    assert failures == [], "the browser saw errors"
    assert refusals.seen == set(refusals.expected), "an expected refusal did not happen"


def sign_in(page: Page, base: str, user: User) -> None:
    """A session made on the server side and handed to the browser: no login page."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}]
    )
