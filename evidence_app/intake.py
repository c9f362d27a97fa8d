"""Attachment intake: store an original file bit-exact, then derive metadata from what was stored.

Order matters for crash safety: every blob (original, thumbnail) is written and synced
*before* the database row that points to it is inserted. A crash in between leaves an
orphan blob (ciphertext only), which :func:`evidence_app.records.check_vault` removes; a row
never points to nothing. Media type, EXIF and thumbnail are read back from the stored blob,
so they describe exactly the bytes that were hashed, whatever the source file does later.
"""

from __future__ import annotations

import io
import json
import os
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidence_app import media
from evidence_app.errors import UserError
from evidence_app.i18n import _

if TYPE_CHECKING:
    from evidence_app.vault import Vault

ProgressFn = Callable[[int, "int | None"], None]
CancelFn = Callable[[], bool]

# Images larger than this get no EXIF/thumbnail (the original is still stored).
MAX_DERIVE_BYTES = 64 * 1024 * 1024
THUMBNAIL_PX = 320
_HEAD_BYTES = 8192

# Blob ids written by this process whose database rows are not committed yet, per vault
# object (by id()): check_vault must not take them for orphans.
_pending: dict[int, list[InFlight]] = {}
_pending_lock = threading.Lock()


class InFlight:
    """Blob ids written by one intake whose rows are not committed yet."""

    def __init__(self) -> None:
        self.ids: set[str] = set()

    def add(self, blob_id: str) -> None:
        with _pending_lock:
            self.ids.add(blob_id)


def pending_blob_ids(vault: Vault) -> set[str]:
    """Blob ids of intakes in progress in this process (not orphans)."""
    with _pending_lock:
        return {b for flight in _pending.get(id(vault), ()) for b in flight.ids}


@contextmanager
def blobs_in_flight(vault: Vault) -> Iterator[InFlight]:
    """Track blob ids written inside the block; on an exception, delete them again."""
    flight = InFlight()
    with _pending_lock:
        _pending.setdefault(id(vault), []).append(flight)
    try:
        yield flight
    except BaseException:
        for blob_id in flight.ids:
            with suppress(OSError):
                vault.blobs.delete(blob_id)
        raise
    finally:
        with _pending_lock:
            flights = _pending[id(vault)]
            flights.remove(flight)
            if not flights:
                del _pending[id(vault)]


@dataclass(frozen=True)
class StoredFile:
    """An original stored in the blob store, with what was derived from it; no row yet."""

    blob_id: str
    key: bytes
    sha256: str
    size: int
    media_type: str
    original_name: str
    exif: dict[str, Any]
    has_gps: bool
    thumb_blob_id: str | None
    thumb_key: bytes | None


