"""Checks on filters and references (netaudit.checks.config), on vendor-neutral devices."""

from __future__ import annotations

from helpers import net
from helpers import src as shared_src
from netaddr import IPNetwork

from netaudit import topology
from netaudit.checks import REGISTRY, AuditContext, load_checks
from netaudit.checks.config import UNMATCHABLE, interface_combinations, shadowed_lines, unreachable_lines
from netaudit.headerspace import HeaderSpace
from netaudit.model import (
    PROTO_TCP,
    PROTO_UDP,
    Action,
    AddrMatch,
    Device,
    Filter,
    FilterLine,
    Interface,
    Match,
    MgmtService,
    NatRule,
    PortRange,
    Reference,
    Src,
)
from netaudit.parsers import cisco_ios
from netaudit.zones import Site

FILE = "r1.cfg"
TCP = Match(protocols=(PROTO_TCP,))
UDP = Match(protocols=(PROTO_UDP,))
ANY = Match()


# --------------------------------------------------------------------------- builders


def src(n: int, text: str = "") -> Src:
    return shared_src(n, text, FILE)


def L(action: str, *matches: Match, text: str = "", partial: str | None = None) -> tuple:
    """A filter line spec for :func:`acl`."""
    return action, matches, text, partial


def acl(name: str, *specs: tuple, start: int = 10, partial: str | None = None) -> Filter:
    """A filter whose lines sit on config lines start, start+1, …"""
    lines = [
        FilterLine(Action(a), list(ms), src(start + i, t or f"{a} #{start + i}"), partial=p)
        for i, (a, ms, t, p) in enumerate(specs)
    ]
    return Filter(name, lines, source=src(start - 1, f"ip access-list extended {name}"), partial=partial)


def device(vendor: str = "test", hostname: str = "R1", **ifaces: str) -> Device:
    d = Device(hostname, vendor, FILE, source=src(1, f"hostname {hostname}"))
    for name, addr in ifaces.items():
        d.interfaces[name] = Interface(name, addresses=[IPNetwork(addr)], source=src(2, f"interface {name}"))
    return d


def context(devices: list[Device]) -> AuditContext:
    return AuditContext(
        devices=devices,
        reports=[],
        topology=topology.build(devices),
        site=Site(unit="t"),
        zones=[],
        matrix=[],
        hs=HeaderSpace(),
    )


def run(check_id: str, devices: list[Device]) -> list:
    load_checks()
    info = REGISTRY[check_id]
    return list(info.func(context(devices), info))


def blocked(flt: Filter) -> dict[int, tuple[list[int], bool, str]]:
    """{line index: (blocking indexes, different_action, reason)}."""
    return {u.index: (u.blocking, u.different_action, u.reason) for u in shadowed_lines(HeaderSpace(), flt)}


# --------------------------------------------------------------------------- undefined-reference


def ref(kind: str, name: str, n: int, text: str, defined: bool = False) -> Reference:
    return Reference(kind, name, src(n, text), defined)


def test_undefined_acl_on_interface_ios_says_everything_passes_and_gives_snippet():
    d = device("cisco_ios")
    d.references = [
        ref("acl", "GUEST-IN", 12, " ip access-group GUEST-IN in"),
        ref("acl", "OK", 13, " ip access-group OK out", defined=True),
    ]
    [f] = run("undefined-reference", [d])
    assert f.severity == "high"
    assert f.evidence == [{"file": FILE, "line": 12, "text": " ip access-group GUEST-IN in"}]
    assert "every packet passes" in f.detail["en"] and "GUEST-IN" in f.detail["en"]
    assert "mọi gói tin" in f.detail["vi"] and "r1.cfg:12" in f.detail["vi"]
    for lang in ("vi", "en"):
        assert "ip access-list extended GUEST-IN" in f.remediation[lang]
        assert "no ip access-group GUEST-IN in" in f.remediation[lang]
    assert f.remediation["vi"].startswith("Định nghĩa ACL “GUEST-IN”")


