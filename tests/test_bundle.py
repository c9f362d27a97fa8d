"""Export and import between two vaults: round trip, re-import, failures leave nothing."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bundle_support import PHOTO_NAMES, Pair, make_pair, open_pair, snapshot
from records_support import PHOTOS, new_vault, sample_testimony

from crypto import age
from crypto.errors import CancelledError, NoIdentityMatchError
from evidence_app import bundle, records, verify
from evidence_app.bag import scan_tar
from evidence_app.bundle_errors import IntegrityError, NotForMeError, UntrustedSignerError
from evidence_app.errors import UserError


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with open_pair(tmp_path) as p:
        yield p


def export(p: Pair, out: Path, **kw: object) -> bundle.ExportResult:
    return bundle.export_bundle(p.alice, [p.tid], [p.bob_at_alice], out, **kw)  # type: ignore[arg-type]


def open_bag(p: Pair, path: Path) -> verify.VerifyResult:
    with open(path, "rb") as fh:
        scan = verify.scan_bundle(fh, p.bob.identity.age_identities())
    return verify.check_scan(scan, bundle.trust_lookup(p.bob), p.bob.fingerprint())


def test_round_trip_bit_exact_with_consent_incidents_custody(pair: Pair, tmp_path: Path) -> None:
    out = tmp_path / "out.age"
    res = export(pair, out)
    assert out.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert hashlib.sha256(out.read_bytes()).hexdigest() == res.file_sha256
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert res.sealed_identity
    imported = bundle.import_bundle(pair.bob, out)
    assert (imported.status, imported.testimonies) == ("imported", [pair.tid])
    assert imported.signer_trusted and not imported.flagged
    assert imported.signer_fingerprint == pair.alice.fingerprint()

    sent = records.get_testimony(pair.alice, pair.tid, include_identity=True)
    got = records.get_testimony(pair.bob, pair.tid, include_identity=True)
    for key in ("title", "narrative", "consent", "incidents", "witness", "version", "status",
                "created_at", "interview", "languages"):
        assert got[key] == sent[key], key
    assert got["witness"]["identity"]["name"] == "Witness Realname"
    assert got["consent"]["given"] is True
    by_name = {a["original_name"]: a for a in got["attachments"]}
    assert sorted(by_name) == sorted(PHOTO_NAMES)
    for name in PHOTO_NAMES:
        with records.open_attachment(pair.bob, by_name[name]["id"]) as fh:
            assert fh.read() == (PHOTOS / name).read_bytes()
    assert [a["id"] for a in sent["attachments"]] == [a["id"] for a in got["attachments"]]

    chain_alice = records.custody_events(pair.alice, pair.tid)
    chain_bob = records.custody_events(pair.bob, pair.tid)
    assert chain_bob[:-1] == chain_alice
    assert chain_alice[-1]["action"] == "exported"
    assert chain_alice[-1]["details"]["bundle_id"] == res.bundle_id
    assert chain_bob[-1]["action"] == "imported"
    assert chain_bob[-1]["actor"] == pair.bob.fingerprint()
    vault_chain = records.custody_events(pair.alice, "vault")
    assert vault_chain[-1]["details"]["tagmanifest_sha256"] == res.tagmanifest_sha256
    assert records.check_vault(pair.bob) == []

    exhibit = bundle.write_exhibit(pair.bob, res.bundle_id, tmp_path / "exhibit.age")
    assert exhibit.read_bytes() == out.read_bytes()  # the exhibit is kept bit-exact


def test_reimport_is_a_noop(pair: Pair, tmp_path: Path) -> None:
    out = tmp_path / "out.age"
    export(pair, out)
    seen: list[tuple[int, int | None]] = []
    bundle.import_bundle(pair.bob, out, progress=lambda d, t: seen.append((d, t)))
    size = out.stat().st_size
    assert seen[-1] == (size, size)
    before = snapshot(pair.bob)
    again = bundle.import_bundle(pair.bob, out)
    assert again.status == "already imported"
    assert snapshot(pair.bob) == before


def test_bag_contents_and_layout(pair: Pair, tmp_path: Path) -> None:
    out = tmp_path / "out.age"
    res = export(pair, out, redact_exif=True)
    result = open_bag(pair, out)
    assert result.ok, result.first_failure()
    files = set(result.scan.files)
    base = f"data/{pair.tid}/"
    assert {base + "testimony.json", base + "custody.jsonl", "data/index.html",
            "data/loadsheet.csv", "data/sealed-identity.age"} <= files
    assert any(p.startswith(base + "derivatives/") for p in files)
    doc = json.loads(result.scan.kept[base + "testimony.json"])
    assert "identity" not in doc["data"]["witness"] and doc["identity_sealed"] is True
    raw = b"".join(result.scan.kept.values()) + b"".join(result.scan.tags.values())
    assert b"Witness Realname" not in raw
    info = dict(result.info)
    assert info["External-Identifier"] == res.bundle_id
    assert info["Originals-Included"] == "yes"
    assert info["EXIF-Stripped-Derivatives"] == "yes"
    gps = next(a for a in doc["attachments"] if a["original_name"] == "jpg_gps_DSCN0010.jpg")
    assert gps["derivative"]["sha256"] != gps["sha256"]


def test_omit_originals_and_no_identity_recipient(tmp_path: Path) -> None:
    p = make_pair(tmp_path, bob_sees_identities=False)
    out = tmp_path / "out.age"
    res = export(p, out, omit_originals=True, redact_exif=True)
    assert not res.sealed_identity
    result = open_bag(p, out)
    assert result.ok, result.first_failure()
    assert not any("/originals/" in f for f in result.scan.files)
    assert "data/sealed-identity.age" not in result.scan.files
    info = dict(result.info)
    assert info["Originals-Included"] == "no"
    assert info["Sealed-Identity"].startswith("omitted")
    imported = bundle.import_bundle(p.bob, out)
    got = records.get_testimony(p.bob, p.tid, include_identity=True)
    assert imported.status == "imported" and got["attachments"] == []
    assert "identity" not in got.get("witness", {})


def test_include_self_lets_me_decrypt(pair: Pair, tmp_path: Path) -> None:
    out = tmp_path / "out.age"
    export(pair, out, include_self=True)
    with open(out, "rb") as fh:
        scan = verify.scan_bundle(fh, pair.alice.identity.age_identities())
    assert verify.check_scan(scan, bundle.trust_lookup(pair.alice), pair.alice.fingerprint()).ok


def test_unknown_signer_refused_unless_allowed_then_flagged(tmp_path: Path) -> None:
    p = make_pair(tmp_path, alice_trusted=False)
    out = tmp_path / "out.age"
    export(p, out)
    before = snapshot(p.bob)
    with pytest.raises(UntrustedSignerError):
        bundle.import_bundle(p.bob, out)
    assert snapshot(p.bob) == before
    res = bundle.import_bundle(p.bob, out, allow_unknown_signer=True)
    assert res.flagged and not res.signer_trusted and res.status == "imported"


def test_tampered_original_stops_export_and_names_it(pair: Pair, tmp_path: Path) -> None:
    aid, blob_id, key = pair.alice.db.execute(
        "SELECT id, blob_id, blob_key FROM attachments ORDER BY added_at, id LIMIT 1").fetchone()
    other = pair.alice.blobs.write(io.BytesIO(b"not the original"))
    with pair.alice.transaction() as conn:
        conn.execute("UPDATE attachments SET blob_id = ?, blob_key = ?, size = ? WHERE id = ?",
                     (other.blob_id, other.key, other.size, aid))
    before = records.custody_events(pair.alice, pair.tid)
    out = tmp_path / "out.age"
    with pytest.raises(IntegrityError, match=aid):
        export(pair, out)
    assert not out.exists() and list(tmp_path.glob(".*.tmp")) == []
    assert records.custody_events(pair.alice, pair.tid) == before


def test_damaged_blob_stops_export_and_names_it(pair: Pair, tmp_path: Path) -> None:
    aid, blob_id = pair.alice.db.execute(
        "SELECT id, blob_id FROM attachments ORDER BY added_at, id LIMIT 1").fetchone()
    (path,) = [p for p in pair.alice.blobs.root.rglob("*") if p.name.startswith(blob_id)]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))
    out = tmp_path / "out.age"
    with pytest.raises(IntegrityError, match=f"attachment {aid} is damaged"):
        export(pair, out)
    assert not out.exists() and list(tmp_path.glob(".*.tmp")) == []


def test_cancelled_export_leaves_nothing(pair: Pair, tmp_path: Path) -> None:
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 2

    before = snapshot(pair.alice)
    out = tmp_path / "out.age"
    with pytest.raises(CancelledError):
        export(pair, out, cancel=cancel)
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["alice", "bob"]
    assert snapshot(pair.alice) == before


def test_cancelled_import_leaves_nothing(pair: Pair, tmp_path: Path) -> None:
    out = tmp_path / "out.age"
    export(pair, out)
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    before = snapshot(pair.bob)
    with pytest.raises(CancelledError):
        bundle.import_bundle(pair.bob, out, cancel=cancel)
    assert snapshot(pair.bob) == before
    assert list(pair.bob.blobs.tmp_dir.iterdir()) == []


def test_edit_during_export_refuses_the_stale_bundle(pair: Pair, tmp_path: Path) -> None:
    """The database stays usable during an export; a chain that moves on makes it fail."""
    edited = False

    def progress(done: int, total: int | None) -> None:
        nonlocal edited
        if not edited:
            edited = True
            records.update_testimony(pair.alice, pair.tid, sample_testimony(title="Edited"))

    out = tmp_path / "out.age"
    with pytest.raises(UserError, match="changed during the export"):
        export(pair, out, progress=progress)
    assert edited and not out.exists()
    assert "exported" not in [e["action"] for e in records.custody_events(pair.alice, pair.tid)]


def test_progress_counts_original_bytes(pair: Pair, tmp_path: Path) -> None:
    seen: list[tuple[int, int | None]] = []
    export(pair, tmp_path / "out.age", progress=lambda d, t: seen.append((d, t)))
    total = sum((PHOTOS / n).stat().st_size for n in PHOTO_NAMES)
    assert seen[-1] == (total, total)


def test_export_needs_a_recipient_and_a_testimony(pair: Pair, tmp_path: Path) -> None:
    with pytest.raises(UserError):
        bundle.export_bundle(pair.alice, [pair.tid], [], tmp_path / "x.age")
    with pytest.raises(UserError):
        bundle.export_bundle(pair.alice, [], [pair.bob_at_alice], tmp_path / "x.age")


def test_testimony_changed_here_refuses_its_update(pair: Pair, tmp_path: Path) -> None:
    """An update is imported (tests/test_bundle_update.py) unless Bob changed his copy."""
    first = tmp_path / "1.age"
    export(pair, first)
    bundle.import_bundle(pair.bob, first)
    records.update_testimony(pair.bob, pair.tid, sample_testimony(title="Changed by Bob"))
    records.update_testimony(pair.alice, pair.tid, sample_testimony(title="Changed"))
    second = tmp_path / "2.age"
    export(pair, second)
    before = snapshot(pair.bob)
    with pytest.raises(UserError, match="changed in this vault since it was received"):
        bundle.import_bundle(pair.bob, second)
    assert snapshot(pair.bob) == before


def test_sanitise_name() -> None:
    assert bundle.sanitise_name("../../etc/passwd", 1) == "01-etc_passwd"
    assert bundle.sanitise_name("Фото 1.JPG", 2) == "02-1.JPG"
    assert bundle.sanitise_name("...", 3) == "03-file"
    assert len(bundle.sanitise_name("a" * 300 + ".jpeg", 4)) <= 84
    assert bundle.sanitise_name("a" * 300 + ".jpeg", 4).endswith(".jpeg")


def test_third_vault_cannot_open_it(pair: Pair, tmp_path: Path) -> None:
    out = tmp_path / "out.age"
    export(pair, out)
    carol = new_vault(tmp_path / "carol", "Carol")
    try:
        with open(out, "rb") as fh, pytest.raises(NotForMeError, match="not encrypted to my key"):
            scan_tar(verify.decrypt_stream(fh, carol.identity.age_identities()))
        with pytest.raises(NoIdentityMatchError):
            age.decrypt_bytes(out.read_bytes(), carol.identity.age_identities())
    finally:
        carol.lock()
