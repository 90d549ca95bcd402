"""``netaudit init`` on real-looking exports: drafts the audit can resolve, names matched
as whole words, trunks never zones, YAML that loads back; and what the audit says
about a draft (TODO unit) or a site without a guest zone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import ROOT, cli

from netaudit import topology, zones
from netaudit.audit import run_audit
from netaudit.cli import main
from netaudit.compliance import PASS
from netaudit.inputs import load_snapshot
from netaudit.model import InputError
from netaudit.zones import load_site

# A MikroTik hEX/RB5009 export (RouterOS 7): VLANs on a plain port, no bridge; one port
# renamed with a quote; names that hold the letters L-A-N without the word LAN.
ROUTEROS_R3 = """\
# 2026-03-11 09:12:44 by RouterOS 7.14.3
# software id = 7KQ2-XW3B
#
# model = RB5009UG+S+
# serial number = HFA09K2M3Q1
/interface ethernet
set [ find default-name=ether1 ] comment="WAN - VNPT FTTH, IP tinh"
set [ find default-name=ether3 ] comment="Can bo - phong Van hoa" name="Luna's"
set [ find default-name=ether5 ] comment="PLANNING - phong Ke hoach"
set [ find default-name=ether6 ] comment="Wifi Lanh dao"
/interface vlan
add comment="Wifi khach cho nguoi dan" interface=ether2 name=GUEST vlan-id=20
add interface=ether2 name=vlan-iot vlan-id=30
add interface=ether2 name=vlan-voip vlan-id=40
/interface list
add name=WAN
add name=LAN
/interface list member
add interface=ether1 list=WAN
add interface="Luna's" list=LAN
/ip address
add address=203.0.113.6/30 interface=ether1 network=203.0.113.4
add address=10.30.10.1/24 interface="Luna's" network=10.30.10.0
add address=10.30.20.1/24 interface=GUEST network=10.30.20.0
add address=10.30.30.1/24 interface=vlan-iot network=10.30.30.0
add address=10.30.40.1/24 interface=vlan-voip network=10.30.40.0
add address=10.30.50.1/24 interface=ether5 network=10.30.50.0
add address=10.30.60.1/24 interface=ether6 network=10.30.60.0
/ip firewall filter
add action=accept chain=forward connection-state=established,related
add action=drop chain=forward in-interface=GUEST out-interface-list=!WAN
/ip firewall nat
add action=masquerade chain=srcnat out-interface-list=WAN
/ip route
add gateway=203.0.113.5
/system identity
set name=R3
"""


# A FortiGate 60F backup: VLAN interfaces on a trunk port1 described "LAN trunk …", an open
# guest SSID on a VAP.
FORTIGATE = """\
#config-version=FG60F-7.2.8-FW-build1639-240313:opmode=0:vdom=0:user=admin
#conf_file_ver=2710384756120398
#buildno=1639
#global_vdom=1
config system global
    set admin-sport 8443
    set admintimeout 10
    set hostname "FGT-UBND-TANLOC"
    set timezone 60
end
config system interface
    edit "wan1"
        set vdom "root"
        set ip 203.0.113.34 255.255.255.252
        set allowaccess ping
        set type physical
        set alias "Internet Viettel"
        set role wan
    next
    edit "port1"
        set vdom "root"
        set type physical
        set description "LAN trunk toi switch tang 1 - VLAN 10,20,99"
        set role lan
    next
    edit "VL10-CANBO"
        set vdom "root"
        set ip 10.50.10.1 255.255.255.0
        set allowaccess ping
        set role lan
        set interface "port1"
        set vlanid 10
    next
    edit "VL20-PLANNING"
        set vdom "root"
        set ip 10.50.20.1 255.255.255.0
        set role lan
        set interface "port1"
        set vlanid 20
    next
    edit "VL99-QUANTRI"
        set vdom "root"
        set ip 10.50.99.1 255.255.255.0
        set allowaccess ping https ssh
        set role lan
        set interface "port1"
        set vlanid 99
    next
    edit "WIFI-KHACH"
        set vdom "root"
        set ip 10.50.40.1 255.255.255.0
        set allowaccess ping
        set type vap-switch
        set role lan
    next
end
config firewall address
    edit "NET-CANBO"
        set subnet 10.50.10.0 255.255.255.0
    next
end
config firewall policy
    edit 1
        set name "CANBO-INTERNET"
        set srcintf "VL10-CANBO"
        set dstintf "wan1"
        set action accept
        set srcaddr "NET-CANBO"
        set dstaddr "all"
        set schedule "always"
        set service "ALL"
        set nat enable
    next
    edit 2
        set name "KHACH-INTERNET"
        set srcintf "WIFI-KHACH"
        set dstintf "wan1"
        set action accept
        set srcaddr "all"
        set dstaddr "all"
        set schedule "always"
        set service "ALL"
        set nat enable
    next
end
config router static
    edit 1
        set gateway 203.0.113.33
        set device "wan1"
    next
end
config wireless-controller vap
    edit "WIFI-KHACH"
        set ssid "UBND-TanLoc-Free"
        set security open
        set schedule "always"
    next
