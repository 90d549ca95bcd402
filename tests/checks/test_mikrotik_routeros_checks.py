"""RouterOS checks (netaudit.checks.mikrotik_routeros) on parsed RouterOS configs."""

from __future__ import annotations

import textwrap

import pytest
from helpers import analyse
from netaddr import IPNetwork

import netaudit.checks.mikrotik_routeros  # noqa: F401 - registers the checks
from netaudit.checks import REGISTRY, AuditContext, load_checks
from netaudit.checks.config import vendor_remediation
from netaudit.parsers import mikrotik_routeros
from netaudit.zones import Zone

V7 = "# 2024-03-12 10:21:33 by RouterOS 7.14.1\n"
V6 = "# mar/12/2024 10:21:33 by RouterOS 6.49.10\n"

BASE = """
/system identity
set name=R
/interface bridge
add name=br vlan-filtering=yes
/interface vlan
add interface=br name=v10 vlan-id=10
add interface=br name=v40 vlan-id=40
add interface=br name=v99 vlan-id=99
/interface list
add name=WAN
add name=LAN
add name=GUEST
add name=MGMT
/interface bridge port
add bridge=br interface=ether2 pvid=10 frame-types=admit-only-untagged-and-priority-tagged
add bridge=br interface=ether3 pvid=40 frame-types=admit-only-untagged-and-priority-tagged
add bridge=br interface=ether9 pvid=99 frame-types=admit-only-untagged-and-priority-tagged
/interface bridge vlan
add bridge=br tagged=br vlan-ids=10,40,99
/interface list member
add interface=ether1 list=WAN
add interface=v10 list=LAN
add interface=v40 list=GUEST
add interface=v99 list=MGMT
/ip address
add address=192.0.2.2/30 interface=ether1
add address=10.0.10.1/24 interface=v10
add address=10.0.40.1/24 interface=v40
add address=10.0.99.1/24 interface=v99
/ip route
add gateway=192.0.2.1
"""
LOCKED = """
/ip firewall filter
add action=accept chain=input in-interface-list=MGMT
add action=accept chain=input in-interface-list=!WAN protocol=udp dst-port=53,67
add action=drop chain=input
/ip neighbor discovery-settings
set discover-interface-list=MGMT
/tool mac-server
set allowed-interface-list=MGMT
/tool mac-server mac-winbox
set allowed-interface-list=MGMT
"""
ZONES = [
    Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], attach=[("R", "ether2")]),
    Zone("guest", "guest", [IPNetwork("10.0.40.0/24")], attach=[("R", "ether3")]),
    Zone("mgmt", "management", [IPNetwork("10.0.99.0/24")], attach=[("R", "ether9")]),
    Zone("internet", "external", attach=[("R", "ether1")]),
]


def context(text: str, header: str = V7, zone_list=ZONES) -> AuditContext:
    res = mikrotik_routeros.parse(header + textwrap.dedent(text).lstrip("\n"), "r.rsc")
    return analyse(res.devices[:1], zone_list).expect().context([res.report])


def run(check_id: str, ctx: AuditContext) -> list:
    load_checks()
    info = REGISTRY[check_id]
    return list(info.func(ctx, info))


# --------------------------------------------------------------------------- bridge


PLAIN_BRIDGE = """
/interface bridge
add name=bridge
/interface vlan
add interface=bridge name=vlan40 vlan-id=40
/interface bridge port
add bridge=bridge interface=ether2
add bridge=bridge interface=ether3 pvid=40
/ip address
add address=10.0.10.1/24 interface=bridge
add address=10.0.40.1/24 interface=vlan40
"""
PLAIN_ZONES = [
    Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], attach=[("r", "ether2")]),
    Zone("guest", "guest", [IPNetwork("10.0.40.0/24")], attach=[("r", "ether3")]),
]


def test_bridge_no_vlan_filtering_cites_bridge_vlan_interfaces_and_pvids():
    ctx = context(PLAIN_BRIDGE, header=V6, zone_list=PLAIN_ZONES)
    (f,) = run("routeros-bridge-no-vlan-filtering", ctx)
    assert f.severity == "high" and f.devices == ["r"]
    assert [e["line"] for e in f.evidence] == [3, 5, 8]
    assert "vlan40 vlan-id=40" in f.detail["en"] and "ether3 pvid=40" in f.detail["vi"]
    assert "vlan-filtering=yes" in f.remediation["en"] and "vlan-ids=40" in f.remediation["en"]
    # and the matrix shows what it means
    cell = next(c for c in ctx.matrix if (c.src, c.dst) == ("guest", "staff"))
    assert cell.verdict == "reachable"


