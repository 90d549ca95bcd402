"""``netaudit init`` (netaudit/zones/infer.py): which names and hints draft which zone.

DHCP server, pool and section names glued to a keyword; FortiGate switch ports (no
interface of their own), chassis labels against aliases, roles against names; Vietnamese
names written without diacritics.  Fixtures are real-looking exports."""

from __future__ import annotations

import json

import pytest
import yaml

from netaudit import topology, zones
from netaudit.audit import run_audit
from netaudit.inputs import load_snapshot
from netaudit.zones.infer import classify


def draft(tmp_path, name: str, text: str) -> tuple[zones.Site, str]:
    """The site ``netaudit init`` drafts for one config, and the draft as written."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    snap = load_snapshot([tmp_path])
    site = zones.infer_site(snap.devices, topology.build(snap.devices))
    return site, zones.site_to_yaml(site, "en")


def kinds(site: zones.Site) -> dict[str, str]:
    """Attached interface (or VLAN) → the kind of the zone drafted on it."""
    out = {}
    for z in site.zones:
        out.update({ifn: z.kind for _, ifn in z.attach})
        out.update({f"vlan{v}": z.kind for _, v in z.vlans})
    return out


# --------------------------------------------------------------------------- DHCP names


# A hAP ac² of a commune: the Wi-Fi for citizens on ether5, known only by its DHCP server's
# name (glued: "dhcpkhach") and its pool's name ("guestpool").
ROUTEROS_DHCP = """\
# 2024-05-02 14:03:11 by RouterOS 7.12.1
# software id = 3FQ2-KX9A
#
# model = RBD52G-5HacD2HnD
# serial number = HCK08QW1ZP3
/interface bridge
add admin-mac=48:8F:5A:11:22:33 auto-mac=no name=bridge-lan
/interface list
add name=WAN
/interface bridge port
add bridge=bridge-lan interface=ether2
add bridge=bridge-lan interface=ether3
/interface list member
add interface=ether1 list=WAN
/ip pool
add name=pool-canbo ranges=192.168.10.100-192.168.10.200
add name=guestpool ranges=192.168.20.100-192.168.20.250
/ip dhcp-server
add address-pool=pool-canbo interface=bridge-lan name=dhcp1
add address-pool=guestpool interface=ether5 lease-time=1h name=dhcpkhach
/ip address
add address=192.168.10.1/24 comment="Can bo UBND" interface=bridge-lan network=192.168.10.0
add address=192.168.20.1/24 interface=ether5 network=192.168.20.0
/ip dhcp-client
add interface=ether1
/ip firewall nat
add action=masquerade chain=srcnat out-interface-list=WAN
/system identity
set name=UBND-XA-PHUOCLOC
"""

IOS_DHCP = """\
hostname UBND-XA-RT01
!
ip dhcp excluded-address 10.1.40.1 10.1.40.10
!
ip dhcp pool POOLCANBO
 network 10.1.10.0 255.255.255.0
 default-router 10.1.10.1
!
ip dhcp pool DHCPKHACH
 network 10.1.40.0 255.255.255.0
 default-router 10.1.40.1
 dns-server 8.8.8.8
!
interface GigabitEthernet0/0
 description Internet Viettel
 ip address 203.0.113.10 255.255.255.252
 ip nat outside
!
interface GigabitEthernet0/1
 ip address 10.1.10.1 255.255.255.0
 ip nat inside
!
interface GigabitEthernet0/2
 ip address 10.1.40.1 255.255.255.0
 ip nat inside
!
ip route 0.0.0.0 0.0.0.0 203.0.113.9
!
end
"""

# OpenWrt 23.05: the second network is called lan2, its DHCP section 'wifikhach'.
OPENWRT_DHCP = """\
package dhcp

config dnsmasq
	option domainneeded '1'
	option localservice '1'

config dhcp 'lan'
	option interface 'lan'
	option start '100'
	option limit '150'
	option leasetime '12h'

