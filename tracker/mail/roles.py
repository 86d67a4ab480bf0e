# ruff: noqa: E501  (tables of alternatives read best one family per line)
"""A sender's role from their title, by whole words and by meaning.

Order matters and reads as a decision table: what names recruiting or people work wins over
"manager", "head of" or "director", so a Talent Acquisition Manager is a recruiter and an
HR Manager is HR, while an Engineering Manager or a Head of Data hires.
"""

import re

from tracker.mail.vocabulary import SenderRole

_W = r"(?<![^\W_])"  # start of a word (letters of any language)
_E = r"(?![^\W_])"  # end of a word

ROLE_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        SenderRole.RECRUITER,
        re.compile(
            _W + r"(?:recruit\w*|talent[oi]?|sourc(?:er|ing)|headhunter|"
            r"recrut\w*|reclut\w*|selecci[óo]n|rekrut\w*|personalberater\w*|"
            r"charg[ée]e? de recrutement|hiring partner|hiring coordinator|chasseu\w+|head hunter|"
            r"candidate experience|ta partner|ta lead|ta manager|consultant\w*|consultor\w*|consulente|"
            r"talents|acquisition de talents|intercedent\w*|werving|sele[cç][aã]o|selezione|atra[cç][aã]o|wervings?\w*|"
            # search firms and agencies, and the account managers who place people there
            r"executive search|search firm|personalberatung|personalvermittlung|headhunting|staffing|"
            r"uitzendbureau|account ?manager\w*|gestionnaire de comptes?)" + _E,
            re.I,
        ),
    ),
    (
        SenderRole.HR,
        re.compile(
            _W + r"(?:hr|hrbp|human resources?|people(?: and culture| & culture| partner| ops| "
            r"operations| team| experience)?|head of people|chief people officer|"
            r"personalabteilung|personalreferent\w*|personalleiter\w*|ressources humaines|rh|drh|recursos humanos|rrhh|"
            r"talento humano|capital humano|gest[aã]o de pessoas|personalentwicklung|people partner|employee experience|risorse umane|ufficio (?:del )?personale|"
            r"personeelszaken|hr-\w+|personalwesen|personnel|personale|personeel\w*|pessoal|personal (?:department|office)|personalverwaltung|personal und organisation|personal & organisation|personalamt|personalservice|personas y cultura|personas|lohnbuchhaltung|lohnabrechnung|payroll|paie|nominas|salarisadministratie|paghe|folha de pagamento|"
            # public-sector units for personnel: "Sachgebiet Personal", "Leitung Personal &
            # Ausbildung", "Negociado de Pessoal", "Servicio de Personal", "afdeling P&O"
            r"(?:sachgebiet|abteilung|bereich|referat|fachbereich|fachdienst|leitung|team) personal\w*|"
            r"(?:departamento|servicio|oficina|secci[oó]n|negociado|jef[ea]) de personal|p ?& ?o)"
            + _E,
            re.I,
        ),
    ),
    (
        SenderRole.HIRING_MANAGER,
        re.compile(
            _W + r"(?:hiring manager|\w*manager|head|directora?|directrice|directeur|"
            r"vp|svp|evp|vice president|cto|ceo|coo|cfo|cio|ciso|chief|founder|co-?founder|"
            r"cofondateur|fondateur|fondatrice|fundador\w*|gr[üu]nder\w*|president|owner|partnerin|"
            r"team lead|teamlead\w*|tech lead|lead|principal|\w*leiter(?:in)?|teamleiter\w*|gesch[äa]ftsf[üu]hrer\w*|"
            r"abteilungsleiter\w*|responsable|jefe|jefa|gerente|manager\w*|supervisor|partner|"
            r"chair\w*|hiring committee|selection panel|teamleider\w*|leidinggevende|afdelingshoofd|"
            r"responsabile|direttore|direttrice|diretor\w*|coordenador\w*|capo|"
            r"\w*verantwoordelijke|lider|l[íi]der|leider|chef|chef de \w+|\w+chef(?:in)?|headteacher|head teacher|principal)"
            + _E,
            re.I,
        ),
    ),
    (
        SenderRole.INTERVIEWER,
        re.compile(
            _W + r"(?:engineer\w*|developer|entwickler\w*|d[ée]veloppeu\w*|desarrollador\w*|"
            r"ingeniero\w*|ing[ée]nieur\w*|ingenieur\w*|designer|scientist|analyst|architect|"
            r"researcher|programmer|sre|devops|interviewer\w*|entrevistador\w*|intervistat\w*|"
            r"examinateur\w*)" + _E,
            re.I,
        ),
    ),
)
# Titles that name a people team only as a qualifier of a hiring role ("Head of Data").
_HIRING_OVERRIDES = re.compile(
    _W
    + r"(?:engineering manager|head of (?:data|engineering|product|design|platform|infrastructure|"
    r"technology|analytics|machine learning|ml|ai|security|mobile|backend|frontend|sales|marketing)|"
    r"cto|ceo|vp engineering|vp of engineering|founder|co-?founder)" + _E,
    re.I,
)


