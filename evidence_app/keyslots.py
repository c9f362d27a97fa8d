"""Key slots: the vault's random master key, wrapped by a passphrase or by a recovery code.

A slot is a small JSON file (see docs/vault-format.md)::

    {"format": "evidence-vault-keyslot", "version": 1, "kind": "passphrase",
     "vault_id": "<32 hex>", "kdf": "argon2id",
     "params": {"memory_kib": ..., "iterations": ..., "lanes": ...},
     "salt": "<base64, 16 bytes>", "wrapped_key": "<base64>"}

``wrapped_key`` is ``crypto.kdf.seal(Argon2id(secret, salt, params), master_key, aad)``
where ``aad`` is the canonical JSON of every other field, so the kind, vault id and
parameters cannot be altered without the slot failing to open. The parameters and salt
are stored per slot, so they can be raised later by rewrapping the same master key.

Passphrases are NFC-normalized UTF-8. Recovery codes are 24 characters of the RFC 4648
base32 alphabet (120 random bits), shown in groups of four; case, spaces and dashes do
not matter when typed back.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import secrets
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from crypto import kdf
from crypto.errors import WrongPassphraseError
from evidence_app.db import VaultDamagedError
from evidence_app.errors import UserError
from evidence_app.i18n import _, ngettext
from evidence_app.paths import atomic_write

SlotKind = Literal["passphrase", "recovery"]
SLOT_KINDS: tuple[SlotKind, ...] = ("passphrase", "recovery")
_FORMAT = "evidence-vault-keyslot"
_VERSION = 1
_MAX_SLOT_BYTES = 4096
_FIELDS = {"format", "version", "kind", "vault_id", "kdf", "params", "salt", "wrapped_key"}

# Test-only switch: with EVIDENCE_APP_TEST_KDF=fast, slots may be written with TEST_KDF
# (tiny Argon2id parameters) so tests run fast. Read only in :func:`test_kdf_active`.
TEST_KDF_ENV = "EVIDENCE_APP_TEST_KDF"
TEST_KDF = kdf.Argon2Params(memory_kib=64, iterations=1, lanes=1)

RECOVERY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
RECOVERY_LENGTH = 24
_RECOVERY_GROUP = 4
_RECOVERY_RE = re.compile(f"[{RECOVERY_ALPHABET}]{{{RECOVERY_LENGTH}}}")


@dataclass(frozen=True)
class KeySlot:
    """One parsed key slot (no secrets in clear: the master key is wrapped)."""

    kind: SlotKind
    vault_id: str
    params: kdf.Argon2Params
    salt: bytes
    wrapped_key: bytes

    def _header(self) -> dict[str, object]:
        return {
            "format": _FORMAT,
            "version": _VERSION,
            "kind": self.kind,
            "vault_id": self.vault_id,
            "kdf": "argon2id",
            "params": self.params.to_dict(),
            "salt": base64.b64encode(self.salt).decode("ascii"),
        }

    def aad(self) -> bytes:
        """The authenticated header: canonical JSON of every field but the wrapped key."""
        return _canonical(self._header())

    def to_bytes(self) -> bytes:
        """The slot file's contents."""
        body = dict(self._header(), wrapped_key=base64.b64encode(self.wrapped_key).decode())
        return _canonical(body) + b"\n"


def _canonical(obj: dict[str, object]) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode("utf-8")


def slot_path(vault_dir: Path, kind: SlotKind) -> Path:
    """Where the slot of this kind lives in a vault folder."""
    return vault_dir / f"keyslot-{kind}.json"


