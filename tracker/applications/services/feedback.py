"""What someone at the company said about why it was a no, kept on the application: added
when it arrives (an answer to the user's request for advice), tagged and corrected by the
user, removed with the answer it came in."""

from collections.abc import Sequence
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, ngettext

from tracker.applications.models import Application, Feedback, FeedbackReason

FEEDBACK_TEXT_LIMIT = 20_000


def _clean_reasons(reasons: Sequence[str]) -> list[str]:
    known = set(FeedbackReason.values)
    unknown = [r for r in reasons if r not in known]
    if unknown:
        raise ValidationError(
            {
                "reasons": gettext("Unknown reason %(reason)r: use %(known)s.")
                % {"reason": unknown[0], "known": ", ".join(FeedbackReason.values)}
            }
        )
    # In the vocabulary's order, each once: the tags are a set.
    return [r for r in FeedbackReason.values if r in reasons]


def _clean_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError({"text": gettext("Feedback needs its words.")})
    if len(text) > FEEDBACK_TEXT_LIMIT:
        raise ValidationError(
            {
                "text": ngettext(
                    "At most %(limit)d character.",
                    "At most %(limit)d characters.",
                    FEEDBACK_TEXT_LIMIT,
                )
                % {"limit": FEEDBACK_TEXT_LIMIT}
            }
        )
    return text


@transaction.atomic
def feedback_create(
    *, application: Application, text: str, received_at: datetime, reasons: Sequence[str] = ()
) -> Feedback:
    return Feedback.objects.create(
        application=application,
        text=_clean_text(text[:FEEDBACK_TEXT_LIMIT]),
        reasons=_clean_reasons(reasons),
        received_at=received_at,
    )


@transaction.atomic
def feedback_update(
    *, feedback: Feedback, text: str | None = None, reasons: Sequence[str] | None = None
) -> Feedback:
    """The user's correction of the words, or their tags; what is not given stays."""
    fields = ["updated_at"]
    if text is not None:
        feedback.text = _clean_text(text)
        fields.append("text")
    if reasons is not None:
        feedback.reasons = _clean_reasons(reasons)
        fields.append("reasons")
    feedback.save(update_fields=fields)
    return feedback
