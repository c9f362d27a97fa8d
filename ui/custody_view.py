"""Custody timeline of one testimony: every signed event, oldest first, with its status.

Status per event comes from the core's pure chain check (``custody.verify_chain``) run on
the chain up to that event: the first event that fails is marked, and the ones after it
are shown as unverifiable (their link to the start of the chain is broken).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
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

OK, BAD, AFTER_BAD = "ok", "bad", "after_bad"


def event_statuses(events: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(status, problem) for each event: ok, bad (with the core's message) or after_bad."""
    out: list[tuple[str, str]] = []
    for i in range(len(events)):
        if out and out[-1][0] != OK:
            out.append((AFTER_BAD, ""))
            continue
        problems = custody.verify_chain(events[: i + 1])
        out.append((BAD, "; ".join(problems)) if problems else (OK, ""))
    return out


class CustodyView(QWidget):
    """Table: time, action, actor fingerprint, object, signature status."""

    def __init__(self, vault: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.summary = QLabel(self)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Time (UTC)"), self.tr("Action"), self.tr("By"), self.tr("Object"),
            self.tr("Signature"),
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
        self.table.setRowCount(0)
        self.summary.clear()
        if tid is None:
            return
        events = records.custody_events(self._vault, tid)
        statuses = event_statuses(events)
        self.table.setRowCount(len(events))
        words = {
            OK: self.tr("✔ valid"), BAD: self.tr("✘ INVALID"),
            AFTER_BAD: self.tr("? after a broken link"),
        }
        for row, (event, (status, problem)) in enumerate(zip(events, statuses, strict=True)):
            actor = str(event.get("actor", ""))
            cells = [
                str(event.get("time", ""))[:19].replace("T", " "),
                self.action_label(str(event.get("action", ""))),
                actor[:17] + "…" if len(actor) > 17 else actor,
                str(event.get("object", ""))[:12],
                words[status],
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setToolTip(actor)
                if col == 4:
                    item.setToolTip(problem)
                    item.setForeground(QBrush(QColor("#1b5e20" if status == OK else "#b00020")))
                item.setData(Qt.ItemDataRole.UserRole, status)
                self.table.setItem(row, col, item)
        bad = sum(1 for s, _ in statuses if s != OK)
        self.summary.setText(
            self.tr("%n custody event(s), all signatures valid.", "", len(events)) if not bad
            else self.tr("%n event(s) do not verify.", "", bad)
        )
