"""Translations: Qt's own .ts/.qm files, loaded with a QTranslator.

Sources are English. ``ui/i18n/evidence_<lang>.ts`` is written by ``pyside6-lupdate`` and
compiled to ``.qm`` by ``pyside6-lrelease`` (see scripts/update_translations.py). A missing
translation falls back to the English source string by string.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTranslator
from PySide6.QtGui import QFontDatabase, QGuiApplication

from evidence_app import i18n as core_i18n

I18N_DIR = Path(__file__).resolve().parent / "i18n"
FONTS_DIR = Path(__file__).resolve().parent / "fonts"
# Bundled (ui/fonts/, SIL OFL): Latin, Cyrillic with the Tajik letters, Persian, ✔ ✘.
FONT_FAMILIES = ["Noto Sans", "Noto Sans Arabic", "Noto Sans Symbols2"]
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
        ok = translator.load(QLocale.system(), DOMAIN, "_", str(I18N_DIR))
    if not ok:
        return None
    app.installTranslator(translator)
    if language:
        QLocale.setDefault(QLocale(language))  # dates and numbers follow the language
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(direction_for(language))
    return translator


def direction_for(language: str | None) -> Qt.LayoutDirection:
    """Right-to-left for languages written that way (fa, ar, he...), else left-to-right."""
    locale = QLocale(language) if language else QLocale.system()
    return locale.textDirection()


_switched: list[QTranslator] = []
_chosen = [""]


def switch_language(app: QGuiApplication, language: str) -> None:
    """Use ``language`` ("" = the system's) from now on, without a restart.

    Replaces the translator installed by the previous call, sets the layout direction and
    the default QLocale (dates, numbers), and the language of the core's reports. Qt sends
    every widget a LanguageChange event; widgets that handle it retranslate at once.
    With "", EVIDENCE_APP_LANG (as for the CLI) wins over the system's language.
    """
    _chosen[0] = language
    language = language or os.environ.get(core_i18n.ENV_OVERRIDE, "").strip().lower()
    while _switched:
        app.removeTranslator(_switched.pop())
    translator = install_translator(app, language or None)
    if translator is not None:
        _switched.append(translator)
    app.setLayoutDirection(direction_for(language or None))
    QLocale.setDefault(QLocale(language) if language else QLocale.system())
    core_i18n.set_language(language or None)


def chosen_language() -> str:
    """The language last passed to switch_language ("" = the system's)."""
    return _chosen[0]


@cache
def register_fonts() -> tuple[str, ...]:
    """Add the bundled fonts to Qt's font database; returns the families they provide.

    Shipping the fonts means Tajik (ғ ӣ қ ӯ ҳ ҷ) and Persian render on every machine,
    whatever fonts the system has. Done once per process (cached).
    """
    families: list[str] = []
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return tuple(dict.fromkeys(families))


def use_bundled_fonts(app: QGuiApplication) -> None:
    """Register the bundled fonts and make them the app font, each a fallback for the others."""
    register_fonts()
    font = app.font()
    font.setFamilies(FONT_FAMILIES)
    app.setFont(font)


def display_datetime(iso_utc: str) -> str:
    """A stored ISO 8601 UTC time, shown in the app's locale and the local time zone.

    Only for display: what is stored and exported stays ISO 8601 UTC. Text that is not
    an ISO time is returned unchanged.
    """
    moment = QDateTime.fromString(iso_utc, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        return iso_utc
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)
