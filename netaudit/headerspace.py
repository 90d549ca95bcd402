"""Exact packet sets as BDDs over header fields.

A packet set is a BDD over the bits of: destination and source IPv4 address,
IP protocol, destination and source port, ICMP type and code, the TCP flags
SYN/ACK/RST and one bit for "connection already established" (stateful firewalls'
established/related).  Fields that do not apply to a packet (ports of an ICMP
packet) are left free, so sets compare and combine without special cases.

The BDDs live in the process's shared manager (:mod:`netaudit.bdd_manager`: dd's CUDD
backend, configured).  IPv6 would add two 128-bit fields here; nothing outside this
module depends on the bit layout.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeAlias

from netaddr import IPAddress, IPNetwork

from . import bdd_manager
from .messages import Text, named_list
from .model import PROTO_ICMP, PROTO_TCP, PROTO_UDP, AddrMatch, Match, PortRange
from .vocabulary import SERVICE_NAMES

# A packet set: a node of the dd BDD manager (``cudd.Function`` or ``autoref.Function``).
# dd ships no type information, so to mypy it is Any; the alias says what a value holds.
Bdd: TypeAlias = Any

# Field name -> width.  Order = BDD variable order (after the connection state, before
# the TCP flags: _STATE): destination address first, because routing splits on it most.
FIELDS: tuple[tuple[str, int], ...] = (
    ("dst_ip", 32),
    ("src_ip", 32),
    ("proto", 8),
    ("dst_port", 16),
    ("src_port", 16),
    ("icmp_type", 8),
    ("icmp_code", 8),
)
FLAGS = ("syn", "ack", "rst", "est")
# The connection-state flag is the first variable, the TCP flags the last ones: a filter
# line on the state alone ("accept established,related", the first line of most
# firewalls) is then one node above the set read so far, where at the bottom it copied
# every path of it (issue #15, docs/performance.md).
_STATE = "est"
_TCP_FLAGS = ("syn", "ack", "rst")
WIDTH = dict(FIELDS)
# The fields whose variable levels HeaderSpace.make_room grows: those filter lines and
# routes fix (88 of the 124 levels; the source port, ICMP and flags hold few nodes).
_ROOM_FIELDS = ("dst_ip", "src_ip", "proto", "dst_port")

PROTO_NAMES = {PROTO_ICMP: "icmp", PROTO_TCP: "tcp", PROTO_UDP: "udp"}


def _bit(field: str, i: int) -> str:
    return f"{field}_{i:02d}"


@dataclass(frozen=True)
class Packet:
    """One concrete packet (a witness)."""

    src_ip: int
    dst_ip: int
    proto: int
    src_port: int = 0
    dst_port: int = 0
    icmp_type: int = 0
    icmp_code: int = 0
    syn: bool = False
    ack: bool = False
    rst: bool = False
    est: bool = False

    def to_json(self) -> dict:
        out: dict = {
            "src_ip": str(IPAddress(self.src_ip)),
            "dst_ip": str(IPAddress(self.dst_ip)),
            "proto": PROTO_NAMES.get(self.proto, str(self.proto)),
        }
        if self.proto in (PROTO_TCP, PROTO_UDP):
            out["src_port"], out["dst_port"] = self.src_port, self.dst_port
        elif self.proto == PROTO_ICMP:
            out["icmp_type"], out["icmp_code"] = self.icmp_type, self.icmp_code
        return out

    def describe(self) -> str:
        d = self.to_json()
        if "dst_port" in d:
            return f"{d['proto']} {d['src_ip']}:{d['src_port']} -> {d['dst_ip']}:{d['dst_port']}"
        if "icmp_type" in d:
            return f"icmp {d['src_ip']} -> {d['dst_ip']} type {self.icmp_type}/{self.icmp_code}"
        return f"{d['proto']} {d['src_ip']} -> {d['dst_ip']}"


class HeaderSpace:
    """Factory and algebra for packet sets; one instance per analysis."""

    def __init__(self) -> None:
        self.bdd = bdd_manager.shared_manager([_STATE, *(_bit(f, i) for f, w in FIELDS for i in range(w)), *_TCP_FLAGS])
        names = [_bit(f, i) for f, w in FIELDS for i in range(w)] + list(FLAGS)
        self._names = frozenset(names)
        # The variable at each level (the order is fixed: no reordering).
        self._level_names = [self.bdd.var_at_level(i) for i in range(len(names))]
        self.true = self.bdd.true
        self.false = self.bdd.false
        self._vars = {n: self.bdd.var(n) for n in names}
        self._match_cache: dict[Match, Bdd] = {}
        self._long_matches: dict[tuple, tuple[Match, Bdd]] = {}  # see match()
        self._addr_cache: dict[tuple[str, int], tuple[tuple, Bdd]] = {}  # (field, id of a list) -> (it, set)
        self._cube_cache: dict[tuple, Bdd] = {}
        self._byte_cubes: dict[tuple, Bdd] = {}  # (field, byte, value, wildcard) -> its cube
        self._flag_cubes: dict[tuple, Bdd] = {}  # the flags' values -> their cube
        self._below_addresses: dict[tuple, Bdd] = {}  # a Match's non-address fields -> their set
        self._services_cache: dict[Bdd, list[str]] = {}  # projected set -> services()
        # A set -> its service_projection: a cell's packets are asked again by the checks
        # and their sentences (services_text), each time a walk of every address node.
        self._projections: dict[Bdd, Bdd] = {}
        self._preference_chains: dict[tuple, list[tuple[int, Bdd]]] = {}  # a witness's preferences: pick()
        self.service_sets: dict[tuple[str, ...], Bdd] = {}  # a service list -> its packets: policy.py
        # (id of a filter, in, out) -> (the filter, its filters.LineSets): netaudit/filters.py
        # and id of a filter -> (the filter, whether it looks at interfaces)
        self.line_sets_cache: dict[tuple | int, tuple] = {}
        self._all_services: Bdd | None = None
        # service_projection: (the variables above the service fields, those below)
        self._service_hidden: tuple[list[str], list[str]] | None = None
        self._field_bits = {f: [_bit(f, i) for i in range(w)] for f, w in FIELDS}
        # A packet read off a path (pick): each variable's field and what it adds when
        # true (a bit's weight, most significant first; a flag: True); every field unset.
        self._bit_weights: dict[str, tuple[str, int | bool]] = {
            **{b: (f, 1 << (w - 1 - i)) for f, w in FIELDS for i, b in enumerate(self._field_bits[f])},
            **{k: (k, True) for k in FLAGS},
        }
        self._no_bits: dict[str, int | bool] = {**dict.fromkeys(WIDTH, 0), **dict.fromkeys(FLAGS, False)}
        self._field_levels: dict[str, list[int]] = {}  # field -> its bits' levels (intervals)
        self._room_levels = [self.bdd.level_of_var(b) for f in _ROOM_FIELDS for b in self._field_bits[f]]
        # "New connection": a TCP SYN without ACK/RST, or any non-TCP packet;
        # never a packet of an already established connection.
        tcp = self.eq("proto", PROTO_TCP)
        syn_only = self._vars["syn"] & ~self._vars["ack"] & ~self._vars["rst"]
        self.new_connections = ((~tcp) | syn_only) & ~self._vars["est"]

    def make_room(self, rules: int) -> None:
        """Make room in CUDD's unique table for an analysis of ``rules`` filter lines and
        routes.

        The subtables of the fields they fix (addresses, protocol, destination port) are
        grown at once to a slot per rule — the sets built of a filter line or a route's
        region bring about a node to each of those levels — where CUDD would double each
        subtable many times as the nodes come (each doubling moves every node of it: 11 %
        of an audit of 20,000 RouterOS rules, and longer hash chains until then).  A small
        analysis asks for nothing (the tables start at 256 slots a level); the tables
        never shrink, and the manager is shared, so a later analysis finds the room made.
        Nothing to do where CUDD's function is out of reach
        (:func:`netaudit.bdd_manager.cudd_rehash`)."""
        bdd_manager.make_room(self._room_levels, rules)

    def grow_cache_if_hit(self) -> None:
        """Let CUDD's computed table grow when the work since the last call hit it often
        (:class:`netaudit.bdd_manager.CacheGrowth`, which says why); asked between
        stretches of work (each source zone of a matrix).  Nothing where CUDD's
        functions are out of reach."""
        if bdd_manager.cache is not None:
            bdd_manager.cache.grow_if_hit()

    # ------------------------------------------------------------------ building blocks

    def var(self, name: str):
        return self._vars[name]

    def eq(self, field: str, value: int):
        return self.masked(field, value, 0)

    def masked(self, field: str, value: int, wildcard: int):
        """Bits of ``field`` equal ``value`` wherever ``wildcard`` has a 0."""
        key = (field, value & ~wildcard, wildcard)
        got = self._cube_cache.get(key)
        if got is None:
            got = self._cube_cache[key] = self._masked(field, value, wildcard)
        return got

    def _masked(self, field: str, value: int, wildcard: int):
        return self._field_cube(field, value, wildcard, self.true)

    def _field_cube(self, field: str, value: int, wildcard: int, below):
        """``below`` AND the bits of ``field`` that ``value``/``wildcard`` fix (``below``
        only on later variables).  Built a byte at a time from the last byte up, each
        byte's cube from a table: an AND with a set on later variables walks the byte's
        eight nodes only, where CUDD's cube array costs an AND per variable (this is the
        inner loop of compiling big filters: issue #15, docs/performance.md)."""
        nbytes = WIDTH[field] // 8
        for pos in range(nbytes - 1, -1, -1):
            shift = 8 * (nbytes - 1 - pos)
            wb = (wildcard >> shift) & 0xFF
            if wb == 0xFF:
                continue
            vb = (value >> shift) & 0xFF & ~wb
            key = (field, pos, vb, wb)
            byte = self._byte_cubes.get(key)
            if byte is None:
                names = self._field_bits[field][8 * pos : 8 * pos + 8]
                byte = self._byte_cubes[key] = self.bdd.cube(
                    {b: bool((vb >> (7 - i)) & 1) for i, b in enumerate(names) if not (wb >> (7 - i)) & 1}
                )
            below = byte & below
        return below

    def prefix(self, field: str, net: IPNetwork | str):
        if not isinstance(net, IPNetwork):
            net = IPNetwork(net)
        return self.masked(field, net.first, net.last - net.first)

    def range(self, field: str, lo: int, hi: int):
        """``lo <= field <= hi`` (inclusive)."""
        key = ("range", field, lo, hi)
        got = self._cube_cache.get(key)
        if got is None:
            got = self._cube_cache[key] = self._range(field, lo, hi)
        return got

    def _range(self, field: str, lo: int, hi: int):
        bits = self._field_bits[field]
        w = len(bits)
        if lo <= 0 and hi >= (1 << w) - 1:
            return self.true
        if lo > hi:
            return self.false
        ge, le = self.true, self.true
        for i in range(w - 1, -1, -1):  # least significant bit first
            x = self._vars[bits[i]]
            shift = w - 1 - i
            ge = (x & ge) if (lo >> shift) & 1 else (x | ge)
            le = (~x | le) if (hi >> shift) & 1 else (~x & le)
        return ge & le

    def addr(self, field: str, pats: Sequence[AddrMatch]):
        """The union of the address patterns ``pats`` on ``field``.  A model's tuple (an
        address list of hundreds is shared by many rules) is united once, found again by
        its identity, which the cache keeps alive."""
        key = (field, id(pats))
        got = self._addr_cache.get(key)
        if got is not None and got[0] is pats:
            return got[1]
        u = self.false
        for p in pats:
            u |= self.masked(field, p.value, p.wildcard)
        if type(pats) is tuple:
            self._addr_cache[key] = (pats, u)
        return u

    def ports(self, field: str, ranges: Iterable[PortRange]):
        u = self.false
        for r in ranges:
            u |= self.range(field, r.lo, r.hi)
        return u

    def match(self, m: Match):
        """The packet set a :class:`Match` selects (interface constraints excluded).

        Built from the last variable up, one field at a time: an AND with a set of
        later variables walks only the field's own nodes, and a field fixed by one
        value or pattern (most ACL lines: hosts, prefixes, one protocol and port) is
        added a byte at a time without building its own set first (issue #15)."""
        # A Match with a long address list (a RouterOS address list of hundreds, shared
        # by many rules) is found by the list's identity: hashing the Match would hash
        # every address of it, each time (issue #15).  The list is kept alive with the
        # Match in the value; the interfaces, not part of the set, are left out.
        long = _long(m.src) or _long(m.dst)
        if long:
            key: tuple = (
                id(m.src) if _long(m.src) else m.src,
                id(m.dst) if _long(m.dst) else m.dst,
                m.src_negate,
                m.dst_negate,
                *_below_key(m),
            )
            got = self._long_matches.get(key)
            if got is not None:
                return got[1]
        else:
            cached = self._match_cache.get(m)
            if cached is not None:
                return cached
        u = self._below(m)
        # Per address side: (field, value, wildcard) when one pattern fixes it, else its set.
        parts: list = []
        for field, pats, negate in (("dst_ip", m.dst, m.dst_negate), ("src_ip", m.src, m.src_negate)):
            if pats is None:
                continue
            if len(pats) == 1 and not negate:
                parts.append((field, pats[0].value, pats[0].wildcard))
            else:
                v = self.addr(field, pats)
                parts.append(~v if negate else v)
        u = self._join(parts, u)
        if m.conn_established is not None:  # the first variable: one node on top
            u = (self._vars[_STATE] if m.conn_established else ~self._vars[_STATE]) & u
        if long:
            self._long_matches[key] = (m, u)
        else:
            self._match_cache[m] = u
        return u

    def _below(self, m: Match):
        """The set of ``m``'s fields below the addresses (protocol, ports, ICMP, flags):
        they repeat from line to line ("tcp eq 22"), so it is built once."""
        below = _below_key(m)
        u = self._below_addresses.get(below)
        if u is None:
            u = self._below_addresses[below] = self._join(self._service_parts(m), self._flags(m))
        return u

    def can_match(self, m: Match) -> bool:
        """Whether some packet matches ``m``, without building its set: its constraints
        lie on disjoint variables (each address side, the fields below them, the
        connection state), so it matches some packet when each of them does — one
        address pattern or value always does, a list, range or negation when its set
        says so (a filter's lines are asked whether they are live before their sets are
        needed: filters.LineSets.live)."""
        # The fields below lie on disjoint variables too (protocol, each port, ICMP
        # type and code; the flags' constraint always holds a packet): asked one by one,
        # without the AND that builds their set — and not at all where each is one value
        # (most lines: one protocol, one port).
        if not (_one_protocol(m) and _one_value(m.dst_ports) and _one_value(m.src_ports)):
            for part in self._service_parts(m):
                if type(part) is not tuple and part == self.false:
                    return False
        if _one_pattern(m.dst, m.dst_negate) and _one_pattern(m.src, m.src_negate):
            return True  # most lines: without the loop's tuples
        for field, pats, negate in (("dst_ip", m.dst, m.dst_negate), ("src_ip", m.src, m.src_negate)):
            if pats is None or _one_pattern(pats, negate):
                continue
            if self.addr(field, pats) == (self.true if negate else self.false):
                return False
        return True

    def _service_parts(self, m: Match) -> list:
        """``m``'s constraints on the protocol, ports and ICMP fields, in variable order:
        (field, value, wildcard) when one value fixes the field, else the field's set."""
        parts: list = []
        if m.protocols is None:
            if m.tcp_established:
                parts.append(("proto", PROTO_TCP, 0))
        elif _one_protocol(m):
            parts.append(("proto", m.protocols[0], 0))
        else:
            p = self.false
            for proto in m.protocols:
                p |= self.eq("proto", proto)
            parts.append(p & self.eq("proto", PROTO_TCP) if m.tcp_established else p)
        for field, ranges in (("dst_port", m.dst_ports), ("src_port", m.src_ports)):
            if ranges is None:
                continue
            if _one_value(ranges):
                parts.append((field, ranges[0].lo, 0))
            else:
                parts.append(self.ports(field, ranges))
        if m.icmp_type is not None:
            parts.append(("icmp_type", m.icmp_type, 0))
        if m.icmp_code is not None:
            parts.append(("icmp_code", m.icmp_code, 0))
        return parts

    def _flags(self, m: Match):
        """``m``'s constraints on the TCP flags (the last variables)."""
        return self._vars["ack"] | self._vars["rst"] if m.tcp_established else self.true

    def _join(self, parts: list, below):
        """``below`` AND ``parts`` (field constraints in variable order, all on variables
        before ``below``'s), joined from the last up."""
        for part in reversed(parts):
            if type(part) is tuple:
                field, value, wildcard = part
                below = self._field_cube(field, value, wildcard, below)
            else:
                below = part & below
        return below

    def matches(self, ms: Sequence[Match]):
        """The union of the packet sets of ``ms``."""
        if len(ms) == 1:  # most lines: the union of one set is the set (no OR to call)
            return self.match(ms[0])
        u = self.false
        for m in ms:
            u |= self.match(m)
        return u

    # ------------------------------------------------------------------ transforms

    def exist(self, fields: Iterable[str], u):
        names = [b for f in fields for b in self._field_bits[f]]
        return self.bdd.exist(names, u)

    def reversed(self, u):
        """The same packets seen coming back: source and destination addresses swapped, and
        source and destination ports (the reversed lookup of a reverse-path check)."""
        swap = {}
        for a, b, w in (("src_ip", "dst_ip", 32), ("src_port", "dst_port", 16)):
            for i in range(w):
                swap[_bit(a, i)], swap[_bit(b, i)] = _bit(b, i), _bit(a, i)
        return self.bdd.let(swap, u)

    def dst_to_src(self, u):
        """The same address set, stated on the source address instead of the destination."""
        return self.bdd.let({_bit("dst_ip", i): _bit("src_ip", i) for i in range(32)}, u)

    def rewrite(self, u, field: str, value: int):
        """Every packet of ``u`` with ``field`` set to ``value`` (NAT)."""
        return self.exist([field], u) & self.eq(field, value)

    # ------------------------------------------------------------------ concrete packets

    def pick(self, u, prefer: Iterable = ()) -> Packet | None:
        """A concrete packet of ``u``, steered by ``prefer`` sets where possible."""
        if u == self.false:
            return None
        # Each preference is kept while some packet of ``u`` meets it and the ones kept
        # before: the same packet as narrowing ``u`` step by step, with no AND of the
        # large set.  Readable witnesses: high source ports, ICMP code 0 when free.
        prefs = (*prefer, self.range("src_port", 1024, 65535), self.eq("icmp_code", 0))
        # The narrowing without ``u`` (built once per list) keeps a chain of ever smaller
        # conjunctions; with ``u`` it keeps the same ones up to the first that ``u`` does
        # not meet — a step the chain skipped left nothing of the ones before — found by
        # halving, and goes on step by step from there: a few questions where each step
        # cost an AND and a question (a witness per reachable cell).
        chain = self._preference_chains.get(prefs)
        if chain is None:
            chain = self._preference_chains[prefs] = self._chain(prefs)
        # A probe that misses ``u`` walks all of it (CUDD stops early only where they
        # meet): ~0.4 ms on a cell's 12,000-node delivered set, most of a witness's time
        # on 20,000 RouterOS rules (issue #15).  Where ``u``'s service projection is at
        # hand (a cell's delivered set, projected for its services first), that far
        # smaller superset of ``u`` answers first: a probe it misses, ``u`` misses — a
        # preference on the services the cell does not deliver.
        services = self._projections.get(u)
        met, unmet = 0, len(chain)  # chain[0] (everything) meets u; chain[len] is past the end
        while unmet - met > 1:
            mid = (met + unmet) // 2
            if self._meets_within(u, services, chain[mid][1]):
                met = mid
            else:
                unmet = mid
        kept = chain[met][1]
        if unmet < len(chain):  # chain[unmet]'s step is skipped here; the rest depend on u
            for p in prefs[chain[unmet][0] + 1 :]:
                both = kept & p
                if both != self.false and self._meets_within(u, services, both):
                    kept = both
        # The variables the path leaves out are free: False (0) is fine.
        vals: dict[str, Any] = dict(self._no_bits)
        weights = self._bit_weights
        for name, bit in self.first_common_path(u, kept).items():
            if bit:
                field, weight = weights[name]
                vals[field] |= weight
        return Packet(**vals)

    def _meets_within(self, u, outer, v) -> bool:
        """:meth:`meets` of ``u`` and ``v``, asked first of ``outer`` (a superset of
        ``u``, or None): what misses it misses ``u``, and a small ``outer`` answers a miss
        without a walk of ``u``."""
        if outer is not None and not self.meets(outer, v):
            return False
        return self.meets(u, v)

    def _chain(self, prefs: tuple) -> list[tuple[int, Bdd]]:
        """The preferences of ``prefs`` kept in order, each while the ones kept before
        leave some packet of it: [(its position, the conjunction so far)], after
        ``(-1, everything)``."""
        chain: list[tuple[int, Bdd]] = [(-1, self.true)]
        for pos, p in enumerate(prefs):
            both = chain[-1][1] & p
            if both != self.false:
                chain.append((pos, both))
        return chain

    def meets(self, u, v) -> bool:
        """Whether ``u`` and ``v`` share a packet, without building their intersection:
        CUDD's ``Cudd_bddLeq(u, ¬v)`` (:func:`netaudit.bdd_manager.cudd_leq`), else its
        AND-abstraction over every variable, which stops at the first packet they share."""
        leq = bdd_manager.leq
        if leq is not None:
            return not leq(u, ~v)
        if bdd_manager.and_exists is None:  # pragma: no cover - the pure-Python backend
            return (u & v) != self.false
        return bdd_manager.and_exists(u, v, self._names) == self.true

    def within(self, u, v) -> bool:
        """Whether every packet of ``u`` is in ``v`` (built nothing where CUDD answers)."""
        leq = bdd_manager.leq
        if leq is not None:
            return leq(u, v)
        return not self.meets(u, ~v)

    def first_path(self, u) -> dict[str, bool]:
        """The variables on the first path of ``u`` to true, low branches first: what
        ``dd``'s ``pick`` returns, without its enumeration machinery (support sets and a
        dict copied at every level: most of a witness's time)."""
        out: dict[str, bool] = {}
        true, false = self.true, self.false
        while u != true:
            # dd gives a node's children as stored: a complemented edge negates them.
            low = ~u.low if u.negated else u.low
            if low != false:
                out[u.var] = False
                u = low
            else:
                out[u.var] = True
                u = ~u.high if u.negated else u.high
        return out

    def first_common_path(self, u, v) -> dict[str, bool]:
        """:meth:`first_path` of ``u & v`` (not empty), found by walking both sets side
        by side, low branches first, instead of building the intersection: a witness's
        large delivered set ANDed with its preferences was most of its time (issue #15).
        A pair of nodes whose sets share no packet is remembered, so the walk visits each
        pair at most once; past a budget of steps the intersection is built after all
        (the same path either way).

        A loop over a stack of the pairs on the path, not a recursion: the walk almost
        never turns back (about 113 steps a witness on 80 zones, each a call before), a
        pair's high branches are read only when its low ones fail, and a variable's name
        is looked up by its level in a list (the order is fixed)."""
        true, false = self.true, self.false
        names = self._level_names
        out: dict[str, bool] = {}
        # (u, v, level of the variable tested, whether its high branches are being tried)
        path: list[tuple] = []
        dead: set = set()  # pairs of nodes that share no packet
        left = _COMMON_PATH_STEPS
        first_u, first_v = u, v
        while True:
            if u == false or v == false or (dead and (u, v) in dead):
                # No common packet below: back to the last pair whose high branches are
                # still untried.
                while path:
                    u, v, top, high = path.pop()
                    if not high:
                        path.append((u, v, top, True))
                        out[names[top]] = True
                        u, v = _high(u, top), _high(v, top)
                        break
                    dead.add((u, v))
                    del out[names[top]]
                else:
                    return self.first_path(first_u & first_v)
                continue
            if u == true and v == true:
                return out
            left -= 1
            if left < 0:
                return self.first_path(first_u & first_v)
            u_level, v_level = u.level, v.level
            top = u_level if u_level < v_level else v_level
            u_low = u if u_level != top else ~u.low if u.negated else u.low
            v_low = v if v_level != top else ~v.low if v.negated else v.low
            if u_low == false or v_low == false:
                # the low branches share nothing: the high ones at once
                path.append((u, v, top, True))
                out[names[top]] = True
                u, v = _high(u, top), _high(v, top)
            else:
                path.append((u, v, top, False))
                out[names[top]] = False
                u, v = u_low, v_low

    def one_packet(self, u):
        """The singleton set of one packet of ``u`` (not empty): its first path, the
        free variables false."""
        return self.bdd.cube({**dict.fromkeys(self._names, False), **self.first_path(u)})

    def packet(self, pkt: Packet):
        """The singleton set of one packet (built from the last field up, a byte at a
        time: :meth:`_field_cube`; the connection state, the first variable, on top)."""
        flags = tuple(bool(getattr(pkt, k)) for k in _TCP_FLAGS)
        u = self._flag_cubes.get(flags)
        if u is None:
            u = self._flag_cubes[flags] = self.bdd.cube(dict(zip(_TCP_FLAGS, flags, strict=True)))
        for f, _w in reversed(FIELDS):
            u = self._field_cube(f, getattr(pkt, f), 0, u)
        state = self._vars[_STATE]
        return (state if pkt.est else ~state) & u

    def contains(self, u, pkt: Packet) -> bool:
        return (self.packet(pkt) & u) != self.false

    # ------------------------------------------------------------------ services

    def services(self, u) -> list[str]:
        """Protocols / destination ports present in ``u``, merged, in the service syntax
        of site files and reports (``tcp/80``, ``udp/1000-2000``, ``icmp/8``, ``ip``)."""
        if u == self.false:
            return []
        proj = self.service_projection(u)
        # Many cells deliver the same services: the answer is kept per projected set.
        got = self._services_cache.get(proj)
        if got is None:
            got = self._services_cache[proj] = self._services_of(proj)
        return list(got)

    def service_projection(self, u):
        """``u`` on the protocol, destination port and ICMP type only (the fields a
        service names: :func:`service_match`), the addresses, source port, ICMP code and
        flags quantified away.  A service's packets meet ``u`` exactly when they meet its
        projection, a far smaller set.

        In two passes: the variables above the service fields (the connection state and
        the addresses: most of a large set's nodes), then those below them in the far
        smaller set left.  With the lower ones in the same pass, CUDD's quantification
        walked on through every service node below each address path (the cube was not
        used up there), copying them: half of the projections' time on the 20,000 RouterOS
        rules (issue #15).  The same set: a quantification's variables in any order."""
        got = self._projections.get(u)
        if got is not None:
            return got
        if self._service_hidden is None:
            hidden = [
                *(b for f in ("dst_ip", "src_ip", "src_port", "icmp_code") for b in self._field_bits[f]),
                *FLAGS,
            ]
            services_top = min(self.field_levels(f)[0] for f in ("proto", "dst_port", "icmp_type"))
            above = [b for b in hidden if self.bdd.level_of_var(b) < services_top]
            self._service_hidden = (above, [b for b in hidden if b not in above])
        above, below = self._service_hidden
        got = self._projections[u] = self.bdd.exist(below, self.bdd.exist(above, u))
        return got

    def _services_of(self, proj) -> list[str]:
        if self._all_services is None:
            self._all_services = self.service_projection(self.new_connections)
        everything = self._all_services
        if self.within(everything, proj):
            return ["ip"]
        out: list[tuple[int, int, str]] = []
        for proto, field, ignore in (
            (PROTO_TCP, "dst_port", "icmp_type"),
            (PROTO_UDP, "dst_port", "icmp_type"),
            (PROTO_ICMP, "icmp_type", "dst_port"),
        ):
            part = self.exist([ignore, "proto"], proj & self.eq("proto", proto))
            name = PROTO_NAMES[proto]
            if part == self.true:
                out.append((proto, -1, name))
                continue
            for lo, hi in self.intervals(part, field):
                out.append((proto, lo, f"{name}/{lo}" if lo == hi else f"{name}/{lo}-{hi}"))
        others = self.exist(["dst_port", "icmp_type"], proj)
        others &= ~(self.eq("proto", PROTO_TCP) | self.eq("proto", PROTO_UDP) | self.eq("proto", PROTO_ICMP))
        for lo, hi in self.intervals(others, "proto"):
            out.append((1000 + lo, lo, f"proto/{lo}" if lo == hi else f"proto/{lo}-{hi}"))
        return [s for _, _, s in sorted(out)]

    def services_text(self, u) -> str:
        """Services of ``u`` for a sentence: a list, or "ip except …" when that is shorter.
        A long list is named in part (:func:`~netaudit.messages.named_list`: a finding's
        sentence beside its matrix cell, whose services list holds them all — a filter of
        thousands of port rules made sentences of 3,000 characters)."""
        direct = self.services(u)
        if len(direct) > 3:
            proj = self.service_projection(u)
            missing = self.services(self.new_connections & ~proj)
            if len(missing) < len(direct):
                return "ip except " + named_list(missing)
        return named_list(direct) or "-"

    def values(self, u, field: str) -> list[tuple[int, int]]:
        """Maximal intervals of the values ``field`` takes in the packets of ``u``."""
        own = set(self._field_bits[field])
        others = [b for b in self._names if b not in own]
        return self.intervals(self.bdd.exist(others, u), field)

    def intervals(self, u, field: str) -> list[tuple[int, int]]:
        """Maximal value intervals of ``field`` in ``u`` (``u`` must depend on no other field)."""
        return self._intervals(u, 0, self.field_levels(field), {})

    def field_levels(self, field: str) -> list[int]:
        """The variable levels of ``field``'s bits, most significant first."""
        levels = self._field_levels.get(field)
        if levels is None:
            levels = self._field_levels[field] = [self.bdd.level_of_var(b) for b in self._field_bits[field]]
        return levels

    def _intervals(self, node, i: int, levels: list[int], memo: dict) -> list[tuple[int, int]]:
        # Intervals relative to the sub-space of the remaining len(levels) - i bits, the
        # node's two branches on bit i read from the node itself (a node of the field's
        # bits only tests bit i or a later one; a substitution per bit cost a dict and a
        # CUDD call each: issue #15).
        # A method, not a recursive closure: a closure that calls itself is a reference
        # cycle, and BDD nodes held in a cycle must never be freed by the cyclic collector
        # (netaudit/bdd_manager.py, "BDD nodes and reference cycles").
        if node == self.false:
            return []
        w = len(levels)
        if node == self.true:
            return [(0, (1 << (w - i)) - 1)]
        key = (node, i)
        if key in memo:
            return memo[key]
        low, high = _branches(node, levels[i])
        lo = self._intervals(low, i + 1, levels, memo)
        hi = self._intervals(high, i + 1, levels, memo)
        half = 1 << (w - i - 1)
        res = list(lo)
        for a, b in hi:
            a, b = a + half, b + half
            if res and res[-1][1] + 1 == a:
                res[-1] = (res[-1][0], b)
            else:
                res.append((a, b))
        memo[key] = res
        return res

    def is_empty(self, u) -> bool:
        return u == self.false


