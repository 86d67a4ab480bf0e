"""The table: search, filters and sort in the URL (so a view can be bookmarked and the
Export button exports exactly it), pagination, and bulk actions on the ticked rows."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from tracker.accounts.http import AuthenticatedRequest
from tracker.applications import selectors, services
from tracker.applications.filters import ApplicationFilterForm
from tracker.applications.forms import BulkActionForm
from tracker.applications.models import Application, Stage

PAGE_SIZE = 50
# The filter form's fields besides the search box, in the order the page shows them.
FILTER_FIELDS = ("stage", "source", "applied_from", "applied_to", "followup_due")


@dataclass(frozen=True)
class SortHeader:
    label: str
    url: str
    # What aria-sort says of this column: "ascending", "descending" or "none".
    state: str
    css: str = ""


# (sort key, label, the classes that hide the column on small screens)
TABLE_COLUMNS = [
    ("company", gettext_lazy("Company"), ""),
    ("role", gettext_lazy("Role"), "d-none d-md-table-cell"),
    ("stage", gettext_lazy("Stage"), ""),
    ("applied", gettext_lazy("Applied on"), "d-none d-lg-table-cell"),
    ("changed", gettext_lazy("Last change"), "d-none d-sm-table-cell"),
    ("followup", gettext_lazy("Next follow-up"), "d-none d-xl-table-cell"),
]


def _changed(query: QueryDict, **changes: str) -> QueryDict:
    """The table's query string with `changes` made (an empty value drops the parameter),
    and without its page number: another view of the table starts at page 1."""
    params = query.copy()
    for name in ("page", *changes):
        params.pop(name, None)
    params.update({name: value for name, value in changes.items() if value})
    return params


def _sort_headers(query: QueryDict, sort: str) -> list[SortHeader]:
    """Each column's header link: sorts by it, or flips the order if it already does."""
    headers = []
    for key, label, css in TABLE_COLUMNS:
        if sort == key:
            state, link = "ascending", f"-{key}"
        elif sort == f"-{key}":
            state, link = "descending", key
        else:
            state, link = "none", key
        url = f"?{_changed(query, sort=link).urlencode()}"
        headers.append(SortHeader(str(label), url, state, css))
    return headers


@dataclass(frozen=True)
class StageLink:
    label: str
    count: int
    url: str
    current: bool
    css: str


def _stage_links(query: QueryDict, counts: dict[str, int], current: str) -> list[StageLink]:
    """The stage pills: each keeps the other filters and the sort, and starts at page 1."""
    links = []
    for value, label, count in [("", gettext("All"), sum(counts.values()))] + [
        (s.value, s.label, counts[s.value]) for s in Stage
    ]:
        params = _changed(query, stage=value)
        url = f"?{params.urlencode()}" if params else reverse("application_table")
        links.append(StageLink(str(label), count, url, value == current, value or "all"))
    return links


@login_required
@require_GET
def application_table(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    form = ApplicationFilterForm(request.GET)
    filters = form.filters()
    sort = selectors.table_sort(request.GET.get("sort", ""))
    rows = selectors.application_table(user=user, filters=filters, sort=sort)
    counts = selectors.application_stage_counts(user=user)
    paginator = Paginator(rows, PAGE_SIZE)
    known = selectors.application_table_count(filters=filters, stage_counts=counts)
    if known is not None:
        # The stage counts already say how many rows there are: no COUNT(*) of them again.
        paginator.count = known
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    context = {
        "page": page,
        "rows": selectors.table_rows(page.object_list, timezone.now()),
        "form": form,
        "sort_headers": _sort_headers(request.GET, sort),
        "stage_links": _stage_links(request.GET, counts, filters.stage),
        "filter_fields": [form[name] for name in FILTER_FIELDS],
        "total": sum(counts.values()),
        "current_stage": filters.stage,
        "search": filters.search,
        "filtered": filters != selectors.ApplicationFilters(),
        "query": _changed(request.GET).urlencode(),
        "bulk_actions": BulkActionForm.ACTIONS,
    }
    return render(request, "applications/table.html", context)


def _table_url(request: AuthenticatedRequest, back: str) -> str:
    url = reverse("application_table")
    if back and url_has_allowed_host_and_scheme(f"{url}?{back}", allowed_hosts=None):
        return f"{url}?{back}"
    return url


@login_required
@require_POST
def application_bulk(request: AuthenticatedRequest) -> HttpResponse:
    form = BulkActionForm(request.POST)
    back = _table_url(request, request.POST.get("back", ""))
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect(back)
    action, ids = form.cleaned_data["action"], form.cleaned_data["ids"]
    if action == "delete" and not form.cleaned_data["confirmed"]:
        try:
            applications = selectors.applications_by_ids(user=request.user, ids=ids)
        except Application.DoesNotExist:
            messages.error(request, gettext("Choose applications from your own list."))
            return redirect(back)
        context = {"applications": applications, "back": form.cleaned_data["back"]}
        return render(request, "applications/bulk_delete.html", context)
    try:
        if action == "delete":
            done = services.applications_bulk_delete(owner=request.user, ids=ids)
            messages.success(
                request,
                ngettext("Deleted %(count)d application.", "Deleted %(count)d applications.", done)
                % {"count": done},
            )
        else:
            done = services.applications_bulk_change_stage(
                owner=request.user, ids=ids, to_stage=action
            )
            label = Stage(action).label
            messages.success(
                request,
                ngettext(
                    "Marked %(count)d application %(stage)s.",
                    "Marked %(count)d applications %(stage)s.",
                    done,
                )
                % {"count": done, "stage": label.lower()},
            )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(back)
