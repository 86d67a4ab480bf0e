"""A job posting read out of a page's HTML. Pure: text in, a Posting out; no I/O, no ORM.

Where the page says it in a machine-readable way (a schema.org JobPosting as JSON-LD or
microdata), that wins. Otherwise OpenGraph and the <title> give a usable draft, and each
field says where it came from, so nothing is guessed silently: `sources` names the origin
of every field filled, and `unsure` lists those the user should check.
"""

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

from tracker.applications.search import search_fold
from tracker.capture.boards import GENERIC_TITLES, employer_of
from tracker.core.sanitise import sanitise_html

JSON_LD = "JSON-LD JobPosting"
MICRODATA = "microdata JobPosting"
PAGE_ADDRESS = "the page's address"

DESCRIPTION_LIMIT = 50_000
PAGE_TEXT_LIMIT = 100_000

VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
HIDDEN_TAGS = {"script", "style", "noscript", "template", "svg", "head"}
BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
    "article", "header", "footer", "table", "blockquote", "dd", "dt",
}  # fmt: skip


FIELD_LABELS = {
    "company": "Company",
    "role": "Role",
    "location": "Location",
    "remote": "Remote",
    "salary_min": "Salary from",
    "salary_max": "Salary up to",
    "salary_currency": "Currency",
    "date_posted": "Date posted",
    "description": "Description",
    "apply_url": "Apply link",
    "site_name": "Site",
}


@dataclass
class Posting:
    url: str
    company: str = ""
    role: str = ""
    location: str = ""
    remote: bool | None = None
    salary_min: int | None = None
    salary_max: int | None = None
    salary_currency: str = ""
    date_posted: date | None = None
    description: str = ""
    apply_url: str = ""
    site_name: str = ""
    # Field name -> where its value came from, in words a user reads.
    sources: dict[str, str] = field(default_factory=dict)
    # Fields filled from a fallback (the title, the site's name): for the user to check.
    unsure: set[str] = field(default_factory=set)
    # What else the reader noticed: a broken JSON-LD block, which of several postings.
    notes: list[str] = field(default_factory=list)
    page_text: str = ""

    @property
    def structured(self) -> bool:
        return any(s in (JSON_LD, MICRODATA) for s in self.sources.values())

    def evidence(self) -> list[tuple[str, str, str, bool]]:
        """(label, value, source, unsure) for each field filled, for the user to check."""
        rows = []
        for name, source in self.sources.items():
            value = getattr(self, name)
            if name == "remote":
                value = "yes" if value else "no"
            elif isinstance(value, date):
                value = value.isoformat()
            elif name == "description":
                value = ""
            rows.append((FIELD_LABELS.get(name, name), str(value), source, name in self.unsure))
        return rows

    def set(self, name: str, value: Any, source: str, *, unsure: bool = False) -> None:
        """Fills a field once: the first (most reliable) source to offer a value keeps it."""
        if value in (None, "") or name in self.sources:
            return
        setattr(self, name, value)
        self.sources[name] = source
        if unsure:
            self.unsure.add(name)


# --- Reading the HTML -------------------------------------------------------------------


@dataclass
class _Element:
    tag: str
    props: list[str]
    item: dict[str, Any] | None  # a new microdata item this element opens
    text: list[str] | None  # collecting this element's text as a property value