end
"""


# A Cisco ASA 5505: nameif on VLAN interfaces (inside, outside, khach).
ASA5505 = """\
: Saved
:
: Serial Number: JMX1530Z0QK
: Hardware:   ASA5505, 512 MB RAM, CPU Geode 500 MHz
:
ASA Version 9.2(4)33
!
hostname UBND-XA-DONGHOA-FW
enable password ***** pbkdf2
names
!
interface Ethernet0/0
 switchport access vlan 2
!
interface Ethernet0/1
!
interface Ethernet0/2
!
interface Ethernet0/3
 switchport access vlan 3
!
interface Ethernet0/4
 shutdown
!
interface Ethernet0/5
!
interface Ethernet0/6
!
interface Ethernet0/7
!
interface Vlan1
 nameif inside
 security-level 100
 ip address 192.168.1.1 255.255.255.0
!
interface Vlan2
 nameif outside
 security-level 0
 ip address 203.0.113.50 255.255.255.248
!
interface Vlan3
 nameif khach
 security-level 10
 ip address 192.168.3.1 255.255.255.0
!
ftp mode passive
object network obj_any
 subnet 0.0.0.0 0.0.0.0
 nat (inside,outside) dynamic interface
access-list khach_in extended deny ip any 192.168.1.0 255.255.255.0
access-list khach_in extended permit ip any any
pager lines 24
mtu inside 1500
mtu outside 1500
mtu khach 1500
access-group khach_in in interface khach
route outside 0.0.0.0 0.0.0.0 203.0.113.49 1
timeout xlate 3:00:00
ssh 192.168.1.0 255.255.255.0 inside
ssh version 2
: end
"""


# An ASA 5516: subinterfaces on a trunk without nameif, and a failover link ("LAN Failover
# Interface") that passes no traffic.
ASA_SO = """\
: Saved
:
: Serial Number: JAD214501KX
: Hardware:   ASA5516, 8192 MB RAM, CPU Atom C2000 series 2416 MHz, 1 CPU (8 cores)
:
ASA Version 9.12(4)56
!
hostname SO-NOIVU-FW01
enable password ***** pbkdf2
names
!
interface GigabitEthernet1/1
 description Internet VNPT
 nameif outside
 security-level 0
 ip address 198.51.100.2 255.255.255.248
!
interface GigabitEthernet1/2
 description TRUNK - core switch, LAN cac phong
 no nameif
 no security-level
 no ip address
!
interface GigabitEthernet1/2.10
 description Vung can bo
 vlan 10
 nameif inside
 security-level 100
 ip address 10.80.10.1 255.255.255.0
!
interface GigabitEthernet1/2.40
 description Wifi cho nguoi dan
 vlan 40
 nameif guest-wifi
 security-level 10
 ip address 10.80.40.1 255.255.255.0
!
interface GigabitEthernet1/3
 description Cong thong tin dien tu
 nameif dmz
 security-level 50
 ip address 10.80.50.1 255.255.255.0
!
interface GigabitEthernet1/8
 description LAN Failover Interface
!
interface Management1/1
 management-only
 nameif management
 security-level 100
 ip address 10.80.99.1 255.255.255.0
!
object network NET-CANBO
 subnet 10.80.10.0 255.255.255.0
 nat (inside,outside) dynamic interface
object network NET-KHACH
 subnet 10.80.40.0 255.255.255.0
 nat (guest-wifi,outside) dynamic interface
failover
failover lan unit primary
failover lan interface FOLINK GigabitEthernet1/8
failover link FOLINK GigabitEthernet1/8
failover interface ip FOLINK 172.16.255.1 255.255.255.252 standby 172.16.255.2
access-list guest_in extended deny ip any 10.80.0.0 255.255.0.0
access-list guest_in extended permit ip any any
access-group guest_in in interface guest-wifi
route outside 0.0.0.0 0.0.0.0 198.51.100.1 1
ssh 10.80.99.0 255.255.255.0 management
ssh version 2
: end
"""


# A Catalyst L3 switch: VLAN names glued (WIFIKHACH, CONGCONG) or holding LAN letters.
IOS_CORE = """\
!
! Last configuration change at 08:14:02 ICT Tue Mar 10 2026 by admin
!
version 15.2
service password-encryption
!
hostname UBND-PHUONG-CORE
!
ip routing
!
vlan 10
 name CANBO
!
vlan 20
 name PLANNING
!
vlan 30
 name vlan-iot
!
vlan 40
 name vlan-voip
!
vlan 50
 name WIFIKHACH
!
vlan 60
 name CONGCONG
!
interface GigabitEthernet1/0/1
 description Can bo - phong Tai chinh
 switchport access vlan 10
 switchport mode access
!
interface GigabitEthernet1/0/2
 description Phong Ke hoach
 switchport access vlan 20
 switchport mode access
!
interface GigabitEthernet1/0/3
 description Cam bien nhiet do phong may
 switchport access vlan 30
 switchport mode access
!
interface GigabitEthernet1/0/4
 description Dien thoai IP
 switchport access vlan 40
 switchport mode access
!
interface GigabitEthernet1/0/23
 description Trunk - AP hoi truong (Wifi khach, cong cong)
 switchport trunk allowed vlan 50,60
 switchport mode trunk
!
interface GigabitEthernet1/0/24
 description WAN - VNPT
 no switchport
 ip address 203.0.113.18 255.255.255.252
!
interface Vlan10
 ip address 10.70.10.1 255.255.255.0
!
interface Vlan20
 ip address 10.70.20.1 255.255.255.0
