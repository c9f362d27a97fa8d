"""Testimony input validation, normalisation, completeness and canonical JSON."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidence_app.errors import UserError
from evidence_app.model import (
    CONSENT_SCOPES,
    INPUT_MAX_BYTES,
    SCHEMA_VERSION,
    Identity,
    ModelError,
    canonical_json,
    load_input,
    missing_for_complete,
    validate_input,
)

EXAMPLE: dict[str, Any] = {
    "title": "Detention at the district police station",
    "narrative": "The witness describes ...",
    "language": "tg",
    "witness": {"pseudonym": "W-014", "identity": {"name": "Witness Name", "contact": "+992"}},
    "interview": {
        "date": "2025-03-02",
        "place": "Dushanbe",
        "interviewer": "M. K.",
        "languages": ["tg", "ru"],
    },
    "consent": {
        "given": True,
        "method": "oral",
        "scope": ["coordinator", "icc"],
        "identity_disclosure": "none",
    },
    "incidents": [
        {
            "date_from": "2022-05-18",
            "date_to": "2022-05-18",
            "date_precision": "day",
            "place": "District police station",
            "acts": ["RS-7-1-e", "RS-7-1-f"],
            "perpetrators": "Police officers",
            "victims": "The witness",
        }
    ],
}


def example(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE)
    data.update(changes)
    return data


def error_of(data: object) -> str:
    with pytest.raises(ModelError) as info:
        validate_input(data)
    return str(info.value)


def test_the_brief_example_validates_and_is_complete() -> None:
    t = validate_input(EXAMPLE)
    assert t.title == "Detention at the district police station"
    assert t.languages == ("tg",)
    assert t.witness is not None and t.witness.pseudonym == "W-014"
    assert t.witness.identity == Identity(name="Witness Name", contact="+992")
    assert t.consent is not None and t.consent.scope == ("coordinator", "icc")
    assert t.incidents[0].acts == ("RS-7-1-e", "RS-7-1-f")
    assert t.status == "draft"
    assert missing_for_complete(t) == []
    assert t.has_consent
    assert t.act_codes() == ["RS-7-1-e", "RS-7-1-f"]


def test_identity_is_only_in_the_json_when_asked_for() -> None:
    t = validate_input(EXAMPLE)
    public = t.to_json_dict(include_identity=False)
    assert public["witness"] == {"pseudonym": "W-014"}
    assert "Witness Name" not in json.dumps(public)
    sealed = t.to_json_dict(include_identity=True)
    assert sealed["witness"]["identity"] == {"name": "Witness Name", "contact": "+992"}
    assert t.identity_dict() == {"name": "Witness Name", "contact": "+992"}
    assert validate_input(example(witness={"pseudonym": "W"})).identity_dict() == {}


def test_normalised_json_validates_back_to_the_same_object() -> None:
    t = validate_input(EXAMPLE)
    out = t.to_json_dict(include_identity=True)
    assert out["schema_version"] == SCHEMA_VERSION
    assert out["languages"] == ["tg"] and "language" not in out
    assert validate_input(out) == t
    assert validate_input(json.loads(canonical_json(out))) == t


def test_language_and_languages_are_merged_without_duplicates() -> None:
    t = validate_input({"title": "x", "language": "tg", "languages": ["ru", "tg", "uz-Cyrl"]})
    assert t.languages == ("tg", "ru", "uz-Cyrl")
    t = validate_input({"title": "x", "languages": ["ru"]})
    assert t.languages == ("ru",)


def test_strings_are_stripped_and_blank_means_absent() -> None:
    t = validate_input({"title": "  x  ", "narrative": "   ", "witness": {"identity": {}}})
    assert t.title == "x"
    assert t.narrative is None
    assert t.witness is not None and t.witness.identity is None
    assert error_of({"title": "   "}) == "$.title: is required"


def test_incident_dates_with_precision() -> None:
    t = validate_input(
        {
            "title": "x",
            "incidents": [
                {"date_from": "2022-05", "date_to": "2022-07", "date_precision": "month"},
                {"date_from": "2021"},  # precision inferred, date_to defaults to date_from
                {"date_precision": "unknown", "place": "somewhere"},
                {},
            ],
        }
    )
    a, b, c, d = t.incidents
    assert (a.date_precision, a.date_from, a.date_to) == ("month", "2022-05", "2022-07")
    assert (b.date_precision, b.date_from, b.date_to) == ("year", "2021", "2021")
    assert (c.date_precision, c.date_from, c.date_to) == ("unknown", None, None)
    assert d.date_precision == "unknown"


def test_interview_fields() -> None:
    t = validate_input(
        {
            "title": "x",
            "interview": {
                "date": "2025-03-02T14:30:00+05:00",
                "mode": "video",
                "interpreter": "I-2",
                "others_present": ["psychologist"],
                "prior_accounts": "Told the local ombudsman in 2023",
            },
        }
    )
    assert t.interview is not None
    assert t.interview.date == "2025-03-02T14:30:00+05:00"
    assert t.interview.prior_accounts == ("Told the local ombudsman in 2023",)
    t = validate_input({"title": "x", "interview": {"prior_accounts": ["a", "b"]}})
    assert t.interview is not None and t.interview.prior_accounts == ("a", "b")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"witnes": {}}, '$: unknown key "witnes"'),
        ({"witness": {"pseudonym": "W", "name": "x"}}, '$.witness: unknown key "name"'),
        ({"witness": {"identity": {"phone": "1"}}}, '$.witness.identity: unknown key "phone"'),
        ({"interview": {"when": "x"}}, '$.interview: unknown key "when"'),
        ({"consent": {"given": True, "scopes": []}}, '$.consent: unknown key "scopes"'),
        ({"incidents": [{}, {"act": []}]}, '$.incidents[1]: unknown key "act"'),
        (
            {"incidents": [{"acts": ["RS-7-1-a", "RS-7-1-z"]}]},
            '$.incidents[0].acts[1]: unknown act code "RS-7-1-z"',
        ),
        ({"incidents": [{"acts": ["RS-7-1-a", "RS-7-1-a"]}]}, "$.incidents[0].acts[1]: duplicate"),
        ({"incidents": [{"acts": [7]}]}, "$.incidents[0].acts[0]: must be an act code string"),
        (
            {"incidents": [{"date_from": "2022-05-19", "date_to": "2022-05-18"}]},
            "$.incidents[0].date_to: is before date_from",
        ),
        (
            {"incidents": [{"date_from": "2022-05", "date_precision": "day"}]},
            "$.incidents[0].date_from: must be YYYY-MM-DD for day precision",
        ),
        (
            {"incidents": [{"date_from": "2022-05", "date_to": "2022-05-01"}]},
            "$.incidents[0].date_to: must be YYYY-MM for month precision",
        ),
        ({"incidents": [{"date_from": "2022-02-30"}]}, "$.incidents[0].date_from: is not a real"),
        ({"incidents": [{"date_from": "2022-13"}]}, "$.incidents[0].date_from: is not a real"),
        (
            {"incidents": [{"date_precision": "unknown", "date_from": "2022"}]},
            "$.incidents[0].date_from: must be absent",
        ),
        (
            {"incidents": [{"date_precision": "month"}]},
            "$.incidents[0].date_from: is required for month precision",
        ),
        ({"incidents": [{"date_precision": "week"}]}, "$.incidents[0].date_precision: must be"),
        ({"incidents": {}}, "$.incidents: must be a list"),
        ({"consent": {"method": "oral"}}, "$.consent.given: must be true or false"),
        ({"consent": {"given": 1}}, "$.consent.given: must be true or false"),
        ({"consent": {"given": True, "scope": ["nato"]}}, "$.consent.scope[0]: must be one of"),
        (
            {"consent": {"given": True, "scope": ["un", "un"]}},
            '$.consent.scope[1]: duplicate value "un"',
        ),
        (
            {"consent": {"given": True, "date": "2025-03-02", "withdrawal_date": "2025-03-01"}},
            "$.consent.withdrawal_date: is before the consent date",
        ),
        ({"consent": {"given": True, "method": "email"}}, "$.consent.method: must be one of"),
        ({"interview": {"date": "02/03/2025"}}, "$.interview.date: must be an ISO 8601 date"),
        ({"interview": {"date": "2025-03-02T25:00"}}, "$.interview.date: is not a real date"),
        ({"interview": {"mode": "pigeon"}}, "$.interview.mode: must be one of"),
        ({"interview": {"others_present": [""]}}, "$.interview.others_present[0]: must not be"),
        ({"interview": {"languages": ["Tajik"]}}, "$.interview.languages[0]: must be a language"),
        ({"language": "tg_TJ"}, "$.language: must be a language code"),
        ({"status": "final"}, "$.status: must be one of: draft, complete"),
        ({"schema_version": 2}, "$.schema_version: must be 1"),
        ({"schema_version": True}, "$.schema_version: must be 1"),
        ({"title": 5}, "$.title: must be a string"),
        ({"title": "a\nb"}, "$.title: contains control characters"),
        ({"narrative": "a\x00b"}, "$.narrative: contains control characters"),
        ({"narrative": "\ud800"}, "$.narrative: is not valid Unicode text"),
        ({"title": "x" * 1001}, "$.title: is longer than 1000 characters"),
        ({"witness": []}, "$.witness: must be an object"),
    ],
)
def test_errors_name_the_exact_path(change: dict[str, Any], message: str) -> None:
    data = {"title": "t", **change}
    assert error_of(data).startswith(message)


def test_error_is_a_one_line_user_error_without_free_text() -> None:
    secret = "Secret Name of a witness"
    with pytest.raises(UserError) as info:
        validate_input({"title": secret, "witness": {"identity": {"name": 5}}})
    assert str(info.value) == "$.witness.identity.name: must be a string"
    assert isinstance(info.value, ModelError) and info.value.path == "$.witness.identity.name"
    long_key = "k\n" * 100
    message = error_of({"title": "t", long_key: 1})
    assert "\n" not in message and len(message) < 80
    assert secret not in error_of({"title": "t", "narrative": secret + "\x01"})


def test_top_level_must_be_an_object() -> None:
    assert error_of([EXAMPLE]) == "$: must be an object"
    assert error_of(None) == "$: must be an object"


def test_lists_are_bounded() -> None:
    assert error_of({"title": "t", "incidents": [{}] * 1001}).startswith(
        "$.incidents: has more than"
    )


def test_load_input_is_strict_json() -> None:
    assert load_input(json.dumps(EXAMPLE).encode()) == validate_input(EXAMPLE)
    cases = {
        b'{"title": "a", "title": "b"}': 'duplicate key "title"',
        b'{"title": NaN}': "NaN is not allowed",
        b'{"title": "a"': "not valid JSON",
        b'{"title": "\xff"}': "input is not UTF-8",
        b"[" * 100_000: "",
    }
    for raw, words in cases.items():
        with pytest.raises(ModelError) as info:
            load_input(raw)
        assert words in str(info.value)
    with pytest.raises(ModelError, match="too large"):
        load_input(b" " * (INPUT_MAX_BYTES + 1))


def test_missing_for_complete_names_each_blocker() -> None:
    assert missing_for_complete(validate_input({"title": "t"})) == [
        "$.narrative: the testimony text is empty",
        "$.witness.pseudonym: the witness has no pseudonym",
        "$.interview.date: the interview date is missing",
        "$.interview.interviewer: the interviewer is missing",
        "$.consent.given: informed consent is not recorded as given",
    ]
    refused = example(consent={"given": False})
    assert missing_for_complete(validate_input(refused)) == [
        "$.consent.given: informed consent is not recorded as given"
    ]
    bare = example(consent={"given": True, "withdrawal_date": "2025-04-01"})
    assert [m.split(":")[0] for m in missing_for_complete(validate_input(bare))] == [
        "$.consent.withdrawal_date",
        "$.consent.method",
        "$.consent.scope",
        "$.consent.identity_disclosure",
    ]
    assert not validate_input(bare).has_consent
    assert missing_for_complete(validate_input(example(incidents=[]))) == []


def test_canonical_json() -> None:
    assert (
        canonical_json({"b": 1, "a": ["é", None, True]}) == '{"a":["é",null,true],"b":1}'.encode()
    )
    with pytest.raises(ModelError):
        canonical_json({"x": float("nan")})
    with pytest.raises(ModelError):
        canonical_json({"x": "\udc00"})
    with pytest.raises(ModelError):
        canonical_json({1: object()})


text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=20)
incident = st.fixed_dictionaries(
    {},
    optional={
        "date_from": st.sampled_from(["2022-05-18", "2022-05", "2022"]),
        "place": text,
        "acts": st.lists(st.sampled_from(["RS-6-a", "RS-7-1-g", "RS-8-2-e-v"]), unique=True),
        "victims": text,
    },
)
testimony = st.fixed_dictionaries(
    {"title": text.filter(str.strip)},
    optional={
        "narrative": text,
        "language": st.sampled_from(["tg", "ru", "en-GB"]),
        "status": st.sampled_from(["draft", "complete"]),
        "witness": st.fixed_dictionaries(
            {}, optional={"pseudonym": text, "identity": st.fixed_dictionaries({"name": text})}
        ),
        "consent": st.fixed_dictionaries(
            {"given": st.booleans()},
            optional={"scope": st.lists(st.sampled_from(sorted(CONSENT_SCOPES)), unique=True)},
        ),
        "incidents": st.lists(incident, max_size=3),
    },
)


@settings(max_examples=150, deadline=None)
@given(testimony)
def test_normalisation_round_trips(data: dict[str, Any]) -> None:
    t = validate_input(data)
    again = validate_input(json.loads(canonical_json(t.to_json_dict(include_identity=True))))
    assert again == t
    public = validate_input(t.to_json_dict(include_identity=False))
    assert public.identity_dict() == {}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["title", "witness", "acts", "x", "date_from"]), inner)
    ),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_hostile_input_only_raises_model_error(data: object) -> None:
    try:
        validate_input(data)
    except ModelError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_hostile_bytes_only_raise_model_error(data: bytes) -> None:
    try:
        assert load_input(b'{"title": "t", "notes": ' + data).title == "t"
    except ModelError:
        pass
