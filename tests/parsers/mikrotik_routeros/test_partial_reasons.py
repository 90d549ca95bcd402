"""RouterOS partial reasons are catalogue texts, worded in Vietnamese too.

Why a firewall rule, a raw rule, a NAT rule, a route, a policy route, a service's access
rule or an interface is only partly understood is the reason of an "unknown" cell and a
line of the report's list of partially understood constructs: an English string there is
English in a Vietnamese report.  Every such reason of the RouterOS parser must be a
catalogue text (several of one construct one ``input.joined`` text) whose Vietnamese
differs from its English, and a reason inside a reason (``mangle prerouting: …``, the
sure part of a rule in doubt …) a text too: on every RouterOS fixture and sample, and on
the exports below, written so that every reason the parser words is given at least once.
"""

from __future__ import annotations

import pytest
from helpers import FIXTURES, SAMPLES, partial_reasons, text_keys, untranslated

from netaudit.messages import Text
from netaudit.parsers import mikrotik_routeros
from netaudit.parsers.mikrotik_routeros import flatten

from .helpers import V6, V7

# The reasons the parser words (input.routeros.*), each given by the inputs below; the
# parser's warnings (input.routeros.bridge_undefined …) are tests/parsers/test_warning_texts.py's.
REASONS = (
    # rule properties
    "matcher_unmodelled",
    "unknown_property",
    "address_type_unmodelled",
    "value_not_understood",
    "iface_not_understood",
    "all_ppp_runtime",
    "iface_removed",
    "unicast_blackhole",
    "untracked_notrack",
    "conntrack_disabled",
    "nat_state_uncertain",
    "ipsec_policy",
    # address and interface lists
    "alist_no_entry",
    "alist_dns",
    "alist_runtime",
    "alist_expiring",
    "iflist_dynamic",
    "iflist_undefined",
    "iflist_ppp_server",
    "iflist_detect_internet",
    # chains flattened, filter and raw lines
    "action_not_understood",
    "nat_state_approximated",
    "jump_no_target",
    "jump_loop",
    "jump_too_deep",
    "after_partial_return",
    "guard_too_big",
    "fasttrack_new",
    "after_raw_unknown",
    "raw_before_dnat",
    "sure_part",
    "fw_command",
    # NAT
    "to_addresses_range",
    "to_ports_range",
    "srcnat_no_address",
    "action_first_address",
    "action_unmodelled",
    "netmap_range",
    # HotSpot
    "hotspot_login_state",
    "hotspot_bypassed",
    "hotspot_maybe_disabled",
    "hotspot_no_address",
    "hotspot_binding_to_address",
    "hotspot_binding_address",
    "hotspot_binding_type",
    "hotspot_user_chain",
    # policy routing
    "mangle_drop",
    "mangle_out_interface",
    "mark_routing_no_mark",
    "route_dst_not_understood",
    "mangle_problem",
    "rule_min_prefix",
    "rule_chain",
    "property_unmodelled",
    "connected_runtime",
    "dynamic_routing_routes",
    "mangle_before_dnat",
    "vrf_table_lookup",
    "table_no_fib",
    "table_undefined",
    "mark_uncertain",
    "v7_mark_order",
    "table_more_routes",
    "route_dst_not_connected",
    "vrf_policy_routing",
    # interfaces, bridges, radios, switch chips
    "bridge_filter",
    "bridge_filter_forward",
    "capsman_managed",
    "capsman_config",
    "switch_chip",
    "vlan_on_bridge_port",
    "vlan_on_switch_port",
    "qinq",
    "service_tag",
    # routes and services
    "gateway_other_table",
    "gateway_iface_undefined",
    "upnp",
    "socks_targets_denied",
    "property_not_understood",
    "proxy_request",
    # the file
    "menu_export",
)
# Fields of a reason's text that hold reasons themselves: each must be a text too.
REASON_FIELDS = frozenset({"why", "parts"})

