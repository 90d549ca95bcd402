"""Cisco Smart Install (``vstack``, tcp/4786): what a running-config shows and what the
model makes of it (netaudit/parsers/cisco_ios/management.py and convert.py;
docs/vendors/cisco_ios.md, "Smart Install").

The fixtures are two Catalyst 2960 running-configs that differ in one line only (``no
vstack`` / ``vstack``), a Catalyst 3750-X Smart Install director, and the existing access
switch (a 2960-X stack member whose config says nothing about Smart Install)."""

from __future__ import annotations

import textwrap

import pytest
from helpers import FIXTURES, SAMPLES, matrix, parse_one
from netaddr import IPNetwork

from netaudit.model import PROTO_TCP, PortRange
from netaudit.parsers import cisco_ios
from netaudit.zones import Zone

IOS = FIXTURES / "cisco_ios"
NO_VSTACK = (IOS / "access-2960-no-vstack.cfg").read_text()
VSTACK = (IOS / "access-2960-vstack.cfg").read_text()
DIRECTOR = (IOS / "dist-3750x-director.cfg").read_text()
SILENT = NO_VSTACK.replace("no vstack\n", "")


def parse(text: str, file: str = "sw.cfg"):
    return parse_one(cisco_ios, textwrap.dedent(text), file)


def smi(dev):
    found = [s for s in dev.services if s.name == "smart-install"]
    assert len(found) <= 1
    return found[0] if found else None


def test_no_vstack_turns_it_off_and_builds_no_service():
    dev, rep = parse(NO_VSTACK)
    assert dev.facts.smart_install == "off"
    assert [s.text for s in dev.facts.smart_install_lines] == ["no vstack"]
    assert smi(dev) is None
    assert rep.unrecognized == [] and rep.partially_understood == []


def test_a_bare_vstack_line_is_a_client_listening_on_tcp_4786():
    """Catalyst 2960/3750/4500 releases print ``vstack`` when the client is on (the
    default): a certain service, cited by that line."""
    dev, rep = parse(VSTACK)
    assert dev.facts.smart_install == "client"
    svc = smi(dev)
    assert svc is not None and svc.partial is None and svc.insecure
    assert (svc.protocol, svc.ports, svc.acl, svc.interfaces) == (PROTO_TCP, (PortRange(4786, 4786),), None, None)
    assert svc.source.text == "vstack" and VSTACK.splitlines()[svc.source.line - 1] == "vstack"
    assert rep.unrecognized == [] and rep.partially_understood == []


def test_a_catalyst_switch_that_says_nothing_is_unknown_not_off():
    """No vstack line on a 2960 (switch ports, ``ip default-gateway``) running 15.0: the
    client may be on by default (releases without the fix for CSCvd36820).  The service is
    partial — a cell it alone reaches is unknown — and the guess cites what it rests on."""
    dev, rep = parse(SILENT)
    assert dev.facts.smart_install == "unknown"
    assert [s.text for s in dev.facts.smart_install_basis] == ["ip default-gateway 10.20.99.1", "version 15.0"]
    svc = smi(dev)
    assert svc is not None and svc.partial and "CSCvd36820" in svc.partial
    assert svc.source.text == "ip default-gateway 10.20.99.1"
    # an absence, not a construct read in part: not listed as partially understood
    assert rep.unrecognized == [] and rep.partially_understood == []


def test_the_stack_member_fixture_says_nothing_either():
    dev, _rep = parse((IOS / "access-switch.cfg").read_text())
    assert dev.facts.smart_install == "unknown"
    assert dev.facts.smart_install_basis[0].text == "switch 1 provision ws-c2960x-24ps-l"
    assert smi(dev).partial


def test_a_director_is_partial_and_its_group_bodies_are_understood():
    """``vstack director`` naming the switch's own Vlan99 address and ``vstack basic``: a
    director; what it accepts on tcp/4786 is not modelled (partial, listed as such).  The
    ``vstack group custom`` body (match / image / config) is read as the feature's own."""
    dev, rep = parse(DIRECTOR)
    assert dev.facts.smart_install == "director"
    assert [s.text for s in dev.facts.smart_install_lines][:2] == ["vstack director 10.30.99.1", "vstack basic"]
    svc = smi(dev)
    assert svc is not None and svc.partial and "director" in svc.partial
    assert [p["construct"] for p in rep.partially_understood] == ["smart-install"]
    assert rep.unrecognized == []


def test_a_director_address_that_is_not_the_device_makes_it_a_client():
    dev, _rep = parse(SILENT.replace("ip default-gateway", "vstack director 10.20.99.1\nip default-gateway"))
    assert dev.facts.smart_install == "client"
    assert smi(dev).partial is None and smi(dev).source.text == "vstack director 10.20.99.1"


@pytest.mark.parametrize(
    ("lines", "state"),
    [
        ("vstack\nno vstack\n", "off"),
        ("no vstack\nvstack\n", "client"),  # the last [no] vstack wins
        ("vstack director 10.20.99.5\nno vstack\n", "off"),  # off: the settings are inert
        ("no vstack director\n", "unknown"),  # takes a setting back, switches nothing off
    ],
)
def test_the_last_switch_line_decides(lines, state):
    dev, rep = parse(SILENT.replace("banner motd", lines + "banner motd"))
    assert dev.facts.smart_install == state
    assert (smi(dev) is None) == (state == "off")
    assert rep.unrecognized == []


