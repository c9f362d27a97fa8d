"""Receiving an updated testimony from a later bundle: Bob's chain stays linear and
append-only, his "imported" event embeds the sender's new events; refusals change nothing."""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bundle_support import PHOTO_NAMES, Pair, open_pair, snapshot
from records_support import PHOTOS, new_vault, sample_testimony

from crypto.sshsig import CUSTODY_NAMESPACE
from evidence_app import bundle, custody, records, verify
from evidence_app.errors import UserError
from evidence_app.model import canonical_json
from evidence_app.vault import Vault

NEW_PHOTO = "jpg_Nikon_D70.jpg"


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with open_pair(tmp_path) as p:
        yield p


def _export(sender: Vault, tid: str, to: Any, out: Path) -> Path:
    bundle.export_bundle(sender, [tid], [to], out)
    return out


def _edit(p: Pair, narrative: str, photo: str | None = None) -> None:
    records.update_testimony(p.alice, p.tid, sample_testimony(status="complete",
                                                              narrative=narrative))
    if photo is not None:
        records.attach(p.alice, p.tid, [PHOTOS / photo])


def _first(p: Pair, tmp_path: Path) -> Path:
    b1 = _export(p.alice, p.tid, p.bob_at_alice, tmp_path / "b1.age")
    assert bundle.import_bundle(p.bob, b1).status == "imported"
    return b1


def _original_bytes(vault: Vault, tid: str) -> dict[str, bytes]:
    out = {}
    for att in records.get_testimony(vault, tid)["attachments"]:
        with records.open_attachment(vault, att["id"]) as fh:
            out[att["id"]] = fh.read()
    return out


def _exhibit_originals(vault: Vault, bundle_id: str) -> set[str]:
    plan = vault.db.execute("SELECT exhibit FROM bundles WHERE id = ?", (bundle_id,)).fetchone()
    return {seg[1] for seg in json.loads(plan[0])["segments"] if seg[0] == "original"}


def _attachment_blobs(vault: Vault) -> set[str]:
    return {r[0] for r in vault.db.execute("SELECT blob_id FROM attachments")}


def test_update_round_trip(pair: Pair, tmp_path: Path) -> None:
    _first(pair, tmp_path)
    before_chain = records.custody_events(pair.bob, pair.tid)
    blobs_before = set(pair.bob.blobs.ids())
    _edit(pair, "Шоҳид баъдтар илова кард.", NEW_PHOTO)
    b2 = _export(pair.alice, pair.tid, pair.bob_at_alice, tmp_path / "b2.age")
    res = bundle.import_bundle(pair.bob, b2)
    assert (res.status, res.testimonies) == ("imported", [pair.tid])

    sent = records.get_testimony(pair.alice, pair.tid, include_identity=True)
    got = records.get_testimony(pair.bob, pair.tid, include_identity=True)
    for key in ("narrative", "version", "status", "witness", "updated_at"):
        assert got[key] == sent[key], key
    assert got["version"] == 2
    assert [v.author for v in records.history(pair.bob, pair.tid)] == [
        pair.alice.fingerprint()] * 2
    assert _original_bytes(pair.bob, pair.tid) == _original_bytes(pair.alice, pair.tid)
    assert len(got["attachments"]) == len(PHOTO_NAMES) + 1
    assert [s.id for s in records.search(pair.bob, "баъдтар")] == [pair.tid]

    alice_chain = records.custody_events(pair.alice, pair.tid)
    chain = records.custody_events(pair.bob, pair.tid)
    assert chain[:-1] == before_chain
    last = chain[-1]
    assert (last["action"], last["actor"]) == ("imported", pair.bob.fingerprint())
    assert last["details"]["bundle_id"] == res.bundle_id
    assert last["details"]["signer"] == pair.alice.fingerprint()
    received = last["details"]["received"]
    assert received["continues"] == custody.event_hash(before_chain[-2])  # b1's export
    assert received["events"] == alice_chain[len(before_chain) - 1:]
    assert [e["action"] for e in received["events"]] == ["edited", "attachment_added",
                                                         "exported"]
    assert custody.flatten(chain) == [*before_chain, *received["events"], last]
    assert records.check_vault(pair.bob) == []

    back = bundle.write_exhibit(pair.bob, res.bundle_id, tmp_path / "back.age")
    assert back.read_bytes() == b2.read_bytes()
    # The unchanged originals are written back from the blobs kept since b1: one copy.
    assert _exhibit_originals(pair.bob, res.bundle_id) <= _attachment_blobs(pair.bob)
    rest = pair.bob.db.execute("SELECT blob_id FROM bundles WHERE id = ?",
                               (res.bundle_id,)).fetchone()[0]
    new = set(pair.bob.blobs.ids()) - blobs_before
    thumbs = {r[0] for r in pair.bob.db.execute(
        "SELECT thumb_blob_id FROM attachments WHERE thumb_blob_id IS NOT NULL")}
    new_att = _attachment_blobs(pair.bob) - blobs_before
    assert len(new_att) == 1
    assert new == new_att | {rest} | (thumbs & new)
    assert len(thumbs & new) <= 1

    again = bundle.import_bundle(pair.bob, b2)
    assert (again.status, again.testimonies) == ("already imported", [pair.tid])


