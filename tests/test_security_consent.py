"""Security: a witness who chose "identity never disclosed" never has the identity sealed
into a bundle, and bag-info says so (audit finding 9)."""

from __future__ import annotations

from pathlib import Path

from bundle_support import make_pair
from records_support import sample_testimony

from evidence_app import bundle, records, verify


def _consent(disclosure: str) -> dict[str, object]:
    return {"given": True, "method": "oral", "scope": ["coordinator"],
            "identity_disclosure": disclosure}


def _export_and_open(tmp_path: Path, disclosures: list[str]) -> tuple[
        bundle.ExportResult, verify.VerifyResult]:
    p = make_pair(tmp_path)
    try:
        tids = [records.add_testimony(p.alice, sample_testimony(consent=_consent(d)), [])
                for d in disclosures]
        out = tmp_path / "out.age"
        res = bundle.export_bundle(p.alice, tids, [p.bob_at_alice], out)
        with open(out, "rb") as fh:
            scan = verify.scan_bundle(fh, p.bob.identity.age_identities())
        result = verify.check_scan(scan, bundle.trust_lookup(p.bob), p.bob.fingerprint())
        assert result.ok, result.first_failure()
        return res, result
    finally:
        p.alice.lock()
        p.bob.lock()


def test_identity_disclosure_none_is_never_sealed(tmp_path: Path) -> None:
    res, result = _export_and_open(tmp_path, ["none"])
    assert not res.sealed_identity
    assert "data/sealed-identity.age" not in result.scan.files
    assert dict(result.info)["Sealed-Identity"] == (
        "1 omitted (consent: identity disclosure none)")


def test_mixed_consent_seals_only_the_consenting_witness(tmp_path: Path) -> None:
    res, result = _export_and_open(tmp_path, ["none", "authorities_only"])
    assert res.sealed_identity
    assert "data/sealed-identity.age" in result.scan.files
    note = dict(result.info)["Sealed-Identity"]
    assert note.startswith("included, readable only by ")
    assert note.endswith("; 1 omitted (consent: identity disclosure none)")