# A router doing a bit of everything the model does not capture: its firewall.
FIREWALL = """
/interface bridge
add name=br
/interface list
add name=WAN
add name=LAN
/interface list member
add interface=ether1 list=WAN
add interface=br list=LAN
/interface detect-internet
set detect-interface-list=all wan-interface-list=WAN
/interface pppoe-client
add interface=ether3 name=pppoe-out1 user=xa
/interface pppoe-server server
add interface=ether4 service-name=isp default-profile=khach
/ppp profile
add name=khach interface-list=LAN
/ip address
add address=192.0.2.2/30 interface=ether1
add address=10.0.10.1/24 interface=br
/ip route
add gateway=192.0.2.1
add dst-address=10.99.0.0/16 type=blackhole
/ip ipsec policy
add dst-address=10.8.0.0/24 src-address=10.0.10.0/24 tunnel=yes sa-dst-address=198.51.100.1
/ip firewall connection tracking
set enabled=no
/ip firewall address-list
add address=cong.example.vn list=dns
add address=10.0.10.9 list=tam timeout=1d
/ip firewall raw
add action=notrack chain=prerouting in-interface=ether1 protocol=udp dst-port=53
add action=frob chain=prerouting in-interface=ether1
add action=drop chain=prerouting dst-address=10.0.10.5 in-interface=ether1
/ip firewall nat
add action=dst-nat chain=dstnat in-interface=ether1 protocol=tcp dst-port=80 to-addresses=10.0.10.5
add action=jump chain=dstnat in-interface=ether1
/ip firewall filter
add action=fasttrack-connection chain=forward in-interface=br
add action=accept chain=forward protocol=frob
add action=accept chain=forward src-address=10.0.0.999
add action=accept chain=forward protocol=tcp dst-port=abc
add action=accept chain=forward protocol=icmp icmp-options=x:y
add action=accept chain=forward in-interface=all-frob
add action=accept chain=forward in-interface=all-ppp
add action=accept chain=forward in-interface=*7
add action=accept chain=forward dst-address-type=unicast
add action=accept chain=forward dst-address-type=anycast
add action=accept chain=forward connection-state=frob
add action=accept chain=forward connection-state=new,untracked
add action=accept chain=forward connection-nat-state=frob
add action=drop chain=forward connection-nat-state=dstnat
add action=accept chain=forward ipsec-policy=out,ipsec
add action=accept chain=forward limit=10,5:packet frob=1
add action=accept chain=forward src-address-list=dns
add action=accept chain=forward src-address-list=tam
add action=accept chain=forward src-address-list=nowhere
add action=accept chain=forward src-address-list=added
add action=add-src-to-address-list address-list=added chain=forward in-interface=br
add action=accept chain=forward in-interface-list=dynamic
add action=accept chain=forward in-interface-list=NOPE
add action=drop chain=forward in-interface-list=WAN
add action=drop chain=forward in-interface-list=LAN protocol=udp
add action=frob chain=forward
add action=jump chain=forward
add action=jump chain=forward jump-target=loop1
add action=jump chain=loop1 jump-target=loop2
add action=jump chain=loop2 jump-target=loop1
add action=jump chain=forward jump-target=ret
add action=return chain=ret limit=10,5:packet
add action=accept chain=ret src-address=10.9.9.9
add action=jump chain=forward jump-target=guard
{guard}
add action=jump chain=forward jump-target=d0
{deep}
move 1 0
"""
# Return rules whose negations multiply past what a chain's guard may hold.
GUARD = "\n".join(
    f"add action=return chain=guard src-address=10.0.{k}.1 dst-address=10.1.{k}.0/24 protocol=tcp dst-port={k}"
    for k in range(1, 7)
)
# Jumps nested deeper than flatten follows.
DEEP = "\n".join(f"add action=jump chain=d{k} jump-target=d{k + 1}" for k in range(20))

# Destination and source NAT rules the model approximates.
NAT = """
/ip address
add address=192.0.2.2/30 interface=ether1
add address=10.0.10.1/24 interface=ether2
/ip firewall nat
add action=dst-nat chain=dstnat protocol=tcp dst-port=81 to-addresses=bogus
add action=dst-nat chain=dstnat protocol=tcp dst-port=82 to-addresses=10.0.10.5-10.0.10.6
add action=dst-nat chain=dstnat protocol=tcp dst-port=83 to-addresses=10.0.10.5 to-ports=abc
add action=dst-nat chain=dstnat protocol=tcp dst-port=84 to-addresses=10.0.10.5 to-ports=8000-8010
add action=netmap chain=dstnat protocol=tcp dst-port=85 to-addresses=10.0.10.0/24
add action=endpoint-independent-nat chain=dstnat protocol=udp dst-port=86
add action=src-nat chain=srcnat out-interface=ether1
add action=same chain=srcnat out-interface=ether1 to-addresses=192.0.2.2
add action=endpoint-independent-nat chain=srcnat protocol=udp out-interface=ether1
"""

