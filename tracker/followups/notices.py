"""What a follow-up's reminder tells the user, in words and a link: the notifications
room delivers it without knowing what a follow-up is."""

from collections.abc import Iterable, Sequence

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from tracker.accounts.language import in_language_of
from tracker.followups.models import FollowUp, Reminder
from tracker.notifications import services as notifications


def reminder_key(reminder_id: int) -> str:
    """The reminder's notice, told once per channel (notifications' dedupe key)."""
    return f"reminder:{reminder_id}"


def followup_link(followup: FollowUp) -> str:
    """The follow-up's card on its application's page."""
    return (
        reverse("application_detail", args=[followup.application_id]) + f"#followup-{followup.pk}"
    )


# The columns reminder_notice reads, from the reminder through its follow-up to the
# application, its company and its owner (with what the owner's channels need).
REMINDER_NOTICE_FIELDS = (
    "last_call",
    "followup__kind",
    "followup__reason",
    "followup__due_at",
    "followup__application__role",
    "followup__application__company__name",
    *(f"followup__application__owner__{name}" for name in notifications.NOTICE_USER_FIELDS),
    "followup__application__owner__time_zone",
    "followup__application__owner__language",
)


def reminder_notice(reminder: Reminder) -> notifications.Notice:
    """The reminder in its owner's words: their language, their time zone (the worker
    writes it, with no request of theirs to take either from)."""
    application = reminder.followup.application
    with in_language_of(application.owner):
        title, body = _reminder_words(reminder)
    return notifications.Notice(
        user=application.owner,
        title=title,
        body=body,
        link=followup_link(reminder.followup),
        dedupe_key=reminder_key(reminder.pk),
        data={"event": "reminder", "followup": reminder.followup.pk},
    )


def _reminder_words(reminder: Reminder) -> tuple[str, str]:
    followup = reminder.followup
    application = followup.application
    names = {
        "kind": followup.get_kind_display(),
        "role": application.role,
        "company": application.company.name,
    }
    if reminder.last_call:
        title = gettext("Last reminder: %(kind)s \N{EM DASH} %(role)s at %(company)s") % names
    else:
        title = gettext("%(kind)s \N{EM DASH} %(role)s at %(company)s") % names
    body = followup.reason
    if followup.due_at:
        due = timezone.localtime(followup.due_at, application.owner.zone)
        # The day and time as the language writes them ("Mo. 7 Dez., 09:00").
        body = gettext("Due %(when)s. %(reason)s") % {
            "when": date_format(due, "WEEKDAY_DAY_MONTH_TIME"),
            "reason": body,
        }
    return title, body


def reminders_notify(reminders: Sequence[Reminder]) -> int:
    """Tells each reminder's owner (in-app always, email and webhook if chosen).

    Call inside the transaction that claimed the reminders, with their follow-ups,
    applications, companies and owners loaded; returns how many reminders were told.
    """
    notifications.notify_all([reminder_notice(r) for r in reminders])
    return len(reminders)


def reminders_withdraw(reminder_ids: Iterable[int]) -> int:
    """Forgets what these reminders told: they are being deleted with their follow-up."""
    return notifications.notifications_withdraw(
        dedupe_keys=[reminder_key(pk) for pk in reminder_ids]
    )
