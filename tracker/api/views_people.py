"""The People API: the user's contacts, one a person, read with when they last heard from
the user and will next; written through the applications room's contact services."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http.response import HttpResponseBase
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from tracker.api import examples
from tracker.api.exceptions import as_api_error
from tracker.api.serializers_people import ContactSerializer
from tracker.api.views import CSVOrJSONErrors, UserViewSet
from tracker.applications import services as applications
from tracker.applications.models import Company, Contact
from tracker.followups import services as followups
from tracker.people import responses, selectors


def _company(owner: Any, data: dict[str, Any]) -> None:
    """The company named in the request, found or added; an empty name is none."""
    if "company" in data:
        name = data["company"]
        company: Company | None = None
        if name.strip():
            company = applications.company_get_or_create(owner=owner, name=name)
        data["company"] = company


def _keep_in_touch(user: Any, contact: Contact, keep: bool | None) -> None:
    """The user's yes or stop to a note every two to three months, if the request said."""
    if keep is True:
        followups.keeping_start(user=user, contact=contact)
    elif keep is False:
        followups.keeping_stop(user=user, contact=contact)


@extend_schema_view(
    list=extend_schema(summary="Your people, by name, with when you last wrote and next."),
    create=extend_schema(
        summary="Add a person.",
        description="Someone you already have (the same address in any case; else the same "
        "name at the same company) is a 400 naming them: PATCH them instead.",
        examples=[examples.NEW_CONTACT],
    ),
    partial_update=extend_schema(
        summary="Change a person: only the fields sent change.",
        examples=[examples.CONTACT_LINKEDIN],
    ),
)
class ContactViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    UserViewSet,
):
    """Everyone you met or heard from, one entry a person however many applications they
    were part of: the contacts you added, your interviewers, and whoever wrote or called
    with a rejection."""

    serializer_class = ContactSerializer
    queryset = Contact.objects.none()
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[Contact]:
        return selectors.person_list(user=self.user)

    def get_object(self) -> Contact:
        person = selectors.person_get(user=self.user, pk=self.kwargs["pk"])
        self.check_object_permissions(self.request, person)
        return person

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None  # Pagination is always on.
        selectors.people_with_times(page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @transaction.atomic
    def perform_create(self, serializer: ContactSerializer) -> None:  # type: ignore[override]
        data = dict(serializer.validated_data)
        keep = data.pop("keep_in_touch", None)
        _company(self.user, data)
        try:
            contact = applications.contact_create(owner=self.user, **data)
        except DjangoValidationError as exc:
            raise as_api_error(exc) from exc
        _keep_in_touch(self.user, contact, keep)
        serializer.instance = selectors.person_get(user=self.user, pk=contact.pk)

    @transaction.atomic
    def perform_update(self, serializer: ContactSerializer) -> None:  # type: ignore[override]
        contact = serializer.instance
        assert contact is not None
        data = dict(serializer.validated_data)
        keep = data.pop("keep_in_touch", None)
        _company(self.user, data)
        try:
            applications.contact_update(owner=self.user, contact=contact, **data)
        except DjangoValidationError as exc:
            raise as_api_error(exc) from exc
        _keep_in_touch(self.user, contact, keep)
        serializer.instance = selectors.person_get(user=self.user, pk=contact.pk)

    @extend_schema(operation_id="contacts_vcard", responses=examples.VCARD_FILE)
    @action(
        detail=False,
        methods=["get"],
        url_path="vcard",
        pagination_class=None,
        content_negotiation_class=CSVOrJSONErrors,
    )
    def vcards(self, request: Request) -> HttpResponseBase:
        """Everyone, as one vCard file for an address book."""
        return responses.people_vcard_response(self.user)

    @extend_schema(operation_id="contact_vcard", responses=examples.VCARD_FILE)
    @action(
        detail=True,
        methods=["get"],
        url_path="vcard",
        content_negotiation_class=CSVOrJSONErrors,
    )
    def vcard(self, request: Request, pk: str) -> HttpResponseBase:
        """This person as a vCard."""
        return responses.person_vcard_response(self.get_object())
