"""The words the pure modules share with the models (SPEC.md section 1), as enums.

Channels and roles are spelled once, in the email reader's vocabulary (reader/vocabulary.py,
which the reader needs on its own); the rules and drafts read them from here. Neither
imports the ORM: a test keeps each set equal to the model's choices, so a channel or role
added to a model fails a test until the decisions know about it.
"""

from enum import StrEnum

from tracker.followups.reader import vocabulary as spelled


class Channel(StrEnum):
    """How a rejection arrived (Rejection.channel)."""

    AUTOMATED = spelled.AUTOMATED
    PERSONAL_EMAIL = spelled.PERSONAL_EMAIL
    PHONE = spelled.PHONE
    IN_PERSON = spelled.IN_PERSON
    UNKNOWN = spelled.UNKNOWN


class SenderRole(StrEnum):
    """Who sent it (Rejection.sender_role)."""

    RECRUITER = spelled.RECRUITER
    HR = spelled.HR
    HIRING_MANAGER = spelled.HIRING_MANAGER
    INTERVIEWER = spelled.INTERVIEWER
    UNKNOWN = spelled.UNKNOWN


class InterviewKind(StrEnum):
    """Which round an interview was (Interview.kind)."""

    PHONE_SCREEN = "phone_screen"
    TECHNICAL = "technical"
    ONSITE = "onsite"
    FINAL = "final"


# A person spoke or wrote: everything but the form letter (and "not sure", decided apart).
SPOKEN = frozenset({Channel.PHONE, Channel.IN_PERSON})
# People who place candidates across teams, so they can keep the user in mind for others.
PLACES_CANDIDATES = frozenset({SenderRole.RECRUITER, SenderRole.HR})
# Stages (Application.furthest_stage) that mean the user reached the interviews.
INTERVIEW_STAGES = frozenset({"interviewing", "offer", "accepted"})
# Rounds held over the phone: "speaking with you", never "meeting you".
CALLS = frozenset({InterviewKind.PHONE_SCREEN})
