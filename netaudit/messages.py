"""The one message catalogue: every user-facing sentence in Vietnamese and English.

Text is looked up by key and formatted with named fields; renderers and checks
never hold their own copies of a sentence in either language.  A configuration example
is one :func:`neutral` text for every language (its commands written once) whose words
— heading, comments, placeholders — are catalogue entries ``snippet.<name>``.
"""

from __future__ import annotations

import string
from functools import cache
from types import SimpleNamespace

LANGS = ("vi", "en")

# The key of a text written once for every language (see :func:`neutral`).
NEUTRAL = "*"

CATALOGUE: dict[str, dict[str, str]] = {}


def neutral(text: str) -> dict[str, str]:
    """A catalogue entry that is one text in every language: a configuration example, its
    commands written once.  What the reader's language changes in it — heading, comments,
    placeholders, a sentence around it — are *words*, named in the text as
    ``{snippet.NAME}``: the catalogue entry ``snippet.NAME`` (vi/en), rendered in the same
    language with the same fields.  Its other fields are filled in as in any entry."""
    return {NEUTRAL: text}


@cache
def _word_names(text: str) -> tuple[str, ...]:
    """The NAMEs of the ``{snippet.NAME}`` fields of ``text``."""
    names = (f for _, f, _, _ in string.Formatter().parse(text) if f and f.startswith("snippet."))
    return tuple(dict.fromkeys(f.removeprefix("snippet.") for f in names))


def t(key: str, lang: str = "vi", /, **fields) -> str:
    """The text for ``key`` in ``lang`` with fields filled in (and, in a :func:`neutral`
    text, its words in ``lang``)."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry.get(NEUTRAL) or entry["en"]
    if NEUTRAL in entry and "snippet" not in fields and (names := _word_names(text)):
        words = {name: t(f"snippet.{name}", lang, **fields) for name in names}
        fields = {**fields, "snippet": SimpleNamespace(**words)}
    if not fields or ("{" not in text and "}" not in text):
        # Nothing to fill in (a check's title or remediation, asked with every finding's
        # fields: 3,538 findings of a 50,000-line ACL): what format would give, without
        # the dict of rendered fields.
        return text
    # A field that is itself a catalogue Text (e.g. an engine reason) is worded in ``lang`` too.
    return text.format(**{k: v.render(lang) if isinstance(v, Text) else v for k, v in fields.items()})


def both(key: str, /, **fields) -> dict[str, str]:
    """{"vi": …, "en": …} for JSON output."""
    return {lang: t(key, lang, **fields) for lang in LANGS}


# A sentence names at most NAMED_KEEP items of a list longer than NAMED_OVER: a finding or
# a compliance row naming every one of 51 zones runs to a page (issue #15).
NAMED_OVER, NAMED_KEEP = 12, 8


def named_list(items) -> str:
    """Names for a sentence, joined: all of them, or the first 8 of more than 12 and how
    many more ("a, b, … (+43)") — only where the data beside the sentence (a finding's
    ``zones``, the document's zone list) holds them all."""
    items = list(items)
    if len(items) <= NAMED_OVER:
        return ", ".join(items)
    return ", ".join(items[:NAMED_KEEP]) + f" … (+{len(items) - NAMED_KEEP})"


class Text(str):
    """A catalogue sentence kept as a value: its key and fields, rendered on demand.

    It *is* its English text (a ``str`` subclass: equality, hashing, ``in``, joins and
    JSON all see the English sentence), so code written for plain strings keeps
    working; renderers call :meth:`render` or :meth:`both` for the reader's language.
    Field values that are ``Text`` are rendered in the same language; tuples (and
    lists) of values are rendered and joined with "; ".  Other values — names,
    addresses, free text from vendor parsers — are inserted as they are.
    Immutable: the key and fields cannot be reassigned.
    """

    key: str
    fields: tuple[tuple[str, object], ...]

    def __new__(cls, key: str, /, **fields) -> Text:
        if key not in CATALOGUE:
            raise KeyError(key)
        frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in fields.items()))
        self = super().__new__(cls, _render(key, "en", frozen))
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "fields", frozen)
        return self

    def __setattr__(self, name, value):
        raise AttributeError("Text is immutable")

    def __delattr__(self, name):
        raise AttributeError("Text is immutable")

    def __reduce__(self):
        return (_text, (self.key, self.fields))

    def __repr__(self) -> str:
        return f"Text({self.key!r}, {dict(self.fields)!r})"

    def __str__(self) -> str:
        return str.__str__(self)

    def render(self, lang: str) -> str:
        """The sentence in ``lang`` (English when the key lacks it)."""
        if lang == "en":  # the text itself: a joined reason's parts are not worded again
            return str.__str__(self)
        return _render(self.key, lang, self.fields)

    def both(self) -> dict[str, str]:
        """{"vi": …, "en": …} for JSON output."""
        return {lang: self.render(lang) for lang in LANGS}