!
interface Vlan30
 description Cam bien IoT
 ip address 10.70.30.1 255.255.255.0
!
interface Vlan40
 ip address 10.70.40.1 255.255.255.0
!
interface Vlan50
 ip address 10.70.50.1 255.255.255.0
!
interface Vlan60
 ip address 10.70.60.1 255.255.255.0
!
ip route 0.0.0.0 0.0.0.0 203.0.113.17
!
end
"""


# A commune's router on a stick and its L2 access switch (cabling between them is not in
# either config).
IOS_SWITCH = """\
hostname UBND-XA-SW01
!
no ip routing
!
vlan 10
 name CAN-BO
!
vlan 40
 name WIFI-KHACH
!
interface FastEthernet0/1
 description Can bo - Van phong
 switchport access vlan 10
 switchport mode access
!
interface FastEthernet0/10
 description AP Wifi khach
 switchport access vlan 40
 switchport mode access
!
interface GigabitEthernet0/1
 description Trunk len UBND-XA-RT
 switchport mode trunk
!
interface Vlan1
 no ip address
 shutdown
!
end
"""

IOS_ROUTER = """\
hostname UBND-XA-RT
!
interface GigabitEthernet0/0
 description WAN - Viettel FTTH
 ip address 203.0.113.70 255.255.255.252
 ip nat outside
!
interface GigabitEthernet0/1
 description Trunk xuong UBND-XA-SW01
 no ip address
!
interface GigabitEthernet0/1.10
 description Can bo
 encapsulation dot1Q 10
 ip address 10.90.10.1 255.255.255.0
 ip nat inside
!
interface GigabitEthernet0/1.40
 description Wifi khach
 encapsulation dot1Q 40
 ip address 10.90.40.1 255.255.255.0
 ip nat inside
!
ip nat inside source list 1 interface GigabitEthernet0/0 overload
ip route 0.0.0.0 0.0.0.0 203.0.113.69
access-list 1 permit 10.90.0.0 0.0.255.255
!
end
"""


def office(tmp_path, *files: tuple[str, str]):
    """A folder with these configs, and the site.yaml ``netaudit init`` drafts for it."""
    for name, text in files:
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 0
    return load_site(tmp_path / "site.yaml")


def inferred(folder):
    """The inferred site itself (with what each zone was inferred from)."""
    snap = load_snapshot([folder])
    return zones.infer_site(snap.devices, topology.build(snap.devices))


def placed_everywhere(folder, site) -> None:
    """Every drafted reference is one the audit's placement resolves."""
    snap = load_snapshot([folder])
    topo = topology.build(snap.devices, site.links)
    zones.check_references(site, topo)
    placed, _, warnings = zones.resolve(site, topo)
    assert all(p.domains and not p.problems for p in placed), [(p.name, p.problems) for p in placed]
    # The segments the draft leaves commented out (their kind to choose) are in no zone
    # until the user decides: the audit names them (zones.placement.unzoned_segments).
    assert not [w for w in warnings if getattr(w, "key", None) != "warn.unzoned_segments"], warnings


def test_routeros_vlan_on_a_plain_port_is_attached_by_its_interface(tmp_path):
    site = office(tmp_path, ("r3.rsc", ROUTEROS_R3))
    guest = next(z for z in site.zones if z.kind == "guest")
    # Not vlans: ["R3:20"] (no switch VLAN exists: "vlan not found", every cell unknown).
    assert guest.vlans == [] and guest.attach == [("R3", "GUEST")]
    assert [str(s) for s in guest.subnets] == ["10.30.20.0/24"]
    placed_everywhere(tmp_path, site)
    audit = run_audit([tmp_path])
    assert not [c for c in audit.matrix if "guest" in (c.src, c.dst) and c.verdict == "unknown"]


def test_lan_is_a_word_not_letters_inside_vlan_planning_or_lanh(tmp_path):
    site = office(tmp_path, ("r3.rsc", ROUTEROS_R3))
    attached = {a for z in site.zones for a in z.attach}
    # vlan-iot, vlan-voip and "PLANNING - phong Ke hoach" name no zone.
    assert not attached & {("R3", "vlan-iot"), ("R3", "vlan-voip"), ("R3", "ether5")}
    staff = {a for z in site.zones if z.kind == "internal" for a in z.attach}
    assert staff == {("R3", "Luna's"), ("R3", "ether6")}
    why = [w for z in inferred(tmp_path).zones for w in z.inferred_from if "ether6" in w]
    assert why == ["R3:ether6 'Wifi Lanh dao' ~ LANH DAO"]  # leaders' Wi-Fi, by its own words
    # The quoted name came back from YAML as written.
    assert any(("R3", "Luna's") in z.attach for z in site.zones)


def test_fortigate_vlan_interfaces_are_zones_and_their_trunk_is_not(tmp_path):
    site = office(tmp_path, ("FGT-UBND-TANLOC.conf", FORTIGATE))
    by_kind = {}
    for z in site.zones:
        by_kind.setdefault(z.kind, []).extend(a for _, a in z.attach)
    assert by_kind["guest"] == ["WIFI-KHACH"]
    assert by_kind["management"] == ["VL99-QUANTRI"]
    assert by_kind["external"] == ["wan1"]
    assert sorted(by_kind["internal"]) == ["VL10-CANBO", "VL20-PLANNING"]
    assert "port1" not in {a for attach in by_kind.values() for a in attach}  # the trunk carrying them
    # VL20-PLANNING is internal by its FortiGate role only, never by the letters LAN in its name.
    planning = next(z for z in inferred(tmp_path).zones if ("FGT-UBND-TANLOC", "VL20-PLANNING") in z.attach)
    assert planning.inferred_from == ["FGT-UBND-TANLOC:VL20-PLANNING role lan"]
    placed_everywhere(tmp_path, site)


