"""Security: every digest comparison of the bag checks, tag files included, goes through
the constant-time hmac_equal (audit finding 23: consistency)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bundle_support import open_pair

from evidence_app import bag, bundle, verify


def test_tag_file_digests_use_hmac_equal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_pair(tmp_path) as p:
        out = tmp_path / "out.age"
        bundle.export_bundle(p.alice, [p.tid], [p.bob_at_alice], out)
        with open(out, "rb") as fh:
            scan = verify.scan_bundle(fh, p.bob.identity.age_identities())
    compared: list[str] = []
    real = bag.hmac_equal

    def spy(a: str, b: str) -> bool:
        compared.append(a)
        return real(a, b)

    monkeypatch.setattr(bag, "hmac_equal", spy)
    findings = bag.check_bag(scan)
    assert all(f.ok for f in findings)
    for name in bag.LISTED_TAG_FILES:
        assert scan.files[name][0] in compared, name
