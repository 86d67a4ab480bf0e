import zoneinfo

from django.contrib.auth.models import AbstractUser
from django.db import models


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class User(AbstractUser):
    # The name a follow-up draft is signed with; falls back to the username.
    full_name = models.CharField("your name", max_length=150, blank=True)
    time_zone = models.CharField(max_length=64, default="UTC", choices=time_zone_choices)

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)
