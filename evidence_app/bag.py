"""BagIt 1.0 bags (RFC 8493) written as a pax tar stream, and read back as hostile input.

Writing: :class:`BagWriter` streams payload files into a tar (one pass, constant memory),
hashing each one as it goes, then adds the tag files at the end, when the totals and
hashes are known. Layout, all under one root folder ``bag-<bundle id>/``::

    bagit.txt  bag-info.txt  manifest-sha256.txt  signer.pub  allowed_signers
    tagmanifest-sha256.txt        lists the five files above (a tag manifest may not list
                                  itself, and cannot list the signature made over it)
    tagmanifest-sha256.txt.sig    OpenSSH signature over tagmanifest-sha256.txt
    data/...                      the payload

Reading: :func:`scan_tar` (or :func:`scan_folder` for an unpacked bag) hashes every file
in one pass and keeps the small tag files in memory; :func:`check_bag` then checks the
bag completely and returns one :class:`Finding` per check, so ``verify`` can report them
all and ``import`` can refuse at the first failure.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import queue
import re
import shutil
import stat
import tarfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from crypto import sshsig
from crypto.errors import CancelledError, CryptoError
from crypto.hashing import BackgroundHasher
from evidence_app.bundle_errors import BagInvalidError, BundleSignatureError, UnsafeArchiveError
from evidence_app.errors import CheckFailed
from evidence_app.i18n import N_, _
from evidence_app.safetar import BLOCK, Limits, Readable, check_name, iter_members

BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = "tagmanifest-sha256.txt.sig"
SIGNER_PUB = "signer.pub"
ALLOWED_SIGNERS = "allowed_signers"
LISTED_TAG_FILES = ("bagit.txt", "bag-info.txt", MANIFEST, SIGNER_PUB, ALLOWED_SIGNERS)
TAG_FILES = frozenset((*LISTED_TAG_FILES, TAGMANIFEST, SIGNATURE))
MAX_TAG_FILE = 16 << 20
CHUNK = 1 << 20
BACKGROUND_MIN = 4 << 20
_DEPTH = 4  # buffers in flight between the reading and the writing thread
_HEX64 = re.compile(r"[0-9a-f]{64}")


class _Hash(Protocol):
    def update(self, data: bytes | memoryview, /) -> None: ...
    def hexdigest(self) -> str: ...


@contextmanager
def _digest_for(size: int) -> Iterator[_Hash]:
    """SHA-256 for ``size`` bytes: on a second core for big files (hashing then overlaps
    decryption and encryption), inline for small ones (no thread start-up)."""
    if size < BACKGROUND_MIN:
        yield hashlib.sha256()
    else:
        with BackgroundHasher() as hasher:
            yield hasher


class Writable(Protocol):
    def write(self, data: bytes | memoryview, /) -> int | None: ...




Progress = Callable[[int], None]
Cancel = Callable[[], bool]


def encode_path(path: str) -> str:
    """Percent-encode a manifest file path as RFC 8493 section 2.1.3 requires."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def decode_path(text: str) -> str:
    """Reverse :func:`encode_path`; other percent sequences stay literal, as in the RFC."""
    return re.sub(r"%(25|0D|0A)", lambda m: {"25": "%", "0D": "\r", "0A": "\n"}[m[1]], text,
                  flags=re.IGNORECASE)


def _check_value(value: str) -> str:
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        raise ValueError("bag-info values must be one line")
    return value


