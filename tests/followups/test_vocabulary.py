"""The pure modules' words for an interview's round and the stages are the models' own."""

from tracker.applications.models import InterviewKind, Stage
from tracker.followups import vocabulary


def test_interview_kinds_are_the_models_kinds() -> None:
    assert {k.value for k in vocabulary.InterviewKind} == set(InterviewKind.values)


def test_the_interview_stages_are_stages() -> None:
    assert set(Stage.values) >= vocabulary.INTERVIEW_STAGES
