"""The testimony input model: validation and normalisation of the JSON a documenter enters.

``testimony add --json FILE`` and the GUI form both produce one JSON object of the shape
documented in ``docs/evidence-model.md`` and ``docs/schema/testimony-input.schema.json``.
:func:`validate_input` checks every byte of it (unknown keys, types, lengths, dates, act
codes) and returns frozen dataclasses; :meth:`TestimonyInput.to_json_dict` gives back the
normalised JSON, with or without the witness's sealed identity. Errors are
:class:`ModelError` with the exact JSON path of the problem and never quote free text.

:func:`canonical_json` is the one serialisation used for hashing versions and custody
events (sorted keys, no whitespace, UTF-8).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from evidence_app.errors import UserError
from evidence_app.i18n import _, ngettext
from evidence_app.rome_statute import ACTS

SCHEMA_VERSION = 1

# Vocabularies: value -> English label (translated later by the GUI through Qt).
CONSENT_SCOPES: dict[str, str] = {
    "coordinator": "Our coordinator",
    "partner_organisations": "Partner organisations",
    "un": "United Nations bodies",
    "icc": "International Criminal Court",
    "national_courts": "National courts and prosecutors",
    "media": "Media",
}
CONSENT_METHODS: dict[str, str] = {"oral": "Oral", "written": "Written"}
IDENTITY_DISCLOSURE: dict[str, str] = {
    "none": "Identity never disclosed",
    "authorities_only": "Identity disclosed to courts and investigating authorities only",
    "public": "Identity may be made public",
}
INTERVIEW_MODES: dict[str, str] = {
    "in_person": "In person",
    "phone": "Phone",
    "video": "Video call",
    "written": "Written",
    "other": "Other",
}
STATUSES: dict[str, str] = {"draft": "Draft", "complete": "Complete"}
DATE_PRECISIONS: dict[str, str] = {
    "day": "Exact day",
    "month": "Month",
    "year": "Year",
    "unknown": "Unknown",
}

# Allowed keys at each level of the input; the JSON Schema must list exactly these
# (tests/test_model_schema.py walks the schema and compares).
TOP_KEYS = frozenset(
    {
        "schema_version", "title", "language", "languages", "narrative", "notes", "status",
        "witness", "interview", "consent", "incidents",
    }
)  # fmt: skip
WITNESS_KEYS = frozenset({"pseudonym", "identity"})
IDENTITY_KEYS = frozenset({"name", "contact", "details"})
INTERVIEW_KEYS = frozenset(
    {
        "date", "place", "mode", "interviewer", "interpreter", "others_present",
        "languages", "prior_accounts",
    }
)  # fmt: skip
CONSENT_KEYS = frozenset(
    {"given", "method", "date", "scope", "identity_disclosure", "restrictions",
     "withdrawal_date"}
)  # fmt: skip
INCIDENT_KEYS = frozenset(
    {
        "date_from", "date_to", "date_precision", "place", "acts", "perpetrators",
        "victims", "description",
    }
)  # fmt: skip

# Limits (characters / items). Generous for real testimony, small enough to bound memory.
SHORT_MAX = 1_000  # titles, names, places, single-line fields
LONG_MAX = 1_000_000  # narrative, notes and other free text
LIST_MAX = 1_000  # items in any list
KEY_ECHO_MAX = 40  # characters of an unknown key quoted in an error
INPUT_MAX_BYTES = 16 * 1024 * 1024  # whole JSON text given to load_input

_LANG_RE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?")
_PARTIAL_DATE_RE = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "year": re.compile(r"\d{4}"),
}
# Control characters other than tab/newline/carriage return are refused in free text;
# single-line fields refuse those three as well.
_LONG_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SHORT_BAD = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


class ModelError(UserError):
    """The testimony input is invalid; ``path`` is the JSON path of the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


# --- dataclasses -------------------------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    """What identifies the witness. Sealed: shown and exported only where allowed."""

    name: str | None = None
    contact: str | None = None
    details: str | None = None


@dataclass(frozen=True)
class Witness:
    """The witness: a pseudonym used everywhere, and the sealed identity kept apart."""

    pseudonym: str | None = None
    identity: Identity | None = None


@dataclass(frozen=True)
class Interview:
    """When, where, how and by whom the testimony was taken."""

    date: str | None = None  # ISO 8601 date or date-time
    place: str | None = None
    mode: str | None = None  # a key of INTERVIEW_MODES
    interviewer: str | None = None
    interpreter: str | None = None
    others_present: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    prior_accounts: tuple[str, ...] = ()  # accounts already given, to whom (free text)


