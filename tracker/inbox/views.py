"""The Inbox pages (review queue, settings) and the forwarding endpoint. Thin: the services
decide; another user's item is a 404."""

import hmac
import logging
from collections.abc import Callable
from functools import wraps

from anymail.exceptions import AnymailError
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext, ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from tracker.accounts.http import AuthenticatedRequest
from tracker.applications.forms import RejectionForm, add_service_errors
from tracker.inbox import imap, selectors, services
from tracker.inbox.evidence import evidences_said
from tracker.inbox.forms import MailboxForm, ReassignForm, RetentionForm
from tracker.inbox.models import Inbox, InboxItem, ItemKind, Mailbox, Via

logger = logging.getLogger(__name__)


def _item_for_user(request: AuthenticatedRequest, pk: int) -> InboxItem:
    try:
        return selectors.inbox_item_get(user=request.user, pk=pk)
    except InboxItem.DoesNotExist:
        raise Http404(gettext("No such message.")) from None


@login_required
def inbox(request: AuthenticatedRequest) -> HttpResponse:
    items = list(selectors.inbox_items_pending(user=request.user))
    asks = selectors.second_rejection_questions(items)
    for item in items:
        item.headline = selectors.item_headline(item)  # type: ignore[attr-defined]
        item.why = selectors.item_why(item)  # type: ignore[attr-defined]
        item.already = asks.get(item.pk, "")  # type: ignore[attr-defined]
    context = {
        "items": [i for i in items if i.kind != ItemKind.OTHER],
        "others": [i for i in items if i.kind == ItemKind.OTHER],
        "decided": selectors.inbox_items_decided(user=request.user),
        "unreadable": selectors.inbox_unreadable_count(user=request.user),
        "mailbox": Mailbox.objects.filter(owner=request.user).first(),
    }
    return render(request, "inbox/queue.html", context)


def _decision_refused(request: AuthenticatedRequest, exc: ValidationError) -> HttpResponse:
    for text in exc.messages:
        messages.error(request, text)
    return redirect("inbox")


