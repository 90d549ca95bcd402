"""Helpers shared by the RouterOS parser tests: parse a snippet, a small office, a zone matrix.

RouterOS-specific (the export header, the office); what every vendor shares is in tests/helpers.py."""

from __future__ import annotations

import textwrap

from helpers import FIXTURES as ALL_FIXTURES
from helpers import analyse, ip, parse_one
from netaddr import IPNetwork

from netaudit.parsers import mikrotik_routeros
from netaudit.zones import Zone

__all__ = ["FIXTURES", "GUEST", "NET", "STAFF", "V6", "V7", "ip", "matrix", "office", "parse", "svc"]

FIXTURES = ALL_FIXTURES / "mikrotik_routeros"
V7 = "# 2024-03-12 10:21:33 by RouterOS 7.14.1\n"
V6 = "# mar/12/2024 10:21:33 by RouterOS 6.49.10\n"


def parse(text: str, file: str = "r.rsc", header: str = V7):
    """``(device, report)`` of a snippet, dedented, under a RouterOS export header."""
    return parse_one(mikrotik_routeros, header + textwrap.dedent(text).lstrip("\n"), file)


def svc(dev, name, proto=None):
    found = [s for s in dev.services if s.name == name and (proto is None or s.protocol == proto)]
    assert len(found) <= 1, found
    return found[0] if found else None


def matrix(devices, zone_list):
    """``{(src, dst): Cell}`` (the shared ``matrix`` without the engine)."""
    return analyse(devices, zone_list).cells


# A small office used by the end-to-end rule tests: ether1 WAN, guest on vlan40.
OFFICE = """
/interface bridge
add name=br vlan-filtering=yes
/interface vlan
add interface=br name=v10 vlan-id=10
add interface=br name=v40 vlan-id=40
/interface list
add name=WAN
add name=LAN
/interface bridge port
add bridge=br interface=ether2 pvid=10
add bridge=br interface=ether3 pvid=40
/interface bridge vlan
add bridge=br tagged=br vlan-ids=10,40
/interface list member
add interface=ether1 list=WAN
add interface=v10 list=LAN
add interface=v40 list=LAN
/ip address
add address=192.0.2.2/30 interface=ether1
add address=10.0.10.1/24 interface=v10
add address=10.0.40.1/24 interface=v40
/ip route
add gateway=192.0.2.1
"""
GUEST = Zone("guest", "guest", [IPNetwork("10.0.40.0/24")], attach=[("r", "ether3")])
STAFF = Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], attach=[("r", "ether2")])
NET = Zone("internet", "external", attach=[("r", "ether1")])


def office(rules: str = "", header: str = V7):
    return parse(OFFICE + rules, header=header)
