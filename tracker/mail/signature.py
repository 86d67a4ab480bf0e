# ruff: noqa: E501  (tables of alternatives read best one family per line)
"""Who signed a message: the name (and title) under a sign-off, or a team's name.

Lines are looked at one by one (each capped), from the bottom of the newest part up.
"""

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

from tracker.mail.roles import is_title

_MAX_LINE = 120
_TAIL_LINES = 40

SIGN_OFF = re.compile(
    r"^(?:"
    # English
    r"(?:with )?(?:best|kind|kindest|warm|warmest|many|sincere|all the best|my best|warm and best)"
    r"(?: regards| wishes| thanks)?(?: to you)?|regards|cheers|thanks?(?: you)?(?: again| so much| very much)?(?: for everything)?"
    r"|many thanks|sincerely(?: yours)?|yours (?:sincerely|truly|faithfully)|all the best|best of luck"
    r"|(?:i |we )?wish(?:ing)? you (?:the best|all the best|the very best|luck|good luck|every success|success|well)"
    r"(?: of luck)?(?: in| with| on)?[^,.!]{0,40}|good luck[^,.!]{0,40}|take care|warmly|respectfully"
    r"|cordially|talk soon|speak soon|best wishes(?: for[^,.!]{0,40})?"
    # German
    r"|mit (?:den )?(?:freundlichen|besten|herzlichen|sonnigen|lieben) gr(?:ü|ue)(?:ß|ss)en|freundliche gr(?:ü|ue)(?:ß|ss)e"
    r"|(?:viele|beste|herzliche|liebe|sch(?:ö|oe)ne) gr(?:ü|ue)(?:ß|ss)e(?: aus [^,.!]{1,30})?|mfg|lg|vg|gr(?:ü|ue)(?:ß|ss)e|gru(?:ß|ss)"
    r"|viel erfolg[^,.!]{0,40}|alles gute[^,.!]{0,40}|herzlichst|beste w(?:ü|ue)nsche"
    # French
    r"|(?:bien |tr(?:è|e)s )?cordialement|bien (?:à|a) (?:vous|toi)|(?:meilleures |sinc(?:è|e)res |bien )?salutations(?: distingu(?:é|e)es)?"
    r"|(?:belle|bonne) (?:journ(?:é|e)e|continuation|chance|fin de journ(?:é|e)e)[^,.!]{0,40}|(?:tr(?:è|e)s )?amicalement|au plaisir"
    r"|je vous souhaite[^,.!]{0,60}|nous vous souhaitons[^,.!]{0,60}|merci(?: encore| beaucoup)?"
    # Spanish
    r"|(?:un )?(?:cordial |afectuoso |fuerte )?saludos?(?: cordiales)?|atentamente|cordialmente|un abrazo|abrazos"
    r"|(?:mucha )?suerte[^,.!]{0,40}|(?:te|le|les) deseamos[^,.!]{0,60}|(?:muchas )?gracias(?: de nuevo)?|saludos cordiales"
    r")[\s,.!]*$",
    re.I,
)
# "Best, Dana", "Thanks! -Dana", "Cheers — Dana Whitfield"
_SIGN_OFF_INLINE = re.compile(
    r"^(?P<off>[^,!\-\u2014\u2013~]{2,40})[,!]?\s*[-\u2014\u2013~]?\s*(?P<name>[^\s,!][^,!]{0,60})$"
)
_DASH_NAME = re.compile(r"^(?:~|\u2014|\u2013|-{1,2})\s*(?P<name>\S.{0,80})$")
_PARTS = re.compile(r"\s+[|·•/]\s+|\s+[\u2014\u2013-]\s+|\t+")
_CREDENTIAL = re.compile(
    r"(?:,?\s+(?:ph\.?\s?d\.?|mba|msc|m\.sc\.?|bsc|b\.sc\.?|ma|ba|md|m\.d\.|cpa|shrm-(?:cp|scp)|sphr|phr|"
    r"cipd|pmp|jd|j\.d\.|dipl\.?-?\w*|mcipd|chrp|esq\.?|jr\.?|sr\.?|ii|iii|iv))+$",
    re.I,
)
_PREFIX = re.compile(
    # Titles, and the German "i. A." / "i. V." (signing for the firm) and "pp".
    r"^(?:dr\.?|prof\.?|mr\.?|mrs\.?|ms\.?|mx\.?|herr|frau|m\.|mme|sr\.|sra\.|don|doña|"
    r"i\.\s?a\.|i\.\s?v\.|pp\.?|p\.p\.)\s*(?=\S)",
    re.I,
)
_BRACKETED_TAIL = re.compile(r"\s+[(\[][^()\[\]]{1,40}[)\]]\s*$")
_DELIMITER = re.compile(r"^(?:--\s*|\u2014|\u2013|_{2,}|-{3,}|\*{3,})$")
_LOWER_NAME = re.compile(r"^[^\W\d_]{2,20}(?: [^\W\d_]{2,20}){0,2}$")
_PRONOUNS = re.compile(r"\s*[(\[](?:she|he|they|sie|er|elle|il|ella|él)/\w+(?:/\w+)?[)\]]\s*", re.I)
PARTICLES = frozenset(
    [
        "de",
        "da",
        "das",
        "dos",
        "do",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "vom",
        "zu",
        "ten",
        "ter",
        "le",
        "la",
        "du",
        "des",
        "y",
        "e",
        "bin",
        "ibn",
        "al",
        "el",
        "st.",
        "st",
        "mac",
    ]
)
TEAM_WORDS = frozenset(
    [
        "team",
        "teams",
        "talent",
        "recruiting",
        "recruitment",
        "recruiters",
        "hr",
        "people",
        "careers",
        "career",
        "jobs",
        "job",
        "hiring",
        "acquisition",
        "department",
        "resources",
        "human",
        "office",
        "group",
        "staff",
        "crew",
        "family",
        "the",
        "our",
        "your",
        "équipe",
        "equipe",
        "equipo",
        "abteilung",
        "personalabteilung",
        "rrhh",
        "rh",
        "personal",
        "ressources",
        "recursos",
        "humanos",
        "service",
        "services",
        "support",
        "notifications",
        "notification",
        "noreply",
        "no-reply",
        "inc",
        "inc.",
        "llc",
        "ltd",
        "ltd.",
        "gmbh",
        "ag",
        "sa",
        "s.a.",
        "sas",
        "sarl",
        "sl",
        "s.l.",
        "corp",
        "corp.",
        "co.",
        "company",
        "plc",
        "bv",
        "b.v.",
        "se",
        "kg",
        "oy",
        "ab",
        "admissions",
        "admin",
        "operations",
        "ops",
        "desk",
        "committee",
        "board",
        "workday",
        "greenhouse",
        "lever",
        "talentteam",
    ]
)
GREETINGS = frozenset(
    [
        "dear",
        "hi",
        "hello",
        "hey",
        "hallo",
        "liebe",
        "lieber",
        "sehr",
        "guten",
        "bonjour",
        "salut",
        "madame",
        "monsieur",
        "hola",
        "estimado",
        "estimada",
        "estimados",
        "buenos",
        "buenas",
        "queridos",
        "querida",
        "querido",
        "greetings",
        "good",
    ]
)
_NOISE = re.compile(
    r"^(?:sent from my|get outlook|von meinem|envoy[ée] de mon|enviado desde|\[cid:|\[image|<image|"
    r"https?://|www\.|mailto:|tel[.:]|phone|mobile|mob[.:]|fax|t:|m:|p:|e:|\+\d|\(\d|\d{3}[\s.-]\d)",
    re.I,
)
_DISCLAIMER = re.compile(
    r"(?:confidential|privileged|intended (?:only )?for|vertraulich|confidentiel|confidencial|"
    r"unsubscribe|privacy policy|datenschutz|this e-?mail and any|if you (?:are not|have received))",
    re.I,
)


