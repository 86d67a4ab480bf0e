"""docker-compose.yml cannot be started here, so it is checked against what `make run` runs
(the Procfile), the Dockerfile, .dockerignore and .env.example, and against what engines
other than Docker's get wrong."""

import re
import shlex
from pathlib import Path
from typing import Any

import yaml

from tracker import settings as base
from tracker.core import health
from tracker.core.management.commands import wait_for

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


APP = ("release", "web", "worker", "worker-bulk", "beat")


def test_one_service_builds_the_image_the_others_run() -> None:
    """podman-compose builds once per service that has `build`: five builds at once."""
    services = _compose()["services"]

    builders = [name for name in APP if "build" in services[name]]
    assert builders == ["release"]
    assert services["release"]["build"] == "."
    assert len({services[name]["image"] for name in APP}) == 1
    for name in set(APP) - {"release"}:
        assert services[name]["pull_policy"] == "never", name  # a local image, not a registry's
    assert (ROOT / "Dockerfile").exists()


WAITS = {"release": "database", "web": "migrations", "worker": "migrations"}


def _startup(command: str) -> tuple[list[str], list[str]]:
    """A compose command `sh -c "WAIT && exec COMMAND"`, as (WAIT, COMMAND) in words."""
    sh, dash_c, script = shlex.split(command)
    assert (sh, dash_c) == ("sh", "-c")
    wait, process = script.split(" && exec ")
    return shlex.split(wait), shlex.split(process)


def test_process_commands_match_the_procfile_after_their_wait() -> None:
    services = _compose()["services"]
    procfile = _procfile()

    assert set(procfile) == set(APP)
    for name, command in procfile.items():
        wait, process = _startup(services[name]["command"])
        assert process == shlex.split(command), name
        what = WAITS.get(name, "migrations")
        assert wait == ["python", "manage.py", "wait_for", what], name
        assert what in wait_for.CHECKS
    assert shlex.split(procfile["web"])[0] == "gunicorn"


def _queues(command: str) -> set[str]:
    words = shlex.split(command)
    return set(words[words.index("-Q") + 1].split(",")) if "-Q" in words else set()


def test_the_workers_consume_every_queue_the_tasks_are_routed_to() -> None:
    """Interactive and bulk work each have a worker of their own: the
    interactive one never takes bulk work, so an import never delays a rejection."""
    procfile = _procfile()
    routed = {base.CELERY_TASK_DEFAULT_QUEUE, base.CELERY_BULK_QUEUE}

    assert _queues(procfile["worker"]) == {base.CELERY_TASK_DEFAULT_QUEUE}
    assert _queues(procfile["worker-bulk"]) == {base.CELERY_BULK_QUEUE}
    consumed = set().union(*(_queues(c) for n, c in procfile.items() if n.startswith("worker")))
    assert consumed == routed


def test_start_up_rests_on_no_depends_on_condition() -> None:
    """Podman 4.3 ignores `service_healthy`, and a dependency that has exited (the release
    step) leaves its dependants in Created: order comes from `manage.py wait_for`."""
    services = _compose()["services"]

    for name, service in services.items():
        depends = service.get("depends_on", [])
        assert isinstance(depends, list), f"{name}: conditions in depends_on"
        assert "release" not in depends, name
    for name in APP:
        assert set(services[name]["depends_on"]) == {"db", "redis"}, name
    assert services["release"]["restart"] == "on-failure"  # a database that never came


def _health_command(service: dict[str, Any]) -> str:
    test = service["healthcheck"]["test"]
    # The string form: older podman-compose quotes the list form into a broken command.
    assert isinstance(test, str)
    return test


def test_every_long_running_service_has_a_healthcheck() -> None:
    services = _compose()["services"]

    for name in ("db", "redis", "web", "worker", "worker-bulk"):
        assert _health_command(services[name]), name
    web = _health_command(services["web"])
    bind = services["web"]["environment"]["GUNICORN_CMD_ARGS"].split("--bind ")[1].split()[0]
    port = bind.rsplit(":", 1)[1]
    assert f"http://127.0.0.1:{port}{health.PATH}'" in web
    assert base.MIDDLEWARE[0] == "tracker.core.health.HealthCheckMiddleware"
    for name in ("worker", "worker-bulk"):
        alive = services[name]["environment"]["CELERY_WORKER_LIVENESS_FILE"]
        assert f"getmtime('{alive}')" in _health_command(services[name]), name
    # Waiting for migrations counts as starting, not as failing.
    for name in ("web", "worker", "worker-bulk"):
        assert services[name]["healthcheck"]["start_period"], name


