"""Text fields that take text only.

DRF's CharField turns a number into its digits ({"message": 0} reads as "0"), so a body the
schema calls invalid (an integer where it says string) was accepted. A client that sends a
number where text belongs has a bug worth a 400.
"""

from collections.abc import Mapping
from typing import Any

from rest_framework import serializers


class StrictStrings:
    """For a serializer: its writable text fields refuse anything but a string (or null,
    which each field judges itself)."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping):
            fields: Mapping[str, Any] = getattr(self, "fields", {})
            errors = {
                name: ["Not a valid string."]
                for name, field in fields.items()
                if isinstance(field, serializers.CharField)
                and not field.read_only
                and data.get(name) is not None
                and not isinstance(data.get(name), str)
            }
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)  # type: ignore[misc]
