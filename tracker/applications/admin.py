from typing import Any

from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from tracker.applications import services
from tracker.applications.models import (
    Application,
    ChangeSource,
    Company,
    Contact,
    Interview,
    Rejection,
    Stage,
    StageChange,
)
from tracker.applications.search import search_fold

# Users paste "acme.example/jobs/1"; https is the right guess (and Django 6's default).
URL_FIELDS_ASSUME_HTTPS: dict[type[models.Field[Any, Any]], dict[str, Any]] = {
    models.URLField: {"assume_scheme": "https"}
}


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin[Company]):
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    list_display = ("name", "owner", "website", "created_at")
    list_filter = ("created_at",)
    search_fields = ("name", "owner__username")
    list_select_related = ("owner",)


class StageChangeInline(admin.TabularInline[StageChange, Application]):
    model = StageChange
    extra = 0
    can_delete = False
    fields = ("from_stage", "to_stage", "at", "source", "recorded_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # History is written by the stage-change service only.
        return False


def _move_to(stage: Stage) -> Any:
    @admin.action(description=f"Move selected to {stage.label}")
    def action(
        modeladmin: admin.ModelAdmin[Application],
        request: HttpRequest,
        queryset: QuerySet[Application],
    ) -> None:
        moved = 0
        for application in queryset:
            if services.application_change_stage(
                application=application, to_stage=stage, source=ChangeSource.ADMIN
            ):
                moved += 1
        modeladmin.message_user(request, f"Moved {moved} to {stage.label}.", messages.SUCCESS)

    action.__name__ = f"move_to_{stage.value}"
    return action


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin[Application]):
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    list_display = (
        "role",
        "company",
        "owner",
        "stage",
        "furthest_stage",
        "source",
        "applied_on",
        "stage_changed_at",
    )
    list_filter = ("stage", "furthest_stage", "source", "applied_on")
    search_fields = ("role", "company__name", "owner__username", "notes")
    list_select_related = ("company", "owner")
    date_hierarchy = "applied_on"
    readonly_fields = ("stage", "stage_changed_at", "furthest_stage", "created_at", "updated_at")
    raw_id_fields = ("owner", "company")
    inlines = [StageChangeInline]
    # Rejection needs its details: record it on the Rejection admin or the application page.
    actions = [_move_to(s) for s in Stage if s != Stage.REJECTED]

    def save_model(
        self, request: HttpRequest, obj: Application, form: ModelForm[Application], change: bool
    ) -> None:
        if change:
            obj.fold_for_search()  # What the services do with every edit.
            super().save_model(request, obj, form, change)
            return
        details = {f: form.cleaned_data[f] for f in services.APPLICATION_EDITABLE_FIELDS}
        created = services.application_create(
            owner=form.cleaned_data["owner"],
            company_name=form.cleaned_data["company"].name,
            role=form.cleaned_data["role"],
            source_of_change=ChangeSource.ADMIN,
            **{k: v for k, v in details.items() if k != "role"},
        )
        obj.pk = created.pk
        obj.refresh_from_db()


@admin.register(StageChange)
class StageChangeAdmin(admin.ModelAdmin[StageChange]):
    list_display = ("application", "from_stage", "to_stage", "at", "source", "recorded_at")
    list_filter = ("to_stage", "source", "at")
    search_fields = ("application__role", "application__company__name")
    list_select_related = ("application__company",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin[Contact]):
    list_display = ("name", "email", "role", "company", "owner")
    list_filter = ("role",)
    search_fields = ("name", "email", "company__name")
    list_select_related = ("company", "owner")
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS

    def save_model(
        self, request: HttpRequest, obj: Contact, form: ModelForm[Contact], change: bool
    ) -> None:
        obj.search_name = search_fold(obj.name)  # As the services set it.
        super().save_model(request, obj, form, change)

    raw_id_fields = ("owner", "company")
    filter_horizontal = ("applications",)


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin[Interview]):
    list_display = ("application", "kind", "scheduled_at")
    list_filter = ("kind", "scheduled_at")
    search_fields = ("application__role", "application__company__name", "notes")
    list_select_related = ("application__company",)
    raw_id_fields = ("application",)
    filter_horizontal = ("interviewers",)


@admin.register(Rejection)
class RejectionAdmin(admin.ModelAdmin[Rejection]):
    list_display = ("application", "channel", "sender_role", "sender_name", "received_at")
    list_filter = ("channel", "sender_role", "received_at")
    search_fields = ("application__role", "application__company__name", "sender_name")
    list_select_related = ("application__company",)
    raw_id_fields = ("application",)

    def save_model(
        self, request: HttpRequest, obj: Rejection, form: ModelForm[Rejection], change: bool
    ) -> None:
        # Through the service, so the application moves to `rejected` with its history.
        services.application_reject(
            application=obj.application,
            source=ChangeSource.ADMIN,
            channel=obj.channel,
            sender_role=obj.sender_role,
            sender_name=obj.sender_name,
            sender_email=obj.sender_email,
            received_at=obj.received_at,
            message=obj.message,
        )
        obj.pk = Rejection.objects.get(application=obj.application).pk