def test_the_env_file_has_the_short_form() -> None:
    """The long form (`path:`, `required:`) needs Compose 2.24; podman-compose 1.0 crashes."""
    for name in APP:
        assert _compose()["services"][name]["env_file"] == ".env", name


def _assignments(path: Path) -> dict[str, str]:
    assigned = {}
    for line in path.read_text().splitlines():
        name, _, value = line.strip().partition("=")
        if name and not name.startswith("#"):
            assigned[name] = value
    return assigned


def test_env_example_is_safe_for_a_first_up_on_plain_http() -> None:
    example = _assignments(ROOT / ".env.example")
    env = _compose()["services"]["web"]["environment"]

    assert not any(name.startswith("DJANGO_SECURE_") for name in example)
    assert env["DJANGO_SECURE_SSL_REDIRECT"] == "${DJANGO_SECURE_SSL_REDIRECT:-0}"
    assert "REDIS_URL" not in example  # make run's own choice; compose sets its own
    assert "localhost" in example["DJANGO_ALLOWED_HOSTS"].split(",")


def test_every_variable_compose_sets_is_one_the_app_reads() -> None:
    settings_source = (ROOT / "tracker" / "settings.py").read_text()
    services = _compose()["services"]

    for name in APP:
        for variable in services[name]["environment"]:
            if variable != "GUNICORN_CMD_ARGS":  # gunicorn's own
                assert f'"{variable}"' in settings_source, variable


def test_the_database_lives_on_a_volume() -> None:
    compose = _compose()

    volume = compose["services"]["db"]["volumes"][0].split(":")[0]
    assert volume in compose["volumes"]


def test_the_published_port_is_the_one_web_binds_and_the_image_exposes() -> None:
    web = _compose()["services"]["web"]
    bind = web["environment"]["GUNICORN_CMD_ARGS"].split("--bind ")[1].split()[0]
    port = bind.rsplit(":", 1)[1]

    assert web["ports"] == [f"{port}:{port}"]
    assert f"EXPOSE {port}" in (ROOT / "Dockerfile").read_text()


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


def _dockerignore_rules() -> list[tuple[bool, re.Pattern[str]]]:
    """(excludes, pattern) in order, as Docker reads .dockerignore: `*` stays within one
    folder, `**` crosses them, `!` lets back in, the last rule that matches wins."""
    rules = []
    for line in (ROOT / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        excludes = not line.startswith("!")
        glob = line.removeprefix("!").strip("/")
        regex = re.escape(glob).replace(r"\*\*/", "(.*/)?").replace(r"\*\*", ".*")
        regex = regex.replace(r"\*", "[^/]*").replace(r"\?", "[^/]")
        rules.append((excludes, re.compile(f"{regex}(/.*)?")))  # a folder covers its files
    return rules


def _reaches_the_builder(path: str) -> bool:
    reaches = True
    for excludes, pattern in _dockerignore_rules():
        if pattern.fullmatch(path):
            reaches = not excludes
    return reaches


def _copied_sources() -> set[str]:
    sources: set[str] = set()
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        words = line.split()
        if words[:1] == ["COPY"] and not words[1].startswith("--from"):
            sources.update(word.rstrip("/") for word in words[1:-1])
    return sources


def test_only_what_the_dockerfile_copies_reaches_the_builder() -> None:
    """A working checkout sent about 680 MB, and its .env, before .dockerignore."""
    copied = _copied_sources()
    top_level = {entry.name for entry in ROOT.iterdir()}

    assert {"tracker", "templates", "static", "manage.py", "pyproject.toml"} <= copied
    assert {name for name in top_level if _reaches_the_builder(name)} == copied & top_level
    for kept_out in (
        ".env",
        ".venv/bin/python",
        "node_modules/bootstrap/package.json",
        ".git/HEAD",
        "db.sqlite3",
        "db.sqlite3-wal",
        "var/redis/appendonly.aof",
        "staticfiles/staticfiles.json",
        "tests/conftest.py",
        "tracker/__pycache__/settings.cpython-311.pyc",
        "tracker/core/__pycache__/health.cpython-311.pyc",
    ):
        assert not _reaches_the_builder(kept_out), kept_out
    assert _reaches_the_builder("tracker/core/health.py")
    assert _reaches_the_builder("static/js/board.js")
