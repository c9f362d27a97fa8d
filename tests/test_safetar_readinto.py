"""MemberReader.readinto (the import's allocation-free path): exactly the member's bytes,
never beyond it, from sources with or without readinto; a truncated archive is refused."""

from __future__ import annotations

import io
import os

import pytest

from evidence_app.bundle_errors import UnsafeArchiveError
from evidence_app.safetar import iter_members
from tests.test_safetar import make_tar

A, B = os.urandom(300_001), os.urandom(5)


class _ReadOnly:
    """A source with read() only, returning short reads."""

    def __init__(self, data: bytes) -> None:
        self._src = io.BytesIO(data)

    def read(self, n: int = -1, /) -> bytes:
        return self._src.read(min(n, 7777) if n >= 0 else 7777)


@pytest.mark.parametrize("buffer_size", [1, 4096, 65_536, 300_001, 1 << 20])
@pytest.mark.parametrize("source", ["readinto", "read-only"])
def test_readinto_gives_exactly_each_member(buffer_size: int, source: str) -> None:
    data = make_tar([("a.bin", A), ("b.bin", B)])
    src = io.BytesIO(data) if source == "readinto" else _ReadOnly(data)
    got: dict[str, bytes] = {}
    buf = bytearray(buffer_size)
    for member, reader in iter_members(src):
        out = bytearray()
        while n := reader.readinto(buf):
            assert n == min(buffer_size, member.size - len(out))  # full, except at the end
            out += buf[:n]
        assert reader.readinto(buf) == 0 and reader.read() == b""
        got[member.name] = bytes(out)
    assert got == {"a.bin": A, "b.bin": B}


def test_readinto_after_partial_read_continues_where_read_stopped() -> None:
    for _, reader in iter_members(io.BytesIO(make_tar([("a.bin", A)]))):
        head = reader.read(10)
        buf = bytearray(len(A))
        n = reader.readinto(buf)
        assert head + bytes(buf[:n]) == A


@pytest.mark.parametrize("source", ["readinto", "read-only"])
def test_truncated_member_is_refused(source: str) -> None:
    data = make_tar([("a.bin", A)])[: 512 + 100_000]
    src = io.BytesIO(data) if source == "readinto" else _ReadOnly(data)
    with pytest.raises(UnsafeArchiveError, match="truncated"):
        for _, reader in iter_members(src):
            reader.readinto(bytearray(1 << 20))
