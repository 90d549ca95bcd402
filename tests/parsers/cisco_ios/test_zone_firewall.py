"""Cisco IOS zone-based policy firewall (netaudit/parsers/cisco_ios/zone_firewall.py;
docs/vendors/cisco_ios.md, "Zone-based firewall"): zones, zone-pairs and
``policy-map type inspect`` built into the device's forward filter.  Before, every
interface with ``zone-member security`` was partial and every verdict through such a
router "unknown" — the common way a commune ISR keeps its guest Wi-Fi off the staff VLAN.
Each rule is checked as the engine's verdicts on a small router."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import cells, check_cells, fixture_audit, parse_one

from netaudit.audit import run_audit
from netaudit.parsers import cisco_ios
from netaudit.parsers.cisco_ios.zone_firewall import ZONE_FIREWALL
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

# An ISR with a WAN, two staff sub-interfaces (zone IN when the test says so), a guest
# sub-interface and two sub-interfaces no zone names (printer VLAN, cameras).
ROUTER = """\
version 15.7
hostname rt-xa-an-phu
!
interface GigabitEthernet0/0
 description WAN-VIETTEL
 ip address 203.0.113.2 255.255.255.252
 {wan}
!
interface GigabitEthernet0/1.10
 description VLAN10-CAN-BO
 encapsulation dot1Q 10
 ip address 10.0.10.1 255.255.255.0
 {canbo}
!
interface GigabitEthernet0/1.30
 description VLAN30-KE-TOAN
 encapsulation dot1Q 30
 ip address 10.0.30.1 255.255.255.0
 {ketoan}
!
interface GigabitEthernet0/1.20
 description VLAN20-WIFI-KHACH
 encapsulation dot1Q 20
 ip address 10.0.20.1 255.255.255.0
 {khach}
!
interface GigabitEthernet0/1.40
 description VLAN40-MAY-IN
 encapsulation dot1Q 40
 ip address 10.0.40.1 255.255.255.0
!
interface GigabitEthernet0/1.50
 description VLAN50-CAMERA
 encapsulation dot1Q 50
 ip address 10.0.50.1 255.255.255.0
!
ip route 0.0.0.0 0.0.0.0 203.0.113.1
!
zone security IN
zone security KHACH
zone security WAN
!
"""
SITE = """\
unit: "UBND xa An Phu"
level: 2
zones:
  can-bo:   {kind: internal, subnets: [10.0.10.0/24], attach: ["rt-xa-an-phu:GigabitEthernet0/1.10"]}
  ke-toan:  {kind: internal, subnets: [10.0.30.0/24], attach: ["rt-xa-an-phu:GigabitEthernet0/1.30"]}
  khach:    {kind: guest, subnets: [10.0.20.0/24], attach: ["rt-xa-an-phu:GigabitEthernet0/1.20"]}
  may-in:   {kind: internal, subnets: [10.0.40.0/24], attach: ["rt-xa-an-phu:GigabitEthernet0/1.40"]}
  camera:   {kind: internal, subnets: [10.0.50.0/24], attach: ["rt-xa-an-phu:GigabitEthernet0/1.50"]}
  internet: {kind: external}
"""
MEMBERS = {
    "wan": "zone-member security WAN",
    "canbo": "zone-member security IN",
    "ketoan": "zone-member security IN",
    "khach": "zone-member security KHACH",
}
INSPECT_ALL = """\
class-map type inspect match-any TAT-CA
 match protocol tcp
 match protocol udp
 match protocol icmp
policy-map type inspect PM-RA-NGOAI
 class type inspect TAT-CA
  inspect
 class class-default
  drop
zone-pair security IN-WAN source IN destination WAN
 service-policy type inspect PM-RA-NGOAI
