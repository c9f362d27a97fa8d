"""Hostile bundles: each is refused with its own error and leaves the vault unchanged.

Some cases need a bag that is validly signed by the trusted exporter but wrong inside
(a missing file, a reordered custody log): the helpers re-sign such bags with Alice's key,
as a compromised exporter could.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bundle_support import Pair, open_pair, snapshot
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from records_support import new_vault

from crypto import age, sshsig
from evidence_app import bundle
from evidence_app.bag import LISTED_TAG_FILES, SIGNATURE, TAGMANIFEST
from evidence_app.bundle_errors import (
    BagInvalidError,
    BundleDecryptError,
    BundleSignatureError,
    CustodyChainError,
    NotForMeError,
    UnsafeArchiveError,
    UntrustedSignerError,
)
from evidence_app.errors import CheckFailed


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Pair, bytes]]:
    """One exported bundle (the vaults are reused: every test checks they stay unchanged)."""
    tmp = tmp_path_factory.mktemp("world")
    with open_pair(tmp) as p:
        out = tmp / "good.age"
        bundle.export_bundle(p.alice, [p.tid], [p.bob_at_alice], out)
        yield p, out.read_bytes()


@pytest.fixture(autouse=True)
def system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temp folder, pointed at an empty folder of this test (TMPDIR and the
    tempfile module's cached value), so ``refused`` can check nothing was written there."""
    folder = tmp_path / "systemp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _tree(folder: Path, *, files_only: bool = False) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")
            if path.is_file() or not files_only}


def refused(p: Pair, data: bytes, tmp_path: Path, error: type[CheckFailed],
            match: str | None = None) -> None:
    """Import ``data`` as Bob: it must raise exactly ``error`` and change nothing: same
    database rows and blobs, the vault's tmp/ empty, no file left in the vault folder, the
    test folder or the system temp folder (so no staging folder either). Empty blob shard
    folders (``blobs/<2 hex>``) may stay in the vault: they hold nothing."""
    path = tmp_path / "in.age"
    path.write_bytes(data)
    before = snapshot(p.bob)
    vault_files, test_files = _tree(p.bob.path, files_only=True), _tree(tmp_path)
    with pytest.raises(error, match=match) as info:
        bundle.import_bundle(p.bob, path)
    assert type(info.value) is error
    message = str(info.value)
    assert "\n" not in message and "Witness Realname" not in message
    assert not any(name in message for name in ("DSCN0010", "Canon_40D", "Arbitro"))
    assert snapshot(p.bob) == before
    assert list(p.bob.blobs.tmp_dir.iterdir()) == []
    assert _tree(p.bob.path, files_only=True) == vault_files
    assert _tree(tmp_path) == test_files
    assert list(Path(tempfile.gettempdir()).iterdir()) == []


def to_bob(p: Pair, plain: bytes) -> bytes:
    return age.encrypt_bytes(plain, [p.bob.identity.card().pq_recipient])


def bag_folder(p: Pair, good: bytes, tmp_path: Path) -> Path:
    plain = age.decrypt_bytes(good, p.bob.identity.age_identities())
    with tarfile.open(fileobj=io.BytesIO(plain)) as tar:
        tar.extractall(tmp_path / "bag", filter="data")
    return next((tmp_path / "bag").iterdir())


def tar_folder(folder: Path) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                tar.add(path, arcname=f"{folder.name}/{path.relative_to(folder)}")
    return buf.getvalue()


def remanifest(folder: Path) -> None:
    """Recompute manifest-sha256.txt and Payload-Oxum from the files under data/."""
    files = sorted(p for p in (folder / "data").rglob("*") if p.is_file())
    lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(folder)}\n"
             for p in files]
    (folder / "manifest-sha256.txt").write_text("".join(lines))
    info = [line for line in (folder / "bag-info.txt").read_text().splitlines()
            if not line.startswith("Payload-Oxum")]
    info.append(f"Payload-Oxum: {sum(p.stat().st_size for p in files)}.{len(files)}")
    (folder / "bag-info.txt").write_text("\n".join(info) + "\n")


