"""Text that reaches a report or a terminal: control characters made visible.

Configurations, site files and file names are data from outside.  A hostname may
carry an ANSI colour code left over from a terminal capture, a zone name a BEL, a
description a right-to-left override: written raw they recolour or rewrite the
terminal, make XML (SVG, draw.io, the HTML the PDF is typeset from) ill-formed, or
make a report read differently from what it says.  Every renderer passes its text
through :func:`clean` at its boundary (its escaping function or template finalizer),
which writes each such character as a visible escape in Python notation — ``\\x1b``,
``\\u202e``, ``\\ufffe`` — so the reader still sees that it was there.

What counts as unsafe (:data:`UNSAFE`): C0 controls (but the ``keep`` set, by default
newline and tab), DEL and C1 controls; lone surrogates; bidirectional controls
(U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069); the line and paragraph
separators U+2028/U+2029; U+FEFF inside text; and the Unicode noncharacters
(U+FDD0–U+FDEF, U+xFFFE/U+xFFFF of every plane).  Printable text — Vietnamese
included — is never touched.

JSON stays lossless (:func:`dumps_json`): the same characters are written as
``\\uXXXX`` escapes, so the document holds the exact data and no raw control character.
"""

from __future__ import annotations

import json
import re

_NONCHARS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17)
)
# Everything but newline and tab (the default ``keep``) is always escaped; see _pattern.
UNSAFE = (
    "\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff" + _NONCHARS
)
_PATTERNS: dict[str, re.Pattern] = {}


def _pattern(keep: str) -> re.Pattern:
    got = _PATTERNS.get(keep)
    if got is None:
        chars = "".join(re.escape(c) for c in sorted(set(keep)))
        # Tab (\x09) is outside UNSAFE's first range on purpose: add it back unless kept.
        tab = "" if "\t" in keep else "\t"
        body = f"{tab}{UNSAFE}"
        got = re.compile(f"(?![{chars}])[{body}]") if chars else re.compile(f"[{body}]")
        _PATTERNS[keep] = got
    return got


def escape_char(ch: str) -> str:
    """``\\x1b``, ``\\u202e``, ``\\U0001fffe``: a character as Python writes it in a literal."""
    n = ord(ch)
    if n < 0x100:
        return f"\\x{n:02x}"
    if n < 0x10000:
        return f"\\u{n:04x}"
    return f"\\U{n:08x}"


def clean(text, keep: str = "\n\t") -> str:
    """``text`` (any value, as ``str``) with every unsafe character written as a visible
    escape; the characters in ``keep`` (newline and tab by default) stay as they are."""
    s = text if isinstance(text, str) else str(text)
    if s.isprintable():  # every unsafe character is unprintable (tests/test_control_chars.py): nothing to escape
        return s
    return _pattern(keep).sub(_escape_match, s)


def _escape_match(m: re.Match) -> str:
    return escape_char(m.group())


def one_line(text) -> str:
    """``text`` on one line (line breaks become spaces), unsafe characters escaped:
    for one-line messages on a terminal."""
    s = text if isinstance(text, str) else str(text)
    s = re.sub(r"\s*(?:\r\n|\r|\n)\s*", " ", s.strip())
    return clean(s, keep="\t").replace("\t", " ")


def has_unsafe(text: str, keep: str = "\n\t") -> bool:
    return _pattern(keep).search(text) is not None


def clean_tree(obj, keep: str = "\n\t"):
    """A copy of a JSON-like tree (dicts, lists, strings) with every string — keys
    included — passed through :func:`clean`."""
    if isinstance(obj, str):
        return clean(obj, keep)
    if isinstance(obj, dict):
        return {clean(k, keep) if isinstance(k, str) else k: clean_tree(v, keep) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [clean_tree(v, keep) for v in obj]
    return obj


def _json_escape(m: re.Match) -> str:
    n = ord(m.group())
    if n < 0x10000:
        return f"\\u{n:04x}"
    n -= 0x10000
    return f"\\u{0xD800 | n >> 10:04x}\\u{0xDC00 | n & 0x3FF:04x}"


# JSON escapes C0 controls itself, and its own layout uses newlines: the rest only.
_JSON_UNSAFE = re.compile(f"[{UNSAFE[UNSAFE.index(chr(0x7F)) :]}]")


def dumps_json(obj, **kw) -> str:
    """``json.dumps(obj, ensure_ascii=False, **kw)`` with every unsafe character written
    as a ``\\uXXXX`` escape: the same data, readable UTF-8, no raw control character.
    (JSON escapes C0 controls itself; the rest can only occur inside strings, where an
    escape means the same character.)"""
    return _JSON_UNSAFE.sub(_json_escape, json.dumps(obj, ensure_ascii=False, **kw))
