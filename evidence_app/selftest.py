"""``evidence-app self-test``: proves that this build's crypto, SQLCipher and FTS5 work.

Used to check packaged (frozen) builds: it exits 0 only if every check passes.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import secrets
import sys
import tempfile
from collections.abc import Callable

from evidence_app.i18n import _


def _check_age_roundtrip() -> str:
    from crypto import age

    ident = age.X25519Identity.generate()
    plain = secrets.token_bytes(200_000)
    enc = io.BytesIO()
    age.encrypt(io.BytesIO(plain), enc, [ident.recipient()])
    enc.seek(0)
    out = io.BytesIO()
    age.decrypt(enc, out, [ident])
    if out.getvalue() != plain:
        raise RuntimeError(_("age round trip returned different bytes"))
    return _("age v1 X25519 encrypt/decrypt round trip")


def _check_signature() -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from crypto import sshsig

    key = Ed25519PrivateKey.generate()
    sig = sshsig.sign(key, b"self-test", namespace="self-test@evidence-vault")
    sshsig.verify(sig, b"self-test", namespace="self-test@evidence-vault",
                  public_key=key.public_key())
    return _("OpenSSH Ed25519 signature sign/verify")


def _check_sqlcipher() -> str:
    import sqlcipher3

    key = secrets.token_hex(32)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "t.db")
        con = sqlcipher3.connect(path)
        con.execute(f"PRAGMA key = \"x'{key}'\"")
        con.execute("PRAGMA cipher_compatibility = 4")
        version = con.execute("PRAGMA cipher_version").fetchone()
        if not version or not str(version[0]).startswith("4."):
            raise RuntimeError(_("SQLCipher 4 expected, got {version}").format(
                version=repr(version)))
        con.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
        con.execute("INSERT INTO t(body) VALUES ('шоҳид ҳақиқат')")
        hit = con.execute("SELECT count(*) FROM t WHERE t MATCH 'шоҳид'").fetchone()[0]
        con.commit()
        con.close()
        if hit != 1:
            raise RuntimeError(_("FTS5 search found nothing"))
        with open(path, "rb") as fh:
            if fh.read(16) == b"SQLite format 3\x00":
                raise RuntimeError(_("database file is not encrypted"))
    return _("SQLCipher {version} with FTS5, encrypted at rest").format(version=version[0])


def _check_qt() -> str | None:
    """Start the Qt main window offscreen, when the GUI layer is part of this build."""
    try:
        importlib.import_module("ui")
        gui = importlib.import_module("ui.selftest")
    except ModuleNotFoundError:
        return None
    result: str = gui.check_main_window()
    return result


CHECKS: list[Callable[[], str | None]] = [
    _check_age_roundtrip, _check_signature, _check_sqlcipher, _check_qt,
]


def run_self_test(out: io.TextIOBase | None = None) -> bool:
    stream = out or sys.stdout
    ok = True
    for check in CHECKS:
        name = check.__name__.removeprefix("_check_")
        try:
            what = check()
        except Exception as exc:  # noqa: BLE001 - the self-test reports every failure
            ok = False
            print(_("FAIL {name}: {error}").format(name=name, error=f"{type(exc).__name__}: {exc}"),
                  file=stream)
        else:
            if what is not None:
                print(_("ok   {check}").format(check=what), file=stream)
    print(_("self-test passed") if ok else _("self-test FAILED"), file=stream)
    return ok


def _cmd(args: argparse.Namespace) -> int:
    return 0 if run_self_test() else 1


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("self-test", help=_("check crypto, SQLCipher and FTS5 in this build"))
    p.set_defaults(func=_cmd)
