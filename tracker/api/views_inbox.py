"""The inbox through the API: its state, the review queue, and the user's decisions.

Every item is looked up among the user's own: another user's is a 404. A rejection for an
application already rejected is a 409 until the client says `"replace": true`."""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from tracker.api import strict
from tracker.api.exceptions import as_api_error
from tracker.api.serializers_inbox import (
    InboxAssignSerializer,
    InboxConfirmSerializer,
    InboxConflictSerializer,
    InboxItemFilterSerializer,
    InboxItemSerializer,
    InboxSerializer,
)
from tracker.api.views import UserViewSet
from tracker.applications.models import Application
from tracker.core.ownership import get_owned_or_404
from tracker.inbox import selectors, services
from tracker.inbox.models import InboxItem, Mailbox


class InboxViewSet(UserViewSet):
    serializer_class = InboxSerializer

    @extend_schema(responses=InboxSerializer)
    def retrieve(self, request: Request) -> Response:
        """Your inbox: the forwarding URL, the mailbox's state, how many messages wait."""
        inbox = services.inbox_get_or_create(owner=self.user)
        mailbox = Mailbox.objects.filter(owner=self.user).first()
        body = {
            "forwarding_url": services.forward_url(inbox),
            "forwarding_address": services.forward_address(inbox),
            "mailbox": None
            if mailbox is None
            else {
                "host": mailbox.host,
                "username": mailbox.username,
                "folder": mailbox.folder,
                "status": mailbox.status,
                "status_message": mailbox.status_message,
                "last_success_at": mailbox.last_success_at,
            },
            "pending": selectors.inbox_pending_count(user=self.user),
        }
        return Response(InboxSerializer(body).data)


ALREADY_DECIDED = OpenApiResponse(
    InboxConflictSerializer, description="Already dealt with (confirmed or dismissed)."
)


def _conflict(message: object, code: str) -> Response:
    return Response({"detail": str(message), "code": code}, status=status.HTTP_409_CONFLICT)


@extend_schema_view(list=extend_schema(parameters=[InboxItemFilterSerializer]))
class InboxItemViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, UserViewSet):
    """The review queue: what the inbox brought, newest first."""

    serializer_class = InboxItemSerializer
    queryset = InboxItem.objects.none()
    body_names_owned_objects = True  # "application": another user's is a 404

    def get_queryset(self) -> QuerySet[InboxItem]:
        filters: dict[str, Any] = {}
        if self.action == "list":
            query = InboxItemFilterSerializer(data=strict.query(self.request))
            query.is_valid(raise_exception=True)
            filters = dict(query.validated_data)
        return selectors.inbox_items(user=self.user, **filters)

    def _application(self, pk: int) -> Application:
        return get_owned_or_404(Application.objects.all(), user=self.user, pk=pk)

    @extend_schema(
        request=InboxConfirmSerializer,
        responses={
            200: InboxItemSerializer,
            409: OpenApiResponse(
                InboxConflictSerializer,
                description="Already dealt with; or the application is already rejected: "
                "send replace=true.",
            ),
        },
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request: Request, pk: str) -> Response:
        """Do what the item says: record the rejection (the ordinary path), log the
        interview an invitation names and move the application on, or for other job mail
        mark it read. With `application`, about that application instead."""
        item = self.get_object()
        serializer = InboxConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            if data.get("application") is not None:
                item = services.inbox_item_reassign(
                    item=item, application=self._application(data["application"])
                )
            item = services.inbox_item_confirm(item=item, replace=data["replace"])
        except services.AlreadyRejected as asked:
            return _conflict(asked.message, "already_rejected")
        except services.AlreadyDecided as decided:
            return _conflict(decided.message, "already_decided")
        except services.ValidationError as exc:
            raise as_api_error(exc) from None
        return self.respond(item, InboxItemSerializer)

    @extend_schema(request=None, responses={200: InboxItemSerializer, 409: ALREADY_DECIDED})
    @action(detail=True, methods=["post"])
    def dismiss(self, request: Request, pk: str) -> Response:
        """Not what it looked like: it leaves the queue and changes nothing else."""
        try:
            item = services.inbox_item_dismiss(item=self.get_object())
        except services.AlreadyDecided as decided:
            return _conflict(decided.message, "already_decided")
        except services.ValidationError as exc:
            raise as_api_error(exc) from None
        return self.respond(item, InboxItemSerializer)

    @extend_schema(
        request=InboxAssignSerializer, responses={200: InboxItemSerializer, 409: ALREADY_DECIDED}
    )
    @action(detail=True, methods=["post"])
    def assign(self, request: Request, pk: str) -> Response:
        """It is about this application (one of yours)."""
        item = self.get_object()
        serializer = InboxAssignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        application = self._application(serializer.validated_data["application"])
        try:
            item = services.inbox_item_reassign(item=item, application=application)
        except services.AlreadyDecided as decided:
            return _conflict(decided.message, "already_decided")
        except services.ValidationError as exc:
            raise as_api_error(exc) from None
        return self.respond(item, InboxItemSerializer)
