"""The import's blob paths: an original is read on the caller's thread, written by the
blob store on that same thread and hashed by a second one from the same recycled
buffers; the rest of a bundle goes through a pipe to a writer thread. Hashes and bytes are
exact, errors reach the caller, and nothing is left behind."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from bundle_support import Pair, open_pair

from crypto.errors import CancelledError
from crypto.stream import PayloadReader, PayloadWriter
from evidence_app import bundle
from evidence_app.bundle_errors import UnsafeArchiveError
from evidence_app.safetar import MemberReader


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with open_pair(tmp_path) as p:
        yield p


def _plain(data: bytes) -> PayloadReader:
    """A decrypting reader over ``data`` (as the import has), for ``buffered``."""
    key = os.urandom(32)
    out = io.BytesIO()
    with PayloadWriter(out, key) as writer:
        writer.write(data)
    out.seek(0)
    return PayloadReader(out, key)


@pytest.mark.parametrize("size", [0, 1, 70_000, (1 << 20) + 5, 5 * (1 << 20) + 3])
def test_original_is_stored_and_hashed_exactly(pair: Pair, size: int) -> None:
    data = os.urandom(size) + b"tail"
    plain = _plain(data)
    ref = bundle._store_original(pair.bob, MemberReader(plain, size), size, plain, None)
    assert ref.size == size
    assert ref.sha256 == hashlib.sha256(data[:size]).hexdigest()
    with pair.bob.blobs.open(ref.blob_id, ref.key) as fh:
        assert fh.read() == data[:size]
    assert plain.read() == b"tail"  # not one byte more was taken


def test_an_original_ending_early_or_cancelled_leaves_no_blob(pair: Pair) -> None:
    data = os.urandom(3 << 20)
    plain = _plain(data)
    before = set(pair.bob.blobs.ids())
    with pytest.raises(UnsafeArchiveError):
        bundle._store_original(pair.bob, MemberReader(plain, len(data)), len(data) + 1,
                               plain, None)
    plain = _plain(data)
    with pytest.raises(CancelledError):
        bundle._store_original(pair.bob, MemberReader(plain, len(data)), len(data), plain,
                               lambda: True)
    assert set(pair.bob.blobs.ids()) == before
    assert list(pair.bob.blobs.tmp_dir.iterdir()) == []


def test_pipe_writes_every_kind_of_block(pair: Pair) -> None:
    parts = [os.urandom(n) for n in (1, 70_000, 3 << 20, 5)]
    pipe = bundle._BlobPipe(pair.bob, None, name="test")
    try:
        pipe.put(parts[0])                          # bytes, queued as they are
        pipe.put(memoryview(bytearray(parts[1])))   # copied into a recycled buffer
        pipe.put(memoryview(parts[2]))              # bigger than a recycled buffer
        pipe.put(parts[3])
        ref = pipe.finish()
    finally:
        pipe.abort()
    with pair.bob.blobs.open(ref.blob_id, ref.key) as fh:
        assert fh.read() == b"".join(parts)


def test_a_failing_pipe_writer_reaches_the_caller_and_leaves_no_temp_file(pair: Pair) -> None:
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    pipe = bundle._BlobPipe(pair.bob, cancel, name="test")
    block = memoryview(bytearray(1 << 20))
    with pytest.raises(CancelledError):
        try:
            for _ in range(64):  # far more than the pipe holds: put() must not hang
                pipe.put(block)
            pipe.finish()
        finally:
            pipe.abort()
    assert list(pair.bob.blobs.tmp_dir.iterdir()) == []
