"""The board: a column per stage, cards moved by drag and drop (or the keyboard menu).

The page works as plain HTML; board.js adds the dragging and saves each move through
htmx, which gets the moved card back (and every column's count, out of band).
"""

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from tracker.accounts.http import AuthenticatedRequest
from tracker.applications import events, selectors, services
from tracker.applications.forms import MoreCardsForm, MoveForm
from tracker.applications.models import Application, ChangeSource, Stage
from tracker.applications.shortcuts import get_application_for_user


@login_required
@require_GET
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    columns = selectors.board_columns(user=request.user, now=timezone.now())
    context = {
        "columns": columns,
        "total": sum(column.count for column in columns),
        "stages": Stage.choices,
    }
    return render(request, "applications/board.html", context)


@login_required
@require_GET
def board_column_more(request: AuthenticatedRequest, stage: str) -> HttpResponse:
    if stage not in Stage.values:
        raise Http404(gettext("No such stage."))
    form = MoreCardsForm(request.GET)
    if not form.is_valid():
        return _refusal(gettext("Could not tell which cards come next."))
    cards = selectors.board_column_more(
        user=request.user,
        stage=stage,
        before=form.cleaned_data["before"],
        before_id=form.cleaned_data["id"],
        now=timezone.now(),
    )
    column = selectors.BoardColumn(
        stage=Stage(stage),
        count=selectors.application_stage_counts(user=request.user)[stage],
        cards=cards,
        shown=form.cleaned_data["shown"] + len(cards),
    )
    return render(request, "applications/board.html#more-cards", {"column": column})


def _refusal(message: str) -> HttpResponse:
    """A 400 whose plain text the board shows as it is (anything else, it words itself)."""
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


def _would_cancel(edited: list[str], application: Application) -> str:
    """The question before leaving Rejected throws away the drafts the user edited."""
    if len(edited) == 1:
        return gettext(
            "You edited the draft “%(draft)s” for %(application)s: moving it out of Rejected "
            "cancels it. Move it anyway?"
        ) % {"draft": edited[0], "application": application}
    return gettext(
        "You edited the drafts “%(first)s” and “%(second)s” for %(application)s: moving it "
        "out of Rejected cancels them. Move it anyway?"
    ) % {"first": edited[0], "second": edited[-1], "application": application}


def _to_confirm(question: str) -> HttpResponse:
    """A 409 whose plain text the board asks as a question; yes sends the move again
    with confirm=1, no puts the card back."""
    return HttpResponse(question, status=409, content_type="text/plain; charset=utf-8")


@login_required
@require_POST
def application_move(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Saves a move made on the board. Answers with the card as it now is, or a 400
    whose text the board shows while it puts the card back where it was."""
    application = get_application_for_user(request, pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _refusal(gettext("Choose one of the stages."))
    to_stage = form.cleaned_data["stage"]
    if to_stage == Stage.REJECTED:
        # A rejection needs its details (they decide the follow-up): the board opens
        # the rejection form instead, which saves the move with them.
        return _refusal(gettext("Record the rejection details to move it to Rejected."))
    if request.POST.get("confirm") != "1":
        # Leaving Rejected cancels its drafts: ask before throwing away the user's words.
        edited = events.move_would_cancel.ask(events.Move(application, to_stage))
        if edited:
            return _to_confirm(_would_cancel(edited, application))
    try:
        change = services.application_change_stage(
            application=application, to_stage=to_stage, source=ChangeSource.BOARD
        )
    except ValidationError as exc:
        return _refusal(" ".join(exc.messages))
    label = Stage(to_stage).label
    if change:
        said = gettext("Moved %(application)s to %(stage)s.") % {
            "application": application,
            "stage": label,
        }
    else:
        said = gettext("Already in %(stage)s.") % {"stage": label}
    return board_card_response(request, application.pk, said)


def board_card_response(
    request: AuthenticatedRequest, pk: int, message: str, *, rejected: bool = False
) -> HttpResponse:
    """The card as the board shows it, each column's count out of band, and a message
    for the board's status line (and, after the rejection dialog, word to close it)."""
    context = {
        "card": selectors.board_card(user=request.user, pk=pk, now=timezone.now()),
        "counts": selectors.application_stage_counts(user=request.user),
    }
    response = render(request, "applications/board.html#moved-card", context)
    triggers: dict[str, object] = {"rebound:board-status": message}
    if rejected:
        triggers["rebound:rejected"] = True
    response["HX-Trigger"] = json.dumps(triggers)
    return response
