"""The testimony list: a lazily paged table model, a search box and filters.

The model holds only the rows fetched so far: it asks the core for the total count and
then one page at a time as the view scrolls (``canFetchMore``/``fetchMore``), so a vault
with 100,000 testimonies opens as fast as one with ten. Search results (full-text, up to
``SEARCH_LIMIT`` best matches) replace the paged rows while the search box is not empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
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
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evidence_app import rome_statute
from evidence_app.errors import UserError, describe_error
from evidence_app.model import CONSENT_SCOPES
from evidence_app.search import Filters, TestimonySummary
from ui.i18n import display_datetime, vocab
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


class TestimonyTableModel(QAbstractTableModel):
    """Rows of TestimonySummary, fetched page by page from a TestimonySource."""

    __test__ = False

    COL_TITLE, COL_WITNESS, COL_STATUS, COL_ACTS, COL_FILES, COL_UPDATED, COL_FLAGS = range(7)
    # Columns the core can sort by (the others keep the current order).
    SORT_KEYS = {COL_TITLE: "title", COL_STATUS: "status", COL_UPDATED: "updated_at"}
    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    FLAGS_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, source: TestimonySource, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._rows: list[TestimonySummary] = []
        self._total = 0
        self._sort = "updated_at"
        self._descending = True
        self._filters: Filters | None = None
        self._query = ""
        self.refresh()

    # -- loading ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload from the first page (after a change, a new filter, sort or search)."""
        if self._query:
            rows = list(self._source.search(self._query, self._filters, SEARCH_LIMIT))
            total = len(rows)
        else:
            total = self._source.count(self._filters)
            rows = list(self._source.page(
                0, min(PAGE_SIZE, total), self._sort, self._descending, self._filters,
            )) if total else []
        self.beginResetModel()
        self._rows, self._total = rows, total
        self.endResetModel()

    def show_results(
        self, query: str, filters: Filters | None, rows: Sequence[TestimonySummary]
    ) -> None:
        """Show search results found elsewhere (in a worker) for ``query`` and ``filters``."""
        self.beginResetModel()
        self._query, self._filters = query.strip(), filters
        self._rows, self._total = list(rows), len(rows)
        self.endResetModel()

    def apply(self, query: str, filters: Filters | None) -> None:
        """Show testimonies matching ``filters``; a non-empty ``query`` is a full-text search.

        Raises UserError (nothing changed) for a query without searchable words.
        """
        old = self._query, self._filters
        self._query, self._filters = query.strip(), filters
        try:
            self.refresh()
        except UserError:
            self._query, self._filters = old
            raise

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
        if parent.isValid() or self._query:
            return
        start = len(self._rows)
        page = list(self._source.page(
            start, PAGE_SIZE, self._sort, self._descending, self._filters
        ))[: self._total - start]
        if not page:
            self._total = start
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

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
        if key is None or self._query:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = key, descending
        self.refresh()


class TestimonyListPanel(QWidget):
    __test__ = False
    """Search box, filter row and the table; emits ``selected(testimony_id | None)``."""

    selected = Signal(object)

    searched = Signal()  # a full-text search has finished (results or error shown)

    def __init__(
        self, source: TestimonySource, parent: QWidget | None = None,
        *, runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._runner = runner or TaskRunner(self, max_threads=1)
        self._generation = 0
        self.model = TestimonyTableModel(source, self)
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
        self.count_label = QLabel(self)
        self.error = QLabel(self)
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
        self.model.rowsInserted.connect(self._update_count)

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
        dates.addWidget(QLabel(self.tr("to"), self))
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
        """Show what the search box and filters ask for; full-text search runs in a worker."""
        self._search_timer.stop()
        self.error.clear()
        self._generation += 1
        query, filters = self.search_box.text().strip(), self.filters()
        if not query:
            self.model.apply("", filters)
            return
        generation, source = self._generation, self._source

        def job(progress: object, cancel: object) -> list[TestimonySummary]:
            return list(source.search(query, filters, SEARCH_LIMIT))

        def done(rows: list[TestimonySummary]) -> None:
            if generation == self._generation:  # a newer search or filter replaced it
                self.model.show_results(query, filters, rows)
                self.searched.emit()

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.error.setText(describe_error(exc)[0] or type(exc).__name__)
                self.searched.emit()

        self._runner.start(job, on_success=done, on_error=failed)

    def refresh(self) -> None:
        current = self.current_id()
        self.model.refresh()
        if current is not None:
            self.select(current)

    def select(self, tid: str) -> None:
        row = self.model.row_of(tid)
        if row >= 0:
            self.table.selectRow(row)

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
