"""What the compose services start and stay healthy with on any engine: the release step
waits for the database, the others for its migrations; /healthz for web and a liveness
file for the workers, as their healthchecks read them."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import Client
from pytest_django import Settings

from tests.workers import celery_worker, wait_for
from tracker.core.management.commands import wait_for as waits

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_answers_over_plain_http_on_any_host_in_production(settings: Settings) -> None:
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["rebound.example.com"]
    client = Client()

    response = client.get("/healthz", HTTP_HOST="127.0.0.1:8000")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    # The same settings redirect and refuse everything else.
    assert client.get("/", HTTP_HOST="rebound.example.com").status_code == 301
    assert client.get("/accounts/login/", HTTP_HOST="127.0.0.1:8000").status_code == 400


@pytest.mark.django_db
def test_healthz_says_when_the_database_does_not_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object) -> None:
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refused)

    response = Client().get("/healthz")

    assert response.status_code == 503
    assert b"database" in response.content


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tracker.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_waiting_for_a_database_that_does_not_answer_says_so_then_gives_up() -> None:
    started = time.monotonic()

    result = _manage(
        "wait_for", "database", "--timeout", "3", DATABASE_URL="postgres://rebound@127.0.0.1:1/r"
    )

    assert result.returncode == 1
    assert result.stderr.startswith(
        "Waiting: the database at 127.0.0.1:1/r does not answer (connection"
    )
    assert "retrying every 2 s" in result.stderr
    assert "Gave up after 3 s" in result.stderr
    assert time.monotonic() - started < 60


def test_waiting_for_migrations_names_those_not_applied(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"

    waiting = _manage("wait_for", "migrations", "--timeout", "1", DATABASE_URL=database)
    _manage("migrate", "--noinput", DATABASE_URL=database)
    ready = _manage("wait_for", "migrations", DATABASE_URL=database)

    assert waiting.returncode == 1
    assert "migrations are not applied yet (" in waiting.stderr
    assert "the release step applies them" in waiting.stderr
    assert ready.returncode == 0, ready.stderr
    assert ready.stdout == "The database is migrated.\n"


@pytest.mark.django_db
def test_a_migrated_database_needs_no_wait() -> None:
    assert waits.database_problem() == ""
    assert waits.migrations_problem() == ""
    call_command("wait_for", "database")


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_consuming_worker_keeps_its_liveness_file_fresh(tmp_path: Path) -> None:
    alive = tmp_path / "alive"

    with celery_worker(tmp_path / "worker.log", env={"CELERY_WORKER_LIVENESS_FILE": str(alive)}):
        wait_for(alive.exists, timeout=30)
        os.utime(alive, (0, 0))
        wait_for(lambda: time.time() - alive.stat().st_mtime < 30, timeout=30)

    assert not alive.exists()
