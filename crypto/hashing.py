"""Streaming SHA-256, on the calling thread or on a second one.

hashlib releases the GIL while it hashes, and so do ``cryptography``'s AEAD calls on
large buffers. :class:`BackgroundHasher` moves hashing to a worker thread, so encrypting
and hashing a big file use both cores. Its queue is bounded, so memory stays constant
whatever the file size. :class:`HashingReader` wraps a readable stream and hashes what
is read through it, with the same background thread.
"""

from __future__ import annotations

import hashlib
import io
import os
import queue
import threading
import weakref
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Protocol

from crypto.errors import CancelledError

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

CHUNK_SIZE = 1 << 20
_BATCH_SIZE = 1 << 20  # hand the worker about 1 MiB at a time: fewer queue round trips
_MAX_PENDING = 8  # batches waiting for the worker: at most about 8 MiB in flight


class _Reads(Protocol):
    def read(self, n: int = ..., /) -> bytes: ...


class _ReadsInto(Protocol):
    def readinto(self, buffer: bytearray | memoryview, /) -> int | None: ...


def sha256_file(
    src: str | os.PathLike[str] | _ReadsInto,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> str:
    """Hex SHA-256 of a file (path or binary stream opened for reading), read in 1 MiB chunks.

    ``progress`` receives the number of bytes hashed so far after every chunk; when
    ``cancel`` returns true, :class:`CancelledError` is raised.
    """
    if isinstance(src, str | os.PathLike):
        with open(src, "rb") as stream:
            return sha256_file(stream, progress, cancel)
    hasher = hashlib.sha256()
    buffer = memoryview(bytearray(CHUNK_SIZE))
    done = 0
    while True:
        if cancel is not None and cancel():
            raise CancelledError("hashing was cancelled")
        count = src.readinto(buffer)
        if not count:
            break
        hasher.update(buffer[:count])
        done += count
        if progress is not None:
            progress(done)
    return hasher.hexdigest()


# A batch item: bytes hashed as they are, or (recycled buffer, length) returned to the pool.
_Item = bytes | tuple[bytearray, int]


def _hash_batches(batches: queue.Queue[list[_Item] | None], hasher: hashlib._Hash,
                  free: queue.SimpleQueue[bytearray]) -> None:
    """Worker loop: hash batches until the stop marker, handing copy buffers back to
    ``free``. It holds no reference to the BackgroundHasher, so an abandoned one can be
    collected (and its finalizer stops us)."""
    while (batch := batches.get()) is not None:
        for item in batch:
            if isinstance(item, bytes):
                hasher.update(item)
            else:
                buf, n = item
                hasher.update(memoryview(buf)[:n])
                free.put(buf)


class BackgroundHasher:
    """A hash whose ``update`` returns at once; the hashing runs on a worker thread.

    Call :meth:`hexdigest` (or :meth:`digest`) to wait for the result, or :meth:`close`
    to abandon it; as a context manager the worker always stops. Mutable buffers passed
    to :meth:`update` are copied, so callers may reuse them: into recycled 1 MiB buffers
    (no fresh allocation, hence no page faults, per chunk); ``bytes`` are not copied.
    """

    def __init__(self, algorithm: str = "sha256") -> None:
        self._hash = hashlib.new(algorithm)
        self._queue: queue.Queue[list[_Item] | None] = queue.Queue(maxsize=_MAX_PENDING)
        self._free: queue.SimpleQueue[bytearray] = queue.SimpleQueue()
        self._batch: list[_Item] = []
        self._batch_size = 0
        self._stage: bytearray | None = None  # copy buffer being filled, not yet batched
        self._stage_fill = 0
        self._digest: bytes | None = None
        self._closed = False
        self._worker = threading.Thread(
            target=_hash_batches, args=(self._queue, self._hash, self._free), name="hasher",
            daemon=True,
        )
        self._worker.start()
        # A hasher dropped without close() still stops its worker when collected.
        self._stop_on_collect = weakref.finalize(self, self._queue.put, None)

    def update(self, data: ReadableBuffer) -> None:
        """Queue ``data`` for hashing; blocks only while the worker is far behind."""
        if self._closed:
            raise ValueError("hasher is finished")
        if isinstance(data, bytes):
            if data:
                self._end_stage()
                self._batch.append(data)
                self._batch_size += len(data)
        else:
            view = memoryview(data).cast("B")
            while len(view):
                if self._stage is None:
                    try:
                        self._stage = self._free.get_nowait()
                    except queue.Empty:
                        self._stage = bytearray(_BATCH_SIZE)
                    self._stage_fill = 0
                n = min(len(view), _BATCH_SIZE - self._stage_fill)
                # through a memoryview: a bytearray slice assignment would copy twice
                memoryview(self._stage)[self._stage_fill : self._stage_fill + n] = view[:n]
                self._stage_fill += n
                self._batch_size += n
                view = view[n:]
                if self._stage_fill == _BATCH_SIZE:
                    self._end_stage()
        if self._batch_size >= _BATCH_SIZE:
            self._flush()

    def _end_stage(self) -> None:
        """Put the copy buffer being filled into the batch (keeps the byte order). Its
        unused room counts as batched too, so a batch never holds more than about 2 MiB."""
        if self._stage is not None:
            self._batch.append((self._stage, self._stage_fill))
            self._batch_size += _BATCH_SIZE - self._stage_fill
            self._stage = None

    def _flush(self) -> None:
        self._end_stage()
        if self._batch:
            self._queue.put(self._batch)
            self._batch, self._batch_size = [], 0

    def _finish(self) -> None:
        """Send what is left and the stop marker, then wait for the worker."""
        if not self._closed:
            self._closed = True
            self._flush()
            self._stop_on_collect.detach()
            self._queue.put(None)
            self._worker.join()

    def digest(self) -> bytes:
        """Wait for the worker and return the raw digest (idempotent)."""
        if self._digest is None:
            if self._closed:
                raise ValueError("hasher was closed without a result")
            self._finish()
            self._digest = self._hash.digest()
        return self._digest

    def hexdigest(self) -> str:
        """Wait for the worker and return the hex digest (idempotent)."""
        return self.digest().hex()

    def close(self) -> None:
        """Stop the worker; no further updates are accepted."""
        if not self._closed:
            self._batch, self._batch_size, self._stage = [], 0, None
            self._finish()

    def __enter__(self) -> BackgroundHasher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class HashingReader(io.BufferedIOBase):
    """A readable stream that hashes every byte read through it on a background thread.

    Closing the reader stops the hasher but leaves ``src`` open (the caller owns it).
    :meth:`hexdigest` covers exactly the bytes returned so far.
    """

    def __init__(self, src: _Reads, algorithm: str = "sha256") -> None:
        super().__init__()
        self._src = src
        self._hasher = BackgroundHasher(algorithm)
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1, /) -> bytes:
        """Read up to ``size`` bytes (all, if negative or None) and hash them."""
        if self.closed:
            raise ValueError("read from a closed HashingReader")
        data = self._src.read(-1 if size is None else size)
        self._hasher.update(data)
        self.bytes_read += len(data)
        return data

    def read1(self, size: int = -1, /) -> bytes:
        return self.read(size)

    def hexdigest(self) -> str:
        """Hex digest of everything read so far; the reader cannot be read afterwards."""
        digest = self._hasher.hexdigest()
        super().close()
        return digest

    def close(self) -> None:
        self._hasher.close()
        super().close()
