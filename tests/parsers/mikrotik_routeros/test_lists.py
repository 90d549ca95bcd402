"""Interface lists and address lists (:mod:`~netaudit.parsers.mikrotik_routeros.lists`)."""

from __future__ import annotations

from netaudit.model import L2Mode
from netaudit.reach import BLOCKED

from .helpers import GUEST, STAFF, V6, matrix, office, parse


def test_ppp_profile_address_list_is_filled_at_run_time():
    dev, _ = parse("""
    /ppp profile
    add address-list=VPN-USERS name=vpn
    /ip firewall filter
    add action=accept chain=forward src-address-list=VPN-USERS
    """)
    assert "filled at run time" in dev.filters["forward"].lines[0].partial


def test_dynamic_interface_list_is_partial_only_with_dynamic_interfaces():
    dev, _ = parse("/ip firewall filter\nadd action=drop chain=input in-interface-list=dynamic\n")
    assert dev.input_filter is None  # no PPP server: no such interface, nothing matches
    dev, _ = parse("""
    /interface l2tp-server server
    set enabled=yes
    /ip firewall filter
    add action=drop chain=input in-interface-list=dynamic
    """)
    (line,) = dev.filters["input"].lines
    assert "dynamic" in line.partial and line.matches[0].in_ifaces is None


def test_interface_list_as_bridge_port_and_old_discovery():
    dev, _ = parse(
        """
    /interface bridge
    add name=br
    /interface list
    add name=ACCESS
    /interface list member
    add interface=ether3 list=ACCESS
    add interface=ether4 list=ACCESS
    /interface bridge port
    add bridge=br interface=ACCESS
    /ip neighbor discovery
    set ether1 discover=no
    """,
        header=V6,
    )
    assert {n for n, i in dev.interfaces.items() if i.mode == L2Mode.BRIDGE_PORT} == {"ether3", "ether4"}
    nd = dev.facts.neighbor_discovery
    assert "ether1" not in nd.interfaces and "ether3" in nd.interfaces


def test_an_address_list_entry_with_a_timeout_expires():
    """``add address=… list=quarantine timeout=1d``: RouterOS removes the entry when the
    timeout runs out.  Read as permanent, the only rule keeping guests off staff (a drop
    on that list) "proved" guest → staff blocked."""
    from netaudit.reach import BLOCKED, UNKNOWN

    rules = """
    /ip firewall address-list
    add address=10.0.40.0/24 list=quarantine%s
    /ip firewall filter
    add action=drop chain=forward src-address-list=quarantine
    """
    dev, rep = office(rules % " timeout=1d")
    assert matrix([dev], [GUEST, STAFF])[("guest", "staff")].verdict == UNKNOWN
    assert any("expire" in p["reason"] for p in rep.partially_understood)
    dev, _ = office(rules % "")
    assert matrix([dev], [GUEST, STAFF])[("guest", "staff")].verdict == BLOCKED


def test_interface_list_member_without_interface_adds_none():
    """A v6 export (RouterOS 6.49.2) whose default bridge was removed keeps the defconf
    member as ``add comment=defconf list=LAN``: it names no interface, so it adds none —
    here TRUSTED stays empty and ``!TRUSTED`` is every interface, so the drop takes
    guest -> staff.  A disabled entry adds none either; an entry without ``list=`` is
    still not understood."""
    dev, rep = office(
        """
    /interface list
    add name=TRUSTED
    /interface list member
    add comment=defconf list=TRUSTED
    add disabled=yes list=TRUSTED
    add disabled=yes interface=v40 list=TRUSTED
    add comment="no list" interface=v10
    /ip firewall filter
    add action=drop chain=forward in-interface-list=!TRUSTED
    """,
        header=V6,
    )
    assert [s.text for s in rep.unrecognized] == ['add comment="no list" interface=v10']
    assert any("TRUSTED names no interface" in w for w in rep.warnings)
    assert dev.interface_lists["TRUSTED"] == [] and dev.interface_lists["LAN"] == ["v10", "v40"]
    assert matrix([dev], [GUEST, STAFF])[("guest", "staff")].verdict == BLOCKED
