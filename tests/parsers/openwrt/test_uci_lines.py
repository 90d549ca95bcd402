"""The export reader's whole-line pattern (``uci._EXPORT_LINE``: ``option``/``list``, ``config``
and blank lines read in one match) against its general path: on generated exports, the
reader gives the same sections, options, lines and counts with the pattern as with a
pattern that sends every line to the general path."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netaudit.parsers.openwrt import uci

# Every line to the general path: the groups of ``_EXPORT_LINE``, never set.
_GENERAL_ONLY = re.compile(r"(?:(?!)(x)(x)(x)(x)(x)(x)(x)(x))?.*\n")

# The characters that decide how a UCI line splits, and a few ordinary ones.
_CHARS = st.sampled_from(list("ab-1. \t'\"\\#;\r\xa0\x0b"))
_WORD = st.text(_CHARS, max_size=5) | st.sampled_from(["name", "src", "dest_ip", "lan", "10.0.0.0/8"])
_BLANK = st.sampled_from(["", " ", "\t", "  ", "\t\t", "\xa0", "\r", " \r"])
_KW = st.sampled_from(["option", "list", "config", "package", "options", "configx", "#", "uci", "root@OpenWrt:~#"])


@st.composite
def _line(draw: st.DrawFn) -> str:
    shape = draw(st.integers(0, 9))
    lead, mid, mid2, tail = draw(_BLANK), draw(_BLANK | st.just(" ")), draw(_BLANK | st.just(" ")), draw(_BLANK)
    kw, key, value = draw(_KW), draw(_WORD), draw(_WORD)
    if shape <= 3:  # option/list/config KEY 'VALUE', the common forms and their near misses
        return f"{lead}{kw}{mid or ' '}{key}{mid2 or ' '}'{value}'{tail}"
    if shape == 4:  # config TYPE
        return f"{lead}config{mid or ' '}{key}{tail}"
    if shape == 5:  # a keyword and anything
        return f"{lead}{kw}{mid}{key}{mid2}{value}{tail}"
    if shape == 6:  # a file header: a package by its file, or a file that is not UCI
        return draw(
            st.sampled_from(["==> /etc/config/firewall <==", "### /etc/config/network", "# /etc/firewall.user"])
        )
    if shape == 7:
        return f"{lead}{tail}"
    if shape == 8:
        return f"package {draw(st.sampled_from(['firewall', 'network', key]))}"
    return f"{lead}{kw}{tail}"


def _read(text: str, pattern: re.Pattern[str]) -> uci.UciText:
    saved = uci._EXPORT_LINE
    uci._EXPORT_LINE = pattern
    try:
        return uci.read(text, "owrt.txt")
    finally:
        uci._EXPORT_LINE = saved


def _same(a: uci.UciText, b: uci.UciText) -> None:
    assert a == b
    # Opt compares by value and Src: the line's text and number too
    for sa, sb in zip(a.sections, b.sections, strict=True):
        assert repr(sa) == repr(sb)


@settings(max_examples=1500, deadline=None)
@given(lines=st.lists(_line(), max_size=25), end=st.sampled_from(["\n", ""]), start=st.booleans())
def test_whole_line_pattern_reads_what_the_general_path_reads(lines, end, start):
    head = ["package firewall", "config rule"] if start else []
    text = "\n".join(head + lines) + end
    _same(_read(text, uci._EXPORT_LINE), _read(text, _GENERAL_ONLY))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "package firewall\nconfig rule\n\toption name 'x'",
        "package firewall\r\nconfig rule 'r'\r\n\toption name 'x'\r\n\tlist proto 'tcp'\r\n",
        "config rule\n\toption name 'x'\n",  # no package
        "package firewall\nconfig zone ''\n option name ''\n list network ''\n",
        "### /etc/firewall.user\nconfig rule\n\toption name 'x'\n\n### /etc/config/firewall\nconfig rule\n",
    ],
)
def test_edge_inputs_read_alike(text):
    _same(_read(text, uci._EXPORT_LINE), _read(text, _GENERAL_ONLY))
