"""GUI part of ``evidence-app self-test``: the main window starts in this build."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from evidence_app.i18n import _
from ui.app import application
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.setup_wizard import SetupWizard


def check_main_window() -> str:
    """Build and show the main window (first-run screen, throw-away folder), then close it.

    Uses the offscreen platform when there is no display, so it works on build servers.
    Raises on any failure.
    """
    if os.name == "posix" and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(Path(tmp) / "vault", settings=settings)
        window.show()
        QApplication.processEvents()
        if not isinstance(window.screen_widget, SetupWizard) or not window.isVisible():
            raise RuntimeError(_("the main window did not show the first-run screen"))
        platform = app.platformName()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return _("Qt main window shown and closed ({platform} platform)").format(platform=platform)
