"""What kind of mail a message is: a rejection, an invitation, an offer, other job mail.

Read from the subject and the part that matters (the newest part, or the message a short
note forwards). An offer or an invitation outranks the word "unfortunately"; a rejection
outranks "thank you for applying", which rejections often start with.
"""

from tracker.mail import phrases
from tracker.mail.types import Classification, MailKind, Message

_ANALYSED_CHARS = 10_000


def classify(message: Message) -> Classification:
    text = _relevant_text(message)
    folded = phrases.fold(f"{message.subject}\n{text}")
    rejection = phrases.found(phrases.REJECTION, folded)
    softener = phrases.found(phrases.SOFTENER, folded)
    offer = phrases.found(phrases.OFFER, folded)
    interview = phrases.found(phrases.INTERVIEW, folded)
    received = phrases.found(phrases.RECEIVED, folded)
    form = phrases.found(phrases.FORM_LETTER, folded)
    job = phrases.found(phrases.JOB, folded)
    if offer and not rejection:
        return Classification(MailKind.OFFER, 0.8, (f"Speaks of an offer (“{offer}”)",))
    if rejection or (softener and job and not interview):
        because = [f"Says no (“{rejection or softener}”)"]
        if form:
            because.append(f"Uses a rejection's stock phrase (“{form}”)")
        return Classification(MailKind.REJECTION, 0.9 if rejection else 0.6, tuple(because))
    if interview and job:
        return Classification(
            MailKind.INTERVIEW_INVITATION, 0.75, (f"Asks to meet (“{interview}”)",)
        )
    if received:
        return Classification(
            MailKind.APPLICATION_RECEIVED, 0.8, (f"Confirms an application (“{received}”)",)
        )
    if job:
        return Classification(MailKind.OTHER_JOB_MAIL, 0.5, (f"About a job (“{job}”)",))
    return Classification(MailKind.NOT_JOB_MAIL, 0.7, ("Nothing in it is about a job application",))


def _relevant_text(message: Message) -> str:
    segments = message.segments
    # A short note on top (a forward's "fyi", the user's "thanks, understood") says little:
    # what it forwards or answers is read with it.
    if len(segments) > 1 and len(segments[0].text.split()) <= 40:
        return (segments[0].text + "\n" + segments[1].text)[:_ANALYSED_CHARS]
    return (message.newest or message.body)[:_ANALYSED_CHARS]