class _PageParser(HTMLParser):
    """One pass over the page: JSON-LD blocks, meta tags, the title, the canonical link,
    microdata items and the visible text. Tolerates unclosed and stray tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.json_ld: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self.canonical = ""
        self.base = ""
        self.items: list[dict[str, Any]] = []
        self.text: list[str] = []
        self._stack: list[_Element] = []
        self._script: list[str] | None = None
        self._in_title = False
        self._hidden = 0

    # The item that a property found now belongs to: the innermost open one.
    def _current_item(self) -> dict[str, Any] | None:
        for element in reversed(self._stack):
            if element.item is not None:
                return element.item
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "script" and "ld+json" in a.get("type", "").lower():
            self._script = []
        if tag == "title" and not self.title:
            self._in_title = True
        if tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key and "content" in a and key not in self.meta:
                self.meta[key] = a["content"]
        if tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "")
        if tag == "base" and a.get("href"):
            self.base = self.base or a["href"]
        if tag in HIDDEN_TAGS:
            self._hidden += 1
        if tag == "body":
            self._hidden = 0  # A head left open ends where the body starts.
        if tag in BLOCK_TAGS:
            self.text.append("\n")
        self._microdata_start(tag, a)
        if tag in VOID_TAGS:
            self._close(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def _microdata_start(self, tag: str, a: dict[str, str]) -> None:
        props = a.get("itemprop", "").split()
        item: dict[str, Any] | None = None
        if "itemscope" in a:
            item = {"@type": [t.rsplit("/", 1)[-1] for t in a.get("itemtype", "").split()]}
            parent = self._current_item()
            if not props or parent is None:
                self.items.append(item)
            for prop in props:
                if parent is not None:
                    parent.setdefault(prop, []).append(item)
        text: list[str] | None = None
        if props and item is None:
            value = _attribute_value(tag, a, props)
            if value is None:
                text = []
            else:
                parent = self._current_item()
                if parent is not None:
                    for prop in props:
                        parent.setdefault(prop, []).append(value)
        self._stack.append(_Element(tag, props, item, text))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.json_ld.append("".join(self._script))
            self._script = None
        if tag == "title":
            self._in_title = False
        if tag in HIDDEN_TAGS and self._hidden:
            self._hidden -= 1
        if tag in BLOCK_TAGS:
            self.text.append("\n")
        if tag not in VOID_TAGS:
            self._close(tag)

    def _close(self, tag: str) -> None:
        # Unclosed children end with their parent, as a browser would have it.
        if not any(e.tag == tag for e in self._stack):
            return
        while self._stack:
            element = self._stack.pop()
            if element.text is not None:
                parent = self._current_item()
                if parent is not None:
                    value = " ".join("".join(element.text).split())
                    for prop in element.props:
                        parent.setdefault(prop, []).append(value)
            if element.tag == tag:
                return

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
            return
        if self._in_title:
            self.title += data
        for element in self._stack:
            if element.text is not None:
                element.text.append(data)
        if not self._hidden:
            self.text.append(data)


# Properties whose value is an address. Any other property on a link is its text: boards
# write <a itemprop="name" href="/cmp/soylent">Soylent</a>, and the company is Soylent.
URL_PROPERTIES = {"url", "sameAs", "image", "logo", "applyUrl", "contentUrl", "target"}


def _attribute_value(tag: str, a: dict[str, str], props: list[str]) -> str | None:
    """A microdata property's value when an attribute holds it, else None (the text)."""
    if "content" in a:
        return a["content"]
    if tag == "link" and "href" in a:
        return a["href"]
    if tag in ("a", "area") and "href" in a and all(p in URL_PROPERTIES for p in props):
        return a["href"]
    if tag in ("img", "source", "iframe", "embed") and "src" in a:
        return a["src"]
    if tag in ("time", "data", "meter") and ("datetime" in a or "value" in a):
        return a.get("datetime") or a.get("value")
    if tag == "meta":
        return ""
    return None


# --- JSON-LD ------------------------------------------------------------------------------


def _load_json_ld(block: str) -> Any:
    """A JSON-LD block as sites really write them: wrapped in comments or CDATA, with
    trailing commas or raw newlines inside strings. Raises ValueError if still unreadable."""
    text = block.strip()
    text = re.sub(r"^\s*(<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)", "", text)
    text = re.sub(r"(-->|//\s*\]\]>|\]\]>)\s*$", "", text).strip()
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    repaired = re.sub(r",\s*([}\]])", r"\1", text)
    return json.loads(repaired, strict=False)


def _is_type(node: dict[str, Any], wanted: str) -> bool:
    types = node.get("@type", [])
    if isinstance(types, str):
        types = [types]
    return any(
        isinstance(t, str) and re.split(r"[/:#]", t)[-1].lower() == wanted.lower() for t in types
    )


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for child in node:
            yield from _walk(child)
    elif isinstance(node, dict):
        yield node
        for value in node.values():
            if isinstance(value, (dict, list)):
                yield from _walk(value)


def _resolve(value: Any, ids: dict[str, dict[str, Any]]) -> Any:
    """Follows {"@id": ...} references into the @graph node that carries the data."""
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
        return ids.get(str(value["@id"]), value)
    return value


# --- From a JobPosting node to fields ------------------------------------------------------


def _first(value: Any) -> Any:
    while isinstance(value, list):
        value = value[0] if value else None
    return value


