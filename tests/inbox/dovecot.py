"""A real IMAP server for tests: Debian's Dovecot on a spare port with a private config.

Plain IMAP on 127.0.0.1, plus IMAPS with a self-signed certificate (for the "bad
certificate" case). Users live in a passwd-file; each has a maildir that the test fills.
See /work/shared/MACHINE-NOTES.md for why the config looks the way it does.
"""

import datetime as dt
import grp
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def available() -> bool:
    return os.path.exists(DOVECOT) and os.geteuid() == 0


@dataclass
class Dovecot:
    root: Path
    port: int
    tls_port: int
    uid: int
    gid: int
    users: dict[str, str] = field(default_factory=dict)

    def add_user(self, username: str, password: str) -> None:
        """A user who can log in at once (Dovecot re-reads the passwd-file per login)."""
        self.users[username] = password
        # One passwd-file per user: Dovecot caches a file by its mtime (whole seconds), so
        # rewriting one shared file twice in a second would hide the second user.
        (self.root / "users" / username).write_text(f"{username}:{{PLAIN}}{password}::::::\n")
        for sub in ("cur", "new", "tmp"):
            self._own(self.maildir(username) / sub)

    def maildir(self, username: str) -> Path:
        return self.root / "mail" / username / "Maildir"

    def deliver(
        self, username: str, raw: bytes, *, received: dt.datetime | None = None, folder: str = ""
    ) -> Path:
        """Drops a message into the user's maildir as a mail server would (tmp, then new).

        `received` sets its arrival date (the IMAP INTERNALDATE that SEARCH SINCE reads).
        """
        base = self.maildir(username)
        if folder:
            base = base / f".{folder}"
            for sub in ("cur", "new", "tmp"):
                self._own(base / sub)
        name = f"{int(time.time())}.M{uuid.uuid4().hex}.rebound-test"
        tmp = base / "tmp" / name
        tmp.write_bytes(raw)
        os.chown(tmp, self.uid, self.gid)
        if received is not None:
            stamp = received.timestamp()
            os.utime(tmp, (stamp, stamp))
        final = base / "new" / name
        tmp.rename(final)
        return final

    def _own(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        for part in [path, *path.parents]:
            if part == self.root:
                break
            os.chown(part, self.uid, self.gid)


def _self_signed(root: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = root / "cert.pem", root / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
disable_plaintext_auth = no
auth_failure_delay = 0
auth_mechanisms = plain login
default_login_user = dovenull
default_internal_user = dovecot
first_valid_uid = {uid}
mail_location = maildir:~/Maildir
mail_fsync = never
# A Sent folder under a name no list of usual names holds, found by its RFC 6154 mark.
namespace inbox {{
  inbox = yes
  mailbox "Outbox Copies" {{
    special_use = \\Sent
  }}
}}
passdb {{
  driver = passwd-file
  args = {root}/users/%u
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  chroot =
}}
"""


@contextmanager
def dovecot_server() -> Iterator[Dovecot]:
    """Starts Dovecot in a fresh directory; stops it and removes everything afterwards."""
    uid = pwd.getpwnam("dovecot").pw_uid
    gid = grp.getgrnam("dovecot").gr_gid
    # Not under pytest's tmp_path: that is private to root, and the mail processes run
    # as the dovecot user, who must reach the maildirs.
    root = Path(tempfile.mkdtemp(prefix="rebound-dovecot-"))
    root.chmod(0o755)
    (root / "mail").mkdir()
    os.chown(root / "mail", uid, gid)
    (root / "users").mkdir()
    cert, key = _self_signed(root)
    server = Dovecot(root=root, port=free_port(), tls_port=free_port(), uid=uid, gid=gid)
    config = root / "dovecot.conf"
    values = {"root": root, "cert": cert, "key": key, "uid": uid, "gid": gid}
    config.write_text(CONFIG.format(**values, port=server.port, tls_port=server.tls_port))
    # It forks into the background: no pipes, or waiting for them would wait for it.
    with (root / "start.log").open("wb") as out:
        subprocess.run([DOVECOT, "-c", str(config)], check=True, stdout=out, stderr=out, timeout=30)
    try:
        _wait_for_port(server.port, root)
        yield server
    finally:
        pid_file = root / "run" / "master.pid"
        if pid_file.exists():
            pid = int(pid_file.read_text().strip())
            try:
                os.kill(pid, signal.SIGTERM)
                for _ in range(50):
                    os.kill(pid, 0)
                    time.sleep(0.1)
            except ProcessLookupError:
                pass
        shutil.rmtree(root, ignore_errors=True)


def _wait_for_port(port: int, root: Path, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                if s.recv(100).startswith(b"* OK"):
                    return
        except OSError:
            time.sleep(0.1)
    log = root / "dovecot.log"
    raise RuntimeError(f"Dovecot did not start: {log.read_text() if log.exists() else ''}")
