"""Cisco ASA site-to-site IPsec: decrypted traffic bypasses the access-lists
(``sysopt connection permit-vpn``, on by default) — netaudit/parsers/cisco_asa/vpn.py.

A zone behind the tunnel (``via: tunnel``) sends only decrypted packets: what the mirror
of a static entry lets out reaches past the access-lists, exactly.  A cleartext packet
with the same addresses on the outside segment (the remote network declared there, a
forged source) is *maybe* decrypted (unknown, the crypto map line named), never
"blocked"; a dynamic entry's packets are maybe; with ``no sysopt connection permit-vpn``
the access-lists decide as before (docs/vendors/cisco_asa.md, "Site-to-site VPN")."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from netaddr import IPAddress, IPNetwork

from netaudit import topology, zones
from netaudit.audit import run_audit
from netaudit.headerspace import HeaderSpace, Packet
from netaudit.model import PROTO_TCP, PROTO_UDP, VPN_ENDPOINTS, Action, AddrMatch, PortRange
from netaudit.parsers import cisco_asa
from netaudit.parsers.cisco_asa.policy import POLICY
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN, Engine, compute_matrix
from netaudit.zones import Site, Zone

from .helpers import OFFICE_IFACES

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cisco_asa"
HEAD = "ASA Version 9.16(4)\nhostname FW\n"
IFACES = OFFICE_IFACES + "route outside 0.0.0.0 0.0.0.0 198.51.100.1 1\n"
# The tunnel to the branch: staff 10.1.1.0/24 <-> branch 10.9.0.0/16.
TUNNEL = """
access-list VPN extended permit ip 10.1.1.0 255.255.255.0 10.9.0.0 255.255.0.0
crypto map OUT 10 match address VPN
crypto map OUT 10 set peer 203.0.113.9
crypto map OUT 10 set ikev2 ipsec-proposal AES256
crypto map OUT interface outside
crypto ikev2 enable outside
tunnel-group 203.0.113.9 type ipsec-l2l
"""
OUTSIDE_IN = """
access-list OUTSIDE_IN extended permit tcp any host 10.1.2.10 eq www
access-group OUTSIDE_IN in interface outside
"""
OUT, INS, DMZ_IF = "GigabitEthernet0/0", "GigabitEthernet0/1", "GigabitEthernet0/2"
STAFF = Zone("staff", "internal", [IPNetwork("10.1.1.0/24")], attach=[("FW", INS)])
DMZ = Zone("dmz", "dmz", [IPNetwork("10.1.2.0/24")], attach=[("FW", DMZ_IF)])
BRANCH = Zone("branch", "wan", [IPNetwork("10.9.0.0/16")], attach=[("FW", OUT)])
INTERNET = Zone("internet", "external", attach=[("FW", OUT)])
ZONES = [STAFF, DMZ, BRANCH, INTERNET]
BYPASS = "crypto map OUT 10: decrypted, past the access-lists (sysopt connection permit-vpn is on by default)"


def parse(*parts: str):
    text = HEAD + "".join(textwrap.dedent(p).lstrip("\n") for p in parts)
    result = cisco_asa.parse(text, "fw.cfg")
    assert result.report.unrecognized == [] and result.report.warnings == []
    return result.devices[0], result.report


def matrix(*parts: str, via: str = "segment") -> dict:
    """The cells of the office; ``via``: how the branch is reached at outside."""
    dev, _rep = parse(*parts)
    topo = topology.build([dev])
    zs = [Zone(z.name, z.kind, z.subnets, attach=z.attach, via=via) if z is BRANCH else z for z in ZONES]
    placed, addrs, _ = zones.resolve(Site(unit="t", zones=zs), topo)
    cells = compute_matrix(Engine(topo, placed, addrs, HeaderSpace()), [z.name for z in ZONES])
    return {(c.src, c.dst): c for c in cells if c.dst != "@devices"}


def vpn_lines(dev, name=POLICY):
    return [ln for ln in dev.filters[name].lines if ln.name.startswith("crypto map")]


def holds(lines, src: str, dst: str, dport: int = 443) -> bool:
    """Whether a TCP packet src -> dst:dport is in the lines' matches."""
    hs = HeaderSpace()
    pkt = hs.packet(Packet(int(IPAddress(src)), int(IPAddress(dst)), PROTO_TCP, 40000, dport, syn=True))
    return any(hs.meets(hs.matches(ln.matches), pkt) for ln in lines)