# Whose job is recruiting itself: a recruiter however their title names HR beside it
# ("HR Recruiter", "Chargée de recrutement RH", "Corporate Recruiter | HR Talent Acquisition").
_RECRUITS = re.compile(
    _W
    + r"(?:recruiter\w*|recruteu\w+|reclutador\w*|recrutador\w*|rekruteerder\w*|selezionat(?:ore|rice)|"
    r"sourcer|head ?hunter|charg[ée]e? de recrutement|consult\w+ (?:de |en )?(?:recrut|selec|reclut)\w*|"
    r"(?:talent acquisition|recruit(?:ing|ment)) (?:partner|specialist|manager|lead|advisor|consultant|coordinator))"
    + _E,
    re.I,
)
# HR staff whose title names recruiting only as their field: "HR Officer (Recruitment)",
# "HR-adviseur Werving & Selectie", "Spécialiste RH Recrutement", "Técnica de Recursos
# Humanos - Selección". The HR job is what they are; the recruiting is what they do in it.
_HR_WORDS = (
    r"(?:hr|rh|rrhh|rr\.?\s?hh\.?|people|personal|personeel|human resources|ressources humaines|"
    r"recursos humanos|risorse umane|capital humano)"
)
_HR_STAFF = re.compile(
    _W
    + _HR_WORDS
    + r"[- ]?(?:officer|advis[eo]r|adviseu[rs]\w*|specialist|generalist|administrator|"
    r"assistant|coordinator|fach(?:frau|mann)|sachbearbeiter\w*|referent\w*|medewerker|analyst)"
    r"|"
    + _W
    + r"(?:t[ée]cnic[oa]|analista|gestionnaire|sp[ée]cialiste|assistante?|specialista|addett[oa]|"
    r"impiegat[oa]|assistente|auxiliar|administrativ[oa]|medewerker|adviseu[rs]) (?:de |di |em |des |en )?"
    r"(?:la |las |los |le |les )?" + _HR_WORDS + _E,
    re.I,
)
_TITLE_PARTS = re.compile(r"\s+[-\u2013\u2014|·,/]\s+|\s*[(,]\s*")


# The unit a line names, when it leads the line: "Direction des Ressources Humaines",
# "Dirección de Personas", "Abteilung Personal" (not a firm, as in "Cabinet Conseil RH").
_DEPARTMENT = re.compile(
    r"^(?:the )?(?:direction|direzione|direcci[oó]n|dire(?:c)?[cç][aã]o|directie|direktion|directorate|"
    r"department|dept\.?|division|divisi[oó]n|abteilung|bereich|referat|fachbereich|hauptabteilung|"
    r"service|servizio|servicio|servi[cç]o|departamento|dipartimento|afdeling|ufficio|oficina|"
    r"area|[aá]rea|p[oô]le|sachgebiet|dienst)" + _E,
    re.I,
)


def names_people_department(line: str) -> bool:
    """An HR or personnel department, with no recruiting in its name: "Direction des
    Ressources Humaines", "Direzione Risorse Umane", "Abteilung Personal"."""
    return bool(_DEPARTMENT.match(line.strip())) and _names_hr_not_recruiting(line)


def _names_hr_not_recruiting(text: str) -> bool:
    """HR or personnel named, and no recruiting beside it."""
    return bool(ROLE_FAMILIES[1][1].search(text)) and not ROLE_FAMILIES[0][1].search(text)


