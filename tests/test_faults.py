"""Crash safety: a writer process is killed with SIGKILL at many points of its saves.

The child opens the vault and saves in a loop (new testimony with an attachment, edit,
attach another file). It counts "points" -- every progress callback of a blob write,
every custody event made inside a transaction, every attachment row inserted -- and kills
itself with SIGKILL when it reaches point N. After each save returns, it prints what was
saved, flushed. Then the parent checks: the vault opens, check_vault passes, every save
the child reported is intact (the edits' content too), and no plaintext is left anywhere in
the vault folder or the child's system temp folder (TMPDIR; raw, UTF-16, base64).
"""

from __future__ import annotations

import base64
import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from faults_support import KILL_SWITCH
from records_support import PASSPHRASE, new_vault, open_vault

from evidence_app import records

ROOT = Path(__file__).resolve().parent.parent
CANARY = b"FaultCanaryPlaintext42"

CHILD = KILL_SWITCH + r"""
import sys
from pathlib import Path
from evidence_app import custody, records
from evidence_app.vault import Vault

vault_dir, passphrase, src_dir = sys.argv[1:4]
custody.make_event = counted(custody.make_event)
records.insert_attachment = counted(records.insert_attachment)
vault = Vault.open(Path(vault_dir), passphrase)
src = Path(src_dir)
data = {"title": "Crash test", "narrative": "FaultCanaryPlaintext42 in the narrative",
        "witness": {"pseudonym": "W-1", "identity": {"name": "FaultCanaryPlaintext42"}}}
for i in range(6):
    tid = records.add_testimony(vault, data, [src / "a.bin"], progress=point)
    print("T", tid, flush=True)
    version = records.update_testimony(vault, tid, dict(data, notes=f"edit {i}"))
    print("V", tid, version, i, flush=True)
    (aid,) = records.attach(vault, tid, [src / "b.bin"], progress=point)
    print("A", tid, aid, flush=True)
vault.lock()
print("DONE", flush=True)
"""

# Kill points: early, inside blob writes, between blob and row, inside transactions, late.
KILL_POINTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 15, 17, 19, 22, 25, 29, 33, 38, 44]


def _source_files(folder: Path) -> dict[str, str]:
    """Two attachments of several blob-store blocks each; returns their SHA-256."""
    folder.mkdir()
    hashes = {}
    for name, size in (("a.bin", 2_500_000), ("b.bin", 1_200_000)):
        data = (CANARY + os.urandom(42)) * (size // (len(CANARY) + 42))
        (folder / name).write_bytes(data)
        hashes[name] = hashlib.sha256(data).hexdigest()
    return hashes


def _no_plaintext(folder: Path, needles: tuple[bytes, ...] = (CANARY,)) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for needle in needles:
                assert needle not in data, path


# The canary as raw bytes, UTF-16 and base64 (at each of its three alignments).
ENCODED = (CANARY, CANARY.decode().encode("utf-16-le"), CANARY.decode().encode("utf-16-be"),
           *(base64.b64encode(CANARY[shift:])[4:-4] for shift in range(3)))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_at_many_points_loses_no_returned_save(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    new_vault(vault_dir).lock()
    src = tmp_path / "src"
    hashes = _source_files(src)
    systemp = tmp_path / "systemp"  # the child's system temp folder
    systemp.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(systemp))
    saved_testimonies: set[str] = set()
    saved_versions: dict[str, tuple[int, str]] = {}  # testimony id -> (version, notes)
    saved_attachments: dict[str, str] = {}  # attachment id -> testimony id
    killed = 0
    for kill_at in KILL_POINTS:
        child = subprocess.run(
            [sys.executable, "-c", CHILD, str(vault_dir), PASSPHRASE, str(src)],
            cwd=ROOT, env={**env, "KILL_AT": str(kill_at)}, capture_output=True, text=True,
            timeout=120, check=False)
        assert child.returncode in (0, -signal.SIGKILL), child.stderr
        killed += child.returncode == -signal.SIGKILL
        for line in child.stdout.splitlines():
            kind, *rest = line.split()
            if kind == "T":
                saved_testimonies.add(rest[0])
            elif kind == "V":
                saved_versions[rest[0]] = (int(rest[1]), f"edit {rest[2]}")
            elif kind == "A":
                saved_attachments[rest[1]] = rest[0]

        _no_plaintext(vault_dir)
        _no_plaintext(systemp, ENCODED)
        vault = open_vault(vault_dir)
        try:
            assert records.check_vault(vault) == [], f"kill point {kill_at}"
            for tid in saved_testimonies:
                got = records.get_testimony(vault, tid, include_identity=True)
                assert got["witness"]["identity"]["name"] == CANARY.decode()
                assert got["narrative"] == "FaultCanaryPlaintext42 in the narrative"
                if tid in saved_versions:
                    version, notes = saved_versions[tid]
                    assert got["version"] >= version
                    assert got["notes"] == notes  # the returned edit, not an older one
                    assert records.get_version(vault, tid, version)["notes"] == notes
                first = got["attachments"][0]
                assert first["sha256"] == hashes["a.bin"]
            for aid, tid in saved_attachments.items():
                info = records.get_attachment(vault, aid)
                assert (info.testimony_id, info.sha256) == (tid, hashes["b.bin"])
            on_disk = set(vault.blobs.ids())
            rows = vault.db.execute("SELECT blob_id FROM attachments").fetchall()
            assert {r[0] for r in rows} <= on_disk
        finally:
            vault.lock()
        assert [p for p in (vault_dir / "tmp").iterdir()] == []
    assert killed >= len(KILL_POINTS) - 2  # almost every point was really reached
    assert saved_testimonies
