"""Look-alike platforms: a configuration whose syntax resembles a supported vendor's but is
another platform's (DCN read by the IOS parser …) is named as that platform and
every verdict through the device is unknown — never "blocked" or "reachable" from lines
that only happened to look familiar (parsers.UNSUPPORTED_PLATFORMS, docs/limits.md).

Each snippet is re-typed after a public export of that platform (anonymised); each
platform also has a supported-vendor file carrying its marker words where they mean
nothing (a description, a comment), which must not be taken for it.
"""

from __future__ import annotations

from pathlib import Path

from netaddr import IPNetwork

from netaudit import inputs, parsers, topology, zones
from netaudit.headerspace import HeaderSpace
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN, Engine, compute_matrix
from netaudit.zones import Site, Zone

# Ruijie S5750 core (RGOS 10.4 `show running-config`): a guest SVI whose ACL the IOS
# parser read as IOS.  Ruijie was listed here until it had a parser of its own
# (parsers/ruijie_rgos/): the file is now read as RGOS, never as IOS.
RUIJIE = """\
Building configuration...
Current configuration : 1620 bytes

!
version RGOS 10.4(3b19)p3 Release(180891)(Mon Dec 15 12:13:56 CST 2014 -ngcf70)
hostname UBND-CORE
!
nfpp
!
vlan 10
 name VANPHONG
!
vlan 20
 name KHACH
!
ip access-list extended 110
 10 deny ip 10.61.20.0 0.0.0.255 10.61.10.0 0.0.0.255
 20 permit ip any any
!
enable service ssh-server
!
interface GigabitEthernet 0/1
 switchport access vlan 10
!
interface GigabitEthernet 0/2
 switchport access vlan 20
!
interface VLAN 10
 ip address 10.61.10.1 255.255.255.0
!
interface VLAN 20
 ip access-group 110 in
 ip address 10.61.20.1 255.255.255.0
!
line vty 0 4
 login local
!
end
"""

# An IOS router whose descriptions and comments carry the Ruijie words.
IOS_WITH_RUIJIE_WORDS = """\
version 15.2
hostname UBND-RT
!
! nfpp
! enable service ssh-server (Ruijie syntax, kept here as a note)
interface GigabitEthernet0/1
 description uplink to Ruijie core - version RGOS 10.4
 ip address 10.61.1.1 255.255.255.0
!
end
"""


# H3C MSR router, Comware V5 (`version 5.20, Release …`: two numbers).  The VRP parser once
# claimed it (98) and read `firewall packet-filter` as an AR's: internet → staff
# "reachable" though Comware's `firewall enable` decides.  Now the Comware parser reads it.
COMWARE_V5 = """\
#
 version 5.20, Release 2209L22, RU
#
 sysname MSR-XA
#
 firewall enable
 firewall default permit
#
acl number 3001
 rule 0 deny ip source 10.62.20.0 0.0.0.255 destination 10.62.10.0 0.0.0.255
 rule 5 permit ip
acl number 3000
 rule 0 permit ip source 10.62.0.0 0.0.255.255
#
domain system
 access-limit disable
 state active
#
interface Ethernet0/0
 ip address 203.0.113.2 255.255.255.252
 nat outbound 3000
#
interface Ethernet0/1
 ip address 10.62.10.1 255.255.255.0
#
interface Ethernet0/2
 firewall packet-filter 3001 inbound
 ip address 10.62.20.1 255.255.255.0
#
 ip route-static 0.0.0.0 0.0.0.0 203.0.113.1
#
user-interface vty 0 4
 authentication-mode scheme
#
return
"""

# H3C SecPath firewall (Comware V7) without its version line: no SVI, only security zones
# (read by the Comware parser: zone-pairs and object-policies).
SECPATH = """\
#
 sysname FW-TTYT
#
interface GigabitEthernet1/0/1
 ip address 10.63.10.1 255.255.255.0
#
interface GigabitEthernet1/0/2
 ip address 203.0.113.6 255.255.255.252
#
security-zone name Trust
 import interface GigabitEthernet1/0/1
#
security-zone name Untrust
 import interface GigabitEthernet1/0/2
#
zone-pair security source Trust destination Untrust
 object-policy apply ip trust-out
#
object-policy ip trust-out
 rule 0 pass source-ip-subnet 10.63.10.0 255.255.255.0
#
 ip route-static 0.0.0.0 0 203.0.113.5
#
return
"""

