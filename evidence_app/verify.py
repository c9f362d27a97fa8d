"""Verifying a bundle's bag: every check, each with its verdict (used by verify and import).

The chain of trust checked here: the signature (by the key in signer.pub, which must be a
trusted contact) covers the tag manifest, which covers bagit.txt, bag-info.txt, the
manifest, signer.pub and allowed_signers; the manifest covers every payload file. Then
the payload's meaning: each testimony.json is valid and names files whose hashes the
manifest confirms, each custody chain is continuous, signed, about that testimony, and
ends with the export in this bundle; consent is recorded for every testimony.

:func:`check_scan` works on a :class:`~evidence_app.bag.BagScan` and never needs the
vault; the caller passes what it knows (trusted keys, my fingerprint).
"""

from __future__ import annotations

import hashlib
import re
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from crypto import age, sshsig
from crypto.errors import CancelledError, CryptoError, NoIdentityMatchError
from crypto.identity import fingerprint_of
from crypto.stream import PayloadReader
from evidence_app import custody, model, records, report
from evidence_app.bag import (
    MANIFEST,
    SIGNATURE,
    TAGMANIFEST,
    BagScan,
    Cancel,
    Finding,
    check_bag,
    check_signature,
    hmac_equal,
    info_values,
    parse_bag_info,
    scan_folder,
    scan_tar,
)
from evidence_app.bundle_errors import (
    BagInvalidError,
    BundleDecryptError,
    CustodyChainError,
    NotForMeError,
    UntrustedSignerError,
)
from evidence_app.errors import CheckFailed, UserError
from evidence_app.i18n import N_, _
from evidence_app.safetar import Readable

if TYPE_CHECKING:
    from evidence_app.vault import Vault

TESTIMONY_SCHEMA = "evidence-vault/bundle-testimony/1"
SEALED_IDENTITY = "data/sealed-identity.age"
TOP_FILES = frozenset({"data/index.html", "data/loadsheet.csv", SEALED_IDENTITY})
MAX_KEPT = 64 << 20  # one kept file
MAX_KEPT_TOTAL = 128 << 20  # every kept file of one scan together
_ID = re.compile(r"[0-9a-f]{32}")
_SHA = re.compile(r"[0-9a-f]{64}")
_EVIDENCE_NAME = re.compile(r"((?:originals|derivatives)/)(\d+)-[^\s:;,]+")
_SUBFOLDERS = ("originals/", "derivatives/")
_AGE_HEAD = b"age-encryption.org/v1\n"
_ARMOR_HEAD = b"-----BEGIN AGE ENCRYPTED FILE-----"


def keep_for_checks(path: str, size: int) -> bool:
    """Which payload files a scan keeps in memory: the small ones checks must read."""
    name = path.rsplit("/", 1)[-1]
    return size <= MAX_KEPT and (
        name in ("testimony.json", "custody.jsonl") or path in TOP_FILES)


class _KeptBudget:
    """``keep`` for one scan: :func:`keep_for_checks`, plus a limit on all kept files
    together, checked against the declared size before a byte is read. The signature is
    only known at the end of the scan, so memory must not grow with hostile input."""

    def __init__(self) -> None:
        self.left = MAX_KEPT_TOTAL

    def __call__(self, path: str, size: int) -> bool:
        if not keep_for_checks(path, size):
            return False
        if size > self.left:
            raise BagInvalidError(_("the bag's testimony, custody and identity files are "
                                    "too large together"))
        self.left -= size
        return True


@dataclass(frozen=True)
class Signer:
    """Who signed: key, fingerprint, and what this vault knows about that key."""

    key: Ed25519PublicKey
    fingerprint: str
    principal: str
    status: str  # "trusted", "known but not trusted", "unknown", "not checked (no vault)"
    contact_id: str | None = None


# The trust finding for each signer status (Signer.status; the status itself stays a
# stable English code in verify --json).
_SIGNER_IS = {
    "trusted": N_("signer is trusted"),
    "known but not trusted": N_("signer is known but not trusted"),
    "unknown": N_("signer is unknown"),
    "not checked (no vault)": N_("signer is not checked (no vault)"),
}


