"""The API's JSON parser: a body too large or nested too deeply is a JSON 4xx, not a 500."""

import json
from collections.abc import Mapping
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext, gettext_lazy
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser as DRFJSONParser


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request body is too large.")
    default_code = "payload_too_large"


def max_body_bytes() -> int:
    return int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 2_621_440)


class JSONParser(DRFJSONParser):
    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        limit = max_body_bytes()
        # Read one byte past the limit: enough to know, never the whole of a huge body.
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise PayloadTooLarge(
                gettext("The request body is larger than %(size)d KB.") % {"size": limit // 1024}
            )
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            return json.loads(raw.decode(encoding), parse_constant=_no_constant)
        except RecursionError:
            raise exceptions.ParseError(gettext("JSON parse error - nested too deeply.")) from None
        except ValueError as exc:
            raise exceptions.ParseError(
                gettext("JSON parse error - %(problem)s") % {"problem": exc}
            ) from None


def _no_constant(name: str) -> None:
    # NaN and Infinity are not JSON (DRF refuses them too in strict mode).
    raise ValueError(f"{name} is not valid JSON")
