"""A letter passed on by a friend: the user's news when it was written to the user, the
friend's own when it was written to them (the same form letter, another candidate): their
news, not a step of the user's search, and not kept."""

from tracker.mail import MailContext, classify, parse_message

CONTEXT = MailContext(
    company_names=("Northwind",),
    user_emails=("robin.ash@example.org",),
    user_names=("Robin Ash",),
)


def _forward(*, greeting: str, to: str) -> bytes:
    return (
        "From: Kit Moreau <kit.moreau@example.net>\n"
        "To: Robin Ash <robin.ash@example.org>\n"
        "Subject: Fwd: Your application to Northwind\n\n"
        "Same letter as yours by the look of it. Drinks on Friday?\n\n"
        "---------- Forwarded message ---------\n"
        "From: Northwind Careers <careers@northwind.example>\n"
        "Date: Mon, 8 Mar 2027 at 09:12\n"
        "Subject: Your application to Northwind\n"
        f"To: <{to}>\n\n"
        f"{greeting},\n\n"
        "Thank you for applying for the Data Analyst position. After careful review we have "
        "decided not to move forward with your application.\n\n"
        "Northwind Recruiting\n"
    ).encode()


def test_a_friends_own_rejection_passed_on_is_not_the_users():
    result = classify(
        parse_message(_forward(greeting="Dear Kit", to="kit.moreau@example.net")), CONTEXT
    )
    assert result.kind.value == "not_job_mail"
    assert any("kit.moreau@example.net" in reason for reason in result.because)


def test_a_letter_to_the_user_that_reached_a_friends_address_is_the_users():
    raw = _forward(greeting="Dear Robin", to="kit.moreau@example.net")
    assert classify(parse_message(raw), CONTEXT).kind.value == "rejection"


def test_a_letter_to_a_friends_address_that_names_the_user_is_the_users():
    raw = _forward(greeting="Hi Kit", to="kit.moreau@example.net").replace(
        b"with your application", b"with Robin Ash's application"
    )
    assert classify(parse_message(raw), CONTEXT).kind.value == "rejection"


def test_a_forward_to_the_users_own_address_is_the_users():
    raw = _forward(greeting="Hello", to="robin.ash@example.org")
    assert classify(parse_message(raw), CONTEXT).kind.value == "rejection"


def test_without_the_users_addresses_nothing_is_set_aside():
    raw = _forward(greeting="Dear Kit", to="kit.moreau@example.net")
    context = MailContext(company_names=("Northwind",))
    assert classify(parse_message(raw), context).kind.value == "rejection"
