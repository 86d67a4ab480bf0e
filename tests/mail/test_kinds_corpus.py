"""The reader on the mail corpus: what kind each mail is and, for rejections, who sent it.

Prints the figures (pytest -s, or on failure); the development part must meet the goals,
the held-out part is reported as the honest estimate.

Each held-out round was read once before anyone studied it; FIRST_RUNS keeps those first
figures (rejections read, other job mail taken for a rejection, non-job mail kept), the only
honest estimate a round gives: after its study a round reads better than new mail will.
The eleventh round's first run, per language: en 8 of 9 rejections, de, fr, es, nl, it and
pt 4 of 4 each; one French parcel notice kept as job mail. Its mails mostly say their no in
the common wordings, so it measures the ordinary letter better than the odd one: 32 of 33
is near the ceiling for ordinary mail, not a promise for the unusual wording.
The twelfth round was written after the rules were generalised on the eleventh round and on
some three hundred wordings, and it is the estimate that counts: 24 of 32 rejections read
(75%; en 8 of 10, de 3 of 5, es 2 of 4, nl 2 of 3, pt 2 of 3, fr 4 of 4, it 3 of 3), no other
job mail taken for a rejection (0 of 15), no non-job mail kept (0 of 11); channel and name 31
of 32, role 13 of 14, address 32 of 32. What it missed: informal idioms ("não vai rolar",
"nos hemos quedado con un chico", "we kiezen voor iemand uit ons eigen netwerk"), a choice
that "tipped the balance" ("den Ausschlag gegeben"), no next step, a post "amortizada", an
internal promotion that stopped the search, "unable to offer you a place". The rules from
before that generalisation read the same 24 (the same eight missed): wordings written by
one hand do not reach the next hand's idioms, so phrase families alone will not make 97%.
The n-gram model
(test_kinds_model), asked only where the rules found nothing decisive, would have read 29 of
32 with none of the 15 other job mails: it may point at a rejection, the rules decide.

Four more rounds came from four other hands, each told only what a label means, never
shown a rule or a mail of the corpus. The thirteenth (small firms, founders, agencies,
chat pastes) and fourteenth (large employers, portals, forwards) read on their first run
27 and 25 of 32 rejections, took 2 and 3 of 16 other job mails for rejections and kept 3 and
2 of 12 non-job mails; their failures were studied into general rules (a forward's letter
read whatever the note above it, a candidacy said to be still alive vetoing a no, "without
news by then, consider...", a moved meeting no invitation, a portal's "Status: Rejected", a
"not hiring you" or "the process ends for you" in every language, a newsletter or a credit
card from an applied-to company not job mail, umlauts spelled "ue" in domains). Only then
were "trades" (trades, services, the public sector) and "blunt" (short notes, chat pastes,
status changes, titles and honorifics) read, once each: 30 and 33 of 40 rejections (79%
together), 6 and 7 of 30 other job mails taken for rejections (22%), 2 and 2 of 20 non-job
mails kept. The rules from before the thirteenth round read 29 and 31 of them, taking 7 and
9: the study moved the honest figure by two or three points, no more.

Three more hands then wrote the seventeenth (job boards, mixed languages, services that
share job words), eighteenth (public competitions, apprenticeships, administrative
register) and nineteenth (agencies, threads in every client's quoting style, forwards)
rounds, read once by the rules after the study above: 27, 25 and 27 of 32 rejections (82%
together), 2, 2 and 2 of 16 other job mails taken for rejections (12%), 4, 2 and 1 of 12
non-job mails kept. The rules from before the thirteenth round read 79 of those 96 too,
taking 7 other job mails: phrases learnt from one hand barely reach the next. What did
move the figure is the resemblance model beside the rules (test_kinds_model).

The estimate that counts: two rounds, the fifteenth (employers outside tech, public
administration, seasonal work, partial refusals) and the sixteenth (big tech, startups,
LinkedIn, agencies, academia, newsletters of companies applied to), were written by two
more hands at the start of that work and kept sealed until the rules and the model above
were done; each was read once. Rejections read: 29 and 30 of 32 (59 of 64, 92%; the rules
of before the thirteenth round read 55, 86%); other job mail taken for a rejection: 4 and 0
of 16 (4 of 32, 12%; before 7, 22%); non-job mail kept: 2 and 4 of 12 (6 of 24, 25%; before
9, 38%); channel 60 of 64, role 32 of 41, name 60 of 64, address 64 of 64. Short of the
goals (97%, 2%, none kept): the unusual wording still escapes, and so do the cautious
non-answers ("your application is on pause") and the company's own newsletters.

Those two rounds were then studied with two more (the twentieth, phone-short and
ambiguous: first run 26 of 32, 4 of 16 taken, none kept; the twenty-first, Dutch, Italian
and Portuguese: 29 of 32, 0, 0), and two last sealed rounds, the twenty-second (an
ordinary continental European inbox) and the twenty-third (an English-speaking search
with some European letters), written meanwhile by two more hands, were read once at the
end: rejections 28 and 32 of 32 (60 of 64, 94%; the session's starting rules 57, 89%),
other job mail taken 1 and 2 of 16 (3 of 32, 9%; before 4), non-job mail kept 1 and 1 of
12 (2 of 24; before 2); channel 60 of 64, role 31 of 40 (before 28), name 61 of 64
(before 57), address 62 of 64.

A last cycle: the twenty-fourth (mails that are two things at once; first run 31 of 32, 2
of 18 taken, 1 of 12 kept) and twenty-fifth (students, internships, casual writers; 27 of
32, 1 of 16, 3 of 12) were studied, and two more sealed rounds, the twenty-sixth and
twenty-seventh (mixed inboxes in the seven languages, by two more hands), read once at
the end: rejections 32 and 31 of 32 (63 of 64, 98%; the session's starting rules 59),
other job mail taken 1 and 2 of 16 (3 of 32, 9%; before 7), non-job mail kept 0 and 0
(before 0); channel 61 of 64, role 34 of 45 (before 28), name 61 of 64 (before 56), address
62 of 64. Over all six sealed rounds, each read once by the code of its time: 182 of 192
rejections (95%; the session's starting rules 171, 89%), 10 of 96 other job mails taken
(10%; before 18, 19%), 8 of 72 non-job mails kept (before 11).

Another session wrote eight more rounds by eight more hands, each told only what a label
means. Four were studied: the twenty-eighth (regional and idiomatic speech, no usual sad
word; first run 28 of 32, 1 of 22 other job mails taken, 1 of 12 kept) and twenty-ninth
(portals, agency threads, letters half one thing and half another; 31, 1, 0), then the
thirty-second (the treacherous cases: pauses, mistakes, a company's bank and claims side;
31, 4, 2) and thirty-third (people who write personally, signed in every style; 31, 1, 0).
Four were kept sealed and read once at the end: the thirtieth, thirty-first, thirty-fourth
and thirty-fifth (ordinary inboxes in seven languages; senior and specialised roles;
a career changer's; a software professional's across Europe and the Americas): 31, 31, 29
and 32 of 32 rejections (123 of 128, 96%; the session's starting rules 118, 92%), 0, 2, 1
and 1 of 22 other job mails taken (4 of 88, 5%; before 4), 1, 1, 0 and 0 of 12 non-job
mails kept (2 of 48; before 2); channel 128 of 128, role 55 of 64 (86%; before 54), name
126 of 128, address 126 of 128. Over all ten sealed rounds (these four and the six above):
305 of 320 rejections (95%), 14 of 184 other job mails (8%), 10 of 120 non-job mails kept.
Their misses were then studied too (a no about a post beside an invitation to volunteer, a
bank's credit refusal, an offer of "other opportunities" in a talent-pool sentence, a no
about a colleague or a referred friend named "him", a decision "noch nicht gefallen", a job
offered "to someone" several words on, offers rescinded with their start date, a booking
"référence" and a visa appointment). Two more study rounds followed: the thirty-sixth
(employers that are not companies: hospitals, foundations, schools, councils, public
competitions; first run 25 of 32, 1 of 22 taken, 1 of 12 kept) and the thirty-seventh
(other people's news, waiting, blunt shift work; 26 of 32, 0, 0). The last two sealed
rounds, the thirty-eighth (a graduate's spring inbox) and thirty-ninth (a professional
relocating between countries), were read once by the session's final code: 30 and 31 of
32 rejections (61 of 64, 95%; the session's starting rules 57), 2 and 1 of 22 other job
mails taken (before 2 and 1), 4 and 0 of 12 non-job mails kept (before 4 and 0: a family
note, a graduation, a paper's acceptance and a loan offer said enough about jobs); role 28
of 33 (before 27). The session's six sealed rounds together: 184 of 192 rejections (96%;
before 175, 91%), 7 of 132 other job mails (5%; before 7), 6 of 72 non-job mails kept
(before 6), role 83 of 97 (86%; before 81), channel 191, name 189 and address 190 of 192.
All twelve sealed rounds: 366 of 384 rejections (95%), 17 of 228 other job mails (7%), 14
of 144 non-job mails kept.

Four more study rounds by four more hands: the fortieth (employers outside offices: care
homes, schools, warehouses, hotels, railways, clubs), the forty-first (mail written on a
phone in a hurry, and languages mixed in one letter), the forty-second (formal and
legalistic letters with data-protection paragraphs, bilingual letters) and the forty-third
(threads under long quoted histories, forwards through friends and agencies). First run:
32, 31, 29 and 30 of 32 rejections (122 of 128, 95%), 0, 1, 5 and 1 of 22 other job mails
taken (7 of 88, 8%), 3, 0, 4 and 3 of 12 non-job mails kept (10 of 48); role 69 of 89,
name 122 and address 123 of 128. Studied: a forward marked only by its subject ("RV:",
"I:") under Outlook's "Original Message" block, and Italian, Portuguese and Dutch clients'
forward marks; a data-protection paragraph (GDPR, RGPD, DSGVO, AVG, LGPD...) decides
nothing, its "at your request" or "not passed on to third parties" being the law's words;
"as soon as possible" supposes nothing, "in that case" and a fear ("peur de ne pas être
retenue") do; "does not constitute an offer" is a disclaimer; the user's own withdrawal,
a no recalled ("you might remember..."), a meeting that "will not take place"; a place at
a nursery, a club's membership, a lottery of places are elsewhere; a lead who ran the
interview is its interviewer; "VG Jonas" signs Jonas. After the study: 128 of 128
rejections, none of 88 other job mails taken, 5 of 48 non-job mails kept (two friends'
own rejections passed on, which the reader then set aside as other job mail, as an earlier
round labelled them; a later session made a friend's own news not job mail and relabelled
that round), role 75 of 89, name 125 and address 127 of 128.

Two sealed rounds by two more hands were written with those four and read once, at the
end, by the code after their study: the forty-fourth (an ordinary month of a whole inbox in
seven languages) and the forty-fifth (senior and specialist searches: consultancies,
executive search, freelance platforms, family businesses). Rejections read 30 and 32 of 32
(62 of 64, 97%; the session's starting rules 61), other job mails taken 0 and 0 of 22 (0
of 44; before 2), non-job mails kept 1 and 2 of 12 (3 of 24; before 3), role 35 of 43
(81%; before 32), channel 64, name 62 and address 62 of 64. All fourteen sealed rounds:
428 of 448 rejections (96%), 17 of 272 other job mails (6%), 17 of 168 non-job mails kept.

A sixth session had five more hands write five more rounds. Three were studied: the
forty-sixth (a whole life in one inbox: landlords, banks, nurseries, a friend's own news;
first run 32 of 32, 3 of 22 other job mails taken, 4 of 12 non-job mails kept), the
forty-seventh (recruiters, agencies, platforms; 30, 1, 2) and the fiftieth (early careers
and jobs outside offices: schemes, reserve lists, cafés, seasonal work; 21, 3, 1, the
reader's weakest ground). Studied over the whole corpus: a friend's own news, passed on or
told in the first person, is not job mail (two older labels that kept it as other job
mail were made consistent); words a job shares with other applications (an interview, a
CV, references, "current employment") never outweigh the other thing; alerts, a job's
start and its terms (salary, probation, first day), a recruiter's approach are job mail,
never dropped; titles where people put them (after a company's legal form, LinkedIn's
"· 1st"), "I was on your panel", a search for a client makes a recruiter; a guess at a
fault ("the form may not have saved") and a "not" that waits on something asked for
decide nothing; places taken or given to others, a result line, a name not on the list
are a no in job mail. Whole corpus (3,342 mails): non-job mail kept 14 of 677, job mail
dropped 22 of 2,665 (at the session's start 23 of 615 and 37 of 2,397 over 3,012 mails),
role 880 of 964 (91%; before 86%). The two sealed rounds, the forty-eighth (two ordinary
months of a mid-career search across Europe) and the forty-ninth (a graduate changing
track), were read once at the end: rejections 32 and 27 of 32 (59 of 64, 92%; the
session's starting code 32 and 23, 86%), other job mails taken 1 and 2 of 22 (before 1
and 2), non-job mails kept 0 and 1 of 12 (before 0 and 2), role 36 of 43 (84%; before
35), channel 62, name 61 and address 61 of 64. All sixteen sealed rounds: 487 of 512
rejections (95%), 20 of 316 other job mails (6%), 18 of 192 non-job mails kept.

A seventh session had five more hands write five more rounds. Two were studied: the
fifty-first (the public sector and institutions; first run 30 of 32, 1 of 22 taken, 3 of
12 kept) and the fifty-second (short and informal mail; 32, 0, 0, but five job mails
dropped). Three helpers studied them with the whole corpus: public competitions' noes,
"nicht berücksichtigt" and "niet in behandeling" as any office's words, a friend's own
interview, feedback sent as promised (the rejection boundary: 17 verdicts fixed); a test
to take is no meeting, a reschedule, a friend's lead, a referee's word and the user's own
letter are other job mail, thanks for applying beside a test is no receipt (the lanes: 40
fixed); a team mailbox that asks not to be answered gives no address, an interviewer by
their own words, French closing formulas, street lines, HR units of public employers (the
senders: 37 fixed); none broken. Three sealed rounds, the fifty-third (a senior search),
fifty-fourth (a career change into hands-on work) and fifty-fifth (a designer across
Europe, in the local languages), were read once after that work was merged: 29, 22 and 31
of 32 rejections (82 of 96, 85%; the session's starting code read the same 82), none of 66
other job mails taken (before 2), 2, 0 and 2 of 12 non-job mails kept (before the same 4),
role 53 of 67 (before 51), channel 95, name 89 and address 95 of 96. The study did not move
the honest rejection figure; the fifty-fourth round's small employers (a bakery, a
trattoria, a tasca) who "took someone who already knows the house" after a trial day were
then studied into one rule for seven languages. All nineteen sealed rounds: 569 of 608
rejections (94%), 20 of 382 other job mails (5%), 22 of 228 non-job mails kept.
"""

