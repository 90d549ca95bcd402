"""FortiOS firewall objects: addresses, address groups, services (custom, groups and the
predefined ones), virtual IPs, IP pools — resolved into packet-header constraints.

Resolution never guesses.  An object whose packets cannot be stated exactly (an FQDN,
a geography or dynamic address, an undefined name, a malformed range …) resolves to a
*superset* of what it may match plus a reason; the policy line using it is then marked
partial, and the engine answers "unknown" instead of a verdict resting on a guess.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from netaddr import AddrFormatError, IPAddress, IPNetwork, IPSet, iprange_to_cidrs

from netaudit.model import AddrMatch, PortRange, PROTO_ICMP, PROTO_TCP, PROTO_UDP
from netaudit.parsers.fortios_tree import Block, Entry, build

PROTO_SCTP = 132
PROTO_UDPLITE = 136
FULL = 0xFFFFFFFF

# --------------------------------------------------------------------------- addresses

ADDRESS_IGNORED = frozenset({
    "uuid", "comment", "comments", "color", "visibility", "allow-routing", "fabric-object",
    "associated-interface", "obj-type", "sub-type", "clearpass-spt", "cache-ttl",
    "node-ip-only", "obj-tag", "obj-id", "tenant", "organization", "epg-name", "sdn-tag",
    "policy-group", "filter", "sdn-addr-type", "hw-vendor", "hw-model", "os", "sw-version",
    "route-tag", "dirty", "global-object", "tag-detection-level", "tag-type", "label",
    "passive-fqdn-learning", "interface", "subnet-name", "fsso-group", "profile-list",
    "agent-id", "sdn",
    # type-specific values FortiOS keeps when the type changes (ignored by that type)
    "subnet", "start-ip", "end-ip", "wildcard", "fqdn", "country", "start-mac", "end-mac",
    "macaddr", "wildcard-fqdn",
})
ADDRGRP_IGNORED = frozenset({"uuid", "comment", "comments", "color", "visibility",
                             "allow-routing", "fabric-object", "category", "type", "global-object"})
SERVICE_IGNORED = frozenset({
    "category", "comment", "comments", "color", "visibility", "uuid", "helper",
    "check-reset-range", "session-ttl", "tcp-halfclose-timer", "tcp-halfopen-timer",
    "tcp-timewait-timer", "tcp-rst-timer", "udp-idle-timer", "app-category", "application",
    "fabric-object", "global-object",
    # protocol-specific values FortiOS keeps when the protocol changes
    "tcp-portrange", "udp-portrange", "sctp-portrange", "udplite-portrange",
    "protocol-number", "icmptype", "icmpcode",
})
SERVICE_GROUP_IGNORED = frozenset({"comment", "comments", "color", "uuid", "proxy",
                                   "fabric-object", "global-object"})
VIP_IGNORED = frozenset({
    "uuid", "comment", "comments", "color", "arp-reply", "nat-source-vip", "id",
    "gratuitous-arp-interval", "max-embryonic-connections", "persistence", "ldb-method",
    "outlook-web-access", "websphere-server", "weblogic-server", "dns-mapping-ttl",
    "portmapping-type", "h2-support", "h3-support", "http-cookie-domain-from-host",
    "http-cookie-share", "http-cookie-age", "http-cookie-path", "http-cookie-domain",
    "http-cookie-generation", "http-ip-header", "http-ip-header-name", "http-multiplex",
    "http-redirect", "https-cookie-secure", "monitor", "src-vip-filter", "nat44",
    "add-nat46-route", "ipv6-mappedip", "ipv6-mappedport", "status", "fabric-object",
    "gslb-hostname", "gslb-domain-name", "one-click-gslb-server", "extaddr-type",
})
IPPOOL_IGNORED = frozenset({"comments", "comment", "arp-reply", "arp-intf", "associated-interface",
                            "block-size", "num-blocks-per-user", "pba-timeout", "permit-any-host",
                            "source-startip", "source-endip", "port-per-user", "startport",
                            "endport", "add-nat64-route", "nat64", "cgn-spa", "cgn-overload",
                            "cgn-fixedport", "cgn-block-size", "cgn-client-startip",
                            "cgn-client-endip", "cgn-client-ipv6shift", "utilization-alarm-raise",
                            "utilization-alarm-clear", "exclude-ip", "subnet-broadcast-in-ippool"})
ADDRESS_PREFIXES = ("tagging",)


def ip_int(text: str) -> int | None:
    try:
        return int(IPAddress(text, flags=0)) if text.count(".") == 3 else None
    except (AddrFormatError, ValueError, TypeError):
        return None


def parse_prefix(values: list[str] | None) -> IPNetwork | None:
    """``A M`` or ``A/len`` (the forms FortiOS writes) → IPNetwork (host bits kept)."""
    if not values:
        return None
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


def range_pats(lo: int, hi: int) -> list[AddrMatch]:
    if lo == 0 and hi == FULL:
        return [AddrMatch.any()]
    return [AddrMatch.prefix(c) for c in iprange_to_cidrs(IPAddress(lo), IPAddress(hi))]


def parse_ip_range(text: str) -> tuple[int, int] | None:
    """``10.0.0.5`` or ``10.0.0.5-10.0.0.9`` → (lo, hi)."""
    a, sep, b = text.partition("-")
    lo = ip_int(a.strip())
    hi = ip_int(b.strip()) if sep else lo
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
    src: int | None = None                 # edit line


class AddressBook:
    """Addresses and address groups of one VDOM, resolved on demand (memoised)."""

    def __init__(self, addresses: Block | None, groups: Block | None, iface_addr):
        self.addresses = {e.name: e for e in addresses.entries.values()} if addresses else {}
        self.groups = {e.name: e for e in groups.entries.values()} if groups else {}
        self.iface_addr = iface_addr            # callable(ifname) -> IPNetwork | None
        self._cache: dict[str, AddrObj] = {}
        self.renamed = {}
        for blk in (addresses, groups):
            if blk is not None:
                self.renamed.update(blk.renamed)

    def defined(self, name: str) -> bool:
        return name in self.addresses or name in self.groups or name in ("all", "none")

    def resolve(self, name: str, _stack: tuple = ()) -> AddrObj:
        got = self._cache.get(name)
        if got is not None:
            return got
        if name in _stack:
            return AddrObj(None, f"address group {name} contains itself")
        if name in self.addresses:
            got = self._address(self.addresses[name])
        elif name in self.groups:
            got = self._group(self.groups[name], _stack + (name,))
        elif name == "all":
            got = AddrObj(None)
        elif name == "none":
            got = AddrObj((AddrMatch.host(0),))
        else:
            got = AddrObj(None, f"address {name} is not defined")
        self._cache[name] = got
        return got

    def _address(self, e: Entry) -> AddrObj:
        typ = e.low("type", "ipmask")
        name = e.name
        if typ == "ipmask":
            vals = e.get("subnet")
            if vals is None:
                return AddrObj(None, src=e.edit_line)       # default 0.0.0.0/0
            net = parse_prefix(vals)
            if net is None:
                return AddrObj(None, f"address {name}: subnet {' '.join(vals)} not understood",
                               src=e.edit_line)
            if net.prefixlen == 0:
                return AddrObj(None, src=e.edit_line)
            return AddrObj((AddrMatch.prefix(net),), src=e.edit_line)
        if typ == "iprange":
            lo = ip_int(e.first("start-ip", "0.0.0.0") or "")
            hi = ip_int(e.first("end-ip", "0.0.0.0") or "")
            if lo is None or hi is None or hi < lo or hi == 0:
                return AddrObj(None, f"address {name}: ip range not understood", src=e.edit_line)
            pats = range_pats(lo, hi)
            return AddrObj(None if pats[0].is_any else tuple(pats), src=e.edit_line)
        if typ == "wildcard":
            vals = e.get("wildcard")
            ip = ip_int(vals[0]) if vals else None
            mask = ip_int(vals[1]) if vals and len(vals) > 1 else None
            if ip is None or mask is None:
                return AddrObj(None, f"address {name}: wildcard not understood", src=e.edit_line)
            return AddrObj((AddrMatch(ip & mask, FULL ^ mask),), prefix_only=False, src=e.edit_line)
        if typ == "interface-subnet":
            net = parse_prefix(e.get("subnet"))
            ifname = e.first("interface")
            if net is None and ifname:
                net = self.iface_addr(ifname)
            if net is None:
                return AddrObj(None, f"address {name}: subnet of interface {ifname} unknown",
                               src=e.edit_line)
            return AddrObj((AddrMatch.prefix(net.cidr),), src=e.edit_line)
        if typ == "fqdn":
            fq = e.first("fqdn", "")
            return AddrObj(None, f"address {name} is fqdn {fq}: resolved at run time",
                           src=e.edit_line)
        if typ == "geography":
            return AddrObj(None, f"address {name} is geography {e.first('country', '')}: "
                           "country IP ranges come from FortiGuard at run time", src=e.edit_line)
        if typ == "mac":
            return AddrObj(None, f"address {name} matches MAC addresses", src=e.edit_line)
        if typ == "dynamic":
            return AddrObj(None, f"address {name} is dynamic ({e.first('sub-type', 'sdn')}): "
                           "members learned at run time", src=e.edit_line)
        return AddrObj(None, f"address {name}: type {typ} not modelled", src=e.edit_line)

    def _group(self, e: Entry, stack: tuple) -> AddrObj:
        members = e.get("member") or []
        pats: list[AddrMatch] = []
        anyp, unknown, prefix_only = False, [], True
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
            return AddrObj((), f"address group {e.name} has no member", src=e.edit_line)
        if unknown:
            return AddrObj(None, "; ".join(unknown), src=e.edit_line)
        if excl:
            if not prefix_only:
                return AddrObj(None, f"address group {e.name}: exclude with wildcard members "
                               "not modelled", src=e.edit_line)
            s = IPSet(["0.0.0.0/0"]) if anyp else IPSet(_net(p) for p in pats)
            for x in excl:
                o = self.resolve(x, stack)
                if o.unknown or not o.prefix_only:
                    return AddrObj(None, f"address group {e.name}: excluded {x} not resolvable",
                                   src=e.edit_line)
                if o.pats is None:
                    s = IPSet()
                else:
                    s -= IPSet(_net(p) for p in o.pats)
            return AddrObj(tuple(AddrMatch.prefix(c) for c in s.iter_cidrs()), src=e.edit_line)
        if anyp:
            return AddrObj(None, src=e.edit_line)
        return AddrObj(tuple(dict.fromkeys(pats)), prefix_only=prefix_only, src=e.edit_line)


def _net(p: AddrMatch) -> IPNetwork:
    length = 32 - (p.wildcard + 1).bit_length() + 1
    return IPNetwork(f"{IPAddress(p.value)}/{length}")


# --------------------------------------------------------------------------- services


@dataclass(frozen=True)
class Piece:
    """One protocol of a service: ``proto`` None = every IP protocol."""

    proto: int | None
    dports: tuple[PortRange, ...] | None = None
    sports: tuple[PortRange, ...] | None = None
    icmp_type: int | None = None
    icmp_code: int | None = None


@dataclass
class SvcObj:
    pieces: list[Piece]
    unknown: str | None = None            # pieces are then a superset (every packet)


ANY_PIECE = Piece(None)

# FortiOS factory-default services (FortiOS 6.4–7.4 `config firewall service custom` /
# `group` in a fresh full-configuration), used when a backup does not define a name
# itself (backups normally list them all).
PREDEFINED_TEXT = """
config firewall service custom
    edit "ALL"
        set protocol IP
    next
    edit "ALL_TCP"
        set tcp-portrange 1-65535
    next
    edit "ALL_UDP"
        set udp-portrange 1-65535
    next
    edit "ALL_ICMP"
        set protocol ICMP
        unset icmptype
    next
    edit "ALL_ICMP6"
        set protocol ICMP6
        unset icmptype
    next
    edit "GRE"
        set protocol IP
        set protocol-number 47
    next
    edit "AH"
        set protocol IP
        set protocol-number 51
    next
    edit "ESP"
        set protocol IP
        set protocol-number 50
    next
    edit "AOL"
        set tcp-portrange 5190-5194
    next
    edit "BGP"
        set tcp-portrange 179
    next
    edit "DHCP"
        set udp-portrange 67-68
    next
    edit "DNS"
        set tcp-portrange 53
        set udp-portrange 53
    next
    edit "FINGER"
        set tcp-portrange 79
    next
    edit "FTP"
        set tcp-portrange 21
    next
    edit "FTP_GET"
        set tcp-portrange 21
    next
    edit "FTP_PUT"
        set tcp-portrange 21
    next
    edit "GOPHER"
        set tcp-portrange 70
    next
    edit "H323"
        set tcp-portrange 1720 1503
        set udp-portrange 1719
    next
    edit "HTTP"
        set tcp-portrange 80
    next
    edit "HTTPS"
        set tcp-portrange 443
    next
    edit "IKE"
        set udp-portrange 500 4500
    next
    edit "IMAP"
        set tcp-portrange 143
    next
    edit "IMAPS"
        set tcp-portrange 993
    next
    edit "Internet-Locator-Service"
        set tcp-portrange 389
    next
    edit "IRC"
        set tcp-portrange 6660-6669
    next
    edit "L2TP"
        set tcp-portrange 1701
        set udp-portrange 1701
    next
    edit "LDAP"
        set tcp-portrange 389
    next
    edit "NetMeeting"
        set tcp-portrange 1720
    next
    edit "NFS"
        set tcp-portrange 111 2049
        set udp-portrange 111 2049
    next
    edit "NNTP"
        set tcp-portrange 119
    next
    edit "NTP"
        set tcp-portrange 123
        set udp-portrange 123
    next
    edit "OSPF"
        set protocol IP
        set protocol-number 89
    next
    edit "PC-Anywhere"
        set tcp-portrange 5631
        set udp-portrange 5632
    next
    edit "PING"
        set protocol ICMP
        set icmptype 8
        unset icmpcode
    next
    edit "TIMESTAMP"
        set protocol ICMP
        set icmptype 13
        unset icmpcode
    next
    edit "INFO_REQUEST"
        set protocol ICMP
        set icmptype 15
        unset icmpcode
    next
    edit "INFO_ADDRESS"
        set protocol ICMP
        set icmptype 17
        unset icmpcode
    next
    edit "ONC-RPC"
        set tcp-portrange 111
        set udp-portrange 111
    next
    edit "DCE-RPC"
        set tcp-portrange 135
        set udp-portrange 135
    next
    edit "POP3"
        set tcp-portrange 110
    next
    edit "POP3S"
        set tcp-portrange 995
    next
    edit "PPTP"
        set tcp-portrange 1723
    next
    edit "QUAKE"
        set udp-portrange 26000 27000 27910 27960
    next
    edit "RAUDIO"
        set udp-portrange 7070
    next
    edit "REXEC"
        set tcp-portrange 512
    next
    edit "RIP"
        set udp-portrange 520
    next
    edit "RLOGIN"
        set tcp-portrange 513:512-1023
    next
    edit "RSH"
        set tcp-portrange 514:512-1023
    next
    edit "SCCP"
        set tcp-portrange 2000
    next
    edit "SIP"
        set udp-portrange 5060
    next
    edit "SIP-MSNmessenger"
        set tcp-portrange 1863
    next
    edit "SAMBA"
        set tcp-portrange 139
    next
    edit "SMTP"
        set tcp-portrange 25
    next
    edit "SMTPS"
        set tcp-portrange 465
    next
    edit "SNMP"
        set tcp-portrange 161-162
        set udp-portrange 161-162
    next
    edit "SSH"
        set tcp-portrange 22
    next
    edit "SYSLOG"
        set udp-portrange 514
    next
    edit "TALK"
        set udp-portrange 517-518
    next
    edit "TELNET"
        set tcp-portrange 23
    next
    edit "TFTP"
        set udp-portrange 69
    next
    edit "MGCP"
        set udp-portrange 2427 2727
    next
    edit "UUCP"
        set tcp-portrange 540
    next
    edit "VDOLIVE"
        set tcp-portrange 7000-7010
    next
    edit "WAIS"
        set tcp-portrange 210
    next
    edit "WINFRAME"
        set tcp-portrange 1494 2598
    next
    edit "X-WINDOWS"
        set tcp-portrange 6000-6063
    next
    edit "PING6"
        set protocol ICMP6
        set icmptype 128
        unset icmpcode
    next
    edit "MS-SQL"
        set tcp-portrange 1433 1434
    next
    edit "MYSQL"
        set tcp-portrange 3306
    next
    edit "RDP"
        set tcp-portrange 3389
    next
    edit "VNC"
        set tcp-portrange 5900
    next
    edit "DHCP6"
        set udp-portrange 546 547
    next
    edit "SQUID"
        set tcp-portrange 3128
    next
    edit "SOCKS"
        set tcp-portrange 1080
        set udp-portrange 1080
    next
    edit "WINS"
        set tcp-portrange 1512
        set udp-portrange 1512
    next
    edit "RADIUS"
        set udp-portrange 1812 1813
    next
    edit "RADIUS-OLD"
        set udp-portrange 1645 1646
    next
    edit "CVSPSERVER"
        set tcp-portrange 2401
        set udp-portrange 2401
    next
    edit "AFS3"
        set tcp-portrange 7000-7009
        set udp-portrange 7000-7009
    next
    edit "TRACEROUTE"
        set udp-portrange 33434-33535
    next
    edit "RTSP"
        set tcp-portrange 554 7070 8554
        set udp-portrange 554
    next
    edit "MMS"
        set tcp-portrange 1755
        set udp-portrange 1024-5000
    next
    edit "KERBEROS"
        set tcp-portrange 88 464
        set udp-portrange 88 464
    next
    edit "LDAP_UDP"
        set udp-portrange 389
    next
    edit "SMB"
        set tcp-portrange 445
    next
    edit "NONE"
        set tcp-portrange 0
    next
    edit "webproxy"
        set proxy enable
        set protocol ALL
        set tcp-portrange 0-65535:0-65535
    next