config dhcp 'wifikhach'
	option interface 'lan2'
	option start '50'
	option limit '200'
	option leasetime '1h'

config dhcp 'wan'
	option interface 'wan'
	option ignore '1'

package network

config interface 'loopback'
	option device 'lo'
	option proto 'static'
	option ipaddr '127.0.0.1'
	option netmask '255.0.0.0'

config device
	option name 'br-lan'
	option type 'bridge'
	list ports 'lan1'
	list ports 'lan2'

config interface 'lan'
	option device 'br-lan'
	option proto 'static'
	option ipaddr '192.168.1.1'
	option netmask '255.255.255.0'

config interface 'lan2'
	option device 'lan3'
	option proto 'static'
	option ipaddr '192.168.3.1'
	option netmask '255.255.255.0'

config interface 'wan'
	option device 'wan'
	option proto 'dhcp'

package system

config system
	option hostname 'UBND-XA-BINHAN'
	option timezone 'ICT-7'
"""


@pytest.mark.parametrize(
    "name,text,guest",
    [
        ("r.rsc", ROUTEROS_DHCP, "ether5"),  # dhcp-server name=dhcpkhach, pool guestpool
        ("r.cfg", IOS_DHCP, "GigabitEthernet0/2"),  # ip dhcp pool DHCPKHACH
        ("r.txt", OPENWRT_DHCP, "lan3"),  # config dhcp 'wifikhach' for network lan2 (device lan3)
    ],
)
def test_dhcp_server_and_pool_names_draft_the_guest_zone(tmp_path, name, text, guest):
    site, _ = draft(tmp_path, name, text)
    got = kinds(site)
    assert got[guest] == "guest", got
    assert [z.kind for z in site.zones].count("guest") == 1
    why = [w for z in site.zones if z.kind == "guest" for w in z.inferred_from]
    assert any("DHCP or address name" in w and ("~ KHACH" in w or "~ GUEST" in w) for w in why), why


def test_openwrt_dhcp_section_name_is_a_segment_name(tmp_path):
    (tmp_path / "r.txt").write_text(OPENWRT_DHCP, encoding="utf-8")
    dev = load_snapshot([tmp_path]).devices[0]
    named = {n: i.segment_names for n, i in dev.interfaces.items() if i.segment_names}
    # 'lan' and 'wan' are the names of the networks they serve: nothing new.
    assert named == {"lan3": ["wifikhach"]}  # the device of network lan2


# --------------------------------------------------------------------------- FortiGate


# A FortiGate 60E of a district office: internal1-4 and the port labelled "dmz" are all in
# the "internal" hardware switch (one segment, 192.168.1.0/24); "dmz" keeps its factory
# role; internal3 is described as where the old web server is plugged.
FGT_SWITCH = """\
#config-version=FGT60E-6.4.11-FW-build2030-221212:opmode=0:vdom=0:user=admin
#conf_file_ver=4213376541198826
#buildno=2030
#global_vdom=1
config system global
    set hostname "FGT60E-UBND-HUYEN"
    set timezone 60
end
config system interface
    edit "wan1"
        set vdom "root"
        set ip 113.160.22.18 255.255.255.248
        set allowaccess ping
        set type physical
        set role wan
        set alias "Internet VNPT"
    next
    edit "dmz"
        set vdom "root"
        set type physical
        set role dmz
    next
    edit "internal"
        set vdom "root"
        set ip 192.168.1.99 255.255.255.0
        set allowaccess ping https ssh
        set type hard-switch
        set stp enable
        set role lan
    next
    edit "internal1"
        set vdom "root"
        set type physical
    next
    edit "internal2"
        set vdom "root"
        set type physical
    next
    edit "internal3"
        set vdom "root"
        set type physical
        set alias "DMZ cu - may chu web"
    next
    edit "internal4"
        set vdom "root"
        set type physical
    next
