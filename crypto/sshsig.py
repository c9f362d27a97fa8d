"""OpenSSH signatures (``PROTOCOL.sshsig``) with Ed25519 keys, our own encoding.

Signatures made here verify with ``ssh-keygen -Y verify``, and ``ssh-keygen -Y sign``
signatures verify here. The namespace separates what a signature is for, so a
signature over a bundle can never be replayed as a custody event or a key card:

* :data:`BUNDLE_NAMESPACE` ``bundle@evidence-vault``: the manifest of an exported bundle;
* :data:`CUSTODY_NAMESPACE` ``custody@evidence-vault``: a chain-of-custody event;
* :data:`KEYCARD_NAMESPACE` ``keycard@evidence-vault``: a key card's self-signature.

Wire format (all integers big-endian, ``string`` = uint32 length + bytes)::

    blob   = "SSHSIG" uint32(1) string(publickey) string(namespace) string(reserved)
             string(hash_algorithm) string(signature)
    signed = "SSHSIG" string(namespace) string(reserved) string(hash_algorithm)
             string(H(message))

The blob is armored as base64 in 70-column lines between ``-----BEGIN SSH SIGNATURE-----``
and ``-----END SSH SIGNATURE-----``, exactly as ssh-keygen writes it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
from collections.abc import Iterable
from typing import BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from crypto.errors import KeyFormatError, SignatureError

BUNDLE_NAMESPACE = "bundle@evidence-vault"
CUSTODY_NAMESPACE = "custody@evidence-vault"
KEYCARD_NAMESPACE = "keycard@evidence-vault"

KEY_TYPE = "ssh-ed25519"
HASH_ALGORITHMS = ("sha512", "sha256")

_MAGIC = b"SSHSIG"
_VERSION = 1
_BEGIN = "-----BEGIN SSH SIGNATURE-----"
_END = "-----END SSH SIGNATURE-----"
_LINE = 70
_MAX_ARMOR = 8192  # an Ed25519 signature is about 400 characters armored
_MAX_KEY_LINE = 4096
_CHUNK = 1 << 20
_TOKEN = re.compile(r"[A-Za-z0-9._@+-]{1,256}")


def _string(value: bytes) -> bytes:
    """SSH wire ``string``: uint32 length then the bytes."""
    return struct.pack(">I", len(value)) + value


class _Reader:
    """Reads SSH wire fields from hostile bytes; any overrun raises ``error``."""

    def __init__(self, data: bytes, error: type[Exception]) -> None:
        self._data = data
        self._pos = 0
        self._error = error

    def take(self, size: int) -> bytes:
        """The next ``size`` raw bytes."""
        if size > len(self._data) - self._pos:
            raise self._error("truncated SSH wire data")
        chunk = self._data[self._pos : self._pos + size]
        self._pos += size
        return chunk

    def uint32(self) -> int:
        """The next big-endian uint32."""
        value: int = struct.unpack(">I", self.take(4))[0]
        return value

    def string(self) -> bytes:
        """The next length-prefixed string."""
        return self.take(self.uint32())

    def text(self) -> str:
        """The next string, which must be ASCII."""
        try:
            return self.string().decode("ascii")
        except UnicodeDecodeError:
            raise self._error("non-ASCII text in SSH wire data") from None

    def finish(self) -> None:
        """Refuse trailing bytes."""
        if self._pos != len(self._data):
            raise self._error("trailing bytes in SSH wire data")


def _public_blob(pub: Ed25519PublicKey) -> bytes:
    """SSH wire encoding of an Ed25519 public key."""
    raw = pub.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return _string(KEY_TYPE.encode()) + _string(raw)


def _parse_public_blob(blob: bytes, error: type[Exception]) -> Ed25519PublicKey:
    """Decode an SSH wire Ed25519 public key, raising ``error`` on anything else."""
    reader = _Reader(blob, error)
    if reader.text() != KEY_TYPE:
        raise error("key type is not ssh-ed25519")
    raw = reader.string()
    reader.finish()
    if len(raw) != 32:
        raise error("Ed25519 public key has the wrong length")
    return Ed25519PublicKey.from_public_bytes(raw)


def _b64decode_strict(text: str, error: type[Exception]) -> bytes:
    """Canonical padded base64 only: no stray characters, no non-zero padding bits."""
    try:
        decoded = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise error("invalid base64") from None
    if base64.b64encode(decoded).decode("ascii") != text:
        raise error("non-canonical base64")
    return decoded


def _digest(data: bytes | BinaryIO, hash_alg: str) -> bytes:
    """Hash a message given as bytes or streamed from a binary file object."""
    hasher = hashlib.new(hash_alg)
    if isinstance(data, bytes | bytearray | memoryview):
        hasher.update(data)
    else:
        while chunk := data.read(_CHUNK):
            hasher.update(chunk)
    return hasher.digest()


def _signed_data(namespace: bytes, reserved: bytes, hash_alg: str, digest: bytes) -> bytes:
    """The exact bytes the Ed25519 key signs."""
    return (
        _MAGIC
        + _string(namespace)
        + _string(reserved)
        + _string(hash_alg.encode())
        + _string(digest)
    )


def sign(
    private_key: Ed25519PrivateKey,
    data: bytes | BinaryIO,
    namespace: str,
    hash_alg: str = "sha512",
) -> str:
    """Armored SSH signature of ``data`` (bytes or a binary stream) for ``namespace``."""
    if not namespace:
        raise ValueError("namespace must not be empty")
    if hash_alg not in HASH_ALGORITHMS:
        raise ValueError("hash_alg must be sha512 or sha256")
    ns = namespace.encode("utf-8")
    to_sign = _signed_data(ns, b"", hash_alg, _digest(data, hash_alg))
    signature = _string(KEY_TYPE.encode()) + _string(private_key.sign(to_sign))
    blob = (
        _MAGIC
        + struct.pack(">I", _VERSION)
        + _string(_public_blob(private_key.public_key()))
        + _string(ns)
        + _string(b"")
        + _string(hash_alg.encode())
        + _string(signature)
    )
    return _armor(blob)


def _armor(blob: bytes) -> str:
    """Base64 in 70-column lines between the BEGIN and END lines, with a final newline."""
    body = base64.b64encode(blob).decode("ascii")
    lines = [body[i : i + _LINE] for i in range(0, len(body), _LINE)]
    return "\n".join([_BEGIN, *lines, _END]) + "\n"


def canonical_armor(signature: str | bytes) -> str:
    """The signature re-armored exactly as :func:`sign` writes it.

    :func:`verify` tolerates other line lengths and CRLF, as ssh-keygen does; formats
    that must have one byte form (key cards) compare against this. Raises SignatureError
    if the armor is malformed (the blob inside is not checked).
    """
    return _armor(_dearmor(signature))


def _dearmor(signature: str | bytes) -> bytes:
    """The binary blob inside an armored signature (CRLF and trailing blanks tolerated)."""
    if len(signature) > _MAX_ARMOR:
        raise SignatureError("signature is too large")
    if isinstance(signature, bytes):
        try:
            signature = signature.decode("ascii")
        except UnicodeDecodeError:
            raise SignatureError("signature is not ASCII") from None
    lines = [line.rstrip(" \t\r") for line in signature.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) < 3 or lines[0] != _BEGIN or lines[-1] != _END:
        raise SignatureError("signature armor is malformed")
    return _b64decode_strict("".join(lines[1:-1]), SignatureError)


def verify(
    signature: str | bytes,
    data: bytes | BinaryIO,
    namespace: str,
    public_key: Ed25519PublicKey | None = None,
) -> Ed25519PublicKey:
    """Check an armored SSH signature over ``data`` and return the signer's key.

    Raises :class:`SignatureError` if the signature is malformed, is for another
    namespace, was made by a key other than ``public_key`` (when given), or does not
    verify. ``data`` may be bytes or a binary stream, which is read to its end.
    """
    reader = _Reader(_dearmor(signature), SignatureError)
    if reader.take(len(_MAGIC)) != _MAGIC:
        raise SignatureError("not an SSH signature")
    if reader.uint32() != _VERSION:
        raise SignatureError("unsupported SSH signature version")
    signer = _parse_public_blob(reader.string(), SignatureError)
    untrusted_namespace = reader.string()
    reserved = reader.string()  # PROTOCOL.sshsig: ignore its contents; it is signed
    hash_alg = reader.text()
    sig_reader = _Reader(reader.string(), SignatureError)
    reader.finish()
    if sig_reader.text() != KEY_TYPE:
        raise SignatureError("signature algorithm is not ssh-ed25519")
    raw_signature = sig_reader.string()
    sig_reader.finish()
    if len(raw_signature) != 64:
        raise SignatureError("Ed25519 signature has the wrong length")
    if untrusted_namespace != namespace.encode("utf-8"):
        raise SignatureError("signature is for another namespace")
    if hash_alg not in HASH_ALGORITHMS:
        raise SignatureError("unsupported signature hash algorithm")
    if public_key is not None and _public_blob(public_key) != _public_blob(signer):
        raise SignatureError("signature was made by another key")
    to_verify = _signed_data(untrusted_namespace, reserved, hash_alg, _digest(data, hash_alg))
    try:
        signer.verify(raw_signature, to_verify)
    except InvalidSignature:
        raise SignatureError("signature does not verify") from None
    return signer


def public_key_to_openssh(pub: Ed25519PublicKey, comment: str = "") -> str:
    """``ssh-ed25519 AAAA... [comment]``, as in an OpenSSH ``.pub`` file (no newline)."""
    if any(ch in comment for ch in "\r\n\x00") or comment != comment.strip():
        raise ValueError("comment must be a single trimmed line")
    encoded = base64.b64encode(_public_blob(pub)).decode("ascii")
    return f"{KEY_TYPE} {encoded}" + (f" {comment}" if comment else "")


def parse_openssh_public_key(line: str) -> Ed25519PublicKey:
    """Parse ``ssh-ed25519 AAAA... [comment]``; anything else raises KeyFormatError."""
    if len(line) > _MAX_KEY_LINE:
        raise KeyFormatError("public key line is too long")
    if any(ch in line.rstrip("\r\n") for ch in "\r\n\x00"):
        raise KeyFormatError("public key must be a single line")
    parts = line.strip().split(maxsplit=2)
    if len(parts) < 2 or parts[0] != KEY_TYPE:
        raise KeyFormatError("not an ssh-ed25519 public key")
    blob = _b64decode_strict(parts[1], KeyFormatError)
    return _parse_public_blob(blob, KeyFormatError)


def allowed_signers_line(principal: str, pub: Ed25519PublicKey, namespaces: Iterable[str]) -> str:
    """One ``allowed_signers`` line for ``ssh-keygen -Y verify`` (no newline).

    Principal and namespaces are limited to ``[A-Za-z0-9._@+-]`` so the line needs no
    quoting and cannot smuggle options.
    """
    names = list(namespaces)
    if not _TOKEN.fullmatch(principal):
        raise ValueError("principal must match [A-Za-z0-9._@+-]+")
    if not names or not all(_TOKEN.fullmatch(ns) for ns in names):
        raise ValueError("namespaces must be non-empty and match [A-Za-z0-9._@+-]+")
    return f'{principal} namespaces="{",".join(names)}" {public_key_to_openssh(pub)}'