# --------------------------------------------------------------------------- parsing


def test_crypto_map_is_read_into_one_permit_before_the_access_lists():
    """The entry is the interface's tunnel (model.IpsecTunnel): only what comes decrypted
    out of it meets the line, which is therefore exact."""
    dev, rep = parse(IFACES, OUTSIDE_IN, TUNNEL)
    policy = dev.filters[POLICY].lines
    (vpn,) = vpn_lines(dev)
    assert vpn.action == Action.PERMIT and vpn.name == BYPASS and vpn.partial is None
    assert vpn.source.text == "crypto map OUT 10 match address VPN"
    assert [t.encrypts for t in dev.interfaces[OUT].ipsec_tunnels] == ["VPN"]
    # the mirror of the crypto ACL, entering outside, toward every other interface
    assert {m.in_ifaces for m in vpn.matches} == {frozenset({OUT})}
    assert {m.out_ifaces for m in vpn.matches} == {frozenset({INS, DMZ_IF})}
    assert holds([vpn], "10.9.3.4", "10.1.1.20") and not holds([vpn], "10.1.1.20", "10.9.3.4")
    assert not holds([vpn], "10.9.3.4", "10.1.2.10") and not holds([vpn], "10.8.0.1", "10.1.1.20")
    # before OUTSIDE_IN's lines (which it bypasses)
    assert policy.index(vpn) < min(i for i, ln in enumerate(policy) if ln.name == "OUTSIDE_IN")
    assert rep.partially_understood == []
    assert {(r.name, r.defined) for r in dev.references if r.kind == "acl"} >= {("VPN", True)}


@pytest.mark.parametrize(
    ("extra", "why"),
    [
        # a second static entry not read whole: no entry of the map is a tunnel
        ("crypto map OUT 20 match address NOT-DEFINED\ncrypto map OUT 20 set peer 203.0.113.10\n", "no vpn-filter"),
        # the crypto ACL names an ICMP type: its mirror, types left open, is wider
        ("access-list VPN extended permit icmp 10.1.1.0 255.255.255.0 10.9.0.0 255.255.0.0 echo\n", "no vpn-filter"),
    ],
)
def test_a_bypass_the_engine_cannot_hold_to_decrypted_packets_stays_partial(extra, why):
    dev, rep = parse(IFACES, OUTSIDE_IN, extra, TUNNEL)
    lines = [ln for ln in vpn_lines(dev) if ln.name.startswith("crypto map OUT 10")]
    assert lines and all(why in (ln.partial or "") and ln.name == "crypto map OUT 10" for ln in lines)
    assert "crypto map OUT 10" in [p["construct"] for p in rep.partially_understood]
    assert matrix(IFACES, OUTSIDE_IN, extra, TUNNEL, via="tunnel")[("branch", "staff")].verdict == UNKNOWN


def test_the_zone_behind_the_tunnel_reaches_past_the_access_list():
    """The branch behind the tunnel: its packets come decrypted, the ASA lets them past
    OUTSIDE_IN (permit-vpn) — reachable, the witness citing the crypto map entry; what
    the crypto ACL does not protect (the DMZ) is decided by OUTSIDE_IN."""
    m = matrix(IFACES, OUTSIDE_IN, TUNNEL, via="tunnel")
    cell = m[("branch", "staff")]
    assert cell.verdict == REACHABLE and cell.services == ["ip"]
    texts = [r["text"] for hop in cell.witness.hops for r in hop["rules"]]
    assert "crypto map OUT 10 match address VPN" in texts
    assert m[("branch", "dmz")].verdict == BLOCKED  # not in the tunnel's mirror: never decrypted
    off = matrix(IFACES, OUTSIDE_IN, TUNNEL, "no sysopt connection permit-vpn\n", via="tunnel")
    assert off[("branch", "staff")].verdict == BLOCKED


def test_no_sysopt_permit_vpn_changes_nothing_and_the_acl_decides():
    dev, rep = parse(IFACES, OUTSIDE_IN, TUNNEL, "no sysopt connection permit-vpn\n")
    assert vpn_lines(dev) == [] and rep.partially_understood == []
    m = matrix(IFACES, OUTSIDE_IN, TUNNEL, "no sysopt connection permit-vpn\n")
    assert m[("branch", "staff")].verdict == BLOCKED


