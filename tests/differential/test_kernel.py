"""The engine against the Linux kernel: random networks built in network namespaces, dumped
as a user would, audited, and probed with real packets (issue #11, section 2;
docs/differential.md; the harness is tests/lab/differential/).

Root is needed (CI runs as root); the tests are skipped only where network namespaces
cannot be created, with the reason.  The harness tests at the top need no netaudit parser:
they check that what is built is what is dumped and that probes are detected where they
arrive — the campaign is only as good as them.
"""

from __future__ import annotations

import json

import pytest

from tests.lab.differential import build
from tests.lab.differential.dump import dump, sections
from tests.lab.differential.generator import Dnat, Network, Router, Zone, generate
from tests.lab.differential.probe import DEVICES, Probe, delivered_to, send
from tests.lab.differential.run import run_one

_why = build.available()
pytestmark = pytest.mark.skipif(_why is not None, reason=_why or "")

# The fixed networks CI runs (≈ 50, a few minutes on 2 cores).  Every disagreement ever
# found is added here with a comment naming its fix.
SEEDS = [
    *range(1, 51),  # 3, 14, 19 disagreed before their fixes: see FOUND
    52,  # finding A: rp_filter=2 with an `ip rule … lookup 100`
    74,  # finding B: rp_filter=1 read as loose; a wrong-way static route fails strict uRPF
    97,  # finding B: rp_filter=1 read as loose; a /17 inside a connected /16 via another zone
    744,  # finding C: a packet back at a router with the router's own address as source (martian)
    288,  # finding D: uRPF with a `from … lookup 100` rule that does not match the reverse lookup
    267,  # finding E: the reverse lookup after DNAT meets a `from … lookup 100` rule (blackhole)
]
# Disagreements found, with their fix (tests/lab/differential/findings/<seed>/README.md).
FOUND = {
    3: "B, fixed: rp_filter=1 without the interface's own value is strict-or-loose (Interface.urpf_unsure: "
    "what only loose passes is unknown), and the one-liner now dumps every interface's rp_filter",
    14: "A, fixed: uRPF through policy routing — Routing.urpf_bounds (sure / may pass over every table a rule "
    "may pick; a drop rule makes nothing sure)",
    19: "A, fixed (as 14)",
    52: "A, fixed (as 14)",
    74: "B, fixed (as 3)",
    97: "B, fixed (as 3)",
    288: "D, fixed: the main table is always a possible outcome of the reverse lookup (a rule may not "
    "match): a source with no route in main may fail loose uRPF although table 100 has a default",
    267: "E, fixed: Linux checks the source after prerouting DNAT — the reverse lookup's policy rules meet the "
    "translated destination (Device.urpf_after_dnat, ReachEngine._reverse_path)",
    744: "C, fixed: Linux drops a packet whose source is one of its own addresses whatever rp_filter says "
    "(Device.martian_own_source, engine ingress)",
}


@pytest.mark.parametrize("seed", SEEDS)
def test_engine_agrees_with_the_kernel(seed, tmp_path):
    r = run_one(seed, tmp_path)
    assert not r.get("error"), r["error"]
    detail = json.dumps(r["disagreements"][:3], indent=1)
    assert r["disagreements"] == [], f"seed {seed}: {len(r['disagreements'])} disagreements\n{detail}"


# -- the harness itself -------------------------------------------------------------------
RULES = """flush ruleset
table inet fw {
\tchain input {
\t\ttype filter hook input priority filter; policy drop;
\t\ticmp type echo-request iifname "z1" accept
\t}
\tchain forward {
\t\ttype filter hook forward priority filter; policy drop;
\t\tct state established,related accept
\t\tiifname "z1" oifname "z2" tcp dport 80 accept
\t}
}
table ip nat {
\tchain prerouting {
\t\ttype nat hook prerouting priority dstnat; policy accept;
\t\tip daddr 203.0.113.9 tcp dport 8080 dnat to 10.2.0.20:80
\t}
}
"""


