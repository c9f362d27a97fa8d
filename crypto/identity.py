"""Personal identities and their public key cards.

A :class:`PersonalIdentity` holds one Ed25519 signing key (bundle, custody and key card
signatures), one X25519 age identity and one post-quantum hybrid age identity
(``mlkem768x25519``), plus a display name and a creation time. It is only ever stored
encrypted: with a passphrase (:meth:`PersonalIdentity.to_encrypted_bytes`, Argon2id) or
with the vault's master key (:meth:`PersonalIdentity.seal`). There is no plaintext
serializer in the public API.

A :class:`KeyCard` is the public half, as a small UTF-8 text that the owner signs with the
key it announces (format in ``docs/keycard.md``). Its fingerprint is 12 groups of 5
digits derived from the Ed25519 public key only, so anyone can recompute it from the key
in a custody event; the self-signature binds the rest of the card to that key.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

if TYPE_CHECKING:
    import segno

from crypto import kdf, sshsig
from crypto.age import HybridIdentity, HybridRecipient, X25519Identity, X25519Recipient
from crypto.errors import CryptoError, KeyCardError, KeyFormatError

CARD_HEADER = "evidence-vault key card v1"
MAX_CARD_BYTES = 8192
MAX_NAME_CHARS = 64

_SEAL_AAD = b"evidence-vault identity v1"
_PAYLOAD_FORMAT = "evidence-vault identity"
_PAYLOAD_VERSION = 1
_CREATED = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_FIELDS = ("name", "created", "age", "age-pq", "ssh")
_SIG_BEGIN = "-----BEGIN SSH SIGNATURE-----\n"
# Control, format (bidi overrides, zero-width), surrogate, private-use, unassigned, and
# line/paragraph separators: none may appear in a display name.
_FORBIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def fingerprint_of(pub: Ed25519PublicKey) -> str:
    """Fingerprint of an Ed25519 public key: SHA-256 of its 32 raw bytes, as a big-endian
    integer mod 10**60, written as 12 space-separated groups of 5 decimal digits.

    2**256 is about 1.16e77, so the reduction mod 10**60 is uniform to within 1e-17.
    """
    digest = hashlib.sha256(pub.public_bytes_raw()).digest()
    digits = f"{int.from_bytes(digest, 'big') % 10**60:060d}"
    return " ".join(digits[i : i + 5] for i in range(0, 60, 5))


def check_display_name(name: str) -> str:
    """The name in NFC if it is acceptable on a key card, else ValueError.

    1 to 64 characters, no leading or trailing whitespace, and no control, format,
    private-use, unassigned or line-separator characters.
    """
    normal = unicodedata.normalize("NFC", name)
    if not 1 <= len(normal) <= MAX_NAME_CHARS:
        raise ValueError(f"display name must have 1 to {MAX_NAME_CHARS} characters")
    if normal != normal.strip():
        raise ValueError("display name must not start or end with whitespace")
    if any(unicodedata.category(ch) in _FORBIDDEN_CATEGORIES for ch in normal):
        raise ValueError("display name contains control or invisible characters")
    return normal


def _utc_now() -> str:
    return datetime.now(UTC).strftime(_TIME_FORMAT)


def _check_created(created: str) -> str:
    """The creation time if it is ``YYYY-MM-DDTHH:MM:SSZ`` and a real instant."""
    if not _CREATED.fullmatch(created):
        raise ValueError("creation time must be YYYY-MM-DDTHH:MM:SSZ")
    datetime.strptime(created, _TIME_FORMAT)  # raises ValueError on e.g. month 13
    return created



def _undo_transport(text: str) -> str:
    """A card as mail, a chat or a Windows editor may hand it over: a UTF-8 byte order mark,
    CRLF line ends and missing or extra final newlines are undone. What the card says
    cannot change: the signature must still verify over the canonical text."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").rstrip("\n") + "\n"