@dataclass(frozen=True)
class Signature:
    name: str = ""  # a person's name, never a team's
    title: str = ""
    team: str = ""  # "The Talent Team", "Acme Recruiting", a bare company name
    line: str = ""  # the line the name came from, for the evidence


def find_signature(text: str, *, companies: Collection[str] = ()) -> Signature:
    lines = [line.strip() for line in text.split("\n")]
    lines = [line[:_MAX_LINE] for line in lines if line][-_TAIL_LINES:]
    lines = _without_footer(lines)
    company_words = {c.lower() for c in companies if c}
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if SIGN_OFF.match(line) or _unlisted_sign_off(lines, i, company_words):
            return _signed(lines[i + 1 : i + 6], company_words, lowercase=line.islower())
        inline = _SIGN_OFF_INLINE.match(line)
        if inline and SIGN_OFF.match(inline.group("off").strip()) and i >= len(lines) - 6:
            found = _signed([inline.group("name"), *lines[i + 1 : i + 5]], company_words)
            if found.name or found.team:
                return found
    # No sign-off: "~ Dana", "— Dana Whitfield", a "Name | Title | Company" line, or a
    # name over a title at the very end.
    for i in range(len(lines) - 1, max(-1, len(lines) - 8), -1):
        dash = _DASH_NAME.match(lines[i])
        if dash and not lines[i].startswith("-- "):
            found = _signed([dash.group("name"), *lines[i + 1 : i + 4]], company_words)
            if found.name or found.team:
                return found
        if lines[i] in ("--", "-- ") and i + 1 < len(lines):
            found = _signed(lines[i + 1 : i + 5], company_words)
            if found.name or found.team:
                return found
        # A company line under a person's name and title belongs to their signature.
        under_a_name = any(
            is_person_name(clean_person(above), company_words) for above in lines[max(0, i - 2) : i]
        )
        if (
            i >= len(lines) - 3
            and len(lines[i].split()) <= 6
            and not lines[i].endswith((".", ":", "?"))
            and not under_a_name
            and is_team_name(lines[i], company_words)
            and not is_person_name(lines[i], company_words)
        ):
            return Signature(team=lines[i], line=lines[i])
        one_line = "," in lines[i] or bool(_PARTS.search(lines[i]))
        if one_line or (i + 1 < len(lines) and _is_title_line(lines[i + 1])):
            found = _signed(lines[i : i + 4], company_words, strict=True)
            if found.name:
                return found
    # "... Gutted for you. Chris": a name closing the last line, after its last sentence.
    if lines:
        tail = re.split(r"[.!?]\s+", lines[-1][-80:])[-1].strip(" .!")
        if tail != lines[-1].strip(" .!") and is_person_name(clean_person(tail), company_words):
            return Signature(name=clean_person(tail), line=tail)
    return Signature()


