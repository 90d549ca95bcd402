"""What a filter does with a packet no line matches — its ``default_text`` — is a catalogue
text, worded in Vietnamese too.

A witness path and a blocked cell's blocking lines cite it (netaudit/reach/witness.py):
an English string there was English in a Vietnamese report.  Every filter of every
vendor's fixtures and of the samples has a default that is a catalogue
:class:`~netaudit.messages.Text` whose Vietnamese differs from its English; the
configurations below give the defaults the fixtures do not, so that every default entry
of the catalogue (``input.<vendor>.default.*`` and the model's own) is one a parser gives.
"""

from __future__ import annotations

import textwrap

from helpers import FIXTURES, SAMPLES

from netaudit.inputs import load_snapshot
from netaudit.messages import CATALOGUE, Text
from netaudit.parsers import cisco_asa, cisco_ios, h3c_comware, huawei_vrp, mikrotik_routeros, openwrt

VENDORS = (
    "cisco_ios",
    "cisco_asa",
    "fortinet_fortios",
    "huawei_vrp",
    "h3c_comware",
    "juniper_junos",
    "openwrt",
    "linux",
    "mikrotik_routeros",
)
DEFAULT_KEYS = {k for k in CATALOGUE if k.startswith("input.") and ".default." in k} | {"filter.default.end_of_list"}


def defaults(devices) -> list:
    """The filters' default texts, and the notes cited on the lines of the filters a
    parser makes for an access-group naming a missing ACL (IOS, VRP: the line as
    configured and what the device does there: ``input.commented_line``, ``input.vrp.default.annotated_line``)."""
    found = [flt.default_text for dev in devices for flt in dev.filters.values()]
    return found + [
        line.source.text
        for dev in devices
        for flt in dev.filters.values()
        for line in flt.lines
        if flt.kind == "synthesized" and isinstance(line.source.text, Text)
    ]


def untranslated(found) -> list:
    """The defaults that are English strings, or read the same in Vietnamese."""
    return [d for d in found if not isinstance(d, Text) or d.render("vi") == d.render("en")]


def test_the_fixtures_and_samples_say_their_filters_defaults_in_vietnamese_too():
    folders = [FIXTURES / vendor for vendor in VENDORS]
    folders += sorted(d for d in SAMPLES.iterdir() if (d / "site.yaml").is_file())
    vendors = set()
    for folder in folders:
        snap = load_snapshot([folder])
        found = defaults(snap.devices)
        assert untranslated(found) == [], folder
        vendors |= {dev.vendor for dev in snap.devices if dev.filters}
    assert vendors >= set(VENDORS)  # every vendor's filters were seen (the test is not vacuous)


# Defaults the fixtures do not give.
IOS = """\
version 15.7
hostname r1
!
ip access-list extended EMPTY
!
zone security WAN
class-map type inspect match-any QT
 match protocol ssh
policy-map type inspect PM
 class type inspect QT
  inspect
 class class-default
  drop
zone-pair security WAN-SELF source WAN destination self
 service-policy type inspect PM
!
interface GigabitEthernet0/0
 ip address 192.0.2.2 255.255.255.252
 zone-member security WAN
interface GigabitEthernet0/1
 ip address 10.0.1.1 255.255.255.0
 ip access-group EMPTY in
!
end
"""
COPP = """\
version 15.7
hostname r2
!
interface GigabitEthernet0/1
 ip address 10.0.1.1 255.255.255.0
!
access-list 10 permit 10.0.1.0 0.0.0.255
class-map match-any SSH
 match access-group 10
policy-map COPP
 class SSH
  drop
{default}!
control-plane
 service-policy input COPP
!
end
"""
ASA = """\
ASA Version 9.8(4)
hostname fw
interface GigabitEthernet0/0
 nameif outside
 security-level 0
 ip address 192.0.2.2 255.255.255.0
access-list CP extended deny tcp any any eq 22
access-group CP in interface outside control-plane
"""
VRP = """\
sysname SW
#
acl number 3998
#
interface Vlanif10
 ip address 10.0.10.1 255.255.255.0
 traffic-filter inbound acl 3999
#
interface Vlanif20
 ip address 10.0.20.1 255.255.255.0
 traffic-filter inbound acl 3998
#
return
"""
OPENWRT = """
package network

config interface 'lan'
\toption device 'br-lan'
\toption proto 'static'
\toption ipaddr '192.168.1.1/24'

package tinyproxy

config tinyproxy
\toption enabled '1'
\toption Port '8888'
\toption Listen '192.168.1.1'
\tlist Allow '192.168.1.0/24'

package p910nd

config p910nd
\toption bind '192.168.1.1'
"""
ROUTEROS = """\
# dec/27/2023 11:50:57 by RouterOS 7.12
/ip socks
set enabled=yes
/ip socks access
add src-address=10.0.10.0/24
"""
# H3C Comware: `packet-filter default deny` (a packet no rule matches is denied).
COMWARE = """\
#
 sysname SW
#
 packet-filter default deny
#
acl advanced 3040
 rule 0 permit tcp destination-port eq 80
#
interface Vlan-interface40
 ip address 10.0.40.1 255.255.255.0
 packet-filter 3040 inbound
#
return
"""

CONFIGS = [
    (cisco_ios, IOS),
    (h3c_comware, COMWARE),
    *((cisco_ios, COPP.format(default=d)) for d in ("", " class class-default\n", " class class-default\n  drop\n")),
    (cisco_asa, ASA),
    (huawei_vrp, VRP),
    (openwrt, textwrap.dedent(OPENWRT)),
    (mikrotik_routeros, ROUTEROS),
]


def test_every_default_of_the_catalogue_is_one_a_parser_gives():
    """The fixtures, the samples and the configurations above give every default entry:
    one added to the catalogue without a parser giving it (or a parser's default left an
    English string) fails here."""
    found = []
    for module, text in CONFIGS:
        found += defaults(module.parse(text, "r.cfg").devices)
    for folder in [FIXTURES / vendor for vendor in VENDORS] + [SAMPLES]:
        found += defaults(load_snapshot([folder]).devices)
    assert untranslated(found) == []
    assert sorted(DEFAULT_KEYS - {d.key for d in found}) == []


def test_the_english_is_the_sentence_the_parsers_always_wrote():
    """A default's English is its value (JSON, equality), byte for byte what it was."""
    (flt,) = [f for f in mikrotik_routeros.parse(ROUTEROS, "r.cfg").devices[0].filters.values() if f.name == "forward"]
    assert flt.default_text == "no rule in this chain: RouterOS forwards every packet"
    assert flt.default_text.render("vi") == "chain này không có quy tắc nào: RouterOS chuyển tiếp mọi gói tin"
    dev = huawei_vrp.parse(VRP, "r.cfg").devices[0]
    assert dev.filters["3999 (undefined)"].default_text == "ACL 3999 is not defined"
    assert dev.filters["3999 (undefined)"].lines[0].source.text == (
        "traffic-filter inbound acl 3999  # ACL 3999 is not defined: the traffic-filter passes every packet"
    )
    # the configuration line as written, the note in the reader's language
    assert dev.filters["3999 (undefined)"].lines[0].source.text.render("vi") == (
        "traffic-filter inbound acl 3999  # ACL 3999 không tồn tại: traffic-filter cho mọi gói tin đi qua"
    )
