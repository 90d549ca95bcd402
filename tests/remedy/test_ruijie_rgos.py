"""Ruijie RGOS change sets of ``netaudit fix`` (netaudit/remedy/ruijie_rgos.py, docs/remedy.md,
docs/vendors/ruijie_rgos.md "netaudit fix"): the leaky sample and the fixtures
``tests/fixtures/ruijie_rgos/``, proved by re-auditing the patched copies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, SAMPLES, run_cli

from netaudit.audit import run_audit
from netaudit.remedy import VENDORS
from netaudit.remedy.prove import run_fix

LEAKY = SAMPLES / "ruijie-ward-leaky"
RG = FIXTURES / "ruijie_rgos"


def _block(text: str, header: str) -> list[str]:
    lines = text.splitlines()
    i = lines.index(header)
    out = []
    for line in lines[i + 1 :]:
        if not line.startswith(" "):
            break
        out.append(line.strip())
    return out


def _one(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    shutil.copyfile(RG / f"{name}.cfg", folder / f"{name}.cfg")
    shutil.copyfile(RG / f"{name}.site.yaml", folder / "site.yaml")
    return folder


@pytest.fixture(scope="module")
def leaky(tmp_path_factory):
    return run_fix([LEAKY], None, tmp_path_factory.mktemp("rg") / "fix")


def test_a_generator_is_registered():
    assert VENDORS["ruijie_rgos"] == "netaudit.remedy.ruijie_rgos"


def test_leaky_sample_closes_what_rgos_syntax_allows_and_loses_no_flow(leaky, tmp_path):
    """Guest isolation, telnet, HTTP, SNMP, vty access-class and the Internet's telnet/HTTP on
    the RSR20 close; no allowed flow is lost.  staff → mgmt (high) is left: the policy lets
    mgmt open sessions to staff, whose TCP replies a stateless deny would cut, and IOS's
    ``established`` is not confirmed for RGOS — so the proof does not hold (exit 1)."""
    assert leaky.lost == []
    closed = {f.check for f in leaky.closed}
    assert {"guest-isolation", "mgmt-telnet", "mgmt-http-server", "mgmt-snmp-community"} <= closed
    assert "mgmt-vty-no-access-class" in closed
    left = {tuple(f.zones[:2]): why["en"] for f, why in leaky.remaining if f.check == "policy-violation"}
    assert "established" in left[("staff", "mgmt")]
    assert "ip nat outside" in left[("internet", "@devices")]  # ping only, narrowed to low
    assert leaky.open_severe == [f for f, _ in leaky.remaining if f.zones[:2] == ["staff", "mgmt"]]
    cells = {(c.src, c.dst): c for c in leaky.after.matrix}
    for dst in ("staff", "camera", "mgmt"):
        assert cells[("guest", dst)].verdict == "blocked"
    assert cells[("internet", "@devices")].services == ["icmp/8"]
    code, stdout, err = run_cli("fix", LEAKY, "-o", tmp_path / "fix", "--lang", "en")
    assert code == 1 and "flows lost 0" in stdout, stdout + err


def test_leaky_core_change_set_is_rgos_syntax(leaky):
    cs = leaky.devices["UBND-PHUONG-CORE"].rendered.change_set
    # the old ACL is copied after the new entries, with its sequence numbers dropped
    body = _block(cs, "ip access-list extended NETAUDIT-Vlan20-IN")
    assert body.index("deny ip any 10.20.10.0 0.0.0.255") < body.index(
        "permit ip 10.20.20.0 0.0.0.255 10.20.10.0 0.0.0.255"
    )
    assert body[-1] == "permit ip any any" and not any(w.split()[0].isdigit() for w in body)
    assert not any("established" in w or " echo" in w for w in cs.splitlines())
    # the interface written as RGOS writes it; the old binding removed before the new one
    assert _block(cs, "interface VLAN 20") == [
        "no ip access-group KHACH-IN in",
        "ip access-group NETAUDIT-Vlan20-IN in",
    ]
    # an interface without an ACL gets one ending in permit ip any any (RGOS's implicit deny)
    assert _block(cs, "ip access-list extended NETAUDIT-Vlan99-IN")[-1] == "permit ip any any"
    # management: servers by `enable service`, the existing management ACL QUANTRI reused
    for line in ("no enable service telnet-server", "no enable service web-server https"):
        assert line in cs.splitlines()
    assert _block(cs, "line vty 0 4") == ["access-class QUANTRI in"]
    assert "snmp-server community 7 0822455D0A16 ro QUANTRI" in cs.splitlines()
    assert "transport input" not in cs and "object-group" not in cs and "reload" not in cs


def test_leaky_rollback_undoes_the_change(leaky):
    rb = leaky.devices["UBND-PHUONG-CORE"].rendered.rollback
    assert _block(rb, "interface VLAN 20") == [
        "no ip access-group NETAUDIT-Vlan20-IN in",
        "ip access-group KHACH-IN in",
    ]
    assert _block(rb, "interface VLAN 10") == ["no ip access-group NETAUDIT-Vlan10-IN in"]
    lines = rb.splitlines()
    assert "enable service telnet-server" in lines and "snmp-server community 7 0822455D0A16 ro" in lines
    # bindings first, the new ACLs last
    assert lines.index("no ip access-list extended NETAUDIT-Vlan20-IN") > lines.index(" ip access-group KHACH-IN in")
    edge = leaky.devices["UBND-PHUONG-RSR20"].rendered
    assert edge.rollback.count("enable service web-server\n") == 1
    assert edge.rollback.splitlines()[-2] == "no ip access-list standard NETAUDIT-MGMT"


def test_leaky_patched_text_parses_as_the_device_will_be(leaky, tmp_path):
    after = run_audit([leaky_after(leaky)], LEAKY / "site.yaml")
    core = next(d for d in after.devices if d.hostname == "UBND-PHUONG-CORE")
    assert core.interfaces["Vlan20"].filter_in == "NETAUDIT-Vlan20-IN"
    assert not core.interfaces["Vlan20"].partial
    assert not [s for s in core.services if s.name in ("telnet", "http", "https")]
    edge = next(d for d in after.devices if d.hostname == "UBND-PHUONG-RSR20")
    assert not [s for s in edge.services if s.name in ("telnet", "http", "https")]


def leaky_after(res) -> Path:
    return Path(res.after.snapshot.root)


def test_partial_filters_get_no_merged_acl(tmp_path):
    """commune-s2910-partial: an SVI's outbound ACL, a port ACL, a time-range line, an
    undefined ACL — the verdicts through them are unknown, left "cannot be fixed blind",
    and no ACL is merged into a filter the parser reads as partial."""
    folder = _one(tmp_path, "commune-s2910-partial")
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.lost == []
    assert any("cannot be fixed blind" in w["en"] for _, w in res.remaining)
    rendered = next(iter(res.devices.values())).rendered
    assert rendered is not None
    binds = [ln for ln in rendered.change_set.splitlines() if ln.startswith(" ip access-group")]
    assert all("NETAUDIT" in ln for ln in binds)
    assert not any(ln.startswith(" no ip access-group") for ln in rendered.change_set.splitlines())


@pytest.mark.parametrize("name", ["ward-core-s5750", "ward-edge-rsr20"])
def test_fixtures_lose_no_allowed_flow(name, tmp_path):
    folder = _one(tmp_path, name)
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.lost == [] and res.closed
    for d in res.devices.values():
        assert d.rendered is not None and d.rendered.rollback
