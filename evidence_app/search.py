"""Listing, filtering and full-text search of testimonies (read-only, over ``vault.db``).

The full-text index ``testimony_fts`` holds title, narrative, notes and pseudonym of the
current version only; the sealed witness identity is never indexed. Users type plain
words: every word is quoted before it reaches FTS5, so FTS5 syntax in a query can never
cause a syntax error or change the meaning of the search. A word ending in ``*`` is a
prefix search (``ҳақ*`` finds ``ҳақиқат``).
"""

from __future__ import annotations

import hashlib
import json
import math
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from evidence_app.errors import UserError
from evidence_app.i18n import _, ngettext

if TYPE_CHECKING:
    from evidence_app.vault import Vault

Status = Literal["draft", "complete"]
SORT_COLUMNS = {"updated_at": "t.updated_at", "created_at": "t.created_at", "title": "t.title",
                "status": "t.status"}
MAX_QUERY_TERMS = 32
MAX_LIMIT = 1000
RANK_LIMIT = 5000  # more matches than this: newest first instead of BM25
SEARCH_CHUNK = 1000  # ranked matches checked against the filters per query
FIRST_BATCH = 4  # newest testimonies checked in the counting pass, per result wanted


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


@dataclass(frozen=True)
class _Cond:
    """One filter, in two forms over the same indexes.

    ``members`` lists the ids of the testimonies that pass (through a by-value index: all
    testimonies with this act code, this scope, an incident in this range); ``probe`` is a
    condition on alias ``t`` that checks one testimony (through a by-testimony index).
    """

    members: str  # its one column is named testimony_id
    probe: str
    params: tuple[Any, ...]
    unique: bool  # members never lists a testimony twice


def _conds(filters: Filters | None) -> list[_Cond]:
    """The conditions of the given filters (none for None); UserError for bad values."""
    if filters is None:
        return []
    conds: list[_Cond] = []
    if filters.status is not None:
        if filters.status not in ("draft", "complete"):
            raise UserError(_("unknown status filter {status}").format(
                status=repr(filters.status)))
        # "+": checked per row, so the planner walks the sort index rather than this one.
        conds.append(_Cond("SELECT id AS testimony_id FROM testimonies WHERE status = ?",
                           "+t.status = ?", (filters.status,), unique=True))
    if filters.act_code:
        conds.append(_Cond("SELECT testimony_id FROM incident_acts WHERE code = ?",
                           "EXISTS (SELECT 1 FROM incident_acts a WHERE a.testimony_id = t.id "
                           "AND a.code = ?)", (filters.act_code,), unique=False))
    if filters.consent_scope:
        conds.append(_Cond("SELECT testimony_id FROM testimony_scopes WHERE scope = ?",
                           "EXISTS (SELECT 1 FROM testimony_scopes s WHERE s.testimony_id = t.id "
                           "AND s.scope = ?)", (filters.consent_scope,), unique=True))
    low = date_bounds(filters.incident_from)[0] if filters.incident_from else None
    high = date_bounds(filters.incident_to)[1] if filters.incident_to else None
    if filters.incident_from and low is None or filters.incident_to and high is None:
        raise UserError(_("incident date filter must be YYYY, YYYY-MM or YYYY-MM-DD"))
    if low is not None or high is not None:
        sub = []
        params: list[str] = []
        if low is not None:
            sub.append("date_to >= ?")
            params.append(low)
        if high is not None:
            sub.append("date_from <= ?")
            params.append(high)
        both = " AND ".join(sub)
        probe = both.replace("date_", "i.date_")
        conds.append(_Cond(f"SELECT testimony_id FROM incidents WHERE {both}",  # noqa: S608
                           "EXISTS (SELECT 1 FROM incidents i "  # noqa: S608
                           f"WHERE i.testimony_id = t.id AND {probe})", tuple(params),
                           unique=False))
    return conds


def _count_upto(db: Any, cond: _Cond, bound: int) -> int:
    """How many rows the filter's value index holds for it, counting no further than
    ``bound`` (so a common value costs no more than a rare one)."""
    row = db.execute(f"SELECT count(*) FROM ({cond.members} LIMIT ?)",  # noqa: S608
                     (*cond.params, bound)).fetchone()
    return int(row[0])


