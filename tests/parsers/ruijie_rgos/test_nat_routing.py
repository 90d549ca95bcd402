"""Ruijie RGOS static routes and NAT (docs/vendors/ruijie_rgos.md, "Routing and NAT"):
routes read as on IOS (a port named with a space too), NAT read with the IOS syntax but
partial — its semantics on RGOS are not established here, so a flow through it is
unknown, never "blocked"."""

from __future__ import annotations

from pathlib import Path

from helpers import fixture_audit, matrix, parse_one
from netaddr import IPNetwork

from netaudit.parsers import ruijie_rgos

from .core_text import ZONES, core

EDGE = Path(__file__).resolve().parents[2] / "fixtures" / "ruijie_rgos" / "ward-edge-rsr20.cfg"


def test_routes_and_nat_name_ports_written_with_a_space():
    text = EDGE.read_text().replace(
        "ip route 0.0.0.0 0.0.0.0 203.0.113.9", "ip route 0.0.0.0 0.0.0.0 GigabitEthernet 0/0 203.0.113.9"
    )
    dev, rep = parse_one(ruijie_rgos, text, EDGE.name)
    assert not rep.unrecognized
    default = next(r for r in dev.routes if r.prefix == IPNetwork("0.0.0.0/0"))
    assert default.interface == "GigabitEthernet0/0"
    assert {r.to_interface for r in dev.nat_rules if r.kind == "source"} == {"GigabitEthernet0/0"}


def test_nat_is_partial_and_what_crosses_it_unknown(tmp_path_factory):
    dev, _ = parse_one(ruijie_rgos, EDGE.read_text(), EDGE.name)
    assert dev.nat_rules and all(r.partial for r in dev.nat_rules)
    audit = fixture_audit("ruijie_rgos", "ward-edge-rsr20", tmp_path_factory)
    cells = {(c.src, c.dst): c for c in audit.matrix}
    assert cells[("noi-bo", "internet")].verdict == "unknown"
    assert "NAT read with the IOS syntax" in str(cells[("noi-bo", "internet")].reason)


def test_an_svi_in_a_vrf_is_routed_apart_as_on_ios():
    # RGOS writes the VRF line before the address, as IOS does
    text = core("ip vrf KHACH\n").replace("interface VLAN 20\n", "interface VLAN 20\n ip vrf forwarding KHACH\n")
    dev, rep = parse_one(ruijie_rgos, text, "core.cfg")
    assert not rep.unrecognized and dev.interfaces["Vlan20"].vrf == "KHACH"
    cells, _ = matrix([dev], ZONES)
    assert cells[("guest", "staff")].verdict == "blocked"  # no route between the tables
    cells, _ = matrix([parse_one(ruijie_rgos, core(), "core.cfg")[0]], ZONES)
    assert cells[("guest", "staff")].verdict == "reachable"
