#!/usr/bin/env python3
"""Benchmark: bundle export and import against the `age` CLI on the same data, same run.

    .venv/bin/python benchmarks/bench_bundle.py          # a testimony with a 1 GiB attachment
    .venv/bin/python benchmarks/bench_bundle.py 256M     # or BENCH_BUNDLE_SIZE=256M
    BENCH_DIR=/dev/shm ...                               # files on tmpfs
    BENCH_BUNDLE_OPS=export ...                          # export and age -r only

Compares (median of BENCH_BUNDLE_RUNS interleaved runs, default 3, each in its own child
process; start-up costs count on both sides):
  export (intake-hash check + tar + age encrypt, one pass)    vs  age -r  on the same file;
  import (decrypt + every check + store, one transaction)     vs  age -d  of that bundle
  (to /dev/null; also printed, for reference, against age -d writing a file).
Targets: export/age -r <= 1.0, import/age -d <= 1.2, peak RSS < 200 MB. The bundle uses the
X25519 recipient (the age CLI 1.1.1 has no post-quantum one); the post-quantum header costs
the same once per file whatever the size.
"""

from __future__ import annotations

import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_support import parse_size

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_BUNDLE_RUNS", "3"))
# BENCH_BUNDLE_OPS=export times only export and `age -r` (import: only import and `age -d`).
OPS = os.environ.get("BENCH_BUNDLE_OPS", "export,import").split(",")
# Throwaway vaults with a cheap KDF (the test-only switch, inherited by the timed children):
# unlocking is not what is measured.
os.environ["EVIDENCE_APP_TEST_KDF"] = "fast"
PASSPHRASE = "benchmark passphrase"  # noqa: S105 - throwaway vaults in a temp folder


def _setup(work: Path, size: int) -> None:
    """Two vaults that know each other; Alice holds a testimony with one big attachment."""
    from crypto.kdf import Argon2Params
    from evidence_app import records
    from evidence_app.vault import Vault

    fast = Argon2Params(memory_kib=64, iterations=1, lanes=1)
    big = work / "attachment.bin"
    with open(big, "wb") as fh:
        block = os.urandom(1 << 20)
        for _ in range(size >> 20):
            fh.write(block)
        fh.write(block[: size & ((1 << 20) - 1)])
    alice, _ = Vault.create(work / "alice", PASSPHRASE, "Alice", kdf_params=fast)
    bob, _ = Vault.create(work / "bob", PASSPHRASE, "Bob", kdf_params=fast)
    alice.add_contact(bob.identity.card().to_text(), trusted=True)
    bob.add_contact(alice.identity.card().to_text(), trusted=True)
    tid = records.add_testimony(alice, {"title": "benchmark"}, [big])
    (work / "tid").write_text(tid)
    key = next(i for i in bob.identity.age_identities() if type(i).__name__ == "X25519Identity")
    (work / "bob.key").write_text(key.to_string() + "\n")
    (work / "bob.pub").write_text(bob.identity.card().age_recipient.to_string())
    alice.lock()
    bob.lock()


def _export(work: Path, out: Path) -> None:
    from evidence_app import bundle
    from evidence_app.vault import Vault

    alice = Vault.open(work / "alice", PASSPHRASE)
    try:
        bob = alice.list_contacts()[0]
        bundle.export_bundle(alice, [(work / "tid").read_text()], [bob], out, classical=True)
    finally:
        alice.lock()


def _fresh_bob(work: Path) -> None:
    """A fresh copy of Bob's vault (no "already imported"), made before the timed import:
    freeing the previous run's blobs is not part of an import."""
    shutil.rmtree(work / "bob-run", ignore_errors=True)
    shutil.copytree(work / "bob", work / "bob-run")


def _import(work: Path, src: Path) -> None:
    from evidence_app import bundle
    from evidence_app.vault import Vault

    bob = Vault.open(work / "bob-run", PASSPHRASE)
    try:
        assert bundle.import_bundle(bob, src).status == "imported"
    finally:
        bob.lock()


