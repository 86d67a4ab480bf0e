"""docs/drafts-by-language.md, written again: one example of each follow-up kind in each
draft language, for one made-up case per language.

The cases go through what the product does with a real one, minus the database: the
letter read by read_said, the rules' proposals (which elements, which door, which topic),
and compose with the language's catalogue from draft_catalogue. The tests compare the
committed document with this output, and this output with what the services store for the
same case, so the document drifts neither from the drafts nor from the product.
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandParser

from tracker.followups import rules
from tracker.followups.drafts import Draft, DraftFacts, compose
from tracker.followups.kinds import Kind
from tracker.followups.names import given_name
from tracker.followups.register import Voice, draft_voice
from tracker.followups.rules import Meeting, NoteState, Person, Proposal
from tracker.followups.said import read_said
from tracker.followups.services import draft_catalogue
from tracker.mail.vocabulary import RejectionChannel, SenderRole

USER = "Alex Rivera"
ZONE = ZoneInfo("Europe/Berlin")
APPLIED_AT = datetime(2026, 9, 1, 9, tzinfo=ZONE)
OTHER_INTERVIEWER = "Mei Chen"
# The user's notes on the onsite, quoted by the thank-you as written (in English).
NOTES = "their move from Kafka to Pulsar"


@dataclass(frozen=True)
class Story:
    """When it happened: a phone screen with the letter's writer three weeks before their
    letter, the onsite with them and Mei a week before it, the reply written the next day;
    and the application's id, which picks the wordings."""

    rejected_at: datetime = datetime(2026, 10, 27, 9, tzinfo=ZONE)
    seed: int = 2

    @property
    def screen_at(self) -> datetime:
        return self.rejected_at - timedelta(days=21)

    @property
    def onsite_at(self) -> datetime:
        return self.rejected_at - timedelta(days=7)


# The document's: seed 2, in October.
STORY = Story()


@dataclass(frozen=True)
class Case:
    # The language the letter is in: the drafts' language, as draft_voice reads it.
    language: str
    sender: str
    role: str
    company: str
    subject: str
    # The register is the letter's too: its pronouns, else its greeting, say it.
    letter: str

    @property
    def voice(self) -> Voice:
        voice = draft_voice(letter=self.letter, user_names=(given_name(USER),))
        if voice.language != self.language:
            raise RuntimeError(f"{self.sender}'s letter reads as {voice.language}.")
        return voice

    @property
    def register(self) -> str:
        voice = self.voice
        return "formal" if voice.formal and not voice.first_name else "first names"


CASES = (
    Case(
        "en", "Dana Smith", "Data Engineer", "Harbor Labs",
        "Data Engineer (Req 4411) - update",
        "The panel was impressed by your pipeline design. I'd be happy to set up a short call "
        "to share the panel's feedback.",
    ),
    Case(
        "de", "Dr. Katrin Vogel", "Backend-Entwicklerin", "Brandt Werke",
        "Ihre Bewerbung als Backend-Entwicklerin (Ref. 2231)",
        "Gerne biete ich Ihnen ein kurzes Telefonat an, um Ihnen das Feedback des Teams zu "
        "geben.",
    ),
    Case(
        "fr", "Claire Martin", "Développeuse Python", "Atelier Lumen",
        "Votre candidature \u2013 Développeuse Python",
        "On garde ton CV dans notre vivier. Restons en contact !",
    ),
    Case(
        "es", "Lucía Fernández", "Ingeniera de datos", "Grupo Sol",
        "Su candidatura: Ingeniera de datos (ref. 88)",
        "El equipo quedó muy impresionado con su presentación.",
    ),
    Case(
        "nl", "Anna de Vries", "Data-analist", "Polder BV",
        "Uw sollicitatie Data-analist",
        "Wij houden uw gegevens in onze database. Kom gerust naar onze Amsterdam Data Meetup.",
    ),
    Case(
        "it", "Giulia Rossi", "Sviluppatrice backend", "Ferri SpA",
        "Candidatura Sviluppatrice backend",
        "Il team è rimasto colpito dalla Sua presentazione. Restiamo in contatto.",
    ),
    Case(
        "pt", "Ana Souza", "Engenheira de dados", "Vale Digital",
        "Sua candidatura \u2013 Engenheira de dados",
        "Oi, Alex! Ficaria feliz em fazer uma ligação para dar um feedback.",
    ),
)  # fmt: skip

INTRODUCTION = """\
# Drafts by kind and language: one example each

Written by `tracker/followups/drafts.py` from the catalogues in `locale/` for one made-up
case per language: the sender named in each heading interviewed the user (Alex Rivera) at
a phone screen and, with Mei, at the onsite, and their letter said what the heading quotes.
The register follows the letter (the heading says which); the thank-you quotes the user's
notes on the interview ("their move from Kafka to Pulsar", kept as the user wrote them);
the nudge and the thank-you are addressed to the same person. Wordings vary with the
application; these are seed 2. Generated by `python manage.py drafts_table --output
docs/drafts-by-language.md`; a test fails when this file and the drafts disagree.
"""


def _meetings(case: Case, story: Story) -> tuple[Meeting, ...]:
    return (
        Meeting("phone_screen", story.screen_at, (case.sender,)),
        Meeting("onsite", story.onsite_at, (case.sender, OTHER_INTERVIEWER)),
    )


