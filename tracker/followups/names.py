"""A sender's name as people type it, read for a greeting: "Dr. Amara O'Neil" → "Amara".

Pure: no ORM, no I/O. People type titles ("Dr.", "ms."), "Last, First", lower case,
surnames in capitals ("DUPONT Jean"), credentials ("Kate O'Brien, PhD"), compound given
names ("María José García-López", "Jean Paul Martin") and team or company names ("Talent
Team", "Acme Recruiting"). A greeting uses the given name, or nothing at all: a wrong
"Hi Dr.," is worse than a neutral "Hello,".
"""

import re
from dataclasses import dataclass


def _words(text: str) -> list[str]:
    return text.split()


# Titles and honorifics before a name, in the four languages the reader knows; compared
# without their dot and in lower case.
TITLES = frozenset(
    _words(
        "dr doctor prof professor mr mrs ms miss mx sir dame rev herr frau fr dipl ing "
        "mag mme mlle m monsieur madame mademoiselle sr sra srta don doña dona dott dottssa "
        "sig sigra eng lic dra señora senora señor senor signora signor dottssa profssa "
        "mevrouw mevr mw meneer dhr heer senhora senhor dott.ssa sig.ra"
    )
)
# After a name (or after its comma): generations and credentials.
SUFFIXES = frozenset(
    _words(
        "jr sr ii iii iv phd md mba msc ma bsc ba cpa pmp shrm-cp shrm-scp phr sphr cipd esq dds rn"
    )
)
# Words that make a name a team, a department or a company, never one person.
GROUP_WORDS = frozenset(
    _words(
        "team talent recruiting recruitment recruiter recruiters careers career jobs hiring hr "
        "people acquisition department staffing resources services support office group "
        "inc ltd llc gmbh ag sa sas sarl bv plc corp co company the rh personal reclutamiento "
        "contratación contratacion selección seleccion equipo équipe equipe abteilung "
        "personalabteilung noreply no-reply"
    )
)
# The first halves of compound given names (Spanish, Portuguese, French, Italian, ...):
# "María José", "José Luis", "João Pedro", "Jean Paul", "Anna Maria".
COMPOUND_HEADS = frozenset(
    _words(
        "maría maria josé jose juan ana luis luís joão joao pedro carlos francisco antonio "
        "antónio miguel jean marie anne anna rosa mari juan josé manuel ángel angel"
    )
)
# Second halves: given names that follow a head. A head followed by one of these, with
# a surname still to come, is one given name, not a given name and a surname.
COMPOUND_TAILS = frozenset(
    _words(
        "josé jose maría maria luis luís luisa carlos manuel antonio antónio miguel ángel angel "
        "pablo pedro ignacio javier francisco eduardo eduarda fernando fernanda isabel elena "
        "teresa carmen pilar paula cristina eugenia jesús jesus ramón ramon andrés andres "
        "gabriel henrique ricardo rafael paulo vitor vítor victor clara alice beatriz laura "
        "lucía lucia inés ines rosa sofia sofía luiz felipe guilherme gustavo vitória vitoria "
        "paul pierre luc claude marie louise anne christine françois francois michel philippe "
        "maria giovanna teresa grazia"
    )
)
# "María del Carmen", "María de los Ángeles": a Marian name after "de"/"del".
MARIAN = frozenset(
    _words(
        "carmen pilar rosario mar sol rocío rocio luz ángeles angeles dolores mercedes fátima "
        "fatima lourdes jesús jesus socorro consuelo remedios montserrat guadalupe"
    )
)
PARTICLES = ("de", "del", "la", "los", "las")


def _letters(text: str) -> str:
    """The letters of `text` ("²" and "¼" are word characters to a regex, but no letters)."""
    return "".join(ch for ch in text if ch.isalpha())


_EMAIL = re.compile(r"\S+@\S+")
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|<[^<>]*>|\"[^\"]*\"")
# A token's own pieces, capitalised one by one: "o'neil" → "O'Neil", "jean-luc" → "Jean-Luc".
_PIECES = re.compile("([-'\u2019])")


