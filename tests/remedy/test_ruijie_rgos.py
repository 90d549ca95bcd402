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
    # the RSR20 has SSH off: telnet stays as its last remote way in (limited to mgmt), left
    telnet = [(f, why["en"]) for f, why in leaky.remaining if f.check == "mgmt-telnet"]
    assert [(f.devices, f.zones) for f, _ in telnet] == [(["UBND-PHUONG-RSR20"], ["mgmt"])]
    assert "only the console" in telnet[0][1]
    severe = [f for f, _ in leaky.remaining if f.zones[:2] == ["staff", "mgmt"] or f.check == "mgmt-telnet"]
    assert sorted(f.id for f in leaky.open_severe) == sorted(f.id for f in severe)
    assert len(leaky.closed) == 16 and not [f for f in leaky.new if f.check == "mgmt-telnet"]
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
    # HTTPS was unknown before (a bare `enable service web-server`): the rollback says so
    assert "enable service web-server https only if it was in use" in edge.rollback
    assert edge.rollback.splitlines()[-2] == "no ip access-list standard NETAUDIT-MGMT"


def test_leaky_patched_text_parses_as_the_device_will_be(leaky, tmp_path):
    after = run_audit([leaky_after(leaky)], LEAKY / "site.yaml")
    core = next(d for d in after.devices if d.hostname == "UBND-PHUONG-CORE")
    assert core.interfaces["Vlan20"].filter_in == "NETAUDIT-Vlan20-IN"
    assert not core.interfaces["Vlan20"].partial
    assert not [s for s in core.services if s.name in ("telnet", "http", "https")]
    edge = next(d for d in after.devices if d.hostname == "UBND-PHUONG-RSR20")
    assert not [s for s in edge.services if s.name in ("http", "https")]
    # telnet stays (SSH is off there), limited to the management subnets
    (telnet,) = [s for s in edge.services if s.name == "telnet"]
    assert telnet.acl == "NETAUDIT-MGMT"


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


def test_leaky_edge_keeps_its_last_remote_path(leaky):
    """The RSR20 has SSH off (``no enable service ssh-server``): turning telnet off too would
    leave only the console — telnet stays, limited to the management zone by the vty
    access-class; the web server, reached from the Internet, goes."""
    edge = leaky.devices["UBND-PHUONG-RSR20"].rendered
    lines = edge.change_set.splitlines()
    assert "no enable service telnet-server" not in lines
    assert {"no enable service web-server http", "no enable service web-server https"} <= set(lines)
    assert _block(edge.change_set, "line vty 0 4") == ["access-class NETAUDIT-MGMT in"]
    assert _block(edge.change_set, "ip access-list standard NETAUDIT-MGMT") == ["10 permit 10.20.99.0 0.0.0.255"]
    assert "enable service telnet-server" not in edge.rollback.splitlines()
    # the core has SSH on: its telnet goes
    core = leaky.devices["UBND-PHUONG-CORE"].rendered.change_set.splitlines()
    assert "no enable service telnet-server" in core


def test_the_web_server_stays_where_it_is_the_last_remote_path(tmp_path):
    """The sample with the RSR20's telnet off too and its web server on (HTTP and HTTPS), SSH
    off: turning the web server off would leave only the console — HTTPS stays (HTTP,
    cleartext, goes), its findings left with the reason."""
    folder = tmp_path / "in"
    shutil.copytree(LEAKY, folder)
    edge = folder / "edge-rt.cfg"
    text = edge.read_text()
    for old, new in [
        ("enable service web-server\n", "enable service web-server all\n"),
        ("enable service telnet-server", "no enable service telnet-server"),
    ]:
        assert old in text
        text = text.replace(old, new)
    edge.write_text(text)
    res = run_fix([folder], None, tmp_path / "fix")
    rendered = res.devices["UBND-PHUONG-RSR20"].rendered
    assert rendered is not None
    lines = rendered.change_set.splitlines()
    assert "no enable service web-server https" not in lines
    assert "no enable service web-server http" in lines
    assert "no enable service telnet-server" not in lines
    after = run_audit([Path(res.after.snapshot.root)], folder / "site.yaml")
    dev = next(d for d in after.devices if d.hostname == "UBND-PHUONG-RSR20")
    assert [s.name for s in dev.services if s.name in ("http", "https")] == ["https"]
    assert any("https stays as the remote management path left" in n["en"] for n in rendered.notes)


