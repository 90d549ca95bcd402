"""The filter lines the flattening walk has made itself (``make_lines``: a guarded chain's
rules' lines from their condition's fields, netfilter.build_filter) against the general path (each rule a
Flat, then its Cond's Matches in build_filter's loop), on generated rulesets."""

from __future__ import annotations

import json
import random

from netaudit.parsers import linux
from netaudit.parsers.linux import flatten as flatten_module
from netaudit.parsers.linux import netfilter
from netaudit.parsers.packet_sets import Cond

ADDR = [
    {"ifindex": 1, "ifname": "lo", "flags": ["LOOPBACK", "UP"], "link_type": "loopback", "addr_info": []},
    {"ifindex": 2, "ifname": "wan0", "flags": ["UP"], "link_type": "ether",
     "addr_info": [{"family": "inet", "local": "192.0.2.2", "prefixlen": 30}]},
    {"ifindex": 3, "ifname": "eth0", "flags": ["UP"], "link_type": "ether",
     "addr_info": [{"family": "inet", "local": "10.0.10.1", "prefixlen": 24}]},
    {"ifindex": 4, "ifname": "eth1", "flags": ["UP"], "link_type": "ether",
     "addr_info": [{"family": "inet", "local": "10.0.40.1", "prefixlen": 24}]},
]  # fmt: skip

# Matches of a rule in a user chain: header fields with every operator, groups, ranges,
# named sets, interfaces (quoted, wildcards, "no interface"), ICMP, connection state,
# and statements that add a reason (log, limit) or that only the full reader takes.
MATCHES = [
    "ip saddr 10.0.{a}.{b}",
    "ip saddr != 10.{a}.0.0/16",
    "ip daddr 10.0.{a}.0/24",
    "ip daddr {{ 10.0.0.{a}, 192.168.{a}.0/24 }}",
    "ip daddr {{10.0.0.{a},10.1.0.0/16}}",
    "ip daddr 10.0.0.1-10.0.0.{a}",
    "ip daddr 0.0.0.0/0",
    "ip saddr != 0.0.0.0/0",
    "ip saddr @admins",
    "ip saddr @dynamic",
    "tcp dport {p}",
    "tcp dport != {p}",
    "tcp dport >= {p}",
    "tcp dport {{ {p}, 443, 8000-8080 }}",
    "udp sport {p}-65535",
    "udp dport 53,{p}",
    "tcp dport http",
    "th dport {p}",
    "icmp type echo-request",
    "icmp type {{ echo-request, echo-reply }}",
    "icmp code {b}",
    "ip protocol tcp",
    "ip protocol != icmp",
    'iifname "eth{b}"',
    'iifname "wan0"',
    'oifname "eth{b}"',
    'oifname != "wan0"',
    'oifname "eth*"',
    'oifname ""',
    'iifname {{ "eth0", "eth1" }}',
    "ct state new",
    "ct state established,related",
    "ct status dnat",
    "ct status != dnat",
    "meta l4proto udp",
    'log prefix "x: "',
    "limit rate 5/second",
    "tcp flags syn",
]
VERDICTS = ["accept", "drop", "reject", "return", "continue", "", "jump c3", "goto c3", "jump nowhere"]
# Rules of a base chain that reach a user chain: one guard (one condition) or a union.
GUARDS = [
    'iifname "eth{b}" jump c1',
    'iifname vmap {{ "eth0" : jump c1, "eth1" : goto c2, "wan0" : drop }}',
    'iifname {{ "eth0", "wan0" }} jump c2',
    'iifname != "wan0" jump c1',  # (every other interface and "", which needs resolving)
    'iifname "" jump c2',
    "ip saddr 10.0.{a}.0/24 jump c2",
    'oifname "" jump c1',
    'oifname "wan0" jump c2',
    "tcp dport 22 jump c1",
    "ct state new jump c2",
    "jump c1",
    "ip daddr 10.0.0.0/8 limit rate 1/second jump c1",
]


def _pieces(rnd: random.Random, pool: list[str], most: int) -> list[str]:
    return [
        rnd.choice(pool).format(a=rnd.randrange(0, 256), b=rnd.randrange(3), p=rnd.randrange(0, 70000))
        for _ in range(rnd.randrange(0, most + 1))
    ]


def _rule(rnd: random.Random) -> str:
    words = _pieces(rnd, MATCHES, 3)
    if rnd.random() < 0.3:
        words.append("counter" if rnd.random() < 0.5 else f"counter packets {rnd.randrange(99)} bytes 0")
    verdict = rnd.choice(VERDICTS)
    if verdict:
        words.append(verdict)
    if rnd.random() < 0.3:
        words.append(f'comment "rule {rnd.randrange(99)}"')
    sep = "  " if rnd.random() < 0.1 else " "  # odd spacing
    return sep.join(words) or "accept"


