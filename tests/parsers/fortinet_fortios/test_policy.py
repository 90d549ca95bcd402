"""FortiOS firewall policies → the forward filter (netaudit.parsers.fortinet_fortios.policy)."""

from __future__ import annotations

import pytest

from netaudit.model import PROTO_ICMP, PROTO_TCP, PROTO_UDP, Action, AddrMatch, PortRange
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

from .helpers import ZONES, analyse, cfg, dev_of, policies, policy


def test_policies_first_match_in_file_order_with_implicit_deny():
    text = cfg(
        policies(
            policy(7, '"lan"', '"srv"', '"LAN"', '"WEB"', '"RDP"', action="deny"),
            policy(3, '"lan"', '"srv"', '"LAN"', '"SRV"', '"RDP" "HTTPS"'),
        )
    )
    dev, _ = dev_of(text)
    flt = dev.filters["firewall-policy"]
    assert dev.forward_filter == "firewall-policy"
    assert [line.name for line in flt.lines] == ["7", "3"]
    assert flt.default_action == Action.DENY and flt.default_text == "implicit deny (policy 0)"
    # cited by the `edit N` line, the policy summed up as a whole
    assert flt.lines[0].source.text == (
        'policy 7: srcintf "lan" → dstintf "srv", srcaddr "LAN", dstaddr "WEB", service "RDP", action deny'
    )
    assert flt.lines[1].source.text.endswith('service "RDP" "HTTPS", action accept')
    _res, cells = analyse(text)
    c = cells[("staff", "servers")]
    assert c.verdict == REACHABLE and c.services == ["tcp/443", "tcp/3389"]
    # RDP to the web server itself is denied by policy 7, the rest by nothing
    assert cells[("servers", "staff")].verdict == BLOCKED
    assert cells[("guest", "servers")].verdict == BLOCKED


def test_policy_citation_names_the_policy_and_is_truncated_sensibly():
    many = " ".join(f'"H{i}"' for i in range(6))
    named = '        set name "LAN-to-WAN"\n        set nat enable\n'
    text = cfg(
        policies(
            policy(13, '"lan"', '"wan1"', '"LAN"', '"all"', extra=named),
            policy(14, '"lan" "guest"', '"srv"', many, '"WEB"', '"HTTPS"'),
        ),
        "config firewall address\n"
        + "".join(f'    edit "H{i}"\n        set subnet 10.0.10.{i} 255.255.255.255\n    next\n' for i in range(6))
        + "end",
    )
    dev, _ = dev_of(text)
    nat_line, wide = dev.filters["firewall-policy"].lines
    assert nat_line.source.text == (
        'policy 13 "LAN-to-WAN": srcintf "lan" → dstintf "wan1", srcaddr "LAN", '
        'dstaddr "all", service "ALL", action accept, nat enable'
    )
    assert nat_line.source.line == text.splitlines().index("    edit 13") + 1
    assert wide.source.text == (
        'policy 14: srcintf "lan" "guest" → dstintf "srv", srcaddr "H0" "H1" "H2" … (+3), '
        'dstaddr "WEB", service "HTTPS", action accept'
    )
    # the source NAT it applies names its policy too
    nat = [r for r in dev.nat_rules if r.kind == "source"]
    assert nat and all(r.source.text == 'policy 13 "LAN-to-WAN": set nat enable' for r in nat)
    # the policy facts the FortiGate checks cite carry the same citation
    assert dev.facts.policies[0].source == nat_line.source


def test_move_reorders_policies():
    text = cfg(
        """
config firewall policy
"""
        + policy(1, '"lan"', '"srv"', service='"HTTPS"')
        + policy(2, '"lan"', '"srv"', action="deny")
        + """    move 2 before 1
end
"""
    )
    dev, _rep = dev_of(text)
    assert [line.name for line in dev.filters["firewall-policy"].lines] == ["2", "1"]
    _, cells = analyse(text)
    assert cells[("staff", "servers")].verdict == BLOCKED


def test_disabled_policy_is_skipped():
    text = cfg(policies(policy(1, '"guest"', '"lan"', extra="        set status disable\n")))
    dev, rep = dev_of(text)
    assert dev.filters["firewall-policy"].lines == []
    assert not rep.unrecognized
    _, cells = analyse(text)
    assert cells[("guest", "staff")].verdict == BLOCKED


def test_srcintf_any_matches_every_interface():
    text = cfg(policies(policy(1, '"any"', '"srv"', dstaddr='"WEB"', service='"HTTPS"')))
    dev, _ = dev_of(text)
    m = dev.filters["firewall-policy"].lines[0].matches[0]
    assert m.in_ifaces is None and m.out_ifaces == frozenset({"srv"})
    _, cells = analyse(text)
    for zone in ("staff", "guest", "internet"):
        assert cells[(zone, "servers")].services == ["tcp/443"], zone


