"""netaudit/audit.py: what an input problem does to the exit rule, the conclusion and the
site-reference error (issue #8: data never disappears silently)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import SAMPLES

from netaudit.audit import failures, run_audit
from netaudit.compliance import NEEDS_CHECK, PASS, regime
from netaudit.inputs import InputError

OFFICE = SAMPLES / "cisco-commune-compliant"


def _office_with_edge_cut(tmp_path: Path, keep_lines: int) -> Path:
    """The compliant office with its edge router's configuration cut after ``keep_lines``."""
    folder = tmp_path / "office"
    shutil.copytree(OFFICE, folder)
    edge = folder / "edge-rt.cfg"
    lines = edge.read_text(encoding="utf-8").splitlines(keepends=True)
    edge.write_text("".join(lines[:keep_lines]), encoding="utf-8")
    return folder


def test_compliant_office_passes():
    audit = run_audit([OFFICE])
    comp = audit.compliance
    assert regime(comp, comp["default"])["verdict"] == PASS
    assert failures(audit) == []


def test_input_problem_makes_the_conclusion_needs_checking(tmp_path):
    # Only the final "end" is lost: every verdict is the same, but the file was cut short,
    # so the audit may neither exit 0 nor conclude "pass".
    folder = _office_with_edge_cut(tmp_path, keep_lines=124)
    audit = run_audit([folder])
    assert any("edge-rt.cfg" in p and "truncated" in p for p in audit.snapshot.input_problems)
    reg = regime(audit.compliance, audit.compliance["default"])
    assert reg["verdict"] == NEEDS_CHECK
    assert any("input problem" in r["en"] for r in reg["reasons"])
    assert any("dữ liệu đầu vào" in r["vi"] for r in reg["reasons"])
    why = failures(audit)
    assert why[0].startswith("1 input problem(s)") and "conclusion: check" in why


def test_site_reference_error_names_the_input_problem(tmp_path):
    # Cut before the uplink interface the site attaches the Internet zone to: the site file
    # is right, the input is damaged — the error must say so, not only "no such interface".
    folder = _office_with_edge_cut(tmp_path, keep_lines=30)
    with pytest.raises(InputError) as err:
        run_audit([folder])
    msg = str(err.value)
    assert "GigabitEthernet0/0" in msg
    assert "input problems:" in msg and "edge-rt.cfg" in msg and "truncated" in msg


def test_a_file_cut_inside_line_vty_gives_no_proven_telnet_finding(tmp_path):
    """The compliant office's core switch cut inside ``line vty 0 4``, before its
    ``transport input ssh``: IOS's default (telnet) made a high "Telnet enabled" finding,
    stated as fact, and the conclusion "fail" where the uncut file passes.  What the rest
    of a file cut short says is not known: the finding is said, not proven, and the
    conclusion is "needs checking"."""
    from helpers import copy_sample

    from netaudit.compliance import NEEDS_CHECK

    office = copy_sample(tmp_path, "cisco-commune-compliant")
    core = office / "core-sw.cfg"
    lines = core.read_text().splitlines()
    vty = next(i for i, ln in enumerate(lines) if ln.startswith("line vty 0 4"))
    core.write_text("\n".join(lines[: vty + 2]) + "\n")
    audit = run_audit([office])
    [telnet] = [f for f in audit.findings if f.check == "mgmt-telnet"]
    assert not telnet.proven and "not proven" in telnet.detail["en"] and telnet.to_json()["proven"] is False
    assert regime(audit.compliance, audit.compliance["default"])["verdict"] == NEEDS_CHECK
    assert any("not proven" in f for f in failures(audit))  # never a pass either
