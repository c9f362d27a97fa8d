"""Warnings about a key card before it becomes a contact (CLI and GUI show the same ones).

A card's name is chosen by whoever made the card. An impersonator can make a card named
like one of my contacts, with letters that look the same ("Аmira" with a Cyrillic А), and
hope I trust it without comparing fingerprints. The fingerprint is what proves a key; these
warnings only make sure I look at it when a name is suspicious.
"""

from __future__ import annotations

from crypto.identity import KeyCard
from evidence_app.i18n import _
from evidence_app.safetext import mixes_scripts, name_skeleton, terminal_safe
from evidence_app.vault import Vault


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def card_warnings(vault: Vault, card: KeyCard) -> list[str]:
    """Translated one-line warnings: the card's name looks like a contact's or my own name
    while its key is different, or one word of it mixes letters of two scripts."""
    warnings: list[str] = []
    mine = _digits(str(card.fingerprint()))
    look = name_skeleton(card.name)
    if look == name_skeleton(vault.identity.card().name) and mine != _digits(vault.fingerprint()):
        warnings.append(_("the name on this card looks like your own name, but the key is not "
                          "yours: compare fingerprints before you trust it"))
    for contact in vault.list_contacts():
        if name_skeleton(contact.name) == look and _digits(contact.fingerprint) != mine:
            warnings.append(_(
                "the name on this card looks like your contact {name} ({fingerprint}), but the "
                "key is different: compare fingerprints before you trust it").format(
                    name=terminal_safe(contact.name), fingerprint=contact.fingerprint))
    if mixes_scripts(card.name):
        warnings.append(_("the name on this card mixes letters of different scripts in one "
                          "word, as names made to imitate another often do"))
    return warnings
