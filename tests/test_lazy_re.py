"""A lazily compiled pattern answers as the compiled pattern does, and compiles only when
first used."""

from __future__ import annotations

import copy
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from netaudit import lazy_re
from netaudit.lazy_re import LazyPattern, lazy_compile

# Patterns with groups, named groups, anchors, alternatives and flags, as the modules
# that use lazy_compile write them.
PATTERNS = [
    (r"^(?P<file>[^\n]*?):(?P<line>\d+):", 0),
    (r"(?<![\w-])(?:password|secret)\s+(?P<val>\S+)", re.IGNORECASE),
    (r"^\[(\d+)/(\d+)\]\s+via\s+(\d+\.\d+\.\d+\.\d+)(.*)$", re.MULTILINE),
    (r"\\.", re.S),
    (r"a|b*", 0),
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERNS), st.text(alphabet="ab:12\n\\.[]/ viaPASSWORDsecret-", max_size=40))
def test_answers_as_the_compiled_pattern(spec, text):
    lazy, compiled = lazy_compile(*spec), re.compile(*spec)
    for name in ("search", "match", "fullmatch"):
        got, want = getattr(lazy, name)(text), getattr(compiled, name)(text)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))
    assert lazy.findall(text) == compiled.findall(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.split(text) == compiled.split(text)
    assert lazy.sub("<x>", text) == compiled.sub("<x>", text)
    assert lazy.subn(lambda m: m.group(0)[::-1], text) == compiled.subn(lambda m: m.group(0)[::-1], text)
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (
        compiled.pattern,
        compiled.flags,
        compiled.groups,
        compiled.groupindex,
    )


def test_compiled_at_first_use_only(monkeypatch):
    made: list[str] = []
    real = re.compile

    def counting(pattern, flags=0):
        made.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(lazy_re.re, "compile", counting)
    rx = lazy_compile(r"x(\d)")
    assert made == []
    assert rx.search("ax1").group(1) == "1"
    assert rx.sub("-", "x2x3") == "--" and rx.pattern == r"x(\d)"
    assert made == [r"x(\d)"]


def test_private_names_and_copies():
    rx = LazyPattern(r"a+")
    assert not hasattr(rx, "_compiled") and not hasattr(rx, "__deepcopy__")
    assert copy.deepcopy(rx).fullmatch("aaa") is not None
    assert copy.copy(rx).fullmatch("b") is None
