"""FortiGate checks (netaudit.checks.fortinet_fortios) on small parsed FortiOS configs."""

from __future__ import annotations

import pytest
from helpers import analyse

import netaudit.checks as checks_registry
from netaudit import messages
from netaudit.checks import REGISTRY, AuditContext, load_checks
from netaudit.parsers import fortinet_fortios as F
from netaudit.policy import resolve_expectation
from netaudit.zones import site_from_dict

CHECKS = "netaudit.checks.fortinet_fortios"

BASE = """#config-version=FG60F-7.2.5-FW-build1517-230606:opmode=0:vdom=0:user=admin
config system global
    set hostname "FGT"
end
config system interface
    edit "wan1"
        set vdom "root"
        set ip 203.0.113.2 255.255.255.248
        set type physical
        set role wan
{wan}    next
    edit "lan"
        set vdom "root"
        set ip 10.0.10.1 255.255.255.0
        set type physical
{lan}    next
    edit "srv"
        set vdom "root"
        set ip 10.0.20.1 255.255.255.0
        set type physical
    next
    edit "guest"
        set vdom "root"
        set ip 10.0.50.1 255.255.255.0
        set type physical
{guest}    next
    edit "spare"
        set vdom "root"
        set ip 10.0.70.1 255.255.255.0
        set status down
        set allowaccess http telnet
    next
end
config firewall address
    edit "all"
    next
end
config router static
    edit 1
        set gateway 203.0.113.1
        set device "wan1"
    next
end
"""
ZONES = {
    "staff": {"kind": "internal", "subnets": ["10.0.10.0/24"], "attach": ["FGT:lan"]},
    "servers": {"kind": "server", "subnets": ["10.0.20.0/24"], "attach": ["FGT:srv"]},
    "guest": {"kind": "guest", "subnets": ["10.0.50.0/24"], "attach": ["FGT:guest"]},
    "internet": {"kind": "external", "attach": ["FGT:wan1"]},
}
# An administrator with no trusted hosts (the FortiOS default): logins from anywhere.
ADMINS = """config system admin
    edit "admin"
        set accprofile "super_admin"
    next
end
"""

ADMINS_OK = """config system admin
    edit "admin"
        set accprofile "super_admin"
        set trusthost1 10.0.10.0 255.255.255.0
    next
end
"""


def config(wan="", lan="", guest="", extra="") -> str:
    def access(v):
        return f"        set allowaccess {v}\n" if v else ""

    return BASE.format(wan=access(wan), lan=access(lan), guest=access(guest)) + extra


def pol(pid, srcintf, dstintf, srcaddr="all", dstaddr="all", service="ALL", action="accept") -> str:
    return (
        f'    edit {pid}\n        set srcintf "{srcintf}"\n        set dstintf "{dstintf}"\n'
        f'        set srcaddr "{srcaddr}"\n        set dstaddr "{dstaddr}"\n'
        f'        set action {action}\n        set schedule "always"\n'
        f'        set service "{service}"\n    next\n'
    )


def policies(*items) -> str:
    return "config firewall policy\n" + "".join(items) + "end\n"


def context(text: str) -> AuditContext:
    res = F.parse(text, "fgt.conf")
    site = site_from_dict({"unit": "t", "level": 2, "zones": ZONES})
    return analyse(res.devices, site).context([res.report])


@pytest.fixture(autouse=True)
def registered(monkeypatch):
    if CHECKS not in checks_registry.CHECK_MODULES:
        monkeypatch.setattr(checks_registry, "CHECK_MODULES", [*checks_registry.CHECK_MODULES, CHECKS])
    load_checks()


def run(check_id: str, text: str) -> list:
    info = REGISTRY[check_id]
    return list(info.func(context(text), info))


# --------------------------------------------------------------------------- registry


def test_checks_are_registered_with_bilingual_texts():
    for cid in (
        "fortigate-allowaccess-wan-guest",
        "fortigate-admin-no-trusthost",
        "fortigate-any-any-policy",
        "fortigate-snmp-no-hosts",
    ):
        assert cid in REGISTRY
        for part in ("title", "detail", "remediation"):
            entry = messages.CATALOGUE[f"check.{cid}.{part}"]
            assert entry["vi"] and entry["en"] and entry["vi"] != entry["en"]
    assert "check.mgmt-telnet.snippet.fortinet_fortios" in messages.CATALOGUE


# --------------------------------------------------------------------------- allowaccess


def test_http_telnet_on_the_wan_is_critical_with_fortios_remediation():
    [f] = run("fortigate-allowaccess-wan-guest", config(wan="ping https http telnet", extra=ADMINS_OK))
    assert f.severity == "critical"
    assert f.devices == ["FGT"] and f.evidence[0]["text"] == "set allowaccess ping https http telnet"
    assert "https http telnet" in f.title["en"] and "wan1" in f.title["vi"]
    assert "WAN" in f.detail["en"] and "set role wan" in f.detail["en"]
    rem = f.remediation["en"]
    assert 'edit "wan1"' in rem and "unselect allowaccess https http telnet" in rem
    assert "Cấu hình mẫu (FortiOS)" in f.remediation["vi"]


def test_https_ssh_only_on_the_wan_is_high():
    [f] = run("fortigate-allowaccess-wan-guest", config(wan="ping https ssh", extra=ADMINS_OK))
    assert f.severity == "high"


def test_admin_access_on_the_guest_interface():
    [f] = run("fortigate-allowaccess-wan-guest", config(guest="ping https", extra=ADMINS_OK))
    assert f.severity == "high" and f.zones == ["guest"]
    assert "guest" in f.detail["en"]


