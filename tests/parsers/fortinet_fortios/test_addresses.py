"""FortiOS addresses and address groups (netaudit.parsers.fortinet_fortios.addresses)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from netaddr import IPAddress, IPNetwork

from netaudit.model import AddrMatch
from netaudit.parsers.fortinet_fortios.addresses import AddressBook, parse_prefix, prefix_match
from netaudit.parsers.fortinet_fortios.tree import build
from netaudit.reach import UNKNOWN

from .helpers import analyse, cfg, dev_of, policies, policy


def test_iprange_wildcard_and_group_exclude_are_exact():
    text = cfg(
        """
config firewall address
    edit "R"
        set type iprange
        set start-ip 10.0.20.10
        set end-ip 10.0.20.12
    next
    edit "W"
        set type wildcard
        set wildcard 10.0.20.1 255.255.255.241
    next
    edit "HOST10"
        set subnet 10.0.20.10/32
    next
end
config firewall addrgrp
    edit "SRV-NO-10"
        set member "SRV"
        set exclude enable
        set exclude-member "HOST10"
    next
end
""",
        policies(
            policy(1, '"lan"', '"srv"', '"LAN"', '"R"', '"HTTPS"'),
            policy(2, '"lan"', '"srv"', '"LAN"', '"W"', '"SSH"'),
            policy(3, '"guest"', '"srv"', '"GUEST"', '"SRV-NO-10"', '"HTTP"'),
        ),
    )
    dev, rep = dev_of(text)
    lines = dev.filters["firewall-policy"].lines
    assert lines[0].matches[0].dst == (AddrMatch.prefix("10.0.20.10/31"), AddrMatch.prefix("10.0.20.12/32"))
    w = lines[1].matches[0].dst[0]
    assert (w.value, w.wildcard) == (int(IPNetwork("10.0.20.1/32").ip), 0xE)
    excl = lines[2].matches[0].dst
    assert AddrMatch.prefix("10.0.20.10/32") not in excl and AddrMatch.prefix("10.0.20.11/32") in excl
    assert not any(line.partial for line in lines) and not rep.partially_understood


def test_unresolvable_addresses_make_the_line_partial_with_a_superset():
    text = cfg(
        """
config firewall address
    edit "google"
        set type fqdn
        set fqdn "www.google.com"
    next
    edit "VN"
        set type geography
        set country "VN"
    next
end
""",
        policies(
            policy(1, '"guest"', '"lan"', '"GUEST"', '"google"'),
            policy(2, '"guest"', '"srv"', '"VN"', '"all"', action="deny"),
            policy(3, '"guest"', '"srv"', '"GUEST"', '"all"'),
        ),
    )
    dev, _rep = dev_of(text)
    l1, l2, l3 = dev.filters["firewall-policy"].lines
    assert "fqdn" in l1.partial and l1.matches[0].dst is None  # superset: any
    assert "geography" in l2.partial and l2.matches[0].src is None
    assert not l3.partial
    _, cells = analyse(text)
    assert cells[("guest", "staff")].verdict == UNKNOWN  # fqdn may be a staff address
    assert "fqdn" in cells[("guest", "staff")].reason
    assert cells[("guest", "servers")].verdict == UNKNOWN  # deny may or may not match


def test_rename_after_a_reference_keeps_the_reference():
    # renamed before the policy names it: the old name no longer exists
    text = cfg(
        """
config firewall address
    edit "OLD"
        set subnet 10.0.20.10/32
    next
    rename "OLD" to "NEW"
end
""",
        policies(policy(1, '"lan"', '"srv"', '"LAN"', '"OLD"', '"HTTPS"')),
    )
    dev, _ = dev_of(text)
    assert "not defined" in dev.filters["firewall-policy"].lines[0].partial
    # renamed after the policy named it: FortiOS renames the reference too
    text = cfg(
        """
config firewall address
    edit "OLD"
        set subnet 10.0.20.10/32
    next
end
""",
        policies(policy(1, '"lan"', '"srv"', '"LAN"', '"OLD"', '"HTTPS"')),
        """
config firewall address
    rename "OLD" to "NEW"
