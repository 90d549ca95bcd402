"""``netaudit fix`` on every leaky sample with a change-set generator (docs/remedy.md): the
proof holds — no allowed flow lost, no finding at high or above left that a configuration
change closes — and ``netaudit audit fix/after`` is the network after the change."""

from __future__ import annotations

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
]


def test_every_leaky_sample_of_a_generator_vendor_is_here():
    prefixes = {
        "cisco": "cisco_ios",
        "asa": "cisco_asa",
        "fortigate": "fortinet_fortios",
        "routeros": "mikrotik_routeros",
        "linux": "linux",
        "openwrt": "openwrt",
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
    code, _, err = run_cli("fix", office, "-o", tmp_path / "missing" / "fx")
    assert code == 2 and "does not exist" in err and not (tmp_path / "missing").exists()
    (tmp_path / "file").write_text("x")
    code, _, err = run_cli("fix", office, "-o", tmp_path / "file" / "fx")
    assert code == 2 and err.count("\n") == 1, err
