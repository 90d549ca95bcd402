"""L2 domains (netaudit/topology.py): which VLANs a trunk carries.

A Catalyst forwards frames only of VLANs that exist on it.  When the running config
holds the VLAN database (``vlan N`` blocks: VTP transparent or off), a trunk's
``allowed vlan 64-1000`` carries only the VLANs defined there; without it (VTP server
or client: the database is in vlan.dat) every allowed VLAN may exist and is carried.
"""

from __future__ import annotations

from pathlib import Path

from helpers import parse_one

from netaudit import topology
from netaudit.parsers import cisco_ios

CORE = """\
hostname CORE-UBND
!
vlan 10
 name CAN-BO
vlan 20
 name WIFI-KHACH
!
interface Vlan10
 ip address 10.1.10.1 255.255.255.0
!
interface Vlan20
 ip address 10.1.20.1 255.255.255.0
!
interface Vlan30
 description quan tri - VLAN chua khai bao
 ip address 10.1.30.1 255.255.255.0
!
interface GigabitEthernet0/1
 description xuong SW-TANG2
 switchport trunk encapsulation dot1q
 switchport trunk allowed vlan 1-1000
 switchport mode trunk
!
end
"""

# The access switch: VTP client, so its config shows no VLAN database.
ACCESS = """\
hostname SW-TANG2
!
vtp mode client
!
interface GigabitEthernet0/24
 switchport trunk allowed vlan 1-1000
 switchport mode trunk
!
interface GigabitEthernet0/5
 switchport access vlan 20
 switchport mode access
!
end
"""


def _tags(topo, dev: str, ifname: str) -> set:
    return {n[3] for n in topo.graph.nodes if n[0] == "port" and n[1] == dev and n[2] == ifname}


def test_trunk_range_carries_only_the_vlans_of_the_database():
    core, _ = parse_one(cisco_ios, CORE, "core.cfg")
    assert core.vlan_database
    topo = topology.build([core])
    # VLANs 10 and 20 are defined, 30 has an SVI (kept: its frames may well pass),
    # VLAN 1 always exists (the native VLAN, untagged: None); nothing of 2-1000 else.
    assert _tags(topo, "CORE-UBND", "GigabitEthernet0/1") == {None, 10, 20, 30}
    assert len(topo.domains) == 4


def test_without_the_database_in_the_config_every_allowed_vlan_is_carried():
    sw, _ = parse_one(cisco_ios, ACCESS, "sw.cfg")
    assert not sw.vlan_database  # VTP client: the VLANs live in vlan.dat
    topo = topology.build([sw])
    assert len(_tags(topo, "SW-TANG2", "GigabitEthernet0/24")) == 1000


def test_vtp_server_with_vlan_lines_is_not_taken_as_the_whole_database():
    sw, _ = parse_one(cisco_ios, ACCESS.replace("vtp mode client", "vtp mode server\nvlan 20"), "sw.cfg")
    assert not sw.vlan_database


def test_the_guest_vlan_still_spans_both_switches():
    core, _ = parse_one(cisco_ios, CORE, "core.cfg")
    sw, _ = parse_one(cisco_ios, ACCESS, "sw.cfg")
    topo = topology.build([core, sw], [(("CORE-UBND", "GigabitEthernet0/1"), ("SW-TANG2", "GigabitEthernet0/24"))])
    guest_port = topo.port_domain("SW-TANG2", "GigabitEthernet0/5")
    assert guest_port is not None and guest_port == topo.l3_domain("CORE-UBND", "Vlan20")
    # The access switch's undefined VLANs meet nothing on the core: no L3 interface there.
    assert topo.vlan_domain("SW-TANG2", 500) is not None
    assert not topo.domains[topo.vlan_domain("SW-TANG2", 500)].l3


