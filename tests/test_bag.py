"""BagIt writer and validator: our checks, and the real bagit, sha256sum and ssh-keygen."""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from pathlib import Path

import bagit
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from crypto import sshsig
from evidence_app.bag import (
    SIGNATURE,
    TAGMANIFEST,
    BagWriter,
    Finding,
    check_bag,
    check_signature,
    decode_path,
    encode_path,
    parse_bag_info,
    scan_folder,
    scan_tar,
)
from evidence_app.bundle_errors import BundleSignatureError, UnsafeArchiveError
from tests.conftest import require_tool

PRINCIPAL = "fp-0123456789"
FILES = {
    "t1/testimony.json": b'{"schema":1}',
    "t1/originals/01-photo.jpg": bytes(range(256)) * 400,
    "t1/custody.jsonl": b"{}\n",
    "index.html": b"<!doctype html><title>x</title>",
}


def write_bag(key: Ed25519PrivateKey, files: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    writer = BagWriter(buf, "bag-1234", 1_700_000_000)
    for path, data in (files or FILES).items():
        if len(data) > 1000:
            writer.add_file(path, io.BytesIO(data), len(data))
        else:
            writer.add_bytes(path, data)
    writer.finish([("Bagging-Date", "2026-11-24"), ("External-Identifier", "1234"),
                   ("Intended-Recipients", "fp-a"), ("Intended-Recipients", "fp-b")],
                  key, PRINCIPAL)
    return buf.getvalue()


def failures(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.subject, f.detail) for f in findings if not f.ok]


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def bag_dir(tmp_path: Path, key: Ed25519PrivateKey) -> Path:
    with tarfile.open(fileobj=io.BytesIO(write_bag(key))) as tar:
        tar.extractall(tmp_path, filter="data")
    return tmp_path / "bag-1234"


def test_written_bag_scans_and_checks_clean(key: Ed25519PrivateKey) -> None:
    scan = scan_tar(io.BytesIO(write_bag(key)), keep=lambda p, s: p.endswith(".json"))
    assert scan.root == "bag-1234"
    assert scan.kept == {"data/t1/testimony.json": b'{"schema":1}'}
    findings = check_bag(scan)
    assert failures(findings) == []
    checked = {f.subject for f in findings if f.check == "file"}
    assert {f"data/{p}" for p in FILES} <= checked
    sig, pub, principal = check_signature(scan)
    assert sig.ok and principal == PRINCIPAL
    assert pub is not None and pub.public_bytes_raw() == key.public_key().public_bytes_raw()
    info = parse_bag_info(scan.tags["bag-info.txt"])
    assert [v for k, v in info if k == "Intended-Recipients"] == ["fp-a", "fp-b"]
    assert ("Payload-Oxum", f"{sum(map(len, FILES.values()))}.{len(FILES)}") in info


def test_folder_and_tar_scans_agree(key: Ed25519PrivateKey, bag_dir: Path) -> None:
    assert scan_folder(bag_dir).files == scan_tar(io.BytesIO(write_bag(key))).files