def _text(value: Any) -> str:
    value = _first(value)
    if isinstance(value, dict):
        value = _first(value.get("name") or value.get("@value") or "")
    if value is None or isinstance(value, (dict, list)):
        return ""
    return " ".join(html.unescape(str(value)).split())


def _name(value: Any, ids: dict[str, dict[str, Any]]) -> str:
    return _text(_resolve(_first(value), ids))


def _place(value: Any, ids: dict[str, dict[str, Any]]) -> str:
    value = _resolve(value, ids)
    if isinstance(value, str):
        return _text(value)
    if not isinstance(value, dict):
        return ""
    address = _resolve(_first(value.get("address")), ids)
    if isinstance(address, str):
        return _text(address)
    if not isinstance(address, dict):
        return _text(value.get("name"))
    parts = [
        _text(address.get(key)) for key in ("addressLocality", "addressRegion", "addressCountry")
    ]
    unique = [p for i, p in enumerate(parts) if p and p not in parts[:i]]
    return ", ".join(unique) or _text(value.get("name"))


def _locations(value: Any, ids: dict[str, dict[str, Any]]) -> str:
    values = value if isinstance(value, list) else [value]
    places = [_place(v, ids) for v in values]
    unique = [p for i, p in enumerate(places) if p and p not in places[:i]]
    return " / ".join(unique)


def _number(value: Any) -> int | None:
    value = _first(value)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        value = str(value)
    digits = re.sub(r"[^\d.,]", "", str(value))
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", digits):
        digits = re.sub(r"[.,]", "", digits)  # 95,000 or 65.000: thousands, either way
    else:
        digits = digits.replace(",", ".")
    try:
        number = Decimal(digits)
    except InvalidOperation:
        return None
    # A figure past two billion is a typo or a different unit, not a salary we can store.
    if not number.is_finite() or number < 0 or number > 2_000_000_000:
        return None
    return int(number)


def _salary(posting: Posting, node: dict[str, Any], source: str) -> None:
    for key in ("baseSalary", "estimatedSalary"):
        amount = _first(node.get(key))
        if amount is None:
            continue
        label = f"{source} {key}"
        if not isinstance(amount, dict):
            posting.set("salary_min", _number(amount), label)
            continue
        currency = _text(amount.get("currency") or amount.get("salaryCurrency")).upper()
        value = _first(amount.get("value"))
        unit = ""
        if isinstance(value, dict):
            unit = _text(value.get("unitText")).upper()
            low = _number(value.get("minValue"))
            high = _number(value.get("maxValue"))
            if low is None and high is None:
                low = high = _number(value.get("value"))
        else:
            low = high = _number(value)
        if low is not None and high is not None and low > high:
            low, high = high, low
        if unit and unit != "YEAR":
            # Kept as the page gives it; the user is told it is not a yearly figure.
            label = f"{label} (per {unit.lower()})"
        if low is None and high is None:
            continue
        posting.set("salary_min", low, label, unsure=bool(unit and unit != "YEAR"))
        posting.set("salary_max", high, label, unsure=bool(unit and unit != "YEAR"))
        if re.fullmatch(r"[A-Z]{3}", currency):
            posting.set("salary_currency", currency, label)
        return


def _date(value: Any) -> date | None:
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", _text(value))
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _remote(node: dict[str, Any]) -> bool | None:
    kinds = node.get("jobLocationType")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if any(_text(k).upper() == "TELECOMMUTE" for k in kinds):
        return True
    return None


def _apply_url(node: dict[str, Any], base: str) -> str:
    for action in _as_list(node.get("potentialAction")):
        if isinstance(action, dict) and _is_type(action, "ApplyAction"):
            target = _first(action.get("target"))
            if isinstance(target, dict):
                target = target.get("urlTemplate") or target.get("url")
            if isinstance(target, str) and target.strip():
                return _http_url(target, base)
    return ""


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _http_url(value: str, base: str) -> str:
    url = urljoin(base, value.strip())
    return url if urlsplit(url).scheme in ("http", "https") else ""


def sanitise_description(value: str) -> str:
    return sanitise_html(value, limit=DESCRIPTION_LIMIT)


