"""The words the pure decision modules share with the models, as enums.

How a rejection arrived and who sent it are spelled once, in the mail room
(tracker/mail/vocabulary.py), where the models take their choices from too. The rounds of
an interview and the stages are the models' own; a test keeps these sets equal to the
models' choices, so that the pure modules never import the ORM.
"""

from enum import StrEnum

from tracker.mail.vocabulary import RejectionChannel, SenderRole


class InterviewKind(StrEnum):
    """Which round an interview was (Interview.kind)."""

    PHONE_SCREEN = "phone_screen"
    TECHNICAL = "technical"
    ONSITE = "onsite"
    FINAL = "final"


# A person spoke or wrote: everything but the form letter (and "not sure", decided apart).
SPOKEN = frozenset({RejectionChannel.PHONE, RejectionChannel.IN_PERSON})
# People who place candidates across teams, so they can keep the user in mind for others.
PLACES_CANDIDATES = frozenset({SenderRole.RECRUITER, SenderRole.HR})
# Stages (Application.furthest_stage) that mean the user reached the interviews.
INTERVIEW_STAGES = frozenset({"interviewing", "offer", "accepted"})
# Rounds held over the phone: "speaking with you", never "meeting you".
CALLS = frozenset({InterviewKind.PHONE_SCREEN})
