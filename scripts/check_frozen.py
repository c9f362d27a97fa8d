#!/usr/bin/env python3
"""Build the packaged app, then prove the FROZEN binary works on its own (Linux CI check).

    .venv/bin/python scripts/check_frozen.py              # build, then check
    .venv/bin/python scripts/check_frozen.py --dist DIR   # check an existing dist folder

The dist folder is copied to a fresh temporary folder and every step runs there with an
empty HOME and a minimal environment (what `env -i` gives), so the binary cannot see the
venv, the source tree or the build machine's settings:

    HOME=<empty> PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen EVIDENCE_APP_TEST_KDF=fast

Steps: every bundled library's dependencies resolve (ldd); --version; self-test (crypto,
SQLCipher, the Qt main window offscreen), again on the real X11 plugin under Xvfb; then a full
CLI round trip between two vaults: init, identity card, contacts add, testimony add with a real
photo, testimony complete, export, import (the photo arrives byte for byte), verify, verify
--report (a PDF). A command the CLI does not have yet is reported as MISSING by name and fails
the check, as does any step that fails or hangs: the exit code is 0 only if all passed.
Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "bundle_contents", ROOT / "packaging" / "bundle_contents.py")
assert _spec is not None and _spec.loader is not None
BC = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(BC)
APP_NAME: str = BC.APP_NAME
PHOTO = ROOT / "tests" / "samples" / "photos" / "jpg_Canon_40D.jpg"
STEP_TIMEOUT = 120  # seconds (steps take 1-3 s); a hung step fails instead of blocking CI

# Libraries the build never bundles or may lack (README-section.md tells users to install
# them). Any other library that a bundled file links but nobody provides fails the check.
SYSTEM_LIBRARIES = {
    "libEGL.so.1", "libGL.so.1", "libGLX.so.0", "libGLdispatch.so.0", "libOpenGL.so.0",
    "libxcb.so.1", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0",
    "libxkbcommon-x11.so.0", "libxcb-shape.so.0", "libfontconfig.so.1", "libdbus-1.so.3",
    "libwayland-client.so.0", "libwayland-cursor.so.0", "libwayland-egl.so.1",
}

TESTIMONY = {
    "title": "Frozen build check",
    "narrative": "Recorded by scripts/check_frozen.py to test a packaged build.",
    "language": "en",
    "witness": {"pseudonym": "W-001", "identity": {"name": "Test Witness"}},
    "interview": {"date": "2025-03-02", "interviewer": "Check Script"},
    "consent": {"given": True, "method": "oral", "scope": ["coordinator"],
                "identity_disclosure": "none"},
    "incidents": [{"date_from": "2022-05-18", "date_precision": "day", "acts": ["RS-7-1-e"]}],
}


@dataclass
class Checker:
    """Runs the frozen binary in a sealed environment and records what passed."""

    exe: Path
    work: Path
    env: dict[str, str]
    timeout: float = STEP_TIMEOUT
    failures: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def run(self, *args: str, wrapper: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
        """Run the binary; a step that hangs is killed and reported with exit code -1."""
        argv = [*wrapper, str(self.exe), *args]
        try:
            return subprocess.run(argv, cwd=self.work, env=self.env, capture_output=True,
                                  text=True, timeout=self.timeout, check=False)
        except subprocess.TimeoutExpired:
            return subprocess.CompletedProcess(argv, -1, "", f"timed out after {self.timeout} s")

    def has_command(self, *words: str) -> bool:
        """True if the CLI knows ``words`` (e.g. "contacts", "add"). False if argparse says
        it has no such choice (recorded as missing) or if asking failed (a failure)."""
        name = " ".join(words)
        res = self.run(*words, "--help")
        if res.returncode == 0:
            return True
        if res.returncode == 2 and "invalid choice" in res.stderr:
            print(f"MISSING command: {name}", flush=True)
            self.missing.append(name)
        else:
            self.fail(f"{name} --help", f"exit code {res.returncode}", res.stdout + res.stderr)
        return False

    def step(self, label: str, *args: str,
             wrapper: Sequence[str] = ()) -> subprocess.CompletedProcess[str] | None:
        """Run one step; print ok/FAIL with the tail of its output. None if it failed."""
        res = self.run(*args, wrapper=wrapper)
        if res.returncode == 0:
            print(f"ok   {label}", flush=True)
            return res
        self.fail(label, f"exit code {res.returncode}", res.stdout + res.stderr)
        return None

    def fail(self, label: str, why: str, output: str = "") -> None:
        print(f"FAIL {label}: {why}", flush=True)
        for line in output.strip().splitlines()[-15:]:
            print(f"     | {line}", flush=True)
        self.failures.append(label)


def sealed_env(home: Path) -> dict[str, str]:
    """The whole environment of every step: nothing inherited from this process."""
    return {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
        # Set on purpose: a frozen build must ignore the test-only weak-KDF switch
        # (check_round_trip reads the key slots to prove it).
        "EVIDENCE_APP_TEST_KDF": "fast",
    }


def fresh_copy(dist: Path, dest: Path) -> Path:
    """Copy the dist folder to ``dest``; return the copied executable."""
    shutil.copytree(dist, dest, symlinks=True)
    exe = dest / APP_NAME
    if not exe.is_file():
        raise SystemExit(f"no {APP_NAME} executable in {dist}")
    return exe


def check_basics(c: Checker, version: str) -> None:
    res = c.step("--version", "--version")
    if res is None:
        return
    if res.stdout.strip() != f"{APP_NAME} {version}":
        c.fail("--version", f"expected {APP_NAME} {version}", res.stdout)
    if not c.has_command("self-test"):
        return
    res = c.step("self-test (crypto, SQLCipher, FTS5, Qt)", "self-test")
    if res is not None and "Qt" not in res.stdout:
        # evidence_app.selftest checks Qt only once ui.selftest is in the build.
        print("MISSING: the self-test did not start the Qt main window (ui.selftest)",
              flush=True)
        c.missing.append("self-test Qt main window (ui.selftest)")


def check_languages(c: Checker) -> None:
    """The translations and the fonts for Tajik and Persian are part of the build."""
    label = "CLI speaks Russian (EVIDENCE_APP_LANG=ru) and the Noto fonts are bundled"
    argv = [str(c.exe), "--vault", str(c.work / "no-such-vault"), "testimony", "list"]
    res = subprocess.run(argv, cwd=c.work, env={**c.env, "EVIDENCE_APP_LANG": "ru"},
                         capture_output=True, text=True, timeout=c.timeout, check=False)
    fonts = sorted(p.name for p in (c.exe.parent / "_internal" / "ui" / "fonts").glob("*.ttf"))
    problems = []
    if res.returncode == 0 or "ошибка" not in res.stderr:
        problems.append(f"no Russian error line (exit {res.returncode}): {res.stderr.strip()}")
    if not {"NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf"} <= set(fonts):
        problems.append(f"fonts bundled: {fonts}")
    if problems:
        c.fail(label, "; ".join(problems))
    else:
        print(f"ok   {label}", flush=True)


def check_libraries(c: Checker) -> None:
    """Every library a bundled file links is bundled, or a documented system library."""
    internal = c.exe.parent / "_internal"
    unresolved: dict[str, set[str]] = {}
    for path in sorted(p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()):
        res = subprocess.run(["ldd", str(path)], env={**c.env, "LD_LIBRARY_PATH": str(internal)},
                             capture_output=True, text=True, check=False)
        for line in res.stdout.splitlines():
            if "=> not found" in line:
                lib = line.split("=>")[0].strip()
                unresolved.setdefault(lib, set()).add(path.relative_to(internal).as_posix())
    unknown = sorted(set(unresolved) - SYSTEM_LIBRARIES)
    if unknown:
        c.fail("bundled libraries resolve", "not bundled and not documented: " +
               ", ".join(f"{lib} (for {sorted(unresolved[lib])[0]})" for lib in unknown))
    else:
        missing_here = ", ".join(sorted(unresolved)) or "none"
        print(f"ok   bundled libraries resolve (system libraries missing here: {missing_here})",
              flush=True)


def check_x11_window(c: Checker) -> None:
    """self-test on the real X11 platform plugin (xcb), in a virtual X server (Xvfb).

    This proves the bundled xcb plugin and its libraries load; the system libraries it
    needs are listed in packaging/README-section.md. Without xvfb-run the step is reported
    as skipped, or as missing when peers are required (CI: EVIDENCE_REQUIRE_PEERS=1).
    """
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        if os.environ.get("EVIDENCE_REQUIRE_PEERS") == "1":
            print("MISSING tool: xvfb-run (apt-get install xvfb xauth)", flush=True)
            c.missing.append("xvfb-run for the X11 window check")
        else:
            print("skip X11 window check: xvfb-run is not installed", flush=True)
        return
    # xvfb-run adds DISPLAY and XAUTHORITY to the sealed environment; env switches Qt to X11.
    wrapper = [xvfb_run, "-a", "/usr/bin/env", "QT_QPA_PLATFORM=xcb"]
    res = c.step("self-test on X11 (xcb plugin, Xvfb)", "self-test", wrapper=wrapper)
    if res is not None and "xcb" not in res.stdout:
        c.fail("X11 window", "the self-test did not report the xcb platform", res.stdout)


def check_production_key_slots(c: Checker, vault: Path) -> None:
    """The frozen app ignores EVIDENCE_APP_TEST_KDF: its key slots use >= 256 MiB, 3 passes."""
    label = "key slots use production Argon2id although the test switch is set"
    slots = sorted(vault.glob("keyslot-*.json"))
    weak = []
    for slot in slots:
        params = json.loads(slot.read_text(encoding="utf-8"))["params"]
        if params["memory_kib"] < 262144 or params["iterations"] < 3:
            weak.append(f"{slot.name}: {params}")
    if len(slots) < 2 or weak:
        c.fail(label, f"{len(slots)} slots found", "\n".join(weak))
    else:
        print(f"ok   {label}", flush=True)


def check_round_trip(c: Checker) -> None:
    """Two vaults: A (explicit --vault) sends a testimony with a photo to B (default path)."""
    w = c.work
    (w / "pass-a").write_text("correct horse battery staple A\n", encoding="utf-8")
    (w / "pass-b").write_text("correct horse battery staple B\n", encoding="utf-8")
    (w / "testimony.json").write_text(json.dumps(TESTIMONY), encoding="utf-8")
    shutil.copyfile(PHOTO, w / "photo.jpg")
    a = ("--vault", str(w / "vault-a"), "--passphrase-file", str(w / "pass-a"))
    b = ("--passphrase-file", str(w / "pass-b"))  # the per-user default vault in $HOME

    if not c.has_command("init"):
        return
    if not (c.step("init vault A", *a, "init", "--name", "Field Documenter A")
            and c.step("init vault B (default path)", *b, "init", "--name", "Coordinator B")):
        return
    check_production_key_slots(c, w / "vault-a")
    if c.has_command("identity", "card"):
        c.step("identity card A", *a, "identity", "card", "--out", str(w / "a.card"))
        c.step("identity card B", *b, "identity", "card", "--out", str(w / "b.card"))
    if c.has_command("contacts", "add") and (w / "a.card").exists() and (w / "b.card").exists():
        c.step("contacts add: A knows B", *a, "contacts", "add", str(w / "b.card"), "--trust",
               "--verified-how", "frozen build check")
        c.step("contacts add: B knows A", *b, "contacts", "add", str(w / "a.card"), "--trust",
               "--verified-how", "frozen build check")
    tid = None
    if c.has_command("testimony", "add"):
        res = c.step("testimony add with a photo", *a, "testimony", "add",
                     "--json", str(w / "testimony.json"), "--attach", str(w / "photo.jpg"))
        tid = res.stdout.strip() if res else None
    if tid and c.has_command("testimony", "show"):
        check_stored_photo(c, a, tid, "A")
    if c.has_command("vault", "check"):
        c.step("vault check A", *a, "vault", "check")
    check_bundle_commands(c, a, b, tid)


def check_stored_photo(c: Checker, vault: Sequence[str], tid: str, who: str) -> None:
    """The testimony in ``vault`` holds exactly the sample photo, byte for byte."""
    res = c.step(f"testimony show in {who}", *vault, "testimony", "show", tid, "--json")
    if res is None:
        return
    data = parse_json(c, f"testimony show in {who}", res.stdout)
    if not isinstance(data, dict):
        return
    want = hashlib.sha256(PHOTO.read_bytes()).hexdigest()
    got = [att.get("sha256") for att in data.get("attachments", [])]
    if got != [want]:
        c.fail(f"photo intact in {who}", f"attachment hashes {got}, expected [{want}]")


def check_bundle_commands(c: Checker, a: Sequence[str], b: Sequence[str],
                          tid: str | None) -> None:
    """export (A -> B), import (B), verify (B). Missing commands are named, not skipped."""
    w = c.work
    bundle = w / "bundle.age"
    have = [c.has_command(cmd) for cmd in ("export", "import", "verify")]  # names each missing
    if not all(have) or tid is None:
        return
    if c.has_command("testimony", "complete"):
        c.step("testimony complete", *a, "testimony", "complete", tid)
    if not c.step("export A -> B", *a, "export", tid, "--to", str(w / "b.card"),
                  "--out", str(bundle)):
        return
    if c.step("import into B", *b, "import", str(bundle)):
        check_imported(c, b)
    c.step("verify in B", *b, "verify", str(bundle))
    report = w / "report.pdf"
    if c.step("verify in B with a PDF report", *b, "verify", str(bundle), "--report",
              str(report)) and not report.read_bytes().startswith(b"%PDF-"):
        c.fail("PDF report", "the report file is not a PDF")


def check_imported(c: Checker, b: Sequence[str]) -> None:
    """B now holds the one testimony A sent, with its photo."""
    res = c.step("testimony list in B", *b, "testimony", "list", "--json")
    if res is None:
        return
    items = parse_json(c, "testimony list in B", res.stdout)
    if not isinstance(items, list):
        return
    ids = [item.get("id") for item in items]
    if len(ids) != 1:
        c.fail("imported testimony in B", f"B lists {len(ids)} testimonies, expected 1")
        return
    check_stored_photo(c, b, ids[0], "B")


def parse_json(c: Checker, label: str, text: str) -> object:
    """The JSON a step printed; None (and a recorded failure) if it is not JSON."""
    try:
        return json.loads(text)
    except ValueError:
        c.fail(label, "the output is not JSON", text)
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, help="existing dist folder (skip the build)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--no-x11", action="store_true", help="skip the X11 (Xvfb) window check")
    parser.add_argument("--step-timeout", type=float, default=STEP_TIMEOUT, metavar="SECONDS",
                        help=f"kill and fail a step after this long (default {STEP_TIMEOUT})")
    args = parser.parse_args(argv)
    os.umask(0o077)  # the test passphrases and vaults stay private to this user
    if not sys.platform.startswith("linux"):
        raise SystemExit("check_frozen runs on Linux (see packaging/README.md for others)")
    dist = args.dist
    if dist is None:
        out = ROOT / "build" / "frozen-check"
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--out",
                        str(out)], check=True)
        dist = out / "dist" / APP_NAME
    version = BC.app_version()
    tmp = Path(tempfile.mkdtemp(prefix="frozen-check-"))
    try:
        home, work = tmp / "home", tmp / "work"
        home.mkdir(mode=0o700)
        work.mkdir(mode=0o700)
        checker = Checker(fresh_copy(dist.resolve(), tmp / "app"), work, sealed_env(home),
                          args.step_timeout)
        print(f"checking {checker.exe} (a fresh copy of {dist})", flush=True)
        check_libraries(checker)
        check_basics(checker, version)
        if not checker.failures:
            if not args.no_x11:
                check_x11_window(checker)
            check_round_trip(checker)
            if not checker.failures and not checker.missing:
                check_languages(checker)
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    problems = checker.failures + [f"missing: {m}" for m in checker.missing]
    if problems:
        print(f"frozen check FAILED ({len(problems)}): " + "; ".join(problems), flush=True)
        return 1
    print("frozen check passed", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
