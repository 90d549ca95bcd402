"""The UCI reader (:mod:`netaudit.parsers.openwrt.uci`): words and comments as libuci reads
them, and an /etc/config file given alone."""

from __future__ import annotations

import pytest
from helpers import cells as audit_cells
from hypothesis import given, settings
from hypothesis import strategies as st

from netaudit.inputs import load_snapshot
from netaudit.model import Src
from netaudit.parsers import openwrt
from netaudit.parsers.openwrt.uci import (
    _OPTION_QUOTED,
    COMMANDS,
    NO_PACKAGE,
    OPEN,
    Section,
    read,
    scan,
    scan_chars,
    split_values,
)

from .helpers import FIXTURES, audit_fixture, cells, office, parse


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("src 'guest'   # visitors", ["src", "guest"]),
        ("ipaddr '10.1.2.3' # change me", ["ipaddr", "10.1.2.3"]),
        ("src guest#visitors", ["src", "guest"]),  # '#' ends a bare word too (parse_str)
        ("src 'guest'#visitors", ["src", "guest"]),  # and the line right after a quote
        ("name 'Guest #1'", ["name", "Guest #1"]),  # inside quotes it is a character
        ('name "Guest #2" # two', ["name", "Guest #2"]),
        ("name Guest\\#3", ["name", "Guest#3"]),  # escaped outside quotes
        ("src # visitors", ["src"]),
        ("name 'it'\\''s'", ["name", "it's"]),
        ("dest_port '22';", ["dest_port", "22"]),  # ';' ends the command; nothing follows
        ("dest_port '22'; # ssh", ["dest_port", "22"]),
    ],
)
def test_words_and_comments_as_libuci_reads_them(text, words):
    assert scan(text) == (words, None)
    assert split_values(text) == words


# The characters that decide how a UCI line splits, and a few ordinary ones.
_UCI_CHARS = st.sampled_from(list("ab-1. \t'\"\\#;\r\xa0"))


@settings(max_examples=3000, deadline=None)
@given(
    key=st.text(_UCI_CHARS, max_size=5),
    value=st.text(_UCI_CHARS, max_size=8),
    glue=st.sampled_from([" ", "\t", "  ", ""]),
)
def test_the_shortcuts_read_the_words_the_character_loop_reads(key, value, glue):
    """``key 'value'`` and single-quoted lines are read by regular expressions (nearly
    every line of an export); they give what the character-by-character reading gives."""
    for text in (f"{key}{glue}'{value}'", f"{key}{glue}{value}", f"{key}{glue}'{value}' {key}"):
        assert scan(text) == scan_chars(text.strip()), text


@settings(max_examples=3000, deadline=None)
@given(
    kw=st.sampled_from(["option", "list", "options", "lis", "option\t", "\toption"]),
    key=st.text(_UCI_CHARS, max_size=5),
    value=st.text(_UCI_CHARS, max_size=8),
    glue=st.sampled_from([" ", "\t", "  ", "", "\xa0"]),
)
def test_the_one_match_option_line_reads_what_the_general_path_reads(kw, key, value, glue):
    """The reader takes ``option KEY 'VALUE'`` lines in one match (``_OPTION_QUOTED``);
    where it matches, the general path (keyword, then :func:`split_values` of the rest)
    reads the same keyword, key and value."""
    for raw in (f"{kw}{glue}{key}{glue}'{value}'", f"{kw} {key}{glue}'{value}'  ", f"{kw}{glue}{key} {value}"):
        line = raw.strip()
        one = _OPTION_QUOTED.fullmatch(line)
        if one is None:
            continue
        kw_read, rest = line.split(None, 1)
        assert kw_read == one[1] and kw_read in ("option", "list"), raw
        assert split_values(rest) == [one[2], one[3]], raw


