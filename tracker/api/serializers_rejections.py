"""The API's shapes for reading a rejection email before recording it."""

from typing import Any

from rest_framework import serializers

from tracker.api.strict import StrictStrings
from tracker.mail import MailKind
from tracker.mail.vocabulary import CHANNEL_CHOICES, SENDER_ROLE_CHOICES

# The same limit as a rejection's message: what is pasted is what is kept.
MAX_MESSAGE = 20_000


class RejectionParseSerializer(StrictStrings, serializers.Serializer[Any]):
    message = serializers.CharField(
        max_length=MAX_MESSAGE,
        trim_whitespace=False,
        help_text="The email as received (raw, with headers) or as pasted.",
    )
    application = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=2**63 - 1,
        help_text="One of your applications: its contacts and company help the reading.",
    )


class RejectionReadingSerializer(serializers.Serializer[Any]):
    channel = serializers.ChoiceField(choices=CHANNEL_CHOICES)
    sender_role = serializers.ChoiceField(choices=SENDER_ROLE_CHOICES)
    sender_name = serializers.CharField()
    # Not an EmailField: an empty string ("nobody to write to") must match the schema.
    sender_email = serializers.CharField(help_text="Empty when there is nobody to write to.")
    received_at = serializers.DateTimeField(
        allow_null=True, help_text="From the Date or Sent line, in your time zone."
    )
    confidence = serializers.FloatField(min_value=0, max_value=1)
    because = serializers.ListField(
        child=serializers.CharField(), help_text="The evidence, in plain sentences."
    )
    kind = serializers.ChoiceField(
        choices=[(k.value, k.value.replace("_", " ")) for k in MailKind],
        help_text="What kind of mail it is, read with what Rebound knows of your applications.",
    )
    kind_because = serializers.ListField(
        child=serializers.CharField(), help_text="Why it is that kind, in plain sentences."
    )
