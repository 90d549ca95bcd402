"""Cisco ASA parser: one focused test per modelled rule (parser output and, where the
rule is about what passes, the engine's verdict on a tiny office)."""

from __future__ import annotations

import textwrap

import pytest
from netaddr import IPAddress, IPNetwork

from netaudit import topology, zones
from netaudit.headerspace import HeaderSpace
from netaudit.model import Action, AddrMatch, IfKind, L2Mode, Match, PortRange, Src
from netaudit.parsers import cisco_asa, cisco_ios
from netaudit.parsers.cisco_asa.policy import CONTROL_PLANE, POLICY
from netaudit.reach import BLOCKED, REACHABLE, Engine, compute_matrix
from netaudit.zones import Site, Zone

from .helpers import OFFICE_IFACES, OUTSIDE_INSIDE

HEAD = "ASA Version 9.16(4)\nhostname FW\n"


def parse(text: str, file: str = "fw.cfg", head: bool = True):
    body = textwrap.dedent(text).lstrip("\n")
    result = cisco_asa.parse((HEAD + body) if head else body, file)
    assert len(result.devices) == 1
    # no internal error may hide behind a warning
    assert not any("resolution failed" in w or "line not understood (" in w for w in result.report.warnings), (
        result.report.warnings
    )
    return result.devices[0], result.report


def ip(a: str) -> int:
    return int(IPAddress(a))


def host(a: str) -> tuple[AddrMatch, ...]:
    return (AddrMatch(ip(a), 0),)


def net(s: str) -> tuple[AddrMatch, ...]:
    return (AddrMatch.prefix(s),)


def lines_of(dev, name):
    return dev.filters[name].lines


def svcs(dev, name):
    return [s for s in dev.services if s.name == name]


# A three-interface office used by the semantic tests: inside 100, dmz 50, outside 0.
IFACES = OFFICE_IFACES
INSIDE = Zone("staff", "internal", [IPNetwork("10.1.1.0/24")], attach=[("FW", "GigabitEthernet0/1")])
DMZ = Zone("dmz", "dmz", [IPNetwork("10.1.2.0/24")], attach=[("FW", "GigabitEthernet0/2")])
OUTSIDE = Zone("internet", "external", attach=[("FW", "GigabitEthernet0/0")])


def matrix(text: str, zone_list=(INSIDE, DMZ, OUTSIDE)):
    dev, _rep = parse(text)
    topo = topology.build([dev])
    site = Site(unit="t", zones=list(zone_list))
    placed, addrs, _ = zones.resolve(site, topo)
    engine = Engine(topo, placed, addrs, HeaderSpace())
    cells = compute_matrix(engine, [z.name for z in zone_list])
    return {(c.src, c.dst): c for c in cells}, dev


def verdicts(m) -> dict:
    return {k: c.verdict for k, c in m.items() if k[1] != "@devices"}


# --------------------------------------------------------------------------- basics


def test_hostname_version_vendor_and_source():
    dev, rep = parse("")
    assert dev.hostname == "FW" and dev.os_version == "9.16(4)" and dev.vendor == "cisco_asa"
    assert rep.vendor == "cisco_asa" and rep.devices == ["FW"]
    assert dev.source == Src("fw.cfg", 2, "hostname FW")


def test_hostname_falls_back_to_file_name():
    dev, _rep = parse("interface GigabitEthernet0/0\n nameif outside\n", "dir/edge-fw_config.txt", head=False)
    assert dev.hostname == "edge-fw"


def test_comment_lines_are_ignored_and_unknown_lines_reported_with_numbers():
    _dev, rep = parse("""
    : Saved
    : Serial Number: X
    !
    frobnicate the widgets
    interface GigabitEthernet0/0
     nameif outside
     teleport enable
    Cryptochecksum:0123456789abcdef
    : end
    """)
    assert [(u.line, u.text) for u in rep.unrecognized] == [(6, "frobnicate the widgets"), (9, "teleport enable")]
    assert rep.lines == 11 and rep.ignored == 5


def test_command_aliases_are_ignored():
    """`command-alias exec` lines of a real ASA 8.x running-config (ciscoconfparse's
    sample) were reported as unrecognized; they only name CLI shortcuts."""
    _dev, rep = parse("""
    hostname fw
    command-alias exec slog show log | i Deny|denied
    command-alias exec sacl sh access-list INSIDE_out | e hitcnt=0 |remark|elements
    """)
    assert rep.unrecognized == []


def test_the_prompt_and_command_of_a_terminal_capture_are_not_configuration():
    _dev, rep = parse("""
    fw01# show running-config
    interface GigabitEthernet0/0
     nameif inside
    fw01#
    """)
    assert rep.unrecognized == []


def test_vpn_cluster_and_tftp_server_are_read_and_the_cluster_key_is_a_secret():
    dev, rep = parse("""
    vpn load-balancing
     priority 10
     cluster key S3cretClusterK3y
    tftp-server inside 10.0.0.5 /fw.cfg
    """)
    assert rep.unrecognized == [] and "S3cretClusterK3y" in dev.secrets


def test_trailing_comment_after_command_is_dropped():
    _dev, rep = parse("""
    object-group service G
     service-object udp eq 1235              ! destination is optional
    """)
    assert rep.unrecognized == []


def test_nameif_security_level_and_defaults():
    dev, _rep = parse("""
    interface GigabitEthernet0/0
     nameif outside
     ip address 198.51.100.2 255.255.255.0
    interface GigabitEthernet0/1
     nameif inside
     ip address 10.1.1.1 255.255.255.0 standby 10.1.1.2
    interface GigabitEthernet0/2
     nameif dmz
     security-level 50
     ip address 10.1.2.1 255.255.255.0
    """)
    out, ins, dmz = (dev.interfaces[f"GigabitEthernet0/{i}"] for i in range(3))
    assert (out.zone, out.security_level) == ("outside", 0)
    assert (ins.zone, ins.security_level) == ("inside", 100)  # ASA default for "inside"
    assert (dmz.zone, dmz.security_level) == ("dmz", 50)
    assert ins.addresses == [IPNetwork("10.1.1.1/24")]
    assert ins.virtual_addresses == [IPNetwork("10.1.1.2/24")]  # the failover peer's address


def test_interface_address_given_by_a_name():
    """With ``names``, ``show running-config`` prints a ``name`` in place of the
    interface's address and of its standby (ASA 8.x-9.x): read as the address it names."""
    dev, rep = parse("""
    names
    name 192.168.0.1 FW_INSIDE
    name 192.168.0.2 FW_INSIDE_STANDBY
    interface GigabitEthernet0/1
     nameif inside
     ip address FW_INSIDE 255.255.255.0 standby FW_INSIDE_STANDBY
    """)
    ins = dev.interfaces["GigabitEthernet0/1"]
    assert ins.addresses == [IPNetwork("192.168.0.1/24")]
    assert ins.virtual_addresses == [IPNetwork("192.168.0.2/24")]
    assert rep.unrecognized == []


def test_a_command_sheet_with_configure_terminal_and_exit():
    """The lines as typed into an ASA 5506-X (a Vietnamese bank's project notes):
    ``configure terminal``, and ``exit`` closing an object or object-group — which made
    the group partial (an unknown item) and both lines unrecognized."""
    dev, rep = parse("""
    configure terminal
    object network WEB
     host 10.1.2.10
     nat (dmz,outside) static 198.51.100.10
     exit
    object-group network ADMINS
     network-object host 10.1.1.5
     exit
    access-list OUTSIDE_IN extended permit tcp any object WEB eq 443
    """)
    assert rep.unrecognized == [] and rep.partially_understood == []
    assert lines_of(dev, "OUTSIDE_IN")[0].matches[0].dst == host("10.1.2.10")


