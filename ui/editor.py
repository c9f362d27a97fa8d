"""The testimony editor: every field of the input model, autosaved as a draft.

The form builds the same JSON the CLI takes (``docs/evidence-model.md``); the core
validates it. Edits are saved a moment after the last keystroke (debounced) in the
background, and at once when the user switches testimony, locks or quits, so a draft is
never lost. "Mark complete" needs what ``model.missing_for_complete`` asks for (consent
first); the editor lists what is missing in plain words.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from evidence_app import model, records, rome_statute
from evidence_app.errors import UserError, describe_error
from ui.i18n import display_datetime, vocab
from ui.plain import PlainLabel
from ui.workers import TaskRunner

AUTOSAVE_MS = 1500


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _put(d: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, "", [], {}):
        d[key] = value


def _combo(parent: QWidget, choices: dict[str, str], *, empty: bool = True) -> QComboBox:
    box = QComboBox(parent)
    if empty:
        box.addItem("—", None)
    for key, label in choices.items():
        box.addItem(vocab(label), key)
    return box


def _set_combo(box: QComboBox, value: Any) -> None:
    box.setCurrentIndex(max(0, box.findData(value)))


class ActPicker(QWidget):
    """Searchable, checkable list of Rome Statute acts."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._codes: list[str] = []
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search acts: torture, 8(2)(b), RS-7…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.chosen = PlainLabel(self)
        self.chosen.setWordWrap(True)
        self.search.textChanged.connect(self._fill)
        self.list.itemChanged.connect(self._item_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.chosen)
        self._fill()

    def codes(self) -> list[str]:
        return list(self._codes)

    def set_codes(self, codes: list[str]) -> None:
        self._codes = list(codes)
        self._fill()

    def _fill(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for act in rome_statute.search_acts(self.search.text()):
            item = QListWidgetItem(f"{act.code}  {act.article_ref}  {vocab(act.label)}")
            item.setData(Qt.ItemDataRole.UserRole, act.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if act.code in self._codes else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.chosen.setText(", ".join(self._codes) or self.tr("No act chosen"))

    def _item_changed(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked and code not in self._codes:
            self._codes.append(code)
        elif item.checkState() != Qt.CheckState.Checked and code in self._codes:
            self._codes.remove(code)
        self.chosen.setText(", ".join(self._codes) or self.tr("No act chosen"))
        self.changed.emit()


class IncidentsEditor(QWidget):
    """A list of incidents and the form of the selected one."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[dict[str, Any]] = []
        self._current = -1
        self._loading = False
        self.list = QListWidget(self)
        add = QPushButton(self.tr("Add incident"), self)
        self.remove = QPushButton(self.tr("Remove"), self)
        add.clicked.connect(self.add_incident)
        self.remove.clicked.connect(self._remove)
        self.precision = _combo(self, model.DATE_PRECISIONS, empty=False)
        _set_combo(self.precision, "unknown")
        self.date_from = QLineEdit(self)
        self.date_to = QLineEdit(self)
        self.place = QLineEdit(self)
        self.acts = ActPicker(self)
        self.perpetrators = QPlainTextEdit(self)
        self.victims = QPlainTextEdit(self)
        self.description = QPlainTextEdit(self)
        for w in (self.perpetrators, self.victims):
            w.setMaximumHeight(60)
        self.form = QWidget(self)
        form = QFormLayout(self.form)
        form.addRow(self.tr("Date precision"), self.precision)
        form.addRow(self.tr("From"), self.date_from)
        form.addRow(self.tr("To"), self.date_to)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Acts (Rome Statute)"), self.acts)
        form.addRow(self.tr("Perpetrators"), self.perpetrators)
        form.addRow(self.tr("Victims"), self.victims)
        form.addRow(self.tr("Description"), self.description)
        self.precision.currentIndexChanged.connect(self._precision_changed)
        for line in (self.date_from, self.date_to, self.place):
            line.textChanged.connect(self._store)
        for text in (self.perpetrators, self.victims, self.description):
            text.textChanged.connect(self._store)
        self.acts.changed.connect(self._store)
        self.list.currentRowChanged.connect(self._show)

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.remove)
        left.addLayout(row)
        self.acts.list.setMinimumHeight(180)
        self.list.setMaximumWidth(220)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.form, 4)
        self._show(-1)

    def set_incidents(self, items: list[dict[str, Any]]) -> None:
        self._items = [dict(i) for i in items]
        self._current = -1
        self.list.clear()
        for i in range(len(self._items)):
            self.list.addItem(self._label(i))
        self.list.setCurrentRow(0 if self._items else -1)
        self._show(self.list.currentRow())

    def incidents(self) -> list[dict[str, Any]]:
        return [dict(i) for i in self._items]

    def add_incident(self) -> None:
        self._items.append({"date_precision": "unknown"})
        self.list.addItem(self._label(len(self._items) - 1))
        self.list.setCurrentRow(len(self._items) - 1)
        self.changed.emit()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        del self._items[row]
        self._current = -1
        self.list.takeItem(row)
        self._show(self.list.currentRow())
        self.changed.emit()

    def _label(self, i: int) -> str:
        inc = self._items[i]
        when = inc.get("date_from") or self.tr("date unknown")
        acts = ", ".join(inc.get("acts") or [])
        return self.tr("Incident %1: %2 %3").replace("%1", str(i + 1)).replace(
            "%2", when).replace("%3", acts).strip()

    def _show(self, row: int) -> None:
        self._current = row
        self.form.setEnabled(row >= 0)
        self.remove.setEnabled(row >= 0)
        inc = self._items[row] if row >= 0 else {}
        self._loading = True
        _set_combo(self.precision, inc.get("date_precision", "unknown"))
        self.date_from.setText(inc.get("date_from") or "")
        self.date_to.setText(inc.get("date_to") or "")
        self.place.setText(inc.get("place") or "")
        self.acts.set_codes(list(inc.get("acts") or []))
        self.perpetrators.setPlainText(inc.get("perpetrators") or "")
        self.victims.setPlainText(inc.get("victims") or "")
        self.description.setPlainText(inc.get("description") or "")
        self._loading = False
        self._precision_changed()

    def _precision_changed(self) -> None:
        unknown = self.precision.currentData() == "unknown"
        hint = {
            "day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY",
        }.get(self.precision.currentData(), "")
        for line in (self.date_from, self.date_to):
            line.setEnabled(not unknown)
            line.setPlaceholderText(hint)
        self._store()

    def _store(self) -> None:
        if self._loading or self._current < 0:
            return
        inc: dict[str, Any] = {"date_precision": self.precision.currentData()}
        if inc["date_precision"] != "unknown":
            _put(inc, "date_from", self.date_from.text().strip())
            _put(inc, "date_to", self.date_to.text().strip())
        _put(inc, "place", self.place.text().strip())
        _put(inc, "acts", self.acts.codes())
        _put(inc, "perpetrators", self.perpetrators.toPlainText().strip())
        _put(inc, "victims", self.victims.toPlainText().strip())
        _put(inc, "description", self.description.toPlainText().strip())
        if inc != self._items[self._current]:
            self._items[self._current] = inc
            self.list.item(self._current).setText(self._label(self._current))
            self.changed.emit()


class TestimonyForm(QWidget):
    """All fields of one testimony; ``to_data()``/``load()`` speak the input JSON shape."""

    __test__ = False
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.tabs = QTabWidget(self)

        # Testimony
        page = QWidget(self)
        self.title = QLineEdit(page)
        self.languages = QLineEdit(page)
        self.languages.setPlaceholderText(self.tr("Language codes, e.g. tg, ru"))
        self.narrative = QPlainTextEdit(page)
        self.notes = QPlainTextEdit(page)
        self.notes.setMaximumHeight(120)
        form = QFormLayout(page)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Languages"), self.languages)
        form.addRow(self.tr("Narrative"), self.narrative)
        form.addRow(self.tr("Notes"), self.notes)
        self.tabs.addTab(page, self.tr("Testimony"))

        # Witness and interview
        page = QWidget(self)
        self.pseudonym = QLineEdit(page)
        self.identity_box = QGroupBox(self.tr("Sealed identity"), page)
        self.identity_box.setObjectName("sealed")
        self.identity_box.setToolTip(self.tr(
            "Kept sealed: never shown in lists or search, exported only to contacts you "
            "allowed to see witness identities."))
        self.identity_name = QLineEdit(self.identity_box)
        self.identity_contact = QPlainTextEdit(self.identity_box)
        self.identity_details = QPlainTextEdit(self.identity_box)
        for w in (self.identity_contact, self.identity_details):
            w.setMaximumHeight(60)
        self.identity_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sealed = QFormLayout(self.identity_box)
        note = PlainLabel(self.tr(
            "Sealed: never in lists, search or exports, except for recipients you allowed to "
            "see witness identities."), self.identity_box)
        note.setWordWrap(True)
        sealed.addRow(note)
        sealed.addRow(self.tr("Name"), self.identity_name)
        sealed.addRow(self.tr("Contact"), self.identity_contact)
        sealed.addRow(self.tr("Details"), self.identity_details)
        self.interview_date = QLineEdit(page)
        self.interview_date.setPlaceholderText("YYYY-MM-DD")
        self.interview_place = QLineEdit(page)
        self.interview_mode = _combo(page, model.INTERVIEW_MODES)
        self.interviewer = QLineEdit(page)
        self.interpreter = QLineEdit(page)
        self.others_present = QLineEdit(page)
        self.others_present.setPlaceholderText(self.tr("Comma-separated"))
        self.interview_languages = QLineEdit(page)
        self.prior_accounts = QPlainTextEdit(page)
        self.prior_accounts.setMaximumHeight(60)
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.addRow(self.tr("Witness pseudonym"), self.pseudonym)
        form.addRow(self.identity_box)
        form.addRow(self.tr("Interview date"), self.interview_date)
        form.addRow(self.tr("Interview place"), self.interview_place)
        form.addRow(self.tr("Mode"), self.interview_mode)
        form.addRow(self.tr("Interviewer"), self.interviewer)
        form.addRow(self.tr("Interpreter"), self.interpreter)
        form.addRow(self.tr("Others present"), self.others_present)
        form.addRow(self.tr("Interview languages"), self.interview_languages)
        form.addRow(self.tr("Prior accounts"), self.prior_accounts)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        self.tabs.addTab(scroll, self.tr("Witness and interview"))

        # Consent
        page = QWidget(self)
        self.consent_given = QCheckBox(self.tr("The witness gave informed consent"), page)
        self.consent_method = _combo(page, model.CONSENT_METHODS)
        self.consent_date = QLineEdit(page)
        self.consent_date.setPlaceholderText("YYYY-MM-DD")
        self.consent_scope = QListWidget(page)
        for key, label in model.CONSENT_SCOPES.items():
            item = QListWidgetItem(vocab(label))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.consent_scope.addItem(item)
        self.identity_disclosure = _combo(page, model.IDENTITY_DISCLOSURE)
        self.restrictions = QPlainTextEdit(page)
        self.restrictions.setMaximumHeight(80)
        self.withdrawal_date = QLineEdit(page)
        self.withdrawal_date.setPlaceholderText(self.tr("Only if consent was withdrawn"))
        form = QFormLayout(page)
        form.addRow(self.consent_given)
        form.addRow(self.tr("How"), self.consent_method)
        form.addRow(self.tr("Date"), self.consent_date)
        form.addRow(self.tr("May be shared with"), self.consent_scope)
        form.addRow(self.tr("Identity disclosure"), self.identity_disclosure)
        form.addRow(self.tr("Restrictions"), self.restrictions)
        form.addRow(self.tr("Withdrawn on"), self.withdrawal_date)
        self.tabs.addTab(page, self.tr("Consent"))

        # Incidents
        self.incidents = IncidentsEditor(self)
        self.tabs.addTab(self.incidents, self.tr("Incidents"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        for line in self.findChildren(QLineEdit):
            if line.parent() is not self.incidents and not isinstance(
                line.parent(), (ActPicker, IncidentsEditor)
            ):
                line.textChanged.connect(self._emit)
        for text in (self.narrative, self.notes, self.identity_contact, self.identity_details,
                     self.prior_accounts, self.restrictions):
            text.textChanged.connect(self._emit)
        for box in (self.interview_mode, self.consent_method, self.identity_disclosure):
            box.currentIndexChanged.connect(self._emit)
        self.consent_given.toggled.connect(self._emit)
        self.consent_scope.itemChanged.connect(self._emit)
        self.incidents.changed.connect(self._emit)

    def _emit(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def to_data(self) -> dict[str, Any]:
        """The input JSON for the current form content (status not included)."""
        d: dict[str, Any] = {"schema_version": model.SCHEMA_VERSION}
        _put(d, "title", self.title.text().strip())
        _put(d, "languages", _split(self.languages.text()))
        _put(d, "narrative", self.narrative.toPlainText().strip())
        _put(d, "notes", self.notes.toPlainText().strip())
        witness: dict[str, Any] = {}
        _put(witness, "pseudonym", self.pseudonym.text().strip())
        identity: dict[str, Any] = {}
        _put(identity, "name", self.identity_name.text().strip())
        _put(identity, "contact", self.identity_contact.toPlainText().strip())
        _put(identity, "details", self.identity_details.toPlainText().strip())
        _put(witness, "identity", identity)
        _put(d, "witness", witness)
        iv: dict[str, Any] = {}
        _put(iv, "date", self.interview_date.text().strip())
        _put(iv, "place", self.interview_place.text().strip())
        _put(iv, "mode", self.interview_mode.currentData())
        _put(iv, "interviewer", self.interviewer.text().strip())
        _put(iv, "interpreter", self.interpreter.text().strip())
        _put(iv, "others_present", _split(self.others_present.text()))
        _put(iv, "languages", _split(self.interview_languages.text()))
        prior = self.prior_accounts.toPlainText().strip()
        _put(iv, "prior_accounts", [prior] if prior else [])
        _put(d, "interview", iv)
        scopes = [
            self.consent_scope.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.consent_scope.count())
            if self.consent_scope.item(i).checkState() == Qt.CheckState.Checked
        ]
        consent: dict[str, Any] = {"given": self.consent_given.isChecked()}
        _put(consent, "method", self.consent_method.currentData())
        _put(consent, "date", self.consent_date.text().strip())
        _put(consent, "scope", scopes)
        _put(consent, "identity_disclosure", self.identity_disclosure.currentData())
        _put(consent, "restrictions", self.restrictions.toPlainText().strip())
        _put(consent, "withdrawal_date", self.withdrawal_date.text().strip())
        if consent != {"given": False}:
            d["consent"] = consent
        _put(d, "incidents", self.incidents.incidents())
        return d

    def load(self, data: dict[str, Any]) -> None:
        """Fill the form from the input JSON shape (as get_testimony returns it)."""
        self._loading = True
        witness = data.get("witness") or {}
        identity = witness.get("identity") or {}
        iv = data.get("interview") or {}
        consent = data.get("consent") or {}
        self.title.setText(data.get("title") or "")
        self.languages.setText(", ".join(data.get("languages") or []))
        self.narrative.setPlainText(data.get("narrative") or "")
        self.notes.setPlainText(data.get("notes") or "")
        self.pseudonym.setText(witness.get("pseudonym") or "")
        self.identity_name.setText(identity.get("name") or "")
        self.identity_contact.setPlainText(identity.get("contact") or "")
        self.identity_details.setPlainText(identity.get("details") or "")
        self.interview_date.setText(iv.get("date") or "")
        self.interview_place.setText(iv.get("place") or "")
        _set_combo(self.interview_mode, iv.get("mode"))
        self.interviewer.setText(iv.get("interviewer") or "")
        self.interpreter.setText(iv.get("interpreter") or "")
        self.others_present.setText(", ".join(iv.get("others_present") or []))
        self.interview_languages.setText(", ".join(iv.get("languages") or []))
        self.prior_accounts.setPlainText("\n\n".join(iv.get("prior_accounts") or []))
        self.consent_given.setChecked(bool(consent.get("given")))
        _set_combo(self.consent_method, consent.get("method"))
        self.consent_date.setText(consent.get("date") or "")
        scopes = set(consent.get("scope") or [])
        for i in range(self.consent_scope.count()):
            item = self.consent_scope.item(i)
            item.setCheckState(
                Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in scopes
                else Qt.CheckState.Unchecked
            )
        _set_combo(self.identity_disclosure, consent.get("identity_disclosure"))
        self.restrictions.setPlainText(consent.get("restrictions") or "")
        self.withdrawal_date.setText(consent.get("withdrawal_date") or "")
        self.incidents.set_incidents(list(data.get("incidents") or []))
        self._loading = False


def problems(data: dict[str, Any]) -> tuple[str | None, list[str]]:
    """(why the form cannot be saved at all, what is missing to mark it complete)."""
    try:
        checked = model.validate_input(data)
    except model.ModelError as exc:
        return str(exc), []
    return None, list(model.missing_for_complete(checked))


class HistoryView(QWidget):
    """Every saved version of the testimony; select one to read it."""

    restore = Signal(dict)

    def __init__(self, vault: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._tid: str | None = None
        self.list = QListWidget(self)
        self.text = QTextBrowser(self)
        self.restore_button = QPushButton(self.tr("Restore this version into the form"), self)
        self.restore_button.setEnabled(False)
        self.list.currentRowChanged.connect(self._show)
        self.restore_button.clicked.connect(self._restore)
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(self.text)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.restore_button)

    def set_testimony(self, tid: str | None) -> None:
        self._tid = tid
        self.list.clear()
        self.text.clear()
        if tid is None:
            return
        for info in records.history(self._vault, tid):
            item = QListWidgetItem(
                self.tr("Version %1 · %2").replace("%1", str(info.version)).replace(
                    "%2", display_datetime(info.created_at))
            )
            item.setData(Qt.ItemDataRole.UserRole, info.version)
            item.setToolTip("SHA-256 " + info.sha256)
            self.list.insertItem(0, item)

    def _show(self, row: int) -> None:
        self.restore_button.setEnabled(row >= 0)
        if row < 0 or self._tid is None:
            self.text.clear()
            return
        version = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        data = records.get_version(self._vault, self._tid, version, include_identity=True)
        self.text.setPlainText(json.dumps(data, ensure_ascii=False, indent=2))

    def _restore(self) -> None:
        row = self.list.currentRow()
        if row >= 0 and self._tid is not None:
            version = self.list.item(row).data(Qt.ItemDataRole.UserRole)
            self.restore.emit(
                records.get_version(self._vault, self._tid, version, include_identity=True)
            )


class TestimonyEditor(QWidget):
    """Edits one testimony (or a new one); autosaves; emits ``saved(testimony_id)``."""

    __test__ = False
    saved = Signal(str)
    status_changed = Signal(str)

    def __init__(
        self, vault: Any, runner: TaskRunner, parent: QWidget | None = None,
        *, autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._runner = runner
        self.tid: str | None = None
        self.status = "draft"
        self._dirty = False
        self._saving = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(autosave_ms)
        self._timer.timeout.connect(self.save_in_background)

        self.form = TestimonyForm(self)
        self.form.changed.connect(self._changed)
        self.state = PlainLabel(self)
        self.missing = PlainLabel(self)
        self.missing.setObjectName("missing")
        self.missing.setWordWrap(True)
        self.complete_button = QPushButton(self.tr("Mark complete"), self)
        self.complete_button.clicked.connect(self.toggle_complete)
        bar = QHBoxLayout()
        bar.addWidget(self.state, 1)
        bar.addWidget(self.complete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.missing)
        layout.addLayout(bar)
        self.setEnabled(False)

    # -- loading ---------------------------------------------------------------------

    def open(self, tid: str | None) -> None:
        """Show testimony ``tid`` (None: an empty form for a new testimony)."""
        self.flush()
        self.tid = tid
        self._dirty = False
        if tid is None:
            self.status = "draft"
            self.form.load({})
        else:
            data = records.get_testimony(self._vault, tid, include_identity=True)
            self.status = data.get("status", "draft")
            self.form.load(data)
        self.setEnabled(True)
        self._update_state()

    def clear(self) -> None:
        self.flush()
        self.tid = None
        self.form.load({})
        self.setEnabled(False)

    # -- saving ----------------------------------------------------------------------

    def _changed(self) -> None:
        self._dirty = True
        self._timer.start()
        self._update_state()

    def _data(self) -> dict[str, Any]:
        data = self.form.to_data()
        if "title" not in data:
            data["title"] = self.tr("Untitled testimony")
        data["status"] = self.status
        return data

    def _save_job(self, data: dict[str, Any]) -> Callable[[Any, Any], str]:
        vault, tid = self._vault, self.tid

        def job(progress: object, cancel: object) -> str:
            if tid is None:
                return records.add_testimony(vault, data)
            records.update_testimony(vault, tid, data)
            return tid

        return job

    def save_in_background(self) -> None:
        """Autosave: write the form as a new draft version off the GUI thread."""
        if not self._dirty:
            return
        if self._saving:
            self._timer.start()
            return
        data = self._data()
        if problems(data)[0] is not None:
            self._update_state()
            return
        self._dirty = False
        self._saving = True
        self._runner.start(self._save_job(data), on_success=self._saved,
                           on_error=self._save_failed)
        self._update_state()

    def _saved(self, tid: str) -> None:
        self._saving = False
        self.tid = tid
        self._update_state()
        self.saved.emit(tid)

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._dirty = True
        message, _ = describe_error(exc)
        self.state.setText(self.tr("Not saved: %1").replace("%1", message or type(exc).__name__))

    def flush(self) -> None:
        """Save now, on this thread, whatever is not saved yet (switching, locking, quitting)."""
        self._timer.stop()
        self._runner.wait()
        if self._saving:  # a finished save whose signal is still queued
            QCoreApplication.sendPostedEvents()
        if not self._dirty:
            return
        data = self._data()
        if problems(data)[0] is not None:
            return
        self._dirty = False
        self.tid = self._save_job(data)(None, None)
        self.saved.emit(self.tid)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def unsavable_reason(self) -> str | None:
        """Why the unsaved changes cannot be saved (None when there are none or they can)."""
        return problems(self._data())[0] if self._dirty else None

    def toggle_complete(self) -> None:
        """Mark complete (refused with the list of what is missing) or back to draft."""
        self.flush()
        if self.tid is None:
            self._dirty = True
            self.flush()
        if self.tid is None:
            return
        new = "draft" if self.status == "complete" else "complete"
        try:
            records.set_status(self._vault, self.tid, new)
        except UserError as exc:
            self.missing.setText(str(exc))
            return
        self.status = new
        self._update_state()
        self.status_changed.emit(new)
        self.saved.emit(self.tid)

    def _update_state(self) -> None:
        invalid, missing = problems(self._data())
        if invalid:
            self.state.setText(self.tr("Cannot save yet: %1").replace("%1", invalid))
        elif self._dirty or self._saving:
            self.state.setText(self.tr("Saving draft…"))
        elif self.tid is None:
            self.state.setText(self.tr("New testimony: start typing, it is saved as a draft"))
        else:
            self.state.setText(
                self.tr("Saved · complete") if self.status == "complete"
                else self.tr("Saved as draft")
            )
        if self.status == "complete":
            self.complete_button.setText(self.tr("Back to draft"))
            self.missing.clear()
        else:
            self.complete_button.setText(self.tr("Mark complete"))
            self.missing.setText(
                self.tr("To mark it complete, still missing:") + "\n• " + "\n• ".join(
                    m.split(": ", 1)[-1] for m in missing) if missing else ""
            )
