"""Look-alike key cards: a card named like a contact (or like me) with another key, or
with a word that mixes scripts, is flagged before it becomes a contact, in the CLI and in
the GUI's "Add a contact" dialog; real names in Tajik, Russian, Persian and English are not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from records_support import PASSPHRASE, new_vault

from crypto.identity import KeyCard, PersonalIdentity
from evidence_app.card_checks import card_warnings
from evidence_app.cli import main
from evidence_app.safetext import mixes_scripts, name_skeleton
from evidence_app.vault import Vault


def _card(name: str) -> KeyCard:
    return PersonalIdentity.generate(name).card()


@pytest.mark.parametrize(("a", "b"), [
    ("Amira Haddad", "\u0410mira Haddad"),      # Cyrillic А
    ("Amira Haddad", "amira  haddad"),           # case and spaces
    ("Paul Cox", "\u0420aul \u0421\u043ex"),     # Р, С, о
    ("Bob", "\u0392\u03bfb"),                    # Greek Β and ο
])
def test_look_alike_names_share_a_skeleton(a: str, b: str) -> None:
    assert name_skeleton(a) == name_skeleton(b)


def test_different_names_do_not() -> None:
    assert name_skeleton("Amira Haddad") != name_skeleton("Amina Haddad")
    assert name_skeleton("Ҷамшед") != name_skeleton("Чамшед")  # Tajik letters stay distinct


@pytest.mark.parametrize("name", ["Ҷамшед Раҳимов", "Гулнора Қодирова", "Ольга Иванова",
                                  "Amira Haddad", "احمد رضایی", "Zoë O'Neil", "Jean-Luc 2"])
def test_real_names_do_not_mix_scripts(name: str) -> None:
    assert not mixes_scripts(name)


@pytest.mark.parametrize("name", ["\u0410mira", "Ольгa", "Paul \u0421ox"])
def test_imitations_mix_scripts(name: str) -> None:
    assert mixes_scripts(name)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    v = new_vault(tmp_path / "v", "Coordinator Ali")
    v.add_contact(_card("Amira Haddad").to_text(), trusted=True, verified_how="in person")
    try:
        yield v
    finally:
        v.lock()


def test_card_warnings(vault: Vault) -> None:
    contact = vault.list_contacts()[0]
    fake = card_warnings(vault, _card("\u0410mira Haddad"))
    assert len(fake) == 2
    assert contact.fingerprint in fake[0] and "looks like your contact" in fake[0]
    assert "mixes letters" in fake[1]
    same_name = card_warnings(vault, _card("Amira Haddad"))
    assert len(same_name) == 1 and contact.fingerprint in same_name[0]
    assert "your own name" in card_warnings(vault, _card("Coordinator \u0410li"))[0]
    assert card_warnings(vault, _card("Farrukh Sadikov")) == []
    assert card_warnings(vault, contact.card) == []  # the very same key


def test_cli_warns_and_still_adds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    v = new_vault(tmp_path / "v", "Coordinator Ali")
    v.add_contact(_card("Amira Haddad").to_text())
    v.lock()
    (tmp_path / "pw").write_text(PASSPHRASE + "\n")
    (tmp_path / "card.txt").write_text(_card("\u0410mira Haddad").to_text())
    code = main(["--vault", str(tmp_path / "v"), "--passphrase-file", str(tmp_path / "pw"),
                 "contacts", "add", str(tmp_path / "card.txt")])
    out, err = capsys.readouterr()
    assert code == 0 and "added contact" in out
    assert err.count("warning: the name on this card") == 2


def test_gui_dialog_shows_the_warnings(qtbot, vault: Vault) -> None:
    from ui.keys_view import ContactDialog

    card = _card("\u0410mira Haddad")
    dialog = ContactDialog(card, None, card_warnings(vault, card))
    qtbot.addWidget(dialog)
    assert not dialog.warning.isHidden() and "looks like your contact" in dialog.warning.text()
    plain = ContactDialog(_card("Farrukh Sadikov"), None, [])
    qtbot.addWidget(plain)
    assert plain.warning.isHidden()
