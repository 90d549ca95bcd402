"""RouterOS policy routing → one ordered :class:`~netaudit.model.PolicyRoute` list.

RouterOS decides which routing table a forwarded packet uses from two sources:

* **mangle marks** — ``/ip firewall mangle`` rules in ``prerouting`` with
  ``action=mark-routing new-routing-mark=X`` (``output`` marks only the router's own
  traffic and never matters for forwarding; a ``mark-routing`` in ``forward`` /
  ``postrouting`` / ``input`` comes after the routing decision).  Mangle rules run in
  order; ``passthrough=yes`` (the default) lets later rules see the packet, so the
  *last* matching ``mark-routing`` wins, and any rule with ``passthrough=no`` (and
  ``accept``, ``drop``, ``return`` from the built-in chain) ends the chain for its
  packets.  ``action=route route-dst=G`` forces gateway G and skips the routing
  decision altogether.
* **routing rules** — ``/routing rule`` (v7) and ``/ip route rule`` (v6), evaluated in
  order, matching ``src-address``, ``dst-address``, ``interface`` (incoming) and
  ``routing-mark``, with ``action=lookup`` (look the destination up in ``table``; when
  it has no route the search goes on with the next rule, and finally the main
  table), ``lookup-only-in-table`` (no route there = unreachable), ``drop`` and
  ``unreachable``.  A packet marked X that no rule decides is looked up in table X
  and, without a route there, in the main table.

Everything is turned into header conditions, so the list the engine reads is
first-match over plain packet headers, without a mark:

* the mangle outcome becomes a first-match list of *blocks* (:func:`mark_blocks`):
  for each rule that ends the chain (in order, then "no such rule"), the packets it
  ends intersected with each marking rule before it, from the last one back, then the
  packets it ends unmarked — intersections only (exact, with :mod:`netaudit.parsers.packet_sets`),
  never a complement that could grow;
* within each block (so with the mark its packets really carry), the routing rules
  that apply to that mark, in order: a forced gateway (``action=route``) skips them;
  ``action=lookup`` is restricted to the destinations its table has a route for, so
  the rest continues to the later rules exactly as RouterOS continues;
* then the block's own decision: its mark's table with fallback to main, or the main
  table (unmarked packets outside every block: the engine's normal lookup).

What is not certain is marked ``partial`` on the entry concerned only: a mangle or
routing rule with an unmodelled matcher (``connection-mark``, ``packet-mark``, PCC,
run-time address lists …) makes uncertain exactly the packets whose mark it may
set; packets arriving in a VRF other than the main one (how RouterOS applies rules
and marks there is not modelled); mangle conditions on the destination when
destination NAT exists (mangle ``prerouting`` sees the header *before* DNAT, the
routing rules after it); and, on RouterOS v7 (or without a version header), packets
that are both marked X and matched by an earlier routing rule sending them
elsewhere: v7 may resolve routing marks in their table before ``/routing rule``
(third-party documentation says "mangle marks have higher priority than routing
rules"; the order of the built-in routing decisions is not documented precisely).
"""

from __future__ import annotations

from dataclasses import dataclass

from netaddr import IPNetwork

from netaudit.model import PolicyRoute, Route, Src
from netaudit.parsers.base import join_reasons
from netaudit.parsers.ip import int_to_ip, ip_to_int
from netaudit.parsers.packet_sets import (
    ADDR_MAX,
    ANY,
    Cond,
    cond,
    intersect,
    intersect_all,
    norm,
    r_not,
    to_matches,
)

from .conditions import addr_field, iface_field
from .flatten import flatten
from .reasons import (
    DYNAMIC_ROUTING_ROUTES,
    MANGLE_BEFORE_DNAT,
    MANGLE_DROP,
    MANGLE_OUT_INTERFACE,
    MARK_ROUTING_NO_MARK,
    VRF_POLICY_ROUTING,
    property_not_modelled,
    reason,
)
from .state import State
from .syntax import unquote

