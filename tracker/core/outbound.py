"""The one way Rebound makes a request to another server: webhooks, job pages, any fetch.

A user chooses these addresses, so on a shared server each one could be a way into the
server's own network (its Redis, a cloud metadata service). The guard therefore lives at
the socket: the host is resolved once, every address is vetted, the connection goes to
the vetted address itself (no second resolution, so DNS rebinding has nothing to rebind),
and the peer the socket reached is checked again. Redirects are followed here, one hop at
a time, each hop through the same guard.

Whatever goes wrong, the caller gets one `FetchError` whose message is safe to show: it
never names an internal address, a port, a DNS answer or an OS error. Details go to the
log only.
"""

import http.client
import ipaddress
import logging
import socket
import ssl
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.utils.translation import gettext

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 1024 * 1024
MAX_REDIRECTS = 5
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
USER_AGENT = "Rebound"
# Headers that belong to one site and must not follow a redirect to another.
PER_SITE_HEADERS = {"authorization", "cookie", "proxy-authorization"}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(Exception):
    """The request did not succeed. `str(error)` is safe to show to the user.

    `kind` names the reason for code ("url", "address", "unreachable", "timeout",
    "status", "redirects", "too_large", "content_type"); `status` is the HTTP status
    when a server the guard allowed answered with an error.
    """

    def __init__(self, message: str, *, kind: str, status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status


@dataclass(frozen=True)
class Response:
    status: int
    headers: Mapping[str, str]  # names in lower case
    body: bytes
    url: str  # the final URL, after any redirects

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def _undeliverable() -> FetchError:
    return FetchError(gettext("Could not deliver to this address."), kind="unreachable")


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str  # IDNA-encoded, no brackets
    port: int
    path: str  # path and query, what goes on the request line

    @property
    def origin(self) -> tuple[str, str, int]:
        return (self.scheme, self.host, self.port)


def validate_url(url: str) -> None:
    """Refuses a URL the fetcher would never request (for a form's clean method).

    Parse-only: no DNS, so it answers the same for any host.
    """
    _parse(url)


def _parse(url: str) -> _Target:
    if any(ord(c) < 0x21 or ord(c) == 0x7F for c in url) or "\\" in url:
        # Whitespace, control characters and backslashes are where URL parsers disagree.
        raise FetchError(gettext("This address contains characters a URL cannot have."), kind="url")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(gettext("Only http:// and https:// addresses can be used."), kind="url")
    if "@" in parts.netloc:
        raise FetchError(
            gettext("Addresses with a user name or password (user@host) are not accepted."),
            kind="url",
        )
    try:
        port = parts.port or (443 if scheme == "https" else 80)
        host = (parts.hostname or "").rstrip(".")
        if not host:
            raise ValueError("no host")
        host = host.encode("idna").decode("ascii")
    except (ValueError, UnicodeError):
        raise FetchError(gettext("This is not a valid web address."), kind="url") from None
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return _Target(scheme=scheme, host=host, port=port, path=path)


def _allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    from django.conf import settings  # read per call: tests change it

    names: Sequence[str] = getattr(settings, "OUTBOUND_ALLOWED_NETWORKS", ())
    return [ipaddress.ip_network(name, strict=False) for name in names]


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, 6to4, Teredo, NAT64), if any."""
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if ip in ipaddress.IPv6Network("64:ff9b::/96"):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public(ip: IPAddress) -> bool:
    """A globally routable unicast address: not private, loopback, link-local, multicast,
    reserved, unspecified or shared (CGNAT), nor an IPv6 wrapping of one of those."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None and not is_public(embedded):
            return False
    return ip.is_global and not (
        ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_private
    )


def _address_allowed(address: str, *, allow_private: bool) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if allow_private or is_public(ip):
        return True
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return any(ip in network for network in _allowed_networks())


def _resolve(target: _Target, *, allow_private: bool) -> list[str]:
    """Resolves the host once and vets every answer: one bad answer refuses the host."""
    try:
        infos = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        logger.info("Outbound: %s did not resolve: %s", target.host, exc)
        raise _undeliverable() from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise _undeliverable()
    for address in addresses:
        if not _address_allowed(address, allow_private=allow_private):
            logger.warning("Outbound: refused %s, which resolves to %s", target.host, address)
            raise _undeliverable()
    return addresses


def _pinned_connector(addresses: list[str], *, allow_private: bool) -> Any:
    """Stands in for socket.create_connection: connects to a vetted address, never to a
    fresh lookup of the host name, and checks the peer the socket actually reached."""

    def connect(
        address: tuple[str, int], timeout: float | None = None, source_address: Any = None
    ) -> socket.socket:
        _host, port = address
        last: OSError | None = None
        for ip in addresses:
            try:
                sock = socket.create_connection((ip, port), timeout, source_address)
            except OSError as exc:
                last = exc
                continue
            peer = str(sock.getpeername()[0])
            if not _address_allowed(peer, allow_private=allow_private):
                sock.close()
                raise _PeerRefused(peer)
            return sock
        raise last or OSError("no address to connect to")

    return connect


