"""Production mode is safe by construction: `check --deploy` has nothing to say."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_mode_passes_check_deploy_without_warnings() -> None:
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="rebound.example.com",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_mode_refuses_to_start_without_a_secret_key() -> None:
    result = _manage("check", DJANGO_DEBUG="0")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_development_mode_needs_no_configuration() -> None:
    result = _manage("check")

    assert result.returncode == 0, result.stderr


def test_links_in_emails_follow_the_port_make_run_serves_on() -> None:
    def site_url(**env: str) -> str:
        shown = "from django.conf import settings; print(settings.SITE_URL)"
        result = _manage("shell", "-v", "0", "-c", shown, **env)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert site_url() == "http://127.0.0.1:8000"
    assert site_url(REBOUND_PORT="8765") == "http://127.0.0.1:8765"
    assert site_url(REBOUND_PORT="8765", SITE_URL="https://rebound.example.com/") == (
        "https://rebound.example.com"
    )
