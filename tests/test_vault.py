"""The vault: create/open/lock, key slots, passphrase change, shredding, transactions."""

from __future__ import annotations

import io
import json
import os
import re
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from crypto import kdf
from crypto.errors import WrongPassphraseError
from evidence_app import vault as vault_mod
from evidence_app.errors import UserError
from evidence_app.vault import NoVaultError, Vault, VaultBusyError, VaultLockedError

FAST = kdf.Argon2Params(memory_kib=64, iterations=1, lanes=1)
PASS = "correct horse battery staple"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def made(tmp_path: Path) -> Iterator[tuple[Vault, str]]:
    vault, code = Vault.create(tmp_path / "vault", PASS, "Alice Field", kdf_params=FAST)
    yield vault, code
    vault.lock()


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file and folder under ``folder``: mode and bytes."""
    out = {}
    for p in sorted(folder.rglob("*")):
        st = p.stat()
        out[str(p.relative_to(folder))] = (st.st_mode, p.read_bytes() if p.is_file() else b"")
    return out


def test_create_makes_a_private_vault_folder(made: tuple[Vault, str]) -> None:
    vault, code = made
    assert Vault.exists(vault.path)
    assert stat.S_IMODE(vault.path.stat().st_mode) == 0o700
    names = {p.name for p in vault.path.iterdir()}
    assert {"vault.json", "keyslot-passphrase.json", "keyslot-recovery.json", "vault.db",
            "blobs", "tmp", "vault.lock"} <= names
    for p in vault.path.rglob("*"):
        assert stat.S_IMODE(p.stat().st_mode) in (0o700, 0o600), p.name
    assert re.fullmatch(r"([A-Z2-7]{4}-){5}[A-Z2-7]{4}", code)
    assert re.fullmatch(r"\d{5}( \d{5}){11}", vault.fingerprint())
    everything = b"".join(p.read_bytes() for p in vault.path.rglob("*") if p.is_file())
    for secret in (PASS, code, code.replace("-", ""), "Alice Field"):
        assert secret.encode() not in everything
    # No staging folder is left next to the vault.
    assert [p.name for p in vault.path.parent.iterdir()] == ["vault"]


def test_create_leaves_the_parent_folder_mode_alone(tmp_path: Path) -> None:
    parent = tmp_path / "Documents"
    parent.mkdir(mode=0o755)
    os.chmod(parent, 0o755)  # noqa: S103 - a typical user folder
    vault, _ = Vault.create(parent / "vault", PASS, "A", kdf_params=FAST)
    vault.lock()
    assert stat.S_IMODE(parent.stat().st_mode) == 0o755
    assert stat.S_IMODE((parent / "vault").stat().st_mode) == 0o700


def test_create_removes_what_a_crashed_creation_left(tmp_path: Path) -> None:
    stale = tmp_path / ".vault.creating-0011223344556677"
    stale.mkdir()
    (stale / "keyslot-passphrase.json").write_text("{}")
    vault, _ = Vault.create(tmp_path / "vault", PASS, "A", kdf_params=FAST)
    vault.lock()
    assert [p.name for p in tmp_path.iterdir()] == ["vault"]


def test_create_refuses_non_empty_folder_but_takes_an_empty_one(tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(UserError):
        Vault.create(tmp_path / "full", PASS, "A", kdf_params=FAST)
    (tmp_path / "empty").mkdir()
    vault, _ = Vault.create(tmp_path / "empty", PASS, "A", kdf_params=FAST)
    vault.lock()
    with pytest.raises(UserError):
        Vault.create(tmp_path / "empty", PASS, "A", kdf_params=FAST)


def test_create_refuses_an_empty_passphrase_or_bad_name(tmp_path: Path) -> None:
    with pytest.raises(UserError):
        Vault.create(tmp_path / "v", "   ", "A", kdf_params=FAST)
    with pytest.raises(UserError):
        Vault.create(tmp_path / "v", PASS, "bad\nname", kdf_params=FAST)
    assert list(tmp_path.iterdir()) == []


def test_calibrated_default_kdf_params_are_used_when_none_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    used: list[kdf.Argon2Params] = []

    def fake_derive(secret: bytes, salt: bytes, params: kdf.Argon2Params, length: int = 32
                    ) -> bytes:
        used.append(params)
        return (secret + salt)[:32].ljust(32, b"\0")

    real_calibrate = kdf.calibrate
    # A very fast machine: calibration raises memory to its cap, then passes.
    monkeypatch.setattr(kdf, "calibrate", lambda: real_calibrate(timer=lambda p: 0.01))
    monkeypatch.setattr(kdf, "derive_key", fake_derive)
    vault, code = Vault.create(tmp_path / "v", PASS, "A")
    vault.lock()
    expected = real_calibrate(timer=lambda p: 0.01)
    assert used == [expected, expected]
    assert expected.meets_minimum() and expected.memory_kib > kdf.DEFAULT.memory_kib
    for kind in ("passphrase", "recovery"):
        slot = json.loads((tmp_path / "v" / f"keyslot-{kind}.json").read_text())
        assert slot["params"] == expected.to_dict()


def test_calibration_never_goes_below_the_default_floor() -> None:
    slow = kdf.calibrate(timer=lambda p: 30.0)  # a very slow machine
    assert slow == kdf.DEFAULT
    assert kdf.DEFAULT.memory_kib >= 256 * 1024 and kdf.DEFAULT.iterations >= 3


def test_open_lock_reopen_and_recovery(made: tuple[Vault, str]) -> None:
    vault, code = made
    path, fingerprint = vault.path, vault.fingerprint()
    vault.lock()
    again = Vault.open(path, PASS)
    assert again.fingerprint() == fingerprint
    again.lock()
    typed = code.lower().replace("-", " ")
    recovered = Vault.open_with_recovery(path, typed)
    assert recovered.fingerprint() == fingerprint
    recovered.lock()


def test_default_path_is_in_the_user_data_dir(_private_home: Path) -> None:
    expected = _private_home / ".local" / "share" / "evidence-vault" / "vault"
    assert Vault.default_path() == expected


@pytest.mark.parametrize("how", ["passphrase", "recovery"])
def test_wrong_secret_changes_nothing(made: tuple[Vault, str], how: str) -> None:
    vault, code = made
    path = vault.path
    vault.lock()
    (path / "tmp" / "stale.part").write_bytes(b"left by a crash")
    before = snapshot(path)
    if how == "passphrase":
        with pytest.raises(WrongPassphraseError, match="^wrong passphrase$"):
            Vault.open(path, PASS + "!")
    else:
        wrong = "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"
        assert wrong != code
        with pytest.raises(WrongPassphraseError, match="^wrong recovery code$"):
            Vault.open_with_recovery(path, wrong)
    assert snapshot(path) == before
    # The right secret afterwards works, and cleans the stale temp file.
    Vault.open(path, PASS).lock()
    assert list((path / "tmp").iterdir()) == []


def test_a_second_open_is_refused_while_open(made: tuple[Vault, str]) -> None:
    vault, _ = made
    with pytest.raises(VaultBusyError):
        Vault.open(vault.path, PASS)
    vault.lock()
    Vault.open(vault.path, PASS).lock()


def test_no_vault_here(tmp_path: Path) -> None:
    assert not Vault.exists(tmp_path)
    with pytest.raises(NoVaultError):
        Vault.open(tmp_path, PASS)


def test_locked_vault_refuses_use(made: tuple[Vault, str]) -> None:
    vault, _ = made
    blobs = vault.blobs
    ref = blobs.write(io.BytesIO(b"evidence"))
    vault.lock()
    vault.lock()  # idempotent
    assert vault.is_locked
    for use in (lambda: vault.db, lambda: vault.identity, lambda: vault.blobs,
                vault.fingerprint, vault.list_contacts,
                lambda: vault.transaction().__enter__(),
                lambda: vault.change_passphrase(PASS, "new one"),
                vault.shred, lambda: blobs.open(ref.blob_id, ref.key)):
        with pytest.raises(VaultLockedError):
            use()


def test_change_passphrase_rewraps_only(made: tuple[Vault, str]) -> None:
    vault, code = made
    ref = vault.blobs.write(io.BytesIO(b"photo bytes"))
    with vault.transaction() as con:
        con.execute("INSERT INTO meta(key, value) VALUES ('k', 'v')")
    path = vault.path
    vault.lock()
    vault = Vault.open(path, PASS)
    before = snapshot(path)
    with pytest.raises(WrongPassphraseError):
        vault.change_passphrase("not it", "new passphrase")
    assert snapshot(path) == before
    vault.change_passphrase(PASS, "new passphrase")
    after = snapshot(path)
    changed = {k for k in before if before[k] != after.get(k)} | (after.keys() - before.keys())
    assert changed == {"keyslot-passphrase.json"}
    vault.lock()
    with pytest.raises(WrongPassphraseError):
        Vault.open(path, PASS)
    vault = Vault.open(path, "new passphrase")
    with vault.blobs.open(ref.blob_id, ref.key) as fh:
        assert fh.read() == b"photo bytes"
    vault.lock()
    Vault.open_with_recovery(path, code).lock()


def test_recovery_sets_a_new_passphrase(made: tuple[Vault, str]) -> None:
    vault, code = made
    path = vault.path
    vault.lock()
    Vault.open_with_recovery(path, code, new_passphrase="fresh start").lock()
    with pytest.raises(WrongPassphraseError):
        Vault.open(path, PASS)
    Vault.open(path, "fresh start").lock()


def test_open_with_params_raises_them(made: tuple[Vault, str]) -> None:
    vault, _ = made
    path = vault.path
    vault.lock()
    stronger = kdf.Argon2Params(memory_kib=128, iterations=2, lanes=1)
    Vault.open(path, PASS, kdf_params=stronger).lock()
    slot = json.loads((path / "keyslot-passphrase.json").read_text())
    assert slot["params"] == stronger.to_dict()
    Vault.open(path, PASS).lock()


def test_shred_makes_the_vault_unopenable(made: tuple[Vault, str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    vault, code = made
    path = vault.path
    vault.blobs.write(io.BytesIO(b"evidence"))
    # Even if deleting the database and blobs fails, the key slots are already gone.
    monkeypatch.setattr(vault_mod.shutil, "rmtree", lambda *a, **k: None)
    vault.shred()
    assert vault.is_locked
    assert (path / "vault.db").exists()
    assert not list(path.glob("keyslot-*"))
    assert not Vault.exists(path)
    with pytest.raises(NoVaultError):
        Vault.open(path, PASS)
    with pytest.raises(NoVaultError):
        Vault.open_with_recovery(path, code)


def test_shred_deletes_the_folder(made: tuple[Vault, str]) -> None:
    vault, code = made
    path = vault.path
    vault.shred()
    assert not path.exists()
    with pytest.raises(NoVaultError):
        Vault.open_with_recovery(path, code)


def test_transactions_commit_roll_back_and_nest(made: tuple[Vault, str]) -> None:
    vault, _ = made

    def keys() -> list[str]:
        return [r[0] for r in vault.db.execute("SELECT key FROM meta WHERE key LIKE 't%' "
                                               "ORDER BY key")]

    with vault.transaction() as con:
        con.execute("INSERT INTO meta VALUES ('t1', '')")
    with pytest.raises(RuntimeError), vault.transaction() as con:
        con.execute("INSERT INTO meta VALUES ('t2', '')")
        raise RuntimeError("abort")
    with vault.transaction() as con:
        con.execute("INSERT INTO meta VALUES ('t3', '')")
        with pytest.raises(RuntimeError), vault.transaction() as inner:
            inner.execute("INSERT INTO meta VALUES ('t4', '')")
            raise RuntimeError("inner abort")
        con.execute("INSERT INTO meta VALUES ('t5', '')")
    assert keys() == ["t1", "t3", "t5"]
    assert not vault.db.in_transaction


_KILL_SCRIPT = """
import os, signal, sys
from evidence_app.vault import Vault
v = Vault.open(sys.argv[1], sys.argv[2])
with v.transaction() as con:
    con.execute("INSERT INTO meta VALUES ('saved', 'yes')")
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_returned_save_survives_kill_9(made: tuple[Vault, str]) -> None:
    vault, _ = made
    path = vault.path
    vault.lock()
    proc = subprocess.run([sys.executable, "-c", _KILL_SCRIPT, str(path), PASS], cwd=ROOT,
                          capture_output=True, timeout=120, check=False)
    assert proc.returncode == -9, proc.stderr
    vault = Vault.open(path, PASS)
    assert vault.db.execute("SELECT value FROM meta WHERE key = 'saved'").fetchone() == ("yes",)
    vault.lock()