# Mangle routing marks and routing rules (v7).
POLICY = """
/routing table
add fib name=t1
add name=t2
/ip vrf
add interfaces=ether8 name=vrf1
/ip address
add address=192.0.2.2/30 interface=ether1
add address=10.0.10.1/24 interface=ether2
add address=10.0.80.1/24 interface=ether8
/ip dhcp-client
add interface=ether3
/ip route
add gateway=192.0.2.1
add gateway=192.0.2.1 routing-table=t1
add dst-address=10.50.0.0/16 gateway=192.0.2.1@other
add dst-address=10.51.0.0/16 gateway=nosuch
/routing ospf instance
add name=o1
/routing ospf interface-template
add area=backbone interfaces=ether2
/ip firewall nat
add action=dst-nat chain=dstnat in-interface=ether1 protocol=tcp dst-port=80 to-addresses=10.0.10.5
/ip firewall mangle
add action=mark-routing chain=prerouting src-address=10.0.10.0/26 new-routing-mark=t1
add action=mark-routing chain=prerouting src-address=10.0.10.64/26 new-routing-mark=t2
add action=mark-routing chain=prerouting src-address=10.0.10.128/26 new-routing-mark=t3
add action=mark-routing chain=prerouting src-address=10.0.11.0/24 passthrough=no
add action=mark-routing chain=prerouting src-address=10.0.12.0/24 out-interface=ether1 new-routing-mark=t1
add action=route chain=prerouting src-address=10.0.13.0/24 route-dst=bogus passthrough=no
add action=route chain=prerouting src-address=10.0.14.0/24 route-dst=203.0.113.9
add action=mark-routing chain=prerouting dst-address=10.0.10.5 new-routing-mark=t1
add action=mark-routing chain=prerouting connection-mark=x new-routing-mark=t1
/routing rule
add action=lookup-only-in-table src-address=10.0.20.0/24 table=t1 min-prefix=0
add action=lookup src-address=10.0.21.0/24 table=t1 chain=frob
add action=lookup src-address=10.0.22.0/24 table=t1 frob=1
add action=frob src-address=10.0.23.0/24 table=t1
add action=lookup src-address=10.0.24.0/24 table=vrf1
add action=lookup src-address=10.0.0.0/16 table=t2
add action=lookup routing-mark=t1 src-address=10.0.10.0/24 table=t2
"""

# A mangle chain flatten cannot follow.
POLICY_UNREAD = """
/ip firewall mangle
add action=mark-routing chain=prerouting src-address=10.0.10.0/24 new-routing-mark=main
add action=jump chain=prerouting
"""

# A lookup in a main table without a default route, whose connected networks are not all
# known.
POLICY_MAIN = """
/ip address
add address=10.0.10.1/24 interface=ether2
/ip dhcp-client
add add-default-route=no interface=ether1
/routing rule
add action=lookup dst-address=10.0.25.0/24 table=main
"""

# A mangle drop: the documented mangle actions have none (flatten.KNOWN_ACTIONS), so it is
# an action not understood there; a table that had one ends its packets' marking
# (test_every_partial_reason_is_worded_in_vietnamese gives the table one).
MANGLE_DROP = """
/ip firewall mangle
add action=mark-routing chain=prerouting src-address=10.0.10.0/24 new-routing-mark=main
add action=drop chain=prerouting src-address=10.0.11.0/24
"""

# Interfaces, bridges, radios, switch chips and services (v7).
INTERFACES = """
/interface bridge
add name=br vlan-filtering=yes
add name=br2
/interface vlan
add interface=ether5 name=v50 vlan-id=50
add interface=ether6 name=v60 vlan-id=60
add interface=ether7 name=v70 use-service-tag=yes vlan-id=70
add interface=v70 name=v71 vlan-id=71
/interface bridge port
add bridge=br interface=ether5 pvid=10
add bridge=br2 interface=ether6
/interface bridge filter
add action=drop chain=forward in-bridge=br2
add action=drop chain=input in-bridge=br2
/interface ethernet switch vlan
add ports=ether2 switch=switch1 vlan-id=10
/interface wireless cap
set enabled=yes
/caps-man configuration
add name=cfg ssid=x
/ip address
add address=192.0.2.2/30 interface=ether1
add address=10.0.10.1/24 interface=br
add address=10.0.60.1/24 interface=br2
add address=10.0.70.1/24 interface=v71
/ip upnp
set enabled=yes
/ip socks
set enabled=yes
/ip socks access
add action=deny dst-port=80
add action=deny dst-port=443
add src-address=10.0.10.0/24
add action=frob src-address=10.0.11.0/24
add src-address=10.0.12.0/24 frob=1
add src-address=10.0.13.0/24 dst-port=abc
/ip proxy
set enabled=yes
/ip proxy access
add dst-host=cong.example.vn
add src-address=10.0.10.0/24 frob=1
add local-port=abc
"""

# HotSpot servers (v6: one added without disabled=no may not run).
HOTSPOT = """
/interface bridge
add name=br
/ip address
add address=192.0.2.2/30 interface=ether1
add address=10.0.10.1/24 interface=br
/ip hotspot user profile
add incoming-filter=hsin name=up
/ip hotspot
add interface=ether2 name=hs1
add disabled=no interface=ether9 name=hs2
add disabled=no interface=br name=hs3
/ip hotspot ip-binding
add address=10.0.10.9 server=hs3 to-address=10.0.0.9
add address=bogus server=hs3
add address=10.0.10.8 server=hs3 type=frob
add address=10.0.10.7 server=hs3 type=bypassed
/ip firewall filter
add action=accept chain=hsin
"""

