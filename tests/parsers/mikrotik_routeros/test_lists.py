"""Interface lists and address lists (:mod:`~netaudit.parsers.mikrotik_routeros.lists`)."""

from __future__ import annotations

import pytest

from netaudit.model import L2Mode
from netaudit.reach import BLOCKED

from .helpers import GUEST, NET, STAFF, V6, matrix, office, parse


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


def test_an_address_list_declared_without_an_address_is_recognized_and_empty():
    # found on real exports that keep MikroTik's DDoS recipe (help.mikrotik.com "DDoS
    # Protection": `/ip firewall address-list add list=ddos-attackers`): the lines were
    # unrecognized; they declare the lists, which the detect-ddos rules fill at run time
    from netaudit.reach import BLOCKED

    dev, rep = office("""
    /ip firewall address-list
    add list=ddos-attackers
    add list=banned
    /ip firewall filter
    add action=add-src-to-address-list address-list=ddos-attackers address-list-timeout=10m chain=forward \\
        connection-state=new dst-limit=32,32,src-and-dst-addresses/10s
    add action=accept chain=forward src-address-list=banned
    add action=drop chain=forward in-interface=v40
    """)
    assert rep.unrecognized == []
    assert matrix([dev], [GUEST, STAFF])[("guest", "staff")].verdict == BLOCKED  # banned: no member


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


# --------------------------------------------------------------------------- lists filled at run time
# docs/vendors/mikrotik_routeros.md, "Interface lists filled at run time".

UPLINK = """
/ppp profile
add interface-list=WAN name=isp
/interface pppoe-client
add disabled=no interface=ether4 name=pppoe-out1 profile=isp user=u
/ip firewall filter
add action=drop chain=forward in-interface-list=WAN
"""


def test_ppp_client_is_a_member_of_its_profiles_list():
    """``/ppp profile … interface-list=WAN``: the client using the profile joins WAN while
    connected — a member (down, it carries nothing), the rule on WAN exact."""
    dev, rep = office(UPLINK)
    assert dev.interface_lists["WAN"] == ["ether1", "pppoe-out1"]
    (line,) = dev.filters["forward"].lines
    assert line.partial is None and line.matches[0].in_ifaces == {"ether1", "pppoe-out1"}
    assert rep.partially_understood == [] and rep.unrecognized == []


@pytest.mark.parametrize(
    ("client", "profile_line"),
    [
        # the built-in profiles by the item number an export gives them, each client's default
        (
            "/interface l2tp-client\nadd connect-to=203.0.113.9 name=l2tp-out1 user=u",
            "set *FFFFFFFE interface-list=WAN",
        ),
        (
            "/interface pptp-client\nadd connect-to=203.0.113.9 name=pptp-out1 user=u",
            "set *FFFFFFFE interface-list=WAN",
        ),
        ("/interface sstp-client\nadd connect-to=203.0.113.9 name=sstp-out1 user=u", "set *0 interface-list=WAN"),
        ("/interface ovpn-client\nadd connect-to=203.0.113.9 name=ovpn-out1 user=u", "set *0 interface-list=WAN"),
        ("/interface pppoe-client\nadd interface=ether4 name=pppoe-out1 user=u", "set *0 interface-list=WAN"),
        # [ find default=yes ] selects both built-in profiles
        (
            "/interface l2tp-client\nadd connect-to=203.0.113.9 name=l2tp-out1 user=u",
            "set [ find default=yes ] interface-list=WAN",
        ),
    ],
)
def test_ppp_client_takes_its_kinds_default_profile(client, profile_line):
    dev, _ = office(f"{client}\n/ppp profile\n{profile_line}\n")
    name = client.split("name=")[1].split()[0]
    assert name in dev.interface_lists["WAN"]


def test_ppp_client_of_another_default_profile_is_no_member():
    """An L2TP client takes ``default-encryption``, not ``default``."""
    dev, _ = office(
        "/interface l2tp-client\nadd connect-to=203.0.113.9 name=l2tp-out1 user=u\n/ppp profile\nset *0 interface-list=WAN\n"
    )
    assert dev.interface_lists["WAN"] == ["ether1"]


def test_setting_the_list_of_a_profile_not_named_is_not_understood():
    _, rep = office("/ppp profile\nset *5 interface-list=WAN\n")
    assert [s.text for s in rep.unrecognized] == ["set *5 interface-list=WAN"]


