"""Add from a link: fetch a job page through the guarded fetcher, read its posting, and
save it as an application with the posting kept."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import Application, ChangeSource, Stage
from tracker.capture.posting import Posting, decode_html, posting_extract
from tracker.capture.selectors import PriorApplication, application_prior_at_company
from tracker.core import outbound

PAGE_MAX_BYTES = 3 * 1024 * 1024
# A page sent along with its address: what fits in a request (DATA_UPLOAD_MAX_MEMORY_SIZE).
PAGE_HTML_LIMIT = 2_000_000
PAGE_TIMEOUT = 10
HTML_TYPES = ("text/html", "application/xhtml+xml")
URL_LIMIT = 500


@dataclass
class Draft:
    """What the user confirms before saving: the posting read from the page, and any
    application they already have at that company."""

    posting: Posting
    prior: list[PriorApplication] = field(default_factory=list)

    def initial(self) -> dict[str, Any]:
        """The posting as the application form's fields."""
        p = self.posting
        return {
            "company": p.company,
            "role": p.role,
            "url": p.url,
            "location": p.location,
            "salary_min": p.salary_min,
            "salary_max": p.salary_max,
            "salary_currency": p.salary_currency,
            "description": p.description,
            "apply_url": p.apply_url,
        }


def posting_fetch(*, url: str) -> Posting:
    """The posting at `url`. Every failure is a ValidationError on "url" whose message is
    safe to show: the fetcher's (never an internal address), or what the page lacks."""
    url = url.strip()
    if len(url) > URL_LIMIT:
        raise ValidationError(
            {
                "url": gettext("Use an address of at most %(limit)d characters.")
                % {"limit": URL_LIMIT}
            }
        )
    try:
        response = outbound.fetch(
            url,
            headers={"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"},
            timeout=PAGE_TIMEOUT,
            max_bytes=PAGE_MAX_BYTES,
        )
    except outbound.FetchError as exc:
        raise ValidationError({"url": _fetch_message(exc)}) from None
    if response.content_type and response.content_type not in HTML_TYPES:
        raise ValidationError(
            {
                "url": gettext("This address gives a %(type)s file, not a web page.")
                % {"type": response.content_type}
            }
        )
    text = decode_html(response.body, response.headers.get("content-type", ""))
    posting = posting_extract(text, url=response.url)
    # Keep the address the user gave: the fetcher's final one spells out the port.
    posting.url = url
    return posting


def _fetch_message(exc: outbound.FetchError) -> str:
    if exc.kind == "status" and exc.status in (404, 410):
        return gettext("That page does not exist (any more): the site answered it is not found.")
    if exc.kind == "status":
        return gettext("The site refused to show the page (it answered %(status)s).") % {
            "status": exc.status
        }
    if exc.kind == "too_large":
        return gettext("That page is too large to read.")
    if exc.kind == "unreachable":
        return gettext("Could not reach that address. Check it, or fill the form in by hand.")
    return str(exc)


def application_draft_from_url(*, owner: User, url: str, page_html: str = "") -> Draft:
    """The draft for the job at `url`: read from `page_html` when the caller has the page
    already (the extension, on a page behind a login Rebound cannot fetch), else fetched."""
    if page_html:
        posting = posting_extract(page_html[:PAGE_HTML_LIMIT], url=url.strip())
    else:
        posting = posting_fetch(url=url)
    prior = application_prior_at_company(
        user=owner, company_name=posting.company, url=url, role=posting.role
    )
    return Draft(posting=posting, prior=prior)


def application_create_from_posting(
    *,
    owner: User,
    posting: Posting,
    stage: str = Stage.APPLIED,
    keep_copy: bool = False,
    source_of_change: str = ChangeSource.API,
    applied_on: date | None = None,
) -> Application:
    """Saves the posting as a new application, its description kept with the date."""
    if not posting.company:
        raise ValidationError({"company": gettext("The page does not name the company; enter it.")})
    if not posting.role:
        raise ValidationError({"role": gettext("The page does not name the role; enter it.")})
    if stage == Stage.APPLIED and applied_on is None:
        applied_on = timezone.localdate(timezone.now(), owner.zone)
    return applications.application_create(
        owner=owner,
        company_name=posting.company[:200],
        role=posting.role[:200],
        stage=stage,
        source_of_change=source_of_change,
        url=posting.url,
        location=posting.location[:200],
        salary_min=posting.salary_min,
        salary_max=posting.salary_max,
        salary_currency=posting.salary_currency,
        applied_on=applied_on,
        description=posting.description,
        apply_url=posting.apply_url if len(posting.apply_url) <= URL_LIMIT else "",
        posting_text=posting.page_text if keep_copy else "",
        posting_captured_at=timezone.now(),
    )


def application_save_from_url(
    *, owner: User, url: str, stage: str = Stage.APPLIED, keep_copy: bool = False
) -> tuple[Application, list[PriorApplication]]:
    draft = application_draft_from_url(owner=owner, url=url)
    application = application_create_from_posting(
        owner=owner, posting=draft.posting, stage=stage, keep_copy=keep_copy
    )
    return application, draft.prior
