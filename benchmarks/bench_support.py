"""What the benchmark scripts share (they run as scripts, so this folder is on sys.path)."""

from __future__ import annotations


def parse_size(text: str) -> int:
    """A size such as ``1G``, ``256M``, ``512KiB`` or ``1048576``, in bytes."""
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper().removesuffix("B").removesuffix("I")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)
