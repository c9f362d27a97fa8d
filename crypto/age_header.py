"""The age v1 header: strict parsing and encoding, the header MAC, and a buffered source.

Parsing follows the ABNF of the spec exactly: the version line, one or more stanzas (an argument
line of visible-ASCII arguments, then a canonical unpadded base64 body wrapped at 64 columns and
ended by a shorter, possibly empty, line), and the ``---`` MAC line. Anything else raises
:class:`HeaderError`. The MAC is checked by the caller, after unwrapping the file key and before
any payload byte is decrypted.
"""

from __future__ import annotations

import base64
import binascii
import hmac as std_hmac
import re
from dataclasses import dataclass
from io import RawIOBase
from typing import TYPE_CHECKING, Protocol

from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crypto.errors import HeaderError, HeaderMacError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = [
    "VERSION_LINE",
    "Header",
    "Source",
    "Stanza",
    "b64decode",
    "b64encode",
    "check_mac",
    "encode_header",
    "parse_header",
]

VERSION_LINE = b"age-encryption.org/v1"
VERSION_PREFIX = b"age-encryption.org/"
MAX_LINE = 64 * 1024  # far above any real stanza line (the hybrid one is ~1.5 KB)
MAX_HEADER = 1024 * 1024
_B64_UNPADDED = re.compile(rb"[A-Za-z0-9+/]*")
_ARG = re.compile(rb"[\x21-\x7e]+")


class _Reads(Protocol):
    def read(self, n: int = ..., /) -> bytes: ...


def b64encode(data: bytes) -> str:
    """Unpadded standard base64."""
    return base64.b64encode(data).decode("ascii").rstrip("=")


def b64decode(text: bytes | str, error: type[Exception] = HeaderError) -> bytes:
    """Decode canonical unpadded standard base64; anything else raises ``error``."""
    raw = text.encode("ascii", "replace") if isinstance(text, str) else bytes(text)
    if not _B64_UNPADDED.fullmatch(raw) or len(raw) % 4 == 1:
        raise error("invalid base64 in header")
    try:
        data = base64.b64decode(raw + b"=" * (-len(raw) % 4), validate=True)
    except binascii.Error:
        raise error("invalid base64 in header") from None
    if base64.b64encode(data).rstrip(b"=") != raw:
        raise error("non-canonical base64 in header")
    return data


@dataclass(frozen=True)
class Stanza:
    """One recipient stanza: its type (first argument), further arguments, and body."""

    type: str
    args: tuple[str, ...]
    body: bytes

    def encode(self) -> bytes:
        line = " ".join((self.type, *self.args)).encode("ascii")
        body = b64encode(self.body).encode("ascii")
        lines = [body[i : i + 64] for i in range(0, len(body), 64)]
        if not lines or len(lines[-1]) == 64:
            lines.append(b"")
        return b"-> " + line + b"\n" + b"".join(x + b"\n" for x in lines)


@dataclass(frozen=True)
class Header:
    """A parsed header: its stanzas, the bytes the MAC covers, and the MAC itself."""

    stanzas: tuple[Stanza, ...]
    mac_input: bytes
    mac: bytes


def _mac(file_key: bytes, mac_input: bytes) -> bytes:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"header").derive(file_key)
    h = hmac.HMAC(key, hashes.SHA256())
    h.update(mac_input)
    return h.finalize()


def encode_header(stanzas: list[Stanza], file_key: bytes) -> bytes:
    """Serialize a header for ``stanzas``, with its MAC under ``file_key``."""
    if not stanzas:
        raise ValueError("at least one recipient is needed")
    text = VERSION_LINE + b"\n" + b"".join(s.encode() for s in stanzas) + b"---"
    return text + b" " + b64encode(_mac(file_key, text)).encode("ascii") + b"\n"


def check_mac(header: Header, file_key: bytes) -> None:
    """Raise :class:`HeaderMacError` unless the header MAC matches (constant-time compare)."""
    if not std_hmac.compare_digest(_mac(file_key, header.mac_input), header.mac):
        raise HeaderMacError("header MAC does not match")


