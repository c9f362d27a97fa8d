"""Argon2id key derivation and small sealed boxes for wrapping secrets.

Passphrases are stretched with Argon2id (RFC 9106) from ``cryptography``. The parameters
are stored next to the salt (:meth:`Argon2Params.to_dict`, or inside the self-describing
passphrase blob), so they can be raised later without breaking old secrets.

A *sealed box* is ``version || nonce || ChaCha20-Poly1305(key, plaintext)``, used to wrap
identities and vault keys with a 32-byte key. :func:`seal_with_passphrase` adds a header
that names the format, its version, the Argon2id parameters and the salt.

Every way a sealed secret can fail to open (wrong key or passphrase, damaged bytes,
unknown version, parameters out of range) raises :class:`WrongPassphraseError`, with a
one-line message that tells the cases apart but never contains secret bytes. Like
pyca's Fernet, one exception class for "this secret does not open" gives no oracle.
"""

from __future__ import annotations

import os
import struct
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from crypto.errors import WrongPassphraseError

KEY_SIZE = 32
SALT_SIZE = 16
NONCE_SIZE = 12
TAG_SIZE = 16

MIN_MEMORY_KIB = 262_144  # 256 MiB: the production floor.
MIN_ITERATIONS = 3
DEFAULT_LANES = 4

# Hard bounds on parameters read from storage: hostile input must not make us allocate
# terabytes or spin for hours. Tests may go as low as the Argon2 minimum.
_MAX_MEMORY_KIB = 4 * 1024 * 1024  # 4 GiB
_MAX_ITERATIONS = 64
_MAX_LANES = 16

