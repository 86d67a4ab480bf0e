"""Every write to applications happens here. Views, admin, API and tasks call these.

One module an entity: applications (create, edit, delete, in bulk), stages (moving and
rejecting, with the history), contacts and interviews. Callers import from the package."""

from tracker.applications.history import furthest_stage_of
from tracker.applications.services.applications import (
    APPLICATION_EDITABLE_FIELDS,
    BULK_STAGES,
    application_create,
    application_delete,
    application_update,
    application_update_notes,
    applications_bulk_change_stage,
    applications_bulk_delete,
    company_get_or_create,
    company_update_details,
    validate_applied_on,
)
from tracker.applications.services.contacts import (
    CONTACT_EDITABLE_FIELDS,
    contact_create,
    contact_find_or_create,
    contact_find_same,
    contact_from_rejection,
    contact_link,
    contact_unlink,
    contact_update,
    contact_update_role,
)
from tracker.applications.services.feedback import feedback_create, feedback_update
from tracker.applications.services.interviews import (
    INTERVIEW_MOVES,
    interview_create,
    interview_delete,
    interviewers_find_or_add,
    interviews_move_stages,
)
from tracker.applications.services.stages import (
    application_change_stage,
    application_reject,
)

__all__ = [
    "APPLICATION_EDITABLE_FIELDS",
    "BULK_STAGES",
    "CONTACT_EDITABLE_FIELDS",
    "INTERVIEW_MOVES",
    "application_change_stage",
    "application_create",
    "application_delete",
    "application_reject",
    "application_update",
    "application_update_notes",
    "applications_bulk_change_stage",
    "applications_bulk_delete",
    "company_get_or_create",
    "company_update_details",
    "contact_create",
    "contact_find_or_create",
    "contact_find_same",
    "contact_from_rejection",
    "contact_link",
    "contact_unlink",
    "contact_update",
    "contact_update_role",
    "feedback_create",
    "feedback_update",
    "furthest_stage_of",
    "interview_create",
    "interview_delete",
    "interviewers_find_or_add",
    "interviews_move_stages",
    "validate_applied_on",
]
