"""Helpers for the OpenWrt parser tests: parse a snippet, build zones, a matrix."""

from __future__ import annotations

import textwrap

from helpers import FIXTURES as ALL_FIXTURES
from helpers import analyse, parse_one
from netaddr import IPNetwork

from netaudit.parsers import openwrt
from netaudit.zones import Zone

FIXTURES = ALL_FIXTURES / "openwrt"

# A small office: lan (br-lan: lan1, lan2), guest (br-guest, wireless only), wan (dhcp).
BASE = """
package network

config device
\toption name 'br-lan'
\toption type 'bridge'
\tlist ports 'lan1'
\tlist ports 'lan2'

config interface 'lan'
\toption device 'br-lan'
\toption proto 'static'
\toption ipaddr '192.168.1.1/24'

config device
\toption name 'br-guest'
\toption type 'bridge'

config interface 'guest'
\toption device 'br-guest'
\toption proto 'static'
\toption ipaddr '192.168.3.1'
\toption netmask '255.255.255.0'

config interface 'wan'
\toption device 'wan'
\toption proto 'dhcp'

package dhcp

config dnsmasq
\toption localservice '1'

config dhcp 'guest'
\toption interface 'guest'

package system

config system
\toption hostname 'gw'

package wireless

config wifi-iface 'g'
\toption device 'radio0'
\toption mode 'ap'
\toption network 'guest'
\toption ssid 'Wifi Khach'
\toption encryption 'none'
\toption isolate '1'

package firewall

config defaults
\toption input 'REJECT'
\toption output 'ACCEPT'
\toption forward 'REJECT'

config zone
\toption name 'lan'
\tlist network 'lan'
\toption input 'ACCEPT'
\toption output 'ACCEPT'
\toption forward 'ACCEPT'

config zone
\toption name 'wan'
\tlist network 'wan'
\toption input 'REJECT'
\toption output 'ACCEPT'
\toption forward 'REJECT'
\toption masq '1'

config zone
\toption name 'guest'
\tlist network 'guest'
\toption input 'REJECT'
\toption output 'ACCEPT'
\toption forward 'REJECT'

config forwarding
\toption src 'lan'
\toption dest 'wan'

config forwarding
\toption src 'guest'
\toption dest 'wan'

config rule
\toption name 'guest-dns-dhcp'
\toption src 'guest'
\toption proto 'udp'
\toption dest_port '53 67'
\toption target 'ACCEPT'
"""

STAFF = Zone("staff", "internal", [IPNetwork("192.168.1.0/24")])
GUEST = Zone("guest", "guest", [IPNetwork("192.168.3.0/24")])
NET = Zone("internet", "external", attach=[("gw", "wan")])


def parse(text: str, file: str = "r.uci"):
    """``(device, report)`` of a UCI text (dedented)."""
    return parse_one(openwrt, textwrap.dedent(text).lstrip("\n"), file)


def office(extra: str = "", base: str = BASE):
    return parse(base + textwrap.dedent(extra))


def cells(dev, zones=(STAFF, GUEST, NET)):
    return analyse([dev], list(zones)).cells


def audit_fixture(tmp_path, fixture: str, device: str):
    """``run_audit`` of one fixture as a router's file beside a site.yaml: staff
    192.168.1.0/24, guest 10.9.9.0/24, the Internet on ``device``'s eth2."""
    from netaudit.audit import run_audit

    (tmp_path / f"{device}.txt").write_text((FIXTURES / fixture).read_text())
    (tmp_path / "site.yaml").write_text(
        'unit: "test office"\nlevel: 2\nzones:\n'
        "  staff: {kind: internal, subnets: [192.168.1.0/24]}\n"
        "  guest: {kind: guest, subnets: [10.9.9.0/24]}\n"
        f'  internet: {{kind: external, attach: ["{device}:eth2"]}}\n'
    )
    return run_audit([tmp_path], tmp_path / "site.yaml")