class BagWriter:
    """Writes one bag as a pax tar stream onto ``dst`` (e.g. an age encrypt writer).

    Payload paths are relative to ``data/``; the writer never seeks and keeps only the
    manifest lines in memory.
    """

    def __init__(self, dst: Writable, root: str, mtime: int) -> None:
        self._dst = dst
        self._root = check_name(root, Limits())
        self._mtime = mtime
        self._written = 0
        self._manifest: list[tuple[str, str]] = []
        self._octets = 0
        self._buffer: memoryview | None = None

    def _write(self, data: bytes | memoryview) -> None:
        self._dst.write(data)
        self._written += len(data)

    def _header(self, name: str, size: int) -> None:
        info = tarfile.TarInfo(f"{self._root}/{name}")
        info.size = size
        info.mtime = self._mtime
        info.mode = 0o600
        info.type = tarfile.REGTYPE
        self._write(info.tobuf(tarfile.PAX_FORMAT, "utf-8", "strict"))

    def _pad(self, size: int) -> None:
        if size % BLOCK:
            self._write(bytes(BLOCK - size % BLOCK))

    def _add(self, name: str, src: Readable, size: int, progress: Progress | None,
             cancel: Cancel | None) -> str:
        """Stream one file; a source with ``readinto`` fills recycled buffers (no
        allocation, hence no page faults, per chunk), a big one on a worker thread."""
        self._header(name, size)
        left = size
        readinto = getattr(src, "readinto", None)
        if readinto is not None and size >= BACKGROUND_MIN:
            sha = _read_and_hash(name, readinto, size, self._write, progress, cancel)
            self._pad(size)
            return sha
        if readinto is not None and self._buffer is None:
            self._buffer = memoryview(bytearray(CHUNK))
        with _digest_for(size) as digest:
            while left:
                if cancel is not None and cancel():
                    raise CancelledError("export cancelled")
                chunk: bytes | memoryview
                if readinto is not None and self._buffer is not None:
                    chunk = self._buffer[: readinto(self._buffer[: min(CHUNK, left)]) or 0]
                else:
                    chunk = src.read(min(CHUNK, left))
                if not chunk:
                    raise BagInvalidError(_("{path}: the source ended early").format(path=name))
                digest.update(chunk)
                self._write(chunk)
                left -= len(chunk)
                if progress is not None:
                    progress(len(chunk))
            sha = digest.hexdigest()
        self._pad(size)
        return sha

    def add_file(self, path: str, src: Readable, size: int, *,
                 progress: Progress | None = None, cancel: Cancel | None = None) -> str:
        """Stream ``size`` bytes from ``src`` to ``data/<path>``; return their SHA-256 hex."""
        name = "data/" + check_name(path, Limits())
        sha = self._add(name, src, size, progress, cancel)
        self._manifest.append((sha, name))
        self._octets += size
        return sha

    def add_bytes(self, path: str, data: bytes) -> str:
        """Add a small payload file held in memory; return its SHA-256 hex."""
        return self.add_file(path, _BytesReader(data), len(data))

    def payload_oxum(self) -> str:
        """``<octets>.<file count>`` of the payload written so far."""
        return f"{self._octets}.{len(self._manifest)}"

    def finish(self, info: list[tuple[str, str]], signer: Ed25519PrivateKey,
               principal: str) -> bytes:
        """Write the tag files and the end of the archive; return the tag manifest bytes.

        ``info`` are the bag-info.txt lines (labels may repeat); Payload-Oxum is added
        here. The tag manifest is signed by ``signer`` (namespace BUNDLE_NAMESPACE);
        ``principal`` names the signer in allowed_signers for ``ssh-keygen -Y verify -I``.
        """
        pub = signer.public_key()
        lines = [f"{_check_value(k)}: {_check_value(v)}\n" for k, v in info]
        lines.append(f"Payload-Oxum: {self.payload_oxum()}\n")
        manifest = "".join(f"{sha}  {encode_path(p)}\n" for sha, p in self._manifest)
        allowed = sshsig.allowed_signers_line(principal, pub, [sshsig.BUNDLE_NAMESPACE])
        tags: dict[str, bytes] = {
            "bagit.txt": BAGIT_TXT,
            "bag-info.txt": "".join(lines).encode("utf-8"),
            MANIFEST: manifest.encode("utf-8"),
            SIGNER_PUB: f"{sshsig.public_key_to_openssh(pub)}\n".encode(),
            ALLOWED_SIGNERS: f"{allowed}\n".encode(),
        }
        tagmanifest = "".join(
            f"{hashlib.sha256(tags[n]).hexdigest()}  {n}\n" for n in LISTED_TAG_FILES
        ).encode()
        tags[TAGMANIFEST] = tagmanifest
        tags[SIGNATURE] = sshsig.sign(signer, tagmanifest, sshsig.BUNDLE_NAMESPACE).encode()
        for name, data in tags.items():
            self._header(name, len(data))
            self._write(data)
            self._pad(len(data))
        self._write(bytes(2 * BLOCK))
        record = tarfile.RECORDSIZE
        if self._written % record:
            self._write(bytes(record - self._written % record))
        return tagmanifest