@dataclass(frozen=True)
class SenderName:
    """A name as typed, read: `given` is "" when no person's given name can be told."""

    typed: str
    given: str
    # A team, department or company: a neutral greeting, and no person wrote. A name
    # with nothing to greet ("J. Smith", an address) is still a person.
    group: bool


def read_name(typed: str, *, company: str = "") -> SenderName:
    """What a greeting can say about the sender called `typed` (at `company`)."""
    text = " ".join(_EMAIL.sub(" ", _BRACKETS.sub(" ", typed)).split())
    if not _letters(text):
        return SenderName(typed=text, given="", group=False)
    if _is_group(text, company):
        return SenderName(typed=text, given="", group=True)
    return SenderName(typed=text, given=_given(_in_order(text)), group=False)


def given_name(typed: str, *, company: str = "") -> str:
    return read_name(typed, company=company).given


def name_key(typed: str) -> str:
    """One spelling per person: "O'Brien, Kate" and "kate o'brien" give the same key."""
    text = " ".join(_EMAIL.sub(" ", _BRACKETS.sub(" ", typed)).split())
    return " ".join(_key(word) for word in _in_order(text))


def _key(token: str) -> str:
    return token.strip(".,;:").casefold()


def _is_group(text: str, company: str) -> bool:
    words = [_key(word) for word in re.split(r"[\s,&/+]+", text) if _key(word)]
    if any(word in GROUP_WORDS for word in words):
        return True
    wanted = _key(" ".join(company.split()))
    return bool(wanted) and _key(text) in (wanted, wanted.removesuffix(" inc"))


def _in_order(text: str) -> list[str]:
    """The name's words, given name first: "O'Brien, Kate" → ["Kate", "O'Brien"]."""
    before, comma, after = text.partition(",")
    after_words = after.replace(",", " ").split()
    if comma and after_words and not all(_key(word) in SUFFIXES for word in after_words):
        words = after_words + before.split()
    else:
        words = before.split()
    # Stray punctuation and numbers ("- Dana", "Dana 2") are no part of a name.
    words = [word for word in words if _letters(word)]
    words = [word for word in words if _key(word) not in SUFFIXES or len(words) == 1]
    while words and _key(words[0]) in TITLES and len(words) > 1:
        words.pop(0)
    if words and _key(words[0]) in TITLES:
        return []
    # "DUPONT Jean": a surname written in capitals first, the given name after it.
    if len(words) > 1 and _shouted(words[0]) and not all(_shouted(word) for word in words):
        words = [word for word in words if not _shouted(word)] or words
    return words


def _shouted(word: str) -> bool:
    letters = _letters(word)
    return len(letters) > 1 and letters.isupper()


def _initial(word: str) -> bool:
    return len(_letters(word)) == 1


def _given(words: list[str]) -> str:
    # "J. Robert Smith" goes by Robert; "J. Smith" gives nothing to greet.
    while len(words) > 1 and (_key(words[0]) in TITLES or (len(words) > 2 and _initial(words[0]))):
        words = words[1:]
    if not words or _initial(words[0]) or _key(words[0]) in TITLES:
        return ""
    head = words[0]
    given = [head]
    rest = words[1:]
    if _key(head) in COMPOUND_HEADS and rest:
        marian = _marian(rest)
        if marian:
            given += rest[:marian]
        elif len(rest) > 1 and _key(rest[0]) in COMPOUND_TAILS:
            # Only with a surname still to come: "María José García", not "Maria Rosa".
            given.append(rest[0])
    return " ".join(
        word.lower() if _key(word) in PARTICLES else _capitalised(word) for word in given
    )


def _marian(rest: list[str]) -> int:
    """How many words of `rest` belong to "María del Carmen" (0 if none)."""
    taken = 0
    while taken < len(rest) and _key(rest[taken]) in PARTICLES:
        taken += 1
    if 0 < taken < len(rest) - 1 and _key(rest[taken]) in MARIAN:
        return taken + 1
    return 0