def _plan(db: Any, conds: list[_Cond], wanted: int) -> tuple[str, list[Any], bool]:
    """WHERE clause (on alias ``t``) and parameters for rows passing every filter.

    Returns ``(where, params, driven)``. When some filter passes few testimonies (at most
    ``sqrt(wanted * testimonies)``, counted through its index with a bound), the query is
    driven from that filter's set and the others are probed: a few rows to sort. When every
    filter passes many, ``driven`` is False and the caller walks its sort index probing each
    row: matches are dense, so ``wanted`` of them turn up after about as many rows. Either
    way about ``sqrt(wanted * testimonies)`` rows are touched for one filter. (Several
    filters that each pass many but together pass few make the walk longer: the sizes
    are per filter, not of their combination.)
    """
    if not conds:
        return "", [], False
    total = int(db.execute("SELECT count(*) FROM testimonies").fetchone()[0])
    bound = max(wanted, math.isqrt(wanted * total))
    sizes = [_count_upto(db, c, bound + 1) for c in conds]
    smallest = min(range(len(conds)), key=sizes.__getitem__)
    parts: list[str] = []
    params: list[Any] = []
    driven = sizes[smallest] <= bound
    for i, cond in enumerate(conds):
        if driven and i == smallest:
            parts.append(f"t.id IN ({cond.members})")
        else:
            parts.append(cond.probe)
        params.extend(cond.params)
    return "WHERE " + " AND ".join(parts), params, driven