"""


def config(parts: tuple[str, ...], members: dict[str, str]) -> str:
    """The router with ``parts`` (each dedented) appended; ``members`` override MEMBERS."""
    return ROUTER.format(**{**MEMBERS, **members}) + "".join(textwrap.dedent(p) for p in parts or (INSPECT_ALL,))


def audit(tmp_path: Path, *parts: str, **members: str):
    """The audit of :func:`config` with the site of the six zones."""
    (tmp_path / "rt-xa-an-phu.cfg").write_text(config(parts, members) + "end\n")
    (tmp_path / "site.yaml").write_text(SITE)
    return run_audit([tmp_path])


def parse(*parts: str, **members: str):
    return parse_one(cisco_ios, config(parts, members), "rt.cfg")


# --------------------------------------------------------------------------- the rules


def test_zone_pair_inspect_forwards_and_the_rest_between_zones_is_dropped(tmp_path):
    check_cells(
        audit(tmp_path),
        {
            ("can-bo", "internet"): (REACHABLE, ["icmp", "tcp", "udp"]),
            ("ke-toan", "internet"): (REACHABLE, ["icmp", "tcp", "udp"]),
            ("internet", "can-bo"): BLOCKED,  # no pair WAN -> IN
            ("khach", "internet"): BLOCKED,  # no pair KHACH -> WAN
            ("khach", "can-bo"): BLOCKED,
            ("can-bo", "khach"): BLOCKED,
        },
    )


def test_members_of_one_zone_pass_between_themselves(tmp_path):
    check_cells(audit(tmp_path), {("can-bo", "ke-toan"): REACHABLE, ("ke-toan", "can-bo"): REACHABLE})


def test_a_member_and_a_non_member_are_dropped_both_ways(tmp_path):
    check_cells(
        audit(tmp_path),
        {
            ("can-bo", "may-in"): BLOCKED,
            ("may-in", "can-bo"): BLOCKED,
            ("camera", "internet"): BLOCKED,
            ("internet", "camera"): BLOCKED,
        },
    )


def test_two_non_members_are_not_affected(tmp_path):
    check_cells(audit(tmp_path), {("may-in", "camera"): REACHABLE, ("camera", "may-in"): REACHABLE})


def test_a_zone_pair_without_a_service_policy_drops(tmp_path):
    policy = "zone-pair security KHACH-WAN source KHACH destination WAN\n description chua gan chinh sach\n"
    check_cells(audit(tmp_path, INSPECT_ALL, policy), {("khach", "internet"): BLOCKED})


def test_classes_in_order_first_match_decides_and_class_default_last(tmp_path):
    policy = """\
    ip access-list extended CHAN-SSH
     permit tcp any any eq 22
    class-map type inspect match-all SSH
     match access-group name CHAN-SSH
    class-map type inspect match-any WEB-VA-SSH
     match protocol https
     match protocol ssh
    policy-map type inspect PM-KHACH
     class type inspect SSH
      drop log
     class type inspect WEB-VA-SSH
      inspect
     class class-default
      drop
    zone-pair security KHACH-WAN source KHACH destination WAN
     service-policy type inspect PM-KHACH
    """
    # SSH dropped by the first class although the second would inspect it
    check_cells(audit(tmp_path, INSPECT_ALL, policy), {("khach", "internet"): (REACHABLE, ["tcp/443"])})


@pytest.mark.parametrize(("action", "verdict"), [("pass", REACHABLE), ("inspect", REACHABLE), ("drop", BLOCKED)])
def test_class_default_takes_the_action_it_says(tmp_path, action, verdict):
    policy = f"""\
    policy-map type inspect PM-KHACH
     class class-default
      {action}
    zone-pair security KHACH-WAN source KHACH destination WAN
     service-policy type inspect PM-KHACH
    """
    check_cells(audit(tmp_path, INSPECT_ALL, policy), {("khach", "internet"): verdict})


def test_class_default_without_an_action_drops(tmp_path):
    policy = """\
    class-map type inspect match-any WEB
     match protocol http
    policy-map type inspect PM-KHACH
     class type inspect WEB
      pass
    zone-pair security KHACH-WAN source KHACH destination WAN
     service-policy type inspect PM-KHACH
    """
    check_cells(audit(tmp_path, INSPECT_ALL, policy), {("khach", "internet"): (REACHABLE, ["tcp/80"])})


def test_the_replies_of_inspected_sessions_come_back_but_pass_is_one_way(tmp_path):
    """``inspect`` is stateful: the Internet's replies reach the staff (replies only,
    never "reachable"); ``pass`` lets no reply back."""
    policy = """\
    policy-map type inspect PM-KHACH
     class class-default
      pass
    zone-pair security KHACH-WAN source KHACH destination WAN
     service-policy type inspect PM-KHACH
    """
    got = cells(audit(tmp_path, INSPECT_ALL, policy))
    assert got[("internet", "can-bo")].verdict == BLOCKED and got[("internet", "can-bo")].replies_only
    assert got[("internet", "khach")].verdict == BLOCKED and not got[("internet", "khach")].replies_only


def test_an_intrazone_pair_filters_between_members_of_one_zone(tmp_path):
    policy = """\
    class-map type inspect match-any WEB
     match protocol http
    policy-map type inspect PM-NOI-VUNG
     class type inspect WEB
      inspect
    zone-pair security IN-IN source IN destination IN
     service-policy type inspect PM-NOI-VUNG
    """
    check_cells(
        audit(tmp_path, INSPECT_ALL, policy),
        {("can-bo", "ke-toan"): (REACHABLE, ["tcp/80"]), ("can-bo", "internet"): REACHABLE},
    )


def test_interface_acls_still_apply_around_the_zone_firewall(tmp_path):
    """``ip access-group`` in before, out after: the zone firewall forwards, the ACL drops."""
    acl = "ip access-list extended CHAN-RA\n deny ip any any\n"
    got = cells(audit(tmp_path, INSPECT_ALL, acl, canbo="zone-member security IN\n ip access-group CHAN-RA in"))
    assert got[("can-bo", "internet")].verdict == BLOCKED
    assert got[("ke-toan", "internet")].verdict == REACHABLE


def test_an_understood_zone_firewall_is_exact_and_leaves_no_partial_marker():
    dev, rep = parse()
    assert dev.forward_filter == ZONE_FIREWALL
    assert not dev.filters[ZONE_FIREWALL].partial
    assert all(not itf.partial for itf in dev.interfaces.values())
    assert rep.partially_understood == [] and rep.unrecognized == []


def test_without_zone_members_nothing_is_built():
    dev, _ = parse(wan="", canbo="", ketoan="", khach="")
    assert dev.forward_filter is None


def test_deny_lines_after_the_last_permit_of_a_class_acl_change_nothing(tmp_path):
    """``permit icmp any any`` then ``deny ip any any`` (written out, as many configs do):
    the deny takes only what the implicit deny would, so the class is exact — the
    guests reach the Internet by ICMP, not by TCP (a deny before a permit stays partial:
    "what stays unknown" below)."""
    policy = """\
    ip access-list extended KHACH-RA
     permit icmp any any
     deny   ip any any
    class-map type inspect match-any X
     match access-group name KHACH-RA
    policy-map type inspect P
     class type inspect X
      inspect
    zone-pair security KHACH-WAN source KHACH destination WAN
     service-policy type inspect P
    """
    check_cells(audit(tmp_path, INSPECT_ALL, policy), {("khach", "internet"): (REACHABLE, ["icmp"])})
    _, rep = parse(INSPECT_ALL, policy)
    assert rep.partially_understood == []


def test_an_ipv6_access_list_in_a_class_matches_no_ipv4_packet(tmp_path):
    """Dual-stack classes name an IPv4 and an IPv6 ACL (``match-any``): the IPv6 one adds
    no IPv4 packet, the class is what the IPv4 ACL says (it was partial: an ACL the
    parser did not know); in a ``match-all`` it leaves the class empty."""
    policy = """\
    ip access-list extended KHACH-RA
     permit tcp any any eq 443
    ipv6 access-list KHACH-RA_v6
     permit tcp any any eq 443
    class-map type inspect match-{kind} X
     match access-group name KHACH-RA{v4}
     match access-group name KHACH-RA_v6
    policy-map type inspect P
     class type inspect X
      inspect
     class class-default
      drop
    zone-pair security KHACH-WAN source KHACH destination WAN
     service-policy type inspect P
    """
    check_cells(
        audit(tmp_path, INSPECT_ALL, policy.format(kind="any", v4="")),
        {("khach", "internet"): (REACHABLE, ["tcp/443"])},
    )
    _, rep = parse(INSPECT_ALL, policy.format(kind="any", v4=""))
    assert rep.partially_understood == [] and rep.unrecognized == []
    dev, _ = parse(INSPECT_ALL, policy.format(kind="all", v4=""))
    names = [ln.name for ln in dev.filters[ZONE_FIREWALL].lines]
    assert not any("class X" in n for n in names)  # an empty class: no line
    check_cells(audit(tmp_path, INSPECT_ALL, policy.format(kind="all", v4="")), {("khach", "internet"): BLOCKED})
    dev, _ = parse(INSPECT_ALL, policy.format(kind="any", v4=""))
    assert sum("class X" in ln.name for ln in dev.filters[ZONE_FIREWALL].lines) == 1


def test_class_acl_lines_naming_addresses_nat_rewrites_are_partial_the_others_exact(tmp_path):
    """The staff VLAN is translated (NAT overload onto the WAN address): whether the zone
    firewall sees 10.0.10.x or the WAN address is not settled here, so a class line
    naming the staff network is partial (the cell unknown); a line naming only a remote
    host (the provincial portal 198.51.100.7) reads the same before and after NAT: exact."""
    nat = """\
    access-list 1 permit 10.0.10.0 0.0.0.255
    ip nat inside source list 1 interface GigabitEthernet0/0 overload
    ip access-list extended CAN-BO-RA
     permit ip 10.0.10.0 0.0.0.255 any
    ip access-list extended KHACH-CONG-TINH
     permit tcp any host 198.51.100.7 eq 443
    class-map type inspect match-any CB
     match access-group name CAN-BO-RA
    class-map type inspect match-any KH
     match access-group name KHACH-CONG-TINH
    policy-map type inspect PM-CB
     class type inspect CB
      inspect
    policy-map type inspect PM-KH
     class type inspect KH
      inspect
    zone-pair security IN-WAN source IN destination WAN
     service-policy type inspect PM-CB
    zone-pair security KHACH-WAN source KHACH destination WAN
     service-policy type inspect PM-KH
    """
    members = {"wan": "ip nat outside\n zone-member security WAN", "canbo": "ip nat inside\n zone-member security IN"}
    dev, _ = parse(nat, **members)
    lines = {ln.name.split(" class ")[-1]: ln for ln in dev.filters[ZONE_FIREWALL].lines if " class " in ln.name}
    assert lines["CB"].partial and "NAT" in lines["CB"].partial
    assert lines["KH"].partial is None
    check_cells(
        audit(tmp_path, nat, **members),
        {("khach", "internet"): (REACHABLE, ["tcp/443"]), ("can-bo", "internet"): UNKNOWN},
    )


def test_cbac_leaves_new_connections_to_the_acls(tmp_path):
    """The classic IOS firewall (CBAC, an SDM-era commune router): ``ip inspect FW out``
    on the WAN with an inbound ACL that lets nothing in.  CBAC only opens that ACL for
    the replies of the sessions it inspects; a new connection is the ACLs' to decide, so
    the verdicts are exact (they were unknown: the interface was partial)."""
    cbac = """\
    ip inspect name FW tcp
    ip inspect name FW udp
    ip inspect name FW icmp
    ip access-list extended WAN-VAO
     deny ip any any
    """
    no_zones = {"canbo": "", "ketoan": "", "khach": ""}
    a = audit(tmp_path, cbac, wan="ip access-group WAN-VAO in\n ip inspect FW out", **no_zones)
    check_cells(
        a,
        {
            ("can-bo", "internet"): (REACHABLE, ["ip"]),
            ("internet", "can-bo"): BLOCKED,
            ("internet", "khach"): BLOCKED,
        },
    )
    dev, rep = parse(cbac, wan="ip access-group WAN-VAO in\n ip inspect FW out", **no_zones)
    assert dev.interfaces["GigabitEthernet0/0"].partial is None and rep.partially_understood == []


# The zone firewall Cisco Configuration Professional's wizard writes (an 800/1900-series
# ISR set up by a vendor), zone names as CCP spells them.
CCP = """\
class-map type inspect match-any ccp-cls-insp-traffic
 match protocol cuseeme
 match protocol dns
 match protocol ftp
 match protocol h323
 match protocol https
 match protocol icmp
 match protocol netshow
 match protocol rtsp
 match protocol tcp
 match protocol udp
