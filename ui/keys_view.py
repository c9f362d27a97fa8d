"""My key card (fingerprint, QR, export) and my contacts (import, compare, trust).

A contact's card is only as good as the fingerprint check: importing shows the fingerprint
in large digits to read out and compare (in person or on a call) before it is trusted.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crypto.identity import KeyCard
from evidence_app.card_checks import card_warnings
from evidence_app.errors import describe_error
from evidence_app.paths import atomic_write
from ui.clipboard import SecureClipboard
from ui.files import open_file, save_file
from ui.plain import PlainLabel

MAX_CARD_BYTES = 1024 * 1024


def fingerprint_lines(fingerprint: str) -> str:
    """12 groups of 5 digits, shown as three lines of four groups for reading aloud."""
    groups = fingerprint.split()
    return "\n".join(" ".join(groups[i:i + 4]) for i in range(0, len(groups), 4))


def _fixed_font(point_size: int) -> Any:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(point_size)
    return font


class ContactDialog(QDialog):
    """Shows an imported card's name and fingerprint; asks how it was compared and trust."""

    def __init__(self, card: KeyCard, parent: QWidget | None = None,
                 warnings: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a contact"))
        # The core's translated warnings (evidence_app.card_checks): a look-alike name.
        self.warning = PlainLabel("\n".join(warnings or []), self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020; font-weight: bold;")
        self.warning.setVisible(bool(warnings))
        fingerprint = PlainLabel(fingerprint_lines(str(card.fingerprint())), self)
        fingerprint.setFont(_fixed_font(16))
        fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.how = QComboBox(self)
        self.how.addItem(self.tr("Not compared yet"), None)
        self.how.addItem(self.tr("Compared in person"), "in person")
        self.how.addItem(self.tr("Compared on a call"), "call")
        self.how.addItem(self.tr("Scanned their QR code"), "qr")
        self.trusted = QCheckBox(self.tr("Trusted: I may send evidence to this person"), self)
        self.may_see = QCheckBox(self.tr("May see witness identities"), self)
        self.how.currentIndexChanged.connect(self._update)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name on the card"), PlainLabel(card.name, self))
        form.addRow(self.warning)
        form.addRow(PlainLabel(self.tr(
            "Ask your contact to read their fingerprint to you, or read it together. "
            "It must match every digit:"), self))
        form.addRow(fingerprint)
        form.addRow(self.tr("How compared"), self.how)
        form.addRow(self.trusted)
        form.addRow(self.may_see)
        form.addRow(buttons)
        self._update()

    def _update(self) -> None:
        compared = self.how.currentData() is not None
        self.trusted.setEnabled(compared)
        self.may_see.setEnabled(compared)
        if not compared:
            self.trusted.setChecked(False)
            self.may_see.setChecked(False)


class KeysView(QWidget):
    """Emits ``contacts_changed()`` when a contact was added or its trust changed."""

    contacts_changed = Signal()

    COL_NAME, COL_FP, COL_TRUSTED, COL_IDENTITIES, COL_VERIFIED = range(5)

    def __init__(
        self, vault: Any, clipboard: SecureClipboard, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._clipboard = clipboard
        self._filling = False
        card = vault.identity.card()

        mine = QGroupBox(self.tr("My key card"), self)
        self.my_name = PlainLabel(card.name, mine)
        self.my_fingerprint = PlainLabel(fingerprint_lines(vault.fingerprint()), mine)
        self.my_fingerprint.setFont(_fixed_font(14))
        self.my_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr = PlainLabel(mine)
        png = io.BytesIO()  # rendered in memory, never written to disk
        card.qr_png(png, scale=2)
        pixmap = QPixmap()
        if pixmap.loadFromData(png.getvalue()):
            self.qr.setPixmap(pixmap)
        copy = QPushButton(self.tr("Copy fingerprint"), mine)
        copy.clicked.connect(lambda: self._clipboard.copy(vault.fingerprint()))
        save = QPushButton(self.tr("Save key card to a file…"), mine)
        save.clicked.connect(self._save_card)
        info = QVBoxLayout()
        info.addWidget(self.my_name)
        info.addWidget(PlainLabel(self.tr("Fingerprint:"), mine))
        info.addWidget(self.my_fingerprint)
        info.addWidget(copy)
        info.addWidget(save)
        info.addStretch(1)
        row = QHBoxLayout(mine)
        row.addLayout(info, 1)
        row.addWidget(self.qr)

        contacts = QGroupBox(self.tr("Contacts"), self)
        self.table = QTableWidget(0, 5, contacts)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Fingerprint"), self.tr("Trusted"),
            self.tr("May see identities"), self.tr("Compared"),
        ])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._flag_changed)
        add = QPushButton(self.tr("Import a key card…"), contacts)
        add.clicked.connect(self._import_card)
        self.message = PlainLabel(contacts)
        self.message.setWordWrap(True)
        box = QVBoxLayout(contacts)
        box.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(add)
        box.addLayout(bottom)

        layout = QVBoxLayout(self)
        layout.addWidget(mine)
        layout.addWidget(contacts, 1)
        self.reload()

    def reload(self) -> None:
        self._filling = True
        contacts = self._vault.list_contacts()
        self.table.setRowCount(len(contacts))
        for row, c in enumerate(contacts):
            name = QTableWidgetItem(c.name)
            name.setData(Qt.ItemDataRole.UserRole, c.id)
            self.table.setItem(row, self.COL_NAME, name)
            fp = QTableWidgetItem(c.fingerprint)
            fp.setFont(_fixed_font(9))
            self.table.setItem(row, self.COL_FP, fp)
            for col, flag in ((self.COL_TRUSTED, c.trusted),
                              (self.COL_IDENTITIES, c.may_see_identities)):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if flag else Qt.CheckState.Unchecked)
                self.table.setItem(row, col, item)
            self.table.setItem(row, self.COL_VERIFIED, QTableWidgetItem(
                c.verified_how or self.tr("not compared")))
        self._filling = False

    def _flag_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in (self.COL_TRUSTED, self.COL_IDENTITIES):
            return
        name = self.table.item(item.row(), self.COL_NAME)
        if name is None:
            return
        contact_id = name.data(Qt.ItemDataRole.UserRole)
        checked = item.checkState() == Qt.CheckState.Checked
        if item.column() == self.COL_TRUSTED:
            self._vault.update_contact(contact_id, trusted=checked)
        else:
            self._vault.update_contact(contact_id, may_see_identities=checked)
        self.contacts_changed.emit()

    def _save_card(self) -> None:
        path = save_file(self, self.tr("Save key card"), "keycard.txt",
                         self.tr("Key cards (*.txt)"))
        if path is not None:
            self.save_card(path)

    def save_card(self, path: Path) -> None:
        """Write my public key card (no secrets in it) to ``path``, atomically."""
        atomic_write(path, self._vault.identity.card().to_text().encode("utf-8"))
        self.message.setText(self.tr("Key card saved."))

    def _import_card(self) -> None:
        name = open_file(self, self.tr("Import a key card"))
        if name is None:
            return
        try:
            with open(name, "rb") as fh:
                data = fh.read(MAX_CARD_BYTES + 1)
            if len(data) > MAX_CARD_BYTES:
                raise ValueError
            text = data.decode("utf-8")
            card = KeyCard.parse(text)
        except (OSError, ValueError):
            self.message.setText(self.tr("This file is not a key card."))
            return
        except Exception as exc:  # noqa: BLE001 - a malformed card: show the core's message
            self.message.setText(describe_error(exc)[0] or self.tr("This file is not a key card."))
            return
        dialog = ContactDialog(card, self, card_warnings(self._vault, card))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_card(text, trusted=dialog.trusted.isChecked(),
                          may_see_identities=dialog.may_see.isChecked(),
                          verified_how=dialog.how.currentData())

    def add_card(self, text: str, *, trusted: bool, may_see_identities: bool,
                 verified_how: str | None) -> None:
        """Add a contact from key card text; problems are shown, not raised."""
        try:
            self._vault.add_contact(text, trusted=trusted, may_see_identities=may_see_identities,
                                    verified_how=verified_how)
        except Exception as exc:  # noqa: BLE001 - the core's one-line message is shown
            message, _ = describe_error(exc)
            if message is None:
                raise
            self.message.setText(message)
            return
        self.message.setText(self.tr("Contact added."))
        self.reload()
        self.contacts_changed.emit()
