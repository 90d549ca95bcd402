"""SRX flow mode: zones, security policies, host-inbound traffic
(netaudit/parsers/juniper_junos/security.py, management.py; docs/vendors/juniper_junos.md,
"Security zones and policies").  Checked as the engine's verdicts."""

from __future__ import annotations

import textwrap

import pytest
from helpers import cells, check_cells, fixture_audit, parse_one

from netaudit.audit import run_audit
from netaudit.parsers import juniper_junos
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

# An SRX with three IRB interfaces (staff, staff annex, guest) and a WAN port;
# {zones} and {policies} are filled in by each test.
SRX = """\
set system host-name SRX-XA
set system services ssh
set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.2/30
set interfaces irb unit 10 family inet address 10.0.10.1/24
set interfaces irb unit 11 family inet address 10.0.11.1/24
set interfaces irb unit 20 family inet address 10.0.20.1/24
set vlans CANBO vlan-id 10
set vlans CANBO l3-interface irb.10
set vlans PHU vlan-id 11
set vlans PHU l3-interface irb.11
set vlans KHACH vlan-id 20
set vlans KHACH l3-interface irb.20
set routing-options static route 0.0.0.0/0 next-hop 203.0.113.1
set security zones security-zone untrust interfaces ge-0/0/0.0
{zones}
{policies}
"""
SITE = """\
unit: "UBND xa"
level: 2
zones:
  canbo: {kind: internal, subnets: [10.0.10.0/24], vlans: ["SRX-XA:10"]}
  phu: {kind: internal, subnets: [10.0.11.0/24], vlans: ["SRX-XA:11"]}
  khach: {kind: guest, subnets: [10.0.20.0/24], vlans: ["SRX-XA:20"]}
  internet: {kind: external, attach: ["SRX-XA:ge-0/0/0.0"]}
"""
TRUST = """\
set security zones security-zone trust interfaces irb.10
set security zones security-zone trust interfaces irb.11
set security zones security-zone guest interfaces irb.20"""


def policy(frm: str, to: str, name: str, app: str = "any", action: str = "permit", dst: str = "any") -> str:
    head = f"set security policies from-zone {frm} to-zone {to} policy {name}"
    return (
        f"{head} match source-address any\n{head} match destination-address {dst}\n"
        f"{head} match application {app}\n{head} then {action}"
    )


def audit(tmp_path, zones: str = TRUST, policies: str = "", extra: str = ""):
    (tmp_path / "srx.txt").write_text(SRX.format(zones=zones, policies=policies) + extra)
    (tmp_path / "site.yaml").write_text(SITE)
    return cells(run_audit([tmp_path]))


def test_traffic_between_two_interfaces_of_one_zone_needs_a_policy(tmp_path):
    got = audit(tmp_path)
    assert got[("canbo", "phu")].verdict == BLOCKED  # intra-zone: default-policy deny-all
    assert got[("canbo", "internet")].verdict == BLOCKED  # no policy at all


def test_an_intra_zone_policy_opens_it(tmp_path):
    got = audit(tmp_path, policies=policy("trust", "trust", "NOI-BO", app="junos-https"))
    assert got[("canbo", "phu")].verdict == REACHABLE
    assert got[("canbo", "phu")].services == ["tcp/443"]
    assert got[("khach", "canbo")].verdict == BLOCKED


def test_default_policy_permit_all_permits_between_zones_only(tmp_path):
    got = audit(tmp_path, policies="set security policies default-policy permit-all")
    assert got[("khach", "canbo")].verdict == REACHABLE
    assert got[("canbo", "internet")].verdict == REACHABLE


def test_zone_policies_before_global_policies(tmp_path):
    """A zone-pair policy decides before a global one: the global deny never sees it."""
    glob = (
        "set security policies global policy CHAN match source-address any\n"
        "set security policies global policy CHAN match destination-address any\n"
        "set security policies global policy CHAN match application any\n"
        "set security policies global policy CHAN then deny\n"
        "set security policies default-policy permit-all"
    )
    got = audit(tmp_path, policies=policy("guest", "untrust", "KHACH-WEB", app="junos-http") + "\n" + glob)
    assert got[("khach", "internet")].verdict == REACHABLE
    assert got[("khach", "internet")].services == ["tcp/80"]
    assert got[("canbo", "internet")].verdict == BLOCKED  # the global deny before the default


