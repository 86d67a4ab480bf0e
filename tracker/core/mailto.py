"""mailto: links (RFC 6068), every part percent-encoded.

An address is stored text: left raw in a link, `x?bcc=spy@evil.example` would add a
hidden Bcc (and `&body=` a body) to the mail the user sends.
"""

from urllib.parse import quote


def mailto_url(to: str, *, subject: str = "", body: str = "") -> str:
    url = f"mailto:{quote(to.strip(), safe='@')}"
    fields = []
    if subject:
        fields.append(f"subject={quote(subject, safe='')}")
    if body:
        # Line breaks in a mailto body must be CRLF.
        crlf = body.replace("\r\n", "\n").replace("\n", "\r\n")
        fields.append(f"body={quote(crlf, safe='')}")
    return f"{url}?{'&'.join(fields)}" if fields else url
