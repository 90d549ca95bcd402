"""ASA hardening checks (netaudit.checks.cisco_asa) on small parsed configurations."""

from __future__ import annotations

import textwrap

import pytest
from helpers import analyse
from netaddr import IPNetwork

import netaudit.checks.cisco_asa
import netaudit.checks.management  # noqa: F401
from netaudit.checks import REGISTRY, AuditContext
from netaudit.parsers import cisco_asa
from netaudit.zones import Zone
from tests.parsers.cisco_asa.helpers import OUTSIDE_INSIDE

BASE = (
    "ASA Version 9.16(4)\nhostname FW"
    + OUTSIDE_INSIDE
    + """interface GigabitEthernet0/2
 nameif wifi
 security-level 20
 ip address 10.1.4.1 255.255.255.0
interface GigabitEthernet0/3
 nameif dmz
 security-level 50
 ip address 10.1.2.1 255.255.255.0
"""
)
ZONES = [
    Zone("staff", "internal", [IPNetwork("10.1.1.0/24")], attach=[("FW", "GigabitEthernet0/1")]),
    Zone("guest", "guest", [IPNetwork("10.1.4.0/24")], attach=[("FW", "GigabitEthernet0/2")]),
    Zone("portal", "dmz", [IPNetwork("10.1.2.0/24")], attach=[("FW", "GigabitEthernet0/3")]),
    Zone("internet", "external", attach=[("FW", "GigabitEthernet0/0")]),
]


def context(extra: str, zone_list=ZONES, base: str = BASE) -> AuditContext:
    text = textwrap.dedent(base).lstrip("\n") + textwrap.dedent(extra).lstrip("\n")
    dev = cisco_asa.parse(text, "fw.cfg").devices[0]
    return analyse([dev], zone_list).context()


def run(check_id: str, extra: str, zone_list=ZONES, base: str = BASE) -> list:
    info = REGISTRY[check_id]
    return list(info.func(context(extra, zone_list, base), info))


# --------------------------------------------------------------------------- asa-mgmt-broad-source


def test_broad_source_on_an_exposed_interface_is_critical():
    [f] = run("asa-mgmt-broad-source", "http server enable\nhttp 0.0.0.0 0.0.0.0 outside\n")
    assert f.severity == "critical" and f.zones == ["internet"]
    assert f.evidence == [{"file": "fw.cfg", "line": 20, "text": "http 0.0.0.0 0.0.0.0 outside"}]
    assert "0.0.0.0/0" in f.detail["en"] and "ASDM/HTTPS" in f.detail["en"]
    assert "0.0.0.0/0" in f.detail["vi"] and "internet (external)" in f.detail["vi"]
    assert "no http 0.0.0.0 0.0.0.0 outside" in f.remediation["en"]
    assert "http 10.10.99.0 255.255.255.0 management" in f.remediation["vi"]


def test_broad_source_on_an_internal_interface_is_high():
    [f] = run("asa-mgmt-broad-source", "ssh 10.0.0.0 255.0.0.0 inside\n")
    assert f.severity == "high" and f.zones == []
    assert "10.0.0.0/8" in f.detail["en"] and "broader than /16" in f.detail["en"]


def test_narrow_source_on_the_guest_interface_is_high_and_telnet_says_cleartext():
    [f] = run("asa-mgmt-broad-source", "telnet 10.1.4.10 255.255.255.255 wifi\n")
    assert f.severity == "high" and f.zones == ["guest"]
    assert "cleartext" in f.detail["en"] and "không mã hóa" in f.detail["vi"]
    assert "ssh 10.10.99.0 255.255.255.0 management" in f.remediation["en"]


def test_narrow_internal_lines_and_a_16_are_fine():
    assert run("asa-mgmt-broad-source", "ssh 10.1.0.0 255.255.0.0 inside\nssh 10.1.1.5 255.255.255.255 inside\n") == []


def test_lines_the_asa_ignores_are_not_reported():
    # telnet to the lowest-security interface is refused; http without the server is inert
    assert run("asa-mgmt-broad-source", "telnet 0.0.0.0 0.0.0.0 outside\nhttp 0.0.0.0 0.0.0.0 outside\n") == []


def test_without_zones_security_level_0_counts_as_exposed():
    [f] = run("asa-mgmt-broad-source", "ssh 198.51.100.7 255.255.255.255 outside\n", zone_list=[])
    assert f.severity == "high" and "security-level 0" in f.detail["en"]


def test_other_vendors_are_not_looked_at():
    ctx = context("ssh 0.0.0.0 0.0.0.0 inside\n")
    ctx.devices[0].vendor = "cisco_ios"
    info = REGISTRY["asa-mgmt-broad-source"]
    assert list(info.func(ctx, info)) == []


# --------------------------------------------------------------------------- asa-same-security-permitted


SAME = """
interface GigabitEthernet0/4
 nameif wifi2
 security-level 100
 ip address 10.1.5.1 255.255.255.0
same-security-traffic permit inter-interface
"""
GUEST2 = Zone("guest2", "guest", [IPNetwork("10.1.5.0/24")], attach=[("FW", "GigabitEthernet0/4")])