def test_tunnel_traffic_past_the_outside_acl_is_unknown_not_blocked():
    """The defect: the remote network declared as a zone at outside was "blocked" by
    OUTSIDE_IN, where the ASA delivers the tunnel's packets without looking at it."""
    m = matrix(IFACES, OUTSIDE_IN, TUNNEL)
    cell = m[("branch", "staff")]
    assert cell.verdict == UNKNOWN
    # the cell names the tunnel's entry; the bypass line (permit-vpn) is a partial construct
    assert "crypto map OUT 10 match address VPN" in cell.reason.render("en")
    # what the crypto ACL does not protect stays decided by the access-list
    assert m[("branch", "dmz")].verdict == REACHABLE and m[("branch", "dmz")].services == ["tcp/80"]
    # the Internet's own addresses are not the tunnel's: still blocked
    assert m[("internet", "staff")].verdict == BLOCKED


def test_explicit_sysopt_line_and_the_pix_7_0_name():
    for line in ("sysopt connection permit-vpn\n", "sysopt connection permit-ipsec\n"):
        dev, _rep = parse(IFACES, OUTSIDE_IN, line, TUNNEL)
        (vpn,) = vpn_lines(dev)
        assert "sysopt connection permit-vpn is on (line 18)" in vpn.name
    dev, _rep = parse(IFACES, OUTSIDE_IN, "no sysopt connection permit-ipsec\n", TUNNEL)
    assert vpn_lines(dev) == []
    # other sysopt options are understood and change nothing
    dev, _rep = parse(IFACES, OUTSIDE_IN, TUNNEL, "sysopt connection tcpmss 1380\nno sysopt connection timewait\n")
    assert len(vpn_lines(dev)) == 1


def test_a_deny_line_of_the_crypto_acl_is_not_protected():
    acl = "access-list VPN extended deny ip host 10.1.1.5 any\n"
    dev, _rep = parse(IFACES, OUTSIDE_IN, acl, TUNNEL)
    lines = vpn_lines(dev)
    assert holds(lines, "10.9.0.1", "10.1.1.6") and not holds(lines, "10.9.0.1", "10.1.1.5")


def test_a_crypto_acl_line_with_ports_is_mirrored():
    acl = "access-list VPN extended permit tcp 10.1.2.0 255.255.255.0 eq https 10.9.0.0 255.255.0.0\n"
    dev, _rep = parse(IFACES, OUTSIDE_IN, acl, TUNNEL)
    lines = vpn_lines(dev)
    assert holds(lines, "10.9.0.1", "10.1.2.10", 443) and not holds(lines, "10.9.0.1", "10.1.2.10", 22)


def test_no_ike_on_the_interface_no_tunnel():
    """An ASDM default dynamic map bound to outside without IKE enabled there brings up
    no SA: nothing bypasses the access-lists."""
    text = TUNNEL.replace("crypto ikev2 enable outside\n", "")
    dev, rep = parse(IFACES, OUTSIDE_IN, text)
    assert vpn_lines(dev) == [] and rep.partially_understood == []


def test_an_entry_without_match_address_is_incomplete():
    text = TUNNEL.replace("crypto map OUT 10 match address VPN\n", "")
    dev, _rep = parse(IFACES, OUTSIDE_IN, "access-list VPN extended permit ip any any\n", text)
    assert vpn_lines(dev) == []


def test_dynamic_map_without_match_address_accepts_any_traffic():
    """A dynamic map (remote access, DefaultL2LGroup) takes the proxies the peer proposes."""
    dyn = """
    crypto dynamic-map DYN 20 set ikev1 transform-set ESP-AES-256-SHA
    crypto dynamic-map DYN 20 set reverse-route
    crypto map OUT 65535 ipsec-isakmp dynamic DYN
    crypto map OUT interface outside
    crypto ikev1 enable outside
    """
    dev, _rep = parse(IFACES, OUTSIDE_IN, dyn)
    (vpn,) = vpn_lines(dev)
    assert vpn.name == "crypto map OUT 65535 (crypto dynamic-map DYN 20)"
    assert vpn.source.text == "crypto map OUT 65535 ipsec-isakmp dynamic DYN"
    assert holds([vpn], "8.8.8.8", "10.1.2.99") and holds([vpn], "10.9.0.1", "10.1.1.5")
    m = matrix(IFACES, OUTSIDE_IN, dyn)
    assert m[("internet", "staff")].verdict == UNKNOWN
    # with a match address, only its mirror
    dev, _rep = parse(
        IFACES,
        OUTSIDE_IN,
        "access-list VPN extended permit ip 10.1.1.0 255.255.255.0 any\n",
        dyn,
        "crypto dynamic-map DYN 20 match address VPN\n",
    )
    (vpn,) = vpn_lines(dev)
    assert vpn.source.text == "crypto dynamic-map DYN 20 match address VPN"
    assert holds([vpn], "8.8.8.8", "10.1.1.9") and not holds([vpn], "8.8.8.8", "10.1.2.99")


