"""Attachments: media-type sniffing, EXIF reading, thumbnails and EXIF-stripped derivatives.

Everything here works in memory on streams and never writes to disk: the caller stores
what it gets into the encrypted vault. Input is hostile: the media type comes from magic
bytes only (never the file name), image decoding is limited to a few well-known formats
and a pixel budget, and every function is best effort, returning "nothing" instead of
raising when a file is broken. Originals are never changed; only derivatives are made.
"""

from __future__ import annotations

import io
import math
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

if TYPE_CHECKING:
    from PIL import Image

# How many leading bytes sniff_media_type needs to see to recognise every type it knows.
HEAD_BYTES = 8192

# Pixel budget for one decoded image. JPEGs are decoded at a reduced scale for
# thumbnails (draft mode), so this bounds memory, not the camera's resolution. It is below
# Pillow's own limit, so Pillow's DecompressionBombWarning is not reached first; Pillow's
# DecompressionBombError (images over twice its limit) is caught like any decoding error.
MAX_PIXELS = 64_000_000

# Pillow plugins we allow to parse attachments: common photo formats only.
IMAGE_FORMATS = ("JPEG", "PNG", "GIF", "WEBP", "TIFF", "BMP")


def _pil() -> tuple[Any, Any]:
    """Pillow's Image and ImageOps, imported on first use (an export or a verify never
    decodes images, and Pillow costs start-up time), with every plugin registered so
    Image.open(formats=...) knows all of IMAGE_FORMATS."""
    from PIL import Image, ImageOps

    Image.init()
    return Image, ImageOps

# Bytes read for strip_exif (whole-file derivative in memory).
MAX_STRIP_BYTES = 512 * 1024 * 1024

OCTET_STREAM = "application/octet-stream"

T = TypeVar("T")

_FTYP_BRANDS: dict[bytes, str] = {
    b"heic": "image/heic",
    b"heix": "image/heic",
    b"heim": "image/heic",
    b"heis": "image/heic",
    b"hevc": "image/heic-sequence",
    b"hevx": "image/heic-sequence",
    b"avif": "image/avif",
    b"avis": "image/avif",
    b"mif1": "image/heif",
    b"msf1": "image/heif-sequence",
    b"qt  ": "video/quicktime",
    b"M4A ": "audio/mp4",
    b"M4B ": "audio/mp4",
    b"M4V ": "video/x-m4v",
    b"M4VH": "video/x-m4v",
    b"3gp4": "video/3gpp",
    b"3gp5": "video/3gpp",
    b"3gp6": "video/3gpp",
    b"3g2a": "video/3gpp2",
    b"isom": "video/mp4",
    b"iso2": "video/mp4",
    b"iso4": "video/mp4",
    b"iso5": "video/mp4",
    b"iso6": "video/mp4",
    b"mp41": "video/mp4",
    b"mp42": "video/mp4",
    b"avc1": "video/mp4",
    b"dash": "video/mp4",
    b"MSNV": "video/mp4",
}

_OOXML = {
    b"word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    b"xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    b"ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
_ZIP_MIMETYPE_RE = re.compile(rb"application/(vnd\.oasis\.opendocument\.[a-z.-]{1,60}|epub\+zip)")

_SIMPLE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"%PDF-", "application/pdf"),
    (b"{\\rtf", "application/rtf"),
    (b"fLaC", "audio/flac"),
    (b"#!AMR-WB\n", "audio/amr-wb"),
    (b"#!AMR\n", "audio/amr"),
    (b"ID3", "audio/mpeg"),
    (b"BM", "image/bmp"),
)


