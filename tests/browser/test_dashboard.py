"""The dashboard in headless chromium: a new user's first minutes, the board's drag and
drop (and its keyboard and failure paths), the table's filters and export, the bell;
also refreshes the README's screenshots.

The `page` fixture (conftest.py) fails a test on any Content Security Policy violation, any
console error, and any response of 400 or more, unless the test said it expects that
refusal (`refusals`).
"""

import csv
import os
import re
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import (
    Dialog,
    FloatRect,
    Locator,
    Page,
    Route,
    expect,
)

from tests.browser.conftest import CHROMIUM, Refusals, sign_in
from tests.factories import application_for, rejected_late
from tests.workers import celery_worker
from tracker.accounts.models import User
from tracker.applications.demo import demo_seed
from tracker.applications.models import Application, Rejection, Stage
from tracker.applications.selectors import BOARD_COLUMN_SIZE
from tracker.followups import services as followups
from tracker.followups.demo import demo_followups
from tracker.notifications.models import Channel, DeliveryStatus, Notification

# `make screenshots` sets SCREENSHOT_DIR=docs/screenshots; a plain test run leaves them alone.
SHOT_DIR = os.environ.get("SCREENSHOT_DIR")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]


def _log_in(page: Page, base: str, username: str) -> None:
    """Through the login form, as a user does."""
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/")


# --- The board ---------------------------------------------------------------------------


def _card(page: Page, application: Application) -> Locator:
    return page.locator(f"#card-{application.pk}")


def _column(page: Page, stage: str) -> Locator:
    return page.locator(f"#cards-{stage}")


def _drag(page: Page, src: Locator, dst: Locator) -> None:
    """A drag with real mouse moves: SortableJS ignores Playwright's drag_to(). It starts
    with hover(), which waits until the card is stable and is what the pointer would hit
    there: a drag begun by a bare mouse move straight after the rejection dialog closed
    sometimes never started (about 1 run in 8 here; none in 30 since)."""
    src.hover(position={"x": 40, "y": 30})
    box, target = src.bounding_box(), dst.bounding_box()
    assert box is not None
    assert target is not None
    page.mouse.down()
    page.mouse.move(box["x"] + 60, box["y"] + 40, steps=5)
    page.mouse.move(target["x"] + 50, target["y"] + 40, steps=20)
    page.mouse.up()


def _expect_count(page: Page, stage: str, count: int) -> None:
    """The column's count badge (its words are for screen readers)."""
    words = rf"^\s*{count} applications?\s*$"
    expect(page.locator(f"#count-{stage}")).to_have_text(re.compile(words))


def _open_board(page: Page, base: str) -> Locator:
    """The board, once board.js has wired it up; returns its status line."""
    # goto() waits for the load event, which comes after the deferred scripts ran.
    page.goto(f"{base}/")
    return page.locator("#board-status")


def _history(application: Application) -> list[tuple[str, str]]:
    return [(c.to_stage, c.source) for c in application.history.order_by("at", "id")]


