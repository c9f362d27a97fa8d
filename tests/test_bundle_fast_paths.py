"""The fast paths of bundle export and import keep every result exact.

Recycled buffers in the background hasher, the payload reader's one-copy reads, blobs
written without a hash, blob writes on worker threads, and the import's records: the
bundle file's and the exhibit's hashes are no longer computed (custody names the signed
tag manifest's hash instead).
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from bundle_support import Pair, open_pair, snapshot
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto.errors import CancelledError, PayloadError
from crypto.hashing import BackgroundHasher
from crypto.stream import CHUNK_SIZE, PayloadReader, PayloadWriter
from evidence_app import bundle, records


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with open_pair(tmp_path) as p:
        yield p


@settings(max_examples=25, deadline=None)
@given(parts=st.lists(st.tuples(st.sampled_from(["bytes", "bytearray", "view"]),
                                st.integers(0, (1 << 20) + 4096), st.integers(0, 255)), max_size=8))
def test_background_hasher_mixed_inputs_match_hashlib(parts: list[tuple[str, int, int]]
                                                      ) -> None:
    reused = bytearray((1 << 20) + 4096)
    expected = hashlib.sha256()
    with BackgroundHasher() as hasher:
        for kind, size, fill in parts:
            data = bytes([fill]) * size
            expected.update(data)
            if kind == "bytes":
                hasher.update(data)
            elif kind == "bytearray":
                hasher.update(bytearray(data))
            else:
                reused[:size] = data
                hasher.update(memoryview(reused)[:size])
                reused[:size] = bytes(size)  # overwritten at once: the hasher kept a copy
        assert hasher.hexdigest() == expected.hexdigest()


def _payload(data: bytes, key: bytes) -> io.BytesIO:
    out = io.BytesIO()
    with PayloadWriter(out, key) as writer:
        writer.write(data)
    out.seek(0)
    return out


def test_payload_reader_read_is_exact_and_buffered_reads_are_whole() -> None:
    key = os.urandom(32)
    data = os.urandom(3 * (1 << 20) + 12345)
    reader = PayloadReader(_payload(data, key), key)
    got = [reader.read(1000)]
    assert len(got[0]) == 1000
    while True:
        want = reader.buffered or CHUNK_SIZE
        piece = reader.read(want)
        if not piece:
            break
        assert len(piece) == want or reader.buffered == 0
        got.append(piece)
    assert b"".join(got) == data
    assert reader.read(10) == b""
    assert PayloadReader(_payload(data, key), key).read() == data


def test_payload_reader_read_refuses_damage() -> None:
    key = os.urandom(32)
    damaged = bytearray(_payload(os.urandom(200_000), key).getvalue())
    damaged[-5] ^= 1
    reader = PayloadReader(io.BytesIO(bytes(damaged)), key)
    with pytest.raises(PayloadError):
        while reader.read(1 << 16):
            pass


def test_blob_written_without_hash_round_trips(pair: Pair) -> None:
    data = os.urandom(2 * (1 << 20) + 7)
    ref = pair.bob.blobs.write(io.BytesIO(data), hash=False)
    assert ref.sha256 == "" and ref.size == len(data)
    with pair.bob.blobs.open(ref.blob_id, ref.key) as fh:
        assert fh.read() == data
    hashed = pair.bob.blobs.write(io.BytesIO(data))
    assert hashed.sha256 == hashlib.sha256(data).hexdigest()


def test_custody_names_the_tag_manifest_not_file_hashes(pair: Pair, tmp_path: Path) -> None:
    out = tmp_path / "out.age"
    res = bundle.export_bundle(pair.alice, [pair.tid], [pair.bob_at_alice], out)
    exported = records.custody_events(pair.alice, "vault")[-1]
    assert exported["action"] == "exported"
    assert exported["object_sha256"] == res.tagmanifest_sha256
    assert "file_sha256" not in exported["details"]
    bundle.import_bundle(pair.bob, out)
    imported = records.custody_events(pair.bob, "vault")[-1]
    assert imported["action"] == "imported"
    assert imported["object_sha256"] == res.tagmanifest_sha256
    assert imported["details"]["tagmanifest_sha256"] == res.tagmanifest_sha256
    for vault in (pair.alice, pair.bob):
        row = vault.db.execute("SELECT file_sha256 FROM bundles WHERE id = ?",
                               (res.bundle_id,)).fetchone()
        assert row == (None,)
    # The file hash is still there on request (one more pass over the file).
    assert res.file_sha256 == hashlib.sha256(out.read_bytes()).hexdigest()


def test_import_stopped_while_storing_an_original_leaves_nothing(
        pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cancel seen by the worker thread writing an original stops the import."""
    out = tmp_path / "out.age"
    bundle.export_bundle(pair.alice, [pair.tid], [pair.bob_at_alice], out)
    before = snapshot(pair.bob)
    real_write = pair.bob.blobs.write
    calls = 0

    def cancel() -> bool:
        return calls >= 2  # the exhibit and the first original have started

    def counting_write(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        return real_write(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pair.bob.blobs, "write", counting_write)
    with pytest.raises(CancelledError):
        bundle.import_bundle(pair.bob, out, cancel=cancel)
    assert calls >= 2
    assert snapshot(pair.bob) == before
    assert list(pair.bob.blobs.tmp_dir.iterdir()) == []
