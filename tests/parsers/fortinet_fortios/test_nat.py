"""FortiOS VIPs and policy NAT (netaudit.parsers.fortinet_fortios.nat)."""

from __future__ import annotations

from netaddr import IPNetwork

from netaudit.model import PROTO_TCP, AddrMatch, PortRange
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

from .helpers import analyse, cfg, dev_of, policies, policy

VIP = """
config firewall vip
    edit "VIP-WEB"
        set extip 203.0.113.3
        set mappedip "10.0.20.10"
        set extintf "wan1"
        set portforward enable
        set extport 8443
        set mappedport 443
    next
    edit "VIP-UNUSED"
        set extip 203.0.113.4
        set mappedip "10.0.20.11"
        set extintf "any"
    next
end
"""


def test_vip_is_destination_nat_and_the_policy_matches_the_mapped_address():
    text = cfg(VIP, policies(policy(1, '"wan1"', '"srv"', dstaddr='"VIP-WEB"', service='"ALL"')))
    dev, _rep = dev_of(text)
    [rule] = [r for r in dev.nat_rules if r.kind == "destination"]  # unused VIP: no rule
    assert rule.in_ifaces == frozenset({"wan1"})
    assert rule.match.dst == (AddrMatch.host(int(IPNetwork("203.0.113.3/32").ip)),)
    assert rule.match.protocols == (PROTO_TCP,) and rule.match.dst_ports == (PortRange(8443, 8443),)
    assert rule.to_ip == int(IPNetwork("10.0.20.10/32").ip) and rule.to_port == 443
    [m] = dev.filters["firewall-policy"].lines[0].matches
    assert m.dst == (AddrMatch.host(int(IPNetwork("10.0.20.10/32").ip)),)
    assert m.protocols == (PROTO_TCP,) and m.dst_ports == (PortRange(443, 443),)
    _, cells = analyse(text)
    c = cells[("internet", "servers")]
    assert c.verdict == REACHABLE and c.services == ["tcp/443"]
    hop = c.witness.to_json()["hops"][0]
    assert hop["rules"][0]["text"] == 'edit "VIP-WEB"' and hop["rules"][0]["translated"]["dst_port"] == 443
    # the guest is not on the VIP's external interface: no translation, nothing reaches
    assert cells[("guest", "servers")].verdict == BLOCKED


def test_vip_id_of_fortios_7_6_is_a_label():
    """`set vip-id N` (FortiOS 7.6 backups write it on every VIP, found on a real FGVM 7.6.7
    backup) names the VIP: understood, no unrecognized line, the translation unchanged."""
    vip = VIP.replace("        set extip 203.0.113.3\n", "        set vip-id 1\n        set extip 203.0.113.3\n")
    text = cfg(vip, policies(policy(1, '"wan1"', '"srv"', dstaddr='"VIP-WEB"', service='"ALL"')))
    dev, rep = dev_of(text)
    assert "vip-id" in text and not [u for u in rep.unrecognized if "vip-id" in u.text]
    [rule] = [r for r in dev.nat_rules if r.kind == "destination"]
    assert rule.to_port == 443 and not rule.partial


def test_vip_limited_to_services_is_partial_not_a_translation_of_everything():
    """`set service` on a static-nat VIP (no portforward): FortiOS translates only those
    services; netaudit does not model VIP services, so the VIP is partial and what passes
    it is unknown, never certainly delivered (a real backup: VIP "DC-LDAP", service LDAP)."""
    vip = """
config firewall vip
    edit "VIP-LDAP"
        set service "LDAP"
        set extip 203.0.113.5
        set mappedip "10.0.20.12"
        set extintf "wan1"
    next
end
"""
    text = cfg(vip, policies(policy(1, '"wan1"', '"srv"', dstaddr='"VIP-LDAP"', service='"ALL"')))
    dev, rep = dev_of(text)
    [rule] = [r for r in dev.nat_rules if r.kind == "destination"]
    assert "VIP service objects not modelled" in (rule.partial or "")
    assert not [u for u in rep.unrecognized if "service" in u.text]
    _, cells = analyse(text)
    c = cells[("internet", "servers")]
    assert c.verdict == UNKNOWN and "VIP service objects not modelled" in str(c.reason)


