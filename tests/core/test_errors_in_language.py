"""The last English a German, French or Spanish user met: the flash messages, the errors the
services and the API give, the history's notes on what it re-dated, and the import's
complaints about a file, each in the reader's language (English stays the default, which
the rest of the suite reads)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import api_client_for, application_for, make_user, rejected_late
from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.models import ChangeSource, Stage
from tracker.followups import services as followups
from tracker.followups.models import Kind
from tracker.imports import services as imports
from tracker.imports.csvfile import CsvFileError, decode_upload
from tracker.imports.models import ImportJob, ImportStatus
from tracker.notifications.models import Channel, Notification

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("language", "one", "many"),
    [
        ("de", "1 Benachrichtigung als gelesen markiert.", "3 Benachrichtigungen als gelesen"),
        ("fr", "1 notification marquée comme lue.", "3 notifications marquées comme lues."),
        ("es", "1 notificación marcada como leída.", "3 notificaciones marcadas como leídas."),
    ],
)
def test_a_flash_message_counts_in_the_users_language(language: str, one: str, many: str) -> None:
    user = make_user(username=f"reader-{language}", language=language)
    client = _client(user)

    def marked(count: int) -> str:
        for n in range(count):
            Notification.objects.create(
                user=user, channel=Channel.IN_APP, title=f"Note {n}", link="/followups/"
            )
        response = client.post(reverse("notifications_read_all"), follow=True)
        return response.content.decode()

    assert one in marked(1)
    page = marked(3)
    assert many in page
    assert "Marked 3 notifications read." not in page


def test_an_api_error_follows_the_requests_language(alice: User) -> None:
    api = api_client_for(alice)
    url = reverse("api:application-list")

    french = api.get(url, {"page": "0"}, HTTP_ACCEPT_LANGUAGE="fr").json()
    english = api.get(url, {"page": "0"}).json()

    assert french["page"] == ["Un nombre entier, au moins 1."]
    assert english["page"] == ["A whole number, at least 1."]


def test_another_users_object_is_a_404_in_the_requests_language(alice: User, bob: User) -> None:
    application = application_for(alice)
    url = reverse("api:application-detail", args=[application.pk])

    response = api_client_for(bob).get(url, HTTP_ACCEPT_LANGUAGE="es")

    assert response.status_code == 404
    assert response.json() == {"detail": "Esa candidatura no existe."}


def test_a_service_error_is_in_the_active_language(alice: User) -> None:
    with translation.override("de"), pytest.raises(ValidationError) as refused:
        services.application_create(owner=alice, company_name=" ", role="Engineer")

    assert refused.value.message_dict["company"] == ["Geben Sie den Namen der Firma ein."]


def test_a_date_check_is_lazy_so_each_language_reads_its_own(alice: User) -> None:
    long_ago = timezone.now().replace(year=1960)
    application = application_for(alice)
    for language, words in (("fr", "Vérifiez l'année"), ("en", "Check the year")):
        with translation.override(language), pytest.raises(ValidationError) as refused:
            services.application_change_stage(
                application=application,
                to_stage=Stage.SCREENING,
                source=ChangeSource.WEB,
                at=long_ago,
            )
        assert words in refused.value.message_dict["at"][0]


def test_the_history_says_what_it_redated_in_the_readers_words_and_dates(alice: User) -> None:
    application = services.application_create(owner=alice, company_name="Acme", role="Engineer")
    services.application_change_stage(
        application=application, to_stage=Stage.SCREENING, source=ChangeSource.BOARD
    )
    received = timezone.now() - timedelta(days=7)

    with translation.override("de"):
        rejection = services.application_reject(
            application=application, source=ChangeSource.WEB, received_at=received
        )

    day = timezone.localdate(received, alice.zone)
    months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August"]
    months += ["September", "Oktober", "November", "Dezember"]
    applied = (
        f"Bewerbungsdatum auf den {day.day}. {months[day.month - 1]} {day.year} gesetzt, "
        "abgeleitet aus der Absage."
    )
    assert applied in rejection.adjusted
    assert any(w.startswith("„Beworben → ") for w in rejection.adjusted), rejection.adjusted
    assert not any("Re-dated" in w or "Applied" in w for w in rejection.adjusted)


def test_the_draft_languages_are_named_not_coded(alice: User) -> None:
    reply = rejected_late(alice).followups.get(kind=Kind.REJECTION_REPLY)

    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        followups.followup_switch_language(followup=reply, language="xx")

    said = refused.value.message_dict["language"][0]
    assert "Deutsch, Français, Español" in said
    assert "en, de" not in said


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("de", "Das ist ein PNG-Bild, keine CSV-Datei."),
        ("fr", "C'est une image PNG, pas un fichier CSV."),
        ("es", "Es una imagen PNG, no un archivo CSV."),
    ],
)
def test_the_import_says_what_is_wrong_with_a_file(language: str, words: str) -> None:
    with translation.override(language), pytest.raises(CsvFileError) as refused:
        decode_upload(PNG)

    assert str(refused.value).startswith(words)


def test_an_import_stopped_by_the_worker_says_so_in_the_owners_language() -> None:
    owner = make_user(username="lea", language="de")
    job = ImportJob.objects.create(
        owner=owner, status=ImportStatus.RUNNING, filename="x.csv", header=["Company"]
    )

    imports.import_job_fail(
        job_id=job.pk,
        message=translation.gettext_lazy(
            "The import took too long and was stopped; nothing was imported. Try a smaller file."
        ),
    )

    job.refresh_from_db()
    assert job.errors[0]["message"].startswith("Der Import hat zu lange gedauert")


def test_a_followups_flash_is_in_the_users_language() -> None:
    owner = make_user(username="hugo", language="fr")
    reply = rejected_late(owner).followups.get(kind=Kind.REJECTION_REPLY)

    page = _client(owner).post(reverse("followup_sent", args=[reply.pk]), follow=True)

    assert "Marquée comme envoyée. Plus de rappels pour celle-ci." in page.content.decode()


def test_an_interviewers_too_long_name_is_refused_in_the_requests_language(alice: User) -> None:
    application = application_for(alice)
    url = reverse("api:application-interviews", args=[application.pk])
    body = {"scheduled_at": timezone.now().isoformat(), "interviewers": ["x" * 1000]}

    response = api_client_for(alice).post(url, body, format="json", HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 400
    assert "Ein Name hat höchstens" in response.json()["interviewers"][0]
