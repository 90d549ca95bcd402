"""The RGOS remediation examples of the neutral management checks (netaudit/checks/ruijie_rgos.py):
a Ruijie device's finding shows RGOS commands, never IOS's."""

from __future__ import annotations

from helpers import SAMPLES

from netaudit.audit import run_audit


def test_management_findings_on_ruijie_show_rgos_commands():
    audit = run_audit([SAMPLES / "ruijie-ward-leaky"])
    by_check = {f.check: f for f in audit.findings}
    telnet = by_check["mgmt-telnet"].remediation["en"]
    assert "Example (Ruijie RGOS)" in telnet and "no enable service telnet-server" in telnet
    assert "transport input" not in telnet  # IOS's way
    assert "no enable service web-server http" in by_check["mgmt-http-server"].remediation["vi"]
    assert "no enable service snmp-agent" in by_check["mgmt-snmp-community"].remediation["en"]
