from django import forms
from django.contrib.auth.forms import UserCreationForm, UsernameField

from tracker.accounts.models import User


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
    class Meta:
        model = User
        fields = ("full_name", "email", "time_zone")
        widgets = {"time_zone": TimeZoneSelect()}
        help_texts = {
            "full_name": "Follow-up drafts are signed with this name.",
            "time_zone": "Reminders arrive at a sensible hour in this time zone.",
        }

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        others = User.objects.exclude(pk=self.instance.pk)
        if email and others.filter(email__iexact=email).exists():
            raise forms.ValidationError("Another account already uses this email.")
        return email
