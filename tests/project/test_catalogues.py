"""Every sentence Rebound's code says has its words in German, French and Spanish: each
message the code marks for translation (gettext and its kin, and the gettext_noop marks of
words translated later, such as the reader's evidence) is translated in the language's
django.po, or by Django's own catalogue (the months). And each translation keeps its
message's placeholders, so no sentence comes out half in English or fails to fill in.

The drafts have their own catalogue (drafts.po, tested with the drafts); the dev-only
benchmarks speak English."""

import re
from functools import cache
from pathlib import Path

import django
import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
DJANGO = Path(django.__file__).parent / "conf"
LANGUAGES = [code for code, _ in settings.LANGUAGES if code != "en"]
KEYWORDS = {
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "_": None,
    "N": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
}
OWN_CATALOGUE = (ROOT / "tracker/followups/drafts.py", ROOT / "tracker/bench")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@cache
def _marked() -> dict[tuple[str | None, str], str]:
    """(context, message) → where the code marks it first."""
    found: dict[tuple[str | None, str], str] = {}
    for path in sorted((ROOT / "tracker").rglob("*.py")):
        if any(path == own or own in path.parents for own in OWN_CATALOGUE):
            continue
        for line, message, _, context in extract_from_file("python", str(path), KEYWORDS):
            key = (context, message if isinstance(message, str) else message[0])
            found.setdefault(key, f"{path.relative_to(ROOT)}:{line}")
    return found


@cache
def _catalogue(language: str, root: Path = ROOT) -> Catalog:
    with open(root / "locale" / language / "LC_MESSAGES" / "django.po", "rb") as po:
        return read_po(po)


def _translated(catalogue: Catalog, message: str, context: str | None) -> bool:
    entry = catalogue.get(message, context=context)
    return entry is not None and all(_forms(entry.string)) and not entry.fuzzy


def _forms(string: object) -> tuple[str, ...]:
    """A message's or translation's forms: one, or one per plural form."""
    if isinstance(string, tuple | list):
        return tuple(str(form) for form in string)
    return (str(string or ""),)


def test_the_code_marks_messages_at_all() -> None:
    """The extraction finds what it should: a guard against testing nothing."""
    marked = _marked()
    assert (None, "Email") in marked
    assert (None, "Your first and last name") in marked


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_the_code_marks_is_translated(language: str) -> None:
    ours, djangos = _catalogue(language), _catalogue(language, DJANGO)
    missing = [
        f"{where}: {message!r}"
        for (context, message), where in _marked().items()
        if not (_translated(ours, message, context) or _translated(djangos, message, context))
    ]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translation_is_whole_and_keeps_its_placeholders(language: str) -> None:
    wrong = []
    for entry in _catalogue(language):
        if not entry.id:
            continue
        wanted = set(PLACEHOLDER.findall(_forms(entry.id)[0]))
        for form in _forms(entry.string):
            if not form or entry.fuzzy or set(PLACEHOLDER.findall(form)) != wanted:
                wrong.append(f"{entry.id!r}: {form!r}")
    assert wrong == []
