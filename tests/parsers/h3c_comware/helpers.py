"""Helpers of the H3C Comware tests: a small V7 core switch routing a staff and a guest
VLAN, its pieces replaceable, and its verdicts."""

from __future__ import annotations

from helpers import matrix, parse_one
from netaddr import IPNetwork

from netaudit.parsers import h3c_comware
from netaudit.zones import Zone

CORE = """\
#
 version 7.1.070, Release 6329P03
#
 sysname CORE
#
{globals}
#
vlan 10
#
vlan 40
#
{acls}
#
interface Vlan-interface10
 ip address 10.0.10.1 255.255.255.0
#
interface Vlan-interface40
 ip address 10.0.40.1 255.255.255.0
{apply}
#
interface GigabitEthernet1/0/1
 port link-mode bridge
 port access vlan 10
#
interface GigabitEthernet1/0/2
 port link-mode bridge
 port access vlan 40
#
{tail}
#
return
"""

STAFF = Zone("staff", "internal", [IPNetwork("10.0.10.0/24")])
GUEST = Zone("guest", "guest", [IPNetwork("10.0.40.0/24")])


def core(acls: str = "", apply: str = "", globals: str = "", tail: str = "") -> str:
    return CORE.format(acls=acls, apply=apply, globals=globals, tail=tail)


def parse(text: str):
    """``(device, report)`` of one Comware configuration."""
    return parse_one(h3c_comware, text, "core.cfg")


def verdicts(text: str, zones=(GUEST, STAFF)) -> dict:
    """``{(src, dst): Cell}`` of the configuration with these zones."""
    dev, _ = parse(text)
    cells, _ = matrix([dev], list(zones))
    return cells
