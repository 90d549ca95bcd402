"""Cisco IOS L2TP and PPTP servers (VPDN): the services a ``vpdn-group`` accepting
tunnels opens (netaudit/parsers/cisco_ios/vpdn.py; docs/vendors/cisco_ios.md, "L2TP and
PPTP servers").  Before, ``vpdn`` and ``vpdn-group`` blocks were ignored whole: the
router's L2TP and PPTP ports were no service, so the Internet reaching them was no
finding."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import cells, parse_one

from netaudit.audit import run_audit
from netaudit.model import PROTO_TCP, PROTO_UDP, VPN_ENDPOINTS, PortRange
from netaudit.parsers import cisco_ios
from netaudit.reach import REACHABLE, UNKNOWN

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cisco_ios"
L2TP, PPTP = (PROTO_UDP, (PortRange(1701, 1701),)), (PROTO_TCP, (PortRange(1723, 1723),))

HEAD = """\
version 15.4
hostname RT
!
interface GigabitEthernet0/0
 ip address 198.51.100.2 255.255.255.252
!
interface GigabitEthernet0/1
 ip address 10.1.1.1 255.255.255.0
!
"""
LNS = """\
vpdn enable
!
vpdn-group L2TP
 accept-dialin
  protocol l2tp
  virtual-template 1
 no l2tp tunnel authentication