def sniff_media_type(head: bytes) -> str:
    """The media type of a file from its first bytes (pass at least ``HEAD_BYTES``).

    Magic bytes only; the file name is never consulted. Unknown content is
    ``application/octet-stream``; UTF-8 text without control characters is
    ``text/plain``.
    """
    for magic, media_type in _SIMPLE_MAGIC:
        if head.startswith(magic):
            if media_type == "image/bmp" and not _looks_like_bmp(head):
                continue
            return media_type
    if head[4:8] == b"ftyp":
        return _sniff_ftyp(head)
    if head.startswith(b"RIFF") and len(head) >= 12:
        riff = {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}
        return riff.get(head[8:12], OCTET_STREAM)
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm" if _ebml_doctype(head) == b"webm" else "video/x-matroska"
    if head.startswith(b"OggS"):
        return "video/ogg" if b"\x80theora" in head[:512] else "audio/ogg"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(head)
    if _is_mp3_frame(head):
        return "audio/mpeg"
    if _is_text(head):
        return "text/plain"
    return OCTET_STREAM


def _looks_like_bmp(head: bytes) -> bool:
    """``BM`` is a short magic: also require the reserved fields to be zero."""
    return len(head) >= 18 and head[6:10] == b"\x00\x00\x00\x00"


def _sniff_ftyp(head: bytes) -> str:
    """ISO base media file (MP4, MOV, HEIC, AVIF, 3GP) by its major and compatible brands.

    The most specific brand wins (``_FTYP_BRANDS`` order): a ``mif1`` file that lists
    ``heic`` is HEIC.
    """
    (size,) = struct.unpack(">I", head[:4])
    end = min(max(size, 16), len(head), 4096)
    brands = {head[8:12]} | {head[i : i + 4] for i in range(16, end - 3, 4)}
    for brand, media_type in _FTYP_BRANDS.items():
        if brand in brands:
            return media_type
    return "video/mp4"


def _ebml_doctype(head: bytes) -> bytes | None:
    """The DocType of a Matroska/WebM EBML header (element 0x4282, one-byte size)."""
    at = head.find(b"\x42\x82", 4, 64)
    if at < 0 or at + 3 > len(head):
        return None
    size_byte = head[at + 2]
    if not size_byte & 0x80:
        return None
    length = size_byte & 0x7F
    return head[at + 3 : at + 3 + length]


def _sniff_zip(head: bytes) -> str:
    """OpenDocument/EPUB (``mimetype`` stored first) or Office Open XML, else a ZIP."""
    if len(head) >= 30:
        method, size, name_len, extra_len = struct.unpack("<H8xI4xHH", head[8:30])
        start = 30 + name_len + extra_len
        if head[30 : 30 + name_len] == b"mimetype" and method == 0:
            value = head[start : start + min(size, 80)]
            if _ZIP_MIMETYPE_RE.fullmatch(value):
                return value.decode("ascii")
    if b"[Content_Types].xml" in head:
        for folder, media_type in _OOXML.items():
            if folder in head:
                return media_type
    return "application/zip"


def _is_mp3_frame(head: bytes) -> bool:
    """An MPEG audio layer III frame header: sync, layer bits 01, a valid bitrate/rate."""
    if len(head) < 4 or head[0] != 0xFF or (head[1] & 0xE6) != 0xE2:
        return False
    bitrate, rate = head[2] >> 4, (head[2] >> 2) & 0x3
    return bitrate not in (0, 0xF) and rate != 0x3


def _is_text(head: bytes) -> bool:
    """UTF-8 (a cut multi-byte character at the end is fine) without control characters."""
    if not head:
        return False
    body = head.removeprefix(b"\xef\xbb\xbf")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(body) - 3 or exc.reason != "unexpected end of data":
            return False
        text = body[: exc.start].decode("utf-8")
    return not any(ch < " " and ch not in "\t\n\r\f" or ch == "\x7f" for ch in text)


# --- EXIF --------------------------------------------------------------------------------

