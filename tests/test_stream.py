"""STREAM payload layer: round trips at chunk/block edges, exact format, damage detection."""

from __future__ import annotations

import io
import os
import threading

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crypto.errors import CancelledError, PayloadError
from crypto.stream import (
    BLOCK_CHUNKS,
    CHUNK_SIZE,
    ENC_CHUNK_SIZE,
    NONCE_SIZE,
    PayloadReader,
    PayloadWriter,
    decrypt_payload,
    encrypt_payload,
)

KEY16 = bytes(range(16))
KEY32 = bytes(range(32))
BLOCK = BLOCK_CHUNKS * CHUNK_SIZE
TAG = 16
SIZES = [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, BLOCK - 1, BLOCK,
         BLOCK + 1, BLOCK + CHUNK_SIZE, 2 * BLOCK + 12345]


def reference_payload(plain: bytes, key: bytes, nonce: bytes) -> bytes:
    """The spec, written as plainly as possible, to check our block-wise writer against."""
    k = HKDF(algorithm=hashes.SHA256(), length=32, salt=nonce, info=b"payload").derive(key)
    aead = ChaCha20Poly1305(k)
    chunks = [plain[i : i + CHUNK_SIZE] for i in range(0, len(plain), CHUNK_SIZE)] or [b""]
    out = [nonce]
    for i, chunk in enumerate(chunks):
        flag = b"\x01" if i == len(chunks) - 1 else b"\x00"
        out.append(aead.encrypt(i.to_bytes(11, "big") + flag, chunk, None))
    return b"".join(out)


def encrypt(plain: bytes, key: bytes = KEY16) -> bytes:
    dst = io.BytesIO()
    assert encrypt_payload(io.BytesIO(plain), dst, key) == len(plain)
    return dst.getvalue()


def decrypt(ct: bytes, key: bytes = KEY16) -> bytes:
    dst = io.BytesIO()
    n = decrypt_payload(io.BytesIO(ct), dst, key)
    assert n == len(dst.getvalue())
    return dst.getvalue()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("key", [KEY16, KEY32], ids=["key16", "key32"])
def test_round_trip_matches_reference(size: int, key: bytes) -> None:
    plain = os.urandom(size)
    ct = encrypt(plain, key)
    assert ct == reference_payload(plain, key, ct[:NONCE_SIZE])
    assert decrypt(ct, key) == plain


def test_writer_with_small_and_large_writes_matches_reference() -> None:
    plain = os.urandom(3 * BLOCK + 777)
    nonce = os.urandom(NONCE_SIZE)
    dst = io.BytesIO()
    with PayloadWriter(dst, KEY32, nonce=nonce) as w:
        w.write(plain[:5])
        w.write(plain[5 : CHUNK_SIZE + 3])
        w.write(memoryview(plain)[CHUNK_SIZE + 3 :])
    assert dst.getvalue() == reference_payload(plain, KEY32, nonce)


def test_reader_read_sizes_and_one_byte_source() -> None:
    class Trickle(io.RawIOBase):
        """A source that returns one byte per call, like a slow pipe."""

        def __init__(self, data: bytes) -> None:
            self.data, self.pos = data, 0

        def readable(self) -> bool:
            return True

        def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
            if self.pos >= len(self.data) or not len(b):
                return 0
            b[0] = self.data[self.pos]
            self.pos += 1
            return 1

    plain = os.urandom(2 * CHUNK_SIZE + 5)
    r = PayloadReader(Trickle(encrypt(plain)), KEY16)
    got = r.read(7) + r.read(CHUNK_SIZE) + r.read()
    assert got == plain
    assert r.read(10) == b""


def test_wrong_key_fails() -> None:
    with pytest.raises(PayloadError):
        decrypt(encrypt(b"hello"), bytes(16))