def test_address_unions_fit_one_match_and_services_split_by_protocol():
    text = cfg(
        """
config firewall addrgrp
    edit "G"
        set member "LAN" "GUEST"
    next
end
""",
        policies(policy(1, '"lan" "guest"', '"srv"', '"G" "WEB"', '"SRV"', '"DNS" "HTTPS" "PING"')),
    )
    dev, _ = dev_of(text)
    ms = dev.filters["firewall-policy"].lines[0].matches
    assert all(
        m.src == (AddrMatch.prefix("10.0.10.0/24"), AddrMatch.prefix("10.0.50.0/24"), AddrMatch.prefix("10.0.20.10/32"))
        for m in ms
    )
    got = sorted(((m.protocols, m.dst_ports, m.icmp_type) for m in ms), key=repr)
    assert got == sorted(
        [
            ((PROTO_ICMP,), None, 8),
            ((PROTO_TCP,), (PortRange(53, 53), PortRange(443, 443)), None),
            ((PROTO_UDP,), (PortRange(53, 53),), None),
        ],
        key=repr,
    )


def test_negated_addresses():
    text = cfg(policies(policy(1, '"guest"', '"any"', '"all"', '"LAN"', extra="        set dstaddr-negate enable\n")))
    dev, _ = dev_of(text)
    m = dev.filters["firewall-policy"].lines[0].matches[0]
    assert m.dst_negate and m.dst == (AddrMatch.prefix("10.0.10.0/24"),)
    _, cells = analyse(text)
    assert cells[("guest", "staff")].verdict == BLOCKED
    assert cells[("guest", "servers")].verdict == REACHABLE
    # negating "all" matches nothing
    _, cells = analyse(cfg(policies(policy(1, '"guest"', '"any"', extra="        set srcaddr-negate enable\n"))))
    assert cells[("guest", "servers")].verdict == BLOCKED


def test_undefined_names_are_references_and_partial():
    text = cfg(policies(policy(1, '"guest"', '"nowhere"', '"GUEST"', '"NOPE"', '"NO-SVC"')))
    dev, _rep = dev_of(text)
    kinds = sorted((r.kind, r.name) for r in dev.references)
    assert kinds == [("address", "NOPE"), ("interface", "nowhere"), ("service", "NO-SVC")]
    assert all(not r.defined for r in dev.references)
    # each cited at the line that names it (the citation is built only for these)
    lines = text.split("\n")
    for r in dev.references:
        assert lines[r.source.line - 1].strip() == r.source.text and r.name in r.source.text
    assert "not defined" in dev.filters["firewall-policy"].lines[0].partial


@pytest.mark.parametrize(
    "extra,why",
    [
        ('        set schedule "gio-hanh-chinh"\n', "schedule"),
        ('        set groups "CAN-BO"\n', "identity-based"),
        ('        set internet-service enable\n        set internet-service-name "Google-Web"\n', "internet-service"),
        ("        set service-negate enable\n", "service-negate"),
        ("        set brand-new-knob 7\n", "settings not understood"),
    ],
)
def test_policy_features_not_modelled_make_the_line_partial(extra, why):
    dev, rep = dev_of(cfg(policies(policy(1, '"guest"', '"lan"', '"GUEST"', '"LAN"', '"HTTPS"', extra=extra))))
    line = dev.filters["firewall-policy"].lines[0]
    assert why in line.partial
    assert any(p["construct"] == "policy 1" for p in rep.partially_understood)


@pytest.mark.parametrize(
    "fields,why",
    [
        (
            '        set srcaddr "all"\n        set internet-service enable\n'
            '        set internet-service-name "Microsoft-Office365"\n',
            "internet-service destinations",
        ),
        (
            '        set dstaddr "all"\n        set service "ALL"\n        set internet-service-src enable\n'
            '        set internet-service-src-name "Amazon-AWS"\n',
            "internet-service-src sources",
        ),
    ],
)
def test_isdb_policy_is_partial_for_the_isdb_not_for_fields_it_replaces(fields, why):
    """A policy on an Internet Service (ISDB) has no dstaddr/service (srcaddr for a source
    one): FortiOS accepts it (a real FortiGate backup, policy 290); it is partial because
    FortiGuard resolves the ISDB at run time, not because fields are "lacking"."""
    body = (
        '    edit 290\n        set srcintf "lan"\n        set dstintf "wan1"\n        set action accept\n'
        f'{fields}        set schedule "always"\n    next\n'
    )
    dev, _ = dev_of(cfg(policies(body)))
    partial = dev.filters["firewall-policy"].lines[0].partial
    assert why in partial and "lacks" not in partial


def test_action_ipsec_is_partial():
    dev, _ = dev_of(cfg(policies(policy(1, '"lan"', '"wan1"', action="ipsec"))))
    assert "ipsec" in dev.filters["firewall-policy"].lines[0].partial


