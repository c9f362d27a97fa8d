"""Media sniffing, EXIF, thumbnails and EXIF stripping, on real camera photos and crafted files."""

from __future__ import annotations

import io
import struct
import wave
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, ImageOps, ImageStat, PngImagePlugin

from evidence_app.media import (
    HEAD_BYTES,
    ExifInfo,
    make_thumbnail,
    read_exif,
    sniff_media_type,
    strip_exif,
)

PHOTOS = Path(__file__).resolve().parent / "samples" / "photos"
JPEGS = sorted(p.name for p in PHOTOS.glob("jpg_*.jpg"))
IDENTIFYING_TIFF_TAGS = {0x010F, 0x0110, 0x0132, 0x013B, 0x8298, 0x8769, 0x8825, 0x02BC, 0x83BB}


def photo(name: str) -> bytes:
    return (PHOTOS / name).read_bytes()


def decode(data: bytes) -> Image.Image:
    """The decoded image, keeping its format name and info."""
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        copy = im.copy()
        copy.format = im.format
        return copy


def strip(data: bytes, media_type: str) -> bytes | None:
    out = io.BytesIO()
    ok = strip_exif(io.BytesIO(data), out, media_type)
    assert ok == bool(out.getvalue())
    return out.getvalue() if ok else None


def encoded(fmt: str, size: tuple[int, int] = (40, 30), mode: str = "RGB", **kw: object) -> bytes:
    im = Image.new(mode, size)
    im.putdata([((x * 7) % 256, (y * 11) % 256, 90)[: len(mode)] for y in range(size[1])
                for x in range(size[0])])  # fmt: skip
    out = io.BytesIO()
    im.save(out, fmt, **kw)
    return out.getvalue()


def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[0x0110] = "Model-9"
    exif[0x8825] = {1: "S", 2: (10.0, 30.0, 0.0), 3: "W", 4: (20.0, 15.0, 36.0), 5: b"\x01",
                    6: 12.5}  # fmt: skip
    return exif


# --- sniffing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "media_type"),
    [(name, "image/jpeg") for name in JPEGS]
    + [("heic_IMG_5195.HEIC", "image/heic"), ("tiff_Arbitro.tiff", "image/tiff")],
)
def test_sniff_real_photos(name: str, media_type: str) -> None:
    assert sniff_media_type(photo(name)[:HEAD_BYTES]) == media_type


def ftyp(major: bytes, *compatible: bytes) -> bytes:
    body = major + b"\x00\x00\x00\x00" + b"".join(compatible)
    return struct.pack(">I", 8 + len(body)) + b"ftyp" + body + b"\x00\x00\x00\x08free"


def ebml(doctype: bytes) -> bytes:
    inner = b"\x42\x86\x81\x01" + b"\x42\x82" + bytes([0x80 | len(doctype)]) + doctype
    return b"\x1a\x45\xdf\xa3" + bytes([0x80 | len(inner)]) + inner


def wav() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x00" * 100)
    return out.getvalue()


def office(first: str, names: list[str], *, stored_first: bytes = b"") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        if stored_first:
            z.writestr(zipfile.ZipInfo(first), stored_first, compress_type=zipfile.ZIP_STORED)
        else:
            z.writestr(first, "<Types/>" * 50)
        for name in names:
            z.writestr(name, "<x/>" * 100)
    return out.getvalue()