# Given the signer's key: (fingerprint, status, contact id or None).
TrustLookup = Callable[[Ed25519PublicKey], tuple[str, str, str | None]]


@dataclass
class VerifyResult:
    """All findings about one bag, plus the facts a report shows."""

    scan: BagScan
    findings: list[Finding] = field(default_factory=list)
    signer: Signer | None = None
    bundle_id: str | None = None
    info: list[tuple[str, str]] = field(default_factory=list)
    testimonies: dict[str, dict[str, Any]] = field(default_factory=dict)
    custody: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when there is at least one finding and none failed."""
        return bool(self.findings) and all(f.ok for f in self.findings)

    def first_failure(self) -> Finding | None:
        """The first failed finding, in check order."""
        return next((f for f in self.findings if not f.ok), None)



def redact(text: str) -> str:
    """``text`` with evidence file names cut to their ``NN-`` index, for error messages
    (which may be logged); reports and verify output keep full bag paths on purpose."""
    return _EVIDENCE_NAME.sub(r"\1\2-…", text)


def check_scan(scan: BagScan, trust: TrustLookup | None,
               my_fingerprint: str | None = None) -> VerifyResult:
    """Run every check on a scanned bag.

    ``trust`` maps the signer's key to its fingerprint and trust status (None: no vault,
    the trust check fails as "not checked"). With ``my_fingerprint`` (we decrypted it),
    that fingerprint must be listed in Intended-Recipients.
    """
    result = VerifyResult(scan)
    add = result.findings.append
    result.findings.extend(check_bag(scan))
    if any(not f.ok and f.check == "bag" for f in result.findings):
        return result  # structure is broken: nothing below would mean anything
    result.info = parse_bag_info(scan.tags["bag-info.txt"])
    ids = info_values(result.info, "External-Identifier")
    result.bundle_id = ids[0] if len(ids) == 1 and _ID.fullmatch(ids[0]) else None
    if result.bundle_id is None:
        add(Finding("bag", "bag-info.txt", False,
                    N_("External-Identifier missing, repeated or not a bundle id")))
    sig, key, principal = check_signature(scan)
    add(sig)
    if key is not None and principal is not None:
        result.signer = _signer(key, principal, trust)
        trusted = result.signer.status == "trusted"
        add(Finding("trust", result.signer.fingerprint, trusted,
                    _SIGNER_IS.get(result.signer.status, N_("signer is {status}")),
                    UntrustedSignerError, (("status", result.signer.status),)))
    recipients = info_values(result.info, "Intended-Recipients")
    if my_fingerprint is not None:
        mine = _digits(my_fingerprint) in {_digits(r) for r in recipients}
        add(Finding("recipients", "Intended-Recipients", mine,
                    N_("my fingerprint is an intended recipient") if mine else
                    N_("bundle was re-encrypted: my fingerprint is not an intended recipient"),
                    NotForMeError))
    if sig.ok and not any(not f.ok and f.check in ("bag", "file") for f in result.findings):
        _check_payload(result)  # parse payload files only once signature and hashes hold
    return result


def _digits(fingerprint: str) -> str:
    return "".join(ch for ch in fingerprint if ch.isdigit())


def _signer(key: Ed25519PublicKey, principal: str, trust: TrustLookup | None) -> Signer:
    if trust is None:
        return Signer(key, principal, principal, "not checked (no vault)")
    fingerprint, status, contact_id = trust(key)
    return Signer(key, fingerprint, principal, status, contact_id)


def _load_json(result: VerifyResult, path: str) -> Any:
    data = result.scan.kept.get(path)
    if data is None:
        raise BagInvalidError(_("{path}: missing or too large").format(path=path))
    try:
        return model.parse_untrusted_json(data, max_bytes=MAX_KEPT)
    except model.UntrustedJSONError as exc:
        raise BagInvalidError(_("{path}: {problem}").format(path=path, problem=exc)) from None


def _load_jsonl(result: VerifyResult, path: str) -> list[dict[str, Any]]:
    data = result.scan.kept.get(path)
    if data is None:
        raise CustodyChainError(_("{path}: missing or too large").format(path=path))
    try:
        return custody.from_jsonl(data)
    except custody.CustodyError as exc:
        raise CustodyChainError(_("{path}: {problem}").format(path=path, problem=exc)) from None


def testimony_ids(scan: BagScan) -> list[str]:
    """Testimony folders in the payload, sorted; unknown payload paths raise."""
    ids: set[str] = set()
    for path in scan.files:
        if not path.startswith("data/") or path in TOP_FILES:
            continue
        parts = path.split("/")
        if not _ID.fullmatch(parts[1]) or not (
            (len(parts) == 3 and parts[2] in ("testimony.json", "custody.jsonl"))
            or (len(parts) == 4 and parts[2] + "/" in _SUBFOLDERS)
        ):
            raise BagInvalidError(_("{path}: unexpected file in the payload").format(path=path))
        ids.add(parts[1])
    return sorted(ids)


def _check_payload(result: VerifyResult) -> None:
    add = result.findings.append
    for path, is_ours in (("data/index.html", report.index_html_is_ours),
                          ("data/loadsheet.csv", report.loadsheet_is_safe)):
        if path in result.scan.files:  # written out next to the evidence on decrypt
            data = result.scan.kept.get(path)
            ok = data is not None and is_ours(data)
            add(Finding("reports", path, ok, N_(
                "as evidence-vault writes it (escaped, no script or formula)") if ok else N_(
                "not as evidence-vault writes it: may hold a script or a spreadsheet formula")))
    try:
        tids = testimony_ids(result.scan)
    except BagInvalidError as exc:
        add(Finding("payload", "data/", False, str(exc)))
        return
    if not tids:
        add(Finding("payload", "data/", False, N_("the bundle holds no testimony")))
    for tid in tids:
        try:
            _check_testimony(result, tid)
        except CheckFailed as exc:
            add(Finding("testimony", tid, False, str(exc), type(exc)))


def _check_testimony(result: VerifyResult, tid: str) -> None:
    add = result.findings.append
    base = f"data/{tid}/"
    doc = _load_json(result, base + "testimony.json")
    _check_doc(doc, tid, base)
    try:
        checked = model.validate_input(doc.get("data"))
    except model.ModelError as exc:
        raise BagInvalidError(_("{path}: {problem}").format(
            path=base + "testimony.json", problem=exc)) from None
    result.testimonies[tid] = doc
    add(Finding("testimony", tid, True, N_("testimony.json is valid")))
    add(Finding("consent", tid, checked.has_consent,
                N_("consent recorded") if checked.has_consent else N_("no valid consent recorded"),
                BagInvalidError))
    listed = {base + p for p in _attachment_paths(doc, base)}
    present = {p for p in result.scan.files if p.startswith(base + "originals/")
               or p.startswith(base + "derivatives/")}
    if listed != present:
        raise BagInvalidError(_("{path}: files differ from those testimony.json lists").format(
            path=base))
    for att in doc.get("attachments") or []:
        if att.get("original") is not None:
            path = base + att["original"]["path"]
            ok = hmac_equal(result.scan.files[path][0], str(att.get("sha256")))
            add(Finding("intake", path, ok, N_("matches the intake SHA-256") if ok
                        else N_("does not match the intake SHA-256 in testimony.json")))
    events = _load_jsonl(result, base + "custody.jsonl")
    result.custody[tid] = events
    problems = custody.verify_chain(events, chain=tid)
    if not problems:
        content = checked.to_json_dict(include_identity=False)
        content.pop("status", None)
        version_sha = hashlib.sha256(model.canonical_json(content)).hexdigest()
        signer = fingerprint_of(result.signer.key) if result.signer else None
        problems.extend(_chain_matches(doc, events, result.bundle_id, version_sha, signer))
    add(Finding("custody", tid, not problems, "; ".join(problems) if problems else N_(
        "continuous and signed; events: {n}"), CustodyChainError,
        () if problems else (("n", len(events)),)))


def _check_doc(doc: Any, tid: str, base: str) -> None:
    """The shape of testimony.json, strictly: import relies on every field checked here."""
    bad = BagInvalidError(_("{path}: unknown schema, wrong ID or malformed field").format(
        path=base + "testimony.json"))
    if not isinstance(doc, dict) or doc.get("schema") != TESTIMONY_SCHEMA or doc.get("id") != tid:
        raise bad
    if (type(doc.get("version")) is not int or doc["version"] < 1
            or doc.get("status") not in model.STATUSES
            or not all(custody.is_utc_timestamp(doc.get(k)) for k in ("created_at", "updated_at"))
            or not isinstance(doc.get("attachments"), list)):
        raise bad
    for att in doc["attachments"]:
        if (not isinstance(att, dict) or not _ID.fullmatch(str(att.get("id")))
                or not _SHA.fullmatch(str(att.get("sha256")))
                or type(att.get("size")) is not int or att["size"] < 0
                or not all(isinstance(att.get(k), str) for k in ("media_type", "original_name"))
                or not custody.is_utc_timestamp(att.get("added_at"))):
            raise bad


def _attachment_paths(doc: dict[str, Any], base: str) -> list[str]:
    """Bag paths (relative to the testimony folder) that testimony.json names."""
    out: list[str] = []
    for att in doc["attachments"]:
        for key, folder in (("original", "originals/"), ("derivative", "derivatives/")):
            entry = att.get(key)
            if entry is None:
                continue
            if (not isinstance(entry, dict) or not isinstance(entry.get("path"), str)
                    or not entry["path"].startswith(folder)
                    or "/" in entry["path"].removeprefix(folder)):
                raise BagInvalidError(_("{path}: malformed attachment entry").format(
                    path=base + "testimony.json"))
            out.append(entry["path"])
    return out


def _chain_matches(doc: dict[str, Any], events: list[dict[str, Any]],
                   bundle_id: str | None, version_sha: str, signer: str | None) -> list[str]:
    """The chain must record this version's content, every exported original (both looked
    up in the flattened chain: an update received by the exporter is embedded), and end,
    at its top level, with the export in this bundle."""
    problems: list[str] = []
    history = custody.flatten(events)
    saves = [e for e in history if e.get("action") in ("created", "edited")]
    if not saves or not hmac_equal(str(saves[-1].get("object_sha256")), version_sha):
        problems.append(_("testimony.json content is not the version recorded in the chain"))
    added = {e.get("object"): e.get("object_sha256") for e in history
             if e.get("action") == "attachment_added"}
    for att in doc.get("attachments") or []:
        want = added.get(att.get("id"))
        if want is None or not hmac_equal(str(want), str(att.get("sha256"))):
            problems.append(_("attachment {id} is not recorded in the chain").format(
                id=att.get("id")))
    last = events[-1] if events else {}
    details = last.get("details")
    if (last.get("action") != "exported" or not isinstance(details, dict)
            or details.get("bundle_id") != bundle_id):
        problems.append(_("the chain does not end with the export of this bundle"))
    elif signer is not None and _digits(str(last.get("actor"))) != _digits(signer):
        problems.append(_("the export event was not made by the bundle's signer"))
    return problems


def decrypt_stream(src: Readable, identities: Sequence[age.Identity]) -> PayloadReader:
    """Open an age bundle, mapping each age failure to its bundle error."""
    return open_stream(src, identities)[0]


def open_stream(src: Readable, identities: Sequence[age.Identity]
                ) -> tuple[PayloadReader, age.Opening | None]:
    """:func:`decrypt_stream`, plus what writing the same file again takes (None if armored)."""
    try:
        return age.decrypt_reader_opening(src, identities)
    except NoIdentityMatchError:
        raise NotForMeError(_("this bundle is not encrypted to my key")) from None
    except CryptoError as exc:
        raise BundleDecryptError(_("not a valid age file: {problem}").format(
            problem=exc)) from None


def scan_bundle(src: Readable, identities: Sequence[age.Identity], *,
                sink: Callable[[str, int, Readable], str | None] | None = None,
                cancel: Cancel | None = None) -> BagScan:
    """Decrypt and scan a bundle in one pass; payload damage becomes BundleDecryptError."""
    return scan_plain(decrypt_stream(src, identities), sink=sink, cancel=cancel)


def scan_plain(reader: Readable, *, sink: Callable[[str, int, Readable], str | None] | None
               = None, cancel: Cancel | None = None) -> BagScan:
    """Scan the tar from an opened bundle (:func:`decrypt_stream`) in one pass; payload
    damage becomes BundleDecryptError."""
    try:
        return scan_tar(reader, keep=_KeptBudget(), sink=sink, cancel=cancel)
    except CancelledError:
        raise
    except CryptoError as exc:
        raise BundleDecryptError(_("the bundle is damaged or truncated: {problem}").format(
            problem=exc)) from None


def is_age_file(path: Path) -> bool:
    """True if the file starts like an age file (binary or armored)."""
    with open(path, "rb") as fh:
        head = fh.read(len(_ARMOR_HEAD))
    return head.startswith(_AGE_HEAD) or head == _ARMOR_HEAD


def scan_path(path: Path, identities: Sequence[age.Identity] | None, *,
              cancel: Cancel | None = None) -> BagScan:
    """Scan a bag given as a folder, a tar file, or an age bundle (needs ``identities``)."""
    if path.is_dir():
        return scan_folder(path, keep=_KeptBudget(), cancel=cancel)
    if is_age_file(path):
        if identities is None:
            raise UserError(_("an encrypted bundle needs the vault to decrypt it"))
        with open(path, "rb") as fh:
            return scan_bundle(fh, identities, cancel=cancel)
    with open(path, "rb") as fh:
        return scan_tar(fh, keep=_KeptBudget(), cancel=cancel)


def verify_path(path: Path, vault: Vault | None, *,
                cancel: Cancel | None = None) -> VerifyResult:
    """Every check of a bundle, bag folder or bag tar at ``path``: the CLI's and the GUI's verify.

    With an open ``vault``, a bundle is decrypted with its keys, signers are looked up in
    its contacts, and a bundle is checked to be meant for it; without one, only bags
    (folder or tar) can be checked and no signer is trusted.
    """
    from evidence_app.bundle import trust_lookup  # bundle imports this module

    if vault is None:
        return check_scan(scan_path(path, None, cancel=cancel), None, None)
    scan = scan_path(path, vault.identity.age_identities(), cancel=cancel)
    mine = vault.fingerprint() if path.is_file() and is_age_file(path) else None
    result = check_scan(scan, trust_lookup(vault), mine)
    record_verification(vault, result)
    return result


def record_verification(vault: Vault, result: VerifyResult) -> list[str]:
    """Append a "verified" event, signed by me, to the chain of each testimony of the bag
    that is also in ``vault``; returns those testimony ids.

    Only testimonies whose testimony.json was read (so the signature and every hash held)
    are attributed. The event's object is the bundle id, its hash the tag manifest's;
    details say whether every check passed and how many failed. Import records no separate
    "verified" event: its "imported" event is only ever made after every check passed.
    """
    tags = result.scan.tags.get(TAGMANIFEST)
    if result.bundle_id is None or tags is None:
        return []
    present = [tid for tid in sorted(result.testimonies) if vault.db.execute(
        "SELECT 1 FROM testimonies WHERE id = ?", (tid,)).fetchone()]
    failed = sum(not f.ok for f in result.findings)
    for tid in present:
        records.append_custody(vault, tid, "verified", result.bundle_id,
                               hashlib.sha256(tags).hexdigest(), {
                                   "bundle_id": result.bundle_id, "passed": failed == 0,
                                   "failed_checks": failed})
    return present


def to_json(result: VerifyResult) -> dict[str, Any]:
    """Machine-readable verdicts (for ``verify --json``)."""
    signer = result.signer
    return {
        "ok": result.ok,
        "bundle_id": result.bundle_id,
        "bag": result.scan.root,
        "signer": None if signer is None else {
            "fingerprint": signer.fingerprint, "principal": signer.principal,
            "status": signer.status, "contact_id": signer.contact_id},
        "intended_recipients": info_values(result.info, "Intended-Recipients"),
        "source_organization": next(iter(info_values(result.info, "Source-Organization")),
                                    None),
        "testimonies": sorted(result.testimonies),
        "checks": [{"check": f.check, "subject": f.subject, "ok": f.ok, "detail": f.english}
                   for f in result.findings],
    }


def facts(result: VerifyResult) -> list[tuple[str, str]]:
    """Key facts for a report: id, signer, recipients, bag-info labels."""
    out = [(_("Bag folder"), result.scan.root),
           (_("Bundle ID"), result.bundle_id or _("unknown"))]
    if result.signer is not None:
        out += [(_("Signer fingerprint"), result.signer.fingerprint),
                (_("Signer trust"), signer_status_label(result.signer.status)),
                (_("allowed_signers principal"), result.signer.principal)]
    out += [(k, v) for k, v in result.info if k != "External-Identifier"]
    out.append((_("Testimonies"), ", ".join(sorted(result.testimonies)) or _("none")))
    return out


def signer_status_label(status: str) -> str:
    """A :attr:`Signer.status` for people, in the current language."""
    labels = {"trusted": _("trusted"), "known but not trusted": _("known but not trusted"),
              "unknown": _("unknown"), "not checked (no vault)": _("not checked (no vault)")}
    return labels.get(status, status)


def repeat_commands(result: VerifyResult) -> list[tuple[str, str]]:
    """Commands that repeat the checks with standard tools, run inside the bag folder.

    The bag folder name and the principal are not covered by the signature (anyone who
    passes the file on can choose them), so every one is quoted: shlex for POSIX shells,
    a single-quoted literal for PowerShell, and cmd.exe gets a placeholder unless the
    principal is plain.
    """
    principal = result.signer.principal if result.signer else "<principal>"
    root = result.scan.root or "<bag folder>"
    sh_root, sh_principal = shlex.quote(root), shlex.quote(principal)
    cmd_principal = principal if _CMD_SAFE.fullmatch(principal) else "<principal>"
    return [
        (_("Decrypt and unpack (age, tar)"),
         f"age -d -i key.txt bundle.age | tar -x\ncd {sh_root}"),
        (_("Signature over the tag manifest (OpenSSH)"),
         f"ssh-keygen -Y verify -f allowed_signers -I {sh_principal} "
         f"-n {sshsig.BUNDLE_NAMESPACE} -s {SIGNATURE} < {TAGMANIFEST}\n"
         f"(Windows: cmd /c \"ssh-keygen -Y verify -f allowed_signers -I {cmd_principal} -n "
         f"{sshsig.BUNDLE_NAMESPACE} -s {SIGNATURE} < {TAGMANIFEST}\")"),
        (_("Tag files against the tag manifest"), f"sha256sum -c {TAGMANIFEST}"),
        (_("Every payload file against the manifest"), f"sha256sum -c {MANIFEST}"),
        (_("The same on Windows (PowerShell)"),
         f"Set-Location -LiteralPath {_ps_quote(root)}\n"
         "Get-Content manifest-sha256.txt | ForEach-Object { $h, $p = $_ -split '  ', 2; "
         "if ((Get-FileHash -Algorithm SHA256 -LiteralPath $p).Hash -ne $h) "
         "{ \"FAILED: $p\" } }"),
        (_("Whole bag (BagIt)"), f"python -m bagit --validate {sh_root}"),
    ]


_CMD_SAFE = re.compile(r"[A-Za-z0-9@._+:-]{1,200}")


def _ps_quote(text: str) -> str:
    """A PowerShell single-quoted (verbatim) string: every quote character PowerShell
    accepts as a single quote (also the typographic ones) is doubled."""
    return "'" + re.sub("(['\u2018\u2019\u201a\u201b])", r"\1\1", text) + "'"