def passphrase_secret(passphrase: str) -> bytes:
    """The bytes Argon2id stretches for a passphrase: NFC-normalized UTF-8."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def new_recovery_code() -> str:
    """A fresh recovery code: 24 random base32 characters in groups of four."""
    code = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
    groups = [code[i : i + _RECOVERY_GROUP] for i in range(0, RECOVERY_LENGTH, _RECOVERY_GROUP)]
    return "-".join(groups)


def recovery_secret(untrusted_code: str) -> bytes:
    """The bytes Argon2id stretches for a recovery code as typed (case, spaces, dashes ignored)."""
    code = "".join(ch for ch in untrusted_code.upper() if ch not in " -\t\r\n")
    if not _RECOVERY_RE.fullmatch(code):
        raise UserError(ngettext(
            "a recovery code has {n} character: letters A-Z and digits 2-7",
            "a recovery code has {n} characters: letters A-Z and digits 2-7",
            RECOVERY_LENGTH).format(n=RECOVERY_LENGTH))
    return code.encode("ascii")


def test_kdf_active() -> bool:
    """True if the test-only weak-KDF switch is set (the one place the variable is read).

    A packaged (frozen) build never honours it: what documenters run always derives
    production-strength keys, whatever the environment says.
    """
    if getattr(sys, "frozen", False):
        return False
    return os.environ.get(TEST_KDF_ENV) == "fast"


def at_least(params: kdf.Argon2Params, floor: kdf.Argon2Params) -> bool:
    """True if ``params`` costs an attacker at least as much as ``floor`` (memory, passes)."""
    return params.memory_kib >= floor.memory_kib and params.iterations >= floor.iterations


def make_slot(
    kind: SlotKind,
    vault_id: str,
    secret: bytes,
    master_key: bytes | bytearray,
    params: kdf.Argon2Params,
) -> KeySlot:
    """Wrap ``master_key`` under ``secret`` with a fresh salt (one Argon2id run).

    Parameters below ``crypto.kdf.DEFAULT`` are refused unless the test-only switch is
    set: a slot written with them would fall to a fast passphrase guessing attack.
    """
    if not at_least(params, kdf.DEFAULT) and not test_kdf_active():
        raise UserError(_("refusing key derivation parameters below the production minimum"))
    salt = secrets.token_bytes(kdf.SALT_SIZE)
    unsealed = KeySlot(kind, vault_id, params, salt, b"")
    key = kdf.derive_key(secret, salt, params)
    wrapped = kdf.seal(key, bytes(master_key), aad=unsealed.aad())
    return KeySlot(kind, vault_id, params, salt, wrapped)


def open_slot(slot: KeySlot, secret: bytes) -> bytearray:
    """Unwrap the master key (one Argon2id run); WrongPassphraseError if ``secret`` is wrong."""
    key = kdf.derive_key(secret, slot.salt, slot.params)
    try:
        master = kdf.unseal(key, slot.wrapped_key, aad=slot.aad())
    except WrongPassphraseError:
        word = "passphrase" if slot.kind == "passphrase" else "recovery code"
        raise WrongPassphraseError(f"wrong {word}") from None
    if len(master) != 32:
        raise VaultDamagedError(_("{file} holds a key of the wrong size").format(
            file=slot_path(Path(), slot.kind).name))
    return bytearray(master)


def write_slot(vault_dir: Path, slot: KeySlot) -> None:
    """Write (or replace) the slot file atomically and durably."""
    atomic_write(slot_path(vault_dir, slot.kind), slot.to_bytes())


def read_slot(vault_dir: Path, kind: SlotKind, vault_id: str) -> KeySlot:
    """Read and strictly parse a slot; VaultDamagedError if it is malformed or foreign."""
    path = slot_path(vault_dir, kind)
    with open(path, "rb") as fh:
        untrusted = fh.read(_MAX_SLOT_BYTES + 1)
    if len(untrusted) > _MAX_SLOT_BYTES:
        raise VaultDamagedError(_("{file} is too large").format(file=path.name))
    try:
        obj = json.loads(untrusted.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise VaultDamagedError(_("{file} is not valid JSON").format(file=path.name)) from None
    if not isinstance(obj, dict) or set(obj) != _FIELDS:
        raise VaultDamagedError(_("{file} has unexpected fields").format(file=path.name))
    if type(obj["version"]) is not int or (obj["format"], obj["version"], obj["kdf"]) != (
        _FORMAT, _VERSION, "argon2id"
    ):
        raise VaultDamagedError(_("{file} has an unknown format").format(file=path.name))
    if obj["kind"] != kind or obj["vault_id"] != vault_id:
        raise VaultDamagedError(_("{file} belongs to another key slot or vault").format(
            file=path.name))
    params_obj = obj["params"]
    if not isinstance(params_obj, dict):
        raise VaultDamagedError(_("{file} has malformed parameters").format(file=path.name))
    try:
        params = kdf.Argon2Params.from_dict(params_obj)
    except WrongPassphraseError:
        raise VaultDamagedError(_("{file} has invalid parameters").format(
            file=path.name)) from None
    salt = _b64(obj["salt"], kind)
    wrapped = _b64(obj["wrapped_key"], kind)
    if len(salt) != kdf.SALT_SIZE:
        raise VaultDamagedError(_("{file} has a malformed salt").format(file=path.name))
    return KeySlot(kind, vault_id, params, salt, wrapped)


def _b64(untrusted: object, kind: SlotKind) -> bytes:
    if not isinstance(untrusted, str):
        raise VaultDamagedError(_("{file} has a malformed field").format(
            file=slot_path(Path(), kind).name))
    try:
        return binascii.a2b_base64(untrusted.encode("ascii"), strict_mode=True)
    except (binascii.Error, UnicodeEncodeError):
        raise VaultDamagedError(_("{file} has malformed base64").format(
            file=slot_path(Path(), kind).name)) from None
