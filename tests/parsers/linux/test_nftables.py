"""nftables → the engine's verdicts (:mod:`netaudit.parsers.linux`): each construct is
checked by auditing a small router dump and reading the matrix cell."""

from __future__ import annotations

import json

import pytest
from helpers import FIXTURES, analyse, parse_one
from netaddr import IPNetwork

from netaudit.parsers import linux
from netaudit.zones import Zone

ADDR = [
    {"ifindex": 1, "ifname": "lo", "flags": ["LOOPBACK", "UP"], "link_type": "loopback", "addr_info": []},
    {"ifindex": 2, "ifname": "wan0", "flags": ["UP"], "link_type": "ether",
     "addr_info": [{"family": "inet", "local": "192.0.2.2", "prefixlen": 30}]},
    {"ifindex": 3, "ifname": "lan0", "flags": ["UP"], "link_type": "ether",
     "addr_info": [{"family": "inet", "local": "10.0.10.1", "prefixlen": 24}]},
    {"ifindex": 4, "ifname": "guest0", "flags": ["UP"], "link_type": "ether",
     "addr_info": [{"family": "inet", "local": "10.0.40.1", "prefixlen": 24}]},
]  # fmt: skip
ROUTES = [{"dst": "default", "gateway": "192.0.2.1", "dev": "wan0"}]
STAFF = Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], attach=[("r", "lan0")])
GUEST = Zone("guest", "guest", [IPNetwork("10.0.40.0/24")], attach=[("r", "guest0")])
NET = Zone("internet", "external", attach=[("r", "wan0")])


def dump(nft: str, ss: str = "tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:*", rules: list | None = None, extra: str = ""):
    parts = [
        "### hostname\nr",
        "### ip -j addr\n" + json.dumps(ADDR),
        "### ip -j route show table all\n" + json.dumps(ROUTES),
        "### ip -j rule\n" + json.dumps(rules or [{"priority": 0, "src": "all", "table": "local"}]),
        "### nft list ruleset\n" + nft.strip("\n"),
        "### sysctl net.ipv4.ip_forward net.ipv4.conf.all.rp_filter\nnet.ipv4.ip_forward = 1",
        "### ss -Htlnu\n" + ss,
    ]
    return "\n".join(parts) + "\n" + extra


def cells(nft: str, **kw):
    dev, rep = parse_one(linux, dump(nft, **kw), "r.txt")
    return analyse([dev], [STAFF, GUEST, NET]).cells, dev, rep


FWD = """
table inet filter {
	chain forward {
		type filter hook forward priority filter; policy drop;
		ct state established,related accept
%s
	}
}
"""


def test_detect_and_counts():
    text = dump(FWD % "")
    assert linux.detect(text) >= 70
    _, rep = parse_one(linux, text, "r.txt")
    assert rep.unrecognized == [] and rep.partially_understood == []


def test_policy_drop_blocks_and_iifname_oifname_accept():
    got, *_ = cells(FWD % '\t\tiifname "lan0" oifname "wan0" accept')
    assert got[("staff", "internet")].verdict == "reachable"
    assert got[("guest", "internet")].verdict == "blocked"
    assert got[("staff", "guest")].verdict == "blocked"


def test_saddr_negation_and_port_set_and_range():
    got, *_ = cells(FWD % "\t\tip saddr != 10.0.10.0/24 tcp dport { 22, 8000-8010 } accept")
    assert got[("guest", "staff")].services == ["tcp/22", "tcp/8000-8010"]
    assert got[("staff", "guest")].verdict == "blocked"


def test_dport_negation_keeps_protocol():
    got, *_ = cells(FWD % '\t\tiifname "guest0" tcp dport != 22 accept')
    assert got[("guest", "staff")].services == ["tcp/0-21", "tcp/23-65535"]


def test_jump_return_and_goto():
    nft = """
table inet filter {
	chain forward {
		type filter hook forward priority filter; policy accept;
		iifname "guest0" jump guest_fwd
		iifname "lan0" goto lan_fwd
		drop
	}
	chain guest_fwd {
		oifname "wan0" return
		drop
	}
	chain lan_fwd {
		oifname "guest0" drop
	}
}
"""
    got, *_ = cells(nft)
    # guest → internet returns, then hits the final drop; guest → staff dropped in guest_fwd.
    assert got[("guest", "internet")].verdict == "blocked"
    assert got[("guest", "staff")].verdict == "blocked"
    # lan goes to lan_fwd and never comes back: the final drop does not apply to it.
    assert got[("staff", "internet")].verdict == "reachable"
    assert got[("staff", "guest")].verdict == "blocked"


