"""Text that came from data (vaults, bundles, key cards) made safe to show.

A hostile bundle or key card can carry terminal escape sequences (ESC, C1 CSI), carriage
returns that overwrite a line, or bidi controls that reorder what is shown
("gpj.exe" shown as "exe.jpg"). :func:`terminal_safe` removes them before the CLI prints
anything that came from data; :func:`clean_file_name` makes an imported file name safe
to show and to save as.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the bidi controls (ALM, LRM, RLM, U+202A-202E, U+2066-2069).
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_KEEP_LINES = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MAX_FILE_NAME = 255


def has_unsafe_characters(text: str) -> bool:
    """True if ``text`` holds a C0/C1 control, DEL or a bidi control."""
    return _UNSAFE.search(text) is not None


def terminal_safe(text: object, *, multiline: bool = False) -> str:
    """``str(text)`` without control and bidi characters; ``multiline`` keeps "\\n" and "\\t"."""
    return (_UNSAFE_KEEP_LINES if multiline else _UNSAFE).sub("", str(text))


def clean_file_name(untrusted: str) -> str:
    """The last path component of ``untrusted``, without control or bidi characters, at
    most MAX_FILE_NAME characters; "file" if nothing usable is left."""
    base = _UNSAFE.sub("", re.split(r"[/\\]", untrusted)[-1]).strip()
    return (base if base not in ("", ".", "..") else "file")[:MAX_FILE_NAME]