def _read_and_hash(name: str, readinto: Callable[[memoryview], int | None], size: int,
                   write: Callable[[memoryview], None], progress: Progress | None,
                   cancel: Cancel | None) -> str:
    """Stream a big file: a worker thread reads (for a blob: decrypts) it into recycled
    buffers and hashes each one; this thread encrypts and writes them, in order. Two busy
    threads with about the same work each, for a 2-core machine (docs/performance.md)."""
    free: queue.SimpleQueue[bytearray | None] = queue.SimpleQueue()
    for _slot in range(_DEPTH):
        free.put(bytearray(CHUNK))
    ready: queue.SimpleQueue[tuple[bytearray, int] | BaseException | None] = (
        queue.SimpleQueue())
    digest = hashlib.sha256()
    stop = threading.Event()

    def run() -> None:
        try:
            left = size
            while left:
                buf = free.get()
                if buf is None or stop.is_set():
                    return  # the writing side stopped
                n = readinto(memoryview(buf)[: min(CHUNK, left)]) or 0
                if not n:
                    raise BagInvalidError(_("{path}: the source ended early").format(path=name))
                digest.update(memoryview(buf)[:n])
                ready.put((buf, n))
                left -= n
            ready.put(None)
        except BaseException as exc:  # noqa: BLE001 - raised on the writing thread
            ready.put(exc)

    worker = threading.Thread(target=run, name="read-hash", daemon=True)
    worker.start()
    try:
        while (item := ready.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            if cancel is not None and cancel():
                raise CancelledError("export cancelled")
            buf, n = item
            write(memoryview(buf)[:n])
            free.put(buf)
            if progress is not None:
                progress(n)
    finally:
        stop.set()
        free.put(None)
        worker.join()
    return digest.hexdigest()


class _BytesReader:
    def __init__(self, data: bytes) -> None:
        self._data = memoryview(data)
        self._pos = 0

    def read(self, n: int = -1) -> bytes:
        end = len(self._data) if n < 0 else self._pos + n
        out = bytes(self._data[self._pos : end])
        self._pos += len(out)
        return out


# --- reading ---------------------------------------------------------------------------


@dataclass
class BagScan:
    """Everything learned in one pass over a bag: hashes, sizes, tag files, kept files."""

    root: str
    files: dict[str, tuple[str, int]] = field(default_factory=dict)  # bag path -> sha, size
    tags: dict[str, bytes] = field(default_factory=dict)
    kept: dict[str, bytes] = field(default_factory=dict)
    extras: list[str] = field(default_factory=list)  # not a tag file, not under data/




def _hash_stream(reader: Readable, size: int, keep: bool, progress: Progress | None,
                 cancel: Cancel | None) -> tuple[str, bytes | None]:
    parts: list[bytes] | None = [] if keep else None
    left = size
    with _digest_for(size) as digest:
        while left:
            if cancel is not None and cancel():
                raise CancelledError("cancelled")
            chunk = reader.read(min(CHUNK, left))
            if not chunk:
                raise UnsafeArchiveError(_("a file ended early"))
            digest.update(chunk)
            if parts is not None:
                parts.append(chunk)
            left -= len(chunk)
            if progress is not None:
                progress(len(chunk))
        sha = digest.hexdigest()
    return sha, (b"".join(parts) if parts is not None else None)


# Given (bag path, size, reader): consume the reader and return its SHA-256 hex, or return
# None without reading to let the scan hash it. Import uses this to store files while
# they are hashed (one pass).
Sink = Callable[[str, int, Readable], "str | None"]


def _record(scan: BagScan, rel: str, size: int, reader: Readable, keep: Callable[[str, int], bool],
            progress: Progress | None, cancel: Cancel | None, sink: Sink | None = None) -> None:
    if rel in TAG_FILES:
        if size > MAX_TAG_FILE:
            raise BagInvalidError(_("{path}: tag file too large").format(path=rel))
        sha, data = _hash_stream(reader, size, True, progress, cancel)
        assert data is not None
        scan.tags[rel] = data
    else:
        if not rel.startswith("data/"):
            scan.extras.append(rel)
        stored = sink(rel, size, reader) if sink is not None else None
        if stored is not None:
            sha = stored
        else:
            sha, data = _hash_stream(reader, size, keep(rel, size), progress, cancel)
            if data is not None:
                scan.kept[rel] = data
    scan.files[rel] = (sha, size)


def scan_tar(src: Readable, *, keep: Callable[[str, int], bool] = lambda p, s: False,
             limits: Limits | None = None, progress: Progress | None = None,
             cancel: Cancel | None = None, sink: Sink | None = None) -> BagScan:
    """Hash every file of a bag tar stream; all members must sit under one root folder.

    ``sink`` may take over payload files (see :data:`Sink`); the archive is read to its
    end, so trailing garbage is detected before the scan returns.
    """
    root: str | None = None
    scan = BagScan(root="")
    for member, reader in iter_members(src, limits):
        top, _sep, rel = member.name.partition("/")
        if root is None:
            root = top
            scan.root = top
        elif top != root:
            raise UnsafeArchiveError(_("the tar archive has more than one top-level folder"))
        if member.is_dir:
            continue
        if not rel:
            raise UnsafeArchiveError(_("the tar archive has a file outside the bag folder"))
        _record(scan, rel, member.size, reader, keep, progress, cancel, sink)
    if root is None:
        raise BagInvalidError(_("the archive is empty"))
    return scan


_MAX_FOLDER_DEPTH = 64


def _entries(folder: Path, rel: str) -> Iterator[tuple[str, Path]]:
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda e: e.name)
    return iter([(f"{rel}{e.name}", Path(e.path)) for e in entries])


