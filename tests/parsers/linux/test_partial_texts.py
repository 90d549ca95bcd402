"""Every partial reason of the Linux parser is a catalogue text (a report words it in its
language): the reasons of filter lines, filters, NAT rules, routes, policy routes,
services and interfaces, and of the report's partially understood constructs — a
:class:`~netaudit.messages.Text`, or one ``input.joined`` text of several, whose
Vietnamese is not its English.  Read from every Linux fixture and sample, and from the
dumps below, written so that every reason the parser has is produced at least once."""

from __future__ import annotations

import json

import pytest
from helpers import FIXTURES, SAMPLES

from netaudit.messages import CATALOGUE, Text
from netaudit.parsers import linux
from netaudit.parsers.linux import iptables_matches, netfilter
from netaudit.parsers.linux.iptables import parse_iptables_save
from netaudit.parsers.linux.nftables import read_nft
from netaudit.parsers.linux.state import State

# The keys of the Linux parser's partial reasons and of the words inside them.
PREFIXES = ("input.linux.partial.", "input.linux.module.")

ADDR = [
    {"ifindex": 1, "ifname": "lo", "flags": ["LOOPBACK", "UP"], "link_type": "loopback", "group": "default",
     "addr_info": [{"family": "inet", "local": "127.0.0.1", "prefixlen": 8}]},
    {"ifindex": 2, "ifname": "wan0", "flags": ["UP"], "link_type": "ether", "group": "default",
     "addr_info": [{"family": "inet", "local": "192.0.2.2", "prefixlen": 30}]},
    {"ifindex": 3, "ifname": "lan0", "flags": ["UP"], "link_type": "ether", "group": "lan",
     "addr_info": [{"family": "inet", "local": "10.0.10.1", "prefixlen": 24}]},
    # (no "group": an interface whose group the dump does not show)
    {"ifindex": 4, "ifname": "guest0", "flags": ["UP"], "link_type": "ether",
     "addr_info": [{"family": "inet", "local": "10.0.40.1", "prefixlen": 24}]},
]  # fmt: skip
ROUTES = [
    {"dst": "default", "gateway": "192.0.2.1", "dev": "wan0"},
    {"type": "throw", "dst": "10.9.0.0/16", "table": "100"},
    {"type": "frob", "dst": "10.8.0.0/16", "table": "100"},
    {"dst": "10.7.0.0/16", "dev": "tun9", "table": "100"},
    {"dst": "10.6.0.0/16", "gateway": "192.0.2.1", "table": "200"},
]
RULES = [
    {"priority": 0, "src": "all", "table": "local"},
    {"priority": 100, "src": "all", "fwmark": "0x1", "table": "200"},
    {"priority": 101, "src": "all", "ipproto": "frob", "table": "200"},
    {"priority": 102, "src": "all", "tos": "0x10", "table": "200"},
    {"priority": 103, "src": "all", "fwmark": "bogus", "table": "200"},
    {"priority": 104, "src": "bogus", "table": "200"},
    {"priority": 105, "src": "10.0.10.0", "srclen": 24, "action": "frob"},
    {"priority": 106, "src": "10.0.10.0", "srclen": 24, "goto": 200},
    {"priority": 107, "src": "all", "table": "main", "suppress_prefixlen": 0},
    {"priority": 32766, "src": "all", "table": "main"},
]
# A listener on a proxy's conventional port, without the program (ss run as a user).
SS = "tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:*\ntcp LISTEN 0 128 0.0.0.0:3128 0.0.0.0:*"


def dump(firewall: str, command: str, routes=ROUTES, rules=RULES, ss: str = SS) -> str:
    """A Linux dump with one firewall section (``iptables-save`` or ``nft list ruleset``)."""
    parts = [
        "### hostname\nr",
        "### ip -j addr\n" + json.dumps(ADDR),
        "### ip -j route show table all\n" + json.dumps(routes),
        "### ip -j rule\n" + json.dumps(rules),
        f"### {command}\n" + firewall.strip("\n"),
        "### sysctl net.ipv4.ip_forward\nnet.ipv4.ip_forward = 1",
        "### ss -Htlnu\n" + ss,
    ]
    return "\n".join(parts) + "\n"


