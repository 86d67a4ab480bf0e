from django.http import Http404

from tracker.accounts.http import AuthenticatedRequest
from tracker.applications import selectors
from tracker.applications.models import Application


def get_application_for_user(request: AuthenticatedRequest, pk: int) -> Application:
    """The signed-in user's application, or a 404: never someone else's."""
    try:
        return selectors.application_get(user=request.user, pk=pk)
    except Application.DoesNotExist:
        raise Http404("No such application.") from None