def _walk(folder: Path) -> Iterator[tuple[str, Path, int]]:
    """Every regular file under ``folder``, sorted, depth first. Iterative, and at most
    _MAX_FOLDER_DEPTH folders deep, so a hostile folder tree cannot exhaust the stack."""
    stack = [_entries(folder, "")]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            continue
        name, path = item
        st = path.lstat()
        if stat.S_ISDIR(st.st_mode):
            if len(stack) >= _MAX_FOLDER_DEPTH:
                raise BagInvalidError(_("the bag folder is nested too deeply"))
            stack.append(_entries(path, name + "/"))
        elif stat.S_ISREG(st.st_mode):
            yield name, path, st.st_size
        else:
            raise UnsafeArchiveError(_("the bag folder contains a link or special file"))


def scan_folder(folder: Path, *, keep: Callable[[str, int], bool] = lambda p, s: False,
                progress: Progress | None = None, cancel: Cancel | None = None) -> BagScan:
    """Hash every file of an unpacked bag folder; links and special files are refused."""
    if folder.is_symlink() or not folder.is_dir():
        raise BagInvalidError(_("not a bag folder"))
    scan = BagScan(root=folder.name)
    for rel, path, size in _walk(folder):
        check_name(rel, Limits())
        with open(path, "rb") as fh:
            _record(scan, rel, size, fh, keep, progress, cancel)
    return scan


def extract_verified(src: Readable, dest: Path, scan: BagScan, *,
                     cancel: Cancel | None = None) -> None:
    """Unpack a bag tar into the new folder ``dest``, every file checked against ``scan``.

    ``scan`` comes from an earlier pass over the same content; any difference (a file
    added, missing, or with other bytes) raises and ``dest`` is removed again.
    """
    dest.mkdir(mode=0o700)
    try:
        written: set[str] = set()
        for member, reader in iter_members(src):
            rel = member.name.partition("/")[2]
            if member.is_dir or not rel:
                continue
            want = scan.files.get(rel)
            if want is None or want[1] != member.size or member.name.partition("/")[0] != scan.root:
                raise BagInvalidError(_("{path}: differs from the verified content").format(
                    path=rel))
            target = dest / rel
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with open(target, "xb") as out:
                sha = _hash_stream(_Tee(reader, out), member.size, False, None, cancel)[0]
            if not hmac_equal(sha, want[0]):
                raise BagInvalidError(_("{path}: differs from the verified content").format(
                    path=rel))
            written.add(rel)
        if written != set(scan.files):
            raise BagInvalidError(_("the bag differs from the verified content"))
    except BaseException:
        shutil.rmtree(dest, ignore_errors=True)
        raise