IFACES = frozenset(a["ifname"] for a in ADDR)
# Every iptables match module the model does not express, one rule each.
MODULE_RULES = "\n".join(f"-A FORWARD -i lan0 -m {m} --frob 1 -j ACCEPT" for m in iptables_matches.PARTIAL_MODULES)
# Return rules whose negations multiply: the guard after them outgrows flatten.MAX_GUARD.
RETURNS = "\n".join(f"-A GUARD -s 10.0.10.{k} -d 10.0.{k}.0/24 -p tcp --dport {k} -j RETURN" for k in range(1, 8))
MARKS = "\n".join(
    f"-A PREROUTING -s 10.0.10.{k} -d 10.0.{k}.0/24 -p tcp --dport {k} -j MARK --set-mark 2" for k in range(1, 9)
)

IPTABLES = f"""
*raw
:PREROUTING ACCEPT [0:0]
:OUTPUT QUEUE [0:0]
-A PREROUTING -i wan0 -p udp --dport 53 -j NOTRACK
COMMIT
*mangle
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A PREROUTING -i lan0 -m owner --uid-owner 0 -j MARK --set-mark 1
-A PREROUTING -i guest0 -j MARK
-A PREROUTING -i guest0 -j MARK --set-mark bogus
-A PREROUTING -i wan0 -p tcp -j TPROXY --on-port 3128
-A PREROUTING -i wan0 -j HMARK --hmark-mod 4
-A PREROUTING -i lan0 -j CONNMARK --restore-mark
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A PREROUTING -i wan0 -p tcp --dport 80 -j DNAT --to-destination 10.0.10.5 --to-destination 10.0.10.6
-A PREROUTING -i wan0 -p tcp --dport 81 -j DNAT
-A PREROUTING -i wan0 -p tcp --dport 82 -j DNAT --to-destination bogus
-A PREROUTING -i wan0 -p tcp --dport 83 -j NETMAP --to 10.0.10.0/24
-A PREROUTING -i wan0 -p tcp --dport 84 -j REDIRECT --to-ports bogus
-A PREROUTING -i wan0 -p tcp --dport 85 -j DROP
-A POSTROUTING -o wan0 -j MASQUERADE
COMMIT
*filter
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:X DROP [0:0]
:LOOP1 - [0:0]
:LOOP2 - [0:0]
:GUARD - [0:0]
:INNER - [0:0]
-A FORWARD -i lan0 -p frob -j ACCEPT
-A FORWARD -i lan0 -s lan.example -j ACCEPT
-A FORWARD -i lan0 -s 10.0.0.1/255.0.255.0.5 -j ACCEPT
-A FORWARD -i lan0 -s 10.0.0.0/255.0.85.85 -j ACCEPT
-A FORWARD -i lan0 -m frobnicate --frob 1 -j ACCEPT
-A FORWARD -i lan0 -m conntrack --ctstate DNAT,NEW -j ACCEPT
-A FORWARD -i lan0 -m conntrack ! --ctstate SNAT,NEW -j ACCEPT
-A FORWARD -i lan0 -m conntrack --ctstate FROB -j ACCEPT
-A FORWARD -i lan0 -m conntrack --ctstate NEW -j ACCEPT
-A FORWARD -i lan0 -m conntrack --ctorigdst 10.0.0.1 -j ACCEPT
-A FORWARD -i lan0 -p tcp --tcp-flags FROB SYN -j ACCEPT
-A FORWARD -i lan0 -p icmp --icmp-type frob -j ACCEPT
-A FORWARD -i lan0 -m addrtype --dst-type LOCAL --limit-iface-in -j ACCEPT
-A FORWARD -i lan0 -m addrtype --dst-type BROADCAST -j ACCEPT
-A FORWARD -i lan0 -m set --match-set lonely -j ACCEPT
-A FORWARD -i lan0 -m set --match-set blocked src -j DROP
-A FORWARD -i lan0 -p tcp --dport frob -j ACCEPT
-A FORWARD -i lan0 -p tcp --tcp-option 2 -j ACCEPT
-A FORWARD -i lan0 -p tcp -m multiport --ports frob -j ACCEPT
-A FORWARD -i lan0 -m iprange --src-range frob -j ACCEPT
-A FORWARD -i lan0 -p tcp -m tcp --frob -j ACCEPT
-A FORWARD -i lan0 -m devgroup --src-group "a b" -j ACCEPT
-A FORWARD -i lan0 -m devgroup --src-group 5 -j ACCEPT
-A FORWARD frob -i lan0 -j ACCEPT
-A FORWARD -i lan0 -j FROBNICATE
-A FORWARD -i lan0 -j NFQUEUE --queue-num 1
-A FORWARD -i lan0 -j SYNPROXY
-A FORWARD -i lan0 -j nowhere
-A FORWARD -i lan0 -j LOOP1
-A FORWARD -i lan0 -j GUARD
-A FORWARD -i lan0 -j INNER
-A FORWARD -i wan0 -m conntrack --ctstate DNAT -j DROP
-A FORWARD -i lan0 -m limit --limit 1/s -m recent --rcheck -j ACCEPT
{MODULE_RULES}
-A LOOP1 -j LOOP2
-A LOOP2 -j LOOP1
{RETURNS}
-A GUARD -j ACCEPT
-A INNER -m limit --limit 1/s -j RETURN
-A INNER -j ACCEPT
-A UNDECLARED -j ACCEPT
COMMIT
"""

