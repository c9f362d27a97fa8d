"""Translations for the parts without Qt: CLI messages and the HTML reports.

The GUI uses Qt's .ts/.qm files (ui/i18n.py); this package must not import Qt, so it has
its own small mechanism: one JSON catalog per language in ``evidence_app/locale/<lang>.json``
(English source text -> translation, written by hand, checked complete by
tests/test_i18n_catalog.py) and the CLDR plural rules of the shipped languages.

    set_language(None)           # from EVIDENCE_APP_LANG, else LC_ALL / LC_MESSAGES / LANG
    _("Bundle")                  # -> "Пакет" in Russian
    ngettext("{n} file", "{n} files", n).format(n=n)
    N_("SHA-256 matches")        # marked for the catalogs, translated later with _()

Until ``set_language`` is called everything stays English, so library callers and tests
get stable text; ``evidence_app.cli.main`` calls it at start. A message missing from a
catalog falls back to English, message by message.

Each catalog has two sections: ``messages`` (ours, keyed by the English text of the
``_``/``ngettext``/``N_`` calls in evidence_app) and ``argparse`` (argparse's own words,
keyed by its msgids, see ARGPARSE_MESSAGES; :func:`install_argparse` puts them to use).
crypto/ cannot use the catalogs: its errors get one translated sentence per class in
``evidence_app.errors.describe_error``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "en"
ENV_OVERRIDE = "EVIDENCE_APP_LANG"
RIGHT_TO_LEFT = frozenset({"fa"})


def _plural_en(n: int) -> str:
    return "one" if n == 1 else "other"


def _plural_ru(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


def _plural_fa(n: int) -> str:
    return "one" if n in (0, 1) else "other"


def _plural_tg(n: int) -> str:
    return "other"


# CLDR cardinal plural rules (common/supplemental/plurals.xml) for whole numbers, and the
# order of the forms in a catalog entry:
# - en: one "i = 1 and v = 0", other;
# - ru: one "v = 0 and i % 10 = 1 and i % 100 != 11", few "v = 0 and i % 10 = 2..4 and
#   i % 100 != 12..14", many (every other whole number; CLDR's "other" is for fractions);
# - fa: one "i = 0 or n = 1", other;
# - tg: CLDR lists no rules for Tajik, so it has root's single "other" (a noun after a
#   numeral stays singular: "3 файл").
PLURAL_RULES: dict[str, tuple[tuple[str, ...], Callable[[int], str]]] = {
    "en": (("one", "other"), _plural_en),
    "ru": (("one", "few", "many"), _plural_ru),
    "fa": (("one", "other"), _plural_fa),
    "tg": (("other",), _plural_tg),
}

Catalog = Mapping[str, str | list[str]]

_language = SOURCE_LANGUAGE
_catalog: Catalog = {}


def available_languages() -> list[str]:
    """Languages with a catalog, plus English (the source), e.g. ``["en", "fa", "ru", "tg"]``."""
    return sorted({SOURCE_LANGUAGE, *(p.stem for p in LOCALE_DIR.glob("*.json"))})


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language asked for: EVIDENCE_APP_LANG, else the POSIX locale variables.

    Looks at EVIDENCE_APP_LANG, LC_ALL, LC_MESSAGES, LANG in that order (the first one
    set wins, as in POSIX) and keeps the language part: ``ru_RU.UTF-8`` -> ``ru``. A
    language without a catalog, ``C`` or ``POSIX`` gives English.
    """
    env = os.environ if environ is None else environ
    for name in (ENV_OVERRIDE, "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            code = value.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
            return code if code in available_languages() else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def load_catalog(language: str, section: str = "messages") -> Catalog:
    """One section of the catalog of ``language``: ``messages`` (ours) or ``argparse``
    (argparse's own words); empty for English, an unknown language or a missing section."""
    if language == SOURCE_LANGUAGE or language not in available_languages():
        return {}
    data = json.loads((LOCALE_DIR / f"{language}.json").read_text(encoding="utf-8"))
    messages: Catalog = data.get(section, {})
    return messages


def set_language(code: str | None = None) -> str:
    """Use ``code`` (None: from the environment) for ``_`` and ``ngettext``, and for
    argparse once :func:`install_argparse` ran; returns it.

    An unknown code falls back to English.
    """
    global _language, _catalog, _argparse_catalog
    wanted = (code or language_from_environment()).lower()
    _language = wanted if wanted in available_languages() else SOURCE_LANGUAGE
    _catalog = load_catalog(_language)
    _argparse_catalog = load_catalog(_language, "argparse")
    return _language


def current_language() -> str:
    """The language ``_`` translates into now (``en`` until set_language is called)."""
    return _language


def is_right_to_left(language: str | None = None) -> bool:
    """Whether text in ``language`` (default: the current one) runs right to left."""
    return (language or _language) in RIGHT_TO_LEFT


def _(message: str) -> str:
    """``message`` (English source text) in the current language."""
    found = _catalog.get(message)
    return found if isinstance(found, str) and found else message


def N_(message: str) -> str:
    """Mark ``message`` for the catalogs without translating it now: for text stored as
    English (so machine output stays stable) and translated with ``_`` when shown."""
    return message


def plural_index(language: str, n: int) -> int:
    """Which form of a plural catalog entry ``n`` takes in ``language`` (CLDR rules)."""
    categories, rule = PLURAL_RULES.get(language, PLURAL_RULES[SOURCE_LANGUAGE])
    return categories.index(rule(abs(n)))


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted message for ``n`` in the current language.

    The catalog key is the English singular; its value lists one translation per plural
    category of the language, in the order of PLURAL_RULES.
    """
    return _plural_from(_catalog, singular, plural, n)


def _plural_from(catalog: Catalog, singular: str, plural: str, n: int) -> str:
    found = catalog.get(singular)
    if isinstance(found, list) and found:
        index = plural_index(_language, n)
        if index < len(found) and found[index]:
            return found[index]
    return singular if n == 1 else plural


# --- argparse's own words ---------------------------------------------------------------

# What argparse itself prints to people ("usage: ", section titles, its error messages),
# as the msgids of Python 3.11 to 3.13 (they differ a little between versions; argparse
# uses %-style placeholders). The catalogs translate them in their "argparse" section.
# argparse's messages for programming mistakes (conflicting options, bad add_argument
# calls) are left out: only a developer ever sees them.
ARGPARSE_MESSAGES = (
    "usage: ",
    "positional arguments",
    "options",
    "%(heading)s:",
    "show this help message and exit",
    "show program's version number and exit",
    "subcommands",
    " (default: %(default)s)",
    "%(prog)s: error: %(message)s\n",
    "%(prog)s: warning: %(message)s\n",
    "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s",
    "one of the arguments %s is required",
    "unrecognized arguments: %s",
    "invalid choice: %(value)r (choose from %(choices)s)",
    "invalid %(type)s value: %(value)r",
    "expected one argument",
    "expected at most one argument",
    "expected at least one argument",
    "expected %s argument",  # plural: "expected %s arguments"
    "ambiguous option: %(option)s could match %(matches)s",
    "unexpected option string: %s",
    "not allowed with argument %s",
    "ignored explicit argument %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)",
    "can't open '%(filename)s': %(error)s",
    "argument \"-\" with mode %r",
    "command '%(parser_name)s' is deprecated",
    "option '%(option)s' is deprecated",
    "argument '%(argument_name)s' is deprecated",
)
ARGPARSE_PLURALS = {"expected %s argument": "expected %s arguments"}

_argparse_catalog: Catalog = {}


def argparse_gettext(message: str) -> str:
    """argparse's ``_``: its message in the current language (as it is if not in the
    catalog's argparse section)."""
    found = _argparse_catalog.get(message)
    return found if isinstance(found, str) and found else message


def argparse_ngettext(singular: str, plural: str, n: int) -> str:
    """argparse's ``ngettext``, with the CLDR plural rules of the current language."""
    return _plural_from(_argparse_catalog, singular, plural, n)


def install_argparse() -> None:
    """Make argparse speak the current language (and any later :func:`set_language`).

    argparse looks up its module globals ``_`` and ``ngettext`` each time it formats a
    message, so replacing them is enough; call this before building the parser (section
    titles are looked up when it is made).
    """
    import argparse

    argparse._ = argparse_gettext  # type: ignore[attr-defined]
    argparse.ngettext = argparse_ngettext  # type: ignore[attr-defined]
