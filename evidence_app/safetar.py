"""Reading a hostile tar stream, member by member, without ever touching the disk.

A bundle's tar comes from someone who knows my public key, so every byte is hostile until
the bag is verified. Rather than :mod:`tarfile` (which follows pax/GNU extensions we do
not need and reads pax headers of any size into memory), this is a small strict reader of
the subset our writer produces and common tools write for a bag folder:

- POSIX ustar headers (``ustar\\0`` + ``00``) or GNU ``ustar  `` headers, checked checksum;
- pax extended headers (``x``) with ``path`` and ``size`` honoured, size-limited;
- regular files and directories only: links, devices, FIFOs, sparse files, GNU long
  names and pax global headers are refused;
- names: relative, UTF-8, no ``..``/``.``/empty component, no backslash, colon or
  control character, no duplicates (case-insensitively, so extraction on any OS is
  unambiguous), no file that is also a folder;
- limits on member count, name length, file size and total size; after the end-of-archive
  blocks only zero padding may follow.

The caller gets each member with a bounded reader; unread data is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from evidence_app.bundle_errors import UnsafeArchiveError
from evidence_app.i18n import _
from evidence_app.safetext import has_unsafe_characters

BLOCK = 512
_COPY = 1 << 20
_MAX_TRAILER = 1 << 20


class Readable(Protocol):
    """Anything with a binary ``read``: a file, an age decrypt reader, a member reader."""

    def read(self, n: int = -1, /) -> bytes: ...


@dataclass(frozen=True)
class Limits:
    """Upper bounds for an archive; the defaults fit any real bundle."""

    max_members: int = 100_000
    max_file_size: int = 1 << 40
    max_total_size: int = 1 << 42
    max_name_bytes: int = 1024
    max_pax_bytes: int = 64 * 1024


@dataclass(frozen=True)
class Member:
    """One checked tar member: a normalised relative name ('/'-separated) and its size."""

    name: str
    is_dir: bool
    size: int


class MemberReader:
    """Reads exactly one member's bytes from the underlying stream, never beyond."""

    def __init__(self, src: Readable, size: int) -> None:
        self._src = src
        self._left = size

    def read(self, n: int = -1) -> bytes:
        """Up to ``n`` bytes (all remaining bytes if ``n`` < 0); b"" at the member's end."""
        if self._left <= 0:
            return b""
        want = self._left if n < 0 else min(n, self._left)
        data = _read_exact(self._src, want)
        self._left -= len(data)
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:
        """Fill ``buffer`` with the member's next bytes (fewer only at the member's end; 0
        there), straight from the source's ``readinto`` when it has one: no allocation."""
        view = memoryview(buffer).cast("B")[: max(self._left, 0)]
        readinto = getattr(self._src, "readinto", None)
        done = 0
        while done < len(view):
            if readinto is not None:
                n = readinto(view[done:]) or 0
            else:
                data = self._src.read(len(view) - done)
                n = len(data)
                view[done : done + n] = data
            if not n:
                raise UnsafeArchiveError(_("the tar archive is truncated"))
            done += n
        self._left -= done
        return done

    def skip(self) -> None:
        """Consume whatever the caller did not read."""
        while self._left > 0:
            self.read(min(self._left, _COPY))


def _read_exact(src: Readable, n: int) -> bytes:
    parts: list[bytes] = []
    left = n
    while left > 0:
        chunk = src.read(left)
        if not chunk:
            raise UnsafeArchiveError(_("the tar archive is truncated"))
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def _octal(field: bytes, what: str) -> int:
    text = field.rstrip(b"\0 ").lstrip(b" ")
    if field[:1] and field[0] & 0x80:
        raise UnsafeArchiveError(_("unsupported binary number in the tar field {field}").format(
            field=what))
    if not text or any(c not in b"01234567" for c in text):
        raise UnsafeArchiveError(_("malformed tar field {field}").format(field=what))
    return int(text, 8)


def _checksum_ok(block: bytes) -> bool:
    stored = block[148:156]
    text = stored.rstrip(b"\0 ").lstrip(b" ")
    if not text or any(c not in b"01234567" for c in text):
        return False
    value = int(text, 8)
    unsigned = sum(block[:148]) + 8 * 0x20 + sum(block[156:])
    signed = unsigned - 2 * sum(b for b in block[:148] + block[156:] if b >= 0x80)
    return value in (unsigned, signed)


def _pax_size(value: str) -> int:
    """A pax ``size`` value: ASCII digits only (``str.isdigit`` also accepts "²" or "٣")."""
    if not 1 <= len(value) <= 20 or any(c not in "0123456789" for c in value):
        raise UnsafeArchiveError(_("malformed pax header"))
    return int(value)


def _parse_pax(data: bytes) -> dict[str, str]:
    """Parse pax records ``"<len> <key>=<value>\\n"`` strictly."""
    out: dict[str, str] = {}
    pos = 0
    while pos < len(data):
        space = data.find(b" ", pos, pos + 20)
        if space <= pos or not data[pos:space].isdigit():
            raise UnsafeArchiveError(_("malformed pax header"))
        length = int(data[pos:space])
        record = data[pos : pos + length]
        if length <= space - pos + 1 or len(record) != length or not record.endswith(b"\n"):
            raise UnsafeArchiveError(_("malformed pax header"))
        key, eq, value = record[space - pos + 1 : -1].partition(b"=")
        if not eq or not key:
            raise UnsafeArchiveError(_("malformed pax header"))
        try:
            out[key.decode("utf-8")] = value.decode("utf-8")
        except UnicodeDecodeError:
            raise UnsafeArchiveError(_("pax header is not UTF-8")) from None
        pos += length
    if any(k.startswith("GNU.sparse") for k in out):
        raise UnsafeArchiveError(_("sparse files are not allowed in a bundle"))
    return out


