"""Export and import of signed, encrypted bundles (format: docs/bundle-format.md).

Export streams each original once: blob store -> intake-hash check -> tar -> age ->
temp file next to the output, which is renamed into place only when complete. Import
reads the received file once: decrypted -> hostile-tar checks -> hash every file while
originals are written as new encrypted blobs; the rest of the decrypted tar is kept, with
the map and the file's age opening, so the received file can be written back byte for
byte (the exhibit, :func:`write_exhibit`) without a second copy of its originals. Only
when every check has passed is anything committed, in one transaction. Nothing in
plaintext ever touches the disk.

Speed (docs/performance.md, "Bundles"): two busy threads for two cores. On export a worker
thread decrypts each big original straight into recycled buffers and hashes it, while the
caller's thread encrypts and writes the bundle; on import the caller's thread decrypts,
scans and writes each original as a blob while a worker hashes the same buffers. Each
byte is hashed once: the intake check on export, the manifest check on import; neither the
bundle file nor the exhibit is hashed.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import functools
import hashlib
import hmac
import io
import json
import os
import queue
import re
import secrets
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from crypto import age
from crypto.errors import CancelledError, CryptoError, NoIdentityMatchError
from crypto.hashing import sha256_file
from crypto.identity import KeyCard, fingerprint_of
from crypto.stream import BLOCK_CHUNKS, ENC_CHUNK_SIZE, PayloadReader
from evidence_app import __version__, custody, intake, media, model, records
from evidence_app.bag import CHUNK, TAGMANIFEST, BagWriter, extract_verified
from evidence_app.blobstore import BlobRef
from evidence_app.bundle_errors import (
    BagInvalidError,
    BundleDecryptError,
    IntegrityError,
    UnsafeArchiveError,
    UntrustedSignerError,
)
from evidence_app.errors import UserError
from evidence_app.i18n import _
from evidence_app.intake import StoredFile, blobs_in_flight
from evidence_app.report import LoadRow, index_html, loadsheet_csv
from evidence_app.safetar import MemberReader, Readable
from evidence_app.safetext import clean_file_name
from evidence_app.vault import Contact, Vault
from evidence_app.verify import (
    SEALED_IDENTITY,
    TESTIMONY_SCHEMA,
    Signer,
    TrustLookup,
    VerifyResult,
    check_scan,
    decrypt_stream,
    open_stream,
    redact,
    scan_bundle,
    scan_plain,
)

ProgressFn = Callable[[int, "int | None"], None]
CancelFn = Callable[[], bool]
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_NAME = 80


# --- keys -------------------------------------------------------------------------------


def _recipients(cards: Sequence[KeyCard], classical: bool) -> list[age.Recipient]:
    """age recipients for key cards: the post-quantum hybrid ones (every card has one),
    or X25519 only when ``classical`` (for peers such as age < 1.3). age forbids mixing."""
    if classical:
        return [c.age_recipient for c in cards]
    return [c.pq_recipient for c in cards]


def principal_for(fingerprint: str) -> str:
    """The allowed_signers principal for a fingerprint: its digits, prefixed."""
    return "fp-" + "".join(ch for ch in fingerprint if ch.isdigit())


def trust_lookup(vault: Vault) -> TrustLookup:
    """Map a signer key to (fingerprint, trust status, contact id) using my contacts."""
    contacts = vault.list_contacts()

    def lookup(key: Ed25519PublicKey) -> tuple[str, str, str | None]:
        raw = key.public_bytes_raw()
        for c in contacts:
            if c.card.signing_key.public_bytes_raw() == raw:
                return c.fingerprint, "trusted" if c.trusted else "known but not trusted", c.id
        if vault.identity.public_key.public_bytes_raw() == raw:
            return vault.fingerprint(), "trusted", None
        return fingerprint_of(key), "unknown", None

    return lookup


# --- export ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    """What an export produced (the custody events are already committed)."""

    bundle_id: str
    path: Path
    tagmanifest_sha256: str
    recipients: list[str]
    sealed_identity: bool
    testimonies: list[str]

    @functools.cached_property
    def file_sha256(self) -> str:
        """SHA-256 of the bundle file, computed on first use: one more pass over the file,
        kept out of the export itself (custody records the signed tag manifest's hash)."""
        return sha256_file(self.path)


def sanitise_name(name: str, index: int) -> str:
    """A safe file name for an original: ``NN-<ascii letters, digits, . _ ->``."""
    base = _SAFE_NAME.sub("_", name).strip("._") or "file"
    stem, dot, ext = base.rpartition(".")
    if dot and len(ext) <= 10:
        base = f"{stem[: _MAX_NAME - len(ext) - 1]}.{ext}"
    return f"{index:02d}-{base[:_MAX_NAME]}"


@contextlib.contextmanager
def _temp_output(out: Path) -> Iterator[tuple[BinaryIO, Path]]:
    """A private temp file next to ``out``; removed unless the caller renamed it."""
    tmp = out.with_name(f".{secrets.token_hex(8)}.bundle.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh, tmp
    finally:
        tmp.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _accumulated(progress: ProgressFn | None, total: int | None) -> Callable[[int], None]:
    """A ``step(n)`` that adds ``n`` bytes and reports ``progress(done so far, total)``."""
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    return step


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class _Item:
    """One testimony being exported."""

    tid: str
    current: dict[str, Any]
    doc: dict[str, Any] = field(default_factory=dict)
    rows: list[LoadRow] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)  # chain as read with current
    event: dict[str, Any] = field(default_factory=dict)  # the "exported" event, not stored yet


def export_bundle(vault: Vault, testimony_ids: Sequence[str], contacts: Sequence[Contact],
                  out: Path, *, redact_exif: bool = False, omit_originals: bool = False,
                  include_self: bool = False, classical: bool = False,
                  source_organization: str | None = None, progress: ProgressFn | None = None,
                  cancel: CancelFn | None = None) -> ExportResult:
    """Export testimonies as one bundle for ``contacts`` (and me, with ``include_self``).

    All or nothing: the "exported" events are made (signed) up front and travel in the
    bag; they are stored in one short transaction once the bundle is complete and synced
    (refused if a chain moved on meanwhile), then the temp file is renamed to ``out``.
    The database is not locked while the bundle is written. An original that no longer
    matches its intake hash stops the export with :class:`IntegrityError` naming the
    attachment.
    """
    tids = list(dict.fromkeys(testimony_ids))
    if not tids:
        raise UserError(_("choose at least one testimony to export"))
    if not contacts and not include_self:
        raise UserError(_("choose at least one recipient"))
    if out.exists() and out.is_dir():
        raise UserError(_("the output path is a folder"))
    _refuse_untrusted(contacts)
    mine = vault.identity.card()
    cards = [c.card for c in contacts] + ([mine] if include_self else [])
    recipients = _recipients(cards, classical)
    fingerprints = [c.fingerprint for c in contacts] + ([vault.fingerprint()] if include_self
                                                        else [])
    seers = [c for c in contacts if c.trusted and c.may_see_identities]
    bundle_id = uuid.uuid4().hex
    # The testimony and its chain are read together (one snapshot); _store_export_event
    # later refuses the export if the chain moved on.
    items = [_Item(t, records.get_testimony(vault, t), events=records.custody_events(vault, t))
             for t in tids]
    sealed, sealed_note, sealed_tids = _sealed_identities(
        vault, tids, seers, mine if include_self else None, classical)
    total = sum(a["size"] for it in items for a in it.current["attachments"]) or None
    step = _accumulated(progress, total)

    info: list[tuple[str, str]] = [
        ("Bagging-Date", _now()[:10]),
        ("External-Identifier", bundle_id),
        ("Bag-Software-Agent", f"evidence-vault {__version__}"),
    ]
    org = " ".join((source_organization or "").split())
    if org:
        info.append(("Source-Organization", org))
    info += [("Intended-Recipients", fp) for fp in fingerprints]
    info += [("Originals-Included", "no" if omit_originals else "yes"),
             ("EXIF-Stripped-Derivatives", "yes" if redact_exif else "no"),
             ("Sealed-Identity", sealed_note)]
    out = out.absolute()
    with _temp_output(out) as (fh, tmp):
        # Big originals are decrypted and hashed on a worker thread (BagWriter); this thread
        # encrypts the bundle and writes it. A write-behind thread would be a third busy
        # thread on a 2-core machine: measured slower (docs/performance.md, "Bundles").
        with age.encrypt_writer(fh, recipients, cancel=cancel) as enc:
            bag = BagWriter(enc, f"bag-{bundle_id}", int(datetime.now(UTC).timestamp()))
            for it in items:
                _write_testimony(vault, bag, it, bundle_id, fingerprints, redact_exif,
                                 omit_originals, it.tid in sealed_tids, step, cancel)
            if sealed is not None:
                bag.add_bytes(SEALED_IDENTITY.removeprefix("data/"), sealed)
            bag.add_bytes("index.html", index_html(info, [it.doc for it in items]))
            bag.add_bytes("loadsheet.csv", loadsheet_csv([r for it in items for r in it.rows]))
            tagmanifest = bag.finish(info, vault.identity.signing_key,
                                     principal_for(vault.fingerprint()))
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()
        tm_sha = hashlib.sha256(tagmanifest).hexdigest()
        with vault.transaction() as conn:
            for it in items:
                _store_export_event(conn, it)
            records.append_custody(vault, custody.VAULT_CHAIN, "exported", bundle_id, tm_sha, {
                "bundle_id": bundle_id, "recipients": fingerprints, "testimonies": tids,
                "tagmanifest_sha256": tm_sha})
            conn.execute(
                "INSERT INTO bundles(id, direction, file_sha256, blob_id, blob_key, signer, "
                "signer_trusted, flagged, at) VALUES (?, 'exported', NULL, NULL, NULL, ?, 1, 0, "
                "?)", (bundle_id, vault.fingerprint(), _now()))
        # Committed: the custody chain records the export; now the file appears.
        os.replace(tmp, out)
    _fsync_dir(out.parent)
    return ExportResult(bundle_id, out, tm_sha, fingerprints, sealed is not None, tids)


def _store_export_event(conn: Any, it: _Item) -> None:
    """Store the "exported" event that travels in the bag, if its chain did not move on
    while the bundle was written (else the bag's custody log would be stale)."""
    head = conn.execute("SELECT seq, hash FROM custody_events WHERE chain = ? "
                        "ORDER BY seq DESC LIMIT 1", (it.tid,)).fetchone()
    now = (0, None) if head is None else (int(head[0]), head[1])
    if now != (it.event["seq"] - 1, it.event["prev"]):
        raise UserError(_("testimony {id} changed during the export; nothing was exported").format(
            id=it.tid))
    conn.execute("INSERT INTO custody_events(chain, seq, event, hash) VALUES (?, ?, ?, ?)",
                 (it.tid, it.event["seq"], model.canonical_json(it.event).decode("utf-8"),
                  custody.event_hash(it.event)))


def _refuse_untrusted(contacts: Sequence[Contact]) -> None:
    """Evidence goes only to contacts marked trusted (their fingerprint was compared):
    a swapped key card must never receive it, whatever the front end."""
    for c in contacts:
        if not c.trusted:
            raise UserError(_(
                "contact {id} (fingerprint {fingerprint}) is not trusted: compare the "
                "fingerprint with its owner (in person or by call), then mark it trusted "
                "(Keys and contacts, or: evidence-app contacts trust {id} --verified-how HOW)"
            ).format(id=c.id, fingerprint=c.fingerprint))


def _sealed_identities(vault: Vault, tids: list[str], seers: list[Contact],
                       mine: KeyCard | None, classical: bool
                       ) -> tuple[bytes | None, str, set[str]]:
    """sealed-identity.age for the contacts who may see identities, what bag-info says,
    and which testimonies it holds."""
    cards = [c.card for c in seers] + ([mine] if mine is not None else [])
    if not cards:
        return None, "omitted: no recipient may see witness identities", set()
    found: dict[str, Any] = {}
    withheld = 0
    for tid in tids:
        doc = records.get_testimony(vault, tid, include_identity=True)
        ident = (doc.get("witness") or {}).get("identity")
        if not ident:
            continue
        if (doc.get("consent") or {}).get("identity_disclosure") == "none":
            withheld += 1  # the witness chose "identity never disclosed": it stays here
            continue
        found[tid] = ident
    no_consent = f"{withheld} omitted (consent: identity disclosure none)"
    if not found:
        return None, (no_consent if withheld else "none recorded"), set()
    recipients = _recipients(cards, classical)
    plain = model.canonical_json({"schema": "evidence-vault/sealed-identities/1",
                                  "identities": found})
    fps = ", ".join([c.fingerprint for c in seers] + ([vault.fingerprint()] if mine else []))
    note = f"included, readable only by {fps}" + (f"; {no_consent}" if withheld else "")
    return age.encrypt_bytes(plain, recipients), note, set(found)


def _write_testimony(vault: Vault, bag: BagWriter, it: _Item, bundle_id: str,
                     fingerprints: list[str], redact_exif: bool, omit_originals: bool,
                     identity_sealed: bool, step: Callable[[int], None],
                     cancel: CancelFn | None) -> None:
    cur = it.current
    tid = it.tid
    data = {k: cur[k] for k in sorted(model.TOP_KEYS) if k in cur}
    witness = data.get("witness")
    if isinstance(witness, dict):
        witness.pop("identity", None)
    atts: list[dict[str, Any]] = []
    lang = ",".join(data.get("languages") or [])
    scope = ",".join((data.get("consent") or {}).get("scope") or [])
    it.rows.append(LoadRow(tid, "", str(data.get("title", "")), cur.get("created_at", "")[:10],
                           "testimony", "", None, lang, scope))
    for idx, att in enumerate(cur["attachments"], 1):
        name = sanitise_name(att["original_name"], idx)
        entry: dict[str, Any] = {
            "id": att["id"], "sha256": att["sha256"], "size": att["size"],
            "media_type": att["media_type"], "original_name": att["original_name"],
            "added_at": att["added_at"], "original": None, "derivative": None}
        if not omit_originals:
            try:
                with records.open_attachment(vault, att["id"]) as src:
                    sha = bag.add_file(f"{tid}/originals/{name}", src, att["size"],
                                       progress=step, cancel=cancel)
            except (CryptoError, BagInvalidError) as exc:
                if isinstance(exc, CancelledError):
                    raise
                raise IntegrityError(_("attachment {id} is damaged in the vault; export "
                                       "stopped").format(id=att["id"])) from None
            if not _same(sha, att["sha256"]):
                raise IntegrityError(_("attachment {id} no longer matches its intake SHA-256; "
                                   "export stopped").format(id=att["id"]))
            entry["original"] = {"path": f"originals/{name}"}
            it.rows.append(LoadRow(att["id"], tid, name, att["added_at"][:10],
                                   att["media_type"], att["sha256"], att["size"], lang, scope))
        if redact_exif and att["media_type"].startswith("image/"):
            _add_derivative(vault, bag, tid, att, name, entry, it, lang, scope)
        atts.append(entry)
    doc = {"schema": TESTIMONY_SCHEMA, "id": tid, "version": cur["version"],
           "status": cur["status"], "created_at": cur["created_at"],
           "updated_at": cur["updated_at"], "data": data, "attachments": atts,
           "identity_sealed": identity_sealed, "originals_included": not omit_originals,
           "exif_stripped_derivatives": redact_exif}
    raw = model.canonical_json(doc)
    bag.add_bytes(f"{tid}/testimony.json", raw)
    it.doc = doc
    events = it.events
    seq, prev = custody.next_link(events[-1] if events else None)
    it.event = custody.make_event(
        chain=tid, seq=seq, prev_hash=prev, action="exported", object_id=bundle_id,
        object_sha256=hashlib.sha256(raw).hexdigest(), details={
            "bundle_id": bundle_id, "recipients": fingerprints,
            "originals_included": not omit_originals, "exif_stripped_derivatives": redact_exif},
        identity_signing_key=vault.identity.signing_key, actor_fingerprint=vault.fingerprint())
    bag.add_bytes(f"{tid}/custody.jsonl", custody.to_jsonl([*events, it.event]))


def _add_derivative(vault: Vault, bag: BagWriter, tid: str, att: dict[str, Any], name: str,
                    entry: dict[str, Any], it: _Item, lang: str, scope: str) -> None:
    clean = io.BytesIO()
    with records.open_attachment(vault, att["id"]) as src:
        if not media.strip_exif(src, clean, att["media_type"]):
            return
    data = clean.getvalue()
    path = f"derivatives/{name}"
    sha = bag.add_bytes(f"{tid}/{path}", data)
    entry["derivative"] = {"path": path, "sha256": sha, "size": len(data),
                           "media_type": att["media_type"], "exif_stripped": True}
    it.rows.append(LoadRow(f"{att['id']}-derivative", att["id"], f"{name} (EXIF stripped)",
                           att["added_at"][:10], att["media_type"], sha, len(data), lang, scope))


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


# --- decrypt -----------------------------------------------------------------------------


def decrypt_bundle(vault: Vault, path: Path, out: Path, *, allow_unknown_signer: bool = False,
                   cancel: CancelFn | None = None) -> Path:
    """Write the bag of a bundle sent to me into the new folder ``out``, fully verified.

    Pass 1 decrypts and checks everything without writing; pass 2 decrypts again and
    writes each file, checking it against pass 1. A failure leaves no folder behind.
    """
    if out.exists():
        raise UserError(_("the output folder already exists"))
    identities = vault.identity.age_identities()
    with open(path, "rb") as fh:
        scan = scan_bundle(fh, identities, cancel=cancel)
    _refuse_failures(check_scan(scan, trust_lookup(vault), vault.fingerprint()),
                     allow_unknown_signer)
    with open(path, "rb") as fh:
        try:
            extract_verified(decrypt_stream(fh, identities), out, scan, cancel=cancel)
        except CryptoError as exc:
            raise BundleDecryptError(_("the bundle changed while reading: {problem}").format(
                problem=exc)) from None
        except BagInvalidError as exc:
            raise BagInvalidError(redact(str(exc))) from None
    return out


# --- import ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    """What an import did. ``status`` is "imported" or "already imported"."""

    bundle_id: str
    status: str
    testimonies: list[str]
    signer_fingerprint: str
    signer_trusted: bool
    flagged: bool


_END = object()
_PIPE_DEPTH = 8  # blocks in flight to a blob writer thread: constant memory


class _BlobPipe:
    """A blob written by a worker thread (:meth:`BlobStore.write`) from blocks that the
    caller's thread hands over with :meth:`put`: the kept rest of a bundle, or a whole
    armored bundle, written while the caller decrypts and scans.

    A ``bytes`` block is queued as it is (immutable); other buffers are copied into
    recycled buffers (no allocation per block). At most ``_PIPE_DEPTH`` blocks are in
    flight. An error in the worker is raised by the next :meth:`put` or by :meth:`finish`.
    """

    def __init__(self, vault: Vault, cancel: CancelFn | None, *, name: str) -> None:
        self._free: queue.SimpleQueue[bytearray] = queue.SimpleQueue()
        for _slot in range(_PIPE_DEPTH):
            self._free.put(bytearray(BLOCK_CHUNKS * ENC_CHUNK_SIZE))
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=_PIPE_DEPTH)
        self._held: bytes | bytearray | None = None  # the worker's current block
        self._held_n = 0
        self._pos = 0
        self._ref: BlobRef | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(vault, cancel),
                                        daemon=True, name=name)
        self._thread.start()

    def _run(self, vault: Vault, cancel: CancelFn | None) -> None:
        try:
            self._ref = vault.blobs.write(self, cancel=cancel, hash=False)  # type: ignore[arg-type]
        except BaseException as exc:  # noqa: BLE001 - re-raised on the caller's thread
            self._error = exc
            while (item := self._queue.get()) is not _END:  # keep put() from blocking
                if isinstance(item, tuple):
                    self._free.put(item[0])

    def read(self, n: int = -1) -> bytes | memoryview:
        """The worker's side (BlobStore.write): the next queued bytes, valid until the
        next call (which recycles the block)."""
        n = n if n > 0 else 1 << 20
        if self._held is None or self._pos == self._held_n:
            if isinstance(self._held, bytearray):
                self._free.put(self._held)
            self._held = None
            item = self._queue.get()
            if item is _END:
                return b""
            if isinstance(item, BaseException):
                raise item
            self._held, self._held_n = item if isinstance(item, tuple) else (item, len(item))
            self._pos = 0
            if isinstance(item, bytes) and n >= self._held_n:
                self._pos = self._held_n
                return item  # whole: no view, so the blob store need not copy it
        end = min(self._pos + n, self._held_n)
        view = memoryview(self._held)[self._pos : end]
        self._pos = end
        return view

    def put(self, data: bytes | memoryview) -> None:
        """Hand over a block; waits while the worker is ``_PIPE_DEPTH`` blocks behind."""
        if self._error is not None:
            raise self._error
        if not isinstance(data, bytes):
            buf = self._free.get()
            if len(buf) < len(data):
                buf = bytearray(len(data))
            memoryview(buf)[: len(data)] = data  # a bytearray slice assignment copies twice
            self._queue.put((buf, len(data)))
        elif data:
            self._queue.put(data)

    def finish(self) -> BlobRef:
        """Wait for the blob and return it (or raise the worker's error)."""
        self._queue.put(_END)
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._ref is not None
        return self._ref

    def abort(self) -> None:
        """Stop the worker if it still runs; BlobStore.write removes its temp file."""
        if self._thread.is_alive():
            self._queue.put(CancelledError("import stopped"))
            self._queue.put(_END)
            self._thread.join()


