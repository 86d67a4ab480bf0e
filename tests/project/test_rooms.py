"""The rooms of docs/architecture.md, held against the code's own imports: a room imports
only the rooms under it, so no import runs back up and none goes round in a circle. Only
the API and the dev-only benchmarks may import any room (the API never another's views). The
decisions (the mail room, the rules, the drafts, matching, reading a posting...) import no
Django at any depth, and every task named in a string is a task Celery knows."""

import ast
import re
from pathlib import Path

import pytest

from tracker.celery import app

TRACKER = Path(__file__).resolve().parents[2] / "tracker"

# Each room and the rooms it may import: those under it in docs/architecture.md.
MAY_IMPORT: dict[str, set[str]] = {
    "core": set(),
    "mail": {"core"},
    "accounts": {"core"},
    "applications": {"mail", "accounts", "core"},
    "notifications": {"accounts", "core"},
    "followups": {"applications", "notifications", "mail", "accounts", "core"},
    "insights": {"applications", "mail", "accounts", "core"},
    "inbox": {"followups", "applications", "notifications", "mail", "accounts", "core"},
    "capture": {"followups", "applications", "mail", "accounts", "core"},
    "calendar": {"followups", "applications", "mail", "accounts", "core"},
    "exports": {"followups", "applications", "mail", "accounts", "core"},
    "imports": {"exports", "followups", "applications", "mail", "accounts", "core"},
    "worksearch": {
        "exports",
        "followups",
        "applications",
        "notifications",
        "mail",
        "accounts",
        "core",
    },
    "people": {"inbox", "followups", "applications", "accounts", "core"},
}
ABOVE_ALL = {"api", "bench"}


def _imported_modules(room: str) -> dict[str, set[str]]:
    """Every tracker.* module each file of the room imports (at any depth of the file)."""
    found: dict[str, set[str]] = {}
    for path in sorted((TRACKER / room).rglob("*.py")):
        if "migrations" in path.parts:
            continue  # History: a model's first migration names where it stood then.
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
        found[str(path.relative_to(TRACKER.parent))] = {
            n for n in names if n.startswith("tracker.")
        }
    return found


def test_every_room_is_listed() -> None:
    rooms = {p.name for p in TRACKER.iterdir() if (p / "__init__.py").exists()}
    assert rooms == set(MAY_IMPORT) | ABOVE_ALL


@pytest.mark.parametrize("room", sorted(MAY_IMPORT))
def test_a_room_imports_only_the_rooms_under_it(room: str) -> None:
    allowed = MAY_IMPORT[room] | {room}
    wrong = {
        f"{path} imports {module}"
        for path, modules in _imported_modules(room).items()
        for module in modules
        if module.split(".")[1] not in allowed
    }
    assert sorted(wrong) == []


def test_the_api_never_imports_another_rooms_views() -> None:
    wrong = {
        f"{path} imports {module}"
        for path, modules in _imported_modules("api").items()
        for module in modules
        if module.split(".")[1] != "api" and ".views" in module
    }
    assert sorted(wrong) == []


def test_the_drawing_has_no_circle() -> None:
    """Each room stands on rooms that stand lower: the allowed imports form no loop."""
    placed: list[str] = []
    left = dict(MAY_IMPORT)
    while left:
        ready = sorted(r for r, below in left.items() if below <= set(placed))
        assert ready, f"these rooms import each other: {sorted(left)}"
        placed += ready
        for r in ready:
            del left[r]


# The decisions: pure modules that get the facts and return an answer, with no ORM, no
# I/O and no Django, so that they read (and test) on their own. Their sentences may be
# translated: gettext reads the active language's catalogue, loaded once, and does no I/O
# of its own, so django.utils.translation is the one part of Django they may use.
TRANSLATION = "django.utils.translation"
PURE = (
    "tracker/mail",
    "tracker/followups/rules.py",
    "tracker/followups/drafts.py",
    "tracker/followups/names.py",
    "tracker/followups/said.py",
    "tracker/followups/kinds.py",
    "tracker/followups/vocabulary.py",
    "tracker/applications/history.py",
    "tracker/inbox/matching.py",
    "tracker/capture/posting.py",
)


def _imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def _module_file(module: str) -> Path | None:
    base = TRACKER.parent / module.replace(".", "/")
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def _pure_files() -> list[Path]:
    found: list[Path] = []
    for place in PURE:
        path = TRACKER.parent / place
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


@pytest.mark.parametrize("path", _pure_files(), ids=lambda p: str(p.relative_to(TRACKER.parent)))
def test_a_decision_never_imports_django(path: Path) -> None:
    """Neither itself nor through the project's modules it imports, at any depth."""
    seen: set[Path] = set()
    wrong: list[str] = []
    todo = [path]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for module in _imports_of(current):
            if module == TRANSLATION:
                continue
            if module.split(".")[0] in ("django", "rest_framework", "celery"):
                wrong.append(f"{current.relative_to(TRACKER.parent)} imports {module}")
            elif module.startswith("tracker.") and (found := _module_file(module)):
                todo.append(found)
    assert wrong == []


# A task named in a string ("tracker.followups.tasks.propose_followups_task", to be sent by
# name without importing its module) is sent to nowhere if the name is wrong.
TASK_NAME = re.compile(r"^tracker(?:\.[a-z_]+)+\.tasks\.[a-z_0-9]+$")


def _task_names_in_strings() -> set[str]:
    names: set[str] = set()
    for path in TRACKER.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                names.update(TASK_NAME.findall(node.value))
    return names


def test_every_task_named_in_a_string_is_a_registered_task() -> None:
    app.loader.import_default_modules()
    names = _task_names_in_strings()
    assert names, "no task is named in a string: the pattern no longer finds them"
    assert sorted(names - set(app.tasks)) == []