from zoneinfo import ZoneInfo

import pytest

from tests.mail import corpus
from tracker.mail import MailContext, classify, parse_message, read_rejection

ZONE = ZoneInfo("Europe/Berlin")
CONTEXT = MailContext(
    company_names=corpus.COMPANIES,
    user_emails=(corpus.USER_EMAIL,),
    user_names=(corpus.USER_NAME,),
)


def kind_of(mail: corpus.Mail) -> str:
    return classify(parse_message(mail.raw), CONTEXT).kind.value


def sender_of(mail: corpus.Mail) -> dict[str, str]:
    reading = read_rejection(
        mail.raw,
        zone=ZONE,
        user_emails=[corpus.USER_EMAIL],
        user_names=[corpus.USER_NAME],
        company_names=corpus.COMPANIES,
    )
    return {
        "channel": reading.channel,
        "role": reading.sender_role,
        "name": reading.sender_name,
        "email": reading.sender_email,
    }


def test_the_corpus_is_large_and_covers_every_kind_and_language():
    mails = corpus.load()
    assert len(mails) >= 180
    assert len({m.id for m in mails}) == len(mails)
    assert {m.lang for m in mails} == {"en", "de", "fr", "es", "nl", "it", "pt"}
    assert {m.kind for m in mails} == {
        "rejection",
        "interview_invitation",
        "offer",
        "application_received",
        "other_job_mail",
        "not_job_mail",
    }
    for mail in mails:
        if mail.kind == "rejection":
            assert set(mail.sender) == {"channel", "role", "name", "email"}, mail.id


