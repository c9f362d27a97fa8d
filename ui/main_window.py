"""The main window: setup wizard, unlock screen or the open workspace, one at a time.

Safety: the title is only the app name; after ``idle_minutes`` without keyboard or mouse
input (and on Ctrl+L) the vault is locked: running work is cancelled, every view is
destroyed and the vault's keys are dropped. The panic action locks and quits at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from evidence_app.vault import Vault
from ui.clipboard import SecureClipboard
from ui.i18n import available_languages, switch_language
from ui.settings import APPLICATION, Settings
from ui.setup_wizard import SetupWizard
from ui.style import STYLE
from ui.unlock import UnlockScreen
from ui.workspace import Workspace

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})


class IdleWatcher(QObject):
    """Emits ``idle`` after ``msecs`` without user input anywhere in the application."""

    idle = Signal()

    def __init__(self, msecs: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(msecs)
        self._timer.timeout.connect(self.idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def set_interval(self, msecs: int) -> None:
        self._timer.setInterval(msecs)
        if self._timer.isActive():
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False


class MainWindow(QMainWindow):
    """Shows the wizard (no vault yet), the unlock screen, or the workspace."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        vault_path: Path,
        *,
        kdf_params: Any = None,
        settings: Settings | None = None,
        idle_msecs: int | None = None,
        retry_delay_ms: int = 1500,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._retry_delay_ms = retry_delay_ms
        self.setWindowTitle(APPLICATION)
        self.setStyleSheet(STYLE)
        self.vault_path = vault_path
        self.settings = settings or Settings()
        self._kdf_params = kdf_params
        self.vault: Vault | None = None
        self.workspace: Workspace | None = None
        self.clipboard = SecureClipboard(self)

        self._stack = QStackedWidget(self)
        self.setCentralWidget(self._stack)
        self.idle = IdleWatcher(
            idle_msecs if idle_msecs is not None else int(self.settings.idle_minutes * 60_000),
            self,
        )
        self.idle.idle.connect(self.lock)

        self.lock_action = QAction(self)
        self.lock_action.triggered.connect(self.lock)
        self.panic_action = QAction(self)
        self.panic_action.triggered.connect(self.panic)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.idle_action = QAction(self)
        self.idle_action.triggered.connect(self._ask_idle_minutes)
        for action in (self.lock_action, self.panic_action):
            self.addAction(action)  # shortcuts work even when the menu is hidden
        self._build_menus()

        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        else:
            self.resize(1100, 720)
        if Vault.exists(vault_path):
            self._show_unlock()
        else:
            self._show_setup()

    # -- screens ---------------------------------------------------------------------

    def _replace(self, widget: QWidget) -> None:
        while (old := self._stack.widget(0)) is not None:
            self._stack.removeWidget(old)
            shutdown = getattr(old, "shutdown", None)
            if shutdown is not None:
                shutdown()
            old.hide()
            old.setParent(None)  # gone from the window now
            old.deleteLater()
        self._stack.addWidget(widget)
        self._stack.setCurrentWidget(widget)

    @property
    def screen_widget(self) -> QWidget | None:
        """The screen currently shown: SetupWizard, UnlockScreen or Workspace."""
        return self._stack.currentWidget()

    def _show_setup(self) -> None:
        wizard = SetupWizard(self.vault_path, kdf_params=self._kdf_params, parent=self)
        wizard.vault_created.connect(self._open_workspace)
        self._replace(wizard)

    def _show_unlock(self) -> None:
        screen = UnlockScreen(self.vault_path, kdf_params=self._kdf_params,
                              retry_delay_ms=self._retry_delay_ms, parent=self)
        screen.unlocked.connect(self._open_workspace)
        self._replace(screen)
        screen.passphrase.setFocus()

    def _open_workspace(self, vault: Vault) -> None:
        self.vault = vault
        self.vault_path = vault.path
        self.workspace = Workspace(vault, clipboard=self.clipboard, parent=self)
        self._replace(self.workspace)
        self.lock_action.setEnabled(True)
        self.idle.start()
        self.unlocked.emit()

    # -- menus and preferences ---------------------------------------------------------

    def _build_menus(self) -> None:
        """(Re)build the menus in the current language."""
        self.lock_action.setText(self.tr("&Lock"))
        self.lock_action.setShortcut(QKeySequence(self.tr("Ctrl+L")))
        self.panic_action.setText(self.tr("&Panic: lock and quit"))
        self.panic_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+Q")))
        self.quit_action.setText(self.tr("&Quit"))
        self.idle_action.setText(self.tr("Lock after inactivity…"))
        bar = self.menuBar()
        bar.clear()
        menu = bar.addMenu(self.tr("&Vault"))
        menu.addAction(self.lock_action)
        menu.addAction(self.panic_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        prefs = bar.addMenu(self.tr("&Settings"))
        prefs.addAction(self.idle_action)
        prefs.addSeparator()  # then the interface languages, each named in itself
        for code in [""] + available_languages():
            action = QAction(QLocale(code).nativeLanguageName() if code
                             else self.tr("System default"), prefs)
            action.setCheckable(True)
            action.setChecked(code == self.settings.language)
            action.triggered.connect(lambda _c=False, code=code: self.set_language(code))
            prefs.addAction(action)

    def _ask_idle_minutes(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self, self.tr("Auto-lock"), self.tr("Lock the vault after this many idle minutes:"),
            round(self.settings.idle_minutes), 1, 240)
        if ok:
            self.set_idle_minutes(minutes)

    def set_idle_minutes(self, minutes: float) -> None:
        """Store the auto-lock delay and apply it at once."""
        self.settings.idle_minutes = minutes
        self.idle.set_interval(int(minutes * 60_000))

    def set_language(self, code: str) -> None:
        """Switch the interface language ("" = the system's) now, and remember it.

        The current screen is built again in the new language; an open testimony's
        unsaved edits are saved first, as on any screen change. The setup wizard is kept
        (it translates itself in place): it may hold a vault it has just created and the
        recovery code, which is shown only this once.
        """
        self.settings.language = code
        app = QApplication.instance()
        if isinstance(app, QApplication):
            switch_language(app, code)
        self._build_menus()
        if self.vault is not None:
            self._open_workspace(self.vault)
        elif isinstance(self.screen_widget, SetupWizard):
            pass
        elif Vault.exists(self.vault_path):
            self._show_unlock()
        else:
            self._show_setup()

    # -- safety ----------------------------------------------------------------------

    def lock(self) -> None:
        """Cancel work, destroy every view, drop the keys, show the unlock screen."""
        self.idle.stop()
        self.clipboard.clear_now()
        if self.vault is None:
            return
        for widget in QApplication.topLevelWidgets():  # open dialogs may show content
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self.workspace = None
        vault, self.vault = self.vault, None
        self._show_unlock()  # shuts the workspace down (cancels and waits for its tasks)
        vault.lock()
        self.locked.emit()

    def panic(self) -> None:
        """Lock at once and quit the application."""
        self.lock()
        self.close()
        QApplication.quit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        self.lock()
        self._replace(QWidget(self))
        super().closeEvent(event)
