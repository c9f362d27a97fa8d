"""Security: the GUI never renders data as rich text (audit finding 7)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from crypto.identity import PersonalIdentity
from ui.keys_view import ContactDialog
from ui.plain import PlainLabel, plain_tip

UI = Path(__file__).resolve().parent.parent / "ui"

pytestmark = pytest.mark.gui


def test_every_label_in_ui_is_plain() -> None:
    offenders = [f"{p.name}:{n}" for p in sorted(UI.glob("*.py")) if p.name != "plain.py"
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r"\bQLabel\(", line)]
    assert offenders == []


def test_plain_label_forms(qtbot) -> None:
    parent = PlainLabel()
    qtbot.addWidget(parent)
    for label in (PlainLabel("<b>x</b>", parent), PlainLabel(parent)):
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert label.parent() is parent
    assert PlainLabel("<b>x</b>", parent).text() == "<b>x</b>"


def test_card_name_with_html_is_shown_literally(qtbot, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    big = tmp_path / "big.png"
    image = QImage(900, 700, QImage.Format.Format_RGB32)
    image.fill(0)
    assert image.save(str(big))
    name = "<img src=big.png>"
    dialog = ContactDialog(PersonalIdentity.generate(name).card())
    qtbot.addWidget(dialog)
    shown = [lab for lab in dialog.findChildren(QLabel) if lab.text() == name]
    assert shown and all(lab.textFormat() == Qt.TextFormat.PlainText for lab in shown)
    assert all(lab.sizeHint().height() < 200 for lab in shown)  # the image was not loaded


def test_plain_tip_escapes() -> None:
    tip = plain_tip("<img src=/etc/passwd> & x")
    assert "<img" not in tip and "&lt;img src=/etc/passwd&gt; &amp; x" in tip
