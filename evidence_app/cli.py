"""Command-line front end. The GUI and this CLI call the same core functions.

Commands live in small modules that each expose ``register(subparsers)``; every command
function takes the parsed ``argparse.Namespace`` and returns an exit code. Errors the user
can act on are raised as :class:`evidence_app.errors.UserError` (or a crypto error) and
printed as one line on stderr, with exit code 2 (1 for a failed check).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from evidence_app import __version__, hardening
from evidence_app.errors import UserError, describe_error
from evidence_app.i18n import _, install_argparse, set_language

# Modules that add subcommands. A module that is not there yet is skipped.
COMMAND_MODULES = (
    "evidence_app.selftest",
    "evidence_app.cli_vault",
    "evidence_app.cli_bundle",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="evidence-app",
        description=_("Encrypted evidence vault: record testimony offline, export signed "
                      "encrypted bundles, import and verify them."),
    )
    parser.add_argument("--version", action="version", version=f"evidence-app {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument("--vault", metavar="DIR",
                        help=_("vault folder (default: per-user data dir)"))
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=_("read the passphrase from the first line of FILE (otherwise: prompt, no echo)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help=_("open the desktop app (the default with no command)"))
    gui.set_defaults(func=_run_gui)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    # The GUI is a separate layer on top of this package; import it only here, by name,
    # so that evidence_app itself never depends on Qt.
    try:
        gui = importlib.import_module("ui.app")
    except ModuleNotFoundError as exc:
        raise UserError(_("the desktop app is not available: {reason}").format(
            reason=exc)) from None
    result: int = gui.run(args)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)
    hardening.start()  # no core dumps; loud warning while the test-only KDF switch is set
    set_language()  # EVIDENCE_APP_LANG, else the system locale
    install_argparse()  # argparse's own words ("usage:", its errors) in that language too
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        func = _run_gui
    try:
        code: int = func(args)
        return code
    except KeyboardInterrupt:
        print(_("evidence-app: interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - every failure becomes one clear line
        message, code = describe_error(exc)
        if message is None:
            raise
        print(_("evidence-app: error: {message}").format(message=message), file=sys.stderr)
        return code


if __name__ == "__main__":
    raise SystemExit(main())