class _HashingSource:
    """An original's bytes, read from the tar on the caller's thread for
    :meth:`BlobStore.write` (which encrypts and writes them on this same thread), while a
    second thread hashes the very same buffers: two busy threads for two cores (three
    would share them evenly and the hasher, the slowest, would wait; docs/performance.md).

    Each :meth:`read` fills a recycled buffer, at most the decrypted block in hand, so a
    block is never glued from two pieces; the buffer is reused once hashed (the blob store
    is done with it when it asks for the next one).
    """

    def __init__(self, reader: MemberReader, size: int, plain: PayloadReader | _PlainTap
                 ) -> None:
        self._reader = reader
        self._left = size
        self._plain = plain
        self._free: queue.SimpleQueue[bytearray] = queue.SimpleQueue()
        for _slot in range(_PIPE_DEPTH):
            self._free.put(bytearray(BLOCK_CHUNKS * ENC_CHUNK_SIZE))
        self._queue: queue.SimpleQueue[tuple[bytearray, int] | None] = queue.SimpleQueue()
        self._digest = hashlib.sha256()
        self._thread = threading.Thread(target=self._hash_blocks, daemon=True, name="hash")
        self._thread.start()

    def _hash_blocks(self) -> None:
        while (item := self._queue.get()) is not None:
            self._digest.update(memoryview(item[0])[: item[1]])
            self._free.put(item[0])

    def read(self, n: int = -1) -> bytes | memoryview:
        if not self._left:
            return b""
        buf = self._free.get()
        want = min(self._left, len(buf), self._plain.buffered or CHUNK)
        got = self._reader.readinto(memoryview(buf)[:want])
        if not got:
            self._free.put(buf)
            raise UnsafeArchiveError(_("a file ended early"))
        self._left -= got
        self._queue.put((buf, got))
        return memoryview(buf)[:got]

    def finish(self) -> str:
        """Wait for the hasher; the SHA-256 of everything read."""
        self._queue.put(None)
        self._thread.join()
        return self._digest.hexdigest()