# Steps of :meth:`HeaderSpace.first_common_path` before it builds the intersection.
_COMMON_PATH_STEPS = 20_000


def value_block(u, levels: list[int], false) -> tuple[int, int]:
    """(lowest, highest) value of the aligned block that holds every value of the field
    at ``levels`` (most significant first) over the packets of ``u``: the values' common
    leading bits, read down one path until a bit takes both values (the exact lowest and
    highest values would cost a path each to the last bit).  An empty range (low above
    high) for the empty set.  The variables above the field are read both ways, so it is
    for a field at the top of the order: the destination address, below the connection
    state alone."""
    if u == false:
        return 1 << len(levels), -1
    bits, n = _common_bits(u, levels, false)
    free = len(levels) - n
    return bits << free, (bits << free) | ((1 << free) - 1)


def _common_bits(u, levels: list[int], false) -> tuple[int, int]:
    """(the leading bits of the field at ``levels`` that every packet of ``u``, not
    empty, shares, how many)."""
    if u.level < levels[0]:
        parts = [_common_bits(b, levels, false) for b in _branches(u, u.level) if b != false]
        bits, n = parts[0]
        for other, m in parts[1:]:
            k = min(n, m)
            bits, other = bits >> (n - k), other >> (m - k)
            while bits != other:
                bits, other, k = bits >> 1, other >> 1, k - 1
            n = k
        return bits, n
    bits = n = 0
    for level in levels:
        if u.level != level:
            break  # a bit the set does not test takes both values (a terminal: every bit)
        low, high = _branches(u, level)
        if low == false:
            bits, u = bits << 1 | 1, high
        elif high == false:
            bits, u = bits << 1, low
        else:
            break
        n += 1
    return bits, n


