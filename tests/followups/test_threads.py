"""The thread matcher, pure: is this message the recipient's answer to that follow-up, or
the user's sent copy of it?"""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.followups.threads import (
    Incoming,
    SentCopy,
    Thread,
    answered_thread,
    message_id_key,
    sent_thread,
    subject_key,
)

PROPOSED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
REPLY = Thread(
    followup_id=1,
    recipient_name="Dave Okafor",
    recipient_email="dave.okafor@hooli.example",
    company_id=7,
    subjects=(
        "Re: Your application for Platform Engineer",
        "Your application for Platform Engineer",
    ),
    since=PROPOSED,
)
NAME_ONLY = Thread(
    followup_id=2,
    recipient_name="Dana Smith",
    recipient_email="",
    company_id=8,
    subjects=("Thank you for today",),
    since=PROPOSED,
)


def answer(**fields: object) -> Incoming:
    values: dict[str, object] = {
        "author_name": "Dave Okafor",
        "author_email": "Dave.Okafor@hooli.example",
        "subject": "Re: Your application for Platform Engineer",
        "written_at": PROPOSED + timedelta(days=1),
    }
    values.update(fields)
    return Incoming(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "subject",
    [
        "Re: Your application for Platform Engineer",
        "RE: AW: Your application for Platform Engineer",
        "Fwd: Re: Your application for Platform Engineer",
        "TR: RE: Your application for Platform Engineer",  # French
        "RV: Your application for Platform Engineer",  # Spanish
        "WG: Antw: Your application for Platform Engineer",  # German, Dutch
        "R: I: Your application for Platform Engineer",  # Italian
        "RES: ENC: Your application for Platform Engineer",  # Portuguese
        "RE[2]: Your application for   platform engineer",
        "[jobs] Re: Your application for Platform Engineer",
    ],
)
def test_reply_and_forward_markers_in_seven_languages_are_one_thread(subject: str) -> None:
    assert answered_thread(answer(subject=subject), [REPLY]) == REPLY


def test_it_works_by_the_message_id_whatever_the_subject() -> None:
    thread = replace(REPLY, message_ids=("<A1@mail.example>",))
    found = answered_thread(
        answer(subject="Advice", replies_to=("<x@y>", "<a1@MAIL.example>")), [thread]
    )
    assert found == thread


def test_someone_else_in_the_thread_is_no_answer() -> None:
    assert (
        answered_thread(answer(author_email="eve@hooli.example", author_name="Eve"), [REPLY])
        is None
    )


def test_another_subject_is_no_answer() -> None:
    assert answered_thread(answer(subject="Coffee next week?"), [REPLY]) is None


def test_a_name_decides_only_where_no_address_does() -> None:
    # The recipient's address unknown: the same name, within the company, is the person.
    found = answered_thread(
        answer(
            author_name="dana smith",
            author_email="dana@acme.example",
            subject="Re: Thank you for today",
        ),
        [NAME_ONLY],
    )
    assert found == NAME_ONLY
    # Known addresses that differ are two people, even of one name.
    assert answered_thread(answer(author_email="dave@elsewhere.example"), [REPLY]) is None


def test_what_was_written_before_the_follow_up_is_no_answer() -> None:
    # The letter it replies to, forwarded late, shares the subject.
    early = answer(
        subject="Fwd: Your application for Platform Engineer",
        written_at=PROPOSED - timedelta(days=1),
    )
    assert answered_thread(early, [REPLY]) is None


def test_the_first_thread_given_wins_among_equals() -> None:
    second = replace(REPLY, followup_id=9)
    assert answered_thread(answer(), [second, REPLY]) == second


def test_the_sent_copy_goes_to_the_recipient_on_the_subject() -> None:
    copy = SentCopy(
        to=("dave.okafor@HOOLI.example",), subject="Re: Your application for Platform Engineer"
    )
    assert sent_thread(copy, [NAME_ONLY, REPLY]) == REPLY
    assert sent_thread(SentCopy(to=("other@hooli.example",), subject=copy.subject), [REPLY]) is None
    assert sent_thread(SentCopy(to=copy.to, subject="Lunch"), [REPLY]) is None
    # No address to go by: a copy is never matched by a name alone.
    assert (
        sent_thread(SentCopy(to=("dana@acme.example",), subject="Thank you for today"), [NAME_ONLY])
        is None
    )


def test_an_empty_subject_matches_nothing() -> None:
    blank = replace(REPLY, subjects=("",))
    assert answered_thread(answer(subject="Re:"), [blank]) is None


MARKERS = st.sampled_from(
    ["Re:", "RE:", "AW:", "Fwd:", "FW:", "TR:", "RV:", "WG:", "Antw:", "R:", "I:", "RES:", "ENC:"]
)
WORDS = st.text(
    alphabet=st.characters(categories=("L", "N", "Zs"), exclude_characters="\x85"),
    min_size=1,
    max_size=40,
).filter(lambda s: subject_key(s) == " ".join(s.split()).casefold() and s.strip())


@given(st.lists(MARKERS, max_size=4), WORDS)
def test_markers_in_front_never_change_the_thread(markers: list[str], subject: str) -> None:
    assert subject_key(" ".join([*markers, subject])) == subject_key(subject)


@given(st.lists(MARKERS, max_size=3), WORDS, st.emails())
def test_only_the_recipient_answers(markers: list[str], subject: str, email: str) -> None:
    thread = Thread(
        followup_id=1,
        recipient_name="Dave Okafor",
        recipient_email="dave.okafor@hooli.example",
        company_id=1,
        subjects=(subject,),
    )
    incoming = Incoming(
        author_name="Dave Okafor", author_email=email, subject=" ".join([*markers, subject])
    )
    found = answered_thread(incoming, [thread])
    assert (found is not None) == (email.strip().lower() == "dave.okafor@hooli.example")


@given(st.text(max_size=60))
def test_a_message_id_key_is_stable(value: str) -> None:
    assert message_id_key(message_id_key(value)) == message_id_key(value)
    assert message_id_key(f"<{value.strip()}>") == message_id_key(value)
