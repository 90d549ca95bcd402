"""Parsing against the read-and-split floor, every vendor (issue #15, parsing goal).

Goal: each vendor's parse of a ~20,000-line configuration within 10x of reading the same
text and splitting every line into words (``[l.split() for l in text.splitlines()]``, the
least any line parser does), and a 20,000-line configuration ≤ 0.5 s as a whole process.

The inputs are generated, realistic and recognised line for line: the RouterOS,
ASA and FortiGate generators of the older benches (``test_bench_routeros.py``,
``test_bench_asa.py``, ``test_bench_fortios.py``), a RouterOS export of 20,000 distinct
one-line forward rules (the export of issue #15 whose address complements took most of
the time), and here an IOS core switch (VLANs, SVIs, access ports, object-groups, named
and numbered ACLs, static routes, NAT), a Linux router as an ``nft list ruleset`` dump and
as an ``iptables-save`` dump, an OpenWrt ``uci export``, a Huawei VRP router (an AR6300
with a LAN card: Vlanif gateways with inbound advanced ACLs, access and trunk ports,
routes, SNMP, vty, NAT), a Ruijie RG-S5750 core (RGOS 11: a stack written with spaces,
AggregatePorts, SVIs with inbound ACLs), an H3C Comware V7 core switch (VLAN interfaces
with inbound packet filters, bridge-mode ports, a Bridge-Aggregation, routes, SNMP, SSH),
a Juniper SRX345 (`show configuration`: IRB gateways, zones, address books, policies, NAT)
and a ``show ip route`` table (with the device it belongs to).

Measured per input: the floor, the parse in this process (``parse()`` of the vendor, the
file read included), ``netaudit init DIR -o -`` as a whole process (the smallest CLI path
that parses: detection, parse, topology, zones inferred) and, once, ``netaudit audit FILE
--format json`` (zones inferred; the analysis of a big configuration takes seconds to
minutes, capped at :data:`AUDIT_TIMEOUT_S`).

``make bench`` (``--benchmark-enable``): 20,000 lines, the median of 5 interleaved rounds,
whole processes included; it fails only past the regression guards (:data:`GUARD_RATIO`,
:data:`GUARD_INIT_S`), the goal is printed per input.  ``make test``: 2,000 lines once in
process and one ``init`` process, a smoke test that every generated file parses with
nothing unrecognized; no timing asserted.  Run with ``-s`` to see the table.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from netaudit.parsers import (
    cisco_asa,
    cisco_ios,
    fortinet_fortios,
    h3c_comware,
    huawei_vrp,
    juniper_junos,
    linux,
    mikrotik_routeros,
    openwrt,
    ruijie_rgos,
    state_routes,
)

from . import test_bench_asa, test_bench_fortios, test_bench_routeros

ROOT = Path(__file__).resolve().parents[2]
FULL_LINES = 20_000
SMOKE_LINES = 2_000
FLOOR_RATIO = 10.0
PROCESS_BUDGET_S = 0.5


# --------------------------------------------------------------------------- Cisco IOS


def generate_ios(lines: int = FULL_LINES) -> str:
    """A provincial data-centre core switch: VLAN database, SVIs with ACLs, access ports,
    object-groups, named extended ACLs using them, numbered ACLs, routes, NAT, vty."""
    vlans = max(10, min(200, lines // 100))
    out = [
        "!",
        "! Last configuration change at 09:14:52 ICT Thu Sep 3 2026 by quantri",
        "!",
        "version 17.9",
        "service timestamps debug datetime msec localtime",
        "service timestamps log datetime msec localtime",
        "service password-encryption",
        "!",
        "hostname SO-TTTT-CORE01",
        "!",
        "vrf definition Mgmt-vrf",
        " !",
        " address-family ipv4",
        " exit-address-family",
        "!",
        "enable secret 9 $9$mERrQnPx9yEw4V$u3kM2cS0pGJq8R7vW1YzH5tLxA9dFe6NbKj4Uo2iTrc",
        "!",
        "aaa new-model",
        "!",
        "ip routing",
        "!",
        "ip name-server 10.1.20.10",
        "ip domain name so-tttt.local",
        "vtp mode transparent",
        "!",
        "username quantri privilege 15 secret 9 $9$2MJBozw/9R3UsU$D1BPkzwGFHPqbS1vm8R1FeRkJFlM9XMXE",
        "!",
    ]
    for v in range(vlans):
        out += [f"vlan {100 + v}", f" name PHONG-{v:03d}"]
    out.append("!")
    for s in range(1, 5):  # a stack of four 48-port switches
        for p in range(1, 49):
            v = 100 + (s * 48 + p) % vlans
            out += [
                f"interface GigabitEthernet{s}/0/{p}",
                f" description May tram tang {s} cong {p}",
                " switchport mode access",
                f" switchport access vlan {v}",
                " spanning-tree portfast",
                "!",
            ]
    out += [
        "interface TenGigabitEthernet1/1/1",
        " description UPLINK-FW",
        " no switchport",
        " ip address 172.31.0.2 255.255.255.252",
        " ip access-group FROM-FW in",
        "!",
    ]
    for v in range(vlans):
        out += [
            f"interface Vlan{100 + v}",
            f" description PHONG-{v:03d}",
            f" ip address 10.{1 + v // 50}.{v % 50 * 4}.1 255.255.252.0",
            f" ip access-group V{100 + v}-IN in",
            " ip helper-address 10.1.20.11",
            " no ip redirects",
            "!",
        ]
    groups = max(20, lines // 70)
    for g in range(groups):
        out += [f"object-group network NG-{g:03d}", f" description Nhom may chu {g}"]
        out += [f" host 10.{1 + g % 4}.{g % 200}.{10 + k}" for k in range(3)]
        out.append(f" 10.{5 + g % 4}.{g % 250}.0 255.255.255.0")
        if g % 5:
            out.append(f" group-object NG-{g - 1:03d}")
    for s in range(max(5, lines // 400)):
        out += [
            f"object-group service SG-{s:02d}",
            f" tcp eq {8000 + s}",
            f" tcp range {9000 + 10 * s} {9005 + 10 * s}",
            f" udp eq {5000 + s}",
        ]
    out.append("!")
    body = [
        "ip route 0.0.0.0 0.0.0.0 172.31.0.1 name INTERNET",
        "ip route vrf Mgmt-vrf 0.0.0.0 0.0.0.0 192.168.0.1",
    ]
    body += [
        f"ip route 172.{16 + r // 250 % 16}.{r % 250}.0 255.255.255.0 10.{1 + r % 4}.{r % 50 * 4}.254"
        for r in range(lines // 20)
    ]
    body += ["ip nat inside source list 10 interface TenGigabitEthernet1/1/1 overload"]
    body += [
        f"ip nat inside source static tcp 10.1.0.{10 + i} {8443 + i} 203.0.113.{2 + i % 4} {8443 + i} extendable"
        for i in range(lines // 400)
    ]
    body += ["access-list 10 permit 10.0.0.0 0.255.255.255"]
    for n in range(lines // 20):
        body.append(
            f"access-list {100 + n % 50} permit tcp 10.{1 + n % 4}.{n % 250}.0 0.0.0.255 "
            f"host 10.1.20.{n % 250} eq {1024 + n % 40000}"
        )
    tail = [
        "!",
        "ip access-list extended FROM-FW",
        " 10 deny ip 10.0.0.0 0.255.255.255 any",
        " 20 permit tcp any host 10.1.20.10 eq 443",
        " 30 permit tcp any any established",
        " 40 deny ip any any log",
        "ip access-list standard VTY-MGMT",
        " permit 10.1.99.0 0.0.0.255",
        " deny any log",
        "!",
        "router ospf 1",
        " router-id 10.1.255.1",
        " network 10.0.0.0 0.255.255.255 area 0",
        "!",
        "snmp-server community Gi4m-S4t-RO RO VTY-MGMT",
        "!",
        "line con 0",
        " exec-timeout 5 0",
        "line vty 0 4",
        " access-class VTY-MGMT in",
        " transport input ssh",
        "line vty 5 15",
        " access-class VTY-MGMT in",
        " transport input ssh",
        "!",
        "end",
    ]
    n = 0
    budget = lines - len(out) - len(body) - len(tail)
    acls: list[str] = []
    per_acl = max(8, budget // vlans)
    for v in range(vlans):
        if len(acls) >= budget - 2:
            break
        acls.append(f"ip access-list extended V{100 + v}-IN")
        acls.append(f" remark === Phong {v}: chi cho phep dich vu duoc duyet ===")
        for k in range(per_acl - 3):
            if len(acls) >= budget - 1:
                break
            seq = 10 * (k + 1)
            kind = n % 6
            if kind == 0:
                acls.append(f" {seq} permit tcp any object-group NG-{n % groups:03d} eq 443")
            elif kind == 1:
                acls.append(
                    f" {seq} permit object-group SG-{n % 20 % max(5, lines // 400):02d} any object-group NG-{n % groups:03d}"
                )
            elif kind == 2:
                acls.append(
                    f" {seq} permit udp 10.{1 + n % 4}.{n % 200}.0 0.0.3.255 host 10.1.20.{n % 250} eq {1000 + n % 9000}"
                )
            elif kind == 3:
                acls.append(f" {seq} deny ip any 10.{5 + n % 4}.{n % 250}.0 0.0.0.255 log")
            elif kind == 4:
                acls.append(f" {seq} permit icmp any any echo")
            else:
                acls.append(f" {seq} permit tcp host 10.1.99.{n % 250} any range 8000 8100")
            n += 1
        acls.append(f" {10 * per_acl} deny ip any any")
    out += acls + body + tail
    while len(out) < lines:
        out.insert(-1, "!")
    return "\n".join(out[:lines]) + "\n"


# --------------------------------------------------------------------------- Linux


def _linux_head(host: str, vlans: int) -> list[str]:
    """``hostname``, ``ip -j addr``, ``ip -j route``, ``ip -j rule`` of a router with a
    WAN port and ``vlans`` VLAN interfaces (each JSON document on one line, as ip prints it)."""
    import json

    addrs = [
        {"ifindex": 1, "ifname": "lo", "flags": ["LOOPBACK", "UP"], "link_type": "loopback",
         "addr_info": [{"family": "inet", "local": "127.0.0.1", "prefixlen": 8, "scope": "host"}]},
        {"ifindex": 2, "ifname": "wan0", "flags": ["BROADCAST", "UP"], "link_type": "ether",
         "addr_info": [{"family": "inet", "local": "203.0.113.10", "prefixlen": 29, "scope": "global"}]},
    ]  # fmt: skip
    routes: list[dict] = [{"dst": "default", "gateway": "203.0.113.9", "dev": "wan0", "protocol": "static"}]
    for v in range(vlans):
        name = f"vlan{100 + v}"
        net = f"10.{20 + v // 64}.{v % 64 * 4}"
        addrs.append(
            {"ifindex": 10 + v, "ifname": name, "flags": ["BROADCAST", "UP"], "link_type": "ether",
             "addr_info": [{"family": "inet", "local": f"{net}.1", "prefixlen": 22, "scope": "global"}]}
        )  # fmt: skip
        routes.append({"dst": f"{net}.0/22", "dev": name, "protocol": "kernel", "scope": "link", "prefsrc": f"{net}.1"})
    rules = [{"priority": 0, "src": "all", "table": "local"}, {"priority": 32766, "src": "all", "table": "main"}]
    return [
        "### hostname",
        host,
        "### ip -j addr",
        json.dumps(addrs, separators=(",", ":")),
        "### ip -j route show table all",
        json.dumps(routes, separators=(",", ":")),
        "### ip -j rule",
        json.dumps(rules, separators=(",", ":")),
    ]


_LINUX_TAIL = [
    "### bridge -j vlan",
    "[]",
    "### sysctl net.ipv4.ip_forward net.ipv4.conf.all.rp_filter",
    "net.ipv4.ip_forward = 1",
    "net.ipv4.conf.all.rp_filter = 2",
    "### ss -Htlnu",
    "udp UNCONN 0      0      0.0.0.0:53 0.0.0.0:*",
    "tcp LISTEN 0      128    0.0.0.0:22 0.0.0.0:*",
]


def generate_nft(lines: int = FULL_LINES) -> str:
    """A Linux router as an ``nft list ruleset`` dump: an interval set of blocked
    networks (elements wrapped over lines as nft prints them), input and forward base
    chains, a verdict map into one chain per VLAN holding the bulk of the rules, and a
    NAT table of port forwards."""
    vlans = max(8, min(120, lines // 150))
    out = _linux_head("gw-so-tttt", vlans)
    out += ["### nft list ruleset", "table inet filter {", "\tset mgmt_hosts {", "\t\ttype ipv4_addr"]
    out += ["\t\tflags interval", "\t\telements = { 10.20.0.0/24, 192.168.99.0/24 }", "\t}", ""]
    blocked = [f"198.{18 + b // 250 % 2}.{b % 250}.0/24" for b in range(max(20, lines // 40))]
    out += ["\tset blocked {", "\t\ttype ipv4_addr", "\t\tflags interval"]
    rows = [", ".join(blocked[k : k + 4]) for k in range(0, len(blocked), 4)]
    out.append("\t\telements = { " + rows[0] + ("," if len(rows) > 1 else " }"))
    out += [f"\t\t\t     {r}," for r in rows[1:-1]]
    if len(rows) > 1:
        out.append(f"\t\t\t     {rows[-1]} }}")
    out += ["\t}", ""]
    out += [
        "\tchain input {",
        "\t\ttype filter hook input priority filter; policy drop;",
        "\t\tct state established,related accept",
        "\t\tct state invalid drop",
        '\t\tiifname "lo" accept',
        "\t\tip saddr @mgmt_hosts tcp dport 22 accept",
        "\t\tudp dport { 53, 67 } accept",
        "\t\ticmp type echo-request accept",
        "\t\tcounter packets 0 bytes 0 drop",
        "\t}",
        "",
        "\tchain forward {",
        "\t\ttype filter hook forward priority filter; policy drop;",
        "\t\tct state vmap { invalid : drop, established : accept, related : accept }",
        "\t\tip saddr @blocked counter packets 0 bytes 0 drop",
        '\t\tiifname "wan0" ct status dnat accept',
        "\t\tiifname vmap { " + ", ".join(f'"vlan{100 + v}" : jump from_vlan{100 + v}' for v in range(vlans)) + " }",
        "\t}",
    ]
    nat = max(10, lines // 100)
    tail = [
        "}",
        "table ip nat {",
        "\tchain prerouting {",
        "\t\ttype nat hook prerouting priority dstnat; policy accept;",
    ]
    tail += [
        f'\t\tiifname "wan0" tcp dport {20000 + j} dnat to 10.{20 + j % 2}.{j % 64 * 4}.{10 + j % 200}:443'
        for j in range(nat)
    ]
    tail += ["\t}", "\tchain postrouting {", "\t\ttype nat hook postrouting priority srcnat; policy accept;"]
    tail += ['\t\toifname "wan0" masquerade', "\t}", "}", *_LINUX_TAIL]
    rules = lines - len(out) - len(tail) - 5 * vlans  # 5: blank, header, two closing rules, brace
    body: list[str] = []
    n = 0
    for v in range(vlans):
        body += ["", f"\tchain from_vlan{100 + v} {{"]
        for _ in range(rules // vlans + (v < rules % vlans)):
            k = n % 6
            dst = f"10.{20 + n % 2}.{n % 256}.0/24"
            if k == 0:
                body.append(f'\t\tip daddr {dst} tcp dport {{ 80, 443, {8000 + n % 1000} }} accept comment "rule {n}"')
            elif k == 1:
                body.append(
                    f"\t\tip saddr 10.{20 + v // 64}.{v % 64 * 4}.{n % 250} ip daddr {dst} udp dport {1000 + n % 9000} accept"
                )
            elif k == 2:
                body.append('\t\toifname "wan0" tcp dport { 25, 465, 587 } counter packets 0 bytes 0 drop')
            elif k == 3:
                body.append(f"\t\tip daddr != 10.0.0.0/8 tcp dport {1024 + n % 60000} accept")
            elif k == 4:
                body.append(f'\t\toifname "vlan{100 + n % vlans}" ip daddr {dst} icmp type echo-request accept')
            else:
                body.append(f"\t\tip daddr {dst} tcp dport {2000 + n % 3000}-{2100 + n % 3000} drop")
            n += 1
        body += ['\t\toifname "wan0" accept', "\t\treturn", "\t}"]
    out += body + tail
    return "\n".join(out) + "\n"


def generate_iptables(lines: int = FULL_LINES) -> str:
    """The same kind of router as an ``iptables-save`` dump: user chains per VLAN
    jumped to from FORWARD, multiport, conntrack and comment matches, DNAT port forwards."""
    vlans = max(8, min(120, lines // 150))
    out = _linux_head("gw-so-hoabinh", vlans)
    out += [
        "### iptables-save",
        "# Generated by iptables-save v1.8.9 (nf_tables) on Fri Dec  4 08:41:44 2026",
        "*filter",
        ":INPUT DROP [0:0]",
        ":FORWARD DROP [0:0]",
        ":OUTPUT ACCEPT [0:0]",
    ]
    out += [f":FROM_VLAN{100 + v} - [0:0]" for v in range(vlans)]
    out += [
        "-A INPUT -i lo -j ACCEPT",
        "-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
        "-A INPUT -s 10.20.0.0/24 -p tcp -m tcp --dport 22 -j ACCEPT",
        "-A INPUT -p udp -m multiport --dports 53,67 -j ACCEPT",
        "-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
        "-A FORWARD -m conntrack --ctstate INVALID -j DROP",
        "-A FORWARD -i wan0 -m conntrack --ctstate DNAT -j ACCEPT",
    ]
    out += [f"-A FORWARD -i vlan{100 + v} -j FROM_VLAN{100 + v}" for v in range(vlans)]
    nat = max(10, lines // 100)
    tail = ["COMMIT", "# Completed on Fri Dec  4 08:41:44 2026", "*nat", ":PREROUTING ACCEPT [0:0]"]
    tail += [":INPUT ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]", ":POSTROUTING ACCEPT [0:0]"]
    tail += [
        f"-A PREROUTING -i wan0 -p tcp -m tcp --dport {20000 + j} -j DNAT "
        f"--to-destination 10.{20 + j % 2}.{j % 64 * 4}.{10 + j % 200}:443"
        for j in range(nat)
    ]
    tail += ["-A POSTROUTING -o wan0 -j MASQUERADE", "COMMIT", "# Completed on Fri Dec  4 08:41:44 2026"]
    tail += _LINUX_TAIL
    rules = lines - len(out) - len(tail) - 2 * vlans  # 2: the closing ACCEPT and RETURN
    body: list[str] = []
    n = 0
    for v in range(vlans):
        chain = f"FROM_VLAN{100 + v}"
        for _ in range(rules // vlans + (v < rules % vlans)):
            k = n % 5
            dst = f"10.{20 + n % 2}.{n % 256}.0/24"
            if k == 0:
                body.append(f"-A {chain} -d {dst} -p tcp -m multiport --dports 80,443,{8000 + n % 1000} -j ACCEPT")
            elif k == 1:
                body.append(
                    f"-A {chain} -s 10.{20 + v // 64}.{v % 64 * 4}.{n % 250}/32 -d {dst} -p udp -m udp "
                    f'--dport {1000 + n % 9000} -m comment --comment "rule {n}" -j ACCEPT'
                )
            elif k == 2:
                body.append(f"-A {chain} -o wan0 -p tcp -m multiport --dports 25,465,587 -j DROP")
            elif k == 3:
                body.append(f"-A {chain} ! -d 10.0.0.0/8 -p tcp -m tcp --dport {1024 + n % 60000} -j ACCEPT")
            else:
                body.append(f"-A {chain} -d {dst} -o vlan{100 + n % vlans} -p icmp -m icmp --icmp-type 8 -j ACCEPT")
            n += 1
        body += [f"-A {chain} -o wan0 -j ACCEPT", f"-A {chain} -j RETURN"]
    out += body + tail
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- OpenWrt


def generate_openwrt(lines: int = FULL_LINES) -> str:
    """``uci export`` of a big OpenWrt gateway: DSA bridge VLANs and their networks, static
    DHCP leases, static routes, fw4 zones and forwardings, traffic rules and port forwards."""
    vlans = max(6, min(60, lines // 300))
    out = ["package network", "", "config interface 'loopback'", "\toption device 'lo'", "\toption proto 'static'"]
    out += ["\toption ipaddr '127.0.0.1'", "\toption netmask '255.0.0.0'", "", "config globals 'globals'"]
    out += ["\toption ula_prefix 'fd3c:91a2:5e10::/48'", "", "config device", "\toption name 'br-lan'"]
    out += ["\toption type 'bridge'"] + [f"\tlist ports 'lan{p}'" for p in range(1, 5)] + [""]
    for v in range(vlans):
        out += ["config bridge-vlan", "\toption device 'br-lan'", f"\toption vlan '{100 + v}'"]
        out += [f"\tlist ports 'lan{1 + v % 4}:u*'", "\tlist ports 'lan4:t'", ""]
        out += [f"config interface 'vl{100 + v}'", f"\toption device 'br-lan.{100 + v}'", "\toption proto 'static'"]
        out += [f"\toption ipaddr '10.{30 + v // 64}.{v % 64 * 4}.1'", "\toption netmask '255.255.252.0'", ""]
    out += ["config interface 'wan'", "\toption device 'wan'", "\toption proto 'dhcp'", ""]
    for r in range(max(5, lines // 200)):
        out += [
            "config route",
            f"\toption interface 'vl{100 + r % vlans}'",
            f"\toption target '172.{16 + r // 250 % 16}.{r % 250}.0/24'",
        ]
        out += [f"\toption gateway '10.{30 + r % vlans // 64}.{r % vlans % 64 * 4}.254'", ""]
    out += ["package dhcp", "", "config dnsmasq", "\toption domain 'lan'", "\toption authoritative '1'", ""]
    for v in range(vlans):
        out += [f"config dhcp 'vl{100 + v}'", f"\toption interface 'vl{100 + v}'", "\toption start '100'"]
        out += ["\toption limit '150'", "\toption leasetime '12h'", ""]
    for h in range(max(5, lines // 40)):
        out += [
            "config host",
            f"\toption name 'may-{h:04d}'",
            f"\toption mac '02:00:00:{h >> 8 & 255:02x}:{h & 255:02x}:01'",
        ]
        out += [f"\toption ip '10.{30 + h % vlans // 64}.{h % vlans % 64 * 4}.{10 + h % 240}'", ""]
    out += ["package dropbear", "", "config dropbear", "\toption PasswordAuth 'off'", "\toption Port '22'", ""]
    out += ["package firewall", "", "config defaults", "\toption input 'REJECT'", "\toption output 'ACCEPT'"]
    out += ["\toption forward 'REJECT'", "\toption syn_flood '1'", ""]
    out += ["config zone", "\toption name 'wan'", "\tlist network 'wan'", "\toption input 'REJECT'"]
    out += ["\toption output 'ACCEPT'", "\toption forward 'REJECT'", "\toption masq '1'", "\toption mtu_fix '1'", ""]
    zones = max(3, vlans // 4)
    for z in range(zones):
        out += ["config zone", f"\toption name 'z{z}'"]
        out += [f"\tlist network 'vl{100 + v}'" for v in range(vlans) if v % zones == z]
        out += ["\toption input 'ACCEPT'", "\toption output 'ACCEPT'", "\toption forward 'REJECT'", ""]
        out += ["config forwarding", f"\toption src 'z{z}'", "\toption dest 'wan'", ""]
    redirects = max(5, lines // 200)
    tail: list[str] = []
    for j in range(redirects):
        tail += ["config redirect", f"\toption name 'Forward-{j}'", "\toption target 'DNAT'", "\toption src 'wan'"]
        tail += ["\toption proto 'tcp'", f"\toption src_dport '{20000 + j}'", f"\toption dest 'z{j % zones}'"]
        tail += [f"\toption dest_ip '10.30.{j % 64 * 4}.{10 + j % 200}'", "\toption dest_port '443'", ""]
    tail += ["package system", "", "config system", "\toption hostname 'UBND-Tinh-GW'", "\toption timezone '<+07>-7'"]
    n = 0
    while len(out) + len(tail) + 9 <= lines:
        k = n % 4
        rule = ["config rule", f"\toption name 'Rule-{n}'", f"\toption src 'z{n % zones}'"]
        if k == 0:
            rule += [f"\toption dest 'z{(n + 1) % zones}'", f"\toption dest_ip '10.30.{n % 256}.0/24'"]
            rule += ["\toption proto 'tcp'", f"\toption dest_port '{1000 + n % 9000}'", "\toption target 'ACCEPT'"]
        elif k == 1:
            rule += ["\toption dest 'wan'", "\toption proto 'tcp udp'", "\toption dest_port '25 465 587'"]
            rule += ["\toption target 'REJECT'"]
        elif k == 2:
            rule += [f"\toption src_ip '10.30.{n % 256}.{n % 250}'", "\toption dest '*'"]
            rule += ["\toption proto 'icmp'", "\toption icmp_type 'echo-request'", "\toption target 'ACCEPT'"]
        else:
            rule += [f"\toption dest 'z{(n + 2) % zones}'", "\toption proto 'udp'"]
            rule += [f"\toption dest_port '{2000 + n % 3000}-{2100 + n % 3000}'", "\toption target 'DROP'"]
        out += [*rule, ""]
        n += 1
    out += tail
    while len(out) < lines:
        out.append("")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- routing state


def generate_routes(lines: int = FULL_LINES) -> str:
    """``show ip route`` of a distribution router: the legend, connected and local
    routes, OSPF routes (some ECMP, on two lines), BGP routes, a few statics."""
    out = [
        "Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP",
        "       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area",
        "       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2",
        "       E1 - OSPF external type 1, E2 - OSPF external type 2",
        "       * - candidate default, U - per-user static route",
        "",
        "Gateway of last resort is 203.0.113.1 to network 0.0.0.0",
        "",
        "S*    0.0.0.0/0 [1/0] via 203.0.113.1",
        "      10.0.0.0/8 is variably subnetted, 9000 subnets, 4 masks",
    ]
    for v in range(48):
        out.append(f"C        10.1.{v}.0/24 is directly connected, Vlan{100 + v}")
        out.append(f"L        10.1.{v}.1/32 is directly connected, Vlan{100 + v}")
    n = 0
    while len(out) < lines - 3:
        k = n % 8
        pfx = f"10.{2 + n // 250 % 200}.{n % 250}.0/24"
        if k < 5:
            out.append(f"O IA     {pfx} [110/{20 + n % 30}] via 10.1.{n % 48}.2, 3d04h, Vlan{100 + n % 48}")
        elif k == 5:
            out.append(f"O        {pfx} [110/2] via 10.1.{n % 48}.2, 00:01:02, Vlan{100 + n % 48}")
            out.append(f"                     [110/2] via 10.1.{(n + 1) % 48}.3, 00:01:02, Vlan{100 + (n + 1) % 48}")
        elif k == 6:
            out.append(f"B        172.{16 + n // 250 % 16}.{n % 250}.0/24 [20/0] via 192.0.2.{1 + n % 200}, 1w2d")
        else:
            out.append(f"S        192.168.{n % 250}.0/24 [1/0] via 10.1.{n % 48}.254")
        n += 1
    while len(out) < lines:
        out.append("")
    return "\n".join(out[:lines]) + "\n"


# --------------------------------------------------------------------------- RouterOS, many rules


def generate_routeros_rules(lines: int = FULL_LINES) -> str:
    """A RouterOS export whose bulk is one-line forward rules (after the issue #15 export
    of 20,000 distinct rules), with destinations, ports, interface lists and negated
    address lists whose complements the conversion computes.  Three rules in four are
    distinct; the fourth, a VLAN's anti-spoofing drop, is one of 50 lines (one a VLAN),
    each repeated about 100 times (h-ros5, docs/performance.md: a memo of repeated rule
    lines would gain on this input what a real export would not give it)."""
    head = test_bench_routeros.HEAD
    out = [head.rstrip("\n"), "/ip firewall address-list"]
    out += [f"add address=198.51.{i}.0/24 list=BLOCK{i % 7}" for i in range(50)]
    out += ["/ip firewall filter", "add action=accept chain=forward connection-state=established,related"]
    k = 0
    used = sum(s.count("\n") + 1 for s in out)
    while used + k < lines - 1:
        v = 10 + k % 50
        if k % 4 == 0:
            out.append(
                f"add action=accept chain=forward dst-address=10.{v}.{k // 50 % 250}.{k % 50 * 4}/30 "
                f"protocol=tcp dst-port={1000 + k % 5000} in-interface-list=LAN"
            )
        elif k % 4 == 1:
            out.append(f"add action=drop chain=forward src-address=!10.{v}.0.0/16 in-interface=vlan{v}")
        elif k % 4 == 2:
            out.append(
                f"add action=accept chain=forward dst-address=!10.{v}.{k // 50 % 250}.0/24 "
                f"src-address-list=!BLOCK{k % 7} protocol=udp dst-port={2000 + k % 5000}"
            )
        else:
            out.append(f"add action=drop chain=forward dst-address=10.{v}.{k // 50 % 250}.{k % 250} protocol=icmp")
        k += 1
    out.append("add action=drop chain=forward")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- Huawei VRP


def generate_huawei(lines: int = FULL_LINES) -> str:
    """``display current-configuration`` of a provincial department's Huawei AR6300 router
    with a 48-port LAN card, its core (VLANs, Vlanif gateways with inbound advanced ACLs
    holding the bulk of the rules, access and trunk ports, static routes, AAA, SNMP, vty
    with an ACL, SSH, source NAT on the WAN port)."""
    vlans = max(10, min(200, lines // 100))
    out = [
        "!Software Version V300R021C10SPC100",
        "!Last configuration was updated at 2026-11-20 16:42:07+07:00 by quantri",
        "#",
        "sysname SO-TTTT-AR6300",
        "#",
        f"vlan batch 100 to {99 + vlans} 999",
        "#",
        "undo telnet server enable",
        "undo http server enable",
        "undo http secure-server enable",
        "#",
        "clock timezone Ha_Noi add 07:00:00",
        "#",
        "dhcp enable",
        "#",
    ]
    for v in range(vlans):
        out += [f"vlan {100 + v}", f" description Phong-{v:03d}"]
    out += ["#", "acl number 2000", " description Quan tri thiet bi", " rule 5 permit source 10.99.0.0 0.0.0.255"]
    out += [" rule 100 deny", "#", "acl number 2999", " rule 5 permit source 10.0.0.0 0.255.255.255", "#"]
    routes = max(10, lines // 20)
    tail = [
        "aaa",
        " authentication-scheme default",
        " authorization-scheme default",
        " accounting-scheme default",
        " domain default",
        " domain default_admin",
        " local-user quantri password irreversible-cipher $1a$Kd8#Qw3@7Z$pM2vB9xR4yT6nL0cH5jF8sG1uE3wA7dK$",
        " local-user quantri privilege level 15",
        " local-user quantri service-type ssh",
        "#",
    ]
    tail += [
        "interface Vlanif999",
        " description Quan tri thiet bi",
        " ip address 10.99.0.1 255.255.255.0",
        "#",
        "interface GigabitEthernet0/0/1",
        " description WAN - VNPT kenh truyen so lieu",
        " ip address 203.0.113.2 255.255.255.248",
        " nat outbound 2999",
        "#",
    ]
    for p in range(1, 49):
        v = 100 + p % vlans
        tail.append(f"interface GigabitEthernet2/0/{p - 1}")
        if p % 12 == 0:
            tail += [" description Trunk xuong tang", " port link-type trunk", " port trunk pvid vlan 999"]
            tail += [" undo port trunk allow-pass vlan 1", f" port trunk allow-pass vlan {v} to {v + 3} 999"]
        else:
            tail += [f" description May tram cong {p}", " port link-type access", f" port default vlan {v}"]
            tail += [" stp edged-port enable"]
        tail.append("#")
    tail += ["interface NULL0", "#", "ip route-static 0.0.0.0 0.0.0.0 203.0.113.1 description Internet-VNPT"]
    tail += [
        f"ip route-static 172.{16 + r // 250 % 16}.{r % 250}.0 255.255.255.0 10.{1 + r % 4}.{r % 50 * 4}.254"
        for r in range(routes)
    ]
    tail += [
        "#",
        "snmp-agent",
        "snmp-agent local-engineid 800007DB03A4B1C2D3E4F5",
        "snmp-agent community read cipher %^%#Zq8!Vt3xLm0@Rk5&Wn2*Hs7$Pd4^Jb9%^%# acl 2000",
        "snmp-agent sys-info version v2c",
        "#",
        "stelnet server enable",
        "ssh user quantri",
        "ssh user quantri authentication-type password",
        "ssh user quantri service-type stelnet",
        "#",
        "user-interface con 0",
        " authentication-mode aaa",
        "user-interface vty 0 4",
        " acl 2000 inbound",
        " authentication-mode aaa",
        " protocol inbound ssh",
        "#",
        "return",
    ]
    vlanifs: list[str] = []
    for v in range(vlans):
        vlanifs += [
            f"interface Vlanif{100 + v}",
            f" description Gateway phong {v:03d}",
            f" ip address 10.{1 + v // 50}.{v % 50 * 4}.1 255.255.252.0",
            f" traffic-filter inbound acl {3000 + v}",
            "#",
        ]
    budget = lines - len(out) - len(vlanifs) - len(tail)
    per_acl = max(6, budget // vlans)
    acls: list[str] = []
    n = 0
    for v in range(vlans):
        net = f"10.{1 + v // 50}.{v % 50 * 4}.0 0.0.3.255"
        acls += [f"acl number {3000 + v}", f" description Phong {v:03d} - chi dich vu duoc duyet"]
        for k in range(per_acl - 4):
            seq = 5 * (k + 1)
            kind = n % 6
            dst = f"10.{1 + n % 4}.{n % 200}.0 0.0.0.255"
            if kind == 0:
                acls.append(f" rule {seq} permit tcp source {net} destination {dst} destination-port eq 443")
            elif kind == 1:
                acls.append(
                    f" rule {seq} permit udp source {net} destination 10.99.1.{n % 250} 0 destination-port eq {1000 + n % 9000}"
                )
            elif kind == 2:
                acls.append(f" rule {seq} deny ip source {net} destination 10.{5 + n % 4}.{n % 250}.0 0.0.0.255")
            elif kind == 3:
                acls.append(f" rule {seq} permit tcp source {net} destination {dst} destination-port range 8000 8100")
            elif kind == 4:
                acls.append(f" rule {seq} permit icmp source {net} icmp-type echo")
            else:
                acls.append(f" rule {seq} permit tcp source {net} destination {dst} tcp-flag established")
            n += 1
        acls += [f" rule {5 * per_acl} permit ip source {net}", " rule 9999 deny ip", "#"]
    out += acls + vlanifs + tail
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- Ruijie RGOS


def generate_ruijie(lines: int = FULL_LINES) -> str:
    """``show running-config`` of a provincial department's Ruijie RG-S5750 core (RGOS 11):
    the VLANs as ``vlan range`` and named ``vlan`` blocks, a stack of four 48-port
    members written with a space (``GigabitEthernet 1/0/1``), LACP uplinks
    (``AggregatePort`` with ``port-group`` members, ``only`` trunks), SVIs with inbound
    named ACLs holding the bulk of the rules, numbered ACLs, static routes, ``enable
    service`` servers, SNMP and vty with an ACL, IP-MAC bindings."""
    vlans = max(10, min(200, lines // 100))
    out = [
        "UBND-TINH-CORE#show running-config",
        "",
        "Building configuration...",
        "Current configuration : 812345 bytes",
        "",
        "!",
        "version S5750_RGOS 11.4(1)B74P2",
        "hostname SO-TTTT-S5750",
        "!",
        "install 1 M5750-24SFP/12GT",
        "!",
        "sysmac 5869.6c12.3f40",
        "!",
        "nfpp",
        "!",
        f"vlan range 1,999,{100}-{99 + vlans}",
    ]
    for v in range(vlans):
        out += ["!", f"vlan {100 + v}", f" name PHONG-{v:03d}"]
    out += [
        "!",
        "username quantri privilege 15 secret 8 $1c$RjBench8Qw3$pM2vB9xR4yT6nL0cH5jF8sG1uE3wA7dK",
        "enable secret 8 $1c$RjBenchEn$Kd8Qw37ZpM2vB9xR4yT6nL0cH5jF8sG1",
        "webmaster level 0 username admin password 7 0132564a3d11031e527d46",
        "no enable service web-server",
        "no enable service telnet-server",
        "enable service ssh-server",
        "enable service snmp-agent",
        "!",
        "ip access-list standard QUANTRI",
        " 10 permit 10.99.0.0 0.0.0.255",
        "!",
    ]
    tail = [
        "interface AggregatePort 1",
        " description UPLINK-FW",
        " no switchport",
        " ip address 172.31.0.2 255.255.255.252",
        "!",
    ]
    for a in range(2, 6):
        tail += [
            f"interface AggregatePort {a}",
            f" description Trunk xuong tang {a}",
            " switchport mode trunk",
            f" switchport trunk allowed vlan only {100 + a % vlans}-{100 + (a + 3) % vlans},999",
            "!",
        ]
    for s in range(1, 5):
        for p in range(1, 49):
            tail.append(f"interface GigabitEthernet {s}/0/{p}")
            if p > 46:
                tail += [f" description Uplink tang {s}", f" port-group {1 + (s * 2 + p) % 5} mode active"]
            else:
                tail += [
                    f" description May tram tang {s} cong {p}",
                    f" switchport access vlan {100 + (s * 48 + p) % vlans}",
                    " spanning-tree bpduguard enable",
                ]
            tail.append("!")
    tail += ["interface VLAN 999", " description Quan tri thiet bi", " ip address 10.99.0.1 255.255.255.0", "!"]
    routes = max(10, lines // 20)
    tail += ["ip route 0.0.0.0 0.0.0.0 172.31.0.1"]
    tail += [
        f"ip route 172.{16 + r // 250 % 16}.{r % 250}.0 255.255.255.0 10.{1 + r % 4}.{r % 50 * 4}.254"
        for r in range(routes)
    ]
    tail += [f"address-bind 10.{1 + b % 4}.{b % 200}.{10 + b % 200} 00d0.f8{b % 256:02x}.{b:04x}" for b in range(200)]
    tail += [
        "address-bind uplink AggregatePort 1",
        "address-bind install",
        "!",
        "snmp-server community 7 07032e4a5a1c ro QUANTRI",
        "!",
        "line console 0",
        "line vty 0 4",
        " access-class QUANTRI in",
        " login local",
        "!",
        "end",
    ]
    svis: list[str] = []
    for v in range(vlans):
        svis += [
            f"interface VLAN {100 + v}",
            f" description Gateway phong {v:03d}",
            f" ip address 10.{1 + v // 50}.{v % 50 * 4}.1 255.255.252.0",
            f" ip access-group V{100 + v}-IN in",
            "!",
        ]
    budget = lines - len(out) - len(svis) - len(tail)
    per_acl = max(6, budget // vlans)
    acls: list[str] = []
    n = 0
    for v in range(vlans):
        net = f"10.{1 + v // 50}.{v % 50 * 4}.0 0.0.3.255"
        acls += [f"ip access-list extended V{100 + v}-IN"]
        for k in range(per_acl - 3):
            seq = 10 * (k + 1)
            kind = n % 6
            dst = f"10.{1 + n % 4}.{n % 200}.0 0.0.0.255"
            if kind == 0:
                acls.append(f" {seq} permit tcp {net} {dst} eq 443")
            elif kind == 1:
                acls.append(f" {seq} permit udp {net} host 10.99.1.{n % 250} eq {1000 + n % 9000}")
            elif kind == 2:
                acls.append(f" {seq} deny ip {net} 10.{5 + n % 4}.{n % 250}.0 0.0.0.255")
            elif kind == 3:
                acls.append(f" {seq} permit tcp {net} {dst} range 8000 8100")
            elif kind == 4:
                acls.append(f" {seq} permit icmp {net} any echo")
            else:
                acls.append(f" {seq} permit tcp host 10.99.0.{n % 250} {dst} eq 22")
            n += 1
        acls += [f" {10 * (per_acl - 2)} deny ip any any", "!"]
    out += acls + svis + tail
    while len(out) < lines:
        out.insert(-1, "!")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- H3C Comware


def generate_h3c(lines: int = FULL_LINES) -> str:
    """``display current-configuration`` of a provincial department's H3C S6520X core
    switch (Comware V7): VLANs with names, VLAN interfaces with inbound packet filters
    whose advanced ACLs hold the bulk of the rules, 48 bridge-mode access and trunk ports
    and a Bridge-Aggregation uplink, static routes, local users, SNMP, SSH, vty lines."""
    vlans = max(10, min(200, lines // 100))
    out = [
        "#",
        " version 7.1.070, Release 6530P02",
        "#",
        " sysname SO-TTTT-S6520X",
        "#",
        " clock timezone Hanoi add 07:00:00",
        "#",
        " irf mac-address persistent timer",
        " irf auto-update enable",
        " undo irf link-delay",
        " irf member 1 priority 1",
        "#",
        " lldp global enable",
        "#",
        " password-recovery enable",
        "#",
    ]
    for v in range(vlans):
        out += [f"vlan {100 + v}", f" name Phong-{v:03d}", "#"]
    out += ["vlan 999", " name Quan-tri", "#", " stp global enable", "#"]
    out += ["acl basic 2000", " description Quan tri thiet bi", " rule 0 permit source 10.99.0.0 0.0.0.255", "#"]
    routes = max(10, lines // 20)
    tail = [
        "interface Vlan-interface999",
        " description Quan tri thiet bi",
        " ip address 10.99.0.1 255.255.255.0",
        "#",
        "interface Bridge-Aggregation1",
        " description Uplink len router bien",
        " port link-type trunk",
        " undo port trunk permit vlan 1",
        " port trunk permit vlan 999",
        " link-aggregation mode dynamic",
        "#",
        "interface NULL0",
        "#",
        "interface M-GigabitEthernet0/0/0",
        " ip address 192.168.0.1 255.255.255.0",
        "#",
    ]
    for p in range(1, 49):
        v = 100 + p % vlans
        tail += [f"interface GigabitEthernet1/0/{p}", " port link-mode bridge"]
        if p % 12 == 0:
            tail += [" description Trunk xuong tang", " port link-type trunk", " undo port trunk permit vlan 1"]
            tail += [f" port trunk permit vlan {v} to {v + 3} 999"]
        elif p > 46:
            tail += [" description Uplink LACP", " port link-aggregation group 1"]
        else:
            tail += [f" description May tram cong {p}", f" port access vlan {v}", " stp edged-port"]
        tail.append("#")
    tail += [" ip route-static 0.0.0.0 0 10.99.0.254 description Internet-VNPT"]
    tail += [
        f" ip route-static 172.{16 + r // 250 % 16}.{r % 250}.0 24 10.{1 + r % 4}.{r % 50 * 4}.254"
        for r in range(routes)
    ]
    tail += [
        "#",
        " snmp-agent",
        " snmp-agent local-engineid 800063A280A4B1C2D3E4F500000001",
        " snmp-agent community read cipher $c$3$Zq8VtxLm0Rk5Wn2Hs7Pd4Jb9q3bWkz== acl 2000",
        " snmp-agent sys-info version v2c v3",
        "#",
        " ssh server enable",
        " ssh server acl 2000",
        "#",
        "domain system",
        "#",
        "local-user quantri class manage",
        " password hash $h$6$Zk3Lq9Wn5Pb2Xc7V$a8Yd4Fg2Hj6Kl0Zx3Cv5Bn7Mq9Wr1Et4Yu6Io8Pa0Sd2Fg5Hj7Kl9Zx1Cv3Bn6Mq8W==",
        " service-type ssh terminal",
        " authorization-attribute user-role network-admin",
        "#",
        " undo ip http enable",
        " undo ip https enable",
        "#",
        "line class vty",
        " user-role network-operator",
        "#",
        "line vty 0 63",
        " authentication-mode scheme",
        " user-role network-operator",
        " protocol inbound ssh",
        "#",
        "return",
    ]
    vlanifs: list[str] = []
    for v in range(vlans):
        vlanifs += [
            f"interface Vlan-interface{100 + v}",
            f" description Gateway phong {v:03d}",
            f" ip address 10.{1 + v // 50}.{v % 50 * 4}.1 255.255.252.0",
            f" packet-filter {3000 + v} inbound",
            "#",
        ]
    budget = lines - len(out) - len(vlanifs) - len(tail)
    per_acl = max(6, budget // vlans)
    acls: list[str] = []
    n = 0
    for v in range(vlans):
        net = f"10.{1 + v // 50}.{v % 50 * 4}.0 0.0.3.255"
        acls += [f"acl advanced {3000 + v}", f" description Phong {v:03d} - chi dich vu duoc duyet"]
        for k in range(per_acl - 4):
            seq = 5 * (k + 1)
            kind = n % 6
            dst = f"10.{1 + n % 4}.{n % 200}.0 0.0.0.255"
            if kind == 0:
                acls.append(f" rule {seq} permit tcp source {net} destination {dst} destination-port eq 443")
            elif kind == 1:
                acls.append(
                    f" rule {seq} permit udp source {net} destination 10.99.1.{n % 250} 0 destination-port eq {1000 + n % 9000}"
                )
            elif kind == 2:
                acls.append(
                    f" rule {seq} deny ip source {net} destination 10.{5 + n % 4}.{n % 250}.0 0.0.0.255 counting"
                )
            elif kind == 3:
                acls.append(f" rule {seq} permit tcp source {net} destination {dst} destination-port range 8000 8100")
            elif kind == 4:
                acls.append(f" rule {seq} permit icmp source {net} icmp-type echo")
            else:
                acls.append(f" rule {seq} permit tcp source {net} destination {dst} established")
            n += 1
        acls += [f" rule {5 * per_acl} permit ip source {net}", " rule 9995 deny ip", "#"]
    out += acls + vlanifs + tail
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- Juniper Junos


def generate_junos(lines: int = FULL_LINES) -> str:
    """``show configuration`` (the hierarchical form) of a provincial department's SRX345:
    system services and accounts, SNMP, access ports and trunks on the switching ports, one
    IRB gateway per VLAN, an lo0 filter, static routes, security zones (one per VLAN group)
    with their address books, custom applications, the security policies holding the bulk
    of the lines, source NAT and port forwards."""
    vlans = max(10, min(200, lines // 100))
    zones = max(4, vlans // 10)
    out = [
        "## Last commit: 2026-11-20 16:42:07 ICT by quantri",
        "version 21.4R3-S5.4;",
        "system {",
        "    host-name SO-TTTT-SRX345;",
        "    time-zone Asia/Ho_Chi_Minh;",
        "    root-authentication {",
        '        encrypted-password "$6$Kd8Qw37Z$pM2vB9xR4yT6nL0cH5jF8sG1uE3wA7dK"; ## SECRET-DATA',
        "    }",
        "    name-server {",
        "        203.162.4.191;",
        "    }",
        "    login {",
        "        user quantri {",
        "            uid 2000;",
        "            class super-user;",
        "            authentication {",
        '                encrypted-password "$6$Ab3Cd5Ef$Gh7Ij9Kl1Mn3Op5Qr7St9Uv1Wx3Yz5"; ## SECRET-DATA',
        "            }",
        "        }",
        "    }",
        "    services {",
        "        ssh {",
        "            root-login deny;",
        "        }",
        "        netconf {",
        "            ssh;",
        "        }",
        "        web-management {",
        "            https {",
        "                system-generated-certificate;",
        "            }",
        "        }",
        "    }",
        "    syslog {",
        "        host 10.99.0.20 {",
        "            any any;",
        "        }",
        "        file messages {",
        "            any any;",
        "        }",
        "    }",
        "    ntp {",
        "        server 10.99.0.21;",
        "    }",
        "}",
        "snmp {",
        '    community "Gs7$Pd4^Jb9" {',
        "        authorization read-only;",
        "        clients {",
        "            10.99.0.0/24;",
        "        }",
        "    }",
        "}",
    ]
    ifaces = ["interfaces {"]
    for p in range(16):
        ifaces.append(f"    ge-0/0/{p} {{")
        if p == 0:
            ifaces += ['        description "WAN - VNPT kenh truyen so lieu";', "        unit 0 {"]
            ifaces += [
                "            family inet {",
                "                address 203.0.113.2/29;",
                "            }",
                "        }",
            ]
        else:
            ifaces += ["        unit 0 {", "            family ethernet-switching {"]
            if p % 4 == 0:
                ifaces += ["                interface-mode trunk;", "                vlan {"]
                ifaces += [
                    f"                    members [ V{100 + (p + k) % vlans} V{101 + (p + k) % vlans} ];"
                    for k in range(2)
                ]
                ifaces += ["                }"]
            else:
                ifaces += ["                interface-mode access;", "                vlan {"]
                ifaces += [f"                    members V{100 + p % vlans};", "                }"]
            ifaces += ["            }", "        }"]
        ifaces.append("    }")
    ifaces += ["    irb {"]
    for v in range(vlans):
        ifaces += [
            f"        unit {100 + v} {{",
            f'            description "Gateway phong {v:03d}";',
            "            family inet {",
            f"                address 10.{1 + v // 50}.{v % 50 * 4}.1/22;",
            "            }",
            "        }",
        ]
    ifaces += ["    }", "    lo0 {", "        unit 0 {", "            family inet {", "                filter {"]
    ifaces += ["                    input BAO-VE-RE;", "                }", "            }", "        }", "    }", "}"]
    vl = ["vlans {"]
    for v in range(vlans):
        vl += [f"    V{100 + v} {{", f"        vlan-id {100 + v};", f"        l3-interface irb.{100 + v};", "    }"]
    vl += ["}"]
    routes = max(10, lines // 40)
    ro = ["routing-options {", "    static {", "        route 0.0.0.0/0 next-hop 203.0.113.1;"]
    ro += [
        f"        route 172.{16 + r // 250 % 16}.{r % 250}.0/24 next-hop 10.{1 + r % 4}.{r % 50 * 4}.254;"
        for r in range(routes)
    ]
    ro += ["    }", "}"]
    fw = ["firewall {", "    family inet {", "        filter BAO-VE-RE {"]
    fw += ["            term QUAN-TRI {", "                from {", "                    source-address {"]
    fw += ["                        10.99.0.0/24;", "                    }", "                    protocol tcp;"]
    fw += [
        "                    destination-port [ ssh https 830 ];",
        "                }",
        "                then accept;",
    ]
    fw += ["            }", "            term PING {", "                from {", "                    protocol icmp;"]
    fw += ["                }", "                then accept;", "            }", "            term CON-LAI {"]
    fw += [
        "                then {",
        "                    count re-drop;",
        "                    discard;",
        "                }",
    ]
    fw += ["            }", "        }", "    }", "}"]
    apps = ["applications {"]
    for a in range(20):
        apps += [
            f"    application APP-{a:02d} {{",
            "        protocol tcp;",
            f"        destination-port {8000 + a};",
            "    }",
        ]
    apps += ["    application-set WEB-NOI-BO {", "        application junos-http;", "        application junos-https;"]
    apps += ["        application APP-00;", "    }", "}"]
    tail = ["    nat {", "        source {", "            rule-set RA-INTERNET {", "                from zone [ "]
    tail[-1] += " ".join(f"Z{z:02d}" for z in range(zones)) + " ];"
    tail += ["                to zone untrust;", "                rule PAT {", "                    match {"]
    tail += [
        "                        source-address 10.0.0.0/8;",
        "                    }",
        "                    then {",
    ]
    tail += [
        "                        source-nat {",
        "                            interface;",
        "                        }",
    ]
    tail += ["                    }", "                }", "            }", "        }", "        destination {"]
    tail += ["            pool WEB {", "                address 10.1.0.10/32 port 443;", "            }"]
    tail += ["            rule-set CONG-KHAI {", "                from zone untrust;", "                rule WEB {"]
    tail += ["                    match {", "                        destination-address 203.0.113.2/32;"]
    tail += [
        "                        destination-port {",
        "                            443;",
        "                        }",
    ]
    tail += ["                    }", "                    then {", "                        destination-nat {"]
    tail += [
        "                            pool {",
        "                                WEB;",
        "                            }",
    ]
    tail += [
        "                        }",
        "                    }",
        "                }",
        "            }",
        "        }",
        "    }",
    ]
    zn = ["    zones {", "        security-zone untrust {", "            interfaces {", "                ge-0/0/0.0;"]
    zn += ["            }", "        }"]
    per_zone = vlans // zones
    books: list[str] = []
    for z in range(zones):
        zn += [
            f"        security-zone Z{z:02d} {{",
            "            host-inbound-traffic {",
            "                system-services {",
        ]
        zn += [
            "                    ping;",
            "                    ssh;",
            "                }",
            "            }",
            "            interfaces {",
        ]
        zn += [f"                irb.{100 + v};" for v in range(z * per_zone, (z + 1) * per_zone)]
        zn += ["            }", "        }"]
    budget = lines - len(out) - len(ifaces) - len(vl) - len(ro) - len(fw) - len(apps) - len(tail) - len(zn) - 6
    hosts = max(20, budget // 8)
    books = ["    address-book {", "        global {"]
    for h in range(hosts):
        books.append(f"            address H{h:05d} 10.{1 + h % 4}.{h // 4 % 200}.{h % 250 + 1}/32;")
    books += ["            address-set MAY-CHU {"] + [
        f"                address H{h:05d};" for h in range(min(hosts, 20))
    ]
    books += ["            }", "        }", "    }"]
    pol: list[str] = ["    policies {"]
    remaining = budget - len(books)
    n = 0
    while remaining > 0:
        fz, tz = f"Z{n % zones:02d}", f"Z{(n * 7 + 1) % zones:02d}" if n % 3 else "untrust"
        pol += [f"        from-zone {fz} to-zone {tz} {{", f"            policy P{n:05d} {{", "                match {"]
        pol += [
            f"                    source-address H{n % hosts:05d};",
            f"                    destination-address H{(n * 13) % hosts:05d};",
        ]
        app = ["junos-https", "junos-ssh", f"APP-{n % 20:02d}", "WEB-NOI-BO", "junos-dns-udp"][n % 5]
        pol += [f"                    application {app};", "                }", "                then {"]
        pol += [
            "                    permit;" if n % 4 else "                    deny;",
            "                }",
            "            }",
            "        }",
        ]
        remaining -= 12
        n += 1
    pol += ["        default-policy {", "            deny-all;", "        }", "    }"]
    sec = ["security {", *books, *pol, *tail, *zn, "    }", "}"]
    out += ifaces + vl + ro + fw + apps + sec
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- the cases


@dataclass(frozen=True)
class Case:
    """One vendor's input: its generator, its parse and the file name it is saved as
    (vendor detection and routing-state naming read it)."""

    name: str
    generate: Callable[[int], str]
    parse: Callable[[str, str], object]
    file: str


def _state(text: str, file: str) -> object:
    return state_routes.parse_state(text, file)


CASES = [
    Case("cisco_ios", generate_ios, cisco_ios.parse, "core01.cfg"),
    Case("cisco_asa", test_bench_asa.generate, cisco_asa.parse, "fw01.cfg"),
    Case("fortinet_fortios", test_bench_fortios.generate, fortinet_fortios.parse, "fgt.conf"),
    Case("mikrotik_routeros", test_bench_routeros.generate, mikrotik_routeros.parse, "ccr.rsc"),
    Case("mikrotik_routeros 20k rules", generate_routeros_rules, mikrotik_routeros.parse, "ccr-rules.rsc"),
    Case("linux nft", generate_nft, linux.parse, "gw-nft.txt"),
    Case("linux iptables", generate_iptables, linux.parse, "gw-ipt.txt"),
    Case("openwrt", generate_openwrt, openwrt.parse, "owrt.txt"),
    Case("huawei_vrp", generate_huawei, huawei_vrp.parse, "ar6300.cfg"),
    Case("ruijie_rgos", generate_ruijie, ruijie_rgos.parse, "rg-s5750.cfg"),
    Case("h3c_comware", generate_h3c, h3c_comware.parse, "s6520x-core.cfg"),
    Case("juniper_junos", generate_junos, juniper_junos.parse, "srx345.conf"),
    Case("state_routes", generate_routes, _state, "dist01_route.txt"),
]

# The device a routing table belongs to (a state file alone is no audit).
_STATE_DEVICE = "hostname dist01\ninterface Vlan100\n ip address 10.1.0.1 255.255.255.0\nend\n"

GUARD_RATIO = 60.0  # make bench fails past this (the goal is 10; a regression guard, not the goal)
GUARD_INIT_S = 3.0
AUDIT_TIMEOUT_S = 60.0


def write_input(case: Case, text: str, parent: Path) -> Path:
    """The input as a user brings it: a folder holding the configuration (and, for the
    routing table, the device it belongs to)."""
    folder = parent / case.name.replace(" ", "_")
    folder.mkdir(parents=True, exist_ok=True)
    if case.name == "state_routes":
        (folder / "dist01.cfg").write_text(_STATE_DEVICE, encoding="utf-8")
    (folder / case.file).write_text(text, encoding="utf-8")
    return folder


def audit_target(case: Case, folder: Path) -> Path:
    """What ``netaudit audit`` is given: the configuration file (the folder for a
    routing table, which needs its device)."""
    return folder if case.name == "state_routes" else folder / case.file


def floor_s(path: Path) -> float:
    """Read the file and split every line into words: the least a line parser does.
    (Its words are freed after the clock stops, as :func:`parse_s`'s model is.)"""
    t = time.perf_counter()
    text = path.read_text(encoding="utf-8")
    words = [line.split() for line in text.splitlines()]
    took = time.perf_counter() - t
    assert words
    return took


def parse_s(case: Case, path: Path) -> float:
    """Read the file and parse it with the vendor's parser, in this process.  The model
    is freed after the clock stops, as the floor's words are: both time making their
    result, neither its freeing (a parse's caller keeps the model; freeing the nft
    case's was 5 ms, 3 % of its parse, timed here and not in the floor until the
    sixteenth session)."""
    t = time.perf_counter()
    parsed = case.parse(path.read_text(encoding="utf-8"), path.name)
    took = time.perf_counter() - t
    assert parsed is not None
    return took


def cli_s(args: list[str], ok: tuple[int, ...], timeout: float | None = None) -> float | None:
    """Seconds a whole ``python -m netaudit.cli …`` process takes (None: timed out)."""
    t = time.perf_counter()
    try:
        res = subprocess.run(
            [sys.executable, "-m", "netaudit.cli", *args], capture_output=True, cwd=ROOT, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None
    took = time.perf_counter() - t
    assert res.returncode in ok, res.stderr[-2000:]
    return took


def init_s(folder: Path) -> float | None:
    """``netaudit init DIR -o -``: the smallest CLI path that parses (read, detect,
    parse, topology, zones inferred, the draft site file written)."""
    return cli_s(["init", str(folder), "-o", "-"], (0,))


def audit_s(target: Path, timeout: float | None = None) -> float | None:
    """``netaudit audit FILE --format json`` (zones inferred): the parse and the whole
    analysis after it."""
    return cli_s(["audit", str(target), "--format", "json"], (0, 1), timeout)


def _median(xs: list) -> float | None:
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def test_parse_against_floor(benchmark, tmp_path):
    full = benchmark.enabled
    lines = FULL_LINES if full else SMOKE_LINES
    rounds = 5 if full else 1
    folders: dict[str, Path] = {}
    for case in CASES:
        text = case.generate(lines)
        assert text.count("\n") >= lines, case.name
        rep = case.parse(text, case.file).report  # type: ignore[attr-defined]  # warm-up: imports, regexes
        assert rep.unrecognized == [], (case.name, rep.unrecognized[:3])
        folders[case.name] = write_input(case, text, tmp_path)

    def campaign():
        times: dict[str, dict[str, list]] = {c.name: {"floor": [], "parse": [], "init": [], "audit": []} for c in CASES}
        for r in range(rounds):
            for case in CASES:
                folder = folders[case.name]
                t = times[case.name]
                t["floor"].append(floor_s(folder / case.file))
                t["parse"].append(parse_s(case, folder / case.file))
                if full:
                    t["init"].append(init_s(folder))
                    if r == 0:  # the analysis takes seconds to minutes: once
                        t["audit"].append(audit_s(audit_target(case, folder), AUDIT_TIMEOUT_S))
        return times

    times = benchmark.pedantic(campaign, rounds=1, iterations=1)
    audit_note = f" (audit: once, {AUDIT_TIMEOUT_S:.0f} s at most)" if full else ""
    print(f"\nload {os.getloadavg()[0]:.2f}; {lines} lines; median of {rounds}{audit_note}")
    print(f"{'input':28s} {'floor ms':>8s} {'parse ms':>8s} {'ratio':>6s} {'init s':>7s} {'audit s':>8s}  goal")
    for name, t in times.items():
        fl, pa, ini, aud = (_median(t[k]) for k in ("floor", "parse", "init", "audit"))
        ratio = pa / fl
        goal = "ratio ok" if ratio <= FLOOR_RATIO else "ratio over"
        if ini is not None:
            goal += ", init ok" if ini <= PROCESS_BUDGET_S else ", init over"
        show_init = f"{ini:7.2f}" if ini is not None else f"{'-':>7s}"
        show_audit = (
            f"{aud:8.2f}" if aud is not None else (f"{'>' + str(int(AUDIT_TIMEOUT_S)):>8s}" if full else f"{'-':>8s}")
        )
        print(f"{name:28s} {fl * 1e3:8.1f} {pa * 1e3:8.1f} {ratio:6.1f} {show_init} {show_audit}  {goal}")
        if full:
            assert ratio <= GUARD_RATIO, f"{name}: parse {ratio:.0f}x the floor"
            assert ini is not None and ini <= GUARD_INIT_S, f"{name}: init {ini} s"
    if not full:
        # make test: the CLI path the bench times, once, on the small IOS input
        assert init_s(folders["cisco_ios"]) is not None
