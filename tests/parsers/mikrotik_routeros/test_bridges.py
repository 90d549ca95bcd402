"""Bridges with and without VLAN filtering (:mod:`~netaudit.parsers.mikrotik_routeros.bridges`)."""

from __future__ import annotations

import pytest
from netaddr import IPNetwork

from netaudit.model import IfKind, L2Mode
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN
from netaudit.zones import Zone

from .helpers import GUEST, OFFICE, STAFF, V6, V7, matrix, office, parse


def test_bridge_without_vlan_filtering_ignores_pvid_and_vlan_table():
    dev, _ = parse("""
    /interface bridge
    add name=bridge
    /interface vlan
    add interface=bridge name=vlan40 vlan-id=40
    /interface bridge port
    add bridge=bridge interface=ether2
    add bridge=bridge interface=ether5 pvid=40
    /interface bridge vlan
    add bridge=bridge tagged=bridge untagged=ether5 vlan-ids=40
    /ip address
    add address=10.0.10.1/24 interface=bridge
    add address=10.0.40.1/24 interface=vlan40
    """)
    br, e5, v40 = dev.interfaces["bridge"], dev.interfaces["ether5"], dev.interfaces["vlan40"]
    assert br.kind == IfKind.BRIDGE and br.mode == L2Mode.ROUTED
    assert e5.mode == L2Mode.BRIDGE_PORT and e5.parent == "bridge" and e5.access_vlan is None
    assert v40.kind == IfKind.VLAN and v40.parent == "bridge" and v40.encapsulation_vlan == 40
    (intent,) = dev.unfiltered_bridges
    assert [p.name for p in intent.pvids] == ["ether5"]
    assert [v.name for v in intent.vlan_interfaces] == ["vlan40"]
    assert intent.vlan_table[0].source.line == 10


def test_no_vlan_filtering_puts_a_pvid_40_port_in_the_staff_domain():
    dev, _ = parse(OFFICE.replace("vlan-filtering=yes", "vlan-filtering=no"), file="r.rsc")
    m = matrix([dev], [GUEST, STAFF])
    cell = m[("guest", "staff")]
    assert cell.verdict == REACHABLE
    assert any("same L2 domain" in (h.get("note") or "") for h in cell.witness.hops)


def test_vlan_filtering_makes_access_ports_trunks_and_svis():
    dev, rep = parse("""
    /interface bridge
    add name=br vlan-filtering=yes pvid=1
    /interface vlan
    add interface=br name=v10 vlan-id=10
    add interface=br name=v99 vlan-id=99
    /interface bridge port
    add bridge=br interface=ether2 pvid=10 frame-types=admit-only-untagged-and-priority-tagged
    add bridge=br interface=ether8 pvid=99
    add bridge=br interface=ether9 frame-types=admit-only-vlan-tagged
    /interface bridge vlan
    add bridge=br tagged=br,ether8,ether9 vlan-ids=10,40-41
    add bridge=br tagged=br untagged=ether8 vlan-ids=99
    /ip address
    add address=10.0.10.1/24 interface=v10
    add address=10.0.1.1/24 interface=br
    """)
    e2, e8, e9 = (dev.interfaces[n] for n in ("ether2", "ether8", "ether9"))
    assert (e2.mode, e2.access_vlan) == (L2Mode.ACCESS, 10)
    assert (e8.mode, e8.native_vlan, e8.allowed_vlans) == (L2Mode.TRUNK, 99, frozenset({10, 40, 41, 99}))
    # admit-only-vlan-tagged: no untagged frames at all, only the tagged VLANs
    assert (e9.mode, e9.allowed_vlans) == (L2Mode.TRUNK, frozenset({10, 40, 41}))
    assert dev.interfaces["v10"].kind == IfKind.SVI and dev.interfaces["v10"].encapsulation_vlan == 10
    br = dev.interfaces["br"]
    assert br.kind == IfKind.SVI and br.encapsulation_vlan == 1
    # v99 exists but the bridge is tagged in VLAN 99: no warning; every VLAN known
    assert {10, 40, 41, 99, 1} <= set(dev.vlans)
    assert not any("not a tagged member" in w for w in rep.warnings)


