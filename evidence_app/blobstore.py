"""Encrypted blob store: one file per blob, random names, one random key per blob.

Layout: ``blobs/<first 2 hex of id>/<id>``, where the id is 128 random bits in hex (never a
content hash, so equal files cannot be recognized by name). A blob file is a 4-byte header
(``EVB`` and a format version byte, 1) followed by a STREAM payload of the
:data:`crypto.stream.VAULT_BLOB` suite (16-byte nonce, then 256 KiB AES-256-GCM chunks). A blob
of an unknown version is refused with :class:`PayloadError`; a changed version byte cannot
select another suite unnoticed, as each suite derives its own chunk key.

Each blob has its own random 32-byte key, returned in :class:`BlobRef` for the caller to keep
in the (encrypted) database. The STREAM key of a blob is
``HKDF-SHA-256(ikm=blob key, salt=store key, info="evidence-vault/v1 blob " + id)``, where the
store key is derived from the vault's master key: the blob keys alone (a leaked database)
decrypt nothing, and a blob file renamed to another id does not decrypt.

Writes are atomic: the payload goes to a temp file in the vault's ``tmp/`` folder, is
fsynced, renamed into place, and the folder is fsynced. The SHA-256 of the plaintext is
computed in the same pass, on the other core (:class:`crypto.hashing.BackgroundHasher`).
"""

from __future__ import annotations

import io
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crypto.errors import CancelledError, PayloadError
from crypto.hashing import BackgroundHasher
from crypto.stream import VAULT_BLOB, PayloadReader, PayloadWriter, read_full
from evidence_app.db import VaultDamagedError, VaultLockedError
from evidence_app.i18n import _
from evidence_app.paths import fsync_dir, make_private_dir

Progress = Callable[[int, int | None], None]
Cancel = Callable[[], bool]

_ID_RE = re.compile(r"[0-9a-f]{32}")
_BLOCK = VAULT_BLOB.block_chunks * VAULT_BLOB.chunk_size
_MAGIC = b"EVB"
_VERSION = 1
_HEADER = _MAGIC + bytes([_VERSION])
_TMP_SUFFIX = ".part"


class MissingBlobError(VaultDamagedError):
    """A blob the database refers to is not in the blob store."""


@dataclass(frozen=True)
class BlobRef:
    """A stored blob: its id, its 32-byte key (keep it secret), plaintext size and SHA-256."""

    blob_id: str
    key: bytes
    size: int
    sha256: str