# Mangle actions: the ones that change what routing does, and the marking actions
# whose ``passthrough=no`` ends the chain for their packets.
_ROUTING_ACTIONS = frozenset({"mark-routing", "route"})
_PASSTHROUGH_ACTIONS = frozenset(
    {
        "mark-routing",
        "route",
        "mark-connection",
        "mark-packet",
        "change-dscp",
        "change-mss",
        "change-ttl",
        "clear-df",
        "set-priority",
        "strip-ipv4-options",
        "sniff-tzsp",
        "sniff-pc",
        "add-src-to-address-list",
        "add-dst-to-address-list",
    }
)
_STOP_ACTIONS = frozenset({"accept", "drop"})
_MANGLE_TERMINAL = _PASSTHROUGH_ACTIONS | _STOP_ACTIONS | {"log", "passthrough", "fasttrack-connection"}
# Routing-rule properties with no effect on which packets match.
_RULE_META = frozenset(
    {"comment", "disabled", "place-before", "action", "table", "copy-from", "dynamic", "invalid", "inactive"}
)
MAIN = "main"


def _route_dst(s: str) -> int | None:
    """The gateway of ``action=route route-dst=G`` as an int (None when it is not an
    address).  As RouterOS values were always read here: surrounding blanks and octets
    with leading zeros (any number of digits) allowed."""
    parts = s.strip().split(".")
    if len(parts) != 4 or not all(x.isdecimal() and int(x) <= 255 for x in parts):
        return None
    return ip_to_int(".".join(str(int(x)) for x in parts))


def _flag(v: str | None, default: bool) -> bool:
    if v is None:
        return default
    return unquote(v).lower() in ("yes", "true", "on")


@dataclass
class _Block:
    """One entry of the mangle chain's outcome as a first-match list: the packets in
    ``conds`` (not taken by an earlier block) leave ``prerouting`` with routing mark
    ``mark`` (None = none) or forced gateway ``forced``; ``reasons`` say why that is
    uncertain; ``src`` is the line that decided it; ``last`` marks the final block
    (every packet no stop rule ended, unmarked); ``hard``: some reason is about more than
    whether the rules match (PolicyRoute.open_match)."""

    conds: list[Cond]
    mark: str | None
    forced: int | None
    reasons: tuple[str, ...]
    src: Src | None
    last: bool = False
    hard: bool = False


@dataclass
class _Rule:
    conds: list[Cond]
    mark: str | None
    action: str  # lookup | lookup-only-in-table | drop | unreachable
    table: str
    reasons: list[str]
    src: Src
    # min-prefix of a lookup: routes of this prefix length or shorter are hidden from it
    min_prefix: int | None = None


@dataclass
class _Entry:
    conds: list[Cond]
    action: str  # table | main | drop
    table: str | None
    fallback: bool
    partial: str | None
    src: Src | None
    name: str
    open_match: bool = False  # partial only in whether its packets match (PolicyRoute.open_match)


# =========================================================================== mangle


@dataclass
class _Step:
    """A flattened mangle ``prerouting`` rule that marks, forces a gateway or stops."""

    conds: list[Cond]
    mark: str | None
    forced: int | None
    stops: bool
    reasons: tuple[str, ...]
    src: Src
    hard: bool  # a reason beyond the matchers' (a drop, a mark not read …)