def test_vlan_interface_whose_vlan_the_bridge_does_not_tag_is_warned():
    dev, rep = parse("""
    /interface bridge
    add name=br vlan-filtering=yes
    /interface vlan
    add interface=br name=v20 vlan-id=20
    /interface bridge port
    add bridge=br interface=ether3 pvid=20
    """)
    assert any("not a tagged member of VLAN 20" in w for w in rep.warnings)
    assert dev.interfaces["v20"].kind == IfKind.SVI


@pytest.mark.parametrize(
    "header, explicit, hopping",
    [
        (V6, "", True),  # v6 default ingress-filtering=no
        (V7, "", False),  # v7 default yes
        (V7, " ingress-filtering=no", True),
        (V6, " ingress-filtering=no frame-types=admit-only-untagged-and-priority-tagged", False),
    ],
)
def test_vlan_hopping_ports_depend_on_ingress_filtering_defaults(header, explicit, hopping):
    dev, _ = parse(
        f"""
    /interface bridge
    add name=br vlan-filtering=yes
    /interface bridge port
    add bridge=br interface=ether3 pvid=40{explicit}
    """,
        header=header,
    )
    assert bool(dev.facts.vlan_hopping_ports) is hopping


@pytest.mark.parametrize(
    "v7_only",
    [
        "/interface wireguard\nadd listen-port=13231 name=wg0\n",
        "/ip vrf\nadd interfaces=ether8 name=mgmt\n",
        "/routing bgp connection\nadd local.role=ibgp name=core remote.address=10.0.0.1 .as=65000\n",
        "/routing isis interface-template\nadd instance=isis-1 interfaces=ether1 levels=l2\n",
    ],
)
def test_an_export_without_its_header_that_has_a_v7_only_menu_takes_v7_defaults(v7_only):
    # found on a real RouterOS 7.20 export posted without its header (EVPN: BGP
    # connections, IS-IS, a management VRF): read with v6's bridge-port defaults
    # (ingress-filtering=no), its ports were reported open to VLAN hopping
    text = "/interface bridge\nadd name=br vlan-filtering=yes\n/interface bridge port\nadd bridge=br interface=ether3 pvid=40\n"
    dev, _ = parse(text + v7_only, header="")
    assert dev.facts.vlan_hopping_ports == []
    dev, _ = parse(text, header="")
    assert dev.facts.vlan_hopping_ports  # nothing says v7: v6's default, as before


def test_vlan_filtering_separates_the_guest_port_from_staff():
    dev, _ = office()
    m = matrix([dev], [GUEST, STAFF])
    # no firewall at all: routed through the router (default accept), not one L2 domain
    cell = m[("guest", "staff")]
    assert cell.verdict == REACHABLE
    assert [h["in"] for h in cell.witness.to_json()["hops"]] == ["v40"]


def test_bridge_port_naming_no_bridge_or_a_removed_one_leaves_the_port_routed():
    """Real exports keep port entries whose bridge no longer exists: v6
    ``add interface=vlan481_1`` (no ``bridge=``, RouterOS 6.49.7) and v7
    ``add bridge=*E interface=ether2`` (the removed bridge's id, RouterOS 7.11.3).  Either
    way the interface is in no bridge and keeps its address; no phantom bridge ``*E``."""
    dev, rep = parse("""
    /interface vlan
    add interface=ether1 name=vlan481_1 vlan-id=481
    /interface bridge port
    add interface=vlan481_1
    add bridge=*E interface=ether2
    /ip address
    add address=192.168.100.1/24 interface=ether2
    add address=198.51.100.2/30 interface=vlan481_1
    """)
    assert rep.unrecognized == []
    assert dev.interfaces["vlan481_1"].mode == L2Mode.ROUTED and dev.interfaces["ether2"].mode == L2Mode.ROUTED
    assert "*E" not in dev.interfaces
    assert any("vlan481_1 is in no bridge" in w for w in rep.warnings)
    assert any("ether2 is in no bridge (the bridge it named *E no longer exists)" in w for w in rep.warnings)
    assert not dev.unfiltered_bridges and not any(r.name == "*E" for r in dev.references)


