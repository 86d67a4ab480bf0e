"""What kind of mail a message is, read in context: a rejection, an invitation, an offer, a
receipt, other job mail, or mail that is not about the job search at all.

The decision, in order:
1. The letter is read, not the note above it: a short note on a forward or a reply is read
   together with the message it passes on. The language is found first (lingua), and that
   language's phrases are tried before the others' (a German greeting on an English form).
2. Sentences that only suppose ("if you are not shortlisted...") or speak of the process
   ("we cannot reply to each applicant individually") decide nothing; job words inside a
   wish ("good luck with the interviews") are not about a job.
3. Is it about the job search? Job words (the position, a recruiter, a take-home), or who
   sent it (an applicant-tracking system, the company of one of the user's applications,
   a reply in a thread already seen), against words of the other things people apply for
   (a flat, a grant, a talk, a place at a university). "Application" alone decides only
   with the sender's help; a mailing that is neither a job board's alert nor about the
   user's application is not job mail.
4. Of job mail: an offer (not "we are unable to offer you"), then a no, then an
   invitation, then a receipt, else other job mail. Words any trade uses ("anbei unser
   Angebot", "a no", "unfortunately ... not") decide the kind only once the mail is job mail;
   they never make it job mail.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from django.utils.translation import gettext_noop as N

from tracker.mail import addresses, resemblance
from tracker.mail.because import ATS_SENT
from tracker.mail.because import Because as B
from tracker.mail.kind_meanings import BY_MEANING
from tracker.mail.kind_phrases import (
    BY_LANGUAGE,
    WHEN,
    fold,
    names,
    spellings,
    squash,
)
from tracker.mail.language import CODES, SURE, likely_languages
from tracker.mail.signature import is_person_name
from tracker.mail.types import Classification, MailKind, Message, Segment

_ANALYSED_CHARS = 10_000
_SHORT_NOTE_WORDS = 40
_SHORT_LETTER_WORDS = 25
# "Not this time" is a no in a short sentence; in a long one it is about something else.
_SHORT_NO_WORDS = 10
# A letter says what it is early; hostile text made of thousands of "sentences" is read in
# its first ones, so a message costs the same however it is shaped.
_MAX_SENTENCES = 120
_MAX_SENTENCE_CHARS = 600
# Mail is wrapped at 72 or 78 columns: a single line break does not end a sentence.
# A day's number ends in a point before the month in German dates ("mit Beginn 1. Mai"):
# no end of a sentence, though "week 17." and "at 9:00." end one.
_MONTH = r"(?i:jan|feb|m[aä]r|apr|mai|jun|jul|aug|sep|okt|nov|dez)\w*(?!\w)"
_SENTENCE = re.compile(rf"(?<=[.!?;:])(?<!\b\d\.)(?<!\b\d\d\.)\s+|(?<=\d\.)\s+(?!{_MONTH})")
_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(f"{_SENTENCE.pattern}|{_PARAGRAPH.pattern}")
# Words in quotation marks are someone else's, quoted: a newsletter's "we've decided to move
# forward with other candidates" decides nothing.
_QUOTED = re.compile(r"[\"“«„]([^\"“”«»„\n]{1,300})[\"”»“]")
# ...but a job board relays the employer's own words in quotation marks under "Message from
# the employer:": that message is the letter.
_RELAYED = re.compile(
    r"((?:message|nachricht|mensaje|bericht|messaggio|mensagem|note|antwort|reponse|respuesta|"
    r"antwoord|risposta|resposta)\b[^:\n]{0,60}:)\s*[\"“«„]([^\"“”«»„]{1,1500})[\"”»“]"
)
_NAMES = {
    "en": N("English"),
    "de": N("German"),
    "fr": N("French"),
    "es": N("Spanish"),
    "nl": N("Dutch"),
    "it": N("Italian"),
    "pt": N("Portuguese"),
}


@dataclass(frozen=True)
class MailContext:
    """What is known about the user that tells job mail from other mail."""

    company_names: Collection[str] = ()  # the companies of the user's applications
    company_domains: Collection[str] = ()  # their domains' owner labels ("umbrella-analytics")
    thread_ids: Collection[str] = ()  # Message-IDs of job mail already seen
    subjects: Collection[str] = ()  # subjects of job mail already seen
    # The user's own addresses: a letter a friend passes on that was written to someone else
    # is that person's news, not the user's.
    user_emails: Collection[str] = ()
    user_names: Collection[str] = ()  # and names: a letter to the user's address names them

    def user_addresses(self) -> set[str]:
        """The user's own addresses, lower case as a mail's addresses are compared."""
        return {address.lower() for address in self.user_emails}


@dataclass
class _Found:
    phrase: str
    language: str


@dataclass(frozen=True)
class _Sentences:
    """The letter read as sentences (the subject first), with the languages to try."""

    letter: str  # the text that says what the mail is (letter_of)
    language: str  # "" when it is not clear
    order: tuple[str, ...]  # the languages whose phrases are tried, first first
    every: list[str]
    decisive: list[str]  # without those that only suppose or speak of the process
    stated: list[str]  # decisive, without questions: "did they make you an offer?" is none
    plain: list[str]  # decisive, without job words inside a wish


@dataclass(frozen=True)
class _Signals:
    """Everything the rules decide on: who sent the mail, and its phrases by family."""

    sender: str  # why the sender alone makes it job mail, or ""
    company_only: bool  # the sender is known only as the company or domain of an application
    product_side: bool  # from the company's own address, but not a careers one or a person's
    recruiting: bool  # the sender's mailbox or name is a careers one ("careers@", "Karriere")
    doubt: bool  # not decided yet, still alive, moved, about the start, or feedback as promised
    negative: bool  # some sentence says "not", "no" or "unfortunately"
    friend: bool  # from a personal mailbox the user's applications do not explain
    personal: bool  # a person's own mailbox or a pasted chat, not the process nor the company
    own_news: _Found | None  # the writer's own job news: "I got the job", "me han cogido"
    referee: _Found | None  # "Lumenworks rang me for a reference": a referee's news of the user
    lead: _Found | None  # "shall I pass your CV on?": a friend passing on an opening
    by_user: bool  # the letter is the user's own (a reply of theirs, their withdrawal)
    mailing: bool
    job: _Found | None
    job_own: _Found | None  # job words no flat, loan, school or shop uses: the thing's own
    terms: _Found | None  # a salary, a probation: job words a word of elsewhere outweighs
    post: _Found | None
    applied: _Found | None
    elsewhere: _Found | None  # about a flat, a grant, a talk...
    applied_elsewhere: _Found | None  # "thank you for applying to the Fellowship"
    alert: _Found | None
    outreach: _Found | None  # a recruiter's first approach
    offer: _Found | None
    offered: _Found | None  # an offer in words any offer uses (a contract attached): job mail only
    no: _Found | None  # sentences that say "not yet" decide nothing
    regret: _Found | None  # a no in job mail only
    kept: _Found | None  # "we'll keep your CV on file": a no unless a receipt says it
    withdrew: _Found | None  # the user withdrew: the company closing the file says no no
    to_you: bool  # speaks of the reader's application or profile
    invite: _Found | None
    received: _Found | None
    acknowledged: bool  # a receipt's words, even where they only thank for a test's letter
    interest: _Found | None  # thanks for the interest: a receipt when nothing else decides
    someone_else: str  # the address of another person a passed-on letter was written to
    offer_withdrawn: bool  # an offer taken back


@dataclass(frozen=True)
class _Verdict:
    kind: MailKind
    confidence: float
    reason: str
    before: tuple[str, ...] = ()  # what the rules said, where the model overruled them


def classify(message: Message, context: MailContext | None = None) -> Classification:
    sentences = _sentences(message)
    signals = _signals(message, context or MailContext(), sentences)
    decided = next(filter(None, (rule(signals) for rule in _RULES)), None)
    verdict = _weighed(message.subject, sentences.letter, decided, signals)
    because: list[str] = (
        [B(N("Written in %(language)s"), language=B(_NAMES[sentences.language]))]
        if sentences.language
        else []
    )
    # Who sent it is evidence once the mail is job mail: it explains no other verdict.
    if verdict.kind != MailKind.NOT_JOB_MAIL and signals.sender:
        because.append(signals.sender)
    return Classification(
        verdict.kind, verdict.confidence, (*because, *verdict.before, verdict.reason)
    )


def _weighed(subject: str, letter: str, decided: _Verdict | None, signals: _Signals) -> _Verdict:
    """The rules' verdict, and the resemblance model's second opinion where it disagrees
    clearly: a no that reads unlike any rejection waits in the other lane; job mail the
    rules found nothing decisive in, that reads like a rejection, is queued as one."""
    if decided is not None and decided.kind != MailKind.REJECTION:
        return decided
    likeness = resemblance.score(subject, letter)
    if decided is None:
        # Where the rules read a sentence as "not decided yet" or "still in", the model's
        # likeness is not allowed to overrule them.
        # Nor on a line or two: a few n-grams make a loud score.
        words = len(letter.split())
        doubt = signals.doubt or signals.withdrew or words < resemblance.FEWEST_WORDS
        # A short letter that never says "not", "no" or "unfortunately" is not made a
        # rejection by its likeness alone.
        doubt = doubt or (words < resemblance.PLAIN_WORDS and not signals.negative)
        if likeness > resemblance.ADD and not doubt:
            reason = B(N("Reads like a rejection letter, though no phrase Rebound knows says no"))
            return _Verdict(MailKind.REJECTION, 0.55, reason)
        return _other_job_mail(signals)
    # An offer taken back is rare in the letters the model learnt from, and never ambiguous.
    if likeness < resemblance.VETO and not signals.offer_withdrawn:
        reason = B(N("…but reads unlike a rejection letter: is it one?"))
        return _Verdict(MailKind.OTHER_JOB_MAIL, 0.5, reason, before=(decided.reason,))
    return decided


def _sentences(message: Message) -> _Sentences:
    written = letter_of(message)
    letter = _RELAYED.sub(r"\1 \2", written)
    language, order = _languages(message.subject, letter)
    every = _split(message.subject, letter)
    said = _split(message.subject, _without_data_protection(letter))
    decided = (_decided(_QUOTED.sub(" ", s), order) for s in said)
    decisive = [s for s in decided if s.strip()]
    stated = [s for s in decisive if not s.rstrip().endswith("?")]
    plain = [s for s in decisive if not _found("WISH", [s], order)]
    return _Sentences(written, language, order, every, decisive, stated, plain)


def _split(subject: str, letter: str) -> list[str]:
    """The subject and the letter's sentences, folded."""
    parts = [subject, *_SENTENCE_END.split(letter, maxsplit=_MAX_SENTENCES)]
    return [fold(s[:_MAX_SENTENCE_CHARS]) for s in parts[:_MAX_SENTENCES] if s.strip()]


