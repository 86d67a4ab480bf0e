from functools import cache
from typing import Any

from django import forms
from django.contrib.auth.forms import UserCreationForm, UsernameField
from django.utils.translation import gettext_lazy as _

from tracker.accounts.models import User, WebhookFormat, time_zone_choices
from tracker.core import outbound

# The regions of the tz database whose zones are places people live; the rest are
# aliases kept for old systems ("US/Eastern", "Japan"), fixed offsets ("Etc/GMT+5",
# "EST") or not zones at all ("localtime", "Factory").
PLACE_REGIONS = frozenset(
    {"Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian"}
    | {"Pacific"}
)


@cache
def place_zone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The zones a person picks from: places, grouped by region, and plain UTC."""
    places = [(region, zones) for region, zones in time_zone_choices() if region in PLACE_REGIONS]
    return [*places, ("Other", [("UTC", "UTC")])]


class TimeZoneSelect(forms.Select):
    template_name = "accounts/widgets/time_zone_select.html"


def _offer_places(field: forms.Field, current: str) -> None:
    """Offers only places, plus the zone already chosen if it is an older name."""
    choices = place_zone_choices()
    if current and all(current != name for _, zones in choices for name, _ in zones):
        choices = [*choices, ("Saved", [(current, current)])]
    field.choices = choices  # type: ignore[attr-defined]


class SignupForm(UserCreationForm[User]):
    email = forms.EmailField(
        label=_("Email"), help_text=_("Used only to reset your password and send reminders.")
    )

    class Meta:
        model = User
        fields = ("username", "full_name", "email", "time_zone")
        field_classes = {"username": UsernameField}
        widgets = {"time_zone": TimeZoneSelect(attrs={"data-browser-zone": "propose"})}
        help_texts = {
            "time_zone": _(
                "Proposed from your browser; reminders arrive at a sensible hour there."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer_places(self.fields["time_zone"], "")
        # Drafts are signed with it: a recruiter knows the user by name, never by username.
        self.fields["full_name"].required = True
        self.fields["full_name"].label = _("Your first and last name")
        self.fields["full_name"].help_text = _("Follow-up drafts are signed with this name.")
        # A script or an older page may send none: the account starts in UTC.
        self.fields["time_zone"].required = False
        if self.is_bound:
            # The user's own choice, sent back with an error elsewhere: keep it.
            self.fields["time_zone"].widget.attrs["data-browser-zone"] = "kept"

    def clean_time_zone(self) -> str:
        return self.cleaned_data.get("time_zone") or "UTC"

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this email already exists."))
        return email


class ProfileForm(forms.ModelForm[User]):
    webhook_url = forms.URLField(
        label=_("Webhook URL"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_(
            "Optional: Rebound also posts each reminder to this address, for example "
            "an ntfy topic (https://ntfy.sh/your-topic) or a chat or automation service."
        ),
    )
    # Optional so that a form without it (an older page, a script) keeps the current format.
    webhook_format = forms.ChoiceField(
        label=_("Webhook format"),
        choices=WebhookFormat.choices,
        required=False,
        help_text=_("How each reminder is posted to the webhook."),
    )

    class Meta:
        model = User
        fields = (
            "full_name",
            "email",
            "time_zone",
            "language",
            "email_reminders",
            "webhook_url",
            "webhook_format",
            "linkedin_step",
        )
        widgets = {"time_zone": TimeZoneSelect()}
        help_texts = {
            "full_name": _("Follow-up drafts are signed with this name."),
            "time_zone": _("Reminders arrive at a sensible hour in this time zone."),
            "language": _(
                "The language of Rebound's pages. Follow-up drafts are written in "
                "the language of the letter they answer."
            ),
            "email_reminders": _(
                "Sent to the email address above when a follow-up comes due. "
                "In-app reminders (the bell) always appear."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer_places(self.fields["time_zone"], self.instance.time_zone)

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        others = User.objects.exclude(pk=self.instance.pk)
        if email and others.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Another account already uses this email."))
        return email

    def clean_webhook_url(self) -> str:
        url: str = self.cleaned_data.get("webhook_url", "").strip()
        if url and not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError(_("Use an address starting with https:// (or http://)."))
        if url:
            try:
                outbound.validate_url(url)
            except outbound.FetchError as exc:
                raise forms.ValidationError(str(exc)) from None
        return url

    def clean_language(self) -> str:
        # A form without the field (an older page, a script) keeps the language chosen.
        if "language" not in self.data:
            return self.instance.language
        return self.cleaned_data.get("language", "")

    def clean_webhook_format(self) -> str:
        return self.cleaned_data.get("webhook_format") or self.instance.webhook_format
