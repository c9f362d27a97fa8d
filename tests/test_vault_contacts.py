"""Contacts: key cards parsed and verified, unique fingerprints, trust flags."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crypto import kdf
from crypto.errors import KeyCardError
from crypto.identity import PersonalIdentity
from evidence_app.errors import UserError
from evidence_app.vault import Vault

FAST = kdf.Argon2Params(memory_kib=64, iterations=1, lanes=1)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    v, _ = Vault.create(tmp_path / "vault", "passphrase", "Alice Field", kdf_params=FAST)
    yield v
    v.lock()


def _card(name: str) -> tuple[str, str]:
    ident = PersonalIdentity.generate(name)
    return ident.card().to_text(), ident.fingerprint()


def test_add_and_read_back(vault: Vault) -> None:
    text, fingerprint = _card("Bob Lawyer")
    contact = vault.add_contact(text, trusted=True, verified_how="read aloud")
    assert contact.name == "Bob Lawyer"
    assert contact.fingerprint == fingerprint
    assert contact.card.fingerprint() == fingerprint
    assert contact.trusted and not contact.may_see_identities
    assert contact.verified_how == "read aloud" and contact.verified_at is not None
    assert contact.verified_at.endswith("Z") and contact.added_at.endswith("Z")
    assert vault.list_contacts() == [contact]
    assert "Bob" not in repr(contact)
    assert vault.get_contact(contact.id) == contact
    assert vault.get_contact(fingerprint) == contact
    assert vault.get_contact(fingerprint.replace(" ", "")) == contact


def test_unverified_contact_has_no_verified_at(vault: Vault) -> None:
    contact = vault.add_contact(_card("Carol")[0], verified_how="   ")
    assert contact.verified_how is None and contact.verified_at is None
    assert not contact.trusted


def test_duplicate_fingerprint_and_own_card_are_refused(vault: Vault) -> None:
    text, _ = _card("Bob")
    vault.add_contact(text)
    with pytest.raises(UserError, match="already exists"):
        vault.add_contact(text)
    with pytest.raises(UserError, match="your own"):
        vault.add_contact(vault.identity.card().to_text())
    assert len(vault.list_contacts()) == 1


def test_malformed_card_is_a_key_card_error(vault: Vault) -> None:
    with pytest.raises(KeyCardError):
        vault.add_contact("not a key card")
    assert vault.list_contacts() == []


def test_update_flags_and_verification(vault: Vault) -> None:
    contact = vault.add_contact(_card("Dan")[0])
    updated = vault.update_contact(contact.id, may_see_identities=True)
    assert updated.may_see_identities and not updated.trusted and updated.verified_at is None
    updated = vault.update_contact(contact.id, trusted=True, verified_how="QR scanned")
    assert updated.trusted and updated.may_see_identities
    assert updated.verified_how == "QR scanned" and updated.verified_at is not None
    assert vault.update_contact(contact.id, trusted=False).verified_how == "QR scanned"


def test_unknown_contact_and_bad_verified_how(vault: Vault) -> None:
    with pytest.raises(UserError):
        vault.get_contact("nobody")
    with pytest.raises(UserError):
        vault.get_contact("")
    with pytest.raises(UserError):
        vault.update_contact("nobody", trusted=True)
    with pytest.raises(UserError):
        vault.add_contact(_card("Eve")[0], verified_how="x" * 500)
    with pytest.raises(UserError):
        vault.add_contact(_card("Eve")[0], verified_how="in\x00person")


def test_contacts_survive_reopen(vault: Vault) -> None:
    contact = vault.add_contact(_card("Bob")[0], trusted=True)
    path = vault.path
    vault.lock()
    again = Vault.open(path, "passphrase")
    try:
        assert again.list_contacts() == [contact]
    finally:
        again.lock()
