"""Cisco IOS checks (netaudit.checks.cisco_ios): ``ios-smart-install`` on parsed
running-configs, its severity from the zone matrix, and what compliance makes of it."""

from __future__ import annotations

from helpers import FIXTURES, SAMPLES
from netaddr import IPNetwork

from netaudit import topology
from netaudit.audit import run_audit
from netaudit.checks import REGISTRY, AuditContext, load_checks
from netaudit.compliance import CHECK, NOT_MET, Facts, evaluate
from netaudit.headerspace import HeaderSpace
from netaudit.messages import CATALOGUE, NEUTRAL
from netaudit.parsers import cisco_ios
from netaudit.reach import Cell
from netaudit.zones import Site, Zone

IOS = FIXTURES / "cisco_ios"
NO_VSTACK = (IOS / "access-2960-no-vstack.cfg").read_text()
VSTACK = (IOS / "access-2960-vstack.cfg").read_text()
SILENT = NO_VSTACK.replace("no vstack\n", "")
DIRECTOR = (IOS / "dist-3750x-director.cfg").read_text()
ZONES = [
    Zone("guest", "guest", [IPNetwork("10.20.40.0/24")]),
    Zone("staff", "internal", [IPNetwork("10.20.10.0/24")]),
    Zone("mgmt", "management", [IPNetwork("10.20.99.0/24")]),
]


def device(text: str, file: str = "sw.cfg"):
    (dev,) = cisco_ios.parse(text, file).devices
    return dev


def run(devices, cells=()) -> list:
    load_checks()
    info = REGISTRY["ios-smart-install"]
    ctx = AuditContext(
        devices=list(devices),
        reports=[],
        topology=topology.build(list(devices)),
        site=Site(unit="t", zones=ZONES),
        zones=[],
        matrix=list(cells),
        hs=HeaderSpace(),
    )
    return list(info.func(ctx, info))


def cell(zone: str, verdict: str, *services: str) -> Cell:
    return Cell(zone, "@devices", verdict, services=list(services))


def test_no_vstack_and_routers_give_no_finding():
    router = device((SAMPLES / "cisco-commune-leaky" / "edge-rt.cfg").read_text(), "edge-rt.cfg")
    assert run([device(NO_VSTACK), router]) == []


def test_a_client_reached_from_the_guest_zone_is_critical():
    (f,) = run([device(VSTACK)], [cell("guest", "reachable", "tcp/4786"), cell("mgmt", "reachable", "tcp/22")])
    assert f.severity == "critical" and f.proven
    assert f.zones == ["guest"] and f.devices == ["PHUONGAN-SW-T3"]
    assert [e["text"] for e in f.evidence] == ["vstack"]
    assert "sw.cfg:" in f.detail["en"] and "CVE-2018-0171" in f.detail["en"]
    assert "không xác thực" in f.detail["vi"] and "Các vùng mạng truy cập được tới dịch vụ này: guest" in f.detail["vi"]


def test_a_client_no_zone_reaches_is_medium_and_unevaluated_is_high():
    (f,) = run([device(VSTACK)], [cell("guest", "blocked"), cell("staff", "reachable", "tcp/22")])
    assert f.severity == "medium" and f.zones == []
    (f,) = run([device(VSTACK)])
    assert f.severity == "high"


def test_a_client_reached_from_staff_only_stays_high():
    (f,) = run([device(VSTACK)], [cell("staff", "reachable", "tcp/4786"), cell("guest", "blocked")])
    assert f.severity == "high" and f.zones == ["staff"]


def test_silence_on_a_catalyst_switch_is_a_medium_finding_never_proven():
    """No vstack line: a moderate, *unproven* finding (never a ground for "fail") that
    cites the lines the guess rests on, even where a guest cell may reach tcp/4786."""
    (f,) = run([device(SILENT)], [cell("guest", "unknown")])
    assert f.severity == "medium" and not f.proven
    assert f.title["en"].startswith("Whether Cisco Smart Install (vstack) is off is not established")
    assert f.title["vi"].startswith("Chưa xác định được Cisco Smart Install")
    assert [e["text"] for e in f.evidence] == ["ip default-gateway 10.20.99.1", "version 15.0"]
    assert "CSCvd36820" in f.detail["en"] and "version 15.0" in f.detail["en"]
    assert "could not be determined: guest" in f.detail["en"]
    assert "show vstack config" in f.remediation["en"]


def test_a_director_is_medium_and_proven():
    (f,) = run([device(DIRECTOR)])
    assert f.severity == "medium" and f.proven
    assert f.title["en"] == "Device configured as a Smart Install director (vstack)"
    assert [e["text"] for e in f.evidence][:2] == ["vstack director 10.30.99.1", "vstack basic"]


def test_the_remediation_snippet_is_one_configuration_in_both_languages():
    """The commands are written once; only the words around them are translated."""
    (f,) = run([device(VSTACK)])
    for lang in ("vi", "en"):
        assert "configure terminal\nno vstack\nend\nshow vstack config" in f.remediation[lang]
    assert "Cấu hình mẫu (Cisco IOS):" in f.remediation["vi"] and "Example (Cisco IOS):" in f.remediation["en"]
    assert set(CATALOGUE["check.ios-smart-install.snippet.cisco_ios"]) == {NEUTRAL}  # one text


def _facts(findings, services):
    zones = [{"name": "guest", "kind": "guest", "domains": ["d1"], "problems": [], "attach": []}]
    devices = [{"name": "SW", "services": [{"name": "ssh", "insecure": False, "acl": "MGMT"}, *services]}]
    return Facts(2, False, zones, [], findings, devices)


def _secure_protocols(findings, services=()):
    reg = evaluate(_facts(findings, list(services)))["regimes"][0]
    return next(r for r in reg["rows"] if r["id"] == "mgmt-secure-protocols")


def test_compliance_fails_a_proven_client_and_only_checks_an_unknown_one():
    on = {"id": "ios-smart-install:1", "check": "ios-smart-install", "severity": "high", "zones": [], "proven": True}
    row = _secure_protocols([on], [{"name": "smart-install", "insecure": True, "acl": None}])
    assert row["status"] == NOT_MET and row["findings"] == ["ios-smart-install:1"]
    maybe = {**on, "id": "ios-smart-install:2", "severity": "medium", "proven": False}
    partial = {"name": "smart-install", "insecure": True, "acl": None, "partial": "no vstack line"}
    row = _secure_protocols([maybe], [partial])
    assert row["status"] == CHECK  # a partial service is not a cleartext service proven on
    # ... and an unproven finding never hides a cleartext service that is proven on
    row = _secure_protocols([maybe], [partial, {"name": "telnet", "insecure": True, "acl": None}])
    assert row["status"] == NOT_MET
    # ... and a cleartext service not known to listen, with no finding at all, is to be
    # checked — never "met"
    row = _secure_protocols([], [partial])
    assert row["status"] == CHECK


def test_the_samples():
    """The leaky office's 3750-X says nothing (unknown, unproven); the compliant one has
    ``no vstack`` and passes."""
    leaky = run_audit([SAMPLES / "cisco-commune-leaky"])
    (f,) = [f for f in leaky.findings if f.check == "ios-smart-install"]
    assert f.severity == "medium" and not f.proven and f.devices == ["UBNDHB-CORE"]
    compliant = run_audit([SAMPLES / "cisco-commune-compliant"])
    assert not [f for f in compliant.findings if f.check == "ios-smart-install"]
