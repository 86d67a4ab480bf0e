"""`make run`: the demo login is printed last, once the web answers, and the demo's own
reminders do not print whole HTML emails into the console."""

import http.server
import os
import subprocess
import threading
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tracker.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def web() -> Iterator[str]:
    """A stand-in for the development server, on a free loopback port."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_the_demo_login_is_printed_once_the_web_answers(web: str) -> None:
    call_command("seed_demo", "--applications", "3", stdout=StringIO())
    out = StringIO()

    call_command("demo_ready", "--url", web, stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[-1].endswith("Log in as demo / rebound-demo")
    assert web in lines[0]


def test_the_demo_reminds_in_the_app_not_by_email() -> None:
    call_command("seed_demo", "--applications", "3", stdout=StringIO())

    assert User.objects.get(username="demo").email_reminders is False


def test_make_run_starts_the_login_hint_beside_the_web() -> None:
    run = (Path(settings.BASE_DIR) / "Makefile").read_text().split("\nserve:", 1)[1]
    run = run.split("\n\n", 1)[0]

    assert "manage.py demo_ready --url http://127.0.0.1:$(PORT)/ &" in run
    assert run.index("demo_ready") < run.index("honcho start")


def _make_dry_run(*args: str) -> str:
    """What `make` would run, without running it."""
    result = subprocess.run(
        ["make", "--dry-run", "--no-print-directory", *args],
        cwd=settings.BASE_DIR,
        env={k: v for k, v in os.environ.items() if k not in ("PORT", "MAKEFLAGS")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_run_serves_on_the_port_it_is_given() -> None:
    commands = _make_dry_run("serve", "PORT=8765")

    assert "Rebound is starting at http://127.0.0.1:8765 " in commands
    assert "demo_ready --url http://127.0.0.1:8765/ &" in commands
    assert "--bind 127.0.0.1:8765 " in commands
    assert "REBOUND_PORT=8765 " in commands
    assert ":8000" not in commands
    assert "--bind 127.0.0.1:8000 " in _make_dry_run("serve")


def test_make_run_installs_the_app_not_the_test_tools() -> None:
    """Installing as if pyproject.toml had just changed: `make run` takes the app's own
    packages and the embedded Redis, `make test` and `make lint` the tools on top."""
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    run_installs = _make_dry_run("--what-if=pyproject.toml", "install-run")
    test_installs = _make_dry_run("--what-if=pyproject.toml", "install")

    assert "\nrun: install-run\n" in makefile
    assert "\ntest: install\n" in makefile
    assert "\nlint: install\n" in makefile
    assert 'pip install --quiet -e ".[local]"' in run_installs
    assert ".[dev]" not in run_installs
    assert 'pip install --quiet -e ".[dev]"' in test_installs
