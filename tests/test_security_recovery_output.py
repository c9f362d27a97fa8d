"""Security: the recovery code printed to a file or pipe comes with a warning on stderr
(audit finding 16)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from evidence_app.cli import main


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _init(tmp_path: Path) -> int:
    pw = tmp_path / "pw"
    pw.write_text("long enough passphrase\n")
    return main(["--vault", str(tmp_path / "v"), "--passphrase-file", str(pw),
                 "init", "--name", "Doc"])


def test_redirected_stdout_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _init(tmp_path) == 0
    out, err = capsys.readouterr()
    assert "recovery code: " in out
    assert "WARNING: the recovery code went to a file or pipe" in err


def test_terminal_stdout_does_not_warn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    tty = _Tty()
    monkeypatch.setattr("sys.stdout", tty)
    assert _init(tmp_path) == 0
    assert "recovery code: " in tty.getvalue()
    assert "recovery code went" not in capsys.readouterr().err
