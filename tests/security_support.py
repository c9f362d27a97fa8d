"""Hostile bundles for the security tests: a real bundle from Alice to Bob, unpacked,
changed, its manifests recomputed, re-signed with Alice's key (or left with a stale
signature) and encrypted to Bob again (what a seized, misused sender laptop could make)."""

from __future__ import annotations

import hashlib
import io
import re
import tarfile
from collections.abc import Callable
from pathlib import Path

from bundle_support import Pair

from crypto import age, sshsig
from evidence_app import bundle

TAGS = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "signer.pub", "allowed_signers")
Files = dict[str, bytes]


def bag_files(p: Pair, tmp_path: Path) -> tuple[str, Files]:
    """The bag folder name and files (path inside the bag -> bytes) of a fresh export."""
    out = tmp_path / "good.age"
    bundle.export_bundle(p.alice, [p.tid], [p.bob_at_alice], out)
    plain = age.decrypt_bytes(out.read_bytes(), p.bob.identity.age_identities())
    files: Files = {}
    root = ""
    with tarfile.open(fileobj=io.BytesIO(plain)) as tar:
        for member in tar:
            root, _, rel = member.name.partition("/")
            if member.isfile():
                extracted = tar.extractfile(member)
                assert extracted is not None
                files[rel] = extracted.read()
    return root, files


def rebuild(p: Pair, root: str, files: Files, out: Path, *, sign: bool = True,
            info_edit: Callable[[str], str] | None = None) -> Path:
    """Recompute manifests (and the signature unless ``sign`` is False), tar, encrypt to Bob."""
    files = dict(files)
    payload = {k: v for k, v in files.items() if k.startswith("data/")}
    files["manifest-sha256.txt"] = "".join(
        f"{hashlib.sha256(v).hexdigest()}  {k}\n" for k, v in sorted(payload.items())).encode()
    info = re.sub(r"Payload-Oxum: .*",
                  f"Payload-Oxum: {sum(map(len, payload.values()))}.{len(payload)}",
                  files["bag-info.txt"].decode())
    files["bag-info.txt"] = (info_edit(info) if info_edit else info).encode()
    files["tagmanifest-sha256.txt"] = "".join(
        f"{hashlib.sha256(files[n]).hexdigest()}  {n}\n" for n in TAGS).encode()
    if sign:
        files["tagmanifest-sha256.txt.sig"] = sshsig.sign(
            p.alice.identity.signing_key, files["tagmanifest-sha256.txt"],
            sshsig.BUNDLE_NAMESPACE).encode()
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for rel, data in files.items():
            info_ = tarfile.TarInfo(f"{root}/{rel}")
            info_.size = len(data)
            info_.mode = 0o600
            tar.addfile(info_, io.BytesIO(data))
    out.write_bytes(age.encrypt_bytes(buf.getvalue(), [p.bob.identity.card().pq_recipient]))
    return out


def member_testimony(files: Files) -> str:
    return next(k for k in files if k.endswith("/testimony.json"))
