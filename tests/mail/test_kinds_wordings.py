"""classify() on the ways each kind of mail is worded, one wording a line of kinds_wordings.txt:
the shapes companies use for a no in seven languages (someone else chosen, the post filled or
on hold, a no before going on, a profile that does not match), the job mail that says
"unfortunately" about a delay, and the other applications and family news that say it too."""

from pathlib import Path

import pytest

from tests.mail import corpus
from tracker.mail import MailContext, classify, parse_message

CONTEXT = MailContext(company_names=corpus.COMPANIES)
LINES = [
    line.split("|", 2)
    for line in (Path(__file__).parent / "kinds_wordings.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize(("kind", "sender", "text"), LINES, ids=[t[:60] for _, _, t in LINES])
def test_the_wording_reads_as_its_kind(kind, sender, text):
    raw = f"From: {sender}\nTo: {corpus.USER_EMAIL}\nSubject: Update\n\n{text}\n"
    assert classify(parse_message(raw.encode()), CONTEXT).kind.value == kind
