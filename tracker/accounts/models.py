import zoneinfo
from functools import cache
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tracker.accounts.signals import password_changed
from tracker.core.fields import SingleLineCharField


@cache  # Listing the zones reads the tz database from disk: 50 ms, twice per settings page.
def time_zone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Time zones grouped by region ("Europe" → "Lisbon"), for a select a person can scan."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for name in sorted(zoneinfo.available_timezones()):
        region, _, place = name.partition("/")
        group = region if place else "Other"
        groups.setdefault(group, []).append((name, (place or name).replace("_", " ")))
    return list(groups.items())


class WebhookFormat(models.TextChoices):
    JSON = "json", _("JSON (any service that accepts a JSON POST)")
    NTFY = "ntfy", _("ntfy (push to a phone; use the topic's URL)")


def language_choices() -> list[tuple[str, str]]:
    """The interface's languages, each named in itself, after "as the browser asks"."""
    return [("", gettext("As my browser asks")), *settings.LANGUAGES]


class User(AbstractUser):
    # The name a follow-up draft is signed with; falls back to the username.
    full_name = SingleLineCharField(_("your name"), max_length=150, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", choices=time_zone_choices
    )
    # The interface's language; blank leaves it to the browser (English when it names none
    # that Rebound speaks). The drafts never follow it: they speak the letter's language.
    language = models.CharField(
        _("language"), max_length=8, blank=True, default="", choices=language_choices
    )
    email_reminders = models.BooleanField(
        _("email me reminders"), default=True, help_text=_("In-app reminders always appear.")
    )
    webhook_url = models.URLField(
        _("webhook URL"),
        blank=True,
        max_length=500,
        help_text=_("Optional: Rebound also posts each reminder here."),
    )
    webhook_format = models.CharField(
        _("webhook format"), max_length=8, choices=WebhookFormat.choices, default=WebhookFormat.JSON
    )

    # The LinkedIn step: after an interview, a reminder to connect with the people met.
    linkedin_step = models.BooleanField(
        _("remind me to connect on LinkedIn"),
        default=False,
        help_text=_(
            "After an interview, Rebound suggests an invitation to each person you met, "
            "with a short personal note."
        ),
    )

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Django keeps the new raw password in _password from set_password() to the next
        # save; a login that only upgrades the hash clears it first, so it is not a change.
        changed = getattr(self, "_password", None) is not None and not self._state.adding
        super().save(*args, **kwargs)
        if changed:
            password_changed.send(sender=type(self), user=self)

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)
