"""Paste the rejection: a guess the user confirms, from the email's own words."""

import pytest

from tracker.followups.paste import guess_from_message

WORKDAY = """From: Acme Careers <no-reply@acme.myworkdayjobs.com>
Subject: Your application

Dear Alex,

Thank you for your interest in Acme. Due to the high volume of applications we received,
we will not be moving forward with your application. We will keep your resume on file.

The Acme Talent Team
"""

PERSONAL = """Hi Alex,

Thank you for the time you spent with us over the last few weeks. The team enjoyed our
conversation in the technical interview, but we have decided to go with another candidate
whose experience is closer to what we need right now.

I would be happy to stay in touch.

Best,
Dana Smith
Engineering Manager, Acme
"""


def test_a_no_reply_address_with_stock_phrases_is_a_form_letter() -> None:
    guess = guess_from_message(WORKDAY)

    assert guess.channel == "automated"
    assert guess.sender_name == ""
    assert "no-reply@acme.myworkdayjobs.com" in guess.because


def test_stock_phrases_alone_read_as_a_form_letter() -> None:
    guess = guess_from_message(
        "Unfortunately, due to the high volume of applications, we cannot proceed.\n\nRegards,\nHR"
    )

    assert guess.channel == "automated"


def test_a_signed_note_about_the_interview_is_personal_with_the_role_from_the_signature() -> None:
    guess = guess_from_message(PERSONAL)

    assert guess.channel == "personal_email"
    assert guess.sender_name == "Dana Smith"
    assert guess.sender_role == "hiring_manager"
    assert "Dana Smith" in guess.because


def test_the_role_comes_from_the_contacts_when_the_signature_has_none() -> None:
    message = (
        "Hi Alex,\n\nThanks for meeting you last week; we went another way.\n\nCheers,\nLee Park\n"
    )

    guess = guess_from_message(message, known_roles={"lee park": "recruiter"})

    assert (guess.sender_name, guess.sender_role) == ("Lee Park", "recruiter")
    assert "contacts" in guess.because


def test_the_from_line_gives_name_and_address() -> None:
    message = "From: Sam Lee <sam.lee@globex.com>\n\nSorry, we filled the role.\n"

    guess = guess_from_message(message)

    assert guess == guess_from_message(message)
    assert (guess.channel, guess.sender_name, guess.sender_email) == (
        "personal_email",
        "Sam Lee",
        "sam.lee@globex.com",
    )


@pytest.mark.parametrize("message", ["", "   ", "no.", "We went another way."])
def test_too_little_to_go_on_guesses_nothing(message: str) -> None:
    guess = guess_from_message(message)

    assert (guess.channel, guess.sender_name, guess.sender_role) == ("unknown", "", "unknown")
    assert guess.because