ODT = "application/vnd.oasis.opendocument.text"
SYNTHETIC = {
    "png": (encoded("PNG"), "image/png"),
    "gif": (encoded("GIF"), "image/gif"),
    "webp": (encoded("WEBP"), "image/webp"),
    "tiff-le": (encoded("TIFF"), "image/tiff"),
    "tiff-be": (b"MM\x00*\x00\x00\x00\x08" + bytes(100), "image/tiff"),
    "bmp": (encoded("BMP"), "image/bmp"),
    "pdf": (encoded("PDF"), "application/pdf"),
    "heic": (ftyp(b"heic", b"mif1", b"heic"), "image/heic"),
    "heif-compatible-heic": (ftyp(b"mif1", b"mif1", b"heic"), "image/heic"),
    "heif": (ftyp(b"mif1", b"mif1"), "image/heif"),
    "avif": (ftyp(b"avif", b"mif1", b"avif"), "image/avif"),
    "mp4": (ftyp(b"isom", b"isom", b"iso2", b"avc1", b"mp41"), "video/mp4"),
    "mov": (ftyp(b"qt  ", b"qt  "), "video/quicktime"),
    "m4a": (ftyp(b"M4A ", b"M4A ", b"mp42", b"isom"), "audio/mp4"),
    "3gp": (ftyp(b"3gp4", b"isom", b"3gp4"), "video/3gpp"),
    "webm": (ebml(b"webm"), "video/webm"),
    "mkv": (ebml(b"matroska"), "video/x-matroska"),
    "avi": (b"RIFF\x00\x01\x00\x00AVI LIST", "video/x-msvideo"),
    "wav": (wav(), "audio/wav"),
    "mp3-id3": (b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(20), "audio/mpeg"),
    "mp3-frame": (b"\xff\xfb\x90\x64" + bytes(400), "audio/mpeg"),
    "ogg": (b"OggS\x00\x02" + bytes(22) + b"\x01\x13OpusHead", "audio/ogg"),
    "ogg-theora": (b"OggS\x00\x02" + bytes(22) + b"\x80theora", "video/ogg"),
    "flac": (b"fLaC\x00\x00\x00\x22" + bytes(34), "audio/flac"),
    "amr": (b"#!AMR\n" + bytes(32), "audio/amr"),
    "amr-wb": (b"#!AMR-WB\n" + bytes(32), "audio/amr-wb"),
    "rtf": (b"{\\rtf1\\ansi Hello}", "application/rtf"),
    "docx": (
        office("[Content_Types].xml", ["_rels/.rels", "word/document.xml"]),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        office("[Content_Types].xml", ["_rels/.rels", "xl/workbook.xml"]),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "odt": (office("mimetype", ["content.xml"], stored_first=ODT.encode()), ODT),
    "zip": (office("notes.txt", ["other.txt"]), "application/zip"),
    "text": ("Свидетель рассказал ...\n\ttab\r\n".encode(), "text/plain"),
    "text-bom": (b"\xef\xbb\xbfhello", "text/plain"),
    "text-cut-multibyte": ("abc д".encode()[:-1], "text/plain"),
    "binary": (bytes(range(256)), "application/octet-stream"),
    "latin1": ("caf\u00e9 au lait".encode("latin-1"), "application/octet-stream"),
    "empty": (b"", "application/octet-stream"),
    "aac-adts-is-not-mp3": (b"\xff\xf1\x50\x80" + bytes(20), "application/octet-stream"),
    "bm-text": (b"BM is also how this note starts", "text/plain"),
}


@pytest.mark.parametrize("kind", sorted(SYNTHETIC))
def test_sniff_by_magic_bytes(kind: str) -> None:
    data, media_type = SYNTHETIC[kind]
    assert sniff_media_type(data[:HEAD_BYTES]) == media_type


@given(st.binary(max_size=600))
@settings(max_examples=300, deadline=None)
def test_sniff_never_raises(head: bytes) -> None:
    assert "/" in sniff_media_type(head)


# --- EXIF --------------------------------------------------------------------------------


def test_gps_of_dscn0010_in_decimal_degrees() -> None:
    info = read_exif(io.BytesIO(photo("jpg_gps_DSCN0010.jpg")))
    # 43° 28' 2.814" N, 11° 53' 6.456" E
    assert info.latitude == pytest.approx(43 + 28 / 60 + 2.814 / 3600, abs=1e-7)
    assert info.longitude == pytest.approx(11 + 53 / 60 + 6.456 / 3600, abs=1e-7)
    assert round(info.latitude, 6) == 43.467448
    assert round(info.longitude, 6) == 11.885127
    assert info.altitude is None
    assert (info.make, info.model) == ("NIKON", "COOLPIX P6000")
    assert info.capture_time == "2008-10-22T16:28:39"
    assert info.orientation == 1


def test_gps_of_dscn0021() -> None:
    info = read_exif(io.BytesIO(photo("jpg_gps_DSCN0021.jpg")))
    assert round(info.latitude or 0, 6) == 43.467082
    assert round(info.longitude or 0, 6) == 11.884538


def test_camera_photos_make_model_time() -> None:
    canon = read_exif(io.BytesIO(photo("jpg_Canon_40D.jpg")))
    assert canon == ExifInfo(
        capture_time="2008-05-30T15:56:01", make="Canon", model="Canon EOS 40D", orientation=1
    )
    olympus = read_exif(io.BytesIO(photo("jpg_corrupted.jpg")))
    assert olympus.make == "OLYMPUS IMAGING CORP."  # trailing padding stripped
    assert olympus.capture_time == "2015-09-08T11:02:17"


def test_orientation_6_is_read() -> None:
    assert read_exif(io.BytesIO(photo("jpg_orientation_landscape_6.jpg"))).orientation == 6


@pytest.mark.parametrize("name", ["heic_IMG_5195.HEIC", "README.md", "jpg_invalid_image01137.jpg"])
def test_exif_best_effort_never_raises(name: str) -> None:
    info = read_exif(io.BytesIO((PHOTOS / name).read_bytes()))
    assert info.latitude is None and info.make is None and info.capture_time is None


def test_south_west_and_below_sea_level_are_negative() -> None:
    for fmt in ("JPEG", "PNG", "WEBP"):
        info = read_exif(io.BytesIO(encoded(fmt, exif=gps_exif())))
        assert info.latitude == pytest.approx(-10.5)
        assert info.longitude == pytest.approx(-(20 + 15 / 60 + 36 / 3600))
        assert info.altitude == pytest.approx(-12.5)
        assert info.make == "CameraMaker"


def test_impossible_gps_and_time_are_dropped() -> None:
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (95.0, 0.0, 0.0), 3: "E", 4: (10.0, 0.0, 0.0)}
    exif[0x0132] = "2020:02:30 10:00:00"
    exif[0x0112] = 9
    info = read_exif(io.BytesIO(encoded("JPEG", exif=exif)))
    assert info == ExifInfo()


