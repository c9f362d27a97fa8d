"""Start the desktop app: ``evidence-app`` or ``evidence-app gui``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from evidence_app import hardening
from evidence_app.cli_vault import kdf_params
from evidence_app.vault import Vault
from ui.i18n import switch_language, use_bundled_fonts
from ui.main_window import MainWindow
from ui.settings import APPLICATION, ORGANIZATION, Settings
from ui.setup_wizard import SetupWizard


def application() -> QApplication:
    """The one QApplication (created on first use), with names and translation set."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName(APPLICATION)
    use_bundled_fonts(app)
    switch_language(app, Settings().language)
    return app


def run(args: argparse.Namespace) -> int:
    """Show the main window for ``args.vault`` (or the default vault) until it closes."""
    os.umask(0o077)
    hardening.start(warn=False)  # evidence_app.cli.main, which starts us, already warned
    app = application()
    path = Path(args.vault) if getattr(args, "vault", None) else Vault.default_path()
    window = main_window(path)
    window.show()
    return int(app.exec())


def main_window(path: Path, settings: Settings | None = None) -> MainWindow:
    """The main window for the vault at ``path``.

    On first run it shows the setup wizard; the language chosen there is stored in the
    settings, so the next start uses it too.
    """
    window = MainWindow(path, kdf_params=kdf_params(), settings=settings)
    screen = window.screen_widget
    if isinstance(screen, SetupWizard):
        screen.language_chosen.connect(window.set_language)
    return window