def test_a_disabled_vip_is_partial_never_a_translation():
    """`set status disable` on a VIP (FortiOS 7): it does not translate, and what the
    policies naming it then match is not established — it was ignored, so the VIP
    translated as if on: internet -> servers "reachable" (a false finding)."""
    vip = VIP.replace(
        "        set portforward enable\n", "        set status disable\n        set portforward enable\n"
    )
    text = cfg(vip, policies(policy(1, '"wan1"', '"srv"', dstaddr='"VIP-WEB"', service='"ALL"')))
    dev, rep = dev_of(text)
    [rule] = [r for r in dev.nat_rules if r.kind == "destination"]
    assert "VIP disabled" in (rule.partial or "")
    assert not [u for u in rep.unrecognized if "status" in u.text]
    _, cells = analyse(text)
    c = cells[("internet", "servers")]
    assert c.verdict == UNKNOWN and "VIP disabled" in str(c.reason)


def test_central_nat_applies_every_vip():
    text = cfg(
        VIP,
        """
config system settings
    set central-nat enable
end
""",
    )
    dev, _ = dev_of(text)
    assert len([r for r in dev.nat_rules if r.kind == "destination"]) == 2


def test_vipgrp_in_dstaddr():
    text = cfg(
        VIP,
        """
config firewall vipgrp
    edit "G"
        set interface "wan1"
        set member "VIP-WEB"
    next
end
""",
        policies(policy(1, '"wan1"', '"srv"', dstaddr='"G"', service='"HTTPS"')),
    )
    _, cells = analyse(text)
    assert cells[("internet", "servers")].services == ["tcp/443"]


def test_deny_without_match_vip_before_a_vip_policy_is_partial():
    deny = policy(1, '"wan1"', '"srv"', action="deny")
    allow = policy(2, '"wan1"', '"srv"', dstaddr='"VIP-WEB"', service='"HTTPS"')
    dev, _ = dev_of(cfg(VIP, policies(deny, allow)))
    assert "match-vip" in dev.filters["firewall-policy"].lines[0].partial
    _, cells = analyse(cfg(VIP, policies(deny, allow)))
    assert cells[("internet", "servers")].verdict == UNKNOWN
    deny_mv = policy(1, '"wan1"', '"srv"', action="deny", extra="        set match-vip enable\n")
    dev, _ = dev_of(cfg(VIP, policies(deny_mv, allow)))
    assert dev.filters["firewall-policy"].lines[0].partial is None
    _, cells = analyse(cfg(VIP, policies(deny_mv, allow)))
    assert cells[("internet", "servers")].verdict == BLOCKED


def test_policy_nat_is_source_nat_to_the_egress_interface_or_pool():
    dev, rep = dev_of(cfg(policies(policy(1, '"lan"', '"wan1"', '"LAN"', extra="        set nat enable\n"))))
    [rule] = dev.nat_rules
    assert rule.kind == "source" and rule.to_interface == "wan1" and rule.out_ifaces == frozenset({"wan1"})
    assert rule.in_ifaces == frozenset({"lan"})
    pooled = cfg(
        """
config firewall ippool
    edit "POOL"
        set startip 203.0.113.5
        set endip 203.0.113.6
    next
end
""",
        policies(
            policy(
                1,
                '"lan"',
                '"wan1"',
                '"LAN"',
                extra='        set nat enable\n        set ippool enable\n        set poolname "POOL"\n',
            )
        ),
    )
    dev, rep = dev_of(pooled)
    [rule] = dev.nat_rules
    assert rule.to_ip == int(IPNetwork("203.0.113.5/32").ip)
    assert any("ippool POOL" in p["reason"] for p in rep.partially_understood)
    _, cells = analyse(pooled)
    hop = cells[("staff", "internet")].witness.to_json()["hops"][0]
    assert hop["rules"][-1]["translated"]["src_ip"] == "203.0.113.5"


def test_source_nat_after_an_overlapping_non_nat_policy_is_reported():
    text = cfg(
        policies(
            policy(1, '"lan"', '"wan1"', '"LAN"', '"all"', '"HTTPS"'),
            policy(2, '"lan"', '"wan1"', '"LAN"', extra="        set nat enable\n"),
        )
    )
    dev, rep = dev_of(text)
    assert len(dev.nat_rules) == 1
    assert any("earlier policy without NAT" in p["reason"] for p in rep.partially_understood)
