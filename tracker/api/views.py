"""The HTTP API: thin views over the same services and selectors as the dashboard.

Every queryset here is scoped to the requesting user, so another user's object is a 404
like a missing one; every write goes through a service.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import HttpRequest, JsonResponse
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated, ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.accounts.models import User
from tracker.api import examples, strict
from tracker.api import services as tokens
from tracker.api.exceptions import as_api_conflict, as_api_error
from tracker.api.serializers import (
    ApplicationSerializer,
    AuthTokenSerializer,
    FollowUpFilterSerializer,
    FollowUpSerializer,
    NotificationSerializer,
    RejectionSerializer,
    SnoozeSerializer,
    StageChangeSerializer,
    TokenSerializer,
)
from tracker.api.serializers_capture import (
    AppliedBeforeQuerySerializer,
    CreatedApplicationSerializer,
    DraftSerializer,
    FromUrlQuerySerializer,
    FromUrlSerializer,
    PriorApplicationSerializer,
)
from tracker.api.serializers_interviews import InterviewCreateSerializer, InterviewSerializer
from tracker.api.throttling import SharedScopedRateThrottle
from tracker.applications import selectors as applications
from tracker.applications import services as application_services
from tracker.applications.filters import ApplicationFilterForm
from tracker.applications.models import Application, ChangeSource
from tracker.applications.rejection_reading import rejection_message_read
from tracker.applications.selectors import ApplicationFilters
from tracker.capture import services as capture
from tracker.capture.selectors import application_prior_at_company
from tracker.core import dates
from tracker.exports import responses as exports
from tracker.followups import selectors as followups
from tracker.followups import services as followup_services
from tracker.followups.models import FollowUp
from tracker.notifications import selectors as notifications
from tracker.notifications import services as notification_services
from tracker.notifications.models import Notification


@csrf_exempt  # It changes nothing; a CSRF page would not be the JSON a client expects.
def not_found(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"detail": gettext("Not found.")}, status=404)


class TokenView(APIView):
    # The credentials are in the body; a browser session must not make this a CSRF check.
    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (SharedScopedRateThrottle,)
    throttle_scope = "auth_token"

    @extend_schema(
        operation_id="auth_token_create",
        request=AuthTokenSerializer,
        responses=TokenSerializer,
        examples=[examples.LOG_IN],
    )
    def post(self, request: Request) -> Response:
        """Your API token, for `Authorization: Token <token>`. The same one until you revoke
        or regenerate it in Settings."""
        serializer = AuthTokenSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        token = tokens.api_token_get_or_create(user=serializer.validated_data["user"])
        return Response(TokenSerializer({"token": token.key}).data)


class UserViewSet(viewsets.GenericViewSet[Any]):
    """The signed-in user's view of the API: their objects, in their time zone."""

    @property
    def user(self) -> User:
        user = self.request.user
        if not isinstance(user, User):
            raise NotAuthenticated()
        return user

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        # Token requests pass the middleware before DRF knows the user: dates without an
        # offset mean the user's local time, as on the dashboard.
        timezone.activate(self.user.zone)

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        # The body is serialized by now; leave the server's zone for what runs next.
        timezone.deactivate()
        return super().finalize_response(request, response, *args, **kwargs)

    def paginated(self, queryset: QuerySet[Any], serializer_class: type[Any]) -> Response:
        page = self.paginate_queryset(queryset)
        data = serializer_class(page, many=True, context=self.get_serializer_context()).data
        return self.get_paginated_response(data)

    def respond(self, instance: Model, serializer_class: type[Any]) -> Response:
        return Response(serializer_class(instance, context=self.get_serializer_context()).data)


def application_filters(request: Request) -> ApplicationFilters:
    """The dashboard's filters from the query string; where the dashboard would drop an
    invalid one, the API says what is wrong with it."""
    params = request.query_params.copy()
    if "q" not in params and "search" in params:
        params.setlist("q", params.getlist("search"))
    form = ApplicationFilterForm(params)
    form.is_valid()
    errors = {
        name: [message for e in found if e.code != "range" for message in e.messages]
        for name, found in form.errors.as_data().items()
    }
    errors |= refused_empty(request, ("stage", "source", "applied_from", "applied_to"))
    # A checkbox takes any word as "on"; a query parameter says true or false.
    due = request.query_params.get("followup_due")
    if due is not None and due.lower() not in ("true", "false", "1", "0"):
        errors["followup_due"] = [gettext("Use true or false.")]
    errors = {name: messages for name, messages in errors.items() if messages}
    if errors:
        raise ValidationError(errors)
    filters = form.filters()
    if form.has_error("applied_to", code="range"):
        # Two dates the schema allows, in the wrong order: a range with nothing in it, as
        # the query says, rather than a refusal the schema cannot describe.
        return replace(filters, applied_to=form.fields["applied_to"].clean(form["applied_to"].data))
    return filters


