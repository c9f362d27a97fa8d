#!/usr/bin/env python3
"""Render each main screen of the app into docs/screenshots/*.png (for the user guides).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py --lang fa  # *_fa.png

Everything happens in a throw-away folder with a made-up vault (fast test-only key
derivation, fictional testimonies, the sample photos from tests/samples/photos).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The throwaway vaults use tiny Argon2id parameters (keyslots' test-only switch).
os.environ.setdefault("EVIDENCE_APP_TEST_KDF", "fast")
OUT = ROOT / "docs" / "screenshots"
PHOTOS = ROOT / "tests" / "samples" / "photos"
PASSPHRASE = "blue tangerine orbit lantern quietly"  # noqa: S105 - a throw-away demo vault

from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QEventLoop,
    QItemSelectionModel,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QTableView, QWidget  # noqa: E402

from crypto.kdf import Argon2Params  # noqa: E402
from evidence_app import records  # noqa: E402
from evidence_app.vault import Vault  # noqa: E402
from ui.i18n import switch_language, use_bundled_fonts  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.settings import Settings  # noqa: E402
from ui.setup_wizard import SetupWizard  # noqa: E402
from ui.unlock import UnlockScreen  # noqa: E402
from ui.workspace import Workspace  # noqa: E402

FAST = Argon2Params(memory_kib=64, iterations=1, lanes=1)  # screenshots only: never real vaults

TESTIMONIES = [
    {
        "title": "Detention at the river checkpoint",
        "narrative": "The witness describes being stopped at the checkpoint near the bridge "
                     "and held for three days without charge.",
        "witness": {"pseudonym": "W-014", "identity": {"name": "(sealed example name)"}},
        "interview": {"date": "2025-03-02", "place": "Field office", "mode": "in_person",
                      "interviewer": "Interviewer A", "languages": ["tg", "ru"]},
        "consent": {"given": True, "method": "oral", "date": "2025-03-02",
                    "scope": ["coordinator", "icc"], "identity_disclosure": "authorities_only"},
        "incidents": [{"date_precision": "day", "date_from": "2022-05-18",
                       "place": "River checkpoint", "acts": ["RS-7-1-e", "RS-7-1-f"]}],
        "status": "complete",
    },
    {
        "title": "Shelling of the school building",
        "narrative": "The witness saw the school hit twice in the morning.",
        "witness": {"pseudonym": "W-015"},
        "incidents": [{"date_precision": "month", "date_from": "2022-06",
                       "acts": ["RS-8-2-b-ix"]}],
    },
    {
        "title": "Forced transfer from the northern villages",
        "narrative": "Families were told to leave within a day.",
        "witness": {"pseudonym": "W-016"},
        "consent": {"given": True, "method": "written", "scope": ["coordinator"],
                    "identity_disclosure": "none"},
        "incidents": [{"date_precision": "year", "date_from": "2021",
                       "acts": ["RS-7-1-d"]}],
    },
]


# The sample titles and narratives in the screenshot's language (English: TESTIMONIES).
LOCAL_SAMPLES = {
    "tg": [("Боздошт дар гузаргоҳи назди дарё",
            "Шоҳид нақл мекунад, ки ӯро дар гузаргоҳи назди пул боздошт карда, се рӯз бе айбнома "
            "нигоҳ доштанд."),
           ("Тирборони бинои мактаб", "Шоҳид дид, ки субҳ ба мактаб ду бор тир заданд."),
           ("Кӯчонидани маҷбурӣ аз деҳаҳои шимолӣ",
            "Ба оилаҳо гуфтанд, ки дар як рӯз бароянд.")],
    "ru": [("Задержание на блокпосту у реки",
            "Свидетель рассказывает, как его остановили на блокпосту у моста и три дня "
            "удерживали без обвинения."),
           ("Обстрел здания школы", "Свидетель видел, как утром в школу дважды попали снаряды."),
           ("Насильственное переселение из северных сёл",
            "Семьям велели уехать в течение суток.")],
    "fa": [("بازداشت در ایست بازرسی کنار رودخانه",
            "شاهد شرح می‌دهد که در ایست بازرسی نزدیک پل متوقف شد و سه روز بدون اتهام "
            "بازداشت ماند."),
           ("گلوله‌باران ساختمان مدرسه", "شاهد دید که صبح دو بار به مدرسه شلیک شد."),
           ("کوچ اجباری از روستاهای شمالی", "به خانواده‌ها گفتند ظرف یک روز آنجا را ترک کنند.")],
}
SUFFIX = [""]  # "_fa" etc. with --lang


def settle(ms: int = 50) -> None:
    """Let pending events, layouts and paints run."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout_ms: int = 20_000) -> None:
    waited = 0
    while not condition():
        settle(20)
        waited += 20
        if waited > timeout_ms:
            raise RuntimeError("timed out waiting for the app")


def select_row(table: QTableView, row: int) -> None:
    """Select a whole row. (QTableView.selectRow selects nothing right to left, Qt 6.)"""
    model = table.model()
    flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
             | QItemSelectionModel.SelectionFlag.Rows)
    table.selectionModel().setCurrentIndex(model.index(row, 0), flags)


