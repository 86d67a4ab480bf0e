"""What kind of mail a message is: a rejection, an invitation, an offer, other job mail.

Read from the subject and the part that matters (the newest part, or the message a short
note forwards). An offer or an invitation outranks the word "unfortunately"; a rejection
outranks "thank you for applying", which rejections often start with.
"""

from tracker.followups.reader import phrases
from tracker.followups.reader.types import Classification, Kind, Message

_ANALYSED_CHARS = 10_000


def classify(message: Message) -> Classification:
    text = _relevant_text(message)
    folded = phrases.fold(f"{message.subject}\n{text}")
    rejection = phrases.found(phrases.REJECTION, folded)
    offer = phrases.found(phrases.OFFER, folded)
    interview = phrases.found(phrases.INTERVIEW, folded)
    received = phrases.found(phrases.RECEIVED, folded)
    form = phrases.found(phrases.FORM_LETTER, folded)
    job = phrases.found(phrases.JOB, folded)
    strong_rejection = rejection and rejection != "unfortunately"
    if offer and not strong_rejection:
        return Classification(Kind.OFFER, 0.8, (f"Speaks of an offer (“{offer}”)",))
    if rejection and (strong_rejection or job):
        because = [f"Says no (“{rejection}”)"]
        if form:
            because.append(f"Uses a rejection's stock phrase (“{form}”)")
        return Classification(Kind.REJECTION, 0.9 if strong_rejection else 0.6, tuple(because))
    if interview and job:
        return Classification(Kind.INTERVIEW_INVITATION, 0.75, (f"Asks to meet (“{interview}”)",))
    if received:
        return Classification(
            Kind.APPLICATION_RECEIVED, 0.8, (f"Confirms an application (“{received}”)",)
        )
    if job:
        return Classification(Kind.OTHER_JOB_MAIL, 0.5, (f"About a job (“{job}”)",))
    return Classification(Kind.NOT_JOB_MAIL, 0.7, ("Nothing in it is about a job application",))


def _relevant_text(message: Message) -> str:
    segments = message.segments
    forwarded = len(segments) > 1 and segments[1].how == "forward"
    if forwarded and len(segments[0].text.split()) <= 40:
        return segments[1].text[:_ANALYSED_CHARS]
    return (message.newest or message.body)[:_ANALYSED_CHARS]
