"""Compliance rows and the overall conclusion (netaudit/compliance.py)."""

from __future__ import annotations

from netaudit.compliance import (
    CHECK,
    FAIL,
    MET,
    NA,
    NEEDS_CHECK,
    NOT_MET,
    OUT,
    PASS,
    REGIMES,
    Facts,
    evaluate,
    evaluate_regime,
    facts_from_doc,
)

from .conftest import sample_doc


def _rows(regime: dict) -> dict:
    return {r["id"]: r for r in regime["rows"]}


def test_leaky_fails_and_says_why():
    comp = sample_doc("leaky")["compliance"]
    assert [r["id"] for r in comp["regimes"]] == ["nd331-2026", "tt12-2022"]
    for reg in comp["regimes"]:
        assert reg["verdict"] == FAIL
        rows = _rows(reg)
        assert rows["zone-wireless"]["status"] == NOT_MET
        assert "guest → staff" in rows["zone-wireless"]["evidence"]["vi"]
        assert rows["interzone-control"]["status"] == NOT_MET
        assert rows["mgmt-secure-protocols"]["status"] == NOT_MET
        assert any(f.startswith("mgmt-telnet:") for f in rows["mgmt-secure-protocols"]["findings"])
        assert rows["config-effective"]["status"] == NOT_MET
        assert rows["zone-internal"]["status"] == MET
    assert sample_doc("leaky")["conclusion"] == {
        "standard": "nd331-2026",
        "verdict": FAIL,
        "reasons": comp["regimes"][0]["reasons"],
    }


def test_compliant_sample_passes():
    doc = sample_doc("compliant")
    assert doc["conclusion"]["verdict"] == PASS
    for reg in doc["compliance"]["regimes"]:
        assert reg["verdict"] == PASS
        statuses = {r["status"] for r in reg["rows"]}
        assert NOT_MET not in statuses and CHECK not in statuses
        assert _rows(reg)["zone-dmz"]["status"] == NA  # no service offered to the Internet


def test_out_of_scope_rows_are_never_met():
    for regime, reqs in REGIMES.items():
        for req in reqs:
            if req.evaluate.__name__ == "ev_out_of_scope":
                facts = facts_from_doc(sample_doc("compliant"))
                assert req.evaluate(facts).status == OUT, (regime, req.id)
    reg = evaluate_regime(facts_from_doc(sample_doc("compliant")), "nd331-2026")
    oos = [r for r in reg["rows"] if r["status"] == OUT]
    assert {r["id"] for r in oos} >= {"anti-malware", "waf", "ips"}
    assert all("Yêu cầu vẫn áp dụng với đơn vị" in r["evidence"]["vi"] for r in oos)


def test_levels_select_requirements():
    facts = facts_from_doc(sample_doc("compliant"))
    facts.level = 3
    rows = _rows(evaluate_regime(facts, "nd331-2026"))
    assert {"zone-database", "zone-management", "mgmt-no-internet", "siem"} <= set(rows)
    assert rows["zone-database"]["status"] == CHECK  # no database zone declared
    assert rows["zone-management"]["status"] == MET
    assert rows["mgmt-no-internet"]["status"] == MET  # mgmt -> internet blocked
    assert "TCVN 14423:2026 (tham khảo), mục 5.12.2.2.b" in rows["zone-database"]["reference"]
    tt12 = _rows(evaluate_regime(facts, "tt12-2022"))
    assert tt12["zone-database"]["reference"].startswith("TT 12/2022/TT-BTTTT, Phụ lục III, Mục II.1.a")
    facts.level = 1
    # Only clause numbers the sources show are cited as such; our own mappings say so,
    # and Decree 331 is never cited without its article.
    assert "(số mục suy luận)" not in rows["zone-database"]["reference"]
    assert rows["mgmt-secure-protocols"]["reference"].endswith("mục 5.12.2.4 (số mục suy luận)")
    assert rows["interzone-control"]["reference"].endswith("(số mục suy luận)")
    every = [r["reference"] for r in rows.values()]
    assert all("Nghị định 331/2026/NĐ-CP, Điều" in ref for ref in every if "331/2026" in ref)
    assert "zone-server" not in _rows(evaluate_regime(facts, "tt12-2022"))


