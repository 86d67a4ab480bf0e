"""The words of a follow-up: a short email in the user's voice, composed from facts alone.

The rules module decides what to send and which elements it carries; this module only
writes it. Every sentence lives in a small plain-text template under
templates/followups/drafts/, one per element and one per kind's own paragraph, so the
wording can be read and changed without touching code. Nothing here reads the database.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string

from tracker.followups.rules import Element, Kind, first_name


@dataclass(frozen=True)
class DraftFacts:
    kind: Kind
    elements: tuple[Element, ...]
    # 1 for the first of its kind; 2 for the second and last keep-in-touch or nudge.
    sequence: int
    # Full name, or "" when nobody is named.
    recipient_name: str
    role: str
    company: str
    # The user, who signs the draft.
    sender_name: str
    # Human labels of the logged interviews, e.g. ("Technical", "Onsite").
    interview_kinds: tuple[str, ...] = ()
    # Full names of the interviewers the user met.
    interviewer_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str


@dataclass(frozen=True)
class _Shape:
    """What a kind of draft can say, and its own paragraphs around the elements."""

    says: frozenset[Element]
    opening: str = ""
    closing: str = ""


# Disappointment and a request for advice only make sense right after a rejection: before
# a decision they would sound presumptuous, and six weeks later the question is stale
# (SPEC.md section 2, rule 5). An element a kind cannot say is left out, never forced.
_SHAPES: dict[Kind, _Shape] = {
    Kind.REJECTION_REPLY: _Shape(says=frozenset(Element), closing="rejection_reply_closing"),
    Kind.KEEP_IN_TOUCH: _Shape(
        says=frozenset({Element.THANKS, Element.HIGHLIGHT, Element.FUTURE_OPENINGS}),
        opening="keep_in_touch_opening",
        closing="keep_in_touch_closing",
    ),
    Kind.APPLICATION_NUDGE: _Shape(
        says=frozenset({Element.THANKS}),
        opening="application_nudge_opening",
        closing="application_nudge_closing",
    ),
    Kind.INTERVIEW_THANK_YOU: _Shape(
        says=frozenset({Element.THANKS, Element.HIGHLIGHT}),
        closing="interview_thank_you_closing",
    ),
}

# More names than this read like a roll call (and push the draft past its word budget).
_NAMED_INTERVIEWERS = 3
# Labels that already name the conversation: "the phone screen", not "the phone screen
# interview".
_CONVERSATION_NOUNS = ("interview", "screen", "call", "chat")


def compose(facts: DraftFacts) -> Draft:
    """The draft for `facts`; an empty one for kinds that send no email (none, ghost_check)."""
    shape = _SHAPES.get(facts.kind)
    if shape is None:
        return Draft(subject="", body="")

    context = {
        "kind": str(facts.kind),
        "final": facts.sequence > 1,
        "first_name": first_name(facts.recipient_name),
        "role": facts.role.strip(),
        "company": facts.company.strip(),
        "sender_name": facts.sender_name.strip(),
        "people_met": _people_met(facts.interviewer_names, recipient=facts.recipient_name),
        "interviews": _interviews(facts.interview_kinds),
    }
    said = [element for element in Element if element in facts.elements and element in shape.says]
    names = ["greeting", shape.opening, *said, shape.closing, "sign_off"]
    paragraphs = (_render(name, context) for name in names if name)
    return Draft(
        subject=f"Re: {context['role']} at {context['company']}",
        body="\n\n".join(paragraph for paragraph in paragraphs if paragraph),
    )


def _render(name: str, context: dict[str, object]) -> str:
    """One paragraph: template lines kept, blank ones dropped, spaces tidied."""
    text = render_to_string(f"followups/drafts/{name}.txt", context)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _people_met(names: tuple[str, ...], *, recipient: str) -> str:
    """ "you and Lee", "Dana, Lee and Sam": first names, the reader addressed as "you"."""
    people = list(dict.fromkeys(filter(None, (_person(name, recipient) for name in names))))
    if "you" in people:
        people.insert(0, people.pop(people.index("you")))
    if len(people) > _NAMED_INTERVIEWERS:
        people = [*people[:_NAMED_INTERVIEWERS], "the rest of the team"]
    return _and(people)


def _person(name: str, recipient: str) -> str:
    if recipient.strip() and name.strip().casefold() == recipient.strip().casefold():
        return "you"
    return first_name(name)


def _interviews(labels: tuple[str, ...]) -> str:
    """ "the technical interview", "the technical and onsite interviews", "the phone screen"."""
    given = [" ".join(label.split()).lower() for label in labels if label.strip()]
    kinds = list(dict.fromkeys(given))
    plural = "s" if len(given) > 1 else ""
    if not kinds:
        return ""
    if len(kinds) == 1 and kinds[0].endswith(_CONVERSATION_NOUNS):
        return f"the {kinds[0]}{plural}"
    return f"the {_and(kinds)} interview{plural}"


def _and(words: list[str]) -> str:
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"