def resign(folder: Path, key: Ed25519PrivateKey) -> None:
    """Re-sign the bag: signer files for ``key``, tag manifest, signature."""
    pub = key.public_key()
    principal = bundle.principal_for("1")
    (folder / "signer.pub").write_text(sshsig.public_key_to_openssh(pub) + "\n")
    (folder / "allowed_signers").write_text(
        sshsig.allowed_signers_line(principal, pub, [sshsig.BUNDLE_NAMESPACE]) + "\n")
    tm = "".join(f"{hashlib.sha256((folder / n).read_bytes()).hexdigest()}  {n}\n"
                 for n in LISTED_TAG_FILES).encode()
    (folder / TAGMANIFEST).write_bytes(tm)
    (folder / SIGNATURE).write_text(sshsig.sign(key, tm, sshsig.BUNDLE_NAMESPACE))


def altered(p: Pair, good: bytes, tmp_path: Path, change: Callable[[Path], None], *,
            manifest: bool = True, key: Ed25519PrivateKey | None = None) -> bytes:
    folder = bag_folder(p, good, tmp_path)
    change(folder)
    if manifest:
        remanifest(folder)
    resign(folder, key or p.alice.identity.signing_key)
    return to_bob(p, tar_folder(folder))


def test_the_helpers_rebuild_an_acceptable_bundle(world: tuple[Pair, bytes],
                                                  tmp_path: Path) -> None:
    """Without a change, a re-signed bag verifies: so each failure below is the change's."""
    p, good = world
    rebuilt = altered(p, good, tmp_path, lambda folder: None)
    scan = bundle.scan_bundle(io.BytesIO(rebuilt), p.bob.identity.age_identities())
    result = bundle.check_scan(scan, bundle.trust_lookup(p.bob), p.bob.fingerprint())
    assert result.ok, result.first_failure()


_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _flip_outcome(good: bytes, pos: int) -> tuple[type[CheckFailed], str]:
    """What a flip of bit 0 at ``pos`` must give: a damaged version line, header MAC or
    stanza syntax is not a valid age file; a stanza still well formed no longer unwraps the
    file key (not for me); payload damage is caught by the chunk's tag. (The positions
    tested avoid the last character of a base64 field, where a flip can also make the
    encoding non-canonical: not a valid age file.)"""
    mac = good.index(b"\n--- ") + 1
    payload = good.index(b"\n", mac) + 1
    if pos >= payload:
        return BundleDecryptError, "damaged or truncated"
    if pos < good.index(b"\n") or pos >= mac or good[pos] ^ 1 not in _B64:
        return BundleDecryptError, "not a valid age file"
    return NotForMeError, "not encrypted to my key"


@pytest.mark.parametrize("where", [0, 5, 30, 60, 120, 200, 400, 1000, 1600, -2000, -17, -1])
def test_a_bit_flip_anywhere_is_refused(world: tuple[Pair, bytes], tmp_path: Path,
                                        where: int) -> None:
    p, good = world
    data = bytearray(good)
    data[where] ^= 0x01
    error, match = _flip_outcome(good, where % len(good))
    refused(p, bytes(data), tmp_path, error, match)


@pytest.mark.parametrize("keep", [0, 10, 100, 300, 5000, -1, -16])
def test_truncation_is_refused(world: tuple[Pair, bytes], tmp_path: Path, keep: int) -> None:
    p, good = world
    payload = good.index(b"\n", good.index(b"\n--- ") + 1) + 1
    cut = good[:keep]
    match = "damaged or truncated" if len(cut) > payload else "not a valid age file"
    refused(p, cut, tmp_path, BundleDecryptError, match)


