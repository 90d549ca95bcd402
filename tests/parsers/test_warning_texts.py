"""Parser warnings are catalogue texts, worded in Vietnamese too.

A parser's warning reaches every report ("Cảnh báo" / the JSON ``warnings_text``); an
English sentence there is English in a Vietnamese report as well.  Every warning of the
vendors below must be a catalogue :class:`~netaudit.messages.Text` whose Vietnamese
wording differs from its English one: the fixtures and samples, snippets written to
provoke the warnings, and a look at the source (a warning written as an f-string or a
plain string literal fails here before any input shows it).
"""

from __future__ import annotations

import ast
import importlib
import json
import sys

import pytest
from helpers import FIXTURES, ROOT, SAMPLES, audit_cli, text_keys

from netaudit import parsers
from netaudit.inputs import load_snapshot
from netaudit.messages import Text

COVERED = (
    "cisco_ios",
    "cisco_asa",
    "fortinet_fortios",
    "huawei_vrp",
    "h3c_comware",
    "openwrt",
    "mikrotik_routeros",
    "linux",
)
PARSERS = ROOT / "netaudit" / "parsers"
# The modules of the covered packages and the shared ones whose warnings reach reports.
SOURCES = [
    PARSERS / "__init__.py",
    PARSERS / "base.py",
    PARSERS / "completeness.py",
    PARSERS / "state_routes.py",
    *(f for vendor in COVERED for f in sorted((PARSERS / vendor).glob("*.py"))),
]


def _untranslated(warnings) -> list[str]:
    """The warnings that are not catalogue texts, or read the same in both languages."""
    return [w for w in warnings if not isinstance(w, Text) or w.render("vi") == w.render("en")]


def test_the_fixtures_and_samples_warn_in_vietnamese_too():
    folders = [FIXTURES / vendor for vendor in COVERED] + [FIXTURES / "linux" / "iptables"]
    folders += sorted(d for d in SAMPLES.iterdir() if (d / "site.yaml").is_file())
    seen = []
    for folder in folders:
        snap = load_snapshot([folder])
        for rep in snap.reports:
            if rep.vendor in COVERED:
                seen += rep.warnings
                assert _untranslated(rep.warnings) == [], rep.file
    # the fixtures do warn (the test is not vacuous)
    assert {
        "input.assess.unsupported",
        "input.ios.ip_routing_assumed",
        "input.openwrt.no_dropbear",
        "input.linux.no_ss",
        "input.linux.no_ip_forward",
    } <= text_keys(seen)


IOS = """\
hostname r1
!
ip access-list extended EMPTY
!
interface Vlan10
 ip address 10.0.10.1 255.255.255.0
 ip access-group EMPTY in
!
interface Vlan20
 ip address 10.0.20.1 255.255.255.0
!
interface GigabitEthernet0/1
 switchport mode access
!
access-list 10 permit 10.0.0.0 0.255.255.255
access-list 11 permit 10.0.0.0 0.255.255.255
snmp-server community public RO 10
snmp-server community private RW 11
line vty 0 4
 access-class 10 in
 transport input ssh
line vty 5 15
 access-class 11 in
 transport input ssh
banner motd ^C
never closed
"""

ASA = """\
: Saved
ASA Version 9.8(4)
hostname fw
interface GigabitEthernet0/0
 nameif inside
 security-level 100
 ip address 10.0.0.1 255.255.255.0
interface GigabitEthernet0/1
 nameif inside
 ip address 10.0.1.1 255.255.255.0
interface GigabitEthernet0/2
 ip address 10.0.2.1 255.255.255.0
interface GigabitEthernet0/3.5
 nameif dmz
 ip address 10.0.3.1 255.255.255.0
access-list STD standard permit 10.0.0.0 255.0.0.0
access-group MISSING in interface inside
access-group STD in interface dmz
: end
"""

FORTIOS = """\
#config-version=FGT60E-6.4.5-FW-build1828-210217:opmode=0:vdom=0:user=admin
#conf_file_ver=1
#buildno=1828
#global_vdom=1
next
end
set foo bar
edit 3
config system global
    set hostname "fw"
    set
end
config
config system interface
    edit "port1"
        set ip 10.0.0.1 255.255.255.0
    edit "port2"
        bogus thing
    next
    edit
    next
end
config firewall bogussection
    edit 1
    next
end
config system interface
    edit "port3"
        set alias "never closed
"""

