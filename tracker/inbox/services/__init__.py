"""Every write of the inbox: settings, polls, what a message becomes, the user's decisions.

A message becomes at most one review item per user (its Message-ID, else a hash of its
content, is unique per user), whichever way it came. Nothing outside the inbox changes
until the user confirms an item; a confirmed rejection takes the ordinary path
(`application_reject`, source "inbox").

One module a job: settings (the forwarding address, the mailbox, retention), intake (mail
kept as it came, and what a message becomes), reading (the kept mail read on the bulk
queue), polling (reading a mailbox) and review (the user's decisions). Callers
import from the package."""

from django.core.exceptions import ValidationError

from tracker.inbox.services.intake import (
    QUEUED_KINDS,
    READ_TASK,
    IngestContext,
    inbound_store,
    ingest_context,
    items_announce,
    message_ingest,
    message_seen,
)
from tracker.inbox.services.polling import (
    FIRST_SYNC_DAYS,
    MAX_BACKOFF,
    MAX_PER_POLL,
    POLL_BATCH,
    POLL_LEASE,
    mailbox_poll,
    mailbox_record_failure,
    mailboxes_claim_due,
    poll_backoff,
    poll_interval,
)
from tracker.inbox.services.reading import MAX_READS, inbound_read, inbound_sweep
from tracker.inbox.services.review import (
    STAGE_FOR_KIND,
    AlreadyDecided,
    AlreadyRejected,
    inbox_item_confirm,
    inbox_item_dismiss,
    inbox_item_keep_as_note,
    inbox_item_mark_rejection,
    inbox_item_reassign,
    inbox_items_expire,
)
from tracker.inbox.services.settings import (
    DEFAULT_RETENTION_DAYS,
    forward_address,
    forward_url,
    inbox_for_addresses,
    inbox_get_or_create,
    inbox_rotate_forward_token,
    inbox_set_retention,
    mailbox_address,
    mailbox_disconnect,
    mailbox_save,
)

__all__ = [
    "DEFAULT_RETENTION_DAYS",
    "FIRST_SYNC_DAYS",
    "MAX_BACKOFF",
    "MAX_PER_POLL",
    "MAX_READS",
    "POLL_BATCH",
    "POLL_LEASE",
    "QUEUED_KINDS",
    "READ_TASK",
    "STAGE_FOR_KIND",
    "AlreadyDecided",
    "AlreadyRejected",
    "IngestContext",
    "ValidationError",
    "forward_address",
    "forward_url",
    "inbound_read",
    "inbound_store",
    "inbound_sweep",
    "inbox_for_addresses",
    "inbox_get_or_create",
    "inbox_item_confirm",
    "inbox_item_dismiss",
    "inbox_item_keep_as_note",
    "inbox_item_mark_rejection",
    "inbox_item_reassign",
    "inbox_items_expire",
    "inbox_rotate_forward_token",
    "inbox_set_retention",
    "ingest_context",
    "items_announce",
    "mailbox_address",
    "mailbox_disconnect",
    "mailbox_poll",
    "mailbox_record_failure",
    "mailbox_save",
    "mailboxes_claim_due",
    "message_ingest",
    "message_seen",
    "poll_backoff",
    "poll_interval",
]
