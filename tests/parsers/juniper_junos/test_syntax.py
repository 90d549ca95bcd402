"""Both forms of a Junos configuration read into one list of statements
(netaudit/parsers/juniper_junos/syntax.py; docs/vendors/juniper_junos.md, "Syntax")."""

from __future__ import annotations

from helpers import parse_one
from hypothesis import given, settings
from hypothesis import strategies as st

from netaudit.messages import Text
from netaudit.parsers import detect_vendor, juniper_junos
from netaudit.parsers.juniper_junos.syntax import read

CURLY = """\
## Last commit: 2026-03-01 08:00:00 ICT by quantri
version 21.4R3-S4.9;
system {
    host-name "SRX-XA";
}
/* uplink den UBND huyen,
   do VNPT cap */
interfaces {
    ge-0/0/0 {
        description "WAN VNPT (IP tinh)";
        unit 0 {
            family inet {
                address 203.0.113.2/30;
            }
        }
    }
    replace: ge-0/0/1 {
        unit 0 {
            family inet {
                address 10.1.1.1/24;
                inactive: address 10.1.2.1/24;
            }
        }
    }
}
vlans {
    CANBO {
        vlan-id 10;
    }
}
protocols {
    lldp {
        interface [ ge-0/0/0 ge-0/0/1 ];
    }
}
{master:0}
"""

SET = """\
set version 21.4R3-S4.9
set system host-name SRX-XA
set interfaces ge-0/0/0 description "WAN VNPT (IP tinh)"
set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.2/30
set interfaces ge-0/0/1 unit 0 family inet address 10.1.1.1/24
set interfaces ge-0/0/1 unit 0 family inet address 10.1.2.1/24
set vlans CANBO vlan-id 10
set protocols lldp interface [ ge-0/0/0 ge-0/0/1 ]
deactivate interfaces ge-0/0/1 unit 0 family inet address 10.1.2.1/24
"""


def paths(text: str) -> list[tuple[tuple[str, ...], bool]]:
    return [(st.path, st.active) for st in read(text).stmts]


def test_both_forms_are_the_same_statements():
    assert paths(CURLY) == paths(SET)
    got = dict(paths(SET))
    assert got[("interfaces", "ge-0/0/0", "description", "WAN VNPT (IP tinh)")] is True
    assert got[("protocols", "lldp", "interface", "ge-0/0/1")] is True


def test_inactive_and_deactivate_take_a_statement_out_of_effect():
    for text in (CURLY, SET):
        dev, rep = parse_one(juniper_junos, text, "srx.conf")
        itf = dev.interfaces["ge-0/0/1.0"]
        assert [str(a) for a in itf.addresses] == ["10.1.1.1/24"]  # 10.1.2.1 is not in effect
        assert not rep.unrecognized, rep.unrecognized
        assert dev.hostname == "SRX-XA"


def test_an_inactive_block_takes_everything_under_it():
    text = "interfaces {\n    inactive: ge-0/0/2 {\n        unit 0 {\n            family inet {\n" \
        "                address 10.9.9.1/24;\n            }\n        }\n    }\n}\n"  # fmt: skip
    dev, _ = parse_one(juniper_junos, text, "x.conf")
    assert "ge-0/0/2.0" not in dev.interfaces


def test_an_annotation_and_the_session_around_are_no_configuration():
    text = "user@srx> show configuration | display set\n" + SET + "\n{master:0}\nuser@srx> \n"
    dev, rep = parse_one(juniper_junos, text, "x.txt")
    assert not rep.unrecognized
    assert dev.interfaces["ge-0/0/0.0"].description == "WAN VNPT (IP tinh)"


def test_the_pager_prompt_of_a_captured_session_is_no_configuration():
    # `---(more 23%)---` left in a capture, on a line of its own or before the line it hid:
    # never glued to the next statement (a block `---(more 23%)--- interfaces` read nothing)
    for pager in ("---(more 23%)---\n", "---(more)---\x08\x08\x08"):
        text = CURLY.replace("interfaces {", pager + "interfaces {", 1)
        dev, rep = parse_one(juniper_junos, text, "srx.conf")
        assert not rep.unrecognized, rep.unrecognized
        assert [str(a) for a in dev.interfaces["ge-0/0/0.0"].addresses] == ["203.0.113.2/30"]


def test_detection():
    assert detect_vendor(CURLY)[0] == "juniper_junos"
    assert detect_vendor(SET)[0] == "juniper_junos"
    assert juniper_junos.detect("hostname R1\ninterface Vlan1\n ip address 10.0.0.1 255.255.255.0\n") == 0
    # VyOS writes `set interfaces ethernet eth0 …`: never Junos
    assert juniper_junos.detect("set system host-name vyos\nset interfaces ethernet eth0 address dhcp\n") == 0


GROUPS = """\
groups {
    CHUNG {
        system {
            services {
                telnet;
            }
        }
    }
    KHONG-DUNG {
        system {
            services {
                ftp;
            }
        }
    }
    MAU {
        interfaces {
            <ge-*> {
                mtu 9000;
            }
        }
    }
}
apply-groups [ CHUNG MAU ];
system {
    host-name EX-XA;
}
"""


def test_groups_applied_at_the_top_are_in_effect():
    dev, rep = parse_one(juniper_junos, GROUPS, "ex.conf")
    names = {s.name for s in dev.services}
    assert "telnet" in names  # from the applied group CHUNG
    assert "ftp" not in names  # KHONG-DUNG is not applied
    # a wildcard matches only the names the configuration has (no ge- port here): read, no effect
    assert rep.unrecognized == []


