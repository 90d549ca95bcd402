"""The "why it matters" sentences a report gives per check (``report.why.<check>``) are in the
catalogue itself, not registered by a check module: `netaudit report` of a saved document
never imports the checks (and an audit imports a vendor's checks only for its devices), so a
sentence a check module registered was missing there."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from netaudit import messages
before = {k for k in messages.CATALOGUE if k.startswith("report.why.")}
assert not [m for m in sys.modules if m.startswith("netaudit.checks")]
from netaudit.checks import load_checks
load_checks()
after = {k for k in messages.CATALOGUE if k.startswith("report.why.")}
print(sorted(after - before))
"""


def test_no_check_module_adds_a_why_sentence():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
