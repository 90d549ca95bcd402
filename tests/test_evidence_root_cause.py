"""Evidence that names the root cause: what a witness or a blocked cell cites.

* IOS: a flow through an interface whose ``ip access-group`` names an undefined ACL cites
  that access-group line, saying the ACL does not exist (IOS then permits everything).
* Defaults (implicit deny, a service on by default) are cited at the list or section
  they belong to where the vendor has one, and rendered "(default)" where there is no line.
"""

from __future__ import annotations

import textwrap

from helpers import GUEST, STAFF
from helpers import analyse as run_engine
from netaddr import IPNetwork

from netaudit.checks import REGISTRY, AuditContext, load_checks
from netaudit.parsers import cisco_asa, cisco_ios
from netaudit.reach import BLOCKED, REACHABLE
from netaudit.report import cite_loc
from netaudit.zones import Site, Zone

SERVERS = Zone("servers", "server", [IPNetwork("10.0.20.0/24")])

ROUTER = """\
hostname R1
interface GigabitEthernet0/1
 ip address 10.0.40.1 255.255.255.0
 ip access-group GUEST-IN in
interface GigabitEthernet0/2
 ip address 10.0.10.1 255.255.255.0
 ip access-group GUEST-IN in
interface GigabitEthernet0/3
 ip address 10.0.20.1 255.255.255.0
 ip access-group SRV-OUT out
ip access-list extended SRV-OUT
 permit tcp any any eq 443
"""


def analyse(text: str, zone_list):
    result = cisco_ios.parse(textwrap.dedent(text), "r1.cfg")
    a = run_engine(result.devices, zone_list)
    return result, a.cells, (a.topology, a.placed, a.matrix, a.engine)


def rules_of(cell) -> list[dict]:
    return [r for h in cell.witness.to_json()["hops"] for r in h["rules"]]


def test_witness_through_undefined_acl_cites_each_access_group_line():
    _, cells, _ = analyse(ROUTER, [GUEST, STAFF, SERVERS])
    g2s = cells[("guest", "staff")]
    assert g2s.verdict == REACHABLE and g2s.services == ["ip"]  # IOS: undefined ACL permits all
    assert rules_of(g2s)[0] == {
        "file": "r1.cfg",
        "line": 4,
        "text": "ip access-group GUEST-IN in  ! ACL GUEST-IN is not defined: IOS permits every packet",
        # the note in both languages, the configuration line as written
        "text_text": {
            "en": "ip access-group GUEST-IN in  ! ACL GUEST-IN is not defined: IOS permits every packet",
            "vi": "ip access-group GUEST-IN in  ! ACL GUEST-IN không tồn tại: IOS cho qua mọi gói tin",
        },
    }
    # the same undefined ACL on the staff interface: staff's flows cite staff's line
    assert rules_of(cells[("staff", "guest")])[0]["line"] == 7
    # the egress filter that exists is cited as before
    g2srv = cells[("guest", "servers")]
    assert g2srv.services == ["tcp/443"]
    assert [r["line"] for r in rules_of(g2srv)] == [4, 8, 12]  # access-group, route, SRV-OUT


def test_blocked_by_implicit_deny_cites_the_list_header():
    # SRV-OUT permits nothing new: guests meet its deny line, then its implicit deny
    text = ROUTER.replace(" permit tcp any any eq 443\n", " deny tcp any any eq 23\n")
    _, cells, _ = analyse(text, [GUEST, STAFF, SERVERS])
    blocked = cells[("guest", "servers")]
    assert blocked.verdict == BLOCKED
    deflt = next(b for b in blocked.blocking if "implicit deny" in b["text"])
    assert (deflt["line"], deflt["text"]) == (11, "SRV-OUT: implicit deny at end of list")


def test_config_checks_leave_the_synthesized_filter_alone():
    result, _, (topo, placed, cells, engine) = analyse(ROUTER, [GUEST, STAFF, SERVERS])
    load_checks()
    ctx = AuditContext(
        devices=result.devices,
        reports=[result.report],
        topology=topo,
        site=Site(unit="t"),
        zones=placed,
        matrix=cells,
        hs=engine.hs,
    )

    def run(check_id):
        info = REGISTRY[check_id]
        return list(info.func(ctx, info))

    assert run("unused-acl") == [] and run("shadowed-acl-line") == []
    undefined = run("undefined-reference")
    assert [(f.evidence[0]["line"], f.severity) for f in undefined] == [(4, "high"), (7, "high")]
    assert all("every packet passes" in f.detail["en"] for f in undefined)


# --------------------------------------------------------------------------- defaults


def test_cite_loc_prints_default_for_a_citation_without_line():
    assert cite_loc({"file": "fw.cfg", "line": 12}, "en") == "fw.cfg:12"
    assert cite_loc({"file": "fw.cfg", "line": None}, "en") == "fw.cfg (default)"
    assert cite_loc({"file": "fw.cfg", "line": 0}, "vi") == "fw.cfg (mặc định)"
    assert cite_loc({"line": None}, "en") == "(default)"


def test_view_and_sarif_render_defaults_without_none():
    from netaudit.report import RenderOptions
    from netaudit.report.matrix_view import hops_view
    from netaudit.report.sarif import _code_flow
    from netaudit.report.view import View

    witness = {
        "packet": {"proto": "tcp", "src_ip": "10.0.40.2", "src_port": 1024, "dst_ip": "10.0.10.5", "dst_port": 22},
        "hops": [
            {
                "device": "R1",
                "in": "Gi1",
                "out": "Gi2",
                "rules": [{"file": "r1.cfg", "line": None, "text": "ACL-X: implicit deny at end of list (deny)"}],
            }
        ],
    }
    for lang, word in (("en", "(default)"), ("vi", "(mặc định)")):
        v = View(lang, {}, RenderOptions(lang=lang))
        [rule] = hops_view(v, witness)["hops"][0]["rules"]
        assert rule["loc"] == f"r1.cfg {word}"
        msg = _code_flow(v, witness)["threadFlows"][0]["locations"][0]["location"]["message"]["text"]
        assert msg.endswith(word) and "None" not in msg


def test_text_summary_prints_default_not_none():
    from types import SimpleNamespace

    from netaudit.report import RenderOptions
    from netaudit.report.text import render

    finding = SimpleNamespace(
        severity="medium",
        title={"en": "T", "vi": "T"},
        check="mgmt-telnet",
        detail={"en": "D", "vi": "D"},
        evidence=[{"file": "sw.cfg", "line": None, "text": "telnet"}],
        proven=True,
    )
    site = SimpleNamespace(unit="u", level=2, inferred=False, file="site.yaml")
    snap = SimpleNamespace(reports=[], inputs=[])
    audit = SimpleNamespace(
        site=site,
        zones=[],
        matrix=[],
        findings=[finding],
        snapshot=snap,
        warnings=[],
        devices=[],
        engine=SimpleNamespace(runtime_assumptions=list),
    )
    out = render(audit, RenderOptions(lang="en"))
    assert "sw.cfg (default): telnet" in out and "None" not in out


def test_asa_management_acl_default_is_cited_at_its_first_line():
    text = (
        "ASA Version 9.16(4)\nhostname FW\ninterface GigabitEthernet0/1\n nameif inside\n"
        " security-level 100\n ip address 10.1.1.1 255.255.255.0\n"
        "ssh 10.1.1.0 255.255.255.0 inside\n"
    )
    dev = cisco_asa.parse(text, "fw.cfg").devices[0]
    flt = dev.filters["asa-mgmt-ssh"]
    assert flt.source is not None and flt.source.line == 7
