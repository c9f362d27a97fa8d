"""Attachments of one testimony: add (drop or pick), thumbnails, metadata, GPS warning.

Intake (hashing, encrypting, thumbnailing) runs in the background with progress and can be
cancelled. Thumbnails come from the vault (``records.thumbnail``: EXIF orientation already
applied) and are decoded in memory only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFontDatabase, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crypto.errors import CancelledError
from evidence_app import records
from evidence_app.errors import describe_error
from ui.files import dropped_paths, open_files
from ui.i18n import display_datetime
from ui.plain import PlainLabel
from ui.workers import Task, TaskRunner, show_fraction

THUMB = 128


def thumbnail_images(vault: Any, ids: list[str]) -> dict[str, QImage]:
    """Decrypt and decode the thumbnails of attachments ``ids``, scaled for the list.

    Runs in a worker: QImage (unlike QPixmap) may be made outside the GUI thread.
    """
    images: dict[str, QImage] = {}
    for aid in ids:
        data = records.thumbnail(vault, aid)
        image = QImage.fromData(data) if data else QImage()
        if not image.isNull():
            images[aid] = image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)
    return images


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


class AttachmentsPanel(QWidget):
    """Emits ``changed()`` after files were added (the list shows new counts/badges)."""

    changed = Signal()
    thumbnails_shown = Signal()  # the thumbnails of the files listed are in place

    def __init__(self, vault: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._runner = runner
        self._tid: str | None = None
        self._generation = 0
        self._task: Task | None = None
        self.setAcceptDrops(True)

        self.list = QListWidget(self)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setGridSize(QSize(THUMB + 24, THUMB + 40))
        self.list.currentItemChanged.connect(self._show_meta)
        self.add_button = QPushButton(self.tr("Add files…"), self)
        self.add_button.clicked.connect(self._pick)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.message = PlainLabel(self.tr("Drop photos, audio or documents here."), self)
        self.message.setWordWrap(True)

        self.gps_warning = PlainLabel(self)
        self.gps_warning.setObjectName("warning")
        self.gps_warning.setWordWrap(True)
        self.gps_warning.setStyleSheet("color: #b00020; font-weight: bold")
        self.meta = QFormLayout()
        self.meta_labels: dict[str, QLabel] = {}
        for key, label in (
            ("media_type", self.tr("Type")), ("size", self.tr("Size")),
            ("sha256", self.tr("SHA-256")), ("capture_time", self.tr("Captured")),
            ("camera", self.tr("Camera")), ("gps", self.tr("GPS")),
            ("added_at", self.tr("Added")),
        ):
            value = PlainLabel(self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.meta_labels[key] = value
            self.meta.addRow(label, value)

        self.meta_labels["sha256"].setWordWrap(False)
        self.meta_labels["sha256"].setFont(
            QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        side = QVBoxLayout()
        side.addWidget(self.gps_warning)
        side.addLayout(self.meta)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 3)
        top.addLayout(side, 2)
        bar = QHBoxLayout()
        bar.addWidget(self.message, 1)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(bar)
        self.set_testimony(None)

    # -- showing ---------------------------------------------------------------------

    @property
    def testimony_id(self) -> str | None:
        return self._tid

    def set_testimony(self, tid: str | None) -> None:
        self._tid = tid
        self.setEnabled(tid is not None)
        self.reload()

    def reload(self) -> None:
        """List the files at once; their thumbnails follow from a worker.

        Thumbnails of an earlier reload (another testimony) are dropped when they arrive.
        """
        self._generation += 1
        self.list.clear()
        self._show_meta(None, None)
        if self._tid is None:
            return
        data = records.get_testimony(self._vault, self._tid)
        items: dict[str, QListWidgetItem] = {}
        for number, info in enumerate(data.get("attachments", []), 1):
            label = self.tr("File %1").replace("%1", str(number))
            item = QListWidgetItem(label + ("  ⚠ GPS" if info["has_gps"] else ""))
            item.setData(Qt.ItemDataRole.UserRole, info)
            item.setToolTip(info["media_type"])
            if info["has_thumbnail"]:
                items[info["id"]] = item
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        generation, vault, ids = self._generation, self._vault, list(items)

        def show(images: dict[str, QImage]) -> None:
            if generation == self._generation:
                for aid, image in images.items():
                    items[aid].setIcon(QIcon(QPixmap.fromImage(image)))
                self.thumbnails_shown.emit()

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.message.setText(describe_error(exc)[0] or type(exc).__name__)
                self.thumbnails_shown.emit()

        self._runner.start(lambda _p, _c: thumbnail_images(vault, ids), on_success=show,
                           on_error=failed)

    def _show_meta(self, current: QListWidgetItem | None, _previous: object) -> None:
        info = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        for value in self.meta_labels.values():
            value.clear()
        self.gps_warning.clear()
        if not info:
            return
        exif = info.get("exif") or {}
        camera = " ".join(str(exif[k]) for k in ("make", "model") if exif.get(k))
        shown = {
            "media_type": info["media_type"], "size": human_size(info["size"]),
            "sha256": info["sha256"][:32] + "\n" + info["sha256"][32:],
            "capture_time": str(exif.get("capture_time", "")),
            "camera": camera, "added_at": display_datetime(info["added_at"]),
            "gps": f"{exif['gps_lat']:.5f}, {exif['gps_lon']:.5f}"
            if info["has_gps"] and "gps_lat" in exif and "gps_lon" in exif else "",
        }
        for key, text in shown.items():
            self.meta_labels[key].setText(text)
        if info["has_gps"]:
            self.gps_warning.setText(self.tr(
                "This file holds GPS coordinates: where it was taken can be seen by anyone "
                "who receives it. Choose \"remove photo metadata\" when you export."))

    # -- adding ----------------------------------------------------------------------

    def _pick(self) -> None:
        files = open_files(self, self.tr("Add files"))
        if files:
            self.add_files(files)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if self._tid is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def add_files(self, paths: list[Path]) -> Task | None:
        """Start adding ``paths`` in the background; returns the task (None if busy)."""
        if self._tid is None or self._task is not None:
            return None
        vault, tid = self._vault, self._tid

        def job(progress: Any, cancel: Any) -> list[str]:
            return records.attach(vault, tid, paths, progress=progress, cancel=cancel)

        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.add_button.setEnabled(False)
        self.message.setText(self.tr("Adding %n file(s)…", "", len(paths)))
        self._task = self._runner.start(
            job, on_success=self._added, on_error=self._failed, on_progress=self._progress
        )
        return self._task

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _progress(self, done: int, total: int) -> None:
        show_fraction(self.progress, done, total)

    def _finish(self) -> None:
        self._task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.add_button.setEnabled(True)

    def _added(self, ids: list[str]) -> None:
        self._finish()
        self.message.setText(self.tr("%n file(s) added.", "", len(ids)))
        self.reload()
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, CancelledError):
            self.message.setText(self.tr("Cancelled: nothing was added."))
            return
        message, _ = describe_error(exc)
        self.message.setText(self.tr("Not added: %1").replace("%1", message or type(exc).__name__))
