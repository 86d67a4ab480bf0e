"""The guarded fetcher: every outbound request reaches only addresses the guard allows.

127.0.0.2 stands in for "a public server" (OUTBOUND_ALLOWED_NETWORKS lists it and nothing
else); 127.0.0.1 and everything else not public stays refused, as in production.
"""

import datetime
import ipaddress
import socket
import ssl
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pytest_django import Settings

from tests.security.servers import Server, redirect_to
from tracker.core import outbound
from tracker.core.outbound import FetchError, fetch

PUBLIC = "127.0.0.2"  # the stand-in for a public address


@pytest.fixture(autouse=True)
def _only_the_stand_in_is_allowed(settings: Settings) -> None:
    settings.OUTBOUND_ALLOWED_NETWORKS = [f"{PUBLIC}/32"]


@pytest.fixture
def public() -> Iterator[Server]:
    server = Server(PUBLIC)
    yield server
    server.close()


@pytest.fixture
def internal() -> Iterator[Server]:
    """Something on the server's own network (a Redis, an admin page)."""
    server = Server("127.0.0.1")
    yield server
    server.close()


class Resolver:
    """Stands in for DNS at the outside boundary: names map to lists of answers, one list
    per lookup (the last repeats), so a test can change the answer between lookups."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answers: dict[str, list[list[str]]] = {}
        self.lookups: list[str] = []
        real = socket.getaddrinfo

        def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
            if host not in self.answers:
                return real(host, port, *args, **kwargs)
            self.lookups.append(host)
            answers = self.answers[host]
            ips = answers.pop(0) if len(answers) > 1 else answers[0]
            return [
                (
                    socket.AF_INET6 if ":" in ip else socket.AF_INET,
                    socket.SOCK_STREAM,
                    6,
                    "",
                    (ip, port),
                )
                for ip in ips
            ]

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    def answer(self, host: str, *lookups: list[str]) -> None:
        self.answers[host] = list(lookups)


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> Resolver:
    return Resolver(monkeypatch)


def assert_user_safe(error: FetchError, *secrets: object) -> None:
    message = str(error)
    for secret in ("127.0.0.", "169.254", "::1", "refused", "errno", "resolve", *secrets):
        assert str(secret).lower() not in message.lower(), message


def test_it_fetches_from_a_public_server(public: Server, dns: Resolver) -> None:
    dns.answer("jobs.example.com", [PUBLIC])

    response = fetch(f"http://jobs.example.com:{public.port}/posting?id=7")

    assert response.status == 200
    assert response.body == b"ok"
    assert response.content_type == "text/plain"
    (request,) = public.requests
    assert request.path == "/posting?id=7"
    assert request.headers["Host"] == f"jobs.example.com:{public.port}"


def test_a_public_name_that_resolves_to_loopback_is_refused(
    internal: Server, dns: Resolver
) -> None:
    dns.answer("hooks.example.com", ["127.0.0.1"])

    with pytest.raises(FetchError) as caught:
        fetch(f"http://hooks.example.com:{internal.port}/")

    assert internal.requests == []
    assert_user_safe(caught.value, internal.port)


def test_one_private_answer_among_public_ones_refuses_the_host(
    internal: Server, dns: Resolver
) -> None:
    dns.answer("mixed.example.com", [PUBLIC, "127.0.0.1"])

    with pytest.raises(FetchError):
        fetch(f"http://mixed.example.com:{internal.port}/")

    assert internal.requests == []


def test_the_host_is_resolved_once_and_the_connection_pinned(
    public: Server, internal: Server, dns: Resolver
) -> None:
    # DNS rebinding: the first answer passes the check, later ones point inside.
    dns.answer("rebind.example.com", [PUBLIC], ["127.0.0.1"])

    fetch(f"http://rebind.example.com:{public.port}/")

    assert dns.lookups == ["rebind.example.com"]
    assert len(public.requests) == 1
    assert internal.requests == []


def test_the_address_the_socket_reaches_is_checked(
    internal: Server, dns: Resolver, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whatever sits between the check and the socket (a NAT, a patched resolver in the
    # C library), the peer the socket actually reached is what counts.
    dns.answer("hooks.example.com", [PUBLIC])
    real = socket.create_connection
    monkeypatch.setattr(
        socket,
        "create_connection",
        lambda address, *args, **kwargs: real(("127.0.0.1", address[1]), *args, **kwargs),
    )

    with pytest.raises(FetchError):
        fetch(f"http://hooks.example.com:{internal.port}/")

    assert internal.requests == []


@pytest.mark.parametrize(
    "inside",
    [
        "http://127.0.0.1:{port}/",
        "http://[::ffff:127.0.0.1]:{port}/",
        "http://169.254.169.254/latest/meta-data/",
        "http://internal.example.com:{port}/",
        "http://0.0.0.0:{port}/",
    ],
)
def test_a_redirect_inside_is_refused(
    public: Server, internal: Server, dns: Resolver, inside: str
) -> None:
    dns.answer("internal.example.com", ["127.0.0.1"])
    public.answer = redirect_to(inside.format(port=internal.port))

    with pytest.raises(FetchError) as caught:
        fetch(public.url("/hook"), method="POST", body=b"{}")

    assert len(public.requests) == 1
    assert internal.requests == []
    assert_user_safe(caught.value, internal.port)


def test_a_redirect_to_a_public_server_is_followed_as_a_browser_would(
    public: Server, dns: Resolver
) -> None:
    dns.answer("moved.example.com", [PUBLIC])
    target = Server(PUBLIC)
    try:
        public.answer = redirect_to(f"http://moved.example.com:{target.port}/new", status=303)

        response = fetch(
            public.url("/old"),
            method="POST",
            body=b"{}",
            headers={"Content-Type": "application/json", "Authorization": "Bearer x"},
        )

        assert response.status == 200
        assert response.url == f"http://moved.example.com:{target.port}/new"
        (request,) = target.requests
        assert (request.method, request.body) == ("GET", b"")
        assert "Authorization" not in request.headers  # it belonged to the first site
    finally:
        target.close()


def test_endless_redirects_stop(public: Server) -> None:
    public.answer = redirect_to(public.url("/again"), status=307)

    with pytest.raises(FetchError) as caught:
        fetch(public.url("/"))

    assert caught.value.kind == "redirects"
    assert len(public.requests) == outbound.MAX_REDIRECTS + 1


def test_redirects_can_be_refused(public: Server) -> None:
    public.answer = redirect_to(public.url("/elsewhere"))

    with pytest.raises(FetchError):
        fetch(public.url("/"), max_redirects=0)

    assert len(public.requests) == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://user@hooks.example.com/",
        "http://user:secret@hooks.example.com/",
        "http://hooks.example.com@127.0.0.1:6379/",
        "http://127.0.0.1:6379\\@hooks.example.com/",
        "http://hooks.example.com:6379 @127.0.0.1/",
        "http://hooks.example.com/\r\nSET x 1",
        "ftp://hooks.example.com/",
        "file:///etc/passwd",
        "gopher://127.0.0.1:6379/_SET",
        "dict://127.0.0.1:6379/",
        "http:///nohost",
        "http://hooks.example.com:99999/",
        "http://hooks.example.com:abc/",
        "//hooks.example.com/",
    ],
)
def test_urls_the_fetcher_never_requests(url: str, dns: Resolver) -> None:
    dns.answer("hooks.example.com", [PUBLIC])

    with pytest.raises(FetchError) as caught:
        fetch(url)
    with pytest.raises(FetchError):
        outbound.validate_url(url)

    assert caught.value.kind == "url"
    assert dns.lookups == []  # refused before any lookup


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "239.1.2.3",
        "240.0.0.1",
        "255.255.255.255",
        "192.0.2.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "ff0e::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "2002:7f00:1::1",
        "64:ff9b::a9fe:a9fe",
        "2001:db8::1",
    ],
)
def test_addresses_that_are_not_public(address: str) -> None:
    assert not outbound.is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700::1111"])
def test_public_addresses(address: str) -> None:
    assert outbound.is_public(ipaddress.ip_address(address))


def test_nothing_is_allowed_inside_without_the_setting(settings: Settings, public: Server) -> None:
    settings.OUTBOUND_ALLOWED_NETWORKS = []

    with pytest.raises(FetchError):
        fetch(public.url())

    assert public.requests == []


def test_an_unreachable_server_says_so_without_details(settings: Settings) -> None:
    closed = socket.socket()
    closed.bind((PUBLIC, 0))
    port = closed.getsockname()[1]
    closed.close()

    with pytest.raises(FetchError) as caught:
        fetch(f"http://{PUBLIC}:{port}/")

    assert str(caught.value) == "Could not deliver to this address."
    assert_user_safe(caught.value, port)


def test_an_error_status_from_a_public_server_is_named(public: Server) -> None:
    def unavailable(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(503)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    public.answer = unavailable

    with pytest.raises(FetchError) as caught:
        fetch(public.url())

    assert caught.value.status == 503
    assert "503" in str(caught.value)
    assert_user_safe(caught.value, public.port)


def _large(handler: BaseHTTPRequestHandler, *, declared: bool) -> None:
    handler.send_response(200)
    if declared:
        handler.send_header("Content-Length", str(3 * 1024 * 1024))
    handler.end_headers()
    try:
        for _ in range(3 * 16):
            handler.wfile.write(b"x" * 64 * 1024)
    except OSError:
        pass  # the fetcher hung up, as it should


@pytest.mark.parametrize("declared", [True, False])
def test_an_answer_over_the_cap_is_refused(public: Server, declared: bool) -> None:
    public.answer = lambda handler: _large(handler, declared=declared)

    with pytest.raises(FetchError) as caught:
        fetch(public.url(), max_bytes=1024 * 1024)

    assert caught.value.kind == "too_large"


def test_content_types_can_be_limited(public: Server) -> None:
    assert fetch(public.url(), allowed_content_types=["text/plain"]).body == b"ok"
    with pytest.raises(FetchError) as caught:
        fetch(public.url(), allowed_content_types=["text/html"])
    assert caught.value.kind == "content_type"


def test_a_slow_server_times_out(public: Server) -> None:
    def trickle(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.end_headers()
        try:
            for _ in range(40):
                handler.wfile.write(b"x")
                handler.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass

    public.answer = trickle
    started = time.monotonic()

    with pytest.raises(FetchError) as caught:
        fetch(public.url(), timeout=0.5)

    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 1.5  # the whole exchange, not each read


# HTTPS: the socket goes to the pinned address, the TLS check is for the host name.


def _certificate(tmp_path: Path, name: str) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[Server, Path, list[str | None]]]:
    cert, key = _certificate(tmp_path, "secure.example.com")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    names: list[str | None] = []
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    server = Server(PUBLIC, tls=context)
    yield server, cert, names
    server.close()


def _trusting(monkeypatch: pytest.MonkeyPatch, cert: Path) -> None:
    real = ssl.create_default_context
    monkeypatch.setattr(ssl, "create_default_context", lambda: real(cafile=str(cert)))


def test_https_checks_the_certificate_for_the_host_name(
    tls_server: tuple[Server, Path, list[str | None]],
    dns: Resolver,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server, cert, names = tls_server
    dns.answer("secure.example.com", [PUBLIC])
    _trusting(monkeypatch, cert)

    response = fetch(server.url(host="secure.example.com", scheme="https"))

    assert response.status == 200
    assert names == ["secure.example.com"]
    assert server.requests[0].headers["Host"] == f"secure.example.com:{server.port}"


def test_https_refuses_an_untrusted_certificate(
    tls_server: tuple[Server, Path, list[str | None]], dns: Resolver
) -> None:
    server, _cert, _names = tls_server
    dns.answer("secure.example.com", [PUBLIC])

    with pytest.raises(FetchError):
        fetch(server.url(host="secure.example.com", scheme="https"))

    assert server.requests == []


def test_https_refuses_a_certificate_for_another_name(
    tls_server: tuple[Server, Path, list[str | None]],
    dns: Resolver,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server, cert, _names = tls_server
    dns.answer("other.example.com", [PUBLIC])
    _trusting(monkeypatch, cert)

    with pytest.raises(FetchError):
        fetch(server.url(host="other.example.com", scheme="https"))

    assert server.requests == []
