"""ASA parser benchmark: a generated 20 000-line configuration (make bench).

The config has what big ASA configs are made of: many subinterfaces, network objects,
nested object-groups, service groups, ~17 000 ACL entries bound to interfaces, object
NAT, routes and management lines.  The parse (including resolution of every object
and the synthesized forwarding policy) must stay well under a few seconds.
"""

from __future__ import annotations

import time

from netaudit.parsers import cisco_asa
from netaudit.parsers.cisco_asa.policy import POLICY

TARGET_LINES = 20_000
LIMIT_SECONDS = 10.0


def generate(target: int = TARGET_LINES) -> str:
    out = [
        ": Saved",
        ":",
        "ASA Version 9.16(4)",
        "!",
        "hostname BENCH-FW",
        "interface GigabitEthernet0/0",
        " nameif outside",
        " security-level 0",
        " ip address 198.51.100.2 255.255.255.0",
        "!",
    ]
    for v in range(1, 41):
        out += [
            f"interface GigabitEthernet0/1.{v}",
            f" vlan {v}",
            f" nameif zone{v}",
            f" security-level {v * 2}",
            f" ip address 10.{v}.0.1 255.255.0.0",
            "!",
        ]
    for i in range(1000):
        out += [f"object network H{i}", f" host 10.{1 + i % 40}.{i // 250}.{i % 250 + 1}"]
    for g in range(200):
        out.append(f"object-group network G{g}")
        out += [f" network-object object H{(g * 5 + k) % 1000}" for k in range(5)]
        out.append(f" network-object 10.{1 + g % 40}.{100 + g % 50}.0 255.255.255.0")
        if g:
            out.append(f" group-object G{g - 1}" if g % 10 else " description top")
    for s in range(50):
        out += [
            f"object-group service S{s} tcp",
            f" port-object eq {1000 + s}",
            f" port-object range {2000 + 10 * s} {2005 + 10 * s}",
        ]
    out += [
        "object-group service WEB",
        " service-object tcp destination eq www",
        " service-object tcp destination eq https",
        " service-object udp destination eq domain",
    ]
    n = 0
    acl = 0
    while len(out) < target - 300:
        name = f"ACL{acl % 40}"
        k = n % 5
        if k == 0:
            out.append(
                f"access-list {name} extended permit tcp object-group G{n % 200} "
                f"object H{n % 1000} object-group S{n % 50}"
            )
        elif k == 1:
            out.append(f"access-list {name} extended permit object-group WEB any object-group G{n % 200}")
        elif k == 2:
            out.append(
                f"access-list {name} extended deny ip 10.{n % 40}.{n % 250}.0 255.255.255.0 "
                f"host 10.{1 + n % 40}.1.{n % 250} log"
            )
        elif k == 3:
            out.append(
                f"access-list {name} extended permit udp any range 1024 65535 "
                f"host 10.{1 + n % 40}.2.{n % 250} eq {n % 60000 + 1}"
            )
        else:
            out.append(f"access-list {name} remark entry {n}")
        n += 1
        if n % 400 == 0:
            acl += 1
    for z in range(1, 41):
        out.append(f"access-group ACL{z % 40} in interface zone{z}")
    out.append("access-group ACL0 in interface outside")
    for i in range(0, 100):
        out += [f"object network H{i}", f" nat (zone{1 + i % 40},outside) dynamic interface"]
    out += [
        "route outside 0.0.0.0 0.0.0.0 198.51.100.1 1",
        "http server enable",
        "http 10.1.0.0 255.255.0.0 zone1",
        "ssh 10.1.0.0 255.255.0.0 zone1",
        ": end",
    ]
    while len(out) < target:
        out.append("!")
    return "\n".join(out) + "\n"


def test_parse_generated_20k_lines(benchmark):
    text = generate()
    assert len(text.splitlines()) == TARGET_LINES

    def run():
        t0 = time.perf_counter()
        res = cisco_asa.parse(text, "bench-asa.cfg")
        return res, time.perf_counter() - t0

    res, seconds = benchmark.pedantic(run, rounds=1, iterations=1)
    rep = res.report
    dev = res.devices[0]
    entries = sum(len(f.lines) for name, f in dev.filters.items() if name.startswith("ACL"))
    print(
        f"\nASA parse: {rep.lines} lines, {entries} ACL entries, "
        f"{len(dev.filters[POLICY].lines)} policy lines, {len(dev.nat_rules)} NAT rules "
        f"in {seconds:.2f} s"
    )
    assert rep.unrecognized == [] and not rep.warnings
    assert dev.forward_filter == POLICY and len(dev.nat_rules) == 100
    assert seconds < LIMIT_SECONDS
