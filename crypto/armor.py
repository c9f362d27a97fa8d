"""ASCII armor for age files: strict RFC 7468 PEM with label "AGE ENCRYPTED FILE".

Decoding is strict, as the spec asks, so an armored file is not malleable: padded canonical
base64 in 64-column lines (only the last may be shorter, never empty), LF or CRLF line ends,
no headers, no whitespace inside; only whitespace may come before the BEGIN line and after the
END line. Both directions stream with constant memory.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import TYPE_CHECKING, Protocol

from crypto.age_header import Source
from crypto.errors import ArmorError
from crypto.lifecycle import FinishOrAbort

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, WriteableBuffer

__all__ = ["BEGIN", "END", "ArmorReader", "ArmorWriter"]

BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
END = b"-----END AGE ENCRYPTED FILE-----"
_COLUMNS = 64
_LINE_BYTES = 48
_WHITESPACE = b" \t\r\n"
_B64_PADDED = re.compile(rb"[A-Za-z0-9+/]*={0,2}")
_FULL_LINES = re.compile(rb"(?:[A-Za-z0-9+/]{64}\r?\n)*")
_BULK = 1024 * 66


class _Writes(Protocol):
    def write(self, data: ReadableBuffer, /) -> int | None: ...


class ArmorWriter(FinishOrAbort):
    """Writable file-like that armors everything written into ``dst``. ``close()`` ends it."""

    def __init__(self, dst: _Writes) -> None:
        self._dst = dst
        self._pending = bytearray()
        self._closed = False
        dst.write(BEGIN + b"\n")

    @property
    def closed(self) -> bool:
        return self._closed

    def write(self, data: ReadableBuffer) -> int:
        if self._closed:
            raise ValueError("write to a closed armor writer")
        view = memoryview(data).cast("B")
        self._pending += view
        whole = len(self._pending) - len(self._pending) % _LINE_BYTES
        if whole:
            self._emit(bytes(self._pending[:whole]))
            del self._pending[:whole]
        return len(view)

    def _emit(self, data: bytes) -> None:
        text = base64.b64encode(data)
        lines = [text[i : i + _COLUMNS] + b"\n" for i in range(0, len(text), _COLUMNS)]
        self._dst.write(b"".join(lines))

    def close(self) -> None:
        """Write the last (padded) line and the END line. Does not close ``dst``."""
        if self._closed:
            return
        if self._pending:
            self._emit(bytes(self._pending))
        self._dst.write(END + b"\n")
        self._closed = True

    def abort(self) -> None:
        """Stop without the END line: the armored output is incomplete."""
        self._closed = True


class ArmorReader(Source):
    """Readable stream of the bytes inside an armored file; raises :class:`ArmorError`."""

    def __init__(self, src: Source) -> None:
        super().__init__(src)
        self._armored = src
        self._state = "begin"  # begin -> body -> done

    def _line(self) -> bytes:
        line = self._armored.readline(_COLUMNS + 3, ArmorError, eof_ok=True)
        line = line[:-1] if line.endswith(b"\n") else line
        return line[:-1] if line.endswith(b"\r") else line

    def _more(self) -> bool:
        if self._state == "begin":
            self._skip_leading_whitespace()
            if self._line() != BEGIN:
                raise ArmorError("armor does not start with the age BEGIN line")
            self._state = "body"
        if self._state == "done":
            return False
        # Fast path: decode a run of full 64-column lines at once (always canonical: 48 bytes).
        run = _FULL_LINES.match(self._armored.peek_bytes(_BULK))
        if run is not None and (bulk := run.end()):
            text = self._armored.read(bulk) or b""
            self._buf += base64.b64decode(text.replace(b"\r", b"").replace(b"\n", b""))
            return True
        line = self._line()
        if line == END:
            self._finish()
            return False
        if not line:
            raise ArmorError("empty line in armor")
        if len(line) > _COLUMNS or not _B64_PADDED.fullmatch(line) or len(line) % 4:
            raise ArmorError("malformed armor line")
        try:
            data = base64.b64decode(line, validate=True)
        except binascii.Error:
            raise ArmorError("invalid base64 in armor") from None
        if base64.b64encode(data) != line:
            raise ArmorError("non-canonical base64 in armor")
        if len(line) < _COLUMNS and self._line() != END:
            raise ArmorError("armor has a short line before its end")
        elif len(line) < _COLUMNS:
            self._finish()
        self._buf += data
        return True

    def _skip_leading_whitespace(self) -> None:
        while True:
            head = self._armored.peek_bytes(1)
            if not head:
                raise ArmorError("armor is empty")
            if head not in (b" ", b"\t", b"\r", b"\n"):
                return
            self._armored.read(1)

    def _finish(self) -> None:
        """After END: only whitespace may follow, up to EOF."""
        while chunk := self._armored.read(64 * 1024):
            if chunk.strip(_WHITESPACE):
                raise ArmorError("data after the armor END line")
        self._state = "done"

    def readinto(self, buffer: WriteableBuffer) -> int:
        out = memoryview(buffer).cast("B")
        while not self._buf and self._more():
            pass
        n = min(len(out), len(self._buf))
        out[:n] = self._buf[:n]
        del self._buf[:n]
        return n