end
config system virtual-switch
    edit "internal"
        set physical-switch "sw0"
        config port
            edit "internal1"
            next
            edit "internal2"
            next
            edit "internal3"
            next
            edit "internal4"
            next
            edit "dmz"
            next
        end
    next
end
config firewall policy
    edit 1
        set name "LAN-Internet"
        set srcintf "internal"
        set dstintf "wan1"
        set action accept
        set srcaddr "all"
        set dstaddr "all"
        set schedule "always"
        set service "ALL"
{nat_line}    next
end
config router static
    edit 1
        set gateway 113.160.22.17
        set device "wan1"
    next
end
"""


def test_fortigate_switch_port_label_and_role_draft_no_zone(tmp_path):
    site, text = draft(tmp_path, "fgt.conf", FGT_SWITCH)
    got = kinds(site)
    # Not a dmz zone on the port labelled dmz: it is a port of the internal switch.
    assert "dmz" not in got and "dmz" not in {z.kind for z in site.zones}
    assert got["internal"] == "internal" and got["wan1"] == "external"
    # What a person wrote on a switch port still says what is plugged there: drafted on
    # it, in the switch's segment (the note says they share it).
    assert got["internal3"] == "server"
    assert "# note: zones servers, staff share one L2 domain" in text
    # internal1 … internal4 are the switch's own ports: their labels add nothing.
    assert not [w for z in site.zones for w in z.inferred_from if "internal1" in w or "internal4" in w]
    # The label and the role set aside are told to the reviewer at the top of the draft.
    assert (
        "# note: FGT60E-UBND-HUYEN:dmz is a port of switch internal, with no interface of its own: "
        "its role dmz (suggests dmz) is not used — its hosts are in internal's segment, drafted as "
        "internal, server"
    ) in text
    assert "its name (suggests dmz) is not used" in text
    # Audited without a site file, no dmz zone claims the staff segment.
    audit = run_audit([tmp_path])
    assert "dmz" not in {z.name for z in audit.zones}


# A FortiGate 100F: physical ports keep their chassis label (dmz, wan2) but serve what
# their alias says.
FGT_LABELS = """\
#config-version=FG100F-7.2.5-FW-build1517-230606:opmode=0:vdom=0:user=admin
#conf_file_ver=86230711820164
#buildno=1517
#global_vdom=1
config system global
    set hostname "FGT-UBND-TINH"
    set timezone 60
end
config system interface
    edit "wan1"
        set vdom "root"
        set ip 203.113.131.2 255.255.255.248
        set allowaccess ping
        set type physical
        set role wan
    next
    edit "wan2"
        set vdom "root"
        set ip 10.60.2.1 255.255.255.0
        set allowaccess ping
        set type physical
        set alias "Noi bo tang 2"
        set role lan
    next
    edit "dmz"
        set vdom "root"
        set ip 10.60.9.1 255.255.255.0
        set type physical
        set alias "Camera giam sat"
        set role lan
    next
end
config router static
    edit 1
        set gateway 203.113.131.1
        set device "wan1"
    next