FORTIOS_ONE_VDOM = """\
#config-version=FGVM64-6.4.9-FW-build1966-220421:opmode=0:vdom=1:user=admin
#conf_file_ver=1
#buildno=1966
#global_vdom=0:vd_name=CN-HANOI
config firewall policy
end
"""

OPENWRT = """\
config zone
\toption name 'orphan'

package network

config device
\toption type 'bridge'

config device
\toption name 'br-lan'
\toption type 'bridge'
\tlist ports 'lan1'
\tlist ports 'lan2'

config device
\toption name 'odd0'
\toption type 'quantum'

config bridge-vlan
\toption device 'br-lan'
\toption vlan '10'
\tlist ports 'lan1:u'
\tlist ports 'lan2'

config bridge-vlan
\toption device 'br-lan'
\toption vlan '20'
\tlist ports 'lan1:u'

config bridge-vlan
\toption device 'br-lan'

config bridge-vlan
\toption device 'eth9'
\toption vlan '5'

config device
\toption name 'br-old'
\toption type 'bridge'
\toption vlan_filtering '0'

config bridge-vlan
\toption device 'br-old'
\toption vlan '7'

config interface 'wg'
\toption proto 'wireguard'
\tlist addresses 'fd00::1/64'

config switch_vlan
\toption device 'switch0'

config interface 'lan'
\toption device 'br-lan.10'
\toption proto 'static'
\toption ipaddr '192.168.1.1/24'

config interface 'old'
\toption ifname 'eth1 eth2'
\toption proto 'static'

config interface 'bad'
\toption device 'eth3'
\toption proto 'static'
\toption ipaddr 'not-an-address'

config route
\toption interface 'lan'
\toption target 'nonsense'

package wireless

config wifi-iface 'w'
\toption device 'radio0'
\toption mode 'ap'
\toption network 'lan old'
\toption ssid 'x'
\toption encryption 'none'

package firewall

config defaults
\toption input 'SOMETIMES'

config zone
\toption input 'ACCEPT'

config zone
\toption name 'lan'
\tlist network 'lan'
\tlist network 'ghost'

config rule
\toption name 'r1'
\toption src 'nowhere'
\toption target 'ACCEPT'

config rule
\toption name 'r2'
\toption src 'lan'
\toption target 'MAYBE'

config forwarding
\toption src 'lan'

config redirect
\toption name 'd1'
\toption target 'DNAT'
\toption dest_port '80'

config redirect
\toption name 'd2'
\toption target 'DNAT'
\toption src 'lan'
\toption dest_ip 'bogus'
\toption dest_port '80'

config redirect
\toption name 's1'
\toption target 'SNAT'
\toption src 'lan'

config redirect
\toption name 's2'
\toption target 'SNAT'
\toption src 'lan'
\toption dest 'lan'
"""

OPENWRT_WARNINGS = (
    "before_package",
    "device_no_name",
    "ifnames_no_bridge",
    "device_type_unknown",
    "bridge_vlan_no_number",
    "untagged_several",
    "bridge_vlan_not_bridge",
    "vlan_filtering_off",
    "address_not_ipv4",
    "switch_vlan_no_vlan",
    "wifi_networks",
    "address_unread",
    "route_target_unread",
    "policy_unknown",
    "zone_no_name",
    "zone_network_undefined",
    "rule_zone_undefined",
    "rule_target_unknown",
    "forwarding_zones",
    "dnat_no_src",
    "dest_ip_unread",
    "snat_no_dest",
    "snat_no_src_dip",
    "no_dropbear",
)

ROUTEROS = """\
# 2024-01-01 12:00:00 by RouterOS 7.12
/interface bridge
add name=br vlan-filtering=yes
add name=plain
/interface vlan
add interface=br name=vlan30 vlan-id=30
/interface wireless
set [ find default-name=wlan1 ] disabled=no mode=ap-bridge ssid=G vlan-id=40 vlan-mode=use-tag
/interface list
add name=LAN
/interface bridge port
add bridge=br interface=ether2 pvid=10
add bridge=br interface=ether3 pvid=10 horizon=1
add bridge=plain interface=wlan1
add bridge=plain interface=ether8
add bridge=ghost interface=ether5
add bridge=br interface=*7
add interface=*8
add bridge=*E interface=ether6
add interface=ether7
/interface bridge vlan
add bridge=br vlan-ids=20 untagged=ether2
/interface list member
add list=LAN interface=*9
add list=NOLIST interface=ether4
/ip address
add address=10.9.9.1/24 interface=ether2
add address=10.8.8.1/24 interface=*14
/ip dhcp-client
add interface=ether8 disabled=no
add interface=*5
/ip dhcp-server
add name=srv interface=*3
/ip firewall filter
add chain=forward in-interface=ether2 action=drop
"""

