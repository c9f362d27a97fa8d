"""Testimonies, their versions, attachments, custody storage and the vault check.

Every change happens in one database transaction together with its custody event, so the
custody chain and the records can never disagree. Each save of a testimony adds a new row
to ``testimony_versions``; earlier versions are never changed. The witness identity is kept
apart in ``sealed_identities`` and never reaches the full-text index, summaries or custody
events. Listing and search live in :mod:`evidence_app.search`, attachment intake in
:mod:`evidence_app.intake`; their public names are re-exported here.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import sqlcipher3

from crypto.errors import CancelledError, CryptoError
from evidence_app import custody, model
from evidence_app.db import VaultDamagedError
from evidence_app.errors import UserError
from evidence_app.i18n import _
from evidence_app.intake import (
    ATTACHMENT_COLUMNS,
    AttachmentInfo,
    attachment_from_row,
    blobs_in_flight,
    check_sources,
    insert_attachment,
    pending_blob_ids,
    store_files,
)
from evidence_app.search import (
    Filters,
    TestimonySummary,
    _summaries,
    count_testimonies,
    date_bounds,
    index_text,
    list_testimonies,
    scopes_json,
    search,
)

if TYPE_CHECKING:
    from evidence_app.vault import Vault

__all__ = [
    "AttachmentInfo", "Filters", "TestimonySummary", "VersionInfo", "add_testimony",
    "append_custody", "attach", "check_vault", "count_testimonies", "custody_events",
    "get_attachment", "get_summary", "get_testimony", "get_version", "history",
    "list_testimonies",
    "open_attachment", "remove_orphan_blobs", "search", "set_status", "thumbnail",
    "update_testimony", "verify_custody",
]

ProgressFn = Callable[[int, "int | None"], None]
CancelFn = Callable[[], bool]
_HASH_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class VersionInfo:
    """One saved version of a testimony (its content: :func:`get_version`)."""

    version: int
    created_at: str
    author: str | None
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "created_at": self.created_at, "author": self.author,
                "sha256": self.sha256}


def now() -> str:
    """Current time, ISO 8601 UTC with microseconds (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


# --- custody storage -----------------------------------------------------------------


def _append_event(conn: Any, vault: Vault, chain: str, action: str, object_id: str,
                  object_sha256: str, details: dict[str, Any]) -> dict[str, Any]:
    """Sign and store the next event of ``chain`` inside the caller's transaction."""
    last = conn.execute("SELECT seq, hash FROM custody_events WHERE chain = ? "
                        "ORDER BY seq DESC LIMIT 1", (chain,)).fetchone()
    seq = 1 if last is None else int(last[0]) + 1
    event: dict[str, Any] = custody.make_event(
        chain=chain, seq=seq, prev_hash=None if last is None else last[1], action=action,
        object_id=object_id, object_sha256=object_sha256, details=details,
        identity_signing_key=vault.identity.signing_key,
        actor_fingerprint=vault.identity.fingerprint(),
    )
    conn.execute("INSERT INTO custody_events(chain, seq, event, hash) VALUES (?, ?, ?, ?)",
                 (chain, seq, model.canonical_json(event).decode("utf-8"),
                  custody.event_hash(event)))
    return event


def append_custody(vault: Vault, chain: str, action: str, object_id: str, object_sha256: str,
                   details: dict[str, Any]) -> dict[str, Any]:
    """Append one signed event to a custody chain in its own transaction; returns it."""
    with vault.transaction() as conn:
        return _append_event(conn, vault, chain, action, object_id, object_sha256, details)


def custody_events(vault: Vault, chain: str) -> list[dict[str, Any]]:
    """All events of one chain, in order."""
    rows = vault.db.execute("SELECT event FROM custody_events WHERE chain = ? ORDER BY seq",
                            (chain,)).fetchall()
    return [json.loads(r[0]) for r in rows]


def _stored_chains(vault: Vault) -> dict[str, list[tuple[int, str, str]]]:
    """Every stored custody event as (seq, event JSON, stored hash), grouped by chain."""
    chains: dict[str, list[tuple[int, str, str]]] = {}
    for chain, seq, text, digest in vault.db.execute(
            "SELECT chain, seq, event, hash FROM custody_events ORDER BY chain, seq"):
        chains.setdefault(chain, []).append((seq, text, digest))
    return chains


def _chain_problems(chain: str, rows: list[tuple[int, str, str]]) -> tuple[list[str],
                                                                           list[dict[str, Any]]]:
    """Problems of one stored chain, and its parsed events."""
    problems: list[str] = []
    events: list[dict[str, Any]] = []
    for seq, text, stored_hash in rows:
        try:
            event = json.loads(text)
        except ValueError:
            problems.append(_("custody chain {chain}: event {seq} is not valid JSON").format(
                chain=chain, seq=seq))
            continue
        if not isinstance(event, dict) or not hmac.compare_digest(
                str(stored_hash), custody.event_hash(event)):
            problems.append(_("custody chain {chain}: event {seq} does not match its hash").format(
                chain=chain, seq=seq))
        events.append(event)
    problems.extend(_("custody chain {chain}: {problem}").format(chain=chain, problem=p)
                    for p in custody.verify_chain(events, chain=chain))
    return problems, events


def _coverage_problems(vault: Vault, chains: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Records of this vault that their custody chain does not vouch for.

    Every version of a local testimony needs a signed created/edited event naming its hash,
    and every attachment an attachment_added event naming its id and SHA-256, anywhere in
    the flattened chain (:func:`custody.flatten`: received updates are embedded). So changing
    a record together with its stored hash, or deleting a whole chain, is still found.
    """
    problems: list[str] = []
    vouched: dict[str, set[tuple[str, str]]] = {}
    for chain, events in chains.items():
        vouched[chain] = {(str(e.get("action")), f"{e.get('object')}:{e.get('object_sha256')}")
                          for e in custody.flatten(events)}
    for tid, version, sha in vault.db.execute(
            "SELECT v.testimony_id, v.version, v.sha256 FROM testimony_versions v "
            "JOIN testimonies t ON t.id = v.testimony_id WHERE t.origin = 'local' "
            "ORDER BY v.testimony_id, v.version"):
        have = vouched.get(tid, set())
        if not have & {("created", f"{tid}:{sha}"), ("edited", f"{tid}:{sha}")}:
            problems.append(_("testimony {id} version {version}: no custody event for it").format(
                id=tid, version=version))
    for aid, tid, sha in vault.db.execute(
            "SELECT a.id, a.testimony_id, a.sha256 FROM attachments a "
            "JOIN testimonies t ON t.id = a.testimony_id WHERE t.origin = 'local' "
            "ORDER BY a.id"):
        if ("attachment_added", f"{aid}:{sha}") not in vouched.get(tid, set()):
            problems.append(_("attachment {id}: no custody event for it").format(id=aid))
    return problems


def verify_custody(vault: Vault, *, progress: ProgressFn | None = None,
                   cancel: CancelFn | None = None) -> list[str]:
    """Problems found in the stored custody chains ([] when all is intact): every chain's
    hashes, links and signatures, and every local version and attachment vouched for by
    an event of its testimony's chain. ``progress(chains done, chains total)``."""
    problems: list[str] = []
    stored = _stored_chains(vault)
    parsed: dict[str, list[dict[str, Any]]] = {}
    for done, (chain, rows) in enumerate(stored.items(), 1):
        if cancel is not None and cancel():
            raise CancelledError("cancelled")
        found, parsed[chain] = _chain_problems(chain, rows)
        problems.extend(found)
        if progress is not None:
            progress(done, len(stored))
    problems.extend(_coverage_problems(vault, parsed))
    return problems


# --- testimonies -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Prepared:
    """A validated input, split into what is stored where.

    ``data`` is the normalised input without the identity and without ``status``: a
    version is content, while the status is workflow state kept in ``testimonies``.
    """

    data: dict[str, Any]
    data_text: str
    sha256: str
    identity_text: str | None
    status: str
    has_consent: bool
    missing: list[str]


# Keys get_testimony adds to the input shape; dropped again so its output can be saved back.
OUTPUT_ONLY_KEYS = frozenset({"id", "version", "created_at", "updated_at", "origin",
                              "attachments"})


def _prepare(untrusted_data: Any) -> _Prepared:
    if isinstance(untrusted_data, dict):
        untrusted_data = {k: v for k, v in untrusted_data.items() if k not in OUTPUT_ONLY_KEYS}
    checked = model.validate_input(untrusted_data)
    data = checked.to_json_dict(include_identity=False)
    data.pop("status", None)
    raw = model.canonical_json(data)
    identity = checked.identity_dict()
    return _Prepared(
        data=data, data_text=raw.decode("utf-8"), sha256=hashlib.sha256(raw).hexdigest(),
        identity_text=model.canonical_json(identity).decode("utf-8") if identity else None,
        status=checked.status, has_consent=checked.has_consent,
        missing=list(model.missing_for_complete(checked)),
    )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _refuse_incomplete(prep: _Prepared) -> None:
    if prep.missing:
        raise UserError(_("cannot mark complete, missing: {items}").format(
            items="; ".join(prep.missing)))


def _write_version(conn: Any, vault: Vault, tid: str, version: int, prep: _Prepared,
                   at: str) -> None:
    """Store one version and refresh everything derived from the current version."""
    conn.execute("INSERT INTO testimony_versions(testimony_id, version, data, created_at, author, "
                 "sha256) VALUES (?, ?, ?, ?, ?, ?)",
                 (tid, version, prep.data_text, at, vault.identity.fingerprint(), prep.sha256))
    if prep.identity_text is not None:
        conn.execute("INSERT INTO sealed_identities(testimony_id, version, data) "
                     "VALUES (?, ?, ?)", (tid, version, prep.identity_text))
    data = prep.data
    witness = data.get("witness") or {}
    pseudonym = witness.get("pseudonym") if isinstance(witness.get("pseudonym"), str) else None
    scopes = (data.get("consent") or {}).get("scope") or []
    incidents = [i for i in data.get("incidents") or [] if isinstance(i, dict)]
    gps = conn.execute("SELECT EXISTS(SELECT 1 FROM attachments WHERE testimony_id = ? "
                       "AND has_gps)", (tid,)).fetchone()[0]
    has_location = bool(gps) or any(_text(i.get("place")) for i in incidents)
    conn.execute("UPDATE testimonies SET current_version = ?, title = ?, pseudonym = ?, "
                 "has_consent = ?, consent_scope = ?, has_location = ?, updated_at = ? "
                 "WHERE id = ?",
                 (version, _text(data.get("title")), pseudonym, int(prep.has_consent),
                  scopes_json(scopes), int(has_location), at, tid))
    # incident_acts rows exist only next to incidents rows; checking through the incidents
    # primary key first spares new testimonies a scan of incident_acts.
    if conn.execute("SELECT EXISTS(SELECT 1 FROM incidents WHERE testimony_id = ?)",
                    (tid,)).fetchone()[0]:
        conn.execute("DELETE FROM incidents WHERE testimony_id = ?", (tid,))
        conn.execute("DELETE FROM incident_acts WHERE testimony_id = ?", (tid,))
    for idx, incident in enumerate(incidents):
        low = date_bounds(incident.get("date_from"))[0]
        high = date_bounds(incident.get("date_to") or incident.get("date_from"))[1]
        conn.execute("INSERT INTO incidents(testimony_id, idx, date_from, date_to, "
                     "date_precision) VALUES (?, ?, ?, ?, ?)",
                     (tid, idx, low, high, incident.get("date_precision")))
        for code in incident.get("acts") or []:
            conn.execute("INSERT INTO incident_acts(testimony_id, idx, code) VALUES (?, ?, ?)",
                         (tid, idx, code))
    index_text(conn, tid, title=_text(data.get("title")), narrative=_text(data.get("narrative")),
               notes=_text(data.get("notes")), pseudonym=pseudonym or "")


def _require_testimony(conn: Any, tid: str) -> tuple[int, str]:
    row = conn.execute("SELECT current_version, status FROM testimonies WHERE id = ?",
                       (tid,)).fetchone()
    if row is None:
        raise UserError(_("no testimony with id {id}").format(id=_safe_id(tid)))
    return int(row[0]), str(row[1])


def _safe_id(value: str) -> str:
    """An id as typed, shortened and printable, for error messages."""
    return "".join(ch for ch in str(value)[:40] if ch.isalnum() or ch in "-_") or "?"


def add_testimony(vault: Vault, data: dict[str, Any], attachments: Sequence[Path] = (), *,
                  progress: ProgressFn | None = None, cancel: CancelFn | None = None) -> str:
    """Validate and store a new testimony (version 1) with its attachments; returns its id.

    The status comes from ``data["status"]`` (default draft; complete needs what
    ``model.missing_for_complete`` lists). Attachment blobs are written first; the
    testimony, its attachment rows and all custody events are then committed in one
    transaction. On any failure or cancel nothing is kept.
    """
    prep = _prepare(data)
    if prep.status == "complete":
        _refuse_incomplete(prep)
    check_sources(attachments)
    tid = uuid.uuid4().hex
    with blobs_in_flight(vault) as flight:
        stored = store_files(vault, attachments, flight, progress=progress, cancel=cancel)
        if cancel is not None and cancel():
            raise CancelledError("cancelled")
        at = now()
        with vault.transaction() as conn:
            conn.execute("INSERT INTO testimonies(id, current_version, status, title, "
                         "has_consent, created_at, updated_at, origin) "
                         "VALUES (?, 0, ?, '', 0, ?, ?, 'local')", (tid, prep.status, at, at))
            _append_event(conn, vault, tid, "created", tid, prep.sha256,
                          {"version": 1, "status": prep.status})
            for item in stored:
                aid = insert_attachment(conn, tid, item, at)
                _append_event(conn, vault, tid, "attachment_added", aid, item.sha256,
                              {"media_type": item.media_type, "size": item.size})
            _write_version(conn, vault, tid, 1, prep, at)
    return tid


def update_testimony(vault: Vault, tid: str, data: dict[str, Any]) -> int:
    """Save an edit as a new version and return its number.

    Unchanged content and identity add no version. ``data["status"]`` (default draft) is
    applied as :func:`set_status` would, in the same transaction.
    """
    prep = _prepare(data)
    if prep.status == "complete":
        _refuse_incomplete(prep)
    with vault.transaction() as conn:
        version, status = _require_testimony(conn, tid)
        row = conn.execute("SELECT v.sha256, s.data FROM testimony_versions v "
                           "LEFT JOIN sealed_identities s ON s.testimony_id = v.testimony_id "
                           "AND s.version = v.version WHERE v.testimony_id = ? AND v.version = ?",
                           (tid, version)).fetchone()
        if row[0] != prep.sha256 or row[1] != prep.identity_text:
            version += 1
            _write_version(conn, vault, tid, version, prep, now())
            _append_event(conn, vault, tid, "edited", tid, prep.sha256, {"version": version})
        if prep.status != status:
            _change_status(conn, vault, tid, status, prep.status, version, prep.sha256)
    return version


def _change_status(conn: Any, vault: Vault, tid: str, old: str, new: str, version: int,
                   sha256: str) -> None:
    conn.execute("UPDATE testimonies SET status = ?, updated_at = ? WHERE id = ?",
                 (new, now(), tid))
    _append_event(conn, vault, tid, "status_changed", tid, sha256,
                  {"from": old, "to": new, "version": version})


def set_status(vault: Vault, tid: str, status: str) -> None:
    """Mark a testimony draft or complete; complete needs what ``missing_for_complete``
    lists for the current version (UserError naming each missing item)."""
    if status not in model.STATUSES:
        raise UserError(_("status must be draft or complete"))
    with vault.transaction() as conn:
        version, old = _require_testimony(conn, tid)
        if old == status:
            return
        text, sha = conn.execute("SELECT data, sha256 FROM testimony_versions WHERE "
                                 "testimony_id = ? AND version = ?", (tid, version)).fetchone()
        if status == "complete":
            _refuse_incomplete(_prepare(json.loads(text)))
        _change_status(conn, vault, tid, old, status, version, sha)


def _attachments_of(vault: Vault, tid: str) -> list[AttachmentInfo]:
    rows = vault.db.execute(f"SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE testimony_id = ? "  # noqa: S608
                            "ORDER BY added_at, rowid", (tid,)).fetchall()
    return [attachment_from_row(r) for r in rows]


def get_version(vault: Vault, tid: str, version: int, *,
                include_identity: bool = False) -> dict[str, Any]:
    """One stored version, in the input JSON shape (identity only when asked for)."""
    row = vault.db.execute("SELECT data FROM testimony_versions WHERE testimony_id = ? "
                           "AND version = ?", (tid, version)).fetchone()
    if row is None:
        raise UserError(_("no version {version} of testimony {id}").format(
            version=int(version), id=_safe_id(tid)))
    data: dict[str, Any] = json.loads(row[0])
    if include_identity:
        ident = vault.db.execute("SELECT data FROM sealed_identities WHERE testimony_id = ? "
                                 "AND version = ?", (tid, version)).fetchone()
        if ident is not None:
            data.setdefault("witness", {})["identity"] = json.loads(ident[0])
    return data


def get_testimony(vault: Vault, tid: str, *, include_identity: bool = False) -> dict[str, Any]:
    """The current version plus id, version, status, timestamps and attachment infos."""
    row = vault.db.execute("SELECT current_version, status, created_at, updated_at, origin "
                           "FROM testimonies WHERE id = ?", (tid,)).fetchone()
    if row is None:
        raise UserError(_("no testimony with id {id}").format(id=_safe_id(tid)))
    data = get_version(vault, tid, int(row[0]), include_identity=include_identity)
    data.update(id=tid, version=int(row[0]), status=row[1], created_at=row[2],
                updated_at=row[3], origin=row[4],
                attachments=[a.to_dict() for a in _attachments_of(vault, tid)])
    return data


def get_summary(vault: Vault, tid: str) -> TestimonySummary:
    """The list summary of one testimony, as a page of :func:`list_testimonies` shows it
    (so a list can update the one row a save changed instead of reloading)."""
    found = _summaries(vault.db, [tid])
    if not found:
        raise UserError(_("no testimony with id {id}").format(id=_safe_id(tid)))
    return found[0]


def history(vault: Vault, tid: str) -> list[VersionInfo]:
    """Every version of a testimony, oldest first."""
    rows = vault.db.execute("SELECT version, created_at, author, sha256 FROM testimony_versions "
                            "WHERE testimony_id = ? ORDER BY version", (tid,)).fetchall()
    if not rows:
        raise UserError(_("no testimony with id {id}").format(id=_safe_id(tid)))
    return [VersionInfo(int(r[0]), r[1], r[2], r[3]) for r in rows]


# --- attachments -------------------------------------------------------------------------


def attach(vault: Vault, tid: str, paths: Sequence[Path], *, progress: ProgressFn | None = None,
           cancel: CancelFn | None = None) -> list[str]:
    """Add files to an existing testimony; returns the new attachment ids, in order."""
    _require_testimony(vault.db, tid)
    check_sources(paths)
    with blobs_in_flight(vault) as flight:
        stored = store_files(vault, paths, flight, progress=progress, cancel=cancel)
        if cancel is not None and cancel():
            raise CancelledError("cancelled")
        at = now()
        ids = []
        with vault.transaction() as conn:
            _require_testimony(conn, tid)
            for item in stored:
                aid = insert_attachment(conn, tid, item, at)
                _append_event(conn, vault, tid, "attachment_added", aid, item.sha256,
                              {"media_type": item.media_type, "size": item.size})
                ids.append(aid)
            if any(item.has_gps for item in stored):
                conn.execute("UPDATE testimonies SET has_location = 1 WHERE id = ?", (tid,))
            conn.execute("UPDATE testimonies SET updated_at = ? WHERE id = ?", (at, tid))
    return ids


def _attachment_row(vault: Vault, aid: str, columns: str) -> tuple[Any, ...]:
    row = vault.db.execute(f"SELECT {columns} FROM attachments WHERE id = ?", (aid,)).fetchone()  # noqa: S608
    if row is None:
        raise UserError(_("no attachment with id {id}").format(id=_safe_id(aid)))
    return tuple(row)


def get_attachment(vault: Vault, aid: str) -> AttachmentInfo:
    """What is known about one attachment."""
    return attachment_from_row(_attachment_row(vault, aid, ATTACHMENT_COLUMNS))


def open_attachment(vault: Vault, aid: str) -> BinaryIO:
    """The original bytes, decrypted and authenticated while read."""
    blob_id, key = _attachment_row(vault, aid, "blob_id, blob_key")
    stream: BinaryIO = vault.blobs.open(blob_id, bytes(key))
    return stream


def thumbnail(vault: Vault, aid: str) -> bytes | None:
    """JPEG thumbnail (orientation applied) of an image attachment, None when there is none."""
    blob_id, key = _attachment_row(vault, aid, "thumb_blob_id, thumb_key")
    if blob_id is None:
        return None
    with vault.blobs.open(blob_id, bytes(key)) as src:
        data: bytes = src.read()
    return data


# --- vault check ---------------------------------------------------------------------------


def _referenced_blobs(vault: Vault) -> set[str]:
    sql = ("SELECT blob_id FROM attachments UNION SELECT thumb_blob_id FROM attachments "
           "WHERE thumb_blob_id IS NOT NULL UNION SELECT blob_id FROM bundles "
           "WHERE blob_id IS NOT NULL")
    return {r[0] for r in vault.db.execute(sql).fetchall()} | set(_exhibit_blobs(vault))


def _exhibit_blobs(vault: Vault) -> dict[str, str]:
    """Blob id -> bundle id of every original a kept exhibit is written back from
    (bundle.write_exhibit), so an orphan sweep never takes one and a check finds them."""
    found: dict[str, str] = {}
    for bid, plan in vault.db.execute("SELECT id, exhibit FROM bundles WHERE exhibit IS NOT "
                                      "NULL ORDER BY id").fetchall():
        for seg in json.loads(plan).get("segments", []):
            if seg[0] == "original":
                found.setdefault(seg[1], bid)
    return found


def remove_orphan_blobs(vault: Vault) -> int:
    """Delete blobs no row points to (left by a save interrupted before its commit).

    Blobs of intakes still running in this process are kept. Returns how many were removed.
    """
    orphans = set(vault.blobs.ids()) - _referenced_blobs(vault) - pending_blob_ids(vault)
    for blob_id in orphans:
        vault.blobs.delete(blob_id)
    return len(orphans)


def _blob_sha256(vault: Vault, blob_id: str, key: bytes, cancel: CancelFn | None) -> str:
    digest = hashlib.sha256()
    with vault.blobs.open(blob_id, key) as src:
        while chunk := src.read(_HASH_CHUNK):
            if cancel is not None and cancel():
                raise CancelledError("cancelled")
            digest.update(chunk)
    return digest.hexdigest()


def _exhibit_rest_ok(vault: Vault, blob_id: str, key: bytes, plan: str,
                     cancel: CancelFn | None) -> bool:
    """The rest blob of a kept exhibit decrypts and holds exactly the bytes its map needs
    (the originals are checked as attachments)."""
    want = sum(int(seg[1]) for seg in json.loads(plan)["segments"] if seg[0] == "rest")
    got = 0
    try:
        with vault.blobs.open(blob_id, key) as src:
            while chunk := src.read(_HASH_CHUNK):
                if cancel is not None and cancel():
                    raise CancelledError("cancelled")
                got += len(chunk)
    except (CryptoError, OSError, VaultDamagedError):
        return False
    return got == want


def _check_pages(vault: Vault) -> list[str]:
    """SQLCipher page HMACs first (they name damaged pages even where SQLite cannot read
    its own structure), then SQLite's structure check; [] when the database is sound."""
    problems = [_("database: {problem}").format(problem=r[0]) for r in vault.db.execute(
        "PRAGMA cipher_integrity_check").fetchall()]
    if problems:
        return problems
    rows = vault.db.execute("PRAGMA integrity_check").fetchall()
    if [tuple(r) for r in rows] != [("ok",)]:
        problems.extend(f"database: {r[0]}" for r in rows)
    return problems


def _check_versions(vault: Vault) -> list[str]:
    problems = []
    for tid, version, text, sha in vault.db.execute(
            "SELECT testimony_id, version, data, sha256 FROM testimony_versions").fetchall():
        actual = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if not hmac.compare_digest(actual, str(sha)):
            problems.append(_("testimony {id} version {version}: content does not match its "
                              "hash").format(id=tid, version=version))
    return problems


def check_vault(vault: Vault, *, progress: ProgressFn | None = None,
                cancel: CancelFn | None = None) -> list[str]:
    """Check everything; [] when all is good, else one line per problem naming the item.

    SQLCipher page HMACs and SQLite structure, every version's hash, every attachment's
    bytes against its intake SHA-256, thumbnails readable, custody chains intact, no row
    pointing to a missing blob. Orphan blobs (from an interrupted save) are removed, but
    only from an intact database: a damaged one cannot prove a blob unreferenced. A damaged
    database is reported as such (the checks that need it are then skipped), never raised.
    """
    skipped = _("database: damaged; the other checks need it and were skipped")
    try:
        problems = _check_pages(vault)
    except sqlcipher3.DatabaseError as exc:
        return [_("database: {problem}").format(problem=exc), skipped]
    if problems:
        return [*problems, skipped]
    remove_orphan_blobs(vault)
    problems = _check_versions(vault)
    present = set(vault.blobs.ids())
    rows = vault.db.execute("SELECT id, blob_id, blob_key, sha256, size, thumb_blob_id, thumb_key "
                            "FROM attachments ORDER BY id").fetchall()
    total = sum(int(r[4]) for r in rows)
    done = 0
    for aid, blob_id, key, sha, size, thumb_id, thumb_key in rows:
        if blob_id not in present:
            problems.append(_("attachment {id}: blob missing").format(id=aid))
        else:
            try:
                actual = _blob_sha256(vault, blob_id, bytes(key), cancel)
            except CancelledError:
                raise
            except (CryptoError, OSError, VaultDamagedError):
                problems.append(_("attachment {id}: blob is damaged").format(id=aid))
            else:
                if not hmac.compare_digest(actual, str(sha)):
                    problems.append(_("attachment {id}: content does not match its "
                                      "SHA-256").format(id=aid))
        if thumb_id is not None:
            if thumb_id not in present:
                problems.append(_("attachment {id}: thumbnail missing").format(id=aid))
            else:
                try:
                    _blob_sha256(vault, thumb_id, bytes(thumb_key), cancel)
                except CancelledError:
                    raise
                except (CryptoError, OSError, VaultDamagedError):
                    problems.append(_("attachment {id}: thumbnail is damaged").format(id=aid))
        done += int(size)
        if progress is not None:
            progress(done, total)
    for bid, blob_id, key, plan in vault.db.execute(
            "SELECT id, blob_id, blob_key, exhibit FROM bundles WHERE blob_id IS NOT NULL "
            "ORDER BY id").fetchall():
        if blob_id not in present:
            problems.append(_("bundle {id}: blob missing").format(id=bid))
        elif plan is not None and not _exhibit_rest_ok(vault, blob_id, bytes(key), plan, cancel):
            problems.append(_("bundle {id}: the kept rest of its exhibit is damaged").format(
                id=bid))
    for blob_id, bid in _exhibit_blobs(vault).items():
        if blob_id not in present:
            problems.append(_("bundle {id}: an original its exhibit is written from is "
                              "missing").format(id=bid))
    problems.extend(verify_custody(vault, cancel=cancel))
    return problems