def _hr_staff(title: str) -> bool:
    """HR staff, though the title names recruiting: the HR job noun, or an HR department
    with recruiting an office of it, named first ("Ufficio Risorse Umane - Selezione") or
    as the directorate the office belongs to ("Ufficio Selezione · Direzione Risorse Umane")."""
    if _RECRUITS.search(title):
        return False
    first = _TITLE_PARTS.split(title, maxsplit=1)[0]
    return bool(
        _HR_STAFF.search(title)
        or _names_hr_not_recruiting(first)
        or (" · " in title and names_people_department(title.rpartition(" · ")[2]))
    )


def role_from_title(title: str) -> str:
    title = " ".join(title.split())[:200]
    if not title:
        return SenderRole.UNKNOWN
    if _HIRING_OVERRIDES.search(title) and not ROLE_FAMILIES[0][1].search(title):
        return SenderRole.HIRING_MANAGER
    if ROLE_FAMILIES[0][1].search(title) and _hr_staff(title):
        return SenderRole.HR
    for role, pattern in ROLE_FAMILIES:
        if pattern.search(title):
            return role
    return SenderRole.UNKNOWN


def is_title(line: str) -> bool:
    return role_from_title(line) != SenderRole.UNKNOWN


# Someone who says they chose for their own team is the one who hires.
_HIRES_OWN_TEAM = re.compile(
    _W
    + r"(?:i (?:have |'ve |had )?(?:\S+ ){0,2}?(?:hired|chose|chosen|picked|offered (?:it|the role)|gone with|went with|decided)|"
    r"i (?:have |'ve |had )?(?:\S+ ){0,2}?(?:pull\w*|cancel\w*|froze|frozen|clos\w*) (?:the|this|my|that) (?:\S+ )?(?:role|position|req\w*|opening|hire)|"
    r"my team|"
    r"ich habe (?:\S+ ){0,6}?(?:eingestellt|entschieden)|mein(?:em|en)? team|"
    r"j'ai (?:\S+ ){0,2}?(?:recrut\w+|embauch\w+|choisi|retenu)|mon equipe|"
    r"he (?:\S+ ){0,2}?(?:contratado|elegido|escogido)|mi equipo|"
    r"ik heb (?:\S+ ){0,4}?(?:aangenomen|gekozen)|mijn team|"
    r"ho (?:\S+ ){0,2}?(?:assunto|scelto)|(?:il )?mio team|"
    r"contratei|escolhi|acabei por contratar|minha equip[ae]|meu time)" + _E,
    re.I,
)