class _Tee:
    """Reads from a reader and writes what it read to a file."""

    def __init__(self, reader: Readable, out: BinaryIO) -> None:
        self._reader = reader
        self._out = out

    def read(self, n: int = -1, /) -> bytes:
        data = self._reader.read(n)
        self._out.write(data)
        return data


# --- checking --------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One check and its verdict. ``error`` is the exception class for a failure.

    ``message`` is English source text whose ``{placeholders}`` are filled from ``args``
    (untranslated values: paths, numbers, errors from a nested check). :attr:`english`
    is the stable English form for machine output (``verify --json``); :attr:`detail`
    is the form for people, translated when it is read, so the CLI, the reports and the
    GUI show it in the current language.
    """

    check: str
    subject: str
    ok: bool
    message: str
    error: type[CheckFailed] = BagInvalidError
    args: tuple[tuple[str, object], ...] = ()

    @property
    def english(self) -> str:
        """The detail in English (a message without ``args`` is used as it is)."""
        return self.message.format_map(dict(self.args)) if self.args else self.message

    @property
    def detail(self) -> str:
        """The detail in the current language."""
        text = _(self.message)
        return text.format_map(dict(self.args)) if self.args else text

    @property
    def check_label(self) -> str:
        """The name of the check in the current language (``check`` is the stable code)."""
        return check_label(self.check)


def check_label(code: str) -> str:
    """The name of a check for people; ``code`` is the stable name of ``verify --json``."""
    labels = {
        "bag": _("bag"), "file": _("file"), "signature": _("signature"), "trust": _("trust"),
        "recipients": _("recipients"), "reports": _("reports"), "payload": _("payload"),
        "testimony": _("testimony"), "consent": _("consent"), "intake": _("intake"),
        "custody": _("custody"),
    }
    return labels.get(code, code)


def parse_manifest(data: bytes, what: str) -> dict[str, str]:
    """``{path: sha256}`` from a manifest; malformed or duplicate lines raise."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BagInvalidError(_("{file} is not UTF-8").format(file=what)) from None
    out: dict[str, str] = {}
    for line in text.splitlines():
        parts = line.split(maxsplit=1)
        if not line.strip():
            continue
        if len(parts) != 2 or not _HEX64.fullmatch(parts[0].lower()):
            raise BagInvalidError(_("{file} has a malformed line").format(file=what))
        path = decode_path(parts[1].removeprefix("*"))
        check_name(path, Limits())
        if path in out:
            raise BagInvalidError(_("{file} lists a file twice").format(file=what))
        out[path] = parts[0].lower()
    return out


