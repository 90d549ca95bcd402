"""netaudit/live/plan.py: the probe plan from a JSON audit or a site file (no root needed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from netaudit.cli import main
from netaudit.live.plan import DENY_SERVICES, load_plan, plan_from_audit, plan_from_site
from netaudit.model import InputError
from netaudit.zones import load_site

LAB = Path(__file__).resolve().parents[1] / "lab" / "office"


@pytest.fixture(scope="module")
def audit_doc(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("plan") / "audit.json"
    assert main(["audit", str(LAB), "--format", "json", "-o", str(out)]) in (0, 1)
    return out


def test_plan_from_lab_audit(audit_doc):
    plan = load_plan("guest", str(audit_doc), targets=["8.8.8.8"])
    zones = {t.zone for t in plan.targets}
    assert zones == {"@devices", "staff", "servers", "mgmt"}  # never the vantage zone itself
    devices = {t.dst for t in plan.targets if t.zone == "@devices"}
    assert devices == {"10.77.40.1", "10.77.10.1", "10.77.20.1", "10.77.99.1"}
    assert plan.targets[0].dst == "10.77.40.1"  # the vantage zone's gateway first
    staff = {t.dst for t in plan.targets if t.zone == "staff"}
    assert "10.77.10.5" in staff and "10.77.10.1" not in staff and len(staff) <= 16
    assert {t.service for t in plan.targets if t.dst == "10.77.10.5"} == set(DENY_SERVICES)
    assert plan.refused == [{"dst": "8.8.8.8", "why": "outside every zone of the site file"}]
    assert "8.8.8.8" not in {t.dst for t in plan.targets}
    assert plan.sha256 and plan.source == str(audit_doc)


def test_allowed_services_are_confirmed(audit_doc):
    # guest → @devices: the reference policy allows udp/53, udp/67; staff → servers tcp/80,443.
    plan = load_plan("guest", str(audit_doc))
    assert "udp/67" in {t.service for t in plan.targets if t.zone == "@devices"}
    doc = json.loads(audit_doc.read_text())
    cell = next(c for c in doc["matrix"] if c["src"] == "staff" and c["dst"] == "servers")
    cell["services"] = ["tcp/80", "tcp/8000-8010"]
    cell["witness"]["packet"]["dst_ip"] = "10.77.20.200"
    staff = plan_from_audit(doc, "staff")
    servers = [t for t in staff.targets if t.zone == "servers"]
    assert servers[0].dst == "10.77.20.200"  # the witness destination first
    assert "tcp/8000" in {t.service for t in servers}


def test_max_probes_interleaves_zones(audit_doc):
    plan = load_plan("guest", str(audit_doc), max_probes=40)
    assert len(plan.targets) == 40 and plan.dropped > 0
    assert {t.zone for t in plan.targets} == {"@devices", "staff", "servers", "mgmt"}


def test_scope_external_and_allow_target():
    doc = {
        "schema": "netaudit/audit/v1",
        "zones": [
            {"name": "guest", "kind": "guest", "subnets": ["10.1.40.0/24"]},
            {"name": "staff", "kind": "internal", "subnets": ["10.1.10.0/24"]},
            {"name": "internet", "kind": "external", "subnets": []},
            {"name": "isp", "kind": "wan", "subnets": ["203.0.113.0/30"]},
        ],
        "matrix": [
            {
                "src": "guest",
                "dst": "internet",
                "verdict": "reachable",
                "services": ["ip"],
                "witness": {"packet": {"dst_ip": "1.1.1.1"}},
            },
        ],
        "topology": {
            "devices": [
                {
                    "name": "R",
                    "interfaces": [
                        {"addresses": ["10.1.40.1/24"]},
                        {"addresses": ["203.0.113.2/30"]},
                        {"addresses": ["10.255.0.1/30"]},
                    ],
                }
            ]
        },
    }
    plan = plan_from_audit(doc, "guest")
    dsts = {t.dst for t in plan.targets}
    assert "1.1.1.1" not in dsts and "203.0.113.2" not in dsts and "10.255.0.1" not in dsts
    why = {r["dst"]: r["why"] for r in plan.refused}
    assert why["203.0.113.2"] == "in wan zone 'isp', which is never scanned"
    assert why["10.255.0.1"] == "outside every zone of the site file"
    assert {t.zone for t in plan.targets} == {"@devices", "staff"}
    allowed = plan_from_audit(doc, "guest", allow=["10.255.0.1"])
    assert "10.255.0.1" in {t.dst for t in allowed.targets}
    with pytest.raises(InputError, match="no such zone"):
        plan_from_audit(doc, "nope")
    with pytest.raises(InputError, match="no vantage point"):
        plan_from_audit(doc, "internet")


def test_plan_from_site_alone():
    plan = plan_from_site(load_site(LAB / "site.yaml"), "staff")
    assert {t.zone for t in plan.targets} == {"guest", "servers", "mgmt"}
    servers = [t.dst for t in plan.targets if t.zone == "servers"]
    assert servers[0] == "10.77.20.1" and "10.77.20.254" in servers and len(set(servers)) <= 16
    # the site policy allows staff → servers tcp/80, tcp/443: already in the deny list, no duplicate
    assert len([t for t in plan.targets if t.dst == "10.77.20.1" and t.service == "tcp/80"]) == 1


def test_dry_run_sends_nothing_and_needs_no_root(audit_doc, capsys):
    assert main(["probe", "--zone", "guest", "--plan", str(audit_doc), "--dry-run", "--target", "8.8.8.8"]) == 0
    out = capsys.readouterr().out
    assert "netaudit probe plan from zone guest:" in out
    assert "staff: 15 addresses, 195 probes" in out  # --per-zone 16 less the router's own .1
    assert "refused 8.8.8.8: outside every zone of the site file" in out


def test_per_zone_is_honoured_beyond_the_first_hosts(audit_doc, capsys):
    """--per-zone 64 gives 64 addresses of a /24 (the first hosts, the quarters, then spread
    evenly), not the 14 of the fixed sample; the plan is then cut at --max-probes."""
    assert main(["probe", "--zone", "guest", "--plan", str(audit_doc), "--dry-run", "--per-zone", "64"]) == 0
    out = capsys.readouterr().out
    assert "netaudit probe plan from zone guest: 2000 probes" in out
    assert "more cut by --max-probes 2000" in out
    from netaddr import IPNetwork

    from netaudit.live.plan import _sample

    got = _sample(IPNetwork("10.77.10.0/24"), 64)
    assert len(got) == len(set(got)) == 64 and got[:3] == ["10.77.10.1", "10.77.10.2", "10.77.10.3"]
    assert "10.77.10.254" in got and max(int(a.rsplit(".", 1)[1]) for a in got[14:]) > 200


def test_probe_from_folder_dry_run(capsys):
    assert main(["probe", "--zone", "mgmt", "--plan", str(LAB), "--dry-run"]) == 0
    assert "guest:" in capsys.readouterr().out


def test_probe_usage_errors(audit_doc, capsys):
    assert main(["probe", "--zone", "guest", "--plan", str(audit_doc)]) == 2
    assert "give -o" in capsys.readouterr().err
    assert main(["probe", "--zone", "guest", "--dry-run"]) == 2
    assert main(["probe", "--zone", "guest", "--plan", str(LAB / "site.yaml"), "--dry-run"]) == 2


def test_audit_path_does_not_import_scapy():
    code = (
        "import sys\nfrom netaudit.audit import run_audit\nfrom netaudit.report import render, RenderOptions\n"
        "render(run_audit([sys.argv[1]]), 'json', RenderOptions())\nimport netaudit.live.plan\n"
        "assert not any(m.startswith('scapy') for m in sys.modules), 'scapy imported'"
    )
    r = subprocess.run([sys.executable, "-c", code, str(LAB)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_non_root_exits_2(audit_doc, tmp_path, monkeypatch, capsys):
    import netaudit.live.probe as probe

    monkeypatch.setattr(probe, "can_send_raw", lambda: False)
    rc = main(["probe", "--zone", "guest", "--plan", str(audit_doc), "-o", str(tmp_path / "p.json")])
    err = capsys.readouterr().err
    assert rc == 2 and err.count("\n") == 1 and "root or CAP_NET_RAW" in err
    assert not (tmp_path / "p.json").exists()


def test_token_bucket_and_rate():
    from netaudit.live.probe import TokenBucket, parse_rate

    assert parse_rate("200/s") == 200 and parse_rate("120/m") == 2 and parse_rate("50") == 50
    with pytest.raises(InputError):
        parse_rate("fast")
    now = [0.0]

    def sleep(d):
        now[0] += d

    b = TokenBucket(50, clock=lambda: now[0], sleep=sleep)
    for _ in range(101):
        b.take()
    assert now[0] == pytest.approx(2.0, abs=0.05)


def test_a_plan_error_names_the_plan_file_once(audit_doc, monkeypatch):
    """An error about a saved audit names that file, once: a nested error that already names
    its own file is passed on as it is (it was wrapped again: 'f: f:3: …')."""
    from netaudit.live import plan as plan_mod
    from netaudit.messages import Text

    with pytest.raises(InputError) as e:
        load_plan("nope", str(audit_doc))
    assert str(e.value).startswith(f"{audit_doc}: --zone 'nope': no such zone")
    assert str(e.value).count(str(audit_doc)) == 1

    def named(*a, **k):
        raise InputError(Text("live.error.not_audit"), str(audit_doc), 3)

    monkeypatch.setattr(plan_mod, "plan_from_audit", named)
    with pytest.raises(InputError) as e:
        load_plan("guest", str(audit_doc))
    assert str(e.value).startswith(f"{audit_doc}:3: ") and str(e.value).count(str(audit_doc)) == 1
