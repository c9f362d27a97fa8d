"""Enum-like words printed to people are translated (testimony status, contact flags,
attachment count label); the --json outputs keep the stored codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidence_app import cli, i18n, report
from evidence_app.hardening import TEST_KDF_WARNING
from evidence_app.model import status_label


@pytest.fixture
def vault(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[list[str], str]:
    """(argv prefix, testimony id) of a vault with one draft testimony."""
    pw = tmp_path / "pw.txt"
    pw.write_text("first passphrase\n")
    argv = ["--vault", str(tmp_path / "v"), "--passphrase-file", str(pw)]
    assert cli.main([*argv, "init", "--name", "Field Documenter"]) == 0
    src = tmp_path / "t.json"
    src.write_text(json.dumps({"title": "Т1", "narrative": "x"}))
    capsys.readouterr()
    assert cli.main([*argv, "testimony", "add", "--json", str(src)]) == 0
    tid = capsys.readouterr().out.strip()
    return argv, tid


def _out(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert code == 0, [ln for ln in err.splitlines() if ln != TEST_KDF_WARNING]
    return out


@pytest.mark.parametrize(("lang", "status", "count"), [
    ("ru", "черновик", "вложений=0"), ("tg", "пешнавис", "замимаҳо=0"),
    ("fa", "پیش‌نویس", "پیوست‌ها=0"), ("en", "draft   ", "att=0"),
])
def test_testimony_list_status_and_count_in_the_language(lang, status, count, vault, capsys,
                                                          monkeypatch):
    argv, tid = vault
    monkeypatch.setenv("EVIDENCE_APP_LANG", lang)
    (line,) = _out(capsys, [*argv, "testimony", "list"]).splitlines()
    assert line.startswith(f"{tid}  {status}  ") and f"  {count}  Т1" in line


@pytest.mark.parametrize(("lang", "status_line"), [
    ("ru", "черновик (версия 1)"), ("tg", "пешнавис"), ("fa", "پیش‌نویس"),
])
def test_testimony_show_status_in_the_language(lang, status_line, vault, capsys, monkeypatch):
    argv, tid = vault
    monkeypatch.setenv("EVIDENCE_APP_LANG", lang)
    out = _out(capsys, [*argv, "testimony", "show", tid])
    assert status_line in out and "draft" not in out


def test_json_outputs_keep_the_codes(vault, capsys, monkeypatch):
    argv, tid = vault
    monkeypatch.setenv("EVIDENCE_APP_LANG", "ru")
    (listed,) = json.loads(_out(capsys, [*argv, "testimony", "list", "--json"]))
    shown = json.loads(_out(capsys, [*argv, "testimony", "show", tid, "--json"]))
    assert listed["status"] == shown["status"] == "draft"


@pytest.mark.parametrize(("lang", "flags"), [
    ("ru", "доверенный,может видеть личности"),
    ("tg", "боэътимод,шахсиятҳоро дида метавонад"),
    ("fa", "مورد اعتماد,می‌تواند هویت‌ها را ببیند"),
    ("en", "trusted,may-see-identities"),
])
def test_contact_flags_in_the_language(lang, flags, vault, capsys, monkeypatch, tmp_path):
    argv, _ = vault
    other = ["--vault", str(tmp_path / "other"), *argv[2:]]
    assert cli.main([*other, "init", "--name", "Coordinator"]) == 0
    card = tmp_path / "c.card"
    assert cli.main([*other, "identity", "card", "--out", str(card)]) == 0
    assert cli.main([*argv, "contacts", "add", str(card), "--trust", "--may-see-identities",
                     "--verified-how", "in person"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("EVIDENCE_APP_LANG", lang)
    (line,) = _out(capsys, [*argv, "contacts", "list"]).splitlines()
    assert f"  {flags}  Coordinator" in line
    (contact,) = json.loads(_out(capsys, [*argv, "contacts", "list", "--json"]))
    assert contact["trusted"] is True and contact["may_see_identities"] is True


def test_status_label_and_index_html_status():
    i18n.set_language("ru")
    assert [status_label(s) for s in ("draft", "complete", "other")] == [
        "черновик", "завершено", "other"]
    doc = {"id": "T-1", "version": 1, "status": "complete", "identity_sealed": False,
           "data": {"title": "x"}}
    page = report.index_html([], [doc]).decode("utf-8")
    assert "<td>завершено</td>" in page and ">complete<" not in page


def test_index_html_shows_consent_and_interview_as_words():
    doc = {"id": "T-1", "version": 1, "status": "complete", "identity_sealed": False,
           "data": {"title": "x", "consent": {"given": True, "method": "oral",
                                              "scope": ["coordinator", "icc"],
                                              "identity_disclosure": "authorities_only"},
                    "interview": {"mode": "video", "interviewer": "Z"}}}
    i18n.set_language("fa")
    page = report.index_html([], [doc]).decode("utf-8")
    # Persian separators: Arabic semicolon and comma.
    assert ("<td>رضایت داده شد: بله؛ روش: شفاهی؛ چه کسی می‌تواند ببیند: هماهنگ‌کنندهٔ ما، "
            "دیوان کیفری بین‌المللی؛ افشای هویت: هویت فقط برای دادگاه‌ها و مقام‌های تحقیق "
            "افشا می‌شود</td>") in page
    assert "<td>شیوه: تماس تصویری؛ مصاحبه‌گر: Z</td>" in page
    i18n.set_language("en")
    page = report.index_html([], [doc]).decode("utf-8")
    assert "<td>Mode: Video call; Interviewer: Z</td>" in page
    assert "authorities_only" not in page and "in_person" not in page
