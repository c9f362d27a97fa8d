"""Translations: the .ts is up to date with the code, the .qm rebuilds byte for byte, a
compiled translation really changes what the GUI shows, and layouts mirror right-to-left."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from ui.i18n import I18N_DIR, available_languages, install_translator
from ui.passphrase import StrengthMeter

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _script():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ts_and_qm_are_up_to_date_and_reproducible():
    # lupdate over the current code finds nothing new or vanished, and lrelease of the
    # committed .ts gives the committed .qm byte for byte.
    assert _script().stale() == []


def test_english_is_shipped():
    assert "en" in available_languages()
    assert (I18N_DIR / "evidence_en.ts").exists()


def test_a_compiled_translation_is_used(qtbot, tmp_path):
    ts = tmp_path / "evidence_de.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="de" sourcelanguage="en">\n'
        "<context><name>StrengthMeter</name><message><source>very weak</source>"
        "<translation>sehr schwach</translation></message></context>\n</TS>\n",
        encoding="utf-8",
    )
    qm = tmp_path / "evidence_de.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True)
    app = QCoreApplication.instance()
    translator = QTranslator()
    assert translator.load(str(qm))
    app.installTranslator(translator)
    try:
        meter = StrengthMeter()
        qtbot.addWidget(meter)
        assert meter.text == "sehr schwach"
    finally:
        app.removeTranslator(translator)
    meter = StrengthMeter()
    qtbot.addWidget(meter)
    assert meter.text == "very weak"


def test_install_translator_for_missing_language_falls_back(qtbot):
    assert install_translator(QCoreApplication.instance(), "xx") is None


def test_right_to_left_mirrors_layouts(qtbot):
    meter = StrengthMeter()
    qtbot.addWidget(meter)
    meter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    meter.resize(300, 30)
    meter.show()
    qtbot.waitExposed(meter)
    bar, label = meter._bar, meter._label
    assert label.geometry().right() < bar.geometry().left()


def test_direction_follows_the_language():
    from ui.i18n import direction_for

    assert direction_for("fa") == Qt.LayoutDirection.RightToLeft
    assert direction_for("tg") == Qt.LayoutDirection.LeftToRight
    assert direction_for("en") == Qt.LayoutDirection.LeftToRight