def test_bridge_of_vlan_interfaces_only_is_medium_and_says_any_port_can_tag():
    """The design before bridge VLAN filtering: VLAN interfaces on the bridge, the APs
    tagging the guest SSID — the VLANs are apart while hosts tag as they should (no port
    pvid, no VLAN table ignored), but any port may tag any VLAN: medium, said so (a real
    v7 export was told its guest Wi-Fi shared the staff network)."""
    tagged = PLAIN_BRIDGE.replace("add bridge=bridge interface=ether3 pvid=40", "add bridge=bridge interface=ether3")
    zones = [PLAIN_ZONES[0], Zone("guest", "guest", [IPNetwork("10.0.40.0/24")], vlans=[("r", 40)])]
    ctx = context(tagged, header=V6, zone_list=zones)
    (f,) = run("routeros-bridge-no-vlan-filtering", ctx)
    assert f.severity == "medium"
    assert f.title["en"] == "RouterOS bridge without vlan-filtering: any port can join any VLAN"
    assert "can send frames tagged for another VLAN" in f.detail["en"] and "vlan40 vlan-id=40" in f.detail["en"]
    assert "share the network" not in f.detail["en"]


def test_bridge_without_vlan_intent_or_with_filtering_is_fine():
    defconf = "/interface bridge\nadd name=bridge\n/interface bridge port\nadd bridge=bridge interface=ether2\n"
    assert run("routeros-bridge-no-vlan-filtering", context(defconf, zone_list=[])) == []
    assert run("routeros-bridge-no-vlan-filtering", context(BASE)) == []


def test_vlan_hopping_on_access_ports_only():
    text = """
    /interface bridge
    add name=br vlan-filtering=yes
    /interface bridge port
    add bridge=br interface=ether3 pvid=40
    add bridge=br interface=ether8 pvid=99
    /interface bridge vlan
    add bridge=br tagged=br,ether8 vlan-ids=40
    """
    (f,) = run("routeros-bridge-vlan-hopping", context(text, header=V6, zone_list=[]))
    assert "ether3 (pvid 40)" in f.detail["en"] and "ether8" not in f.detail["en"]
    assert run("routeros-bridge-vlan-hopping", context(text, header=V7, zone_list=[])) == []


# --------------------------------------------------------------------------- services


def test_insecure_service_reports_ftp_and_api_not_telnet_or_www():
    ctx = context(BASE)  # no firewall: guest reaches everything
    found = run("routeros-insecure-service", ctx)
    assert sorted(f.detail["en"].split(" runs ")[1].split(" ")[0] for f in found) == ["api", "ftp"]
    assert all(f.severity == "high" for f in found)
    assert all("guest" in f.zones for f in found)
    assert "/ip service disable telnet,ftp,www,api" in found[0].remediation["en"]


def test_insecure_service_medium_when_only_mgmt_reaches_and_absent_when_disabled():
    ctx = context(BASE + LOCKED)
    found = run("routeros-insecure-service", ctx)
    assert {f.severity for f in found} == {"medium"}  # only management reaches them
    assert all(f.zones == ["mgmt"] for f in found)
    off = BASE + "/ip service\nset ftp disabled=yes\nset api disabled=yes\n"
    assert run("routeros-insecure-service", context(off)) == []


def test_service_no_address_lists_the_unrestricted_services():
    (f,) = run("routeros-service-no-address", context(BASE))
    assert "www, ftp, api, api-ssl, winbox" in f.detail["en"]
    assert "ssh" not in f.detail["en"] and "telnet" not in f.detail["en"]
    assert "/ip service set winbox address=10.10.99.0/24" in f.remediation["en"]
    assert all(e["line"] is None for e in f.evidence)  # RouterOS defaults
    hardened = (
        BASE
        + """
    /ip service
    set telnet disabled=yes
    set ftp disabled=yes
    set www disabled=yes
    set api disabled=yes
    set api-ssl address=10.0.99.0/24
    set winbox address=10.0.99.0/24
    """
    )
    assert run("routeros-service-no-address", context(hardened)) == []