def test_two_base_chains_on_one_hook_must_both_accept():
    nft = """
table inet a {
	chain fwd {
		type filter hook forward priority filter; policy accept;
		iifname "guest0" oifname "lan0" drop
	}
}
table ip b {
	chain fwd {
		type filter hook forward priority filter + 10; policy drop;
		iifname "guest0" accept
		iifname "lan0" oifname "wan0" accept
	}
}
"""
    got, *_ = cells(nft)
    assert got[("guest", "staff")].verdict == "blocked"  # dropped by the first chain
    assert got[("guest", "internet")].verdict == "reachable"  # accepted by both
    assert got[("staff", "guest")].verdict == "blocked"  # the second chain's policy


def test_vmap_expanded_per_element():
    nft = """
table inet filter {
	chain forward {
		type filter hook forward priority filter; policy drop;
		iifname vmap { "lan0" : accept, "guest0" : jump g }
	}
	chain g {
		oifname "wan0" accept
	}
}
"""
    got, *_ = cells(nft)
    assert got[("staff", "guest")].verdict == "reachable"
    assert got[("guest", "internet")].verdict == "reachable"
    assert got[("guest", "staff")].verdict == "blocked"


def test_input_policy_and_named_set_and_services():
    nft = """
table inet filter {
	set admins {
		type ipv4_addr
		flags interval
		elements = { 10.0.10.5, 10.0.10.128/25 }
	}
	chain input {
		type filter hook input priority filter; policy drop;
		ip saddr @admins tcp dport 22 accept
		iifname "guest0" udp dport 53 accept
	}
}
"""
    ss = "tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:*\nudp UNCONN 0 0 *:53 *:*"
    got, *_ = cells(nft, ss=ss)
    assert got[("staff", "@devices")].services == ["tcp/22"]
    assert got[("guest", "@devices")].services == ["udp/53"]
    assert got[("internet", "@devices")].verdict == "blocked"


def test_without_ss_the_services_are_unknown_not_blocked():
    nft = """
table inet filter {
	chain input {
		type filter hook input priority filter; policy drop;
		iifname "lan0" accept
	}
}
"""
    dev, _rep = parse_one(linux, dump(nft).replace("### ss -Htlnu\ntcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:*", ""), "r.txt")
    got = analyse([dev], [STAFF, GUEST, NET]).cells
    # ICMP echo certainly answers; TCP/UDP only maybe: never claimed reachable, never blocked.
    assert got[("staff", "@devices")].services == ["icmp/8"]
    assert got[("staff", "@devices")].maybe is not None
    assert got[("guest", "@devices")].verdict == "blocked"  # the input policy drops it all


def test_dnat_masquerade_and_ct_status_dnat():
    nft = """
table inet filter {
	chain forward {
		type filter hook forward priority filter; policy drop;
		iifname "wan0" ct status dnat accept
		iifname "lan0" accept
	}
}
table ip nat {
	chain prerouting {
		type nat hook prerouting priority dstnat; policy accept;
		iifname "wan0" tcp dport 8080 dnat to 10.0.10.9:80
	}
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		oifname "wan0" masquerade
	}
}
"""
    got, dev, _ = cells(nft)
    assert got[("internet", "staff")].services == ["tcp/80"]
    masq = [n for n in dev.nat_rules if n.kind == "source"]
    assert masq and masq[0].to_interface == "wan0"


def test_unknown_match_is_partial_not_narrower():
    got, _, rep = cells(FWD % '\t\tiifname "guest0" meta skuid 1000 accept')
    assert got[("guest", "staff")].verdict == "unknown"
    assert rep.partially_understood


def test_ip_forward_zero_means_no_routing():
    text = dump(FWD % "\t\taccept").replace("net.ipv4.ip_forward = 1", "net.ipv4.ip_forward = 0")
    dev, _ = parse_one(linux, text, "r.txt")
    assert dev.ip_routing is False
    got = analyse([dev], [STAFF, GUEST, NET]).cells
    assert got[("staff", "guest")].verdict == "blocked"


