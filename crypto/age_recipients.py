"""age v1 recipients and identities: X25519, mlkem768x25519 (hybrid post-quantum), scrypt.

A recipient ``wrap``s a file key into stanzas; an identity ``unwrap``s it from a header's stanzas.
``unwrap`` returns None when no stanza is addressed to it (or its AEAD tag does not verify) and
raises :class:`HeaderError` when a stanza of its own type is malformed, as the spec requires.
Key strings are Bech32; malformed ones raise :class:`KeyFormatError`.
"""

from __future__ import annotations

import hashlib
import os
import re
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import hpke as _hpke
from cryptography.hazmat.primitives.asymmetric import mlkem, x25519
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from crypto import bech32
from crypto.age_header import Stanza, b64decode, b64encode
from crypto.errors import HeaderError, KeyFormatError

__all__ = [
    "HybridIdentity",
    "HybridRecipient",
    "Identity",
    "Recipient",
    "ScryptIdentity",
    "ScryptRecipient",
    "X25519Identity",
    "X25519Recipient",
    "parse_identities",
    "parse_identity",
    "parse_recipient",
]

FILE_KEY_SIZE = 16
_ZERO_NONCE = bytes(12)
_X25519_LABEL = b"age-encryption.org/v1/X25519"
_SCRYPT_LABEL = b"age-encryption.org/v1/scrypt"
_HYBRID_INFO = b"age-encryption.org/mlkem768x25519"
_HYBRID_SUITE = _hpke.Suite(
    _hpke.KEM.MLKEM768_X25519, _hpke.KDF.HKDF_SHA256, _hpke.AEAD.CHACHA20_POLY1305
)
_MLKEM768_PUBLIC_SIZE = 1184
_HYBRID_PUBLIC_SIZE = _MLKEM768_PUBLIC_SIZE + 32
_HYBRID_ENC_SIZE = 1088 + 32
_WORK_FACTOR = re.compile(r"[1-9][0-9]*")


class Recipient(Protocol):
    """Something a file can be encrypted to."""

    def wrap(self, file_key: bytes) -> list[Stanza]: ...


class Identity(Protocol):
    """Something that can open a file: returns the file key, or None if not addressed to it."""

    def unwrap(self, stanzas: tuple[Stanza, ...]) -> bytes | None: ...


def _seal(key: bytes, file_key: bytes) -> bytes:
    return ChaCha20Poly1305(key).encrypt(_ZERO_NONCE, file_key, None)


def _open(key: bytes, body: bytes) -> bytes | None:
    if len(body) != FILE_KEY_SIZE + 16:
        raise HeaderError("stanza body has the wrong length")
    try:
        return ChaCha20Poly1305(key).decrypt(_ZERO_NONCE, body, None)
    except InvalidTag:
        return None


def _decode_key(text: str, hrp: str, size: int) -> bytes:
    got_hrp, data = bech32.decode(text.strip())
    if got_hrp != hrp or len(data) != size:
        raise KeyFormatError("not a valid age key of this type")
    return data


def _x25519_public(data: bytes) -> x25519.X25519PublicKey:
    return x25519.X25519PublicKey.from_public_bytes(data)


def _x25519_shared(private: x25519.X25519PrivateKey, share: bytes) -> bytes:
    try:
        return private.exchange(_x25519_public(share))
    except ValueError:
        raise HeaderError("X25519 share gives an all-zero shared secret") from None


# --- X25519 --------------------------------------------------------------------------------


class X25519Recipient:
    """An ``age1...`` recipient (X25519 public key)."""

    def __init__(self, public_bytes: bytes) -> None:
        if len(public_bytes) != 32:
            raise KeyFormatError("X25519 public key must be 32 bytes")
        self.public_bytes = bytes(public_bytes)

    @classmethod
    def parse(cls, text: str) -> X25519Recipient:
        return cls(_decode_key(text, "age", 32))

    def to_string(self) -> str:
        return bech32.encode("age", self.public_bytes)

    def wrap(self, file_key: bytes) -> list[Stanza]:
        ephemeral = x25519.X25519PrivateKey.generate()
        share = ephemeral.public_key().public_bytes_raw()
        try:
            shared = ephemeral.exchange(_x25519_public(self.public_bytes))
        except ValueError:
            raise KeyFormatError("X25519 recipient is a low-order point") from None
        key = HKDF(hashes.SHA256(), 32, share + self.public_bytes, _X25519_LABEL).derive(shared)
        return [Stanza("X25519", (b64encode(share),), _seal(key, file_key))]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, X25519Recipient) and other.public_bytes == self.public_bytes

    def __hash__(self) -> int:
        return hash(self.public_bytes)

    def __repr__(self) -> str:
        return f"X25519Recipient({self.to_string()!r})"


