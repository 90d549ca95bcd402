"""Cisco ASA names, objects and object-groups (and the value syntax they share with
ACL entries and NAT: ports, protocols, ICMP types, masks) → address and service sets.

Pure functions and small data holders; no parser state.  The ASA differs from IOS
in ways that matter here: addresses use subnet **masks** (``10.1.1.0
255.255.255.0``), never wildcards; ``eq``/``neq``/``lt``/``gt`` take exactly one port;
some port and protocol names are the ASA's own.

Objects are resolved only once the whole file has been read (:class:`Objects`, with a
cycle guard); ACL entries are parsed against them at the end (:mod:`.acl_entries`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache, wraps
from typing import NamedTuple, TypeAlias

from netaddr import IPRange

from netaudit.messages import Text
from netaudit.model import AddrMatch, PortRange, Src
from netaudit.parsers.cisco_common import ICMP_TYPES, PROTOCOLS, Svc, complement_ports, merge_ranges, port_number
from netaudit.parsers.ip import int_to_ip, ip_to_int, mask_to_len

ANY_WILDCARD = 0xFFFFFFFF

# Named ports the ASA accepts that the shared IOS tables do not define for that
# protocol (ASA "TCP and UDP Ports" table).  Every other ASA name coincides with
# cisco_common's tables.
ASA_UDP_PORTS: dict[str, int] = {"www": 80, "http": 80, "vxlan": 4789}
ASA_TCP_PORTS: dict[str, int] = {}

# IP protocol names the ASA accepts on top of cisco_common.PROTOCOLS.
ASA_PROTOCOLS: dict[str, int | None] = {"icmp6": 58, "ipv6": 41, "ipv4": None}

PORT_PROTOCOLS = frozenset({6, 17, 132})


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
    if tok.isdecimal() and int(tok) <= 255:
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
    if tok.isdecimal() and int(tok) <= 255:
        code = None
        j = i + 1
        if j < len(tokens) and tokens[j].isdecimal() and int(tokens[j]) <= 255:
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
    return tuple(AddrMatch(int(c.network), int(c.hostmask)) for c in IPRange(int_to_ip(lo), int_to_ip(hi)).cidrs())


def is_v6(token: str) -> bool:
    return ":" in token


# --------------------------------------------------------------------------- objects


@dataclass(eq=False)
class NetObject:
    """``object network NAME`` (its address part; NAT lines are kept by the parser)."""

    name: str
    src: Src
    addrs: tuple[AddrMatch, ...] | None = ()  # None = any (fqdn: unknown)
    partial: str | None = None
    defined: bool = False  # has an address statement


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
    proto: str | None = None  # service groups: header protocol
    items: list = field(default_factory=list)
    partial: str | None = None
    # An item was not understood: whatever it names may be a member, so the group
    # resolves to everything of its kind (a superset, as an undefined reference is) and
    # the lines naming it are partial — never a narrower match that proves "blocked".
    unread: bool = False


def unread(target: NetObject | SvcObject | Group) -> None:
    """An object or group one of whose lines was not understood: what that line names
    may belong to it, so it is taken to hold everything of its kind (the lines naming it
    are partial through its ``partial`` reason).  A narrower reading could prove a flow
    blocked that the unread line lets through."""
    if isinstance(target, Group):
        target.unread = True
    elif isinstance(target, NetObject):
        target.addrs, target.defined = None, True
    else:
        target.svcs = (Svc(),)


class Ref(NamedTuple):
    """A reference inside a group or entry: ``(kind, name)``; kind ∈ object, group,
    interface (a nameif)."""

    kind: str
    name: str


_UNDEFINED = {
    "object": "input.asa.object_undefined",
    "group": "input.asa.group_undefined",
    "interface": "input.asa.interface_undefined",
}


@lru_cache(maxsize=1024)
def undefined(ref: Ref) -> Text:
    """Why a line naming ``ref``, which the configuration does not define, is partial
    ("object X undefined", "group X undefined", "interface X undefined"); one Text per
    name: lines repeat them."""
    return Text(_UNDEFINED[ref.kind], name=ref.name)


def iface_address_unknown(name: str) -> Text:
    """Why a line naming the address of interface ``name`` (not known) is partial."""
    return Text("input.asa.iface_address_unknown", interface=name)


def parse_net_object_item(tokens: list[str], names: dict[str, int]) -> tuple[str, tuple[AddrMatch, ...] | None]:
    """``host A`` / ``subnet A M`` / ``range A B`` / ``fqdn [v4|v6] NAME`` in an
    ``object network`` → (kind, addrs | None).  IPv6 → empty set."""
    kw = tokens[0].lower()
    n = len(tokens)
    if kw == "host" and n == 2:
        if is_v6(tokens[1]):
            return "host", ()
        ip = resolve_ip(tokens[1], names)
        if ip is None:
            raise AclError("bad host")
        return "host", (AddrMatch(ip, 0),)
    if kw == "subnet" and n in (2, 3):
        if is_v6(tokens[1]):
            return "subnet", ()
        ip, mask = resolve_ip(tokens[1], names), ip_to_int(tokens[2]) if n == 3 else None
        if ip is None or mask is None:
            raise AclError("bad subnet")
        return "subnet", (prefix_match(ip, mask),)
    if kw == "range" and n == 3:
        if is_v6(tokens[1]):
            return "range", ()
        lo, hi = resolve_ip(tokens[1], names), resolve_ip(tokens[2], names)
        if lo is None or hi is None:
            raise AclError("bad range")
        return "range", range_matches(lo, hi)
    if kw == "fqdn" and n >= 2:
        return "fqdn", None
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

# What the resolvers return: (value, missing: undefined references, partial: reasons).
NetResolved: TypeAlias = tuple[tuple[AddrMatch, ...] | None, tuple[Ref, ...], tuple[str, ...]]  # None = any
SvcResolved: TypeAlias = tuple[tuple[Svc, ...] | None, tuple[Ref, ...], tuple[str, ...]]
PortsResolved: TypeAlias = tuple[tuple[PortRange, ...] | None, tuple[Ref, ...], tuple[str, ...]]
ProtosResolved: TypeAlias = tuple[tuple[int, ...] | None, tuple[Ref, ...], tuple[str, ...]]  # None = any
# icmp: None = any type
IcmpResolved: TypeAlias = tuple[tuple[tuple[int, int | None], ...] | None, tuple[Ref, ...], tuple[str, ...]]


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

    def __init__(
        self,
        nets: dict[str, NetObject],
        svcs: dict[str, SvcObject],
        groups: dict[str, Group],
        names: dict[str, int],
        iface_addr: dict[str, int | None],
    ):
        self.nets, self.svcs, self.groups = nets, svcs, groups
        self.names = names
        self.iface_addr = iface_addr  # nameif -> address (None if unknown)
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
            return [i.name for i in groups[name].items if isinstance(i, Ref) and i.kind == "group" and i.name in groups]

        state: dict[str, int] = {}  # 1: on the walk's stack, 2: resolved
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

    @_memoized(lambda ref: ("net", *ref))
    def network(self, ref: Ref, _active: frozenset[str] = frozenset()) -> NetResolved:
        got: NetResolved
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
                is_any = g.unread
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

    @_memoized(lambda ref: ("svc", *ref))
    def services(self, ref: Ref, _active: frozenset[str] = frozenset()) -> SvcResolved:
        """Service alternatives of a service object or a service group without a
        protocol header; a group with a header yields its ports as tcp/udp svcs."""
        got: SvcResolved
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
                out: list[Svc] = [Svc()] if g.unread else []
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
    def ports(self, name: str, _active: frozenset[str] = frozenset()) -> PortsResolved:
        """Port ranges of a service group used in a port position."""
        got: PortsResolved
        g = self.groups.get(name)
        if g is None or g.kind != "service":
            got = (None, (Ref("group", name),), ())
        elif name in _active:
            got = ((), (), ())
        else:
            out: list[PortRange] = []
            is_any = g.unread
            missing: list[Ref] = []
            partial: list[str] = [g.partial] if g.partial else []
            for item in g.items:
                if isinstance(item, Ref):
                    v, m, p = self.ports(item.name, _active | {name})
                    missing.extend(m)
                    partial.extend(p)
                    if v is None and not m:
                        is_any = True
                    out.extend(v or ())
                elif isinstance(item, tuple) and item and item[0] == "ports":
                    out.extend(item[1])
                else:
                    for s in item:
                        if s.dst_ports is not None:
                            out.extend(s.dst_ports)
                        partial.append(Text("input.asa.port_group_service_object", name=name))
            got = (None if is_any else merge_ranges(out) if out else (), tuple(missing), tuple(partial))
        return got

    @_memoized(lambda name: ("proto", name))
    def protocols(self, name: str, _active: frozenset[str] = frozenset()) -> ProtosResolved:
        got: ProtosResolved
        g = self.groups.get(name)
        if g is None or g.kind != "protocol" or name in _active:
            got = ((), (Ref("group", name),) if g is None else (), ())
        else:
            out: list[int] = []
            is_any = g.unread
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
    def icmp_types(self, name: str, _active: frozenset[str] = frozenset()) -> IcmpResolved:
        got: IcmpResolved
        g = self.groups.get(name)
        if g is None or g.kind != "icmp-type" or name in _active:
            got = ((), (Ref("group", name),) if g is None else (), ())
        else:
            out: list[tuple[int, int | None]] = []
            is_any = g.unread
            missing: list[Ref] = []
            partial: list[str] = [g.partial] if g.partial else []
            for item in g.items:
                if isinstance(item, Ref):
                    v, m, p = self.icmp_types(item.name, _active | {name})
                    missing.extend(m)
                    partial.extend(p)
                    if v is None:
                        is_any = True
                    else:
                        out.extend(v)
                else:
                    out.append(item[1])
            got = (None if is_any else tuple(dict.fromkeys(out)), tuple(missing), tuple(partial))
        return got

    def group_kind(self, name: str) -> str | None:
        g = self.groups.get(name)
        if g is None:
            return None
        if g.kind == "service" and (g.proto or any(isinstance(i, tuple) and i and i[0] == "ports" for i in g.items)):
            return "port"
        return g.kind


def _header_protos(header: str | None) -> tuple[int, ...] | None:
    return {"tcp": (6,), "udp": (17,), "tcp-udp": (6, 17)}.get(header or "", (6, 17))
