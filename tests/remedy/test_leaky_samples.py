"""``netaudit fix`` on every leaky sample with a change-set generator (docs/remedy.md): the
proof holds — no allowed flow lost, no finding at high or above left that a configuration
change closes — and ``netaudit audit fix/after`` is the network after the change."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SAMPLES, run_cli

from netaudit import remedy
from netaudit.remedy import VENDORS
from netaudit.remedy.prove import run_fix

LEAKY = [
    "cisco-commune-leaky",
    "asa-department-leaky-levels",
    "asa-department-leaky-mgmt",
    "fortigate-ttpvhcc-leaky-policy",
    "fortigate-ttpvhcc-leaky-admin",
    "routeros-commune-leaky-firewall",
    "routeros-commune-leaky-bridge",
    "linux-commune-leaky",
    "linux-commune-leaky-iptables",
    "openwrt-commune-leaky",
    "openwrt-commune-leaky-rules",
    "huawei-commune-leaky",
    "h3c-commune-leaky",
    "juniper-commune-leaky",
]


def test_every_leaky_sample_of_a_generator_vendor_is_here():
    prefixes = {
        "cisco": "cisco_ios",
        "asa": "cisco_asa",
        "fortigate": "fortinet_fortios",
        "routeros": "mikrotik_routeros",
        "linux": "linux",
        "openwrt": "openwrt",
        "huawei": "huawei_vrp",
        "h3c": "h3c_comware",
        "juniper": "juniper_junos",
    }
    have = {d.name for d in SAMPLES.iterdir() if "leaky" in d.name and prefixes.get(d.name.split("-")[0]) in VENDORS}
    assert have == set(LEAKY)


@pytest.mark.parametrize("sample", LEAKY)
def test_fix_cli_proof_holds(sample, tmp_path):
    out = tmp_path / "fix"
    code, stdout, err = run_cli("fix", SAMPLES / sample, "-o", out, "--lang", "en")
    assert code == 0, stdout + err
    assert "proof holds" in stdout and "flows lost 0" in stdout
    assert list(out.glob("*.txt")) and list(out.glob("*.rollback.txt"))
    assert (out / "after" / "site.yaml").is_file()
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "every allowed flow still flows" in readme
    # The patched network, audited like any other: nothing critical left.
    code, stdout, _ = run_cli("audit", out / "after", "--format", "json", "--lang", "en")
    assert '"severity": "critical"' not in stdout


def test_vendor_without_generator_is_said_not_guessed(tmp_path, monkeypatch):
    # A vendor whose generator is not registered (linux, taken out of the registry here).
    monkeypatch.delitem(remedy.VENDORS, "linux")
    res = run_fix([SAMPLES / "linux-commune-leaky"], None, tmp_path)
    assert res.devices and all(
        r.withdrawn and "no change-set generator" in r.withdrawn["en"] for r in res.devices.values()
    )
    assert not res.ok  # its severe findings stay open: never a pass by omission


def test_fix_output_inside_the_office_folder_is_not_read_by_the_next_audit(tmp_path):
    """``netaudit fix office -o office/fix``: the next audit of office read the change
    sets, rollbacks and after/ copies as devices (duplicates, unknown verdicts)."""
    from helpers import copy_sample, run_cli

    from netaudit.audit import run_audit

    office = copy_sample(tmp_path, "cisco-commune-leaky")
    before = {d.hostname for d in run_audit([office]).devices}
    code, _, err = run_cli("fix", office, "-o", office / "fix")
    assert code in (0, 1), err
    assert (office / "fix" / ".netaudit-output").is_file()
    assert {d.hostname for d in run_audit([office]).devices} == before
    assert {d.hostname for d in run_audit([office / "fix" / "after"]).devices} == before  # audited itself: read


def test_fix_output_that_cannot_be_written_is_a_one_line_error(tmp_path):
    from helpers import run_cli

    office = SAMPLES / "cisco-commune-leaky"
    code, _, err = run_cli("fix", office, "-o", tmp_path / "missing" / "fx", "--lang", "en")
    assert code == 2 and "does not exist" in err and not (tmp_path / "missing").exists()
    (tmp_path / "file").write_text("x")
    code, _, err = run_cli("fix", office, "-o", tmp_path / "file" / "fx")
    assert code == 2 and err.count("\n") == 1, err


# Routers answering DNS to the Internet (an open resolver: docs/semantics.md, "The
# reference policy"), one per vendor whose change set closes it where the Internet enters
# (plan.EDGE_CLOSE_VENDORS): device name of each.  (IOS: ios1, whose proof does not hold
# for its static NAT — tests/remedy/test_cisco_ios.py.)
OPEN_RESOLVERS = {
    "ros6-open-resolver-wg": "UBND-Phuong-An-Lac",
    "fgt5-open-resolver-wan": "FGT-TanDinh",
    "lnx5-nft-open-resolver-ip6": "gw-xa-phuhuu",
    "lnx6-ipt-open-resolver-bind": "ubnd-tanphuoc-gw",
    "owrt5-wan-dns-rule": "UBND-LongPhuoc",
}
LEAKY_DIR = Path(__file__).parent / "leaky"


def _dns(cell) -> set[str]:
    return {s for s in cell.services if s in ("udp/53", "tcp/53")}


@pytest.mark.parametrize("fixture", sorted(OPEN_RESOLVERS))
def test_an_open_resolver_is_closed_where_the_internet_enters(fixture, tmp_path):
    """`netaudit fix` as a user runs it: the Internet no longer reaches DNS on the router,
    every inside zone that resolved there still does, the VPN endpoint the Internet may
    reach is untouched, and the proof holds (exit 0)."""
    from netaudit.audit import run_audit

    folder = LEAKY_DIR / fixture
    out = tmp_path / "fix"
    code, stdout, err = run_cli("fix", folder, "--site", folder / "site.yaml", "-o", out, "--lang", "en")
    assert code == 0 and "proof holds" in stdout, stdout + err
    before = run_audit([folder], folder / "site.yaml")
    after = run_audit([out / "after"], out / "after" / "site.yaml")
    kinds = {z.name: z.kind for z in before.zones}
    cells_before = {(c.src, c.dst): c for c in before.matrix}
    cells_after = {(c.src, c.dst): c for c in after.matrix}
    internet = next(z for z, k in kinds.items() if k == "external")
    assert _dns(cells_before[(internet, "@devices")])  # the open resolver, before
    assert not _dns(cells_after[(internet, "@devices")])
    assert cells_after[(internet, "@devices")].verdict != "unknown"
    assert not [f for f in after.findings if f.zones[:2] == [internet, "@devices"] and f.severity == "high"]
    for zone, kind in kinds.items():
        if kind != "external" and (zone, "@devices") in cells_before:
            assert _dns(cells_before[(zone, "@devices")]) <= _dns(cells_after[(zone, "@devices")]), zone
    # the VPN endpoints the Internet reached stay reached
    vpn = {"udp/500", "udp/4500", "udp/13231"} & set(cells_before[(internet, "@devices")].services)
    assert vpn <= set(cells_after[(internet, "@devices")].services)
    assert (out / f"{OPEN_RESOLVERS[fixture]}.rollback.txt").is_file()
