"""When an invitation says to meet, and the letter a forward carries (its fingerprints)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tracker.mail import parse_message
from tracker.mail.letter import letter_key, letter_text, message_fingerprint
from tracker.mail.meeting import meeting_at

BERLIN = ZoneInfo("Europe/Berlin")
SENT = datetime(2026, 11, 2, 10, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Are you available on Tuesday 10 November at 2pm?", datetime(2026, 11, 10, 14)),
        ("Would Thursday 10 December at 11:00 work?", datetime(2026, 12, 10, 11)),
        (
            "Wir laden Sie am 16.11.2026 um 10:00 Uhr zu einem Gespräch ein.",
            datetime(2026, 11, 16, 10),
        ),
        ("Passt dir Donnerstag, der 12. November um 14 Uhr?", datetime(2026, 11, 12, 14)),
        ("un entretien le jeudi 12 novembre à 10h", datetime(2026, 11, 12, 10)),
        ("una entrevista el miércoles 11 de noviembre a las 16:00", datetime(2026, 11, 11, 16)),
        ("op dinsdag 10 november om 11.00 uur", datetime(2026, 11, 10, 11)),
        ("giovedì 12 novembre alle ore 15:00", datetime(2026, 11, 12, 15)),
        ("na quinta-feira, 12 de novembro, às 14h", datetime(2026, 11, 12, 14)),
        ("Hätten Sie am Montag, 14.12., um 9:30 Uhr Zeit?", datetime(2026, 12, 14, 9, 30)),
        # A date earlier in the year than the mail is next year's.
        ("Can you come in on 12 January at 10:00?", datetime(2027, 1, 12, 10)),
        ("We invite you on Wednesday 16 December at 14:30.", datetime(2026, 12, 16, 14, 30)),
    ],
)
def test_the_moment_an_invitation_names(text, expected):
    assert meeting_at(text, sent=SENT, zone=BERLIN) == expected.replace(tzinfo=BERLIN)


@pytest.mark.parametrize(
    "text",
    [
        "Please pick a time that suits you using the link below.",
        "We'd love to meet you next week.",
        "Are you free on Thursday?",  # a day without a time is not an appointment
    ],
)
def test_no_moment_without_a_date_and_a_time(text):
    assert meeting_at(text, sent=SENT, zone=BERLIN) is None


LETTER = """Dear Sam,

Thank you for applying. Regrettably, we have chosen to proceed with another applicant.

Massive Dynamic Talent Acquisition
"""


def _forward(note: str) -> bytes:
    return (
        "From: Sam Rivera <sam.rivera@gmail.com>\nTo: me@rebound.example\n"
        "Subject: Fwd: Your application\nMessage-ID: <fwd-1@mail.gmail.com>\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        f"{note}\n\n---------- Forwarded message ---------\n"
        "From: Massive Dynamic Jobs <jobs@massive-dynamic.com>\n"
        "Date: Fri, 20 Nov 2026 at 17:44\nSubject: Your application\n\n"
        # Forwarding re-wraps the lines: the letter is still the same letter.
        + LETTER.replace("another applicant.", "another\napplicant.")
    ).encode()


ORIGINAL = (
    "From: Massive Dynamic Jobs <jobs@massive-dynamic.com>\nTo: sam.rivera@gmail.com\n"
    "Subject: Your application\nMessage-ID: <abc@massive-dynamic.com>\n"
    "Content-Type: text/plain; charset=utf-8\n\n" + LETTER
).encode()


def test_a_forward_carries_the_letter_not_the_note():
    message = parse_message(_forward("FYI"))
    text = letter_text(message, user_emails=["sam.rivera@gmail.com"])
    assert "chosen to proceed with another" in text
    assert "FYI" not in text


def test_a_forward_of_a_letter_already_read_is_that_letter():
    original, forward = parse_message(ORIGINAL), parse_message(_forward("another one :("))
    mine = ["sam.rivera@gmail.com"]
    assert letter_key(original, user_emails=mine) == letter_key(forward, user_emails=mine)
    # Their Message-IDs differ: the letter is what says they are one.
    assert message_fingerprint(original) != message_fingerprint(forward, user_emails=mine)


def test_the_same_form_letter_about_another_application_is_another_letter():
    other = ORIGINAL.replace(b"Subject: Your application", b"Subject: Your application (2)")
    assert letter_key(parse_message(ORIGINAL)) != letter_key(parse_message(other))


def test_a_header_in_raw_utf8_reads_as_written():
    raw = (
        "From: Müller Logistik GmbH <noreply@personio.de>\nSubject: Ihre Bewerbung für München\n"
        "Content-Type: text/plain; charset=utf-8\n\nLeider nicht.\n"
    ).encode()
    message = parse_message(raw)
    assert message.from_name == "Müller Logistik GmbH"
    assert message.subject == "Ihre Bewerbung für München"
