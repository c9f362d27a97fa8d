"""Verify a bundle (age file), a bag folder or a bag tar: one green or red line per check,
and a report to save as HTML or PDF. Runs in the background; changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_app import verify
from evidence_app.errors import describe_error
from evidence_app.paths import atomic_write
from evidence_app.report import verify_report_html
from ui import pdf_report
from ui.files import existing_folder, open_file, save_file
from ui.plain import PlainLabel
from ui.workers import Task, TaskRunner, busy_bar

GREEN, RED = "#1b5e20", "#b00020"


class VerifyView(QWidget):
    """Emits ``verified(result)`` when a check run has finished."""

    verified = Signal(object)
    failed = Signal(str)

    def __init__(self, vault: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._runner = runner
        self.task: Task | None = None
        self.result: verify.VerifyResult | None = None

        pick_file = QPushButton(self.tr("Verify a bundle file…"), self)
        pick_file.clicked.connect(self._pick_file)
        pick_folder = QPushButton(self.tr("Verify a bag folder…"), self)
        pick_folder.clicked.connect(self._pick_folder)
        self.save_button = QPushButton(self.tr("Save report…"), self)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save)
        self.busy = busy_bar(self)
        self.verdict = PlainLabel(self)
        self.verdict.setObjectName("heading")
        self.lines = QListWidget(self)
        self.message = PlainLabel(self)
        self.message.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(pick_file)
        bar.addWidget(pick_folder)
        bar.addWidget(self.busy, 1)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.verdict)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.message)

    def _pick_file(self) -> None:
        path = open_file(self, self.tr("Verify a bundle"))
        if path is not None:
            self.check(path)

    def _pick_folder(self) -> None:
        folder = existing_folder(self, self.tr("Verify a bag folder"))
        if folder is not None:
            self.check(folder)

    def check(self, path: Path) -> Task | None:
        """Verify ``path`` in the background (None if a check is already running)."""
        if self.task is not None:
            return None
        vault = self._vault
        self.lines.clear()
        self.verdict.clear()
        self.message.clear()
        self.result = None
        self.save_button.setEnabled(False)
        self.busy.show()
        self.task = self._runner.start(
            lambda _p, cancel: verify.verify_path(path, vault, cancel=cancel),
            on_success=self._done, on_error=self._failed)
        return self.task

    def _done(self, result: verify.VerifyResult) -> None:
        self.task = None
        self.busy.hide()
        self.result = result
        for f in result.findings:
            mark = "✔" if f.ok else "✘"
            item = QListWidgetItem(f"{mark}  {f.check_label}  {f.subject}: {f.detail}")
            item.setForeground(QBrush(QColor(GREEN if f.ok else RED)))
            self.lines.addItem(item)
        self.verdict.setText(self.tr("✔ All checks passed") if result.ok
                             else self.tr("✘ Verification failed"))
        self.verdict.setStyleSheet(f"color: {GREEN if result.ok else RED}")
        if result.signer is not None:
            self.message.setText(self.tr("Signed by %1 (%2).").replace(
                "%1", result.signer.fingerprint).replace(
                "%2", verify.signer_status_label(result.signer.status)))
        self.save_button.setEnabled(True)
        self.verified.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.busy.hide()
        message, _ = describe_error(exc)
        text = message or type(exc).__name__
        self.verdict.setText(self.tr("✘ Verification failed"))
        self.verdict.setStyleSheet(f"color: {RED}")
        self.lines.addItem(QListWidgetItem("✘  " + text))
        self.lines.item(0).setForeground(QBrush(QColor(RED)))
        self.failed.emit(text)

    def _save(self) -> None:
        path = save_file(self, self.tr("Save the report"), "verification-report.pdf",
                         self.tr("PDF (*.pdf);;HTML (*.html)"))
        if path is not None:
            self.save_report(path)

    def save_report(self, path: Path) -> None:
        """Write the report of the last run as PDF (by suffix .pdf) or HTML."""
        if self.result is None:
            return
        html = verify_report_html(verify.facts(self.result), self.result.findings,
                                  verify.repeat_commands(self.result))
        if path.suffix.lower() == ".pdf":
            pdf_report.html_to_pdf(html, path)
        else:
            atomic_write(path, html.encode("utf-8"))
        self.message.setText(self.tr("Report saved."))