def test_one_menus_export_proves_no_service_finding():
    """``[admin@R] > /interface export`` holds no ``/ip service`` line: that FTP and the
    API run, unrestricted, is RouterOS's default, not what the file says (a real 7.21
    forum post's ``/interface/export``): the findings are not proven, and say why."""
    ctx = context("[admin@R] > /interface export\n" + BASE)
    found = run("routeros-insecure-service", ctx) + run("routeros-service-no-address", ctx)
    assert len(found) == 3 and not any(f.proven for f in found)
    assert all("export of one menu (/interface)" in f.detail["en"] for f in found)
    assert all(f.proven for f in run("routeros-insecure-service", context("[admin@R] > /export\n" + BASE)))


def test_winbox_from_guest_and_internet():
    ctx = context(BASE)
    (f,) = run("routeros-winbox-from-guest", ctx)
    assert f.severity == "critical" and f.zones == ["guest", "internet"]
    assert "/ip service set winbox address=" in f.remediation["en"]
    assert run("routeros-winbox-from-guest", context(BASE + LOCKED)) == []
    # address= on winbox: a guest cannot log in (a forged management source gets no
    # reply); the forged packets that get through are the spoofing finding's.
    spoof = BASE + "/ip service\nset winbox address=10.0.99.0/24\n"
    ctx = context(spoof)
    assert run("routeros-winbox-from-guest", ctx) == []
    forged = {f.key: f for f in run("spoofing", ctx)}
    assert "tcp/8291" in forged["guest"].detail["en"]


def test_winbox_allowlisted_on_the_internet_side_is_medium_and_names_the_addresses():
    """Winbox the Internet reaches only from an administrator's fixed addresses is an
    allowlist, not the whole Internet: medium, the addresses named; a guest zone that
    reaches it too, or an allowlist wider than 16 addresses, keeps it critical."""
    only = BASE + "/ip service\nset winbox address=203.0.113.7/32,198.51.100.8/30,10.0.99.0/24\n"
    (f,) = run("routeros-winbox-from-guest", context(only))
    assert f.severity == "medium" and f.zones == ["internet"]
    assert "only 198.51.100.8/30, 203.0.113.7 can reach it" in f.detail["en"]
    assert "chỉ 198.51.100.8/30, 203.0.113.7 truy cập được" in f.detail["vi"]
    guest_too = BASE + (
        "/ip firewall filter\n"
        "add chain=input in-interface-list=WAN protocol=tcp dst-port=8291 src-address=203.0.113.7 action=accept\n"
        "add chain=input in-interface-list=WAN action=drop\n"
    )
    (f,) = run("routeros-winbox-from-guest", context(guest_too))
    assert f.severity == "critical" and f.zones == ["guest", "internet"]
    assert "From zone internet only 203.0.113.7 can reach it" in f.detail["en"]
    wide = BASE + "/ip service\nset winbox address=203.0.113.0/27,10.0.99.0/24\n"
    (f,) = run("routeros-winbox-from-guest", context(wide))
    assert f.severity == "critical" and "only" not in f.detail["en"]


def test_winbox_address_with_strict_rp_filter_stops_the_guest():
    text = BASE + "/ip service\nset winbox address=10.0.99.0/24\n/ip settings\nset rp-filter=strict\n"
    assert run("routeros-winbox-from-guest", context(text)) == []


# --------------------------------------------------------------------------- accounts, discovery


def test_default_admin_only_when_users_are_exported():
    assert run("routeros-default-admin", context(BASE)) == []
    (f,) = run("routeros-default-admin", context(BASE + '/user\nadd name=admin group=full password=""\n'))
    assert f.severity == "high" and "no password" in f.detail["en"]
    (f,) = run("routeros-default-admin", context(BASE + "/user\nset [ find name=admin ] password=Xy9pass\n"))
    assert f.severity == "medium"
    renamed = BASE + "/user\nset [ find name=admin ] name=quantri password=Xy9pass\n"
    assert run("routeros-default-admin", context(renamed)) == []


def test_neighbor_discovery_toward_guest():
    ctx = context(BASE)  # defaults: every interface
    (f,) = run("routeros-neighbor-discovery", ctx)
    assert "v40" in f.detail["en"] and f.zones == ["guest", "internet"]
    assert "MAC-Winbox" in f.detail["en"]
    assert run("routeros-neighbor-discovery", context(BASE + LOCKED)) == []


