"""Firewall rule properties → packet conditions (:class:`~netaudit.parsers.packet_sets.Cond` unions).

Interface lists and address lists are expanded; ``!`` negations complemented;
``connection-state`` rules that need established/related packets never match a new
connection; ``connection-state=invalid`` matches the ICMP types conntrack never
accepts as new; ``ipsec-policy=in,ipsec`` matches no packet a zone injects.
Unmodelled matchers keep the rule with its other conditions (a superset) and give
the reason it is partial.

``connection-nat-state=dstnat``: the model has no "was destination-NATed" bit.  A
dstnat'ed packet leaves DNAT with a header in the *image* of a DNAT rule (its
to-address / to-port, the rule's other conditions, from the rule's in-interface), so
``dstnat`` is translated to that image and ``!dstnat`` to its complement.  The only
packets this misclassifies are packets sent *directly* to a DNAT target with exactly
such a header; they are delivered with the same header a translated packet has, so
the delivered set is unchanged.  The translation errs toward reachability when
``dstnat`` permits or ``!dstnat`` drops (the usual ``drop … connection-nat-state=!dstnat
in-interface-list=WAN``); used the other way round the rule is marked partial
(:mod:`.flatten`).  ``connection-nat-state=srcnat`` is decided after the forward
chain, so it never matches a new connection there.
"""

from __future__ import annotations

import functools
from enum import Enum
from typing import Any, Final

from netaudit.messages import Text
from netaudit.model import AddrMatch, L2Mode, Match, PortRange, Src, from_values
from netaudit.parsers.base import EVERY_MATCH_STATE
from netaudit.parsers.ip import read_quad
from netaudit.parsers.packet_sets import (
    ADDR_MAX,
    ANY,
    FIELD_INDEX,
    Cond,
    Ranges,
    _addr,
    _values,
    cond,
    cond_at,
    field_match,
    intersect,
    intersect_all,
    negate_union,
    norm,
    r_and,
    r_not,
    r_or,
)

from .lists import list_bounds
from .reasons import ALL_PPP_RUNTIME, CONNTRACK_DISABLED, UNICAST_BLACKHOLE, UNTRACKED_NOTRACK, not_understood, reason
from .records import FwRule
from .state import State
from .syntax import unquote
from .values import parse_addr, parse_ports

PROTOCOLS = {
    "icmp": 1, "igmp": 2, "ggp": 3, "ip-encap": 4, "ipip": 4, "ipencap": 4, "st": 5,
    "tcp": 6, "egp": 8, "pup": 12, "udp": 17, "hmp": 20, "xns-idp": 22, "rdp": 27,
    "iso-tp4": 29, "dccp": 33, "xtp": 36, "ddp": 37, "idpr-cmtp": 38, "ipv6": 41,
    "ipv6-encap": 41, "ipv6-route": 43, "ipv6-frag": 44, "idrp": 45, "rsvp": 46,
    "gre": 47, "ipsec-esp": 50, "ipsec-ah": 51, "ipv6-icmp": 58, "icmpv6": 58,
    "ipv6-nonxt": 59, "ipv6-opts": 60, "rspf": 73, "vmtp": 81, "ospf": 89, "ax.25": 93,
    "ipip-tunnel": 94, "etherip": 97, "encap": 98, "pim": 103, "vrrp": 112, "l2tp": 115,
    "sctp": 132, "udp-lite": 136,
}  # fmt: skip
ALL_STATES = frozenset({"established", "related", "new", "invalid", "untracked"})
# ICMP types conntrack accepts as the start of a connection (nf_conntrack_proto_icmp):
# echo, timestamp, info and address-mask requests.  Every other type arriving without
# a connection is "invalid".
ICMP_NEW_TYPES = ((8, 8), (13, 13), (15, 15), (17, 17))
ICMP_INVALID_TYPES = r_not(ICMP_NEW_TYPES, 255)
ALL_PROTO_BUT_ICMP = ((0, 0), (2, 255))

# Firewall properties with no effect on which packets a rule matches.
RULE_META = frozenset({
    "chain", "action", "jump-target", "comment", "disabled", "log", "log-prefix",
    "address-list", "address-list-timeout", "reject-with", "to-addresses", "to-ports",
    "hw-offload", "place-before", "passthrough", "new-connection-mark",
    "new-packet-mark", "new-routing-mark", "new-dscp", "new-mss", "new-ttl",
    "new-priority", "sniff-id", "sniff-target", "sniff-target-port", "route-dst",
    "randomise-ports", "copy-from", "dynamic", "invalid",
})  # fmt: skip


@functools.cache
def _matcher_unmodelled(matcher: str) -> Text:
    """Why a rule with this matcher is partial (one Text per matcher: rules repeat them)."""
    return Text("input.routeros.matcher_unmodelled", matcher=matcher)


@functools.cache
def _unknown_property(key: str) -> Text:
    return Text("input.routeros.unknown_property", prop=key)


