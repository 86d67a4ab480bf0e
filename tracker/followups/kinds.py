"""What a follow-up is and what its draft is made of: its kind, the building blocks of its
words, and how it puts the line about future openings. The rules choose them, the drafts
word them, and the models store them."""

from enum import StrEnum


class Kind(StrEnum):
    """What a follow-up is for; NONE is the rules' answer when nothing is worth sending."""

    NONE = "none"
    REJECTION_REPLY = "rejection_reply"
    KEEP_IN_TOUCH = "keep_in_touch"
    APPLICATION_NUDGE = "application_nudge"
    INTERVIEW_THANK_YOU = "interview_thank_you"
    GHOST_CHECK = "ghost_check"
    # A reminder to connect on LinkedIn with someone the user met, with a short note.
    LINKEDIN = "linkedin"


class Element(StrEnum):
    """The building blocks of a draft, in the order a draft uses them."""

    THANKS = "thanks"
    DISAPPOINTMENT = "disappointment"
    HIGHLIGHT = "highlight"
    FEEDBACK_REQUEST = "feedback_request"
    FUTURE_OPENINGS = "future_openings"


class Door(StrEnum):
    """How the future-openings line is put: glad where the email itself opened the door,
    else asked for in the way that suits who wrote."""

    # The email opened the door: acknowledge it gladly instead of asking.
    PLANS = "plans"  # a team or a time they will hire again
    INVITED = "invited"  # an invitation to apply again
    KEPT_IN_MIND = "kept_in_mind"  # they will keep the user in mind
    ON_FILE = "on_file"  # they keep the user's details on file
    STAY_IN_TOUCH = "stay_in_touch"  # they would like to stay in touch
    # Nothing said: a decision maker hears the user would like to be considered again...
    CONSIDER_AGAIN = "consider_again"
    # ...and a recruiter or HR person, who places people across teams, is asked to keep
    # the user in mind for other roles.
    OTHER_ROLES = "other_roles"


class Topic(StrEnum):
    """What a keep-in-touch note after the first two is about: something real each time,
    and not what the note before it was about."""

    MET = "met"  # when and where they met
    PLANS = "plans"  # the hiring plans the reader named
    SAID = "said"  # what the reader said (kind words, an event they mentioned)
    ROLE = "role"  # the role itself, and how it turned out
