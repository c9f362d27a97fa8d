"""Acceptance gaps of the vault issue: `vault check` on a damaged database page, a
decompression bomb through intake, the QR code's content, the recovery code never on disk
(audit /tmp/audit/acceptance.md, gaps 2, 8, 10, 11; gap 13 is
tests/test_security_kdf.py::test_cli_start_disables_core_dumps)."""

from __future__ import annotations

import base64
import io
import json
import shutil
import struct
import zlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
import segno
from PIL import Image
from records_support import new_vault, sample_testimony

from evidence_app import cli_vault, records
from evidence_app.cli import main
from evidence_app.vault import Vault

ROOT = Path(__file__).resolve().parent.parent
PAGE = 4096  # SQLCipher 4 default page size (docs/vault-format.md)
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cli_vault.TEST_KDF_ENV, "fast")


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    pw = tmp_path / "pw"
    pw.write_text("a passphrase for the acceptance tests\n")

    def _run(*args: str, vault: Path | None = None) -> tuple[int, str, str]:
        code = main(["--vault", str(vault or tmp_path / "vault"), "--passphrase-file",
                     str(pw), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def _filled_vault(run: Run, tmp_path: Path) -> Path:
    """A locked vault (CLI) with enough testimonies to span many database pages."""
    assert run("init", "--name", "Field Documenter")[0] == 0
    src = tmp_path / "t.json"
    for i in range(12):
        src.write_text(json.dumps(sample_testimony(title=f"Testimony {i}",
                                                   narrative="Шоҳид гуфт. " * 150)))
        assert run("testimony", "add", "--json", str(src))[0] == 0
    return tmp_path / "vault"


def _flip(db: Path, page: int) -> None:
    data = bytearray(db.read_bytes())
    data[page * PAGE + 200] ^= 0x01
    db.write_bytes(bytes(data))


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


# --- gap 2: a damaged database page -------------------------------------------------------


def test_vault_check_names_a_damaged_database_page(run: Run, tmp_path: Path) -> None:
    vault = _filled_vault(run, tmp_path)
    assert run("vault", "check")[0] == 0
    db = vault / "vault.db"
    pages = db.stat().st_size // PAGE
    assert pages > 10
    blobs_before = sorted(p.name for p in (vault / "blobs").rglob("*") if p.is_file())
    _flip(db, pages - 1)  # the last page: a data page, not needed to open the vault
    code, out, err = run("vault", "check")
    assert code == 1
    assert f"database: HMAC verification failed for page {pages}" in out.splitlines()
    assert err.strip().splitlines()[-1] == \
        "evidence-app: error: vault check failed: 2 problem(s)"
    # A damaged database proves no blob unreferenced: the check deleted nothing.
    assert sorted(p.name for p in (vault / "blobs").rglob("*") if p.is_file()) == blobs_before


def test_no_damaged_page_makes_open_or_check_crash(run: Run, tmp_path: Path) -> None:
    """Every page after the first, damaged in turn: `vault check` either names the
    database (exit 1) or the vault refuses to open with one line (exit 2); never a
    traceback, never a pass."""
    vault = _filled_vault(run, tmp_path)
    pages = (vault / "vault.db").stat().st_size // PAGE
    pristine = _files(vault)
    outcomes: set[int] = set()
    for page in range(1, pages):
        copy = tmp_path / f"copy{page}"
        shutil.copytree(vault, copy)
        _flip(copy / "vault.db", page)
        code, out, err = run("vault", "check", vault=copy)
        last = err.strip().splitlines()[-1]
        if code == 1:
            assert f"database: HMAC verification failed for page {page + 1}" in out, page
        else:
            assert code == 2 and "vault database" in last and "damaged" in last, (page, last)
        assert "Traceback" not in err
        outcomes.add(code)
        shutil.rmtree(copy)
    assert 1 in outcomes
    assert _files(vault) == pristine


# --- gap 8: a decompression bomb through intake ---------------------------------------


def _png_declaring(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 1024)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("size", [(100_000, 100_000), (9_000, 8_000)])
def test_decompression_bomb_is_kept_bit_exact_without_thumbnail(
        tmp_path: Path, size: tuple[int, int]) -> None:
    bomb = _png_declaring(*size)
    src = tmp_path / "bomb.png"
    src.write_bytes(bomb)
    vault = new_vault(tmp_path / "vault")
    try:
        tid = records.add_testimony(vault, sample_testimony(), [src])
        (att,) = records.get_testimony(vault, tid)["attachments"]
        with records.open_attachment(vault, att["id"]) as fh:
            assert fh.read() == bomb
        assert att["size"] == len(bomb) and att["media_type"] == "image/png"
        assert records.get_attachment(vault, att["id"]).has_thumbnail is False
        assert records.thumbnail(vault, att["id"]) is None
        assert records.check_vault(vault) == []
    finally:
        vault.lock()


# --- gap 10: the QR code holds exactly the card text -----------------------------------------


def _modules(png: bytes, scale: int, border: int) -> list[list[int]]:
    """The module matrix read back from the PNG's pixels (1 = dark)."""
    img = Image.open(io.BytesIO(png)).convert("L")
    side = img.width // scale - 2 * border
    assert img.width == img.height == (side + 2 * border) * scale
    return [[int(img.getpixel(((border + c) * scale + scale // 2,
                               (border + r) * scale + scale // 2)) < 128)
             for c in range(side)] for r in range(side)]


def test_qr_png_encodes_exactly_the_card_text(tmp_path: Path) -> None:
    vault = new_vault(tmp_path / "vault", "Qr Person")
    try:
        card = vault.identity.card()
    finally:
        vault.lock()
    out = io.BytesIO()
    card.qr_png(out, scale=3)
    read_back = _modules(out.getvalue(), scale=3, border=4)

    def matrix(text: str) -> list[list[int]]:
        qr = segno.make(text.encode("utf-8"), error="L", micro=False, boost_error=False)
        return [list(row) for row in qr.matrix]

    text = card.to_text()
    assert read_back == matrix(text)
    # The comparison is discriminating: one character changed gives another matrix.
    assert read_back != matrix(text.replace("Qr Person", "Qr Persom"))


# --- gap 11: the recovery code is shown once and never stored -------------------------------


def _encodings(secret: str) -> list[bytes]:
    forms = {secret, secret.replace("-", ""), secret.lower(), secret.replace("-", "").lower()}
    found: list[bytes] = []
    for form in forms:
        raw = form.encode()
        found += [raw, form.encode("utf-16-le"), form.encode("utf-16-be"),
                  base64.b64encode(raw), base64.urlsafe_b64encode(raw),
                  base64.b32encode(raw)]
        # base64 of the text at any offset: its three alignments (cut to whole groups)
        for shift in range(3):
            chunk = base64.b64encode(raw[shift:])[4:-4]
            if len(chunk) >= 8:
                found.append(chunk)
    return found


def test_recovery_code_is_printed_once_and_never_written(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tmpdir = tmp_path / "systemp"
    tmpdir.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmpdir))
    code, out, _ = run("init", "--name", "Field Documenter")
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("recovery code: ")]
    assert len(lines) == 1
    recovery = lines[0].removeprefix("recovery code: ")
    assert len(recovery.replace("-", "")) == 24
    assert out.count(recovery) == 1
    for folder in (tmp_path / "vault", tmpdir):
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                for needle in _encodings(recovery):
                    assert needle not in data, path.name
    # The code printed is the real one: it opens the vault, and "show" never repeats it.
    vault = Vault.open_with_recovery(tmp_path / "vault", recovery)
    vault.lock()
    for args in (("identity", "fingerprint"), ("vault", "check"), ("contacts", "list")):
        assert recovery not in "".join(run(*args)[1:])


# --- gap 4 (shredded): nothing sensitive printed, the shred time on stderr -------------------


def test_shred_reports_only_its_time(run: Run, tmp_path: Path) -> None:
    assert run("init", "--name", "Shred Person")[0] == 0
    src = tmp_path / "t.json"
    src.write_text(json.dumps(sample_testimony()))
    tid = run("testimony", "add", "--json", str(src))[1].strip()
    code, out, err = run("vault", "shred", "--yes")
    assert code == 0
    assert out == "vault shredded: it can no longer be opened\n"
    lines = [line for line in err.splitlines() if not line.startswith("evidence-app: WARNING")]
    assert len(lines) == 1 and lines[0].startswith("shred time (UTC): ")
    stamp = lines[0].removeprefix("shred time (UTC): ")
    assert stamp.endswith("Z") and datetime.fromisoformat(stamp.removesuffix("Z")).tzinfo is None
    for secret in ("Shred Person", "Witness Realname", tid, str(tmp_path)):
        assert secret not in out + err
    assert not (tmp_path / "vault").exists()
