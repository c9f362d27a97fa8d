"""Security: the test-only weak-KDF switch can never weaken a real vault (audit finding 1)
and core dumps are off at start (finding 13)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crypto.kdf import Argon2Params
from evidence_app import keyslots
from evidence_app.cli import main
from evidence_app.errors import UserError
from evidence_app.hardening import TEST_KDF_WARNING
from evidence_app.vault import Vault

PASS = "correct horse battery staple"
STRONGER = Argon2Params(memory_kib=128, iterations=2, lanes=1)  # stands for a real slot
FAST = keyslots.TEST_KDF


def _slot_params(vault: Path) -> dict[str, int]:
    slot = json.loads((vault / "keyslot-passphrase.json").read_text())
    params: dict[str, int] = slot["params"]
    return params


def test_open_with_weaker_params_never_rewraps(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", PASS, "Doc", kdf_params=STRONGER)
    vault.lock()
    Vault.open(tmp_path / "v", PASS, kdf_params=FAST).lock()
    assert _slot_params(tmp_path / "v") == STRONGER.to_dict()


def test_open_with_stronger_params_raises_them(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", PASS, "Doc", kdf_params=FAST)
    vault.lock()
    Vault.open(tmp_path / "v", PASS, kdf_params=STRONGER).lock()
    assert _slot_params(tmp_path / "v") == STRONGER.to_dict()


def test_recovery_reset_keeps_the_stronger_params(tmp_path: Path) -> None:
    vault, code = Vault.create(tmp_path / "v", PASS, "Doc", kdf_params=STRONGER)
    vault.lock()
    Vault.open_with_recovery(tmp_path / "v", code, new_passphrase="another long passphrase",
                             kdf_params=FAST).lock()
    assert _slot_params(tmp_path / "v") == STRONGER.to_dict()


def test_weak_slots_refused_without_the_test_switch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(keyslots.TEST_KDF_ENV, raising=False)
    with pytest.raises(UserError, match="production minimum"):
        Vault.create(tmp_path / "v", PASS, "Doc", kdf_params=FAST)
    assert not Vault.exists(tmp_path / "v")
    with pytest.raises(UserError, match="production minimum"):
        keyslots.make_slot("passphrase", "00" * 16, b"x", bytes(32), STRONGER)


def test_cli_with_switch_leaves_a_stronger_slot_alone_and_warns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    vault, _ = Vault.create(tmp_path / "v", PASS, "Doc", kdf_params=STRONGER)
    vault.lock()
    pw = tmp_path / "pw"
    pw.write_text(PASS + "\n")
    monkeypatch.setenv(keyslots.TEST_KDF_ENV, "fast")
    code = main(["--vault", str(tmp_path / "v"), "--passphrase-file", str(pw),
                 "identity", "fingerprint"])
    assert code == 0
    assert _slot_params(tmp_path / "v") == STRONGER.to_dict()
    assert capsys.readouterr().err.splitlines()[0] == TEST_KDF_WARNING


def test_cli_without_switch_prints_no_warning(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv(keyslots.TEST_KDF_ENV, raising=False)
    with pytest.raises(SystemExit):
        main(["--version"])
    assert TEST_KDF_WARNING not in capsys.readouterr().err


_CORE_CHILD = """
import json, resource, sys
calls = []
real = resource.setrlimit
def spy(which, limits):
    calls.append([which, list(limits)])
    real(which, limits)
resource.setrlimit = spy
from evidence_app.cli import main
code = main(["--vault", sys.argv[1], "identity", "fingerprint"])
print(json.dumps({"code": code, "calls": calls, "which": resource.RLIMIT_CORE,
                  "core": list(resource.getrlimit(resource.RLIMIT_CORE))}))
"""


def test_cli_start_disables_core_dumps(tmp_path: Path) -> None:
    """A real CLI process sets RLIMIT_CORE to (0, 0) before its command runs.

    Runs in a child: this worker's hard limit may already be 0 (an earlier in-process
    main() set it, and it cannot be raised again), so the child also records the
    setrlimit calls it makes; the test fails if the CLI stops asking for (0, 0)."""
    root = Path(__file__).resolve().parent.parent
    child = subprocess.run([sys.executable, "-c", _CORE_CHILD, str(tmp_path / "none")],
                           cwd=root, env=dict(os.environ, PYTHONPATH=str(root)),
                           capture_output=True, text=True, timeout=60, check=False)
    assert child.returncode == 0, child.stderr
    report = json.loads(child.stdout.strip().splitlines()[-1])
    assert report["code"] != 0  # no vault there: the command failed, after start-up
    assert [report["which"], [0, 0]] in report["calls"]
    assert report["core"] == [0, 0]


def test_frozen_builds_ignore_the_test_kdf_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVIDENCE_APP_TEST_KDF", "fast")
    assert keyslots.test_kdf_active() is True
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert keyslots.test_kdf_active() is False
