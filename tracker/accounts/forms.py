from django import forms
from django.contrib.auth.forms import UserCreationForm, UsernameField

from tracker.accounts.models import User, WebhookFormat
from tracker.core import outbound


class SignupForm(UserCreationForm[User]):
    email = forms.EmailField(help_text="Used only to reset your password and send reminders.")

    class Meta:
        model = User
        fields = ("username", "full_name", "email")
        field_classes = {"username": UsernameField}

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with this email already exists.")
        return email


class TimeZoneSelect(forms.Select):
    template_name = "accounts/widgets/time_zone_select.html"


class ProfileForm(forms.ModelForm[User]):
    webhook_url = forms.URLField(
        label="Webhook URL",
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text="Optional: Rebound also posts each reminder to this address, for example "
        "an ntfy topic (https://ntfy.sh/your-topic) or a chat or automation service.",
    )
    # Optional so that a form without it (an older page, a script) keeps the current format.
    webhook_format = forms.ChoiceField(
        label="Webhook format",
        choices=WebhookFormat.choices,
        required=False,
        help_text="How each reminder is posted to the webhook.",
    )

    class Meta:
        model = User
        fields = (
            "full_name",
            "email",
            "time_zone",
            "email_reminders",
            "webhook_url",
            "webhook_format",
        )
        widgets = {"time_zone": TimeZoneSelect()}
        help_texts = {
            "full_name": "Follow-up drafts are signed with this name.",
            "time_zone": "Reminders arrive at a sensible hour in this time zone.",
            "email_reminders": "Sent to the email address above when a follow-up comes due. "
            "In-app reminders (the bell) always appear.",
        }

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        others = User.objects.exclude(pk=self.instance.pk)
        if email and others.filter(email__iexact=email).exists():
            raise forms.ValidationError("Another account already uses this email.")
        return email

    def clean_webhook_url(self) -> str:
        url: str = self.cleaned_data.get("webhook_url", "").strip()
        if url and not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError("Use an address starting with https:// (or http://).")
        if url:
            try:
                outbound.validate_url(url)
            except outbound.FetchError as exc:
                raise forms.ValidationError(str(exc)) from None
        return url

    def clean_webhook_format(self) -> str:
        return self.cleaned_data.get("webhook_format") or self.instance.webhook_format