def test_a_second_update_continues_from_the_first_updates_tip(pair: Pair,
                                                                tmp_path: Path) -> None:
    _first(pair, tmp_path)
    _edit(pair, "Дуюм.", NEW_PHOTO)
    bundle.import_bundle(pair.bob, _export(pair.alice, pair.tid, pair.bob_at_alice,
                                           tmp_path / "b2.age"))
    tip = records.custody_events(pair.bob, pair.tid)[-1]["details"]["received"]["events"][-1]
    _edit(pair, "Сеюм.")
    records.set_status(pair.alice, pair.tid, "draft")
    res = bundle.import_bundle(pair.bob, _export(pair.alice, pair.tid, pair.bob_at_alice,
                                                 tmp_path / "b3.age"))
    assert res.status == "imported"
    received = records.custody_events(pair.bob, pair.tid)[-1]["details"]["received"]
    assert received["continues"] == custody.event_hash(tip)
    assert [e["action"] for e in received["events"]] == ["edited", "status_changed",
                                                         "exported"]
    got = records.get_testimony(pair.bob, pair.tid)
    assert (got["narrative"], got["version"], got["status"]) == ("Сеюм.", 3, "draft")
    chain = records.custody_events(pair.bob, pair.tid)
    assert [e["action"] for e in chain if e["actor"] == pair.bob.fingerprint()] == [
        "imported"] * 3
    # What Bob received, in order, is exactly Alice's chain.
    assert custody.received_lineage(chain, pair.bob.fingerprint()) == (
        records.custody_events(pair.alice, pair.tid))
    assert records.check_vault(pair.bob) == []


def test_the_custody_view_shows_the_received_events(qtbot, pair: Pair, tmp_path: Path) -> None:
    from ui.custody_view import OK, CustodyView, rows_of
    from ui.workers import TaskRunner

    _first(pair, tmp_path)
    _edit(pair, "Дуюм.")
    res = bundle.import_bundle(pair.bob, _export(pair.alice, pair.tid, pair.bob_at_alice,
                                                 tmp_path / "b2.age"))
    chain = records.custody_events(pair.bob, pair.tid)
    rows = rows_of(chain)
    assert [r.event for r in rows] == custody.flatten(chain)
    assert [r.received_in for r in rows] == [None] * (len(chain) - 1) + [res.bundle_id] * 2 + [
        None]
    assert {r.status for r in rows} == {OK}
    view = CustodyView(pair.bob, TaskRunner())
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded):
        view.set_testimony(pair.tid)
    labels = [view.table.item(i, 5).text() for i in range(view.table.rowCount())]
    assert labels.count(f"testimony, received in bundle {res.bundle_id[:12]}") == 2


