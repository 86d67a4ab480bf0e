"""Feedback: what someone at the company said about why it was a no, kept on the
application when they answered a request for advice; the user corrects its words and tags
its reasons."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from tracker.api.exceptions import as_api_error
from tracker.api.serializers import FeedbackSerializer
from tracker.api.views import UserViewSet
from tracker.applications import selectors
from tracker.applications import services as applications
from tracker.applications.models import Feedback


@extend_schema_view(
    list=extend_schema(summary="The feedback you were given, newest first."),
    partial_update=extend_schema(summary="Correct its words or tag its reasons."),
)
class FeedbackViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    UserViewSet,
):
    serializer_class = FeedbackSerializer
    queryset = Feedback.objects.none()
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[Feedback]:
        return selectors.feedback_list(user=self.user)

    def perform_update(self, serializer: FeedbackSerializer) -> None:  # type: ignore[override]
        feedback = serializer.instance
        assert feedback is not None
        data = serializer.validated_data
        try:
            applications.feedback_update(
                feedback=feedback, text=data.get("text"), reasons=data.get("reasons")
            )
        except DjangoValidationError as exc:
            raise as_api_error(exc) from exc
