"""Non-sensitive preferences only: language, idle minutes, window geometry, vault folder.

Nothing about vault content (no names, titles, recent files) is ever stored here.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "evidence-vault"
APPLICATION = "Evidence Vault"
DEFAULT_IDLE_MINUTES = 5


class Settings:
    """Typed access to the few stored preferences."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, "settings"
        )

    @property
    def idle_minutes(self) -> float:
        value = self._s.value("idle_minutes", DEFAULT_IDLE_MINUTES)
        try:
            minutes = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return DEFAULT_IDLE_MINUTES
        return minutes if minutes > 0 else DEFAULT_IDLE_MINUTES

    @idle_minutes.setter
    def idle_minutes(self, minutes: float) -> None:
        self._s.setValue("idle_minutes", float(minutes))

    @property
    def language(self) -> str:
        return str(self._s.value("language", "") or "")

    @language.setter
    def language(self, code: str) -> None:
        self._s.setValue("language", code)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._s.value("geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, data: QByteArray) -> None:
        self._s.setValue("geometry", data)

    def sync(self) -> None:
        self._s.sync()
