"""Streaming SHA-256: file hashing with progress and cancel, background hasher, reader."""

from __future__ import annotations

import gc
import hashlib
import io
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto import hashing
from crypto.errors import CancelledError
from tests.conftest import SAMPLES, require_tool

DATA = bytes(range(256)) * 12_000  # about 3 MiB: several 1 MiB chunks and a partial one


def test_sha256_file_of_path_and_stream(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(DATA)
    expected = hashlib.sha256(DATA).hexdigest()
    assert hashing.sha256_file(path) == expected
    assert hashing.sha256_file(str(path)) == expected
    with path.open("rb") as stream:
        assert hashing.sha256_file(stream) == expected
    assert hashing.sha256_file(io.BytesIO(b"")) == hashlib.sha256(b"").hexdigest()


def test_sha256_file_reports_progress() -> None:
    seen: list[int] = []
    hashing.sha256_file(io.BytesIO(DATA), progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == len(DATA) and len(seen) == 3


def test_sha256_file_cancels() -> None:
    calls = 0

    def cancel_after_two() -> bool:
        nonlocal calls
        calls += 1
        return calls > 2

    with pytest.raises(CancelledError):
        hashing.sha256_file(io.BytesIO(DATA), cancel=cancel_after_two)
    assert calls == 3


@pytest.mark.interop
def test_sha256_file_matches_sha256sum_on_sample_photos() -> None:
    sha256sum = require_tool("sha256sum")
    photos = sorted(p for p in (SAMPLES / "photos").iterdir() if p.is_file())
    assert photos
    for photo in photos:
        output = subprocess.run(
            [sha256sum, str(photo)], check=True, capture_output=True, text=True
        ).stdout
        assert hashing.sha256_file(photo) == output.split()[0]


@settings(max_examples=50, deadline=None)
@given(chunks=st.lists(st.binary(max_size=3000), max_size=30))
def test_background_hasher_matches_hashlib(chunks: list[bytes]) -> None:
    with hashing.BackgroundHasher() as hasher:
        for chunk in chunks:
            hasher.update(chunk)
        assert hasher.hexdigest() == hashlib.sha256(b"".join(chunks)).hexdigest()


def test_background_hasher_copies_reused_buffers() -> None:
    buffer = bytearray(b"a" * (1 << 20))
    with hashing.BackgroundHasher() as hasher:
        for fill in (b"a", b"b", b"c", b"d"):
            buffer[:] = fill * len(buffer)
            hasher.update(memoryview(buffer))
        expected = hashlib.sha256(b"".join(f * (1 << 20) for f in (b"a", b"b", b"c", b"d")))
        assert hasher.digest() == expected.digest()
        assert hasher.hexdigest() == expected.hexdigest()  # idempotent


def test_background_hasher_big_input_and_other_algorithm() -> None:
    hasher = hashing.BackgroundHasher("sha512")
    for _ in range(40):  # 40 x 256 KiB = 10 MiB through a queue that holds about 8 MiB
        hasher.update(DATA[: 1 << 18])
    assert hasher.hexdigest() == hashlib.sha512(DATA[: 1 << 18] * 40).hexdigest()


def test_background_hasher_refuses_use_after_finish() -> None:
    hasher = hashing.BackgroundHasher()
    hasher.hexdigest()
    with pytest.raises(ValueError):
        hasher.update(b"x")
    closed = hashing.BackgroundHasher()
    closed.update(b"x")
    closed.close()
    with pytest.raises(ValueError):
        closed.hexdigest()


def _hasher_threads() -> int:
    return sum(1 for t in threading.enumerate() if t.name == "hasher")


def test_workers_stop_on_close_and_when_abandoned() -> None:
    before = _hasher_threads()
    hasher = hashing.BackgroundHasher()
    hasher.update(b"x")
    worker = hasher._worker
    hasher.close()
    assert not worker.is_alive()

    abandoned = hashing.BackgroundHasher()
    abandoned.update(b"x" * (2 << 20))
    worker = abandoned._worker
    del abandoned
    gc.collect()
    worker.join(timeout=30)  # a safety net only: the finalizer sends the stop marker
    assert not worker.is_alive()
    assert _hasher_threads() == before


def test_hashing_reader_hashes_what_is_read() -> None:
    src = io.BytesIO(DATA)
    sink = io.BytesIO()
    with hashing.HashingReader(src) as reader:
        assert reader.readable()
        assert reader.read(10) == DATA[:10]
        shutil.copyfileobj(reader, sink, 65536)
        assert reader.bytes_read == len(DATA)
        assert reader.hexdigest() == hashlib.sha256(DATA).hexdigest()
        assert reader.closed
        with pytest.raises(ValueError):
            reader.read(1)
    assert sink.getvalue() == DATA[10:]
    assert not src.closed  # the caller owns the source


def test_hashing_reader_digest_covers_only_bytes_read() -> None:
    reader = hashing.HashingReader(io.BytesIO(DATA))
    reader.read(1000)
    reader.read(0)
    assert reader.hexdigest() == hashlib.sha256(DATA[:1000]).hexdigest()


def test_hashing_reader_read_all_and_readinto() -> None:
    reader = hashing.HashingReader(io.BytesIO(b"hello world"))
    buffer = bytearray(5)
    assert reader.readinto(buffer) == 5 and buffer == b"hello"
    assert reader.read() == b" world"
    assert reader.hexdigest() == hashlib.sha256(b"hello world").hexdigest()