class _FileFeed:
    """Reads the bundle file for decryption, reporting progress; with a pipe (an armored
    bundle), the very same bytes are also stored as the exhibit blob (not hashed:
    re-imports are recognised by the signed bundle id)."""

    def __init__(self, fh: io.BufferedReader, pipe: _BlobPipe | None,
                 progress: ProgressFn | None) -> None:
        self._fh = fh
        self._pipe = pipe
        self._progress = progress
        self._done = 0
        self._total = os.fstat(fh.fileno()).st_size

    def _pass_on(self, data: bytes | memoryview) -> None:
        if self._pipe is not None:
            self._pipe.put(data)
        self._done += len(data)
        if self._progress is not None:
            self._progress(self._done, self._total)

    def readinto(self, out: Any) -> int:
        view = memoryview(out).cast("B")
        n = self._fh.readinto(view) or 0
        if n:
            self._pass_on(view[:n])
        return n

    def read(self, n: int = -1, /) -> bytes:
        data = self._fh.read(n)
        if data:
            self._pass_on(data)
        return data

    def finish(self) -> BlobRef:
        """Feed the rest of the file, wait for the exhibit blob, and return it."""
        assert self._pipe is not None
        block = memoryview(bytearray(BLOCK_CHUNKS * ENC_CHUNK_SIZE))
        while self.readinto(block):
            pass
        return self._pipe.finish()


