"""age v1 API: keys, Bech32, round trips, recipient rules, armor, writers/readers, atomic files."""

from __future__ import annotations

import io
import os
import tarfile
from pathlib import Path

import pytest

from crypto import age, bech32
from crypto.age_header import Source, Stanza, b64decode, b64encode, encode_header, parse_header
from crypto.errors import (
    ArmorError,
    CancelledError,
    HeaderError,
    HeaderMacError,
    KeyFormatError,
    NoIdentityMatchError,
    PayloadError,
)
from crypto.stream import CHUNK_SIZE

# Examples from the C2SP age spec.
SPEC_X25519_IDENTITY = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX"
SPEC_X25519_RECIPIENT = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"
SPEC_PQ_IDENTITY = "AGE-SECRET-KEY-PQ-1XX76JRALNLXDMEW0CRK45QMCCH4X06SE84UN3VPM33W6HWDX0H3SK3ZQFR"
SPEC_PQ_RECIPIENT_START = "age1pq1x34nzsvr0rxjsgdn8zgyhfe8j7ceq5r9rdelkjuh3y235jzxshfg87pzf5zrq"


# --- Bech32 ----------------------------------------------------------------------------------


def test_bech32_bip173_valid_strings() -> None:
    for text in ("A12UEL5L", "a12uel5l", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
                 "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w"):
        hrp, data = bech32.decode(text)
        assert bech32.encode(hrp, data) == text


@pytest.mark.parametrize("text", [
    "A12uEL5L",  # mixed case
    "a12uel5m",  # bad checksum
    "pzry9x0s0muk",  # no separator
    "1pzry9x0s0muk",  # empty HRP
    "x1b4n0q5v",  # invalid data character
    "li1dgmt3",  # too short checksum
    "a1\x7fuel5l",  # invalid character
])
def test_bech32_rejects(text: str) -> None:
    with pytest.raises(KeyFormatError):
        bech32.decode(text)


def test_bech32_has_no_length_limit() -> None:
    data = os.urandom(1216)
    assert bech32.decode(bech32.encode("age1pq", data)) == ("age1pq", data)


# --- keys ---------------------------------------------------------------------------------


def test_spec_x25519_example() -> None:
    identity = age.X25519Identity.parse(SPEC_X25519_IDENTITY)
    assert identity.to_string() == SPEC_X25519_IDENTITY
    assert identity.recipient().to_string() == SPEC_X25519_RECIPIENT
    assert age.X25519Recipient.parse(SPEC_X25519_RECIPIENT) == identity.recipient()
    assert len(identity.recipient().public_bytes) == 32


def test_spec_hybrid_example() -> None:
    identity = age.HybridIdentity.parse(SPEC_PQ_IDENTITY)
    assert identity.to_string() == SPEC_PQ_IDENTITY
    recipient = identity.recipient().to_string()
    assert recipient.startswith(SPEC_PQ_RECIPIENT_START)
    assert age.parse_recipient(recipient) == identity.recipient()


def test_generate_parse_round_trips() -> None:
    for cls in (age.X25519Identity, age.HybridIdentity):
        ident = cls.generate()
        again = age.parse_identity(ident.to_string())
        assert type(again) is cls and again.to_string() == ident.to_string()
        rec = age.parse_recipient(ident.recipient().to_string())
        assert rec == ident.recipient()
    assert age.X25519Identity.generate().to_string() != age.X25519Identity.generate().to_string()


def test_secrets_not_in_repr() -> None:
    ident = age.X25519Identity.generate()
    assert ident.to_string() not in repr(ident)
    assert "AGE-SECRET" not in repr(age.HybridIdentity.generate())
    assert "hunter2" not in repr(age.ScryptIdentity("hunter2"))


@pytest.mark.parametrize("text", [
    "",
    "age1",
    SPEC_X25519_RECIPIENT.upper()[:-1] + "Q",
    SPEC_X25519_RECIPIENT[:-1] + "q",  # bad checksum
    SPEC_X25519_IDENTITY,  # an identity is not a recipient
    bech32.encode("age", bytes(31)),  # wrong length
    bech32.encode("age1xx", bytes(32)),  # unknown type
    bech32.encode("age1pq", bytes(1216))[:-3] + "qqq",
])
def test_parse_recipient_rejects(text: str) -> None:
    with pytest.raises(KeyFormatError):
        age.parse_recipient(text)


