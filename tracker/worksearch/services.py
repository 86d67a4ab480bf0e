"""Every write of the work-search log: activities, the user's log settings, and the
weekly reminder."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from tracker.accounts.language import in_language_of
from tracker.accounts.models import User
from tracker.core.dates import check_past_day
from tracker.notifications.services import notify
from tracker.worksearch import layouts, reminder
from tracker.worksearch import log as worklog
from tracker.worksearch.models import Activity, LogSettings
from tracker.worksearch.selectors import work_search_log
from tracker.worksearch.vocabulary import Layout


def activity_create(
    *,
    owner: User,
    date: date,
    kind: str,
    description: str,
    employer: str = "",
    contact: str = "",
    duration_minutes: int | None = None,
) -> Activity:
    """Logs an activity that has happened (today at the latest, in the user's zone)."""
    activity = Activity(
        owner=owner,
        date=date,
        kind=kind,
        description=description.strip(),
        employer=employer.strip(),
        contact=contact.strip(),
        duration_minutes=duration_minutes,
    )
    errors: dict[str, list[str]] = {}
    try:
        activity.full_clean(exclude=["owner"])
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if "date" not in errors:
        try:
            check_past_day(date, zone=owner.zone)
        except ValidationError as exc:
            errors["date"] = exc.messages
    if errors:
        raise ValidationError(errors)
    activity.save()
    return activity


def activity_delete(*, activity: Activity) -> None:
    activity.delete()


def log_settings_update(
    *,
    user: User,
    layout: str,
    weekly_target: int,
    reference: str = "",
    reminder_weekday: int | None = None,
) -> LogSettings:
    settings = LogSettings.objects.filter(user=user).first() or LogSettings(user=user)
    settings.layout = layout
    settings.weekly_target = weekly_target
    settings.reference = reference.strip()
    if settings.reminder_weekday != reminder_weekday:
        # A new day: this week may still be reminded on it.
        settings.reminded_week = None
    settings.reminder_weekday = reminder_weekday
    settings.full_clean(exclude=["user"])
    settings.save()
    return settings


def work_search_reminders_send(*, now: datetime | None = None) -> int:
    """Tells each user who asked, on their chosen weekday from the morning on (their
    time), how many of the week's activities are logged. Once a week: the week is
    claimed by a conditional UPDATE, and the notice's key names the week too."""
    now = now or timezone.now()
    sent = 0
    candidates = LogSettings.objects.filter(reminder_weekday__isnull=False).select_related("user")
    for settings in candidates.filter(user__is_active=True).iterator():
        user = settings.user
        assert settings.reminder_weekday is not None
        layout = Layout(settings.layout)
        week = reminder.week_to_remind(
            now=now,
            zone=user.zone,
            weekday=settings.reminder_weekday,
            week_starts_on=layouts.WORDS[layout].week_starts_on,
        )
        if week is None or settings.reminded_week == week:
            continue
        with transaction.atomic():
            claimed = (
                LogSettings.objects.filter(pk=settings.pk)
                .filter(Q(reminded_week__isnull=True) | ~Q(reminded_week=week))
                .update(reminded_week=week)
            )
            if not claimed:
                continue
            today = worklog.local_date(now, user.zone)
            so_far = work_search_log(user=user, start=week, end=today, layout=layout, now=now).log
            # Written by the sweep, so in the user's language by their choice, not a request's.
            with in_language_of(user):
                notice = reminder.weekly_notice(
                    count=so_far.count, target=settings.weekly_target, week_start=week
                )
            notify(
                user=user,
                title=notice.title,
                body=notice.body,
                link=reverse("work_search_log"),
                dedupe_key=f"work-search-week:{user.pk}:{week.isoformat()}",
                data={"event": "work_search_week", "count": so_far.count},
            )
            sent += 1
    return sent
