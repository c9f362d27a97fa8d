"""Draw the app icon with Pillow and write PNG, ICO (Windows) and ICNS (macOS) files.

    python packaging/make_icon.py            # (re)write packaging/icons/
    python packaging/make_icon.py --check    # exit 1 if the committed icons differ

The icon is drawn from code, so it has no outside source and rebuilds byte for byte with the
pinned Pillow: a dark blue rounded square with a white shield holding a green check mark.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ICON_DIR = Path(__file__).resolve().parent / "icons"
BASE = "evidence-vault"
SIZE = 1024  # ICNS wants a 1024 px master; smaller sizes are resampled from it
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = SIZE) -> Image.Image:
    """The icon as an RGBA image, drawn at 4x and reduced for smooth edges."""
    big = size * 4
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)

    def s(v: float) -> int:
        return round(v * big / 100)

    d.rounded_rectangle((s(4), s(4), s(96), s(96)), radius=s(18), fill=(22, 48, 92, 255))
    shield = [(s(50), s(16)), (s(78), s(26)), (s(76), s(56)), (s(50), s(86)),
              (s(24), s(56)), (s(22), s(26))]
    d.polygon(shield, fill=(245, 247, 250, 255))
    d.line([(s(36), s(50)), (s(46), s(62)), (s(66), s(36))], fill=(24, 140, 84, 255),
           width=s(8), joint="curve")
    return img.resize((size, size), Image.Resampling.LANCZOS)


def render() -> dict[str, bytes]:
    """File name -> bytes for every icon file."""
    master = draw()
    out: dict[str, bytes] = {}
    for ext, kwargs in (
        ("png", {}),
        ("ico", {"sizes": ICO_SIZES}),
        ("icns", {}),
    ):
        buf = io.BytesIO()
        image = master.resize((256, 256), Image.Resampling.LANCZOS) if ext == "png" else master
        image.save(buf, format=ext.upper(), **kwargs)
        out[f"{BASE}.{ext}"] = buf.getvalue()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    files = render()
    if args.check:
        stale = [n for n, data in files.items()
                 if not (ICON_DIR / n).is_file() or (ICON_DIR / n).read_bytes() != data]
        for name in stale:
            print(f"icon differs from its drawing: {name}", file=sys.stderr)
        return 1 if stale else 0
    ICON_DIR.mkdir(exist_ok=True)
    for name, data in files.items():
        (ICON_DIR / name).write_bytes(data)
        print(f"wrote {ICON_DIR / name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
