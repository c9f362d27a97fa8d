"""The open vault in the GUI: editor with autosave and validation, attachments with
thumbnails and GPS warning, custody timeline, history, keys, and a responsive GUI thread."""

from __future__ import annotations

import os
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from ui_support import CAMERA_PHOTOS, FAST_KDF, PASSPHRASE, sample_testimony, wait_list

from evidence_app import records
from evidence_app.vault import Vault
from ui.clipboard import SecureClipboard
from ui.custody_view import OK
from ui.workspace import Workspace

pytestmark = pytest.mark.gui


@pytest.fixture
def vault(tmp_path):
    v, _code = Vault.create(tmp_path / "vault", PASSPHRASE, "Tester", kdf_params=FAST_KDF)
    yield v
    v.lock()


@pytest.fixture
def workspace(qtbot, vault):
    ws = Workspace(vault, clipboard=SecureClipboard())
    qtbot.addWidget(ws)
    ws.resize(1200, 800)
    ws.show()
    yield ws
    ws.shutdown()


def test_new_testimony_is_autosaved_as_draft(qtbot, workspace, vault):
    workspace.new_testimony()
    editor = workspace.editor
    editor.form.title.setText("Checkpoint at the bridge")
    editor.form.narrative.setPlainText("The witness describes the checkpoint.")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        pass
    assert records.count_testimonies(vault) == 1
    tid = editor.tid
    assert tid is not None
    data = records.get_testimony(vault, tid)
    assert data["title"] == "Checkpoint at the bridge" and data["status"] == "draft"
    wait_list(qtbot, workspace.list)
    assert workspace.list.model.total == 1
    assert workspace.list.current_id() == tid  # the new row is selected, quietly
    # Mark complete is refused without consent and says what is missing.
    editor.toggle_complete()
    assert records.get_testimony(vault, tid)["status"] == "draft"
    assert "consent" in editor.missing.text()


def test_thumbnails_are_decoded_in_a_worker_and_stale_ones_dropped(
        qtbot, workspace, vault, monkeypatch):
    import threading

    from ui import attachments

    first = records.add_testimony(vault, sample_testimony(), CAMERA_PHOTOS[:1])
    second = records.add_testimony(vault, sample_testimony(title="No files"))
    threads: list[threading.Thread] = []
    gate = threading.Event()
    real = records.thumbnail

    def slow_thumbnail(v, aid):
        threads.append(threading.current_thread())
        assert gate.wait(10)
        return real(v, aid)

    monkeypatch.setattr(attachments.records, "thumbnail", slow_thumbnail)
    panel = workspace.attachments
    panel.set_testimony(first)
    assert panel.list.count() == 1 and panel.list.item(0).icon().isNull()  # listed at once
    gate.set()
    with qtbot.waitSignal(panel.thumbnails_shown):
        pass
    assert not panel.list.item(0).icon().isNull()
    assert threads and threading.main_thread() not in threads
    gate.clear()
    shown: list[int] = []
    panel.thumbnails_shown.connect(lambda: shown.append(panel.list.count()))
    panel.set_testimony(first)  # its thumbnail is held up...
    panel.set_testimony(second)  # ...while another testimony (no files) is shown
    gate.set()
    qtbot.waitUntil(lambda: not workspace.runner.busy)
    assert shown == [0]  # the late thumbnail of the first was dropped, not put anywhere


def test_autosave_updates_only_its_row(qtbot, workspace, vault):
    for n in range(3):
        records.add_testimony(vault, sample_testimony(title=f"Testimony {n}"))
    panel = workspace.list
    panel.refresh()
    wait_list(qtbot, panel)
    tid = panel.model.summary(1).id
    panel.select(tid)
    assert workspace.editor.tid == tid
    resets: list[int] = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(panel.model.dataChanged, timeout=10_000):
        workspace.editor.form.title.setText("Renamed while typing")
    assert panel.model.summary(1).title == "Renamed while typing"
    assert resets == [] and panel.current_id() == tid  # no reload: rows and place kept


def test_editor_round_trips_the_whole_model_and_completes(qtbot, workspace, vault):
    tid = records.add_testimony(vault, sample_testimony())
    workspace.list.refresh()
    workspace.show_testimony(tid)
    form = workspace.editor.form
    assert form.title.text() == sample_testimony()["title"]
    assert form.identity_name.text() == "Witness Realname"  # sealed, but mine to edit
    assert form.incidents.incidents()[0]["acts"] == ["RS-7-1-f"]
    expected = sample_testimony()
    got = form.to_data()
    for key in ("title", "narrative", "witness", "consent", "incidents"):
        assert got[key] == expected[key], key
    workspace.editor.toggle_complete()
    assert records.get_testimony(vault, tid)["status"] == "complete"
    assert workspace.editor.complete_button.text() == "Back to draft"


