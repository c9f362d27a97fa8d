"""``evidence-app self-test`` speaks the user's language too (a field user runs it when
something seems wrong)."""

from __future__ import annotations

import io

from evidence_app import i18n, selftest


def test_self_test_lines_in_russian() -> None:
    i18n.set_language("ru")
    out = io.StringIO()
    assert selftest.run_self_test(out)
    text = out.getvalue()
    assert "шифрование и расшифровка age v1 X25519" in text
    assert "создание и проверка подписи OpenSSH Ed25519" in text
    assert "зашифровано на диске" in text
    assert "round trip" not in text and "sign/verify" not in text
