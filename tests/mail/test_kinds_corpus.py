"""The reader on the mail corpus: what kind each mail is and, for rejections, who sent it.

Prints the figures (pytest -s, or on failure); the development part must meet the goals,
the held-out part is reported as the honest estimate.
"""

from zoneinfo import ZoneInfo

import pytest

from tests.mail import corpus
from tracker.mail import MailContext, classify, parse_message, read_rejection

ZONE = ZoneInfo("Europe/Berlin")
CONTEXT = MailContext(company_names=corpus.COMPANIES)


def kind_of(mail: corpus.Mail) -> str:
    return classify(parse_message(mail.raw), CONTEXT).kind.value


def sender_of(mail: corpus.Mail) -> dict[str, str]:
    reading = read_rejection(
        mail.raw, zone=ZONE, user_emails=[corpus.USER_EMAIL], user_names=[corpus.USER_NAME]
    )
    return {
        "channel": reading.channel,
        "role": reading.sender_role,
        "name": reading.sender_name,
        "email": reading.sender_email,
    }


def test_the_corpus_is_large_and_covers_every_kind_and_language():
    mails = corpus.load()
    assert len(mails) >= 180
    assert len({m.id for m in mails}) == len(mails)
    assert {m.lang for m in mails} == {"en", "de", "fr", "es", "nl", "it", "pt"}
    assert {m.kind for m in mails} == {
        "rejection",
        "interview_invitation",
        "offer",
        "application_received",
        "other_job_mail",
        "not_job_mail",
    }
    for mail in mails:
        if mail.kind == "rejection":
            assert set(mail.sender) == {"channel", "role", "name", "email"}, mail.id


@pytest.mark.parametrize(
    "part",
    [
        "development",
        "heldout",
        "heldout/fourth",
        "heldout/fifth",
        "heldout/sixth",
        "heldout/seventh",
        "heldout/eighth",
        "heldout/ninth",
        "heldout/tenth",
    ],
)
def test_figures(part, capsys):
    mails = corpus.load(heldout=part != "development")
    if "/" in part:
        mails = [m for m in mails if m.part == part.split("/")[1]]
    if not mails:
        pytest.skip("no held-out mail yet")
    figures = corpus.score(mails, kind_of, sender_of)
    with capsys.disabled():
        print("\n" + "\n".join(figures.lines(f"Mail corpus, {part} part")))
        for miss in figures.misses:
            print("   miss:", miss)
