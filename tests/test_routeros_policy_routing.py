"""End to end (issue #7): RouterOS exports with policy routing, run-time WAN addresses
and bridged traffic through the IP firewall, audited against a site file, with the
verdicts a reader derives by hand from the configuration.

These need the engine's support for ``PolicyRoute``, ``Route.runtime_gateway`` and
``Interface.bridge_ip_firewall`` (netaudit/reach.py); they are skipped on an engine
without it.  The model each export produces is tested in
tests/parsers/mikrotik_routeros/test_policy_routing.py.

Fixtures: tests/fixtures/mikrotik_routeros/<name>.rsc with <name>.site.yaml.
"""

from __future__ import annotations

import shutil

from helpers import EVERY_NEW_CONNECTION, FIXTURES, cells, check_cells, fixture_audit

from netaudit.audit import run_audit
from netaudit.reach.engine import OPEN_CHOICES_MAX

ROUTEROS = FIXTURES / "mikrotik_routeros"

EVERYTHING = EVERY_NEW_CONNECTION
ROUTER = ["icmp/8", "tcp/21-23", "tcp/80", "tcp/2000", "tcp/8291", "tcp/8728-8729"]


def audit(name: str, tmp_path_factory):
    return fixture_audit("mikrotik_routeros", name, tmp_path_factory)


check = check_cells


def test_two_isps_routing_rule_mangle_mark_and_policy_blackhole(tmp_path_factory):
    """pbr-hai-isp-v7: guests only out through Viettel (routing rule,
    lookup-only-in-table), cameras marked to the same table (mangle), whose blackhole
    10.10.0.0/16 keeps both out of the internal network; no forward rule separates
    the VLANs, the routing does."""
    a = audit("pbr-hai-isp-v7", tmp_path_factory)
    check(
        a,
        {
            ("staff", "camera"): ("reachable", EVERYTHING),
            ("staff", "guest"): ("reachable", EVERYTHING),
            ("staff", "internet"): ("reachable", EVERYTHING),
            ("guest", "staff"): "blocked",  # table qua-viettel: blackhole 10.10.0.0/16
            ("guest", "camera"): "blocked",
            ("guest", "internet"): ("reachable", EVERYTHING),  # via Viettel
            ("camera", "staff"): "blocked",  # mangle mark qua-viettel → the same blackhole
            ("camera", "guest"): "blocked",
            ("camera", "internet"): ("reachable", EVERYTHING),
            ("internet", "staff"): "blocked",  # defconf drop from WAN not DSTNATed
            ("internet", "guest"): "blocked",
            ("internet", "camera"): "blocked",
            # no input chain, /ip service defaults: the "winbox/ftp/ssh open" cell
            ("internet", "@devices"): ("reachable", ROUTER),
            ("guest", "@devices"): ("reachable", ROUTER),  # local delivery before policy routing
        },
    )
    rep = a.snapshot.reports[0]
    assert rep.partially_understood == [] and rep.unrecognized == [] and rep.warnings == []
    guest = cells(a)[("guest", "internet")]
    rules = [r for h in guest.witness.to_json()["hops"] for r in h["rules"]]
    assert any("Wi-Fi khach chi ra Viettel" in r.get("text", "") for r in rules)


def test_dhcp_wan_and_a_single_routing_rule_decide_every_cell(tmp_path_factory):
    """issue7-dhcp-wan-v7: Internet by DHCP on ether1 (no input filter, services on by
    default), one routing rule sending accounting to the ministry network over a
    dedicated line.  Before issue #7 every cell was unknown."""
    a = audit("issue7-dhcp-wan-v7", tmp_path_factory)
    check(
        a,
        {
            ("internet", "@devices"): ("reachable", ROUTER),
            ("ketoan", "internet"): ("reachable", ["ip"]),  # DHCP default route
            ("khach", "internet"): ("reachable", ["ip"]),
            ("ketoan", "tongcuc"): ("reachable", ["ip"]),  # the routing rule's table
            ("khach", "tongcuc"): "blocked",  # no route in main
            ("internet", "tongcuc"): "blocked",
            ("ketoan", "khach"): ("reachable", ["ip"]),
            ("khach", "ketoan"): ("reachable", ["ip"]),
        },
    )
    assert not [c for c in a.matrix if c.verdict == "unknown"]
    rep = a.snapshot.reports[0]
    assert rep.partially_understood == [] and rep.unrecognized == []