def small() -> Network:
    zones = [
        Zone("z1", "guest", "10.1.0.0/24", "r1", "z1", "10.1.0.1", "10.1.0.10", ["tcp/22"]),
        Zone("z2", "server", "10.2.0.0/24", "r1", "z2", "10.2.0.1", "10.2.0.20", ["tcp/80"]),
    ]
    rt = Router(
        "r1", "nft", 0, ruleset=RULES, listeners=["tcp/22"], dnat=[Dnat("203.0.113.9", "tcp", 8080, "10.2.0.20", 80)]
    )
    return Network(0, "single", [rt], zones, [])


def test_probes_are_detected_where_they_arrive():
    def p(i, src_zone, src, dst, proto, dport=0):
        return Probe(i, src_zone, "", "sample", src, dst, proto, 40000 + i, dport, token=f"{i:032x}")

    probes = [
        p(1, "z1", "10.1.0.77", "10.2.0.20", 6, 80),  # allowed: delivered
        p(2, "z1", "10.1.0.77", "10.2.0.20", 6, 81),  # dropped
        p(3, "z1", "10.1.0.78", "10.2.0.200", 6, 80),  # allowed, to an address no host holds
        p(4, "z2", "10.2.0.20", "10.1.0.10", 6, 22),  # z2 -> z1: dropped
        p(5, "z1", "10.1.0.77", "10.2.0.1", 1),  # echo to the router from z1: input accepts
        p(6, "z2", "10.2.0.20", "10.2.0.1", 1),  # from z2: input drops
        p(7, "z1", "10.1.0.79", "203.0.113.9", 6, 8080),  # DNAT to z2's host on tcp/80
        p(8, "z1", "10.1.0.79", "203.0.113.9", 6, 8081),  # no DNAT: nowhere
    ]
    with build.Lab(small()) as lab:
        send(lab, probes)
    got = {q.id: (delivered_to(q), q.arrived) for q in probes}
    assert got[1] == ({"z2"}, ["z2:10.2.0.20"])
    assert got[2] == (set(), [])
    assert got[3] == ({"z2"}, ["z2:10.2.0.200"])
    assert got[4] == (set(), [])
    assert got[5] == ({DEVICES}, [f"{DEVICES}:r1"])
    assert got[6] == (set(), [])
    assert got[7] == ({"z2"}, ["z2:10.2.0.20"])  # arrives translated
    assert got[8] == (set(), [])


@pytest.mark.parametrize("seed", [3, 10])
def test_the_dump_is_what_was_built(seed, tmp_path):
    net = generate(seed)
    with build.Lab(net) as lab:
        site = dump(lab, tmp_path)
    for rt in net.routers:
        text = (tmp_path / f"{rt.name}.txt").read_text()
        heads = [h for h, _ in sections(text)]
        ruleset = "nft list ruleset" if rt.firewall == "nft" else "iptables-save"
        assert heads[:4] == ["hostname", "ip -j addr", "ip -j route show table all", "ip -j rule"]
        assert ruleset in heads and "ss -Htlnup" in heads
        body = dict(sections(text))
        assert body["hostname"].strip() == rt.name
        sysctl = body["sysctl -a -r 'ip_forward$|\\.rp_filter$|\\.accept_local$'"]
        assert f"net.ipv4.conf.all.rp_filter = {rt.rp_filter}" in sysctl
        assert "net.ipv4.ip_forward = 1" in sysctl
        zones = [z for z in net.zones if z.router == rt.name]
        assert all(f"net.ipv4.conf.{z.ifname}.rp_filter = " in sysctl for z in zones)  # every interface's own
        routes = json.loads(body["ip -j route show table all"])
        dsts = {r["dst"] for r in routes}
        for route in rt.routes:
            words = route.split()
            dst = words[1] if words[0] in ("blackhole", "unreachable") else words[0]
            assert dst.removesuffix("/32") in dsts or dst == "default"
        rules = json.loads(body["ip -j rule"])
        assert len(rules) == 3 + len(rt.rules)
        for svc in rt.listeners:
            assert f":{svc.split('/')[1]} " in body["ss -Htlnup"]
        if rt.firewall == "nft":
            assert "table inet fw" in body[ruleset] or "table ip fw" in body[ruleset]
            assert body.get("iptables-save", "").strip() == ""
        else:
            assert "*filter" in body[ruleset] and "nft list ruleset" not in heads
    assert "zones:" in site.read_text()
