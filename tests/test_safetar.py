"""The hostile tar reader: what it accepts, and one test per kind of unsafe archive."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

import pytest

from evidence_app.bundle_errors import UnsafeArchiveError
from evidence_app.safetar import Limits, iter_members
from tests.conftest import require_tool


def make_tar(entries: list[tuple[str, bytes | str | None]], fmt: int = tarfile.PAX_FORMAT,
             kind: bytes = tarfile.REGTYPE) -> bytes:
    """entries: (name, bytes) for files, (name, None) for folders, (name, "->target") links."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as tar:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            if data is None:
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            elif isinstance(data, str):
                info.type = tarfile.SYMTYPE if data.startswith("->") else tarfile.LNKTYPE
                info.linkname = data[2:]
                tar.addfile(info)
            else:
                info.size = len(data)
                info.type = kind
                tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def read_all(data: bytes, limits: Limits | None = None) -> dict[str, bytes]:
    return {m.name: r.read() for m, r in iter_members(io.BytesIO(data), limits) if not m.is_dir}


def test_reads_files_and_folders_and_skips_unread_data() -> None:
    data = make_tar([("bag", None), ("bag/a.txt", b"hello"), ("bag/data/b", b"x" * 70000)])
    names = [(m.name, m.is_dir, m.size) for m, _ in iter_members(io.BytesIO(data))]
    assert names == [("bag", True, 0), ("bag/a.txt", False, 5), ("bag/data/b", False, 70000)]
    assert read_all(data) == {"bag/a.txt": b"hello", "bag/data/b": b"x" * 70000}


def test_long_and_unicode_names_via_pax_and_ustar_prefix() -> None:
    long_name = "bag/" + "d" * 120 + "/" + "é" * 60 + ".jpg"
    prefix_name = "bag/" + "p" * 120 + "/file.txt"
    data = make_tar([(long_name, b"1")]) + b""
    assert read_all(data) == {long_name: b"1"}
    ustar = make_tar([(prefix_name, b"2")], fmt=tarfile.USTAR_FORMAT)
    assert read_all(ustar) == {prefix_name: b"2"}


@pytest.mark.interop
def test_reads_gnu_tar_output(tmp_path: Path) -> None:
    tar_tool = require_tool("tar")
    (tmp_path / "bag" / "data").mkdir(parents=True)
    (tmp_path / "bag" / "data" / "f.bin").write_bytes(b"z" * 1234)
    for fmt in ("gnu", "pax", "ustar"):
        out = tmp_path / f"{fmt}.tar"
        subprocess.run([tar_tool, f"--format={fmt}", "-cf", out, "bag"], cwd=tmp_path, check=True)
        assert read_all(out.read_bytes()) == {"bag/data/f.bin": b"z" * 1234}


@pytest.mark.parametrize("name", [
    "../evil", "bag/../../evil", "/etc/passwd", "bag/./x", "bag//x", "bag\\..\\x",
    "C:/x", "bag/\x01", "./bag/x",
])
def test_unsafe_names_are_refused(name: str) -> None:
    with pytest.raises(UnsafeArchiveError):
        read_all(make_tar([(name, b"x")]))


@pytest.mark.parametrize("target", ["->/etc/passwd", "->x", "=bag/a"])
def test_links_are_refused(target: str) -> None:
    with pytest.raises(UnsafeArchiveError, match="links"):
        read_all(make_tar([("bag/a", b"1"), ("bag/l", target)]))


@pytest.mark.parametrize("kind", [tarfile.CHRTYPE, tarfile.BLKTYPE, tarfile.FIFOTYPE,
                                  tarfile.CONTTYPE])
def test_devices_and_special_files_are_refused(kind: bytes) -> None:
    with pytest.raises(UnsafeArchiveError, match="special"):
        read_all(make_tar([("bag/dev", b"")], kind=kind))


