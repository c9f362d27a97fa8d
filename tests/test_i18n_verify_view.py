"""The desktop app's verify tab in Russian: check names and the signer's trust status are
shown translated (evidence_app's labels), not as the stable English codes."""

from __future__ import annotations

from pathlib import Path

from bundle_support import open_pair

from evidence_app import bundle, verify
from evidence_app import i18n as core_i18n
from ui.workers import TaskRunner


def test_verify_tab_shows_check_names_and_signer_status_in_russian(qtbot, qapp, tmp_path: Path
                                                                  ) -> None:
    from ui.i18n import switch_language
    from ui.verify_view import VerifyView

    with open_pair(tmp_path) as pair:
        sent = tmp_path / "sent.age"
        bundle.export_bundle(pair.alice, [pair.tid], [pair.bob_at_alice], sent)
        folder = bundle.decrypt_bundle(pair.bob, sent, tmp_path / "bag")
        try:
            switch_language(qapp, "ru")
            view = VerifyView(pair.bob, TaskRunner())
            qtbot.addWidget(view)
            with qtbot.waitSignal(view.verified, timeout=30_000) as blocker:
                view.check(folder)
            result = blocker.args[0]
            lines = [view.lines.item(i).text() for i in range(view.lines.count())]
            codes = {f.check for f in result.findings}
            labels = {f.check_label for f in result.findings}
            assert labels - codes, "some check names must differ from their English codes"
            for f, line in zip(result.findings, lines, strict=True):
                assert f"  {f.check_label}  " in line
            shown = verify.signer_status_label(result.signer.status)
            assert shown != result.signer.status and f"({shown})" in view.message.text()
        finally:
            switch_language(qapp, "")
            core_i18n.set_language("en")