# Matchers the model does not capture: the rule becomes partial (superset kept).
RULE_PARTIAL = {
    "layer7-protocol": "layer7-protocol", "content": "content", "time": "time",
    "limit": "limit", "dst-limit": "dst-limit", "connection-limit": "connection-limit",
    "connection-rate": "connection-rate", "tls-host": "tls-host",
    "packet-mark": "packet-mark", "connection-mark": "connection-mark",
    "routing-mark": "routing-mark", "routing-table": "routing-table", "hotspot": "hotspot",
    "p2p": "p2p", "psd": "psd", "nth": "nth", "random": "random",
    "per-connection-classifier": "per-connection-classifier",
    "src-mac-address": "src-mac-address", "in-bridge-port": "in-bridge-port",
    "in-bridge-port-list": "in-bridge-port-list", "out-bridge-port": "out-bridge-port",
    "out-bridge-port-list": "out-bridge-port-list", "dscp": "dscp", "tcp-mss": "tcp-mss",
    "packet-size": "packet-size", "ttl": "ttl", "fragment": "fragment",
    "ipv4-options": "ipv4-options", "priority": "priority", "tcp-flags": "tcp-flags",
    "connection-type": "connection-type (helper)", "connection-bytes": "connection-bytes",
    "ingress-priority": "ingress-priority", "headers": "headers",
}  # fmt: skip

BRIDGE_PORT_KEYS = frozenset({"in-bridge-port", "in-bridge-port-list", "out-bridge-port", "out-bridge-port-list"})

_ALL_KINDS = {
    "all-ethernet": ("ether", "sfp", "combo", "qsfp"),
    "all-wireless": ("wlan", "wifi"),
    "all-vlan": ("vlan",),
    "all-ppp": ("pppoe", "l2tp", "pptp", "sstp", "ovpn", "<"),
}


def addr_field(st: State, value: str, what: str, reasons: list[str]):
    neg = value.startswith("!")
    v = value[1:] if neg else value
    r = parse_addr(v)
    if r is None:
        reasons.append(not_understood(what, value))
        return None
    rs = (r,)
    return r_not(rs, ADDR_MAX) if neg else rs


def list_field(st: State, value: str, what: str, src: Src, reasons: list[str]):
    neg = value.startswith("!")
    name = value[1:] if neg else value
    got = st.list_cache.get(value)
    if got is not None:
        st.refs.append(("address-list", name, src, name in st.alists))
        if got[1]:
            reasons.append(got[1])
        return got[0]
    entry = st.alists.get(name)
    why: str | None
    if entry is None:
        # No static entry: RouterOS matches nothing unless something fills the list at
        # run time (scripts, entries with a timeout are never exported) — partial.
        st.refs.append(("address-list", name, src, False))
        rs, why = (), Text("input.routeros.alist_no_entry", name=name)
    else:
        rs, why = entry
        st.refs.append(("address-list", name, src, True))
    if why:
        # entries unknown at parse time (DNS names, run-time additions) may be any
        # address: "in the list" is then unconstrained (the superset), "not in the
        # list" at most the complement of the known entries
        reasons.append(why)
        out = r_not(rs, ADDR_MAX) if neg else None
    else:
        out = r_not(rs, ADDR_MAX) if neg else rs
    st.list_cache[value] = (out, why)
    return out


def iface_field(st: State, value: str, is_list: bool, src: Src, reasons: list[str]):
    neg = value.startswith("!")
    name = value[1:] if neg else value
    if is_list:
        if name not in ("all", "none", "static", "dynamic"):
            st.refs.append(("interface-list", name, src, name in st.lists))
        # The interfaces are all known by now: a list's set is worked out once per value
        # (an export names the same few lists in rule after rule).
        got = st.iface_list_cache.get(value)
        if got is None:
            got = st.iface_list_cache[value] = _list_set(st, name, neg)
        if got[1]:
            reasons.append(got[1])
        return got[0]
    if name.startswith("all-"):
        prefixes = _ALL_KINDS.get(name)
        if prefixes is None:
            reasons.append(reason("input.routeros.iface_not_understood", name=name))
            return None
        if name == "all-vlan":
            s = frozenset(n for n, i in st.dev.interfaces.items() if n in st.vlan_ifs)
        else:
            s = frozenset(n for n in st.dev.interfaces if n.startswith(prefixes))
        if name == "all-ppp" and st.dynamic_ifaces_possible:
            reasons.append(ALL_PPP_RUNTIME)
    else:
        if name.startswith("*"):
            reasons.append(reason("input.routeros.iface_removed", name=name))
        # One interface: its set, whether it is undefined and whether it is a bridge port
        # worked out once per value (an export names the same interfaces rule after rule);
        # the reference and the warning are still the rule's own.
        got = st.iface_cache.get(value)
        if got is None:
            itf = st.dev.interfaces.get(name)
            one = frozenset({name})
            undefined = itf is None and not name.startswith("*")  # a removed one: the reason
            port = itf is not None and itf.mode != L2Mode.ROUTED
            got = st.iface_cache[value] = (frozenset(st.universe - one) if neg else one, undefined, port)
        out, undefined, port = got
        if undefined:
            st.refs.append(("interface", name, src, False))
        elif port:
            st.facts.interface_rule_on_bridge_port.append(name)
            why = Text("input.routeros.rule_names_port", name=name)
            st.rep.warnings.append(Text("input.at", where=f"{st.file}:{src.line}", what=why))
        return out
    return frozenset(st.universe - s) if neg else s


def _list_set(st: State, name: str, neg: bool) -> tuple[frozenset | None, str | None, frozenset | None]:
    """(the interfaces an ``in-interface-list`` value may match, None for any; the reason
    that is more than it surely matches; the interfaces it surely matches).

    A list RouterOS may add interfaces to at run time (:class:`.lists.Bounds`): its value
    may match those too, surely only its sure members; negated, it surely matches only
    the interfaces that can never be in the list, and may match all but its sure members.
    Interfaces a PPP server creates are none of the device's: a packet the model shows on
    any interface may come in (or go out) on one of them — a user's session — so a list
    they may join may match any interface, and its negation surely none."""
    b = list_bounds(st, name)
    if not neg:
        may = None if b.created else b.may
        return may, b.why, b.sure
    may = frozenset() if b.sure is None else frozenset(st.universe - b.sure)
    if b.created or b.may is None:
        return may, b.why, frozenset()
    return may, b.why, frozenset(st.universe - b.may)


