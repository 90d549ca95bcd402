"""netaudit blueprint (docs/blueprint.md): the intent file, the model, and the proof by the
audit, with RouterOS at the edge (the other vendors: test_<vendor>.py beside this one)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from helpers import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netaudit.blueprint import EDGE_VENDORS, UNIT_TYPES, example, generate
from netaudit.blueprint.design import ALL, design
from netaudit.blueprint.intent import intent_from_dict, load_intent
from netaudit.blueprint.proof import prove
from netaudit.model import InputError
from netaudit.vocabulary import DEVICES_ZONE


def intent_file(tmp_path: Path, unit: str = "commune", vendor: str = "routeros", **changes) -> Path:
    """The example intent of ``unit`` with ``changes`` (dotted keys: ``uplinks.internet``)."""
    data = yaml.safe_load(example(unit, vendor))
    for key, value in changes.items():
        *parents, last = key.split(".")
        node = data
        for p in parents:
            node = node[p]
        if value is None:
            node.pop(last, None)
        else:
            node[last] = value
    path = tmp_path / f"{unit}-{vendor}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("unit", UNIT_TYPES)
@pytest.mark.parametrize("vendor", EDGE_VENDORS)
def test_every_example_is_a_valid_intent(tmp_path, unit, vendor):
    path = tmp_path / "i.yaml"
    path.write_text(example(unit, vendor), encoding="utf-8")
    it = load_intent(path)
    assert it.unit_type == unit and it.edge == EDGE_VENDORS[vendor]
    zones = [z.name for z in design(it).zones]
    assert {"staff", "servers", "mgmt", "internet"} <= set(zones)
    assert ("database" in zones) == (it.level >= 3)  # TT 12/2022: a database zone from level 3


UPLINKS = {
    "static": {"provider": "VNPT", "address": "static", "ip": "203.0.113.10/30", "gateway": "203.0.113.9"},
    "dhcp": {"provider": "Viettel", "address": "dhcp"},
    "pppoe": {"provider": "FPT", "address": "pppoe", "pppoe_user": "ubnd@fpt"},
}


@pytest.mark.parametrize("unit", UNIT_TYPES)
@pytest.mark.parametrize("uplink", UPLINKS)
def test_routeros_round_trip_proof_holds(tmp_path, unit, uplink):
    """Generated, parsed back, audited: the matrix is the model's, no finding at medium or
    above, every line recognised."""
    path = intent_file(tmp_path, unit, **{"uplinks.internet": UPLINKS[uplink]})
    result = generate(path, tmp_path / "out", pdf=False)
    assert result.proof.holds, result.proof.lines()
    audit = result.proof.audit
    cells = {(c.src, c.dst): c for c in audit.matrix}
    assert cells[("guest", "staff")].verdict == "blocked"
    assert cells[("guest", "internet")].verdict == "reachable"
    assert set(cells[("guest", DEVICES_ZONE)].services) == {"udp/53", "tcp/53", "udp/67"}  # DNS over TCP too: RFC 7766
    assert all(r.unrecognized == [] for r in audit.snapshot.reports)


def test_the_proof_can_fail(tmp_path):
    """A forward accept for guest → staff pasted before the final drop: the proof names the
    cell, and the site file still says the model's policy (the finding is a violation)."""
    result = generate(intent_file(tmp_path), tmp_path / "out", pdf=False)
    rt = next((tmp_path / "out" / "configs").glob("*-RT.rsc"))
    text = rt.read_text(encoding="utf-8")
    leak = 'add action=accept chain=forward comment="tam thoi" in-interface=vlan40-khach out-interface=vlan10-canbo\n'
    text = text.replace(
        'add action=drop chain=forward comment="Chan moi luong khac"',
        leak.rstrip("\n") + "\n" + 'add action=drop chain=forward comment="Chan moi luong khac"',
    )
    rt.write_text(text, encoding="utf-8")
    proof = prove(result.design, tmp_path / "out" / "configs", tmp_path / "out" / "configs" / "site.yaml")
    assert not proof.holds
    assert any(m.startswith("guest -> staff: reachable") for m in proof.mismatches)
    assert any(check == "guest-isolation" for _, check, _ in proof.findings)


def test_switch_ports_and_plan_match_the_counts(tmp_path):
    it = load_intent(intent_file(tmp_path, "ward", **{"counts.staff_pcs": 40, "counts.cameras": 10}))
    d = design(it)
    access = [p for p in d.ports if p.role == "access"]
    assert sum(p.zone == "staff" for p in access) == 40
    assert sum(p.zone == "camera" for p in access) == 11  # ten cameras and their recorder
    assert len(d.switches) >= 2  # more than one 48-port switch's worth: chained by trunks
    for sw in d.switches[1:]:
        assert any(p.switch == sw and p.role == "uplink" and p.number == 1 for p in d.ports)
    assert [z.subnet.prefixlen for z in d.inside] == [24] * len(d.inside)
    assert len({z.subnet for z in d.inside}) == len(d.inside)


