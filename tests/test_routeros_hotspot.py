"""End to end: commune offices whose citizen Wi-Fi is a MikroTik HotSpot, RouterOS v6 and
v7 exports, one compliant (the forward chain drops guest → LAN) and one leaky (no such
drop, Winbox open to the guest), each audited against its site file, with the verdicts a
reader derives by hand from the configuration and the HotSpot's dynamic rules
(docs/vendors/mikrotik_routeros.md, "HotSpot"):

* the guest reaches the Internet and, on the router, the portal only (DNS on udp/64872,
  the login pages and the proxy on tcp/64872-64875) — the gateway services the reference
  policy allows; DNS to any address is the portal's, tcp/80 and tcp/443 of the router's
  own addresses are its login pages (never the router's web administration);
* a forward drop guest → LAN is never "blocked": the portal's proxy (tcp/64874) serves
  logged-in clients' proxy requests from the router itself — unknown, naming it;
* without the drop the guest reaches the LAN (critical), whatever the login state.

Fixtures: tests/fixtures/mikrotik_routeros/hotspot-xa-*.rsc with <name>.site.yaml.
"""

from __future__ import annotations

import pytest
from helpers import EVERY_NEW_CONNECTION, FIXTURES, cells, check_cells, fixture_audit

from netaudit.policy import excess
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

ROUTEROS = FIXTURES / "mikrotik_routeros"
EVERYTHING = EVERY_NEW_CONNECTION
# What a HotSpot client surely gets through when the chains let everything pass: all but
# DNS (the portal's, whatever the destination) and the web ports whose fate depends on the
# login state (tcp/80, 443, 3128, 8080: the portal's proxy or on unchanged, each maybe).
CLIENT = [
    "icmp/8",
    "icmp/13",
    "icmp/15",
    "icmp/17",
    "tcp/0-52",
    "tcp/54-79",
    "tcp/81-442",
    "tcp/444-3127",
    "tcp/3129-8079",
    "tcp/8081-65535",
    "udp/0-52",
    "udp/54-65535",
    "proto/0",
    "proto/2-5",
    "proto/7-16",
    "proto/18-255",
]
PORTAL = ["tcp/64872-64875", "udp/64872"]


def audit(name: str, tmp_path_factory):
    return fixture_audit("mikrotik_routeros", name, tmp_path_factory)


check = check_cells


def findings(a) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(f.check, f.severity, tuple(f.zones)) for f in a.findings}


@pytest.mark.parametrize("name", ["hotspot-xa-v6", "hotspot-xa-v7"])
def test_compliant_office_guest_reaches_the_internet_and_the_portal(name, tmp_path_factory):
    a = audit(name, tmp_path_factory)
    check(
        a,
        {
            ("guest", "internet"): ("reachable", CLIENT),
            ("guest", "@devices"): ("reachable", PORTAL),  # within the policy: the portal
            ("guest", "staff"): UNKNOWN,  # forward drop, but the portal's proxy relays
            ("guest", "mgmt"): UNKNOWN,
            ("staff", "guest"): BLOCKED,  # toward a client: the forward chain as written
            ("mgmt", "guest"): BLOCKED,
            ("internet", "guest"): BLOCKED,
            ("internet", "staff"): BLOCKED,
            ("internet", "@devices"): BLOCKED,  # the portal's TCP ports: dropped off the hotspot
            ("staff", "@devices"): ("reachable", ["udp/53", "udp/67"]),
            ("staff", "internet"): ("reachable", EVERYTHING),
        },
    )
    got = cells(a)
    for dst in ("staff", "mgmt"):
        assert "hotspot-proxy" in str(got[("guest", dst)].reason)
    assert excess(a.engine.hs, got[("guest", "@devices")]) == a.engine.hs.false
    found = findings(a)
    assert not [f for f in found if f[0] in ("guest-isolation", "routeros-winbox-from-guest", "policy-violation")]
    assert ("unknown-verdict", "medium", ("guest", "staff")) in found
    rep = a.snapshot.reports[0]
    assert rep.unrecognized == []
    # the interface is understood: what is partial is the portal's web redirect only
    assert not any(i.partial for d in a.devices for i in d.interfaces.values())


@pytest.mark.parametrize("name", ["hotspot-xa-leaky-v6", "hotspot-xa-leaky-v7"])
def test_leaky_office_guest_reaches_the_lan_and_winbox(name, tmp_path_factory):
    a = audit(name, tmp_path_factory)
    check(
        a,
        {
            ("guest", "staff"): ("reachable", CLIENT),
            ("guest", "mgmt"): ("reachable", CLIENT),
            ("guest", "internet"): ("reachable", CLIENT),
            ("staff", "guest"): BLOCKED,
            ("internet", "guest"): BLOCKED,
        },
    )
    devices = cells(a)[("guest", "@devices")]
    assert devices.verdict == REACHABLE
    # Winbox through the user's input chain; the router's www (tcp/80) is not: the
    # portal takes tcp/80 of its own addresses from every client
    assert "tcp/8291" in devices.services and "tcp/80" not in devices.services
    assert set(PORTAL) <= set(devices.services)
    found = findings(a)
    assert ("guest-isolation", "critical", ("guest", "staff")) in found
    assert ("guest-isolation", "critical", ("guest", "@devices")) in found
    assert ("routeros-winbox-from-guest", "critical", ("guest",)) in found
    f = next(f for f in a.findings if f.check == "guest-isolation" and f.zones == ["guest", "staff"])
    assert f.witness["packet"]["src_ip"].startswith("10.20.")


def test_v6_bypassed_printer_and_v7_bypassed_laptop_keep_the_cells_exact(tmp_path_factory):
    """An ip-binding type=bypassed by address (v6) or by MAC (v7): only whether those
    hosts take the portal's redirects is open — the DNAT image, and with it the defconf
    "drop all from WAN not DSTNATed", stays exact."""
    for name in ("hotspot-xa-v6", "hotspot-xa-v7", "hotspot-xa-leaky-v7"):
        got = cells(audit(name, tmp_path_factory))
        assert got[("internet", "staff")].verdict == BLOCKED, name
        assert got[("guest", "internet")].verdict == REACHABLE, name