@pytest.mark.parametrize("text", [
    SPEC_X25519_IDENTITY.lower(),  # identities are upper case
    SPEC_X25519_RECIPIENT,
    bech32.encode("AGE-SECRET-KEY-", bytes(33)),
    bech32.encode("AGE-SECRET-KEY-PQ-", bytes(31)),
    "AGE-SECRET-KEY-1",
])
def test_parse_identity_rejects(text: str) -> None:
    with pytest.raises(KeyFormatError):
        age.parse_identity(text)


def test_parse_identities_key_file() -> None:
    text = f"# created: 2026-01-01\n# public key: {SPEC_X25519_RECIPIENT}\n"
    text += f"{SPEC_X25519_IDENTITY}\n\n"
    (ident,) = age.parse_identities(text)
    assert ident.to_string() == SPEC_X25519_IDENTITY
    with pytest.raises(KeyFormatError):
        age.parse_identities("# nothing here\n")


# --- round trips ---------------------------------------------------------------------------


SIZES = [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 1024 * 1024 + 17]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("armor", [False, True], ids=["binary", "armor"])
def test_round_trip_x25519(size: int, armor: bool) -> None:
    ident = age.X25519Identity.generate()
    plain = os.urandom(size)
    ct = age.encrypt_bytes(plain, [ident.recipient()], armor=armor)
    start = b"-----BEGIN AGE ENCRYPTED FILE-----\n" if armor else b"age-encryption.org/v1\n"
    assert ct.startswith(start)
    assert age.decrypt_bytes(ct, [ident]) == plain


def test_round_trip_hybrid_and_multiple_recipients() -> None:
    a, b = age.HybridIdentity.generate(), age.HybridIdentity.generate()
    plain = os.urandom(1000)
    ct = age.encrypt_bytes(plain, [a.recipient(), b.recipient()])
    assert ct.count(b"\n-> mlkem768x25519 ") == 2
    assert age.decrypt_bytes(ct, [b]) == plain
    assert age.decrypt_bytes(ct, [age.X25519Identity.generate(), a]) == plain
    with pytest.raises(NoIdentityMatchError):
        age.decrypt_bytes(ct, [age.HybridIdentity.generate()])


def test_round_trip_scrypt() -> None:
    ct = age.encrypt_bytes(b"secret", [age.ScryptRecipient("correct horse", work_factor=10)])
    assert b"\n-> scrypt " in ct and ct.split(b"\n")[1].endswith(b" 10")
    assert age.decrypt_bytes(ct, [age.ScryptIdentity("correct horse")]) == b"secret"
    assert age.decrypt_bytes(ct, [age.ScryptIdentity(b"correct horse")]) == b"secret"
    with pytest.raises(NoIdentityMatchError):
        age.decrypt_bytes(ct, [age.ScryptIdentity("wrong")])
    with pytest.raises(HeaderError):
        age.decrypt_bytes(ct, [age.ScryptIdentity("correct horse", max_work_factor=9)])


def test_recipient_mixing_rules() -> None:
    x = age.X25519Identity.generate().recipient()
    pq = age.HybridIdentity.generate().recipient()
    scrypt = age.ScryptRecipient("pw", work_factor=10)
    with pytest.raises(ValueError, match="post-quantum"):
        age.encrypt_bytes(b"x", [pq, x])
    with pytest.raises(ValueError, match="only recipient"):
        age.encrypt_bytes(b"x", [scrypt, x])
    with pytest.raises(ValueError, match="only recipient"):
        age.encrypt_bytes(b"x", [scrypt, age.ScryptRecipient("pw2", work_factor=10)])
    with pytest.raises(ValueError):
        age.encrypt_bytes(b"x", [])
    with pytest.raises(ValueError):
        age.ScryptRecipient("")