def test_undefined_access_class_ios_says_management_is_open():
    d = device("cisco_ios")
    d.references = [ref("acl", "VTY", 40, " access-class VTY in")]
    [f] = run("undefined-reference", [d])
    assert "open to every source address" in f.detail["en"]
    assert "dịch vụ quản trị" in f.detail["vi"]


def test_undefined_reference_other_vendor_has_no_ios_wording_or_snippet():
    d = device("routeros")
    d.references = [ref("acl", "X", 5, "/ip firewall filter add chain=forward jump-target=X")]
    [f] = run("undefined-reference", [d])
    assert "Cisco" not in f.detail["en"] and "Cisco" not in f.remediation["en"]
    assert f.severity == "high"


def test_undefined_object_group_and_vrf_are_medium_and_distinct():
    d = device("cisco_ios")
    d.references = [
        ref("object-group", "WEB", 20, " permit tcp any object-group WEB eq 80"),
        ref("vrf", "MGMT", 30, " vrf forwarding MGMT"),
        ref("vrf", "MGMT", 31, " vrf forwarding MGMT"),
    ]
    fs = run("undefined-reference", [d])
    assert [f.severity for f in fs] == ["medium"] * 3
    assert len({f.id for f in fs}) == 3
    assert "no vrf forwarding MGMT" in fs[1].remediation["en"]
    assert "OBJECT-GROUP" in fs[0].detail["vi"]


# --------------------------------------------------------------------------- unused-acl


def test_unused_acl_ignores_every_kind_of_use():
    d = device(Gi1="10.0.0.1/24", Gi2="10.0.1.1/24")
    for name in ("IN", "OUT", "FWD", "INPUT", "VTY", "NAT", "RMAP", "SPARE"):
        d.filters[name] = acl(name, L("permit", ANY), start=100 + 10 * len(d.filters))
    d.interfaces["Gi1"].filter_in = "IN"
    d.interfaces["Gi2"].filter_out = "OUT"
    d.forward_filter, d.input_filter = "FWD", "INPUT"
    d.services = [MgmtService("ssh", PROTO_TCP, (PortRange(22, 22),), acl="VTY")]
    d.nat_rules = [NatRule("source", acl="NAT", to_interface="Gi2")]
    d.references = [
        ref("acl", "RMAP", 70, " match ip address RMAP", defined=True),
        ref("prefix-list", "SPARE", 71, " match ip address prefix-list SPARE", True),
    ]
    [f] = run("unused-acl", [d])
    assert f.severity == "low"
    assert "SPARE" in f.detail["en"] and "SPARE" in f.detail["vi"]
    assert f.evidence == [{"file": FILE, "line": 169, "text": "ip access-list extended SPARE"}]


def test_unused_acl_without_header_cites_first_line():
    d = device()
    d.filters["101"] = Filter("101", [FilterLine(Action.PERMIT, [ANY], src(7, "access-list 101 permit ip any any"))])
    [f] = run("unused-acl", [d])
    assert f.evidence[0]["line"] == 7


def test_unused_acl_of_a_file_cut_short_is_not_proven(tmp_path):
    """A file cut after an ACL and before the interface applying it: "applied nowhere" rests on
    what was cut off — the finding stays (low), not proven, saying why (it was stated as fact)."""
    from netaudit.audit import run_audit

    text = (
        "Building configuration...\n\nversion 15.2\nhostname CUT\n!\n"
        "ip access-list extended CAMERA-IN\n deny ip any 10.0.10.0 0.0.0.255\n permit ip any any\n!\n"
        "interface GigabitEthernet0/1\n ip address 10.0.30.1 255.255.255.0\n"
    )
    (tmp_path / "cut.cfg").write_text(text, encoding="utf-8")
    audit = run_audit([tmp_path])
    [f] = [f for f in audit.findings if f.check == "unused-acl"]
    assert f.proven is False
    assert "not proven" in f.detail["en"] and "chưa được chứng minh" in f.detail["vi"]
    whole = text + " ip access-group CAMERA-IN in\n!\nend\n"
    (tmp_path / "cut.cfg").write_text(whole.replace("ip access-group CAMERA-IN in", "no shutdown"), encoding="utf-8")
    [f] = [f for f in run_audit([tmp_path]).findings if f.check == "unused-acl"]
    assert f.proven is True  # the whole file: stated as fact