def test_neighbor_discovery_counts_the_interfaces_detect_internet_may_add():
    """Discovery and the MAC server on LAN, which Detect Internet may fill with any
    interface it watches (the WAN port starts as "LAN"): exposed toward the Internet."""
    on_lan = BASE + LOCKED.replace("MGMT", "LAN")
    assert run("routeros-neighbor-discovery", context(on_lan)) == []
    detect = "/interface detect-internet\nset detect-interface-list=all lan-interface-list=LAN\n"
    (f,) = run("routeros-neighbor-discovery", context(on_lan + detect))
    assert "ether1" in f.detail["en"] and "internet" in f.zones
    assert "MAC-Winbox" in f.detail["en"] and "neighbor discovery" in f.detail["en"]


# --------------------------------------------------------------------------- firewall

EMPTY_WAN = (
    BASE.replace("add interface=ether1 list=WAN\n", "")
    + """
/ip firewall filter
add action=drop chain=input in-interface-list=WAN
add action=accept chain=forward in-interface-list=MGMT
/ip firewall nat
add action=masquerade chain=srcnat out-interface-list=WAN
"""
)


def _line(text: str, rule: str) -> int:
    """The line ``rule`` is on in ``context(text)`` (the export header is line 1)."""
    lines = (V7 + textwrap.dedent(text).lstrip("\n")).splitlines()
    return lines.index(rule) + 1


def test_rule_on_an_empty_wan_list_matches_nothing_and_names_the_exit():
    """WAN lost its member: the input drop on it protects nothing (medium), the
    masquerade translates nothing (low); the fix names the Internet exit (the default
    route's interface) as WAN's member."""
    text = EMPTY_WAN.replace("add interface=v99 list=MGMT\n", "")
    found = {f.evidence[0]["text"]: f for f in run("routeros-rule-empty-interface-list", context(text))}
    drop = found["add action=drop chain=input in-interface-list=WAN"]
    assert drop.severity == "medium" and drop.devices == ["R"]
    assert [e["line"] for e in drop.evidence] == [
        _line(text, "add action=drop chain=input in-interface-list=WAN"),
        _line(text, "add name=WAN"),
    ]
    assert f"r.rsc:{drop.evidence[0]['line']}" in drop.detail["en"] and "matches no packet" in drop.detail["en"]
    assert "arriving on an interface of interface list WAN" in drop.detail["en"]
    assert "protection it was written for does not exist" in drop.detail["en"]
    assert "đi vào qua một giao diện thuộc danh sách giao diện WAN" in drop.detail["vi"]
    assert "không khớp với gói tin nào" in drop.detail["vi"]
    assert "The device's Internet exits: ether1 (default route)." in drop.remediation["en"]
    assert "Các lối ra Internet của thiết bị: ether1 (tuyến mặc định)." in drop.remediation["vi"]
    assert "/interface list member\nadd interface=ether1 list=WAN" in drop.remediation["vi"]
    nat = found["add action=masquerade chain=srcnat out-interface-list=WAN"]
    assert nat.severity == "low" and "translates no packet" in nat.detail["en"]
    assert "leaving by an interface of" in nat.detail["en"]
    # MGMT has no member either: an accept that does nothing, and no Internet exit proposed
    mgmt = found["add action=accept chain=forward in-interface-list=MGMT"]
    assert mgmt.severity == "low" and "decided by the later rules" in mgmt.detail["en"]
    assert "ether1" not in mgmt.remediation["en"] and "add interface=<interface> list=MGMT" in mgmt.remediation["en"]
    assert "add interface=<tên-cổng> list=MGMT" in mgmt.remediation["vi"]


@pytest.mark.parametrize(
    "fill",
    [
        "/interface list member\nadd interface=ether1 list=WAN",  # a member
        "/ppp profile\nadd interface-list=WAN name=isp\n/interface pppoe-client\nadd interface=ether1 name=pppoe-out1 profile=isp user=u",
        "/interface detect-internet\nset detect-interface-list=all wan-interface-list=WAN",  # filled at run time
        "/ppp profile\nset *FFFFFFFE interface-list=WAN\n/interface l2tp-server server\nset enabled=yes",
    ],
)
def test_no_finding_when_the_list_has_or_may_gain_a_member(fill):
    ctx = context(EMPTY_WAN + fill + "\n")
    assert [f.evidence[0]["text"] for f in run("routeros-rule-empty-interface-list", ctx)] == []


