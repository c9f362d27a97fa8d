"""Fast static checks of the PyInstaller packaging (the real build runs in scripts/check_frozen.py).

The spec reads its lists from packaging/bundle_contents.py; these tests load that file by path
(``packaging`` is also a PyPI package name, so the folder is not importable as a package).
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import stat
import subprocess
import sys
import tarfile
import tomllib
import types
from pathlib import Path

import pytest
from conftest import require_tool

import evidence_app
from evidence_app.cli import COMMAND_MODULES
from evidence_app.model import validate_input

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "evidence-app.spec"
SOURCE_PACKAGES = ("crypto", "evidence_app", "ui")
GUI_MODULES = {"ui.app", "ui.selftest", "ui.pdf_report"}


def load(path: Path) -> types.ModuleType:
    """Import a script by path, under a private name that cannot shadow a real package."""
    name = f"_packaging_test_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


bc = load(PACKAGING / "bundle_contents.py")
build = load(PACKAGING / "build.py")
make_icon = load(PACKAGING / "make_icon.py")
check_frozen = load(ROOT / "scripts" / "check_frozen.py")


def source_files() -> list[Path]:
    return sorted(p for pkg in SOURCE_PACKAGES for p in (ROOT / pkg).rglob("*.py"))


# --- the spec and what it references ----------------------------------------------------


def spec_names_used() -> set[str]:
    """Names the spec reads from bundle_contents (``bc.NAME``)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    return {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)
            and isinstance(n.value, ast.Name) and n.value.id == "bc"}


def test_spec_uses_only_names_that_bundle_contents_defines() -> None:
    used = spec_names_used()
    assert {"HIDDEN_IMPORTS", "EXCLUDES", "ENTRY_SCRIPT", "select_binaries"} <= used
    assert sorted(n for n in used if not hasattr(bc, n)) == []


def test_every_file_the_spec_references_exists() -> None:
    paths = [getattr(bc, n) for n in spec_names_used() if isinstance(getattr(bc, n), Path)]
    paths += [Path(src) for src, _dest in bc.data_files()]
    assert {bc.ENTRY_SCRIPT, bc.ICON_ICO, bc.ICON_ICNS} <= set(paths)
    assert [str(p) for p in paths if not p.exists()] == []


def test_version_is_the_package_version_everywhere() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert bc.app_version() == evidence_app.__version__ == pyproject["project"]["version"]


def test_archive_name_carries_version_and_platform() -> None:
    assert re.fullmatch(r"(linux|windows|macos)-[a-z0-9_]+", build.platform_tag())


# --- hidden imports and excludes ----------------------------------------------------------


def modules_imported_by_name() -> set[str]:
    """String arguments of importlib.import_module(...) anywhere in our packages."""
    found: set[str] = set()
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "import_module" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return found


def test_hidden_imports_cover_the_cli_command_modules_and_the_gui() -> None:
    assert set(COMMAND_MODULES) | GUI_MODULES <= set(bc.HIDDEN_IMPORTS)


def test_hidden_imports_cover_every_import_by_name_in_the_sources() -> None:
    hidden = set(bc.HIDDEN_IMPORTS)
    parents = {h.rsplit(".", i)[0] for h in hidden for i in range(h.count(".") + 1)}
    assert sorted(modules_imported_by_name() - hidden - parents) == []


def test_no_excluded_module_is_imported_by_our_code() -> None:
    excluded = set(bc.EXCLUDES)
    bad = []
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            bad += [f"{path.relative_to(ROOT)}: {n}" for n in names
                    if any(n == e or n.startswith(e + ".") for e in excluded)]
    assert bad == []
    assert not set(bc.HIDDEN_IMPORTS) & excluded


def test_package_data_of_pyproject_is_collected() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = pyproject["tool"]["setuptools"]["package-data"]
    folders = {folder for folder, _pattern in bc.DATA_GLOBS}
    for package, patterns in package_data.items():
        for pattern in patterns:
            folder = f"{package}/{pattern}".rsplit("/", 1)[0].split("/**")[0]
            assert folder in folders, f"{package}: {pattern} is not collected"


# --- Qt plugins and libraries ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6\\Qt6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/lib/libQt6Gui.so.6", True),
        ("cryptography/hazmat/bindings/_rust.abi3.so", True),
        ("some/plugins/platforms/libqvnc.so", True),  # not Qt's plugin folder
    ],
)
def test_qt_plugin_selection(dest: str, kept: bool) -> None:
    assert bc.keep_qt_plugin(dest) is kept


