"""Blob files: the versioned header, the AES-256-GCM suite, and both write paths
(files read straight into the chunk buffer, pipes handing over blocks)."""

from __future__ import annotations

import hashlib
import io
import os
import secrets
from pathlib import Path

import pytest

from crypto.errors import PayloadError
from crypto.stream import AGE_PAYLOAD, VAULT_BLOB, encrypt_payload
from evidence_app.blobstore import BlobStore

CHUNK = VAULT_BLOB.chunk_size
SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 5 * CHUNK + 3]


@pytest.fixture
def store(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs", tmp_path / "tmp", secrets.token_bytes(32))


class _Pipe:
    """A source with read() only (like the import's pipes), handing out odd-sized pieces."""

    def __init__(self, data: bytes) -> None:
        self._src = io.BytesIO(data)

    def read(self, n: int = -1) -> memoryview:
        return memoryview(self._src.read(min(n, 300_001) if n > 0 else 300_001))


def _path(root: Path, blob_id: str) -> Path:
    return root / "blobs" / blob_id[:2] / blob_id


def _read(store: BlobStore, blob_id: str, key: bytes) -> bytes:
    with store.open(blob_id, key) as fh:
        return fh.read()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("source", ["file", "pipe"])
def test_round_trip_both_write_paths(store: BlobStore, tmp_path: Path, size: int,
                                     source: str) -> None:
    data = os.urandom(size)
    src = io.BytesIO(data) if source == "file" else _Pipe(data)
    ref = store.write(src)  # type: ignore[arg-type]
    assert ref.size == size and ref.sha256 == hashlib.sha256(data).hexdigest()
    raw = _path(tmp_path, ref.blob_id).read_bytes()
    assert raw[:4] == b"EVB\x01"
    assert len(raw) == 4 + 16 + size + 16 * max(1, -(-size // CHUNK))
    assert _read(store, ref.blob_id, ref.key) == data


def test_real_file_round_trip(store: BlobStore, tmp_path: Path) -> None:
    data = os.urandom(3 * CHUNK)
    (tmp_path / "in.bin").write_bytes(data)
    with open(tmp_path / "in.bin", "rb") as fh:
        ref = store.write(fh)
    assert _read(store, ref.blob_id, ref.key) == data


@pytest.mark.parametrize(("header", "message"), [
    (b"EVB\x02", "unsupported"), (b"EVB\x00", "unsupported"), (b"EVB\xff", "unsupported"),
    (b"EVC\x01", "not a vault blob"), (b"", "not a vault blob"), (b"EV", "not a vault blob"),
])
def test_unknown_version_or_magic_is_refused(store: BlobStore, tmp_path: Path, header: bytes,
                                              message: str) -> None:
    ref = store.write(io.BytesIO(b"testimony" * 1000))
    path = _path(tmp_path, ref.blob_id)
    path.write_bytes(header + path.read_bytes()[4:] if header else b"")
    if header == b"EV":
        path.write_bytes(b"EV")
    with pytest.raises(PayloadError, match=message):
        _read(store, ref.blob_id, ref.key)


def test_header_only_is_refused(store: BlobStore, tmp_path: Path) -> None:
    ref = store.write(io.BytesIO(b"x"))
    _path(tmp_path, ref.blob_id).write_bytes(b"EVB\x01")
    with pytest.raises(PayloadError):
        _read(store, ref.blob_id, ref.key)


def test_age_suite_payload_under_the_blob_header_is_refused(store: BlobStore,
                                                            tmp_path: Path) -> None:
    """Same key, same header, but the payload of the other suite: it never decrypts."""
    ref = store.write(io.BytesIO(b"original"))
    file_key = store._file_key(ref.blob_id, ref.key)
    age_payload = io.BytesIO()
    encrypt_payload(io.BytesIO(b"original"), age_payload, file_key, suite=AGE_PAYLOAD)
    _path(tmp_path, ref.blob_id).write_bytes(b"EVB\x01" + age_payload.getvalue())
    with pytest.raises(PayloadError):
        _read(store, ref.blob_id, ref.key)