def test_policy_without_action_denies():
    text = cfg(policies(policy(1, '"guest"', '"lan"').replace("        set action accept\n", "")))
    dev, _ = dev_of(text)
    assert dev.filters["firewall-policy"].lines[0].action == Action.DENY


def test_ipv6_only_consolidated_policy_is_ignored():
    text = cfg(
        policies("""    edit 5
        set srcintf "lan"
        set dstintf "wan1"
        set srcaddr6 "all"
        set dstaddr6 "all"
        set action accept
        set schedule "always"
        set service "ALL"
    next
""")
    )
    dev, rep = dev_of(text)
    assert dev.filters["firewall-policy"].lines == [] and not rep.unrecognized


# A guest VLAN behind an interface captive portal (Fortinet's guest Wi-Fi recipe): every
# new session from it is redirected to the portal until a user of security-groups logs in.
PORTAL_IF = """    edit "quarantine"
        set vdom "root"
        set ip 169.254.14.1 255.255.255.0
        set description "Quarantine VLAN"
        set security-mode captive-portal
        set security-groups "Guest-Users"
        set security-exempt-list "exempt-dns"
        set security-external-web "https://portal.example.vn/login"
        set security-redirect-url "https://example.vn"
        set device-identification enable
        set interface "lan"
        set vlanid 4093
    next
"""
PORTAL_ZONES = {
    "staff": {"kind": "internal", "subnets": ["10.0.10.0/24"], "attach": ["FGT:lan"]},
    "servers": {"kind": "server", "subnets": ["10.0.20.0/24"], "attach": ["FGT:srv"]},
    "portal": {"kind": "guest", "subnets": ["169.254.14.0/24"], "attach": ["FGT:quarantine"]},
    "internet": {"kind": "external", "attach": ["FGT:wan1"]},
}


def test_captive_portal_interface_passes_authenticated_users_only():
    """`security-mode captive-portal`: traffic from the interface passes its accept
    policies only after a portal login — the "authenticated users only" of `set groups`,
    so unknown, never a certain "reachable".  Other interfaces of a shared policy
    (`srcintf "any"`) stay exact, and deny policies still deny."""
    text = cfg(
        policies(
            policy(1, '"quarantine"', '"srv"', dstaddr='"WEB"', service='"HTTPS"'),
            policy(2, '"quarantine"', '"lan"', action="deny"),
            policy(3, '"any"', '"wan1"', extra="        set nat enable\n"),
        ),
        ifaces=PORTAL_IF,
    )
    dev, rep = dev_of(text)
    assert not rep.unrecognized
    lines = dev.filters["firewall-policy"].lines
    assert [(ln.name, ln.partial is not None) for ln in lines] == [("1", True), ("2", False), ("3", False), ("3", True)]
    assert "captive portal" in lines[0].partial and "Guest-Users" in lines[0].partial
    assert lines[2].matches[0].in_ifaces == frozenset(dev.interfaces) - {"quarantine"}
    assert lines[3].matches[0].in_ifaces == frozenset({"quarantine"})
    # both parts of policy 3 translate their sources (nat enable)
    assert {r.in_ifaces for r in dev.nat_rules} == {lines[2].matches[0].in_ifaces, lines[3].matches[0].in_ifaces}
    _, cells = analyse(text, PORTAL_ZONES)
    c = cells[("portal", "servers")]
    assert c.verdict == UNKNOWN and "captive portal" in str(c.reason)
    assert cells[("portal", "internet")].verdict == UNKNOWN
    assert cells[("portal", "staff")].verdict == BLOCKED
    assert cells[("staff", "internet")].verdict == REACHABLE


def test_interface_security_settings_are_read_not_dropped():
    """802.1X port authentication is the same condition; `security-mode none` none; a
    `security-*` setting netaudit does not know is reported, not silently dropped."""
    dot1x = PORTAL_IF.replace("set security-mode captive-portal", "set security-mode 802.1X").replace(
        '        set security-external-web "https://portal.example.vn/login"\n',
        "        set security-mac-auth-bypass enable\n        set security-8021x-mode default\n",
    )
    text = cfg(policies(policy(1, '"quarantine"', '"srv"')), ifaces=dot1x)
    dev, rep = dev_of(text)
    assert "802.1X" in dev.filters["firewall-policy"].lines[0].partial and not rep.unrecognized
    none = PORTAL_IF.replace("set security-mode captive-portal", "set security-mode none")
    dev, rep = dev_of(cfg(policies(policy(1, '"quarantine"', '"srv"')), ifaces=none))
    assert dev.filters["firewall-policy"].lines[0].partial is None and not rep.unrecognized
    odd = PORTAL_IF.replace("        set description", "        set security-brand-new 1\n        set description")
    _, rep = dev_of(cfg(ifaces=odd))
    assert [u.text for u in rep.unrecognized] == ["set security-brand-new 1"]