def mark_blocks(p: State) -> tuple[list[_Block], list[Cond], list[Cond]]:
    """The routing state the mangle ``prerouting`` chain leaves packets in, as a
    first-match list of blocks; where it depends on the destination address or port
    (which DNAT rewrites after mangle): the other fields of the rules that look at them
    (a packet outside those meets each such rule the same way before and after DNAT);
    and the other fields of the rules that mark, route or drop (a packet outside those
    leaves the chain unmarked however the rules on the destination met it).  Empty
    when nothing marks routing.

    A packet's state is set by the *last* marking rule before the *first* rule that
    ends the chain for it (``passthrough=no``, ``accept``, ``drop``).  So, for each
    stop rule S in order (then "no stop"), the blocks are: S ∧ each marking rule
    before it (from the last one back), then S alone (unmarked).  Only intersections:
    exact, and no complement to grow."""
    if not any(not r.disabled and r.action in _ROUTING_ACTIONS and r.chain != "output" for r in p.rules["mangle"]):
        return [], [], []
    problems: list = []
    flat = flatten(p, "mangle", "prerouting", _MANGLE_TERMINAL, None, problems)
    steps: list[_Step] = []
    dst_scope: list[Cond] = []
    mark_scope: list[Cond] = []
    for fl in flat:
        act, rule = fl.action, fl.rule
        passthrough = _flag(rule.get("passthrough"), True)
        stops = act in _STOP_ACTIONS or (act in _PASSTHROUGH_ACTIONS and not passthrough)
        if act not in _ROUTING_ACTIONS and not stops:
            continue
        reasons = list(dict.fromkeys(fl.reasons))
        matcher_reasons = len(reasons)  # flatten's: matchers not modelled, whether the rule matches
        if act == "drop":
            reasons.append(MANGLE_DROP)
        conds = fl.conds
        if any(c.outif is not None for c in conds):
            reasons.append(MANGLE_OUT_INTERFACE)
            conds = [c._replace(outif=None) for c in conds]
        mark = forced = None
        if act == "mark-routing":
            mark = rule.get("new-routing-mark")
            if not mark:
                reasons.append(MARK_ROUTING_NO_MARK)
        elif act == "route":
            gw = rule.get("route-dst")
            forced = _route_dst(gw) if gw else None
            if forced is None:
                reasons.append(reason("input.routeros.route_dst_not_understood", gateway=repr(gw)))
        dst_scope.extend(c._replace(dst=None, dport=None) for c in conds if c.dst is not None or c.dport is not None)
        if act in _ROUTING_ACTIONS or act == "drop":
            mark_scope.extend(c._replace(dst=None, dport=None) for c in conds)
        steps.append(_Step(conds, mark, forced, stops, tuple(reasons), fl.rule.src, len(reasons) > matcher_reasons))
    extra = tuple(dict.fromkeys(reason("input.routeros.mangle_problem", why=msg) for msg, _ in problems))
    blocks: list[_Block] = []
    stop_steps = [(i, s) for i, s in enumerate(steps) if s.stops] + [(len(steps), None)]
    for k, stop in stop_steps:
        s_conds = stop.conds if stop is not None else [ANY]
        s_why = (stop.reasons if stop is not None else ()) + extra
        s_hard = bool(extra) or (stop is not None and stop.hard)
        upto = steps[: k + 1] if stop is not None else steps
        # a forced gateway bypasses routing whatever the mark; then the last mark wins
        # (an earlier stop that sets a mark already took all its packets)
        setters = [x for x in reversed(upto) if x is stop or not x.stops]
        for setter in [x for x in setters if x.forced is not None] + [
            x for x in setters if x.mark is not None and x.forced is None
        ]:
            conds = s_conds if setter is stop else intersect_all(s_conds, setter.conds)
            if conds:
                why = tuple(dict.fromkeys(s_why + setter.reasons))
                blocks.append(_Block(conds, setter.mark, setter.forced, why, setter.src, hard=s_hard or setter.hard))
        if stop is None or (stop.mark is None and stop.forced is None):
            blocks.append(
                _Block(s_conds, None, None, s_why, stop.src if stop is not None else None, stop is None, s_hard)
            )
    if problems:  # a chain not understood: any packet may be marked
        mark_scope = [ANY]
    return blocks, dst_scope, mark_scope


# =========================================================================== rules


