# ruff: noqa: E501  (one wording a line reads best whole)
"""The edge of a no: the wordings of a rejection that other mail shares, and the other mail
(job mail or not) that says them too. One wording a line: kind|sender's address|text. Kept
apart from kinds_wordings.txt, which the resemblance model is trained on."""

import pytest

from tests.mail import corpus
from tracker.mail import MailContext, classify, parse_message, resemblance

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

# A no that names what the post needs ("from day one"), says it is no decision against the
# user but one for someone else, goes ahead with a person named by trade, or refuses the
# hire or the post with the pronoun joined to the verb; and the mail those words leave alone.
NOES = """
rejection|rrhh@datamar.es|Al final la dirección decidió que el puesto se cubre con alguien presencial desde el primer día, así que no vamos a poder seguir con tu proceso.
rejection|selezione@rossidesign.it|Abbiamo deciso che il ruolo va a chi conosce il cliente dal primo giorno: purtroppo non possiamo proseguire con la tua candidatura.
offer|rrhh@datamar.es|Nos alegra ofrecerte el puesto; tu primer día sería el 3 de marzo, te adjuntamos el contrato.
rejection|jobs@datenwerk.de|Das war keine Entscheidung gegen dich, sondern eine für jemanden, der unsere Systeme schon kennt. Die Stelle ist damit vergeben.
other_job_mail|jobs@datenwerk.de|Die Stelle ist vorerst eingefroren. Das ist keine Entscheidung gegen Ihre Bewerbung; wir melden uns im Frühjahr.
rejection|anna@hooli.com|After the final round we decided to go ahead with a designer who has worked in healthcare for years.
rejection|selezione@rossidesign.it|Ci ho pensato a lungo e ho deciso di andare avanti con una designer che conosce già il settore sanitario.
rejection|rh@novatel.fr|Après réflexion, nous avons décidé de poursuivre avec une ingénieure qui connaît déjà nos outils.
rejection|rrhh@datamar.es|Lo pensamos mucho y hemos decidido seguir con una ingeniera que ya conoce nuestro sistema.
rejection|recrutamento@lusodados.pt|Pensámos bastante e decidimos seguir com uma engenheira que já conhece o nosso sistema.
rejection|werken@vandijksoftware.nl|We hebben besloten om verder te gaan met een ontwikkelaar die al jaren in de zorg werkt.
interview_invitation|anna@hooli.com|We decided to go ahead with a call that covers the system design part: are you free on Thursday at 10:00?
rejection|selezione@rossidesign.it|Purtroppo non riusciamo ad assumerti alla fine dello stage.
rejection|jobs@datenwerk.de|Leider können wir dich nach dem Praktikum nicht übernehmen.
rejection|werken@vandijksoftware.nl|Ik heb uiteindelijk beslist om de vacature niet aan jou toe te wijzen.
rejection|anna@hooli.com|In the end I decided not to give the role to you; the team needs someone fluent in Dutch.
other_job_mail|jobs@datenwerk.de|Die Reisekosten zum Gespräch können wir leider nicht übernehmen, wir bitten um Verständnis.
"""

# A request "not processed" or "not taken into account" is any office's no: a tax office's,
# a town hall's; it makes no mail job mail. The last two lines say it of an application.
OFFICES = """
not_job_mail|noreply@gemeente-voorbeeld.nl|Helaas kunnen wij uw aanvraag voor een parkeervergunning niet in behandeling nemen, omdat het kenteken niet op uw naam staat.
not_job_mail|poststelle@finanzamt-beispiel.de|Leider konnten die Aufwendungen für den Sprachkurs nicht ohne Nachweise berücksichtigt werden.
not_job_mail|noreply@council-example.gov.uk|Unfortunately we are unable to process your parking permit application because the vehicle is not registered to you.
not_job_mail|noreply@impots-exemple.fr|Votre demande de remboursement ne peut malheureusement pas être prise en compte sans justificatif.
not_job_mail|noreply@ayto-ejemplo.es|Lamentablemente no podemos tramitar su solicitud de tarjeta de aparcamiento sin el permiso de circulación.
not_job_mail|noreply@comune-esempio.it|Purtroppo la sua richiesta di permesso di sosta non può essere presa in considerazione senza il libretto del veicolo.
not_job_mail|noreply@prefeitura-exemplo.pt|Infelizmente o seu pedido de estacionamento não pode ser considerado sem o documento do veículo.
rejection|jobs@datenwerk.de|Leider konnte Ihre Bewerbung für die Stelle im weiteren Verfahren nicht berücksichtigt werden.
rejection|werken@vandijksoftware.nl|Helaas nemen wij uw sollicitatie voor de vacature niet verder in behandeling.
rejection|noreply@stadtwerke-beispiel.de|Guten Tag, leider können wir Ihre Bewerbung nicht berücksichtigen. Mit freundlichen Grüßen
rejection|noreply@bedrijf-voorbeeld.nl|Beste Sam, uw sollicitatie kunnen wij helaas niet in behandeling nemen. Met vriendelijke groet
rejection|anna@hooli.com|As promised, I'm getting back to you with feedback: we've decided to move forward with another candidate.
"""

