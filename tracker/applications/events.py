"""What happens to an application, announced to the rooms that react to it.

The services send these inside the transaction that made the change, once it is written:
a receiver's writes commit or roll back with the change, and a receiver that raises undoes
it. Applications never learns who listens; follow-ups connect their receivers in
FollowupsConfig.ready() (tracker/followups/receivers.py), capture in CaptureConfig.ready().

The questions at the end are asked by the pages, and answered by the rooms above that know
the answer: applications' pages show what the answers say without importing those rooms.
"""

from datetime import datetime
from typing import Protocol, cast

from django.dispatch import Signal

from tracker.accounts.models import User
from tracker.applications.models import Application

# An application moved to another stage. Arguments: application (locked, already in its
# new stage), from_stage, to_stage.
stage_changed = Signal()

# A rejection's details were saved. Arguments: application, rejection, and restated: True
# when the application was already rejected (the details changed, the stage did not, so
# no stage_changed was sent).
rejection_saved = Signal()

# An interview was logged. Argument: interview.
interview_logged = Signal()

# Asked before a move the user might regret, and answered by the rooms that would undo
# something. Arguments: application, to_stage. A receiver returns a list of what the move
# would throw away ("reply to the rejection"); the board asks the user first.
move_would_cancel = Signal()


def what_a_move_would_cancel(*, application: Application, to_stage: str) -> list[str]:
    """Everything the receivers of move_would_cancel name, in their order."""
    replies = move_would_cancel.send(sender=Application, application=application, to_stage=to_stage)
    return [name for _, names in replies for name in names or ()]


# Asked once the user has added an application on its form, and answered by the rooms that
# know something the user should hear about it. Argument: application. A receiver returns
# a list of sentences ("You applied to Acme for Designer in May 2025; ...").
said_when_added = Signal()

# Asked when the user pastes a rejection email into the rejection form, and answered by
# the room that reads email (follow-ups). Arguments: user, message, application. A
# receiver returns a PastedReading, which pre-fills the form; nothing is saved.
rejection_pasted = Signal()


class PastedReading(Protocol):
    """What the rejection form takes from a reading of a pasted email, with its evidence."""

    @property
    def channel(self) -> str: ...
    @property
    def sender_role(self) -> str: ...
    @property
    def sender_name(self) -> str: ...
    @property
    def sender_email(self) -> str: ...
    @property
    def received_at(self) -> datetime | None: ...
    @property
    def confidence(self) -> float: ...
    @property
    def because(self) -> tuple[str, ...]: ...


def what_to_say_when_added(*, application: Application) -> list[str]:
    """Every sentence the receivers of said_when_added return, in their order."""
    replies = said_when_added.send(sender=Application, application=application)
    return [line for _, lines in replies for line in lines or ()]


def rejection_pasted_read(
    *, user: User, message: str, application: Application
) -> PastedReading | None:
    """The first reading a receiver of rejection_pasted returns; None when none reads it."""
    replies = rejection_pasted.send(
        sender=Application, user=user, message=message, application=application
    )
    readings = [reading for _, reading in replies if reading is not None]
    # A receiver's answer is untyped to the signal; the receivers return a PastedReading.
    return cast(PastedReading, readings[0]) if readings else None