# --------------------------------------------------------------------------- shadowed-acl-line


def test_deny_behind_broader_permit_is_medium_with_batfish_row():
    f = acl(
        "OUT",
        L("permit", Match(dst=net("2.128.0.0/16")), text="permit ip any 2.128.0.0 0.0.255.255"),
        L(
            "deny",
            Match(src=net("1.128.0.0/16"), dst=net("2.128.0.0/16")),
            text=" deny   ip 1.128.0.0 0.0.255.255 2.128.0.0 0.0.255.255",
        ),
        L("deny", ANY, text="deny ip any any"),
    )
    d = device()
    d.filters["OUT"] = f
    assert unreachable_lines(HeaderSpace(), d, f) == [
        {
            "sources": ["R1: OUT"],
            "unreachable_line": "deny   ip 1.128.0.0 0.0.255.255 2.128.0.0 0.0.255.255",
            "action": "DENY",
            "blocking_lines": ["permit ip any 2.128.0.0 0.0.255.255"],
            "different_action": True,
            "reason": "BLOCKING_LINES",
        }
    ]
    [fi] = run("shadowed-acl-line", [d])
    assert fi.severity == "medium"
    assert [e["line"] for e in fi.evidence] == [11, 10]
    assert "never happens" in fi.detail["en"] and "không xảy ra" in fi.detail["vi"]
    assert "BLOCKING_LINES" not in fi.detail["vi"]  # codes stay out of the prose


def test_permit_behind_deny_any_is_low():
    f = acl("IN", L("permit", Match(src=net("2.128.0.0/16"))), L("deny", ANY), L("permit", Match(protocols=(1,))))
    assert blocked(f) == {2: ([1], True, "BLOCKING_LINES")}
    d = device()
    d.filters["IN"] = f
    [fi] = run("shadowed-acl-line", [d])
    assert fi.severity == "low"


def test_line_covered_only_by_union_of_two_earlier_lines():
    f = acl(
        "U",
        L("permit", Match(dst=net("10.0.0.0/9"))),
        L("permit", Match(dst=net("10.128.0.0/9"))),
        L("deny", Match(dst=net("10.0.0.0/8"))),
    )
    assert blocked(f) == {2: ([0, 1], True, "BLOCKING_LINES")}


def test_blocking_lines_are_a_minimal_cover():
    # Line 1 alone covers line 2; line 0 took part of line 2 first but is not needed.
    f = acl(
        "M",
        L("permit", Match(dst=net("10.0.0.0/9"))),
        L("permit", Match(dst=net("10.0.0.0/8"))),
        L("permit", Match(dst=net("10.0.0.0/8"), protocols=(PROTO_TCP,))),
    )
    assert blocked(f) == {2: ([1], False, "BLOCKING_LINES")}


def test_first_single_covering_line_is_named():
    f = acl("S", L("deny", TCP), L("deny", ANY), L("deny", Match(protocols=(PROTO_TCP,), dst=net("10.0.0.0/8"))))
    assert blocked(f) == {2: ([0], False, "BLOCKING_LINES")}


def test_different_action_line_is_always_named():
    # Line 1 alone covers line 2, but line 0 (a deny) takes part of it first: Batfish
    # reports Different_Action and names the deny too.
    f = acl(
        "D",
        L("deny", Match(src=(AddrMatch.host(0x0A000001),))),
        L("permit", ANY),
        L("permit", Match(src=net("10.0.0.0/24"))),
    )
    assert blocked(f) == {2: ([0, 1], True, "BLOCKING_LINES")}


