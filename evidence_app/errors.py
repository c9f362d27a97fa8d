"""Errors of the app layer, and how any error becomes one line for a person to read."""

from __future__ import annotations

from crypto import errors as crypto_errors
from evidence_app.i18n import _


class UserError(Exception):
    """Bad input or a refused action; the message is one line, safe to show and log."""

    exit_code = 2


class CheckFailed(UserError):
    """A verification found a problem (the message names it)."""

    exit_code = 1


def crypto_sentence(cls: type[crypto_errors.CryptoError]) -> str:
    """What failed and what the user can do, for one crypto error class, in the current
    language. crypto/ cannot import the catalogs (it sits below evidence_app), so its
    English messages are translated here, at the boundary: one sentence per class."""
    sentences = {
        crypto_errors.CancelledError: _("cancelled: nothing was changed"),
        crypto_errors.ArmorError: _(
            "the file's text armor is damaged: ask the sender for the file again"),
        crypto_errors.HeaderError: _(
            "the file is not an age file or its header is damaged: ask the sender for the "
            "file again"),
        crypto_errors.NoIdentityMatchError: _(
            "this file is not encrypted to your key: ask the sender to encrypt it to your "
            "key card"),
        crypto_errors.HeaderMacError: _(
            "the file's header was altered after encryption: do not trust this copy, ask "
            "the sender for a new one"),
        crypto_errors.PayloadError: _(
            "the encrypted content is damaged or truncated: ask the sender for the file again"),
        crypto_errors.KeyFormatError: _(
            "a key is malformed: check that the whole key or key card was copied"),
        crypto_errors.SignatureError: _(
            "the signature does not verify: the data may have been altered, do not trust it"),
        crypto_errors.KeyCardError: _(
            "the key card is damaged or its signature does not verify: ask its owner for "
            "it again"),
        crypto_errors.WrongPassphraseError: _(
            "wrong passphrase (or recovery code): nothing was changed"),
    }
    for klass in cls.__mro__:  # the most specific class wins
        if klass in sentences:
            return sentences[klass]
    return _("a cryptographic check failed: nothing was changed")


# Crypto classes whose (English, secret-free) message adds a useful detail after the
# sentence: which part of the file or key is wrong. The others say nothing more.
_DETAILED = (crypto_errors.ArmorError, crypto_errors.HeaderError, crypto_errors.PayloadError,
             crypto_errors.KeyFormatError, crypto_errors.SignatureError,
             crypto_errors.KeyCardError)


def describe_error(exc: BaseException) -> tuple[str | None, int]:
    """One-line message and exit code for errors the user can act on; (None, 0) otherwise."""
    if isinstance(exc, UserError):
        return _one_line(str(exc)), exc.exit_code
    if isinstance(exc, crypto_errors.CryptoError):
        sentence = crypto_sentence(type(exc))
        detail = _one_line(str(exc)) if isinstance(exc, _DETAILED) else ""
        return _one_line(f"{sentence} ({detail})" if detail else sentence), 2
    if isinstance(exc, FileNotFoundError):
        return _one_line(_("no such file or folder: {path}").format(path=exc.filename)), 2
    if isinstance(exc, IsADirectoryError):
        return _one_line(_("this is a folder, not a file: {path}").format(
            path=exc.filename)), 2
    if isinstance(exc, PermissionError):
        return _one_line(_("permission denied: {path}").format(path=exc.filename)), 2
    return None, 0


# Zero-width (non-)joiners are part of correct Persian spelling; other invisible format
# characters (bidi overrides and the like) are dropped like control characters.
_JOINERS = frozenset("\u200c\u200d")


def _one_line(text: str) -> str:
    return " ".join(
        "".join(ch if ch.isprintable() or ch in _JOINERS else " " for ch in text).split()
    )
