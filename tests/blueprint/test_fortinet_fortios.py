"""The FortiGate edge of ``netaudit blueprint`` (templates/blueprint/fortinet_fortios/edge.j2):
every generated network, parsed back and audited, is its model (the proof holds), over
unit types x Internet uplink kinds and the optional parts of an intent; a config changed
against the model makes the proof fail."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from netaudit.blueprint import example
from netaudit.blueprint.design import Design, design
from netaudit.blueprint.intent import load_intent
from netaudit.blueprint.proof import Proof, prove
from netaudit.blueprint.render import Secrets, render, site_yaml

UNITS = ("commune", "ward", "ttpvhcc", "department")


def intent(unit: str, switch: str = "routeros", internet: str = "static", **changes) -> dict:
    """The example intent of ``unit`` with a FortiGate edge, changed as asked."""
    data = yaml.safe_load(example(unit, "fortios"))
    data["vendor"]["switch"] = switch
    if internet == "dhcp":
        data["uplinks"]["internet"] = {"provider": "VNPT", "address": "dhcp"}
    elif internet == "pppoe":
        data["uplinks"]["internet"] = {"provider": "Viettel", "address": "pppoe", "pppoe_user": "ubnd@viettel"}
    if changes.pop("tslcd", True) is False:
        del data["uplinks"]["tslcd"]
    if changes.pop("guest", True) is False:
        data["wifi"]["guest"] = False
    for key, value in changes.items():
        if key in ("cameras", "counters", "staff_pcs", "access_points"):
            data["counts"][key] = value
        else:
            data[key] = value
    if data.get("level") == 2:
        data["servers"] = [s for s in data["servers"] if s.get("zone") != "database"]
    return data


@dataclass
class Result:
    design: Design
    proof: Proof
    files: list[Path]
    secrets: Secrets


def run(tmp_path: Path, data: dict) -> Result:
    """What ``netaudit blueprint`` does up to the proof (the document aside): the configs
    and the site file written, then audited."""
    path = tmp_path / "intent.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    d = design(load_intent(path))
    configs = tmp_path / "configs"
    configs.mkdir()
    secrets = Secrets()
    files = []
    for name, text in render(d, secrets).items():
        files.append(configs / name)
        files[-1].write_text(text, encoding="utf-8")
    (configs / "site.yaml").write_text(site_yaml(d), encoding="utf-8")
    proof = prove(d, configs, configs / "site.yaml")
    # Its packet sets live in the process-wide BDD manager: a failing test's traceback
    # must not keep them alive (many failures in one run would exhaust it).
    proof.audit = None
    return Result(d, proof, files, secrets)


def edge_config(result: Result) -> Path:
    return next(p for p in result.files if p.suffix == ".conf")


@pytest.mark.parametrize("internet", ["static", "dhcp", "pppoe"])
@pytest.mark.parametrize("unit", UNITS)
def test_round_trip_holds(tmp_path, unit, internet):
    result = run(tmp_path, intent(unit, internet=internet))
    assert result.proof.holds, "\n".join(result.proof.lines())
    text = edge_config(result).read_text(encoding="utf-8")
    if internet == "static":
        assert "set mode static" in text and "set gateway 203.0.113.9" in text
    else:
        assert f"set mode {internet}" in text
    # The FortiGate's own parser read every line of it (the proof says so too).
    assert not result.proof.unrecognized and not result.proof.partial


@pytest.mark.parametrize(
    "changes",
    [
        {"tslcd": False},
        {"guest": False},
        {"cameras": 0},
        {"counters": 0, "cameras": 0, "guest": False, "tslcd": False},
        {"switch": "none"},
        {"level": 3},
        {"level": 2},
    ],
    ids=["no-tslcd", "no-guest", "no-cameras", "minimal", "no-switch", "level-3", "level-2"],
)
@pytest.mark.parametrize("unit", ["commune", "department"])
def test_round_trip_holds_without_the_optional_parts(tmp_path, unit, changes):
    changes = dict(changes)
    switch = changes.pop("switch", "routeros")
    result = run(tmp_path, intent(unit, switch=switch, **changes))
    assert result.proof.holds, "\n".join(result.proof.lines())
    names = [p.name for p in result.files]
    assert (switch == "none") == (not any(n.endswith(".rsc") for n in names))


def test_management_is_hardened(tmp_path):
    result = run(tmp_path, intent("ttpvhcc"))
    text = edge_config(result).read_text(encoding="utf-8")
    mgmt = result.design.zone("mgmt")
    assert mgmt is not None and mgmt.subnet is not None
    # Admin protocols answer on the management VLAN only, never HTTP or Telnet.
    access = re.findall(r"set allowaccess (.*)", text)
    assert access == ["ping https ssh snmp"]
    assert "set admin-telnet disable" in text and "set admintimeout 10" in text
    # Every administrator is pinned to the management subnet.
    admins = re.findall(r'edit "(\w+)"\n        set accprofile', text)
    trust = re.findall(r"set trusthost1 (\S+ \S+)", text)
    assert admins == ["quantri", "admin"]
    assert trust == [f"{mgmt.subnet.network} {mgmt.subnet.netmask}"] * 2
    assert f'set server "{mgmt.host(10)}"' in text  # syslog in the management VLAN
    # Secrets are drawn for each network (secrets.txt), never a fixed word.
    assert f"set password {result.secrets.values['fortios-quantri']}" in text
    assert f"set priv-pwd {result.secrets.values['snmpv3-priv']}" in text


def _mutated_proof(result: Result, old: str, new: str) -> Proof:
    conf = edge_config(result)
    text = conf.read_text(encoding="utf-8")
    assert old in text
    conf.write_text(text.replace(old, new, 1), encoding="utf-8")
    proof = prove(result.design, conf.parent, conf.parent / "site.yaml")
    proof.audit = None
    return proof


GUEST_TO_STAFF = """config firewall policy
    purge
    edit 900
        set name "KHACH-CANBO"
        set srcintf "VL40-KHACH"
        set dstintf "VL10-CANBO"
        set action accept
        set srcaddr "all"
        set dstaddr "all"
        set schedule "always"
        set service "ALL"
    next
