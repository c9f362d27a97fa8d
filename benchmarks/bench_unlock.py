"""Unlock time with the default Argon2id parameters (target: about 1 s on this machine).

    .venv/bin/python benchmarks/bench_unlock.py [--runs 3]

Creates a throwaway vault with ``crypto.kdf.DEFAULT`` and times ``Vault.open`` (one
Argon2id derivation, opening SQLCipher, unsealing the identity) and ``Vault.lock``.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from crypto import kdf
from evidence_app.vault import Vault


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "vault"
        start = time.perf_counter()
        vault, _ = Vault.create(path, "benchmark passphrase", "Bench")
        created = time.perf_counter() - start
        vault.lock()
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            Vault.open(path, "benchmark passphrase").lock()
            times.append(time.perf_counter() - start)
    p = kdf.DEFAULT
    print(f"Argon2id default: {p.memory_kib // 1024} MiB, {p.iterations} passes, {p.lanes} lanes")
    print(f"create (two slots): {created:.2f} s")
    print(f"unlock median of {args.runs}: {statistics.median(times):.2f} s "
          f"runs {[round(t, 2) for t in times]}")


if __name__ == "__main__":
    main()
