"""Reading a pasted rejection email: a guess at how it arrived and who sent it.

Pure: no ORM, no I/O. The guess only pre-fills the rejection form; the user sees it and
confirms or corrects it, and the rules act on what the user saved, never on the guess.
"""

import re
from dataclasses import dataclass

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
NO_REPLY = re.compile(
    r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|notifications?|mailer|jobs-noreply)@", re.I
)
# Applicant-tracking systems that send rejections on a company's behalf.
ATS_DOMAINS = (
    "greenhouse.io", "lever.co", "myworkday.com", "myworkdayjobs.com", "workday.com",
    "smartrecruiters.com", "ashbyhq.com", "icims.com", "taleo.net", "recruitee.com",
    "personio.de", "teamtailor.com", "bamboohr.com", "jobvite.com", "successfactors.com",
    "workable.com", "jazzhr.com", "breezy.hr",
)  # fmt: skip
STOCK_PHRASES = (
    "high volume of applications", "large number of applications", "keep your resume on file",
    "keep your cv on file", "keep your details on file", "retain your application",
    "this is an automated", "automatically generated", "please do not reply",
    "do not reply to this", "not monitored", "pursue other candidates",
    "candidates whose qualifications more closely",
    "will not be moving forward with your application",
)  # fmt: skip
PERSONAL_PHRASES = (
    "interview", "speaking with you", "meeting you", "met with", "our conversation",
    "our call", "the team enjoyed", "your time", "talking with you", "spoke with",
)  # fmt: skip
SIGN_OFFS = re.compile(
    r"^(best|best regards|kind regards|regards|warm regards|thanks|thank you|many thanks|"
    r"cheers|sincerely|all the best|warmly)[,.!]?$",
    re.I,
)
ROLE_WORDS = (
    ("hiring_manager", ("hiring manager", "engineering manager", "head of", "director", "vp ",
                        "vice president", "cto", "ceo", "founder", "team lead", "manager")),
    ("recruiter", ("recruiter", "talent", "sourcer", "recruiting")),
    ("hr", ("hr ", "human resources", "people partner", "people operations", "people team")),
    ("interviewer", ("engineer", "developer", "designer", "scientist")),
)  # fmt: skip
# "Dana Smith", "Seán O'Brien": two to four capitalised words (typographic apostrophes too).
NAME = re.compile(r"^[A-ZÀ-Ý][\w'\u2019-]+(?: [A-ZÀ-Ý][\w'\u2019.-]+){0,3}$")


@dataclass(frozen=True)
class Guess:
    channel: str = "unknown"
    sender_name: str = ""
    sender_email: str = ""
    sender_role: str = "unknown"
    # Plain words for the form: what the guess rests on.
    because: str = ""


def _from_header(lines: list[str]) -> tuple[str, str]:
    """The name and address of a "From: Dana Smith <dana@acme.com>" line, if pasted."""
    for line in lines[:15]:
        if line.lower().startswith("from:"):
            address = EMAIL.search(line)
            name = line[5:].split("<")[0].strip().strip('"')
            if address and name == address.group(0):
                name = ""
            return name, address.group(0) if address else ""
    return "", ""


def _signature(lines: list[str]) -> tuple[str, str]:
    """The name (and title line) after the last sign-off: "Best,\\nDana Smith\\nRecruiter"."""
    for i in range(len(lines) - 1, -1, -1):
        if SIGN_OFFS.match(lines[i].strip()):
            after = [line.strip() for line in lines[i + 1 : i + 4] if line.strip()]
            if after and NAME.match(after[0]) and "team" not in after[0].lower():
                return after[0], after[1] if len(after) > 1 else ""
            return "", ""
    return "", ""


def _role(*texts: str) -> str:
    text = " ".join(texts).lower() + " "
    for role, words in ROLE_WORDS:
        if any(word in text for word in words):
            return role
    return "unknown"


def guess_from_message(message: str, known_roles: dict[str, str] | None = None) -> Guess:
    """Reads a pasted email. `known_roles` maps contact names (lower case) to their role."""
    lines = [line.rstrip() for line in message.strip().splitlines()]
    text = message.lower()
    header_name, address = _from_header(lines)
    signed_name, title = _signature(lines)
    name = signed_name or header_name
    address = address or next(iter(EMAIL.findall(message)), "")
    robot_sender = bool(address) and (
        bool(NO_REPLY.match(address)) or address.lower().endswith(ATS_DOMAINS)
    )
    stock = [p for p in STOCK_PHRASES if p in text]
    personal = [p for p in PERSONAL_PHRASES if p in text]

    if robot_sender or (stock and not (name and personal)):
        reasons = []
        if robot_sender:
            reasons.append(f"it came from {address}")
        if stock:
            reasons.append(f"it says “{stock[0]}”")
        return Guess(
            channel="automated", because="Looks like a form letter: " + " and ".join(reasons) + "."
        )
    if name:
        known = (known_roles or {}).get(name.lower(), "")
        role = known or _role(title)
        where = "your contacts" if known else ("their signature" if title else "")
        because = f"Signed by {name}"
        because += f"; their role comes from {where}." if where and role != "unknown" else "."
        return Guess(
            channel="personal_email",
            sender_name=name,
            sender_email="" if robot_sender else address,
            sender_role=role,
            because=because,
        )
    return Guess(because="Rebound could not tell who wrote this; please fill in what you know.")
