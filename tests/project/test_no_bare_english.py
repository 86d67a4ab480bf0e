"""No sentence reaches a user in English only because nobody marked it: a string literal or
an f-string handed straight to an error a form or the API shows (ValidationError, an
Http404 or a DRF exception whose detail becomes a 4xx body) or to a flash message is
refused here, unless it goes through gettext and its kin first. A variable, a call or a
constant is the caller's business (a constant at module level is marked lazily where it
is defined, which test_catalogues then holds to its translations).

Management commands, the dev-only benchmarks and log calls speak to developers, in English.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SKIPPED_DIRS = {"migrations", "bench", "management"}

# What the user reads: Django's and DRF's errors, and the messages framework.
ERRORS = {
    "ValidationError",
    "Http404",
    "ParseError",
    "NotFound",
    "PermissionDenied",
    "NotAuthenticated",
    "AuthenticationFailed",
    "MethodNotAllowed",
    "NotAcceptable",
    "UnsupportedMediaType",
    "Throttled",
    "APIException",
    # Rebound's own errors whose message is for the user, shown as a field error.
    "CellError",
    "CsvFileError",
    "FetchError",
    "MailboxError",
    "DeliveryError",
}
# Where the words are, when the first argument is something else.
WORDS_AT = {"MailboxError": 1}
MESSAGE_LEVELS = {"debug", "info", "success", "warning", "error", "add_message"}
MARKS = {
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
    "_",
}

# (path, line's text) → why a literal is right there. Keep each reason honest.
ALLOWED: dict[tuple[str, str], str] = {}


def _callee(call: ast.Call) -> tuple[str, str]:
    """(what it is called on, its name): ("messages", "success"), ("", "Http404")."""
    func = call.func
    if isinstance(func, ast.Name):
        return "", func.id
    if isinstance(func, ast.Attribute):
        owner = func.value
        if isinstance(owner, ast.Name):
            return owner.id, func.attr
        if isinstance(owner, ast.Attribute):
            return owner.attr, func.attr
        return "", func.attr
    return "", ""


def _shown(call: ast.Call) -> list[ast.expr]:
    """The arguments of `call` a user reads, if it is an error or a flash message."""
    owner, name = _callee(call)
    if name in ERRORS:
        place = WORDS_AT.get(name, 0)
        return [
            *call.args[place : place + 1],
            *(k.value for k in call.keywords if k.arg in ("message", "detail")),
        ]
    if owner == "messages" and name in MESSAGE_LEVELS:
        # messages.success(request, text); add_message(request, level, text).
        place = 2 if name == "add_message" else 1
        return [
            *call.args[place : place + 1],
            *(k.value for k in call.keywords if k.arg == "message"),
        ]
    return []


def _bare(node: ast.expr) -> bool:
    """Whether the words in `node` are English nobody marked for translation."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):  # f"{marked} {marked}" joins words already marked
        return any(_bare(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):  # "..." % values, "..." + more
        return _bare(node.left) or _bare(node.right)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "format":
            return _bare(func.value)
        return False  # gettext(...), a helper's words: the caller marked them
    if isinstance(node, ast.Dict):
        return any(_bare(value) for value in node.values)
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return any(_bare(item) for item in node.elts)
    if isinstance(node, ast.IfExp):
        return _bare(node.body) or _bare(node.orelse)
    return False


def _findings(path: Path) -> list[str]:
    source = path.read_text()
    lines = source.splitlines()
    where = str(path.relative_to(ROOT))
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        for argument in _shown(node):
            if _bare(argument) and (where, lines[node.lineno - 1].strip()) not in ALLOWED:
                found.append(f"{where}:{node.lineno}: {ast.unparse(argument)[:100]}")
    return found


def _sources() -> list[Path]:
    return [
        path
        for path in sorted((ROOT / "tracker").rglob("*.py"))
        if not SKIPPED_DIRS & set(path.relative_to(ROOT).parts)
    ]


def test_no_error_or_message_is_bare_english() -> None:
    found = [finding for path in _sources() for finding in _findings(path)]
    assert found == []


def test_the_scan_sees_what_it_should(tmp_path: Path) -> None:
    """A guard against a scan that finds nothing: each shape it refuses, and each it lets by."""
    refused = [
        'raise ValidationError("Not yours.")',
        'raise forms.ValidationError(f"At most {n} characters.")',
        'raise serializers.ValidationError({"stage": "Only with a stage."})',
        'raise ValidationError({"ids": ["Choose one."]})',
        'messages.success(request, f"Saved {name}.")',
        'messages.add_message(request, messages.INFO, "Saved.")',
        'raise Http404("No such stage.")',
        'raise exceptions.ParseError("JSON parse error - %s" % problem)',
        'messages.info(request, "Saved {}.".format(name))',
        'raise imap.MailboxError("login", "The server refused the password.")',
    ]
    allowed = [
        'raise ValidationError(gettext("Not yours."))',
        'raise ValidationError({"text": ngettext("One.", "%(n)d.", n) % {"n": n}})',
        "raise ValidationError(TOO_EARLY)",
        'raise ValidationError({"url": _fetch_message(exc)})',
        'messages.success(request, gettext("Saved %(name)s.") % {"name": name})',
        'logger.error("Import %s failed", job_id)',
        'raise ValueError(f"Unknown change source {source!r}")',
        'raise CsvFileError(f"{_BINARY} {_SAVE_AS_CSV}")',
        'raise imap.MailboxError("login", gettext("The server refused the password."))',
    ]
    for text in refused:
        path = tmp_path / "refused.py"
        path.write_text(text + "\n")
        assert _findings_in(path), text
    for text in allowed:
        path = tmp_path / "allowed.py"
        path.write_text(text + "\n")
        assert not _findings_in(path), text


def _findings_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    return [
        ast.unparse(argument)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for argument in _shown(node)
        if _bare(argument)
    ]
