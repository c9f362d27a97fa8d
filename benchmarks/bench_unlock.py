"""Unlock time with the default (calibrated) Argon2id parameters (target: about 1 s).

    .venv/bin/python benchmarks/bench_unlock.py [--runs 3]

Creates a throwaway vault with the default parameters (``crypto.kdf.calibrate()``, never
below ``crypto.kdf.DEFAULT``), then times ``Vault.open`` (one Argon2id derivation, opening
SQLCipher, unsealing the identity) and ``Vault.lock``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

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
        params = json.loads((path / "keyslot-passphrase.json").read_text())["params"]
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            Vault.open(path, "benchmark passphrase").lock()
            times.append(time.perf_counter() - start)
    print(f"Argon2id calibrated here: {params['memory_kib'] // 1024} MiB, "
          f"{params['iterations']} passes, {params['lanes']} lanes")
    print(f"create (two slots): {created:.2f} s")
    print(f"unlock median of {args.runs}: {statistics.median(times):.2f} s "
          f"runs {[round(t, 2) for t in times]}")


if __name__ == "__main__":
    main()
