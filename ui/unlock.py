"""Unlock screen: passphrase (or recovery code) in, open vault out. Shows nothing else.

Opening runs in the background (Argon2). After a wrong passphrase the screen says so and
waits a short, growing delay before the next try, with a QTimer (the GUI stays live).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crypto.errors import WrongPassphraseError
from evidence_app.errors import describe_error
from evidence_app.vault import Vault
from ui.plain import PlainLabel, error_label
from ui.workers import TaskRunner, busy_bar


class UnlockScreen(QWidget):
    """Emits ``unlocked(vault)``; a wrong passphrase shows ``error`` and pauses the button."""

    unlocked = Signal(object)
    wrong_passphrase = Signal()

    def __init__(
        self,
        vault_path: Path,
        *,
        kdf_params: Any = None,
        retry_delay_ms: int = 1500,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._path = vault_path
        self._kdf_params = kdf_params
        self._retry_delay_ms = retry_delay_ms
        self._failures = 0
        self._closing = False
        self._runner = TaskRunner(self, max_threads=1)
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self._allow_retry)

        title = PlainLabel(self.tr("The vault is locked"), self)
        title.setObjectName("heading")
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.use_recovery = QCheckBox(self.tr("Use the recovery code instead"), self)
        self.use_recovery.toggled.connect(self._mode_changed)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.error = error_label(self)
        self.busy = busy_bar(self)

        panel = QWidget(self)
        panel.setMaximumWidth(520)
        column = QVBoxLayout(panel)
        for widget in (title, self.passphrase, self.use_recovery, self.unlock_button,
                       self.busy, self.error):
            column.addWidget(widget)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel, 3)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def _mode_changed(self, recovery: bool) -> None:
        self.passphrase.clear()
        self.passphrase.setPlaceholderText(
            self.tr("Recovery code") if recovery else self.tr("Passphrase")
        )

    def try_unlock(self) -> None:
        secret = self.passphrase.text()
        if not secret or not self.unlock_button.isEnabled():
            return
        path, kdf, recovery = self._path, self._kdf_params, self.use_recovery.isChecked()

        def job(progress: object, cancel: object) -> Vault:
            if recovery:
                return Vault.open_with_recovery(path, secret)
            return Vault.open(path, secret, kdf_params=kdf)

        self.error.clear()
        self.unlock_button.setEnabled(False)
        self.busy.show()
        self._runner.start(job, on_success=self._opened, on_error=self._failed)

    def _opened(self, vault: Vault) -> None:
        if self._closing:  # the screen went away while the vault was opening
            vault.lock()
            return
        self.busy.hide()
        self.passphrase.clear()
        self._failures = 0
        self.unlock_button.setEnabled(True)
        self.unlocked.emit(vault)

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.passphrase.selectAll()
        if isinstance(exc, WrongPassphraseError):
            self._failures += 1
            what = (
                self.tr("Wrong recovery code.") if self.use_recovery.isChecked()
                else self.tr("Wrong passphrase.")
            )
            self.error.setText(what + " " + self.tr("Please wait a moment, then try again."))
            self._retry_timer.start(self._retry_delay_ms * min(self._failures, 10))
            self.wrong_passphrase.emit()
            return
        message, _ = describe_error(exc)
        self.error.setText(message or self.tr("The vault could not be opened."))
        self.unlock_button.setEnabled(True)

    def _allow_retry(self) -> None:
        self.unlock_button.setEnabled(True)
        self.passphrase.setFocus()

    def shutdown(self) -> None:
        """Leaving the screen: a vault still being opened is locked again, never shown."""
        self._closing = True
        self._runner.cancel_all()
        self._runner.wait()
        QCoreApplication.sendPostedEvents()