def _facts(cells, zones=None, findings=(), inferred=False):
    zones = zones or [
        {"name": "staff", "kind": "internal", "domains": ["d1"], "problems": [], "attach": []},
        {"name": "guest", "kind": "guest", "domains": ["d2"], "problems": [], "attach": []},
        {"name": "servers", "kind": "server", "domains": ["d4"], "problems": [], "attach": []},
        {"name": "internet", "kind": "external", "domains": ["d3"], "problems": [], "attach": ["RT:Gi0/0"]},
    ]
    devices = [{"name": "CORE", "services": [{"name": "ssh", "insecure": False, "acl": "MGMT"}]}]
    return Facts(2, inferred, zones, cells, list(findings), devices)


def _cell(src, dst, verdict, violation=False, reason=None):
    return {
        "src": src,
        "dst": dst,
        "verdict": verdict,
        "expected": "deny",
        "violation": violation,
        "services": ["ip"] if verdict == "reachable" else [],
        "reason": reason,
    }


def test_unknown_cells_need_further_checking():
    cells = [
        _cell("guest", "staff", "unknown", reason="next hop 10.0.0.9 not in the snapshot"),
        _cell("staff", "guest", "blocked"),
        _cell("internet", "staff", "blocked"),
        _cell("internet", "guest", "blocked"),
    ]
    reg = evaluate(_facts(cells))["regimes"][0]
    assert _rows(reg)["zone-wireless"]["status"] == CHECK
    assert "guest → staff" in _rows(reg)["zone-wireless"]["evidence"]["en"]
    assert reg["verdict"] == NEEDS_CHECK
    assert any("proven neither blocked nor reachable" in r["en"] for r in reg["reasons"])


def test_inferred_zones_are_not_a_pass():
    cells = [
        _cell("guest", "staff", "blocked"),
        _cell("staff", "guest", "blocked"),
        _cell("internet", "staff", "blocked"),
        _cell("internet", "guest", "blocked"),
    ]
    assert evaluate(_facts(cells))["regimes"][0]["verdict"] == PASS
    reg = evaluate(_facts(cells, inferred=True))["regimes"][0]
    assert reg["verdict"] == NEEDS_CHECK


def test_severe_findings_fail_even_when_rows_pass():
    cells = [
        _cell("guest", "staff", "blocked"),
        _cell("staff", "guest", "blocked"),
        _cell("internet", "staff", "blocked"),
        _cell("internet", "guest", "blocked"),
    ]
    reg = evaluate(_facts(cells, findings=[{"id": "x:1", "check": "some-check", "severity": "high", "zones": []}]))[
        "regimes"
    ][0]
    assert reg["verdict"] == FAIL


def test_shared_l2_domain_breaks_wireless_separation():
    zones = [
        {"name": "staff", "kind": "internal", "domains": ["d1"], "problems": [], "attach": []},
        {"name": "guest", "kind": "guest", "domains": ["d1"], "problems": [], "attach": []},
    ]
    reg = evaluate(_facts([_cell("guest", "staff", "blocked")], zones=zones))["regimes"][0]
    row = _rows(reg)["zone-wireless"]
    assert row["status"] == NOT_MET and "d1" in row["evidence"]["en"]


def test_no_management_service_is_not_evidence_of_secure_protocols():
    f = _facts([_cell("guest", "staff", "blocked")])
    f.devices = [{"name": "CORE", "services": [{"name": "dhcp", "insecure": False, "acl": None}]}]
    assert _rows(evaluate(f)["regimes"][0])["mgmt-secure-protocols"]["status"] == CHECK


def _clean_cells():
    return [
        _cell("guest", "staff", "blocked"),
        _cell("staff", "guest", "blocked"),
        _cell("internet", "staff", "blocked"),
        _cell("internet", "guest", "blocked"),
    ]


def test_an_unreviewed_init_draft_is_not_a_pass():
    f = _facts(_clean_cells())
    assert evaluate(f)["regimes"][0]["verdict"] == PASS
    f.unit = "TODO: tên đơn vị / unit name"
    reg = evaluate(f)["regimes"][0]
    assert reg["verdict"] == NEEDS_CHECK
    assert any("bản nháp" in r["vi"] and "TODO" in r["en"] for r in reg["reasons"])


def test_no_guest_zone_is_checked_not_skipped():
    zones = [
        {"name": "staff", "kind": "internal", "domains": ["d1"], "problems": [], "attach": []},
        {"name": "servers", "kind": "server", "domains": ["d4"], "problems": [], "attach": []},
        {"name": "internet", "kind": "external", "domains": ["d3"], "problems": [], "attach": ["RT:Gi0/0"]},
    ]
    cells = [_cell("internet", "staff", "blocked"), _cell("internet", "servers", "blocked")]
    for reg in evaluate(_facts(cells, zones=zones))["regimes"]:
        assert reg["verdict"] == NEEDS_CHECK
        assert _rows(reg)["zone-wireless"]["status"] == CHECK
        assert any("No guest zone" in r["en"] and "khách" in r["vi"] for r in reg["reasons"])