@dataclass(frozen=True)
class Consent:
    """The witness's informed consent: what may be shared, with whom, and how identified."""

    given: bool
    method: str | None = None  # a key of CONSENT_METHODS
    date: str | None = None
    scope: tuple[str, ...] = ()  # keys of CONSENT_SCOPES
    identity_disclosure: str | None = None  # a key of IDENTITY_DISCLOSURE
    restrictions: str | None = None
    withdrawal_date: str | None = None


@dataclass(frozen=True)
class Incident:
    """One incident the witness describes, tagged with Rome Statute act codes."""

    date_precision: str = "unknown"  # a key of DATE_PRECISIONS
    date_from: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY per precision
    date_to: str | None = None
    place: str | None = None
    acts: tuple[str, ...] = ()
    perpetrators: str | None = None
    victims: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class TestimonyInput:
    """A validated, normalised testimony (one version of it)."""

    __test__ = False  # not a pytest test class, despite the name

    title: str
    languages: tuple[str, ...] = ()
    narrative: str | None = None
    notes: str | None = None
    status: str = "draft"
    witness: Witness | None = None
    interview: Interview | None = None
    consent: Consent | None = None
    incidents: tuple[Incident, ...] = ()

    def to_json_dict(self, include_identity: bool) -> dict[str, Any]:
        """The normalised input JSON; the witness identity only if ``include_identity``.

        Absent values and empty lists are left out, ``language`` is folded into
        ``languages`` and ``schema_version`` is set, so ``validate_input`` of the result
        gives back an equal object.
        """
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        _put(out, "title", self.title)
        _put(out, "languages", list(self.languages))
        _put(out, "narrative", self.narrative)
        _put(out, "notes", self.notes)
        out["status"] = self.status
        if self.witness is not None:
            w: dict[str, Any] = {}
            _put(w, "pseudonym", self.witness.pseudonym)
            if include_identity and self.witness.identity is not None:
                w["identity"] = _fields(self.witness.identity)
            out["witness"] = w
        if self.interview is not None:
            out["interview"] = _fields(self.interview)
        if self.consent is not None:
            out["consent"] = _fields(self.consent)
        if self.incidents:
            out["incidents"] = [_fields(i) for i in self.incidents]
        return out

    def identity_dict(self) -> dict[str, str]:
        """The sealed identity fields that are set (``{}`` when there is none)."""
        if self.witness is None or self.witness.identity is None:
            return {}
        return _fields(self.witness.identity)

    def act_codes(self) -> list[str]:
        """Every act code used by any incident, sorted, without duplicates."""
        return sorted({code for inc in self.incidents for code in inc.acts})

    @property
    def has_consent(self) -> bool:
        """True when consent was given and has not been withdrawn."""
        c = self.consent
        return c is not None and c.given and c.withdrawal_date is None


def _put(d: dict[str, Any], key: str, value: Any) -> None:
    if value is None or value == []:
        return
    d[key] = value


def _fields(obj: Identity | Interview | Consent | Incident) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in vars(obj).items():
        _put(out, key, list(value) if isinstance(value, tuple) else value)
    return out


# --- validation --------------------------------------------------------------------------


MAX_JSON_DEPTH = 32  # far deeper than any of our documents, far below the recursion limit


class UntrustedJSONError(ValueError):
    """Untrusted JSON text was refused; the message is one line, without the input."""


