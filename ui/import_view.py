"""Import bundles: pick or drop many, import in the background, one result line each.

Every check runs before anything is stored (``bundle.import_bundle`` is all or nothing);
a rejected bundle says why in one line. Bundles from signers that are not trusted are
refused unless the user allows them, and are then imported flagged. Below, every bundle
this vault has received is listed; an accepted bundle, from either list, can be saved back
exactly as it was received (the court's exhibit, ``bundle.write_exhibit``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crypto.errors import CancelledError
from evidence_app import bundle
from evidence_app.errors import describe_error
from ui.files import dropped_paths, open_files, save_file
from ui.i18n import display_datetime
from ui.plain import PlainLabel, plain_tip
from ui.workers import Task, TaskRunner, show_fraction


@dataclass(frozen=True)
class Outcome:
    """One bundle file's result: the core's ImportResult, or why it was rejected."""

    path: Path
    result: Any = None
    error: str | None = None


class ImportView(QWidget):
    """Emits ``imported()`` after a run that stored at least one testimony."""

    imported = Signal()
    finished = Signal()

    def __init__(self, vault: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._runner = runner
        self.task: Task | None = None
        self.outcomes: list[Outcome] = []
        self.setAcceptDrops(True)

        self.allow_unknown = QCheckBox(self.tr(
            "Also accept bundles from signers I have not marked trusted (they are flagged)"),
            self)
        self.add_button = QPushButton(self.tr("Import bundles…"), self)
        self.add_button.clicked.connect(self._pick)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.message = PlainLabel(self.tr("Drop bundle files (.age) here, or choose them."), self)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("File"), self.tr("Result"), self.tr("Bundle ID"), self.tr("Testimonies"),
            self.tr("Signer"),
        ])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.received_label = PlainLabel(self.tr(
            "Bundles received so far, each kept as the court's exhibit:"), self)
        self.received = QTableWidget(0, 4, self)
        self.received.setHorizontalHeaderLabels([
            self.tr("Bundle ID"), self.tr("Received"), self.tr("Signer"), self.tr("Trust")])
        self.received.verticalHeader().hide()
        self.received.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.received.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.received.horizontalHeader().setStretchLastSection(True)
        for table in (self.table, self.received):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(lambda: self._selected_in(self.table))
        self.received.itemSelectionChanged.connect(lambda: self._selected_in(self.received))
        self.exhibit_button = QPushButton(self.tr("Save as received (exhibit)…"), self)
        self.exhibit_button.setToolTip(self.tr(
            "Write the selected bundle exactly as it was received, byte for byte, for the "
            "court file"))
        self.exhibit_button.setEnabled(False)
        self.exhibit_button.clicked.connect(self._pick_exhibit_file)
        bar = QHBoxLayout()
        bar.addWidget(self.message, 1)
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.add_button)
        bar.addWidget(self.exhibit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.allow_unknown)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.received_label)
        layout.addWidget(self.received, 1)
        self.reload_received()

    def _pick(self) -> None:
        files = open_files(self, self.tr("Import bundles"),
                           self.tr("Bundles (*.age);;All files (*)"))
        if files:
            self.import_files(files)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    def import_files(self, paths: list[Path]) -> Task | None:
        """Import ``paths`` one after the other in the background (None if busy)."""
        if self.task is not None:
            return None
        vault, allow = self._vault, self.allow_unknown.isChecked()

        def job(progress: Any, cancel: Any) -> list[Outcome]:
            out = []
            for path in paths:
                try:
                    result = bundle.import_bundle(vault, path, allow_unknown_signer=allow,
                                                  progress=progress, cancel=cancel)
                except CancelledError:
                    raise
                except Exception as exc:  # noqa: BLE001 - each file gets its own verdict
                    message, _ = describe_error(exc)
                    if message is None:
                        raise
                    out.append(Outcome(path, error=message))
                else:
                    out.append(Outcome(path, result=result))
            return out

        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.add_button.setEnabled(False)
        self.message.setText(self.tr("Checking and importing %n bundle(s)…", "", len(paths)))
        self.task = self._runner.start(job, on_success=self._done, on_error=self._failed,
                                       on_progress=self._progress)
        return self.task

    def reload_received(self) -> None:
        """List every bundle this vault has received (a small query)."""
        rows = bundle.received_bundles(self._vault)
        self.received.setRowCount(len(rows))
        for row, b in enumerate(rows):
            trust = self.tr("trusted") if b.signer_trusted else self.tr(
                "FLAGGED: signer not trusted")
            cells = [b.bundle_id, display_datetime(b.received_at), b.signer_fingerprint, trust]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, b.bundle_id)
                self.received.setItem(row, col, item)

    def _selected_in(self, table: QTableWidget) -> None:
        """One selection across both lists: selecting in one clears the other."""
        other = self.received if table is self.table else self.table
        if table.selectedIndexes():
            other.blockSignals(True)
            other.clearSelection()
            other.blockSignals(False)
        self._update_exhibit_button()

    def selected_bundle_id(self) -> str | None:
        """The bundle id of the selected row (either list), if that bundle is in the vault."""
        rows = {i.row() for i in self.received.selectedIndexes()}
        if len(rows) == 1:
            item = self.received.item(rows.pop(), 0)
            return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))
        rows = {i.row() for i in self.table.selectedIndexes()}
        if len(rows) != 1 or not 0 <= (row := rows.pop()) < len(self.outcomes):
            return None
        result = self.outcomes[row].result
        return None if result is None else str(result.bundle_id)

    def _update_exhibit_button(self) -> None:
        self.exhibit_button.setEnabled(self.task is None and self.selected_bundle_id() is not None)

    def _pick_exhibit_file(self) -> None:
        bundle_id = self.selected_bundle_id()
        if bundle_id is None:
            return
        path = save_file(self, self.tr("Save the bundle as received"),
                         f"bundle-{bundle_id}.age", self.tr("Bundles (*.age)"))
        if path is not None:
            self.save_exhibit(bundle_id, path)

    def save_exhibit(self, bundle_id: str, path: Path) -> Task | None:
        """Write the received bundle to ``path`` in the background (None if busy)."""
        if self.task is not None:
            return None
        vault = self._vault

        def job(progress: Any, cancel: Any) -> Path:
            return bundle.write_exhibit(vault, bundle_id, path, progress=progress,
                                        cancel=cancel)

        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.add_button.setEnabled(False)
        self.exhibit_button.setEnabled(False)
        self.task = self._runner.start(job, on_success=self._exhibit_saved,
                                       on_error=self._exhibit_failed)
        return self.task

    def _exhibit_saved(self, path: Path) -> None:
        self._finish()
        self.message.setText(self.tr("Saved exactly as received: %1").replace("%1", path.name))
        self.finished.emit()

    def _exhibit_failed(self, exc: BaseException) -> None:
        self._failed(exc, cancelled=self.tr("Cancelled: no file was written."))

    def _progress(self, done: int, total: int) -> None:
        """Bytes read of the bundle being imported (one bundle after the other)."""
        show_fraction(self.progress, done, total)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _finish(self) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.add_button.setEnabled(True)
        self._update_exhibit_button()

    def _done(self, outcomes: list[Outcome]) -> None:
        self._finish()
        self.outcomes = outcomes
        self.table.setRowCount(len(outcomes))
        for row, o in enumerate(outcomes):
            r = o.result
            if r is None:
                cells = [o.path.name, self.tr("rejected: %1").replace("%1", o.error or ""),
                         "", "", ""]
                color = "#b00020"
            else:
                status = (self.tr("imported") if r.status == "imported"
                          else self.tr("already imported"))
                if r.flagged:
                    status += " · " + self.tr("FLAGGED: signer not trusted")
                cells = [o.path.name, status, r.bundle_id, str(len(r.testimonies)),
                         r.signer_fingerprint]
                color = "#8a4b00" if r.flagged else "#1b5e20"
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setForeground(QBrush(QColor(color)))
                    item.setToolTip(plain_tip(text))
                self.table.setItem(row, col, item)
        ok = sum(1 for o in outcomes if o.result is not None)
        self.message.setText(self.tr("%1 of %2 bundles accepted.").replace(
            "%1", str(ok)).replace("%2", str(len(outcomes))))
        if any(o.result is not None and o.result.status == "imported" for o in outcomes):
            self.reload_received()
            self.imported.emit()
        self.finished.emit()

    def _failed(self, exc: BaseException, cancelled: str | None = None) -> None:
        self._finish()
        if isinstance(exc, CancelledError):
            self.message.setText(cancelled or self.tr(
                "Cancelled: the bundle being read was not imported."))
        else:
            message, _ = describe_error(exc)
            self.message.setText(message or type(exc).__name__)
        self.finished.emit()