def test_use_ip_firewall_filters_traffic_inside_the_bridge(tmp_path_factory):
    """bridge-ipfw-v6: accounting PCs and cameras share one bridge; use-ip-firewall=yes
    makes the forward rule "in-interface=bridge out-interface=bridge" stop cameras
    from reaching the accounting PCs.  The rule on in-bridge-port stays partial: only
    the cells through it are unknown."""
    a = audit("bridge-ipfw-v6", tmp_path_factory)
    check(
        a,
        {
            ("camera", "ketoan"): "blocked",
            ("ketoan", "camera"): ("reachable", EVERYTHING),  # through "drop invalid"
            ("ketoan", "internet"): "unknown",  # in-bridge-port=ether4 drop towards WAN
            ("camera", "internet"): "unknown",
            ("internet", "ketoan"): "blocked",
            ("internet", "camera"): "blocked",
            ("ketoan", "@devices"): ("reachable", ROUTER),
            ("internet", "@devices"): ("reachable", ROUTER),  # no input chain at all
        },
    )
    assert "in-bridge-port" in cells(a)[("ketoan", "internet")].reason


def test_pcc_connection_marks_make_only_guest_routing_uncertain(tmp_path_factory):
    """pcc-hai-wan-v6: guests balanced over two WANs by connection marks (not
    modelled: those packets' routing is uncertain, both ways lead to the Internet);
    the /ip route rule keeping guests out of the staff LAN is decided before any mark,
    and staff traffic is not marked at all."""
    a = audit("pcc-hai-wan-v6", tmp_path_factory)
    check(
        a,
        {
            ("guest", "staff"): "blocked",  # /ip route rule action=unreachable
            ("staff", "internet"): ("reachable", EVERYTHING),
            ("staff", "guest"): ("reachable", EVERYTHING),
            ("internet", "staff"): "blocked",
            ("internet", "@devices"): ("reachable", ROUTER),
        },
    )
    # marked or not, a guest's packet leaves by a WAN: every case delivers it
    assert cells(a)[("guest", "internet")].verdict == "reachable"
    rep = a.snapshot.reports[0]
    assert [p["line"] for p in rep.partially_understood] == [31]


def test_pcc_every_case_of_the_marks_delivers_to_the_internet(tmp_path_factory):
    """pcc-can-bang-tai-v6: the standard PCC recipe over two WANs for every LAN (connection
    marks by a hash, not modelled: each mark-routing rule may or may not match).  Marked
    to_wan1, to_wan2 or not at all, a packet for the Internet leaves by a WAN: reachable,
    with the witness saying the rule's case is open.  A staff packet for the guest LAN
    reaches it only when unmarked (a marked one takes its table's default route out):
    unknown.  Guests are stopped by the forward drop in the unmarked case and leave by a
    WAN in the others: blocked."""
    a = audit("pcc-can-bang-tai-v6", tmp_path_factory)
    check(
        a,
        {
            ("staff", "internet"): ("reachable", EVERYTHING),
            ("guest", "internet"): ("reachable", EVERYTHING),
            ("guest", "staff"): "blocked",
            ("staff", "guest"): "unknown",
            ("internet", "staff"): "blocked",
        },
    )
    notes = [h.get("note") for h in cells(a)[("staff", "internet")].witness.hops]
    assert any(getattr(n, "key", None) == "witness.notes" and "line 40 matches" in n for n in notes), notes


def test_pcc_over_more_open_rules_than_settled_stays_unknown(tmp_path):
    """Past OPEN_CHOICES_MAX open-match rules met, the cases are not followed one by one
    (2**N propagations): the packets they may route stay uncertain."""
    text = (ROUTEROS / "pcc-can-bang-tai-v6.rsc").read_text(encoding="utf-8")
    marks = "".join(
        f"add action=mark-routing chain=prerouting connection-mark=W{k} in-interface-list=LAN "
        f"new-routing-mark=to_wan{k % 2 + 1} passthrough=yes\n"
        for k in range(OPEN_CHOICES_MAX)
    )
    text = text.replace("/ip firewall nat\n", marks + "/ip firewall nat\n")
    (tmp_path / "r.rsc").write_text(text, encoding="utf-8")
    shutil.copy(ROUTEROS / "pcc-can-bang-tai-v6.site.yaml", tmp_path / "site.yaml")
    got = cells(run_audit([tmp_path]))
    assert got[("staff", "internet")].verdict == "unknown"
    assert "policy-routing rule not fully understood" in got[("staff", "internet")].reason