# A friend's own interview, had or to come, is their news, however it names a day and an
# hour; "my interview panel" from the company is still an invitation.
FRIENDS = """
not_job_mail|lucia.prima@hotmail.com|Sunday lunch at grandma's at two! My interview at the pharmacy was a disaster, they took someone with more experience.
not_job_mail|nacho.h@hotmail.com|Lo siento, no puedo ir a tu cumple el sábado: me han llamado para una entrevista en Bilbao el lunes a las 9.
not_job_mail|jonas.k@gmail.com|Am Samstag kann ich leider nicht, die haben mich für Montag um 10 Uhr zum Vorstellungsgespräch eingeladen.
not_job_mail|claire.d@gmail.com|Je ne pourrai pas venir samedi : ils m'ont convoquée pour un entretien lundi à 9h à Lyon.
not_job_mail|femke.b@gmail.com|Zaterdag lukt niet, ze hebben me uitgenodigd voor een gesprek op maandag om 10 uur.
not_job_mail|marco.b@gmail.com|Sabato non ci sono, mi hanno chiamato per un colloquio a Milano lunedì alle 9.
not_job_mail|joana.s@gmail.com|Não vou conseguir ir sábado, me chamaram para uma entrevista na segunda às 9h.
interview_invitation|anna@hooli.com|My interview panel has read your take-home: are you free on Thursday at 10:00 for the final round?
"""

# A CV that would not open: "unfortunately ... not" about the file, not the candidate.
FILES = """
other_job_mail|talent@hooli.com|Unfortunately the CV attached to your application for the analyst role is corrupted and we could not open it: please upload it again as a PDF.
other_job_mail|jobs@datenwerk.de|Leider lässt sich der Lebenslauf zu Ihrer Bewerbung nicht öffnen, die Datei ist beschädigt. Bitte laden Sie ihn erneut hoch.
other_job_mail|rh@novatel.fr|Malheureusement, nous n'avons pas pu ouvrir le CV joint à votre candidature : le fichier semble corrompu. Merci de le renvoyer.
other_job_mail|rrhh@datamar.es|Lamentablemente no hemos podido abrir el CV de tu candidatura, el archivo está dañado. ¿Nos lo reenvías en PDF?
other_job_mail|werken@vandijksoftware.nl|Helaas konden we het cv bij je sollicitatie niet openen, het bestand is beschadigd. Wil je het opnieuw uploaden?
other_job_mail|selezione@rossidesign.it|Purtroppo il curriculum allegato alla sua candidatura risulta danneggiato e non siamo riusciti ad aprirlo. Può ricaricarlo?
other_job_mail|recrutamento@lusodados.pt|Infelizmente não conseguimos abrir o currículo da sua candidatura, o arquivo está corrompido. Pode reenviá-lo?
rejection|talent@hooli.com|Unfortunately your application was not successful; we could not offer you an interview this time.
"""

# The post gone to someone else ("it went to someone already on the team"), in either word
# order; a take-home gone to the panel is no post.
WENT_TO = """
rejection|anna@hooli.com|Sorry for the radio silence: it went to someone already on the team, so we've closed it out.
rejection|jobs@datenwerk.de|Die Stelle ging am Ende an einen internen Kollegen aus dem BI-Team.
rejection|rh@novatel.fr|Finalement, le poste est allé à quelqu'un de l'équipe.
rejection|rrhh@datamar.es|Al final el puesto se lo llevó alguien de dentro del equipo.
rejection|werken@vandijksoftware.nl|Uiteindelijk ging de functie naar iemand die al in het team zat.
rejection|selezione@rossidesign.it|Alla fine il ruolo è andato a un collega già in azienda.
rejection|recrutamento@lusodados.pt|No fim a vaga ficou com alguém que já estava na equipa.
interview_invitation|anna@hooli.com|Your take-home went to the panel; are you free on Thursday at 10:00 to walk us through it?
"""

