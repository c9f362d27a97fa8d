"""Custody timeline of one testimony: every signed event, oldest first, with its status.

The timeline shows the testimony's own chain and the vault-chain events about it
(exports, imports), and the sender's events that an import of an update embeds
(``custody.flatten``), marked with the bundle they were received in. Signatures and
links are checked by the core (``custody.verify_events``, one pass per chain) in a
worker, so a long vault chain never blocks the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_app import custody, records
from ui.plain import PlainLabel, plain_tip
from ui.workers import TaskRunner

OK, BAD = "ok", "bad"


@dataclass(frozen=True)
class Row:
    """One line of the timeline: the event, its chain's verdict on it, and why.

    ``received_in``: for an event embedded in one of my "imported" events, that import's
    bundle id (the embedding event's verdict covers it: its signature signs it)."""

    event: dict[str, Any]
    status: str
    problem: str
    received_in: str | None = None


def rows_of(events: list[dict[str, Any]]) -> list[Row]:
    """One row per event of one chain, with the core's verdict (``custody.verify_events``),
    each embedded event just before the event that embeds it."""
    rows: list[Row] = []
    for event, verdict in zip(events, custody.verify_events(events), strict=True):
        status = OK if verdict.ok else BAD
        embedded = custody.received_events(event) if isinstance(event, dict) else None
        if embedded is not None:
            bundle_id = str(event["details"].get("bundle_id", ""))
            rows.extend(Row(e, status, verdict.problem, bundle_id)
                        for e in custody.flatten(embedded))
        rows.append(Row(event, status, verdict.problem))
    return rows


def timeline(vault: Any, tid: str) -> list[Row]:
    """The testimony's events and the vault events that name it, in time order."""
    rows = rows_of(records.custody_events(vault, tid))
    for row in rows_of(records.custody_events(vault, custody.VAULT_CHAIN)):
        details = row.event.get("details")
        named = details.get("testimonies") if isinstance(details, dict) else None
        if isinstance(named, list) and tid in named:
            rows.append(row)
    rows.sort(key=lambda r: (str(r.event.get("time", "")), r.event.get("chain") == tid))
    return rows


class CustodyView(QWidget):
    """Table: time, action, actor fingerprint, object, signature status, chain."""

    loaded = Signal()

    def __init__(self, vault: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._runner = runner
        self._generation = 0
        self.summary = PlainLabel(self)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Time (UTC)"), self.tr("Action"), self.tr("By"), self.tr("Object"),
            self.tr("Signature"), self.tr("Chain"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def action_label(self, action: str) -> str:
        labels = {
            "created": self.tr("created"), "edited": self.tr("edited"),
            "attachment_added": self.tr("file added"), "exported": self.tr("exported"),
            "imported": self.tr("imported"), "verified": self.tr("verified"),
            "shredded": self.tr("shredded"), "status_changed": self.tr("status changed"),
        }
        return labels.get(action, action)

    def _chain_label(self, line: Row) -> str:
        if line.received_in is not None:
            return self.tr("testimony, received in bundle %1").replace(
                "%1", line.received_in[:12])
        if line.event.get("chain") == custody.VAULT_CHAIN:
            return self.tr("vault")
        return self.tr("testimony")

    def set_testimony(self, tid: str | None) -> None:
        """Load the timeline of ``tid`` in the background (clears it at once)."""
        self._generation += 1
        self.table.setRowCount(0)
        self.summary.clear()
        if tid is None:
            return
        generation, vault = self._generation, self._vault

        def show(rows: list[Row]) -> None:
            if generation == self._generation:
                self._fill(rows)
                self.loaded.emit()

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.summary.setText(self.tr("The custody history could not be read."))
                self.loaded.emit()

        self._runner.start(lambda _p, _c: timeline(vault, tid), on_success=show,
                           on_error=failed)

    def _fill(self, rows: list[Row]) -> None:
        self.table.setRowCount(len(rows))
        words = {OK: self.tr("✔ valid"), BAD: self.tr("✘ INVALID")}
        for row, line in enumerate(rows):
            event = line.event
            actor = str(event.get("actor", ""))
            cells = [
                str(event.get("time", ""))[:19].replace("T", " "),
                self.action_label(str(event.get("action", ""))),
                actor[:17] + "…" if len(actor) > 17 else actor,
                str(event.get("object", ""))[:12],
                words[line.status],
                self._chain_label(line),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setToolTip(plain_tip(actor))
                if col == 4:
                    item.setToolTip(plain_tip(line.problem))
                    item.setForeground(QBrush(QColor("#1b5e20" if line.status == OK
                                                     else "#b00020")))
                item.setData(Qt.ItemDataRole.UserRole, line.status)
                self.table.setItem(row, col, item)
        bad = sum(1 for line in rows if line.status != OK)
        self.summary.setText(
            self.tr("%n custody event(s), all signatures valid.", "", len(rows)) if not bad
            else self.tr("%n event(s) do not verify.", "", bad)
        )