def test_wrong_identity_and_tampered_mac() -> None:
    ident = age.X25519Identity.generate()
    ct = age.encrypt_bytes(b"hello", [ident.recipient()])
    with pytest.raises(NoIdentityMatchError):
        age.decrypt_bytes(ct, [age.X25519Identity.generate()])
    with pytest.raises(NoIdentityMatchError):
        age.decrypt_bytes(ct, [])
    # Add a foreign stanza and keep the old MAC: the file key unwraps, the MAC must fail.
    header, _, rest = ct.partition(b"\n---")
    forged = header + b"\n-> grease x\n" + b"\n---" + rest
    with pytest.raises(HeaderMacError):
        age.decrypt_bytes(forged, [ident])


def test_header_round_trip_and_strict_base64() -> None:
    stanzas = [Stanza("X25519", ("abc",), os.urandom(48)), Stanza("t", ("a", "b"), b"")]
    raw = encode_header(stanzas, bytes(16))
    header = parse_header(Source(io.BytesIO(raw)))
    assert header.stanzas == tuple(stanzas)
    for bad in ("YQ==", "YR", "Y", "a b", "Y\n"):
        with pytest.raises(HeaderError):
            b64decode(bad)
    assert b64decode("YQ") == b"a"


# --- streaming file-likes -------------------------------------------------------------------


def test_tarfile_stream_through_writer_and_reader() -> None:
    ident = age.X25519Identity.generate()
    files = {"a.txt": b"alpha", "dir/b.bin": os.urandom(200_000), "empty": b""}
    out = io.BytesIO()
    with age.encrypt_writer(out, [ident.recipient()]) as w, \
            tarfile.open(fileobj=w, mode="w|", format=tarfile.PAX_FORMAT) as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    got = {}
    reader = age.decrypt_reader(io.BytesIO(out.getvalue()), [ident])
    with tarfile.open(fileobj=reader, mode="r|") as tar:
        for member in tar:
            f = tar.extractfile(member)
            assert f is not None
            got[member.name] = f.read()
    assert got == files


def test_writer_aborted_by_exception_gives_undecryptable_file() -> None:
    ident = age.X25519Identity.generate()
    out = io.BytesIO()
    with pytest.raises(RuntimeError), age.encrypt_writer(out, [ident.recipient()]) as w:
        w.write(os.urandom(3 * CHUNK_SIZE))
        raise RuntimeError("disk full")
    with pytest.raises(PayloadError):
        age.decrypt_bytes(out.getvalue(), [ident])


def test_reader_raises_payload_error_on_truncation() -> None:
    ident = age.X25519Identity.generate()
    plain = os.urandom(3 * CHUNK_SIZE)
    ct = age.encrypt_bytes(plain, [ident.recipient()])
    reader = age.decrypt_reader(io.BytesIO(ct[:-100]), [ident])
    got = bytearray()
    with pytest.raises(PayloadError):
        while data := reader.read(4096):
            got += data
    assert plain.startswith(bytes(got)) and len(got) == 2 * CHUNK_SIZE


def test_progress_and_cancel() -> None:
    ident = age.X25519Identity.generate()
    plain = os.urandom(3 * 1024 * 1024 + 5)
    seen: list[int] = []
    out = io.BytesIO()
    rec = [ident.recipient()]
    assert age.encrypt(io.BytesIO(plain), out, rec, progress=seen.append) == len(plain)
    assert seen[-1] == len(plain) and len(seen) >= 3
    seen.clear()
    back = io.BytesIO()
    n = age.decrypt(io.BytesIO(out.getvalue()), back, [ident], progress=seen.append)
    assert n == len(plain)
    assert back.getvalue() == plain and seen[-1] == len(plain)
    calls = iter([False, False, True])
    with pytest.raises(CancelledError):
        age.encrypt(io.BytesIO(plain), io.BytesIO(), rec, cancel=lambda: next(calls))
    with pytest.raises(CancelledError):
        age.decrypt(io.BytesIO(out.getvalue()), io.BytesIO(), [ident], cancel=lambda: True)


# --- decrypt_to_file ------------------------------------------------------------------------


