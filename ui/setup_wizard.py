"""First-run setup: language and vault folder, name, passphrase (twice, with a meter),
recovery code once.

The vault is created in the background (Argon2 takes a moment). The recovery code is shown
exactly once; the user must tick "I wrote it down" before the vault opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evidence_app.errors import describe_error
from evidence_app.vault import Vault
from ui.files import existing_folder
from ui.i18n import available_languages, chosen_language, switch_language
from ui.passphrase import MIN_SCORE, StrengthMeter
from ui.plain import PlainLabel, error_label
from ui.workers import TaskRunner, busy_bar


class SetupWizard(QWidget):
    """Emits ``vault_created(vault)`` after the user confirmed the recovery code.

    The first page also offers the interface language: choosing one switches the app at
    once (Persian mirrors it) and emits ``language_chosen(code)`` ("" = the system's) so
    the window can store it.
    """

    vault_created = Signal(object)
    language_chosen = Signal(str)

    STEP_LOCATION, STEP_NAME, STEP_PASSPHRASE, STEP_RECOVERY = range(4)

    def __init__(
        self,
        default_path: Path,
        *,
        kdf_params: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._kdf_params = kdf_params
        self._runner = TaskRunner(self, max_threads=1)
        self._vault: Vault | None = None

        self.title = PlainLabel(self)
        self.title.setObjectName("heading")
        self.steps = QStackedWidget(self)
        self.error = error_label(self)
        self.busy = busy_bar(self)
        self.back_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.next_button.setDefault(True)
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)

        # Step 1: language and location
        page = QWidget(self)
        self.language = QComboBox(page)
        self.language.addItem("", "")  # "System default", set by _retranslate
        for code in available_languages():
            self.language.addItem(QLocale(code).nativeLanguageName(), code)
        self.language.setCurrentIndex(max(0, self.language.findData(chosen_language())))
        self.language.activated.connect(self._choose_language)
        self._language_label = PlainLabel(page)
        language_row = QHBoxLayout()
        language_row.addWidget(self._language_label)
        language_row.addWidget(self.language)
        language_row.addStretch(1)
        self.location = QLineEdit(str(default_path), page)
        self._browse_button = QPushButton(page)
        self._browse_button.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.location, 1)
        row.addWidget(self._browse_button)
        self._location_help = PlainLabel(page)
        form = QVBoxLayout(page)
        form.addLayout(language_row)
        form.addWidget(self._location_help)
        form.addLayout(row)
        form.addStretch(1)
        self.steps.addWidget(page)

        # Step 2: name
        page = QWidget(self)
        self.name = QLineEdit(page)
        self._name_help = PlainLabel(page)
        form = QVBoxLayout(page)
        form.addWidget(self._name_help)
        form.addWidget(self.name)
        form.addStretch(1)
        self.steps.addWidget(page)

        # Step 3: passphrase
        page = QWidget(self)
        self.passphrase = QLineEdit(page)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(page)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = StrengthMeter(page)
        self.passphrase.textChanged.connect(self.meter.update_for)
        self._passphrase_labels = [PlainLabel(page) for _ in range(3)]
        grid = QFormLayout()
        grid.addRow(self._passphrase_labels[0], self.passphrase)
        grid.addRow(self._passphrase_labels[1], self.meter)
        grid.addRow(self._passphrase_labels[2], self.repeat)
        self._passphrase_help = PlainLabel(page)
        form = QVBoxLayout(page)
        form.addWidget(self._passphrase_help)
        form.addLayout(grid)
        form.addStretch(1)
        self.steps.addWidget(page)

        # Step 4: recovery code
        page = QWidget(self)
        self.recovery = PlainLabel(page)
        # Not selectable: a copy would bypass SecureClipboard (no clearing; X11 PRIMARY).
        self.recovery.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.recovery.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.recovery.setObjectName("recoveryCode")
        self.recovery.setWordWrap(True)
        self.confirm = QCheckBox(page)
        self.confirm.toggled.connect(self._update_buttons)
        self._recovery_help = PlainLabel(page)
        form = QVBoxLayout(page)
        form.addWidget(self._recovery_help)
        form.addWidget(self.recovery)
        form.addWidget(self.confirm)
        form.addStretch(1)
        self.steps.addWidget(page)

        buttons = QHBoxLayout()
        buttons.addWidget(self.busy, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._retranslate()

    # -- language --------------------------------------------------------------------

    def _retranslate(self) -> None:
        """Set every text in the current language: at start, and when the language changes."""
        self.title.setText(self.tr("Set up your evidence vault"))
        self.back_button.setText(self.tr("Back"))
        self._language_label.setText(self.tr("Language"))
        self.language.setItemText(0, self.tr("System default"))
        self._browse_button.setText(self.tr("Choose…"))
        self._location_help.setText(self.tr(
            "Choose where the encrypted vault is kept. Everything in it is encrypted; "
            "without your passphrase or recovery code nobody can read it."))
        self.name.setPlaceholderText(self.tr("A name or pseudonym"))
        self._name_help.setText(self.tr(
            "Your name or a pseudonym. It is put on your key card, which you share with "
            "the people you send evidence to."))
        for label, text in zip(self._passphrase_labels, (
                self.tr("Passphrase"), self.tr("Strength"), self.tr("Repeat")), strict=True):
            label.setText(text)
        self._passphrase_help.setText(self.tr(
            "Choose a long passphrase, for example five or more unrelated words. "
            "You type it every time you open the vault."))
        self.confirm.setText(self.tr("I wrote it down and keep it in a safe place"))
        self._recovery_help.setText(self.tr(
            "This is your recovery code. It opens the vault if you forget the passphrase. "
            "Write it on paper now: it is shown only this once."))
        self.error.clear()
        self._update_buttons()

    def _choose_language(self, index: int) -> None:
        code = str(self.language.itemData(index) or "")
        app = QApplication.instance()
        if isinstance(app, QApplication):
            switch_language(app, code)  # every widget gets a LanguageChange event
        self.language_chosen.emit(code)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- navigation ------------------------------------------------------------------

    def _browse(self) -> None:
        folder = existing_folder(self, self.tr("Vault folder"))
        if folder is not None:
            self.location.setText(str(folder / "vault"))

    def _back(self) -> None:
        self.error.clear()
        self.steps.setCurrentIndex(max(0, self.steps.currentIndex() - 1))
        self._update_buttons()

    def _next(self) -> None:
        step = self.steps.currentIndex()
        problem = self._problem(step)
        self.error.setText(problem or "")
        if problem:
            return
        if step == self.STEP_PASSPHRASE:
            self._create()
        elif step == self.STEP_RECOVERY:
            self._finish()
        else:
            self.steps.setCurrentIndex(step + 1)
            self._update_buttons()

    def _problem(self, step: int) -> str | None:
        """What is missing or wrong on this step, in one sentence; None when it is fine."""
        if step == self.STEP_LOCATION:
            text = self.location.text().strip()
            if not text:
                return self.tr("Choose a folder for the vault.")
            if Vault.exists(Path(text)):
                return self.tr("There is already a vault in this folder.")
        elif step == self.STEP_NAME:
            if not self.name.text().strip():
                return self.tr("Enter a name or pseudonym.")
        elif step == self.STEP_PASSPHRASE:
            if self.meter.update_for(self.passphrase.text()) < MIN_SCORE:
                return self.tr("This passphrase is too weak: make it longer.")
            if self.passphrase.text() != self.repeat.text():
                return self.tr("The two passphrases are not the same.")
        elif step == self.STEP_RECOVERY and not self.confirm.isChecked():
            return self.tr("Confirm that you wrote down the recovery code.")
        return None

    def _update_buttons(self) -> None:
        step = self.steps.currentIndex()
        busy = self._runner.busy
        self.back_button.setEnabled(
            not busy and step not in (self.STEP_LOCATION, self.STEP_RECOVERY)
        )
        if step == self.STEP_RECOVERY:
            self.next_button.setText(self.tr("Open the vault"))
            self.next_button.setEnabled(self.confirm.isChecked())
        else:
            self.next_button.setText(
                self.tr("Create the vault") if step == self.STEP_PASSPHRASE else self.tr("Next")
            )
            self.next_button.setEnabled(not busy)

    # -- creation --------------------------------------------------------------------

    def _create(self) -> None:
        path = Path(self.location.text().strip())
        name = self.name.text().strip()
        passphrase = self.passphrase.text()
        kdf = self._kdf_params

        def job(progress: object, cancel: object) -> tuple[Vault, str]:
            return Vault.create(path, passphrase, name, kdf_params=kdf)

        self.busy.show()
        self._runner.start(job, on_success=self._created, on_error=self._failed)
        self._update_buttons()

    def _created(self, result: tuple[Vault, str]) -> None:
        self.busy.hide()
        self._vault, code = result
        self.passphrase.clear()
        self.repeat.clear()
        self.recovery.setText(code)
        self.steps.setCurrentIndex(self.STEP_RECOVERY)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        message, _ = describe_error(exc)
        self.error.setText(message or self.tr("The vault could not be created."))
        self._update_buttons()

    def _finish(self) -> None:
        vault, self._vault = self._vault, None
        self.recovery.clear()
        if vault is not None:
            self.vault_created.emit(vault)

    def shutdown(self) -> None:
        """Leaving the screen (window closed): stop work, lock a vault not yet handed over."""
        self._runner.cancel_all()
        self._runner.wait()
        QCoreApplication.sendPostedEvents()  # a vault created just now is handed over here
        if self._vault is not None:
            self._vault.lock()
            self._vault = None
