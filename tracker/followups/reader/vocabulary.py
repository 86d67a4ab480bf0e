"""The words a reading may use for how a rejection arrived and who sent it.

They equal the model's choices (RejectionChannel, SenderRole in tracker/applications/models.py);
a test keeps them equal, so this pure module never imports the models.
"""

from typing import Final

AUTOMATED: Final = "automated"
PERSONAL_EMAIL: Final = "personal_email"
PHONE: Final = "phone"
IN_PERSON: Final = "in_person"
UNKNOWN: Final = "unknown"
CHANNELS: Final = (AUTOMATED, PERSONAL_EMAIL, PHONE, IN_PERSON, UNKNOWN)

RECRUITER: Final = "recruiter"
HR: Final = "hr"
HIRING_MANAGER: Final = "hiring_manager"
INTERVIEWER: Final = "interviewer"
SENDER_ROLES: Final = (RECRUITER, HR, HIRING_MANAGER, INTERVIEWER, UNKNOWN)
