"""Listing, filtering and full-text search of testimonies (read-only, over ``vault.db``).

The full-text index ``testimony_fts`` holds title, narrative, notes and pseudonym of the
current version only; the sealed witness identity is never indexed. Users type plain
words: every word is quoted before it reaches FTS5, so FTS5 syntax in a query can never
cause a syntax error or change the meaning of the search. A word ending in ``*`` is a
prefix search (``ҳақ*`` finds ``ҳақиқат``).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from evidence_app.errors import UserError

if TYPE_CHECKING:
    from evidence_app.vault import Vault

Status = Literal["draft", "complete"]
SORT_COLUMNS = {"updated_at": "t.updated_at", "created_at": "t.created_at", "title": "t.title",
                "status": "t.status"}
MAX_QUERY_TERMS = 32
MAX_LIMIT = 1000
RANK_LIMIT = 5000  # more matches than this: newest first instead of BM25


@dataclass(frozen=True)
class Filters:
    """Restrict a list or search. Dates are ISO (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``);
    an incident matches a date range when its own (widened) range overlaps it."""

    act_code: str | None = None
    incident_from: str | None = None
    incident_to: str | None = None
    consent_scope: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class TestimonySummary:
    """One row of a list or search result: what a list view shows, never identity data."""

    id: str
    title: str
    status: str
    updated_at: str
    created_at: str
    pseudonym: str | None
    has_consent: bool
    has_location: bool
    attachment_count: int
    acts: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        return {
            "id": self.id, "title": self.title, "status": self.status,
            "updated_at": self.updated_at, "created_at": self.created_at,
            "pseudonym": self.pseudonym, "has_consent": self.has_consent,
            "has_location": self.has_location, "attachment_count": self.attachment_count,
            "acts": list(self.acts),
        }


def date_bounds(value: str | None) -> tuple[str | None, str | None]:
    """Earliest and latest day an ISO date of day/month/year precision can mean.

    ``"2022-05"`` -> ``("2022-05-01", "2022-05-31")`` (31 is a safe upper bound for string
    comparison of any month); ``None`` or an unusable value -> ``(None, None)``.
    """
    if not value:
        return None, None
    text = value[:10]
    parts = text.split("-")
    if not all(p.isdigit() for p in parts) or [len(p) for p in parts] not in ([4], [4, 2],
                                                                               [4, 2, 2]):
        return None, None
    if len(parts) == 3:
        return text, text
    if len(parts) == 2:
        return f"{text}-01", f"{text}-31"
    return f"{text}-01-01", f"{text}-12-31"


def _where(filters: Filters | None) -> tuple[list[str], list[Any]]:
    """SQL conditions (on alias ``t``) and parameters for the given filters.

    Act and date filters are ``+t.id IN (subquery)``: SQLite builds the set once, through
    the code/date indexes, and then walks the sort index, stopping after one page. (The
    unary ``+`` keeps the planner from driving the query from the set instead, which sorts
    every match; a correlated EXISTS would run once per testimony.)
    """
    if filters is None:
        return [], []
    conds: list[str] = []
    params: list[Any] = []
    if filters.status is not None:
        if filters.status not in ("draft", "complete"):
            raise UserError(f"unknown status filter {filters.status!r}")
        conds.append("t.status = ?")
        params.append(filters.status)
    if filters.act_code:
        conds.append("+t.id IN (SELECT testimony_id FROM incident_acts WHERE code = ?)")
        params.append(filters.act_code)
    if filters.consent_scope:
        conds.append("EXISTS (SELECT 1 FROM json_each(t.consent_scope) s WHERE s.value = ?)")
        params.append(filters.consent_scope)
    low = date_bounds(filters.incident_from)[0] if filters.incident_from else None
    high = date_bounds(filters.incident_to)[1] if filters.incident_to else None
    if filters.incident_from and low is None or filters.incident_to and high is None:
        raise UserError("incident date filter must be YYYY, YYYY-MM or YYYY-MM-DD")
    if low is not None or high is not None:
        sub = []
        if low is not None:
            sub.append("date_to >= ?")
            params.append(low)
        if high is not None:
            sub.append("date_from <= ?")
            params.append(high)
        conds.append(f"+t.id IN (SELECT testimony_id FROM incidents WHERE {' AND '.join(sub)})")  # noqa: S608
    return conds, params


def _summaries(db: Any, ids: list[str]) -> list[TestimonySummary]:
    """Summaries of the given testimonies, in the given order.

    Pages are chosen first (ids only) and described afterwards, with one query each for
    the rows, attachment counts and act codes of the page: per-row subqueries would run
    for every row a sort or OFFSET passes over, not only for the rows shown.
    """
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = {r[0]: r for r in db.execute(
        "SELECT id, title, status, updated_at, created_at, pseudonym, has_consent, "  # noqa: S608
        f"has_location FROM testimonies WHERE id IN ({marks})", ids).fetchall()}
    counts = dict(db.execute(
        "SELECT testimony_id, count(*) FROM attachments "  # noqa: S608
        f"WHERE testimony_id IN ({marks}) GROUP BY testimony_id", ids).fetchall())
    # Act codes from the current version's JSON (primary-key lookups), not from
    # incident_acts, which has no index on testimony_id.
    acts: dict[str, set[str]] = {}
    for tid, code in db.execute(
            "SELECT t.id, a.value FROM testimonies t JOIN testimony_versions v "  # noqa: S608
            "ON v.testimony_id = t.id AND v.version = t.current_version, "
            "json_each(v.data, '$.incidents') i, json_each(i.value, '$.acts') a "
            f"WHERE t.id IN ({marks})", ids).fetchall():
        acts.setdefault(tid, set()).add(code)
    return [
        TestimonySummary(
            id=r[0], title=r[1], status=r[2], updated_at=r[3], created_at=r[4],
            pseudonym=r[5], has_consent=bool(r[6]), has_location=bool(r[7]),
            attachment_count=int(counts.get(r[0], 0)), acts=sorted(acts.get(r[0], ())),
        )
        for r in (rows[tid] for tid in ids if tid in rows)
    ]


def _check_page(offset: int, limit: int) -> None:
    if offset < 0 or not 0 < limit <= MAX_LIMIT:
        raise UserError(f"offset must be >= 0 and limit between 1 and {MAX_LIMIT}")


def list_testimonies(vault: Vault, *, offset: int = 0, limit: int = 100, sort: str = "updated_at",
                     descending: bool = True,
                     filters: Filters | None = None) -> list[TestimonySummary]:
    """One page of testimonies, sorted by ``sort`` (updated_at, created_at, title, status)."""
    if sort not in SORT_COLUMNS:
        raise UserError(f"cannot sort by {sort!r}")
    _check_page(offset, limit)
    conds, params = _where(filters)
    where = f"WHERE {' AND '.join(conds)}" if conds else ""
    order = "DESC" if descending else "ASC"
    # Only fixed SQL fragments and whitelisted column names are formatted in; values are bound.
    sql = (f"SELECT t.id FROM testimonies t {where} "  # noqa: S608
           f"ORDER BY {SORT_COLUMNS[sort]} {order}, t.id {order} LIMIT ? OFFSET ?")
    ids = [r[0] for r in vault.db.execute(sql, [*params, limit, offset]).fetchall()]
    return _summaries(vault.db, ids)


def count_testimonies(vault: Vault, filters: Filters | None = None) -> int:
    """How many testimonies match the filters (all when None)."""
    conds, params = _where(filters)
    where = f"WHERE {' AND '.join(conds)}" if conds else ""
    row = vault.db.execute(f"SELECT count(*) FROM testimonies t {where}", params).fetchone()  # noqa: S608
    return int(row[0])


def match_expression(query: str) -> str:
    """Turn what a person typed into a safe FTS5 MATCH expression (all words must occur).

    Control characters become spaces. Each word becomes a quoted FTS5 string (inner quotes
    doubled), so operators, column filters and stray quotes are plain text; punctuation
    inside a word makes it a phrase (``W-014`` finds the pseudonym W-014). A trailing ``*``
    keeps prefix search.
    Raises UserError when nothing searchable is left.
    """
    terms: list[str] = []
    printable = "".join(ch if ch.isprintable() else " " for ch in query)
    for raw in unicodedata.normalize("NFC", printable).split():
        prefix = raw.endswith("*")
        word = raw.rstrip("*")
        if not any(ch.isalnum() for ch in word):
            continue
        quoted = '"' + word.replace('"', '""') + '"'
        terms.append(quoted + ("*" if prefix else ""))
    if not terms:
        raise UserError("the search query has no words to search for")
    if len(terms) > MAX_QUERY_TERMS:
        raise UserError(f"the search query has more than {MAX_QUERY_TERMS} words")
    return " ".join(terms)


def search(vault: Vault, query: str, *, filters: Filters | None = None,
           limit: int = 100) -> list[TestimonySummary]:
    """Testimonies whose current title, narrative, notes or pseudonym contain every word.

    Best matches first (BM25) -- unless more than RANK_LIMIT testimonies match (a word
    found nearly everywhere): then newest first, because ranking them all would cost far
    more than it tells.
    """
    _check_page(0, limit)
    expr = match_expression(query)
    conds, params = _where(filters)
    db = vault.db
    matches = db.execute("SELECT count(*) FROM testimony_fts WHERE testimony_fts MATCH ?",
                         (expr,)).fetchone()[0]
    if matches > RANK_LIMIT:
        return _newest_matching(vault, expr, conds, params, limit)
    # Only FTS rowids are touched while ranking: reading testimony_id would load each
    # matching row's whole text. Ids are looked up for the final page only.
    if conds:
        # No ORDER BY here, so let the planner drive from the filter sets ("+" removed).
        where = " AND ".join(c.removeprefix("+") for c in conds)
        allowed = {fts_rowid(r[0]) for r in db.execute(
            f"SELECT t.id FROM testimonies t WHERE {where}", params)}  # noqa: S608
        ranked = db.execute("SELECT rowid FROM testimony_fts WHERE testimony_fts MATCH ? "
                            "ORDER BY rank, rowid", (expr,))
        try:
            rowids = list(itertools.islice((r[0] for r in ranked if r[0] in allowed), limit))
        finally:
            ranked.close()
    else:
        rowids = [r[0] for r in db.execute(
            "SELECT rowid FROM testimony_fts WHERE testimony_fts MATCH ? "
            "ORDER BY rank, rowid LIMIT ?", (expr, limit))]
    if not rowids:
        return []
    marks = ",".join("?" * len(rowids))
    tids = dict(db.execute(
        f"SELECT rowid, testimony_id FROM testimony_fts WHERE rowid IN ({marks})",  # noqa: S608
        rowids).fetchall())
    return _summaries(db, [tids[r] for r in rowids if r in tids])


def _newest_matching(vault: Vault, expr: str, conds: list[str], params: list[Any],
                     limit: int) -> list[TestimonySummary]:
    """Matches newest first: walk testimonies by updated_at until a page is found."""
    db = vault.db
    matched = {r[0] for r in db.execute(
        "SELECT rowid FROM testimony_fts WHERE testimony_fts MATCH ?", (expr,))}
    where = f"WHERE {' AND '.join(conds)}" if conds else ""
    walk = db.execute(f"SELECT t.id FROM testimonies t {where} "  # noqa: S608
                      "ORDER BY t.updated_at DESC, t.id DESC", params)
    try:
        ids = list(itertools.islice((r[0] for r in walk if fts_rowid(r[0]) in matched), limit))
    finally:
        walk.close()
    return _summaries(db, ids)


def fts_rowid(tid: str) -> int:
    """The full-text row of a testimony: a 63-bit number derived from its id.

    Derived rather than copied from ``testimonies.rowid`` (which VACUUM may renumber), so a
    row can be replaced through the rowid index instead of scanning the UNINDEXED
    ``testimony_id`` column.
    """
    return int.from_bytes(hashlib.sha256(tid.encode("utf-8")).digest()[:8], "big") >> 1


def index_text(conn: Any, tid: str, *, title: str, narrative: str, notes: str,
               pseudonym: str) -> None:
    """Replace the full-text entry of one testimony (inside the caller's transaction)."""
    rowid = fts_rowid(tid)
    conn.execute("DELETE FROM testimony_fts WHERE rowid = ?", (rowid,))
    conn.execute("INSERT INTO testimony_fts(rowid, testimony_id, title, narrative, notes, "
                 "pseudonym) VALUES (?, ?, ?, ?, ?, ?)",
                 (rowid, tid, title, narrative, notes, pseudonym))


def scopes_json(scopes: list[str]) -> str:
    """How the consent scope list is stored in ``testimonies.consent_scope``."""
    return json.dumps(sorted(set(scopes)), ensure_ascii=False)