def _from_node(posting: Posting, node: dict[str, Any], ids: dict[str, Any], source: str) -> None:
    posting.set("role", _text(node.get("title") or node.get("name")), source)
    posting.set("company", _name(node.get("hiringOrganization"), ids), source)
    posting.set("location", _locations(node.get("jobLocation"), ids), source)
    remote = _remote(node)
    posting.set("remote", remote, f"{source} jobLocationType")
    if remote and not posting.location:
        requirement = _locations(node.get("applicantLocationRequirements"), ids)
        posting.set("location", f"Remote ({requirement})" if requirement else "Remote", source)
    _salary(posting, node, source)
    posting.set("date_posted", _date(node.get("datePosted")), source)
    description = node.get("description")
    if isinstance(description, list):
        description = " ".join(str(d) for d in description if isinstance(d, str))
    if isinstance(description, str) and description.strip():
        posting.set("description", sanitise_description(description), source)
    posting.set("apply_url", _apply_url(node, posting.url), source)


def _comparable(url: str) -> tuple[str, str]:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    return host, parts.path.rstrip("/") + ("?" + parts.query if parts.query else "")


def _pick(postings: list[dict[str, Any]], urls: list[str], kind: str) -> tuple[dict[str, Any], str]:
    """The posting this page is about, and a note when there were several."""
    if len(postings) == 1:
        return postings[0], ""
    wanted = {_comparable(u) for u in urls if u}
    for candidate in postings:
        for key in ("url", "sameAs", "@id"):
            for value in _as_list(candidate.get(key)):
                if isinstance(value, str) and _comparable(urljoin(urls[0], value)) in wanted:
                    return candidate, (
                        f"The page holds {len(postings)} job postings ({kind}); "
                        f"took the one whose address matches the page."
                    )
    first = _text(postings[0].get("title") or postings[0].get("name"))
    return postings[0], (
        f"The page holds {len(postings)} job postings ({kind}) and none names this page's "
        f"address; took the first ({first or 'untitled'}). Check it is the one you meant."
    )


# --- Fallbacks ------------------------------------------------------------------------------


TITLE_SEPARATORS = (" | ", " \u2013 ", " \u2014 ", " - ", " \u00b7 ", " :: ")  # en, em dash, dot
# What a title's last part says about the site, not the job: "Hooli Careers", "Jobs".
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
SITE_WORDS = re.compile(r"\s*\b(careers?|jobs?|karriere|stellenangebote|emplois?)\s*$", re.I)


@dataclass(frozen=True)
class TitleParts:
    role: str
    company: str = ""
    location: str = ""


def _strip_site(title: str, names: list[str]) -> str:
    """The title without a trailing site or board name ("… | LinkedIn", "… - Indeed.com")."""
    changed = True
    while changed:
        changed = False
        for name in names:
            for separator in TITLE_SEPARATORS:
                ending = (separator + name).lower()
                if name and title.lower().endswith(ending) and len(title) > len(ending):
                    title = title[: -len(ending)].strip()
                    changed = True
        # A last part that only says "Careers" or "Jobs" names no job either.
        for separator in TITLE_SEPARATORS:
            head, found, last = title.rpartition(separator)
            if found and head.strip() and not SITE_WORDS.sub("", last).strip():
                title = head.strip()
                changed = True
    return title


def _spellings(name: str) -> set[str]:
    """A name as an address may spell it: letters only, accents dropped or, as German
    writes them without, ä ö ü as ae oe ue ("Müller" is muller or mueller)."""
    spelled = {name.casefold(), name.casefold().translate(UMLAUTS)}
    return {re.sub(r"\W|_", "", search_fold(s)) for s in spelled}


def split_title(title: str, *, url: str = "", site_name: str = "") -> TitleParts:
    """The role, and the company and location where the title says them, read by the
    shapes of the board at `url` ("Globex - Data Analyst" on Lever, "Acme hiring Data
    Engineer in Berlin | LinkedIn"), else by shapes any site uses ("Role at Company").
    Where the address names the employer, the part of the title naming it is the company
    and the rest the role."""
    employer = employer_of(url)
    board = employer.board
    names = [site_name, *(board.suffixes if board else ())]
    title = _strip_site(" ".join(title.split()), names)
    for pattern in (*(board.titles if board else ()), *GENERIC_TITLES):
        match = pattern.fullmatch(title)
        if match:
            found = {k: (v or "").strip() for k, v in match.groupdict().items()}
            separated = any(s in found.get("company", "") for s in TITLE_SEPARATORS)
            if found.get("role") and found.get("company") and not separated:
                return TitleParts(found["role"], found["company"], found.get("location", ""))
    if employer.handle:
        wanted = re.sub(r"\W|_", "", search_fold(employer.handle))
        parts = re.split("|".join(re.escape(s) for s in TITLE_SEPARATORS), title)
        for index, part in enumerate(parts):
            name = SITE_WORDS.sub("", part).strip()
            # "wayne" names Wayne Enterprises; a handle shorter than three letters is
            # too short to say so of any name it begins.
            if any(
                compact == wanted or (len(wanted) >= 3 and compact.startswith(wanted))
                for compact in _spellings(name)
            ):
                rest = [p for i, p in enumerate(parts) if i != index and p.strip()]
                if rest:
                    return TitleParts(" - ".join(rest).strip(), name)
    return TitleParts(title)


