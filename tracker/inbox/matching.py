"""Which of the user's applications an email is about, with the evidence, or none.

Pure: no ORM, no I/O. Signals, strongest first: the email replies to an earlier message
already matched to an application; it comes from one of the application's contacts; it
comes from the company's domain (the job URL's or the company website's); the company's
name is in the sender's name, the subject or the text; the role's words are in the subject.
A guess only fills the review queue: the user confirms or picks another application.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

# Applicant-tracking systems and job boards: their domain says nothing about the company,
# but their job URLs name it in the path (boards.greenhouse.io/hooli/...) or the host.
ATS_DOMAINS = (
    "greenhouse.io", "lever.co", "myworkdayjobs.com", "myworkday.com", "workday.com",
    "smartrecruiters.com", "ashbyhq.com", "icims.com", "taleo.net", "recruitee.com",
    "personio.de", "personio.com", "teamtailor.com", "bamboohr.com", "jobvite.com",
    "workable.com", "breezy.hr", "jazzhr.com", "applytojob.com", "successfactors.com",
    "linkedin.com", "indeed.com", "glassdoor.com", "stepstone.de", "welcometothejungle.com",
    "join.com", "wellfound.com", "otta.com",
)  # fmt: skip
# Words that name a company's legal form, not the company: "Hooli, Inc." is Hooli.
LEGAL_WORDS = frozenset({
    "inc", "incorporated", "llc", "ltd", "limited", "plc", "corp", "corporation", "co",
    "company", "gmbh", "ag", "sa", "sas", "sarl", "bv", "nv", "srl", "spa", "oy", "ab", "as",
    "aps", "kg", "ug", "se", "the", "group", "holdings",
})  # fmt: skip
# Role words too common to tell two roles apart.
ROLE_STOPWORDS = frozenset({
    "a", "an", "and", "the", "of", "for", "in", "at", "to", "with", "m", "f", "d", "w", "x",
    "remote", "hybrid", "onsite",
})  # fmt: skip
GENERIC_HOST_LABELS = frozenset({"boards", "jobs", "job-boards", "apply", "careers", "www", "app"})
SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"})

THREAD, CONTACT, DOMAIN, NAME_IN_SENDER, NAME_IN_SUBJECT, NAME_IN_TEXT = 100, 60, 40, 35, 30, 15
ROLE_ALL, ROLE_SOME = 20, 10
# Already closed (rejected, withdrawn...): still possible (a late form letter), less likely.
CLOSED_PENALTY = 10
# Below this nothing says which company wrote: the role's words alone never decide.
THRESHOLD = 30


@dataclass(frozen=True)
class Candidate:
    """One of the user's applications, as matching needs it."""

    id: int
    company: str
    role: str
    urls: tuple[str, ...] = ()  # job posting, apply link, company website
    contact_emails: tuple[str, ...] = ()
    thread_ids: tuple[str, ...] = ()  # Message-IDs of earlier mail matched to it
    closed: bool = False


@dataclass(frozen=True)
class Mail:
    sender_email: str = ""
    sender_name: str = ""
    subject: str = ""
    text: str = ""
    thread_ids: tuple[str, ...] = ()  # its In-Reply-To and References


@dataclass(frozen=True)
class Match:
    application_id: int | None
    evidence: tuple[str, ...]
    score: int = 0


def normalise(text: str) -> str:
    """Lower case, accents off, punctuation to spaces: "Café Noir, S.A." → "cafe noir s a"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = plain.replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def company_words(name: str) -> list[str]:
    words = normalise(name.replace(".", "")).split()
    kept = [w for w in words if w not in LEGAL_WORDS]
    return kept or words


def domain_label(host: str) -> str:
    """The part of a host that names its owner: mail.hooli.co.uk → hooli."""
    labels = [p for p in host.lower().strip(".").split(".") if p]
    if labels and labels[0] == "www":
        labels = labels[1:]
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2:
        labels = labels[:-2]
    elif len(labels) >= 2:
        labels = labels[:-1]
    return labels[-1] if labels else ""


def _is_ats(host: str) -> bool:
    host = host.lower()
    return any(host == d or host.endswith("." + d) for d in ATS_DOMAINS)


def url_labels(url: str) -> set[str]:
    """What a URL says about the company: its domain, or the ATS's slug for the company."""
    try:
        parts = urlsplit(url if "//" in url else f"//{url}")
        host = parts.hostname or ""
    except ValueError:
        return set()
    if not host:
        return set()
    if not _is_ats(host):
        return {domain_label(host)}
    first = host.split(".")[0]
    found = first
    if first in GENERIC_HOST_LABELS or host in ATS_DOMAINS:
        # boards.greenhouse.io/hooli, jobs.lever.co/hooli: the company is the path's start.
        segments = [s for s in parts.path.split("/") if s]
        found = segments[0] if segments and not segments[0].isdigit() else ""
    return {normalise(found).replace(" ", "")} - {""}


