"""What goes into the packaged app: read by evidence-app.spec, build.py and the tests.

Kept apart from the spec so that tests can import these lists without running PyInstaller.
Standard library only. This folder is not a Python package (``packaging`` is also the name of
a PyPI project), so load this file by path.
"""

from __future__ import annotations

import ast
import posixpath
import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "evidence-app"
ENTRY_SCRIPT = ROOT / "evidence_app" / "__main__.py"
ICON_DIR = ROOT / "packaging" / "icons"
ICON_PNG = ICON_DIR / "evidence-vault.png"
ICON_ICO = ICON_DIR / "evidence-vault.ico"
ICON_ICNS = ICON_DIR / "evidence-vault.icns"
MACOS_BUNDLE_ID = "org.evidence-vault.app"

# Modules imported by name at run time (importlib), which PyInstaller's static analysis cannot
# see: the CLI's command modules (evidence_app.cli.COMMAND_MODULES) and the GUI layer, which
# evidence_app reaches only by name so that it never depends on Qt. The Qt modules are listed
# too, so that their libraries and plugins are in every build, whatever the GUI imports lazily.
HIDDEN_IMPORTS = (
    "evidence_app.selftest",
    "evidence_app.cli_vault",
    "evidence_app.cli_bundle",
    "ui.app",
    "ui.selftest",
    "ui.pdf_report",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "PySide6.QtSvg",
)

# Modules the app never uses; excluding them keeps them (and the Qt libraries and plugins
# their hooks would add) out of the build even if a dependency mentions them.
EXCLUDES = (
    "tkinter",
    "PySide6.QtConcurrent",
    "PySide6.QtDBus",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtLabsStyleKit",
    "PySide6.QtNetwork",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtQml",
    "PySide6.QtQmlFeatures",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtUiTools",
    "PySide6.QtXml",
)

# Package data (mirrors [tool.setuptools.package-data] in pyproject.toml):
# (source folder relative to ROOT, glob inside it). Files keep their relative place.
DATA_GLOBS = (
    ("evidence_app/data", "**/*"),
    ("evidence_app/locale", "*.json"),  # CLI and report translations
    ("ui/i18n", "*.qm"),
    ("ui/fonts", "*"),  # Noto fonts for Tajik Cyrillic and Persian, with OFL.txt
    ("ui/assets", "**/*"),
)

# Qt plugins, by plugin folder. A folder listed in QT_PLUGINS_KEEP keeps only the named
# plugins (base names without "lib" and extension); folders in QT_PLUGINS_DROP go entirely;
# other folders (styles, xcbglintegrations, ...) are kept whole.
QT_PLUGINS_KEEP = {
    # windows and macOS natives, X11 and Wayland for a desktop, offscreen for self-test/CI
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa"},
    # PNG is built into QtGui; JPEG for photos, ICO/ICNS for the app icon, SVG for icons
    "imageformats": {"qjpeg", "qico", "qicns", "qsvg"},
    # compose keys and IBus: needed to type many non-Latin scripts on Linux
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    # not qgtk3: it needs GTK 3, which is not bundled, and would pull in cairo and pango,
    # whose bundled copies could clash with the system's GTK
    "platformthemes": {"qxdgdesktopportal"},
}
QT_PLUGINS_DROP = {
    "designer",
    "egldeviceintegrations",
    "generic",
    "networkinformation",
    "qmltooling",
    "sqldrivers",
    "tls",
    "vectorimageformats",
    "wayland-graphics-integration-server",
}

# Qt libraries the Qt hooks collect although no kept module or plugin links them (networking,
# the embedded-Linux EGLFS platform). select_binaries keeps them if anything does need them.
UNUSED_QT_LIBRARIES = {
    "libQt6Network.so.6",
    "libQt6EglFSDeviceIntegration.so.6",
    "libQt6EglFsKmsSupport.so.6",
}


def app_version() -> str:
    """evidence_app.__version__, read from the source without importing the package."""
    init = ROOT / "evidence_app" / "__init__.py"
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    raise LookupError("evidence_app/__init__.py sets no __version__ string")