_TAG_ORIENTATION = 0x0112
_TAG_MAKE, _TAG_MODEL, _TAG_DATETIME = 0x010F, 0x0110, 0x0132
_IFD_EXIF, _IFD_GPS = 0x8769, 0x8825
_TAG_DATETIME_ORIGINAL, _TAG_DATETIME_DIGITIZED = 0x9003, 0x9004
_TAG_OFFSET_ORIGINAL, _TAG_OFFSET_DIGITIZED, _TAG_OFFSET = 0x9011, 0x9012, 0x9010
_EXIF_TIME_RE = re.compile(r"(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_EXIF_OFFSET_RE = re.compile(r"[+-]\d{2}:\d{2}")


@dataclass(frozen=True)
class ExifInfo:
    """What EXIF says about a photo; every field is None when absent or unreadable."""

    capture_time: str | None = None  # ISO 8601, with the offset when the camera wrote one
    latitude: float | None = None  # decimal degrees, south negative
    longitude: float | None = None  # decimal degrees, west negative
    altitude: float | None = None  # metres, below sea level negative
    make: str | None = None
    model: str | None = None
    orientation: int | None = None  # 1-8 as in EXIF


def read_exif(src: BinaryIO) -> ExifInfo:
    """Best-effort EXIF of an image stream; never raises on broken input.

    Each field is read on its own, so one broken tag does not hide the others.
    Images Pillow cannot open (e.g. HEIC) give an empty ExifInfo.
    """
    pil, _ops = _pil()
    try:
        with pil.open(src, formats=IMAGE_FORMATS) as im:
            exif = im.getexif()
    except Exception:  # noqa: BLE001 - Pillow raises many types on hostile data
        return ExifInfo()
    lat, lon, alt = _gps(exif)
    return ExifInfo(
        capture_time=_safe(lambda: _capture_time(exif)),
        latitude=lat,
        longitude=lon,
        altitude=alt,
        make=_safe(lambda: _text(exif.get(_TAG_MAKE))),
        model=_safe(lambda: _text(exif.get(_TAG_MODEL))),
        orientation=_safe(lambda: _orientation(exif)),
    )


def _safe(read: Callable[[], T | None]) -> T | None:
    try:
        return read()
    except Exception:  # noqa: BLE001 - one broken tag must not hide the others
        return None


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    clean = "".join(ch for ch in value if ch.isprintable()).strip()
    return clean[:100] or None


def _orientation(exif: Image.Exif) -> int | None:
    value = exif.get(_TAG_ORIENTATION)
    return value if type(value) is int and 1 <= value <= 8 else None


def _capture_time(exif: Image.Exif) -> str | None:
    sub = exif.get_ifd(_IFD_EXIF)
    for time_tag, offset_tag, ifd in (
        (_TAG_DATETIME_ORIGINAL, _TAG_OFFSET_ORIGINAL, sub),
        (_TAG_DATETIME_DIGITIZED, _TAG_OFFSET_DIGITIZED, sub),
        (_TAG_DATETIME, _TAG_OFFSET, None),
    ):
        raw = (ifd if ifd is not None else exif).get(time_tag)
        text = _text(raw)
        m = _EXIF_TIME_RE.fullmatch(text or "")
        if m is None:
            continue
        iso = "{}-{}-{}T{}:{}:{}".format(*m.groups())
        try:
            datetime.fromisoformat(iso)
        except ValueError:
            continue
        offset = _text(sub.get(offset_tag))
        if offset and _EXIF_OFFSET_RE.fullmatch(offset):
            iso += offset
        return iso
    return None


def _gps(exif: Image.Exif) -> tuple[float | None, float | None, float | None]:
    try:
        gps = exif.get_ifd(_IFD_GPS)
    except Exception:  # noqa: BLE001 - broken GPS IFD: no position
        return None, None, None
    lat = _safe(lambda: _degrees(gps.get(2), gps.get(1), "N", "S", 90.0))
    lon = _safe(lambda: _degrees(gps.get(4), gps.get(3), "E", "W", 180.0))
    alt = _safe(lambda: _altitude(gps.get(6), gps.get(5)))
    if lat is None or lon is None:
        lat = lon = None
    return lat, lon, alt


def _degrees(dms: object, ref: object, pos: str, neg: str, limit: float) -> float | None:
    if not isinstance(dms, tuple) or len(dms) != 3:
        return None
    d, m, s = (float(x) for x in dms)
    if not all(math.isfinite(x) and x >= 0 for x in (d, m, s)) or m >= 60 or s >= 60:
        return None
    value = d + m / 60 + s / 3600
    ref_text = _text(ref)
    if ref_text not in (pos, neg) or value > limit:
        return None
    return -value if ref_text == neg else value


def _altitude(value: object, ref: object) -> float | None:
    if value is None:
        return None
    metres = float(value)  # type: ignore[arg-type]  # IFDRational or int; else ValueError
    if not math.isfinite(metres):
        return None
    below = ref in (1, b"\x01")
    return -metres if below else metres


# --- thumbnails --------------------------------------------------------------------------


def make_thumbnail(src: BinaryIO, max_px: int = 320) -> bytes | None:
    """JPEG thumbnail (longest side ``max_px``), EXIF orientation applied, no metadata.

    None for anything that is not a decodable image within ``MAX_PIXELS`` (HEIC, broken or
    truncated files, decompression bombs).
    """
    pil, ops = _pil()
    try:
        with pil.open(src, formats=IMAGE_FORMATS) as im:
            im.draft("RGB", (max_px, max_px))  # JPEG: decode at reduced scale
            if im.width * im.height > MAX_PIXELS:
                return None
            upright = ops.exif_transpose(im)
            upright.thumbnail((max_px, max_px))
            rgb = _flatten(upright)
            out = io.BytesIO()
            rgb.save(out, format="JPEG", quality=85)
            return out.getvalue()
    except Exception:  # noqa: BLE001 - Pillow raises many types on hostile data
        return None


def _flatten(im: Image.Image) -> Image.Image:
    """RGB for JPEG: transparency composited on white."""
    pil, _ops = _pil()
    if im.mode in ("RGBA", "LA", "P", "PA"):
        rgba = im.convert("RGBA")
        white: Image.Image = pil.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return im.convert("RGB")


# --- EXIF stripping ----------------------------------------------------------------------

_RESAVE_FORMATS = {"image/png": "PNG", "image/tiff": "TIFF", "image/webp": "WEBP"}


def strip_exif(src: BinaryIO, dst: BinaryIO, media_type: str) -> bool:
    """Write a copy of an image without identifying metadata to ``dst``; True if done.

    * JPEG, losslessly at the byte level: the compressed image data stays byte-identical;
      only JFIF (APP0), ICC profile (APP2 ``ICC_PROFILE``) and Adobe (APP14) segments are
      kept among the APPn/COM segments, so EXIF (with GPS), XMP, IPTC/Photoshop, MPF,
      comments and anything after the end-of-image marker are removed. When the original
      orientation was not 1, a minimal EXIF segment holding only the orientation tag is
      written, so the photo still displays upright.
    * PNG, TIFF, WebP: decoded, orientation applied, and re-saved from the pixels alone
      (no EXIF, XMP, ICC or text chunks); the first frame only.

    False, with nothing written, for other types and for files that cannot be processed.
    """
    data = src.read(MAX_STRIP_BYTES + 1)
    if len(data) > MAX_STRIP_BYTES:
        return False
    if media_type == "image/jpeg":
        result = _strip_jpeg(data)
    elif media_type in _RESAVE_FORMATS:
        result = _resave_clean(data, _RESAVE_FORMATS[media_type])
    else:
        return False
    if result is None:
        return False
    dst.write(result)
    return True


_KEEP_APP = {0xE0: (b"JFIF\x00", b"JFXX\x00"), 0xE2: (b"ICC_PROFILE\x00",), 0xEE: (b"Adobe",)}
_SOS, _EOI, _APP1 = 0xDA, 0xD9, 0xE1
_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM, RST0-7: markers without a length
# Markers that may end a scan: DHT, DQT, DNL, DRI, SOS, EOI, COM, APPn.
_AFTER_SCAN = {0xC4, 0xDB, 0xDC, 0xDD, 0xDA, 0xD9, 0xFE, *range(0xE0, 0xF0)}


def _strip_jpeg(data: bytes) -> bytes | None:
    """Segment-level JPEG rewrite; None if the marker structure is malformed."""
    if not data.startswith(b"\xff\xd8"):
        return None
    out = [b"\xff\xd8"]
    orientation: int | None = None
    pos = 2
    while True:
        if pos + 2 > len(data) or data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == _EOI:
            out.append(b"\xff\xd9")
            break
        if marker in _STANDALONE:
            out.append(data[pos : pos + 2])
            pos += 2
            continue
        if pos + 4 > len(data):
            return None
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        end = pos + 2 + length
        if length < 2 or end > len(data):
            return None
        segment = data[pos:end]
        payload = data[pos + 4 : end]
        if marker == _SOS:
            scan_end = _scan_end(data, end)
            out.append(data[pos:scan_end])
            pos = scan_end
            if pos == len(data):  # truncated: keep what there is, as the original does
                break
            continue
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            if marker == _APP1 and payload.startswith(b"Exif\x00\x00") and orientation is None:
                orientation = _orientation_from_app1(payload)
            if payload.startswith(_KEEP_APP.get(marker, ())):
                out.append(segment)
        else:
            out.append(segment)
        pos = end
    if orientation is not None and orientation != 1:
        after_jfif = len(out) > 1 and out[1].startswith(b"\xff\xe0")
        out.insert(2 if after_jfif else 1, _orientation_app1(orientation))
    return b"".join(out)


def _scan_end(data: bytes, pos: int) -> int:
    """Offset of the next marker after entropy-coded data starting at ``pos``.

    Only markers that may follow a scan count; any other ``FF xx`` (found in corrupted
    files) is treated as scan data. A truncated file ends its scan at the end of data.
    """
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            return len(data)
        if data[pos + 1] in _AFTER_SCAN:
            return pos
        pos += 1


def _orientation_from_app1(payload: bytes) -> int | None:
    """Orientation tag of an APP1 EXIF payload; None when absent or unreadable."""
    pil, _ops = _pil()
    exif = pil.Exif()
    try:
        exif.load(payload)
    except Exception:  # noqa: BLE001 - broken EXIF: treat as no orientation
        return None
    return _orientation(exif)


def _orientation_app1(orientation: int) -> bytes:
    """An APP1 EXIF segment with IFD0 holding only the orientation tag."""
    tiff = struct.pack("<2sHI", b"II", 42, 8)
    ifd = struct.pack("<HHHIHHI", 1, _TAG_ORIENTATION, 3, 1, orientation, 0, 0)
    payload = b"Exif\x00\x00" + tiff + ifd
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def _resave_clean(data: bytes, fmt: str) -> bytes | None:
    """Decode, apply orientation, re-encode from the pixels only; None if undecodable."""
    pil, ops = _pil()
    try:
        with pil.open(io.BytesIO(data), formats=(fmt,)) as im:
            if im.width * im.height > MAX_PIXELS:
                return None
            upright = ops.exif_transpose(im)
            if upright.mode == "P":
                has_alpha = "transparency" in upright.info
                upright = upright.convert("RGBA" if has_alpha else "RGB")
            pixels = pil.frombytes(upright.mode, upright.size, upright.tobytes())
            out = io.BytesIO()
            save_args = {"lossless": True} if fmt == "WEBP" else {}
            pixels.save(out, format=fmt, **save_args)
            return out.getvalue()
    except Exception:  # noqa: BLE001 - Pillow raises many types on hostile data
        return None
