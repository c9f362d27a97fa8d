"""Opening the vault's SQLCipher 4 database with a raw 256-bit key.

Settings, and why:

- ``PRAGMA key = "x'<hex>'"`` with a raw key: SQLCipher's own PBKDF2 is skipped; the key
  comes from the vault's master key through HKDF (Argon2id already ran on the passphrase).
- ``cipher_compatibility = 4``: the SQLCipher 4 format, openable with the ``sqlcipher`` shell.
- PRAGMA key does not check the key, so a read follows at once; a wrong key (or a damaged
  or swapped file) fails there with :class:`VaultDamagedError`.
- ``journal_mode = WAL`` with ``synchronous = FULL``: in WAL mode FULL syncs the WAL at
  every commit, so a save that returned survives kill -9 and power loss (NORMAL would only
  guarantee consistency, and could lose the last commits on power loss).
- ``foreign_keys = ON``, ``secure_delete = ON`` (deleted rows are overwritten), and
  ``temp_store = MEMORY`` so sorting and temp tables never spill plaintext to temp files.
- ``cache_size`` of :data:`CACHE_KIB`: SQLCipher decrypts a page each time it is read
  from the file, and the default 2 MB cache holds little of a large vault; full-text
  doclists of common words are read again at every search. The cache lives in memory
  only (decrypted pages never go to disk). ``mmap_size`` is left alone: SQLCipher reads
  encrypted pages through its codec, so memory mapping would not avoid the decryption.
- the file is created 0600 before SQLite opens it, whatever the process umask; SQLite
  gives the ``-wal`` and ``-shm`` files the database file's permissions.
- autocommit mode (``isolation_level=None``): transactions are explicit, see
  :meth:`evidence_app.vault.Vault.transaction`.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlcipher3

from evidence_app.errors import UserError
from evidence_app.i18n import _

CACHE_KIB = 128 * 1024  # page cache per connection, in KiB (PRAGMA cache_size = -CACHE_KIB)


class VaultDamagedError(UserError):
    """A vault file is damaged or replaced: it does not parse or does not open with its key."""


class VaultLockedError(UserError):
    """The vault was locked (or shredded): unlock it again before using it.

    Defined here, next to the other vault errors, because the blob store raises it too;
    :mod:`evidence_app.vault` re-exports it.
    """


def open_database(path: Path, key: bytes | bytearray) -> sqlcipher3.Connection:
    """Open (or create) the encrypted database at ``path`` with a raw 32-byte key."""
    if len(key) != 32:
        raise ValueError("database key must be 32 bytes")
    _create_private(path)
    con = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        con.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
        con.execute("PRAGMA cipher_compatibility = 4")
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            raise VaultDamagedError(_(
                "the vault database does not open with this vault's key (damaged or replaced)"
            )) from None
        mode = con.execute("PRAGMA journal_mode = WAL").fetchone()
        if str(mode[0]).lower() != "wal":
            raise VaultDamagedError(_("the vault database cannot use write-ahead logging"))
        for pragma in ("synchronous = FULL", "foreign_keys = ON", "secure_delete = ON",
                       "temp_store = MEMORY", f"cache_size = -{CACHE_KIB:d}"):
            con.execute(f"PRAGMA {pragma}")
    except BaseException:
        con.close()
        raise
    return con


def _create_private(path: Path) -> None:
    """Create an empty database file readable by its owner only, unless it exists.

    An empty file is a valid empty database. O_EXCL: an existing file is left as it is.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     0o600)
    except FileExistsError:
        return
    os.close(fd)
