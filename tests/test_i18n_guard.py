"""No new English-only message slips in: every error raised in evidence_app with a literal
message must wrap it in _() or ngettext() (so tg/ru/fa get it, and the catalog test
asks for its translations)."""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

from crypto import errors as crypto_errors

ROOT = Path(__file__).resolve().parent.parent

# Files whose messages are not wrapped yet, each with the reason; remove an entry when its
# messages are wrapped (this test then keeps them so).
NOT_YET_TRANSLATED: frozenset[str] = frozenset()

# crypto/ cannot use the catalogs: its errors are translated at the boundary, one sentence
# per class, by evidence_app.errors.describe_error. So evidence_app may raise them with
# plain English text (it is never shown as such).
CRYPTO_ERRORS = frozenset(name for name, value in vars(crypto_errors).items()
                          if isinstance(value, type) and issubclass(value, Exception))

# Python's own exceptions (ValueError, RuntimeError...) mark programming errors or are
# caught and turned into one of ours: describe_error never shows them as a user's line.
BUILTIN_ERRORS = frozenset(name for name in dir(builtins) if name.endswith("Error"))

# Which positional argument is the message (default: the first). ModelError(path, problem)
# takes a JSON path first, which is data, not text.
MESSAGE_ARG = {"ModelError": 1}


def _is_translated(node: ast.expr) -> bool:
    """_("..."), ngettext(...), or either one followed by .format(...)."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "format":
        return _is_translated(func.value)
    return isinstance(func, ast.Name) and func.id in ("_", "ngettext")


def _is_literal_text(node: ast.expr) -> bool:
    """A string literal, an f-string, or literal text glued to something with + or %."""
    if isinstance(node, (ast.JoinedStr,)) or (
            isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _is_literal_text(node.left) or _is_literal_text(node.right)
    if isinstance(node, ast.IfExp):
        return _is_literal_text(node.body) or _is_literal_text(node.orelse)
    return False


def english_raises(source: str) -> list[tuple[int, str]]:
    """(line, class) of every ``raise <X>Error(...)``/``<X>Failed(...)`` whose message is
    literal English text instead of a _()/ngettext() call."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
            continue
        func = node.exc.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if not name.endswith(("Error", "Failed")) or name in CRYPTO_ERRORS | BUILTIN_ERRORS:
            continue
        args = node.exc.args[MESSAGE_ARG.get(name, 0):MESSAGE_ARG.get(name, 0) + 1]
        if any(_is_literal_text(a) and not _is_translated(a) for a in args):
            found.append((node.lineno, name))
    return found


def test_the_scan_finds_english_messages():
    bad = ('raise UserError("x")\nraise CheckFailed(f"{a} y")\nraise ModelError("$", "z")\n'
           'raise BagInvalidError("a" + b)\nraise UserError(_("x") if c else "y")\n')
    good = ('raise UserError(_("x"))\nraise UserError(_("{a} y").format(a=a))\n'
            'raise ModelError(f"{p}.q", _("z"))\nraise UserError(ngettext("a", "b", n)'
            '.format(n=n))\nraise CancelledError("cancelled")\nraise UserError(str(exc))\n'
            'raise ValueError("a programming error")\n')
    assert [line for line, _ in english_raises(bad)] == [1, 2, 3, 4, 5]
    assert english_raises(good) == []


def test_no_english_only_error_messages_in_evidence_app():
    found = {}
    for path in sorted((ROOT / "evidence_app").rglob("*.py")):
        if path.name in NOT_YET_TRANSLATED:
            continue
        bad = english_raises(path.read_text(encoding="utf-8"))
        if bad:
            found[str(path.relative_to(ROOT))] = bad
    assert found == {}