def parse_untrusted_json(data: bytes | str, *, max_bytes: int,
                         max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse JSON from an untrusted source strictly: UTF-8, at most ``max_bytes``, no
    duplicate keys, no NaN/Infinity, arrays and objects nested at most ``max_depth`` deep.

    The one JSON parser for hostile input (testimony input, bundle files, sealed
    identities, custody logs), so that no input can end in a RecursionError traceback.
    Raises :class:`UntrustedJSONError`; callers turn it into their own error class.
    """
    if len(data) > max_bytes:
        raise UntrustedJSONError(_("input is too large"))
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        obj = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise UntrustedJSONError(_("input is not UTF-8")) from None
    except RecursionError:
        raise UntrustedJSONError(_("input is nested too deeply")) from None
    except ValueError as exc:
        raise UntrustedJSONError(_("not valid JSON ({error})").format(
            error=_one_line_json_error(exc))) from None
    stack: list[tuple[Any, int]] = [(obj, 1)]
    while stack:  # iterative: the depth check itself must not recurse
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(
            node, list) else ()
        for child in children:
            if isinstance(child, (dict, list)):
                if depth >= max_depth:
                    raise UntrustedJSONError(_("input is nested too deeply"))
                stack.append((child, depth + 1))
    return obj


def load_input(data: bytes | str) -> TestimonyInput:
    """Parse strict JSON text (no duplicate keys, no NaN) and validate it."""
    try:
        obj = parse_untrusted_json(data, max_bytes=INPUT_MAX_BYTES)
    except UntrustedJSONError as exc:
        raise ModelError("$", str(exc)) from None
    return validate_input(obj)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(_("duplicate key {key}").format(key=_echo(key)))
        out[key] = value
    return out


def _no_constant(name: str) -> None:
    raise ValueError(_("{name} is not allowed").format(name=name))


def _one_line_json_error(exc: ValueError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at line {exc.lineno} column {exc.colno}"
    return str(exc)


def validate_input(obj: object) -> TestimonyInput:
    """Validate a parsed JSON object and return the normalised testimony.

    Raises :class:`ModelError` naming the JSON path of the first problem found.
    """
    d = _object(obj, "$", TOP_KEYS)
    version = d.get("schema_version", SCHEMA_VERSION)
    if type(version) is not int or version != SCHEMA_VERSION:
        raise ModelError("$.schema_version", _("must be {version}").format(
            version=SCHEMA_VERSION))
    title = _short(d.get("title"), "$.title")
    if title is None:
        raise ModelError("$.title", _("is required"))
    languages: list[str] = []
    single = _lang(d.get("language"), "$.language")
    if single is not None:
        languages.append(single)
    for lang in _list(d.get("languages"), "$.languages", _lang_item):
        if lang not in languages:
            languages.append(lang)
    status = _choice(d.get("status"), "$.status", STATUSES) or "draft"
    incidents = _list(d.get("incidents"), "$.incidents", _incident)
    return TestimonyInput(
        title=title,
        languages=tuple(languages),
        narrative=_long(d.get("narrative"), "$.narrative"),
        notes=_long(d.get("notes"), "$.notes"),
        status=status,
        witness=_optional(d.get("witness"), "$.witness", _witness),
        interview=_optional(d.get("interview"), "$.interview", _interview),
        consent=_optional(d.get("consent"), "$.consent", _consent),
        incidents=tuple(incidents),
    )


T = TypeVar("T")


def _optional(value: object, path: str, parse: Callable[[object, str], T]) -> T | None:
    return None if value is None else parse(value, path)


def _echo(key: str) -> str:
    """A key quoted for an error message: printable, bounded, never the whole input."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in key[:KEY_ECHO_MAX])
    if len(key) > KEY_ECHO_MAX:
        shown += "..."
    return json.dumps(shown, ensure_ascii=False)


def _object(value: object, path: str, allowed: frozenset[str]) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise ModelError(path, _("must be an object"))
    for key in value:
        if not isinstance(key, str):
            raise ModelError(path, _("keys must be strings"))
        if key not in allowed:
            raise ModelError(path, _("unknown key {key}").format(key=_echo(key)))
    return value


def _string(value: object, path: str, limit: int, bad: re.Pattern[str]) -> str | None:
    """A string, stripped; blank strings and null mean absent."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ModelError(path, _("must be a string"))
    if len(value) > limit:
        raise ModelError(path, ngettext("is longer than {n} character",
                                         "is longer than {n} characters", limit).format(n=limit))
    if bad.search(value):
        raise ModelError(path, _("contains control characters"))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ModelError(path, _("is not valid Unicode text")) from None
    value = value.strip()
    return value or None


def _short(value: object, path: str) -> str | None:
    return _string(value, path, SHORT_MAX, _SHORT_BAD)


def _long(value: object, path: str) -> str | None:
    return _string(value, path, LONG_MAX, _LONG_BAD)


def _short_item(value: object, path: str) -> str:
    text = _short(value, path)
    if text is None:
        raise ModelError(path, _("must not be empty"))
    return text


def _long_item(value: object, path: str) -> str:
    text = _long(value, path)
    if text is None:
        raise ModelError(path, _("must not be empty"))
    return text


def _list(value: object, path: str, item: Callable[[object, str], T]) -> list[T]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ModelError(path, _("must be a list"))
    if len(value) > LIST_MAX:
        raise ModelError(path, ngettext("has more than {n} item", "has more than {n} items",
                                         LIST_MAX).format(n=LIST_MAX))
    return [item(v, f"{path}[{i}]") for i, v in enumerate(value)]


def _unique(items: list[str], path: str) -> tuple[str, ...]:
    for i, item in enumerate(items):
        if item in items[:i]:
            raise ModelError(f"{path}[{i}]", _("duplicate value {value}").format(
                value=_echo(item)))
    return tuple(items)


def _choice(value: object, path: str, allowed: Mapping[str, str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in allowed:
        options = ", ".join(allowed)
        raise ModelError(path, _("must be one of: {options}").format(options=options))
    return value


def _lang(value: object, path: str) -> str | None:
    if value is None:
        return None
    return _lang_item(value, path)


def _lang_item(value: object, path: str) -> str:
    if not isinstance(value, str) or len(value) > 35 or not _LANG_RE.fullmatch(value):
        raise ModelError(path, _('must be a language code such as "tg" or "ru"'))
    return value


def _iso_date_or_datetime(value: object, path: str) -> str | None:
    """``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM]``, a real calendar date."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ModelError(path, _("must be a string"))
    try:
        if _DATE_RE.fullmatch(value):
            date.fromisoformat(value)
            return value
        if _DATETIME_RE.fullmatch(value):
            datetime.fromisoformat(value)
            return value
    except ValueError:
        raise ModelError(path, _("is not a real date")) from None
    raise ModelError(path, _("must be an ISO 8601 date (YYYY-MM-DD) or date-time"))