def test_a_line_of_an_interface_not_understood_makes_it_unknown_not_blocked():
    """``ip address`` naming no defined ``name`` (or any interface line not understood):
    the interface is partial, and its hosts' traffic is unknown — the address it may have
    routes them (it was "blocked": the interface had no address)."""
    text = IFACES.replace("ip address 10.1.1.1 255.255.255.0", "ip address FW_INSIDE 255.255.255.0")
    m, dev = matrix(text + "route outside 0.0.0.0 0.0.0.0 198.51.100.1 1\n")
    ins = dev.interfaces["GigabitEthernet0/1"]
    assert ins.addresses == [] and "line 10 of the interface not understood" in ins.partial
    cell = m[("staff", "internet")]
    assert cell.verdict == "unknown" and "not understood" in cell.reason
    assert m[("dmz", "internet")].verdict == REACHABLE  # the other interfaces as before


def test_an_svi_whose_address_is_not_understood_is_still_its_vlans_gateway():
    """An ASA 5505's outside SVI whose ``ip address`` was not read (a real 8.2 export
    posted with the address redacted to ``125.x.x.10``): what the Internet sends through it
    is unknown, as for a routed port — it was "blocked", the SVI being left out of the
    interfaces that may still route their segment."""
    text = textwrap.dedent("""
    interface Vlan1
     nameif inside
     security-level 100
     ip address 10.1.1.1 255.255.255.0
    interface Vlan2
     nameif outside
     security-level 0
     ip address 125.x.x.10 255.255.255.252
    interface Ethernet0/0
     switchport access vlan 2
    interface Ethernet0/1
    access-list outside_in extended permit tcp any 10.1.1.0 255.255.255.0 eq smtp
    access-group outside_in in interface outside
    """)
    inside = Zone("staff", "internal", [IPNetwork("10.1.1.0/24")], vlans=[("FW", 1)])
    outside = Zone("internet", "external", vlans=[("FW", 2)])
    m, dev = matrix(text, zone_list=(inside, outside))
    assert dev.interfaces["Vlan2"].addresses == [] and dev.interfaces["Vlan2"].partial
    cell = m[("internet", "staff")]
    assert cell.verdict == "unknown" and "Vlan2" in cell.reason
    # the firewall itself answers on the unread address (ping by default): not "blocked"
    assert m[("internet", "@devices")].verdict == "unknown"


def test_interface_without_nameif_passes_no_traffic():
    dev, rep = parse("""
    interface Port-channel2
     security-level 100
     ip address 10.10.10.10 255.255.255.0
    """)
    assert dev.interfaces["Port-channel2"].addresses == []
    assert any("no nameif" in w for w in rep.warnings)


def test_subinterface_vlan_port_channel_and_redundant_members():
    dev, _rep = parse("""
    interface GigabitEthernet0/1
     channel-group 1 mode active
     no nameif
    interface Port-channel1.10
     vlan 10
     nameif users
     security-level 80
     ip address 10.1.10.1 255.255.255.0
    interface Redundant1
     member-interface GigabitEthernet0/2
     member-interface GigabitEthernet0/3
     no nameif
    """)
    sub = dev.interfaces["Port-channel1.10"]
    assert sub.kind == IfKind.SUBINTERFACE and sub.parent == "Port-channel1"
    assert sub.encapsulation_vlan == 10
    assert dev.interfaces["GigabitEthernet0/1"].parent == "Port-channel1"
    assert dev.interfaces["GigabitEthernet0/2"].parent == "Redundant1"
    assert dev.interfaces["Redundant1"].kind == IfKind.PORT_CHANNEL


def test_asa5505_vlan_interfaces_and_switch_ports():
    dev, _rep = parse("""
    interface Ethernet0/0
     switchport access vlan 2
    interface Ethernet0/1
    interface Ethernet0/2
     switchport mode trunk
     switchport trunk allowed vlan 1,3
    interface Vlan1
     nameif inside
     security-level 100
     ip address 192.168.1.1 255.255.255.0
    interface Vlan2
     nameif outside
     security-level 0
     ip address 198.51.100.2 255.255.255.0
    """)
    e0, e1, e2 = (dev.interfaces[f"Ethernet0/{i}"] for i in range(3))
    assert (e0.mode, e0.access_vlan) == (L2Mode.ACCESS, 2)
    assert (e1.mode, e1.access_vlan) == (L2Mode.ACCESS, 1)  # default VLAN 1
    assert e2.mode == L2Mode.TRUNK and e2.allowed_vlans == frozenset({1, 3})
    assert dev.interfaces["Vlan1"].kind == IfKind.SVI


def test_no_forward_interface_blocks_that_pair():
    m, _dev = matrix(
        """
    interface Ethernet0/0
     switchport access vlan 2
    interface Ethernet0/1
     switchport access vlan 3
    interface Ethernet0/2
    interface Vlan1
     nameif inside
     security-level 100
     ip address 10.1.1.1 255.255.255.0
    interface Vlan2
     nameif outside
     security-level 0
     ip address 198.51.100.2 255.255.255.0
    interface Vlan3
     no forward interface Vlan1
     nameif dmz
     security-level 50
     ip address 10.1.2.1 255.255.255.0
    """,
        (
            Zone("staff", "internal", [IPNetwork("10.1.1.0/24")], attach=[("FW", "Ethernet0/2")]),
            Zone("dmz", "dmz", [IPNetwork("10.1.2.0/24")], attach=[("FW", "Ethernet0/1")]),
            Zone("internet", "external", attach=[("FW", "Ethernet0/0")]),
        ),
    )
    assert m[("dmz", "internet")].verdict == REACHABLE
    assert m[("staff", "dmz")].verdict == REACHABLE
    assert m[("dmz", "staff")].verdict == BLOCKED  # lower anyway, and no forward


# --------------------------------------------------------------------------- access lists


ACL_BASE = """
name 10.9.9.9 LOGSRV
interface GigabitEthernet0/0
 nameif outside
 ip address 198.51.100.2 255.255.255.0
object network WEB
 host 10.1.2.10
object network NETS
 subnet 10.1.0.0 255.255.0.0
object network RANGE
 range 10.1.3.1 10.1.3.4
object-group network GRP
 network-object host 10.1.4.4
 network-object 10.1.5.0 255.255.255.0
 network-object object WEB
 group-object INNER
object-group network INNER
 network-object host 10.1.6.6
object-group service WEBPORTS tcp
 port-object eq www
 port-object range 8080 8081
object-group service MIXED
 service-object tcp destination eq https
 service-object udp destination eq domain
 service-object icmp echo
object-group protocol TCPUDP
 protocol-object tcp
 protocol-object udp
object-group icmp-type PINGS
 icmp-object echo
 icmp-object time-exceeded
object service SSH
 service tcp destination eq ssh
"""


def acl(*entries: str):
    body = ACL_BASE + "\n".join(f"access-list A extended {e}" for e in entries) + "\n"
    dev, rep = parse(body)
    return dev.filters["A"].lines, dev, rep


def only(line) -> Match:
    assert len(line.matches) == 1, line.matches
    return line.matches[0]