def test_level_rule_and_global_acl_are_bypassed_too():
    # no access-group on outside: the security levels would deny outside -> inside
    m = matrix(IFACES, TUNNEL)
    assert m[("branch", "staff")].verdict == UNKNOWN and m[("branch", "dmz")].verdict == BLOCKED
    glob = "access-list G extended deny ip any any\naccess-group G global\n"
    m = matrix(IFACES, glob, TUNNEL)
    assert m[("branch", "staff")].verdict == UNKNOWN and m[("staff", "dmz")].verdict == BLOCKED


def test_hairpin_back_out_of_the_tunnel_interface_needs_intra_interface():
    dev, _rep = parse(IFACES, OUTSIDE_IN, TUNNEL.replace("10.1.1.0 255.255.255.0", "any"))
    (vpn,) = vpn_lines(dev)
    assert {m.out_ifaces for m in vpn.matches} == {frozenset({INS, DMZ_IF})}
    dev, _rep = parse(IFACES, OUTSIDE_IN, "same-security-traffic permit intra-interface\n", TUNNEL)
    (vpn,) = vpn_lines(dev)
    assert {m.out_ifaces for m in vpn.matches} == {frozenset({OUT, INS, DMZ_IF})}


def test_management_only_interface_takes_no_tunnel_traffic():
    text = IFACES.replace(" nameif dmz\n", " management-only\n nameif dmz\n")
    dev, _rep = parse(text, OUTSIDE_IN, TUNNEL)
    (vpn,) = vpn_lines(dev)
    assert {m.out_ifaces for m in vpn.matches} == {frozenset({INS})}


def test_outbound_acl_is_bypassed_too():
    """Decrypted traffic passes "without checking ACLs for the source and destination
    interfaces": an outbound ACL on inside no longer proves branch -> staff blocked."""
    acls = """
    access-list OUTSIDE_IN extended permit ip 10.9.0.0 255.255.0.0 10.1.1.0 255.255.255.0
    access-group OUTSIDE_IN in interface outside
    access-list INSIDE_OUT extended deny ip any any
    access-group INSIDE_OUT out interface inside
    """
    m = matrix(IFACES, acls, TUNNEL, "no sysopt connection permit-vpn\n")
    assert m[("branch", "staff")].verdict == BLOCKED
    dev, _rep = parse(IFACES, acls, TUNNEL)
    inside = dev.interfaces[INS]
    assert inside.filter_out == f"asa-out-{INS}"
    out = dev.filters[inside.filter_out]
    assert out.kind == "synthesized" and out.lines[0].partial is None and out.lines[0].name == BYPASS
    assert out.lines[1:] == dev.filters["INSIDE_OUT"].lines  # the ACL's own lines, cited as they are
    assert any(f.acl == "INSIDE_OUT" and f.direction == "out" for f in dev.facts.access_groups)
    m = matrix(IFACES, acls, TUNNEL)
    assert m[("branch", "staff")].verdict == UNKNOWN
    assert matrix(IFACES, acls, TUNNEL, via="tunnel")[("branch", "staff")].verdict == REACHABLE


GP = """
access-list VPNF extended permit tcp 10.9.0.0 255.255.0.0 10.1.1.0 255.255.255.0 eq https
group-policy GP-BRANCH internal
group-policy GP-BRANCH attributes
 vpn-filter value VPNF
 vpn-tunnel-protocol ikev2
tunnel-group 203.0.113.9 general-attributes
 default-group-policy GP-BRANCH
"""


