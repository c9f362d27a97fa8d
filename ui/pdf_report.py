"""Render an HTML report to PDF with Qt (QTextDocument + QPdfWriter), no browser engine.

The CLI loads this module by name only for ``verify --report FILE.pdf``, so the core
package never imports Qt. The HTML is our own report (escaped, no scripts, no external
resources); QTextDocument does not fetch anything anyway.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from evidence_app.i18n import _
from evidence_app.paths import atomic_write
from ui.i18n import register_fonts


def html_to_pdf(html: str, path: str | os.PathLike[str]) -> None:
    """Write ``html`` as an A4 PDF to ``path`` (atomically: see paths.atomic_write)."""
    if QGuiApplication.instance() is None:
        # A full QApplication, so widgets can still be made later in the same process.
        QApplication(["evidence-app"])
    register_fonts()  # Noto Sans (Tajik Cyrillic) and Noto Sans Arabic (Persian) as fallbacks
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(_("Evidence bundle verification report"))  # PDF metadata
    # The document lays out in pixels at the screen's 96 dpi; at QPdfWriter's default
    # 1200 dpi every font would come out 12 times too small.
    writer.setResolution(96)
    doc = QTextDocument()
    doc.setHtml(html)
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    doc.print_(writer)
    del writer  # finishes the PDF
    # Rendered in memory, written with a random O_EXCL temp name (a planted symlink at a
    # predictable name is never followed), fsync, rename, folder fsync.
    atomic_write(Path(path), bytes(buffer.data().data()))
