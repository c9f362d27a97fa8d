"""Intake speed: BlobStore.write of a 1 GiB file against `age -r` on the same file.

    .venv/bin/python benchmarks/bench_intake.py [--size-mib 1024] [--runs 3]

Each of our runs is a fresh subprocess, so its peak RSS (target < 150 MB) is measured
alone. Ours includes what age does not do: SHA-256 of the plaintext (on the second core),
fsync of the blob and the atomic rename. So the same run also times `age -r` followed by
an fsync of its output, and our write with fsync disabled (to show what durability costs).
Prints medians and the ratio ours/age (target <= 1).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import resource, secrets, sys, time
from pathlib import Path
from evidence_app.blobstore import BlobStore
work = Path(sys.argv[2])
if sys.argv[3] == "no-fsync":  # only to see what durability costs; never done in the app
    import os
    os.fsync = lambda fd: None
store = BlobStore(work / "blobs", work / "tmp", secrets.token_bytes(32))
start = time.perf_counter()
with open(sys.argv[1], "rb") as src:
    ref = store.write(src)
elapsed = time.perf_counter() - start
store.delete(ref.blob_id)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


def make_input(path: Path, size_mib: int) -> None:
    """A file of pseudo-random content (a random 16 MiB block repeated)."""
    block = os.urandom(16 << 20)
    with open(path, "wb") as fh:
        for _ in range(size_mib // 16):
            fh.write(block)
        fh.write(block[: (size_mib % 16) << 20])


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_age(age: str, recipient: str, src: Path, dst: Path) -> tuple[float, float, float]:
    """Seconds of `age -r`, of `age -r` plus an fsync of its output (durable, like ours),
    and the CPU seconds (user + system, all threads) of `age -r`."""
    os.sync()  # start each run with no dirty pages left by the previous one
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run([age, "-r", recipient, "-o", str(dst), str(src)], check=True)
    elapsed = time.perf_counter() - start
    cpu = _children_cpu() - cpu
    fd = os.open(dst, os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)
    durable = time.perf_counter() - start
    dst.unlink()
    return elapsed, durable, cpu


def time_ours(src: Path, work: Path, mode: str = "durable") -> tuple[float, int, float]:
    """Seconds, peak RSS in bytes and CPU seconds (user + system, all threads, start-up
    included) of one BlobStore.write in a fresh process."""
    os.sync()
    out = subprocess.run([sys.executable, "-c", _CHILD, str(src), str(work), mode], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1]) * 1024, float(out[2])  # ru_maxrss: KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=ROOT / "benchmarks",
                        help="where the files go (/dev/shm: tmpfs, no disk writeback noise)")
    args = parser.parse_args()
    age, keygen = shutil.which("age"), shutil.which("age-keygen")
    if not age or not keygen:
        sys.exit("age and age-keygen are needed")
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        work = Path(tmp)
        src = work / "input.bin"
        make_input(src, args.size_mib)
        key = subprocess.run([keygen], check=True, capture_output=True, text=True).stdout
        recipient = next(line.split(": ")[1] for line in key.splitlines()
                         if line.startswith("# public key: "))
        with open(src, "rb") as fh:  # warm the page cache for both
            while fh.read(16 << 20):
                pass
        ages, durable_ages, ours, ours_no_fsync, rss = [], [], [], [], []
        age_cpu, ours_cpu = [], []
        load_before = os.getloadavg()[0]
        for _ in range(args.runs):
            plain, durable, cpu = time_age(age, recipient, src, work / "out.age")
            ages.append(plain)
            durable_ages.append(durable)
            age_cpu.append(cpu)
            seconds, peak, cpu = time_ours(src, work)
            ours.append(seconds)
            rss.append(peak)
            ours_cpu.append(cpu)
            ours_no_fsync.append(time_ours(src, work, "no-fsync")[0])
        load_after = os.getloadavg()[0]
    mib = args.size_mib
    print(f"input: {mib} MiB, {args.runs} runs each, medians, load average "
          f"{load_before:.1f} -> {load_after:.1f} ({os.cpu_count()} CPUs)")
    for label, runs in (("age -r", ages), ("age -r + fsync", durable_ages),
                        ("BlobStore.write", ours), ("ours, no fsync", ours_no_fsync)):
        m = statistics.median(runs)
        print(f"{label:<16} {m:6.2f} s ({mib / m:4.0f} MiB/s)  runs {[round(x, 2) for x in runs]}")
    o, a = statistics.median(ours), statistics.median(ages)
    print(f"ratio ours/age:                  {o / a:.2f} (target <= 1.0)")
    print(f"ratio ours/(age + fsync):        {o / statistics.median(durable_ages):.2f}")
    print(f"ratio ours without fsync / age:  {statistics.median(ours_no_fsync) / a:.2f}")
    oc, ac = statistics.median(ours_cpu), statistics.median(age_cpu)
    print(f"CPU (user + system): ours {oc:.2f} s, age -r {ac:.2f} s, ratio {oc / ac:.2f}")
    print(f"peak RSS ours:                   {max(rss) / 1e6:.0f} MB (target < 150 MB)")


if __name__ == "__main__":
    main()
