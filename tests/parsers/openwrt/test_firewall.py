"""fw4 semantics through the engine (:mod:`netaudit.parsers.openwrt.firewall`)."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from netaddr import IPAddress, IPNetwork

from netaudit.model import Action
from netaudit.parsers.openwrt.fw_conditions import Family, addresses, ports, protocols, rule_conds
from netaudit.parsers.openwrt.uci import read
from netaudit.zones import Zone

from .helpers import NET, STAFF, cells, office


def test_guest_recipe_is_compliant():
    dev, rep = office()
    assert rep.unrecognized == [] and rep.partially_understood == []
    c = cells(dev)
    assert c[("guest", "staff")].verdict == "blocked"
    assert c[("guest", "internet")].verdict == "reachable"
    assert c[("guest", "@devices")].services == ["udp/53", "udp/67"]
    assert c[("internet", "staff")].verdict == "blocked"
    assert c[("staff", "internet")].verdict == "reachable"


def test_forwarding_guest_to_lan_leaks():
    dev, _ = office("""
    config forwarding
    \toption src 'guest'
    \toption dest 'lan'
    """)
    c = cells(dev)
    assert c[("guest", "staff")].verdict == "reachable"
    assert c[("staff", "guest")].verdict == "blocked"


def test_zone_forward_policy_only_decides_its_own_zone():
    # guest forward ACCEPT does not open guest -> lan: fw4 applies it as accept_to_guest
    dev, _ = office().__class__ and office(
        base=office.__defaults__[1].replace(
            "\toption name 'guest'\n\tlist network 'guest'\n\toption input 'REJECT'\n\toption output 'ACCEPT'\n"
            "\toption forward 'REJECT'",
            "\toption name 'guest'\n\tlist network 'guest'\n\toption input 'REJECT'\n"
            "\toption output 'ACCEPT'\n\toption forward 'ACCEPT'",
        )
    )
    assert cells(dev)[("guest", "staff")].verdict == "blocked"


def test_defaults_forward_accept_opens_every_zone_pair():
    base = office.__defaults__[1].replace(
        "\toption forward 'REJECT'\n\nconfig zone\n\toption name 'lan'",
        "\toption forward 'ACCEPT'\n\nconfig zone\n\toption name 'lan'",
    )
    dev, _ = office(base=base)
    assert dev.filters["forward"].default_action == Action.PERMIT
    assert cells(dev)[("guest", "staff")].verdict == "reachable"


def test_guest_input_accept_exposes_router():
    base = office.__defaults__[1].replace(
        "\toption name 'guest'\n\tlist network 'guest'\n\toption input 'REJECT'",
        "\toption name 'guest'\n\tlist network 'guest'\n\toption input 'ACCEPT'",
    )
    dev, _ = office(base=base)
    services = cells(dev)[("guest", "@devices")].services
    assert "tcp/22" in services


def test_rule_with_dest_zone_acts_only_on_that_zone_and_reject_before_forwarding():
    dev, _ = office("""
    config rule
    \toption name 'cho may in'
    \toption src 'guest'
    \toption dest 'lan'
    \toption dest_ip '192.168.1.20'
    \toption proto 'tcp'
    \toption dest_port '9100 631'
    \toption target 'ACCEPT'
    """)
    c = cells(dev)
    assert c[("guest", "staff")].verdict == "reachable"
    assert c[("guest", "staff")].services == ["tcp/631", "tcp/9100"]


def test_rules_come_before_forwardings():
    dev, _ = office("""
    config rule
    \toption src 'guest'
    \toption dest 'wan'
    \toption proto 'all'
    \toption target 'DROP'
    """)
    assert cells(dev)[("guest", "internet")].verdict == "blocked"


def test_disabled_and_ipv6_rules_do_not_apply():
    dev, rep = office("""
    config rule
    \toption src 'guest'
    \toption dest 'lan'
    \toption proto 'all'
    \toption target 'ACCEPT'
    \toption enabled '0'

    config rule
    \toption src 'guest'
    \toption dest 'lan'
    \toption proto 'all'
    \toption family 'ipv6'
    \toption target 'ACCEPT'

    config rule
    \toption src 'guest'
    \toption dest 'lan'
    \toption src_ip 'fd00::/8'
    \toption target 'ACCEPT'
    """)
    assert cells(dev)[("guest", "staff")].verdict == "blocked"
    assert rep.unrecognized == []


def test_ports_on_proto_all_are_dropped_like_fw4():
    dev, _ = office("""
    config rule
    \toption src 'guest'
    \toption dest 'lan'
    \toption proto 'all'
    \toption dest_port '80'
    \toption target 'ACCEPT'
    """)
    assert cells(dev)[("guest", "staff")].services == ["ip"]


def test_unmodelled_match_makes_line_partial_and_verdict_unknown():
    dev, rep = office("""
    config rule
    \toption src 'guest'
    \toption dest 'lan'
    \toption src_mac '00:11:22:33:44:55'
    \toption proto 'all'
    \toption target 'ACCEPT'
    """)
    assert cells(dev)[("guest", "staff")].verdict == "unknown"
    assert any("MAC" in p["reason"] for p in rep.partially_understood)


def test_src_any_dest_any_rule_in_forward_chain():
    dev, _ = office("""
    config rule
    \toption src '*'
    \toption dest '*'
    \toption proto 'icmp'
    \toption icmp_type 'echo-request'
    \toption target 'ACCEPT'
    """)
    assert cells(dev)[("guest", "staff")].services == ["icmp/8"]


def test_port_forward_reaches_inside_only_by_its_image():
    dev, _ = office("""
    config redirect
    \toption name 'camera'
    \toption src 'wan'
    \toption src_dport '8000'
    \toption dest 'lan'
    \toption dest_ip '192.168.1.50'
    \toption dest_port '80'
    \toption proto 'tcp'
    \toption target 'DNAT'
    """)
    c = cells(dev)
    assert c[("internet", "staff")].verdict == "reachable"
    assert c[("internet", "staff")].services == ["tcp/80"]  # delivered after translation
    dnat = [r for r in dev.nat_rules if r.kind == "destination"]
    assert dnat and dnat[0].to_port == 80


PBX_FORWARD = """
config redirect
\toption name 'tong-dai-rtp'
\toption src 'wan'
\toption src_dport '%s'
\toption dest 'lan'
\toption dest_ip '192.168.1.20'
\toption dest_port '%s'
\toption proto 'udp'
\toption target 'DNAT'
"""


@pytest.mark.parametrize(
    ("src_dport", "dest_port"),
    [("10000-10099", "10000-10099"), ("10000:10099", "10000-10099"), ("10010-10019", "10000-10099")],
)
def test_a_port_range_forwarded_onto_a_range_holding_it_keeps_the_port(src_dport, dest_port):
    """fw4 writes ``udp dport 10000-10099 dnat ip to 192.168.1.20:10000-10099``; the
    kernel keeps a destination port already inside the DNAT range
    (nf_nat_get_unique_tuple): each port reaches the same port, exactly."""
    dev, rep = office(PBX_FORWARD % (src_dport, dest_port))
    assert not [p for p in rep.partially_understood if "tong-dai-rtp" in p["construct"]]
    dnat = [r for r in dev.nat_rules if r.kind == "destination"]
    assert dnat and all(r.to_port is None and not r.partial for r in dnat)
    cell = cells(dev)[("internet", "staff")]
    lo, _, hi = src_dport.replace(":", "-").partition("-")
    assert (cell.verdict, cell.services) == ("reachable", [f"udp/{lo}-{hi}"])


@pytest.mark.parametrize(("src_dport", "dest_port"), [("5070-5079", "6000-6009"), ("5060-5079", "5070-5079")])
def test_a_port_range_forwarded_onto_another_range_stays_partial(src_dport, dest_port):
    """A port outside the DNAT range becomes the range's first free port (the kernel):
    not modelled, the forward is partial (its ports after translation unknown), never
    blocked."""
    dev, rep = office(PBX_FORWARD % (src_dport, dest_port))
    assert any("port range" in p["reason"] for p in rep.partially_understood)
    assert all(r.partial for r in dev.nat_rules if r.kind == "destination")
    assert cells(dev)[("internet", "staff")].verdict in ("reachable", "unknown")


def test_a_port_range_forwarded_onto_one_port_is_exact():
    dev, rep = office(PBX_FORWARD % ("10000-10099", "5060"))
    assert not [p for p in rep.partially_understood if "tong-dai-rtp" in p["construct"]]
    assert cells(dev)[("internet", "staff")].services == ["udp/5060"]


def test_a_port_forward_to_the_routers_own_lan_address_is_accepted_on_input():
    """``dest_ip`` the router's own LAN address: after DNAT the packet is the router's,
    and fw4 accepts it by ``ct status dnat accept`` in ``input_wan`` (ruleset.uc: in
    both the zone's input and forward chains when it is the source of a redirect)."""
    dev, _ = office("""
    config redirect
    \toption name 'ssh-to-router'
    \toption src 'wan'
    \toption src_dport '22101'
    \toption dest 'lan'
    \toption dest_ip '192.168.1.1'
    \toption dest_port '22'
    \toption proto 'tcp'
    \toption target 'DNAT'
    """)
    cell = cells(dev)[("internet", "@devices")]
    assert (cell.verdict, cell.services) == ("reachable", ["tcp/22"])
    assert cell.witness.to_json()["packet"]["dst_port"] == 22101


def test_include_makes_filters_partial():
    dev, _rep = office("""
    config include
    \toption path '/etc/firewall.user'
    """)
    assert dev.filters["forward"].partial and cells(dev)[("guest", "staff")].verdict == "unknown"


def test_no_defaults_section_means_drop():
    base = office.__defaults__[1].replace(
        "config defaults\n\toption input 'REJECT'\n\toption output 'ACCEPT'\n\toption forward 'REJECT'\n", ""
    )
    dev, _ = office(base=base)
    assert dev.filters["forward"].default_action == Action.DENY


# fw4's ipsets (parse_ipset / parse_setmatch in firewall4's fw4.uc): the first 16 guest
# addresses are one zone, the upper half of the guest network another.
_GUEST_LOW = Zone("guest_low", "guest", [IPNetwork("192.168.3.0/28")])
_GUEST_HIGH = Zone("guest_high", "guest", [IPNetwork("192.168.3.128/25")])
_VIP_RULE = """
config rule
\toption name 'vip-to-lan'
\toption src 'guest'
\toption dest 'lan'
\toption ipset '{match}'
\toption proto 'tcp'
\toption dest_port '443'
\toption target 'ACCEPT'
"""


def _vip(ipset: str, match: str = "vip", extra: str = ""):
    dev, rep = office(textwrap.dedent(ipset) + _VIP_RULE.format(match=match) + textwrap.dedent(extra))
    c = cells(dev, (STAFF, _GUEST_LOW, _GUEST_HIGH, NET))
    reasons = " | ".join(p["reason"] for p in rep.partially_understood)
    return c[("guest_low", "staff")], c[("guest_high", "staff")], reasons


_VIP_SET = """
config ipset
\toption name 'vip'
\toption match 'src_net'
\tlist entry '192.168.3.0/28'
"""


def test_an_ipset_with_its_entries_narrows_the_rule_exactly():
    low, high, reasons = _vip(_VIP_SET)
    assert (low.verdict, low.services, high.verdict) == ("reachable", ["tcp/443"], "blocked")
    assert reasons == ""


def test_an_inverted_ipset_selects_the_other_addresses():
    low, high, reasons = _vip(_VIP_SET, match="!vip")
    assert (low.verdict, high.verdict, high.services) == ("blocked", "reachable", ["tcp/443"])
    assert reasons == ""


def test_a_match_type_without_direction_is_a_source_match_and_the_rule_may_say_dst():
    low, high, _ = _vip(_VIP_SET.replace("src_net", "net"))
    assert (low.verdict, high.verdict) == ("reachable", "blocked")
    # "vip dst": the same set now selects destinations; no staff address is in it
    low, high, reasons = _vip(_VIP_SET, match="vip dst")
    assert (low.verdict, high.verdict, reasons) == ("blocked", "blocked", "")


def test_an_ipset_fw4_does_not_create_leaves_its_rules_unknown():
    """fw4 skips a rule naming a set it did not create (disabled, no ``name`` option,
    no match type): the set's entries never narrow it, and a service may still define a
    set of that name at run time, so the rule is neither applied nor dropped."""
    for ipset, said in (
        (_VIP_SET + "\toption enabled '0'\n", "disabled"),
        (_VIP_SET.replace("\toption name 'vip'\n", "").replace("config ipset", "config ipset 'vip'"), "not defined"),
        (_VIP_SET.replace("\toption match 'src_net'\n", ""), "no match type"),
    ):
        low, high, reasons = _vip(ipset)
        assert (low.verdict, high.verdict) == ("unknown", "unknown"), said
        assert said in reasons


def test_an_ipset_filled_at_run_time_is_not_read_as_its_entries():
    for extra, said in (
        ("\toption timeout '3600'\n", "timeout"),
        ("\toption loadfile '/etc/vip.txt'\n", "loadfile"),
    ):
        low, high, reasons = _vip(_VIP_SET + extra)
        assert (low.verdict, high.verdict) == ("unknown", "unknown"), said
        assert said in reasons
    dnsmasq = "\npackage dhcp\n\nconfig dnsmasq\n\tlist ipset '/portal.example.vn/vip'\n"
    low, high, reasons = _vip(_VIP_SET, extra=dnsmasq)
    assert (low.verdict, high.verdict) == ("unknown", "unknown")
    assert "dnsmasq" in reasons


def test_a_rule_naming_an_undefined_zone_is_skipped_whole():
    """fw4 skips a rule (or forwarding) whose zone is not defined: one warning, and its
    options are read — not listed as lines netaudit did not understand."""
    dev, rep = office("""
    config rule
    \toption name 'to-nowhere'
    \toption src 'guest'
    \toption dest 'iot'
    \toption proto 'tcp'
    \toption dest_port '1883'
    \toption target 'ACCEPT'

    config forwarding
    \toption src 'iot'
    \toption dest 'wan'
    """)
    assert rep.unrecognized == []
    assert any("to-nowhere: zone not defined" in w for w in rep.warnings)
    assert cells(dev)[("guest", "staff")].verdict == "blocked"


@settings(max_examples=2000, deadline=None)
@given(ip=st.integers(0, 2**32 - 1), length=st.integers(0, 32), with_length=st.booleans())
def test_addresses_as_netaddr_reads_them(ip, length, with_length):
    """Dotted quads (with a decimal length) are read from integers: the range netaddr
    gives, host bits cleared."""
    text = str(IPAddress(ip)) + (f"/{length}" if with_length else "")
    net = IPNetwork(text)
    why: list[str] = []
    assert addresses([text], {}, why, "source") == ((net.first, net.last),)
    assert addresses([f"!{text}", "0.0.0.0/0"], {}, why, "source") == addresses([f"!{net.cidr}"], {}, why, "source")
    assert why == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.1.2.3/255.255.255.0", ((0x0A010200, 0x0A0102FF),)),  # a mask: netaddr reads it
        ("10.1.2.3/255.0.255.0", None),  # not contiguous: said, matched as any
        ("10.1.2.0/24 ", ((0x0A010200, 0x0A0102FF),)),  # a blank after it: netaddr takes it
        ("nas.lan", None),  # a host name: said, matched as any
    ],
)
def test_other_address_forms_go_to_netaddr(text, expected):
    why: list[str] = []
    got = addresses([text], {}, why, "source")
    assert got == expected
    assert bool(why) == (expected is None)