def shot(widget: QWidget, name: str) -> None:
    settle()
    path = OUT / f"{name}{SUFFIX[0]}.png"
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not save {path}")
    print(f"wrote {path.relative_to(ROOT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="", help="interface language, e.g. tg, ru, fa "
                        "(default: English); files are named *_<lang>.png")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QCoreApplication.setApplicationName("Evidence Vault")
    assert isinstance(app, QApplication)
    use_bundled_fonts(app)  # as the app does
    if args.lang:
        switch_language(app, args.lang)
        SUFFIX[0] = f"_{args.lang}"
        for sample, (title, narrative) in zip(TESTIMONIES, LOCAL_SAMPLES[args.lang],
                                              strict=True):
            sample.update(title=title, narrative=narrative)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        settings = Settings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))

        # First run: the wizard, on the passphrase step.
        win = MainWindow(tmp / "vault", kdf_params=FAST, settings=settings)
        win.resize(1100, 720)
        win.show()
        wiz = win.screen_widget
        assert isinstance(wiz, SetupWizard)
        wiz.name.setText("Field team A")
        wiz.next_button.click()
        wiz.next_button.click()
        wiz.passphrase.setText(PASSPHRASE)
        wiz.repeat.setText(PASSPHRASE)
        shot(win, "01-setup-passphrase")
        wiz.next_button.click()
        wait_until(lambda: wiz.steps.currentIndex() == SetupWizard.STEP_RECOVERY)
        shot(win, "02-setup-recovery-code")
        wiz.confirm.setChecked(True)
        wiz.next_button.click()
        wait_until(lambda: isinstance(win.screen_widget, Workspace))

        vault = win.vault
        assert vault is not None
        ids = [records.add_testimony(vault, t) for t in TESTIMONIES]
        records.attach(vault, ids[0], [PHOTOS / "jpg_gps_DSCN0010.jpg",
                                       PHOTOS / "jpg_orientation_landscape_6.jpg",
                                       PHOTOS / "jpg_Canon_40D.jpg"])
        other, _ = Vault.create(tmp / "lawyer", PASSPHRASE, "Lawyer B", kdf_params=FAST)
        card = other.identity.card().to_text()
        other.lock()
        vault.add_contact(card, trusted=True, may_see_identities=False,
                          verified_how="in person")

        ws = win.screen_widget
        assert isinstance(ws, Workspace)
        ws.list.refresh()
        ws.keys.reload()

        def first_selected() -> bool:  # (re)select until the list has loaded and shows it
            select_row(ws.list.table, ws.list.model.row_of(ids[0]))
            return ws.editor.tid == ids[0]

        wait_until(first_selected)
        shot(win, "03-testimonies")
        tabs = ws.editor.form.tabs
        for index, name in ((1, "04-witness-sealed-identity"), (2, "05-consent"),
                            (3, "06-incidents"), (4, "07-files-gps-warning"),
                            (5, "08-custody")):
            tabs.setCurrentIndex(index)
            if name == "08-custody":
                wait_until(lambda: ws.custody.table.rowCount() > 0)
            if name == "07-files-gps-warning":
                panel = ws.attachments
                files = panel.list  # thumbnails come from a worker
                wait_until(lambda files=files: files.count() > 0 and all(
                    not files.item(r).icon().isNull() for r in range(files.count())))
                for row in range(panel.list.count()):
                    if "GPS" in panel.list.item(row).text():
                        panel.list.setCurrentRow(row)
            shot(win, name)
        tabs.setCurrentIndex(0)
        ws.tabs.setCurrentIndex(1)
        shot(win, "09-keys-and-contacts")
        ws.tabs.setCurrentIndex(0)
        dialog = ws.export_selected()
        assert dialog is not None
        dialog.next_button.click()
        dialog.recipients.item(0).setCheckState(Qt.CheckState.Checked)
        shot(dialog, "10-export-recipients")
        dialog.next_button.click()
        dialog.destination.setText(str(tmp / "bundle.age"))
        dialog.next_button.click()
        wait_until(lambda: dialog.result_value is not None)
        shot(dialog, "11-export-done")
        dialog.accept()
        my_card = vault.identity.card().to_text()

        win.lock()
        screen = win.screen_widget
        assert isinstance(screen, UnlockScreen)
        screen.passphrase.setText("not the passphrase")
        screen.unlock_button.click()
        wait_until(lambda: bool(screen.error.text()))
        shot(win, "00-unlock-wrong-passphrase")
        win.close()

        lawyer_screens(tmp, my_card, settings)
    app.processEvents()
    return 0


def lawyer_screens(tmp: Path, documenter_card: str, settings: Settings) -> None:
    """The lawyer's side: import the bundle (and a damaged copy), then verify it."""
    win = MainWindow(tmp / "lawyer", kdf_params=FAST, settings=settings)
    win.resize(1100, 720)
    win.show()
    screen = win.screen_widget
    assert isinstance(screen, UnlockScreen)
    screen.passphrase.setText(PASSPHRASE)
    screen.unlock_button.click()
    wait_until(lambda: isinstance(win.screen_widget, Workspace))
    ws = win.screen_widget
    assert isinstance(ws, Workspace) and win.vault is not None
    win.vault.add_contact(documenter_card, trusted=True, verified_how="in person")
    bundle = tmp / "bundle.age"
    damaged = tmp / "damaged-copy.age"
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 1
    damaged.write_bytes(bytes(data))
    ws.tabs.setCurrentWidget(ws.importer)
    ws.importer.import_files([bundle, damaged])
    wait_until(lambda: ws.importer.task is None and bool(ws.importer.outcomes))
    shot(win, "12-import")
    ws.tabs.setCurrentWidget(ws.verifier)
    ws.verifier.check(bundle)
    wait_until(lambda: ws.verifier.result is not None)
    shot(win, "13-verify")
    ws.tabs.setCurrentIndex(0)
    select_row(ws.list.table, 0)
    ws.editor.form.tabs.setCurrentWidget(ws.custody)
    wait_until(lambda: ws.custody.table.rowCount() > 0)
    shot(win, "14-lawyer-testimonies")
    win.close()


if __name__ == "__main__":
    raise SystemExit(main())