_KEEP_BLOCK = 1 << 20


class _PlainTap:
    """The decrypted tar on its way to the bag scan. Every byte that is not inside an
    original goes, in order, to the exhibit's "rest" blob; :attr:`segments` records the
    runs of those bytes and where each original sits. With the file's
    :class:`crypto.age.Opening`, that is all it takes to write the received file again,
    byte for byte, from the vault (:func:`write_exhibit`), without keeping a second copy of
    every original."""

    def __init__(self, plain: PayloadReader, pipe: _BlobPipe) -> None:
        self._plain = plain
        self._pipe = pipe
        self._kept = bytearray()
        self._run = 0  # bytes kept since the last segment
        self.segments: list[list[Any]] = []  # ["rest", n] or ["original", rel, size]
        self._inside = False

    @property
    def buffered(self) -> int:
        return self._plain.buffered

    def _keep(self, data: bytes | memoryview) -> None:
        if self._inside or not data:
            return
        self._kept += data
        self._run += len(data)
        if len(self._kept) >= _KEEP_BLOCK:
            self._pipe.put(bytes(self._kept))
            self._kept.clear()

    def readinto(self, out: Any) -> int:
        view = memoryview(out).cast("B")
        n = self._plain.readinto(view)
        self._keep(view[:n])
        return n

    def read(self, n: int = -1, /) -> bytes:
        data = self._plain.read(n)
        self._keep(data)
        return data

    @contextlib.contextmanager
    def original(self, rel: str, size: int) -> Iterator[None]:
        """While an original's bytes are read: not kept, only placed in the map."""
        if self._run:
            self.segments.append(["rest", self._run])
            self._run = 0
        self._inside = True
        try:
            yield
        finally:
            self._inside = False
        self.segments.append(["original", rel, size])

    def finish(self) -> BlobRef:
        """Close the map and wait for the rest blob."""
        if self._run:
            self.segments.append(["rest", self._run])
            self._run = 0
        if self._kept:
            self._pipe.put(bytes(self._kept))
            self._kept.clear()
        return self._pipe.finish()


