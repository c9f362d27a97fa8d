"""No plaintext on disk: every canary written through the app stays inside the encryption.

Every text field (the sealed identity included), an attachment's content and its original
file name carry canary strings. Afterwards every byte under the vault folder and the temp
folder is scanned for each canary as UTF-8, UTF-16-LE/BE and base64 (all 3 alignments).
"""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path

import pytest
from records_support import PHOTOS, new_vault

from evidence_app import records

CANARIES = {
    "title": "CanaryTitle7q2W",
    "narrative": "CanaryNarrativeZ9x1",
    "narrative_cyr": "КанарейкаҲақиқатӯ",
    "notes": "CanaryNotesR4t8",
    "pseudonym": "CanaryPseudonym3k",
    "name": "CanaryWitnessName5m",
    "contact": "CanaryContact0p9",
    "details": "CanaryDetailsL1v",
    "place": "CanaryInterviewPlace2",
    "interviewer": "CanaryInterviewerJ6",
    "interpreter": "CanaryInterpreterK7",
    "restrictions": "CanaryRestrictionsB8",
    "incident_place": "CanaryIncidentPlaceN3",
    "perpetrators": "CanaryPerpetratorsQ5",
    "victims": "CanaryVictimsU2",
    "description": "CanaryDescriptionY4",
    "file_content": "CanaryFileContentH7s",
    "file_name": "CanaryFileNameG8d",
}


def _data() -> dict[str, object]:
    c = CANARIES
    return {
        "title": c["title"], "narrative": f"{c['narrative']} {c['narrative_cyr']}",
        "notes": c["notes"], "language": "tg",
        "witness": {"pseudonym": c["pseudonym"],
                    "identity": {"name": c["name"], "contact": c["contact"],
                                 "details": c["details"]}},
        "interview": {"date": "2025-03-02", "place": c["place"], "interviewer": c["interviewer"],
                      "interpreter": c["interpreter"]},
        "consent": {"given": True, "method": "oral", "scope": ["coordinator"],
                    "identity_disclosure": "none", "restrictions": c["restrictions"]},
        "incidents": [{"date_from": "2022-05", "date_precision": "month",
                       "place": c["incident_place"], "acts": ["RS-7-1-e"],
                       "perpetrators": c["perpetrators"], "victims": c["victims"],
                       "description": c["description"]}],
    }


def _needles(text: str) -> list[bytes]:
    raw = text.encode("utf-8")
    found = [raw, text.encode("utf-16-le"), text.encode("utf-16-be")]
    for shift in range(3):
        part = raw[shift:]
        found.append(base64.b64encode(part[: len(part) // 3 * 3]))
    return found


def _scan(folders: list[Path]) -> list[str]:
    hits = []
    files = [p for folder in folders for p in folder.rglob("*") if p.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        for label, text in CANARIES.items():
            if any(needle in data for needle in _needles(text)):
                hits.append(f"{label} in {path}")
    return hits


def test_needles_find_what_they_should() -> None:
    """The scanner itself works: each encoding of a canary, at any alignment, is found."""
    text = CANARIES["title"]
    for prefix in (b"", b"a", b"ab"):
        blob = base64.b64encode(prefix + text.encode() + b"tail")
        assert any(n in blob for n in _needles(text))
    assert any(n in b"xx" + text.encode("utf-16-be") for n in _needles(text))


def test_no_canary_anywhere_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "tmpdir"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    assert Path(tempfile.gettempdir()) == temp

    source = tmp_path / "source"
    source.mkdir()
    attachment = source / f"{CANARIES['file_name']}.txt"
    attachment.write_text(f"{CANARIES['file_content']}\n" * 1000)
    photo = source / f"{CANARIES['file_name']}-photo.jpg"
    photo.write_bytes((PHOTOS / "jpg_gps_DSCN0010.jpg").read_bytes())

    vault_dir = tmp_path / "vault"
    vault = new_vault(vault_dir)
    try:
        tid = records.add_testimony(vault, _data(), [attachment])
        records.attach(vault, tid, [photo])
        data = _data()
        data["notes"] = f"{CANARIES['notes']} edited"
        records.update_testimony(vault, tid, data)
        records.set_status(vault, tid, "complete")
        assert records.search(vault, CANARIES["narrative"])[0].id == tid
        assert records.check_vault(vault) == []
        for info in records.get_testimony(vault, tid)["attachments"]:
            records.thumbnail(vault, info["id"])
        assert _scan([vault_dir, temp]) == []
    finally:
        vault.lock()
    assert _scan([vault_dir]) == []
    assert [p for p in temp.rglob("*") if p.is_file()] == []