@dataclass(frozen=True, repr=False, eq=False)
class KeyCard:
    """The public key card of a person: name, age recipients, SSH key, self-signature.

    Build one with :meth:`PersonalIdentity.card` or :meth:`parse`; the fields are only
    trustworthy on a card that came from one of those.
    """

    name: str
    created: str
    age_recipient: X25519Recipient
    pq_recipient: HybridRecipient
    signing_key: Ed25519PublicKey
    signature: str

    def _body(self) -> str:
        """The signed part: header and fields, one per line."""
        return _card_body(
            self.name, self.created, self.age_recipient, self.pq_recipient, self.signing_key
        )

    def to_text(self) -> str:
        """The card as UTF-8 text, exactly as signed and as :meth:`parse` accepts it."""
        return self._body() + self.signature

    def fingerprint(self) -> str:
        """Fingerprint of the card's Ed25519 key (see :func:`fingerprint_of`)."""
        return fingerprint_of(self.signing_key)

    def __repr__(self) -> str:
        return f"KeyCard(fingerprint={self.fingerprint()!r})"  # no name: repr may be logged

    def __eq__(self, other: object) -> bool:
        """Cards are equal when their canonical texts are."""
        return isinstance(other, KeyCard) and other.to_text() == self.to_text()

    def __hash__(self) -> int:
        return hash(self.to_text())

    @classmethod
    def parse(cls, untrusted: str | bytes) -> KeyCard:
        """Parse and check a card; any malformation or a bad self-signature raises
        KeyCardError."""
        try:
            return cls._parse(untrusted)
        except KeyCardError:
            raise
        except CryptoError as exc:  # our own one-line messages, never secret
            raise KeyCardError(f"key card is invalid: {exc}") from None
        except ValueError:  # name or creation time
            raise KeyCardError("key card has an invalid name or creation time") from None

    @classmethod
    def _parse(cls, untrusted: str | bytes) -> KeyCard:
        if len(untrusted) > MAX_CARD_BYTES:  # a str has at most as many chars as UTF-8 bytes
            raise KeyCardError("key card is too large")
        try:
            raw = untrusted if isinstance(untrusted, bytes) else untrusted.encode("utf-8")
            text = raw.decode("utf-8")
        except UnicodeError:
            raise KeyCardError("key card is not valid UTF-8 text") from None
        if len(raw) > MAX_CARD_BYTES:
            raise KeyCardError("key card is too large")
        text = _undo_transport(text)
        split = text.find("\n" + _SIG_BEGIN)
        if split < 0:
            raise KeyCardError("key card has no signature")
        body, signature = text[: split + 1], text[split + 1 :]
        lines = body[:-1].split("\n")
        if len(lines) != 1 + len(_FIELDS) or lines[0] != CARD_HEADER:
            raise KeyCardError("key card header or field count is wrong")
        values: list[str] = []
        for line, field in zip(lines[1:], _FIELDS, strict=True):
            prefix = field + ": "
            if not line.startswith(prefix):
                raise KeyCardError("key card fields are unknown or out of order")
            values.append(line[len(prefix) :])
        name, created, age, age_pq, ssh = values
        if check_display_name(name) != name:
            raise KeyCardError("key card name is not in NFC")
        card = cls(
            name=name,
            created=_check_created(created),
            age_recipient=X25519Recipient.parse(age),
            pq_recipient=HybridRecipient.parse(age_pq),
            signing_key=sshsig.parse_openssh_public_key(ssh),
            signature=signature,
        )
        if card._body() != body:
            raise KeyCardError("key card is not in canonical form")
        if sshsig.canonical_armor(signature) != signature:
            raise KeyCardError("key card signature block is not in canonical form")
        sshsig.verify(signature, body.encode("utf-8"), sshsig.KEYCARD_NAMESPACE, card.signing_key)
        return card

    def qr_png(self, path_or_stream: str | BinaryIO, scale: int = 4) -> None:
        """Write the card text as a QR code PNG (to a path or a binary stream)."""
        self._qr().save(path_or_stream, kind="png", scale=scale, border=4)

    def qr_svg(self, scale: int = 4) -> str:
        """The card text as a QR code in SVG."""
        out = io.BytesIO()
        self._qr().save(out, kind="svg", scale=scale, border=4)
        return out.getvalue().decode("utf-8")

    def _qr(self) -> segno.QRCode:
        """QR code of the UTF-8 card text; level L because the card is large."""
        import segno  # on first use: it pulls in urllib, http and email at import time

        return segno.make(self.to_text().encode("utf-8"), error="L", micro=False, boost_error=False)


def _card_body(
    name: str,
    created: str,
    age: X25519Recipient,
    age_pq: HybridRecipient,
    signing_key: Ed25519PublicKey,
) -> str:
    fields = (
        name,
        created,
        age.to_string(),
        age_pq.to_string(),
        sshsig.public_key_to_openssh(signing_key),
    )
    lines = [CARD_HEADER] + [f"{key}: {value}" for key, value in zip(_FIELDS, fields, strict=True)]
    return "\n".join(lines) + "\n"