def test_policy_routing_fixture_reads_rules_and_marks():
    text = (FIXTURES / "linux" / "pbr-two-uplinks-nft.txt").read_text()
    dev, rep = parse_one(linux, text, "pbr.txt")
    assert rep.unrecognized == []
    tables = {pr.table for pr in dev.policy_routes if pr.action == "table"}
    assert {"100", "200"} <= tables
    assert any(pr.action == "drop" for pr in dev.policy_routes)


def test_truncated_json_is_a_problem_not_a_traceback():
    text = dump(FWD % "")
    cut = text.replace('"prefixlen": 24}]}]', '"prefixlen": 24}', 1)
    _dev, rep = parse_one(linux, cut, "r.txt")
    assert any("JSON" in w for w in rep.warnings)
    assert linux.incomplete(cut, linux.parse(cut, "r.txt")) is not None


def test_binary_garbage_never_raises():
    res = linux.parse("### ip -j addr\n\x00\x01\x02[{\n### nft list ruleset\ntable inet x {\n", "g.txt")
    assert res.devices


def test_iptables_nft_warning_before_the_table_reads_it_once():
    # nft 1.0.6 prints "# Warning: table ip filter is managed by iptables-nft, do not touch!"
    # on stderr; with the one-liner's 2>&1 it lands before the table, not inside it.  The
    # table is then read from iptables-save only (read twice, the nft rendering of xt
    # matches turned Internet cells unknown).
    nft = (
        "# Warning: table ip filter is managed by iptables-nft, do not touch!\n"
        "table ip filter {\n\tchain FORWARD {\n\t\ttype filter hook forward priority filter; policy drop;\n"
        '\t\tiifname "guest0" oifname "wan0" xt match "conntrack" counter accept\n\t}\n}\n'
    )
    ipt = (
        "### iptables-save\n*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        "-A FORWARD -i guest0 -o wan0 -j ACCEPT\nCOMMIT\n"
    )
    dev, rep = parse_one(linux, dump(nft, extra=ipt), "r.txt")
    assert any("read from iptables-save only" in w for w in rep.warnings)
    assert not rep.unrecognized
    c = analyse([dev], [STAFF, GUEST, NET]).cells
    assert c[("guest", "internet")].verdict == "reachable"
    assert c[("guest", "staff")].verdict == "blocked"


NAT_MAP = """
table inet filter {
	chain forward {
		type filter hook forward priority filter; policy drop;
		iifname "wan0" ct status dnat accept
		iifname "lan0" accept
	}
}
table %s nat {
%s
	chain prerouting {
		type nat hook prerouting priority dstnat; policy accept;
		iifname "wan0" %s
	}
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		oifname "wan0" masquerade
	}
}
"""
NAMED_FWD_MAP = """	map fwd {
		type inet_service : ipv4_addr . inet_service
		elements = { 8080 : 10.0.10.9 . 80, 2222 : 10.0.10.7 . 22 }
	}
"""


def test_dnat_to_a_map_is_one_port_forward_per_element():
    """``dnat to tcp dport map { … }`` (the nftables wiki's port forwarding) is exact:
    the packets whose key is in the map are sent to its target, the others are not
    translated (a lookup that finds nothing ends the rule)."""
    for family, maps, statement, services in [
        ("ip", "", "dnat to tcp dport map { 8080 : 10.0.10.9, 2222 : 10.0.10.7 }", ["tcp/2222", "tcp/8080"]),
        ("inet", "", "dnat ip to tcp dport map { 8080 : 10.0.10.9, 9000-9010 : 10.0.10.8 }",
         ["tcp/8080", "tcp/9000-9010"]),
        ("ip", "", "dnat ip addr . port to tcp dport map { 8080 : 10.0.10.9 . 80, 2222 : 10.0.10.7 . 22 }",
         ["tcp/22", "tcp/80"]),
        ("ip", NAMED_FWD_MAP, "dnat ip addr . port to tcp dport map @fwd", ["tcp/22", "tcp/80"]),
        ("ip", "", "dnat to ip saddr . tcp dport map { 198.51.100.7 . 8080 : 10.0.10.9 }", ["tcp/8080"]),
    ]:  # fmt: skip
        got, _, rep = cells(NAT_MAP % (family, maps, statement))
        cell = got[("internet", "staff")]
        assert (cell.verdict, cell.services, cell.maybe == cell.maybe.bdd.false) == ("reachable", services, True), (
            statement
        )
        assert not rep.partially_understood and not rep.unrecognized, statement
    # only 198.51.100.7 is forwarded: the witness comes from it
    got, _, _ = cells(NAT_MAP % ("ip", "", "dnat to ip saddr . tcp dport map { 198.51.100.7 . 8080 : 10.0.10.9 }"))
    assert got[("internet", "staff")].witness.packet.to_json()["src_ip"] == "198.51.100.7"


