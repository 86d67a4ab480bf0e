import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tracker.accounts.models import User
from tracker.applications.models import Application
from tracker.inbox.imap import LOCAL_HOSTS
from tracker.inbox.models import Mailbox, Security

HOST = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[?[0-9a-fA-F:]+\]?$")


class MailboxForm(forms.Form):
    host = forms.CharField(
        label=_("IMAP server"), max_length=253, help_text=_("For example imap.fastmail.com.")
    )
    port = forms.IntegerField(label=_("Port"), min_value=1, max_value=65535, initial=993)
    security = forms.ChoiceField(
        label=_("Security"), choices=Security.choices, initial=Security.TLS
    )
    username = forms.CharField(
        label=_("Username"), max_length=254, help_text=_("Usually your email address.")
    )
    password = forms.CharField(
        label=_("App password"),
        max_length=500,
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_(
            "An app password from your mail provider, not your usual password. "
            "Stored encrypted, never shown again; leave blank to keep the saved one."
        ),
    )
    folder = forms.CharField(
        label=_("Folder"),
        max_length=200,
        initial="INBOX",
        help_text=_("Rebound reads this folder and never changes it."),
    )
    watch_sent = forms.BooleanField(
        label=_("Also notice the follow-ups I send from my mail app"),
        required=False,
        help_text=_(
            "Rebound looks at who each message in your Sent folder went to and its subject "
            "(never its text, never changing it) and marks the follow-up it sends as sent."
        ),
    )

    def __init__(self, *args: Any, mailbox: Mailbox | None = None, **kwargs: Any) -> None:
        if mailbox is not None:
            kwargs.setdefault(
                "initial",
                {
                    "host": mailbox.host,
                    "port": mailbox.port,
                    "security": mailbox.security,
                    "username": mailbox.username,
                    "folder": mailbox.folder,
                    "watch_sent": mailbox.watch_sent,
                },
            )
        super().__init__(*args, **kwargs)
        self.mailbox = mailbox
        if mailbox is None:
            self.fields["password"].required = True
            self.fields["password"].help_text = _(
                "An app password from your mail provider, not your usual password. "
                "Stored encrypted, never shown again."
            )

    def clean_host(self) -> str:
        host = self.cleaned_data["host"].strip().lower()
        if not HOST.match(host):
            raise forms.ValidationError(_("Enter a server name such as imap.example.com."))
        return host.strip("[]")

    def clean_folder(self) -> str:
        folder = self.cleaned_data["folder"].strip()
        if not folder or not folder.isascii() or any(ord(c) < 32 for c in folder):
            raise forms.ValidationError(
                _("Enter the folder's name in plain letters (INBOX, Jobs, Archive/2026).")
            )
        return folder

    def clean_password(self) -> str | None:
        password: str = self.cleaned_data.get("password") or ""
        if any(c in password for c in "\r\n\0"):
            raise forms.ValidationError(_("A password cannot contain line breaks."))
        return password or None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("security") == Security.NONE and data.get("host") not in LOCAL_HOSTS:
            self.add_error(
                "security",
                _(
                    "Without TLS the password would cross the network in clear: that is "
                    "only allowed for a server on this machine (127.0.0.1)."
                ),
            )
        return data


class RetentionForm(forms.Form):
    retention_days = forms.IntegerField(
        label=_("Keep messages for (days)"),
        min_value=1,
        max_value=3650,
        help_text=_("Messages in the review queue are deleted after this many days."),
    )


class ReassignForm(forms.Form):
    application = forms.ModelChoiceField(
        queryset=Application.objects.none(),
        label=_("Application"),
        empty_label=_("Choose the application…"),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["application"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Application.objects.filter(owner=user)
            .select_related("company")
            .order_by("company__name", "role")
        )