SERVER = """
/ppp profile
add interface-list=LAN name=vpn
/interface l2tp-server server
set default-profile=vpn enabled=yes
/ip firewall filter
add action=accept chain=forward in-interface-list=LAN
add action=drop chain=forward
"""


def test_ppp_server_sessions_make_the_list_uncertain_its_members_stay_exact():
    """A session's interface is none of the export's and joins LAN: a rule on LAN may
    take any zone's packets (a user's session) — Internet → staff unknown, never
    blocked — and surely takes those of LAN's members (staff → guest stays proven)."""
    from netaudit.reach import REACHABLE, UNKNOWN

    dev, rep = office(SERVER)
    sure, doubt, _drop = dev.filters["forward"].lines
    assert sure.partial is None and sure.approximated and sure.matches[0].in_ifaces == {"v10", "v40"}
    assert "PPP server" in doubt.partial and "profile vpn" in doubt.partial and doubt.matches[0].in_ifaces is None
    assert dev.interface_lists["LAN"] == ["v10", "v40"]  # the sure members
    got = matrix([dev], [GUEST, STAFF, NET])
    assert got[("staff", "guest")].verdict == REACHABLE
    assert got[("internet", "staff")].verdict == UNKNOWN
    assert "PPP server" in str(got[("internet", "staff")].reason)
    assert [(p["text"], "PPP server" in p["reason"]) for p in rep.partially_understood] == [
        ("add action=accept chain=forward in-interface-list=LAN", True)
    ]


@pytest.mark.parametrize(
    "server",
    [
        "/interface l2tp-server server\nset default-profile=vpn enabled=no",  # off
        "/interface l2tp-server server\nset enabled=yes",  # default-encryption, no user of vpn
        "/interface pppoe-server server\nadd default-profile=vpn disabled=yes interface=ether4",
        "/interface l2tp-server server\nset enabled=yes\n/ppp secret\nadd name=a profile=vpn service=pppoe",
        "/interface l2tp-server server\nset enabled=yes\n/ppp secret\nadd disabled=yes name=a profile=vpn",
    ],
)
def test_ppp_server_that_never_uses_the_profile_leaves_the_list_exact(server):
    dev, rep = office(SERVER.replace("/interface l2tp-server server\nset default-profile=vpn enabled=yes", server))
    assert all(line.partial is None for line in dev.filters["forward"].lines)
    assert rep.partially_understood == []


@pytest.mark.parametrize(
    "server",
    [
        "/interface l2tp-server server\nset enabled=yes\n/ppp secret\nadd name=a profile=vpn service=l2tp",
        "/interface l2tp-server server\nset enabled=yes\n/ppp secret\nadd name=a profile=vpn",  # service any
        "/interface sstp-server server\nset enabled=yes\n/ppp aaa\nset use-radius=yes",  # RADIUS names any profile
        "/interface pppoe-server server\nadd default-profile=vpn interface=ether4",
    ],
)
def test_every_way_a_server_may_use_the_profile(server):
    dev, _ = office(SERVER.replace("/interface l2tp-server server\nset default-profile=vpn enabled=yes", server))
    assert any(line.partial for line in dev.filters["forward"].lines)


DETECT = """
/interface list
add name=DETECT
/interface list member
add interface=ether4 list=DETECT
/interface detect-internet
set detect-interface-list=%s lan-interface-list=LAN wan-interface-list=WAN
/ip firewall filter
add action=drop chain=input in-interface-list=!LAN
add action=drop chain=forward in-interface-list=WAN
/ip firewall nat
add action=masquerade chain=srcnat out-interface-list=WAN
"""


def test_detect_internet_may_put_the_interfaces_it_watches_in_its_lists():
    """Detect Internet watches ether4: ether4 may join WAN or LAN at run time.  The rules
    on WAN and !LAN surely match what they matched (ether1 is WAN's member, v10 and v40
    LAN's) and maybe ether4's packets; nothing else changes."""
    dev, rep = office(DETECT % "DETECT")
    inp = dev.filters["input"].lines
    assert [(sorted(ln.matches[0].in_ifaces), bool(ln.partial), bool(ln.approximated)) for ln in inp] == [
        (["br", "ether1", "ether2", "ether3"], False, True),  # surely not in LAN
        (["br", "ether1", "ether2", "ether3", "ether4"], True, False),
    ]
    fwd = dev.filters["forward"].lines
    assert [(sorted(ln.matches[0].in_ifaces), bool(ln.partial)) for ln in fwd] == [
        (["ether1"], False),
        (["ether1", "ether4"], True),
    ]
    assert "Detect Internet (detect-interface-list=DETECT)" in fwd[1].partial
    # masquerade: exact out of ether1, maybe out of ether1 and ether4 (the first rule takes ether1's)
    assert [(r.to_interface, r.partial is None) for r in dev.nat_rules] == [
        ("ether1", True),
        ("ether1", False),
        ("ether4", False),
    ]
    assert dev.interface_lists["WAN"] == ["ether1"]  # the sure members
    assert dev.facts.runtime_list_members == {"LAN": ["ether4"], "WAN": ["ether4"]}
    assert sorted(p["text"] for p in rep.partially_understood) == [
        "add action=drop chain=forward in-interface-list=WAN",
        "add action=drop chain=input in-interface-list=!LAN",
        "add action=masquerade chain=srcnat out-interface-list=WAN",
    ]


