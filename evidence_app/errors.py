"""Errors of the app layer, and how any error becomes one line for a person to read."""

from __future__ import annotations

from crypto.errors import CryptoError


class UserError(Exception):
    """Bad input or a refused action; the message is one line, safe to show and log."""

    exit_code = 2


class CheckFailed(UserError):
    """A verification found a problem (the message names it)."""

    exit_code = 1


def describe_error(exc: BaseException) -> tuple[str | None, int]:
    """One-line message and exit code for errors the user can act on; (None, 0) otherwise."""
    if isinstance(exc, UserError):
        return _one_line(str(exc)), exc.exit_code
    if isinstance(exc, CryptoError):
        text = str(exc) or type(exc).__name__
        return _one_line(text), 2
    if isinstance(exc, (FileNotFoundError, IsADirectoryError, PermissionError)):
        return _one_line(f"{exc.strerror}: {exc.filename}"), 2
    return None, 0


# Zero-width (non-)joiners are part of correct Persian spelling; other invisible format
# characters (bidi overrides and the like) are dropped like control characters.
_JOINERS = frozenset("\u200c\u200d")


def _one_line(text: str) -> str:
    return " ".join(
        "".join(ch if ch.isprintable() or ch in _JOINERS else " " for ch in text).split()
    )
