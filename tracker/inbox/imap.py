"""Reading an IMAP mailbox, read-only: the one place Rebound talks IMAP.

Read-only by construction: every folder is opened with EXAMINE (imaplib's readonly
select) and messages are fetched with BODY.PEEK[], which leaves the \\Seen flag alone. Of
the Sent folder (opt-in) only a few headers are fetched, the same way. Nothing here
sends STORE, COPY, MOVE or EXPUNGE. Every socket has a timeout.

A user names the host, so it is vetted as outbound requests are (tracker.core.outbound):
resolved once, every address public or in OUTBOUND_ALLOWED_NETWORKS, and the connection
goes to the vetted address. Whatever fails, the caller gets one MailboxError whose message
says plainly what went wrong (DNS, TLS, certificate, login, folder, timeout) and is safe to
show: no stack trace, no internal address.
"""

import base64
import functools
import imaplib
import ipaddress
import logging
import re
import socket
import ssl
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.utils.translation import gettext, ngettext

from tracker.core.outbound import is_public

logger = logging.getLogger(__name__)

# Only the start of each message is fetched: the reader reads no more than this anyway,
# so a 25 MB attachment never crosses the wire whole.
FETCH_BYTES = 200_000
FETCH_BATCH = 50
# Of a message in the Sent folder, only what says where it went and in which thread.
SENT_HEADERS = "FROM TO CC SUBJECT DATE MESSAGE-ID"
# Where mail clients keep what they sent, when the server does not mark the folder \Sent
# (RFC 6154): English, German, French, Spanish, Apple Mail, Gmail.
SENT_NAMES = (
    "Sent",
    "Sent Items",
    "Gesendet",
    "Gesendete Elemente",
    "Envoyés",
    "Éléments envoyés",
    "Enviados",
    "Elementos enviados",
    "Sent Messages",
    "Sent Mail",
    "[Gmail]/Sent Mail",
)
# Plain IMAP (no TLS) only to a server on this machine: a password in clear over a network
# is never acceptable.
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class MailboxError(Exception):
    """What went wrong, in words for the settings page. `kind` is for code and tests."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass(frozen=True)
class MailboxAddress:
    host: str
    port: int
    security: str  # tls | starttls | none
    username: str
    password: str
    folder: str = "INBOX"

    def __repr__(self) -> str:  # never the password, not even in a traceback's locals
        return f"MailboxAddress({self.username}@{self.host}:{self.port}/{self.folder})"


@dataclass(frozen=True)
class Fetched:
    uid: int
    size: int
    raw: bytes  # the first FETCH_BYTES of the message


def _timeout() -> float:
    return float(getattr(settings, "INBOX_IMAP_TIMEOUT", 20))


def _allowed(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if is_public(ip):
        return True
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    names: Sequence[str] = getattr(settings, "OUTBOUND_ALLOWED_NETWORKS", ())
    return any(ip in ipaddress.ip_network(name, strict=False) for name in names)


def _resolve(host: str, port: int) -> str:
    """The vetted address of the host. A name that does not resolve and one that resolves
    to a refused address get the same words: telling them apart would let anyone map the
    server's own network by name."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        infos = []
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses or not all(_allowed(a) for a in addresses):
        logger.warning("Inbox: refused IMAP host %s (%s)", host, addresses or "not found")
        raise MailboxError(
            "host",
            gettext(
                "“%(host)s” is not a mail server this Rebound can reach. Check the spelling. "
                "Only public mail servers are reached, unless the administrator lists the "
                "network in OUTBOUND_ALLOWED_NETWORKS (for example 127.0.0.0/8 or "
                "192.168.1.0/24) and restarts Rebound."
            )
            % {"host": host},
        )
    return addresses[0]


class _Plain(imaplib.IMAP4):
    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        self._address = address
        super().__init__(host, port, timeout)

    def _create_socket(self, timeout: float | None) -> socket.socket:
        return socket.create_connection((self._address, self.port), timeout)


