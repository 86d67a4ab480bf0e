"""The API's shapes for an application's interviews."""

from typing import Any

from django.utils.translation import gettext_lazy, pgettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.api.serializers import DateTimeField
from tracker.api.strict import ListOfItems, StrictStrings
from tracker.applications.models import Contact, Interview, InterviewKind
from tracker.core import dates

# The same limits as the page's form: an interview's notes, a contact's name.
MAX_NOTES = Interview._meta.get_field("notes").max_length or 10_000
MAX_NAME = Contact._meta.get_field("name").max_length or 200
MAX_INTERVIEWERS = 20


class InterviewerSerializer(serializers.ModelSerializer[Contact]):
    class Meta:
        model = Contact
        fields = ["id", "name", "role"]
        read_only_fields = fields


class InterviewSerializer(serializers.ModelSerializer[Interview]):
    at = DateTimeField(source="scheduled_at", read_only=True)
    interviewers = InterviewerSerializer(many=True, read_only=True)

    class Meta:
        model = Interview
        fields = ["id", "kind", "at", "interviewers", "notes", "created_at"]
        read_only_fields = fields


@extend_schema_field(
    {
        "oneOf": [
            {"type": "integer", "minimum": 1, "description": "One of your contacts' id."},
            {"type": "string", "minLength": 1, "maxLength": MAX_NAME, "description": "A name."},
        ]
    }
)
class InterviewerField(serializers.Field[Any, int | str, Any, Any]):
    """A contact's id, or a person's name."""

    default_error_messages = {
        "invalid": gettext_lazy("Give a contact's id or a person's name."),
        "blank": gettext_lazy("A name cannot be empty."),
        # {max_length} in DRF's way, filled in by fail() below.
        "max_length": gettext_lazy("A name has at most {max_length} characters."),
        "min_value": gettext_lazy("A contact's id is a positive number."),
    }

    def to_internal_value(self, data: Any) -> int | str:
        if isinstance(data, bool):
            self.fail("invalid")
        if isinstance(data, int):
            if not 1 <= data <= 2**63 - 1:
                self.fail("min_value")
            return data
        if not isinstance(data, str):
            self.fail("invalid")
        name = " ".join(data.split())
        if not name:
            self.fail("blank")
        if len(name) > MAX_NAME:
            self.fail("max_length", max_length=MAX_NAME)
        return name

    def to_representation(self, value: Any) -> Any:
        return value


class InterviewCreateSerializer(StrictStrings, serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=InterviewKind.choices)
    at = DateTimeField(
        validators=[dates.future_moment],
        help_text="When it happened or will happen (without an offset: your time zone). A "
        "past one moves the application on at once and dates that move; a future one when "
        "its time comes.",
    )
    interviewers = ListOfItems(
        item=pgettext_lazy("one of a list", "Interviewer"),
        child=InterviewerField(),
        required=False,
        default=list,
        max_length=MAX_INTERVIEWERS,
        help_text="Who interviewed you: your contacts' ids, or names (a name new to you "
        "becomes a contact at the company, linked to the application).",
    )
    notes = serializers.CharField(
        max_length=MAX_NOTES, allow_blank=True, default="", trim_whitespace=False
    )
