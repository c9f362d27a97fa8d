"""OpenSSH signatures: format, strict parsing, mutations, and interop with ssh-keygen."""

from __future__ import annotations

import base64
import io
import struct
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto import sshsig
from crypto.errors import KeyFormatError, SignatureError
from tests.conftest import require_tool

NS = sshsig.BUNDLE_NAMESPACE
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
PUB = KEY.public_key()
MESSAGE = b"manifest-sha256.txt contents\n"


def _blob(armored: str) -> bytes:
    return base64.b64decode("".join(armored.strip().splitlines()[1:-1]))


def _armor(blob: bytes) -> str:
    body = base64.b64encode(blob).decode()
    lines = [body[i : i + 70] for i in range(0, len(body), 70)]
    return "\n".join(["-----BEGIN SSH SIGNATURE-----", *lines, "-----END SSH SIGNATURE-----"])


def _s(value: bytes) -> bytes:
    return struct.pack(">I", len(value)) + value


def test_namespaces_are_distinct_and_documented() -> None:
    names = {sshsig.BUNDLE_NAMESPACE, sshsig.CUSTODY_NAMESPACE, sshsig.KEYCARD_NAMESPACE}
    assert names == {
        "bundle@evidence-vault",
        "custody@evidence-vault",
        "keycard@evidence-vault",
    }
    doc = (Path(__file__).parents[1] / "docs" / "keycard.md").read_text()
    assert all(name in doc for name in names)


@pytest.mark.parametrize("hash_alg", ["sha512", "sha256"])
def test_sign_verify_round_trip_returns_signer(hash_alg: str) -> None:
    armored = sshsig.sign(KEY, MESSAGE, NS, hash_alg=hash_alg)
    signer = sshsig.verify(armored, MESSAGE, NS)
    assert signer.public_bytes_raw() == PUB.public_bytes_raw()
    assert sshsig.verify(armored.encode(), MESSAGE, NS, public_key=PUB) is not None
    assert _blob(armored)[:6] == b"SSHSIG"
    assert hash_alg.encode() in _blob(armored)


def test_armor_matches_ssh_keygen_layout() -> None:
    armored = sshsig.sign(KEY, MESSAGE, NS)
    lines = armored.split("\n")
    assert lines[0] == "-----BEGIN SSH SIGNATURE-----"
    assert lines[-2] == "-----END SSH SIGNATURE-----" and lines[-1] == ""
    body = lines[1:-2]
    assert all(len(line) == 70 for line in body[:-1]) and 0 < len(body[-1]) <= 70


def test_verify_streams_large_data() -> None:
    data = bytes(range(256)) * (3 * 4096 + 7)  # about 3 MiB: several read chunks
    armored = sshsig.sign(KEY, io.BytesIO(data), NS)
    assert sshsig.verify(armored, data, NS)
    assert sshsig.verify(armored, io.BytesIO(data), NS)
    with pytest.raises(SignatureError):
        sshsig.verify(armored, io.BytesIO(data[:-1]), NS)


def test_verify_rejects_wrong_namespace_key_and_data() -> None:
    armored = sshsig.sign(KEY, MESSAGE, NS)
    with pytest.raises(SignatureError, match="namespace"):
        sshsig.verify(armored, MESSAGE, sshsig.CUSTODY_NAMESPACE)
    other = Ed25519PrivateKey.generate().public_key()
    with pytest.raises(SignatureError, match="another key"):
        sshsig.verify(armored, MESSAGE, NS, public_key=other)
    with pytest.raises(SignatureError, match="does not verify"):
        sshsig.verify(armored, MESSAGE + b"x", NS)


def test_sign_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        sshsig.sign(KEY, MESSAGE, "")
    with pytest.raises(ValueError):
        sshsig.sign(KEY, MESSAGE, NS, hash_alg="md5")


