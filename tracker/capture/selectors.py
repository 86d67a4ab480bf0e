"""Applied before? What the user already has at the company they are adding."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from django.db.models import Prefetch, Q

from tracker.accounts.models import User
from tracker.applications.models import Application, Company, ContactRole, Interview, Stage
from tracker.followups.kinds import Kind
from tracker.followups.models import FollowUp

# Words that name the legal form, not the company: "Hooli, Inc." is Hooli.
LEGAL_FORMS = {
    "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc", "corp", "corporation", "co",
    "company", "gmbh", "ag", "kg", "se", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab",
    "as", "oy", "kk", "pty", "the", "group", "holding", "holdings",
}  # fmt: skip

# Hosts shared by many employers (job boards, applicant tracking systems): there the
# employer is the first part of the path (boards.example/hooli/...), not the host.
SHARED_HOSTS = {
    "greenhouse.io", "boards.greenhouse.io", "job-boards.greenhouse.io", "jobs.lever.co",
    "jobs.ashbyhq.com", "apply.workable.com", "jobs.smartrecruiters.com", "linkedin.com",
    "indeed.com", "glassdoor.com", "wellfound.com", "stackoverflow.com", "welcometothejungle.com",
    "stepstone.de", "xing.com", "monster.com", "ziprecruiter.com", "jobs.personio.de",
    "recruitee.com", "breezy.hr", "bamboohr.com", "teamtailor.com",
}  # fmt: skip
# On these the path says nothing about the employer: only the company's name can match.
BOARDS = {"linkedin.com", "indeed.com", "glassdoor.com", "monster.com", "ziprecruiter.com"}

INTERVIEW_PHRASES = {
    "phone_screen": "a phone screen",
    "technical": "a technical interview",
    "onsite": "an onsite",
    "final": "a final interview",
}


def company_key(name: str) -> str:
    """A company's name reduced to what identifies it: case, accents, punctuation and
    legal forms set aside ("Müller & Söhne GmbH" and "muller & sohne" match)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
    words = re.findall(r"\w+", folded.lower().replace("&", " and "))
    kept = [w for w in words if w not in LEGAL_FORMS]
    return " ".join(kept or words)


def site_key(url: str) -> str:
    """Where a posting lives, as far as it says who the employer is: the host without
    www., and on a shared applicant-tracking host its first path segment too. Empty for
    a big job board, where the address says nothing about the employer."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host:
        return ""
    shared = next((h for h in SHARED_HOSTS if host == h or host.endswith("." + h)), None)
    if shared in BOARDS:
        return ""
    if shared:
        segment = next((s for s in parts.path.split("/") if s), "")
        return f"{host}/{segment.lower()}" if segment else ""
    return host


@dataclass(frozen=True)
class PriorApplication:
    application_id: int
    company: str
    role: str
    stage: str
    when: date
    message: str
    # Whom to mention: the keep-in-touch contact, else who sent the rejection.
    contact_name: str
    contact_email: str
    matched_by: str  # "company name" or "site"


def _outcome(application: Application) -> str:
    interviews: list[Interview] = list(application.interviews.all())
    after = ""
    if interviews:
        last = interviews[-1]
        after = f" after {INTERVIEW_PHRASES.get(last.kind, 'an interview')}"
    elif application.furthest_stage == Stage.SCREENING:
        after = " after screening"
    elif application.furthest_stage in (Stage.INTERVIEWING, Stage.OFFER):
        after = " after interviews"
    stage = application.stage
    if stage == Stage.REJECTED:
        return f"they rejected it{after}"
    if stage == Stage.WITHDRAWN:
        return f"you withdrew{after}"
    if stage == Stage.GHOSTED:
        return f"they stopped answering{after}"
    if stage == Stage.ACCEPTED:
        return "you accepted their offer"
    if stage == Stage.OFFER:
        return "they made you an offer"
    if stage == Stage.WISHLIST:
        return "it is still on your wishlist"
    return f"it is still open ({application.get_stage_display().lower()})"


def _contact(application: Application) -> tuple[str, str]:
    followups: list[FollowUp] = list(application.followups.all())
    for followup in followups:
        if followup.kind == Kind.KEEP_IN_TOUCH and followup.recipient_name:
            return followup.recipient_name, followup.recipient_email
    rejection = getattr(application, "rejection", None)
    if rejection is not None and rejection.sender_name:
        return rejection.sender_name, rejection.sender_email
    contacts = sorted(
        application.contacts.all(),
        key=lambda c: (c.role != ContactRole.HIRING_MANAGER, c.role != ContactRole.RECRUITER),
    )
    if contacts:
        return contacts[0].name, contacts[0].email
    return "", ""


def _when(application: Application, zone_date: date) -> date:
    return application.applied_on or zone_date


def _message(application: Application, when: date, contact: str) -> str:
    verb = (
        f"You saved {application.company.name}'s {application.role} to your wishlist"
        if application.stage == Stage.WISHLIST
        else f"You applied to {application.company.name} for {application.role}"
    )
    text = f"{verb} in {when:%B %Y}; {_outcome(application)}"
    return f"{text} ({contact})." if contact else f"{text}."


def application_prior_at_company(
    *, user: User, company_name: str = "", url: str = "", exclude_id: int | None = None
) -> list[PriorApplication]:
    """The user's applications at the same company (by normalised name) or on the same
    site as `url`, newest first. Read-only; the caller shows them as a warning."""
    key = company_key(company_name) if company_name.strip() else ""
    site = site_key(url) if url else ""
    if not key and not site:
        return []
    companies = [
        c.pk
        for c in Company.objects.filter(owner=user).only("id", "name")
        if key and company_key(c.name) == key
    ]
    candidates = Application.objects.filter(owner=user)
    query = Q(company_id__in=companies)
    if site:
        host = site.split("/")[0]
        query |= Q(url__icontains=host) | Q(company__website__icontains=host)
    candidates = (
        candidates.filter(query)
        .select_related("company", "rejection")
        .prefetch_related(
            Prefetch("interviews", queryset=Interview.objects.order_by("scheduled_at")),
            "followups",
            "contacts",
        )
        .order_by("-created_at")[:20]
    )
    found: list[PriorApplication] = []
    for application in candidates:
        if application.pk == exclude_id:
            continue
        if application.company_id in companies:
            matched_by = "company name"
        elif site and site in (site_key(application.url), site_key(application.company.website)):
            matched_by = "site"
        else:
            continue  # The host only appeared somewhere in the address.
        when = _when(application, application.created_at.date())
        name, email = _contact(application)
        found.append(
            PriorApplication(
                application_id=application.pk,
                company=application.company.name,
                role=application.role,
                stage=application.stage,
                when=when,
                message=_message(application, when, name),
                contact_name=name,
                contact_email=email,
                matched_by=matched_by,
            )
        )
    return found