@pytest.mark.parametrize("size", [0, 10, CHUNK_SIZE, 2 * CHUNK_SIZE + 1, BLOCK])
def test_every_truncation_point_at_chunk_edges_fails(size: int) -> None:
    ct = encrypt(os.urandom(size))
    cuts = {0, NONCE_SIZE - 1, NONCE_SIZE, NONCE_SIZE + 1, len(ct) - 1, len(ct) - TAG}
    cuts |= {NONCE_SIZE + k * ENC_CHUNK_SIZE for k in range(1, size // CHUNK_SIZE + 1)}
    for cut in sorted(c for c in cuts if 0 <= c < len(ct)):
        with pytest.raises(PayloadError):
            decrypt(ct[:cut])


def test_truncated_before_final_chunk_releases_only_verified_chunks() -> None:
    plain = os.urandom(3 * CHUNK_SIZE)
    ct = encrypt(plain)
    r = PayloadReader(io.BytesIO(ct[: NONCE_SIZE + 2 * ENC_CHUNK_SIZE]), KEY16)
    got = bytearray()
    with pytest.raises(PayloadError):
        while chunk := r.read(1000):
            got += chunk
    assert bytes(got) == plain[: 2 * CHUNK_SIZE]


@pytest.mark.parametrize("extra", [b"\x00", os.urandom(TAG), os.urandom(ENC_CHUNK_SIZE + 3)],
                         ids=["byte", "tag", "chunk"])
@pytest.mark.parametrize("size", [5, CHUNK_SIZE, BLOCK])
def test_trailing_data_fails(size: int, extra: bytes) -> None:
    with pytest.raises(PayloadError):
        decrypt(encrypt(os.urandom(size)) + extra)


def test_empty_final_chunk_after_full_chunk_is_rejected() -> None:
    # Built by hand: a non-final full chunk, then an empty final chunk (spec: MUST NOT).
    nonce = os.urandom(NONCE_SIZE)
    k = HKDF(algorithm=hashes.SHA256(), length=32, salt=nonce, info=b"payload").derive(KEY16)
    aead = ChaCha20Poly1305(k)
    ct = nonce + aead.encrypt(bytes(11) + b"\x00", bytes(CHUNK_SIZE), None)
    ct += aead.encrypt((1).to_bytes(11, "big") + b"\x01", b"", None)
    with pytest.raises(PayloadError):
        decrypt(ct)


def test_bit_flip_in_any_chunk_fails() -> None:
    ct = bytearray(encrypt(os.urandom(2 * CHUNK_SIZE + 100)))
    for pos in (NONCE_SIZE - 1, NONCE_SIZE + 3, NONCE_SIZE + ENC_CHUNK_SIZE + 9, len(ct) - 1):
        bad = bytearray(ct)
        bad[pos] ^= 0x40
        with pytest.raises(PayloadError):
            decrypt(bytes(bad))


def test_progress_and_cancel() -> None:
    seen: list[int] = []
    plain = os.urandom(2 * BLOCK + 3)
    dst = io.BytesIO()
    encrypt_payload(io.BytesIO(plain), dst, KEY16, progress=seen.append)
    assert seen[-1] == len(plain) and seen == sorted(seen)
    seen.clear()
    out = io.BytesIO()
    decrypt_payload(io.BytesIO(dst.getvalue()), out, KEY16, progress=seen.append)
    assert seen[-1] == len(plain)
    with pytest.raises(CancelledError):
        encrypt_payload(io.BytesIO(plain), io.BytesIO(), KEY16, cancel=lambda: True)
    with pytest.raises(CancelledError):
        decrypt_payload(io.BytesIO(dst.getvalue()), io.BytesIO(), KEY16, cancel=lambda: True)


def test_writer_aborted_by_exception_leaves_undecryptable_output() -> None:
    dst = io.BytesIO()
    with pytest.raises(RuntimeError), PayloadWriter(dst, KEY16) as w:
        w.write(os.urandom(CHUNK_SIZE * 2))
        raise RuntimeError("boom")
    assert w.closed
    with pytest.raises(PayloadError):
        decrypt(dst.getvalue())
    with pytest.raises(ValueError):
        w.write(b"x")


def test_bad_key_length_rejected() -> None:
    with pytest.raises(ValueError):
        PayloadWriter(io.BytesIO(), b"short")


class Broken(io.RawIOBase):
    """A file that fails after ``limit`` bytes, like a full disk or a pulled USB stick."""

    def __init__(self, data: bytes = b"", limit: int = 0) -> None:
        self.data, self.limit, self.pos = data, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        if self.pos >= self.limit:
            raise OSError("read failed")
        n = min(len(b), self.limit - self.pos, len(self.data) - self.pos)
        b[:n] = self.data[self.pos : self.pos + n]
        self.pos += n
        return n

    def write(self, b) -> int:  # type: ignore[no-untyped-def]
        self.pos += len(b)
        if self.pos > self.limit:
            raise OSError("write failed")
        return len(b)


def _pipeline_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name in {"read-ahead", "write-behind"}]


@pytest.mark.parametrize("where", ["read", "write"])
@pytest.mark.parametrize("op", ["encrypt", "decrypt"])
def test_io_errors_propagate_and_threads_end(op: str, where: str) -> None:
    plain = os.urandom(3 * BLOCK)
    data = plain if op == "encrypt" else encrypt(plain)
    src: io.RawIOBase = Broken(data, BLOCK + 5) if where == "read" else io.BytesIO(data)
    dst: io.RawIOBase = Broken(limit=BLOCK + 5) if where == "write" else io.BytesIO()
    func = encrypt_payload if op == "encrypt" else decrypt_payload
    with pytest.raises(OSError, match=f"{where} failed"):
        func(src, dst, KEY16)  # type: ignore[arg-type]
    assert _pipeline_threads() == []


def test_threads_end_after_payload_error() -> None:
    ct = encrypt(os.urandom(5 * BLOCK))
    with pytest.raises(PayloadError):
        decrypt(ct[: NONCE_SIZE + ENC_CHUNK_SIZE] + b"x" * (5 * BLOCK))
    assert _pipeline_threads() == []
