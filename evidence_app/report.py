"""Human-readable parts of a bundle: data/index.html, data/loadsheet.csv, verify reports.

Every page is self-contained: inline CSS only, no script, no external resource, and every
value is HTML-escaped (testimony text is hostile to a viewer as much as to a parser). The
load sheet is CSV that spreadsheets cannot turn into formulas.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from evidence_app.bag import Finding
from evidence_app.i18n import _, current_language, is_right_to_left
from evidence_app.model import status_label

_CSS = (
    "body{font-family:sans-serif;margin:2em;max-width:60em;color:#111}"
    "table{border-collapse:collapse;width:100%;margin:1em 0}"
    "td,th{border:1px solid #999;padding:.3em .5em;text-align:start;vertical-align:top}"
    "th{background:#eee}code,pre{font-family:monospace;white-space:pre-wrap;"
    "word-break:break-all}.ok{color:#060}.bad{color:#a00;font-weight:bold}"
    "pre{background:#f4f4f4;padding:.5em}"
)


def _page(title: str, body: str) -> str:
    direction = ' dir="rtl"' if is_right_to_left() else ""
    return (
        f"<!DOCTYPE html>\n<html lang=\"{current_language()}\"{direction}><head>"
        "<meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n{body}</body></html>\n"
    )


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(_text(c))}</td>" for c in row) + "</tr>\n" for row in rows
    )
    return f"<table><tr>{head}</tr>\n{body}</table>\n"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return _(", ").join(_text(v) for v in value)
    if isinstance(value, dict):
        return _("; ").join(f"{k}: {_text(v)}" for k, v in value.items())
    return str(value)


# --- the bag's index.html ------------------------------------------------------------------

# Field -> (label, {code: word}) for people, in the current language: consent and interview
# objects are shown with their labels and the vocabulary codes (model.CONSENT_SCOPES...)
# as the words the desktop app uses, not as JSON keys and codes.
Words = dict[str, tuple[str, dict[str, str]]]


def _consent_words() -> Words:
    return {
        "given": (_("Consent given"), {}),
        "method": (_("Method"), {"oral": _("Oral"), "written": _("Written")}),
        "date": (_("Date"), {}),
        "scope": (_("Who may see it"), {
            "coordinator": _("Our coordinator"), "partner_organisations":
            _("Partner organisations"), "un": _("United Nations bodies"),
            "icc": _("International Criminal Court"),
            "national_courts": _("National courts and prosecutors"), "media": _("Media")}),
        "identity_disclosure": (_("Identity disclosure"), {
            "none": _("Identity never disclosed"), "authorities_only":
            _("Identity disclosed to courts and investigating authorities only"),
            "public": _("Identity may be made public")}),
        "restrictions": (_("Restrictions"), {}),
        "withdrawal_date": (_("Withdrawn on"), {}),
    }


def _interview_words() -> Words:
    return {
        "date": (_("Date"), {}), "place": (_("Place"), {}),
        "mode": (_("Mode"), {"in_person": _("In person"), "phone": _("Phone"),
                             "video": _("Video call"), "written": _("Written"),
                             "other": _("Other")}),
        "interviewer": (_("Interviewer"), {}), "interpreter": (_("Interpreter"), {}),
        "others_present": (_("Others present"), {}), "languages": (_("Languages"), {}),
        "prior_accounts": (_("Prior accounts"), {}),
    }


def _labelled(obj: Any, words: Words) -> Any:
    """``obj`` (a consent or interview dict) as "Label: value; ..." with codes as words;
    anything else as it is."""
    if not isinstance(obj, dict):
        return obj
    parts = []
    for key, value in obj.items():
        label, codes = words.get(key, (key, {}))
        if isinstance(value, list):
            value = [codes.get(v, v) if isinstance(v, str) else v for v in value]
        elif isinstance(value, str):
            value = codes.get(value, value)
        parts.append(f"{label}: {_text(value)}")
    return _("; ").join(parts)



def index_html(info: Sequence[tuple[str, str]], testimonies: Sequence[dict[str, Any]]) -> bytes:
    """data/index.html: the bag's facts, then each testimony (``testimony.json`` dicts)."""
    parts = [f"<h2>{escape(_('Bundle'))}</h2>\n", _table((_("Field"), _("Value")), list(info))]
    for t in testimonies:
        data = t.get("data") or {}
        heading = _("Testimony {id}").format(id=_text(t.get("id")))
        parts.append(f"<h2>{escape(heading)}</h2>\n")
        parts.append(_table((_("Field"), _("Value")), [
            (_("Title"), data.get("title")), (_("Version"), t.get("version")),
            (_("Status"), status_label(t.get("status"))),
            (_("Languages"), data.get("languages")),
            (_("Pseudonym"), (data.get("witness") or {}).get("pseudonym")),
            (_("Consent"), _labelled(data.get("consent"), _consent_words())),
            (_("Interview"), _labelled(data.get("interview"), _interview_words())),
            (_("Witness identity"), _("sealed (sealed-identity.age)")
             if t.get("identity_sealed") else _("not included")),
        ]))
        if data.get("narrative"):
            parts.append(f"<h3>{escape(_('Narrative'))}</h3>\n"
                         f"<pre>{escape(data['narrative'])}</pre>\n")
        incidents = data.get("incidents") or []
        if incidents:
            parts.append(f"<h3>{escape(_('Incidents'))}</h3>\n")
            parts.append(_table((_("From"), _("To"), _("Place"), _("Acts"), _("Description")), [
                (i.get("date_from"), i.get("date_to"), i.get("place"), i.get("acts"),
                 i.get("description")) for i in incidents]))
        attachments = t.get("attachments") or []
        if attachments:
            parts.append(f"<h3>{escape(_('Attachments'))}</h3>\n")
            parts.append(_table((_("ID"), _("Original name"), _("Type"), _("Size"), "SHA-256",
                                 _("In bag")), [
                (a.get("id"), a.get("original_name"), a.get("media_type"), a.get("size"),
                 a.get("sha256"), _in_bag(a)) for a in attachments]))
    return _page(_("Evidence bundle"), "".join(parts)).encode("utf-8")