def test_old_json_documents_carry_the_unit_into_the_conclusion():
    doc = sample_doc("compliant")
    doc = {**doc, "unit": "TODO: tên đơn vị / unit name"}
    doc.pop("compliance", None)
    assert evaluate(facts_from_doc(doc))["regimes"][0]["verdict"] == NEEDS_CHECK


def test_evidence_names_a_few_services_of_a_cell():
    """A cell letting hundreds of ports through is named with its first six services and
    how many more (the matrix holds them all): the evidence stays readable."""
    leak = _cell("guest", "staff", "reachable", violation=True)
    leak["services"] = [f"udp/{1000 + 10 * k}" for k in range(200)]
    cells = [leak, _cell("staff", "guest", "blocked"), _cell("internet", "staff", "blocked")]
    text = _rows(evaluate(_facts(cells))["regimes"][0])["zone-wireless"]["evidence"]["en"]
    assert "guest → staff (udp/1000, udp/1010, udp/1020, udp/1030, udp/1040, udp/1050, … (+194))" in text
    assert "udp/1060" not in text


def test_a_wan_zone_behind_a_tunnel_is_placed():
    """A zone behind an interface's tunnels (site ``via: tunnel``) sits in no L2 domain:
    the wan requirement is judged on its cells, not "check: not placed" (before, its empty
    ``domains`` read as a zone the audit could not place)."""
    wan = {"name": "tinh", "kind": "wan", "domains": [], "problems": [], "attach": ["RT:Gi0/0/0"]}
    base = _facts([]).zones
    cells = [_cell("tinh", "internet", "blocked"), _cell("internet", "tinh", "blocked")]
    behind = evaluate(_facts(cells, [*base, {**wan, "tunnels": ["RT:Gi0/0/0"]}]))["regimes"][0]
    assert _rows(behind)["zone-wan"]["status"] == MET
    # guard: with neither a domain nor a tunnel the zone is still not placed
    unplaced = evaluate(_facts(cells, [*base, wan]))["regimes"][0]
    assert _rows(unplaced)["zone-wan"]["status"] == CHECK


def test_a_guest_reaching_a_segment_no_zone_covers_is_to_be_checked():
    """Every guest cell blocked, but the guest reaches a segment no zone covers (check
    unzoned-reach, not proven): the wireless row is to be checked, not met; another
    zone's such finding does not touch it."""
    cells = [
        _cell("guest", "staff", "blocked"),
        _cell("staff", "guest", "blocked"),
        _cell("internet", "staff", "blocked"),
        _cell("internet", "guest", "blocked"),
    ]
    stray = {"id": "unzoned-reach:1", "check": "unzoned-reach", "severity": "high", "zones": ["guest"], "proven": False}
    row = _rows(evaluate(_facts(cells, findings=[stray]))["regimes"][0])["zone-wireless"]
    assert row["status"] == CHECK and row["findings"] == ["unzoned-reach:1"]
    other = {**stray, "zones": ["internet"]}
    assert _rows(evaluate(_facts(cells, findings=[other]))["regimes"][0])["zone-wireless"]["status"] == MET


def test_an_audit_without_an_internet_zone_is_to_be_checked():
    """No external zone: what the Internet reaches was not checked — never a pass (as
    without a guest zone)."""
    cells = [_cell("guest", "staff", "blocked"), _cell("staff", "guest", "blocked")]
    zones = [
        {"name": "staff", "kind": "internal", "domains": ["d1"], "problems": [], "attach": []},
        {"name": "guest", "kind": "guest", "domains": ["d2"], "problems": [], "attach": []},
    ]
    reg = evaluate(_facts(cells, zones=zones))["regimes"][0]
    assert reg["verdict"] == NEEDS_CHECK
    assert any("No Internet zone" in r["en"] for r in reg["reasons"])
    with_internet = evaluate(
        _facts([*cells, _cell("internet", "staff", "blocked"), _cell("internet", "guest", "blocked")])
    )
    assert not any("No Internet zone" in r["en"] for r in with_internet["regimes"][0]["reasons"])
