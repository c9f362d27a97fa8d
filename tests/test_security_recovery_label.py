"""Security: the recovery code shown by the setup wizard cannot be selected and copied
around the secure clipboard (audit finding 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from evidence_app import keyslots
from ui.setup_wizard import SetupWizard

pytestmark = pytest.mark.gui


def test_recovery_code_label_is_not_selectable(qtbot, tmp_path: Path) -> None:
    wizard = SetupWizard(tmp_path / "vault", kdf_params=keyslots.TEST_KDF)
    qtbot.addWidget(wizard)
    flags = wizard.recovery.textInteractionFlags()
    assert not flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert not flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
