"""Key slots: master key wrapped by Argon2id(passphrase or recovery code), strict parsing."""

from __future__ import annotations

import base64
import json
import secrets
import stat
from pathlib import Path

import pytest

from crypto import kdf
from crypto.errors import WrongPassphraseError
from evidence_app import keyslots
from evidence_app.db import VaultDamagedError
from evidence_app.errors import UserError

FAST = kdf.Argon2Params(memory_kib=64, iterations=1, lanes=1)
VAULT_ID = "0123456789abcdef0123456789abcdef"


def _slot(tmp_path: Path, secret: bytes = b"correct horse") -> tuple[bytearray, Path]:
    master = bytearray(secrets.token_bytes(32))
    keyslots.write_slot(tmp_path, keyslots.make_slot("passphrase", VAULT_ID, secret, master, FAST))
    return master, keyslots.slot_path(tmp_path, "passphrase")


def test_round_trip_and_file_mode(tmp_path: Path) -> None:
    master, path = _slot(tmp_path)
    slot = keyslots.read_slot(tmp_path, "passphrase", VAULT_ID)
    assert slot.params == FAST
    assert keyslots.open_slot(slot, b"correct horse") == master
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert master.hex() not in path.read_text()
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left


def test_wrong_secret(tmp_path: Path) -> None:
    _slot(tmp_path)
    slot = keyslots.read_slot(tmp_path, "passphrase", VAULT_ID)
    with pytest.raises(WrongPassphraseError, match="^wrong passphrase$"):
        keyslots.open_slot(slot, b"correct horsE")


def test_rewrapping_uses_a_fresh_salt(tmp_path: Path) -> None:
    master = bytearray(32)
    a = keyslots.make_slot("recovery", VAULT_ID, b"s", master, FAST)
    b = keyslots.make_slot("recovery", VAULT_ID, b"s", master, FAST)
    assert a.salt != b.salt and a.wrapped_key != b.wrapped_key


def _edit(path: Path, **changes: object) -> None:
    obj = json.loads(path.read_text())
    obj.update(changes)
    path.write_text(json.dumps(obj))


@pytest.mark.parametrize("changes", [
    {"params": {"memory_kib": 128, "iterations": 1, "lanes": 1}},
    {"salt": base64.b64encode(bytes(16)).decode()},
])
def test_header_fields_are_authenticated(tmp_path: Path, changes: dict[str, object]) -> None:
    _, path = _slot(tmp_path)
    _edit(path, **changes)
    slot = keyslots.read_slot(tmp_path, "passphrase", VAULT_ID)
    with pytest.raises(WrongPassphraseError):
        keyslots.open_slot(slot, b"correct horse")


@pytest.mark.parametrize("changes", [
    {"kind": "recovery"},
    {"vault_id": "f" * 32},
    {"version": 2},
    {"version": True},
    {"format": "other"},
    {"kdf": "scrypt"},
    {"params": {"memory_kib": 1 << 40, "iterations": 1, "lanes": 1}},
    {"params": {"memory_kib": 64, "iterations": 1}},
    {"params": [64, 1, 1]},
    {"salt": "not base64!"},
    {"salt": base64.b64encode(bytes(8)).decode()},
    {"wrapped_key": 5},
    {"extra": 1},
])
def test_malformed_slots_are_damaged(tmp_path: Path, changes: dict[str, object]) -> None:
    _, path = _slot(tmp_path)
    _edit(path, **changes)
    with pytest.raises(VaultDamagedError):
        keyslots.read_slot(tmp_path, "passphrase", VAULT_ID)


@pytest.mark.parametrize("content", [b"", b"\xff\xfe", b"[]", b"{" * 5000, b"null"])
def test_garbage_slot_files_are_damaged(tmp_path: Path, content: bytes) -> None:
    keyslots.slot_path(tmp_path, "passphrase").write_bytes(content)
    with pytest.raises(VaultDamagedError):
        keyslots.read_slot(tmp_path, "passphrase", VAULT_ID)


def test_recovery_codes_are_random_grouped_and_forgiving() -> None:
    code = keyslots.new_recovery_code()
    groups = code.split("-")
    assert [len(g) for g in groups] == [4] * 6
    assert set(code.replace("-", "")) <= set(keyslots.RECOVERY_ALPHABET)
    assert code != keyslots.new_recovery_code()
    canonical = keyslots.recovery_secret(code)
    assert keyslots.recovery_secret(" ".join(groups).lower()) == canonical
    assert keyslots.recovery_secret(code.replace("-", "") + "\n") == canonical


@pytest.mark.parametrize(
    "bad", ["", "ABCD", "A" * 23, "A" * 25, "0" * 24, "1BCDEFGHIJKLMNOPQRSTUVWX"]
)
def test_malformed_recovery_code_is_a_user_error(bad: str) -> None:
    with pytest.raises(UserError):
        keyslots.recovery_secret(bad)


def test_passphrases_are_nfc_normalized() -> None:
    assert keyslots.passphrase_secret("cafe\u0301") == keyslots.passphrase_secret("caf\u00e9")
