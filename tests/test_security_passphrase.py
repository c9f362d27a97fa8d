"""Security: the core refuses passphrases shorter than 10 characters (audit finding 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_app import keyslots
from evidence_app.cli import main
from evidence_app.errors import UserError
from evidence_app.vault import MIN_PASSPHRASE_CHARS, Vault

GOOD = "ten chars!"
FAST = keyslots.TEST_KDF


@pytest.mark.parametrize("weak", ["a", "123456789", "    short    ", "\t" + "x" * 9 + "\n"])
def test_create_refuses_a_short_passphrase(tmp_path: Path, weak: str) -> None:
    with pytest.raises(UserError, match=f"at least {MIN_PASSPHRASE_CHARS} characters"):
        Vault.create(tmp_path / "v", weak, "Doc", kdf_params=FAST)
    assert not Vault.exists(tmp_path / "v")


def test_ten_characters_are_enough_and_changes_are_checked(tmp_path: Path) -> None:
    assert len(GOOD) == MIN_PASSPHRASE_CHARS
    vault, code = Vault.create(tmp_path / "v", GOOD, "Doc", kdf_params=FAST)
    with pytest.raises(UserError, match="at least"):
        vault.change_passphrase(GOOD, "short")
    vault.lock()
    Vault.open(tmp_path / "v", GOOD).lock()  # unchanged
    with pytest.raises(UserError, match="at least"):
        Vault.open_with_recovery(tmp_path / "v", code, new_passphrase="short")
    Vault.open(tmp_path / "v", GOOD).lock()


def test_cli_init_refuses_a_short_passphrase(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pw = tmp_path / "pw"
    pw.write_text("a\n")
    code = main(["--vault", str(tmp_path / "v"), "--passphrase-file", str(pw),
                 "init", "--name", "Doc"])
    assert code == 2
    assert "at least 10 characters" in capsys.readouterr().err
    assert not Vault.exists(tmp_path / "v")
