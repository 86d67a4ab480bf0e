# ruff: noqa: E501  (tables of alternatives read best one family per line)
"""Who signed a message: the name (and title) under a sign-off, or a team's name.

Lines are looked at one by one (each capped), from the bottom of the newest part up.
"""

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

from tracker.mail.roles import is_title, names_people_department

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
    r"|viel erfolg[^,.!]{0,40}|alles gute[^,.!]{0,40}|herzlichst|beste w(?:ü|ue)nsche|im auftrag|in vertretung"
    # French
    r"|(?:bien |tr(?:è|e)s )?cordialement|bien (?:à|a) (?:vous|toi)|(?:meilleures |sinc(?:è|e)res |bien )?salutations(?: distingu(?:é|e)es)?"
    r"|(?:belle|bonne) (?:journ(?:é|e)e|continuation|chance|fin de journ(?:é|e)e)[^,.!]{0,40}|(?:tr(?:è|e)s )?amicalement|au plaisir"
    r"|je vous souhaite[^,.!]{0,60}|nous vous souhaitons[^,.!]{0,60}|merci(?: encore| beaucoup)?"
    # the letter's closing formula: "Je vous prie d'agréer, Madame, l'expression de mes
    # salutations distinguées", "Veuillez recevoir, Monsieur, nos sincères salutations"
    r"|(?:je vous prie|nous vous prions|veuillez) (?:d'|de )?(?:agr(?:é|e)er|recevoir|croire)[^!?]{0,120}(?:salutations|sentiments|consid(?:é|e)ration)[^,.!?]{0,40}"
    # Spanish
    r"|(?:un )?(?:cordial |afectuoso |fuerte )?saludos?(?: cordiales)?|atentamente|cordialmente|un abrazo|abrazos"
    r"|(?:mucha )?suerte[^,.!]{0,40}|(?:te|le|les) deseamos[^,.!]{0,60}|(?:muchas )?gracias(?: de nuevo)?|saludos cordiales"
    # Dutch, Italian, Portuguese
    r"|hoogachtend|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|groet(?:en|jes)?|hartelijke groet(?:en)?"
    r"|cordiali saluti|distinti saluti|saluti|un (?:caro )?saluto|a presto|un abbraccio"
    r"|atenciosamente|abra(?:ç|c)os?|um abra(?:ç|c)o|cumprimentos|at(?:é|e) breve"
    r")[\s,.!]*$",
    re.I,
)
# "Best, Dana", "Thanks! -Dana", "Cheers — Dana Whitfield"
_SIGN_OFF_INLINE = re.compile(
    r"^(?P<off>[^,!\-\u2014\u2013~]{2,40})[,!]?\s*[-\u2014\u2013~]?\s*(?P<name>[^\s,!][^,!]{0,60})$"
)
# "VG Jonas", "LG Anna", "Abs, Ana", "Bjs Léa": a short sign-off needs no comma before the name.
_SHORT_SIGN_OFF = re.compile(
    r"^(?P<off>mfg|lg|vg|bg|gr\.|groetjes|abs\.?|bjs|att\.|atte\.?|sds|slds|kr|br|thx|cheers|ciao)"
    r"[,!]?\s+(?P<name>[^\W\d_][^,!]{0,60})$",
    re.I,
)
_DASH_NAME = re.compile(r"^(?:~|\u2014|\u2013|-{1,2})\s*(?P<name>\S.{0,80})$")
_PARTS = re.compile(r"\s+[|·•/]\s+|\s+[\u2014\u2013-]\s+|\t+")
_CREDENTIAL = re.compile(
    r"(?:,?\s+(?:ph\.?\s?d\.?|mba|msc|m\.sc\.?|bsc|b\.sc\.?|ma|ba|md|m\.d\.|cpa|shrm-(?:cp|scp)|sphr|phr|"
    r"cipd|pmp|jd|j\.d\.|crha|cria|chrl|cphr|due|dipl\.?-?\w*|mcipd|chrp|esq\.?|jr\.?|sr\.?|ii|iii|iv|rgn|rn|rmn|bsn|msn|ceng|frics|acca|cfa))+$",
    re.I,
)
_PREFIX = re.compile(
    # Titles, and the German "i. A." / "i. V." (signing for the firm) and "pp".
    # Each ends with its dot or a space: "Ing." or "Ing " is a title, "Ingrid" a name.
    r"^(?:(?:dr\.?-\w+\.?|dr|prof|mr|mrs|ms|mx|mag|lic|licda?|ing|dott(?:\.?ssa)?|drs|ir|avv|arch|eng|"
    r"dipl\.?-\w+|herr|frau|mme|m|sr|sra|srta|dra|doña|pp|p\.p|i\.\s?a|i\.\s?v)(?:\.|\s))\s*(?=\S)",
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
        # a team's name in the other languages: "Ufficio Selezione", "Afdeling Werving"
        "ufficio",
        "selezione",
        "risorse",
        "umane",
        "departamento",
        "selección",
        "seleccion",
        "afdeling",
        "werving",
        "equipa",
        # Brazilian Portuguese says "time" for a team: "Time de Talentos"
        "time",
        "talentos",
        "talento",
        "recrutamento",
        "recrutement",
        "reclutamiento",
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
        # legal forms and kinds of place: "Banca Adriatica S.p.A.", "Hotel Miramare"
        "s.p.a.",
        "s.p.a",
        "spa",
        "s.r.l.",
        "s.r.l",
        "srl",
        "s.a",
        "b.v",
        "n.v",
        "personalservice",
        "n.v.",
        "ltda",
        "lda",
        "hotel",
        "ristorante",
        "restaurant",
        "brasserie",
        "klinik",
        "clinic",
        "hospital",
        "ospedale",
        "comune",
        "ayuntamiento",
        "gemeente",
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
_LEADING_PARTICLES = frozenset(["de", "van", "von", "da", "di", "del"])
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
        "ciao",
        "salve",
        "gentile",
        "caro",
        "cara",
        "beste",
        "hoi",
        "goedemiddag",
        "goedemorgen",
        "oi",
        "ola",
        "olá",
        "prezado",
        "prezada",
        "moin",
        "servus",
        "grüezi",
        "gruezi",
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

    def __bool__(self) -> bool:
        return bool(self.name or self.title or self.team)


# A name beside a sign-off has at most this many words ("Maria de los Ángeles Ruiz").
_MOST_NAME_WORDS = 5


def find_signature(text: str, *, companies: Collection[str] = ()) -> Signature:
    lines = [line.strip() for line in text.split("\n")]
    lines = [line[:_MAX_LINE] for line in lines if line][-_TAIL_LINES:]
    lines = _without_footer(lines)
    company_words = {c.lower() for c in companies if c}
    return (
        _after_sign_off(lines, company_words)
        or _without_sign_off(lines, company_words)
        or _closing_name(lines, company_words)
        or Signature()
    )


def _after_sign_off(lines: list[str], companies: set[str]) -> Signature | None:
    """The lines under the lowest sign-off ("Best regards,"), or a name beside it ("Best,
    Dana") near the end. A sign-off with no name under it signs nothing."""
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if SIGN_OFF.match(line) or _unlisted_sign_off(lines, i, companies):
            return _signed(lines[i + 1 : i + 6], companies, lowercase=line.islower())
        inline = _inline_sign_off(line)
        # "Thanks again, and good luck with the rest of your search." is a sentence, not a
        # sign-off beside a name.
        if inline and len(inline.group("name").split()) > _MOST_NAME_WORDS:
            inline = None
        if inline and i >= len(lines) - 6:
            found = _signed([inline.group("name"), *lines[i + 1 : i + 5]], companies)
            if found.name or found.team:
                return found
    return None


def _inline_sign_off(line: str) -> re.Match[str] | None:
    """A sign-off and a name on one line: "Best, Dana", "VG Jonas"."""
    inline = _SIGN_OFF_INLINE.match(line)
    if inline and SIGN_OFF.match(inline.group("off").strip()):
        return inline
    return _SHORT_SIGN_OFF.match(line)


def _without_sign_off(lines: list[str], companies: set[str]) -> Signature | None:
    """No sign-off: "~ Dana", "— Dana Whitfield", a "Name | Title | Company" line, or a
    name over a title at the very end."""
    for i in range(len(lines) - 1, max(-1, len(lines) - 8), -1):
        found = (
            _dashed(lines, i, companies)
            or _company_line(lines, i, companies)
            or _name_with_title(lines, i, companies)
        )
        if found is not None:
            return found
    return None


def _dashed(lines: list[str], i: int, companies: set[str]) -> Signature | None:
    """ "— Dana Whitfield" on a line, or the lines under a "--" delimiter."""
    dash = _DASH_NAME.match(lines[i])
    if dash and not lines[i].startswith("-- "):
        found = _signed([dash.group("name"), *lines[i + 1 : i + 4]], companies)
        if found.name or found.team:
            return found
    if lines[i] in ("--", "-- ") and i + 1 < len(lines):
        found = _signed(lines[i + 1 : i + 5], companies)
        if found.name or found.team:
            return found
    return None


def _company_line(lines: list[str], i: int, companies: set[str]) -> Signature | None:
    """A team or company name alone near the end, under no person's name (a company line
    under a person's name and title belongs to their signature)."""
    line = lines[i]
    if (
        i < len(lines) - 3
        or len(line.split()) > 6
        or line.endswith((".", ":", "?"))
        or any(is_person_name(clean_person(above), companies) for above in lines[max(0, i - 2) : i])
        or _person_beside_team(line, companies)
    ):
        return None
    if is_team_name(line, companies) and not is_person_name(line, companies):
        return Signature(team=line, line=line)
    return None


def _person_beside_team(line: str, companies: set[str]) -> bool:
    """ "Elisa Bianchi - Ufficio Personale", "Tamsin Okafor | Talent & Culture": a person
    signing with their team beside their name, not the team alone."""
    person = clean_person(line)
    return person != line and is_person_name(person, companies)


def _name_with_title(lines: list[str], i: int, companies: set[str]) -> Signature | None:
    """ "Dana Whitfield | Engineering Manager", or a name over a title line."""
    one_line = "," in lines[i] or bool(_PARTS.search(lines[i]))
    if one_line or (i + 1 < len(lines) and _is_title_line(lines[i + 1])):
        found = _signed(lines[i : i + 4], companies, strict=True)
        if found.name:
            return found
    return None


def _closing_name(lines: list[str], companies: set[str]) -> Signature | None:
    """ "... Gutted for you. Chris": a name closing the last line, after its last sentence."""
    if not lines:
        return None
    tail = re.split(r"[.!?]\s+", lines[-1][-80:])[-1].strip(" .!")
    if tail != lines[-1].strip(" .!") and is_person_name(clean_person(tail), companies):
        return Signature(name=clean_person(tail), line=tail)
    return None


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
    """The signature in the lines under a sign-off: a person's name (with their title on the
    same line or the next two), else a team's. Strict: only a name with a title."""
    candidates = _signature_lines(candidates, lowercase=lowercase)
    if not candidates:
        return Signature()
    first = candidates[0]
    head, beside = _name_and_title(first)
    name = clean_person(head)
    if not name or not is_person_name(name, companies):
        team = name or head
        if not strict and is_team_name(team, companies):
            return Signature(team=team, line=first)
        return Signature()
    title = _title(beside, candidates[1:3], companies)
    if strict and not title and not beside:
        return Signature()
    return Signature(name=name, title=title, line=first)


def _signature_lines(candidates: list[str], *, lowercase: bool) -> list[str]:
    """The lines that may sign: no phone numbers, links or delimiters."""
    lines = [c for c in candidates if c and not _NOISE.match(c) and not _DELIMITER.match(c)]
    if lines and lowercase and lines[0].islower() and _LOWER_NAME.match(lines[0]):
        # Someone who writes "cheers\nnia roberts" signs in lower case, too.
        lines[0] = lines[0].title()
    return lines


def _title(beside: list[str], below: list[str], companies: set[str]) -> str:
    """The title beside the name, else on one of the lines below it: alone ("Partner"), or
    beside the name signed again in full ("Sanne" over "Sanne de Groot | Recruiter | ...").
    An office under the name with the HR directorate it belongs to on the next line
    ("Ufficio Selezione" over "Direzione Risorse Umane") is read as one title."""
    found = next((p for p in beside if _is_title_line(p)), "")
    if found:
        return found
    for i, line in enumerate(below):
        title = _title_below(line, companies)
        if title:
            parent = below[i + 1] if i + 1 < len(below) else ""
            if title == line and names_people_department(parent) and _is_title_line(parent):
                return f"{title} · {parent}"
            return title
    return ""


def _title_below(line: str, companies: set[str]) -> str:
    if _is_title_line(line) and not is_person_name(line, companies):
        return line
    head, beside = _name_and_title(line)
    if beside and is_person_name(clean_person(head), companies):
        return next((p for p in beside if _is_title_line(p)), "")
    return ""


def _name_and_title(line: str) -> tuple[str, list[str]]:
    """ "Dana Whitfield | Engineering Manager" or "Dana Whitfield, Engineering Manager" (not
    "Whitfield, Dana" nor "Dana, Ph.D."): the name, and what stands beside it."""
    parts = [p.strip() for p in _PARTS.split(line) if p.strip()]
    head, beside = parts[0], parts[1:]
    if "," in head and not beside:
        name_part, _, rest = head.partition(",")
        if rest.strip() and is_title(rest) and not _CREDENTIAL.fullmatch(", " + rest.strip()):
            return name_part, [rest.strip()]
    return head, beside


def _is_title_line(line: str) -> bool:
    """A job title on a line of its own: short, not a sentence. A title line may end with
    its company's legal form ("Corporate Recruiter | Polderbank N.V.", "Talent Acquisition |
    LusoDados, Lda."): that dot closes an abbreviation, not a sentence."""
    words = line.split()
    ends_sentence = line.rstrip().endswith(("!", "?", ":")) or (
        line.rstrip().endswith(".") and not _ABBREVIATION.fullmatch(words[-1] if words else "")
    )
    return 0 < len(words) <= 10 and not ends_sentence and is_title(line)


# "N.V.", "S.A.", "S.p.A.", "Lda.", "Inc.": a capitalised abbreviation ends with a dot.
_ABBREVIATION = re.compile(r"(?:[A-Z][A-Za-z]{0,3}\.)(?:[A-Za-z]{1,3}\.){0,3}")


def _without_emoji(text: str) -> str:
    """ "Lina 🌱": the emoji someone signs after their name is not part of it."""
    words = text.split()
    while len(words) > 1 and all(_is_emoji(ch) for ch in words[-1]):
        words.pop()
    return " ".join(words)


def _is_emoji(ch: str) -> bool:
    return unicodedata.category(ch) == "So" or ch in "\ufe0f\u200d"


def clean_person(text: str) -> str:
    text = _without_emoji(_PRONOUNS.sub(" ", text))
    # "Sanne de Groot | Oranje Werving", "Fer Ríos - Banco Meridiano": the name comes first.
    text = re.split(r"\s+[|\u2013\u2014-]\s+", text, maxsplit=1)[0]
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
    if _names_something_else(name, tokens, companies):
        return False
    return all(_could_be_in_a_name(i, token, len(tokens)) for i, token in enumerate(tokens))


def _names_something_else(name: str, tokens: list[str], companies: Collection[str]) -> bool:
    """A greeting, a team, the company, a job title or a sign-off: not a person."""
    lowered = [_unelided(t.lower().strip(".,")) for t in tokens]
    return (
        lowered[0] in GREETINGS
        # "São Paulo", "Sankt Gallen", "Place de la République": a place or a street on the
        # address line.
        or (lowered[0] in _ADDRESS_LEADS and len(tokens) > 1)
        or any(t in TEAM_WORDS for t in lowered)
        or squash(name) in {squash(c) for c in companies}
        or (any(t in companies for t in lowered) and len(tokens) <= 2)
        or _holds_a_company(lowered, companies)
        or is_title(name)
        or bool(SIGN_OFF.match(name))
    )


def _holds_a_company(lowered: list[str], companies: Collection[str]) -> bool:
    """ "Hansa Versicherung Schadenservice": the company and one of its departments."""
    words = f" {' '.join(lowered)} "
    return any(len(c) >= 4 and f" {c.lower()} " in words for c in companies)


_PLACE_LEADS = frozenset(["são", "sao", "san", "santa", "santo", "saint", "sainte", "sankt", "st"])
# "Place de la République", "Via Roma", "Rua Augusta", "Calle Mayor": the street line of an
# address, led by the word for a street, square or quay.
_STREET_LEADS = frozenset(
    ["place", "rue", "avenue", "allée", "allee", "boulevard", "bd", "chemin", "quai", "impasse",
     "calle", "avenida", "avda", "plaza", "paseo", "carrer", "via", "viale", "piazza", "piazzale",
     "corso", "vicolo", "rua", "praça", "praca", "travessa", "largo", "alameda"]
)  # fmt: skip
_ADDRESS_LEADS = _PLACE_LEADS | _STREET_LEADS


def _could_be_in_a_name(index: int, token: str, count: int) -> bool:
    """A capitalised word of letters (not an acronym), or a particle where one may stand:
    "van" inside a name, or "de" leading one ("de Souza")."""
    if 0 < index < count - 1 and token.lower() in PARTICLES:
        return True
    if index == 0 and count > 1 and token.lower() in _LEADING_PARTICLES:
        return True
    bare = token.strip(".")
    return (
        bool(bare)
        and bare[0].isupper()
        and all(ch.isalpha() or ch in "'-." for ch in bare)
        and not (len(bare) > 3 and bare.isupper())
    )


def is_team_name(name: str, companies: Collection[str] = ()) -> bool:
    """ "The Talent Team", "Acme Recruiting", "Recursos Humanos", or a bare company name."""
    name = " ".join(name.split())
    if not name or len(name) > 80 or "@" in name:
        return False
    lowered = [_unelided(t.lower().strip(".,")) for t in name.split()]
    if any(t in TEAM_WORDS for t in lowered):
        return True
    company_set = {squash(c) for c in companies if c}
    return squash(name) in company_set or (bool(lowered) and squash(lowered[0]) in company_set)


def _unelided(word: str) -> str:
    """ "équipe" for "l'équipe": French and Italian elide the article into the word."""
    head, mark, rest = word.replace("\u2019", "'").partition("'")
    return rest if mark and len(head) <= 2 and rest else word


def squash(text: str) -> str:
    """ "bancoalameda" for "Banco Alameda" and for banco-alameda.es: names compared bare."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if ch.isalnum())


# A message pasted from a chat or a network names its sender above the text, not below:
# "[14/05/2027, 18:42] Nerea (Hunters Bcn): …" (WhatsApp), "Jordan Pike · 2nd" then a title
# (LinkedIn), "Nachricht von Dr. Henrik Paulsen · Teamleiter bei Medtech Kiel" (XING), or a
# name alone on the first line with a time on the next ("Aujourd'hui 18:52", "10:42").
_CHAT_LINE = re.compile(
    r"^\[[\d/.\-]{6,10},? \d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]\.? ?m\.?)?\] ([^:\n]{2,60}): "
)
_NETWORK_HEAD = re.compile(
    r"^(?:(?:nachricht|message|mensaje|bericht|messaggio|mensagem) (?:von|from|de|van|da) )?"
    r"([^·\n]{3,60}?)\s*·\s*(?:(?:1st|2nd|3rd|1er|2e|3e)\b\s*|[123]°\s*)?(.*)$",
    re.I,
)
_TIME_LINE = re.compile(
    r"^(?:(?:today|yesterday|heute|gestern|aujourd'hui|hier|hoy|ayer|vandaag|gisteren|oggi|ieri|hoje|ontem),? )?"
    r"\d{1,2}[:.h]\d{2}(?: ?[ap]\.? ?m\.?)?$",
    re.I,
)


def chat_sender(text: str, *, companies: Collection[str] = ()) -> Signature:
    """The sender a pasted chat or network message names at its top, if any."""
    lines = [line.strip() for line in text.strip().split("\n")[:4]]
    if not lines:
        return Signature()
    chat = _CHAT_LINE.match(lines[0])
    if chat:
        return _person_or_nothing(chat.group(1), "", lines[0], companies)
    network = _NETWORK_HEAD.match(lines[0])
    if network:
        title = network.group(2).strip() or (lines[1] if len(lines) > 1 else "")
        return _person_or_nothing(network.group(1), title, lines[0], companies)
    if len(lines) > 1 and _TIME_LINE.match(lines[1].replace("\u202f", " ")):
        return _person_or_nothing(lines[0], "", lines[0], companies)
    # "Chiara Galli  10:42": the name and the time on one line.
    named = re.match(r"^(.{3,60}?)\s{2,}\d{1,2}:\d{2}$", lines[0])
    return _person_or_nothing(named.group(1), "", lines[0], companies) if named else Signature()


def _person_or_nothing(name: str, title: str, line: str, companies: Collection[str]) -> Signature:
    name = clean_person(name)
    if not is_person_name(name, companies):
        return Signature()
    return Signature(name=name, title=title if is_title(title) else "", line=line)
