from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

from tracker.accounts import services as accounts
from tracker.accounts.forms import ProfileForm, SignupForm
from tracker.accounts.http import AuthenticatedRequest
from tracker.accounts.tasks import password_reset_send_task
from tracker.core.clientip import client_address
from tracker.core.dispatch import dispatch
from tracker.core.ratelimit import limit_count, limit_exceeded, limit_reached

LOGIN_WINDOW = 600  # seconds: LOGIN_ATTEMPTS_PER_ADDRESS per ten minutes
TOO_MANY_ATTEMPTS = gettext_lazy(
    "Too many attempts from your address. Wait a few minutes and try again."
)


def signup(request: HttpRequest) -> HttpResponse:
    if not settings.SIGNUPS_OPEN:
        raise Http404(gettext("Sign-ups are closed on this server."))
    if request.user.is_authenticated:
        return redirect("dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and limit_exceeded(
        "signup", client_address(request), limit=settings.SIGNUPS_PER_ADDRESS, window=3600
    ):
        # The form says which usernames and emails exist; this keeps it from being a
        # quick way to list them.
        form.add_error(None, TOO_MANY_ATTEMPTS)
        return render(request, "accounts/signup.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, gettext("Welcome to Rebound. Add your first application."))
        return redirect("dashboard")
    return render(request, "accounts/signup.html", {"form": form})


class LoginView(auth_views.LoginView):
    """Django's login, with a limit of failed logins per address on top of axes' per
    username and address: a spray of many usernames from one address stops here. Only
    failures count, so that behind a proxy that hides addresses (everyone then shares one)
    the people who sign in are never shut out by their own success."""

    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if limit_reached(
            "login",
            client_address(request),
            limit=settings.LOGIN_ATTEMPTS_PER_ADDRESS,
            window=LOGIN_WINDOW,
        ):
            form = self.get_form()
            form.add_error(None, TOO_MANY_ATTEMPTS)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        limit_count("login", client_address(self.request), window=LOGIN_WINDOW)
        return super().form_invalid(form)


class PasswordResetView(auth_views.PasswordResetView):
    """The email goes from a task: the request does the same work, and so takes the same
    time, whether or not the address has an account."""

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        email = form.cleaned_data["email"]
        if not dispatch(password_reset_send_task, email):
            accounts.password_reset_send(email=email)  # the broker is away: send it now
        return redirect(self.get_success_url())


@login_required
def account_settings(request: AuthenticatedRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        # Said in the language just chosen, as the next page will be.
        if request.user.language:
            translation.activate(request.user.language)
        messages.success(request, gettext("Settings saved."))
        return redirect("account_settings")
    return render(request, "accounts/settings.html", {"form": form})