def sure_conds(st: State, rule: FwRule, conds: list[Cond], reasons: list[str]) -> list[Cond]:
    """The packets of ``conds`` (what :func:`rule_fields` read of ``rule``, flattened) that
    the rule surely matches when its only doubts are interface lists whose members may
    change at run time: those on the interfaces it surely matches (:func:`_list_set`).
    Empty when another doubt remains."""
    sure: dict[str, frozenset | None] = {}
    doubts = set()
    for key in ("in-interface-list", "out-interface-list"):
        raw = rule.props.get(key)
        got = st.iface_list_cache.get(unquote(raw)) if raw else None
        if got is not None and got[1]:
            doubts.add(got[1])
            sure[key] = got[2]
    if not doubts or any(r not in doubts for r in reasons):
        return []
    guard = Cond(inif=sure.get("in-interface-list"), outif=sure.get("out-interface-list"))
    return [c2 for c in conds if (c2 := intersect(c, guard)) is not None and not c2.is_empty()]


def ports_field(value: str, reasons: list[str], what: str):
    neg = value.startswith("!")
    v = value[1:] if neg else value
    rs = parse_ports(v)
    if rs is None:
        reasons.append(not_understood(what, value))
        return None
    return r_not(rs, 65535) if neg else rs


def proto_field(value: str, reasons: list[str]):
    neg = value.startswith("!")
    v = (value[1:] if neg else value).lower()
    n = int(v) if v.isdecimal() and int(v) <= 255 else PROTOCOLS.get(v)
    if n is None:
        reasons.append(not_understood("protocol", value))
        return None
    rs = ((n, n),)
    return r_not(rs, 255) if neg else rs


def addr_type(st: State, value: str, reasons: list[str]):
    neg = value.startswith("!")
    v = value[1:] if neg else value
    if v == "local":
        rs = r_or(st.own, ((0x7F000000, 0x7FFFFFFF),))
    elif v == "multicast":
        rs = ((0xE0000000, 0xEFFFFFFF),)
    elif v == "broadcast":
        rs = broadcasts(st)
    elif v == "unicast":
        rs = r_not(r_or(r_or(st.own, ((0xE0000000, 0xFFFFFFFF),)), broadcasts(st)), ADDR_MAX)
        if any(r.drop for r in st.dev.routes):
            reasons.append(UNICAST_BLACKHOLE)
    else:
        reasons.append(reason("input.routeros.address_type_unmodelled", value=value))
        return None
    return r_not(rs, ADDR_MAX) if neg else rs


def broadcasts(st: State):
    out = [(ADDR_MAX, ADDR_MAX)]
    for itf in st.dev.interfaces.values():
        for a in itf.addresses:
            if a.prefixlen <= 30:
                out.append((int(a.broadcast), int(a.broadcast)))
    return norm(out)


def icmp_options(value: str, reasons: list[str]):
    neg = value.startswith("!")
    v = value[1:] if neg else value
    t, _, c = v.partition(":")

    def rng(x):
        if not x:
            return None
        lo, _, hi = x.partition("-")
        if not lo.isdecimal() or (hi and not hi.isdecimal()):
            raise ValueError
        return norm([(int(lo), int(hi or lo))])

    try:
        types, codes = rng(t), rng(c)
    except ValueError:
        reasons.append(not_understood("icmp-options", value))
        return [ANY]
    base = cond(proto=((1, 1),), itype=types, icode=codes)
    if base is None:
        return []
    if not neg:
        return [base]
    out = [Cond(proto=r_not(((1, 1),), 255))]
    if types is not None:
        out.append(Cond(proto=((1, 1),), itype=r_not(types, 255)))
    if codes is not None:
        c2 = cond(proto=((1, 1),), itype=types, icode=r_not(codes, 255))
        if c2 is not None:
            out.append(c2)
    return out


def conn_state(st: State, value: str, reasons: list[str]) -> list[Cond]:
    neg = value.startswith("!")
    states = frozenset(s.strip() for s in (value[1:] if neg else value).split(",") if s)
    unknown = states - ALL_STATES
    if unknown:
        reasons.append(not_understood("connection-state", value))
        return [ANY]
    if neg:
        states = ALL_STATES - states
    out: list[Cond] = []
    if states & {"established", "related"}:
        out.append(Cond(est=True))
    if "new" in states and "invalid" in states:
        out.append(Cond(est=False))
    elif "new" in states:
        out.append(Cond(est=False, proto=ALL_PROTO_BUT_ICMP))
        out.append(Cond(est=False, proto=((1, 1),), itype=ICMP_NEW_TYPES))
    elif "invalid" in states:
        out.append(Cond(est=False, proto=((1, 1),), itype=ICMP_INVALID_TYPES))
    if "untracked" in states and st.untracked_possible:
        reasons.append(UNTRACKED_NOTRACK)
    if st.conntrack is not None and st.conntrack[0] == "no":
        reasons.append(CONNTRACK_DISABLED)
    return out