ROUTEROS_WARNINGS = (
    "bridge_undefined",
    "wireless_vlan_unfiltered",
    "untagged_besides_pvid",
    "horizon",
    "vlan_if_untagged_bridge",
    "port_no_interface",
    "port_no_interface_no_bridge",
    "port_bridge_gone",
    "port_no_bridge",
    "list_member_no_interface",
    "list_undeclared",
    "address_on_port",
    "rule_names_port",
    "dhcp_client_on_port",
    "dhcp_client_gone",
    "dhcp_server_gone",
    "address_gone",
)

ADDR = (
    '[{"ifindex": 2, "ifname": "eth0", "flags": ["UP"], "operstate": "UP", '
    '"addr_info": [{"family": "inet", "local": "10.0.0.1", "prefixlen": 24}]}]'
)

# Sections out of place, a JSON array missing, a bridge with VLANs, a dormant table, a
# bridge-family chain, a flowtable, statements nft cannot place.
LINUX = f"""\
### hostname
gw
### ip -j addr
{ADDR}
### ip -j route show table all
not json at all
### ip -j rule
{{"a": 1}}
### bridge -j vlan
[{{"ifname": "eth0", "vlans": [{{"vlan": 10}}]}}]
### ip -j route show table all
[]
### cat /proc/cpuinfo
model name : x
### ss -Htlnu
bash: ss: command not found
### nft list ruleset
table inet filter {{
\tflags dormant
\tchain input {{
\t\ttype filter hook input priority 0; policy accept;
\t}}
}}
table bridge br {{
\tchain fwd {{
\t\ttype filter hook forward priority 0; policy accept;
\t}}
}}
table ip t2 {{
\tflowtable ft {{
\t\thook ingress priority 0; devices = {{ eth0 }};
\t}}
\tbogus statement
\tchain c {{
\t\ttype filter hook forward priority 0; policy accept;
\t\tpolicy maybe;
\t}}
}}
add rule ip t2 c accept
"""

# iptables-nft beside nft, a table made by a newer nft, legacy and incompatible tables,
# a table not modelled, a table cut short, a rule after the main table.
LINUX_IPTABLES = f"""\
### hostname
gw
### ip -j addr
{ADDR}
### ip -j route show table all
[{{"dst": "10.9.0.0/16", "gateway": "10.0.0.2", "dev": "eth0", "table": "100"}}]
### ip -j rule
[{{"priority": 0, "src": "all", "table": "local"}}, {{"priority": 32766, "src": "all", "table": "main"}},
 {{"priority": 32767, "src": "all", "table": "100"}}]
### nft list ruleset
# Warning: table ip filter is managed by iptables-nft, do not touch!
table ip filter {{
\tchain FORWARD {{
\t\ttype filter hook forward priority filter; policy accept;
\t}}
}}
# Warning: table ip future was created by a newer version of nftables? Content may be incomplete!
table ip future {{
\tchain c {{
\t\ttype filter hook forward priority 10; policy accept;
\t}}
}}
### iptables-save
# Warning: iptables-legacy tables present, use iptables-legacy-save to see them
# Table `weird' is incompatible, use 'nft' tool.
*bogus
:X - [0:0]
COMMIT
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A FORWARD -j ACCEPT
"""

LINUX_NOTHING = """\
### hostname
gw
### ip -j route show table all
[{"dst": "default",
"""


