"""The vault: a private folder holding key slots, a SQLCipher database and encrypted blobs.

Keys: a random 32-byte master key is wrapped twice (passphrase slot, recovery slot; see
:mod:`evidence_app.keyslots`). Everything else is derived from it with HKDF-SHA-256
(salt = the vault id, one info label per use): the database key, the key that seals my
identity, and the blob store key. Destroying both slots (:meth:`Vault.shred`) makes the
whole vault unreadable at once. The format is described in docs/vault-format.md.

One process at a time: an open vault holds an exclusive lock on ``vault.lock``; a second
open fails with :class:`VaultBusyError` instead of racing on the same files.
"""

from __future__ import annotations

import contextlib
import glob
import hmac
import json
import os
import secrets
import shutil
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import sqlcipher3
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crypto import kdf
from crypto.errors import CryptoError
from crypto.identity import MAX_NAME_CHARS, KeyCard, PersonalIdentity
from evidence_app import keyslots
from evidence_app.blobstore import BlobStore, clean_tmp
from evidence_app.db import VaultDamagedError, VaultLockedError, open_database
from evidence_app.errors import UserError
from evidence_app.i18n import _, ngettext
from evidence_app.keyslots import KeySlot, SlotKind
from evidence_app.paths import (
    atomic_write,
    default_vault_path,
    fsync_dir,
    make_private_dir,
    overwrite_and_delete,
)
from evidence_app.schema import migrate

__all__ = [
    "Contact",
    "NoVaultError",
    "Vault",
    "VaultBusyError",
    "VaultDamagedError",
    "VaultLockedError",
]

_MARKER = "vault.json"
_DB = "vault.db"
_LOCK = "vault.lock"
_FORMAT = "evidence-vault"
_VERSION = 1
_INFO_DB = b"evidence-vault/v1 database"
_INFO_IDENTITY = b"evidence-vault/v1 identity"
_INFO_BLOBS = b"evidence-vault/v1 blob store"
_MAX_VERIFIED_HOW = 200


class NoVaultError(UserError):
    """There is no vault at this location (never created, or shredded)."""


class VaultBusyError(UserError):
    """The vault is open in another window or process."""


@dataclass(frozen=True, repr=False)
class Contact:
    """Someone whose key card I hold, and how far I trust it.

    Equality ignores ``card`` object identity: the fingerprint already names the card.
    The repr shows no name, since reprs end up in logs.
    """

    id: str
    name: str
    fingerprint: str
    card: KeyCard = field(compare=False)
    trusted: bool
    may_see_identities: bool
    verified_at: str | None
    verified_how: str | None
    added_at: str

    def __repr__(self) -> str:
        return f"Contact(id={self.id!r}, fingerprint={self.fingerprint!r})"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _derive(master: bytearray, vault_id: str, info: bytes) -> bytearray:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=bytes.fromhex(vault_id), info=info)
    return bytearray(hkdf.derive(master))


MIN_PASSPHRASE_CHARS = 10


def _check_passphrase(passphrase: str) -> bytes:
    """A new passphrase: at least MIN_PASSPHRASE_CHARS characters, not counting leading and
    trailing whitespace (a seized vault is attacked by guessing it offline)."""
    if len(passphrase.strip()) < MIN_PASSPHRASE_CHARS:
        raise UserError(ngettext(
            "the passphrase must have at least {n} character (several words are easier to "
            "remember)", "the passphrase must have at least {n} characters (several words are "
            "easier to remember)", MIN_PASSPHRASE_CHARS).format(n=MIN_PASSPHRASE_CHARS))
    return keyslots.passphrase_secret(passphrase)