class-map type inspect match-all ccp-insp-traffic
 match class-map ccp-cls-insp-traffic
class-map type inspect match-any ccp-cls-icmp-access
 match protocol icmp
 match protocol tcp
 match protocol udp
class-map type inspect match-all ccp-icmp-access
 match class-map ccp-cls-icmp-access
class-map type inspect match-all ccp-protocol-http
 match protocol http
policy-map type inspect ccp-permit-icmpreply
 class type inspect ccp-icmp-access
  inspect
 class class-default
  pass
policy-map type inspect ccp-inspect
 class type inspect ccp-protocol-http
  inspect
 class type inspect ccp-insp-traffic
  inspect
 class class-default
  drop
policy-map type inspect ccp-permit
 class class-default
  drop
zone security out-zone
zone security in-zone
zone-pair security ccp-zp-self-out source self destination out-zone
 service-policy type inspect ccp-permit-icmpreply
zone-pair security ccp-zp-in-out source in-zone destination out-zone
 service-policy type inspect ccp-inspect
zone-pair security ccp-zp-out-self source out-zone destination self
 service-policy type inspect ccp-permit
"""


def test_the_zone_firewall_ccp_writes(tmp_path):
    """CCP's template: staff out by tcp/udp/icmp exactly (its application list — cuseeme,
    h323 … — not in the port table, yet carried by TCP and UDP, which the class names
    whole), nothing in, and out-zone → self dropped: the Internet reaches none of the
    router's services; the staff, with no pair to self, reach them (Cisco: router traffic
    passes then)."""
    members = {"wan": "zone-member security out-zone", "canbo": "zone-member security in-zone"}
    a = audit(tmp_path, CCP, **{**members, "ketoan": "", "khach": ""})
    check_cells(
        a,
        {
            ("can-bo", "internet"): (REACHABLE, ["icmp", "tcp", "udp"]),
            ("internet", "can-bo"): BLOCKED,
            ("internet", "@devices"): BLOCKED,
            ("can-bo", "@devices"): REACHABLE,
        },
    )
    out = cells(a)[("can-bo", "internet")]
    assert not out.maybe_services and out.maybe_reason is None  # no other IP protocol "maybe"


@pytest.mark.parametrize(
    ("proto", "within"),
    [("ftp", {"tcp"}), ("tftp", {"udp"}), ("h323", {"tcp", "udp"}), ("pptp", {"tcp", "proto/47"})],
)
def test_an_application_outside_the_port_table_is_maybe_within_its_ip_protocols(tmp_path, proto, within):
    """``match protocol ftp`` (its data connections on any port) is *maybe* — but only
    over TCP: the guest's other IP protocols toward the staff stay proven out.  PPTP's
    tunnel is GRE, so GRE is among its maybe."""
    app = f"""\
    class-map type inspect match-any UNG-DUNG
     match protocol {proto}
    policy-map type inspect PM-KHACH
     class type inspect UNG-DUNG
      inspect
     class class-default
      drop
    zone-pair security KHACH-IN source KHACH destination IN
     service-policy type inspect PM-KHACH
    """
    cell = cells(audit(tmp_path, INSPECT_ALL, app, khach="zone-member security KHACH"))[("khach", "can-bo")]
    assert cell.verdict == UNKNOWN
    assert {s.split("/")[0] if not s.startswith("proto/") else s for s in cell.services} == within


def test_match_all_of_an_acl_and_a_protocol_is_their_intersection(tmp_path):
    """The DMZ pattern of every ZBF textbook: ``match-all`` of an ACL naming the web
    server and ``match protocol http`` — the Internet reaches that one host on tcp/80,
    nothing else (the class was partial: "match-all of several lines").  A protocol the
    ACL's lines exclude (udp dns against a tcp-only ACL) leaves the class empty."""
    web = """\
    ip access-list extended MAY-CHU-WEB
     permit ip any host 10.0.30.10
    class-map type inspect match-all WEB
     match access-group name MAY-CHU-WEB
     match protocol http
    class-map type inspect match-all KHONG-CO-GI
     match protocol dns
     match protocol http
    policy-map type inspect PM-VAO
     class type inspect KHONG-CO-GI
      inspect
     class type inspect WEB
      inspect
     class class-default
      drop
    zone-pair security WAN-IN source WAN destination IN
     service-policy type inspect PM-VAO
    """
    a = audit(tmp_path, INSPECT_ALL, web)
    check_cells(a, {("internet", "ke-toan"): (REACHABLE, ["tcp/80"]), ("internet", "can-bo"): BLOCKED})
    _, rep = parse(INSPECT_ALL, web)
    assert rep.partially_understood == []