def test_an_interface_in_no_zone_forwards_nothing(tmp_path):
    zones = "set security zones security-zone trust interfaces irb.10"  # irb.11, irb.20 in no zone
    got = audit(tmp_path, zones=zones, policies="set security policies default-policy permit-all")
    assert got[("phu", "internet")].verdict == BLOCKED
    assert got[("canbo", "phu")].verdict == BLOCKED
    assert got[("phu", "@devices")].verdict == BLOCKED  # no host-inbound traffic either
    assert got[("canbo", "internet")].verdict == REACHABLE


def test_host_inbound_on_an_interface_replaces_the_zone_s(tmp_path):
    zones = TRUST + (
        "\nset security zones security-zone trust host-inbound-traffic system-services ssh"
        "\nset security zones security-zone trust host-inbound-traffic system-services ping"
        "\nset security zones security-zone trust interfaces irb.11 host-inbound-traffic system-services ping"
    )
    got = audit(tmp_path, zones=zones)
    assert "tcp/22" in got[("canbo", "@devices")].services
    assert got[("phu", "@devices")].verdict == REACHABLE
    assert "tcp/22" not in got[("phu", "@devices")].services  # only ping on irb.11
    assert got[("khach", "@devices")].verdict == BLOCKED  # guest zone: no host-inbound traffic


def test_a_policy_to_the_junos_host_zone_leaves_host_inbound_traffic_unknown(tmp_path):
    # it restricts traffic to the device further (not modelled): ssh maybe, never proven
    zones = TRUST + "\nset security zones security-zone trust host-inbound-traffic system-services ssh"
    got = audit(tmp_path, zones=zones)
    assert (got[("canbo", "@devices")].verdict, got[("canbo", "@devices")].services) == (REACHABLE, ["tcp/22"])
    got = audit(tmp_path, zones=zones, policies=policy("trust", "junos-host", "CHAN-SSH", "junos-ssh", "deny"))
    assert got[("canbo", "@devices")].verdict == UNKNOWN


def test_all_except(tmp_path):
    zones = TRUST + (
        "\nset security zones security-zone trust host-inbound-traffic system-services all"
        "\nset security zones security-zone trust host-inbound-traffic system-services ssh except"
    )
    got = audit(tmp_path, zones=zones, extra="set system services telnet\n")
    assert "tcp/23" in got[("canbo", "@devices")].services
    assert "tcp/22" not in got[("canbo", "@devices")].services


def test_an_unknown_predefined_application_is_never_guessed(tmp_path):
    got = audit(tmp_path, policies=policy("guest", "trust", "SMB", app="junos-smb"))
    assert got[("khach", "canbo")].verdict == UNKNOWN


def test_an_address_book_entry_narrows_the_destination(tmp_path):
    book = "set security address-book global address MAY-CHU 10.0.10.20/32\n"
    got = audit(tmp_path, policies=policy("guest", "trust", "MC", app="junos-https", dst="MAY-CHU"), extra=book)
    c = got[("khach", "canbo")]
    assert c.verdict == REACHABLE and c.services == ["tcp/443"]
    assert got[("khach", "phu")].verdict == BLOCKED  # irb.11 is in zone trust too, not 10.0.10.20


def test_a_dns_name_address_is_partial(tmp_path):
    book = "set security address-book global address WEB dns-name web.tinh.gov.vn\n"
    got = audit(tmp_path, policies=policy("guest", "trust", "W", dst="WEB"), extra=book)
    assert got[("khach", "canbo")].verdict == UNKNOWN


SRX340 = {
    ("canbo", "khach"): BLOCKED,
    ("canbo", "camera"): (REACHABLE, ["tcp/80", "tcp/443"]),
    ("canbo", "internet"): REACHABLE,
    ("khach", "canbo"): BLOCKED,
    ("khach", "camera"): BLOCKED,
    ("khach", "internet"): (REACHABLE, ["tcp/80", "tcp/443", "udp/53"]),
    ("camera", "canbo"): BLOCKED,
    ("camera", "internet"): BLOCKED,
    ("internet", "canbo"): BLOCKED,  # the inactive contractor policy opens nothing
    ("internet", "camera"): (REACHABLE, ["tcp/80"]),  # the port forward 8080 → NVR:80
    ("quanly", "canbo"): BLOCKED,  # fxp0 is in no zone: it forwards nothing
}
SRX300 = {
    ("canbo", "internet"): REACHABLE,
    ("motcua", "canbo"): (REACHABLE, ["tcp/8443"]),
    ("motcua", "internet"): (REACHABLE, ["tcp/80", "tcp/443", "udp/53"]),
    ("khach", "canbo"): BLOCKED,  # global deny
    ("khach", "motcua"): BLOCKED,
    ("khach", "internet"): (REACHABLE, ["tcp/80", "tcp/443", "udp/53"]),  # global permit after it
    ("internet", "canbo"): BLOCKED,  # the policy TAM-MO-RDP is deactivated
}


