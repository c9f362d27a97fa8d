"""docs/vault-format.md is true: a vault opened from the documentation alone.

This test re-implements the documented format with `cryptography` primitives only (no
code of ours): unwrap the passphrase slot, derive the database and store keys with HKDF,
decrypt and authenticate page 1 of the SQLCipher 4 database, and decrypt a blob.
"""

from __future__ import annotations

import base64
import hmac
import io
import json
import unicodedata
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from crypto import kdf
from evidence_app.vault import Vault

PASS = "cafe\u0301 passphrase"  # not NFC on purpose
PAGE = 4096
RESERVE = 16 + 64  # IV + HMAC-SHA512


def _hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


def _unwrap_passphrase_slot(folder: Path) -> tuple[bytes, bytes]:
    """The master key and vault id, from the slot file as documented."""
    slot = json.loads((folder / "keyslot-passphrase.json").read_bytes())
    header = {k: v for k, v in slot.items() if k != "wrapped_key"}
    aad = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    p = slot["params"]
    key = Argon2id(salt=base64.b64decode(slot["salt"]), length=32, iterations=p["iterations"],
                   lanes=p["lanes"], memory_cost=p["memory_kib"]).derive(
        unicodedata.normalize("NFC", PASS).encode())
    sealed = base64.b64decode(slot["wrapped_key"])
    assert sealed[0] == 1
    master = ChaCha20Poly1305(key).decrypt(sealed[1:13], sealed[13:], b"\x01" + aad)
    marker = json.loads((folder / "vault.json").read_bytes())
    assert marker["vault_id"] == slot["vault_id"]
    return master, bytes.fromhex(slot["vault_id"])


def _sqlcipher4_page1(db: bytes, key: bytes) -> bytes:
    """Authenticate and decrypt page 1 of a SQLCipher 4 database keyed with a raw key."""
    salt = db[:16]
    hmac_salt = bytes(b ^ 0x3A for b in salt)
    hmac_key = PBKDF2HMAC(hashes.SHA512(), 32, hmac_salt, 2).derive(key)
    page = db[:PAGE]
    body, iv, tag = page[16 : PAGE - RESERVE], page[PAGE - RESERVE : PAGE - 64], page[PAGE - 64 :]
    expected = hmac.new(hmac_key, body + iv + (1).to_bytes(4, "little"), "sha512").digest()
    assert hmac.compare_digest(tag, expected)
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def _blob_decrypt(data: bytes, key: bytes) -> bytes:
    """A blob file as documented: "EVB", version 1, then the AES-256-GCM STREAM payload."""
    assert data[:4] == b"EVB\x01"
    nonce, body = data[4:20], data[20:]
    aead = AESGCM(_hkdf(key, nonce, b"evidence-vault/v1 blob payload aes-256-gcm"))
    out, counter = b"", 0
    while body:
        chunk, body = body[: 262144 + 16], body[262144 + 16 :]
        iv = counter.to_bytes(11, "big") + (b"\x01" if not body else b"\x00")
        out += aead.decrypt(iv, chunk, None)
        counter += 1
    return out


def test_vault_opens_from_the_documentation_alone(tmp_path: Path) -> None:
    params = kdf.Argon2Params(memory_kib=64, iterations=1, lanes=1)
    vault, _ = Vault.create(tmp_path / "v", PASS, "Doc Reader", kdf_params=params)
    plain = b"documented blob " * 40_000  # 640,000 bytes: two full chunks and a short one
    ref = vault.blobs.write(io.BytesIO(plain))
    folder = vault.path
    vault.lock()

    master, vault_id = _unwrap_passphrase_slot(folder)
    db_key = _hkdf(master, vault_id, b"evidence-vault/v1 database")
    page1 = _sqlcipher4_page1((folder / "vault.db").read_bytes(), db_key)
    # The rest of the SQLite header: page size 4096 (big-endian), then the reserve size.
    assert page1[:2] == PAGE.to_bytes(2, "big")
    assert page1[4] == RESERVE

    store_key = _hkdf(master, vault_id, b"evidence-vault/v1 blob store")
    file_key = _hkdf(ref.key, store_key, b"evidence-vault/v1 blob " + ref.blob_id.encode())
    blob = (folder / "blobs" / ref.blob_id[:2] / ref.blob_id).read_bytes()
    assert _blob_decrypt(blob, file_key) == plain
