#!/usr/bin/env python3
"""Benchmark: our age encrypt/decrypt against the `age` CLI on the same file, same run.

    .venv/bin/python benchmarks/bench_age.py            # 1 GiB
    .venv/bin/python benchmarks/bench_age.py 256M       # or BENCH_AGE_SIZE=256M
    BENCH_DIR=/dev/shm BENCH_AGE_RUNS=5 ...             # files on tmpfs: no disk writeback noise

Prints the median of 3 runs for each operation, the ratios ours/age, and the peak RSS of each
process. Each operation runs in its own child process (also measured by a parent via
resource.getrusage(RUSAGE_CHILDREN)), so start-up costs count on both sides.
"""

from __future__ import annotations

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
RUNS = int(os.environ.get("BENCH_AGE_RUNS", "3"))


def child_ours(op: str, key: str, src: str, dst: str) -> None:
    """Run one operation of ours in this (child) process."""
    sys.path.insert(0, str(ROOT))
    from crypto import age

    with open(src, "rb", buffering=0) as f, open(dst, "wb", buffering=0) as g:
        if op == "encrypt":
            age.encrypt(f, g, [age.parse_recipient(key)])
        else:
            age.decrypt(f, g, age.parse_identities(Path(key).read_text()))


def measured(cmd: list[str]) -> None:
    """Run ``cmd`` as our child; print its wall time and peak RSS (RUSAGE_CHILDREN)."""
    start = time.perf_counter()
    subprocess.run(cmd, check=True)
    elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{elapsed} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")


def run_measured(cmd: list[str], output: Path) -> tuple[float, float, float]:
    """Wall seconds, peak RSS in MB, CPU seconds (user + system) of one run."""
    # Same footing for both tools: no old output to truncate, no dirty pages from the last run.
    output.unlink(missing_ok=True)
    os.sync()
    out = subprocess.run([sys.executable, __file__, "--measure", *cmd], check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1]) / 1024, float(out[2])


def compare(ours: tuple[list[str], Path], theirs: tuple[list[str], Path]
            ) -> list[tuple[float, float, float]]:
    """For ours then age: median wall time, max peak RSS, median CPU time.

    Runs are interleaved so both see the same background load.
    """
    runs = [(run_measured(*ours), run_measured(*theirs)) for _ in range(RUNS)]
    result = []
    for side in ([r[0] for r in runs], [r[1] for r in runs]):
        result.append((statistics.median(r[0] for r in side), max(r[1] for r in side),
                       statistics.median(r[2] for r in side)))
    return result


def main() -> None:
    size = parse_size(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("BENCH_AGE_SIZE", "1G"))
    age_bin, keygen = shutil.which("age"), shutil.which("age-keygen")
    if not age_bin or not keygen:
        sys.exit("the age CLI (age, age-keygen) is needed for this benchmark")
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        d = Path(tmp)
        plain = d / "plain"
        with plain.open("wb") as f:
            block = os.urandom(1 << 20)
            for _ in range(size // len(block)):
                f.write(block)
            f.write(block[: size % len(block)])
        key = d / "key.txt"
        subprocess.run([keygen, "-o", str(key)], check=True, capture_output=True)
        recipient = subprocess.run([keygen, "-y", str(key)], check=True, capture_output=True,
                                   text=True).stdout.strip()
        me = [sys.executable, __file__, "--child"]
        ours_ct, theirs_ct, ours_out, theirs_out = (d / n for n in ("o.age", "t.age", "o", "t"))
        ops = {  # operation: ((our command, its output), (age command, its output))
            "encrypt": (
                (me + ["encrypt", recipient, str(plain), str(ours_ct)], ours_ct),
                ([age_bin, "-r", recipient, "-o", str(theirs_ct), str(plain)], theirs_ct),
            ),
            "decrypt": (
                (me + ["decrypt", str(key), str(ours_ct), str(ours_out)], ours_out),
                ([age_bin, "-d", "-i", str(key), "-o", str(theirs_out), str(theirs_ct)],
                 theirs_out),
            ),
        }
        print(f"file size: {size / (1 << 20):.0f} MiB, median of {RUNS} runs")
        for op, (ours, theirs) in ops.items():
            (ours_t, ours_m, ours_c), (age_t, age_m, age_c) = compare(ours, theirs)
            print(f"{op}: ours {ours_t:.3f} s wall, {ours_c:.3f} s CPU, {ours_m:.0f} MB peak RSS | "
                  f"age {age_t:.3f} s wall, {age_c:.3f} s CPU, {age_m:.0f} MB peak RSS | "
                  f"ratio ours/age wall {ours_t / age_t:.2f}, CPU {ours_c / age_c:.2f}")
        if not same_content(ours_out, plain):
            sys.exit("decrypted output differs from the plaintext")


def same_content(a: Path, b: Path) -> bool:
    with a.open("rb") as f, b.open("rb") as g:
        while True:
            x, y = f.read(1 << 20), g.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child_ours(*sys.argv[2:6])
    elif sys.argv[1:2] == ["--measure"]:
        measured(sys.argv[2:])
    else:
        main()
