"""One context-manager rule for everything that writes an output in steps (age and armor
writers, STREAM payload writers, write-behind threads): leaving the ``with`` block
normally finishes the output (:meth:`close`); leaving it by an exception abandons it
(:meth:`abort`), so a half-written output can never pass as a complete one."""

from __future__ import annotations

from types import TracebackType
from typing import Self


class FinishOrAbort:
    """Mixin: ``__exit__`` calls :meth:`close` on success and :meth:`abort` on error."""

    def close(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()
