"""Look-alike platforms: a configuration whose syntax resembles a supported vendor's but is
another platform's (Ruijie RGOS read by the IOS parser …) is named as that platform and
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
from netaudit.reach import UNKNOWN, Engine, compute_matrix
from netaudit.zones import Site, Zone

# Ruijie S5750 core (RGOS 10.4 `show running-config`): a guest SVI whose ACL the IOS
# parser reads as IOS — without the platform check, guest → staff was "blocked".
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


def cells(devices, zone_list):
    topo = topology.build(devices, [])
    placed, addrs, _ = zones.resolve(Site(unit="t", zones=zone_list), topo)
    engine = Engine(topo, placed, addrs, HeaderSpace())
    return {(c.src, c.dst): c for c in compute_matrix(engine, [z.name for z in zone_list])}


def load(tmp_path: Path, name: str, text: str):
    (tmp_path / name).write_text(text)
    return inputs.load_snapshot([tmp_path])


def test_ruijie_is_named_and_its_verdicts_are_unknown(tmp_path):
    assert parsers.looks_like(RUIJIE) == "Ruijie RGOS"
    snap = load(tmp_path, "core.cfg", RUIJIE)
    [dev], [entry] = snap.devices, snap.inputs
    assert entry.problem.startswith("looks like Ruijie RGOS")
    staff = Zone("staff", "internal", [IPNetwork("10.61.10.0/24")])
    guest = Zone("guest", "guest", [IPNetwork("10.61.20.0/24")])
    cell = cells([dev], [guest, staff])[("guest", "staff")]
    assert cell.verdict == UNKNOWN and "looks like Ruijie RGOS" in cell.reason


def test_ruijie_without_its_version_line_is_still_ruijie():
    body = RUIJIE.split("hostname ", 1)[1]
    assert parsers.looks_like("hostname " + body) == "Ruijie RGOS"
    assert parsers.looks_like("hostname SW\nnfpp\n!\nend\n") == "Ruijie RGOS"


def test_ruijie_words_in_an_ios_description_or_comment_are_not_ruijie():
    assert parsers.looks_like(IOS_WITH_RUIJIE_WORDS) is None
    assert parsers.detect_vendor(IOS_WITH_RUIJIE_WORDS)[0] == "cisco_ios"
