"""Acceptance gaps of the bundle issue: consent verdict, loadsheet, bag-info, the "exported"
event's details, sealed identity per recipient, CLI flags, and all-or-nothing import of a
bundle holding several testimonies (audit /tmp/audit/acceptance.md, gaps 1, 3, 5, 7, 12)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bundle_support import Pair, Run, cli_runner, make_pair, snapshot
from records_support import PASSPHRASE, new_vault, sample_testimony
from test_bundle_bad import altered

from crypto import age
from crypto.errors import NoIdentityMatchError
from evidence_app import __version__, bundle, custody, records
from evidence_app.bundle_errors import CustodyChainError
from evidence_app.errors import UserError
from evidence_app.report import LOADSHEET_HEADER
from evidence_app.vault import Vault


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    (tmp_path / "pw").write_text(PASSPHRASE + "\n")
    return cli_runner(tmp_path, capsys)


def _members(vault: Vault, bundle_path: Path) -> dict[str, bytes]:
    """Every file of a bundle, keyed by its path inside the bag (without the bag folder)."""
    plain = age.decrypt_bytes(bundle_path.read_bytes(), vault.identity.age_identities())
    found: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(plain)) as tar:
        for member in tar.getmembers():
            fh = tar.extractfile(member)
            if fh is not None:
                found[member.name.split("/", 1)[1]] = fh.read()
    return found


# --- gap 1: the consent check -----------------------------------------------------------


def test_verify_fails_the_consent_check_of_a_testimony_without_consent(
        tmp_path: Path, run: Run) -> None:
    p = make_pair(tmp_path)
    draft = records.add_testimony(p.alice, sample_testimony(consent=None))
    p.alice.lock()
    p.bob.lock()
    out = tmp_path / "b.age"
    code, _, err = run("alice", "export", "--to", p.bob_at_alice.id, "--out", str(out),
                       p.tid, draft)
    assert code == 0, err
    code, stdout, _ = run("bob", "verify", str(out), "--json")
    report = json.loads(stdout)
    assert code == 1 and report["ok"] is False
    failed = [(c["check"], c["subject"]) for c in report["checks"] if not c["ok"]]
    assert failed == [("consent", draft)]
    passed = {c["subject"] for c in report["checks"] if c["ok"] and c["check"] == "consent"}
    assert passed == {p.tid}


# --- gap 3: loadsheet, bag-info, the "exported" event --------------------------------------


def test_exported_loadsheet_bag_info_and_custody_details(tmp_path: Path) -> None:
    p = make_pair(tmp_path)
    try:
        result = bundle.export_bundle(p.alice, [p.tid], [p.bob_at_alice], tmp_path / "b.age",
                                      redact_exif=True, include_self=True)
        files = _members(p.bob, tmp_path / "b.age")
        current = records.get_testimony(p.alice, p.tid)
        alice_fp, bob_fp = p.alice.fingerprint(), p.bob_at_alice.fingerprint
        events = records.custody_events(p.alice, p.tid)
        vault_events = records.custody_events(p.alice, custody.VAULT_CHAIN)
    finally:
        p.alice.lock()
        p.bob.lock()

    # loadsheet.csv: header, one row per testimony, original and derivative, matching files.
    text = files["data/loadsheet.csv"].decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == LOADSHEET_HEADER == (
        "ID", "Parent ID", "Title", "Date", "Type", "SHA-256", "Size", "Language",
        "Confidentiality")
    body = [dict(zip(LOADSHEET_HEADER, r, strict=True)) for r in rows[1:]]
    payload = {k: v for k, v in files.items() if k.startswith(f"data/{p.tid}/")
               and ("/originals/" in k or "/derivatives/" in k)}
    attachments = current["attachments"]
    derivatives = [k for k in payload if "/derivatives/" in k]
    assert derivatives  # the JPEG photos got EXIF-stripped copies
    assert len(body) == 1 + len(attachments) + len(derivatives)
    top = body[0]
    assert (top["ID"], top["Parent ID"], top["Type"], top["SHA-256"], top["Size"]) == (
        p.tid, "", "testimony", "", "")
    assert top["Title"] == sample_testimony()["title"]
    assert top["Date"] == current["created_at"][:10]
    assert top["Language"] == "tg" and top["Confidentiality"] == "coordinator,icc"
    by_id = {r["ID"]: r for r in body[1:]}
    seen: set[str] = set()
    for att in attachments:
        row = by_id[att["id"]]
        path = f"data/{p.tid}/originals/{row['Title']}"
        seen.add(path)
        assert row["Parent ID"] == p.tid and row["Type"] == att["media_type"]
        assert row["SHA-256"] == att["sha256"] == hashlib.sha256(payload[path]).hexdigest()
        assert int(row["Size"]) == att["size"] == len(payload[path])
        assert row["Date"] == att["added_at"][:10]
        assert (row["Language"], row["Confidentiality"]) == ("tg", "coordinator,icc")
        deriv = by_id.get(f"{att['id']}-derivative")
        if deriv is not None:
            dpath = f"data/{p.tid}/derivatives/{row['Title']}"
            seen.add(dpath)
            assert deriv["Parent ID"] == att["id"]
            assert deriv["SHA-256"] == hashlib.sha256(payload[dpath]).hexdigest()
            assert int(deriv["Size"]) == len(payload[dpath])
    assert seen == set(payload)

    # bag-info.txt: Bagging-Date, Bag-Software-Agent, Payload-Oxum match the bag.
    info = [line.split(": ", 1) for line in files["bag-info.txt"].decode().splitlines()]
    labels = {k: v for k, v in info}
    assert datetime.strptime(labels["Bagging-Date"], "%Y-%m-%d").date() == \
        datetime.now(UTC).date()
    assert labels["Bag-Software-Agent"] == f"evidence-vault {__version__}"
    data_files = {k: v for k, v in files.items() if k.startswith("data/")}
    assert labels["Payload-Oxum"] == \
        f"{sum(len(v) for v in data_files.values())}.{len(data_files)}"
    assert labels["External-Identifier"] == result.bundle_id
    assert sorted(v for k, v in info if k == "Intended-Recipients") == sorted([bob_fp, alice_fp])

    # The "exported" events name the bundle and every recipient.
    last = events[-1]
    assert last["action"] == "exported" and last["object"] == result.bundle_id
    assert last["details"]["bundle_id"] == result.bundle_id
    assert last["details"]["recipients"] == [bob_fp, alice_fp]
    mine = [e for e in vault_events if e["action"] == "exported"]
    assert mine[-1]["details"]["recipients"] == [bob_fp, alice_fp]
    assert mine[-1]["details"]["bundle_id"] == result.bundle_id
    assert mine[-1]["details"]["tagmanifest_sha256"] == result.tagmanifest_sha256


# --- gap 5: sealed identity only for the recipient who may see it --------------------------


def test_sealed_identity_opens_only_for_the_recipient_who_may_see_it(tmp_path: Path) -> None:
    p = make_pair(tmp_path, bob_sees_identities=True)
    carol = new_vault(tmp_path / "carol", "Carol")
    try:
        carol_at_alice = p.alice.add_contact(carol.identity.card().to_text(), trusted=True,
                                             may_see_identities=False)
        out = tmp_path / "b.age"
        bundle.export_bundle(p.alice, [p.tid], [p.bob_at_alice, carol_at_alice], out)
        sealed_for_bob = _members(p.bob, out)["data/sealed-identity.age"]
        sealed_for_carol = _members(carol, out)["data/sealed-identity.age"]
        assert sealed_for_bob == sealed_for_carol
        assert b"Witness Realname" not in out.read_bytes()
        with pytest.raises(NoIdentityMatchError):
            age.decrypt_bytes(sealed_for_carol, carol.identity.age_identities())
        plain = json.loads(age.decrypt_bytes(sealed_for_bob, p.bob.identity.age_identities()))
        assert plain["identities"][p.tid]["name"] == "Witness Realname"
    finally:
        carol.lock()
        p.alice.lock()
        p.bob.lock()


# --- gap 7: CLI flags ----------------------------------------------------------------------


def test_contacts_add_may_see_identities_and_export_to_id_fingerprint_and_card(
        tmp_path: Path, run: Run) -> None:
    p = make_pair(tmp_path, bob_sees_identities=False)
    carol = new_vault(tmp_path / "carol", "Carol")
    (tmp_path / "carol.card").write_text(carol.identity.card().to_text())
    (tmp_path / "bob.card").write_text(p.bob.identity.card().to_text())
    carol_fp = carol.fingerprint()
    for v in (p.alice, p.bob, carol):
        v.lock()
    code, _, err = run("alice", "contacts", "add", str(tmp_path / "carol.card"), "--trust",
                       "--may-see-identities")
    assert code == 0, err
    code, stdout, _ = run("alice", "contacts", "list", "--json")
    listed = {c["fingerprint"]: c for c in json.loads(stdout)}
    assert listed[carol_fp]["may_see_identities"] is True and listed[carol_fp]["trusted"]
    assert listed[p.bob_at_alice.fingerprint]["may_see_identities"] is False
    carol_id = listed[carol_fp]["id"]

    # Three successful exports, one per way of naming the recipient.
    for name, ref in (("by-id", carol_id), ("by-fp", carol_fp),
                      ("by-card", str(tmp_path / "carol.card"))):
        out = tmp_path / f"{name}.age"
        code, stdout, err = run("alice", "export", "--to", ref, "--out", str(out), p.tid)
        assert code == 0 and "exported bundle" in stdout, err
        opened = Vault.open(tmp_path / "carol", PASSPHRASE)
        try:
            sealed = _members(opened, out)["data/sealed-identity.age"]
            plain = json.loads(age.decrypt_bytes(sealed, opened.identity.age_identities()))
        finally:
            opened.lock()
        assert plain["identities"][p.tid]["name"] == "Witness Realname"
    # Bob, not marked "may see", gets a bundle without any sealed identity.
    out = tmp_path / "bob.age"
    assert run("alice", "export", "--to", str(tmp_path / "bob.card"), "--out", str(out),
               p.tid)[0] == 0
    bob = Vault.open(tmp_path / "bob", PASSPHRASE)
    try:
        assert "data/sealed-identity.age" not in _members(bob, out)
    finally:
        bob.lock()


def test_import_two_files_at_once_and_unknown_signer_flag(tmp_path: Path, run: Run) -> None:
    p = make_pair(tmp_path)
    second = records.add_testimony(p.alice, sample_testimony(title="Second"))
    eve = new_vault(tmp_path / "eve", "Eve")
    bob_at_eve = eve.add_contact(p.bob.identity.card().to_text(), trusted=True)
    eves = records.add_testimony(eve, sample_testimony(title="From Eve"))
    a, b, e = tmp_path / "a.age", tmp_path / "b.age", tmp_path / "e.age"
    bundle.export_bundle(p.alice, [p.tid], [p.bob_at_alice], a)
    bundle.export_bundle(p.alice, [second], [p.bob_at_alice], b)
    bundle.export_bundle(eve, [eves], [bob_at_eve], e)
    for v in (p.alice, p.bob, eve):
        v.lock()

    code, stdout, err = run("bob", "import", str(a), str(b))
    assert code == 0, err
    lines = stdout.splitlines()
    assert len(lines) == 2 and all(line.startswith("imported:") for line in lines)
    assert "FLAGGED" not in stdout

    code, stdout, err = run("bob", "import", str(e))
    assert code == 1 and stdout == "" and "signer is unknown" in err
    code, stdout, err = run("bob", "import", str(e), "--allow-unknown-signer")
    assert code == 0, err
    assert stdout.startswith("imported:") and "(FLAGGED: signer not trusted)" in stdout
    bob = Vault.open(tmp_path / "bob", PASSPHRASE)
    try:
        assert {p.tid, second, eves} <= {t.id for t in records.list_testimonies(bob)}
        flagged = bob.db.execute("SELECT flagged FROM bundles WHERE direction = 'imported' "
                                 "ORDER BY flagged").fetchall()
        assert [r[0] for r in flagged] == [0, 0, 1]
    finally:
        bob.lock()


def test_decrypt_refuses_a_bag_that_decrypts_but_fails_verification(
        tmp_path: Path, run: Run) -> None:
    p = make_pair(tmp_path)
    eve = new_vault(tmp_path / "eve", "Eve")
    bob_at_eve = eve.add_contact(p.bob.identity.card().to_text(), trusted=True)
    eves = records.add_testimony(eve, sample_testimony(title="From Eve"))
    unknown = tmp_path / "e.age"
    bundle.export_bundle(eve, [eves], [bob_at_eve], unknown)
    good = tmp_path / "good.age"
    bundle.export_bundle(p.alice, [p.tid], [p.bob_at_alice], good)

    def corrupt(folder: Path) -> None:
        victim = next(folder.glob("data/*/originals/*"))
        data = bytearray(victim.read_bytes())
        data[50] ^= 1
        victim.write_bytes(bytes(data))

    # Validly signed by Alice, but a file no longer matches the manifest.
    mismatch = tmp_path / "mismatch.age"
    mismatch.write_bytes(altered(p, good.read_bytes(), tmp_path / "work", corrupt,
                                 manifest=False))
    for v in (p.alice, p.bob, eve):
        v.lock()
    for name, bad, words in (("unknown", unknown, "signer is unknown"),
                             ("mismatch", mismatch, "SHA-256")):
        target = tmp_path / f"out-{name}"
        code, _, err = run("bob", "decrypt", str(bad), "--out", str(target))
        assert code == 1 and words in err, err
        assert not target.exists()
        assert not [x for x in tmp_path.iterdir() if x.name.startswith(f"out-{name}")]


# --- gap 12: all or nothing with several testimonies ------------------------------------------


def _two_testimonies(p: Pair) -> tuple[str, str]:
    """The pair's testimony and a second one, in the order import merges them."""
    other = records.add_testimony(p.alice, sample_testimony(title="Other"))
    first, last = sorted([p.tid, other])
    return first, last