def parse_bag_info(data: bytes) -> list[tuple[str, str]]:
    """Labels and values of bag-info.txt in order (labels may repeat; folded lines joined)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BagInvalidError(_("{file} is not UTF-8").format(file="bag-info.txt")) from None
    out: list[tuple[str, str]] = []
    for line in text.splitlines():
        if line[:1] in (" ", "\t") and out:
            label, value = out[-1]
            out[-1] = (label, f"{value} {line.strip()}")
            continue
        label, colon, value = line.partition(":")
        if not colon or not label.strip() or label != label.strip():
            raise BagInvalidError(_("{file} has a malformed line").format(
                file="bag-info.txt"))
        out.append((label, value.strip()))
    return out


def info_values(info: list[tuple[str, str]], label: str) -> list[str]:
    """All values of one bag-info label (case-insensitive, as RFC 8493 says)."""
    return [v for k, v in info if k.lower() == label.lower()]


def check_bag(scan: BagScan) -> list[Finding]:
    """Check structure, both manifests and Payload-Oxum; one Finding per check and file."""
    out: list[Finding] = []

    def bad(subject: str, message: str) -> list[Finding]:
        out.append(Finding("bag", subject, False, message))
        return out

    for rel in scan.extras:
        bad(rel, N_("unexpected file outside data/"))
    missing = [t for t in sorted(TAG_FILES) if t not in scan.tags]
    if missing:
        return bad(missing[0], N_("required tag file is missing"))
    if scan.tags["bagit.txt"].replace(b"\r\n", b"\n") != BAGIT_TXT:
        return bad("bagit.txt", N_("not a BagIt 1.0 declaration with UTF-8 tag files"))
    try:
        info = parse_bag_info(scan.tags["bag-info.txt"])
        manifest = parse_manifest(scan.tags[MANIFEST], MANIFEST)
        tagmanifest = parse_manifest(scan.tags[TAGMANIFEST], TAGMANIFEST)
    except (BagInvalidError, UnsafeArchiveError) as exc:
        return bad("bag", str(exc))
    out.append(Finding("bag", "bagit.txt", True, N_("BagIt 1.0 declaration")))
    for name in LISTED_TAG_FILES:
        want = tagmanifest.get(name)
        got = scan.files[name][0]
        if want is None:
            bad(name, N_("not listed in the tag manifest"))
        else:
            same = hmac_equal(want, got)
            out.append(Finding("file", name, same,
                               N_("SHA-256 matches") if same else N_("SHA-256 mismatch")))
    for name in tagmanifest:
        if name not in LISTED_TAG_FILES:
            bad(name, N_("tag manifest lists an unexpected file"))
    payload = {p: v for p, v in scan.files.items() if p.startswith("data/")}
    for path, want in sorted(manifest.items()):
        if not path.startswith("data/"):
            bad(path, N_("manifest lists a file outside data/"))
        elif path not in payload:
            bad(path, N_("listed in the manifest but missing"))
        else:
            ok = hmac_equal(want, payload[path][0])
            out.append(Finding("file", path, ok,
                               N_("SHA-256 matches") if ok else N_("SHA-256 mismatch")))
    for path in sorted(set(payload) - set(manifest)):
        bad(path, N_("file not listed in the manifest"))
    oxum = info_values(info, "Payload-Oxum")
    real = f"{sum(s for _, s in payload.values())}.{len(payload)}"
    if oxum != [real]:
        bad("bag-info.txt", N_("Payload-Oxum does not match the payload"))
    else:
        out.append(Finding("bag", "Payload-Oxum", True, real))
    return out


def check_signature(scan: BagScan) -> tuple[Finding, Ed25519PublicKey | None, str | None]:
    """Verify the tag manifest's signature by the key in signer.pub.

    allowed_signers must hold exactly one line for that same key and the bundle
    namespace, so that ``ssh-keygen -Y verify`` checks what we check. Returns the
    finding, the signer's key and the principal (both None on failure).
    """
    def bad(message: str, **args: object) -> tuple[Finding, None, None]:
        return Finding("signature", SIGNATURE, False, message, BundleSignatureError,
                       tuple(args.items())), None, None

    try:
        sig, tagmanifest = scan.tags[SIGNATURE], scan.tags[TAGMANIFEST]
        pub_text = scan.tags[SIGNER_PUB].decode("ascii")
        allowed = scan.tags[ALLOWED_SIGNERS].decode("ascii")
    except (KeyError, UnicodeDecodeError):
        return bad(N_("signature, signer.pub or allowed_signers is missing or not ASCII"))
    try:
        pub = sshsig.parse_openssh_public_key(pub_text)
        lines = allowed.splitlines()
        principal = lines[0].split(" ", 1)[0] if len(lines) == 1 else ""
        expected = sshsig.allowed_signers_line(principal, pub, [sshsig.BUNDLE_NAMESPACE])
        if lines != [expected]:
            return bad(N_("allowed_signers does not match signer.pub"))
        sshsig.verify(sig, tagmanifest, sshsig.BUNDLE_NAMESPACE, public_key=pub)
    except (CryptoError, ValueError) as exc:
        return bad(N_("signature over {file} is invalid: {problem}"), file=TAGMANIFEST,
                   problem=str(exc))
    return Finding("signature", SIGNATURE, True, N_("valid Ed25519 signature over {file}"),
                   BundleSignatureError, (("file", TAGMANIFEST),)), pub, principal


def hmac_equal(a: str, b: str) -> bool:
    """Compare two hex digests in constant time."""
    return hmac.compare_digest(a.encode(), b.encode())
