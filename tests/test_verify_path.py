"""verify.verify_path: the one verification of a path with (or without) a vault."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest
from bundle_support import open_pair

from evidence_app import bundle, verify
from evidence_app.bundle_errors import NotForMeError
from evidence_app.errors import UserError


def test_bundle_with_the_recipients_vault(tmp_path: Path) -> None:
    with open_pair(tmp_path) as p:
        out = tmp_path / "b.age"
        exported = bundle.export_bundle(p.alice, [p.tid], [p.bob_at_alice], out)
        result = verify.verify_path(out, p.bob)
        assert result.ok and result.bundle_id == exported.bundle_id
        assert result.signer is not None and result.signer.status == "trusted"
        assert result.signer.contact_id == p.alice_at_bob.id
        with pytest.raises(NotForMeError):
            verify.verify_path(out, p.alice)  # not one of the recipients
        with pytest.raises(UserError):
            verify.verify_path(out, None)  # an encrypted bundle needs a vault
        # Decrypted to a bag tar, it is checked without a vault; only trust cannot pass.
        bag_tar = tmp_path / "bag.tar"
        with open(out, "rb") as src, open(bag_tar, "wb") as dst:
            reader = verify.decrypt_stream(src, p.bob.identity.age_identities())
            while chunk := reader.read(1 << 16):
                dst.write(chunk)
        assert tarfile.is_tarfile(bag_tar)
        alone = verify.verify_path(bag_tar, None)
        assert [f.check for f in alone.findings if not f.ok] == ["trust"]  # nobody to trust
        assert alone.signer is not None and alone.signer.status == "not checked (no vault)"