class Source(RawIOBase):
    """A readable stream with a push-back buffer, so header/armor parsing never over-reads.

    ``readline`` returns one line (with its LF) of at most ``limit`` bytes, or raises ``error``.
    """

    def __init__(self, src: _Reads) -> None:
        super().__init__()
        self._src = src
        self._buf = bytearray()
        self._eof = False

    def readable(self) -> bool:
        return True

    def _more(self) -> bool:
        if self._eof:
            return False
        data = self._src.read(16 * 1024)
        if not data:
            self._eof = True
            return False
        self._buf += data
        return True

    def peek_bytes(self, n: int) -> bytes:
        """Up to ``n`` bytes ahead, without consuming them (fewer only at EOF)."""
        while len(self._buf) < n and self._more():
            pass
        return bytes(self._buf[:n])

    def readline(  # type: ignore[override]
        self, limit: int = MAX_LINE, error: type[Exception] = HeaderError, eof_ok: bool = False
    ) -> bytes:
        """One line with its LF; with ``eof_ok``, a last line without LF is returned as is."""
        start = 0
        while True:
            i = self._buf.find(b"\n", start)
            if 0 <= i < limit:
                line = bytes(self._buf[: i + 1])
                del self._buf[: i + 1]
                return line
            start = len(self._buf)
            if len(self._buf) >= limit:
                raise error("line too long")
            if not self._more():
                if eof_ok:
                    line = bytes(self._buf)
                    self._buf.clear()
                    return line
                raise error("unexpected end of file")

    def readinto(self, buffer: WriteableBuffer) -> int:
        out = memoryview(buffer).cast("B")
        if self._buf:
            n = min(len(out), len(self._buf))
            out[:n] = self._buf[:n]
            del self._buf[:n]
            return n
        readinto = getattr(self._src, "readinto", None)
        if readinto is not None:
            return int(readinto(out) or 0)
        data = self._src.read(len(out))
        out[: len(data)] = data
        return len(data)


def _parse_stanza(arg_line: bytes, src: Source) -> tuple[Stanza, bytes]:
    """Parse one stanza whose argument line (without LF) was read; return it and its raw text."""
    parts = arg_line[3:].split(b" ")
    if not all(_ARG.fullmatch(p) for p in parts):
        raise HeaderError("malformed stanza argument line")
    raw = [arg_line + b"\n"]
    body = []
    while True:
        line = src.readline()
        raw.append(line)
        text = line[:-1]
        if len(text) > 64 or not _B64_UNPADDED.fullmatch(text):
            raise HeaderError("malformed stanza body line")
        body.append(text)
        if len(text) < 64:
            break
    args = tuple(p.decode("ascii") for p in parts)
    return Stanza(args[0], args[1:], b64decode(b"".join(body))), b"".join(raw)


def parse_header(src: Source) -> Header:
    """Read and strictly parse a v1 header from ``src``, leaving ``src`` at the payload."""
    first = src.readline()
    if first != VERSION_LINE + b"\n":
        if first.startswith(VERSION_PREFIX):
            raise HeaderError("unsupported age format version")
        raise HeaderError("not an age file (bad version line)")
    consumed = [first]
    size = len(first)
    stanzas: list[Stanza] = []
    while True:
        line = src.readline()
        size += len(line)
        if size > MAX_HEADER:
            raise HeaderError("header too large")
        if line.startswith(b"-> "):
            stanza, raw = _parse_stanza(line[:-1], src)
            stanzas.append(stanza)
            consumed.append(raw)
            size += len(raw) - len(line)
        elif line.startswith(b"---"):
            if not stanzas or not line.startswith(b"--- ") or len(line) != 48:
                raise HeaderError("malformed header MAC line")
            mac = b64decode(line[4:-1])
            consumed.append(b"---")
            return Header(tuple(stanzas), b"".join(consumed), mac)
        else:
            raise HeaderError("malformed header line")
