"""H3C Comware security zones (netaudit/parsers/h3c_comware/zones.py, convert.py;
docs/vendors/h3c_comware.md, "Security zones"): not modelled, so every verdict through a
device with zones is unknown — never "blocked" by a zone-pair nor "reachable" past one."""

from __future__ import annotations

from helpers import matrix, parse_one
from netaddr import IPNetwork

from netaudit.parsers import h3c_comware
from netaudit.reach import UNKNOWN
from netaudit.zones import Zone

FW = """\
#
 version 7.1.064, Release 9333P2401
#
 sysname FW
#
interface GigabitEthernet1/0/1
 port link-mode route
 ip address 10.40.10.1 255.255.255.0
#
interface GigabitEthernet1/0/2
 port link-mode route
 ip address 10.40.20.1 255.255.255.0
#
interface GigabitEthernet1/0/3
 port link-mode route
 ip address 10.40.30.1 255.255.255.0
#
security-zone name Trust
 import interface GigabitEthernet1/0/1
#
security-zone name Khach
 import interface GigabitEthernet1/0/2
{more}
#
return
"""
STAFF = Zone("staff", "internal", [IPNetwork("10.40.10.0/24")])
GUEST = Zone("guest", "guest", [IPNetwork("10.40.20.0/24")])
OTHER = Zone("other", "internal", [IPNetwork("10.40.30.0/24")])


def test_zones_make_every_interface_partial_and_every_verdict_unknown():
    for more in (
        "",
        "#\nzone-pair security source Khach destination Trust\n packet-filter 3000",
        "#\nobject-policy ip KHACH\n rule 0 drop\n#\nzone-pair security source Khach destination Trust\n"
        " object-policy apply ip KHACH",
        "#\nsecurity-policy ip\n rule 0 name khach-ra-net\n  action pass\n  source-zone Khach",
    ):
        dev, rep = parse_one(h3c_comware, FW.format(more=more), "fw.cfg")
        assert not rep.unrecognized, more
        assert all(i.partial for i in dev.interfaces.values()), more
        cells, _ = matrix([dev], [STAFF, GUEST, OTHER])
        assert cells[("guest", "staff")].verdict == UNKNOWN, more
        # an interface in no zone is partial too (on a firewall it passes nothing)
        assert cells[("guest", "other")].verdict == UNKNOWN, more


def test_zone_membership_is_kept():
    dev, _ = parse_one(h3c_comware, FW.format(more=""), "fw.cfg")
    assert dev.interfaces["GigabitEthernet1/0/2"].zone == "Khach"
    assert dev.interfaces["GigabitEthernet1/0/3"].zone is None


def test_a_v5_firewall_makes_every_interface_partial():
    text = FW.format(more="").replace("security-zone name Trust\n import interface GigabitEthernet1/0/1\n#\n", "")
    text = text.replace("security-zone name Khach\n import interface GigabitEthernet1/0/2\n", " firewall enable\n")
    dev, _ = parse_one(h3c_comware, text, "fw.cfg")
    assert all(i.partial for i in dev.interfaces.values())
