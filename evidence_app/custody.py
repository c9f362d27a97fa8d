"""Chain of custody: signed, hash-chained events (pure functions, no storage).

One chain per testimony (chain id = testimony id) and one chain ``"vault"`` for
vault-level events. An event is a JSON object::

    {"v": 1, "chain": "...", "seq": 1, "prev": null, "action": "created",
     "time": "2025-03-02T10:00:00Z", "actor": "<fingerprint>", "actor_key": "ssh-ed25519 AAAA...",
     "object": "<id>", "object_sha256": "<hex>" | null, "details": {...}, "sig": "<base64>"}

* ``seq`` starts at 1 and grows by one; ``prev`` is null for seq 1, else the
  :func:`event_hash` of the event before.
* ``sig`` is an OpenSSH signature (``PROTOCOL.sshsig``, namespace
  ``custody@evidence-vault``, Ed25519) over :func:`canonical_json` of the event without
  ``sig``. It is stored compactly: the base64 body of the armored signature on one line.
  :func:`armor_signature` re-wraps it (``-----BEGIN SSH SIGNATURE-----``, 70-column lines,
  ``-----END SSH SIGNATURE-----``) so anyone can check it with::

      ssh-keygen -Y verify -f allowed_signers -I <principal> -n custody@evidence-vault \\
          -s event.sig < event-without-sig.json

  where ``event-without-sig.json`` is the canonical JSON of the event without ``sig``
  (no trailing newline).
* The event hash is SHA-256 (hex) of the canonical JSON *with* ``sig``.
* ``details`` must hold only opaque ids, hashes and counts: never names or content.
* A vault that imports an update of a testimony it already holds cannot append the
  sender's new events (their ``prev`` points into the sender's copy of the chain), and
  never rewrites signed events. Its ``imported`` event embeds them instead:
  ``details.received = {"continues": <event_hash>, "events": [...]}``, the sender's
  events verbatim, continuing the earlier event whose hash is ``continues``.
  :func:`flatten` gives the whole history in order; :func:`verify_events` checks embedded
  events like top-level ones (signature, fields, chain, links from ``continues``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from crypto.errors import KeyFormatError, SignatureError
from crypto.identity import fingerprint_of
from crypto.sshsig import (
    CUSTODY_NAMESPACE,
    parse_openssh_public_key,
    public_key_to_openssh,
    sign,
    verify,
)
from evidence_app.errors import UserError
from evidence_app.i18n import _, ngettext
from evidence_app.model import (
    ModelError,
    UntrustedJSONError,
    canonical_json,
    parse_untrusted_json,
)

EVENT_VERSION = 1
VAULT_CHAIN = "vault"
ACTIONS = frozenset(
    {
        "created", "edited", "attachment_added", "status_changed", "exported", "imported",
        "verified", "shredded",
    }
)  # fmt: skip
EVENT_KEYS = frozenset(
    {
        "v", "chain", "seq", "prev", "action", "time", "actor", "actor_key", "object",
        "object_sha256", "details", "sig",
    }
)  # fmt: skip

# Limits for hostile custody logs (from_jsonl).
MAX_LOG_BYTES = 64 * 1024 * 1024
MAX_LINE_BYTES = 4 * 1024 * 1024  # an "imported" event may embed many received events
MAX_EVENTS = 200_000

_BEGIN = "-----BEGIN SSH SIGNATURE-----"
_END = "-----END SSH SIGNATURE-----"
_ARMOR_LINE = 70
_ID_RE = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_HEX64_RE = re.compile(r"[0-9a-f]{64}")
_FINGERPRINT_RE = re.compile(r"\d{5}( \d{5}){11}")
_TIME_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z")
_B64_RE = re.compile(r"[A-Za-z0-9+/]+={0,2}")
_KEY_LINE_RE = re.compile(r"ssh-ed25519 [A-Za-z0-9+/=]{1,200}")


class CustodyError(UserError):
    """A custody event or custody log is malformed (the message says where)."""


# --- making events -----------------------------------------------------------------------


def utc_now() -> str:
    """The current time as ``YYYY-MM-DDTHH:MM:SSZ``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def next_link(last_event: Mapping[str, Any] | None) -> tuple[int, str | None]:
    """``(seq, prev_hash)`` for the event that follows ``last_event`` (None: a new chain)."""
    if last_event is None:
        return 1, None
    return int(last_event["seq"]) + 1, event_hash(last_event)