def test_bridge_entries_naming_a_removed_interface_add_nothing_and_filter_nothing():
    """A hAP lite (RouterOS 6.42) whose virtual AP was removed: the export keeps its bridge
    ports and its bridge filter rules with the removed interface's id, under RouterOS's own
    ``# no interface`` comment (one port entry lost its ``interface=`` altogether).  They
    name no interface: no phantom port ``*7`` on the bridge, and the drop rules see no frame,
    so the bridge is not partial (the guest cell is proven, not unknown)."""
    dev, rep = parse(
        """
    /interface bridge
    add admin-mac=64:D1:54:18:F6:07 auto-mac=no comment=defconf fast-forward=no name=bridge
    /interface wireless
    set [ find default-name=wlan1 ] disabled=no mode=ap-bridge name=wlan2 ssid="shop"
    /interface bridge filter
    # no interface
    add action=drop chain=forward in-interface=*7
    # no interface
    add action=drop chain=forward out-interface=*7
    /interface bridge port
    add bridge=bridge comment=defconf interface=ether2
    add bridge=bridge interface=*7
    add bridge=bridge
    add bridge=bridge interface=wlan2
    /ip address
    add address=192.168.2.1/24 interface=bridge
    add address=192.0.2.2/30 interface=ether1
    /ip route
    add gateway=192.0.2.1
    /ip firewall filter
    add action=drop chain=forward in-interface=bridge out-interface=ether1
    """,
        header=V6,
    )
    assert "*7" not in dev.interfaces and not rep.unrecognized
    assert not any(i.partial for i in dev.interfaces.values())
    assert sum("names no interface" in w for w in rep.warnings) == 2
    guest = Zone("guest", "guest", [IPNetwork("192.168.2.0/24")], attach=[("r", "bridge")])
    net = Zone("internet", "external", attach=[("r", "ether1")])
    assert matrix([dev], [guest, net])[("guest", "internet")].verdict == BLOCKED
    # A rule on the negation of a removed interface matches every frame: still partial.
    dev, _ = parse(
        """
    /interface bridge
    add name=bridge
    /interface bridge port
    add bridge=bridge interface=ether2
    /interface bridge filter
    add action=drop chain=input in-interface=!*7
    /ip address
    add address=192.168.2.1/24 interface=bridge
    """,
        header=V6,
    )
    assert dev.interfaces["bridge"].partial


def test_an_address_on_a_bridge_port_is_the_bridges():
    """A hAP lite (RouterOS 6.42) with its LAN addresses on ``ether2-master``, a port of
    ``bridge``: RouterOS puts them on the bridge ("Putting an IP address to a physical
    interface included in a bridge would mean actually putting it on the bridge interface
    itself", wiki Manual:IP/Address).  Left on the port, the bridge's hosts had no gateway
    and the shop's clients were "blocked" from the Internet; they reach it."""
    dev, rep = parse(
        """
    /interface bridge
    add admin-mac=64:D1:54:18:F6:07 auto-mac=no comment=defconf fast-forward=no name=bridge
    /interface ethernet
    set [ find default-name=ether2 ] name=ether2-master
    /interface bridge port
    add bridge=bridge comment=defconf interface=ether2-master
    add bridge=bridge interface=ether3
    /ip address
    add address=192.168.2.1/24 comment=defconf interface=ether2-master network=192.168.2.0
    add address=192.168.3.1/24 comment="hotspot network" interface=ether2-master network=192.168.3.0
    /ip dhcp-client
    add comment=defconf dhcp-options=hostname,clientid disabled=no interface=ether1
    /ip firewall nat
    add action=masquerade chain=srcnat out-interface=ether1
    """,
        header=V6,
    )
    assert dev.interfaces["bridge"].addresses == [IPNetwork("192.168.2.1/24"), IPNetwork("192.168.3.1/24")]
    assert dev.interfaces["ether2-master"].addresses == []
    assert sum("a port of bridge bridge: RouterOS puts it on the bridge" in w for w in rep.warnings) == 2
    shop = Zone("shop", "guest", [IPNetwork("192.168.2.0/24")], attach=[("r", "ether3")])
    net = Zone("internet", "external", attach=[("r", "ether1")])
    assert matrix([dev], [shop, net])[("shop", "internet")].verdict == REACHABLE


