"""Every write to follow-ups and their reminders happens here.

One module a job: proposals (the rules' proposals after a rejection, stored with their
drafts; the jobs that ask for them), drafts (what the user does with a follow-up),
reminders (sending the due ones), nudges (beyond rejection: nudges, ghost checks and
thank-yous), keeping (notes every two to three months, if wanted; the LinkedIn step) and
threads (what the inbox saw of a follow-up's thread: an answer, the user's sent copy).
Callers import from the package."""

from tracker.followups.services.drafts import (
    followup_mark_sent,
    followup_rebuild_draft,
    followup_skip,
    followup_snooze,
    followup_switch_language,
    followup_unskip,
    followup_update_draft,
    followups_stop_keeping_in_touch,
)
from tracker.followups.services.keeping import (
    LINKEDIN_WITHIN,
    followup_propose_next_touch,
    followups_propose_linkedin,
    followups_propose_linkedin_steps,
    followups_propose_next_touches,
    keeping_start,
    keeping_stop,
)
from tracker.followups.services.nudges import (
    followup_propose_thank_you,
    followups_propose_nudges,
)
from tracker.followups.services.proposals import (
    JOB_REDISPATCH_AFTER,
    MOOT_WHEN_MOVED,
    PROPOSAL_BATCH,
    PROPOSE_BATCH_TASK,
    PROPOSE_TASK,
    draft_catalogue,
    followup_store,
    followups_cancel,
    followups_on_stage_change,
    followups_propose_for_rejection,
    proposal_job_request,
    proposal_job_run,
    proposal_jobs_redispatch,
    proposal_jobs_request,
)
from tracker.followups.services.reminders import (
    REMINDER_BATCH,
    REMINDER_SLICE,
    REMINDERS_BATCH_TASK,
    REMINDERS_TASK,
    reminders_deliver,
    reminders_due,
    reminders_sweep,
)
from tracker.followups.services.threads import (
    followup_attach_answer,
    followup_detach_answer,
    followup_note_sent,
    followup_threads,
    followup_undo_sent,
    followups_note_sent_copies,
)

__all__ = [
    "JOB_REDISPATCH_AFTER",
    "LINKEDIN_WITHIN",
    "MOOT_WHEN_MOVED",
    "PROPOSAL_BATCH",
    "PROPOSE_BATCH_TASK",
    "PROPOSE_TASK",
    "REMINDERS_BATCH_TASK",
    "REMINDERS_TASK",
    "REMINDER_BATCH",
    "REMINDER_SLICE",
    "draft_catalogue",
    "followup_attach_answer",
    "followup_detach_answer",
    "followup_mark_sent",
    "followup_note_sent",
    "followup_propose_next_touch",
    "followup_propose_thank_you",
    "followup_rebuild_draft",
    "followup_skip",
    "followup_snooze",
    "followup_store",
    "followup_switch_language",
    "followup_threads",
    "followup_undo_sent",
    "followup_unskip",
    "followup_update_draft",
    "followups_cancel",
    "followups_note_sent_copies",
    "followups_on_stage_change",
    "followups_propose_for_rejection",
    "followups_propose_linkedin",
    "followups_propose_linkedin_steps",
    "followups_propose_next_touches",
    "followups_propose_nudges",
    "followups_stop_keeping_in_touch",
    "keeping_start",
    "keeping_stop",
    "proposal_job_request",
    "proposal_job_run",
    "proposal_jobs_redispatch",
    "proposal_jobs_request",
    "reminders_deliver",
    "reminders_due",
    "reminders_sweep",
]
