"""Addresses: found in text in linear time, and told apart (no-reply, applicant tracking).

No regex scans for addresses: a run of word characters without an "@" made the old
pattern quadratic. Here each "@" is expanded a bounded distance either way.
"""

import re
from email.utils import getaddresses, parseaddr

_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.+_'-%")
_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_MAX_LOCAL = 64
_MAX_DOMAIN = 253
_MAX_ADDRESSES = 50

NO_REPLY = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|noreply|notifications?|notify|"
    r"mailer(?:-daemon)?|bounces?|auto[-_.]?(?:reply|mail|confirm)|automated|system|"
    r"alerts?|postmaster|invitations?|updates?|newsletter|workflow|"
    # German, French, Spanish: keine-antwort@, ne-pas-repondre@, no-responder@
    r"keine[-_.]?antwort|nicht[-_.]?antworten|ne[-_.]?pas[-_.]?r[ée]pondre|no[-_.]?responder|"
    r"no[-_.]?contestar|no[-_.]?responda|"
    # Portuguese, Italian, Dutch: naoresponda@, non-rispondere@, niet-beantwoorden@
    r"n[aã]o[-_.]?respond[ae]r?|non[-_.]?rispondere|niet[-_.]?beantwoorden|geen[-_.]?antwoord|"
    # a notifications mailbox in the other six: notificaciones@, benachrichtigung@...
    r"notificaci(?:on|ones)|notifica[cç](?:ao|ão|oes|ões)|notifiche|notificaties?|benachrichtigung(?:en)?)"
    r"(?:[-_.+][\w.-]{0,40})?@|"
    # ...or after a team's name: jobs.noreply@, recrutamento.naoresponder@
    r"^[\w.+-]{0,40}[-_.+](?:no[-_.]?reply|do[-_.]?not[-_.]?reply|n[aã]o[-_.]?respond[ae]r?|"
    r"no[-_.]?responder|ne[-_.]?pas[-_.]?r[ée]pondre|non[-_.]?rispondere|niet[-_.]?beantwoorden|"
    r"keine[-_.]?antwort)@",
    re.I,
)
# A shared mailbox of a team: nobody in particular writes from it.
TEAM_ADDRESS = re.compile(
    r"^(?:careers?|jobs?|recruit(?:ing|ment|ers?)?|talent(?:acquisition)?|hr|people|hiring|"
    r"apply|applications?|candidates?|info|hello|team|contact|empleo|rrhh|bewerbung(?:en)?|"
    r"karriere|jobs?-?de|recrutement|rh|emplois?|seleccion|personal)(?:[-_.+][\w.-]{0,40})?@",
    re.I,
)
# Applicant-tracking systems and job boards that send on a company's behalf.
ATS_DOMAINS = (
    "greenhouse.io", "greenhouse-mail.io", "lever.co", "hire.lever.co", "myworkday.com",
    "myworkdayjobs.com", "workday.com", "smartrecruiters.com", "smartrecruitersmail.com",
    "ashbyhq.com", "ashbyhq-mail.com", "icims.com", "taleo.net", "recruitee.com",
    "personio.de", "personio.com", "teamtailor.com", "teamtailor-mail.com", "bamboohr.com",
    "jobvite.com", "successfactors.com", "successfactors.eu", "workable.com",
    "workablemail.com", "jazzhr.com", "applytojob.com", "breezy.hr", "breezyhr.com",
    "pinpointhq.com", "join.com", "softgarden.de", "softgarden.io", "rippling.com",
    "linkedin.com", "indeed.com", "indeedemail.com", "glassdoor.com", "stepstone.de",
    "welcometothejungle.com", "otta.com", "wellfound.com", "dice.com", "ziprecruiter.com",
    "hired.com", "xing.com", "infojobs.net", "monster.com", "comeet.co", "comeet.com",
    "recruiterbox.com", "zohorecruit.com", "oraclecloud.com", "brassring.com",
    "avature.net", "phenom.com", "hirebridge.com", "gem.com", "dover.com",
    "gupy.io", "vagas.com.br", "catho.com.br", "solides.com.br", "inrecruiting.it",
    "infojobs.it", "governmentjobs.com", "jobteaser.com", "hellowork.com", "apec.fr",
    "nationalevacaturebank.nl", "werkzoeken.nl", "randstad.com", "jobs.ch", "karriere.at",
)  # fmt: skip


