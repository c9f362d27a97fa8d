"""The vault schema: migrations produce exactly the declared model, atomically."""

from __future__ import annotations

import ast
import re
import secrets
from pathlib import Path

import pytest
import sqlcipher3

from evidence_app import schema
from evidence_app.db import open_database
from evidence_app.schema import INDEXES, MODEL, SCHEMA_VERSION, Column, SchemaTooNewError, migrate


@pytest.fixture
def con(tmp_path: Path) -> sqlcipher3.Connection:
    c = open_database(tmp_path / "t.db", secrets.token_bytes(32))
    yield c
    c.close()


def _user_tables(con: sqlcipher3.Connection) -> set[str]:
    names = {r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    # FTS5 keeps its index in shadow tables named after the virtual table.
    return {n for n in names if not n.startswith("testimony_fts_")}


def test_migrated_schema_equals_declared_model(con: sqlcipher3.Connection) -> None:
    assert migrate(con) == SCHEMA_VERSION
    assert _user_tables(con) == set(MODEL)
    for table, columns in MODEL.items():
        info = con.execute(f"PRAGMA table_info({table})").fetchall()
        actual = [Column(r[1], r[2], bool(r[3]), r[5]) for r in info]
        assert actual == columns, table


def test_declared_indexes_exist(con: sqlcipher3.Connection) -> None:
    migrate(con)
    found = {r[0]: r[1] for r in con.execute(
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' "
        "AND name NOT LIKE 'sqlite_autoindex_%'")}
    assert set(found) == set(INDEXES)
    for name, (table, columns) in INDEXES.items():
        assert found[name] == table
        cols = tuple(r[2] for r in con.execute(f"PRAGMA index_info({name})"))
        assert cols == columns


def test_migrate_is_idempotent_and_sets_user_version(con: sqlcipher3.Connection) -> None:
    migrate(con)
    migrate(con)
    assert schema.schema_version(con) == SCHEMA_VERSION


def test_newer_schema_is_refused(con: sqlcipher3.Connection) -> None:
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SchemaTooNewError):
        migrate(con)


def test_failing_migration_leaves_previous_version(
    con: sqlcipher3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrate(con)
    broken = "CREATE TABLE extra(a TEXT); INSERT INTO no_such_table VALUES (1);"
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(sqlcipher3.OperationalError):
        migrate(con)
    assert schema.schema_version(con) == SCHEMA_VERSION
    assert "extra" not in _user_tables(con)
    assert not con.in_transaction


def test_statement_splitter_keeps_trigger_bodies_and_literals() -> None:
    script = """
    CREATE TABLE a(x TEXT DEFAULT 'semi;colon');
    CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = 'y;'; END;
    """
    parts = schema._statements(script)
    assert len(parts) == 2
    assert parts[1].endswith("END;")
    with pytest.raises(ValueError):
        schema._statements("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1;")


def test_fts_keeps_diacritics_and_finds_cyrillic(con: sqlcipher3.Connection) -> None:
    migrate(con)
    con.execute("INSERT INTO testimony_fts(testimony_id, title, narrative, notes, pseudonym) "
                "VALUES ('t1', 'шоҳид', 'café', '', '')")
    hit = con.execute("SELECT testimony_id FROM testimony_fts WHERE testimony_fts MATCH ?",
                      ("шоҳид",)).fetchall()
    assert hit == [("t1",)]
    # remove_diacritics 0: "cafe" is a different word from "café".
    assert con.execute("SELECT count(*) FROM testimony_fts WHERE testimony_fts MATCH 'cafe'"
                       ).fetchone()[0] == 0
    # The testimony id is stored but not indexed as text.
    assert con.execute("SELECT count(*) FROM testimony_fts WHERE testimony_fts MATCH 't1'"
                       ).fetchone()[0] == 0


def test_status_check_constraint(con: sqlcipher3.Connection) -> None:
    migrate(con)
    with pytest.raises(sqlcipher3.IntegrityError):
        con.execute("INSERT INTO testimonies(id, current_version, status, title, has_consent, "
                    "created_at, updated_at) VALUES ('t', 1, 'published', 'x', 0, 'a', 'b')")


def _sql_strings() -> list[str]:
    """Every string literal in evidence_app/ (implicit concatenations joined by ast), except
    in selftest.py, which uses a throwaway database of its own."""
    out = []
    for path in sorted((Path(__file__).parent.parent / "evidence_app").glob("*.py")):
        if path.name == "selftest.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.append(node.value)
            elif isinstance(node, ast.JoinedStr):
                out.append("".join(v.value for v in node.values
                                   if isinstance(v, ast.Constant) and isinstance(v.value, str)))
    return out


def test_every_insert_in_the_code_uses_declared_columns() -> None:
    inserts = [m for s in _sql_strings()
               for m in re.finditer(r"INSERT(?: OR \w+)? INTO (\w+)\s*\(([^)]*)\)", s)]
    assert inserts, "no INSERT statements found: the scan is broken"
    for m in inserts:
        table, columns = m.group(1), [c.strip() for c in m.group(2).split(",")]
        assert table in MODEL, f"INSERT into undeclared table {table}"
        declared = {c.name for c in MODEL[table]} | {"rowid"}
        assert set(columns) <= declared, f"{table}: {set(columns) - declared}"