def test_acl_addresses_use_masks_hosts_any_names_and_interface():
    (l1, l2, l3, l4), _dev, rep = acl(
        "permit ip 10.1.1.0 255.255.255.0 host 10.2.2.2",
        "deny ip any4 any",
        "permit ip host LOGSRV interface outside",
        "permit ip any 10.0.0.0 255.0.0.0",
    )
    assert only(l1) == Match(src=net("10.1.1.0/24"), dst=host("10.2.2.2"))
    assert l2.action == Action.DENY and only(l2) == Match()
    assert only(l3) == Match(src=host("10.9.9.9"), dst=host("198.51.100.2"))
    assert only(l4).dst == net("10.0.0.0/8")
    assert rep.unrecognized == []


def test_acl_objects_and_nested_groups():
    (l1, l2, l3), _dev, _rep = acl(
        "permit tcp any object WEB eq https", "permit ip object RANGE object-group GRP", "permit ip object NETS any"
    )
    assert only(l1) == Match(dst=host("10.1.2.10"), protocols=(6,), dst_ports=(PortRange(443, 443),))
    m = only(l2)
    assert set(m.src) == {AddrMatch(ip("10.1.3.1"), 0), AddrMatch(ip("10.1.3.2"), 1), AddrMatch(ip("10.1.3.4"), 0)}
    assert set(m.dst) == set(host("10.1.4.4") + net("10.1.5.0/24") + host("10.1.2.10") + host("10.1.6.6"))
    assert only(l3).src == net("10.1.0.0/16")


def test_acl_service_port_protocol_and_icmp_groups():
    (l1, l2, l3, l4, l5), _dev, _rep = acl(
        "permit tcp any any object-group WEBPORTS",
        "permit object-group MIXED any host 10.1.2.10",
        "permit object-group TCPUDP any any eq 53",
        "permit icmp any any object-group PINGS",
        "permit object SSH any any",
    )
    assert only(l1).dst_ports == (PortRange(80, 80), PortRange(8080, 8081))
    got = {(m.protocols, m.dst_ports, m.icmp_type) for m in l2.matches}
    assert got == {((6,), (PortRange(443, 443),), None), ((17,), (PortRange(53, 53),), None), ((1,), None, 8)}
    assert only(l3).protocols == (6, 17) and only(l3).dst_ports == (PortRange(53, 53),)
    assert {m.icmp_type for m in l4.matches} == {8, 11}
    assert only(l5) == Match(protocols=(6,), dst_ports=(PortRange(22, 22),))


def test_acl_port_operators_and_asa_port_names():
    (l1, l2, l3), _dev, _rep = acl(
        "permit tcp any range 1024 65535 any eq https", "permit udp any any eq www", "deny tcp any any neq telnet"
    )
    assert only(l1).src_ports == (PortRange(1024, 65535),)
    assert only(l2).dst_ports == (PortRange(80, 80),)  # ASA-only UDP name
    assert only(l3).dst_ports == (PortRange(0, 22), PortRange(24, 65535))


def test_group_line_not_understood_is_every_member_not_none():
    """A line of an object-group that is not understood may name anything of the group's
    kind: the group is taken to hold everything (here every address; the ACL line naming
    it is partial).  It held only the understood members, so a flow that only the unread
    line could let through was proven "blocked" (found on a real ASAv 9.5 export whose
    groups used non-contiguous masks)."""
    m, dev = matrix(
        IFACES
        + textwrap.dedent("""
    object-group network WEB-SERVERS
     network-object host 172.16.9.9
     network-object 10.1.2.0 255.0.255.0
    object-group service WEB-PORTS tcp
     port-object eq 443
     port-object eq www https
    access-list inside_in extended permit tcp any object-group WEB-SERVERS object-group WEB-PORTS
    access-group inside_in in interface inside
    """)
    )
    line = lines_of(dev, "inside_in")[0]
    assert "WEB-SERVERS" in line.partial or "not understood" in line.partial
    assert {mt.dst for mt in line.matches} == {None} and {mt.dst_ports for mt in line.matches} == {None}
    assert m[("staff", "dmz")].verdict == "unknown"
    assert m[("staff", "internet")].verdict == "unknown"


def test_object_group_item_printed_at_column_0_belongs_to_the_group():
    """A real ASA 8.2 export printed a group's ``network-object`` after its
    ``description`` without the indent: the line was unrecognized and the group empty, so
    the ACL line naming it matched nothing and the admins' host was "blocked".  Only an
    item word of the open block's kind is taken back into it."""
    text = IFACES + textwrap.dedent("""
    object-group network ADMINS
     description OSA
    network-object host 10.1.1.25
    access-list inside_in extended permit ip object-group ADMINS any
    access-list inside_in extended deny ip any any log
    access-group inside_in in interface inside
    aaa-identity default-domain LOCAL
    """)
    m, dev = matrix(
        text,
        zone_list=(
            Zone("admins", "management", [IPNetwork("10.1.1.25/32")], attach=[("FW", "GigabitEthernet0/1")]),
            OUTSIDE,
        ),
    )
    assert [s.text for s in parse(text)[1].unrecognized] == ["aaa-identity default-domain LOCAL"]
    assert lines_of(dev, "inside_in")[0].matches[0].src == host("10.1.1.25")
    assert m[("admins", "internet")].verdict == REACHABLE


def test_acl_options_inactive_time_range_log_line_number_and_remark():
    text = ACL_BASE + textwrap.dedent("""
    time-range WORK
     periodic weekdays 8:00 to 17:00
    access-list A remark hello
    access-list A line 1 extended permit ip any host 10.1.1.1 log 6 interval 300
    access-list A extended permit ip any host 10.1.1.2 inactive
    access-list A extended permit ip any host 10.1.1.3 time-range WORK
    access-list A extended deny ip any any log disable
    """)
    dev, rep = parse(text)
    lines = lines_of(dev, "A")
    assert [ln.source.text.split()[-1] for ln in lines][:1] == ["300"]
    assert len(lines) == 3  # inactive line skipped
    assert lines[1].partial and "time-range" in lines[1].partial
    assert lines[0].partial is None and lines[2].partial is None
    assert rep.unrecognized == []


def test_acl_ipv6_only_entries_match_no_ipv4_packet():
    (l1, l2), _dev, _rep = acl("permit ip any6 any", "permit ip host 2001:db8::1 any")
    assert l1.matches == [] and l2.matches == []


def test_acl_undefined_object_is_a_superset_partial_line_and_a_reference():
    (l1,), dev, rep = acl("permit tcp any object-group NOPE eq 22")
    assert only(l1).dst is None and "NOPE undefined" in l1.partial
    assert any(r.kind == "object-group" and r.name == "NOPE" and not r.defined for r in dev.references)
    assert rep.partially_understood


def test_acl_entry_not_understood_is_unrecognized_and_a_partial_line():
    (l1,), _dev, rep = acl("permit tcp any any eq no-such-port")
    assert [u.line for u in rep.unrecognized] == [l1.source.line]
    assert l1.partial and l1.matches == [Match()]


def test_identity_qualifiers_make_the_line_partial():
    (l1,), _dev, _rep = acl("permit ip user LOCAL\\alice any any")
    assert l1.partial and "user" in l1.partial and only(l1) == Match()


def test_standard_acls_are_not_packet_filters():
    dev, _rep = parse("access-list SPLIT standard permit 10.1.0.0 255.255.0.0\n")
    assert "SPLIT" not in dev.filters and "SPLIT" in dev.facts.standard_acls