def _read_marker(path: Path) -> str:
    """The vault id from ``vault.json``; NoVaultError / VaultDamagedError otherwise."""
    if not Vault.exists(path):
        raise NoVaultError(_("there is no vault at this location"))
    try:
        with open(path / _MARKER, "rb") as fh:
            untrusted = json.loads(fh.read(4096).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise VaultDamagedError(_("the vault marker file (vault.json) is not valid JSON")) from None
    if (
        not isinstance(untrusted, dict)
        or untrusted.get("format") != _FORMAT
        or type(untrusted.get("version")) is not int
    ):
        raise VaultDamagedError(_("the vault marker file (vault.json) is malformed"))
    if untrusted["version"] > _VERSION:
        raise UserError(_("this vault was made by a newer version of the app; update the app"))
    vault_id = untrusted.get("vault_id")
    if not isinstance(vault_id, str) or len(vault_id) != 32 or vault_id.strip("0123456789abcdef"):
        raise VaultDamagedError(_("the vault marker file (vault.json) has a malformed vault ID"))
    return vault_id


class _FolderLock:
    """An exclusive, non-blocking lock on ``vault.lock`` for as long as the vault is open."""

    def __init__(self, path: Path) -> None:
        fh = open(path, "a+b")  # noqa: SIM115 - held open until release()
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise VaultBusyError(_("the vault is open in another window or process")) from None
        self._fh: IO[bytes] | None = fh

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()  # closing the file releases the lock
            self._fh = None


class Vault:
    """An unlocked vault. Make one with :meth:`create`, :meth:`open` or
    :meth:`open_with_recovery`; :meth:`lock` when done."""

    path: Path

    def __init__(self, path: Path, vault_id: str, master: bytearray, folder_lock: _FolderLock):
        """Internal: use create/open. Takes ownership of ``master`` and ``folder_lock``."""
        self.path = path
        self._vault_id = vault_id
        self._master: bytearray | None = master
        self._folder_lock: _FolderLock | None = folder_lock
        self._tx_lock = threading.RLock()
        self._tx_depth = 0
        db_key = _derive(master, vault_id, _INFO_DB)
        identity_key = _derive(master, vault_id, _INFO_IDENTITY)
        blob_key = _derive(master, vault_id, _INFO_BLOBS)
        try:
            self._db: sqlcipher3.Connection | None = open_database(path / _DB, db_key)
            try:
                try:
                    migrate(self._db)
                    row = self._db.execute("SELECT sealed FROM identity WHERE id = 1").fetchone()
                except sqlcipher3.OperationalError:
                    raise
                except sqlcipher3.DatabaseError:  # a damaged page (its HMAC fails)
                    raise VaultDamagedError(_("the vault database is damaged: its schema or "
                                              "identity pages cannot be read")) from None
                if row is None:
                    raise VaultDamagedError(_("the vault has no identity"))
                try:
                    self._identity: PersonalIdentity | None = PersonalIdentity.unseal(
                        bytes(row[0]), bytes(identity_key)
                    )
                except CryptoError:
                    raise VaultDamagedError(_("the vault's identity does not open")) from None
                self._blobs: BlobStore | None = BlobStore(path / "blobs", path / "tmp", blob_key)
            except BaseException:
                self._db.close()
                raise
        except BaseException:
            master[:] = bytes(32)
            folder_lock.release()
            raise
        finally:
            for key in (db_key, identity_key, blob_key):
                key[:] = bytes(32)

    # --- finding, creating, opening ------------------------------------------------

    @staticmethod
    def exists(path: Path) -> bool:
        """True if ``path`` holds a vault (its marker and passphrase slot are there)."""
        path = Path(path)
        return (path / _MARKER).is_file() and keyslots.slot_path(path, "passphrase").is_file()

    @staticmethod
    def default_path() -> Path:
        """The per-user vault folder (platformdirs user data dir / "vault")."""
        return default_vault_path()

    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        name: str,
        *,
        kdf_params: kdf.Argon2Params | None = None,
    ) -> tuple[Vault, str]:
        """Create a new vault with a fresh identity; returns it open, and the recovery code.

        The recovery code is shown to the person once and never stored in clear. The folder
        is built under a temporary name next to ``path`` and renamed into place, so a crash
        never leaves half a vault. ``kdf_params`` defaults to ``crypto.kdf.calibrate()``:
        about 1 s on this machine, never below ``crypto.kdf.DEFAULT`` (256 MiB, 3 passes).
        """
        path = Path(path)
        secret = _check_passphrase(passphrase)
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise UserError(_("the vault folder already exists and is not empty"))
        try:
            identity = PersonalIdentity.generate(name)
        except ValueError:
            raise UserError(ngettext(
                "the name must have 1 to {n} character, without control characters or "
                "spaces at either end", "the name must have 1 to {n} characters, without "
                "control characters or spaces at either end", MAX_NAME_CHARS).format(
                    n=MAX_NAME_CHARS)) from None
        params = kdf_params or kdf.calibrate()
        vault_id = secrets.token_hex(16)
        master = bytearray(secrets.token_bytes(32))
        code = keyslots.new_recovery_code()
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # an existing one: as is
        for stale in path.parent.glob(f".{glob.escape(path.name)}.creating-*"):
            shutil.rmtree(stale, ignore_errors=True)  # left by a creation that crashed
        staging = path.parent / f".{path.name}.creating-{secrets.token_hex(8)}"
        make_private_dir(staging)
        try:
            marker = {"format": _FORMAT, "version": _VERSION, "vault_id": vault_id}
            atomic_write(staging / _MARKER, json.dumps(marker, sort_keys=True).encode() + b"\n")
            slot_secrets: dict[SlotKind, bytes] = {
                "passphrase": secret,
                "recovery": keyslots.recovery_secret(code),
            }
            for kind, slot_secret in slot_secrets.items():
                keyslots.write_slot(
                    staging, keyslots.make_slot(kind, vault_id, slot_secret, master, params)
                )
            (staging / _LOCK).touch(mode=0o600)
            for folder in ("blobs", "tmp"):
                make_private_dir(staging / folder)
            db_key = _derive(master, vault_id, _INFO_DB)
            identity_key = _derive(master, vault_id, _INFO_IDENTITY)
            con = open_database(staging / _DB, db_key)
            try:
                migrate(con)
                con.execute("BEGIN IMMEDIATE")
                con.execute("INSERT INTO identity(id, sealed) VALUES (1, ?)",
                            (identity.seal(bytes(identity_key)),))
                con.executemany("INSERT INTO meta(key, value) VALUES (?, ?)",
                                [("vault_id", vault_id), ("created_at", _now())])
                con.execute("COMMIT")
            finally:
                con.close()
                db_key[:] = bytes(32)
                identity_key[:] = bytes(32)
            fsync_dir(staging)
            if path.exists():
                path.rmdir()  # an empty folder chosen by the person
            os.rename(staging, path)
            fsync_dir(path.parent)
        except BaseException:
            master[:] = bytes(32)
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return cls(path, vault_id, master, _FolderLock(path / _LOCK)), code

    @classmethod
    def open(
        cls, path: Path, passphrase: str, *, kdf_params: kdf.Argon2Params | None = None
    ) -> Vault:
        """Unlock with the passphrase; WrongPassphraseError("wrong passphrase") otherwise.

        A failed attempt changes nothing on disk. If ``kdf_params`` is given and is at
        least as strong as the slot's (memory and passes), the passphrase slot is rewrapped
        with them after unlocking: parameters are only ever raised, never lowered.
        """
        path = Path(path)
        secret = keyslots.passphrase_secret(passphrase)
        return cls._unlock(path, "passphrase", secret, kdf_params, new_passphrase=None)

    @classmethod
    def open_with_recovery(
        cls,
        path: Path,
        recovery_code: str,
        *,
        new_passphrase: str | None = None,
        kdf_params: kdf.Argon2Params | None = None,
    ) -> Vault:
        """Unlock with the recovery code; with ``new_passphrase``, also set a new passphrase
        (the forgotten-passphrase path), wrapped with ``kdf_params`` if they are at least as
        strong as the old passphrase slot's, else with the old slot's."""
        path = Path(path)
        secret = keyslots.recovery_secret(recovery_code)
        new_secret = None if new_passphrase is None else _check_passphrase(new_passphrase)
        return cls._unlock(path, "recovery", secret, kdf_params, new_passphrase=new_secret)

    @classmethod
    def _unlock(
        cls,
        path: Path,
        kind: SlotKind,
        secret: bytes,
        kdf_params: kdf.Argon2Params | None,
        new_passphrase: bytes | None,
    ) -> Vault:
        vault_id = _read_marker(path)
        try:
            slot = keyslots.read_slot(path, kind, vault_id)
        except FileNotFoundError:
            raise NoVaultError(_("the vault has no key slot file {file}").format(
                file=keyslots.slot_path(path, kind).name)) from None
        folder_lock = _FolderLock(path / _LOCK)
        try:
            master = keyslots.open_slot(slot, secret)
        except BaseException:
            folder_lock.release()
            raise
        clean_tmp(path / "tmp")
        vault = cls(path, vault_id, master, folder_lock)
        try:
            if new_passphrase is not None:
                params = vault._slot_params("passphrase")
                if kdf_params is not None and keyslots.at_least(kdf_params, params):
                    params = kdf_params
                vault._rewrap("passphrase", new_passphrase, params)
            elif (kdf_params is not None and kdf_params != slot.params
                  and keyslots.at_least(kdf_params, slot.params)):
                vault._rewrap(kind, secret, kdf_params)  # only ever upwards
        except BaseException:
            vault.lock()
            raise
        return vault

    # --- locking, keys -------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        """True once :meth:`lock` (or :meth:`shred`) ran."""
        return self._master is None

    def lock(self) -> None:
        """Close the database, zero the keys we hold, drop references. Idempotent.

        Python may still hold copies of key bytes we cannot reach (immutable ``bytes``
        inside libraries); the key material we own lives in bytearrays and is zeroed.
        """
        if self._db is not None:
            with self._tx_lock:
                self._db.close()
                self._db = None
        if self._blobs is not None:
            self._blobs.close()
            self._blobs = None
        self._identity = None
        if self._master is not None:
            self._master[:] = bytes(32)
            self._master = None
        if self._folder_lock is not None:
            self._folder_lock.release()
            self._folder_lock = None

    def _require_master(self) -> bytearray:
        if self._master is None:
            raise VaultLockedError(_("the vault is locked"))
        return self._master

    @property
    def db(self) -> sqlcipher3.Connection:
        """The database connection, for reads (write inside :meth:`transaction`).

        One connection is shared by all threads. A read from another thread while a
        transaction is open sees that transaction's uncommitted rows.
        """
        if self._db is None:
            raise VaultLockedError(_("the vault is locked"))
        return self._db

    @property
    def identity(self) -> PersonalIdentity:
        """My identity (signing and age keys), kept sealed in the database."""
        if self._identity is None:
            raise VaultLockedError(_("the vault is locked"))
        return self._identity

    @property
    def blobs(self) -> BlobStore:
        """The encrypted blob store of this vault."""
        if self._blobs is None:
            raise VaultLockedError(_("the vault is locked"))
        return self._blobs

    def fingerprint(self) -> str:
        """My fingerprint: 12 groups of 5 digits."""
        return str(self.identity.fingerprint())

    def change_passphrase(self, old: str, new: str) -> None:
        """Rewrap the master key under ``new``; the database and blobs are not touched.

        WrongPassphraseError("wrong passphrase") if ``old`` is not the current passphrase.
        """
        master = self._require_master()
        new_secret = _check_passphrase(new)
        slot = keyslots.read_slot(self.path, "passphrase", self._vault_id)
        unwrapped = keyslots.open_slot(slot, keyslots.passphrase_secret(old))
        try:
            if not hmac.compare_digest(bytes(unwrapped), bytes(master)):
                raise VaultDamagedError(_("the passphrase key slot holds another key"))
        finally:
            unwrapped[:] = bytes(32)
        self._rewrap("passphrase", new_secret, slot.params)

    def _slot_params(self, kind: SlotKind) -> kdf.Argon2Params:
        try:
            return keyslots.read_slot(self.path, kind, self._vault_id).params
        except (OSError, VaultDamagedError):
            return kdf.DEFAULT

    def _rewrap(self, kind: SlotKind, secret: bytes, params: kdf.Argon2Params) -> None:
        slot: KeySlot = keyslots.make_slot(
            kind, self._vault_id, secret, self._require_master(), params
        )
        keyslots.write_slot(self.path, slot)

    def shred(self) -> None:
        """Crypto-shred: overwrite and delete both key slots, then lock and delete the rest.

        Once the slots are gone nothing in the folder can be decrypted, even if deleting the
        database and blobs fails or leaves traces on disk.
        """
        self._require_master()
        for kind in keyslots.SLOT_KINDS:
            with contextlib.suppress(FileNotFoundError):
                overwrite_and_delete(keyslots.slot_path(self.path, kind))
        self.lock()
        with contextlib.suppress(FileNotFoundError):
            (self.path / _MARKER).unlink()
        shutil.rmtree(self.path, ignore_errors=True)
        with contextlib.suppress(OSError):
            fsync_dir(self.path.parent)

    # --- transactions --------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlcipher3.Connection]:
        """``BEGIN IMMEDIATE`` .. ``COMMIT`` (``ROLLBACK`` on any exception).

        Thread-safe: one transaction at a time across threads. Nested use becomes a
        SAVEPOINT, so an inner failure rolls back only the inner part.
        """
        with self._tx_lock:
            con = self.db
            depth = self._tx_depth
            name = f"sp{depth}"
            con.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT {name}")
            self._tx_depth += 1
            try:
                yield con
                con.execute("COMMIT" if depth == 0 else f"RELEASE {name}")
            except BaseException:
                if depth == 0:
                    if con.in_transaction:
                        con.execute("ROLLBACK")
                else:
                    con.execute(f"ROLLBACK TO {name}")
                    con.execute(f"RELEASE {name}")
                raise
            finally:
                self._tx_depth = depth

    # --- contacts ------------------------------------------------------------------

    def add_contact(
        self,
        card_text: str,
        *,
        trusted: bool = False,
        may_see_identities: bool = False,
        verified_how: str | None = None,
    ) -> Contact:
        """Add a contact from their key card text (KeyCardError if it does not verify).

        UserError if the card is mine or a contact with its fingerprint exists.
        """
        card = KeyCard.parse(card_text)
        fingerprint = str(card.fingerprint())
        if _digits(fingerprint) == _digits(self.fingerprint()):
            raise UserError(_("this is your own key card"))
        how = _clean_verified_how(verified_how)
        now = _now()
        contact_id = uuid.uuid4().hex
        with self.transaction() as con:
            if con.execute(
                "SELECT 1 FROM contacts WHERE fingerprint = ?", (fingerprint,)
            ).fetchone():
                raise UserError(_("a contact with this fingerprint already exists"))
            con.execute(
                "INSERT INTO contacts(id, fingerprint, name, card, trusted, may_see_identities,"
                " verified_at, verified_how, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (contact_id, fingerprint, card.name, card.to_text(), int(trusted),
                 int(may_see_identities), now if how else None, how, now),
            )
        return self.get_contact(contact_id)

    def list_contacts(self) -> list[Contact]:
        """All contacts, by name."""
        rows = self.db.execute(f"SELECT {_CONTACT_COLUMNS} FROM contacts ORDER BY name, id")  # noqa: S608 - constant
        return [_contact(row) for row in rows.fetchall()]

    def get_contact(self, ref: str) -> Contact:
        """A contact by id or fingerprint (spaces optional); UserError if there is none."""
        digits = _digits(ref)
        row = self.db.execute(
            f"SELECT {_CONTACT_COLUMNS} FROM contacts WHERE id = ? "  # noqa: S608 - constant
            "OR (? != '' AND replace(fingerprint, ' ', '') = ?)",
            (ref, digits, digits),
        ).fetchone()
        if row is None:
            raise UserError(_("no such contact"))
        return _contact(row)

    def update_contact(
        self,
        contact_id: str,
        *,
        trusted: bool | None = None,
        may_see_identities: bool | None = None,
        verified_how: str | None = None,
    ) -> Contact:
        """Change a contact's trust flags; giving ``verified_how`` also sets verified_at now."""
        how = _clean_verified_how(verified_how)
        with self.transaction() as con:
            cur = con.execute(
                "UPDATE contacts SET trusted = coalesce(?, trusted),"
                " may_see_identities = coalesce(?, may_see_identities),"
                " verified_how = coalesce(?, verified_how), verified_at = coalesce(?, verified_at)"
                " WHERE id = ?",
                (_opt_int(trusted), _opt_int(may_see_identities), how,
                 _now() if how is not None else None, contact_id),
            )
            if cur.rowcount != 1:
                raise UserError(_("no such contact"))
        return self.get_contact(contact_id)


_CONTACT_COLUMNS = (
    "id, name, fingerprint, card, trusted, may_see_identities, verified_at, verified_how, added_at"
)


def _contact(row: tuple[Any, ...]) -> Contact:
    return Contact(
        id=row[0], name=row[1], fingerprint=row[2], card=KeyCard.parse(row[3]),
        trusted=bool(row[4]), may_see_identities=bool(row[5]), verified_at=row[6],
        verified_how=row[7], added_at=row[8],
    )


def _opt_int(flag: bool | None) -> int | None:
    return None if flag is None else int(flag)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch in "0123456789")


def _clean_verified_how(untrusted: str | None) -> str | None:
    """One short printable line ("read aloud", "QR scanned", "in person"), or None."""
    if untrusted is None:
        return None
    how = " ".join(untrusted.split())
    if not how:
        return None
    if len(how) > _MAX_VERIFIED_HOW or not how.isprintable():
        raise UserError(ngettext(
            "'verified how' must be one printable line of at most {n} character",
            "'verified how' must be one printable line of at most {n} characters",
            _MAX_VERIFIED_HOW).format(n=_MAX_VERIFIED_HOW))
    return how
