"""Two vaults that know each other, a testimony with real photos, and vault snapshots."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from records_support import PHOTOS, new_vault, sample_testimony

from evidence_app import records
from evidence_app.cli import main
from evidence_app.vault import Contact, Vault

PHOTO_NAMES = ("jpg_gps_DSCN0010.jpg", "jpg_Canon_40D.jpg", "tiff_Arbitro.tiff")


@dataclass
class Pair:
    """Alice (documenter) and Bob (coordinator): each holds the other as a contact."""

    alice: Vault
    bob: Vault
    bob_at_alice: Contact
    alice_at_bob: Contact
    tid: str


def make_pair(tmp_path: Path, *, bob_sees_identities: bool = True,
              alice_trusted: bool = True) -> Pair:
    alice = new_vault(tmp_path / "alice", "Alice")
    bob = new_vault(tmp_path / "bob", "Bob")
    bob_at_alice = alice.add_contact(bob.identity.card().to_text(), trusted=True,
                                     may_see_identities=bob_sees_identities)
    alice_at_bob = bob.add_contact(alice.identity.card().to_text(), trusted=alice_trusted)
    tid = records.add_testimony(alice, sample_testimony(status="complete"),
                                [PHOTOS / n for n in PHOTO_NAMES])
    return Pair(alice, bob, bob_at_alice, alice_at_bob, tid)


@contextmanager
def open_pair(tmp_path: Path) -> Iterator[Pair]:
    """A pair for one test, both vaults locked again afterwards."""
    p = make_pair(tmp_path)
    try:
        yield p
    finally:
        p.alice.lock()
        p.bob.lock()


def snapshot(vault: Vault) -> tuple[str, frozenset[str]]:
    """Hash of every row of every table, plus the blob ids: equal means unchanged."""
    digest = hashlib.sha256()
    tables = [r[0] for r in vault.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'testimony_fts_%' "
        "ORDER BY name").fetchall()]
    for table in tables:
        for row in vault.db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall():  # noqa: S608
            digest.update(repr((table, tuple(row))).encode())
    return digest.hexdigest(), frozenset(vault.blobs.ids())


Run = Callable[..., tuple[int, str, str]]


def cli_runner(folder: Path, capsys: Any) -> Run:
    """``run(vault_name, *args) -> (exit code, stdout, stderr)``: the CLI on the vault
    ``folder/vault_name``, with the passphrase file ``folder/pw``."""

    def run(who: str, *args: str) -> tuple[int, str, str]:
        code = main(["--vault", str(folder / who), "--passphrase-file", str(folder / "pw"),
                     *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run
