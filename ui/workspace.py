"""The open vault: testimonies (list, editor, files, custody, history), keys and contacts,
export, import and verify. Created on unlock, destroyed on lock: nothing outlives it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui.attachments import AttachmentsPanel
from ui.clipboard import SecureClipboard
from ui.custody_view import CustodyView
from ui.editor import HistoryView, TestimonyEditor
from ui.export_dialog import ExportDialog
from ui.import_view import ImportView
from ui.keys_view import KeysView
from ui.testimony_list import RecordsSource, TestimonyListPanel
from ui.verify_view import VerifyView
from ui.workers import TaskRunner


class Workspace(QWidget):
    """Everything shown while the vault is open."""

    def __init__(
        self, vault: Any, *, clipboard: SecureClipboard, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.runner = TaskRunner(self)

        self.list = TestimonyListPanel(RecordsSource(vault), self, runner=self.runner)
        self.editor = TestimonyEditor(vault, self.runner, self)
        self.attachments = AttachmentsPanel(vault, self.runner, self)
        self.custody = CustodyView(vault, self.runner, self)
        self.history = HistoryView(vault, self)
        tabs = self.editor.form.tabs
        tabs.addTab(self.attachments, self.tr("Files"))
        tabs.addTab(self.custody, self.tr("Custody"))
        tabs.addTab(self.history, self.tr("History"))

        self.list.selected.connect(self.show_testimony)
        self.editor.saved.connect(self._saved)
        self.attachments.changed.connect(self._refresh_current)
        self.history.restore.connect(self._restore_version)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.list)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([520, 780])

        self.keys = KeysView(vault, clipboard, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(split, self.tr("Testimonies"))
        self.tabs.addTab(self.keys, self.tr("Keys and contacts"))
        self.importer = ImportView(vault, self.runner, self)
        self.importer.imported.connect(self.list.refresh)
        self.tabs.addTab(self.importer, self.tr("Import"))
        self.verifier = VerifyView(vault, self.runner, self)
        self.tabs.addTab(self.verifier, self.tr("Verify"))

        self.toolbar = QToolBar(self)
        self.new_action = QAction(self.tr("New testimony"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_testimony)
        self.export_action = QAction(self.tr("Export selected…"), self)
        self.export_action.setShortcut(QKeySequence(self.tr("Ctrl+E")))
        self.export_action.triggered.connect(self.export_selected)
        for action in (self.new_action, self.export_action):
            self.toolbar.addAction(action)
            self.addAction(action)
        self.clipboard = clipboard
        self.export_dialog: ExportDialog | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tabs, 1)

    def export_selected(self) -> ExportDialog | None:
        """Open the export wizard for the testimonies selected in the list."""
        self.editor.flush()
        ids = self.list.selected_ids() or ([self.editor.tid] if self.editor.tid else [])
        model = self.list.model
        rows = [model.row_of(tid) for tid in ids]
        summaries = [model.summary(r) for r in rows if r >= 0]
        if not summaries:
            self.list.error.setText(self.tr("Select the testimonies to export first."))
            return None
        self.export_dialog = ExportDialog(self.vault, summaries, self.runner, self.clipboard,
                                          self)
        self.export_dialog.exported.connect(lambda _r: self._refresh_current())
        self.export_dialog.open()
        return self.export_dialog

    def new_testimony(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.list.table.clearSelection()
        self.show_testimony(None, new=True)
        self.editor.form.tabs.setCurrentIndex(0)
        self.editor.form.title.setFocus()

    def show_testimony(self, tid: str | None, *, new: bool = False) -> None:
        reason = self.editor.unsavable_reason()
        if reason is not None and tid != self.editor.tid and not self._discard_ok(reason):
            self._reselect(self.editor.tid)
            return
        if tid is None and not new:
            self.editor.clear()
        else:
            self.editor.open(tid)
        self._show_panels(tid)

    def _discard_ok(self, reason: str) -> bool:
        """Ask before leaving changes that the core refuses to save (e.g. a malformed date)."""
        answer = QMessageBox.warning(
            self, self.tr("Unsaved changes"),
            self.tr("Your last changes cannot be saved yet: %1\n\nDiscard them?").replace(
                "%1", reason),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def _reselect(self, tid: str | None) -> None:
        self.list.select(tid, quiet=True)  # must not reload the form being typed in

    def _show_panels(self, tid: str | None) -> None:
        self.attachments.set_testimony(tid)
        self.custody.set_testimony(tid)
        self.history.set_testimony(tid)

    def _saved(self, tid: str) -> None:
        self.list.show_saved(tid)  # its row only: the list keeps its place
        if self.attachments.testimony_id != tid:  # a new testimony got its id
            self.attachments.set_testimony(tid)
        self.custody.set_testimony(tid)
        self.history.set_testimony(tid)

    def _refresh_current(self) -> None:
        """Files were added or testimonies exported: update the open testimony's row."""
        tid = self.editor.tid
        if tid is not None:
            self.list.show_saved(tid)
            self.custody.set_testimony(tid)

    def _restore_version(self, data: dict[str, Any]) -> None:
        self.editor.form.load(data)
        self.editor.form.changed.emit()
        self.editor.form.tabs.setCurrentIndex(0)

    def shutdown(self) -> None:
        """Save the open draft, cancel and wait for background work (before the vault locks)."""
        self.runner.cancel_all()
        self.runner.wait()
        self.editor.flush()
        self.runner.wait()