# --------------------------------------------------------------------------- security levels


def test_higher_to_lower_passes_lower_to_higher_does_not():
    m, dev = matrix(IFACES)
    assert verdicts(m) == {
        ("staff", "dmz"): REACHABLE,
        ("staff", "internet"): REACHABLE,
        ("dmz", "staff"): BLOCKED,
        ("dmz", "internet"): REACHABLE,
        ("internet", "staff"): BLOCKED,
        ("internet", "dmz"): BLOCKED,
    }
    assert dev.forward_filter == POLICY
    cell = m[("staff", "dmz")]
    assert cell.services == ["ip"]
    rules = [r["text"] for h in cell.witness.hops for r in h["rules"]]
    assert "security-level 100" in rules  # the line that let it through
    blk = [b["text"] for b in m[("dmz", "staff")].blocking]
    assert "security-level 50" in blk


SAME = (
    OUTSIDE_INSIDE
    + """interface GigabitEthernet0/2
 nameif wifi
 security-level 100
 ip address 10.1.2.1 255.255.255.0
"""
)
WIFI = Zone("wifi", "guest", [IPNetwork("10.1.2.0/24")], attach=[("FW", "GigabitEthernet0/2")])


def test_equal_levels_need_same_security_traffic_inter_interface():
    m, _ = matrix(SAME, (INSIDE, WIFI, OUTSIDE))
    assert m[("wifi", "staff")].verdict == BLOCKED and m[("staff", "wifi")].verdict == BLOCKED
    assert m[("wifi", "internet")].verdict == REACHABLE
    m, _ = matrix(SAME + "same-security-traffic permit inter-interface\n", (INSIDE, WIFI, OUTSIDE))
    cell = m[("wifi", "staff")]
    assert cell.verdict == REACHABLE
    assert "same-security-traffic permit inter-interface" in [r["text"] for h in cell.witness.hops for r in h["rules"]]


def test_same_security_gate_applies_even_when_an_acl_permits():
    text = SAME + "access-list W extended permit ip any any\naccess-group W in interface wifi\n"
    m, _ = matrix(text, (INSIDE, WIFI, OUTSIDE))
    assert m[("wifi", "staff")].verdict == BLOCKED  # no inter-interface
    assert m[("wifi", "internet")].verdict == REACHABLE


def test_hairpin_needs_intra_interface():
    dev, _ = parse(SAME)
    gate = [
        ln
        for ln in lines_of(dev, POLICY)
        if ln.action == Action.DENY
        and any(m.in_ifaces == m.out_ifaces == frozenset({"GigabitEthernet0/1"}) for m in ln.matches)
    ]
    assert gate
    dev, _ = parse(SAME + "same-security-traffic permit intra-interface\n")
    hair = [
        ln
        for ln in lines_of(dev, POLICY)
        if ln.action == Action.PERMIT and ln.source.text == "same-security-traffic permit intra-interface"
    ]
    assert {next(iter(m.in_ifaces)) for ln in hair for m in ln.matches} == {
        "GigabitEthernet0/0",
        "GigabitEthernet0/1",
        "GigabitEthernet0/2",
    }


def test_inbound_acl_replaces_the_level_rule_both_ways():
    text = IFACES + textwrap.dedent("""
    access-list OUT_IN extended permit tcp any host 10.1.2.10 eq https
    access-list IN_IN extended permit tcp any any eq https
    access-group OUT_IN in interface outside
    access-group IN_IN in interface inside
    """)
    m, _dev = matrix(text)
    assert m[("internet", "dmz")].verdict == REACHABLE
    assert m[("internet", "dmz")].services == ["tcp/443"]
    assert m[("internet", "staff")].verdict == BLOCKED
    assert m[("staff", "dmz")].services == ["tcp/443"]  # ACL, not "100 > 50"
    blk = [b["text"] for b in m[("internet", "staff")].blocking]
    assert "access-group OUT_IN in interface outside" in blk  # the ACL's implicit deny


def test_global_acl_comes_after_interface_acls_and_disables_levels():
    text = IFACES + textwrap.dedent("""
    access-list IN_IN extended deny tcp any any eq 23
    access-list G extended permit tcp any any eq https
    access-group IN_IN in interface inside
    access-group G global
    """)
    m, dev = matrix(text)
    assert m[("staff", "dmz")].services == ["tcp/443"]  # interface ACL, then global
    assert m[("dmz", "internet")].services == ["tcp/443"]  # levels no longer apply
    assert m[("internet", "dmz")].services == ["tcp/443"]
    texts = [ln.source.text for ln in lines_of(dev, POLICY)]
    assert (
        texts.index("access-list IN_IN extended deny tcp any any eq 23")
        < texts.index("access-list G extended permit tcp any any eq https")
        < texts.index("access-group G global")
    )


def test_outbound_acl_is_an_interface_filter():
    text = IFACES + "access-list D_OUT extended permit tcp any any eq www\naccess-group D_OUT out interface dmz\n"
    m, dev = matrix(text)
    assert dev.interfaces["GigabitEthernet0/2"].filter_out == "D_OUT"
    assert m[("staff", "dmz")].services == ["tcp/80"]
    assert m[("staff", "internet")].services == ["ip"]


def test_undefined_acl_in_access_group_is_rejected_not_applied():
    text = IFACES + "access-group NOPE in interface dmz\naccess-group NOPE2 out interface inside\n"
    m, dev = matrix(text)
    assert m[("dmz", "internet")].verdict == REACHABLE  # levels still decide
    assert m[("dmz", "staff")].verdict == BLOCKED
    assert dev.interfaces["GigabitEthernet0/1"].filter_out is None
    assert {(r.name, r.defined) for r in dev.references if r.kind == "acl"} == {("NOPE", False), ("NOPE2", False)}


def test_ipv6_acl_of_asa_8_and_its_access_group_leave_the_ipv4_acl_in_place():
    """ASA 8.x binds an ``ipv6 access-list`` by its own access-group beside the IPv4
    one: defined (no undefined reference), no effect on IPv4 traffic, the IPv4 ACL
    still applied (it was an undefined ACL "the ASA rejects", a high finding)."""
    text = IFACES + textwrap.dedent("""
    ipv6 access-list outside_access_ipv6_in permit icmp6 any any echo
    access-list outside_access_in extended permit tcp any host 10.1.2.10 eq www
    access-group outside_access_in in interface outside
    access-group outside_access_ipv6_in in interface outside
    """)
    m, dev = matrix(text)
    assert {(r.name, r.defined) for r in dev.references if r.kind == "acl"} == {
        ("outside_access_in", True),
        ("outside_access_ipv6_in", True),
    }
    assert m[("internet", "dmz")].verdict == REACHABLE and m[("internet", "dmz")].services == ["tcp/80"]


def test_management_only_interface_carries_no_transit():
    text = IFACES + textwrap.dedent("""
    interface Management0/0
     management-only
     nameif management
     security-level 100
     ip address 10.9.9.1 255.255.255.0
    route management 10.99.0.0 255.255.0.0 10.9.9.254
    """)
    mg = Zone("mgmt", "management", [IPNetwork("10.9.9.0/24")], attach=[("FW", "Management0/0")])
    m, dev = matrix(text, (INSIDE, mg, OUTSIDE))
    assert m[("mgmt", "staff")].verdict == BLOCKED and m[("staff", "mgmt")].verdict == BLOCKED
    assert m[("mgmt", "internet")].verdict == BLOCKED
    assert "management-only" in [b["text"] for b in m[("staff", "mgmt")].blocking]
    (route,) = dev.routes
    assert route.vrf == "management"  # ASA 9.5+ management table