def test_bob_re_exports_to_a_lawyer_who_verifies_imports_and_takes_updates(
        pair: Pair, tmp_path: Path) -> None:
    lara = new_vault(tmp_path / "lara", "Lara")
    try:
        lara_at_bob = pair.bob.add_contact(lara.identity.card().to_text(), trusted=True)
        lara.add_contact(pair.bob.identity.card().to_text(), trusted=True)
        _first(pair, tmp_path)
        _edit(pair, "Дуюм.", NEW_PHOTO)
        bundle.import_bundle(pair.bob, _export(pair.alice, pair.tid, pair.bob_at_alice,
                                               tmp_path / "b2.age"))
        x1 = _export(pair.bob, pair.tid, lara_at_bob, tmp_path / "x1.age")
        checked = verify.verify_path(x1, lara)
        assert checked.ok, checked.first_failure()
        assert bundle.import_bundle(lara, x1).status == "imported"
        assert records.get_testimony(lara, pair.tid)["narrative"] == "Дуюм."
        assert _original_bytes(lara, pair.tid) == _original_bytes(pair.alice, pair.tid)
        assert records.check_vault(lara) == []

        # One more hop: Alice updates again, Bob passes it on; Lara's lineage is Bob's chain.
        _edit(pair, "Сеюм.")
        bundle.import_bundle(pair.bob, _export(pair.alice, pair.tid, pair.bob_at_alice,
                                               tmp_path / "b3.age"))
        x2 = _export(pair.bob, pair.tid, lara_at_bob, tmp_path / "x2.age")
        assert bundle.import_bundle(lara, x2).status == "imported"
        assert records.get_testimony(lara, pair.tid)["narrative"] == "Сеюм."
        received = records.custody_events(lara, pair.tid)[-1]["details"]["received"]
        assert [(e["actor"], e["action"]) for e in received["events"]] == [
            (pair.bob.fingerprint(), "imported"), (pair.bob.fingerprint(), "exported")]
        assert records.check_vault(lara) == []
    finally:
        lara.lock()


def _refused(vault: Vault, path: Path, message: str) -> None:
    before = snapshot(vault)
    with pytest.raises(UserError, match=message):
        bundle.import_bundle(vault, path)
    assert snapshot(vault) == before


def test_refused_when_bob_changed_the_testimony(pair: Pair, tmp_path: Path) -> None:
    _first(pair, tmp_path)
    records.set_status(pair.bob, pair.tid, "draft")
    _edit(pair, "Дуюм.")
    b2 = _export(pair.alice, pair.tid, pair.bob_at_alice, tmp_path / "b2.age")
    _refused(pair.bob, b2, "was changed in this vault since it was received")


def test_refused_when_the_chains_diverged(pair: Pair, tmp_path: Path) -> None:
    """Bob got the testimony through Carol (Alice -> Carol -> Bob), then Alice sends her
    update straight to Bob: her chain does not hold Carol's events, so it does not continue
    the lineage Bob received. Every signature is real: only the fork is wrong."""
    carol = new_vault(tmp_path / "carol", "Carol")
    try:
        carol_at_alice = pair.alice.add_contact(carol.identity.card().to_text(), trusted=True)
        carol.add_contact(pair.alice.identity.card().to_text(), trusted=True)
        bob_at_carol = carol.add_contact(pair.bob.identity.card().to_text(), trusted=True)
        pair.bob.add_contact(carol.identity.card().to_text(), trusted=True)
        bundle.import_bundle(carol, _export(pair.alice, pair.tid, carol_at_alice,
                                            tmp_path / "c1.age"))
        bundle.import_bundle(pair.bob, _export(carol, pair.tid, bob_at_carol,
                                               tmp_path / "cb.age"))
        _edit(pair, "Дуюм.")
        b2 = _export(pair.alice, pair.tid, pair.bob_at_alice, tmp_path / "b2.age")
        _refused(pair.bob, b2, "does not continue the one in this vault")
    finally:
        carol.lock()


def test_refused_when_an_older_bundle_comes_after_the_update(pair: Pair,
                                                            tmp_path: Path) -> None:
    """b1 and b2 both continue nothing Bob holds once b2 (the later) came first: b1's chain
    is shorter than Bob's lineage."""
    b1 = _export(pair.alice, pair.tid, pair.bob_at_alice, tmp_path / "b1.age")
    _edit(pair, "Дуюм.")
    bundle.import_bundle(pair.bob, _export(pair.alice, pair.tid, pair.bob_at_alice,
                                           tmp_path / "b2.age"))
    _refused(pair.bob, b1, "does not continue the one in this vault")


