"""Input read as the schema states it.

DRF's CharField turns a number into its digits ({"message": 0} reads as "0"), so a body the
schema calls invalid (an integer where it says string) was accepted. A client that sends a
number where text belongs has a bug worth a 400.

DRF also reads a query string as a form, where an empty value means "not given": with
`?status=` the filter was silently dropped although the schema says a status is a word of
its list. Read as plain data, an empty value is refused like any other wrong one.
"""

from collections.abc import Mapping
from typing import Any

from django_stubs_ext import StrOrPromise
from rest_framework import serializers
from rest_framework.request import Request


class StrictStrings:
    """For a serializer: its writable text fields refuse anything but a string (or null,
    which each field judges itself), and a string longer than the field's maximum as sent:
    DRF trims the spaces around it first, so 600 characters of which 100 are spaces passed
    a maximum of 500 that the schema states."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping):
            fields: Mapping[str, Any] = getattr(self, "fields", {})
            errors = {
                name: [problem]
                for name, field in fields.items()
                if isinstance(field, serializers.CharField) and not field.read_only
                for problem in [_text_problem(field, data.get(name))]
                if problem
            }
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)  # type: ignore[misc]


def _text_problem(field: serializers.CharField, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        # DRF's own words for these, which its catalogues translate.
        return str(field.error_messages["invalid"])
    if field.max_length is not None and len(value) > field.max_length:
        return str(field.error_messages["max_length"]).format(max_length=field.max_length)
    return ""


def query(request: Request) -> dict[str, str]:
    """The query string as plain data for a serializer: each name's last value, an empty
    one kept (and judged) rather than taken for absent."""
    return request.query_params.dict()


class ListOfItems(serializers.ListField):
    """A list whose errors read as the API's always do, a list of sentences ("Reason 5: ...",
    "Interviewer 2: ..."), rather than DRF's errors keyed by position, which the schema's
    error shape (each field: a list of strings) does not allow."""

    def __init__(self, *, item: StrOrPromise, **kwargs: Any) -> None:
        self.item = item
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> list[Any]:
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as exc:
            if not isinstance(exc.detail, dict):
                raise
            raise serializers.ValidationError(
                [
                    f"{self.item} {int(place) + 1}: {message}"  # "Grund 2: ..."
                    for place, messages in exc.detail.items()
                    for message in messages
                ]
            ) from exc
