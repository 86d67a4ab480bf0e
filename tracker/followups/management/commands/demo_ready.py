import time
import urllib.error
import urllib.request
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tracker.accounts.models import User
from tracker.followups.management.commands.seed_demo import DEMO_PASSWORD

# Web start-up (migrations checked, gunicorn's workers booted) takes a few seconds; longer
# than this and something is wrong, which the web process's own output says.
WAIT_SECONDS = 90


class Command(BaseCommand):
    help = (
        "Development only (`make run` starts it beside the web): waits until the web "
        "answers, then prints where to log in, after the start-up output."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--url", default="http://127.0.0.1:8000/")

    def handle(self, *args: Any, **options: Any) -> None:
        url: str = options["url"]
        if not _wait_for(url):
            self.stderr.write(f"The web did not answer at {url} within {WAIT_SECONDS} s.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Rebound is ready at {url}"))
            demo = User.objects.filter(username="demo").first()
            if demo is not None and demo.check_password(DEMO_PASSWORD):
                self.stdout.write(self.style.SUCCESS(f"Log in as demo / {DEMO_PASSWORD}"))
        self.stdout.flush()


def _wait_for(url: str) -> bool:
    """Polls our own development server on loopback: no user-given address, so not a job
    for core.outbound's guarded fetcher (which refuses loopback on purpose)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except urllib.error.HTTPError:
            return True  # it answered, if not with a 200
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    return False