# After a trial day at a small business: someone else taken on or kept, named by who they
# are, often from the owner's own mailbox; the same verbs about a removal van or a flat
# share say nothing of a job.
KEPT_ON = """
rejection|baeckerei.lindner@t-online.de|Danke fürs Probearbeiten am Dienstag. Ich nehm aber für die Stelle jemanden, der schon ausgelernt hat.
rejection|cocina.casapepa@gmail.com|Gracias por la prueba del sábado. Al final hemos cogido para la barra a una chica que ya trabajó aquí en verano.
rejection|osteria.ilpozzo@libero.it|Grazie per la prova di venerdì a cena. Ho deciso di tenere Marta, che lavora già con noi da due anni.
rejection|restaurante.oalecrim@gmail.com|Obrigado pela tarde de experiência de sábado. Decidimos ficar com o meu primo, que já conhece a casa.
rejection|cafe.dehoek@gmail.com|Bedankt voor de meeloopdag. We hebben besloten om Lotte aan te houden, die hier al twee zomers werkt.
rejection|bistrot.lesvignes@orange.fr|Merci pour l'essai en cuisine. J'ai décidé de garder Paul qui connaît déjà la maison.
not_job_mail|tom.weber84@gmail.com|Für den Umzug am Samstag nehmen wir jemanden, der einen Transporter hat. Bis dann!
not_job_mail|lucia.moreno@gmail.com|Para el piso hemos decidido quedarnos con la habitación pequeña, que da al patio.
"""

LINES = [
    line.split("|", 2)
    for line in (COMPETITIONS + NOES + OFFICES + FRIENDS + FILES + WENT_TO + KEPT_ON).splitlines()
    if line.strip()
]


@pytest.mark.parametrize(("kind", "sender", "text"), LINES, ids=[t[:60] for _, _, t in LINES])
def test_the_wording_reads_as_its_kind(kind, sender, text):
    raw = f"From: {sender}\nTo: {corpus.USER_EMAIL}\nSubject: Update\n\n{text}\n"
    assert classify(parse_message(raw.encode()), CONTEXT).kind.value == kind


FEEDBACK = {
    "en": (
        "Interview feedback, as promised",
        "As promised on our call, here are the points the panel noted about the analyst role. "
        "Strengths: clear communication with stakeholders and solid SQL. To work on: little "
        "depth on pipeline testing, and the case study skipped the costs. I hope it helps in "
        "your next processes.",
    ),
    "pt": (
        "Feedback da entrevista - como combinamos",
        "Como prometido na nossa ligação, seguem os pontos que os entrevistadores anotaram "
        "sobre a vaga. Pontos fortes: boa comunicação com a equipe e SQL sólido. Pontos a "
        "desenvolver: pouca profundidade em testes de pipelines e faltou discutir custos. "
        "Espero que ajude nos próximos processos!",
    ),
    "de": (
        "Ihr Feedback zum Gespräch",
        "Wie versprochen hier die Punkte, die das Panel zur Stelle notiert hat. Stärken: klare "
        "Kommunikation und solides SQL. Ausbaufähig: wenig Tiefe beim Testen von Pipelines, "
        "und in der Fallstudie fehlten die Kosten. Ich hoffe, das hilft bei den nächsten "
        "Bewerbungen.",
    ),
}


def read_as(monkeypatch, subject: str, text: str) -> str:
    """The kind of a letter from someone at the company that the model finds like a no."""
    monkeypatch.setattr(resemblance, "score", lambda subject, letter: 5.0)
    raw = f"From: Dana Smith <dana.smith@hooli.com>\nSubject: {subject}\n\n{text}\n"
    return classify(parse_message(raw.encode()), CONTEXT).kind.value


@pytest.mark.parametrize("code", sorted(FEEDBACK))
def test_feedback_sent_as_promised_is_not_made_a_rejection_by_its_likeness(monkeypatch, code):
    # The no, if there was one, was said before the feedback it promised.
    assert read_as(monkeypatch, *FEEDBACK[code]) == "other_job_mail"


def test_the_same_letter_with_no_promise_is_queued_as_a_rejection(monkeypatch):
    _, text = FEEDBACK["en"]
    assert (
        read_as(monkeypatch, "Interview", text.replace("As promised on our call, here", "Here"))
        == "rejection"
    )