def make_event(
    *,
    chain: str,
    seq: int,
    prev_hash: str | None,
    action: str,
    object_id: str,
    object_sha256: str | None,
    details: Mapping[str, Any],
    identity_signing_key: Ed25519PrivateKey,
    actor_fingerprint: str,
    time: str | None = None,
) -> dict[str, Any]:
    """A new signed custody event. Raises CustodyError on invalid fields.

    ``actor_fingerprint`` must be the fingerprint of ``identity_signing_key``: it is
    checked, so an event can never name someone other than its signer.
    """
    public_key = identity_signing_key.public_key()
    if actor_fingerprint != fingerprint_of(public_key):
        raise CustodyError(_("actor fingerprint does not match the signing key"))
    event: dict[str, Any] = {
        "v": EVENT_VERSION,
        "chain": chain,
        "seq": seq,
        "prev": prev_hash,
        "action": action,
        "time": utc_now() if time is None else time,
        "actor": actor_fingerprint,
        "actor_key": public_key_to_openssh(public_key),
        "object": object_id,
        "object_sha256": object_sha256,
        "details": dict(details),
    }
    problem = _field_problem(event, need_sig=False)
    if problem:
        raise CustodyError(_("custody event: {problem}").format(problem=problem))
    armored = sign(identity_signing_key, _canonical(event), CUSTODY_NAMESPACE)
    event["sig"] = compact_signature(armored)
    return event


def compact_signature(armored: str) -> str:
    """The base64 body of an armored SSH signature, on one line."""
    lines = armored.strip().splitlines()
    if len(lines) < 3 or lines[0] != _BEGIN or lines[-1] != _END:
        raise CustodyError(_("not an armored SSH signature"))
    return "".join(line.strip() for line in lines[1:-1])


def armor_signature(sig: str) -> str:
    """The armored form of a compact ``sig``, as ``ssh-keygen -Y sign`` writes it."""
    lines = [sig[i : i + _ARMOR_LINE] for i in range(0, len(sig), _ARMOR_LINE)]
    return "\n".join([_BEGIN, *lines, _END]) + "\n"


def signed_bytes(event: Mapping[str, Any]) -> bytes:
    """The exact bytes ``sig`` signs: canonical JSON of the event without ``sig``."""
    return _canonical({k: v for k, v in event.items() if k != "sig"})


def event_hash(event: Mapping[str, Any]) -> str:
    """SHA-256 hex of the canonical JSON of the whole event, ``sig`` included."""
    return hashlib.sha256(_canonical(event)).hexdigest()


def _canonical(obj: Mapping[str, Any]) -> bytes:
    try:
        return canonical_json(obj)
    except ModelError:
        raise CustodyError(_("custody event cannot be written as canonical JSON")) from None


# --- checking events ---------------------------------------------------------------------


def _field_problem(event: Mapping[str, Any], *, need_sig: bool) -> str | None:
    """What is structurally wrong with one event, or None."""
    keys = set(event)
    expected = EVENT_KEYS if need_sig else EVENT_KEYS - {"sig"}
    if keys != expected:
        extra, missing = sorted(keys - expected), sorted(expected - keys)
        if missing:
            return _("missing field {name}").format(name=_echo(missing[0]))
        return _("unknown field {name}").format(name=_echo(extra[0]))
    checks: list[tuple[str, bool]] = [
        ("v", type(event["v"]) is int and event["v"] == EVENT_VERSION),
        ("chain", _matches(_ID_RE, event["chain"])),
        ("seq", type(event["seq"]) is int and 1 <= event["seq"] < 2**53),
        ("prev", event["prev"] is None or _matches(_HEX64_RE, event["prev"])),
        ("action", isinstance(event["action"], str) and event["action"] in ACTIONS),
        ("time", is_utc_timestamp(event["time"])),
        ("actor", _matches(_FINGERPRINT_RE, event["actor"])),
        ("actor_key", _matches(_KEY_LINE_RE, event["actor_key"])),
        ("object", _matches(_ID_RE, event["object"])),
        (
            "object_sha256",
            event["object_sha256"] is None or _matches(_HEX64_RE, event["object_sha256"]),
        ),
        ("details", isinstance(event["details"], dict) and _is_canonical_json(event["details"])),
    ]
    if need_sig:
        sig = event["sig"]
        checks.append(("sig", isinstance(sig, str) and len(sig) < 2048 and _is_b64(sig)))
    for name, ok in checks:
        if not ok:
            return _("invalid {name}").format(name=name)
    if event["seq"] == 1 and event["prev"] is not None:
        return _("invalid prev (seq 1 has no previous event)")
    if event["seq"] > 1 and event["prev"] is None:
        return _("invalid prev (missing for seq > 1)")
    return None