def test_a_new_user_tracks_an_application_from_the_board_to_the_export(
    page: Page, live_server: object, alice: User, tmp_path: Path
) -> None:
    base = str(live_server)
    # Neighbours for the filters to leave out, and one for them to keep.
    application_for(alice, company="Hooli", role="Data Analyst")
    kept = application_for(
        alice, company="Hooli", role="Site Reliability Engineer", stage="rejected"
    )
    application_for(alice, company="Pied Piper", role="Platform Engineer", stage="rejected")
    _log_in(page, base, "alice")

    page.get_by_role("link", name="Add application").first.click()
    page.get_by_label("Company").fill("Hooli")
    page.get_by_label("Role title").fill("Platform Engineer")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/applications/*/")
    assert page.get_by_role("heading", name="Platform Engineer").is_visible()
    application = alice.application_set.get(company__name="Hooli", role="Platform Engineer")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Board").click()
    page.wait_for_url(f"{base}/")
    status = _open_board(page, base)
    card = _card(page, application)
    expect(_column(page, "applied").locator(card)).to_be_visible()
    _expect_count(page, "applied", 2)

    _drag(page, card, _column(page, "interviewing"))
    expect(status).to_have_text("Moved Platform Engineer at Hooli to Interviewing.")
    expect(_column(page, "interviewing").locator(card)).to_be_visible()
    expect(card).not_to_have_attribute("aria-busy", "true")
    _expect_count(page, "interviewing", 1)
    _expect_count(page, "applied", 1)
    application.refresh_from_db()
    assert application.stage == "interviewing"
    assert _history(application)[-1] == ("interviewing", "board")

    # The rejection's follow-up is proposed by the worker, which must see the save.
    with celery_worker(tmp_path / "worker.log"):
        _drag(page, card, _column(page, "rejected"))
        dialog = page.locator("#reject-dialog")
        expect(dialog).to_be_visible()
        dialog.get_by_label("The email, pasted (optional)").fill(
            "Hi Alice,\n\nThanks for meeting the team in the interview; we went another way.\n\n"
            "Best,\nGavin Belson\nHead of Platform\n"
        )
        dialog.get_by_role("button", name="Fill in from the message").click()
        expect(dialog.get_by_text("Rebound read the message")).to_be_visible()
        expect(dialog.get_by_label("Their name")).to_have_value("Gavin Belson")
        expect(dialog.get_by_label("How did it arrive?")).to_have_value("personal_email")
        dialog.get_by_role("button", name="Save rejection").click()
        expect(dialog).to_be_hidden()
        expect(status).to_have_text("Moved Platform Engineer at Hooli to Rejected.")
        expect(_column(page, "rejected").locator(card)).to_be_visible()
        _expect_count(page, "rejected", 3)
        _expect_count(page, "interviewing", 0)

        card.get_by_role("link", name="Hooli").click()
        page.wait_for_url(f"**/applications/{application.pk}/")
        # The real worker proposes the reply; the page polls until it appears.
        followup = page.locator(".followup-card", has_text="Reply to the rejection")
        followup.wait_for(timeout=15_000)
    assert "Hi Gavin," in followup.get_by_role("textbox", name="Message").input_value()
    followup.get_by_role("button", name="Mark sent").click()
    expect(page.get_by_text("Marked as sent")).to_be_visible()

    application.refresh_from_db()
    assert application.stage == "rejected"
    assert application.furthest_stage == "interviewing"
    assert application.followups.get(kind="rejection_reply").status == "sent"
    assert _history(application) == [
        ("applied", "web"),
        ("interviewing", "board"),
        ("rejected", "board"),
    ]

    # The table: search and a stage filter, both kept in the URL.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Table").click()
    page.wait_for_url(f"{base}/applications/")
    search = page.get_by_role("search")
    search.get_by_label("Search").fill("Hooli")
    search.get_by_label("Stage").select_option("rejected")
    search.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/applications/?*")
    query = parse_qs(urlsplit(page.url).query)
    assert query["q"] == ["Hooli"]
    assert query["stage"] == ["rejected"]
    rows = page.locator(".applications-table tbody tr")
    expect(rows).to_have_count(2)
    shown = {rows.nth(i).locator(".cell-company a").first.get_attribute("href") for i in range(2)}
    assert shown == {f"/applications/{application.pk}/", f"/applications/{kept.pk}/"}

    # Export what is shown: the same two rows, nothing else.
    page.get_by_role("button", name="Export").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Applications (CSV)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("rebound-applications-")
    with open(download.path(), encoding="utf-8-sig", newline="") as exported:
        exported_rows = list(csv.DictReader(exported))
    assert sorted(int(row["id"]) for row in exported_rows) == sorted([application.pk, kept.pk])
    assert {row["stage"] for row in exported_rows} == {"rejected"}
    assert {row["company"] for row in exported_rows} == {"Hooli"}


def test_the_keyboard_moves_a_card_and_keeps_the_focus_on_it(
    page: Page, live_server: object, alice: User
) -> None:
    base = str(live_server)
    application = application_for(alice, company="Initech", role="QA Engineer")
    sign_in(page, base, alice)
    status = _open_board(page, base)

    _card(page, application).locator("[data-move-menu]").focus()
    page.keyboard.press("Enter")
    dialog = page.locator("#move-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Move QA Engineer at Initech")
    # Where it is now cannot be chosen; the focus starts on the first stage that can.
    expect(dialog.get_by_role("button", name="Applied")).to_be_disabled()
    expect(dialog.get_by_role("button", name="Wishlist")).to_be_focused()
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("button", name="Screening")).to_be_focused()
    page.keyboard.press("Enter")

    expect(dialog).to_be_hidden()
    expect(status).to_have_text("Moved QA Engineer at Initech to Screening.")
    card = _card(page, application)
    expect(_column(page, "screening").locator(card)).to_be_visible()
    expect(card.locator("[data-move-menu]")).to_be_focused()
    application.refresh_from_db()
    assert application.stage == "screening"
    assert _history(application)[-1] == ("screening", "board")


