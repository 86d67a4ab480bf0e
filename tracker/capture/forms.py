from django import forms
from django.utils.translation import gettext_lazy as _

from tracker.applications.forms import ApplicationForm
from tracker.capture.services import URL_LIMIT
from tracker.core import outbound


class LinkForm(forms.Form):
    url = forms.CharField(
        label=_("Job link"),
        max_length=URL_LIMIT,
        widget=forms.URLInput(attrs={"placeholder": "https://…", "autocomplete": "off"}),
        help_text=_("Paste the posting's address: Rebound reads the page and fills in the form."),
    )
    keep_copy = forms.BooleanField(
        label=_("Keep a copy of the page's text"), required=False, initial=False
    )

    def clean_url(self) -> str:
        url: str = self.cleaned_data["url"].strip()
        if "://" not in url:
            url = f"https://{url}"
        try:
            outbound.validate_url(url)
        except outbound.FetchError as exc:
            raise forms.ValidationError(str(exc)) from None
        return url


class PostingApplicationForm(ApplicationForm):
    """The add form, pre-filled from a posting: the description comes along, and the
    copy of the page's text if the user asked to keep it."""

    class Meta(ApplicationForm.Meta):
        fields = (*(ApplicationForm.Meta.fields or ()), "apply_url", "posting_text")  # type: ignore[assignment]
        widgets = {
            **ApplicationForm.Meta.widgets,
            "description": forms.Textarea(attrs={"rows": 8}),
            "posting_text": forms.HiddenInput(),
        }

    apply_url = forms.URLField(
        label=_("Apply link"), max_length=URL_LIMIT, required=False, assume_scheme="https"
    )