def refused_empty(request: Request, names: tuple[str, ...]) -> dict[str, list[str]]:
    """A filter given with no value ("?stage=") is a mistake to say, not a filter to drop."""
    return {
        name: [gettext("Give a value, or leave the parameter out.")]
        for name in names
        if name in request.query_params and not request.query_params[name].strip()
    }


def _message_date(user: User, message: str, application: Application) -> datetime | None:
    """When a rejection sent without `received_at` was received: its message's own date
    (the `Date:` line of a raw email, a quoted "Sent:"), when that is a moment that has
    happened; otherwise None, which the service takes for now."""
    received_at = rejection_message_read(
        user=user, message=message, application=application
    ).received_at
    if received_at is None:
        return None
    try:
        dates.check_past_moment(received_at)
    except DjangoValidationError:
        return None
    return received_at


@extend_schema_view(
    list=extend_schema(parameters=examples.APPLICATION_FILTERS),
    create=extend_schema(examples=[examples.NEW_APPLICATION]),
    partial_update=extend_schema(examples=[examples.BACKDATED_STAGE]),
)
class ApplicationViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    UserViewSet,
):
    serializer_class = ApplicationSerializer
    # Names the model for the router and the schema; get_queryset scopes each request.
    queryset = Application.objects.none()
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Application]:
        filters = application_filters(self.request) if self.action == "list" else None
        return applications.application_list(user=self.user, filters=filters)

    def get_serializer_class(self) -> type[Any]:
        return CreatedApplicationSerializer if self.action == "create" else ApplicationSerializer

    def perform_create(self, serializer: ApplicationSerializer) -> None:  # type: ignore[override]
        data = dict(serializer.validated_data)
        application = application_services.application_create(
            owner=self.user,
            company_name=data.pop("company")["name"],
            source_of_change=ChangeSource.API,
            **data,
        )
        application.applied_before = application_prior_at_company(  # type: ignore[attr-defined]
            user=self.user,
            company_name=application.company.name,
            url=application.url,
            exclude_id=application.pk,
        )
        serializer.instance = application

    @extend_schema(
        request=FromUrlSerializer,
        responses={200: DraftSerializer, 201: DraftSerializer},
        parameters=[FromUrlQuerySerializer],
    )
    @action(detail=False, methods=["post"], url_path="from-url")
    def from_url(self, request: Request) -> Response:
        """Reads the job posting at `url` (a schema.org JobPosting, else OpenGraph and the
        title; from `page_html` if given, instead of fetching) into a draft for you to
        confirm, with your applications already at that company. With `"save": true` (or
        `?save=1`) it creates the application, the posting kept with it (201). A page that
        cannot be fetched or read is a 400 on `url`."""
        serializer = FromUrlSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        query = FromUrlQuerySerializer(data=strict.query(request))
        query.is_valid(raise_exception=True)
        data = serializer.validated_data
        save = data["save"] or query.validated_data["save"]
        try:
            draft = capture.application_draft_from_url(
                owner=self.user, url=data["url"], page_html=data.get("page_html", "")
            )
            for name in ("company", "role", "location"):
                if name in data:
                    setattr(draft.posting, name, " ".join(data[name].split()))
            application = None
            if save:
                application = capture.application_create_from_posting(
                    owner=self.user,
                    posting=draft.posting,
                    stage=data["stage"],
                    keep_copy=data["keep_copy"],
                    source_of_change=ChangeSource.API,
                )
        except DjangoValidationError as exc:
            raise as_api_error(exc) from exc
        body = DraftSerializer(
            {"posting": draft.posting, "applied_before": draft.prior, "application": application},
            context=self.get_serializer_context(),
        ).data
        return Response(body, status=201 if application else 200)

    @extend_schema(
        parameters=[AppliedBeforeQuerySerializer],
        responses=PriorApplicationSerializer(many=True),
    )
    # A short list (at most 20), not pages: the schema must not promise pagination.
    @action(detail=False, methods=["get"], url_path="applied-before", pagination_class=None)
    def applied_before(self, request: Request) -> Response:
        """Your applications at a company: by its name (normalised; else the name a job
        board's address gives), or the employer's own website at `url`. Never by a job
        board's host, which many employers share. `same_job` marks this very job, already
        tracked: update it rather than add it again."""
        query = AppliedBeforeQuerySerializer(data=strict.query(request))
        query.is_valid(raise_exception=True)
        found = application_prior_at_company(
            user=self.user,
            company_name=query.validated_data["company"],
            url=query.validated_data["url"],
            role=query.validated_data["role"],
        )
        return Response(PriorApplicationSerializer(found, many=True).data)

    @transaction.atomic
    def perform_update(self, serializer: ApplicationSerializer) -> None:  # type: ignore[override]
        application = serializer.instance
        assert application is not None
        data = dict(serializer.validated_data)
        stage = data.pop("stage", None)
        at = data.pop("stage_changed_at", None)
        company = data.pop("company", None)
        if data or company:
            application_services.application_update(
                application=application,
                company_name=company["name"] if company else None,
                **data,
            )
        if stage is not None:
            try:
                application_services.application_change_stage(
                    application=application, to_stage=stage, source=ChangeSource.API, at=at
                )
            except DjangoValidationError as exc:
                raise as_api_error(exc, rename={"at": "stage_changed_at"}) from exc

    def perform_destroy(self, instance: Application) -> None:
        application_services.application_delete(application=instance)

    @extend_schema(
        request=RejectionSerializer, responses=ApplicationSerializer, examples=[examples.REJECTION]
    )
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str) -> Response:
        """Marks the application rejected with how the news came; its follow-up is then
        worked out in the background (read it from `followups/` a moment later)."""
        application = self.get_object()
        serializer = RejectionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        details = serializer.validated_data
        if "received_at" not in details and details["message"]:
            details["received_at"] = _message_date(self.user, details["message"], application)
        try:
            application_services.application_reject(
                application=application, source=ChangeSource.API, **details
            )
        except DjangoValidationError as exc:
            raise as_api_error(exc, rename={"at": "received_at"}) from exc
        return self.respond(application, ApplicationSerializer)

    @extend_schema(methods=["GET"], request=None, responses=InterviewSerializer(many=True))
    @extend_schema(
        methods=["POST"],
        request=InterviewCreateSerializer,
        responses={201: InterviewSerializer},
        examples=[examples.INTERVIEW],
    )
    @action(detail=True, methods=["get", "post"])
    def interviews(self, request: Request, pk: str) -> Response:
        """The application's interviews, soonest first; POST logs one, by the same rules
        as the application page: a past interview moves the application on and dates
        that move (an undated move there before it is re-dated to it), and one before a
        moment you dated yourself is refused, naming it."""
        application = self.get_object()
        if request.method == "GET":
            interviews = application.interviews.prefetch_related("interviewers").order_by(
                "scheduled_at", "id"
            )
            return self.paginated(interviews, InterviewSerializer)
        serializer = InterviewCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        named = data["interviewers"]
        try:
            with transaction.atomic():
                people = application_services.interviewers_find_or_add(
                    application=application,
                    contact_ids=[ref for ref in named if isinstance(ref, int)],
                    names=[ref for ref in named if isinstance(ref, str)],
                )
                interview = application_services.interview_create(
                    application=application,
                    scheduled_at=data["at"],
                    kind=data["kind"],
                    interviewers=people,
                    notes=data["notes"],
                    source=ChangeSource.API,
                )
        except DjangoValidationError as exc:
            raise as_api_error(exc, rename={"scheduled_at": "at"}) from exc
        return Response(InterviewSerializer(interview).data, status=201)

    @extend_schema(request=None, responses=StageChangeSerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request: Request, pk: str) -> Response:
        """The stage changes, in the order they happened."""
        application = self.get_object()
        history = applications.application_history(application=application)
        return self.paginated(history, StageChangeSerializer)

    @extend_schema(request=None, responses=FollowUpSerializer(many=True))
    @action(detail=True, methods=["get"])
    def followups(self, request: Request, pk: str) -> Response:
        """This application's follow-ups, soonest due first."""
        application = self.get_object()
        mine = followups.followup_list(user=self.user, application=application)
        return self.paginated(mine, FollowUpSerializer)


