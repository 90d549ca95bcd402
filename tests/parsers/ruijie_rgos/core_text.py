"""Shared text of the Ruijie RGOS tests (not a test module): a core switch routing a staff
and a guest VLAN, with slots for the lines each test adds."""

from __future__ import annotations

from netaddr import IPNetwork

from netaudit.zones import Zone

CORE = """\
Building configuration...
Current configuration : 1500 bytes

!
version S5750_RGOS 11.4(1)B74P2
hostname CORE
!
vlan range 1,10,20
!
{globals}
!
interface GigabitEthernet 0/1
 switchport access vlan 10
!
interface GigabitEthernet 0/2
 switchport access vlan 20
{port2}
!
interface VLAN 10
 ip address 10.0.10.1 255.255.255.0
{svi10}
!
interface VLAN 20
 ip address 10.0.20.1 255.255.255.0
{svi20}
!
line vty 0 4
 login local
!
end
"""

ZONES = [
    Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], vlans=[("CORE", 10)]),
    Zone("guest", "guest", [IPNetwork("10.0.20.0/24")], vlans=[("CORE", 20)]),
]


def core(globals_: str = "", svi10: str = "", svi20: str = "", port2: str = "") -> str:
    """The core switch with these lines added (each a block of config lines)."""
    return CORE.format(globals=globals_, svi10=svi10, svi20=svi20, port2=port2)