class PersonalIdentity:
    """One person's keys: Ed25519 signing, X25519 and hybrid age decryption.

    Create with :meth:`generate`; store only with :meth:`to_encrypted_bytes` or
    :meth:`seal`; share :meth:`card`.
    """

    def __init__(
        self,
        *,
        name: str,
        created: str,
        signing_key: Ed25519PrivateKey,
        x25519: X25519Identity,
        hybrid: HybridIdentity,
    ) -> None:
        self._name = check_display_name(name)
        self._created = _check_created(created)
        self._signing_key = signing_key
        self._x25519 = x25519
        self._hybrid = hybrid

    @classmethod
    def generate(cls, name: str) -> PersonalIdentity:
        """Fresh keys for ``name`` (ValueError if the name is not acceptable)."""
        return cls(
            name=name,
            created=_utc_now(),
            signing_key=Ed25519PrivateKey.generate(),
            x25519=X25519Identity.generate(),
            hybrid=HybridIdentity.generate(),
        )

    @property
    def name(self) -> str:
        """The display name (NFC)."""
        return self._name

    @property
    def created(self) -> str:
        """Creation time, UTC, ``YYYY-MM-DDTHH:MM:SSZ``."""
        return self._created

    @property
    def signing_key(self) -> Ed25519PrivateKey:
        """The Ed25519 key for :func:`crypto.sshsig.sign`."""
        return self._signing_key

    @property
    def public_key(self) -> Ed25519PublicKey:
        """The Ed25519 public key (what custody events and bundles name)."""
        return self._signing_key.public_key()

    def age_identities(self) -> list[X25519Identity | HybridIdentity]:
        """The age identities for decrypting files sent to this person."""
        return [self._hybrid, self._x25519]

    def fingerprint(self) -> str:
        """Same value as ``self.card().fingerprint()``."""
        return fingerprint_of(self.public_key)

    def card(self) -> KeyCard:
        """The signed public key card (deterministic: Ed25519 signatures are)."""
        body = _card_body(
            self.name,
            self.created,
            self._x25519.recipient(),
            self._hybrid.recipient(),
            self.public_key,
        )
        signature = sshsig.sign(self._signing_key, body.encode("utf-8"), sshsig.KEYCARD_NAMESPACE)
        return KeyCard.parse(body + signature)

    def _payload(self) -> bytes:
        """Private serialization, only ever passed to an encryption function."""
        return json.dumps(
            {
                "format": _PAYLOAD_FORMAT,
                "version": _PAYLOAD_VERSION,
                "name": self.name,
                "created": self.created,
                "ed25519": self._signing_key.private_bytes_raw().hex(),
                "age": self._x25519.to_string(),
                "age_pq": self._hybrid.to_string(),
            },
            ensure_ascii=False,
            sort_keys=True,
        ).encode("utf-8")

    @classmethod
    def _from_payload(cls, payload: bytes) -> PersonalIdentity:
        """Inverse of :meth:`_payload` for authenticated bytes; KeyFormatError if wrong."""
        try:
            data = json.loads(payload.decode("utf-8"))
            if not isinstance(data, dict) or set(data) != {
                "format",
                "version",
                "name",
                "created",
                "ed25519",
                "age",
                "age_pq",
            }:
                raise KeyFormatError("identity payload has unexpected fields")
            if data["format"] != _PAYLOAD_FORMAT or data["version"] != _PAYLOAD_VERSION:
                raise KeyFormatError("identity payload has an unsupported format")
            return cls(
                name=data["name"],
                created=data["created"],
                signing_key=Ed25519PrivateKey.from_private_bytes(bytes.fromhex(data["ed25519"])),
                x25519=X25519Identity.parse(data["age"]),
                hybrid=HybridIdentity.parse(data["age_pq"]),
            )
        except (ValueError, TypeError, AttributeError):
            raise KeyFormatError("identity payload is malformed") from None

    def to_encrypted_bytes(
        self, passphrase: bytes | str, params: kdf.Argon2Params | None = None
    ) -> bytes:
        """The identity sealed with a passphrase (Argon2id, production parameters unless
        ``params`` is given)."""
        return kdf.seal_with_passphrase(_passphrase_bytes(passphrase), self._payload(), params)

    @classmethod
    def from_encrypted_bytes(cls, data: bytes, passphrase: bytes | str) -> PersonalIdentity:
        """Open :meth:`to_encrypted_bytes` output; WrongPassphraseError if it does not open."""
        return cls._from_payload(kdf.unseal_with_passphrase(_passphrase_bytes(passphrase), data))

    def seal(self, key32: bytes) -> bytes:
        """The identity sealed with a 32-byte key (the vault's master key)."""
        return kdf.seal(key32, self._payload(), aad=_SEAL_AAD)

    @classmethod
    def unseal(cls, blob: bytes, key32: bytes) -> PersonalIdentity:
        """Open :meth:`seal` output; WrongPassphraseError if the key is wrong."""
        return cls._from_payload(kdf.unseal(key32, blob, aad=_SEAL_AAD))

    def __repr__(self) -> str:
        return f"PersonalIdentity(fingerprint={self.fingerprint()!r})"


def _passphrase_bytes(passphrase: bytes | str) -> bytes:
    """Passphrases typed as text are NFC-normalized, so every keyboard gives the same bytes."""
    if isinstance(passphrase, str):
        return unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return passphrase