def test_same_security_between_zone_kinds_is_reported():
    [f] = run("asa-same-security-permitted", SAME, [*ZONES, GUEST2])
    assert f.severity == "medium"
    assert f.zones == ["guest2", "staff"]
    assert f.evidence[0]["text"] == "same-security-traffic permit inter-interface"
    assert "inside (staff: internal)" in f.detail["en"] and "wifi2 (guest2: guest)" in f.detail["en"]
    assert "no same-security-traffic permit inter-interface" in f.remediation["en"]


def test_same_security_is_fine_between_zones_of_one_kind_or_without_the_command():
    staff2 = Zone("staff2", "internal", [IPNetwork("10.1.5.0/24")], attach=[("FW", "GigabitEthernet0/4")])
    assert run("asa-same-security-permitted", SAME, [*ZONES, staff2]) == []
    assert (
        run(
            "asa-same-security-permitted",
            SAME.replace("same-security-traffic permit inter-interface\n", ""),
            [*ZONES, GUEST2],
        )
        == []
    )


def test_management_only_interfaces_do_not_count():
    extra = SAME.replace("nameif wifi2", "management-only\n nameif wifi2")
    assert run("asa-same-security-permitted", extra, [*ZONES, GUEST2]) == []


# --------------------------------------------------------------------------- asa-any-any-acl


def test_permit_any_any_inbound_on_outside_is_critical():
    [f] = run(
        "asa-any-any-acl",
        """
    object network WEB
     host 10.1.2.10
    access-list OUT_IN extended permit tcp any object WEB eq https
    access-list OUT_IN extended permit ip any4 any4
    access-group OUT_IN in interface outside
    """,
    )
    assert f.severity == "critical"
    assert [e["text"] for e in f.evidence] == [
        "access-list OUT_IN extended permit ip any4 any4",
        "access-group OUT_IN in interface outside",
    ]
    assert "security level 0" in f.detail["en"] and "mức bảo mật 0" in f.detail["vi"]
    assert "no access-list OUT_IN extended permit ip any4 any4" in f.remediation["en"]


def test_permit_any_any_after_deny_lines_is_low_not_critical():
    """The guest ACL real offices write — deny the inside networks, then let the rest
    out: it does not let "everything" in (a real ASA's guest ACL was rated critical
    while the matrix showed the guest kept from the staff).  Still said, low: any
    network the denies do not name, one added later too, is let in."""
    [f] = run(
        "asa-any-any-acl",
        """
    access-list GUEST_IN extended deny ip any 10.0.0.0 255.0.0.0
    access-list GUEST_IN extended deny ip any 192.168.0.0 255.255.0.0
    access-list GUEST_IN extended permit ip any any
    access-group GUEST_IN in interface outside
    """,
    )
    assert f.severity == "low"
    assert f.title["en"] == "Inbound ACL on a lower-security interface ends with permit ip any any"
    assert "denies 2 line(s) first" in f.detail["en"] and "permits everything else" in f.detail["en"]
    assert f.evidence[0]["text"] == "access-list GUEST_IN extended permit ip any any"


def test_permit_any_any_on_the_highest_level_interface_is_normal():
    assert (
        run("asa-any-any-acl", "access-list IN extended permit ip any any\naccess-group IN in interface inside\n") == []
    )


def test_permit_any_any_in_a_global_acl_and_on_a_middle_level_interface():
    found = run(
        "asa-any-any-acl",
        """
    access-list G extended permit ip any any
    access-list D extended permit ip any any
    access-group G global
    access-group D in interface dmz
    """,
    )
    assert sorted(f.evidence[1]["text"] for f in found) == ["access-group D in interface dmz", "access-group G global"]


def test_narrower_permits_and_partial_lines_are_not_any_any():
    assert (
        run(
            "asa-any-any-acl",
            """
    time-range T
     periodic daily 8:00 to 17:00
    access-list O extended permit tcp any any
    access-list O extended permit ip any any time-range T
    access-group O in interface outside
    """,
        )
        == []
    )


# --------------------------------------------------------------------------- vendor-neutral checks on ASA


def test_mgmt_telnet_on_asa_uses_the_asa_snippet_and_the_effective_line():
    [f] = run("mgmt-telnet", "telnet 0.0.0.0 0.0.0.0 outside\ntelnet 10.1.1.0 255.255.255.0 inside\n")
    assert f.evidence[0]["text"] == "telnet 10.1.1.0 255.255.255.0 inside"
    assert "clear configure telnet" in f.remediation["en"] and "Cisco ASA" in f.remediation["vi"]
    assert f.zones == ["staff"]


@pytest.mark.parametrize(
    "check_id, extra",
    [
        ("mgmt-vty-no-access-class", "ssh 10.1.1.0 255.255.255.0 inside\n"),
        ("mgmt-snmp-community", "snmp-server host inside 10.1.1.50 community c0mmun1ty\n"),
        ("mgmt-http-server", "http server enable\nhttp 10.1.1.0 255.255.255.0 inside\n"),
    ],
)
def test_neutral_checks_do_not_double_report_asa_lines(check_id, extra):
    # ASA management lines always carry their source restriction (asa-mgmt-broad-source
    # judges them) and ASDM is HTTPS: the vendor-neutral checks stay silent.
    assert run(check_id, extra) == []
