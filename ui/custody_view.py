"""Custody timeline of one testimony: every signed event, oldest first, with its status.

The timeline shows the testimony's own chain and the vault-chain events about it
(exports, imports). Signatures and links are checked by the core (``custody.verify_chain``,
one pass per chain) in a worker, so a long vault chain never blocks the window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_app import custody, records
from ui.workers import TaskRunner

OK, BAD = "ok", "bad"
_EVENT_INDEX = re.compile(r"event (\d+)\b")


@dataclass(frozen=True)
class Row:
    """One line of the timeline: the event, its chain's verdict on it, and why."""

    event: dict[str, Any]
    status: str
    problem: str


def event_statuses(events: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(status, problems) per event of one chain, from one ``verify_chain`` pass.

    The core names the event of each problem ("event N ..."); a problem about the chain as
    a whole (its end) marks the last event.
    """
    per_event: list[list[str]] = [[] for _ in events]
    for problem in custody.verify_chain(events):
        match = _EVENT_INDEX.match(problem)
        index = int(match.group(1)) if match else len(events) - 1
        if 0 <= index < len(events):
            per_event[index].append(problem)
    return [(BAD, "; ".join(p)) if p else (OK, "") for p in per_event]


def timeline(vault: Any, tid: str) -> list[Row]:
    """The testimony's events and the vault events that name it, in time order."""
    own = records.custody_events(vault, tid)
    rows = [Row(e, s, p) for e, (s, p) in zip(own, event_statuses(own), strict=True)]
    shared = records.custody_events(vault, custody.VAULT_CHAIN)
    for event, (status, problem) in zip(shared, event_statuses(shared), strict=True):
        details = event.get("details")
        named = details.get("testimonies") if isinstance(details, dict) else None
        if isinstance(named, list) and tid in named:
            rows.append(Row(event, status, problem))
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
        self.summary = QLabel(self)
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
                self.tr("vault") if event.get("chain") == custody.VAULT_CHAIN
                else self.tr("testimony"),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setToolTip(actor)
                if col == 4:
                    item.setToolTip(line.problem)
                    item.setForeground(QBrush(QColor("#1b5e20" if line.status == OK
                                                     else "#b00020")))
                item.setData(Qt.ItemDataRole.UserRole, line.status)
                self.table.setItem(row, col, item)
        bad = sum(1 for line in rows if line.status != OK)
        self.summary.setText(
            self.tr("%n custody event(s), all signatures valid.", "", len(rows)) if not bad
            else self.tr("%n event(s) do not verify.", "", bad)
        )
