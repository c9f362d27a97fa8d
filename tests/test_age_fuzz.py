"""Property tests: mutated age files raise only our specific errors and release only verified data.

Every mutation of a valid file (bit flips, truncation, inserted or deleted bytes, duplicated,
dropped or reordered header lines, in binary and armored files) must either decrypt to exactly
the original plaintext, or raise one of the age error classes. Before an error, the plaintext
released must be a prefix of the original made of whole verified chunks.
"""

from __future__ import annotations

import io
import os
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crypto import age
from crypto.errors import (
    ArmorError,
    HeaderError,
    HeaderMacError,
    NoIdentityMatchError,
    PayloadError,
)
from crypto.stream import CHUNK_SIZE

AGE_ERRORS = (ArmorError, HeaderError, HeaderMacError, NoIdentityMatchError, PayloadError)
PLAIN = os.urandom(2 * CHUNK_SIZE + 100)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def fixtures() -> dict[str, tuple[bytes, list[age.Identity]]]:
    x = age.X25519Identity.generate()
    other = age.X25519Identity.generate()
    pq = age.HybridIdentity.generate()
    pw = age.ScryptIdentity("pw")
    return {
        "x25519": (age.encrypt_bytes(PLAIN, [x.recipient(), other.recipient()]), [x]),
        "armor": (age.encrypt_bytes(PLAIN, [x.recipient()], armor=True), [x]),
        "hybrid": (age.encrypt_bytes(PLAIN, [pq.recipient()]), [pq]),
        "scrypt": (age.encrypt_bytes(PLAIN, [age.ScryptRecipient("pw", work_factor=2)]), [pw]),
    }


def check(data: bytes, identities: list[age.Identity]) -> None:
    released = bytearray()
    try:
        reader = age.decrypt_reader(io.BytesIO(data), identities)
        while chunk := reader.read(5000):
            released += chunk
    except AGE_ERRORS:
        assert PLAIN.startswith(bytes(released))
        assert len(released) % CHUNK_SIZE == 0 or len(released) == len(PLAIN)
        return
    assert bytes(released) == PLAIN


kinds = st.sampled_from(["x25519", "armor", "hybrid", "scrypt"])


@SETTINGS
@given(kind=kinds, data=st.data())
def test_bit_flips(kind: str, data: st.DataObject) -> None:
    ct, ids = fixtures()[kind]
    buf = bytearray(ct)
    for _ in range(data.draw(st.integers(1, 3))):
        pos = data.draw(st.integers(0, len(buf) - 1))
        buf[pos] ^= 1 << data.draw(st.integers(0, 7))
    check(bytes(buf), ids)


@SETTINGS
@given(kind=kinds, data=st.data())
def test_truncation(kind: str, data: st.DataObject) -> None:
    ct, ids = fixtures()[kind]
    check(ct[: data.draw(st.integers(0, len(ct) - 1))], ids)


@SETTINGS
@given(kind=kinds, data=st.data())
def test_inserted_and_deleted_bytes(kind: str, data: st.DataObject) -> None:
    ct, ids = fixtures()[kind]
    pos = data.draw(st.integers(0, len(ct)))
    if data.draw(st.booleans()):
        extra = data.draw(st.binary(min_size=1, max_size=20))
        mutated = ct[:pos] + extra + ct[pos:]
    else:
        mutated = ct[:pos] + ct[pos + data.draw(st.integers(1, 2 * CHUNK_SIZE)) :]
    check(mutated, ids)


@SETTINGS
@given(kind=st.sampled_from(["x25519", "hybrid", "scrypt"]), data=st.data())
def test_header_line_mutations(kind: str, data: st.DataObject) -> None:
    ct, ids = fixtures()[kind]
    end = ct.index(b"\n---") + 1
    lines = ct[:end].split(b"\n")[:-1]
    op = data.draw(st.sampled_from(["duplicate", "drop", "swap", "insert"]))
    i = data.draw(st.integers(0, len(lines) - 1))
    j = data.draw(st.integers(0, len(lines) - 1))
    if op == "duplicate":
        lines.insert(j, lines[i])
    elif op == "drop":
        del lines[i]
    elif op == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    else:
        lines.insert(i, data.draw(st.sampled_from([b"", b"-> ", b"-> x", b"---", b"AAAA", b"\r"])))
    check(b"\n".join(lines) + b"\n" + ct[end:], ids)


def test_reordered_stanzas_break_the_mac() -> None:
    a, b = age.X25519Identity.generate(), age.X25519Identity.generate()
    ct = age.encrypt_bytes(b"x", [a.recipient(), b.recipient()])
    head, _, rest = ct.partition(b"\n---")
    version, s1a, s1b, s2a, s2b = head.split(b"\n")
    swapped = b"\n".join([version, s2a, s2b, s1a, s1b]) + b"\n---" + rest
    for who in (a, b):
        with pytest.raises(HeaderMacError):
            age.decrypt_bytes(swapped, [who])
