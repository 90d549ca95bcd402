"""Firewall chains flattened: ``jump`` inlined, ``return`` as a guard.

The target chain's rules are conjoined with the jump's conditions; ``return`` removes
its packets from the rest of the inlined chain (conjunction with its negation, exact
with :mod:`netaudit.parsers.packet_sets`); loops and runaway nesting are reported as problems (the filter
becomes partial).  The result is each rule's terminal action on the packets that
reach it, in order — what the filter, NAT and mangle conversions consume.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar, overload

from netaudit.model import FilterLine, Src
from netaudit.parsers.base import join_reasons
from netaudit.parsers.packet_sets import ANY, Cond, intersect_all, negate_union

from .conditions import NOT_PLAIN, Plain, rule_conds, sure_conds
from .reasons import GUARD_TOO_BIG, JUMP_NO_TARGET, NAT_STATE_APPROXIMATED, action_not_understood, reason
from .records import ChainIndex, FwRule
from .state import State

# The actions RouterOS has in each table (help.mikrotik.com, "Filter", "NAT", "Mangle",
# "Raw"): any other value (a hand-edited export, a newer release) is not understood.
_ADDRESS_LIST = {"add-dst-to-address-list", "add-src-to-address-list", "jump", "log", "passthrough", "return"}
KNOWN_ACTIONS = {
    "filter": frozenset({*_ADDRESS_LIST, "accept", "drop", "reject", "tarpit", "fasttrack-connection"}),
    "raw": frozenset({*_ADDRESS_LIST, "accept", "drop", "notrack"}),
    "nat": frozenset(
        {
            *_ADDRESS_LIST,
            "accept",
            "dst-nat",
            "src-nat",
            "masquerade",
            "redirect",
            "netmap",
            "same",
            "endpoint-independent-nat",
        }
    ),
    "mangle": frozenset(
        {
            *_ADDRESS_LIST,
            "accept",
            "change-dscp",
            "change-mss",
            "change-ttl",
            "clear-df",
            "fasttrack-connection",
            "mark-connection",
            "mark-packet",
            "mark-routing",
            "route",
            "set-priority",
            "sniff-pc",
            "sniff-tzsp",
            "strip-ipv4-options",
        }
    ),
}
# The actions of the rules flatten's ``direct`` reads: a permit or a deny of the rule's
# own packets (firewall.plain_line).
DIRECT_ACTIONS = frozenset({"accept", "drop", "reject", "tarpit"})
# How many chains deep jumps are followed (a deeper one: a problem, the filter partial).
MAX_DEPTH = 16


@dataclass(slots=True)  # (one per rule flattened: no __dict__ each)
class FlatRule:
    """One flattened rule: its terminal action on ``conds`` (a union).  ``sure_part_of``:
    these are the packets a rule in doubt surely matches (:func:`flat_rules`), and why the
    rest of its packets are in doubt — a line made of them is no proof that the rule never
    matches (``FilterLine.approximated``)."""

    action: str
    conds: list[Cond]
    rule: FwRule
    reasons: list[str]
    sure_part_of: str | None = None


def flat_rules(st: State, action: str, conds: list[Cond], rule: FwRule, reasons: list[str]) -> list[FlatRule]:
    """A rule's terminal ``action`` on ``conds`` as flattened rules: itself, and before it,
    where its only doubt is an interface list whose members may change at run time, the
    packets it surely matches as a rule of their own without doubt
    (:func:`.conditions.sure_conds`).  The two match the same packets as the rule, the
    first taking those it decides surely: a drop on WAN, a list Detect Internet may add
    interfaces to, still surely drops what comes in on WAN's members."""
    flat = FlatRule(action, conds, rule, reasons)
    if reasons:
        sure = sure_conds(st, rule, conds, reasons)
        if sure:
            why = join_reasons(list(dict.fromkeys(reasons)))
            return [FlatRule(action, sure, rule, [], sure_part_of=why), flat]
    return [flat]