def parse_rules(p: State) -> list[_Rule]:
    """``/routing rule`` and ``/ip route rule`` lines as header conditions (IPv6 rules,
    which never see an IPv4 packet, are left out)."""
    out: list[_Rule] = []
    for cmd, src in p.routing_rules:
        reasons: list[str] = []
        kw: dict = {}
        skip = False
        min_prefix = None
        for key, raw in cmd.props.items():
            v = unquote(raw)
            if key in _RULE_META or v == "":
                continue
            if key in ("src-address", "dst-address"):
                if ":" in v:
                    skip = True  # an IPv6 rule
                    break
                rs = addr_field(p, v, key, reasons)
                if rs is not None:
                    kw[key[:3]] = rs
            elif key == "interface":
                s = iface_field(p, v, False, src, reasons)
                if s is not None:
                    kw["inif"] = s
            elif key == "routing-mark" or (key == "chain" and v == "user"):
                continue
            elif key == "min-prefix":
                # "Routes from the routing table with specified prefix length is hidden
                # … Equivalent to Linux IP rule suppress_prefixlength" (help.mikrotik.com
                # "routing rule"): a lookup's answer of that length or shorter is
                # rejected and the rules go on — exact for action=lookup (below)
                if v.isdecimal() and (cmd.get("action") or "lookup") == "lookup":
                    min_prefix = int(v)
                else:
                    reasons.append(reason("input.routeros.rule_min_prefix", value=v))
            elif key == "chain":
                reasons.append(reason("input.routeros.rule_chain", value=v))
            else:
                reasons.append(property_not_modelled(key, v))
        if skip:
            continue
        mark = cmd.get("routing-mark") or None
        action = cmd.get("action") or "lookup"
        table = cmd.get("table") or cmd.get("routing-table") or MAIN
        if action not in ("lookup", "lookup-only-in-table", "drop", "unreachable"):
            reasons.append(property_not_modelled("action", action))
            action = "lookup"
        c = cond(**kw)
        out.append(_Rule([c] if c is not None else [], mark, action, table, reasons, src, min_prefix))
    return out


# =========================================================================== tables


def covered(p: State, table: str, min_prefix: int = -1) -> tuple[tuple, str | None]:
    """Destinations ``table`` has a route for (ranges) longer than ``min_prefix`` (a
    routing rule's ``min-prefix``: the longest match is longer exactly where such a
    route covers the destination), and why that may be incomplete."""
    dev = p.dev
    rs: list[tuple[int, int]] = []
    why = None
    if table == MAIN:
        for itf in dev.interfaces.values():
            if itf.vrf != "default" or itf.shutdown:
                continue
            rs.extend((a.first, a.last) for a in (n.cidr for n in itf.addresses) if a.prefixlen > min_prefix)
            if itf.dynamic_address:
                why = reason("input.routeros.connected_runtime", iface=itf.name)
        rs.extend(
            (r.prefix.first, r.prefix.last)
            for r in dev.routes
            if r.vrf == "default" and r.table is None and r.prefix.prefixlen > min_prefix
        )
    else:
        rs.extend(
            (r.prefix.first, r.prefix.last)
            for r in dev.routes
            if r.vrf == "default" and r.table == table and r.prefix.prefixlen > min_prefix
        )
    if dev.dynamic_routing:
        why = why or DYNAMIC_ROUTING_ROUTES
    out = norm(rs)
    if out == ((0, ADDR_MAX),):
        why = None
    return out, why


def _dst(ranges) -> list[Cond]:
    return [Cond(dst=ranges)] if ranges else []


def _restrict(conds: list[Cond], ranges) -> list[Cond]:
    if ranges == ((0, ADDR_MAX),):
        return list(conds)
    return intersect_all(conds, _dst(ranges)) if ranges else []


# =========================================================================== compose


