"""Security: the PDF report never writes through a planted temp-file symlink (audit
finding 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.pdf_report import html_to_pdf

pytestmark = pytest.mark.gui


def test_pdf_report_ignores_a_planted_symlink(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    (tmp_path / ".report.pdf.tmp").symlink_to(victim)  # the old predictable temp name
    target = tmp_path / "report.pdf"
    html_to_pdf("<h1>Report</h1><p>ok</p>", target)
    assert victim.read_bytes() == b"precious"
    assert not target.is_symlink() and target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".report.pdf.tmp", "report.pdf", "victim.txt"]