def test_a_trunk_allowing_every_vlan_carries_every_vlan_in_use_without_the_database():
    """No ``switchport trunk allowed vlan`` (IOS's default: all VLANs) on switches whose
    VLAN database is in vlan.dat: the trunk carried only the native VLAN, cutting an
    access VLAN off its gateway (a false "blocked").  It carries every VLAN a device of
    the snapshot uses — the access port's 20 and the distribution switch's SVIs."""
    asw, _ = parse_one(
        cisco_ios,
        "hostname ASW\nno ip routing\ninterface Ethernet0/0\n switchport access vlan 20\n switchport mode access\n"
        "interface Ethernet0/1\n switchport trunk encapsulation dot1q\n switchport mode trunk\nend\n",
        "asw.cfg",
    )
    dsw, _ = parse_one(
        cisco_ios,
        "hostname DSW\nip routing\ninterface Ethernet0/1\n switchport trunk encapsulation dot1q\n"
        " switchport mode trunk\ninterface Vlan10\n ip address 10.0.10.2 255.255.255.0\n"
        "interface Vlan20\n ip address 10.0.20.2 255.255.255.0\nend\n",
        "dsw.cfg",
    )
    assert not asw.vlan_database and not dsw.vlan_database
    topo = topology.build([asw, dsw], [(("ASW", "Ethernet0/1"), ("DSW", "Ethernet0/1"))])
    assert _tags(topo, "ASW", "Ethernet0/1") == {None, 10, 20}
    assert topo.port_domain("ASW", "Ethernet0/0") == topo.l3_domain("DSW", "Vlan20")


# The hall's access switch of the leaky sample office (sample_configs/cisco-commune-leaky):
# the public Wi-Fi AP on Gi0/2, uplink Gi0/1 to the core's AP trunk Gi1/0/17.
HALL = """\
hostname UBNDHB-ACC1
!
vlan 10
 name CANBO
vlan 40
 name WIFI-KHACH
vlan 99
 name QUANTRI
!
interface GigabitEthernet0/1
 description Uplink - UBNDHB-CORE Gi1/0/17
 switchport trunk allowed vlan 10,40,99
 switchport mode trunk
!
interface GigabitEthernet0/2
 description AP hoi truong
 switchport access vlan 40
 switchport mode access
!
interface GigabitEthernet0/3
 switchport access vlan 10
 switchport mode access
!
interface Vlan99
 ip address 10.10.99.12 255.255.255.0
!
ip default-gateway 10.10.99.1
end
"""
HALL_LINK = ["UBNDHB-ACC1:GigabitEthernet0/1", "UBNDHB-CORE:GigabitEthernet1/0/17"]


def test_a_segment_without_a_gateway_is_open_through_its_uncabled_trunk():
    hall, _ = parse_one(cisco_ios, HALL, "acc-sw.cfg")
    core, _ = parse_one(cisco_ios, CORE, "core.cfg")
    topo = topology.build([hall, core])
    guest = topo.vlan_domain("UBNDHB-ACC1", 40)
    assert topo.open_segment(guest) == [("UBNDHB-ACC1", "GigabitEthernet0/1")]
    # A segment with a routed interface has its gateway: not open.
    assert topo.open_segment(topo.l3_domain("CORE-UBND", "Vlan20")) == []
    # Cabled: the far end is known (CORE-UBND does not carry VLAN 40: it ends there).
    linked = topology.build(
        [hall, core], [(("UBNDHB-ACC1", "GigabitEthernet0/1"), ("CORE-UBND", "GigabitEthernet0/1"))]
    )
    assert linked.open_segment(linked.vlan_domain("UBNDHB-ACC1", 40)) == []
    # Access ports only: a closed segment (its hosts reach each other, nothing else).
    closed, _ = parse_one(cisco_ios, HALL.replace(" switchport mode trunk\n", " switchport mode access\n"), "a.cfg")
    topo = topology.build([closed])
    assert topo.open_segment(topo.vlan_domain("UBNDHB-ACC1", 40)) == []


def test_guest_wifi_declared_on_the_uncabled_access_switch_is_unknown_not_proven_blocked(tmp_path):
    """The leaky sample office with the hall's access switch added and the guest zone
    declared on its VLAN 40.  Without ``links:`` the segment had no gateway and led
    nowhere: every cell from and to guest was "blocked" and the conclusion "the guest
    Wi-Fi does NOT reach the internal network — proven over every packet", on an office
    where it reaches everything.  Now unknown, naming the port to declare; with the link,
    the leak."""
    import yaml
    from helpers import cells, copy_sample

    from netaudit.audit import run_audit

    folder = copy_sample(tmp_path, "cisco-commune-leaky")
    (folder / "expected.yaml").unlink()
    (folder / "README.md").unlink()
    (folder / "acc-sw.cfg").write_text(HALL)
    site_file = folder / "site.yaml"
    site = yaml.safe_load(site_file.read_text())
    site["zones"]["guest"]["vlans"] = ["UBNDHB-ACC1:40"]
    site_file.write_text(yaml.safe_dump(site, allow_unicode=True))
    audit = run_audit([folder])
    got = cells(audit)
    for dst in ("staff", "servers", "counter", "mgmt", "internet", "@devices"):
        assert got[("guest", dst)].verdict == "unknown", dst
        assert "UBNDHB-ACC1:GigabitEthernet0/1" in str(got[("guest", dst)].reason), dst
    assert got[("counter", "guest")].verdict == "unknown"  # Vlan30's missing ACL lets it to 10.10.40.0/24
    assert got[("staff", "guest")].verdict == "blocked"  # ACL-CAN-BO-IN stops it before any segment
    assert any("UBNDHB-ACC1:GigabitEthernet0/1" in str(w) and "links:" in str(w) for w in audit.warnings)

    site["links"] = [HALL_LINK]
    site_file.write_text(yaml.safe_dump(site, allow_unicode=True))
    got = cells(run_audit([folder]))
    for dst in ("staff", "servers", "counter", "mgmt", "internet", "@devices"):
        assert got[("guest", dst)].verdict == "reachable", dst


