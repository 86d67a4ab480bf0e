from django import forms

from tracker.applications.models import Contact, ContactRole


class PeopleFilterForm(forms.Form):
    """The People page's search and filters, read from the query string."""

    q = forms.CharField(required=False, max_length=200, label="Search")
    role = forms.ChoiceField(
        required=False, choices=[("", "Any role"), *ContactRole.choices], label="Role"
    )
    due = forms.BooleanField(required=False, label="With a note to come")


class PersonForm(forms.ModelForm[Contact]):
    """Who a person is: what the People page and their vCard say of them."""

    linkedin_url = forms.URLField(
        label="LinkedIn URL (optional)", max_length=500, required=False, assume_scheme="https"
    )

    class Meta:
        model = Contact
        fields = ("name", "email", "role", "linkedin_url", "notes")
        labels = {"email": "Email (optional)"}
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}
