"""What a saved rejection email said that changes the reply, and what the reply takes up:
an offered call or feedback, a wish to stay in touch, praise, an event.

Pure: no ORM, no I/O. Each family of phrases is a regular expression by meaning, in
English, German, French and Spanish (the offers, praise and events in Dutch, Italian and
Portuguese too), written without nested repetition so it runs in
time linear in the text (a pasted email is at most 20,000 characters). The rules read
the result; the words of the reply stay in drafts.py.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext

# Gaps inside one sentence, bounded so no pattern can backtrack across a whole email.
_GAP = r"[^.!?]{0,40}?"
_NEAR = r"[^.!?,;]{0,30}?"


def _word_set(*texts: str) -> frozenset[str]:
    return frozenset(" ".join(texts).split())


def _family(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# "We cannot give individual feedback": asking for it would only ask again.
NO_FEEDBACK = _family(
    rf"\b(?:unable|not able|cannot|can ?not|can't|won't|will not|do not|don't|"
    rf"not in a position)\b(?: to)? (?:provide|give|offer|share|send)\b{_NEAR}\bfeedback\b",
    r"\bno (?:individual |personal |specific |detailed )?feedback\b",
    r"\bfeedback (?:is not|isn't) (?:something we|possible|available)",
    r"\bkein(?:e|en)? (?:individuelle[sn]? |persönliche[sn]? |detaillierte[sn]? )?"
    r"(?:feedback|rückmeldung|begründung)",
    rf"\b(?:feedback|rückmeldung|begründung)\b{_GAP}\bnicht\b{_NEAR}(?:geben|möglich|erteilen)",
    rf"\b(?:ne (?:pouvons|pourrons|sommes) pas|pas en mesure|impossible)\b{_GAP}"
    r"\b(?:retours?|commentaires?|feedback|explications?)\b",
    r"\bpas de (?:retours?|commentaires?|feedback) (?:individuel|personnalisé|détaillé)",
    rf"\bno (?:podemos|nos es posible|es posible|estamos en disposición de|solemos)\b{_GAP}"
    r"\b(?:comentarios|feedback|retroalimentaci[oó]n|valoraci[oó]n|explicaci[oó]n)",
)

# The email already says why: a request for advice would sound as if it was not read.
REASON_GIVEN = _family(
    r"\b(?:more|deeper|stronger|additional|direct|hands-on|broader) (?:[\w-]+ ){0,3}"
    r"(?:experience|background|expertise)\b",
    rf"\blooking for (?:someone|a candidate|candidates|a person|a profile)\b{_GAP}\b(?:with|who)\b",
    r"\bmore (?:senior|junior)\b",
    r"\bcloser (?:match|fit)\b",
    r"\b(?:more closely|better) (?:match|matches|matched|aligns?|aligned|fits?|suited)\b",
    r"\b(?:position|role|vacancy|opening) (?:has|had) (?:now |already )?been "
    r"(?:filled|closed|cancel+ed|put on hold)",
    r"\b(?:position|role) (?:is|was) (?:now )?(?:filled|on hold|closed|no longer available)",
    r"\binternal candidate|\bfilled internally|\bhiring freeze|\bbudget\b|\bheadcount\b",
    r"\bbecause (?:you|your|of your|we need)|\bthe reason (?:is|was)\b",
    r"\b(?:mehr|mehrjährige|umfangreichere|tiefere) (?:\w+ ){0,2}(?:erfahrung|kenntnisse)",
    r"\bpassendere[nr]?\b|\bintern besetzt|\beinstellungsstopp|\bweil (?:sie|ihr|ihnen|wir)\b",
    r"\b(?:stelle|position) (?:wurde|ist) (?:bereits |inzwischen |intern )?(?:besetzt|vergeben)",
    r"\bplus d'exp[ée]rience|\bprofil (?:plus|correspondant davantage)|\bpourvu en interne",
    r"\bposte (?:a été|est) (?:déjà )?(?:pourvu|fermé|annulé)|\bparce que\b|\bgel des recrutements",
    r"\bm[aá]s experiencia|\bperfil (?:m[aá]s|que se ajusta|que encaja)|\bcubiert[oa] internamente",
    r"\b(?:puesto|vacante|posici[oó]n) (?:ha sido|ya ha sido|fue|está|ya está) "
    r"(?:cubiert[oa]|cerrad[oa]|cancelad[oa])",
    r"\bporque (?:tu|su|usted|buscamos|necesitamos)\b",
)

# An invitation to apply again.
APPLY_AGAIN = _family(
    r"\bre-?apply\b|\bapply again\b|\bfeel free to apply\b",
    r"\b(?:encourage|invite|welcome|urge) you to (?:re-?apply|apply|put yourself forward)\b",
    r"\bhope (?:to see you|you will|you'll) (?:re-?)?apply\b",
    r"\bapply (?:for|to) (?:other|future|another|upcoming) (?:roles?|positions?|openings?|"
    r"opportunities|vacancies)",
    rf"\b(?:erneut|wieder|nochmals)\b{_NEAR}\bbewerb",
    r"\b(?:erneute|weitere|zukünftige|künftige)n? bewerbung",
    r"\b(?:postuler|candidater) (?:à nouveau|de nouveau)|\b(?:à nouveau|de nouveau) "
    r"(?:postuler|candidater)|\brepostuler|\bnouvelle candidature",
    r"\bn'hésitez pas à (?:postuler|candidater|nous recontacter)",
    r"\b(?:vuelv[ae]s? a|volver a) (?:postular|aplicar|presentar|enviar)|\bnueva candidatura",
    r"\bno dud(?:e|es) en (?:postular|aplicar|presentar)|\b(?:postular|aplicar)(?:te|se)? de nuevo",
)

# They will keep the user in mind (or get in touch when something fits).
KEEP_IN_MIND = _family(
    r"\bkeep (?:you|your (?:details|profile|cv|resume|résumé|information|name)) in "
    r"(?:mind|our thoughts|the loop)",
    rf"\bkeep (?:you|your)\b{_NEAR}\bon file\b",
    r"\b(?:reach out|get back|get in touch|come back) (?:to you )?(?:if|when|should|as soon)",
    r"\b(?:be|stay|keep) in touch (?:if|when|about|regarding|should)",
    r"\bthink of you (?:for|if|when)\b",
    r"\b(?:contact|let) you (?:know )?(?:if|when|should|as soon as) (?:a|an|another|something|"
    r"anything|we|there)\b",
    r"\b(?:in evidenz|im hinterkopf|vormerken|vorgemerkt|talent-?pool|bewerberpool)\b",
    r"\bauf (?:sie|dich) zu(?:kommen|rückkommen)|\bmelden uns\b[^.!?]{0,20}\b(?:wenn|sobald|falls)",
    r"\b(?:garder|conserver|gardons|conservons|garderons|conserverons) (?:précieusement )?"
    r"(?:votre|ton) (?:profil|candidature|cv|dossier|contact)",
    r"\breviendrons vers vous|\bvivier\b|\bpenser à vous",
    rf"\brecontacter\w*\b{_NEAR}\b(?:si|dès|lorsque)",
    r"\b(?:tener|tendremos|tenerte|tenerle)(?:te|le)? (?:muy )?(?:en cuenta|presente)",
    r"\b(?:conservaremos|guardaremos|mantendremos) (?:tu|su) (?:perfil|cv|candidatura|datos)",
    r"\bnos pondremos en contacto (?:contigo |con usted )?(?:si|cuando|en cuanto)",
)

# Hiring later: the sentence that says so may name the team and the time.
HIRING_LATER = _family(
    # A plan, not the noun: "will be hiring", "expects to open", never "the hiring team".
    r"\b(?:will|'ll|expects? to|expecting to|plans? to|planning to|going to|hopes? to|"
    r"likely to)\b[^.!?]{0,20}?\b(?:hiring|hire|open|opening|recruit\w*)\b",
    r"\b(?:hiring|hire|recruiting) (?:again|more)\b",
    r"\b(?:new|more|another|additional|further) (?:[\w-]+ ){0,2}"
    r"(?:roles|positions|openings|headcount|vacancies|reqs)\b",
    r"\b(?:neue|weitere) (?:stellen|positionen)|\bstellen ausschreiben",
    r"\b(?:nouveaux|d'autres) postes|\brecrut(?:er|ons|erons)\b",
    r"\b(?:nuevas|otras) vacantes|\bnuevos puestos|\bcontrataremos\b",
)
# Things offered or said that the reply takes up, rather than asks for again.
# An offer: "happy to set up a short call", "gerne stehe ich für ein Telefonat zur Verfügung".
OFFERS_CALL = _family(
    rf"\b(?:happy|glad|pleased|willing|open|available|free)\b{_GAP}\b(?:call|chat|talk|"
    r"phone|zoom|conversation)\b",
    r"\b(?:set up|schedule|arrange|offer|jump on|hop on|have) (?:a |an )?(?:quick |short |brief )?"
    r"(?:call|chat|phone call|video call)\b",
    rf"\bif you(?:'d| would)? (?:like|want)\b{_GAP}\b(?:call|chat|talk)\b",
    rf"\b(?:gerne?|bieten?|anbieten)\b{_GAP}\b(?:telefonat|gespräch|anruf|call|austausch|"
    r"telefonisch)",
    rf"\b(?:telefonat|gespräch|anruf|call)\b{_GAP}\b(?:anbieten|gerne?|zur verfügung)",
    rf"\b(?:ravie?s?|heureux|heureuse|disponibles?|volontiers|proposer?|propose)\b{_GAP}"
    r"\b(?:appel|échange|échanger|entretien téléphonique|visio|en parler)",
    rf"\b(?:encantad[oa]s?|dispuest[oa]s?|gustar[íi]a|ofrecer|ofrecemos|podemos)\b{_GAP}"
    r"\b(?:llamada|conversaci[oó]n|hablar|charlar)",
    rf"\b(?:graag|bereid|beschikbaar|aanbieden)\b{_GAP}\b(?:gesprek|telefoongesprek|belletje|bellen|"
    r"videocall)",
    rf"\b(?:disponibil[ei]|felic[ei]|volentieri|offrir\w*|possiamo)\b{_GAP}\b(?:chiamata|"
    r"telefonata|call|colloquio telefonico|parlarne)",
    rf"\b(?:dispon[íi]ve(?:l|is)|feliz(?:es)?|oferecer|podemos|gostar[íi]amos)\b{_GAP}"
    r"\b(?:liga[cç][aã]o|chamada|conversa|call)",
)
# Feedback offered (not refused): "happy to share the panel's feedback".
OFFERS_FEEDBACK = _family(
    # A call offered to go through the feedback: "ein kurzes Telefonat, um Ihnen das Feedback".
    rf"\b(?:call|chat|telefonat|gespräch|anruf|appel|échange|llamada|gesprek|telefoongesprek|"
    rf"chiamata|telefonata|ligação|chamada|conversa)\b{_GAP}\b(?:feedback|rückmeldung|retours?|"
    r"comentarios|terugkoppeling|riscontro|retorno)\b",
    rf"\b(?:happy|glad|pleased|willing|like|love|offer|can|could)\b{_GAP}\b(?:share|give|"
    rf"provide|pass on|walk you through|go through|talk through)\b{_NEAR}\bfeedback\b",
    rf"\bfeedback\b{_GAP}\b(?:if|should) you(?:'d| would)? (?:like|want|find it useful)",
    rf"\b(?:gerne?|anbieten|bieten)\b{_GAP}\b(?:feedback|rückmeldung)",
    rf"\b(?:feedback|rückmeldung)\b{_GAP}\b(?:gerne?|anbieten|geben wir)",
    rf"\b(?:ravie?s?|heureux|heureuse|volontiers|proposer?|propose|pouvons)\b{_GAP}"
    r"\b(?:retours?|feedback|commentaires)\b",
    rf"\b(?:encantad[oa]s?|gustar[íi]a|ofrecer|podemos|dispuest[oa]s?)\b{_GAP}"
    r"\b(?:feedback|comentarios|retroalimentaci[oó]n)",
    rf"\b(?:graag|bereid|aanbieden)\b{_GAP}\b(?:feedback|terugkoppeling)",
    rf"\b(?:felic[ei]|volentieri|disponibil[ei]|possiamo|offrir\w*)\b{_GAP}\b(?:feedback|riscontro)",
    rf"\b(?:feliz(?:es)?|dispon[íi]ve(?:l|is)|podemos|oferecer|gostar[íi]amos)\b{_GAP}"
    r"\b(?:feedback|retorno|devolutiva)",
)
# They would like to stay in touch (an offer, not "we will be in touch if").
STAY_IN_TOUCH = _family(
    r"\b(?:stay|keep|remain) in (?:touch|contact)\b(?! (?:if|when|should))",
    r"\bconnect on linkedin\b",
    r"\bin kontakt (?:zu )?bleiben\b",
    r"\b(?:rester|restons|garder le|gardons le|garder) (?:en )?(?:contact|lien)\b",
    r"\b(?:mantener(?:nos)?|seguir) en contacto\b",
    r"\b(?:in contact|contact houden|in verbinding) (?:blijven|te blijven|houden)\b",
    r"\b(?:restare|rimanere|rimaniamo|restiamo) in contatto\b",
    r"\b(?:manter|mantermos|ficar|mantenhamos) (?:o )?(?:em )?contato\b|\bmanter-nos em contacto",
)
# Praise of the user: "the panel was impressed by your pipeline design".
PRAISE = _family(
    r"\b(?:impressed|impressive|really enjoyed|great impression|strong candidate|"
    r"excellent candidate|outstanding|loved your|liked your)\b",
    r"\b(?:beeindruckt|beeindruckend|überzeugt hat|hervorragend|sehr gefallen|starken eindruck)",
    r"\b(?:impressionn[ée]s?|excellente? impression|très appréci[ée]|remarquable)",
    r"\b(?:impresionad[oa]s?|muy buena impresi[oó]n|excelente|nos gust[oó] mucho)",
    r"\b(?:onder de indruk|indrukwekkend|uitstekend|sterke indruk)",
    r"\b(?:colpit[oi]|impressionat[oi]|ottima impressione|eccellente)",
    r"\b(?:impressionad[oa]s?|[óo]tima impress[aã]o|excelente|gostamos muito)",
)
PRAISED = re.compile(
    r"\bimpressed (?:by|with) ((?:your|the) [^.!?,;]{3,50}?)(?=[.!?,;]| and\b| but\b|$)",
    re.IGNORECASE,
)
# "We'll keep your details on file", in its many forms.
ON_FILE = _family(
    r"\bon file\b|\bin our (?:talent pool|database|records|system)\b",
    r"\b(?:talent-?pool|bewerberpool|in evidenz|datenbank)\b",
    r"\b(?:vivier|base de données|base de candidats)\b",
    r"\b(?:base de datos|banco de talento|bolsa de (?:empleo|talento)|cartera de candidatos)\b",
    r"\b(?:in ons bestand|in onze database|talentpool)\b",
    r"\b(?:nel nostro database|banca dati|nostro archivio)\b",
    r"\b(?:banco de talentos|base de dados|nosso cadastro|nossa base)\b",
)
# A named event: "our Data Meetup", "the Berlin Tech Night on 12 March".
EVENT = re.compile(
    # Each word bounded, so no pattern backtracks across a long run of one "word".
    r"\b((?:(?-i:[A-Z0-9])[\w&'.-]{0,30}\s){0,4}"
    r"(?-i:Meetup|Meet-up|Conference|Summit|Hackathon|Open Day|Open House|Career Fair|Job Fair|"
    r"Tech Talk|Tech Night|Afterwork|Konferenz|Karrieretag|Jobmesse|Salon|Forum|Congreso|"
    r"Jornada|Feria|Evento|Conferenza|Congresso|Encontro|Meetup Night)"
    r"(?:\s(?-i:[A-Z0-9])[\w&'-]{0,30}){0,2})",
)
# An event word must be among these for a capitalised phrase to count as an event.
_EVENT_WORDS = re.compile(
    r"\b(?:meetup|meet-up|conference|summit|hackathon|open (?:day|house)|career fair|job fair|"
    r"tech (?:talk|night)|afterwork|konferenz|karrieretag|jobmesse|salon|forum|congreso|"
    r"jornada|feria|evento|conferenza|congresso|encontro|event|veranstaltung|événement|"
    r"evenement|bijeenkomst)\b",
    re.IGNORECASE,
)
TEAM = re.compile(r"\b(?:the|our) ((?:(?-i:[A-Z])[\w&-]*\s){1,3})team\b", re.IGNORECASE)
WHEN = re.compile(
    r"\b(?:(?:early|late|later|mid|in|by|next|this|from)\s(?:(?:in|the|next|this)\s){0,2}"
    r"(?:Q[1-4]|spring|summer|autumn|fall|winter|january|february|march|april|june|july|"
    r"august|september|october|november|december|year|quarter)\b(?:\s(?:of\s)?20\d\d)?|"
    r"in the new year|in (?:a few|the coming|a couple of) (?:weeks|months))",
    re.IGNORECASE,
)
# A reply chain: what follows "On …, Dana wrote:" is the user's own earlier message.
_QUOTED = re.compile(
    r"^(?:on\b.{0,200}\bwrote:|am\b.{0,200}\bschrieb\b.{0,100}:|le\b.{0,200}\ba écrit\s?:|"
    r"el\b.{0,200}\bescribió:|-{2,}\s*(?:original message|ursprüngliche nachricht|"
    r"message d'origine|mensaje original))",
    re.IGNORECASE | re.MULTILINE,
)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
MAX_READ = 20_000
TAKEN_UP_READ = 4_000


@dataclass(frozen=True)
class Said:
    reason_given: bool = False
    no_feedback: bool = False
    apply_again: bool = False
    keep_in_mind: bool = False
    hiring_later: bool = False
    # As written (English only): "Platform team", "in the spring".
    team: str = ""
    when: str = ""
    # What the reply takes up: what they offered, their praise, an event they named.
    offers_call: bool = False
    offers_feedback: bool = False
    stay_in_touch: bool = False
    praise: bool = False
    # As written (English only): "your pipeline design".
    praised: str = ""
    on_file: bool = False
    event: str = ""

    @property
    def door_open(self) -> bool:
        """They said the door stays open: acknowledge it rather than ask for it."""
        return (
            self.apply_again
            or self.keep_in_mind
            or self.on_file
            or self.hiring_later
            or self.stay_in_touch
        )

    @property
    def answers_feedback(self) -> bool:
        return self.reason_given or self.no_feedback or self.offers_feedback or self.offers_call

    @property
    def taken_up(self) -> tuple[str, ...]:
        """What the reply takes up, in the words of the reason (the active language's)."""
        if self.offers_call and self.offers_feedback:
            offered = gettext("the call and feedback they offered (accepted, not asked for again)")
        elif self.offers_call:
            offered = gettext("the call they offered (accepted, not asked for again)")
        else:
            offered = gettext("the feedback they offered (accepted, not asked for again)")
        return tuple(
            text
            for text, said in (
                (offered, self.offers_call or self.offers_feedback),
                (gettext("their wish to stay in touch (welcomed)"), self.stay_in_touch),
                (gettext("their praise (a short, modest thanks)"), self.praise),
                (
                    gettext("the event they named (%(event)s)") % {"event": self.event},
                    bool(self.event),
                ),
                (
                    gettext("that they keep your details on file (acknowledged)"),
                    self.on_file,
                ),
            )
            if said
        )


# A subject line pasted above the letter, as mail programs label it in the seven languages.
_SUBJECT_LINE = re.compile(
    r"^[ \t>*]*(?:subject|betreff|objet|asunto|onderwerp|oggetto|assunto)[ \t*]*:[ \t]*(\S[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
SUBJECT_LINES = 12


def their_subject(message: str) -> str:
    """The subject of a pasted letter, when its header lines were pasted with it ("" if not)."""
    head = "\n".join(message.lstrip().splitlines()[:SUBJECT_LINES])
    found = _SUBJECT_LINE.search(head)
    return " ".join(found.group(1).split()) if found else ""


def read_said(message: str) -> Said:
    text = newest_text(message[:MAX_READ])
    team = when = event = ""
    later = False
    for sentence in _SENTENCE.findall(text):
        if HIRING_LATER.search(sentence):
            later = True
            team = team or _first(TEAM, sentence)
            when = when or _first(WHEN, sentence)
        if not event and len(sentence) < TAKEN_UP_READ and _EVENT_WORDS.search(sentence):
            event = _event(sentence)
    # What the reply takes up is in the letter itself, never pages down a pasted thread.
    head = text[:TAKEN_UP_READ]
    offers_feedback = bool(OFFERS_FEEDBACK.search(head)) and not NO_FEEDBACK.search(text)
    praised = PRAISED.search(head)
    return Said(
        reason_given=bool(REASON_GIVEN.search(text)),
        no_feedback=bool(NO_FEEDBACK.search(text)),
        apply_again=bool(APPLY_AGAIN.search(text)),
        keep_in_mind=bool(KEEP_IN_MIND.search(text)),
        hiring_later=later,
        team=team,
        when=when,
        offers_call=bool(OFFERS_CALL.search(head)),
        offers_feedback=offers_feedback,
        stay_in_touch=bool(STAY_IN_TOUCH.search(head)),
        praise=bool(PRAISE.search(head)),
        praised=" ".join(praised.group(1).split()) if praised else "",
        on_file=bool(ON_FILE.search(head)),
        event=event,
    )


def _event(sentence: str) -> str:
    """The event's name as written, without a leading article or pronoun."""
    quoted = _QUOTED_NAME.search(sentence)
    if quoted:
        return " ".join(quoted.group(1).split())
    for found in EVENT.finditer(sentence):
        words = found.group(1).split()
        while words and words[0].lower() in _LEADING:
            words.pop(0)
        name = " ".join(words).strip(".,;:")
        if _EVENT_WORDS.search(name) and len(name) > 4:
            return name
    return ""


# A name in quotation marks, straight, German, French or curly (as escapes: they look alike).
_OPENING = '"\u201e\u201c\u00ab\u2039\u2018'
_CLOSING = '"\u201c\u201d\u00bb\u203a\u2019'
_QUOTED_NAME = re.compile(f"[{_OPENING}]\\s?([^{_OPENING}{_CLOSING}]{{3,60}}?)\\s?[{_CLOSING}]")
_LEADING = _word_set(
    "the our a an this next unser unsere unserem unseren le la les notre nos el los nuestro "
    "nuestra de het ons onze il lo nostro nostra o os as nosso nossa",
)


def newest_text(message: str) -> str:
    """The newest message of a chain, quoted lines dropped, on one line, one apostrophe."""
    message = message.replace("\u2019", "'")
    found = _QUOTED.search(message)
    if found:
        message = message[: found.start()]
    lines = (line for line in message.splitlines() if not line.lstrip().startswith(">"))
    return " ".join(" ".join(lines).split())


def _first(pattern: re.Pattern[str], sentence: str) -> str:
    found = pattern.search(sentence)
    if not found:
        return ""
    text = found.group(1) + "team" if found.groups() else found.group(0)
    return " ".join(text.split())
