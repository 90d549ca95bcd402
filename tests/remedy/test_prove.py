"""The proof of ``netaudit fix`` (netaudit/remedy/prove.py, docs/remedy.md): what counts
as closed, what is withdrawn, and why what is left is left."""

from __future__ import annotations

from helpers import FIXTURES

from netaudit.remedy.prove import run_fix


def test_a_violation_that_turns_unknown_is_not_closed(tmp_path):
    """core-l3 (zones inferred): the change stops the packets that surely reached the
    switch's own services; what is left runs where its dynamically learned routes are not
    known. The cell is unknown after the change — the violation was counted "closed" and
    the proof held; an unknown is never a pass."""
    res = run_fix([FIXTURES / "cisco_ios" / "core-l3.cfg"], None, tmp_path / "fix")
    unknown_after = {(c.src, c.dst) for c in res.after.matrix if c.verdict == "unknown"}
    assert ("internet", "@devices") in unknown_after
    closed = {tuple(f.zones[:2]) for f in res.closed if f.check == "policy-violation"}
    assert ("internet", "@devices") not in closed
    left = {tuple(f.zones[:2]): why for f, why in res.remaining if f.check == "policy-violation"}
    assert "neither blocked nor reachable" in left[("internet", "@devices")]["en"]
    assert left[("internet", "@devices")]["vi"] != left[("internet", "@devices")]["en"]
    assert not res.ok


def test_a_device_not_read_as_its_vendor_gets_no_change_set(tmp_path):
    """An NX-OS configuration is claimed by the IOS parser (every verdict through it is
    unknown): its change set was written in IOS syntax (``ip access-list standard``,
    ``line vty``, ``snmp-server community … RO ACL``), which NX-OS rejects or reads
    otherwise. Not proposed, and said why."""
    res = run_fix([FIXTURES / "cisco_ios" / "nxos-dc-core.cfg"], None, tmp_path / "fix")
    (dev,) = res.devices.values()
    assert dev.withdrawn is not None and "NX-OS" in dev.withdrawn["en"]
    assert not list((tmp_path / "fix").glob("*.txt"))
    assert all("NX-OS" in why["en"] for f, why in res.remaining if f.check == "mgmt-telnet")


def test_unknown_cells_cannot_be_fixed_blind(tmp_path):
    """Findings of unknown cells are said not fixable blind, not "the plan has no
    configuration change for this finding: follow its remediation"."""
    res = run_fix([FIXTURES / "cisco_ios" / "nxos-dc-core.cfg"], None, tmp_path / "fix")
    unknown = [why for f, why in res.remaining if f.check == "unknown-verdict"]
    assert unknown and all("blind" in why["en"] for why in unknown)


def test_a_severe_finding_the_change_brings_fails_the_proof():
    """A change set whose own rules bring a finding at high or above (a block by source
    addresses a zone can forge past) did "hold": only findings left were counted."""
    from netaudit.checks import Finding
    from netaudit.remedy.prove import FixResult

    forged = Finding("spoofing", "high", {"vi": "giả mạo", "en": "forged"}, {}, {}, ["tslcd", "mgmt"], key="tslcd")
    result = FixResult(before=None, after=None, plan=None, devices={}, new=[forged])
    assert result.open_severe == [forged] and not result.ok


def test_a_published_service_the_change_cuts_is_said(tmp_path):
    """ros5: the Internet reaches the one-stop server in staff and the camera recorder by
    dst-nat; the policy denies both and the change set blocks them — the README said
    nothing of the published services that stop answering."""
    from pathlib import Path

    folder = Path(__file__).parent / "leaky" / "ros5-nozone-dstnat"
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    notes = [n["en"] for n in res.devices["VinhPhu-RT"].rendered.notes]
    cut = [n for n in notes if n.startswith("The service published by destination NAT")]
    assert len(cut) == 2
    assert any("may chu mot cua" in n and "into staff" in n for n in cut)
    assert any("xem camera tu xa" in n and "into camera" in n for n in cut)
    from helpers import run_cli

    code, _, err = run_cli("fix", folder, "-o", tmp_path / "cli", "--lang", "vi")
    assert code in (0, 1), err
    readme = (tmp_path / "cli" / "README.md").read_text(encoding="utf-8")
    assert readme.count("Dịch vụ công bố bằng NAT đích") == 2


