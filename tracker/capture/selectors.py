"""Applied before? What the user already has at the company they are adding."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from django.db.models import Prefetch, Q

from tracker.accounts.models import User
from tracker.applications.models import Application, Company, ContactRole, Interview, Stage
from tracker.capture.boards import employer_of
from tracker.followups.kinds import Kind
from tracker.followups.models import FollowUp

# Words that name the legal form, not the company: "Hooli, Inc." is Hooli.
LEGAL_FORMS = {
    "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc", "corp", "corporation", "co",
    "company", "gmbh", "ag", "kg", "se", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab",
    "as", "oy", "kk", "pty", "the", "group", "holding", "holdings",
}  # fmt: skip

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


def _compact(name: str) -> str:
    """The key without spaces, so that an address's handle meets the name it stands for:
    "piedpiper" and "pied-piper" are both Pied Piper."""
    return company_key(name).replace(" ", "")


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
    # "company name", or "site" when the employer's own domain matched (never a board's).
    matched_by: str
    # The very job: the same posting's address, or the same role at the same company.
    same_job: bool = False


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


def _address(url: str) -> str:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}?{parts.query}" if host else ""


def _same_job(application: Application, url: str, role: str, matched_by: str) -> bool:
    if url and _address(url) and _address(url) == _address(application.url):
        return True
    same_role = " ".join(role.split()).casefold() == application.role.casefold()
    return bool(role.strip()) and same_role and matched_by == "company name"


def application_prior_at_company(
    *,
    user: User,
    company_name: str = "",
    url: str = "",
    role: str = "",
    exclude_id: int | None = None,
) -> list[PriorApplication]:
    """The user's applications at the same employer, newest first: by the company's name
    (normalised; where none is given, the name a job board's address gives), then by the
    employer's own domain. A job board's or tracking system's host is shared by many
    employers and never matches. Each says whether it is this very job (the posting at
    `url`, or `role` at that company). Read-only; the caller shows them as a warning."""
    employer = employer_of(url) if url else None
    name = company_name.strip() or (employer.name if employer else "")
    key = _compact(name) if name else ""
    domain = employer.domain if employer else ""
    if not key and not domain:
        return []
    companies = [
        c.pk
        for c in Company.objects.filter(owner=user).only("id", "name")
        if key and _compact(c.name) == key
    ]
    query = Q(company_id__in=companies)
    if domain:
        query |= Q(url__icontains=domain) | Q(company__website__icontains=domain)
    candidates = (
        Application.objects.filter(owner=user)
        .filter(query)
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
        elif domain and domain in (
            employer_of(application.url).domain,
            employer_of(application.company.website).domain,
        ):
            matched_by = "site"
        else:
            continue  # The domain only appeared somewhere in the address.
        when = _when(application, application.created_at.date())
        contact_name, email = _contact(application)
        found.append(
            PriorApplication(
                application_id=application.pk,
                company=application.company.name,
                role=application.role,
                stage=application.stage,
                when=when,
                message=_message(application, when, contact_name),
                contact_name=contact_name,
                contact_email=email,
                matched_by=matched_by,
                same_job=_same_job(application, url, role, matched_by),
            )
        )
    return found
