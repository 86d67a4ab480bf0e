# ruff: noqa: E501  (tables of alternatives read best one family per line)
"""A no by what it means, not by how one company worded it: the parts a no is built from.

A phrase list learns one wording at a time ("the position has been filled"); a no is said
in a few meanings, each a subject and what happened to it, in any word order:

- GONE: the post or the search (POST) is filled, given to someone, cancelled, frozen, on
  hold, withdrawn: "die ausgeschriebene Stelle entfällt", "la vacante ha quedado congelada".
  Not when it is only supposed for later (ONCE): "once the role is filled we will write
  to everyone". A sentence that says nothing is done yet or that the decision is delayed
  (YET: "the position has not been filled yet", "la decisión se retrasará") decides no
  kind of no at all.
- AGAINST: the user's application, profile or process (YOURS) discarded, rejected, ended:
  "tu candidatura ha sido descartada", "decidimos encerrar a sua participação".
- NO MATCH: the user's profile or experience (YOURS) with a "not" beside a verb of fitting
  (MATCH), on either side, as German and Dutch put the verb last: "je ervaring sluit niet
  goed aan", "il suo profilo non corrisponde".
- UNFAVOURABLE: a decision not in the user's favour: "nicht zu Ihren Gunsten", "esito
  negativo", "didn't go your way".
- NO OFFER: a "not" before an offer or a proposal: "kein Angebot machen", "pas en mesure de
  vous faire une proposition".
- THIS TIME: a short "not ... this time": "esta vez no ha podido ser", "desta vez não foi
  possível", "diesmal nicht zum Zug gekommen".
- NOT THROUGH: a "not" before getting through a stage (THROUGH): "you did not pass the
  technical test", "no ha superado la fase", "nicht in die nächste Runde gekommen".
- NOT RIGHT: a "not" before the right person or fit (RIGHT): "not the right profile for this
  team", "nicht die richtige Besetzung".
- A RIVAL BETTER: another candidate (RIVAL, never "someone else", who may just be better
  placed to answer a question) with a comparison of fit (BETTER): "the panel felt other
  candidates were stronger".
- ENDS HERE: the process ends here for the user: "le processus s'arrête ici pour toi",
  "il processo per te si chiude qui".
- FOUND: someone found or hired for it: "we've found our new team member", "nous avons
  trouvé la perle rare", "encontramos a pessoa ideal".
- KEPT: the CV kept (KEEP) for later or in a pool (POOL), the way a no ends when it has
  nothing else to say: "we'll keep your CV on file", "conserveremo il suo CV per future
  opportunità". A receipt says it too, so it counts only when nothing confirms a receipt.

They decide only in job mail: a flat is given to someone else and a grant is frozen too.
"""

import re

from tracker.mail.kind_phrases import BY_LANGUAGE, words

_GAP = r" (?:\S+ ){0,4}?"

