"""Ruijie RGOS guest Wi-Fi (netaudit/parsers/ruijie_rgos/wireless.py; docs/vendors/ruijie_rgos.md,
"Wireless and web authentication"): which VLAN an SSID lands in (``netaudit init`` drafts
the guest zone from it), and a portal makes that VLAN's SVI partial."""

from __future__ import annotations

from pathlib import Path

from helpers import matrix, parse_one
from netaddr import IPNetwork

from netaudit.parsers import ruijie_rgos
from netaudit.zones import Zone, infer

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "ruijie_rgos" / "ac-ws6008-guest.cfg"


def test_ssids_land_in_the_vlans_their_wlan_maps_to():
    dev, rep = parse_one(ruijie_rgos, FIXTURE.read_text(), FIXTURE.name)
    assert not rep.unrecognized
    assert [(s.name, s.vlan, s.open_auth) for s in dev.ssids] == [("UBND-NoiBo", 10, False), ("UBND-Khach", 20, None)]
    assert dev.facts.ssids == {1: "UBND-NoiBo", 2: "UBND-Khach"}


def test_init_drafts_the_guest_zone_from_the_ssid():
    dev, _ = parse_one(ruijie_rgos, FIXTURE.read_text(), FIXTURE.name)
    # The SVI's description says "khach" too: take it away, the SSID alone must do
    dev.interfaces["Vlan20"].description = ""
    from netaudit import topology

    site = infer.infer_site([dev], topology.build([dev], []))
    guest = [z for z in site.zones if z.kind == "guest"]
    assert guest and IPNetwork("10.40.20.0/24") in guest[0].subnets


def test_a_portal_ssid_is_unknown_never_blocked():
    dev, _ = parse_one(ruijie_rgos, FIXTURE.read_text(), FIXTURE.name)
    zones = [
        Zone("staff", "internal", [IPNetwork("10.40.10.0/24")], vlans=[("AC-UBND-HUYEN", 10)]),
        Zone("guest", "guest", [IPNetwork("10.40.20.0/24")], vlans=[("AC-UBND-HUYEN", 20)]),
    ]
    cells, _ = matrix([dev], zones)
    assert cells[("guest", "staff")].verdict == "unknown"
    assert "web authentication" in str(cells[("guest", "staff")].reason)
    # without the portal the same SSID is routed like any VLAN: the portal made it unknown
    dev2, _ = parse_one(ruijie_rgos, FIXTURE.read_text().replace(" webauth\n", ""), FIXTURE.name)
    cells2, _ = matrix([dev2], zones)
    assert cells2[("guest", "staff")].verdict == "reachable"
