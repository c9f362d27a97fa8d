"""First run, unlock, wrong passphrase, auto-lock, Ctrl+L, panic: the safety of the shell."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from ui_support import FAST_KDF, PASSPHRASE, sample_testimony, settings, wait_list

from evidence_app import records
from evidence_app.vault import Vault
from ui.i18n import switch_language
from ui.main_window import MainWindow
from ui.settings import APPLICATION
from ui.setup_wizard import SetupWizard
from ui.unlock import UnlockScreen
from ui.workspace import Workspace

pytestmark = pytest.mark.gui


def _window(qtbot, tmp_path, **kwargs) -> MainWindow:
    win = MainWindow(tmp_path / "vault", kdf_params=FAST_KDF, settings=settings(tmp_path),
                     **kwargs)
    qtbot.addWidget(win)
    win.show()
    return win


def _existing_vault(tmp_path) -> None:
    vault, _code = Vault.create(tmp_path / "vault", PASSPHRASE, "Tester", kdf_params=FAST_KDF)
    records.add_testimony(vault, sample_testimony())
    vault.lock()


def _unlock(qtbot, win: MainWindow, secret: str = PASSPHRASE) -> None:
    screen = win.screen_widget
    assert isinstance(screen, UnlockScreen)
    screen.passphrase.setText(secret)
    with qtbot.waitSignal(win.unlocked, timeout=10_000):
        screen.unlock_button.click()


def test_first_run_wizard(qtbot, tmp_path):
    win = _window(qtbot, tmp_path)
    wiz = win.screen_widget
    assert isinstance(wiz, SetupWizard)
    assert wiz.location.text() == str(tmp_path / "vault")
    wiz.next_button.click()
    assert wiz.steps.currentIndex() == SetupWizard.STEP_NAME
    wiz.next_button.click()
    assert "name" in wiz.error.text()
    wiz.name.setText("Field team A")
    wiz.next_button.click()
    assert wiz.steps.currentIndex() == SetupWizard.STEP_PASSPHRASE
    wiz.passphrase.setText("abc123")
    wiz.repeat.setText("abc123")
    wiz.next_button.click()
    assert "weak" in wiz.error.text()
    assert wiz.meter.text in ("very weak", "weak")
    wiz.passphrase.setText(PASSPHRASE)
    wiz.repeat.setText(PASSPHRASE + " ")
    wiz.next_button.click()
    assert "not the same" in wiz.error.text()
    assert not Vault.exists(tmp_path / "vault")
    wiz.repeat.setText(PASSPHRASE)
    wiz.next_button.click()
    qtbot.waitUntil(lambda: wiz.steps.currentIndex() == SetupWizard.STEP_RECOVERY, timeout=10_000)
    code = wiz.recovery.text()
    assert code and Vault.exists(tmp_path / "vault")
    assert not wiz.passphrase.text() and not wiz.repeat.text()
    assert not wiz.next_button.isEnabled()  # the checkbox is required
    wiz.confirm.setChecked(True)
    with qtbot.waitSignal(win.unlocked):
        wiz.next_button.click()
    assert isinstance(win.screen_widget, Workspace)
    assert win.vault is not None and win.vault.identity.card().name == "Field team A"
    assert win.windowTitle() == APPLICATION

    # Locking drops the keys; the recovery code shown once opens the vault again.
    vault = win.vault
    win.lock()
    assert vault.is_locked and win.vault is None
    screen = win.screen_widget
    assert isinstance(screen, UnlockScreen)
    screen.use_recovery.setChecked(True)
    _unlock(qtbot, win, code)
    assert isinstance(win.screen_widget, Workspace)
    win.lock()


def test_wrong_passphrase_then_right_one(qtbot, tmp_path):
    _existing_vault(tmp_path)
    win = _window(qtbot, tmp_path, retry_delay_ms=200)
    screen = win.screen_widget
    assert isinstance(screen, UnlockScreen)
    assert win.windowTitle() == APPLICATION
    screen.passphrase.setText("not the passphrase")
    with qtbot.waitSignal(screen.wrong_passphrase, timeout=10_000):
        screen.unlock_button.click()
    assert "Wrong passphrase" in screen.error.text()
    assert not screen.unlock_button.isEnabled()  # short pause before the next try
    assert win.vault is None
    qtbot.waitUntil(screen.unlock_button.isEnabled)
    _unlock(qtbot, win)
    ws = win.screen_widget
    assert isinstance(ws, Workspace)
    wait_list(qtbot, ws.list)
    assert ws.list.model.total == 1
    assert win.windowTitle() == APPLICATION  # never content in the title
    win.lock()


def test_auto_lock_after_idle_clears_views_and_drops_keys(qtbot, tmp_path):
    _existing_vault(tmp_path)
    win = _window(qtbot, tmp_path, idle_msecs=100)
    _unlock(qtbot, win)
    vault = win.vault
    assert vault is not None and not vault.is_locked
    with qtbot.waitSignal(win.locked, timeout=5_000):
        pass
    assert vault.is_locked
    assert isinstance(win.screen_widget, UnlockScreen)
    assert not win.findChildren(Workspace)
    shown = [w.text() for w in win.findChildren(QLabel)] + [
        w.text() for w in win.findChildren(QLineEdit)]
    assert not any("Ҳақиқат" in text or "W-014" in text for text in shown)


def test_ctrl_l_locks_and_keeps_an_unsaved_draft(qtbot, tmp_path):
    _existing_vault(tmp_path)
    win = _window(qtbot, tmp_path)
    _unlock(qtbot, win)
    ws = win.screen_widget
    assert isinstance(ws, Workspace)
    ws.new_testimony()
    ws.editor.form.title.setText("Typed just before locking")
    assert ws.editor.dirty
    with qtbot.waitSignal(win.locked):
        qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    vault = Vault.open(tmp_path / "vault", PASSPHRASE)
    try:
        titles = {s.title for s in records.list_testimonies(vault)}
    finally:
        vault.lock()
    assert "Typed just before locking" in titles


def test_clipboard_is_cleared_on_lock(qtbot, tmp_path):
    _existing_vault(tmp_path)
    win = _window(qtbot, tmp_path)
    _unlock(qtbot, win)
    win.clipboard.copy("12345 67890")
    assert QGuiApplication.clipboard().text() == "12345 67890"
    win.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_panic_locks_and_closes(qtbot, tmp_path):
    _existing_vault(tmp_path)
    win = _window(qtbot, tmp_path)
    _unlock(qtbot, win)
    vault = win.vault
    assert vault is not None
    win.panic_action.trigger()
    assert vault.is_locked
    assert not win.isVisible()


def test_settings_hold_no_content(qtbot, tmp_path):
    _existing_vault(tmp_path)
    win = _window(qtbot, tmp_path)
    _unlock(qtbot, win)
    win.close()
    text = (tmp_path / "settings.ini").read_text(encoding="utf-8", errors="replace")
    assert "W-014" not in text and "Khorog" not in text and "geometry" in text


def test_idle_minutes_and_language_are_stored(qtbot, tmp_path):
    win = _window(qtbot, tmp_path)
    win.set_idle_minutes(12)
    try:
        win.set_language("en")
    finally:
        switch_language(QApplication.instance(), "")
    win.close()
    again = settings(tmp_path)
    assert again.idle_minutes == 12 and again.language == "en"


def test_switching_language_rebuilds_the_open_workspace(qtbot, tmp_path):
    _existing_vault(tmp_path)
    win = _window(qtbot, tmp_path)
    _unlock(qtbot, win)
    english = win.screen_widget
    assert isinstance(english, Workspace) and english.tabs.tabText(0) == "Testimonies"
    try:
        win.set_language("ru")
        russian = win.screen_widget
        assert isinstance(russian, Workspace) and russian is not english
        assert russian.tabs.tabText(0) != "Testimonies"
        wait_list(qtbot, russian.list)
        assert russian.list.model.total == 1  # same vault, still unlocked
        assert win.menuBar().actions()[0].text() != "&Vault"
    finally:
        switch_language(QApplication.instance(), "")
    win.lock()


def test_locking_closes_open_dialogs(qtbot, tmp_path):
    _existing_vault(tmp_path)
    win = _window(qtbot, tmp_path)
    _unlock(qtbot, win)
    ws = win.screen_widget
    assert isinstance(ws, Workspace)
    ws.list.table.selectRow(0)
    dialog = ws.export_selected()
    assert dialog is not None and dialog.isVisible()
    win.lock()
    assert not dialog.isVisible()
    assert isinstance(win.screen_widget, UnlockScreen)


def test_closing_at_the_recovery_step_locks_the_new_vault(qtbot, tmp_path):
    win = _window(qtbot, tmp_path)
    wiz = win.screen_widget
    assert isinstance(wiz, SetupWizard)
    wiz.name.setText("Field team A")
    wiz.passphrase.setText(PASSPHRASE)
    wiz.repeat.setText(PASSPHRASE)
    wiz.steps.setCurrentIndex(SetupWizard.STEP_PASSPHRASE)
    wiz.next_button.click()
    qtbot.waitUntil(lambda: wiz.steps.currentIndex() == SetupWizard.STEP_RECOVERY, timeout=10_000)
    win.close()
    # The vault lock was released: the folder opens again (a held lock raises VaultBusyError).
    Vault.open(tmp_path / "vault", PASSPHRASE).lock()


def test_switching_language_at_the_recovery_step_keeps_the_code(qtbot, tmp_path):
    win = _window(qtbot, tmp_path)
    wiz = win.screen_widget
    assert isinstance(wiz, SetupWizard)
    wiz.name.setText("Field team A")
    wiz.passphrase.setText(PASSPHRASE)
    wiz.repeat.setText(PASSPHRASE)
    wiz.steps.setCurrentIndex(SetupWizard.STEP_PASSPHRASE)
    wiz.next_button.click()
    qtbot.waitUntil(lambda: wiz.steps.currentIndex() == SetupWizard.STEP_RECOVERY, timeout=10_000)
    code = wiz.recovery.text()
    assert code
    try:
        win.set_language("ru")
    finally:
        switch_language(QApplication.instance(), "")
    assert win.screen_widget is wiz  # not replaced by the unlock screen
    assert wiz.steps.currentIndex() == SetupWizard.STEP_RECOVERY
    assert wiz.recovery.text() == code
    wiz.confirm.setChecked(True)
    with qtbot.waitSignal(win.unlocked):
        wiz.next_button.click()
    win.lock()
    Vault.open_with_recovery(tmp_path / "vault", code).lock()  # the code shown opens it


def test_closing_while_unlocking_locks_the_vault_again(qtbot, tmp_path):
    _existing_vault(tmp_path)
    win = _window(qtbot, tmp_path)
    screen = win.screen_widget
    assert isinstance(screen, UnlockScreen)
    screen.passphrase.setText(PASSPHRASE)
    screen.unlock_button.click()
    win.close()
    assert win.vault is None
    Vault.open(tmp_path / "vault", PASSPHRASE).lock()  # no lock left held
