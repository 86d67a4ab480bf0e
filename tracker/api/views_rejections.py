"""Reading a rejection email through the API: the same reader as the rejection form."""

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from tracker.api import examples
from tracker.api.serializers_rejections import (
    RejectionParseSerializer,
    RejectionReadingSerializer,
)
from tracker.api.views import UserViewSet
from tracker.applications.models import Application
from tracker.applications.rejection_reading import rejection_message_read
from tracker.core.ownership import get_owned_or_404
from tracker.inbox.evidence import evidences_said
from tracker.inbox.services import ingest_context
from tracker.mail import classify, parse_message


class RejectionViewSet(UserViewSet):
    body_names_owned_objects = True  # "application": another user's is a 404
    serializer_class = RejectionParseSerializer  # what OPTIONS describes

    @extend_schema(
        request=RejectionParseSerializer,
        responses=RejectionReadingSerializer,
        examples=[examples.REJECTION_PARSE],
    )
    @action(detail=False, methods=["post"])
    def parse(self, request: Request) -> Response:
        """Reads a rejection email: how it arrived, who sent it (never you, never a quoted
        message), when, how sure the reading is and why; and what kind of mail it is
        (`kind`: a rejection, an invitation, an offer, a receipt, other job mail, or not job
        mail), with its evidence. It saves nothing: record the rejection with
        `applications/{id}/reject/` once you have checked it. With `application`, that
        application's contacts and company are used."""
        serializer = RejectionParseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        application = None
        if data.get("application") is not None:
            application = get_owned_or_404(
                Application.objects.select_related("company"),
                user=self.user,
                pk=data["application"],
            )
        reading = rejection_message_read(
            user=self.user, message=data["message"], application=application
        )
        verdict = classify(parse_message(data["message"]), ingest_context(owner=self.user).reading)
        body = RejectionReadingSerializer(
            {
                "channel": reading.channel,
                "sender_role": reading.sender_role,
                "sender_name": reading.sender_name,
                "sender_email": reading.sender_email,
                "received_at": reading.received_at,
                "confidence": reading.confidence,
                # In the reader's language, as the inbox says them.
                "because": evidences_said(reading.because),
                "kind": verdict.kind.value,
                "kind_because": evidences_said(verdict.because),
            }
        ).data
        return Response(body)