class _PeerRefused(OSError):
    """The socket reached an address the guard does not allow."""


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, target: _Target, connector: Any, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self._create_connection = connector


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    # HTTPSConnection wraps the socket with server_hostname=self.host: SNI and the
    # certificate check are for the host name, while the socket goes to the pinned address.
    def __init__(self, target: _Target, connector: Any, timeout: float) -> None:
        super().__init__(
            target.host, target.port, timeout=timeout, context=ssl.create_default_context()
        )
        self._create_connection = connector


def fetch(
    url: str,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 10,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allowed_content_types: Sequence[str] | None = None,
    allow_private: bool = False,
    max_redirects: int = MAX_REDIRECTS,
) -> Response:
    """Requests `url` through the guard; raises FetchError for anything but a 2xx answer.

    `timeout` bounds the whole exchange, redirects included. `allow_private` is for an
    administrator's explicit choice (a self-hosted ntfy on the LAN); the setting
    OUTBOUND_ALLOWED_NETWORKS allows listed networks only.
    """
    deadline = time.monotonic() + timeout
    sent = {"User-Agent": USER_AGENT, **(headers or {})}
    target = _parse(url)
    for _hop in range(max_redirects + 1):
        response = _request_once(
            target,
            method=method,
            body=body,
            headers=sent,
            deadline=deadline,
            max_bytes=max_bytes,
            allow_private=allow_private,
        )
        location = response.headers.get("location")
        if response.status not in REDIRECT_STATUSES or not location:
            break
        next_url = urljoin(_url_of(target), location)
        next_target = _parse(next_url)
        if next_target.origin != target.origin:
            sent = {k: v for k, v in sent.items() if k.lower() not in PER_SITE_HEADERS}
        if response.status in (301, 302, 303) and method != "HEAD":
            # What browsers do: the redirected request is a GET, without the body.
            method, body = "GET", None
            sent = {k: v for k, v in sent.items() if k.lower() != "content-type"}
        target = next_target
    else:
        logger.info("Outbound: more than %s redirects from %s", max_redirects, url)
        raise FetchError(gettext("The address redirected too many times."), kind="redirects")

    if not 200 <= response.status < 300:
        raise FetchError(
            gettext("Could not deliver to this address: the server answered %(status)d.")
            % {"status": response.status},
            kind="status",
            status=response.status,
        )
    if allowed_content_types is not None and response.content_type not in {
        t.lower() for t in allowed_content_types
    }:
        raise FetchError(
            gettext("The address did not answer with a page we can read."), kind="content_type"
        )
    return response


def _url_of(target: _Target) -> str:
    host = f"[{target.host}]" if ":" in target.host else target.host
    return f"{target.scheme}://{host}:{target.port}{target.path}"


def _request_once(
    target: _Target,
    *,
    method: str,
    body: bytes | None,
    headers: Mapping[str, str],
    deadline: float,
    max_bytes: int,
    allow_private: bool,
) -> Response:
    addresses = _resolve(target, allow_private=allow_private)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(gettext("The address took too long to answer."), kind="timeout")
    connector = _pinned_connector(addresses, allow_private=allow_private)
    connection_class = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(target, connector, remaining)
    try:
        connection.request(method, target.path, body=body, headers=dict(headers))
        answer = connection.getresponse()
        received = {name.lower(): value for name, value in answer.getheaders()}
        declared = received.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(gettext("The answer was too large."), kind="too_large")
        content = _read_capped(answer, max_bytes=max_bytes, deadline=deadline)
        return Response(status=answer.status, headers=received, body=content, url=_url_of(target))
    except FetchError:
        raise
    except _PeerRefused as exc:
        logger.warning("Outbound: %s connected to refused peer %s", target.host, exc)
        raise _undeliverable() from None
    except TimeoutError as exc:
        logger.info("Outbound: %s timed out: %s", target.host, exc)
        raise FetchError(gettext("The address took too long to answer."), kind="timeout") from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        # Refused connections, TLS failures, malformed answers, http.client's InvalidURL.
        logger.info("Outbound: %s failed: %r", target.host, exc)
        raise _undeliverable() from None
    finally:
        connection.close()


def _read_capped(answer: http.client.HTTPResponse, *, max_bytes: int, deadline: float) -> bytes:
    """Reads at most max_bytes, and not past the deadline: a server that trickles its
    answer one byte at a time must not hold a worker."""
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError("answer not complete before the deadline")
        chunk = answer.read1(64 * 1024)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(gettext("The answer was too large."), kind="too_large")
        chunks.append(chunk)
