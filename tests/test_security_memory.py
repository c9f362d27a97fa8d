"""Security: memory held during a scan, before the signature is known, is bounded in total,
not only per file (audit finding 11)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bundle_support import Pair, open_pair

from evidence_app import bundle, verify
from evidence_app.bundle_errors import BagInvalidError


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with open_pair(tmp_path) as p:
        yield p


def test_kept_files_are_limited_in_total(
        pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.age"
    bundle.export_bundle(pair.alice, [pair.tid], [pair.bob_at_alice], out)
    with open(out, "rb") as fh:
        scan = verify.scan_bundle(fh, pair.bob.identity.age_identities())
    kept = sum(len(v) for v in scan.kept.values())
    assert kept and max(len(v) for v in scan.kept.values()) < kept
    monkeypatch.setattr(verify, "MAX_KEPT_TOTAL", kept - 1)  # each file fits, not all
    with open(out, "rb") as fh, pytest.raises(BagInvalidError, match="too large together"):
        verify.scan_bundle(fh, pair.bob.identity.age_identities())
    with pytest.raises(BagInvalidError, match="too large together"):
        bundle.import_bundle(pair.bob, out)
    monkeypatch.setattr(verify, "MAX_KEPT_TOTAL", kept)
    assert bundle.import_bundle(pair.bob, out).status == "imported"