end
""",
    )
    dev, _ = dev_of(text)
    line = dev.filters["firewall-policy"].lines[0]
    assert line.partial is None
    assert line.matches[0].dst == (AddrMatch.prefix("10.0.20.10/32"),)


def test_external_threat_feed_is_a_defined_address_resolved_at_run_time():
    """A threat feed (`config system external-resource`, `set type address`, FortiOS
    6.2+) is named in srcaddr/dstaddr like an address: its list is fetched from a URL at
    run time. The policy line is partial (superset), never "undefined" (sweep: a FortiGate
    40F 7.2 backup with `set srcaddr "Gruppen-Threat-Feed"`)."""
    text = cfg(
        """
config system external-resource
    edit "DS-IP-DOC-HAI"
        set uuid 94530c98-8376-51f0-132f-3ddf6eb8c46d
        set type address
        set resource "https://cntt.tinh.gov.vn/feed/ip-doc-hai.txt"
        set refresh-rate 20
    next
    edit "DM-CAM"
        set category 192
        set resource "https://cntt.tinh.gov.vn/feed/ten-mien-cam.txt"
    next
end
config firewall addrgrp
    edit "CHAN-TU-NGOAI"
        set member "DS-IP-DOC-HAI"
    next
end
""",
        policies(
            policy(1, '"wan1"', '"lan"', '"DS-IP-DOC-HAI"', '"all"', action="deny"),
            policy(2, '"wan1"', '"srv"', '"CHAN-TU-NGOAI"', '"all"', action="deny"),
            policy(3, '"lan"', '"wan1"', '"LAN"', '"DM-CAM"'),
        ),
    )
    dev, rep = dev_of(text)
    l1, l2, l3 = dev.filters["firewall-policy"].lines
    for line in (l1, l2):
        assert "external threat feed" in line.partial and "not defined" not in line.partial
        assert line.matches[0].src is None  # superset: any source
    # a category feed (web filter) is no address: the name stays undefined
    assert "DM-CAM is not defined" in l3.partial
    assert [r.name for r in dev.references if not r.defined] == ["DM-CAM"]
    assert not rep.unrecognized


@settings(max_examples=2000, deadline=None)
@given(ip=st.integers(0, 2**32 - 1), length=st.integers(0, 32), form=st.sampled_from(["mask", "len", "host"]))
def test_prefixes_as_netaddr_reads_them(ip, length, form):
    """``A M``, ``A/len`` and ``A`` are built from integers: the network netaddr reads
    from the text (host bits kept), and its pattern that of ``AddrMatch.prefix``."""
    addr = str(IPAddress(ip))
    mask = str(IPAddress((0xFFFFFFFF << (32 - length)) & 0xFFFFFFFF))
    values = {"mask": [addr, mask], "len": [f"{addr}/{length}"], "host": [addr]}[form]
    expected = IPNetwork(f"{addr}/{32 if form == 'host' else length}")
    got = parse_prefix(values)
    assert got is not None and (got.value, got.prefixlen, got.version) == (expected.value, expected.prefixlen, 4)
    assert prefix_match(got) == AddrMatch.prefix(expected)


@settings(max_examples=1000, deadline=None)
@given(ip=st.integers(0, 2**32 - 1), length=st.integers(0, 32), form=st.sampled_from(["mask", "len", "host", "other"]))
def test_an_address_object_is_the_pattern_of_its_subnet(ip, length, form):
    """An ``ipmask`` address in the forms a backup holds is built from integers: the
    pattern of the network :func:`parse_prefix` reads (any for a /0)."""
    addr = str(IPAddress(ip))
    mask = str(IPAddress((0xFFFFFFFF << (32 - length)) & 0xFFFFFFFF))
    values = {"mask": [addr, mask], "len": [f"{addr}/{length}"], "host": [addr], "other": [f"{addr}/{mask}"]}[form]
    text = f'config firewall address\n    edit "A"\n        set subnet {" ".join(values)}\n    next\nend\n'
    book = AddressBook(build(text).root.children["firewall address"], None, lambda _name: None)
    net = parse_prefix(values)
    assert net is not None
    assert book.resolve("A").pats == (None if net.prefixlen == 0 else (prefix_match(net),))


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["10.1.2.3", "255.0.255.0"], None),  # a mask that is not one
        (["10.1.2.3/255.255.0.0"], "10.1.2.3/16"),  # a mask after the slash: netaddr reads it
        (["2001:db8::/32"], None),  # IPv6
        (["gw.example"], None),
        (["10.1.2.3", "255.255.255.0", "extra"], "10.1.2.3/24"),
    ],
)
def test_other_prefix_forms_are_read_by_netaddr(values, expected):
    got = parse_prefix(values)
    assert (str(got) if got is not None else None) == expected
