"""The words the pure modules share with the models, spelled once (SPEC.md section 1).

The rules, the drafts and the email reader decide from these values without importing
the ORM; a test keeps each set equal to the model's choices, so a new channel or role
added to a model fails a test until the decisions know about it.
"""

from enum import StrEnum


class Channel(StrEnum):
    """How a rejection arrived (Rejection.channel)."""

    AUTOMATED = "automated"
    PERSONAL_EMAIL = "personal_email"
    PHONE = "phone"
    IN_PERSON = "in_person"
    UNKNOWN = "unknown"


class SenderRole(StrEnum):
    """Who sent it (Rejection.sender_role)."""

    RECRUITER = "recruiter"
    HR = "hr"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"
    UNKNOWN = "unknown"


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