@pytest.mark.parametrize(
    ("vendor", "text", "expected"),
    [
        (
            "cisco_ios",
            IOS,
            {
                "input.banner_never_closed",
                "input.ios.acl_empty",
                "input.ios.ip_routing_assumed",
            },
        ),
        (
            "cisco_asa",
            ASA,
            {
                "input.asa.nameif_twice",
                "input.asa.address_no_nameif",
                "input.asa.subinterface_no_vlan",
                "input.asa.access_group_unusable",
            },
        ),
        (
            "fortinet_fortios",
            FORTIOS,
            {
                "input.assess.unrecognized",
                "input.fortios.next_alone",
                "input.fortios.end_alone",
                "input.fortios.outside_config",
                "input.fortios.no_key",
                "input.fortios.no_name",
                "input.fortios.edit_open",
                "input.fortios.unknown_command",
                "input.fortios.quote_open",
                "input.fortios.open_config",
                "input.fortios.section_unrecognized",
            },
        ),
        ("fortinet_fortios", FORTIOS_ONE_VDOM, {"input.fortios.single_vdom"}),
        (
            "openwrt",
            OPENWRT,
            {f"input.openwrt.{name}" for name in OPENWRT_WARNINGS},
        ),
        (
            "openwrt",
            "==> /etc/config/system <==\nconfig system\n\toption hostname 'x'\n",
            {"input.openwrt.no_firewall", "input.openwrt.no_dhcp", "input.openwrt.no_dropbear"},
        ),
        ("openwrt", "config system\n\toption hostname 'x'\n", {"input.openwrt.no_package"}),
        ("mikrotik_routeros", ROUTEROS, {f"input.routeros.{name}" for name in ROUTEROS_WARNINGS}),
        (
            "linux",
            LINUX,
            {
                "input.linux.not_json",
                "input.linux.not_json_array",
                "input.linux.vlan_bridge_port",
                "input.linux.section_twice",
                "input.linux.section_not_read",
                "input.linux.collect_failed",
                "input.linux.no_route",
                "input.linux.table_dormant",
                "input.linux.chain_hook_unmodelled",
                "input.linux.flowtable",
                "input.linux.firewall_unsure_more",
                "input.linux.nft_in_table",
                "input.linux.no_ip_forward",
                "input.linux.no_ss",
                "input.linux.every_port_listening",
            },
        ),
        (
            "linux",
            LINUX_IPTABLES,
            {
                "input.linux.iptables_cut_short",
                "input.linux.iptables_nft_both",
                "input.linux.iptables_legacy",
                "input.linux.iptables_incompatible",
                "input.linux.iptables_table_unmodelled",
                "input.linux.iptables_no_commit",
                "input.linux.firewall_unsure",
                "input.linux.nft_newer",
                "input.linux.rule_after_main",
                "input.not_modelled",
            },
        ),
        (
            "linux",
            LINUX_NOTHING,
            {"input.linux.json_damaged", "input.linux.no_addr", "input.linux.no_firewall"},
        ),
        (
            "linux",
            "### hostname\ngw\n### nft list ruleset\nadd rule ip t c accept\n",
            {"input.linux.firewall_unsure", "input.linux.nft_outside_table"},
        ),
        (
            "linux",
            "### hostname\ngw\n### nft list ruleset\ntable ip t {\n\tchain c {\n\t\tpolicy maybe;\n\t}\n}\n",
            {"input.linux.firewall_unsure", "input.linux.nft_chain_statement"},
        ),
    ],
)
def test_each_warning_is_worded_in_vietnamese(vendor, text, expected):
    module = importlib.import_module(f"netaudit.parsers.{vendor}")
    result = module.parse(text, "r.cfg")
    parsers.assess(result, text)
    warnings = result.report.warnings
    assert expected <= text_keys(warnings)
    assert _untranslated(warnings) == []


def test_a_multi_vdom_interface_of_an_undefined_vdom_warns_in_vietnamese():
    text = (
        (FIXTURES / "fortinet_fortios" / "multi-vdom.conf")
        .read_text()
        .replace('edit "port3"\n        set vdom "KHACH"', 'edit "port3"\n        set vdom "GHOST"')
    )
    warnings = importlib.import_module("netaudit.parsers.fortinet_fortios").parse(text, "r.conf").report.warnings
    assert "input.fortios.vdom_undefined" in text_keys(warnings)
    assert _untranslated(warnings) == []


def _boom(*args, **kwargs):
    raise RuntimeError("boom")


def test_a_line_that_breaks_the_routeros_reader_warns_in_vietnamese(monkeypatch):
    from netaudit.parsers import mikrotik_routeros
    from netaudit.parsers.mikrotik_routeros import ip_menus, reader

    monkeypatch.setitem(ip_menus.ADD_LINES, ("ip", "firewall", "filter"), _boom)  # a firewall rule's line
    monkeypatch.setitem(reader.HANDLERS, ("ip", "address"), _boom)  # any other line
    text = "/ip address\nadd address=10.0.0.1/24 interface=ether1\n/ip firewall filter\nadd chain=input\n"
    warnings = mikrotik_routeros.parse(text, "r.rsc").report.warnings
    assert warnings == [f"r.rsc:{n}: line not understood (RuntimeError: boom)" for n in (2, 4)]
    assert text_keys(warnings) >= {"input.line_not_understood"}
    assert _untranslated(warnings) == []