def test_act_picker_search_and_choice(qtbot, workspace):
    workspace.new_testimony()
    incidents = workspace.editor.form.incidents
    incidents.add_incident()
    picker = incidents.acts
    picker.search.setText("torture")
    codes = [picker.list.item(i).text().split()[0] for i in range(picker.list.count())]
    assert "RS-7-1-f" in codes and len(codes) < 10
    picker.list.item(codes.index("RS-7-1-f")).setCheckState(Qt.CheckState.Checked)
    assert incidents.incidents()[0]["acts"] == ["RS-7-1-f"]


def test_attachments_thumbnails_metadata_and_gps_warning(qtbot, workspace, vault):
    tid = records.add_testimony(vault, sample_testimony())
    workspace.list.refresh()
    workspace.show_testimony(tid)
    panel = workspace.attachments
    with qtbot.waitSignal(panel.changed, timeout=20_000):
        panel.add_files(CAMERA_PHOTOS)
    assert panel.list.count() == 3
    qtbot.waitUntil(lambda: all(not panel.list.item(i).icon().isNull() for i in range(3)))
    gps_rows = [i for i in range(3) if "GPS" in panel.list.item(i).text()]
    assert len(gps_rows) == 1
    panel.list.setCurrentRow(gps_rows[0])
    assert "GPS" in panel.gps_warning.text()
    sha = panel.meta_labels["sha256"].text().replace("\n", "")
    assert sha == panel.list.currentItem().data(256)["sha256"] and len(sha) == 64
    assert panel.meta_labels["camera"].text()
    # Custody shows the creation and three attachments, every signature valid.
    table = workspace.custody.table
    qtbot.waitUntil(lambda: table.rowCount() >= 4)
    assert {table.item(r, 4).data(256) for r in range(table.rowCount())} == {OK}


def test_cancelled_intake_adds_nothing(qtbot, workspace, vault, tmp_path):
    tid = records.add_testimony(vault, sample_testimony())
    workspace.show_testimony(tid)
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(8 << 20))
    panel = workspace.attachments
    task = panel.add_files([big])
    assert task is not None
    with qtbot.waitSignal(task.signals.finished, timeout=20_000):
        task.cancel()
    assert "Cancelled" in panel.message.text()
    assert records.get_testimony(vault, tid)["attachments"] == []


@pytest.mark.responsiveness
def test_gui_thread_stays_responsive_during_large_intake(qtbot, workspace, vault, tmp_path):
    tid = records.add_testimony(vault, sample_testimony())
    workspace.show_testimony(tid)
    big = tmp_path / "large.bin"
    big.write_bytes(os.urandom(64 << 20))
    gaps: list[float] = []
    last = [time.monotonic()]

    def beat() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    panel = workspace.attachments
    with qtbot.waitSignal(panel.changed, timeout=60_000):
        last[0] = time.monotonic()
        panel.add_files([big])
    heartbeat.stop()
    assert len(gaps) >= 2
    assert max(gaps) < 0.100, f"GUI thread blocked for {max(gaps) * 1000:.0f} ms"


def test_history_lists_versions_and_restores(qtbot, workspace, vault):
    tid = records.add_testimony(vault, sample_testimony(title="First title"))
    records.update_testimony(vault, tid, sample_testimony(title="Second title"))
    workspace.show_testimony(tid)
    history = workspace.history
    assert history.list.count() == 2
    history.list.setCurrentRow(1)  # newest first: row 1 is version 1
    assert "First title" in history.text.toPlainText()
    history.restore_button.click()
    assert workspace.editor.form.title.text() == "First title"
    assert workspace.editor.dirty


def test_keys_view_shows_my_card_and_adds_a_contact(qtbot, workspace, tmp_path):
    keys = workspace.keys
    assert keys.qr.pixmap() is not None and not keys.qr.pixmap().isNull()
    digits = keys.my_fingerprint.text().replace("\n", " ")
    assert digits == workspace.vault.fingerprint()
    keys.save_card(tmp_path / "card.txt")
    assert (tmp_path / "card.txt").read_text().startswith(
        workspace.vault.identity.card().to_text()[:20])
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, "Lawyer B", kdf_params=FAST_KDF)
    try:
        card = other.identity.card().to_text()
    finally:
        other.lock()
    keys.add_card(card, trusted=True, may_see_identities=False, verified_how="in person")
    assert keys.table.rowCount() == 1
    assert keys.table.item(0, 0).text() == "Lawyer B"
    keys.add_card(card, trusted=True, may_see_identities=False, verified_how=None)
    assert "already" in keys.message.text()


