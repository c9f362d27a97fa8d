"""Translations: Qt's own .ts/.qm files, loaded with a QTranslator.

Sources are English. ``ui/i18n/evidence_<lang>.ts`` is written by ``pyside6-lupdate`` and
compiled to ``.qm`` by ``pyside6-lrelease`` (see scripts/update_translations.py). A missing
translation falls back to the English source string by string.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

I18N_DIR = Path(__file__).resolve().parent / "i18n"
DOMAIN = "evidence"


def vocab(label: str) -> str:
    """Translate one of the core's English vocabulary labels (see ui/vocabulary.py)."""
    return QCoreApplication.translate("Vocabulary", label)


def available_languages() -> list[str]:
    """Language codes with a compiled translation, e.g. ``["en"]``."""
    return sorted(p.stem.removeprefix(DOMAIN + "_") for p in I18N_DIR.glob(f"{DOMAIN}_*.qm"))


def install_translator(app: QCoreApplication, language: str | None = None) -> QTranslator | None:
    """Load the translation for ``language`` (default: the system locale) into ``app``.

    Returns the installed translator (keep a reference), or None when there is none for
    that language, in which case the English source strings are shown.
    """
    translator = QTranslator(app)
    if language:
        ok = translator.load(str(I18N_DIR / f"{DOMAIN}_{language}.qm"))
    else:
        ok = translator.load(QLocale(), DOMAIN, "_", str(I18N_DIR))
    if not ok:
        return None
    app.installTranslator(translator)
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(direction_for(language))
    return translator


def direction_for(language: str | None) -> Qt.LayoutDirection:
    """Right-to-left for languages written that way (fa, ar, he...), else left-to-right."""
    locale = QLocale(language) if language else QLocale()
    return locale.textDirection()