def _forge(
    *,
    magic: bytes = b"SSHSIG",
    version: int = 1,
    key: bytes | None = None,
    namespace: bytes = NS.encode(),
    reserved: bytes = b"",
    hash_alg: bytes = b"sha512",
    sig_type: bytes = b"ssh-ed25519",
    raw_sig: bytes | None = None,
    trailing: bytes = b"",
) -> str:
    """A hand-built signature blob; with defaults it is a valid signature of MESSAGE."""
    import hashlib

    key = key if key is not None else _s(b"ssh-ed25519") + _s(PUB.public_bytes_raw())
    if raw_sig is None:
        digest = hashlib.new(hash_alg.decode(), MESSAGE).digest()
        signed = b"SSHSIG" + _s(namespace) + _s(reserved) + _s(hash_alg) + _s(digest)
        raw_sig = KEY.sign(signed)
    blob = (
        magic
        + struct.pack(">I", version)
        + _s(key)
        + _s(namespace)
        + _s(reserved)
        + _s(hash_alg)
        + _s(_s(sig_type) + _s(raw_sig))
        + trailing
    )
    return _armor(blob)


def test_forge_helper_builds_valid_signatures() -> None:
    assert sshsig.verify(_forge(), MESSAGE, NS)


def test_non_empty_reserved_field_is_signed_and_accepted() -> None:
    # PROTOCOL.sshsig: verifiers ignore the reserved contents, which are covered by the
    # signature anyway.
    assert sshsig.verify(_forge(reserved=b"future"), MESSAGE, NS)


@pytest.mark.parametrize(
    "forged",
    [
        _forge(magic=b"SSHSIH"),
        _forge(version=2),
        _forge(key=_s(b"ssh-rsa") + _s(b"\x01" * 32)),
        _forge(key=_s(b"ssh-ed25519") + _s(b"\x01" * 31)),
        _forge(key=_s(b"ssh-ed25519") + _s(PUB.public_bytes_raw()) + b"x"),
        _forge(hash_alg=b"md5"),
        _forge(sig_type=b"ssh-rsa"),
        _forge(raw_sig=b"\x00" * 63),
        _forge(raw_sig=b"\x00" * 64),
        _forge(trailing=b"\x00"),
        _forge(namespace=b"bundle@evidence-vault\x00"),
    ],
)
def test_verify_rejects_forged_blobs(forged: str) -> None:
    with pytest.raises(SignatureError):
        sshsig.verify(forged, MESSAGE, NS)


@pytest.mark.parametrize(
    "armored",
    [
        "",
        "-----BEGIN SSH SIGNATURE-----\n-----END SSH SIGNATURE-----\n",
        "garbage\n" + sshsig.sign(KEY, MESSAGE, NS),
        sshsig.sign(KEY, MESSAGE, NS) + "garbage\n",
        sshsig.sign(KEY, MESSAGE, NS).replace("BEGIN SSH", "BEGIN SSL"),
        sshsig.sign(KEY, MESSAGE, NS).replace("=", ""),
        sshsig.sign(KEY, MESSAGE, NS)[:-60] + "\n-----END SSH SIGNATURE-----\n",
        "-----BEGIN SSH SIGNATURE-----\n" + "A" * 9000 + "\n-----END SSH SIGNATURE-----\n",
        "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\xe9\n-----END SSH SIGNATURE-----\n",
    ],
)
def test_verify_rejects_malformed_armor(armored: str) -> None:
    with pytest.raises(SignatureError):
        sshsig.verify(armored, MESSAGE, NS)


def test_verify_rejects_non_ascii_bytes() -> None:
    with pytest.raises(SignatureError):
        sshsig.verify(b"\xff" + sshsig.sign(KEY, MESSAGE, NS).encode(), MESSAGE, NS)


def test_verify_tolerates_crlf_and_other_wrapping_but_canonical_armor_does_not() -> None:
    armored = sshsig.sign(KEY, MESSAGE, NS)
    crlf = armored.replace("\n", "\r\n")
    lines = armored.split("\n")
    rewrapped = "\n".join([lines[0], "".join(lines[1:-2]), *lines[-2:]])
    for variant in (crlf, rewrapped):
        assert variant != armored
        assert sshsig.verify(variant, MESSAGE, NS)
        assert sshsig.canonical_armor(variant) == armored
    assert sshsig.canonical_armor(armored.encode()) == armored
    with pytest.raises(SignatureError):
        sshsig.canonical_armor("-----BEGIN SSH SIGNATURE-----\n!!\n-----END SSH SIGNATURE-----\n")


