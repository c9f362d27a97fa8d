"""The published JSON Schema and docs agree with the validator in evidence_app/model.py."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from evidence_app import model
from evidence_app.rome_statute import ACTS

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs/schema/testimony-input.schema.json").read_text("utf-8"))
DOC = (ROOT / "docs/evidence-model.md").read_text("utf-8")

VALIDATOR_KEYS = {
    "$": model.TOP_KEYS,
    "$.witness": model.WITNESS_KEYS,
    "$.witness.identity": model.IDENTITY_KEYS,
    "$.interview": model.INTERVIEW_KEYS,
    "$.consent": model.CONSENT_KEYS,
    "$.incidents[]": model.INCIDENT_KEYS,
}


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref is None:
        return node
    assert ref.startswith("#/$defs/")
    resolved: dict[str, Any] = SCHEMA["$defs"][ref.removeprefix("#/$defs/")]
    return resolved


def walk(node: dict[str, Any], path: str, found: dict[str, set[str]]) -> None:
    """Collect the property names of every object level, following $ref, items and anyOf."""
    node = resolve(node)
    if "properties" in node:
        assert node.get("additionalProperties") is False, path
        assert path not in found, path
        found[path] = set(node["properties"])
        for key, sub in node["properties"].items():
            walk(sub, f"{path}.{key}" if path != "$" else f"$.{key}", found)
    if "items" in node:
        walk(node["items"], f"{path}[]", found)
    for branch in node.get("anyOf", []) + node.get("oneOf", []):
        walk(branch, path, found)


def test_schema_and_validator_allow_the_same_keys_at_every_level() -> None:
    found: dict[str, set[str]] = {}
    walk(SCHEMA, "$", found)
    assert found == {path: set(keys) for path, keys in VALIDATOR_KEYS.items()}


@pytest.mark.parametrize("path", sorted(VALIDATOR_KEYS))
def test_validator_refuses_an_unknown_key_at_each_level(path: str) -> None:
    data: dict[str, Any] = {"title": "t"}
    target = {
        "$": data,
        "$.witness": data.setdefault("witness", {}),
        "$.witness.identity": data["witness"].setdefault("identity", {}),
        "$.interview": data.setdefault("interview", {}),
        "$.consent": data.setdefault("consent", {"given": True}),
        "$.incidents[]": data.setdefault("incidents", [{}])[0],
    }[path]
    target["surplus"] = 1
    with pytest.raises(model.ModelError) as info:
        model.validate_input(data)
    assert str(info.value) == f'{path.replace("[]", "[0]")}: unknown key "surplus"'


def test_schema_vocabularies_match_the_code() -> None:
    defs = SCHEMA["$defs"]
    assert defs["act_code"]["enum"] == list(ACTS)
    consent = defs["consent"]["properties"]
    assert consent["scope"]["items"]["enum"] == list(model.CONSENT_SCOPES)
    assert consent["method"]["enum"] == [*model.CONSENT_METHODS, None]
    assert consent["identity_disclosure"]["enum"] == [*model.IDENTITY_DISCLOSURE, None]
    assert defs["interview"]["properties"]["mode"]["enum"] == [*model.INTERVIEW_MODES, None]
    assert defs["incident"]["properties"]["date_precision"]["enum"] == [
        *model.DATE_PRECISIONS,
        None,
    ]
    assert SCHEMA["properties"]["status"]["enum"] == [*model.STATUSES, None]
    assert SCHEMA["properties"]["schema_version"]["const"] == model.SCHEMA_VERSION
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_example_in_the_docs_validates() -> None:
    blocks = re.findall(r"```json\n(.*?)```", DOC, flags=re.DOTALL)
    assert len(blocks) >= 3
    for block in blocks:
        t = model.load_input(block.encode("utf-8"))
        assert t.title


def test_the_first_docs_example_is_complete() -> None:
    first = re.findall(r"```json\n(.*?)```", DOC, flags=re.DOTALL)[0]
    assert model.missing_for_complete(model.load_input(first)) == []
