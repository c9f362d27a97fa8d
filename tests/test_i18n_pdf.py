"""The PDF verification report in Tajik and Persian: the bundled Noto fonts are embedded and
every letter comes back out of the PDF (pdftotext), so no glyph is missing even on a
system without fonts for Tajik or Persian."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest
from bundle_support import open_pair

from evidence_app import bundle, i18n, report, verify
from tests.conftest import require_tool


@pytest.mark.interop
@pytest.mark.parametrize(("lang", "letters"), [("tg", "ҳқҷ"), ("fa", "گزارشیبست")])
def test_pdf_report_embeds_the_fonts_and_keeps_every_letter(qapp, tmp_path: Path, lang: str,
                                                            letters: str) -> None:
    from ui.pdf_report import html_to_pdf

    pdffonts, pdftotext = require_tool("pdffonts"), require_tool("pdftotext")
    with open_pair(tmp_path) as pair:
        sent = tmp_path / "sent.age"
        bundle.export_bundle(pair.alice, [pair.tid], [pair.bob_at_alice], sent)
        result = verify.verify_path(sent, pair.bob)
    i18n.set_language(lang)
    html = report.verify_report_html(verify.facts(result), result.findings,
                                     verify.repeat_commands(result))
    pdf = tmp_path / f"report-{lang}.pdf"
    html_to_pdf(html, pdf)
    fonts = subprocess.run([pdffonts, str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    assert "NotoSans" in fonts.replace(" ", "")
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    # Persian comes out as contextual presentation forms (NFKC maps them back to letters).
    text = unicodedata.normalize("NFKC", text)
    for letter in letters:
        assert letter in text, letter
    if lang == "tg":  # left to right: the title comes out in order
        title = i18n._("Evidence bundle verification report")
        assert title != "Evidence bundle verification report" and title in text
