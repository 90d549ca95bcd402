"""A zone behind an interface's IPsec tunnels (site ``via: tunnel``; netaudit/reach/ipsec.py,
docs/semantics.md, "A zone behind a tunnel").

Before, the only place a site file could put the provincial data centre reached through
the commune router's crypto map was the WAN port, beside the Internet: the two zones
shared the ISP segment, so internet -> tinh and tinh -> internet read "reachable" (two
high violations) while the province's hosts are behind the tunnel; and the cells through
the tunnel stayed unknown, since nothing said which zone was behind it.  Fixture:
tests/fixtures/cisco_ios/commune-s2s-vpn.cfg and its site file."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import cells
from netaddr import IPNetwork

from netaudit.audit import run_audit
from netaudit.headerspace import service_match
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN
from netaudit.trace import trace

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "cisco_ios"
CFG, SITE = FIXTURES / "commune-s2s-vpn.cfg", FIXTURES / "commune-s2s-vpn.site.yaml"
ACL_110 = "access-list 110 permit ip 10.10.0.0 0.0.255.255 10.100.0.0 0.0.255.255"


def edited(tmp_path, *cfg: tuple[str, str], site: tuple[str, str] | None = None) -> tuple[Path, Path]:
    """The fixture with replacements in its config and/or one in its site file."""
    out = []
    for path, changes in ((CFG, cfg), (SITE, (site,) if site else ())):
        text = path.read_text()
        for old, new in changes:
            assert old in text, old
            text = text.replace(old, new)
        out.append(tmp_path / path.name)
        out[-1].write_text(text)
    return out[0], out[1]


def within(audit, u, dst: str | None = None, src: str | None = None) -> bool:
    """Whether every packet of ``u`` has its destination (source) in the prefix."""
    hs = audit.engine.hs
    box = hs.true
    if dst:
        box &= hs.prefix("dst_ip", IPNetwork(dst))
    if src:
        box &= hs.dst_to_src(hs.prefix("dst_ip", IPNetwork(src)))
    return hs.within(u, box)


def test_the_internet_and_the_province_behind_the_tunnel_do_not_share_the_isp_segment():
    audit = run_audit([CFG], SITE)
    got = cells(audit)
    assert got[("internet", "tinh")].verdict == BLOCKED
    # What tinh -> internet still delivers is the crypto ACL's local range no zone owns
    # (10.10.0.0/16 but canbo's /24), which the default route sends back out in clear:
    # never a public address (before: every address, over the shared segment).
    out = got[("tinh", "internet")]
    assert out.verdict == REACHABLE and within(audit, out.delivered, dst="10.10.0.0/16")
    assert not any(f.check == "policy-violation" and f.zones[:2] == ["internet", "tinh"] for f in audit.findings)
    assert not any("tinh" in str(w) and "share one segment" in str(w) for w in audit.warnings)


def test_through_the_tunnel_the_cells_are_exact():
    """canbo -> tinh: into the tunnel (ACL 110), delivered; tinh -> canbo: decrypted out
    of it past WAN-IN (which would drop them in clear), delivered; both with no maybe
    part and the crypto map entry in the witness."""
    audit = run_audit([CFG], SITE)
    got = cells(audit)
    to_tinh, from_tinh = got[("canbo", "tinh")], got[("tinh", "canbo")]
    for cell in (to_tinh, from_tinh):
        assert cell.verdict == REACHABLE and cell.services == ["ip"], cell
        assert not cell.maybe_services
        rules = [r for hop in cell.witness.to_json()["hops"] for r in hop["rules"]]
        assert {"line": 94, "text": "crypto map VPN 10 ipsec-isakmp"}.items() <= next(
            r for r in rules if r["line"] == 94
        ).items()
    assert within(audit, to_tinh.delivered, dst="10.100.0.0/16")
    assert within(audit, from_tinh.delivered, src="10.100.0.0/16", dst="10.10.10.0/24")
    # guards: the guest ACL and the crypto ACL's mirror decide the guest's cells
    assert got[("khach", "tinh")].verdict == BLOCKED
    assert got[("tinh", "khach")].verdict == BLOCKED
    # the province's admins (vty access-class QUANTRI: 10.100.5.0/24) reach SSH on the
    # router's LAN address through the tunnel — a wan zone may not (a true finding)
    dev = got[("tinh", "@devices")]
    assert dev.verdict == REACHABLE and "tcp/22" in dev.services
    assert within(audit, dev.delivered & audit.engine.hs.match(service_match("tcp/22")), src="10.100.5.0/24")


def test_a_narrower_crypto_acl_is_all_the_tunnel_carries(tmp_path):
    """The zone owns 10.100.0.0/16, the tunnel carries 10.100.1.0/24: only that, both ways."""
    cfg, site = edited(tmp_path, (ACL_110, ACL_110.replace("10.100.0.0 0.0.255.255", "10.100.1.0 0.0.0.255")))
    audit = run_audit([cfg], site)
    got = cells(audit)
    assert got[("canbo", "tinh")].verdict == REACHABLE
    assert within(audit, got[("canbo", "tinh")].delivered, dst="10.100.1.0/24")
    assert within(audit, got[("tinh", "canbo")].delivered, src="10.100.1.0/24")
    assert "tcp/22" not in got[("tinh", "@devices")].services  # QUANTRI's 10.100.5.0/24 is not carried


@pytest.mark.parametrize(
    ("change", "gap"),
    [
        # no crypto map on the port: nothing models a tunnel there
        ((" negotiation auto\n crypto map VPN\n", " negotiation auto\n"), "no static IPsec tunnel of"),
        # a crypto map not read whole (a dynamic entry): the interface is partial
        (
            (" match address 110\n", " match address 110\n!\ncrypto map VPN 65535 ipsec-isakmp dynamic DYN\n"),
            "65535 is dynamic",
        ),
    ],
)
def test_a_zone_behind_tunnels_not_modelled_is_unknown_never_blocked(tmp_path, change, gap):
    cfg, site = edited(tmp_path, change)
    audit = run_audit([cfg], site)
    got = cells(audit)
    tinh = {pair: c for pair, c in got.items() if "tinh" in pair}
    assert len(tinh) == 7
    for pair, cell in tinh.items():
        assert cell.verdict == UNKNOWN, pair
        assert gap in cell.reason.render("en"), pair
    said = [str(w) for w in audit.warnings if "tinh" in str(w)]
    assert any(gap in w and "every cell from and to this zone is unknown" in w for w in said), said
    # guard: the cells between the other zones keep their verdicts
    assert got[("khach", "canbo")].verdict == BLOCKED and got[("internet", "canbo")].verdict != REACHABLE
    flow = trace([cfg], site, "canbo", "tinh", "ip")
    assert flow["verdict"] == "unknown"


def test_public_addresses_behind_a_tunnel_may_be_reached_in_clear(tmp_path):
    """A zone behind a tunnel that owns public addresses: the Internet routes to them
    in clear as well, which the snapshot does not see — internet -> tinh unknown, not
    "blocked"; the tunnel's own cells stay exact."""
    public = "203.113.140.0"
    cfg, site = edited(
        tmp_path,
        (ACL_110, ACL_110.replace("10.100.0.0 0.0.255.255", f"{public} 0.0.0.255")),
        (
            "deny   ip 10.10.0.0 0.0.255.255 10.100.0.0 0.0.255.255",
            f"deny   ip 10.10.0.0 0.0.255.255 {public} 0.0.0.255",
        ),
        site=("subnets: [10.100.0.0/16]", f"subnets: [{public}/24]"),
    )
    got = cells(run_audit([cfg], site))
    cell = got[("internet", "tinh")]
    assert cell.verdict == UNKNOWN
    assert "owns addresses that are not private (RFC 1918)" in cell.reason.render("en")
    assert got[("canbo", "tinh")].verdict == REACHABLE


