"""The browser extension, loaded unpacked into Debian's chromium: it reads a job page
served on 127.0.0.2, shows it in its popup, and saves it into a live Rebound.

Headless chromium cannot click the toolbar button, so the popup is opened as a page
(popup.html?tab=ID) aimed at the job's tab; and it cannot answer a permission prompt, so
the copy loaded here lists the test's hosts in host_permissions, where a user grants the
server's origin at run time from the options page (chrome.permissions.request).
"""

import base64
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.db import connections
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect, sync_playwright
from pytest_django import Settings

from tests.browser.conftest import REPORT_VIOLATIONS
from tests.capture.jobsite import JobSite
from tests.factories import application_for
from tracker.accounts.models import User
from tracker.api.services import api_token_get_or_create
from tracker.applications import services
from tracker.applications.models import Application, ChangeSource

EXTENSION = Path(__file__).resolve().parents[2] / "extension"
CHROMIUM = "/usr/bin/chromium"
SHOT_DIR = os.environ.get("SCREENSHOT_DIR")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


def _load_unpacked_copy(into: Path) -> str:
    """The extension as a user loads it, plus a key (so its ID is known in advance) and the
    test's hosts granted at install. Returns the extension's ID."""
    shutil.copytree(EXTENSION, into)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    der = key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    manifest = json.loads((into / "manifest.json").read_text())
    manifest["key"] = base64.b64encode(der).decode()
    manifest["host_permissions"] = ["http://127.0.0.2/*", "http://localhost/*"]
    (into / "manifest.json").write_text(json.dumps(manifest))
    digest = hashlib.sha256(der).hexdigest()[:32]
    return "".join(chr(ord("a") + int(c, 16)) for c in digest)


@pytest.fixture
def chromium(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[BrowserContext, str]]:
    # Playwright's sync API runs an event loop in this thread; the ORM calls around it
    # are still plain synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    directory = tmp_path / "extension"
    extension_id = _load_unpacked_copy(directory)
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--headless=new",
                f"--disable-extensions-except={directory}",
                f"--load-extension={directory}",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
            ],
        )
        violations: list[dict[str, str]] = []

        def on_violation(violation: dict[str, str]) -> None:
            violations.append(violation)

        # The popup and the options page under the extension's own policy, the job pages
        # under theirs: none may break it (see tests/browser/conftest.py).
        context.expose_function("reboundCspViolation", on_violation)
        context.add_init_script(REPORT_VIOLATIONS)
        yield context, extension_id
        assert violations == [], "a page broke its Content Security Policy"
        context.close()
        # Inside Playwright's event loop the ORM keeps connections of its own: close them
        # here, before leaving it, or PostgreSQL refuses to drop the test database at the end.
        connections.close_all()


def _configure(context: BrowserContext, extension_id: str, server: str, token: str) -> Page:
    options = context.new_page()
    options.goto(f"chrome-extension://{extension_id}/options.html")
    options.fill("#server", server)
    options.fill("#token", token)
    options.click("button[type=submit]")
    return options


def _popup_for(context: BrowserContext, extension_id: str, options: Page, job: Page) -> Page:
    """The popup aimed at the job's tab, as the toolbar button would open it."""
    tab_id = options.evaluate(
        "async (url) => (await chrome.tabs.query({url})).map((t) => t.id)[0]", job.url
    )
    popup = context.new_page()
    popup.set_viewport_size({"width": 360, "height": 520})
    popup.goto(f"chrome-extension://{extension_id}/popup.html?tab={tab_id}")
    return popup


def test_saving_a_job_from_its_page(
    chromium: tuple[BrowserContext, str], live_server: object, jobsite: JobSite, alice: User
) -> None:
    context, extension_id = chromium
    server = str(live_server)
    # Applied before: rejected after an onsite, by a hiring manager who wrote personally.
    before = application_for(
        alice, company="Hooli, Inc.", role="Site Reliability Engineer", days_ago=260
    )
    services.interview_create(
        application=before, scheduled_at=timezone.now() - timedelta(days=250), kind="onsite"
    )
    services.application_reject(
        application=before,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_role="hiring_manager",
        sender_name="Dave Okafor",
        received_at=timezone.now() - timedelta(days=240),
    )
    options = _configure(context, extension_id, server, api_token_get_or_create(user=alice).key)
    expect(options.locator("#status")).to_contain_text("Rebound answered and accepted the token")

    job = context.new_page()
    job.goto(jobsite.url("greenhouse_style.html"))
    popup = _popup_for(context, extension_id, options, job)

    expect(popup.locator("#company")).to_have_value("Hooli")
    expect(popup.locator("#role")).to_have_value("Platform Engineer")
    expect(popup.locator("#location")).to_have_value("Palo Alto, CA, US")
    # The popup reports its policy's violations, as every page here does.
    assert popup.evaluate("typeof window.reboundCspViolation") == "function"
    expect(popup.locator("#found")).to_contain_text("JSON-LD JobPosting")
    warning = popup.locator("#warning")
    expect(warning).to_contain_text("You applied to Hooli, Inc. for Site Reliability Engineer in")
    expect(warning).to_contain_text("they rejected it after an onsite (Dave Okafor)")
    popup.select_option("#stage", "wishlist")
    if SHOT_DIR:
        popup.screenshot(path=str(Path(SHOT_DIR) / "extension-popup.png"), full_page=True)

    popup.click("#save")
    expect(popup.locator("#done")).to_contain_text("Saved.")
    saved = Application.objects.exclude(pk=before.pk).get(owner=alice)
    assert (saved.company.name, saved.role, saved.stage) == (
        "Hooli",
        "Platform Engineer",
        "wishlist",
    )
    assert "<strong>platform</strong>" in saved.description
    assert saved.url == jobsite.url("greenhouse_style.html")
    link = popup.locator("#done a")
    expect(link).to_have_attribute("href", f"{server}/applications/{saved.pk}/")