@contextmanager
def _in_current_state() -> Iterator[None]:
    """A follow-up's status refuses the action (sent, skipped...): a 409, since the request
    itself was well formed; a refusal about a field the client sent stays a 400."""
    try:
        yield
    except DjangoValidationError as exc:
        if hasattr(exc, "error_dict") and set(exc.error_dict) == {"status"}:
            raise as_api_conflict(exc) from exc
        raise as_api_error(exc) from exc


@extend_schema_view(list=extend_schema(parameters=[FollowUpFilterSerializer]))
class FollowUpViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    UserViewSet,
):
    serializer_class = FollowUpSerializer
    queryset = FollowUp.objects.none()
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[FollowUp]:
        status = ""
        if self.action == "list":
            if empty := refused_empty(self.request, ("status",)):
                raise ValidationError(empty)
            query = FollowUpFilterSerializer(data=strict.query(self.request))
            query.is_valid(raise_exception=True)
            status = query.validated_data.get("status", "")
        return followups.followup_list(user=self.user, status=status)

    def perform_update(self, serializer: FollowUpSerializer) -> None:  # type: ignore[override]
        followup = serializer.instance
        assert followup is not None
        data = serializer.validated_data
        with _in_current_state():
            followup_services.followup_update_draft(
                followup=followup,
                subject=data.get("subject", followup.subject),
                body=data.get("body", followup.body),
            )

    @extend_schema(request=None, responses=FollowUpSerializer)
    @action(detail=True, methods=["post"])
    def sent(self, request: Request, pk: str) -> Response:
        """You sent it: no more reminders for it."""
        with _in_current_state():
            followup = followup_services.followup_mark_sent(followup=self.get_object())
        return self.respond(followup, FollowUpSerializer)

    @extend_schema(request=None, responses=FollowUpSerializer)
    @action(detail=True, methods=["post"])
    def unsent(self, request: Request, pk: str) -> Response:
        """Not sent after all (marked by you, or from your Sent folder): open again, with
        the reminders still ahead of it."""
        with _in_current_state():
            followup = followup_services.followup_undo_sent(followup=self.get_object())
        return self.respond(followup, FollowUpSerializer)

    @extend_schema(request=None, responses=FollowUpSerializer)
    @action(detail=True, methods=["post"], url_path="detach-answer")
    def detach_answer(self, request: Request, pk: str) -> Response:
        """The answer attached is not theirs to this follow-up: it goes, with the feedback
        it became."""
        with _in_current_state():
            followup = followup_services.followup_detach_answer(followup=self.get_object())
        return self.respond(followup, FollowUpSerializer)

    @extend_schema(request=None, responses=FollowUpSerializer)
    @action(detail=True, methods=["post"])
    def skip(self, request: Request, pk: str) -> Response:
        """You will not send it: no more reminders for it."""
        with _in_current_state():
            followup = followup_services.followup_skip(followup=self.get_object())
        return self.respond(followup, FollowUpSerializer)

    @extend_schema(request=None, responses=FollowUpSerializer)
    @action(detail=True, methods=["post"])
    def unskip(self, request: Request, pk: str) -> Response:
        """Undo a skip: the follow-up is open again."""
        with _in_current_state():
            followup = followup_services.followup_unskip(followup=self.get_object())
        return self.respond(followup, FollowUpSerializer)

    @extend_schema(request=None, responses=FollowUpSerializer)
    @action(detail=True, methods=["post"])
    def rebuild(self, request: Request, pk: str) -> Response:
        """Rebuild the draft from the current details, replacing your edits."""
        with _in_current_state():
            followup = followup_services.followup_rebuild_draft(followup=self.get_object())
        return self.respond(followup, FollowUpSerializer)

    @extend_schema(
        request=SnoozeSerializer,
        responses=FollowUpSerializer,
        examples=[examples.SNOOZE],
    )
    @action(detail=True, methods=["post"])
    def snooze(self, request: Request, pk: str) -> Response:
        """Remind me again later."""
        followup = self.get_object()
        serializer = SnoozeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with _in_current_state():
            followup_services.followup_snooze(
                followup=followup, until=serializer.validated_data["until"]
            )
        return self.respond(followup, FollowUpSerializer)


