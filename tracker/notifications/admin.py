from django.contrib import admin

from tracker.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin[Notification]):
    list_display = ("title", "user", "channel", "status", "attempts", "created_at", "read_at")
    list_filter = ("channel", "status", "created_at")
    search_fields = ("title", "user__username", "dedupe_key", "last_error")
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    readonly_fields = ("created_at", "delivered_at")
