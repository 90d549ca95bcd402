"""The fix folder's README (:mod:`netaudit.remedy.write`)."""

from __future__ import annotations

from netaudit.checks import Finding
from netaudit.remedy.prove import FixResult
from netaudit.remedy.write import write


def _finding(check: str, severity: str, title: str, key: str) -> Finding:
    return Finding(check, severity, {"vi": title, "en": title}, {}, {}, [], key=key)


def test_the_same_finding_many_times_is_one_line_with_its_count(tmp_path):
    """A change atop a long ACL leaves one "shadowed line" finding per old line: the
    README says it once with their number, and every other finding still has its line."""
    why = {"vi": "làm theo hướng dẫn", "en": "follow its guidance"}
    shadowed = [_finding("acl.shadowed", "medium", "ACL line never takes effect", f"l{i}") for i in range(3541)]
    other = _finding("policy.flow", "critical", "internet -> staff violates the policy", "x")
    result = FixResult(
        before=None,
        after=None,
        plan=None,
        devices={},
        closed=[_finding("guest.reach", "critical", "guest reaches staff", "g")],
        remaining=[(other, why)] + [(f, why) for f in shadowed],
        new=shadowed[:2],
    )
    write(result, tmp_path, "en")
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "- Findings left: 3542" in readme
    assert "  - [critical] internet -> staff violates the policy — follow its guidance\n" in readme
    assert "  - [medium] ACL line never takes effect — follow its guidance (3541 findings)\n" in readme
    assert "- New findings: 2\n  - [medium] ACL line never takes effect (2 findings)\n" in readme
    assert "  - [critical] guest reaches staff\n" in readme
    assert len(readme.splitlines()) < 20


def test_a_vdom_change_set_is_a_file_not_a_path(tmp_path):
    """FortiGate VDOMs are devices named ``host/vdom``: their change set was written to
    ``OUT/host/vdom.txt`` (no such folder: ``-o: cannot write``, exit 2, nothing written)."""
    from netaudit.remedy import Rendered
    from netaudit.remedy.prove import DeviceResult

    res = DeviceResult("FGT-SO-TTTT/root", "fortinet_fortios", "multi-vdom.conf")
    res.rendered = Rendered("config vdom\nedit root\nend\n", "", "config vdom\nedit root\nend\n")
    result = FixResult(before=None, after=None, plan=None, devices={res.device: res})
    write(result, tmp_path, "en")
    assert (tmp_path / "FGT-SO-TTTT_root.txt").read_text() == res.rendered.change_set
    assert (tmp_path / "FGT-SO-TTTT_root.rollback.txt").is_file()
    assert "`FGT-SO-TTTT_root.txt`" in (tmp_path / "README.md").read_text(encoding="utf-8")


def test_fix_of_a_multi_vdom_backup_writes_every_change_set(tmp_path):
    from helpers import FIXTURES, run_cli

    code, _, err = run_cli("fix", FIXTURES / "fortinet_fortios" / "multi-vdom.conf", "-o", tmp_path / "fix")
    assert code in (0, 1), err
    assert list((tmp_path / "fix").glob("FGT-SO-TTTT_*.txt"))


def test_the_readme_and_the_summary_are_in_the_plans_language(tmp_path):
    """Every word of the README and of the terminal line comes from the one catalogue, in
    the command's language: the Vietnamese summary said "0 thay đổi in /tmp/fix"."""
    why = {"vi": "làm theo hướng dẫn", "en": "follow its guidance"}
    left = _finding("policy.flow", "critical", "internet -> staff", "x")
    result = FixResult(before=None, after=None, plan=None, devices={}, closed=[], remaining=[(left, why)], new=[])
    vi = write(result, tmp_path, "vi")
    assert vi.startswith(f"netaudit fix: 0 thay đổi trong {tmp_path}; đóng 0, còn 1, mất luồng 0 — chứng minh ")
    assert " in " not in vi
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Kế hoạch khắc phục\n") and "- Phát hiện còn lại: 1\n" in readme
    en = write(result, tmp_path, "en")
    assert en.startswith(f"netaudit fix: 0 change set(s) in {tmp_path}; closed 0, left 1, flows lost 0 — proof ")


def test_a_device_with_nothing_to_paste_gets_no_file_and_is_not_counted(tmp_path):
    """A generator that could write no command (every finding of the device's plan left:
    IOS, ASA, VRP and Comware return an empty change set) gave an empty ``<device>.txt`` and
    "1 change set(s)": no file now, not counted, the README says why."""
    from netaudit.remedy import Rendered
    from netaudit.remedy.prove import DeviceResult

    empty = DeviceResult("FW-A", "h3c_comware", "a.cfg")
    empty.rendered = Rendered("", "", "sysname FW-A\n", notes=[{"vi": "x", "en": "Apply this change from the console"}])
    full = DeviceResult("RT-B", "huawei_vrp", "b.cfg")
    full.rendered = Rendered("system-view\nundo telnet server enable\nreturn\n", "", "system-view\nreturn\n")
    result = FixResult(before=None, after=None, plan=None, devices={"FW-A": empty, "RT-B": full})
    summary = write(result, tmp_path, "en")
    assert "1 change set(s)" in summary
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == ["RT-B.rollback.txt", "RT-B.txt"]
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "## FW-A (h3c_comware)\n- Not proposed: no command to apply on this device" in readme
    assert "Apply this change from the console" not in readme
