"""Verify findings for people in Tajik, Russian and Persian (CLI, HTML report), while
``verify --json`` and Finding.english stay stable English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bundle_support import open_pair

from evidence_app import bundle, cli, i18n, report, verify
from evidence_app.bag import Finding, check_label
from evidence_app.hardening import TEST_KDF_WARNING

NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f]")


@pytest.fixture(scope="module")
def bag_tar(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A decrypted bundle (bag tar): checked without a vault, only the trust check fails."""
    tmp = tmp_path_factory.mktemp("bag")
    with open_pair(tmp) as p:
        out = tmp / "b.age"
        bundle.export_bundle(p.alice, [p.tid], [p.bob_at_alice], out)
        tar = tmp / "bag.tar"
        with open(out, "rb") as src, open(tar, "wb") as dst:
            reader = verify.decrypt_stream(src, p.bob.identity.age_identities())
            while chunk := reader.read(1 << 16):
                dst.write(chunk)
    return tar


def test_finding_keeps_english_and_translates_for_people():
    f = Finding("signature", "x.sig", True, "valid Ed25519 signature over {file}",
                args=(("file", "tagmanifest-sha256.txt"),))
    i18n.set_language("ru")
    assert f.detail == "действительная подпись Ed25519 над tagmanifest-sha256.txt"
    assert f.english == "valid Ed25519 signature over tagmanifest-sha256.txt"
    assert f.check_label == "подпись" and f.check == "signature"
    i18n.set_language("en")
    assert f.detail == f.english and f.check_label == "signature"


def test_finding_without_args_is_shown_as_it_is():
    f = Finding("payload", "data/", False, "a {brace} from a nested error")
    i18n.set_language("fa")
    assert f.detail == f.english == "a {brace} from a nested error"


@pytest.mark.parametrize(("lang", "labels"), [
    ("tg", {"custody": "занҷираи нигаҳдорӣ", "signature": "имзо", "trust": "эътимод"}),
    ("ru", {"custody": "цепочка хранения", "signature": "подпись", "trust": "доверие"}),
    ("fa", {"custody": "زنجیرهٔ نگهداری", "signature": "امضا", "trust": "اعتماد"}),
])
def test_check_labels(lang, labels):
    i18n.set_language(lang)
    assert {code: check_label(code) for code in labels} == labels
    assert check_label("not-a-check") == "not-a-check"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), "\n".join(
        ln for ln in err.splitlines() if ln != TEST_KDF_WARNING)


@pytest.mark.parametrize(("lang", "trust_line", "sha_line", "verdict"), [
    ("ru", "ОШИБКА  доверие    {fp}: подписант не проверен (нет хранилища)",
     "ПРОЙДЕНО  файл       bagit.txt: SHA-256 совпадает", "ПРОВЕРКА НЕ ПРОЙДЕНА"),
    ("tg", "НАГУЗАШТ  эътимод    {fp}: имзокунанда санҷида нашуд (махзан нест)",
     "ГУЗАШТ  файл       bagit.txt: SHA-256 мувофиқ аст", "САНҶИШ НАГУЗАШТ"),
    ("fa", "ناموفق  اعتماد     {fp}: امضاکننده بررسی نشد (خزانه‌ای نیست)",
     "موفق  پرونده     bagit.txt: SHA-256 جور است", "راستی‌آزمایی ناموفق بود"),
])
def test_cli_verify_output_in_the_language(lang, trust_line, sha_line, verdict, bag_tar,
                                           capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("EVIDENCE_APP_LANG", lang)
    code, lines, _ = _run(capsys, "--vault", str(tmp_path / "none"), "verify", str(bag_tar))
    assert code == 1
    principal = verify.verify_path(bag_tar, None).signer.principal  # type: ignore[union-attr]
    assert trust_line.format(fp=principal) in lines
    assert sha_line in lines
    assert lines[-1] == verdict


def test_verify_json_stays_english_in_russian(bag_tar, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("EVIDENCE_APP_LANG", "ru")
    code, lines, _ = _run(capsys, "--vault", str(tmp_path / "none"), "verify", "--json",
                          str(bag_tar))
    assert code == 1
    doc = json.loads("\n".join(lines))
    details = {c["check"]: c["detail"] for c in doc["checks"] if c["check"] != "file"}
    assert details["trust"] == "signer is not checked (no vault)"
    assert details["signature"] == "valid Ed25519 signature over tagmanifest-sha256.txt"
    assert details["custody"].startswith("continuous and signed; events: ")
    assert doc["signer"]["status"] == "not checked (no vault)"
    assert not NON_ASCII_LETTER.search(json.dumps(doc["checks"], ensure_ascii=False))


def test_verify_html_report_in_persian(bag_tar, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("EVIDENCE_APP_LANG", "fa")
    out = tmp_path / "r.html"
    code, _, _ = _run(capsys, "--vault", str(tmp_path / "none"), "verify", "--report",
                      str(out), str(bag_tar))
    page = out.read_text(encoding="utf-8")
    assert code == 1
    assert "<td>زنجیرهٔ نگهداری</td>" in page and "پیوسته و امضاشده؛ رویدادها: " in page
    assert "امضاکننده بررسی نشد (خزانه‌ای نیست)" in page
    assert "اعتماد به امضاکننده" in page and "کل بستهٔ BagIt" in page
    assert "continuous and signed" not in page and "Signer trust" not in page


def test_report_html_uses_the_translated_detail():
    f = Finding("intake", "data/x/originals/01-a.jpg", False,
                "does not match the intake SHA-256 in testimony.json")
    i18n.set_language("tg")
    page = report.verify_report_html([], [f], [])
    assert "<td>қабул</td>" in page
    assert "ба SHA-256-и ҳангоми қабул дар testimony.json мувофиқ нест" in page