"""


def test_a_policy_against_the_model_breaks_the_proof(tmp_path):
    result = run(tmp_path, intent("commune"))
    assert result.proof.holds, "\n".join(result.proof.lines())
    proof = _mutated_proof(result, "config firewall policy\n    purge\n", GUEST_TO_STAFF)
    assert not proof.holds
    assert any(m.startswith("guest -> staff: reachable") for m in proof.mismatches), proof.mismatches


DNS_OVER_UDP_ONLY = """config firewall service custom
    edit "DNS-TCP"
        set tcp-portrange 53
    next
end
config firewall local-in-policy
    edit 1
        set intf "VL10-CANBO"
        set srcaddr "all"
        set dstaddr "all"
        set action deny
        set service "DNS-TCP"
        set schedule "always"
    next
end
config firewall policy
    purge
"""


def test_devices_cell_is_exact(tmp_path):
    """The staff reach the FortiGate's DNS server over UDP and TCP (answers too large for
    UDP are retried over TCP): a local-in policy that keeps DNS to UDP makes staff ->
    @devices less than the model, and the proof says so."""
    result = run(tmp_path, intent("commune"))
    assert set(result.design.flows[("staff", "@devices")].services) == {"udp/53", "tcp/53", "udp/67"}
    assert result.proof.holds, "\n".join(result.proof.lines())  # the audited cell is exactly that
    proof = _mutated_proof(result, "config firewall policy\n    purge\n", DNS_OVER_UDP_ONLY)
    assert not proof.holds
    assert any(m.startswith("staff -> @devices:") and "tcp/53" in m for m in proof.mismatches), proof.mismatches


def test_admin_access_on_the_guest_vlan_breaks_the_proof(tmp_path):
    result = run(tmp_path, intent("commune"))
    proof = _mutated_proof(
        result,
        '        set alias "VLAN40-KHACH"',
        '        set allowaccess ping https\n        set alias "VLAN40-KHACH"',
    )
    assert not proof.holds
    assert any(m.startswith("guest -> @devices:") for m in proof.mismatches), proof.mismatches