end
"""


def test_fortigate_port_label_yields_to_its_alias(tmp_path):
    site, text = draft(tmp_path, "fgt.conf", FGT_LABELS)
    got = kinds(site)
    # Before: wan2 drafted internet (WAN came first in kind order), dmz drafted dmz.
    assert got == {"wan1": "external", "wan2": "internal", "dmz": "camera"}
    # The label is still the only word on wan1, with its role and the default route.
    wan1 = next(z for z in site.zones if z.kind == "external")
    assert "FGT-UBND-TINH:wan1 (port label) ~ WAN" in wan1.inferred_from
    assert "note:" not in text  # role lan fits a camera and a staff network


def fgt_port2(alias: str, role: str, default_route: bool, nat: bool = False) -> str:
    """A FortiGate whose port2 faces a MikroTik: ``alias`` and ``role`` as given, the
    default route through it or only a route to the MikroTik's office LAN, the staff
    policy toward it with NAT to port2's address or without."""
    dst = "" if default_route else "        set dst 10.99.0.0 255.255.0.0\n"
    nat_line = "        set nat enable\n" if nat else ""
    return f"""\
#config-version=FG100F-7.2.5-FW-build1517-230606:opmode=0:vdom=0:user=admin
#conf_file_ver=86230711820164
#buildno=1517
#global_vdom=1
config system global
    set hostname "FGT-SOTTTT"
    set timezone 60
end
config system interface
    edit "port1"
        set vdom "root"
        set ip 10.10.10.1 255.255.255.0
        set allowaccess ping https ssh
        set type physical
        set alias "LAN_CANBO"
        set role lan
    next
    edit "port2"
        set vdom "root"
        set ip 172.16.1.2 255.255.255.252
        set allowaccess ping
        set type physical
        set alias "{alias}"
        set role {role}
    next
end
config firewall policy
    edit 1
        set name "CANBO-RA-MK"
        set srcintf "port1"
        set dstintf "port2"
        set action accept
        set srcaddr "all"
        set dstaddr "all"
        set schedule "always"
        set service "ALL"
{nat_line}    next
end
config router static
    edit 1
{dst}        set gateway 172.16.1.1
        set device "port2"
    next
end
"""


@pytest.mark.parametrize(
    "alias,role,default_route,nat,kind,note",
    [
        (
            "WAN_MK",
            "lan",
            True,
            False,
            "external",
            "FGT-SOTTTT: port2 role lan suggests internal but port2 'WAN_MK' ~ WAN suggests external: "
            "drafted as external (the traffic leaves there: port2 carries the default route)",
        ),
        (
            "WAN_MK",
            "lan",
            False,
            False,
            "external",
            "FGT-SOTTTT: port2 role lan suggests internal but port2 'WAN_MK' ~ WAN suggests external: "
            "drafted as external (names decide over the role)",
        ),
        (
            "LAN_MK",
            "wan",
            True,
            False,
            "external",
            "FGT-SOTTTT: port2 role wan suggests external but port2 'LAN_MK' ~ LAN suggests internal: "
            "drafted as external (the traffic leaves there: port2 carries the default route)",
        ),
        (
            "LAN_MK",
            "wan",
            False,
            False,
            "internal",
            "FGT-SOTTTT: port2 role wan suggests external but port2 'LAN_MK' ~ LAN suggests internal: "
            "drafted as internal (names decide over the role)",
        ),
        (  # the staff policy NATs to port2's address: the traffic leaves there
            "LAN_MK",
            "wan",
            False,
            True,
            "external",
            "FGT-SOTTTT: port2 role wan suggests external but port2 'LAN_MK' ~ LAN suggests internal: "
            "drafted as external (the traffic leaves there: packets leaving port2 are source-NATed to its own "
            "address (masquerade / PAT))",
        ),
        (
            "WAN_MK",
            "lan",
            True,
            True,
            "external",
            "FGT-SOTTTT: port2 role lan suggests internal but port2 'WAN_MK' ~ WAN suggests external: "
            "drafted as external (the traffic leaves there: port2 carries the default route; packets leaving "
            "port2 are source-NATed to its own address (masquerade / PAT))",
        ),
    ],
)
def test_fortigate_role_against_alias_is_drafted_with_a_note(tmp_path, alias, role, default_route, nat, kind, note):
    site, text = draft(tmp_path, "fgt.conf", fgt_port2(alias, role, default_route, nat))
    assert kinds(site)["port2"] == kind
    assert f"# note: {note} — confirm which side of the firewall port2 faces\n" in text
    assert text.count("# note:") == 1  # port1: role lan and LAN_CANBO agree
    assert site.notes and all(n in text for n in site.notes)


