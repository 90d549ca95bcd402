"""Regular expressions compiled when first used.

``re.compile`` at a module's top level compiles when the module is imported, whether or
not the run ever uses the pattern: the ``show ip route`` grammar on a directory without
a routing table, the secrets masker's PEM and base64 patterns on configurations that
hold no key, argparse's error messages on a correct command line.  Those compilations
were about 2 % of the instructions of a whole audit of a small IOS network.
:func:`lazy_compile` returns a stand-in that compiles its pattern the first time anything
is asked of it, and from then on holds the compiled pattern's own bound methods and
attributes, so a call costs what a call on the compiled pattern costs.
"""

from __future__ import annotations

import re
from typing import Any, cast

# What a caller may ask of a pattern (re.Pattern's public methods and attributes).
_PATTERN_ATTRIBUTES = (
    "search",
    "match",
    "fullmatch",
    "split",
    "findall",
    "finditer",
    "sub",
    "subn",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class LazyPattern:
    """A regular expression compiled at its first use: it answers every attribute of
    :class:`re.Pattern` (``search``, ``sub``, ``pattern`` …) with the compiled pattern's.
    It is not an ``re.Pattern`` itself: it is for ``PATTERN.method(...)`` calls, not for
    ``re.search(PATTERN, ...)`` nor ``isinstance`` checks."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # Only reached for a name this object does not hold yet, i.e. at the first use:
        # compile, then keep the compiled pattern's attributes as this object's own.
        # A private or special name is not a pattern's (and copy/pickle ask for some
        # before ``_source`` exists).
        if name.startswith("_"):
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attribute in _PATTERN_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source[0]!r}, {self._source[1]!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled at its first use (:class:`LazyPattern`;
    typed as the pattern it stands for, for its callers)."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
