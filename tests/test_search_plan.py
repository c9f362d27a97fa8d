"""Filtered lists, counts and searches give the same rows whichever way they are planned.

``search._plan`` drives a query from a filter's set when it is small and walks a sort
index probing every row when it is large; both must agree with a plain reference filter
over the inputs. Also: the schema v2 scope rows follow the testimonies, and the database
file is private whatever the umask.
"""

from __future__ import annotations

import os
import random
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from records_support import new_vault, sample_testimony

from evidence_app import records, schema, search
from evidence_app.db import CACHE_KIB, open_database
from evidence_app.records import Filters
from evidence_app.vault import Vault

ACTS = ["RS-7-1-a", "RS-7-1-e", "RS-7-1-f", "RS-8-2-a-ii"]
SCOPES = ["coordinator", "icc", "un", "media"]
COUNT = 40


def _data(rng: random.Random, i: int) -> dict[str, Any]:
    # "RS-8-2-a-ii" and "media" are rare (every 10th testimony): small sets, driven queries.
    acts = ["RS-8-2-a-ii"] if i % 10 == 0 else rng.sample(ACTS[:3], 2)
    scope = ["media"] if i % 10 == 3 else rng.sample(SCOPES[:3], 2)
    year = 2015 + i % 10
    return sample_testimony(
        title=f"{rng.choice(['альфа', 'бета', 'ҷавоб'])} {i:03d}",
        narrative=f"умумӣ {'нодир ' if i % 3 == 0 else ''}слово{i}",
        notes=None, witness={"pseudonym": f"W-{i:03d}"},
        consent={"given": True, "method": "oral", "scope": scope,
                 "identity_disclosure": "none"},
        incidents=[{"date_from": f"{year}-{1 + i % 12:02d}", "date_precision": "month",
                    "acts": acts}])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Vault, dict[str, Any]]]:
    """COUNT testimonies; returns the vault and each id's input data (as last saved)."""
    rng = random.Random(7)
    vault = new_vault(tmp_path_factory.mktemp("plan") / "vault")
    inputs: dict[str, Any] = {}
    for i in range(COUNT):
        data = _data(rng, i)
        inputs[records.add_testimony(vault, data)] = data
    # Edits change acts, scope and dates: the indexes and scope rows must follow them.
    for tid in list(inputs)[:6]:
        data = dict(inputs[tid], consent={"given": True, "method": "oral", "scope": ["un"],
                                          "identity_disclosure": "none"},
                    incidents=[{"date_from": "2030-01", "date_precision": "month",
                                "acts": ["RS-7-1-e"]}])
        records.update_testimony(vault, tid, data)
        inputs[tid] = data
    for tid in list(inputs)[6:16]:
        records.set_status(vault, tid, "complete")
    yield vault, inputs
    vault.lock()


def _passes(data: dict[str, Any], status: str, f: Filters) -> bool:
    incident = data["incidents"][0]
    low, _ = search.date_bounds(incident["date_from"])
    _, high = search.date_bounds(incident["date_from"])
    return ((f.act_code is None or f.act_code in incident["acts"])
            and (f.consent_scope is None or f.consent_scope in data["consent"]["scope"])
            and (f.status is None or f.status == status)
            and (f.incident_from is None or high >= search.date_bounds(f.incident_from)[0])
            and (f.incident_to is None or low <= search.date_bounds(f.incident_to)[1]))


FILTERS = [
    Filters(act_code="RS-7-1-f"), Filters(act_code="RS-8-2-a-ii"), Filters(act_code="RS-7-1-k"),
    Filters(consent_scope="icc"), Filters(consent_scope="media"), Filters(status="complete"),
    Filters(status="draft", act_code="RS-7-1-e"),
    Filters(incident_from="2018-01", incident_to="2019-06", consent_scope="coordinator"),
    Filters(incident_from="2030-01-01"), Filters(incident_to="2016"),
    Filters(act_code="RS-7-1-a", consent_scope="un", status="draft", incident_from="2016"),
]


@pytest.mark.parametrize("f", FILTERS)
@pytest.mark.parametrize(("sort", "descending"),
                         [("updated_at", True), ("title", False), ("status", True),
                          ("created_at", False)])
def test_filtered_pages_equal_the_reference(corpus: tuple[Vault, dict[str, Any]], f: Filters,
                                            sort: str, descending: bool) -> None:
    vault, inputs = corpus
    status = {s.id: s.status for s in records.list_testimonies(vault, limit=1000)}
    everything = [s.id for s in records.list_testimonies(vault, limit=1000, sort=sort,
                                                         descending=descending)]
    expected = [t for t in everything if _passes(inputs[t], status[t], f)]
    assert records.count_testimonies(vault, f) == len(expected)
    for offset, limit in ((0, 3), (0, 1000), (2, 5)):
        page = records.list_testimonies(vault, offset=offset, limit=limit, sort=sort,
                                        descending=descending, filters=f)
        assert [s.id for s in page] == expected[offset:offset + limit]


