"""Search and listing: Cyrillic (Russian, Tajik) full text, prefixes, filters, hostile queries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from records_support import new_vault, sample_testimony

from evidence_app import records
from evidence_app.errors import UserError
from evidence_app.records import Filters
from evidence_app.search import date_bounds, match_expression
from evidence_app.vault import Vault


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Vault, dict[str, str]]]:
    """A vault with four testimonies covering the search cases."""
    vault = new_vault(tmp_path_factory.mktemp("search") / "vault")
    ids = {
        "tajik": records.add_testimony(vault, sample_testimony()),
        "russian": records.add_testimony(vault, sample_testimony(
            title="Задержание на рынке", narrative="Его избили в отделении милиции.",
            notes="Свидетель боится мести.", witness={"pseudonym": "Ш-007"},
            consent={"given": True, "method": "written", "scope": ["un"],
                     "identity_disclosure": "none"},
            incidents=[{"date_from": "2021-11", "date_precision": "month",
                        "acts": ["RS-7-1-a"]}])),
        "english": records.add_testimony(vault, sample_testimony(
            title="Checkpoint", narrative="Detained at the checkpoint near the river.",
            notes=None, witness={"pseudonym": "W-100"}, consent=None,
            incidents=[{"date_from": "2019", "date_to": "2020", "date_precision": "year",
                        "acts": ["RS-7-1-f"]}])),
        "no_incident": records.add_testimony(vault, sample_testimony(
            title="Context only", narrative="General situation in the district.",
            notes=None, incidents=None, witness=None)),
    }
    records.set_status(vault, ids["tajik"], "complete")
    yield vault, ids
    vault.lock()


def _ids(items: list[records.TestimonySummary]) -> set[str]:
    return {s.id for s in items}


@pytest.mark.parametrize("word", ["ҳақиқат", "Ҳақиқат", "ҲАҚИҚАТ", "қишлоқ", "ӯро", "ҷавоби",
                                  "ғамхорӣ", "задержан", "ДОРОГИ", "W-014"])
def test_tajik_and_russian_words_are_found(corpus: tuple[Vault, dict[str, str]],
                                           word: str) -> None:
    vault, ids = corpus
    assert _ids(records.search(vault, word)) == {ids["tajik"]}


def test_tajik_letters_are_not_folded_away(corpus: tuple[Vault, dict[str, str]]) -> None:
    vault, _ = corpus
    # remove_diacritics 0: ӣ/ӯ/ҳ are letters of their own, not и/у/х with a mark.
    assert records.search(vault, "ғамхори") == []
    assert records.search(vault, "уро") == []


def test_prefix_search(corpus: tuple[Vault, dict[str, str]]) -> None:
    vault, ids = corpus
    assert _ids(records.search(vault, "ҳақ*")) == {ids["tajik"]}
    assert _ids(records.search(vault, "ҷав*")) == {ids["tajik"]}
    assert _ids(records.search(vault, "милиц*")) == {ids["russian"]}
    assert _ids(records.search(vault, "check*")) == {ids["english"]}
    assert records.search(vault, "ҳақ") == []  # without * a word must match whole


def test_all_words_must_occur_in_any_column(corpus: tuple[Vault, dict[str, str]]) -> None:
    vault, ids = corpus
    assert _ids(records.search(vault, "рынке мести")) == {ids["russian"]}  # title + notes
    assert _ids(records.search(vault, "Ш-007")) == {ids["russian"]}  # pseudonym
    assert records.search(vault, "рынке checkpoint") == []


@pytest.mark.parametrize("query", [
    '"', '""', "AND", "OR NOT", "NEAR(a b)", "title:Checkpoint", "^Checkpoint", "a AND (",
    "{title}: x", "*", "-", "Checkpoint\x00", "'; DROP TABLE testimonies; --", "a\"b", ")(",
])
def test_hostile_queries_never_reach_fts5_as_syntax(corpus: tuple[Vault, dict[str, str]],
                                                    query: str) -> None:
    vault, ids = corpus
    try:
        result = records.search(vault, query)
    except UserError as exc:
        assert "\n" not in str(exc)
        return
    assert _ids(result) <= set(ids.values())
    assert records.count_testimonies(vault) == 4


def test_operator_words_are_plain_words(corpus: tuple[Vault, dict[str, str]]) -> None:
    vault, ids = corpus
    assert records.search(vault, "narrative:checkpoint") == []  # not a column filter
    assert _ids(records.search(vault, "the checkpoint")) == {ids["english"]}
    assert records.search(vault, "Checkpoint OR рынке") == []  # OR is a word, not an operator


def test_empty_query_is_a_clean_error(corpus: tuple[Vault, dict[str, str]]) -> None:
    vault, _ = corpus
    for query in ("", "   ", '" * "'):
        with pytest.raises(UserError, match="no words"):
            records.search(vault, query)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_text_query_is_safe(corpus: tuple[Vault, dict[str, str]], query: str) -> None:
    vault, ids = corpus
    try:
        result = records.search(vault, query)
    except UserError:
        return
    assert _ids(result) <= set(ids.values())


def test_match_expression_quotes_every_word() -> None:
    assert match_expression('ҳақ* a"b NEAR') == '"ҳақ"* "a""b" "NEAR"'


def test_filters(corpus: tuple[Vault, dict[str, str]]) -> None:
    vault, ids = corpus

    def listed(**kw: str) -> set[str]:
        return _ids(records.list_testimonies(vault, filters=Filters(**kw)))

    assert listed(act_code="RS-7-1-f") == {ids["tajik"], ids["english"]}
    assert listed(act_code="RS-7-1-a") == {ids["russian"]}
    assert listed(act_code="RS-6-a") == set()
    assert listed(status="complete") == {ids["tajik"]}
    assert listed(status="draft") == {ids["russian"], ids["english"], ids["no_incident"]}
    assert listed(consent_scope="icc") == {ids["tajik"], ids["no_incident"]}
    assert listed(consent_scope="un") == {ids["russian"]}
    # Date ranges overlap incident ranges, widened by their precision.
    assert listed(incident_from="2022-05-18", incident_to="2022-05-18") == {ids["tajik"]}
    assert listed(incident_from="2021-11-30", incident_to="2021-12-01") == {ids["russian"]}
    assert listed(incident_from="2020-06") == {ids["tajik"], ids["russian"], ids["english"]}
    assert listed(incident_to="2019-01-01") == {ids["english"]}
    assert listed(incident_from="2023") == set()
    assert listed(act_code="RS-7-1-f", status="complete") == {ids["tajik"]}
    assert records.count_testimonies(vault, Filters(act_code="RS-7-1-f")) == 2
    assert _ids(records.search(vault, "checkpoint", filters=Filters(status="complete"))) == set()
    with pytest.raises(UserError):
        records.list_testimonies(vault, filters=Filters(incident_from="May 2022"))
    with pytest.raises(UserError):
        records.list_testimonies(vault, filters=Filters(status="closed"))


def test_summaries(corpus: tuple[Vault, dict[str, str]]) -> None:
    vault, ids = corpus
    by_id = {s.id: s for s in records.list_testimonies(vault)}
    tajik = by_id[ids["tajik"]]
    assert tajik.acts == ["RS-7-1-e", "RS-7-1-f"]
    assert tajik.pseudonym == "W-014" and tajik.has_consent and tajik.has_location
    assert tajik.status == "complete" and tajik.attachment_count == 0
    english = by_id[ids["english"]]
    assert not english.has_consent and not english.has_location
    assert by_id[ids["no_incident"]].pseudonym is None


def test_sorting_and_paging(corpus: tuple[Vault, dict[str, str]]) -> None:
    vault, ids = corpus
    newest = records.list_testimonies(vault)
    assert [s.updated_at for s in newest] == sorted((s.updated_at for s in newest), reverse=True)
    assert newest[0].id == ids["tajik"]  # marked complete last
    by_title = records.list_testimonies(vault, sort="title", descending=False)
    assert [s.title for s in by_title] == sorted(s.title for s in by_title)
    pages = [records.list_testimonies(vault, sort="created_at", offset=o, limit=2) for o in (0, 2)]
    assert [s.id for page in pages for s in page] == [
        s.id for s in records.list_testimonies(vault, sort="created_at")]
    with pytest.raises(UserError):
        records.list_testimonies(vault, sort="title; DROP TABLE x")
    with pytest.raises(UserError):
        records.list_testimonies(vault, limit=0)


def test_search_follows_the_current_version(tmp_path: Path) -> None:
    vault = new_vault(tmp_path / "v")
    try:
        tid = records.add_testimony(vault, sample_testimony())
        records.update_testimony(vault, tid, sample_testimony(title="Нав ном", narrative="дигар"))
        assert records.search(vault, "қишлоқ") == []
        assert _ids(records.search(vault, "дигар")) == {tid}
        assert records.list_testimonies(vault)[0].title == "Нав ном"
    finally:
        vault.lock()


def test_date_bounds() -> None:
    assert date_bounds("2022-05-18") == ("2022-05-18", "2022-05-18")
    assert date_bounds("2022-05") == ("2022-05-01", "2022-05-31")
    assert date_bounds("2022") == ("2022-01-01", "2022-12-31")
    assert date_bounds(None) == (None, None)
    assert date_bounds("May") == (None, None)


def test_filters_follow_the_current_version(tmp_path: Path) -> None:
    vault = new_vault(tmp_path / "v")
    try:
        tid = records.add_testimony(vault, sample_testimony())
        other = records.add_testimony(vault, sample_testimony())
        new_incident = [{"date_from": "2010", "date_precision": "year", "acts": ["RS-7-1-a"]}]
        records.update_testimony(vault, tid, sample_testimony(incidents=new_incident))
        assert _ids(records.list_testimonies(vault, filters=Filters(act_code="RS-7-1-f"))) == {
            other}
        assert _ids(records.list_testimonies(vault, filters=Filters(act_code="RS-7-1-a"))) == {
            tid}
        assert _ids(records.list_testimonies(
            vault, filters=Filters(incident_from="2010", incident_to="2010"))) == {tid}
        records.update_testimony(vault, tid, sample_testimony(incidents=None))
        assert records.list_testimonies(vault, filters=Filters(act_code="RS-7-1-a")) == []
        assert records.list_testimonies(vault)[0].acts == []
    finally:
        vault.lock()


def test_very_common_words_come_newest_first(corpus: tuple[Vault, dict[str, str]],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    vault, ids = corpus
    import evidence_app.search as search_module

    ranked = [s.id for s in records.search(vault, "W*")]
    monkeypatch.setattr(search_module, "RANK_LIMIT", 1)
    newest = records.search(vault, "W*")
    assert {s.id for s in newest} == set(ranked) == {ids["tajik"], ids["english"]}
    assert [s.updated_at for s in newest] == sorted((s.updated_at for s in newest), reverse=True)
    assert _ids(records.search(vault, "W*", filters=Filters(status="draft"))) == {ids["english"]}
    assert _ids(records.search(vault, "W*", limit=1)) == {ids["tajik"]}
    assert records.search(vault, "рынке") and records.search(vault, "nothingmatches") == []