# --------------------------------------------------------------------------- what stays unknown

PARTIAL_KHACH = [
    # a protocol whose ports the table does not hold
    (
        "class-map type inspect match-any X\n match protocol skype\n"
        "policy-map type inspect P\n class type inspect X\n  inspect\n",
        "match protocol skype",
    ),
    # a protocol ip port-map moves onto other ports
    (
        "ip port-map http port tcp 8080\nclass-map type inspect match-any X\n match protocol http\n"
        "policy-map type inspect P\n class type inspect X\n  inspect\n",
        "ip port-map",
    ),
    # match-all of two lines that both name addresses
    (
        "ip access-list extended A\n permit tcp 10.0.20.0 0.0.0.127 any\n"
        "ip access-list extended B\n permit tcp 10.0.20.0 0.0.0.63 any\n"
        "class-map type inspect match-all X\n match access-group name A\n match access-group name B\n"
        "policy-map type inspect P\n class type inspect X\n  inspect\n",
        "match-all of two address conditions",
    ),
    # a class ACL with a deny line
    (
        "ip access-list extended A\n deny tcp any any eq 25\n permit tcp any any\n"
        "class-map type inspect match-any X\n match access-group name A\n"
        "policy-map type inspect P\n class type inspect X\n  inspect\n",
        "deny lines",
    ),
    # an undefined class ACL
    (
        "class-map type inspect match-any X\n match access-group name KHONG-CO\n"
        "policy-map type inspect P\n class type inspect X\n  inspect\n",
        "KHONG-CO",
    ),
    # an undefined class-map
    ("policy-map type inspect P\n class type inspect KHONG-CO\n  inspect\n", "class-map KHONG-CO undefined"),
    # a class action not modelled
    (
        "class-map type inspect match-any X\n match protocol http\n"
        "policy-map type inspect P\n class type inspect X\n  police rate 8000 burst 1000\n",
        "police rate",
    ),
    # a nested class-map with a line not modelled
    (
        "class-map type inspect match-any Y\n match protocol http\n match ip dscp af11\n"
        "class-map type inspect match-all X\n match class-map Y\n"
        "policy-map type inspect P\n class type inspect X\n  inspect\n",
        "match ip dscp",
    ),
]