def test_gnu_long_names_and_sparse_are_refused() -> None:
    gnu = make_tar([("bag/" + "n" * 200, b"1")], fmt=tarfile.GNU_FORMAT)
    with pytest.raises(UnsafeArchiveError):
        read_all(gnu)


@pytest.mark.parametrize("names", [
    ["bag/a", "bag/a"], ["bag/A", "bag/a"], ["bag/a", "bag/a/b"], ["bag/a/b", "bag/a"],
])
def test_duplicates_and_file_folder_clashes_are_refused(names: list[str]) -> None:
    with pytest.raises(UnsafeArchiveError, match="duplicate|both"):
        read_all(make_tar([(n, b"1") for n in names]))


def test_size_and_count_limits() -> None:
    data = make_tar([("bag/a", b"1" * 2000), ("bag/b", b"2" * 2000)])
    with pytest.raises(UnsafeArchiveError, match="too large"):
        read_all(data, Limits(max_file_size=1000))
    with pytest.raises(UnsafeArchiveError, match="too large"):
        read_all(data, Limits(max_total_size=3000))
    with pytest.raises(UnsafeArchiveError, match="too many"):
        read_all(data, Limits(max_members=1))


def test_huge_declared_size_fails_before_reading() -> None:
    """Headers claiming ~8 GiB (ustar) or 2 TiB (pax) are refused before reading data."""
    data = bytearray(make_tar([("bag/a", b"1")]))
    data[124:136] = b"%011o\0" % ((8 << 30) - 1)
    _fix_checksum(data)
    with pytest.raises(UnsafeArchiveError, match="too large"):
        read_all(bytes(data), Limits(max_file_size=1 << 32))
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        info = tarfile.TarInfo("bag/a")
        info.pax_headers = {"size": str(2 << 40)}
        tar.addfile(info, io.BytesIO(b""))
    with pytest.raises(UnsafeArchiveError, match="too large"):
        read_all(buf.getvalue())


def _fix_checksum(block: bytearray) -> None:
    block[148:156] = b" " * 8
    block[148:156] = b"%06o\0 " % sum(block[:512])


def test_not_a_tar_bad_checksum_truncation_and_trailing_data() -> None:
    good = make_tar([("bag/a", b"hello" * 300)])
    with pytest.raises(UnsafeArchiveError, match="not a tar"):
        read_all(b"this is not a tar file at all" * 40)
    with pytest.raises(UnsafeArchiveError, match="not a tar"):
        read_all(b"")
    flipped = bytearray(good)
    flipped[10] ^= 1
    with pytest.raises(UnsafeArchiveError, match="not a tar"):
        read_all(bytes(flipped))
    with pytest.raises(UnsafeArchiveError, match="truncated"):
        read_all(good[:1024])
    with pytest.raises(UnsafeArchiveError, match="after the end"):
        read_all(good + b"\x01")


def test_pax_header_abuse() -> None:
    oversized = make_tar([("bag/a", b"1")], fmt=tarfile.PAX_FORMAT)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        info = tarfile.TarInfo("bag/a")
        info.pax_headers = {"comment": "c" * 100_000}
        tar.addfile(info, io.BytesIO(b""))
    with pytest.raises(UnsafeArchiveError, match="pax"):
        read_all(buf.getvalue())
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        info = tarfile.TarInfo("bag/a")
        info.pax_headers = {"path": "../../evil"}
        tar.addfile(info, io.BytesIO(b""))
    with pytest.raises(UnsafeArchiveError, match="traversal"):
        read_all(buf.getvalue())
    assert read_all(oversized) == {"bag/a": b"1"}


def test_pax_global_header_is_refused() -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT,
                      pax_headers={"comment": "x"}) as tar:
        info = tarfile.TarInfo("bag/a")
        tar.addfile(info, io.BytesIO(b""))
    with pytest.raises(UnsafeArchiveError, match="special"):
        read_all(buf.getvalue())
