"""Received updates embedded in an "imported" event (custody.flatten, verify_chain): the
embedded events get every check of a top-level event, and tampering is found even when
the embedding vault re-signs its own event."""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from crypto.identity import fingerprint_of
from evidence_app import custody
from evidence_app.custody import event_hash, flatten, received_lineage, verify_chain

CHAIN = "a" * 32
ALICE = Ed25519PrivateKey.generate()
BOB = Ed25519PrivateKey.generate()
SHA = "ab" * 32


def _fp(key: Ed25519PrivateKey) -> str:
    return fingerprint_of(key.public_key())


def _event(key: Ed25519PrivateKey, after: dict[str, Any] | None, action: str, *,
           chain: str = CHAIN, details: dict[str, Any] | None = None,
           seq: int | None = None, prev: str | None = None) -> dict[str, Any]:
    link_seq, link_prev = custody.next_link(after)
    return custody.make_event(
        chain=chain, seq=link_seq if seq is None else seq,
        prev_hash=link_prev if prev is None else prev, action=action, object_id=chain,
        object_sha256=SHA, details=details or {}, identity_signing_key=key,
        actor_fingerprint=_fp(key), time="2025-03-02T10:00:00Z")


def _alice_chain(n: int) -> list[dict[str, Any]]:
    """Alice's own chain: created, then n-1 edits/exports."""
    events = [_event(ALICE, None, "created")]
    for i in range(1, n):
        events.append(_event(ALICE, events[-1], "exported" if i % 2 else "edited"))
    return events


def _embed(top: list[dict[str, Any]], continues: str, received: list[Any],
           key: Ed25519PrivateKey = BOB) -> dict[str, Any]:
    """Bob's "imported" event embedding ``received``, signed by Bob (a vault that tampers
    with what it embeds signs its own event again)."""
    return _event(key, top[-1], "imported",
                  details={"bundle_id": "b" * 32, "received": {"continues": continues,
                                                               "events": received}})


