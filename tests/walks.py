"""Helpers for the tests that walk every URL of the project."""

from collections.abc import Mapping

from django.db.models import Model
from django.urls import get_resolver, reverse

from tracker.applications.models import Contact, Interview

# What the ids a URL carries beside its `pk` refer to, by the keyword's name: an object
# within the one `pk` names (a contact on the application), looked up through it.
MODEL_BY_KWARG: dict[str, type[Model]] = {
    "contact_pk": Contact,
    "interview_pk": Interview,
}


def model_for(name: str, prefixes: list[tuple[str, type[Model]]]) -> type[Model]:
    """Which model the id in the URL called `name` refers to, by the name's prefix."""
    for prefix, model in prefixes:
        if name.startswith(prefix):
            return model
    raise LookupError(f"Say which model the id in {name!r} is (MODEL_BY_PREFIX).")


def object_url(name: str, pk: int, things: Mapping[type[Model], int] | None = None) -> str:
    """The URL called `name` for the object `pk`, its other ids taken from `things` by
    MODEL_BY_KWARG; without `things`, every id is `pk` (the URL of a missing object)."""
    [(_, params)] = get_resolver().reverse_dict.getlist(name)[0][0]
    kwargs = {}
    for param in params:
        if param == "pk" or things is None:
            kwargs[param] = pk
        elif param in MODEL_BY_KWARG:
            kwargs[param] = things[MODEL_BY_KWARG[param]]
        else:
            raise LookupError(f"Say which model the id {param!r} in {name!r} is (MODEL_BY_KWARG).")
    return reverse(name, kwargs=kwargs)
