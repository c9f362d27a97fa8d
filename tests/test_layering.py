"""The layering crypto <- evidence_app <- ui holds: checked two ways.

1. import-linter's contracts in pyproject.toml (the same check `dev.py test` runs);
2. an independent AST scan of every module, so a broken linter config cannot hide a violation.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# package -> top-level modules it must never import
FORBIDDEN = {
    "crypto": {"evidence_app", "ui", "PySide6", "shiboken6", "sqlcipher3", "sqlite3", "PIL"},
    "evidence_app": {"ui", "PySide6", "shiboken6"},
}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def violations(root: Path) -> list[str]:
    bad = []
    for package, forbidden in FORBIDDEN.items():
        for path in sorted((root / package).rglob("*.py")):
            for lineno, top in _imports(path):
                if top in forbidden:
                    bad.append(f"{path.relative_to(root)}:{lineno} imports {top}")
    return bad


def test_no_import_against_the_layers() -> None:
    assert violations(ROOT) == []


def test_scan_detects_a_violation(tmp_path: Path) -> None:
    (tmp_path / "crypto").mkdir()
    (tmp_path / "evidence_app").mkdir()
    (tmp_path / "crypto" / "bad.py").write_text("import os\nfrom evidence_app import vault\n")
    (tmp_path / "evidence_app" / "bad.py").write_text("from PySide6.QtCore import QObject\n")
    assert violations(tmp_path) == [
        "crypto/bad.py:2 imports evidence_app",
        "evidence_app/bad.py:1 imports PySide6",
    ]


def test_import_linter_contracts_are_kept() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("lint-imports (import-linter) is not installed in this environment")
    res = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, check=False)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "0 broken" in res.stdout
