"""Run the Qt-free core's long functions off the GUI thread.

The core (``evidence_app``) takes plain ``progress(done, total)`` and ``cancel() -> bool``
callbacks. :class:`Task` wraps one such call in a ``QRunnable`` and turns the callbacks into
Qt signals, so the GUI thread only receives queued signals and never blocks. Cancelling is
cooperative (the core polls ``cancel()``); threads are never terminated.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressBar, QWidget

ProgressFn = Callable[[int, "int | None"], None]
CancelFn = Callable[[], bool]
Job = Callable[[ProgressFn, CancelFn], Any]

# Progress signals are throttled so a tight core loop cannot flood the GUI's event queue.
_PROGRESS_INTERVAL = 0.04


class TaskSignals(QObject):
    """Signals of one task; lives in the GUI thread, emitted from the worker thread."""

    progress = Signal(int, int)  # done, total (-1 when unknown)
    succeeded = Signal(object)  # the job's return value
    failed = Signal(object)  # the exception the job raised (CancelledError when cancelled)
    finished = Signal()  # always last, after succeeded or failed


class Task(QRunnable):
    """One background job: ``job(progress, cancel)`` runs in the shared thread pool."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = TaskSignals()
        self._job = job
        self._cancel = threading.Event()
        self._last_progress = 0.0

    def cancel(self) -> None:
        """Ask the job to stop at its next cancel check."""
        self._cancel.set()

    def _progress(self, done: int, total: int | None = None) -> None:
        now = time.monotonic()
        final = total is not None and done >= total
        if final or now - self._last_progress >= _PROGRESS_INTERVAL:
            self._last_progress = now
            self.signals.progress.emit(int(done), -1 if total is None else int(total))

    def run(self) -> None:
        try:
            result = self._job(self._progress, self._cancel.is_set)
        except Exception as exc:  # noqa: BLE001 - every failure is reported to the GUI
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        self.signals.finished.emit()


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps them alive until they have finished."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()

    def start(
        self,
        job: Job,
        *,
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        """Run ``job(progress, cancel)`` in the background; callbacks run in the GUI thread."""
        task = Task(job)
        # Forget the task before the caller's callbacks run, so they see busy == False.
        task.signals.succeeded.connect(lambda _result: self._running.discard(task))
        task.signals.failed.connect(lambda _exc: self._running.discard(task))
        if on_success is not None:
            task.signals.succeeded.connect(on_success)
        if on_error is not None:
            task.signals.failed.connect(on_error)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        self._running.add(task)
        self._pool.start(task)
        return task

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task has returned (used on quit and lock, after cancel_all)."""
        return self._pool.waitForDone(msecs)


def show_fraction(bar: Any, done: int, total: int) -> None:
    """Show ``done`` of ``total`` on a QProgressBar (left as it is while total is unknown)."""
    if total > 0:
        bar.setRange(0, 1000)
        bar.setValue(int(1000 * min(done, total) / total))


def busy_bar(parent: QWidget) -> QProgressBar:
    """A hidden progress bar that moves without a fraction (for work of unknown length)."""
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.hide()
    return bar
