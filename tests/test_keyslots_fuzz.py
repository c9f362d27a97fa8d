"""Hostile slot files and blobs: only the specific errors, never a crash or wrong key."""

from __future__ import annotations

import io
import secrets
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crypto import kdf
from crypto.errors import PayloadError, WrongPassphraseError
from evidence_app import keyslots
from evidence_app.blobstore import BlobStore
from evidence_app.db import VaultDamagedError

FAST = kdf.Argon2Params(memory_kib=64, iterations=1, lanes=1)
VAULT_ID = "ab" * 16
MASTER = bytearray(range(32))
GOOD = keyslots.make_slot("passphrase", VAULT_ID, b"pw", MASTER, FAST).to_bytes()

_edits = st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)),
                  min_size=1, max_size=4)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=_edits, cut=st.integers(0, len(GOOD)))
def test_mutated_slot_never_yields_another_key(edits: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(GOOD)
    for pos, value in edits:
        data[pos] = value
    data = data[: max(cut, 1)] if cut < len(GOOD) // 2 else data
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        keyslots.slot_path(folder, "passphrase").write_bytes(bytes(data))
        try:
            slot = keyslots.read_slot(folder, "passphrase", VAULT_ID)
            master = keyslots.open_slot(slot, b"pw")
        except (VaultDamagedError, WrongPassphraseError):
            return
    assert master == MASTER  # a mutation that still opens must give the same key


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=_edits, cut=st.integers(0, 200_000))
def test_mutated_blob_releases_only_verified_plaintext(edits: list[tuple[int, int]],
                                                        cut: int) -> None:
    plain = bytes(range(256)) * 600  # 153600 bytes: 3 chunks
    with tempfile.TemporaryDirectory() as tmp:
        store = BlobStore(Path(tmp) / "blobs", Path(tmp) / "tmp", secrets.token_bytes(32))
        ref = store.write(io.BytesIO(plain))
        path = Path(tmp) / "blobs" / ref.blob_id[:2] / ref.blob_id
        data = bytearray(path.read_bytes())
        for pos, value in edits:
            data[pos % len(data)] = value
        path.write_bytes(bytes(data[:cut]) if cut < len(data) else bytes(data))
        out = bytearray()
        try:
            with store.open(ref.blob_id, ref.key) as fh:
                while chunk := fh.read(10_000):
                    out += chunk
        except PayloadError:
            assert plain.startswith(bytes(out))
            return
    assert bytes(out) == plain
