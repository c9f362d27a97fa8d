"""The STREAM payload layer of age v1, usable on its own, and the vault's blob variant of it.

A payload is a 16-byte random nonce followed by AEAD chunks of fixed plaintext size. The chunk
key is HKDF-SHA-256(ikm=file_key, salt=nonce, info=suite info); each chunk's 12-byte AEAD nonce
is an 11-byte big-endian counter plus a flag byte that is 1 only on the final chunk, so
truncating or extending a payload is detected. The final chunk may be full, and is empty only
when the whole plaintext is empty.

A :class:`StreamSuite` fixes the AEAD, the chunk size and the HKDF info. ``AGE_PAYLOAD`` (the
default everywhere) is age v1's payload: ChaCha20-Poly1305, 64 KiB chunks, info "payload"; age
uses 16-byte file keys. ``VAULT_BLOB`` is the same construction with AES-256-GCM (hardware
accelerated, several times faster here), 256 KiB chunks and its own info, so one key never serves
both suites; the vault's blob store uses it with a fresh random key per blob, so a (key, nonce)
pair never repeats. Memory use is constant: data moves in blocks of about 1 MiB.

``encrypt_payload``/``decrypt_payload`` overlap reading, crypto and writing on three threads
(:class:`ReadAhead`, the caller, :class:`WriteBehind`); the file-like classes use no threads.

Decryption never releases a chunk before its tag verified. As in the reference implementation,
chunks that verified before a failure are released first, and the failure is raised on the next
read (so a reader may see some verified plaintext, then :class:`PayloadError`).
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import RawIOBase
from typing import TYPE_CHECKING, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.utils import Buffer

from crypto.errors import CancelledError, PayloadError
from crypto.lifecycle import FinishOrAbort

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, WriteableBuffer

__all__ = [
    "AGE_PAYLOAD",
    "BLOCK_CHUNKS",
    "CHUNK_SIZE",
    "ENC_CHUNK_SIZE",
    "NONCE_SIZE",
    "PayloadReader",
    "PayloadWriter",
    "ReadAhead",
    "StreamSuite",
    "VAULT_BLOB",
    "WriteBehind",
    "decrypt_payload",
    "drain",
    "encrypt_payload",
    "feed",
    "read_full",
]

CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
ENC_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
NONCE_SIZE = 16
BLOCK_CHUNKS = 16  # age chunks moved per read/write call: 1 MiB blocks keep overhead low
_BLOCK_BYTES = BLOCK_CHUNKS * CHUNK_SIZE

Progress = Callable[[int], None]
Cancel = Callable[[], bool]


class _Reads(Protocol):
    def read(self, n: int = ..., /) -> bytes: ...


class _Writes(Protocol):
    def write(self, data: ReadableBuffer, /) -> int | None: ...


class _Aead(Protocol):
    def encrypt_into(self, nonce: Buffer, data: Buffer, associated_data: Buffer | None,
                     buf: Buffer) -> int: ...

    def decrypt_into(self, nonce: Buffer, data: Buffer, associated_data: Buffer | None,
                     buf: Buffer) -> int: ...


@dataclass(frozen=True)
class StreamSuite:
    """One instantiation of the STREAM payload: the AEAD (built from the 32-byte chunk key),
    the plaintext chunk size and the HKDF info that derives the chunk key."""

    name: str
    aead: Callable[[bytes], _Aead]
    chunk_size: int
    info: bytes

    @property
    def enc_chunk_size(self) -> int:
        """Size of a full encrypted chunk (plaintext + 16-byte tag)."""
        return self.chunk_size + TAG_SIZE

    @property
    def block_chunks(self) -> int:
        """Chunks moved per read/write call (about 1 MiB, at least one chunk)."""
        return max(1, _BLOCK_BYTES // self.chunk_size)


AGE_PAYLOAD = StreamSuite("age-v1-payload", ChaCha20Poly1305, CHUNK_SIZE, b"payload")
VAULT_BLOB = StreamSuite("vault-blob-aes256gcm", AESGCM, 256 * 1024,
                         b"evidence-vault/v1 blob payload aes-256-gcm")


def _payload_aead(suite: StreamSuite, file_key: bytes, nonce: bytes) -> _Aead:
    if len(file_key) not in (16, 32):
        raise ValueError("file key must be 16 or 32 bytes")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=nonce, info=suite.info)
    return suite.aead(hkdf.derive(file_key))


def _chunk_nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def read_full(src: _Reads, buf: memoryview) -> int:
    """Fill ``buf`` from ``src`` until it is full or ``src`` is at EOF; return the byte count."""
    readinto = getattr(src, "readinto", None)
    done = 0
    while done < len(buf):
        if readinto is not None:
            n = readinto(buf[done:])
        else:
            data = src.read(len(buf) - done)
            n = len(data)
            buf[done : done + n] = data
        if not n:
            break
        done += n
    return done


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise CancelledError("cancelled")


class PayloadWriter(FinishOrAbort):
    """Writable file-like that encrypts into ``dst`` (the payload nonce is written at once).

    ``close()`` writes the final chunk; it does not close ``dst``. Used as a context manager, an
    exception inside the block abandons the payload without a final chunk, so a half-written
    payload can never decrypt as if it were complete. ``cancel`` is checked before each chunk.
    Large writes are encrypted straight from the caller's buffer; only the chunk that might be
    the last one is held back (copied) until more data or ``close()`` decides; :meth:`fill`
    reads into that held-back chunk directly, with no copy at all.
    """

    def __init__(
        self,
        dst: _Writes,
        file_key: bytes,
        *,
        nonce: bytes | None = None,
        cancel: Cancel | None = None,
        suite: StreamSuite = AGE_PAYLOAD,
    ) -> None:
        nonce = os.urandom(NONCE_SIZE) if nonce is None else nonce
        if len(nonce) != NONCE_SIZE:
            raise ValueError("payload nonce must be 16 bytes")
        self._aead = _payload_aead(suite, file_key, nonce)
        self._chunk = suite.chunk_size
        self._enc_chunk = suite.enc_chunk_size
        self._dst = dst
        self._cancel = cancel
        self._counter = 0
        self._pending = bytearray(self._chunk)
        self._spare: bytearray | None = None  # fill() reads the next chunk here
        self._fill = 0
        self._out = bytearray(suite.block_chunks * self._enc_chunk)
        self._out_fill = 0
        self._closed = False
        self.bytes_written = 0
        dst.write(nonce)

    @property
    def closed(self) -> bool:
        return self._closed

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def seekable(self) -> bool:
        return False

    def flush(self) -> None:
        """Nothing to flush early: a chunk is written only once it is known not to be last."""

    def write(self, data: ReadableBuffer) -> int:
        """Encrypt ``data`` (except a held-back possible last chunk); returns its length."""
        if self._closed:
            raise ValueError("write to a closed payload writer")
        view = memoryview(data).cast("B")
        total = len(view)
        chunk = self._chunk
        while len(view):
            self._seal_full_pending()
            if self._fill == 0 and len(view) > chunk:
                self._seal(view[:chunk], last=False)
                view = view[chunk:]
                continue
            take = min(chunk - self._fill, len(view))
            # through a memoryview: a bytearray slice assignment would copy twice
            memoryview(self._pending)[self._fill : self._fill + take] = view[:take]
            self._fill += take
            view = view[take:]
        self._flush()
        self.bytes_written += total
        return total

    def fill(self, src: _Reads) -> memoryview:
        """Read up to one chunk from ``src`` straight into the held-back chunk and return the
        bytes just read (valid until the next call; empty at EOF). Same result as ``write`` of
        those bytes, without copying them."""
        if self._closed:
            raise ValueError("write to a closed payload writer")
        start = self._fill
        if start == self._chunk:  # full: it is not the last chunk only if more data comes
            if self._spare is None:
                self._spare = bytearray(self._chunk)
            n = read_full(src, memoryview(self._spare))
            if not n:
                return memoryview(self._spare)[:0]
            self._seal(memoryview(self._pending), last=False)
            self._pending, self._spare = self._spare, self._pending
            start = 0
        else:
            n = read_full(src, memoryview(self._pending)[start:])
        self._fill = start + n
        self.bytes_written += n
        return memoryview(self._pending)[start : start + n]

    def close(self) -> None:
        """Encrypt the held-back data as the final chunk. Idempotent."""
        if self._closed:
            return
        self._seal(memoryview(self._pending)[: self._fill], last=True)
        self._flush()
        self._closed = True

    def abort(self) -> None:
        """Stop without writing a final chunk: the output will not decrypt."""
        self._closed = True


    def _seal_full_pending(self) -> None:
        """More data follows, so a full held-back chunk is not the last: encrypt it."""
        if self._fill == self._chunk:
            self._seal(memoryview(self._pending), last=False)
            self._fill = 0

    def _seal(self, chunk: memoryview, *, last: bool) -> None:
        _check_cancel(self._cancel)
        if self._out_fill + self._enc_chunk > len(self._out):
            self._flush()
        n = len(chunk) + TAG_SIZE
        out = memoryview(self._out)[self._out_fill : self._out_fill + n]
        self._aead.encrypt_into(_chunk_nonce(self._counter, last), chunk, None, out)
        self._counter += 1
        self._out_fill += n

    def _flush(self) -> None:
        if self._out_fill:
            swap = getattr(self._dst, "swap", None)
            if swap is not None:  # a WriteBehind takes the block itself: no copy
                self._out = swap(self._out, self._out_fill)
            else:
                self._dst.write(memoryview(self._out)[: self._out_fill])
            self._out_fill = 0


class PayloadReader(RawIOBase):
    """Readable file-like that decrypts a payload from ``src`` (starting at its nonce).

    ``read``/``readinto`` release only verified chunks and raise :class:`PayloadError` on damage,
    truncation or trailing data (a payload of another suite fails to verify). ``cancel`` is
    checked before each chunk. Does not close ``src``.
    """

    def __init__(self, src: _Reads, file_key: bytes, *, cancel: Cancel | None = None,
                 suite: StreamSuite = AGE_PAYLOAD) -> None:
        super().__init__()
        nonce = bytearray(NONCE_SIZE)
        if read_full(src, memoryview(nonce)) != NONCE_SIZE:
            raise PayloadError("payload is too short to hold its nonce")
        self.nonce = bytes(nonce)
        self._aead = _payload_aead(suite, file_key, self.nonce)
        self._enc_chunk = suite.enc_chunk_size
        self._src = src
        self._cancel = cancel
        self._counter = 0
        self._in = bytearray(suite.block_chunks * self._enc_chunk)
        self._plain = bytearray(suite.block_chunks * suite.chunk_size)
        self._pos = 0
        self._end = 0
        self._done = False  # the final chunk verified and EOF followed
        self._error: PayloadError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        """Read verified bytes into ``buffer``. A buffer of at least one block, offered when
        nothing is buffered, receives the next block decrypted in place (no copy)."""
        out = memoryview(buffer).cast("B")
        while self._pos == self._end:
            if self._error is not None:
                raise self._error
            if self._done or not len(out):
                return 0
            if len(out) >= len(self._plain):
                self._next_block(out)
                n, self._end = self._end, 0
                if n:
                    return n
                continue
            self._next_block(memoryview(self._plain))
        n = min(len(out), self._end - self._pos)
        out[:n] = memoryview(self._plain)[self._pos : self._pos + n]
        self._pos += n
        return n

    @property
    def buffered(self) -> int:
        """Verified bytes ready to read without decrypting another block: a reader that
        asks for at most this many gets them in one piece."""
        return self._end - self._pos

    def read(self, size: int | None = -1, /) -> bytes:
        """Up to ``size`` verified bytes (all that remain if negative or None), copied once
        (``RawIOBase.read`` would copy twice, through a temporary bytearray)."""
        if size is None or size < 0:
            return self.readall()
        while self._pos == self._end:
            if self._error is not None:
                raise self._error
            if self._done or not size:
                return b""
            self._next_block(memoryview(self._plain))
        n = min(size, self._end - self._pos)
        data = bytes(memoryview(self._plain)[self._pos : self._pos + n])
        self._pos += n
        return data

    def views(self) -> Iterator[memoryview]:
        """Yield the remaining verified plaintext without copying; each view is valid only
        until the next one is requested. Raises :class:`PayloadError` like ``readinto``."""
        while True:
            if self._pos == self._end:
                if self._error is not None:
                    raise self._error
                if self._done:
                    return
                self._next_block(memoryview(self._plain))
                continue
            view = memoryview(self._plain)[self._pos : self._end]
            self._pos = self._end
            yield view

    def _next_block(self, plain: memoryview) -> None:
        """Decrypt the next block of chunks; verified plaintext goes to ``plain`` (``_plain``
        or a caller's buffer at least as large), its length to ``_end``."""
        src = memoryview(self._in)
        size = read_full(self._src, src)
        at_eof = size < len(src)
        self._pos = self._end = 0
        start = 0
        while start < size:
            _check_cancel(self._cancel)
            end = min(start + self._enc_chunk, size)
            piece = src[start:end]
            if len(piece) == self._enc_chunk:
                if self._open(piece, plain, last=False):
                    start = end
                    continue
                if not self._open(piece, plain, last=True):
                    self._error = PayloadError("payload chunk failed to verify")
                    return
                if end < size or (not at_eof and self._src.read(1)):
                    self._error = PayloadError("data follows the final payload chunk")
                    return
                self._done = True
                return
            # A short piece is only possible at EOF: it must be the final chunk.
            if len(piece) < TAG_SIZE or (len(piece) == TAG_SIZE and self._counter > 0):
                self._error = PayloadError("payload ends with a truncated or empty chunk")
                return
            if not self._open(piece, plain, last=True):
                self._error = PayloadError("payload chunk failed to verify")
                return
            self._done = True
            return
        if at_eof:
            self._error = PayloadError("payload is truncated: no final chunk")

    def _open(self, piece: memoryview, plain: memoryview, *, last: bool) -> bool:
        """Decrypt and verify one chunk into ``plain``; False if its tag does not verify."""
        n = len(piece) - TAG_SIZE
        out = plain[self._end : self._end + n]
        try:
            self._aead.decrypt_into(_chunk_nonce(self._counter, last), piece, None, out)
        except InvalidTag:
            return False
        self._counter += 1
        self._end += n
        return True


class WriteBehind(FinishOrAbort):
    """Hands writes to a worker thread, so disk writes overlap encryption (both release the GIL).

    Each ``write`` copies its data (callers may reuse their buffer) into one of ``depth``
    recycled buffers, so memory stays constant and no block is allocated twice. A write error in
    the worker is raised by a later ``write`` or by ``close``. Use as a context manager: leaving
    by an exception stops the worker and drops what was still queued.
    """

    def __init__(self, dst: _Writes, depth: int = 4) -> None:
        self._dst = dst
        self._free: queue.SimpleQueue[bytearray] = queue.SimpleQueue()
        for _ in range(depth):
            self._free.put(bytearray())
        self._todo: queue.SimpleQueue[tuple[bytearray, int] | None] = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="write-behind", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (item := self._todo.get()) is not None:
            buf, n = item
            if self._error is None:
                try:
                    self._dst.write(memoryview(buf)[:n])
                except BaseException as e:  # noqa: BLE001 - handed to the caller's thread
                    self._error = e
            self._free.put(buf)

    def write(self, data: ReadableBuffer) -> int:
        if self._error is not None:
            raise self._error
        view = memoryview(data).cast("B")
        n = len(view)
        buf = self._free.get()
        if len(buf) < n:
            buf.extend(bytes(n - len(buf)))
        memoryview(buf)[:n] = view  # a bytearray slice assignment would copy twice
        self._todo.put((buf, n))
        return n

    def swap(self, buf: bytearray, n: int) -> bytearray:
        """Queue the first ``n`` bytes of ``buf`` without copying them, and return a recycled
        buffer of the same size in exchange: the worker owns ``buf`` now."""
        if self._error is not None:
            raise self._error
        spare = self._free.get()
        if len(spare) < len(buf):
            spare.extend(bytes(len(buf) - len(spare)))
        self._todo.put((buf, n))
        return spare

    def close(self) -> None:
        """Wait until everything queued is written; raise the worker's error if any."""
        if self._thread.is_alive():
            self._todo.put(None)
            self._thread.join()
        if self._error is not None:
            raise self._error

    def abort(self) -> None:
        """Stop the worker and drop what was still queued (an error path)."""
        self._error = self._error or CancelledError("abandoned")  # worker drops the rest
        self._todo.put(None)
        self._thread.join()


class ReadAhead(RawIOBase):
    """Reads ``src`` on a worker thread, up to ``depth`` blocks ahead, to overlap reading with
    decryption. Buffers are recycled; errors from ``src`` are raised in order. ``close()`` stops
    the worker."""

    def __init__(self, src: _Reads, depth: int = 4, block: int = BLOCK_CHUNKS * ENC_CHUNK_SIZE):
        super().__init__()
        self._free: queue.SimpleQueue[bytearray | None] = queue.SimpleQueue()
        for _ in range(depth):
            self._free.put(bytearray(block))
        self._ready: queue.SimpleQueue[tuple[bytearray, int] | BaseException] = (
            queue.SimpleQueue()
        )
        self._held: bytearray | None = None  # the block being consumed
        self._current = memoryview(b"")
        self._eof = False
        self._thread = threading.Thread(target=self._run, args=(src,), name="read-ahead",
                                        daemon=True)
        self._thread.start()

    def _run(self, src: _Reads) -> None:
        while (buf := self._free.get()) is not None:
            try:
                n = read_full(src, memoryview(buf))
            except BaseException as e:  # noqa: BLE001 - handed to the reading thread
                self._ready.put(e)
                return
            self._ready.put((buf, n))  # n == 0 marks EOF
            if not n:
                return

    def readable(self) -> bool:
        return True

    def _next(self) -> memoryview:
        """Recycle the block just consumed and take the next one."""
        if self._held is not None:
            self._free.put(self._held)
            self._held = None
        item = self._ready.get()
        if isinstance(item, BaseException):
            self._eof = True
            raise item
        self._held, n = item
        self._eof = not n
        return memoryview(self._held)[:n]

    def blocks(self) -> Iterator[memoryview]:
        """Yield the rest of ``src`` block by block, without copying; each block is valid only
        until the next one is requested."""
        if len(self._current):
            yield self._current
            self._current = memoryview(b"")
        while not self._eof and len(block := self._next()):
            yield block

    def readinto(self, buffer: WriteableBuffer) -> int:
        out = memoryview(buffer).cast("B")
        if not len(self._current) and not self._eof:
            self._current = self._next()
        n = min(len(out), len(self._current))
        out[:n] = self._current[:n]
        self._current = self._current[n:]
        return n

    def close(self) -> None:
        self._free.put(None)  # the worker stops at its next block
        self._thread.join()
        super().close()


def feed(src: _Reads, writer: _Writes, progress: Progress | None = None,
         block_size: int = _BLOCK_BYTES) -> int:
    """Write all of ``src`` into ``writer``, reading ahead on a worker thread (``block_size``
    bytes at a time); returns bytes."""
    total = 0
    ahead = ReadAhead(src, block=block_size)
    try:
        for block in ahead.blocks():
            writer.write(block)
            total += len(block)
            if progress is not None:
                progress(total)
    finally:
        ahead.close()
    return total


def drain(reader: PayloadReader, dst: _Writes, progress: Progress | None = None) -> int:
    """Write all verified plaintext of ``reader`` to ``dst`` (write-behind); returns bytes."""
    total = 0
    with WriteBehind(dst) as out:
        for view in reader.views():
            out.write(view)
            total += len(view)
            if progress is not None:
                progress(total)
    return total


def encrypt_payload(
    src: _Reads,
    dst: _Writes,
    file_key: bytes,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    suite: StreamSuite = AGE_PAYLOAD,
) -> int:
    """Encrypt all of ``src`` into ``dst`` as a payload; returns the plaintext byte count.

    Reading, encryption and writing overlap on three threads, with constant memory.
    """
    with WriteBehind(dst) as out:
        writer = PayloadWriter(out, file_key, cancel=cancel, suite=suite)
        total = feed(src, writer, progress, suite.block_chunks * suite.chunk_size)
        writer.close()
    return total


def decrypt_payload(
    src: _Reads,
    dst: _Writes,
    file_key: bytes,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    suite: StreamSuite = AGE_PAYLOAD,
) -> int:
    """Decrypt a payload from ``src`` into ``dst``; returns the plaintext byte count.

    Verified chunks are written as they come; on :class:`PayloadError` the caller must discard
    what was written (see ``crypto.age.decrypt_to_file`` for a file that appears only if valid).
    """
    ahead = ReadAhead(src, block=suite.block_chunks * suite.enc_chunk_size)
    try:
        return drain(PayloadReader(ahead, file_key, cancel=cancel, suite=suite), dst, progress)
    finally:
        ahead.close()