end
config firewall service group
    edit "Email Access"
        set member "DNS" "IMAP" "IMAPS" "POP3" "POP3S" "SMTP" "SMTPS"
    next
    edit "Web Access"
        set member "DNS" "HTTP" "HTTPS"
    next
    edit "Windows AD"
        set member "DCE-RPC" "DNS" "KERBEROS" "LDAP" "LDAP_UDP" "SAMBA" "SMB"
    next
    edit "Exchange Server"
        set member "DCE-RPC" "DNS" "HTTPS"
    next
end
"""

_predefined: tuple[dict, dict] | None = None


def predefined() -> tuple[dict[str, Entry], dict[str, Entry]]:
    """(custom services, service groups) of a factory-default FortiGate."""
    global _predefined
    if _predefined is None:
        tree = build(PREDEFINED_TEXT)
        custom = tree.root.children["firewall service custom"]
        group = tree.root.children["firewall service group"]
        _predefined = ({e.name: e for e in custom.entries.values()},
                       {e.name: e for e in group.entries.values()})
    return _predefined


def parse_portrange(text: str) -> tuple[PortRange, PortRange | None] | None:
    """``dst[-dsthigh][:src[-srchigh]]`` → (dst range, src range or None)."""
    d, _, s = text.partition(":")

    def rng(t: str) -> PortRange | None:
        lo, sep, hi = t.partition("-")
        if not lo.isdigit() or (sep and not hi.isdigit()):
            return None
        a, b = int(lo), int(hi) if sep else int(lo)
        if b < a or b > 65535:
            return None
        return PortRange(a, b)

    dr = rng(d)
    if dr is None:
        return None
    sr = None
    if s:
        sr = rng(s)
        if sr is None:
            return None
        if sr.lo == 0 and sr.hi == 65535:
            sr = None
    return dr, sr


_RANGE_KEYS = (("tcp-portrange", PROTO_TCP), ("udp-portrange", PROTO_UDP),
               ("sctp-portrange", PROTO_SCTP), ("udplite-portrange", PROTO_UDPLITE))


class ServiceBook:
    """Custom services and service groups of one VDOM (config first, then predefined)."""

    def __init__(self, custom: Block | None, groups: Block | None):
        self.custom = {e.name: e for e in custom.entries.values()} if custom else {}
        self.groups = {e.name: e for e in groups.entries.values()} if groups else {}
        self.pre_custom, self.pre_groups = predefined()
        self._cache: dict[str, SvcObj] = {}

    def defined(self, name: str) -> bool:
        return (name in self.custom or name in self.groups or name in self.pre_custom
                or name in self.pre_groups)

    def resolve(self, name: str, _stack: tuple = ()) -> SvcObj:
        got = self._cache.get(name)
        if got is not None:
            return got
        if name in _stack:
            return SvcObj([ANY_PIECE], f"service group {name} contains itself")
        if name in self.custom:
            got = custom_service(self.custom[name])
        elif name in self.groups:
            got = self._group(self.groups[name], _stack + (name,))
        elif name in self.pre_custom:
            got = custom_service(self.pre_custom[name])
        elif name in self.pre_groups:
            got = self._group(self.pre_groups[name], _stack + (name,))
        else:
            got = SvcObj([ANY_PIECE], f"service {name} is not defined")
        self._cache[name] = got
        return got

    def _group(self, e: Entry, stack: tuple) -> SvcObj:
        pieces: list[Piece] = []
        unknown = []
        for m in e.get("member") or []:
            o = self.resolve(m, stack)
            if o.unknown:
                unknown.append(o.unknown)
            pieces.extend(o.pieces)
        if unknown:
            return SvcObj([ANY_PIECE], "; ".join(unknown))
        return SvcObj(pieces)


def custom_service(e: Entry) -> SvcObj:
    name = e.name
    proto = (e.first("protocol", "TCP/UDP/SCTP") or "").upper()
    e.get("protocol")
    if e.low("proxy", "disable") == "enable":
        return SvcObj([ANY_PIECE], f"service {name} is an explicit-proxy service")
    if e.has("iprange") or e.has("fqdn"):
        e.get("iprange"), e.get("fqdn")
        if (e.first("iprange", "0.0.0.0") not in ("0.0.0.0", None)) or e.first("fqdn"):
            return SvcObj([ANY_PIECE], f"service {name} restricts destinations "
                          "(iprange/fqdn) not modelled")
    ast = e.low("app-service-type", "disable")
    if ast not in ("disable", None):
        return SvcObj([ANY_PIECE], f"service {name}: app-service-type {ast} not modelled")
    if proto in ("TCP/UDP/SCTP", "TCP/UDP/UDP-LITE/SCTP"):
        pieces: list[Piece] = []
        for key, p in _RANGE_KEYS:
            vals = e.get(key)
            if not vals:
                continue
            by_src: dict = {}
            for v in vals:
                r = parse_portrange(v)
                if r is None:
                    return SvcObj([ANY_PIECE], f"service {name}: {key} {v} not understood")
                by_src.setdefault(r[1], []).append(r[0])
            for sr, drs in by_src.items():
                pieces.append(Piece(p, tuple(drs), (sr,) if sr else None))
        if not pieces:
            return SvcObj([ANY_PIECE], f"service {name} has no port range")
        return SvcObj(pieces)
    if proto == "ICMP":
        t = e.first("icmptype")
        c = e.first("icmpcode")
        try:
            ti = int(t) if t is not None else None
            ci = int(c) if c is not None else None
        except ValueError:
            return SvcObj([ANY_PIECE], f"service {name}: icmp type/code not understood")
        return SvcObj([Piece(PROTO_ICMP, icmp_type=ti, icmp_code=ci)])
    if proto == "ICMP6":
        e.get("icmptype"), e.get("icmpcode")
        return SvcObj([])               # IPv6 only: matches no IPv4 packet
    if proto == "IP":
        num = e.first("protocol-number", "0")
        if not (num or "").isdigit() or int(num) > 255:
            return SvcObj([ANY_PIECE], f"service {name}: protocol-number {num} not understood")
        n = int(num)
        return SvcObj([ANY_PIECE if n == 0 else Piece(n)])
    return SvcObj([ANY_PIECE], f"service {name}: protocol {proto} not modelled "
                  "(explicit-proxy protocols)")


def is_all(pieces: list[Piece]) -> bool:
    return any(p == ANY_PIECE for p in pieces)


# --------------------------------------------------------------------------- VIPs, pools


@dataclass
class Vip:
    name: str
    entry: Entry
    ext: list[tuple[int, int]] = field(default_factory=list)     # extip ranges
    mapped: list[tuple[int, int]] = field(default_factory=list)  # mappedip ranges
    extintf: list[str] = field(default_factory=list)
    portforward: bool = False
    protocol: int = PROTO_TCP
    extport: PortRange | None = None
    mappedport: PortRange | None = None
    src_filter: tuple[AddrMatch, ...] | None = None
    srcintf_filter: list[str] | None = None
    partial: str | None = None
    group: str | None = None

    def mapped_pats(self) -> tuple[AddrMatch, ...]:
        out: list[AddrMatch] = []
        for lo, hi in self.mapped:
            out.extend(range_pats(lo, hi))
        return tuple(out)


_VIP_PROTO = {"tcp": PROTO_TCP, "udp": PROTO_UDP, "sctp": PROTO_SCTP, "icmp": PROTO_ICMP}


def parse_vip(e: Entry, iface_addr) -> Vip:
    v = Vip(e.name, e)
    typ = e.low("type", "static-nat")
    reasons = []
    if typ not in ("static-nat", "load-balance"):
        e.get("mapped-addr"), e.get("server-type")
        reasons.append(f"VIP type {typ} not modelled")
    v.extintf = e.get("extintf") or ["any"]
    ext = e.get("extip") or ["0.0.0.0"]
    if e.has("extaddr"):
        e.get("extaddr")
        reasons.append("extaddr (address-object external IP) not modelled")
    for t in ext:
        r = parse_ip_range(t)
        if r is None:
            reasons.append(f"extip {t} not understood")
            continue
        if r == (0, 0):
            # 0.0.0.0 = the external interface's address(es)
            for ifn in v.extintf:
                net = iface_addr(ifn)
                if net is not None:
                    v.ext.append((int(net.ip), int(net.ip)))
            if not v.ext:
                reasons.append("extip 0.0.0.0 = external interface address, unknown here")
            continue
        v.ext.append(r)
    if typ == "load-balance":
        first = None
        rs = e.child("realservers")
        if rs is not None:
            for r in rs.entries.values():
                ip = ip_int(r.first("ip", "") or "")
                if ip is not None:
                    first = ip
                    break
        if first is not None:
            v.mapped.append((first, first))
        reasons.append("load-balance VIP approximated by its first real server")
    else:
        for t in e.get("mappedip") or []:
            r = parse_ip_range(t)
            if r is None:
                reasons.append(f"mappedip {t} not understood")
            else:
                v.mapped.append(r)
        if not v.mapped and typ == "static-nat":
            reasons.append("VIP without mappedip")
    v.portforward = e.low("portforward", "disable") == "enable"
    v.protocol = _VIP_PROTO.get(e.low("protocol", "tcp") or "tcp", PROTO_TCP)
    if v.portforward:
        ep = e.first("extport")
        mp = e.first("mappedport")
        if ep:
            r = parse_portrange(ep.replace(" ", ""))
            v.extport = r[0] if r else None
            if r is None:
                reasons.append(f"extport {ep} not understood")
        if mp:
            r = parse_portrange(mp.replace(" ", ""))
            v.mappedport = r[0] if r else None
            if r is None:
                reasons.append(f"mappedport {mp} not understood")
        if v.extport is None:
            reasons.append("port forwarding without extport")
        if v.mappedport is None:
            v.mappedport = v.extport
        if e.has("service"):
            e.get("service")
            reasons.append("VIP service objects not modelled")
    else:
        e.mark("extport"), e.mark("mappedport"), e.mark("protocol")
    sf = e.get("src-filter")
    if sf:
        pats = []
        for t in sf:
            net = parse_prefix([t]) if "/" in t else None
            r = parse_ip_range(t) if net is None else None
            if net is not None:
                pats.append(AddrMatch.prefix(net.cidr))
            elif r is not None:
                pats.extend(range_pats(*r))
            else:
                reasons.append(f"src-filter {t} not understood")
        v.src_filter = tuple(pats) if pats else None
    sif = e.get("srcintf-filter")
    if sif:
        v.srcintf_filter = sif
    if reasons:
        v.partial = "; ".join(reasons)
    return v


@dataclass
class Pool:
    name: str
    start: int | None
    end: int | None
    line: int


def parse_pool(e: Entry) -> Pool:
    e.get("type")
    return Pool(e.name, ip_int(e.first("startip", "") or ""), ip_int(e.first("endip", "") or ""),
                e.edit_line)