def test_import_of_several_testimonies_merges_nothing_if_the_last_one_is_bad(
        tmp_path: Path) -> None:
    p = make_pair(tmp_path)
    try:
        first, last = _two_testimonies(p)
        good = tmp_path / "good.age"
        bundle.export_bundle(p.alice, [first, last], [p.bob_at_alice], good)

        def drop_first_event_of_last(folder: Path) -> None:
            log = folder / "data" / last / "custody.jsonl"
            log.write_bytes(b"".join(log.read_bytes().splitlines(keepends=True)[1:]))

        bad = tmp_path / "bad.age"
        bad.write_bytes(altered(p, good.read_bytes(), tmp_path / "work",
                                drop_first_event_of_last))
        before = snapshot(p.bob)
        tmp_before = sorted(p.bob.blobs.tmp_dir.iterdir())
        with pytest.raises(CustodyChainError, match=last):
            bundle.import_bundle(p.bob, bad)
        assert snapshot(p.bob) == before
        assert sorted(p.bob.blobs.tmp_dir.iterdir()) == tmp_before
        for tid in (first, last):
            with pytest.raises(UserError):
                records.get_testimony(p.bob, tid)
    finally:
        p.alice.lock()
        p.bob.lock()


def test_failure_inside_the_merge_transaction_rolls_back_earlier_testimonies(
        tmp_path: Path) -> None:
    """The last testimony is already in Bob's vault and Bob changed it, so its update is
    refused: the merge fails after the first one was inserted in the transaction, and the
    rollback removes it again."""
    p = make_pair(tmp_path)
    try:
        first, last = _two_testimonies(p)
        only_last = tmp_path / "last.age"
        bundle.export_bundle(p.alice, [last], [p.bob_at_alice], only_last)
        bundle.import_bundle(p.bob, only_last)
        records.update_testimony(p.bob, last, sample_testimony(title="Changed by Bob"))
        both = tmp_path / "both.age"
        bundle.export_bundle(p.alice, [first, last], [p.bob_at_alice], both)
        before = snapshot(p.bob)
        with pytest.raises(UserError, match="changed in this vault since it was received"):
            bundle.import_bundle(p.bob, both)
        assert snapshot(p.bob) == before
        with pytest.raises(UserError):
            records.get_testimony(p.bob, first)
    finally:
        p.alice.lock()
        p.bob.lock()


