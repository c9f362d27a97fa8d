"""File pickers that leave no trace of evidence folders behind.

Qt's own file dialog remembers the last folders and a history in the user's QtProject
settings, and native dialogs may add files to the desktop's "recent files". These helpers
use Qt's dialog (never the native one) and erase its remembered state when it closes.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QMimeData, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget


def forget_dialog_history() -> None:
    """Remove what Qt's file dialog stored about visited folders."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.sync()


def _run(dialog: QFileDialog) -> list[Path]:
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    try:
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        return [Path(f) for f in dialog.selectedFiles()] if accepted else []
    finally:
        shiboken6.delete(dialog)  # the dialog writes its state when destroyed: do it now
        forget_dialog_history()


def open_files(parent: QWidget, caption: str, name_filter: str = "") -> list[Path]:
    dialog = QFileDialog(parent, caption, "", name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def open_file(parent: QWidget, caption: str, name_filter: str = "") -> Path | None:
    dialog = QFileDialog(parent, caption, "", name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return next(iter(_run(dialog)), None)


def existing_folder(parent: QWidget, caption: str) -> Path | None:
    dialog = QFileDialog(parent, caption)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return next(iter(_run(dialog)), None)


def save_file(parent: QWidget, caption: str, suggested: str, name_filter: str = "") -> Path | None:
    dialog = QFileDialog(parent, caption, suggested, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return next(iter(_run(dialog)), None)


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files of a drag and drop (other URLs are ignored)."""
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
