"""How tangled a function may be, measured as `radon cc` measures it (cyclomatic
complexity): no function of tracker/ above 25, and none above 15 in the decisions a
newcomer must follow line by line, the mail reader and the follow-up rules. A function
past its limit is split into named steps, never waved through."""

from collections.abc import Iterator
from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Class, Function

TRACKER = Path(__file__).resolve().parents[2] / "tracker"
LIMIT = 25
STRICT_LIMIT = 15
STRICT = ("tracker/mail/", "tracker/followups/rules.py")


def _functions(blocks: list[Function | Class]) -> Iterator[Function]:
    """Every function and method, with those defined inside them (radon counts a closure
    apart from the function around it)."""
    for block in blocks:
        if isinstance(block, Class):
            yield from _functions([*block.methods, *block.inner_classes])
        else:
            yield block
            yield from _functions(block.closures)


def _limit(path: str) -> int:
    return STRICT_LIMIT if path.startswith(STRICT) else LIMIT


def test_no_function_is_more_tangled_than_its_room_allows() -> None:
    too_complex = []
    for path in sorted(TRACKER.rglob("*.py")):
        name = str(path.relative_to(TRACKER.parent))
        for function in _functions(cc_visit(path.read_text())):
            if function.complexity > _limit(name):
                too_complex.append(
                    f"{name}:{function.lineno} {function.fullname} is {function.complexity}"
                    f" (at most {_limit(name)})"
                )
    assert not too_complex, "split into named steps:\n" + "\n".join(too_complex)