def test_refused_for_a_testimony_made_here(pair: Pair, tmp_path: Path) -> None:
    """Bob's own testimony, edited by Alice and sent back: his chain has no received
    lineage to continue (a known limit)."""
    own = records.add_testimony(pair.bob, sample_testimony(status="draft"))
    alice_at_bob = pair.alice_at_bob
    bundle.import_bundle(pair.alice, _export(pair.bob, own, alice_at_bob, tmp_path / "o.age"))
    records.update_testimony(pair.alice, own, sample_testimony(narrative="Дуюм."))
    back = _export(pair.alice, own, pair.bob_at_alice, tmp_path / "back.age")
    _refused(pair.bob, back, "was not received in a bundle here")


def test_refused_when_an_attachment_id_has_other_content(pair: Pair, tmp_path: Path) -> None:
    _first(pair, tmp_path)
    aid = records.get_testimony(pair.bob, pair.tid)["attachments"][0]["id"]
    with pair.bob.transaction() as conn:
        conn.execute("UPDATE attachments SET sha256 = ? WHERE id = ?", ("00" * 32, aid))
    _edit(pair, "Дуюм.")
    b2 = _export(pair.alice, pair.tid, pair.bob_at_alice, tmp_path / "b2.age")
    _refused(pair.bob, b2, f"attachment {aid} is already in this vault with other content")


def test_a_refused_update_in_a_bundle_of_two_leaves_the_other_out(pair: Pair,
                                                                 tmp_path: Path) -> None:
    _first(pair, tmp_path)
    records.set_status(pair.bob, pair.tid, "draft")
    second = records.add_testimony(pair.alice, sample_testimony(status="draft"))
    both = tmp_path / "both.age"
    bundle.export_bundle(pair.alice, [second, pair.tid], [pair.bob_at_alice], both)
    _refused(pair.bob, both, "was changed in this vault")
    with pytest.raises(UserError):
        records.get_testimony(pair.bob, second)


def test_refused_when_my_own_re_export_comes_back(pair: Pair, tmp_path: Path) -> None:
    """Bob re-exports the testimony to himself too and imports that: only his own events
    are new, nothing to take in (and his received lineage must stay Alice's)."""
    _first(pair, tmp_path)
    mine = tmp_path / "mine.age"
    bundle.export_bundle(pair.bob, [pair.tid], [], mine, include_self=True)
    _refused(pair.bob, mine, "this bundle holds nothing new for this vault")
    _edit(pair, "Дуюм.")
    res = bundle.import_bundle(pair.bob, _export(pair.alice, pair.tid, pair.bob_at_alice,
                                                 tmp_path / "b2.age"))
    assert res.status == "imported"


def test_vault_check_finds_an_embedded_event_altered_and_re_signed(pair: Pair,
                                                                   tmp_path: Path) -> None:
    """Bob alters a received event and signs his own "imported" event again, storing it
    with a matching hash: only the check of the embedded event can find it."""
    _first(pair, tmp_path)
    _edit(pair, "Дуюм.")
    bundle.import_bundle(pair.bob, _export(pair.alice, pair.tid, pair.bob_at_alice,
                                           tmp_path / "b2.age"))
    last = records.custody_events(pair.bob, pair.tid)[-1]
    details = last["details"]
    details["received"]["events"][0]["object_sha256"] = "00" * 32
    forged = custody.make_event(
        chain=pair.tid, seq=last["seq"], prev_hash=last["prev"], action="imported",
        object_id=last["object"], object_sha256=last["object_sha256"], details=details,
        identity_signing_key=pair.bob.identity.signing_key,
        actor_fingerprint=pair.bob.fingerprint(), time=last["time"])
    with pair.bob.transaction() as conn:
        conn.execute("UPDATE custody_events SET event = ?, hash = ? WHERE chain = ? AND seq = ?",
                     (json.dumps(forged, ensure_ascii=False, sort_keys=True,
                                 separators=(",", ":")), custody.event_hash(forged),
                      pair.tid, last["seq"]))
    # Bob's chain: Alice's k events, his first import (seq k+1), the update (index k+1).
    at = f"custody chain {pair.tid}: event {last['seq'] - 1} (seq {last['seq']}): "
    assert records.check_vault(pair.bob) == [
        at + f"received event 0 (seq {last['seq'] - 1}): altered: signature does not verify",
        at + f"received event 1 (seq {last['seq']}): altered: prev hash does not match the "
        "event before it"]