EXPORTS = {
    "firewall": (V7, FIREWALL.format(guard=GUARD, deep=DEEP)),
    "nat": (V7, NAT),
    "policy-routing": (V7, POLICY),
    "policy-routing-unread": (V7, POLICY_UNREAD),
    "policy-routing-main": (V7, POLICY_MAIN),
    "mangle-drop": (V7, MANGLE_DROP),
    "interfaces-services": (V7, INTERFACES),
    "hotspot": (V6, HOTSPOT),
    "menu-export": (V7, "[admin@gw] > /interface export\n/interface bridge\nadd name=br\n"),
}


def _parse(header: str, text: str):
    result = mikrotik_routeros.parse(header + text.lstrip("\n"), "r.rsc")
    return result.devices, [result.report]


def _reasons(devices, reports) -> list:
    """Every partial reason, and why a line made of a rule's sure part is no proof that
    the rule never matches (``FilterLine.approximated``)."""
    sure = [ln.approximated for d in devices for f in d.filters.values() for ln in f.lines if ln.approximated]
    return partial_reasons(devices, reports) + sure


def _plain(reason) -> list:
    """The reasons inside ``reason`` (itself included) that are not catalogue texts."""
    if not isinstance(reason, Text):
        return [reason]
    inner = [x for k, v in reason.fields if k in REASON_FIELDS for x in (v if isinstance(v, tuple) else (v,))]
    return [p for x in inner for p in _plain(x)]


def _inputs():
    """``(devices, reports)`` of every RouterOS fixture and sample file."""
    files = sorted(p for p in (FIXTURES / "mikrotik_routeros").glob("*.rsc"))
    files += sorted(p for d in sorted(SAMPLES.glob("routeros-*")) for p in d.glob("*.rsc"))
    assert len(files) >= 18
    devices, reports = [], []
    for path in files:
        result = mikrotik_routeros.parse(path.read_text(encoding="utf-8"), path.name)
        devices += result.devices
        reports.append(result.report)
    return devices, reports


def test_the_fixtures_and_samples_say_why_in_vietnamese_too():
    reasons = _reasons(*_inputs())
    assert reasons  # the fixtures have partial constructs (not vacuous)
    assert untranslated(reasons) == []
    assert [p for r in reasons for p in _plain(r)] == []


@pytest.mark.parametrize("name", EXPORTS)
def test_each_export_says_why_in_vietnamese_too(name):
    reasons = _reasons(*_parse(*EXPORTS[name]))
    assert reasons
    assert untranslated(reasons) == []
    assert [p for r in reasons for p in _plain(r)] == []


def test_every_partial_reason_is_worded_in_vietnamese(monkeypatch):
    """The exports above give every reason the parser words: a reason added without an
    export giving it fails here.  (A mangle table with a ``drop`` for MANGLE_DROP.)"""
    monkeypatch.setitem(flatten.KNOWN_ACTIONS, "mangle", flatten.KNOWN_ACTIONS["mangle"] | {"drop"})
    given = [r for header, text in EXPORTS.values() for r in _reasons(*_parse(header, text))]
    seen = text_keys(given + _reasons(*_inputs()))
    assert sorted({k for k in seen if k.startswith("input.routeros.")} ^ {f"input.routeros.{k}" for k in REASONS}) == []


@pytest.mark.parametrize(
    "rule,english,vietnamese",
    [
        (
            "add action=accept chain=forward protocol=frob connection-state=new",
            "protocol 'frob' not understood; connection tracking disabled: connection-state never matches",
            "không hiểu được protocol 'frob'; theo dõi kết nối (connection tracking) bị tắt: connection-state không "
            "bao giờ khớp",
        ),
        (
            "add action=accept chain=forward in-interface=*7 ipsec-policy=out,none",
            "interface *7 (a removed interface's id); ipsec-policy=out,none with IPsec policies configured",
            "giao diện *7 (mã định danh của một giao diện đã bị xóa); ipsec-policy=out,none trong khi có cấu hình "
            "IPsec policy",
        ),
    ],
)
def test_a_rule_reason_in_both_languages(rule, english, vietnamese):
    """A rule's reasons: the English sentence they always were, and its Vietnamese (its
    several reasons one text; configuration text quoted as it is)."""
    text = (
        "/ip ipsec policy\nadd dst-address=10.8.0.0/24 src-address=10.0.10.0/24 tunnel=yes\n"
        f"/ip firewall connection tracking\nset enabled=no\n/ip firewall filter\n{rule}\n"
    )
    devices, _ = _parse(V7, text)
    (line,) = [ln for ln in devices[0].filters["forward"].lines if ln.partial]
    why = line.partial
    assert isinstance(why, Text) and why == english and why.render("vi") == vietnamese
