"""Custody chain: signed, hash-chained events; each kind of tampering is detected and named."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from crypto.identity import fingerprint_of
from crypto.sshsig import CUSTODY_NAMESPACE, allowed_signers_line, verify
from evidence_app import custody
from evidence_app.custody import (
    CustodyError,
    armor_signature,
    event_hash,
    from_jsonl,
    make_event,
    next_link,
    signed_bytes,
    to_jsonl,
    verify_chain,
)
from evidence_app.errors import UserError
from evidence_app.model import canonical_json

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OTHER = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
FP = fingerprint_of(KEY.public_key())
OTHER_FP = fingerprint_of(OTHER.public_key())
HASH = hashlib.sha256(b"testimony version 1").hexdigest()


def build(
    n: int = 4, chain: str = "t1", key: Ed25519PrivateKey = KEY, start: int = 1
) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    actions = ["created", "edited", "attachment_added", "exported", "status_changed"]
    prev = None if start == 1 else "0" * 64
    for i in range(n):
        event = make_event(
            chain=chain,
            seq=start + i,
            prev_hash=prev,
            action=actions[i % len(actions)],
            object_id=f"obj{i}",
            object_sha256=HASH,
            details={"version": i + 1, "note_id": "a1b2"},
            identity_signing_key=key,
            actor_fingerprint=fingerprint_of(key.public_key()),
            time=f"2025-03-02T10:00:0{i % 10}Z",
        )
        events.append(event)
        prev = event_hash(event)
    return events


CHAIN = build()


def chain() -> list[dict[str, Any]]:
    return copy.deepcopy(CHAIN)


def problems_with(events: list[dict[str, Any]], **kw: Any) -> str:
    problems = verify_chain(events, **kw)
    assert problems, "tampering was not detected"
    return "\n".join(problems)


# --- making events -----------------------------------------------------------------------


def test_event_shape_and_intact_chain() -> None:
    first = CHAIN[0]
    assert set(first) == custody.EVENT_KEYS
    assert (first["v"], first["seq"], first["prev"], first["chain"]) == (1, 1, None, "t1")
    assert first["actor"] == FP
    assert first["actor_key"].startswith("ssh-ed25519 AAAA")
    assert CHAIN[1]["prev"] == event_hash(CHAIN[0])
    assert verify_chain(CHAIN) == []
    assert verify_chain(CHAIN, chain="t1", trusted_keys={FP: KEY.public_key()}) == []
    assert verify_chain(CHAIN, expected_head=event_hash(CHAIN[-1])) == []
    assert verify_chain([]) == []


def test_hash_and_signature_are_over_canonical_json() -> None:
    event = CHAIN[2]
    assert event_hash(event) == hashlib.sha256(canonical_json(event)).hexdigest()
    without_sig = {k: v for k, v in event.items() if k != "sig"}
    assert signed_bytes(event) == canonical_json(without_sig)
    assert "\n" not in event["sig"] and base64.b64decode(event["sig"]).startswith(b"SSHSIG")
    signer = verify(armor_signature(event["sig"]), signed_bytes(event), CUSTODY_NAMESPACE)
    assert fingerprint_of(signer) == FP


def test_next_link() -> None:
    assert next_link(None) == (1, None)
    assert next_link(CHAIN[-1]) == (5, event_hash(CHAIN[-1]))


def test_default_time_is_utc_now() -> None:
    event = make_event(chain="vault", seq=1, prev_hash=None, action="shredded", object_id="v",
                       object_sha256=None, details={}, identity_signing_key=KEY,
                       actor_fingerprint=FP)  # fmt: skip
    assert event["time"].endswith("Z") and verify_chain([event]) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"actor_fingerprint": OTHER_FP}, "actor fingerprint does not match the signing key"),
        ({"action": "deleted"}, "invalid action"),
        ({"object_sha256": "ABC"}, "invalid object_sha256"),
        ({"time": "2025-03-02 10:00:00"}, "invalid time"),
        ({"time": "2025-02-30T10:00:00Z"}, "invalid time"),
        ({"seq": 0}, "invalid seq"),
        ({"seq": 2}, "missing for seq > 1"),
        ({"prev_hash": HASH}, "seq 1 has no previous event"),
        ({"chain": "has space"}, "invalid chain"),
        ({"details": {"x": float("nan")}}, "invalid details"),
        ({"details": {"x": object()}}, "invalid details"),
    ],
)
def test_make_event_refuses_invalid_fields(change: dict[str, Any], message: str) -> None:
    args: dict[str, Any] = dict(chain="t1", seq=1, prev_hash=None, action="created",
                                object_id="o", object_sha256=HASH, details={},
                                identity_signing_key=KEY, actor_fingerprint=FP)  # fmt: skip
    args.update(change)
    with pytest.raises(CustodyError, match=message) as info:
        make_event(**args)
    assert isinstance(info.value, UserError)


# --- each kind of tampering --------------------------------------------------------------


def test_removed_event_in_the_middle() -> None:
    events = chain()
    del events[1]
    text = problems_with(events)
    assert "event 1 (seq 3): removed: 1 event(s) missing after seq 1" in text
    assert "altered: prev hash does not match" in text


def test_removed_first_events() -> None:
    text = problems_with(chain()[2:])
    assert "event 0 (seq 3): removed: the chain starts at seq 3, not 1" in text


def test_removed_last_events_need_the_expected_head() -> None:
    events = chain()
    head = event_hash(events[-1])
    assert verify_chain(events[:-1]) == []  # undetectable from the chain alone
    assert "removed: the chain does not end at the expected last event" in problems_with(
        events[:-1], expected_head=head
    )


def test_reordered_events() -> None:
    events = chain()
    events[1], events[2] = events[2], events[1]
    text = problems_with(events)
    assert "event 2 (seq 2): reordered: seq 2 comes after seq 3" in text


def test_duplicated_event() -> None:
    events = chain()
    events.insert(2, events[1])
    assert "reordered: seq 2 comes after seq 2" in problems_with(events)


def test_altered_event() -> None:
    events = chain()
    events[1]["details"]["version"] = 99
    text = problems_with(events)
    assert "event 1 (seq 2): altered: signature does not verify" in text
    assert "event 2 (seq 3): altered: prev hash does not match" in text


def test_altered_signature() -> None:
    events = chain()
    other = build(1, key=OTHER)[0]
    events[0]["sig"] = other["sig"]
    assert "event 0 (seq 1): altered: signature does not verify" in problems_with(events)


def test_forged_actor() -> None:
    """Re-signed with another key while still naming the original actor."""
    events = chain()
    forged = make_event(chain="t1", seq=2, prev_hash=events[1]["prev"], action="edited",
                        object_id="obj1", object_sha256=HASH, details={"version": 7},
                        identity_signing_key=OTHER, actor_fingerprint=OTHER_FP,
                        time=events[1]["time"])  # fmt: skip
    forged["actor"] = FP
    events[1] = forged
    text = problems_with(events)
    assert "event 1 (seq 2): forged: actor fingerprint does not match actor_key" in text


def test_whole_chain_rewritten_by_another_key_is_untrusted() -> None:
    rewritten = build(key=OTHER)
    assert verify_chain(rewritten) == []  # self-consistent...
    text = problems_with(rewritten, trusted_keys={FP: KEY.public_key()})
    assert "untrusted: the signer is not a trusted key" in text
    text = problems_with(rewritten, trusted_keys={OTHER_FP: KEY.public_key()})
    assert "untrusted: actor_key differs from the trusted key" in text


def test_wrong_chain() -> None:
    events = chain()
    events[2] = build(3, chain="t2")[2]
    text = problems_with(events)
    assert 'event 2 (seq 3): wrong chain: belongs to "t2", not "t1"' in text
    assert "wrong chain" in problems_with(chain(), chain="t2")


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda e: e.pop("sig"), 'malformed: missing field "sig"'),
        (lambda e: e.update(extra=1), 'malformed: unknown field "extra"'),
        (lambda e: e.update(seq="2"), "malformed: invalid seq"),
        (lambda e: e.update(seq=True), "malformed: invalid seq"),
        (lambda e: e.update(v=2), "malformed: invalid v"),
        (lambda e: e.update(sig="not base64!"), "malformed: invalid sig"),
        (lambda e: e.update(actor_key="ssh-rsa AAAA"), "malformed: invalid actor_key"),
        (lambda e: e.update(actor_key="ssh-ed25519 AAAA"), "malformed: invalid actor_key"),
        (lambda e: e.update(details=[]), "malformed: invalid details"),
        (lambda e: e.update(details={"x": "\ud800"}), "malformed: invalid details"),
    ],
)
def test_malformed_event(mutate: Any, message: str) -> None:
    events = chain()
    mutate(events[1])
    first = problems_with(events).splitlines()[0]
    assert first.startswith("event 1") and first.endswith(message)


def test_not_an_object() -> None:
    hostile: list[Any] = [[], "x"]
    assert verify_chain(hostile) == [
        "event 0: malformed: not an object",
        "event 1: malformed: not an object",
    ]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(
    index=st.integers(0, len(CHAIN) - 1),
    key=st.sampled_from(sorted(custody.EVENT_KEYS)),
    how=st.sampled_from(["replace", "delete", "add"]),
    value=JSON,
)
def test_any_single_event_mutation_is_detected(index: int, key: str, how: str, value: Any) -> None:
    events = chain()
    target = events[index]
    if how == "replace":
        assume(canonical_json(target[key]) != canonical_json(value))
        target[key] = value
    elif how == "delete":
        del target[key]
    else:
        target["x_" + key] = value
    assert verify_chain(events) != []


@settings(max_examples=200, deadline=None)
@given(st.lists(JSON, max_size=4))
def test_verify_chain_never_raises_on_hostile_structures(events: list[Any]) -> None:
    problems = verify_chain(events, expected_head="0" * 64)
    assert problems


# --- JSON Lines --------------------------------------------------------------------------


def test_jsonl_round_trip() -> None:
    data = to_jsonl(CHAIN)
    assert data.count(b"\n") == len(CHAIN) and data.endswith(b"\n")
    assert data.splitlines()[0] == canonical_json(CHAIN[0])
    assert from_jsonl(data) == CHAIN
    assert from_jsonl(b"") == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"a":1}', "does not end with a newline"),
        (b'{"a":1}\n\n', "line 2: not valid JSON"),
        (b'{"a":1,"a":2}\n', "line 1: not valid JSON"),
        (b'{"a":NaN}\n', "line 1: not valid JSON"),
        (b'{"a":"\xff"}\n', "line 1: not UTF-8"),
        (b"[1]\n", "line 1: not a JSON object"),
        (b'{"b":1,"a":2}\n', "line 1: not in canonical form"),
        (b'{"a": 1}\n', "line 1: not in canonical form"),
        (b'{"a":"\\u00e9"}\n', "line 1: not in canonical form"),
        (b'{"a":"\\ud800"}\n', "line 1: not representable as canonical JSON"),
        (b'{"a":' + b"[" * 30_000 + b"]" * 30_000 + b"}\n", "line 1: nested too deeply"),
        (b'{"a":"' + b"x" * custody.MAX_LINE_BYTES + b'"}\n', "line 1: too long"),
    ],
)
def test_from_jsonl_refuses_hostile_logs(data: bytes, message: str) -> None:
    with pytest.raises(CustodyError, match=message):
        from_jsonl(data)


def test_from_jsonl_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(custody, "MAX_EVENTS", 3)
    with pytest.raises(CustodyError, match="too many events"):
        from_jsonl(to_jsonl(CHAIN))
    monkeypatch.setattr(custody, "MAX_LOG_BYTES", 100)
    with pytest.raises(CustodyError, match="too large"):
        from_jsonl(to_jsonl(CHAIN))


# --- interop -----------------------------------------------------------------------------


@pytest.mark.interop
def test_event_signature_verifies_with_ssh_keygen(tmp_path: Path, tool: Any) -> None:
    ssh_keygen = tool("ssh-keygen")
    event = CHAIN[1]
    (tmp_path / "event.sig").write_text(armor_signature(event["sig"]))
    (tmp_path / "event.json").write_bytes(signed_bytes(event))
    (tmp_path / "allowed_signers").write_text(
        allowed_signers_line("custodian@example", KEY.public_key(), [CUSTODY_NAMESPACE]) + "\n"
    )

    def ssh_verify(message: Path) -> subprocess.CompletedProcess[bytes]:
        with message.open("rb") as stdin:
            return subprocess.run(
                [ssh_keygen, "-Y", "verify", "-f", str(tmp_path / "allowed_signers"),
                 "-I", "custodian@example", "-n", CUSTODY_NAMESPACE,
                 "-s", str(tmp_path / "event.sig")],
                stdin=stdin, capture_output=True, check=False,
            )  # fmt: skip

    good = ssh_verify(tmp_path / "event.json")
    assert good.returncode == 0, good.stderr
    assert b"Good" in good.stdout
    altered = json.loads(signed_bytes(event))
    altered["details"]["version"] = 3
    (tmp_path / "altered.json").write_bytes(canonical_json(altered))
    assert ssh_verify(tmp_path / "altered.json").returncode != 0
