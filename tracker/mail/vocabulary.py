"""How a rejection arrived and who sent it: the one spelling of these words.

The reader guesses them, the rules decide by them, and the models store them: the model
fields take their choices from here (`CHANNEL_CHOICES`, `SENDER_ROLE_CHOICES`), so a word
added here is a word the forms, the API and the rules all know.
"""

from enum import StrEnum
from typing import Final


class RejectionChannel(StrEnum):
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


CHANNEL_LABELS: Final[dict[RejectionChannel, str]] = {
    RejectionChannel.AUTOMATED: "Automated (form letter, no-reply address)",
    RejectionChannel.PERSONAL_EMAIL: "Personal email",
    RejectionChannel.PHONE: "Phone call",
    RejectionChannel.IN_PERSON: "In person",
    RejectionChannel.UNKNOWN: "I am not sure",
}
SENDER_ROLE_LABELS: Final[dict[SenderRole, str]] = {
    SenderRole.RECRUITER: "Recruiter",
    SenderRole.HR: "HR",
    SenderRole.HIRING_MANAGER: "Hiring manager",
    SenderRole.INTERVIEWER: "Interviewer",
    SenderRole.UNKNOWN: "Unknown",
}

# (value, label) pairs, in the order a form lists them.
CHANNEL_CHOICES: Final = [(c.value, CHANNEL_LABELS[c]) for c in RejectionChannel]
SENDER_ROLE_CHOICES: Final = [(r.value, SENDER_ROLE_LABELS[r]) for r in SenderRole]

CHANNELS: Final = tuple(c.value for c in RejectionChannel)
SENDER_ROLES: Final = tuple(r.value for r in SenderRole)