def test_an_acl_shared_by_two_interfaces_and_odd_names(tmp_path):
    """ward-shared-acl: two guest SVIs bound to one ACL named ``KHACH_WIFI.v2`` get one new
    ACL (the new entries, then the old ones in order), each rebound and rebound back by the
    rollback; the uplink is ``interface AggregatePort 1``; two vty blocks; a hostname with
    ``_ - .``."""
    folder = _one(tmp_path, "ward-shared-acl")
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.lost == []
    rendered = res.devices["UBND_PHUONG-2.CORE"].rendered
    assert rendered is not None
    cs, rb = rendered.change_set, rendered.rollback
    assert cs.count("ip access-list extended NETAUDIT-KHACH_WIFI-v2-IN") == 1
    assert _block(cs, "ip access-list extended NETAUDIT-KHACH_WIFI-v2-IN") == [
        "deny ip 10.20.99.0 0.0.0.255 any",
        "deny ip any 10.20.10.0 0.0.0.255",
        "deny ip any 10.20.99.0 0.0.0.255",
        # the old entries, in order, their sequence numbers dropped
        "permit ip any 10.20.10.0 0.0.0.255",
        "permit udp any any eq bootps",
        "deny ip any 10.20.0.0 0.0.255.255",
        "permit ip any any",
    ]
    for svi in ("interface VLAN 20", "interface VLAN 21"):
        assert _block(cs, svi) == [
            "no ip access-group KHACH_WIFI.v2 in",
            "ip access-group NETAUDIT-KHACH_WIFI-v2-IN in",
        ]
        assert _block(rb, svi) == [
            "no ip access-group NETAUDIT-KHACH_WIFI-v2-IN in",
            "ip access-group KHACH_WIFI.v2 in",
        ]
    assert _block(cs, "interface AggregatePort 1") == ["ip access-group NETAUDIT-AggregatePort1-IN in"]
    for vty in ("line vty 0 4", "line vty 5 15"):
        assert _block(cs, vty) == ["access-class NETAUDIT-MGMT in"]
    assert "no enable service telnet-server" in cs.splitlines()  # SSH is on here
    # the old ACL is not edited; the new one goes last in the rollback
    assert "ip access-list extended KHACH_WIFI.v2" not in cs
    assert rb.splitlines().index("no ip access-list extended NETAUDIT-KHACH_WIFI-v2-IN") > rb.splitlines().index(
        " ip access-group KHACH_WIFI.v2 in"
    )
    closed = {f.check for f in res.closed}
    assert {"guest-isolation", "mgmt-telnet", "mgmt-vty-no-access-class"} <= closed
    # no NAT on this switch: the Internet's blocks are left for a stateful filter, not for NAT
    internet = [why["en"] for f, why in res.remaining if f.zones[:1] == ["internet"]]
    assert internet and all("stateful" in w and "NAT" not in w for w in internet)
    after = run_audit([Path(res.after.snapshot.root)], folder / "site.yaml")
    dev = after.devices[0]
    assert dev.interfaces["Vlan20"].filter_in == dev.interfaces["Vlan21"].filter_in == "NETAUDIT-KHACH_WIFI-v2-IN"


def test_the_old_acl_is_copied_after_the_new_entries(leaky):
    """CAMERA-IN (its own ``deny ip any any`` last) is copied whole after the new entries: the
    new ACL decides every other packet as the old one did."""
    cs = leaky.devices["UBND-PHUONG-CORE"].rendered.change_set
    assert _block(cs, "ip access-list extended NETAUDIT-Vlan30-IN") == [
        "deny ip 10.20.99.0 0.0.0.255 any",
        "deny ip any 10.20.10.0 0.0.0.255",
        "permit ip 10.20.30.0 0.0.0.255 10.20.10.0 0.0.0.255",
        "deny ip any any",
    ]


def test_the_reverse_connections_rule(leaky):
    """A block without a reply entry is written only where the policy forbids the sessions
    the other way: guest → staff (staff → guest is blocked whole) is written; staff → mgmt
    (mgmt may open sessions to staff) is not."""
    from netaudit.remedy.ruijie_rgos import _RgRenderer

    res = leaky
    core = res.devices["UBND-PHUONG-CORE"]
    dev = next(d for d in res.before.devices if d.hostname == "UBND-PHUONG-CORE")
    text = (LEAKY / "core-sw.cfg").read_text()
    plan = res.plan.devices["UBND-PHUONG-CORE"]
    r = _RgRenderer(plan, dev, text)
    blocks = {(b.src_zone, b.dst_zone): b for b in plan.blocks}
    assert not r.replies_needed(blocks[("guest", "staff")])
    assert r.replies_needed(blocks[("staff", "mgmt")])
    assert not [a for a in r.block_aces(blocks[("guest", "staff")]) if a.established]
    assert r.block_aces(blocks[("staff", "mgmt")]) == []
    assert core.rendered is not None