def _store_original(vault: Vault, reader: Readable, size: int,
                    plain: PayloadReader | _PlainTap, cancel: CancelFn | None) -> BlobRef:
    """Store a payload file as a new blob, hashed on the side (the hash is its manifest
    check)."""
    assert isinstance(reader, MemberReader)  # the tar scan hands over its member readers
    src = _HashingSource(reader, size, plain)
    try:
        ref = vault.blobs.write(src, cancel=cancel, hash=False)  # type: ignore[arg-type]
    finally:
        digest = src.finish()
    return dataclasses.replace(ref, sha256=digest)


def _is_original(path: str) -> bool:
    parts = path.split("/")
    return len(parts) == 4 and parts[0] == "data" and parts[2] == "originals"


def import_bundle(vault: Vault, path: Path, *, allow_unknown_signer: bool = False,
                  progress: ProgressFn | None = None,
                  cancel: CancelFn | None = None) -> ImportResult:
    """Import a bundle sent to me: all checks first, then one transaction, or nothing.

    The file is read once, decrypted, scanned and every file hashed. Originals are written
    as new encrypted blobs while they are hashed ("staged encrypted": their keys exist only
    in memory until the commit, and the blobs are deleted if anything fails). The received
    file is kept as the court's exhibit without a second copy of its originals: the rest
    of the decrypted tar goes to one more blob, and the bundle's row keeps the map and the
    file's :class:`crypto.age.Opening`, from which :func:`write_exhibit` gives back the
    file byte for byte. An armored bundle is kept as it is instead.
    Importing the same bundle again changes nothing and reports "already imported".
    ``progress(bytes read, file size)``; ``cancel()`` is polled.
    """
    with blobs_in_flight(vault) as flight:
        stored: dict[str, BlobRef] = {}
        tap: _PlainTap | None = None

        def sink(rel: str, size: int, reader: Readable) -> str | None:
            if not _is_original(rel):
                return None
            with tap.original(rel, size) if tap is not None else contextlib.nullcontext():
                ref = _store_original(vault, reader, size, plain, cancel)
            flight.add(ref.blob_id)
            stored[rel] = ref  # only stored encrypted and hashed until every check passed
            return ref.sha256

        with open(path, "rb") as fh:
            armored = not fh.peek(len(_AGE_MAGIC)).startswith(_AGE_MAGIC)
            pipe = _BlobPipe(vault, cancel, name="exhibit")
            try:
                feed = _FileFeed(fh, pipe if armored else None, progress)
                plain, opening = open_stream(feed, vault.identity.age_identities())
                if opening is not None:
                    tap = _PlainTap(plain, pipe)
                scan = scan_plain(tap or plain, sink=sink, cancel=cancel)
                exhibit = feed.finish() if tap is None else tap.finish()
            finally:
                pipe.abort()
        flight.add(exhibit.blob_id)
        result = check_scan(scan, trust_lookup(vault), vault.fingerprint())
        signer = _refuse_failures(result, allow_unknown_signer)
        bundle_id = str(result.bundle_id)
        done = _already(vault, "id", bundle_id)
        if done is not None:
            for blob_id in flight.ids:
                vault.blobs.delete(blob_id)
            return done
        # Media type, EXIF and thumbnail (Pillow) only now that the signature and every
        # check passed, from the stored encrypted blobs, as a local intake does.
        staged = {rel: intake._derive(vault, ref, rel.rsplit("/", 1)[-1], flight)
                  for rel, ref in stored.items()}
        identities = _open_sealed(vault, scan.kept.get(SEALED_IDENTITY))
        tm_sha = hashlib.sha256(scan.tags[TAGMANIFEST]).hexdigest()
        trusted = signer.status == "trusted"
        tids = sorted(result.testimonies)
        reused: dict[str, BlobRef] = {}  # staged duplicates of originals already here
        with vault.transaction() as conn:
            for tid in tids:
                details: dict[str, Any] = {"bundle_id": bundle_id,
                                           "signer": signer.fingerprint,
                                           "signer_trusted": trusted}
                if conn.execute("SELECT 1 FROM testimonies WHERE id = ?", (tid,)).fetchone():
                    details["received"] = _merge_update(conn, vault, result, tid, staged,
                                                        identities.get(tid), reused)
                else:
                    _merge_testimony(conn, vault, result, tid, staged, identities.get(tid))
                records.append_custody(vault, tid, "imported", bundle_id, tm_sha, details)
            exhibit_map = None if tap is None or opening is None else _exhibit_map(
                opening, tap.segments, {**stored, **reused})
            conn.execute(
                "INSERT INTO bundles(id, direction, file_sha256, blob_id, blob_key, signer, "
                "signer_trusted, flagged, at, exhibit) "
                "VALUES (?, 'imported', NULL, ?, ?, ?, ?, ?, ?, ?)",
                (bundle_id, exhibit.blob_id, exhibit.key, signer.fingerprint,
                 int(trusted), int(not trusted), _now(), exhibit_map))
            records.append_custody(vault, custody.VAULT_CHAIN, "imported", bundle_id,
                                   tm_sha, {
                                       "bundle_id": bundle_id, "testimonies": tids,
                                       "signer": signer.fingerprint, "signer_trusted": trusted,
                                       "tagmanifest_sha256": tm_sha})
        for rel in reused:  # committed: the exhibit now points to the originals kept before
            for duplicate in (staged[rel].blob_id, staged[rel].thumb_blob_id):
                if duplicate is not None:
                    with contextlib.suppress(OSError):
                        vault.blobs.delete(duplicate)
    return ImportResult(bundle_id, "imported", tids, signer.fingerprint, trusted, not trusted)