def check_name(raw: str, limits: Limits) -> str:
    """The normalised relative name, or :class:`UnsafeArchiveError` if it is not safe."""
    name = raw[:-1] if raw.endswith("/") else raw
    if len(name.encode("utf-8")) > limits.max_name_bytes:
        raise UnsafeArchiveError(_("a tar member name is too long"))
    if not name or name.startswith("/"):
        raise UnsafeArchiveError(_("absolute or empty path in the tar archive"))
    if has_unsafe_characters(name) or any(c in "\\:" for c in name):
        raise UnsafeArchiveError(_("control character, backslash or colon in a tar member name"))
    for part in name.split("/"):
        if part in ("", ".", ".."):
            raise UnsafeArchiveError(_("path traversal ('..', '.' or '//') in the tar archive"))
    return name


def iter_members(src: Readable, limits: Limits | None = None,
                 ) -> Iterator[tuple[Member, MemberReader]]:
    """Yield each checked member with a reader for its bytes; raise on anything unsafe.

    Checks run before a member is yielded, except the trailer check after the last one:
    a caller must exhaust the iterator before trusting what it read.
    """
    lim = limits or Limits()
    seen: set[str] = set()
    files: set[str] = set()
    parents: set[str] = set()
    total = 0
    count = 0
    pax: dict[str, str] | None = None
    first = True
    while True:
        block = src.read(BLOCK)
        if len(block) < BLOCK:
            block += _read_exact(src, BLOCK - len(block)) if block else b""
        if not block:
            raise UnsafeArchiveError(
                _("not a tar archive") if first else _("the tar archive is truncated"))
        if block == bytes(BLOCK):
            if pax is not None:
                raise UnsafeArchiveError(_("pax header without a member"))
            _check_trailer(src)
            return
        if not _checksum_ok(block) or block[257:263] not in (b"ustar\x00", b"ustar "):
            raise UnsafeArchiveError(
                _("not a tar archive") if first else _("malformed tar header"))
        first = False
        kind = block[156:157]
        size = _octal(block[124:136], "size")
        if kind == b"x":
            if pax is not None or size > lim.max_pax_bytes:
                raise UnsafeArchiveError(_("oversized or repeated pax header"))
            data = _read_exact(src, _padded(size))
            pax = _parse_pax(data[:size])
            continue
        if kind not in (b"0", b"\0", b"5"):
            raise UnsafeArchiveError(
                _("links, devices or special files are not allowed in a bundle"))
        raw = _header_name(block)
        if pax is not None:
            if "path" in pax:
                raw = pax["path"]
            if "size" in pax:
                size = _pax_size(pax["size"])
            pax = None
        is_dir = kind == b"5"
        if is_dir and size:
            raise UnsafeArchiveError(_("malformed tar header"))
        name = check_name(raw, lim)
        count += 1
        total += size
        if count > lim.max_members:
            raise UnsafeArchiveError(_("too many members in the tar archive"))
        if size > lim.max_file_size or total > lim.max_total_size:
            raise UnsafeArchiveError(_("a tar member or the archive is too large"))
        _check_unique(name, is_dir, seen, files, parents)
        reader = MemberReader(src, size)
        yield Member(name, is_dir, size), reader
        reader.skip()
        _read_exact(src, _padded(size) - size)


def _padded(size: int) -> int:
    return (size + BLOCK - 1) // BLOCK * BLOCK


def _header_name(block: bytes) -> str:
    name = block[0:100].split(b"\0", 1)[0]
    if block[257:263] == b"ustar\x00":
        prefix = block[345:500].split(b"\0", 1)[0]
        if prefix:
            name = prefix + b"/" + name
    try:
        return name.decode("utf-8")
    except UnicodeDecodeError:
        raise UnsafeArchiveError(_("a tar member name is not UTF-8")) from None


def _check_unique(name: str, is_dir: bool, seen: set[str], files: set[str],
                  parents: set[str]) -> None:
    key = name.casefold()
    if key in seen:
        raise UnsafeArchiveError(_("duplicate name in the tar archive"))
    seen.add(key)
    ancestors = []
    parts = key.split("/")
    for i in range(1, len(parts)):
        ancestors.append("/".join(parts[:i]))
    if any(a in files for a in ancestors) or (not is_dir and key in parents):
        raise UnsafeArchiveError(_("a tar member is both a file and a folder"))
    parents.update(ancestors)
    if not is_dir:
        files.add(key)


def _check_trailer(src: Readable) -> None:
    """After the first zero block only zeros may follow (end marker and record padding)."""
    seen = 0
    while True:
        chunk = src.read(_COPY)
        if not chunk:
            return
        seen += len(chunk)
        if chunk.count(0) != len(chunk) or seen > _MAX_TRAILER:
            raise UnsafeArchiveError(_("data after the end of the tar archive"))