def nat_state(st: State, value: str, reasons: list[str]) -> tuple[list[Cond], str | None]:
    neg = value.startswith("!")
    states = {s for s in (value[1:] if neg else value).split(",") if s}
    if not states <= {"dstnat", "srcnat"}:
        reasons.append(not_understood("connection-nat-state", value))
        return [ANY], None
    # new connections: srcnat is decided after the forward chain (never set here);
    # dstnat = the DNAT image (approximation, see the module docstring).
    new_part = st.dnat_image if "dstnat" in states else []
    if st.dnat_uncertain and "dstnat" in states:
        reasons.append(reason("input.routeros.nat_state_uncertain", why=st.dnat_uncertain[0]))
    if neg:
        new_part = negate_union(new_part, st.universe) if new_part else [ANY]
    out = [c2 for c in new_part if (c2 := intersect(c, Cond(est=False))) is not None]
    out.append(Cond(est=True))
    direction = None
    if "dstnat" in states and st.dnat_image:
        direction = "dstnat-" if neg else "dstnat+"
    return out, direction


# Where each property's ranges go in a Cond (rule_conds builds the fields in place).
_SRC, _DST, _PROTO = FIELD_INDEX["src"], FIELD_INDEX["dst"], FIELD_INDEX["proto"]
_INIF, _OUTIF = FIELD_INDEX["inif"], FIELD_INDEX["outif"]
# The properties whose value alone decides their ranges (value_ranges), by field.
_VALUE_FIELD = {
    "src-address": _SRC,
    "dst-address": _DST,
    "protocol": _PROTO,
    "dst-port": FIELD_INDEX["dport"],
    "src-port": FIELD_INDEX["sport"],
}
assert max(_VALUE_FIELD.values()) < 5  # rule_fields tells them by kind < 5

# What rule_fields does with a property, looked up once per property (a rule has five
# or six): a field index (< 5) for the properties of _VALUE_FIELD, else one of these.
_META, _ALIST, _ATYPE, _PORT, _IFACE, _IFLIST = 5, 6, 7, 8, 9, 10
_CONN, _NATSTATE, _ICMP, _IPSEC, _BRPORT, _PARTIAL, _UNKNOWN = 11, 12, 13, 14, 15, 16, 17
_KIND: dict[str, int] = {
    **dict.fromkeys(RULE_PARTIAL, _PARTIAL),
    **dict.fromkeys(BRIDGE_PORT_KEYS, _BRPORT),  # (partial when use-ip-firewall is on)
    **_VALUE_FIELD,
    "src-address-list": _ALIST,
    "dst-address-list": _ALIST,
    "src-address-type": _ATYPE,
    "dst-address-type": _ATYPE,
    "port": _PORT,
    "in-interface": _IFACE,
    "out-interface": _IFACE,
    "in-interface-list": _IFLIST,
    "out-interface-list": _IFLIST,
    "connection-state": _CONN,
    "connection-nat-state": _NATSTATE,
    "icmp-options": _ICMP,
    "ipsec-policy": _IPSEC,
    **dict.fromkeys(RULE_META, _META),  # first in rule_fields' tests: last here
}
# The field of the properties whose kind names no field.
_KEY_FIELD = {
    "src-address-list": _SRC,
    "dst-address-list": _DST,
    "src-address-type": _SRC,
    "dst-address-type": _DST,
    "in-interface": _INIF,
    "out-interface": _OUTIF,
    "in-interface-list": _INIF,
    "out-interface-list": _OUTIF,
}


def value_ranges(st: State, key: str, value: str) -> tuple[Ranges | None, tuple[str, ...]]:
    """(ranges, partial reasons) of a property its value alone decides (an address, a
    protocol, ports): read once per distinct value of the export, which repeats its
    protocols, ports and subnets from rule to rule (``st.value_cache``: by property, then
    value)."""
    by_value = st.value_cache.setdefault(key, {})
    got = by_value.get(value)
    if got is None:
        reasons: list[str] = []
        rs = _value_field(st, key, value, reasons)
        got = by_value[value] = (rs, tuple(reasons))
    return got


def _value_field(st: State, key: str, value: str, reasons: list[str]) -> Ranges | None:
    """The ranges of a property of :data:`_VALUE_FIELD` (:func:`value_ranges`, uncached)."""
    if key == "protocol":
        return proto_field(value, reasons)
    if key[4:] == "port":
        return ports_field(value, reasons, key)
    return addr_field(st, value, key, reasons)


RuleFields = tuple[list | None, list[list[Cond]], list[str], str | None]


def rule_conds(st: State, rule: FwRule, table: str) -> tuple[list[Cond], list[str], str | None]:
    """(union of conditions, partial reasons, direction of an approximation).

    The third value is ``"dstnat+"``/``"dstnat-"`` when connection-nat-state was
    translated through the DNAT image (see the module docstring)."""
    return assemble(*rule_fields(st, rule, table))


def assemble(
    fields: list | None, extra: list[list[Cond]], reasons: list[str], approx: str | None
) -> tuple[list[Cond], list[str], str | None]:
    """:func:`rule_conds` of what :func:`rule_fields` read."""
    if fields is None:
        return [], reasons, None
    base = cond_at(fields)
    if base is None:
        return [], reasons, approx
    conds = [base]
    for alt in extra:
        conds = intersect_all(conds, alt)
        if not conds:
            break
    return conds, reasons, approx