def compose(p: State) -> list[PolicyRoute]:
    """The device's ordered policy routes (see the module docstring).

    For each block of the mangle outcome (or the whole header space when nothing
    marks): the routing rules that apply to its mark, in order, restricted to the
    block; then the block's own decision (its mark's table with fallback, the forced
    gateway, or the main table).  The blocks are first-match, so every packet meets
    the rules with the mark it really carries."""
    blocks, dst_scope, mark_scope = mark_blocks(p)
    rules = parse_rules(p)
    if not blocks and not rules:
        return []
    if not blocks:
        blocks = [_Block([ANY], None, None, (), None, True)]
    v6 = p.major == 6
    cov: dict[tuple[str, int], tuple] = {}

    def coverage(table: str, min_prefix: int | None = None):
        key = (table, -1 if min_prefix is None else min_prefix)
        got = cov.get(key)
        if got is None:
            got = cov[key] = covered(p, *key)
        return got

    entries: list[_Entry] = []
    marked = [b for b in blocks if b.mark is not None or b.forced is not None]
    # mangle saw these packets before destination NAT rewrote them: in doubt only
    # where a rule looking at the destination may match them (its other fields; a
    # port forward from the WAN never meets marking rules on the LAN's interface)
    region = []
    if marked and dst_scope and (p.dnat_bound or p.dnat_unbounded):
        region = intersect_all([ANY] if p.dnat_unbounded else list(p.dnat_bound), dst_scope)
        # met only by rules that end the chain unmarked (the LAN bypass 'accept
        # dst-address-list=LAN'): no rule marks them, before DNAT or after
        if region and not intersect_all(region, mark_scope):
            region = []
    if region:
        entries.append(
            _Entry(
                region,
                MAIN,
                None,
                False,
                MANGLE_BEFORE_DNAT,
                marked[0].src,
                "mangle mark-routing",
            )
        )
    for b in blocks:
        if b.forced is not None:  # bypasses the routing decision
            entries.append(_forced_entry(p, b))
            continue
        bwhy = join_reasons(b.reasons) or None
        for r in rules:
            if r.mark is not None and r.mark != b.mark:
                continue
            region = r.conds if b.conds == [ANY] else intersect_all(b.conds, r.conds)
            if region:
                entries.extend(_rule_entries(p, r, region, b, bwhy, coverage, v6))
        if b.last and not bwhy:
            continue  # unmarked: the main table
        name = f"mangle mark-routing {b.mark}" if b.mark else "mangle prerouting"
        if b.mark is None:
            entries.append(_Entry(b.conds, MAIN, None, False, bwhy, b.src, name, bwhy is not None and not b.hard))
            continue
        action, table, fallback, twhy = _table_action(p, b.mark, True)
        # only the mangle rules' matchers are in doubt: the mark, when set, is exact
        open_match = bwhy is not None and not b.hard and twhy is None
        entries.append(_Entry(b.conds, action, table, fallback, bwhy or twhy, b.src, name, open_match))
    return _finish(p, entries)


def _table_action(p: State, table: str, fallback: bool):
    """(action, table, fallback, partial reason) for a lookup in ``table``."""
    if table == MAIN:
        return MAIN, None, False, None
    if table in p.vrfs:
        return "table", table, fallback, reason("input.routeros.vrf_table_lookup", table=table)
    if p.major is not None and p.major >= 7 and table not in p.table_fib:
        if table in p.tables_declared:
            return "table", table, fallback, reason("input.routeros.table_no_fib", table=table)
        return "table", table, fallback, reason("input.routeros.table_undefined", table=table)
    return "table", table, fallback, None


