"""The export's fast paths: in-place decryption, a big file read and hashed on a worker
thread while it is encrypted, blocks handed to a write-behind thread without a copy, and
the intake-hash check on a file big enough to use them."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from bundle_support import Pair, open_pair

from crypto.errors import CancelledError, PayloadError
from crypto.stream import ENC_CHUNK_SIZE, PayloadReader, PayloadWriter, WriteBehind, encrypt_payload
from evidence_app import bundle, records
from evidence_app.bag import BACKGROUND_MIN, BagWriter
from evidence_app.bundle_errors import BagInvalidError, IntegrityError


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with open_pair(tmp_path) as p:
        yield p


def _payload(data: bytes, key: bytes) -> bytes:
    out = io.BytesIO()
    with PayloadWriter(out, key) as writer:
        writer.write(data)
    return out.getvalue()


def _read_in_blocks(reader: PayloadReader, size: int) -> bytes:
    buf = bytearray(size)
    got = []
    while n := reader.readinto(buf):
        got.append(bytes(buf[:n]))
    return b"".join(got)


@pytest.mark.parametrize("block", [1 << 20, (1 << 20) + 1, 4 << 20, 1000])
def test_readinto_of_whole_blocks_decrypts_in_place_and_exactly(block: int) -> None:
    key = os.urandom(32)
    data = os.urandom(3 * (1 << 20) + 777)
    reader = PayloadReader(io.BytesIO(_payload(data, key)), key)
    assert reader.read(5) == data[:5]  # a buffered remainder is served before in-place reads
    assert reader.read(5) + _read_in_blocks(reader, block) == data[5:]


def test_readinto_in_place_releases_verified_chunks_then_refuses_damage() -> None:
    key = os.urandom(32)
    data = os.urandom(2 * (1 << 20))
    damaged = bytearray(_payload(data, key))
    damaged[16 + 16 * ENC_CHUNK_SIZE + 100] ^= 1  # the 17th chunk: first of the second block
    reader = PayloadReader(io.BytesIO(bytes(damaged)), key)
    buf = bytearray(1 << 20)
    assert reader.readinto(buf) == 1 << 20 and bytes(buf) == data[: 1 << 20]
    with pytest.raises(PayloadError):
        reader.readinto(buf)


class _Source:
    """A source with readinto only (as the blob store's reader)."""

    def __init__(self, data: bytes) -> None:
        self._src = io.BytesIO(data)

    def readinto(self, buf: memoryview) -> int:
        return self._src.readinto(buf)


def test_big_file_is_hashed_on_the_reading_thread_exactly() -> None:
    data = os.urandom(BACKGROUND_MIN + 12345)
    out = io.BytesIO()
    done: list[int] = []
    writer = BagWriter(out, "bag-x", 0)
    sha = writer.add_file("big", _Source(data), len(data), progress=done.append)
    assert sha == hashlib.sha256(data).hexdigest() and sum(done) == len(data)
    assert data in out.getvalue()


def test_big_file_ending_early_or_cancelled_stops() -> None:
    data = os.urandom(BACKGROUND_MIN + 1)
    with pytest.raises(BagInvalidError, match="ended early"):
        BagWriter(io.BytesIO(), "bag-x", 0).add_file("big", _Source(data), len(data) + 1)
    with pytest.raises(CancelledError):
        BagWriter(io.BytesIO(), "bag-x", 0).add_file("big", _Source(data), len(data),
                                                     cancel=lambda: True)


def test_write_behind_swap_writes_every_block_in_order() -> None:
    out = io.BytesIO()
    blocks = [os.urandom(1 << 16) for _ in range(20)]
    with WriteBehind(out, depth=2) as behind:
        buf = bytearray(1 << 16)
        for block in blocks:
            buf[:] = block
            buf = behind.swap(buf, len(block) - 7)
            assert len(buf) >= 1 << 16
    assert out.getvalue() == b"".join(b[:-7] for b in blocks)


def test_encrypt_payload_through_write_behind_round_trips() -> None:
    key = os.urandom(32)
    data = os.urandom(5 * (1 << 20) + 3)
    out = io.BytesIO()
    assert encrypt_payload(io.BytesIO(data), out, key) == len(data)
    reader = PayloadReader(io.BytesIO(out.getvalue()), key)
    assert _read_in_blocks(reader, 1 << 20) == data


def _big_testimony(pair: Pair, tmp_path: Path) -> tuple[str, bytes]:
    data = os.urandom(BACKGROUND_MIN + (1 << 20) + 4321)  # hashed on the background thread
    src = tmp_path / "big.bin"
    src.write_bytes(data)
    return records.add_testimony(pair.alice, {"title": "big"}, [src]), data


def test_big_original_exports_and_imports_bit_exact(pair: Pair, tmp_path: Path) -> None:
    tid, data = _big_testimony(pair, tmp_path)
    out = tmp_path / "big.age"
    bundle.export_bundle(pair.alice, [tid], [pair.bob_at_alice], out)
    assert bundle.import_bundle(pair.bob, out).status == "imported"
    (att,) = records.get_testimony(pair.bob, tid)["attachments"]
    with records.open_attachment(pair.bob, att["id"]) as fh:
        assert fh.read() == data


def test_big_original_not_matching_its_intake_hash_stops_export(pair: Pair,
                                                                 tmp_path: Path) -> None:
    tid, data = _big_testimony(pair, tmp_path)
    (att,) = records.get_testimony(pair.alice, tid)["attachments"]
    changed = bytearray(data)
    changed[-1] ^= 1  # same size, one bit off, in the last block
    other = pair.alice.blobs.write(io.BytesIO(bytes(changed)))
    with pair.alice.transaction() as conn:
        conn.execute("UPDATE attachments SET blob_id = ?, blob_key = ? WHERE id = ?",
                     (other.blob_id, other.key, att["id"]))
    out = tmp_path / "big.age"
    with pytest.raises(IntegrityError, match=att["id"]):
        bundle.export_bundle(pair.alice, [tid], [pair.bob_at_alice], out)
    assert not out.exists() and list(tmp_path.glob(".*.tmp")) == []
