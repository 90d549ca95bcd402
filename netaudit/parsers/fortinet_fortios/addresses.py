"""FortiOS addresses and address groups → packet-header constraints (``AddrMatch``).

Resolution never guesses.  An address whose packets cannot be stated exactly (an FQDN,
a geography or dynamic address, an undefined name, a malformed range …) resolves to a
*superset* of what it may match plus a reason; the policy line using it is then marked
partial, and the engine answers "unknown" instead of a verdict resting on a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from netaddr import AddrFormatError, IPAddress, IPNetwork, IPSet, iprange_to_cidrs

from netaudit.messages import Text
from netaudit.model import AddrMatch
from netaudit.parsers.base import join_reasons
from netaudit.parsers.fortinet_fortios.tree import Block, Entry
from netaudit.parsers.ip import ip_to_int, mask_to_len, prefix_of

FULL = 0xFFFFFFFF
ADDRESS_IGNORED = frozenset(
    {
        "uuid",
        "comment",
        "comments",
        "color",
        "visibility",
        "allow-routing",
        "fabric-object",
        "associated-interface",
        "obj-type",
        "sub-type",
        "clearpass-spt",
        "cache-ttl",
        "node-ip-only",
        "obj-tag",
        "obj-id",
        "tenant",
        "organization",
        "epg-name",
        "sdn-tag",
        "policy-group",
        "filter",
        "sdn-addr-type",
        "hw-vendor",
        "hw-model",
        "os",
        "sw-version",
        "route-tag",
        "dirty",
        "global-object",
        "tag-detection-level",
        "tag-type",
        "label",
        "passive-fqdn-learning",
        "interface",
        "subnet-name",
        "fsso-group",
        "profile-list",
        "agent-id",
        "sdn",
        # type-specific values FortiOS keeps when the type changes (ignored by that type)
        "subnet",
        "start-ip",
        "end-ip",
        "wildcard",
        "fqdn",
        "country",
        "start-mac",
        "end-mac",
        "macaddr",
        "wildcard-fqdn",
    }
)
ADDRGRP_IGNORED = frozenset(
    {
        "uuid",
        "comment",
        "comments",
        "color",
        "visibility",
        "allow-routing",
        "fabric-object",
        "category",
        "type",
        "global-object",
    }
)
ADDRESS_PREFIXES = ("tagging",)


def parse_prefix(values: list[str] | None) -> IPNetwork | None:
    """``A M`` or ``A/len`` (the forms FortiOS writes) → IPNetwork (host bits kept)."""
    if not values:
        return None
    plain = _plain_prefix(values)
    if plain is not None:
        return plain
    try:
        if len(values) >= 2 and "/" not in values[0]:
            mask = IPAddress(values[1])
            if not mask.is_netmask():
                return None
            return IPNetwork(f"{values[0]}/{mask.netmask_bits()}")
        if "/" in values[0]:
            net = IPNetwork(values[0])
            return net if net.version == 4 else None
        if len(values) == 1:
            return IPNetwork(f"{values[0]}/32")
    except (AddrFormatError, ValueError, TypeError):
        return None
    return None


_PREFIX_LEN = {str(n): n for n in range(33)}


def _plain_prefix(values: list[str]) -> IPNetwork | None:
    """:func:`parse_prefix` of the forms a backup holds (dotted quads, a contiguous mask or
    a decimal length) built from integers (netaddr parsing the text costs ten times
    more); None for anything else, which netaddr then reads."""
    plain = _plain_prefix_ints(values)
    return prefix_of(*plain) if plain is not None else None


def _plain_prefix_ints(values: list[str]) -> tuple[int, int] | None:
    """The address (host bits kept) and length :func:`_plain_prefix` builds its network of."""
    addr, slash, length = values[0].partition("/")
    value = ip_to_int(addr)
    if value is None:
        return None
    if slash:
        n = _PREFIX_LEN.get(length)
    elif len(values) >= 2:
        mask = ip_to_int(values[1])
        n = mask_to_len(mask) if mask is not None else None
    else:
        n = 32
    return (value, n) if n is not None else None


def prefix_match(net: IPNetwork) -> AddrMatch:
    """``AddrMatch.prefix(net)`` from the network's integers (no copy of ``net``)."""
    return AddrMatch(net.first, net.last - net.first)


