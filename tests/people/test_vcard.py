"""vCards of one person or all: RFC 6350 text escaping, lines folded at 75 octets without
splitting a character, CRLF endings, UTF-8; and alice's people only."""

import pytest
from django.test import Client
from django.urls import reverse

from tracker.accounts.models import User
from tracker.applications import services
from tracker.people.vcard import Card, vcard_card, vcard_escape


def _unfolded(text: str) -> list[str]:
    """The card's logical lines, as a reader unfolds them."""
    return text.replace("\r\n ", "").split("\r\n")


def test_text_is_escaped_as_the_rfc_says() -> None:
    assert vcard_escape("a\\b, c; d\ne\r\nf") == "a\\\\b\\, c\\; d\\ne\\nf"


def test_a_card_carries_who_they_are() -> None:
    card = vcard_card(
        Card(
            uid="rebound-contact-7",
            name="Dana Smith; PhD",
            email="dana@acme.example",
            company="Müller, Söhne & Co",
            title="Hiring manager",
            url="https://www.linkedin.com/in/dana,smith",
            note="Met at the onsite.\nSaid: apply again, in spring; really.",
        )
    )

    lines = _unfolded(card)
    assert lines[:3] == ["BEGIN:VCARD", "VERSION:4.0", "UID:rebound-contact-7"]
    assert "FN:Dana Smith\\; PhD" in lines
    assert "N:PhD;Dana Smith\\;;;;" in lines
    assert "EMAIL;TYPE=work:dana@acme.example" in lines
    assert "ORG:Müller\\, Söhne & Co" in lines
    assert "TITLE:Hiring manager" in lines
    assert "URL:https://www.linkedin.com/in/dana,smith" in lines
    assert "NOTE:Met at the onsite.\\nSaid: apply again\\, in spring\\; really." in lines
    assert lines[-2:] == ["END:VCARD", ""]
    assert card.endswith("\r\n")
    assert "\n" not in card.replace("\r\n", "")


def test_long_lines_fold_at_75_octets_never_inside_a_character() -> None:
    note = "Zoë Krüger, Łódź. " * 20
    card = vcard_card(Card(uid="u", name="Zoë", note=note))

    physical = card.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    # Each piece is whole UTF-8 (a split character would not decode).
    for line in physical:
        line.encode("utf-8").decode("utf-8")
    assert f"NOTE:{vcard_escape(note)}" in _unfolded(card)


@pytest.mark.django_db
def test_one_and_all_download_as_utf8_vcards(alice_client: Client, alice: User, bob: User) -> None:
    zoe = services.contact_create(
        owner=alice, name="Zoë Krüger", email="zoe@acme.example", role="recruiter"
    )
    services.contact_create(owner=alice, name="Lee Park", role="interviewer")
    services.contact_create(owner=bob, name="Bob's friend", role="other")

    one = alice_client.get(reverse("person_vcard", args=[zoe.pk]))
    every = alice_client.get(reverse("people_vcard"))

    assert one["Content-Type"] == "text/vcard; charset=utf-8"
    assert "attachment" in one["Content-Disposition"]
    text = one.content.decode("utf-8")
    assert text.count("BEGIN:VCARD") == 1
    assert "FN:Zoë Krüger" in text
    assert "TITLE:Recruiter" in text
    everyone = every.content.decode("utf-8")
    assert everyone.count("BEGIN:VCARD") == 2
    assert everyone.index("FN:Lee Park") < everyone.index("FN:Zoë Krüger")
    assert "Bob" not in everyone
