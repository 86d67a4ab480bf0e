"""The work-search log over the API: activities, and the log as JSON, CSV or PDF."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import patch_cache_control
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response

from tracker.api import strict
from tracker.api.exceptions import as_api_error
from tracker.api.serializers_worksearch import (
    ActivitySerializer,
    WorkSearchLogQuerySerializer,
    WorkSearchLogSerializer,
)
from tracker.api.views import CSVOrJSONErrors, UserViewSet
from tracker.worksearch import documents, selectors, services
from tracker.worksearch.models import Activity
from tracker.worksearch.vocabulary import Layout


class ServiceUnavailable(APIException):
    status_code = 503
    default_detail = documents.PDF_UNAVAILABLE


@extend_schema_view(
    list=extend_schema(summary="Your activities, the latest first."),
    create=extend_schema(summary="Log an activity: a meetup, a job fair, a course, a call."),
)
class ActivityViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    UserViewSet,
):
    """Job-search activities that are not applications; the work-search log lists them
    beside the applications, interviews and follow-ups sent."""

    serializer_class = ActivitySerializer
    queryset = Activity.objects.none()

    def get_queryset(self) -> QuerySet[Activity]:
        return selectors.activity_list(user=self.user)

    def perform_create(self, serializer: ActivitySerializer) -> None:  # type: ignore[override]
        try:
            serializer.instance = services.activity_create(
                owner=self.user, **serializer.validated_data
            )
        except DjangoValidationError as exc:
            raise as_api_error(exc) from exc

    def perform_destroy(self, instance: Activity) -> None:
        services.activity_delete(activity=instance)


class WorkSearchLogViewSet(UserViewSet):
    """The log an unemployment agency asks for."""

    # A file whatever the client accepts, and a refusal in JSON; `format` is ours.
    content_negotiation_class = CSVOrJSONErrors

    @extend_schema(
        operation_id="work_search_log",
        parameters=[WorkSearchLogQuerySerializer],
        responses={
            (200, "application/json"): WorkSearchLogSerializer,
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR, description="With `format=csv`: UTF-8, a header row."
            ),
            (200, "application/pdf"): OpenApiResponse(
                OpenApiTypes.BINARY, description="With `format=pdf`: the printable log."
            ),
        },
    )
    def log(self, request: Request) -> HttpResponseBase:
        """Every application sent, interview, follow-up sent and activity of the period,
        one entry each, and each week's count against your weekly target (weeks in your
        time zone)."""
        query = WorkSearchLogQuerySerializer(data=strict.query(request))
        query.is_valid(raise_exception=True)
        params: dict[str, Any] = query.validated_data
        layout = Layout(params["layout"]) if params.get("layout") else None
        found = selectors.work_search_log(
            user=self.user, start=params["from"], end=params["to"], layout=layout
        )
        if params["format"] == "csv":
            return _file(documents.log_csv(found.sheet), "text/csv; charset=utf-8", found, "csv")
        if params["format"] == "pdf":
            try:
                pdf = documents.log_pdf(found.sheet)
            except documents.PdfUnavailable as exc:
                raise ServiceUnavailable(str(exc)) from exc
            return _file(pdf, "application/pdf", found, "pdf")
        built = found.log
        body = {
            "from": built.start,
            "to": built.end,
            "target": built.target,
            "layout": found.sheet.layout.value,
            "weeks": built.weeks,
            "entries": built.entries,
        }
        return Response(WorkSearchLogSerializer(body).data)


def _file(
    content: str | bytes, content_type: str, found: selectors.WorkSearchLog, extension: str
) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    name = documents.file_name(found.sheet, extension)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    patch_cache_control(response, private=True, no_store=True)
    return response