def _contains_words(haystack: str, words: Sequence[str]) -> bool:
    if not words:
        return False
    return re.search(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", haystack) is not None


def _role_words(role: str) -> list[str]:
    return [w for w in normalise(role).split() if w not in ROLE_STOPWORDS and len(w) > 1]


def _thread_key(message_id: str) -> str:
    return message_id.strip().strip("<>").strip().lower()


def _score(candidate: Candidate, mail: Mail, sender: str, label: str) -> tuple[int, list[str]]:
    evidence: list[str] = []
    score = 0
    threads = {_thread_key(t) for t in mail.thread_ids} - {""}
    if threads & {_thread_key(t) for t in candidate.thread_ids}:
        score += THREAD
        evidence.append("It replies to an earlier message about this application.")
    if sender and sender in {e.lower() for e in candidate.contact_emails}:
        score += CONTACT
        evidence.append(f"{sender} is a contact of this application.")

    words = company_words(candidate.company)
    compact = "".join(words)
    company_score, company_why = 0, ""
    labels: set[str] = set()
    for url in candidate.urls:
        labels |= url_labels(url)
    sender_domain = sender.rpartition("@")[2]
    if label and (label in labels or (len(compact) >= 3 and label == compact)):
        company_score = DOMAIN
        company_why = f"Sent from {sender_domain}, {candidate.company}'s domain."
    elif len(compact) >= 4 and label.startswith(compact):
        company_score = DOMAIN
        company_why = f"Sent from {sender_domain}, which names {candidate.company}."
    elif _contains_words(normalise(mail.sender_name), words):
        company_score = NAME_IN_SENDER
        company_why = f"The sender's name, {mail.sender_name!r}, names {candidate.company}."
    elif _contains_words(normalise(mail.subject), words):
        company_score = NAME_IN_SUBJECT
        company_why = f"The subject names {candidate.company}."
    elif len(compact) >= 3 and _contains_words(normalise(mail.text), words):
        company_score = NAME_IN_TEXT
        company_why = f"The message names {candidate.company}."
    if company_score:
        score += company_score
        evidence.append(company_why)

    role = _role_words(candidate.role)
    subject = set(normalise(mail.subject).split())
    shared = [w for w in role if w in subject]
    if role and len(shared) == len(role):
        score += ROLE_ALL
        evidence.append(f"The subject names the role, {candidate.role}.")
    elif role and len(shared) * 2 >= len(role):
        score += ROLE_SOME
        evidence.append(f"The subject shares words with the role ({', '.join(shared)}).")
    if candidate.closed and score:
        score -= CLOSED_PENALTY
    return score, evidence


def match_application(mail: Mail, candidates: Iterable[Candidate]) -> Match:
    """The application this mail is most likely about, or none (with the reason)."""
    sender = mail.sender_email.strip().lower()
    label = domain_label(sender.rpartition("@")[2]) if "@" in sender else ""
    if label and _is_ats(sender.rpartition("@")[2]):
        label = ""
    scored = []
    for candidate in candidates:
        score, evidence = _score(candidate, mail, sender, label)
        if score >= THRESHOLD:
            scored.append((score, candidate, evidence))
    if not scored:
        return Match(None, ("Nothing in it names one of your applications' companies.",))
    scored.sort(key=lambda s: (-s[0], s[1].closed, -s[1].id))
    best_score, best, evidence = scored[0]
    if len(scored) > 1 and scored[1][0] == best_score:
        other = scored[1][1]
        return Match(
            None,
            (
                f"It fits {best.role} at {best.company} and {other.role} at {other.company} "
                "equally: pick one.",
            ),
            best_score,
        )
    return Match(best.id, tuple(evidence), best_score)