def _high(u, level: int):
    """The high branch of ``u`` on the variable at ``level`` (``u`` itself when it does
    not test it)."""
    if u.level != level:
        return u
    return ~u.high if u.negated else u.high


def _branches(u, level: int) -> tuple:
    """(low, high) of ``u`` on the variable at ``level``; ``u`` itself twice when it does
    not test it (a complemented edge negates the children dd gives as stored)."""
    if u.level != level:
        return u, u
    if u.negated:
        return ~u.low, ~u.high
    return u.low, u.high


def _one_protocol(m: Match) -> bool:
    """Whether ``m``'s protocol constraint is one value or none (a (field, value, 0) part
    of HeaderSpace._service_parts, or no part), not a set to build."""
    return m.protocols is None or (len(m.protocols) == 1 and not m.tcp_established)


def _one_pattern(pats: tuple[AddrMatch, ...] | None, negate: bool) -> bool:
    """Whether an address side is no constraint or one pattern, not negated: it holds
    some address whatever the pattern (HeaderSpace.can_match)."""
    return pats is None or (len(pats) == 1 and not negate)


def _one_value(ranges: tuple[PortRange, ...] | None) -> bool:
    """Whether a port side is one value or no constraint (not a set to build)."""
    return ranges is None or (len(ranges) == 1 and ranges[0].lo == ranges[0].hi)


