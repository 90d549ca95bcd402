"""FortiOS config text → tree (netaudit.parsers.fortinet_fortios.tree): grammar and line accounting."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from netaudit.parsers.fortinet_fortios.tree import (
    IGNORE,
    IGNORED,
    MODEL,
    RECOGNIZED,
    UNRECOGNIZED,
    _tokenize_slow,
    build,
    closed_quotes_tokens,
    finalize,
)


def tree(text: str):
    return build(text.strip("\n") + "\n")


def test_nested_blocks_entries_and_settings_keep_line_numbers():
    t = tree("""
config system interface
    edit "port1"
        set ip 10.0.0.1 255.255.255.0
        set allowaccess ping https
        config secondaryip
            edit 1
                set ip 10.0.1.1/24
            next
        end
    next
end
""")
    blk = t.root.children["system interface"]
    e = blk.entries["port1"]
    assert e.edit_line == 2
    assert e.settings["ip"].values == ["10.0.0.1", "255.255.255.0"]
    assert list(e.settings["ip"].lines) == [3]
    assert e.settings["allowaccess"].values == ["ping", "https"]
    sec = e.children["secondaryip"].entries["1"]
    assert sec.settings["ip"].values == ["10.0.1.1/24"] and list(sec.settings["ip"].lines) == [7]
    assert not t.warnings and not t.truncated


def test_quotes_spaces_escapes_and_multi_value_sets():
    t = tree(r"""
config firewall address
    edit "Dia chi \"dac biet\" co dau cach"
        set comment 'It''s ok' "a\\b"
    next
end
config firewall policy
    edit 1
        set srcintf "port 1" port2 "zone\"x"
    next
end
""")
    addr = t.root.children["firewall address"]
    name = 'Dia chi "dac biet" co dau cach'
    assert list(addr.entries) == [name]
    assert addr.entries[name].settings["comment"].values == ["Its ok", "a\\b"]
    pol = t.root.children["firewall policy"].entries["1"]
    assert pol.settings["srcintf"].values == ["port 1", "port2", 'zone"x']


def test_multi_line_quoted_value_spans_lines_and_counts_them_all():
    t = tree("""
config vpn certificate local
    edit "cert"
        set private-key "-----BEGIN ENCRYPTED PRIVATE KEY-----
MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI
-----END ENCRYPTED PRIVATE KEY-----"
        set range global
    next
end
""")
    e = t.root.children["vpn certificate local"].entries["cert"]
    key = e.settings["private-key"]
    assert key.values[0].startswith("-----BEGIN") and key.values[0].count("\n") == 2
    assert list(key.lines) == [3, 4, 5]
    assert list(e.settings["range"].lines) == [6]


def test_backslash_continuation_and_replacemsg_buffer():
    t = tree("""
config system replacemsg admin "pre_admin-disclaimer-text"
    set buffer "line one
last\\
line"
    set format text
end
""")
    blk = t.root.children["system replacemsg admin pre_admin-disclaimer-text"]
    assert blk.settings["buffer"].values == ["line one\nlastline"]
    assert list(blk.settings["format"].lines) == [5]


def test_append_select_unselect_unset():
    t = tree("""
config system interface
    edit "wan1"
        set allowaccess ping https http telnet
        unselect allowaccess http telnet
        select allowaccess ssh ping
        append member "a" "b"
        set vlanid 10
        unset vlanid
    next
end
""")
    e = t.root.children["system interface"].entries["wan1"]
    assert e.settings["allowaccess"].values == ["ping", "https", "ssh"]
    assert list(e.settings["allowaccess"].lines) == [3, 4, 5]
    assert e.settings["member"].values == ["a", "b"]
    assert e.settings["vlanid"].values is None


def test_repeated_blocks_and_edits_merge_like_fortios():
    t = tree("""
config firewall address
    edit "a"
        set subnet 10.0.0.0/24
    next
end
config firewall address
    edit "a"
        set comment "x"
    next
    edit "b"
    next
end
""")
    blk = t.root.children["firewall address"]
    assert list(blk.entries) == ["a", "b"]
    assert blk.entries["a"].settings["subnet"].values == ["10.0.0.0/24"]
    assert blk.entries["a"].settings["comment"].values == ["x"]


def test_edit_0_takes_the_next_free_id_of_a_numbered_table():
    """``edit 0`` (a CLI script: a published FortiOS 7.2.3 ADVPN spoke writes its two
    policies and two SD-WAN members so) makes a new entry each time, as FortiOS does —
    never one entry merged from both, which lost the first policy and made its flows look
    blocked.  The first keeps the name 0 (read as an ID where a file uses it as one), a
    repeated one takes the next free ID.  In a named table ``0`` is a name like any other."""
    t = tree("""
