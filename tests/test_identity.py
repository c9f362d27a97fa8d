"""Personal identities and key cards: generation, encrypted storage, strict card parsing,
fingerprints, QR codes, and interop with ssh-keygen and age."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from crypto import age, kdf, sshsig
from crypto.errors import KeyCardError, KeyFormatError, WrongPassphraseError
from crypto.identity import (
    CARD_HEADER,
    MAX_CARD_BYTES,
    KeyCard,
    PersonalIdentity,
    check_display_name,
    fingerprint_of,
)
from tests.conftest import PEERS, peers_required, require_tool

SMALL = kdf.Argon2Params(memory_kib=64, iterations=1, lanes=1)
IDENTITY = PersonalIdentity.generate("Amira Haddad")
CARD = IDENTITY.card()
TEXT = CARD.to_text()


def _resign(body: str, key: Ed25519PrivateKey = IDENTITY.signing_key) -> str:
    """A card with an arbitrary body, correctly self-signed (to reach the field checks)."""
    return body + sshsig.sign(key, body.encode(), sshsig.KEYCARD_NAMESPACE)


def _body(text: str = TEXT) -> str:
    return text[: text.index("-----BEGIN SSH SIGNATURE-----")]


# --- identity ---------------------------------------------------------------------------


def test_generate_fills_every_part() -> None:
    assert IDENTITY.name == "Amira Haddad"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", IDENTITY.created)
    assert isinstance(IDENTITY.signing_key, Ed25519PrivateKey)
    kinds = {type(i) for i in IDENTITY.age_identities()}
    assert kinds == {age.X25519Identity, age.HybridIdentity}
    other = PersonalIdentity.generate("Amira Haddad")
    assert other.fingerprint() != IDENTITY.fingerprint()


def test_name_is_normalized_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Zoë Łukasiewicz")
    assert PersonalIdentity.generate(decomposed).name == unicodedata.normalize(
        "NFC", "Zoë Łukasiewicz"
    )


@pytest.mark.parametrize(
    "name",
    [
        "",
        " leading",
        "trailing ",
        "new\nline",
        "tab\there",
        "nul\x00",
        "bidi \u202eevil",
        "zero\u200bwidth",
        "line\u2028sep",
        "private \ue000",
        "x" * 65,
    ],
)
def test_generate_rejects_bad_names(name: str) -> None:
    with pytest.raises(ValueError):
        PersonalIdentity.generate(name)
    with pytest.raises(ValueError):
        check_display_name(name)


def test_no_plaintext_serializer_and_no_secrets_in_repr() -> None:
    public = {name for name in dir(PersonalIdentity) if not name.startswith("_")}
    assert public == {
        "age_identities",
        "card",
        "created",
        "fingerprint",
        "from_encrypted_bytes",
        "generate",
        "name",
        "public_key",
        "seal",
        "signing_key",
        "to_encrypted_bytes",
        "unseal",
    }
    assert "Amira" not in repr(IDENTITY) and "Amira" not in repr(CARD)
    assert "SECRET" not in repr(IDENTITY)


def test_encrypted_bytes_round_trip() -> None:
    blob = IDENTITY.to_encrypted_bytes("correct horse battery", SMALL)
    secret_hex = IDENTITY.signing_key.private_bytes_raw().hex().encode()
    assert secret_hex not in blob and b"Amira" not in blob and b"AGE-SECRET" not in blob
    restored = PersonalIdentity.from_encrypted_bytes(blob, "correct horse battery")
    assert restored.card().to_text() == TEXT  # same keys, name, time; Ed25519 deterministic
    assert restored.signing_key.private_bytes_raw() == IDENTITY.signing_key.private_bytes_raw()
    assert [i.to_string() for i in restored.age_identities()] == [
        i.to_string() for i in IDENTITY.age_identities()
    ]


def test_encrypted_bytes_default_params_meet_minimum() -> None:
    blob = IDENTITY.to_encrypted_bytes(b"pw")
    assert int.from_bytes(blob[5:9], "big") >= 256 * 1024
    assert int.from_bytes(blob[9:13], "big") >= 3


def test_wrong_passphrase_and_damage_are_rejected() -> None:
    blob = IDENTITY.to_encrypted_bytes(b"right", SMALL)
    with pytest.raises(WrongPassphraseError):
        PersonalIdentity.from_encrypted_bytes(blob, b"wrong")
    with pytest.raises(WrongPassphraseError):
        PersonalIdentity.from_encrypted_bytes(blob[:-1], b"right")
    with pytest.raises(WrongPassphraseError):
        PersonalIdentity.from_encrypted_bytes(b"", b"right")


def test_text_passphrase_is_nfc_normalized() -> None:
    blob = IDENTITY.to_encrypted_bytes(unicodedata.normalize("NFD", "pässwörd"), SMALL)
    restored = PersonalIdentity.from_encrypted_bytes(blob, unicodedata.normalize("NFC", "pässwörd"))
    assert restored.fingerprint() == IDENTITY.fingerprint()


def test_seal_unseal_with_vault_key() -> None:
    key = bytes(range(32))
    blob = IDENTITY.seal(key)
    assert PersonalIdentity.unseal(blob, key).card().to_text() == TEXT
    with pytest.raises(WrongPassphraseError):
        PersonalIdentity.unseal(blob, bytes(32))
    with pytest.raises(WrongPassphraseError):
        kdf.unseal(key, blob)  # bound to its purpose by associated data


def test_authenticated_but_malformed_payload_is_key_format_error() -> None:
    key = bytes(range(32))
    for payload in [b"not json", b"[]", b'{"format": "evidence-vault identity"}']:
        blob = kdf.seal(key, payload, aad=b"evidence-vault identity v1")
        with pytest.raises(KeyFormatError):
            PersonalIdentity.unseal(blob, key)


def test_age_identities_decrypt_files_for_card_recipients() -> None:
    for recipient in (CARD.age_recipient, CARD.pq_recipient):
        sealed = age.encrypt_bytes(b"testimony", [recipient])
        assert age.decrypt_bytes(sealed, IDENTITY.age_identities()) == b"testimony"


# --- fingerprint ------------------------------------------------------------------------


def test_fingerprint_format_and_derivation() -> None:
    fp = IDENTITY.fingerprint()
    assert re.fullmatch(r"(\d{5} ){11}\d{5}", fp)
    assert fp == CARD.fingerprint() == fingerprint_of(IDENTITY.public_key)
    raw = IDENTITY.public_key.public_bytes_raw()
    number = int(hashlib.sha256(raw).hexdigest(), 16) % 10**60
    assert fp.replace(" ", "") == str(number).zfill(60)


def test_fingerprint_of_known_key() -> None:
    pub = Ed25519PrivateKey.from_private_bytes(bytes(32)).public_key()
    digest = hashlib.sha256(pub.public_bytes_raw()).digest()
    digits = str(int.from_bytes(digest, "big") % 10**60).zfill(60)
    assert fingerprint_of(pub) == " ".join(digits[i : i + 5] for i in range(0, 60, 5))


# --- key card ---------------------------------------------------------------------------


def test_card_layout_and_round_trip() -> None:
    lines = TEXT.split("\n")
    assert lines[0] == CARD_HEADER
    assert lines[1] == "name: Amira Haddad"
    assert lines[2] == f"created: {IDENTITY.created}"
    assert lines[3].startswith("age: age1") and lines[4].startswith("age-pq: age1pq1")
    assert lines[5] == "ssh: " + sshsig.public_key_to_openssh(IDENTITY.public_key)
    assert lines[6] == "-----BEGIN SSH SIGNATURE-----" and TEXT.endswith("-----\n")
    parsed = KeyCard.parse(TEXT)
    assert parsed.to_text() == TEXT and KeyCard.parse(TEXT.encode()) == parsed
    assert hash(parsed) == hash(CARD) and {parsed, CARD} == {CARD}
    assert parsed != PersonalIdentity.generate("Amira Haddad").card()
    assert parsed.name == "Amira Haddad" and parsed.created == IDENTITY.created
    assert parsed.age_recipient == IDENTITY.age_identities()[1].recipient()
    assert parsed.pq_recipient == IDENTITY.age_identities()[0].recipient()
    assert parsed.signing_key.public_bytes_raw() == IDENTITY.public_key.public_bytes_raw()
    assert len(TEXT.encode()) < MAX_CARD_BYTES


def test_card_with_non_ascii_name_round_trips() -> None:
    card = PersonalIdentity.generate("Ахмед 李明 عمر").card()
    assert KeyCard.parse(card.to_text().encode("utf-8")).name == "Ахмед 李明 عمر"


def _replace_line(index: int, new: str) -> str:
    lines = _body().split("\n")
    lines[index] = new
    return "\n".join(lines)


OTHER_KEY = Ed25519PrivateKey.generate()


@pytest.mark.parametrize(
    ("card", "why"),
    [
        ("", "empty"),
        (TEXT + "extra\n", "trailing data"),
        (TEXT + TEXT, "two cards"),
        (_body(), "no signature"),
        ("x" * (MAX_CARD_BYTES + 1), "too large"),
        (
            _body() + "\n".join(TEXT[len(_body()) :].split("\n", 2)[:2]) + TEXT.split("\n", 8)[8],
            "sig rewrapped",
        ),
        (_resign(_body().replace(CARD_HEADER, "evidence-vault key card v2")), "version"),
        (_resign(_body() + "email: a@b\n"), "unknown field"),
        (_resign(_body().replace("name: Amira Haddad\n", "")), "missing field"),
        (_resign(_replace_line(1, "Name: Amira Haddad")), "field case"),
        (_resign(_replace_line(1, "name:Amira Haddad")), "no space"),
        (_resign(_replace_line(1, "name: Amira\u202eHaddad")), "bidi in name"),
        (_resign(_replace_line(1, "name: Amira\x07Haddad")), "control in name"),
        (_resign(_replace_line(1, "name:  Amira")), "leading space in name"),
        (_resign(_replace_line(1, "name: " + unicodedata.normalize("NFD", "Zoë"))), "NFD"),
        (_resign(_replace_line(2, "created: 2026-13-01T00:00:00Z")), "bad month"),
        (_resign(_replace_line(2, "created: 2026-11-24 10:00:00")), "time format"),
        (_resign(_replace_line(3, "age: " + _body().split("\n")[3][5:].upper())), "upper bech32"),
        (_resign(_replace_line(3, _body().split("\n")[3] + " ")), "trailing space"),
        (_resign(_replace_line(3, "age: age1qqqq")), "bad recipient"),
        (_resign(_replace_line(4, "age-pq: " + _body().split("\n")[3][5:])), "classic as pq"),
        (_resign(_replace_line(5, _body().split("\n")[5] + " comment")), "ssh comment"),
        (_resign(_body(), OTHER_KEY), "signed by another key"),
        (
            _body() + sshsig.sign(IDENTITY.signing_key, _body().encode(), "other@ns"),
            "wrong namespace",
        ),
        (
            _body() + sshsig.sign(IDENTITY.signing_key, b"other", sshsig.KEYCARD_NAMESPACE),
            "signature over other bytes",
        ),
    ],
)
def test_parse_rejects_malformed_cards(card: str, why: str) -> None:
    with pytest.raises(KeyCardError):
        KeyCard.parse(card)


def test_parse_rejects_non_utf8_bytes_and_unencodable_text() -> None:
    with pytest.raises(KeyCardError, match="UTF-8"):
        KeyCard.parse(TEXT.encode().replace(b"Amira", b"Am\xffra"))
    with pytest.raises(KeyCardError, match="UTF-8"):
        KeyCard.parse(TEXT.replace("Amira", "Am\ud800ra"))
    with pytest.raises(KeyCardError, match="too large"):
        KeyCard.parse("\u00e9" * (MAX_CARD_BYTES // 2 + 1))  # few chars, too many bytes


def test_swapping_in_another_persons_key_fails() -> None:
    other = PersonalIdentity.generate("Amira Haddad").card().to_text()
    mixed = _replace_line(5, other.split("\n")[5]) + TEXT[len(_body()) :]
    with pytest.raises(KeyCardError):
        KeyCard.parse(mixed)


CARD_BYTES = TEXT.encode()


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_card_mutation_is_rejected_or_is_transport_damage(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
    index = data.draw(st.integers(0, len(CARD_BYTES) - 1))
    if kind == "flip":
        mutated = bytearray(CARD_BYTES)
        mutated[index] ^= 1 << data.draw(st.integers(0, 7))
    elif kind == "truncate":
        mutated = bytearray(CARD_BYTES[:index])
    elif kind == "insert":
        extra = data.draw(st.binary(min_size=1, max_size=4))
        mutated = bytearray(CARD_BYTES[:index] + extra + CARD_BYTES[index:])
    else:
        mutated = bytearray(CARD_BYTES[:index] + CARD_BYTES[index + 1 :])
    try:
        parsed = KeyCard.parse(bytes(mutated))
    except KeyCardError:
        return
    # Only transport damage (line ends, final newlines) is undone: never a different card.
    assert parsed.to_text() == TEXT
    assert bytes(mutated).replace(b"\r\n", b"\n").rstrip(b"\n") == CARD_BYTES.rstrip(b"\n")


def test_qr_png_and_svg(tmp_path: Path) -> None:
    path = tmp_path / "card.png"
    CARD.qr_png(str(path))
    stream = io.BytesIO()
    CARD.qr_png(stream)
    assert stream.getvalue() == path.read_bytes()
    with Image.open(path) as image:
        assert image.format == "PNG" and image.size[0] == image.size[1] > 100
    svg = CARD.qr_svg()
    assert "<svg" in svg and svg.rstrip().endswith("</svg>")


# --- interop ----------------------------------------------------------------------------


@pytest.mark.interop
def test_ssh_keygen_verifies_card_self_signature(tmp_path: Path) -> None:
    keygen = require_tool("ssh-keygen")
    body = _body()
    signature = TEXT[len(body) :]
    ssh_line = body.split("\n")[5].removeprefix("ssh: ")
    (tmp_path / "allowed").write_text(f'card namespaces="{sshsig.KEYCARD_NAMESPACE}" {ssh_line}\n')
    (tmp_path / "card.sig").write_text(signature)
    subprocess.run(
        [keygen, "-Y", "verify", "-f", str(tmp_path / "allowed"), "-I", "card",
         "-n", sshsig.KEYCARD_NAMESPACE, "-s", str(tmp_path / "card.sig")],
        input=body.encode(), check=True, capture_output=True,
    )  # fmt: skip


@pytest.mark.interop
def test_age_cli_encrypts_to_card_recipient(tmp_path: Path) -> None:
    age_cli = require_tool("age")
    sealed = subprocess.run(
        [age_cli, "-r", CARD.age_recipient.to_string()],
        input=b"statement", check=True, capture_output=True,
    ).stdout  # fmt: skip
    assert age.decrypt_bytes(sealed, IDENTITY.age_identities()) == b"statement"


@pytest.mark.interop
def test_typage_encrypts_to_card_post_quantum_recipient() -> None:
    node = require_tool("node")
    if not (PEERS / "node_modules" / "age-encryption").is_dir():
        msg = "typage is not installed (npm ci in tests/peers)"
        pytest.fail(msg) if peers_required() else pytest.skip(msg)
    sealed = subprocess.run(
        [node, str(PEERS / "typage_cli.mjs"), "encrypt", "-r", CARD.pq_recipient.to_string()],
        input=b"statement", check=True, capture_output=True, cwd=PEERS,
    ).stdout  # fmt: skip
    assert b"mlkem768x25519" in sealed
    assert age.decrypt_bytes(sealed, IDENTITY.age_identities()) == b"statement"


@pytest.mark.parametrize(
    ("card", "why"),
    [
        (TEXT.replace("\n", "\r\n"), "CRLF"),
        (TEXT[:-1], "no final newline"),
        (TEXT + "\n\n", "extra final newlines"),
        ("\ufeff" + TEXT, "byte order mark"),
        (("\ufeff" + TEXT).replace("\n", "\r\n").encode("utf-8"), "all of it, as bytes"),
    ],
)
def test_transport_damage_is_undone(card: str | bytes, why: str) -> None:
    """Mail, chat and Windows editors change line ends; the card is still the same card."""
    assert KeyCard.parse(card).to_text() == TEXT, why


def test_a_lone_carriage_return_is_still_refused() -> None:
    with pytest.raises(KeyCardError):
        KeyCard.parse(TEXT.replace("\n", "\r", 1))
