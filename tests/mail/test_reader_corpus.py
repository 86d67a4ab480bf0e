"""The reader against a corpus of rejection emails written for these tests (never real ones).

One file per email in corpus/, the expected reading in corpus/expected.json. The accuracy
goals: channel >= 90%, the role of personal senders >= 80%, name >= 90%,
address >= 95%.
"""

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tracker.mail import KnownContact, Reading, read_rejection

CORPUS = Path(__file__).parent / "corpus"
EXPECTED: dict[str, dict] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
ZONE = ZoneInfo("America/New_York")


def read_case(name: str) -> Reading:
    case = EXPECTED[name]
    return read_rejection(
        (CORPUS / name).read_bytes(),
        zone=ZONE,
        user_emails=case.get("user_emails", ["sam.rivera@gmail.com"]),
        user_names=case.get("user_names", ["Sam Rivera"]),
        contacts=[KnownContact(**c) for c in case.get("contacts", [])],
        company_names=case.get("company_names", ()),
    )


def test_the_corpus_is_large_and_varied():
    assert len(EXPECTED) >= 60
    channels = {case["channel"] for case in EXPECTED.values()}
    assert {"automated", "personal_email", "unknown"} <= channels
    assert all((CORPUS / name).exists() for name in EXPECTED)


def test_accuracy_on_the_corpus(capsys):
    hits = {"channel": 0, "role": 0, "name": 0, "email": 0}
    personal = 0
    misses = []
    for name, case in sorted(EXPECTED.items()):
        reading = read_case(name)
        got = {
            "channel": reading.channel,
            "role": reading.sender_role,
            "name": reading.sender_name,
            "email": reading.sender_email,
        }
        for field in ("channel", "name", "email"):
            if got[field] == case[field]:
                hits[field] += 1
            else:
                misses.append(f"{name}: {field} {got[field]!r} != {case[field]!r}")
        if case["channel"] == "personal_email":
            personal += 1
            if got["role"] == case["role"]:
                hits["role"] += 1
            else:
                misses.append(f"{name}: role {got['role']!r} != {case['role']!r}")
    total = len(EXPECTED)
    figures = {
        "channel": hits["channel"] / total,
        "role": hits["role"] / personal,
        "name": hits["name"] / total,
        "email": hits["email"] / total,
    }
    with capsys.disabled():
        print(f"\nreader accuracy on {total} emails ({personal} personal):")
        for field, value in figures.items():
            print(f"  {field:8} {value:6.1%}")
        for miss in misses:
            print("  miss:", miss)
    assert figures["channel"] >= 0.90
    assert figures["role"] >= 0.80
    assert figures["name"] >= 0.90
    assert figures["email"] >= 0.95


@pytest.mark.parametrize("name", sorted(n for n, c in EXPECTED.items() if "received" in c))
def test_received_at_is_the_time_the_sender_sent_it(name):
    expected = datetime.fromisoformat(EXPECTED[name]["received"])
    reading = read_case(name)
    assert reading.received_at == expected
    assert reading.received_at is not None
    assert reading.received_at.tzinfo is not None