def _summaries(db: Any, ids: list[str]) -> list[TestimonySummary]:
    """Summaries of the given testimonies, in the given order.

    Pages are chosen first (ids only) and described afterwards, with one query each for
    the rows, attachment counts and act codes of the page: per-row subqueries would run
    for every row a sort or OFFSET passes over, not only for the rows shown. Act codes
    come from ``incident_acts`` (index by testimony), which records keeps equal to the
    current version's incidents; parsing each version's JSON would read whole narratives.
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
    acts: dict[str, set[str]] = {}
    for tid, code in db.execute(
            "SELECT testimony_id, code FROM incident_acts "  # noqa: S608
            f"WHERE testimony_id IN ({marks})", ids).fetchall():
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
        raise UserError(_("offset must be >= 0 and limit between 1 and {max}").format(
            max=MAX_LIMIT))


def list_testimonies(vault: Vault, *, offset: int = 0, limit: int = 100, sort: str = "updated_at",
                     descending: bool = True,
                     filters: Filters | None = None) -> list[TestimonySummary]:
    """One page of testimonies, sorted by ``sort`` (updated_at, created_at, title, status).

    Every sort has an index ending in ``id`` (the tiebreaker), so an unfiltered page is read
    straight off the index; filters are planned by :func:`_plan`.
    """
    if sort not in SORT_COLUMNS:
        raise UserError(_("cannot sort by {column}").format(column=repr(sort)))
    _check_page(offset, limit)
    where, params, _driven = _plan(vault.db, _conds(filters), offset + limit)
    order = "DESC" if descending else "ASC"
    # Only fixed SQL fragments and whitelisted column names are formatted in; values are bound.
    sql = (f"SELECT t.id FROM testimonies t {where} "  # noqa: S608
           f"ORDER BY {SORT_COLUMNS[sort]} {order}, t.id {order} LIMIT ? OFFSET ?")
    ids = [r[0] for r in vault.db.execute(sql, [*params, limit, offset]).fetchall()]
    return _summaries(vault.db, ids)


def count_testimonies(vault: Vault, filters: Filters | None = None) -> int:
    """How many testimonies match the filters (all when None).

    A filter listing each testimony once is counted off its own index. Otherwise: driven
    (through ``t.id IN``, which also drops repeats) from the filter passing the
    fewest testimonies (each counted no further than the smallest so far), the others
    probed per row.
    """
    conds = _conds(filters)
    db = vault.db
    if not conds:
        return int(db.execute("SELECT count(*) FROM testimonies").fetchone()[0])
    if len(conds) == 1 and conds[0].unique:
        row = db.execute(f"SELECT count(*) FROM ({conds[0].members})",  # noqa: S608
                         conds[0].params).fetchone()
        return int(row[0])
    sizes = [_count_upto(db, conds[0], -1)]
    for cond in conds[1:]:
        sizes.append(_count_upto(db, cond, min(sizes)))
    # Probes in order of size too: the most selective drops most rows first.
    conds = [conds[i] for i in sorted(range(len(conds)), key=sizes.__getitem__)]
    parts = [f"t.id IN ({conds[0].members})", *(c.probe for c in conds[1:])]
    params = [p for c in conds for p in c.params]
    row = db.execute(f"SELECT count(*) FROM testimonies t WHERE {' AND '.join(parts)}",  # noqa: S608
                     params).fetchone()
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
        raise UserError(_("the search query has no words to search for"))
    if len(terms) > MAX_QUERY_TERMS:
        raise UserError(ngettext("the search query has more than {n} word",
                                  "the search query has more than {n} words",
                                  MAX_QUERY_TERMS).format(n=MAX_QUERY_TERMS))
    return " ".join(terms)


def search(vault: Vault, query: str, *, filters: Filters | None = None,
           limit: int = 100) -> list[TestimonySummary]:
    """Testimonies whose current title, narrative, notes or pseudonym contain every word.

    Best matches first (BM25) -- unless more than RANK_LIMIT testimonies match (a word
    found nearly everywhere): then newest first, because ranking them all would cost far
    more than it tells.

    Without filters, the first pass over the doclists counts the matches and, in the same
    pass, checks the newest ``FIRST_BATCH * limit`` testimonies: for a common word or a
    short prefix (whose doclists FTS5 merges at each pass) that pass is usually all the
    full-text work there is.
    """
    _check_page(0, limit)
    expr = match_expression(query)
    conds = _conds(filters)
    db = vault.db
    where, params, driven = _plan(db, conds, limit)
    walk = db.execute(f"SELECT t.id FROM testimonies t {where} "  # noqa: S608
                      "ORDER BY t.updated_at DESC, t.id DESC", params)
    try:
        # With filters each row of the walk costs probes, and the batch may go unused.
        first = walk.fetchmany(FIRST_BATCH * limit) if not conds else []
        batch = {fts_rowid(r[0]): r[0] for r in first}
        matches, hits = db.execute(
            "SELECT count(*), json_group_array(rowid) FILTER (WHERE +rowid IN "
            "(SELECT value FROM json_each(?))) FROM testimony_fts WHERE testimony_fts MATCH ?",
            (json.dumps(list(batch)), expr)).fetchone()
        if matches > RANK_LIMIT:
            found = set(json.loads(hits))
            ids = [tid for rowid, tid in batch.items() if rowid in found]
            if len(ids) < limit:
                ids += _newest_matching(db, expr, walk, limit - len(ids),
                                        (limit - len(ids)) / matches)
            return _summaries(db, ids[:limit])
    finally:
        walk.close()
    if not matches:
        return []
    ranked = [r[0] for r in db.execute(  # all of them when filters may drop some
        "SELECT rowid FROM testimony_fts WHERE testimony_fts MATCH ? ORDER BY rank, rowid "
        "LIMIT ?", (expr, -1 if conds else limit))]
    if driven:  # few testimonies pass the filters: keep the matches among them
        allowed = {fts_rowid(r[0]) for r in db.execute(
            f"SELECT t.id FROM testimonies t {where}", params)}  # noqa: S608
        ranked = [r for r in ranked if r in allowed]
    tids: list[str] = []
    for first in range(0, len(ranked), SEARCH_CHUNK):
        tids.extend(_passing(db, ranked[first:first + SEARCH_CHUNK],
                             "" if driven else where.removeprefix("WHERE "), params))
        if len(tids) >= limit:
            break
    return _summaries(db, tids[:limit])


def _passing(db: Any, rowids: list[int], probes: str, params: list[Any]) -> list[str]:
    """Testimony ids of the given FTS rows, in their order, keeping those passing ``probes``.

    Mapped through ``testimony_search_ids`` (small rows, mostly cached) rather than the
    ``testimony_id`` column of ``testimony_fts``, which lives next to each row's whole text.
    """
    if not rowids:
        return []
    marks = ",".join("?" * len(rowids))
    join = "JOIN testimonies t ON t.id = m.testimony_id AND " + probes if probes else ""
    sql = (f"SELECT m.fts_rowid, m.testimony_id FROM testimony_search_ids m {join} "  # noqa: S608
           f"WHERE m.fts_rowid IN ({marks})")
    tids = dict(db.execute(sql, [*params, *rowids] if probes else rowids).fetchall())
    return [tids[r] for r in rowids if r in tids]


def _newest_matching(db: Any, expr: str, walk: Any, wanted: int, per_match: float) -> list[str]:
    """The next ``wanted`` matches of a walk newest first, checked batch by batch.

    Matches are dense here (more than RANK_LIMIT), so each batch of the walk (about
    ``wanted`` divided by the share of testimonies matching, growing fourfold while the
    page is not full) is checked against the full-text query in one pass over its
    doclists. ``+rowid``: FTS5 would otherwise look up each rowid of the batch
    separately, which costs far more than one pass.
    """
    total = int(db.execute("SELECT count(*) FROM testimonies").fetchone()[0])
    batch_size = max(2 * wanted, math.ceil(1.5 * total * per_match))
    ids: list[str] = []
    while len(ids) < wanted:
        batch = {fts_rowid(r[0]): r[0] for r in walk.fetchmany(batch_size)}
        if not batch:
            break
        found = {r[0] for r in db.execute(
            "SELECT rowid FROM testimony_fts WHERE testimony_fts MATCH ? "
            "AND +rowid IN (SELECT value FROM json_each(?))", (expr, json.dumps(list(batch))))}
        ids.extend(tid for rowid, tid in batch.items() if rowid in found)
        batch_size *= 4
    return ids


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
    conn.execute("INSERT OR IGNORE INTO testimony_search_ids(fts_rowid, testimony_id) "
                 "VALUES (?, ?)", (rowid, tid))


def scopes_json(scopes: list[str]) -> str:
    """How the consent scope list is stored in ``testimonies.consent_scope``."""
    return json.dumps(sorted(set(scopes)), ensure_ascii=False)
