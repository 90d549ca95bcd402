"""Cisco ASA objects, object-groups and ``access-list … extended`` entries → matches.

Pure functions and small data holders; no parser state.  The ASA differs from IOS
in ways that matter here:

* addresses use subnet **masks** (``10.1.1.0 255.255.255.0``), never wildcards;
* ``any`` = any4 + any6, ``any4``, ``any6`` (no IPv4 packet), ``host A``,
  ``interface IFNAME`` (the interface's own address), ``object NAME`` (a network
  object), ``object-group NAME``, and names defined with ``name A NAME``;
* the protocol position may hold ``object-group`` (a protocol group or a service
  group with ``service-object`` items) or ``object`` (a service object);
* a port position may hold ``object-group NAME`` naming a service group declared
  with a protocol (``object-group service WEB tcp`` + ``port-object eq 80``);
* an ICMP type position may hold ``object-group NAME`` (an icmp-type group);
* options: ``log [level] [interval N] | log disable | log default``,
  ``time-range NAME`` (partial: the line applies only at some times), ``inactive``
  (the line is skipped by the device), identity-firewall qualifiers ``user``,
  ``user-group``, ``object-group-user``, ``security-group`` (partial: the line
  applies to a subset of the stated addresses).

Objects are resolved only once the whole file has been read (:class:`Objects`), so
entries are parsed at the end; parsing is memoised per token tuple because big
configs repeat the same bodies.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import wraps
from typing import NamedTuple

from netaddr import IPRange

from netaudit.model import Action, AddrMatch, Match, PortRange, Src
from netaudit.parsers.cisco_common import (
    ICMP_TYPES, PROTOCOLS, Svc, complement_ports, int_to_ip, ip_to_int, mask_to_len,
    merge_ranges, port_number,
)

ANY_WILDCARD = 0xFFFFFFFF

# Named ports the ASA accepts that the shared IOS tables do not define for that
# protocol (ASA "TCP and UDP Ports" table).  Every other ASA name coincides with
# cisco_common's tables.
ASA_UDP_PORTS: dict[str, int] = {"www": 80, "http": 80, "vxlan": 4789}
ASA_TCP_PORTS: dict[str, int] = {}

# IP protocol names the ASA accepts on top of cisco_common.PROTOCOLS.
ASA_PROTOCOLS: dict[str, int | None] = {"icmp6": 58, "ipv6": 41, "ipv4": None}

PORT_PROTOCOLS = frozenset({6, 17, 132})
_LOG_LEVELS = frozenset({"emergencies", "alerts", "critical", "errors", "warnings",
                         "notifications", "informational", "debugging"})


class AclError(ValueError):
    """An entry or object item whose syntax is not understood."""


# --------------------------------------------------------------------------- names


def asa_port(token: str, proto: int | None) -> int | None:
    """A port keyword or number for ``proto`` (6, 17, or None = tcp-udp)."""
    tok = token.lower()
    if proto == 17 and tok in ASA_UDP_PORTS:
        return ASA_UDP_PORTS[tok]
    if proto == 6 and tok in ASA_TCP_PORTS:
        return ASA_TCP_PORTS[tok]
    value = port_number(tok, proto)
    if value is None and proto is None:
        t = ASA_TCP_PORTS.get(tok, port_number(tok, 6))
        u = ASA_UDP_PORTS.get(tok, port_number(tok, 17))
        if t is not None and u is not None and t != u:
            return None
        value = t if t is not None else u
    return value


def asa_protocol(token: str) -> tuple[bool, int | None]:
    """``(known, number)``; number ``None`` means every protocol (``ip``)."""
    tok = token.lower()
    if tok in ASA_PROTOCOLS:
        return True, ASA_PROTOCOLS[tok]
    if tok in PROTOCOLS:
        return True, PROTOCOLS[tok]
    if tok.isdigit() and int(tok) <= 255:
        return True, int(tok)
    return False, None


PORT_OPERATORS = frozenset({"eq", "neq", "lt", "gt", "range"})


def parse_port_op(tokens, i: int, proto: int | None) -> tuple[tuple[PortRange, ...], int] | None:
    """``eq P`` / ``neq P`` / ``lt P`` / ``gt P`` / ``range A B`` at ``tokens[i]``.

    ``None`` when ``tokens[i]`` is not an operator; :class:`AclError` when it is one
    with bad operands.  (The ASA takes exactly one port after eq/neq/lt/gt.)
    """
    if i >= len(tokens):
        return None
    op = tokens[i].lower()
    if op not in PORT_OPERATORS:
        return None
    if op == "range":
        if i + 2 >= len(tokens):
            raise AclError("range needs two ports")
        lo, hi = asa_port(tokens[i + 1], proto), asa_port(tokens[i + 2], proto)
        if lo is None or hi is None or lo > hi:
            raise AclError(f"bad port range {tokens[i + 1]} {tokens[i + 2]}")
        return (PortRange(lo, hi),), i + 3
    if i + 1 >= len(tokens):
        raise AclError(f"'{op}' without a port")
    p = asa_port(tokens[i + 1], proto)
    if p is None:
        raise AclError(f"unknown port {tokens[i + 1]!r}")
    if op == "eq":
        return (PortRange(p, p),), i + 2
    if op == "neq":
        return complement_ports([p]), i + 2
    if op == "lt":
        return ((PortRange(0, p - 1),) if p > 0 else ()), i + 2
    return ((PortRange(p + 1, 65535),) if p < 65535 else ()), i + 2


def icmp_type_of(tokens, i: int) -> tuple[int, int | None, int] | None:
    """ICMP ``type [code]`` (name or number) at ``tokens[i]`` → (type, code, next)."""
    if i >= len(tokens):
        return None
    tok = tokens[i].lower()
    if tok.isdigit() and int(tok) <= 255:
        code = None
        j = i + 1
        if j < len(tokens) and tokens[j].isdigit() and int(tokens[j]) <= 255:
            code, j = int(tokens[j]), j + 1
        return int(tok), code, j
    if tok in ICMP_TYPES:
        t, c = ICMP_TYPES[tok]
        return t, c, i + 1
    return None


def prefix_match(ip: int, mask: int) -> AddrMatch:
    if mask_to_len(mask) is None:
        raise AclError(f"non-contiguous mask {int_to_ip(mask)}")
    return AddrMatch(ip & mask, ~mask & ANY_WILDCARD)


def range_matches(lo: int, hi: int) -> tuple[AddrMatch, ...]:
    if lo > hi:
        raise AclError("bad address range")
    return tuple(AddrMatch(int(c.network), int(c.hostmask))
                 for c in IPRange(int_to_ip(lo), int_to_ip(hi)).cidrs())


def is_v6(token: str) -> bool:
    return ":" in token


# --------------------------------------------------------------------------- objects


@dataclass(eq=False)
class NetObject:
    """``object network NAME`` (its address part; NAT lines are kept by the parser)."""

    name: str
    src: Src
    addrs: tuple[AddrMatch, ...] | None = ()       # None = any (fqdn: unknown)
    kind: str = ""                                  # host | subnet | range | fqdn
    size: int = 0                                   # number of addresses (NAT ordering)
    first: int = 0
    partial: str | None = None
    defined: bool = False                           # has an address statement


@dataclass(eq=False)
class SvcObject:
    """``object service NAME``."""

    name: str
    src: Src
    svcs: tuple[Svc, ...] = ()
    partial: str | None = None


@dataclass(eq=False)
class Group:
    """``object-group {network|service|protocol|icmp-type} NAME [tcp|udp|tcp-udp]``."""

    kind: str
    name: str
    src: Src
    proto: str | None = None                # service groups: header protocol
    items: list = field(default_factory=list)
    partial: str | None = None


class Ref(NamedTuple):
    """A reference inside a group or entry: ``(kind, name)``; kind ∈ object, group."""

    kind: str
    name: str


def parse_net_object_item(tokens: list[str], names: dict[str, int]) -> tuple[str, tuple, int, int] | None:
    """``host A`` / ``subnet A M`` / ``range A B`` / ``fqdn [v4|v6] NAME`` in an
    ``object network`` → (kind, addrs | None, size, first).  IPv6 → empty set."""
    kw = tokens[0].lower()
    n = len(tokens)
    if kw == "host" and n == 2:
        if is_v6(tokens[1]):
            return "host", (), 0, 0
        ip = resolve_ip(tokens[1], names)
        if ip is None:
            raise AclError("bad host")
        return "host", (AddrMatch(ip, 0),), 1, ip
    if kw == "subnet" and n in (2, 3):
        if is_v6(tokens[1]):
            return "subnet", (), 0, 0
        ip, mask = resolve_ip(tokens[1], names), ip_to_int(tokens[2]) if n == 3 else None
        if ip is None or mask is None:
            raise AclError("bad subnet")
        m = prefix_match(ip, mask)
        return "subnet", (m,), m.wildcard + 1, m.value
    if kw == "range" and n == 3:
        if is_v6(tokens[1]):
            return "range", (), 0, 0
        lo, hi = resolve_ip(tokens[1], names), resolve_ip(tokens[2], names)
        if lo is None or hi is None:
            raise AclError("bad range")
        return "range", range_matches(lo, hi), hi - lo + 1, lo
    if kw == "fqdn" and n >= 2:
        return "fqdn", None, 1, 0
    raise AclError("unknown network object item")


def resolve_ip(token: str, names: dict[str, int]) -> int | None:
    ip = ip_to_int(token)
    if ip is None:
        ip = names.get(token)
    return ip


def parse_network_item(tokens: list[str], names: dict[str, int]):
    """One ``object-group network`` line → tuple of AddrMatch, a :class:`Ref`, or None
    (description).  IPv6 items yield an empty tuple (they match no IPv4 packet)."""
    kw = tokens[0].lower()
    n = len(tokens)
    if kw == "description":
        return None
    if kw == "group-object" and n == 2:
        return Ref("group", tokens[1])
    if kw != "network-object" or n < 2:
        raise AclError("unknown network object-group item")
    a = tokens[1]
    al = a.lower()
    if al == "object" and n == 3:
        return Ref("object", tokens[2])
    if al == "host" and n == 3:
        if is_v6(tokens[2]):
            return ()
        ip = resolve_ip(tokens[2], names)
        if ip is None:
            raise AclError("bad host")
        return (AddrMatch(ip, 0),)
    if n == 2 and is_v6(a):
        return ()
    if n == 3:
        ip, mask = resolve_ip(a, names), ip_to_int(tokens[2])
        if ip is None or mask is None:
            raise AclError("bad network-object")
        return (prefix_match(ip, mask),)
    raise AclError("unknown network-object form")


def parse_service_spec(tokens, i: int) -> tuple[Svc, int]:
    """``PROTO [source OP P] [destination OP P] | icmp [type [code]]`` at tokens[i]
    (``service`` in an object, ``service-object`` in a group).  Without the
    ``source``/``destination`` keywords an operator means the destination port
    (``service-object tcp eq 80``)."""
    if i >= len(tokens):
        raise AclError("missing protocol")
    kw = tokens[i].lower()
    if kw == "tcp-udp":
        protos: tuple[int, ...] | None = (6, 17)
        pnum: int | None = None
        ported = True
    else:
        known, pnum = asa_protocol(kw)
        if not known:
            raise AclError(f"unknown protocol {tokens[i]!r}")
        protos = None if pnum is None else (pnum,)
        ported = pnum in PORT_PROTOCOLS
    i += 1
    sports = dports = None
    icmp_type = icmp_code = None
    n = len(tokens)
    if ported:
        while i < n:
            w = tokens[i].lower()
            if w in ("source", "destination"):
                r = parse_port_op(tokens, i + 1, pnum)
                if r is None:
                    raise AclError(f"{w} without a port operator")
                if w == "source":
                    sports, i = r
                else:
                    dports, i = r
                continue
            r = parse_port_op(tokens, i, pnum)
            if r is None:
                break
            dports, i = r
    elif pnum in (1, 58) and i < n:
        got = icmp_type_of(tokens, i)
        if got is not None:
            icmp_type, icmp_code, i = got
    return Svc(protos, sports, dports, icmp_type, icmp_code), i


def parse_service_item(tokens: list[str], header: str | None):
    """One ``object-group service`` line → tuple of Svc, a :class:`Ref`, a port tuple
    (``("ports", ranges)`` for ``port-object``), or None (description)."""
    kw = tokens[0].lower()
    n = len(tokens)
    if kw == "description":
        return None
    if kw == "group-object" and n == 2:
        return Ref("group", tokens[1])
    if kw == "port-object":
        proto = {"tcp": 6, "udp": 17}.get(header or "")
        r = parse_port_op(tokens, 1, proto)
        if r is None or r[1] != n:
            raise AclError("bad port-object")
        return ("ports", r[0])
    if kw == "service-object" and n >= 2:
        if tokens[1].lower() == "object" and n == 3:
            return Ref("object", tokens[2])
        svc, i = parse_service_spec(tokens, 1)
        if i != n:
            raise AclError(f"unexpected {tokens[i]!r}")
        return (svc,)
    raise AclError("unknown service object-group item")


def parse_protocol_item(tokens: list[str]):
    kw = tokens[0].lower()
    if kw == "description":
        return None
    if kw == "group-object" and len(tokens) == 2:
        return Ref("group", tokens[1])
    if kw == "protocol-object" and len(tokens) == 2:
        known, p = asa_protocol(tokens[1])
        if not known:
            raise AclError(f"unknown protocol {tokens[1]!r}")
        return ("proto", p)
    raise AclError("unknown protocol object-group item")


def parse_icmp_item(tokens: list[str]):
    kw = tokens[0].lower()
    if kw == "description":
        return None
    if kw == "group-object" and len(tokens) == 2:
        return Ref("group", tokens[1])
    if kw == "icmp-object" and len(tokens) in (2, 3):
        got = icmp_type_of(tokens, 1)
        if got is None or got[2] != len(tokens):
            raise AclError("bad icmp-object")
        return ("icmp", (got[0], got[1]))
    raise AclError("unknown icmp-type object-group item")


# --------------------------------------------------------------------------- resolution


def _memoized(key_of):
    """Memoise an :class:`Objects` resolver in ``self._memo`` under ``key_of(arg)``
    (one result per object/group, whatever the recursion guard ``_active``)."""
    def wrap(resolve):
        @wraps(resolve)
        def memo(self, arg, _active=frozenset()):
            key = key_of(arg)
            got = self._memo.get(key)
            if got is None:
                got = self._memo[key] = resolve(self, arg, _active)
            return got
        return memo
    return wrap


class Objects:
    """All objects and groups of one file, resolved on demand (with cycle guard).

    Resolution results carry the names that were undefined and whether anything
    partial was involved; callers turn those into references and partial lines.
    """

    def __init__(self, nets: dict[str, NetObject], svcs: dict[str, SvcObject],
                 groups: dict[str, Group], names: dict[str, int],
                 iface_addr: dict[str, int | None]):
        self.nets, self.svcs, self.groups = nets, svcs, groups
        self.names = names
        self.iface_addr = iface_addr          # nameif -> address (None if unknown)
        self.nameif_real: dict[str, str] = {}  # nameif -> interface name (FTD ``ifc``)
        self._memo: dict[tuple, object] = {}
        self._warm()

    def _warm(self) -> None:
        """Resolve every group once, nested groups before the groups that contain them
        (an iterative post-order walk), so the recursive resolvers below always find
        their members memoised: a chain of thousands of ``group-object`` levels cannot
        exhaust Python's recursion limit.  A group is resolved with the members that
        close a cycle back to it as ``_active``, as the recursive walk from the outer
        group would; results are the ones on-demand resolution gives."""
        groups = self.groups
        resolvers = {
            "network": lambda n, act: self.network(Ref("group", n), act),
            "service": lambda n, act: (self.services(Ref("group", n), act), self.ports(n, act)),
            "protocol": lambda n, act: self.protocols(n, act),
            "icmp-type": lambda n, act: self.icmp_types(n, act),
        }

        def members(name: str) -> list[str]:
            return [i.name for i in groups[name].items
                    if isinstance(i, Ref) and i.kind == "group" and i.name in groups]

        state: dict[str, int] = {}          # 1: on the walk's stack, 2: resolved
        for root in groups:
            if root in state:
                continue
            state[root] = 1
            stack = [(root, iter(members(root)))]
            while stack:
                name, todo = stack[-1]
                nxt = next((m for m in todo if m not in state), None)
                if nxt is not None:
                    state[nxt] = 1
                    stack.append((nxt, iter(members(nxt))))
                    continue
                stack.pop()
                state[name] = 2
                resolve = resolvers.get(groups[name].kind)
                if resolve is not None:
                    back = frozenset(m for m in members(name) if state.get(m) == 1 and m != name)
                    resolve(name, back)

    # each resolver returns (value, missing: tuple[Ref], partial: tuple[str])

    @_memoized(lambda ref: ("net",) + ref)
    def network(self, ref: Ref, _active=frozenset()):
        if ref.kind == "object":
            obj = self.nets.get(ref.name)
            if obj is None or not obj.defined:
                got = (None, (ref,), ())
            else:
                got = (obj.addrs, (), (obj.partial,) if obj.partial else ())
        else:
            g = self.groups.get(ref.name)
            if g is None or g.kind != "network":
                got = (None, (ref,), ())
            elif ref.name in _active:
                got = ((), (), ())
            else:
                out: list[AddrMatch] = []
                is_any = False
                missing: list[Ref] = []
                partial: list[str] = [g.partial] if g.partial else []
                for item in g.items:
                    if isinstance(item, Ref):
                        v, m, p = self.network(item, _active | {ref.name})
                        if m:
                            # an undefined member: skipped (a subset), reported
                            missing.extend(m)
                            continue
                        partial.extend(p)
                        if v is None:
                            is_any = True
                        else:
                            out.extend(v)
                    else:
                        for a in item:
                            if a.wildcard == ANY_WILDCARD:
                                is_any = True
                            out.append(a)
                got = (None if is_any else tuple(dict.fromkeys(out)), tuple(missing), tuple(partial))
        return got

    @_memoized(lambda ref: ("svc",) + ref)
    def services(self, ref: Ref, _active=frozenset()):
        """Service alternatives of a service object or a service group without a
        protocol header; a group with a header yields its ports as tcp/udp svcs."""
        if ref.kind == "object":
            obj = self.svcs.get(ref.name)
            got = (None, (ref,), ()) if obj is None else (obj.svcs, (), (obj.partial,) if obj.partial else ())
        else:
            g = self.groups.get(ref.name)
            if g is None or g.kind != "service":
                got = (None, (ref,), ())
            elif ref.name in _active:
                got = ((), (), ())
            else:
                out: list[Svc] = []
                missing: list[Ref] = []
                partial: list[str] = [g.partial] if g.partial else []
                protos = _header_protos(g.proto)
                for item in g.items:
                    if isinstance(item, Ref):
                        v, m, p = self.services(item, _active | {ref.name})
                        missing.extend(m)
                        partial.extend(p)
                        out.extend(v or ())
                    elif isinstance(item, tuple) and item and item[0] == "ports":
                        out.append(Svc(protos, None, item[1]))
                    else:
                        out.extend(item)
                got = (tuple(dict.fromkeys(out)), tuple(missing), tuple(partial))
        return got

    @_memoized(lambda name: ("ports", name))
    def ports(self, name: str, _active=frozenset()):
        """Port ranges of a service group used in a port position."""
        g = self.groups.get(name)
        if g is None or g.kind != "service":
            got = (None, (Ref("group", name),), ())
        elif name in _active:
            got = ((), (), ())
        else:
            out: list[PortRange] = []
            missing: list[Ref] = []
            partial: list[str] = [g.partial] if g.partial else []
            for item in g.items:
                if isinstance(item, Ref):
                    v, m, p = self.ports(item.name, _active | {name})
                    missing.extend(m)
                    partial.extend(p)
                    out.extend(v or ())
                elif isinstance(item, tuple) and item and item[0] == "ports":
                    out.extend(item[1])
                else:
                    for s in item:
                        if s.dst_ports is not None:
                            out.extend(s.dst_ports)
                        partial.append(f"service-object in port group {name} approximated by its ports")
            got = (merge_ranges(out) if out else (), tuple(missing), tuple(partial))
        return got

    @_memoized(lambda name: ("proto", name))
    def protocols(self, name: str, _active=frozenset()):
        g = self.groups.get(name)
        if g is None or g.kind != "protocol" or name in _active:
            got = ((), (Ref("group", name),) if g is None else (), ())
        else:
            out: list[int] = []
            is_any = False
            missing: list[Ref] = []
            partial: list[str] = [g.partial] if g.partial else []
            for item in g.items:
                if isinstance(item, Ref):
                    v, m, p = self.protocols(item.name, _active | {name})
                    missing.extend(m)
                    partial.extend(p)
                    if v is None:
                        is_any = True
                    else:
                        out.extend(v)
                elif item[1] is None:
                    is_any = True
                else:
                    out.append(item[1])
            got = (None if is_any else tuple(sorted(set(out))), tuple(missing), tuple(partial))
        return got

    @_memoized(lambda name: ("icmp", name))
    def icmp_types(self, name: str, _active=frozenset()):
        g = self.groups.get(name)
        if g is None or g.kind != "icmp-type" or name in _active:
            got = ((), (Ref("group", name),) if g is None else (), ())
        else:
            out: list[tuple[int, int | None]] = []
            missing: list[Ref] = []
            partial: list[str] = [g.partial] if g.partial else []
            for item in g.items:
                if isinstance(item, Ref):
                    v, m, p = self.icmp_types(item.name, _active | {name})
                    missing.extend(m)
                    partial.extend(p)
                    out.extend(v)
                else:
                    out.append(item[1])
            got = (tuple(dict.fromkeys(out)), tuple(missing), tuple(partial))
        return got

    def group_kind(self, name: str) -> str | None:
        g = self.groups.get(name)
        if g is None:
            return None
        if g.kind == "service" and (g.proto or any(
                isinstance(i, tuple) and i and i[0] == "ports" for i in g.items)):
            return "port"
        return g.kind


def _header_protos(header: str | None) -> tuple[int, ...] | None:
    return {"tcp": (6,), "udp": (17,), "tcp-udp": (6, 17)}.get(header or "", (6, 17))


# --------------------------------------------------------------------------- entries


class Entry(NamedTuple):
    """One parsed ``access-list NAME extended`` entry."""

    action: Action
    matches: tuple[Match, ...]
    partial: str | None           # something in the line not modelled (superset match)
    missing: tuple[Ref, ...]      # undefined objects/groups (treated as any: superset)
    inactive: bool


_IDENTITY = {"user": 1, "user-group": 1, "object-group-user": 1, "object-group-security": 1}


def _addr(tokens, i: int, objs: Objects, missing: list, partial: list, ifc: list | None = None):
    """An address at tokens[i] → (tuple of AddrMatch | None for any, next index).

    Qualifiers before the address: identity-firewall ones (partial) and FTD's
    ``ifc NAMEIF`` (the interface the packet enters, for a source, or leaves, for a
    destination), appended to ``ifc`` as a real interface name."""
    n = len(tokens)
    while i < n:
        w = tokens[i].lower()
        if w in _IDENTITY or w == "security-group":
            partial.append(f"identity qualifier '{w}' not modelled")
            i += 3 if w == "security-group" else 1 + _IDENTITY[w]
        elif w == "ifc" and i + 1 < n and ifc is not None:
            real = objs.nameif_real.get(tokens[i + 1])
            if real is None:
                missing.append(Ref("interface", tokens[i + 1]))
            else:
                ifc.append(real)
            i += 2
        else:
            break
    if i >= n:
        raise AclError("missing address")
    tok = tokens[i]
    low = tok.lower()
    if low in ("any", "any4"):
        return None, i + 1
    if low == "any6":
        return (), i + 1
    if low == "host":
        if i + 1 >= n:
            raise AclError("host without an address")
        if is_v6(tokens[i + 1]):
            return (), i + 2
        ip = resolve_ip(tokens[i + 1], objs.names)
        if ip is None:
            raise AclError(f"bad host {tokens[i + 1]!r}")
        return (AddrMatch(ip, 0),), i + 2
    if low == "interface":
        if i + 1 >= n:
            raise AclError("interface without a name")
        nameif = tokens[i + 1]
        if nameif not in objs.iface_addr:
            missing.append(Ref("interface", nameif))
            return None, i + 2
        ip = objs.iface_addr[nameif]
        if ip is None:
            partial.append(f"address of interface {nameif} unknown")
            return None, i + 2
        return (AddrMatch(ip, 0),), i + 2
    if low in ("object", "object-group"):
        if i + 1 >= n:
            raise AclError(f"{low} without a name")
        v, m, p = objs.network(Ref("object" if low == "object" else "group", tokens[i + 1]))
        missing.extend(m)
        partial.extend(x for x in p if x)
        return (None if m else v), i + 2
    if is_v6(tok):
        return (), i + 1
    ip = resolve_ip(tok, objs.names)
    if ip is None:
        raise AclError(f"bad address {tok!r}")
    mask = ip_to_int(tokens[i + 1]) if i + 1 < n else None
    if mask is None:
        raise AclError(f"address {tok} without a mask")
    if mask == 0:
        return None, i + 2
    return (prefix_match(ip, mask),), i + 2


def _ports_at(tokens, i: int, proto: int | None, objs: Objects, missing: list, partial: list):
    """A port spec (operator or port object-group) at tokens[i], or (None, i)."""
    if i < len(tokens) and tokens[i].lower() == "object-group" and i + 1 < len(tokens) \
            and objs.group_kind(tokens[i + 1]) == "port":
        v, m, p = objs.ports(tokens[i + 1])
        missing.extend(m)
        partial.extend(x for x in p if x)
        return v, i + 2
    r = parse_port_op(tokens, i, proto)
    if r is None:
        return None, i
    return r


def parse_entry(tokens: tuple[str, ...], objs: Objects) -> Entry:
    """Parse an extended entry from its ``permit``/``deny`` token on."""
    if not tokens:
        raise AclError("empty entry")
    act = tokens[0].lower()
    if act not in ("permit", "deny", "trust"):
        raise AclError(f"unknown action {tokens[0]!r}")
    # FTD prefilter "trust" forwards without inspection: a permit for reachability
    action = Action.DENY if act == "deny" else Action.PERMIT
    n = len(tokens)
    missing: list[Ref] = []
    partial: list[str] = []
    if n < 2:
        raise AclError("missing protocol")
    i = 1
    kw = tokens[1].lower()
    proto: int | None = None
    ported = False
    svcs: tuple[Svc, ...]
    if kw in ("object-group", "object") and n > 2:
        name = tokens[2]
        i = 3
        if kw == "object":
            v, m, p = objs.services(Ref("object", name))
        elif objs.group_kind(name) == "protocol":
            protos, m, p = objs.protocols(name)
            v = (Svc(protos),)
            ported = protos is not None and bool(protos) and set(protos) <= PORT_PROTOCOLS
            if ported and len(protos) == 1:
                proto = protos[0]
        else:
            v, m, p = objs.services(Ref("group", name))
        missing.extend(m)
        partial.extend(x for x in p if x)
        svcs = (Svc(),) if m else tuple(v or ())
    else:
        known, proto = asa_protocol(kw)
        if not known:
            raise AclError(f"unknown protocol {tokens[1]!r}")
        i = 2
        svcs = (Svc(None if proto is None else (proto,)),)
        ported = proto in PORT_PROTOCOLS
    in_ifc: list[str] = []
    out_ifc: list[str] = []
    src, i = _addr(tokens, i, objs, missing, partial, in_ifc)
    sports = dports = None
    if ported:
        sports, i = _ports_at(tokens, i, proto, objs, missing, partial)
    dst, i = _addr(tokens, i, objs, missing, partial, out_ifc)
    icmp: tuple[tuple[int, int | None], ...] | None = None
    if ported:
        dports, i = _ports_at(tokens, i, proto, objs, missing, partial)
    elif svcs and all(s.protocols in ((1,), (58,)) for s in svcs) and i < n:
        if tokens[i].lower() == "object-group" and i + 1 < n \
                and objs.group_kind(tokens[i + 1]) == "icmp-type":
            v, m, p = objs.icmp_types(tokens[i + 1])
            missing.extend(m)
            partial.extend(x for x in p if x)
            icmp = v
            i += 2
        else:
            got = icmp_type_of(tokens, i)
            if got is not None:
                icmp = ((got[0], got[1]),)
                i = got[2]
    inactive = False
    while i < n:
        w = tokens[i].lower()
        if w == "log":
            i += 1
            if i < n and tokens[i].lower() in ("disable", "default"):
                i += 1
                continue
            if i < n and (tokens[i].isdigit() or tokens[i].lower() in _LOG_LEVELS):
                i += 1
            if i + 1 < n and tokens[i].lower() == "interval":
                i += 2
        elif w == "time-range" and i + 1 < n:
            partial.append(f"time-range {tokens[i + 1]} not modelled")
            i += 2
        elif w == "inactive":
            inactive = True
            i += 1
        elif w == "rule-id" and i + 1 < n:          # FTD rule id
            i += 2
        elif w == "event-log" and i + 1 < n:        # FTD: both | flow-start | flow-end
            i += 2
        else:
            raise AclError(f"unexpected {tokens[i]!r}")
    matches: list[Match] = []
    in_ifaces = frozenset(in_ifc) if in_ifc else None
    out_ifaces = frozenset(out_ifc) if out_ifc else None
    if src != () and dst != ():
        for s in svcs:
            sp = sports if sports is not None else s.src_ports
            dp = dports if dports is not None else s.dst_ports
            if sp == () or dp == ():
                continue
            if icmp is not None:
                for t, c in icmp:
                    matches.append(Match(src=src, dst=dst, protocols=s.protocols, icmp_type=t,
                                         icmp_code=c, in_ifaces=in_ifaces, out_ifaces=out_ifaces))
            else:
                matches.append(Match(src=src, dst=dst, protocols=s.protocols, src_ports=sp,
                                     dst_ports=dp, icmp_type=s.icmp_type, icmp_code=s.icmp_code,
                                     in_ifaces=in_ifaces, out_ifaces=out_ifaces))
    reason = "; ".join(dict.fromkeys(partial)) or None
    if missing:
        why = "; ".join(f"{r.kind} {r.name} undefined" for r in dict.fromkeys(missing))
        reason = f"{reason}; {why}" if reason else why
    return Entry(action, tuple(dict.fromkeys(matches)), reason, tuple(dict.fromkeys(missing)), inactive)


def is_unconditional(m: Match) -> bool:
    """A match every packet satisfies (``permit ip any any``)."""
    return m == Match()