def test_option_lines_keep_their_line_for_citation():
    ut = read("package firewall\n\nconfig rule 'r'\n\toption name 'x'\n\tlist proto 'tcp'\n", "fw.txt")
    sec = ut.sections[0]
    assert sec.options["name"].src == Src("fw.txt", 4, "option name 'x'")
    assert sec.line("proto") == Src("fw.txt", 5, "list proto 'tcp'")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("name 'may-0001'", ["name", "may-0001"]),
        ("dest_port '25 465 587'", ["dest_port", "25 465 587"]),
        ("ipaddr\t''", ["ipaddr", ""]),
        ("name 'a#b'", ["name", "a#b"]),  # the character loop reads it
        ("na'me' 'x'", ["name", "x"]),
        ("name 'x'\r", ["name", "x"]),
    ],
)
def test_key_and_quoted_value(text, words):
    assert scan(text) == (words, None)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("name 'open", OPEN),
        ('name "open', OPEN),
        ("name value\\", OPEN),  # a continuation line: it used to loop for ever
        ("src 'lan'; option dest 'wan'", COMMANDS),  # two commands: not split, not guessed
    ],
)
def test_lines_that_are_not_one_command_are_not_read(text, problem):
    assert scan(text)[1] == problem
    assert split_values(text) is None


def test_option_set_to_nothing_by_a_comment_is_absent():
    """``option src # visitors`` sets src to nothing, which libuci's uci_set reads as
    deleting it: the rule has no src (an output rule), not a zone named ''."""
    dev, rep = office("""
    config rule
    \toption name 'no-src'
    \toption src 'guest'
    \toption src # visitors
    \toption dest 'lan'
    \toption target 'ACCEPT'
    """)
    assert rep.unrecognized == []
    assert not any("zone" in w for w in rep.warnings), rep.warnings
    assert cells(dev)[("guest", "staff")].verdict == "blocked"


def test_trailing_comments_in_hand_edited_files_are_read_and_counted():
    text = (FIXTURES / "hand-edited-comments.txt").read_text()
    dev, rep = parse(text, "gw.txt")
    assert dev.hostname == "gw-office"
    assert rep.unrecognized == [] and rep.partially_understood == []
    assert not any("not understood" in w or "not defined" in w for w in rep.warnings), rep.warnings
    assert [str(a) for a in dev.interfaces["eth0"].addresses] == ["192.168.1.1/24"]
    assert [str(a) for a in dev.interfaces["eth1"].addresses] == ["10.9.9.1/24"]


def test_trailing_comment_does_not_drop_the_rule_end_to_end(tmp_path):
    """``option src 'guest'   # visitors`` names zone guest: the printer rule exists
    (guest reaches staff on tcp/9100 only), it is not skipped as naming an undefined zone."""
    audit = audit_fixture(tmp_path, "hand-edited-comments.txt", "gw-office")
    got = audit_cells(audit)
    assert got[("guest", "staff")].verdict == "reachable"
    assert got[("guest", "staff")].services == ["tcp/9100"]
    assert got[("guest", "internet")].verdict == "reachable"
    assert got[("staff", "guest")].verdict == "blocked"
    assert got[("internet", "staff")].verdict == "blocked"
    assert audit.snapshot.input_problems == []


# --------------------------------------------------------------------------- a lone /etc/config file

LONE_WIRELESS = """
config wifi-device 'radio0'
\toption type 'mac80211'
\toption path 'platform/soc/18000000.wifi'
\toption channel '36'
\toption band '5g'
\toption htmode 'HE80'

config wifi-iface 'default_radio0'
\toption device 'radio0'
\toption network 'lan'
\toption mode 'ap'
\toption ssid 'Office'
\toption encryption 'sae'
\toption key 'correct-horse-battery'
"""


def test_lone_config_file_keeps_its_lines_and_names_the_form_to_give():
    text = LONE_WIRELESS.lstrip("\n")
    res = openwrt.parse(text, "wireless.conf")
    rep = res.report
    config_lines = [n for n, t in enumerate(text.split("\n"), 1) if t.strip()]
    assert sorted(s.line for s in rep.unrecognized) == config_lines  # every line counted
    line, message = openwrt.incomplete(text, res)
    assert (line, message) == (1, NO_PACKAGE)
    assert "'uci export'" in message and "'==> /etc/config/NAME <=='" in message
    assert "correct-horse-battery" not in message


