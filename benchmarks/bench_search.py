#!/usr/bin/env python3
"""Benchmark: full-text search and list paging over many testimonies.

    .venv/bin/python benchmarks/bench_search.py            # 100,000 testimonies
    .venv/bin/python benchmarks/bench_search.py 20000      # fewer, for a quick look
    .venv/bin/python benchmarks/bench_search.py --keep /tmp/searchbench   # fill once, reuse

With ``--keep DIR`` the filled vault stays in DIR (throwaway passphrase, synthetic data)
and later runs with the same DIR reopen it -- migrating it to the current schema --
instead of filling again (filling 100,000 testimonies takes minutes).

Fills a fresh vault (fast test key derivation) through ``records.add_testimony`` -- the
same code path the app uses, custody events and signatures included -- with all inserts
batched in one outer transaction (``vault.transaction()`` nests as savepoints). Synthetic
texts are Zipf-distributed pseudo-words built from Tajik/Russian syllables; queries cover
the most common words, mid and rare words, word pairs, prefixes and pseudonyms. Then it
times 200 searches (with and without a filter) and the first page of ``list_testimonies``
under several sorts and filters, and prints median, p95 and max in milliseconds.
Targets: search p95 < 50 ms, first list page < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# A throwaway vault in a temp folder: the test-only weak key derivation is fine here.
os.environ["EVIDENCE_APP_TEST_KDF"] = "fast"

from evidence_app import keyslots, records  # noqa: E402
from evidence_app.records import Filters  # noqa: E402
from evidence_app.vault import Vault  # noqa: E402

SYLLABLES = ("ҳа қи ҷо ғу ӯр ӣн ша бо ро да ма на ка ту ли зи во ре ми ло ко пра сто ри де "
             "жи ны ве го ку хо").split()
ACTS = ["RS-7-1-a", "RS-7-1-e", "RS-7-1-f", "RS-7-1-h", "RS-7-1-i", "RS-8-2-a-ii"]
SCOPES = ["coordinator", "icc", "un", "partner_organisations"]
VOCABULARY = 30_000


def _vocabulary(rng: random.Random) -> list[str]:
    """Pseudo-words of 2-4 Tajik/Russian syllables (ҳ қ ҷ ғ ӯ ӣ included)."""
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Text:
    """Words drawn with Zipf's law (rank ** -1), like natural language."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = _vocabulary(rng)
        self.weights = [1 / (rank + 1) for rank in range(len(self.words))]

    def __call__(self, n: int) -> str:
        return " ".join(self.rng.choices(self.words, self.weights, k=n))


def _testimony(rng: random.Random, text: Text, i: int) -> dict[str, object]:
    year = rng.randrange(2015, 2025)
    return {
        "title": f"{text(4)} {i}",
        "narrative": text(rng.randint(80, 400)),
        "notes": text(15),
        "witness": {"pseudonym": f"W-{i:06d}", "identity": {"name": f"Name {i}"}},
        "consent": {"given": True, "method": "oral", "identity_disclosure": "none",
                    "scope": rng.sample(SCOPES, 2)},
        "incidents": [{"date_from": f"{year}-{rng.randrange(1, 13):02d}",
                       "date_precision": "month", "acts": rng.sample(ACTS, 2)}],
    }