def test_fortigate_role_picks_among_names_that_disagree(tmp_path):
    """Found on a real FortiOS 6.0 SD-WAN spoke: the hardware switch 'lan-Wi-Fi' (~ LAN),
    aliased 'INTERNET' (the Wi-Fi that only goes to the Internet), role lan, no route or
    NAT leaving there.  It was drafted as the Internet zone (kind order), so the audit of
    the draft reported the Wi-Fi clients pinging the FortiGate as a critical
    'internet → @devices'; the role now picks among the kinds the names give."""
    text = fgt_port2("WAN_MK", "wan", True, True).replace(
        '    edit "port2"',
        '    edit "lan-Wi-Fi"\n        set vdom "root"\n        set ip 10.20.0.1 255.255.255.0\n'
        '        set type hard-switch\n        set alias "INTERNET"\n        set role lan\n    next\n    edit "port2"',
    )
    site, yaml_text = draft(tmp_path, "fgt.conf", text)
    assert kinds(site)["lan-Wi-Fi"] == "internal"
    assert kinds(site)["port2"] == "external"
    assert (
        "# note: FGT-SOTTTT: lan-Wi-Fi role lan suggests internal but lan-Wi-Fi 'INTERNET' ~ INTERNET suggests "
        "external: drafted as internal (the names disagree, the role picks among them)"
    ) in yaml_text


# --------------------------------------------------------------------------- Vietnamese


@pytest.mark.parametrize(
    "name,kind",
    [
        # without diacritics, glued, dashed, underscored, CamelCase
        ("noi-bo", "internal"),
        ("NOIBO", "internal"),
        ("VLAN10_NoiBo", "internal"),
        ("nhan-vien", "internal"),
        ("NHANVIEN", "internal"),
        ("Wifi CBCC", "internal"),  # cán bộ công chức
        ("vien-chuc", "internal"),
        ("CCVC-tang3", "internal"),
        ("quan-tri", "management"),
        ("quantri", "management"),
        ("VLAN99-MGT", "management"),
        ("quan-ly-thiet-bi", "management"),
        ("QuanLyMang", "management"),
        ("camera", "camera"),
        ("DVR-tang1", "camera"),
        ("giamsat", "camera"),
        ("khach", "guest"),
        ("wifi-khach", "guest"),
        ("dhcpkhach", "guest"),
        ("Wifi Mien Phi", "guest"),
        ("mot-cua", "kiosk"),
        ("motcua", "kiosk"),
        ("BP1Cua", "kiosk"),  # bộ phận 1 cửa
        ("BPMC", "kiosk"),
        ("tiep-nhan-tra-ket-qua", "kiosk"),
        ("TT-HanhChinhCong", "kiosk"),
        ("nha-mang-CMC", "external"),
        ("Mobifone", "external"),
        # not these
        ("phong-quan-ly-do-thi", None),  # the urban management department: staff, unnamed here
        ("cam-bien", None),  # a sensor
        ("ket noi TTDL tinh", None),  # the link to the province's data centre
    ],
)
def test_vietnamese_names_without_diacritics(name, kind):
    hit = classify(name)
    assert (hit[0] if hit else None) == kind, (name, hit)


ASA_NAMEIF = """\
: Saved
:
: Serial Number: JAD21450AB1
: Hardware:   ASA5506, 4096 MB RAM, CPU Atom C2000 series 1250 MHz, 1 CPU (4 cores)
:
ASA Version 9.8(4)40
!
hostname UBND-HUYEN-FW
names
!
interface GigabitEthernet1/1
 nameif outside
 security-level 0
 ip address 203.0.113.98 255.255.255.252
!
interface GigabitEthernet1/2
 nameif noibo
 security-level 100
 ip address 10.30.10.1 255.255.255.0
!
interface GigabitEthernet1/3
 nameif motcua
 security-level 60
 ip address 10.30.30.1 255.255.255.0
!
interface GigabitEthernet1/4
 nameif quantri
 security-level 90
 ip address 10.30.99.1 255.255.255.0
!
interface GigabitEthernet1/5
 nameif khach
 security-level 10
 ip address 10.30.40.1 255.255.255.0
!
interface GigabitEthernet1/6
 description Camera an ninh - dau ghi DVR
 nameif giamsat
 security-level 50
 ip address 10.30.50.1 255.255.255.0
!
interface GigabitEthernet1/7
 nameif bp1cua
 security-level 60
 ip address 10.30.31.1 255.255.255.0
!
route outside 0.0.0.0 0.0.0.0 203.0.113.97 1
: end
"""


