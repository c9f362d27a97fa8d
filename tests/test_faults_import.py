"""Crash safety of an import: the importing process is killed with SIGKILL at many points
(while the bundle is read and its originals and rest are written, around the derived
thumbnails, inside the transaction). Afterwards the vault opens, `vault check` passes, the
import is either complete (and its exhibit comes back byte for byte) or absent, importing
the bundle again works, and no plaintext is left in the vault folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from bundle_support import make_pair
from faults_support import KILL_SWITCH
from records_support import PASSPHRASE, open_vault

from evidence_app import bundle, records

ROOT = Path(__file__).resolve().parent.parent
CANARY = b"ImportCrashCanary77"

CHILD = KILL_SWITCH + r"""
import sys
from pathlib import Path
from evidence_app import bundle, custody, intake
from evidence_app.vault import Vault

vault_dir, passphrase, src = sys.argv[1:4]
custody.make_event = counted(custody.make_event)
intake._derive = counted(intake._derive)
vault = Vault.open(Path(vault_dir), passphrase)
result = bundle.import_bundle(vault, Path(src), progress=point)
print("IMPORTED", result.bundle_id, flush=True)
vault.lock()
"""

KILL_POINTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    pair = make_pair(tmp_path)
    big = tmp_path / "big.bin"
    big.write_bytes((CANARY + os.urandom(45)) * 50_000)  # about 3 MiB, several blocks
    tid = records.add_testimony(pair.alice, {"title": "crash", "narrative": CANARY.decode()},
                                [big])  # the canary in testimony.json (kept in the rest) too
    sent = tmp_path / "sent.age"
    bundle.export_bundle(pair.alice, [tid], [pair.bob_at_alice], sent)
    pair.alice.lock()
    pair.bob.lock()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    outcomes = {"complete": 0, "absent": 0}
    killed = 0
    for kill_at in KILL_POINTS:
        bob_dir = tmp_path / f"bob-{kill_at}"
        subprocess.run(["cp", "-a", str(tmp_path / "bob"), str(bob_dir)], check=True)
        child = subprocess.run(
            [sys.executable, "-c", CHILD, str(bob_dir), PASSPHRASE, str(sent)],
            cwd=ROOT, env={**env, "KILL_AT": str(kill_at)}, capture_output=True, text=True,
            timeout=120, check=False)
        assert child.returncode in (0, -signal.SIGKILL), child.stderr
        killed += child.returncode == -signal.SIGKILL
        for path in bob_dir.rglob("*"):
            if path.is_file():
                assert CANARY not in path.read_bytes(), (kill_at, path)
        vault = open_vault(bob_dir)
        try:
            assert records.check_vault(vault) == [], f"kill point {kill_at}"
            rows = vault.db.execute("SELECT id FROM bundles WHERE direction = 'imported'"
                                    ).fetchall()
            has_testimony = vault.db.execute("SELECT 1 FROM testimonies WHERE id = ?",
                                             (tid,)).fetchone() is not None
            assert bool(rows) == has_testimony, f"kill point {kill_at}: half an import"
            outcomes["complete" if rows else "absent"] += 1
            again = bundle.import_bundle(vault, sent)
            assert again.status == ("already imported" if rows else "imported")
            back = bundle.write_exhibit(vault, again.bundle_id, tmp_path / f"back-{kill_at}")
            assert back.read_bytes() == sent.read_bytes()
            assert records.check_vault(vault) == []
            # Nothing left over: every blob file belongs to a row or an exhibit.
            assert set(vault.blobs.ids()) == records._referenced_blobs(vault)
        finally:
            vault.lock()
        assert list((bob_dir / "tmp").iterdir()) == []
    assert killed >= 8 and outcomes["absent"] >= 8, (killed, outcomes)  # points really hit
    assert outcomes["complete"] >= 1  # and the last points come after the commit
