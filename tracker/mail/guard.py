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
    cut = _Cut()
    for line in data.split(b"\n"):
        if not cut.take(line):
            return cut.so_far()
    return cut.finished()


class _Cut:
    """The message as it is cut, line by line: a block of headers, then a body whose
    "--boundary" lines open the next part (and its own block of headers)."""

    def __init__(self) -> None:
        self.out: list[bytes] = []
        self.boundaries: dict[bytes, int] = {}  # a multipart's boundary -> its level of nesting
        self.depth = 0
        self.parts = 0
        self.in_headers = True
        self.block: list[bytes] = []  # the current block's headers, each already cut
        self.header = b""
        self.used = 0  # bytes of the block's headers the reader does not read
        self.kept: set[bytes] = set()  # names of the read headers this block has kept

    def take(self, line: bytes) -> bool:
        """Takes one line; False when the message ends before it."""
        return self._header_line(line) if self.in_headers else self._body_line(line)

    def so_far(self) -> bytes:
        return b"\n".join(self.out)

    def finished(self) -> bytes:
        self._end_header()
        self.out.extend(self.block)
        return self.so_far()

    def _header_line(self, line: bytes) -> bool:
        if line[:1] in (b" ", b"\t") and self.header:
            if len(self.header) < MAX_HEADER_BYTES:
                self.header = (self.header + b"\n" + line)[:MAX_HEADER_BYTES]
            return True
        self._end_header()
        if line.strip():
            self.header = line[:MAX_HEADER_BYTES]
            return True
        return self._end_block(line)

    def _end_header(self) -> None:
        name = self.header.split(b":", 1)[0].strip().lower()
        if name in _READ and name not in self.kept:
            self.kept.add(name)
            self.block.append(self.header)
        elif self.header and self.used + len(self.header) <= MAX_HEADER_BLOCK_BYTES:
            self.block.append(self.header)
            self.used += len(self.header)
        self.header = b""

    def _end_block(self, blank: bytes) -> bool:
        """The blank line ending a block: what the block says comes next."""
        content_type = next((h for h in self.block if _CONTENT_TYPE.match(h)), b"")
        found = _BOUNDARY.search(content_type) if content_type else None
        nested = bool(found) or bool(_RFC822.match(content_type))
        if nested and self.depth >= MAX_DEPTH:
            return False
        self.out.extend(self.block)
        self.out.append(blank)
        self.block, self.used = [], 0
        self.kept.clear()
        if found:
            self.boundaries[found.group(1) or found.group(2)] = self.depth + 1
            self.in_headers = False
        elif nested:
            self.depth += 1  # an attached message: its own block of headers follows
        else:
            self.in_headers = False
        return True

    def _body_line(self, line: bytes) -> bool:
        level = _delimiter(line, self.boundaries)
        if level is None or _closing(line, self.boundaries):
            # Text, or the closing delimiter: the text after it is an epilogue.
            self.out.append(line)
            return True
        self.parts += 1
        if self.parts > MAX_PARTS:
            return False
        self.out.append(line)
        self.depth, self.in_headers = level, True
        return True


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


def _closing(line: bytes, boundaries: dict[bytes, int]) -> bool:
    """ "--boundary--": the multipart ends."""
    return line.rstrip().endswith(b"--") and line.rstrip()[2:-2] in boundaries
