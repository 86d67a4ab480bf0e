from django.contrib import admin

from tracker.followups.models import FollowUp, ProposalJob, Reminder


class ReminderInline(admin.TabularInline[Reminder, FollowUp]):
    model = Reminder
    extra = 0
    fields = ("remind_at", "last_call", "sent_at")
    readonly_fields = ("sent_at",)


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin[FollowUp]):
    list_display = ("application", "kind", "sequence", "status", "due_at", "recipient_name")
    list_filter = ("kind", "status", "due_at")
    search_fields = ("application__role", "application__company__name", "recipient_name")
    list_select_related = ("application__company",)
    raw_id_fields = ("application", "interview")
    readonly_fields = ("created_at", "updated_at", "sent_at")
    inlines = [ReminderInline]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin[Reminder]):
    list_display = ("followup", "remind_at", "last_call", "sent_at")
    list_filter = ("last_call", "remind_at", "sent_at")
    list_select_related = ("followup__application__company",)
    raw_id_fields = ("followup",)


@admin.register(ProposalJob)
class ProposalJobAdmin(admin.ModelAdmin[ProposalJob]):
    list_display = ("application", "requested_at", "dispatched_at", "done_at")
    list_filter = ("done_at", "requested_at")
    list_select_related = ("application__company",)
    raw_id_fields = ("application",)
