"""Which of the user's applications an email is about, with the evidence, or none.

Pure: no ORM, no I/O. Signals, strongest first: the email replies to an earlier message
already matched to an application; it comes from one of the application's contacts; it
comes from the company's domain (the job URL's or the company website's); the company's
name is in the sender's name, the subject or the text; the role's words are in the subject.
A guess only fills the review queue: the user confirms or picks another application.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.translation import gettext_noop as N

from tracker.mail.because import Because as B

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


@dataclass(frozen=True)
class _Held:
    """One mail held against one application."""

    candidate: Candidate
    mail: Mail
    sender: str  # lower case
    label: str  # what the sender's domain names, unless it is an ATS's

    @property
    def company(self) -> list[str]:
        return company_words(self.candidate.company)

    @property
    def compact(self) -> str:
        return "".join(self.company)

    @property
    def sender_domain(self) -> str:
        return self.sender.rpartition("@")[2]

    @property
    def role(self) -> list[str]:
        return _role_words(self.candidate.role)

    @property
    def shared_role_words(self) -> list[str]:
        subject = set(normalise(self.mail.subject).split())
        return [w for w in self.role if w in subject]


# A signal holds or not; when it holds it says why, in a sentence for the review queue.
Signal = Callable[[_Held], str]


def _replies_in_thread(held: _Held) -> str:
    threads = {_thread_key(t) for t in held.mail.thread_ids} - {""}
    if threads & {_thread_key(t) for t in held.candidate.thread_ids}:
        return B(N("It replies to an earlier message about this application."))
    return ""


def _from_a_contact(held: _Held) -> str:
    if held.sender and held.sender in {e.lower() for e in held.candidate.contact_emails}:
        return B(N("%(address)s is a contact of this application."), address=held.sender)
    return ""


def _from_the_company_domain(held: _Held) -> str:
    labels = set().union(*(url_labels(url) for url in held.candidate.urls))
    # "umbrella-analytics.com" is Umbrella Analytics: a hyphen carries no meaning.
    labels |= {label.replace("-", "") for label in labels}
    plain = held.label.replace("-", "")
    if held.label and (
        held.label in labels
        or plain in labels
        or (len(held.compact) >= 3 and plain == held.compact)
    ):
        return B(
            N("Sent from %(domain)s, %(company)s's domain."),
            domain=held.sender_domain,
            company=held.candidate.company,
        )
    return ""


def _from_a_domain_naming_the_company(held: _Held) -> str:
    if len(held.compact) >= 4 and held.label.replace("-", "").startswith(held.compact):
        return B(
            N("Sent from %(domain)s, which names %(company)s."),
            domain=held.sender_domain,
            company=held.candidate.company,
        )
    return ""


def _sender_names_the_company(held: _Held) -> str:
    name = held.mail.sender_name
    if _contains_words(normalise(name), held.company):
        return B(
            N("The sender's name, “%(name)s”, names %(company)s."),
            name=name,
            company=held.candidate.company,
        )
    return ""


def _subject_names_the_company(held: _Held) -> str:
    if _contains_words(normalise(held.mail.subject), held.company):
        return B(N("The subject names %(company)s."), company=held.candidate.company)
    return ""


def _text_names_the_company(held: _Held) -> str:
    if len(held.compact) >= 3 and _contains_words(normalise(held.mail.text), held.company):
        return B(N("The message names %(company)s."), company=held.candidate.company)
    return ""


def _subject_names_the_role(held: _Held) -> str:
    if held.role and len(held.shared_role_words) == len(held.role):
        return B(N("The subject names the role, %(role)s."), role=held.candidate.role)
    return ""


def _text_names_the_role(held: _Held) -> str:
    """A form letter names the role in its body: "your application for the Senior ..."."""
    if held.role and _contains_words(normalise(held.mail.text), held.role):
        return B(N("The message names the role, %(role)s."), role=held.candidate.role)
    return ""


def _subject_shares_role_words(held: _Held) -> str:
    shared = held.shared_role_words
    if held.role and len(shared) * 2 >= len(held.role):
        return B(N("The subject shares words with the role (%(words)s)."), words=", ".join(shared))
    return ""


# The weighted signals, strongest first. Within a group only the first that holds counts
# (a company named by its domain is not named again by the subject); the groups add up.
SIGNALS: tuple[tuple[tuple[int, Signal], ...], ...] = (
    ((THREAD, _replies_in_thread),),
    ((CONTACT, _from_a_contact),),
    (
        (DOMAIN, _from_the_company_domain),
        (DOMAIN, _from_a_domain_naming_the_company),
        (NAME_IN_SENDER, _sender_names_the_company),
        (NAME_IN_SUBJECT, _subject_names_the_company),
        (NAME_IN_TEXT, _text_names_the_company),
    ),
    (
        (ROLE_ALL, _subject_names_the_role),
        (ROLE_ALL, _text_names_the_role),
        (ROLE_SOME, _subject_shares_role_words),
    ),
)


def _score(candidate: Candidate, mail: Mail, sender: str, label: str) -> tuple[int, list[str]]:
    held = _Held(candidate, mail, sender, label)
    score, evidence = 0, []
    for group in SIGNALS:
        found = next(((weight, why) for weight, signal in group if (why := signal(held))), None)
        if found is not None:
            score += found[0]
            evidence.append(found[1])
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
        return Match(None, (B(N("Nothing in it names one of your applications' companies.")),))
    scored.sort(key=lambda s: (-s[0], s[1].closed, -s[1].id))
    best_score, best, evidence = scored[0]
    if len(scored) > 1 and scored[1][0] == best_score:
        other = scored[1][1]
        return Match(
            None,
            (
                B(
                    N(
                        "It fits %(role)s at %(company)s and %(other_role)s at "
                        "%(other_company)s equally: pick one."
                    ),
                    role=best.role,
                    company=best.company,
                    other_role=other.role,
                    other_company=other.company,
                ),
            ),
            best_score,
        )
    return Match(best.id, tuple(evidence), best_score)
