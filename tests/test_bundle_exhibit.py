"""The received bundle kept as the court's exhibit: written back byte for byte from the
vault (``bundle.write_exhibit``), without a second copy of its originals, for binary and
armored bundles; damage and bad requests are refused and leave no file."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bundle_support import PHOTO_NAMES, Pair, make_pair, open_pair
from records_support import PASSPHRASE, PHOTOS

from crypto.armor import ArmorWriter
from crypto.errors import PayloadError
from evidence_app import bundle, records
from evidence_app.bundle_errors import IntegrityError
from evidence_app.cli import main
from evidence_app.errors import UserError


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with open_pair(tmp_path) as p:
        yield p


def _send(pair: Pair, out: Path, **kw: object) -> bundle.ImportResult:
    bundle.export_bundle(pair.alice, [pair.tid], [pair.bob_at_alice], out, **kw)  # type: ignore[arg-type]
    return bundle.import_bundle(pair.bob, out)


def _row(pair: Pair, bundle_id: str) -> tuple[str, bytes, str | None]:
    row = pair.bob.db.execute("SELECT blob_id, blob_key, exhibit FROM bundles WHERE id = ?",
                              (bundle_id,)).fetchone()
    return row[0], bytes(row[1]), row[2]


@pytest.mark.parametrize("redact", [False, True])
def test_exhibit_comes_back_byte_for_byte_without_a_second_copy(
        pair: Pair, tmp_path: Path, redact: bool) -> None:
    out = tmp_path / "sent.age"
    res = _send(pair, out, redact_exif=redact)
    back = bundle.write_exhibit(pair.bob, res.bundle_id, tmp_path / "exhibit.age")
    assert back.read_bytes() == out.read_bytes()
    blob_id, key, plan = _row(pair, res.bundle_id)
    assert plan is not None and json.loads(plan)["format"] == bundle.EXHIBIT_FORMAT
    with pair.bob.blobs.open(blob_id, key) as fh:
        rest = len(fh.read())
    originals = sum((PHOTOS / n).stat().st_size for n in PHOTO_NAMES)
    # The kept rest is the tar's headers, JSON, HTML and derivatives: no original in it.
    assert rest < out.stat().st_size - originals + 64 * 1024
    kinds = [seg[0] for seg in json.loads(plan)["segments"]]
    assert kinds.count("original") == len(PHOTO_NAMES)
    assert records.check_vault(pair.bob) == []


def test_an_armored_bundle_is_kept_whole(pair: Pair, tmp_path: Path) -> None:
    binary = tmp_path / "sent.age"
    bundle.export_bundle(pair.alice, [pair.tid], [pair.bob_at_alice], binary)
    armored = tmp_path / "sent.armored.age"
    buf = io.BytesIO()
    writer = ArmorWriter(buf)
    writer.write(binary.read_bytes())
    writer.close()
    armored.write_bytes(buf.getvalue())
    res = bundle.import_bundle(pair.bob, armored)
    assert _row(pair, res.bundle_id)[2] is None
    back = bundle.write_exhibit(pair.bob, res.bundle_id, tmp_path / "exhibit.age")
    assert back.read_bytes() == armored.read_bytes()


def test_a_damaged_kept_original_stops_the_exhibit_and_leaves_no_file(
        pair: Pair, tmp_path: Path) -> None:
    res = _send(pair, tmp_path / "sent.age")
    plan = json.loads(_row(pair, res.bundle_id)[2] or "{}")
    victim = next(seg[1] for seg in plan["segments"] if seg[0] == "original")
    path = pair.bob.path / "blobs" / victim[:2] / victim
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))
    target = tmp_path / "exhibit.age"
    with pytest.raises(PayloadError):
        bundle.write_exhibit(pair.bob, res.bundle_id, target)
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_pieces_map_that_does_not_add_up_is_refused(pair: Pair, tmp_path: Path) -> None:
    res = _send(pair, tmp_path / "sent.age")
    plan = json.loads(_row(pair, res.bundle_id)[2] or "{}")
    first = next(seg for seg in plan["segments"] if seg[0] == "rest")
    first[1] -= 1  # one byte of the rest left over at the end
    with pair.bob.transaction() as conn:
        conn.execute("UPDATE bundles SET exhibit = ? WHERE id = ?",
                     (json.dumps(plan), res.bundle_id))
    with pytest.raises(IntegrityError):
        bundle.write_exhibit(pair.bob, res.bundle_id, tmp_path / "exhibit.age")
    assert not (tmp_path / "exhibit.age").exists()


def test_unknown_bundle_or_existing_output_is_a_clear_error(pair: Pair, tmp_path: Path) -> None:
    res = _send(pair, tmp_path / "sent.age")
    with pytest.raises(UserError, match="no received bundle"):
        bundle.write_exhibit(pair.bob, "urn:uuid:00000000-0000-4000-8000-000000000000",
                             tmp_path / "x.age")
    taken = tmp_path / "taken.age"
    taken.write_bytes(b"keep me")
    with pytest.raises(UserError, match="already exists"):
        bundle.write_exhibit(pair.bob, res.bundle_id, taken)
    assert taken.read_bytes() == b"keep me"


def test_vault_check_names_a_missing_exhibit_piece_and_the_sweep_keeps_them(
        pair: Pair, tmp_path: Path) -> None:
    res = _send(pair, tmp_path / "sent.age")
    plan = json.loads(_row(pair, res.bundle_id)[2] or "{}")
    pieces = [seg[1] for seg in plan["segments"] if seg[0] == "original"]
    # Even if no attachment row pointed at them, the sweep must not take them.
    with pair.bob.transaction() as conn:
        conn.execute("UPDATE attachments SET blob_id = thumb_blob_id WHERE blob_id = ?",
                     (pieces[0],))
    records.remove_orphan_blobs(pair.bob)
    assert pieces[0] in set(pair.bob.blobs.ids())
    pair.bob.blobs.delete(pieces[1])
    problems = records.check_vault(pair.bob)
    assert f"bundle {res.bundle_id}: an original its exhibit is written from is missing" in problems


def test_cli_lists_received_bundles_and_writes_the_exhibit(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    p = make_pair(tmp_path)
    sent = tmp_path / "sent.age"
    bundle.export_bundle(p.alice, [p.tid], [p.bob_at_alice], sent)
    res = bundle.import_bundle(p.bob, sent)
    p.alice.lock()
    p.bob.lock()
    (tmp_path / "pw").write_text(PASSPHRASE + "\n")
    base = ["--vault", str(tmp_path / "bob"), "--passphrase-file", str(tmp_path / "pw")]
    assert main([*base, "exhibit"]) == 0
    listed = capsys.readouterr().out
    assert listed.split()[0] == res.bundle_id and res.signer_fingerprint in listed
    target = tmp_path / "court" / "exhibit-1.age"
    target.parent.mkdir()
    assert main([*base, "exhibit", res.bundle_id, "--out", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    assert target.read_bytes() == sent.read_bytes()
    assert main([*base, "exhibit", res.bundle_id]) == 2
    assert "--out" in capsys.readouterr().err


def test_vault_check_names_a_damaged_exhibit_rest(pair: Pair, tmp_path: Path) -> None:
    res = _send(pair, tmp_path / "sent.age")
    rest_id = _row(pair, res.bundle_id)[0]
    path = pair.bob.path / "blobs" / rest_id[:2] / rest_id
    data = bytearray(path.read_bytes())
    data[-20] ^= 0x40
    path.write_bytes(bytes(data))
    assert f"bundle {res.bundle_id}: the kept rest of its exhibit is damaged" in (
        records.check_vault(pair.bob))


def test_exhibit_of_a_bundle_without_originals_then_a_second_bundle(
        pair: Pair, tmp_path: Path) -> None:
    second = records.add_testimony(pair.alice, {"title": "second", "status": "draft"},
                                   [PHOTOS / PHOTO_NAMES[0]])
    for name, kw in (("none.age", {"omit_originals": True, "redact_exif": True}),
                     ("two.age", {})):
        out = tmp_path / name
        tids = [pair.tid] if name == "none.age" else [second]
        bundle.export_bundle(pair.alice, tids, [pair.bob_at_alice], out, **kw)  # type: ignore[arg-type]
        res = bundle.import_bundle(pair.bob, out)
        back = bundle.write_exhibit(pair.bob, res.bundle_id, tmp_path / f"back-{name}")
        assert back.read_bytes() == out.read_bytes()
        kinds = {seg[0] for seg in json.loads(_row(pair, res.bundle_id)[2] or "{}")["segments"]}
        assert kinds == ({"rest"} if name == "none.age" else {"rest", "original"})


@pytest.mark.interop
def test_exhibit_of_a_bundle_encrypted_by_the_age_cli_with_extra_tar_padding(
        pair: Pair, tmp_path: Path) -> None:
    """Any sender's encryption and tar padding come back exactly: the same bag, its tar
    given 20 KiB more zero blocks and encrypted by the real `age` CLI, is imported and its
    exhibit is that very file."""
    import subprocess

    from crypto import age
    from tests.conftest import require_tool

    tool = require_tool("age")
    ours = tmp_path / "ours.age"
    bundle.export_bundle(pair.alice, [pair.tid], [pair.bob_at_alice], ours)
    bob_x = next(i for i in pair.bob.identity.age_identities()
                 if isinstance(i, age.X25519Identity))
    tar = tmp_path / "bag.tar"
    tar.write_bytes(age.decrypt_bytes(ours.read_bytes(), pair.bob.identity.age_identities())
                    + bytes(20 * 1024))
    theirs = tmp_path / "theirs.age"
    subprocess.run([tool, "-r", bob_x.recipient().to_string(), "-o", str(theirs), str(tar)],
                   check=True)
    res = bundle.import_bundle(pair.bob, theirs)
    assert res.status == "imported"
    back = bundle.write_exhibit(pair.bob, res.bundle_id, tmp_path / "back.age")
    assert back.read_bytes() == theirs.read_bytes()