@pytest.mark.parametrize(("policy", "why"), PARTIAL_KHACH, ids=[w for _, w in PARTIAL_KHACH])
def test_what_is_not_modelled_leaves_the_cell_unknown_with_its_reason(tmp_path, policy, why):
    pair = "zone-pair security KHACH-WAN source KHACH destination WAN\n service-policy type inspect P\n"
    a = audit(tmp_path, INSPECT_ALL, policy, pair)
    cell = cells(a)[("khach", "internet")]
    assert cell.verdict == UNKNOWN
    _, rep = parse(INSPECT_ALL, policy, pair)
    assert any(why in p["reason"] for p in rep.partially_understood), rep.partially_understood
    # guard: what the pair does not concern stays exact
    assert cells(a)[("khach", "can-bo")].verdict == BLOCKED


def test_a_zone_pair_line_not_understood_leaves_its_traffic_unknown(tmp_path):
    pair = "zone-pair security KHACH-WAN source KHACH destination WAN\n service-policy type inspect P\n frobnicate\n"
    a = audit(tmp_path, INSPECT_ALL, "policy-map type inspect P\n class class-default\n  pass\n", pair)
    assert cells(a)[("khach", "internet")].verdict == UNKNOWN
    assert cells(a)[("can-bo", "internet")].verdict == REACHABLE


