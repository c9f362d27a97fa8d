"""Security: the test-only weak-KDF switch can never weaken a real vault (audit finding 1)
and core dumps are off at start (finding 13)."""

from __future__ import annotations

import json
import resource
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


def test_cli_start_disables_core_dumps(tmp_path: Path) -> None:
    hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
    if hard == 0:
        pytest.skip("core dumps are already forbidden by the hard limit here")
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))
    main(["--vault", str(tmp_path / "none"), "identity", "fingerprint"])
    assert resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)


def test_frozen_builds_ignore_the_test_kdf_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVIDENCE_APP_TEST_KDF", "fast")
    assert keyslots.test_kdf_active() is True
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert keyslots.test_kdf_active() is False