# --- thumbnails --------------------------------------------------------------------------


@pytest.mark.parametrize("name", [*JPEGS, "tiff_Arbitro.tiff"])
def test_thumbnail_of_every_decodable_photo(name: str) -> None:
    thumb = make_thumbnail(io.BytesIO(photo(name)))
    assert thumb is not None and thumb.startswith(b"\xff\xd8\xff")
    im = decode(thumb)
    assert im.format == "JPEG" and im.mode == "RGB"
    assert max(im.size) <= 320
    assert "exif" not in im.info


def test_thumbnail_applies_orientation_6() -> None:
    data = photo("jpg_orientation_landscape_6.jpg")
    raw = decode(data)
    assert raw.size == (450, 600)  # stored on its side; orientation 6 makes it landscape
    thumb = decode(make_thumbnail(io.BytesIO(data)) or b"")
    assert thumb.size == (320, 240)
    expected = raw.transpose(Image.Transpose.ROTATE_270).convert("RGB").resize(thumb.size)
    wrong = raw.transpose(Image.Transpose.ROTATE_90).convert("RGB").resize(thumb.size)
    assert _mean_diff(thumb, expected) < 12 < _mean_diff(thumb, wrong)


def _mean_diff(a: Image.Image, b: Image.Image) -> float:
    return float(ImageStat.Stat(ImageChops.difference(a, b).convert("L")).mean[0])


def test_thumbnail_keeps_aspect_and_max_px() -> None:
    thumb = decode(make_thumbnail(io.BytesIO(photo("jpg_gps_DSCN0010.jpg")), max_px=100) or b"")
    assert thumb.size == (100, 75)


def test_thumbnail_of_transparent_png_is_flattened() -> None:
    thumb = make_thumbnail(io.BytesIO(encoded("PNG", mode="RGBA")))
    assert thumb is not None and decode(thumb).mode == "RGB"


@pytest.mark.parametrize(
    "data",
    [
        photo("heic_IMG_5195.HEIC"),
        photo("jpg_gps_DSCN0010.jpg")[:40_000],  # truncated
        b"\xff\xd8\xff" + bytes(1000),
        b"not an image",
        b"",
    ],
    ids=["heic", "truncated-jpeg", "garbage-jpeg", "text", "empty"],
)
def test_no_thumbnail_for_undecodable(data: bytes) -> None:
    assert make_thumbnail(io.BytesIO(data)) is None


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares a huge image: a decompression bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def test_decompression_bomb_beyond_pillows_limit_is_refused() -> None:
    bomb = png_declaring(100_000, 100_000)  # 10 gigapixels: Pillow raises DecompressionBombError
    assert len(bomb) < 200
    assert make_thumbnail(io.BytesIO(bomb)) is None
    assert strip(bomb, "image/png") is None


def test_decompression_bomb_within_pillows_limit_is_refused_by_our_budget() -> None:
    bomb = png_declaring(9_000, 8_000)  # 72 Mpx: under Pillow's warning, over MAX_PIXELS
    assert make_thumbnail(io.BytesIO(bomb)) is None
    assert strip(bomb, "image/png") is None


def test_decompression_bomb_in_pillows_warning_band_is_refused() -> None:
    bomb = png_declaring(10_000, 10_000)  # 100 Mpx: Pillow only warns, we refuse
    with pytest.warns(Image.DecompressionBombWarning):
        assert make_thumbnail(io.BytesIO(bomb)) is None


# --- EXIF stripping ----------------------------------------------------------------------


