"""The testimony list model pages lazily, sorts and filters through its source."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from evidence_app.errors import UserError
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
        self.page_threads: list[threading.Thread] = []
        self.gate = threading.Event()  # cleared: page() waits (a slow disk)
        self.gate.set()
        self.titles: dict[str, str] = {}  # edits: id -> new title
        self.fail_next = False

    def _row(self, i: int) -> Summary:
        tid = f"id{i:06d}"
        return Summary(
            id=tid, title=self.titles.get(tid, f"Testimony {i:06d}"),
            status="draft" if i % 2 else "complete",
            updated_at=f"2026-01-01T00:00:{i % 60:02d}Z", created_at="2026-01-01T00:00:00Z",
            pseudonym=f"W{i}", has_consent=i % 3 != 0, has_location=i % 5 == 0,
            attachment_count=i % 4, acts=["RS-7-1-f"] if i % 7 == 0 else [],
        )

    def _matching(self, filters: Filters | None) -> int:
        return self.n // 2 if filters and filters.status else self.n

    def count(self, filters: Filters | None) -> int:
        return self._matching(filters)

    def page(self, offset, limit, sort, descending, filters):
        assert self.gate.wait(10)
        if self.fail_next:
            self.fail_next = False
            raise UserError("the disk is unwell")
        self.pages.append((offset, limit, sort, descending, filters))
        self.page_threads.append(threading.current_thread())
        total = self._matching(filters)
        idx = range(offset, min(offset + limit, total))
        return [self._row(total - 1 - i if descending else i) for i in idx]

    def search(self, query, filters, limit):
        self.searches.append(query)
        self.search_threads.append(threading.current_thread())
        if not query.strip("*"):
            raise UserError("the search has no words to look for")
        return [self._row(i) for i in range(3)]

    def summary(self, tid):
        return self._row(int(tid[2:]))


def _loaded(qtbot, model) -> None:
    qtbot.waitUntil(lambda: not model.busy)


def test_model_fetches_one_page_of_100k(qtbot):
    source = FakeSource()
    panel = TestimonyListPanel(source)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    qtbot.waitExposed(panel)
    model = panel.model
    _loaded(qtbot, model)
    assert model.total == 100_000
    assert model.fetched == PAGE_SIZE
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    assert source.pages == [(0, PAGE_SIZE, "updated_at", True, None)]
    assert threading.main_thread() not in source.page_threads  # read in a worker
    panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.fetched > PAGE_SIZE)
    assert model.fetched < 100_000
    assert panel.count_label.text() == "Testimonies: 100000"


def test_sort_and_filter_go_to_the_source(qtbot):
    source = FakeSource(1000)
    model = TestimonyTableModel(source)
    _loaded(qtbot, model)
    model.sort(TestimonyTableModel.COL_TITLE)
    _loaded(qtbot, model)
    assert source.pages[-1][:4] == (0, PAGE_SIZE, "title", False)
    assert model.data(model.index(0, TestimonyTableModel.COL_TITLE)) == "Testimony 000000"
    model.sort(TestimonyTableModel.COL_FILES)  # not sortable in the core: ignored
    assert not model.busy and source.pages[-1][2] == "title"
    model.apply("", Filters(status="draft"))
    _loaded(qtbot, model)
    assert model.total == 500
    assert source.pages[-1][4] == Filters(status="draft")


def test_badges(qtbot):
    model = TestimonyTableModel(FakeSource(10))
    _loaded(qtbot, model)
    # Descending order: row 2 is item 7 (draft, has consent), row 9 is item 0.
    flags = model.data(model.index(9, 0), TestimonyTableModel.FLAGS_ROLE)
    assert flags == ["no consent", "has location data"]
    assert model.data(model.index(2, 0), TestimonyTableModel.FLAGS_ROLE) == ["draft"]


def test_search_box_replaces_rows_and_rejects_empty_words(qtbot):
    source = FakeSource(1000)
    panel = TestimonyListPanel(source)
    qtbot.addWidget(panel)
    _loaded(qtbot, panel.model)
    with qtbot.waitSignal(panel.model.loaded):
        panel.search_box.setText("torture")
    assert source.searches == ["torture"]
    assert source.search_threads[0] is not threading.main_thread()  # off the GUI thread
    assert panel.model.total == 3
    assert not panel.model.canFetchMore()
    with qtbot.waitSignal(panel.model.loaded):
        panel.search_box.setText("***")
    assert "no words" in panel.error.text() and panel.model.total == 3  # rows kept
    panel.search_box.setText("")
    qtbot.waitUntil(lambda: panel.model.total == 1000)


def test_fetch_more_schedules_a_worker_and_rows_appear_when_it_returns(qtbot):
    source = FakeSource(1000)
    model = TestimonyTableModel(source)
    _loaded(qtbot, model)
    assert model.canFetchMore()
    source.gate.clear()
    model.fetchMore()
    model.fetchMore()  # already fetching: nothing more is asked
    assert model.fetched == PAGE_SIZE and model.busy  # nothing yet: the worker waits
    with qtbot.waitSignal(model.rowsInserted):
        source.gate.set()
    _loaded(qtbot, model)
    assert model.fetched == 2 * PAGE_SIZE
    assert [p[0] for p in source.pages] == [0, PAGE_SIZE]
    assert source.page_threads[-1] is not threading.main_thread()


def test_results_of_an_older_view_are_dropped(qtbot):
    source = FakeSource(1000)
    model = TestimonyTableModel(source)
    _loaded(qtbot, model)
    source.gate.clear()
    model.fetchMore()  # a page of the unfiltered list, held up
    model.apply("", Filters(status="draft"))  # queued behind it
    source.gate.set()
    _loaded(qtbot, model)
    assert model.total == 500 and model.fetched == PAGE_SIZE  # the old page was not added
    assert [p[4] for p in source.pages] == [None, None, Filters(status="draft")]
    assert model.summary(0).id == "id000499"  # the first of the 500 drafts, descending


def test_update_row_changes_one_row_in_place(qtbot):
    source = FakeSource(1000)
    panel = TestimonyListPanel(source)
    qtbot.addWidget(panel)
    model = panel.model
    _loaded(qtbot, model)
    model.fetchMore()
    _loaded(qtbot, model)
    tid = model.summary(300).id
    panel.select(tid)
    source.titles[tid] = "Edited"
    reads = len(source.pages)
    with qtbot.waitSignal(model.dataChanged) as changed:
        panel.show_saved(tid)
    assert changed.args[0].row() == changed.args[1].row() == 300
    assert model.summary(300).title == "Edited" and model.fetched == 2 * PAGE_SIZE
    assert len(source.pages) == reads  # no page read again: the list kept its place
    assert panel.current_id() == tid


def test_a_failed_page_is_reported_and_can_be_fetched_again(qtbot):
    source = FakeSource(1000)
    panel = TestimonyListPanel(source)
    qtbot.addWidget(panel)
    model = panel.model
    _loaded(qtbot, model)
    source.fail_next = True
    with qtbot.waitSignal(model.failed):
        model.fetchMore()
    assert model.fetched == PAGE_SIZE and "disk is unwell" in panel.error.text()
    with qtbot.waitSignal(model.rowsInserted):
        model.fetchMore()
    assert model.fetched == 2 * PAGE_SIZE


def test_select_works_right_to_left(qtbot):
    # QTableView.selectRow selects nothing in a right-to-left layout (Persian).
    source = FakeSource(50)
    panel = TestimonyListPanel(source)
    panel.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.addWidget(panel)
    panel.resize(800, 400)
    panel.show()
    qtbot.waitExposed(panel)
    _loaded(qtbot, panel.model)
    tid = panel.model.summary(7).id
    panel.select(tid)
    assert panel.current_id() == tid
    rows = panel.table.selectionModel().selectedRows()
    assert [index.row() for index in rows] == [7]