def test_both_plans_are_exercised(corpus: tuple[Vault, dict[str, Any]]) -> None:
    vault, _ = corpus
    rare = search._conds(Filters(act_code="RS-8-2-a-ii"))
    common = search._conds(Filters(act_code="RS-7-1-f"))
    assert search._plan(vault.db, rare, 3)[2] is True
    assert search._plan(vault.db, common, 3)[2] is False


@pytest.mark.parametrize("rank_limit", [search.RANK_LIMIT, 1])
@pytest.mark.parametrize("f", [None, *FILTERS])
@pytest.mark.parametrize("query", ["умумӣ", "нодир", "W-00*"])
def test_filtered_search_equals_the_reference(corpus: tuple[Vault, dict[str, Any]],
                                              monkeypatch: pytest.MonkeyPatch, f: Filters | None,
                                              query: str, rank_limit: int) -> None:
    vault, inputs = corpus
    monkeypatch.setattr(search, "RANK_LIMIT", rank_limit)
    monkeypatch.setattr(search, "SEARCH_CHUNK", 4)  # several chunks even in a small vault
    monkeypatch.setattr(search, "FIRST_BATCH", 1)  # newest first: batches after the first
    status = {s.id: s.status for s in records.list_testimonies(vault, limit=1000)}
    everything = [s.id for s in records.search(vault, query, limit=1000)]
    expected = [t for t in everything if f is None or _passes(inputs[t], status[t], f)]
    for limit in (1, 3, 1000):
        found = [s.id for s in records.search(vault, query, filters=f, limit=limit)]
        assert found == expected[:limit]


def test_migrations_fill_scope_and_search_rows_and_rebuild_fts(tmp_path: Path) -> None:
    con = open_database(tmp_path / "t.db", secrets.token_bytes(32))
    con.execute("BEGIN")
    for statement in schema._statements(schema.MIGRATIONS[0]):
        con.execute(statement)
    con.execute("PRAGMA user_version = 1")
    con.execute("INSERT INTO testimonies(id, current_version, status, title, has_consent, "
                "consent_scope, created_at, updated_at) VALUES "
                "('a', 1, 'draft', 'x', 1, '[\"icc\", \"un\"]', '1', '1'), "
                "('b', 1, 'draft', 'y', 0, NULL, '1', '1')")
    for tid in ("a", "b"):
        con.execute("INSERT INTO testimony_fts(rowid, testimony_id, title) "
                    "VALUES (?, ?, 'ҳақиқат')", (search.fts_rowid(tid), tid))
    con.execute("COMMIT")
    assert schema.migrate(con) == schema.SCHEMA_VERSION
    assert con.execute("SELECT fts_rowid, testimony_id FROM testimony_search_ids "
                       "ORDER BY testimony_id").fetchall() == [
        (search.fts_rowid("a"), "a"), (search.fts_rowid("b"), "b")]
    # v3 rebuilt the full-text table with prefix indexes, keeping rows and rowids.
    sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'testimony_fts'").fetchone()[0]
    assert "prefix = '2 3'" in sql
    for query in ('"ҳа"*', '"ҳақ"*', '"ҳақи"*', '"ҳақиқат"'):
        assert sorted(r[0] for r in con.execute(
            "SELECT rowid FROM testimony_fts WHERE testimony_fts MATCH ?", (query,))) == sorted(
            [search.fts_rowid("a"), search.fts_rowid("b")])

    def rows() -> list[tuple[str, str]]:
        return con.execute("SELECT testimony_id, scope FROM testimony_scopes "
                           "ORDER BY 1, 2").fetchall()

    assert rows() == [("a", "icc"), ("a", "un")]
    con.execute("UPDATE testimonies SET consent_scope = '[\"media\"]' WHERE id = 'b'")
    con.execute("UPDATE testimonies SET consent_scope = '[]' WHERE id = 'a'")
    assert rows() == [("b", "media")]
    con.execute("INSERT INTO testimonies(id, current_version, status, title, has_consent, "
                "consent_scope, created_at, updated_at) "
                "VALUES ('c', 1, 'draft', 'z', 1, '[\"icc\"]', '1', '1')")
    con.execute("DELETE FROM testimonies WHERE id = 'b'")
    assert rows() == [("c", "icc")]
    con.close()


def test_database_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        con = open_database(tmp_path / "v.db", secrets.token_bytes(32))
        con.execute("CREATE TABLE t(x)")
        con.execute("INSERT INTO t VALUES (1)")
        cache = con.execute("PRAGMA cache_size").fetchone()[0]
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
        con.close()
    finally:
        os.umask(old)
    assert cache == -CACHE_KIB
    assert modes["v.db"] == 0o600
    assert modes.get("v.db-wal", 0o600) == 0o600
