"""fw4 rule and redirect options as packet conditions (:class:`~netaudit.parsers.packet_sets.Cond`).

What fw4 does with each option (``/usr/share/ucode/fw4.uc``, ``parse_rule``):
``proto`` defaults to ``tcpudp``; ``all``/``any``/``*`` is every protocol; ports apply
only when the protocol is tcp or udp (a port on ``proto all`` is dropped by fw4, so
here too); ``icmp_type`` only with icmp; a rule or zone whose addresses are all IPv6
(or ``family ipv6``) does not exist for IPv4.  A condition the model cannot express
(MAC, time, rate limit, mark, DSCP, helper, a set without entries, a hostname) is left
out — the condition becomes *wider* — and the line is partial with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from netaddr import AddrFormatError, IPNetwork

from netaudit.messages import Text
from netaudit.parsers.ip import ip_to_int
from netaudit.parsers.packet_sets import ADDR_MAX, Cond, intersect, norm, r_not

from .uci import Section

PROTO_NUMBERS = {
    "icmp": 1,
    "igmp": 2,
    "tcp": 6,
    "udp": 17,
    "gre": 47,
    "esp": 50,
    "ah": 51,
    "sctp": 132,
    "ipip": 4,
    "ipencap": 4,
    "ospf": 89,
    "pim": 103,
    "vrrp": 112,
    "l2tp": 115,
    "udplite": 136,
    "dccp": 33,
    "ipv6": 41,
    "rsvp": 46,
    "eigrp": 88,
    "mpls-in-ip": 137,
}
# IPv4 ICMP names fw4 knows: name -> (type, code_min, code_max)
ICMP4 = {
    "any": (None, 0, 255),
    "echo-reply": (0, 0, 255),
    "pong": (0, 0, 255),
    "destination-unreachable": (3, 0, 255),
    "network-unreachable": (3, 0, 0),
    "host-unreachable": (3, 1, 1),
    "protocol-unreachable": (3, 2, 2),
    "port-unreachable": (3, 3, 3),
    "fragmentation-needed": (3, 4, 4),
    "source-route-failed": (3, 5, 5),
    "network-unknown": (3, 6, 6),
    "host-unknown": (3, 7, 7),
    "network-prohibited": (3, 9, 9),
    "host-prohibited": (3, 10, 10),
    "TOS-network-unreachable": (3, 11, 11),
    "TOS-host-unreachable": (3, 12, 12),
    "communication-prohibited": (3, 13, 13),
    "host-precedence-violation": (3, 14, 14),
    "precedence-cutoff": (3, 15, 15),
    "source-quench": (4, 0, 255),
    "redirect": (5, 0, 255),
    "network-redirect": (5, 0, 0),
    "host-redirect": (5, 1, 1),
    "TOS-network-redirect": (5, 2, 2),
    "TOS-host-redirect": (5, 3, 3),
    "echo-request": (8, 0, 255),
    "ping": (8, 0, 255),
    "router-advertisement": (9, 0, 255),
    "router-solicitation": (10, 0, 255),
    "time-exceeded": (11, 0, 255),
    "ttl-exceeded": (11, 0, 255),
    "ttl-zero-during-transit": (11, 0, 0),
    "ttl-zero-during-reassembly": (11, 1, 1),
    "parameter-problem": (12, 0, 255),
    "ip-header-bad": (12, 0, 0),
    "required-option-missing": (12, 1, 1),
    "timestamp-request": (13, 0, 255),
    "timestamp-reply": (14, 0, 255),
    "address-mask-request": (17, 0, 255),
    "address-mask-reply": (18, 0, 255),
}
ICMP4_LOWER = {k.lower(): v for k, v in ICMP4.items()}
# names only IPv6 knows (a rule listing only these is IPv6-only)
ICMP6_ONLY = {
    "packet-too-big",
    "neighbour-solicitation",
    "neighbour-advertisement",
    "neighbor-solicitation",
    "neighbor-advertisement",
    "bad-header",
    "unknown-header-type",
    "unknown-option",
    "no-route",
    "address-unreachable",
    "communication-prohibited6",
    "beyond-scope",
    "reject-route",
    "failed-policy",
    "echo-request6",
    "mld-listener-query",
    "mld-listener-report",
    "mld-listener-done",
    "mld-listener-reduction",
    "mld2-listener-report",
    "nd-router-solicit",
    "nd-router-advert",
}

# rule/redirect options that narrow what a line matches in a way the model cannot express
# (what they match on, worded in the report's language)
_RATE_LIMIT = Text("input.openwrt.narrow_limit")
_TIME_OF_DAY = Text("input.openwrt.narrow_time")
_DATE = Text("input.openwrt.narrow_date")
NARROWING = {
    "src_mac": Text("input.openwrt.narrow_src_mac"),
    "limit": _RATE_LIMIT,
    "limit_burst": _RATE_LIMIT,
    "start_time": _TIME_OF_DAY,
    "stop_time": _TIME_OF_DAY,
    "start_date": _DATE,
    "stop_date": _DATE,
    "weekdays": Text("input.openwrt.narrow_weekdays"),
    "monthdays": Text("input.openwrt.narrow_monthdays"),
    "mark": Text("input.openwrt.narrow_mark"),
    "dscp": Text("input.openwrt.narrow_dscp"),
    "helper": Text("input.openwrt.narrow_helper"),
    "extra": Text("input.openwrt.narrow_extra"),
}
# What the address and port options of a rule are, in the reasons about their values.
_SOURCE = Text("input.openwrt.what_source")
_DESTINATION = Text("input.openwrt.what_destination")
_SOURCE_PORT = Text("input.openwrt.what_source_port")
_DESTINATION_PORT = Text("input.openwrt.what_destination_port")


class IpSet(NamedTuple):
    """A firewall ipset as a rule reads it: its address ranges when they are known
    exactly, the direction its ``match`` gives (``src``/``dst``), else why not."""

    ranges: tuple | None
    direction: str | None
    unknown: Text | None


class Family(Exception):
    """The rule does not exist for IPv4 (family ipv6, or IPv6 addresses only)."""


def split_neg(word: str) -> tuple[bool, str]:
    if word.startswith("!"):
        return True, word[1:].strip()
    return False, word


def addresses(values: list[str], ipsets: dict, why: list[str], what: str) -> tuple | str | None:
    """Ranges of a ``src_ip``/``dest_ip`` list; None = unconstrained; ``"v6"`` when only
    IPv6 addresses were given (the rule is IPv6-only).  A value not read adds its reason
    to ``why``, naming it as ``what`` (an option name, or a catalogue text: "source" …)."""
    got, exact = _addresses_read(tuple(values))
    return got if exact else _addresses(values, why, what)


@lru_cache(maxsize=4096)  # rules repeat their addresses: read once per distinct list
def _addresses_read(values: tuple[str, ...]) -> tuple[tuple | str | None, bool]:
    """:func:`addresses` of the values, and whether they all read without a reason (else
    they are read again, so that the reason names the option it is about)."""
    why: list[str] = []
    return _addresses(values, why, ""), not why


def _addresses(values: Sequence[str], why: list[str], what: str) -> tuple | str | None:
    pos: list[tuple[int, int]] = []
    neg: list[tuple[int, int]] = []
    v6 = 0
    for w in values:
        inv, w = split_neg(w)
        if not w:
            continue
        plain = _plain_range(w)
        if plain is not None:
            (neg if inv else pos).append(plain)
            continue
        try:
            if "/" in w and w.split("/", 1)[1].count(".") == 3 and not _contiguous(w.split("/", 1)[1]):
                why.append(Text("input.openwrt.mask_noncontiguous", what=what, value=w))
                continue
            n = IPNetwork(w)
        except (AddrFormatError, ValueError, TypeError):
            if "-" in w:
                lo, _, hi = w.partition("-")
                try:
                    rng = (int(IPNetwork(lo).first), int(IPNetwork(hi).first))
                except (AddrFormatError, ValueError):
                    why.append(Text("input.openwrt.value_unread", what=what, value=repr(w)))
                    continue
                (neg if inv else pos).append(rng)
                continue
            why.append(Text("input.openwrt.host_name", what=what, value=repr(w)))
            continue
        if n.version == 6:
            v6 += 1
            continue
        (neg if inv else pos).append((n.first, n.last))
    if v6 and not pos and not neg and not why:
        return "v6"
    if not pos and not neg:
        return None
    r = norm(pos) if pos else ((0, ADDR_MAX),)
    if neg:
        from netaudit.parsers.packet_sets import r_and

        r = r_and(r, r_not(norm(neg), ADDR_MAX))
    return r


_PREFIX_LEN = {str(n): n for n in range(33)}


def _plain_range(word: str) -> tuple[int, int] | None:
    """``A.B.C.D`` or ``A.B.C.D/N`` as they are nearly always written (dotted quad, decimal
    length) → the range netaddr gives (host bits cleared), from integers; None for any
    other form, which netaddr reads in :func:`addresses`."""
    addr, sep, length = word.partition("/")
    value = ip_to_int(addr)
    if value is None:
        return None
    if not sep:
        return value, value
    n = _PREFIX_LEN.get(length)
    if n is None:
        return None
    host = ADDR_MAX >> n
    return value & ~host, (value & ~host) | host


def _contiguous(mask: str) -> bool:
    try:
        v = int(IPNetwork(f"0.0.0.0/{mask}").netmask)
    except (AddrFormatError, ValueError):
        return False
    inv = (~v) & ADDR_MAX
    return inv & (inv + 1) == 0


def ports(values: list[str], why: list[str], what: str) -> tuple | None:
    """Ranges of a port list; None = unconstrained.  A value not read adds its reason to
    ``why``, naming it as ``what``."""
    got, exact = _ports_read(tuple(values))
    return got if exact else _ports(values, why, what)


@lru_cache(maxsize=4096)  # rules repeat their port lists: read once per distinct list
def _ports_read(values: tuple[str, ...]) -> tuple[tuple | None, bool]:
    """:func:`ports` of the values, and whether they all read without a reason (else they
    are read again, so that the reason names the option it is about)."""
    why: list[str] = []
    return _ports(values, why, ""), not why


def _ports(values: Sequence[str], why: list[str], what: str) -> tuple | None:
    pos: list[tuple[int, int]] = []
    neg: list[tuple[int, int]] = []
    for w in values:
        inv, w = split_neg(w)
        lo, sep, hi = w.replace(":", "-").partition("-")
        try:
            a = int(lo)
            b = int(hi) if sep else a
        except ValueError:
            why.append(Text("input.openwrt.port_unread", what=what, value=repr(w)))
            continue
        if not (0 <= a <= b <= 65535):
            why.append(Text("input.openwrt.port_out_of_range", what=what, value=repr(w)))
            continue
        (neg if inv else pos).append((a, b))
    if not pos and not neg:
        return None
    r = norm(pos) if pos else ((0, 65535),)
    if neg:
        from netaudit.parsers.packet_sets import r_and

        r = r_and(r, r_not(norm(neg), 65535))
    return r


def protocols(values: list[str], why: list[str]) -> list[str | int | None]:
    """Protocol entries: ``None`` (all), ``"tcp"``, ``"udp"``, ``"icmp"`` or a number."""
    got = _protocols_read(tuple(values))
    return _protocols(values, why) if got is None else list(got)


@lru_cache(maxsize=4096)  # rules repeat their protocol lists: read once per distinct list
def _protocols_read(values: tuple[str, ...]) -> tuple[str | int | None, ...] | None:
    """:func:`protocols` of values that all read without a reason, else None (read again
    with the reason)."""
    why: list[str] = []
    got = _protocols(values, why)
    return None if why else tuple(got)


def _protocols(values: Sequence[str], why: list[str]) -> list[str | int | None]:
    out: list[str | int | None] = []
    for w in values or ["tcpudp"]:
        inv, w = split_neg(w.lower())
        if inv:
            why.append(Text("input.openwrt.protocol_negated", protocol=w))
            return [None]
        if w in ("all", "any", "*"):
            return [None]
        if w == "tcpudp":
            out += ["tcp", "udp"]
        elif w in ("tcp", "6"):
            out.append("tcp")
        elif w in ("udp", "17"):
            out.append("udp")
        elif w in ("icmp", "1"):
            out.append("icmp")
        elif w in ("icmpv6", "ipv6-icmp", "58"):
            continue  # IPv6 only
        elif w.isdecimal() and int(w) <= 255:
            out.append(int(w))
        elif w in PROTO_NUMBERS:
            out.append(PROTO_NUMBERS[w])
        else:
            why.append(Text("input.openwrt.protocol_unknown", protocol=repr(w)))
            return [None]
    return list(dict.fromkeys(out))


def rule_conds(
    sec: Section,
    ipsets: dict,
    src_key: str = "src_ip",
    dst_key: str = "dest_ip",
    sport_key: str = "src_port",
    dport_key: str = "dest_port",
    dip_key: str | None = None,
) -> tuple[list[Cond], list[str]]:
    """The IPv4 packets a rule/redirect section matches (a union), and the reasons it
    is only partly understood.  Raises :class:`Family` for an IPv6-only section."""
    why: list[str] = []
    fam = (sec.get("family") or "").lower()
    if fam in ("ipv6", "6", "inet6"):
        raise Family
    if not (NARROWING.keys().isdisjoint(sec.options) and NARROWING.keys().isdisjoint(sec.lists)):
        for key, what in NARROWING.items():  # (most rules have none: one test above)
            if sec.has(key):
                sec.get(key)
                why.append(Text("input.openwrt.option_narrowing", what=what, option=key))
    src = addresses(sec.values(src_key), ipsets, why, _SOURCE)
    dst = addresses(sec.values(dip_key or dst_key), ipsets, why, _DESTINATION)
    if src == "v6" or dst == "v6":
        raise Family
    ipset = sec.get("ipset")
    if ipset:
        src, dst = _ipset_match(ipset, ipsets, src, dst, why)
    sp = ports(sec.values(sport_key), why, _SOURCE_PORT)
    dp = ports(sec.values(dport_key), why, _DESTINATION_PORT)
    protos = protocols(sec.values("proto"), why)
    src = src if isinstance(src, tuple) else None
    dst = dst if isinstance(dst, tuple) else None
    got = _conds(src, dst, sp, dp, tuple(protos), tuple(sec.values("icmp_type")))
    if got is None:
        raise Family
    out, icmp_why = got
    why += icmp_why
    return list(out), why


@lru_cache(maxsize=4096)  # rules repeat their matches: one union per distinct set of values
def _conds(
    src: tuple | None, dst: tuple | None, sp: tuple | None, dp: tuple | None, protos: tuple, itypes_raw: tuple
) -> tuple[tuple[Cond, ...], tuple[Text, ...]] | None:
    """The union :func:`rule_conds` gives for the values it read (addresses, ports,
    protocols, ICMP types), and the reasons about the ICMP types; None when the rule is
    for IPv6 only."""
    why: list[Text] = []
    out: list[Cond] = []
    base = Cond(src=src, dst=dst)
    v4_types: list[tuple[int | None, int, int]] = []
    only6 = bool(itypes_raw)
    for t in itypes_raw:
        tl = t.lower()
        if tl in ICMP4_LOWER:
            v4_types.append(ICMP4_LOWER[tl])
            only6 = False
        elif tl.split("/")[0].isdecimal():
            a, _, b = tl.partition("/")
            v4_types.append((int(a), int(b), int(b)) if b else (int(a), 0, 255))
            only6 = False
        elif tl not in ICMP6_ONLY:
            why.append(Text("input.openwrt.icmp_type_unknown", value=repr(t)))
            only6 = False
    for p in protos:
        if p is None:
            c: Cond | None = base
        elif p in ("tcp", "udp"):
            num = 6 if p == "tcp" else 17
            c = intersect(base, Cond(proto=((num, num),), sport=sp, dport=dp))
        elif p == "icmp":
            if only6:
                continue
            if v4_types and all(t[0] is not None for t in v4_types):
                for ty, lo, hi in v4_types:
                    assert ty is not None
                    ic = Cond(proto=((1, 1),), itype=((ty, ty),), icode=None if (lo, hi) == (0, 255) else ((lo, hi),))
                    got = intersect(base, ic)
                    if got is not None:
                        out.append(got)
                continue
            c = intersect(base, Cond(proto=((1, 1),)))
        else:
            assert isinstance(p, int)
            c = intersect(base, Cond(proto=((p, p),)))
        if c is not None:
            out.append(c)
    if not out and protos and only6 and set(protos) <= {"icmp"}:
        return None
    return tuple(out), tuple(why)


def _ipset_match(option: str, ipsets: dict[str, IpSet], src, dst, why: list[str]) -> tuple:
    """``(src, dst)`` narrowed by a rule's ``ipset`` option, fw4's ``parse_setmatch``:
    ``[!]NAME [src|dst …]``, the rule's first direction before the set's own."""
    inv, spec = split_neg(option)
    words = spec.replace(",", " ").split()
    entry = ipsets.get(words[0]) if words else None
    if entry is None:
        # fw4 skips a rule naming a set it has not created; a service may register one at
        # run time: the rule is kept, partial
        why.append(Text("input.openwrt.ipset_undefined", name=repr(option)))
        return src, dst
    if entry.ranges is None:
        why.append(entry.unknown or Text("input.openwrt.ipset_members_unknown", name=repr(option)))
        return src, dst
    direction = next((w for w in words[1:4] if w in ("src", "dst", "dest")), None) or entry.direction or "src"
    ranges = r_not(entry.ranges, ADDR_MAX) if inv else entry.ranges
    if direction == "src":
        return (ranges if not isinstance(src, tuple) else _and(src, ranges)), dst
    return src, (ranges if not isinstance(dst, tuple) else _and(dst, ranges))


def _and(a: tuple, b: tuple) -> tuple:
    from netaudit.parsers.packet_sets import r_and

    return r_and(a, b)