def rule_fields(st: State, rule: FwRule, table: str) -> RuleFields:
    """A rule's properties read: (the fields of its one condition in :class:`Cond` order,
    None when it matches no packet; the unions that condition is intersected with —
    ``port``, ``connection-state``, ``icmp-options``, ``connection-nat-state``: the ICMP
    fields and the connection state are only ever set there; partial reasons; the
    direction of an approximation).  Every reference, warning and fact a rule's
    properties give is recorded here."""
    src = rule.src
    reasons: list[str] = [rule.partial] if rule.partial else []
    fields: list = [None] * len(FIELD_INDEX)  # the Cond's, in place (cond_at)
    extra: list[list[Cond]] = []
    approx = None
    value_cache = st.value_cache
    for key, raw in rule.props.items():
        kind = _KIND.get(key, _UNKNOWN)
        if kind == _META:
            continue
        v = raw if '"' not in raw and "\\" not in raw else unquote(raw)  # (unquote's own test)
        if v == "":
            continue
        if kind < 5:  # a field its value alone decides (_VALUE_FIELD)
            by_value = value_cache.get(key)
            got = None if by_value is None else by_value.get(v)
            rs, why = got if got is not None else value_ranges(st, key, v)
            if why:
                reasons.extend(why)
            if rs is not None:
                # the protocol and ports have one property each; an address may also be
                # narrowed by an address list or type
                fields[kind] = rs if fields[kind] is None else r_and(fields[kind], rs)
        elif kind in (_IFLIST, _IFACE):
            s = iface_field(st, v, kind == _IFLIST, src, reasons)
            if s is not None:
                i = _KEY_FIELD[key]
                fields[i] = s if fields[i] is None else fields[i] & s
        elif kind == _ALIST:
            rs = list_field(st, v, key, src, reasons)
            if rs is not None:
                i = _KEY_FIELD[key]
                fields[i] = rs if fields[i] is None else r_and(fields[i], rs)
        elif kind == _ATYPE:
            rs = addr_type(st, v, reasons)
            if rs is not None:
                i = _KEY_FIELD[key]
                fields[i] = rs if fields[i] is None else r_and(fields[i], rs)
        elif kind == _PORT:
            rs = ports_field(v, reasons, key)
            if rs is not None:
                extra.append([Cond(sport=rs), Cond(dport=rs)])
        elif kind == _CONN:
            if table == "nat":
                states = v.lstrip("!").split(",")
                if ("new" in states) != v.startswith("!"):
                    continue
                return None, [], [], None  # NAT sees only new connections
            extra.append(conn_state(st, v, reasons))
        elif kind == _NATSTATE:
            conds, direction = nat_state(st, v, reasons)
            extra.append(conds)
            approx = direction
        elif kind == _ICMP:
            extra.append(icmp_options(v, reasons))
        elif kind == _IPSEC:
            d, _, pol = v.partition(",")
            has_policies = st.has_ipsec
            if pol == "ipsec" and (d == "in" or not has_policies):
                return None, [], reasons, None  # no zone-injected packet matches
            if pol == "none" and (d == "in" or not has_policies):
                continue
            reasons.append(reason("input.routeros.ipsec_policy", policy=v))
        elif kind == _BRPORT and not st.use_ip_firewall:
            # "Works only if use-ip-firewall is enabled in bridge settings" (RouterOS
            # firewall docs): without it the bridge port is never known, so the
            # matcher never matches and its negation always does.
            if v.startswith("!"):
                continue
            return None, [], [], None
        elif kind in (_BRPORT, _PARTIAL):
            reasons.append(_matcher_unmodelled(RULE_PARTIAL[key]))
        else:
            reasons.append(_unknown_property(key))
    return fields, extra, reasons, approx


_FULL_ADDR, _FULL_PROTO, _FULL_PORTS = ((0, ADDR_MAX),), ((0, 255),), ((0, 65535),)


def fields_match(fields: list) -> Match | None:
    """``to_matches(cond_at(fields))[0]``, None where ``cond_at`` finds no packet: the
    Match of a rule's one condition without building the condition (:func:`rule_fields`
    never sets its ICMP fields).  A whole range is no constraint, an empty one no packet,
    as :func:`netaudit.parsers.packet_sets.cond_at` has them; the test module holds the
    two equal on random fields."""
    src, dst, proto, sport, dport, _itype, _icode, est, inif, outif = fields
    if src is not None:
        if not src:
            return None
        if src == _FULL_ADDR:
            src = None
    if dst is not None:
        if not dst:
            return None
        if dst == _FULL_ADDR:
            dst = None
    if proto is not None and (not proto or proto == _FULL_PROTO):
        if not proto:
            return None
        proto = None
    if sport is not None and (not sport or sport == _FULL_PORTS):
        if not sport:
            return None
        sport = None
    if dport is not None and (not dport or dport == _FULL_PORTS):
        if not dport:
            return None
        dport = None
    if (inif is not None and not inif) or (outif is not None and not outif):
        return None
    return field_match(src, dst, proto, sport, dport, est, inif, outif)


# ---------------------------------------------------------------- a plain rule's Match
#
# A filter rule whose properties each set a field of its own (addresses, protocol, ports,
# interfaces, interface and address lists), with nothing partial, is one Match: what
# rule_fields reads into its fields and fields_match builds from them.  rule_match builds
# it straight from the properties, each (property, raw value) read once into the Match
# fields it sets (st.match_cache): most rules of a big export, without the fields list,
# the whole/empty tests per field and the patterns' lookups by ranges.  Anything else is
# NOT_PLAIN, before any reference or warning is recorded, and goes through rule_fields;
# tests/parsers/mikrotik_routeros/test_plain_chains.py compares the two on random rules.


class Plain(Enum):
    """:func:`rule_match`'s answer for a rule it does not read."""

    NOT = "not plain"


NOT_PLAIN: Final = Plain.NOT  # the rule is read by rule_fields