SIGNED = sshsig.sign(KEY, MESSAGE, NS)


@settings(max_examples=400, deadline=None)
@given(index=st.integers(0, len(SIGNED) - 1), bit=st.integers(0, 7))
def test_any_bit_flip_in_armor_is_rejected(index: int, bit: int) -> None:
    raw = bytearray(SIGNED.encode())
    raw[index] ^= 1 << bit
    with pytest.raises(SignatureError):
        sshsig.verify(bytes(raw), MESSAGE, NS)


BLOB = _blob(SIGNED)


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_any_blob_mutation_is_rejected(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(["flip", "truncate", "insert"]))
    if kind == "flip":
        index = data.draw(st.integers(0, len(BLOB) - 1))
        mutated = bytearray(BLOB)
        mutated[index] ^= 1 << data.draw(st.integers(0, 7))
    elif kind == "truncate":
        mutated = bytearray(BLOB[: data.draw(st.integers(0, len(BLOB) - 1))])
    else:
        index = data.draw(st.integers(0, len(BLOB)))
        extra = data.draw(st.binary(min_size=1, max_size=8))
        mutated = bytearray(BLOB[:index] + extra + BLOB[index:])
    with pytest.raises(SignatureError):
        sshsig.verify(_armor(bytes(mutated)), MESSAGE, NS)


@settings(max_examples=100, deadline=None)
@given(cut=st.integers(0, len(SIGNED) - 2))
def test_truncated_armor_is_rejected(cut: int) -> None:
    # Dropping only the final newline leaves the same signature, hence len - 2.
    with pytest.raises(SignatureError):
        sshsig.verify(SIGNED[:cut], MESSAGE, NS)


def test_public_key_line_matches_cryptography_and_round_trips() -> None:
    expected = PUB.public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH).decode()
    assert sshsig.public_key_to_openssh(PUB) == expected
    line = sshsig.public_key_to_openssh(PUB, comment="field key 1")
    assert line == expected + " field key 1"
    assert sshsig.parse_openssh_public_key(line + "\n").public_bytes_raw() == (
        PUB.public_bytes_raw()
    )
    with pytest.raises(ValueError):
        sshsig.public_key_to_openssh(PUB, comment="two\nlines")


@pytest.mark.parametrize(
    "line",
    [
        "",
        "ssh-ed25519",
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ==",
        "ssh-ed25519 !!!!",
        "ssh-ed25519 " + base64.b64encode(_s(b"ssh-rsa") + _s(b"\x01" * 32)).decode(),
        "ssh-ed25519 " + base64.b64encode(_s(b"ssh-ed25519") + _s(b"\x01" * 33)).decode(),
        "ssh-ed25519 " + base64.b64encode(_s(b"ssh-ed25519") + _s(b"\x01" * 32) + b"x").decode(),
        "ssh-ed25519 " + base64.b64encode(_s(b"ssh-ed25519") + b"\x00\x00").decode(),
        sshsig.public_key_to_openssh(PUB) + "\nssh-ed25519 AAAA",
        sshsig.public_key_to_openssh(PUB)[:-1],
        "ssh-ed25519 " + "A" * 5000,
    ],
)
def test_parse_public_key_rejects_malformed(line: str) -> None:
    with pytest.raises(KeyFormatError):
        sshsig.parse_openssh_public_key(line)


def test_allowed_signers_line() -> None:
    line = sshsig.allowed_signers_line("alice@example", PUB, [NS, sshsig.CUSTODY_NAMESPACE])
    assert line == (
        'alice@example namespaces="bundle@evidence-vault,custody@evidence-vault" '
        + sshsig.public_key_to_openssh(PUB)
    )
    for principal in ["", "a b", 'a"b', "a,b", "a\nb"]:
        with pytest.raises(ValueError):
            sshsig.allowed_signers_line(principal, PUB, [NS])
    with pytest.raises(ValueError):
        sshsig.allowed_signers_line("alice", PUB, [])
    with pytest.raises(ValueError):
        sshsig.allowed_signers_line("alice", PUB, ['x",cert-authority'])


