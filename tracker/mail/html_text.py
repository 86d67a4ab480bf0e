"""Plain text from an HTML-only part: blocks become lines, blockquotes become "> " quotes."""

from html.parser import HTMLParser

_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "tr",
        "li",
        "ul",
        "ol",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "section",
        "article",
        "header",
        "footer",
        "address",
        "pre",
        "center",
        "dd",
        "dt",
    ]
)
_SKIP = frozenset(("script", "style", "head", "title", "template", "noscript"))
_MAX_DEPTH = 30


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, list[str]]] = [(0, [])]
        self.quote = 0
        self.skip = 0

    def _newline(self) -> None:
        if self.lines[-1][1]:
            self.lines.append((self.quote, []))
        else:
            self.lines[-1] = (self.quote, [])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "blockquote":
            self.quote = min(self.quote + 1, _MAX_DEPTH)
            self._newline()
        elif tag in _BLOCKS:
            self._newline()
        elif tag == "img":
            alt = dict(attrs).get("alt") or ""
            if alt and not alt.lower().startswith(("cid:", "image")):
                self.handle_data(alt)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "blockquote":
            self.quote = max(0, self.quote - 1)
            self._newline()
        elif tag in _BLOCKS:
            self._newline()
        elif tag in ("td", "th"):
            # A table's cells side by side: "Current status" and "Rejected", not one word.
            self.handle_data(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.lines[-1][1].append(data)

    def text(self) -> str:
        out = []
        for depth, parts in self.lines:
            line = " ".join("".join(parts).split())
            out.append(("> " * depth + line) if line else "")
        return "\n".join(out)


def html_to_text(html: str) -> str:
    parser = _Text()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # html.parser's reaction to hopeless markup
        pass
    return parser.text()