# The Match fields a Cond field sets (field_match), by Cond field index.
_MATCH_NAMES = {
    _SRC: ("src", "src_negate"),
    _DST: ("dst", "dst_negate"),
    _PROTO: ("protocols",),
    FIELD_INDEX["sport"]: ("src_ports",),
    FIELD_INDEX["dport"]: ("dst_ports",),
    _INIF: ("in_ifaces",),
    _OUTIF: ("out_ifaces",),
}
# Each Match field's place in a Match (a named tuple), and the every-packet Match's values:
# rule_match sets a copy's places and makes the Match of them in one call.
_MATCH_AT = {name: i for i, name in enumerate(Match._fields)}
_EVERY_MATCH = list(Match())
# st.match_cache's entry for a property with no effect on the packets (RULE_META)
_NO_MATCHER: dict[str, PlainValue] = {}


def rule_match(st: State, rule: FwRule) -> Match | Plain | None:
    """The one Match of a plain filter rule (see above), straight from its properties;
    None when it matches no packet (:func:`fields_match`'s None); :data:`NOT_PLAIN`
    when :func:`rule_fields` must read it (a partial rule, a union to intersect, a
    reason, a field set by two properties, an interface or list value not yet read).
    Records the rule's references and warnings as :func:`rule_fields` does, and only
    when it returns a Match or None."""
    if rule.partial:
        return NOT_PLAIN
    cache = st.match_cache
    seen = 0  # the fields set so far, one bit each
    state = _EVERY_MATCH.copy()  # the Match's values, each property's fields set in turn
    # The rule's interface and list names go straight into st.refs (as list_field and
    # iface_field record them), taken back if the rule turns out not plain.
    refs = st.refs
    recorded = len(refs)
    no_packet = False
    for key, raw in rule.props.items():
        by_value = cache.get(key)
        if by_value is _NO_MATCHER:
            continue  # chain, action, comment …: nothing to read, whatever the value
        got: PlainValue | None = None if by_value is None else by_value.get(raw)
        if got is None:  # a property or a value met the first time
            if by_value is None:
                by_value = cache[key] = _NO_MATCHER if _KIND.get(key) == _META else {}
                if by_value is _NO_MATCHER:
                    continue
            read = _plain_value(st, key, raw)
            if read is NOT_PLAIN:
                del refs[recorded:]
                return NOT_PLAIN
            got = by_value[raw] = read
        bit, name, value, name2, value2, ref = got
        if ref is not None:
            refs.append((ref[0], ref[1], rule.src, ref[2]))
        if bit:
            if seen & bit:
                del refs[recorded:]
                return NOT_PLAIN  # two properties narrow one field (r_and in rule_fields)
            seen |= bit
            if name is None:
                no_packet = True
            else:  # (two stores: no dict of fields per distinct value to make, merge and free)
                state[name] = value
                state[name2] = value2
    if no_packet:
        return None
    return from_values(Match, state)  # base.from_state of the values, without the call (one a rule)


# st.match_cache's entry for a property and raw value (_plain_value): the bit of the
# Cond field it sets (0 for none); the two Match fields it sets (their places in a Match:
# _MATCH_AT), each with its value —
# None for the first when it lets no packet through; a field with one Match field (the
# protocols, ports, interfaces) names it twice, a whole range (no constraint, still a
# field set) sets the every-packet values; the reference a rule naming it records, as
# (kind, name, defined), None for none.  Flat, without a dict of the fields per distinct
# value (most of an export's addresses and ports are distinct).
# (the places typed Any: the second is an int whenever the first is, which mypy cannot see)
PlainValue = tuple[int, Any, Any, Any, Any, tuple[str, str, bool] | None]
_NOTHING: PlainValue = (0, None, None, None, None, None)


def _entry(i: int, fields: dict | None, ref: tuple[str, str, bool] | None) -> PlainValue:
    """The :data:`PlainValue` of a property setting the Cond field ``i`` whose Match
    fields are ``fields`` (:func:`_match_fields`: None for no packet, none for a whole
    range)."""
    if fields is None:
        return 1 << i, None, None, None, None, ref
    name, name2 = _MATCH_NAMES[i][0], _MATCH_NAMES[i][-1]
    return (
        1 << i,
        _MATCH_AT[name],
        fields.get(name, EVERY_MATCH_STATE[name]),
        _MATCH_AT[name2],
        fields.get(name2, EVERY_MATCH_STATE[name2]),
        ref,
    )


def _plain_value(st: State, key: str, raw: str) -> PlainValue | Plain:
    """What one property of a plain rule does to its Match (:func:`rule_match`, which
    keeps it by property and raw value): its :data:`PlainValue` — or :data:`NOT_PLAIN`.
    An interface or list value is plain once :func:`iface_field` or :func:`list_field`
    has read it without a reason (their caches; what they give and record never changes
    during a parse), so the first rule naming it is read by :func:`rule_fields`; so is
    every rule naming a bridge port (its warning is the rule's)."""
    kind = _KIND.get(key, _UNKNOWN)
    if kind == _META:
        return _NOTHING
    v = raw if '"' not in raw and "\\" not in raw else unquote(raw)  # (unquote's own test)
    if v == "":
        return _NOTHING
    ref = None
    if kind < 5:
        if kind <= _DST:
            got_addr = _plain_addr(kind, v)  # most addresses: one block, read directly
            if got_addr is not None:
                return got_addr
        elif kind != _PROTO:
            got_ports = _plain_ports(kind, v)  # most port values: one port, or a list in order
            if got_ports is not None:
                return got_ports
        i = kind
        why: list[str] = []
        rs = _value_field(st, key, v, why)  # (kept here by raw value: not in value_cache)
        if why:
            return NOT_PLAIN
    else:
        named = _plain_named(st, kind, key, v)
        if named is NOT_PLAIN:
            return NOT_PLAIN
        i, rs, ref = named
    if rs is None:  # any interface (a list that may hold any): no field set
        return 0, None, None, None, None, ref
    return _entry(i, _match_fields(i, rs), ref)


