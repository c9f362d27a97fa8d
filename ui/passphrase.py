"""Passphrase strength estimate and meter widget (a rough guide, shown while typing)."""

from __future__ import annotations

import math
import string

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from ui.plain import PlainLabel

MIN_SCORE = 2  # "fair": the weakest passphrase the setup accepts


def estimate_bits(passphrase: str) -> float:
    """Rough guessing entropy: length times log2 of the alphabet the characters come from.

    Repeated characters count once per distinct run, so "aaaaaaaaaaaa" scores low.
    """
    if not passphrase:
        return 0.0
    pools = [
        (string.ascii_lowercase, 26),
        (string.ascii_uppercase, 26),
        (string.digits, 10),
        (string.punctuation + " ", 33),
    ]
    alphabet = sum(size for chars, size in pools if any(c in chars for c in passphrase))
    if any(not c.isascii() for c in passphrase):
        alphabet += 100
    distinct = len(set(passphrase))
    effective = min(len(passphrase), distinct * 2)
    return effective * math.log2(max(alphabet, 2))


def score(passphrase: str) -> int:
    """0 very weak, 1 weak, 2 fair, 3 good, 4 strong."""
    bits = estimate_bits(passphrase)
    for level, limit in enumerate((28, 45, 60, 80)):
        if bits < limit:
            return level
    return 4


class StrengthMeter(QWidget):
    """A bar and a word that follow the typed passphrase."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bar = QProgressBar(self)
        self._bar.setRange(0, 4)
        self._bar.setTextVisible(False)
        self._label = PlainLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._bar, 1)
        layout.addWidget(self._label)
        self.update_for("")

    def update_for(self, passphrase: str) -> int:
        level = score(passphrase)
        words = [
            self.tr("very weak"), self.tr("weak"), self.tr("fair"), self.tr("good"),
            self.tr("strong"),
        ]
        self._bar.setValue(level)
        self._label.setText(words[level])
        return level

    @property
    def text(self) -> str:
        return self._label.text()
