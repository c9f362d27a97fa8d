"""Helpers for the GUI tests: fast key derivation, private settings, a sample testimony."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from crypto.kdf import Argon2Params
from ui.settings import Settings

# Tiny Argon2id parameters: tests only (real vaults use >= 256 MiB, 3 passes).
FAST_KDF = Argon2Params(memory_kib=64, iterations=1, lanes=1)
PASSPHRASE = "blue tangerine orbit lantern quietly"
PHOTOS = Path(__file__).resolve().parent / "samples" / "photos"
CAMERA_PHOTOS = [
    PHOTOS / "jpg_Canon_40D.jpg",
    PHOTOS / "jpg_gps_DSCN0010.jpg",
    PHOTOS / "jpg_orientation_landscape_6.jpg",
]


def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def sample_testimony(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Ҳақиқат дар бораи қишлоқ",
        "narrative": "Шоҳид гуфт, ки ӯро боздошт кардаанд.",
        "witness": {"pseudonym": "W-014", "identity": {"name": "Witness Realname"}},
        "interview": {"date": "2025-03-02", "interviewer": "Interviewer A"},
        "consent": {"given": True, "method": "oral", "scope": ["coordinator", "icc"],
                    "identity_disclosure": "none"},
        "incidents": [{"date_precision": "day", "date_from": "2022-05-18", "date_to": "2022-05-18",
                       "place": "Khorog", "acts": ["RS-7-1-f"]}],
    }
    data.update(changes)
    return data


def wait_list(qtbot: Any, panel: Any) -> None:
    """Wait until the testimony list's reads (in workers) have landed."""
    qtbot.waitUntil(lambda: not panel.model.busy, timeout=10_000)
