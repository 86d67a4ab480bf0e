from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.applications.forms import DateTimeLocalInput
from tracker.core import dates
from tracker.followups.rules import tomorrow_morning

# Where an action was taken from, so the user lands back there: no open redirect possible.
ORIGINS = ("followups", "application")


class DraftForm(forms.Form):
    subject = forms.CharField(max_length=300, required=False, strip=False)
    body = forms.CharField(
        label=_("Message"), max_length=5_000, required=False, strip=False, widget=forms.Textarea
    )


class SnoozeForm(forms.Form):
    TOMORROW = "tomorrow"

    until = forms.DateTimeField(
        label=_("Snooze until"), required=False, widget=DateTimeLocalInput()
    )
    preset = forms.ChoiceField(choices=[(TOMORROW, "Tomorrow 9:00")], required=False)

    def __init__(self, *args: Any, zone: ZoneInfo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.zone = zone

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        now = timezone.now()
        if cleaned.get("preset") == self.TOMORROW:
            cleaned["until"] = tomorrow_morning(now=now, zone=self.zone)
            return cleaned
        until: datetime | None = cleaned.get("until")
        if "until" in self.errors:
            return cleaned
        if until is None:
            self.add_error("until", "Pick when to be reminded again, or choose tomorrow 9:00.")
        elif until <= now:
            self.add_error("until", "Snooze until a moment in the future.")
        elif not dates.is_plausible_moment(until, now=now):
            self.add_error("until", dates.TOO_FAR_AHEAD)
        return cleaned
