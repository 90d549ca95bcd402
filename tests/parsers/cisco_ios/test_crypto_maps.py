"""Cisco IOS crypto maps: a static site-to-site tunnel makes uncertain only the traffic it
can carry (netaudit/parsers/cisco_ios/crypto_maps.py; docs/vendors/cisco_ios.md, "Crypto
maps").  Before, any ``crypto map`` on an interface made the interface partial: every
cell through the WAN of a router with a VPN to the province was unknown (the LAN to the
Internet, the Internet to the router), and what the tunnel brings in was "blocked" by the
WAN ACL, which IOS does not apply to decrypted packets."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import cells, parse_one

from netaudit.audit import run_audit
from netaudit.model import Action
from netaudit.parsers import cisco_ios
from netaudit.parsers.cisco_ios.crypto_maps import mirror_filter
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN
from netaudit.trace import trace

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cisco_ios"
CFG, SITE = FIXTURES / "commune-s2s-vpn.cfg", FIXTURES / "commune-s2s-vpn.site.yaml"
WAN = "GigabitEthernet0/0/0"
ENTRY = "crypto map VPN 10 ipsec-isakmp"


def parse(text: str):
    return parse_one(cisco_ios, text, CFG.name)


def audit_of(tmp_path, text: str | None = None):
    """The cells of the fixture, or of ``text`` in its place (same site file)."""
    return cells(run_audit([CFG if text is None else write(tmp_path, text)], SITE))


def write(tmp_path, text: str) -> Path:
    cfg = tmp_path / CFG.name
    cfg.write_text(text)
    return cfg


def edited(old: str, new: str) -> str:
    text = CFG.read_text()
    assert old in text, old
    return text.replace(old, new)


def test_fixture_static_crypto_map_is_a_tunnel_not_a_partial_interface():
    dev, rep = parse(CFG.read_text())
    assert rep.unrecognized == []
    wan = dev.interfaces[WAN]
    assert wan.partial is None
    (t,) = wan.ipsec_tunnels
    assert (t.encrypts, t.peers, t.label) == ("110", ["203.113.135.20"], "crypto map VPN 10")
    assert t.source.text == ENTRY and t.source.line == 94
    mirror = dev.filters[t.decrypts]
    assert mirror.kind == "synthesized" and [ln.source.line for ln in mirror.lines] == [179]
    (m,) = mirror.lines[0].matches
    (acl,) = dev.filters["110"].lines[0].matches
    assert (m.src, m.dst) == (acl.dst, acl.src) and acl.dst[0].value == 0x0A640000  # 10.100.0.0
    assert [p["construct"] for p in rep.partially_understood] == ["crypto map VPN 10"]
    assert "AnBinh@Tinh2024" in dev.secrets


def test_fixture_cells_the_tunnel_does_not_carry_are_exact(tmp_path):
    """The LAN to the Internet and the Internet to the router were unknown only because
    of the crypto map: now reachable, exact (NAT overload; the peer's IKE)."""
    got = audit_of(tmp_path)
    out = got[("canbo", "internet")]
    assert out.verdict == REACHABLE and not out.maybe_services, out.maybe_reason
    dev = got[("internet", "@devices")]
    assert dev.verdict == REACHABLE and dev.services == ["udp/500", "udp/4500"]
    assert not dev.maybe_services
    # guards: what the WAN ACL and the guest ACL decide stays decided
    for pair in (("internet", "canbo"), ("internet", "khach"), ("khach", "canbo"), ("khach", "tinh")):
        assert got[pair].verdict == BLOCKED, pair
    assert got[("khach", "internet")].verdict == REACHABLE


def test_fixture_tunnel_cells_are_unknown_with_the_crypto_map_line(tmp_path):
    """The province declared on the WAN segment (``via: segment``, the only placement a
    site file had before ``via: tunnel``): toward it the packets go into the tunnel —
    unknown, the entry named, never "reachable" on faith.  From it: decrypted packets
    pass without the WAN ACL (IOS 12.3(8)T and later), so not "blocked" but unknown."""
    got = cells(run_audit([CFG], on_the_segment(tmp_path)))
    for dst in ("canbo", "@devices"):
        cell = got[("tinh", dst)]
        assert cell.verdict == UNKNOWN, dst
        assert "decrypted" in cell.reason.render("en") and ENTRY in cell.reason.render("en")
    to_tinh = got[("canbo", "tinh")]
    assert to_tinh.verdict == UNKNOWN
    why = to_tinh.reason.render("en")
    assert ENTRY in why and "commune-s2s-vpn.cfg:94" in why and "203.113.135.20" in why and "ACL 110" in why
    assert got[("tinh", "khach")].verdict == BLOCKED  # outside the mirror: the WAN ACL decides
    assert "crypto map" in got[("tinh", "canbo")].reason.render("vi")


def on_the_segment(tmp_path) -> Path:
    """The fixture's site file with the province on the WAN segment (no ``via: tunnel``)."""
    text = SITE.read_text()
    assert "    via: tunnel" in text
    site = tmp_path / "segment.site.yaml"
    site.write_text(text.replace("    via: tunnel", "    via: segment"))
    return site


def test_a_crypto_acl_covering_everything_keeps_the_cells_unknown(tmp_path):
    """Guard: ``permit ip any any`` sends every packet leaving the WAN into the tunnel
    and lets any source come back decrypted: the cells through the WAN stay unknown,
    the entry named."""
    got = audit_of(
        tmp_path,
        edited(
            "access-list 110 permit ip 10.10.0.0 0.0.255.255 10.100.0.0 0.0.255.255",
            "access-list 110 permit ip any any",
        ),
    )
    for pair in (("canbo", "internet"), ("khach", "internet"), ("internet", "canbo")):
        assert got[pair].verdict == UNKNOWN, pair
        assert "crypto map VPN 10" in got[pair].reason.render("en"), pair
    assert got[("internet", "@devices")].verdict == UNKNOWN
    # the province is behind the tunnel (via: tunnel): what goes into it reaches it
    assert got[("canbo", "tinh")].verdict == REACHABLE


def test_nat_comes_before_the_crypto_map(tmp_path):
    """IOS translates inside to outside before it checks the crypto map ("NAT Order of
    Operation"): with ``permit ip <LAN> any`` as crypto ACL, what NAT overload translates
    (everything but the province, which NAT-LAN denies) no longer has a LAN source and
    leaves in clear — the LAN still reaches the Internet; the province's traffic goes into
    the tunnel (reaching the province behind it), and whatever may come back from any
    source on the segment is the tunnel's (unknown)."""
    got = audit_of(
        tmp_path,
        edited(
            "access-list 110 permit ip 10.10.0.0 0.0.255.255 10.100.0.0 0.0.255.255",
            "access-list 110 permit ip 10.10.0.0 0.0.255.255 any",
        ),
    )
    assert got[("canbo", "internet")].verdict == REACHABLE
    assert got[("internet", "canbo")].verdict == UNKNOWN
    for pair in (("canbo", "tinh"), ("tinh", "canbo")):
        assert got[pair].verdict == REACHABLE, pair


def test_the_second_entry_takes_what_the_first_denies(tmp_path):
    """First entry by sequence number; a ``deny`` there means "not this entry": the
    packet is tried against the next one.  A host the first entry denies goes into the
    second tunnel (its own peer named); nothing stays in clear: the province, behind the
    interface's tunnels, is reached through either."""
    text = edited(
        " match address 110\n!\n",
        " match address 110\n!\ncrypto map VPN 20 ipsec-isakmp\n set peer 203.113.135.21\n set transform-set TS\n"
        " match address 120\n!\n",
    )
    text = text.replace(
        "access-list 110 permit ip",
        "access-list 110 deny   ip 10.10.10.0 0.0.0.255 host 10.100.1.10\naccess-list 110 permit ip",
    )
    text = text.replace(
        "!\ncontrol-plane", "access-list 120 permit ip 10.10.10.0 0.0.0.255 10.100.1.0 0.0.0.255\n!\ncontrol-plane"
    )
    dev, rep = parse(text)
    assert rep.unrecognized == []
    assert [t.label for t in dev.interfaces[WAN].ipsec_tunnels] == ["crypto map VPN 10", "crypto map VPN 20"]
    cfg = write(tmp_path, text)
    got = cells(run_audit([cfg], SITE))
    assert got[("canbo", "tinh")].verdict == REACHABLE and not got[("canbo", "tinh")].maybe_services
    assert got[("canbo", "internet")].verdict == REACHABLE
    flow = trace([cfg], SITE, "canbo", "10.100.1.10", "ip")
    assert flow["verdict"] == "reachable" and not flow["unknown"]
    (hop,) = flow["delivered"][0]["witness"]["hops"]
    assert [r["line"] for r in hop["rules"]][-1] == text.splitlines().index("crypto map VPN 20 ipsec-isakmp") + 1
    assert "203.113.135.21" in hop["note"].render("en")


@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        (" match address 110\n", " match address 110\n reverse-route static\n", "reverse-route static"),
        (" set pfs group14\n", " set pfs group14\n set isakmp-profile TINH\n", "set isakmp-profile TINH"),
        (
            " match address 110\n",
            " match address 110\n!\ncrypto map VPN 65535 ipsec-isakmp dynamic DYN\n",
            "65535 is dynamic",
        ),
        ("crypto map VPN 10 ipsec-isakmp\n", "crypto map VPN 10 gdoi\n", "gdoi not modelled"),
        (" set peer 203.113.135.20\n", "", "no set peer"),
        (" match address 110\n", "", "no match address"),
        (" match address 110\n", " match address 130\n", "130 is not defined"),
        (
            "access-list 110 permit ip 10.10.0.0 0.0.255.255 10.100.0.0 0.0.255.255",
            "access-list 110 permit gre host 113.160.20.18 host 203.113.135.20",
            "GRE over IPsec",
        ),
        (
            "access-list 110 permit ip 10.10.0.0 0.0.255.255 10.100.0.0 0.0.255.255",
            "access-list 110 permit ip object-group LAN 10.100.0.0 0.0.255.255",
            "not fully understood",
        ),
        (
            "access-list 110 permit ip 10.10.0.0 0.0.255.255 10.100.0.0 0.0.255.255",
            "access-list 110 permit ip 10.10.0.0 0.0.255.255 10.100.0.0 0.0.255.255 time-range GIO-HC",
            "not fully understood",
        ),
        (" crypto map VPN\n", " crypto map VPN redundancy HSRP-WAN\n", "redundancy"),
    ],
)
def test_what_the_model_does_not_follow_keeps_the_interface_partial(tmp_path, old, new, why):
    """Fail closed: dynamic or GDOI entries, reverse-route, profiles,
    GRE over IPsec, a crypto ACL not fully read, an incomplete entry, redundancy — the
    interface stays partial as before, so nothing through it is decided."""
    text = edited(old, new)
    dev, _rep = parse(text)
    wan = dev.interfaces[WAN]
    assert wan.ipsec_tunnels == []
    assert wan.partial is not None and why in wan.partial, wan.partial
    got = audit_of(tmp_path, text)
    assert got[("canbo", "internet")].verdict == UNKNOWN
    # the province is behind tunnels no longer modelled: never "blocked" (before, the WAN
    # ACL, which IOS does not apply to decrypted packets, read tinh -> canbo "blocked")
    for pair in (("tinh", "canbo"), ("tinh", "@devices"), ("canbo", "tinh"), ("internet", "tinh")):
        assert got[pair].verdict == UNKNOWN, pair
    assert why in got[("tinh", "canbo")].reason.render("en")