def test_jpeg_and_the_platforms_the_checks_need_are_kept() -> None:
    assert {"qjpeg"} <= bc.QT_PLUGINS_KEEP["imageformats"]
    assert {"qxcb", "qoffscreen"} <= bc.QT_PLUGINS_KEEP["platforms"]
    assert not set(bc.QT_PLUGINS_KEEP) & bc.QT_PLUGINS_DROP


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF pruning is Linux-only")
def test_library_pruning_keeps_what_kept_files_link_and_drops_the_rest() -> None:
    pytest.importorskip("PyInstaller")
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    entries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so",
         str(qt / "plugins/platforms/libqxcb.so"), "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so",
         str(qt / "plugins/platforms/libqeglfs.so"), "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", str(qt / "lib/libQt6XcbQpa.so.6"), "BINARY"),
        ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
         str(qt / "lib/libQt6EglFSDeviceIntegration.so.6"), "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", str(qt / "lib/libQt6Core.so.6"), "BINARY"),
    ]
    kept = {Path(d).name for d, _s, _k in bc.select_binaries(entries)}
    # qxcb stays with what it links; eglfs goes with the library only it needs
    assert kept == {"libqxcb.so", "libQt6XcbQpa.so.6", "libQt6Core.so.6"}


def test_links_to_dropped_libraries_are_dropped_too() -> None:
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY")]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("icons/evidence-vault.png", "/x/evidence-vault.png", "DATA"),
    ]
    assert bc.drop_dangling_links(datas, binaries) == [datas[0], datas[2]]


# --- icons ------------------------------------------------------------------------------------


def test_committed_icons_are_exactly_what_make_icon_draws() -> None:
    for name, data in make_icon.render().items():
        assert (make_icon.ICON_DIR / name).read_bytes() == data, name


def test_windows_version_resource_carries_the_version() -> None:
    text = bc.windows_version_text("1.2.3")
    call = ast.parse(text, mode="eval").body
    assert isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
    assert call.func.id == "VSVersionInfo"
    assert "filevers=(1, 2, 3, 0)" in text
    assert "StringStruct('ProductVersion', '1.2.3')" in text
    # every name and keyword is one that PyInstaller's versioninfo module defines
    # (it imports only on Windows, so read its source)
    spec = importlib.util.find_spec("PyInstaller.utils.win32.versioninfo")
    if spec is None or spec.origin is None:
        pytest.skip("PyInstaller is not installed")
    source = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    classes = {n.name: n for n in source.body if isinstance(n, ast.ClassDef)}
    calls = [n for n in ast.walk(call) if isinstance(n, ast.Call)]
    assert {c.func.id for c in calls if isinstance(c.func, ast.Name)} <= set(classes)
    init = next(f for f in classes["FixedFileInfo"].body
                if isinstance(f, ast.FunctionDef) and f.name == "__init__")
    params = {a.arg for a in init.args.args}
    assert {k.arg for k in call.keywords[0].value.keywords} <= params  # type: ignore[attr-defined]


# --- build.py helpers ----------------------------------------------------------------------


def make_tree(root: Path, mtime: int) -> Path:
    app = root / "evidence-app"
    (app / "_internal").mkdir(parents=True)
    (app / "evidence-app").write_bytes(b"\x7fELF fake")
    (app / "evidence-app").chmod(0o700)
    (app / "_internal" / "data.txt").write_text("data", encoding="utf-8")
    for path in [app / "evidence-app", app / "_internal" / "data.txt", app / "_internal", app]:
        os.utime(path, (mtime, mtime))
    return app


def test_archive_is_byte_identical_whatever_the_file_times(tmp_path: Path) -> None:
    one = build.write_archive(make_tree(tmp_path / "1", 1_000), tmp_path / "1" / "a", 42)
    two = build.write_archive(make_tree(tmp_path / "2", 2_000_000), tmp_path / "2" / "a", 42)
    assert one.read_bytes() == two.read_bytes()
    with tarfile.open(one) as tar:
        members = tar.getmembers()
    assert [m.name for m in members] == [
        "evidence-app", "evidence-app/_internal", "evidence-app/_internal/data.txt",
        "evidence-app/evidence-app"]
    assert {(m.mtime, m.uid, m.gid, m.uname, m.gname) for m in members} == {(42, 0, 0, "", "")}
    assert {m.name: stat.S_IMODE(m.mode) for m in members}["evidence-app/evidence-app"] == 0o755


@pytest.mark.interop
def test_published_sums_check_with_sha256sum(tmp_path: Path) -> None:
    sha256sum = require_tool("sha256sum")
    out = tmp_path / "out"
    out.mkdir()
    archive = build.package(make_tree(tmp_path, 0), out, 1_700_000_000)
    assert archive.parent == out and archive.name.startswith(f"evidence-app-{bc.app_version()}-")
    res = subprocess.run([sha256sum, "-c", "SHA256SUMS"], cwd=out, capture_output=True,
                         text=True, check=False)
    assert res.returncode == 0 and res.stdout == f"{archive.name}: OK\n"
    archive.write_bytes(archive.read_bytes() + b"x")
    assert subprocess.run([sha256sum, "-c", "SHA256SUMS"], cwd=out,
                          capture_output=True, check=False).returncode == 1


def test_embedded_build_paths_are_found(tmp_path: Path) -> None:
    app = make_tree(tmp_path, 0)
    (app / "_internal" / "leak.so").write_bytes(b"\0RUNPATH=/work/build/here\0")
    assert build.find_embedded_paths(app, ["/work/build", "/nowhere"]) == [
        "_internal/leak.so: /work/build"]


