"""Import flags has_location only on the testimony whose own photo has GPS (audit finding 21)."""

from __future__ import annotations

from pathlib import Path

from bundle_support import make_pair
from records_support import PHOTOS, sample_testimony

from evidence_app import bundle, records


def test_gps_of_one_testimony_does_not_flag_another(tmp_path: Path) -> None:
    p = make_pair(tmp_path)
    try:
        plain = records.add_testimony(p.alice, sample_testimony(incidents=None),
                                      [PHOTOS / "jpg_Canon_40D.jpg"])
        located = records.add_testimony(p.alice, sample_testimony(incidents=None),
                                        [PHOTOS / "jpg_gps_DSCN0010.jpg"])
        assert not records.get_summary(p.alice, plain).has_location
        assert records.get_summary(p.alice, located).has_location
        out = tmp_path / "two.age"
        bundle.export_bundle(p.alice, [plain, located], [p.bob_at_alice], out)
        bundle.import_bundle(p.bob, out)
        assert not records.get_summary(p.bob, plain).has_location
        assert records.get_summary(p.bob, located).has_location
    finally:
        p.alice.lock()
        p.bob.lock()