def test_control_plane_access_group_becomes_the_input_policy():
    text = IFACES + textwrap.dedent("""
    ssh 0.0.0.0 0.0.0.0 outside
    access-list CP extended permit tcp 203.0.113.0 255.255.255.0 any eq ssh
    access-group CP in interface outside control-plane
    """)
    m, dev = matrix(text)
    assert dev.input_filter == CONTROL_PLANE
    assert m[("internet", "@devices")].services == ["tcp/22"]
    cell = m[("internet", "@devices")]
    assert cell.witness.packet.src_ip >> 8 == ip("203.0.113.0") >> 8


# --------------------------------------------------------------------------- NAT


NAT_IFACES = (
    IFACES
    + """
object network WEB
 host 10.1.2.10
object network STAFF
 subnet 10.1.1.0 255.255.255.0
"""
)


def test_static_object_nat_untranslates_before_the_acl_on_the_real_address():
    text = NAT_IFACES + textwrap.dedent("""
    object network WEB
     nat (dmz,outside) static 198.51.100.10
    access-list OUT_IN extended permit tcp any object WEB eq https
    access-group OUT_IN in interface outside
    """)
    m, dev = matrix(text)
    cell = m[("internet", "dmz")]
    assert cell.verdict == REACHABLE and cell.services == ["tcp/443"]
    src_rule, dst_rule = dev.nat_rules
    assert (src_rule.kind, src_rule.to_ip) == ("source", ip("198.51.100.10"))
    assert src_rule.in_ifaces == {"GigabitEthernet0/2"} and src_rule.out_ifaces == {"GigabitEthernet0/0"}
    assert (dst_rule.kind, dst_rule.to_ip) == ("destination", ip("10.1.2.10"))
    assert dst_rule.match.dst == host("198.51.100.10") and dst_rule.in_ifaces == {"GigabitEthernet0/0"}


def test_static_interface_nat_on_a_dhcp_outside_is_a_port_forward_not_unknown():
    """``nat (dmz,outside) static interface service tcp www www`` with the outside on
    DHCP (the SOHO port forward): the mapped address is the one the outside receives at
    run time.  It was a partial rule matching every packet: every flow through the ASA
    unknown, ICMP of other hosts included."""
    text = NAT_IFACES.replace("ip address 198.51.100.2 255.255.255.0", "ip address dhcp setroute") + textwrap.dedent("""
    object network STAFF
     nat (inside,outside) dynamic interface
    object network WEB
     nat (dmz,outside) static interface service tcp www www
    access-list OUT_IN extended permit tcp any object WEB eq www
    access-group OUT_IN in interface outside
    """)
    m, dev = matrix(text)
    assert not any(r.partial for r in dev.nat_rules)
    cell = m[("internet", "dmz")]
    assert (cell.verdict, cell.services) == (REACHABLE, ["tcp/80"])
    assert m[("staff", "internet")].verdict == REACHABLE and m[("staff", "internet")].services == ["ip"]


def test_dynamic_interface_pat_and_object_nat_order():
    text = NAT_IFACES + textwrap.dedent("""
    object network STAFF
     nat (inside,outside) dynamic interface
    object network WEB
     nat (dmz,outside) static 198.51.100.10
    """)
    dev, _ = parse(text)
    kinds = [(r.kind, r.to_ip, r.to_interface) for r in dev.nat_rules]
    # static before dynamic, whatever the config order (ASA section 2)
    assert kinds == [
        ("source", ip("198.51.100.10"), None),
        ("destination", ip("10.1.2.10"), None),
        ("source", None, "GigabitEthernet0/0"),
    ]


def test_static_port_forwarding_on_the_interface_address():
    text = NAT_IFACES + textwrap.dedent("""
    object network WEB
     nat (dmz,outside) static interface service tcp 8443 443
    """)
    dev, _ = parse(text)
    src_rule, dst_rule = dev.nat_rules
    assert dst_rule.match == Match(dst=host("198.51.100.2"), protocols=(6,), dst_ports=(PortRange(443, 443),))
    assert (dst_rule.to_ip, dst_rule.to_port) == (ip("10.1.2.10"), 8443)
    assert src_rule.to_interface == "GigabitEthernet0/0"


def test_twice_nat_sections_identity_and_partial_forms():
    text = NAT_IFACES + textwrap.dedent("""
    object network VPN
     subnet 172.16.0.0 255.255.0.0
    object network PUB
     host 198.51.100.20
    object network D1
     host 198.51.100.30
    object network D2
     host 10.1.2.30
    nat (inside,outside) after-auto source dynamic any interface
    nat (inside,outside) source static STAFF STAFF destination static VPN VPN no-proxy-arp route-lookup
    nat (dmz,outside) source static WEB PUB
    nat (inside,outside) source static STAFF STAFF destination static D1 D2
    """)
    dev, rep = parse(text)
    rules = dev.nat_rules
    # identity NAT: nothing; source static: two rules; destination translation: partial,
    # both ways on its own interfaces; after-auto comes last
    assert [(r.kind, r.partial is not None) for r in rules] == [
        ("source", False),
        ("destination", False),
        ("source", True),
        ("destination", True),
        ("source", False),
    ]
    assert rules[2].in_ifaces == frozenset({"GigabitEthernet0/1"}) and rules[3].in_ifaces == frozenset(
        {"GigabitEthernet0/0"}
    )
    assert rules[0].to_ip == ip("198.51.100.20") and rules[1].to_ip == ip("10.1.2.10")
    assert rules[-1].to_interface == "GigabitEthernet0/0" and rules[-1].match == Match(src=None)
    assert any("destination translation" in p["reason"] for p in rep.partially_understood)


def test_static_subnet_nat_maps_address_by_address():
    text = IFACES + textwrap.dedent("""
    object network NET8
     subnet 10.1.2.0 255.255.255.248
     nat (dmz,outside) static 198.51.100.64
    """)
    dev, _ = parse(text)
    dst = [r for r in dev.nat_rules if r.kind == "destination"]
    assert len(dst) == 8
    assert dst[3].match.dst == host("198.51.100.67") and dst[3].to_ip == ip("10.1.2.3")


def test_nat_naming_an_undefined_object_is_partial_not_unrecognized():
    dev, rep = parse(NAT_IFACES + "nat (inside,outside) source static STAFF NOPE\n")
    assert dev.nat_rules == [] and rep.unrecognized == []
    assert any(r.name == "NOPE" and not r.defined for r in dev.references)


def test_nat_naming_a_group_with_an_undefined_member_names_the_member():
    """The reason names what is missing (the group's member), not the group as an object."""
    _, rep = parse(
        NAT_IFACES
        + "object-group network KHACH\n network-object object NOPE\n"
        + "nat (inside,outside) source static KHACH KHACH\n"
    )
    reasons = [p["reason"] for p in rep.partially_understood if p["construct"] == "nat"]
    assert reasons and all("object NOPE undefined" in r and "KHACH undefined" not in r for r in reasons), reasons


