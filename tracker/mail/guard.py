"""What the email parser is allowed to see of a raw message, decided on its bytes alone.

The standard library's parser slows down with the size of one header (its modern policy
reads encoded words in quadratic time: a 200 KB header took 18 s), with the number of MIME
parts and with their nesting. So before any parse, one pass over the lines cuts every
header, at every level of the message, and every block of headers, and ends the message
before its part past the limit or its level of nesting past the limit. What is cut is
never what the reader looks at: the start of each header, the first parts, the text.
"""

import re

from tracker.mail.limits import MAX_HEADER_CHARS

# One header with its folded lines: no more than the reader reads of a header's value.
MAX_HEADER_BYTES = MAX_HEADER_CHARS
# One block of headers (the message's, a part's or an attached message's).
MAX_HEADER_BLOCK_BYTES = 32_000
# Parts of every level together, and how deep multiparts and attached messages may nest.
MAX_PARTS = 50
MAX_DEPTH = 10

_BOUNDARY = re.compile(rb'boundary\s*=\s*(?:"([^"\n]{1,200})"|([^\s;"]{1,200}))', re.IGNORECASE)
_CONTENT_TYPE = re.compile(rb"content-type\s*:", re.IGNORECASE)
_RFC822 = re.compile(rb"content-type\s*:\s*message/(?:rfc822|global)\b", re.IGNORECASE)
# The headers the reader reads: the first of each is kept (cut) whatever the others took.
_READ = frozenset(
    b"auto-submitted cc content-disposition content-transfer-encoding content-type date "
    b"from in-reply-to list-unsubscribe message-id mime-version precedence references "
    b"reply-to sender sent subject to".split()
)


def guard_raw(data: bytes) -> bytes:
    """The message cut to the limits above; line ends "\\n" (the caller normalised them)."""
    out: list[bytes] = []
    boundaries: dict[bytes, int] = {}  # a multipart's boundary -> its level of nesting
    depth = 0
    parts = 0
    in_headers = True
    block: list[bytes] = []  # the current block's headers, each already cut
    header = b""
    used = 0

    read: set[bytes] = set()

    def end_header() -> None:
        nonlocal header, used
        name = header.split(b":", 1)[0].strip().lower()
        if name in _READ and name not in read:
            read.add(name)
            block.append(header)
        elif header and used + len(header) <= MAX_HEADER_BLOCK_BYTES:
            block.append(header)
            used += len(header)
        header = b""

    for line in data.split(b"\n"):
        if in_headers:
            if line[:1] in (b" ", b"\t") and header:
                if len(header) < MAX_HEADER_BYTES:
                    header = (header + b"\n" + line)[:MAX_HEADER_BYTES]
                continue
            end_header()
            if line.strip():
                header = line[:MAX_HEADER_BYTES]
                continue
            # The blank line ending a block: what the block says comes next.
            content_type = next((h for h in block if _CONTENT_TYPE.match(h)), b"")
            found = _BOUNDARY.search(content_type) if content_type else None
            nested = bool(found) or bool(_RFC822.match(content_type))
            if nested and depth >= MAX_DEPTH:
                return b"\n".join(out)
            out.extend(block)
            out.append(line)
            block, used = [], 0
            read.clear()
            if found:
                boundaries[found.group(1) or found.group(2)] = depth + 1
                in_headers = False
            elif nested:
                depth += 1  # an attached message: its own block of headers follows
            else:
                in_headers = False
            continue
        level = _delimiter(line, boundaries)
        if level is None:
            out.append(line)
            continue
        if line.rstrip().endswith(b"--") and line.rstrip()[2:-2] in boundaries:
            out.append(line)  # the closing delimiter: the text after it is an epilogue
            continue
        parts += 1
        if parts > MAX_PARTS:
            return b"\n".join(out)
        out.append(line)
        depth, in_headers = level, True
    end_header()
    out.extend(block)
    return b"\n".join(out)


def _delimiter(line: bytes, boundaries: dict[bytes, int]) -> int | None:
    """The level of the multipart a "--boundary" line belongs to, else None."""
    if not line.startswith(b"--") or not boundaries:
        return None
    name = line.rstrip()[2:]
    if name in boundaries:
        return boundaries[name]
    if name.endswith(b"--") and name[:-2] in boundaries:
        return boundaries[name[:-2]]
    return None
