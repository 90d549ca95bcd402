"""Stateless firewall filters (``firewall family inet filter``, and ``firewall filter``
which is the same family) → ordered first-match filters; prefix lists; the filters an
interface applies, in order (``input``/``input-list``) — docs/vendors/juniper_junos.md,
"Firewall filters".

Junos rules modelled: terms in order, the first whose ``from`` conditions all hold decides;
values of one condition are alternatives, different conditions all hold; an address list
matches by its longest prefix (``except`` excludes); ``address``/``port``/``prefix-list``
match either side; a term without ``from`` matches every packet; a term without a
terminating action accepts; ``next term`` goes on; a packet no term takes is discarded;
the filters of an input list are one list of terms, the discard at the end of the last."""

from __future__ import annotations

from dataclasses import dataclass, field

from netaddr import IPNetwork, IPSet

from netaudit.messages import Text
from netaudit.model import (
    PROTO_ICMP,
    PROTO_TCP,
    PROTO_UDP,
    Action,
    AddrMatch,
    Filter,
    FilterLine,
    Match,
    PortRange,
    Reference,
    Src,
)
from netaudit.parsers.base import join_reasons
from netaudit.parsers.juniper_junos.names import address, icmp_type, port_range, protocol
from netaudit.parsers.juniper_junos.state import ParseState
from netaudit.parsers.juniper_junos.syntax import Stmt

_ALL = IPSet(["0.0.0.0/0"])
# Match conditions read exactly: (condition, side) for addresses, else the port/protocol kind.
_ADDR = {"source-address": "src", "destination-address": "dst", "address": "either"}
_PLIST = {"source-prefix-list": "src", "destination-prefix-list": "dst", "prefix-list": "either"}
_PORTS = {"source-port": "src", "destination-port": "dst", "port": "either"}
# Terminating actions; the rest of `then` modifies (count, log, policer …) and is read.
_MODIFIERS = frozenset(
    {
        "count",
        "log",
        "syslog",
        "sample",
        "policer",
        "forwarding-class",
        "loss-priority",
        "dscp",
        "port-mirror",
        "three-color-policer",
        "traffic-class",
        "packet-mode",
        "service-accounting",
        "hierarchical-policer",
        "analyzer",
        "prefix-action",
    }
)
_EXCEPTS = frozenset(
    {"source-port-except", "destination-port-except", "port-except", "protocol-except", "icmp-type-except"}
)
_FILTER_IGNORED = frozenset(
    {
        "interface-specific",
        "physical-interface-filter",
        "enhanced-mode",
        "accounting-profile",
        "instance-shared",
        "apply-groups",
        "fast-lookup-filter",
    }
)


@dataclass
class Term:
    name: str
    first: Stmt
    conds: dict[str, list[tuple[str, bool, Stmt]]] = field(default_factory=dict)
    narrowing: list[tuple[str, Stmt]] = field(default_factory=list)
    action: str | None = None
    action_src: Stmt | None = None
    reasons: list[str] = field(default_factory=list)


@dataclass
class RawFilter:
    name: str
    first: Stmt
    terms: dict[str, Term] = field(default_factory=dict)


