from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.views import APIView


class Pagination(PageNumberPagination):
    """`?page=2&page_size=100`: 50 a page unless asked, never more than 200.

    A page or page size that is not a whole number in range (a page size over 200
    included) is a 400 naming it, never silently replaced; a page past the last is DRF's
    404, and `page=last` the last page.
    """

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def paginate_queryset(
        self, queryset: QuerySet[Any], request: Request, view: APIView | None = None
    ) -> list[Any] | None:
        errors = {}
        bounds = ((self.page_query_param, None), (self.page_size_query_param, self.max_page_size))
        for name, high in bounds:
            raw = request.query_params.get(name)
            if raw is None or (name == self.page_query_param and raw in self.last_page_strings):
                continue
            if not raw.isdigit() or int(raw) < 1 or (high is not None and int(raw) > high):
                errors[name] = [
                    gettext("A whole number, at least 1 and at most %(high)d.") % {"high": high}
                    if high
                    else gettext("A whole number, at least 1.")
                ]
        if errors:
            raise ValidationError(errors)
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        parameters: list[dict[str, Any]] = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters
