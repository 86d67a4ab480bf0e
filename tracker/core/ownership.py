"""One rule for every page that names an object by its id: yours, or a 404."""

from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils.translation import gettext, gettext_lazy
from django_stubs_ext import StrOrPromise

M = TypeVar("M", bound=Model)

# What a 404 says, a whole sentence per kind of thing a page or the API names by its id:
# the models' own names are English, and "No such %s" cannot agree in gender elsewhere.
_NO_SUCH: dict[str, StrOrPromise] = {
    "applications.application": gettext_lazy("No such application."),
    "applications.contact": gettext_lazy("No such contact."),
    "applications.company": gettext_lazy("No such company."),
    "applications.interview": gettext_lazy("No such interview."),
    "applications.feedback": gettext_lazy("No such feedback."),
    "followups.followup": gettext_lazy("No such follow-up."),
    "inbox.inboxitem": gettext_lazy("No such message."),
    "notifications.notification": gettext_lazy("No such notification."),
    "imports.importjob": gettext_lazy("No such import."),
    "worksearch.activity": gettext_lazy("No such activity."),
}


def not_found_message(model: type[Model]) -> str:
    """The 404's words for `model`, in the active language."""
    return str(_NO_SUCH.get(model._meta.label_lower, gettext("Not found.")))


def get_owned_or_404(
    queryset_or_model: QuerySet[M] | type[M],
    *,
    user: object,
    pk: object,
    owner_field: str = "owner",
) -> M:
    """The object with this `pk` if `user` owns it, else Http404.

    Someone else's object is a 404 like a missing one, never a 403: nobody learns what
    another user has. `owner_field` is the lookup from the object to its owner
    ("application__owner" for a follow-up); the queryset may narrow further or load more.
    """
    queryset = (
        queryset_or_model
        if isinstance(queryset_or_model, QuerySet)
        else queryset_or_model._default_manager.all()
    )
    try:
        return queryset.get(**{owner_field: user, "pk": pk})
    except (ObjectDoesNotExist, ValueError, TypeError):
        # A pk of the wrong shape (from an API path, say) names nothing, too.
        raise Http404(not_found_message(queryset.model)) from None