config firewall policy
    edit 4
        set name "old"
    next
    edit 0
        set name "ADVPN Out"
    next
    edit 0
        set name "ADVPN In"
    next
end
config firewall address
    edit "lan"
    next
    edit 0
    next
    edit 0
    next
end
""")
    pol = t.root.children["firewall policy"].entries
    assert {k: e.settings["name"].values for k, e in pol.items()} == {
        "4": ["old"],
        "0": ["ADVPN Out"],
        "5": ["ADVPN In"],
    }
    assert list(t.root.children["firewall address"].entries) == ["lan", "0"]


def test_table_commands_move_delete_clone_rename_purge():
    t = tree("""
config firewall policy
    edit 1
    next
    edit 2
    next
    edit 3
        set action accept
    next
    move 3 before 1
    delete 2
    clone 3 to 7
    rename 1 to 9
    move 99 before 1
end
""")
    blk = t.root.children["firewall policy"]
    assert list(blk.entries) == ["3", "9", "7"]
    assert blk.entries["7"].settings["action"].values == ["accept"]
    assert [e.name for e in blk.deleted] == ["2"]
    assert blk.renamed == {"1": ("9", 12)}
    # a move naming an entry that does not exist is reported, not applied
    assert t.status[13] == UNRECOGNIZED
    assert any("move 99 before 1" in w for w in t.warnings)
    t2 = tree("""
config firewall policy
    edit 1
    next
    purge
end
""")
    assert not t2.root.children["firewall policy"].entries


def test_truncated_file_warns_and_keeps_what_was_read():
    t = tree("""
config firewall policy
    edit 1
        set action accept
""")
    assert t.truncated
    assert any("truncated" in w for w in t.warnings)
    assert t.root.children["firewall policy"].entries["1"].settings["action"].values == ["accept"]


def test_unclosed_quote_at_end_of_file_falls_back_to_one_line():
    t = tree("""
config system global
    set hostname "abc
end
""")
    assert any("never closed" in w for w in t.warnings)
    assert t.root.children["system global"].settings["hostname"].values == ["abc"]


def test_grammar_errors_are_unrecognized_lines_not_exceptions():
    t = tree("""
next
end
set hostname x
edit 5
frobnicate all the things
config system global
    set hostname "ok"
end
""")
    assert [t.status[n] for n in range(1, 6)] == [UNRECOGNIZED] * 5
    assert len(t.warnings) == 5


def test_a_captured_cli_prompt_line_is_no_configuration():
    """A `show` copied from a terminal keeps its prompt lines (``FG_VM-Demo $ show`` on a
    6.2.3 VM, ``FG60E # config global`` and ``FG60E (global) # show system interface`` in
    a published multi-VDOM session): the command typed there is not configuration —
    ignored, never "unknown command 'FG60E'"."""
    t = tree("""
FG60E # config global

FG60E (global) # show system interface TEST0
config system interface
    edit "wan1"
        set ip 49.50.63.182 255.255.255.252
    next
end
FG_VM-Demo $ show
""")
    assert not t.warnings
    assert [t.status[n] for n in (1, 3, 9)] == [IGNORED] * 3
    assert t.root.children["system interface"].entries["wan1"].settings["ip"].values == [
        "49.50.63.182",
        "255.255.255.252",
    ]


def test_finalize_statuses_follow_the_interpreter_marks():
    t = tree("""
#config-version=FG100F-7.2.5-FW-build1517-230606:opmode=0:vdom=0:user=admin

config system global
    set hostname "FGT"
    set timezone 60
    set brand-new-knob 1
end
config log setting
    set fwpolicy-implicit-log enable
end
config something unknown
    set x 1