# part: ((rejections read, of), (other job mail as rejection, of), (non-job kept, of)),
# None where the first run's count of that kind was not recorded.
FIRST_RUNS = {
    "fourth": ((17, 20), (0, None), (2, 11)),
    "fifth": ((16, 19), (0, None), (2, 9)),
    "sixth": ((12, 17), (0, None), (0, None)),
    "seventh": ((13, 19), (0, None), (0, None)),
    "eighth": ((13, 18), (1, 13), (0, None)),
    "ninth": ((11, 20), (3, 15), (2, 9)),
    "tenth": ((13, 20), (1, 14), (3, 8)),
    "eleventh": ((32, 33), (0, 19), (1, 12)),
    "twelfth": ((24, 32), (0, 15), (0, 11)),
    "thirteenth": ((27, 32), (2, 16), (3, 12)),
    "fourteenth": ((25, 32), (3, 16), (2, 12)),
    "trades": ((30, 40), (6, 30), (2, 20)),
    "blunt": ((33, 40), (7, 30), (2, 20)),
    "seventeenth": ((27, 32), (2, 16), (4, 12)),
    "eighteenth": ((25, 32), (2, 16), (2, 12)),
    "nineteenth": ((27, 32), (2, 16), (1, 12)),
    "fifteenth": ((29, 32), (4, 16), (2, 12)),
    "sixteenth": ((30, 32), (0, 16), (4, 12)),
    "twentieth": ((26, 32), (4, 16), (0, 12)),
    "twentyfirst": ((29, 32), (0, 16), (0, 12)),
    "twentysecond": ((28, 32), (1, 16), (1, 12)),
    "twentythird": ((32, 32), (2, 16), (1, 12)),
    "twentyfourth": ((31, 32), (2, 18), (1, 12)),
    "twentyfifth": ((27, 32), (1, 16), (3, 12)),
    "twentysixth": ((32, 32), (1, 16), (0, 12)),
    "twentyseventh": ((31, 32), (2, 16), (0, 12)),
    "twentyeighth": ((28, 32), (1, 22), (1, 12)),
    "twentyninth": ((31, 32), (1, 22), (0, 12)),
    "thirtysecond": ((31, 32), (4, 22), (2, 12)),
    "thirtythird": ((31, 32), (1, 22), (0, 12)),
    "thirtieth": ((31, 32), (0, 22), (1, 12)),
    "thirtyfirst": ((31, 32), (2, 22), (1, 12)),
    "thirtyfourth": ((29, 32), (1, 22), (0, 12)),
    "thirtyfifth": ((32, 32), (1, 22), (0, 12)),
    "thirtysixth": ((25, 32), (1, 22), (1, 12)),
    "thirtyseventh": ((26, 32), (0, 22), (0, 12)),
    "thirtyeighth": ((30, 32), (2, 22), (4, 12)),
    "thirtyninth": ((31, 32), (1, 22), (0, 12)),
    "fortieth": ((32, 32), (0, 22), (3, 12)),
    "fortyfirst": ((31, 32), (1, 22), (0, 12)),
    "fortysecond": ((29, 32), (5, 22), (4, 12)),
    "fortythird": ((30, 32), (1, 22), (3, 12)),
    "fortyfourth": ((30, 32), (0, 22), (1, 12)),
    "fortyfifth": ((32, 32), (0, 22), (2, 12)),
    "fortysixth": ((32, 32), (3, 22), (4, 12)),
    "fortyseventh": ((30, 32), (1, 22), (2, 12)),
    "fiftieth": ((21, 32), (3, 22), (1, 12)),
    "fortyeighth": ((32, 32), (1, 22), (0, 12)),
    "fortyninth": ((27, 32), (2, 22), (1, 12)),
    "fiftyfirst": ((30, 32), (1, 22), (3, 12)),
    "fiftysecond": ((32, 32), (0, 22), (0, 12)),
    "fiftythird": ((29, 32), (0, 22), (2, 12)),
    "fiftyfourth": ((22, 32), (0, 22), (0, 12)),
    "fiftyfifth": ((31, 32), (0, 22), (2, 12)),
}