_AGE_MAGIC = b"age-encryption.org/"
EXHIBIT_FORMAT = "age-rebuild-v1"


def _exhibit_map(opening: age.Opening, segments: list[list[Any]],
                 stored: dict[str, BlobRef]) -> str:
    """The bundle row's ``exhibit`` column: the received file's header, file key and payload
    nonce, and the runs of its decrypted tar (rest blob bytes, or a stored original)."""
    parts: list[list[Any]] = []
    for seg in segments:
        if seg[0] == "rest":
            parts.append(seg)
        else:
            ref = stored[seg[1]]
            parts.append(["original", ref.blob_id, ref.key.hex(), seg[2]])
    return json.dumps({
        "format": EXHIBIT_FORMAT,
        "header": base64.b64encode(opening.header).decode("ascii"),
        "file_key": opening.file_key.hex(), "nonce": opening.nonce.hex(),
        "segments": parts}, separators=(",", ":"))


@dataclass(frozen=True)
class ReceivedBundle:
    """A bundle this vault imported and keeps as an exhibit."""

    bundle_id: str
    received_at: str
    signer_fingerprint: str
    signer_trusted: bool


def received_bundles(vault: Vault) -> list[ReceivedBundle]:
    """Every imported bundle, oldest first."""
    rows = vault.db.execute("SELECT id, at, signer, signer_trusted FROM bundles WHERE "
                            "direction = 'imported' ORDER BY at, id").fetchall()
    return [ReceivedBundle(r[0], r[1], r[2], bool(r[3])) for r in rows]


def write_exhibit(vault: Vault, bundle_id: str, out: Path, *,
                  progress: ProgressFn | None = None,
                  cancel: CancelFn | None = None) -> Path:
    """Write a received bundle, exactly as it was received, to the new file ``out``.

    Every piece comes from authenticated blobs; an original that no longer matches its
    SHA-256 stops the write. The file appears only when complete.
    """
    row = vault.db.execute("SELECT blob_id, blob_key, exhibit FROM bundles WHERE id = ? AND "
                           "direction = 'imported'", (bundle_id,)).fetchone()
    if row is None:
        raise UserError(_("no received bundle has the id {id}").format(id=redact(bundle_id)))
    if out.exists():
        raise UserError(_("the output file already exists"))
    blob_id, key, exhibit = row[0], bytes(row[1]), row[2]
    step = _accumulated(progress, None)

    with _temp_output(out) as (fh, tmp):
        with vault.blobs.open(blob_id, key) as rest:
            if exhibit is None:
                _copy(rest, fh, None, cancel, step)
            else:
                _rebuild(vault, json.loads(exhibit), rest, fh, cancel, step)
        fh.flush()
        os.fsync(fh.fileno())
        os.replace(tmp, out)
    _fsync_dir(out.parent)
    return out


