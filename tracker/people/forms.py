from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tracker.applications.models import Contact, ContactRole


class PeopleFilterForm(forms.Form):
    """The People page's search and filters, read from the query string."""

    q = forms.CharField(required=False, max_length=200, label=_("Search"))
    role = forms.ChoiceField(
        required=False,
        choices=[("", _("Any role")), *ContactRole.choices],
        label=pgettext_lazy("person", "Role"),
    )
    due = forms.BooleanField(required=False, label=_("With a note to come"))


class PersonForm(forms.ModelForm[Contact]):
    """Who a person is: what the People page and their vCard say of them."""

    linkedin_url = forms.URLField(
        label=_("LinkedIn URL (optional)"), max_length=500, required=False, assume_scheme="https"
    )

    class Meta:
        model = Contact
        fields = ("name", "email", "role", "linkedin_url", "notes")
        labels = {
            "name": _("Name"),
            "email": _("Email (optional)"),
            "role": pgettext_lazy("person", "Role"),
            "notes": _("Notes"),
        }
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}
