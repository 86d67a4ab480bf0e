"""Long things folded, in headless chromium: the pasted email and each draft behind a
summary line, the inbox's long lines wrapped, and a mailbox disconnected only once the
user said yes. The `page` fixture (conftest.py) fails on any CSP violation."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Dialog, Page, expect

from tests.browser.conftest import CHROMIUM, sign_in
from tests.factories import application_for, rejected_late
from tests.inbox.conftest import raw_mail
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import ChangeSource
from tracker.followups import services as followups
from tracker.inbox import services as inbox
from tracker.inbox.models import Mailbox, Via

SHOT_DIR = os.environ.get("SCREENSHOT_DIR")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]

PASTED = "\n".join(
    [
        "Dear Alice,",
        "",
        "Thank you for the time you spent with our team over the last weeks.",
        *[f"Paragraph {n}: a long explanation of our hiring process." for n in range(40)],
        "Kind regards,",
        "Dana Smith",
    ]
)


def _shoot(page: Page, name: str, tmp_path: Path) -> None:
    page.screenshot(path=str(Path(SHOT_DIR or tmp_path) / name), full_page=True)


def test_the_pasted_email_is_folded_behind_its_first_words(
    page: Page, live_server: object, alice: User, tmp_path: Path
) -> None:
    base = str(live_server)
    application = application_for(alice, company="Acme", role="Platform Engineer")
    applications.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_role="hiring_manager",
        sender_name="Dana Smith",
        sender_email="dana@acme.example",
        message=PASTED,
    )
    followups.proposal_job_run(job_id=application.proposal_jobs.get().pk)
    sign_in(page, base, alice)
    page.goto(f"{base}/applications/{application.pk}/")

    fold = page.locator("details.quoted-fold")
    expect(fold.locator("summary")).to_contain_text("Their message")
    expect(fold.locator("summary")).to_contain_text("Dear Alice, Thank you for the time")
    expect(page.get_by_text("Paragraph 39:")).to_be_hidden()
    _shoot(page, "application-folded-email.png", tmp_path)

    fold.locator("summary").click()
    expect(page.get_by_text("Paragraph 39:")).to_be_visible()


def test_the_followups_page_folds_every_draft(
    page: Page, live_server: object, alice: User, tmp_path: Path
) -> None:
    base = str(live_server)
    for company in ("Acme", "Globex", "Initech"):
        rejected_late(alice, company=company)
    sign_in(page, base, alice)
    page.goto(f"{base}/followups/")

    drafts = page.locator("details.followup-draft-toggle")
    expect(drafts).to_have_count(3)
    assert drafts.evaluate_all("all => all.filter((d) => d.open).length") == 0
    expect(page.locator("textarea[name='body']").first).to_be_hidden()
    _shoot(page, "followups-folded.png", tmp_path)

    drafts.first.locator("summary").click()
    expect(page.locator("textarea[name='body']").first).to_be_visible()


def test_the_inbox_wraps_long_lines_and_lists_by_the_messages_date(
    page: Page, live_server: object, alice: User, tmp_path: Path
) -> None:
    base = str(live_server)
    application_for(alice, company="Hooli", role="Senior Platform Engineer")
    now = timezone.now()
    unbroken = "https://hooli.example/track?" + "x" * 400
    # Read newest first, sent oldest first: the queue goes by when each was sent.
    for days, subject in ((2, "Sent second"), (9, "Sent first"), (1, "Sent last")):
        body = f"Hi Alice,\n\nWe decided not to move forward.\n{unbroken}\n\nDave Okafor\n"
        raw = raw_mail(subject=subject, body=body, date=now - timedelta(days=days))
        inbox.message_ingest(owner=alice, raw=raw, via=Via.FORWARD)
    sign_in(page, base, alice)
    page.goto(f"{base}/inbox/")

    items = page.locator("li.inbox-item")
    expect(items).to_have_count(3)
    subjects = items.locator("p.small").all_inner_texts()
    assert [s.split("“")[1].rstrip("”") for s in subjects] == [
        "Sent last",
        "Sent second",
        "Sent first",
    ]
    message = items.first.locator("details", has_text="The message")
    message.locator("summary").click()
    text = message.locator("pre.inbox-text")
    expect(text).to_be_visible()
    assert text.evaluate("pre => pre.scrollWidth <= pre.clientWidth"), "a long line is cut off"
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    _shoot(page, "inbox-wrapped.png", tmp_path)


def test_disconnecting_a_mailbox_asks_first(
    page: Page, live_server: object, alice: User, tmp_path: Path
) -> None:
    base = str(live_server)
    Mailbox.objects.create(
        owner=alice,
        host="imap.example",
        username="alice@example.com",
        password_encrypted="x",
        next_poll_at=timezone.now() + timedelta(hours=1),
    )
    sign_in(page, base, alice)
    page.goto(f"{base}/inbox/settings/")
    asked: list[str] = []

    def say_no(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", say_no)
    page.get_by_role("button", name="Disconnect and delete its messages").click()
    assert len(asked) == 1
    assert "Disconnect alice@example.com?" in asked[0]
    assert Mailbox.objects.filter(owner=alice).exists()

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Disconnect and delete its messages").click()
    expect(page.get_by_text("Mailbox disconnected")).to_be_visible()
    assert not Mailbox.objects.filter(owner=alice).exists()
