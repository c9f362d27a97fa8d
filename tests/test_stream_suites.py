"""STREAM suites: the vault's AES-256-GCM blob suite next to age's ChaCha20-Poly1305 payload.

Each test builds or damages payloads by hand, so the suite's exact format and every
last-chunk rule are checked against a plain reference, not against our own writer only.
"""

from __future__ import annotations

import io
import os

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crypto.errors import PayloadError
from crypto.stream import (
    AGE_PAYLOAD,
    NONCE_SIZE,
    VAULT_BLOB,
    PayloadReader,
    PayloadWriter,
    StreamSuite,
    decrypt_payload,
    encrypt_payload,
)

KEY = bytes(range(32))
NONCE = bytes(range(100, 116))
CHUNK = VAULT_BLOB.chunk_size
ENC = VAULT_BLOB.enc_chunk_size
SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 4 * CHUNK + 12345]


def _aead(nonce: bytes = NONCE) -> AESGCM:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=nonce,
               info=b"evidence-vault/v1 blob payload aes-256-gcm").derive(KEY)
    return AESGCM(key)


def _iv(i: int, last: bool) -> bytes:
    return i.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def reference(chunks: list[bytes], last_flags: list[bool] | None = None) -> bytes:
    """A VAULT_BLOB payload of exactly these plaintext chunks (flags default: last only)."""
    flags = last_flags or [i == len(chunks) - 1 for i in range(len(chunks))]
    aead = _aead()
    return NONCE + b"".join(aead.encrypt(_iv(i, f), c, None)
                            for i, (c, f) in enumerate(zip(chunks, flags, strict=True)))


def split(plain: bytes) -> list[bytes]:
    return [plain[i : i + CHUNK] for i in range(0, len(plain), CHUNK)] or [b""]


def read_all(payload: bytes, suite: StreamSuite = VAULT_BLOB) -> bytes:
    reader = PayloadReader(io.BytesIO(payload), KEY, suite=suite)
    out = bytearray()
    while data := reader.read(100_000):
        out += data
    return bytes(out)


def test_suites_differ_where_they_must() -> None:
    assert AGE_PAYLOAD.chunk_size == 64 * 1024 and AGE_PAYLOAD.info == b"payload"
    assert VAULT_BLOB.chunk_size == 256 * 1024 and VAULT_BLOB.aead is AESGCM
    assert VAULT_BLOB.info != AGE_PAYLOAD.info


@pytest.mark.parametrize("size", SIZES)
def test_writer_matches_reference_and_round_trips(size: int) -> None:
    plain = os.urandom(size)
    dst = io.BytesIO()
    with PayloadWriter(dst, KEY, nonce=NONCE, suite=VAULT_BLOB) as writer:
        writer.write(plain[:7])
        writer.write(plain[7:])
    assert dst.getvalue() == reference(split(plain))
    assert read_all(dst.getvalue()) == plain


@pytest.mark.parametrize("size", SIZES)
def test_fill_writes_the_same_payload_as_write(size: int) -> None:
    plain = os.urandom(size)
    dst = io.BytesIO()
    writer = PayloadWriter(dst, KEY, nonce=NONCE, suite=VAULT_BLOB)
    src, seen = io.BytesIO(plain), bytearray()
    while view := writer.fill(src):
        seen += view
    writer.close()
    assert bytes(seen) == plain and writer.bytes_written == size
    assert dst.getvalue() == reference(split(plain))