def test_asa_nameifs_without_diacritics(tmp_path):
    site, _ = draft(tmp_path, "fw.cfg", ASA_NAMEIF)
    assert kinds(site) == {
        "GigabitEthernet1/1": "external",
        "GigabitEthernet1/2": "internal",
        "GigabitEthernet1/3": "kiosk",
        "GigabitEthernet1/4": "management",
        "GigabitEthernet1/5": "guest",
        "GigabitEthernet1/6": "camera",
        "GigabitEthernet1/7": "kiosk",
    }


def test_draft_comments_are_in_the_language_asked(tmp_path):
    """What each zone was inferred from and the reviewer's notes are catalogue texts: in
    Vietnamese by default (``netaudit init``), in English with ``--lang en``; names
    quoted from the configuration stay as written."""
    site, english = draft(tmp_path, "fgt.conf", fgt_port2("WAN_MK", "lan", True))
    vi = zones.site_to_yaml(site, "vi")
    assert (
        "# ghi chú: FGT-SOTTTT: port2 có role lan gợi ý internal nhưng port2 'WAN_MK' ~ WAN gợi ý external: "
        "nháp là external (lưu lượng ra ở đó: port2 là lối ra của tuyến mặc định) — xác nhận port2 nhìn về "
        "phía nào của tường lửa\n"
    ) in vi
    assert "  # suy ra từ: FGT-SOTTTT:port2 là lối ra của tuyến mặc định\n" in vi
    assert "  # inferred from: FGT-SOTTTT:port2 carries the default route\n" in english
    assert "# inferred from:" not in vi and "# note:" not in vi
    # the zones themselves are the same whatever the language
    assert yaml.safe_load(vi) == yaml.safe_load(english)


def test_audit_without_site_file_says_in_each_language_what_zones_were_inferred_from(tmp_path):
    from netaudit.report import RenderOptions, render

    (tmp_path / "fgt.conf").write_text(fgt_port2("WAN_MK", "lan", True), encoding="utf-8")
    audit = run_audit([tmp_path], None)
    doc = json.loads(render(audit, "json", RenderOptions(lang="vi")))
    zone = next(z for z in doc["zones"] if "FGT-SOTTTT:port2 carries the default route" in z["inferred_from"])
    i = zone["inferred_from"].index("FGT-SOTTTT:port2 carries the default route")
    assert zone["inferred_from_text"][i] == {
        "vi": "FGT-SOTTTT:port2 là lối ra của tuyến mặc định",
        "en": "FGT-SOTTTT:port2 carries the default route",
    }
    html = str(render(audit, "html", RenderOptions(lang="vi")))
    assert "FGT-SOTTTT:port2 là lối ra của tuyến mặc định" in html
    assert "carries the default route" not in html
    text = str(render(audit, "text", RenderOptions(lang="vi")))
    assert "~ FGT-SOTTTT:port2 là lối ra của tuyến mặc định" in text


# --------------------------------------------------------------------------- IOS security zones