def data_files() -> list[tuple[str, str]]:
    """(source file, destination folder) pairs for PyInstaller's ``datas``, sorted.

    The PNG icon goes along for desktop launchers (.desktop files) on Linux.
    """
    pairs = [(str(ICON_PNG), "icons")]
    for folder, pattern in DATA_GLOBS:
        for path in sorted((ROOT / folder).glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                dest = path.parent.relative_to(ROOT).as_posix()
                pairs.append((str(path), dest))
    return pairs


def keep_qt_plugin(dest_name: str) -> bool:
    """False for a collected Qt plugin the app does not need; True for everything else."""
    parts = PurePosixPath(dest_name.replace("\\", "/")).parts
    if "plugins" not in parts or len(parts) < parts.index("plugins") + 3:
        return True
    if not any(p in ("Qt", "Qt6", "PySide6") for p in parts[: parts.index("plugins")]):
        return True
    folder = parts[parts.index("plugins") + 1]
    if folder in QT_PLUGINS_DROP:
        return False
    wanted = QT_PLUGINS_KEEP.get(folder)
    if wanted is None:
        return True
    name = parts[-1].split(".")[0].removeprefix("lib")
    return name in wanted


def windows_version_text(version: str) -> str:
    """The Windows version resource (the file's Properties > Details) for "X.Y.Z", in the
    text form PyInstaller's EXE(version=FILE) reads."""
    numbers = tuple(int(n) for n in version.split(".")[:3]) + (0,)
    strings = {
        "CompanyName": "Evidence Vault project",
        "FileDescription": "Evidence Vault",
        "FileVersion": version,
        "InternalName": APP_NAME,
        "LegalCopyright": "AGPL-3.0-or-later",
        "OriginalFilename": f"{APP_NAME}.exe",
        "ProductName": "Evidence Vault",
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
          {table}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])]),
  ]
)
"""


def select_binaries(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """PyInstaller's binaries without unneeded Qt plugins and libraries, and without the
    libraries that only those need.

    A library goes only if nothing that stays needs it (ELF NEEDED entries, followed through
    the collected libraries), so this never removes a dependency of a kept file. Libraries
    are pruned on Linux only; elsewhere just the plugins are filtered.
    """
    if not sys.platform.startswith("linux"):
        return [b for b in binaries if keep_qt_plugin(b[0])]
    from PyInstaller.depend.bindepend import get_imports

    def name(dest: str) -> str:
        return PurePosixPath(dest.replace("\\", "/")).name

    by_name = {name(dest): src for dest, src, _kind in binaries}

    def needed(sources: list[str]) -> set[str]:
        """Names of collected libraries that ``sources`` load, directly or not."""
        seen: set[str] = set()
        todo = list(sources)
        while todo:
            for lib, _path in get_imports(todo.pop()):
                base = PurePosixPath(lib).name
                if base in by_name and base not in seen:
                    seen.add(base)
                    todo.append(by_name[base])
        return seen

    unwanted = [src for dest, src, _kind in binaries
                if not keep_qt_plugin(dest) or name(dest) in UNUSED_QT_LIBRARIES]
    candidates = {name(d) for d, s, _k in binaries if s in unwanted} | needed(unwanted)
    roots = [src for dest, src, _kind in binaries if name(dest) not in candidates]
    drop = candidates - needed(roots)
    return [b for b in binaries if name(b[0]) not in drop]


def drop_dangling_links(
    datas: list[tuple[str, str, str]], binaries: list[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """``datas`` without the SYMLINK entries whose target is no longer collected."""
    present = {PurePosixPath(dest).as_posix() for dest, _src, _kind in binaries + datas}

    def target(dest: str, link: str) -> str:
        return posixpath.normpath(posixpath.join(posixpath.dirname(dest), link))

    return [(dest, src, kind) for dest, src, kind in datas
            if kind != "SYMLINK" or target(dest, src) in present]