# A Huawei AR whose descriptions carry the Comware words.
VRP_WITH_COMWARE_WORDS = """\
!Software Version V200R010C10SPC700
#
 sysname AR-TTYT
#
interface GigabitEthernet0/0/1
 description to H3C security-zone name Trust, version 5.20, Release 2209
 ip address 10.63.1.1 255.255.255.0
#
 ip route-static 0.0.0.0 0.0.0.0 10.63.1.254
#
user-interface vty 0 4
#
return
"""


# DCN (Digital China) access switch, as provisioned in Russian and Vietnamese offices: the
# IOS parser claims it (98) and its management SVI was "reachable" by telnet from IOS's
# defaults.
DCN = """\
!
username admin privilege 15 password 0 Quantri@2026
!
hostname SW-TANG2
!
vlan 1;300
!
vlan 300
 name nms
!
Interface Ethernet1/0/9
 media-type copper
 switchport mode trunk
 switchport trunk allowed vlan 300
!
Interface Ethernet1/0/10
 switchport mode trunk
 switchport trunk allowed vlan 300
!
interface Vlan300
 ip address 10.64.0.7 255.255.255.0
!
ip route 0.0.0.0/0 10.64.0.1
!
authentication line console login local
!
end
"""

# ZTE ZXR10 5960 (`show running-config`): `$` closes a block, sections are tagged.
ZTE = """\
!<system-config>
hostname ZXR10-TTYT
!</system-config>
!<if-intf>
interface xgei-0/1/1/2
  description to-core
  no shutdown
$
interface vlan71
  ip address 10.65.71.1 255.255.255.0
$
!</if-intf>
!<switchvlan>
switchvlan-configuration
 interface xgei-0/1/1/2
  switchport mode hybrid
  switchport hybrid native vlan 71
 $
$
!</switchvlan>
end
"""

# An IOS switch whose descriptions and comments carry the DCN and ZTE words.
IOS_WITH_DCN_ZTE_WORDS = """\
version 15.2
hostname UBND-SW
!
! switchvlan-configuration is ZTE's; !<if-intf> too
interface GigabitEthernet0/1
 description Interface Ethernet1/0/9 of the DCN switch
!
interface GigabitEthernet0/2
 description interface gei_1/1 ZTE smartgroup1
!
end
"""


# HPE ProCurve 2530 (AOS-S): an ACL in IOS words applied in a `vlan` block; the IOS
# parser claimed it (55).
PROCURVE = """\
; J9773A Configuration Editor; Created on release #YA.16.10.0010
; Ver #14:01.4f.f8.1d.9b.3f.bf.bb.ef.7c.59.fc.6b.fb.9f.fc.ff.ff.37.ef:05
hostname "UBND-2530"
ip access-list extended "KHACH-IN"
   10 deny ip 10.71.20.0 0.0.0.255 10.71.10.0 0.0.0.255
   20 permit ip any any
   exit
ip route 0.0.0.0 0.0.0.0 10.71.10.254
vlan 20
   name "KHACH"
   untagged 13-24
   ip address 10.71.20.1 255.255.255.0
   ip access-group "KHACH-IN" vlan-in
   exit
"""

AOSCX = """\
Current configuration:
!
!Version ArubaOS-CX GL.10.09.0001BF
!export-password: default
hostname CX-UBND
vlan 1,10
interface vlan 10
    ip address 10.72.10.1/24
ip route 0.0.0.0/0 10.72.10.254
"""

# VyOS / EdgeOS `show configuration commands`: `set system host-name` alone looked like Junos.
VYOS = """\
set firewall name LAN_IN default-action accept
set firewall name LAN_IN rule 10 action drop
set interfaces ethernet eth1 address 10.70.10.1/24
set interfaces ethernet eth2 firewall in name LAN_IN
set system host-name edge-ubnd
set service ssh port 22
"""

# Junos `display set` with a firewall filter — still Junos, not VyOS.
JUNOS_SET = """\
set system host-name SRX-UBND
set interfaces ge-0/0/1 unit 0 family inet address 10.66.10.1/24
set firewall family inet filter MGMT term a then accept
set system services ssh
"""


# Cisco IOS-XE SD-WAN edge: IOS lines (claimed by the IOS parser at 98) plus `system` and
# `sdwan`; what passes between its VPNs is the controller's centralized policy.
CEDGE = """\
version 17.9
hostname cEdge-UBND
!
system
 system-ip             10.255.0.11
 site-id               110
 vbond 203.0.113.50 port 12346
!
interface GigabitEthernet2
 vrf forwarding 10
 ip address 10.73.10.1 255.255.255.0
!
sdwan
 interface GigabitEthernet1
  tunnel-interface
   encapsulation ipsec weight 1
!
end
"""