class Filters(ParseState):
    """Reads filters and prefix lists; builds the filter an interface applies."""

    raw_filters: dict[str, RawFilter]
    prefix_lists: dict[str, tuple[list[str], list[str]]]  # name → (prefixes, reasons)

    def read_prefix_lists(self) -> None:
        self.prefix_lists = {}
        for rest, st in self.conf.under("policy-options", "prefix-list"):
            if not rest:
                continue
            pl = self.prefix_lists.setdefault(rest[0], ([], []))
            if len(rest) == 2 and address(rest[1]) is not None:
                pl[0].append(rest[1])
            elif len(rest) == 2 and ":" in rest[1]:
                pass  # IPv6
            elif len(rest) >= 2 and rest[1] == "apply-path":
                pl[1].append(Text("input.junos.apply_path", name=rest[0]))
            elif len(rest) == 1:
                pass
            else:  # an entry not understood: the list may hold more than what was read
                pl[1].append(Text("input.junos.line_not_understood", line=st.line))
                continue
            self.read(st)
        for rest, st in self.conf.under("policy-options"):
            if rest and rest[0] in (
                "policy-statement",
                "community",
                "as-path",
                "route-filter-list",
                "as-path-group",
                "condition",
                "application-maps",
                "damping",
            ):
                self.read(st)  # routing policy: which routes are exchanged, not how packets pass

    def read_filters(self) -> None:
        self.raw_filters = {}
        for rest, st in self.conf.under("firewall"):
            if len(rest) >= 3 and rest[0] == "family" and rest[1] == "inet" and rest[2] == "filter":
                self._filter_stmt(rest[3:], st)
            elif len(rest) >= 1 and rest[0] == "filter":
                self._filter_stmt(rest[1:], st)
            elif len(rest) >= 2 and rest[0] == "family" and rest[1] != "inet":
                self.read(st)  # IPv6, switching, bridge … filters: where they are applied is partial
            elif (
                rest and rest[0] in ("policer", "three-color-policer", "hierarchical-policer", "interface-set")
            ) or not rest:
                self.read(st)

    def _filter_stmt(self, rest: tuple[str, ...], st: Stmt) -> None:
        if not rest:
            return
        flt = self.raw_filters.get(rest[0])
        if flt is None:
            flt = self.raw_filters[rest[0]] = RawFilter(rest[0], st)
        if len(rest) == 1:
            self.read(st)
            return
        if rest[1] in _FILTER_IGNORED:
            self.read(st)
            return
        if rest[1] != "term" or len(rest) < 3:
            return
        term = flt.terms.get(rest[2])
        if term is None:
            term = flt.terms[rest[2]] = Term(rest[2], st)
        body = rest[3:]
        if not body:
            self.read(st)
            return
        if body[0] == "from" and len(body) >= 2:
            self._from(term, body[1:], st)
        elif body[0] == "then" and len(body) >= 2:
            self._then(term, body[1:], st)
        elif body[0] in ("filter",):
            term.reasons.append(Text("input.junos.term_filter", term=term.name))
            self.partial(f"filter {flt.name}", Text("input.junos.term_filter", term=term.name), st)
        # anything else: unread

    def _from(self, term: Term, cond: tuple[str, ...], st: Stmt) -> None:
        key = cond[0]
        values = cond[1:]
        except_ = len(values) == 2 and values[1] == "except"
        if key in _ADDR or key in _PLIST:
            if not values:
                return
            term.conds.setdefault(key, []).append((values[0], except_, st))
        elif key in _PORTS or key in _EXCEPTS or key in ("protocol", "icmp-type"):
            if not values:
                return
            term.conds.setdefault(key, []).append((values[0], False, st))
        elif key == "tcp-established":
            term.conds.setdefault(key, []).append(("", False, st))
        else:
            term.narrowing.append((" ".join(cond), st))
            self.partial(f"filter term {term.name}", Text("input.junos.term_condition", condition=key), st)
            return
        self.read(st)

    def _then(self, term: Term, act: tuple[str, ...], st: Stmt) -> None:
        word = act[0]
        if word in ("accept", "discard", "reject"):
            term.action, term.action_src = word, st
        elif word == "next" and act[1:] == ("term",):
            term.action, term.action_src = "next", st
        elif word in ("routing-instance", "next-interface", "next-ip", "logical-system", "next-hop-group"):
            term.action, term.action_src = "elsewhere", st
            term.reasons.append(Text("input.junos.term_forwarding", action=" ".join(act)))
            self.partial(f"filter term {term.name}", Text("input.junos.term_forwarding", action=" ".join(act)), st)
            return
        elif word not in _MODIFIERS:
            return
        self.read(st)

    # ------------------------------------------------------------------ conversion

    def filter_lines(self, name: str) -> tuple[list[FilterLine], str | None]:
        """The lines of filter ``name`` (without its implicit discard) and why the filter
        as a whole is uncertain (undefined)."""
        raw = self.raw_filters.get(name)
        if raw is None:
            return [], Text("input.junos.filter_undefined", filter=name)
        out: list[FilterLine] = []
        for term in raw.terms.values():
            line = self._term_line(raw, term)
            if line is not None:
                out.append(line)
        return out, None

    def _term_line(self, raw: RawFilter, term: Term) -> FilterLine | None:
        reasons = list(term.reasons)
        if term.narrowing:
            reasons.append(Text("input.junos.term_narrowed", conditions=", ".join(n for n, _ in term.narrowing)))
        action = term.action or "accept"
        if action == "next":
            return None  # counts or logs and goes on: decides nothing
        matches, why = self._matches(raw, term)
        reasons += why
        src = Src(self.file, (term.action_src or term.first).line, f"filter {raw.name} term {term.name}: then {action}")
        act = Action.DENY if action in ("discard", "reject") else Action.PERMIT
        reason = join_reasons(reasons) or None
        return FilterLine(act, matches, src, name=f"{raw.name} {term.name}", partial=reason)

    def _addr_set(self, entries: list[tuple[str, bool]], reasons: list) -> IPSet:
        """Longest-prefix match over ``(prefix, except)`` entries: the addresses whose most
        specific matching entry is not ``except``."""
        by_len = []
        for word, exc in entries:
            a = address(word)
            if a is not None:
                by_len.append((a[1], IPNetwork((a[0], a[1])), exc))
            elif ":" not in word:  # (an IPv6 prefix matches no IPv4 packet)
                reasons.append(Text("input.junos.address_unread", value=word))
        if by_len and all(exc for _, _, exc in by_len):
            reasons.append(Text("input.junos.only_except"))
        if not any(exc for _, _, exc in by_len):
            return IPSet(net for _, net, _ in by_len)  # at once: adding one by one is slow
        s = IPSet()
        for _, net, exc in sorted(by_len, key=lambda t: t[0]):
            if exc:
                s.remove(net)
            else:
                s.add(net)
        return s

    def _list_entries(self, values: list[tuple[str, bool, Stmt]], reasons: list, refs: bool) -> list[tuple[str, bool]]:
        out: list[tuple[str, bool]] = []
        for name, exc, st in values:
            pl = self.prefix_lists.get(name)
            if pl is None:
                reasons.append(Text("input.junos.prefix_list_undefined", name=name))
                if refs:
                    self.dev.references.append(Reference("prefix-list", name, self.src(st), False))
                continue
            reasons.extend(pl[1])
            out += [(p, exc) for p in pl[0]]
        return out

    def _matches(self, raw: RawFilter, term: Term) -> tuple[list[Match], list]:
        reasons: list = []
        c = term.conds
        src_sets: list[IPSet] = []
        dst_sets: list[IPSet] = []
        either_sets: list[IPSet] = []
        # A condition not fully read is left out: the line then takes more (a superset).
        for key, side in _ADDR.items():
            if key in c:
                before = len(reasons)
                s = self._addr_set([(v, e) for v, e, _ in c[key]], reasons)
                if len(reasons) == before:
                    {"src": src_sets, "dst": dst_sets, "either": either_sets}[side].append(s)
        for key, side in _PLIST.items():
            if key in c:
                before = len(reasons)
                s = self._addr_set(self._list_entries(c[key], reasons, True), reasons)
                if len(reasons) == before:
                    {"src": src_sets, "dst": dst_sets, "either": either_sets}[side].append(s)
        src = _intersect(src_sets)
        dst = _intersect(dst_sets)
        protos: tuple[int, ...] | None = None
        if "protocol" in c:
            ps = [protocol(v) for v, _, _ in c["protocol"]]
            if None in ps:
                reasons.append(Text("input.junos.protocol_unknown", names=", ".join(v for v, _, _ in c["protocol"])))
                protos = None
            else:
                protos = tuple(sorted({p for p in ps if p is not None}))
        if "protocol-except" in c:
            ps = [protocol(v) for v, _, _ in c["protocol-except"]]
            if None in ps:
                reasons.append(
                    Text("input.junos.protocol_unknown", names=", ".join(v for v, _, _ in c["protocol-except"]))
                )
            else:
                known = set(protos) if protos is not None else set(range(256))
                protos = tuple(sorted(known - {p for p in ps if p is not None}))
        ports: dict[str, tuple[PortRange, ...] | None] = {}
        for key, side in _PORTS.items():
            for k, neg in ((key, False), (key + "-except", True)):
                if k not in c:
                    continue
                rs = [port_range(v) for v, _, _ in c[k]]
                if None in rs:
                    reasons.append(Text("input.junos.port_unknown", names=", ".join(v for v, _, _ in c[k])))
                    continue
                ranges = _merge([r for r in rs if r is not None])
                if neg:
                    ranges = _complement(ranges)
                prev = ports.get(side)
                ports[side] = ranges if prev is None else _intersect_ranges(prev, ranges)
        if ports and protos is None:
            reasons.append(Text("input.junos.port_without_protocol"))
            protos = (PROTO_TCP, PROTO_UDP)
        icmp: list[int] = []
        if "icmp-type" in c:
            for v, _, _ in c["icmp-type"]:
                t = icmp_type(v)
                if t is None:
                    reasons.append(Text("input.junos.icmp_unknown", name=v))
                    icmp = []  # every type: a superset of what the term takes
                    break
                icmp.append(t)
            if protos is None:
                reasons.append(Text("input.junos.icmp_without_protocol"))
                protos = (PROTO_ICMP,)
        if "icmp-type-except" in c:
            reasons.append(Text("input.junos.term_condition", condition="icmp-type-except"))
        established = "tcp-established" in c
        if established and protos != (PROTO_TCP,):
            reasons.append(Text("input.junos.established_without_tcp"))
        # the alternatives of `address` / `port` (either side) multiply the matches
        addr_opts: list[tuple[IPSet | None, IPSet | None]] = [(src, dst)]
        for e in either_sets:
            addr_opts = [(_and(s, e), d) for s, d in addr_opts] + [(s, _and(d, e)) for s, d in addr_opts]
        port_opts: list[tuple] = [(ports.get("src"), ports.get("dst"))]
        if "either" in ports:
            e = ports["either"]
            port_opts = [(_and_r(s, e), d) for s, d in port_opts] + [(s, _and_r(d, e)) for s, d in port_opts]
        matches: list[Match] = []
        for s, d in addr_opts:
            if (s is not None and not s) or (d is not None and not d):
                continue
            for sp, dp in port_opts:
                if sp == () or dp == ():
                    continue
                base = {
                    "src": _pats(s),
                    "dst": _pats(d),
                    "protocols": protos,
                    "src_ports": sp,
                    "dst_ports": dp,
                    "tcp_established": established,
                }
                if icmp:
                    matches += [Match(**base, icmp_type=t) for t in dict.fromkeys(icmp)]
                else:  # no type, or none understood (partial: every type)
                    matches.append(Match(**base))
        return matches, reasons

    def composed(self, names: list[str], label: str, src: Src) -> Filter:
        """The filter an interface applies: the lines of ``names`` in order, the implicit
        discard at the end; a list of several is one synthesized filter."""
        key = " ".join(names)
        got = self.dev.filters.get(key)
        if got is not None:
            return got
        lines: list[FilterLine] = []
        reasons: list = []
        for n in names:
            ls, why = self.filter_lines(n)
            defined = n in self.raw_filters
            self.dev.references.append(Reference("filter", n, src, defined))
            if why:
                reasons.append(why)
            lines += ls
        flt = Filter(
            key,
            lines,
            Action.DENY,
            kind="acl" if len(names) == 1 else "synthesized",
            source=src
            if len(names) > 1 or names[0] not in self.raw_filters
            else self.src(self.raw_filters[names[0]].first),
            partial=join_reasons(reasons) or None,
            default_text=Text("input.junos.default.filter", filter=key),
        )
        if flt.partial:
            self.rep.add_partial(f"filter {key}", flt.partial, src)
        self.dev.filters[key] = flt
        return flt


