"""The "for Excel" exports: the same CSV after a byte-order mark, and they import back."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import application_for
from tests.pages import streamed
from tracker.accounts.models import User
from tracker.imports.csvfile import decode_upload


@pytest.mark.parametrize("name", ["export_applications", "export_history"])
def test_it_starts_with_a_byte_order_mark_for_excel(
    alice: User, alice_client: Client, name: str
) -> None:
    application_for(alice, company="Tomás & Hijos", role="Ingeniera")
    plain = streamed(alice_client.get(reverse(name)))
    excel = streamed(alice_client.get(reverse(name) + "?for=excel"))
    assert excel == "\ufeff".encode() + plain
    assert not plain.startswith("\ufeff".encode())
    assert "Tomás".encode() in plain


def test_an_excel_export_imports_back(alice: User, alice_client: Client) -> None:
    application_for(alice, company="Tomás & Hijos", role="Ingeniera")
    excel = streamed(alice_client.get(reverse("export_applications") + "?for=excel"))
    text, encoding = decode_upload(excel)
    assert encoding == "UTF-8"
    assert text.startswith("id,company,")


def test_the_table_offers_both(alice: User, alice_client: Client) -> None:
    application_for(alice)
    page = alice_client.get(reverse("application_table") + "?stage=applied").content.decode()
    assert "?for=excel&amp;stage=applied" in page
