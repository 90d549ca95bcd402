"""Not IOS is not IOS: Cisco NX-OS / Arista EOS configs read by the IOS parser.

The IOS parser claims these dialects and reads much of them.  Two rules keep that
honest: an ACL written in their syntax (sequence numbers, ``a.b.c.d/n``, addrgroup,
portgroup, ``ip access-list NAME``) is a defined ACL — never "undefined, so IOS permits
everything" — and a file that looks like an unsupported platform (or whose lines were
mostly not recognized) is flagged in its parse report and its interfaces and filters are
partial, so every verdict through the device is "unknown".
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from netaddr import IPAddress, IPNetwork

from netaudit import inputs, parsers, topology, zones
from netaudit.headerspace import HeaderSpace
from netaudit.model import Action, AddrMatch, Match, PortRange, Src
from netaudit.parsers import cisco_ios
from netaudit.reach import UNKNOWN, Engine, compute_matrix
from netaudit.zones import Site, Zone

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cisco_ios"
ROOT = Path(__file__).resolve().parents[2]
NXOS, EOS = "nxos-dc-core.cfg", "eos-leaf.cfg"


def parse(text: str, file: str = "t.cfg"):
    result = cisco_ios.parse(textwrap.dedent(text).lstrip("\n"), file)
    return result.devices[0], result.report


def ip(a: str) -> int:
    return int(IPAddress(a))


def fixture(name: str):
    result = cisco_ios.parse((FIXTURES / name).read_text(), name)
    return result.devices[0], result.report


def snapshot(tmp_path: Path, *names: str):
    for n in names:
        shutil.copy(FIXTURES / n, tmp_path / n)
    return inputs.load_snapshot([tmp_path])


def cells(devices, zone_list):
    topo = topology.build(devices, [])
    placed, addrs, _ = zones.resolve(Site(unit="t", zones=zone_list), topo)
    engine = Engine(topo, placed, addrs, HeaderSpace())
    return {(c.src, c.dst): c for c in compute_matrix(engine, [z.name for z in zone_list])}


# --------------------------------------------------------------------------- ACL syntax


def test_ip_access_list_without_type_is_an_extended_list_with_cidr_entries():
    dev, rep = parse("""
    ip access-list acl_in
      statistics per-entry
      10 permit tcp 11.36.216.170/32 10.60.30.0/24 eq 22
      20 deny ip any any log
    interface Ethernet1/49
      ip access-group acl_in in
    """)
    flt = dev.filters["acl_in"]
    assert flt.kind == "extended" and flt.partial is None and rep.unrecognized == []
    first, second = flt.lines
    assert first.name == "10" and first.matches == [
        Match(
            src=(AddrMatch(ip("11.36.216.170"), 0),),
            dst=(AddrMatch(ip("10.60.30.0"), 255),),
            protocols=(6,),
            dst_ports=(PortRange(22, 22),),
        )
    ]
    assert second.action == Action.DENY and second.matches == [Match()]
    assert dev.interfaces["Ethernet1/49"].filter_in == "acl_in"
    assert [(r.name, r.defined) for r in dev.references] == [("acl_in", True)]


def test_eos_counters_and_standard_cidr_entries():
    dev, rep = parse("""
    ip access-list KHACH-IN
       counters per-entry
       10 deny ip 10.70.50.0/24 10.70.0.0/16
    ip access-list standard SNMP-RO
       10 permit 10.70.99.0/24
    """)
    assert rep.unrecognized == []
    assert len(dev.filters["KHACH-IN"].lines) == 1
    assert dev.filters["SNMP-RO"].lines[0].matches[0].src == (AddrMatch(ip("10.70.99.0"), 255),)


def test_nxos_addrgroup_and_portgroup_expand():
    dev, rep = parse("""
    object-group ip address DMZ
      10 host 10.60.30.11
      20 10.60.31.0/24
      30 10.60.32.0 0.0.0.255
    object-group ip port WEB
      10 eq 80
      20 range 8080 8090
    ip access-list IN
      10 permit tcp any addrgroup DMZ portgroup WEB
      20 permit tcp addrgroup DMZ portgroup WEB any
      30 permit tcp any any portgroup NOPE
    """)
    assert rep.unrecognized == []
    to_dmz, from_dmz, nope = dev.filters["IN"].lines
    dmz = (AddrMatch(ip("10.60.30.11"), 0), AddrMatch(ip("10.60.31.0"), 255), AddrMatch(ip("10.60.32.0"), 255))
    web = (PortRange(80, 80), PortRange(8080, 8090))
    assert to_dmz.matches == [Match(dst=dmz, protocols=(6,), dst_ports=web)] and to_dmz.partial is None
    assert from_dmz.matches == [Match(src=dmz, protocols=(6,), src_ports=web)]
    # an undefined port group: ports unconstrained (a superset), the line partial
    assert nope.matches == [Match(protocols=(6,))] and "object-group NOPE undefined" in nope.partial
    refs = {(r.name, r.defined) for r in dev.references if r.kind == "object-group"}
    assert refs == {("DMZ", True), ("WEB", True), ("NOPE", False)}


def test_acl_defined_in_unread_syntax_is_partial_not_undefined():
    # IOS-XR style header: the list exists, netaudit cannot read it.  IOS would permit
    # everything for an *undefined* list; this one is defined, so it is "unknown".
    dev, rep = parse("""
    ipv4 access-list EDGE-IN
     10 permit tcp any host 10.0.0.5 eq 443
    interface GigabitEthernet0/0
     ip address 10.0.0.1 255.255.255.0
     ip access-group EDGE-IN in
    line vty 0 4
     access-class EDGE-IN in
     transport input ssh
    """)
    flt = dev.filters["EDGE-IN"]
    assert flt.lines == [] and "definition not understood (line 1: ipv4 access-list EDGE-IN)" in flt.partial
    assert flt.source == Src("t.cfg", 1, "ipv4 access-list EDGE-IN")
    assert dev.interfaces["GigabitEthernet0/0"].filter_in == "EDGE-IN"
    assert next(s for s in dev.services if s.name == "ssh").acl == "EDGE-IN"
    assert {(r.name, r.defined) for r in dev.references if r.kind == "acl"} == {("EDGE-IN", True)}
    assert any(p["construct"] == "acl EDGE-IN" for p in rep.partially_understood)


def test_nxos_snmp_community_group_is_not_an_acl():
    dev, _ = parse(
        "snmp-server community Sttt-RO-2026 group network-operator\nsnmp-server community Other use-acl SNMP-ONLY\n"
    )
    assert [c.acl for c in dev.facts.snmp_communities] == [None, "SNMP-ONLY"]


def test_nxos_snmp_user_keys_are_the_secrets_not_localizedkey():
    dev, _ = parse(
        "snmp-server user admin network-admin auth md5 0x5fd3e1 priv 0x6fd3e1 localizedkey\n"
        "snmp-server user u2 network-operator auth sha AuthPw1 priv aes-128 PrivPw1\n"
    )
    assert dev.secrets == {"0x5fd3e1", "0x6fd3e1", "AuthPw1", "PrivPw1"}


# --------------------------------------------------------------------------- fixtures


def test_nxos_fixture_acls_are_defined_and_applied():
    dev, rep = fixture(NXOS)
    assert dev.hostname == "STTTT-N9K-CORE01" and dev.os_version == "9.3(8)"
    assert {n: len(f.lines) for n, f in dev.filters.items()} == {"acl_in": 5, "GUEST-IN": 4, "VTY-ONLY": 1}
    assert all(f.partial is None for f in dev.filters.values())
    assert dev.interfaces["Vlan50"].filter_in == "GUEST-IN"
    assert dev.interfaces["Ethernet1/49"].filter_in == "acl_in"
    assert all(r.defined for r in dev.references)
    assert next(s for s in dev.services if s.name == "ssh").acl == "VTY-ONLY"
    # what stays unread is the NX-OS-only part (feature, vdc, vrf context, hsrp …)
    unread = {s.text.split()[0] for s in rep.unrecognized}
    assert {"feature", "vdc", "vrf", "hsrp"} <= unread
    assert not [s for s in rep.unrecognized if "permit" in s.text or "deny" in s.text or "group" in s.text]


def test_eos_fixture_acls_are_defined_and_applied():
    dev, _ = fixture(EOS)
    assert dev.hostname == "SYT-LEAF01"
    assert dev.interfaces["Vlan50"].filter_in == "KHACH-IN"
    assert len(dev.filters["KHACH-IN"].lines) == 3 and dev.filters["KHACH-IN"].partial is None
    assert all(r.defined for r in dev.references if r.kind == "acl")


# --------------------------------------------------------------------------- unsupported platforms


@pytest.mark.parametrize("name, platform", [(NXOS, "Cisco NX-OS"), (EOS, "Arista EOS")])
def test_looks_like_names_the_platform(name, platform):
    assert parsers.looks_like((FIXTURES / name).read_text()) == platform


@pytest.mark.parametrize(
    "path",
    sorted(
        [p for p in (ROOT / "sample_configs").glob("*/*") if p.suffix in (".cfg", ".conf", ".rsc")]
        + [
            p
            for p in (ROOT / "tests" / "fixtures").glob("*/*")
            if p.suffix in (".cfg", ".conf", ".rsc") and p.name not in (NXOS, EOS)
        ]
    ),
    ids=lambda p: p.name,
)
def test_supported_configs_look_like_nothing_unsupported(path):
    assert parsers.looks_like(path.read_text(encoding="utf-8", errors="replace")) is None


@pytest.mark.parametrize("name, platform", [(NXOS, "Cisco NX-OS"), (EOS, "Arista EOS")])
def test_unsupported_platform_is_reported_and_made_unknown(tmp_path, name, platform):
    snap = snapshot(tmp_path, name)
    [rep], [dev], [entry] = snap.reports, snap.devices, snap.inputs
    why = f"looks like {platform}, which netaudit does not support: verdicts through this device are unknown"
    assert rep.warnings[0] == why and entry.problem == why
    assert f"{name}: {why}" in snap.warnings
    assert dev.interfaces and all(i.partial and i.partial.startswith(why) for i in dev.interfaces.values())
    assert dev.filters and all(f.partial and f.partial.startswith(why) for f in dev.filters.values())
    assert {"construct": f"device {dev.hostname}", "reason": why, **dev.source.cite()} in rep.partially_understood


def test_guest_to_staff_through_nxos_is_unknown_not_reachable(tmp_path):
    guest = Zone("guest", "guest", [IPNetwork("10.60.50.0/24")])
    staff = Zone("staff", "internal", [IPNetwork("10.60.10.0/24")])
    # The IOS parser alone now reads GUEST-IN (it used to be "undefined: permit all",
    # a false critical with every service): only its DHCP line lets guests through …
    dev, _ = fixture(NXOS)
    got = cells([dev], [guest, staff])
    assert got[("guest", "staff")].services == ["udp/67"]
    assert got[("guest", "@devices")].verdict != UNKNOWN
    # … but netaudit does not support NX-OS, so the snapshot's verdict is "unknown".
    snap = snapshot(tmp_path, NXOS)
    cell = cells(snap.devices, [guest, staff])[("guest", "staff")]
    assert cell.verdict == UNKNOWN and "looks like Cisco NX-OS" in cell.reason


def test_routing_off_on_an_unsupported_platform_is_no_proof(tmp_path):
    """A device whose parse is not evidence is taken to route: `no ip routing` read from it
    (here planted in the Arista fixture) would drop every packet for sure — cells
    "blocked" through a platform netaudit does not read; they are unknown."""
    text = (FIXTURES / EOS).read_text().replace("\nip routing\n", "\nno ip routing\n", 1)
    assert "\nno ip routing\n" in text
    (tmp_path / EOS).write_text(text)
    snap = inputs.load_snapshot([tmp_path])
    [dev] = snap.devices
    assert dev.ip_routing is True
    staff = Zone("staff", "internal", [IPNetwork(str(dev.interfaces["Vlan10"].addresses[0].cidr))])
    guest = Zone("guest", "guest", [IPNetwork(str(dev.interfaces["Vlan50"].addresses[0].cidr))])
    cell = cells(snap.devices, [guest, staff])[("guest", "staff")]
    assert cell.verdict == UNKNOWN and "looks like Arista EOS" in cell.reason


def test_mostly_unrecognized_file_is_flagged_without_a_platform(tmp_path):
    body = "".join(f"frobnicate widget {i} mode turbo\n" for i in range(30))
    (tmp_path / "odd.cfg").write_text(
        "hostname ODD\n!\ninterface GigabitEthernet0/1\n ip address 10.0.0.1 255.255.255.0\n!\n"
        + body
        + "line vty 0 4\n transport input ssh\n!\nend\n"
    )
    snap = inputs.load_snapshot([tmp_path])
    [rep], [dev] = snap.reports, snap.devices
    assert rep.warnings[0].startswith("30 of ") and "not recognized as cisco_ios syntax" in rep.warnings[0]
    assert dev.interfaces["GigabitEthernet0/1"].partial.endswith("verdicts through this device are unknown")


def test_a_few_unrecognized_lines_do_not_flag_the_device(tmp_path):
    (tmp_path / "r.cfg").write_text(
        "hostname R\n!\ninterface GigabitEthernet0/1\n ip address 10.0.0.1 255.255.255.0\n"
        " frobnicate\n!\n" + "".join(f"ip route 10.{i}.0.0 255.255.0.0 10.0.0.2\n" for i in range(60))
    )
    snap = inputs.load_snapshot([tmp_path])
    # not taken for another platform: only the interface holding the line is partial, by it
    assert snap.devices[0].interfaces["GigabitEthernet0/1"].partial == "line 5 of the interface not understood"
    assert not snap.reports[0].warnings


def test_unclaimed_file_names_the_platform(tmp_path):
    (tmp_path / "srx.conf").write_text(
        "set deviceconfig system hostname PA-UBND\n"
        "set rulebase security rules LAN-WAN from trust\nset rulebase security rules LAN-WAN action allow\n"
    )
    (tmp_path / "r.cfg").write_text("hostname R\ninterface Vlan10\n ip address 10.0.0.1 255.255.255.0\n")
    snap = inputs.load_snapshot([tmp_path])
    entry = next(f for f in snap.inputs if f.path == "srx.conf")
    assert entry.kind == "skipped"
    assert entry.problem == (inputs.P_UNRECOGNIZED + "; looks like Palo Alto PAN-OS, which netaudit does not support")
