"""The IOS and route-state parsers against public configs nobody on this project wrote.

Corpus: ../shared/corpus (Batfish example network, Stanford backbone).  Run with ``-s``
to see the per-file coverage table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from netaddr import IPAddress, IPNetwork

from netaudit.model import L2Mode
from netaudit.parsers import cisco_ios, state_routes

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
BATFISH = CORPUS / "batfish-example" / "configs"
STANFORD = CORPUS / "stanford-backbone"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")

CONFIGS = sorted(BATFISH.glob("*.cfg")) + sorted(STANFORD.glob("*_config.txt")) if CORPUS.is_dir() else []
ROUTES = sorted(STANFORD.glob("*_route.txt")) if CORPUS.is_dir() else []

_cache: dict[Path, object] = {}


def parsed(path: Path):
    if path not in _cache:
        _cache[path] = cisco_ios.parse(path.read_text(), path.name)
    return _cache[path]


def test_corpus_present():
    assert len(CONFIGS) == 29 and len(ROUTES) == 12


@pytest.mark.parametrize("path", CONFIGS, ids=lambda p: p.name)
def test_config_parses_detects_and_is_covered(path):
    text = path.read_text()
    score = cisco_ios.detect(text)
    assert score >= 80
    assert state_routes.detect(text) < 20 < score
    res = parsed(path)
    assert len(res.devices) == 1
    rep = res.report
    assert rep.lines > 0 and rep.devices == [res.devices[0].hostname]
    assert len(rep.unrecognized) < 0.05 * rep.lines
    assert not any("line not understood (" in w for w in rep.warnings)


def test_coverage_table():
    """Per-file coverage (shown with ``pytest -s``)."""
    rows = []
    for path in CONFIGS:
        rep = parsed(path).report
        rows.append((path.name, rep.lines, rep.ignored, len(rep.unrecognized), len(rep.partially_understood)))
    print(f"\n{'file':28} {'lines':>6} {'ignored':>8} {'unrec':>6} {'partial':>8}")
    for name, lines, ign, unrec, part in rows:
        print(f"{name:28} {lines:6} {ign:8} {unrec:6} {part:8}  {100 * (1 - unrec / lines):6.2f}% understood")
    assert sum(r[3] for r in rows) < 0.01 * sum(r[1] for r in rows)


# --------------------------------------------------------------------------- concrete facts


def test_as2dept1_acls_and_access_groups():
    dev = parsed(BATFISH / "as2dept1.cfg").devices[0]
    assert dev.hostname == "as2dept1"
    assert len(dev.filters["RESTRICT_HOST_TRAFFIC_IN"].lines) == 3
    assert len(dev.filters["RESTRICT_HOST_TRAFFIC_OUT"].lines) == 3
    assert dev.interfaces["GigabitEthernet2/0"].filter_in == "RESTRICT_HOST_TRAFFIC_IN"
    assert dev.interfaces["GigabitEthernet3/0"].filter_in == "RESTRICT_HOST_TRAFFIC_IN"
    assert dev.interfaces["GigabitEthernet2/0"].addresses == [IPNetwork("2.128.0.1/24")]
    assert dev.interfaces["Ethernet0/0"].shutdown
    assert [s.text for s in dev.dynamic_routing] == ["router bgp 65001"]
    first = dev.filters["RESTRICT_HOST_TRAFFIC_IN"].lines[0]
    assert first.source.line == 111 and first.source.text == "permit ip 2.128.0.0 0.0.255.255 any"


def test_batfish_as2border_outside_acl_applied():
    dev = parsed(BATFISH / "as2border1.cfg").devices[0]
    applied = {i.filter_in for i in dev.interfaces.values()} | {i.filter_out for i in dev.interfaces.values()}
    assert {"OUTSIDE_TO_INSIDE", "INSIDE_TO_AS1"} <= applied


def test_boza_vlan10_hsrp():
    dev = parsed(STANFORD / "boza_rtr_config.txt").devices[0]
    assert dev.hostname == "boza_rtr"
    v10 = dev.interfaces["Vlan10"]
    assert v10.addresses[0] == IPNetwork("172.20.10.193/27")
    assert IPNetwork("172.20.10.222/27") in v10.virtual_addresses
    assert v10.mode == L2Mode.ROUTED


def test_stanford_switching_and_acls():
    dev = parsed(STANFORD / "bbra_rtr_config.txt").devices[0]
    te11 = dev.interfaces["TenGigabitEthernet1/1"]
    assert te11.mode == L2Mode.TRUNK and te11.allowed_vlans == frozenset({2, 64})
    gi416 = dev.interfaces["GigabitEthernet4/16"]
    assert {581, 585, 881, 882, 290, 297} <= gi416.allowed_vlans  # `add` applied
    assert dev.interfaces["GigabitEthernet3/8"].allowed_vlans == frozenset()  # `none`
    assert dev.interfaces["GigabitEthernet3/16.13"].encapsulation_vlan == 13
    assert dev.ip_routing is True
    # every ACL entry line in the file became a filter line
    text = (STANFORD / "bbra_rtr_config.txt").read_text().splitlines()
    entries = sum(1 for t in text if t.startswith(("access-list", " permit", " deny")) and " remark " not in t)
    assert sum(len(f.lines) for f in dev.filters.values()) == entries
    assert len(dev.vlans) == 48  # every `vlan N` of the database


def test_stanford_policy_routing_names_missing_route_maps():
    # The published configs reference route-maps whose definitions were removed:
    # IOS then routes normally, and the dangling references are reported.
    dev = parsed(STANFORD / "soza_rtr_config.txt").devices[0]
    assert not any(i.partial and "policy-based routing" in i.partial for i in dev.interfaces.values())
    assert dev.policy_routes == []
    assert any(r.kind == "route-map" and not r.defined for r in dev.references)
    assert any(i.urpf == "strict" and i.urpf_allow_default for i in dev.interfaces.values())


# --------------------------------------------------------------------------- route state


@pytest.mark.parametrize("path", ROUTES, ids=lambda p: p.name)
def test_route_state_parses(path):
    text = path.read_text()
    assert state_routes.detect(text) >= 80 and cisco_ios.detect(text) == 0
    res = state_routes.parse_state(text, path.name)
    assert res.device_hint == path.name[: -len("_route.txt")]
    assert res.report.unrecognized == []
    assert len(res.routes) > 1000
    assert all(r.origin == "state" for r in res.routes)
    # every state file names a device whose config is in the corpus
    assert (STANFORD / f"{res.device_hint}_config.txt").exists()


def test_bbra_default_route():
    res = state_routes.parse_state((STANFORD / "bbra_rtr_route.txt").read_text(), "bbra_rtr_route.txt")
    (default,) = [r for r in res.routes if r.prefix == IPNetwork("0.0.0.0/0")]
    assert default.next_hop == int(IPAddress("172.20.4.2")) and default.interface == "Vlan2"
    cfg = parsed(STANFORD / "bbra_rtr_config.txt").devices[0]
    assert res.device_hint == cfg.hostname
    assert "Vlan2" in cfg.interfaces
