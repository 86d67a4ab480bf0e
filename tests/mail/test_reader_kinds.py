"""classify(): what kind of mail a message is, on both written corpora: every rejection of
corpus/ is a rejection, and the job mails and other mails of kinds/ are what they are."""

import json
from pathlib import Path

import pytest

from tracker.mail import MailKind, classify, parse_message

HERE = Path(__file__).parent
REJECTIONS = sorted(json.loads((HERE / "corpus" / "expected.json").read_text(encoding="utf-8")))
KINDS: dict[str, str] = json.loads((HERE / "kinds" / "expected.json").read_text(encoding="utf-8"))


def kind_of(path: Path) -> MailKind:
    return classify(parse_message(path.read_bytes())).kind


def test_every_rejection_of_the_corpus_is_a_rejection():
    missed = [
        name for name in REJECTIONS if kind_of(HERE / "corpus" / name) is not MailKind.REJECTION
    ]
    assert missed == []


@pytest.mark.parametrize("name", sorted(KINDS))
def test_other_mail_is_told_apart(name):
    assert kind_of(HERE / "kinds" / name) == KINDS[name]


def test_every_kind_is_covered():
    assert set(KINDS.values()) == {k.value for k in MailKind} - {MailKind.REJECTION.value}
