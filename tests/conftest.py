"""Shared test setup: Qt offscreen, a private HOME and temp folder, and real-peer lookup."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Test-only weak Argon2id switch: tests create vaults with tiny parameters, which the core
# refuses for real vaults (see evidence_app.keyslots.test_kdf_active).
os.environ.setdefault("EVIDENCE_APP_TEST_KDF", "fast")
os.umask(0o077)

TESTS = Path(__file__).resolve().parent
VECTORS = TESTS / "vectors"
SAMPLES = TESTS / "samples"
PEERS = TESTS / "peers"


def peers_required() -> bool:
    """In CI (EVIDENCE_REQUIRE_PEERS=1) a missing peer is a failure, never a skip."""
    return os.environ.get("EVIDENCE_REQUIRE_PEERS") == "1"


def require_tool(name: str) -> str:
    """Path of a real external tool (age, ssh-keygen, node, sqlcipher...), or skip/fail."""
    path = shutil.which(name)
    if path is None:
        msg = f"interop peer {name!r} is not installed (see README: Testing)"
        if peers_required():
            pytest.fail(msg)
        pytest.skip(msg)
    return path


@pytest.fixture
def tool():
    return require_tool


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Each test gets an empty HOME and XDG dirs, so nothing touches the real user's files."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(home / ".run"))
    yield home


@pytest.fixture(autouse=True)
def _english_afterwards():
    """The non-Qt translations are process-wide: a test that switches language hands
    English back, so the next test's messages are the English source texts."""
    yield
    from evidence_app import i18n

    i18n.set_language("en")