# --- gap 4: "verified" custody events --------------------------------------------------------


def test_verify_with_a_vault_appends_a_signed_verified_event(tmp_path: Path, run: Run) -> None:
    """Rule: `verify` with a vault appends "verified" (signed by me) to the chain of each
    testimony of the bag that is in that vault, pass or fail; import adds none of its own
    (its "imported" event is made only after every check passed)."""
    p = make_pair(tmp_path)
    out = tmp_path / "b.age"
    result = bundle.export_bundle(p.alice, [p.tid], [p.bob_at_alice], out, include_self=True)
    tm_sha = result.tagmanifest_sha256
    alice_fp, bob_fp = p.alice.fingerprint(), p.bob.fingerprint()
    p.alice.lock()
    p.bob.lock()

    def chain(who: str) -> list[dict[str, object]]:
        vault = Vault.open(tmp_path / who, PASSPHRASE)
        try:
            assert records.check_vault(vault) == []
            return records.custody_events(vault, p.tid)
        finally:
            vault.lock()

    # Bob does not hold the testimony yet: verifying records nothing in his vault.
    assert run("bob", "verify", str(out))[0] == 0
    assert chain("bob") == []
    assert run("bob", "import", str(out))[0] == 0
    imported = chain("bob")
    assert [e["action"] for e in imported][-1] == "imported"
    assert "verified" not in [e["action"] for e in imported]

    assert run("bob", "verify", str(out))[0] == 0
    after = chain("bob")
    assert after[:-1] == imported
    event = after[-1]
    assert (event["action"], event["actor"], event["object"], event["object_sha256"]) == (
        "verified", bob_fp, result.bundle_id, tm_sha)
    assert event["details"] == {"bundle_id": result.bundle_id, "passed": True,
                                "failed_checks": 0}
    assert custody.verify_chain(after, chain=p.tid) == []

    # Alice verifies her own export: her chain gets the event too, signed by her.
    assert run("alice", "verify", str(out))[0] == 0
    mine = chain("alice")[-1]
    assert (mine["action"], mine["actor"]) == ("verified", alice_fp)


def test_a_failed_verify_is_recorded_as_not_passed(tmp_path: Path, run: Run) -> None:
    p = make_pair(tmp_path)
    draft = records.add_testimony(p.alice, sample_testimony(consent=None))
    out = tmp_path / "b.age"
    bundle.export_bundle(p.alice, [draft], [p.bob_at_alice], out)
    bundle.import_bundle(p.bob, out)  # missing consent does not block an import
    p.alice.lock()
    p.bob.lock()
    assert run("bob", "verify", str(out))[0] == 1
    bob = Vault.open(tmp_path / "bob", PASSPHRASE)
    try:
        event = records.custody_events(bob, draft)[-1]
    finally:
        bob.lock()
    assert event["action"] == "verified"
    assert event["details"]["passed"] is False and event["details"]["failed_checks"] == 1
