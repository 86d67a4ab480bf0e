"""How a letter addresses the user, so that the reply answers in kind: Sie or du, vous or
tu, usted or tú, u or je, Lei or tu; and whether it greets them by their first name.

Pure: no ORM, no I/O. Read from the newest message alone (a quoted reply is the user's own
voice), before any signature matters: the pronouns of the body decide, the greeting
breaks a tie. With nothing to go on, English is written first-name and friendly, every
other language formally, as a stranger would write to a company there.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop

from tracker.followups.said import newest_text
from tracker.mail.language import detect_language


@dataclass(frozen=True)
class Register:
    # Sie, vous, usted, u, Lei, o senhor; English has one "you" and ignores it.
    formal: bool
    # They greeted the user by the first name (or signed with theirs alone): the reply
    # greets them by theirs.
    first_name: bool
    # What set the register, for the reason to say: one of the _BECAUSE keys, or "".
    because: str = ""


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns))


# Case matters in German and Italian: "Sie"/"Ihnen"/"Lei" address someone, "sie"/"lei"
# is a third person. Each pattern is counted, the larger side wins.
FORMAL = {
    "de": _words(
        r"(?<![.!?]\s)(?<!^)\b(?:Sie|Ihnen|Ihre[mnrs]?|Ihr)\b", r"(?i:\bsehr geehrte[rn]?\b)"
    ),
    "fr": _words(r"(?i:\b(?:vous|votre|vos)\b)"),
    "es": _words(
        r"(?i:\b(?:usted(?:es)?|le agradecemos|su candidatura|su perfil|su inter[eé]s)\b)"
    ),
    "nl": _words(r"(?i:\b(?:u|uw)\b)", r"(?i:\bgeachte\b)"),
    "it": _words(
        r"(?<![.!?]\s)(?<!^)\b(?:Lei|La|Le|Sua|Suo|Suoi|Sue)\b", r"(?i:\b(?:gentile|egregi[oa])\b)"
    ),
    "pt": _words(r"(?i:\b(?:o senhor|a senhora|prezad[oa]s?|v\. ?sa\.?|vossa)\b)"),
}
INFORMAL = {
    "de": _words(r"(?i:\b(?:du|dich|dir|dein(?:e[mnrs]?)?)\b)"),
    "fr": _words(r"(?i:\b(?:tu|toi|ton|ta|tes)\b|\bt'(?=\w))"),
    "es": _words(r"(?i:\b(?:t[uú]|te|ti|contigo|tus)\b)"),
    "nl": _words(r"(?i:\b(?:je|jij|jou|jouw|jullie)\b)"),
    "it": _words(r"\b(?:ti|te|tuo|tua|tuoi|tue)\b", r"(?i:\bciao\b)"),
    "pt": _words(r"(?i:\b(?:tu|te|ti|teu|tua|teus|tuas|contigo)\b)", r"(?i:\b(?:oi|ol[aá])\b)"),
}
NAMES = {
    "en": "formal",
    "de": "Sie",
    "fr": "vous",
    "es": "usted",
    "nl": "u",
    "it": "Lei",
    "pt": "formal",
}
INFORMAL_NAMES = {"de": "du", "fr": "tu", "es": "tú", "nl": "je", "it": "tu", "pt": "tu/você"}
# A greeting line: its first words, up to the name and its comma or colon.
_GREETING = re.compile(r"^\W*([^\n,:!]{1,60})[,:!]", re.MULTILINE)
_SALUTATIONS = re.compile(
    r"(?i)^(?:hi|hello|hey|dear|hallo|liebe[rs]?|moin|servus|bonjour|salut|coucou|cher|ch[eè]re|"
    r"hola|querid[oa]|estimad[oa]|buenos d[ií]as|hoi|hallo|beste|beste|ciao|car[oa]|salve|"
    r"buongiorno|ol[aá]|oi|bom dia|boa tarde|prezad[oa]|car[oa])\s+"
)
_TITLE_WORDS = re.compile(
    r"(?i)\b(?:mr|mrs|ms|dr|herr|frau|monsieur|madame|mme|sr|sra|señor|señora|meneer|mevrouw|"
    r"signor|signora|senhor|senhora|dott|prof)\b"
)


def read_register(message: str, *, language: str, user_names: tuple[str, ...] = ()) -> Register:
    """How `message`, written in `language`, addresses the user (whose given names are
    `user_names`)."""
    text = newest_text(message)
    first = _greets_by_first_name(message, user_names)
    if language == "en" or language not in FORMAL:
        formal = bool(_greeting(message)) and bool(_TITLE_WORDS.search(_greeting(message)))
        return Register(formal=formal, first_name=not formal)
    formal_count = len(FORMAL[language].findall(text))
    informal_count = len(INFORMAL[language].findall(text))
    if formal_count or informal_count:
        formal = formal_count >= informal_count
        because = "letter"
    else:
        formal = not first
        because = "first_name" if first else "first_letter"
    return Register(formal=formal, first_name=first or not formal, because=because)


def _greeting(message: str) -> str:
    for line in message.strip().splitlines()[:8]:
        line = line.strip()
        if not line or re.match(
            r"(?i)^(?:subject|betreff|objet|asunto|onderwerp|oggetto|"
            r"assunto|from|von|de|van|da|to|an|à|para|date|datum):",
            line,
        ):
            continue
        found = _GREETING.match(line)
        return found.group(1) if found and _SALUTATIONS.match(found.group(1) + " ") else ""
    return ""


def _greets_by_first_name(message: str, user_names: tuple[str, ...]) -> bool:
    greeting = _greeting(message)
    if not greeting or _TITLE_WORDS.search(greeting):
        return False
    rest = _SALUTATIONS.sub("", greeting + " ").strip()
    if not rest:
        return False
    if user_names:
        wanted = {name.casefold() for name in user_names if name}
        return rest.split()[0].casefold() in wanted
    # Not knowing the user's name: one word after "Hallo" is a first name.
    return len(rest.split()) == 1


@dataclass(frozen=True)
class Voice:
    """The language and register of one draft, and why, in the words of its reason."""

    language: str
    formal: bool
    first_name: bool
    because: str


# In English here; the reason names them in the reader's language.
LANGUAGE_NAMES = {
    "en": gettext_noop("English"),
    "de": gettext_noop("German"),
    "fr": gettext_noop("French"),
    "es": gettext_noop("Spanish"),
    "nl": gettext_noop("Dutch"),
    "it": gettext_noop("Italian"),
    "pt": gettext_noop("Portuguese"),
}


def _register_sentence(formal: bool, because: str, pronoun: str) -> str:
    """How formally the draft speaks and why, as one whole sentence of the reason."""
    if formal:
        sentence = {
            "letter": gettext("Formally (“%(pronoun)s”), as their letter does."),
            "first_letter": gettext("Formally (“%(pronoun)s”), as is usual in a first letter."),
        }.get(because, gettext("Formally (“%(pronoun)s”)."))
    else:
        sentence = {
            "letter": gettext("Informally (“%(pronoun)s”), as their letter does."),
            "first_name": gettext(
                "Informally (“%(pronoun)s”), as their letter greets you by your first name."
            ),
        }.get(because, gettext("Informally (“%(pronoun)s”)."))
    return sentence % {"pronoun": pronoun}


def written_in_lead() -> str:
    """How every language sentence of a reason begins, in the active language: where the
    rules' part of a stored reason ends."""
    return gettext("Written in %(language)s.").partition("%(language)s")[0]