def test_admin_access_reached_from_the_guest_through_a_policy():
    text = config(lan="ping https ssh", extra=ADMINS + policies(pol(1, "guest", "lan")))
    [f] = run("fortigate-allowaccess-wan-guest", text)
    assert f.zones == ["guest"] and "reached from zone guest" in f.detail["en"]
    assert any(e["text"].startswith('policy 1: srcintf "guest"') for e in f.evidence)


def test_trusted_hosts_leave_the_guest_only_forged_sources():
    # trusthost = the staff range: the guest reaches the login only with a forged staff
    # source, which never completes a session: a spoofing finding, not an exposure.
    # FortiOS's reverse-path check (src-check, on by default) drops a staff source arriving
    # on the guest interface (no route to staff through it): only with src-check disabled
    # there do the forged packets pass.
    text = config(lan="ping https ssh", extra=ADMINS_OK + policies(pol(1, "guest", "lan")))
    assert run("fortigate-allowaccess-wan-guest", text) == []
    ctx = context(text)
    kinds = {z.name: z.kind for z in ctx.zones}
    for cell in ctx.matrix:
        cell.expectation = resolve_expectation(
            cell.src, kinds[cell.src], cell.dst, kinds.get(cell.dst, "devices"), 2, []
        )
    assert list(REGISTRY["spoofing"].func(ctx, REGISTRY["spoofing"])) == []
    text = text.replace(
        "        set ip 10.0.50.1 255.255.255.0\n",
        "        set ip 10.0.50.1 255.255.255.0\n        set src-check disable\n",
    )
    assert "src-check disable" in text
    ctx = context(text)
    kinds = {z.name: z.kind for z in ctx.zones}
    for cell in ctx.matrix:
        cell.expectation = resolve_expectation(
            cell.src, kinds[cell.src], cell.dst, kinds.get(cell.dst, "devices"), 2, []
        )
    [f] = list(REGISTRY["spoofing"].func(ctx, REGISTRY["spoofing"]))
    assert f.key == "guest" and f.severity == "low" and "tcp/22" in f.detail["en"]


def test_internal_or_shut_interfaces_and_ping_only_are_not_reported():
    assert run("fortigate-allowaccess-wan-guest", config(lan="ping https ssh", wan="ping", extra=ADMINS_OK)) == []


# --------------------------------------------------------------------------- trusthost


ADMINS_MIXED = """config system admin
    edit "admin"
        set accprofile "super_admin"
        set trusthost1 10.0.10.0 255.255.255.0
    next
    edit "vendor"
        set accprofile "super_admin"
        set password ENC SH2xxxxxxxxxxxxxxxxxxxx
    next
end
"""


def test_admin_without_trusthost_medium_when_not_exposed():
    [f] = run("fortigate-admin-no-trusthost", config(lan="https", extra=ADMINS_MIXED))
    assert f.severity == "medium" and f.evidence[0]["text"] == 'edit "vendor"'
    assert 'edit "vendor"' in f.remediation["en"] and "set trusthost1" in f.remediation["en"]


def test_admin_without_trusthost_high_when_the_login_is_reached_from_outside():
    [f] = run("fortigate-admin-no-trusthost", config(wan="https", extra=ADMINS_MIXED))
    assert f.severity == "high" and f.zones == ["internet"]
    assert "internet" in f.detail["en"]


def test_all_admins_with_trusthosts_no_finding():
    assert run("fortigate-admin-no-trusthost", config(wan="https", extra=ADMINS_OK)) == []


# --------------------------------------------------------------------------- any-any


def test_any_any_between_internal_interfaces():
    [f] = run("fortigate-any-any-policy", config(extra=policies(pol(7, "lan", "srv"))))
    assert f.severity == "medium" and f.evidence[0]["text"].startswith('policy 7: srcintf "lan" → dstintf "srv"')
    assert "edit 7" in f.remediation["en"]


@pytest.mark.parametrize(
    "p",
    [
        pol(1, "lan", "wan1"),  # normal Internet access
        pol(1, "guest", "lan"),  # guest isolation's business
        pol(1, "lan", "srv", service="HTTPS"),  # not ALL
        pol(1, "lan", "srv", action="deny"),
    ],
)
def test_any_any_not_reported(p):
    assert run("fortigate-any-any-policy", config(extra=policies(p))) == []


def test_any_any_with_srcintf_any_is_reported():
    assert len(run("fortigate-any-any-policy", config(extra=policies(pol(1, "any", "srv"))))) == 1


# --------------------------------------------------------------------------- snmp


SNMP = """config system snmp sysinfo
    set status enable
end
config system snmp community
    edit 1
        set name "public"
    next
    edit 2
        set name "noc-ro"
        config hosts
            edit 1
                set ip 10.0.10.9 255.255.255.255
            next
        end
    next
end
"""


def test_snmp_community_without_hosts():
    [f] = run("fortigate-snmp-no-hosts", config(lan="snmp", extra=SNMP))
    assert f.evidence[0]["text"] == "edit 1" and "public" not in f.detail["en"]
    assert run("fortigate-snmp-no-hosts", config(extra=SNMP)) == []  # no allowaccess snmp


def test_vendor_neutral_checks_do_not_double_report_on_fortigate():
    text = config(wan="ping https ssh telnet http", extra=ADMINS_MIXED)
    ctx = context(text)
    load_checks()
    ids = []
    for cid in ("mgmt-vty-no-access-class", "mgmt-snmp-community"):
        info = REGISTRY[cid]
        ids += list(info.func(ctx, info))
    assert ids == []
    info = REGISTRY["mgmt-telnet"]
    [f] = list(info.func(ctx, info))
    assert "unselect allowaccess telnet" in f.remediation["en"]
