"""argparse's own words ("usage:", section titles, its error messages) in Tajik, Russian
and Persian, from the "argparse" section of the catalogs."""

from __future__ import annotations

import argparse
import ast
import json
import re

import pytest

from evidence_app import cli, i18n
from evidence_app.hardening import TEST_KDF_WARNING

LANGUAGES = ("tg", "ru", "fa")
PERCENT = re.compile(r"%(?:\([a-z_]+\))?[sr]")

# argparse messages about mistakes in the program's own parser set-up: only a developer
# sees them, so they are not translated (see i18n.ARGPARSE_MESSAGES).
PROGRAMMING_ERRORS = frozenset({
    ".__call__() not defined", "conflicting subparser: %s", "conflicting subparser alias: %s",
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r", "invalid conflict_resolution value: %r",
    "conflicting option string: %s", "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments", "%r is not callable",
})


def _argparse_msgids() -> set[str]:
    """Every literal msgid the running Python's argparse passes to _ or ngettext."""
    with open(argparse.__file__, encoding="utf-8") as fh:
        tree = ast.parse(fh.read())
    found = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "ngettext") and node.args
                and isinstance(node.args[0], ast.Constant)):
            found.add(node.args[0].value)
    return found


def test_every_argparse_message_of_this_python_is_translated_or_a_programming_error():
    found = _argparse_msgids()
    assert "usage: " in found and "the following arguments are required: %s" in found
    assert found - PROGRAMMING_ERRORS <= set(i18n.ARGPARSE_MESSAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_argparse_section_is_complete_with_the_same_placeholders(lang):
    data = json.loads((i18n.LOCALE_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    section = data["argparse"]
    assert set(section) == set(i18n.ARGPARSE_MESSAGES)  # nothing missing, nothing stale
    forms = len(i18n.PLURAL_RULES[lang][0])
    for msgid, value in section.items():
        plural = msgid in i18n.ARGPARSE_PLURALS
        assert isinstance(value, list if plural else str), msgid
        texts = value if plural else [value]
        assert len(texts) == (forms if plural else 1), msgid
        for text in texts:
            assert text != msgid or msgid == "%(heading)s:", msgid  # translated
            assert sorted(PERCENT.findall(text)) == sorted(PERCENT.findall(msgid)), msgid
            assert text.endswith("\n") == msgid.endswith("\n"), msgid
            assert text.startswith(" ") == msgid.startswith(" "), msgid


@pytest.mark.parametrize(("lang", "usage", "options", "help_line"), [
    ("ru", "использование: evidence-app", "параметры:", "показать эту справку и выйти"),
    ("tg", "истифода: evidence-app", "имконот:", "нишон додани ин кӯмак ва баромадан"),
    ("fa", "استفاده: evidence-app", "گزینه‌ها:", "نمایش این راهنما و خروج"),
    ("en", "usage: evidence-app", "options:", "show this help message and exit"),
])
def test_help_in_the_language(lang, usage, options, help_line, capsys, monkeypatch):
    monkeypatch.setenv("EVIDENCE_APP_LANG", lang)
    with pytest.raises(SystemExit) as done:
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0
    assert out.startswith(usage)
    assert f"\n{options}\n" in out and help_line in out


def usage_word(lang: str) -> str:
    return {"ru": "использование: ", "tg": "истифода: ", "fa": "استفاده: "}[lang]


def _err_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [ln for ln in capsys.readouterr().err.splitlines() if ln != TEST_KDF_WARNING]


@pytest.mark.parametrize(("lang", "missing", "choice", "unknown"), [
    ("ru", "evidence-app testimony show: ошибка: обязательны следующие аргументы: id",
     "evidence-app: ошибка: аргумент COMMAND: недопустимый вариант: 'bogus' (выберите из ",
     "evidence-app: ошибка: нераспознанные аргументы: --bogus"),
    ("tg", "evidence-app testimony show: хато: ин аргументҳо ҳатмианд: id",
     "evidence-app: хато: аргументи COMMAND: интихоби нодуруст: 'bogus' (аз инҳо интихоб "
     "кунед: ", "evidence-app: хато: аргументҳои ношинос: --bogus"),
    ("fa", "evidence-app testimony show: خطا: این آرگومان‌ها الزامی‌اند: id",
     "evidence-app: خطا: آرگومان COMMAND: انتخاب نامعتبر: 'bogus' (از میان این‌ها انتخاب "
     "کنید: ", "evidence-app: خطا: آرگومان‌های ناشناخته: --bogus"),
])
def test_argparse_errors_in_the_language(lang, missing, choice, unknown, capsys, monkeypatch):
    monkeypatch.setenv("EVIDENCE_APP_LANG", lang)
    for argv, line in ((["testimony", "show"], missing), (["bogus"], choice),
                       (["identity", "fingerprint", "--bogus"], unknown)):
        with pytest.raises(SystemExit) as done:
            cli.main(argv)
        err = _err_lines(capsys)
        assert done.value.code == 2
        assert err[0].startswith(usage_word(lang))
        assert err[-1].startswith(line), err


def test_argparse_plural_follows_cldr():
    i18n.install_argparse()
    i18n.set_language("ru")
    assert [i18n.argparse_ngettext("expected %s argument", "expected %s arguments", n) % n
            for n in (1, 2, 5)] == [
        "ожидался 1 аргумент", "ожидалось 2 аргумента", "ожидалось 5 аргументов"]
    assert argparse.ngettext is i18n.argparse_ngettext  # type: ignore[attr-defined]


def test_english_again_after_another_language(capsys, monkeypatch):
    monkeypatch.setenv("EVIDENCE_APP_LANG", "fa")
    with pytest.raises(SystemExit):
        cli.main(["testimony", "show"])
    monkeypatch.setenv("EVIDENCE_APP_LANG", "en")
    capsys.readouterr()
    with pytest.raises(SystemExit):
        cli.main(["testimony", "show"])
    err = _err_lines(capsys)
    assert err[0].startswith("usage: ")
    assert err[-1] == ("evidence-app testimony show: error: the following arguments are "
                       "required: id")