@login_required
@require_POST
def item_confirm(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = _item_for_user(request, pk)
    stage_before = item.application.stage if item.application is not None else ""
    replace = request.POST.get("replace") == "1"
    try:
        services.inbox_item_confirm(item=item, replace=replace)
    except services.AlreadyRejected as asked:
        messages.warning(request, asked.message)
        return redirect("inbox")
    except ValidationError as exc:
        return _decision_refused(request, exc)
    _say_confirmed(request, item, stage_before, replaced=replace)
    return redirect("inbox")


def _say_confirmed(
    request: AuthenticatedRequest, item: InboxItem, stage_before: str, *, replaced: bool = False
) -> None:
    """What confirming did: an invitation or an offer moves an application only onwards,
    so one already further along, or ended (rejected, say), stays where it is, and the
    user hears so rather than that it moved."""
    application = item.application
    assert application is not None
    if item.kind == ItemKind.REJECTION:
        if replaced:
            said = gettext("Rejection replaced: %(application)s.")
        else:
            said = gettext("Rejection recorded: %(application)s.")
        messages.success(request, said % {"application": application})
        return
    if item.kind == ItemKind.OTHER:
        messages.success(request, gettext("Read: %(application)s.") % {"application": application})
        return
    application.refresh_from_db(fields=["stage"])
    names = {"application": application, "stage": application.get_stage_display()}
    if application.stage != stage_before:
        messages.success(request, gettext("Moved %(application)s to %(stage)s.") % names)
    else:
        messages.info(
            request,
            gettext(
                "Nothing moved: %(application)s is in %(stage)s. If they came back to you, "
                "move it on its page."
            )
            % names,
        )


@login_required
@require_POST
def item_keep_as_note(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = _item_for_user(request, pk)
    try:
        services.inbox_item_keep_as_note(item=item)
    except ValidationError as exc:
        return _decision_refused(request, exc)
    messages.success(
        request,
        gettext("Kept as a note on %(application)s; the first rejection stays.")
        % {"application": item.application},
    )
    return redirect("inbox")


@login_required
@require_POST
def item_is_rejection(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """From the "other" lane: the user says it is a rejection after all."""
    item = _item_for_user(request, pk)
    try:
        services.inbox_item_mark_rejection(item=item)
    except ValidationError as exc:
        return _decision_refused(request, exc)
    messages.success(request, gettext("Now a rejection to review: check it, then confirm."))
    return redirect("inbox")


@login_required
@require_POST
def item_dismiss(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = _item_for_user(request, pk)
    try:
        services.inbox_item_dismiss(item=item)
    except ValidationError as exc:
        return _decision_refused(request, exc)
    messages.success(request, gettext("Set aside; nothing was changed."))
    return redirect("inbox")


@login_required
def item_reassign(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = _item_for_user(request, pk)
    form = ReassignForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.inbox_item_reassign(item=item, application=form.cleaned_data["application"])
        except ValidationError as exc:
            return _decision_refused(request, exc)
        messages.success(
            request,
            gettext("Now about %(application)s. Check it, then confirm.")
            % {"application": item.application},
        )
        return redirect("inbox")
    status = 400 if request.method == "POST" else 200
    return render(request, "inbox/reassign.html", {"item": item, "form": form}, status=status)


@login_required
def item_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Edit first: the ordinary rejection form, pre-filled from the message."""
    item = _item_for_user(request, pk)
    if item.kind != ItemKind.REJECTION or item.application is None:
        messages.error(request, gettext("Choose the application first."))
        return redirect("inbox_item_reassign", pk=item.pk)
    initial: dict[str, object] = {
        "message": item.text,
        "channel": item.channel,
        "sender_role": item.sender_role,
        "sender_name": item.sender_name,
        "sender_email": item.sender_email,
    }
    if item.sent_at:
        initial["received_at"] = item.sent_at
    form = RejectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.inbox_item_confirm(
                item=item, **{name: form.cleaned_data[name] for name in RejectionForm.Meta.fields}
            )
        except ValidationError as exc:
            add_service_errors(form, exc, at="received_at")
        else:
            messages.success(
                request,
                gettext("Rejection recorded: %(application)s.") % {"application": item.application},
            )
            return redirect("application_detail", pk=item.application.pk)
    status = 400 if request.method == "POST" else 200
    context = {
        "item": item,
        "form": form,
        "headline": selectors.item_headline(item),
        "because": evidences_said(item.because),
    }
    return render(request, "inbox/edit.html", context, status=status)


# --- Settings -------------------------------------------------------------------------


@login_required
def inbox_settings(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    inbox_row = services.inbox_get_or_create(owner=user)
    mailbox = Mailbox.objects.filter(owner=user).first()
    form = MailboxForm(mailbox=mailbox)
    retention = RetentionForm(initial={"retention_days": inbox_row.retention_days})
    check: str = ""
    check_failed = False
    status = 200
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action in {"save", "test"}:
        form = MailboxForm(request.POST, mailbox=mailbox)
        if form.is_valid():
            data = form.cleaned_data
            if action == "test":
                check, check_failed = _connection_test(data, mailbox)
            else:
                try:
                    services.mailbox_save(owner=user, **data)
                except ValidationError as exc:
                    add_service_errors(form, exc)
                else:
                    messages.success(
                        request, gettext("Mailbox saved. Rebound checks it every few minutes.")
                    )
                    return redirect("inbox_settings")
        if form.errors:
            status = 400
    elif action == "retention":
        retention = RetentionForm(request.POST)
        if retention.is_valid():
            services.inbox_set_retention(owner=user, days=retention.cleaned_data["retention_days"])
            messages.success(request, gettext("Saved."))
            return redirect("inbox_settings")
        status = 400
    elif action == "disconnect":
        deleted = services.mailbox_disconnect(owner=user)
        messages.success(
            request,
            ngettext(
                "Mailbox disconnected: its password and %(count)d kept message deleted.",
                "Mailbox disconnected: its password and %(count)d kept messages deleted.",
                deleted,
            )
            % {"count": deleted},
        )
        return redirect("inbox_settings")
    elif action == "rotate":
        services.inbox_rotate_forward_token(owner=user)
        messages.success(
            request, gettext("New forwarding address made; the old one no longer works.")
        )
        return redirect("inbox_settings")
    context = {
        "form": form,
        "retention": retention,
        "mailbox": mailbox,
        "check": check,
        "check_failed": check_failed,
        "forward_url": services.forward_url(inbox_row),
        "forward_address": services.forward_address(inbox_row),
    }
    return render(request, "inbox/settings.html", context, status=status)


def _connection_test(data: dict[str, object], mailbox: Mailbox | None) -> tuple[str, bool]:
    password = data.get("password")
    try:
        if not password and mailbox is not None:
            password = services.mailbox_address(mailbox).password
        where = imap.MailboxAddress(
            host=str(data["host"]),
            port=int(str(data["port"])),
            security=str(data["security"]),
            username=str(data["username"]),
            password=str(password or ""),
            folder=str(data["folder"]),
        )
        return imap.mailbox_check(where), False
    except imap.MailboxError as exc:
        return exc.message, True


# --- Forwarding -----------------------------------------------------------------------


@csrf_exempt
@require_POST
def forward_receive(request: HttpRequest, inbox_id: int, token: str) -> HttpResponse:
    """A relay POSTs one raw message (message/rfc822) to the user's secret URL.

    The size is checked before a byte of the body is read; the secret is compared in
    constant time. 202 once the message is kept: whether it is job mail is read later.
    """
    cap: int = settings.INBOX_FORWARD_MAX_BYTES
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return JsonResponse({"error": "Bad Content-Length."}, status=400)
    if length > cap:
        return JsonResponse({"error": f"Messages over {cap // 2**20} MB are refused."}, status=413)
    inbox_row = Inbox.objects.select_related("owner").filter(pk=inbox_id).first()
    expected = inbox_row.forward_token if inbox_row else "x" * 43
    if not hmac.compare_digest(expected.encode(), token.encode()) or inbox_row is None:
        return JsonResponse({"error": "Unknown address."}, status=404)
    if not inbox_row.owner.is_active:
        return JsonResponse({"error": "Unknown address."}, status=404)
    raw = request.read(cap + 1)
    if len(raw) > cap:
        return JsonResponse({"error": f"Messages over {cap // 2**20} MB are refused."}, status=413)
    if not raw.strip():
        return JsonResponse({"error": "Send the raw message as the request body."}, status=400)
    # Kept as it came and read on the bulk queue: a request never parses mail, so no
    # message, however hostile, can hold a web worker.
    with transaction.atomic():
        services.inbound_store(owner=inbox_row.owner, raw=raw, via=Via.FORWARD)
    return JsonResponse({"received": True}, status=202)


def service_inbound(anymail_view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The email service's webhook (django-anymail's view), with a body it cannot read
    answered 400 rather than a 500: anymail raises what its parsing meets (bad JSON, a
    missing field), and the sender of junk is told so, the service of a real mail too."""

    @csrf_exempt
    @wraps(anymail_view)
    def view(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        try:
            return anymail_view(request, *args, **kwargs)
        except (AnymailError, ValueError, LookupError, TypeError, AttributeError) as exc:
            if isinstance(exc, SuspiciousOperation):
                raise  # a wrong secret: anymail's own 400, logged by Django as such
            logger.info("Inbox: the email service's webhook got a body it cannot read: %r", exc)
            return JsonResponse({"error": "The request body could not be read."}, status=400)

    return view