# Someone who reports a client's decision works for an agency: "just heard back from Hooli",
# "retour de Vinci Logiciel", "mijn opdrachtgever".
_SPEAKS_FOR_A_CLIENT = re.compile(
    _W
    + r"(?:my client|our client|the client|heard back from|feedback from the (?:hiring )?(?:team|manager)|"
    r"mein(?:em|en)? (?:kunden?|mandanten?|auftraggeber)|unser(?:em|en)? (?:kunden?|mandant(?:en)?)|der kunde|der mandant|"
    r"(?:in )?diesem mandat|"
    r"mon client|notre client|le client|retour de|(?:la|une|cette) mission chez|"
    r"mi cliente|nuestro cliente|el cliente|me (?:ha|han) (?:dicho|comentado|confirmado)|"
    r"(?:mijn|onze|de) (?:opdrachtgever|klant)|terugkoppeling (?:van|gehad)|aan de lijn gehad|de opdracht bij|"
    r"il (?:mio |nostro )?cliente|ti aggiorno su|mi hanno (?:detto|comunicato)|"
    r"(?:meu|nosso|o) cliente|me (?:disseram|retornaram|deram retorno))" + _E,
    re.I,
)
# Someone who runs a search for a client, in words a firm's own staff would not use of their
# customers: "the client has decided", "unser Mandant", "diesem Mandat", "la mission chez".
# Unlike a passing "client", this outweighs a partner's or director's title.
_RUNS_A_SEARCH = re.compile(
    _W
    + r"(?:(?:the|my|our) client (?:\S+ ){0,2}?(?:has |have |had )?(?:decided|chose|chosen|opted|gone|went|came back|selected|appointed)|"
    r"(?:spoke|spoken|talked|heard back) (?:\S+ ){0,2}?(?:with|from|to) (?:the|my|our) client|this (?:search|mandate|assignment)|"
    r"unser(?:em|en)? mandant\w*|(?:in )?diesem mandat|der mandant|"
    r"(?:notre|mon) client (?:\S+ ){0,2}?(?:a|ont) (?:decide|choisi|retenu|prefere)|(?:la|une|cette) mission chez|"
    r"(?:nuestro|mi) cliente (?:\S+ ){0,2}?(?:ha|han) (?:decidido|elegido|optado)|"
    r"de opdracht bij|(?:mijn|onze) opdrachtgever|"
    r"il (?:mio|nostro) cliente (?:\S+ ){0,2}?ha (?:deciso|scelto|optato)|"
    r"(?:meu|nosso) cliente (?:\S+ ){0,2}?(?:decidiu|optou|escolheu))" + _E,
    re.I,
)
# Someone who says they interviewed the user: "el que te hizo la entrevista", or that they
# sat among the interviewers ("one of the three people on your panel", "je faisais partie du
# jury", "uno de los entrevistadores"), or that they met the user at the interview itself.
# The text is read without accents ("gesprach", "mene").
_INTERVIEWED_YOU = re.compile(
    _W + r"(?:i interviewed you|(?:who|that) interviewed you|"
    r"i (?:ran|led|did|conducted|took) (?:your|the) (?:\S+ ){0,2}?(?:interview|session|round|screen)|"
    r"(?:i was on|i sat on|i was in|i joined) (?:the|your) (?:\S+ ){0,4}?(?:panel|interview(?:ers)?|interview panel)|"
    r"one of (?:the|your) (?:\S+ ){0,2}?(?:interviewers|panell?ists|assessors|people (?:on|in) (?:the|your) (?:\S+ )?panel)|"
    r"i (?:was|am|'m) (?:one of )?(?:the |your )?(?:\S+ ){0,2}?(?:interviewers?|panell?ists?|assessors?|observers?)|"
    r"i (?:was|am|'m) the (?:\S+ ){1,2}(?:on|in) (?:your|the) (?:\S+ )?(?:panel|interview)|"
    r"i (?:only|just) (?:did|ran|sat in on|joined|took part in) (?:the|your) (?:\S+ )?(?:technical|tech|coding|pairing|case) (?:part|round|interview|session)|"
    r"i was the one (?:who|that) (?:ran|led|did|took|asked|gave)|the one asking|"
    r"(?:we|you and i) (?:met|spoke|talked) (?:\S+ ){0,3}?(?:for|at|in|during) (?:your|the|our) (?:\S+ ){0,2}?(?:interview|session|round|panel|pairing)|"
    r"(?:pairing|paired|pair(?:ed)? programming) with you|"
    r"(?:ich habe|der|die) (?:\S+ ){0,3}?(?:gesprach|interview) mit ihnen gefuhrt|"
    r"ich (?:war|sass) (?:\S+ ){0,4}?(?:bei|in) (?:ihrem|deinem|dem|eurem) (?:\S+ ){0,2}?(?:\w*gesprach|interview|panel|probetag|assessment)\w*(?: \S+){0,6}? (?:dabei|mit dabei)|"
    r"ich war (?:einer|eine) (?:der|ihrer|deiner) (?:\S+ )?(?:interviewer\w*|gesprachspartner\w*|beobachter\w*|assessor\w*)|"
    r"(?:j'ai|qui (?:t'a|vous a)) (?:\S+ ){0,2}?(?:fait passer|mene|conduit) (?:ton|votre|l') ?entr\w+|"
    r"(?:l'entretien|l'echange) (?:\S+ )?que nous avons eu ensemble|"
    r"je faisais partie (?:du|de ton|de votre) (?:jury|panel)|j'etais (?:dans|membre) (?:du|de ton|de votre) (?:jury|panel)|"
    r"j'etais (?:l'un|l'une|un|une) des (?:\S+ )?(?:observateurs|observatrices|examinateurs|evaluateurs|membres du jury)|"
    r"(?:on s'est|nous nous sommes) (?:vus|vues|rencontres|parle) (?:\S+ ){0,3}?(?:pour|a|lors de|pendant) (?:l'|ton |votre |ta |la )?(?:\S+ )?(?:entretien|epreuve|mise en situation)|"
    r"(?:el|la) que te hizo la entrevista|te entrevist\w+|(?:el|la) que (?:hizo|estuvo) contigo|"
    r"(?:uno|una) de (?:los|las|tus) entrevistador\w*|(?:forme|formo) parte del (?:tribunal|panel|comite)|"
    r"estuve en (?:tu|su|la) entrevista|(?:yo )?solo (?:estuve|particip\w+) en la parte tecnica|"
    r"(?:fui|era) (?:uno|una) de (?:los|las) (?:\S+ )?(?:observador\w*|evaluador\w*)|"
    r"ik heb (?:je|jou|u) (?:\S+ )?(?:gesproken|geinterviewd)|"
    r"ik zat (?:\S+ ){0,3}?in (?:het|je|jouw|uw|de) (?:\S+ )?(?:panel|gesprek|selectiecommissie|sollicitatiecommissie)|"
    r"ik was (?:een van )?(?:je|jouw|uw|de) (?:\S+ )?(?:interviewers?|gesprekspartners?)|"
    r"ti ho fatto (?:il|io il) colloquio|(?:che|chi) ti ha fatto il colloquio|"
    r"(?:che|chi) ti ha (?:seguito|valutato) (?:nella|durante la|al) (?:\S+ )?(?:prova|colloquio)|"
    r"ci siamo (?:visti|viste|conosciuti|sentiti) (?:\S+ ){0,3}?(?:al|durante il|per il) (?:\S+ )?colloquio|"
    r"(?:ero|sono stat[oa]) (?:un[oa]? )?(?:dei|degli|delle|della) (?:\S+ )?(?:selezionatori|intervistatori|esaminatori|osservatori|commissione)|facevo parte della commissione|"
    r"te entrevistei|(?:fiz|conduzi|realizei) (?:a sua|sua|a tua|tua) entrevista|estive (?:consigo|contigo) na entrevista|"
    r"(?:fui|sou|era) (?:um|uma) d(?:os|as) entrevistador\w*|fiz parte (?:da banca|do painel|da comissao)|"
    r"(?:estive|participei) (?:\S+ ){0,2}?(?:na|da) (?:sua|tua) entrevista)" + _E,
    re.I,
)