MEANINGS: dict[str, dict[str, str]] = {
    "en": {
        "POST": r"positions?|roles?|vacanc(?:y|ies)|openings?|jobs?|posts?|requisitions?|reqs?|(?:recruitment|hiring|selection|interview) process|recruitment|hiring|search|headcount",
        "GONE": r"(?:is|was|are|were|been|being|got|now|has|have) (?:\S+ ){0,2}?(?:filled|taken|given (?:to|away)|assigned|awarded|withdrawn|pulled|frozen|cancell?ed|suspended|paused|closed|halted|stopped|discontinued|scrapped|shelved|eliminated)|on hold|put on ice|(?:gave|given|giving) up (?:on )?|abandon\w*|no longer (?:open|available|needed|required|going ahead)",
        "YET": r"(?:not|\w*n't|no) (?:\S+ ){0,4}?(?:fill|decid|decision|clos|finish|complet|conclud|made|heard|receiv|accept|sign|found|find)\w*(?: back)? yet|(?:not|\w*n't) (?:\S+ )?(?:found|find|decided|made|filled|chosen|selected|picked) (?:\S+ ){0,3}?yet|not yet|yet to|still (?:open|interviewing|reviewing|considering|in progress|being)|delayed|postponed|tak\w+ longer",
        "ONCE": r"once",
        "YOURS": r"your (?:application|candidacy|candidature|profile|cv|resume|experience|skills|background|process|participation|file)",
        "AGAINST": r"(?:been|is|was|were|being) (?:\S+ )?(?:discarded|rejected|declined|discontinued|terminated|archived|unsuccessful|turned down)|discontinu\w*|(?:end|clos|terminat)\w* your|not (?:\S+ )?in your favou?r",
        "MATCH": r"match\w*|fit|fits|line up|lines up|align\w*|correspond\w*|meet|meets|suit|suits",
        "UNFAVOURABLE": r"(?:not|\w*n't) (?:\S+ )?in your favou?r|(?:didn't|did not|hasn't|has not) (?:\S+ )?(?:go|gone|come out) your way|unfavou?rable|negative (?:outcome|decision|result|answer|response)|(?:outcome|decision|result|answer|response) (?:\S+ ){0,3}?negative|(?:feedback|outcome|decision|news|answer|response) (?:\S+ ){0,4}?(?:wasn't|was not|isn't|is not|not) (?:\S+ )?(?:positive|good|favou?rable)",
        "OFFER_NOUN": r"(?:an?|the) offer|a proposal|offer you",
        "THIS_TIME": r"this time|on this occasion|this round",
        "KEEP": r"keep|kept|keeping|retain\w*|remain\w*|stay|hold on to|store|save|add(?:ed)? you|bear you in mind",
        "POOL": r"on file|on record|talent (?:pool|community|network|database)|(?:for|in) (?:the )?future|future (?:\S+ )?(?:roles|openings|vacancies|positions|opportunities)",
        "THROUGH": r"admitted (?:to|into)|pass(?:ed)? (?:the|your|our|this|that)|make it (?:through|past|into)|made it (?:through|past|into)|make (?:the|our) (?:cut|shortlist|final\w*)|(?:get|got|gotten) (?:through|past) to|progress(?:ed)? (?:past|beyond|through)|succeed\w* (?:in|at|on) (?:the|this|your)",
        "RIGHT": r"(?:the|a) (?:right|good|best|ideal) (?:\S+ )?(?:fit|match|profile|person|candidate|hire)",
        "RIVAL": r"another (?:candidate|applicant|person|finalist|profile)|other (?:candidates|applicants|finalists|profiles)|(?:the|an) internal (?:candidate|applicant)",
        "ENDS_HERE": r"(?:process|journey|application|candidacy|road) (?:\S+ ){0,3}?(?:ends|stops|closes|finishes|end|stop) (?:here|now|at this (?:point|stage))(?! (?:with|and|on|next|after|for (?:this|the|now)))|this is where (?:\S+ ){0,3}?(?:ends|stops)",
        "FOUND": r"(?:found|secured|hired|recruited) (?:\S+ ){0,2}?(?:(?:someone|somebody) (?:who|whose|with|for (?:the|this|that) (?:role|position|job))|a candidate|(?:the|a) (?:right|ideal|suitable|strong|great) (?:person|candidate|fit|match)|our (?:new )?(?:\S+ )?(?:hire|team member|colleague|candidate|person))",
    },
    "de": {
        "POST": r"\w*stelle|position|vakanz|ausschreibung|auswahlverfahren|besetzungsverfahren|bewerbungsverfahren|bewerbungsprozess|recruiting\w*|suche|rolle",
        "GONE": r"nicht (?:\S+ ){0,3}?(?:nach|neu)besetzt|(?:nach|neu)besetzt|verzicht\w*|zuruckgenommen|verfahren (?:\S+ ){0,3}?beendet|besetzt|vergeben|gestrichen|zuruckgezogen|eingefroren|abgesagt|storniert|eingestellt|abgebrochen|pausiert|auf eis gelegt|entfall\w*|entfallt|weggefallen|nicht mehr (?:verfugbar|offen|vakant|aktuell)",
        "YET": r"(?:bisher|bislang) (?:\S+ ){0,2}?nicht|noch (?:nicht|keine?) (?:\S+ ){0,3}?(?:besetz|vergeb|entschied|entscheid|getroffen|abgeschlossen|gefunden|gefallen)\w*|noch offen|(?:sprechen|fuhren|treffen) (?:\S+ )?noch|noch (?:\S+ )?(?:gesprache|im gesprach|in gesprachen)|verzoger\w*|dauert (?:\S+ )?langer",
        "ONCE": r"sobald",
        "YOURS": r"(?:ihre|deine|ihrer|deiner) (?:bewerbung|kandidatur|unterlagen|erfahrung\w*|qualifikation\w*)|(?:ihr|dein) (?:profil|lebenslauf|werdegang)",
        "AGAINST": r"abgelehnt|ausgeschieden|aussortiert|zu (?:ihren|deinen) ungunsten",
        "MATCH": r"passt|passen|entspricht|entsprechen|deckt|decken|uberein\w*|gerecht|erfull\w*",
        "UNFAVOURABLE": r"nicht (?:\S+ )?zu (?:ihren|deinen) gunsten|zu (?:ihren|deinen) ungunsten|negative\w* (?:ruckmeldung|entscheidung|nachricht|antwort|bescheid)|(?:entscheidung|ruckmeldung|ergebnis) (?:\S+ ){0,3}?negativ",
        "OFFER_NOUN": r"angebot|zusage",
        "THIS_TIME": r"diesmal|dieses mal|dieses jahr|in diesem fall",
        "KEEP": r"behalten|aufbewahren|speichern|aufnehmen|vormerken|bewahren|evidenz",
        "POOL": r"talentpool|talent-pool|kunftig\w*|zukunftig\w*|spater\w*|datenbank",
        "THROUGH": r"zugelassen|bestanden|geschafft|weitergekommen|durchgekommen|(?:in die|zur) (?:nachste\w*|engere\w*|zweite\w*|finale\w*) (?:runde|auswahl|phase|stufe)",
        "RIGHT": r"(?:der|die|das) (?:richtige|passende|ideale)\w* (?:\S+ )?(?:kandidat\w*|person|profil|besetzung|wahl|match)",
        "RIVAL": r"andere\w* (?:kandidat\w*|bewerber\w*|person\w*|profil\w*)",
        "ENDS_HERE": r"(?:endet|enden|stoppt) (?:\S+ ){0,3}?(?:hier|an dieser stelle)|(?:hier|an dieser stelle) (?:\S+ ){0,3}?(?:endet|zu ende|beendet)",
        "FOUND": r"(?:eine?n?|die|den) (?:\S+ )?(?:kandidat\w*|bewerber\w*|person|kolleg\w*) (?:\S+ ){0,2}?(?:eingestellt|gewonnen|gefunden)",
    },
    "fr": {
        "POST": r"poste|recrutement|processus|mission|annonce|offre",
        "GONE": r"(?:a ete|ont ete|est|sont|etait|avons|a) (?:\S+ ){0,2}?(?:pourvu|attribue|confie|annule|suspendu|gele|ferme|clos|cloture|supprime|retire|abandonne)e?s?|mise? en (?:pause|attente|suspens|stand-by)|renonc\w*|(?:n'est|ne sera) plus (?:ouvert|disponible|d'actualite)",
        "YET": r"pas encore (?:\S+ ){0,3}?(?:pourv|decid|decision|pris|termin|finalis|clo|trouv)\w*|toujours (?:ouvert|en cours)|retard\w*|prend plus de temps",
        "ONCE": r"des que|une fois|jusqu'a ce",
        "YOURS": r"(?:votre|ta) (?:candidature|profil|dossier|cv|parcours|experience|participation)|(?:vos|tes) (?:competences|experiences)",
        "AGAINST": r"(?:n'a|n'ont) pas abouti|ecartee?s?|rejetee?s?|refusee?s?|declinee?s?|pas (?:ete )?(?:en )?(?:votre|ta) faveur|(?:aller|allons) plus loin",
        "MATCH": r"correspond\w*|repond\w*|adequation|en phase|aligne\w*|colle|rempli\w*|satisf\w*",
        "UNFAVOURABLE": r"pas (?:\S+ )?(?:ete )?en (?:votre|ta) faveur|defavorable|(?:reponse|issue|decision|suite) negative|reponse (?:positive|favorable) (?:\S+ ){0,3}?pas",
        "OFFER_NOUN": r"proposition|offre|proposer|offrir",
        "THIS_TIME": r"cette fois(?:-ci)?",
        "KEEP": r"conserv\w*|gard\w*|enregistr\w*",
        "POOL": r"vivier|cvtheque|base de (?:donnees|candidats|talents)|futur\w*|ulterieur\w*|prochaines? (?:opportunit\w*|offres)",
        "THROUGH": r"reussi(?! a )|franchi|valide|passe (?:l'etape|le cap|le test|l'entretien)|(?:ete )?(?:qualifiee?|admise?|admissibles?)",
        "RIGHT": r"(?:le|la) (?:bon|bonne) (?:profil|personne|candidat\w*)|(?:le|la) (?:profil|personne|candidat\w*) (?:ideal\w*|adapte\w*|recherche\w*)",
        "RIVAL": r"(?:d')?autres? (?:candidat\w*|profils?|personnes?)",
        "ENDS_HERE": r"s'arrete (?:\S+ ){0,2}?(?:ici|la)|(?:prend|prendra) fin (?:\S+ ){0,2}?ici",
        "FOUND": r"(?:trouve|recrute|embauche) (?:\S+ ){0,2}?(?:quelqu'un|la perle rare|la bonne personne|le bon profil|un candidat|une candidate|notre (?:\S+ )?(?:candidat\w*|recrue))",
    },
    "es": {
        "POST": r"puesto|vacante|posicion|proceso|oferta|busqueda|seleccion|rol|plazas?",
        "GONE": r"renunciado|desistido|amortizad[oa]|(?:ha sido|han sido|fue|esta|estan|ha quedado|quedo|queda|quedara|hemos|se ha|se han) (?:\S+ ){0,2}?(?:dad[oa] de baja|cubiert[oa]|asignad[oa]|adjudicad[oa]|cancelad[oa]|congelad[oa]|suspendid[oa]|cerrad[oa]|desiert[oa]|anulad[oa]|paralizad[oa]|retirad[oa]|pausad[oa])",
        "YET": r"(?:todavia|aun) no (?:\S+ ){0,3}?(?:cubi|cubr|decid|decision|tom|cerr|finaliz|encontr)\w*|(?:todavia|aun) (?:esta|sigue) abiert\w*|sigue (?:abiert\w*|vigente)|seguimos entrevistando|retras\w*",
        "ONCE": r"una vez|hasta que",
        "YOURS": r"(?:tu|su) (?:candidatura|perfil|cv|curriculum|experiencia|proceso|participacion|solicitud)",
        "AGAINST": r"descartad[oa]|rechazad[oa]|desestimad[oa]|no (?:\S+ )?(?:ha sido |es |fue )?favorable",
        "MATCH": r"encaj\w*|ajust\w*|correspond\w*|adecu\w*|alinea\w*|reun\w*|cumpl\w*",
        "UNFAVOURABLE": r"no (?:\S+ ){0,2}?favorable|desfavorable|(?:respuesta|resultado|decision) (?:\S+ ){0,2}?negativ[oa]",
        "OFFER_NOUN": r"ofrecer(?:te|le|les)|(?:te|le|les) (?:podemos )?ofrecer|oferta|propuesta",
        "THIS_TIME": r"esta vez|en esta ocasion",
        "KEEP": r"guard\w*|conserv\w*|mantendr\w*|mantener\w*|incorpor\w*|(?:tener|tendre|tendremos|tenerte|tenerle) (?:\S+ )?(?:presente|en cuenta)",
        "POOL": r"base de datos|bolsa de (?:empleo|talento|candidatos)|futur\w*|proxim\w* (?:vacantes|procesos|oportunidades)",
        "THROUGH": r"superado|superaste|pasado|pasaste|aprobado|clasificado|admitid[oa] (?:a|al|en|para)",
        "RIGHT": r"(?:el|la) (?:perfil|persona|candidat[oa]) (?:ideal|adecuad[oa]|indicad[oa]|que buscamos)",
        "RIVAL": r"otr[oa]s? (?:candidat\w*|perfil\w*|personas?)",
        "ENDS_HERE": r"(?:se )?(?:cierra|termina|acaba|finaliza|detiene) (?:\S+ ){0,2}?aqui",
        "FOUND": r"(?:encontrado|contratado|incorporado) (?:\S+ ){0,2}?(?:a )?(?:la persona|el perfil|alguien|un candidato|una candidata)",
    },
    "nl": {
        "POST": r"functie|vacature|positie|rol|procedure|sollicitatieprocedure|selectieprocedure|wervingsprocedure|werving|baan",
        "GONE": r"ingevuld|vervuld|beeindig\w*|vergeven|gegund|toegewezen|ingetrokken|geannuleerd|stopgezet|gestopt|bevroren|on hold|vervallen|opgeheven|afgezien|niet meer (?:open|beschikbaar)",
        "YET": r"nog (?:niet|geen) (?:\S+ ){0,3}?(?:ingevuld|vervuld|invull|besl|keuze|genomen|gemaakt|afgerond|gevonden)\w*|nog (?:open|steeds open)|vertraag\w*|duurt (?:\S+ )?langer",
        "ONCE": r"zodra|totdat",
        "YOURS": r"(?:je|jouw|uw) (?:sollicitatie|kandidatuur|profiel|cv|ervaring|achtergrond|deelname)",
        "AGAINST": r"afgewezen|niet (?:\S+ )?succesvol|niet (?:in )?(?:je|jouw|uw) voordeel",
        "MATCH": r"aansluit\w*|sluit\w*|past|passen|matcht|match\w*|overeen\w*|voldoe\w*",
        "UNFAVOURABLE": r"niet (?:\S+ )?in (?:je|jouw|uw) voordeel|negatie\w* (?:besluit|beslissing|uitslag|antwoord|bericht)|(?:besluit|beslissing|uitslag) (?:\S+ ){0,3}?negatief",
        "OFFER_NOUN": r"aanbod|aanbieden|voorstel",
        "THIS_TIME": r"deze keer|dit keer|ditmaal|deze ronde",
        "KEEP": r"bewaren|bewaard|opnemen|opgenomen|houden|behouden",
        "POOL": r"database|bestand|talentpool|toekomst\w*|later",
        "THROUGH": r"geslaagd|gehaald|doorgekomen|door naar|toegelaten (?:tot|voor)",
        "RIGHT": r"(?:de|het) (?:juiste|geschikte|ideale) (?:kandidaat|persoon|profiel|match)",
        "RIVAL": r"andere (?:kandidaat|kandidaten|sollicitant\w*|profielen)",
        "ENDS_HERE": r"(?:stopt|eindigt|houdt) (?:\S+ ){0,3}?hier(?: op)?",
        "FOUND": r"(?:gevonden|aangenomen) (?:\S+ ){0,2}?(?:de juiste|een geschikte|een) (?:kandidaat|persoon|collega)",
    },
    "it": {
        "POST": r"posizione|ruolo|ricerca|selezione|processo|offerta|annuncio|incarico",
        "GONE": r"(?:e|stata|stato|sono|state|abbiamo) (?:\S+ ){0,2}?(?:coperta|coperto|assegnat[oa]|chius[oa]|annullat[oa]|sospes[oa]|congelat[oa]|ritirat[oa]|interrott[oa]|cancellat[oa])|rinunciat\w*|non (?:e )?piu (?:aperta|disponibile|attiva)",
        "YET": r"(?:non (?:\S+ ){0,2}?ancora|ancora non) (?:\S+ ){0,3}?(?:copr|copert|pres|decis|conclu|chius|trovat)\w*|ancora (?:aperta|in corso)|ritard\w*|richiede piu tempo",
        "ONCE": r"appena|quando|una volta|finche",
        "YOURS": r"(?:sua|tua) (?:candidatura|esperienza|domanda|partecipazione)|(?:suo|tuo) (?:profilo|cv|curriculum|percorso)",
        "AGAINST": r"scartat[oa]|respint[oa]|rifiutat[oa]|non (?:\S+ ){0,2}?(?:accolt[oa]|a (?:suo|tuo) favore)",
        "MATCH": r"corrispond\w*|in linea|adatt\w*|rispond\w*|allinea\w*|coerente|soddisf\w*|possied\w*|rientra\w*",
        "UNFAVOURABLE": r"non (?:\S+ ){0,2}?a (?:suo|tuo|vostro) favore|sfavorevole|esito (?:\S+ )?negativo",
        "OFFER_NOUN": r"offrir\w*|propost\w*|offerta",
        "THIS_TIME": r"questa volta|in questa occasione|stavolta",
        "KEEP": r"conserv\w*|manterr\w*|tenere|terremo|archivi\w*|inseri\w*",
        "POOL": r"database|banca dati|futur\w*|prossim\w* (?:opportunita|selezioni|posizioni)",
        "THROUGH": r"superato|superata|passato|passata|superare|qualificat[oa]|ammess[oa] (?:a|al|alla|alle|ai|agli)",
        "RIGHT": r"(?:il|la) (?:profilo|persona|candidat[oa]) (?:ideale|giust[oa]|adatt[oa]|che cerchiamo)",
        "RIVAL": r"altr[oaie] (?:candidat\w*|profil\w*|persone?)|un'altra persona",
        "ENDS_HERE": r"(?:si )?(?:chiude|ferma|conclude|termina|interrompe) (?:\S+ ){0,2}?qui",
        "FOUND": r"(?:trovato|assunto) (?:\S+ ){0,2}?(?:la persona|il profilo|qualcuno|un candidato|una candidata)",
    },
    "pt": {
        "POST": r"vaga|posicao|cargo|processo|oportunidade|funcao|selecao",
        "GONE": r"desistimos|desistiu|(?:foi|foram|esta|estao|ficou) (?:\S+ ){0,2}?(?:preenchid[oa]|ocupad[oa]|atribuid[oa]|cancelad[oa]|suspens[oa]|congelad[oa]|encerrad[oa]|fechad[oa]|anulad[oa]|pausad[oa])",
        "YET": r"ainda nao (?:\S+ ){0,3}?(?:preench|tom|decid|decis|encerr|conclu|fech|encontr)\w*|ainda (?:esta )?(?:aberta|em andamento)|atras\w*",
        "ONCE": r"assim que|ate que",
        "YOURS": r"(?:sua|tua) (?:candidatura|experiencia|participacao|inscricao)|(?:seu|teu) (?:perfil|curriculo|cv|processo)",
        "AGAINST": r"reprovad[oa]|indeferid[oa]|descartad[oa]|recusad[oa]|rejeitad[oa]|encerr\w*|nao (?:\S+ ){0,2}?favoravel",
        "MATCH": r"correspond\w*|aderente|alinhad\w*|adequad\w*|encaix\w*|atend\w*|reun\w*|cumpr\w*",
        "UNFAVOURABLE": r"nao (?:\S+ ){0,2}?favoravel|desfavoravel|(?:resposta|resultado|decisao) (?:\S+ ){0,2}?negativ[oa]",
        "OFFER_NOUN": r"proposta|oferecer\w*|oferta",
        "THIS_TIME": r"desta vez|dessa vez|nesta ocasiao",
        "KEEP": r"manter\w*|manteremos|guard\w*|arquiv\w*|conserv\w*",
        "POOL": r"banco de (?:talentos|dados|curriculos)|futur\w*|proxim\w* (?:oportunidades|processos|vagas)",
        "THROUGH": r"passou|passaste|aprovad[oa]|superou|avancou|classificad[oa]|admitid[oa] (?:a|ao|na|no|para)",
        "RIGHT": r"(?:o|a) (?:perfil|pessoa|candidat[oa]) (?:ideal|adequad[oa]|cert[oa]|que buscamos|que procuramos)",
        "RIVAL": r"outr[oa]s? (?:candidat\w*|perfis|perfil|pessoas?|profissiona\w*)",
        "ENDS_HERE": r"(?:termina|encerra|acaba|para) (?:\S+ ){0,3}?aqui",
        "FOUND": r"(?:encontr\w+|contrat\w+) (?:\S+ ){0,2}?(?:a pessoa|o perfil|alguem|um candidato|uma candidata)",
    },
}


