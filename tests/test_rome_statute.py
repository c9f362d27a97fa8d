"""The Rome Statute act vocabulary: codes, article references, search."""

from __future__ import annotations

import re

from evidence_app.rome_statute import ACTS, Act, is_act_code, search_acts

CODE_FORMAT = re.compile(r"RS-6-[a-e]|RS-7-1-[a-k]|RS-8-2-[abce]-[ivx]+")


def test_every_code_has_the_documented_format_and_matching_article_ref() -> None:
    for code, act in ACTS.items():
        assert act.code == code
        assert CODE_FORMAT.fullmatch(code), code
        parts = code.split("-")[1:]
        assert act.article_ref == f"Art. {parts[0]}" + "".join(f"({p})" for p in parts[1:])
        assert act.label and act.label == act.label.strip()


def test_genocide_and_crimes_against_humanity_are_complete() -> None:
    assert [c for c in ACTS if c.startswith("RS-6-")] == [f"RS-6-{x}" for x in "abcde"]
    assert [c for c in ACTS if c.startswith("RS-7-")] == [f"RS-7-1-{x}" for x in "abcdefghijk"]
    assert ACTS["RS-7-1-a"].label == "Murder"
    assert ACTS["RS-7-1-f"].label == "Torture"
    assert ACTS["RS-7-1-f"].article_ref == "Art. 7(1)(f)"
    assert ACTS["RS-7-1-d"].label == "Deportation or forcible transfer of population"
    assert ACTS["RS-7-1-i"].label == "Enforced disappearance of persons"
    assert ACTS["RS-7-1-j"].label == "The crime of apartheid"


def test_war_crimes_cover_the_common_items_with_correct_references() -> None:
    expected = {
        "RS-8-2-a-i": ("Art. 8(2)(a)(i)", "Wilful killing"),
        "RS-8-2-a-viii": ("Art. 8(2)(a)(viii)", "Taking of hostages"),
        "RS-8-2-b-i": ("Art. 8(2)(b)(i)", "civilian population"),
        "RS-8-2-b-xvi": ("Art. 8(2)(b)(xvi)", "Pillaging"),
        "RS-8-2-b-xxv": ("Art. 8(2)(b)(xxv)", "Starvation"),
        "RS-8-2-b-xxvi": ("Art. 8(2)(b)(xxvi)", "children under fifteen"),
        "RS-8-2-c-iii": ("Art. 8(2)(c)(iii)", "hostages"),
        "RS-8-2-e-viii": ("Art. 8(2)(e)(viii)", "displacement"),
    }
    for code, (ref, words) in expected.items():
        assert ACTS[code].article_ref == ref
        assert words in ACTS[code].label
    # (a) has exactly items (i)-(viii), (c) exactly (i)-(iv)
    assert sum(c.startswith("RS-8-2-a-") for c in ACTS) == 8
    assert sum(c.startswith("RS-8-2-c-") for c in ACTS) == 4


def test_search_by_code_label_or_reference_is_case_insensitive() -> None:
    assert [a.code for a in search_acts("torture")] == ["RS-7-1-f", "RS-8-2-a-ii", "RS-8-2-c-i"]
    assert search_acts("rs-7-1-f") == [ACTS["RS-7-1-f"]]
    assert search_acts("Art. 8(2)(b)(xxv)") == [ACTS["RS-8-2-b-xxv"]]
    assert search_acts("  ") == list(ACTS.values())
    assert search_acts("no such act") == []


def test_is_act_code_is_exact() -> None:
    assert is_act_code("RS-7-1-g")
    assert not is_act_code("rs-7-1-g")
    assert not is_act_code("RS-7-1-z")
    assert isinstance(ACTS["RS-7-1-g"], Act)