def test_drags_keep_the_content_security_policy(
    page: Page, live_server: object, alice: User, csp_violations: list[dict[str, str]]
) -> None:
    # SortableJS leaves an (empty) style attribute on the card it dropped, and htmx
    # settled the card swapped in by copying the old one's attributes, that one included:
    # an inline style set from script, refused by the CSP, on most drags.
    base = str(live_server)
    cards = [application_for(alice, company=f"Company {n}", role="Engineer") for n in range(4)]
    sign_in(page, base, alice)

    def over_a_network(route: Route) -> None:
        # A server further away than localhost: the answer comes after Sortable is done.
        time.sleep(0.3)
        route.continue_()

    page.route("**/move/", over_a_network)
    _open_board(page, base)
    for application in cards[:3]:
        _drag(page, _card(page, application), _column(page, "interviewing"))
        expect(_column(page, "interviewing").locator(_card(page, application))).to_be_visible()
        page.wait_for_timeout(400)  # the swap, and its settling (20 ms)
    _expect_count(page, "interviewing", 3)
    assert csp_violations == []


def test_a_refused_move_puts_the_card_back_and_says_why(
    page: Page, live_server: object, alice: User, refusals: Refusals
) -> None:
    base = str(live_server)
    before = application_for(alice, company="Globex", role="Data Analyst", days_ago=3)
    application = application_for(alice, company="Initech", role="QA Engineer", days_ago=5)
    after = application_for(alice, company="Umbrella", role="Technical Writer", days_ago=8)
    sign_in(page, base, alice)
    status = _open_board(page, base)
    applied = _column(page, "applied")
    order = [f"card-{a.pk}" for a in (before, application, after)]
    expect(applied.locator(".board-card")).to_have_count(3)
    assert applied.locator(".board-card").evaluate_all("cards => cards.map(c => c.id)") == order

    # Deleted in another tab, after this board was loaded: the server has nothing to move.
    Application.objects.filter(pk=application.pk).delete()
    refusals.expect(404, f"/applications/{application.pk}/move/")
    _drag(page, _card(page, application), _column(page, "interviewing"))

    expect(status).to_have_class("board-status is-error")
    expect(status).to_contain_text("The card is back where it was.")
    expect(applied.locator(_card(page, application))).to_be_visible()
    expect(_card(page, application)).not_to_have_attribute("aria-busy", "true")
    assert applied.locator(".board-card").evaluate_all("cards => cards.map(c => c.id)") == order
    expect(_column(page, "interviewing").locator(".board-card")).to_have_count(0)
    _expect_count(page, "applied", 3)
    # Why, in words: not the markup of the server's error page.
    said = status.inner_text()
    assert "<" not in said, f"the status line shows an error page's HTML: {said!r}"


def test_cancelling_the_rejection_dialog_puts_the_card_back(
    page: Page, live_server: object, alice: User
) -> None:
    base = str(live_server)
    application = application_for(alice, company="Initech", role="QA Engineer")
    sign_in(page, base, alice)
    status = _open_board(page, base)
    card, dialog = _card(page, application), page.locator("#reject-dialog")

    for how in ("the Cancel button", "Escape"):
        _drag(page, card, _column(page, "rejected"))
        expect(dialog).to_be_visible()
        expect(dialog.get_by_role("button", name="Save rejection")).to_be_visible()
        if how == "Escape":
            page.keyboard.press("Escape")
        else:
            dialog.get_by_role("button", name="Cancel").click()
        expect(dialog, how).to_be_hidden()
        expect(_column(page, "applied").locator(card), how).to_be_visible()
        expect(_column(page, "rejected").locator(".board-card"), how).to_have_count(0)
        expect(status, how).to_have_text("Not moved: the rejection was not recorded.")

    application.refresh_from_db()
    assert application.stage == "applied"
    assert _history(application) == [("applied", "web")]
    assert not Rejection.objects.filter(application=application).exists()
    assert not application.followups.exists()


