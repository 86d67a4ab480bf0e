"""Helpers for the tests that walk every URL of the project."""

from django.db.models import Model


def model_for(name: str, prefixes: list[tuple[str, type[Model]]]) -> type[Model]:
    """Which model the id in the URL called `name` refers to, by the name's prefix."""
    for prefix, model in prefixes:
        if name.startswith(prefix):
            return model
    raise LookupError(f"Say which model the id in {name!r} is (MODEL_BY_PREFIX).")
