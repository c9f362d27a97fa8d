"""age v1 file encryption (C2SP age): streaming encrypt/decrypt with constant memory.

Public surface: the key types (re-exported from :mod:`crypto.age_recipients`), ``encrypt`` /
``decrypt`` between streams, ``encrypt_writer`` / ``decrypt_reader`` file-likes (usable by
``tarfile`` in stream mode), ``decrypt_to_file`` (the file appears only once fully verified),
and ``encrypt_bytes`` / ``decrypt_bytes``.

Decryption order: parse the header strictly, unwrap the file key, check the header MAC in
constant time, and only then decrypt payload chunks, each released only after its tag verified.
Binary or armored input is detected automatically.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from crypto.age_header import (
    VERSION_PREFIX,
    Header,
    Source,
    b64encode,
    encode_header,
    parse_header,
)
from crypto.age_header import check_mac as _check_mac
from crypto.age_recipients import (
    HybridIdentity,
    HybridRecipient,
    Identity,
    Recipient,
    ScryptIdentity,
    ScryptRecipient,
    X25519Identity,
    X25519Recipient,
    parse_identities,
    parse_identity,
    parse_recipient,
)
from crypto.armor import ArmorReader, ArmorWriter
from crypto.errors import HeaderError, NoIdentityMatchError, PayloadError
from crypto.lifecycle import FinishOrAbort
from crypto.stream import PayloadReader, PayloadWriter, ReadAhead, WriteBehind, drain, feed

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

__all__ = [
    "AgeWriter",
    "HybridIdentity",
    "HybridRecipient",
    "Identity",
    "Recipient",
    "ScryptIdentity",
    "ScryptRecipient",
    "X25519Identity",
    "X25519Recipient",
    "decrypt",
    "decrypt_bytes",
    "Opening",
    "decrypt_reader",
    "decrypt_reader_opening",
    "decrypt_to_file",
    "encrypt",
    "encrypt_bytes",
    "encrypt_writer",
    "parse_identities",
    "parse_identity",
    "parse_recipient",
    "reencrypt_writer",
]

Progress = Callable[[int], None]
Cancel = Callable[[], bool]


class _Reads(Protocol):
    def read(self, n: int = ..., /) -> bytes: ...


class _Writes(Protocol):
    def write(self, data: ReadableBuffer, /) -> int | None: ...


def _check_recipients(recipients: Sequence[Recipient]) -> None:
    if not recipients:
        raise ValueError("at least one recipient is needed")
    if any(isinstance(r, ScryptRecipient) for r in recipients) and len(recipients) != 1:
        raise ValueError("a passphrase (scrypt) recipient must be the only recipient")
    hybrid = [isinstance(r, HybridRecipient) for r in recipients]
    if any(hybrid) and not all(hybrid):
        raise ValueError(
            "refusing to mix post-quantum (age1pq) and classical recipients: "
            "the file would only be as strong as the classical one"
        )


class AgeWriter(FinishOrAbort):
    """Writable file-like: plaintext in, age file out. ``close()`` finishes the file.

    Leaving a ``with`` block by an exception abandons the file without a final chunk, so a
    partial file never decrypts. ``close()`` does not close ``dst``.
    """

    def __init__(
        self,
        dst: _Writes,
        recipients: Sequence[Recipient],
        *,
        armor: bool = False,
        cancel: Cancel | None = None,
    ) -> None:
        _check_recipients(recipients)
        file_key = os.urandom(16)
        stanzas = [s for r in recipients for s in r.wrap(file_key)]
        self._armor = ArmorWriter(dst) if armor else None
        out: _Writes = self._armor if self._armor is not None else dst
        out.write(encode_header(stanzas, file_key))
        self._payload = PayloadWriter(out, file_key, cancel=cancel)

    @property
    def closed(self) -> bool:
        return self._payload.closed

    @property
    def bytes_written(self) -> int:
        """Plaintext bytes written so far."""
        return self._payload.bytes_written

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        return self._payload.write(data)

    def flush(self) -> None:
        """Chunks are written when complete; there is nothing to flush early."""

    def close(self) -> None:
        if self._payload.closed:
            return
        self._payload.close()
        if self._armor is not None:
            self._armor.close()

    def abort(self) -> None:
        """Stop without finishing: the output will not decrypt."""
        self._payload.abort()



def encrypt_writer(
    dst: _Writes,
    recipients: Sequence[Recipient],
    *,
    armor: bool = False,
    cancel: Cancel | None = None,
) -> AgeWriter:
    """An :class:`AgeWriter` into ``dst`` for ``recipients``."""
    return AgeWriter(dst, recipients, armor=armor, cancel=cancel)


def encrypt(
    src: _Reads,
    dst: _Writes,
    recipients: Sequence[Recipient],
    *,
    armor: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> int:
    """Encrypt all of ``src`` into ``dst``; returns the plaintext byte count.

    Reading, encryption and writing overlap on three threads, with constant memory.
    """
    with WriteBehind(dst) as out:
        writer = AgeWriter(out, recipients, armor=armor, cancel=cancel)
        total = feed(src, writer, progress)
        writer.close()
    return total


def _open_source(src: _Reads) -> Source:
    """Binary files start with the version prefix; anything else non-empty must be armor."""
    source = Source(src)
    head = source.peek_bytes(len(VERSION_PREFIX))
    if not head or VERSION_PREFIX.startswith(head):
        return source
    return ArmorReader(source)


def _open(
    src: _Reads, identities: Sequence[Identity], cancel: Cancel | None
) -> tuple[PayloadReader, Header, bytes, bool]:
    """The payload reader, the parsed header, the file key and whether the file is armored."""
    source = _open_source(src)
    header = parse_header(source)
    if any(s.type == "scrypt" for s in header.stanzas) and len(header.stanzas) != 1:
        raise HeaderError("an scrypt stanza must be the only stanza")
    for identity in identities:
        file_key = identity.unwrap(header.stanzas)
        if file_key is not None:
            break
    else:
        raise NoIdentityMatchError("no identity matches any recipient of this file")
    _check_mac(header, file_key)
    try:
        reader = PayloadReader(source, file_key, cancel=cancel)
    except PayloadError:
        raise HeaderError("file ends before the payload nonce") from None
    return reader, header, file_key, isinstance(source, ArmorReader)


def decrypt_reader(
    src: _Reads, identities: Sequence[Identity], *, cancel: Cancel | None = None
) -> PayloadReader:
    """Open an age file for reading: header parsed, file key unwrapped, MAC verified.

    Raises HeaderError, NoIdentityMatchError, HeaderMacError (or ArmorError) before returning;
    the returned reader raises PayloadError on damage or truncation.
    """
    return _open(src, identities, cancel)[0]


@dataclass(frozen=True, repr=False)
class Opening:
    """What it takes to write an opened binary age file again, byte for byte, from its
    plaintext: its header as it was in the file, its file key (secret) and its payload
    nonce. The payload is a deterministic function of file key, nonce and plaintext (fixed
    64 KiB chunks, the last one final and non-empty unless the payload is), so a kept
    plaintext and this give back the very file that was received."""

    header: bytes
    file_key: bytes
    nonce: bytes


def decrypt_reader_opening(
    src: _Reads, identities: Sequence[Identity], *, cancel: Cancel | None = None
) -> tuple[PayloadReader, Opening | None]:
    """:func:`decrypt_reader`, plus the file's :class:`Opening` (None for armored input,
    whose line breaks the header and payload do not determine)."""
    reader, header, file_key, armored = _open(src, identities, cancel)
    if armored:
        return reader, None
    text = header.mac_input + b" " + b64encode(header.mac).encode("ascii") + b"\n"
    return reader, Opening(text, bytes(file_key), reader.nonce)


def reencrypt_writer(
    dst: _Writes, opening: Opening, *, cancel: Cancel | None = None
) -> PayloadWriter:
    """Write ``opening``'s header and nonce to ``dst`` and return the payload writer: the
    same plaintext, written and closed, gives back the opened file byte for byte."""
    dst.write(opening.header)
    return PayloadWriter(dst, opening.file_key, nonce=opening.nonce, cancel=cancel)


def decrypt(
    src: _Reads,
    dst: _Writes,
    identities: Sequence[Identity],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> int:
    """Decrypt ``src`` into ``dst``; returns the plaintext byte count.

    Verified chunks reach ``dst`` as they come: on an error, discard ``dst``
    (or use :func:`decrypt_to_file`).
    """
    ahead = ReadAhead(src)
    try:
        return drain(decrypt_reader(ahead, identities, cancel=cancel), dst, progress)
    finally:
        ahead.close()


def decrypt_to_file(
    src: _Reads,
    path: str | os.PathLike[str],
    identities: Sequence[Identity],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> int:
    """Decrypt into ``path`` atomically: a temp file in the same folder is fsynced and renamed
    only after the whole payload verified; on any error it is removed and ``path`` is untouched.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            total = decrypt(src, out, identities, progress=progress, cancel=cancel)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
    return total


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def encrypt_bytes(data: bytes, recipients: Sequence[Recipient], *, armor: bool = False) -> bytes:
    """Encrypt ``data`` in memory."""
    out = io.BytesIO()
    encrypt(io.BytesIO(data), out, recipients, armor=armor)
    return out.getvalue()


def decrypt_bytes(data: bytes, identities: Sequence[Identity]) -> bytes:
    """Decrypt an age file held in memory; nothing is returned unless all of it verified."""
    out = io.BytesIO()
    decrypt(io.BytesIO(data), out, identities)
    return out.getvalue()
