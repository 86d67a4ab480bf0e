# ruff: noqa: E501  (tables of alternatives read best one family per line)
"""Phrase families, by meaning, in English, German, French and Spanish.

Each family is one regex of alternatives with bounded gaps (`[^.\\n]{0,40}`): no nested
unbounded repetition, so a search is linear in the text. Families are found in text that is
lower-cased and has its whitespace folded to single spaces.
"""

import re

_G = r"[^.!?\n]{0,60}"  # a bounded gap inside one sentence


def _family(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


# A letter written to everyone: what form letters say.
FORM_LETTER = _family(
    r"high (?:volume|number) of (?:applications|applicants|candidates)",
    r"(?:large|overwhelming|significant|great) (?:number|volume) of (?:applications|applicants|candidates|qualified)",
    r"keep (?:your|you)"
    + _G
    + r"(?:on file|in (?:our|mind)|in our (?:database|system|talent (?:pool|community)))",
    r"(?:retain|hold|store) your (?:application|resume|cv|details|information|profile)",
    r"(?:join|joined) our talent (?:community|network|pool)",
    r"this (?:is an automated|e-?mail (?:was|has been) (?:sent )?automatically|message was (?:sent )?automatically)",
    r"automatically generated",
    r"(?:please )?do not reply (?:to|directly)",
    r"(?:this|the) (?:mailbox|inbox|address) is not monitored",
    r"replies to this (?:e-?mail|message|address) (?:are|will) not",
    r"not (?:be )?able to (?:provide|give|offer) (?:individual|specific|personal|detailed) feedback",
    r"unable to (?:provide|give|offer) (?:individual|specific|personal|detailed) feedback",
    r"(?:decided|chosen|elected|opted) to (?:pursue|move forward|proceed|progress|continue) with (?:other|another|a different) (?:candidates?|applicants?)",
    r"(?:pursue|move forward|proceed|progress) with (?:candidates|applicants) (?:whose|who)"
    + _G
    + r"(?:closely|better|more)",
    r"(?:candidates|applicants|profiles) (?:whose|who(?:se)?) (?:skills|experience|qualifications|background|profiles?)"
    + _G
    + r"(?:closely|better|more)",
    r"(?:more|most) closely (?:match|matches|align|aligns|meet|fit)",
    r"we encourage you to (?:apply|continue|keep|check|visit|explore)",
    r"(?:visit|check|explore) our (?:careers?|jobs?) (?:page|site|website|portal)",
    r"future (?:openings|opportunities|positions|roles|vacancies) (?:that|which|for which)",
    r"(?:position|role|requisition) (?:has been|was) (?:filled|closed|cancel)",
    r"wish you (?:every|the best of|all the best|success|luck) (?:success|luck|in your)",
    r"dear (?:applicant|candidate)",
    r"unsubscribe",
    r"manage (?:your )?(?:email )?(?:preferences|notifications)",
    r"view this (?:email|message) in (?:your|a) browser",
    # German
    r"(?:vielzahl|gro(?:ß|ss)en? (?:zahl|anzahl|menge)|flut) (?:an |von )?(?:bewerbungen|bewerber|interessenten)",
    r"f[üu]r (?:andere|einen anderen|eine andere) (?:kandidat|bewerber)",
    r"(?:andere|anderen) (?:kandidat\w*|bewerber\w*)" + _G + r"(?:entschieden|passender|besser)",
    r"(?:unterlagen|daten|bewerbung|profil)"
    + _G
    + r"(?:in (?:unserem|unseren) (?:talent-?pool|bewerberpool|datenbank)|(?:aufbewahren|speichern|vormerken|evidenz))",
    r"automatisch (?:erstellt|generiert|versendet|versandt)",
    r"antworten sie nicht auf diese",
    r"diese (?:e-?mail|nachricht) wurde automatisch",
    r"sehr geehrte[rs]? (?:bewerber|bewerberin|kandidat|damen und herren)",
    r"(?:keine|nicht) (?:individuelle|pers[öo]nliche|detaillierte)s? (?:feedback|r[üu]ckmeldung)",
    # French
    r"(?:nombre important|grand nombre|nombreuses) (?:de )?candidatures",
    r"(?:ne (?:pourrons|pouvons) pas|n'avons pas pu) (?:donner suite|retenir)",
    r"(?:conserver|garder|conservons|gardons)"
    + _G
    + r"(?:candidature|cv|profil|coordonn[ée]es)"
    + _G
    + r"(?:vivier|base|fichier|dossier|m[ée]moire)",
    r"(?:vivier|base de donn[ée]es) (?:de talents|de candidats)",
    r"(?:message|e-?mail|courriel) (?:g[ée]n[ée]r[ée]|envoy[ée]) automatiquement",
    r"merci de ne pas r[ée]pondre",
    r"ne pas r[ée]pondre [àa] ce",
    r"(?:d'autres|un autre|une autre) (?:candidats?|candidatures?|profils?)"
    + _G
    + r"(?:correspond|adapt|proche)",
    # Spanish
    r"(?:gran|elevado|alto) (?:n[úu]mero|volumen) de (?:candidaturas|solicitudes|candidatos|aplicaciones)",
    r"no (?:podremos|podemos|vamos a) (?:continuar|seguir|avanzar|contar)",
    r"(?:otros|otras|otro|otra) (?:candidatos?|perfiles?|candidaturas?)"
    + _G
    + r"(?:ajust|encaj|adecuad|cercan)",
    r"(?:mantendremos|guardaremos|conservaremos|tendremos en cuenta)"
    + _G
    + r"(?:cv|curr[íi]culum|candidatura|datos|perfil)",
    r"(?:base de datos|bolsa de (?:empleo|talento|trabajo))",
    r"(?:correo|mensaje|email) (?:generado|enviado) autom[áa]ticamente",
    r"(?:por favor,? )?no responda",
    r"estimad[oa] (?:candidat[oa]|postulante|solicitante)",
)

# Someone who met or spoke with the candidate: what a person writes and a form letter does not.
PERSONAL = _family(
    r"(?:enjoyed|great|nice|pleasure|lovely|good) (?:meeting|speaking|talking|chatting|getting to know|to meet|to speak|to talk)",
    r"(?:thank(?:s| you)) (?:again )?(?:so much )?for (?:your time|taking the time|coming in|meeting|speaking|the (?:chat|call|conversation|time)|chatting|talking)",
    r"(?:our|the) (?:call|conversation|chat|discussion|interview|onsite|on-site|meeting|final round|panel|technical round)",
    r"(?:after|following) (?:your|our|the) (?:interview|onsite|conversation|call|final|panel|visit)",
    r"the (?:team|panel|interviewers?) (?:really )?(?:enjoyed|liked|appreciated|was impressed|were impressed)",
    r"(?:i|we) (?:really )?(?:enjoyed|appreciated|liked) (?:meeting|speaking|talking|our|your|getting)",
    r"(?:happy|glad) to (?:share|give|provide|talk through) (?:some )?(?:feedback|more)",
    r"(?:if you(?:'d| would)? like|feel free) (?:to )?(?:some )?(?:feedback|(?:give|drop) me a call|reach out to me|to chat)",
    r"personally",
    r"i wanted to (?:let you know|reach out|be the one|tell you|personally)",
    r"(?:i'm|i am) sorry to (?:say|share|tell|be)",
    r"(?:tough|difficult|hard|close) (?:call|decision|one)",
    # German
    r"(?:gespr[äa]ch|interview|kennenlernen|telefonat|austausch)",
    r"(?:vielen )?dank f[üu]r (?:ihre|deine) zeit",
    # French
    r"(?:notre|votre|l')(?:entretien|[ée]change|rencontre|appel)",
    r"(?:entretien|[ée]change|rencontre)",
    r"merci pour (?:votre|ton) temps",
    # Spanish
    r"(?:nuestra|la|tu|su) (?:entrevista|conversaci[óo]n|llamada|reuni[óo]n)",
    r"gracias por (?:tu|su) tiempo",
)


def fold(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


def found(pattern: re.Pattern[str], folded: str) -> str:
    """The first phrase of the family in the text, as written there ("" if none)."""
    match = pattern.search(folded)
    return match.group(0) if match else ""


# A letter that says outright that no person wrote it, or that is a template left unfilled.
AUTOMATION = _family(
    r"this (?:is an automated|e-?mail (?:was|has been) (?:sent )?automatically|message was (?:sent )?automatically|is an auto)",
    r"automatically generated|auto-?generated|generated automatically",
    r"(?:please )?do not reply (?:to|directly)|(?:please )?don't reply to this|replies to this (?:e-?mail|message|address) (?:are|will) not",
    r"(?:this|the) (?:mailbox|inbox|address|e-?mail address) is (?:not|un)monitored",
    r"\{\{\s*\w+|\[first ?name\]|%first_?name%|\$\{\w+",
    r"automatisch (?:erstellt|generiert|versendet|versandt)|diese (?:e-?mail|nachricht) (?:wurde|wird) automatisch|antworten sie nicht auf diese|bitte nicht (?:auf diese (?:e-?mail|nachricht) )?antworten",
    r"(?:message|e-?mail|mail|courriel) (?:(?:est|a (?:é|e)t(?:é|e)) )?(?:g[ée]n[ée]r[ée]|envoy[ée]) automatiquement|merci de ne pas (?:y )?r[ée]pondre|ne (?:pas|jamais) (?:y )?r[ée]pondre [àa] ce|(?:n'y|ne pas y) r[ée]pondez pas",
    r"(?:correo|mensaje|e-?mail) (?:(?:ha sido|es|fue) )?(?:generado|enviado) autom[áa]ticamente|(?:por favor,? )?no (?:responda|respondas|conteste|contestes) a este",
    r"(?:messaggio|e-?mail) (?:(?:è|e) (?:stat[oa] )?)?(?:generat[oa]|inviat[oa]) automaticamente|si prega di non rispondere|non rispondere a (?:questa|questo)",
    r"automatisch (?:gegenereerd|verzonden|verstuurd)|dit is een automatisch|niet (?:op )?(?:dit bericht )?(?:beantwoorden|reageren)",
    r"mensagem autom[áa]tica|(?:e-?mail|mensagem) (?:(?:foi|é|e) )?(?:gerad[oa]|enviad[oa]) automaticamente|(?:por favor,? )?n[ãa]o respond[ae]",
)