NFT = """
table inet filter {
	set dyn {
		type ipv4_addr
		flags dynamic
	}
	set odd {
		type ipv4_addr
		frobnicate
	}
	chain input {
		type filter hook input priority filter; policy accept;
		iifname "lan0" ct state new accept
	}
	chain forward {
		type filter hook forward priority filter; policy drop;
		ct state established,related accept
		iifname "lan0" ip saddr 10.0.10.5 # hidden verdict?
		iifname "lan0" jump { accept; }
		iifname "lan0" queue num 1
		iifname "lan0" limit rate 5/second accept
		iifname "lan0" xt match "frob" accept
		iifname "lan0" xt target "FROB"
		iifname "lan0" ct status confirmed accept
		iifname "lan0" skuid 0 accept
		iifname "lan0" tproxy to :3128
		iifname "lan0" tcp flags syn accept
		iifname "lan0" frobnicate accept
		iifname "lan0" ip saddr . meta mark { 10.0.10.5 . 1 } accept
		iifname "lan0" ip saddr . meta mark vmap { 10.0.10.5 . 1 : accept }
		iifname "lan0" ip saddr . tcp dport { 10.0.10.5 . frob } accept
		iifname "lan0" ip daddr set 10.0.10.9 accept
		iifname "lan0" ip saddr @nosuch accept
		iifname "lan0" ip saddr @dyn accept
		iifname "lan0" ip saddr @odd accept
		iifname "lan0" ip saddr $LAN accept
		iifname "lan0" tcp dport frob accept
		iifname "lan0" iifgroup > 5 accept
		iifgroup "a b" accept
		iifgroup 5 accept
		iifname "lan0" ct state frob accept
		iifname "lan0" fib daddr type frob accept
		iifname "lan0" fib saddr . iif oif missing drop
		iifname "lan0" ip saddr map { 10.0.10.5 : 1 } accept
		iifname "lan0" ip saddr vmap { 10.0.10.5 : frob }
		iifname "lan0" tcp dport vmap { frob : accept }
		iifname "lan0" ct status dnat drop
		iifname { "lan0" accept } oifname "wan0" accept
		frobnicate accept
	}
}
table ip nat {
	chain prerouting {
		type nat hook prerouting priority dstnat; policy accept;
		iifname "wan0" tcp dport 80 dnat to 10.0.10.5:8000-8010
		iifname "wan0" tcp dport 81 dnat to 10.0.10.5-10.0.10.6
		iifname "wan0" tcp dport 82 dnat
		iifname "wan0" tcp dport 83 dnat to bogus
		iifname "wan0" tcp dport 84 dnat to tcp dport map { 84 : bogus }
		iifname "wan0" tcp dport 85 snat to 192.0.2.2
	}
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		oifname "wan0" tcp dport 86 snat to 192.0.2.2:1000
		oifname "wan0" tcp dport 87 snat to 192.0.2.2-192.0.2.3
		oifname "wan0" tcp dport 88 dnat to 10.0.10.5
		oifname "wan0" tcp dport 89 drop
	}
	chain mangle_pre {
		type filter hook prerouting priority mangle; policy accept;
		iifname "lan0" meta mark set ct mark
		iifname "lan0" skgid 0 meta mark set 1
	}
}
table inet odd {
	chain c {
		type filter hook input; policy accept;
	}
	chain d {
		type filter hook input priority frob; policy accept;
	}
}
table netdev ingress {
	chain c {
		type filter hook ingress device "wan0" priority 0; policy accept;
	}
}
table inet notrack {
	chain raw {
		type filter hook prerouting priority raw; policy accept;
		iifname "wan0" udp dport 53 notrack
	}
}
"""


