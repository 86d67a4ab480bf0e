"""gunicorn with one sync worker, for the pages and the export timed over HTTP."""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from tracker.bench.measure import Bench


class Web:
    """gunicorn with sync workers (one unless asked) on a free 127.0.0.1 port, on the
    bench's database."""

    def __init__(self, workers: int = 1) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        env = {**os.environ, "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "tracker.wsgi", f"--workers={workers}",
             f"--bind=127.0.0.1:{self.port}", "--timeout=600", "--log-level=warning"],
            env=env,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise CommandError("gunicorn did not start") from None
                time.sleep(0.1)

    def _get(self, session: str, url: str) -> tuple[int, int]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        try:
            cookie = f"{settings.SESSION_COOKIE_NAME}={session}"
            conn.request("GET", url, headers={"Cookie": cookie})
            response = conn.getresponse()
            size = 0
            while chunk := response.read(1 << 16):
                size += len(chunk)
            return response.status, size
        finally:
            conn.close()

    def fetch(self, session: str, url: str) -> int:
        return self._get(session, url)[0]

    def download(self, session: str, url: str) -> int:
        status, size = self._get(session, url)
        if status != 200:
            raise CommandError(f"{url} answered {status}")
        return size

    def _worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def _worker_pid(self) -> int:
        return self._worker_pids()[0]

    def workers_cpu(self) -> float:
        """Seconds of CPU the workers have spent so far (user and system, Linux)."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in self._worker_pids():
            # The fields after the command's closing parenthesis; utime and stime are
            # the 14th and 15th of the whole line.
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        return total / ticks

    def memory_reset(self) -> bool:
        """Resets the worker's peak RSS (Linux: clear_refs 5); False where it cannot."""
        try:
            Path(f"/proc/{self._worker_pid()}/clear_refs").write_text("5")
        except (OSError, IndexError, ValueError):
            return False
        return True

    def memory(self) -> tuple[int, int]:
        """The worker's resident memory now and at its peak, in bytes."""
        status = Path(f"/proc/{self._worker_pid()}/status").read_text()
        found = re.findall(r"^(VmRSS|VmHWM):\s*(\d+)", status, re.MULTILINE)
        kb = {key: int(value) for key, value in found}
        return kb["VmRSS"] * 1024, kb["VmHWM"] * 1024

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def web_for(bench: Bench) -> Iterator[Web | None]:
    """gunicorn for the run, or None when it times through the test client in process."""
    if bench.in_process:
        yield None
        return
    web = Web()
    try:
        yield web
    finally:
        web.stop()