def range_pats(lo: int, hi: int) -> list[AddrMatch]:
    if lo == 0 and hi == FULL:
        return [AddrMatch.any()]
    return [AddrMatch.prefix(c) for c in iprange_to_cidrs(IPAddress(lo), IPAddress(hi))]


def parse_ip_range(text: str) -> tuple[int, int] | None:
    """``10.0.0.5`` or ``10.0.0.5-10.0.0.9`` → (lo, hi)."""
    a, sep, b = text.partition("-")
    lo = ip_to_int(a.strip())
    hi = ip_to_int(b.strip()) if sep else lo
    if lo is None or hi is None or hi < lo:
        return None
    return lo, hi


@dataclass
class AddrObj:
    """What one address object (or group) matches: ``pats`` (None = any), or ``unknown``
    (why it cannot be stated); ``prefix_only`` when every pattern is a plain prefix."""

    pats: tuple[AddrMatch, ...] | None
    unknown: str | None = None
    prefix_only: bool = True
    src: int | None = None  # edit line


class AddressBook:
    """Addresses and address groups of one VDOM, resolved on demand (memoised)."""

    def __init__(self, addresses: Block | None, groups: Block | None, iface_addr, feeds: Block | None = None):
        self.addresses = {e.name: e for e in addresses.entries.values()} if addresses else {}
        self.groups = {e.name: e for e in groups.entries.values()} if groups else {}
        # threat feeds (`config system external-resource`, `set type address`): a list of
        # addresses FortiOS downloads from `resource` at run time; policies name them in
        # srcaddr/dstaddr. Other types (category, domain, malware …) are no addresses.
        self.feeds = (
            {e.name: e for e in feeds.entries.values() if e.low("type", "category") == "address"} if feeds else {}
        )
        self.iface_addr = iface_addr  # callable(ifname) -> IPNetwork | None
        self._cache: dict[str, AddrObj] = {}
        self.renamed = {}
        for blk in (addresses, groups):
            if blk is not None:
                self.renamed.update(blk.renamed)

    def defined(self, name: str) -> bool:
        return name in self.addresses or name in self.groups or name in self.feeds or name in ("all", "none")

    def resolve(self, name: str, _stack: tuple = ()) -> AddrObj:
        got = self._cache.get(name)
        if got is not None:
            return got
        if name in _stack:
            return AddrObj(None, Text("input.fortios.addrgrp_loop", name=name))
        if name in self.addresses:
            got = self._address(self.addresses[name])
        elif name in self.groups:
            got = self._group(self.groups[name], (*_stack, name))
        elif name in self.feeds:
            url = self.feeds[name].first("resource") or Text("input.fortios.no_resource_url")
            got = AddrObj(None, Text("input.fortios.address_feed", name=name, url=url))
        elif name == "all":
            got = AddrObj(None)
        elif name == "none":
            got = AddrObj((AddrMatch.host(0),))
        else:
            got = AddrObj(None, Text("input.fortios.address_undefined", name=name))
        self._cache[name] = got
        return got

    def _address(self, e: Entry) -> AddrObj:
        typ = e.low("type", "ipmask")
        name = e.name
        if typ == "ipmask":
            vals = e.get("subnet")
            if vals is None:
                return AddrObj(None, src=e.edit_line)  # default 0.0.0.0/0
            plain = _plain_prefix_ints(vals) if vals else None
            if plain is not None:  # what the lines below give, without the IPNetwork
                value, n = plain
                host = FULL >> n
                return AddrObj((AddrMatch(value & ~host, host),) if n else None, src=e.edit_line)
            net = parse_prefix(vals)
            if net is None:
                why = Text("input.fortios.address_subnet_unread", name=name, value=" ".join(vals))
                return AddrObj(None, why, src=e.edit_line)
            if net.prefixlen == 0:
                return AddrObj(None, src=e.edit_line)
            return AddrObj((prefix_match(net),), src=e.edit_line)
        if typ == "iprange":
            lo = ip_to_int(e.first("start-ip", "0.0.0.0") or "")
            hi = ip_to_int(e.first("end-ip", "0.0.0.0") or "")
            if lo is None or hi is None or hi < lo or hi == 0:
                return AddrObj(None, Text("input.fortios.address_range_unread", name=name), src=e.edit_line)
            pats = range_pats(lo, hi)
            return AddrObj(None if pats[0].is_any else tuple(pats), src=e.edit_line)
        if typ == "wildcard":
            vals = e.get("wildcard")
            ip = ip_to_int(vals[0]) if vals else None
            mask = ip_to_int(vals[1]) if vals and len(vals) > 1 else None
            if ip is None or mask is None:
                return AddrObj(None, Text("input.fortios.address_wildcard_unread", name=name), src=e.edit_line)
            return AddrObj((AddrMatch(ip & mask, FULL ^ mask),), prefix_only=False, src=e.edit_line)
        if typ == "interface-subnet":
            net = parse_prefix(e.get("subnet"))
            ifname = e.first("interface")
            if net is None and ifname:
                net = self.iface_addr(ifname)
            if net is None:
                why = Text("input.fortios.address_iface_subnet", name=name, iface=ifname)
                return AddrObj(None, why, src=e.edit_line)
            return AddrObj((AddrMatch.prefix(net.cidr),), src=e.edit_line)
        if typ == "fqdn":
            fq = e.first("fqdn", "")
            return AddrObj(None, Text("input.fortios.address_fqdn", name=name, fqdn=fq), src=e.edit_line)
        if typ == "geography":
            why = Text("input.fortios.address_geography", name=name, country=e.first("country", ""))
            return AddrObj(None, why, src=e.edit_line)
        if typ == "mac":
            return AddrObj(None, Text("input.fortios.address_mac", name=name), src=e.edit_line)
        if typ == "dynamic":
            why = Text("input.fortios.address_dynamic", name=name, subtype=e.first("sub-type", "sdn"))
            return AddrObj(None, why, src=e.edit_line)
        return AddrObj(None, Text("input.fortios.address_type_unmodelled", name=name, type=typ), src=e.edit_line)

    def _group(self, e: Entry, stack: tuple) -> AddrObj:
        members = e.get("member") or []
        pats: list[AddrMatch] = []
        anyp, prefix_only = False, True
        unknown: list[str] = []
        for m in members:
            o = self.resolve(m, stack)
            if o.unknown:
                unknown.append(o.unknown)
            elif o.pats is None:
                anyp = True
            else:
                pats.extend(o.pats)
                prefix_only = prefix_only and o.prefix_only
        exclude = e.low("exclude", "disable") == "enable"
        excl = e.get("exclude-member") or [] if exclude else []
        if not exclude:
            e.mark("exclude-member")
        if not members:
            return AddrObj((), Text("input.fortios.addrgrp_empty", name=e.name), src=e.edit_line)
        if unknown:
            return AddrObj(None, join_reasons(unknown), src=e.edit_line)
        if excl:
            if not prefix_only:
                return AddrObj(None, Text("input.fortios.addrgrp_exclude_wildcard", name=e.name), src=e.edit_line)
            s = IPSet(["0.0.0.0/0"]) if anyp else IPSet(pattern_net(p) for p in pats)
            for x in excl:
                o = self.resolve(x, stack)
                if o.unknown or not o.prefix_only:
                    why = Text("input.fortios.addrgrp_excluded_unread", name=e.name, member=x)
                    return AddrObj(None, why, src=e.edit_line)
                if o.pats is None:
                    s = IPSet()
                else:
                    s -= IPSet(pattern_net(p) for p in o.pats)
            return AddrObj(tuple(AddrMatch.prefix(c) for c in s.iter_cidrs()), src=e.edit_line)
        if anyp:
            return AddrObj(None, src=e.edit_line)
        return AddrObj(tuple(dict.fromkeys(pats)), prefix_only=prefix_only, src=e.edit_line)


def pattern_net(p: AddrMatch) -> IPNetwork:
    """The network a prefix pattern matches."""
    return prefix_of(p.value, 32 - (p.wildcard + 1).bit_length() + 1)