def _unlisted_sign_off(lines: list[str], i: int, companies: set[str]) -> bool:
    """ "All my best," or "Have a lovely weekend," over a name: a short line ending in a
    comma, not a greeting, with a person's name on the next line."""
    line = lines[i]
    words = line.split()
    if not line.endswith(",") or not 1 <= len(words) <= 7 or i + 1 >= len(lines):
        return False
    if words[0].lower().strip(",") in GREETINGS or i < 1:
        return False
    return is_person_name(clean_person(lines[i + 1]), companies)


def _without_footer(lines: list[str]) -> list[str]:
    """Drops the disclaimer and "Sent from my phone" lines that follow a signature."""
    out = list(lines)
    for i, line in enumerate(out):
        if len(line) >= 60 and _DISCLAIMER.search(line) and i >= len(out) // 2:
            return out[:i]
    return out


def _signed(
    candidates: list[str], companies: set[str], *, strict: bool = False, lowercase: bool = False
) -> Signature:
    candidates = [c for c in candidates if c and not _NOISE.match(c) and not _DELIMITER.match(c)]
    if not candidates:
        return Signature()
    first = candidates[0]
    if lowercase and first.islower() and _LOWER_NAME.match(first):
        # Someone who writes "cheers\nnia roberts" signs in lower case, too.
        first = candidates[0] = first.title()
    parts = [p.strip() for p in _PARTS.split(first) if p.strip()]
    head = parts[0]
    title_parts = parts[1:]
    # "Dana Whitfield, Engineering Manager" (not "Whitfield, Dana" nor "Dana, Ph.D.")
    if "," in head and not title_parts:
        name_part, _, rest = head.partition(",")
        if rest.strip() and is_title(rest) and not _CREDENTIAL.fullmatch(", " + rest.strip()):
            head, title_parts = name_part, [rest.strip()]
    name = clean_person(head)
    if not name:
        team = head if is_team_name(head, companies) else ""
        return Signature(team=team, line=first) if team and not strict else Signature()
    if not is_person_name(name, companies):
        if is_team_name(name, companies) and not strict:
            return Signature(team=name, line=first)
        return Signature()
    title = next((p for p in title_parts if _is_title_line(p)), "")
    if not title:
        title = next(
            (c for c in candidates[1:3] if _is_title_line(c) and not is_person_name(c, companies)),
            "",
        )
    if strict and not title and not title_parts:
        return Signature()
    return Signature(name=name, title=title, line=first)


