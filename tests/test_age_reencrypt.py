"""Writing a received age file again from its plaintext (``decrypt_reader_opening`` +
``reencrypt_writer``): every successful binary CCTV vector and files made by the real
``age`` CLI come back byte for byte, so a vault can keep a received bundle as its plaintext
pieces and still hand back the exact file."""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest

from crypto import age
from crypto.age_recipients import Identity
from tests.conftest import require_tool
from tests.test_age_vectors import FILES, load


def _rebuilt(data: bytes, identities: list[Identity]) -> tuple[bytes, age.Opening | None]:
    reader, opening = age.decrypt_reader_opening(io.BytesIO(data), identities)
    plain = reader.read()
    if opening is None:
        return b"", None
    out = io.BytesIO()
    writer = age.reencrypt_writer(out, opening)
    writer.write(plain)
    writer.close()
    return out.getvalue(), opening


SUCCESS = [p for p in FILES if load(p)[0]["expect"] == ["success"]]


@pytest.mark.parametrize("path", SUCCESS, ids=[p.name for p in SUCCESS])
def test_every_successful_vector_comes_back_byte_for_byte(path: Path) -> None:
    meta, body = load(path)
    identities: list[Identity] = [age.parse_identity(k) for k in meta.get("identity", [])]
    identities += [age.ScryptIdentity(p) for p in meta.get("passphrase", [])]
    rebuilt, opening = _rebuilt(body, identities)
    if meta.get("armored") == ["yes"]:
        assert opening is None  # armor line breaks are not determined by the payload
    else:
        assert opening is not None
        assert rebuilt == body


def test_a_changed_plaintext_gives_a_different_file() -> None:
    identity = age.X25519Identity.generate()
    data = age.encrypt_bytes(b"x" * 70_000, [identity.recipient()])
    reader, opening = age.decrypt_reader_opening(io.BytesIO(data), [identity])
    assert opening is not None and reader.read() == b"x" * 70_000
    out = io.BytesIO()
    writer = age.reencrypt_writer(out, opening)
    writer.write(b"x" * 69_999 + b"y")
    writer.close()
    assert len(out.getvalue()) == len(data) and out.getvalue() != data
    assert "file_key" not in repr(opening)  # the secret is not in reprs or logs


@pytest.mark.interop
@pytest.mark.parametrize("size", [0, 1, 65_535, 65_536, 65_537, 3 * 65_536, 200_001])
def test_files_made_by_the_age_cli_come_back_byte_for_byte(tmp_path: Path, size: int) -> None:
    tool = require_tool("age")
    identity = age.X25519Identity.generate()
    plain = tmp_path / "plain"
    plain.write_bytes(os.urandom(size))
    made = tmp_path / "made.age"
    subprocess.run([tool, "-r", identity.recipient().to_string(), "-o", str(made), str(plain)],
                   check=True)
    rebuilt, opening = _rebuilt(made.read_bytes(), [identity])
    assert opening is not None
    assert rebuilt == made.read_bytes()