FACTORY = {
    ("lan", "internet"): (REACHABLE, ["ip"]),  # trust -> untrust default-permit, source NAT
    ("internet", "lan"): BLOCKED,
    # the Internet side lets dhcp and tftp in, but no DHCP server listens there (its group
    # names irb.0 only) and no TFTP server runs
    ("internet", "@devices"): BLOCKED,
}


@pytest.mark.parametrize(
    ("name", "expected"),
    [("srx340-stc-chinhanh", SRX340), ("srx300-ubnd-huyen", SRX300), ("srx300-mac-dinh", FACTORY)],
)
def test_fixture_verdicts(name, expected, tmp_path_factory):
    check_cells(fixture_audit("juniper_junos", name, tmp_path_factory), expected)


def test_srx340_management_plane(tmp_path_factory):
    got = cells(fixture_audit("juniper_junos", "srx340-stc-chinhanh", tmp_path_factory))
    # J-Web (https) on the Internet side, as host-inbound traffic of ge-0/0/0.0 allows
    assert "tcp/443" in got[("internet", "@devices")].services
    assert "tcp/22" not in got[("internet", "@devices")].services
    # guest Wi-Fi: DHCP and ping on its own gateway only
    assert set(got[("khach", "@devices")].services) <= {"icmp/8", "udp/67"}
    # the out-of-band port: every service, SNMP only from the management network
    assert {"tcp/22", "tcp/830", "udp/161"} <= set(got[("quanly", "@devices")].services)


def test_policy_lines_cite_the_policy():
    text = SRX.format(zones=TRUST, policies=policy("trust", "untrust", "RA-NET", app="junos-http"))
    dev, _ = parse_one(juniper_junos, text, "srx.txt")
    line = dev.filters[dev.forward_filter].lines[0]
    assert line.name == "RA-NET"
    assert line.source.text.startswith("policy RA-NET (from-zone trust to-zone untrust)")
    assert textwrap.dedent(line.source.text).endswith("then permit")


def test_an_interface_listing_protocols_only_leaves_its_services_unsure(tmp_path):
    zones = TRUST + (
        "\nset security zones security-zone trust host-inbound-traffic system-services ssh"
        "\nset security zones security-zone trust interfaces irb.11 host-inbound-traffic protocols ospf"
    )
    got = audit(tmp_path, zones=zones)
    assert got[("phu", "@devices")].verdict == UNKNOWN  # ssh from irb.11: the zone's list, maybe
    assert "tcp/22" in got[("canbo", "@devices")].services


def test_factory_default_management(tmp_path_factory):
    got = cells(fixture_audit("juniper_junos", "srx300-mac-dinh", tmp_path_factory))
    # zone trust lets every system service in: ssh, netconf, J-Web https, dhcp, ping
    assert {"icmp/8", "tcp/22", "tcp/443", "tcp/830", "udp/67"} <= set(got[("lan", "@devices")].services)


def test_a_zone_interface_named_without_its_unit_is_never_a_false_blocked(tmp_path):
    # `interfaces ge-0/0/1` in a zone, the port's only unit 0: not an interface in no zone
    # (which would pass nothing) — unit 0, partial (which unit Junos binds is not established).
    text = (
        "set system host-name SRX-XA\n"
        "set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.2/30\n"
        "set interfaces ge-0/0/1 unit 0 family inet address 10.0.10.1/24\n"
        "set routing-options static route 0.0.0.0/0 next-hop 203.0.113.1\n"
        "set security zones security-zone untrust interfaces ge-0/0/0.0\n"
        "set security zones security-zone trust interfaces ge-0/0/1\n" + policy("trust", "untrust", "RA-NET")
    )
    (tmp_path / "srx.txt").write_text(text)
    (tmp_path / "site.yaml").write_text(
        'unit: "UBND xa"\nlevel: 2\nzones:\n  canbo: {kind: internal, subnets: [10.0.10.0/24]}\n'
        '  internet: {kind: external, attach: ["SRX-XA:ge-0/0/0.0"]}\n'
    )
    got = cells(run_audit([tmp_path]))
    assert got[("canbo", "internet")].verdict == UNKNOWN
    assert "zone names interface ge-0/0/1 without a unit" in got[("canbo", "internet")].reason