@pytest.mark.parametrize(
    ("rule", "partial", "services"),
    [
        ("udp dport 10000-10099 dnat ip to 10.0.10.9:10000-10099", False, ["udp/10000-10099"]),
        ("udp dport { 10010, 10020 } dnat ip to 10.0.10.9:10000-10099", False, ["udp/10010", "udp/10020"]),
        ("udp dport 5070-5079 dnat ip to 10.0.10.9:6000-6009", True, None),
    ],
)
def test_dnat_onto_a_port_range_keeps_a_port_already_in_it(rule, partial, services):
    """The kernel keeps a destination port inside the DNAT port range
    (nf_nat_get_unique_tuple): exact; a port outside it becomes the range's first free
    port (modelled as the first, partial)."""
    got, dev, rep = cells(NAT_MAP % ("ip", "", rule))
    dnat = [n for n in dev.nat_rules if n.kind == "destination"]
    assert dnat and all(bool(n.partial) == partial for n in dnat)
    assert any("port range" in p["reason"] for p in rep.partially_understood) == partial
    if partial:  # never blocked
        assert got[("internet", "staff")].verdict in ("reachable", "unknown")
    else:
        assert (got[("internet", "staff")].verdict, got[("internet", "staff")].services) == ("reachable", services)


def test_dnat_map_not_understood_is_unknown():
    got, _, rep = cells(NAT_MAP % ("ip", "", "dnat to tcp dport map { 8080 : bogus }"))
    assert got[("internet", "staff")].verdict == "unknown"
    assert any("dnat map element '8080 : bogus' not understood" in p["reason"] for p in rep.partially_understood)


def test_dnat_without_to_and_a_list_with_blanks_are_nft_grammar():
    """eugenepauljean/candy-network's nftable.sh: ``dnat 192.168.5.200`` (``to`` is
    optional, parser_bison.y) was "dnat target not understood", the port forward unknown;
    ``ct state related, established`` (blanks around the comma) was partial."""
    got, _, rep = cells(NAT_MAP % ("ip", "", "tcp dport 8080 dnat 10.0.10.9"))
    assert got[("internet", "staff")].services == ["tcp/8080"] and not rep.partially_understood
    got, _, rep = cells(NAT_MAP % ("ip", "", "dnat tcp dport map { 8080 : 10.0.10.9 }"))
    assert got[("internet", "staff")].services == ["tcp/8080"] and not rep.partially_understood
    got, _, rep = cells(FWD % '\t\tct state related, established accept\n\t\tiifname "lan0" accept')
    assert not rep.partially_understood
    assert got[("guest", "staff")].verdict == "blocked" and got[("staff", "guest")].verdict == "reachable"


def test_a_set_a_rule_fills_at_run_time_leaves_the_rules_reading_it_partial():
    """``update @set`` (or ``add``, ``delete``) in any chain — here one read after the
    chain reading the set — makes the set's members unknown to every rule reading it;
    a set no rule fills stays as listed (the set-update pass before the rules)."""
    nft = """
table inet filter {
	set blocked {
		type ipv4_addr
		elements = { 10.0.40.9 }
	}
	set seen {
		type ipv4_addr
		elements = { 10.0.40.8 }
	}
	chain forward {
		type filter hook forward priority filter; policy accept;
		ip saddr @blocked drop
		ip saddr @seen drop
	}
	chain input {
		type filter hook input priority filter; policy accept;
		tcp dport 22 update @blocked { ip saddr } accept
	}
}
"""
    _, rep = parse_one(linux, dump(nft), "r.txt")
    partial = [(p["text"], p["reason"].fields) for p in rep.partially_understood]
    assert len(partial) == 1 and partial[0][0] == "ip saddr @blocked drop"
    assert dict(partial[0][1])["set"] == "@blocked"