def draft_voice(
    *, letter: str, posting: str = "", chosen: str = "", user_names: tuple[str, ...] = ()
) -> Voice:
    """How a draft speaks: in the language the user chose for it, else the letter's,
    else the posting's, else English; formally or not as the letter addresses the user."""
    from_letter = detect_language(newest_text(letter)) if letter.strip() else None
    from_posting = detect_language(posting) if posting.strip() and not from_letter else None
    language = chosen or from_letter or from_posting or "en"
    # Each begins as written_in_lead() says: a translation keeps that beginning.
    if chosen:
        why = gettext("Written in %(language)s, as you chose.")
    elif from_letter:
        why = gettext("Written in %(language)s, the language of their letter.")
    elif from_posting:
        why = gettext("Written in %(language)s, the language of the job posting.")
    else:
        why = gettext("Written in %(language)s, as nothing says otherwise.")
    why = why % {"language": gettext(LANGUAGE_NAMES[language])}
    # Their letter sets the register even when the user picked another language.
    register = read_register(letter, language=from_letter or language, user_names=user_names)
    formal = register.formal if letter.strip() else language != "en"
    if letter.strip() and (from_letter or "en") != language and language != "en":
        # "Hi Alex" in English becomes first names; "Dear Mr Rivera" the formal form.
        formal = register.formal or not register.first_name
    if language == "en":
        return Voice("en", formal, register.first_name or not letter.strip(), why)
    pronoun = (NAMES if formal else INFORMAL_NAMES)[language]
    because = register.because if letter.strip() and from_letter == language else ""
    how = _register_sentence(formal, because, pronoun)
    return Voice(language, formal, register.first_name if letter.strip() else False, f"{why} {how}")