TEMPLATE = """\
hostname {{ hostname }}
{% for vlan in vlans %}
vlan {{ vlan.id }}
{% endfor %}
interface Vlan{{ mgmt_vlan }}
 ip address {{ mgmt_ip }} {{ mgmt_mask }}
end
"""


# Ubiquiti EdgeSwitch (FASTPATH): `hostname`, `access-list 1 …` and `!` made the IOS
# parser claim it (60).
FASTPATH = """\
!Current Configuration:
!
!System Description "EdgeSwitch 24-Port Lite, 1.9.3.5089558, Linux 3.6.5-f4a26ed5"
!
hostname "ES-UBND"
access-list 1 deny 10.74.20.0 0.0.0.255
access-list 1 permit any
interface vlan 20
routing
ip address 10.74.20.1 255.255.255.0
ip access-group 1 in 1
exit
"""


# Cisco CBS350 (Sx350 CLI), re-typed after a public capture: the IOS parser claims it (98).
CBS = """\
config-file-header
sw-tang1
v3.2.1.1 / RCBS3.2hotfix_950_377_136
CLI v1.0
file SSD indicator encrypted
@
ssd-control-start
ssd config
ssd-control-end cb0a3fdb1f3a1af4e4430033719968c0
!
hostname sw-tang1
interface vlan 20
 ip address 10.75.2.1 255.255.255.0
 service-acl input KHACH-IN
!
exit
"""


def cells(devices, zone_list):
    topo = topology.build(devices, [])
    placed, addrs, _ = zones.resolve(Site(unit="t", zones=zone_list), topo)
    engine = Engine(topo, placed, addrs, HeaderSpace())
    return {(c.src, c.dst): c for c in compute_matrix(engine, [z.name for z in zone_list])}


def load(tmp_path: Path, name: str, text: str):
    (tmp_path / name).write_text(text)
    return inputs.load_snapshot([tmp_path])


def test_ruijie_is_read_as_ruijie_not_as_ios(tmp_path):
    # Once a look-alike of IOS, now a vendor of its own: no "looks like" problem, and the
    # ACL applied `in` on the guest SVI (documented alike on RGOS) decides guest → staff.
    assert parsers.looks_like(RUIJIE) is None
    assert parsers.detect_vendor(RUIJIE) == ("ruijie_rgos", 99)
    snap = load(tmp_path, "core.cfg", RUIJIE)
    [dev], [entry] = snap.devices, snap.inputs
    assert dev.vendor == "ruijie_rgos" and "looks like" not in str(entry.problem or "")
    staff = Zone("staff", "internal", [IPNetwork("10.61.10.0/24")])
    guest = Zone("guest", "guest", [IPNetwork("10.61.20.0/24")])
    cell = cells([dev], [guest, staff])[("guest", "staff")]
    assert cell.verdict == BLOCKED, cell.reason


def test_ruijie_acl_out_on_an_svi_is_unknown_never_blocked(tmp_path):
    # The same ACL applied `out` on the staff SVI: RGOS's documented SVI-out rules (no
    # implicit deny, lines outside the SVI's subnet without effect) are not IOS's.
    text = RUIJIE.replace(" ip access-group 110 in\n", "").replace(
        "interface VLAN 10\n", "interface VLAN 10\n ip access-group 110 out\n"
    )
    snap = load(tmp_path, "core.cfg", text)
    staff = Zone("staff", "internal", [IPNetwork("10.61.10.0/24")])
    guest = Zone("guest", "guest", [IPNetwork("10.61.20.0/24")])
    cell = cells(snap.devices, [guest, staff])[("guest", "staff")]
    assert cell.verdict == UNKNOWN and "applied out on SVI Vlan10" in cell.reason, cell.reason


def test_ruijie_11_and_12_version_lines_name_the_vendor():
    # RGOS 11.x/12.x prefix the model: `version SF29_RGOS 11.4(1)B81P3` (a published collector's
    # sample of `show running-config`), `S6980_RGOS 12.5(2)B0605`
    for line in ("version SF29_RGOS 11.4(1)B81P3", "version S6980_RGOS 12.5(2)B0605"):
        assert parsers.detect_vendor(f"Building configuration...\n\n{line}\nhostname SW\nend\n")[0] == "ruijie_rgos"