def test_decrypt_to_file_success(tmp_path: Path) -> None:
    ident = age.X25519Identity.generate()
    plain = os.urandom(CHUNK_SIZE * 2 + 3)
    ct = age.encrypt_bytes(plain, [ident.recipient()])
    target = tmp_path / "out.bin"
    assert age.decrypt_to_file(io.BytesIO(ct), target, [ident]) == len(plain)
    assert target.read_bytes() == plain
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


@pytest.mark.parametrize("damage", ["truncate", "flip", "wrong_key", "cancel"])
def test_decrypt_to_file_leaves_nothing_on_error(tmp_path: Path, damage: str) -> None:
    ident = age.X25519Identity.generate()
    ct = bytearray(age.encrypt_bytes(os.urandom(CHUNK_SIZE * 3), [ident.recipient()]))
    idents: list[age.Identity] = [ident]
    cancel = None
    expected: type[Exception] = PayloadError
    if damage == "truncate":
        del ct[-1]
    elif damage == "flip":
        ct[-10] ^= 1
    elif damage == "wrong_key":
        idents, expected = [age.X25519Identity.generate()], NoIdentityMatchError
    else:
        cancel, expected = (lambda: True), CancelledError
    target = tmp_path / "out.bin"
    with pytest.raises(expected):
        age.decrypt_to_file(io.BytesIO(bytes(ct)), target, idents, cancel=cancel)
    assert list(tmp_path.iterdir()) == []


def test_decrypt_to_file_keeps_existing_file_on_error(tmp_path: Path) -> None:
    ident = age.X25519Identity.generate()
    target = tmp_path / "out.bin"
    target.write_bytes(b"previous")
    ct = age.encrypt_bytes(b"new", [ident.recipient()])
    with pytest.raises(PayloadError):
        age.decrypt_to_file(io.BytesIO(ct[:-1]), target, [ident])
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


# --- armor ------------------------------------------------------------------------------------


def test_armor_format_and_strictness() -> None:
    ident = age.X25519Identity.generate()
    ct = age.encrypt_bytes(os.urandom(500), [ident.recipient()], armor=True)
    lines = ct.split(b"\n")
    assert lines[0] == b"-----BEGIN AGE ENCRYPTED FILE-----"
    assert lines[-2] == b"-----END AGE ENCRYPTED FILE-----" and lines[-1] == b""
    assert all(len(x) == 64 for x in lines[1:-3]) and 0 < len(lines[-3]) <= 64
    assert age.decrypt_bytes(b"\n \t" + ct.replace(b"\n", b"\r\n") + b"\n\n", [ident])
    with pytest.raises(ArmorError):
        age.decrypt_bytes(ct + b"x", [ident])
    with pytest.raises(ArmorError):
        age.decrypt_bytes(ct.replace(b"\n", b" \n", 1), [ident])
    with pytest.raises(ArmorError):
        age.decrypt_bytes(b"garbage", [ident])


def test_low_order_recipient_is_refused() -> None:
    with pytest.raises(KeyFormatError):
        age.encrypt_bytes(b"x", [age.X25519Recipient(bytes(32))])


def test_header_mac_is_checked_in_constant_time_before_the_payload(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import crypto.age_header as age_header

    calls: list[bytes] = []
    real = age_header.std_hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append(b)
        return real(a, b)

    monkeypatch.setattr(age_header.std_hmac, "compare_digest", spy)
    ident = age.X25519Identity.generate()
    ct = age.encrypt_bytes(b"payload", [ident.recipient()])
    assert age.decrypt_bytes(ct, [ident]) == b"payload" and len(calls) == 1
    # A wrong MAC and no payload at all: the MAC error comes first, nothing else is read.
    head, _, rest = ct.partition(b"\n--- ")
    mac = bytearray(b64decode(rest[:43]))
    mac[0] ^= 1
    forged = head + b"\n--- " + b64encode(bytes(mac)).encode() + b"\n"
    with pytest.raises(HeaderMacError):
        age.decrypt_reader(io.BytesIO(forged), [ident])
    assert calls[-1] == bytes(mac)