def _texts(result) -> list:
    """Every partial reason of a parse: the model's and the report's."""
    out: list = []
    for dev in result.devices:
        for flt in dev.filters.values():
            out += [flt.partial] + [line.partial for line in flt.lines]
        out += [n.partial for n in dev.nat_rules]
        out += [r.partial for r in dev.routes] + [p.partial for p in dev.policy_routes]
        out += [s.partial for s in dev.services] + [i.partial for i in dev.interfaces.values()]
    out += [p["reason"] for p in result.report.partially_understood]
    return [r for r in out if r]


def _ruleset(rs) -> list:
    """The reasons of a ruleset as a front end read it: its chains' and rules'."""
    return [r for c in rs.chains for r in [*c.reasons, *(w for rule in c.rules for w in rule.reasons)]]


def _keys(text: Text) -> set[str]:
    """The key of ``text`` and of every text inside its fields."""
    out = {text.key}
    for _, v in text.fields:
        for x in v if isinstance(v, tuple) else (v,):
            if isinstance(x, Text):
                out |= _keys(x)
    return out


def _check(reasons: list) -> set[str]:
    """Assert each reason is a text worded in Vietnamese; the keys it is built of."""
    keys: set[str] = set()
    for why in reasons:
        assert isinstance(why, Text), why
        if why.key == "input.joined":
            assert all(isinstance(p, Text) for p in dict(why.fields)["parts"]), why
        assert why.render("en") == str(why)
        assert why.render("vi") != why.render("en"), why
        keys |= _keys(why)
    return keys


def _files():
    linux_dir = FIXTURES / "linux"
    fixtures = [p for p in sorted(linux_dir.rglob("*")) if p.is_file() and p.suffix in (".txt", "")]
    samples = [p for d in sorted(SAMPLES.glob("linux-*")) for p in sorted(d.glob("*.txt"))]
    return [p for p in fixtures + samples if p.name != "generate.sh"]


def test_partial_reasons_are_catalogue_texts(monkeypatch):
    """Every partial reason of every Linux fixture, sample and of the dumps above is a
    catalogue text in both languages, and every reason the parser has is among them."""
    files = _files()
    assert len(files) >= 10
    keys: set[str] = set()
    for path in files:
        keys |= _check(_texts(linux.parse(path.read_text(), path.name)))
    keys |= _check(_texts(linux.parse(dump(IPTABLES, "iptables-save"), "ipt.txt")))
    keys |= _check(_texts(linux.parse(dump(NFT, "nft list ruleset"), "nft.txt")))
    # Marks whose conditions multiply past the limit policy routing reads them to.
    marks = f"*mangle\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j MARK --set-mark 1\n{MARKS}\nCOMMIT"
    keys |= _check(_texts(linux.parse(dump(marks, "iptables-save"), "marks.txt")))
    # The sets of an ipset dump (read by the iptables front end when given).
    sets = {"blocked": [(1, 2)], "pairs": [(1, 2)], "nets": [(1, 2)], "added": [(1, 2)]}
    ipt = (
        "*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -m set --match-set pairs src,dst -j ACCEPT\n"
        "-A FORWARD -m set --match-set nets src --return-nomatch -j ACCEPT\n"
        "-A FORWARD -m set --match-set added src -j ACCEPT\n-A FORWARD -j SET --add-set added src\nCOMMIT\n"
    )
    rs, acc = parse_iptables_save(list(enumerate(ipt.splitlines(), 1)), "s.txt", frozenset({"eth0"}), sets=sets)
    keys |= _check(_ruleset(rs) + [p for _, p, _ in acc.partial])
    # The reasons of chains the conversion reports by a warning of its own (a netdev chain
    # bound to a device), and of a device whose interfaces' groups are not known.
    keys |= _check(_ruleset(read_nft(State(NFT, "n.txt"), NFT.splitlines(), 1, IFACES, ())))
    # More lines than a composed hook may hold.
    monkeypatch.setattr(netfilter, "MAX_LINES", 2)
    keys |= _check(_texts(linux.parse(dump(NFT, "nft list ruleset"), "nft.txt")))
    wanted = {k for k in CATALOGUE if k.startswith(PREFIXES)}
    assert wanted - keys == set()


