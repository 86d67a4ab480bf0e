"""What happens to an application, announced to the rooms that react to it.

The services send these inside the transaction that made the change, once it is written:
a receiver's writes commit or roll back with the change, and a receiver that raises undoes
it. Applications never learns who listens; follow-ups connect their receivers in
FollowupsConfig.ready() (tracker/followups/receivers.py).
"""

from django.dispatch import Signal

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