ISOLATION_RULES = """\
# 2026-01-21 01:17:52 by RouterOS 7.21
# model = RB5009UPr+S+
/interface bridge add name=guest-infrastructure-br
/interface bridge add name=main-infrastructure-br
/interface ethernet set [ find default-name=ether1 ] name="wan A"
/interface ethernet set [ find default-name=ether2 ] name="lan A"
/interface bridge port add bridge=main-infrastructure-br interface="lan A"
/ip settings set rp-filter=loose
/ip address add address=192.168.90.1/24 interface=main-infrastructure-br network=192.168.90.0
/ip address add address=192.168.98.1/24 interface=guest-infrastructure-br network=192.168.98.0
/ip address add address=10.20.225.166/24 interface="wan A" network=10.20.225.0
/ip firewall nat add action=masquerade chain=srcnat out-interface="wan A"
/ip route add distance=50 dst-address=0.0.0.0/0 gateway=10.20.225.1 routing-table=main
/routing rule add action=unreachable comment="LAN/GUEST isolation" dst-address=192.168.98.0/24 src-address=192.168.90.0/24
/routing rule add action=unreachable comment="LAN/GUEST isolation" dst-address=192.168.90.0/24 src-address=192.168.98.0/24
/system identity set name=anna
"""


def test_loose_rp_filter_with_isolation_rules_decides_every_cell(tmp_path):
    """Defm/mikrobackups "anna" (RouterOS 7.21): rp-filter=loose and two routing rules
    isolating the LAN from the guests.  The reverse-path bound was by source only, so any
    rule that drops made every source unsure: every cell unknown.  The reversed lookup
    meets a rule only where its selectors meet the reversed packet: everything decided."""
    (tmp_path / "anna.rsc").write_text(ISOLATION_RULES)
    (tmp_path / "site.yaml").write_text(
        "zones:\n  staff: {kind: internal, subnets: [192.168.90.0/24], attach: ['anna:main-infrastructure-br']}\n"
        "  guest: {kind: guest, subnets: [192.168.98.0/24], attach: ['anna:guest-infrastructure-br']}\n"
        "  internet: {kind: external, attach: ['anna:wan A']}\n"
    )
    got = cells(run_audit([tmp_path]))
    assert {k: c.verdict for k, c in got.items() if k[1] != "@devices"} == {
        ("staff", "guest"): "blocked",
        ("staff", "internet"): "reachable",
        ("guest", "staff"): "blocked",
        ("guest", "internet"): "reachable",
        ("internet", "staff"): "reachable",
        ("internet", "guest"): "reachable",
    }


def test_pcc_office_camera_port_forward_is_proven_through_the_lan_bypass(tmp_path_factory):
    """pcc-camera-port-forward-v6 (modelled on real 6.47 / 6.48 PCC exports with port
    forwards: a commune office, two ISPs, PCC on the LAN list after the usual
    'accept dst-address-list=mang-noi-bo' bypass, the NVR forwarded from VNPT): mangle sees
    the forward's packets before DNAT, the bypass matches them only after, yet no rule can
    mark a packet from the WAN either way — the NVR's three ports are reachable for sure
    (they were 'unknown'), nothing else from the Internet."""
    a = audit("pcc-camera-port-forward-v6", tmp_path_factory)
    check(
        a,
        {
            ("internet", "camera"): ("reachable", ["tcp/554", "tcp/8000", "tcp/37777"]),
            ("internet", "staff"): "blocked",  # drop new from WAN not DSTNATed
            ("staff", "internet"): ("reachable", EVERYTHING),  # marked to_vnpt, to_viettel or not
            ("staff", "camera"): ("reachable", EVERYTHING),  # no forward rule between the LANs
        },
    )