def _text(key: str, fields: tuple) -> Text:
    return Text(key, **dict(fields))


def _value(v, lang: str):
    if isinstance(v, Text):
        return v.render(lang)
    if isinstance(v, (tuple, list)):
        return "; ".join(str(_value(x, lang)) for x in v)
    return v


def _render(key: str, lang: str, fields: tuple) -> str:
    return t(key, lang, **{k: _value(v, lang) for k, v in fields})


def render(value, lang: str) -> str:
    """``value`` in ``lang``: a :class:`Text` rendered, anything else as a string ("" for None)."""
    if value is None:
        return ""
    return value.render(lang) if isinstance(value, Text) else str(value)


def error_text(e: Exception) -> str:
    """The message of ``e``: its :class:`Text` when it was raised with one (so that it is
    worded in the reader's language), else its English."""
    first = e.args[0] if len(e.args) == 1 else None
    return first if isinstance(first, Text) else str(e)


def both_of(value) -> dict[str, str] | None:
    """{"vi": …, "en": …} of a :class:`Text`; a plain string is the same in both; None stays None."""
    if value is None:
        return None
    if isinstance(value, Text):
        return value.both()
    return {lang: str(value) for lang in LANGS}


def with_text(entry: dict, key: str) -> dict:
    """``entry`` as the JSON document holds it: where ``entry[key]`` is a :class:`Text`,
    ``{key}_text`` ({"vi": …, "en": …}) beside it, ``key`` staying the English string
    (docs/report.md, the ``*_text`` fields); otherwise ``entry`` as it is."""
    value = entry.get(key)
    return {**entry, f"{key}_text": value.both()} if isinstance(value, Text) else entry


def _check_entry(key: str, val: dict[str, str]) -> None:
    """An entry has a text in every language, or is one :func:`neutral` text."""
    if NEUTRAL in val:
        if len(val) != 1:
            raise ValueError(f"message key {key}: a neutral text has no per-language texts")
        return
    missing = [lang for lang in LANGS if lang not in val]
    if missing:
        raise ValueError(f"message key {key} lacks {missing}")


def register(entries: dict[str, dict[str, str]]) -> None:
    """Add entries (used by check modules for their titles and remediations)."""
    for key, val in entries.items():
        if key in CATALOGUE and CATALOGUE[key] != val:
            raise ValueError(f"message key {key} defined twice")
        _check_entry(key, val)
        CATALOGUE[key] = val


def _load_catalogue() -> None:
    """Fill :data:`CATALOGUE` from the entry modules in ``netaudit/catalogue/`` (one per
    area; checks add theirs with :func:`register`).  A key defined twice is an error."""
    from .catalogue import (
        blueprint,
        cisco_asa,
        cisco_ios,
        common,
        fix,
        fortinet_fortios,
        h3c_comware,
        huawei_vrp,
        inputs,
        juniper_junos,
        linux,
        live,
        mikrotik_routeros,
        openwrt,
        reasons,
        report,
        ruijie_rgos,
        site,
        snippets,
    )

    vendors = (
        cisco_ios,
        cisco_asa,
        fortinet_fortios,
        huawei_vrp,
        h3c_comware,
        mikrotik_routeros,
        openwrt,
        linux,
        ruijie_rgos,
        juniper_junos,
    )
    for module in (common, report, reasons, site, inputs, *vendors, live, blueprint, fix, snippets):
        for key, val in module.ENTRIES.items():
            if key in CATALOGUE:
                raise ValueError(f"message key {key} defined twice")
            _check_entry(key, val)
            CATALOGUE[key] = val


_load_catalogue()
