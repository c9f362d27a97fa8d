"""Widgets that never read their text as HTML.

``QLabel`` and tooltips default to "auto" text: anything that looks like HTML is rendered
as rich text. Names from key cards, EXIF fields, imported file names and error lines
naming bag paths are data from other people; as rich text they could restyle or fake
what the person reads ("✔ verified") and ``<img src=...>`` would make Qt read local files
(a FIFO hangs the app). Every label in ``ui/`` is a :class:`PlainLabel` (a test checks),
and tooltips that show data go through :func:`plain_tip`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class PlainLabel(QLabel):
    """A QLabel whose text is always plain text, set before any text is parsed."""

    def __init__(self, text: str | QWidget | None = None, parent: QWidget | None = None) -> None:
        if isinstance(text, QWidget):  # QLabel(parent) form
            text, parent = None, text
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        if text:
            self.setText(text)


def plain_tip(text: str) -> str:
    """Tooltip markup that shows ``text`` literally (tooltips have no plain-text switch)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def error_label(parent: QWidget) -> PlainLabel:
    """The red, wrapping one-line error of a screen or dialog (style: "error")."""
    label = PlainLabel(parent)
    label.setObjectName("error")
    label.setWordWrap(True)
    return label
