"""`manage.py check_redis`, which `make run` calls first: says how to start Redis if none."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from pytest_django import Settings


def _run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_check_redis_says_how_to_start_one(settings: Settings) -> None:
    settings.REDIS_URL = "redis://127.0.0.1:1/0"

    with pytest.raises(CommandError) as excinfo:
        _run("check_redis")

    assert "not reachable at redis://127.0.0.1:1/0" in str(excinfo.value)
    assert "redis-server" in str(excinfo.value)
    assert "unset it" in str(excinfo.value)


def test_check_redis_passes_when_redis_answers() -> None:
    assert "Redis answers" in _run("check_redis")
