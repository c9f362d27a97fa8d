"""The GUI hook of ``evidence-app self-test`` builds, shows and closes the main window."""

from __future__ import annotations

import pytest

from ui.selftest import check_main_window

pytestmark = pytest.mark.gui


def test_check_main_window(qapp):
    assert "main window shown and closed" in check_main_window()
