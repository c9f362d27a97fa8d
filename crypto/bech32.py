"""Bech32 (BIP-173) as age uses it: no length limit, all-lowercase or all-uppercase only.

age encodes recipients with HRP ``age`` / ``age1pq`` and identities with ``AGE-SECRET-KEY-`` /
``AGE-SECRET-KEY-PQ-``. The checksum is always computed over the lowercase string.
"""

from __future__ import annotations

from crypto.errors import KeyFormatError

__all__ = ["decode", "encode"]

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_VALUES = {c: i for i, c in enumerate(_CHARSET)}
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: list[int]) -> int:
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i, g in enumerate(_GENERATOR):
            if (top >> i) & 1:
                chk ^= g
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert_bits(data: bytes | list[int], frombits: int, tobits: int, pad: bool) -> list[int]:
    acc = 0
    bits = 0
    out: list[int] = []
    maxv = (1 << tobits) - 1
    for value in data:
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & maxv)
    if pad:
        if bits:
            out.append((acc << (tobits - bits)) & maxv)
    elif bits >= frombits or (acc << (tobits - bits)) & maxv:
        raise KeyFormatError("bech32 data has invalid padding")
    return out


def encode(hrp: str, data: bytes) -> str:
    """Bech32 string of ``data`` under ``hrp``; uppercase if ``hrp`` is uppercase."""
    lower = hrp.lower()
    words = _convert_bits(data, 8, 5, pad=True)
    poly = _polymod([*_hrp_expand(lower), *words, 0, 0, 0, 0, 0, 0]) ^ 1
    checksum = [(poly >> 5 * (5 - i)) & 31 for i in range(6)]
    text = lower + "1" + "".join(_CHARSET[w] for w in words + checksum)
    return text.upper() if hrp.isupper() else text


def decode(text: str) -> tuple[str, bytes]:
    """Return ``(hrp, data)``; the HRP is returned in the case it was written in.

    Raises :class:`KeyFormatError` on mixed case, bad characters, or a bad checksum.
    """
    if not text.isascii() or any(not 33 <= ord(c) <= 126 for c in text):
        raise KeyFormatError("bech32 string has invalid characters")
    if text.lower() != text and text.upper() != text:
        raise KeyFormatError("bech32 string mixes upper and lower case")
    sep = text.rfind("1")
    if sep < 1 or sep + 7 > len(text):
        raise KeyFormatError("bech32 string has no valid separator")
    lower = text.lower()
    try:
        words = [_VALUES[c] for c in lower[sep + 1 :]]
    except KeyError:
        raise KeyFormatError("bech32 string has invalid characters") from None
    if _polymod([*_hrp_expand(lower[:sep]), *words]) != 1:
        raise KeyFormatError("bech32 checksum does not match")
    return text[:sep], bytes(_convert_bits(words[:-6], 5, 8, pad=False))
