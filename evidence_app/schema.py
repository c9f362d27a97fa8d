"""All tables of the vault database, as numbered migrations, plus the model they must match.

``MIGRATIONS[i]`` upgrades a database from schema version ``i`` to ``i + 1``;
``PRAGMA user_version`` holds the version. Migrations only ever get appended: a released
migration is never edited. ``MODEL`` declares the tables and columns the code relies on
(records.py, bundles, vault.py); a test checks that the migrated database equals it.

Full-text search: ``testimony_fts`` is an FTS5 table that stores its own (encrypted) copy
of the searchable text. Its first column ``testimony_id`` is UNINDEXED and names the row's
testimony; its rowid is derived from the testimony id (``search.fts_rowid``), and
``testimony_search_ids`` (v2) maps rowids back to testimonies. ``search.index_text`` keeps
both in sync. Sealed identities (witness names, contact details) are never put in it.
"""

from __future__ import annotations

from typing import NamedTuple

import sqlcipher3

from evidence_app.errors import UserError
from evidence_app.i18n import _

_V1 = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE identity(id INTEGER PRIMARY KEY CHECK(id = 1), sealed BLOB NOT NULL);
CREATE TABLE contacts(
    id TEXT PRIMARY KEY,
    fingerprint TEXT UNIQUE NOT NULL,
    name TEXT NOT NULL,
    card TEXT NOT NULL,
    trusted INTEGER NOT NULL,
    may_see_identities INTEGER NOT NULL,
    verified_at TEXT,
    verified_how TEXT,
    added_at TEXT NOT NULL
);
CREATE TABLE testimonies(
    id TEXT PRIMARY KEY,
    current_version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK(status IN ('draft', 'complete')),
    title TEXT NOT NULL,
    pseudonym TEXT,
    has_consent INTEGER NOT NULL,
    consent_scope TEXT,
    has_location INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT
);
CREATE TABLE testimony_versions(
    testimony_id TEXT,
    version INTEGER,
    data TEXT NOT NULL,
    created_at TEXT,
    author TEXT,
    sha256 TEXT NOT NULL,
    PRIMARY KEY(testimony_id, version)
);
CREATE TABLE sealed_identities(
    testimony_id TEXT,
    version INTEGER,
    data TEXT NOT NULL,
    PRIMARY KEY(testimony_id, version)
);
CREATE TABLE incidents(
    testimony_id TEXT,
    idx INTEGER,
    date_from TEXT,
    date_to TEXT,
    date_precision TEXT,
    PRIMARY KEY(testimony_id, idx)
);
CREATE TABLE incident_acts(testimony_id TEXT, idx INTEGER, code TEXT);
CREATE TABLE attachments(
    id TEXT PRIMARY KEY,
    testimony_id TEXT NOT NULL,
    blob_id TEXT NOT NULL,
    blob_key BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    original_name TEXT NOT NULL,
    exif TEXT,
    has_gps INTEGER NOT NULL,
    thumb_blob_id TEXT,
    thumb_key BLOB,
    added_at TEXT NOT NULL
);
CREATE TABLE custody_events(
    chain TEXT NOT NULL,
    seq INTEGER NOT NULL,
    event TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY(chain, seq)
);
CREATE TABLE bundles(
    id TEXT PRIMARY KEY,
    direction TEXT CHECK(direction IN ('exported', 'imported')),
    file_sha256 TEXT,
    blob_id TEXT,
    blob_key BLOB,
    signer TEXT,
    signer_trusted INTEGER,
    flagged INTEGER,
    at TEXT
);
CREATE VIRTUAL TABLE testimony_fts USING fts5(
    testimony_id UNINDEXED, title, narrative, notes, pseudonym,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE INDEX testimonies_updated_at ON testimonies(updated_at);
CREATE INDEX testimonies_created_at ON testimonies(created_at);
CREATE INDEX incident_acts_code ON incident_acts(code);
CREATE INDEX incidents_date_from ON incidents(date_from);
CREATE INDEX incidents_date_to ON incidents(date_to);
CREATE INDEX attachments_testimony ON attachments(testimony_id);
"""

# Version 2: indexes that let every sort and filter of the list stop after one page; the
# consent scopes as rows (kept in step with testimonies.consent_scope by triggers, so a
# scope filter is an index lookup instead of parsing every testimony's JSON); and which
# testimony each full-text row belongs to, in a small table (search.index_text keeps it;
# filled here from FTS5's content table, whose column c0 is testimony_id), so search
# results are mapped to testimonies without reading each row's stored text.
# Sort indexes end with id, the tiebreaker of every list order. Filter indexes come in
# pairs: by value (the set of testimonies with an act code, a scope, a date range) and by
# testimony (does this testimony pass?), so a filter can drive a query or be probed.
_V2 = """
DROP INDEX testimonies_updated_at;
DROP INDEX testimonies_created_at;
DROP INDEX incident_acts_code;
DROP INDEX incidents_date_from;
DROP INDEX incidents_date_to;
CREATE INDEX testimonies_updated ON testimonies(updated_at, id);
CREATE INDEX testimonies_created ON testimonies(created_at, id);
CREATE INDEX testimonies_title ON testimonies(title, id);
CREATE INDEX testimonies_status ON testimonies(status, id);
CREATE INDEX incident_acts_code ON incident_acts(code, testimony_id);
CREATE INDEX incident_acts_testimony ON incident_acts(testimony_id, code);
CREATE INDEX incidents_from ON incidents(date_from, date_to, testimony_id);
CREATE INDEX incidents_to ON incidents(date_to, date_from, testimony_id);
CREATE TABLE testimony_scopes(
    testimony_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    PRIMARY KEY(testimony_id, scope)
) WITHOUT ROWID;
CREATE INDEX testimony_scopes_scope ON testimony_scopes(scope, testimony_id);
INSERT OR IGNORE INTO testimony_scopes(testimony_id, scope)
    SELECT t.id, s.value FROM testimonies t, json_each(t.consent_scope) s
    WHERE json_valid(t.consent_scope) AND s.type = 'text';
CREATE TRIGGER testimony_scopes_insert AFTER INSERT ON testimonies BEGIN
    INSERT OR IGNORE INTO testimony_scopes(testimony_id, scope)
        SELECT NEW.id, s.value FROM json_each(NEW.consent_scope) s
        WHERE json_valid(NEW.consent_scope) AND s.type = 'text';
END;
CREATE TRIGGER testimony_scopes_update AFTER UPDATE OF id, consent_scope ON testimonies BEGIN
    DELETE FROM testimony_scopes WHERE testimony_id = OLD.id;
    INSERT OR IGNORE INTO testimony_scopes(testimony_id, scope)
        SELECT NEW.id, s.value FROM json_each(NEW.consent_scope) s
        WHERE json_valid(NEW.consent_scope) AND s.type = 'text';
END;
CREATE TRIGGER testimony_scopes_delete AFTER DELETE ON testimonies BEGIN
    DELETE FROM testimony_scopes WHERE testimony_id = OLD.id;
END;
CREATE TABLE testimony_search_ids(
    fts_rowid INTEGER PRIMARY KEY,
    testimony_id TEXT NOT NULL UNIQUE
);
INSERT INTO testimony_search_ids(fts_rowid, testimony_id)
    SELECT id, c0 FROM testimony_fts_content;
"""

# Version 3: the full-text table rebuilt with prefix indexes for 2 and 3 characters, so a
# short prefix search (``ҳа*``) reads one doclist instead of merging those of every word
# that starts with it (hundreds). Rows keep their rowids (testimony_search_ids stays
# valid); FTS5 renames its shadow tables with the table. On 100,000 testimonies: about a
# minute at first open, and a full-text index about an eighth larger.
_V3 = """
ALTER TABLE testimony_fts RENAME TO testimony_fts_v2;
CREATE VIRTUAL TABLE testimony_fts USING fts5(
    testimony_id UNINDEXED, title, narrative, notes, pseudonym,
    tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
);
INSERT INTO testimony_fts(rowid, testimony_id, title, narrative, notes, pseudonym)
    SELECT rowid, testimony_id, title, narrative, notes, pseudonym FROM testimony_fts_v2;
DROP TABLE testimony_fts_v2;
"""

# Version 4: a received bundle is kept as its decrypted pieces plus the map to write it
# again byte for byte (bundle.write_exhibit), instead of a second copy of its originals.
# NULL for bundles kept whole (armored ones, and those received before).
_V4 = """
ALTER TABLE bundles ADD COLUMN exhibit TEXT;
"""

MIGRATIONS: list[str] = [_V1, _V2, _V3, _V4]
SCHEMA_VERSION = len(MIGRATIONS)


class Column(NamedTuple):
    """One column as ``PRAGMA table_info`` reports it."""

    name: str
    type: str
    notnull: bool
    pk: int  # position in the primary key, 0 if not part of it


def _c(name: str, type_: str = "TEXT", notnull: bool = False, pk: int = 0) -> Column:
    return Column(name, type_, notnull, pk)


# The tables and columns the code relies on. Keep in step with MIGRATIONS.
MODEL: dict[str, list[Column]] = {
    "meta": [_c("key", pk=1), _c("value")],
    "identity": [_c("id", "INTEGER", pk=1), _c("sealed", "BLOB", True)],
    "contacts": [
        _c("id", pk=1), _c("fingerprint", notnull=True), _c("name", notnull=True),
        _c("card", notnull=True), _c("trusted", "INTEGER", True),
        _c("may_see_identities", "INTEGER", True), _c("verified_at"), _c("verified_how"),
        _c("added_at", notnull=True),
    ],
    "testimonies": [
        _c("id", pk=1), _c("current_version", "INTEGER", True), _c("status", notnull=True),
        _c("title", notnull=True), _c("pseudonym"), _c("has_consent", "INTEGER", True),
        _c("consent_scope"), _c("has_location", "INTEGER", True), _c("created_at", notnull=True),
        _c("updated_at", notnull=True), _c("origin"),
    ],
    "testimony_versions": [
        _c("testimony_id", pk=1), _c("version", "INTEGER", pk=2), _c("data", notnull=True),
        _c("created_at"), _c("author"), _c("sha256", notnull=True),
    ],
    "sealed_identities": [
        _c("testimony_id", pk=1), _c("version", "INTEGER", pk=2), _c("data", notnull=True),
    ],
    "incidents": [
        _c("testimony_id", pk=1), _c("idx", "INTEGER", pk=2), _c("date_from"), _c("date_to"),
        _c("date_precision"),
    ],
    "incident_acts": [_c("testimony_id"), _c("idx", "INTEGER"), _c("code")],
    "attachments": [
        _c("id", pk=1), _c("testimony_id", notnull=True), _c("blob_id", notnull=True),
        _c("blob_key", "BLOB", True), _c("sha256", notnull=True), _c("size", "INTEGER", True),
        _c("media_type", notnull=True), _c("original_name", notnull=True), _c("exif"),
        _c("has_gps", "INTEGER", True), _c("thumb_blob_id"), _c("thumb_key", "BLOB"),
        _c("added_at", notnull=True),
    ],
    "custody_events": [
        _c("chain", notnull=True, pk=1), _c("seq", "INTEGER", True, pk=2),
        _c("event", notnull=True), _c("hash", notnull=True),
    ],
    "bundles": [
        _c("id", pk=1), _c("direction"), _c("file_sha256"), _c("blob_id"), _c("blob_key", "BLOB"),
        _c("signer"), _c("signer_trusted", "INTEGER"), _c("flagged", "INTEGER"), _c("at"),
        _c("exhibit"),
    ],
    "testimony_scopes": [_c("testimony_id", notnull=True, pk=1),
                         _c("scope", notnull=True, pk=2)],
    "testimony_search_ids": [_c("fts_rowid", "INTEGER", pk=1),
                          _c("testimony_id", notnull=True)],
    "testimony_fts": [
        _c("testimony_id", ""), _c("title", ""), _c("narrative", ""), _c("notes", ""),
        _c("pseudonym", ""),
    ],
}

# Indexes the list views sort and filter on: name -> (table, columns).
INDEXES: dict[str, tuple[str, tuple[str, ...]]] = {
    "testimonies_updated": ("testimonies", ("updated_at", "id")),
    "testimonies_created": ("testimonies", ("created_at", "id")),
    "testimonies_title": ("testimonies", ("title", "id")),
    "testimonies_status": ("testimonies", ("status", "id")),
    "incident_acts_code": ("incident_acts", ("code", "testimony_id")),
    "incident_acts_testimony": ("incident_acts", ("testimony_id", "code")),
    "incidents_from": ("incidents", ("date_from", "date_to", "testimony_id")),
    "incidents_to": ("incidents", ("date_to", "date_from", "testimony_id")),
    "attachments_testimony": ("attachments", ("testimony_id",)),
    "testimony_scopes_scope": ("testimony_scopes", ("scope", "testimony_id")),
}


class SchemaTooNewError(UserError):
    """The vault was written by a newer version of the app; refuse rather than damage it."""


def schema_version(con: sqlcipher3.Connection) -> int:
    """The database's schema version (``PRAGMA user_version``)."""
    row = con.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(con: sqlcipher3.Connection) -> int:
    """Bring the database up to :data:`SCHEMA_VERSION`, one migration per transaction.

    Each step runs with its ``user_version`` bump in the same transaction, so a crash
    leaves the database at the old or the new version, never in between. The connection
    must be in autocommit mode (``isolation_level=None``). Returns the final version.
    """
    current = schema_version(con)
    if current > SCHEMA_VERSION:
        raise SchemaTooNewError(_("this vault was made by a newer version of the app; update it"))
    for version in range(current, SCHEMA_VERSION):
        con.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[version]):
                con.execute(statement)
            con.execute(f"PRAGMA user_version = {version + 1:d}")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
    return SCHEMA_VERSION


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit on its own).

    Pieces are joined until SQLite says the statement is complete, so semicolons inside
    string literals or trigger bodies stay where they belong.
    """
    statements: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlcipher3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        raise ValueError("migration script ends in an incomplete statement")
    return statements