def test_pre_83_nat_makes_only_what_it_may_drop_partial():
    # (tests/parsers/cisco_asa/test_legacy_nat.py has the rest)
    dev, rep = parse(IFACES + "nat (inside) 1 0.0.0.0 0.0.0.0\nglobal (outside) 1 interface\n")
    policy = dev.filters[POLICY]
    assert policy.partial is None and not policy.lines[0].partial  # the same-security gate
    # inside's hosts have no `global (dmz) 1`: its permit toward the dmz may be dropped
    drop = next(ln for ln in policy.lines if ln.partial)
    assert drop.action == Action.DENY and drop.source.text == "nat (inside) 1 0.0.0.0 0.0.0.0"
    assert drop.matches[0].in_ifaces == {"GigabitEthernet0/1"} and drop.matches[0].out_ifaces == {"GigabitEthernet0/2"}
    assert [r.to_interface for r in dev.nat_rules] == ["GigabitEthernet0/0"]
    assert len([p for p in rep.partially_understood if p["construct"] == "nat"]) == 2


# --------------------------------------------------------------------------- routes


def test_routes_by_nameif_distance_null0_tunneled_and_undefined():
    dev, rep = parse(
        IFACES
        + textwrap.dedent("""
    route outside 0.0.0.0 0.0.0.0 198.51.100.1 1
    route inside 10.50.0.0 255.255.0.0 10.1.1.254 5 track 3
    route null0 10.66.0.0 255.255.0.0
    route outside 0.0.0.0 0.0.0.0 198.51.100.9 tunneled
    route nowhere 10.77.0.0 255.255.0.0 10.7.7.7
    """)
    )
    r0, r1, r2 = dev.routes
    assert (r0.prefix, r0.interface, r0.next_hop) == (IPNetwork("0.0.0.0/0"), "GigabitEthernet0/0", ip("198.51.100.1"))
    assert (r1.interface, r1.distance) == ("GigabitEthernet0/1", 5)
    assert r2.drop and r2.prefix == IPNetwork("10.66.0.0/16")
    assert any("tunneled" in p["reason"] for p in rep.partially_understood)
    assert any(r.kind == "nameif" and r.name == "nowhere" and not r.defined for r in dev.references)


def test_dynamic_routing_is_a_fact():
    dev, _ = parse("router ospf 1\n network 10.0.0.0 255.0.0.0 area 0\n")
    assert [s.text for s in dev.dynamic_routing] == ["router ospf 1"]


def test_urpf_from_ip_verify_reverse_path():
    dev, _ = parse(IFACES + "ip verify reverse-path interface outside\n")
    assert dev.interfaces["GigabitEthernet0/0"].urpf == "strict"


# --------------------------------------------------------------------------- management plane


MGMT = (
    IFACES
    + """
http server enable
http 10.1.1.0 255.255.255.0 inside
ssh 10.1.1.0 255.255.255.0 inside
ssh 0.0.0.0 0.0.0.0 dmz
telnet 0.0.0.0 0.0.0.0 outside
telnet 10.1.1.5 255.255.255.255 inside
"""
)


def test_management_lines_listen_only_on_their_interface_for_its_own_address():
    m, dev = matrix(MGMT)
    # staff: ssh, telnet (from 10.1.1.5 - any source address is possible), https, ping
    assert m[("staff", "@devices")].services == ["icmp/8", "tcp/22-23", "tcp/443"]
    # dmz: ssh only on the dmz address (the ASA never answers on a far interface)
    assert m[("dmz", "@devices")].services == ["icmp/8", "tcp/22"]
    dst = m[("dmz", "@devices")].witness.packet.dst_ip
    assert dst == ip("10.1.2.1")
    # outside: telnet to the lowest-security interface is refused by the ASA
    assert m[("internet", "@devices")].services == ["icmp/8"]
    assert [s.text for s in dev.facts.telnet_ineffective] == ["telnet 0.0.0.0 0.0.0.0 outside"]
    https = svcs(dev, "https")
    assert [s.ports for s in https] == [(PortRange(443, 443),)] and not https[0].insecure
    assert all(s.insecure for s in svcs(dev, "telnet"))
    assert {next(iter(s.interfaces)) for s in svcs(dev, "ssh")} == {"GigabitEthernet0/1", "GigabitEthernet0/2"}


def test_http_lines_need_http_server_enable_and_its_port():
    dev, _ = parse(IFACES + "http 10.1.1.0 255.255.255.0 inside\n")
    assert svcs(dev, "https") == [] and dev.facts.http_lines_without_server
    dev, _ = parse(IFACES + "http server enable 8443\nhttp 10.1.1.0 255.255.255.0 inside\n")
    (svc,) = svcs(dev, "https")
    assert svc.ports == (PortRange(8443, 8443),)


def test_icmp_rules_are_per_interface_first_match_with_implicit_deny():
    text = IFACES + textwrap.dedent("""
    icmp permit 10.1.1.0 255.255.255.0 echo inside
    icmp deny any outside
    """)
    m, _dev = matrix(text)
    assert m[("staff", "@devices")].services == ["icmp/8"]
    assert m[("internet", "@devices")].verdict == BLOCKED
    assert m[("dmz", "@devices")].services == ["icmp/8"]  # no rule for dmz: answered


def test_snmp_only_configured_pollers_and_dhcp_server():
    text = IFACES + textwrap.dedent("""
    snmp-server host inside 10.1.1.50 community s3cr3t version 2c
    snmp-server host outside 198.51.100.77 trap community s3cr3t
    snmp-server community s3cr3t
    dhcpd address 10.1.1.100-10.1.1.200 inside
    dhcpd enable inside
    """)
    m, dev = matrix(text)
    (snmp,) = svcs(dev, "snmp")
    assert snmp.interfaces == {"GigabitEthernet0/1"} and snmp.acl == "asa-mgmt-snmp"
    assert m[("staff", "@devices")].services == ["icmp/8", "udp/67", "udp/161"]
    assert m[("internet", "@devices")].services == ["icmp/8"]  # a trap receiver cannot poll
    assert "s3cr3t" in dev.secrets


def test_management_access_is_a_partial_fact():
    dev, rep = parse(IFACES + "management-access inside\n")
    assert dev.facts.management_access
    assert any(p["construct"] == "management-access" for p in rep.partially_understood)


def test_secrets_are_collected():
    dev, _ = parse("""
    enable password 8Ry2YjIyt7RRXU24 encrypted
    passwd 2KFQnbNIdI.2KYOU encrypted
    username admin password Zx9qLmN3pQ encrypted privilege 15
    aaa-server TAC protocol tacacs+
    aaa-server TAC (inside) host 10.1.1.9
     key TacacsKey1
    tunnel-group 203.0.113.9 ipsec-attributes
     ikev1 pre-shared-key VpnPsk123
     ikev2 remote-authentication pre-shared-key RemotePsk9
    ntp authentication-key 1 md5 NtpKey77
    failover key FoKey555
    ldap-login-password LdapPw11
    """)
    assert {
        "8Ry2YjIyt7RRXU24",
        "2KFQnbNIdI.2KYOU",
        "Zx9qLmN3pQ",
        "TacacsKey1",
        "VpnPsk123",
        "RemotePsk9",
        "NtpKey77",
        "FoKey555",
    } <= dev.secrets
    assert dev.facts.enable_password is not None