def test_a_port_with_a_dhcp_address_that_also_carries_vlans_is_a_zone(tmp_path):
    """A port whose own untagged segment gets its address by DHCP and that also carries
    VLAN interfaces (a real FGVM 7.6.7 backup: port1 `mode dhcp`, role wan, under
    VLAN10-USR and VLAN20-SRV) is an L3 interface of its own, not only a trunk: the
    Internet zone is drafted there.  Before, it was skipped as a bare VLAN carrier, the
    draft had no Internet zone and what the Internet reaches (a VIP to a server) went
    unchecked."""
    port1 = """    edit "port1"
        set vdom "root"
        set type physical
        set description "LAN trunk toi switch tang 1 - VLAN 10,20,99"
        set role lan
    next
"""
    assert port1 in FORTIGATE
    wan_carrier = FORTIGATE.replace(
        port1,
        """    edit "port1"
        set vdom "root"
        set mode dhcp
        set type physical
        set role wan
    next
""",
    ).replace("set ip 203.0.113.34 255.255.255.252", "set status down")
    site = office(tmp_path, ("FGT-UBND-TANLOC.conf", wan_carrier))
    external = [a for z in site.zones if z.kind == "external" for _, a in z.attach]
    assert external == ["port1"]
    internal = sorted(a for z in site.zones if z.kind == "internal" for _, a in z.attach)
    assert internal == ["VL10-CANBO", "VL20-PLANNING"]
    placed_everywhere(tmp_path, site)


def test_asa_5505_nameif_on_vlan_interfaces(tmp_path):
    site = office(tmp_path, ("fw.cfg", ASA5505))
    assert sorted((z.kind, z.vlans) for z in site.zones) == [
        ("external", [("UBND-XA-DONGHOA-FW", 2)]),  # nameif outside
        ("guest", [("UBND-XA-DONGHOA-FW", 3)]),  # nameif khach
        ("internal", [("UBND-XA-DONGHOA-FW", 1)]),  # nameif inside
    ]
    placed_everywhere(tmp_path, site)


def test_asa_failover_link_and_trunk_parent_are_no_zones(tmp_path):
    site = office(tmp_path, ("fw.cfg", ASA_SO))
    assert {z.kind: z.attach for z in site.zones} == {
        "external": [("SO-NOIVU-FW01", "GigabitEthernet1/1")],
        "internal": [("SO-NOIVU-FW01", "GigabitEthernet1/2.10")],
        "guest": [("SO-NOIVU-FW01", "GigabitEthernet1/2.40")],
        "dmz": [("SO-NOIVU-FW01", "GigabitEthernet1/3")],
        "management": [("SO-NOIVU-FW01", "Management1/1")],
    }
    placed_everywhere(tmp_path, site)


def test_ios_vlan_names_glued_or_not(tmp_path):
    site = office(tmp_path, ("core.cfg", IOS_CORE))
    got = sorted((z.kind, v) for z in site.zones for _, v in z.vlans)
    # CANBO, WIFIKHACH, CONGCONG; not PLANNING, vlan-iot ("Cam bien" is a sensor), vlan-voip.
    assert got == [("guest", 50), ("guest", 60), ("internal", 10)]
    assert not any(a for z in site.zones for a in z.attach if a[1] == "GigabitEthernet1/0/23")  # trunk
    placed_everywhere(tmp_path, site)


def test_router_on_a_stick_is_drafted_and_a_switch_vlan_without_router_is_a_note(tmp_path):
    site = office(tmp_path, ("sw.cfg", IOS_SWITCH), ("rt.cfg", IOS_ROUTER))
    assert {z.name: (z.kind, z.vlans, z.attach) for z in site.zones} == {
        "guest": ("guest", [], [("UBND-XA-RT", "GigabitEthernet0/1.40")]),
        "staff": ("internal", [], [("UBND-XA-RT", "GigabitEthernet0/1.10")]),
        "internet": ("external", [], [("UBND-XA-RT", "GigabitEthernet0/0")]),
    }
    text = (tmp_path / "site.yaml").read_text(encoding="utf-8")
    # The switch's VLANs reach no router in the configs: said in the draft (in Vietnamese
    # by default, as every output), not drafted.
    assert "# ghi chú: UBND-XA-SW01:WIFI-KHACH (guest) không có giao diện router hay địa chỉ nào" in text
    english = cli("init", tmp_path, "-o", "-", "--lang", "en").stdout
    assert "# note: UBND-XA-SW01:WIFI-KHACH (guest) has no router interface" in english
    placed_everywhere(tmp_path, site)