def role_from_text(folded: str) -> tuple[str, str]:
    """The role a personal sender's own words give, and what gave it: "I hired someone else
    for my team" hires, "my client has decided" recruits, "I interviewed you" interviewed."""
    head = folded[:3000]
    if _HIRES_OWN_TEAM.search(head):
        return SenderRole.HIRING_MANAGER, "hires"
    if _INTERVIEWED_YOU.search(head):
        return SenderRole.INTERVIEWER, "interviewed"
    if _RUNS_A_SEARCH.search(head):
        return SenderRole.RECRUITER, "search"
    if _SPEAKS_FOR_A_CLIENT.search(head):
        return SenderRole.RECRUITER, "client"
    return SenderRole.UNKNOWN, ""


# Someone who passes on what the hiring team decided, speaking of it as another's: "the Data
# Platform team finalised their picks", "das Team will jemanden mit mehr ...", "o time optou".
TEAM_DECIDED = re.compile(
    _W
    + r"(?:the (?:\S+ ){0,2}?team (?:has |have )?(?:finali[sz]ed|decided|chose|chosen|picked|opted|went|wants?|preferred|selected)|"
    r"das (?:\S+ )?team (?:hat sich|will|mochte|hat|entschied)|"
    r"l'equipe (?:\S+ )?(?:a (?:choisi|decide|opte|prefere|retenu)|veut|souhaite)|"
    r"el equipo (?:\S+ )?(?:ha (?:decidido|elegido|optado)|decidio|eligio|opto|prefiere|quiere)|"
    r"il team (?:\S+ )?(?:ha (?:deciso|scelto|optato)|preferisce|vuole)|"
    r"het team (?:\S+ )?(?:heeft (?:gekozen|besloten)|kiest|koos|wil)|"
    r"o time (?:\S+ )?(?:optou|decidiu|escolheu|prefere|quer)|a equipa (?:\S+ )?(?:optou|decidiu|escolheu)|a equipe (?:\S+ )?(?:optou|decidiu|escolheu))"
    + _E,
    re.I,
)
