"""The API's shapes for adding from a link and for "applied before?"."""

from typing import Any

from django.utils.translation import gettext
from rest_framework import serializers

from tracker.api.serializers import ApplicationSerializer
from tracker.api.strict import StrictStrings
from tracker.applications.models import Stage
from tracker.capture.services import PAGE_HTML_LIMIT

ADDABLE_STAGES = [(s.value, s.label) for s in Stage if s != Stage.REJECTED]


class FromUrlSerializer(StrictStrings, serializers.Serializer[Any]):
    url = serializers.CharField(max_length=500, help_text="The job posting's address.")
    stage = serializers.ChoiceField(choices=ADDABLE_STAGES, default=Stage.APPLIED)
    keep_copy = serializers.BooleanField(
        default=False, help_text="Keep a copy of the page's text with the application."
    )
    company = serializers.CharField(
        max_length=200, required=False, help_text="Overrides what the page says."
    )
    role = serializers.CharField(
        max_length=200, required=False, help_text="Overrides what the page says."
    )
    location = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="Overrides the page."
    )
    page_html = serializers.CharField(
        max_length=PAGE_HTML_LIMIT,
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        help_text="The page's HTML as the browser has it: read instead of fetching `url` "
        "(a page behind a login). `url` is still the posting's address.",
    )

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        # Declared here: as a class attribute, "save" would hide Serializer.save.
        fields["save"] = serializers.BooleanField(
            default=False,
            help_text="Create the application now (also `?save=1`). Otherwise only the draft.",
        )
        return fields


class PriorApplicationSerializer(serializers.Serializer[Any]):
    application = serializers.IntegerField(source="application_id")
    company = serializers.CharField()
    role = serializers.CharField()
    stage = serializers.ChoiceField(choices=Stage.choices)
    date = serializers.DateField(source="when", help_text="Applied on, else added on.")
    message = serializers.CharField(
        help_text='In words: "You applied to Hooli for Platform Engineer in March 2026; '
        'they rejected it after an onsite (Dave Okafor)."'
    )
    contact_name = serializers.CharField(help_text="The person to mention, if any.")
    contact_email = serializers.CharField()
    matched_by = serializers.ChoiceField(
        choices=["company name", "site"],
        help_text="The company's name (normalised), or the employer's own website; never "
        "a job board's or an applicant-tracking system's host, which many employers share.",
    )
    same_job = serializers.BooleanField(
        help_text="This very job: the same posting's address, or the same role at the company."
    )


class PostingSerializer(serializers.Serializer[Any]):
    url = serializers.CharField()
    company = serializers.CharField()
    role = serializers.CharField()
    location = serializers.CharField()
    remote = serializers.BooleanField(allow_null=True, help_text="null: the page does not say.")
    salary_min = serializers.IntegerField(allow_null=True)
    salary_max = serializers.IntegerField(allow_null=True)
    salary_currency = serializers.CharField()
    date_posted = serializers.DateField(allow_null=True)
    description = serializers.CharField(help_text="Sanitised HTML.")
    apply_url = serializers.CharField()
    site_name = serializers.CharField()
    sources = serializers.DictField(
        child=serializers.CharField(), help_text="Where each field filled came from."
    )
    unsure = serializers.ListField(
        child=serializers.CharField(), help_text="Fields from a fallback: check them."
    )
    notes = serializers.ListField(child=serializers.CharField())

    def to_representation(self, instance: Any) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["unsure"] = sorted(data["unsure"])
        return data


class DraftSerializer(serializers.Serializer[Any]):
    posting = PostingSerializer()
    applied_before = PriorApplicationSerializer(many=True)
    application = ApplicationSerializer(
        required=False, allow_null=True, help_text="The application created, with `save`."
    )


class FromUrlQuerySerializer(serializers.Serializer[Any]):
    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        fields["save"] = serializers.BooleanField(
            required=False, default=False, help_text='Create it now, as `"save": true`.'
        )
        return fields


class AppliedBeforeQuerySerializer(StrictStrings, serializers.Serializer[Any]):
    # Each may be empty (the extension sends what the page gave); one of company and url
    # must say something.
    company = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    url = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
    role = serializers.CharField(
        max_length=200,
        required=False,
        default="",
        allow_blank=True,
        help_text="The role, to tell this very job (`same_job`) from others at the company.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs["company"].strip() and not attrs["url"].strip():
            raise serializers.ValidationError(
                {"company": gettext("Give a company, a url, or both.")}
            )
        return attrs


class CreatedApplicationSerializer(ApplicationSerializer):
    applied_before = PriorApplicationSerializer(
        many=True,
        read_only=True,
        help_text="Your other applications at this company: a warning, the new one is saved.",
    )

    class Meta(ApplicationSerializer.Meta):
        fields = [*ApplicationSerializer.Meta.fields, "applied_before"]
