"""The GUI in Tajik, Russian and Persian: complete translations with their placeholders,
glossary terms used, bundled fonts that draw every character, Persian mirrored right to
left, dates shown in the locale but stored as ISO 8601 UTC."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QCoreApplication, QDate, QLocale, QPoint, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QRawFont
from PySide6.QtWidgets import QApplication
from ui_support import FAST_KDF, settings

from ui.i18n import (
    FONT_FAMILIES,
    FONTS_DIR,
    I18N_DIR,
    available_languages,
    display_datetime,
    install_translator,
    register_fonts,
    use_bundled_fonts,
)

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("tg", "ru", "fa")
# Qt's numerus forms per language (lupdate writes this many <numerusform>).
QT_FORMS = {"tg": 2, "ru": 3, "fa": 1}
TAJIK_LETTERS = "ҒғӢӣҚқӮӯҲҳҶҷ"
PLACEHOLDER = re.compile(r"%\d|%n|\{[a-z_]+\}")


def _messages(lang: str) -> Iterator[tuple[str, ET.Element]]:
    root = ET.parse(I18N_DIR / f"evidence_{lang}.ts").getroot()  # noqa: S314 - our own file
    assert root.get("language") == lang
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def _all_translated_text() -> str:
    return "".join(
        "".join(_translations(m)) for lang in LANGUAGES for _, m in _messages(lang))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated_and_finished(lang):
    english = {(c, m.findtext("source")) for c, m in _messages("en")}
    seen = set()
    for context, message in _messages(lang):
        source = message.findtext("source")
        seen.add((context, source))
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (context, source)
        texts = _translations(message)
        if message.get("numerus") == "yes":
            assert len(texts) == QT_FORMS[lang], source
        assert all(t.strip() for t in texts), (context, source)
    assert seen == english  # same messages as the English file: nothing left behind


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_are_kept(lang):
    for context, message in _messages(lang):
        source = message.findtext("source") or ""
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in _translations(message):
            assert sorted(PLACEHOLDER.findall(text)) == wanted, (context, source, text)
            assert text.count("&") == source.count("&"), (context, source, text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_translation_is_shipped_and_loads(qapp, lang):
    assert lang in available_languages()
    app = qapp
    saved_locale = QLocale()
    translator = install_translator(app, lang)
    try:
        assert translator is not None
        assert QCoreApplication.translate("Vocabulary", "Torture") == {
            "tg": "Шиканҷа", "ru": "Пытки", "fa": "شکنجه"}[lang]
    finally:
        app.removeTranslator(translator)
        QLocale.setDefault(saved_locale)
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


# --- glossary ---------------------------------------------------------------------------

# English term (regex) -> the stem each translation must contain (lower case). The stems
# are those of docs/glossary.md, without endings (Russian and Tajik inflect).
CORE_TERMS = {
    r"\bvault": {"tg": "махзан", "ru": "хранилищ", "fa": "خزانه"},
    r"\bbundle": {"tg": "баст", "ru": "пакет", "fa": "بسته"},
    r"\btestimon": {"tg": "шаҳодат", "ru": "показани", "fa": "شهادت"},
    r"\bwitness": {"tg": "шоҳид", "ru": "свидетел", "fa": "شاهد"},
    r"\bpassphrase": {"tg": "ибораи рамз", "ru": "парольн", "fa": "عبارت عبور"},
    r"\brecovery code": {"tg": "барқарорсоз", "ru": "восстановлени", "fa": "کد بازیابی"},
    r"\bkey card": {"tg": "корт", "ru": "карточк", "fa": "کارت"},
    r"\bfingerprint": {"tg": "изи калид", "ru": "отпечат", "fa": "اثر انگشت"},
    r"\brecipient": {"tg": "гиранд", "ru": "получател", "fa": "گیرند"},
    r"\bconsent\b": {"tg": "розиг", "ru": "согласи", "fa": "رضایت"},
    r"\bsigner": {"tg": "имзокунанд", "ru": "подписант", "fa": "امضاکنند"},
    r"\bexhibit": {"tg": "далели ашёӣ", "ru": "вещественн", "fa": "مدرک"},
}


def _glossary() -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for line in (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 4 and not cells[0].startswith("-"):
            rows[cells[0].lower()] = dict(zip(("tg", "ru", "fa"), cells[1:], strict=True))
    return rows


def test_glossary_lists_the_core_terms_with_these_stems():
    glossary = _glossary()
    for pattern, stems in CORE_TERMS.items():
        term = next(t for t in glossary if re.match(pattern, t))
        for lang, stem in stems.items():
            assert stem in glossary[term][lang].lower(), (term, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_use_the_glossary_terms(lang):
    checked = 0
    for context, message in _messages(lang):
        source = (message.findtext("source") or "").lower()
        for pattern, stems in CORE_TERMS.items():
            if re.search(pattern, source):
                for text in _translations(message):
                    assert stems[lang] in text.lower(), (context, source, text)
                    checked += 1
    assert checked > 40


# --- fonts -------------------------------------------------------------------------------


def _bundled_raw_fonts() -> list[QRawFont]:  # needs the QApplication (qapp)
    fonts = [QRawFont(QByteArray(p.read_bytes()), 16.0) for p in sorted(FONTS_DIR.glob("*.ttf"))]
    assert fonts and all(f.isValid() for f in fonts)
    return fonts


def test_fonts_are_bundled_with_their_license(qapp):
    assert (FONTS_DIR / "OFL.txt").read_text(encoding="utf-8").count("SIL Open Font License")
    names = {p.name for p in FONTS_DIR.glob("*.ttf")}
    assert {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansArabic-Regular.ttf",
            "NotoSansArabic-Bold.ttf"} <= names
    assert sum(p.stat().st_size for p in FONTS_DIR.glob("*.ttf")) < 3_000_000
    assert set(FONT_FAMILIES) <= set(register_fonts())


def _locale_text() -> str:
    """What QLocale shows in each language: its name, dates (Persian digits), months, days."""
    from PySide6.QtCore import QDateTime, QTime

    parts = []
    for code in (*LANGUAGES, "en"):
        locale = QLocale(code)
        moment = QDateTime(QDate(2025, 12, 31), QTime(23, 59))
        parts += [locale.nativeLanguageName(), locale.toString(1234567.89),
                  locale.toString(moment, QLocale.FormatType.ShortFormat),
                  locale.toString(moment, QLocale.FormatType.LongFormat)]
        parts += [locale.monthName(m) + locale.standaloneMonthName(m) for m in range(1, 13)]
        parts += [locale.dayName(d) for d in range(1, 8)]
    return "".join(parts)


def test_bundled_fonts_have_every_character_of_every_translation(qapp):
    fonts = _bundled_raw_fonts()
    text = _all_translated_text() + TAJIK_LETTERS + _locale_text()
    assert "۲۰۲۵" in text  # Persian digits are in there
    missing = {ch for ch in set(text) if not ch.isspace()
               and not any(f.supportsCharacter(ord(ch)) for f in fonts)}
    assert missing == set()


def test_noto_sans_regular_and_bold_draw_the_tajik_letters(qapp):
    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"):
        font = QRawFont(QByteArray((FONTS_DIR / name).read_bytes()), 16.0)
        assert all(font.supportsCharacter(ord(ch)) for ch in TAJIK_LETTERS), name


def _render(text: str, font: QFont) -> QImage:
    image = QImage(48, 48, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QPoint(8, 34), text)
    painter.end()
    return image


def test_rendered_letters_are_not_missing_glyph_boxes(qapp):
    # Draw each Tajik and Persian letter with the app font and compare it with the box
    # drawn for a character no font has (U+10FFFD, private use): no letter may look like it.
    use_bundled_fonts(qapp)
    saved = qapp.font()
    try:
        font = QFont(qapp.font())
        font.setPixelSize(24)
        box = _render("\U0010fffd", font)
        letters = TAJIK_LETTERS + "پچژگکیهشسعقغ"
        same = [ch for ch in letters if _render(ch, font) == box]
        assert same == []
        assert _render("ҷ", font) != _render("ч", font)  # not a fallback look-alike
    finally:
        qapp.setFont(saved)


def test_the_fixed_font_draws_codes_and_fingerprints(qapp):
    from PySide6.QtGui import QFontDatabase

    fixed = QRawFont.fromFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    assert all(fixed.supportsCharacter(ord(ch))
               for ch in "0123456789abcdefABCDEFGHIJKLMNOPQRSTUVWXYZ-:")


# --- right to left -----------------------------------------------------------------------


@pytest.fixture
def persian(qapp):
    saved_locale = QLocale()
    translator = install_translator(qapp, "fa")
    assert translator is not None
    yield qapp
    qapp.removeTranslator(translator)
    QLocale.setDefault(saved_locale)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _main_window(qtbot, tmp_path):
    from ui.main_window import MainWindow

    win = MainWindow(tmp_path / "vault", kdf_params=FAST_KDF, settings=settings(tmp_path))
    qtbot.addWidget(win)
    win.resize(900, 600)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_persian_mirrors_the_main_window(qtbot, tmp_path, persian):
    assert persian.layoutDirection() == Qt.LayoutDirection.RightToLeft
    win = _main_window(qtbot, tmp_path)
    assert win.layoutDirection() == Qt.LayoutDirection.RightToLeft
    wizard = win.screen_widget
    assert wizard.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # In English "Next" is right of "Back"; mirrored, it is on the left.
    back = wizard.back_button.mapTo(win, QPoint(0, 0)).x()
    nxt = wizard.next_button.mapTo(win, QPoint(0, 0)).x()
    assert nxt < back
    # The heading, left-aligned in English, starts at the right edge in Persian.
    heading = next(w for w in wizard.findChildren(type(wizard.error))
                   if w.objectName() == "heading")
    assert heading.text() == "راه‌اندازی خزانهٔ مدارک شما"
    right_edge = heading.mapTo(win, QPoint(heading.width(), 0)).x()
    assert right_edge > win.width() * 0.8
    assert [a.text() for a in win.menuBar().actions()][:2] == ["&خزانه", "&تنظیمات"]


def test_english_stays_left_to_right(qtbot, tmp_path):
    win = _main_window(qtbot, tmp_path)
    wizard = win.screen_widget
    assert win.layoutDirection() == Qt.LayoutDirection.LeftToRight
    back = wizard.back_button.mapTo(win, QPoint(0, 0)).x()
    nxt = wizard.next_button.mapTo(win, QPoint(0, 0)).x()
    assert nxt > back


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "month"), [("ru", "марта"), ("fa", "مارس"), ("tg", "март")])
def test_dates_are_shown_in_the_locale(lang, month):
    shown = QLocale(lang).toString(QDate(2025, 3, 2), QLocale.FormatType.LongFormat)
    assert month in shown.lower() and "2025-03-02" not in shown


def test_display_datetime_uses_the_default_locale_and_keeps_bad_text(persian):
    shown = display_datetime("2025-03-02T10:15:00Z")
    assert shown != "2025-03-02T10:15:00Z" and "T" not in shown
    assert display_datetime("not a date") == "not a date"


def test_stored_dates_stay_iso_8601_utc_whatever_the_language(tmp_path, persian):
    from records_support import new_vault, sample_testimony

    from evidence_app import i18n, records

    i18n.set_language("fa")
    try:
        vault = new_vault(tmp_path / "v")
        try:
            got = records.get_testimony(vault, records.add_testimony(vault, sample_testimony()))
        finally:
            vault.lock()
    finally:
        i18n.set_language("en")
    iso_utc = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"
    assert re.fullmatch(iso_utc, got["created_at"]) and re.fullmatch(iso_utc, got["updated_at"])
    assert got["interview"]["date"] == "2025-03-02"


# --- switching without a restart ---------------------------------------------------------


def test_switch_language_replaces_translator_direction_locale_and_core_language(qapp):
    from evidence_app import i18n as core_i18n
    from ui.i18n import chosen_language, switch_language

    def torture() -> str:
        return QCoreApplication.translate("Vocabulary", "Torture")

    try:
        switch_language(qapp, "fa")
        assert torture() == "شکنجه" and chosen_language() == "fa"
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert QLocale().language() == QLocale.Language.Persian
        assert core_i18n.current_language() == "fa"
        switch_language(qapp, "ru")  # the Persian translator is gone, not just shadowed
        assert torture() == "Пытки"
        assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert core_i18n._("Bundle") == "Пакет"
        switch_language(qapp, "en")
        assert torture() == "Torture" and core_i18n.current_language() == "en"
        assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        switch_language(qapp, "")  # back to the system's, as the other tests expect
    assert chosen_language() == "" and QLocale() == QLocale.system()


def test_first_run_wizard_switches_the_language_at_once(qtbot, tmp_path, qapp):
    from ui.i18n import switch_language

    win = _main_window(qtbot, tmp_path)
    wizard = win.screen_widget
    assert wizard.title.text() == "Set up your evidence vault"
    codes = [wizard.language.itemData(i) for i in range(wizard.language.count())]
    assert codes[0] == "" and {"en", "tg", "ru", "fa"} <= set(codes)
    try:
        with qtbot.waitSignal(wizard.language_chosen) as chosen:
            wizard.language.activated.emit(codes.index("fa"))
        assert chosen.args == ["fa"]
        qtbot.waitUntil(lambda: wizard.title.text() == "راه‌اندازی خزانهٔ مدارک شما")
        assert wizard.next_button.text() == "بعدی"
        assert wizard.language.itemText(0) == "پیش‌فرض سیستم"
        assert wizard.layoutDirection() == Qt.LayoutDirection.RightToLeft
        qtbot.waitUntil(lambda: wizard.next_button.mapTo(win, QPoint(0, 0)).x()
                        < wizard.back_button.mapTo(win, QPoint(0, 0)).x())
        wizard.language.activated.emit(codes.index("tg"))
        qtbot.waitUntil(lambda: wizard.title.text() == "Танзими махзани далелҳои шумо")
        assert wizard.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        switch_language(qapp, "")
    qtbot.waitUntil(lambda: wizard.title.text() == "Set up your evidence vault")


def test_evidence_app_lang_overrides_the_system_language_in_the_gui_too(qapp, monkeypatch):
    from evidence_app import i18n as core_i18n
    from ui.i18n import chosen_language, switch_language

    monkeypatch.setenv("EVIDENCE_APP_LANG", "ru")
    try:
        switch_language(qapp, "")
        assert QCoreApplication.translate("Vocabulary", "Torture") == "Пытки"
        assert core_i18n.current_language() == "ru" and chosen_language() == ""
        switch_language(qapp, "fa")  # a choice made in the app wins over the variable
        assert QCoreApplication.translate("Vocabulary", "Torture") == "شکنجه"
    finally:
        monkeypatch.delenv("EVIDENCE_APP_LANG")
        switch_language(qapp, "")
    assert core_i18n.current_language() == core_i18n.language_from_environment()


def test_the_language_chosen_on_first_run_is_stored(qtbot, tmp_path, qapp):
    from ui.app import main_window
    from ui.i18n import switch_language

    prefs = settings(tmp_path)
    win = main_window(tmp_path / "vault", prefs)
    qtbot.addWidget(win)
    wizard = win.screen_widget
    try:
        wizard.language.activated.emit(wizard.language.findData("ru"))
        assert prefs.language == "ru"
    finally:
        switch_language(qapp, "")
