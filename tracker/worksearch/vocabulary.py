"""The work-search log's words, as enums the pure modules and the models share.

The log also reads the applications' own vocabularies (sources, stages, interview kinds)
by their stored values; a test keeps those equal to the models' choices, so a stage or
source added there fails a test until the log knows how to write it down.
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy


class ActivityKind(StrEnum):
    NETWORKING = "networking"
    JOB_FAIR = "job_fair"
    TRAINING = "training"
    RECRUITER_CALL = "recruiter_call"
    INFORMATIONAL_INTERVIEW = "informational_interview"
    OTHER = "other"


ACTIVITY_LABELS = {
    ActivityKind.NETWORKING: gettext_lazy("Networking"),
    ActivityKind.JOB_FAIR: gettext_lazy("Job fair"),
    ActivityKind.TRAINING: gettext_lazy("Training or course"),
    ActivityKind.RECRUITER_CALL: gettext_lazy("Call with a recruiter"),
    ActivityKind.INFORMATIONAL_INTERVIEW: gettext_lazy("Informational interview"),
    ActivityKind.OTHER: gettext_lazy("Other"),
}
ACTIVITY_CHOICES = [(kind.value, label) for kind, label in ACTIVITY_LABELS.items()]


class EntryKind(StrEnum):
    """What a line of the log records; an activity's line carries its ActivityKind."""

    APPLICATION = "application"
    INTERVIEW = "interview"
    FOLLOW_UP = "follow_up"


class Method(StrEnum):
    """How the user reached the employer."""

    ONLINE_FORM = "online_form"
    EMAIL = "email"
    IN_PERSON = "in_person"
    PHONE = "phone"
    AGENCY = "agency"
    JOB_BOARD = "job_board"
    OTHER = "other"


class Result(StrEnum):
    """What came of it, as far as Rebound knows today. Empty for an activity that
    expects no answer (a course, a fair)."""

    PENDING = "pending"
    INTERVIEW = "interview"
    REJECTED = "rejected"
    OFFER = "offer"
    NO_ANSWER = "no_answer"
    WITHDRAWN = "withdrawn"
    NONE = ""


class Layout(StrEnum):
    """The forms an agency accepts."""

    GENERAL = "general"
    UK = "uk"
    DE = "de"


LAYOUT_LABELS = {
    Layout.GENERAL: gettext_lazy("General (US-style work search record)"),
    Layout.UK: gettext_lazy("UK (Universal Credit journal)"),
    Layout.DE: gettext_lazy("Germany (Nachweis der Eigenbemühungen)"),
}
LAYOUT_CHOICES = [(layout.value, label) for layout, label in LAYOUT_LABELS.items()]
