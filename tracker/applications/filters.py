"""The dashboard's filters, read from a query string: one definition for the pages, the
CSV exports and the API, so "export what I see" exports exactly that."""

from datetime import datetime, time, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.applications.models import Source, Stage
from tracker.applications.selectors import ApplicationFilters

_DATE = forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")


class DateRangeForm(forms.Form):
    """Applied between two dates: the table's filter and the range Insights covers."""

    applied_from = forms.DateField(label=_("Applied from"), required=False, widget=_DATE)
    applied_to = forms.DateField(label=_("Applied until"), required=False, widget=_DATE)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("applied_from"), cleaned.get("applied_to")
        if start and end and start > end:
            self.add_error(
                "applied_to",
                forms.ValidationError(_("The end of the range is before its start."), code="range"),
            )
        return cleaned


class ApplicationFilterForm(DateRangeForm):
    stage = forms.ChoiceField(
        label=_("Stage"),
        choices=[("", _("Any stage")), *Stage.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    source = forms.ChoiceField(
        label=_("Source"),
        choices=[("", _("Any source")), *Source.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    q = forms.CharField(label=_("Search"), max_length=200, required=False, strip=True)
    followup_due = forms.BooleanField(
        label=_("Follow-up due"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    field_order = ["stage", "source", "q", "applied_from", "applied_to", "followup_due"]

    def filters(self) -> ApplicationFilters:
        """The valid filters; an invalid one is dropped (a page shows all rather than fail)."""
        self.is_valid()  # Django keeps only the fields that passed in cleaned_data.
        data = self.cleaned_data
        return ApplicationFilters(
            stage=data.get("stage") or "",
            source=data.get("source") or "",
            search=data.get("q") or "",
            applied_from=data.get("applied_from"),
            applied_to=data.get("applied_to"),
            followup_due_before=_start_of_tomorrow() if data.get("followup_due") else None,
        )


def _start_of_tomorrow() -> datetime:
    """ "Due" means due by the end of today, in the user's time zone (made current for
    each request by the accounts middleware)."""
    tomorrow = timezone.localdate() + timedelta(days=1)
    return datetime.combine(tomorrow, time.min, tzinfo=timezone.get_current_timezone())