def test_bit_flip_in_payload_is_a_decrypt_error(world: tuple[Pair, bytes],
                                                tmp_path: Path) -> None:
    p, good = world
    data = bytearray(good)
    data[len(data) // 2] ^= 0x80
    refused(p, bytes(data), tmp_path, BundleDecryptError, "damaged")


def test_wrong_recipient(world: tuple[Pair, bytes], tmp_path: Path) -> None:
    p, _ = world
    carol = new_vault(tmp_path / "carol", "Carol")
    carol_contact = p.alice.add_contact(carol.identity.card().to_text(), trusted=True)
    out = tmp_path / "carol.age"
    try:
        bundle.export_bundle(p.alice, [p.tid], [carol_contact], out)
    finally:
        carol.lock()
    refused(p, out.read_bytes(), tmp_path, NotForMeError, "not encrypted to my key")


def test_reencrypted_to_someone_not_intended(world: tuple[Pair, bytes], tmp_path: Path) -> None:
    """Bob forwards Alice's bag to Carol: Carol's fingerprint is not in Intended-Recipients."""
    p, good = world
    carol = new_vault(tmp_path / "carol", "Carol")
    try:
        carol.add_contact(p.alice.identity.card().to_text(), trusted=True)
        plain = age.decrypt_bytes(good, p.bob.identity.age_identities())
        forwarded = tmp_path / "fwd.age"
        forwarded.write_bytes(age.encrypt_bytes(plain, [carol.identity.card().pq_recipient]))
        before = snapshot(carol)
        with pytest.raises(NotForMeError, match="re-encrypted"):
            bundle.import_bundle(carol, forwarded)
        assert snapshot(carol) == before
    finally:
        carol.lock()


def test_valid_age_file_that_is_not_a_tar(world: tuple[Pair, bytes], tmp_path: Path) -> None:
    p, _ = world
    refused(p, to_bob(p, b"just some text, not a tar archive\n" * 100), tmp_path,
            UnsafeArchiveError, "not a tar")


def _tar_with(entry: tarfile.TarInfo, data: bytes = b"") -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        ok = tarfile.TarInfo("bag-x/bagit.txt")
        ok.size = 3
        tar.addfile(ok, io.BytesIO(b"abc"))
        tar.addfile(entry, io.BytesIO(data) if data else None)
    return buf.getvalue()


def _info(name: str, kind: bytes = tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, link
    return info


@pytest.mark.parametrize(("entry", "match"), [
    (_info("bag-x/../../evil.txt"), "traversal"),
    (_info("/etc/evil"), "absolute"),
    (_info("bag-x/data/link", tarfile.SYMTYPE, link="/etc/passwd"), "links"),
    (_info("bag-x/data/hard", tarfile.LNKTYPE, link="bag-x/bagit.txt"), "links"),
    (_info("bag-x/data/dev", tarfile.CHRTYPE), "special"),
    (_info("bag-x/bagit.txt"), "duplicate"),
])
def test_unsafe_tar_entries(world: tuple[Pair, bytes], tmp_path: Path, entry: tarfile.TarInfo,
                            match: str) -> None:
    p, _ = world
    refused(p, to_bob(p, _tar_with(entry)), tmp_path, UnsafeArchiveError, match)


def test_huge_declared_size(world: tuple[Pair, bytes], tmp_path: Path) -> None:
    p, _ = world
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        info = tarfile.TarInfo("bag-x/data/huge")
        info.pax_headers = {"size": str(1 << 45)}
        tar.addfile(info)
    refused(p, to_bob(p, buf.getvalue()), tmp_path, UnsafeArchiveError, "too large")


def test_manifest_names_a_missing_file(world: tuple[Pair, bytes], tmp_path: Path) -> None:
    p, good = world
    data = altered(p, good, tmp_path, lambda f: (f / "data" / "loadsheet.csv").unlink(),
                   manifest=False)
    refused(p, data, tmp_path, BagInvalidError, "loadsheet.csv")


def test_extra_unlisted_file(world: tuple[Pair, bytes], tmp_path: Path) -> None:
    p, good = world
    data = altered(p, good, tmp_path,
                   lambda f: (f / "data" / "extra.txt").write_bytes(b"extra"), manifest=False)
    refused(p, data, tmp_path, BagInvalidError, "extra.txt")


def test_changed_file_under_valid_signature(world: tuple[Pair, bytes], tmp_path: Path) -> None:
    p, good = world

    def change(folder: Path) -> None:
        target = folder / "data" / "index.html"
        target.write_bytes(target.read_bytes() + b"<!-- changed -->")

    refused(p, altered(p, good, tmp_path, change, manifest=False), tmp_path, BagInvalidError,
            "index.html: SHA-256 mismatch")


def test_changed_original_is_named_without_its_file_name(world: tuple[Pair, bytes],
                                                        tmp_path: Path) -> None:
    p, good = world

    def change(folder: Path) -> None:
        target = next((folder / "data").glob("*/originals/*DSCN0010*"))
        data = bytearray(target.read_bytes())
        data[5000] ^= 1
        target.write_bytes(bytes(data))

    refused(p, altered(p, good, tmp_path, change, manifest=False), tmp_path, BagInvalidError,
            r"originals/\d\d-…: SHA-256 mismatch")


def test_signature_by_an_untrusted_key(world: tuple[Pair, bytes], tmp_path: Path) -> None:
    p, good = world
    data = altered(p, good, tmp_path, lambda f: None, key=Ed25519PrivateKey.generate())
    refused(p, data, tmp_path, UntrustedSignerError, "unknown")


def test_signature_over_a_different_tag_manifest(world: tuple[Pair, bytes],
                                                 tmp_path: Path) -> None:
    p, good = world
    folder = bag_folder(p, good, tmp_path)
    other = (folder / TAGMANIFEST).read_bytes().replace(b"bagit.txt", b"bagit.txT")
    (folder / SIGNATURE).write_text(sshsig.sign(p.alice.identity.signing_key, other,
                                                sshsig.BUNDLE_NAMESPACE))
    refused(p, to_bob(p, tar_folder(folder)), tmp_path, BundleSignatureError, "does not verify")


def _custody_log(folder: Path) -> Path:
    return next((folder / "data").glob("*/custody.jsonl"))


def test_custody_event_removed(world: tuple[Pair, bytes], tmp_path: Path) -> None:
    p, good = world

    def drop_second(folder: Path) -> None:
        log = _custody_log(folder)
        lines = log.read_bytes().splitlines(keepends=True)
        log.write_bytes(b"".join(lines[:1] + lines[2:]))

    refused(p, altered(p, good, tmp_path, drop_second), tmp_path, CustodyChainError)


def test_custody_events_reordered(world: tuple[Pair, bytes], tmp_path: Path) -> None:
    p, good = world

    def swap(folder: Path) -> None:
        log = _custody_log(folder)
        lines = log.read_bytes().splitlines(keepends=True)
        lines[1], lines[2] = lines[2], lines[1]
        log.write_bytes(b"".join(lines))

    refused(p, altered(p, good, tmp_path, swap), tmp_path, CustodyChainError)


def test_custody_log_cut_before_the_export(world: tuple[Pair, bytes], tmp_path: Path) -> None:
    p, good = world

    def cut(folder: Path) -> None:
        log = _custody_log(folder)
        log.write_bytes(b"".join(log.read_bytes().splitlines(keepends=True)[:-1]))

    refused(p, altered(p, good, tmp_path, cut), tmp_path, CustodyChainError, "export")


@pytest.mark.parametrize("field", ["version", "original_path", "attachment_id", "data"])
def test_malformed_testimony_json_under_valid_signature(world: tuple[Pair, bytes],
                                                        tmp_path: Path, field: str) -> None:
    p, good = world

    def change(folder: Path) -> None:
        path = next((folder / "data").glob("*/testimony.json"))
        doc = json.loads(path.read_bytes())
        if field == "version":
            doc["version"] = "3"
        elif field == "original_path":
            doc["attachments"][0]["original"]["path"] = "originals/../testimony.json"
        elif field == "attachment_id":
            doc["attachments"][0]["id"] = "../../x"
        else:
            doc["data"]["unknown_key"] = 1
        path.write_text(json.dumps(doc))

    refused(p, altered(p, good, tmp_path, change), tmp_path, BagInvalidError, "testimony.json")


def test_bundle_id_must_be_a_bundle_id(world: tuple[Pair, bytes], tmp_path: Path) -> None:
    p, good = world

    def change(folder: Path) -> None:
        info = folder / "bag-info.txt"
        lines = [("External-Identifier: ../../x" if line.startswith("External-Identifier")
                  else line) for line in info.read_text().splitlines()]
        info.write_text("\n".join(lines) + "\n")

    refused(p, altered(p, good, tmp_path, change), tmp_path, BagInvalidError,
            "External-Identifier")
