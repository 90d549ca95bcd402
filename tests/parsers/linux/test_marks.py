"""The marks the prerouting chains set (netaudit/parsers/linux/netfilter.py, ``mark_sets``)
for ``ip rule … fwmark``: read in bounded time whatever the chains, and only when a rule
asks for them.

The dump below (a prerouting chain of 48 generated lines: jumps, returns, gotos, sets,
``ct status``, a jump to a chain not in the dump) made the parse run for minutes: the
packets no earlier line stopped were recomputed as the complement of the whole stopped
union at every line, which grows exponentially (found by a helper's generated rulesets,
issue #15)."""

from __future__ import annotations

import subprocess
import sys

DUMP = """\
### hostname
r
### ip -j addr
[{"ifindex": 1, "ifname": "lo", "flags": ["LOOPBACK", "UP"], "link_type": "loopback", "addr_info": []}, {"ifindex": 2, "ifname": "wan0", "flags": ["UP"], "link_type": "ether", "addr_info": [{"family": "inet", "local": "192.0.2.2", "prefixlen": 30}]}, {"ifindex": 3, "ifname": "eth0", "flags": ["UP"], "link_type": "ether", "addr_info": [{"family": "inet", "local": "10.0.10.1", "prefixlen": 24}]}, {"ifindex": 4, "ifname": "eth1", "flags": ["UP"], "link_type": "ether", "addr_info": [{"family": "inet", "local": "10.0.40.1", "prefixlen": 24}]}]
### ip -j route show table all
[{"dst": "default", "gateway": "192.0.2.1", "dev": "wan0"}, {"dst": "10.9.0.0/16", "gateway": "10.0.40.2", "dev": "eth1", "table": "200"}]
### ip -j rule
[{"priority":0,"src":"all","table":"local"},{"priority":900,"src":"all","fwmark":"0x2","table":"200"},{"priority":32766,"src":"all","table":"main"},{"priority":32767,"src":"all","table":"default"}]
### nft list ruleset
table inet filter {
	set admins {
		type ipv4_addr
		elements = { 10.0.0.5, 10.0.1.0/24 }
	}
	set dynamic {
		type ipv4_addr
		flags dynamic
	}
	chain base {
		type filter hook prerouting priority filter; policy accept;
		ip saddr 10.0.10.0/24 meta mark set 0x2
		tcp dport 22 jump c1
		ct state new jump c2
		ip saddr 10.0.74.0/24 jump c2
	}
	chain c1 {
		counter packets 44 bytes 0  return
		ip saddr @dynamic ip daddr {10.0.0.194,10.1.0.0/16} ip daddr 0.0.0.0/0 return
		iifname "eth1" ip protocol tcp jump nowhere comment "rule 74"
	}
	chain c2 {
		ct state established,related oifname "eth0"
		ct status != dnat ct status dnat ip saddr @dynamic counter packets 21 bytes 0 accept
		tcp dport { 61419, 443, 8000-8080 } ct state new ip daddr 10.0.108.0/24 goto c3 comment "rule 95"
		oifname "eth*" ct state new drop
		th dport 50561 ip daddr 10.0.11.0/24 ip daddr 0.0.0.0/0 jump nowhere comment "rule 78"
		limit rate 5/second udp sport 58211-65535 counter accept
	}
	chain c3 {
		meta l4proto udp ip saddr != 10.40.0.0/16 accept
		icmp code 2  tcp dport http  th dport 41115  counter  reject  comment "rule 21"
		continue comment "rule 90"
		tcp dport != 59713 tcp dport 29022 counter packets 61 bytes 0 jump nowhere comment "rule 42"
	}
}
table ip nat {
	chain prerouting {
		type nat hook prerouting priority dstnat; policy accept;
		iifname "wan0" tcp dport 58362 dnat to 10.0.10.83:80
	}
}
"""

PARSE = """
import sys
from netaudit.parsers import linux
dev = linux.parse(sys.stdin.read(), "r.txt").devices[0]
for p in dev.policy_routes:
    print(p.table, "|", p.partial)
print("parsed")
"""


def _parse(text: str) -> list[str]:
    """The policy routes of ``text`` parsed in a process of its own (a parse that hangs
    fails the test after a minute instead of hanging the suite)."""
    out = subprocess.run(
        [sys.executable, "-c", PARSE], input=text, capture_output=True, text=True, timeout=60, check=True
    )
    lines = out.stdout.splitlines()
    assert lines[-1] == "parsed"
    return lines[:-1]


def test_a_long_prerouting_chain_gives_partial_marks_in_bounded_time():
    """With a ``fwmark`` rule the marks are read: past the bound the mark sets are given
    up as partial — the rule's routing is *maybe*, never a verdict on a guess."""
    [route] = _parse(DUMP)
    table, partial = route.split(" | ")
    assert table == "200"
    assert "too many mark conditions" in partial


def test_marks_are_not_read_without_an_fwmark_rule():
    """Without an ``ip rule … fwmark`` nothing reads the marks: not computed at all."""
    head, _, tail = DUMP.partition("### ip -j rule\n")
    no_rule = head + tail.split("\n", 1)[1]
    assert "fwmark" not in no_rule
    assert _parse(no_rule) == []


def _mark_dump(chain_rules: str) -> str:
    """A router with one ``ip rule fwmark 0x2`` and a prerouting chain of ``chain_rules``."""
    head = DUMP.split("### nft list ruleset\n")[0]
    return (
        head
        + "### nft list ruleset\ntable inet mangle {\n\tchain pre {\n"
        + "\t\ttype filter hook prerouting priority mangle; policy accept;\n"
        + chain_rules
        + "\t}\n}\n"
    )


def test_a_partial_rule_after_the_last_mark_leaves_the_marks_exact():
    """A rule not fully understood after the chain's last mark-setting rule changes no
    mark (an accept or a drop there stops packets already marked): the fwmark route is
    exact; before the mark rule the same rule makes it *maybe*."""
    mark = "\t\tip saddr 10.0.10.0/24 meta mark set 0x2\n"
    partial = "\t\tlimit rate 5/second udp sport 58211-65535 accept\n"
    [after] = _parse(_mark_dump(mark + partial))
    assert after.split(" | ") == ["200", "None"]
    [before] = _parse(_mark_dump(partial + mark))
    table, why = before.split(" | ")
    assert table == "200" and why != "None" and "limit" in why
