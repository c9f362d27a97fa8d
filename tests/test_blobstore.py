"""The encrypted blob store: random names, one key per blob, atomic, authenticated reads."""

from __future__ import annotations

import hashlib
import io
import os
import secrets
import stat
from pathlib import Path

import pytest

from crypto.errors import CancelledError, PayloadError
from evidence_app.blobstore import BlobStore, MissingBlobError, clean_tmp
from evidence_app.db import VaultDamagedError, VaultLockedError

SAMPLES = Path(__file__).parent / "samples" / "photos"


@pytest.fixture
def store(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs", tmp_path / "tmp", secrets.token_bytes(32))


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("size", [0, 1, 64 * 1024, 64 * 1024 + 1, 3 * 1024 * 1024 + 17])
def test_round_trip_size_and_hash(store: BlobStore, size: int) -> None:
    data = secrets.token_bytes(size)
    ref = store.write(io.BytesIO(data))
    assert ref.size == size
    assert ref.sha256 == hashlib.sha256(data).hexdigest()
    assert len(ref.key) == 32
    with store.open(ref.blob_id, ref.key) as fh:
        assert fh.read() == data


def test_real_photo_round_trip(store: BlobStore) -> None:
    photo = sorted(SAMPLES.iterdir())[0]
    with open(photo, "rb") as src:
        ref = store.write(src)
    assert ref.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    with store.open(ref.blob_id, ref.key) as fh:
        assert fh.read() == photo.read_bytes()


def test_layout_random_names_sharded_private(store: BlobStore, tmp_path: Path) -> None:
    data = b"same content"
    a = store.write(io.BytesIO(data))
    b = store.write(io.BytesIO(data))
    assert a.blob_id != b.blob_id and a.key != b.key
    assert hashlib.sha256(data).hexdigest() not in {a.blob_id, b.blob_id}
    path = tmp_path / "blobs" / a.blob_id[:2] / a.blob_id
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "blobs").stat().st_mode) == 0o700
    # Same plaintext, different ciphertext; no plaintext on disk; nothing left in tmp/.
    assert path.read_bytes() != (tmp_path / "blobs" / b.blob_id[:2] / b.blob_id).read_bytes()
    assert data not in path.read_bytes()
    assert _files(tmp_path / "tmp") == []
    assert sorted(store.ids()) == sorted([a.blob_id, b.blob_id])


def test_progress_reports_total_for_real_files(store: BlobStore, tmp_path: Path) -> None:
    src = tmp_path / "in.bin"
    src.write_bytes(secrets.token_bytes(2 * 1024 * 1024 + 5))
    seen: list[tuple[int, int | None]] = []
    with open(src, "rb") as fh:
        store.write(fh, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (src.stat().st_size, src.stat().st_size)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    stream_seen: list[tuple[int, int | None]] = []
    store.write(io.BytesIO(b"abc"), progress=lambda d, t: stream_seen.append((d, t)))
    assert stream_seen == [(3, None)]


def test_cancel_leaves_nothing_behind(store: BlobStore, tmp_path: Path) -> None:
    calls = iter([False, False, True])
    with pytest.raises(CancelledError):
        store.write(io.BytesIO(secrets.token_bytes(5 * 1024 * 1024)), cancel=lambda: next(calls))
    assert _files(tmp_path / "blobs") == []
    assert _files(tmp_path / "tmp") == []


def test_source_error_leaves_nothing_behind(store: BlobStore, tmp_path: Path) -> None:
    class Failing(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def read(self, n: int = -1) -> bytes:
            raise OSError("disk went away")

    with pytest.raises(OSError, match="disk went away"):
        store.write(Failing())  # type: ignore[arg-type]
    assert _files(tmp_path / "blobs") == [] and _files(tmp_path / "tmp") == []


def test_wrong_key_or_store_key_never_releases_plaintext(store: BlobStore, tmp_path: Path) -> None:
    ref = store.write(io.BytesIO(b"secret testimony"))
    with pytest.raises(PayloadError), store.open(ref.blob_id, secrets.token_bytes(32)) as fh:
        fh.read()
    other = BlobStore(tmp_path / "blobs", tmp_path / "tmp", secrets.token_bytes(32))
    with pytest.raises(PayloadError), other.open(ref.blob_id, ref.key) as fh:
        fh.read()


def test_blob_moved_to_another_id_does_not_decrypt(store: BlobStore, tmp_path: Path) -> None:
    ref = store.write(io.BytesIO(b"x" * 1000))
    other_id = secrets.token_hex(16)
    src = tmp_path / "blobs" / ref.blob_id[:2] / ref.blob_id
    dst = tmp_path / "blobs" / other_id[:2] / other_id
    dst.parent.mkdir(exist_ok=True)
    os.replace(src, dst)
    with pytest.raises(PayloadError), store.open(other_id, ref.key) as fh:
        fh.read()


@pytest.mark.parametrize("damage", ["flip", "truncate", "append", "empty"])
def test_damaged_blob_raises_payload_error(store: BlobStore, tmp_path: Path, damage: str) -> None:
    data = secrets.token_bytes(600_000)
    ref = store.write(io.BytesIO(data))
    path = tmp_path / "blobs" / ref.blob_id[:2] / ref.blob_id
    raw = bytearray(path.read_bytes())
    if damage == "flip":
        raw[100_000] ^= 1
    elif damage == "truncate":
        raw = raw[: 4 + 16 + 262144 + 16]  # header, nonce, one full chunk: no final one
    elif damage == "append":
        raw += b"\0"
    else:
        raw = bytearray()
    path.write_bytes(bytes(raw))
    released = bytearray()
    with pytest.raises(PayloadError):
        with store.open(ref.blob_id, ref.key) as fh:
            while chunk := fh.read(4096):
                released += chunk
    # Whatever came out before the error is a verified prefix of the real plaintext.
    assert data.startswith(bytes(released))


def test_missing_and_malformed_ids(store: BlobStore) -> None:
    with pytest.raises(MissingBlobError):
        store.open(secrets.token_hex(16), secrets.token_bytes(32))
    for bad in ["../../etc/passwd", "AB" * 16, "", "0" * 31, "0" * 32 + "/"]:
        with pytest.raises(VaultDamagedError):
            store.open(bad, secrets.token_bytes(32))
        with pytest.raises(VaultDamagedError):
            store.delete(bad)
    ref = store.write(io.BytesIO(b"x"))
    with pytest.raises(VaultDamagedError):
        store.open(ref.blob_id, ref.key[:16])


def test_delete(store: BlobStore) -> None:
    ref = store.write(io.BytesIO(b"gone soon"))
    store.delete(ref.blob_id)
    store.delete(ref.blob_id)  # idempotent
    with pytest.raises(MissingBlobError):
        store.open(ref.blob_id, ref.key)
    assert list(store.ids()) == []


def test_closed_store_refuses_everything(store: BlobStore) -> None:
    ref = store.write(io.BytesIO(b"data"))
    store.close()
    with pytest.raises(VaultLockedError):
        store.open(ref.blob_id, ref.key)
    with pytest.raises(VaultLockedError):
        store.write(io.BytesIO(b"more"))


def test_clean_tmp_removes_stale_temp_files(tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    (tmp / "stale.part").write_bytes(b"half a blob")
    clean_tmp(tmp)
    assert list(tmp.iterdir()) == []