def test_ruijie_without_its_version_line_is_still_ruijie():
    body = RUIJIE.split("hostname ", 1)[1]
    assert parsers.detect_vendor("hostname " + body)[0] == "ruijie_rgos"
    assert parsers.detect_vendor("hostname SW\nnfpp\n!\nend\n")[0] == "ruijie_rgos"


def test_ruijie_words_in_an_ios_description_or_comment_are_not_ruijie():
    assert parsers.looks_like(IOS_WITH_RUIJIE_WORDS) is None
    assert parsers.detect_vendor(IOS_WITH_RUIJIE_WORDS)[0] == "cisco_ios"


def test_comware_v5_is_comware_not_vrp_and_its_firewall_keeps_verdicts_unknown(tmp_path):
    # H3C Comware is parsed (parsers/h3c_comware/); V5's `firewall enable` decides what
    # every interface forwards and is not modelled: guest → staff unknown, never "blocked"
    # by the packet-filter line nor "reachable" past it.
    assert parsers.looks_like(COMWARE_V5) is None
    assert parsers.detect_vendor(COMWARE_V5)[0] == "h3c_comware"
    snap = load(tmp_path, "msr.cfg", COMWARE_V5)
    [dev] = snap.devices
    assert dev.vendor == "h3c_comware" and all(i.partial for i in dev.interfaces.values())
    staff = Zone("staff", "internal", [IPNetwork("10.62.10.0/24")])
    guest = Zone("guest", "guest", [IPNetwork("10.62.20.0/24")])
    cell = cells([dev], [guest, staff])[("guest", "staff")]
    assert cell.verdict == UNKNOWN and "Comware V5 firewall" in cell.reason


def test_secpath_security_zones_are_comware_and_read_as_comware(tmp_path):
    # no zone-pair Untrust -> Trust: discarded (docs/vendors/h3c_comware.md, "Security zones")
    assert parsers.looks_like(SECPATH) is None
    assert parsers.detect_vendor(SECPATH)[0] == "h3c_comware"
    [dev] = load(tmp_path, "fw.cfg", SECPATH).devices
    trust = Zone("staff", "internal", [IPNetwork("10.63.10.0/24")])
    internet = Zone("internet", "external", [IPNetwork("203.0.113.4/30")])
    found = cells([dev], [trust, internet])
    assert found[("internet", "staff")].verdict == BLOCKED
    assert found[("staff", "internet")].verdict == REACHABLE


def test_comware_words_in_a_vrp_description_are_not_comware():
    assert parsers.looks_like(VRP_WITH_COMWARE_WORDS) is None
    assert parsers.detect_vendor(VRP_WITH_COMWARE_WORDS)[0] == "huawei_vrp"


def test_dcn_is_named_and_its_device_is_not_evidence(tmp_path):
    assert parsers.looks_like(DCN) == "DCN (Digital China) DCNOS"
    snap = load(tmp_path, "sw.cfg", DCN)
    [dev], [entry] = snap.devices, snap.inputs
    why = "looks like DCN (Digital China) DCNOS, which netaudit does not support"
    assert entry.problem.startswith(why)
    assert dev.interfaces and all(i.partial and i.partial.startswith(why) for i in dev.interfaces.values())


def test_zte_is_named_zte_not_ios_xr():
    # `interface xgei-0/1/1/2` alone matched IOS-XR's four-number port names
    assert parsers.looks_like(ZTE) == "ZTE ZXR10"


def test_dcn_and_zte_words_in_ios_descriptions_or_comments_are_neither():
    assert parsers.looks_like(IOS_WITH_DCN_ZTE_WORDS) is None
    assert parsers.detect_vendor(IOS_WITH_DCN_ZTE_WORDS)[0] == "cisco_ios"


def test_aruba_switches_are_named():
    assert parsers.looks_like(PROCURVE) == "HPE Aruba AOS-S (ProCurve)"
    assert parsers.looks_like(AOSCX) == "Aruba AOS-CX"