def test_an_ios_zone_firewall_zone_names_the_interfaces_zone(tmp_path):
    """A Cisco ISR whose sub-interfaces carry no telling description: the zone-based
    firewall's zone (``zone-member security KHACH``) names them, as a FortiGate's zone or
    an ASA's nameif does — the guest Wi-Fi drafted as guest, the Internet side as external."""
    text = """\
version 15.7
hostname rt-xa
interface GigabitEthernet0/0
 ip address 203.0.113.2 255.255.255.252
 zone-member security INTERNET
interface GigabitEthernet0/1.10
 encapsulation dot1Q 10
 ip address 10.0.10.1 255.255.255.0
 zone-member security NOI-BO
interface GigabitEthernet0/1.20
 encapsulation dot1Q 20
 ip address 10.0.20.1 255.255.255.0
 zone-member security KHACH
zone security INTERNET
zone security NOI-BO
zone security KHACH
ip route 0.0.0.0 0.0.0.0 203.0.113.1
end
"""
    site, written = draft(tmp_path, "rt-xa.cfg", text)
    got = kinds(site)
    assert got["GigabitEthernet0/1.20"] == "guest" and got["GigabitEthernet0/0"] == "external"
    assert got["GigabitEthernet0/1.10"] == "internal"
    assert "rt-xa:GigabitEthernet0/1.20 zone KHACH" in written


# A CCR2004 kept as a VLAN switch (a real 7.13.5 terse export): IP forwarding off, one
# management address on the staff VLAN and a default route to the office's router.
ROUTEROS_SWITCH = """\
# 2025-03-04 09:12:40 by RouterOS 7.13.5
# model = CCR2004-16G-2S+
/interface bridge add name=bridge-sw vlan-filtering=yes
/interface vlan add interface=bridge-sw name=vlan10-tang2 vlan-id=10
/interface bridge port add bridge=bridge-sw frame-types=admit-only-vlan-tagged interface=ether1
/interface bridge port add bridge=bridge-sw interface=ether4 pvid=10
/ip settings set ip-forward=no
/interface bridge vlan add bridge=bridge-sw tagged=bridge-sw,ether1 untagged=ether4 vlan-ids=10
/ip address add address=10.20.10.2/24 interface=vlan10-tang2 network=10.20.10.0
/ip route add gateway=10.20.10.1
/ip service set winbox address=10.20.10.0/28
/system identity set name=sw-tang2
"""


def test_a_switch_default_route_is_no_internet_exit(tmp_path):
    """A device that forwards nothing leaves by its default route only its own traffic:
    the management VLAN it names is not the Internet (drafted so, the switch's allowlisted
    Winbox was a critical "reachable from the Internet")."""
    site, _ = draft(tmp_path, "sw.rsc", ROUTEROS_SWITCH)
    assert "external" not in kinds(site).values(), kinds(site)
    (tmp_path / "r").mkdir()
    routed, _ = draft(tmp_path / "r", "sw.rsc", ROUTEROS_SWITCH.replace("ip-forward=no", "ip-forward=yes"))
    assert "external" in kinds(routed).values(), kinds(routed)


def test_an_emergency_route_to_an_empty_bridge_drafts_no_internet(tmp_path):
    """A real RB3011 export routes its last-resort default (distance 254) to
    ``bridge-loopback``, a bridge with no port and no address: nothing lies behind it, so
    it is no Internet exit — the draft put the Internet zone there; the PPPoE clients are."""
    text = """# 2023-05-01 10:00:00 by RouterOS 7.7
/interface bridge
add comment="Loopback interface for emergency routing" name=bridge-loopback
add name=bridge-lan
/interface pppoe-client
add add-default-route=yes disabled=no interface=ether1 name=pppoe-out1 user=u
/interface bridge port
add bridge=bridge-lan interface=ether2
/ip address
add address=192.168.10.1/24 interface=bridge-lan
/ip route
add comment="Emergency route" distance=254 gateway=bridge-loopback
/ip firewall nat
add action=masquerade chain=srcnat out-interface=pppoe-out1
"""
    site, _ = draft(tmp_path, "r.rsc", text)
    drafted = kinds(site)
    assert drafted.get("bridge-loopback") is None
    assert drafted.get("pppoe-out1") == "external"