def test_lone_config_file_is_claimed_whatever_its_package():
    network = "config interface 'lan'\n\toption device 'br-lan'\n\toption proto 'static'\n"
    assert openwrt.detect(network) >= 50
    assert openwrt.detect("# hand-written\n\n" + network) >= 50
    assert openwrt.detect("package network\n\n" + network) >= 80  # unchanged
    assert openwrt.detect("config system global\n    set hostname FGT\nend\n") < 50  # FortiOS


def test_lone_config_file_in_a_folder_is_one_clear_problem(tmp_path):
    (tmp_path / "router.txt").write_text((FIXTURES / "qos-scripts-export.txt").read_text())
    (tmp_path / "wireless").write_text(LONE_WIRELESS.lstrip("\n"))
    snap = load_snapshot(tmp_path)
    (problem,) = [p for p in snap.input_problems if "wireless" in p]
    assert problem.startswith("wireless: ") and "\n" not in problem
    assert NO_PACKAGE in problem and "cut short" not in problem


def test_config_before_the_first_package_is_listed_and_said():
    _dev, rep = office(base="config rule\n\toption src 'wan'\n\n" + office.__defaults__[1].lstrip("\n"))
    assert {s.text for s in rep.unrecognized} == {"config rule", "option src 'wan'"}
    assert any("before the first 'package' line" in w for w in rep.warnings)


def test_sections_by_package_and_type_follow_what_the_reader_holds():
    """``of`` answers from an index built once; a section added later is in it too, and
    what a caller does to the list it gets does not change the index."""
    ut = read("package firewall\n\nconfig rule\n\toption name 'a'\n\nconfig zone 'lan'\n", "gw.txt")
    assert [s.type for s in ut.of("firewall")] == ["rule", "zone"]
    assert [s.name for s in ut.of("firewall", "zone")] == ["lan"]
    assert ut.of("network") == [] and ut.of("firewall", "redirect") == []
    ut.sections.append(Section("firewall", "rule", "r2", Src("gw.txt", 9, "config rule 'r2'")))
    assert [s.name for s in ut.of("firewall", "rule")] == ["@rule[0]", "r2"]
    ut.of("firewall", "rule").clear()
    assert len(ut.of("firewall", "rule")) == 2


TYPO = """\
==> /etc/config/network <==
config interface 'lan'
\toption device 'br-lan'
\toption proto 'static'
\toption ipaddr '192.168.1.1/24'

config interface 'guest'
\toption device 'br-guest'
\toption proto 'static'
\toption ipaddr '192.168.3.1/24'

==> /etc/config/firewall <==
config zone
\toption name 'lan'
\tlist network 'lan'
\toption input 'ACCEPT'
\toption forward 'ACCEPT'

onfig zone
\toption name 'guest'
\tlist network 'guest'
\toption input 'REJECT'
\toption forward 'REJECT'

config forwarding
\toption src 'guest'
\toption dest 'lan'
"""


def test_a_line_libuci_cannot_parse_leaves_its_package_unknown():
    """A hand-edited /etc/config/firewall with ``onfig zone`` (a real router's file):
    libuci rejects the whole file, fw4 reads none of it.  The options after the typo are
    not read into the zone before it (which became "guest", its network guest too), and
    every routed interface is partial — never a model made of the lines around the typo."""
    res = openwrt.parse(TYPO, "gw.txt")
    ut = read(TYPO, "gw.txt")
    assert ut.broken == {"firewall": Src("gw.txt", 19, "onfig zone")}
    lan = next(s for s in ut.of("firewall", "zone"))
    assert lan.get("name") == "lan" and lan.get("input") == "ACCEPT"
    dev = res.devices[0]
    routed = [i for i in dev.interfaces.values() if i.is_l3]
    assert routed and all("libuci cannot load package firewall: line 19" in (i.partial or "") for i in routed)
    # the network package itself was read whole: nothing said of it
    assert "network" not in ut.broken
