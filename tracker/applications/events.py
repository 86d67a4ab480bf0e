"""What happens to an application, told to the rooms above; and what its pages ask them.

Signals tell. The services send them inside the transaction that made the change, once it
is written. A receiver may write (its writes commit or roll back with the change) and
may raise (which undoes the change); what it returns is not read. Applications never
learns who listens: follow-ups connect their receivers in FollowupsConfig.ready()
(tracker/followups/receivers.py).

Hooks ask. A page of applications sometimes needs what only a room above knows (what a
move would throw away; what the user should hear about an application just added). That
room registers its answer in its AppConfig.ready(): follow-ups answer what a move would
cancel, capture what to say when an application is added. The page asks the hook and
gets every answer, typed, in the order registered. An answer only reads: it never writes
and never sends. A question a lower room can answer is a plain call to it instead (the
rejection form reads a pasted email with the mail room itself).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

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


Question = TypeVar("Question")


class Hook(Generic[Question]):
    """A question applications' pages ask, answered by the rooms above with sentences."""

    def __init__(self) -> None:
        self._answers: list[Callable[[Question], list[str]]] = []

    def answer_with(self, answer: Callable[[Question], list[str]]) -> None:
        """Called from a room's ready(); the same answer twice is kept once."""
        if answer not in self._answers:
            self._answers.append(answer)

    def ask(self, question: Question) -> list[str]:
        return [line for answer in self._answers for line in answer(question)]


@dataclass(frozen=True)
class Move:
    """A move the user asked for on the board and has not confirmed yet."""

    application: Application
    to_stage: str


# Before a move the user might regret: each answer names what the move would throw away
# ("reply to the rejection"); the board asks the user first.
move_would_cancel: Hook[Move] = Hook()

# Once the user has added an application on its form: each answer is a sentence the user
# should hear about it ("You applied to Acme for Designer in May 2025; ...").
said_when_added: Hook[Application] = Hook()
