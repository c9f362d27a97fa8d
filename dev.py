#!/usr/bin/env python3
"""One entry point for people and CI: set everything up, then start the app or run the tests.

    python3 dev.py start    # create .venv from the hashed lock file, start the app
    python3 dev.py test     # create .venv with dev tools; ruff, mypy, import contracts, pytest

Only the standard library is used here, so this works on a fresh machine with Python 3.11+.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def run(
    *cmd: str | os.PathLike[str],
    env: dict[str, str] | None = None,
    ok_codes: tuple[int, ...] = (0,),
) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    res = subprocess.run([str(c) for c in cmd], cwd=ROOT, env=env)  # noqa: S603
    if res.returncode not in ok_codes:
        sys.exit(res.returncode)


def setup(lock: str) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs before the venv exists
        sys.exit("Python 3.11 or newer is needed (this is {}.{})".format(*sys.version_info[:2]))
    if not PY.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    stamp = VENV / f".installed-{lock}"
    lock_path = ROOT / "requirements" / lock
    if not stamp.exists() or stamp.read_text() != lock_path.read_text():
        run(PY, "-m", "pip", "install", "--quiet", "--require-hashes", "--no-deps",
            "-r", lock_path)
        run(PY, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
            "-e", ".")
        stamp.write_text(lock_path.read_text())


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in {"start", "test", "setup"}:
        sys.exit(__doc__)
    cmd, rest = argv[0], argv[1:]
    if cmd == "start":
        setup("app.lock")
        run(PY, "-m", "evidence_app", *(rest or ["gui"]))
    elif cmd == "setup":
        setup("dev.lock")
    else:
        setup("dev.lock")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        run(PY, "-m", "ruff", "check", "crypto", "evidence_app", "ui", "tests", "benchmarks",
            "packaging", "scripts", "dev.py", env=env)
        run(PY, "-m", "mypy", "crypto", "evidence_app", "ui", env=env)
        run(BIN / "lint-imports", env=env)
        # The GUI responsiveness tests measure pauses of the GUI thread, so they run first,
        # alone, without other test workers competing for the two cores; then everything else.
        run(PY, "-m", "pytest", "-m", "responsiveness", *rest, env=env, ok_codes=(0, 5))
        run(PY, "-m", "pytest", "-n", "auto", "-m", "not responsiveness", *rest, env=env)


if __name__ == "__main__":
    main(sys.argv[1:])