def _is_title_line(line: str) -> bool:
    """A job title on a line of its own: short, not a sentence."""
    words = line.split()
    return (
        0 < len(words) <= 10 and not line.rstrip().endswith((".", "!", "?", ":")) and is_title(line)
    )


def clean_person(text: str) -> str:
    text = _PRONOUNS.sub(" ", text)
    # "Yuki Tanaka (田中 由紀)", "Dana Smith (Acme)": what the brackets add is not the name.
    text = _BRACKETED_TAIL.sub("", text)
    text = " ".join(text.replace("\u2019", "'").split()).strip(' ,;:*_"')
    text = _CREDENTIAL.sub("", text).strip(" ,")
    text = _PREFIX.sub("", text)
    return text


def is_person_name(name: str, companies: Collection[str] = ()) -> bool:
    tokens = name.split()
    if not 1 <= len(tokens) <= 5 or len(name) > 60:
        return False
    lowered = [t.lower().strip(".,") for t in tokens]
    if (
        lowered[0] in GREETINGS
        or any(t in TEAM_WORDS for t in lowered)
        or squash(name) in {squash(c) for c in companies}
    ):
        return False
    if any(t in companies for t in lowered) and len(tokens) <= 2:
        return False
    if is_title(name) or SIGN_OFF.match(name):
        return False
    for index, token in enumerate(tokens):
        bare = token.strip(".")
        if index not in (0, len(tokens) - 1) and token.lower() in PARTICLES:
            continue
        if (
            index == 0
            and len(tokens) > 1
            and token.lower() in ("de", "van", "von", "da", "di", "del")
        ):
            continue
        if not bare or not bare[0].isupper() or not all(ch.isalpha() or ch in "'-." for ch in bare):
            return False
        if len(bare) > 3 and bare.isupper():
            return False
    return True


def is_team_name(name: str, companies: Collection[str] = ()) -> bool:
    """ "The Talent Team", "Acme Recruiting", "Recursos Humanos", or a bare company name."""
    name = " ".join(name.split())
    if not name or len(name) > 80 or "@" in name:
        return False
    lowered = [t.lower().strip(".,") for t in name.split()]
    if any(t in TEAM_WORDS for t in lowered):
        return True
    company_set = {squash(c) for c in companies if c}
    return squash(name) in company_set or (bool(lowered) and squash(lowered[0]) in company_set)


def squash(text: str) -> str:
    """ "bancoalameda" for "Banco Alameda" and for banco-alameda.es: names compared bare."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if ch.isalnum())