class X25519Identity:
    """An ``AGE-SECRET-KEY-1...`` identity (X25519 private key)."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) != 32:
            raise KeyFormatError("X25519 secret key must be 32 bytes")
        self._secret = bytes(secret)
        self._key = x25519.X25519PrivateKey.from_private_bytes(self._secret)

    @classmethod
    def generate(cls) -> X25519Identity:
        return cls(os.urandom(32))

    @classmethod
    def parse(cls, text: str) -> X25519Identity:
        return cls(_decode_key(text, "AGE-SECRET-KEY-", 32))

    def to_string(self) -> str:
        return bech32.encode("AGE-SECRET-KEY-", self._secret)

    def recipient(self) -> X25519Recipient:
        return X25519Recipient(self._key.public_key().public_bytes_raw())

    def unwrap(self, stanzas: tuple[Stanza, ...]) -> bytes | None:
        ours = self.recipient().public_bytes
        for s in stanzas:
            if s.type != "X25519":
                continue
            if len(s.args) != 1:
                raise HeaderError("X25519 stanza must have exactly one argument")
            share = b64decode(s.args[0])
            if len(share) != 32:
                raise HeaderError("X25519 share must be 32 bytes")
            if len(s.body) != FILE_KEY_SIZE + 16:
                raise HeaderError("stanza body has the wrong length")
            shared = _x25519_shared(self._key, share)
            key = HKDF(hashes.SHA256(), 32, share + ours, _X25519_LABEL).derive(shared)
            file_key = _open(key, s.body)
            if file_key is not None:
                return file_key
        return None

    def __repr__(self) -> str:
        return f"X25519Identity(recipient={self.recipient().to_string()!r})"


# --- mlkem768x25519 (post-quantum hybrid) ---------------------------------------------------


class HybridRecipient:
    """An ``age1pq1...`` recipient: an ML-KEM-768 + X25519 hybrid HPKE public key."""

    def __init__(self, public_bytes: bytes) -> None:
        if len(public_bytes) != _HYBRID_PUBLIC_SIZE:
            raise KeyFormatError("hybrid public key has the wrong length")
        try:
            pq = mlkem.MLKEM768PublicKey.from_public_bytes(public_bytes[:_MLKEM768_PUBLIC_SIZE])
        except ValueError:
            raise KeyFormatError("hybrid public key has an invalid ML-KEM part") from None
        classic = _x25519_public(public_bytes[_MLKEM768_PUBLIC_SIZE:])
        self.public_bytes = bytes(public_bytes)
        self._key = _hpke.MLKEM768X25519PublicKey(pq, classic)

    @classmethod
    def parse(cls, text: str) -> HybridRecipient:
        return cls(_decode_key(text, "age1pq", _HYBRID_PUBLIC_SIZE))

    def to_string(self) -> str:
        return bech32.encode("age1pq", self.public_bytes)

    def wrap(self, file_key: bytes) -> list[Stanza]:
        sealed = _HYBRID_SUITE.encrypt(file_key, self._key, info=_HYBRID_INFO)
        enc, body = sealed[:_HYBRID_ENC_SIZE], sealed[_HYBRID_ENC_SIZE:]
        return [Stanza("mlkem768x25519", (b64encode(enc),), body)]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HybridRecipient) and other.public_bytes == self.public_bytes

    def __hash__(self) -> int:
        return hash(self.public_bytes)

    def __repr__(self) -> str:
        return f"HybridRecipient({self.to_string()[:20]!r}...)"


class HybridIdentity:
    """An ``AGE-SECRET-KEY-PQ-1...`` identity: a 32-byte seed expanded with SHAKE256."""

    def __init__(self, seed: bytes) -> None:
        if len(seed) != 32:
            raise KeyFormatError("hybrid identity seed must be 32 bytes")
        self._seed = bytes(seed)
        expanded = hashlib.shake_256(self._seed).digest(96)
        self._pq = mlkem.MLKEM768PrivateKey.from_seed_bytes(expanded[:64])
        self._classic = x25519.X25519PrivateKey.from_private_bytes(expanded[64:])
        self._key = _hpke.MLKEM768X25519PrivateKey(self._pq, self._classic)

    @classmethod
    def generate(cls) -> HybridIdentity:
        return cls(os.urandom(32))

    @classmethod
    def parse(cls, text: str) -> HybridIdentity:
        return cls(_decode_key(text, "AGE-SECRET-KEY-PQ-", 32))

    def to_string(self) -> str:
        return bech32.encode("AGE-SECRET-KEY-PQ-", self._seed)

    def recipient(self) -> HybridRecipient:
        pq = self._pq.public_key().public_bytes_raw()
        return HybridRecipient(pq + self._classic.public_key().public_bytes_raw())

    def unwrap(self, stanzas: tuple[Stanza, ...]) -> bytes | None:
        for s in stanzas:
            if s.type != "mlkem768x25519":
                continue
            if len(s.args) != 1:
                raise HeaderError("mlkem768x25519 stanza must have exactly one argument")
            enc = b64decode(s.args[0])
            if len(enc) != _HYBRID_ENC_SIZE:
                raise HeaderError("mlkem768x25519 enc has the wrong length")
            if len(s.body) != FILE_KEY_SIZE + 16:
                raise HeaderError("stanza body has the wrong length")
            _x25519_shared(self._classic, enc[-32:])  # all-zero secret is a header failure
            try:
                return _HYBRID_SUITE.decrypt(enc + s.body, self._key, info=_HYBRID_INFO)
            except InvalidTag:
                continue
        return None

    def __repr__(self) -> str:
        return "HybridIdentity(...)"


# --- scrypt ------------------------------------------------------------------------------


def _passphrase_bytes(passphrase: bytes | str) -> bytes:
    data = passphrase.encode("utf-8") if isinstance(passphrase, str) else bytes(passphrase)
    if not data:
        raise ValueError("passphrase must not be empty")
    return data


def _scrypt_key(passphrase: bytes, salt: bytes, work_factor: int) -> bytes:
    kdf = Scrypt(salt=_SCRYPT_LABEL + salt, length=32, n=1 << work_factor, r=8, p=1)
    return kdf.derive(passphrase)


class ScryptRecipient:
    """Passphrase encryption; its stanza must be the only one in the header."""

    def __init__(self, passphrase: bytes | str, work_factor: int = 18) -> None:
        if not 1 <= work_factor <= 30:
            raise ValueError("scrypt work factor must be between 1 and 30")
        self._passphrase = _passphrase_bytes(passphrase)
        self.work_factor = work_factor

    def wrap(self, file_key: bytes) -> list[Stanza]:
        salt = os.urandom(16)
        key = _scrypt_key(self._passphrase, salt, self.work_factor)
        args = (b64encode(salt), str(self.work_factor))
        return [Stanza("scrypt", args, _seal(key, file_key))]

    def __repr__(self) -> str:
        return f"ScryptRecipient(work_factor={self.work_factor})"


class ScryptIdentity:
    """Passphrase decryption, refusing work factors above ``max_work_factor`` (a header error)."""

    def __init__(self, passphrase: bytes | str, max_work_factor: int = 22) -> None:
        self._passphrase = _passphrase_bytes(passphrase)
        self.max_work_factor = max_work_factor

    def unwrap(self, stanzas: tuple[Stanza, ...]) -> bytes | None:
        for s in stanzas:
            if s.type != "scrypt":
                continue
            if len(stanzas) != 1:
                raise HeaderError("an scrypt stanza must be the only stanza")
            if len(s.args) != 2:
                raise HeaderError("scrypt stanza must have exactly two arguments")
            salt = b64decode(s.args[0])
            if len(salt) != 16:
                raise HeaderError("scrypt salt must be 16 bytes")
            if not _WORK_FACTOR.fullmatch(s.args[1]):
                raise HeaderError("scrypt work factor is not a plain decimal")
            work_factor = int(s.args[1])
            if work_factor > self.max_work_factor or work_factor > 64:
                raise HeaderError("scrypt work factor is above the allowed maximum")
            if len(s.body) != FILE_KEY_SIZE + 16:
                raise HeaderError("stanza body has the wrong length")
            return _open(_scrypt_key(self._passphrase, salt, work_factor), s.body)
        return None

    def __repr__(self) -> str:
        return "ScryptIdentity(...)"


# --- parsing -----------------------------------------------------------------------------


def parse_recipient(text: str) -> X25519Recipient | HybridRecipient:
    """Parse ``age1...`` or ``age1pq1...``."""
    hrp, _ = bech32.decode(text.strip())
    if hrp == "age":
        return X25519Recipient.parse(text)
    if hrp == "age1pq":
        return HybridRecipient.parse(text)
    raise KeyFormatError("unknown recipient type")


def parse_identity(text: str) -> X25519Identity | HybridIdentity:
    """Parse ``AGE-SECRET-KEY-1...`` or ``AGE-SECRET-KEY-PQ-1...``."""
    hrp, _ = bech32.decode(text.strip())
    if hrp == "AGE-SECRET-KEY-":
        return X25519Identity.parse(text)
    if hrp == "AGE-SECRET-KEY-PQ-":
        return HybridIdentity.parse(text)
    raise KeyFormatError("unknown identity type")


def parse_identities(text: str) -> list[X25519Identity | HybridIdentity]:
    """Parse an identity file (as written by age-keygen): one key a line, ``#`` comments."""
    ids = [parse_identity(line) for line in text.splitlines() if line.strip()
           and not line.lstrip().startswith("#")]
    if not ids:
        raise KeyFormatError("no identity found")
    return ids
