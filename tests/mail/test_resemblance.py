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


def classified(monkeypatch, likeness: float, letter: str, subject: str = "Your application"):
    """How a letter from someone at the company is read when the model scores it so."""
    monkeypatch.setattr(resemblance, "score", lambda subject, letter: likeness)
    raw = f"From: Dana <dana@hooli.com>\nSubject: {subject}\n\n{letter}\n"
    return classify(parse_message(raw.encode()))


def test_a_no_the_model_finds_unlike_any_rejection_says_what_the_rules_read(monkeypatch):
    letter = "Unfortunately we will not move forward with your application."
    found = classified(monkeypatch, -5.0, letter, subject="Update")
    assert found.kind.value == "other_job_mail"
    assert any("Says no" in reason for reason in found.because)
    assert "reads unlike a rejection letter" in found.because[-1]


def test_job_mail_the_rules_leave_undecided_that_reads_like_a_no_is_queued_as_one(monkeypatch):
    letter = (
        "About the role: thanks for your patience while we finished talking with everyone "
        "on the team about this position and its timing; sadly we are still a small company "
        "and every hire takes a while."
    )
    found = classified(monkeypatch, 5.0, letter)
    assert found.kind.value == "rejection"
    assert "Reads like a rejection letter" in found.because[-1]


def test_a_line_or_two_is_too_short_for_the_model_to_add_a_rejection(monkeypatch):
    assert classified(monkeypatch, 5.0, "About the role.").kind.value == "other_job_mail"


def test_a_short_letter_that_never_says_no_is_not_made_a_rejection(monkeypatch):
    letter = (
        "I've found someone in our Munich office who can tell you more about the team; "
        "expect a note from her."
    )
    assert classified(monkeypatch, 5.0, letter).kind.value != "rejection"
