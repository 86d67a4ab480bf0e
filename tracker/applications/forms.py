from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from tracker.applications import services
from tracker.applications.models import Application, Rejection, Stage

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format=DATETIME_LOCAL, **kwargs)


def _when(value: datetime | None) -> datetime | None:
    """A moment the user typed, to the minute. The current minute means now, so a change
    entered with the pre-filled time sorts after the ones recorded seconds before it."""
    if value is None:
        return None
    now = timezone.now()
    if value > now:
        raise forms.ValidationError("This cannot be in the future.")
    return now if now - value < timedelta(minutes=1) else value


class ApplicationForm(forms.ModelForm[Application]):
    company = forms.CharField(max_length=200, help_text="An existing company is reused.")
    url = forms.URLField(
        label="Job posting URL", max_length=500, required=False, assume_scheme="https"
    )
    stage = forms.ChoiceField(
        choices=[(s.value, s.label) for s in Stage if s != Stage.REJECTED],
        initial=Stage.APPLIED,
        help_text="Where it stands now. To log a rejection, add it first, then mark it rejected.",
    )

    class Meta:
        model = Application
        fields = (
            "role",
            "url",
            "location",
            "source",
            "applied_on",
            "salary_min",
            "salary_max",
            "salary_currency",
            "notes",
        )
        widgets = {
            "applied_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 4}),
            "salary_currency": forms.TextInput(attrs={"placeholder": "EUR", "size": 3}),
        }
        labels = {"salary_min": "Salary from", "salary_max": "Salary up to"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Editing: the stage moves through the page's stage control, which writes history.
            del self.fields["stage"]
            self.initial["company"] = self.instance.company.name
        self.order_fields(["company", "role", "stage"])

    def clean_company(self) -> str:
        name = " ".join(self.cleaned_data["company"].split())
        if not name:
            raise forms.ValidationError("Enter the company's name.")
        return name

    def clean_applied_on(self) -> Any:
        applied_on = self.cleaned_data.get("applied_on")
        try:
            services.validate_applied_on(applied_on, zone=timezone.get_current_timezone())
        except ValidationError as exc:
            raise forms.ValidationError(exc.message_dict["applied_on"]) from exc
        return applied_on

    def clean_salary_currency(self) -> str:
        currency: str = self.cleaned_data.get("salary_currency", "").strip().upper()
        if currency and (len(currency) != 3 or not currency.isalpha()):
            raise forms.ValidationError("Use a three-letter currency code, like EUR or USD.")
        return currency

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        low, high = cleaned.get("salary_min"), cleaned.get("salary_max")
        if low is not None and high is not None and low > high:
            self.add_error("salary_max", "The maximum must not be below the minimum.")
        return cleaned

    def details(self) -> dict[str, Any]:
        """The cleaned fields as keyword arguments for the services."""
        return {name: self.cleaned_data[name] for name in self._meta.fields or ()}


class StageChangeForm(forms.Form):
    stage = forms.ChoiceField(choices=[(s.value, s.label) for s in Stage if s != Stage.REJECTED])
    at = forms.DateTimeField(
        label="When",
        required=False,
        widget=DateTimeLocalInput(),
        help_text="Leave empty for now, or pick the date it really happened.",
    )

    def clean_at(self) -> datetime | None:
        return _when(self.cleaned_data.get("at"))


class RejectionForm(forms.ModelForm[Rejection]):
    class Meta:
        model = Rejection
        fields = ("message", "channel", "sender_role", "sender_name", "sender_email", "received_at")
        widgets = {
            "received_at": DateTimeLocalInput(),
            "message": forms.Textarea(attrs={"rows": 5}),
        }
        labels = {
            "channel": "How did it arrive?",
            "sender_role": "Who sent it?",
            "sender_name": "Their name",
            "sender_email": "Their email",
            "received_at": "When did you receive it?",
            "message": "The email, pasted (optional)",
        }
        help_texts = {
            "channel": "A form letter from a no-reply address needs no answer; "
            "a personal note deserves a short thank-you.",
            "sender_role": "A hiring manager who decided can also hear that you would like "
            "to be considered again.",
            "sender_name": "Used to greet them by first name.",
            "received_at": "Back-date it if it came in earlier.",
            "message": "Paste it and Rebound fills in the fields below for you to check.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("received_at", timezone.localtime().replace(second=0))

    def clean_received_at(self) -> datetime | None:
        return _when(self.cleaned_data.get("received_at"))
