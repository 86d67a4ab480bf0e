"""The pure modules' vocabulary is the models' (issue 11: one home per domain rule)."""

from tracker.applications.models import InterviewKind, RejectionChannel, SenderRole, Stage
from tracker.followups import vocabulary
from tracker.followups.reader import vocabulary as spelled


def test_channels_are_the_models_channels() -> None:
    assert {c.value for c in vocabulary.Channel} == set(RejectionChannel.values)
    assert set(spelled.CHANNELS) == set(RejectionChannel.values)


def test_roles_are_the_models_roles() -> None:
    assert {r.value for r in vocabulary.SenderRole} == set(SenderRole.values)
    assert set(spelled.SENDER_ROLES) == set(SenderRole.values)


def test_interview_kinds_are_the_models_kinds() -> None:
    assert {k.value for k in vocabulary.InterviewKind} == set(InterviewKind.values)


def test_the_interview_stages_are_stages() -> None:
    assert set(Stage.values) >= vocabulary.INTERVIEW_STAGES
