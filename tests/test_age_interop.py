"""Interop with real, independent age implementations, in both directions.

- ``age`` / ``age-keygen`` 1.1.1 (Go, by age's author): X25519, several recipients, armor.
- typage (npm age-encryption, by age's author) through tests/peers/typage_cli.mjs:
  the post-quantum mlkem768x25519 recipient and scrypt passphrases (age -p needs a tty).
"""

from __future__ import annotations

import io
import os
import pty
import subprocess
from pathlib import Path

import pytest
from conftest import PEERS, peers_required, require_tool

from crypto import age
from crypto.stream import CHUNK_SIZE

pytestmark = pytest.mark.interop

SIZES = [0, CHUNK_SIZE, 2 * CHUNK_SIZE, 100_003]
TYPAGE = PEERS / "typage_cli.mjs"


def run(cmd: list[str], data: bytes = b"", env: dict[str, str] | None = None,
        cwd: Path | None = None) -> bytes:
    res = subprocess.run(cmd, input=data, capture_output=True, env=env, cwd=cwd, check=False)
    assert res.returncode == 0, res.stderr.decode(errors="replace")
    return res.stdout


@pytest.fixture
def age_key(tmp_path: Path) -> tuple[Path, age.X25519Identity]:
    """A key made by age-keygen, and the same key parsed by us."""
    keyfile = tmp_path / "key.txt"
    run([require_tool("age-keygen"), "-o", str(keyfile)])
    (ident,) = age.parse_identities(keyfile.read_text())
    assert isinstance(ident, age.X25519Identity)
    public = run([require_tool("age-keygen"), "-y", str(keyfile)]).decode().strip()
    assert ident.recipient().to_string() == public
    return keyfile, ident


def typage(*args: str, data: bytes = b"", env: dict[str, str] | None = None) -> bytes:
    node = require_tool("node")
    if not (PEERS / "node_modules" / "age-encryption").is_dir():
        msg = "typage is not installed (npm ci in tests/peers)"
        pytest.fail(msg) if peers_required() else pytest.skip(msg)
    return run([node, str(TYPAGE), *args], data, env={**os.environ, **(env or {})}, cwd=PEERS)


# --- age CLI ----------------------------------------------------------------------------------


@pytest.mark.parametrize("armor", [False, True], ids=["binary", "armor"])
@pytest.mark.parametrize("size", SIZES)
def test_ours_to_age_cli(tmp_path: Path, age_key: tuple[Path, age.X25519Identity], size: int,
                         armor: bool) -> None:
    keyfile, ident = age_key
    plain = os.urandom(size)
    ct = tmp_path / "file.age"
    ct.write_bytes(age.encrypt_bytes(plain, [ident.recipient()], armor=armor))
    # stdout, not -o: age creates no -o file for an empty plaintext.
    assert run([require_tool("age"), "-d", "-i", str(keyfile), str(ct)]) == plain


@pytest.mark.parametrize("armor", [False, True], ids=["binary", "armor"])
@pytest.mark.parametrize("size", SIZES)
def test_age_cli_to_ours(tmp_path: Path, age_key: tuple[Path, age.X25519Identity], size: int,
                         armor: bool) -> None:
    _, ident = age_key
    plain = os.urandom(size)
    src = tmp_path / "plain"
    src.write_bytes(plain)
    ct = tmp_path / "file.age"
    cmd = [require_tool("age"), "-r", ident.recipient().to_string(), "-o", str(ct)]
    run([*cmd, "-a", str(src)] if armor else [*cmd, str(src)])
    assert ct.read_bytes().startswith(b"-----BEGIN" if armor else b"age-encryption.org/v1\n")
    out = tmp_path / "out"
    assert age.decrypt_to_file(io.BytesIO(ct.read_bytes()), out, [ident]) == size
    assert out.read_bytes() == plain


def test_several_recipients_both_ways(tmp_path: Path,
                                      age_key: tuple[Path, age.X25519Identity]) -> None:
    keyfile, theirs = age_key
    mine = [age.X25519Identity.generate() for _ in range(2)]
    recipients = [mine[0].recipient(), theirs.recipient(), mine[1].recipient()]
    plain = os.urandom(3 * CHUNK_SIZE + 1)
    ct = tmp_path / "ours.age"
    ct.write_bytes(age.encrypt_bytes(plain, recipients))
    assert run([require_tool("age"), "-d", "-i", str(keyfile), str(ct)]) == plain
    cmd = [require_tool("age")]
    for r in recipients:
        cmd += ["-r", r.to_string()]
    theirs_ct = run(cmd, plain)
    assert theirs_ct.count(b"\n-> X25519 ") == 3
    for ident in mine:
        assert age.decrypt_bytes(theirs_ct, [ident]) == plain