def test_no_held_out_round_reads_worse_than_on_its_first_run():
    mails = corpus.load(heldout=True)
    for part, (read, taken, kept) in FIRST_RUNS.items():
        figures = corpus.score([m for m in mails if m.part == part], kind_of, sender_of)
        assert figures.rejections_read >= read[0], part
        assert figures.other_job_as_rejection <= taken[0], part
        assert figures.not_job_kept <= kept[0], part


@pytest.mark.parametrize(
    "part",
    [
        "development",
        "heldout",
        "heldout/fourth",
        "heldout/fifth",
        "heldout/sixth",
        "heldout/seventh",
        "heldout/eighth",
        "heldout/ninth",
        "heldout/tenth",
        "heldout/eleventh",
        "heldout/twelfth",
        "heldout/thirteenth",
        "heldout/fourteenth",
        "heldout/trades",
        "heldout/blunt",
        "heldout/seventeenth",
        "heldout/eighteenth",
        "heldout/nineteenth",
        "heldout/fifteenth",
        "heldout/sixteenth",
        "heldout/twentieth",
        "heldout/twentyfirst",
        "heldout/twentysecond",
        "heldout/twentythird",
        "heldout/twentyfourth",
        "heldout/twentyfifth",
        "heldout/twentysixth",
        "heldout/twentyseventh",
        "heldout/fortieth",
        "heldout/fortyfirst",
        "heldout/fortysecond",
        "heldout/fortythird",
        "heldout/fortyfourth",
        "heldout/fortyfifth",
        "heldout/fortysixth",
        "heldout/fortyseventh",
        "heldout/fiftieth",
        "heldout/fortyeighth",
        "heldout/fortyninth",
        "heldout/fiftyfirst",
        "heldout/fiftysecond",
        "heldout/fiftythird",
        "heldout/fiftyfourth",
        "heldout/fiftyfifth",
    ],
)
def test_figures(part, capsys):
    mails = corpus.load(heldout=part != "development")
    if "/" in part:
        mails = [m for m in mails if m.part == part.split("/")[1]]
    if not mails:
        pytest.skip("no held-out mail yet")
    figures = corpus.score(mails, kind_of, sender_of)
    with capsys.disabled():
        print("\n" + "\n".join(figures.lines(f"Mail corpus, {part} part")))
        for miss in figures.misses:
            print("   miss:", miss)
