"""The API's shapes for the inbox: its settings' state and the review queue."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.inbox.evidence import evidences_said
from tracker.inbox.models import InboxItem, ItemKind, ItemStatus, MailboxStatus
from tracker.mail.vocabulary import CHANNEL_CHOICES, SENDER_ROLE_CHOICES


class MailboxStateSerializer(serializers.Serializer[Any]):
    host = serializers.CharField()
    username = serializers.CharField()
    folder = serializers.CharField()
    status = serializers.ChoiceField(choices=MailboxStatus.choices)
    status_message = serializers.CharField(help_text="What failed, in plain words.")
    last_success_at = serializers.DateTimeField(allow_null=True)


class InboxSerializer(serializers.Serializer[Any]):
    forwarding_url = serializers.CharField(
        help_text="POST a raw message (message/rfc822) here to bring it in."
    )
    forwarding_address = serializers.CharField(
        help_text="The secret address to forward mail to; empty without a mail domain."
    )
    mailbox = MailboxStateSerializer(allow_null=True, help_text="Null when none is connected.")
    pending = serializers.IntegerField(help_text="Messages waiting for you.")


class InboxItemSerializer(serializers.ModelSerializer[InboxItem]):
    kind = serializers.ChoiceField(choices=ItemKind.choices, read_only=True)
    status = serializers.ChoiceField(choices=ItemStatus.choices, read_only=True)
    channel = serializers.ChoiceField(choices=CHANNEL_CHOICES, read_only=True)
    sender_role = serializers.ChoiceField(choices=SENDER_ROLE_CHOICES, read_only=True)
    received_at = serializers.DateTimeField(source="sent_at", read_only=True, allow_null=True)
    because = serializers.SerializerMethodField(
        help_text="Why Rebound reads it so, in the language of the request."
    )
    text = serializers.CharField(read_only=True, help_text="The letter; empty once decided.")

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_because(self, item: InboxItem) -> list[str]:
        return evidences_said(item.because)

    class Meta:
        model = InboxItem
        fields = [
            "id",
            "kind",
            "status",
            "application",
            "channel",
            "sender_role",
            "sender_name",
            "sender_email",
            "subject",
            "received_at",
            "because",
            "text",
        ]
        read_only_fields = fields


class InboxItemFilterSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=ItemStatus.choices, required=False)
    kind = serializers.ChoiceField(choices=ItemKind.choices, required=False)


class InboxConfirmSerializer(serializers.Serializer[Any]):
    application = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=2**63 - 1,
        help_text="One of your applications, if not the one the message was matched to.",
    )
    replace = serializers.BooleanField(
        required=False,
        default=False,
        help_text="For a rejection of an application already rejected: replace the first.",
    )


class InboxAssignSerializer(serializers.Serializer[Any]):
    application = serializers.IntegerField(min_value=1, max_value=2**63 - 1)


class InboxConflictSerializer(serializers.Serializer[Any]):
    """Why the item's state refuses the request: `already_decided` (confirmed or dismissed
    before), or `already_rejected` (confirm with `replace`)."""

    detail = serializers.CharField()
    code = serializers.CharField()