def test_dropping_files_adds_them(qtbot, workspace, vault):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    tid = records.add_testimony(vault, sample_testimony())
    workspace.show_testimony(tid)
    panel = workspace.attachments
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(CAMERA_PHOTOS[0]))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(panel.changed, timeout=20_000):
        panel.dropEvent(event)
    assert len(records.get_testimony(vault, tid)["attachments"]) == 1


def test_trust_checkboxes_update_the_contact(qtbot, workspace, tmp_path):
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, "Coordinator C",
                            kdf_params=FAST_KDF)
    card = other.identity.card().to_text()
    other.lock()
    keys = workspace.keys
    keys.add_card(card, trusted=False, may_see_identities=False, verified_how=None)
    with qtbot.waitSignal(keys.contacts_changed):
        keys.table.item(0, keys.COL_IDENTITIES).setCheckState(Qt.CheckState.Checked)
    [contact] = workspace.vault.list_contacts()
    assert contact.may_see_identities and not contact.trusted


def test_clipboard_value_is_cleared_after_the_delay(qtbot):
    from PySide6.QtGui import QGuiApplication

    board = SecureClipboard(clear_after_ms=50)
    board.copy("12345 67890")
    assert QGuiApplication.clipboard().text() == "12345 67890"
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "")
    QGuiApplication.clipboard().setText("the user's own text")
    board.copy("secret-ish")
    QGuiApplication.clipboard().setText("copied by the user since")
    board.clear_now()
    assert QGuiApplication.clipboard().text() == "copied by the user since"


def test_unsavable_changes_are_not_dropped_silently(qtbot, workspace, vault, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    first = records.add_testimony(vault, sample_testimony(title="First"))
    second = records.add_testimony(vault, sample_testimony(title="Second"))
    workspace.list.refresh()
    workspace.show_testimony(first)
    workspace.editor.form.interview_date.setText("2025-13-45")  # the core refuses this date
    assert workspace.editor.unsavable_reason() is not None
    asked: list[str] = []

    def answer(button):
        def fake(*args, **kwargs):
            asked.append(args[2])
            return button
        return fake

    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Cancel))
    workspace.show_testimony(second)
    assert workspace.editor.tid == first and "interview.date" in asked[0]
    assert workspace.editor.form.interview_date.text() == "2025-13-45"
    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Discard))
    workspace.show_testimony(second)
    assert workspace.editor.tid == second
    assert records.get_testimony(vault, first)["interview"]["date"] == "2025-03-02"


def test_full_text_search_and_filters_on_a_real_vault(qtbot, workspace, vault):
    records.add_testimony(vault, sample_testimony(title="Bridge checkpoint"))
    records.add_testimony(vault, sample_testimony(title="School", narrative="Shelling.",
                                                  incidents=[]))
    panel = workspace.list
    panel.refresh()
    wait_list(qtbot, panel)
    assert panel.model.total == 2
    with qtbot.waitSignal(panel.model.loaded):
        panel.search_box.setText("checkpoint")
    assert [panel.model.summary(r).title for r in range(panel.model.rowCount())] == [
        "Bridge checkpoint"]
    with qtbot.waitSignal(panel.model.loaded):
        panel.search_box.setText("***")
    assert "no words" in panel.error.text()
    panel.search_box.setText("")
    panel.act.setCurrentIndex(panel.act.findData("RS-7-1-f"))
    qtbot.waitUntil(lambda: panel.model.total == 1)


def test_custody_rows_name_the_altered_event(vault):
    from ui.custody_view import BAD, rows_of

    tid = records.add_testimony(vault, sample_testimony())
    records.attach(vault, tid, CAMERA_PHOTOS[:2])
    events = records.custody_events(vault, tid)
    assert [r.status for r in rows_of(events)] == [OK] * len(events)
    events[1]["details"] = {"media_type": "image/png", "size": 1}
    rows = rows_of(events)
    assert (rows[0].status, rows[0].problem) == (OK, "")
    assert rows[1].status == BAD and "altered" in rows[1].problem
    assert not rows[1].problem.startswith("event")  # the core's verdict, not a parsed line
