"""Routing: the FIB per VRF (longest-prefix match as a partition of the destination
addresses), unicast RPF, and policy routing before the lookup (docs/semantics.md,
"Policy routing")."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from itertools import accumulate

from netaddr import IPAddress

from ..headerspace import Bdd, HeaderSpace
from ..messages import Text
from ..model import Device, IfKind, Route
from .paths import Merge, Path, Step, extend

# Next hop of a route whose gateway is learned at run time (DHCP/PPPoE client).
RUNTIME_GW = -1
# Addresses a router never forwards to (and an ISP never assigns to an interface).
MARTIANS = ("255.255.255.255/32", "224.0.0.0/4", "240.0.0.0/4", "127.0.0.0/8", "0.0.0.0/8")

# Where a route sends packets: (out interface, next hop or RUNTIME_GW or None, route).
Egress = tuple[str, int | None, Route]


class Routing:
    """The engine's routing (a part of :class:`~netaudit.reach.engine.Engine`)."""

    # Set and defined by the engine.
    hs: HeaderSpace
    _fib: dict
    _urpf_via: dict
    _cache: dict
    _world: dict[int, bool] | None
    _drop: Callable[..., None]
    _leave: Callable[..., None]

    def fib(self, dev: Device, vrf: str, table: str | None = None):
        """[(region, actions)] for a VRF (or one of its policy-routing tables);
        actions: list of (out_if, next_hop, route) or a str."""
        key = (dev.hostname, vrf) if table is None else (dev.hostname, vrf, table)
        if key in self._fib:
            return self._fib[key]
        hs = self.hs
        # (first address, prefix length) -> [(distance, egress)], and (distance, "drop",
        # route) for a drop route.  Keyed by ints: netaddr's properties and hashing cost
        # more than the BDD work on a big table.
        candidates: dict[tuple[int, int], list[tuple[int, Egress] | tuple[int, str, Route]]] = defaultdict(list)
        for itf in dev.l3_interfaces():
            if table is not None or itf.vrf != vrf or itf.kind == IfKind.NULL:
                continue  # connected routes live in the main table
            for a in itf.addresses:
                cidr = a.cidr
                candidates[(cidr.first, cidr.prefixlen)].append(
                    (
                        0,
                        (
                            itf.name,
                            None,
                            Route(cidr, vrf, None, itf.name, origin="connected", distance=0, source=itf.source),
                        ),
                    )
                )
        use_state = dev.routing_state is not None
        # Routes learned at run time (DHCP/PPPoE) are in the FIB whether or not a routing
        # state file was loaded: the state file names them with their learned gateway.
        routes = [
            r
            for r in dev.routes
            if r.vrf == vrf
            and r.table == table
            and (r.origin == "state" or not use_state or (r.runtime_gateway and not table))
        ]
        for r in routes:
            plen = r.prefix.prefixlen
            pkey = (r.prefix.first, plen)  # the network address, host bits cleared
            if r.drop:
                candidates[pkey].append((r.distance, "drop", r))
                continue
            for act in self._resolve(dev, vrf, r, routes, 0):
                candidates[pkey].append((r.distance, act))

        def region_of(pkey: tuple[int, int]) -> Bdd:
            return hs.masked("dst_ip", pkey[0], (1 << (32 - pkey[1])) - 1)

        # Longest-prefix match as a partition: each prefix owns its addresses minus
        # those of its immediate more-specific prefixes (a trie walk, so every BDD
        # operation stays small).  In address order, a parent before its children.
        prefixes = sorted(candidates)
        children: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        stack: list[tuple[int, tuple[int, int]]] = []  # (last address, prefix) of the open prefixes
        top: list[tuple[int, int]] = []
        for pkey in prefixes:
            last = pkey[0] + (1 << (32 - pkey[1])) - 1
            while stack and last > stack[-1][0]:
                stack.pop()
            (children[stack[-1][1]] if stack else top).append(pkey)
            stack.append((last, pkey))
        regions: dict[tuple[object, ...], Bdd] = {}
        order: list[tuple[tuple[object, ...], tuple[str, Route] | list[Egress]]] = []
        default_region = hs.false
        for pkey in prefixes:
            cands = candidates[pkey]
            best = min(c[0] for c in cands)
            acts: list[Egress] = []
            drop_route = None
            for c in cands:
                if c[0] != best:
                    continue
                if len(c) == 3:  # (distance, "drop", route)
                    drop_route = c[2]
                    break
                acts.append(c[1])
            region = region_of(pkey)
            for child in children.get(pkey, ()):
                region &= ~region_of(child)
            if region == hs.false:
                continue
            akey: tuple[object, ...]
            value: tuple[str, Route] | list[Egress]
            if drop_route is not None:
                akey, value = ("drop",), ("drop", drop_route)
            else:
                # Regions merge by egress, and by what the engine reads of the route: a
                # connected route and a static one out of the same interface (its witness
                # cites its own line), a partial route and a sure one, stay apart.
                akey = tuple(sorted((a[0], a[1] or 0, a[2].origin == "connected", a[2].partial or "") for a in acts))
                value = acts
                if not pkey[1]:
                    default_region = region
            if akey not in regions:
                regions[akey] = hs.false
                order.append((akey, value))
            regions[akey] |= region
        covered = hs.false
        for pkey in top:
            covered |= region_of(pkey)
        fib_table: list[tuple[Bdd, tuple[str, Route] | list[Egress] | str]] = [(regions[k], acts) for k, acts in order]
        fib_table.append((~covered, "noroute"))
        # Feasible paths (RFC 3704): per interface, the destinations any route of the table
        # sends out of it — best or not, a more specific route elsewhere notwithstanding —
        # with and without the default route.
        feasible: dict[bool, dict[str, Bdd]] = {True: {}, False: {}}
        for pkey, cands in candidates.items():
            out = {c[1][0] for c in cands if len(c) == 2}
            for name in out:
                for with_default in (True, False) if pkey[1] else (True,):
                    got = feasible[with_default].get(name, hs.false)
                    feasible[with_default][name] = got | region_of(pkey)
        self._urpf_via[key] = (regions, default_region, feasible)
        self._fib[key] = fib_table
        return fib_table

    def urpf_sources(self, dev: Device, itf, mode: str | None = None, table: str | None = None) -> Bdd:
        """Source addresses unicast RPF lets in on ``itf`` (as a src_ip set): the reverse
        lookup in the VRF's main table (or policy-routing ``table``) finds a route — out of
        ``itf`` for ``mode`` "strict" (default: the interface's own mode)."""
        mode = mode or itf.urpf
        key = ("urpf", dev.hostname, itf.name, mode, table)
        got = self._cache.get(key)
        if got is None:
            self.fib(dev, itf.vrf, table)
            fkey = (dev.hostname, itf.vrf) if table is None else (dev.hostname, itf.vrf, table)
            regions, default_region, feasible = self._urpf_via[fkey]
            routed = self.hs.false
            if mode == "feasible":
                routed = feasible[bool(itf.urpf_allow_default)].get(itf.name, self.hs.false)
            else:
                for akey, region in regions.items():
                    if akey == ("drop",):
                        continue
                    if mode == "loose" or any(a[0] == itf.name for a in akey):
                        routed |= region
                if not itf.urpf_allow_default:
                    routed &= ~default_region
            got = self._cache[key] = self.hs.dst_to_src(routed)
        return got

    def urpf_bounds(self, dev: Device, itf) -> tuple[Bdd, Bdd]:
        """(surely passes, may pass): the source addresses unicast RPF certainly lets in on
        ``itf``, and those it may let in.  They differ where the check is not known exactly
        (docs/semantics.md, "Reverse-path filtering"): its mode may be strict or loose
        (``Interface.urpf_unsure``), or the device routes by policy and a rule may meet the
        reverse lookup or not (:meth:`_urpf_through_rules`)."""
        key = ("urpf-bounds", dev.hostname, itf.name)
        got = self._cache.get(key)
        if got is not None:
            return got
        sure_mode = itf.urpf
        # Unsure between the best route and any route back through the interface (FortiOS
        # src-check): at most what a feasible path passes — any route of the table out of
        # the interface — while the table is known; routes learned by a routing protocol
        # the snapshot does not hold could add any: then at most what loose passes.
        unknown_routes = (
            dev.dynamic_routing or dev.unread_routes or dev.conditional_routes
        ) and dev.routing_state is None
        maybe_mode = ("loose" if unknown_routes else "feasible") if itf.urpf_unsure else itf.urpf
        if not dev.policy_routes:
            sure = self.urpf_sources(dev, itf, sure_mode)
            maybe = self.urpf_sources(dev, itf, maybe_mode)
        else:
            sure, maybe = self._urpf_through_rules(dev, itf, sure_mode, maybe_mode)
        got = self._cache[key] = (sure, maybe)
        return got

    def _urpf_through_rules(self, dev: Device, itf, sure_mode: str | None, maybe_mode: str | None) -> tuple[Bdd, Bdd]:
        """(surely passes, may pass) when the device routes by policy: Linux looks the
        source up through its rules, in order, with the packet reversed (source and
        destination swapped, ``HeaderSpace.reversed``).  Each packet's possible outcomes
        are collected rule by rule: a rule that may meet its reverse lookup adds its
        table's answer (or a drop, or either when the model does not follow it); one
        that surely meets it — its selectors exact for the reverse lookup
        (``PolicyRoute.reverse_exact``), no interface (the reverse lookup's in-interface is
        the forward route's out-interface, not known here), nothing partial — and whose
        table has a route for the source decides it: the rules after it, and the main
        table, are no outcome of it.  A packet passes surely when no outcome fails it, and
        may pass when one passes it."""
        hs = self.hs
        main_sure = self.urpf_sources(dev, itf, sure_mode)
        main_may = self.urpf_sources(dev, itf, maybe_mode)
        may_pass, may_fail = hs.false, hs.false
        undecided = hs.true  # packets whose reverse lookup may reach the next rule
        for p in dev.policy_routes:
            meets = hs.reversed(hs.matches(p.matches)) & undecided
            if meets == hs.false:
                continue
            exact = (
                p.reverse_exact
                and not p.partial
                and not p.open_match
                and all(m.in_ifaces is None and m.out_ifaces is None for m in p.matches)
            )
            decided = meets if exact else hs.false
            if p.partial or p.action == "elsewhere" or (p.action == "table" and not p.table):
                may_pass |= meets  # what the rule does is not followed: either answer
                may_fail |= meets
            elif p.action == "drop":
                may_fail |= meets
            elif p.action == "main":
                may_pass |= meets & main_may
                may_fail |= meets & ~main_sure
                decided &= hs.dst_to_src(self._routed(dev, itf.vrf, None))
            else:  # table: it answers where it has a route for the source
                has = hs.dst_to_src(self._routed(dev, itf.vrf, p.table))
                answered = meets if not p.fallback else meets & has
                may_pass |= answered & self.urpf_sources(dev, itf, maybe_mode, p.table)
                may_fail |= answered & ~self.urpf_sources(dev, itf, sure_mode, p.table)
                if p.fallback:
                    decided &= has
            undecided &= ~decided
        may_pass |= undecided & main_may
        may_fail |= undecided & ~main_sure
        return ~may_fail, may_pass

    def _routed(self, dev: Device, vrf: str, table: str | None) -> Bdd:
        """The destinations ``table`` (None: the main one) has a route for."""
        self.fib(dev, vrf, table)
        regions, _, _ = self._urpf_via[(dev.hostname, vrf) if table is None else (dev.hostname, vrf, table)]
        out = self.hs.false
        for region in regions.values():
            out |= region
        return out

    def _resolve(self, dev: Device, vrf: str, r: Route, routes: list[Route], depth: int) -> list[Egress]:
        """Egress (interface, next hop, route) choices for a route; [] if unresolvable."""
        if r.interface:
            itf = dev.interfaces.get(r.interface)
            if itf is None or itf.shutdown:
                return []
            if itf.kind == IfKind.NULL:
                return []
            return [(r.interface, RUNTIME_GW if r.runtime_gateway else r.next_hop, r)]
        if r.next_hop is None or depth > 4:
            return []
        out_if = self._connected_interface(dev, vrf, r.next_hop)
        if out_if is not None:
            return [(out_if, r.next_hop, r)]
        # An interface addressed at run time (DHCP, PPPoE) may get an address whose
        # subnet holds the next hop: the route may go out there, a route of unknown use
        # (as the trace judges it per candidate address), never "no route".
        maybe: list[Egress] = [
            (
                itf.name,
                r.next_hop,
                replace(
                    r,
                    partial=f"next hop {IPAddress(r.next_hop)} is on {itf.name}'s subnet only if the address "
                    "it receives at run time makes it so",
                ),
            )
            for itf in dev.interfaces.values()
            if itf.dynamic_address and not itf.addresses and itf.vrf == vrf and not itf.shutdown
        ]
        # Recursive: the longest other route covering the next hop.
        best = None
        for other in routes:
            if (
                other is not r
                and not other.drop
                and other.prefix.first <= r.next_hop <= other.prefix.last
                and (best is None or other.prefix.prefixlen > best.prefix.prefixlen)
            ):
                best = other
        if best is None:
            return maybe
        return maybe + [(o, nh, r) for o, nh, _ in self._resolve(dev, vrf, best, routes, depth + 1)]

    def _connected_interface(self, dev: Device, vrf: str, addr: int) -> str | None:
        """The first L3 interface of ``dev`` in ``vrf`` (in config order) whose subnet
        holds ``addr``: where a next hop is reached directly."""
        key = ("connected", dev.hostname, vrf)
        index = self._cache.get(key)
        if index is None:
            # (first, last, order, name) by first address, and the highest last so far.
            spans = sorted(
                (a.first, a.last, order, itf.name)
                for order, itf in enumerate(i for i in dev.l3_interfaces() if i.vrf == vrf)
                for a in itf.addresses
            )
            index = self._cache[key] = (
                [sp[0] for sp in spans],
                list(accumulate((sp[1] for sp in spans), max)),
                spans,
            )
        firsts, reach, spans = index
        best: tuple[int, str] | None = None
        i = bisect_right(firsts, addr) - 1
        while i >= 0 and reach[i] >= addr:  # going back while a span may still hold addr
            _, last, order, name = spans[i]
            if last >= addr and (best is None or order < best[0]):
                best = (order, name)
            i -= 1
        return best[1] if best else None

    def _policy_routing(self, run, dev: Device, ifn, P, certain, reason, path):
        """Split ``P`` by the device's policy-routing rules (first match):
        [(set, table, fallback, certain, reason, path)]; dropped packets are recorded.

        A partially understood rule may or may not match: its packets are routed both
        ways, as uncertain packets."""
        hs = self.hs
        if not dev.policy_routes:
            return [(P, None, False, certain, reason, path)]
        out: list[tuple[Bdd, str | None, bool, bool, str | None, Path | Merge | None]] = []
        rest = P
        for pr in dev.policy_routes:
            ms = [m for m in pr.matches if m.in_ifaces is None or ifn in m.in_ifaces]
            if not ms:
                continue
            hit = rest & hs.matches(ms)
            if hit == hs.false:
                continue
            c, r = certain, reason
            case = self._world.get(id(pr)) if self._world is not None and pr.open_match else None
            if case is False:
                continue  # followed as not matching: the later rules decide (run_zone)
            if pr.partial and case is None:
                if pr.open_match:
                    run.open_choices.setdefault(id(pr), pr)
                c, r = (
                    False,
                    reason
                    or Text(
                        "reason.policy_route_partial",
                        device=dev.hostname,
                        rule=pr.source.text if pr.source else pr.name,
                        detail=pr.partial,
                    ),
                )
                # … or the rule does not match: the main lookup, as uncertain packets
                # (later rules are not consulted for them: uncertain either way).
                out.append((hit, None, False, c, r, path))
            rest &= ~hit
            p = extend(path, Step("pbr", dev.hostname, ifn, None, policy_route=pr))
            if pr.action == "drop":
                self._drop(
                    run, dev.hostname, Text("drop.policy_route", rule=pr.source.text if pr.source else pr.name), hit
                )
            elif pr.action == "elsewhere":
                # Sent where the model does not follow (an IOS route-map's next hop): they
                # may reach any zone owning their destination.
                self._leave(run, hit, r or Text("reason.policy_route_elsewhere", device=dev.hostname, rule=pr.name))
            elif pr.action == "table" and pr.table:
                out.append((hit, pr.table, pr.fallback, c, r, p))
            else:
                out.append((hit, None, False, c, r, p))
            if rest == hs.false:
                break
        if rest != hs.false:
            out.append((rest, None, False, certain, reason, path))
        return out