def test_a_bridge_filter_rule_of_the_forward_chain_leaves_routed_traffic_exact():
    """A hAP ax2 (RouterOS 7.9, a real export): a second SSID on virtual APs wifi3/wifi4 in
    the LAN bridge, kept off the LAN by ``/interface bridge filter`` drops in the
    ``forward`` chain.  That chain sees the frames the bridge forwards between its ports,
    never the ones it takes to the router (``input``) or sends from it (``output``): the
    LAN's routed traffic to the Internet and to the router was "unknown" for nothing; it
    is proven.  The rules are listed as not modelled (the bridged frames they drop)."""
    text = """
    /interface bridge
    add name=bridge
    /interface wifi
    set [ find default-name=wifi1 ] configuration.mode=ap .ssid=VanPhong disabled=no \\
        security.authentication-types=wpa2-psk
    add configuration.ssid=Khach disabled=no master-interface=wifi1 name=wifi3
    /interface bridge filter
    add action=drop chain=forward in-interface=wifi3
    add action=drop chain=forward out-interface=wifi3
    /interface bridge port
    add bridge=bridge interface=ether2
    add bridge=bridge interface=wifi1
    add bridge=bridge interface=wifi3
    /ip address
    add address=192.168.1.1/24 interface=bridge
    add address=192.0.2.2/30 interface=ether1
    /ip route
    add gateway=192.0.2.1
    /ip firewall nat
    add action=masquerade chain=srcnat out-interface=ether1
    """
    dev, rep = parse(text)
    assert not any(i.partial for i in dev.interfaces.values())
    assert [(p["construct"], p["line"]) for p in rep.partially_understood] == [
        ("bridge filter", 9),
        ("bridge filter", 10),
    ]
    staff = Zone("staff", "internal", [IPNetwork("192.168.1.0/24")], attach=[("r", "ether2")])
    net = Zone("internet", "external", attach=[("r", "ether1")])
    m = matrix([dev], [staff, net])
    assert m[("staff", "internet")].verdict == REACHABLE
    assert m[("staff", "@devices")].verdict == REACHABLE
    # What the guests on wifi3 send the staff on the bridge — bridged frames, which those
    # rules drop — is unknown, never "reachable" through the shared segment.
    assert dev.interfaces["bridge"].bridged_unsure == "bridge filter rule in the forward chain (action=drop): " + (
        "it acts only on the frames the bridge forwards between its ports, which are not modelled; "
        "traffic routed by the router does not pass it"
    )
    # (the router itself forwards nothing between them: its hairpin is dropped too)
    dev, _ = parse(
        text + "    /ip firewall filter\n    add action=drop chain=forward in-interface=bridge out-interface=bridge\n"
    )
    staff = Zone("staff", "internal", [IPNetwork("192.168.1.0/25")], attach=[("r", "ether2")])
    guest = Zone("guest", "guest", [IPNetwork("192.168.1.128/25")], attach=[("r", "wifi3")])
    m = matrix([dev], [staff, guest, net])
    assert m[("guest", "staff")].verdict == UNKNOWN and m[("staff", "guest")].verdict == UNKNOWN
    assert m[("guest", "internet")].verdict == REACHABLE  # routed: exact
    # the input chain sees what the router receives from the port: partial, as before
    dev, _ = parse(text.replace("chain=forward in-interface=wifi3", "chain=input in-interface=wifi3"))
    assert dev.interfaces["bridge"].partial