_SEAL_VERSION = b"\x01"
_PASS_MAGIC = b"EVPW"
_PASS_VERSION = b"\x01"
_PASS_HEADER = struct.Struct(">4sBIII16s")  # magic, version, memory, iterations, lanes, salt


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost parameters: memory in KiB, passes over memory, parallel lanes."""

    memory_kib: int
    iterations: int
    lanes: int

    def __post_init__(self) -> None:
        """Refuse parameters Argon2id cannot run or that would exhaust the machine."""
        for value in (self.memory_kib, self.iterations, self.lanes):
            if type(value) is not int:
                raise ValueError("key derivation parameters must be integers")
        if not 1 <= self.lanes <= _MAX_LANES:
            raise ValueError("key derivation lanes out of range")
        if not 1 <= self.iterations <= _MAX_ITERATIONS:
            raise ValueError("key derivation iterations out of range")
        if not 8 * self.lanes <= self.memory_kib <= _MAX_MEMORY_KIB:
            raise ValueError("key derivation memory out of range")

    def to_dict(self) -> dict[str, int]:
        """Plain dict for JSON storage next to the salt."""
        return {"memory_kib": self.memory_kib, "iterations": self.iterations, "lanes": self.lanes}

    @classmethod
    def from_dict(cls, untrusted: Mapping[str, object]) -> Argon2Params:
        """Parse stored parameters; anything malformed or out of range raises
        WrongPassphraseError (the secret they protect cannot be opened)."""
        if set(untrusted) != {"memory_kib", "iterations", "lanes"}:
            raise WrongPassphraseError("key derivation parameters have unexpected fields")
        memory, iterations, lanes = (
            untrusted["memory_kib"],
            untrusted["iterations"],
            untrusted["lanes"],
        )
        if not (type(memory) is int and type(iterations) is int and type(lanes) is int):
            raise WrongPassphraseError("key derivation parameters are not integers")
        return _checked_params(memory, iterations, lanes)

    def meets_minimum(self) -> bool:
        """True if these parameters are at least the production floor."""
        return self.memory_kib >= MIN_MEMORY_KIB and self.iterations >= MIN_ITERATIONS


def _checked_params(memory_kib: int, iterations: int, lanes: int) -> Argon2Params:
    """Build parameters read from storage, mapping out-of-range values to our error."""
    try:
        return Argon2Params(memory_kib, iterations, lanes)
    except ValueError:
        raise WrongPassphraseError("key derivation parameters out of range") from None


DEFAULT = Argon2Params(memory_kib=MIN_MEMORY_KIB, iterations=MIN_ITERATIONS, lanes=DEFAULT_LANES)


def derive_key(
    passphrase: bytes, salt: bytes, params: Argon2Params, length: int = KEY_SIZE
) -> bytes:
    """Stretch ``passphrase`` with Argon2id into ``length`` key bytes."""
    if len(salt) < 8:
        raise ValueError("salt must be at least 8 bytes")
    kdf = Argon2id(
        salt=salt,
        length=length,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase)


def calibrate(
    target_seconds: float = 1.0,
    min_memory_kib: int = MIN_MEMORY_KIB,
    min_iterations: int = MIN_ITERATIONS,
    *,
    lanes: int = DEFAULT_LANES,
    max_memory_kib: int = 1024 * 1024,
    timer: Callable[[Argon2Params], float] | None = None,
) -> Argon2Params:
    """Parameters that take about ``target_seconds`` here, never below the minimums.

    Memory is doubled first (up to ``max_memory_kib``) because memory is what makes
    guessing expensive on GPUs; then passes are added in proportion to the remaining
    time budget. ``timer`` measures one derivation (injectable for tests).
    """
    measure = timer or _time_one_derivation
    params = Argon2Params(min_memory_kib, min_iterations, lanes)
    elapsed = measure(params)
    while elapsed * 2 <= target_seconds and params.memory_kib * 2 <= max_memory_kib:
        params = Argon2Params(params.memory_kib * 2, params.iterations, lanes)
        elapsed = measure(params)
    if 0 < elapsed < target_seconds:
        scaled = int(params.iterations * target_seconds / elapsed)
        iterations = min(max(scaled, params.iterations), _MAX_ITERATIONS)
        params = Argon2Params(params.memory_kib, iterations, lanes)
    return params


def _time_one_derivation(params: Argon2Params) -> float:
    """Wall-clock seconds of one derivation with throwaway inputs."""
    start = time.perf_counter()
    derive_key(b"calibration", b"\x00" * SALT_SIZE, params)
    return time.perf_counter() - start


def seal(key32: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """Encrypt and authenticate ``plaintext`` under a 32-byte key with a random nonce."""
    if len(key32) != KEY_SIZE:
        raise ValueError("sealing key must be 32 bytes")
    nonce = os.urandom(NONCE_SIZE)
    body = ChaCha20Poly1305(key32).encrypt(nonce, plaintext, _SEAL_VERSION + aad)
    return _SEAL_VERSION + nonce + body


def unseal(key32: bytes, blob: bytes, aad: bytes = b"") -> bytes:
    """Open a :func:`seal` blob; any failure raises WrongPassphraseError."""
    if len(key32) != KEY_SIZE:
        raise ValueError("sealing key must be 32 bytes")
    if len(blob) < 1 + NONCE_SIZE + TAG_SIZE:
        raise WrongPassphraseError("sealed secret is truncated")
    if blob[:1] != _SEAL_VERSION:
        raise WrongPassphraseError("sealed secret has an unsupported version")
    nonce, body = blob[1 : 1 + NONCE_SIZE], blob[1 + NONCE_SIZE :]
    try:
        return ChaCha20Poly1305(key32).decrypt(nonce, body, _SEAL_VERSION + aad)
    except InvalidTag:
        raise WrongPassphraseError("wrong key or damaged sealed secret") from None


def seal_with_passphrase(
    passphrase: bytes, plaintext: bytes, params: Argon2Params | None = None
) -> bytes:
    """Self-describing blob: magic, version, Argon2id params, salt, then a sealed box.

    The whole header is authenticated as associated data. ``params`` defaults to
    :data:`DEFAULT`; tests pass small parameters explicitly.
    """
    params = params or DEFAULT
    salt = os.urandom(SALT_SIZE)
    header = _PASS_HEADER.pack(
        _PASS_MAGIC, _PASS_VERSION[0], params.memory_kib, params.iterations, params.lanes, salt
    )
    return header + seal(derive_key(passphrase, salt, params), plaintext, aad=header)


def unseal_with_passphrase(passphrase: bytes, blob: bytes) -> bytes:
    """Open a :func:`seal_with_passphrase` blob; any failure raises WrongPassphraseError."""
    if len(blob) < _PASS_HEADER.size:
        raise WrongPassphraseError("passphrase-sealed secret is truncated")
    magic, version, memory, iterations, lanes, salt = _PASS_HEADER.unpack_from(blob)
    if magic != _PASS_MAGIC:
        raise WrongPassphraseError("not a passphrase-sealed secret")
    if bytes([version]) != _PASS_VERSION:
        raise WrongPassphraseError("passphrase-sealed secret has an unsupported version")
    params = _checked_params(memory, iterations, lanes)
    header = blob[: _PASS_HEADER.size]
    key = derive_key(passphrase, salt, params)
    return unseal(key, blob[_PASS_HEADER.size :], aad=header)