def chains_of(st: State, table: str) -> dict[str, list[FwRule]]:
    """The table's enabled rules by chain, in order (:func:`rule_index`)."""
    return rule_index(st, table).by_chain


def rule_index(st: State, table: str) -> ChainIndex:
    """The table's :class:`.records.ChainIndex`: the one ``ip_menus.add_rule`` kept as the
    rules were read, or — when rules were placed otherwise since (``hotspot._prepend``
    puts the HotSpot's dynamic rules first) — one built anew from the table's rules."""
    rules = st.rules[table]
    got = st.chains[table]
    if got.count != len(rules):
        got = st.chains[table] = ChainIndex()
        for r in rules:
            got.add(r)
    return got


_T = TypeVar("_T")
# firewall.plain_line: a rule every packet reaches, read into its line (nat.plain_nat:
# into its NatRule, image and bound)
Direct = Callable[[FwRule], _T | Plain | None]
# firewall.guarded_line: a rule of a chain reached through a guard on interfaces only
Guarded = Callable[[FwRule, Cond], FilterLine | Plain | None]
# A guard Cond's fields before the interfaces, when it constrains nothing but them.
_NO_HEADER = (None,) * 8


@overload
def flatten(
    st: State,
    table: str,
    chain: str,
    terminal: frozenset,
    top_return: str | None,
    problems: list[tuple[str, Src | None]],
) -> list[FlatRule]: ...
@overload
def flatten(
    st: State,
    table: str,
    chain: str,
    terminal: frozenset,
    top_return: str | None,
    problems: list[tuple[str, Src | None]],
    direct: Direct[_T] | None,
    guarded: Guarded | None = None,
    direct_actions: frozenset = DIRECT_ACTIONS,
) -> list[FlatRule | _T]: ...
def flatten(
    st: State,
    table: str,
    chain: str,
    terminal: frozenset,
    top_return: str | None,
    problems: list[tuple[str, Src | None]],
    direct: Direct | None = None,
    guarded: Guarded | None = None,
    direct_actions: frozenset = DIRECT_ACTIONS,
) -> list:
    """Rules of ``chain`` with jumps inlined, as terminal actions on condition sets.

    ``top_return`` is the action of a ``return`` from ``chain`` itself (the built-in
    chain's default), None where it has none.  ``direct`` (the filter's
    :func:`.firewall.plain_line`) reads a rule of ``chain`` itself that every packet
    reaches and whose action is one of ``direct_actions`` (:data:`DIRECT_ACTIONS`)
    straight into its line: the list then holds that line (a ``FilterLine``) in the
    rule's place, none for a rule that matches no packet; a rule it returns
    :data:`.conditions.NOT_PLAIN` for is flattened as any other (NAT's
    :func:`.nat.plain_nat` reads ``dst-nat`` rules so, into their NatRules).
    ``guarded`` (the filter's :func:`.firewall.guarded_line`) does the same for a rule
    of a chain reached through a guard that is one condition on the interfaces alone
    (``jump`` with ``in-interface=…``, most jumps), given that condition, unless the
    rule's conditions were already read."""
    by_chain = chains_of(st, table)
    cache = st.cond_cache
    known = KNOWN_ACTIONS.get(table)
    out: list = []  # FlatRules, and what ``direct`` and ``guarded`` read in a rule's place

    def conds_of(rule: FwRule):
        key = (table, rule.index)
        got = cache.get(key)
        if got is None:
            got = cache[key] = rule_conds(st, rule, table)
        return got

    # ``walk`` recurses through its first argument, not by its own name: a closure that
    # names itself is a reference cycle, which keeps everything it reads (the parse's whole
    # state: the text, every rule) alive until the cyclic collector runs, and parses and
    # audits run with it paused (netaudit/collector.py).
    def walk(walk, name: str, guard: list[Cond], stack: tuple[str, ...], inherited: list[str]):
        guard_reasons = list(inherited)
        unguarded = guard == [ANY]  # every packet: a rule keeps its own conditions
        read = direct if len(stack) == 1 else None  # (a chain jumped into: its conditions kept)
        on_ifaces = _on_ifaces(guard, unguarded and len(stack) == 1) if guarded is not None else None
        for rule in by_chain.get(name, ()):
            if rule.action in direct_actions and not guard_reasons:
                if read is not None and unguarded:
                    line = read(rule)
                elif on_ifaces is not None and (table, rule.index) not in cache:
                    line = guarded(rule, on_ifaces)  # type: ignore[misc]  # (on_ifaces: guarded given)
                else:
                    line = NOT_PLAIN
                if line is not NOT_PLAIN:
                    if line is not None:
                        out.append(line)
                    continue
            rc, reasons, approx = conds_of(rule)
            eff = list(rc) if unguarded else intersect_all(guard, rc)
            if not eff:
                if rule.action == "jump" and rule.get("jump-target"):
                    tgt = rule.get("jump-target", "")
                    st.refs.append(("chain", tgt, rule.src, tgt in by_chain or tgt in ("input", "forward", "output")))
                continue
            all_reasons = guard_reasons + reasons
            action = rule.action
            if known is not None and action not in known:
                why = action_not_understood(f"'{action}'")
                if "unknown" in terminal:  # it may accept or drop what it matches
                    out.append(FlatRule("unknown", eff, rule, [*all_reasons, why]))
                else:
                    problems.append((why, rule.src))
                continue
            if approx is not None:
                favourable = (approx == "dstnat+" and action in ("accept",)) or (
                    approx == "dstnat-" and action in ("drop", "reject", "tarpit")
                )
                if not favourable and action not in ("passthrough", "log"):
                    all_reasons.append(NAT_STATE_APPROXIMATED)
            if action == "jump":
                tgt = rule.get("jump-target", "")
                if not tgt:
                    problems.append((JUMP_NO_TARGET, rule.src))
                    continue
                defined = tgt in by_chain
                st.refs.append(("chain", tgt, rule.src, defined or tgt in ("input", "forward", "output")))
                if tgt in stack:
                    problems.append((reason("input.routeros.jump_loop", chain=tgt), rule.src))
                    continue
                if len(stack) > MAX_DEPTH:
                    problems.append((reason("input.routeros.jump_too_deep", depth=MAX_DEPTH), rule.src))
                    continue
                walk(walk, tgt, eff, (*stack, tgt), all_reasons)
                continue
            if action == "return":
                if len(stack) == 1 and top_return is not None:
                    out.extend(flat_rules(st, top_return, eff, rule, all_reasons))
                if reasons:
                    guard_reasons.append(reason("input.routeros.after_partial_return", line=rule.src.line))
                    continue
                guard = (
                    negate_union(rc, st.universe)
                    if guard == [ANY]
                    else intersect_all(guard, negate_union(rc, st.universe))
                )
                if len(guard) > 256:
                    problems.append((GUARD_TOO_BIG, rule.src))
                    return
                if not guard:
                    return
                unguarded = guard == [ANY]
                if guarded is not None:
                    on_ifaces = _on_ifaces(guard, unguarded and len(stack) == 1)
                continue
            if action not in terminal:
                continue  # passthrough, log, add-*-to-address-list …
            out.extend(flat_rules(st, action, eff, rule, all_reasons))

    walk(walk, chain, [ANY], (chain,), [])
    return out


def _on_ifaces(guard: list[Cond], top: bool) -> Cond | None:
    """The guard of a chain's rules as the one condition :data:`Guarded` applies to a
    rule's Match, when it is one on the interfaces alone; None otherwise, and for the top
    chain's unguarded rules (``direct`` reads those)."""
    if top or len(guard) != 1 or guard[0][:8] != _NO_HEADER:
        return None
    return guard[0]