def measured(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    subprocess.run(cmd, check=True)
    elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def once(cmd: list[str], before: list[str] | None = None) -> tuple[float, float, float]:
    """One measured run of ``cmd`` in a child (after ``before``, unmeasured)."""
    if before:
        subprocess.run(before, check=True)
    result = subprocess.run([sys.executable, __file__, "--measure", *cmd],
                            check=True, capture_output=True, text=True)
    wall, cpu, rss = map(float, result.stdout.split())
    return wall, cpu, rss


def main(argv: list[str]) -> None:
    if argv[:1] == ["--measure"]:
        print(*measured(argv[1:]))
        return
    if argv[:1] in (["--export"], ["--import"]):
        sys.path.insert(0, str(ROOT))
        (_export if argv[0] == "--export" else _import)(Path(argv[1]), Path(argv[2]))
        return
    if argv[:1] == ["--fresh-bob"]:
        _fresh_bob(Path(argv[1]))
        return
    size = parse_size(argv[0] if argv else os.environ.get("BENCH_BUNDLE_SIZE", "1G"))
    age_tool = shutil.which("age")
    if age_tool is None:
        sys.exit("the age CLI is needed (apt-get install age)")
    sys.path.insert(0, str(ROOT))
    # Bytecode as an installed app has it (pip compiles at install): with
    # PYTHONDONTWRITEBYTECODE set, stale .pyc files would make every child recompile the
    # modules edited since, about 40 ms that no user pays.
    for package in ("crypto", "evidence_app"):
        compileall.compile_dir(ROOT / package, quiet=1)
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        work = Path(tmp)
        _setup(work, size)
        me = [sys.executable, __file__]
        bundle_file = work / "b.age"
        plain_age = work / "plain.age"
        ops = {
            "export": ([*me, "--export", str(work), str(bundle_file)],
                       ["rm", "-f", str(bundle_file)]),
            "age -r": ([age_tool, "-r", (work / "bob.pub").read_text(), "-o", str(plain_age),
                        str(work / "attachment.bin")], ["rm", "-f", str(plain_age)]),
            "import": ([*me, "--import", str(work), str(bundle_file)],
                       [*me, "--fresh-bob", str(work)]),
            "age -d": ([age_tool, "-d", "-i", str(work / "bob.key"), "-o", os.devnull,
                        str(bundle_file)], None),
            # For reference only (the target is against -o /dev/null): age also storing
            # what it decrypts, as an import stores the originals.
            "age -d > file": ([age_tool, "-d", "-i", str(work / "bob.key"), "-o",
                               str(work / "plain.tar"), str(bundle_file)],
                              ["rm", "-f", str(work / "plain.tar")]),
        }
        if "import" in OPS and "export" not in OPS:  # import needs one bundle, made once
            subprocess.run(ops.pop("export")[0], check=True)
            ops.pop("age -r")
        elif "import" not in OPS:
            ops.pop("import")
            ops.pop("age -d")
            ops.pop("age -d > file")
        walls: dict[str, list[float]] = {k: [] for k in ops}
        cpus: dict[str, list[float]] = {k: [] for k in ops}
        peak: dict[str, float] = dict.fromkeys(ops, 0.0)
        load_before = os.getloadavg()[0]
        for _ in range(RUNS):  # interleaved, so all see the same background load
            for name, (cmd, before) in ops.items():
                wall, cpu, rss = once(cmd, before)
                walls[name].append(wall)
                cpus[name].append(cpu)
                peak[name] = max(peak[name], rss)
        load_after = os.getloadavg()[0]
    wall = {k: statistics.median(v) for k, v in walls.items()}
    cpu = {k: statistics.median(v) for k, v in cpus.items()}
    print(f"attachment {size / (1 << 20):.0f} MiB, median of {RUNS} runs, "
          f"load average {load_before:.1f} -> {load_after:.1f} ({os.cpu_count()} CPUs)")
    for ours, theirs, target in (("export", "age -r", 1.0), ("import", "age -d", 1.2)):
        if ours not in wall:
            continue
        print(f"{ours}  wall {wall[ours]:5.2f} s vs {theirs} {wall[theirs]:5.2f} s: ratio "
              f"{wall[ours] / wall[theirs]:4.2f} (target <= {target})  |  CPU "
              f"{cpu[ours]:5.2f} s vs {cpu[theirs]:5.2f} s: {cpu[ours] / cpu[theirs]:4.2f}  "
              f"|  peak RSS {peak[ours]:.0f} MB")
        for name in (ours, theirs):  # every run, in order: shows outliers and drift
            print(f"    {name:7} runs: " + " ".join(f"{w:.2f}" for w in walls[name]))
    if "import" in wall:
        ref = "age -d > file"
        print(f"(reference) import vs {ref}: {wall['import']:5.2f} s vs {wall[ref]:5.2f} s, "
              f"ratio {wall['import'] / wall[ref]:4.2f}; {ref} runs: "
              + " ".join(f"{w:.2f}" for w in walls[ref]))


if __name__ == "__main__":
    main(sys.argv[1:])