def test_a_partial_snat_redirect_is_listed_as_partly_understood():
    """An SNAT redirect kept with a reason is in the report's list of partly understood
    constructs, as a DNAT one is (it was only on its NAT rules)."""
    dev, rep = office("""
    config redirect
    \toption name 'snat-may-in'
    \toption target 'SNAT'
    \toption src 'lan'
    \toption dest 'wan'
    \toption src_ip '192.168.1.50'
    \toption src_dip '203.0.113.9'
    \toption src_mac '00:11:22:33:44:55'
    \toption proto 'all'
    """)
    snat = [r for r in dev.nat_rules if r.kind == "source" and r.to_ip is not None and r.partial]
    assert snat, "the redirect is kept as partial source NAT rules"
    listed = [p for p in rep.partially_understood if p["construct"] == "redirect snat-may-in"]
    assert listed and listed[0]["reason"] == str(snat[0].partial)


def test_remembered_values_give_what_a_first_reading_gives():
    """Addresses, ports and protocols are read once per distinct list; a list with a value
    not read is read again each time, so that its reason names the option it is about."""
    for _ in range(2):
        why: list[str] = []
        assert addresses(["10.1.2.0/24", "!10.1.2.7"], {}, why, "source") == (
            (0x0A010200, 0x0A010206),
            (0x0A010208, 0x0A0102FF),
        )
        assert ports(["22", "8000-8080"], why, "port") == ((22, 22), (8000, 8080))
        assert protocols(["tcp", "udp", "tcp"], why) == ["tcp", "udp"]
        assert why == []
    for what in ("source", "destination"):
        why = []
        assert addresses(["10.1.2.3", "nas.lan"], {}, why, what) == ((0x0A010203, 0x0A010203),)
        assert ports(["22", "ssh"], why, what) == ((22, 22),)
        assert protocols(["tcp", "bogus"], why) == [None]
        assert len(why) == 3 and all(what in str(w) for w in why[:2]), why


def test_a_rule_read_again_gives_the_same_union_and_reasons():
    """The union of a rule's values is remembered per distinct values (``_conds``): a
    second rule with the same values gets the same conditions, the same ICMP reasons,
    and an IPv6-only rule is IPv6-only again."""
    text = (
        "package firewall\n\n"
        + "config rule\n\toption proto 'icmp tcp'\n\tlist icmp_type 'echo-request'\n\tlist icmp_type 'bogus'\n"
        "\toption dest_port '22'\n\toption src_ip '10.1.2.0/24'\n\n"
        * 2
        + "config rule\n\toption proto 'icmp'\n\toption icmp_type 'neighbour-solicitation'\n\n" * 2
    )
    first, second, v6a, v6b = read(text, "fw.txt").sections
    got = [rule_conds(first, {}), rule_conds(second, {})]
    assert got[0] == got[1]
    conds, why = got[0]
    assert len(conds) == 2 and len(why) == 1 and "bogus" in str(why[0])
    for sec in (v6a, v6b):
        with pytest.raises(Family):
            rule_conds(sec, {})