def test_vpn_filter_of_the_peers_group_policy_still_applies():
    dev, rep = parse(IFACES, OUTSIDE_IN, TUNNEL, GP)
    deny, permit = vpn_lines(dev)
    assert deny.action == Action.DENY and deny.source.text == "vpn-filter value VPNF"
    assert deny.partial is None and deny.name == "crypto map OUT 10: decrypted, dropped by the vpn-filter"
    assert permit.action == Action.PERMIT and permit.partial is None and permit.name == BYPASS
    assert holds([permit], "10.9.0.1", "10.1.1.5", 443) and not holds([permit], "10.9.0.1", "10.1.1.5", 22)
    assert holds([deny], "10.9.0.1", "10.1.1.5", 22) and not holds([deny], "10.9.0.1", "10.1.1.5", 443)
    assert rep.unrecognized == []
    cell = matrix(IFACES, OUTSIDE_IN, TUNNEL, GP)[("branch", "staff")]
    assert cell.verdict == UNKNOWN and cell.services == ["tcp/443"]
    cell = matrix(IFACES, OUTSIDE_IN, TUNNEL, GP, via="tunnel")[("branch", "staff")]
    assert cell.verdict == REACHABLE and cell.services == ["tcp/443"]


def test_vpn_filter_inherited_from_dfltgrppolicy_or_none():
    inherited = (
        GP.replace(" vpn-filter value VPNF\n", "") + "group-policy DfltGrpPolicy attributes\n vpn-filter value VPNF\n"
    )
    dev, _rep = parse(IFACES, OUTSIDE_IN, TUNNEL, inherited)
    assert [ln.action for ln in vpn_lines(dev)] == [Action.DENY, Action.PERMIT]
    # `vpn-filter none` in the group-policy: no filter, whatever DfltGrpPolicy says
    none = inherited.replace(" vpn-tunnel-protocol ikev2\n", " vpn-filter none\n")
    dev, _rep = parse(IFACES, OUTSIDE_IN, TUNNEL, none)
    assert [ln.action for ln in vpn_lines(dev)] == [Action.PERMIT]
    # no tunnel-group named by the peer: DefaultL2LGroup -> DfltGrpPolicy
    dfl = "access-list VPNF extended permit tcp any any eq https\ngroup-policy DfltGrpPolicy attributes\n vpn-filter value VPNF\n"
    dev, _rep = parse(IFACES, OUTSIDE_IN, TUNNEL.replace("tunnel-group 203.0.113.9 type ipsec-l2l\n", ""), dfl)
    assert [ln.action for ln in vpn_lines(dev)] == [Action.DENY, Action.PERMIT]


def test_an_ambiguous_or_unreadable_vpn_filter_is_not_used():
    # two peers, one of them without the group-policy: which filter applies is not known
    two = TUNNEL.replace("set peer 203.0.113.9", "set peer 203.0.113.9 203.0.113.10")
    dev, _rep = parse(IFACES, OUTSIDE_IN, two, GP)
    assert [ln.action for ln in vpn_lines(dev)] == [Action.PERMIT]
    # a group-policy whose attributes come from a server
    ext = GP.replace("group-policy GP-BRANCH internal", "group-policy GP-BRANCH external server-group RAD")
    dev, _rep = parse(IFACES, OUTSIDE_IN, TUNNEL, ext)
    assert [ln.action for ln in vpn_lines(dev)] == [Action.PERMIT]
    # a filter line not fully understood (time-range)
    tr = GP.replace("eq https\n", "eq https time-range WORK\n")
    dev, _rep = parse(IFACES, OUTSIDE_IN, TUNNEL, tr)
    assert [ln.action for ln in vpn_lines(dev)] == [Action.PERMIT]


def test_destination_nat_on_the_tunnel_adds_the_real_addresses():
    """Staff is presented to the branch as 172.16.1.0/24 (the crypto ACL names the
    mapped addresses, the policy sees the real ones): the bypass holds both."""
    nat = """
    object network STAFF
     subnet 10.1.1.0 255.255.255.0
    object network STAFF-MAPPED
     subnet 172.16.1.0 255.255.255.0
    object network BRANCH
     subnet 10.9.0.0 255.255.0.0
    nat (inside,outside) source static STAFF STAFF-MAPPED destination static BRANCH BRANCH
    """
    tunnel = TUNNEL.replace("10.1.1.0 255.255.255.0 10.9.0.0", "172.16.1.0 255.255.255.0 10.9.0.0")
    dev, _rep = parse(IFACES, OUTSIDE_IN, nat, tunnel, GP)
    (vpn,) = vpn_lines(dev)  # the vpn-filter is not used with a NAT on the tunnel
    assert holds([vpn], "10.9.0.1", "172.16.1.7") and holds([vpn], "10.9.0.1", "10.1.1.7")
    assert matrix(IFACES, OUTSIDE_IN, nat, tunnel)[("branch", "staff")].verdict == UNKNOWN


