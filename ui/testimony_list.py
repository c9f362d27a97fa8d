"""The testimony list: a lazily paged table model, a search box and filters.

The model holds only the rows fetched so far: it asks the core for the total count and
then one page at a time as the view scrolls (``canFetchMore``/``fetchMore``), so a vault
with 100,000 testimonies opens as fast as one with ten. Search results (full-text, up to
``SEARCH_LIMIT`` best matches) replace the paged rows while the search box is not empty.

Every read of the core (count, page, search, one row) runs in a worker: ``fetchMore``
only schedules the next page and its rows appear when the worker returns. Each reload
starts a new generation; results of an older one are dropped. A save updates only its
own row, so the list keeps its rows and scroll position.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evidence_app import rome_statute
from evidence_app.errors import describe_error
from evidence_app.model import CONSENT_SCOPES
from evidence_app.search import Filters, TestimonySummary
from ui.i18n import display_datetime, vocab
from ui.plain import PlainLabel
from ui.workers import TaskRunner

PAGE_SIZE = 200
SEARCH_LIMIT = 1000

Index = QModelIndex | QPersistentModelIndex


class TestimonySource(Protocol):
    """Where the list gets its rows (the vault's records, or a fake in tests)."""

    def count(self, filters: Filters | None) -> int: ...

    def page(
        self, offset: int, limit: int, sort: str, descending: bool, filters: Filters | None
    ) -> Sequence[TestimonySummary]: ...

    def search(
        self, query: str, filters: Filters | None, limit: int
    ) -> Sequence[TestimonySummary]: ...

    def summary(self, tid: str) -> TestimonySummary: ...


class RecordsSource:
    """A TestimonySource over an open vault, through evidence_app.records."""

    def __init__(self, vault: Any) -> None:
        from evidence_app import records

        self._records = records
        self._vault = vault

    def count(self, filters: Filters | None) -> int:
        return int(self._records.count_testimonies(self._vault, filters))

    def page(
        self, offset: int, limit: int, sort: str, descending: bool, filters: Filters | None
    ) -> Sequence[TestimonySummary]:
        return list(self._records.list_testimonies(
            self._vault, offset=offset, limit=limit, sort=sort, descending=descending,
            filters=filters,
        ))

    def search(
        self, query: str, filters: Filters | None, limit: int
    ) -> Sequence[TestimonySummary]:
        return list(self._records.search(self._vault, query, filters=filters, limit=limit))

    def summary(self, tid: str) -> TestimonySummary:
        return self._records.get_summary(self._vault, tid)


@dataclass(frozen=True)
class View:
    """What the list shows: a full-text ``query`` ("" = page through all), filters, order."""

    query: str = ""
    filters: Filters | None = None
    sort: str = "updated_at"
    descending: bool = True


def load_first(source: TestimonySource, view: View) -> tuple[list[TestimonySummary], int]:
    """The first rows of ``view`` and how many match in all (runs in a worker)."""
    if view.query:
        rows = list(source.search(view.query, view.filters, SEARCH_LIMIT))
        return rows, len(rows)
    total = source.count(view.filters)
    if not total:
        return [], 0
    return list(source.page(0, min(PAGE_SIZE, total), view.sort, view.descending,
                            view.filters)), total


class TestimonyTableModel(QAbstractTableModel):
    """Rows of TestimonySummary, fetched page by page from a TestimonySource."""

    __test__ = False

    COL_TITLE, COL_WITNESS, COL_STATUS, COL_ACTS, COL_FILES, COL_UPDATED, COL_FLAGS = range(7)
    # Columns the core can sort by (the others keep the current order).
    SORT_KEYS = {COL_TITLE: "title", COL_STATUS: "status", COL_UPDATED: "updated_at"}
    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    FLAGS_ROLE = Qt.ItemDataRole.UserRole + 2

    loaded = Signal()  # a reload, page or row update has landed (or failed)
    failed = Signal(object)  # the exception a read of the core raised

    def __init__(
        self, source: TestimonySource, runner: TaskRunner | None = None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._runner = runner or TaskRunner(self, max_threads=1)
        self._rows: list[TestimonySummary] = []
        self._total = 0
        self._shown = View()  # what the rows are
        self._wanted = View()  # what the last reload asked for
        self._generation = 0
        self._pending = 0  # reads of the current generation still running
        self._fetching = False
        self.refresh()

    # -- loading ---------------------------------------------------------------------

    def _read(self, job: Callable[[], Any], done: Callable[[Any], None],
              undo: Callable[[], None] | None = None) -> None:
        """Run ``job`` in a worker; ``done(result)`` only if no reload came in between.

        On failure (of the current generation), ``undo()`` runs and ``failed`` is emitted.
        """
        generation = self._generation
        self._pending += 1

        def landed(result: Any) -> None:
            if generation == self._generation:
                self._pending -= 1
                done(result)
                self.loaded.emit()

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._pending -= 1
                if undo is not None:
                    undo()
                self.failed.emit(exc)
                self.loaded.emit()

        self._runner.start(lambda _p, _c: job(), on_success=landed, on_error=failed)

    def refresh(self) -> None:
        """Reload from the first page (a new filter, sort or search; new testimonies).

        Older reads still running are dropped when they return. The rows shown stay until
        the new ones arrive; on failure they stay and ``failed`` is emitted.
        """
        self._generation += 1
        self._pending = 0
        self._fetching = False
        source, view = self._source, self._wanted

        def show(result: tuple[list[TestimonySummary], int]) -> None:
            self.beginResetModel()
            (self._rows, self._total), self._shown = result, view
            self.endResetModel()

        self._read(lambda: load_first(source, view), show)

    def apply(self, query: str, filters: Filters | None) -> None:
        """Show testimonies matching ``filters``; a non-empty ``query`` is a full-text search.

        A query without searchable words is reported through ``failed`` (rows unchanged).
        """
        self._wanted = replace(self._wanted, query=query.strip(), filters=filters)
        self.refresh()

    def update_row(self, tid: str) -> bool:
        """Read one fetched testimony again (after a save) and update its row in place.

        Returns False when ``tid`` is not among the fetched rows (nothing is read).
        """
        if self.row_of(tid) < 0:
            return False
        source = self._source

        def show(summary: TestimonySummary) -> None:
            row = self.row_of(tid)
            if row >= 0:
                self._rows[row] = summary
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

        self._read(lambda: source.summary(tid), show)
        return True

    @property
    def busy(self) -> bool:
        """True while a read of the current generation is running."""
        return self._pending > 0

    @property
    def total(self) -> int:
        """How many testimonies match (rows not yet fetched included)."""
        return self._total

    @property
    def fetched(self) -> int:
        return len(self._rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        """Schedule the next page; its rows are inserted when the worker returns."""
        if parent.isValid() or self._shown.query or self._fetching or not self.canFetchMore():
            return
        self._fetching = True
        source, view, start = self._source, self._shown, len(self._rows)

        def add(page: Sequence[TestimonySummary]) -> None:
            self._fetching = False
            page = list(page)[: self._total - start]
            if not page:
                self._total = start
                return
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

        def stop() -> None:
            self._fetching = False

        self._read(lambda: source.page(start, PAGE_SIZE, view.sort, view.descending,
                                       view.filters), add, stop)

    def summary(self, row: int) -> TestimonySummary:
        return self._rows[row]

    def row_of(self, tid: str) -> int:
        """Row of a fetched testimony, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == tid), -1)

    # -- Qt model API ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 7

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Title"), self.tr("Witness"), self.tr("Status"), self.tr("Acts"),
            self.tr("Files"), self.tr("Updated"), self.tr("Flags"),
        ][section]

    def flags_of(self, s: TestimonySummary) -> list[str]:
        """The badges shown for one testimony."""
        out = []
        if not s.has_consent:
            out.append(self.tr("no consent"))
        if s.status == "draft":
            out.append(self.tr("draft"))
        if s.has_location:
            out.append(self.tr("has location data"))
        return out

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == self.ID_ROLE:
            return s.id
        if role == self.FLAGS_ROLE:
            return self.flags_of(s)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_TITLE:
                return s.title
            if col == self.COL_WITNESS:
                return s.pseudonym or ""
            if col == self.COL_STATUS:
                return self.tr("Complete") if s.status == "complete" else self.tr("Draft")
            if col == self.COL_ACTS:
                return ", ".join(s.acts)
            if col == self.COL_FILES:
                return s.attachment_count
            if col == self.COL_UPDATED:
                return display_datetime(s.updated_at)
            if col == self.COL_FLAGS:
                return " · ".join(self.flags_of(s))
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_ACTS:
            return "\n".join(
                f"{c}: {rome_statute.ACTS[c].label}" for c in s.acts if c in rome_statute.ACTS
            )
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_FLAGS and (
            not s.has_consent or s.has_location
        ):
            return QBrush(QColor("#b00020"))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is None or self._wanted.query:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._wanted.sort, self._wanted.descending):
            return
        self._wanted = replace(self._wanted, sort=key, descending=descending)
        self.refresh()


class TestimonyListPanel(QWidget):
    __test__ = False
    """Search box, filter row and the table; emits ``selected(testimony_id | None)``."""

    selected = Signal(object)

    def __init__(
        self, source: TestimonySource, parent: QWidget | None = None,
        *, runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._select_after_load: str | None = None
        self.model = TestimonyTableModel(source, runner, self)
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("Search title, narrative, notes, pseudonym…"))
        self.search_box.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._apply)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())

        self.act = QComboBox(self)
        self.act.addItem(self.tr("Any act"), None)
        for act in rome_statute.search_acts(""):
            self.act.addItem(f"{act.code} {vocab(act.label)}", act.code)
        self.scope = QComboBox(self)
        self.scope.addItem(self.tr("Any consent scope"), None)
        for key, label in CONSENT_SCOPES.items():
            self.scope.addItem(vocab(label), key)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("Any status"), None)
        self.status.addItem(self.tr("Draft"), "draft")
        self.status.addItem(self.tr("Complete"), "complete")
        self.use_dates = QCheckBox(self.tr("Incidents from"), self)
        self.date_from = QDateEdit(QDate.currentDate().addYears(-1), self)
        self.date_to = QDateEdit(QDate.currentDate(), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._apply)
        for combo in (self.act, self.scope, self.status):
            combo.currentIndexChanged.connect(self._apply)
        self.use_dates.toggled.connect(self._apply)
        self.count_label = PlainLabel(self)
        self.error = PlainLabel(self)
        self.error.setObjectName("error")

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(TestimonyTableModel.COL_UPDATED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setColumnWidth(TestimonyTableModel.COL_TITLE, 260)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._update_count)
        self.model.modelReset.connect(self._reselect_after_load)
        self.model.rowsInserted.connect(self._update_count)
        self.model.failed.connect(
            lambda exc: self.error.setText(describe_error(exc)[0] or type(exc).__name__))

        for combo in (self.act, self.scope, self.status):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        filters = QHBoxLayout()
        filters.addWidget(self.act, 2)
        filters.addWidget(self.scope, 2)
        filters.addWidget(self.status, 1)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(PlainLabel(self.tr("to"), self))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.error, 1)
        layout.addLayout(bottom)
        self._update_count()

    def filters(self) -> Filters | None:
        """The filters currently chosen in the filter row (None when there are none)."""
        f = Filters(
            act_code=self.act.currentData(),
            consent_scope=self.scope.currentData(),
            status=self.status.currentData(),
            incident_from=self.date_from.date().toString("yyyy-MM-dd")
            if self.use_dates.isChecked() else None,
            incident_to=self.date_to.date().toString("yyyy-MM-dd")
            if self.use_dates.isChecked() else None,
        )
        return None if f == Filters() else f

    def _apply(self) -> None:
        """Show what the search box and filters ask for (read in a worker)."""
        self._search_timer.stop()
        self.error.clear()
        self.model.apply(self.search_box.text(), self.filters())

    def refresh(self) -> None:
        """Reload from the first page; the selected testimony stays selected if shown."""
        self._select_after_load = self.current_id()
        self.model.refresh()

    def show_saved(self, tid: str) -> None:
        """A testimony was saved: update its row in place, keeping rows and scroll position.

        A testimony not in the list yet (a new one) makes the list reload, then it is
        selected. Selecting it here emits nothing: the editor already shows it.
        """
        if not self.model.update_row(tid):
            self._select_after_load = tid
            self.model.refresh()

    def _reselect_after_load(self) -> None:
        tid, self._select_after_load = self._select_after_load, None
        if tid is not None:
            self.select(tid, quiet=True)

    def select(self, tid: str | None, *, quiet: bool = False) -> None:
        """Select ``tid``'s row if fetched (None: clear); ``quiet`` emits no ``selected``."""
        selection = self.table.selectionModel()
        blocked = selection.blockSignals(quiet)
        if tid is None:
            self.table.clearSelection()
        elif (row := self.model.row_of(tid)) >= 0:
            # Through the selection model: QTableView.selectRow selects nothing in a
            # right-to-left (Persian) layout.
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            selection.setCurrentIndex(self.model.index(row, 0), flags)
        selection.blockSignals(blocked)

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.summary(index.row()).id if index.isValid() else None

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.summary(r).id for r in rows]

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.selected.emit(self.model.summary(current.row()).id if current.isValid() else None)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("Testimonies: %n", "", self.model.total))