def test_detect_internet_off_or_watching_nothing_changes_nothing():
    for watched in ("none", "NOBODY"):
        text = DETECT % watched
        if watched == "NOBODY":
            text = "/interface list\nadd name=NOBODY\n" + text
        dev, rep = office(text)
        assert rep.partially_understood == [], watched
        assert [len(dev.filters[c].lines) for c in ("input", "forward")] == [1, 1]


def test_a_sure_part_is_no_proof_that_its_rule_never_matches():
    """The sure part of a rule in doubt, shadowed by an earlier rule, is not reported: the
    rule may still match the interfaces added at run time."""
    from netaudit.headerspace import HeaderSpace
    from netaudit.line_reachability import shadowed_lines

    dev, _ = office(
        """
    /interface detect-internet
    set detect-interface-list=all wan-interface-list=WAN
    /ip firewall filter
    add action=drop chain=forward in-interface=ether1
    add action=drop chain=forward in-interface-list=WAN
    """
    )
    flt = dev.filters["forward"]
    assert [bool(ln.approximated) for ln in flt.lines] == [False, True, False]
    assert shadowed_lines(HeaderSpace(), flt) == []


def test_neighbor_discovery_on_a_list_detect_internet_may_fill():
    dev, _ = office(
        """
    /interface detect-internet
    set detect-interface-list=all lan-interface-list=LAN
    /ip neighbor discovery-settings
    set discover-interface-list=LAN
    """
    )
    assert "ether1" in dev.facts.neighbor_discovery.interfaces  # may be found "LAN"


def test_rules_on_a_list_with_no_member_are_recorded():
    """A rule naming (not negated) a declared list with no member and none possible at
    run time matches no packet (check routeros-rule-empty-interface-list)."""
    dev, _ = office(
        """
    /interface list
    add name=EMPTY
    add name=PPP
    add name=VIA
    add include=EMPTY name=ALSO-EMPTY
    /ppp profile
    add interface-list=PPP name=p
    add interface-list=VIA name=unused
    /interface l2tp-server server
    set default-profile=p enabled=yes
    /ip firewall filter
    add action=drop chain=forward in-interface-list=EMPTY
    add action=drop chain=forward in-interface-list=!EMPTY
    add action=drop chain=forward disabled=yes in-interface-list=EMPTY
    add action=drop chain=forward in-interface-list=UNDEFINED
    add action=drop chain=forward in-interface-list=PPP
    add action=accept chain=forward out-interface-list=ALSO-EMPTY
    add action=accept chain=forward out-interface-list=VIA
    add action=drop chain=forward in-interface-list=none
    /ip firewall nat
    add action=masquerade chain=srcnat out-interface-list=EMPTY
    """
    )
    got = [(r.table, r.action, r.key, r.source.text, r.list_source.text) for r in dev.facts.empty_list_rules]
    assert got == [
        (
            "filter",
            "drop",
            "in-interface-list",
            "add action=drop chain=forward in-interface-list=EMPTY",
            "add name=EMPTY",
        ),
        (
            "filter",
            "accept",
            "out-interface-list",
            "add action=accept chain=forward out-interface-list=ALSO-EMPTY",
            "add include=EMPTY name=ALSO-EMPTY",
        ),
        # a profile no PPP interface uses
        (
            "filter",
            "accept",
            "out-interface-list",
            "add action=accept chain=forward out-interface-list=VIA",
            "add name=VIA",
        ),
        (
            "nat",
            "masquerade",
            "out-interface-list",
            "add action=masquerade chain=srcnat out-interface-list=EMPTY",
            "add name=EMPTY",
        ),
    ]
