"""What the ASA tests share: the outside (0) and inside (100) interfaces, and a
three-interface office with a dmz (50)."""

from __future__ import annotations

OUTSIDE_INSIDE = """
interface GigabitEthernet0/0
 nameif outside
 security-level 0
 ip address 198.51.100.2 255.255.255.0
interface GigabitEthernet0/1
 nameif inside
 security-level 100
 ip address 10.1.1.1 255.255.255.0
"""
OFFICE_IFACES = (
    OUTSIDE_INSIDE
    + """interface GigabitEthernet0/2
 nameif dmz
 security-level 50
 ip address 10.1.2.1 255.255.255.0
"""
)
