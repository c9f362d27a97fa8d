"""records.get_summary: one testimony's list summary, the same as its row in a page."""

from __future__ import annotations

from pathlib import Path

import pytest
from records_support import PHOTOS, new_vault, sample_testimony

from evidence_app import records
from evidence_app.errors import UserError


def test_summary_matches_the_listed_row_and_follows_edits(tmp_path: Path) -> None:
    vault = new_vault(tmp_path / "v", "Tester")
    try:
        tid = records.add_testimony(vault, sample_testimony(), [PHOTOS / "jpg_gps_DSCN0010.jpg"])
        records.add_testimony(vault, sample_testimony(title="Another"))
        listed = {s.id: s for s in records.list_testimonies(vault)}
        summary = records.get_summary(vault, tid)
        assert summary == listed[tid]
        assert summary.attachment_count == 1 and summary.has_location
        records.update_testimony(vault, tid, sample_testimony(title="Edited title"))
        edited = records.get_summary(vault, tid)
        assert edited.title == "Edited title" and edited.updated_at >= summary.updated_at
        with pytest.raises(UserError):
            records.get_summary(vault, "0" * 32)
    finally:
        vault.lock()
