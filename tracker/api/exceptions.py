"""API errors: every refusal is a 4xx with a JSON body, and bad input names its fields."""

import re
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from tracker.api.parsers import PayloadTooLarge
from tracker.core.ownership import not_found_message


def as_api_error(
    exc: DjangoValidationError, *, rename: Mapping[str, str] | None = None
) -> exceptions.ValidationError:
    """A service's refusal as a 400, keyed by the API's field names.

    `rename` maps a service's key to the field the client sent: the stage service says
    "at", the client said "stage_changed_at".
    """
    rename = {NON_FIELD_ERRORS: api_settings.NON_FIELD_ERRORS_KEY, **(rename or {})}
    if hasattr(exc, "error_dict"):
        detail = {rename.get(key, key): messages for key, messages in exc.message_dict.items()}
    else:
        detail = {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
    return exceptions.ValidationError(detail)


class Conflict(exceptions.APIException):
    """A request the schema allows that the object's current state refuses (a follow-up
    already sent cannot be skipped): 409, with the same {field: [messages]} body as a 400."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "Not allowed in the object's current state."
    default_code = "conflict"


def as_api_conflict(exc: DjangoValidationError) -> Conflict:
    return Conflict(as_api_error(exc).detail)


# What Django's get_object_or_404 says (DRF's detail views use it): the model's class name,
# in English whatever the request's language.
_DJANGOS_404 = re.compile(r"No \w+ matches the given query\.")


def _not_found(context: Mapping[str, Any]) -> exceptions.NotFound:
    """The 404 in the request's language, naming the thing as the ownership check does."""
    queryset = getattr(context.get("view"), "queryset", None)
    if queryset is None:
        return exceptions.NotFound()
    return exceptions.NotFound(not_found_message(queryset.model))


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, plus: a service's ValidationError that no view caught is a 400, not a
    500; and every 400 body has the same shape, {field: [messages]}."""
    if isinstance(exc, DjangoValidationError):
        exc = as_api_error(exc)
    elif isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    elif isinstance(exc, Http404) and _DJANGOS_404.fullmatch(str(exc)):
        exc = _not_found(context)
    response = drf_exception_handler(exc, context)
    if response is not None and response.status_code == status.HTTP_400_BAD_REQUEST:
        data = response.data
        if isinstance(data, list):
            # A ValidationError raised with bare messages concerns the request as a whole.
            response.data = {api_settings.NON_FIELD_ERRORS_KEY: data}
        elif isinstance(data, dict) and set(data) == {"detail"}:
            # A body that is not JSON at all (ParseError).
            response.data = {api_settings.NON_FIELD_ERRORS_KEY: [data["detail"]]}
    return response