@pytest.mark.parametrize(
    "rule,english,vietnamese",
    [
        (
            "-A FORWARD -m limit --limit 1/s -m u32 --u32 0x1 -j ACCEPT",
            "rate limit (-m limit) not modelled; u32 payload match not modelled",
            "giới hạn tốc độ (-m limit) không được mô hình hóa; so khớp nội dung gói tin bằng u32 không được mô hình hóa",
        ),
        ("-A FORWARD -p tcp -m tcp --frob -j ACCEPT", "-m tcp --frob not understood", "không hiểu được -m tcp --frob"),
        (
            "-A FORWARD -m devgroup --src-group 5 -j ACCEPT",
            "interface group 5: the group of guest0 (not shown), lan0 (lan) is not known as a number",
            "nhóm giao diện 5: chưa biết số nhóm của guest0 (không hiển thị nhóm), lan0 (nhóm lan)",
        ),
    ],
)
def test_a_rule_reason_in_both_languages(rule, english, vietnamese):
    """A rule's reasons: the English sentence they always were, and its Vietnamese (a
    rule's several reasons one text; configuration text quoted as it is)."""
    groups = {"guest0": None, "lan0": "lan", "wan0": "default"}
    ipt = f"*filter\n:FORWARD ACCEPT [0:0]\n{rule}\nCOMMIT\n"
    _rs, acc = parse_iptables_save(list(enumerate(ipt.splitlines(), 1)), "r.txt", IFACES, groups=groups)
    ((_, why, _),) = acc.partial
    assert isinstance(why, Text) and why == english and why.render("vi") == vietnamese


def test_every_rule_holds_tuples(monkeypatch):
    """A rule's ``conds`` and ``reasons`` are tuples (rules.Rule: the rules of one text
    share them, so none may be changed in place; and a reader comparing them with a
    list, ``== [ANY]``, would silently be false): every rule of every Linux fixture and
    sample and of the dumps above, as the conversion receives them."""
    seen: list = []
    init = netfilter.Conv.__init__

    def spy(self, st, rulesets, universe):
        seen.extend(r for rs in rulesets for c in rs.chains for r in c.rules)
        init(self, st, rulesets, universe)

    monkeypatch.setattr(netfilter.Conv, "__init__", spy)
    for path in _files():
        linux.parse(path.read_text(), path.name)
    linux.parse(dump(IPTABLES, "iptables-save"), "ipt.txt")
    linux.parse(dump(NFT, "nft list ruleset"), "nft.txt")
    # Rules of no packet, on each front end's plain path (the plain nft one's tuple is its text's).
    linux.parse(dump("*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD ! -p all -j ACCEPT\nCOMMIT", "iptables-save"), "n.txt")
    chain = "chain f {\n type filter hook forward priority 0; policy accept;\n ip saddr 10.0.0.1 ip saddr 10.0.0.2 accept\n}"
    linux.parse(dump(f"table inet t {{\n{chain}\n}}", "nft list ruleset"), "n.txt")
    assert len(seen) > 200
    assert {(type(r.conds), type(r.reasons)) for r in seen} == {(tuple, tuple)}
    assert any(r.reasons for r in seen) and any(len(r.conds) > 1 for r in seen) and any(not r.conds for r in seen)
