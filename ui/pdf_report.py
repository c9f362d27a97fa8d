"""Render an HTML report to PDF with Qt (QTextDocument + QPdfWriter), no browser engine.

The CLI loads this module by name only for ``verify --report FILE.pdf``, so the core
package never imports Qt. The HTML is our own report (escaped, no scripts, no external
resources); QTextDocument does not fetch anything anyway.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication


def html_to_pdf(html: str, path: str | os.PathLike[str]) -> None:
    """Write ``html`` as an A4 PDF to ``path`` (temp file + fsync + rename)."""
    if QGuiApplication.instance() is None:
        # A full QApplication, so widgets can still be made later in the same process.
        QApplication(["evidence-app"])
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    writer = QPdfWriter(str(tmp))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle("Evidence bundle verification report")
    doc = QTextDocument()
    doc.setHtml(html)
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    doc.print_(writer)
    del writer  # finishes the PDF file
    try:
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