@dataclass(frozen=True)
class AttachmentInfo:
    """What the app shows about an attachment (the original name is evidence: keep it inside)."""

    id: str
    testimony_id: str
    sha256: str
    size: int
    media_type: str
    original_name: str
    exif: dict[str, Any]
    has_gps: bool
    has_thumbnail: bool
    added_at: str

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output and ``get_testimony``."""
        return {
            "id": self.id, "testimony_id": self.testimony_id, "sha256": self.sha256,
            "size": self.size, "media_type": self.media_type,
            "original_name": self.original_name, "exif": dict(self.exif),
            "has_gps": self.has_gps, "has_thumbnail": self.has_thumbnail,
            "added_at": self.added_at,
        }


ATTACHMENT_COLUMNS = ("id, testimony_id, sha256, size, media_type, original_name, exif, has_gps, "
                      "thumb_blob_id, added_at")


def attachment_from_row(row: Sequence[Any]) -> AttachmentInfo:
    """Build an AttachmentInfo from a row selected with ATTACHMENT_COLUMNS."""
    return AttachmentInfo(
        id=row[0], testimony_id=row[1], sha256=row[2], size=int(row[3]), media_type=row[4],
        original_name=row[5], exif=json.loads(row[6]) if row[6] else {},
        has_gps=bool(row[7]), has_thumbnail=row[8] is not None, added_at=row[9],
    )


def check_sources(paths: Sequence[Path]) -> list[Path]:
    """Refuse, before anything is written, paths that are not readable regular files.

    The error names the file by its position, never by its name: file names of evidence
    ("Witness_..._statement.jpg") must not end up in messages, which may be logged.
    """
    checked = []
    for number, path in enumerate(paths, start=1):
        p = Path(path)
        if not p.is_file() or not os.access(p, os.R_OK):
            raise UserError(_("file {number} of {total} is not a readable file").format(
                number=number, total=len(paths)))
        checked.append(p)
    return checked


def store_files(vault: Vault, paths: Sequence[Path], in_flight: InFlight, *,
                progress: ProgressFn | None = None,
                cancel: CancelFn | None = None) -> list[StoredFile]:
    """Store every file as an original blob (+ thumbnail); ids go into ``in_flight``.

    Progress counts bytes of originals over the total size of all files.
    """
    paths = check_sources(paths)
    total = sum(p.stat().st_size for p in paths)
    done = 0
    stored = []
    for path in paths:
        base = done

        def step(*args: Any, _base: int = base) -> None:
            if progress is not None and args:
                progress(_base + int(args[0]), total)

        with open(path, "rb") as src:
            ref = vault.blobs.write(src, progress=step, cancel=cancel)
        in_flight.add(ref.blob_id)
        done += ref.size
        stored.append(_derive(vault, ref, path.name, in_flight))
        if progress is not None:
            progress(done, total)
    return stored


def _derive(vault: Vault, ref: Any, name: str, in_flight: InFlight) -> StoredFile:
    """Media type, EXIF and thumbnail from the stored blob (best effort, never fails intake)."""
    with vault.blobs.open(ref.blob_id, ref.key) as blob:
        head = blob.read(_HEAD_BYTES)
        media_type = media.sniff_media_type(head)
        data: bytes | None = None
        if media_type.startswith("image/") and ref.size <= MAX_DERIVE_BYTES:
            data = head + blob.read(MAX_DERIVE_BYTES)
    exif: dict[str, Any] = {}
    thumb_id: str | None = None
    thumb_key: bytes | None = None
    if data is not None:
        exif = exif_dict(media.read_exif(io.BytesIO(data)))
        thumb = media.make_thumbnail(io.BytesIO(data), THUMBNAIL_PX)
        if thumb:
            tref = vault.blobs.write(io.BytesIO(thumb))
            in_flight.add(tref.blob_id)
            thumb_id, thumb_key = tref.blob_id, tref.key
    return StoredFile(
        blob_id=ref.blob_id, key=ref.key, sha256=ref.sha256, size=ref.size,
        media_type=media_type, original_name=name, exif=exif,
        has_gps=exif.get("gps_lat") is not None, thumb_blob_id=thumb_id, thumb_key=thumb_key,
    )


# Stored EXIF keys -> ExifInfo attributes of evidence_app.media.
EXIF_KEYS = {"capture_time": "capture_time", "gps_lat": "latitude", "gps_lon": "longitude",
             "gps_alt": "altitude", "make": "make", "model": "model",
             "orientation": "orientation"}


def exif_dict(info: Any) -> dict[str, Any]:
    """The ExifInfo fields we keep, under our stored key names (None fields left out)."""
    out: dict[str, Any] = {}
    for key, attr in EXIF_KEYS.items():
        value = getattr(info, attr, None)
        if value is not None:
            out[key] = value
    return out


def insert_attachment(conn: Any, tid: str, stored: StoredFile, added_at: str) -> str:
    """Insert the row for a stored file (inside the caller's transaction); new attachment id."""
    aid = uuid.uuid4().hex
    conn.execute(
        "INSERT INTO attachments(id, testimony_id, blob_id, blob_key, sha256, size, media_type, "
        "original_name, exif, has_gps, thumb_blob_id, thumb_key, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (aid, tid, stored.blob_id, stored.key, stored.sha256, stored.size, stored.media_type,
         stored.original_name, json.dumps(stored.exif, ensure_ascii=False, sort_keys=True),
         int(stored.has_gps), stored.thumb_blob_id, stored.thumb_key, added_at),
    )
    return aid