def test_non_contiguous_wildcards():
    even = (AddrMatch(0x0A010000, 0x0000FEFF),)  # 10.1.<even>.x
    odd = (AddrMatch(0x0A010100, 0x0000FEFF),)  # 10.1.<odd>.x
    f = acl(
        "W",
        L("deny", Match(src=even)),
        L("deny", Match(src=odd)),
        L("permit", Match(src=net("10.1.4.0/24"))),  # even third octet: line 0 alone
        L("permit", Match(src=net("10.1.0.0/16"))),  # both halves
        L("permit", Match(src=net("10.0.0.0/8"))),
    )  # reachable
    assert blocked(f) == {2: ([0], True, "BLOCKING_LINES"), 3: ([0, 1], True, "BLOCKING_LINES")}


def test_partially_overlapping_line_is_reachable():
    f = acl("P", L("deny", Match(dst=net("10.0.0.0/9"))), L("permit", Match(dst=net("10.0.0.0/8"))))
    assert blocked(f) == {}


def test_shadowed_line_behind_a_partial_line_is_not_reported():
    f = acl("Q", L("permit", ANY, partial="dscp ef"), L("deny", TCP))
    assert blocked(f) == {}


def test_partial_line_needed_for_cover_is_not_used():
    f = acl(
        "R",
        L("permit", Match(dst=net("10.0.0.0/9"))),
        L("permit", Match(dst=net("10.128.0.0/9")), partial="time-range WORK"),
        L("deny", Match(dst=net("10.0.0.0/8"))),
    )
    assert blocked(f) == {}


def test_partial_lines_are_never_reported_but_do_not_hide_full_cover():
    f = acl("T", L("permit", ANY), L("deny", TCP, partial="dscp ef"), L("deny", UDP))
    assert blocked(f) == {2: ([0], True, "BLOCKING_LINES")}


def test_partial_filter_yields_nothing():
    f = acl("PF", L("permit", ANY), L("deny", TCP), partial="unknown construct")
    assert blocked(f) == {}


def test_empty_match_is_unmatchable():
    f = acl("E", L("deny", Match(src=())), L("permit", ANY))
    assert blocked(f) == {0: ([], False, UNMATCHABLE)}
    d = device()
    d.filters["E"] = f
    [fi] = run("shadowed-acl-line", [d])
    assert fi.severity == "low" and "empty match condition" in fi.detail["en"]


def test_interface_constrained_lines_are_checked_per_interface_pair():
    lan, wan = frozenset({"lan"}), frozenset({"wan"})
    f = acl(
        "POLICY",
        L("permit", Match(in_ifaces=lan)),  # 0
        L("deny", Match(dst=net("10.0.0.0/8"))),  # 1: reachable (other ifaces)
        L("deny", Match(in_ifaces=lan, protocols=(PROTO_TCP,))),  # 2: only on lan → by 0
        L("deny", TCP),  # 3: lan by 0, others open
        L("permit", Match(in_ifaces=wan, dst=net("10.1.0.0/16"))),  # 4: on wan → by 1
        L("permit", Match(in_ifaces=lan | wan, dst=net("10.2.0.0/16"))),
    )  # 5: lan by 0, wan by 1
    assert blocked(f) == {
        2: ([0], True, "BLOCKING_LINES"),
        4: ([1], True, "BLOCKING_LINES"),
        5: ([0, 1], True, "BLOCKING_LINES"),
    }