ISR_891 = """\
version 15.4
hostname XA-TANPHU-RT
{ports}
interface Vlan1
 ip address 192.168.1.1 255.255.255.0
interface GigabitEthernet8
 ip address dhcp
 ip nat outside
end
"""
ISR_EHWIC = """\
version 15.7
hostname HUYEN-RT
interface GigabitEthernet0/0
 ip address 203.0.113.2 255.255.255.252
{ports}
interface Vlan10
 ip address 10.1.10.1 255.255.255.0
end
"""


@pytest.mark.parametrize(
    "text",
    [
        # an ISR 891's built-in switch ports (FastEthernet0 … 7)
        ISR_891.format(ports="".join(f"interface FastEthernet{i}\n switchport access vlan 1\n" for i in range(8))),
        # an ISR G2 with an EHWIC-8 switch module (GigabitEthernet0/1/0 … 7)
        ISR_EHWIC.format(
            ports="".join(f"interface GigabitEthernet0/1/{i}\n switchport access vlan 10\n" for i in range(8))
        ),
        (IOS / "commune-router.cfg").read_text(),  # ISR 4000, IOS-XE 16.9
        (SAMPLES / "cisco-commune-leaky" / "edge-rt.cfg").read_text(),  # Cisco 2901, 15.7
    ],
    ids=["isr891", "isr-g2-ehwic", "isr4000", "c2901"],
)
def test_routers_are_never_taken_for_a_smart_install_client(text):
    """Routers are Smart Install directors at most (the client is a Catalyst switch
    feature), switch ports of their own or not: no service, no state."""
    dev, _rep = parse(text)
    assert dev.facts.smart_install == ""
    assert smi(dev) is None


@pytest.mark.parametrize(
    ("version", "state"),
    [
        ("version 12.1", ""),  # before 12.2(52)SE: no Smart Install
        ("version 12.2", "unknown"),
        ("version 15.2", "unknown"),
        ("version 16.9", "unknown"),
        ("version 17.6", ""),  # IOS-XE 17: the fix for CSCvd36820, off when not used
        ("version 9.3(8)", ""),  # not an IOS release number (NX-OS)
    ],
)
def test_the_release_decides_whether_silence_may_mean_on(version, state):
    dev, _rep = parse(SILENT.replace("version 15.0", version))
    assert dev.facts.smart_install == state
    assert (smi(dev) is not None) == (state == "unknown")


def test_an_explicit_vstack_line_counts_on_any_release():
    dev, _rep = parse(VSTACK.replace("version 15.0", "version 17.6"))
    assert dev.facts.smart_install == "client" and smi(dev).partial is None


@pytest.mark.parametrize("name", ["eos-leaf.cfg", "nxos-dc-core.cfg", "core-l3.cfg"])
def test_look_alikes_and_ios_xe_17_get_nothing(name):
    dev, _rep = parse((IOS / name).read_text())
    assert dev.facts.smart_install == "" and smi(dev) is None


# ----------------------------------------------------------------------- what the matrix says

# The 2960's gateway: guest (VLAN 40) and management (VLAN 99) on one trunk; the guest
# ACL drops ICMP and lets the rest through, the router itself answers nothing (no vty).
GATEWAY = """\
version 15.7
hostname PHUONGAN-RT
interface GigabitEthernet0/0
 no ip address
interface GigabitEthernet0/0.40
 encapsulation dot1Q 40
 ip address 10.20.40.1 255.255.255.0
 ip access-group KHACH-IN in
interface GigabitEthernet0/0.99
 encapsulation dot1Q 99
 ip address 10.20.99.1 255.255.255.0
ip access-list extended KHACH-IN
 deny   icmp any any
 permit ip any any
line vty 0 4
 transport input none
end
"""
GUEST = Zone("guest", "guest", [IPNetwork("10.20.40.0/24")], attach=[("PHUONGAN-RT", "GigabitEthernet0/0.40")])


def _guest_to_devices(switch_text: str):
    rt, _ = parse(GATEWAY, "rt.cfg")
    sw, _ = parse(switch_text, "sw.cfg")
    m, _engine = matrix([rt, sw], [GUEST])
    return m[("guest", "@devices")]


def test_guest_reaching_the_switch_address_takes_it_over_when_vstack_is_on():
    """The switch's vty access-class keeps the guest's SSH out and the router drops ICMP:
    with ``vstack`` on, the guest still reaches tcp/4786 — the Smart Install client
    ignores the vty access-class."""
    cell = _guest_to_devices(VSTACK)
    assert cell.verdict == "reachable", cell.reason
    assert cell.services == ["tcp/4786"]


def test_with_no_vstack_the_same_switch_is_blocked():
    assert _guest_to_devices(NO_VSTACK).verdict == "blocked"


def test_when_the_config_says_nothing_the_cell_is_unknown_never_blocked():
    cell = _guest_to_devices(SILENT)
    assert cell.verdict == "unknown"
    assert "smart-install" in cell.reason and "CSCvd36820" in cell.reason