# How the applicant's data is kept: its "at your request", "withdraw your consent" or "not
# passed on to third parties" are the law's words, not the letter's. What it names (the
# enrolment a school keeps data for) still tells what the mail is about.
_DATA_PROTECTION = re.compile(
    r"(?<!\w)(?:personal data|data protection|gdpr|privacy (?:act|policy|notice|statement)|"
    r"(?:the|your) (?:personal )?information (?:you (?:have )?provided|we hold)|"
    r"datenschutz\w*|dsgvo|personenbezogene\w* daten|"
    r"donnees (?:a caractere )?personnelles|protection des donnees|rgpd|informatique et libertes|"
    r"donnees (?:\S+ )?recueillies|renseignements fournis|"
    r"datos (?:de caracter )?personales|proteccion de datos|lopd\w*|"
    r"persoonsgegevens|avg|gegevensbescherming|privacy ?(?:beleid|verklaring|statement)|"
    r"dati personali|protezione dei dati|informativa (?:sulla )?privacy|"
    r"dados pessoais|protecao de dados|lgpd)(?!\w)"
)


def _without_data_protection(letter: str) -> str:
    """The letter without what it says about data protection: a paragraph that opens on it
    (a notice's heading, its first sentence), and any other sentence that names the law (a
    no's last line, "your documents are deleted under the GDPR", stays a no)."""
    kept = []
    for paragraph in _PARAGRAPH.split(letter):
        sentences = _SENTENCE.split(paragraph)
        if not _DATA_PROTECTION.search(fold(sentences[0])):
            kept.append(" ".join(s for s in sentences if not _DATA_PROTECTION.search(fold(s))))
    return "\n\n".join(kept)