def _intersect(sets: list[IPSet]) -> IPSet | None:
    if not sets:
        return None
    out = sets[0]
    for s in sets[1:]:
        out = out & s
    return out


def _and(a: IPSet | None, b: IPSet) -> IPSet:
    return b if a is None else a & b


def _pats(s: IPSet | None) -> tuple[AddrMatch, ...] | None:
    if s is None or s == _ALL:
        return None
    return tuple(AddrMatch.prefix(n) for n in s.iter_cidrs())


def _merge(rs: list[PortRange]) -> tuple[PortRange, ...]:
    out: list[list[int]] = []
    for r in sorted(rs, key=lambda r: (r.lo, r.hi)):
        if out and r.lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], r.hi)
        else:
            out.append([r.lo, r.hi])
    return tuple(PortRange(a, b) for a, b in out)


def _complement(rs: tuple[PortRange, ...]) -> tuple[PortRange, ...]:
    out: list[PortRange] = []
    nxt = 0
    for r in rs:
        if r.lo > nxt:
            out.append(PortRange(nxt, r.lo - 1))
        nxt = r.hi + 1
    if nxt <= 65535:
        out.append(PortRange(nxt, 65535))
    return tuple(out)


def _intersect_ranges(a: tuple[PortRange, ...], b: tuple[PortRange, ...]) -> tuple[PortRange, ...]:
    out = [PortRange(max(x.lo, y.lo), min(x.hi, y.hi)) for x in a for y in b if max(x.lo, y.lo) <= min(x.hi, y.hi)]
    return _merge(out)


def _and_r(a: tuple[PortRange, ...] | None, b: tuple[PortRange, ...] | None) -> tuple[PortRange, ...] | None:
    if a is None:
        return b
    if b is None:
        return a
    return _intersect_ranges(a, b)