def test_acls_used_by_other_features_are_references_not_unused():
    dev, rep = parse("""
    access-list VPN extended permit ip 10.1.1.0 255.255.255.0 172.16.0.0 255.255.0.0
    access-list CAP extended permit ip any any
    access-list DAP extended permit tcp any any eq https
    crypto map OUT 10 match address VPN
    crypto dynamic-map DYN 10 match address VPN
    class-map C1
     match access-list CAP
    capture CAP1 access-list CAP interface inside
    dynamic-access-policy-record CONTRACTORS
     network-acl DAP
    group-policy GP attributes
     vpn-filter value NOPE
    """)
    assert {(r.name, r.defined) for r in dev.references} == {
        ("VPN", True),
        ("CAP", True),
        ("DAP", True),
        ("NOPE", False),
    }
    assert rep.unrecognized == []


def test_transparent_mode_marks_interfaces_partial():
    dev, _rep = parse("firewall transparent\n" + IFACES)
    assert all(i.partial for i in dev.interfaces.values() if i.zone)


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    "text, asa",
    [
        ("ASA Version 9.8(2)\nhostname X\n", True),
        ("NGFW Version 7.0.1\nhostname X\n", True),
        (": Saved\n:\nhostname X\ninterface GigabitEthernet0/0\n nameif outside\n security-level 0\n", True),
        (
            "version 15.2\nhostname R\ninterface GigabitEthernet0/0\n ip address 10.0.0.1 255.255.255.0\n"
            "ip access-list extended X\n permit ip any any\nline vty 0 4\n",
            False,
        ),
        ("config system interface\n edit port1\n", False),
    ],
)
def test_detect(text, asa):
    score = cisco_asa.detect(text)
    if asa:
        assert score >= 80 and cisco_ios.detect(text) <= 20
    else:
        assert score <= 10


def test_parse_never_raises_on_garbage():
    result = cisco_asa.parse("\x00\x01 nonsense\n interface\nnat\naccess-list\nroute x\n", "g.cfg")
    assert result.devices and len(result.report.unrecognized) >= 3


def test_vpn_termination_listens_on_its_interface():
    text = IFACES + textwrap.dedent("""
    crypto ikev2 enable outside
    webvpn
     enable outside
     anyconnect enable
     tunnel-group-list enable
    """)
    m, dev = matrix(text)
    assert {s.name for s in dev.services} >= {"ike", "webvpn"}
    assert m[("internet", "@devices")].services == ["icmp/8", "tcp/443", "udp/500", "udp/4500"]
    assert m[("staff", "@devices")].services == ["icmp/8"]


# --------------------------------------------------------------------------- FTD in ASA syntax


FTD = """
interface GigabitEthernet0/0
 nameif outside
 security-level 0
 ip address 198.51.100.2 255.255.255.0
interface GigabitEthernet0/1
 nameif inside
 security-level 0
 ip address 10.1.1.1 255.255.255.0
interface GigabitEthernet0/2
 nameif dmz
 security-level 0
 ip address 10.1.2.1 255.255.255.0
same-security-traffic permit inter-interface
same-security-traffic permit intra-interface
access-list CSM_FW_ACL_ remark rule-id 268434433: ACCESS POLICY: Default - Mandatory
access-list CSM_FW_ACL_ advanced trust ip ifc inside any ifc outside any rule-id 268434433
access-list CSM_FW_ACL_ advanced permit tcp any ifc dmz host 10.1.2.10 eq https rule-id 268434434 event-log flow-end
access-list CSM_FW_ACL_ advanced deny ip any any rule-id 268434435 event-log flow-start
access-group CSM_FW_ACL_ global
"""


def test_ftd_global_acl_with_interface_qualifiers():
    dev, rep = parse(FTD, head=False)
    assert rep.unrecognized == []
    first = lines_of(dev, "CSM_FW_ACL_")[0]
    assert first.action == Action.PERMIT  # trust
    assert only(first).in_ifaces == {"GigabitEthernet0/1"} and only(first).out_ifaces == {"GigabitEthernet0/0"}
    text = "NGFW Version 7.0.1\nhostname FW\n" + textwrap.dedent(FTD)
    assert cisco_asa.detect(text) >= 80
    dev = cisco_asa.parse(text, "ftd.cfg").devices[0]
    topo = topology.build([dev])
    site = Site(unit="t", zones=[INSIDE, DMZ, OUTSIDE])
    placed, addrs, _ = zones.resolve(site, topo)
    cells = {
        (c.src, c.dst): c
        for c in compute_matrix(Engine(topo, placed, addrs, HeaderSpace()), ["staff", "dmz", "internet"])
    }
    assert cells[("staff", "internet")].services == ["ip"]
    assert cells[("staff", "dmz")].services == ["tcp/443"]
    assert cells[("internet", "dmz")].services == ["tcp/443"]
    assert cells[("dmz", "internet")].verdict == BLOCKED
    assert cells[("internet", "staff")].verdict == BLOCKED


def test_subinterface_without_vlan_or_with_a_shut_parent_passes_nothing():
    dev, rep = parse("""
    interface GigabitEthernet0/1
     shutdown
    interface GigabitEthernet0/1.5
     vlan 5
     nameif a
     ip address 10.5.5.1 255.255.255.0
    interface GigabitEthernet0/2.6
     nameif b
     ip address 10.6.6.1 255.255.255.0
    """)
    assert dev.interfaces["GigabitEthernet0/1.5"].shutdown
    assert dev.interfaces["GigabitEthernet0/2.6"].addresses == []
    assert any("has no 'vlan'" in w for w in rep.warnings)


def test_pppoe_outside_vpdn_group_is_understood():
    # `pppoe client vpdn group` only names the credentials the PPPoE client of
    # `ip address pppoe` dials with: the run-time address and its default route are
    # modelled from that line; other `pppoe client` options stay partial.
    dev, rep = parse("""
    interface GigabitEthernet0/0
     nameif outside
     security-level 0
     pppoe client vpdn group ISP
     ip address pppoe setroute
    interface GigabitEthernet0/2
     nameif backup
     security-level 0
     pppoe client vpdn group ISP2
     pppoe client route distance 10
     ip address pppoe
    vpdn group ISP request dialout pppoe
    vpdn group ISP localname user@isp
    vpdn group ISP ppp authentication chap
    vpdn username user@isp password Xk29sPq7 store-local
    """)
    outside = dev.interfaces["GigabitEthernet0/0"]
    assert outside.dynamic_address and outside.partial is None
    assert [(str(r.prefix), r.interface, r.runtime_gateway) for r in dev.routes] == [
        ("0.0.0.0/0", "GigabitEthernet0/0", True)
    ]
    assert rep.unrecognized == []
    assert [p["text"] for p in rep.partially_understood] == ["pppoe client route distance 10"]
    assert dev.interfaces["GigabitEthernet0/2"].partial
    assert "Xk29sPq7" in dev.secrets


# --------------------------------------------------------------------------- fixtures

FIXTURES = __import__("pathlib").Path(__file__).resolve().parents[2] / "fixtures" / "cisco_asa"


def fixture(name: str):
    text = (FIXTURES / name).read_text()
    res = cisco_asa.parse(text, name)
    assert cisco_asa.detect(text) >= 80 and cisco_ios.detect(text) <= 20
    assert res.report.unrecognized == [] and res.report.warnings == []
    return res.devices[0], res.report


