"""Export wizard: testimonies, recipients, redaction, destination, progress, summary.

The bundle is written in the background by ``bundle.export_bundle`` (all or nothing); the
user can cancel at any time and then nothing is left behind. The summary shows the bundle
ID, to read out to the recipient.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crypto.errors import CancelledError
from evidence_app import bundle
from evidence_app.errors import describe_error
from evidence_app.search import TestimonySummary
from ui.clipboard import SecureClipboard
from ui.files import save_file
from ui.plain import PlainLabel, error_label
from ui.workers import Task, TaskRunner, show_fraction


def _checkable(text: str, data: Any, checked: bool, enabled: bool = True) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, data)
    flags = Qt.ItemFlag.ItemIsUserCheckable
    if enabled:
        flags |= Qt.ItemFlag.ItemIsEnabled
    item.setFlags(flags)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def _checked(widget: QListWidget) -> list[Any]:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


class ExportDialog(QDialog):
    """Emits ``exported(result)`` when the bundle is written."""

    exported = Signal(object)

    STEP_TESTIMONIES, STEP_RECIPIENTS, STEP_OPTIONS, STEP_RUN, STEP_DONE = range(5)

    def __init__(
        self, vault: Any, testimonies: list[TestimonySummary], runner: TaskRunner,
        clipboard: SecureClipboard, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export a bundle"))
        self.resize(640, 480)
        self._vault = vault
        self._runner = runner
        self._clipboard = clipboard
        self.task: Task | None = None
        self.result_value: Any = None

        self.steps = QStackedWidget(self)
        # 1. testimonies
        page = QWidget(self)
        self.testimonies = QListWidget(page)
        for s in testimonies:
            notes = []
            if not s.has_consent:
                notes.append(self.tr("no consent"))
            if s.status == "draft":
                notes.append(self.tr("draft"))
            text = s.title + (f"  ({', '.join(notes)})" if notes else "")
            self.testimonies.addItem(_checkable(text, s.id, True))
        box = QVBoxLayout(page)
        box.addWidget(PlainLabel(self.tr("Testimonies in this bundle:"), page))
        box.addWidget(self.testimonies)
        self.steps.addWidget(page)
        # 2. recipients
        page = QWidget(self)
        self.recipients = QListWidget(page)
        for c in vault.list_contacts():
            text = c.name + "  ·  " + c.fingerprint[:17] + "…"
            if c.may_see_identities:
                text += "  · " + self.tr("may see witness identities")
            if not c.trusted:
                text += "  · " + self.tr("not trusted (mark trusted in Keys and contacts)")
            self.recipients.addItem(_checkable(text, c.id, False, enabled=c.trusted))
        self.include_self = QCheckBox(self.tr("Also encrypt to myself (I can open it later)"), page)
        box = QVBoxLayout(page)
        box.addWidget(PlainLabel(self.tr(
            "Only these people can open the bundle. Witness identities are included, sealed, "
            "only for recipients allowed to see them."), page))
        box.addWidget(self.recipients)
        box.addWidget(self.include_self)
        self.steps.addWidget(page)
        # 3. redaction and destination
        page = QWidget(self)
        self.redact_exif = QCheckBox(self.tr(
            "Add copies of photos without metadata (GPS, camera, time)"), page)
        self.redact_exif.setChecked(True)
        self.omit_originals = QCheckBox(self.tr(
            "Leave out the originals (only the copies without metadata)"), page)
        self.redact_exif.toggled.connect(self._options_changed)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
        self.destination = QLineEdit(str(Path.home() / f"bundle-{stamp}.age"), page)
        browse = QPushButton(self.tr("Choose…"), page)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.destination, 1)
        row.addWidget(browse)
        box = QVBoxLayout(page)
        box.addWidget(self.redact_exif)
        box.addWidget(self.omit_originals)
        box.addWidget(PlainLabel(self.tr("Save the bundle as:"), page))
        box.addLayout(row)
        box.addStretch(1)
        self.steps.addWidget(page)
        # 4. progress
        page = QWidget(self)
        self.progress = QProgressBar(page)
        self.progress.setRange(0, 0)
        box = QVBoxLayout(page)
        box.addWidget(PlainLabel(self.tr("Writing the encrypted, signed bundle…"), page))
        box.addWidget(self.progress)
        box.addStretch(1)
        self.steps.addWidget(page)
        # 5. summary
        page = QWidget(self)
        self.summary = PlainLabel(page)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_id = QPushButton(self.tr("Copy bundle ID"), page)
        self.copy_id.clicked.connect(self._copy_id)
        box = QVBoxLayout(page)
        box.addWidget(self.summary)
        box.addWidget(self.copy_id)
        box.addStretch(1)
        self.steps.addWidget(page)

        self.error = error_label(self)
        self.back_button = QPushButton(self.tr("Back"), self)
        self.next_button = QPushButton(self.tr("Next"), self)
        self.next_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.cancel_button.clicked.connect(self._cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._options_changed()
        self._update_buttons()

    # -- steps -----------------------------------------------------------------------

    def _options_changed(self) -> None:
        self.omit_originals.setEnabled(self.redact_exif.isChecked())
        if not self.redact_exif.isChecked():
            self.omit_originals.setChecked(False)

    def _browse(self) -> None:
        path = save_file(self, self.tr("Save the bundle"), self.destination.text(),
                         self.tr("age bundles (*.age)"))
        if path is not None:
            self.destination.setText(str(path))

    def _problem(self, step: int) -> str | None:
        if step == self.STEP_TESTIMONIES and not _checked(self.testimonies):
            return self.tr("Choose at least one testimony.")
        if step == self.STEP_RECIPIENTS and not (
            _checked(self.recipients) or self.include_self.isChecked()
        ):
            return self.tr("Choose at least one recipient.")
        if step == self.STEP_OPTIONS:
            text = self.destination.text().strip()
            if not text:
                return self.tr("Choose where to save the bundle.")
            if Path(text).exists():
                return self.tr("A file with this name exists already: choose another name.")
        return None

    def _back(self) -> None:
        self.error.clear()
        self.steps.setCurrentIndex(max(0, self.steps.currentIndex() - 1))
        self._update_buttons()

    def _next(self) -> None:
        step = self.steps.currentIndex()
        if step == self.STEP_DONE:
            self.accept()
            return
        problem = self._problem(step)
        self.error.setText(problem or "")
        if problem:
            return
        self.steps.setCurrentIndex(step + 1)
        if step + 1 == self.STEP_RUN:
            self.start_export()
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.steps.currentIndex()
        self.back_button.setEnabled(step in (self.STEP_RECIPIENTS, self.STEP_OPTIONS))
        self.next_button.setEnabled(step != self.STEP_RUN)
        self.next_button.setText(
            self.tr("Close") if step == self.STEP_DONE
            else self.tr("Export") if step == self.STEP_OPTIONS else self.tr("Next")
        )
        self.cancel_button.setEnabled(step != self.STEP_DONE)

    # -- export ----------------------------------------------------------------------

    def start_export(self) -> Task:
        vault = self._vault
        tids = _checked(self.testimonies)
        contacts = [vault.get_contact(cid) for cid in _checked(self.recipients)]
        out = Path(self.destination.text().strip())
        include_self = self.include_self.isChecked()
        redact, omit = self.redact_exif.isChecked(), self.omit_originals.isChecked()

        def job(progress: Any, cancel: Any) -> Any:
            return bundle.export_bundle(
                vault, tids, contacts, out, include_self=include_self, redact_exif=redact,
                omit_originals=omit, progress=progress, cancel=cancel,
            )

        self.task = self._runner.start(job, on_success=self._done, on_error=self._failed,
                                       on_progress=self._progress)
        return self.task

    def _progress(self, done: int, total: int) -> None:
        show_fraction(self.progress, done, total)

    def _done(self, result: Any) -> None:
        self.task = None
        self.result_value = result
        self.summary.setText(
            self.tr("The bundle is ready.") + "\n\n"
            + self.tr("Bundle ID: %1").replace("%1", result.bundle_id) + "\n"
            + self.tr("File SHA-256: %1").replace("%1", result.file_sha256) + "\n"
            + self.tr("Testimonies: %n", "", len(result.testimonies)) + "\n"
            + self.tr("Recipients: %1").replace(
                "%1", ", ".join(fp[:11] + "…" for fp in result.recipients)) + "\n"
            + (self.tr("Witness identities are included, sealed.") if result.sealed_identity
               else self.tr("No witness identities are included."))
        )
        self.steps.setCurrentIndex(self.STEP_DONE)
        self._update_buttons()
        self.exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        if isinstance(exc, CancelledError):
            self.reject()
            return
        message, _ = describe_error(exc)
        self.error.setText(self.tr("The export failed: %1").replace(
            "%1", message or type(exc).__name__))
        self.steps.setCurrentIndex(self.STEP_OPTIONS)
        self._update_buttons()

    def _cancel(self) -> None:
        if self.task is not None:
            self.cancel_button.setEnabled(False)
            self.task.cancel()  # _failed(CancelledError) closes the dialog
        else:
            self.reject()

    def _copy_id(self) -> None:
        if self.result_value is not None:
            self._clipboard.copy(self.result_value.bundle_id)

    def reject(self) -> None:
        if self.task is not None:  # closing the window also cancels, then closes
            self._cancel()
            return
        super().reject()