IPTABLES_ONLY = f"""\
### hostname
gw
### ip -j addr
{ADDR}
### ip -j route show table all
[]
### iptables-save
*filter
:FORWARD ACCEPT [0:0]
-A FORWARD -j ACCEPT
COMMIT
"""


@pytest.mark.parametrize(
    ("break_it", "expected"),
    [
        ("reader", "input.linux.no_iptables_reader"),  # the iptables reader cannot be imported
        ("section", "input.linux.iptables_failed"),  # it fails on the section
        ("line", "input.linux.iptables_line_unread"),  # it fails on a line
    ],
)
def test_an_iptables_reader_that_fails_warns_in_vietnamese(monkeypatch, break_it, expected):
    from netaudit.parsers import linux
    from netaudit.parsers.linux import iptables

    if break_it == "reader":
        monkeypatch.delattr(linux, "iptables")
        monkeypatch.setitem(sys.modules, "netaudit.parsers.linux.iptables", None)
    elif break_it == "section":
        monkeypatch.setattr(iptables, "parse_iptables_save", _boom)
    else:
        monkeypatch.setattr(iptables, "_line", _boom)
    warnings = linux.parse(IPTABLES_ONLY, "gw.txt").report.warnings
    assert expected in text_keys(warnings)
    assert _untranslated(warnings) == []


def _warning_calls(tree: ast.AST):
    """``(line, message)`` of each call that adds a warning: ``….warnings.append(m)``,
    ``….warnings.insert(i, m)``, ``warnings.append(m)``, ``st.warn(src, m)``,
    ``st.warn_file(m)``, Linux's ``st.warn(m)`` and ``st.warn_line(n, m)``, the Linux
    firewall readers' ``….problems.append((m, src))`` and ``….unsure.append((m, src))``
    on a Ruleset (each is warned) and FortiOS's ``_bad(tree, span, line, m)``."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        f = node.func
        if isinstance(f, ast.Attribute) and f.attr in ("append", "insert"):
            owner = f.value
            name = owner.attr if isinstance(owner, ast.Attribute) else owner.id if isinstance(owner, ast.Name) else ""
            if name == "warnings":
                yield node.lineno, node.args[-1]
            elif name in ("problems", "unsure") and isinstance(owner, ast.Attribute):
                # a Ruleset's (rs.problems): not a function's own list of partial reasons
                message = node.args[-1]
                yield node.lineno, message.elts[0] if isinstance(message, ast.Tuple) else message
        elif (isinstance(f, ast.Attribute) and f.attr in ("warn", "warn_file", "warn_line")) or (
            isinstance(f, ast.Name) and f.id == "_bad"
        ):
            yield node.lineno, node.args[-1]


def test_no_warning_is_written_as_an_english_string():
    """A warning built from a string literal or an f-string (or joined with + or %) is
    English in every report: it must be a catalogue Text (netaudit/catalogue/)."""
    found, english = 0, []
    for path in SOURCES:
        for line, message in _warning_calls(ast.parse(path.read_text(), str(path))):
            found += 1
            if isinstance(message, (ast.JoinedStr, ast.Constant, ast.BinOp)):
                english.append(f"{path.relative_to(ROOT)}:{line}")
    assert found > 40  # the walk finds the warnings
    assert english == []


def test_a_vietnamese_report_shows_the_parser_warning_in_vietnamese(tmp_path):
    fixture = FIXTURES / "openwrt" / "tplink-c7-1907-swconfig.txt"
    _, md, _ = audit_cli(fixture, fmt="md", lang="vi")
    assert ": đầu vào không có gói dropbear: giả định máy chủ SSH mặc định của OpenWrt" in md
    assert "no dropbear package" not in md
    _, out, _ = audit_cli(fixture, fmt="json", lang="vi")
    doc = json.loads(out)
    [text] = [w for w in doc["warnings_text"] if "dropbear" in w["en"]]
    assert (
        text["en"] == f"{fixture}: no dropbear package in the input: OpenWrt's default SSH server on port 22 is assumed"
    )
    assert text["vi"].endswith(
        ": đầu vào không có gói dropbear: giả định máy chủ SSH mặc định của OpenWrt đang chạy ở cổng 22"
    )
    assert text["en"] in doc["warnings"]  # "warnings" stays English
