"""Security: the report's "repeat these checks" commands quote the bag folder name and the
principal, which no signature covers (audit finding 8)."""

from __future__ import annotations

import dataclasses
import shlex
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from bundle_support import Pair, open_pair
from security_support import bag_files, rebuild

from evidence_app import bundle, verify

EVIL = "bag$(touch${IFS}PWNED)`id>PWNED2`;touch PWNED3 '\u2019"


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with open_pair(tmp_path) as p:
        yield p


def _result(pair: Pair, tmp_path: Path) -> verify.VerifyResult:
    _, files = bag_files(pair, tmp_path)
    hostile = rebuild(pair, EVIL, files, tmp_path / "evil.age")
    with open(hostile, "rb") as fh:
        scan = verify.scan_bundle(fh, pair.bob.identity.age_identities())
    result = verify.check_scan(scan, bundle.trust_lookup(pair.bob), pair.bob.fingerprint())
    assert result.scan.root == EVIL and result.signer is not None
    return result


def test_posix_commands_quote_the_folder(pair: Pair, tmp_path: Path) -> None:
    cmds = dict(verify.repeat_commands(_result(pair, tmp_path)))
    cd_line = cmds["Decrypt and unpack (age, tar)"].splitlines()[1]
    assert shlex.split(cd_line) == ["cd", EVIL]
    assert shlex.split(cmds["Whole bag (BagIt)"])[-1] == EVIL
    work = tmp_path / "work"
    (work / EVIL).mkdir(parents=True)
    done = subprocess.run(["sh", "-c", cd_line + " && pwd"], cwd=work, capture_output=True,
                          text=True, check=False, timeout=30)
    assert done.returncode == 0 and done.stdout.strip().endswith(EVIL)
    assert sorted(p.name for p in work.iterdir()) == [EVIL]  # nothing was run


def test_powershell_line_is_a_literal(pair: Pair, tmp_path: Path) -> None:
    cmds = dict(verify.repeat_commands(_result(pair, tmp_path)))
    first = cmds["The same on Windows (PowerShell)"].splitlines()[0]
    assert first == ("Set-Location -LiteralPath 'bag$(touch${IFS}PWNED)`id>PWNED2`;"
                     "touch PWNED3 ''\u2019\u2019'")


def test_hostile_principal_is_quoted_or_replaced(pair: Pair, tmp_path: Path) -> None:
    result = _result(pair, tmp_path)
    assert result.signer is not None
    result.signer = dataclasses.replace(result.signer, principal="x & calc.exe $(id)")
    sig = dict(verify.repeat_commands(result))["Signature over the tag manifest (OpenSSH)"]
    posix, windows = sig.splitlines()
    assert shlex.split(posix.split("<")[0])[6] == "x & calc.exe $(id)"
    assert "calc.exe" not in windows and "-I <principal>" in windows