def _partial_date(value: object, path: str, precision: str) -> str:
    """A date written to the given precision: ``2022-05-18``, ``2022-05`` or ``2022``."""
    pattern = _PARTIAL_DATE_RE[precision]
    if not isinstance(value, str) or not pattern.fullmatch(value):
        form = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}[precision]
        raise ModelError(path, _("must be {form} for {precision} precision").format(
            form=form, precision=precision))
    padded = value + {"day": "", "month": "-01", "year": "-01-01"}[precision]
    try:
        date.fromisoformat(padded)
    except ValueError:
        raise ModelError(path, _("is not a real date")) from None
    return value


def _witness(value: object, path: str) -> Witness:
    d = _object(value, path, WITNESS_KEYS)
    identity = _optional(d.get("identity"), f"{path}.identity", _identity)
    return Witness(pseudonym=_short(d.get("pseudonym"), f"{path}.pseudonym"), identity=identity)


def _identity(value: object, path: str) -> Identity | None:
    d = _object(value, path, IDENTITY_KEYS)
    identity = Identity(
        name=_short(d.get("name"), f"{path}.name"),
        contact=_long(d.get("contact"), f"{path}.contact"),
        details=_long(d.get("details"), f"{path}.details"),
    )
    return None if identity == Identity() else identity


def _interview(value: object, path: str) -> Interview:
    d = _object(value, path, INTERVIEW_KEYS)
    prior = d.get("prior_accounts")
    if isinstance(prior, str):
        prior_accounts = [text] if (text := _long(prior, f"{path}.prior_accounts")) else []
    else:
        prior_accounts = _list(prior, f"{path}.prior_accounts", _long_item)
    return Interview(
        date=_iso_date_or_datetime(d.get("date"), f"{path}.date"),
        place=_short(d.get("place"), f"{path}.place"),
        mode=_choice(d.get("mode"), f"{path}.mode", INTERVIEW_MODES),
        interviewer=_short(d.get("interviewer"), f"{path}.interviewer"),
        interpreter=_short(d.get("interpreter"), f"{path}.interpreter"),
        others_present=tuple(_list(d.get("others_present"), f"{path}.others_present", _short_item)),
        languages=_unique(
            _list(d.get("languages"), f"{path}.languages", _lang_item), f"{path}.languages"
        ),
        prior_accounts=tuple(prior_accounts),
    )


def _consent(value: object, path: str) -> Consent:
    d = _object(value, path, CONSENT_KEYS)
    given = d.get("given")
    if type(given) is not bool:
        raise ModelError(f"{path}.given", _("must be true or false"))

    def scope_item(v: object, p: str) -> str:
        choice = _choice(v, p, CONSENT_SCOPES)
        if choice is None:
            raise ModelError(p, _("must not be null"))
        return choice

    consent_date = _iso_date_or_datetime(d.get("date"), f"{path}.date")
    withdrawal = _iso_date_or_datetime(d.get("withdrawal_date"), f"{path}.withdrawal_date")
    if consent_date and withdrawal and withdrawal[:10] < consent_date[:10]:
        raise ModelError(f"{path}.withdrawal_date", _("is before the consent date"))
    return Consent(
        given=given,
        method=_choice(d.get("method"), f"{path}.method", CONSENT_METHODS),
        date=consent_date,
        scope=_unique(_list(d.get("scope"), f"{path}.scope", scope_item), f"{path}.scope"),
        identity_disclosure=_choice(
            d.get("identity_disclosure"), f"{path}.identity_disclosure", IDENTITY_DISCLOSURE
        ),
        restrictions=_long(d.get("restrictions"), f"{path}.restrictions"),
        withdrawal_date=withdrawal,
    )


