"""A raw message is cut to what the parser may see before it is parsed: a hostile header,
a flood of parts or a deep nest costs milliseconds, and real mail reads as before."""

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.mail import parse_message
from tracker.mail.guard import (
    MAX_HEADER_BLOCK_BYTES,
    MAX_HEADER_BYTES,
    MAX_PARTS,
    guard_raw,
)

HEAD = (
    "From: Dave Okafor <dave@hooli.example>\nTo: alice@example.com\n"
    "Subject: Senior Platform Engineer\nDate: Tue, 01 Dec 2026 09:00:00 +0000\n"
    "Message-ID: <m1@hooli.example>\nMIME-Version: 1.0\n"
)
REJECTION = "Hi Alice,\n\nUnfortunately we have decided not to move forward.\n\nDave\n"


# Seconds, on a shared machine; the same mail took 1 to 18 s before the guard.
BUDGET = 0.5


def encoded_words(size: int) -> str:
    """One header of RFC 2047 words, folded: what made the standard parser quadratic."""
    word = "=?utf-8?q?a=C3=A9b?= "
    return "\n ".join(word * 4 for _ in range(size // (len(word) * 4)))


def timed(raw: bytes) -> float:
    """The best of three: what the parse costs, not what a busy machine added."""
    costs = []
    for _ in range(3):
        started = time.perf_counter()
        parse_message(raw)
        costs.append(time.perf_counter() - started)
    return min(costs)


def test_a_200_kb_header_of_encoded_words_reads_in_milliseconds() -> None:
    for name in ("Subject", "From", "To", "Cc", "Message-ID", "Content-Type"):
        head = "".join(h + "\n" for h in HEAD.splitlines() if not h.startswith(f"{name}:"))
        raw = f"{head}{name}: {encoded_words(200_000)}\n\n{REJECTION}".encode()
        assert len(raw) > 200_000
        assert timed(raw) < BUDGET, name


def test_every_header_and_every_block_is_cut_before_the_parse() -> None:
    raw = (
        f"{HEAD}Subject: {'x' * 50_000}\n"
        + "".join(f"X-Filler-{i}: {'y' * 900}\n" for i in range(150))
        + f"\n{REJECTION}"
    ).encode()
    guarded = guard_raw(raw)
    head = guarded.split(b"\n\n", 1)[0]
    headers = head.split(b"\n")
    assert max(len(h) for h in headers) <= MAX_HEADER_BYTES
    assert len(head) <= MAX_HEADER_BLOCK_BYTES + 8 * MAX_HEADER_BYTES
    message = parse_message(raw)
    assert message.from_email == "dave@hooli.example"
    assert message.message_id == "<m1@hooli.example>"
    assert "decided not to move forward" in message.body


def test_the_headers_of_an_attached_message_are_cut_too() -> None:
    raw = (
        HEAD + 'Content-Type: multipart/mixed; boundary="b"\n\n--b\n'
        "Content-Type: message/rfc822\n\n"
        f"From: Someone <s@hooli.example>\nSubject: {encoded_words(200_000)}\n\n{REJECTION}"
        "\n--b--\n"
    ).encode()
    assert max(len(line) for line in guard_raw(raw).split(b"\n\n")[2].split(b"\n")) <= (
        MAX_HEADER_BYTES
    )
    assert timed(raw) < BUDGET


def test_fifty_thousand_parts_are_cut_to_the_first_few() -> None:
    part = "--b\nContent-Type: text/plain\n\nx\n"
    raw = (
        HEAD
        + 'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\n'
        + REJECTION
        + part * 50_000
        + "--b--\n"
    ).encode()
    assert guard_raw(raw).count(b"\n--b\n") <= MAX_PARTS
    assert timed(raw) < BUDGET
    assert "decided not to move forward" in parse_message(raw).body


def test_a_deep_nest_is_cut_at_its_limit_and_its_start_still_read() -> None:
    body = ""
    for level in range(5_000):
        body += f'Content-Type: multipart/mixed; boundary="n{level}"\n\n--n{level}\n'
    raw = (HEAD + body + "Content-Type: text/plain\n\n" + REJECTION).encode()
    assert timed(raw) < BUDGET
    shallow = HEAD + 'Content-Type: multipart/mixed; boundary="n0"\n\n--n0\n'
    raw = (shallow + "Content-Type: text/plain\n\n" + REJECTION + "\n--n0--\n").encode()
    assert "decided not to move forward" in parse_message(raw).body


def test_ordinary_mail_passes_unchanged() -> None:
    raw = (
        HEAD + 'Content-Type: multipart/alternative; boundary="alt"\n\n--alt\n'
        "Content-Type: text/plain; charset=utf-8\n\n" + REJECTION + "\n--alt\n"
        "Content-Type: text/html; charset=utf-8\n\n<p>Hi</p>\n--alt--\n"
    ).encode()
    assert guard_raw(raw) == raw


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=5_000))
def test_whatever_the_bytes_the_guard_only_cuts(data: bytes) -> None:
    guarded = guard_raw(data)
    assert len(guarded) <= len(data)