# --------------------------------------------------------------------------- end to end


def test_fixture_provincial_tunnel_end_to_end(tmp_path):
    """The compliant department ASA with a tunnel to the provincial data centre
    (tests/fixtures/cisco_asa/asa-l2l-vpn-tinh.cfg), the province declared on the outside
    segment (``via: segment``) as this module reads decrypted packets: tinh -> staff is
    unknown with the crypto map line and permit-vpn named, never blocked; what the crypto
    ACL does not cover stays blocked; with `no sysopt connection permit-vpn` OUTSIDE_IN decides."""
    cfg = FIXTURES / "asa-l2l-vpn-tinh.cfg"
    site = on_the_segment(tmp_path)
    audit = run_audit([cfg], site)
    assert not any(r.unrecognized for r in audit.snapshot.reports)
    cells = {(c.src, c.dst): c for c in audit.matrix}
    cell = cells[("tinh", "staff")]
    assert cell.verdict == UNKNOWN
    assert "crypto map OUTSIDE_MAP 10 match address VPN-TINH" in cell.reason.render("en")
    for dst in ("servers", "guest", "mgmt"):
        assert cells[("tinh", dst)].verdict == BLOCKED, dst
    assert cells[("tinh", "portal")].verdict == REACHABLE  # OUTSIDE_IN: the portal's web ports
    assert cells[("internet", "staff")].verdict == BLOCKED
    # the same cells as the sample office without the tunnel, but tinh -> staff
    unknown = {k for k, c in cells.items() if c.verdict == UNKNOWN}
    assert unknown == {("tinh", "staff")}
    # a forged source from the Internet (a tinh address, cleartext) is "not excluded"
    # (medium, as an unknown cell), never a proven forgery with a witness
    spoof = [f for f in audit.findings if f.check == "spoofing"]
    assert [(f.severity, f.zones, f.witness) for f in spoof] == [("medium", ["internet", "staff"], None)]
    assert "not proven either way" in spoof[0].title["en"]
    assert any(f.check == "unknown-verdict" for f in audit.findings)

    off = tmp_path / "asa-l2l-vpn-tinh.cfg"
    text = cfg.read_text()
    off.write_text(
        text.replace("crypto ikev2 enable outside\n", "crypto ikev2 enable outside\nno sysopt connection permit-vpn\n")
    )
    audit = run_audit([off], site)
    cells = {(c.src, c.dst): c for c in audit.matrix}
    assert cells[("tinh", "staff")].verdict == BLOCKED
    assert not any(c.verdict == UNKNOWN for c in audit.matrix)
    assert not any(f.check == "spoofing" for f in audit.findings)


def on_the_segment(tmp_path) -> Path:
    """The fixture's site file with the province on the outside segment (no ``via: tunnel``)."""
    text = (FIXTURES / "asa-l2l-vpn-tinh.site.yaml").read_text()
    assert "    via: tunnel" in text
    site = tmp_path / "segment.site.yaml"
    site.write_text(text.replace("    via: tunnel", "    via: segment"))
    return site


