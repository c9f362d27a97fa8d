"""Records: testimonies, versions, sealed identity, consent, custody storage, attachments."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from records_support import PHOTOS, new_vault, sample_testimony

from crypto.errors import CancelledError
from evidence_app import custody, records
from evidence_app.errors import UserError
from evidence_app.model import ModelError, canonical_json
from evidence_app.vault import Vault


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    v = new_vault(tmp_path / "vault")
    yield v
    v.lock()


def _rows(vault: Vault, sql: str, *params: object) -> list[tuple[object, ...]]:
    return [tuple(r) for r in vault.db.execute(sql, params).fetchall()]


# --- testimonies and versions ------------------------------------------------------------


def test_add_and_get_round_trip(vault: Vault) -> None:
    tid = records.add_testimony(vault, sample_testimony())
    got = records.get_testimony(vault, tid)
    assert got["id"] == tid and got["version"] == 1 and got["status"] == "draft"
    assert got["title"] == sample_testimony()["title"]
    assert got["narrative"] == sample_testimony()["narrative"]
    assert got["witness"] == {"pseudonym": "W-014"}
    assert got["incidents"][0]["acts"] == ["RS-7-1-e", "RS-7-1-f"]
    assert got["attachments"] == []
    with_id = records.get_testimony(vault, tid, include_identity=True)
    assert with_id["witness"]["identity"] == {"name": "Witness Realname",
                                              "contact": "+992 00 000 0000"}


def test_invalid_input_is_refused_and_nothing_stored(vault: Vault) -> None:
    with pytest.raises(ModelError, match="witnes"):
        records.add_testimony(vault, dict(sample_testimony(), witnes={}))
    with pytest.raises(UserError):
        records.add_testimony(vault, ["not", "an", "object"])  # type: ignore[arg-type]
    assert _rows(vault, "SELECT count(*) FROM testimonies") == [(0,)]
    assert _rows(vault, "SELECT count(*) FROM custody_events") == [(0,)]


def test_each_edit_is_a_new_version_and_old_versions_never_change(vault: Vault) -> None:
    tid = records.add_testimony(vault, sample_testimony())
    v1_row = _rows(vault, "SELECT data, sha256 FROM testimony_versions WHERE version = 1")
    assert records.update_testimony(vault, tid, sample_testimony(notes="second")) == 2
    assert records.update_testimony(vault, tid, sample_testimony(notes="third")) == 3
    # Saving the same content again is not an edit.
    assert records.update_testimony(vault, tid, sample_testimony(notes="third")) == 3
    assert _rows(vault, "SELECT data, sha256 FROM testimony_versions WHERE version = 1") == v1_row
    hist = records.history(vault, tid)
    assert [h.version for h in hist] == [1, 2, 3]
    assert records.get_version(vault, tid, 2)["notes"] == "second"
    assert records.get_version(vault, tid, 1)["notes"] == sample_testimony()["notes"]
    assert records.get_testimony(vault, tid)["notes"] == "third"
    for h in hist:
        stored = json.dumps(records.get_version(vault, tid, h.version), sort_keys=True,
                            separators=(",", ":"), ensure_ascii=False).encode()
        assert hashlib.sha256(stored).hexdigest() == h.sha256


def test_identity_change_alone_is_a_new_version(vault: Vault) -> None:
    tid = records.add_testimony(vault, sample_testimony())
    other = sample_testimony(witness={"pseudonym": "W-014", "identity": {"name": "Other Name"}})
    assert records.update_testimony(vault, tid, other) == 2
    assert records.get_version(vault, tid, 1, include_identity=True)["witness"]["identity"][
        "name"] == "Witness Realname"
    assert records.get_testimony(vault, tid, include_identity=True)["witness"]["identity"] == {
        "name": "Other Name"}


def test_sealed_identity_is_stored_apart_only(vault: Vault) -> None:
    tid = records.add_testimony(vault, sample_testimony())
    records.update_testimony(vault, tid, sample_testimony(notes="edit"))
    records.set_status(vault, tid, "complete")
    needle = "Witness Realname"
    assert len(_rows(vault, "SELECT * FROM sealed_identities WHERE data LIKE ?",
                     f"%{needle}%")) == 2
    for table in ("testimonies", "testimony_versions", "custody_events", "incidents",
                  "incident_acts", "testimony_fts"):
        for row in _rows(vault, f"SELECT * FROM {table}"):  # noqa: S608 - fixed names
            assert needle not in repr(row), table
    assert records.search(vault, "Realname") == []
    summary = records.list_testimonies(vault)[0]
    assert needle not in repr(summary)


def test_unknown_testimony_is_a_user_error(vault: Vault) -> None:
    for call in (lambda: records.get_testimony(vault, "nope"),
                 lambda: records.update_testimony(vault, "nope", sample_testimony()),
                 lambda: records.set_status(vault, "nope", "complete"),
                 lambda: records.history(vault, "nope"),
                 lambda: records.get_version(vault, "nope", 1),
                 lambda: records.attach(vault, "nope", [PHOTOS / "jpg_Canon_40D.jpg"])):
        with pytest.raises(UserError, match="nope"):
            call()


# --- status and consent ------------------------------------------------------------------


def test_complete_needs_consent_and_names_what_is_missing(vault: Vault) -> None:
    tid = records.add_testimony(vault, sample_testimony(consent=None))
    with pytest.raises(UserError, match=r"\$\.consent\.given"):
        records.set_status(vault, tid, "complete")
    assert records.get_testimony(vault, tid)["status"] == "draft"
    with pytest.raises(UserError, match="consent"):
        records.add_testimony(vault, sample_testimony(consent=None, status="complete"))
    records.update_testimony(vault, tid, sample_testimony())
    records.set_status(vault, tid, "complete")
    assert records.get_testimony(vault, tid)["status"] == "complete"
    # Removing consent from a complete testimony is refused, nothing changes.
    with pytest.raises(UserError, match="consent"):
        records.update_testimony(vault, tid, sample_testimony(consent=None, status="complete"))
    assert [h.version for h in records.history(vault, tid)] == [1, 2]


def test_withdrawn_consent_blocks_complete(vault: Vault) -> None:
    consent = dict(sample_testimony()["consent"], withdrawal_date="2025-04-01")
    tid = records.add_testimony(vault, sample_testimony(consent=consent))
    with pytest.raises(UserError, match="withdrawn"):
        records.set_status(vault, tid, "complete")


def test_status_values(vault: Vault) -> None:
    tid = records.add_testimony(vault, sample_testimony())
    with pytest.raises(UserError):
        records.set_status(vault, tid, "published")
    records.set_status(vault, tid, "complete")
    records.set_status(vault, tid, "draft")
    assert records.get_testimony(vault, tid)["status"] == "draft"


# --- custody -------------------------------------------------------------------------------


def test_custody_events_are_appended_with_every_change(vault: Vault) -> None:
    tid = records.add_testimony(vault, sample_testimony(), [PHOTOS / "jpg_Canon_40D.jpg"])
    records.update_testimony(vault, tid, sample_testimony(notes="x"))
    (aid,) = records.attach(vault, tid, [PHOTOS / "jpg_Nikon_D70.jpg"])
    records.set_status(vault, tid, "complete")
    events = records.custody_events(vault, tid)
    assert [e["action"] for e in events] == ["created", "attachment_added", "edited",
                                             "attachment_added", "status_changed"]
    assert all(e["chain"] == tid for e in events)
    v1, v2 = records.history(vault, tid)
    assert events[0]["object_sha256"] == v1.sha256
    assert events[2]["object_sha256"] == v2.sha256
    assert events[3]["object"] == aid
    assert events[3]["object_sha256"] == hashlib.sha256(
        (PHOTOS / "jpg_Nikon_D70.jpg").read_bytes()).hexdigest()
    assert events[4]["details"]["to"] == "complete"
    assert all(e["actor"] == vault.fingerprint() for e in events)
    assert custody.verify_chain(events) == []
    assert records.verify_custody(vault) == []
    stored = _rows(vault, "SELECT event, hash FROM custody_events WHERE chain = ? ORDER BY seq",
                   tid)
    for (text, digest), event in zip(stored, events, strict=True):
        assert text == canonical_json(event).decode()
        assert digest == custody.event_hash(event)


def test_append_custody_for_other_modules(vault: Vault) -> None:
    event = records.append_custody(vault, "vault", "verified", "bundle-1", "ab" * 32,
                                   {"result": "ok"})
    again = records.append_custody(vault, "vault", "verified", "bundle-2", "cd" * 32, {})
    assert again["prev"] == custody.event_hash(event)
    assert records.custody_events(vault, "vault") == [event, again]
    assert records.verify_custody(vault) == []


# --- attachments ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in PHOTOS.iterdir() if p.name != "README.md"))
def test_every_sample_photo_is_stored_bit_exact(vault: Vault, name: str) -> None:
    src = PHOTOS / name
    tid = records.add_testimony(vault, sample_testimony(), [src])
    (info,) = records.get_testimony(vault, tid)["attachments"]
    original = src.read_bytes()
    assert info["sha256"] == hashlib.sha256(original).hexdigest()
    assert info["size"] == len(original)
    assert info["original_name"] == name
    with records.open_attachment(vault, info["id"]) as fh:
        assert fh.read() == original
    assert records.get_attachment(vault, info["id"]).sha256 == info["sha256"]


def test_attachment_metadata_from_content(vault: Vault, tmp_path: Path) -> None:
    disguised = tmp_path / "holiday.txt"  # the extension lies: media type comes from content
    disguised.write_bytes((PHOTOS / "jpg_gps_DSCN0010.jpg").read_bytes())
    tid = records.add_testimony(vault, sample_testimony(), [
        disguised, PHOTOS / "heic_IMG_5195.HEIC", PHOTOS / "jpg_corrupted.jpg",
        PHOTOS / "jpg_orientation_landscape_6.jpg"])
    gps, heic, corrupt, rotated = records.get_testimony(vault, tid)["attachments"]
    assert gps["media_type"] == "image/jpeg"
    assert gps["has_gps"] is True
    assert gps["exif"]["gps_lat"] == pytest.approx(43.4674, abs=1e-3)
    assert gps["exif"]["gps_lon"] == pytest.approx(11.8851, abs=1e-3)
    assert gps["exif"]["make"].startswith("NIKON")
    assert heic["media_type"] == "image/heic"
    assert heic["has_thumbnail"] is False and records.thumbnail(vault, heic["id"]) is None
    assert corrupt["sha256"] == hashlib.sha256(
        (PHOTOS / "jpg_corrupted.jpg").read_bytes()).hexdigest()
    assert records.list_testimonies(vault)[0].has_location is True
    from io import BytesIO

    from PIL import Image

    thumb = records.thumbnail(vault, rotated["id"])
    assert thumb is not None
    with Image.open(BytesIO(thumb)) as im:
        assert im.width > im.height  # stored portrait, orientation 6 turns it landscape
        assert max(im.size) <= 320


def test_thumbnail_is_an_encrypted_blob(vault: Vault) -> None:
    tid = records.add_testimony(vault, sample_testimony(), [PHOTOS / "jpg_Canon_40D.jpg"])
    (info,) = records.get_testimony(vault, tid)["attachments"]
    thumb = records.thumbnail(vault, info["id"])
    assert thumb is not None and thumb.startswith(b"\xff\xd8")
    (thumb_id,) = _rows(vault, "SELECT thumb_blob_id FROM attachments")[0]
    assert thumb_id in set(vault.blobs.ids())
    raw = next((vault.path / "blobs").rglob(str(thumb_id))).read_bytes()
    assert thumb[:64] not in raw


def test_missing_source_file_changes_nothing(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(UserError):
        records.add_testimony(vault, sample_testimony(),
                              [PHOTOS / "jpg_Canon_40D.jpg", tmp_path / "absent.jpg"])
    assert _rows(vault, "SELECT count(*) FROM testimonies") == [(0,)]
    assert list(vault.blobs.ids()) == []


def test_cancel_leaves_nothing_behind(vault: Vault) -> None:
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(CancelledError):
        records.add_testimony(vault, sample_testimony(), [PHOTOS / "jpg_Canon_40D.jpg",
                                                   PHOTOS / "heic_IMG_5195.HEIC"], cancel=cancel)
    assert _rows(vault, "SELECT count(*) FROM testimonies") == [(0,)]
    assert list(vault.blobs.ids()) == []
    assert list((vault.path / "tmp").iterdir()) == []


def test_progress_reports_bytes_of_all_files(vault: Vault) -> None:
    files = [PHOTOS / "jpg_Canon_40D.jpg", PHOTOS / "heic_IMG_5195.HEIC"]
    total = sum(p.stat().st_size for p in files)
    seen: list[tuple[int, int | None]] = []
    tid = records.add_testimony(vault, sample_testimony(), [],)
    records.attach(vault, tid, files, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (total, total)
    assert all(t == total for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


# --- vault check ----------------------------------------------------------------------------


def _blob_file(vault: Vault, blob_id: str) -> Path:
    return vault.path / "blobs" / blob_id[:2] / blob_id


def test_check_vault_passes_on_a_good_vault(vault: Vault) -> None:
    tid = records.add_testimony(vault, sample_testimony(), [PHOTOS / "jpg_gps_DSCN0010.jpg"])
    records.set_status(vault, tid, "complete")
    seen: list[int] = []
    assert records.check_vault(vault, progress=lambda d, t: seen.append(d)) == []
    assert seen


def test_check_vault_names_a_damaged_attachment(vault: Vault) -> None:
    tid = records.add_testimony(vault, sample_testimony(), [PHOTOS / "jpg_Canon_40D.jpg",
                                                     PHOTOS / "jpg_Nikon_D70.jpg"])
    bad = records.get_testimony(vault, tid)["attachments"][1]
    (blob_id,) = _rows(vault, "SELECT blob_id FROM attachments WHERE id = ?", bad["id"])[0]
    path = _blob_file(vault, str(blob_id))
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))
    problems = records.check_vault(vault)
    assert problems == [f"attachment {bad['id']}: blob is damaged"]


def test_check_vault_names_a_hash_mismatch_and_a_missing_blob(vault: Vault) -> None:
    tid = records.add_testimony(vault, sample_testimony(), [PHOTOS / "jpg_Canon_40D.jpg",
                                                     PHOTOS / "jpg_Nikon_D70.jpg"])
    first, second = records.get_testimony(vault, tid)["attachments"]
    with vault.transaction() as con:
        con.execute("UPDATE attachments SET sha256 = ? WHERE id = ?", ("0" * 64, first["id"]))
    (blob_id,) = _rows(vault, "SELECT blob_id FROM attachments WHERE id = ?", second["id"])[0]
    _blob_file(vault, str(blob_id)).unlink()
    problems = records.check_vault(vault)
    assert f"attachment {first['id']}: content does not match its SHA-256" in problems
    assert f"attachment {second['id']}: blob missing" in problems


def test_check_vault_finds_tampered_versions_and_custody(vault: Vault) -> None:
    tid = records.add_testimony(vault, sample_testimony())
    records.update_testimony(vault, tid, sample_testimony(notes="two"))
    with vault.transaction() as con:
        con.execute("UPDATE testimony_versions SET data = replace(data, 'two', 'TWO') "
                    "WHERE version = 2")
        con.execute("DELETE FROM custody_events WHERE chain = ? AND seq = "
                    "(SELECT min(seq) FROM custody_events WHERE chain = ?)", (tid, tid))
    problems = records.check_vault(vault)
    assert f"testimony {tid} version 2: content does not match its hash" in problems
    assert any(p.startswith(f"custody chain {tid}:") for p in problems)


def test_check_vault_removes_orphan_blobs_but_not_referenced_ones(vault: Vault) -> None:
    import io

    tid = records.add_testimony(vault, sample_testimony(), [PHOTOS / "jpg_Canon_40D.jpg"])
    kept = set(vault.blobs.ids())
    orphan = vault.blobs.write(io.BytesIO(b"left by a save that crashed before its commit"))
    assert orphan.blob_id in set(vault.blobs.ids())
    assert records.check_vault(vault) == []
    assert set(vault.blobs.ids()) == kept
    assert records.get_testimony(vault, tid)["attachments"]


def test_check_vault_finds_records_the_custody_chain_does_not_vouch_for(vault: Vault) -> None:
    tid = records.add_testimony(vault, sample_testimony(), [PHOTOS / "jpg_Canon_40D.jpg"])
    (att,) = records.get_testimony(vault, tid)["attachments"]
    forged = json.dumps(dict(records.get_version(vault, tid, 1), notes="forged"),
                        sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    with vault.transaction() as con:  # consistent forgery: data and its hash changed together
        con.execute("UPDATE testimony_versions SET data = ?, sha256 = ? WHERE testimony_id = ?",
                    (forged, hashlib.sha256(forged.encode()).hexdigest(), tid))
        con.execute("UPDATE attachments SET sha256 = ? WHERE id = ?", ("1" * 64, att["id"]))
    problems = records.check_vault(vault)
    assert f"testimony {tid} version 1: no custody event for it" in problems
    assert f"attachment {att['id']}: no custody event for it" in problems


def test_check_vault_finds_a_deleted_chain(vault: Vault) -> None:
    tid = records.add_testimony(vault, sample_testimony())
    with vault.transaction() as con:
        con.execute("DELETE FROM custody_events WHERE chain = ?", (tid,))
    assert records.check_vault(vault) == [f"testimony {tid} version 1: no custody event for it"]


def test_verify_custody_reports_progress_and_cancels(vault: Vault) -> None:
    for _ in range(3):
        records.add_testimony(vault, sample_testimony())
    seen: list[tuple[int, int | None]] = []
    assert records.verify_custody(vault, progress=lambda d, t: seen.append((d, t))) == []
    assert seen == [(1, 3), (2, 3), (3, 3)]
    with pytest.raises(CancelledError):
        records.verify_custody(vault, cancel=lambda: True)