def test_local_address_keeps_the_tunnel(tmp_path):
    """``crypto map VPN local-address IF`` only picks the address IKE and the tunnels use
    as their own (a dual-WAN router's loopback): the model follows neither, so the tunnel
    is read as without it — it made the interface partial, every verdict through it
    unknown (found on real dual-WAN exports in the Cisco sweep)."""
    text = edited(
        "crypto map VPN 10 ipsec-isakmp\n",
        "crypto map VPN local-address GigabitEthernet0/0/0\ncrypto map VPN 10 ipsec-isakmp\n",
    )
    dev, rep = parse(text)
    wan = dev.interfaces[WAN]
    assert wan.partial is None and [t.label for t in wan.ipsec_tunnels] == ["crypto map VPN 10"]
    assert rep.unrecognized == []
    got = audit_of(tmp_path, text)
    assert got[("canbo", "internet")].verdict == REACHABLE


def test_mirror_swaps_addresses_and_ports_and_drops_a_deny_it_would_widen():
    """The mirror of ``deny icmp A B echo`` would be every ICMP from B to A (a reply's
    type differs): as a deny it would take too much, so it is left out (more maybe)."""
    dev, _rep = parse(
        "hostname R\n"
        "ip access-list extended C\n"
        " deny   icmp 10.1.0.0 0.0.255.255 10.9.0.0 0.0.255.255 echo\n"
        " deny   tcp 10.1.0.0 0.0.255.255 eq 8080 10.9.0.0 0.0.255.255 eq www\n"
        " permit ip 10.1.0.0 0.0.255.255 10.9.0.0 0.0.255.255\n"
    )
    mirror = mirror_filter("m", dev.filters["C"], dev.filters["C"].lines[0].source)
    assert [(ln.action, ln.source.line) for ln in mirror.lines] == [(Action.DENY, 4), (Action.PERMIT, 5)]
    (m,) = mirror.lines[0].matches
    (orig,) = dev.filters["C"].lines[1].matches
    assert (m.src, m.dst) == (orig.dst, orig.src)
    assert (m.src_ports[0].lo, m.dst_ports[0].lo) == (80, 8080)
