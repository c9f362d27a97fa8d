"""The testimony list model pages lazily, sorts and filters through its source."""

from __future__ import annotations

import threading

import pytest

from evidence_app.search import Filters
from evidence_app.search import TestimonySummary as Summary
from ui.testimony_list import PAGE_SIZE, TestimonyListPanel, TestimonyTableModel

pytestmark = pytest.mark.gui


class FakeSource:
    """100,000 generated testimonies; records every call so tests can see what was asked."""

    def __init__(self, n: int = 100_000) -> None:
        self.n = n
        self.pages: list[tuple[int, int, str, bool, Filters | None]] = []
        self.searches: list[str] = []
        self.search_threads: list[threading.Thread] = []

    def _row(self, i: int) -> Summary:
        return Summary(
            id=f"id{i:06d}", title=f"Testimony {i:06d}", status="draft" if i % 2 else "complete",
            updated_at=f"2026-01-01T00:00:{i % 60:02d}Z", created_at="2026-01-01T00:00:00Z",
            pseudonym=f"W{i}", has_consent=i % 3 != 0, has_location=i % 5 == 0,
            attachment_count=i % 4, acts=["RS-7-1-f"] if i % 7 == 0 else [],
        )

    def _matching(self, filters: Filters | None) -> int:
        return self.n // 2 if filters and filters.status else self.n

    def count(self, filters: Filters | None) -> int:
        return self._matching(filters)

    def page(self, offset, limit, sort, descending, filters):
        self.pages.append((offset, limit, sort, descending, filters))
        total = self._matching(filters)
        idx = range(offset, min(offset + limit, total))
        return [self._row(total - 1 - i if descending else i) for i in idx]

    def search(self, query, filters, limit):
        self.searches.append(query)
        self.search_threads.append(threading.current_thread())
        return [self._row(i) for i in range(3)]


def test_model_fetches_one_page_of_100k(qtbot):
    source = FakeSource()
    panel = TestimonyListPanel(source)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    qtbot.waitExposed(panel)
    model = panel.model
    assert model.total == 100_000
    assert model.fetched == PAGE_SIZE
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    assert source.pages == [(0, PAGE_SIZE, "updated_at", True, None)]
    panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.fetched > PAGE_SIZE)
    assert model.fetched < 100_000
    assert panel.count_label.text() == "Testimonies: 100000"


def test_sort_and_filter_go_to_the_source(qtbot):
    source = FakeSource(1000)
    model = TestimonyTableModel(source)
    model.sort(TestimonyTableModel.COL_TITLE)
    assert source.pages[-1][:4] == (0, PAGE_SIZE, "title", False)
    assert model.data(model.index(0, TestimonyTableModel.COL_TITLE)) == "Testimony 000000"
    model.sort(TestimonyTableModel.COL_FILES)  # not sortable in the core: ignored
    assert source.pages[-1][2] == "title"
    model.apply("", Filters(status="draft"))
    assert model.total == 500
    assert source.pages[-1][4] == Filters(status="draft")


def test_badges(qtbot):
    model = TestimonyTableModel(FakeSource(10))
    # Descending order: row 2 is item 7 (draft, has consent), row 9 is item 0.
    flags = model.data(model.index(9, 0), TestimonyTableModel.FLAGS_ROLE)
    assert flags == ["no consent", "has location data"]
    assert model.data(model.index(2, 0), TestimonyTableModel.FLAGS_ROLE) == ["draft"]


def test_search_box_replaces_rows_and_rejects_empty_words(qtbot):
    source = FakeSource(1000)
    panel = TestimonyListPanel(source)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.searched):
        panel.search_box.setText("torture")
    assert source.searches == ["torture"]
    assert source.search_threads[0] is not threading.main_thread()  # off the GUI thread
    assert panel.model.total == 3
    assert not panel.model.canFetchMore()
    panel.search_box.setText("")
    qtbot.waitUntil(lambda: panel.model.total == 1000)