def _ruleset(rnd: random.Random) -> str:
    # (input and prerouting: a packet with no output interface yet; prerouting's mark
    # reading, which took exponential time on such chains, is bounded: test_marks.py)
    hook = rnd.choice(["input", "prerouting", "forward", "forward"])
    out = [
        "table inet filter {",
        "\tset admins {",
        "\t\ttype ipv4_addr",
        "\t\telements = { 10.0.0.5, 10.0.1.0/24 }",
        "\t}",
        "\tset dynamic {",
        "\t\ttype ipv4_addr",
        "\t\tflags dynamic",
        "\t}",
        f"\tchain base {{\n\t\ttype filter hook {hook} priority filter; policy {rnd.choice(['accept', 'drop'])};",
    ]
    out += ["\t\t" + _rule(rnd) for _ in range(rnd.randrange(0, 3))]
    out += [
        "\t\t" + g.format(a=rnd.randrange(256), b=rnd.randrange(3)) for g in rnd.sample(GUARDS, rnd.randrange(1, 4))
    ]
    out += ["\t}"]
    for name in ("c1", "c2", "c3"):
        out += [f"\tchain {name} {{"] + ["\t\t" + _rule(rnd) for _ in range(rnd.randrange(0, 12))] + ["\t}"]
    if rnd.random() < 0.2:  # a second base chain on the hook: lines composed from unions
        out += [
            f"\tchain other {{\n\t\ttype filter hook {hook} priority 10; policy accept;",
            '\t\tiifname "eth0" jump c1',
            "\t}",
        ]
    out.append("}")
    if rnd.random() < 0.3:  # the DNAT image that ct status dnat reads
        out += [
            "table ip nat {",
            "\tchain prerouting {",
            "\t\ttype nat hook prerouting priority dstnat; policy accept;",
            f'\t\tiifname "wan0" tcp dport {rnd.randrange(1, 65536)} dnat to 10.0.10.{rnd.randrange(1, 255)}:80',
            "\t}",
            "}",
        ]
    return "\n".join(out)


def _dump(nft: str) -> str:
    return "\n".join(
        [
            "### hostname\nr",
            "### ip -j addr\n" + json.dumps(ADDR),
            "### ip -j route show table all\n"
            + json.dumps([{"dst": "default", "gateway": "192.0.2.1", "dev": "wan0"}]),
            "### nft list ruleset\n" + nft,
        ]
    )


def _assert_same_parse(monkeypatch, text: str, module, fast: dict, slow: dict) -> None:
    """``text`` parsed with ``module``'s attributes ``fast``, then ``slow``: the same
    device (its filters first, the likeliest to differ) and the same report."""
    parsed = []
    for attrs in (fast, slow):
        with monkeypatch.context() as m:
            for name, value in attrs.items():
                m.setattr(module, name, value)
            parsed.append(linux.parse(text, "r.txt"))
    one, other = parsed
    assert one.devices[0].filters == other.devices[0].filters, text
    assert one.devices[0] == other.devices[0], text
    assert one.report == other.report, text


def test_lines_made_in_the_walk_are_the_general_paths_lines(monkeypatch):
    rnd = random.Random(20261207)
    made = flats = 0
    by_guard = {"input interfaces alone": 0, "other": 0}  # lines made behind each kind of guard
    general = flatten_module.flatten
    inif = Cond._fields.index("inif")

    def counting(chain, chains, universe, keep, problems, make_lines=None):
        nonlocal made, flats

        def maker(rules, k, narrowed, guard_reasons, out):
            before = len(out)
            got = make_lines(rules, k, narrowed, guard_reasons, out)
            alone = [i for i, _ in narrowed] == [inif]
            by_guard["input interfaces alone" if alone else "other"] += len(out) - before
            return got

        out = general(chain, chains, universe, keep, problems, maker if make_lines else None)
        made += sum(type(x) is not flatten_module.Flat for x in out)
        flats += sum(type(x) is flatten_module.Flat for x in out)
        return out

    def without_lines(chain, chains, universe, keep, problems, make_lines=None):
        return general(chain, chains, universe, keep, problems)

    for _ in range(600):
        text = _dump(_ruleset(rnd))
        _assert_same_parse(monkeypatch, text, netfilter, {"flatten": counting}, {"flatten": without_lines})
    # The walk made lines, and the general path kept the others (unions, "", a
    # rule whose field the guard constrains, the base chains' rules).
    assert made > 500 and flats > 500
    # Both of make_lines' ways to a rule's fields made lines: the guard of the input
    # interfaces alone (the rule's condition unpacked) and any other (its fields' list).
    assert min(by_guard.values()) > 200, by_guard


def test_rules_read_in_the_table_loop_are_the_full_readers_rules(monkeypatch):
    # nftables._read_table makes a plain rule's Rule itself from the text memo
    # (nft_match.plain_memo / new_plain_rule); with the plain reading off, every statement
    # goes through read_rule's full path: the devices and reports must be the same.
    from netaudit.parsers.linux import nft_match

    rnd = random.Random(20261208)
    plain = 0
    counted = nft_match.new_plain_rule

    def counting(ctx, memo, text):
        nonlocal plain
        got = counted(ctx, memo, text)
        plain += got is not None
        return got

    for _ in range(300):
        text = _dump(_ruleset(rnd))
        _assert_same_parse(
            monkeypatch,
            text,
            nft_match,
            {"new_plain_rule": counting},
            {"plain_memo": lambda ctx: {}, "new_plain_rule": lambda ctx, memo, text: None},
        )
    assert plain > 1000  # the plain reading took most rules