def test_show_more_appends_the_next_cards_of_a_long_column(
    page: Page, live_server: object, alice: User
) -> None:
    base = str(live_server)
    demo_seed(owner=alice, count=80, with_people=False)
    counts = {s: alice.application_set.filter(stage=s).count() for s in Stage.values}
    stage = max(counts, key=lambda s: counts[s])
    total = counts[stage]
    assert total > BOARD_COLUMN_SIZE, "the seed should fill a column past its first page"
    sign_in(page, base, alice)
    _open_board(page, base)
    cards = _column(page, stage).locator(".board-card")
    expect(cards).to_have_count(BOARD_COLUMN_SIZE)

    more = page.locator(f"#more-{stage}").get_by_role("link")
    expect(more).to_have_text(f"Show {total - BOARD_COLUMN_SIZE} more")
    more.click()

    shown = min(total, 2 * BOARD_COLUMN_SIZE)
    expect(cards).to_have_count(shown)
    ids = cards.evaluate_all("cards => cards.map(c => Number(c.dataset.id))")
    assert len(set(ids)) == shown, "a card is shown twice"
    newest_first = alice.application_set.filter(stage=stage).order_by("-stage_changed_at", "-id")
    assert ids == list(newest_first.values_list("pk", flat=True)[:shown])
    if total > shown:
        expect(more).to_have_text(f"Show {total - shown} more")
    else:
        expect(page.locator(f"#more-{stage}").get_by_role("link")).to_have_count(0)


def test_the_bell_lists_the_latest_notifications(
    page: Page, live_server: object, alice: User
) -> None:
    base = str(live_server)
    titles = ["Follow up with Initech", "Reply to Globex", "Interview at Hooli tomorrow"]
    for title in titles:
        Notification.objects.create(
            user=alice,
            channel=Channel.IN_APP,
            title=title,
            link="/followups/",
            status=DeliveryStatus.DELIVERED,
        )
    sign_in(page, base, alice)
    page.goto(f"{base}/followups/")

    bell = page.get_by_role("button", name="Notifications, 3 unread")
    bell.click()
    menu = page.locator(".bell-menu.show")
    expect(menu).to_be_visible()
    items = menu.locator(".bell-item")
    expect(items).to_have_count(3)
    # Newest first, each marked unread.
    expect(items).to_contain_text(list(reversed(titles)))
    expect(menu.locator(".bell-item.is-unread")).to_have_count(3)

    menu.get_by_role("button", name="Mark all read").click()
    expect(page.get_by_role("button", name="Notifications, 0 unread")).to_be_visible()
    expect(menu.locator(".bell-item.is-unread")).to_have_count(0)
    assert not alice.notifications.filter(read_at__isnull=True).exists()


# --- The scripts of every page, the table and the follow-up cards ---------------------


def test_the_tables_header_box_ticks_the_page_and_counts_it(
    page: Page, live_server: object, alice: User
) -> None:
    base = str(live_server)
    for company in ("Initech", "Globex", "Hooli"):
        application_for(alice, company=company)
    sign_in(page, base, alice)
    page.goto(f"{base}/applications/")

    every = page.get_by_label("Tick every application on this page")
    expect(every).to_be_visible()
    every.check()
    count = page.locator("[data-bulk-count]")
    expect(count).to_have_text("3 ticked")
    page.locator("input[name='ids'][form='bulk-form']").first.uncheck()
    expect(count).to_have_text("2 ticked")
    assert every.evaluate("box => box.indeterminate") is True


def test_a_drafts_mail_link_and_copy_buttons_follow_the_edits(
    page: Page, live_server: object, alice: User
) -> None:
    base = str(live_server)
    application = rejected_late(alice)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    sign_in(page, base, alice)
    page.goto(f"{base}/applications/{application.pk}/")

    form = page.locator("form[data-followup-draft]").first
    form.locator("xpath=ancestor::details[1]").evaluate("details => { details.open = true; }")
    body = form.locator("textarea[name='body']")
    body.fill("Thank you, Dana.\nA second line.")
    link = form.locator("a[data-mailto]")
    expect(link).to_have_attribute(
        "href", re.compile(r"&body=Thank%20you%2C%20Dana\.%0D%0AA%20second%20line\.$")
    )
    copy = form.get_by_role("button", name="Copy message")
    expect(copy).to_be_visible()
    copy.click()
    expect(form.locator("[data-copy-status]")).to_have_text("Message copied")
    assert page.evaluate("() => navigator.clipboard.readText()") == (
        "Thank you, Dana.\nA second line."
    )


