"""Build the packaged app for this OS, as reproducibly as PyInstaller allows.

    python packaging/build.py [--out DIR]          # dist folder, archive, SHA256SUMS
    python packaging/build.py --reproducibility    # build twice, compare every file's hash
    python packaging/build.py --archive-only DIR --out OUT   # pack a signed app folder

Run it with the project's virtual environment (the pinned lock files plus PyInstaller). What it
does beyond PyInstaller:

- SOURCE_DATE_EPOCH comes from the last git commit (unless already set) and PYTHONHASHSEED is
  fixed, so bytecode, the PE timestamp on Windows and the archive do not depend on the clock;
- the archive (tar.gz here, zip on Windows) has sorted entries, fixed times, owners and modes;
- the output is searched for the source, venv and build folder paths: any hit fails the build;
- SHA256SUMS next to the archive, in the format `sha256sum -c` and `shasum -a 256 -c` read.

Standard library only: it runs PyInstaller in a child process.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "evidence-app.spec"
DEFAULT_OUT = ROOT / "build" / "pyinstaller"


def _load_bundle_contents() -> ModuleType:
    """packaging/bundle_contents.py, loaded by path (this folder is not a package)."""
    spec = importlib.util.spec_from_file_location("bundle_contents", HERE / "bundle_contents.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BC = _load_bundle_contents()


def source_date_epoch() -> int:
    """SOURCE_DATE_EPOCH from the environment, else the last commit's time."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    return int(out)


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("aarch64", "arm64")
    return f"{system}-{machine}"