def test_fixture_province_behind_the_tunnel_is_exact():
    """The fixture's site file puts the province behind the tunnel (``via: tunnel``): the
    static crypto map entry is a tunnel (model.IpsecTunnel: what VPN-TINH encrypts, what
    its mirror lets come out), so tinh's cells are decided — tinh -> staff reachable,
    every service: the ASA lets what comes decrypted past the access-lists (permit-vpn,
    on by default); the mirror carries nothing to the other zones, and INSIDE_IN's deny
    of RFC 1918 keeps staff from the province.  Before, tinh -> staff was unknown (the
    bypass read as maybe), and before that every one of the 13 cells ("no static IPsec
    tunnel ... is modelled")."""
    audit = run_audit([FIXTURES / "asa-l2l-vpn-tinh.cfg"], FIXTURES / "asa-l2l-vpn-tinh.site.yaml")
    cells = {(c.src, c.dst): c for c in audit.matrix}
    tinh = {k: c for k, c in cells.items() if "tinh" in k}
    assert len(tinh) == 13
    assert not any(c.verdict == UNKNOWN for c in tinh.values())
    staff = cells[("tinh", "staff")]
    assert staff.verdict == REACHABLE and staff.services == ["ip"] and not staff.violation
    assert "crypto map OUTSIDE_MAP 10 match address VPN-TINH" in [
        r["text"] for h in staff.witness.hops for r in h["rules"]
    ]
    for pair, cell in tinh.items():
        if pair != ("tinh", "staff"):
            assert cell.verdict == BLOCKED, pair
    [iface] = [i for i in audit.snapshot.devices[0].interfaces.values() if i.ipsec_tunnels]
    assert iface.name == "GigabitEthernet1/1" and iface.ipsec_tunnels[0].peers == ["198.51.100.20"]
    assert not any("every cell from and to this zone is unknown" in str(w) for w in audit.warnings)
    # guard: the cells between the other zones are as with the province on the segment
    assert cells[("internet", "staff")].verdict == BLOCKED
    assert cells[("internet", "portal")].verdict == REACHABLE and cells[("internet", "portal")].services == [
        "tcp/80",
        "tcp/443",
    ]


# --------------------------------------------------------------------------- L2TP over IPsec

# Windows' built-in client (docs/vendors/cisco_asa.md, "L2TP over IPsec"): a transport-mode
# IKEv1 transform set offered by a dynamic map bound to outside, IKEv1 enabled there, and
# a group-policy admitting l2tp-ipsec.
L2TP = """
crypto ipsec ikev1 transform-set TRANS esp-3des esp-sha-hmac
crypto ipsec ikev1 transform-set TRANS mode transport
crypto dynamic-map outside_dyn_map 20 set ikev1 transform-set TRANS
crypto map outside_map 65535 ipsec-isakmp dynamic outside_dyn_map
crypto map outside_map interface outside
crypto ikev1 enable outside
group-policy DefaultRAGroup internal
group-policy DefaultRAGroup attributes
 vpn-tunnel-protocol l2tp-ipsec
tunnel-group DefaultRAGroup general-attributes
 address-pool VPN
 default-group-policy DefaultRAGroup
tunnel-group DefaultRAGroup ppp-attributes
 authentication ms-chap-v2
"""
UDP_1701 = (PortRange(1701, 1701),)


def l2tp_services(dev):
    return [s for s in dev.services if s.name in ("l2tp", "l2tp-ipsec")]


def test_l2tp_over_ipsec_is_a_vpn_endpoint_on_the_crypto_map_interface():
    dev, _rep = parse(IFACES, OUTSIDE_IN, L2TP)
    (svc,) = l2tp_services(dev)
    assert (svc.name, svc.protocol, svc.ports) == ("l2tp-ipsec", PROTO_UDP, UDP_1701)
    assert svc.name in VPN_ENDPOINTS and svc.partial is None
    assert svc.interfaces == frozenset({OUT}) and svc.source.text == "vpn-tunnel-protocol l2tp-ipsec"
    # the ASA answers on the outside interface's own address only, like IKE
    (line,) = dev.filters[svc.acl].lines
    assert [(m.in_ifaces, m.dst) for m in line.matches] == [
        (frozenset({OUT}), (AddrMatch(int(IPAddress("198.51.100.2")), 0),))
    ]
    assert {s.name for s in dev.services} >= {"ike", "l2tp-ipsec"}