_INDEX_HEAD = re.compile(
    r'<!DOCTYPE html>\n<html lang="[A-Za-z0-9-]{1,35}"(?: dir="rtl")?><head>'
    r'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
    r"content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    r"<title>[^<>]*</title><style>" + re.escape(_CSS) + r"</style></head>\n<body>\n")
_INDEX_TAGS = frozenset({"h1", "h2", "h3", "table", "tr", "th", "td", "pre", "body", "html"})
_ANY_TAG = re.compile(r"<[^>]*>?")
_OUR_TAG = re.compile(r"</?([a-z0-9]+)>")


def index_html_is_ours(data: bytes) -> bool:
    """True if ``data`` has exactly the shape :func:`index_html` writes: our head (strict
    CSP, our CSS), then only attribute-free tags of the few kinds we use. A signer who did
    not use our writer cannot slip in a script, an event handler, a meta refresh or an
    external resource: the file is written out next to the evidence on decrypt."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    head = _INDEX_HEAD.match(text)
    if head is None or not text.endswith("</body></html>\n"):
        return False
    for tag in _ANY_TAG.findall(text, head.end()):
        ours = _OUR_TAG.fullmatch(tag)
        if ours is None or ours.group(1) not in _INDEX_TAGS:
            return False
    return True


def _in_bag(att: dict[str, Any]) -> str:
    paths = [str(e["path"]) for e in (att.get("original"), att.get("derivative"))
             if isinstance(e, dict) and "path" in e]
    return _(", ").join(paths) or _("not included")


# --- the load sheet ----------------------------------------------------------------------

LOADSHEET_HEADER = ("ID", "Parent ID", "Title", "Date", "Type", "SHA-256", "Size", "Language",
                    "Confidentiality")


@dataclass(frozen=True)
class LoadRow:
    """One item of the load sheet (a testimony, an original or a derivative)."""

    id: str
    parent_id: str
    title: str
    date: str
    type: str
    sha256: str
    size: int | None
    language: str
    confidentiality: str


def csv_safe(value: str) -> str:
    """Neutralise spreadsheet formulas (CSV injection): prefix risky cells with a quote."""
    if value and value[0] in "=+-@\t\r|%":
        return "'" + value
    return value


def loadsheet_is_safe(data: bytes) -> bool:
    """True if ``data`` is a load sheet as :func:`loadsheet_csv` writes it: BOM, our header,
    nine cells a row, each on one line and none that a spreadsheet could run as a formula."""
    try:
        text = data.decode("utf-8")
        if not text.startswith("\ufeff"):
            return False
        rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    except (UnicodeDecodeError, csv.Error):
        return False
    if not rows or rows[0] != list(LOADSHEET_HEADER):
        return False
    return all(len(row) == len(LOADSHEET_HEADER) and all(
        cell == " ".join(cell.split()) and csv_safe(cell) == cell for cell in row)
        for row in rows)


def loadsheet_csv(rows: Sequence[LoadRow]) -> bytes:
    """data/loadsheet.csv: UTF-8 with BOM (so spreadsheets read it as UTF-8), CRLF, quoted."""
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(LOADSHEET_HEADER)
    for r in rows:
        writer.writerow([csv_safe(" ".join(str(v).split())) for v in (
            r.id, r.parent_id, r.title, r.date, r.type, r.sha256,
            "" if r.size is None else r.size, r.language, r.confidentiality)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


# --- verify reports ------------------------------------------------------------------------


def verify_report_html(facts: Sequence[tuple[str, str]], findings: Sequence[Finding],
                       commands: Sequence[tuple[str, str]]) -> str:
    """A verification report: overall verdict, facts, every check, and how to repeat them."""
    ok = all(f.ok for f in findings) and bool(findings)
    verdict = (f'<p class="ok">{escape(_("ALL CHECKS PASSED"))}</p>\n' if ok
               else f'<p class="bad">{escape(_("VERIFICATION FAILED"))}</p>\n')
    passed, failed = escape(_("PASS")), escape(_("FAIL"))
    rows = "".join(
        f"<tr><td>{escape(f.check_label)}</td><td><code>{escape(f.subject)}</code></td>"
        f"<td class=\"{'ok' if f.ok else 'bad'}\">{passed if f.ok else failed}</td>"
        f"<td>{escape(f.detail)}</td></tr>\n" for f in findings)
    head = "".join(f"<th>{escape(h)}</th>"
                   for h in (_("Check"), _("Subject"), _("Verdict"), _("Detail")))
    checks = f"<table><tr>{head}</tr>\n{rows}</table>\n"
    how = "".join(f"<h3>{escape(title)}</h3>\n<pre>{escape(cmd)}</pre>\n"
                  for title, cmd in commands)
    body = (verdict + f"<h2>{escape(_('Bundle'))}</h2>\n"
            + _table((_("Field"), _("Value")), list(facts))
            + f"<h2>{escape(_('Checks'))}</h2>\n" + checks
            + f"<h2>{escape(_('Repeat these checks with standard tools'))}</h2>\n" + how)
    return _page(_("Evidence bundle verification report"), body)