def test_a_violation_left_maybe_beyond_the_policy_is_not_closed():
    """After the change the cell is reachable — only on a service the policy allows (a
    DHCP relay agent) — and may reach more beyond it (a router learning routes with no
    routing state): the violation was counted "closed" because the cell was not
    "unknown". What may still violate is never a pass."""
    from types import SimpleNamespace

    from netaudit.checks import Finding
    from netaudit.messages import Text
    from netaudit.reach.matrix import Cell
    from netaudit.remedy.prove import FixResult, _compare

    violation = Finding(
        "policy-violation", "high", {"vi": "vi phạm", "en": "violation"}, {}, {}, [], zones=["soz", "@devices"]
    )
    why = Text("reason.dynamic_routing", device="soza_rtr")
    after_cell = Cell("soz", "@devices", "reachable", services=["udp/67"], maybe_services=["ip"], maybe_reason=why)
    after_cell.may_violate = True
    result = FixResult(
        before=SimpleNamespace(findings=[violation], matrix=[]),
        after=SimpleNamespace(findings=[], matrix=[after_cell]),
        plan=None,
        devices={},
    )
    _compare(result)
    assert result.closed == []
    ((left, reason),) = result.remaining
    assert left is violation
    assert (
        "neither blocked nor reachable" in reason["en"] and "surely reaches only what the policy allows" in reason["en"]
    )
    assert reason["vi"] != reason["en"]
    assert result.open_severe == [violation] and not result.ok


def test_a_device_the_management_zone_loses_is_a_lost_flow(tmp_path, monkeypatch):
    """The proof compares what each device answers, not only the zone pair: the H3C
    sample's "mgmt -> internet" deny on the core's management VLAN also held the edge
    router's own addresses (its transit link and WAN: no inside zone owns them), so the
    management zone lost SSH to the router while the core still answered it.  Without
    the permits of the devices' own addresses (EntryPlanner._devices_first) the change
    set is withdrawn, naming the router; with them, nothing is lost."""
    from helpers import SAMPLES

    from netaudit.remedy import entries

    sample = SAMPLES / "h3c-commune-leaky"
    res = run_fix([sample], None, tmp_path / "with")
    assert res.lost == [] and not any(r.withdrawn for r in res.devices.values())
    monkeypatch.setattr(entries.EntryPlanner, "_devices_first", lambda self, b, aces, base: aces)
    res = run_fix([sample], None, tmp_path / "without")
    why = res.devices["UBNDHB-CORE"].withdrawn
    assert why is not None and "mgmt -> @devices (UBNDHB-RT) tcp/22" in why["en"]


def test_an_ios_block_to_the_internet_keeps_the_routers_own_address(tmp_path):
    """IOS (the entries every ACL vendor shares): the management VLAN's new ACL denies the
    Internet, and permits first the router's own WAN address, which the interface let
    through before (no ACL there): the device's services stay the @devices cell's."""
    from helpers import ROOT

    folder = ROOT / "tests" / "remedy" / "leaky" / "ios2-guest-acl-typo"
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    text = res.devices["UBND-P3-RT"].rendered.change_set
    acl = text.split("ip access-list extended NETAUDIT-GigabitEthernet0-1-99-IN\n", 1)[1].split("exit", 1)[0]
    lines = acl.splitlines()
    assert " permit ip any host 42.112.30.6" in lines
    assert lines.index(" permit ip any host 42.112.30.6") < lines.index(" deny ip any 0.0.0.0 7.255.255.255")