def _matches(pattern: re.Pattern[str], value: object) -> bool:
    return isinstance(value, str) and bool(pattern.fullmatch(value))


def _is_b64(value: str) -> bool:
    return len(value) % 4 == 0 and bool(_B64_RE.fullmatch(value))


def _is_canonical_json(value: object) -> bool:
    try:
        canonical_json(value)
    except ModelError:
        return False
    return True


def is_utc_timestamp(value: object) -> bool:
    """An ISO 8601 UTC timestamp as our vaults write them (seconds, optional fraction, Z),
    ASCII digits only."""
    if not isinstance(value, str) or not _TIME_RE.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _echo(value: object) -> str:
    """A short printable quotation of an untrusted value for a problem message."""
    text = value if isinstance(value, str) else type(value).__name__
    shown = "".join(ch if ch.isprintable() else "?" for ch in text[:40])
    return json.dumps(shown + ("..." if len(text) > 40 else ""), ensure_ascii=False)


@dataclass(frozen=True)
class EventVerdict:
    """The verdict on one event of a chain.

    ``index`` is its place in the list, ``seq`` its sequence number (None when the event is
    too malformed to have one), ``problems`` what is wrong with it (empty: it verifies).
    """

    index: int
    seq: int | None
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def problem(self) -> str:
        """All problems on one line ("" when it verifies)."""
        return "; ".join(self.problems)


def verify_events(
    events: list[dict[str, Any]],
    *,
    trusted_keys: Mapping[str, Ed25519PublicKey] | None = None,
    chain: str | None = None,
) -> list[EventVerdict]:
    """One verdict per event of one custody chain, in order (see :func:`verify_chain`).

    A problem with a link (a gap, a wrong ``prev``) is given to the later event of the two.
    """
    verdicts: list[EventVerdict] = []
    expected_chain = chain
    previous: dict[str, Any] | None = None
    seen: dict[str, int] = {}  # event hash -> seq of every event before, in flattened order
    for index, event in enumerate(events):
        if not isinstance(event, dict):
            verdicts.append(EventVerdict(index, None, (_("malformed: not an object"),)))
            previous = None
            continue
        structural = _field_problem(event, need_sig=True)
        if structural:
            verdicts.append(EventVerdict(index, None, (_("malformed: {problem}").format(
                problem=structural),)))
            previous = None
            continue
        if expected_chain is None:
            expected_chain = event["chain"]
        problems: list[str] = []
        if event["chain"] != expected_chain:
            problems.append(_("wrong chain: belongs to {chain}, not {expected}").format(
                chain=_echo(event["chain"]), expected=_echo(expected_chain)))
        problems.extend(_link_problems(event, previous, index))
        problems.extend(_signer_problems(event, trusted_keys))
        problems.extend(_received_problems(event, expected_chain, trusted_keys, seen))
        seen[event_hash(event)] = event["seq"]
        verdicts.append(EventVerdict(index, event["seq"], tuple(problems)))
        previous = event
    return verdicts


def _received_problems(event: dict[str, Any], chain: str,
                       trusted_keys: Mapping[str, Ed25519PublicKey] | None,
                       seen: dict[str, int]) -> list[str]:
    """What is wrong with the events ``event`` embeds (``details.received``), one line each
    ("received event 2 (seq 9): ..."); adds their hashes to ``seen`` (recursively).

    Each embedded event gets the checks of a top-level one; the first must continue
    (``prev``, ``seq + 1``) the event whose hash is ``continues``, which must come earlier
    in the flattened chain; the rest must follow one another.
    """
    if "received" not in event["details"]:
        return []
    block = event["details"]["received"]
    if (not isinstance(block, dict) or set(block) != {"continues", "events"}
            or not _matches(_HEX64_RE, block["continues"])
            or not isinstance(block["events"], list) or not block["events"]):
        return [_("received events: malformed block")]
    problems: list[str] = []
    previous_hash: str = block["continues"]
    previous_seq = seen.get(previous_hash)
    if previous_seq is None:
        problems.append(_("received events: they do not continue an earlier event of this "
                          "chain"))
    for index, sub in enumerate(block["events"]):
        if not isinstance(sub, dict):
            malformed = _("malformed: not an object")
        elif structural := _field_problem(sub, need_sig=True):
            malformed = _("malformed: {problem}").format(problem=structural)
        else:
            malformed = ""
        if malformed:
            problems.append(_("received event {index}: {problem}").format(
                index=index, problem=malformed))
            previous_seq = None
            continue
        found: list[str] = []
        if sub["chain"] != chain:
            found.append(_("wrong chain: belongs to {chain}, not {expected}").format(
                chain=_echo(sub["chain"]), expected=_echo(chain)))
        if previous_seq is not None:
            found.extend(_seq_problems(sub["seq"], previous_seq))
        if sub["prev"] != previous_hash:
            found.append(_("altered: prev hash does not match the event before it"))
        found.extend(_signer_problems(sub, trusted_keys))
        found.extend(_received_problems(sub, chain, trusted_keys, seen))
        problems.extend(_("received event {index} (seq {seq}): {problem}").format(
            index=index, seq=sub["seq"], problem=p) for p in found)
        previous_hash, previous_seq = event_hash(sub), sub["seq"]
        seen[previous_hash] = previous_seq
    return problems