def test_fixture_asa5505_branch():
    dev, _rep = fixture("asa5505-branch.cfg")
    assert dev.os_version == "8.4(7)"
    assert dev.interfaces["Ethernet0/3"].access_vlan == 3
    vlan2 = dev.interfaces["Vlan2"]  # ip address dhcp setroute
    assert vlan2.dynamic_address and vlan2.partial is None
    assert [(str(r.prefix), r.interface, r.runtime_gateway) for r in dev.routes] == [("0.0.0.0/0", "Vlan2", True)]
    assert [len(f.lines) for n, f in dev.filters.items() if n == "GUEST_IN"] == [3]  # inactive skipped
    staff = Zone("staff", "internal", [IPNetwork("192.168.10.0/24")], attach=[("UBND-PHUONG-FW", "Ethernet0/1")])
    guest = Zone("guest", "guest", [IPNetwork("192.168.30.0/24")], attach=[("UBND-PHUONG-FW", "Ethernet0/3")])
    topo = topology.build([dev])
    placed, addrs, _ = zones.resolve(Site(unit="t", zones=[staff, guest]), topo)
    cells = {(c.src, c.dst): c for c in compute_matrix(Engine(topo, placed, addrs, HeaderSpace()), ["staff", "guest"])}
    assert cells[("staff", "guest")].verdict == REACHABLE  # 100 > 20, no inside ACL
    assert cells[("guest", "staff")].verdict == BLOCKED  # no forward + GUEST_IN
    assert cells[("guest", "@devices")].services == ["icmp/8", "udp/67"]
    assert cells[("staff", "@devices")].services == ["icmp/8", "tcp/22", "tcp/443", "udp/67"]


def test_fixture_ftd_edge():
    dev, _rep = fixture("ftd-edge.cfg")
    assert dev.facts.platform == "NGFW" and dev.os_version == "7.0.4"
    policy = lines_of(dev, POLICY)
    # all interfaces at level 0, no same-security-traffic: only the gate and the
    # global ACL decide; FTD's ifc qualifiers restrict the rules to interface pairs
    assert any(ln.source.text.startswith("access-list CSM_FW_ACL_ advanced permit ip ifc inside") for ln in policy)
    inside = Zone("staff", "internal", [IPNetwork("10.60.10.0/24")], attach=[("FTD-TTHC", "Ethernet1/2")])
    wifi = Zone("guest", "guest", [IPNetwork("10.60.40.0/24")], attach=[("FTD-TTHC", "Ethernet1/3")])
    net_ = Zone("internet", "external", attach=[("FTD-TTHC", "Ethernet1/1")])
    topo = topology.build([dev])
    placed, addrs, _ = zones.resolve(Site(unit="t", zones=[inside, wifi, net_]), topo)
    cells = {
        (c.src, c.dst): c
        for c in compute_matrix(Engine(topo, placed, addrs, HeaderSpace()), ["staff", "guest", "internet"])
    }
    # every interface at level 0 with inter-interface (as FMC deploys it): the global
    # ACL alone decides, rule by rule, with its interface qualifiers.  The prefilter's
    # default tunnel rules (IP-in-IP, 41, GRE, Teredo) are LINA "permit" = handed to
    # Snort; the model takes them as allowed (errs toward reachability).
    tunnels = ["udp/1025-65535", "proto/4", "proto/41", "proto/47"]
    assert {k: (c.verdict, c.services) for k, c in cells.items() if k[1] != "@devices"} == {
        ("staff", "internet"): (REACHABLE, ["ip"]),
        ("guest", "internet"): (REACHABLE, ["ip"]),
        ("staff", "guest"): (REACHABLE, tunnels),
        ("guest", "staff"): (REACHABLE, tunnels),
        ("internet", "staff"): (REACHABLE, tunnels),
        ("internet", "guest"): (REACHABLE, tunnels),
    }


TWICE_SERVICE_FORWARD = """\
: Saved
ASA Version 9.1(7)
hostname FW1
interface GigabitEthernet0/0
 nameif outside
 security-level 0
 ip address 203.0.113.2 255.255.255.0
interface GigabitEthernet0/1
 nameif inside
 security-level 100
 ip address 10.1.1.1 255.255.255.0
interface GigabitEthernet0/2
 nameif dmz
 security-level 50
 ip address 10.1.2.1 255.255.255.0
object network SRV
 host 10.1.1.10
object network SRV_EXT
 host 203.0.113.10
object service TELNET23
 service tcp source eq telnet
object service TELNET2323
 service tcp source eq 2323
access-list outside_access_in extended permit tcp any object SRV eq telnet
nat (inside,outside) source static SRV SRV_EXT service TELNET23 TELNET2323
access-group outside_access_in in interface outside
route outside 0.0.0.0 0.0.0.0 203.0.113.1 1
: end
"""


def test_a_static_nat_not_fully_understood_works_both_ways_on_its_interfaces(tmp_path):
    """A twice NAT port forward in Cisco's documented form (``service`` objects with a
    source port, not modelled): its reverse direction was missing — internet → the public
    address "blocked", exit 1 — and the rule had no interfaces, so staff → dmz (never
    through inside→outside) was unknown."""
    from netaudit.reach import UNKNOWN
    from netaudit.zones import Zone

    dev, _ = parse(TWICE_SERVICE_FORWARD, head=False)
    zs = [
        Zone("internet", "external", attach=[("FW1", "GigabitEthernet0/0")]),
        Zone("staff", "internal", [IPNetwork("10.1.1.0/24")], attach=[("FW1", "GigabitEthernet0/1")]),
        Zone("dmz", "dmz", [IPNetwork("10.1.2.0/24")], attach=[("FW1", "GigabitEthernet0/2")]),
    ]
    from helpers import analyse

    m = analyse([dev], zs).cells
    assert m[("staff", "dmz")].verdict == REACHABLE and m[("dmz", "internet")].verdict == REACHABLE
    # the forward, to the public address: unknown (was "blocked" by the ACL, exit 1)
    from netaudit.trace import trace

    (tmp_path / "fw.cfg").write_text(TWICE_SERVICE_FORWARD)
    (tmp_path / "site.yaml").write_text(
        "zones:\n  internet: {kind: external, attach: ['FW1:GigabitEthernet0/0']}\n"
        "  staff: {kind: internal, subnets: [10.1.1.0/24], attach: ['FW1:GigabitEthernet0/1']}\n"
    )
    got = trace([tmp_path], None, "internet", "203.0.113.10", "tcp/2323")
    assert got["verdict"] == UNKNOWN and "service translation not modelled" in str(got["unknown"][0]["reason"])


def test_a_transparent_mode_bvi_needs_no_nameif():
    """Transparent mode: ``interface BVI1`` holds the bridge group's management address
    with no nameif; the warning "has an address but no nameif: the ASA passes no traffic
    on it" was false.  The bridging is not modelled: cells to the box stay unknown."""
    text = (
        ": Saved\nASA Version 9.8(2)\n!\nfirewall transparent\nhostname TFW\n!\ninterface GigabitEthernet0/0\n"
        " nameif outside\n security-level 0\n bridge-group 1\n!\ninterface GigabitEthernet0/1\n nameif inside\n"
        " security-level 100\n bridge-group 1\n!\ninterface BVI1\n ip address 10.1.1.3 255.255.255.0\n!\n: end\n"
    )
    _, rep = parse(text, head=False)
    assert not any("no nameif" in w for w in rep.warnings)
    # with routed mode the same interface is the warned mistake
    _, rep = parse(text.replace("firewall transparent\n", ""), head=False)
    assert any("BVI1 has an address but no nameif" in w for w in rep.warnings)
