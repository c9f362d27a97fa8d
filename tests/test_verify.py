"""The bundle CLI end to end: export, import, verify (text, JSON, HTML, PDF), decrypt."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import bagit
import pytest
from bundle_support import Pair, Run, cli_runner, make_pair
from conftest import require_tool
from records_support import PASSPHRASE

from crypto import sshsig
from evidence_app.report import LoadRow, csv_safe, index_html, loadsheet_csv


@pytest.fixture
def setup(tmp_path: Path) -> Pair:
    p = make_pair(tmp_path)
    (tmp_path / "bob.card").write_text(p.bob.identity.card().to_text())
    p.alice.lock()
    p.bob.lock()
    (tmp_path / "pw").write_text(PASSPHRASE + "\n")
    return p


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return cli_runner(tmp_path, capsys)


def _export(run: Run, tmp_path: Path, p: Pair, *extra: str) -> Path:
    out = tmp_path / "b.age"
    code, stdout, err = run("alice", "export", "--to", str(tmp_path / "bob.card"), "--out",
                            str(out), *extra, p.tid)
    assert code == 0, err
    assert "exported bundle" in stdout
    return out


def test_export_import_verify_via_cli(setup: Pair, run: Run, tmp_path: Path) -> None:
    out = _export(run, tmp_path, setup, "--redact-exif", "--organization", "Field Team 7")
    code, stdout, _ = run("bob", "verify", str(out), "--json")
    assert code == 0
    report = json.loads(stdout)
    assert report["ok"] and report["testimonies"] == [setup.tid]
    assert report["signer"]["status"] == "trusted"
    assert report["source_organization"] == "Field Team 7"
    checks = {c["check"] for c in report["checks"]}
    assert {"signature", "trust", "recipients", "file", "custody", "consent", "intake"} <= checks
    code, stdout, _ = run("bob", "import", str(out))
    assert code == 0 and stdout.startswith("imported:")
    code, stdout, _ = run("bob", "import", str(out))
    assert code == 0 and stdout.startswith("already imported:")


def test_html_and_pdf_reports(setup: Pair, run: Run, tmp_path: Path) -> None:
    out = _export(run, tmp_path, setup)
    html = tmp_path / "r.html"
    code, stdout, _ = run("bob", "verify", str(out), "--report", str(html))
    assert code == 0 and "all checks passed" in stdout
    text = html.read_text()
    assert "ALL CHECKS PASSED" in text and "<script" not in text.lower()
    assert f"-n {sshsig.BUNDLE_NAMESPACE} -s tagmanifest-sha256.txt.sig" in text
    assert "sha256sum -c manifest-sha256.txt" in text and "Get-FileHash" in text
    assert "age -d -i key.txt bundle.age | tar -x" in text
    pdf = tmp_path / "r.pdf"
    code, _, _ = run("bob", "verify", str(out), "--report", str(pdf))
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF")
    pdftotext = require_tool("pdftotext")
    content = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True,
                             check=True).stdout
    assert "ALL CHECKS PASSED" in content and "ssh-keygen -Y verify" in content


def test_decrypt_then_verify_folder_and_tampering(setup: Pair, run: Run, tmp_path: Path) -> None:
    out = _export(run, tmp_path, setup)
    folder = tmp_path / "bag"
    code, _, err = run("bob", "decrypt", str(out), "--out", str(folder))
    assert code == 0, err
    bagit.Bag(str(folder)).validate()
    code, _, _ = run("bob", "verify", str(folder))
    assert code == 0
    victim = next(folder.glob("data/*/originals/*"))
    data = bytearray(victim.read_bytes())
    data[100] ^= 1
    victim.write_bytes(bytes(data))
    code, stdout, _ = run("bob", "verify", str(folder))
    assert code == 1
    rel = str(victim.relative_to(folder))
    assert f"FAIL  file       {rel}: SHA-256 mismatch" in stdout
    assert "VERIFICATION FAILED" in stdout


def test_decrypt_refuses_existing_folder_and_leaves_nothing_on_failure(
        setup: Pair, run: Run, tmp_path: Path) -> None:
    out = _export(run, tmp_path, setup)
    (tmp_path / "exists").mkdir()
    code, _, err = run("bob", "decrypt", str(out), "--out", str(tmp_path / "exists"))
    assert code == 2 and "already exists" in err
    bad = tmp_path / "bad.age"
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 1
    bad.write_bytes(bytes(data))
    code, _, err = run("bob", "decrypt", str(bad), "--out", str(tmp_path / "never"))
    assert code == 1 and "damaged" in err
    assert not (tmp_path / "never").exists()


def test_verify_tar_without_a_vault(setup: Pair, run: Run, tmp_path: Path) -> None:
    out = _export(run, tmp_path, setup)
    folder = tmp_path / "bag"
    assert run("bob", "decrypt", str(out), "--out", str(folder))[0] == 0
    tar = tmp_path / "bag.tar"
    shutil.make_archive(str(tmp_path / "bag"), "tar", root_dir=tmp_path, base_dir="bag")
    code, stdout, _ = run("nobody", "verify", str(tar), "--json")
    report = json.loads(stdout)
    failed = [c for c in report["checks"] if not c["ok"]]
    assert code == 1 and [c["check"] for c in failed] == ["trust"]
    assert report["signer"]["status"] == "not checked (no vault)"


def test_loadsheet_is_csv_injection_safe() -> None:
    rows = [LoadRow("a", "", "=HYPERLINK(\"http://x\")", "2025-01-01", "testimony", "", None,
                    "tg", "icc"), LoadRow("b", "a", "+1-2", "", "image/jpeg", "ab", 3, "", "")]
    text = loadsheet_csv(rows).decode("utf-8-sig")
    assert "\"'=HYPERLINK(\"\"http://x\"\")\"" in text and "\"'+1-2\"" in text
    assert text.splitlines()[0].startswith('"ID","Parent ID","Title"')
    assert csv_safe("@SUM(A1)") == "'@SUM(A1)" and csv_safe("plain") == "plain"


def test_index_html_escapes_everything() -> None:
    page = index_html([("External-Identifier", "<b>x</b>")], [{
        "id": "t1", "version": 1, "status": "draft", "data": {
            "title": "<script>alert(1)</script>", "narrative": "a & b <img src=x>"},
        "attachments": [{"id": "a1", "original_name": "\"><svg onload=1>", "original": None}]}])
    text = page.decode()
    assert "<script>alert" not in text and "<img" not in text and "<svg" not in text
    assert "&lt;script&gt;" in text and "&lt;b&gt;x&lt;/b&gt;" in text
    assert "http" not in text.replace("http-equiv", "")


def test_export_all_to_a_fingerprint_including_myself(setup: Pair, run: Run,
                                                     tmp_path: Path) -> None:
    out = tmp_path / "all.age"
    code, _, err = run("alice", "export", "--to", setup.bob_at_alice.fingerprint, "--out",
                       str(out), "--include-self", "--classical", "--all")
    assert code == 0, err
    code, stdout, _ = run("alice", "verify", str(out), "--json")
    report = json.loads(stdout)
    assert code == 0 and report["testimonies"] == [setup.tid]
    assert len(report["intended_recipients"]) == 2
    code, _, err = run("alice", "export", "--to", "nobody", "--out", str(out), "--all")
    assert code == 2 and "no such contact" in err
    code, _, err = run("alice", "export", "--to", setup.bob_at_alice.id, "--out", str(out))
    assert code == 2 and "--all" in err