class NotificationViewSet(mixins.ListModelMixin, UserViewSet):
    """Your in-app notifications (the bell), newest first."""

    serializer_class = NotificationSerializer
    queryset = Notification.objects.none()

    def get_queryset(self) -> QuerySet[Notification]:
        return notifications.notification_inbox(user=self.user)

    @extend_schema(request=None, responses=NotificationSerializer)
    @action(detail=True, methods=["post"])
    def read(self, request: Request, pk: str) -> Response:
        notification = self.get_object()
        notification_services.notification_mark_read(notification=notification)
        return self.respond(notification, NotificationSerializer)


class CSVOrJSONErrors(BaseContentNegotiation):
    """An export answers CSV whatever the client accepts, and a refusal answers JSON."""

    def select_parser(self, request: Request, parsers: Any) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(self, request: Request, renderers: Any, format_suffix: Any = None) -> Any:
        return renderers[0], renderers[0].media_type


class ExportViewSet(UserViewSet):
    """The CSV exports, byte for byte those of the dashboard (tracker.exports makes both)."""

    content_negotiation_class = CSVOrJSONErrors

    @extend_schema(
        operation_id="export_applications",
        parameters=examples.APPLICATION_FILTERS,
        responses=examples.CSV_FILE,
    )
    def applications(self, request: Request) -> HttpResponseBase:
        """One row per application: its fields, current and furthest stage, dates of first
        response and rejection, follow-up status."""
        return exports.applications_csv_response(self.user, application_filters(request))

    @extend_schema(
        operation_id="export_history",
        parameters=examples.APPLICATION_FILTERS,
        responses=examples.CSV_FILE,
    )
    def history(self, request: Request) -> HttpResponseBase:
        """One row per stage change and per follow-up sent, of the applications filtered."""
        return exports.history_csv_response(self.user, application_filters(request))
