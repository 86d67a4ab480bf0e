from datetime import datetime, timedelta
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from tracker.applications import services
from tracker.applications.models import (
    SALARY_RANGE_MESSAGE,
    Application,
    Contact,
    ContactRole,
    Feedback,
    FeedbackReason,
    Interview,
    InterviewKind,
    Rejection,
    Stage,
    salary_range_ordered,
)
from tracker.applications.names import company_display_name, company_name_key
from tracker.core import dates

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
        raise forms.ValidationError(dates.IN_THE_FUTURE)
    dates.check_past_moment(value, now=now)
    return now if now - value < timedelta(minutes=1) else value


def add_service_errors(form: forms.BaseForm, exc: ValidationError, **rename: str) -> None:
    """Puts a service's refusal on the form: on the field it names (`rename` maps a
    service's name to the form's, e.g. at="received_at"), else above the form. Django's
    own add_error would fail on a name the form has no field for."""
    for name, errors in exc.update_error_dict({}).items():
        field = rename.get(name, name)
        form.add_error(field if field in form.fields else None, errors)


class ApplicationForm(forms.ModelForm[Application]):
    company = forms.CharField(
        label=_("Company"), max_length=200, help_text=_("An existing company is reused.")
    )
    url = forms.URLField(
        label=_("Job posting URL"), max_length=500, required=False, assume_scheme="https"
    )
    stage = forms.ChoiceField(
        label=_("Stage"),
        choices=[(s.value, s.label) for s in Stage if s != Stage.REJECTED],
        initial=Stage.APPLIED,
        help_text=_(
            "Where it stands now. To log a rejection, add it first, then mark it rejected."
        ),
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
            "description",
        )
        widgets = {
            "applied_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 4}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "salary_currency": forms.TextInput(attrs={"placeholder": "EUR", "size": 3}),
        }
        labels = {
            "location": _("Location"),
            "source": _("Source"),
            "applied_on": _("Applied on"),
            "salary_currency": _("Salary currency"),
            "notes": _("Notes"),
            "salary_min": _("Salary from"),
            "salary_max": _("Salary up to"),
            "description": _("Job description"),
        }
        help_texts = {"description": _("The posting, kept here after the job board takes it down.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Editing: the stage moves through the page's stage control, which writes history.
            del self.fields["stage"]
            self.initial["company"] = self.instance.company.name
        else:
            self.initial.setdefault("applied_on", timezone.localdate())
            self.initial.setdefault("shown_applied_on", self.initial["applied_on"])
        self.order_fields(["company", "role", "stage"])

    # The date applied the form filled in by itself (today): left as it is, the user
    # stated nothing, and a dated fact before it (last night's rejection) moves it.
    shown_applied_on = forms.CharField(required=False, widget=forms.HiddenInput)

    @property
    def applied_on_stated(self) -> bool:
        typed = self.data.get(self.add_prefix("applied_on"), "")
        shown = self.data.get(self.add_prefix("shown_applied_on"), "")
        return bool(typed) and typed != str(shown)

    def clean_company(self) -> str:
        name = company_display_name(self.cleaned_data["company"])
        if not company_name_key(name):
            raise forms.ValidationError(_("Enter the company's name."))
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
            raise forms.ValidationError(_("Use a three-letter currency code, like EUR or USD."))
        return currency

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        low, high = cleaned.get("salary_min"), cleaned.get("salary_max")
        if not salary_range_ordered(low, high):
            self.add_error("salary_max", SALARY_RANGE_MESSAGE)
        return cleaned

    def details(self) -> dict[str, Any]:
        """The cleaned fields as keyword arguments for the services."""
        return {name: self.cleaned_data[name] for name in self._meta.fields or ()}


class StageChangeForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("Stage"), choices=[(s.value, s.label) for s in Stage if s != Stage.REJECTED]
    )
    at = forms.DateTimeField(
        label=_("When"),
        required=False,
        widget=DateTimeLocalInput(),
        help_text=_("Leave empty for now, or pick the date it really happened."),
    )

    # Whether the user gave the moment: left empty, or the current minute, means "now".
    dated = False

    def clean_at(self) -> datetime | None:
        typed = self.cleaned_data.get("at")
        at = _when(typed)
        self.dated = at is not None and at is typed
        return at


class RejectionForm(forms.ModelForm[Rejection]):
    class Meta:
        model = Rejection
        fields = ("message", "channel", "sender_role", "sender_name", "sender_email", "received_at")
        widgets = {
            "received_at": DateTimeLocalInput(),
            "message": forms.Textarea(attrs={"rows": 5}),
        }
        labels = {
            "channel": _("How did it arrive?"),
            "sender_role": _("Who sent it?"),
            "sender_name": _("Their name"),
            "sender_email": _("Their email"),
            "received_at": _("When did you receive it?"),
            "message": _("The email, pasted (optional)"),
        }
        help_texts = {
            "channel": _(
                "A form letter from a no-reply address needs no answer; "
                "a personal note deserves a short thank-you."
            ),
            "sender_role": _(
                "A hiring manager who decided can also hear that you would like "
                "to be considered again."
            ),
            "sender_name": _("Used to greet them by first name."),
            "received_at": _("Back-date it if it came in earlier."),
            "message": _("Paste it and Rebound fills in the fields below for you to check."),
        }

    # The time the form showed in "received": kept as it was, the user dated nothing.
    shown_received_at = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["message"].error_messages["max_length"] = PASTE_TOO_LONG
        if not self.instance.pk:
            self.initial.setdefault("received_at", timezone.localtime().replace(second=0))
        if "shown_received_at" not in self.initial:
            # What the form fills in by itself (now, or the time saved before): kept as it
            # is, it dates nothing. A time read from a pasted email is given, not shown.
            shown = self.initial.get("received_at")
            if isinstance(shown, datetime):
                shown = f"{timezone.localtime(shown):{DATETIME_LOCAL}}"
            self.initial["shown_received_at"] = shown or ""

    def clean_received_at(self) -> datetime | None:
        return _when(self.cleaned_data.get("received_at"))

    @property
    def dated(self) -> bool:
        """Whether the user gave the time received, rather than keeping the one shown."""
        typed = self.data.get(self.add_prefix("received_at"), "")
        shown = self.data.get(self.add_prefix("shown_received_at"), "")
        return bool(typed) and typed != shown


PASTE_TOO_LONG = _(
    "That is more than Rebound reads: at most %(limit_value)s characters (this has "
    "%(show_value)s). Paste the newest message only, without the earlier ones it quotes."
)


class PastedMessageForm(forms.Form):
    """The email pasted into the rejection form, to be read before anything is saved."""

    # As long as the rejection keeps (the reader's own cap is the same 20,000).
    message = forms.CharField(
        max_length=Rejection._meta.get_field("message").max_length,
        strip=False,
        error_messages={
            "required": _("Paste the email first, then Rebound can read it."),
            "max_length": PASTE_TOO_LONG,
        },
    )


class ContactForm(forms.ModelForm[Contact]):
    """A new contact for an application: the person and what they do there."""

    class Meta:
        model = Contact
        fields = ("name", "email", "role")
        labels = {
            "name": _("Name"),
            "email": _("Email (optional)"),
            "role": pgettext_lazy("person", "Role"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Several forms share the application page: ids of their own keep labels apart.
        kwargs.setdefault("auto_id", "contact-new-%s")
        super().__init__(*args, **kwargs)


class ContactLinkForm(forms.Form):
    """Someone the user already knows, from another application, added to this one."""

    contact = forms.ModelChoiceField(
        queryset=Contact.objects.none(), label=_("Contact"), empty_label=_("Choose a contact…")
    )

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "contact-link-%s")
        super().__init__(*args, **kwargs)
        linkable = (
            Contact.objects.filter(owner_id=application.owner_id)
            .exclude(applications=application)
            .select_related("company")
            .order_by(Lower("company__name").asc(nulls_last=True), Lower("name"), "pk")
        )
        field = cast(forms.ModelChoiceField[Contact], self.fields["contact"])
        field.queryset = linkable
        # Read once for the page, grouped by company; a submitted choice is looked up in
        # `linkable`, so a contact of someone else's (or one linked already) is no choice.
        # Only what the choices show: a person's notes and addresses stay in the database.
        self.candidates = list(linkable.only("name", "role", "company__name"))
        groups: dict[str, list[tuple[int, str]]] = {}
        # Each role's name translated once, not per contact (get_role_display translates
        # every role's name to look one up).
        roles = {value: str(label) for value, label in ContactRole.choices}
        no_company = str(_("No company"))
        for contact in self.candidates:
            company = contact.company.name if contact.company else no_company
            groups.setdefault(company, []).append(
                (contact.pk, f"{contact.name} · {roles.get(contact.role, contact.role)}")
            )
        field.choices = [("", field.empty_label or ""), *groups.items()]


class ContactRoleForm(forms.Form):
    role = forms.ChoiceField(choices=ContactRole.choices, label=pgettext_lazy("person", "Role"))


class InterviewForm(forms.ModelForm[Interview]):
    class Meta:
        model = Interview
        fields = ("kind", "scheduled_at", "interviewers", "notes")
        widgets = {
            "scheduled_at": DateTimeLocalInput(),
            "interviewers": forms.CheckboxSelectMultiple(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "kind": _("Kind"),
            "scheduled_at": _("When"),
            "interviewers": _("Interviewers"),
            "notes": _("Notes (optional)"),
        }

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "interview-%s")
        super().__init__(*args, **kwargs)
        interviewers = cast(forms.ModelMultipleChoiceField[Contact], self.fields["interviewers"])
        # Only the people on this application: another application's contact is no choice.
        interviewers.queryset = application.contacts.all()
        kind = cast(forms.ChoiceField, self.fields["kind"])
        kind.choices = [("", _("Choose…")), *InterviewKind.choices]
        self.fields["scheduled_at"].help_text = gettext(
            "Past or upcoming, in your time zone (%(zone)s)."
        ) % {"zone": timezone.get_current_timezone_name()}

    def clean_scheduled_at(self) -> datetime:
        value: datetime = self.cleaned_data["scheduled_at"]
        dates.check_future_moment(value)
        return value


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=Application._meta.get_field("notes").max_length,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "notes-%s")
        super().__init__(*args, **kwargs)


class FeedbackForm(forms.Form):
    """The user's reading of the feedback: its words corrected, its reasons tagged."""

    text = forms.CharField(
        label=_("What they said"),
        max_length=Feedback._meta.get_field("text").max_length,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    reasons = forms.MultipleChoiceField(
        label=_("Reasons"),
        required=False,
        choices=FeedbackReason.choices,
        widget=forms.CheckboxSelectMultiple,
    )


# The board and the table.


class MoreCardsForm(forms.Form):
    """Where the column's "show more" left off: the last card shown."""

    # Any moment a card's stage can have begun; outside it, no card comes next (a 400).
    before = forms.DateTimeField(validators=[dates.future_moment])
    id = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    shown = forms.IntegerField(min_value=0)


class MoveForm(forms.Form):
    stage = forms.ChoiceField(choices=Stage.choices)


class IdsField(forms.Field):
    """The ticked rows' ids, from repeated `ids=` fields."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {"required": _("Tick at least one application first.")}

    # More than a page of the table ever holds; ids beyond what a database key can be.
    MOST = 500
    LARGEST_ID = 2**63 - 1

    def to_python(self, value: object) -> list[int]:
        if not value:
            return []
        try:
            ids = sorted({int(v) for v in value})  # type: ignore[attr-defined]
        except (TypeError, ValueError):
            raise ValidationError(_("Those are not applications."), code="invalid") from None
        if ids[0] < 1 or ids[-1] > self.LARGEST_ID:
            raise ValidationError(_("Those are not applications."), code="invalid")
        if len(ids) > self.MOST:
            raise ValidationError(
                _("Tick at most %(most)d at a time.") % {"most": self.MOST}, code="too_many"
            )
        return ids


class BulkActionForm(forms.Form):
    ACTIONS = [
        ("ghosted", _("Mark ghosted")),
        ("withdrawn", _("Mark withdrawn")),
        ("delete", _("Delete…")),
    ]

    action = forms.ChoiceField(choices=ACTIONS, error_messages={"required": _("Choose an action.")})
    ids = IdsField()
    confirmed = forms.BooleanField(required=False)
    # The table's query string, to go back to the same view afterwards.
    back = forms.CharField(required=False, max_length=2000)
