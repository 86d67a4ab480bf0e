"""One rule for every page that names an object by its id: yours, or a 404."""

from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404

M = TypeVar("M", bound=Model)


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
        raise Http404(f"No such {queryset.model._meta.verbose_name}.") from None