# --- interop with the real ssh-keygen ----------------------------------------------


def _ssh_keygen_verify(tmp: Path, armored: str, data: bytes, namespace: str) -> None:
    keygen = require_tool("ssh-keygen")
    (tmp / "allowed_signers").write_text(sshsig.allowed_signers_line("signer", PUB, [NS]) + "\n")
    (tmp / "file.sig").write_text(armored)
    subprocess.run(
        [keygen, "-Y", "verify", "-f", str(tmp / "allowed_signers"), "-I", "signer",
         "-n", namespace, "-s", str(tmp / "file.sig")],
        input=data, check=True, capture_output=True,
    )  # fmt: skip


@pytest.mark.interop
@pytest.mark.parametrize("hash_alg", ["sha512", "sha256"])
def test_ssh_keygen_verifies_our_signature(tmp_path: Path, hash_alg: str) -> None:
    armored = sshsig.sign(KEY, MESSAGE, NS, hash_alg=hash_alg)
    _ssh_keygen_verify(tmp_path, armored, MESSAGE, NS)
    keygen = require_tool("ssh-keygen")
    subprocess.run(
        [keygen, "-Y", "check-novalidate", "-n", NS, "-s", str(tmp_path / "file.sig")],
        input=MESSAGE, check=True, capture_output=True,
    )  # fmt: skip


@pytest.mark.interop
def test_ssh_keygen_rejects_our_signature_over_other_data_or_namespace(tmp_path: Path) -> None:
    armored = sshsig.sign(KEY, MESSAGE, NS)
    with pytest.raises(subprocess.CalledProcessError):
        _ssh_keygen_verify(tmp_path, armored, MESSAGE + b"x", NS)
    with pytest.raises(subprocess.CalledProcessError):
        _ssh_keygen_verify(tmp_path, armored, MESSAGE, sshsig.CUSTODY_NAMESPACE)


@pytest.mark.interop
@pytest.mark.parametrize("hash_alg", ["sha512", "sha256"])
def test_we_verify_ssh_keygen_signature_with_our_key(tmp_path: Path, hash_alg: str) -> None:
    keygen = require_tool("ssh-keygen")
    key_file = tmp_path / "id_ed25519"
    key_file.write_bytes(KEY.private_bytes(Encoding.PEM, PrivateFormat.OpenSSH, NoEncryption()))
    key_file.chmod(0o600)
    data_file = tmp_path / "data"
    data_file.write_bytes(MESSAGE)
    subprocess.run(
        [keygen, "-Y", "sign", "-n", NS, "-f", str(key_file), "-O", f"hashalg={hash_alg}",
         str(data_file)],
        check=True, capture_output=True, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    armored = (tmp_path / "data.sig").read_text()
    assert armored == sshsig.sign(KEY, MESSAGE, NS, hash_alg=hash_alg)  # Ed25519 is deterministic
    with data_file.open("rb") as stream:
        assert sshsig.verify(armored, stream, NS, public_key=PUB)


@pytest.mark.interop
def test_we_verify_signature_from_ssh_keygen_generated_key(tmp_path: Path) -> None:
    keygen = require_tool("ssh-keygen")
    key_file = tmp_path / "k"
    subprocess.run(
        [keygen, "-q", "-t", "ed25519", "-N", "", "-C", "peer", "-f", str(key_file)],
        check=True, capture_output=True,
    )  # fmt: skip
    data_file = tmp_path / "data"
    data_file.write_bytes(MESSAGE)
    subprocess.run(
        [keygen, "-Y", "sign", "-n", NS, "-f", str(key_file), str(data_file)],
        check=True, capture_output=True, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    peer_pub = sshsig.parse_openssh_public_key((tmp_path / "k.pub").read_text())
    signer = sshsig.verify((tmp_path / "data.sig").read_bytes(), MESSAGE, NS, peer_pub)
    assert signer.public_bytes_raw() == peer_pub.public_bytes_raw()
    with pytest.raises(SignatureError):
        sshsig.verify((tmp_path / "data.sig").read_bytes(), MESSAGE, NS, public_key=PUB)
