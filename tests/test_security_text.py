"""Security: imported timestamps and file names are validated or cleaned, and the CLI never
prints control or bidi characters that came from data (audit findings 6 and 14)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bundle_support import Pair, open_pair
from records_support import PASSPHRASE, new_vault, sample_testimony
from security_support import bag_files, member_testimony, rebuild

from evidence_app import bundle, records
from evidence_app.bundle_errors import BagInvalidError
from evidence_app.cli import main
from evidence_app.safetext import clean_file_name, terminal_safe

HOSTILE = "a\x1b]0;PWNED\x07\x1b[2J\x9b31m\u202egpj.exe\u2066\r\x00z"


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with open_pair(tmp_path) as p:
        yield p


def test_terminal_safe_drops_controls_and_bidi() -> None:
    assert terminal_safe(HOSTILE) == "a]0;PWNED[2J31mgpj.exez"
    assert terminal_safe("one\n\ttwo\r\n", multiline=True) == "one\n\ttwo\n"
    assert terminal_safe("one\ntwo") == "onetwo"


def test_clean_file_name() -> None:
    assert clean_file_name("../../<i>x\x1b[1m.jpg") == "<i>x[1m.jpg"
    assert clean_file_name("C:\\Users\\x\\photo\u202e.jpg") == "photo.jpg"
    assert clean_file_name("..") == clean_file_name("") == clean_file_name("/") == "file"
    assert len(clean_file_name("n" * 1000)) == 255


def _doc_edit(pair: Pair, tmp_path: Path, edit: object) -> Path:
    root, files = bag_files(pair, tmp_path)
    path = member_testimony(files)
    doc = json.loads(files[path])
    edit(doc)  # type: ignore[operator]
    files[path] = json.dumps(doc).encode()
    return rebuild(pair, root, files, tmp_path / "edited.age")


@pytest.mark.parametrize("key, value", [
    ("created_at", "2026-01-01\x1b]0;PWNED\x07"),
    ("updated_at", "\x1b[8mhidden"),
    ("created_at", "2026-13-01T00:00:00Z"),
    ("updated_at", "2026-01-01T00:00:00+02:00"),
    ("added_at", "<img src=file:///etc/passwd>"),
])
def test_bad_timestamps_in_a_signed_bundle_are_refused(
        pair: Pair, tmp_path: Path, key: str, value: str) -> None:
    def edit(doc: dict) -> None:  # type: ignore[type-arg]
        (doc["attachments"][0] if key == "added_at" else doc)[key] = value
    hostile = _doc_edit(pair, tmp_path, edit)
    with pytest.raises(BagInvalidError, match="malformed field"):
        bundle.import_bundle(pair.bob, hostile)


def test_imported_file_names_are_cleaned(pair: Pair, tmp_path: Path) -> None:
    def edit(doc: dict) -> None:  # type: ignore[type-arg]
        doc["attachments"][0]["original_name"] = "../../<i>x\x1b[1m\u202e.jpg"
    bundle.import_bundle(pair.bob, _doc_edit(pair, tmp_path, edit))
    names = [a["original_name"] for a in
             records.get_testimony(pair.bob, pair.tid)["attachments"]]
    assert "<i>x[1m.jpg" in names
    assert not any("/" in n or "\x1b" in n or "\u202e" in n for n in names)


def test_cli_show_and_list_print_no_controls(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vault = new_vault(tmp_path / "v", "Doc")
    tid = records.add_testimony(vault, sample_testimony(
        title="T", narrative="line one\n\u202egpj.exe \x9b2J end"), [])
    vault.lock()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    base = ["--vault", str(tmp_path / "v"), "--passphrase-file", str(pw)]
    assert main([*base, "testimony", "show", tid]) == 0
    out = capsys.readouterr().out
    assert "line one\ngpj.exe 2J end" in out
    assert not any(c in out for c in "\x9b\u202e\x1b")
