"""verify_events: one structured verdict per custody event, the same checks as verify_chain."""

from __future__ import annotations

import copy
from typing import Any

from test_custody import CHAIN, OTHER, build

from crypto.identity import fingerprint_of
from evidence_app.custody import EventVerdict, event_hash, verify_chain, verify_events


def _chain() -> list[dict[str, Any]]:
    return copy.deepcopy(CHAIN)


def test_intact_chain_has_one_ok_verdict_per_event() -> None:
    verdicts = verify_events(_chain())
    assert [(v.index, v.seq, v.ok, v.problem) for v in verdicts] == [
        (i, i + 1, True, "") for i in range(len(CHAIN))
    ]


def test_altered_event_is_named_by_index_and_seq() -> None:
    events = _chain()
    events[2]["details"] = {"version": 99}
    verdicts = verify_events(events)
    assert [v.ok for v in verdicts] == [True, True, False, False]
    assert verdicts[2].seq == 3 and "altered: signature does not verify" in verdicts[2].problems
    # The event after it no longer links to it.
    assert verdicts[3].problems == ("altered: prev hash does not match the event before it",)


def test_malformed_event_has_no_seq_and_the_chain_goes_on() -> None:
    events: list[Any] = _chain()
    events[1] = "not an event"
    del events[3]["sig"]
    verdicts = verify_events(events)
    assert verdicts[1] == EventVerdict(1, None, ("malformed: not an object",))
    assert verdicts[3].seq is None and verdicts[3].problem.startswith("malformed: missing field")
    assert verdicts[0].ok and verdicts[2].ok  # seq 3 after a malformed event: no link check


def test_untrusted_and_wrong_chain() -> None:
    events = _chain() + build(1, chain="t2", start=5)
    verdicts = verify_events(events, trusted_keys={fingerprint_of(OTHER.public_key()):
                                                   OTHER.public_key()})
    assert all("untrusted: the signer is not a trusted key" in v.problems for v in verdicts)
    assert any(p.startswith("wrong chain") for p in verdicts[4].problems)


def test_verify_chain_is_the_verdicts_on_lines() -> None:
    events = _chain()
    events[0]["details"] = {"version": 7}
    lines = verify_chain(events, expected_head=event_hash(CHAIN[-1]))
    assert lines == [
        "event 0 (seq 1): altered: signature does not verify",
        "event 1 (seq 2): altered: prev hash does not match the event before it",
    ]
    assert verify_chain(events[:2], expected_head=event_hash(CHAIN[-1]))[-1].startswith("end:")