"""


def parse(*parts: str):
    return parse_one(cisco_ios, HEAD + "".join(textwrap.dedent(p) for p in parts), "rt.cfg")


def vpdn_services(dev) -> dict[str, list]:
    out: dict[str, list] = {}
    for s in dev.services:
        if s.name in ("l2tp", "pptp", "l2f", "l2tp-ipsec"):
            out.setdefault(s.name, []).append(s)
    return out


# --------------------------------------------------------------------------- the fixtures


def test_ward_fixture_l2tp_and_pptp_servers():
    """The ward ISR: `protocol l2tp` and `protocol pptp` are services on every interface,
    cited at their lines, certain; IPsec protecting L2TP does not make it `l2tp-ipsec`
    (IOS takes L2TP in clear too: the interface ACLs decide); every line read."""
    cfg = FIXTURES / "ward-l2tp-lns.cfg"
    dev, rep = parse_one(cisco_ios, cfg.read_text(), cfg.name)
    assert rep.unrecognized == []
    got = vpdn_services(dev)
    assert sorted(got) == ["l2tp", "pptp"]
    (l2tp,), (pptp,) = got["l2tp"], got["pptp"]
    assert ((l2tp.protocol, l2tp.ports), (pptp.protocol, pptp.ports)) == (L2TP, PPTP)
    assert (l2tp.source.text, pptp.source.text) == ("protocol l2tp", "protocol pptp")
    for svc in (l2tp, pptp):
        assert svc.partial is None and svc.interfaces is None and svc.acl is None
        assert svc.name not in VPN_ENDPOINTS
    assert [s.name for s in dev.services].count("ike") == 1  # unchanged: the crypto map applies IPsec


def test_ward_fixture_audit():
    """The LAN reaches the router's L2TP and PPTP ports (its gateway address); from the
    Internet the crypto map on the WAN port keeps the cell unknown, as before, now with
    L2TP and PPTP among what may be delivered."""
    audit = run_audit([FIXTURES / "ward-l2tp-lns.cfg"], FIXTURES / "ward-l2tp-lns.site.yaml")
    got = cells(audit)
    lan = got[("canbo", "@devices")]
    assert lan.verdict == REACHABLE
    assert {"udp/1701", "tcp/1723"} <= set(lan.services)
    inet = got[("internet", "@devices")]
    assert inet.verdict == UNKNOWN
    assert "crypto map" in inet.reason.render("en")
    assert {"udp/500", "udp/1701", "tcp/1723"} <= set(inet.services)


def test_commune_fixture_cleartext_servers_are_a_high_finding(tmp_path):
    """The commune 1841 (`protocol any`, no IPsec, its Internet ACL letting udp/1701 and
    tcp/1723 in): the Internet reaches L2TP and PPTP on the router — a policy violation,
    high (no administration port: not critical).  Guard: with the ACL's lines letting them
    in gone — its `permit udp any eq domain any` too, which admits udp/1701 from source
    port 53 — the same servers are unreachable from the Internet, still reachable from the
    LAN."""
    cfg, site = FIXTURES / "commune-pptp-lns.cfg", FIXTURES / "commune-pptp-lns.site.yaml"
    dev, rep = parse_one(cisco_ios, cfg.read_text(), cfg.name)
    assert rep.unrecognized == []
    got = vpdn_services(dev)
    assert sorted(got) == ["l2tp", "pptp"]  # `protocol any`; `request-dialin` / `protocol pppoe` opens none
    assert {s.source.text for v in got.values() for s in v} == {"protocol any"}

    audit = run_audit([cfg], site)
    inet = cells(audit)[("internet", "@devices")]
    assert inet.verdict == REACHABLE
    assert {"udp/1701", "tcp/1723"} <= set(inet.services)
    (finding,) = [f for f in audit.findings if f.check == "policy-violation" and f.zones == ["internet", "@devices"]]
    assert finding.severity == "high"
    assert "tcp/1723" in finding.detail["en"] and "udp/1701" in finding.detail["en"]

    closed = tmp_path / cfg.name
    text = cfg.read_text()
    for line in (" permit tcp any any eq 1723\n", " permit udp any any eq 1701\n", " permit udp any eq domain any\n"):
        assert line in text
        text = text.replace(line, "")
    closed.write_text(text)
    audit = run_audit([closed], site)
    inet = cells(audit)[("internet", "@devices")]
    assert not {"udp/1701", "tcp/1723"} & set(inet.services)
    assert cells(audit)[("lan", "@devices")].verdict == REACHABLE
    assert {"udp/1701", "tcp/1723"} <= set(cells(audit)[("lan", "@devices")].services)


# --------------------------------------------------------------------------- the lines


@pytest.mark.parametrize(
    ("group", "want"),
    [
        (LNS, {"l2tp": L2TP}),
        (LNS.replace("protocol l2tp", "protocol pptp"), {"pptp": PPTP}),
        (LNS.replace("protocol l2tp", "protocol any"), {"l2tp": L2TP, "pptp": PPTP}),
        (LNS.replace("protocol l2tp", "protocol l2f"), {"l2f": L2TP}),
        # the 12.0 one-line forms, still accepted and shown by old releases
        ("vpdn enable\nvpdn-group 1\n accept dialin l2tp virtual-template 10 remote HOSLAC\n", {"l2tp": L2TP}),
        ("vpdn enable\nvpdn-group 1\n accept-dialin l2tp virtual-template 1\n", {"l2tp": L2TP}),
        # LAC / dial-out / PPPoE: IOS opens the tunnels, answers none
        ("vpdn enable\nvpdn-group pppoe\n request-dialin\n  protocol pppoe\n", {}),
        (
            "vpdn enable\nvpdn-group LAC\n request-dialin\n  protocol l2tp\n  domain x.vn\n initiate-to ip 192.0.2.9\n",
            {},
        ),
        ("vpdn enable\nvpdn-group PPPOE-SRV\n accept-dialin\n  protocol pppoe\n  virtual-template 1\n", {}),
        # switched off
        (LNS.replace("vpdn enable", "no vpdn enable"), {}),
    ],
)
def test_services_of_a_group(group, want):
    dev, rep = parse(group)
    assert rep.unrecognized == []
    got = {n: (s.protocol, s.ports) for n, (s,) in vpdn_services(dev).items()}
    assert got == want
    assert all(s.partial is None for v in vpdn_services(dev).values() for s in v)


@pytest.mark.parametrize(
    ("group", "why"),
    [
        (LNS.replace("vpdn enable\n", ""), "no `vpdn enable`"),
        (LNS + " vpn vrf KHACH\n", "VRF"),
        (LNS + " l2tp security crypto-profile L2TP keep-sa\n", "cleartext L2TP is not modelled"),
        (LNS + "vpdn softshut\n", "softshut"),
        ("vpdn enable\nvpdn-template\n vpn vrf KHACH\n!\n" + LNS.replace("vpdn enable\n", ""), "vpdn-template"),
    ],
)
def test_lines_not_modelled_make_the_services_partial(group, why):
    """What is not modelled makes the services partial (a cell only they reach is
    unknown, never blocked) and is listed, never dropped."""
    dev, rep = parse(group)
    (svc,) = vpdn_services(dev)["l2tp"]
    assert svc.partial is not None and why in svc.partial
    assert any(why in p["reason"] for p in rep.partially_understood)


def test_an_unknown_line_of_a_group_is_counted_and_makes_its_services_partial():
    dev, rep = parse(LNS + " l2tp frobnicate 7\n")
    assert [u.text for u in rep.unrecognized] == ["l2tp frobnicate 7"]
    (svc,) = vpdn_services(dev)["l2tp"]
    assert "not understood" in svc.partial


def test_an_unknown_protocol_leaves_both_servers_partial():
    dev, rep = parse(LNS.replace("protocol l2tp", "protocol l2tpv9"))
    assert [u.text for u in rep.unrecognized] == ["protocol l2tpv9"]
    got = vpdn_services(dev)
    assert sorted(got) == ["l2tp", "pptp"]
    assert all("not read" in s.partial for v in got.values() for s in v)


def test_the_tunnel_password_is_a_secret_and_other_groups_are_unchanged():
    """``l2tp tunnel password`` is masked like any secret; a group's lines do not leak
    into the next block (the interface after it keeps its address)."""
    dev, rep = parse(
        LNS + " l2tp tunnel password 0 Hoa@Binh2024\n",
        "!\ninterface Loopback0\n ip address 10.255.0.1 255.255.255.255\n",
    )
    assert "Hoa@Binh2024" in {s for v in dev.secret_lines.values() for s in v}
    assert [str(a) for a in dev.interfaces["Loopback0"].addresses] == ["10.255.0.1/32"]
    assert rep.unrecognized == []


def test_deindented_group():
    """A config exported without indentation: the group's lines at column 0 are still its own."""
    dev, rep = parse("vpdn enable\nvpdn-group L2TP\naccept-dialin\nprotocol pptp\nvirtual-template 1\n")
    assert rep.unrecognized == []
    assert sorted(vpdn_services(dev)) == ["pptp"]
