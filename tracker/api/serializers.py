"""The API's shapes. Serializers check the shape of input; the services decide the rest,
so no serializer here ever saves a model."""

from datetime import datetime
from typing import Any

from django.utils.translation import gettext, pgettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.authtoken import serializers as authtoken

from tracker.api.strict import ListOfItems, StrictStrings
from tracker.applications.models import (
    Application,
    Feedback,
    FeedbackReason,
    Stage,
    StageChange,
)
from tracker.applications.services.feedback import FEEDBACK_TEXT_LIMIT
from tracker.core import dates
from tracker.followups.models import ELEMENT_CHOICES, FollowUp, FollowUpStatus
from tracker.mail.vocabulary import (
    CHANNEL_CHOICES,
    SENDER_ROLE_CHOICES,
    RejectionChannel,
    SenderRole,
)
from tracker.notifications.models import Notification

# Plausible dates have one home (core.dates): the forms, the services and the import
# apply the same bounds, so no way in stores a date another cannot show.


class DateTimeField(serializers.DateTimeField):
    """DRF's, except that a time without an offset at the very edge of the calendar is a
    400: DRF checks such a time with arithmetic that overflows there (a 500)."""

    def enforce_timezone(self, value: datetime) -> datetime:
        try:
            return super().enforce_timezone(value)
        except OverflowError:
            self.fail("overflow")


class AuthTokenSerializer(StrictStrings, authtoken.AuthTokenSerializer):
    """Username and password, as text only."""


class ApplicationSerializer(StrictStrings, serializers.ModelSerializer[Application]):
    description = serializers.CharField(
        max_length=50_000,
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        help_text="The job posting (HTML is sanitised: formatting kept, scripts dropped).",
    )
    company = serializers.CharField(
        source="company.name",
        max_length=200,
        help_text="The company's name. One of yours with the same name (in any case) is reused.",
    )
    stage = serializers.ChoiceField(
        choices=Stage.choices,
        required=False,
        help_text="Changing it records a stage change in the history. A new application "
        "starts in any stage but `rejected` (default `applied`).",
    )
    stage_changed_at = DateTimeField(
        write_only=True,
        required=False,
        validators=[dates.past_moment],
        help_text="With a change of `stage`: when it happened, to back-date it. Default: now.",
    )

    class Meta:
        model = Application
        fields = [
            "id",
            "company",
            "role",
            "url",
            "location",
            "source",
            "stage",
            "stage_changed_at",
            "applied_on",
            "applied_on_stated",
            "notes",
            "description",
            "apply_url",
            "posting_captured_at",
            "furthest_stage",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "applied_on_stated",
            "furthest_stage",
            "posting_captured_at",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            "applied_on": {
                "validators": [dates.past_day],
                "help_text": "The day it was sent. Default: today (in your time zone), until "
                "a dated stage change, rejection or interview says it was earlier.",
            },
            "applied_on_stated": {
                "help_text": "Whether you gave `applied_on`; false while it is the default, "
                "which a dated fact before it moves.",
            },
        }

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is None and attrs.get("stage") == Stage.REJECTED:
            # As on the dashboard: a rejection comes with its details, which decide the
            # follow-up, so it is logged through reject/ on an existing application.
            raise serializers.ValidationError(
                {"stage": gettext("Create the application first, then POST its reject/ details.")}
            )
        if "stage_changed_at" in attrs:
            if self.instance is None:
                # A new application starts on `applied_on`; there is no change to date yet.
                raise serializers.ValidationError(
                    {
                        "stage_changed_at": gettext(
                            "Only when changing the stage; date a new one with applied_on."
                        )
                    }
                )
            if "stage" not in attrs:
                raise serializers.ValidationError(
                    {"stage_changed_at": gettext("Only together with a new stage.")}
                )
        return attrs


@extend_schema_field(
    {"type": "string", "maxLength": 254, "anyOf": [{"format": "email"}, {"enum": [""]}]}
)
class OptionalEmailField(serializers.EmailField):
    """An address or "": the schema must say so, or its own examples fail it."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("max_length", 254)
        super().__init__(**kwargs)


class StageChangeSerializer(serializers.ModelSerializer[StageChange]):
    class Meta:
        model = StageChange
        fields = ["id", "from_stage", "to_stage", "at", "source"]
        extra_kwargs = {"from_stage": {"help_text": "Blank for where the application started."}}


class RejectionSerializer(StrictStrings, serializers.Serializer[Any]):
    channel = serializers.ChoiceField(choices=CHANNEL_CHOICES, default=RejectionChannel.UNKNOWN)
    sender_role = serializers.ChoiceField(choices=SENDER_ROLE_CHOICES, default=SenderRole.UNKNOWN)
    sender_name = serializers.CharField(max_length=200, allow_blank=True, default="")
    sender_email = OptionalEmailField(default="")
    received_at = DateTimeField(
        required=False,
        validators=[dates.past_moment],
        help_text="Default: the message's own date (its `Date:` line) when a message with "
        "one is given, else now. It is the rejection's moment in the history.",
    )
    message = serializers.CharField(
        max_length=20_000,
        allow_blank=True,
        default="",
        trim_whitespace=False,
        help_text="The rejection as received (optional).",
    )


class FollowUpSerializer(StrictStrings, serializers.ModelSerializer[FollowUp]):
    elements = serializers.ListField(
        child=serializers.ChoiceField(choices=ELEMENT_CHOICES), read_only=True
    )
    recipient_email = OptionalEmailField(read_only=True)

    class Meta:
        model = FollowUp
        fields = [
            "id",
            "application",
            "kind",
            "status",
            "elements",
            "recipient_name",
            "recipient_email",
            "subject",
            "body",
            "due_at",
            "reason",
            "edited",
            "draft_stale",
            "sent_at",
            "answered_at",
            "answer",
            "created_at",
        ]
        # Only the draft is the user's to edit; the rest is what the rules proposed (and,
        # for answered_at and answer, what the inbox saw the recipient write back).
        read_only_fields = [f for f in fields if f not in ("subject", "body")]


class FeedbackSerializer(StrictStrings, serializers.ModelSerializer[Feedback]):
    text = serializers.CharField(
        max_length=FEEDBACK_TEXT_LIMIT,
        trim_whitespace=False,
        help_text="What they said about why it was a no.",
    )
    reasons = ListOfItems(
        item=pgettext_lazy("one of a list", "Reason"),
        child=serializers.ChoiceField(choices=FeedbackReason.choices),
        max_length=len(FeedbackReason.choices),
        help_text="The reasons you read in it (each once).",
    )

    class Meta:
        model = Feedback
        fields = ["id", "application", "text", "reasons", "received_at", "created_at"]
        read_only_fields = ["id", "application", "received_at", "created_at"]


class FollowUpFilterSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=FollowUpStatus.choices, required=False)


class SnoozeSerializer(serializers.Serializer[Any]):
    until = DateTimeField(
        validators=[dates.future_moment], help_text="When to be reminded again (in the future)."
    )


class NotificationSerializer(serializers.ModelSerializer[Notification]):
    # A reminder's notification names its follow-up among the extras it was sent with.
    followup = serializers.IntegerField(
        source="data.followup",
        read_only=True,
        allow_null=True,
        help_text="The follow-up it is about, if any.",
    )

    class Meta:
        model = Notification
        fields = ["id", "followup", "title", "body", "link", "created_at", "read_at"]
        read_only_fields = fields


class TokenSerializer(serializers.Serializer[Any]):
    token = serializers.CharField(read_only=True)
