"""The import's blob pipe: blocks handed over by the caller are written by one worker and
hashed by another from the same recycled buffers; errors reach the caller, nothing is
left behind, and every buffer comes back to the free list."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from bundle_support import Pair, open_pair

from crypto.errors import CancelledError
from evidence_app import bundle
from evidence_app.safetar import MemberReader


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with open_pair(tmp_path) as p:
        yield p


@pytest.mark.parametrize("hashed", [True, False])
def test_pipe_writes_and_hashes_every_kind_of_block(pair: Pair, hashed: bool) -> None:
    vault = pair.bob
    parts = [os.urandom(n) for n in (1, 70_000, 1 << 20, 3 << 20, 5)]
    pipe = bundle._BlobPipe(vault, None, hash=hashed, name="test")
    try:
        pipe.put(parts[0])                       # bytes, queued as they are
        pipe.put(memoryview(bytearray(parts[1])))  # copied into a recycled buffer
        source = io.BytesIO(parts[2] + parts[3])
        reader = MemberReader(source, len(parts[2]) + len(parts[3]))
        while pipe.put_from(reader, 1 << 20):      # read straight into recycled buffers
            pass
        pipe.put(parts[4])
        ref = pipe.finish()
    finally:
        pipe.abort()
    whole = b"".join(parts)
    assert ref.size == len(whole)
    assert ref.sha256 == (hashlib.sha256(whole).hexdigest() if hashed else "")
    with vault.blobs.open(ref.blob_id, ref.key) as fh:
        assert fh.read() == whole
    # every recycled buffer is free again (none kept by a thread that finished with it)
    assert pipe._free.qsize() >= bundle._PIPE_DEPTH and not pipe._users


def test_a_failing_writer_reaches_the_caller_and_leaves_no_temp_file(pair: Pair) -> None:
    vault = pair.bob
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    pipe = bundle._BlobPipe(vault, cancel, hash=True, name="test")
    block = memoryview(bytearray(1 << 20))
    with pytest.raises(CancelledError):
        try:
            for _ in range(64):  # far more than the pipe holds: put() must not hang
                pipe.put(block)
            pipe.finish()
        finally:
            pipe.abort()
    assert list(vault.blobs.tmp_dir.iterdir()) == []
