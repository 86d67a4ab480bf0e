from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from tracker.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "email", "full_name", "time_zone", "is_staff", "date_joined")
    list_filter = ("is_staff", "is_active", "time_zone")
    search_fields = ("username", "email", "full_name")
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        ("Rebound", {"fields": ("full_name", "time_zone")}),
    )
