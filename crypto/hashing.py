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


def _hash_batches(batches: queue.Queue[list[bytes] | None], hasher: hashlib._Hash) -> None:
    """Worker loop: hash batches until the stop marker. It holds no reference to the
    BackgroundHasher, so an abandoned one can be collected (and its finalizer stops us)."""
    while (batch := batches.get()) is not None:
        for chunk in batch:
            hasher.update(chunk)


class BackgroundHasher:
    """A hash whose ``update`` returns at once; the hashing runs on a worker thread.

    Call :meth:`hexdigest` (or :meth:`digest`) to wait for the result, or :meth:`close`
    to abandon it; as a context manager the worker always stops. Mutable buffers passed
    to :meth:`update` are copied, so callers may reuse them.
    """

    def __init__(self, algorithm: str = "sha256") -> None:
        self._hash = hashlib.new(algorithm)
        self._queue: queue.Queue[list[bytes] | None] = queue.Queue(maxsize=_MAX_PENDING)
        self._batch: list[bytes] = []
        self._batch_size = 0
        self._digest: bytes | None = None
        self._closed = False
        self._worker = threading.Thread(
            target=_hash_batches, args=(self._queue, self._hash), name="hasher", daemon=True
        )
        self._worker.start()
        # A hasher dropped without close() still stops its worker when collected.
        self._stop_on_collect = weakref.finalize(self, self._queue.put, None)

    def update(self, data: ReadableBuffer) -> None:
        """Queue ``data`` for hashing; blocks only while the worker is far behind."""
        if self._closed:
            raise ValueError("hasher is finished")
        chunk = data if isinstance(data, bytes) else bytes(data)
        if not chunk:
            return
        self._batch.append(chunk)
        self._batch_size += len(chunk)
        if self._batch_size >= _BATCH_SIZE:
            self._flush()

    def _flush(self) -> None:
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
            self._batch, self._batch_size = [], 0
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