def _long(pats: tuple[AddrMatch, ...] | None) -> bool:
    """Whether an address side is a long list (hashing it costs a call per address)."""
    return pats is not None and len(pats) > 8


def _below_key(m: Match) -> tuple:
    """What a Match says of the fields below the addresses: protocol, ports, ICMP, flags."""
    return (m.protocols, m.tcp_established, m.dst_ports, m.src_ports, m.icmp_type, m.icmp_code, m.conn_established)


@cache
def service_match(service: str) -> Match:
    """Parse a service string (``tcp/445``, ``udp/1000-2000``, ``icmp/8``, ``tcp``, ``ip``).

    Raises ValueError with a readable message (a catalogue Text) on bad syntax.
    """
    s = service.strip().lower()
    if s in ("ip", "any"):
        return Match()
    name, _, rest = s.partition("/")
    protos = {"tcp": PROTO_TCP, "udp": PROTO_UDP, "icmp": PROTO_ICMP}
    if name == "proto":  # proto/N or proto/A-B (the matrix writes the other protocols so)
        lo_s, _, hi_s = rest.partition("-")
        if not lo_s.isdecimal() or not (hi_s or lo_s).isdecimal() or not 0 <= int(lo_s) <= int(hi_s or lo_s) <= 255:
            raise ValueError(Text("service.error.proto", service=repr(service)))
        return Match(protocols=tuple(range(int(lo_s), int(hi_s or lo_s) + 1)))
    if name not in protos:
        raise ValueError(Text("service.error.name", service=repr(service)))
    proto = protos[name]
    if not rest:
        return Match(protocols=(proto,))
    lo_s, _, hi_s = rest.partition("-")
    try:
        lo, hi = int(lo_s), int(hi_s or lo_s)
    except ValueError:
        raise ValueError(Text("service.error.number", service=repr(service))) from None
    if proto == PROTO_ICMP:
        if lo != hi or not 0 <= lo <= 255:
            raise ValueError(Text("service.error.icmp", service=repr(service)))
        return Match(protocols=(proto,), icmp_type=lo)
    if not (0 <= lo <= hi <= 65535):
        raise ValueError(Text("service.error.ports", service=repr(service)))
    return Match(protocols=(proto,), dst_ports=(PortRange(lo, hi),))


def expand_services(service: str) -> list[str]:
    """``--service`` as service strings: a common name (:data:`SERVICE_NAMES`), a
    service string, or a comma-separated list of both (``ssh,rdp,tcp/8080``).

    Raises ValueError naming the accepted names and syntax on anything else."""
    out: list[str] = []
    for part in service.split(","):
        s = part.strip().lower()
        if s in SERVICE_NAMES:
            out.extend(x for x in SERVICE_NAMES[s] if x not in out)
            continue
        try:
            service_match(s)
        except ValueError as e:
            if "/" in s or s in ("tcp", "udp", "icmp", "proto") or not s:
                raise  # the syntax was meant: its own message says what is wrong
            raise ValueError(
                Text(
                    "service.error.unknown",
                    service=repr(part.strip()),
                    hint=_closest_name(s),
                    names=", ".join(SERVICE_NAMES),
                )
            ) from e
        if s not in out:
            out.append(s)
    return out


def _closest_name(s: str) -> str:
    from difflib import get_close_matches

    near = get_close_matches(s, SERVICE_NAMES, n=1)
    return Text("service.did_you_mean", name=near[0]) if near else ""