def test_a_shut_port_leads_to_no_tunnel(tmp_path):
    cfg, site = edited(
        tmp_path,
        site=(
            "    via: tunnel",
            "    via: tunnel\n  tinh2: {kind: wan, subnets: [10.200.0.0/16], "
            'attach: ["UBND-XA-ANBINH-RT:GigabitEthernet0/0/2"], via: tunnel}',
        ),
    )
    audit = run_audit([cfg], site)
    got = cells(audit)
    assert got[("canbo", "tinh2")].verdict == UNKNOWN
    assert "GigabitEthernet0/0/2 is shut down" in got[("canbo", "tinh2")].reason.render("en")


def test_into_the_tunnel_only_what_the_selector_surely_takes_is_surely_delivered():
    """A crypto ACL line the model reads as partial (here made so after parsing: the IOS
    parser leaves such a map partial as a whole) may leave a packet in clear, toward the
    ISP: what only that line selects reaches the zone behind the tunnel *maybe*, with the
    line as reason — never "reachable" on faith."""

    def selector_partial(snap):
        dev = next(d for d in snap.devices if "110" in d.filters)
        dev.filters["110"].lines[0].partial = "time-range not modelled"

    audit = run_audit([CFG], SITE, on_snapshot=selector_partial)
    got = cells(audit)
    to_tinh = got[("canbo", "tinh")]
    assert to_tinh.verdict == UNKNOWN, to_tinh
    assert "110" in to_tinh.reason.render("en")
    assert got[("tinh", "canbo")].verdict == REACHABLE  # the mirror is its own filter: unchanged


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "(through its IPsec tunnels)"), ("vi", "(qua đường hầm IPsec)")],
)
def test_the_terminal_says_where_the_zone_behind_tunnels_is(lang, said):
    """The zones list of the terminal summary names the interface whose tunnels lead to
    the zone (the HTML report's scope says it too): otherwise the province read as a zone
    with no place at all."""
    from netaudit.report import RenderOptions
    from netaudit.report.text import render

    out = render(run_audit([CFG], SITE), RenderOptions(lang=lang))
    assert f"@ UBND-XA-ANBINH-RT:GigabitEthernet0/0/0 {said}" in out