@pytest.mark.parametrize("marker", [b"", b"\xff", b"[]", b'{"format": "evidence-vault"}',
                                    b'{"format": "evidence-vault", "version": 1, "vault_id": 5}',
                                    b'{"format": "x", "version": 1, "vault_id": ""}'])
def test_damaged_marker_is_reported(made: tuple[Vault, str], marker: bytes) -> None:
    vault, _ = made
    vault.lock()
    (vault.path / "vault.json").write_bytes(marker)
    with pytest.raises(vault_mod.VaultDamagedError):
        Vault.open(vault.path, PASS)


def test_marker_of_another_vault_does_not_open_the_slots(tmp_path: Path) -> None:
    a, _ = Vault.create(tmp_path / "a", PASS, "A", kdf_params=FAST)
    b, _ = Vault.create(tmp_path / "b", PASS, "B", kdf_params=FAST)
    a.lock()
    b.lock()
    (tmp_path / "a" / "vault.json").write_bytes((tmp_path / "b" / "vault.json").read_bytes())
    with pytest.raises(vault_mod.VaultDamagedError):
        Vault.open(tmp_path / "a", PASS)


def test_newer_vault_format_is_refused(made: tuple[Vault, str]) -> None:
    vault, _ = made
    vault.lock()
    marker = json.loads((vault.path / "vault.json").read_text())
    (vault.path / "vault.json").write_text(json.dumps(dict(marker, version=2)))
    with pytest.raises(UserError, match="newer version"):
        Vault.open(vault.path, PASS)


def test_damaged_identity_row_is_reported(made: tuple[Vault, str]) -> None:
    vault, _ = made
    with vault.transaction() as con:
        con.execute("UPDATE identity SET sealed = ? WHERE id = 1", (b"\x01" + bytes(60),))
    vault.lock()
    with pytest.raises(vault_mod.VaultDamagedError, match="identity"):
        Vault.open(vault.path, PASS)
    # The folder lock was released: a retry is not refused as busy.
    with pytest.raises(vault_mod.VaultDamagedError):
        Vault.open(vault.path, PASS)


def test_lock_zeroes_the_keys_it_holds(made: tuple[Vault, str]) -> None:
    vault, _ = made
    master = vault._master
    store_key = vault.blobs._store_key
    assert master is not None and store_key is not None and any(master) and any(store_key)
    vault.lock()
    assert master == bytearray(32) and store_key == bytearray(32)


def test_transactions_from_several_threads_are_serialized(made: tuple[Vault, str]) -> None:
    vault, _ = made
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(30):
                with vault.transaction() as con:
                    con.execute("INSERT INTO meta VALUES (?, '')", (f"w{n}-{i}",))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert vault.db.execute("SELECT count(*) FROM meta WHERE key LIKE 'w%'").fetchone() == (120,)