def test_vyos_is_named_vyos_and_junos_stays_junos():
    assert parsers.looks_like(VYOS) == "VyOS / Ubiquiti EdgeOS"
    # EdgeRouter `config.boot`: its `firewall {` / `interfaces {` looked like Junos curly
    boot = (
        "firewall {\n    name WAN_IN {\n        default-action drop\n    }\n}\n"
        "interfaces {\n    ethernet eth0 {\n        address dhcp\n    }\n}\n"
        "service {\n    ssh {\n        port 22\n    }\n}\n"
        '/* === vyatta-config-version: "config-management@1:system@4" === */\n'
    )
    assert parsers.looks_like(boot) == "VyOS / Ubiquiti EdgeOS"
    assert parsers.detect_vendor(boot)[0] != "juniper_junos"
    assert parsers.detect_vendor(VYOS)[0] != "juniper_junos"
    # Junos is parsed (netaudit/parsers/juniper_junos/): no longer an unsupported platform
    curly = "system {\n    host-name EX;\n}\ninterfaces {\n    ge-0/0/0 {\n        unit 0;\n    }\n}\n"
    for text in (curly, JUNOS_SET):
        assert parsers.looks_like(text) is None
        assert parsers.detect_vendor(text)[0] == "juniper_junos"


def test_aruba_words_in_an_ios_comment_or_description_are_not_aruba():
    text = (
        "version 15.2\nhostname UBND-RT\n!\n"
        "! J9773A Configuration Editor; Created on release #YA.16.10 (old switch)\n"
        "interface GigabitEthernet0/1\n description !Version ArubaOS-CX 10.9 uplink\n!\nend\n"
    )
    assert parsers.looks_like(text) is None


def test_sdwan_edge_is_named_and_not_evidence(tmp_path):
    assert parsers.looks_like(CEDGE) == "Cisco SD-WAN (IOS-XE cEdge / vEdge)"
    snap = load(tmp_path, "cedge.cfg", CEDGE)
    [dev] = snap.devices
    assert all(i.partial and "Cisco SD-WAN" in i.partial for i in dev.interfaces.values())


def test_firewall_exports_no_parser_claims_are_named_and_raised(tmp_path):
    pfsense = '<?xml version="1.0"?>\n<pfsense>\n\t<version>21.7</version>\n</pfsense>\n'
    panos = '<?xml version="1.0"?>\n<config version="10.1.0" urldb="paloaltonetworks">\n</config>\n'
    assert parsers.looks_like(pfsense) == "pfSense / OPNsense"
    assert parsers.looks_like(panos) == "Palo Alto PAN-OS"
    assert parsers.looks_like("set deviceconfig system hostname PA-1\n") == "Palo Alto PAN-OS"
    sophos = '<?xml version="1.0" encoding="UTF-8"?>\n<Configuration APIVersion="1905.1" IPS_CAT_VER="1">\n'
    assert parsers.looks_like(sophos) == "Sophos Firewall (SFOS)"
    # named config.xml (not a configuration's name): said as a problem all the same
    (tmp_path / "rt.cfg").write_text(IOS_WITH_RUIJIE_WORDS)
    snap = load(tmp_path, "config.xml", pfsense)
    entry = next(f for f in snap.inputs if f.path == "config.xml")
    assert entry.problem and entry.problem.endswith("looks like pfSense / OPNsense, which netaudit does not support")


def test_a_template_is_not_a_device():
    assert parsers.looks_like(TEMPLATE) == "Jinja / Velocity template (Catalyst Center, Ansible)"
    assert parsers.looks_like("#set( $vlan = 10 )\nhostname $hostname\n") == (
        "Jinja / Velocity template (Catalyst Center, Ansible)"
    )


def test_sdwan_pan_template_words_in_ios_comments_or_descriptions_are_none_of_them():
    text = (
        "version 15.2\nhostname UBND-RT\n!\n! sdwan\n! system-ip 10.0.0.1 (planned)\n"
        "interface GigabitEthernet0/1\n description set deviceconfig system on PA {{ later }}\n!\nend\n"
    )
    assert parsers.looks_like(text) is None


def test_fastpath_and_acos_are_named():
    assert parsers.looks_like(FASTPATH) == "FASTPATH switch (Dell PowerConnect, Netgear, Ubiquiti EdgeSwitch)"
    acos = "!Current configuration: 441 bytes\n!64-bit Advanced Core OS (ACOS) version 4.1.4-GR1, build 78\n!\n"
    assert parsers.looks_like(acos) == "A10 ACOS"
    # an IOS comment naming the neighbour's description is not a FASTPATH header
    ios = 'version 15.2\nhostname R\n! System Description "EdgeSwitch" of the neighbour\nend\n'
    assert parsers.looks_like(ios) is None


def test_cisco_small_business_is_named():
    assert parsers.looks_like(CBS) == "Cisco Small Business (Sx300/Sx350/CBS)"
    ios = "version 15.2\nhostname R\n! config-file-header (CBS backups start so)\nend\n"
    assert parsers.looks_like(ios) is None
