#!/usr/bin/env python3
"""Benchmark: the GUI testimony list over a real vault of many testimonies.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_list.py         # 100,000
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_list.py 20000   # quicker

Fills a fresh vault (fast test key derivation) through ``records.add_testimony`` -- the
app's own code path: validation, versions, sealed identities, the full-text index and a
signed custody event each -- batched 5,000 per outer ``vault.transaction()``, as
``bench_search.py`` does. Then, with the Qt offscreen platform, it shows the list panel
(``ui.testimony_list.TestimonyListPanel`` over ``RecordsSource``, the workspace's own) and
times, from the request until the rows are in the model (worker read + GUI insertion):

* the first page (a reload, as after a new filter or an import), 20 times;
* each ``fetchMore`` page while scrolling down, 50 pages (10,000 rows);
* a full-text search (``model.apply``, without the search box's 250 ms typing pause).

A 10 ms heartbeat timer on the GUI thread records the longest pause in each phase: the
reads run in workers, so it shows what the GUI thread itself spends (row insertion, paint).
Prints median, p95 and max in milliseconds.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Key derivation is not measured here: allow the tiny test parameters (keyslots' switch).
os.environ.setdefault("EVIDENCE_APP_TEST_KDF", "fast")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from crypto.kdf import Argon2Params  # noqa: E402
from evidence_app import records  # noqa: E402
from evidence_app.vault import Vault  # noqa: E402
from ui.testimony_list import PAGE_SIZE, RecordsSource, TestimonyListPanel  # noqa: E402

SYLLABLES = "ҳа қи ҷо ғу ӯр ӣн ша бо ро да ма на ка ту ли зи во ре ми ло ко пра сто ри де".split()
ACTS = ["RS-7-1-a", "RS-7-1-e", "RS-7-1-f", "RS-7-1-h", "RS-7-1-i", "RS-8-2-a-ii"]
SCOPES = ["coordinator", "icc", "un", "partner_organisations"]
BATCH = 5000


def _words(rng: random.Random, n: int) -> list[str]:
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _testimony(rng: random.Random, words: list[str], i: int) -> dict[str, object]:
    def text(n: int) -> str:
        return " ".join(rng.choices(words, k=n))

    year = rng.randrange(2015, 2025)
    data: dict[str, object] = {
        "title": f"{text(4)} {i}",
        "narrative": text(rng.randint(40, 120)),
        "witness": {"pseudonym": f"W-{i:06d}", "identity": {"name": f"Name {i}"}},
        "incidents": [{"date_from": f"{year}-{rng.randrange(1, 13):02d}",
                       "date_precision": "month", "acts": rng.sample(ACTS, 2)}],
    }
    if i % 4:  # every fourth without consent: the "no consent" badge
        data["consent"] = {"given": True, "method": "oral", "identity_disclosure": "none",
                           "scope": rng.sample(SCOPES, 2)}
    return data


def _report(label: str, times: list[float], pause: float | None = None) -> None:
    times = sorted(times)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    extra = f"   longest GUI pause {pause:6.1f} ms" if pause is not None else ""
    print(f"{label:<30} n={len(times):<3} median {statistics.median(times):7.2f} ms   "
          f"p95 {p95:7.2f} ms   max {times[-1]:7.2f} ms{extra}", flush=True)


class Heartbeat:
    """A 10 ms timer on the GUI thread; ``longest()`` is the longest gap since ``reset()``."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._beat)
        self.reset()
        self.timer.start()

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.gap = 0.0

    def _beat(self) -> None:
        now = time.perf_counter()
        self.gap = max(self.gap, now - self.last)
        self.last = now

    def longest(self) -> float:
        return self.gap * 1000


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    app = QApplication([])
    rng = random.Random(1)
    words = _words(rng, 20_000)
    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = Vault.create(Path(tmp) / "vault", "bench passphrase", "Bench",
                                kdf_params=Argon2Params(memory_kib=64, iterations=1, lanes=1))
        try:
            start = time.perf_counter()
            for first in range(0, count, BATCH):
                with vault.transaction():
                    for i in range(first, min(count, first + BATCH)):
                        records.add_testimony(vault, _testimony(rng, words, i))
            fill = time.perf_counter() - start
            print(f"filled {count} testimonies in {fill:.1f} s "
                  f"({fill / count * 1000:.2f} ms each, custody events signed)", flush=True)

            heart = Heartbeat()
            panel = TestimonyListPanel(RecordsSource(vault))
            panel.resize(900, 700)
            panel.show()
            model = panel.model

            def timed(action: Callable[[], object]) -> float:
                """Milliseconds from ``action()`` until the model's reads have landed."""
                begin = time.perf_counter()
                action()
                while model.busy:
                    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
                app.processEvents()  # the view lays out and paints the rows
                return (time.perf_counter() - begin) * 1000

            timed(lambda: None)  # the panel's own first load
            assert model.total == count, model.total
            heart.reset()
            _report("first page (reload)", [timed(model.refresh) for _ in range(20)],
                    heart.longest())

            heart.reset()
            pages = [timed(model.fetchMore) for _ in range(50)]
            assert model.fetched == 51 * PAGE_SIZE, model.fetched
            _report(f"fetchMore page ({PAGE_SIZE} rows)", pages, heart.longest())

            queries = ([rng.choice(words[:50]) for _ in range(10)]
                       + [rng.choice(words) for _ in range(20)]
                       + [f"W-{rng.randrange(count):06d}" for _ in range(10)])
            heart.reset()
            _report("search (up to 1000 rows)",
                    [timed(lambda q=q: model.apply(q, None)) for q in queries], heart.longest())
            panel.close()
        finally:
            vault.lock()


if __name__ == "__main__":
    main()
