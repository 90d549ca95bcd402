"""Linux hardening checks (netaudit/checks/linux.py) on the two sample offices: the leaky
router's accept policies are found with the line that sets them; the compliant one's
drop policies give nothing."""

from __future__ import annotations

import pytest
from helpers import SAMPLES

from netaudit.audit import run_audit

CHECKS = ("linux-input-policy-accept", "linux-forward-policy-accept")


@pytest.fixture(scope="module")
def leaky():
    return run_audit([SAMPLES / "linux-commune-leaky"])


@pytest.fixture(scope="module")
def compliant():
    return run_audit([SAMPLES / "linux-commune-compliant"])


@pytest.mark.parametrize("check", CHECKS)
def test_accept_policy_found_with_its_line(leaky, check):
    [f] = [f for f in leaky.findings if f.check == check]
    assert f.devices and f.evidence
    assert all("policy accept" in e["text"] for e in f.evidence)
    assert f.title["vi"] and f.title["en"] and f.remediation["vi"]


@pytest.mark.parametrize("check", CHECKS)
def test_drop_policy_gives_nothing(compliant, check):
    assert not [f for f in compliant.findings if f.check == check]