class BlobStore:
    """Encrypted files under ``root`` (``<vault>/blobs``), temp files under ``tmp_dir``."""

    def __init__(self, root: Path, tmp_dir: Path, store_key: bytes | bytearray) -> None:
        if len(store_key) != 32:
            raise ValueError("store key must be 32 bytes")
        self.root = root
        self.tmp_dir = tmp_dir
        self._store_key: bytearray | None = bytearray(store_key)
        make_private_dir(root)
        make_private_dir(tmp_dir)

    def close(self) -> None:
        """Zero the store key; every later call raises VaultLockedError."""
        if self._store_key is not None:
            self._store_key[:] = bytes(len(self._store_key))
            self._store_key = None

    def write(
        self, src: BinaryIO, *, progress: Progress | None = None, cancel: Cancel | None = None,
        hash: bool = True,
    ) -> BlobRef:
        """Encrypt all of ``src`` into a new blob; atomic (nothing is left behind on error
        or cancel). ``progress(done, total)`` gets plaintext bytes (total None if unknown).
        With ``hash=False`` no SHA-256 is computed and ``BlobRef.sha256`` is empty (for
        bytes whose hash nobody needs, such as a received bundle kept as an exhibit)."""
        blob_id = secrets.token_hex(16)
        key = secrets.token_bytes(32)
        file_key = self._file_key(blob_id, key)
        total = _size_of(src)
        tmp = self.tmp_dir / f"{secrets.token_hex(16)}{_TMP_SUFFIX}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            with (os.fdopen(fd, "wb", buffering=0) as fh,
                  BackgroundHasher() if hash else nullcontext() as hasher):
                fh.write(_HEADER)
                writer = PayloadWriter(fh, file_key, suite=VAULT_BLOB)
                # Files and BytesIO are read straight into the writer's chunk buffer (no
                # copy); other sources (pipes) hand over blocks that write() seals in place.
                into = isinstance(src, io.BufferedIOBase | io.FileIO)
                size = 0
                while True:
                    if cancel is not None and cancel():
                        raise CancelledError("cancelled")
                    data = writer.fill(src) if into else src.read(_BLOCK)
                    if not data:
                        break
                    if hasher is not None:
                        hasher.update(data)
                    if not into:
                        writer.write(data)
                    size += len(data)
                    if progress is not None:
                        progress(size, total)
                writer.close()
                os.fsync(fh.fileno())
                digest = hasher.hexdigest() if hasher is not None else ""
            final = self._path(blob_id)
            new_shard = not final.parent.exists()
            make_private_dir(final.parent)
            if new_shard:
                fsync_dir(self.root)
            os.replace(tmp, final)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        fsync_dir(final.parent)
        return BlobRef(blob_id, key, size, digest)

    def open(self, blob_id: str, key: bytes) -> BinaryIO:
        """Authenticated streaming read of a blob's plaintext.

        Reads raise :class:`crypto.errors.PayloadError` if the blob is damaged, truncated,
        of an unknown format version or was encrypted with another key; no unverified byte is
        ever returned.
        """
        file_key = self._file_key(blob_id, key)
        try:
            fh = open(self._path(blob_id), "rb")  # noqa: SIM115 - owned by the reader below
        except FileNotFoundError:
            raise MissingBlobError(_("blob {id} is missing").format(id=blob_id)) from None
        try:
            raw = _BlobReader(fh, file_key)
        except BaseException:
            fh.close()
            raise
        return io.BufferedReader(raw, buffer_size=VAULT_BLOB.chunk_size)

    def delete(self, blob_id: str) -> None:
        """Remove a blob file (if present). Its key, kept by the caller, should go too."""
        path = self._path(blob_id)
        try:
            path.unlink()
        except FileNotFoundError:
            return
        fsync_dir(path.parent)

    def ids(self) -> Iterator[str]:
        """Ids of every blob file present (for vault checks: orphans, missing files)."""
        for shard in sorted(self.root.iterdir()):
            if shard.is_dir():
                for entry in sorted(shard.iterdir()):
                    if _ID_RE.fullmatch(entry.name) and entry.name[:2] == shard.name:
                        yield entry.name

    def _path(self, blob_id: str) -> Path:
        if not _ID_RE.fullmatch(blob_id):
            raise VaultDamagedError(_("malformed blob id"))
        return self.root / blob_id[:2] / blob_id

    def _file_key(self, blob_id: str, key: bytes) -> bytes:
        if self._store_key is None:
            raise VaultLockedError(_("the vault is locked"))
        if len(key) != 32:
            raise VaultDamagedError(_("a blob key has the wrong size"))
        hkdf = HKDF(
            algorithm=hashes.SHA256(),
            length=32,
            salt=bytes(self._store_key),
            info=b"evidence-vault/v1 blob " + self._path(blob_id).name.encode("ascii"),
        )
        return hkdf.derive(key)


def clean_tmp(tmp_dir: Path) -> None:
    """Remove leftover temp files of interrupted writes (only call while holding the vault)."""
    if not tmp_dir.is_dir():
        return
    for entry in tmp_dir.iterdir():
        if entry.is_file() or entry.is_symlink():
            entry.unlink()
    fsync_dir(tmp_dir)


class _BlobReader(PayloadReader):
    """A payload reader that owns (and closes) its blob file."""

    def __init__(self, fh: BinaryIO, file_key: bytes) -> None:
        header = bytearray(len(_HEADER))
        got = read_full(fh, memoryview(header))
        if got < len(_MAGIC) or header[: len(_MAGIC)] != _MAGIC:
            raise PayloadError("not a vault blob")
        if got < len(_HEADER) or header[len(_MAGIC)] != _VERSION:
            raise PayloadError("unsupported vault blob format version")
        super().__init__(fh, file_key, suite=VAULT_BLOB)
        self._fh = fh

    def close(self) -> None:
        try:
            self._fh.close()
        finally:
            super().close()


def _size_of(src: BinaryIO) -> int | None:
    """Plaintext size if ``src`` is a regular file (for progress), else None."""
    try:
        st = os.fstat(src.fileno())
        pos = src.tell()
    except (OSError, AttributeError, io.UnsupportedOperation):
        return None
    return max(st.st_size - pos, 0) if stat.S_ISREG(st.st_mode) else None
