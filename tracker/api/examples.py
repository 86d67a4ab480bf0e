"""What the schema shows beyond the serializers: the dashboard's filters as query
parameters, the exports' CSV response, and example requests (schemathesis sends these
too, so they must stay valid)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse

from tracker.applications.models import Source, Stage

APPLICATION_FILTERS = [
    OpenApiParameter("stage", enum=Stage.values, description="Current stage."),
    OpenApiParameter("source", enum=Source.values),
    OpenApiParameter(
        "q",
        description="Words each found in the company, role, location, notes, the posting or "
        "a contact's name; accents and case do not matter.",
    ),
    OpenApiParameter("search", description="The same as `q`, where `q` is not given."),
    OpenApiParameter("applied_from", OpenApiTypes.DATE, description="Applied on or after."),
    OpenApiParameter("applied_to", OpenApiTypes.DATE, description="Applied on or before."),
    OpenApiParameter(
        "followup_due",
        OpenApiTypes.BOOL,
        description="Only applications with an open follow-up due by the end of today.",
    ),
]
NEW_APPLICATION = OpenApiExample(
    "A new application",
    request_only=True,
    value={
        "company": "Acme",
        "role": "Backend Engineer",
        "url": "https://acme.example/jobs/42",
        "location": "Remote",
        "source": "referral",
        "applied_on": "2025-06-02",
    },
)
BACKDATED_STAGE = OpenApiExample(
    "Moved to interviewing on Monday",
    request_only=True,
    value={"stage": "interviewing", "stage_changed_at": "2025-06-09T10:00:00+02:00"},
)
REJECTION = OpenApiExample(
    "A personal email from the hiring manager",
    request_only=True,
    value={
        "channel": "personal_email",
        "sender_role": "hiring_manager",
        "sender_name": "Dana Smith",
        "sender_email": "dana@acme.example",
        "received_at": "2025-06-16T09:30:00+02:00",
        "message": "Thank you for meeting the team…",
    },
)
REJECTION_PARSE = OpenApiExample(
    "A pasted reply from a hiring manager",
    request_only=True,
    value={
        "message": "Hi Sam,\n\nThank you for meeting the team. We have decided to go with "
        "another candidate.\n\nBest,\nDana Smith\nEngineering Manager",
        "application": 1,
    },
)
SNOOZE = OpenApiExample(
    "Remind me on Monday morning",
    value={"until": "2030-01-07T09:00:00+01:00"},
    request_only=True,
)
# A username no account can have (sign-up refuses spaces): a client or fuzzer that sends
# the example as it stands locks nobody out.
LOG_IN = OpenApiExample(
    "Log in",
    value={"username": "your username", "password": "your password"},
    request_only=True,
)
CSV_FILE = {
    (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="UTF-8, with a header row.")
}
VCARD_FILE = {
    (200, "text/vcard"): OpenApiResponse(
        OpenApiTypes.STR, description="vCard 4.0 (RFC 6350), UTF-8, lines ending in CRLF."
    )
}
INTERVIEW = OpenApiExample(
    "An onsite with two people, one of them already a contact",
    request_only=True,
    value={
        "kind": "onsite",
        "at": "2025-06-12T14:00:00+02:00",
        "interviewers": [1, "Lee Park"],
        "notes": "Met the platform team; whiteboard session on caching.",
    },
)
NEW_CONTACT = OpenApiExample(
    "The hiring manager you met",
    request_only=True,
    value={
        "name": "Dana Smith",
        "email": "dana@acme.example",
        "company": "Acme",
        "role": "hiring_manager",
        "notes": "Met at the onsite; runs the platform team.",
    },
)
CONTACT_LINKEDIN = OpenApiExample(
    "Their LinkedIn profile",
    request_only=True,
    value={"linkedin_url": "https://www.linkedin.com/in/dana-smith-example"},
)
