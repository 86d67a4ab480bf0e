"""The resemblance model as shipped: trained on the corpus as it is, finite on any text."""

import math

from hypothesis import given
from hypothesis import strategies as st

from tests.mail import train_resemblance
from tracker.mail import parse_message, resemblance
from tracker.mail.classify import classify


def test_the_shipped_model_was_trained_on_this_corpus():
    # Retrain after changing the corpus: python -m tests.mail.train_resemblance
    trained_on = resemblance._model()["trained_on"]
    assert trained_on == train_resemblance.fingerprint(train_resemblance.examples())


@given(st.text(max_size=300), st.text(max_size=2000))
def test_a_score_is_a_finite_number_for_any_text(subject, letter):
    assert math.isfinite(resemblance.score(subject, letter))


def test_a_longer_letter_does_not_score_by_its_length():
    said = "We have decided to move forward with another candidate. "
    assert abs(resemblance.score("", said * 20) - resemblance.score("", said)) < 1.0


def test_a_no_the_model_finds_unlike_any_rejection_says_what_the_rules_read(monkeypatch):
    monkeypatch.setattr(resemblance, "score", lambda subject, letter: -5.0)
    raw = (
        b"From: Dana <dana@hooli.com>\nSubject: Update\n\n"
        b"Unfortunately we will not move forward with your application.\n"
    )
    found = classify(parse_message(raw))
    assert found.kind.value == "other_job_mail"
    assert any("Says no" in reason for reason in found.because)
    assert "reads unlike a rejection letter" in found.because[-1]


def test_job_mail_the_rules_leave_undecided_that_reads_like_a_no_is_queued_as_one(monkeypatch):
    monkeypatch.setattr(resemblance, "score", lambda subject, letter: 5.0)
    raw = (
        b"From: Dana <dana@hooli.com>\nSubject: Your application\n\n"
        b"About the role: thanks for your patience while we finished talking with everyone "
        b"on the team about this position and its timing; sadly we are still a small company "
        b"and every hire takes a while.\n"
    )
    found = classify(parse_message(raw))
    assert found.kind.value == "rejection"
    assert "Reads like a rejection letter" in found.because[-1]


def test_a_line_or_two_is_too_short_for_the_model_to_add_a_rejection(monkeypatch):
    monkeypatch.setattr(resemblance, "score", lambda subject, letter: 5.0)
    raw = b"From: Dana <dana@hooli.com>\nSubject: Your application\n\nAbout the role.\n"
    assert classify(parse_message(raw)).kind.value == "other_job_mail"


def test_a_short_letter_that_never_says_no_is_not_made_a_rejection(monkeypatch):
    monkeypatch.setattr(resemblance, "score", lambda subject, letter: 5.0)
    raw = (
        b"From: Dana <dana@hooli.com>\nSubject: Your application\n\n"
        b"I've found someone in our Munich office who can tell you more about the team; "
        b"expect a note from her.\n"
    )
    assert classify(parse_message(raw)).kind.value != "rejection"