end
""")
    assert t.header["config-version"].startswith("FG100F-7.2.5")
    glob = t.root.children["system global"]
    glob.disp = MODEL
    glob.ignore_keys = frozenset({"timezone"})
    glob.get("hostname")
    t.root.children["log setting"].disp = IGNORE
    finalize(t)
    st = t.status
    assert [st[1], st[2]] == [IGNORED, IGNORED]  # header comment, blank line
    assert st[3] == RECOGNIZED and st[4] == RECOGNIZED  # config line, used setting
    assert st[5] == IGNORED  # known-irrelevant key
    assert st[6] == UNRECOGNIZED  # unknown key
    assert st[7] == RECOGNIZED  # end of a modelled block
    assert [st[8], st[9], st[10]] == [IGNORED] * 3  # ignored section
    assert [st[11], st[12], st[13]] == [UNRECOGNIZED] * 3


# Blanks of every kind, quotes, and ordinary characters.
_LINE = st.text(st.sampled_from(list('ab-1. \t"\r\xa0')), max_size=16)


@settings(max_examples=3000, deadline=None)
@given(head=_LINE, value=_LINE, tail=_LINE, sep=_LINE)
def test_closed_quotes_are_read_as_the_character_loop_reads_them(head, value, tail, sep):
    """Lines whose double quotes all close on the line are read by regular expressions
    (``set key "value"`` and ``set member "a" "b"`` by one match); the tokens are those of
    the character loop."""
    for raw in (
        f'{head}"{value}"',
        f'        set {head} "{value}"{tail}',
        f'    edit "{value}"',
        f'        set member "{value}"{sep}"{tail}"',
        f'        set {head} "{value}" "{tail}" "{sep}"',
        f'set srcaddr "{value}"{sep}"{head}"{sep}"{tail}"',
    ):
        if raw.count('"') % 2:
            continue
        tokens, last, ok = _tokenize_slow([raw], 0)
        assert ok and last == 0
        assert closed_quotes_tokens(raw) == tokens, raw


def test_one_quoted_value_with_blanks_inside_and_odd_blanks_outside():
    assert closed_quotes_tokens('        set comment "may tram 1"') == ["set", "comment", "may tram 1"]
    assert closed_quotes_tokens('    edit "H-0001"\r') == ["edit", "H-0001\r"]  # a CR is no blank here
    assert closed_quotes_tokens('set\xa0name "x"') == ["set\xa0name", "x"]
    assert closed_quotes_tokens('set a"b c"') == ["set", "ab c"]  # glued: one token
    assert closed_quotes_tokens('set name ""') == ["set", "name", ""]
    assert closed_quotes_tokens('set member "a b" "" "c"') == ["set", "member", "a b", "", "c"]
    assert closed_quotes_tokens('set member "a"  "b"') == ["set", "member", "a", "b"]  # two blanks
    assert closed_quotes_tokens('set member "a""b"') == ["set", "member", "ab"]  # glued: one token
    assert closed_quotes_tokens('set member "a" "b" ') == ["set", "member", "a", "b"]  # a blank after


def test_repeated_quoted_lines_give_each_setting_its_own_values():
    """A closed-quotes line is tokenised once per distinct text (build's memo): the
    settings of two identical lines hold equal values, and changing one (append,
    unselect) leaves the other as written."""
    t = tree("""
config firewall addrgrp
    edit "G1"
        set member "a" "b"
        append member "c"
    next
    edit "G2"
        set member "a" "b"
        unselect member "a"
    next
    edit "G3"
        set member "a" "b"
    next
end
""")
    ents = t.root.children["firewall addrgrp"].entries
    assert ents["G1"].settings["member"].values == ["a", "b", "c"]
    assert ents["G2"].settings["member"].values == ["b"]
    assert ents["G3"].settings["member"].values == ["a", "b"]
    assert t.keys == {"member"}


def test_a_settings_lines_are_every_line_that_touched_it_in_order():
    """A setting written once keeps its statement's span (build shares the tuple); one
    touched again gets a list of all its lines in order, whatever the first span was, and
    a key written in any case is one setting and one key of Tree.keys."""
    appends = "\n".join(f"        append member m{k}" for k in range(300))
    t = tree(f"""
config firewall addrgrp
    edit "G1"
        set member "a" \\
"b"
{appends}
        SET Comment "x"
        set comment "y"
    next
    edit "G2"
        Set COMMENT "z"
        set uuid 1
    next
end
""")
    ents = t.root.children["firewall addrgrp"].entries
    member = ents["G1"].settings["member"]
    assert list(member.lines) == [3, 4, *range(5, 305)]
    assert member.values == ["a", "b", *(f"m{k}" for k in range(300))]
    comment = ents["G1"].settings["comment"]
    assert list(comment.lines) == [305, 306] and comment.values == ["y"] and comment.line == 306
    assert ents["G2"].settings["comment"].values == ["z"] and list(ents["G2"].settings["comment"].lines) == [309]
    assert ents["G2"].line("uuid") == 310
    assert t.keys == {"member", "comment", "uuid"}
    finalize(t)
    assert all(t.status[1:])  # every line given a status, the continuation line too
