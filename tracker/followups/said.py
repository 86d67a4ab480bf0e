"""What a saved rejection email said that changes the reply.

Pure: no ORM, no I/O. Each family of phrases is a regular expression by meaning, in
English, German, French and Spanish, written without nested repetition so it runs in
time linear in the text (a pasted email is at most 20,000 characters). The rules read
the result; the words of the reply stay in drafts.py.
"""

import re
from dataclasses import dataclass

# Gaps inside one sentence, bounded so no pattern can backtrack across a whole email.
_GAP = r"[^.!?]{0,40}?"
_NEAR = r"[^.!?,;]{0,30}?"


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

    @property
    def door_open(self) -> bool:
        """They said the door stays open: acknowledge it rather than ask for it."""
        return self.apply_again or self.keep_in_mind or self.hiring_later

    @property
    def answers_feedback(self) -> bool:
        return self.reason_given or self.no_feedback


def read_said(message: str) -> Said:
    text = _newest(message[:MAX_READ])
    team = when = ""
    later = False
    for sentence in _SENTENCE.findall(text):
        if HIRING_LATER.search(sentence):
            later = True
            team = team or _first(TEAM, sentence)
            when = when or _first(WHEN, sentence)
    return Said(
        reason_given=bool(REASON_GIVEN.search(text)),
        no_feedback=bool(NO_FEEDBACK.search(text)),
        apply_again=bool(APPLY_AGAIN.search(text)),
        keep_in_mind=bool(KEEP_IN_MIND.search(text)),
        hiring_later=later,
        team=team,
        when=when,
    )


def _newest(message: str) -> str:
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