class _TLS(imaplib.IMAP4_SSL):
    def __init__(
        self, host: str, port: int, *, address: str, context: ssl.SSLContext, timeout: float
    ) -> None:
        self._address = address
        super().__init__(host, port, ssl_context=context, timeout=timeout)

    def _create_socket(self, timeout: float | None) -> socket.socket:
        sock = socket.create_connection((self._address, self.port), timeout)
        return self.ssl_context.wrap_socket(sock, server_hostname=self.host)


def _quote(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _explain(exc: BaseException, where: MailboxAddress, timeout: float) -> MailboxError:
    """The plain words for what a connection attempt raised."""
    server = {"server": f"{where.host}:{where.port}"}
    if isinstance(exc, MailboxError):
        return exc
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailboxError(
            "certificate",
            gettext(
                "The server's TLS certificate is not trusted (%(error)s). Check the server "
                "name; a self-signed certificate is refused."
            )
            % {"error": exc.verify_message},
        )
    if isinstance(exc, ssl.SSLError):
        return MailboxError(
            "tls",
            gettext(
                "The TLS handshake with %(server)s failed. Check the port and the security "
                "setting (TLS is usually port 993, STARTTLS port 143)."
            )
            % server,
        )
    if isinstance(exc, TimeoutError | socket.timeout):
        return MailboxError(
            "timeout",
            gettext("%(server)s did not answer in %(seconds)s seconds.")
            % {**server, "seconds": f"{timeout:g}"},
        )
    if isinstance(exc, ConnectionRefusedError):
        return MailboxError(
            "refused", gettext("Nothing accepts connections at %(server)s.") % server
        )
    if isinstance(exc, imaplib.IMAP4.abort | EOFError | ConnectionError):
        return MailboxError(
            "protocol", gettext("%(server)s closed the connection unexpectedly.") % server
        )
    if isinstance(exc, OSError):
        return MailboxError(
            "network",
            gettext("%(server)s could not be reached (%(error)s).")
            % {**server, "error": exc.strerror or exc},
        )
    return MailboxError(
        "protocol", gettext("%(server)s answered in a way Rebound did not understand.") % server
    )


class Session:
    """An open, logged-in, read-only view of one folder."""

    def __init__(
        self, connection: imaplib.IMAP4, uidvalidity: int, exists: int, where: MailboxAddress
    ) -> None:
        self._connection = connection
        self._where = where
        self.timeout = connection.sock.gettimeout() or _timeout()
        self.uidvalidity = uidvalidity
        self.exists = exists

    def _command(self, *args: str) -> tuple[str, list[Any]]:
        try:
            typ, data = self._connection.uid(*args)
        except Exception as exc:
            raise _explain(exc, self._where, self.timeout) from None
        return typ, data

    def folders(self) -> list[bytes]:
        """The LIST answer, a line a folder (for sent_folder_of)."""
        try:
            typ, data = self._connection.list()
        except Exception as exc:
            raise _explain(exc, self._where, self.timeout) from None
        if typ != "OK":
            raise MailboxError("protocol", gettext("The server refused to list its folders."))
        return [d for d in data if isinstance(d, bytes)]

    def examine(self, folder: str) -> None:
        """Opens another folder of the same mailbox, read-only (EXAMINE)."""
        try:
            typ, data = self._connection.select(_quote(folder), readonly=True)
        except imaplib.IMAP4.abort as exc:
            raise _explain(exc, self._where, self.timeout) from None
        except imaplib.IMAP4.error:
            typ, data = "NO", []
        if typ != "OK":
            raise MailboxError(
                "folder", gettext("There is no folder named “%(folder)s”.") % {"folder": folder}
            )
        self.uidvalidity, self.exists = _validity(self._connection, data)

    def uids_since(self, day: date) -> list[int]:
        """UIDs of the messages that arrived on or after this day (INTERNALDATE)."""
        return self._search("SINCE", day.strftime("%d-%b-%Y"))

    def uids_after(self, uid: int) -> list[int]:
        # "N:*" always includes the newest message, even when its UID is below N.
        return [u for u in self._search("UID", f"{uid + 1}:*") if u > uid]

    def _search(self, *criteria: str) -> list[int]:
        typ, data = self._command("SEARCH", *criteria)
        if typ != "OK":
            raise MailboxError("protocol", gettext("The server refused to search the folder."))
        found = b" ".join(d for d in data if isinstance(d, bytes)).split()
        return sorted(int(u) for u in found if u.isdigit())

    def fetch(self, uids: Sequence[int], *, headers_only: bool = False) -> Iterator[Fetched]:
        """The start of each message (or a few of its headers), oldest first, FETCH_BATCH
        at a time."""
        part = (
            f"BODY.PEEK[HEADER.FIELDS ({SENT_HEADERS})]"
            if headers_only
            else (f"BODY.PEEK[]<0.{FETCH_BYTES}>")
        )
        for start in range(0, len(uids), FETCH_BATCH):
            batch = uids[start : start + FETCH_BATCH]
            typ, data = self._command(
                "FETCH", ",".join(str(u) for u in batch), f"(UID RFC822.SIZE {part})"
            )
            if typ != "OK":
                raise MailboxError("protocol", gettext("The server refused to send the messages."))
            found = sorted(_parse_fetch(data), key=lambda f: f.uid)
            yield from found


_UID = re.compile(rb"UID (\d+)")
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")


def _parse_fetch(data: list[Any]) -> Iterator[Fetched]:
    for part in data:
        if not isinstance(part, tuple) or len(part) < 2:
            continue
        head, body = part[0], part[1]
        uid = _UID.search(head)
        if uid is None:
            continue
        size = _SIZE.search(head)
        yield Fetched(
            uid=int(uid.group(1)), size=int(size.group(1)) if size else len(body), raw=body
        )


@functools.cache
def tls_context() -> ssl.SSLContext:
    """The one TLS context of this process, verifying as Python's default does. Made once:
    reading the system's CA certificates took 25 ms, half of a poll that finds nothing
    new, paid again by every poll of every mailbox. A context is safe to share between
    connections and threads; a new CA bundle is read when the worker restarts."""
    return ssl.create_default_context()


def _connect(where: MailboxAddress, timeout: float) -> imaplib.IMAP4:
    if where.security == "none" and where.host not in LOCAL_HOSTS:
        raise MailboxError(
            "insecure", gettext("A connection without TLS is only allowed to 127.0.0.1.")
        )
    address = _resolve(where.host, where.port)
    if where.security == "tls":
        context = tls_context()
        return _TLS(where.host, where.port, address=address, context=context, timeout=timeout)
    connection = _Plain(where.host, where.port, address=address, timeout=timeout)
    if where.security == "starttls":
        try:
            connection.starttls(ssl_context=tls_context())
        except imaplib.IMAP4.error as exc:
            if isinstance(exc, imaplib.IMAP4.abort):
                raise
            connection.shutdown()
            raise MailboxError(
                "tls",
                gettext("%(server)s does not offer STARTTLS; try TLS.")
                % {"server": f"{where.host}:{where.port}"},
            ) from None
    return connection


def _login_and_examine(connection: imaplib.IMAP4, where: MailboxAddress) -> Session:
    try:
        connection.login(where.username, where.password)
    except imaplib.IMAP4.abort:
        raise
    except imaplib.IMAP4.error:
        raise MailboxError(
            "login",
            gettext(
                "The server refused the username or app password. Check them (many "
                "providers need an app password, not your usual one)."
            ),
        ) from None
    try:
        typ, data = connection.select(_quote(where.folder), readonly=True)
    except imaplib.IMAP4.abort:
        raise
    except imaplib.IMAP4.error:
        typ, data = "NO", []
    if typ != "OK":
        raise MailboxError(
            "folder", gettext("There is no folder named “%(folder)s”.") % {"folder": where.folder}
        )
    uidvalidity, exists = _validity(connection, data)
    return Session(connection, uidvalidity, exists, where)


def _validity(connection: imaplib.IMAP4, data: list[Any]) -> tuple[int, int]:
    """The opened folder's UIDVALIDITY and how many messages it holds."""
    _, validity = connection.response("UIDVALIDITY")
    try:
        uidvalidity = int(validity[0]) if validity and validity[0] else 0
        exists = int(data[0]) if data and data[0] else 0
    except (TypeError, ValueError):
        raise MailboxError(
            "protocol", gettext("The server did not say how it numbers messages.")
        ) from None
    return uidvalidity, exists


_LIST_LINE = re.compile(rb'^\((?P<flags>[^)]*)\)\s+(?:"(?:[^"\\]|\\.)*"|NIL)\s+(?P<name>.+)$', re.I)


_SHIFTED = re.compile(r"&([A-Za-z0-9+,]*)-")


def folder_name_text(name: str) -> str:
    """A folder name as IMAP writes it (modified UTF-7, RFC 3501: "Envoy&AOk-s"), as text."""

    def shifted(found: re.Match[str]) -> str:
        run = found.group(1)
        if not run:
            return "&"
        padded = run.replace(",", "/") + "=" * (-len(run) % 4)
        try:
            return base64.b64decode(padded).decode("utf-16-be")
        except (ValueError, UnicodeDecodeError):
            return found.group(0)

    return _SHIFTED.sub(shifted, name)


def sent_folder_of(lines: Sequence[bytes]) -> str | None:
    """The Sent folder among a LIST answer's lines, as the server names it (to EXAMINE):
    the one it marks \\Sent, else the first of the usual names (any case), else None."""
    folders: list[tuple[set[str], str]] = []
    for line in lines:
        found = _LIST_LINE.match(line.strip())
        if found is None:
            continue
        flags = {f.lower() for f in found.group("flags").decode("ascii", "replace").split()}
        name = found.group("name").decode("utf-8", "replace").strip()
        if name.startswith('"') and name.endswith('"') and len(name) >= 2:
            name = re.sub(r"\\(.)", r"\1", name[1:-1])
        if "\\noselect" in flags or "\\nonexistent" in flags:
            continue
        folders.append((flags, name))
    for flags, name in folders:
        if "\\sent" in flags:
            return name
    by_name = {folder_name_text(name).casefold(): name for _, name in folders}
    for usual in SENT_NAMES:
        for separator in ("", "INBOX.", "INBOX/"):
            if (separator + usual).casefold() in by_name:
                return by_name[(separator + usual).casefold()]
    return None


@contextmanager
def mailbox_open(where: MailboxAddress, *, timeout: float | None = None) -> Iterator[Session]:
    """Connects, logs in and examines the folder; logs out afterwards, whatever happened."""
    timeout = timeout or _timeout()
    try:
        connection = _connect(where, timeout)
    except Exception as exc:
        raise _explain(exc, where, timeout) from None
    try:
        try:
            session = _login_and_examine(connection, where)
        except Exception as exc:
            raise _explain(exc, where, timeout) from None
        yield session
    finally:
        try:
            connection.logout()
        except Exception:  # the connection may already be gone; nothing to tell
            logger.debug("Inbox: logout from %s failed", where.host)


def mailbox_check(where: MailboxAddress, *, timeout: float | None = None) -> str:
    """Test connection: connects, logs in, opens the folder, says what it found."""
    with mailbox_open(where, timeout=timeout) as session:
        count = session.exists
    return ngettext(
        "Connected. %(folder)s holds %(count)d message; Rebound will only read it.",
        "Connected. %(folder)s holds %(count)d messages; Rebound will only read it.",
        count,
    ) % {"folder": where.folder, "count": count}
