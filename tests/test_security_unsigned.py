"""Security: nothing but hashing touches bundle content before the signature and every
hash check passed: no Pillow (EXIF, thumbnails), no JSON parsing (audit finding 3)."""

from __future__ import annotations

import io
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bundle_support import Pair, open_pair
from security_support import bag_files, rebuild

from crypto import age
from evidence_app import bundle, media, model, verify
from evidence_app.errors import CheckFailed


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with open_pair(tmp_path) as p:
        yield p


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the parsers called on bundle content."""
    calls: list[str] = []

    def spy(name: str, real: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls.append(name)
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(media, "read_exif", spy("read_exif", media.read_exif))
    monkeypatch.setattr(media, "make_thumbnail", spy("make_thumbnail", media.make_thumbnail))
    monkeypatch.setattr(model, "parse_untrusted_json",
                        spy("json", model.parse_untrusted_json))
    return calls


def _unsigned_change(pair: Pair, tmp_path: Path, *, restamp: bool) -> Path:
    """An original changed after signing: with ``restamp`` the manifests are recomputed
    (the signature goes stale), else the signed manifests are kept (the file hash fails)."""
    root, files = bag_files(pair, tmp_path)
    jpg = next(k for k in files if "/originals/" in k and k.endswith(".jpg"))
    files[jpg] = files[jpg] + b"appended after signing"
    if restamp:
        return rebuild(pair, root, files, tmp_path / "stale.age", sign=False)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for rel, data in files.items():
            info = tarfile.TarInfo(f"{root}/{rel}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    out = tmp_path / "mismatch.age"
    out.write_bytes(age.encrypt_bytes(buf.getvalue(), [pair.bob.identity.card().pq_recipient]))
    return out


@pytest.mark.parametrize("restamp", [True, False], ids=["stale-signature", "hash-mismatch"])
def test_import_runs_no_parser_before_the_checks(
        pair: Pair, tmp_path: Path, parsed: list[str], restamp: bool) -> None:
    hostile = _unsigned_change(pair, tmp_path, restamp=restamp)
    parsed.clear()
    with pytest.raises(CheckFailed):
        bundle.import_bundle(pair.bob, hostile)
    assert parsed == []


@pytest.mark.parametrize("restamp", [True, False], ids=["stale-signature", "hash-mismatch"])
def test_verify_skips_payload_checks_when_signature_or_hash_fails(
        pair: Pair, tmp_path: Path, parsed: list[str], restamp: bool) -> None:
    hostile = _unsigned_change(pair, tmp_path, restamp=restamp)
    parsed.clear()
    with open(hostile, "rb") as fh:
        scan = verify.scan_bundle(fh, pair.bob.identity.age_identities())
    result = verify.check_scan(scan, bundle.trust_lookup(pair.bob), pair.bob.fingerprint())
    assert not result.ok and parsed == []


def test_a_good_import_still_derives_exif_and_thumbnails(
        pair: Pair, tmp_path: Path, parsed: list[str]) -> None:
    root, files = bag_files(pair, tmp_path)
    good = rebuild(pair, root, files, tmp_path / "good2.age")
    parsed.clear()
    bundle.import_bundle(pair.bob, good)
    assert "json" in parsed and "read_exif" in parsed and "make_thumbnail" in parsed
    assert parsed.index("json") < parsed.index("read_exif")
