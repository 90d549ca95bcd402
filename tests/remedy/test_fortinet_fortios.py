"""FortiOS change sets (netaudit/remedy/fortinet_fortios.py): proven on the leaky samples,
a multi-VDOM backup, and rendered without error on every fixture and corpus snippet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from netaddr import IPNetwork

from netaudit.parsers.fortinet_fortios import parse
from netaudit.remedy import vendor_module
from netaudit.remedy.plan import Block, DevicePlan, Restrict
from netaudit.remedy.prove import run_fix, severe

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_configs"
FIXTURES = ROOT / "tests" / "fixtures" / "fortinet_fortios"
CORPUS = ROOT.parent / "shared" / "corpus" / "batfish-snippets" / "fortios"
MOD = vendor_module("fortinet_fortios")


def _policy_order(text: str, vdom: str | None = None) -> list[str]:
    """Policy ids in text order of the (VDOM's) first `config firewall policy` block."""
    lines = text.split("\n")
    start = 0
    if vdom is not None:
        start = max(i for i, ln in enumerate(lines) if ln.strip() == f"edit {vdom}")
    i = next(k for k in range(start, len(lines)) if lines[k].strip() == "config firewall policy")
    ids, depth = [], 0
    for ln in lines[i + 1 :]:
        s = ln.strip()
        if s.startswith("config "):
            depth += 1
        elif s == "end":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and s.startswith("edit "):
            ids.append(s.split()[1])
    return ids


def _check_moves(change_set: str, new_ids: list[str], first_old: str) -> None:
    moves = re.findall(r"^\s*move (\S+) before (\S+)$", change_set, re.M)
    # one reorder: every new policy once, each before the old first policy, in order
    assert [m[0] for m in moves] == new_ids
    assert {m[1] for m in moves} == {first_old}


@pytest.fixture(scope="module")
def leaky_policy(tmp_path_factory):
    return run_fix([SAMPLES / "fortigate-ttpvhcc-leaky-policy"], None, tmp_path_factory.mktemp("fix"))


@pytest.fixture(scope="module")
def leaky_admin(tmp_path_factory):
    return run_fix([SAMPLES / "fortigate-ttpvhcc-leaky-admin"], None, tmp_path_factory.mktemp("fix"))


def test_leaky_policy_proof_holds(leaky_policy):
    r = leaky_policy
    assert r.lost == []
    assert r.ok, [f.title["en"] for f in r.open_severe]
    closed = {f.id for f in r.closed}
    for f in severe(r.before.findings):
        assert f.id in closed, f.title["en"]
    assert not severe(r.after.findings)
    assert not any(d.withdrawn for d in r.devices.values())


def test_leaky_policy_denies_come_first(leaky_policy):
    res = leaky_policy.devices["FGT-TTHCC-TH"].rendered
    assert res is not None
    original = (SAMPLES / "fortigate-ttpvhcc-leaky-policy" / "FGT-TTHCC-TH.conf").read_text()
    old = _policy_order(original)
    new = _policy_order(res.patched)
    added = new[: len(new) - len(old)]
    assert added and new[len(added) :] == old  # the new policies first, the old order kept
    _check_moves(res.change_set, added, old[0])
    assert res.change_set.count("set action deny") >= 1
    assert "set match-vip enable" in res.change_set  # VIP-RDP-KETOAN's translated traffic too
    # the one-stop zone's members are named by their zone, never as members
    assert 'set srcintf "VL30-QUAY"' not in res.change_set
    for pid in added:
        assert f"delete {pid}" in res.rollback
    assert '"NA-servers"' in res.rollback
    # the patched text parses as the device after the change: the new denies lead the filter
    dev = parse(res.patched, "x.conf").devices[0]
    flt = dev.filters[dev.forward_filter]
    assert [ln.name for ln in flt.lines[: len(added)]] == added
    assert {"vi", "en"} <= set(res.notes[0])


def test_leaky_admin_proof_holds(leaky_admin):
    r = leaky_admin
    assert r.lost == []
    assert r.ok, [f.title["en"] for f in r.open_severe]
    checks = {f.check for f in r.closed}
    assert {"fortigate-allowaccess-wan-guest", "fortigate-admin-no-trusthost", "mgmt-telnet"} <= checks
    res = r.devices["FGT-TTHCC-LM"].rendered
    assert "set trusthost1 10.20.99.0 255.255.255.0" in res.change_set
    assert "set admin-telnet disable" in res.change_set
    assert "set allowaccess ping https ssh http telnet" in res.rollback  # wan1 restored
    assert "move " not in res.change_set  # no policy added, no reorder


MULTI_ANCHOR = (
    'config vdom\nedit root\nconfig system settings\n    set gui-default-policy-columns "name" "from" "to"\nend\n'
)
MULTI_DNS = 'config system dns-server\n    edit "port2"\n    next\n    edit "port1"\n        set mode forward-only\n    next\nend\n'
MULTI_SITE = """unit: "test"
level: 2
zones:
  staff: {kind: internal, subnets: [10.1.10.0/24], attach: ["FGT-SO-TTTT/root:port2"]}
  guest: {kind: guest, subnets: [10.9.50.0/24], attach: ["FGT-SO-TTTT/KHACH:port3"]}
  internet: {kind: external, attach: ["FGT-SO-TTTT/root:port1"]}
"""


def test_multi_vdom(tmp_path):
    text = (FIXTURES / "multi-vdom.conf").read_text()
    leak = "        set nat enable\n    next\nend\nconfig router static"
    assert leak in text
    text = text.replace(
        leak,
        '        set nat enable\n    next\n    edit 3\n        set srcintf "vlink0"\n        set dstintf "port2"\n'
        '        set srcaddr "all"\n        set dstaddr "all"\n        set action accept\n'
        '        set schedule "always"\n        set service "ALL"\n    next\nend\nconfig router static',
        1,
    )
    src = tmp_path / "in"
    src.mkdir()
    (src / "fgt.conf").write_text(text)
    (src / "site.yaml").write_text(MULTI_SITE)
    r = run_fix([src], None, tmp_path / "fix")
    assert r.lost == []
    assert r.ok, [f.title["en"] for f in r.open_severe]
    assert "guest-isolation" in {f.check for f in r.closed}
    guest = r.devices["FGT-SO-TTTT/KHACH"].rendered
    assert guest.change_set.count("config vdom") == 1 and "edit KHACH" in guest.change_set
    assert _policy_order(guest.patched, "KHACH")[1:] == ["1"]
    _check_moves(guest.change_set, _policy_order(guest.patched, "KHACH")[:1], "1")
    root = r.devices["FGT-SO-TTTT/root"].rendered
    assert "config global" in root.change_set and "config global" in root.rollback


def _synthetic_plan(dev) -> DevicePlan:
    """Every routed interface blocks its subnet to the next one's; every service restricted."""
    plan = DevicePlan(dev.hostname, dev.vendor, dev.file)
    l3 = [(n, i) for n, i in dev.interfaces.items() if i.addresses and not i.shutdown]
    for (n1, i1), (n2, i2) in zip(l3, l3[1:] + l3[:1], strict=True):
        if n1 == n2:
            continue
        src = [IPNetwork(str(i1.addresses[0].cidr))]
        dst = [IPNetwork(str(i2.addresses[0].cidr))]
        plan.blocks.append(Block(dev.hostname, n1, "in", "a", "b", src, dst, ("tcp/443",), ["x"]))
        plan.blocks.append(Block(dev.hostname, n2, "out", "ext", "b", [], dst, (), ["y"]))
    for svc in dev.services:
        plan.restricts.append(
            Restrict(dev.hostname, svc.name, svc.protocol, (), [IPNetwork("10.99.0.0/24")], svc.insecure)
        )
    return plan


CORPUS_FILES = sorted(p for p in CORPUS.glob("*") if p.is_file() and p.name != "BUILD.bazel") if CORPUS.is_dir() else []


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.conf")) + CORPUS_FILES, ids=lambda p: p.name)
def test_renders_everywhere(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    result = parse(text, path.name)
    for dev in result.devices:
        plan = _synthetic_plan(dev)
        res = MOD.render(plan, dev, text)
        assert res.change_set and res.rollback
        after = parse(res.patched, path.name)
        assert len(after.report.unrecognized) <= len(result.report.unrecognized)
        tail = res.change_set.split("config firewall policy", 1)
        added = re.findall(r"^    edit (\d+)$", tail[1], re.M) if len(tail) > 1 else []
        if added:
            adev = next(d for d in after.devices if d.hostname == dev.hostname)
            flt = adev.filters[adev.forward_filter]
            # before every policy; a dedicated management port's line (no policy: the port
            # forwards nothing whatever the order) stays first
            names = [ln.name for ln in flt.lines if not ln.name.startswith("dedicated management ")]
            assert names[: len(added)] == added
        text = res.patched  # the next VDOM sees this one's change, as the prover does


# --------------------------------------------------------------------------- anti-spoofing


def test_antispoof_turns_src_check_back_on(tmp_path):
    # VL40-KIOSK has the reverse-path check off: set back to enable (rollback: disable);
    # VL10-CANBO has it on (the default): nothing to add, a note says why the finding can
    # still arise instead of pretending.
    from netaudit.audit import run_audit
    from netaudit.remedy.plan import AntiSpoof

    sample = SAMPLES / "fortigate-ttpvhcc-leaky-policy"
    text = (sample / "FGT-TTHCC-TH.conf").read_text()
    anchor = '    edit "VL40-KIOSK"\n'
    assert anchor in text
    text = text.replace(anchor, anchor + "        set src-check disable\n", 1)
    net = tmp_path / "in"
    net.mkdir()
    (net / "FGT-TTHCC-TH.conf").write_text(text)
    audit = run_audit([net])
    dev = next(iter(audit.topology.devices.values()))
    plan = DevicePlan(
        dev.hostname,
        "fortinet_fortios",
        dev.file,
        antispoofs=[AntiSpoof(dev.hostname, "VL40-KIOSK", "kiosk"), AntiSpoof(dev.hostname, "VL10-CANBO", "staff")],
    )
    assert MOD is not None
    r = MOD.render(plan, dev, text)
    cs = r.change_set.splitlines()
    i = cs.index('    edit "VL40-KIOSK"')
    assert cs[i + 1 : i + 3] == ["        set src-check enable", "    next"]
    assert '    edit "VL10-CANBO"' not in cs
    rb = r.rollback.splitlines()
    j = rb.index('    edit "VL40-KIOSK"')
    assert rb[j + 1] == "        set src-check disable"
    assert "set src-check disable" not in r.patched.split('edit "VL40-KIOSK"')[1].split("next")[0]
    assert "set src-check enable" in r.patched.split('edit "VL40-KIOSK"')[1].split("next")[0]
    out = tmp_path / "out"
    out.mkdir()
    (out / "FGT-TTHCC-TH.conf").write_text(r.patched)
    after = run_audit([out])
    rep = after.snapshot.reports[0]
    assert not rep.unrecognized
    assert next(iter(after.topology.devices.values())).interfaces.keys() == dev.interfaces.keys()
    notes = " ".join(n["en"] for n in r.notes)
    assert "src-check enable" in notes and "VL10-CANBO" in notes and "strict-src-check" in notes
    assert all(n["vi"] for n in r.notes)


OPEN_RESOLVER = Path(__file__).parent / "leaky" / "fgt5-open-resolver-wan"
RESOLVER_CONF = "FGT40F-PHUONG-TANDINH.conf"


def test_an_open_resolver_is_closed_by_deleting_the_wan_dns_server(tmp_path):
    """fgt5 serves DNS on lan and on wan (`config system dns-server`, both recursive): the
    change set deletes the wan entry only — the LAN keeps its resolver, the IPsec endpoint
    on wan is untouched — and the rollback re-creates it as the backup held it."""
    from netaudit.audit import run_audit

    res = run_fix([OPEN_RESOLVER], OPEN_RESOLVER / "site.yaml", tmp_path / "fix")
    assert res.ok and res.lost == []
    assert ("policy-violation", ("internet", "@devices")) in {(f.check, tuple(f.zones)) for f in res.closed}
    r = res.devices["FGT-TanDinh"].rendered
    assert 'config system dns-server\n    delete "wan"\nend' in r.change_set
    assert 'delete "lan"' not in r.change_set
    assert 'config system dns-server\n    edit "wan"\n        set mode recursive\n    next\nend' in r.rollback
    assert any("DNS server on wan is deleted" in n["en"] for n in r.notes)
    patched = (tmp_path / "fix" / "after" / RESOLVER_CONF).read_text()
    dns = patched.split("config system dns-server", 1)[1].split("\nend", 1)[0]
    assert 'edit "lan"' in dns and 'edit "wan"' not in dns
    after = run_audit([tmp_path / "fix" / "after"], tmp_path / "fix" / "after" / "site.yaml")
    cells = {(c.src, c.dst): c for c in after.matrix}
    assert not {"udp/53", "tcp/53"} & set(cells[("internet", "@devices")].services)
    assert {"udp/500", "udp/4500"} <= set(cells[("internet", "@devices")].services)
    assert {"udp/53", "tcp/53"} <= set(cells[("staff", "@devices")].services)


def test_an_open_resolver_the_lan_resolves_at_is_left_with_the_reason(tmp_path):
    """The LAN has no DNS server entry of its own and resolves at the wan address (through
    its lan → wan policy to `all`): deleting the wan entry would take its DNS.  The proof's
    first round loses it (a Keep), the change set is rendered again without the deletion,
    and the open resolver is left with what to do first — the rest of the change set is
    still proposed, not withdrawn."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "site.yaml").write_text((OPEN_RESOLVER / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    text = (OPEN_RESOLVER / RESOLVER_CONF).read_text(encoding="utf-8")
    lan_entry = '    edit "lan"\n        set mode recursive\n    next\n'
    assert lan_entry in text
    (folder / RESOLVER_CONF).write_text(text.replace(lan_entry, ""), encoding="utf-8")
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.lost == []
    dev = res.devices["FGT-TanDinh"]
    assert dev.withdrawn is None and "dns-server" not in dev.rendered.change_set
    why = {tuple(f.zones): w["en"] for f, w in res.remaining}
    assert "zone staff resolves at the address of wan" in why[("internet", "@devices")]
    assert not res.ok  # the open resolver is still there: never a pass


def test_dns_reached_without_a_wan_entry_is_left_with_the_reason():
    """The Internet reaches DNS on the FortiGate but the interface it enters by has no
    dns-server entry (it reaches another interface's through a policy): nothing is
    deleted; the finding says to narrow that policy or add a local-in policy."""
    from netaudit.audit import run_audit
    from netaudit.remedy.plan import EdgeClose

    audit = run_audit([OPEN_RESOLVER], OPEN_RESOLVER / "site.yaml")
    dev = audit.topology.devices["FGT-TanDinh"]
    text = (OPEN_RESOLVER / RESOLVER_CONF).read_text(encoding="utf-8")
    text = text.replace('    edit "wan"\n        set mode recursive\n    next\n', "")
    plan = DevicePlan("FGT-TanDinh", "fortinet_fortios", RESOLVER_CONF)
    plan.closes = [EdgeClose("FGT-TanDinh", ["wan"], "udp/53", ["f-dns"])]
    r = MOD.render(plan, dev, text)
    assert "dns-server" not in r.change_set and r.patched == text
    assert "local-in-policy" in r.left["f-dns"]["en"] and "local-in-policy" in r.left["f-dns"]["vi"]


def test_multi_vdom_open_resolver_another_vdom_resolves_at_is_left(tmp_path):
    """The root VDOM serves DNS on port1 (the Internet's) and port2; the guest VDOM
    KHACH has no DNS server and its guests resolve at port1's address through root: the
    deletion would take the guests' DNS — the proof's first round sees it (a zone of
    another VDOM: EdgeClose.kept_for), the deletion is left out with the reason, and the
    rest of root's change set is still proposed, not withdrawn."""
    text = (FIXTURES / "multi-vdom.conf").read_text()
    src = tmp_path / "in"
    src.mkdir()
    (src / "fgt.conf").write_text(text.replace(MULTI_ANCHOR, MULTI_ANCHOR + MULTI_DNS, 1))
    (src / "site.yaml").write_text(MULTI_SITE)
    r = run_fix([src], None, tmp_path / "fix")
    assert r.lost == []
    root = r.devices["FGT-SO-TTTT/root"]
    assert root.withdrawn is None and "dns-server" not in root.rendered.change_set
    assert "unset allowaccess" in root.rendered.change_set
    why = {tuple(f.zones): w["en"] for f, w in r.remaining}
    assert "zone guest resolves at the address of port1" in why[("internet", "@devices")]


def test_multi_vdom_dns_server_deleted_inside_its_vdom():
    """The DNS server entries are per VDOM: the deletion goes inside `config vdom` /
    `edit root`, after the global part; the port2 entry stays."""
    from netaudit.audit import run_audit
    from netaudit.remedy.plan import EdgeClose

    text = (FIXTURES / "multi-vdom.conf").read_text().replace(MULTI_ANCHOR, MULTI_ANCHOR + MULTI_DNS, 1)
    audit = run_audit([FIXTURES / "multi-vdom.conf"])
    dev = audit.topology.devices["FGT-SO-TTTT/root"]
    plan = DevicePlan(dev.hostname, "fortinet_fortios", "fgt.conf")
    plan.closes = [EdgeClose(dev.hostname, ["port1"], s, ["f-dns"]) for s in ("udp/53", "tcp/53")]
    r = MOD.render(plan, dev, text)
    assert r.change_set.count('delete "port1"') == 1 and 'delete "port2"' not in r.change_set
    assert 'config vdom\nedit root\nconfig system dns-server\n    delete "port1"\nend\nend' in r.change_set
    assert (
        'config vdom\nedit root\nconfig system dns-server\n    edit "port1"\n        set mode forward-only'
        in r.rollback
    )
    kept = r.patched.split(MULTI_ANCHOR, 1)[1].split("\nend\n", 1)[0]
    assert kept == 'config system dns-server\n    edit "port2"\n    next'
    assert not r.left