def _languages(subject: str, letter: str) -> tuple[str, tuple[str, ...]]:
    """The letter's language ("" when it is not clear) and the languages to read it in."""
    # The letter's own language: an English subject ("Update") over an Italian letter is
    # common, and on a short letter it would outweigh it.
    likely = likely_languages(letter) or likely_languages(f"{subject}\n{letter}")
    if not (likely and likely[0][1] >= SURE):
        return "", CODES
    # The mail's language, a close one the detector also found likely, and English (the
    # lingua franca of job mail: an English template under a German greeting) are read; all
    # seven only when the language is not clear. Reading unlikely ones too would find the
    # Spanish "beca" (grant) in "because".
    found = [code for code, _ in likely]
    # A letter of a line or two says too little for the detector ("tu candidatura ha sido
    # descartada" reads as Portuguese): the other languages are read after the likely ones.
    rest = CODES if len(letter.split()) < _SHORT_LETTER_WORDS else ()
    return found[0], tuple(dict.fromkeys((*found, "en", *rest)))


def _signals(message: Message, context: MailContext, sentences: _Sentences) -> _Signals:
    passed = _passed_on(message)
    address = _sender_address(message, passed).lower()
    who = _sender_context(message, address, context)
    sender, in_process, from_company = who
    order, stated = sentences.order, sentences.stated
    # An offer made to someone else is a no: "besloten een andere kandidaat het aanbod te doen".
    to_the_user = [s for s in stated if not _chose_another([s], order)]
    # From the company of an application, "a place on the programme" is the job's place.
    about = stated if sender else _about_a_job(stated, order)
    # A letter passed on by a referrer speaks of the user in the third person ("não seguir
    # com ele"); one written to the user, of someone else.
    settled = _settled(about, stated, order, to_the_reader=passed is None)
    kept = None if _found("CONSENT", stated, order) else _kept(settled, order)
    withdrawn = _found("OFFER_WITHDRAWN", stated, order)
    recruiting = _careers_or_a_person(message, address, context)
    by_user = address in context.user_addresses()
    terms = _found("TERMS", sentences.plain, order)
    received, acknowledged, interest = _receipt(sentences, order, terms)
    return _Signals(
        doubt=_doubted(about, settled, stated, order),
        negative=bool(_found("NEGATION", stated, order) or _found("SOFTENER", stated, order)),
        sender=sender,
        company_only=bool(sender) and not in_process,
        # The company's bank, shop or claims side: its own address, not its careers one.
        product_side=from_company and not in_process and not recruiting,
        recruiting=recruiting,
        # The user's own mailbox is no friend's: their reply to an employer is their search.
        friend=addresses.is_free_mail(address) and not sender and not by_user,
        personal=_personal(message, address, context, who),
        own_news=_found("OWN_NEWS", sentences.plain, order),
        referee=_found("REFEREE", sentences.plain, order),
        lead=_found("LEAD", sentences.plain, order),
        by_user=by_user,
        mailing=_mailing(message, sentences),
        job=_job(sentences.plain, order),
        job_own=_own_job_words(sentences.plain, order),
        terms=terms,
        post=_found("POST", sentences.plain, order),
        applied=_found("APPLIED", sentences.plain, order),
        elsewhere=_elsewhere(_not_moving_an_interview(sentences.every, order), order),
        applied_elsewhere=_applied_elsewhere(sentences.every, order),
        alert=_found("ALERT", sentences.every, order),
        outreach=_found("OUTREACH", sentences.plain, order),
        # An offer taken back is spoken of, and is a no.
        offer=None if withdrawn else _offer(to_the_user, order),
        offered=None if withdrawn else _offered(to_the_user, order),
        no=_no(settled, order),
        regret=_regret(settled, order),
        kept=kept,
        withdrew=_found("WITHDREW", stated, order),
        to_you=any(BY_MEANING[code]["YOURS"].search(s) for code in order for s in stated),
        invite=_invited(sentences.plain, order),
        received=received,
        acknowledged=acknowledged is not None,
        interest=interest,
        someone_else=_written_to_someone_else(passed, message, context),
        offer_withdrawn=withdrawn is not None,
    )


def _doubted(
    about: list[str], settled: list[str], stated: list[str], order: tuple[str, ...]
) -> bool:
    """Whether the mail leaves its no in doubt: some of what it says of the job is not
    settled, or it sends feedback as promised (the no, if any, was said before, and the
    model's likeness of a rejection letter is no no there)."""
    return len(settled) < len(about) or bool(_found("FEEDBACK_PROMISED", stated, order))


def _receipt(
    sentences: _Sentences, order: tuple[str, ...], terms: _Found | None
) -> tuple[_Found | None, _Found | None, _Found | None]:
    """The receipt, the receipt's words however they are meant, and the thanks for applying.
    "Danke für Ihre Bewerbung" over a test to take, papers to send or a delay still tells
    job mail, but the letter is about the rest: neither a receipt nor thanks that make one."""
    acknowledged = _received(sentences.decisive, order)
    if not (terms or _asks_more(sentences, order)):
        return acknowledged, acknowledged, _found("INTEREST", sentences.decisive, order)
    thanks_only = acknowledged and _found("INTEREST", [acknowledged.phrase], order)
    return (None if thanks_only else acknowledged), acknowledged, None


def _asks_more(sentences: _Sentences, order: tuple[str, ...]) -> bool:
    """Thanks for applying, then a test to take, something to send or a delay (or the terms,
    which the caller has found already: the salary asked, the notice): the letter is about
    that, the thanks its courtesy, no receipt."""
    return bool(
        _found("TEST", sentences.plain, order)
        or _found("ASKS_TO_SEND", sentences.plain, order)
        or _found("DELAYED", sentences.plain, order)
    )


def _not_moving_an_interview(sentences: list[str], order: tuple[str, ...]) -> list[str]:
    """Without the sentences that move an interview: the flight or the train they name is
    why it moves ("devo spostare il colloquio, mi hanno anticipato un volo")."""
    return [
        s
        for s in sentences
        if not any(
            BY_LANGUAGE[code]["MOVED"].search(s) and BY_LANGUAGE[code]["TALK"].search(s)
            for code in order
        )
    ]


def _personal(
    message: Message, address: str, context: MailContext, who: tuple[str, bool, bool]
) -> bool:
    """A person's own mailbox (not the user's), or a chat the user pasted; not a mail of the
    process itself (an applicant-tracking system, a known thread or subject) nor one from
    the company of an application (who: what _sender_context says of the sender)."""
    _, in_process, from_company = who
    if in_process or from_company:
        return False
    if not (message.from_email or message.from_name):
        return True
    return addresses.is_free_mail(address) and address not in context.user_addresses()