def test_a_file_cut_inside_a_block_is_cut_short_and_no_evidence():
    text = CURLY[: CURLY.index("    replace: ge-0/0/1")]
    res = juniper_junos.parse(text, "srx.conf")
    line, msg = juniper_junos.incomplete(text, res)
    assert isinstance(msg, Text) and msg.key == "input.junos.cut_short"
    assert str(msg).startswith("truncated: the file ends inside 'interfaces'")
    assert msg.render("vi").startswith("bị cắt cụt")
    assert line == text.rstrip("\n").count("\n") + 1
    # every interface is partial: what was cut may be what opens or closes a path
    assert all(itf.partial for itf in res.devices[0].interfaces.values())
    assert juniper_junos.incomplete(CURLY, juniper_junos.parse(CURLY, "srx.conf")) is None


def test_a_reader_that_fails_leaves_no_verdict_standing(monkeypatch):
    """Odd content must never crash a parse: a reader that raises is a warning, and the
    device is no evidence (every interface and filter partial)."""
    from netaudit.parsers.juniper_junos.parser import JunosParser

    def boom(self):
        raise ValueError("odd")

    monkeypatch.setattr(JunosParser, "read_zones", boom)
    dev, rep = parse_one(juniper_junos, SET, "srx.txt")
    assert any(w.key == "input.at" and "could not be read" in str(w) for w in rep.warnings)
    assert dev.interfaces and all(itf.partial for itf in dev.interfaces.values())


def test_a_group_applied_below_the_top_gives_only_what_is_under_that_level():
    text = GROUPS.replace("apply-groups [ CHUNG MAU ];\n", "apply-groups MAU;\n") + (
        "system {\n    apply-groups CHUNG;\n}\ninterfaces {\n    apply-groups KHONG-DUNG;\n}\n"
    )
    dev, rep = parse_one(juniper_junos, text, "ex.conf")
    names = {s.name for s in dev.services}
    assert "telnet" in names  # CHUNG's `system services telnet`, applied under system
    assert "ftp" not in names  # KHONG-DUNG's is under system, not under interfaces: not inherited
    assert rep.unrecognized == []


def test_a_group_applied_per_routing_engine_is_not_in_effect_exactly():
    """re0/re1 groups are in effect on the engine of that slot only — which one runs is not in
    the file: their lines unrecognized, what they set maybe (never exact, never dropped)."""
    text = GROUPS.replace("apply-groups [ CHUNG MAU ];\n", "apply-groups [ re0 re1 ];\n").replace("CHUNG", "re0")
    dev, rep = parse_one(juniper_junos, text, "ex.conf")
    telnet = [s for s in dev.services if s.name == "system services telnet"]
    assert telnet and all(s.partial for s in telnet)
    assert "telnet;" in {s.text for s in rep.unrecognized}


def test_an_empty_list_in_place_of_a_path_is_unrecognized_never_a_failed_parse():
    for text in ("set [ ]\nset system host-name J-XA\n", "[ ];\nsystem {\n    host-name J-XA;\n}\n"):
        dev, rep = parse_one(juniper_junos, text, "j.conf")
        assert dev.hostname == "J-XA"  # the rest is read
        assert [u.line for u in rep.unrecognized] == [1]


# Lines of a hierarchical configuration, the commonest forms and the odd ones beside them:
# tags, lists, quotes, comments, annotations, pager prompts, stray braces, odd blanks.
_WORD = st.sampled_from(
    ["unit", "0", "family", "inet", "address", "10.0.0.1/24", "inactive:", "replace:", "protect:", "-x", "a-b",
     "[", "]", "[ a b ]", '"q r"', '"', "#c", "/*", "*/", "*", "ge-0/0/[1-2]", "\xa0", "{", "}", ";", "x;"]
)  # fmt: skip
_END = st.sampled_from([";", " {", "{", "", " ;", "; # c", " }", "}"])
_LINE = st.one_of(
    st.sampled_from(["}", "  }", "{", "", "   ", "---(more 42%)---", "## c", "/* a */", "}}"]),
    st.builds(
        lambda indent, words, end, tail: indent + " ".join(words) + end + tail,
        st.sampled_from(["", "    ", "\t", " \t "]),
        st.lists(_WORD, max_size=5),
        _END,
        st.sampled_from(["", " ", "\r", "\t"]),
    ),
)


@settings(max_examples=1500, deadline=None)
@given(lines=st.lists(_LINE, max_size=30))
def test_the_commonest_lines_read_whole_are_what_their_tokens_give(lines):
    """The reader's shortcut for `word …;`, `word … {` and `}` inside a block gives the
    statements, counts and problems the token-by-token reading gives."""
    text = "system {\n" + "\n".join(lines) + "\n}\n"
    fast, slow = read(text), read(text, whole_lines=False)
    as_tuples = [(s.path, s.line, s.text, s.active, s.state, s.group) for s in fast.stmts]
    assert as_tuples == [(s.path, s.line, s.text, s.active, s.state, s.group) for s in slow.stmts]
    assert (fast.structure, fast.bad, fast.open_blocks, fast.list_words) == (
        slow.structure,
        slow.bad,
        slow.open_blocks,
        slow.list_words,
    )