def test_audit_of_an_unreviewed_draft_says_so_in_every_output(tmp_path):
    office(tmp_path, ("r3.rsc", ROUTEROS_R3))
    doc = json.loads(cli("audit", tmp_path, "--format", "json").stdout)
    assert any("still the draft" in w for w in doc["warnings"])
    assert any("vẫn là bản nháp" in w["vi"] for w in doc["warnings_text"])
    assert doc["conclusion"]["verdict"] != PASS
    assert any("still a draft" in r["en"] for r in doc["conclusion"]["reasons"])
    text = cli("audit", tmp_path, "--lang", "vi").stdout
    assert "vẫn là bản nháp" in text
    for fmt in ("md", "html"):
        out = tmp_path / f"r.{fmt}"
        cli("audit", tmp_path, "--format", fmt, "-o", out, "--lang", "vi")
        assert "vẫn là bản nháp" in out.read_text(encoding="utf-8"), fmt
    sarif = json.loads(cli("audit", tmp_path, "--format", "sarif", "--lang", "en").stdout)
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any(n["level"] == "warning" and "still the draft" in n["message"]["text"] for n in notes)
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).parent / "report" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft7Validator(schema).iter_errors(sarif))


def test_site_without_a_guest_zone_is_never_a_silent_pass(tmp_path):
    (tmp_path / "core.cfg").write_text(IOS_CORE, encoding="utf-8")
    (tmp_path / "site.yaml").write_text(
        'unit: "UBND phường Đông Hòa"\nlevel: 2\nzones:\n'
        '  staff: {kind: internal, vlans: ["UBND-PHUONG-CORE:10"]}\n'
        '  internet: {kind: external, attach: ["UBND-PHUONG-CORE:GigabitEthernet1/0/24"]}\n',
        encoding="utf-8",
    )
    audit = run_audit([tmp_path])
    assert any("no guest zone" in w for w in audit.warnings)
    reg = audit.compliance["regimes"][0]
    assert reg["verdict"] != PASS  # (this office also fails; tests/report/test_compliance: check)
    assert any("No guest zone" in r["en"] for r in reg["reasons"])
    assert next(r for r in reg["rows"] if r["id"] == "zone-wireless")["status"] == "check"


@pytest.mark.parametrize(
    "site,where,needle",
    [
        (
            'zones:\n  guest: {kind: guest, attach: ["R3:GUEST"]}\npolcy:\n  - {from: guest, to: guest}\n',
            3,
            "unknown key 'polcy' in the site file (did you mean 'policy'?)",
        ),
        (
            'zones:\n  guest:\n    kind: guest\n    subnet: [10.30.20.0/24]\n    attach: ["R3:GUEST"]\n',
            4,
            "unknown key 'subnet' in zone 'guest' (did you mean 'subnets'?)",
        ),
        (
            'zones:\n  guest:\n    kind: guest\n    attach: ["R3:GUSET"]\n',
            4,
            "no interface 'GUSET' on R3 (did you mean 'GUEST'?)",
        ),
        (
            'zones:\n  guest:\n    kind: guest\n    attach: ["R33:GUEST"]\n',
            4,
            "no device 'R33' in the snapshot (did you mean 'R3'?)",
        ),
        # The old draft's reference: VLAN 20 exists only as the VLAN interface GUEST.
        ('zones:\n  guest:\n    kind: guest\n    vlans: ["R3:20"]\n', 4, 'write attach: ["R3:GUEST"]'),
        (
            'zones:\n  guest:\n    kind: guest\n    vlans:\n      - "R3:20"\n      - "R3:21"\n',
            5,
            'write attach: ["R3:GUEST"]',
        ),
    ],
)
def test_site_typos_stop_the_audit_with_file_line_and_suggestion(tmp_path, site, where, needle):
    (tmp_path / "r3.rsc").write_text(ROUTEROS_R3, encoding="utf-8")
    (tmp_path / "site.yaml").write_text(site, encoding="utf-8")
    p = cli("audit", tmp_path, "--lang", "en")
    assert p.returncode == 2, p.stdout[-500:]
    assert f"site.yaml:{where}: " in p.stderr and needle in p.stderr, p.stderr
    assert len(p.stderr.strip().splitlines()) == 1
    with pytest.raises(InputError):
        run_audit([tmp_path])


