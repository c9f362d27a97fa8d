"""Security: error lines never name evidence files (audit finding 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from records_support import new_vault, sample_testimony

from evidence_app import records
from evidence_app.errors import UserError

NAME = "Witness_Ahmed_Hassan_statement.jpg"


def test_unreadable_attachment_error_has_no_file_name(tmp_path: Path) -> None:
    vault = new_vault(tmp_path / "v")
    try:
        good = tmp_path / "photo.jpg"
        good.write_bytes(b"\xff\xd8\xff")
        with pytest.raises(UserError) as exc:
            records.add_testimony(vault, sample_testimony(), [good, tmp_path / NAME])
        assert str(exc.value) == "file 2 of 2 is not a readable file"
        assert records.list_testimonies(vault) == []
    finally:
        vault.lock()