def _rebuild(vault: Vault, plan: dict[str, Any], rest: BinaryIO, fh: BinaryIO,
             cancel: CancelFn | None, step: Callable[[int], None]) -> None:
    if plan.get("format") != EXHIBIT_FORMAT:
        raise UserError(_("this exhibit was kept in a newer format; update the app"))
    opening = age.Opening(base64.b64decode(plan["header"]), bytes.fromhex(plan["file_key"]),
                          bytes.fromhex(plan["nonce"]))
    writer = age.reencrypt_writer(fh, opening, cancel=cancel)
    for seg in plan["segments"]:
        if seg[0] == "rest":
            _copy(rest, writer, seg[1], cancel, step)
        else:
            with vault.blobs.open(seg[1], bytes.fromhex(seg[2])) as src:
                _copy(src, writer, seg[3], cancel, step)
                if src.read(1):
                    raise IntegrityError(_("a kept original changed size"))
    if rest.read(1):
        raise IntegrityError(_("the exhibit's kept pieces do not add up"))
    writer.close()


def _copy(src: BinaryIO, dst: Any, size: int | None, cancel: CancelFn | None,
          step: Callable[[int], None]) -> None:
    """Copy ``size`` bytes (all, if None) from ``src`` to ``dst``; short input is damage."""
    left = size
    while left is None or left > 0:
        if cancel is not None and cancel():
            raise CancelledError("cancelled")
        data = src.read(_KEEP_BLOCK if left is None else min(left, _KEEP_BLOCK))
        if not data:
            if left is None:
                return
            raise IntegrityError(_("a kept piece of the exhibit is too short"))
        dst.write(data)
        if left is not None:
            left -= len(data)
        step(len(data))


def _already(vault: Vault, column: str, value: str) -> ImportResult | None:
    row = vault.db.execute(
        f"SELECT id, signer, signer_trusted, flagged FROM bundles WHERE {column} = ? "  # noqa: S608
        "AND direction = 'imported'", (value,)).fetchone()
    if row is None:
        return None
    # The testimonies the bundle brought, new or updated: its "imported" testimony events.
    tids = [r[0] for r in vault.db.execute(
        "SELECT DISTINCT chain FROM custody_events WHERE chain != ? AND "
        "json_extract(event, '$.action') = 'imported' AND json_extract(event, '$.object') = ? "
        "AND json_extract(event, '$.actor') = ? ORDER BY chain",
        (custody.VAULT_CHAIN, row[0], vault.fingerprint()))]
    return ImportResult(row[0], "already imported", tids, row[1], bool(row[2]), bool(row[3]))


def _refuse_failures(result: VerifyResult, allow_unknown_signer: bool) -> Signer:
    """Raise the first failed check; an unknown or untrusted signer only if not allowed.

    Missing consent does not block an import (drafts travel too); verify reports it.
    """
    for f in result.findings:
        if f.ok or f.check == "consent":
            continue
        if f.check == "trust" and allow_unknown_signer:
            continue
        raise f.error(redact(f"{f.subject}: {f.detail}"))
    if result.signer is None or result.bundle_id is None:
        raise BagInvalidError(_("the bundle has no valid signature or identifier"))
    if result.signer.status != "trusted" and not allow_unknown_signer:
        raise UntrustedSignerError(_("signer {fingerprint} is not trusted").format(
            fingerprint=result.signer.fingerprint))
    return result.signer


def _open_sealed(vault: Vault, sealed: bytes | None) -> dict[str, dict[str, Any]]:
    """Witness identities from sealed-identity.age, if it was sealed to me; else {}."""
    if sealed is None:
        return {}
    try:
        plain = age.decrypt_bytes(sealed, vault.identity.age_identities())
    except NoIdentityMatchError:
        return {}
    except CryptoError as exc:
        raise BagInvalidError(_("{file} cannot be opened: {problem}").format(
            file=SEALED_IDENTITY, problem=exc)) from None
    try:
        doc = model.parse_untrusted_json(plain, max_bytes=len(plain))
        found = doc["identities"]
        if not isinstance(found, dict):
            raise TypeError
    except (ValueError, KeyError, TypeError):  # UntrustedJSONError is a ValueError
        raise BagInvalidError(_("{file} is malformed").format(file=SEALED_IDENTITY)) from None
    return found


def _merge_testimony(conn: Any, vault: Vault, result: VerifyResult, tid: str,
                     staged: dict[str, StoredFile], identity: dict[str, Any] | None) -> None:
    """Insert one testimony, its attachments and its custody chain as received."""
    doc = result.testimonies[tid]
    data = dict(doc["data"])
    if identity:
        data["witness"] = {**(data.get("witness") or {}), "identity": identity}
    version = int(doc["version"])
    author = result.signer.fingerprint if result.signer else None
    _store_version(conn, vault, tid, version, data, str(doc["status"]),
                   (str(doc["created_at"]), str(doc["updated_at"])), author,
                   f"bundle:{result.bundle_id}")
    for att in doc.get("attachments") or []:
        if att.get("original") is not None:
            _insert_attachment(conn, tid, att, staged[f"data/{tid}/{att['original']['path']}"])
    if any(it.has_gps for rel, it in staged.items() if rel.startswith(f"data/{tid}/")):
        conn.execute("UPDATE testimonies SET has_location = 1 WHERE id = ?", (tid,))
    for event in result.custody[tid]:
        conn.execute("INSERT INTO custody_events(chain, seq, event, hash) VALUES (?, ?, ?, ?)",
                     (tid, int(event["seq"]), model.canonical_json(event).decode("utf-8"),
                      custody.event_hash(event)))