def _act(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise ModelError(path, _("must be an act code string"))
    if value not in ACTS:
        raise ModelError(path, _("unknown act code {code}").format(code=_echo(value)))
    return value


def _incident(value: object, path: str) -> Incident:
    d = _object(value, path, INCIDENT_KEYS)
    raw_from, raw_to = d.get("date_from"), d.get("date_to")
    precision = _choice(d.get("date_precision"), f"{path}.date_precision", DATE_PRECISIONS)
    if precision is None:
        precision = _infer_precision(raw_from if raw_from is not None else raw_to)
    date_from = date_to = None
    if precision == "unknown":
        for key, raw in (("date_from", raw_from), ("date_to", raw_to)):
            if raw is not None:
                raise ModelError(f"{path}.{key}", _("must be absent when the date is unknown"))
    else:
        if raw_from is None:
            raise ModelError(f"{path}.date_from", _(
                "is required for {precision} precision").format(precision=precision))
        date_from = _partial_date(raw_from, f"{path}.date_from", precision)
        date_to = date_from
        if raw_to is not None:
            date_to = _partial_date(raw_to, f"{path}.date_to", precision)
        if date_to < date_from:
            raise ModelError(f"{path}.date_to", _("is before date_from"))
    return Incident(
        date_precision=precision,
        date_from=date_from,
        date_to=date_to,
        place=_short(d.get("place"), f"{path}.place"),
        acts=_unique(_list(d.get("acts"), f"{path}.acts", _act), f"{path}.acts"),
        perpetrators=_long(d.get("perpetrators"), f"{path}.perpetrators"),
        victims=_long(d.get("victims"), f"{path}.victims"),
        description=_long(d.get("description"), f"{path}.description"),
    )


def _infer_precision(raw: object) -> str:
    """Precision implied by how a date is written; ``unknown`` when there is no date."""
    if raw is None:
        return "unknown"
    for precision, pattern in _PARTIAL_DATE_RE.items():
        if isinstance(raw, str) and pattern.fullmatch(raw):
            return precision
    return "day"  # let _partial_date report the malformed date with the day form


# --- completeness ------------------------------------------------------------------------


def status_label(status: object) -> str:
    """A testimony status (a STATUSES code) as a word for people, in the current language;
    JSON output keeps the code itself."""
    labels = {"draft": _("draft"), "complete": _("complete")}
    return labels.get(str(status), str(status))


def missing_for_complete(t: TestimonyInput) -> list[str]:
    """What blocks marking ``t`` complete, as ``"<path>: <what is missing>"``; [] if none.

    A complete testimony can be exported and relied on, so it needs:
    a narrative; a witness pseudonym; the interview date and interviewer; and informed
    consent that was given, not withdrawn, with its method, at least one scope and the
    identity-disclosure choice recorded. Incidents and act codes are not required: a
    testimony may give context without describing a specific incident.
    """
    missing: list[str] = []
    if t.narrative is None:
        missing.append("$.narrative: " + _("the testimony text is empty"))
    if t.witness is None or t.witness.pseudonym is None:
        missing.append("$.witness.pseudonym: " + _("the witness has no pseudonym"))
    iv = t.interview
    if iv is None or iv.date is None:
        missing.append("$.interview.date: " + _("the interview date is missing"))
    if iv is None or iv.interviewer is None:
        missing.append("$.interview.interviewer: " + _("the interviewer is missing"))
    c = t.consent
    if c is None or not c.given:
        missing.append("$.consent.given: " + _("informed consent is not recorded as given"))
        return missing
    if c.withdrawal_date is not None:
        missing.append("$.consent.withdrawal_date: " + _("consent has been withdrawn"))
    if c.method is None:
        missing.append("$.consent.method: " + _("how consent was given is missing"))
    if not c.scope:
        missing.append("$.consent.scope: "
                       + _("no one is named with whom the testimony may be shared"))
    if c.identity_disclosure is None:
        missing.append("$.consent.identity_disclosure: "
                       + _("the identity-disclosure choice is missing"))
    return missing


# --- canonical JSON ----------------------------------------------------------------------


def canonical_json(obj: object) -> bytes:
    """Canonical JSON bytes for hashing: sorted keys, no whitespace, UTF-8, no NaN.

    Raises :class:`ModelError` if ``obj`` holds something JSON cannot represent
    (a non-string key, a float NaN, a lone surrogate...).
    """
    try:
        text = json.dumps(
            obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
        )
        return text.encode("utf-8")
    except (TypeError, ValueError, RecursionError):
        raise ModelError("$", _("cannot be written as canonical JSON")) from None