def _fallbacks(posting: Posting, page: _PageParser) -> None:
    meta = page.meta
    site = " ".join(meta.get("og:site_name", "").split())
    posting.set("site_name", site, "OpenGraph og:site_name")
    if not site:
        host = (urlsplit(posting.url).hostname or "").removeprefix("www.")
        posting.set("site_name", host, PAGE_ADDRESS)

    og_title = " ".join(meta.get("og:title", "").split())
    title = " ".join(page.title.split())
    for text, source in ((og_title, "OpenGraph og:title"), (title, "the page's <title>")):
        if not text:
            continue
        parts = split_title(text, url=posting.url, site_name=posting.site_name)
        posting.set("role", parts.role, source, unsure=True)
        posting.set("company", parts.company, source, unsure=True)
        posting.set("location", parts.location, source, unsure=True)
    # A job board's address that names the employer: the last resort for the company.
    posting.set("company", employer_of(posting.url).name, PAGE_ADDRESS, unsure=True)

    for key, source in (
        ("og:description", "OpenGraph og:description"),
        ("description", "the page's meta description"),
    ):
        text = meta.get(key, "").strip()
        if text:
            # Plain text from a meta tag: escaped, never read as HTML.
            paragraph = f"<p>{html.escape(' '.join(text.split()))}</p>"
            posting.set("description", paragraph, source, unsure=True)


def page_text(page: _PageParser) -> str:
    lines = (" ".join(line.split()) for line in "".join(page.text).splitlines())
    text = "\n".join(line for line in lines if line)
    return text[:PAGE_TEXT_LIMIT]


# --- The entry point ------------------------------------------------------------------------


def posting_extract(page_html: str, *, url: str) -> Posting:
    """Everything the page says about the job at `url` (the address it was fetched from)."""
    parser = _PageParser()
    parser.feed(page_html)
    parser.close()
    posting = Posting(url=url)
    base = urljoin(url, parser.base) if parser.base else url
    urls = [url, urljoin(base, parser.canonical) if parser.canonical else ""]

    nodes: list[dict[str, Any]] = []
    for number, block in enumerate(parser.json_ld, start=1):
        if not block.strip():
            continue
        try:
            nodes.extend(_walk(_load_json_ld(block)))
        except ValueError as exc:
            posting.notes.append(
                f"JSON-LD block {number} on the page is broken and was skipped ({exc})."
            )
    ids = {str(n["@id"]): n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 2}
    job_nodes = [n for n in nodes if _is_type(n, "JobPosting")]
    if job_nodes:
        node, note = _pick(job_nodes, urls, "JSON-LD")
        if note:
            posting.notes.append(note)
        _from_node(posting, node, ids, JSON_LD)

    micro = [i for i in _walk(parser.items) if _is_type(i, "JobPosting")]
    if micro:
        node, note = _pick(micro, urls, "microdata")
        if note and not job_nodes:
            posting.notes.append(note)
        _from_node(posting, node, {}, MICRODATA)

    _fallbacks(posting, parser)
    posting.page_text = page_text(parser)
    return posting


CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.I)


def decode_html(body: bytes, content_type: str = "") -> str:
    """The page's text: the charset the server names, else the one the page declares,
    else UTF-8; bytes that do not fit are replaced, never fatal."""
    candidates = []
    match = re.search(r"charset\s*=\s*[\"']?([\w\-]+)", content_type, re.I)
    if match:
        candidates.append(match[1])
    if body.startswith(b"\xef\xbb\xbf"):
        candidates.insert(0, "utf-8-sig")
    sniffed = CHARSET.search(body[:4096])
    if sniffed:
        candidates.append(sniffed[1].decode("ascii"))
    candidates.append("utf-8")
    for charset in candidates:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", errors="replace")