def _capitalised(word: str) -> str:
    """As typed, unless typed all in one case: "jane" → "Jane", "JANE" → "Jane"."""
    word = word.strip(".,;:")
    if word in (word.lower(), word.upper()) and _letters(word):
        pieces = _PIECES.split(word.lower())
        return "".join(piece[:1].upper() + piece[1:] for piece in pieces)
    return word


# --- Addressing someone formally: "Frau Dr. Vogel", "Sra. Fernández" --------------------

# Titles that say who someone is: "f" or "m". Compared like TITLES (no dot, lower case).
FEMALE_TITLES = frozenset(
    _words(
        "frau fr mrs ms miss mme madame mlle mademoiselle sra srta señora senora doña dona "
        "dra sigra sig.ra signora dottssa dott.ssa profssa mevrouw mevr mw senhora"
    )
)
MALE_TITLES = frozenset(
    _words("herr mr m monsieur sr señor senor don sig signor meneer dhr heer senhor")
)
# Academic titles kept in a formal greeting ("Sehr geehrte Frau Dr. Vogel").
ACADEMIC = {"dr": "Dr.", "doctor": "Dr.", "prof": "Prof.", "professor": "Prof."}
# Given names whose bearers are, with rare exceptions, women or men, across the seven
# languages. A name missing here, or used for both (Andrea, Simone, Nicola, Jean, Kim),
# gets a greeting that needs no gender: a wrong "Herr" is worse than a neutral one.
FEMALE_NAMES = frozenset(
    _words(
        "anna anne annette angela angelika anja antje barbara beate bettina birgit "
        "brigitte carina carla carmen carolina caroline catherine cecile cécile charlotte "
        "christina christine claire clara claudia cornelia daniela diana doris dorothea "
        "elena elisa elisabeth elke ellen emilia emily emma esther eva franziska frederike "
        "gabriele gabriela giulia hanna hannah heike helena helga ines inés ingrid irene "
        "isabel isabella isabelle jana jasmin jennifer jessica johanna josefine judith julia "
        "juliane julie karin katharina kathrin katrin katja kerstin klara kristina laura lea "
        "lena lina lisa lucia lucía luisa mara maren margarete maria maría marie marina "
        "marta martha martina melanie mia michaela miriam monika nadine natalie nicole nina "
        "olga paula petra pia rebecca regina renate rita rosa ruth sabine sandra sara sarah "
        "silke simona sofia sofía sophie stefanie stephanie susanne svenja tanja theresa "
        "ulrike ursula vanessa vera verena veronika yvonne agnès amélie aurélie "
        "chantal élise émilie hélène léa lucie manon marion mathilde nathalie océane pauline "
        "sandrine sylvie valérie virginie adriana alba alicia ana beatriz blanca carlota "
        "cristina dolores elvira encarnación esperanza eva fernanda gloria inmaculada irene "
        "josefa lourdes lorena lucía luz marisol mercedes montserrat natalia nerea noelia "
        "nuria pilar raquel rocío silvia sonia susana teresa yolanda anke annemiek bregje "
        "femke fenna ilse inge janneke karlijn lieke lotte marieke mirjam noor roos saskia "
        "sanne sophie willemijn alessandra alessia beatrice benedetta chiara federica "
        "francesca giorgia ilaria lucrezia martina roberta serena valentina antónia "
        "conceição fátima filipa graça joana leonor luana mariana rafaela sofia tatiana "
        "vitória"
    )
)
MALE_NAMES = frozenset(
    _words(
        "adam alexander andreas anton armin axel benjamin bernd björn christian "
        "christoph daniel david dennis dieter dirk dominik eric erik fabian felix florian "
        "frank franz friedrich georg gerhard günter hans harald heinz helmut hendrik "
        "jakob jan jens jochen johann johannes jonas jörg josef julian jürgen kai karl "
        "klaus lars leon lukas manfred marc marcel marco mario markus martin matthias max "
        "maximilian michael moritz niklas nils oliver pascal patrick paul peter philipp "
        "ralf rainer reinhard richard robert roland rolf sebastian stefan stephan sven "
        "thomas thorsten tim tobias torsten uwe volker walter werner wolfgang antoine "
        "arnaud benoît bernard bruno cédric christophe clément damien didier étienne "
        "fabrice françois frédéric guillaume hugo jacques jean-luc jean-pierre jérôme "
        "julien laurent louis luc mathieu mathis maxime nicolas olivier pascal philippe "
        "pierre rémi sébastien théo thibault thierry vincent yann alberto alejandro alfonso "
        "álvaro andrés ángel antonio carlos diego eduardo emilio enrique esteban fernando "
        "francisco gonzalo ignacio jaime javier jesús jorge josé juan luis manuel miguel "
        "pablo pedro rafael ramón raúl ricardo rodrigo santiago sergio tomás arjen bart "
        "bas bram daan dirk-jan floris gerrit hendrik jeroen joost koen maarten niels pieter "
        "ruud sander sjoerd stijn thijs tim wouter alessandro davide emanuele fabio "
        "federico francesco gianluca giovanni giuseppe leonardo lorenzo luca massimo matteo "
        "mattia paolo riccardo roberto salvatore stefano tommaso vittorio afonso bernardo "
        "duarte fábio gonçalo guilherme henrique joão leonardo lucas miguel nuno rui tiago "
        "vasco vítor"
    )
)