def _patterns(code: str, parts: dict[str, str]) -> dict[str, re.Pattern[str]]:
    """A language's parts as patterns, with the two built on its "not": a "not" on either
    side of a verb of fitting, and a "not" before an offer."""
    negation = BY_LANGUAGE[code]["NEGATION"].pattern
    patterns = {family: words(pattern) for family, pattern in parts.items()}
    patterns["NOT"] = BY_LANGUAGE[code]["NEGATION"]
    match = patterns["MATCH"].pattern
    patterns["NOT_MATCH"] = re.compile(rf"{negation}{_GAP}{match}|{match}{_GAP}{negation}")
    offer = patterns["OFFER_NOUN"].pattern
    patterns["NO_OFFER"] = re.compile(rf"{negation} (?:\S+ ){{0,6}}?{offer}")
    # "You did not pass the test", "no ha superado la fase", "nicht in die nächste Runde".
    patterns["NOT_THROUGH"] = re.compile(
        rf"{negation} (?:\S+ ){{0,4}}?{patterns['THROUGH'].pattern}"
    )
    # "Not the right profile for this team", "nicht die richtige Person".
    patterns["NOT_RIGHT"] = re.compile(rf"{negation} (?:\S+ ){{0,3}}?{patterns['RIGHT'].pattern}")
    patterns["BETTER"] = BY_LANGUAGE[code]["BETTER"]
    return patterns


BY_MEANING = {code: _patterns(code, parts) for code, parts in MEANINGS.items()}
