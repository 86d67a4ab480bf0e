# ruff: noqa: E501  (one wording a line reads best whole)
"""The edge of a no: the wordings of a rejection that other mail shares, and the other mail
(job mail or not) that says them too. One wording a line: kind|sender's address|text. Kept
apart from kinds_wordings.txt, which the resemblance model is trained on."""

import pytest

from tests.mail import corpus
from tracker.mail import MailContext, classify, parse_message

CONTEXT = MailContext(company_names=corpus.COMPANIES)

# A public competition's no: not admitted to its next test, where "admitted" is no school's
# word; a school's no in the same words stays no job mail.
COMPETITIONS = """
rejection|concours@cdg-exemple.fr|Concours externe de technicien territorial. Nous avons le regret de vous informer que vous n'avez pas été déclaré admissible et ne pourrez pas vous présenter aux épreuves d'admission.
rejection|concours@cdg-exemple.fr|Concours externe de rédacteur territorial : vous n'êtes pas déclarée admissible, votre moyenne étant inférieure au seuil fixé par le jury.
rejection|personale@comune-esempio.it|Concorso pubblico per due posti di istruttore: con il punteggio ottenuto, la S.V. non risulta ammessa alla prova orale.
rejection|seleccion@ayto-ejemplo.es|Proceso selectivo de auxiliar administrativo (oposición): lamentamos comunicarle que no ha sido admitida a la segunda prueba.
rejection|commune@commune-exemple.be|Le service GRH, sélection d'un employé d'administration : avec 48/100, vous n'êtes malheureusement pas admis à l'épreuve orale.
rejection|personal@stadt-beispiel.de|Auswahlverfahren Sachbearbeitung (Stelle E9): Leider wurden Sie nicht zum Vorstellungsgespräch zugelassen.
rejection|werving@gemeente-voorbeeld.nl|Selectieprocedure beleidsmedewerker (vacature 2025-14): helaas bent u niet toegelaten tot de tweede gespreksronde.
not_job_mail|admissions@uni-exemple.fr|Master en informatique : nous avons le regret de vous informer que votre dossier n'a pas été retenu par le jury d'admission.
not_job_mail|segreteria@universita-esempio.it|Corso di laurea magistrale: purtroppo non è stata ammessa al corso per l'anno accademico 2025/26.
not_job_mail|admisiones@uni-ejemplo.es|Máster en datos: lamentamos comunicarte que no has sido admitida en el programa este curso académico.
"""

LINES = [line.split("|", 2) for line in COMPETITIONS.strip().splitlines()]


@pytest.mark.parametrize(("kind", "sender", "text"), LINES, ids=[t[:60] for _, _, t in LINES])
def test_the_wording_reads_as_its_kind(kind, sender, text):
    raw = f"From: {sender}\nTo: {corpus.USER_EMAIL}\nSubject: Update\n\n{text}\n"
    assert classify(parse_message(raw.encode()), CONTEXT).kind.value == kind