def test_segments_nothing_names_are_drafted_commented_for_a_person(tmp_path):
    # An Ubuntu router with enp1s0 … enp6s0 and no descriptions: only the default route
    # says something.  The five office segments are listed, commented out, each with a
    # TODO to choose its kind; uncommented, the draft loads and places every zone.
    folder = Path(__file__).parent.parent / "sample_configs" / "linux-commune-leaky-iptables"
    out = tmp_path / "site.yaml"
    assert main(["init", str(folder), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("# TODO: ubnd-xa-hoa-binh:enp") == 5
    assert "  # zone-enp2s0:\n  #   kind: internal\n  #   subnets: [10.30.10.0/24]\n" in text
    draft = load_site(out)
    assert [z.name for z in draft.zones] == ["internet"]  # commented: no kind is guessed
    uncommented = out.with_name("reviewed.yaml")
    uncommented.write_text(text.replace("  # zone-", "  zone-").replace("  #   ", "    "), encoding="utf-8")
    reviewed = load_site(uncommented)
    assert sorted(z.name for z in reviewed.zones) == [
        "internet", "zone-enp2s0", "zone-enp3s0", "zone-enp4s0", "zone-enp5s0", "zone-enp6s0",
    ]  # fmt: skip
    snap = load_snapshot([folder])
    zones.check_references(reviewed, topology.build(snap.devices))


def test_undecided_zones_of_two_devices_get_different_names(tmp_path):
    """JohnB83435/My_OTUS R14/R15: both uplinks Ethernet0/2 drafted as `zone-ethernet0-2`;
    uncommented as the draft says, the site file stopped on a key given twice.  The TODO
    also said "no description" of ports described Link_to_R22 / Link_to_R21."""
    import yaml

    from netaudit.zones import site_from_dict

    for name, peer, net in (("R14", "R22", "10.10.0.5"), ("R15", "R21", "10.10.0.29")):
        (tmp_path / f"{name}.cfg").write_text(
            f"hostname {name}\ninterface Ethernet0/2\n description Link_to_{peer}\n"
            f" ip address {net} 255.255.255.252\nend\n"
        )
    out = cli("init", tmp_path, "-o", "-", "--lang", "en").stdout
    assert "# TODO: R14:Ethernet0/2 — its description 'Link_to_R22' says nothing netaudit recognises" in out
    vi = cli("init", tmp_path, "-o", "-").stdout
    assert "# TODO: R14:Ethernet0/2 — mô tả 'Link_to_R22' không cho netaudit biết đoạn mạng này phục vụ gì" in vi
    # uncommented as told, the draft is a valid site file with two zones
    lines = [
        ln.replace("# ", "", 1) if ln.startswith("  #   ") or ln.startswith("  # zone-") else ln
        for ln in out.splitlines()
    ]
    doc = yaml.safe_load("\n".join(ln for ln in lines if not ln.lstrip().startswith("#")).replace("{}", ""))
    site = site_from_dict(doc)
    assert sorted(z.name for z in site.zones) == ["zone-ethernet0-2", "zone-r15-ethernet0-2"]


def test_dhcp_pools_and_address_comments_name_their_segment(tmp_path):
    """A guest VLAN known only by its DHCP server (RouterOS ``name=guest-dhcp``, a DHCP
    network ``comment="Wifi khach"``) or its IOS ``ip dhcp pool WIFI-KHACH``: init drafted
    an undecided zone for it (and, with no other hint, no guest zone at all)."""
    import yaml

    ros, ios = tmp_path / "ros", tmp_path / "ios"
    ros.mkdir()
    ios.mkdir()
    (ros / "r.rsc").write_text(
        "# 2024-03-12 10:21:33 by RouterOS 7.14.1\n/interface bridge add name=br vlan-filtering=yes\n"
        "/interface vlan add interface=br name=vlan40 vlan-id=40\n/interface vlan add interface=br name=vlan10 vlan-id=10\n"
        "/interface bridge vlan add bridge=br tagged=br vlan-ids=10,40\n"
        "/ip pool add name=pool40 ranges=10.0.40.10-10.0.40.200\n"
        "/ip dhcp-server add address-pool=pool40 interface=vlan40 name=guest-dhcp\n"
        "/ip address add address=10.0.40.1/24 interface=vlan40\n"
        '/ip address add address=10.0.10.1/24 comment="Can bo UBND" interface=vlan10\n'
        "/system identity set name=R1\n"
    )
    (ios / "r.cfg").write_text(
        "hostname R1\n!\nip dhcp pool WIFI-KHACH\n network 10.0.40.0 255.255.255.0\n default-router 10.0.40.1\n!\n"
        "ip dhcp pool CANBO\n network 10.0.10.0 /24\n!\ninterface GigabitEthernet0/1\n ip address 10.0.40.1 255.255.255.0\n"
        "!\ninterface GigabitEthernet0/2\n ip address 10.0.10.1 255.255.255.0\n!\nend\n"
    )
    for folder in (ros, ios):
        draft = yaml.safe_load(cli("init", folder, "-o", "-").stdout)
        kinds = {z["kind"]: z["subnets"] for z in draft["zones"].values()}
        assert kinds == {"guest": ["10.0.40.0/24"], "internal": ["10.0.10.0/24"]}, (folder, draft["zones"])


def test_a_site_to_site_tunnel_is_drafted_as_a_zone_behind_it(tmp_path):
    """An IOS crypto map to the province (ACL 110: 10.10.0.0/16 -> 10.100.0.0/16): the
    draft has a wan zone of the networks the ACL sends into the tunnel, behind the WAN port
    (``via: tunnel``), so the audit of the draft has the province on its own row instead
    of inside the Internet; it loads back and is placed (no zone problem)."""
    cfg = Path(__file__).parent / "fixtures" / "cisco_ios" / "commune-s2s-vpn.cfg"
    site = office(tmp_path, ("rt.cfg", cfg.read_text(encoding="utf-8")))
    (vpn,) = [z for z in site.zones if z.via == "tunnel"]
    assert (vpn.name, vpn.kind, [str(s) for s in vpn.subnets]) == ("vpn-203-113-135-20", "wan", ["10.100.0.0/16"])
    assert vpn.attach == [("UBND-XA-ANBINH-RT", "GigabitEthernet0/0/0")]
    assert "crypto map VPN 10" in (tmp_path / "site.yaml").read_text(encoding="utf-8")
    audit = run_audit([tmp_path])
    placed = {p.name: p for p in audit.zones}
    assert placed[vpn.name].tunnels and not placed[vpn.name].problems
    got = {(c.src, c.dst): c.verdict for c in audit.matrix}
    assert got[("staff", vpn.name)] == "reachable" and got[("internet", vpn.name)] == "blocked"


@pytest.mark.parametrize(
    "acl",
    [
        "access-list 110 permit ip 10.10.0.0 0.0.255.255 any",  # the remote side is everything
        "access-list 110 permit ip 10.10.0.0 0.0.255.255 10.100.0.0 0.0.255.0",  # not a prefix
    ],
)
def test_a_tunnel_whose_remote_side_is_not_prefixes_is_not_drafted(tmp_path, acl):
    cfg = Path(__file__).parent / "fixtures" / "cisco_ios" / "commune-s2s-vpn.cfg"
    text = cfg.read_text(encoding="utf-8")
    old = "access-list 110 permit ip 10.10.0.0 0.0.255.255 10.100.0.0 0.0.255.255"
    assert old in text
    site = office(tmp_path, ("rt.cfg", text.replace(old, acl)))
    assert not [z for z in site.zones if z.via == "tunnel"]


ROUTEROS_WORDS = """\
# 2026-03-11 09:12:44 by RouterOS 7.16
/interface bridge
add name=bridge-main
add name=bridge-byod
/interface vlan
add interface=bridge-main name=vlan80-employees vlan-id=80
/ip address
add address=192.168.90.1/24 interface=bridge-main network=192.168.90.0
add address=192.168.91.1/24 interface=bridge-byod network=192.168.91.0
add address=192.168.80.1/24 interface=vlan80-employees network=192.168.80.0
/ip pool
add name=pool-main ranges=192.168.90.10-192.168.90.250
/ip dhcp-server
add address-pool=pool-main interface=bridge-main name=main-dhcp-server
/system identity
set name=anna
"""


def test_a_dhcp_servers_own_name_is_no_server_zone_and_byod_is_untrusted(tmp_path):
    """ "main-dhcp-server" names a DHCP server, not a server segment (a real v7 export's
    main LAN was drafted as a server zone); people's own devices (BYOD) are drafted as
    untrusted as visitors; "employees" are staff."""
    (tmp_path / "anna.rsc").write_text(ROUTEROS_WORDS, encoding="utf-8")
    kinds = {a: z.kind for z in inferred(tmp_path).zones for a in z.attach}
    assert ("anna", "bridge-main") not in kinds  # no hint left: the reviewer decides
    assert kinds[("anna", "bridge-byod")] == "guest"
    assert kinds[("anna", "vlan80-employees")] == "internal"


ASA_VOIP = """\
ASA Version 9.8(4)
hostname FW-UBND
interface GigabitEthernet1/1
 nameif outside
 security-level 0
 ip address 203.0.113.2 255.255.255.252
interface GigabitEthernet1/2
 nameif inside
 security-level 100
 ip address 192.168.0.1 255.255.254.0
interface GigabitEthernet1/3
 nameif VOIP
 security-level 100
 ip address 172.16.0.1 255.255.255.0
route outside 0.0.0.0 0.0.0.0 203.0.113.1 1
"""


def test_a_name_that_says_no_kind_is_quoted_in_the_todo(tmp_path, capsys):
    """``nameif VOIP`` is a name, not one of a kind's words: the draft leaves the zone to
    the reviewer and quotes the name — not "no name … says what it serves"."""
    (tmp_path / "fw.cfg").write_text(ASA_VOIP, encoding="utf-8")
    assert main(["init", str(tmp_path), "-o", "-", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "# TODO: FW-UBND:GigabitEthernet1/3 — its name 'VOIP' says nothing netaudit recognises" in out


# A commune router as a technician exports it: the ISP modem hands the WAN its address by
# DHCP (no default route from it), a static default through the modem, masquerade out of
# ether1, no interface list named WAN; a hairpin masquerade for the office's camera
# recorder on the LAN, and one out of a WireGuard tunnel to the province.
ROUTEROS_MASQ = """\
# 2026-10-01 10:00:00 by RouterOS 7.14
# model = RB750Gr3
/interface bridge
add name=bridge1
/interface wireguard
add listen-port=13231 name=wg-tinh
/interface bridge port
add bridge=bridge1 interface=ether2
add bridge=bridge1 interface=ether3
/ip address
add address=192.168.88.1/24 interface=bridge1
add address=10.255.7.2/30 interface=wg-tinh
/ip dhcp-client
add add-default-route=no interface=ether1
/ip route
add gateway=100.64.12.1
/ip firewall nat
add action=masquerade chain=srcnat out-interface=ether1
add action=masquerade chain=srcnat dst-address=192.168.88.20 out-interface=bridge1 src-address=192.168.88.0/24
add action=masquerade chain=srcnat out-interface=wg-tinh
/system identity
set name=UBND-Xa-Tan-Lap
"""


def test_the_interface_masquerade_leaves_through_faces_the_internet(tmp_path):
    """The default route's gateway lies in the DHCP-given subnet (not known before run
    time): the masquerade out of ether1 says where the Internet is.  A hairpin masquerade
    toward a LAN server and one into a tunnel say nothing of the kind."""
    (tmp_path / "r.rsc").write_text(ROUTEROS_MASQ, encoding="utf-8")
    site = inferred(tmp_path)
    external = [z for z in site.zones if z.kind == "external"]
    assert [z.attach for z in external] == [[("UBND-Xa-Tan-Lap", "ether1")]]
    why = " ".join(str(w) for w in external[0].inferred_from)
    assert "source-NATed to its own address" in why
    assert all(("UBND-Xa-Tan-Lap", "bridge1") not in z.attach for z in external)
    assert all(("UBND-Xa-Tan-Lap", "wg-tinh") not in z.attach for z in external)


def test_an_internet_zone_without_attach_is_placed_where_masquerade_leaves(tmp_path):
    """The audit's own reading of the same fact: an external zone the site file does not
    attach is placed at the interface a masquerade leaves by, not left unplaced."""
    (tmp_path / "r.rsc").write_text(ROUTEROS_MASQ, encoding="utf-8")
    (tmp_path / "site.yaml").write_text(
        "unit: UBND xa Tan Lap\nlevel: 2\nzones:\n"
        "  lan: {kind: internal, subnets: [192.168.88.0/24]}\n"
        "  internet: {kind: external}\n",
        encoding="utf-8",
    )
    audit = run_audit([tmp_path / "r.rsc"], tmp_path / "site.yaml")
    internet = next(z for z in audit.zones if z.name == "internet")
    assert internet.placed and [str(t) for t in internet.attached] == [
        f"UBND-Xa-Tan-Lap:ether1 — packets leaving it are source-NATed to its own address ({tmp_path / 'r.rsc'}:18)"
    ]
    # No firewall: the ISP's side reaches the LAN (unplaced, the cell would be unknown).
    cell = next(c for c in audit.matrix if (c.src, c.dst) == ("internet", "lan"))
    assert cell.verdict == "reachable"


def test_a_masquerade_that_names_no_interface_says_nothing_of_the_internet(tmp_path):
    """``action=masquerade`` without out-interface translates out of every interface (one
    NAT rule each, the LAN's too): it names no exit, so no interface is taken for the
    Internet by it — the LAN bridge, named by nothing, stays a segment for the reviewer."""
    text = ROUTEROS_MASQ.replace(
        "add action=masquerade chain=srcnat out-interface=ether1\n", "add action=masquerade chain=srcnat\n"
    )
    (tmp_path / "r.rsc").write_text(text, encoding="utf-8")
    from netaudit.topology import nat_exits

    snap = load_snapshot([tmp_path])
    assert "ether1" not in nat_exits(snap.devices[0]) and "bridge1" not in nat_exits(snap.devices[0])
    site = inferred(tmp_path)
    assert not [z for z in site.zones if z.kind == "external" and ("UBND-Xa-Tan-Lap", "bridge1") in z.attach]


ROUTEROS_PRIVATE_LINK = """\
# 2026-11-20 10:02:11 by RouterOS 6.47.10
/interface ethernet
set [ find default-name=ether1 ] name=ether1-VNPT
set [ find default-name=ether2 ] name=ether2-LAN
set [ find default-name=ether3 ] name=ether3-KET-NOI-TINH
/ip address
add address=203.0.113.2/30 interface=ether1-VNPT
add address=192.168.10.1/24 interface=ether2-LAN
add address=172.21.6.6/30 interface=ether3-KET-NOI-TINH
/ip firewall mangle
add action=mark-routing chain=prerouting dst-address=172.21.21.0/24 new-routing-mark=TINH passthrough=no
/ip firewall nat
add action=masquerade chain=srcnat out-interface=ether1-VNPT
/ip route
add distance=1 gateway=203.0.113.1
add distance=1 gateway=172.21.6.5 routing-mark=TINH
/system identity
set name=UBND-XA
"""


def test_a_routing_tables_default_route_is_no_internet_exit(tmp_path):
    """The default route of a policy-routing table leads the packets marked for it only —
    here to the province's private link (ket noi tinh), as often a private WAN as an ISP's —
    so the draft puts the Internet on the main table's exit alone, as topology.exits
    reads it (a real revenue office's export drafted its registry link as the Internet)."""
    site = office(tmp_path, ("gw.rsc", ROUTEROS_PRIVATE_LINK))
    [internet] = [z for z in site.zones if z.kind == "external"]
    assert internet.attach == [("UBND-XA", "ether1-VNPT")]


def test_a_firewall_security_zone_named_trust_or_untrust_is_drafted_by_that_name(tmp_path):
    """An SRX left on its factory zones (`trust` on the LAN, `untrust` on the WAN) drafts the
    LAN as the staff zone (was: a commented-out segment to classify by hand); the same word
    inside another name says nothing ("no-trust", "all-trust" are an ASA's nameif for anything)."""
    from netaudit.zones.infer import classify

    src = ROOT / "tests" / "fixtures" / "juniper_junos" / "srx300-mac-dinh.conf"
    site = office(tmp_path, ("srx.conf", src.read_text(encoding="utf-8")))
    staff = next(z for z in site.zones if z.kind == "internal")
    assert [str(s) for s in staff.subnets] == ["192.168.2.0/24"]
    assert [z.kind for z in site.zones if z.name == "internet"] == ["external"]
    placed_everywhere(tmp_path, site)
    assert classify("Trust") == ("internal", "staff", "TRUST")
    assert classify("untrust") == ("external", "internet", "UNTRUST")
    assert classify("no-trust") is None and classify("all-trust") is None
