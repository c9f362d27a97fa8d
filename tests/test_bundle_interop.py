"""Bundles against the real tools: age, typage, tar, bagit, sha256sum, ssh-keygen."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

import bagit
import pytest
from bundle_support import Pair, open_pair
from conftest import PEERS, peers_required, require_tool

from crypto import age, sshsig
from evidence_app import bundle, verify
from evidence_app.bag import SIGNATURE, TAGMANIFEST

pytestmark = pytest.mark.interop


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with open_pair(tmp_path) as p:
        yield p


def run(cmd: list[str], data: bytes = b"", cwd: Path | None = None,
        env: dict[str, str] | None = None) -> bytes:
    res = subprocess.run(cmd, input=data, capture_output=True, cwd=cwd, env=env, check=False)
    assert res.returncode == 0, res.stderr.decode(errors="replace")
    return res.stdout


def bob_x25519(p: Pair) -> age.X25519Identity:
    ident = next(i for i in p.bob.identity.age_identities() if isinstance(i, age.X25519Identity))
    return ident


def unpack_with_age_cli(p: Pair, bundle_path: Path, dest: Path) -> Path:
    """``age -d -i key.txt bundle.age | tar -x``, with the real tools; returns the bag."""
    key = dest / "key.txt"
    dest.mkdir(exist_ok=True)
    key.write_text(bob_x25519(p).to_string() + "\n")
    shell = (f"{require_tool('age')} -d -i key.txt {bundle_path} | "
             f"{require_tool('tar')} -x")
    subprocess.run(["/bin/sh", "-c", shell], cwd=dest, check=True)
    key.unlink()
    (bag,) = [d for d in dest.iterdir() if d.is_dir()]
    return bag


def test_classical_bundle_with_age_tar_bagit_sha256sum_ssh_keygen(pair: Pair,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "b.age"
    res = bundle.export_bundle(pair.alice, [pair.tid], [pair.bob_at_alice], out, classical=True,
                               redact_exif=True)
    bag = unpack_with_age_cli(pair, out, tmp_path / "x")
    assert bag.name == f"bag-{res.bundle_id}"
    bagit.Bag(str(bag)).validate()
    sha256sum = require_tool("sha256sum")
    run([sha256sum, "--strict", "-c", "manifest-sha256.txt"], cwd=bag)
    run([sha256sum, "--strict", "-c", "tagmanifest-sha256.txt"], cwd=bag)
    principal = bundle.principal_for(pair.alice.fingerprint())
    with open(bag / TAGMANIFEST, "rb") as fh:
        res_sig = subprocess.run(
            [require_tool("ssh-keygen"), "-Y", "verify", "-f", "allowed_signers", "-I",
             principal, "-n", sshsig.BUNDLE_NAMESPACE, "-s", SIGNATURE],
            stdin=fh, cwd=bag, capture_output=True, text=True, check=False)
    assert res_sig.returncode == 0, res_sig.stderr
    assert "Good" in res_sig.stdout
    # our own verifier agrees on the unpacked folder
    result = verify.check_scan(verify.scan_path(bag, None), bundle.trust_lookup(pair.bob))
    assert result.ok, result.first_failure()


def test_post_quantum_bundle_with_typage(pair: Pair, tmp_path: Path) -> None:
    node = require_tool("node")
    if not (PEERS / "node_modules" / "age-encryption").is_dir():
        msg = "typage is not installed (npm ci in tests/peers)"
        pytest.fail(msg) if peers_required() else pytest.skip(msg)
    out = tmp_path / "b.age"
    bundle.export_bundle(pair.alice, [pair.tid], [pair.bob_at_alice], out)
    assert b"mlkem768x25519" in out.read_bytes()[:200]
    hybrid = next(i for i in pair.bob.identity.age_identities()
                  if not isinstance(i, age.X25519Identity))
    plain = run([node, str(PEERS / "typage_cli.mjs"), "decrypt", "--identity-env", "ID"],
                out.read_bytes(), cwd=PEERS, env={**os.environ, "ID": hybrid.to_string()})
    with tarfile.open(fileobj=io.BytesIO(plain)) as tar:
        names = tar.getnames()
    assert any(n.endswith("/tagmanifest-sha256.txt.sig") for n in names)


def test_changing_any_byte_of_any_file_fails_verify_and_names_it(pair: Pair,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "b.age"
    bundle.export_bundle(pair.alice, [pair.tid], [pair.bob_at_alice], out, classical=True)
    bag = unpack_with_age_cli(pair, out, tmp_path / "x")
    files = sorted(str(p.relative_to(bag)) for p in bag.rglob("*") if p.is_file())
    assert len(files) > 10
    for rel in files:
        copy = tmp_path / "copy" / bag.name
        shutil.rmtree(copy.parent, ignore_errors=True)
        shutil.copytree(bag, copy)
        target = copy / rel
        data = bytearray(target.read_bytes())
        data[len(data) // 3] ^= 0x04
        target.write_bytes(bytes(data))
        result = verify.check_scan(verify.scan_path(copy, None), bundle.trust_lookup(pair.bob))
        assert not result.ok, rel
        named = " ".join(f"{f.subject} {f.detail}" for f in result.findings if not f.ok)
        assert rel in named, (rel, named)