@pytest.mark.parametrize(
    ("extra", "members", "cell", "why"),
    [
        # every interface of no zone would be in zone default: the whole filter partial
        ("zone security default\n", {}, ("can-bo", "internet"), "zone security default"),
        # a member of a zone the file does not define, or of no zone: to the Internet
        # dropped either way, to an interface of no zone passed or dropped
        ("", {"canbo": "zone-member security KHONG-CO"}, ("can-bo", "may-in"), "zone not defined"),
    ],
)
def test_what_changes_membership_is_partial(tmp_path, extra, members, cell, why):
    a = audit(tmp_path, INSPECT_ALL, extra, **members)
    assert cells(a)[cell].verdict == UNKNOWN
    _, rep = parse(INSPECT_ALL, extra, **members)
    assert any(why in p["reason"] for p in rep.partially_understood)


def test_a_zone_pair_to_self_filters_that_zones_traffic_to_the_router(tmp_path):
    """A zone-pair WAN → self: what the Internet sends to the router follows its policy
    exactly (class-default drop: blocked; an ssh class inspected: ssh only); the staff
    (zone IN, no pair to self) and the printers (no zone) still reach the router: Cisco's
    rules for router traffic pass what no zone-pair with a policy filters.  Beside
    control-plane policing the two filters are not composed: unknown."""
    to_self = """\
    class-map type inspect match-any QUAN-TRI
     match protocol ssh
    policy-map type inspect PM-VE-ROUTER
     class type inspect QUAN-TRI
      {action}
     class class-default
      drop
    zone-pair security WAN-SELF source WAN destination self
     service-policy type inspect PM-VE-ROUTER
    """
    for sub in ("truoc", "drop", "ssh", "copp"):
        (tmp_path / sub).mkdir()
    before = cells(audit(tmp_path / "truoc"))
    assert before[("internet", "@devices")].verdict == REACHABLE  # no pair to self: not filtered
    dropped = cells(audit(tmp_path / "drop", INSPECT_ALL, to_self.format(action="drop")))
    assert dropped[("internet", "@devices")].verdict == BLOCKED
    assert dropped[("can-bo", "@devices")].verdict == REACHABLE
    assert dropped[("may-in", "@devices")].verdict == REACHABLE
    assert dropped[("can-bo", "@devices")].services == before[("can-bo", "@devices")].services
    assert dropped[("can-bo", "internet")].verdict == REACHABLE  # transit unchanged
    check_cells(
        audit(tmp_path / "ssh", INSPECT_ALL, to_self.format(action="inspect")),
        {("internet", "@devices"): (REACHABLE, ["tcp/22"])},
    )
    copp = "control-plane\n service-policy input COPP\npolicy-map COPP\n class class-default\n"
    beside = cells(audit(tmp_path / "copp", INSPECT_ALL, to_self.format(action="drop"), copp))
    assert beside[("internet", "@devices")].verdict == UNKNOWN