def test_an_update_with_only_a_new_file_or_a_new_identity(pair: Pair, tmp_path: Path) -> None:
    _first(pair, tmp_path)
    records.attach(pair.alice, pair.tid, [PHOTOS / "jpg_gps_DSCN0021.jpg"])
    bundle.import_bundle(pair.bob, _export(pair.alice, pair.tid, pair.bob_at_alice,
                                           tmp_path / "b2.age"))
    got = records.get_testimony(pair.bob, pair.tid)
    assert got["version"] == 1 and len(got["attachments"]) == len(PHOTO_NAMES) + 1
    assert _original_bytes(pair.bob, pair.tid) == _original_bytes(pair.alice, pair.tid)
    witness = {"pseudonym": "W-014", "identity": {"name": "Witness Realname",
                                                  "contact": "+992 11 111 1111"}}
    records.update_testimony(pair.alice, pair.tid, sample_testimony(status="complete",
                                                                    witness=witness))
    bundle.import_bundle(pair.bob, _export(pair.alice, pair.tid, pair.bob_at_alice,
                                           tmp_path / "b3.age"))
    got = records.get_testimony(pair.bob, pair.tid, include_identity=True)
    assert got["version"] == 2 and got["witness"] == witness
    assert records.check_vault(pair.bob) == []


@pytest.mark.interop
def test_embedded_events_verify_by_hand_with_ssh_keygen(pair: Pair, tmp_path: Path,
                                                        tool: Any) -> None:
    """docs/bundle-format.md: each embedded event's signature checks with ssh-keygen, and
    its prev is the SHA-256 of the canonical JSON of the event it continues."""
    ssh_keygen = tool("ssh-keygen")
    _first(pair, tmp_path)
    before = records.custody_events(pair.bob, pair.tid)
    _edit(pair, "Дуюм.", NEW_PHOTO)
    bundle.import_bundle(pair.bob, _export(pair.alice, pair.tid, pair.bob_at_alice,
                                           tmp_path / "b2.age"))
    received = records.custody_events(pair.bob, pair.tid)[-1]["details"]["received"]
    continued = hashlib.sha256(canonical_json(before[-2])).hexdigest()
    assert received["continues"] == continued == received["events"][0]["prev"]
    for index, event in enumerate(received["events"]):
        (tmp_path / "event.sig").write_text(custody.armor_signature(event["sig"]))
        (tmp_path / "allowed_signers").write_text(
            f'alice namespaces="{CUSTODY_NAMESPACE}" {event["actor_key"]}\n')
        done = subprocess.run(
            [ssh_keygen, "-Y", "verify", "-f", str(tmp_path / "allowed_signers"), "-I",
             "alice", "-n", CUSTODY_NAMESPACE, "-s", str(tmp_path / "event.sig")],
            input=custody.signed_bytes(event), capture_output=True, check=False)
        assert done.returncode == 0, done.stderr
        if index:
            previous = received["events"][index - 1]
            assert event["prev"] == hashlib.sha256(canonical_json(previous)).hexdigest()
        altered = dict(event, time="2030-01-01T00:00:00Z")
        bad = subprocess.run(
            [ssh_keygen, "-Y", "verify", "-f", str(tmp_path / "allowed_signers"), "-I",
             "alice", "-n", CUSTODY_NAMESPACE, "-s", str(tmp_path / "event.sig")],
            input=custody.signed_bytes(altered), capture_output=True, check=False)
        assert bad.returncode != 0
