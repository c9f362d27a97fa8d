"""Security: bundles go only to trusted contacts, and sealed witness identities only to
trusted contacts who may see them (audit finding 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bundle_support import make_pair
from records_support import PASSPHRASE

from evidence_app import bundle
from evidence_app.cli import main
from evidence_app.errors import UserError


def test_export_refuses_an_untrusted_contact(tmp_path: Path) -> None:
    p = make_pair(tmp_path)
    try:
        stranger = p.alice.update_contact(p.bob_at_alice.id, trusted=False)
        assert stranger.may_see_identities
        out = tmp_path / "out.age"
        with pytest.raises(UserError) as exc:
            bundle.export_bundle(p.alice, [p.tid], [stranger], out)
        message = str(exc.value)
        assert "\n" not in message and "not trusted" in message
        assert stranger.id in message and stranger.fingerprint in message
        assert "contacts trust" in message
        assert not out.exists() and not list(tmp_path.glob("*.tmp"))
    finally:
        p.alice.lock()
        p.bob.lock()


def test_export_to_self_needs_no_contact(tmp_path: Path) -> None:
    p = make_pair(tmp_path)
    try:
        res = bundle.export_bundle(p.alice, [p.tid], [], tmp_path / "me.age", include_self=True)
        assert res.bundle_id
    finally:
        p.alice.lock()
        p.bob.lock()


def test_cli_trust_then_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = make_pair(tmp_path)
    stranger = p.alice.update_contact(p.bob_at_alice.id, trusted=False)
    p.alice.lock()
    p.bob.lock()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    base = ["--vault", str(tmp_path / "alice"), "--passphrase-file", str(pw)]
    out = tmp_path / "cli.age"
    assert main([*base, "export", "--to", stranger.id, "--out", str(out), p.tid]) == 2
    assert "not trusted" in capsys.readouterr().err and not out.exists()
    assert main([*base, "contacts", "trust", stranger.id, "--verified-how", "read aloud"]) == 0
    assert main([*base, "export", "--to", stranger.id, "--out", str(out), p.tid]) == 0
    assert out.exists()
