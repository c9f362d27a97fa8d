"""Helpers shared by the records, search, CLI, fault and no-plaintext tests."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from evidence_app.keyslots import TEST_KDF
from evidence_app.vault import Vault

# Tiny Argon2id parameters: tests only (conftest sets EVIDENCE_APP_TEST_KDF=fast).
FAST_KDF = TEST_KDF
PASSPHRASE = "correct horse battery staple"
PHOTOS = Path(__file__).resolve().parent / "samples" / "photos"

_TESTIMONY: dict[str, Any] = {
    "title": "Ҳақиқат дар бораи қишлоқ",
    "narrative": "Шоҳид гуфт, ки ӯро дар ҷавоби саволҳо боздошт кардаанд; ғамхорӣ набуд.",
    "notes": "Задержан у дороги, отпущен через три дня.",
    "language": "tg",
    "witness": {"pseudonym": "W-014", "identity": {"name": "Witness Realname",
                                                   "contact": "+992 00 000 0000"}},
    "interview": {"date": "2025-03-02", "place": "Dushanbe", "interviewer": "Interviewer A",
                  "languages": ["tg", "ru"]},
    "consent": {"given": True, "method": "oral", "scope": ["coordinator", "icc"],
                "identity_disclosure": "authorities_only"},
    "incidents": [{"date_from": "2022-05-18", "date_to": "2022-05-18", "date_precision": "day",
                   "place": "Khorog", "acts": ["RS-7-1-e", "RS-7-1-f"]}],
}


def sample_testimony(**changes: Any) -> dict[str, Any]:
    """A complete-able sample testimony (Tajik/Russian text); keyword args replace keys,
    a value of None removes the key."""
    data = copy.deepcopy(_TESTIMONY)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def new_vault(path: Path, name: str = "Tester") -> Vault:
    """A fresh open vault with fast key derivation."""
    vault, _code = Vault.create(path, PASSPHRASE, name, kdf_params=FAST_KDF)
    return vault


def open_vault(path: Path) -> Vault:
    return Vault.open(path, PASSPHRASE)