def _plain_named(st: State, kind: int, key: str, v: str) -> tuple[int, Ranges | None, tuple | None] | Plain:
    """(Cond field, its value as :func:`rule_fields` reads it, the reference a rule
    naming it records) of an interface, interface-list or address-list value ``v`` that
    :func:`iface_field` or :func:`list_field` has read without a reason (their caches),
    for :func:`_plain_value` and :func:`_nat_value`; :data:`NOT_PLAIN` for anything else."""
    name = v[1:] if v.startswith("!") else v
    ref = None
    if kind == _ALIST:
        got = st.list_cache.get(v)
        if got is None or got[1]:
            return NOT_PLAIN
        ref = ("address-list", name, name in st.alists)
    elif kind == _IFLIST:
        got = st.iface_list_cache.get(v)
        if got is None or got[1]:
            return NOT_PLAIN
        if name not in ("all", "none", "static", "dynamic"):
            ref = ("interface-list", name, name in st.lists)
    elif kind == _IFACE:
        got = st.iface_cache.get(v)
        if got is None or name.startswith(("*", "all-")) or got[2]:
            return NOT_PLAIN  # a removed interface's reason, every VLAN …, a port's warning
        if got[1]:
            ref = ("interface", name, False)
    else:
        return NOT_PLAIN
    return _KEY_FIELD[key], got[0], ref


_WHOLE = {_SRC: ((0, ADDR_MAX),), _DST: ((0, ADDR_MAX),), _PROTO: ((0, 255),)}


def _plain_addr(i: int, v: str) -> PlainValue | None:
    """:func:`_plain_value` of an address a rule writes as one CIDR block (``10.1.2.0/24``,
    a host, ``!10.9.0.0/16``), field ``i`` (src or dst), read straight into its pattern:
    what :func:`addr_field` and :func:`_match_fields` make of it (``parse_addr``, the
    complement's two ranges, ``packet_sets._addr``'s one-block pattern), without the
    ranges.  None for anything else, which the general path reads: a range ``a-b``, a
    quad :func:`~netaudit.parsers.ip.ip_to_int` does not read as it is (leading zeros),
    a prefix length not written plainly (``/032``), the whole space (no constraint,
    still a field set), a negated block at either end of the space (its complement is
    one range).  Every new address of an export of distinct rules is read once;
    tests/parsers/mikrotik_routeros/test_plain_chains.py compares the two readings on
    random addresses."""
    neg = v[0] == "!"
    a, slash, ln = (v[1:] if neg else v).partition("/")
    x = read_quad(a)  # (not ip_to_int: st.match_cache keeps each value read once)
    if x is None:
        return None
    w = _HOST_BITS.get(ln) if slash else 0  # the block's host bits (the pattern's wildcard)
    if w is None:
        return None
    lo = x & ~w
    if neg and (lo == 0 or lo | w == ADDR_MAX):
        return None
    bit, name, negate = _ADDR_PARTS[i]
    return bit, name, (AddrMatch(lo, w),), negate, neg, None


# _plain_addr's host bits of a prefix length written plainly, "1" to "32" (any other —
# "0", the whole space; "032", "٣٢" — goes the general way), and its entry's parts for
# src and dst (the field's bit, its Match field and that field's negation): each a
# lookup instead of reading the length and building them for every distinct address.
_HOST_BITS = {str(n): (1 << (32 - n)) - 1 for n in range(1, 33)}
_ADDR_PARTS = {
    _SRC: (1 << _SRC, _MATCH_AT["src"], _MATCH_AT["src_negate"]),
    _DST: (1 << _DST, _MATCH_AT["dst"], _MATCH_AT["dst_negate"]),
}  # (_MATCH_NAMES')


def _plain_ports(i: int, v: str) -> PlainValue | None:
    """:func:`_plain_value` of a port value written as ports and ranges in increasing
    order, apart (``5708``, ``1006,8006-8106``), field ``i`` (sport or dport), read
    straight into its PortRanges: what :func:`ports_field` (``parse_ports``, which
    leaves such a list as it is) and :func:`_match_fields` make of it, without the
    ranges, ``_values`` and its memo.  None for anything else, which the general path
    reads: a negation, blanks, an empty item, a range backwards or past 65535, ranges out
    of order, overlapping or touching (``parse_ports`` merges them), the whole range (no
    constraint, still a field set).  A rule of an export of distinct rules reads its
    port list the first time; tests/parsers/mikrotik_routeros/test_plain_chains.py
    compares the two readings on random values."""
    if v.isdecimal():  # one port (most values)
        n = int(v)
        if n > 65535:
            return None
        name = _MATCH_AT[_MATCH_NAMES[i][0]]
        one = (PortRange(n, n),)
        return 1 << i, name, one, name, one, None
    out = []
    last = -2
    for part in v.split(","):
        lo, dash, hi = part.partition("-")
        if not lo.isdecimal() or (dash and not hi.isdecimal()):
            return None
        a = int(lo)
        b = int(hi) if dash else a
        if a <= last + 1 or b < a or b > 65535:
            return None
        last = b
        out.append(PortRange(a, b))
    if len(out) == 1 and out[0].lo == 0 and out[0].hi == 65535:
        return None
    name = _MATCH_AT[_MATCH_NAMES[i][0]]
    ports = tuple(out)
    return 1 << i, name, ports, name, ports, None