def _time(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return (time.perf_counter() - start) * 1000


def _report(label: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    print(f"{label:<34} n={len(times):<4} median {statistics.median(times):7.2f} ms   "
          f"p95 {p95:7.2f} ms   max {times[-1]:7.2f} ms")


PASSPHRASE = "bench passphrase"  # noqa: S105 -- a throwaway vault of synthetic data


def _fill(vault: Vault, text: Text, rng: random.Random, count: int) -> None:
    start = time.perf_counter()
    batch = 5000
    for first in range(0, count, batch):
        with vault.transaction():
            for i in range(first, min(count, first + batch)):
                records.add_testimony(vault, _testimony(rng, text, i))
    fill = time.perf_counter() - start
    print(f"filled {count} testimonies in {fill:.1f} s "
          f"({fill / count * 1000:.2f} ms each, custody events signed)")


def _complete_some(vault: Vault) -> None:
    """Mark every 300th testimony complete: a rare status to filter on."""
    ids = [s.id for s in records.list_testimonies(vault, limit=1000, sort="created_at",
                                                  descending=False)][::300]
    ids += [s.id for s in records.list_testimonies(vault, offset=1000, limit=1000)][::300]
    with vault.transaction():
        for tid in ids:
            data = records.get_version(vault, tid, records.history(vault, tid)[-1].version,
                                       include_identity=True)
            data["interview"] = {"date": "2025-03-02", "interviewer": "Bench"}
            records.update_testimony(vault, tid, data)
            records.set_status(vault, tid, "complete")
    print(f"marked {len(ids)} testimonies complete")


SEARCH_FILTERS = {
    "act filter (common)": Filters(act_code="RS-7-1-f"),
    "status filter (rare)": Filters(status="complete"),
    "dates+scope filter": Filters(incident_from="2018-01-01", incident_to="2019-06-30",
                                  consent_scope="icc"),
}
# The list panel's sortable columns (ui/testimony_list.py SORT_KEYS), both directions.
GUI_SORTS = [(sort, desc) for sort in ("updated_at", "title", "status") for desc in (True, False)]
# The list panel's filters: act, consent scope, status, incident dates (days), combined.
LIST_FILTERS: dict[str, Filters | None] = {
    "no filter": None,
    "act (common)": Filters(act_code="RS-7-1-i"),
    "act (absent)": Filters(act_code="RS-7-1-k"),
    "scope (common)": Filters(consent_scope="icc"),
    "scope (absent)": Filters(consent_scope="media"),
    "status (rare)": Filters(status="complete"),
    "status (common)": Filters(status="draft"),
    "dates": Filters(incident_from="2018-01-01", incident_to="2019-06-30"),
    "act+scope+status+dates": Filters(act_code="RS-7-1-i", consent_scope="icc",
                                      status="draft", incident_from="2018-01-01",
                                      incident_to="2019-06-30"),
}


def _first_page(vault: Vault, sort: str, descending: bool, f: Filters | None) -> None:
    """What the list panel's first load asks for: the count, then the first page."""
    records.count_testimonies(vault, f)
    records.list_testimonies(vault, sort=sort, descending=descending, filters=f)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the filled vault here and reuse it")
    args = parser.parse_args()
    if args.keep is None:
        with tempfile.TemporaryDirectory() as tmp:
            _run(Path(tmp) / "vault", args.count)
    else:
        args.keep.mkdir(mode=0o700, parents=True, exist_ok=True)
        _run(args.keep / "vault", args.count)


def _run(path: Path, count: int) -> None:
    rng = random.Random(1)
    text = Text(rng)  # the same vocabulary on every run: drawn first from seed 1
    if Vault.exists(path):
        start = time.perf_counter()
        vault = Vault.open(path, PASSPHRASE)  # migrates to the current schema
        count = records.count_testimonies(vault)
        print(f"reusing {count} testimonies in {path}; "
              f"opened in {time.perf_counter() - start:.1f} s (schema migrations included)")
    else:
        vault, _ = Vault.create(path, PASSPHRASE, "Bench", kdf_params=keyslots.TEST_KDF)
    try:
        if records.count_testimonies(vault) == 0:
            _fill(vault, text, rng, count)
        if not records.count_testimonies(vault, Filters(status="complete")):
            _complete_some(vault)
        rng = random.Random(2)  # queries: independent of how the vault was filled
        words = text.words

        def ranked(low: int, high: int) -> str:  # a word of frequency rank low..high
            return words[rng.randrange(low, high)]

        queries = ([ranked(0, 10) for _ in range(20)]  # the most common words
                   + [ranked(10, 1000) for _ in range(40)]
                   + [ranked(1000, VOCABULARY) for _ in range(40)]
                   + [f"{ranked(0, 300)} {ranked(300, 3000)}" for _ in range(40)]
                   + [ranked(0, VOCABULARY)[:4] + "*" for _ in range(40)]
                   + [f"W-{rng.randrange(count):06d}" for _ in range(20)])
        times = [_time(partial(records.search, vault, q)) for q in queries]
        _report("search (limit 100), all queries", times)
        groups = {"search: 10 most common words": (0, 20),
                  "search: mid-frequency words": (20, 60), "search: rare words": (60, 100),
                  "search: word pairs": (100, 140), "search: prefixes (4 letters*)": (140, 180),
                  "search: pseudonym": (180, 200)}
        for label, (lo, hi) in groups.items():
            _report(label, times[lo:hi])
        short = [ranked(0, VOCABULARY)[:rng.choice((2, 3))] + "*" for _ in range(40)]
        _report("search: prefixes (2-3 letters*)",
                [_time(partial(records.search, vault, q)) for q in short])
        for label, f in SEARCH_FILTERS.items():
            _report(f"search + {label}", [_time(partial(records.search, vault, q, filters=f))
                                          for q in queries[:100]])
        pages = {
            "list page at offset 50,000": lambda: records.list_testimonies(
                vault, offset=min(50_000, count // 2)),
            "count all": lambda: records.count_testimonies(vault),
        }
        for label, func in pages.items():
            _report(label, [_time(func) for _ in range(20)])
        # What the list panel does for a first page: count, then the page (GUI_SORTS x filters).
        for label, list_filter in LIST_FILTERS.items():
            _report(f"list first page + count, {label}", [
                _time(partial(_first_page, vault, sort, desc, list_filter))
                for sort, desc in GUI_SORTS for _ in range(5)])
    finally:
        vault.lock()


if __name__ == "__main__":
    main()
