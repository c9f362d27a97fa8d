"""`evidence-app self-test` and `--version`: the checks packaged builds rely on."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from evidence_app import __version__, selftest
from evidence_app.cli import main


def test_self_test_passes_in_a_subprocess() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "evidence_app", "self-test"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    out = res.stdout
    assert "ok   age v1 X25519 encrypt/decrypt round trip" in out
    assert "ok   OpenSSH Ed25519 signature sign/verify" in out
    assert "with FTS5, encrypted at rest" in out
    assert "ok   Qt main window" in out
    assert out.rstrip().endswith("self-test passed")


def test_self_test_fails_when_a_check_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> str:
        raise RuntimeError("FTS5 search found nothing")

    monkeypatch.setattr(selftest, "CHECKS", [selftest._check_age_roundtrip, broken])
    out = io.StringIO()
    assert selftest.run_self_test(out) is False  # type: ignore[arg-type]
    text = out.getvalue()
    assert "FAIL broken: RuntimeError: FTS5 search found nothing" in text
    assert text.rstrip().endswith("self-test FAILED")
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert main(["self-test"]) == 1


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"evidence-app {__version__}"


def test_error_lines_keep_persian_joiners_and_drop_controls() -> None:
    from evidence_app.errors import UserError, describe_error

    message, code = describe_error(UserError("می\u200cخواهد\n\u202eevil\x1b[2J"))
    assert code == 2
    assert message == "می\u200cخواهد evil [2J"
