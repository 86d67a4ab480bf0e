"""The People pages: everyone the user met or heard from, one person's page and their
edit form, and vCards of one or all."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from tracker.accounts.http import AuthenticatedRequest
from tracker.applications import services as applications
from tracker.applications.forms import add_service_errors
from tracker.followups import selectors as followup_selectors
from tracker.followups import services as followups
from tracker.people import responses, selectors
from tracker.people.forms import PeopleFilterForm, PersonForm

PAGE_SIZE = 50


@login_required
@require_GET
def person_list(request: AuthenticatedRequest) -> HttpResponse:
    form = PeopleFilterForm(request.GET)
    form.is_valid()
    # A filter that is wrong is said on its field; the others still apply.
    filters = form.cleaned_data
    people = selectors.person_list(
        user=request.user,
        query=filters.get("q", ""),
        role=filters.get("role", ""),
        due=filters.get("due", False),
    )
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.people_with_times(list(page.object_list))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "people/list.html",
        {"form": form, "page": page, "query": query.urlencode(), "filtered": any(filters.values())},
    )


def _person_page(
    request: AuthenticatedRequest, pk: int, form: PersonForm | None = None, status: int = 200
) -> HttpResponse:
    found = selectors.person_page(user=request.user, pk=pk)
    context = {
        "person": found.person,
        "heard": found.heard,
        "followups": found.followups,
        "form": form or PersonForm(instance=found.person),
        "keeping": followup_selectors.keeping_in_touch_with(contact=found.person),
    }
    return render(request, "people/detail.html", context, status=status)


@login_required
@require_GET
def person_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _person_page(request, pk)


@login_required
@require_POST
def person_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(user=request.user, pk=pk)
    # The form checks a copy: the page shows the saved person beside the refused input.
    form = PersonForm(request.POST, instance=selectors.person_get(user=request.user, pk=pk))
    if form.is_valid():
        try:
            applications.contact_update(owner=request.user, contact=person, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, gettext("Saved %(name)s.") % {"name": person.name})
            return HttpResponseRedirect(reverse("person_detail", args=[person.pk]))
    return _person_page(request, pk, form=form, status=400)


@login_required
@require_POST
def person_keep_in_touch(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The user's yes (keep=1) or stop (keep=0) to a note every two to three months."""
    person = selectors.person_get(user=request.user, pk=pk)
    if request.POST.get("keep") == "1":
        followups.keeping_start(user=request.user, contact=person)
        messages.success(
            request,
            gettext("Rebound will suggest a note to %(name)s every two to three months.")
            % {"name": person.name},
        )
    else:
        followups.keeping_stop(user=request.user, contact=person)
        messages.success(
            request, gettext("No more keep-in-touch notes to %(name)s.") % {"name": person.name}
        )
    return HttpResponseRedirect(reverse("person_detail", args=[person.pk]))


@login_required
@require_GET
def person_vcard(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return responses.person_vcard_response(selectors.person_get(user=request.user, pk=pk))


@login_required
@require_GET
def people_vcard(request: AuthenticatedRequest) -> HttpResponse:
    return responses.people_vcard_response(request.user)