def test_a_refused_confirmation_leaves_the_draft_alone(
    page: Page, live_server: object, alice: User
) -> None:
    base = str(live_server)
    application = rejected_late(alice)
    followup = followups.followup_update_draft(
        followup=application.followups.get(kind="rejection_reply"),
        subject="Thank you",
        body="My own words.",
    )
    sign_in(page, base, alice)
    page.goto(f"{base}/applications/{application.pk}/")

    asked: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.get_by_role("button", name="Rebuild the draft").click()
    page.wait_for_timeout(300)
    assert asked == ["Replace your edited draft with one rebuilt from the current details?"]
    followup.refresh_from_db()
    assert followup.body == "My own words."


# --- Screenshots -------------------------------------------------------------------------

SCREENSHOTS = (
    "board.png",
    "table.png",
    "application.png",
    "insights.png",
    "followups.png",
    "board-phone.png",
)


def _shoot(page: Page, path: Path, *, max_height: int) -> int:
    """The page from its top, as wide as the window and at most max_height tall; returns
    how much wider than the window the page is (it should never scroll sideways)."""
    size = page.viewport_size
    assert size is not None
    height = page.evaluate("() => document.documentElement.scrollHeight")
    clip: FloatRect = {"x": 0, "y": 0, "width": size["width"], "height": min(height, max_height)}
    page.screenshot(path=path, full_page=True, clip=clip)
    return _scroll_width(page) - size["width"]


def _scroll_width(page: Page) -> int:
    return int(page.evaluate("() => document.documentElement.scrollWidth"))


def test_screenshots_of_the_dashboard(
    page: Page, live_server: object, alice: User, tmp_path: Path
) -> None:
    demo_seed(owner=alice, count=60)
    demo_followups(owner=alice)
    base = str(live_server)
    sign_in(page, base, alice)
    shots = Path(SHOT_DIR) if SHOT_DIR else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1440, "height": 900})
    # Charts drawn at once, not caught halfway through their animation.
    page.emulate_media(reduced_motion="reduce")
    sideways: dict[str, int] = {}

    _open_board(page, base)
    sideways["board.png"] = _shoot(page, shots / "board.png", max_height=1400)

    page.goto(f"{base}/applications/")
    sideways["table.png"] = _shoot(page, shots / "table.png", max_height=1400)

    # The application that went furthest without an end yet: the fullest page.
    interviewing = alice.application_set.filter(stage="interviewing").order_by("-id").first()
    assert interviewing is not None
    page.goto(f"{base}/applications/{interviewing.pk}/")
    page.wait_for_load_state("networkidle")
    sideways["application.png"] = _shoot(page, shots / "application.png", max_height=1600)

    page.goto(f"{base}/insights/")
    page.wait_for_load_state("networkidle")
    sideways["insights.png"] = _shoot(page, shots / "insights.png", max_height=2000)

    page.goto(f"{base}/followups/")
    sideways["followups.png"] = _shoot(page, shots / "followups.png", max_height=1400)

    page.set_viewport_size({"width": 390, "height": 844})
    _open_board(page, base)
    sideways["board-phone.png"] = _shoot(page, shots / "board-phone.png", max_height=1700)
    # The other pages on a phone: no pictures, but they too must fit its width.
    for path in ("/applications/", f"/applications/{interviewing.pk}/", "/followups/"):
        page.goto(f"{base}{path}")
        sideways[f"{path} on a phone"] = _scroll_width(page) - 390

    assert all((shots / name).stat().st_size > 10_000 for name in SCREENSHOTS)
    assert all(size <= 0 for size in sideways.values()), f"pages scroll sideways: {sideways}"


def test_the_api_docs_render_under_the_content_security_policy(
    page: Page, live_server: object, alice: User
) -> None:
    # The page fixture fails the test on any Content Security Policy violation.
    base = str(live_server)
    sign_in(page, base, alice)

    page.goto(f"{base}/api/docs/")

    page.get_by_text("/api/applications/{id}/reject/").first.wait_for()
    assert page.get_by_text("Rebound API").first.is_visible()