def test_age_cli_rejects_our_tampered_file(tmp_path: Path,
                                           age_key: tuple[Path, age.X25519Identity]) -> None:
    """A sanity check that the peer really verifies what we produce."""
    keyfile, ident = age_key
    ct = bytearray(age.encrypt_bytes(b"evidence", [ident.recipient()]))
    ct[-1] ^= 1
    path = tmp_path / "bad.age"
    path.write_bytes(bytes(ct))
    res = subprocess.run([require_tool("age"), "-d", "-i", str(keyfile), str(path)],
                         capture_output=True, check=False)
    assert res.returncode != 0 and res.stdout == b""


# --- typage: post-quantum hybrid and scrypt ------------------------------------------------


@pytest.mark.parametrize("size", [0, CHUNK_SIZE, 100_003])
def test_hybrid_ours_to_typage(size: int) -> None:
    ident = age.HybridIdentity.generate()
    plain = os.urandom(size)
    ct = age.encrypt_bytes(plain, [ident.recipient()])
    got = typage("decrypt", "--identity-env", "ID", data=ct, env={"ID": ident.to_string()})
    assert got == plain


@pytest.mark.parametrize("size", [0, CHUNK_SIZE, 100_003])
def test_hybrid_typage_to_ours(size: int) -> None:
    identity, recipient = typage("keygen", "--pq").decode().split()
    ident = age.parse_identity(identity)
    assert ident.recipient().to_string() == recipient
    plain = os.urandom(size)
    ct = typage("encrypt", "-r", recipient, data=plain)
    assert b"\n-> mlkem768x25519 " in ct
    assert age.decrypt_bytes(ct, [ident]) == plain


def test_hybrid_key_from_typage_encrypts_to_typage() -> None:
    identity, recipient = typage("keygen", "--pq").decode().split()
    ct = age.encrypt_bytes(b"pq evidence", [age.parse_recipient(recipient)], armor=True)
    got = typage("decrypt", "--armor", "--identity-env", "ID", data=ct, env={"ID": identity})
    assert got == b"pq evidence"


def test_scrypt_ours_to_typage() -> None:
    plain = os.urandom(CHUNK_SIZE + 7)
    ct = age.encrypt_bytes(plain, [age.ScryptRecipient("tröstlich horse", work_factor=12)])
    got = typage("decrypt", "--passphrase-env", "PW", data=ct, env={"PW": "tröstlich horse"})
    assert got == plain


def test_scrypt_typage_to_ours() -> None:
    plain = os.urandom(CHUNK_SIZE + 7)
    ct = typage("encrypt", "--passphrase-env", "PW", "--work-factor", "12", "--armor",
                data=plain, env={"PW": "tröstlich horse"})
    assert ct.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
    assert age.decrypt_bytes(ct, [age.ScryptIdentity("tröstlich horse")]) == plain


# --- age CLI with a passphrase (it reads only from a terminal: give it a pseudo-terminal) ------


def age_with_tty(args: list[str], passphrase: str) -> None:
    """Run ``age`` on a pseudo-terminal, answering each passphrase prompt; no fixed waits:
    we write only after reading a prompt, and read until the child closes the terminal."""
    age_bin = require_tool("age")
    pid, fd = pty.fork()
    if pid == 0:  # child: becomes age, with the pty as its controlling terminal
        os.execv(age_bin, [age_bin, *args])  # noqa: S606 - the trusted peer, no shell
    seen = b""
    answered = 0
    try:
        while True:
            try:
                data = os.read(fd, 1024)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            seen += data
            if seen.lower().count(b"passphrase") > answered:
                os.write(fd, passphrase.encode() + b"\n")
                answered += 1
    finally:
        os.close(fd)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, seen.decode(errors="replace")
    assert answered >= 1


def test_scrypt_ours_to_age_cli(tmp_path: Path) -> None:
    plain = os.urandom(CHUNK_SIZE + 9)
    src = tmp_path / "file.age"
    src.write_bytes(age.encrypt_bytes(plain, [age.ScryptRecipient("pässphrase", work_factor=14)]))
    out = tmp_path / "out"
    age_with_tty(["-d", "-o", str(out), str(src)], "pässphrase")
    assert out.read_bytes() == plain


def test_scrypt_age_cli_to_ours(tmp_path: Path) -> None:
    plain = os.urandom(CHUNK_SIZE + 9)
    src = tmp_path / "plain"
    src.write_bytes(plain)
    ct = tmp_path / "file.age"
    age_with_tty(["-p", "-o", str(ct), str(src)], "pässphrase")
    assert b"\n-> scrypt " in ct.read_bytes()
    assert age.decrypt_bytes(ct.read_bytes(), [age.ScryptIdentity("pässphrase")]) == plain