@pytest.mark.parametrize(
    ("edit", "partial"),
    [
        # the group-policy does not say it: DfltGrpPolicy's defaults (not in the file) decide
        (lambda t: t.replace(" vpn-tunnel-protocol l2tp-ipsec\n", " vpn-tunnel-protocol ikev1\n"), "DfltGrpPolicy"),
        # no transform set read as transport mode: whether Windows clients connect is open
        (lambda t: t.replace("TRANS mode transport", "TRANS mode tunnel"), "transport mode"),
        # old syntax (before 8.4): `crypto ipsec transform-set`, `set transform-set`, isakmp
        (
            lambda t: (
                t.replace("ipsec ikev1 transform-set", "ipsec transform-set")
                .replace("set ikev1 transform-set", "set transform-set")
                .replace("crypto ikev1 enable", "crypto isakmp enable")
            ),
            None,
        ),
    ],
)
def test_l2tp_over_ipsec_half_configured_is_partial(edit, partial):
    dev, rep = parse(IFACES, OUTSIDE_IN, edit(L2TP))
    (svc,) = l2tp_services(dev)
    if partial is None:
        assert svc.partial is None
    else:
        assert partial in svc.partial
        assert any(p["construct"] == "l2tp-ipsec" for p in rep.partially_understood)


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.replace("crypto ikev1 enable outside", "crypto ikev2 enable outside"),  # IKEv1 only
        lambda t: t.replace("crypto map outside_map interface outside\n", ""),  # bound nowhere
        # neither a transport-mode transform set nor l2tp-ipsec: another kind of remote access
        lambda t: t.replace("TRANS mode transport", "TRANS mode tunnel").replace("l2tp-ipsec", "ikev1"),
    ],
)
def test_no_l2tp_over_ipsec_where_the_asa_cannot_answer_it(edit):
    dev, _rep = parse(IFACES, OUTSIDE_IN, edit(L2TP))
    assert l2tp_services(dev) == []


def test_fixture_l2tp_over_ipsec_end_to_end():
    """The district health centre's ASA 5506-X (tests/fixtures/cisco_asa/asa-l2tp-ipsec-ttyt.cfg):
    the Internet reaches IKE and L2TP over IPsec on the outside address, both VPN endpoints
    the reference policy allows — the only excess toward the firewall is ping (low), and
    udp/1701 is among the VPN-only packets; inside zones do not reach udp/1701."""
    cfg = FIXTURES / "asa-l2tp-ipsec-ttyt.cfg"
    audit = run_audit([cfg], FIXTURES / "asa-l2tp-ipsec-ttyt.site.yaml")
    assert not any(r.unrecognized for r in audit.snapshot.reports)
    cells = {(c.src, c.dst): c for c in audit.matrix}
    inet = cells[("internet", "@devices")]
    assert inet.verdict == REACHABLE
    assert {"udp/500", "udp/1701", "udp/4500"} <= set(inet.services)
    (finding,) = [f for f in audit.findings if f.check == "policy-violation" and f.zones == ["internet", "@devices"]]
    assert finding.severity == "low" and "udp/1701" not in finding.detail["en"]
    for zone in ("phongban", "his", "quantri"):
        assert "udp/1701" not in cells[(zone, "@devices")].services, zone


def test_init_drafts_the_province_behind_the_asa_tunnel(tmp_path):
    """`netaudit init` on the fixture alone: the crypto map's static entry is a tunnel, so
    the draft names the province's network (VPN-TINH's remote side) as a wan zone behind
    it (``via: tunnel``), as it does for IOS; audited with that draft, the province's
    cells are decided but its way past the access-lists to the staff (permit-vpn)."""
    from netaudit import topology, zones
    from netaudit.inputs import load_snapshot

    (tmp_path / "fw.cfg").write_text((FIXTURES / "asa-l2l-vpn-tinh.cfg").read_text())
    snap = load_snapshot([tmp_path])
    site = zones.infer_site(snap.devices, topology.build(snap.devices))
    [vpn] = [z for z in site.zones if z.via == "tunnel"]
    assert vpn.kind == "wan" and [str(n) for n in vpn.subnets] == ["10.99.0.0/16"]
    assert vpn.attach == [("SOTP-FW01", "GigabitEthernet1/1")]


def test_toward_an_interface_of_the_tunnels_own_level_the_bypass_stays_partial():
    """Whether the same-security gate stops what comes decrypted is not documented: toward
    a DMZ at outside's level 0 (no same-security-traffic) the bypass line stays partial —
    never a proven "reachable" that might be false; toward inside it is exact."""
    ifaces = IFACES.replace(" security-level 50\n", " security-level 0\n")
    assert ifaces != IFACES
    acl = "access-list VPN extended permit ip 10.1.0.0 255.255.0.0 10.9.0.0 255.255.0.0\n"
    dev, _rep = parse(
        ifaces,
        OUTSIDE_IN,
        acl,
        TUNNEL.replace("access-list VPN extended permit ip 10.1.1.0 255.255.255.0 10.9.0.0 255.255.0.0\n", ""),
    )
    by_out = {next(iter(m.out_ifaces)): ln for ln in vpn_lines(dev) for m in ln.matches}
    assert by_out[INS].partial is None
    assert "sysopt connection permit-vpn" in (by_out[DMZ_IF].partial or "")
