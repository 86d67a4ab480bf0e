"""What the worker sends, in the recipient's language: a reminder's in-app text, its email
(subject, greeting, body, footer), a delivery failure's words, and the weekly work-search
reminder, each with dates in the recipient's own language and time zone. The worker has
no request to take a language from: it takes the user's."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone, translation
from django.utils.formats import date_format

from tests.factories import make_user, rejected_late, send_due_reminders
from tracker.accounts.models import User
from tracker.followups.kinds import Kind
from tracker.followups.models import FollowUp
from tracker.notifications import channels
from tracker.notifications import services as notifications
from tracker.notifications.models import Channel, Notification
from tracker.worksearch import services as worksearch
from tracker.worksearch.log import week_start

pytestmark = pytest.mark.django_db

# The reminder's title and the email's words around it, in each language.
WORDS = {
    "de": (
        "Antwort auf die Absage \N{EM DASH} Backend Engineer bei Acme",
        "Fällig am ",
        "Guten Tag ",
        "In Rebound öffnen:",
        "Erinnerungen eingeschaltet",
    ),
    "fr": (
        "Réponse au refus \N{EM DASH} Backend Engineer chez Acme",
        "À faire le ",
        "Bonjour ",
        "Ouvrir dans Rebound :",
        "les rappels sont activés",
    ),
    "es": (
        "Respuesta al rechazo \N{EM DASH} Backend Engineer en Acme",
        "Para el ",
        "Hola, ",
        "Ábrelo en Rebound:",
        "recordatorios activados",
    ),
}
ENGLISH = (
    "Reply to the rejection",
    " at Acme",
    "Due ",
    "Hello ",
    "Open it in Rebound",
    "You get these because",
    "a short thank-you keeps the door open",
)


def _recipient(language: str) -> User:
    return make_user(username=f"recipient-{language}", language=language, time_zone="Europe/Berlin")


def _reminded(owner: User) -> Notification:
    application = rejected_late(owner)
    send_due_reminders()
    reply = application.followups.get(kind=Kind.REJECTION_REPLY)
    return Notification.objects.get(user=owner, channel=Channel.IN_APP, data__followup=reply.pk)


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_a_reminder_and_its_email_are_in_the_recipients_language(language: str) -> None:
    owner = _recipient(language)
    told = _reminded(owner)
    title, due, hello, open_it, footer = WORDS[language]

    assert told.title == title
    assert told.body.startswith(due)
    # The moment it is due, as their language writes it, in their time zone.
    reply = FollowUp.objects.get(application__owner=owner, kind=Kind.REJECTION_REPLY)
    with translation.override(language):
        when = date_format(timezone.localtime(reply.due_at, owner.zone), "WEEKDAY_DAY_MONTH_TIME")
    assert when in told.body

    email = Notification.objects.get(dedupe_key=told.dedupe_key, channel=Channel.EMAIL)
    notifications.notification_deliver(notification_id=email.pk)
    [message] = mail.outbox
    assert isinstance(message, EmailMultiAlternatives)
    html, _ = message.alternatives[0]
    assert message.subject == title
    for words in (hello, open_it, footer):
        assert words in message.body
    assert f'lang="{language}"' in str(html)
    for english in ENGLISH:
        assert english not in f"{told.title} {told.body}"
        assert english not in f"{message.subject} {message.body}"


def test_a_user_who_left_the_language_to_the_browser_gets_english_mail(alice: User) -> None:
    told = _reminded(alice)

    assert told.title == "Reply to the rejection \N{EM DASH} Backend Engineer at Acme"
    assert told.body.startswith("Due ")


@pytest.mark.parametrize(
    ("language", "refused"),
    [
        ("de", "Es ist keine Webhook-URL eingetragen."),
        ("fr", "Aucune URL de webhook n'est définie."),
        ("es", "No hay ninguna URL de webhook configurada."),
    ],
)
def test_a_delivery_failure_is_said_in_the_recipients_language(language: str, refused: str) -> None:
    """Shown on their settings page as the last delivery problem."""
    told = _reminded(_recipient(language))

    with pytest.raises(channels.DeliveryError, match=refused):
        channels.WebhookSender().send(told)


@pytest.mark.parametrize(
    ("language", "title", "monday"),
    [
        ("de", "2 von 3 Aktivitäten diese Woche eingetragen", "Montag, "),
        ("fr", "2 démarches sur 3 enregistrées cette semaine", "lundi "),
        ("es", "2 de 3 actividades registradas esta semana", "lunes "),
    ],
)
def test_the_weekly_work_search_reminder_is_in_the_users_language(
    language: str, title: str, monday: str
) -> None:
    user = _recipient(language)
    friday = week_start(datetime.now(UTC).date(), 4) - timedelta(days=7)
    worksearch.log_settings_update(user=user, layout="de", weekly_target=3, reminder_weekday=4)
    for days in (3, 2):
        worksearch.activity_create(
            owner=user, date=friday - timedelta(days=days), kind="job_fair", description="Fair"
        )

    assert (
        worksearch.work_search_reminders_send(now=datetime.combine(friday, time(9), tzinfo=UTC))
        == 1
    )

    (note,) = Notification.objects.filter(user=user, channel=Channel.IN_APP)
    assert note.title == title
    assert note.body.startswith(("Seit ", "Depuis le ", "Desde el "))
    assert monday in note.body
    assert "activities" not in note.title
    assert "Since" not in note.body