def _match_fields(i: int, rs) -> dict | None:
    """The Match fields the Cond field ``i`` holding ``rs`` sets, as :func:`fields_match`
    and :func:`~netaudit.parsers.packet_sets.field_match` set them: None for an empty
    range (no packet), none for a whole one (no constraint)."""
    if not rs:
        return None
    if i in (_INIF, _OUTIF):
        return {_MATCH_NAMES[i][0]: rs}
    if rs == _WHOLE.get(i, _FULL_PORTS):
        return {}
    if i == _SRC:
        pats, neg = _addr(rs)
        return {"src": pats, "src_negate": neg}
    if i == _DST:
        pats, neg = _addr(rs)
        return {"dst": pats, "dst_negate": neg}
    return {_MATCH_NAMES[i][0]: _values(rs, i != _PROTO)}


# ---------------------------------------------------------------- a plain NAT rule's reading
#
# A NAT rule needs its packets twice: as the NatRule's Match (without the interfaces,
# which the NatRule keeps apart) and as its condition's ranges (the DNAT image and bound,
# nat.finish_nat).  nat_reading reads a plain rule (as rule_match has it) into both at
# once, each (property, raw value) once per export (st.nat_cache); anything else is
# NOT_PLAIN and goes through rule_fields.  tests/parsers/mikrotik_routeros/test_nat.py
# compares the two on random NAT tables.

NatValue = tuple[int, int, object, dict | None, tuple[str, str, bool] | None]
# st.nat_cache's entry for a value with no effect on the packets: no field
_NAT_NOTHING: NatValue = (0, 0, None, {}, None)


def nat_reading(st: State, rule: FwRule) -> tuple[Match, list] | Plain | None:
    """(the Match of a plain NAT rule's packets without their interfaces, the fields of
    its condition as :func:`~netaudit.parsers.packet_sets.cond_at` leaves them: a whole
    range None) — what :func:`rule_fields`, ``cond_at`` and ``field_match`` make of it;
    None when it matches no packet; :data:`NOT_PLAIN` when :func:`rule_fields` must read
    it (as :func:`rule_match` decides, nothing recorded then).  Records the rule's
    references as :func:`rule_fields` does."""
    if rule.partial:
        return NOT_PLAIN
    cache = st.nat_cache
    seen = 0
    fields: list = [None] * len(FIELD_INDEX)
    state = EVERY_MATCH_STATE.copy()
    refs: list[tuple[str, str, Src, bool]] | None = None
    no_packet = False
    for key, raw in rule.props.items():
        by_value = cache.get(key)
        if by_value is None:
            by_value = cache[key] = {}
        got = by_value.get(raw)
        if got is None:
            read = _nat_value(st, key, raw)
            if read is NOT_PLAIN:
                return NOT_PLAIN
            got = by_value[raw] = read
        bit, i, rs, fs, ref = got
        if ref is not None:
            if refs is None:
                refs = [(ref[0], ref[1], rule.src, ref[2])]
            else:
                refs.append((ref[0], ref[1], rule.src, ref[2]))
        if bit:
            if seen & bit:
                return NOT_PLAIN  # two properties narrow one field (r_and in rule_fields)
            seen |= bit
            fields[i] = rs
            if fs is None:
                no_packet = True
            elif i < _INIF:  # (the interfaces: the NatRule's own fields, not its Match's)
                state.update(fs)
    if refs is not None:
        st.refs.extend(refs)
    if no_packet:
        return None
    return from_values(Match, state.values()), fields


def _nat_value(st: State, key: str, raw: str) -> NatValue | Plain:
    """What one property of a plain NAT rule does (:func:`nat_reading`, which keeps it by
    property and raw value): (the bit of the Cond field it sets, 0 for none; that field's
    index; its value there, None for the whole range; the Match fields it sets, None for
    no packet; the reference a rule naming it records) — or :data:`NOT_PLAIN`, as
    :func:`_plain_value` decides."""
    kind = _KIND.get(key, _UNKNOWN)
    if kind == _META:
        return _NAT_NOTHING  # (to-addresses, to-ports: the rewrite, read by nat.py)
    v = raw if '"' not in raw and "\\" not in raw else unquote(raw)  # (unquote's own test)
    if v == "":
        return _NAT_NOTHING
    ref = None
    if kind > _PROTO and kind < 5 and v.isdecimal() and int(v) <= 65535:
        # one port (a port forward's, each its own): its range and PortRange directly, as
        # _plain_ports reads it
        n = int(v)
        return 1 << kind, kind, ((n, n),), {_MATCH_NAMES[kind][0]: (PortRange(n, n),)}, None
    if kind < 5:
        rs, why = value_ranges(st, key, v)  # (rule_fields' own cache)
        if why or rs is None:
            return NOT_PLAIN
        i = kind
    else:
        named = _plain_named(st, kind, key, v)
        if named is NOT_PLAIN:
            return NOT_PLAIN
        i, rs, ref = named
        if rs is None:  # any interface: no field set
            return 0, 0, None, {}, ref
    fs = _match_fields(i, rs)
    if fs == {}:  # the whole range: no constraint (cond_at's None), still a field set
        rs = None
    return 1 << i, i, rs, fs, ref
