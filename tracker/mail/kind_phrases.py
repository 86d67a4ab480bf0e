# ruff: noqa: E501  (tables of alternatives read best one family per line)
"""What mail says, by meaning, in seven languages: the phrases that tell its kind.

Every phrase is matched as whole words in text that is folded (lower case, accents off,
"ß" as "ss", one kind of apostrophe, whitespace as single spaces), so "Teamleider" never
holds the German "leider" and "termine" never holds "Termin". Gaps inside a phrase are
bounded (`_W`: up to four words), so a search is linear in the text.

Families, per language:
- NO: a decision against the candidate (not moving forward, someone else chosen, filled).
- OFFER, INVITE, RECEIVED: an offer, an invitation to meet, a receipt of an application.
- JOB: words only job mail uses (the position, a recruiter, a take-home, references).
- APPLIED: "application", "candidate": job words that other applications use too.
- ELSEWHERE: the other things people apply for or are told "unfortunately" about: a flat,
  a grant, a talk, a place at a university, an order, a train.
- SHARED: the job words other applications and services use too (an admissions interview,
  a landlord's references, a bank's "current employment"): they never outweigh ELSEWHERE.
- ALERT: a job board's list of new openings.
- IF, ASIDE: a sentence that only supposes ("if you are not shortlisted") or speaks of the
  process ("we cannot reply to each applicant"): what it says is not a decision.
- WISH: "good luck with the interviews": job words in a wish are not about a job.
- SOFTENER, NEGATION, OBJECT: "unfortunately" + "not" + "your application" is a no in any
  wording the NO family lacks.
"""

import re
import unicodedata

_W = r"(?:\S+ ){0,4}?"  # up to four words, inside one sentence


