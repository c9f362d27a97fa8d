"""Process start-up protections shared by the CLI and the GUI.

:func:`start` is called once at the start of :func:`evidence_app.cli.main` (which also
starts the GUI) and again by ``ui.app.run``: it turns core dumps off, so a native crash
while the vault is unlocked cannot leave keys or plaintext in a core file, and it warns
loudly on stderr while the test-only weak key-derivation switch is set.
"""

from __future__ import annotations

import sys

from evidence_app import keyslots

TEST_KDF_WARNING = (
    f"evidence-app: WARNING: {keyslots.TEST_KDF_ENV}=fast is set (test only): new "
    "passphrase slots are weak; unset it for real vaults"
)


def disable_core_dumps() -> None:
    """Set the core file size limit to zero (POSIX; a no-op where unsupported)."""
    try:
        import resource
    except ImportError:  # Windows
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError):
        pass  # best effort: a sandbox may forbid it


def start(*, warn: bool = True) -> None:
    """Disable core dumps; with ``warn``, print the test-KDF warning if the switch is on."""
    disable_core_dumps()
    if warn and keyslots.test_kdf_active():
        print(TEST_KDF_WARNING, file=sys.stderr)