@dataclass(frozen=True)
class Addressee:
    """How a formal greeting may name someone: "f"/"m"/"" and the words it needs."""

    given: str
    surname: str
    gender: str
    academic: str

    @property
    def full(self) -> str:
        return " ".join(filter(None, [self.given, self.surname]))


def addressee(typed: str, *, company: str = "") -> Addressee:
    """The person called `typed`, for a formal greeting: "Dr. Katrin Vogel" is a woman
    ("Katrin"), a doctor, surname "Vogel". A team or a company is nobody to address."""
    read = read_name(typed, company=company)
    if read.group or not read.typed:
        return Addressee(given="", surname="", gender="", academic="")
    text = " ".join(_EMAIL.sub(" ", _BRACKETS.sub(" ", typed)).split())
    titles = _titles(text)
    return Addressee(
        given=read.given,
        surname=_surname(text, read.given),
        gender=_gender(titles, read.given),
        academic=next((ACADEMIC[t] for t in titles if t in ACADEMIC), ""),
    )


def _titles(text: str) -> list[str]:
    """The titles in the name, as they are read: "Vogel, Dr. Katrin" → ["dr"]."""
    before, comma, after = text.partition(",")
    raw = (after.replace(",", " ").split() + before.split()) if comma else before.split()
    if comma and all(_key(word) in SUFFIXES for word in after.replace(",", " ").split()):
        raw = before.split()
    return [_key(word) for word in raw if _key(word) in TITLES or _key(word) in FEMALE_TITLES]


def _gender(titles: list[str], given: str) -> str:
    """What a title says ("Frau", "Sr."), else what a well-known given name says, else ""."""
    if any(title in FEMALE_TITLES for title in titles):
        return "f"
    if any(title in MALE_TITLES for title in titles):
        return "m"
    if not given:
        return ""
    first = _key(given.split()[0])
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    return ""


def _surname(text: str, given: str) -> str:
    """The words after the given name, initials left out."""
    words = _in_order(text)
    taken = (
        len(given.split()) if given and words and _key(words[0]) == _key(given.split()[0]) else 0
    )
    surname_words = [w.strip(".,;:") for w in words[taken:] if not _initial(w)]
    # As typed ("van der Berg", "McDonald"), unless the whole name was typed in one case.
    one_case = text in (text.lower(), text.upper())
    return " ".join(_capitalised(word) if one_case else word for word in surname_words)