def words(*alternatives: str) -> re.Pattern[str]:
    """One pattern of whole-word alternatives."""
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def squash(text: str) -> str:
    """A name folded to its letters and digits: "Umbrella Analytics" and "umbrella-analytics"
    are "umbrellaanalytics"."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def spellings(name: str) -> tuple[str, ...]:
    """A name squashed, and as a domain spells its umlauts: "Müller" is "mueller" there."""
    german = name.translate(_UMLAUTS)
    return tuple(dict.fromkeys((squash(name), squash(german))))


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def names(folded: str, name: str) -> bool:
    """Whether folded text names a company (three letters or more) as whole words."""
    key = fold(name)
    return len(key) >= 3 and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", folded) is not None


def fold(text: str) -> str:
    # "Kandidat:innen", "Bewerber*innen": one word, as the phrases spell it.
    text = re.sub(r"(?<=\w)[:*_/](?=innen\b)", "", text)
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = plain.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return " ".join(plain.split())


EN = {
    "NO": words(
        r"(?:not|no longer|won't|will not|wouldn't|would not|aren't|are not|isn't|is not|unable to|not able to|can't|cannot|decided not to|decided to not|chosen not to|opted not to|not to) (?:\S+ ){0,3}?(?:mov(?:e|ing)(?= (?:\S+ ){0,2}?(?:forward|ahead|further|on with|on to|onto|on(?=[.,;!]|$)|to (?:the )?(?:next|final|interview|offer)|you|your)(?!\w))|proceed\w*|progress\w*|advanc\w*|continu\w*|tak\w+ (?:it|this|things|your \w+|you|your candidacy)|go\w* (?:further|ahead|forward)|pursu\w*)(?: \S+){0,3}? ?(?:forward|further|ahead|with (?:you|your \w+)|to the next|at this (?:time|stage)|in the process)?",
        r"(?:go|gone|going|went|move|moving|moved|proceed\w*|continu\w*|progress\w*|advanc\w*)(?: ahead| forward| on)? with (?:another|other|a different|someone|an internal|a candidate|the candidate|the other|candidates|applicants|a finalist|the finalist)",
        r"(?:chosen|chose|selected|picked|hire|hired|hiring|appointed|offered|offer|filled) (?:the (?:\S+ )?(?:position|role|job) (?:to|with) )?(?:another|a different|other|someone|an internal|a candidate|the candidate|an applicant|a colleague|candidates (?:who|whose|with))",
        r"(?:go|mov|head)\w* (?:in |down )?(?:a different|another) (?:direction|way|route|path)",
        r"(?:won't|will not|not) (?:be )?(?:scheduling|arranging|setting up|booking|moving to|taking) (?:any )?(?:next|further) steps?",
        r"(?:decided|chosen|opted) not to (?:\S+ ){0,2}?(?:schedule|arrange|set up|book|invite|interview|offer|hire|shortlist|recommend)",
        r"(?:opted|settled|decided|gone|went) (?:for|on|with) (?:someone|somebody|a person|a candidate|an applicant) (?:who|with|whose|that)",
        r"(?:had to|have to|have|'ve|decided to) prioriti[sz]e (?:\S+ )?(?:candidates|applicants|profiles|people) (?:with|who|whose)|prioriti[sz]ed (?:\S+ )?(?:candidates|applicants|profiles|people) (?:with|who|whose)",
        r"decided to (?:keep|leave) (?:the|this) (?:\S+ )?(?:role|position|vacancy|search|req|requisition) open",
        r"(?:made|completed) (?:a|our|the) hire|(?:have|has|'ve) (?:now )?(?:appointed|hired) (?:a|an|our) (?:new|successful|preferred)",
        r"more closely (?:align\w*|match\w*|fit\w*|suit\w*|meet\w*)|(?:better|more closely) (?:aligned|suited|matched)",
        r"filled (?:the|this|that|our) (?:position|role|vacancy|opening|post)",
        r"(?:closed|ended|stopped|halted|paused|cancell?ed) (?:the|this|their|our) (?:\S+ )?(?:process|search|recruitment|role|position|vacancy|requisition|req|opening|job)",
        r"(?:someone|somebody) else",
        r"(?:had to|have to|'ve|have|decided to|going to) (?:\S+ )?pull(?:ed)? (?:the|this|our|that) (?:\S+ )?(?:role|position|req\w*|job|opening|vacancy)|clos\w* out (?:every|all|the) (?:\S+ )?(?:candidates?|applicants?|applications?)",
        r"(?:pursue|consider|interview|progress|prioriti[sz]e|focus on|continue with) (?:\S+ )?(?:other|another|different|more (?:qualified|experienced|senior)) (?:candidates|applicants|profiles|people)",
        r"(?:position|role|vacancy|job|opening|post|requisition|lectureship) (?:has|have) (?:now |already |since )?been (?:filled|closed|cancell?ed)|(?:position|role|vacancy|job|opening) (?:\S+ ){0,4}?(?:is|was) (?:now )?(?:filled|closed|no longer (?:open|available))",
        r"(?:gave|giv\w+) (?:the|this|that|these) (?:\S+ ){0,3}?(?:hours|shifts?|role|job|position|place|spot|post) to (?:someone|somebody|one of|another|a|an|the other)",
        r"(?:hired|recruited|appointed|found someone) (?:for|into) (?:the|this|that|our) (?:\S+ )?(?:position|role|vacancy|opening|post)|(?:fill|filling) (?:the|this|that|our) (?:\S+ )?(?:position|role|vacancy|opening|post)",
        r"(?:position|role|vacancy|hiring|search|requisition|recruitment) (?:\S+ ){0,3}?on hold",
        r"promot\w* (?:someone|somebody|a colleague|an? \S+) (?:\S+ ){0,3}?(?:from|within) (?:their|our|the) (?:own|existing|current|internal)",
        r"(?:hire|hiring|hired|promote|promoting|fill\w*) (?:\S+ ){0,2}?(?:from within|internally)|internal (?:candidate|hire|move|applicant)",
        r"(?:has|have|had|was|were|hasn't|haven't|wasn't|weren't) (?:not )?been (?:\S+ )?(?:taken|moved|put|progressed|carried) (?:forward|further)",
        r"need\w* (?:someone|somebody|a candidate|a person) (?:\S+ )?(?:more|with more|stronger|who has more)",
        r"(?:decided|decision (?:\S+ ){0,2}?made|chose|chosen|opted|elected) to (?:hire|appoint|bring on|go with|offer (?:the (?:\S+ )?(?:role|position|job) )?to) (?:a|an|another|the other|someone|somebody)",
        r"(?:decided|decision|had|have|chosen|opted) to (?:close|cancel|end|pause|stop|withdraw|freeze) (?:the|this|our|their) (?:\S+ )?(?:process|search|recruitment|role|position|vacancy|requisition|req|opening|job|hiring)",
        r"(?:not|n't) (?:be|been) (?:\S+ )?(?:taken|moved|put|progressed|carried) (?:forward|further)",
        r"(?:was|were|is|are) not (?:\S+ )?(?:taken|moved|put|progressed|carried) (?:forward|further)|(?:wasn't|weren't|isn't|aren't) (?:\S+ )?(?:taken|moved|put|progressed|carried) (?:forward|further)",
        r"(?:filled|allocated) (?:all )?(?:of )?(?:the|this|that|our) (?:\S+ )?(?:places|positions|roles|vacancies|openings)",
    ),
    # A decision in words any other application gets too: a no only in job mail.
    "REGRET": words(
        r"(?:not|\w+n't) (?:\S+ ){0,2}?(?:successful|selected|shortlisted|chosen|choosen|progressed|invited|retained|accepted)|unsuccessful|not (?:\S+ )?among (?:the )?(?:finalists|shortlisted|selected|successful|candidates)",
        r"regret to (?:inform|tell|advise|let you know|say)|(?:we|i) regret that|regretfully|regrettably",
        r"(?:going to|will|we'll|i'll|have to|decided to|best to) leave it (?:there|at that)",
        r"sorry to (?:say|tell you|inform(?: you)?|let you know|share)|afraid (?:that )?(?:we|i) (?:\S+ ){0,3}?(?:not|won't|can't|cannot)|bad news",
        r"(?:they've|they have|client has|manager has) passed(?! (?:the|your|our|this|that|it)\b| on (?:him|her|them|his|their)\b)|(?:it's|it is) a no|a no from (?:us|me|them|the client)|filled it(?! (?:in|out|up))",
        r"(?:going to|gonna|decided to|will|we'll|i'll|have to|had to|must|we're|we are|i'm|i am) pass(?:ing)?(?: on (?:you|your \w+|this))?|pass(?:ed|ing)? on (?:you|your \w+)",
        r"(?:decided|decision) against (?:moving|proceeding|progressing|going|taking|continuing|offering|hiring|inviting|you|your)|decided to (?:keep|continue) (?:\S+ )?(?:looking|searching|(?:our|the) search)",
        r"not (?:the right|a good|a strong|the best|a) (?:fit|match)|(?:don't|do not|didn't|did not) (?:think|feel|believe) (?:\S+ ){0,3}?(?:the right|a good|a strong|the best|a) (?:fit|match)",
        r"no longer (?:under|in) consideration|no longer being considered|not (?:be )?considered (?:further|for)",
        r"(?:unable|not able|not be able|cannot|can't|won't|will not|not) (?:to )?(?:be )?(?:offer|extend)\w* (?:you )?(?:a |an |the )?(?:position|role|offer|job|interview|place|further)",
        r"won't be submitting|will not be submitting|not (?:be )?(?:submit|put) (?:you|your \w+) forward|not (?:be )?placed on|not (?:be )?(?:put|placed) on the (?:shortlist|eligibility)",
        r"didn't work out|did not work out|not (?:the|better|good) news|sorry to disappoint|disappointing news",
        r"(?:did not|didn't|does not|doesn't) meet the (?:\S+ )?(?:standard|threshold|pass mark|minimum)|(?:below|under|short of) the (?:\S+ )?(?:pass mark|required standard|threshold)",
        r"(?:that|this) one'?s a no|and it (?:isn't|is not|won't be|will not be) you|the successful (?:candidate|applicant) (?:has|had|was|is|brings|will)",
        r"(?:not|\w*n't) (?:\S+ )?in a position to (?:make|extend|offer)|(?:isn't|is not|not) the right time to (?:bring|hire|add|take|move|offer)|(?:answer|decision|response) is (?:a )?no|releas\w* you from (?:the|our|this) (?:\S+ )?process",
        r"(?:isn't|wasn't|is not|was not|not) (?:the )?(?:outcome|news|result|answer) (?:\S+ )?(?:you|we)|not what you (?:were )?hop\w*",
        r"(?:don't|do not|didn't|did not) (?:think|feel|believe) (?:\S+ ){0,4}?(?:the right|a good|the best) (?:\S+ )?(?:fit|match|step|move|person|profile|candidate)",
        r"(?:it|that|the answer) (?:isn't|is not|wasn't|was not|won't be|will not be) you",
        r"(?:it's|it is|this is|this one's|this one is|that's|that is) a no|a no from (?:us|me|the team)",
        r"(?:application|candidacy|profile) (?:has been|was|is|have been) (?:declined|rejected|closed|archived)|not selected",
        r"(?:doesn't|does not|didn't|did not|don't|do not|isn't|is not|wasn't|was not) (?:quite |fully |closely |entirely )?(?:match|meet|fit|align|a match for|a fit for)\w* (?:\S+ ){0,3}?(?:requirements|criteria|needs|profile|experience|what we|the role|the position|our)",
    ),
    "OFFER": words(
        r"(?:pleased|delighted|happy|excited|thrilled|glad) to (?:offer|extend|make) you",
        r"(?:make|extend|making|extending|made) you (?:an|a|our) (?:formal |written |verbal |job )?offer",
        r"(?:would|'d) (?:like|love) to (?:offer|make you an offer|extend)",
        r"offer letter|job offer|formal offer|written offer|offer of employment|offer package",
    ),
    "INVITE": words(
        r"invit\w* you (?:to|for) (?!(?:complete|take|do|submit|fill|finish|apply)\b)",
        r"invitation (?:to|for) (?:an? |the |your )?(?:\S+ )?(?:interview|call|assessment|meeting|conversation)",
        r"(?:like|love|want|keen|happy) to (?:set up|schedule|arrange|book|invite(?! you to (?:complete|take|do|submit|fill|finish|apply|sit|attempt)\b)|meet|speak|chat|have a call|talk)",
        r"(?:like|love|want|keen|happy) to (?:have|hop on|jump on|grab|do) (?:a |an )?(?:\S+ ){0,2}?(?:call|chat|conversation|interview)",
        r"(?:you're|you are) through to the (?:\S+ )?(?:stage|round)",
        r"(?:set up|schedule|arrange|book) (?:a|an|the|your|some) (?:\S+ ){0,2}?(?:interview|call|screen|chat|meeting|conversation|time)",
        r"are you (?:free|available)|your availability(?! to (?:start|begin|relocate|travel))|let me know (?:when|what times) you",
        r"pick a (?:time|slot)|choose a (?:time|slot)|select a (?:time|slot)|book a slot|calendly",
        r"(?:selected|shortlisted) for (?:an? |the )?(?:\S+ )?(?:interview|round|assessment)",
        r"(?:move|moving|advance|progress) you (?:forward )?to the (?:next|final) (?:round|stage)",
        r"(?:move|moving|advance|progress) you (?:forward )?to (?:a|an|the) (?:\S+ ){0,2}?(?:interview|screen|call|onsite|panel)",
    ),
    "RECEIVED": words(
        r"(?:received|receipt of|got) your (?:application|cv|resume)",
        r"application (?:has been|was|is) (?:received|submitted)",
        r"(?:will|'ll) (?:review|look at|consider) your (?:application|cv|resume|profile)",
    ),
    "POST": words(r"positions?|roles?|jobs?|posts?|openings?|next (?:stage|round|step)"),
    "JOB": words(
        r"(?:fruit |strawberry |apple |grape )?pickers|seasonal (?:work|workers?|staff|jobs?|roles?|hires?)|harvest (?:work|crew|hands?|staff)",
        r"vacanc(?:y|ies)",
        r"hir(?:e|ed|ing)",
        r"recruit\w*",
        r"candidacy",
        r"cv|resume|curriculum vitae",
        r"interviews?|interview\w+",
        r"employment|employer",
        r"requisition|req",
        r"talent (?:acquisition|team|partner)",
        r"take-home|take home|coding (?:exercise|challenge|test)|technical (?:test|exercise|assessment)|assessment cent(?:re|er)",
        r"(?:coding|online|skills?|aptitude|cognitive|psychometric|numerical|verbal|situational judge?ment) (?:assessment|test)s?|your (?:application )?process (?:for|with|at)",
        r"phone screen|onsite|on-site|system design|coding (?:round|session)|pairing session|technical (?:round|session|screen)",
        r"(?:two|three|some|your|professional) (?:references|referees)|reference (?:check|details)",
        r"headhunt\w*|executive search",
        r"your (?:background|profile|experience)",
        r"lectureship|lecturer|finalists?|case study|postdoc|withdr[ae]w\w*",
        r"(?:our|the|hiring|interview|recruitment|selection) process",
        r"(?:the|this|that|a|your) (?:\S+ ){0,3}?(?:position|role|job|post)",
        r"shortlist\w*",
        r"(?:the|this|our) client",
        r"selection board",
    ),
    "APPLIED": words(r"applications?", r"applicants?", r"candidates?", r"appl(?:y|ied|ying)"),
    "ELSEWHERE": words(
        r"flats?|flatmates?|housemates?|flatshare|apartments?|propert(?:y|ies)|landlord|tenan\w+|lettings|letting agent|viewing|rent(?:al)?",
        r"grants?|funding|scholarships?|bursar(?:y|ies)|fellowships?|(?<!strong )(?<!stiff )(?<!fierce )(?<!tough )(?<!high )competition(?! (?:for|was|is|has|had|were|among|between)(?!\w))|residenc(?:y|ies)",
        r"your (?:talk|proposal)|talk proposal|speakers|cfp|call for (?:papers|proposals)|program(?:me)? committee",
        r"admissions?|msc|degree (?:programme|course)|a place on|enrol\w*|\d{4} entry",
        r"your order|order (?:#|number|no)\S*|refund|credit card|your card|loan|mortgage",
        # Not the French "en train de" (in the middle of), read in English too.
        r"flights?|(?<!en )trains?(?! de(?!\w))|trip|(?:train|plane|flight|concert|event|festival|match|your|the) tickets?|boarding pass",
        r"volunteer\w*|marshals?|marathon|race",
        r"dear parents|school trip|(?:nursery|childcare|child care|day ?care|preschool) places?|places? (?:\S+ ){0,3}?(?:nursery|childcare|day ?care|preschool)",
        r"lottery|ballot for|(?:garden|allotment) plots?|community garden",
        r"parcels?|delivery attempt|courier|tracking number",
        r"membership|gym|credit limit|allotments?|insurance claim|your claim|your policy|accommodation|halls of residence",
    ),
    "ALERT": words(
        r"\d+ new \S+ ?\S* jobs?|new jobs (?:matching|for you)|jobs? alerts?|matching your search|jobs you may be interested in",
        # A board's count of new openings of any sort, a saved job gone with similar ones.
        r"\d+ new (?:\S+ ){0,3}?(?:jobs?|roles|contracts|vacancies|positions|openings)(?= (?:for|matching|near|in|that)(?!\w))|(?:contract|vacancy|role) alerts?",
        r"similar (?:jobs|roles|vacancies|positions|contracts)|(?:a |the )?(?:jobs?|roles?|vacanc(?:y|ies)|contracts?) you(?: have|'ve)? saved|saved (?:jobs?|roles?|vacanc(?:y|ies)|contracts?)(?!\w)",
    ),
    "IF": words(
        r"before (?:i |we |they )?(?:\S+ )?(?:schedul\w*|propos\w*|arrang\w*|book\w*|set up|setting up|invit\w*|mak\w* (?:a |the |any )?(?:final )?decision)|afraid of|(?:scared|worried|terrified|fear\w*) (?:of|that)|if|unless|should you|(?:^|, )should (?:a|an|the|any|there|it|they|we)|in case|whether|otherwise|or else|as soon as(?! possible)|in (?:that|such an?|which) case|once (?!again|more)|without (?:hearing|news|a reply)|(?:you )?(?:may|can|should) (?:then )?(?:assume|consider)"
    ),
    "ASIDE": words(
        # The process's calendar: interviews in general, held on set days, invite no one yet.
        # A "not" that waits on something asked for ("I can't pass your application to the
        # panel until we have them"): a hold, no decision.
        r"until (?:we|i) (?:\S+ )?(?:have|receive|get|hear)|until (?:they|these|those|this|it|the \w+) (?:are|is|have been|has been) (?:\S+ )?(?:received|provided|submitted|sent|completed)",
        # Invitations, many: the process's calendar told to every applicant.
        r"invitations (?:to|for) (?:an? |the )?(?:\S+ )?interviews?",
        r"(?:the |final |first )?interviews (?:\S+ ){0,2}?(?:are|will be) (?:\S+ ){0,3}?(?:held|planned|taking place)|interviews,? (?:which )?will (?:\S+ )?take place|shortlisting will (?:\S+ )?take place",
        # Who will be invited, said of the applicants as a group: the process told, no invitation.
        r"(?:candidates|applicants|those|people) (?:whom )?(?:we|we'd|we'll) (?:\S+ ){0,2}?(?:invite|shortlist|select|call)|(?:candidates|applicants|those|people) (?:shortlisted|selected|invited) for (?:an? |the )?(?:\S+ )?interviews? (?:\S+ ){0,3}?(?:will|are to) be",
        # "You might remember my note when the role went to someone else": a no recalled.
        r"(?:might|may|will|probably|surely) (?:\S+ )?remember|as you (?:may )?(?:know|recall)|you (?:may )?recall",
        # "Reaching this stage does not constitute an offer": a disclaimer, no refusal.
        r"(?:does not|doesn't|do not|don't|shall not|will not|is not|isn't) (?:\S+ )?(?:constitute|represent|amount to|imply|guarantee|mean) (?:\S+ ){0,2}?(?:offer|promise)\w*",
        r"(?:reply|respond|get back|write|answer) to (?:each|every|all|every single) (?:applicant|candidate|application)\w*",
        r"individual(?:ly)?",
        r"only (?:shortlisted|successful|selected) (?:candidates|applicants)",
        r"(?:shortlisted|successful|selected) (?:candidates|applicants) (?:\S+ ){0,4}?(?:will|are to) be",
        r"(?:reply|respond|write|answer) to everyone|(?:meet|interview|see|invite|contact) (?:all|every|each) (?:of the )?(?:applicants|candidates)|(?:meet|interview|see|invite|contact) everyone",
        r"(?:candidates|applicants|those|anyone) (?:who|that) (?:\S+ ){0,6}?(?:will|can|should|may)",
        r"please assume",
        r"(?:ways|tips|how) to (?:\S+ ){0,3}?(?:stand out|reply|respond|handle|deal|cope|bounce back)",
        r"not a reflection",
    ),
    "WISH": words(
        r"good luck|best of luck|fingers crossed|thinking of you|break a leg|their loss|how did (?:\S+ ){0,3}?go|how was (?:the|your)"
    ),
    "SOFTENER": words(
        r"unfortunately|sadly|regrettably|regretfully|i'm afraid|we're afraid|we are afraid"
    ),
    "NEGATION": words(r"not|\w*n't|no|never|unable|cannot"),
    # The user's application, not the role: "unfortunately this role isn't remote" is news
    # about the job, and a role that is gone is read by meaning (kind_meanings).
    "OBJECT": words(
        r"your (?:application|candidacy|profile|cv|resume)",
    ),
    # Job words that a flat, a loan, a school, a shop or a conference use too: the letting
    # agent's references, the admissions interview, the customer, your current employer.
    "SHARED": words(
        r"clients?|customers?|employment|employer|recruitment|interviews?|cv|resume|curriculum vitae|(?:two|some|your|professional) (?:references|referees)|reference (?:check|details)",
        r"your (?:background|profile|experience)|(?:our|the) (?:selection|application|admissions?) process|(?:car|van|bike|gown|robe|suit|equipment|venue|room|boat|kit) hire",
    ),
    "UNSUBSCRIBE": words(r"unsubscribe|manage (?:your )?(?:email )?preferences"),
}

DE = {
    "REGRET": words(
        r"absage\w*|zu unserem bedauern|mussen wir ihnen (?:leider )?mitteilen",
        # An expense or a request "nicht berücksichtigt" too: a no only in job mail.
        r"nicht (?:\S+ ){0,3}?berucksichtig\w*",
        r"nicht (?:mehr )?in (?:frage|betracht)|nicht (?:\S+ ){0,2}?(?:geklappt|gereicht|ausgewahlt)|keine zusage",
        r"nicht zusammen(?:kommen|finden)|(?:kommen|finden) (?:\S+ ){0,3}?nicht zusammen|muss\w* (?:\S+ ){0,3}?enttauschen",
        r"kein\w* (?:nachsten|weiteren) schritt\w* (?:\S+ ){0,2}?mit (?:ihnen|dir|euch)|(?:machen|gehen) (?:\S+ ){0,4}?kein\w* (?:nachsten|weiteren) schritt",
        r"nicht (?:\S+ ){0,2}?uberzeug\w*|reich\w* (?:\S+ ){0,7}?nicht aus",
        # "Deshalb wird das mit dir jetzt nix": a plain no.
        r"(?:wird|wurde) das mit (?:dir|ihnen|euch|uns) (?:\S+ ){0,2}?(?:nichts|nix)|das (?:wird|wurde) (?:\S+ ){0,2}?(?:nichts|nix) mit (?:dir|ihnen|euch|uns)",
    ),
    "NO": words(
        r"(?:fur|zu) (?:eine?n?|die|den) (?:\S+ ){0,2}?(?:andere\w*|kandidat\w*|(?:mit)?bewerber\w*|person)(?: \S+){0,8}? entschieden",
        r"(?:fur|zu) (?:jemand\w*|jemand) (?:anderen?|anders)|fur jemand\w* (?:\S+ ){0,8}?entschieden",
        r"(?:jemand\w*|eine?n? (?:kandidat\w*|bewerber\w*|person)) gefunden",
        r"(?:konnten|haben) (?:wir )?(?:\S+ ){0,3}?(?:stelle|position|vakanz) (?:\S+ ){0,6}?(?:besetzen|besetzt|vergeben)",
        r"(?:stelle|position|vakanz) (?:\S+ ){0,2}?mit (?:einer|einem|einen|jemand\w*) (?:\S+ ){0,6}?besetz\w*",
        r"(?:stelle|position) (?:\S+ ){0,3}?an (?:eine?n?|einer|jemand\w*) (?:\S+ ){0,3}?vergeben",
        r"andere\w* (?:kandidat\w*|bewerber\w*|person)\w*",
        # "Nicht berücksichtigt" names a job only beside the application (any office says it).
        r"(?:bewerbung|kandidatur|bewerbungsunterlagen|bewerber\w*|auswahlverfahren|stellenbesetzung) (?:\S+ ){0,4}?nicht (?:\S+ ){0,3}?berucksichtig\w*",
        r"nicht (?:\S+ ){0,3}?(?:verfolg\w*|fortsetz\w*|fortzusetzen|fortfuhr\w*|fortzufuhren|weiterverfolg\w*|weiter\w*|in (?:die|der) engere\w*)",
        r"(?:stelle|position|vakanz) (?:\S+ )?(?:wurde|ist|konnte) (?:\S+ ){0,2}?(?:besetzt|vergeben)",
        r"(?:intern|anderweitig) (?:\S+ )?(?:zu )?besetz\w*",
        r"keine (?:positive|erfreuliche) (?:nachricht|ruckmeldung)",
        r"nicht (?:fur (?:sie|dich) )?entschieden|nicht (?:ganz )?(?:passt|passend|zu dem passt)",
        r"passt (?:\S+ ){0,3}?nicht",
        r"gegen (?:ihre|deine) (?:bewerbung|kandidatur)|dagegen entschieden|gegen (?:\S+ ){1,3}?entschieden|(?:uns|wir) (?:\S+ ){0,2}?anders entschieden",
        r"(?:wahl|entscheidung) (?:\S+ ){0,3}?(?:auf|fur) (?:\S+ ){0,4}?(?:kandidat\w*|(?:mit)?bewerber\w*|person|kolleg\w*) (?:\S+ ){0,2}?(?:gefallen|getroffen)|fiel (?:\S+ ){0,2}?die (?:wahl|entscheidung) auf|den ausschlag gegeben|ausschlaggebend war",
        r"(?:bereits|inzwischen|schon|mittlerweile) (?:\S+ )?besetzen|(?:bewerbung|kandidatur) (?:\S+ ){0,4}?ablehnen",
    ),
    "OFFER": words(
        r"(?:stelle|position) (?:\S+ ){0,4}?anbieten",
        r"vertragsangebot|jobangebot|angebot (?:machen|unterbreiten)|arbeitsvertrag (?:\S+ ){0,3}?(?:zu|schicken|senden)",
    ),
    "INVITE": words(
        r"einlad\w*|einzuladen|laden (?:sie|dich|euch) (?:\S+ ){0,6}?ein",
        r"terminvorschlag|termin (?:\S+ ){0,2}?(?:bestatigen|vereinbaren|vorschlagen)|passt (?:es )?(?:dir|ihnen)",
    ),
    "RECEIVED": words(
        r"(?:eingang|erhalt) (?:ihrer|deiner) (?:bewerbung|unterlagen)|eingangsbestatigung|den eingang",
        r"bewerbung (?:\S+ )?erhalten|(?:danke|dank) fur (?:ihre|deine) bewerbung",
        r"unterlagen (?:\S+ ){0,3}?(?:an|durch|prufen)",
    ),
    # "Projektstelle", "Vollzeitstelle"; not an office, a building site or a bus stop.
    "POST": words(
        r"(?!(?:geschafts|beratungs|post|anlauf|schnitt|bau|halte|tank|melde|sammel|koordinierungs|"
        r"kontakt|fach|dienst|annahme|zahl|vermittlungs|leit)stelle)\w*stelle|position|job|nachste(?:n|r)? (?:runde|schritt)"
    ),
    "JOB": words(
        r"erntehelfer\w*|saisonarbeit\w*|saisonkraft|saisonkrafte|saisonstellen?|saisonjob\w*",
        # "Einen neuen Antrag stellen", "Fragen stellen": the verb is no job.
        r"stellen\w+|(?:offene\w*|freie\w*|ausgeschriebene\w*|neue\w*|unsere\w*|die|der|den|weitere\w*|passende\w*|vakante\w*|mehrere\w*|folgende\w*|diese\w*|\d+|zwei|drei) stellen|job\w+|eingestellt|einzustellen",
        r"vorstellungsgesprach\w*|kennenlerngesprach\w*|fachinterview|interview\w*|bewerbungsgesprach\w*",
        r"recruit\w*|personalabteilung|personalreferent\w*|personalberat\w*|human resources|talent acquisition",
        r"arbeitsvertrag|anstellung|lebenslauf|bewerbungsunterlagen|bewerbungsprozess|auswahlverfahren|bewerbungsverfahren",
        r"programmieraufgabe|fallstudie|referenz\w*|probearbeit\w*|online-?(?:test|assessment)\w*|eignungstest\w*|einstellungstest\w*|coding-?challenge",
        r"ihr profil|dein profil|ihre unterlagen|deine unterlagen|prozess",
        r"teamleiter\w*|kandidatin|auswahlkommission",
    ),
    "APPLIED": words(r"bewerbung\w*|bewerber\w*|kandidat\w*|beworben"),
    "ELSEWHERE": words(
        r"\w*wohnung\w*|mietinteressent\w*|vermiet\w*|eigentumer|besichtigung|miete|ehrenamt\w*|freiwilligen\w*|wg-zimmer|zimmer|mitbewohner\w*",
        r"\w*stipendi\w*|forderung|zuschuss|forderantrag",
        r"vortrag\w*|einreichung\w*|programmkomitee|konferenz",
        r"zulassung\w*|studiengang|studium|semester|zugelassen",
        r"(?<!zum )zug|reise|fahrkarte|bestellung|das training|halle",
        r"paketshop|packstation|zustellung|sendungsnummer|sendungsverfolgung",
        r"kita-?platz\w*|krippenplatz\w*|kindergartenplatz\w*|betreuungsplatz\w*|verlosung|losverfahren|aufnahmeantrag|mitgliedsantrag|vereinsmitglied\w*",
        r"mitgliedschaft|fitnessstudio|(?:raten|privat|klein|auto|bau|verbraucher|sofort)?kredit(?:antrag|antrags|anfrage|vertrag|karte|e|s)?|darlehen\w*",
    ),
    "ALERT": words(
        r"jobagent\w*|\d+ neue (?:stellenangebote|jobs|stellen)|stellenangebote fur (?:sie|dich)",
        r"ahnliche (?:stellen\w*|jobs)|gemerkte (?:stelle|stellen|jobs?)|(?:stellen|jobs) (?:\S+ ){0,3}?(?:zu )?(?:ihrem|deinem) suchprofil",
    ),
    "IF": words(
        # A verb first and "so" or "dann" after supposes: "Erhalten Sie bis zum 28. März keine
        # Einladung, so ..." is "if you receive none".
        r"^\w+ (?:sie|du|ihr) (?:\S+ ){0,8}?\S+,? (?:so|dann)(?!\w)",
        # ...and so does a verb first with a "not" before a main clause that starts on its
        # verb: "Kommt bis dahin nichts, kann ich die Bewerbung nicht weitergeben".
        r"^\w+ (?:\S+ ){0,6}?(?:nichts|nicht|kein\w*)(?: \S+){0,2}?, (?:so |dann )?(?:kann|konnen|muss|mussen|werde|werden|wird|ist|sind|gilt|gehen) (?:ich|wir|sie|du|die|der|das|es|ihre|deine)(?!\w)",
        r"bevor (?:wir|ich) (?:\S+ ){0,4}?(?:einladen|vereinbaren|planen|entscheiden|ansetzen)|vor (?:einer|der) (?:einladung|entscheidung|terminvereinbarung)|angst (?:davor|,)|befurcht\w*|sorge,? dass|falls|wenn|sollten sie|solltest du|sofern|ob|sobald(?! wie moglich| als moglich)|in (?:dem|einem solchen) fall|(?:horen|haben) sie (?:\S+ ){0,5}?nichts|sonst|ansonsten|ohne (?:\S+ )?(?:ruckmeldung|nachricht|antwort)|gehen sie (?:bitte )?davon aus|(?:betrachten|werten) sie",
    ),
    "ASIDE": words(
        r"solange (?:\S+ ){0,5}?(?:nicht|kein\w*) (?:\S+ ){0,4}?(?:vorlieg\w*|vorhanden|eingegangen|erhalten|nachgereicht)|erst (?:\S+ ){0,6}?(?:wenn|sobald|nachdem) (?:\S+ ){0,5}?(?:vorlieg\w*|erhalten|eingegangen|nachgereicht)",
        # Invitations, many: the process's calendar told to every applicant.
        r"(?:die )?einladungen (?:zu|zum|zur|fur) (?:\S+ ){0,2}?(?:\w*gesprach\w*|interview\w*)",
        r"(?:die )?(?:vorstellungsgesprache|gesprache|interviews) (?:\S+ ){0,4}?(?:finden|werden) (?:\S+ ){0,4}?(?:statt|gefuhrt|stattfinden)",
        r"(?:kandidat\w*|bewerber\w*|diejenigen|personen),? die wir (?:\S+ ){0,4}?(?:einladen|auswahlen)|(?:ausgewahlte|eingeladene) (?:kandidat\w*|bewerber\w*) (?:\S+ ){0,4}?werden",
        r"(?:sie|du) (?:\S+ )?erinner\w* (?:sich|dich) (?:\S+ )?(?:vielleicht|sicher|bestimmt|noch)|wie (?:sie|du) (?:\S+ )?wiss\w*",
        r"(?:stellt|stellen|bedeutet|ist) (?:\S+ ){0,2}?(?:kein\w*|nicht) (?:\S+ ){0,2}?(?:angebot|zusage)\w*",
        r"jede[mn]? bewerber\w*|jede[rn]? bewerbung|einzeln\w*|individuell\w*|alle (?:bewerber\w*|kandidat\w*) (?:\S+ ){0,3}?(?:einladen|kennenlernen|treffen|antworten)|(?:ausgewahlte|erfolgreiche|eingeladene) (?:bewerber\w*|kandidat\w*)",
    ),
    "WISH": words(r"viel gluck|daumen|viel erfolg bei den|wie lief|wie war"),
    "SOFTENER": words(r"leider|bedauerlicherweise|bedauern|zu unserem bedauern"),
    "NEGATION": words(r"nicht|kein\w*|nie|nix"),
    "OBJECT": words(
        r"(?:ihre|deine) bewerbung|(?:ihr|dein) profil|(?:ihre|deine) unterlagen"  # not "Sie": "leider nicht erreicht"
    ),
    "SHARED": words(
        r"bewerbungsunterlagen|lebenslauf|interview\w*|referenz\w*|ihr profil|dein profil|prozess|anstellung|arbeitsvertrag|ihre unterlagen|deine unterlagen|auswahlverfahren|bewerbungsverfahren"
    ),
    "UNSUBSCRIBE": words(r"abbestellen|abmelden"),
}

FR = {
    "NO": words(
        r"(?:ne|n') (?:\S+ ){0,3}?(?:pas|plus) (?:\S+ ){0,2}?(?:donner suite|poursuivre|retenir|continuer|suite favorable)",
        r"(?:pas|pu) (?:\S+ )?(?:donner (?:une )?suite|retenue?s?|ete retenue?s?|en mesure de vous proposer)",
        r"(?:n'a|n'ont) pas ete retenue?s?|pas ete retenue?s?",
        r"(?:retenu|choisi|selectionne) (?:d'autres|un autre|une autre|quelqu'un d'autre)",
        r"(?:retenu|choisi|selectionne|privilegie) (?:un|une|des|d'autres) (?:\S+ )?(?:profils?|candidat\w*|personnes?) (?:\S+ )?(?:plus|mieux|davantage|qui)",
        r"(?:poursuivre|continuer) avec (?:un autre|une autre|d'autres)",
        r"quelqu'un d'autre",
        r"(?:poste|offre) (?:\S+ )?(?:a ete|est) (?:\S+ )?pourvu",
        r"ne correspond pas|suite favorable",
        r"(?:poste|recrutement|processus) (?:\S+ ){0,3}?(?:pourvu|clos|cloture|ferme|annule|suspendu)",
    ),
    "REGRET": words(
        r"(?:avons|sommes|ai|suis) (?:le|au) regret|regrettons|regrette de|pas (?:\S+ )?plus loin",
        r"(?:ne )?(?:correspond|repond) pas|pas (?:pu )?abouti\w*|(?:candidature|profil) (?:\S+ ){0,2}?(?:declinee|refusee|rejetee|non retenue?)",
    ),
    "OFFER": words(
        r"(?:vous|te) proposer le poste|proposition d'embauche|promesse d'embauche|offre d'embauche|proposition de contrat",
    ),
    "INVITE": words(
        r"inviter|invitation a|convier|vous rencontrer|te rencontrer|entretien le|(?:un|ces|des|les|quelques) creneaux?|(?<!pour votre )(?<!pour ta )(?<!pour vos )(?<!pour tes )(?<!date de )disponibilites?(?! (?:pour|de) (?:commencer|demarrer|prendre (?:vos|tes) fonctions|vous deplacer|te deplacer|voyager|travailler)|,? (?:de )?(?:preavis|prise de poste))",
        r"(?:aimerions|aimerait|aimerais|souhaiterions|souhaiterait|voudrions) (?:\S+ ){0,2}?(?:discuter|echanger|parler) avec (?:toi|vous)",
        r"(?:vous|te) propos\w* (?:un|une) (?:\S+ ){0,2}?(?:entretien|rencontre|echange|rendez-vous|appel|visio\w*)",
        # A public employer "convoque" to the interview: the invitation in its own words.
        r"(?:vous|te) convoquer|convocation (?:a|pour) (?:un|l'|votre|ton|le) ?(?:\S+ )?entretien",
    ),
    "RECEIVED": words(
        r"(?:bien )?recu (?:votre|ta) candidature|accusons reception|confirmation de (?:votre|ta) candidature|sera etudiee",
    ),
    # "Bureau de poste" is the post office, no job.
    "POST": words(r"(?<!bureau de )postes?|prochaine etape"),
    "JOB": words(
        r"saisonniers?|saisonnieres?|emploi saisonnier|travail saisonnier|cueilleurs?|cueilleuses?|vendangeurs?|vendangeuses?",
        # "vos références" (a job's referees), not "référence RDV-27-558120" (a booking number).
        r"emplois?|recrut\w*|embauche\w*|entretiens?|cv|test technique|test (?:en ligne|de (?:code|codage|personnalite|logique|competences|raisonnement))|tests? psychotechniques?|references?(?! (?:n\S? ?)?\S*\d)|concours (?:externe|interne|de la fonction publique)|fiche de poste",
        r"opportunite|chasseu\w+|votre profil|ton profil|mission|processus|ressources humaines|rh|grh|drh",
        r"directrice technique|directeur technique|jury de recrutement|commission de recrutement",
    ),
    "APPLIED": words(r"candidatures?|candidat\w*"),
    "ELSEWHERE": words(
        r"appartement|logement|location|proprietaire|bailleur|dossier de location",
        r"bourses?|subvention|doctorale",
        r"conferences?|votre proposition|proposition de (?:conference|talk|expose)|comite de programme",
        r"admissions?|(?:le|en|du) master|mastere|jury d'admission",
        r"tgv|votre train|billet|vol|commande|remboursement|visas?|passeport|consulat",
        r"colis|livraison|livreur|(?:pas pu etre|ete) (?:livree?|distribuee?)|bureau de poste",
        r"adhesion|salle de sport|carte de credit|carte bancaire|pret immobilier",
        r"places? (?:\S+ ){0,3}?(?:creches?|halte-garderie|accueil du jeune enfant)|tirage au sort|jardin communautaire|parcelles?",
    ),
    "ALERT": words(
        r"nouvelles offres(?: d'emploi)?|offres correspondant|alerte emploi",
        r"offres (?:d'emploi )?similaires|offres? (?:d'emploi )?(?:sauvegardees?|enregistrees?)|\d+ nouvelles? offres",
    ),
    "IF": words(
        r"avant de (?:vous |te )?(?:proposer|planifier|organiser|fixer|caler|inviter|convier|convoquer|prendre (?:une|la|notre) decision)|(?:peur|crainte) de|craign\w* de|si|au cas ou|dans le cas ou|des que(?! possible)|dans (?:ce|un tel) cas|auquel cas|sinon|sans (?:nouvelles?|reponse|retour)|(?:vous pourrez|vous pouvez|tu pourras|tu peux) (?:considerer|estimer)"
    ),
    "ASIDE": words(
        r"tant que (?:\S+ ){0,5}?(?:n'|ne )|avant (?:d'avoir|de recevoir|reception|la reception)",
        # Invitations, many: the process's calendar told to every applicant.
        r"(?:les )?(?:convocations|invitations) (?:aux|pour les|a un|pour un) (?:\S+ )?entretiens?",
        r"(?:les )?entretiens (?:\S+ ){0,3}?(?:auront lieu|se tiendront|se derouleront|sont prevus)",
        r"(?:les |seul(?:e)?s les )?(?:personnes|candidat\w*) (?:retenu|selectionne|preselectionne|convoque)\w* (?:\S+ ){0,5}?seront|(?:personnes|candidat\w*) que nous (?:\S+ )?(?:inviterons|retiendrons|convoquerons|rencontrerons)",
        r"(?:vous vous|tu te) (?:souvenez|souviens|rappelez|rappelles) (?:\S+ )?(?:peut-etre|sans doute|surement|certainement)|comme (?:vous le savez|tu le sais)",
        r"(?:ne constitue|ne vaut|ne represente|ne signifie) pas (?:\S+ ){0,3}?(?:offre|promesse|engagement)",
        r"chaque candidat\w*|individuellement|(?:rencontrer|recevoir|contacter|repondre a) (?:\S+ )?(?:tous les|toutes les|chacun|tout le monde)|(?:les|seul(?:e)?s les) candidat\w* (?:retenu\w*|selectionne\w*|preselectionne\w*)",
    ),
    "WISH": words(
        r"bon courage|bonne chance|on pense (?:fort )?a toi|comment (?:s'est|ca s'est) passe"
    ),
    "SOFTENER": words(r"malheureusement|helas|regret\w*"),
    "NEGATION": words(r"ne|n'|pas|plus|jamais"),
    "OBJECT": words(r"(?:votre|ta) candidature|(?:votre|ton) profil|(?:le|ce) poste"),
    "SHARED": words(
        r"entretiens?|cv|references?|votre profil|ton profil|processus|mission|opportunite|ressources humaines|rh|grh|drh"
    ),
    "UNSUBSCRIBE": words(r"se desabonner|desinscri\w+|se desinscrire"),
}

ES = {
    "NO": words(
        r"(?:continuar|seguir|avanzar|avanzamos|seguimos|continuamos) con otr[oa]s? (?:\S+ )?(?:candidat\w*|persona|perfil\w*)",
        r"otra persona|otro candidato",
        r"no (?:podemos|podremos|vamos a|seguiremos|continuaremos|avanzaremos) (?:\S+ )?(?:avanzar|continuar|seguir|adelante)",
        r"(?:decidio|decidido|decidimos) no (?:avanzar|continuar|seguir)",
        r"no avanzar|no seguiremos|no alcanza",
        r"(?:ha )?descartado (?:tu|su) candidatura",
        r"(?:plaza|vacante|puesto|posicion) (?:\S+ ){0,4}?(?:ha sido|fue|esta) (?:\S+ )?cubiert[oa]",
        r"(?:contratado|elegido|seleccionado) a otr[oa]",
        r"(?:cerrado|cerramos|cubierto|cubrimos|cubrir|cancelado) (?:la|el) (?:posicion|puesto|vacante|plaza|proceso)",
        r"desestimad\w*|desestimar",
    ),
    "REGRET": words(
        r"lamentamos (?:comunicar|informar)\w*|no (?:ha|has|han) sido (?:seleccionad\w*|elegid\w*|admitid\w*)",
        r"no (?:se )?(?:ajusta|encaja|corresponde|adecua)|no (?:\S+ ){0,3}?(?:cumple|reune)\S* (?:\S+ ){0,4}?requisitos",
    ),
    "OFFER": words(
        r"(?:te|le) ofrecemos|ofrecerte|ofrecerle|oferta formal|carta oferta|propuesta (?:con las condiciones|economica|formal)",
        r"(?:nuestra|la|una) oferta (?:formal |de empleo |de trabajo )?(?:para el puesto|para la posicion|de incorporacion)|que te (?:unas|unieras) (?:a|al)|bienvenid[oa] al equipo",
    ),
    "INVITE": words(
        r"invitarte|invitarle|invitacion a|entrevista el|te viene bien|videollamada|reserva el horario|(?:queremos|gustaria|quisieramos|encantaria|para) conocerte|(?<!por tu )(?<!por su )(?<!por la )(?<!fecha de )disponibilidad(?! (?:para|de) (?:incorporar\w*|incorporacion|empezar|comenzar|acudir|trabajar|viajar|desplazar\w*))|agendar",
        r"(?:te|le) propon\w* (?:un|una) (?:\S+ ){0,2}?(?:entrevista|reunion|llamada|videollamada)",
        r"convocarte|convocarle|convocatoria (?:a|para) (?:la |una )?(?:\S+ )?entrevista",
    ),
    "RECEIVED": words(r"hemos recibido|recibido (?:correctamente )?(?:tu|su)|acuse de recibo"),
    "POST": words(r"puestos?|plaza|posicion|(?:siguiente|proxima) fase"),
    "JOB": words(
        r"temporer[oa]s?|recolector\w*|trabajo de temporada|empleo de temporada|campana de (?:recogida|recoleccion)",
        r"vacantes?|empleo|contrat\w+|entrevistas?|cv|curriculum|reclut\w*|recursos humanos|rrhh|oposicion\w*|bolsa de (?:empleo|trabajo)|proceso selectivo",
        r"prueba tecnica|prueba (?:online|en linea|de (?:codigo|programacion|nivel|aptitud\w*))|test (?:psicotecnico|de (?:programacion|aptitud\w*|personalidad))|tu proceso (?:de seleccion )?(?:para|en|con)|referencias|oportunidad|headhunter|tu perfil|su perfil|(?:el|al|del|nuestro) cliente|busqueda",
        r"jefe de equipo|talent acquisition|finalistas?",
        # The board a public employer names for its competition.
        r"comision de seleccion|tribunal (?:calificador|de seleccion)",
    ),
    "APPLIED": words(r"candidaturas?|candidat\w*|solicitud\w*|postula\w*|proceso de seleccion"),
    "ELSEWHERE": words(
        r"piso|alquiler|propietario|inmobiliaria|beca\w*|subvencion|convocatoria de becas|ponencia|charla|voluntari\w*",
        r"admision|admitid\w*|(?:el|del|un) master|curso academico|estudiante",
        r"vuelo|tren|billete|pedido|reembolso|comida|tarjeta|prestamo|hipoteca",
        r"paquete|paqueteria|mensajero|numero de seguimiento",
        r"gimnasio|membresia|cuota|socio|solicitud de alta",
        r"plazas? (?:\S+ ){0,3}?(?:guarderia|escuela infantil)|sorteo|huerto urbano",
    ),
    "ALERT": words(
        r"\d+ nuevas ofertas|nuevas ofertas|alerta de empleo|coinciden con tu alerta",
        r"ofertas (?:de empleo )?similares|ofertas? (?:de empleo )?guardadas?|empleos similares",
    ),
    "IF": words(
        r"antes de (?:agendar|programar|concertar|proponer\w*|invitar\w*|convocar\w*|tomar (?:una|la) decision)|miedo (?:a|de)|tem(?:ia|ian|e) (?:no|que)|temor a|si|en caso de|de lo contrario|en cuanto(?: sea)?(?! (?:sea )?posible)|tan pronto como(?! (?:sea )?posible)|en (?:ese|tal|cuyo) caso|sin (?:noticias|respuesta|novedades)|(?:puedes|podras|puede|podra) (?:considerar|entender|dar por)"
    ),
    "ASIDE": words(
        r"hasta (?:que (?:\S+ ){0,3}?(?:recibamos|tengamos|nos (?:envie|envies|lleguen|llegue))|recibir|tener)|mientras no",
        # Invitations, many: the process's calendar told to every applicant.
        r"(?:las )?(?:convocatorias|invitaciones) (?:a|para) (?:las |una )?(?:\S+ )?entrevistas?",
        r"(?:las )?entrevistas (?:\S+ ){0,3}?(?:tendran lugar|se celebraran|se realizaran|estan previstas)",
        r"(?:las |los |solo las |solo los )?(?:personas|candidat\w*) (?:seleccionad|preseleccionad|convocad)\w* (?:\S+ ){0,5}?seran|(?:personas|candidat\w*) (?:a (?:las|los) )?que (?:invitemos|convoquemos|seleccionemos)",
        r"(?:recordaras|recordara|como (?:ya )?(?:sabes|sabe))",
        r"no (?:constituye|supone|representa|implica|significa) (?:\S+ ){0,3}?(?:oferta|promesa|compromiso)",
        r"cada candidat\w*|individualmente|(?:entrevistar|conocer|contactar|responder) a (?:todos|todas)|(?:los|las|solo los|solo las) candidat\w* (?:seleccionad|preseleccionad)\w*",
    ),
    "WISH": words(r"mucha suerte|suerte con|que tal|como te (?:fue|ha ido)"),
    "SOFTENER": words(r"lamentablemente|desafortunadamente|por desgracia|lamentamos|sentimos"),
    "NEGATION": words(r"no|nunca"),
    "OBJECT": words(r"(?:tu|su) candidatura|(?:tu|su) perfil|(?:el|este) puesto"),
    "SHARED": words(
        r"entrevistas?|cv|curriculum|referencias|tu perfil|su perfil|(?:el|al|del|nuestro) cliente|contrat\w+|oportunidad|busqueda|recursos humanos|rrhh|comision de seleccion"
    ),
    "UNSUBSCRIBE": words(r"darse de baja|darte de baja|cancelar suscripcion"),
}

NL = {
    "NO": words(
        r"(?:voor|met) (?:een |de )?andere? (?:kandidaat|sollicitant|persoon|kandidaten)",
        r"gekozen voor een andere|iemand anders",
        # "Niet in behandeling" names a job only beside the application (any office says it).
        r"(?:sollicitatie|kandidatuur|kandidaatstelling) (?:\S+ ){0,4}?niet (?:\S+ ){0,2}?in behandeling",
        r"niet (?:\S+ ){0,2}?(?:verder|uit te nodigen|uitnodigen|weerhouden|door naar|doorgaan|doorgaat|door te laten|voort\w*|in overweging|in aanmerking)",
        r"(?:vacature|functie|positie|plek|plaats|rol|baan) (?:\S+ ){0,3}?(?:vervuld|ingevuld|gesloten|ingetrokken)",
        r"(?:vacature|functie) is (?:\S+ )?(?:vervuld|ingevuld)",
        r"besloten (?:\S+ ){0,3}?niet",
    ),
    "REGRET": words(
        r"helaas (?:\S+ ){0,6}?niet|afgewezen|af te wijzen|afwijz\w*",
        # A permit's or a claim's request "niet in behandeling" too: a no only in job mail.
        r"niet (?:\S+ ){0,2}?in behandeling",
        r"sluit (?:\S+ ){0,3}?(?:niet|onvoldoende) aan|onvoldoende (?:\S+ )?aan|past (?:\S+ ){0,3}?niet|voldoe\w* (?:\S+ ){0,3}?niet aan",
        r"(?:hebben|is|zijn) (?:\S+ ){0,2}?iemand (?:\S+ ){0,2}?(?:aangenomen|gekozen|geselecteerd|gevonden)",
        r"afgevallen|(?:je|u) valt (?:\S+ ){0,2}?af|onvoldoende (?:aansluiting|match)|geen (?:goede )?(?:match|aansluiting)|teleur te stellen|teleurstellen",
    ),
    "OFFER": words(
        r"aanbod (?:\S+ ){0,3}?(?:doen|voor de functie)|contractvoorstel|arbeidsvoorwaarden\w*"
    ),
    "INVITE": words(
        r"nodig\w* (?:je|u) (?:\S+ ){0,4}?uit|uitnodig\w*|past dit|gesprek op",
    ),
    "RECEIVED": words(
        r"in goede orde ontvangen|bevestiging van (?:je|uw) sollicitatie|ontvangst van (?:je|uw)"
    ),
    "POST": words(r"functie|rol|volgende (?:fase|ronde|stap)"),
    "JOB": words(
        r"plukkers?|seizoenswerk\w*|seizoenskracht\w*|seizoensarbeid\w*|oogsthulp\w*|vaste ploeg",
        r"vacatures?|sollicitatie\w*|solliciteer\w*|werving|cv|baan|opdrachtgever|recruit\w*|aangenomen",
        r"thuisopdracht|opdracht|referenties|capaciteitentest\w*|programmeertest\w*|(?:online|technische) test|(?:je|uw) (?:sollicitatie)?procedure (?:voor|bij)|je profiel|uw profiel|gesprek\w*|teamleider\w*",
    ),
    "APPLIED": words(r"kandida\w*|sollicitant\w*"),
    "ELSEWHERE": words(
        r"\w*woning\w*|huur\w*|verhuur\w*|kamer|hospi\w*|huisgeno\w*|\w*subsidie\w*|(?<!op een )(?<!op de )(?<!naar een )(?<!naar de )beurs|lezing|sprekers?|programmacommissie|inzending|toelating|toegelaten|opleiding|de master",
        r"trein|reis|vlucht|bestelling|vrijwillig\w*",
        r"pakket\w*|bezorg\w*|afhaalpunt",
        r"lidmaatschap|sportschool|creditcard|lening",
        r"(?:plek|plaats|plaatsing|opvangplek) (?:\S+ ){0,3}?(?:kinderopvang|kinderdagverblijf|creche|peuterspeelzaal)|loting|volkstuin\w*",
    ),
    "ALERT": words(
        r"nieuwe vacatures|vacaturemail|vacature-?alert",
        r"vergelijkbare vacatures|opgeslagen vacatures?|vacatures die (?:\S+ ){0,3}?(?:je|jouw|uw) zoekprofiel",
    ),
    "IF": words(
        # A verb first and "dan" after supposes: "Ontvang je geen uitnodiging, dan ben je niet
        # geselecteerd" is "if you receive none".
        r"^\w+ (?:je|jij|u) (?:\S+ ){0,8}?\S+,? dan(?!\w)",
        r"voordat (?:we|wij|ik) (?:\S+ ){0,4}?(?:inplannen|uitnodigen|beslissen|beslissing|afspreken)|bang (?:om|dat)|vrees\w* dat|of (?:we|wij|je|jij|u)|als je|als u|indien|mocht|zodra(?! mogelijk)|in (?:dat|een dergelijk|zo'n) geval|(?:heb|hebt|heeft|hoor|hoort) (?:je|u) (?:\S+ ){0,5}?niets|anders (?:moeten|zullen|kunnen)|zonder (?:bericht|reactie|antwoord)|(?:mag|kun|kan) (?:je|u) (?:er ?van )?uitgaan",
    ),
    "ASIDE": words(
        r"(?:totdat|tot) (?:we|wij|ik) (?:\S+ ){0,4}?(?:hebben|ontvangen|binnen)|zolang (?:\S+ ){0,5}?(?:niet|geen)|pas (?:\S+ ){0,6}?(?:als|wanneer|zodra|nadat) (?:\S+ ){0,5}?(?:hebben|ontvangen|binnen)",
        # Invitations, many: the process's calendar told to every applicant.
        r"(?:de )?uitnodigingen (?:voor|tot) (?:een |het |de )?(?:\S+ )?gesprek\w*",
        r"(?:de )?(?:eerste |tweede )?gesprekken (?:\S+ ){0,3}?(?:staan gepland|vinden (?:\S+ ){0,4}?plaats|worden (?:\S+ ){0,4}?gehouden)",
        r"(?:kandidaten|sollicitanten|degenen|mensen) die (?:we|wij) (?:\S+ ){0,3}?(?:uitnodigen|selecteren|spreken)",
        r"(?:je|u) (?:herinnert|herinner) (?:je|zich|u) (?:\S+ )?(?:vast|misschien|wellicht|nog)|zoals (?:je|u) weet",
        r"(?:is|vormt|betekent) (?:\S+ )?geen (?:\S+ ){0,2}?(?:aanbod|toezegging|belofte)",
        r"(?:elke|iedere) (?:sollicitant|kandida)\w*|iedereen (?:\S+ )?persoonlijk|alle (?:kandidaten|sollicitanten) (?:\S+ ){0,3}?(?:uitnodigen|spreken|ontmoeten|antwoorden)|individueel|geselecteerde (?:kandidaten|sollicitanten)",
    ),
    "WISH": words(
        r"veel succes met (?:je|jouw) sollicitatiegesprek\w*|succes met|hoe ging|hoe was"
    ),
    "SOFTENER": words(r"helaas|jammer genoeg|spijtig genoeg"),
    "NEGATION": words(r"niet|geen|nooit"),
    "OBJECT": words(
        r"(?:je|uw|jouw) sollicitatie|(?:je|uw|jouw) kandidatuur|(?:je|uw|jouw) profiel"
    ),
    "SHARED": words(r"gesprek\w*|cv|referenties|je profiel|uw profiel|opdracht|opdrachtgever"),
    "UNSUBSCRIBE": words(r"afmelden|uitschrijven"),
}

IT = {
    "NO": words(
        r"(?:proseguire|procedere|continuare) con altri|(?:scelto|selezionato) (?:un |una )?altr[oa]",
        r"non (?:potremo|possiamo) (?:dare seguito|procedere|proseguire)",
        r"(?:di )?non procedere|non procederemo|non proseguiremo|non proseguire",
        r"(?:posizione|ruolo) (?:\S+ )?(?:e|e' stata|e stata) (?:\S+ )?coperta|e stata coperta",
        r"(?:assunto|scelto) un'altra persona|un'altra persona",
        r"(?:chiuso|coperto) (?:la|il) (?:posizione|ricerca|ruolo|selezione)|(?:posizione|ricerca|selezione|ruolo) (?:\S+ ){0,3}?(?:chius[oa]|copert[oa])",
    ),
    "REGRET": words(
        r"non (?:\S+ ){0,3}?esito (?:positivo|favorevole)|non (?:\S+ ){0,2}?raggiunto il punteggio minimo",
        r"non se ne fa (?:niente|nulla)|(?:pero|purtroppo) non ci siamo|non (?:e|risulta) (?:\S+ )?(?:ammess|inserit)\w* (?:alla|nella|tra)|siamo spiacenti di (?:comunicar|informar)\w*|non (?:e|sia) stat[oa] (?:\S+ )?(?:selezionat\w*|ammess\w*|scelt\w*)",
        r"non (?:e|sia|risulta|e risultato|e risultata) (?:\S+ ){0,2}?(?:in linea|idone\w*|adatt\w*|coerente)|esito negativo|non (?:\S+ ){0,3}?(?:soddisfa|possiede|rispond\w*)\S* (?:\S+ ){0,4}?requisiti",
    ),
    "OFFER": words(
        r"offrirti|offrirle|proposta di assunzione|proposta contrattuale|lettera di offerta"
    ),
    "INVITE": words(
        r"invitarla|invitarti|invito a colloquio|confermare la (?:sua|tua) presenza|(?<!per la )(?<!per la sua )(?<!per la tua )(?<!data di )disponibilita(?! (?:a|ad|per) (?:iniziare|cominciare|trasferir\w*|lavorare|viaggiare|entrare in servizio))",
        r"(?:le|ti) propon\w* (?:un|una) (?:\S+ ){0,2}?(?:colloquio|incontro|chiamata|videochiamata)",
        r"convocarla|convocarti|convocazione (?:al|a|per) (?:un |il )?(?:\S+ )?colloquio",
    ),
    "RECEIVED": words(
        r"abbiamo ricevuto|conferma (?:di )?ricezione|ricevuto la (?:sua|tua) candidatura"
    ),
    "POST": words(r"posizione|ruolo|fas[ei] successiv[ae]|prossima fase"),
    "JOB": words(
        r"lavoratori stagionali|lavoro stagionale|personale stagionale|raccoglitori|raccoglitrici|stagionali",
        r"colloqui\w*|assun\w+|cv|curriculum|lavoro|recruiter|risorse umane|selezione pubblica|concorso pubblico|concorsi pubblici|bandi? di concorso|posti di \w+|tempo (?:pieno|parziale|indeterminato|determinato)",
        r"prova tecnica|(?:test|colloquio) tecnico|test (?:online|attitudinal\w*|di (?:programmazione|coding|logica))|(?:il )?(?:tuo|suo) (?:processo|percorso) (?:di selezione )?(?:per|presso)|esercizio|referenze|(?:il )?tuo profilo|(?:il )?suo profilo|opportunita|head hunter|(?:il|al|del|dal|nostro) cliente|intervistat\w*",
    ),
    "APPLIED": words(r"candidatura|candidat\w*|selezione"),
    "ELSEWHERE": words(
        r"appartamento|affitto|proprietario|immobiliare|borsa di studio|borse di studio|bando (?:di )?borse",
        r"ammissione|ammess\w*|corso di laurea|laurea|studente",
        r"treno|volo|rimborso|ordine|pranzo|mutuo|prestito|(?:il )?(?:tuo|suo) talk|comitato|volontari\w*|finanziament\w*",
        r"pacco|corriere|numero di tracciamento",
        r"palestra|abbonamento|carta di credito|conto corrente|canone",
        r"(?:posto|posti|iscrizione) (?:\S+ ){0,3}?(?:asilo nido|nido|scuola dell'infanzia)|sorteggio|orti? urban\w*",
    ),
    "ALERT": words(
        r"nuove offerte(?: di lavoro)?|offerte per la tua ricerca",
        r"(?:offerte|annunci) (?:di lavoro )?simili|(?:offerte|annunci) (?:di lavoro )?salvat[ie]",
    ),
    # "Se ne" is a pronoun ("non se ne fa niente"), not an "if".
    "IF": words(
        r"prima di (?:fissare|programmare|organizzare|propor\w*|invitar\w*|convocar\w*|prendere (?:una|la) decisione)|paura (?:di|che)|temev\w*|timore (?:di|che)|se(?! ne(?!\w))|qualora|nel caso|in (?:tal|quel) caso|altrimenti|non appena(?! possibile)|senza (?:notizie|risposta|riscontro|ricevere)|(?:puoi|potrai|puo|potra) (?:considerare|ritenere)"
    ),
    "ASIDE": words(
        r"(?:finche|fino a quando|fintanto che) non|fino al (?:ricevimento|ricevere)",
        # Invitations, many: the process's calendar told to every applicant.
        r"(?:le )?(?:convocazioni|inviti) (?:ai|per i|a un|per un) (?:\S+ )?colloqui\w*",
        r"(?:i )?colloqui (?:\S+ ){0,3}?(?:si terranno|si svolgeranno|sono previsti)",
        r"(?:le |i |solo le |solo i )?(?:persone|candidat\w*) (?:selezionat|preselezionat|convocat)\w* (?:\S+ ){0,5}?saranno|(?:persone|candidat\w*) che (?:inviteremo|convocheremo|selezioneremo)",
        r"(?:ricorderai|ricordera|come (?:sai|sa|saprai))",
        r"non (?:costituisce|rappresenta|implica|equivale a|significa) (?:\S+ ){0,3}?(?:offerta|proposta|promessa|impegno)",
        r"ogni candidat\w*|singolarmente|(?:incontrare|contattare|rispondere a) (?:tutti|ciascun\w*)|(?:i|le|solo i|solo le) candidat\w* (?:selezionat|preselezionat|ammess)\w*",
    ),
    "WISH": words(r"in bocca al lupo|buona fortuna|buon lavoro|com'e andat\w*|come e andat\w*"),
    "SOFTENER": words(r"purtroppo|siamo spiacenti|ci dispiace|mi dispiace"),
    "NEGATION": words(r"non|mai"),
    "OBJECT": words(r"(?:la )?(?:sua|tua) candidatura|(?:il )?(?:suo|tuo) profilo"),
    "SHARED": words(
        r"colloqui\w*|cv|curriculum|referenze|(?:il )?tuo profilo|(?:il )?suo profilo|(?:il|al|del|dal|nostro) cliente|opportunita|esercizio|(?:rapporto|contratto|datore) di lavoro|risorse umane"
    ),
    "UNSUBSCRIBE": words(
        r"annulla (?:l')?iscrizione|disiscriviti|revocarlo|messaggio pubblicitario|finalita (?:promozionali|di marketing)"
    ),
}

PT = {
    "NO": words(
        r"optamos por outr[oa]|outra pessoa|outro candidato",
        r"(?:seguir|continuar|avancar) com outr[oa]s?",
        r"nao (?:vao|vamos|iremos|podemos) (?:\S+ )?(?:avancar|seguir|continuar|prosseguir)",
        r"vaga (?:\S+ ){0,4}?(?:ja )?(?:foi|esta) (?:\S+ )?preenchida",
        r"contratar outra pessoa",
        r"(?:fechamos|fechou|preenchemos|encerramos|cancelamos) (?:a |o )?(?:vaga|posicao|processo|cargo)|(?:vaga|posicao|processo seletivo) (?:\S+ ){0,3}?(?:fechad[oa]|encerrad[oa]|preenchid[oa]|cancelad[oa])",
    ),
    "REGRET": words(
        r"nao vai rolar|nao rolou|lamentamos informar|nao (?:foi|foram) (?:\S+ )?(?:selecionad\w*|aprovad\w*|escolhid\w*)",
        r"nao (?:esta|e|ficou) (?:\S+ ){0,2}?(?:alinhad\w*|adequad\w*|compativel|aderente)|nao (?:\S+ ){0,4}?(?:reune|preenche|atende|cumpre)\S* (?:\S+ ){0,4}?requisitos",
    ),
    "OFFER": words(
        r"(?:te|lhe) oferecer|oferecer a vaga|proposta formal|carta proposta|proposta de (?:emprego|trabalho)"
    ),
    "INVITE": words(
        # Thanks for the reader's availability are courtesy, in every language; "pode ser"
        # ("it can be") asks for a time only as a question or with a day.
        r"convidar|convite para|pode ser\?|pode ser (?:(?:na|no|nesta|neste|nessa|nesse) (?:segunda|terca|quarta|quinta|sexta|proxima|proximo|semana|dia)|amanha|hoje|as \d)|(?<!pela )(?<!pela sua )(?<!pela tua )(?<!data de )disponibilidade(?! (?:para|de) (?:comecar|iniciar|inicio|entrar|trabalhar|viajar|mudar\w*|se mudar))|agendar",
        r"(?:te |lhe )?propo(?:mos|r|nho) (?:uma|um) (?:\S+ ){0,2}?(?:entrevista|conversa|reuniao|chamada)",
        r"convoca-l[oa]|convocar (?:voce|o senhor|a senhora)|convocacao para (?:a |uma )?(?:\S+ )?entrevista",
    ),
    "RECEIVED": words(
        r"recebemos (?:a )?(?:sua|tua)|confirmamos a (?:rececao|recepcao)|confirmamos o recebimento"
    ),
    "POST": words(r"vagas?|cargo|proxima (?:etapa|fase)"),
    "JOB": words(
        r"trabalho sazonal|trabalhadores sazonais|sazonais|apanhadores|apanha d[ao] (?:fruta|morango|uva|azeitona)",
        r"entrevistas?|curriculo|recrutamento|recrutador\w*|contrat\w+|emprego|recursos humanos|concurso publico|estagio|estagiari[oa]s?",
        r"desafio tecnico|case (?:tecnico|pratico)|teste (?:tecnico|online|de (?:programacao|logica|perfil))|(?:seu|teu) processo (?:seletivo |de selecao )?(?:para|na|no|com)|(?:do|de|pelo|ao) rh|referencias|oportunidade|headhunter|seu perfil|o seu perfil|(?:o|ao|do|nosso) cliente",
        r"gerente de engenharia|juri do (?:procedimento|concurso)",
    ),
    "APPLIED": words(r"candidatura|candidat\w*|processo seletivo"),
    "ELSEWHERE": words(
        r"apartamento|locacao|aluguel|proprietario|imobiliaria|bolsas?",
        r"mestrado|doutorado|pos-graduacao|admissao|voo|passagem|pedido|reembolso|almoco",
        r"intercambio|programa de \w+|emprestimo|financiamento|voluntari\w*",
        r"encomendas?|pacotes?|estafeta|codigo de rastreio",
        r"academia|mensalidade|cartao|cartao de credito|credito",
        r"(?:vagas?|lugar(?:es)?|candidatura|inscricao) (?:\S+ ){0,3}?(?:creche|infantario|jardim de infancia|pre-escolar)|sorteio|horta comunitaria",
    ),
    "ALERT": words(
        r"novas (?:vagas|ofertas|oportunidades)|\d+ (?:novas )?(?:vagas|ofertas)|alertas? de (?:vagas|emprego)|cancelar alertas?",
        r"vagas (?:semelhantes|parecidas|similares)|vagas? (?:salvas?|guardadas?)",
    ),
    "IF": words(
        r"antes de (?:eu )?(?:agendar|marcar|convidar|chamar|tomar (?:uma|a) decisao)|medo de|receio de|temia|caso|se (?:voce|nao|o seu|a sua)|senao|caso contrario|assim que(?! possivel)|logo que(?! possivel)|sem (?:noticias|resposta|retorno)|(?:pode|podera|podes) considerar"
    ),
    "ASIDE": words(
        r"ate (?:que (?:\S+ ){0,3}?(?:recebamos|tenhamos|nos (?:envie|envies|cheguem|chegue))|recebermos|termos)|enquanto nao",
        # Invitations, many: the process's calendar told to every applicant.
        r"(?:os )?(?:convites|convocatorias|convocacoes) (?:para|a) (?:as |uma )?(?:\S+ )?entrevistas?",
        r"(?:as )?entrevistas (?:\S+ ){0,3}?(?:serao realizadas|acontecerao|estao previstas|decorrerao)",
        r"(?:as |os |apenas as |apenas os )?(?:pessoas|candidat\w*) (?:selecionad|pre-selecionad|convocad)\w* (?:\S+ ){0,5}?serao|(?:pessoas|candidat\w*) que (?:convidarmos|chamarmos|selecionarmos)",
        r"(?:deve|deves|devem) (?:se )?lembrar|(?:voce )?(?:se )?lembra(?:-se|ras)? (?:\S+ )?(?:talvez|certamente)|como (?:voce )?(?:ja )?sabe",
        r"nao (?:constitui|representa|implica|significa) (?:\S+ ){0,3}?(?:oferta|proposta|promessa|compromisso)",
        r"cada candidat\w*|individualmente|(?:entrevistar|conhecer|conversar com|contatar|contactar|responder a) (?:todos|todas)|(?:os|as|apenas os|apenas as) candidat\w* (?:selecionad|pre-selecionad|aprovad)\w*",
    ),
    "WISH": words(r"boa sorte|como foi|como correu"),
    "SOFTENER": words(r"infelizmente|lamentamos|lamentavelmente"),
    "NEGATION": words(r"nao|nunca"),
    "OBJECT": words(r"(?:a )?(?:sua|tua) candidatura|(?:o )?seu perfil|(?:a )?vaga"),
    "SHARED": words(
        r"entrevistas?|curriculo|referencias|seu perfil|o seu perfil|(?:o|ao|do|nosso) cliente|contrat\w+|oportunidade|recursos humanos"
    ),
    "UNSUBSCRIBE": words(r"cancelar (?:a )?inscricao|descadastr\w*"),
}

BY_LANGUAGE: dict[str, dict[str, re.Pattern[str]]] = {
    "en": EN,
    "de": DE,
    "fr": FR,
    "es": ES,
    "nl": NL,
    "it": IT,
    "pt": PT,
}

# The parts a no, an offer, an invitation or a receipt is built from, for the wordings no
# phrase list foresees: "the team went with another engineer", "leider keine Stelle",
# "siento decirte que ... otro perfil", "Would Thursday at 11:00 work?".
_DAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|morgen|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|"
    r"lunes|martes|miercoles|jueves|viernes|sabado|domingo|manana|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    r"lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domani|"
    r"segunda-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira|amanha"
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"januar|februar|marz|juni|juli|oktober|dezember|"
    r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"januari|februari|maart|augustus|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|dezembro"
)
WHEN = re.compile(
    r"(?<!\w)(?:" + _DAYS + r"|\d{1,2} (?:de )?(?:" + _MONTHS + r")|(?:" + _MONTHS + r") \d{1,2}"
    r"|\d{1,2}[:.h]\d{2}|\d{1,2} ?(?:am|pm|uhr|h|horas|ore|uur)|\d{1,2}\.\d{1,2}\.)(?!\w)"
)

PARTS: dict[str, dict[str, re.Pattern[str]]] = {
    "en": {
        "OTHER_ONE": words(
            r"another (?!interview|round|call|time|chat|meeting|date|slot|step|conversation|look|opportunit|role|position|offer|job)\w+|someone else|somebody else|other (?:candidates?|applicants?|people|profiles?|finalists?)|a different (?:candidate|person|applicant|profile)|an internal|the other (?:candidate|finalist|applicant)|a candidate|(?:applicants|candidates|people|profiles) (?:with|whose|who)"
        ),
        "CHOOSE": words(
            r"chose|chosen|selected|picked|hired|offered|appointed|gave|given|went|gone|go|going|decided|proceed\w*|continu\w*|moving|move|making an offer|made an offer|extended|filled|identified|ended up|opted|preferred|settled on|landed on|focus\w* on|prioriti[sz]ed"
        ),
        "CONTINUE": words(
            r"mov(?:e|ing)(?= (?:\S+ ){0,2}?(?:forward|ahead|further|on with|on to|onto|on(?=[.,;!]|$)|to (?:the )?(?:next|final|interview|offer)|you|your)(?!\w))|proceed\w*|progress\w*|advanc\w*|continu\w*|pursu\w*|invit\w*|interview(?:ing)? you|bring\w* you (?:in|to|forward|back)|hir(?:e|ing)(?! (?:team|manager|managers|process|committee|panel|lead|partner))|fill\w*|shortlist\w*|offer\w* (?:you|(?:a |an |the )?(?:position|role|job|place))|consider\w*|taking|take|submit\w*|recommend\w*|select\w*|yes"
        ),
        "CANDIDATES": words(r"candidates|applicants|profiles|people|others"),
        "BETTER": words(
            r"closer|better|more closely|stronger|deeper|more (?:relevant|suitable|aligned|senior|experience\w*)"
        ),
        "OFFER_VERB": words(r"offer(?:ing)? you|extend(?:ing)? (?:you )?(?:an|the|a)"),
        "CONTRACT": words(r"contract|employment agreement|offer letter|offer"),
        "ATTACHED": words(r"attached|enclosed|docusign"),
        "MEETING": words(
            r"interview\w*|call|chat|meeting|screen|onsite|on-site|round|panel|session\w*|meet|come in|come back (?:in|for)"
        ),
        "AVAILABLE": words(
            r"available|(?<!'s )(?<!their )availability|free|work for you|works for you|suit you|convenient|dates?|slot|pick a time|choose a time|(?:have|got) (?:some )?time"
        ),
        "NEXT": words(
            r"next (?:step|stage|round)|second (?:interview|round)|final (?:interview|round)"
        ),
        # Thanks for a meeting held, or a meeting already arranged named as the occasion of
        # the letter ("ahead of your final panel on 25 March, we run some checks").
        "THANKS": words(
            r"thanks?|thank you|enjoyed|after|following|was great|was lovely|ahead of|in preparation for|prior to|further to|as discussed (?:in|during|at)"
        ),
        "RECEIVED_WORD": words(r"received|submitted|submitting|receipt|sending"),
        "INTEREST": words(r"thank(?:s| you) for (?:applying|your (?:interest|application))"),
        "TALK": words(r"interviews?|the interview"),
    },
    "de": {
        "OTHER_ONE": words(
            r"andere\w* (?!termin|zeit|gesprach|stelle|position|mal)\w+|jemand\w* anders|jemand anderen|eine?n? (?:kandidat\w*|bewerber\w*)|gegen (?:sie|dich)|(?:eine|einer) (?:person|kollegin|kandidatin|bewerberin)|(?:einem|einen|einer) (?:kollegen|kollegin|internen?)"
        ),
        "CHOOSE": words(
            r"entschieden|ausgewahlt|eingestellt|gewahlt|besetzt|vorzug|weiterverfolg\w*|weiterzuverfolgen|fortsetzen|fortzusetzen"
        ),
        "CONTINUE": words(
            r"berucksichtig\w*|weiter\w*|fortsetz\w*|fortzusetzen|fortfuhr\w*|einlad\w*|einzuladen|anbieten|anzubieten|ausgewahlt|engere|zusage\w*|in betracht|zum zug"
        ),
        "CANDIDATES": words(r"kandidat\w*|bewerber\w*|profile|bewerbungen"),
        "BETTER": words(r"besser|passender|mehr erfahrung|naher"),
        "OFFER_VERB": words(r"anbieten|anzubieten"),
        "CONTRACT": words(r"vertrag\w*|arbeitsvertrag|vertragsentwurf|angebot"),
        "ATTACHED": words(r"anbei|im anhang|beigefugt|anhang"),
        "MEETING": words(
            r"gesprach\w*|interview\w*|videointerview|termin|kennenlernen|telefonat|treffen|vorstellungsgesprach\w*"
        ),
        "AVAILABLE": words(r"passt|passen|zeit|verfugbar|termin|wahlen sie|auswahlen"),
        "NEXT": words(
            r"nachste(?:r|n)? (?:schritt|runde)|zweite(?:s|n)? (?:gesprach|interview|runde)"
        ),
        "THANKS": words(
            r"danke|dank|bedank\w*|nach|im (?:nachgang|anschluss) (?:zu|an)|in vorbereitung auf|wie (?:im|beim) \S+ besprochen|bezugnehmend auf"
        ),
        "RECEIVED_WORD": words(r"eingegangen|erhalten|eingang"),
        "INTEREST": words(r"(?:danke|dank) fur (?:ihre|deine) bewerbung"),
        "TALK": words(r"vorstellungsgesprach\w*|gesprach\w*|interview\w*"),
    },
    "fr": {
        "OTHER_ONE": words(
            r"autres? (?!entretien|date|creneau|moment|fois|poste|opportunit)\w+|quelqu'un (?:d'autre|qui|avec|de plus)|une personne|un candidat|une candidate|un profil|une candidature"
        ),
        "CHOOSE": words(
            r"choisi|retenu|selectionne|recrute|embauche|confier|confie|alle\w* vers|tourne\w* vers|poursuivre|decide|privilegie|choix|opte|prefere|oriente\w*|privilegier|retenir|choisir"
        ),
        "CONTINUE": words(
            r"donner suite|aller de l'avant|(?:en )?consideration|prendre en compte|retiendr\w*|retenons|(?:aller|allons|irons|irions|ira|iront|irai) plus loin|poursuiv\w*|retenue?s?|retenir|continu\w*|selectionnee?s?|proposer|convier|suite favorable|repondre favorablement|suite"
        ),
        "CANDIDATES": words(r"candidat\w*|profils|personnes"),
        "BETTER": words(
            r"plus (?:proches?|adaptes?|en phase|seniors?|experimente\w*|qualifie\w*|pertinent\w*)|mieux|davantage"
        ),
        "OFFER_VERB": words(r"(?:vous|te) proposer|(?:vous|te) offrir"),
        "CONTRACT": words(r"offre|contrat|promesse|remuneration|proposition"),
        "ATTACHED": words(r"ci-joint|piece jointe|en annexe|joint"),
        "MEETING": words(
            r"entretiens?|rencontre\w*|rencontrer|revoir|visio\w*|appel|echange|reunion"
        ),
        "AVAILABLE": words(r"disponibles?|creneaux?|convien\w*|libre"),
        "NEXT": words(r"prochaine etape|dernier entretien|second entretien|deuxieme entretien"),
        "THANKS": words(
            r"merci|remerci\w*|suite a|apres|en vue (?:de|du|des)|en amont (?:de|du)|en preparation (?:de|du)|comme convenu lors (?:de|du)"
        ),
        "RECEIVED_WORD": words(r"recue?|transmise|enregistree|reception"),
        "INTEREST": words(r"merci (?:pour|de) (?:votre|ta) candidature|merci d'avoir postule"),
        "TALK": words(r"entretiens?"),
    },
    "es": {
        "OTHER_ONE": words(
            r"otr[oa]s? (?!entrevista|fecha|hora|dia|momento|vez|oportunidad|puesto|vacante)\w+|alguien mas|una persona|un perfil|un candidato|una candidata|un chico|una chica|un companero|una companera|una? profesional|alguien (?:que|con|de)"
        ),
        "CHOOSE": words(
            r"elegido|seleccionado|contratado|decantado|(?:nos )?(?:quedamos|quedado|quedaremos) con|inclinad\w*|inclinamos|preferencia|decidido|continuar|seguir|avanzar|optado|avanzamos|cerrado|cerramos|preferido|prefiri\w*|apostado|escogido|elegimos"
        ),
        "CONTINUE": words(
            r"avanz\w*|continu\w*|segui\w*|sigu(?:e|en|es|iendo|imos)|seguir|(?:en )?consideracion|tener en cuenta|pasar\w*|pasa|seleccionad\w*|contar con\w*|invitar\w*|adelante"
        ),
        "CANDIDATES": words(r"candidat\w*|perfiles|personas"),
        "BETTER": words(
            r"mejor|mas (?:adecuad\w*|experiencia|alineado\w*|cercan\w*)|(?:ajust|encaj)\w* mas|mayor (?:experiencia|ajuste|encaje)"
        ),
        "OFFER_VERB": words(r"(?:te|le) ofrec\w*|ofrecer(?:te|le)"),
        "CONTRACT": words(r"oferta|contrato|propuesta|condiciones"),
        "ATTACHED": words(r"adjunt\w*|anexo"),
        "MEETING": words(r"entrevistas?|reunion|videollamada|llamada|conocerte|convocar\w*"),
        "AVAILABLE": words(r"disponible|disponibilidad|te viene bien|le viene bien|horario|libre"),
        "NEXT": words(r"siguiente paso|proxima fase|segunda entrevista"),
        "THANKS": words(
            r"gracias|agradec\w*|tras|despues|de cara a|con vistas a|como (?:hablamos|comentamos) en|en preparacion (?:de|para)"
        ),
        "RECEIVED_WORD": words(r"recibid\w*|registrad\w*"),
        "INTEREST": words(r"gracias por (?:tu|su) (?:candidatura|interes|solicitud)"),
        "TALK": words(r"entrevistas?"),
    },
    "nl": {
        "OTHER_ONE": words(
            r"andere? (?!datum|tijd|gesprek|keer|functie|vacature)\w+|iemand anders|een kandidaat|iemand (?:met|die|uit|van)|een (?:interne|collega)"
        ),
        "CHOOSE": words(
            r"gekozen|aangenomen|geselecteerd|besloten|verder|(?:gaan|gaat) (?:\S+ )?voor|kiezen|voorkeur|gegeven|gegund|aangeboden|kiest|koos|keuze|gegaan|geworden|aanbod gedaan|een aanbod"
        ),
        "CONTINUE": words(
            r"verder|door naar|doorgaan|mee (?:in|naar) de (?:volgende|verdere)|uitnodig\w*|uit te nodigen|geselecteerd|aannemen|voort\w*|overweging|aanmerking"
        ),
        "CANDIDATES": words(r"kandidaten|sollicitanten|profielen"),
        "BETTER": words(r"beter|meer ervaring"),
        "OFFER_VERB": words(r"aanbieden|aan te bieden"),
        "CONTRACT": words(r"arbeidsovereenkomst|contract\w*|voorstel|aanbod"),
        "ATTACHED": words(r"bijlage|bijgevoegd"),
        "MEETING": words(r"gesprek\w*|kennismak\w*|langskomen|afspraak|interview"),
        "AVAILABLE": words(r"past|kun je|kunt u|beschikbaar|tijd"),
        "NEXT": words(r"volgende (?:stap|ronde)|tweede gesprek"),
        "THANKS": words(
            r"bedankt|dank|na|naar aanleiding van|zoals besproken(?: in)?|voorafgaand aan|ter voorbereiding op"
        ),
        "RECEIVED_WORD": words(r"ontvangen|binnengekomen"),
        "INTEREST": words(r"bedankt voor (?:je|uw) (?:sollicitatie|interesse)"),
        "TALK": words(r"gesprek\w*|sollicitatiegesprek\w*"),
    },
    "it": {
        "OTHER_ONE": words(
            r"(?:altr[oaie]|un'altra) (?!colloquio|data|orario|volta|posizion|opportunit)\w+|un candidato|una candidata|un profilo|una persona"
        ),
        "CHOOSE": words(
            r"scelto|selezionato|assunto|deciso|proseguire|andare avanti|individuato|preferito|orientarci|orientati|orientare|scelta|preferenza|optato|puntato"
        ),
        "CONTINUE": words(
            r"prosegu\w*|prosieguo|andr\w+ avanti|andiamo avanti|(?:in )?considerazione|considerar\w*|rientrat\w*|rientra|proced\w*|selezionat\w*|seguito|continu\w*|andare avanti"
        ),
        "CANDIDATES": words(r"candidati|profili|persone"),
        "BETTER": words(
            r"piu in linea|piu adatt\w*|meglio|piu esperienza|maggiore (?:esperienza|aderenza)"
        ),
        "OFFER_VERB": words(r"propor(?:le|ti)|offrir(?:le|ti)"),
        "CONTRACT": words(r"contratto|proposta|offerta|lettera"),
        "ATTACHED": words(r"allegat\w*|in allegato"),
        "MEETING": words(r"colloqui\w*|incontr\w*|chiamata|videochiamata"),
        "AVAILABLE": words(r"liber[oa]|disponibil\w*|andrebbe bene|ti va"),
        "NEXT": words(r"prossimo passo|secondo colloquio|ultimo colloquio"),
        "THANKS": words(
            r"grazie|ringrazi\w*|dopo|facendo seguito|a seguito|in seguito|in vista (?:del|della|dell'|di)|in preparazione (?:del|al|della)|come (?:concordato|discusso) (?:durante|nel)"
        ),
        "RECEIVED_WORD": words(r"ricevut\w*|inviato"),
        "INTEREST": words(r"grazie per (?:l'interesse|la (?:sua|tua) candidatura|aver inviato)"),
        "TALK": words(r"colloqui\w*"),
    },
    "pt": {
        "OTHER_ONE": words(
            r"outr[oa]s? (?!entrevista|data|horario|vez|vaga|oportunidade)\w+|uma pessoa|um candidato|uma candidata|um perfil|alguem"
        ),
        "CHOOSE": words(
            r"escolh\w+|selecionad\w+|contrat\w+|preferencia|optamos|optou|preferi\w*|fechou|fech\w* com|seguiremos|seguiriamos|vamos seguir|decidimos|seguir|avancar|fechamos|preferimos|seguimos"
        ),
        "CONTINUE": words(
            r"segui\w*|seguimento|sequencia|andamento|(?:em )?consideracao|avanc\w*|continu\w*|prossegu\w*|selecionad\w*|aprovad\w*"
        ),
        "CANDIDATES": words(r"candidatos|perfis|profissionais"),
        "BETTER": words(
            r"melhor|mais (?:alinhad\w*|adequad\w*|experiencia|aderente\w*)|maior (?:aderencia|experiencia|alinhamento)"
        ),
        "OFFER_VERB": words(
            r"(?:te|lhe) oferecer|oferecer|(?:te|lhe) apresentar a (?:nossa )?proposta"
        ),
        "CONTRACT": words(r"proposta|contrato|carta|salario"),
        "ATTACHED": words(r"anexo|em anexo|segue"),
        "MEETING": words(r"entrevistas?|convers\w*|reuniao|chamada|videochamada"),
        "AVAILABLE": words(r"horario|disponivel|disponibilidade|pode ser|escolha|seria possivel"),
        "NEXT": words(
            r"proxima etapa|avancou para|segunda entrevista|passou (?:a|para) (?:a )?(?:\S+ )?(?:fase|etapa)"
        ),
        "THANKS": words(
            r"obrigad[oa]|agradec\w*|apos|depois|na sequencia (?:da|do)|em seguimento|tendo em vista|em preparacao (?:para|da)|como (?:conversamos|combinamos) na"
        ),
        "RECEIVED_WORD": words(r"recebid\w*|recebemos|rececao|recepcao"),
        "INTEREST": words(r"agradecemos (?:o )?(?:seu|sua) (?:interesse|candidatura)"),
        "TALK": words(r"entrevistas?"),
    },
}
# A recruiter's first approach: the call it asks for is not an interview for an application.
_OUTREACH = words(
    r"came across|would you be open|open to (?:a|an|hearing)|interested in exploring|direct approach|"
    r"(?:your|ihr|dein|votre|ton|tu|su|je|uw|il tuo|il suo|seu) (?:\S+ )?(?:profile|profil|perfil|profiel|profilo) (?:came up|caught|stood out)|working exclusively with|"
    r"gestossen|spannende (?:position|stelle|rolle)|interessante (?:position|stelle|rolle)|"
    r"je me permets|une opportunite|chasseu\w+|"
    r"he visto tu perfil|encajarias|una oportunidad|"
    r"kwam je profiel tegen|mooie rol|interessante rol|"
    r"ho visto il tuo profilo|un'opportunita|"
    r"vi seu perfil|uma oportunidade"
)
_ASKS_TO_SEND = words(r"send|mandar|enviar|schicken|senden|envoyer|sturen|inviare|mande")
# A meeting's day moved (or not), in words that need no meeting named.
_DAY_MOVED = words(
    r"mov(?:e|ing) you to (?:a|another) (?:different )?(?:day|date|session|slot|time|intake)|(?:new|different|alternative) (?:date|day|time) for (?:your|the|our)|"
    r"neue[rn]? termin\w*|nouvelle date|nouveau creneau|nueva fecha|nueva cita|nieuwe (?:datum|afspraak)|nuova data|nuovo appuntamento|nova data|novo horario"
)
# An interview moved or called off is news about one already arranged, not an invitation.
_MOVED = words(
    r"cancel\w*|postpon\w*|reschedul\w*|rebook\w*|push back|bail on|(?:can't|cannot|won't) make (?:it|our|the|tomorrow\W?s?)|verschieb\w*|verlegen|absagen|decaler|reporter|annuler|"
    r"aplazar|posponer|reprogramar|verplaatsen|afzeggen|uitstellen|spostare|rinviare|annullare|"
    r"remarcar|adiar|cancelar|verschoben|spostat\w*|rinviat\w*|remarcad\w*|adiad\w*|aplazad\w*|reprogramad\w*|"
    r"decale\w*|reporte\w*|verplaatst|uitgesteld|verzet\w*|gaat (?:\S+ ){0,12}?niet door|(?:will not|won't) take place|findet (?:\S+ ){0,6}?nicht statt|n'aura pas lieu|no (?:tendra|se celebrara) lugar|non (?:avra|potra avere) luogo|nao (?:vai|ira) (?:acontecer|realizar-se)|mov(?:e|ing) (?:your|the|our) (?:\S+ )?(?:interview|session|call|meeting|onsite)|"
    r"(?:termin|gesprach|interview|vorstellungsgesprach) (?:\S+ ){0,4}?absagen|absage (?:des |unseres |ihres |zum |fur den )?termin\w*|"
    # A meeting's place, format or day changed, or its falling through: news about a meeting
    # already arranged, in any language.
    # Something come up for the writer: "I've got a clash Thursday", "mi è sorto un imprevisto".
    r"(?:got|have|had|'ve got) a clash|something (?:has |'s )?come up|(?:ist )?(?:mir|uns) (?:\S+ )?etwas dazwischengekommen|"
    r"(?:j'ai|nous avons|on a) (?:eu )?un (?:empechement|imprevu)|(?:me|nos) (?:ha )?surgid[oa] (?:un|algo)|(?:tengo|tenemos|he tenido) un imprevisto|"
    r"(?:er )?is (?:\S+ )?iets tussen(?:ge)?komen|(?:ho|abbiamo) (?:avuto )?un imprevisto|(?:mi|ci) e (?:sorto|capitato) un imprevisto|(?:tive|tivemos|surgiu) um imprevisto|"
    r"push\w* back|(?:fallen|fell) through|(?:has|have|had|need|needs) to (?:be )?(?:move|moved)|change of (?:date|time|venue|location|place|format|room)|"
    r"(?:anderung|wechsel) (?:des|der) (?:ortes|ort|termins|formats|raums)|ortswechsel|(?:entfallt|fallt) (?:\S+ ){0,3}?aus|"
    r"annule\w*|changement de (?:date|lieu|format|salle|creneau|modalite|programme)|"
    r"cambio de (?:fecha|lugar|formato|hora|sala|sede|modalidad)|"
    r"andere (?:locatie|datum|tijd|ruimte|plek)|wijziging (?:van )?(?:de )?(?:locatie|datum|tijd)|locatiewijziging|vervalt|"
    r"cambio (?:di |della |del )?(?:data|luogo|sede|orario|formato|modalita)|non potra (?:svolgersi|tenersi)|annullat\w*|"
    r"(?:alteracao|mudanca) (?:de |da |do )?(?:data|local|horario|formato)|passa a ser (?:online|presencial|remot\w*|por video\w*)"
)
# The candidacy still alive, said outright: a freeze or a delay that "is not a decision on
# your application" is no no, whatever else the letter regrets.
_STILL_IN = words(
    r"(?:still|remain\w*|stay\w*) (?:\S+ ){0,2}?(?:in the running|in the race|in contention|under consideration|being considered|in (?:the|our) (?:process|pipeline|selection))|"
    r"(?:application|candidacy|candidature),? (?:\S+ ){0,4}?(?:remains|is still|stays) (?:active|open|live|under consideration|in (?:the|our) process)|"
    # A pause that is no ending, a no sent in error: "on hold, not closed", "intended for a
    # different candidate", "auf Eis, nicht beendet", "en pause, pas close".
    r"(?:on hold|paused)[,;:]? (?:and |but )?not (?:closed|cancell?ed|over|ended)|pick up where we left off|"
    r"(?:sent|went out|reached you) (?:to you )?(?:\S+ )?(?:in error|by mistake|by error)|(?:intended|meant) for (?:a different|another|the wrong) (?:candidate|applicant|person|recipient)|"
    r"(?:pausiert|ruht|auf eis gelegt)[,;:]? (?:aber |und )?nicht (?:beendet|abgeschlossen|abgesagt)|(?:irrtumlich|versehentlich|falschlicherweise) (?:\S+ ){0,3}?(?:versandt|verschickt|gesendet|erhalten)|"
    r"(?:en pause|suspendu)[,;:]? (?:et |mais )?(?:pas|non) (?:clos|close|annule|termine)|envoye (?:\S+ )?par erreur|"
    r"(?:en pausa|suspendido)[,;:]? (?:y |pero )?no (?:cerrado|cancelado|terminado)|enviado (?:\S+ )?por error|"
    r"(?:in de wacht|gepauzeerd)[,;:]? (?:en |maar )?niet (?:gesloten|afgesloten|geannuleerd)|per (?:ongeluk|vergissing) (?:\S+ )?(?:verstuurd|gestuurd|verzonden)|"
    r"(?:in pausa|sospes[oa])[,;:]? (?:e |ma )?non (?:chius[oa]|annullat[oa]|conclus[oa])|inviat[oa] (?:\S+ )?per errore|"
    r"(?:em pausa|suspens[oa])[,;:]? (?:e |mas )?nao (?:encerrad[oa]|cancelad[oa]|fechad[oa])|enviad[oa] (?:\S+ )?por (?:engano|erro)|"
    r"(?:not|n't) (?:\S+ ){0,2}?(?:a|any) (?:decision|judg\w+) (?:on|about|against) (?:your|the) (?:candidacy|application|candidature)|"
    r"(?:doesn't|does not|isn't|is not) (?:\S+ ){0,2}?mean (?:\S+ ){0,3}?(?:decided against|rejected|(?:a|the) no|out of the running)|"
    r"(?:weiterhin|noch|nach wie vor) im (?:rennen|verfahren|auswahlverfahren|prozess|bewerbungsprozess)|"
    r"(?:heisst|bedeutet) (?:\S+ ){0,2}?nicht,? dass wir uns (?:\S+ ){0,2}?gegen|keine entscheidung gegen(?! (?:\S+ ){0,2}?sondern (?:\S+ ){0,2}?fur)|"
    r"toujours (?:en lice|dans la course|en course|dans le processus|a l'etude)|(?:reste|demeure) (?:active|en cours|a l'etude)|"
    r"(?:ne signifie|ne veut dire) pas (?:\S+ ){0,3}?(?:ecart|refus|rejet|pas retenu)|"
    r"sigues? (?:\S+ )?(?:en el proceso|en carrera|en la carrera|en la fase|siendo candidat\w*)|candidatura (?:\S+ ){0,2}?no (?:se )?ha (?:sido )?descartad\w*|(?:you'd|you would) be a (?:really |very )?(?:strong|good|great) fit for (?:the|our|another|a)|(?:continua|sigue) (?:activa|en proceso|en el proceso|en evaluacion)|"
    r"no (?:significa|quiere decir) (?:\S+ ){0,3}?(?:descart|rechaz)\w*|"
    r"nog (?:steeds )?in de (?:race|running|procedure|selectie)|(?:blijft|is nog) (?:\S+ )?(?:actief|in behandeling|in de procedure)|"
    r"(?:betekent|wil zeggen) (?:\S+ ){0,2}?niet dat (?:\S+ ){0,3}?(?:afgewezen|afvalt|af valt)|"
    r"ancora in (?:corsa|gara|lizza|selezione)|(?:resta|rimane) (?:attiva|in corso|in valutazione)|"
    r"non (?:significa|vuol dire) (?:\S+ ){0,3}?(?:scartat|esclus|rifiutat)\w*|"
    r"(?:continua|segue|permanece) (?:ativa|no processo|em analise|em andamento)|ainda (?:esta|estas|segue) no processo|"
    r"nao (?:significa|quer dizer) (?:\S+ ){0,3}?(?:reprovad|descartad|eliminad)\w*|"
    r"(?:application|candidacy|candidature),? (?:\S+ ){0,2}?(?:remains|stays|is still) (?:live|valid)|(?:not|don't|do not) consider (?:it|the process) closed|move your application to (?:another|a different|the other|our other) (?:role|position|team|opening|vacancy)|consider you for (?:another|a different|the other) (?:role|position)|"
    r"bascul\w* (?:ta|votre) candidature|no (?:lo|la) (?:damos|doy) por (?:cerrad|perdid)\w*|(?:pasar|mover) tu candidatura a (?:otr[oa]|la otra) (?:puesto|posicion|vacante|oferta)|"
    r"(?:not|n't) (?:\S+ )?been (?:withdrawn|cancell?ed|closed|filled)|still standing|transfer (?:your|the) (?:application|candidacy)|"
    r"bewerbung,? (?:\S+ ){0,2}?bleibt (?:\S+ )?(?:im verfahren|bestehen|aktiv|gultig)|"
    r"candidature,? (?:\S+ ){0,2}?(?:reste|demeure) (?:\S+ )?(?:valable|active)|transferer (?:votre|ta) candidature|"
    r"candidatura,? (?:\S+ ){0,2}?(?:sigue|se mantiene|continua) (?:\S+ )?(?:vigente|valida|activa)|trasladar (?:tu|su) candidatura|"
    r"sollicitatie,? (?:\S+ ){0,2}?blijft (?:\S+ )?(?:geldig|staan|lopen|actief)|"
    r"candidatura,? (?:\S+ ){0,2}?(?:resta|rimane) (?:\S+ )?(?:valida|attiva|in essere)|trasferire (?:la (?:sua|tua) )?candidatura|"
    r"candidatura,? (?:\S+ ){0,2}?(?:continua|permanece|mantem-se|fica) (?:\S+ )?(?:valida|ativa)|transferir (?:a )?(?:sua |tua )?candidatura"
)
# Sentences about something else than the candidacy: starting the job (checks, documents,
# the first day) and negotiating it (the salary, a counter-offer): their "no" ends nothing.
_SETTLING_IN = words(
    r"pre-?employment|onboarding|start date|your start|(?<!from the )(?<!from their )first (?:working )?day|right to work|background check|dbs|references? check|"
    r"salary|counter(?:-?offer)?|base pay|compensation|pay review|(?:the|our|this) offer stands|"
    r"arbeitsbeginn|eintrittsdatum|(?<!vom )(?<!ab dem )ersten arbeitstag|fuhrungszeugnis|gehalt\w*|vergutung|"
    r"prise de poste|(?<!des le )(?<!depuis le )premier jour|date de debut|casier judiciaire|salaire|remuneration|contre-proposition|"
    r"fecha de (?:inicio|incorporacion)|(?<!desde el )primer dia|antecedentes penales|salario|sueldo|contraoferta|"
    r"(?<!vanaf de )eerste werkdag|startdatum|laten starten|vog|verklaring omtrent het gedrag|salaris|tegenbod|"
    r"(?<!dal )primo giorno|data di inizio|presa (?:di )?servizio|casellario|stipendio|retribuzione|controfferta|"
    r"(?<!desde o )primeiro dia|data de inicio|antecedentes criminais|salario|remuneracao|contraproposta"
)
# Keeping the CV is asked, not told: a talent pool's request for consent ends nothing.
_CONSENT = words(
    r"consent\w*|your permission|einwilligung|zustimmung|einverstanden|consentement|"
    r"consentimiento|autoriza\w*|toestemming|consenso|consentimento"
)
# "We won't be hiring you", "we nemen je niet aan": a no about a job by itself.
_NOT_HIRED = words(
    r"(?:not|won't|will not|aren't|are not|can't|cannot|unable to) (?:be )?(?:hir(?:e|ing)|employ\w*|tak\w+ on|bring\w* on|onboard\w*) you|"
    r"not (?:to )?appoint(?:ing)? you|decided against appointing you|"
    r"(?:stellen|nehmen) (?:sie|dich) (?:\S+ ){0,3}?nicht (?:ein|auf)|(?:sie|dich) nicht (?:einstellen|einzustellen)|"
    r"(?:ne|n') ?(?:vous|te|t') ?(?:\S+ )?(?:embauch|recrut|engag)\w*(?: pas)?|"
    r"no (?:te|le|la|lo|os) (?:\S+ ){0,3}?(?:contrat|incorpor|sumar)\w*|no (?:vamos|podemos) a (?:contratarte|contratarle|incorporarte)|"
    r"(?:nemen|neem) (?:je|jou|u) (?:\S+ )?niet aan|(?:je|jou|u) niet (?:aan te nemen|aannemen)|"
    r"non (?:ti|la|lo|vi) (?:\S+ ){0,2}?(?:assum|assunt)\w*|non (?:posso|possiamo) (?:\S+ )?prender(?:ti|la|lo|vi)|(?:can't|cannot|won't|unable to|not able to) take you on|"
    r"nao (?:vamos |podemos |iremos )?(?:te |lhe |o |a )?(?:contratar|admitir)\w*",
    # The pronoun joined to the verb: "non riusciamo ad assumerti", "können dich nicht übernehmen".
    r"non (?:\S+ ){0,2}?(?:assumerti|assumerla|assumervi|tenerti con noi)|dich (?:\S+ ){0,3}?nicht (?:\S+ )?ubernehmen|(?:sie|dich) (?:\S+ ){0,3}?nicht (?:\S+ )?einstellen|no (?:\S+ ){0,2}?(?:contratarte|contratarle|incorporarte|incorporarle)|niet (?:\S+ ){0,2}?in dienst (?:nemen|te nemen)|nao (?:\S+ ){0,2}?(?:contratar-te|contrata-lo|contrata-la|efetivar)|"
    # The post not given to the user: "de vacature niet aan jou toe te wijzen".
    r"not (?:to )?(?:give|award|offer|assign) (?:the|this) (?:\S+ )?(?:role|position|job|post|vacancy) to you|niet aan (?:jou|je|u) (?:toe te wijzen|toewijzen|te geven|geven|te gunnen|gunnen)|(?:dir|ihnen) (?:\S+ ){0,3}?nicht (?:zu )?(?:geben|vergeben|ubertragen)|ne pas (?:vous|te) (?:confier|attribuer)|no (?:asignarte|asignarle|adjudicarte|adjudicarle|darte|darle) (?:el|la) (?:puesto|plaza|vacante|posicion)|non (?:affidarti|affidarle|assegnarti|assegnarle|darti|darle) (?:il|la) (?:ruolo|posizione|posto|incarico)|nao (?:te |lhe )?(?:atribuir|dar|entregar) (?:a|o) (?:vaga|cargo|posicao|funcao)",
    # A panel's resolution: "o júri deliberou não selecionar a sua candidatura".
    r"(?:decided|resolved|chosen|agreed) not to (?:select|appoint|shortlist|admit|recommend) (?:you|your)|(?:sie|ihre bewerbung) nicht (?:auszuwahlen|zu berucksichtigen|zuzulassen)|"
    r"(?:decide|delibere|resolu) de ne pas (?:retenir|selectionner|admettre)|(?:decidido|resuelto|acordado|decidio|acordo) no (?:seleccionar|admitir|contratar)|"
    r"besloten (?:\S+ ){0,4}?niet (?:te selecteren|aan te nemen|toe te laten)|(?:deciso|deliberato|stabilito) di non (?:selezionar|ammetter|assumer)\w*|"
    r"(?:decidiu|deliberou|decidimos|resolveu|deliberamos) nao (?:selecionar|admitir|contratar|aprovar)",
)
# Someone else taken, in plain words: "I've offered the post to someone who can commit",
# "j'ai pris quelqu'un qui connaît la maison", "al final quedó la piba que venía cubriendo".
_TOOK_SOMEONE = words(
    r"(?:i've|i have|we've|we have|i|we|they've|they have|they) (?:\S+ )?(?:taken on|gone with|went with|hired|picked|took on|offered (?:it|the \S+) to) (?:someone|somebody|a lad|a guy|a girl|a woman|a man|a person|another|the other)|"
    r"(?:going|moving|go|move) (?:ahead|forward|on) with one of (?:them|the others|the other (?:candidates|finalists))|"
    r"(?:going|gone|went|go) with (?:the |an? )?(?:internal|other|another|external|existing) (?:guy|girl|lad|candidate|person|applicant|hire|one)|"
    r"adjudica\w* (?:\S+ ){0,2}?(?:contrato|plaza|puesto) a (?:la persona|otr[oa]|un[oa]? (?:candidat\w*|aspirante))|nomina di (?:un )?altr[oa] candidat\w*|"
    r"(?:the person|the candidate|the one|someone|somebody) (?:who |that )?(?:we've|we have|we|i've|i have|i|they've|they) (?:\S+ )?(?:gone for|gone with|went for|went with|chosen|picked|hired)|(?:not|n't) (?:going to )?be (?:you|yourself) (?:this time|on this occasion)|"
    r"(?:entscheidung|wahl) (?:\S+ ){0,3}?zugunsten (?:einer|eines|einem) (?:\S+ )?(?:anderen|kollegin|kollegen|mitbewerber\w*|bewerber\w*|kandidat\w*)|"
    r"(?:decision|choix) (?:\S+ ){0,3}?en faveur d'(?:un|une) (?:autre|collegue|candidat\w*)|(?:decision|eleccion) (?:\S+ ){0,3}?a favor de (?:otr[oa]|un[oa]? (?:compa\w*|candidat\w*))|"
    r"offered the (?:\S+ ){0,3}?(?:post|position|role|job|place|spot|vacancy|shift) to (?:someone|somebody|another|a|an|the other)|(?:made|extended|given|gave) (?:an|the) offer to (?:someone|somebody|another|a|an|the other)|"
    r"decided to (?:focus on|prioriti[sz]e|go with) (?:folks|candidates|people|applicants|profiles|someone|somebody) (?:with|who)|"
    r"(?:jemand(?:en)? (?:anderen|anders)|einen anderen|eine andere) (?:\S+ ){0,3}?(?:genommen|eingestellt|gewahlt)|(?:sich|uns) (?:\S+ ){0,8}?gegen (?:sie|dich) (?:\S+ ){0,3}?entschieden|mit (?:jemand(?:em)? (?:anderem|anders)|einem anderen|einer anderen) (?:\S+ )?(?:weiter|fortfahren)|(?:intern|anderweitig) (?:\S+ )?vergeben|"
    r"(?:j'ai|nous avons|on a) (?:\S+ )?(?:pris|choisi|retenu|embauche|recrute) (?:quelqu'un|une autre|un autre|une personne|la personne)|(?:on part|nous partons|on est partis?|nous sommes partis) sur (?:quelqu'un|un autre|une autre|un profil)|(?:on prend|nous prenons) un (?:autre )?profil plus|(?:ce|c') (?:ne )?(?:sera|est) pas pour cette fois|"
    r"(?:hemos|he) (?:\S+ )?(?:cogido|contratado|elegido|escogido|tomado) a (?:alguien|otra persona|otro|otra)|(?:cogemos|tomamos|elegimos|nos quedamos con) un (?:perfil|candidato) (?:mas|con mas)|seguir con (?:uno|una) de (?:ellos|ellas|los otros|las otras)|(?:quedo|se quedo) (?:con )?(?:la|el|otra|otro) (?:\S+ )?(?:piba|chica|chico|persona|perfil|candidat\w*)|"
    r"(?:iemand|een ander|een andere kandidaat) (?:\S+ ){0,3}?(?:aangenomen|gekozen|genomen)|met (?:een|een van|1) van (?:hen|hun|die|de andere\w*) gaan we (?:door|verder)|(?:gekozen|doorgehakt|besloten) voor (?:een|de) (?:andere )?kandidaat (?:die|met)|"
    r"(?:ho|abbiamo) (?:\S+ )?(?:preso|scelto|assunto) (?:qualcun\w*|un'altra persona|un altro|un'altra)|(?:prendiamo|abbiamo preso|scegliamo|abbiamo scelto) un (?:altro )?profilo (?:piu|diverso)|(?:proseguire|andare avanti|proseguiamo|andiamo avanti) con (?:uno|una) (?:di loro|degli altri|delle altre)|chiudere la (?:ricerca|selezione) con (?:un|una)|"
    r"(?:peguei|pegamos|contratei|contratamos|escolhi|escolhemos|fechamos com) (?:\S+ )?(?:outra pessoa|outro|outra|alguem)|(?:pegamos|vamos com|ficamos com) um perfil mais|seguir com (?:um|uma) (?:deles|delas|dos outros|das outras)|"
    # "It went to someone already on the team": the post gone to another person.
    r"(?:it|the (?:\S+ )?(?:role|job|position|post|offer|vacancy)) (?:has )?(?:went|gone|go(?:es)?|is going) to (?:someone|somebody|another|an internal|a colleague|one of (?:the|our) other)|"
    r"(?:(?:die stelle|die position) (?:\S+ ){0,3}?(?:ging|geht)|(?:ging|geht) (?:die stelle|die position)) (?:\S+ ){0,3}?an (?:jemand\w*|eine?n? (?:andere\w*|interne\w*|kolleg\w*))|"
    r"(?:le poste|la place) (?:\S+ )?(?:est alle|est allee|revient|a ete attribuee?) a (?:quelqu'un|une autre|un autre|un collegue|une collegue)|"
    r"(?:el puesto|la plaza|la vacante) (?:\S+ )?(?:se (?:lo|la) (?:llevo|ha llevado)|fue para|se fue para|es para) (?:alguien|otr[oa]|un compa\w*|una compa\w*)|"
    r"(?:(?:de functie|de baan|de rol|de vacature|de plek) (?:\S+ )?(?:ging|gaat|is gegaan)|(?:ging|gaat) (?:de functie|de baan|de rol|de vacature|de plek)) naar (?:iemand|een andere|een collega|een interne)|"
    r"(?:il ruolo|la posizione|il posto) (?:\S+ )?(?:e andat[oa]|andra|va) a (?:qualcun\w*|un'altra|un altro|un collega|una collega)|"
    r"(?:a vaga|o cargo|a posicao) (?:\S+ )?(?:foi|ficou|vai) (?:para|com) (?:alguem|outr[oa]|um colega|uma colega)|"
    # "Decided to go ahead with a designer who already knows...": a person chosen, named by trade.
    r"(?:decided|chosen|opted) to (?:go|move|proceed|continue) (?:ahead |forward )?with (?:a|an) (?!(?:interview|call|process|plan|offer|round|step|stage|meeting|project|test|task)\b)\S+ (?:who|whose)|"
    r"(?:entschieden|entschlossen),? mit (?:einer|einem) (?!(?:gesprach|termin|verfahren|angebot|runde|projekt|test)\w*\b)\S+ (?:weiter\w*|fortzufahren),? (?:die|der)|"
    r"(?:decide|choisi|opte) de (?:poursuivre|continuer|avancer|aller de l'avant) avec (?:un|une) (?!(?:entretien|appel|rencontre|processus|offre|proposition|etape|projet|test)\b)\S+ qui|"
    r"(?:decidido|decidimos|decidio|decidi|optado|optamos) (?:\S+ )?(?:seguir|avanzar|continuar|ir) (?:adelante )?con (?:un|una) (?!(?:entrevista|llamada|reunion|prueba|proceso|oferta|propuesta|fase|proyecto)\b)\S+ que|"
    r"(?:besloten|gekozen) (?:om )?(?:verder te gaan|door te gaan|te gaan) met een (?!(?:gesprek|afspraak|procedure|aanbod|voorstel|ronde|project|test)\w*\b)\S+ die|"
    r"(?:deciso|scelto|optato) di (?:andare avanti|proseguire|procedere|continuare) con (?:un|una|uno) (?!(?:colloqui|incontr|chiamat|prov|test|offert|propost|fase|selezion|process|progett)\w*\b)\S+ che|"
    r"(?:decidi|decidimos|decidiu|optamos|optei) (?:\S+ )?(?:seguir|avancar|continuar|prosseguir) com (?:um|uma) (?!(?:entrevista|conversa|reuniao|processo|proposta|oferta|etapa|fase|projeto)\b)\S+ que|"
    # Someone else taken on or kept, named by who they are: "ich nehm für die Stelle jemanden,
    # der schon Geselle ist", "hemos cogido para ayudante a una chica que", "ho deciso di
    # tenere Alessandro, che lavora già con noi", "decidimos ficar com a minha sobrinha, que".
    r"(?:decided|chosen|opted) to (?:keep|stick with|stay with|take on) (?:\S+ ){1,3}?(?:who|whose)|(?:i'm|we're|i am|we are) taking on (?:someone|somebody) (?:who|with)|"
    r"(?:ich|wir) (?:nehme?|nehmen) (?:\S+ ){0,4}?jemand(?:en)?,? (?:der|die)|entschieden,? (?:\S+ ){1,3}?zu (?:behalten|ubernehmen|nehmen),? (?:der|die|weil)|"
    r"(?:decide|choisi|opte) de garder (?:\S+ ){1,3}?qui|(?:je prends|nous prenons|on prend) (?:\S+ ){0,3}?quelqu'un qui|"
    r"(?:hemos|he) (?:cogido|contratado|elegido|escogido|tomado) (?:(?:para|como) (?:\S+ ){1,4}?)?a un[oa]? (?:chic[oa]|persona|compa\w*|chaval\w*|muchach[oa])|(?:decidido|decidimos|decidi) quedarnos? con (?:\S+ ){1,3}?que|"
    r"besloten (?:om )?(?:\S+ ){1,3}?(?:te houden|aan te houden|aan te nemen),? (?:die|omdat)|"
    r"(?:deciso|scelto) di (?:tenere|prendere|confermare) (?!(?:una? )?(?:decision|pausa|tempo|contatt|appunt)\w*)(?:\S+ ){1,3}?che|"
    r"(?:decidi|decidimos|decidiu|resolvemos|resolvi) ficar com (?:o|a|um|uma) (?:\S+ ){0,2}?\S+,? que|"
    r"(?:continuer|poursuivre|aller de l'avant) avec (?:l'un|l'une) (?:d'entre eux|d'entre elles|des autres)|mit (?:einem|einer) (?:von ihnen|der anderen) (?:weiter|fortfahren)",
)
# Every place taken, or given to others: "all 40 places in the cohort have been accepted",
# "voor juni en juli zitten we al vol", "as vagas foram atribuídas a candidatos com
# experiência". A course's or a flat's places are taken too: a no in job mail only.
_FULL = words(
    r"all (?:\S+ ){0,2}?(?:places|positions|spots|vacancies|roles|seats|shifts) (?:\S+ ){0,6}?(?:have been|are|were|have now been) (?:now )?(?:filled|taken|accepted|allocated|awarded|gone)|"
    r"(?:cohort|intake|programme|program|scheme|stream|season|team|crew) (?:is|was|has been) (?:now )?(?:full|fully (?:booked|staffed|subscribed)|filled)|(?:won't|will not|cannot|can't) be (?:assessed|reviewed|considered|processed) for (?:this|the|our) (?:\S+ )?(?:intake|cohort|round|year|season|programme)|"
    r"alle (?:\S+ ){0,2}?(?:platze|stellen|traineeplatze|ausbildungsplatze|praktikumsplatze) (?:\S+ ){0,6}?(?:sind|wurden) (?:\S+ )?(?:vergeben|besetzt)|(?:jahrgang|programm|saison|team) (?:ist )?(?:bereits |schon )?(?:voll|komplett|ausgebucht)|"
    r"toutes les (?:\S+ )?places (?:\S+ ){0,5}?(?:ont ete|sont) (?:\S+ )?(?:pourvues|attribuees|prises|occupees)|(?:promotion|saison|equipe) (?:est|etant) (?:deja )?(?:complete|pleine)|(?:nous sommes|on est) (?:deja )?complets?|"
    r"todas las (?:\S+ )?plazas (?:\S+ ){0,5}?(?:han sido|estan|fueron|se han) (?:\S+ )?(?:cubiertas|ocupadas|asignadas|adjudicadas)|(?:promocion|temporada|equipo|plantilla) (?:esta|ya esta) (?:completa|completo|cubierta|llena)|(?:ya )?(?:estamos|vamos) (?:completos|llenos)|"
    r"alle (?:\S+ )?(?:plekken|plaatsen|stageplekken|stageplaatsen) (?:\S+ ){0,5}?(?:zijn|werden) (?:\S+ )?(?:vergeven|bezet|gevuld|ingevuld|opgevuld)|(?:zitten|zit) (?:we|wij|ik) (?:\S+ ){0,2}?vol|(?:we|wij) zitten (?:\S+ ){0,2}?vol|(?:ploeg|team|groep|lichting) is (?:al )?(?:vol|compleet)|"
    r"tutti i (?:\S+ )?posti (?:\S+ ){0,5}?(?:sono stati|sono|risultano) (?:\S+ )?(?:assegnati|coperti|occupati|esauriti)|(?:siamo|sono) (?:gia )?(?:al completo|pieni|completi)|(?:squadra|staff|stagione|organico) (?:e )?(?:gia )?(?:al )?complet[oa]|"
    r"todas as (?:\S+ )?vagas (?:\S+ ){0,5}?(?:foram|estao|ja foram) (?:\S+ )?(?:preenchidas|ocupadas|atribuidas)|(?:ja )?estamos (?:completos|cheios)|(?:equipa|equipe|turma|temporada) (?:esta|ja esta) (?:completa|fechada|cheia)",
    # The places given to others: "the two places went to applicants who", "le disponibilità
    # sono state assegnate ad aspiranti con posizione più favorevole".
    r"(?:post|position|role|job|place|spot|contract|offer) (?:is|was|has|'s) (?:now )?(?:going|gone|went|been given|been offered) to (?:the other|another|someone|somebody|one of)|"
    r"(?:stelle|position|platz|zusage) (?:geht|ging) (?:\S+ )?an (?:eine andere|einen anderen|die andere|den anderen|jemand\w*|mitbewerber\w*)|"
    r"(?:le poste|la place|le contrat) (?:va|ira|revient|reviendra) (?:a une autre|a un autre|a l'autre|a quelqu'un)|"
    r"(?:el puesto|la plaza|el contrato) (?:va|ira|es) (?:a parar )?(?:a|para) (?:otr[oa]|la otra|el otro|alguien)|"
    r"(?:de functie|de baan|de plek|de rol|de stageplek) gaat (?:\S+ )?naar (?:een andere|de andere|iemand)|"
    r"(?:il posto|il ruolo|l'incarico) (?:va|andra) (?:a|ad) (?:un'altra|un altro|l'altr[oa]|qualcun)\w*|"
    r"(?:a vaga|o lugar|o posto) (?:vai|ira|fica|ficou) (?:para|com) (?:outr[oa]|o outro|a outra|alguem)",
    r"(?:places|posts|positions|vacancies|spots|shifts|contracts|traineeships|internships) (?:\S+ ){0,4}?(?:have been|were|are|went|have gone) (?:\S+ )?(?:(?:given|offered|allocated|awarded|assigned) )?to (?:other |another |\S+ )?(?:candidates|applicants|people|students|graduates|someone)",
    r"(?:\w*platz\w*|\w*stellen?|positionen|vakanzen) (?:\S+ ){0,8}?an (?:\S+ ){0,2}?(?:bewerber|kandidat|andere|mitbewerber|interne)\w*,? (?:\S+ ){0,3}?vergeben",
    r"(?:places|postes|contrats) (?:\S+ ){0,4}?(?:ont ete|sont|furent) (?:\S+ )?(?:attribue|pourvu|accorde|confie)\w* (?:a|aux) (?:d'autres |des |un |une |\S+ )?(?:candidat|personne|profil|etudiant)\w*",
    r"(?:plazas|puestos|vacantes|contratos) (?:\S+ ){0,4}?(?:han sido|fueron|se han|se) (?:\S+ )?(?:adjudicad|asignad|cubiert|otorgad)\w* (?:a|con|por) (?:otr\w* |\S+ )?(?:candidat|aspirante|persona|estudiante)\w*",
    r"(?:plekken|plaatsen|functies|vacatures|stageplekken|stageplaatsen|contracten) (?:\S+ ){0,4}?(?:zijn|werden|hebben we) (?:\S+ ){0,4}?(?:vergeven|toegewezen|ingevuld|opgevuld|gegeven) (?:aan|met) (?:\S+ ){0,2}?(?:kandidat|sollicitant|mensen|student|scholier)\w*",
    r"(?:posti|disponibilita|supplenze|incarichi|nomine|contratti) (?:\S+ ){0,4}?(?:sono state|sono stati|sono|vengono|furono) (?:\S+ )?(?:assegnat|conferit|attribuit)\w* (?:ad?|agli|alle) (?:altr\w* |\S+ )?(?:aspiranti|candidat\w*|persone)",
    r"(?:vagas|contratacoes|lugares|postos|colocacoes|contratos) (?:\S+ ){0,4}?(?:foram|sao|ficaram) (?:\S+ )?(?:atribuid|preenchid|ocupad|entregue)\w* (?:a|aos|as|por|com) (?:outr\w* |\S+ )?(?:candidat|pessoa)\w*",
)
# Excluded from a selection, in a public competition's words: "se mantiene su exclusión".
_EXCLUDED = words(
    r"excluded from (?:the )?(?:process|competition|selection|recruitment)|your exclusion|"
    r"(?:vom|aus dem) (?:\S+ )?(?:verfahren|auswahlverfahren) ausgeschlossen|ihr ausschluss|"
    r"(?<!admis et )(?<!admises et )exclue?s? (?:de la|du) (?:procedure|concours|selection|processus)|votre exclusion|"
    # "La lista provisional de admitidos y excluidos del proceso" names a list, and decides
    # nothing about anyone on it.
    r"(?:su|tu) exclusion|(?<!admitidos y )(?<!admitidas y )(?<!admitidos/as y )excluid[oa](?:/a|\(a\))?s? (?:\S+ ){0,4}?(?:del|de la|de los|de las) (?:proceso|procedimiento|convocatoria|oposicion|fases?)|(?:queda|quedan|ha quedado|resulta) excluid[oa]|"
    r"uitgesloten van (?:de )?(?:procedure|selectie)|"
    r"(?:sua|tua) esclusione|(?<!ammessi e )(?<!ammessi ed )esclus[oa] (?:dal|dalla) (?:concorso|selezione|procedura)|"
    r"(?:sua|tua) exclusao|(?<!admitidos e )excluid[oa](?:\(a\)|/a)? d[oa] (?:processo|concurso|selecao|procedimento)|eliminad[oa] d[oa] (?:processo|concurso)|"
    r"komt er (?:\S+ )?niet van"
)
# No place for you: "per te non c'è posto", "geen plek voor jou".
_NO_PLACE = words(
    r"no (?:place|spot|room) for you|kein(?:en)? platz (?:mehr )?fur (?:sie|dich)|pas de place pour (?:toi|vous)|"
    r"no (?:hay|tenemos) (?:sitio|lugar|plaza|hueco) para (?:ti|usted)|geen (?:plek|plaats) (?:meer )?voor (?:je|jou|u)|"
    r"(?:per te|per lei) non c'e posto|non c'e posto per (?:te|lei)|nao (?:ha|tem|temos) (?:vaga|lugar) para (?:voce|ti)|"
    r"voor (?:jou|je|u) is er (?:\S+ ){0,3}?geen (?:plek|plaats|ruimte|werk)|fur (?:sie|dich) (?:ist|gibt es) (?:\S+ ){0,3}?kein(?:en)? platz|"
    r"(?:gaan|doen) het (?:\S+ ){0,3}?niet met (?:jou|je|u)|(?:abbiamo|ho) (?:gia )?chiuso con (?:\S+ )?(?:altr\w*|due|un|una)"
)
# A trial day or shift: only a job has one.
_TRIAL = words(
    r"trial (?:shift|day)|probetag|probearbeit\w*|journee d'essai|jour d'essai|(?:dia|jornada) de prueba|"
    r"proefdra\w*|proefdag|giornata di prova|dia de (?:teste|experiencia)",
    # A trial named by its day or its place in a restaurant: "la prova di domenica a pranzo",
    # "la prueba del viernes", "l'essai en cuisine", "a tarde de experiência".
    r"meeloopdag|proefavond",
    r"(?:essai|journee d'essai) (?:de |du )?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|essai en (?:salle|cuisine)",
    r"prueba del (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|prueba en (?:sala|cocina|barra)",
    r"prova di (?:lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica)|prova in (?:sala|cucina)",
    r"(?:tarde|manha|noite|semana) de experiencia|experiencia (?:na|de) (?:cozinha|sala|segunda|terca|quarta|quinta|sexta|sabado|domingo)",
)
# Starting a job: the first working day, onboarding, the papers and portal of a new hire, a
# shift and its hourly pay. Only a job has them: job words, whatever else the mail names
# (the parking "ticket" of a first day, a trainee's travel "rimborso").
_STARTING = words(
    r"onboarding|new starters?|your first (?:working )?day|first working day|right[- ]to[- ]work|hr portal|people (?:ops|operations)|"
    r"(?:early|late|night|weekend|morning|afternoon|evening) shifts?|per hour|(?:trial|probe)schicht|"
    r"ersten? arbeitstag\w*|(?:fruh|spat|nacht|wechsel)schicht\w*|stundenlohn|einsatz bei (?:einem|unserem) kunden|"
    r"premier jour de travail|(?:ton|votre) premier jour|date d'embauche|taux horaire|"
    r"(?:tu|su) primer dia|primer dia de trabajo|fecha de incorporacion|turno de (?:manana|tarde|noche)|"
    r"(?:je|jouw|uw) eerste werkdag|personeelsportaal|personeelspas|verklaring omtrent het gedrag|(?:vroege|late|nacht|avond)dienst|"
    r"(?:il )?(?:tuo|suo) primo giorno|primo giorno di lavoro|tirocinio|stage curricolare|"
    r"(?:seu|teu) primeiro dia|primeiro dia de trabalho|exame admissional|admissao como|(?:documentos|documentacao|processo) (?:para|de) (?:a |sua )?admissao|"
    r"carteira de trabalho|vale-(?:refeicao|alimentacao|transporte)"
)
# The terms of employment: a salary a year, a probation, a notice period, a contract of
# employment, days of holiday. Job words, but weaker than a word of another application:
# a bank turning down a loan names the borrower's probation too.
_TERMS = words(
    r"(?:base|annual|starting|gross|basic) salary|salary (?:of|band|range|package)|gross (?:per|a) (?:year|annum|month)|"
    r"probation(?:ary)? period|notice period|contract of employment|employment contract|days(?:'| of)? (?:annual )?(?:holiday|leave)|"
    r"(?:jahres|brutto\w*|monats|grund|fix|einstiegs)gehalt|gehalt von|probezeit|kundigungsfrist|urlaubstage|"
    r"salaire (?:annuel|brut|fixe|de base)|brut annuel|periode d'essai|preavis|contrat de travail|jours de conges|conges payes|"
    r"(?:salario|sueldo) (?:bruto|anual|fijo|base)|bruto anual|periodo de prueba|preaviso|contrato (?:de trabajo|laboral|indefinido|temporal)|dias de vacaciones|nomina|"
    r"(?:bruto|start|maand|jaar)salaris|salaris van|bruto per (?:maand|jaar)|proeftijd|opzegtermijn|arbeidsovereenkomst|arbeidscontract|vakantiedagen|"
    r"stipendio|retribuzione (?:lorda|annua)|ral|lordi annui|periodo di prova|preavviso|contratto di lavoro|contratto a tempo|busta paga|"
    r"salario|bruto mensal|periodo de experiencia|aviso previo|contrato de trabalho|clt|inicio previsto|"
    # The salary the candidate asks: a question of terms, in every language.
    r"salary expectations?|expected salary|gehaltsvorstellung\w*|gehaltswunsch|pretentions salariales|"
    r"(?:pretensiones|expectativas) salariales|salarisindicatie|salariswens|(?:pretese|aspettative) (?:economiche|salariali)|"
    r"(?:pretensao|expectativa) salarial"
)
# A portal's status line: "Status: Rejected", "Estado: Descartado".
_STATUS_NO = words(
    r"(?:status|state|estado|statut|stato|stand|etat|situacion|situacao|situazione|result|outcome|resultat|ergebnis|resultado|uitslag|resultaat|esito)(?:[^:.!?]{0,140}:)?\W{0,3}(?:rejected|declined|unsuccessful|not selected|"
    # A competition's or a list's result: not admitted, not appointed, not eligible.
    r"not admitted|not appointed|not eligible|ineligible|failed|non admissible|non admise?|ajournee?|nicht zugelassen|nicht bestanden|"
    r"no admitid[oa]|no apt[oa]|niet toegelaten|niet geslaagd|non ammess[oa]|non idone[oa]|non destinatari[oa] di nomina|nao admitid[oa]|nao apt[oa]|"
    r"abgelehnt|abgesagt|nicht beruecksichtigt|nicht berucksichtigt|refusee?|non retenue?|descartad[oa]|rechazad[oa]|"
    r"no seleccionad[oa]|afgewezen|niet geselecteerd|scartat[oa]|non selezionat[oa]|respint[oa]|reprovad[oa]|"
    r"nao selecionad[oa]|recusad[oa]|excluid[oa]|escluso|esclusa|ausgeschieden|absage|eliminad[oa])",
    # "Su solicitud ha quedado en situación de no adjudicatario".
    r"(?:situacion|estado) de no (?:adjudicatari|admitid|apt|seleccionad)\w*",
)
# The process over for the user: "damit ist das Verfahren für Sie beendet", "per te si chiude".
_ENDS_FOR_YOU = words(
    r"(?:ends|is over|has ended|closes|is closed|concludes|has concluded|stops) for you|"
    r"fur sie (?:\S+ ){0,3}?(?:beendet|abgeschlossen|vorbei|zu ende)|"
    r"(?:schliessen|beenden) (?:\S+ ){0,3}?(?:verfahren|rekrutierungsverfahren|auswahlverfahren|prozess) (?:\S+ ){0,3}?ab|"
    r"(?:termine|s'arrete|prend fin|est clos|se termine|s'acheve) (?:\S+ )?pour (?:vous|toi)|"
    r"(?:termina|finaliza|concluye|se cierra|acaba) (?:\S+ )?(?:para ti|para usted|aqui)|"
    r"(?:stopt|eindigt|is afgelopen|is klaar|houdt op) (?:het )?(?:\S+ )?voor (?:jou|je|u)|voor (?:jou|je|u) (?:stopt|eindigt) (?:het|de procedure)|"
    r"(?:si conclude|si chiude|termina|finisce) (?:\S+ )?per (?:te|lei|tutti)|"
    r"(?:termina|encerra|se encerra|acaba) (?:\S+ )?(?:para voce|para ti|por aqui)|"
    r"consider (?:the|this) (?:process|search|role) (?:closed|complete|finished)|betrachten (?:\S+ ){0,2}?(?:verfahren|prozess) (?:\S+ )?als (?:abgeschlossen|beendet)|"
    r"consider\w* (?:le|ce) processus (?:comme )?(?:clos|termine|clot\w*)|(?:damos|doy) (?:el|este) proceso por (?:cerrado|terminado|finalizado|concluido)|"
    r"beschouwen (?:\S+ ){0,2}?procedure (?:\S+ )?als (?:afgesloten|beeindigd)|(?:voor (?:deze|die|de) (?:rol|functie|vacature|baan) (?:\S+ ){0,4}?)?houdt het (?:\S+ ){0,3}?op|"
    r"consideriamo (?:\S+ ){0,2}?(?:processo|selezione|iter) (?:\S+ )?(?:chius|conclus)\w*|ci fermiamo qui|"
    r"chiud\w* (?:\S+ ){0,5}?(?:la )?(?:tua|sua) candidatura|(?:clore|cloturer|clotur\w+) (?:\S+ ){0,5}?(?:votre|ta) candidature|cerrar (?:\S+ ){0,5}?(?:tu|su) candidatura|"
    r"encerrar (?:\S+ ){0,5}?(?:a )?(?:sua|tua) candidatura|(?:sluiten|afsluiten) (?:\S+ ){0,5}?(?:je|jouw|uw) sollicitatie|schliessen (?:\S+ ){0,5}?ihre bewerbung|close (?:\S+ ){0,3}?your application|close (?:it|this|your (?:application|candidacy|file)) out|close out (?:your|the) (?:application|candidacy)|(?:damos|consideramos) (?:o )?processo (?:por |como )?(?:encerrado|fechado|concluido)"
)
# An offer taken back: the offer is over, and with it the candidacy ("nous sommes au regret
# de devoir retirer la promesse d'embauche", "devo ritirare l'offerta").
_OFFER_WITHDRAWN = words(
    r"(?:withdraw\w*|withdrew|rescind\w*|revok\w*|retract\w*|pull\w*) (?:\S+ ){0,3}?offers?|offers? (?:\S+ ){0,3}?(?:withdrawn|rescinded|revoked|retracted|pulled)|"
    r"(?:zusage|angebot|vertragsangebot|jobangebot|stellenangebot) (?:\S+ ){0,5}?(?:zuruckziehen|zuruckzuziehen|zuruckgezogen|zurucknehmen|zuruckzunehmen|zuruckgenommen|widerrufen)|(?:ziehen|nehmen) (?:\S+ ){0,5}?(?:zusage|angebot) (?:\S+ ){0,3}?zuruck|"
    r"(?:retir|annul|revoqu)\w* (?:\S+ ){0,3}?(?:l')?(?:promesse d'embauche|offre|proposition)|(?:promesse d'embauche|offre|proposition d'embauche) (?:\S+ ){0,4}?(?:retiree|annulee|revoquee)|"
    r"(?:retir|anul|revoc|revog|ritir)\w* (?:\S+ ){0,3}?(?:l')?(?:oferta|propuesta|proposta|offerta)|(?:oferta|propuesta|proposta|offerta) (?:\S+ ){0,4}?(?:retirada|anulada|revocada|revogada|cancelada|ritirata|revocata|annullata)|"
    r"(?:aanbod|toezegging|arbeidsaanbod|jobaanbod) (?:\S+ ){0,5}?(?:intrekken|in te trekken|ingetrokken|terugtrekken|terug te trekken|teruggetrokken)|trekken (?:\S+ ){0,5}?(?:aanbod|toezegging) (?:\S+ ){0,3}?in"
)
# Not among those chosen: "il Suo profilo non è risultato tra quelli individuati".
_NOT_AMONG = words(
    r"not (?:\S+ ){0,2}?among (?:those|the)|nicht (?:\S+ ){0,2}?(?:unter|zu) den (?:ausgewahlt|berucksichtigt|engeren|kandidat)\w*|"
    r"(?:ne|n') ?(?:\S+ ){0,2}?(?:figure|figurez|figurent|etes|est|faites|fait) (?:\S+ )?pas (?:\S+ ){0,2}?parmi|no (?:\S+ ){0,2}?(?:se encuentra|esta|figura|quedo|ha quedado) entre|"
    r"niet (?:\S+ ){0,2}?(?:bij|tot|onder) de (?:geselecteerde|gekozen|kandidaten|laatste)|non (?:\S+ ){0,2}?(?:risultat[oa]|rientrat[oa]|inclus[oa]|compres[oa]) (?:tra|fra)|"
    r"nao (?:\S+ ){0,2}?(?:esta|ficou|figura|foi incluid[oa]) entre|"
    r"name (?:\S+ ){0,3}?(?:not|n't) (?:\S+ )?(?:appear|feature|figure)\w* (?:on|in) the (?:\S+ )?list|(?:name|sie) (?:\S+ ){0,3}?nicht auf der (?:\S+ )?liste|"
    r"(?:ne|n') ?(?:\S+ ){0,2}?(?:figure|figurez|apparait|apparaissez) (?:\S+ )?pas sur la (?:\S+ )?liste|no (?:\S+ ){0,2}?(?:figura|aparece|consta) en la (?:\S+ )?(?:lista|relacion)|"
    r"(?:naam|u|je) (?:\S+ ){0,2}?(?:staat|staan|komt|voorkomt) (?:\S+ ){0,2}?niet op de (?:\S+ )?lijst|"
    r"non (?:\S+ ){0,2}?(?:figura|compare|e presente|e inserit[oa]) (?:\S+ ){0,2}?(?:nella|nell'|in) (?:\S+ )?(?:elenco|graduatoria|lista)|nao (?:\S+ ){0,2}?(?:consta|figura|aparece) (?:\S+ ){0,2}?(?:na|da) (?:\S+ )?(?:lista|relacao)|"
    # Passed but not put forward for the post: "no resulta propuesto/a", "not recommended
    # for appointment".
    r"no (?:resulta|ha resultado|resultando|queda) (?:\S+ )?(?:propuest|nombrad|seleccionad)\w*|not (?:been )?(?:recommended|proposed|nominated) for (?:appointment|the post|the position)|"
    r"no figurando (?:usted )?en|no figura (?:usted )?en (?:la|dicha|esta) (?:relacion|lista)|non (?:e|sei|risulta) (?:\S+ )?ammess[oa]"
)
# The user withdrew, and the company confirms it: "we've closed your application as you
# asked" is no rejection.
_WITHDREW = words(
    # "You may withdraw your consent at any time" is a right, not a withdrawal.
    r"(?:you've|you have|you) (?!(?:\S+ )?(?:may|can|could|might) )(?:\S+ ){0,2}?(?:withdr[ae]w\w*|accepted (?:another|an?|the other) (?:\S+ )?offer)|"
    r"as (?:you )?(?:requested|asked)|at your request|your (?:request|decision|wish|choice) to withdraw|withdrawal of your (?:application|candidacy)|"
    r"auf (?:ihren|deinen) wunsch|(?:sie|du) (?:\S+ ){0,6}?zuruckgezogen|ruckzug (?:ihrer|deiner) bewerbung|(?:ihre|deine) bewerbung zuruckzuziehen|"
    # "Donner une suite favorable à votre demande" answers the application, not a request.
    r"(?<!favorable )(?<!suite )(?<!repondre )a (?:votre|ta) demande|comme (?:vous l'avez|tu l'as) demande|(?:vous avez|tu as) (?:\S+ )?retire|(?:votre|ta) (?:decision|choix|souhait|demande) de (?:vous )?(?:retirer|desister)|retrait de (?:votre|ta) candidature|"
    r"a peticion (?:tuya|suya)|como (?:nos )?(?:pediste|solicitaste)|(?:has|ha) retirado|(?:tu|su) (?:decision|deseo) de retirar|retirada de (?:tu|su) candidatura|"
    # "Je sollicitatie is hiermee ingetrokken", "dat je niet verder wilt met de procedure".
    r"(?:your|je|uw|jouw) (?:application|candidacy|sollicitatie) (?:has been|is now|is hiermee|is nu|is) (?:\S+ )?(?:withdrawn|ingetrokken)|(?:you|je|u) (?:no longer|niet (?:langer )?verder) (?:want|wish|wilt|wil) (?:to continue|to proceed|met)|"
    r"(?:ihre|deine) bewerbung (?:ist|wurde) (?:\S+ )?zuruckgezogen|(?:votre|ta) candidature (?:a ete|est) (?:bien )?retiree|(?:vous ne souhaitez|tu ne souhaites|tu ne veux) plus (?:poursuivre|continuer)|"
    r"(?:tu|su) candidatura (?:ha sido|ha quedado|queda) (?:\S+ )?retirada|ya no (?:desea|deseas|quiere|quieres) continuar|(?:la (?:tua|sua)) candidatura (?:e stata )?(?:\S+ )?ritirata|non (?:desidera|desideri|vuole|vuoi) piu (?:proseguire|continuare)|"
    r"(?:a (?:sua|tua)) candidatura (?:foi )?(?:\S+ )?retirada|(?:ja )?nao (?:deseja|desejas|quer|queres) (?:mais )?(?:continuar|prosseguir)|"
    r"op (?:je|uw) verzoek|(?:je|u) (?:\S+ ){0,2}?teruggetrokken|(?:je|u) (?:\S+ ){0,8}?(?:hebt|heeft) ingetrokken|intrekking (?:van )?(?:je|uw|jouw) sollicitatie|(?:je|uw) (?:besluit|beslissing|keuze|wens) om (?:je|uw) sollicitatie (?:in|terug) te trekken|"
    r"su (?:sua|tua) richiesta|(?:hai|ha) ritirato|(?:la (?:sua|tua)) (?:decisione|scelta|volonta) di ritirare|ritiro della (?:sua|tua) candidatura|"
    r"a seu pedido|conforme solicitado|(?:voce )?desistiu|retirou|(?:sua|tua) decisao de (?:retirar|desistir)|retirada da (?:sua|tua) candidatura"
)
_HESITATE = words(
    r"hesitate|zogern\w*|hesiter|dude\w*|aarzel\w*|esit\w*|hesite\w*|can't wait|"
    # "You do not need to take any action": nothing refused.
    r"(?:do not|don't|does not|doesn't) need to"
)
# A day gone by: a meeting on it was held, whatever the sentence asks next.
_DAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|week|montag|dienstag|mittwoch|donnerstag|freitag|woche|"
    r"lundi|mardi|mercredi|jeudi|vendredi|semaine|lunes|martes|miercoles|jueves|viernes|semana|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|week|lunedi|martedi|mercoledi|giovedi|venerdi|settimana|"
    r"segunda-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira)"
)
_PAST = words(
    rf"last {_DAYS}|yesterday|(?:letzte|vergangene|vorige)[nmrs]? {_DAYS}|gestern|"
    rf"{_DAYS} (?:dernier|derniere|passee?)|hier|{_DAYS} pasad[oa]|ayer|"
    rf"(?:vorige|afgelopen) {_DAYS}|gisteren|scors[oa]|ieri|{_DAYS} passad[oa]|passad[oa] {_DAYS}|ontem"
)
# The costs of a meeting claimed or paid back: the meeting they name was held.
_COSTS = words(
    r"reimburs\w*|expense claims?|travel expenses|mileage|"
    r"reisekosten\w*|fahrtkosten\w*|kostenerstattung|"
    r"remboursement\w*|frais de (?:deplacement|transport|deplacements)|note de frais|"
    r"reembols\w*|gastos de (?:viaje|desplazamiento|transporte)|"
    r"reiskosten\w*|onkostenvergoeding|"
    r"rimbors\w*|spese di (?:viaggio|trasferta)|nota spese|"
    r"despesas de (?:viagem|deslocacao|deslocamento)"
)
# The sender will come back about a meeting later: none is proposed yet.
_LATER = words(
    r"(?:will|'ll) (?:\S+ )?(?:be in touch|get back to you|contact you|reach out)|waiting on (?:\S+ ){0,3}?to (?:lock in|confirm|set)|"
    r"(?:melden|melde) (?:\S+ ){0,2}?(?:uns|mich) (?:\S+ ){0,6}?(?:bei (?:ihnen|dir)|wieder)|vorschlagen zu konnen|"
    r"(?:reviendrons|reviendrai|recontacterons|recontacterai|contacterons) (?:\S+ ){0,2}?vers|(?:nous|je) (?:vous|te) (?:recontacterons|recontacterai|contacterons|contacterai)|"
    r"(?:nos pondremos|me pondre) en contacto|(?:te|le) (?:contactaremos|contactare|escribiremos)|"
    r"neem\w* (?:\S+ ){0,4}?contact (?:\S+ ){0,4}?op|"
    r"(?:la|ti|vi) (?:ricontatteremo|ricontattero|contatteremo|contattero)|ci faremo sentire|"
    r"(?:entraremos|entrarei|vamos entrar) em contato|(?:te|lhe) (?:retornaremos|contataremos|retornarei)"
)
# The writer's own job news, in the first person: "I got the job", "just got rejected from
# Hooli", "ich habe eine Absage bekommen", "ils m'ont prise", "me han cogido", "ik ben
# aangenomen", "mi hanno scartato", "não fui selecionada". From a friend's mailbox, their news.
_OWN_NEWS = words(
    r"(?:i|i've|i'm) (?:just |finally |also |now |officially )?(?:got|was|been|have been|am)? ?(?:rejected|turned down|ghosted|laid off|let go|made redundant|hired|shortlisted)|"
    r"(?<!you )(?<!he )(?<!she )(?<!they )(?<!we )(?<!have )(?<!has )(?<!been )just got (?:rejected|turned down|ghosted|hired)|"
    r"i (?:just |finally |also )?(?:got|landed|received|had) (?:the|a|an|their|my) (?:\S+ ){0,2}?(?:job|offer|no|rejection|interview|role|position)(?! for you)|"
    r"(?:just |also )?got the\s+(?:\S+\s+){0,2}?(?:no|rejection|email|mail|letter) from|"
    r"i didn't get (?:it|the job|the role|the position|the offer|an interview|through)|"
    r"(?:i'm|i am|i made it|i got) (?:in|into|to|through to) the (?:last|final|next|second|third) (?:round|stage)|"
    r"(?:rejected|turned down|hired) me|offered me the (?:job|role|position)|my (?:new job|first day|own rejection|job offer)|"
    r"ich (?:habe|hab) (?:\S+ ){0,3}?(?:die|eine|ne|den) (?:absage|zusage|stelle|job|jobzusage) (?:\S+ ){0,3}?(?:bekommen|erhalten|gekriegt)|"
    r"ich (?:bin|wurde) (?:\S+ ){0,2}?(?:abgelehnt|eingestellt|genommen|raus)|(?:haben|hat) mir (?:\S+ ){0,2}?abgesagt|(?:haben|hat) mich (?:\S+ ){0,2}?(?:genommen|eingestellt|abgelehnt)|"
    r"mein (?:neuer job|erster arbeitstag)|meine neue stelle|ich bin in der (?:letzten|finalen|nachsten|zweiten|dritten) runde|"
    r"j'ai ete (?:\S+ ){0,2}?(?:pris|prise|retenu|retenue|embauche|embauchee|recrute|recrutee|refuse|refusee|recale|recalee)(?! (?:par|de|dans|en|pour)(?!\w))|"
    r"j'ai (?:eu|decroche|obtenu) (?:le|un|mon|ce) (?:poste|job|boulot|cdi|cdd)|j'ai (?:recu|eu) (?:un|une|leur) (?:refus|reponse negative|offre)|"
    r"(?:ils|elles|on) (?:ne )?m'ont (?:pas )?(?:pris|prise|retenu|retenue|embauche|embauchee|recale|recalee|refuse|refusee)|"
    r"mon (?:nouveau (?:poste|job|boulot|travail)|premier jour)|je (?:suis|passe) (?:au|en) (?:dernier|deuxieme|second|troisieme) (?:tour|entretien)|"
    r"(?:no )?me (?:han |habian )?(?:cogido|cogieron|contratado|contrataron|rechazado|rechazaron|descartado|descartaron|seleccionado|seleccionaron)|"
    r"(?:he|ya he) (?:conseguido|sacado|pillado) (?:el|un|ese) (?:puesto|trabajo|curro|empleo)|mi nuevo (?:trabajo|curro|puesto)|"
    r"estoy en la (?:ultima|siguiente|segunda|tercera) (?:fase|ronda|entrevista)|"
    r"ik ben (?:\S+ ){0,2}?(?:aangenomen|afgewezen)|ik heb (?:de|een|die) (?:baan|job|functie|afwijzing|aanbod) (?:\S+ ){0,2}?(?:gekregen|binnen)|"
    r"(?:ze hebben|hebben ze) me (?:\S+ ){0,2}?(?:aangenomen|afgewezen)|mijn nieuwe (?:baan|job|functie)|mijn eerste werkdag|ik zit in de (?:laatste|volgende|tweede|derde) ronde|"
    r"(?:sono stat[oa]|(?:non )?mi hanno) (?:\S+ )?(?:assunt[oa]|pres[oa]|scartat[oa]|rifiutat[oa])|ho (?:avuto|ottenuto|preso) (?:il|un|quel) (?:posto|lavoro)|"
    r"il mio nuovo lavoro|il mio primo giorno di lavoro|"
    r"(?:nao )?fui (?:\S+ )?(?:contratad[oa]|selecionad[oa]|reprovad[oa]|rejeitad[oa]|dispensad[oa])|(?:consegui|peguei) (?:o|um|a|uma|essa|esse) (?:emprego|vaga|trabalho|cargo)|"
    r"me (?:contrataram|reprovaram|rejeitaram|dispensaram)|(?:o )?meu novo (?:emprego|trabalho)|estou na (?:ultima|proxima|segunda|terceira) (?:etapa|fase)|"
    # The writer's own interview, had or to come: "my interview was a disaster", "me han
    # llamado para una entrevista en Bilbao".
    r"my (?:\S+ )?interview(?! (?:with|for) you)|(?:they've|they have|they) (?:\S+ )?(?:called|invited|asked) me (?:in )?(?:for|to) (?:an|the|a second|a final) interview|"
    r"mein (?:\S+ )?(?:vorstellungsgesprach|bewerbungsgesprach)|(?:haben|hat) mich (?:\S+ ){0,3}?zu(?:m| einem) (?:\S+ )?(?:vorstellungsgesprach|gesprach|interview) eingeladen|"
    r"mon (?:\S+ )?entretien(?! avec (?:toi|vous))|(?:ils|elles|on) m'ont (?:\S+ )?(?:appele|appelee|convoque|convoquee|invite|invitee) (?:pour|a) (?:un|l'|mon) ?entretien|"
    r"mi (?:\S+ )?entrevista|me han (?:\S+ )?(?:llamado|convocado|citado|invitado) (?:para|a) (?:una|la|otra) entrevista|"
    r"mijn (?:\S+ )?sollicitatiegesprek|(?:ze hebben|hebben ze) me (?:\S+ ){0,2}?uitgenodigd (?:voor|op) (?:een|het) (?:\S+ )?gesprek|"
    r"il mio (?:\S+ )?colloquio|mi hanno (?:\S+ )?(?:chiamat[oa]|convocat[oa]|invitat[oa]) (?:per|a) (?:un|il) colloquio|"
    r"(?:a )?minha (?:\S+ )?entrevista|me (?:chamaram|convidaram|convocaram) para (?:uma|a) entrevista"
)
# A referee telling the user an employer asked them for a reference: the user's process.
_REFEREE = words(
    r"(?:rang|called|phoned|rung|contacted|emailed|got in touch with) me (?:\S+ ){0,4}?(?:for|about) (?:a |your )?(?:reference|referee)|(?:gave|given|give) (?:you|them) (?:a )?(?:\S+ )?reference|"
    r"(?:hat|haben) mich (?:\S+ ){0,4}?(?:angerufen|kontaktiert|angeschrieben) (?:\S+ ){0,6}?referenz\w*|(?:hat|haben) mich (?:\S+ ){0,4}?referenz\w* (?:\S+ ){0,2}?(?:angerufen|kontaktiert|angeschrieben|gebeten)|referenz (?:fur|uber) dich|"
    r"m'(?:a|ont) (?:appele|appelee|contacte|contactee|ecrit) (?:\S+ ){0,4}?(?:pour|au sujet d)\S* (?:\S+ )?references?|references? (?:sur|pour) toi|"
    r"me (?:han |ha )?(?:llamado|llamaron|llamo|escribieron|contactaron|contactado) (?:\S+ ){0,4}?(?:para|por) (?:\S+ )?referencias?|referencias (?:sobre ti|tuyas)|"
    r"(?:hebben|heeft|belden|belde) me (?:\S+ ){0,4}?(?:gebeld|benaderd|gemaild)? ?(?:\S+ ){0,3}?(?:voor|over) (?:een |je )?referentie|referentie (?:voor|over) jou|"
    r"mi (?:hanno|ha) (?:chiamato|chiamata|contattato|contattata|scritto) (?:\S+ ){0,4}?(?:per|riguardo) (?:\S+ )?referenz\w*|referenze su di te|"
    r"me (?:ligaram|ligou|contataram|contatou|escreveram) (?:\S+ ){0,4}?(?:para|sobre) (?:\S+ )?referencias?|referencias? sobre (?:voce|ti)|"
    # What the referee told them: "I'd hire you again tomorrow", "put in a good word for you".
    r"(?:would|\w+'d) (?:\S+ )?(?:hire|employ|take on|work with) you again|vouched for you|(?:put|putting) in a good word|"
    r"(?:wurde|wurden) dich (?:\S+ ){0,2}?wieder (?:einstellen|nehmen)|(?:ein )?gutes wort fur dich|"
    r"(?:je )?t'(?:embaucherais|engagerais|reprendrais) (?:\S+ )?(?:a nouveau|de nouveau|sans hesiter)|(?:dit|dire) (?:le plus grand )?bien de toi|"
    r"te volver\w* a contratar|(?:he |ha )?hablado (?:muy )?bien de ti|"
    r"(?:zou|zouden) je (?:\S+ ){0,2}?(?:weer|opnieuw) aannemen|(?:een )?goed woordje (?:voor je )?gedaan|"
    r"ti (?:riassumerei|riprenderei|assumerei di nuovo)|(?:ho )?parlato bene di te|(?:una )?buona parola per te|"
    r"(?:te|o|a) contrataria (?:de novo|novamente)|falei (?:muito )?bem de (?:voce|ti)"
)
# A friend passing on a job lead: "shall I pass your CV on?", "mándale tu CV", "stuur hem
# je cv": an opening for the user, however personal the mailbox.
_LEAD = words(
    r"(?:pass|forward|send) (?:on )?your (?:cv|resume|details) (?:on|to|over)|(?:shall|should|can|could) i (?:pass|forward|send) (?:on )?your (?:cv|resume)|send (?:him|her|them) your (?:cv|resume)|(?:refer|recommend) you (?:for|to) (?:the|a|this|that)|put (?:you|your name) forward",
    r"(?:schick|sende|schicke) (?:ihm|ihr|ihnen) (?:\S+ )?(?:deinen|dein) (?:lebenslauf|cv)|(?:soll|kann|darf) ich (?:\S+ )?(?:deinen|dein) (?:lebenslauf|cv) (?:\S+ ){0,2}?(?:weitergeben|weiterleiten|schicken)",
    r"envoie-lui (?:\S+ )?ton cv|(?:je peux|je lui|veux-tu que je) (?:\S+ ){0,2}?(?:transmets|transmettre|passe|passer|envoie|envoyer) ton cv",
    r"(?:le|les) (?:paso|mando|envio|reenvio) tu (?:cv|curriculum)|(?:mandale|enviale|pasale|mandales|enviales) tu (?:cv|curriculum)|(?:te|le) recomiendo para",
    r"stuur (?:hem|haar|ze) (?:\S+ )?je cv|(?:zal|kan|mag) ik je cv (?:\S+ ){0,2}?(?:doorsturen|doorgeven|sturen)",
    r"(?:mandagli|mandale|inviagli|inviale) (?:il )?(?:tuo )?cv|(?:giro|passo|inoltro|posso girare|posso passare) (?:il )?tuo cv",
    r"(?:manda|envia) (?:o )?(?:seu|teu) (?:cv|curriculo) (?:pra|para) (?:ele|ela)|(?:passo|encaminho|posso passar|posso encaminhar) (?:o )?(?:seu|teu) (?:cv|curriculo)",
)
# Time asked of the reader, with the sender or for a call: "could you do 45 minutes with me
# Wednesday?", "send me a couple of slots". A recruiter's first approach asks it too.
_SPARE_TIME = words(
    r"(?:could|can|would) you (?:do|spare|give me) (?:\S+ ){0,2}?(?:minutes|mins|an hour|half an hour) (?:with (?:me|us)|for a (?:\S+ )?(?:call|chat|conversation))|(?:send|give) me (?:\S+ ){0,3}?(?:slots|times that work|windows)",
    r"(?:hatten|hast|haben) (?:sie|du) (?:\S+ ){0,3}?(?:minuten|eine stunde|eine halbe stunde) (?:zeit )?(?:fur ein (?:\S+ )?(?:telefonat|gesprach)|mit (?:mir|uns))|schick(?:en sie)? mir (?:\S+ ){0,3}?(?:terminvorschlage|zeitfenster|slots)",
    r"(?:auriez-vous|aurais-tu|avez-vous|as-tu) (?:\S+ ){0,3}?(?:minutes|une heure|une demi-heure) (?:pour (?:un|une) (?:\S+ )?(?:appel|echange|visio|cafe)|avec (?:moi|nous))|envoie(?:z)?-moi (?:\S+ ){0,3}?(?:creneaux|disponibilites)",
    r"(?:tendrias|tienes|tendria|tiene) (?:\S+ ){0,3}?(?:minutos|una hora|media hora) (?:para (?:una|un) (?:\S+ )?(?:llamada|charla|videollamada|cafe)|conmigo|con nosotros)|(?:mandame|enviame|pasame) (?:\S+ ){0,3}?(?:huecos|horarios|franjas)",
    r"(?:heb je|heeft u|zou je|kun je) (?:\S+ ){0,3}?(?:minuten|een uur|een half uur) (?:voor een (?:\S+ )?(?:gesprek|call|belletje|kop koffie)|met (?:mij|ons))|stuur (?:me|mij) (?:\S+ ){0,3}?(?:tijden|momenten|tijdsloten|slots)",
    r"(?:avresti|hai|avrebbe) (?:\S+ ){0,3}?(?:minuti|un'ora|mezz'ora) (?:per (?:una|un) (?:\S+ )?(?:chiamata|chiacchierata|videochiamata|caffe)|con (?:me|noi))|mandami (?:\S+ ){0,3}?(?:orari|slot)",
    r"(?:teria|tens|tem) (?:\S+ ){0,3}?(?:minutos|uma hora|meia hora) (?:para (?:uma|um) (?:\S+ )?(?:chamada|conversa|videochamada|cafe)|comigo|conosco)|(?:me manda|manda-me|envie-me|me envie) (?:\S+ ){0,3}?(?:horarios|slots)",
)
# The process slower than said: "the selection is delayed", "verzögert sich", "prend du retard".
_DELAYED = words(
    r"delay\w*|taking longer|(?:verzoger\w*|verspat\w*|dauert (?:\S+ ){0,3}?langer)|"
    r"retard\w*|prend (?:\S+ )?plus de temps|retras\w*|demora\w*|vertraging|vertraagd|langer (?:\S+ )?duurt|"
    r"ritard\w*|slittat\w*|atras\w*|adiad\w*"
)
# What a test, an assessment or an exercise is called: an invitation to take one asks for
# no meeting.
_TEST = words(
    r"tests?|assessments?(?! cent(?:re|er))|exercises?|take-home|case stud(?:y|ies)|questionnaire|quiz|coding challenge|"
    r"\w*tests?|aufgabe\w*|fallstudie|fragebogen|"
    r"exercice|etude de cas|cas pratique|epreuve|"
    r"pruebas?|ejercicio|caso practico|cuestionario|"
    r"\w*test|opdracht|casus|vragenlijst|"
    r"prova|esercizio|caso (?:pratico|studio)|questionario|"
    r"testes?|exercicio|estudo de caso|desafio|case (?:tecnico|pratico)"
)
# A guess at what went wrong on the way ("the online form may not have saved that page",
# "il n'est sans doute pas arrivé", "probabilmente non è stato caricato"): its "not" is
# about a fault in the sending, and decides nothing about the candidate.
_FAULT_EN = r"(?:arriv|sav|upload|load|attach|com\w* through|go\w* through|reach|submitt?|record|send|sent|work|receiv)\w*"
_FAULT_DE = r"(?:gespeichert|angekommen|ubermittelt|ubertragen|hochgeladen|mitgeschickt|durchgekommen|eingegangen|ubernommen|angehangt|beigefugt|gesendet|versendet|verschickt|geladen|funktioniert)"
_FAULT_FR = r"(?:enregistr|sauvegard|transmis|recu|arriv|parven|telecharg|televers|charg|envoy|joint|pass)\w*"
_FAULT_ES = r"(?:se )?(?:(?:haya|hayan|ha|han|habia|hubiera) (?:sido )?)?(?:lleg|guard|carg|subi|envi|grab|registr|adjunt|funcion|transmit|recibi)\w*"
_FAULT_NL = r"(?:goed )?(?:opgeslagen|aangekomen|doorgekomen|verzonden|verstuurd|geupload|meegestuurd|bewaard|ontvangen|overgekomen|bijgevoegd|geladen|gewerkt|doorgestuurd)"
_FAULT_IT = r"(?:(?:e|sono|sia|siano|stat[oaie]|essere|esser|aver\w*) )*(?:salvat|arrivat|caricat|inviat|ricevut|allegat|registrat|pervenut|trasmess|andat\w* a buon fine|funzionat)\w*"
_FAULT_PT = r"(?:(?:foi|foram|tenha|tenham|ter|sido) )*(?:salv|cheg|carreg|envi|receb|anex|grav|registr|guard|funcion|transmit|submet)\w*"
_GUESS = words(
    r"(?:may|might|must) not have|(?:mightn't|mustn't) have|(?:doesn't|does not|didn't|did not) (?:seem|appear) to have|(?:seems?|appears?) not to have",
    rf"(?:probably|possibly|perhaps|maybe|apparently|seemingly|somehow) (?:didn't|did not|wasn't|was not|hasn't|has not|haven't|have not|weren't|were not|never) (?:\S+ ){{0,2}}?{_FAULT_EN}",
    rf"(?:wohl|vermutlich|wahrscheinlich|moglicherweise|vielleicht|anscheinend|offenbar|scheinbar|eventuell|irgendwie) (?:\S+ ){{0,3}}?nicht (?:\S+ ){{0,3}}?{_FAULT_DE}",
    r"(?:scheint|scheinen) (?:\S+ ){0,4}?nicht (?:\S+ ){0,3}?zu (?:sein|haben)|durfte (?:\S+ ){0,5}?nicht (?:\S+ ){0,3}?(?:haben|worden sein)",
    r"(?:n'a|n'ont|n'est|ne sont|n'aurait|n'auraient|ne serait|ne seraient) (?:probablement|sans doute|peut-etre|visiblement|apparemment|vraisemblablement|manifestement) pas",
    rf"(?:n'aurait|n'auraient|ne serait|ne seraient) pas (?:ete )?{_FAULT_FR}|ne (?:semble|semblent|parait|paraissent) pas avoir|(?:semble|semblent|parait) ne pas avoir",
    rf"(?:probablemente|seguramente|quiza|quizas|tal vez|a lo mejor|posiblemente|al parecer|por lo visto|parece que|puede que) (?:\S+ ){{0,3}}?no {_FAULT_ES}|(?:parece|parecen) no haber|no (?:parece|parecen) haber",
    rf"(?:waarschijnlijk|misschien|vermoedelijk|blijkbaar|kennelijk|mogelijk|wellicht|schijnbaar|vast) (?:\S+ ){{0,3}}?niet (?:\S+ ){{0,3}}?{_FAULT_NL}|lijk\w* (?:\S+ ){{0,4}}?niet (?:\S+ ){{0,3}}?te (?:zijn|hebben)",
    rf"(?:probabilmente|forse|magari|evidentemente|a quanto pare|sembra che|pare che) (?:\S+ ){{0,3}}?non (?:\S+ ){{0,2}}?{_FAULT_IT}|non (?:sembra|sembrano|pare|paiono) (?:\S+ ){{0,2}}?{_FAULT_IT}",
    rf"(?:provavelmente|talvez|possivelmente|pelo visto|aparentemente|parece que) (?:\S+ ){{0,3}}?nao (?:\S+ ){{0,2}}?{_FAULT_PT}|nao (?:parece|parecem|deve|devem) ter (?:sido )?{_FAULT_PT}",
    # A file that would not open: its "not" is about the file, not the candidate.
    r"(?:couldn't|could not|unable to|not able to|can't|cannot) (?:\S+ )?open (?:it|the file|your|the attach\w*)|(?:is|was|seems|appears) (?:\S+ )?(?:corrupt\w*|damaged|unreadable|illegible)|"
    r"(?:nicht|kein\w*) (?:\S+ ){0,2}?(?:offnen|geoffnet)|(?:ist|war) (?:\S+ )?(?:beschadigt|defekt|unlesbar|fehlerhaft)|"
    r"(?:pas pu|impossible d') ?(?:l')?ouvrir|(?:est|semble) (?:\S+ )?(?:corrompu|endommage|illisible)|"
    r"no (?:\S+ ){0,2}?(?:abrir|abrirlo|abrirla)|(?:esta|parece) (?:\S+ )?(?:danado|corrupto|ilegible)|"
    r"niet (?:\S+ ){0,2}?(?:openen|te openen|geopend)|(?:is|lijkt) (?:\S+ )?(?:beschadigd|corrupt|onleesbaar)|"
    r"non (?:\S+ ){0,3}?(?:aprir\w*|apert[oa])|(?:risulta|e|sembra) (?:\S+ )?(?:danneggiat[oa]|corrott[oa]|illeggibile)|"
    r"nao (?:\S+ ){0,3}?(?:abrir|aberto|aberta)|(?:esta|parece) (?:\S+ )?(?:corrompid[oa]|danificad[oa]|ilegivel)",
)
# Admitted (or not) to a stage of a selection: a public competition's oral exam, an
# assessment round. "Admission" and "admitted" are a school's words too (ELSEWHERE); beside
# a stage of a test they are the competition's, and say nothing of a school.
_STAGE = words(
    r"(?:admitted|admission|shortlisted) (?:to|into|for) (?:the )?(?:\S+ ){0,2}?(?:stage|round|tests?|exams?|examination|assessments?|assessment centre|interviews?)",
    r"(?:zur|zum|zu den|fur die|fur den) (?:\S+ ){0,2}?(?:prufung\w*|gesprach\w*|test\w*|runde|stufe|auswahlverfahren|assessment\w*) (?:\S+ ){0,2}?(?:zugelassen|zulassung)|zulassung (?:zur|zum|zu den) (?:\S+ ){0,2}?(?:prufung\w*|gesprach\w*|test\w*|runde|stufe|auswahlverfahren|assessment\w*)",
    r"(?:epreuves?|oral|ecrit|phase) (?:\S+ ){0,2}?d'admission",
    r"admitid[oa]s?(?:/as|\(as?\))? (?:a|al|en|para) (?:la |el |las |los )?(?:\S+ )?(?:pruebas?|ejercicios?|fases?|entrevistas?|examen\w*)|admision (?:a|al) (?:la |el )?(?:\S+ )?(?:pruebas?|ejercicios?|fases?|examen)|admitid[oa]s? y excluid[oa]s?",
    r"toegelaten (?:tot|voor) (?:de |het )?(?:\S+ )?(?:ronde|assessment\w*|gesprek\w*|selectie\w*|toets\w*|test\w*|examen)|toelating (?:tot|voor) (?:de |het )?(?:\S+ )?(?:ronde|assessment\w*|gesprek\w*|selectie\w*|toets\w*|test\w*)",
    r"ammess[oaie] (?:a|al|alla|alle|ai|agli) (?:\S+ )?(?:prov[ae]|fase|colloqui\w*|orale|selezion\w*)|ammissione (?:a|al|alla|alle|ai) (?:\S+ )?(?:prov[ae]|fase|colloqui\w*|orale)|ammessi (?:e|ed) esclusi",
    r"admissao (?:a|para) (?:a |o )?(?:\S+ )?(?:prova|fase|etapa|entrevista)",
)
# Feedback sent as promised or agreed: the no, if there was one, was said before (on a call),
# and this mail is the feedback, however much it reads like a rejection letter.
_FEEDBACK_PROMISED = re.compile(
    r"(?<!\w)(?:as (?:promised|agreed|discussed)|wie (?:versprochen|besprochen|vereinbart)|comme (?:promis|convenu)|"
    r"como (?:prometido|prometi|combinamos|combinado|acordamos|acordado|quedamos)|zoals (?:beloofd|afgesproken)|"
    r"come (?:promesso|d'accordo|concordato))(?!\w)(?=.*(?<!\w)(?:feedback|ruckmeldung|retours?|comentarios|"
    r"terugkoppeling|riscontro|devolutiva|pontos|points|punkte|puntos|punten|punti)(?!\w))"
    r"|(?<!\w)(?:feedback|ruckmeldung|retours?|comentarios|terugkoppeling|riscontro|devolutiva)(?!\w)(?=.*(?<!\w)"
    r"(?:as (?:promised|agreed)|wie (?:versprochen|vereinbart)|comme (?:promis|convenu)|como (?:prometido|prometi|combinamos|combinado|acordamos|quedamos)|"
    r"zoals (?:beloofd|afgesproken)|come (?:promesso|d'accordo|concordato))(?!\w))"
)
# The families written once for all seven languages: the same compiled pattern in each.
_EVERY_LANGUAGE = {
    "FEEDBACK_PROMISED": _FEEDBACK_PROMISED,
    "STAGE": _STAGE,
    "OWN_NEWS": _OWN_NEWS,
    "REFEREE": _REFEREE,
    "LEAD": _LEAD,
    "TEST": _TEST,
    "DELAYED": _DELAYED,
    "SPARE_TIME": _SPARE_TIME,
    "GUESS": _GUESS,
    "ASKS_TO_SEND": _ASKS_TO_SEND,
    "PAST": _PAST,
    "COSTS": _COSTS,
    "LATER": _LATER,
    "OUTREACH": _OUTREACH,
    "HESITATE": _HESITATE,
    "WITHDREW": _WITHDREW,
    # A day moved is a meeting moved, for an invitation as for a no.
    "MOVED": re.compile(f"{_MOVED.pattern}|{_DAY_MOVED.pattern}"),
    "DAY_MOVED": _DAY_MOVED,
    "STILL_IN": _STILL_IN,
    "CONSENT": _CONSENT,
    "NOT_HIRED": _NOT_HIRED,
    "TOOK_SOMEONE": _TOOK_SOMEONE,
    "OFFER_WITHDRAWN": _OFFER_WITHDRAWN,
    "SETTLING_IN": _SETTLING_IN,
    "NOT_AMONG": _NOT_AMONG,
    "EXCLUDED": _EXCLUDED,
    "NO_PLACE": _NO_PLACE,
    "FULL": _FULL,
    "TRIAL": _TRIAL,
    "STARTING": _STARTING,
    "TERMS": _TERMS,
    "STATUS_NO": _STATUS_NO,
    "ENDS_FOR_YOU": _ENDS_FOR_YOU,
}
# German and Dutch put the verb last: "nicht möglich, Ihnen eine Position in unserem
# Unternehmen anzubieten" has seven words between the "not" and the verb.
_VERB_LAST = {"de": 8, "nl": 8}
for _code, _parts in PARTS.items():
    _gap = r" (?:\S+ ){0," + str(_VERB_LAST.get(_code, 5)) + r"}?"
    _parts["REFUSED"] = re.compile(
        BY_LANGUAGE[_code]["NEGATION"].pattern + _gap + _parts["CONTINUE"].pattern
    )
    _parts.update(_EVERY_LANGUAGE)
    # Thanks for a meeting already held ("thank you for the interview on Monday"), not a
    # proposal; "following" far from the meeting word ("Suite à l'examen de votre dossier,
    # nous vous proposons un entretien") thanks for nothing. An elided article ("l'échange",
    # "dell'incontro") is part of the meeting's word.
    _parts["HELD"] = re.compile(
        _parts["THANKS"].pattern + r" (?:\S+ ){0,6}?(?:\w+')?" + _parts["MEETING"].pattern
    )
    BY_LANGUAGE[_code].update(_parts)
