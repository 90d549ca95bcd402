"""Every reason the Junos parser gives (partial constructs, warnings, filters' defaults) is
a catalogue text worded in Vietnamese too (netaudit/catalogue/juniper_junos.py)."""

from __future__ import annotations

from helpers import partial_reasons, untranslated, vendor_inputs

from netaudit.messages import Text
from netaudit.parsers import juniper_junos

# One configuration giving most of the parser's partial reasons.
ODD = """\
set system host-name SRX-LA
set system services rest http
set snmp community x client-list-name NMS
set interfaces ge-0/0/0 vlan-tagging
set interfaces ge-0/0/0 unit 5 family inet address 10.9.5.1/24
set interfaces ge-0/0/1 unit 0 family inet rpf-check
set interfaces ge-0/0/1 unit 0 family inet address 10.9.1.1/24
set interfaces ge-0/0/1 unit 0 family inet filter input F
set interfaces ge-0/0/2 unit 0 family ethernet-switching vlan members KHONG-CO
set interfaces ge-0/0/2 unit 0 family ethernet-switching filter input L2
set interfaces st0 unit 0 family inet
set interfaces irb unit 7 family inet address 10.9.7.1/24
set routing-instances FBF instance-type forwarding
set routing-instances FBF interface ge-0/0/1.0
set routing-options static route 10.8.0.0/16 next-table inet.0
set routing-options static route 10.7.0.0/16 preference 7
set routing-options aggregate route 10.0.0.0/8
set policy-options prefix-list AP apply-path "system ntp server <*>"
set firewall family inet filter F term a from source-prefix-list AP
set firewall family inet filter F term b from source-prefix-list KHONG-CO
set firewall family inet filter F term c from destination-port 80
set firewall family inet filter F term d from icmp-type echo-request
set firewall family inet filter F term e from tcp-established
set firewall family inet filter F term f from dscp ef
set firewall family inet filter F term g from source-address 10.1.1.1/32 except
set firewall family inet filter F term h from protocol khong-co
set firewall family inet filter F term i then routing-instance FBF
set firewall family inet filter F term j from source-address khong-phai-ip
set security zones security-zone a interfaces ge-0/0/1.0
set security zones security-zone b interfaces ge-0/0/0.5
set security address-book global address W dns-name web.tinh.gov.vn
set applications application X destination-port 80
set security policies from-zone a to-zone b policy p1 match source-address W
set security policies from-zone a to-zone b policy p1 match destination-address KHONG-CO
set security policies from-zone a to-zone b policy p1 match application [ junos-smb X Y ]
set security policies from-zone a to-zone b policy p1 then permit tunnel ipsec-vpn V
set security policies from-zone a to-zone b policy p2 match dynamic-application junos:FACEBOOK
set security policies from-zone a to-zone b policy p2 scheduler-name GIO-HANH-CHINH
set security policies from-zone b to-zone a policy p3 match source-address any
set security nat source pool P address 203.0.113.1/32 to 203.0.113.4/32
set security nat source rule-set R from zone a
set security nat source rule-set R rule r match source-address 10.9.0.0/16
set security nat source rule-set R rule r then source-nat pool P
set security nat source rule-set R rule s match application junos-http
set security nat source rule-set R rule s then source-nat interface
set security nat destination rule-set D from zone b
set security nat destination rule-set D rule d match destination-address 203.0.113.9/32
set security nat destination rule-set D rule d then destination-nat pool KHONG-CO
set security nat static rule-set S from zone b
set security nat static rule-set S rule s match destination-address 203.0.113.0/28
set security nat static rule-set S rule s then static-nat prefix 10.9.1.0/28
set logical-systems LS1 interfaces ge-0/0/3 unit 0 family inet address 10.6.0.1/24
set forwarding-options dhcp-relay server-group G 10.9.1.5
set services application-identification
"""


def test_every_reason_is_worded_in_vietnamese():
    res = juniper_junos.parse(ODD, "odd.txt")
    reasons = partial_reasons(res.devices, [res.report])
    assert len({r.key for r in reasons if isinstance(r, Text)}) >= 30
    devices, reports = vendor_inputs("juniper_junos")
    reasons += partial_reasons(devices, reports)
    assert untranslated(reasons) == []
    warnings = list(res.report.warnings) + [w for r in reports for w in r.warnings]
    assert untranslated(warnings) == []
    defaults = [f.default_text for d in [*res.devices, *devices] for f in d.filters.values()]
    assert untranslated(defaults) == []