def test_a_voice_vlan_and_router_subinterfaces_are_vlans_in_use():
    """Rodrigo-Serpa/Project: VLAN 20 is only a port's voice VLAN and a router-on-a-stick
    subinterface; the allow-all trunk between them carried the VLANs "in use", which left
    those two out — staff → voice unknown, with a hint to cable the phone's port."""
    router, _ = parse_one(
        cisco_ios,
        "hostname ENTA\ninterface GigabitEthernet0/0\n no ip address\n"
        "interface GigabitEthernet0/0.20\n encapsulation dot1Q 20\n ip address 10.1.18.1 255.255.255.0\nend\n",
        "enta.cfg",
    )
    switch, _ = parse_one(
        cisco_ios,
        "hostname Switch11\ninterface FastEthernet0/5\n switchport mode access\n switchport voice vlan 20\n"
        "interface FastEthernet0/13\n switchport mode trunk\nend\n",
        "sw.cfg",
    )
    topo = topology.build([router, switch], [(("ENTA", "GigabitEthernet0/0"), ("Switch11", "FastEthernet0/13"))])
    assert 20 in _tags(topo, "Switch11", "FastEthernet0/13")
    assert topo.vlan_domain("Switch11", 20) == topo.l3_domain("ENTA", "GigabitEthernet0/0.20")


# --------------------------------------------------------------------------- management ports

MGMT_VRF_FIXTURE = Path(__file__).parent / "fixtures" / "cisco_ios" / "core-l3.cfg"

HUAWEI_CE_MGMT = """\
sysname CE-CORE-SO
#
ip vpn-instance __MGMT_VPN__
 ipv4-family
#
interface Vlanif10
 ip address 10.1.10.1 255.255.255.0
#
interface MEth0/0/0
 ip binding vpn-instance __MGMT_VPN__
 ip address 10.0.0.15 255.255.255.0
#
interface 10GE1/0/1
 undo portswitch
 description UPLINK-FIREWALL
 ip address 172.16.0.2 255.255.255.252
#
ip route-static 0.0.0.0 0.0.0.0 172.16.0.1
ip route-static vpn-instance __MGMT_VPN__ 0.0.0.0 0.0.0.0 10.0.0.2
#
return
"""


def test_a_management_ports_default_route_is_no_internet_exit():
    """A dedicated management port (IOS-XE ``vrf forwarding Mgmt-vrf``, a Huawei ``MEth``
    port) has a default route of its own, toward the management network: it is no exit of
    the office, so neither ``init`` nor an external zone without ``attach`` puts the
    Internet there (which made "internet → @devices: SSH" a false critical finding)."""
    from netaudit.parsers import huawei_vrp
    from netaudit.zones import infer_site

    ios, _ = parse_one(cisco_ios, MGMT_VRF_FIXTURE.read_text(encoding="utf-8"), "core-l3.cfg")
    huawei, _ = parse_one(huawei_vrp, HUAWEI_CE_MGMT, "ce-core.cfg")
    for dev, mgmt, uplink in ((ios, "GigabitEthernet0/0", "GigabitEthernet1/0/1"), (huawei, "MEth0/0/0", "10GE1/0/1")):
        assert dev.interfaces[mgmt].out_of_band is not None
        assert not dev.interfaces[uplink].out_of_band
        topo = topology.build([dev])
        assert [e.interface for e in topology.exits(topo)] == [uplink]
        [internet] = [z for z in infer_site([dev], topo).zones if z.kind == "external"]
        assert internet.attach == [(dev.hostname, uplink)]