def test_a_vxlan_with_its_own_bridge_is_a_port_of_that_bridge():
    """A CHR (RouterOS 7.20, a real export: EVPN over VXLAN): ``/interface vxlan add
    bridge=br-router bridge-pvid=1104 …`` puts the VXLAN in the VLAN-filtering bridge as a
    dynamic port of VLAN 1104 — there is no ``/interface bridge port`` line for it.  It was
    a routed interface of its own: the hosts behind it were not in VLAN 1104's segment."""
    dev, _ = parse("""
    /interface bridge
    add name=br-router vlan-filtering=yes
    /interface vxlan
    add bridge=br-router bridge-pvid=1104 learning=no local-address=100.127.50.102 name=vxlan-1104 vni=1104
    add local-address=100.127.50.102 name=vxlan-plain vni=1105
    /interface vlan
    add interface=br-router name=v1104 vlan-id=1104
    /interface bridge vlan
    add bridge=br-router tagged=br-router vlan-ids=1104
    /ip address
    add address=198.18.104.102/24 interface=v1104
    """)
    vx = dev.interfaces["vxlan-1104"]
    assert (vx.mode, vx.parent, vx.access_vlan) == (L2Mode.ACCESS, "br-router", 1104)
    assert dev.interfaces["vxlan-plain"].mode == L2Mode.ROUTED
    far = Zone("far", "internal", [IPNetwork("198.18.104.0/25")], attach=[("r", "vxlan-1104")])
    near = Zone("near", "internal", [IPNetwork("198.18.104.128/25")], attach=[("r", "v1104")])
    m = matrix([dev], [far, near])
    assert m[("far", "near")].verdict == REACHABLE  # one L2 segment, VLAN 1104


def test_switch_port_isolation_makes_the_bridged_traffic_unknown():
    """``/interface ethernet switch port-isolation set PORT forwarding-override=…`` (CRS3xx):
    the chip forwards PORT's frames only to the ports listed.  It was ignored, so two zones
    of one bridge reached each other "for sure" on the segment though the chip may drop
    those frames: unknown now; without the CPU port in the list the routed traffic from
    PORT is unknown too.  A real CCR2004 7.13.5 export prints the default as ``set 8
    !forwarding-override``: no value, nothing changes."""
    text = """
    /interface bridge
    add name=bridge
    /interface bridge port
    add bridge=bridge interface=ether2
    add bridge=bridge interface=ether3
    /interface ethernet switch port-isolation
    set 8 !forwarding-override
    set ether3 forwarding-override=ether1,switch1-cpu
    /ip address
    add address=192.168.1.1/24 interface=bridge
    add address=192.0.2.2/30 interface=ether1
    /ip route
    add gateway=192.0.2.1
    /ip firewall nat
    add action=masquerade chain=srcnat out-interface=ether1
    /ip firewall filter
    add action=drop chain=forward in-interface=bridge out-interface=bridge
    """
    # (the router forwards nothing between them: its hairpin is dropped)
    staff = Zone("staff", "internal", [IPNetwork("192.168.1.0/25")], attach=[("r", "ether2")])
    guest = Zone("guest", "guest", [IPNetwork("192.168.1.128/25")], attach=[("r", "ether3")])
    net = Zone("internet", "external", attach=[("r", "ether1")])
    plain, rep = parse(text.replace("    set ether3 forwarding-override=ether1,switch1-cpu\n", ""))
    assert rep.unrecognized == [] and rep.partially_understood == []
    assert plain.interfaces["bridge"].bridged_unsure is None
    assert matrix([plain], [staff, guest, net])[("guest", "staff")].verdict == REACHABLE
    dev, rep = parse(text)
    assert [(p["construct"], p["line"]) for p in rep.partially_understood] == [("switch port isolation", 9)]
    m = matrix([dev], [staff, guest, net])
    assert m[("guest", "staff")].verdict == UNKNOWN and m[("staff", "guest")].verdict == UNKNOWN
    assert m[("guest", "internet")].verdict == REACHABLE  # the CPU port is listed: routed, exact
    assert not dev.interfaces["bridge"].partial
    dev, _ = parse(text.replace("ether1,switch1-cpu", "ether1"))
    assert dev.interfaces["bridge"].partial  # the router itself may be cut off from ether3
    assert matrix([dev], [staff, guest, net])[("guest", "internet")].verdict == UNKNOWN
