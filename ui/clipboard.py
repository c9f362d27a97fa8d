"""Copy to the clipboard and clear it again after 30 s (if it still holds our value)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000


class SecureClipboard(QObject):
    """The only way the app puts text on the clipboard."""

    def __init__(self, parent: QObject | None = None, *, clear_after_ms: int = CLEAR_AFTER_MS):
        super().__init__(parent)
        self._value: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_now)

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._value = text
        self._timer.start()

    def clear_now(self) -> None:
        """Remove our value from the clipboard, leaving anything the user copied since."""
        self._timer.stop()
        if self._value is not None and QGuiApplication.clipboard().text() == self._value:
            QGuiApplication.clipboard().clear()
        self._value = None