@pytest.mark.parametrize("name", JPEGS)
def test_strip_jpeg_keeps_image_data_byte_identical(name: str) -> None:
    data = photo(name)
    out = strip(data, "image/jpeg")
    assert out is not None
    # the compressed image data, from the first scan to the end, is copied unchanged
    assert out[out.index(b"\xff\xda") :] in data
    assert decode(out).tobytes() == decode(data).tobytes()
    info = read_exif(io.BytesIO(out))
    assert (info.latitude, info.make, info.model, info.capture_time) == (None,) * 4
    assert b"http://ns.adobe.com/xap/" not in out  # XMP gone
    with Image.open(io.BytesIO(out)) as im:
        assert IDENTIFYING_TIFF_TAGS.isdisjoint(im.getexif())


def test_strip_removes_gps_from_dscn0010() -> None:
    data = photo("jpg_gps_DSCN0010.jpg")
    assert read_exif(io.BytesIO(data)).latitude is not None
    out = strip(data, "image/jpeg") or b""
    assert b"Exif\x00\x00" not in out
    assert read_exif(io.BytesIO(out)) == ExifInfo()
    assert make_thumbnail(io.BytesIO(out)) is not None


def test_strip_keeps_only_the_orientation() -> None:
    data = photo("jpg_orientation_landscape_6.jpg")
    out = strip(data, "image/jpeg") or b""
    assert read_exif(io.BytesIO(out)) == ExifInfo(orientation=6)
    with Image.open(io.BytesIO(out)) as im:
        assert dict(im.getexif()) == {0x0112: 6}
        assert ImageOps.exif_transpose(im).size == (600, 450)


def test_strip_drops_data_after_end_of_image() -> None:
    data = photo("jpg_Canon_40D.jpg") + b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00secret..."
    out = strip(data, "image/jpeg") or b""
    assert out.endswith(b"\xff\xd9") and b"secret" not in out


def test_strip_png_removes_text_exif_and_icc() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Name of a person")
    data = encoded("PNG", exif=gps_exif(), pnginfo=info, icc_profile=b"\x00" * 200)
    out = strip(data, "image/png") or b""
    assert b"Name of a person" not in out and b"CameraMaker" not in out
    im = decode(out)
    assert im.format == "PNG" and not im.info.get("exif") and "icc_profile" not in im.info
    assert "Author" not in im.info
    assert im.tobytes() == decode(data).tobytes()


def test_strip_webp_and_tiff() -> None:
    webp = encoded("WEBP", exif=gps_exif(), lossless=True)
    out = strip(webp, "image/webp") or b""
    assert b"CameraMaker" not in out and read_exif(io.BytesIO(out)) == ExifInfo()
    assert decode(out).tobytes() == decode(webp).tobytes()

    tiff = photo("tiff_Arbitro.tiff")
    out = strip(tiff, "image/tiff") or b""
    im = decode(out)
    assert "xmp" in decode(tiff).info and "xmp" not in im.info
    assert IDENTIFYING_TIFF_TAGS.isdisjoint(im.getexif())
    assert im.tobytes() == decode(tiff).tobytes()


def test_strip_applies_orientation_when_resaving() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    data = encoded("PNG", size=(40, 30), exif=exif)
    out = strip(data, "image/png") or b""
    assert decode(out).size == (30, 40)


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (photo("heic_IMG_5195.HEIC"), "image/heic"),
        (encoded("PDF"), "application/pdf"),
        (encoded("GIF"), "image/gif"),
        (b"\xff\xd8\xff\xe1\xff\xff" + bytes(10), "image/jpeg"),  # segment runs past the end
        (b"\xff\xd8\x00\x00", "image/jpeg"),  # no marker
        (b"not a jpeg", "image/jpeg"),
        (b"garbage", "image/png"),
    ],
)
def test_strip_refuses_unsupported_or_malformed(data: bytes, media_type: str) -> None:
    assert strip(data, media_type) is None


SAMPLE = photo("jpg_Canon_40D.jpg")


@pytest.mark.filterwarnings("ignore::UserWarning")  # Pillow warns about the broken EXIF
@given(st.data())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_mutated_jpeg_never_crashes(data: st.DataObject) -> None:
    mutated = bytearray(SAMPLE)
    for _ in range(data.draw(st.integers(1, 8))):
        mutated[data.draw(st.integers(0, len(mutated) - 1))] = data.draw(st.integers(0, 255))
    cut = bytes(mutated[: data.draw(st.integers(2, len(mutated)))])
    read_exif(io.BytesIO(cut))
    thumb = make_thumbnail(io.BytesIO(cut))
    assert thumb is None or thumb.startswith(b"\xff\xd8")
    out = strip(cut, "image/jpeg")
    assert out is None or out.startswith(b"\xff\xd8")