@pytest.mark.interop
def test_real_tools_accept_the_bag(bag_dir: Path, key: Ed25519PrivateKey, tmp_path: Path) -> None:
    bag = bagit.Bag(str(bag_dir))
    bag.validate()
    assert bag.info["External-Identifier"] == "1234"
    sha256sum = require_tool("sha256sum")
    for manifest in ("manifest-sha256.txt", "tagmanifest-sha256.txt"):
        subprocess.run([sha256sum, "--strict", "-c", manifest], cwd=bag_dir, check=True,
                       capture_output=True)
    ssh_keygen = require_tool("ssh-keygen")
    with open(bag_dir / TAGMANIFEST, "rb") as fh:
        res = subprocess.run([ssh_keygen, "-Y", "verify", "-f", "allowed_signers", "-I", PRINCIPAL,
                              "-n", sshsig.BUNDLE_NAMESPACE, "-s", SIGNATURE], stdin=fh,
                             cwd=bag_dir, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    tar_tool = require_tool("tar")
    listing = subprocess.run([tar_tool, "-t"], input=write_bag(key), capture_output=True,
                             check=True).stdout.decode().split()
    assert "bag-1234/data/t1/originals/01-photo.jpg" in listing


def all_files(bag_dir: Path) -> list[str]:
    return sorted(str(p.relative_to(bag_dir)) for p in bag_dir.rglob("*") if p.is_file())


def test_changing_any_byte_of_any_file_fails_and_names_it(bag_dir: Path, tmp_path: Path) -> None:
    for rel in all_files(bag_dir):
        copy = tmp_path / "copy" / "bag-1234"
        shutil.rmtree(copy.parent, ignore_errors=True)
        shutil.copytree(bag_dir, copy)
        target = copy / rel
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 0x20
        target.write_bytes(bytes(data))
        scan = scan_folder(copy)
        sig = check_signature(scan)[0]
        bad = failures([*check_bag(scan), sig])
        assert bad, rel
        named = " ".join(f"{subject} {detail}" for subject, detail in bad)
        assert rel in named, (rel, bad)


def test_missing_listed_file(bag_dir: Path) -> None:
    (bag_dir / "data" / "t1" / "custody.jsonl").unlink()
    bad = failures(check_bag(scan_folder(bag_dir)))
    assert ("data/t1/custody.jsonl", "listed in the manifest but missing") in bad


def test_extra_unlisted_files(bag_dir: Path) -> None:
    (bag_dir / "data" / "extra.txt").write_bytes(b"sneaky")
    (bag_dir / "notes.txt").write_bytes(b"sneaky")
    bad = failures(check_bag(scan_folder(bag_dir)))
    assert ("data/extra.txt", "file not listed in the manifest") in bad
    assert ("notes.txt", "unexpected file outside data/") in bad


def test_missing_tag_file_and_bad_declaration(bag_dir: Path) -> None:
    old = b"BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n"
    (bag_dir / "bagit.txt").write_bytes(old)
    assert failures(check_bag(scan_folder(bag_dir)))[0][0] == "bagit.txt"
    (bag_dir / "signer.pub").unlink()
    assert failures(check_bag(scan_folder(bag_dir))) == [("signer.pub",
                                                          "required tag file is missing")]


def test_symlink_in_folder_is_refused(bag_dir: Path) -> None:
    (bag_dir / "data" / "link").symlink_to("/etc/passwd")
    with pytest.raises(UnsafeArchiveError):
        scan_folder(bag_dir)


def test_signature_by_another_key_or_over_another_manifest(bag_dir: Path,
                                                          key: Ed25519PrivateKey) -> None:
    other = Ed25519PrivateKey.generate()
    manifest = (bag_dir / TAGMANIFEST).read_bytes()
    (bag_dir / SIGNATURE).write_text(sshsig.sign(other, manifest, sshsig.BUNDLE_NAMESPACE))
    finding = check_signature(scan_folder(bag_dir))[0]
    assert not finding.ok and finding.error is BundleSignatureError
    assert "another key" in finding.detail
    (bag_dir / SIGNATURE).write_text(sshsig.sign(key, manifest + b"x", sshsig.BUNDLE_NAMESPACE))
    assert "does not verify" in check_signature(scan_folder(bag_dir))[0].detail
    (bag_dir / SIGNATURE).write_text(sshsig.sign(key, manifest, sshsig.CUSTODY_NAMESPACE))
    assert "namespace" in check_signature(scan_folder(bag_dir))[0].detail


def test_allowed_signers_must_match_signer_pub(bag_dir: Path) -> None:
    other = Ed25519PrivateKey.generate().public_key()
    line = sshsig.allowed_signers_line(PRINCIPAL, other, [sshsig.BUNDLE_NAMESPACE])
    (bag_dir / "allowed_signers").write_text(line + "\n")
    assert "allowed_signers" in check_signature(scan_folder(bag_dir))[0].detail


def test_manifest_path_encoding_round_trips() -> None:
    for name in ("a%b", "line\nbreak", "cr\rx", "plain", "%0A literal"):
        assert decode_path(encode_path(name)) == name
    assert decode_path("a%41") == "a%41"


def test_payload_oxum_mismatch(bag_dir: Path) -> None:
    scan = scan_folder(bag_dir)
    scan.files["data/t1/custody.jsonl"] = (scan.files["data/t1/custody.jsonl"][0], 99)
    assert ("bag-info.txt", "Payload-Oxum does not match the payload") in failures(check_bag(scan))