# --------------------------------------------------------------------------- coordination


@pytest.mark.parametrize(
    "check_id", ["mgmt-telnet", "mgmt-http-server", "mgmt-vty-no-access-class", "mgmt-snmp-community"]
)
def test_management_checks_get_routeros_remediation(check_id):
    load_checks()
    rem = vendor_remediation(check_id, "mikrotik_routeros", {})
    assert "RouterOS" in rem["en"] and "RouterOS" in rem["vi"]


def test_vendor_neutral_checks_cover_telnet_and_ssh_of_routeros():
    ctx = context(BASE)
    assert [f.check for f in run("mgmt-telnet", ctx)] == ["mgmt-telnet"]
    vty = run("mgmt-vty-no-access-class", ctx)
    assert sorted(f.detail["en"].split("service ")[1].split(" ")[0] for f in vty) == ["ssh", "telnet"]


def test_checks_ignore_other_vendors():
    ctx = context(
        BASE
        + "/ip firewall filter\nadd action=drop chain=input in-interface-list=GUEST-EMPTY\n/interface list\nadd name=GUEST-EMPTY\n"
    )
    ctx.devices[0].vendor = "cisco_ios"
    for cid in (
        "routeros-insecure-service",
        "routeros-service-no-address",
        "routeros-winbox-from-guest",
        "routeros-neighbor-discovery",
        "routeros-rule-empty-interface-list",
    ):
        assert run(cid, ctx) == []


def test_a_sentence_naming_many_zones_names_eight_and_counts_the_rest(tmp_path):
    """A router whose 51 zones all reach its cleartext services: the finding's sentence
    names the first 8 zones and how many more (messages.named_list); its ``zones``
    holds them all."""
    from bench.test_bench_scale import routeros_rules

    from netaudit.audit import run_audit
    from netaudit.messages import NAMED_KEEP, named_list

    assert named_list(["a", "b"]) == "a, b"
    assert named_list([f"z{i}" for i in range(20)]) == ", ".join(f"z{i}" for i in range(8)) + " … (+12)"
    routeros_rules(tmp_path, 60)
    result = run_audit([tmp_path])
    found = [f for f in result.findings if f.check == "routeros-insecure-service" and len(f.zones) > 12]
    assert found
    for f in found:
        named = [z for z in f.zones if f"{z}," in f.detail["en"] or f"{z} …" in f.detail["en"]]
        assert named == f.zones[:NAMED_KEEP]
        assert f"… (+{len(f.zones) - NAMED_KEEP})" in f.detail["vi"]


# --------------------------------------------------------------------------- shadowed lines of a chain jumped to twice

JUMPED_TWICE = """
/ip firewall filter
add action=jump chain=forward in-interface=v10 jump-target=office
add action=drop chain=forward in-interface=v40 protocol=tcp dst-port=22
add action=jump chain=forward in-interface=v10 jump-target=office
add action=accept chain=office protocol=tcp dst-port=443
add action=accept chain=office protocol=tcp dst-port=443 dst-address=10.0.99.0/24
add action=drop chain=forward
"""


def test_a_chain_jumped_to_twice_reports_its_lines_not_their_copies():
    """A chain jumped to from two places is read once per jump: the second copy of its
    first line is taken by the first copy — the line itself is reached by the first
    jump, so it is not "never matched".  A line that no copy reaches is, once."""
    from netaudit.checks.config import shadowed_lines

    ctx = context(BASE + LOCKED + JUMPED_TWICE)
    dev = ctx.devices[0]
    copies = [u for flt in dev.filters.values() for u in shadowed_lines(ctx.hs, flt)]
    by_line = {}
    for flt in dev.filters.values():
        for u in shadowed_lines(ctx.hs, flt):
            by_line.setdefault(flt.lines[u.index].source.text, []).append(u.index)
    assert len(copies) == 3 and len(by_line) == 2  # what the engine finds: copies
    found = run("shadowed-acl-line", ctx)
    assert len(found) == 1
    [ev] = [e for e in found[0].evidence if "10.0.99.0/24" in e["text"]][:1]
    assert found[0].evidence[0] == ev and found[0].detail["en"].count("10.0.99.0/24") == 1