def test_flows_are_the_reference_policy_or_stricter(tmp_path):
    """Every flow the model allows is allowed by the reference table or written as a site
    policy entry; the guest zone reaches the Internet only."""
    d = design(load_intent(intent_file(tmp_path, "ttpvhcc")))
    guest = {f.dst for f in d.allowed("guest")}
    assert guest == {"internet", DEVICES_ZONE}
    assert d.flow("guest", "internet").services == ALL
    assert d.flow("staff", "mgmt").services is None
    assert d.flow("mgmt", DEVICES_ZONE).services == ALL


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pcs=st.integers(1, 120),
    counters=st.integers(0, 12),
    cameras=st.integers(0, 20),
    aps=st.integers(1, 6),
    guest=st.booleans(),
    tslcd=st.booleans(),
    level=st.sampled_from([2, 3]),
)
def test_proof_holds_whatever_the_counts(tmp_path_factory, pcs, counters, cameras, aps, guest, tslcd, level):
    tmp = tmp_path_factory.mktemp("bp")
    changes: dict = {
        "counts.staff_pcs": pcs,
        "counts.counters": counters,
        "counts.cameras": cameras,
        "counts.access_points": aps,
        "level": level,
    }
    if not guest:
        changes["wifi.guest"] = None
    if not tslcd:
        changes["uplinks.tslcd"] = None
    if level == 2:
        changes["servers"] = [{"name": "NAS", "host": 10, "services": ["tcp/445"]}]
    result = generate(intent_file(tmp, "commune", **changes), tmp / "out", pdf=False)
    assert result.proof.holds, result.proof.lines()


def test_secrets_only_in_configs_and_secrets_file(tmp_path):
    generate(intent_file(tmp_path), tmp_path / "out", pdf=False)
    out = tmp_path / "out"
    lines = (out / "secrets.txt").read_text().splitlines()
    values = [line.split(": ", 1)[1] for line in lines if ": " in line and not line.startswith("#")]
    assert values and (out / "secrets.txt").stat().st_mode & 0o077 == 0
    configs = "".join(p.read_text() for p in (out / "configs").glob("*.rsc"))
    assert [v for v in values if v in configs]  # pasteable as they are (the others: the APs' own settings)
    for f in out.rglob("*"):
        if f.is_file() and f.parent.name != "configs" and f.name != "secrets.txt" and f.suffix != ".pdf":
            text = f.read_text(encoding="utf-8", errors="replace")
            assert not [v for v in values if v in text], f.name


@pytest.mark.parametrize(
    "change, message",
    [
        ({"level": 4}, r"intent\.yaml:\d+: level must be 2 or 3"),
        ({"vendor": {"edge": "huawei"}}, r"intent\.yaml:\d+: edge must be one of routeros, ios, fortios, asa"),
        ({"colour": "blue"}, r"unknown key 'colour' in the intent file"),
        ({"counts": {"staf_pcs": 3}}, r"unknown key 'staf_pcs' in counts \(did you mean 'staff_pcs'\?\)"),
    ],
)
def test_intent_errors_name_file_and_line(tmp_path, change, message):
    data = yaml.safe_load(example("commune"))
    data.update(change)
    path = tmp_path / "intent.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_intent(path)


def test_database_zone_needs_level_3():
    data = yaml.safe_load(example("department"))
    data["level"] = 2
    with pytest.raises(InputError, match="a database zone exists from level 3"):
        intent_from_dict(data)


def test_cli_example_then_generate(tmp_path):
    code, out, err = run_cli("blueprint", "--example", "commune", "--vendor", "routeros")
    assert code == 0 and out.startswith("# netaudit blueprint intent") and not err
    path = tmp_path / "intent.yaml"
    path.write_text(out.replace("UBND xã Phú Thịnh", "UBND xã Tân Hòa"), encoding="utf-8")
    code, out, err = run_cli("blueprint", path, "-o", tmp_path / "out", "--no-pdf")
    assert code == 0, err
    # The summary speaks --lang (Vietnamese by default): N files, and the proof holds.
    assert re.fullmatch(r"netaudit blueprint: \d+ tệp trong .*; kiểm chứng bằng chính cuộc kiểm tra của nó: đạt\n", out)
    doc = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
    assert doc["unit"] == "UBND xã Tân Hòa"
    site = yaml.safe_load((tmp_path / "out" / "configs" / "site.yaml").read_text(encoding="utf-8"))
    assert site["zones"]["guest"]["kind"] == "guest"


def test_cli_errors(tmp_path):
    code, _, err = run_cli("blueprint", "--example", "village", "--lang", "en")
    assert code == 2 and "unit type must be one of commune, ward, ttpvhcc, department" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("unit: [\n", encoding="utf-8")
    code, _, err = run_cli("blueprint", bad, "-o", tmp_path / "o")
    assert code == 2 and "bad.yaml:" in err and "Traceback" not in err