def _rule_entries(p, r: _Rule, region: list[Cond], b: _Block, bwhy: str | None, coverage, v6: bool) -> list[_Entry]:
    """Routing rule ``r`` on the packets of ``region`` (inside mangle block ``b``)."""
    name = "routing rule" + (f" routing-mark={r.mark}" if r.mark else "")
    base_why = join_reasons(list(dict.fromkeys(r.reasons))) or None
    if bwhy and (r.mark is not None or not v6):
        # the mark of these packets is not certain: a rule on the mark may or may not
        # apply (and on v7 the mark's table may decide before any rule)
        why = reason("input.routeros.mark_uncertain", why=bwhy)
        return [_simple(p, r, region, join_reasons((base_why, why)), name)]
    out: list[_Entry] = []
    # v7: routing-marked packets may be resolved in their table before the rules
    if not v6 and b.mark is not None and not (r.action in ("lookup", "lookup-only-in-table") and r.table == b.mark):
        ov = _restrict(region, coverage(b.mark)[0])
        if ov:
            why = reason("input.routeros.v7_mark_order", mark=b.mark)
            out.append(_simple(p, r, ov, join_reasons((base_why, why)), name))
    if r.action in ("drop", "unreachable"):
        out.append(_Entry(region, "drop", None, False, base_why, r.src, name))
        return out
    if r.table != MAIN and r.table in p.vrfs:
        out.append(_simple(p, r, region, _table_action(p, r.table, True)[3], name))
        return out
    if r.action == "lookup-only-in-table":
        action, table, _, twhy = _table_action(p, r.table, False)
        out.append(_Entry(region, action, table, False, base_why or twhy, r.src, name))
        return out
    # lookup: packets without a route in the table continue with the next rules
    action, table, fallback, twhy = _table_action(p, r.table, True)
    ranges, cwhy = coverage(r.table, r.min_prefix)
    inside = _restrict(region, ranges)
    if inside:
        out.append(_Entry(inside, action, table, fallback, base_why or twhy, r.src, name))
    if cwhy:
        tail = intersect_all(region, _dst(r_not(ranges, ADDR_MAX))) if ranges else region
        if tail:
            more = reason("input.routeros.table_more_routes", table=r.table, why=cwhy)
            out.append(_Entry(tail, action, table, fallback, more, r.src, name))
    return out


def _simple(p, r: _Rule, conds: list[Cond], why: str, name: str) -> _Entry:
    """The rule's decision on ``conds`` without splitting it by table coverage (for
    entries that are partial anyway)."""
    if r.action in ("drop", "unreachable"):
        return _Entry(conds, "drop", None, False, why, r.src, name)
    action, table, fallback, _ = _table_action(p, r.table, r.action == "lookup")
    return _Entry(conds, action, table, fallback, why, r.src, name)


def _forced_entry(p: State, pc: _Block) -> _Entry:
    """``action=route route-dst=G``: a one-route table to G, without fallback."""
    assert pc.forced is not None, "the caller passes blocks with a forced gateway"
    gw = int_to_ip(pc.forced)
    table = f"route-dst={gw}"
    why = list(pc.reasons)
    if not any(
        a.first <= pc.forced <= a.last
        for itf in p.dev.interfaces.values()
        if itf.vrf == "default" and not itf.shutdown
        for a in itf.addresses
    ):
        why.append(reason("input.routeros.route_dst_not_connected", gateway=gw))
    if not any(r.table == table for r in p.dev.routes):
        p.dev.routes.append(Route(IPNetwork("0.0.0.0/0"), "default", next_hop=pc.forced, source=pc.src, table=table))
    why_all = join_reasons(list(dict.fromkeys(why))) or None
    return _Entry(pc.conds, "table", table, False, why_all, pc.src, "mangle route")


def _finish(p: State, entries: list[_Entry]) -> list[PolicyRoute]:
    """Entries → PolicyRoutes; packets arriving in a non-main VRF made partial."""
    dflt = frozenset(n for n, i in p.dev.interfaces.items() if i.vrf == "default")
    others = p.universe - dflt
    out: list[PolicyRoute] = []
    for e in entries:
        parts = [(e.conds, e.partial)]
        if others:
            in_dflt = [x for c in e.conds if (x := intersect(c, Cond(inif=dflt))) is not None]
            in_vrf = [x for c in e.conds if (x := intersect(c, Cond(inif=others))) is not None]
            why = VRF_POLICY_ROUTING
            parts = [(in_vrf, join_reasons((e.partial, why))), (in_dflt, e.partial)]
        for conds, partial in parts:
            matches = [m for c in conds for m in to_matches(c)]
            if not matches:
                continue
            open_match = e.open_match and partial == e.partial
            out.append(PolicyRoute(matches, e.action, e.table, e.fallback, e.src, partial, e.name, open_match))
    return out
