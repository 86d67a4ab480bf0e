from tracker.accounts.http import AuthenticatedRequest
from tracker.applications.models import Application
from tracker.core.ownership import get_owned_or_404


def get_application_for_user(request: AuthenticatedRequest, pk: int) -> Application:
    """The signed-in user's application, with its company, or a 404."""
    return get_owned_or_404(Application.objects.select_related("company"), user=request.user, pk=pk)
