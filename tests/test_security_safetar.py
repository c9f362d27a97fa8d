"""Security: numeric tar and pax fields accept ASCII digits only (audit finding 4)."""

from __future__ import annotations

import io

import pytest

from evidence_app.bundle_errors import UnsafeArchiveError
from evidence_app.safetar import iter_members

BLOCK = 512


def _header(name: bytes, size: int, kind: bytes, size_field: bytes | None = None) -> bytes:
    block = bytearray(BLOCK)
    block[0:len(name)] = name
    block[100:108] = b"0000600\0"
    block[108:116] = b"0000000\0"
    block[116:124] = b"0000000\0"
    block[124:136] = size_field if size_field is not None else b"%011o\0" % size
    block[136:148] = b"00000000000\0"
    block[156:157] = kind
    block[257:263] = b"ustar\0"
    block[263:265] = b"00"
    block[148:156] = b" " * 8
    block[148:156] = b"%06o\0 " % sum(block)
    return bytes(block)


def _pad(data: bytes) -> bytes:
    return data + bytes(-len(data) % BLOCK)


def _pax_record(key: str, value: str) -> bytes:
    body = f" {key}={value}\n".encode()
    length = len(body) + 1
    while len(str(length).encode()) + len(body) != length:
        length += 1
    return str(length).encode() + body


def _tar_with_pax_size(value: str) -> bytes:
    pax = _pax_record("size", value)
    data = b"abc"
    return (_header(b"pax", len(pax), b"x") + _pad(pax)
            + _header(b"bag/f.txt", len(data), b"0") + _pad(data) + bytes(2 * BLOCK))


def _read(tar: bytes) -> dict[str, bytes]:
    return {m.name: r.read() for m, r in iter_members(io.BytesIO(tar))}


def test_plain_ascii_pax_size_is_read() -> None:
    assert _read(_tar_with_pax_size("3")) == {"bag/f.txt": b"abc"}


@pytest.mark.parametrize("value", ["²", "٣", "３", "+3", " 3", "3 ", "", "1" * 21, "0x3"])
def test_non_ascii_or_malformed_pax_size_is_refused(value: str) -> None:
    with pytest.raises(UnsafeArchiveError, match="malformed pax header"):
        _read(_tar_with_pax_size(value))


@pytest.mark.parametrize("field", ["٣".encode(), b"\xd9\xa3", b"8", b"-1", b"1_0"])
def test_non_octal_size_field_is_refused(field: bytes) -> None:
    tar = _header(b"bag/f.txt", 0, b"0", size_field=field.ljust(12, b"\0")) + bytes(2 * BLOCK)
    with pytest.raises(UnsafeArchiveError):
        _read(tar)


@pytest.mark.parametrize("name", ["bag/data/\u202egpj.exe", "bag/data/x\x9b2J", "bag/\u2066x",
                                  "bag/a\x1bb", "bag/a\x7fb"])
def test_c1_and_bidi_controls_in_names_are_refused(name: str) -> None:
    tar = _header(name.encode(), 0, b"0") + bytes(2 * BLOCK)
    with pytest.raises(UnsafeArchiveError, match="control character"):
        _read(tar)