@pytest.mark.parametrize(
    ("objects", "app", "action"),
    [
        # an address line not understood: the address may stand for more than was read
        ("set security address-book global address SRV 10.0.10.0/25 nat-address 1\n", "any", "permit"),
        # an address-set line not understood: a member may be missing
        (
            "set security address-book global address SRV 10.0.10.0/25\n"
            "set security address-book global address-set SRVS address SRV\n"
            "set security address-book global address-set SRVS host PHU\n",
            "any",
            "permit",
        ),
        # an application line not understood: a deny of it may deny less than read
        (
            "set applications application WEB protocol tcp\n"
            "set applications application WEB destination-port 80\n"
            "set applications application WEB term-order strict\n",
            "WEB",
            "deny",
        ),
        # an application-set line not understood: a member may be missing
        (
            "set applications application-set WEBS application junos-http\nset applications application-set WEBS x y\n",
            "WEBS",
            "permit",
        ),
    ],
)
def test_an_object_line_not_understood_makes_the_policy_partial(tmp_path, objects, app, action):
    dst = "SRV" if "address SRV" in objects else "any"
    dst = "SRVS" if "address-set SRVS" in objects else dst
    pols = policy("guest", "trust", "KHACH", app=app, action=action, dst=dst)
    if action == "deny":
        pols += "\n" + policy("guest", "trust", "CON-LAI", app="junos-https")
    got = audit(tmp_path, policies=pols, extra=objects)
    assert got[("khach", "canbo")].verdict == UNKNOWN


def test_a_predefined_application_not_established_is_unknown(tmp_path):
    # junos-radius: udp/1812, and maybe udp/1813 — a permit of it is never read as fewer ports
    got = audit(tmp_path, policies=policy("guest", "trust", "RADIUS", app="junos-radius"))
    assert got[("khach", "canbo")].verdict == UNKNOWN


def test_mpls_in_packet_mode_turns_the_zones_off(tmp_path):
    # `family mpls mode packet-based`: the SRX processes every packet as a router —
    # zones and policies are not applied (never a false "blocked" between them)
    extra = "set security forwarding-options family mpls mode packet-based\n"
    got = audit(tmp_path, extra=extra)
    assert got[("khach", "canbo")].verdict == REACHABLE
    assert got[("canbo", "internet")].verdict == REACHABLE


def test_a_deny_of_an_icmp_application_with_a_code_is_never_read_as_every_code(tmp_path):
    # `icmp-type 8 icmp-code 1`: denies no echo request (code 0) — never "blocked" for ping
    objects = (
        "set applications application PING-LA protocol icmp\n"
        "set applications application PING-LA icmp-type 8\n"
        "set applications application PING-LA icmp-code 1\n"
    )
    pols = policy("guest", "trust", "CHAN", app="PING-LA", action="deny") + "\n"
    pols += policy("guest", "trust", "PING", app="junos-ping")
    got = audit(tmp_path, policies=pols, extra=objects)
    assert got[("khach", "canbo")].verdict == UNKNOWN


def test_junos_ping_is_partial_never_read_as_echo_only(tmp_path):
    """Published tables disagree on whether junos-ping is ICMP echo only or every ICMP type:
    a permit of it is "maybe", never an exact echo-only reach."""
    got = audit(tmp_path, policies=policy("guest", "trust", "PING", app="junos-ping"))
    assert got[("khach", "canbo")].verdict == UNKNOWN
    got = audit(tmp_path, policies=policy("guest", "trust", "PING", app="junos-icmp-ping"))
    assert got[("khach", "canbo")].verdict == REACHABLE


def test_a_policy_s_statements_apart_make_the_policy_they_make_together():
    """A policy's statements are gathered one after another (the block they come in);
    written apart, between another policy's or another context's, they make the same
    policies in the same order."""
    pols = [policy("trust", "untrust", "A", "junos-http"), policy("trust", "untrust", "B", "junos-ssh", "deny")]
    pols.append(policy("guest", "untrust", "C", "junos-https"))
    together = "\n".join(pols)
    lines = [line for pol in pols for line in pol.split("\n")]
    apart = "\n".join(lines[k] for k in (0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11))  # interleaved
    apart += "\n" + lines[0]  # A's first statement again, last

    def lines_of(text):
        dev = juniper_junos.parse(SRX.format(zones=TRUST, policies=text), "srx.txt").devices[0]
        return [(ln.name, ln.action, ln.matches, ln.partial) for ln in dev.filters["security-policies"].lines]

    assert lines_of(apart) == lines_of(together)
    assert [name for name, *_ in lines_of(together)] == ["A", "B", "C"]
