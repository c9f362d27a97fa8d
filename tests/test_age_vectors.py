"""C2SP CCTV age conformance: every vector file, one test each, expected outcome and payload hash.

For ``success`` and ``payload failure`` the SHA-256 of all plaintext our reader released before
the error must equal the vector's ``payload`` hash.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from pathlib import Path

import pytest

from crypto import age
from crypto.age_recipients import Identity
from crypto.errors import (
    ArmorError,
    HeaderError,
    HeaderMacError,
    NoIdentityMatchError,
    PayloadError,
)

VECTORS = Path(__file__).parent / "vectors" / "age-cctv"
FILES = sorted(p for p in VECTORS.iterdir() if p.name not in {"README.md", "LICENSE"})
EXPECT = {
    "success": None,
    "no match": NoIdentityMatchError,
    "HMAC failure": HeaderMacError,
    "header failure": HeaderError,
    "payload failure": PayloadError,
    "armor failure": ArmorError,
}


def load(path: Path) -> tuple[dict[str, list[str]], bytes]:
    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n\n")
    meta: dict[str, list[str]] = {}
    for line in head.decode().splitlines():
        key, _, value = line.partition(": ")
        meta.setdefault(key, []).append(value)
    if meta.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    return meta, body


def test_all_vectors_are_present() -> None:
    assert len(FILES) == 143


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_vector(path: Path) -> None:
    meta, body = load(path)
    expect = meta["expect"][0]
    identities: list[Identity] = [age.parse_identity(k) for k in meta.get("identity", [])]
    identities += [age.ScryptIdentity(p) for p in meta.get("passphrase", [])]
    released = hashlib.sha256()
    error: Exception | None = None
    try:
        reader = age.decrypt_reader(io.BytesIO(body), identities)
        while chunk := reader.read(10_000):
            released.update(chunk)
    except (ArmorError, HeaderError, HeaderMacError, NoIdentityMatchError, PayloadError) as e:
        error = e
    wanted = EXPECT[expect]
    if wanted is None:
        assert error is None, f"unexpected {type(error).__name__}: {error}"
    else:
        assert type(error) is wanted, f"expected {wanted.__name__}, got {error!r}"
    if expect in ("success", "payload failure"):
        assert released.hexdigest() == meta["payload"][0]