def test_a_zone_pair_to_self_without_a_policy_passes(tmp_path):
    """Between two zones a pair without a service-policy drops; toward ``self`` it passes
    (Cisco's rules for router traffic): the Internet still reaches the router's services,
    never a false "blocked" that would hide them."""
    bare = "zone-pair security WAN-SELF source WAN destination self\n"
    (tmp_path / "truoc").mkdir()
    (tmp_path / "bare").mkdir()
    before = cells(audit(tmp_path / "truoc"))
    after = cells(audit(tmp_path / "bare", INSPECT_ALL, bare))
    assert after[("internet", "@devices")].verdict == REACHABLE
    assert after[("internet", "@devices")].services == before[("internet", "@devices")].services


# --------------------------------------------------------------------------- the fixture

EXPECTED = {
    ("wifi-khach", "can-bo"): BLOCKED,
    ("wifi-khach", "internet"): (REACHABLE, ["tcp/53", "tcp/80", "tcp/443", "udp/53"]),
    ("can-bo", "internet"): (REACHABLE, ["icmp", "tcp", "udp"]),
    ("internet", "can-bo"): BLOCKED,
    ("can-bo", "wifi-khach"): BLOCKED,
    ("internet", "wifi-khach"): BLOCKED,
}


def test_commune_zbf_fixture(tmp_path_factory):
    a = fixture_audit("cisco_ios", "commune-zbf", tmp_path_factory)
    check_cells(a, EXPECTED)
    (dev,) = a.devices
    assert dev.forward_filter == ZONE_FIREWALL and all(not i.partial for i in dev.interfaces.values())
