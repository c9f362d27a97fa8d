"""End to end through the GUI: create a vault, record a testimony with consent and real
photos, export it to a lawyer's key card, import it in the lawyer's vault, verify it;
a tampered bundle is rejected; an export can be cancelled; the GUI stays responsive."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from ui_support import (
    CAMERA_PHOTOS,
    FAST_KDF,
    PASSPHRASE,
    sample_testimony,
    settings,
    wait_list,
)

from evidence_app import records
from evidence_app.vault import Vault
from ui.clipboard import SecureClipboard
from ui.main_window import MainWindow
from ui.setup_wizard import SetupWizard
from ui.unlock import UnlockScreen
from ui.workspace import Workspace

pytestmark = pytest.mark.gui


def _lawyer(tmp_path: Path) -> tuple[Path, str]:
    vault, _ = Vault.create(tmp_path / "lawyer", PASSPHRASE, "Lawyer B", kdf_params=FAST_KDF)
    card = vault.identity.card().to_text()
    vault.lock()
    return tmp_path / "lawyer", card


def _create_in_wizard(qtbot, win: MainWindow) -> Workspace:
    wiz = win.screen_widget
    assert isinstance(wiz, SetupWizard)
    wiz.next_button.click()
    wiz.name.setText("Documenter A")
    wiz.next_button.click()
    wiz.passphrase.setText(PASSPHRASE)
    wiz.repeat.setText(PASSPHRASE)
    wiz.next_button.click()
    qtbot.waitUntil(lambda: wiz.steps.currentIndex() == SetupWizard.STEP_RECOVERY, timeout=10_000)
    wiz.confirm.setChecked(True)
    with qtbot.waitSignal(win.unlocked):
        wiz.next_button.click()
    ws = win.screen_widget
    assert isinstance(ws, Workspace)
    return ws


def _fill_testimony(qtbot, ws: Workspace) -> str:
    ws.new_testimony()
    form = ws.editor.form
    form.title.setText("Detention at the river checkpoint")
    form.narrative.setPlainText("The witness was held for three days without charge.")
    form.pseudonym.setText("W-014")
    form.identity_name.setText("Witness Realname")
    form.interview_date.setText("2025-03-02")
    form.interviewer.setText("Interviewer A")
    form.consent_given.setChecked(True)
    form.consent_method.setCurrentIndex(form.consent_method.findData("oral"))
    form.identity_disclosure.setCurrentIndex(form.identity_disclosure.findData("authorities_only"))
    for i in range(form.consent_scope.count()):
        item = form.consent_scope.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in ("coordinator", "icc"):
            item.setCheckState(Qt.CheckState.Checked)
    ws.editor.flush()
    tid = ws.editor.tid
    assert tid is not None
    with qtbot.waitSignal(ws.attachments.changed, timeout=20_000):
        ws.attachments.add_files(CAMERA_PHOTOS)
    ws.editor.toggle_complete()
    assert ws.editor.status == "complete", ws.editor.missing.text()
    return tid


def _export(qtbot, ws: Workspace, tid: str, out: Path):
    ws.list.refresh()
    wait_list(qtbot, ws.list)
    ws.list.select(tid)
    dialog = ws.export_selected()
    assert dialog is not None
    dialog.next_button.click()
    dialog.recipients.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.next_button.click()
    dialog.destination.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as blocker:
        dialog.next_button.click()
    result = blocker.args[0]
    assert result.bundle_id in dialog.summary.text()
    dialog.accept()
    return result


def test_full_journey(qtbot, tmp_path):
    lawyer_path, lawyer_card = _lawyer(tmp_path)
    win = MainWindow(tmp_path / "documenter", kdf_params=FAST_KDF, settings=settings(tmp_path))
    qtbot.addWidget(win)
    win.show()
    ws = _create_in_wizard(qtbot, win)
    ws.keys.add_card(lawyer_card, trusted=True, may_see_identities=True,
                     verified_how="in person")
    my_card = ws.vault.identity.card().to_text()
    tid = _fill_testimony(qtbot, ws)
    bundle_path = tmp_path / "bundle.age"
    exported = _export(qtbot, ws, tid, bundle_path)
    assert bundle_path.exists() and exported.sealed_identity
    ws.show_testimony(tid)
    qtbot.waitUntil(lambda: any(
        ws.custody.table.item(r, 1).text() == "exported"
        for r in range(ws.custody.table.rowCount())))
    win.lock()

    lawyer = MainWindow(lawyer_path, kdf_params=FAST_KDF, settings=settings(tmp_path))
    qtbot.addWidget(lawyer)
    lawyer.show()
    screen = lawyer.screen_widget
    assert isinstance(screen, UnlockScreen)
    screen.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(lawyer.unlocked, timeout=10_000):
        screen.unlock_button.click()
    lws = lawyer.screen_widget
    assert isinstance(lws, Workspace)
    lws.keys.add_card(my_card, trusted=True, may_see_identities=False, verified_how="call")

    with qtbot.waitSignal(lws.importer.finished, timeout=30_000):
        lws.importer.import_files([bundle_path])
    [outcome] = lws.importer.outcomes
    assert outcome.error is None and outcome.result.status == "imported"
    assert outcome.result.bundle_id == exported.bundle_id
    importer = lws.importer
    assert not importer.exhibit_button.isEnabled()
    importer.table.selectRow(0)
    assert importer.exhibit_button.isEnabled()
    assert importer.selected_bundle_id() == exported.bundle_id
    with qtbot.waitSignal(importer.finished, timeout=30_000):
        importer.save_exhibit(exported.bundle_id, tmp_path / "exhibit.age")
    assert (tmp_path / "exhibit.age").read_bytes() == bundle_path.read_bytes()
    assert "exhibit.age" in importer.message.text()
    with qtbot.waitSignal(importer.finished, timeout=30_000):  # never over an existing file
        importer.save_exhibit(exported.bundle_id, tmp_path / "exhibit.age")
    assert "already exists" in importer.message.text()
    # The list of received bundles has it too, and one selection spans both lists.
    assert importer.received.rowCount() == 1
    assert importer.received.item(0, 0).text() == exported.bundle_id
    importer.received.selectRow(0)
    assert not importer.table.selectedIndexes()
    assert importer.selected_bundle_id() == exported.bundle_id
    with qtbot.waitSignal(importer.finished, timeout=30_000):
        importer.save_exhibit(exported.bundle_id, tmp_path / "exhibit-2.age")
    assert (tmp_path / "exhibit-2.age").read_bytes() == bundle_path.read_bytes()
    importer.table.selectRow(0)
    assert not importer.received.selectedIndexes() and importer.exhibit_button.isEnabled()
    wait_list(qtbot, lws.list)
    assert lws.list.model.total == 1
    imported_tid = lws.list.model.summary(0).id
    data = records.get_testimony(lws.vault, imported_tid, include_identity=True)
    assert len(data["attachments"]) == 3
    assert data["witness"]["identity"]["name"] == "Witness Realname"

    with qtbot.waitSignal(lws.verifier.verified, timeout=30_000) as blocker:
        lws.verifier.check(bundle_path)
    assert blocker.args[0].ok
    assert lws.verifier.lines.count() > 3
    assert all(lws.verifier.lines.item(i).text().startswith("✔")
               for i in range(lws.verifier.lines.count()))
    lws.verifier.save_report(tmp_path / "report.html")
    lws.verifier.save_report(tmp_path / "report.pdf")
    assert "ALL CHECKS PASSED" in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    lawyer.lock()


@pytest.fixture
def two_vaults(qtbot, tmp_path):
    """A documenter workspace with one complete testimony and a trusted lawyer contact."""
    lawyer_path, lawyer_card = _lawyer(tmp_path)
    vault, _ = Vault.create(tmp_path / "documenter", PASSPHRASE, "Documenter A",
                            kdf_params=FAST_KDF)
    vault.add_contact(lawyer_card, trusted=True, verified_how="in person")
    tid = records.add_testimony(vault, sample_testimony(status="complete"))
    ws = Workspace(vault, clipboard=SecureClipboard())
    qtbot.addWidget(ws)
    ws.show()
    yield ws, tid, lawyer_path
    ws.shutdown()
    vault.lock()


def test_tampered_bundle_is_rejected(qtbot, two_vaults, tmp_path):
    ws, tid, lawyer_path = two_vaults
    bundle_path = tmp_path / "bundle.age"
    _export(qtbot, ws, tid, bundle_path)
    my_card = ws.vault.identity.card().to_text()
    data = bytearray(bundle_path.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "tampered.age"
    tampered.write_bytes(bytes(data))

    lawyer = Vault.open(lawyer_path, PASSPHRASE)
    lawyer.add_contact(my_card, trusted=True, verified_how="in person")
    lws = Workspace(lawyer, clipboard=SecureClipboard())
    qtbot.addWidget(lws)
    try:
        with qtbot.waitSignal(lws.importer.finished, timeout=30_000):
            lws.importer.import_files([tampered])
        [outcome] = lws.importer.outcomes
        assert outcome.result is None and outcome.error
        assert "rejected" in lws.importer.table.item(0, 1).text()
        assert records.count_testimonies(lawyer) == 0
        with qtbot.waitSignal(lws.verifier.failed, timeout=30_000):
            lws.verifier.check(tampered)
        assert lws.verifier.verdict.text().startswith("✘")
    finally:
        lws.shutdown()
        lawyer.lock()


def test_cancelling_an_export_leaves_nothing(qtbot, two_vaults, tmp_path):
    ws, tid, _ = two_vaults
    big = tmp_path / "recording.bin"
    big.write_bytes(os.urandom(24 << 20))
    records.attach(ws.vault, tid, [big])
    events_before = len(records.custody_events(ws.vault, "vault"))
    ws.list.refresh()
    wait_list(qtbot, ws.list)
    ws.list.select(tid)
    dialog = ws.export_selected()
    assert dialog is not None
    dialog.next_button.click()
    dialog.recipients.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.next_button.click()
    out = tmp_path / "cancelled.age"
    dialog.destination.setText(str(out))
    dialog.next_button.click()
    assert dialog.task is not None
    with qtbot.waitSignal(dialog.rejected, timeout=30_000):
        dialog.cancel_button.click()
    assert not out.exists()
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".cancelled")] == []
    assert len(records.custody_events(ws.vault, "vault")) == events_before


@pytest.mark.responsiveness
def test_gui_thread_stays_responsive_during_large_export(qtbot, two_vaults, tmp_path):
    ws, tid, _ = two_vaults
    big = tmp_path / "recording.bin"
    big.write_bytes(os.urandom(32 << 20))
    records.attach(ws.vault, tid, [big])
    gaps: list[float] = []
    last = [time.monotonic()]

    def beat() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    ws.list.refresh()
    wait_list(qtbot, ws.list)
    ws.list.select(tid)
    dialog = ws.export_selected()
    assert dialog is not None
    dialog.next_button.click()
    dialog.recipients.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.next_button.click()
    dialog.destination.setText(str(tmp_path / "large.age"))
    heartbeat.start()
    last[0] = time.monotonic()
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.next_button.click()
    heartbeat.stop()
    assert len(gaps) >= 2
    assert max(gaps) < 0.100, f"GUI thread blocked for {max(gaps) * 1000:.0f} ms"