def test_fsso_disable_printed_by_fortios_6_on_every_gui_policy_is_understood():
    # Found on a real FortiOS 6.0 SD-WAN spoke (and an Azure VPN guide's backup): each
    # policy carried `set fsso disable`, which made all of them partial.
    text = cfg(
        policies(
            policy(1, '"lan"', '"srv"', extra="        set fsso disable\n"),
            policy(2, '"guest"', '"srv"', action="deny", extra="        set fsso enable\n"),
        )
    )
    _dev, rep = dev_of(text)
    assert not [p for p in rep.partially_understood if p["construct"].startswith("policy")]
    assert not [u for u in rep.unrecognized if "fsso" in u.text]
    _, cells = analyse(text)
    assert cells[("staff", "servers")].verdict == REACHABLE
    assert cells[("guest", "servers")].verdict == BLOCKED


def test_an_ssid_captive_portal_passes_its_traffic_after_a_login_only():
    """A FortiWiFi's guest SSID with its own captive portal (`config wireless-controller
    vap` `set security captive-portal`, the SSID's interface a vap-switch) holds its
    clients' sessions as `security-mode captive-portal` on an interface does: unknown,
    never a certain "reachable" (it was read as an open SSID whose traffic passes)."""
    vap = """config wireless-controller vap
    edit "khach-wifi"
        set ssid "WiFi-Khach"
        set security captive-portal
        set selected-usergroups "Khach"
        set schedule "always"
    next
end
"""
    iface = """    edit "khach-wifi"
        set vdom "root"
        set ip 10.0.60.1 255.255.255.0
        set type vap-switch
    next
"""
    zones = dict(ZONES, khach={"kind": "guest", "subnets": ["10.0.60.0/24"], "attach": ["FGT:khach-wifi"]})
    text = cfg(vap, policies(policy(1, '"khach-wifi"', '"wan1"', extra="        set nat enable\n")), ifaces=iface)
    dev, _rep = dev_of(text)
    [line] = dev.filters["firewall-policy"].lines
    assert "WiFi-Khach" in str(line.partial) and "Khach" in str(line.partial)
    _, cells = analyse(text, zones)
    assert cells[("khach", "internet")].verdict == UNKNOWN
    # the same SSID with WPA2: exact
    _, cells = analyse(text.replace("set security captive-portal", "set security wpa2-only-personal"), zones)
    assert cells[("khach", "internet")].verdict == REACHABLE


@pytest.mark.parametrize(
    "service",
    ['"HTTPS" "DNS"', '"RDP" "NO-SVC"', '"ALL"', '"HTTPS"'],
)
def test_a_service_list_repeated_reads_as_when_each_policy_is_alone(service):
    """Policies repeating a service list take its Match keyword sets from the first one
    that read it (policy._policy's memo); each must read as it does alone, service-negate
    and undefined names included (an undefined name is cited at every policy naming it)."""
    extras = ["", "        set service-negate enable\n", "", "        set srcaddr-negate enable\n", ""]
    items = [policy(k + 1, '"lan"', '"srv"', '"LAN"', '"SRV"', service, extra=x) for k, x in enumerate(extras)]
    dev, _ = dev_of(cfg(policies(*items)))
    together = dev.filters["firewall-policy"].lines
    assert len(together) == len(items)
    for k, item in enumerate(items):
        alone, _ = dev_of(cfg(policies(item)))
        (line,) = alone.filters["firewall-policy"].lines
        assert together[k].matches == line.matches
        assert together[k].partial == line.partial
        assert together[k].action == line.action
    undefined = [r for r in dev.references if r.kind == "service"]
    assert len(undefined) == (len(items) if "NO-SVC" in service else 0)
    assert len({r.source.line for r in undefined}) == len(undefined)


def test_a_renamed_service_is_read_at_each_policy_line():
    """A service renamed between two policies naming it: the earlier policy keeps pointing
    at the renamed object, the later one names the old name (undefined). Not remembered."""
    text = cfg(
        policies(
            policy(1, '"lan"', '"srv"', '"LAN"', '"SRV"', '"WEBX" "DNS"'),
        ),
        """config firewall service custom
    edit "WEBX"
        set tcp-portrange 8080
    next
    rename "WEBX" to "WEBY"
end""",
        policies(
            policy(2, '"lan"', '"srv"', '"LAN"', '"SRV"', '"WEBX" "DNS"'),
        ),
    )
    dev, _ = dev_of(text)
    first, second = dev.filters["firewall-policy"].lines
    assert any(m.dst_ports and PortRange(8080, 8080) in m.dst_ports for m in first.matches)
    assert not first.partial
    assert second.partial and "not defined" in second.partial
