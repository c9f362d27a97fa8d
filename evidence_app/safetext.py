"""Text that came from data (vaults, bundles, key cards) made safe to show.

A hostile bundle or key card can carry terminal escape sequences (ESC, C1 CSI), carriage
returns that overwrite a line, or bidi controls that reorder what is shown
("gpj.exe" shown as "exe.jpg"). :func:`terminal_safe` removes them before the CLI prints
anything that came from data; :func:`clean_file_name` makes an imported file name safe
to show and to save as. :func:`name_skeleton` and :func:`mixes_scripts` help to catch a
key card whose name imitates a contact's ("Аmira" with a Cyrillic А).
"""

from __future__ import annotations

import re
import unicodedata

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


# Letters of Cyrillic and Greek that look like a Latin letter (after casefolding), mapped
# to it: the pairs an impersonator reaches for first (Unicode's confusables.txt lists
# them among many others). Tajik's own letters (ғ ӣ қ ӯ ҳ ҷ) look like none of them.
_LOOK_ALIKE = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "һ": "h", "і": "i", "ї": "i", "ј": "j", "к": "k",
    "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x",
    "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ү": "y", "ӏ": "l",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ϲ": "c",
    "0": "o", "1": "l", "|": "l",
})
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARABIC")


def name_skeleton(name: str) -> str:
    """What ``name`` looks like: NFKC, casefolded, look-alike letters mapped to one form,
    spaces collapsed. Two names with the same skeleton are hard to tell apart on screen."""
    text = unicodedata.normalize("NFKC", terminal_safe(name)).casefold()
    return " ".join(text.translate(_LOOK_ALIKE).split())


def _script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    label = unicodedata.name(ch, "")
    return next((s for s in _SCRIPTS if label.startswith(s)), "OTHER")


def mixes_scripts(name: str) -> bool:
    """True if one word of ``name`` mixes letters of two scripts (Latin and Cyrillic, say):
    real names do not, names made to imitate another one often do."""
    for word in name.split():
        scripts = {_script(ch) for ch in word} - {None}
        if len(scripts) > 1:
            return True
    return False
