"""Vault commands of the CLI: init, identity, contacts, testimony, search, vault.

Passphrases come from the first line of ``--passphrase-file`` or from a no-echo prompt,
never from an argument (arguments are visible to other users in the process list).
Every command opens the vault, does one thing and locks it again. Errors are raised as
:class:`UserError` and printed as one line by :mod:`evidence_app.cli`; they change nothing.

Test-only: ``EVIDENCE_APP_TEST_KDF=fast`` makes new key slots use tiny Argon2id parameters,
so the CLI tests run fast. It is read in exactly one place,
:func:`evidence_app.keyslots.test_kdf_active`; it never lowers an existing slot, and
while it is set every start prints a warning (a vault made with it falls to guessing).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from crypto.age_recipients import X25519Identity
from crypto.identity import KeyCard
from crypto.kdf import Argon2Params
from evidence_app import custody, keyslots, records
from evidence_app.card_checks import card_warnings
from evidence_app.errors import CheckFailed, UserError
from evidence_app.i18n import _, ngettext
from evidence_app.model import INPUT_MAX_BYTES, load_input, status_label
from evidence_app.paths import atomic_write
from evidence_app.safetext import terminal_safe
from evidence_app.search import SORT_COLUMNS
from evidence_app.vault import Vault

TEST_KDF_ENV = keyslots.TEST_KDF_ENV
MAX_SMALL_FILE = 1024 * 1024  # passphrase files, key cards


def kdf_params() -> Argon2Params | None:
    """Argon2id parameters for new key slots: None (the calibrated default) unless the
    test-only environment variable asks for fast ones."""
    return keyslots.TEST_KDF if keyslots.test_kdf_active() else None


# --- passphrases and opening ---------------------------------------------------------


def _read_small(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_SMALL_FILE + 1)
    except OSError as exc:
        raise UserError(_("cannot read {path}: {reason}").format(
            path=path, reason=exc.strerror)) from None
    if len(data) > MAX_SMALL_FILE:
        raise UserError(_("{path} is too large").format(path=path))
    return data


def _passphrase_from_file(path: str) -> str:
    try:
        text = _read_small(path).decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(_("passphrase file {path} is not UTF-8").format(path=path)) from None
    lines = text.splitlines()
    passphrase = lines[0] if lines else ""
    if not passphrase:
        raise UserError(_("passphrase file {path} has an empty first line").format(path=path))
    return passphrase


def _prompt(label: str, *, confirm: bool) -> str:
    passphrase = getpass.getpass(f"{label}: ")
    if not passphrase:
        raise UserError(_("the passphrase is empty"))
    if confirm and getpass.getpass(_("{label} (again)").format(label=label) + ": ") != passphrase:
        raise UserError(_("the two passphrases differ"))
    return passphrase


def _passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    if args.passphrase_file:
        return _passphrase_from_file(args.passphrase_file)
    return _prompt(_("Vault passphrase"), confirm=confirm)


def _vault_path(args: argparse.Namespace) -> Path:
    return Path(args.vault) if args.vault else Vault.default_path()


@contextmanager
def _opened(args: argparse.Namespace, passphrase: str | None = None) -> Iterator[Vault]:
    """The vault, open for one command, locked again afterwards whatever happens."""
    path = _vault_path(args)
    if not Vault.exists(path):
        raise UserError(_("no vault at {path} (create one with: evidence-app init --name NAME)")
                        .format(path=path))
    if passphrase is None:
        passphrase = _passphrase(args)
    vault = Vault.open(path, passphrase, kdf_params=kdf_params())
    try:
        yield vault
    finally:
        vault.lock()


def _print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True))


def _one_line(text: str | None) -> str:
    """Free text squeezed onto one printable line for tables (stricter than
    :func:`terminal_safe`: every non-printable character becomes a space)."""
    return " ".join("".join(c if c.isprintable() else " " for c in text or "").split())


def _write_out(path: str, data: bytes) -> None:
    try:
        atomic_write(Path(path), data)
    except OSError as exc:
        raise UserError(_("cannot write {path}: {reason}").format(
            path=path, reason=exc.strerror)) from None


# --- commands ------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    path = _vault_path(args)
    if Vault.exists(path):
        raise UserError(_("a vault already exists at {path}").format(path=path))
    name = _one_line(args.name)
    if not name:
        raise UserError(_("--name must not be empty"))
    vault, recovery_code = Vault.create(path, _passphrase(args, confirm=True), name,
                                        kdf_params=kdf_params())
    try:
        print(_("vault created at {path}").format(path=path))
        print(_("fingerprint: {fingerprint}").format(fingerprint=vault.fingerprint()))
        print(_("recovery code: {code}").format(code=recovery_code))
        print(_("Write the recovery code down and keep it safe: it is shown only this once."))
        if not sys.stdout.isatty():
            print(_("evidence-app: WARNING: the recovery code went to a file or pipe, not a "
                    "terminal: copy it to paper, then destroy that output"), file=sys.stderr)
    finally:
        vault.lock()
    return 0


def cmd_identity_card(args: argparse.Namespace) -> int:
    with _opened(args) as vault:
        text = vault.identity.card().to_text()
    _write_out(args.out, text.encode("utf-8"))
    print(_("key card written to {path}").format(path=args.out))
    return 0


def cmd_identity_fingerprint(args: argparse.Namespace) -> int:
    with _opened(args) as vault:
        print(vault.fingerprint())
    return 0


def cmd_identity_export_age(args: argparse.Namespace) -> int:
    with _opened(args) as vault:
        lines = [i.to_string() for i in vault.identity.age_identities()
                 if not args.x25519_only or isinstance(i, X25519Identity)]
    _write_out(args.out, "".join(f"{line}\n" for line in lines).encode("ascii"))
    print(_("warning: {path} holds your SECRET decryption key(s), unencrypted; keep it "
            "offline and delete it when done").format(path=args.out), file=sys.stderr)
    return 0


def cmd_contacts_add(args: argparse.Namespace) -> int:
    try:
        card = _read_small(args.card).decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(_("key card {path} is not UTF-8").format(path=args.card)) from None
    with _opened(args) as vault:
        for warning in card_warnings(vault, KeyCard.parse(card)):
            print(_("warning: {message}").format(message=warning), file=sys.stderr)
        contact = vault.add_contact(card, trusted=args.trust,
                                    may_see_identities=args.may_see_identities,
                                    verified_how=args.verified_how)
    print(_("added contact {id} {name} {fingerprint}").format(
        id=contact.id, name=_one_line(contact.name), fingerprint=contact.fingerprint))
    return 0


def cmd_contacts_trust(args: argparse.Namespace) -> int:
    with _opened(args) as vault:
        contact = vault.update_contact(vault.get_contact(args.id).id, trusted=True,
                                       may_see_identities=args.may_see_identities or None,
                                       verified_how=args.verified_how)
    print(_("trusted contact {id} {name} {fingerprint}").format(
        id=contact.id, name=_one_line(contact.name), fingerprint=contact.fingerprint))
    return 0


def _contact_dict(c: Any) -> dict[str, Any]:
    return {"id": c.id, "name": c.name, "fingerprint": c.fingerprint, "trusted": c.trusted,
            "may_see_identities": c.may_see_identities, "verified_at": c.verified_at,
            "verified_how": c.verified_how, "added_at": c.added_at}


def cmd_contacts_list(args: argparse.Namespace) -> int:
    with _opened(args) as vault:
        contacts = vault.list_contacts()
    if args.json:
        _print_json([_contact_dict(c) for c in contacts])
        return 0
    for c in contacts:
        flags = ",".join(f for f, on in ((_("trusted"), c.trusted),
                                         (_("may-see-identities"), c.may_see_identities)) if on)
        print(f"{c.id}  {c.fingerprint}  {flags or '-'}  {_one_line(c.name)}")
    return 0


def _load_json_file(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            raw = fh.read(INPUT_MAX_BYTES + 1)  # load_input refuses anything longer
    except OSError as exc:
        raise UserError(_("cannot read {path}: {reason}").format(
            path=path, reason=exc.strerror)) from None
    checked = load_input(raw)
    return checked.to_json_dict(include_identity=True)


def cmd_testimony_add(args: argparse.Namespace) -> int:
    data = _load_json_file(args.json)
    attachments = [Path(p) for p in args.attach or []]
    with _opened(args) as vault:
        tid = records.add_testimony(vault, data, attachments)
    print(tid)
    return 0


def _filters(args: argparse.Namespace) -> records.Filters | None:
    values = (args.act, args.incident_from, args.incident_to, args.scope, args.status)
    if not any(values):
        return None
    return records.Filters(*values)


def _print_summaries(items: list[records.TestimonySummary], as_json: bool) -> None:
    if as_json:
        _print_json([s.to_dict() for s in items])
        return
    for s in items:
        print(f"{s.id}  {status_label(s.status):<8}  {terminal_safe(s.updated_at[:19])}  "
              + _("att={n}").format(n=s.attachment_count)
              + f"  {_one_line(s.title)}")


def cmd_testimony_list(args: argparse.Namespace) -> int:
    with _opened(args) as vault:
        items = records.list_testimonies(vault, offset=args.offset, limit=args.limit,
                                         sort=args.sort, filters=_filters(args))
    _print_summaries(items, args.json)
    return 0


def cmd_testimony_show(args: argparse.Namespace) -> int:
    with _opened(args) as vault:
        data = records.get_testimony(vault, args.id, include_identity=args.with_identity)
    if args.json:
        _print_json(data)
        return 0
    acts = sorted({a for i in data.get("incidents", []) for a in i.get("acts", [])})
    rows = [
        (_("id:"), data["id"]),
        (_("title:"), _one_line(data.get("title"))),
        (_("status:"), _("{status} (version {version})").format(
            status=status_label(data["status"]), version=data["version"])),
        (_("created:"), terminal_safe(data["created_at"])),
        (_("updated:"), terminal_safe(data["updated_at"])),
        (_("pseudonym:"), _one_line((data.get("witness") or {}).get("pseudonym")) or "-"),
        (_("acts:"), " ".join(acts) or "-"),
    ]
    rows += [(_("attachment:"), ngettext(
        "{id}  {media_type}  {size} byte  sha256 {sha256}",
        "{id}  {media_type}  {size} bytes  sha256 {sha256}", a["size"]).format(
            id=a["id"], media_type=a["media_type"], size=a["size"], sha256=a["sha256"]))
        for a in data["attachments"]]
    width = max(len(label) for label, _value in rows) + 1
    for label, value in rows:
        print(f"{label:<{width}}{value}")
    if data.get("narrative"):
        print()
        print(terminal_safe(data["narrative"], multiline=True))
    return 0


def cmd_testimony_attach(args: argparse.Namespace) -> int:
    with _opened(args) as vault:
        ids = records.attach(vault, args.id, [Path(p) for p in args.paths])
    for aid in ids:
        print(aid)
    return 0


def cmd_testimony_complete(args: argparse.Namespace) -> int:
    with _opened(args) as vault:
        records.set_status(vault, args.id, "complete")
    print(_("testimony {id} is complete").format(id=args.id))
    return 0


def cmd_testimony_history(args: argparse.Namespace) -> int:
    with _opened(args) as vault:
        versions = records.history(vault, args.id)
    for v in versions:
        print(f"{v.version}  {terminal_safe(v.created_at)}  {terminal_safe(v.author or '-')}  "
              f"sha256 {v.sha256}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with _opened(args) as vault:
        items = records.search(vault, args.query, filters=_filters(args), limit=args.limit)
    _print_summaries(items, args.json)
    return 0


def cmd_vault_check(args: argparse.Namespace) -> int:
    with _opened(args) as vault:
        problems = records.check_vault(vault)
    if problems:
        for p in problems:
            print(terminal_safe(p))
        raise CheckFailed(ngettext("vault check failed: {n} problem(s)",
                                   "vault check failed: {n} problem(s)",
                                   len(problems)).format(n=len(problems)))
    print(_("vault check passed"))
    return 0


def cmd_vault_change_passphrase(args: argparse.Namespace) -> int:
    old = _passphrase(args)
    with _opened(args, old) as vault:
        if args.new_passphrase_file:
            new = _passphrase_from_file(args.new_passphrase_file)
        else:
            new = _prompt(_("New vault passphrase"), confirm=True)
        vault.change_passphrase(old, new)
    print(_("passphrase changed"))
    return 0


def cmd_vault_shred(args: argparse.Namespace) -> int:
    if not args.yes:
        raise UserError(_("shredding destroys the vault for good; add --yes to confirm"))
    with _opened(args) as vault:
        vault.shred()
    print(_("vault shredded: it can no longer be opened"))
    # The custody log was destroyed with the keys: the time is the only record left.
    print(_("shred time (UTC): {time}").format(time=custody.utc_now()), file=sys.stderr)
    return 0


# --- argparse ------------------------------------------------------------------------------


def _add(sub: Any, name: str, func: Callable[[argparse.Namespace], int],
         help_text: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text,
                                                     description=help_text)
    parser.set_defaults(func=func)
    return parser


def _group(sub: Any, name: str, help_text: str) -> Any:
    parser = sub.add_parser(name, help=help_text, description=help_text)

    def need_subcommand(_args: argparse.Namespace) -> int:
        parser.print_usage(sys.stderr)
        raise UserError(_("'{name}' needs a subcommand").format(name=name))

    parser.set_defaults(func=need_subcommand)
    return parser.add_subparsers(dest=f"{name}_command", metavar="SUBCOMMAND")


def _filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--act", metavar="CODE", help=_("only with this Rome Statute act code"))
    parser.add_argument("--from", dest="incident_from", metavar="DATE",
                        help=_("only with an incident on or after DATE (YYYY[-MM[-DD]])"))
    parser.add_argument("--to", dest="incident_to", metavar="DATE",
                        help=_("only with an incident on or before DATE"))
    parser.add_argument("--scope", metavar="SCOPE", help=_("only if consent covers SCOPE"))
    parser.add_argument("--status", choices=("draft", "complete"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.add_argument("--limit", type=int, default=100)


def register(sub: Any) -> None:
    """Add the vault commands to the main parser's subparsers."""
    p = _add(sub, "init", cmd_init, _("create a new vault and your identity"))
    p.add_argument("--name", required=True, help=_("your name, as shown on your key card"))

    ident = _group(sub, "identity", _("your identity: key card, fingerprint, age key export"))
    p = _add(ident, "card", cmd_identity_card, _("write your public key card to a file"))
    p.add_argument("--out", required=True, metavar="FILE")
    _add(ident, "fingerprint", cmd_identity_fingerprint, _("print your fingerprint"))
    p = _add(ident, "export-age-identity", cmd_identity_export_age,
             _("write your SECRET age identities (for age/typage) to a file, mode 0600"))
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--x25519-only", action="store_true",
                   help=_("leave out the post-quantum identity (age 1.1 and older cannot read it; "
                          "they can decrypt only bundles made for X25519 recipients)"))

    contacts = _group(sub, "contacts", _("people you exchange bundles with"))
    p = _add(contacts, "add", cmd_contacts_add, _("add a contact from their key card file"))
    p.add_argument("card", metavar="CARD", help=_("key card file"))
    p.add_argument("--trust", action="store_true", help=_("trust bundles signed by this contact"))
    p.add_argument("--may-see-identities", action="store_true",
                   help=_("allow exporting sealed witness identities to this contact"))
    p.add_argument("--verified-how", metavar="HOW",
                   help=_('how the fingerprint was checked, e.g. "read aloud", "QR scanned"'))
    p = _add(contacts, "trust", cmd_contacts_trust,
             _("mark a contact trusted, after comparing its fingerprint with its owner"))
    p.add_argument("id", metavar="ID")
    p.add_argument("--verified-how", required=True, metavar="HOW",
                   help=_('how the fingerprint was checked, e.g. "read aloud", "QR scanned"'))
    p.add_argument("--may-see-identities", action="store_true",
                   help=_("also allow exporting sealed witness identities to this contact"))
    p = _add(contacts, "list", cmd_contacts_list, _("list contacts"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    testimony = _group(sub, "testimony", _("record, list, show and complete testimonies"))
    p = _add(testimony, "add", cmd_testimony_add,
             _("add a testimony from a JSON file; prints its id"))
    p.add_argument("--json", required=True, metavar="FILE", help=_("testimony input JSON"))
    p.add_argument("--attach", action="append", metavar="PATH",
                   help=_("attach a file (repeatable)"))
    p = _add(testimony, "list", cmd_testimony_list, _("list testimonies, newest first"))
    _filter_options(p)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--sort", choices=sorted(SORT_COLUMNS),
                   default="updated_at")
    p = _add(testimony, "show", cmd_testimony_show, _("show one testimony"))
    p.add_argument("id")
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument("--with-identity", action="store_true",
                   help=_("include the sealed witness identity"))
    p = _add(testimony, "attach", cmd_testimony_attach, _("attach files to a testimony"))
    p.add_argument("id")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p = _add(testimony, "complete", cmd_testimony_complete,
             _("mark a testimony complete (needs recorded consent)"))
    p.add_argument("id")
    p = _add(testimony, "history", cmd_testimony_history, _("list the saved versions"))
    p.add_argument("id")

    p = _add(sub, "search", cmd_search,
             _("full-text search over title, narrative, notes, pseudonym"))
    p.add_argument("query",
                   help=_('words to find (all must occur); end a word with * for a prefix'))
    _filter_options(p)

    vault = _group(sub, "vault", _("check, re-key or destroy the vault"))
    _add(vault, "check", cmd_vault_check, _("check database, attachments and custody chains"))
    p = _add(vault, "change-passphrase", cmd_vault_change_passphrase, _("change the passphrase"))
    p.add_argument("--new-passphrase-file", metavar="FILE",
                   help=_("read the new passphrase from the first line of FILE"))
    p = _add(vault, "shred", cmd_vault_shred, _("destroy the vault's keys: unreadable at once"))
    p.add_argument("--yes", action="store_true", help=_("confirm"))