def run_pyinstaller(out: Path, epoch: int) -> Path:
    """Run PyInstaller on the spec; return the dist folder it made (or the .app on macOS)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch), PYTHONHASHSEED="0",
               PYTHONDONTWRITEBYTECODE="1")
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level=WARN",
           "--distpath", str(out / "dist"), "--workpath", str(out / "work"), str(SPEC)]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    if sys.platform == "darwin":
        return out / "dist" / "Evidence Vault.app"
    return out / "dist" / str(BC.APP_NAME)


def clamp_mtimes(folder: Path, epoch: int) -> None:
    """Set every file's and folder's mtime to ``epoch`` (what an unpacked archive shows)."""
    for path in sorted(folder.rglob("*"), reverse=True):
        os.utime(path, (epoch, epoch), follow_symlinks=False)
    os.utime(folder, (epoch, epoch))


def file_hashes(folder: Path) -> dict[str, str]:
    """Relative POSIX path -> SHA-256 hex of every regular file (symlinks: of their target)."""
    hashes = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            hashes[rel] = "symlink:" + os.readlink(path)
        elif path.is_file():
            hashes[rel] = sha256_file(path)
    return hashes


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def find_embedded_paths(folder: Path, needles: list[str]) -> list[str]:
    """Files under ``folder`` whose bytes contain any of ``needles`` (build machine paths)."""
    encoded = [n.encode() for n in needles if n]
    hits = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            found = [n.decode() for n in encoded if n in data]
            if found:
                hits.append(f"{path.relative_to(folder).as_posix()}: {', '.join(found)}")
    return hits


def _tar_filter(epoch: int) -> Callable[[tarfile.TarInfo], tarfile.TarInfo]:
    """A tarfile filter giving every entry the same time, owner and a plain mode."""

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.mtime = epoch
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        if info.isdir() or info.mode & 0o111:
            info.mode = 0o755
        else:
            info.mode = 0o644
        return info

    return normalise


def write_archive(app_dir: Path, archive_base: Path, epoch: int) -> Path:
    """Pack ``app_dir`` deterministically: tar.gz (zip on Windows). Returns the archive path."""
    paths = [app_dir, *sorted(app_dir.rglob("*"))]
    if sys.platform == "win32":
        archive = archive_base.with_suffix(".zip")
        stamp = max(epoch, 315532800)  # zip cannot hold dates before 1980
        import time
        date_time = time.gmtime(stamp)[:6]
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in paths:
                if path.is_file():
                    info = zipfile.ZipInfo(path.relative_to(app_dir.parent).as_posix(),
                                           date_time)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = 0o644 << 16
                    zf.writestr(info, path.read_bytes())
        return archive
    archive = archive_base.with_name(archive_base.name + ".tar.gz")
    tmp = archive.with_name(archive.name + ".tmp")
    with tmp.open("wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=epoch,
                           compresslevel=9) as gz:
            with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
                filt = _tar_filter(epoch)
                for path in paths:
                    tar.add(path, arcname=path.relative_to(app_dir.parent).as_posix(),
                            recursive=False, filter=filt)
        raw.flush()
        os.fsync(raw.fileno())
    os.replace(tmp, archive)
    return archive


def build(out: Path) -> tuple[Path, Path]:
    """Build into ``out``; return (app folder, archive). Fails if build paths leaked in."""
    epoch = source_date_epoch()
    app_dir = run_pyinstaller(out, epoch)
    leaks = find_embedded_paths(app_dir, sorted({str(ROOT), str(out), sys.prefix}))
    if leaks:
        print("build paths found in the output:", *leaks, sep="\n  ", file=sys.stderr)
        raise SystemExit(1)
    # The interpreter's install prefix is compiled into libpython (its default sys.prefix,
    # unused when frozen) and into its extension modules' RUNPATH. It names the Python
    # install, not this build: build with the same Python at the same place to match hashes.
    hits = find_embedded_paths(app_dir, [sys.base_prefix])
    if hits:
        print(f"note: Python's install prefix is in {len(hits)} files, e.g. {hits[0]}")
    print(f"built {app_dir}")
    return app_dir, package(app_dir, out, epoch)


def package(app_dir: Path, out: Path, epoch: int) -> Path:
    """Write the archive of ``app_dir`` and its SHA256SUMS into ``out``; return the archive."""
    clamp_mtimes(app_dir, epoch)
    name = f"{BC.APP_NAME}-{BC.app_version()}-{platform_tag()}"
    archive = write_archive(app_dir, out / name, epoch)
    sums = out / "SHA256SUMS"
    sums.write_text(f"{sha256_file(archive)}  {archive.name}\n", encoding="utf-8")
    size = archive.stat().st_size
    print(f"archive {archive} ({size / 1e6:.1f} MB)\n{sums.read_text()}", end="")
    return archive


def compare_builds(first: dict[str, str], second: dict[str, str]) -> list[str]:
    """Names of files that differ, or exist in only one of two builds."""
    return sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))


def reproducibility(out: Path) -> int:
    """Build twice (the second from a copy of the sources in another folder) and compare."""
    first_dir, first_archive = build(out / "a")
    with tempfile.TemporaryDirectory(prefix="evidence-app-src-") as tmp:
        # Build B from a copy of the sources in another folder, so that nothing may depend on
        # where the checkout lives.
        src = Path(tmp) / "src"
        shutil.copytree(ROOT, src, symlinks=True, ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "node_modules", "__pycache__", ".*_cache"))
        env = dict(os.environ, SOURCE_DATE_EPOCH=str(source_date_epoch()))
        subprocess.run([sys.executable, str(src / "packaging" / "build.py"),
                        "--out", str(out / "b")], cwd=src, env=env, check=True)
    second_dir = out / "b" / "dist" / first_dir.name
    second_archive = out / "b" / first_archive.name
    differ = compare_builds(file_hashes(first_dir), file_hashes(second_dir))
    for name in differ:
        print(f"differs: {name}")
    same_archive = sha256_file(first_archive) == sha256_file(second_archive)
    print(f"{len(differ)} files differ; archives {'identical' if same_archive else 'differ'}")
    return 0 if not differ and same_archive else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="build folder")
    parser.add_argument("--reproducibility", action="store_true",
                        help="build twice in different places and compare the results")
    parser.add_argument("--archive-only", type=Path, metavar="APP_DIR",
                        help="only pack an existing (e.g. signed) app folder into --out")
    args = parser.parse_args(argv)
    if args.archive_only:
        args.out.mkdir(parents=True, exist_ok=True, mode=0o700)
        package(args.archive_only.resolve(), args.out.resolve(), source_date_epoch())
        return 0
    out = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True, mode=0o700)
    if args.reproducibility:
        return reproducibility(out)
    build(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
