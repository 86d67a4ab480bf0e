"""The work-search log's shapes: activities, the period asked for, and the log itself."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.api.strict import StrictStrings
from tracker.core import dates
from tracker.worksearch.log import Entry, Week, range_problems
from tracker.worksearch.models import Activity
from tracker.worksearch.vocabulary import LAYOUT_CHOICES, Method, Result

FORMATS = [("json", "JSON"), ("csv", "CSV"), ("pdf", "PDF")]


class ActivitySerializer(StrictStrings, serializers.ModelSerializer[Activity]):
    class Meta:
        model = Activity
        fields = [
            "id",
            "date",
            "kind",
            "description",
            "employer",
            "contact",
            "duration_minutes",
            "created_at",
        ]
        read_only_fields = ["id", "created_at"]
        extra_kwargs = {
            "date": {
                "validators": [dates.past_day],
                "help_text": "The day it happened (today at the latest, in your time zone).",
            },
            "duration_minutes": {"help_text": "How long it took, in minutes (optional)."},
        }


def _period_fields() -> dict[str, Any]:
    # `from` is a Python keyword, so the fields are declared by name.
    return {
        "from": serializers.DateField(
            validators=[dates.any_day], help_text="The first day of the period (YYYY-MM-DD)."
        ),
        "to": serializers.DateField(
            validators=[dates.any_day],
            help_text="The last day of the period (YYYY-MM-DD), at most two years after `from`.",
        ),
        "format": serializers.ChoiceField(
            choices=FORMATS, default="json", help_text="`csv` or `pdf` for a file."
        ),
        "layout": serializers.ChoiceField(
            choices=LAYOUT_CHOICES,
            required=False,
            help_text="The form's layout; default: the one chosen in your log settings.",
        ),
    }


def _validate_period(self: serializers.Serializer[Any], attrs: dict[str, Any]) -> dict[str, Any]:
    problems = range_problems(attrs["from"], attrs["to"])
    if problems:
        raise serializers.ValidationError(problems)
    return attrs


WorkSearchLogQuerySerializer = type(
    "WorkSearchLogQuerySerializer",
    (serializers.Serializer,),
    {**_period_fields(), "validate": _validate_period, "__module__": __name__},
)


class WeekSerializer(serializers.Serializer[Week]):
    week_start = serializers.DateField(source="start", help_text="The week's first day.")
    count = serializers.IntegerField(help_text="Entries in the week (within the period).")
    met = serializers.BooleanField(help_text="Whether the count reaches the weekly target.")
    complete = serializers.SerializerMethodField()

    def get_complete(self, week: Week) -> bool:
        """The whole week lies in the period (else it had fewer days to meet the target)."""
        return not week.partial


class EntrySerializer(serializers.Serializer[Entry]):
    date = serializers.DateField(help_text="The day, in your time zone.")
    kind = serializers.CharField(
        help_text="`application`, `interview`, `follow_up`, or an activity's kind."
    )
    employer = serializers.SerializerMethodField()
    address = serializers.SerializerMethodField()
    phone = serializers.SerializerMethodField()
    website = serializers.SerializerMethodField()
    position = serializers.CharField()
    method = serializers.ChoiceField(choices=[m.value for m in Method])
    contact = serializers.CharField()
    result = serializers.SerializerMethodField()
    description = serializers.CharField()
    duration_minutes = serializers.IntegerField(allow_null=True)

    def get_employer(self, entry: Entry) -> str:
        return entry.employer.name if entry.employer else ""

    def get_address(self, entry: Entry) -> str:
        return entry.employer.address if entry.employer else ""

    def get_phone(self, entry: Entry) -> str:
        return entry.employer.phone if entry.employer else ""

    def get_website(self, entry: Entry) -> str:
        return entry.employer.website if entry.employer else ""

    @extend_schema_field(
        serializers.ChoiceField(
            choices=[r.value for r in Result if r != Result.NONE],
            allow_null=True,
            help_text="What came of it; null for an activity that expects no answer.",
        )
    )
    def get_result(self, entry: Entry) -> str | None:
        return entry.result.value if entry.result != Result.NONE else None


# Given a dict: "from" and "to" are keys, as the JSON names them.
WorkSearchLogSerializer = type(
    "WorkSearchLogSerializer",
    (serializers.Serializer,),
    {
        "from": serializers.DateField(),
        "to": serializers.DateField(),
        "target": serializers.IntegerField(help_text="Entries a week your agency asks for."),
        "layout": serializers.ChoiceField(choices=LAYOUT_CHOICES),
        "weeks": WeekSerializer(many=True),
        "entries": EntrySerializer(many=True),
        "__module__": __name__,
    },
)
