"""A job site on 127.0.0.x for the tests: serves the saved pages in pages/, plus the ways
real sites misbehave (redirects, PDFs, missing pages)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

PAGES = Path(__file__).parent / "pages"
# Served with the charset its bytes are in, named only in the header.
CHARSETS = {"german_latin1.html": "text/html; charset=ISO-8859-1"}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        name = parts.path.rsplit("/", 1)[-1]
        if parts.path.startswith("/redirect"):
            self._send(302, b"", "text/html", Location=query["to"][0])
        elif parts.path.endswith(".pdf"):
            self._send(200, b"%PDF-1.7 not a page", "application/pdf")
        elif (PAGES / name).is_file():
            body = (PAGES / name).read_bytes()
            self._send(200, body, CHARSETS.get(name, "text/html; charset=utf-8"))
        else:
            self._send(404, b"<h1>Not found</h1>", "text/html")


class JobSite:
    def __init__(self, host: str = "127.0.0.2") -> None:
        self.server = ThreadingHTTPServer((host, 0), _Handler)
        self.host = host
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}/{path.lstrip('/')}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
