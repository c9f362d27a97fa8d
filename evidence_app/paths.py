"""Where the vault lives, and the file-system helpers every vault write goes through.

All folders we create are private (0700) and every file we replace is replaced atomically:
a temp file in the same folder, fsync, ``os.replace``, then fsync of the folder, so a write
that returned survives a crash or power loss, and a crash mid-write leaves the old file.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import platformdirs

APP_NAME = "evidence-vault"


def default_vault_path() -> Path:
    """The per-user vault folder: the platform's user data dir / ``vault``."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "vault"


def make_private_dir(path: Path) -> None:
    """Create ``path`` as 0700 (missing parents too, under the 077 umask); tighten it if it
    already exists. Existing parents are left as they are."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, 0o700)


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries (new, renamed or deleted files) to disk; a no-op on Windows."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically and durably (temp + fsync + rename + fsync)."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def overwrite_and_delete(path: Path) -> None:
    """Overwrite a small file with random bytes, flush, and delete it.

    On flash storage and journaling file systems the old blocks may survive; this is why
    the vault's secrets are only ever stored wrapped, and shredding destroys the wrapping.
    """
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.write(secrets.token_bytes(max(size, 1)))
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()
    fsync_dir(path.parent)