def find_addresses(text: str) -> list[str]:
    """Every address in `text`, in order, without duplicates; never an Outlook [cid:...]."""
    found: list[str] = []
    seen: set[str] = set()
    at = text.find("@")
    while at != -1 and len(found) < _MAX_ADDRESSES:
        start = at
        while start > 0 and at - start < _MAX_LOCAL and text[start - 1] in _LOCAL_CHARS:
            start -= 1
        end = at + 1
        while end < len(text) and end - at <= _MAX_DOMAIN and text[end] in _DOMAIN_CHARS:
            end += 1
        local = text[start:at].strip(".'")
        domain = text[at + 1 : end].strip(".-").lower()
        if (
            local
            and _plausible_domain(domain)
            and not text[max(0, start - 4) : start].lower().endswith("cid:")
        ):
            address = f"{local}@{domain}"
            if address.lower() not in seen:
                seen.add(address.lower())
                found.append(address)
        at = text.find("@", max(end, at + 1))
    return found


def _plausible_domain(domain: str) -> bool:
    labels = domain.split(".")
    if len(labels) < 2 or not all(labels):
        return False
    tld = labels[-1]
    return tld.isalpha() and 2 <= len(tld) <= 24


def is_address(text: str) -> bool:
    return find_addresses(text) == [text] if text else False


def parse_person(value: str) -> tuple[str, str]:
    """("Dana Smith", "dana@acme.com") from "Dana Smith <dana@acme.com>",
    "dana@acme.com (Dana Smith)", '"Smith, Dana" <dana@acme.com>' or a bare address."""
    value = " ".join(value.split())[:500]
    if not value:
        return "", ""
    name, address = parseaddr(value)
    if not address or "@" not in address or not is_address(address):
        addresses = find_addresses(value)
        if not addresses:
            return clean_name(value), ""
        address = addresses[0]
        name = value.split("<", 1)[0] if "<" in value else ""
    name = clean_name(name)
    if name.lower() == address.lower() or "@" in name:
        name = ""
    return name, address.lower()


def parse_people(value: str) -> list[str]:
    return [a.lower() for _, a in getaddresses([value[:2000]]) if a and "@" in a][:_MAX_ADDRESSES]


def clean_name(name: str) -> str:
    name = " ".join(name.replace('"', " ").replace("'", "'").split()).strip(" ,;<>()[]")
    # "Smith, Dana" as directories write it.
    if name.count(",") == 1:
        last, first = (part.strip() for part in name.split(","))
        if last and first and " " not in last and " " not in first and first[:1].isupper():
            name = f"{first} {last}"
    return name


# Mailboxes anyone can have: a friend writes from these, a company seldom does.
FREE_MAIL = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "msn.com",
        "yahoo.com",
        "ymail.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "gmx.de",
        "gmx.net",
        "gmx.com",
        "gmx.at",
        "gmx.ch",
        "web.de",
        "t-online.de",
        "posteo.de",
        "proton.me",
        "protonmail.com",
        "orange.fr",
        "free.fr",
        "laposte.net",
        "sfr.fr",
        "wanadoo.fr",
        "yahoo.fr",
        "hotmail.fr",
        "yahoo.es",
        "hotmail.es",
        "telefonica.net",
        "ziggo.nl",
        "kpnmail.nl",
        "hetnet.nl",
        "planet.nl",
        "libero.it",
        "virgilio.it",
        "alice.it",
        "tiscali.it",
        "uol.com.br",
        "bol.com.br",
        "terra.com.br",
        "sapo.pt",
        "fastmail.com",
        "hey.com",
        "zoho.com",
        "mail.com",
        # The same services under their national domains, and the big national providers.
        "hotmail.co.uk",
        "hotmail.de",
        "hotmail.it",
        "hotmail.nl",
        "hotmail.be",
        "hotmail.com.br",
        "live.co.uk",
        "live.de",
        "live.fr",
        "live.it",
        "live.nl",
        "live.be",
        "outlook.de",
        "outlook.fr",
        "outlook.es",
        "outlook.it",
        "outlook.pt",
        "outlook.com.br",
        "yahoo.co.uk",
        "yahoo.de",
        "yahoo.it",
        "yahoo.com.br",
        "btinternet.com",
        "sky.com",
        "bluewin.ch",
        "gmx.fr",
        "neuf.fr",
        "tin.it",
        "xs4all.nl",
        "telenet.be",
        "skynet.be",
        "movistar.es",
        "netcabo.pt",
    ]
)


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].lower()


def is_free_mail(address: str) -> bool:
    return domain_of(address) in FREE_MAIL


def is_no_reply(address: str) -> bool:
    return bool(address) and bool(NO_REPLY.match(address))


def is_team_address(address: str) -> bool:
    return bool(address) and bool(TEAM_ADDRESS.match(address))


def is_ats(address: str) -> bool:
    domain = domain_of(address)
    return any(domain == d or domain.endswith("." + d) for d in ATS_DOMAINS)


def organisation_label(address: str) -> str:
    """ "acme" for dana@mail.acme.co.uk: the part of the domain that names the company."""
    labels = domain_of(address).split(".")
    while len(labels) > 2 and labels[-2] in ("co", "com", "org", "ac", "gov", "net"):
        labels = labels[:-1]
    return labels[-2] if len(labels) >= 2 else ""
