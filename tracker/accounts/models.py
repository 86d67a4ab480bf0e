import zoneinfo
from functools import cache

from django.contrib.auth.models import AbstractUser
from django.db import models


@cache  # Listing the zones reads the tz database from disk: 50 ms, twice per settings page.
def time_zone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Time zones grouped by region ("Europe" → "Lisbon"), for a select a person can scan."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for name in sorted(zoneinfo.available_timezones()):
        region, _, place = name.partition("/")
        group = region if place else "Other"
        groups.setdefault(group, []).append((name, (place or name).replace("_", " ")))
    return list(groups.items())


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
