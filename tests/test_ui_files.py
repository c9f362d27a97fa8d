"""File pickers leave no history of visited (evidence) folders in Qt's settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from ui.files import open_file

pytestmark = pytest.mark.gui


def test_open_file_returns_the_pick_and_forgets_the_folder(qtbot, tmp_path):
    folder = tmp_path / "witness-folder"
    folder.mkdir()
    chosen = folder / "statement.txt"
    chosen.write_text("x")

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        dialog.setDirectory(str(folder))
        dialog.selectFile(str(chosen))
        dialog.accept()

    QTimer.singleShot(0, pick)
    assert open_file(None, "Pick") == chosen
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    stored = Path(QSettings(QSettings.Scope.UserScope, "QtProject").fileName())
    text = stored.read_text(errors="replace") if stored.exists() else ""
    assert "witness-folder" not in text
