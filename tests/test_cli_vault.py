"""The vault CLI, run in-process through ``evidence_app.cli.main`` (plus one real subprocess)."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from records_support import PHOTOS, sample_testimony

from evidence_app import cli_vault
from evidence_app.cli import main
from evidence_app.hardening import TEST_KDF_WARNING

ROOT = Path(__file__).resolve().parent.parent
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cli_vault.TEST_KDF_ENV, "fast")


@pytest.fixture
def pwfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text("first passphrase\nignored second line\n")
    return path


@pytest.fixture
def run(tmp_path: Path, pwfile: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """run(*args, vault=..., pw=...) -> (exit code, stdout, stderr)."""

    def _run(*args: str, vault: Path | None = None,
             pw: Path | None = pwfile) -> tuple[int, str, str]:
        argv = ["--vault", str(vault or tmp_path / "vault")]
        if pw is not None:
            argv += ["--passphrase-file", str(pw)]
        code = main([*argv, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def inited(run: Run) -> str:
    code, out, _ = run("init", "--name", "Field Documenter")
    assert code == 0
    return out


def _json_file(tmp_path: Path, data: object, name: str = "t.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False))
    return path


def _error_line(err: str) -> str:
    lines = [line for line in err.strip().splitlines() if line != TEST_KDF_WARNING]
    assert len(lines) == 1, err
    assert lines[0].startswith("evidence-app: error: ")
    return lines[0]


def test_kdf_params_is_the_one_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli_vault.kdf_params() is not None
    monkeypatch.delenv(cli_vault.TEST_KDF_ENV)
    assert cli_vault.kdf_params() is None  # the calibrated default for real vaults


def test_init_prints_fingerprint_and_recovery_code(run: Run, inited: str) -> None:
    fp_line = next(line for line in inited.splitlines() if line.startswith("fingerprint: "))
    assert "recovery code: " in inited
    fingerprint = fp_line.removeprefix("fingerprint: ")
    assert len(fingerprint.replace(" ", "")) == 60
    code, out, _ = run("identity", "fingerprint")
    assert (code, out.strip()) == (0, fingerprint)
    code, _, err = run("init", "--name", "Again")
    assert code == 2 and "already exists" in _error_line(err)


def test_init_prompts_twice_without_echo(run: Run, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["prompted pass", "different"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, _, err = run("init", "--name", "X", pw=None)
    assert code == 2 and "differ" in _error_line(err)
    assert not (tmp_path / "vault").exists()
    answers = iter(["prompted pass", "prompted pass", "prompted pass"])
    assert run("init", "--name", "X", pw=None)[0] == 0
    assert run("identity", "fingerprint", pw=None)[0] == 0


def test_wrong_passphrase_is_one_line(run: Run, inited: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not it\n")
    code, out, err = run("testimony", "list", pw=bad)
    assert code == 2 and out == ""
    assert "wrong passphrase" in _error_line(err)
    code, _, err = run("testimony", "list", vault=tmp_path / "nowhere")
    assert code == 2 and "no vault" in _error_line(err)


def test_testimony_lifecycle(run: Run, inited: str, tmp_path: Path) -> None:
    photo = PHOTOS / "jpg_gps_DSCN0010.jpg"
    src = _json_file(tmp_path, sample_testimony(consent=None))
    code, out, err = run("testimony", "add", "--json", str(src), "--attach", str(photo))
    assert code == 0, err
    tid = out.strip()
    assert len(tid) == 32

    code, out, _ = run("testimony", "list", "--json")
    (item,) = json.loads(out)
    assert item["id"] == tid and item["attachment_count"] == 1 and item["status"] == "draft"
    code, out, _ = run("testimony", "list")
    assert tid in out and sample_testimony()["title"] in out

    code, out, _ = run("testimony", "show", tid, "--json")
    shown = json.loads(out)
    assert shown["attachments"][0]["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert "identity" not in shown["witness"]
    code, out, _ = run("testimony", "show", tid, "--json", "--with-identity")
    assert json.loads(out)["witness"]["identity"]["name"] == "Witness Realname"
    code, out, _ = run("testimony", "show", tid)
    assert code == 0 and "W-014" in out and "Witness Realname" not in out

    code, out, err = run("testimony", "complete", tid)
    assert code == 2 and "$.consent.given" in _error_line(err)

    code, out, _ = run("testimony", "attach", tid, str(PHOTOS / "jpg_Canon_40D.jpg"))
    assert code == 0 and len(out.split()) == 1

    code, out, _ = run("testimony", "history", tid)
    assert code == 0 and len(out.strip().splitlines()) == 1

    code, out, _ = run("search", "қишлоқ", "--json")
    assert [s["id"] for s in json.loads(out)] == [tid]
    code, out, _ = run("search", "ҳақ*", "--act", "RS-7-1-f")
    assert tid in out
    code, out, _ = run("search", "ҳақ*", "--status", "complete", "--json")
    assert json.loads(out) == []

    code, out, _ = run("vault", "check")
    assert code == 0 and "passed" in out


def test_complete_after_consent(run: Run, inited: str, tmp_path: Path) -> None:
    src = _json_file(tmp_path, sample_testimony())
    tid = run("testimony", "add", "--json", str(src))[1].strip()
    code, out, err = run("testimony", "complete", tid)
    assert code == 0, err
    code, out, _ = run("testimony", "list", "--status", "complete", "--json")
    assert [s["id"] for s in json.loads(out)] == [tid]


def test_errors_change_nothing(run: Run, inited: str, tmp_path: Path) -> None:
    good = _json_file(tmp_path, sample_testimony())
    code, _, err = run("testimony", "add", "--json", str(good), "--attach",
                       str(tmp_path / "missing.jpg"))
    assert code == 2 and "file 1 of 1 is not a readable file" in _error_line(err)
    assert "missing.jpg" not in err  # file names of evidence never appear in messages
    bad = _json_file(tmp_path, dict(sample_testimony(), witnes={}), "bad.json")
    code, _, err = run("testimony", "add", "--json", str(bad))
    assert code == 2 and "witnes" in _error_line(err)
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": ')
    code, _, err = run("testimony", "add", "--json", str(broken))
    assert code == 2 and "JSON" in _error_line(err)
    code, _, err = run("testimony", "show", "0" * 32)
    assert code == 2 and "no testimony" in _error_line(err)
    code, _, err = run("search", '"')
    assert code == 2 and "no words" in _error_line(err)
    assert json.loads(run("testimony", "list", "--json")[1]) == []
    blobs = tmp_path / "vault" / "blobs"
    assert [p for p in blobs.rglob("*") if p.is_file()] == []


def test_vault_check_names_the_damaged_attachment(run: Run, inited: str, tmp_path: Path) -> None:
    src = _json_file(tmp_path, sample_testimony())
    tid = run("testimony", "add", "--json", str(src), "--attach",
              str(PHOTOS / "jpg_Nikon_D70.jpg"))[1].strip()
    aid = json.loads(run("testimony", "show", tid, "--json")[1])["attachments"][0]["id"]
    # The largest blob file is the original (the other one is its thumbnail).
    blob = max((p for p in (tmp_path / "vault" / "blobs").rglob("*") if p.is_file()),
               key=lambda p: p.stat().st_size)
    data = bytearray(blob.read_bytes())
    data[100] ^= 0xFF
    blob.write_bytes(bytes(data))
    code, out, err = run("vault", "check")
    assert code == 1
    assert f"attachment {aid}: blob is damaged" in out
    assert "vault check failed" in _error_line(err)


def test_identity_card_contacts_and_age_export(run: Run, inited: str, tmp_path: Path) -> None:
    other = tmp_path / "other"
    assert run("init", "--name", "Coordinator", vault=other)[0] == 0
    card = tmp_path / "coordinator.card"
    code, _, _ = run("identity", "card", "--out", str(card), vault=other)
    assert code == 0 and card.stat().st_size > 0
    their_fp = run("identity", "fingerprint", vault=other)[1].strip()

    code, out, err = run("contacts", "add", str(card), "--trust", "--verified-how", "read aloud")
    assert code == 0, err
    assert their_fp in out
    code, _, err = run("contacts", "add", str(card))
    assert code == 2 and _error_line(err)
    contacts = json.loads(run("contacts", "list", "--json")[1])
    assert [(c["fingerprint"], c["trusted"], c["may_see_identities"], c["verified_how"])
            for c in contacts] == [(their_fp, True, False, "read aloud")]
    assert "Coordinator" in run("contacts", "list")[1]
    cid = contacts[0]["id"]
    code, out, err = run("contacts", "trust", cid, "--verified-how", "in person",
                         "--may-see-identities")
    assert code == 0 and their_fp in out, err
    (after,) = json.loads(run("contacts", "list", "--json")[1])
    assert (after["trusted"], after["may_see_identities"], after["verified_how"]) == (
        True, True, "in person")
    code, _, err = run("contacts", "trust", "0" * 32, "--verified-how", "x")
    assert code == 2 and _error_line(err)

    secret = tmp_path / "age-identity.txt"
    code, out, err = run("identity", "export-age-identity", "--out", str(secret))
    assert code == 0 and "SECRET" in err
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    lines = secret.read_text().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("AGE-SECRET-KEY-PQ-1") and lines[1].startswith("AGE-SECRET-KEY-1")
    assert "AGE-SECRET-KEY" not in out + err


@pytest.mark.interop
def test_exported_x25519_identity_decrypts_with_real_age(
        run: Run, inited: str, tmp_path: Path, tool: Callable[[str], str]) -> None:
    from crypto.age_recipients import X25519Identity

    age = tool("age")
    secret = tmp_path / "age-identity.txt"
    assert run("identity", "export-age-identity", "--x25519-only", "--out", str(secret))[0] == 0
    (line,) = secret.read_text().splitlines()
    recipient = str(X25519Identity.parse(line).recipient().to_string())
    plain = "тестовое сообщение".encode()
    enc = subprocess.run([age, "-r", recipient], input=plain, capture_output=True, check=True)
    dec = subprocess.run([age, "-d", "-i", str(secret)], input=enc.stdout, capture_output=True,
                         check=True)
    assert dec.stdout == plain


def test_change_passphrase_and_shred(run: Run, inited: str, tmp_path: Path, pwfile: Path) -> None:
    new = tmp_path / "new.txt"
    new.write_text("second passphrase\n")
    code, _, err = run("vault", "change-passphrase", "--new-passphrase-file", str(new))
    assert code == 0, err
    assert run("testimony", "list")[0] == 2  # the old passphrase no longer opens it
    assert run("testimony", "list", pw=new)[0] == 0
    code, _, err = run("vault", "shred", pw=new)
    assert code == 2 and "--yes" in _error_line(err)
    assert run("testimony", "list", pw=new)[0] == 0
    assert run("vault", "shred", "--yes", pw=new)[0] == 0
    code, _, err = run("testimony", "list", pw=new)
    assert code == 2 and _error_line(err)


def test_group_without_subcommand_is_an_error(run: Run, inited: str) -> None:
    code, _, err = run("testimony")
    assert code == 2 and "needs a subcommand" in err


def test_python_dash_m_subprocess(tmp_path: Path, pwfile: Path) -> None:
    env = dict(os.environ, **{cli_vault.TEST_KDF_ENV: "fast"})
    base = [sys.executable, "-m", "evidence_app", "--vault", str(tmp_path / "v"),
            "--passphrase-file", str(pwfile)]
    init = subprocess.run([*base, "init", "--name", "Sub Process"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert init.returncode == 0, init.stderr
    src = _json_file(tmp_path, sample_testimony())
    add = subprocess.run([*base, "testimony", "add", "--json", str(src)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert add.returncode == 0, add.stderr
    bad = subprocess.run([*base, "testimony", "show", "nope"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [
        TEST_KDF_WARNING, "evidence-app: error: no testimony with id nope"]