def test_out_interface_constraints():
    dmz = frozenset({"dmz"})
    f = acl(
        "FW",
        L("deny", Match(out_ifaces=dmz)),
        L("permit", Match(out_ifaces=dmz, protocols=(PROTO_TCP,))),
        L("permit", Match(in_ifaces=frozenset({"lan"}), out_ifaces=dmz)),
        L("permit", Match(in_ifaces=frozenset({"lan"}))),
    )
    assert blocked(f) == {1: ([0], True, "BLOCKING_LINES"), 2: ([0], True, "BLOCKING_LINES")}


def test_interfaces_treated_alike_are_one_combination():
    same = frozenset({"a", "b", "c"})
    f = acl("C", L("permit", Match(in_ifaces=same)), L("deny", Match(in_ifaces=same)))
    assert len(interface_combinations(f)) == 2  # {a,b,c} and "other"
    assert blocked(f) == {1: ([0], True, "BLOCKING_LINES")}


def test_findings_are_unique_per_line_and_cite_blockers():
    d = device()
    d.filters["A"] = acl("A", L("deny", ANY), L("permit", TCP), L("permit", UDP))
    d.filters["B"] = acl("B", L("deny", ANY), L("permit", TCP), start=50)
    fs = run("shadowed-acl-line", [d])
    assert len(fs) == 3 and len({f.id for f in fs}) == 3
    assert all(f.evidence[1]["text"] == "deny #" + str(f.evidence[1]["line"]) for f in fs)


# --------------------------------------------------------------------------- Cisco IOS integration

IOS = """\
hostname EDGE
!
interface GigabitEthernet0/1
 ip address 10.0.0.1 255.255.255.0
 ip access-group MISSING in
!
interface GigabitEthernet0/2
 ip address 10.0.1.1 255.255.255.0
 ip access-group SHADOW in
!
ip access-list extended SHADOW
 permit ip any 10.0.0.0 0.255.255.255
 deny   ip 10.1.0.0 0.0.255.255 10.2.0.0 0.0.255.255
 permit tcp any any
ip access-list extended SPARE
 permit ip any any
!
end
"""


def test_ios_config_end_to_end():
    ios = cisco_ios
    devices = ios.parse(IOS, "edge.cfg").devices
    [undefined] = run("undefined-reference", devices)
    assert undefined.evidence[0]["line"] == 5 and "MISSING" in undefined.detail["en"]
    assert "every packet passes" in undefined.detail["en"]
    assert [f.detail["en"].split('"')[1] for f in run("unused-acl", devices)] == ["SPARE"]
    [shadow] = run("shadowed-acl-line", devices)
    assert shadow.severity == "medium"
    assert [e["line"] for e in shadow.evidence] == [13, 12]


def test_one_line_per_interface_costs_lines_not_lines_times_interfaces():
    """FortiGate local-in with an own-address line per VLAN interface (thousands of
    them): each interface combination looks only at the lines that can apply to it."""
    n = 3000
    lines = [
        L("permit", Match(dst=net(f"10.{i // 250}.{i % 250}.1/32"), in_ifaces=frozenset({f"vl{i}"}))) for i in range(n)
    ]
    # line n+1 repeats vl7's line: shadowed by it, and only by it
    lines.append(L("permit", Match(dst=net("10.0.7.1/32"), in_ifaces=frozenset({"vl7"}))))
    lines.append(L("deny", Match()))
    found = blocked(acl("local-in", *lines))
    assert list(found) == [n] and found[n][:2] == ([7], False)


def test_a_class_map_naming_a_missing_acl_is_no_interface_filter():
    """``match access-group name X`` in a class-map selects traffic for a class: the
    undefined-reference finding said it "applies access list X to an interface"."""
    from netaudit.checks.config import reference_usage
    from netaudit.model import Reference, Src

    ref = Reference("acl", "ZBF-X", Src("r.cfg", 40, " match access-group name ZBF-X"), False)
    assert reference_usage(ref) is None
    ref = Reference("acl", "IN", Src("r.cfg", 9, " ip access-group IN in"), False)
    assert reference_usage(ref) == "traffic"
