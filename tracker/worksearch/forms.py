from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tracker.applications.forms import DateInput
from tracker.applications.models import Company
from tracker.core import dates
from tracker.worksearch.log import range_problems, week_start
from tracker.worksearch.models import Activity, LogSettings
from tracker.worksearch.vocabulary import LAYOUT_CHOICES

WEEKDAYS = [
    ("", _("No reminder")),
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]


def _clean_period(self: forms.Form) -> dict[str, Any]:
    cleaned: dict[str, Any] = forms.Form.clean(self) or {}
    start, end = cleaned.get("from"), cleaned.get("to")
    if start and end:
        for field, message in range_problems(start, end).items():
            self.add_error(field, message)
    return cleaned


# The period of the log: `from` is a Python keyword, so the fields are declared by name,
# and the query string reads the same as the API's (?from=...&to=...).
PeriodForm: type[forms.Form] = type(
    "PeriodForm",
    (forms.Form,),
    {
        "from": forms.DateField(label=_("From"), widget=DateInput(), validators=[dates.any_day]),
        "to": forms.DateField(label=_("To"), widget=DateInput(), validators=[dates.any_day]),
        "layout": forms.ChoiceField(label=_("Layout"), choices=LAYOUT_CHOICES, required=False),
        "clean": _clean_period,
        "__module__": __name__,
    },
)


def default_period(today: date, week_starts_on: int) -> tuple[date, date]:
    """Last week and this one so far: what an agency asks for every fortnight."""
    return week_start(today, week_starts_on) - timedelta(days=7), today


class ActivityForm(forms.ModelForm[Activity]):
    class Meta:
        model = Activity
        fields = ["date", "kind", "description", "employer", "contact", "duration_minutes"]
        widgets = {
            "date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {
            "date": _("Date"),
            "kind": _("Kind"),
            "description": _("Description"),
            "employer": _("Employer"),
            "contact": _("Contact person"),
            "duration_minutes": _("Time spent (minutes)"),
        }
        help_texts = {
            "description": _("What you did, as you would tell your job centre."),
            "employer": _("Optional: the company you met or talked to."),
        }


class LogSettingsForm(forms.ModelForm[LogSettings]):
    reminder_weekday = forms.TypedChoiceField(
        label=_("Remind me on"),
        choices=WEEKDAYS,
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Once a week, in the morning: how many activities you have logged."),
    )

    class Meta:
        model = LogSettings
        fields = ["layout", "weekly_target", "reference", "reminder_weekday"]
        labels = {
            "layout": _("Layout for your agency"),
            "weekly_target": _("Activities a week"),
            "reference": _("Claim or customer number"),
        }
        help_texts = {
            "weekly_target": _("How many your agency asks for (3 is common in the US)."),
            "reference": _("Optional: printed on every page of the log."),
        }


class EmployerForm(forms.ModelForm[Company]):
    website = forms.URLField(
        max_length=500, required=False, assume_scheme="https", label=_("Website")
    )

    class Meta:
        model = Company
        fields = ["address", "phone", "website"]
        labels = {"address": _("Address"), "phone": _("Phone")}
        help_texts = {
            "address": _("Street, postcode and town: the log prints it beside the company's name."),
        }
