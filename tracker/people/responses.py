"""The vCard download, one shape for the pages and the API."""

from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from tracker.accounts.models import User
from tracker.applications.models import Contact
from tracker.people import selectors
from tracker.people.vcard import vcard_cards

VCARD_TYPE = "text/vcard; charset=utf-8"


def _download(body: str, filename: str) -> HttpResponse:
    response = HttpResponse(body.encode("utf-8"), content_type=VCARD_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Names and addresses: kept by no cache between the user and their address book.
    patch_cache_control(response, private=True, no_store=True)
    return response


def person_vcard_response(person: Contact) -> HttpResponse:
    return _download(vcard_cards([selectors.person_card(person)]), f"contact-{person.pk}.vcf")


def people_vcard_response(user: User) -> HttpResponse:
    return _download(vcard_cards(selectors.person_cards(user=user)), "people.vcf")