def test_it_says_when_the_token_is_wrong_or_the_server_is_away(
    chromium: tuple[BrowserContext, str], live_server: object, jobsite: JobSite, alice: User
) -> None:
    context, extension_id = chromium
    options = _configure(context, extension_id, str(live_server), "0" * 40)
    expect(options.locator("#status")).to_contain_text("Rebound refused the API token")

    job = context.new_page()
    job.goto(jobsite.url("nothing.html"))
    popup = _popup_for(context, extension_id, options, job)
    expect(popup.locator("#role")).to_have_value("Welcome to our careers page")
    expect(popup.locator("#found")).to_contain_text("no job data")
    expect(popup.locator("#status")).to_contain_text("Rebound refused the API token")

    # Nothing listens on port 9 of localhost: the server is "unreachable".
    options.evaluate(
        "() => chrome.storage.local.set({server: 'http://localhost:9', token: '1'.repeat(40)})"
    )
    popup.reload()
    expect(popup.locator("#status")).to_contain_text("Cannot reach Rebound at http://localhost:9")
    popup.fill("#company", "Initech")
    popup.click("#save")
    expect(popup.locator("#status")).to_contain_text("Cannot reach Rebound")
    assert not Application.objects.filter(owner=alice).exists()


def test_a_page_with_microdata_only_is_read_by_rebound(
    chromium: tuple[BrowserContext, str], live_server: object, jobsite: JobSite, alice: User
) -> None:
    context, extension_id = chromium
    options = _configure(
        context, extension_id, str(live_server), api_token_get_or_create(user=alice).key
    )
    expect(options.locator("#status")).to_contain_text("accepted the token")
    job = context.new_page()
    job.goto(jobsite.url("microdata_only.html"))
    popup = _popup_for(context, extension_id, options, job)
    expect(popup.locator("#found")).to_contain_text("Rebound read the page's microdata JobPosting")
    expect(popup.locator("#company")).to_have_value("Umbrella Labs")
    expect(popup.locator("#role")).to_have_value("Mobile Developer")
    popup.click("#save")
    expect(popup.locator("#done")).to_contain_text("Saved.")
    saved = Application.objects.get(owner=alice)
    assert "Flutter experience" in saved.description
    assert saved.stage == "applied"
    assert saved.applied_on is not None


def test_a_job_already_on_the_wishlist_is_marked_applied_not_saved_twice(
    chromium: tuple[BrowserContext, str], live_server: object, jobsite: JobSite, alice: User
) -> None:
    context, extension_id = chromium
    server = str(live_server)
    url = jobsite.url("greenhouse_style.html")
    wished = application_for(alice, company="Hooli", role="Platform Engineer", url=url)
    services.application_change_stage(
        application=wished, to_stage="wishlist", source=ChangeSource.WEB
    )
    other = application_for(alice, company="Hooli", role="Data Analyst", days_ago=400)
    options = _configure(context, extension_id, server, api_token_get_or_create(user=alice).key)
    expect(options.locator("#status")).to_contain_text("accepted the token")
    job = context.new_page()
    job.goto(url)
    popup = _popup_for(context, extension_id, options, job)

    tracked = popup.locator("#tracked")
    expect(tracked).to_contain_text("Already in Rebound: Platform Engineer at Hooli.")
    expect(tracked).to_contain_text("You saved Hooli's Platform Engineer to your wishlist")
    expect(popup.locator("#tracked-open")).to_have_attribute(
        "href", f"{server}/applications/{wished.pk}/"
    )
    # The other job at Hooli is a warning, not this one.
    expect(popup.locator("#warning")).to_contain_text("Data Analyst")
    expect(popup.locator("#warning")).not_to_contain_text("Platform Engineer")
    expect(popup.locator("#save")).to_have_text("Save it again, as another application")
    if SHOT_DIR:
        popup.screenshot(path=str(Path(SHOT_DIR) / "extension-tracked.png"), full_page=True)

    popup.click("#mark-applied")
    expect(popup.locator("#done")).to_contain_text("Marked applied: Platform Engineer at Hooli.")
    wished.refresh_from_db()
    assert wished.stage == "applied"
    assert set(Application.objects.filter(owner=alice)) == {wished, other}


def test_a_page_without_job_data_is_read_from_the_tab_by_rebound(
    chromium: tuple[BrowserContext, str],
    live_server: object,
    jobsite: JobSite,
    alice: User,
    settings: Settings,
) -> None:
    # LinkedIn's shape, behind a login Rebound's own fetch could not pass: here no fetch
    # may leave at all, so what Rebound reads is the page the tab sent it.
    settings.OUTBOUND_ALLOWED_NETWORKS = []
    context, extension_id = chromium
    options = _configure(
        context, extension_id, str(live_server), api_token_get_or_create(user=alice).key
    )
    expect(options.locator("#status")).to_contain_text("accepted the token")
    job = context.new_page()
    job.goto(jobsite.url("board_linkedin.html"))
    popup = _popup_for(context, extension_id, options, job)
    expect(popup.locator("#company")).to_have_value("Acme Robotics")
    expect(popup.locator("#role")).to_have_value("Data Engineer")
    expect(popup.locator("#location")).to_have_value("Berlin, Germany")
    if SHOT_DIR:
        popup.screenshot(path=str(Path(SHOT_DIR) / "extension-linkedin.png"), full_page=True)
