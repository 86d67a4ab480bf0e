"""The dashboard's filters, read from a query string: one definition for the pages, the
CSV exports and the API, so "export what I see" exports exactly that."""

from typing import Any

from django import forms

from tracker.applications.models import Source, Stage
from tracker.applications.selectors import ApplicationFilters


class ApplicationFilterForm(forms.Form):
    stage = forms.ChoiceField(choices=[("", "Any stage"), *Stage.choices], required=False)
    source = forms.ChoiceField(choices=[("", "Any source"), *Source.choices], required=False)
    q = forms.CharField(label="Search", max_length=200, required=False, strip=True)
    applied_from = forms.DateField(label="Applied from", required=False)
    applied_to = forms.DateField(label="Applied until", required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("applied_from"), cleaned.get("applied_to")
        if start and end and start > end:
            self.add_error("applied_to", "The end of the range is before its start.")
        return cleaned

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
        )