def _rejection(case: Case, story: Story) -> list[Proposal]:
    """The reply and the two keep-in-touch notes, as the rules propose them."""
    return rules.rejection_proposals(
        rules.RejectionFacts(
            channel=RejectionChannel.PERSONAL_EMAIL,
            sender_role=SenderRole.HIRING_MANAGER,
            sender_name=case.sender,
            sender_email="",
            furthest_stage="interviewing",
            received_at=story.rejected_at,
            now=story.rejected_at + timedelta(days=1),
            zone=ZONE,
            message=case.letter,
            company=case.company,
            meetings=_meetings(case, story),
        )
    )


def _touch_again(case: Case, story: Story, last_done: datetime) -> Proposal | None:
    """The first note after the two, once the user asked to keep in touch."""
    done = [
        rules.Note(sequence, to=rules.person_key(case.sender, ""), state=NoteState.DONE,
                   due_at=last_done, done_at=last_done)
        for sequence in (1, 2)
    ]  # fmt: skip
    reader = Person(
        case.sender, role=SenderRole.HIRING_MANAGER, wrote=True, said=read_said(case.letter)
    )
    return rules.next_touch(
        rules.TouchFacts(
            notes=tuple(done),
            people=(reader,),
            meetings=_meetings(case, story),
            role=case.role,
            since=story.screen_at,
            now=last_done,
            zone=ZONE,
            seed=story.seed,
        )
    )


def _facts(case: Case, story: Story, proposal: Proposal, **changes: Any) -> DraftFacts:
    """What proposals.py's _draft_facts gives compose for this proposal."""
    voice = case.voice
    facts = DraftFacts(
        kind=proposal.kind,
        elements=proposal.elements,
        sequence=proposal.sequence,
        recipient_name=proposal.recipient_name,
        role=case.role,
        company=case.company,
        sender_name=USER,
        door=proposal.door,
        team=proposal.team,
        when=proposal.when,
        late=proposal.late,
        meetings=_meetings(case, story),
        zone=ZONE,
        seed=story.seed,
        language=case.language,
        formal=voice.formal,
        first_name=voice.first_name,
        topic=proposal.topic,
        months=proposal.months,
    )
    if proposal.kind in (Kind.REJECTION_REPLY, Kind.KEEP_IN_TOUCH):
        channel = RejectionChannel.PERSONAL_EMAIL if proposal.kind is Kind.REJECTION_REPLY else ""
        facts = replace(
            facts, channel=channel, their_subject=case.subject, said=read_said(case.letter)
        )
    return replace(facts, **changes)


def drafts_of(case: Case, story: Story = STORY) -> list[tuple[str, Draft]]:
    """Each kind's draft for the case, headed as the document heads it."""
    reply, first, last = _rejection(case, story)
    later = _touch_again(case, story, last_done=last.due_at or story.rejected_at)
    if later is None:
        raise RuntimeError(f"The rules propose no later note for {case.sender}.")
    nudge = rules.nudge_proposals(
        applied_at=APPLIED_AT, now=APPLIED_AT + timedelta(days=8), zone=ZONE
    )
    thank_you = rules.interview_thank_you_proposal(
        interview_at=story.onsite_at,
        interviewer_names=[case.sender, OTHER_INTERVIEWER],
        now=story.onsite_at,
        zone=ZONE,
    )
    linkedin = rules.linkedin_proposal(
        interview_at=story.onsite_at, name=case.sender, email="", now=story.onsite_at, zone=ZONE
    )
    onsite = _meetings(case, story)[-1:]
    # The case writes to its one person throughout: the nudge and the thank-you go to the
    # letter's writer too (the rules leave a nudge unaddressed, and a thank-you to two
    # interviewers to both), in the letter's language and register; the thank-you and the
    # LinkedIn note know only the onsite, the nudge no interview yet.
    shown = [
        ("Reply to the rejection", _facts(case, story, reply)),
        ("Keep in touch, first note (6 weeks)", _facts(case, story, first)),
        ("Keep in touch, last note (3 months later)", _facts(case, story, last)),
        (
            f"Keep in touch, every two to three months if asked ({later.months} months on)",
            _facts(case, story, later),
        ),
        (
            "Nudge (no news a week after applying)",
            _facts(case, story, nudge[0], recipient_name=case.sender, meetings=()),
        ),
        (
            "Thank-you after an interview",
            _facts(
                case, story, thank_you, recipient_name=case.sender, meetings=onsite, notes=NOTES
            ),
        ),
        (
            "LinkedIn invitation note (the day after the onsite)",
            _facts(case, story, linkedin, meetings=onsite),
        ),
    ]
    return [(heading, compose(facts, draft_catalogue(case.language))) for heading, facts in shown]


def _section(case: Case) -> str:
    lines = [f"## {case.language}: {case.sender}, {case.register}", ""]
    lines += [f"Their letter: “{case.letter}”", ""]
    for heading, draft in drafts_of(case):
        text = f"Subject: {draft.subject}\n\n{draft.body}" if draft.subject else draft.body
        lines += [f"**{heading}**", "", "```text", text, "```", ""]
    return "\n".join(lines)


def table() -> str:
    """The whole document."""
    return "\n".join([INTRODUCTION, *(_section(case) for case in CASES)]).rstrip() + "\n"


class Command(BaseCommand):
    help = (
        "Writes docs/drafts-by-language.md: one example of each follow-up draft in each "
        "draft language (stdout, or --output FILE)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", help="the file to write (else stdout)")

    def handle(self, *args: Any, **options: Any) -> None:
        text = table()
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
