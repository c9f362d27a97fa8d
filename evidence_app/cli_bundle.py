"""Commands for bundles: export, import, verify, decrypt (see docs/bundle-format.md)."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Any

from crypto.errors import CryptoError
from crypto.identity import KeyCard
from evidence_app import bundle, records, verify
from evidence_app.cli_vault import _opened, _read_small, _vault_path
from evidence_app.errors import UserError, describe_error
from evidence_app.i18n import _, ngettext, set_language
from evidence_app.paths import atomic_write
from evidence_app.report import verify_report_html
from evidence_app.safetext import terminal_safe
from evidence_app.vault import Contact, Vault


def _contact(vault: Vault, ref: str) -> Contact:
    """A contact by id, fingerprint, or the path of their key card."""
    path = Path(ref)
    if path.is_file():
        try:
            card = KeyCard.parse(_read_small(ref))
        except CryptoError as exc:
            raise UserError(_("{path}: {problem}").format(
                path=ref, problem=describe_error(exc)[0])) from None
        try:
            return vault.get_contact(card.fingerprint())
        except UserError:
            raise UserError(_("that key card is not a contact yet: add it first")) from None
    return vault.get_contact(ref)


def _all_testimonies(vault: Vault) -> list[str]:
    """Every testimony id, oldest first, page by page."""
    ids: list[str] = []
    while page := records.list_testimonies(vault, offset=len(ids), limit=1000,
                                           sort="created_at", descending=False):
        ids += [t.id for t in page]
    return ids


def _progress(done: int, total: int | None) -> None:
    if total:
        print(f"\r{100 * done // total:3d}%", end="", file=sys.stderr, flush=True)


def _testimonies(n: int) -> str:
    return ngettext("{n} testimony", "{n} testimonies", n).format(n=n)


def cmd_export(args: argparse.Namespace) -> int:
    if bool(args.all) == bool(args.ids):
        raise UserError(_("give testimony IDs or --all (not both)"))
    with _opened(args) as vault:
        contacts = [_contact(vault, ref) for ref in args.to or []]
        tids = args.ids
        if args.all:
            tids = _all_testimonies(vault)
        result = bundle.export_bundle(
            vault, tids, contacts, Path(args.out), redact_exif=args.redact_exif,
            omit_originals=args.omit_originals, include_self=args.include_self,
            classical=args.classical, source_organization=args.organization,
            progress=_progress if sys.stderr.isatty() else None)
    print(_("exported bundle {id}: {testimonies}, {recipients}, sha256 {sha256}").format(
        id=result.bundle_id, testimonies=_testimonies(len(result.testimonies)),
        recipients=ngettext("{n} recipient", "{n} recipients", len(result.recipients)).format(
            n=len(result.recipients)),
        sha256=result.file_sha256))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with _opened(args) as vault:
        for name in args.files:
            result = bundle.import_bundle(vault, Path(name),
                                          allow_unknown_signer=args.allow_unknown_signer)
            status = (_("imported") if result.status == "imported"
                      else _("already imported"))
            line = _("{status}: bundle {id}, {testimonies}, signer {fingerprint}").format(
                status=status, id=result.bundle_id,
                testimonies=_testimonies(len(result.testimonies)),
                fingerprint=result.signer_fingerprint)
            if not result.signer_trusted:
                line += " " + _("(FLAGGED: signer not trusted)")
            print(line)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    if args.json:
        set_language("en")  # machine output: stable English, whatever the locale
    if Vault.exists(_vault_path(args)):
        with _opened(args) as vault:
            result = verify.verify_path(Path(args.path), vault)
    else:
        result = verify.verify_path(Path(args.path), None)
    if args.report:
        _write_report(result, Path(args.report))
    if args.json:
        print(json.dumps(verify.to_json(result), ensure_ascii=False, indent=2))
    else:
        for f in result.findings:
            print(f"{_('PASS') if f.ok else _('FAIL')}  {f.check_label:<10} "
                  f"{terminal_safe(f.subject)}: {terminal_safe(f.detail)}")
        print(_("all checks passed") if result.ok else _("VERIFICATION FAILED"))
    return 0 if result.ok else 1


def _write_report(result: verify.VerifyResult, path: Path) -> None:
    html = verify_report_html(verify.facts(result), result.findings,
                              verify.repeat_commands(result))
    if path.suffix.lower() == ".pdf":
        try:
            pdf: Any = importlib.import_module("ui.pdf_report")
        except ModuleNotFoundError as exc:
            raise UserError(_("PDF reports need the desktop app's Qt: {reason}").format(
                reason=exc)) from None
        pdf.html_to_pdf(html, path)
    else:
        atomic_write(path, html.encode("utf-8"))


def cmd_decrypt(args: argparse.Namespace) -> int:
    with _opened(args) as vault:
        folder = bundle.decrypt_bundle(vault, Path(args.bundle), Path(args.out),
                                       allow_unknown_signer=args.allow_unknown_signer)
    print(_("verified bag written to {path}").format(path=folder))
    return 0


def cmd_exhibit(args: argparse.Namespace) -> int:
    with _opened(args) as vault:
        if args.bundle_id is None:
            for b in bundle.received_bundles(vault):
                trust = _("trusted signer") if b.signer_trusted else _("FLAGGED: untrusted signer")
                print(f"{b.bundle_id}  {b.received_at}  {b.signer_fingerprint}  {trust}")
            return 0
        if not args.out:
            raise UserError(_("give --out FILE to write the exhibit"))
        path = bundle.write_exhibit(vault, args.bundle_id, Path(args.out))
    print(_("exhibit written, byte for byte as received, to {path}").format(path=path))
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help=_("export testimonies as a signed, encrypted bundle"))
    p.add_argument("--to", action="append", metavar="CONTACT",
                   help=_("recipient: contact id, fingerprint or key card file (repeatable)"))
    p.add_argument("--out", required=True, metavar="FILE", help=_("bundle file to write"))
    p.add_argument("--redact-exif", action="store_true",
                   help=_("add EXIF-stripped copies of photos (derivatives/)"))
    p.add_argument("--omit-originals", action="store_true",
                   help=_("leave the original files out (only metadata and derivatives)"))
    p.add_argument("--include-self", action="store_true", help=_("I can decrypt it too"))
    p.add_argument("--classical", action="store_true",
                   help=_("encrypt to X25519 only (for age < 1.3), not post-quantum"))
    p.add_argument("--organization", metavar="NAME",
                   help=_("Source-Organization written in bag-info.txt (optional)"))
    p.add_argument("--all", action="store_true", help=_("every testimony in the vault"))
    p.add_argument("ids", nargs="*", metavar="ID", help=_("testimony IDs"))
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help=_("import bundles sent to me (all checks first)"))
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--allow-unknown-signer", action="store_true",
                   help=_("accept a signer who is not a trusted contact (flagged)"))
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("verify", help=_("check a bundle, a bag folder or a bag tar"))
    p.add_argument("path", metavar="PATH")
    p.add_argument("--report", metavar="FILE", help=_("write an HTML or PDF (.pdf) report"))
    p.add_argument("--json", action="store_true", help=_("machine-readable output"))
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("decrypt", help=_("decrypt a bundle and write the verified bag"))
    p.add_argument("bundle", metavar="BUNDLE")
    p.add_argument("--out", required=True, metavar="DIR", help=_("folder to create"))
    p.add_argument("--allow-unknown-signer", action="store_true",
                   help=_("accept a signer who is not a trusted contact"))
    p.set_defaults(func=cmd_decrypt)

    p = sub.add_parser("exhibit", help=_("list received bundles, or write one back exactly "
                                         "as it was received (the court's exhibit)"))
    p.add_argument("bundle_id", nargs="?", metavar="BUNDLE_ID",
                   help=_("bundle id, as import printed it; without it, list them"))
    p.add_argument("--out", metavar="FILE", help=_("file to create"))
    p.set_defaults(func=cmd_exhibit)
