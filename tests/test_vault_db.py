"""The SQLCipher database: keyed with a raw key, checked at once, durable settings."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from evidence_app.db import VaultDamagedError, open_database


def test_settings_are_durable_and_private(tmp_path: Path) -> None:
    con = open_database(tmp_path / "v.db", secrets.token_bytes(32))
    pragma = {name: con.execute(f"PRAGMA {name}").fetchone()[0] for name in
              ("journal_mode", "synchronous", "foreign_keys", "secure_delete", "temp_store",
               "cipher_page_size", "cipher_hmac_algorithm", "cipher_version")}
    con.close()
    # synchronous 2 = FULL, temp_store 2 = MEMORY.
    # SQLCipher 4 defaults: 4 KiB pages, HMAC-SHA512.
    assert pragma.pop("cipher_version").startswith("4.")
    assert pragma == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1,
                      "secure_delete": 1, "temp_store": 2, "cipher_page_size": "4096",
                      "cipher_hmac_algorithm": "HMAC_SHA512"}


def test_wrong_key_fails_at_open_not_later(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    con = open_database(tmp_path / "v.db", key)
    con.execute("CREATE TABLE t(x)")
    con.close()
    with pytest.raises(VaultDamagedError):
        open_database(tmp_path / "v.db", secrets.token_bytes(32))
    con = open_database(tmp_path / "v.db", key)
    assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)
    con.close()


def test_garbage_file_is_damaged(tmp_path: Path) -> None:
    (tmp_path / "v.db").write_bytes(secrets.token_bytes(8192))
    with pytest.raises(VaultDamagedError):
        open_database(tmp_path / "v.db", secrets.token_bytes(32))


def test_file_is_encrypted_at_rest(tmp_path: Path) -> None:
    con = open_database(tmp_path / "v.db", secrets.token_bytes(32))
    con.execute("CREATE TABLE t(x)")
    con.execute("INSERT INTO t VALUES ('witness-statement-marker')")
    con.close()
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert not data.startswith(b"SQLite format 3")
    assert b"witness-statement-marker" not in data