@pytest.mark.parametrize("size", [0, CHUNK, 3 * CHUNK + 5])
def test_threaded_helpers_round_trip(size: int) -> None:
    plain = os.urandom(size)
    ct = io.BytesIO()
    assert encrypt_payload(io.BytesIO(plain), ct, KEY, suite=VAULT_BLOB) == size
    assert len(ct.getvalue()) == NONCE_SIZE + size + 16 * max(1, -(-size // CHUNK))
    out = io.BytesIO()
    assert decrypt_payload(io.BytesIO(ct.getvalue()), out, KEY, suite=VAULT_BLOB) == size
    assert out.getvalue() == plain


@pytest.mark.parametrize("cut", [0, 5, NONCE_SIZE, NONCE_SIZE + 15, NONCE_SIZE + ENC,
                                 NONCE_SIZE + ENC + 1, NONCE_SIZE + 2 * ENC, -1])
def test_truncation_is_refused(cut: int) -> None:
    payload = reference(split(os.urandom(2 * CHUNK + 100)))
    with pytest.raises(PayloadError):
        read_all(payload[:cut])


@pytest.mark.parametrize("where", [0, NONCE_SIZE - 1, NONCE_SIZE, NONCE_SIZE + CHUNK + 3,
                                   NONCE_SIZE + ENC - 1, NONCE_SIZE + ENC + 7, -1])
def test_bit_flip_is_refused_and_only_verified_chunks_come_out(where: int) -> None:
    plain = os.urandom(2 * CHUNK + 100)
    payload = bytearray(reference(split(plain)))
    payload[where] ^= 0x40
    reader = PayloadReader(io.BytesIO(bytes(payload)), KEY, suite=VAULT_BLOB)
    released = bytearray()
    with pytest.raises(PayloadError):
        while data := reader.read(CHUNK):
            released += data
    assert plain.startswith(bytes(released))
    assert len(released) % CHUNK == 0  # whole verified chunks only, never part of a bad one


def test_appended_data_is_refused() -> None:
    with pytest.raises(PayloadError, match="follows the final"):
        read_all(reference(split(os.urandom(CHUNK))) + b"\0")


def test_full_last_chunk_is_accepted() -> None:
    plain = os.urandom(2 * CHUNK)
    assert read_all(reference([plain[:CHUNK], plain[CHUNK:]])) == plain


def test_empty_last_chunk_after_data_is_refused() -> None:
    with pytest.raises(PayloadError, match="truncated or empty"):
        read_all(reference([os.urandom(CHUNK), b""]))


def test_empty_payload_is_one_empty_last_chunk() -> None:
    assert read_all(reference([b""])) == b""
    with pytest.raises(PayloadError):
        read_all(NONCE)  # no chunk at all


def test_missing_last_flag_is_refused() -> None:
    plain = os.urandom(CHUNK + 10)
    with pytest.raises(PayloadError):
        read_all(reference(split(plain), [False, False]))


def test_last_flag_on_an_inner_chunk_is_refused() -> None:
    with pytest.raises(PayloadError, match="follows the final"):
        read_all(reference([os.urandom(CHUNK), os.urandom(10)], [True, True]))


def test_reordered_chunks_are_refused() -> None:
    a, b, c = os.urandom(CHUNK), os.urandom(CHUNK), os.urandom(5)
    good = reference([a, b, c])
    swapped = good[:NONCE_SIZE] + good[NONCE_SIZE + ENC : NONCE_SIZE + 2 * ENC] + \
        good[NONCE_SIZE : NONCE_SIZE + ENC] + good[NONCE_SIZE + 2 * ENC :]
    with pytest.raises(PayloadError):
        read_all(swapped)


@pytest.mark.parametrize("size", [0, 100, VAULT_BLOB.chunk_size + 1])
@pytest.mark.parametrize(("write_suite", "read_suite"),
                         [(VAULT_BLOB, AGE_PAYLOAD), (AGE_PAYLOAD, VAULT_BLOB)],
                         ids=["blob-read-as-age", "age-read-as-blob"])
def test_a_payload_of_the_other_suite_is_refused(size: int, write_suite: StreamSuite,
                                                 read_suite: StreamSuite) -> None:
    ct = io.BytesIO()
    encrypt_payload(io.BytesIO(os.urandom(size)), ct, KEY, suite=write_suite)
    with pytest.raises(PayloadError):
        read_all(ct.getvalue(), read_suite)


def test_same_construction_with_another_info_is_refused() -> None:
    """The chunk key depends on the suite's HKDF info, not only on the AEAD."""
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=NONCE, info=b"payload").derive(KEY)
    payload = NONCE + AESGCM(key).encrypt(_iv(0, True), b"hello", None)
    with pytest.raises(PayloadError):
        read_all(payload)