@pytest.fixture
def bob_chain() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Bob's chain after one update, and Alice's full chain (e1 e2 | e3 e4)."""
    alice = _alice_chain(4)
    first = [*alice[:2], _event(BOB, alice[1], "imported", details={"bundle_id": "c" * 32})]
    return [*first, _embed(first, event_hash(alice[1]), alice[2:])], alice


def test_an_honest_update_verifies_and_flattens_in_order(bob_chain) -> None:
    bob, alice = bob_chain
    assert verify_chain(bob, chain=CHAIN) == []
    assert flatten(bob) == [*alice[:2], bob[2], *alice[2:], bob[3]]
    assert received_lineage(bob, _fp(BOB)) == alice


def test_nested_embedding_flattens_recursively_and_verifies() -> None:
    alice = _alice_chain(4)
    carol = Ed25519PrivateKey.generate()
    # Carol received e1 e2, then the update e3 e4; Bob received Carol's chain, then hers.
    c1 = _event(carol, alice[1], "imported", details={})
    c2 = _event(carol, c1, "imported", details={"received": {
        "continues": event_hash(alice[1]), "events": alice[2:]}})
    c3 = _event(carol, c2, "exported")
    bob = [*alice[:2], c1, _event(BOB, c1, "imported", details={})]
    bob.append(_embed(bob, event_hash(c1), [c2, c3]))
    assert verify_chain(bob, chain=CHAIN) == []
    assert flatten(bob) == [*alice[:2], c1, bob[3], *alice[2:], c2, c3, bob[4]]
    assert received_lineage(bob, _fp(BOB)) == [*alice[:2], c1, c2, c3]
    tampered = dict(alice[3], time="2025-03-03T10:00:00Z")
    c2_bad = _event(carol, c1, "imported", details={"received": {
        "continues": event_hash(alice[1]), "events": [alice[2], tampered]}})
    bad = [*bob[:4], _embed(bob[:4], event_hash(c1), [c2_bad])]
    assert any("received event 0 (seq 4): received event 1 (seq 4): altered: signature "
               "does not verify" in p for p in verify_chain(bad, chain=CHAIN))


def test_tampering_without_re_signing_breaks_the_embedding_signature(bob_chain) -> None:
    bob, _alice = bob_chain
    bob[3]["details"]["received"]["events"][0]["time"] = "2025-03-05T10:00:00Z"
    problems = verify_chain(bob, chain=CHAIN)
    assert "event 3 (seq 4): altered: signature does not verify" in problems


def test_an_altered_embedded_field_is_found(bob_chain) -> None:
    bob, alice = bob_chain
    changed = dict(alice[2], object_sha256="cd" * 32)
    problems = verify_chain([*bob[:3], _embed(bob[:3], event_hash(alice[1]),
                                               [changed, alice[3]])], chain=CHAIN)
    assert problems == [
        "event 3 (seq 4): received event 0 (seq 3): altered: signature does not verify",
        "event 3 (seq 4): received event 1 (seq 4): altered: prev hash does not match the "
        "event before it"]


def test_a_removed_embedded_event_is_found(bob_chain) -> None:
    bob, alice = bob_chain
    problems = verify_chain([*bob[:3], _embed(bob[:3], event_hash(alice[1]), [alice[3]])],
                            chain=CHAIN)
    assert problems == [
        "event 3 (seq 4): received event 0 (seq 4): removed: 1 event(s) missing after seq 2",
        "event 3 (seq 4): received event 0 (seq 4): altered: prev hash does not match the "
        "event before it"]


def test_reordered_embedded_events_are_found(bob_chain) -> None:
    bob, alice = bob_chain
    problems = verify_chain([*bob[:3], _embed(bob[:3], event_hash(alice[1]),
                                               [alice[3], alice[2]])], chain=CHAIN)
    assert "event 3 (seq 4): received event 1 (seq 3): reordered: seq 3 comes after seq 4" in (
        problems)
    assert len(problems) == 4  # both links wrong, and the first skips seq 3


def test_a_wrong_continues_is_found(bob_chain) -> None:
    bob, alice = bob_chain
    earlier = verify_chain([*bob[:3], _embed(bob[:3], event_hash(alice[0]), alice[2:])],
                           chain=CHAIN)
    assert earlier == [
        "event 3 (seq 4): received event 0 (seq 3): removed: 1 event(s) missing after seq 1",
        "event 3 (seq 4): received event 0 (seq 3): altered: prev hash does not match the "
        "event before it"]
    nowhere = verify_chain([*bob[:3], _embed(bob[:3], secrets.token_hex(32), alice[2:])],
                           chain=CHAIN)
    assert nowhere[0] == ("event 3 (seq 4): received events: they do not continue an earlier "
                          "event of this chain")
    # continues names a later event (Alice's own e3): not earlier in the flattened chain.
    later = verify_chain([*bob[:3], _embed(bob[:3], event_hash(alice[2]), alice[3:])],
                         chain=CHAIN)
    assert later[0] == ("event 3 (seq 4): received events: they do not continue an earlier "
                        "event of this chain")


def test_an_embedded_event_from_another_chain_is_found(bob_chain) -> None:
    bob, alice = bob_chain
    other = _event(ALICE, alice[2], "exported", chain="f" * 32)
    problems = verify_chain([*bob[:3], _embed(bob[:3], event_hash(alice[1]),
                                               [alice[2], other])], chain=CHAIN)
    assert problems == [f'event 3 (seq 4): received event 1 (seq 4): wrong chain: belongs to '
                        f'"{"f" * 32}", not "{CHAIN}"']


def test_a_forged_or_untrusted_embedded_signer_is_found(bob_chain) -> None:
    bob, alice = bob_chain
    forged = dict(alice[2], actor=_fp(BOB))
    problems = verify_chain([*bob[:3], _embed(bob[:3], event_hash(alice[1]),
                                               [forged, alice[3]])], chain=CHAIN)
    assert ("event 3 (seq 4): received event 0 (seq 3): forged: actor fingerprint does not "
            "match actor_key") in problems
    only_bob = {_fp(BOB): BOB.public_key()}
    untrusted = verify_chain(bob, chain=CHAIN, trusted_keys=only_bob)
    assert ("event 3 (seq 4): received event 0 (seq 3): untrusted: the signer is not a "
            "trusted key") in untrusted


@pytest.mark.parametrize("block", [
    "x", {"continues": SHA}, {"continues": "zz", "events": []},
    {"continues": SHA, "events": []}, {"continues": SHA, "events": [], "more": 1}])
def test_a_malformed_received_block_is_found(bob_chain, block: Any) -> None:
    bob, _alice = bob_chain
    event = _event(BOB, bob[2], "imported", details={"received": block})
    assert verify_chain([*bob[:3], event], chain=CHAIN) == [
        "event 3 (seq 4): received events: malformed block"]


def test_a_malformed_embedded_event_is_found(bob_chain) -> None:
    bob, alice = bob_chain
    missing = {k: v for k, v in alice[2].items() if k != "sig"}
    problems = verify_chain([*bob[:3], _embed(bob[:3], event_hash(alice[1]),
                                               [7, missing])], chain=CHAIN)
    assert problems[:2] == [
        "event 3 (seq 4): received event 0: malformed: not an object",
        "event 3 (seq 4): received event 1: malformed: missing field \"sig\""]
    assert flatten([*bob[:3], _embed(bob[:3], event_hash(alice[1]), [7, missing])])[3] == (
        missing)


def test_a_long_received_block_fits_one_custody_log_line(bob_chain) -> None:
    bob, _alice = bob_chain
    many = _alice_chain(120)
    first = [*many[:2], _event(BOB, many[1], "imported", details={})]
    chain = [*first, _embed(first, event_hash(many[1]), many[2:])]
    assert len(custody.to_jsonl(chain[-1:])) > 64 * 1024
    assert custody.from_jsonl(custody.to_jsonl(chain)) == chain
    assert verify_chain(chain, chain=CHAIN) == []
