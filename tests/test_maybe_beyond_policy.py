"""A reachable cell whose delivered packets keep to the policy but whose *maybe* part (a
partial line or service on the path) goes beyond it is not proven within the policy:
``may_violate``, an unknown-verdict finding, never a pass (docs/semantics.md,
"Reachable, and maybe more").  Before, the cell read "reachable, only DHCP/DNS", no
finding, and the conclusion said the guest was proven isolated."""

from __future__ import annotations

import json

import pytest

from netaudit.audit import failures, run_audit
from netaudit.cli import main
from netaudit.compliance import PASS, regime
from netaudit.report import RenderOptions, render

DNS_LINE = " permit udp 10.10.40.0 0.0.0.255 host 10.10.40.1 eq domain\n"


def _office(sample_copy, extra: str, keep_access_class: bool = False):
    """The compliant commune office with ``extra`` added to the guest ACL after its DNS
    line; without the vty access-class, the core switch's SSH answers any source."""
    office = sample_copy("cisco-commune-compliant")
    cfg = office / "core-sw.cfg"
    text = cfg.read_text(encoding="utf-8")
    assert DNS_LINE in text
    text = text.replace(DNS_LINE, DNS_LINE + extra, 1)
    if not keep_access_class:
        text = text.replace(" access-class ACL-QUAN-TRI in\n", "")
    cfg.write_text(text, encoding="utf-8")
    return office


@pytest.fixture
def ssh_in_office_hours(sample_copy):
    # A time-range is not modelled: the line may or may not take the guest's SSH.
    return _office(sample_copy, " permit tcp 10.10.40.0 0.0.0.255 host 10.10.40.1 eq 22 time-range GIO-HANH-CHINH\n")


def _verdict(audit) -> str:
    return regime(audit.compliance, audit.compliance["default"])["verdict"]


def _cell(audit, src, dst):
    return next(c for c in audit.matrix if (c.src, c.dst) == (src, dst))


def test_maybe_beyond_the_policy_is_not_proven(ssh_in_office_hours):
    audit = run_audit([ssh_in_office_hours])
    cell = _cell(audit, "guest", "@devices")
    assert cell.verdict == "reachable" and not cell.violation  # DHCP and DNS: within the policy
    assert cell.services == ["udp/53", "udp/67"]
    assert cell.may_violate and cell.maybe_services == ["tcp/22"]
    assert "time-range" in str(cell.maybe_reason)
    limits = [f for f in audit.findings if f.check == "unknown-verdict" and f.zones == ["guest", "@devices"]]
    assert len(limits) == 1 and "tcp/22" in limits[0].detail["en"]
    assert any("not proven within the policy" in why for why in failures(audit))
    assert _verdict(audit) != PASS
    doc = json.loads(render(audit, "json", RenderOptions(lang="en")))
    jcell = next(c for c in doc["matrix"] if (c["src"], c["dst"]) == ("guest", "@devices"))
    assert jcell["verdict"] == "reachable" and jcell["violation"] is False
    assert jcell["may_violate"] is True and jcell["maybe_services"] == ["tcp/22"]
    assert "time-range" in jcell["maybe_reason_text"]["vi"]


def test_the_conclusion_says_not_known(ssh_in_office_hours, capsys):
    code = main(["audit", str(ssh_in_office_hours), "--lang", "en"])
    out = capsys.readouterr().out
    assert code != 0
    last = out.rstrip("\n").splitlines()[-1]
    assert last.startswith("Conclusion: NOT KNOWN whether the guest Wi-Fi can reach the internal network")
    assert "time-range" in last
    row = next(x for x in out.splitlines() if x.split()[:2] == ["guest", "@devices"])
    assert "(+? tcp/22)" in row and "NOT PROVEN" in row


def test_reports_show_what_may_be_delivered(ssh_in_office_hours):
    audit = run_audit([ssh_in_office_hours])
    md = render(audit, "md", RenderOptions(lang="en"))
    assert isinstance(md, str) and "(maybe also tcp/22)" in md
    html = render(audit, "html", RenderOptions(lang="vi"))
    assert isinstance(html, str) and "(có thể cả tcp/22)" in html
    assert html.count('class="v-unknown"') > 0


def test_maybe_within_the_policy_stays_proven(sample_copy):
    # The uncertain line only permits DNS to the gateway: within the policy either way.
    office = _office(
        sample_copy, " permit tcp 10.10.40.0 0.0.0.255 host 10.10.40.1 eq domain time-range GIO-HANH-CHINH\n"
    )
    audit = run_audit([office])
    cell = _cell(audit, "guest", "@devices")
    assert cell.verdict == "reachable" and not cell.violation and not cell.may_violate
    assert not any(f.check == "unknown-verdict" for f in audit.findings)


def test_the_compliant_office_has_no_unproven_cell():
    audit = run_audit(["sample_configs/cisco-commune-compliant"])
    assert not any(c.may_violate for c in audit.matrix)
    assert _verdict(audit) == PASS


def test_a_ping_that_depends_on_the_wan_address_is_low(tmp_path):
    # The ward blueprint's router takes its WAN address by DHCP/PPPoE: its guest ACL
    # denies the private ranges, so without its control-plane policy a guest's ping to
    # that address passes for a public one and not for a CGNAT one — not proven, and no
    # graver than ICMP to the devices.  With the policy (as generated) it is proven.
    out = tmp_path / "bp"
    code = main(["blueprint", "sample_configs/blueprints/ward-ios.yaml", "-o", str(out), "--lang", "en"])
    assert code == 0
    audit = run_audit([out / "configs"], out / "configs" / "site.yaml")
    assert not _cell(audit, "guest", "@devices").may_violate and failures(audit) == []
    (router,) = [p for p in (out / "configs").glob("*.cfg") if "service-policy input" in p.read_text()]
    text = router.read_text()
    router.write_text(text.replace(" service-policy input BAO-VE-ROUTER\n", "", 1))
    audit = run_audit([out / "configs"], out / "configs" / "site.yaml")
    guest = _cell(audit, "guest", "@devices")
    assert guest.may_violate and "icmp/8" in guest.maybe_services
    limits = [f for f in audit.findings if f.check == "unknown-verdict" and f.zones == ["guest", "@devices"]]
    assert [f.severity for f in limits] == ["low"]