def received_events(event: Mapping[str, Any]) -> list[dict[str, Any]] | None:
    """The events an event embeds (``details.received.events``), or None (see the module
    docstring); only the shape is looked at here, :func:`verify_events` checks them."""
    details = event.get("details")
    block = details.get("received") if isinstance(details, dict) else None
    found = block.get("events") if isinstance(block, dict) else None
    return [e for e in found if isinstance(e, dict)] if isinstance(found, list) else None


def flatten(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The whole history of a chain in order: each event, preceded by the events it embeds
    (recursively). Content checks (which version, which attachments) look at this."""
    out: list[dict[str, Any]] = []
    for event in events:
        if not isinstance(event, dict):
            continue
        embedded = received_events(event)
        if embedded is not None:
            out.extend(flatten(embedded))
        out.append(event)
    return out


def received_lineage(events: list[dict[str, Any]], me: str) -> list[dict[str, Any]]:
    """The sender's chain as this vault (fingerprint ``me``) received it: every top-level
    event not made by me, and, in place of my own events that embed received ones, those
    events (one level: they are the sender's top-level events). A received update must
    start with exactly these events."""
    out: list[dict[str, Any]] = []
    for event in events:
        if event.get("actor") != me:
            out.append(event)
        elif (embedded := received_events(event)) is not None:
            out.extend(embedded)
    return out


def verify_chain(
    events: list[dict[str, Any]],
    *,
    trusted_keys: Mapping[str, Ed25519PublicKey] | None = None,
    chain: str | None = None,
    expected_head: str | None = None,
) -> list[str]:
    """Every problem found in one custody chain, one line each; [] when it is intact.

    Detects, and names in the message:

    * ``removed``: a gap in ``seq``, or a chain that does not start at seq 1;
    * ``reordered``: ``seq`` going backwards or repeating;
    * ``altered``: a signature that does not verify, or a ``prev`` hash that does not
      match the event before (that event was changed, removed or moved);
    * ``forged``: an ``actor`` fingerprint that is not the fingerprint of ``actor_key``;
    * ``wrong chain``: an event of another chain (``chain``, default: the first event's);
    * ``untrusted``: with ``trusted_keys`` (fingerprint -> key), a signer not in it or
      whose key differs from the trusted key for that fingerprint;
    * ``malformed``: a missing, unknown or invalid field.

    Events embedded in an event's ``details.received`` get the same checks, named on the
    embedding event's line ("event 5 (seq 6): received event 1 (seq 9): altered: ..."),
    plus: they follow one another, and the first continues (``prev``, ``seq``) the event
    whose hash is ``continues``, which must come earlier in the flattened chain.

    Each line starts with the event it is about ("event 3 (seq 4): ...", the checks of
    :func:`verify_events`). A chain alone cannot show that its newest events were cut off:
    pass ``expected_head``, the :func:`event_hash` of the last event as recorded elsewhere
    (a signed bundle manifest, the vault), to detect that too. Without it, an empty list
    of events is an intact (empty) chain.
    """
    problems = [
        (_("event {index}: {problem}") if v.seq is None else _(
            "event {index} (seq {seq}): {problem}")).format(index=v.index, seq=v.seq, problem=p)
        for v in verify_events(events, trusted_keys=trusted_keys, chain=chain)
        for p in v.problems
    ]
    if expected_head is not None:
        last = events[-1] if events else None
        if not isinstance(last, dict) or _hash_or_none(last) != expected_head:
            problems.append(_("end: removed: the chain does not end at the expected last "
                              "event"))
    return problems


def _hash_or_none(event: dict[str, Any]) -> str | None:
    try:
        return event_hash(event)
    except CustodyError:
        return None


def _link_problems(event: dict[str, Any], previous: dict[str, Any] | None, index: int) -> list[str]:
    """How ``event`` fails to follow ``previous`` (None: first event or after a malformed one)."""
    seq = event["seq"]
    if previous is None:
        if index == 0 and seq != 1:
            return [_("removed: the chain starts at seq {seq}, not 1").format(seq=seq)]
        return []
    problems = _seq_problems(seq, previous["seq"])
    if event["prev"] != event_hash(previous):
        problems.append(_("altered: prev hash does not match the event before it"))
    return problems


def _seq_problems(seq: int, last: int) -> list[str]:
    """How ``seq`` fails to follow ``last`` by one."""
    if seq > last + 1:
        return [ngettext("removed: {n} event(s) missing after seq {last}",
                         "removed: {n} event(s) missing after seq {last}",
                         seq - last - 1).format(n=seq - last - 1, last=last)]
    if seq <= last:
        return [_("reordered: seq {seq} comes after seq {last}").format(seq=seq, last=last)]
    return []


def _signer_problems(
    event: dict[str, Any], trusted_keys: Mapping[str, Ed25519PublicKey] | None
) -> list[str]:
    try:
        key = parse_openssh_public_key(event["actor_key"])
    except KeyFormatError:
        return [_("malformed: invalid actor_key")]
    problems: list[str] = []
    if fingerprint_of(key) != event["actor"]:
        problems.append(_("forged: actor fingerprint does not match actor_key"))
    try:
        verify(armor_signature(event["sig"]), signed_bytes(event), CUSTODY_NAMESPACE, key)
    except SignatureError:
        problems.append(_("altered: signature does not verify"))
    if trusted_keys is not None:
        trusted = trusted_keys.get(event["actor"])
        if trusted is None:
            problems.append(_("untrusted: the signer is not a trusted key"))
        elif public_key_to_openssh(trusted) != public_key_to_openssh(key):
            problems.append(_("untrusted: actor_key differs from the trusted key"))
    return problems


# --- JSON Lines --------------------------------------------------------------------------


def to_jsonl(events: list[dict[str, Any]]) -> bytes:
    """The custody log: one canonical JSON event per line, each ending in a newline."""
    return b"".join(_canonical(event) + b"\n" for event in events)


def from_jsonl(data: bytes) -> list[dict[str, Any]]:
    """Parse a custody log strictly; raises CustodyError naming the line.

    Each line must be one JSON object in canonical form (as :func:`to_jsonl` writes it),
    UTF-8, ending in a newline; duplicate keys, NaN and blank lines are refused. Sizes are
    bounded by MAX_LOG_BYTES, MAX_LINE_BYTES and MAX_EVENTS. The events are only parsed
    here; :func:`verify_chain` checks them.
    """
    if len(data) > MAX_LOG_BYTES:
        raise CustodyError(_("custody log is too large"))
    if not data:
        return []
    if not data.endswith(b"\n"):
        raise CustodyError(_("custody log does not end with a newline"))
    lines = data[:-1].split(b"\n")
    if len(lines) > MAX_EVENTS:
        raise CustodyError(_("custody log has too many events"))
    return [_parse_line(line, number) for number, line in enumerate(lines, start=1)]


def _parse_line(line: bytes, number: int) -> dict[str, Any]:
    if len(line) > MAX_LINE_BYTES:
        raise CustodyError(_("custody log line {n}: too long").format(n=number))
    try:
        obj = parse_untrusted_json(line, max_bytes=MAX_LINE_BYTES)
    except UntrustedJSONError as exc:
        raise CustodyError(_("custody log line {n}: {problem}").format(
            n=number, problem=str(exc).removeprefix("input is "))) from None
    if not isinstance(obj, dict):
        raise CustodyError(_("custody log line {n}: not a JSON object").format(n=number))
    try:
        canonical = canonical_json(obj)
    except ModelError:
        raise CustodyError(_("custody log line {n}: not representable as canonical "
                             "JSON").format(n=number)) from None
    if canonical != line:
        raise CustodyError(_("custody log line {n}: not in canonical form").format(n=number))
    return obj