def _job(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """Words only job mail uses: the position, a trial shift, the start of the job."""
    return (
        _found("JOB", sentences, order)
        or _found("TRIAL", sentences, order)
        or _found("STARTING", sentences, order)
    )


def _written_to_someone_else(passed: Segment | None, message: Message, context: MailContext) -> str:
    """Whom the letter a friend passes on was written to, when that is not the user: a
    friend's forward of their own rejection ("same template as yours") is their news."""
    users = context.user_addresses()
    if not (passed and passed.recipient_email and users):
        return ""
    # The user forwarding mail from an address Rebound does not know is still the user's,
    # and so is a letter to Sam that reached a friend's address ("Dear Sam", "Hi Rivera").
    if passed.recipient_email in users or message.from_email.lower() in users:
        return ""
    # An agency's client writes to the recruiter about the user ("we won't progress Sam"):
    # a letter that names the user anywhere is about the user.
    letter = fold(passed.text[:_ANALYSED_CHARS])
    named = {w for name in context.user_names for w in fold(name).split() if len(w) > 1}
    if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", letter) for w in named):
        return ""
    return passed.recipient_email


def _about_a_job(sentences: list[str], order: tuple[str, ...]) -> list[str]:
    """Without the sentences about a flat, a grant, a trip... and no job: a no there is not
    about a job ("we decided not to go ahead with the trip. How's the job hunt?")."""
    return [s for s in sentences if not _elsewhere([s], order) or _found("JOB", [s], order)]


def _elsewhere(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """Words of a flat, a grant, a school...: not "admitted" to a stage of a selection (a
    competition's oral exam), which is a school's word only when no stage is beside it."""
    stage = BY_LANGUAGE["en"]["STAGE"]
    return _found("ELSEWHERE", [stage.sub(" ", s) for s in sentences], order)


def _own_job_words(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """Job words of a job's own: not those other applications and services use too (the
    admissions interview, the landlord's references, the bank's "current employment")."""
    for code in order:
        shared = BY_LANGUAGE[code]["SHARED"]
        sentences = [shared.sub(" ", s) for s in sentences]
    return _job(sentences, order)


def _applied_elsewhere(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """An application named as one for something else, with no job word beside it."""
    for sentence in sentences:
        elsewhere = _both([sentence], order, "APPLIED", "ELSEWHERE")
        if elsewhere and not (
            _found("JOB", [sentence], order) or _found("POST", [sentence], order)
        ):
            return elsewhere
    return None


def _mailing(message: Message, sentences: _Sentences) -> bool:
    if message.list_unsubscribe or message.precedence_bulk:
        return True
    return bool(_found("UNSUBSCRIBE", sentences.every, sentences.order))


def _no(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """A no that names a candidate, a position or moving forward: about a job by itself."""
    return (
        _found("NO", sentences, order)
        or _found("NOT_HIRED", sentences, order)
        or _found("TOOK_SOMEONE", sentences, order)
        or _found("OFFER_WITHDRAWN", sentences, order)
        # "Status:" and its value are split at the colon: read each with the next.
        or _found("STATUS_NO", [" ".join(pair) for pair in pairwise(sentences)], order)
        or _chose_another(sentences, order)
        or _both(sentences, order, "CANDIDATES", "BETTER")
    )


def _regret(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """ "We regret to inform you", "unfortunately ... not": a no in job mail only."""
    return (
        _found("REGRET", sentences, order)
        or _found("ENDS_FOR_YOU", sentences, order)
        or _found("NOT_AMONG", sentences, order)
        or _found("EXCLUDED", sentences, order)
        or _found("NO_PLACE", sentences, order)
        or _found("FULL", sentences, order)
        or _softened_no(sentences, order)
        or _refused(sentences, order)
        or _meant_no(sentences, order)
    )


# A no by meaning: the parts that must be in one sentence (the first one is shown).
_MEANINGS_OF_A_NO = (
    ("GONE", "POST"),  # the position filled, frozen, cancelled
    ("AGAINST", "YOURS"),  # your application discarded, your process ended
    ("NOT_MATCH", "YOURS"),  # your profile does not fit
    ("UNFAVOURABLE",),  # a decision not in your favour
    ("NO_OFFER",),  # no offer, no proposal
    ("NOT_THROUGH",),  # you did not pass the test or reach the next round
    ("NOT_RIGHT",),  # not the right profile, person or fit
    ("RIVAL", "BETTER"),  # another candidate a stronger or closer match
    ("ENDS_HERE",),  # the process ends here for you
    ("FOUND",),  # someone found or hired
)


def _meant_no(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """A no in words no phrase foresees, by what it means (kind_meanings)."""
    for code in order:
        for sentence in sentences:
            said = _means_no(BY_MEANING[code], sentence)
            if said and not BY_LANGUAGE[code]["HESITATE"].search(sentence):
                return _Found(said.group(0), code)
    return None


def _means_no(parts: dict[str, re.Pattern[str]], sentence: str) -> re.Match[str] | None:
    # "Once the role is filled, we will write to everyone": nothing is gone yet.
    gone_now = not parts["ONCE"].search(sentence)
    for meaning in _MEANINGS_OF_A_NO:
        found = [parts[family].search(sentence) for family in meaning]
        if not all(found) or not (gone_now or meaning[0] != "GONE"):
            continue
        # "Todavía no hemos encontrado a la persona": someone not found yet is no no.
        first = found[0]
        if first and meaning[0] == "FOUND" and parts["NOT"].search(sentence[: first.start()]):
            continue
        return first
    # "Esta vez no ha podido ser": a short "not ... this time".
    this_time = parts["THIS_TIME"].search(sentence)
    if this_time and len(sentence.split()) <= _SHORT_NO_WORDS and parts["NOT"].search(sentence):
        return this_time
    return None


def _settled(
    about: list[str], stated: list[str], order: tuple[str, ...], *, to_the_reader: bool = True
) -> list[str]:
    """The sentences that may say a no: none when the letter says the candidacy is still
    alive ("this is not a decision on your application"), whatever it regrets about a freeze
    or a delay; never one about what is not decided yet ("the position has not been filled
    yet"), a meeting moved, or the start of the job or its salary ("we can't move you to a
    different day", "I'm afraid it's a no on the base salary")."""
    if _found("STILL_IN", [s for s in stated if not _in_a_pool(s, order)], order):
        return []
    # "We have to cancel tomorrow. A new date will follow": the cancelling is of a meeting.
    rescheduled = _found("DAY_MOVED", stated, order) is not None
    return [
        s
        for s in about
        if _found("OFFER_WITHDRAWN", [s], order)
        or (
            not (_not_yet(s, order) or _found("SETTLING_IN", [s], order))
            and not _called_off(s, order)
            and not (rescheduled and _found("MOVED", [s], order))
            and not (to_the_reader and _THIRD_PERSON_NO.search(s))
        )
    ]


# A no about someone else, the pronoun right after it: "decided not to move forward with
# him", "haben sich gegen ihn entschieden", "n'ont pas retenu sa candidature à lui".
_THIRD_PERSON_NO = re.compile(
    r"(?:forward|proceed|progress|continue|ahead|further) with (?:him|her)\b|"
    r"(?:reject\w*|declin\w*|turn\w* down|pass\w* on) (?:him|her)\b|"
    r"gegen (?:ihn|sie als kandidatin)\b|mit (?:ihm|ihr) (?:nicht )?(?:weiter|fortfahren)|"
    r"(?:continuer|poursuivre|avancer) avec (?:lui|elle)\b|"
    r"(?:verder|door) met (?:hem|haar)\b|met (?:hem|haar) (?:\S+ )?(?:verder|door)\b|"
    r"(?:proseguire|andare avanti|continuare) con (?:lui|lei)\b|"
    r"(?:seguir|avancar|prosseguir|continuar) com (?:ele|ela)\b"
)


def _called_off(sentence: str, order: tuple[str, ...]) -> bool:
    """A meeting moved or called off, and no other no beside it: "the post has been filled,
    so the second interview will not take place" is still a no."""
    if not _meeting_moved(sentence, order):
        return False
    return not (_no([sentence], order) or _meant_no([sentence], order))


def _meeting_moved(sentence: str, order: tuple[str, ...]) -> bool:
    """ "I have to cancel our interview on Tuesday": a meeting moved or called off."""
    phrases = [BY_LANGUAGE[code] for code in order]
    if phrases and phrases[0]["DAY_MOVED"].search(sentence):
        return True
    return any(p["MOVED"].search(sentence) and p["MEETING"].search(sentence) for p in phrases)


def _in_a_pool(sentence: str, order: tuple[str, ...]) -> bool:
    """ "Your profile remains active in our talent pool": kept for later, not still in."""
    return any(BY_MEANING[code]["POOL"].search(sentence) for code in order)


def _not_yet(sentence: str, order: tuple[str, ...]) -> bool:
    return any(BY_MEANING[code]["YET"].search(sentence) for code in order)


def _kept(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """The CV kept on file or for future openings."""
    for code in order:
        parts = BY_MEANING[code]
        for sentence in sentences:
            keep = parts["KEEP"].search(sentence)
            if keep and parts["POOL"].search(sentence):
                return _Found(sentence[:120], code)
    return None


def _received(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    # "Thank you for your application. We have received it.": two sentences, one receipt.
    pairs = [" ".join(sentences[i : i + 2]) for i in range(len(sentences))]
    return _found("RECEIVED", sentences, order) or _both(pairs, order, "OBJECT", "RECEIVED_WORD")


# The rules, in order: the first that speaks decides. First whether it is job mail at all,
# then which kind of job mail.


def _about_something_else(signals: _Signals) -> _Verdict | None:
    # From the company of an application, a position named outweighs a word of elsewhere
    # ("charla" is a talk at a conference, and a chat with a hiring manager).
    ours = signals.sender and (signals.post or signals.no)
    # Nor is a no about a post ("seguir con otra persona" for the "puesto") undone by an
    # invitation to volunteer in the same letter.
    post_refused = signals.post and signals.no and signals.recruiting
    if signals.elsewhere and not (_job_words(signals) or signals.alert or ours or post_refused):
        reason = B(
            N("About something other than a job (“%(words)s”)"), words=signals.elsewhere.phrase
        )
        return _Verdict(MailKind.NOT_JOB_MAIL, 0.8, reason)
    # Job words follow ("the interview stage of this year's competition"), but what was
    # applied for is named, and no application of the user's explains the sender.
    # From the company's bank, shop or claims side ("your personal loan application") too.
    if (
        signals.applied_elsewhere
        and (not signals.sender or signals.product_side)
        and not post_refused
    ):
        reason = B(
            N("An application for something other than a job (“%(words)s”)"),
            words=signals.applied_elsewhere.phrase,
        )
        return _Verdict(MailKind.NOT_JOB_MAIL, 0.7, reason)
    return None


def _job_words(signals: _Signals) -> _Found | None:
    """The job words that outweigh a word of something else. Where nothing names a job (no
    post, no offer, no sender the user's applications explain), only a job's own words do:
    an interview with the admissions jury, the landlord's references or the bank's "current
    employment" are the school's, the flat's and the loan's."""
    if signals.sender or signals.post or signals.offer or signals.offered:
        return signals.job
    return signals.job_own


def _a_mailing(signals: _Signals) -> _Verdict | None:
    # A newsletter retells other people's rejections ("most said the position had been
    # filled"): a no in a mailing counts when it speaks of the reader's application.
    no = (signals.no or signals.regret) and signals.to_you
    said = no or signals.offer or signals.invite or signals.received
    # The company of an application sends newsletters too: its name alone does not make
    # one job mail (a thread, a subject or an applicant-tracking system does).
    sender = signals.sender and not signals.company_only
    # A recruiter's approach about a role carries an unsubscribe line too: it is job mail.
    approach = signals.outreach and signals.job
    if signals.mailing and not (sender or signals.alert or said or approach):
        reason = B(N("A mailing that is not about one of your applications"))
        return _Verdict(MailKind.NOT_JOB_MAIL, 0.7, reason)
    return None


def _from_a_friend(signals: _Signals) -> _Verdict | None:
    # A friend asking how the interview went: job words, but not job mail. A referee telling
    # the user an employer rang them for a reference is news of the user's own process.
    said = signals.no or signals.offer or signals.invite or signals.received or signals.referee
    if signals.friend and not (said or signals.lead):
        reason = B(N("From a personal mailbox, and it decides nothing about an application"))
        return _Verdict(MailKind.NOT_JOB_MAIL, 0.6, reason)
    return None


def _a_friends_own_news(signals: _Signals) -> _Verdict | None:
    # A friend telling their own news ("ik ben aangenomen!", "just got rejected from Hooli
    # lol", "I'm in the last round, could I put you down as a reference?") names employers,
    # interviews and noes, yet none of it is a step of the user's search.
    if signals.personal and signals.own_news:
        reason = B(
            N("A friend's own news about their job search (“%(words)s”)"),
            words=signals.own_news.phrase,
        )
        return _Verdict(MailKind.NOT_JOB_MAIL, 0.6, reason)
    return None


def _nothing_about_a_job(signals: _Signals) -> _Verdict | None:
    # "Application" alone decides only with the sender's or a receipt's help.
    applied = signals.applied and (signals.sender or signals.acknowledged)
    words = signals.job or signals.terms or signals.post or signals.alert or signals.offer
    words = words or signals.no
    if not (words or _sender_says_job_mail(signals) or applied):
        return _Verdict(
            MailKind.NOT_JOB_MAIL, 0.7, B(N("Nothing in it is about a job application"))
        )
    return None


def _sender_says_job_mail(signals: _Signals) -> bool:
    """The company of an application also sends its product's news, a claim's settlement, a
    subscription: from its careers mailbox or a person there anything is job mail, from any
    other address only what speaks of a candidacy."""
    if not signals.sender:
        return False
    if signals.recruiting or not signals.company_only:
        return True
    said = (signals.applied, signals.kept, signals.invite, signals.received)
    # From its claims side a regret alone ("we cannot pay this claim") speaks of no candidacy.
    regret = signals.regret and not signals.product_side
    return any(said) or bool(regret or signals.interest or signals.offered)


def _an_alert(signals: _Signals) -> _Verdict | None:
    # A rejection's footer invites to set up job alerts; an alert itself is a mailing. A job
    # board's update on the user's own application is news about it, whatever jobs it adds.
    about_yours = (signals.no or signals.regret) and signals.to_you
    if (
        signals.alert
        and not about_yours
        and (signals.mailing or not (signals.no or signals.regret))
    ):
        reason = B(N("A job board's alert (“%(words)s”)"), words=signals.alert.phrase)
        return _Verdict(MailKind.OTHER_JOB_MAIL, 0.7, reason)
    return None


def _someone_elses_letter(signals: _Signals) -> _Verdict | None:
    # A friend passing on their own no, offer or invitation shares their news: it is no step
    # of the user's search, and the user's inbox is not the place to keep it.
    said = signals.no or signals.regret or signals.offer or signals.invite
    if signals.someone_else and said:
        reason = B(
            N("Passes on a letter written to someone else (%(address)s)"),
            address=signals.someone_else,
        )
        return _Verdict(MailKind.NOT_JOB_MAIL, 0.6, reason)
    return None


def _the_users_own_letter(signals: _Signals) -> _Verdict | None:
    # The user's own reply (thanks for an invitation, a withdrawal) quotes the employer's
    # words and names the next round: it is news of the search, no step the employer took.
    if signals.by_user:
        return _other_job_mail(signals)
    return None


def _an_offer(signals: _Signals) -> _Verdict | None:
    offer = signals.offer or signals.offered
    if offer:
        return _Verdict(
            MailKind.OFFER, 0.8, B(N("Speaks of an offer (“%(words)s”)"), words=offer.phrase)
        )
    return None


def _a_no(signals: _Signals) -> _Verdict | None:
    # A receipt or an invitation may keep the CV on file too: then it is not a no.
    kept = signals.kept if not (signals.received or signals.invite) else None
    said = signals.no or signals.regret or kept
    if said and not signals.withdrew:
        return _Verdict(MailKind.REJECTION, 0.9, B(N("Says no (“%(words)s”)"), words=said.phrase))
    return None


def _an_invitation(signals: _Signals) -> _Verdict | None:
    if signals.invite:
        reason = B(N("Asks to meet (“%(words)s”)"), words=signals.invite.phrase)
        return _Verdict(MailKind.INTERVIEW_INVITATION, 0.75, reason)
    return None


def _a_receipt(signals: _Signals) -> _Verdict | None:
    received = signals.received or signals.interest
    if received:
        reason = B(N("Confirms an application (“%(words)s”)"), words=received.phrase)
        return _Verdict(MailKind.APPLICATION_RECEIVED, 0.8, reason)
    return None


def _other_job_mail(signals: _Signals) -> _Verdict:
    word = signals.job or signals.post or signals.applied
    reason = (
        B(N("About a job (“%(words)s”)"), words=word.phrase)
        if word
        else B(N("From someone you applied to"))
    )
    return _Verdict(MailKind.OTHER_JOB_MAIL, 0.6, reason)


_RULES = (
    _about_something_else,
    _a_mailing,
    _from_a_friend,
    _a_friends_own_news,
    _nothing_about_a_job,
    _an_alert,
    _someone_elses_letter,
    _the_users_own_letter,
    _an_offer,
    _a_no,
    _an_invitation,
    _a_receipt,
)


def letter_of(message: Message) -> str:
    """The text that says what the mail is: the newest part, or what a short note passes on."""
    passed = _passed_on(message)
    if passed:
        return (message.segments[0].text + "\n" + passed.text)[:_ANALYSED_CHARS]
    return (message.newest or message.body)[:_ANALYSED_CHARS]


def _passed_on(message: Message) -> Segment | None:
    """The letter a forward or a short note passes on, or None."""
    segments = message.segments
    # A forward is sent to pass its letter on, whatever the friend wrote above it.
    passes_on = len(segments) > 1 and (
        segments[1].how == "forward" or len(segments[0].text.split()) <= _SHORT_NOTE_WORDS
    )
    if not passes_on:
        return None
    # Apple Mail's "Begin forwarded message:" over quoted headers splits into empty blocks
    # before the letter: the letter is the first block that says something.
    at = next((i for i, s in enumerate(segments) if i and s.text.strip()), 0)
    if not at:
        return None
    # Its header block may be an empty block of its own, just before the letter's text.
    recipient = next((s.recipient_email for s in segments[1 : at + 1] if s.recipient_email), "")
    return replace(segments[at], recipient_email=recipient)


def _found(family: str, sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    tried: set[re.Pattern[str]] = set()
    for code in order:
        pattern = BY_LANGUAGE[code].get(family)
        # The families written for every language are one pattern: searched once.
        if pattern is None or pattern in tried:
            continue
        tried.add(pattern)
        for sentence in sentences:
            match = pattern.search(sentence)
            if match:
                return _Found(match.group(0), code)
    return None


def _decided(sentence: str, order: tuple[str, ...]) -> str:
    """What a sentence decides: nothing when it speaks of the process, and only what comes
    before an "if" ("Your offer letter is attached, let me know if you have questions")."""
    if any(BY_LANGUAGE[code]["ASIDE"].search(sentence) for code in order):
        return ""
    # "If" only in the mail's own language: the Italian "se" is the Spanish "se ajusta".
    supposes = BY_LANGUAGE[order[0]]["IF"].search(sentence)
    return sentence[: supposes.start()] if supposes else sentence


def _offer(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """An offer made, not one refused ("we are unable to offer you the role")."""
    for code in order:
        phrases = BY_LANGUAGE[code]
        for sentence in sentences:
            match = phrases["OFFER"].search(sentence)
            # "...afin de pouvoir vous proposer d'autres opportunités": kept for later.
            later = match and _OTHER_OPENINGS.match(sentence, match.end())
            if match and not later and not phrases["NEGATION"].search(sentence[: match.start()]):
                return _Found(match.group(0), code)
    return None


# A verb of making just before the contract's word: the reader is asked to write it.
_TO_PREPARE = re.compile(
    r"(?<!\w)(?:prepare|write|draft|put together|come up with|sketch|erarbeit\w*|ausarbeit\w*|"
    r"erstell\w*|vorbereit\w*|prepar\w*|rediger|redig\w*|elabor\w*|redact\w*|plante\w*|"
    r"uitwerk\w*|opstell\w*|schrijv\w*|scriv\w*|montar|monte\w*)(?: \S+){0,5}? (?:\S+ )?$"
)


# What an offer of other openings starts with: "d'autres opportunités", "other roles".
_OTHER_OPENINGS = re.compile(
    r" (?:\S+ ){0,2}?(?:d'autres|other|others|otras|otros|altre|altri|outras|outros|andere\w*|"
    r"weitere\w*|nuove|nuovi|new|future|futures|futuras|futuros|futur\w*|toekomstige|nieuwe)(?!\w)"
)


def _softened_no(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """ "Unfortunately" with a "not" about the user's application: a no in other words."""
    for code in order:
        phrases = BY_LANGUAGE[code]
        for sentence in sentences:
            soft = phrases["SOFTENER"].search(sentence)
            # "Unfortunately your form came through blank, it may not have saved": a guess at
            # what went wrong says "not" about the sending, not about the candidate.
            stated = phrases["GUESS"].sub(" ", sentence)
            if soft and phrases["NEGATION"].search(stated) and phrases["OBJECT"].search(sentence):
                return _Found(soft.group(0), code)
    return None


def _both(sentences: list[str], order: tuple[str, ...], first: str, second: str) -> _Found | None:
    """Two families in one sentence: "applicants whose experience is a closer match"."""
    for code in order:
        phrases = BY_LANGUAGE[code]
        for sentence in sentences:
            found = phrases[first].search(sentence)
            if found and phrases[second].search(sentence):
                return _Found(sentence[:120], code)
    return None


def _chose_another(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """Someone else chosen, in any words: "the team went with another engineer"."""
    return _both(sentences, order, "CHOOSE", "OTHER_ONE")


def _refused(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """A "not" before going on: "won't be inviting you", "nao seguir com sua candidatura"."""
    for code in order:
        phrases = BY_LANGUAGE[code]
        for sentence in sentences:
            found = phrases["REFUSED"].search(sentence)
            if found and not phrases["HESITATE"].search(sentence):
                return _Found(found.group(0), code)
    return None


def _offered(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """An offer in other words: "we'd like to offer you the role", "your contract attached"."""
    for code in order:
        phrases = BY_LANGUAGE[code]
        for index, sentence in enumerate(sentences):
            verb = phrases["OFFER_VERB"].search(sentence)
            later = verb and _OTHER_OPENINGS.match(sentence, verb.end())
            if verb and not later and not phrases["NEGATION"].search(sentence[: verb.start()]):
                return _Found(verb.group(0), code)
            pair = " ".join(sentences[index : index + 2])
            contract = phrases["CONTRACT"].search(pair)
            refused = contract and phrases["NEGATION"].search(pair[: contract.start()])
            # "Prepare a short analysis and a proposal": the reader's work, not an offer.
            refused = refused or (contract and _TO_PREPARE.search(pair[: contract.start()]))
            if contract and phrases["ATTACHED"].search(pair) and not refused:
                return _Found(contract.group(0), code)
    return None


def _invited(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """A proposal to meet: the invitation phrases, or a meeting with a time or a question of
    when ("Would Thursday 10 December at 11:00 work?"), or the next round named."""
    # A meeting moved or called off is news about one already arranged, however politely
    # the new time is asked for.
    if _found("MOVED", sentences, order):
        return None
    # "No decision on the invitation has been made yet": a meeting not decided asks for none.
    sentences = [s for s in sentences if not _not_yet(s, order)]
    # A recruiter's first approach asks for a call about a role, not for an interview.
    if _found("OUTREACH", sentences, order):
        return None
    invitation = _invitation_phrase(sentences, order)
    if invitation:
        return invitation
    return _found("SPARE_TIME", sentences, order) or _meeting_proposed(sentences, order)


def _invitation_phrase(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    for code in order:
        phrases = BY_LANGUAGE[code]
        for index, sentence in enumerate(sentences):
            invite = phrases["INVITE"].search(sentence)
            if not invite or phrases["NEGATION"].search(sentence[: invite.start()]):
                continue
            # "We'd like to invite you to the next stage: an online test": a test to take,
            # with no meeting named, is no invitation to meet.
            pair = " ".join(sentences[index : index + 2])
            if phrases["TEST"].search(pair) and not phrases["MEETING"].search(pair):
                continue
            return _Found(invite.group(0), code)
    return None


def _meeting_proposed(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    for code in order:
        phrases = BY_LANGUAGE[code]
        for index, sentence in enumerate(sentences):
            follow = sentences[index + 1] if index + 1 < len(sentences) else ""
            if _proposes_meeting(phrases, sentence, follow):
                return _Found(sentence[:120], code)
    return None


def _proposes_meeting(phrases: dict[str, re.Pattern[str]], sentence: str, follow: str) -> bool:
    """A meeting not refused, with a when or as the next round; not thanks for one held,
    nor one moved or called off, nor a meeting only spoken of while asking to send
    something, nor one on a day gone by ("the interview last Friday") or whose travel costs
    are claimed, nor one the sender will come back about later."""
    held = ("HELD", "ASKS_TO_SEND", "MOVED", "PAST", "COSTS", "LATER")
    if any(phrases[part].search(sentence) for part in held):
        return False
    # The last meeting word: "two of the panel are off sick, so we can't run the session".
    meetings = list(phrases["MEETING"].finditer(sentence))
    if not meetings or phrases["NEGATION"].search(sentence[: meetings[-1].start()]):
        return False
    return bool(_asks_when(phrases, sentence, follow) or phrases["NEXT"].search(sentence))


def _asks_when(phrases: dict[str, re.Pattern[str]], sentence: str, follow: str) -> bool:
    """A time or a question of when, in the sentence or in the one after it."""
    if WHEN.search(sentence) or phrases["AVAILABLE"].search(sentence):
        return True
    return bool(WHEN.search(follow) and phrases["AVAILABLE"].search(follow))


def _sender_address(message: Message, passed: Segment | None) -> str:
    """Who wrote the letter: a forward's author, else the From: address."""
    segments = message.segments
    # A reply's quoted part is what it answers (often the user's own mail), not its sender.
    if len(segments) > 1 and segments[1].how == "forward":
        # Apple Mail's quoted header block is a block of its own, after the forward's mark.
        return segments[1].author_email or (passed and passed.author_email) or message.from_email
    return (message.newest_author or ("", message.from_email))[1] or message.from_email


def _sender_context(message: Message, sender: str, context: MailContext) -> tuple[str, bool, bool]:
    """Why the sender alone makes it job mail ("" when it does not); whether that is the
    process itself (an applicant-tracking system, a known thread or subject: job mail
    whatever it says) rather than only the company of an application; and whether the mail
    comes from that company's own address (rather than naming it)."""
    ats = _sent_by_ats(sender)
    thread = _in_a_known_thread(message, context)
    subject = _on_a_known_subject(message, context)
    company = _from_an_applied_domain(sender, context) or _from_an_applied_company(
        message, sender, context
    )
    reason = ats or thread or company or subject or _names_an_application(message, context)
    return reason, bool(ats or thread or subject), bool(company)


# A careers mailbox, by its address's local part or its display name, in seven languages.
_RECRUITING_MAILBOX = re.compile(
    r"career|job|recruit|talent|hiring|(?<![a-z])(?:hr|rh|rrhh|ta|people)(?![a-z])|karriere|bewerb|"
    r"personal|emploi|empleo|trabaj|vacature|werkenbij|werken bij|werving|lavora|selezion|"
    r"seleccion|selecao|vaga|recrut|reclut|candidat|staffing|onboarding|trainee|graduate|"
    r"apprentice|ausbildung"
)


def _careers_or_a_person(message: Message, sender: str, context: MailContext) -> bool:
    """A careers mailbox, or a person (dana.smith@, "Dana Smith"): not the company's news@
    or its claims department."""
    local = sender.partition("@")[0]
    if _RECRUITING_MAILBOX.search(fold(f"{local} {message.from_name}")):
        return True
    person_like = re.fullmatch(r"[a-z]+[._-][a-z]+", local) is not None
    name = " ".join(message.from_name.split())
    return person_like or (bool(name) and is_person_name(name, context.company_names))


def _sent_by_ats(sender: str) -> str:
    if sender and addresses.is_ats(sender):
        return B(ATS_SENT, domain=addresses.domain_of(sender))
    return ""


def _in_a_known_thread(message: Message, context: MailContext) -> str:
    threads = {t.strip("<> ").lower() for t in context.thread_ids} - {""}
    replied = {t.strip("<> ").lower() for t in (message.in_reply_to, *message.references)}
    if threads & replied:
        return B(N("A reply in a conversation about one of your applications"))
    return ""


def _organisation(sender: str) -> str:
    return addresses.organisation_label(sender) if "@" in sender else ""


def _from_an_applied_domain(sender: str, context: MailContext) -> str:
    label = _organisation(sender)
    if label and squash(label) in _squashed(tuple(context.company_domains)):
        return B(
            N("From %(domain)s, the domain of one of your applications"),
            domain=addresses.domain_of(sender),
        )
    return ""


def _from_an_applied_company(message: Message, sender: str, context: MailContext) -> str:
    """The company named by the sender's domain or in the sender's name."""
    organisation = _organisation(sender)
    label = squash(organisation)
    name = squash(message.from_name)
    companies = tuple(context.company_names)
    raw_label = fold(organisation)
    for company, keys in zip(companies, _squashed_in_order(companies), strict=True):
        for key in keys:
            # "acme-stores.com" is Acme's, and so is "globexhotels.com" (a longer name).
            prefix = raw_label.startswith(f"{key}-") or (len(key) >= 5 and label.startswith(key))
            if len(key) >= 3 and (key == label or prefix or (name and key in name)):
                return B(N("From %(company)s, one of your applications"), company=company)
    return ""


def _names_an_application(message: Message, context: MailContext) -> str:
    """Text the user pasted (no sender at all) that names the company of an application
    ("Datamar me ha dicho que no siguen contigo", from a recruiter's chat), or a subject
    that does (an agency's "Re: Initech")."""
    pasted = not (message.from_email or message.from_name)
    text = fold(message.body[:_ANALYSED_CHARS] if pasted else message.subject)
    for company in context.company_names:
        if names(text, company):
            return B(N("Names %(company)s, one of your applications"), company=company)
    return ""


def _on_a_known_subject(message: Message, context: MailContext) -> str:
    subject = _subject_key(message.subject)
    if subject and subject in _subject_keys(tuple(context.subjects)):
        return B(N("The subject of a conversation about one of your applications"))
    return ""


# A poll reads many messages with one context: its keys are worked out once.
@lru_cache(maxsize=8)
def _squashed(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(key for n in names for key in spellings(n))


@lru_cache(maxsize=8)
def _squashed_in_order(names: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(spellings(n) for n in names)


@lru_cache(maxsize=8)
def _subject_keys(subjects: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_subject_key(s) for s in subjects)


def _subject_key(subject: str) -> str:
    """A subject without its "Re:", "Fwd:", "AW:" marks."""
    return re.sub(r"^(?:\s*(?:re|fwd?|aw|wg|tr|rv|res|enc|r|i|sv|vs)\s*:\s*)+", "", fold(subject))
