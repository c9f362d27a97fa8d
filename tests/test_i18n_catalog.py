"""The non-Qt translations (evidence_app.i18n): CLDR plural rules, language choice from the
environment, complete catalogs for every message the code asks for, and the CLI error line
and the HTML reports in Tajik, Russian and Persian."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from evidence_app import cli, i18n, report
from evidence_app.bag import Finding

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("tg", "ru", "fa")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _messages_in_code() -> dict[str, str | None]:
    """msgid -> plural msgid (None for ``_``) of every literal ``_``/``ngettext`` call."""
    found: dict[str, str | None] = {}
    # ui/ too: a few GUI-side texts printed by the CLI (ui/selftest.py) use the core's _().
    for path in sorted([*(ROOT / "evidence_app").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            args = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.id in ("_", "N_") and args:
                found[args[0]] = None
            elif node.func.id == "ngettext" and len(args) >= 2:
                found[args[0]] = args[1]
    return found


def test_the_code_asks_for_messages():
    messages = _messages_in_code()
    assert "evidence-app: error: {message}" in messages
    assert "ALL CHECKS PASSED" in messages and "Testimony {id}" in messages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_is_complete_with_placeholders_and_plural_forms(lang):
    data = json.loads((i18n.LOCALE_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    assert data["language"] == lang
    catalog = data["messages"]
    wanted = _messages_in_code()
    assert set(catalog) == set(wanted)  # nothing missing, nothing stale
    forms = len(i18n.PLURAL_RULES[lang][0])
    for msgid, plural in wanted.items():
        value = catalog[msgid]
        texts = value if isinstance(value, list) else [value]
        assert isinstance(value, list if plural else str), msgid
        assert len(texts) == (forms if plural else 1), msgid
        for text in texts:
            assert text.strip(), msgid
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(msgid))


@pytest.mark.parametrize(("n", "category"), [
    (0, "many"), (1, "one"), (2, "few"), (4, "few"), (5, "many"), (11, "many"), (12, "many"),
    (14, "many"), (21, "one"), (22, "few"), (25, "many"), (101, "one"), (111, "many"),
    (112, "many"), (1002, "few"),
])
def test_russian_plural_rule(n, category):
    categories, rule = i18n.PLURAL_RULES["ru"]
    assert rule(n) == category
    assert i18n.plural_index("ru", n) == categories.index(category)


def test_persian_tajik_and_english_plural_rules():
    assert [i18n.plural_index("fa", n) for n in (0, 1, 2, 5)] == [0, 0, 1, 1]
    assert [i18n.plural_index("tg", n) for n in (0, 1, 2, 5)] == [0, 0, 0, 0]
    assert [i18n.plural_index("en", n) for n in (0, 1, 2)] == [1, 0, 1]


def test_ngettext_picks_the_form_and_falls_back_to_english(tmp_path, monkeypatch):
    (tmp_path / "ru.json").write_text(json.dumps({"language": "ru", "messages": {
        "{n} bundle": ["{n} пакет", "{n} пакета", "{n} пакетов"]}}), encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    assert i18n.set_language("ru") == "ru"
    got = [i18n.ngettext("{n} bundle", "{n} bundles", n).format(n=n) for n in (1, 3, 5, 21)]
    assert got == ["1 пакет", "3 пакета", "5 пакетов", "21 пакет"]
    assert i18n.ngettext("{n} file", "{n} files", 3) == "{n} files"  # not in the catalog
    assert i18n._("Bundle") == "Bundle"
    i18n.set_language("en")
    assert i18n.ngettext("{n} bundle", "{n} bundles", 1) == "{n} bundle"


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "ru_RU.UTF-8"}, "ru"),
    ({"LANG": "fa_IR.UTF-8"}, "fa"),
    ({"LANG": "tg_TJ.UTF-8"}, "tg"),
    ({"LC_ALL": "tg_TJ", "LANG": "ru_RU.UTF-8"}, "tg"),
    ({"LC_MESSAGES": "fa_IR", "LANG": "ru_RU.UTF-8"}, "fa"),
    ({"EVIDENCE_APP_LANG": "fa", "LC_ALL": "ru_RU.UTF-8"}, "fa"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "POSIX"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANG": "sr_RS@latin"}, "en"),
    ({}, "en"),
])
def test_language_from_the_environment(environ, expected):
    assert i18n.language_from_environment(environ) == expected


def test_set_language_defaults_to_the_environment_and_refuses_unknown_codes(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("EVIDENCE_APP_LANG", "tg")
    assert i18n.set_language() == "tg" and i18n.current_language() == "tg"
    assert i18n._("Bundle") == "Баста"
    assert i18n.set_language("xx") == "en"
    assert i18n._("Bundle") == "Bundle"


def test_english_until_set_language_is_called():
    assert i18n.current_language() == "en"
    assert i18n._("ALL CHECKS PASSED") == "ALL CHECKS PASSED"


@pytest.mark.parametrize(("lang", "prefix"), [
    ("ru", "evidence-app: ошибка: "), ("tg", "evidence-app: хато: "), ("fa", "evidence-app: خطا: "),
    ("en", "evidence-app: error: "),
])
def test_cli_error_line_in_the_language(lang, prefix, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("EVIDENCE_APP_LANG", lang)
    code = cli.main(["--vault", str(tmp_path / "none"), "identity"])
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert code == 2 and err.startswith(prefix)


def _findings() -> list[Finding]:
    return [Finding("signature", "bag/tagmanifest-sha256.txt", True, "ok")]


@pytest.mark.parametrize(("lang", "verdict", "heading"), [
    ("ru", "ВСЕ ПРОВЕРКИ ПРОЙДЕНЫ", "Отчёт о проверке пакета доказательств"),
    ("tg", "ҲАМАИ САНҶИШҲО ГУЗАШТАНД", "Гузориши санҷиши бастаи далелҳо"),
    ("fa", "همهٔ بررسی‌ها موفق بود", "گزارش راستی‌آزمایی بستهٔ مدارک"),
])
def test_verify_report_in_the_language(lang, verdict, heading):
    i18n.set_language(lang)
    page = report.verify_report_html([("Bundle ID", "x")], _findings(), [("age", "age -d")])
    assert verdict in page and f"<h1>{heading}</h1>" in page
    assert f'<html lang="{lang}"' in page
    assert ('dir="rtl"' in page) == (lang == "fa")
    assert "ALL CHECKS PASSED" not in page


def test_index_html_in_persian_and_english():
    doc = {"id": "T-1", "version": 1, "status": "complete", "identity_sealed": True,
           "data": {"title": "x", "narrative": "y", "incidents": [{"place": "Khorog"}]}}
    i18n.set_language("fa")
    page = report.index_html([("Bundle ID", "B")], [doc]).decode("utf-8")
    assert "شهادت T-1" in page and "روایت" in page and "مهروموم‌شده" in page
    assert '<html lang="fa" dir="rtl">' in page
    i18n.set_language("en")
    page = report.index_html([("Bundle ID", "B")], [doc]).decode("utf-8")
    assert "Testimony T-1" in page and '<html lang="en">' in page
