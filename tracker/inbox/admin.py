from django.contrib import admin

from tracker.inbox.models import Inbox, InboxItem, Mailbox


@admin.register(Mailbox)
class MailboxAdmin(admin.ModelAdmin[Mailbox]):
    list_display = ("owner", "host", "username", "status", "failures", "next_poll_at")
    list_filter = ("status",)
    # The encrypted password and the sync position are never edited by hand.
    exclude = ("password_encrypted",)
    readonly_fields = ("uidvalidity", "last_uid", "claim", "last_polled_at", "last_success_at")
    search_fields = ("owner__username", "host", "username")


@admin.register(Inbox)
class InboxAdmin(admin.ModelAdmin[Inbox]):
    list_display = ("owner", "retention_days", "created_at")
    exclude = ("forward_token",)
    search_fields = ("owner__username",)


@admin.register(InboxItem)
class InboxItemAdmin(admin.ModelAdmin[InboxItem]):
    list_display = ("owner", "kind", "status", "via", "subject", "created_at")
    list_filter = ("kind", "status", "via")
    search_fields = ("owner__username", "subject")
    raw_id_fields = ("application",)
    readonly_fields = ("fingerprint", "message_id")