def _store_version(conn: Any, vault: Vault, tid: str, version: int, data: dict[str, Any],
                   status: str, times: tuple[str, str], author: str | None, origin: str) -> None:
    """Insert a received testimony at its exporter's version number, through the same
    validation and indexing as a local save (records' helpers), author = the signer."""
    prep = records._prepare({**data, "status": status})
    conn.execute("INSERT INTO testimonies(id, current_version, status, title, has_consent, "
                 "created_at, updated_at, origin) VALUES (?, 0, ?, '', 0, ?, ?, ?)",
                 (tid, prep.status, times[0], times[0], origin))
    records._write_version(conn, vault, tid, version, prep, times[1])
    conn.execute("UPDATE testimony_versions SET author = ? WHERE testimony_id = ? AND "
                 "version = ?", (author, tid, version))


def _insert_attachment(conn: Any, tid: str, att: dict[str, Any], item: StoredFile) -> None:
    """The row of a received original (its blob is staged; names cleaned)."""
    conn.execute(
        "INSERT INTO attachments(id, testimony_id, blob_id, blob_key, sha256, size, "
        "media_type, original_name, exif, has_gps, thumb_blob_id, thumb_key, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (str(att["id"]), tid, item.blob_id, item.key, item.sha256, item.size,
         item.media_type, clean_file_name(str(att.get("original_name", ""))),
         json.dumps(item.exif, ensure_ascii=False, sort_keys=True), int(item.has_gps),
         item.thumb_blob_id, item.thumb_key, str(att.get("added_at", ""))))


# Actions by which a vault changes a testimony's content or state itself.
_LOCAL_CHANGES = frozenset({"created", "edited", "attachment_added", "status_changed",
                            "shredded"})


def _merge_update(conn: Any, vault: Vault, result: VerifyResult, tid: str,
                  staged: dict[str, StoredFile], identity: dict[str, Any] | None,
                  reused: dict[str, BlobRef]) -> dict[str, Any]:
    """Take in a later version of a testimony received before; returns the ``received``
    block for my "imported" event (the sender's new events, verbatim).

    Refused (UserError, nothing stored) unless this testimony came here in a bundle, this
    vault did not change it since, and the received chain continues exactly the one I hold
    (docs/evidence-model.md, "Custody events"). New originals are stored; an original I
    already hold must have the same SHA-256, and its staged copy goes to ``reused`` (rel ->
    the blob I keep) so the exhibit is written from the one copy.
    """
    me = vault.fingerprint()
    mine = [json.loads(r[0]) for r in conn.execute(
        "SELECT event FROM custody_events WHERE chain = ? ORDER BY seq", (tid,))]
    own = [e.get("action") for e in mine if e.get("actor") == me]
    if "imported" not in own:
        raise UserError(_("testimony {id} was not received in a bundle here, so it cannot be "
                          "updated from one; nothing was imported").format(id=tid))
    if _LOCAL_CHANGES.intersection(own):
        raise UserError(_("testimony {id} was changed in this vault since it was received; "
                          "the update was not imported").format(id=tid))
    lineage = custody.received_lineage(mine, me)
    chain = result.custody[tid]
    if not lineage or len(chain) <= len(lineage) or not all(
            _same(custody.event_hash(a), custody.event_hash(b))
            for a, b in zip(lineage, chain, strict=False)):
        raise UserError(_("testimony {id}: the received custody chain does not continue the "
                          "one in this vault; nothing was imported").format(id=tid))
    if all(e.get("actor") == me for e in chain[len(lineage):]):
        # My own copy coming back (a bundle I exported to myself too): nothing new in it.
        raise UserError(_("testimony {id}: this bundle holds nothing new for this vault; "
                          "nothing was imported").format(id=tid))
    doc = result.testimonies[tid]
    data = dict(doc["data"])
    if identity:
        data["witness"] = {**(data.get("witness") or {}), "identity": identity}
    prep = records._prepare({**data, "status": str(doc["status"])})
    version = int(doc["version"])
    current, sha = conn.execute(
        "SELECT t.current_version, v.sha256 FROM testimonies t JOIN testimony_versions v ON "
        "v.testimony_id = t.id AND v.version = t.current_version WHERE t.id = ?",
        (tid,)).fetchone()
    if version < current or (version == current and not _same(prep.sha256, sha)):
        raise UserError(_("testimony {id}: the received version does not follow the one in "
                          "this vault; nothing was imported").format(id=tid))
    gps = False
    for att in doc.get("attachments") or []:
        rel = None if att.get("original") is None else f"data/{tid}/{att['original']['path']}"
        row = conn.execute("SELECT testimony_id, sha256, blob_id, blob_key, size FROM "
                           "attachments WHERE id = ?", (str(att["id"]),)).fetchone()
        if row is None:
            if rel is not None:
                _insert_attachment(conn, tid, att, staged[rel])
                gps = gps or staged[rel].has_gps
        elif row[0] != tid or not _same(str(row[1]), str(att["sha256"])):
            raise UserError(_("attachment {id} is already in this vault with other content; "
                              "nothing was imported").format(id=att["id"]))
        elif rel is not None:
            reused[rel] = BlobRef(row[2], bytes(row[3]), int(row[4]), str(row[1]))
    updated_at = str(doc["updated_at"])
    if version > current:
        records._write_version(conn, vault, tid, version, prep, updated_at)
        conn.execute("UPDATE testimony_versions SET author = ? WHERE testimony_id = ? AND "
                     "version = ?", (result.signer.fingerprint if result.signer else None,
                                     tid, version))
    conn.execute("UPDATE testimonies SET status = ?, updated_at = ?, has_location = "
                 "has_location OR ? WHERE id = ?", (prep.status, updated_at, int(gps), tid))
    return {"continues": custody.event_hash(lineage[-1]), "events": chain[len(lineage):]}
