"""One exception type per failure class.

Every error the crypto layer raises on bad input derives from :class:`CryptoError`, so
callers can catch the family, and tests can check the exact class. Messages are one line
and never contain key material, passphrases or plaintext.
"""

from __future__ import annotations


class CryptoError(Exception):
    """Base class of every error raised by :mod:`crypto` on bad input or failed checks."""


class CancelledError(CryptoError):
    """The caller's cancel check asked to stop. Nothing unverified was committed."""


# --- age ---------------------------------------------------------------------------


class ArmorError(CryptoError):
    """The ASCII armor around an age file is malformed."""


class HeaderError(CryptoError):
    """The age header is malformed (bad version line, stanza, base64, or MAC line)."""


class NoIdentityMatchError(CryptoError):
    """The header parsed, but none of the given identities unwraps any recipient stanza."""


class HeaderMacError(CryptoError):
    """A file key was unwrapped, but the header MAC does not match: the header was altered."""


class PayloadError(CryptoError):
    """The encrypted payload is damaged, truncated, or has data after its last chunk."""


class KeyFormatError(CryptoError):
    """A key string (age recipient or identity, OpenSSH public key) is malformed."""


# --- signatures, identities, key cards ---------------------------------------------


class SignatureError(CryptoError):
    """A signature is malformed, made by another key, for another namespace, or invalid."""


class KeyCardError(CryptoError):
    """A key card is malformed or its self-signature does not verify."""


class WrongPassphraseError(CryptoError):
    """The passphrase (or recovery code, or wrapping key) does not open this secret."""
