"""``netaudit fix`` on Huawei VRP: there is no change-set generator yet — it says so per
device and the proof does not hold (never a pass by omission, never a crash)."""

from __future__ import annotations

from helpers import SAMPLES, run_cli

from netaudit.remedy import VENDORS
from netaudit.remedy.prove import run_fix


def test_fix_says_plainly_there_is_no_generator(tmp_path):
    assert "huawei_vrp" not in VENDORS
    res = run_fix([SAMPLES / "huawei-commune-leaky"], None, tmp_path / "a")
    assert set(res.devices) == {"UBNDPL-CORE", "UBNDPL-RT"}
    assert all("no change-set generator for huawei_vrp" in r.withdrawn["en"] for r in res.devices.values())
    assert not res.ok
    code, stdout, err = run_cli("fix", SAMPLES / "huawei-commune-leaky", "-o", tmp_path / "fix", "--lang", "en")
    assert code == 1, stdout + err
    assert "0 change set(s)" in stdout and "DOES NOT HOLD" in stdout
    readme = (tmp_path / "fix" / "README.md").read_text(encoding="utf-8")
    assert "no change-set generator for huawei_vrp yet" in readme