def test_comparing_builds_names_every_difference() -> None:
    a = {"x": "1", "y": "2", "only-a": "3"}
    b = {"x": "1", "y": "9", "only-b": "4"}
    assert build.compare_builds(a, b) == ["only-a", "only-b", "y"]
    assert build.compare_builds(a, dict(a)) == []


def test_source_date_epoch_is_taken_from_the_environment_first(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build.source_date_epoch() == 1_700_000_000


# --- scripts/check_frozen.py ------------------------------------------------------------------


def test_frozen_check_runs_steps_in_a_sealed_environment(tmp_path: Path) -> None:
    assert check_frozen.sealed_env(tmp_path) == {
        "HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen",
        "EVIDENCE_APP_TEST_KDF": "fast"}


def test_frozen_check_testimony_is_valid_input() -> None:
    validate_input(check_frozen.TESTIMONY)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF/ldd check, Linux-only")
def test_frozen_check_names_a_linked_library_that_is_not_bundled(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import PySide6

    internal = tmp_path / "_internal"
    internal.mkdir()
    qt_lib = Path(PySide6.__file__).parent / "Qt" / "lib"
    (internal / "libQt6Gui.so.6").write_bytes((qt_lib / "libQt6Gui.so.6").read_bytes())
    checker = check_frozen.Checker(tmp_path / "evidence-app", tmp_path,
                                   check_frozen.sealed_env(tmp_path))
    check_frozen.check_libraries(checker)  # libQt6Core is linked but missing
    assert checker.failures == ["bundled libraries resolve"]
    assert "libQt6Core.so.6 (for libQt6Gui.so.6)" in capsys.readouterr().out

    for lib in [*qt_lib.glob("libicu*.so.*"), qt_lib / "libQt6Core.so.6",
                qt_lib / "libQt6DBus.so.6"]:
        (internal / lib.name).symlink_to(lib)  # links resolve but are not scanned themselves
    checker.failures.clear()
    check_frozen.check_libraries(checker)
    assert checker.failures == []


FAKE_APP = """#!/bin/sh
# Stands in for the frozen binary: it knows --version and self-test, nothing else.
case "$1" in
  --version) echo "evidence-app {version}" ;;
  self-test) echo "ok   Qt main window shown ($QT_QPA_PLATFORM platform)"; echo "passed" ;;
  *) echo "evidence-app: error: argument COMMAND: invalid choice: '$1'" >&2; exit 2 ;;
esac
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux-only")
def test_frozen_check_fails_naming_each_missing_command(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    fake = dist / "evidence-app"
    fake.write_text(FAKE_APP.format(version=bc.app_version()), encoding="utf-8")
    fake.chmod(0o755)
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_frozen.py"),
                          "--dist", str(dist), "--no-x11"], capture_output=True, text=True,
                         timeout=60)
    assert res.returncode == 1, res.stdout + res.stderr
    assert "ok   --version" in res.stdout
    assert "ok   self-test" in res.stdout
    assert "MISSING command: init" in res.stdout
    assert "frozen check FAILED (1): missing: init" in res.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux-only")
def test_frozen_check_fails_on_a_wrong_version(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    fake = dist / "evidence-app"
    fake.write_text(FAKE_APP.format(version="0.0.0-wrong"), encoding="utf-8")
    fake.chmod(0o755)
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_frozen.py"),
                          "--dist", str(dist), "--no-x11"], capture_output=True, text=True,
                         timeout=60)
    assert res.returncode == 1
    assert f"FAIL --version: expected evidence-app {bc.app_version()}" in res.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux-only")
def test_frozen_check_kills_and_fails_a_hanging_step(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    fake = dist / "evidence-app"
    hanging = FAKE_APP.format(version=bc.app_version()).replace(
        'self-test) echo', 'self-test) [ "$2" = --help ] || exec sleep 600; echo')
    fake.write_text(hanging, encoding="utf-8")
    fake.chmod(0o755)
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_frozen.py"),
                          "--dist", str(dist), "--no-x11", "--step-timeout", "1"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 1
    assert "FAIL self-test (crypto, SQLCipher, FTS5, Qt): exit code -1" in res.stdout
    assert "| timed out after 1.0 s" in res.stdout


@pytest.mark.interop
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux-only")
def test_frozen_check_runs_the_self_test_on_x11_under_xvfb(tmp_path: Path) -> None:
    require_tool("xvfb-run")
    dist = tmp_path / "dist"
    dist.mkdir()
    fake = dist / "evidence-app"
    fake.write_text(FAKE_APP.format(version=bc.app_version()), encoding="utf-8")
    fake.chmod(0o755)
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_frozen.py"),
                          "--dist", str(dist)], capture_output=True, text=True, timeout=60)
    assert "ok   self-test on X11 (xcb plugin, Xvfb)" in res.stdout, res.stdout + res.stderr
    assert "frozen check FAILED (1): missing: init" in res.stdout
