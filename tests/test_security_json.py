"""Security: deeply nested JSON or folders in hostile input give one clean error, never a
RecursionError traceback (audit finding 5)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bundle_support import Pair, open_pair
from security_support import bag_files, member_testimony, rebuild

from crypto import age
from evidence_app import bag, bundle, custody, model, verify
from evidence_app.bundle_errors import BagInvalidError
from evidence_app.errors import CheckFailed, describe_error

DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with open_pair(tmp_path) as p:
        yield p


def test_parse_untrusted_json_limits_depth_and_size() -> None:
    for text in (DEEP, b"[" * 33 + b"]" * 33, b'{"a":' * 40 + b"1" + b"}" * 40):
        with pytest.raises(model.UntrustedJSONError, match="nested too deeply"):
            model.parse_untrusted_json(text, max_bytes=1 << 20)
    assert model.parse_untrusted_json(b"[" * 32 + b"]" * 32, max_bytes=100)
    with pytest.raises(model.UntrustedJSONError, match="too large"):
        model.parse_untrusted_json(b"[]", max_bytes=1)
    with pytest.raises(model.UntrustedJSONError, match="not valid JSON"):
        model.parse_untrusted_json(b'{"a":1,"a":2}', max_bytes=100)


def test_deep_custody_line_is_a_custody_error() -> None:
    with pytest.raises(custody.CustodyError, match="nested too deeply"):
        custody.from_jsonl(b'{"a":' * 40 + b"1" + b"}" * 40 + b"\n")


def _verify(p: Pair, path: Path) -> verify.VerifyResult:
    with open(path, "rb") as fh:
        scan = verify.scan_bundle(fh, p.bob.identity.age_identities())
    return verify.check_scan(scan, bundle.trust_lookup(p.bob), p.bob.fingerprint())


@pytest.mark.parametrize("sign", [True, False])
def test_deep_testimony_json_fails_verify_and_import_cleanly(
        pair: Pair, tmp_path: Path, sign: bool) -> None:
    root, files = bag_files(pair, tmp_path)
    files[member_testimony(files)] = DEEP
    hostile = rebuild(pair, root, files, tmp_path / "deep.age", sign=sign)
    result = _verify(pair, hostile)
    assert not result.ok
    with pytest.raises(CheckFailed):
        bundle.import_bundle(pair.bob, hostile)


def test_deep_sealed_identity_fails_import_cleanly(pair: Pair, tmp_path: Path) -> None:
    root, files = bag_files(pair, tmp_path)
    files["data/sealed-identity.age"] = age.encrypt_bytes(
        b'{"identities":' + DEEP + b"}", [pair.bob.identity.card().pq_recipient])
    hostile = rebuild(pair, root, files, tmp_path / "sealed.age")
    with pytest.raises(BagInvalidError, match="sealed-identity"):
        bundle.import_bundle(pair.bob, hostile)


def test_deep_bag_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "bag"
    deep = folder.joinpath(*["d"] * 200)
    deep.mkdir(parents=True)
    (deep / "f").write_bytes(b"x")
    with pytest.raises(BagInvalidError, match="nested too deeply") as exc:
        bag.scan_folder(folder)
    assert describe_error(exc.value)[0]
