"""Encrypt + hash a large buffer serially vs with the hash on a second thread.

Run: ``.venv/bin/python benchmarks/bench_hash.py [MiB]``. ChaCha20-Poly1305 on 64 KiB
chunks stands in for the age payload encryption. Both cryptography's AEAD (on 2 KB or
more) and hashlib release the GIL, so with BackgroundHasher the two can use two cores.
Prints the median wall time of each way and the ratio serial / threaded. The machine
is shared: run it on an idle box, or expect noise.
"""

from __future__ import annotations

import hashlib
import os
import statistics
import sys
import time
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crypto.hashing import BackgroundHasher  # noqa: E402

CHUNK = 64 * 1024
NONCE = bytes(12)


def serial(chunks: list[bytes], aead: ChaCha20Poly1305) -> str:
    """Hash then encrypt each chunk on one thread."""
    hasher = hashlib.sha256()
    for chunk in chunks:
        hasher.update(chunk)
        aead.encrypt(NONCE, chunk, None)
    return hasher.hexdigest()


def threaded(chunks: list[bytes], aead: ChaCha20Poly1305) -> str:
    """Encrypt on this thread while BackgroundHasher hashes on another."""
    with BackgroundHasher() as hasher:
        for chunk in chunks:
            hasher.update(chunk)
            aead.encrypt(NONCE, chunk, None)
        return hasher.hexdigest()


def main() -> None:
    mib = int(sys.argv[1]) if len(sys.argv) > 1 else 512
    block = os.urandom(1 << 20)
    # Chunks as bytes, like the results of file.read(64 KiB) in the real pipeline.
    chunks = [block[i : i + CHUNK] for i in range(0, len(block), CHUNK)] * mib
    aead = ChaCha20Poly1305(ChaCha20Poly1305.generate_key())
    assert serial(chunks, aead) == threaded(chunks, aead)
    timings: dict[str, list[float]] = {"serial": [], "threaded": []}
    for _ in range(5):
        for name, run in (("serial", serial), ("threaded", threaded)):
            start = time.perf_counter()
            run(chunks, aead)
            timings[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(values) for name, values in timings.items()}
    for name, seconds in medians.items():
        print(f"{name:9s} {seconds:7.3f} s  {mib / seconds:8.0f} MiB/s")
    print(f"ratio serial/threaded: {medians['serial'] / medians['threaded']:.2f}x")


if __name__ == "__main__":
    main()
