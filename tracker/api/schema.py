"""How the API describes itself: drf-spectacular's schema, plus the errors a client meets.

drf-spectacular documents only the success of each operation; a client (and schemathesis,
which checks every response against the schema) also needs to know which refusals can
come back, and their shape.
"""

from typing import Any

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.plumbing import ResolvedComponent

ERROR_SCHEMAS: dict[str, dict[str, Any]] = {
    "Error": {
        "type": "object",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
    "FieldErrors": {
        "type": "object",
        "description": "Messages by field name; `non_field_errors` concerns the request as a "
        "whole.",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    },
}


# The actions that a follow-up's status may refuse with a 409 (api.views says which).
CONFLICTING_ACTIONS: dict[str, tuple[str, ...]] = {
    "FollowUpViewSet": (
        "partial_update",
        "sent",
        "unsent",
        "detach_answer",
        "skip",
        "unskip",
        "rebuild",
        "snooze",
    ),
}


class AutoSchema(SpectacularAutoSchema):
    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        for code, (description, component) in self._errors().items():
            responses.setdefault(
                code,
                {
                    "description": description,
                    "content": {"application/json": {"schema": self._error_ref(component)}},
                },
            )
        return responses

    def _errors(self) -> dict[str, tuple[str, str]]:
        writes = self.method in ("POST", "PUT", "PATCH")
        listing = self._is_list_view()
        filtered = any(parameter.get("in") == "query" for parameter in self._get_parameters())
        security = self.get_auth()
        errors: dict[str, tuple[str, str]] = {}
        if writes or filtered:
            errors["400"] = (
                "Invalid input (a body, a filter or an action not allowed now).",
                "FieldErrors",
            )
        if security and {} not in security:
            errors["401"] = ("Missing or invalid credentials.", "Error")
            if writes:
                errors["403"] = ("CSRF check failed (session authentication only).", "Error")
        # A view whose body names one of your objects ({"application": 12}) finds it or 404s.
        names_owned = getattr(self.view, "body_names_owned_objects", False)
        if "{id}" in self.path or listing or names_owned:
            errors["404"] = ("Not found: no such object of yours, or no such page.", "Error")
        if writes and getattr(self.view, "action", "") in CONFLICTING_ACTIONS.get(
            type(self.view).__name__, ()
        ):
            errors["409"] = (
                "Not allowed in the object's current state (a follow-up already sent, or "
                "one not skipped, cannot be changed so).",
                "FieldErrors",
            )
        if getattr(self.view, "throttle_scope", None):
            errors["429"] = (
                "Too many attempts; retry after the Retry-After header's seconds.",
                "Error",
            )
        return errors

    def _error_ref(self, name: str) -> dict[str, str]:
        component = ResolvedComponent(
            name=name, type=ResolvedComponent.SCHEMA, object=name, schema=ERROR_SCHEMAS[name]
        )
        self.registry.register_on_missing(component)
        return component.ref
