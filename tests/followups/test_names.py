"""Names as people type them, read for a greeting (tracker/followups/names.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.followups.names import SUFFIXES, TITLES, given_name, name_key, read_name


@pytest.mark.parametrize(
    ("typed", "given"),
    [
        ("Dr. Amara O'Neil", "Amara"),
        ("O'Brien, Kate", "Kate"),
        ("ms. jane doe", "Jane"),
        ("María José García-López", "María José"),
        ("José Luis Rodríguez Zapatero", "José Luis"),
        ("João Pedro Silva", "João Pedro"),
        ("María del Carmen Ruiz", "María del Carmen"),
        ("Jean Paul Martin", "Jean Paul"),
        ("Jean-Luc Picard", "Jean-Luc"),
        # A compound head followed by a surname, not a second given name.
        ("Maria Rosa", "Maria"),
        ("Juan García López", "Juan"),
        ("Kate O'Brien, PhD", "Kate"),
        ("DUPONT Jean", "Jean"),
        ("JANE DOE", "Jane"),
        ("J. Robert Smith", "Robert"),
        ("Prof. Dr. Anna Weber", "Anna"),
        ("Dana Smith <dana@acme.example>", "Dana"),
        ("Mme Claire Dubois", "Claire"),
        ("Sra. Lucía Pérez", "Lucía"),
        ("Herr Jonas Becker", "Jonas"),
    ],
)
def test_it_finds_the_given_name_however_it_is_typed(typed: str, given: str) -> None:
    assert given_name(typed) == given


@pytest.mark.parametrize("typed", ["J. Smith", "Dr.", "ms", "", "   ", "dana@acme.example"])
def test_nothing_to_greet_gives_no_given_name(typed: str) -> None:
    assert given_name(typed) == ""


@pytest.mark.parametrize(
    "typed", ["Talent Team", "The Acme Recruiting Team", "HR", "People Ops", "Acme GmbH"]
)
def test_a_team_or_department_is_no_person(typed: str) -> None:
    name = read_name(typed, company="Acme")

    assert name.group
    assert name.given == ""


def test_a_sender_named_like_the_company_is_no_person() -> None:
    assert read_name("Globex", company="Globex").group
    assert not read_name("Dana Smith", company="Globex").group


def test_the_same_person_has_one_key_whichever_way_it_is_typed() -> None:
    assert name_key("O'Brien, Kate") == name_key("kate o'brien") == name_key("Ms. Kate O'Brien")
    assert name_key("Kate O'Brien") != name_key("Kate Smith")


WORDS = st.text(
    alphabet=st.characters(categories=("L", "Zs", "P"), max_codepoint=0x17F), max_size=40
)
TITLE_WORDS = st.sampled_from(sorted(TITLES | SUFFIXES)).map(
    lambda word: st.sampled_from([word, word.title(), word.upper(), f"{word.title()}."])
)


@given(
    before=st.lists(st.one_of(TITLE_WORDS.flatmap(lambda s: s), WORDS), max_size=4),
    comma=st.booleans(),
)
def test_a_greeting_is_never_a_title_nor_an_empty_word(before: list[str], comma: bool) -> None:
    typed = (", " if comma else " ").join(before)

    given = given_name(typed)

    for word in given.split():
        assert word.strip(".").casefold() not in TITLES
        assert any(ch.isalpha() for ch in word)
    assert given == given.strip()
    assert "  " not in given


@given(st.text(max_size=300))
def test_any_text_at_all_gives_a_tidy_given_name_or_none(typed: str) -> None:
    given = given_name(typed)

    assert given == "" or all(any(ch.isalpha() for ch in word) for word in given.split())
    assert all(word.strip(".").casefold() not in TITLES for word in given.split())
