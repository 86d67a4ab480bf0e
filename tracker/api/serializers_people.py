"""The People API's shape: a contact is a person, with the applications they were part of
and when the user last wrote to them and will next (both worked out, never written)."""

from typing import Any

from django.utils.translation import gettext_lazy
from rest_framework import serializers

from tracker.api.strict import StrictStrings
from tracker.applications.models import Application, Contact


class ContactSerializer(StrictStrings, serializers.ModelSerializer[Contact]):
    """A person you met or heard from, once however many applications they were part of."""

    company = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text="The company's name (one of yours with the same name, in any case, is "
        "reused); empty for none.",
    )
    applications = serializers.PrimaryKeyRelatedField(
        many=True,
        required=False,
        queryset=Application.objects.none(),
        help_text="The ids of your applications they were part of. On a PATCH, the whole "
        "list: it replaces the one before.",
    )
    last_contact_at = serializers.DateTimeField(
        read_only=True,
        allow_null=True,
        help_text="When you last wrote to them: the last follow-up to them marked sent.",
    )
    next_touch_at = serializers.DateTimeField(
        read_only=True,
        allow_null=True,
        help_text="When the next follow-up to them is due (a keep-in-touch note, say); null "
        "when none is planned.",
    )

    keep_in_touch = serializers.BooleanField(
        required=False,
        help_text="After the two keep-in-touch notes, a note to them every two to three "
        "months, proposed one at a time (next_touch_at says when); false stops it. Off "
        "unless you ask.",
    )

    class Meta:
        model = Contact
        fields = [
            "id",
            "name",
            "email",
            "company",
            "role",
            "linkedin_url",
            "notes",
            "applications",
            "last_contact_at",
            "next_touch_at",
            "keep_in_touch",
            "created_at",
        ]
        read_only_fields = ["created_at"]
        extra_kwargs = {
            "name": {"help_text": "As you would greet them: one person a name at a company."},
            "email": {
                "help_text": "Their address: one person an address, in any case (another of "
                "your people with it is a 400 naming them)."
            },
            "linkedin_url": {"help_text": "Their LinkedIn profile (optional)."},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and "applications" in self.fields:
            # Only your own applications are ids at all. Another's is refused exactly as an
            # id that never existed, in the words the interviews' contacts use: the field's
            # 400 says nothing about whether someone else has it.
            child = self.fields["applications"].child_relation  # type: ignore[attr-defined]
            child.queryset = Application.objects.filter(owner_id=request.user.pk)
            child.error_messages["does_not_exist"] = gettext_lazy(
                "Unknown application: {pk_value}."
            )

    def to_representation(self, instance: Contact) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        data["company"] = instance.company.name if instance.company else ""
        # Set by people.selectors on every person read; a new one has none yet.
        data["last_contact_at"] = self._moment(instance, "last_contact_at")
        data["next_touch_at"] = self._moment(instance, "next_touch_at")
        data["keep_in_touch"] = bool(getattr(instance, "keep_in_touch", False))
        return data

    def _moment(self, instance: Contact, name: str) -> str | None:
        value = getattr(instance, name, None)
        return self.fields[name].to_representation(value) if value is not None else None
