"""docker-compose.yml cannot be started here, so it is checked against what `make run` runs."""

import shlex
from pathlib import Path
from typing import Any

import yaml

from tracker import settings as base

ROOT = Path(__file__).resolve().parents[2]


def _compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return data


def _procfile() -> dict[str, str]:
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip())


def test_it_has_the_services_of_the_architecture() -> None:
    services = _compose()["services"]

    assert {"web", "worker", "beat", "redis", "db"} <= set(services)
    assert services["db"]["image"].startswith("postgres:16")
    assert services["redis"]["image"].startswith("redis:")


def test_web_worker_and_beat_share_one_image_built_from_the_dockerfile() -> None:
    services = _compose()["services"]
    app = [services[name] for name in ("web", "worker", "worker-bulk", "beat", "release")]

    assert {s["build"] for s in app} == {"."}
    assert len({s["image"] for s in app}) == 1
    assert (ROOT / "Dockerfile").exists()


def test_process_commands_match_the_procfile() -> None:
    services = _compose()["services"]
    procfile = _procfile()

    assert set(procfile) == {"release", "web", "worker", "worker-bulk", "beat"}
    for name, command in procfile.items():
        assert shlex.split(services[name]["command"]) == shlex.split(command), name
    assert shlex.split(procfile["web"])[0] == "gunicorn"


def _queues(command: str) -> set[str]:
    words = shlex.split(command)
    return set(words[words.index("-Q") + 1].split(",")) if "-Q" in words else set()


def test_the_workers_consume_every_queue_the_tasks_are_routed_to() -> None:
    """Interactive and bulk work each have a worker of their own (issue 12, M6): the
    interactive one never takes bulk work, so an import never delays a rejection."""
    procfile = _procfile()
    routed = {base.CELERY_TASK_DEFAULT_QUEUE, base.CELERY_BULK_QUEUE}

    assert _queues(procfile["worker"]) == {base.CELERY_TASK_DEFAULT_QUEUE}
    assert _queues(procfile["worker-bulk"]) == {base.CELERY_BULK_QUEUE}
    consumed = set().union(*(_queues(c) for n, c in procfile.items() if n.startswith("worker")))
    assert consumed == routed


def test_redis_and_db_have_healthchecks_that_the_app_waits_for() -> None:
    services = _compose()["services"]

    for name in ("redis", "db"):
        assert services[name]["healthcheck"]["test"]
    for name in ("web", "worker", "worker-bulk", "beat"):
        depends = services[name]["depends_on"]
        assert depends["db"]["condition"] == "service_healthy"
        assert depends["redis"]["condition"] == "service_healthy"
        assert depends["release"]["condition"] == "service_completed_successfully"


def test_the_database_lives_on_a_volume() -> None:
    compose = _compose()

    volume = compose["services"]["db"]["volumes"][0].split(":")[0]
    assert volume in compose["volumes"]


def test_the_app_runs_in_production_mode_against_postgres_and_redis() -> None:
    env = _compose()["services"]["web"]["environment"]

    assert env["DJANGO_DEBUG"] == "0"
    assert env["DATABASE_URL"].startswith("postgres://")
    assert "@db:5432/" in env["DATABASE_URL"]
    assert env["REDIS_URL"] == "redis://redis:6379/0"
    assert "--bind 0.0.0.0:8000" in env["GUNICORN_CMD_ARGS"]


def test_the_dockerfile_mirrors_the_makefile_install_steps() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    makefile = (ROOT / "Makefile").read_text()

    for step in ("npm ci", "pip install"):
        assert step in dockerfile
        assert step in makefile
    assert "collectstatic" in dockerfile
