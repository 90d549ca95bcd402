"""Netfilter chains flattened: ``jump`` and ``goto`` inlined, ``return`` as a guard.

A jump conjoins its conditions with every rule of the target chain; packets that come
back (fall off the end or ``return``) go on after the jump, which first-match order gives
for free.  A ``return`` removes its packets from the rest of its chain (conjunction with
its negation, exact with :mod:`netaudit.parsers.packet_sets`); a ``goto`` is a jump
whose packets never come back: after the inlined target they are removed from the rest
of the chain too.  A ``return`` in a base chain thus sends its packets to the end, where
the chain's policy applies.  Loops and runaway nesting are problems (the filter becomes
partial).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from netaudit.model import Src, from_values
from netaudit.parsers.packet_sets import ANY, Cond, intersect, intersect_all, negate_union

from .reasons import reason
from .rules import Chain, Rule

MAX_GUARD = 512  # conditions a guard may grow to before the filter is given up as partial
MAX_DEPTH = 16


class Flat(NamedTuple):
    """One flattened rule: its verdict on ``conds`` (a union), with the reasons it is
    not fully understood.  Laid out as a line of the composed filter (:mod:`.netfilter`),
    which one base chain's flattened rules are as they stand.  (A named tuple built by
    ``tuple.__new__`` on the way through a big ruleset: a third of a dataclass's cost.)"""

    action: str
    conds: list[Cond]
    rule: Rule
    reasons: tuple[str, ...]  # (a rule's own when the walk adds none: shared, never changed)


# What a caller may give flatten to make the lines of a guarded chain's rules itself:
# (the chain's rules, the index of the first one to take, the constrained fields of the
# one-condition guard as (index, value) pairs, the guard's reasons, the list to append
# the lines to) → the index of the first rule it did not take, which the walk reads.
LinesMaker = Callable[[list[Rule], int, list[tuple[int, Any]], list[str], list], int]


def flatten(
    chain: Chain,
    chains: dict[tuple[str, str, str], Chain],
    universe: frozenset[str],
    keep: frozenset[str],
    problems: list[tuple[str, Src | None]],
    make_lines: LinesMaker | None = None,
) -> list:
    """The rules of base chain ``chain`` with jumps inlined, as verdicts (those in
    ``keep``) on condition sets, in order: :class:`Flat` s.  ``make_lines``: the rules
    of a chain walked behind a one-condition guard (a user chain reached by one jump)
    are given to it from each rule the walk comes to; the lines it makes of the rules it
    takes — the caller's lines of what would be their Flats: rules of one condition
    constraining none of the guard's fields, with a verdict in ``keep`` other than a
    jump, goto or return — stand in the list instead of the Flats, in the rules' order,
    and the walk goes on from the first rule it did not take.  No Cond, union list, Flat
    and call per rule of a big guarded chain."""
    out: list = []

    def narrow(guard: list[Cond], rule: Rule) -> list[Cond] | None:
        rest = negate_union(rule.conds, universe)
        g = rest if guard == [ANY] else intersect_all(guard, rest)
        if len(g) > MAX_GUARD:
            problems.append((reason("input.linux.partial.guard_too_big"), rule.src))
            return None
        return g

    # ``walk`` recurses through its first argument, not by its own name: a closure that
    # names itself is a reference cycle, which keeps everything it reads (every chain and
    # rule of the dump) alive until the cyclic collector runs, and parses and audits run
    # with it paused (netaudit/collector.py).
    def walk(walk, ch: Chain, guard: list[Cond], stack: tuple[str, ...], inherited: Sequence[str]) -> None:
        guard_reasons = list(inherited)
        every = guard == [ANY]  # (tested again only when the guard changes)
        narrowed = _fields(guard)
        rules = ch.rules
        k, n = 0, len(rules)
        while k < n:
            if make_lines is not None and narrowed is not None and not every:
                k = make_lines(rules, k, narrowed, guard_reasons, out)  # (the guard may change below)
                if k >= n:
                    break
            rule = rules[k]
            k += 1
            conds = rule.conds
            if every:
                eff = list(conds)
            elif narrowed is not None and len(conds) == 1:  # a jump's one condition, a rule's one
                c = conds[0]
                for i, _ in narrowed:
                    if c[i] is not None:  # a field both constrain: the exact intersection
                        one = intersect(guard[0], c)
                        eff = [one] if one is not None else []
                        break
                else:  # the rule's condition with the guard's fields set (intersect's result)
                    fields: list = list(c)
                    for i, v in narrowed:
                        fields[i] = v
                    eff = [from_values(Cond, fields)]
            else:
                eff = intersect_all(guard, conds)
            if not eff:
                continue
            # (a rule's own reasons, a tuple, are shared when the guard adds none)
            reasons = (*guard_reasons, *rule.reasons) if guard_reasons else rule.reasons
            v = rule.verdict
            if v in ("jump", "goto"):
                tgt = chains.get((ch.family, ch.table, rule.target))
                if tgt is None:
                    problem = reason("input.linux.partial.jump_to_missing_chain", verdict=v, chain=rule.target)
                    problems.append((problem, rule.src))
                    missing = reason("input.linux.partial.chain_missing", chain=rule.target)
                    out.append(Flat("unknown", eff, rule, (*reasons, missing)))
                    continue
                if rule.target in stack or len(stack) > MAX_DEPTH:
                    problem = reason("input.linux.partial.jump_too_deep", verdict=v, depth=MAX_DEPTH, chain=rule.target)
                    problems.append((problem, rule.src))
                    out.append(Flat("unknown", eff, rule, (*reasons, reason("input.linux.partial.jump_loop"))))
                    continue
                walk(walk, tgt, eff, (*stack, rule.target), reasons)
                if v == "jump":
                    continue
            if v in ("return", "goto"):
                if rule.reasons:
                    guard_reasons.append(reason("input.linux.partial.after_partial", verdict=v, line=rule.src.line))
                    continue
                g = narrow(guard, rule)
                if g is None:
                    too_many = (reason("input.linux.partial.too_many_conditions"),)
                    out.append(Flat("unknown", [ANY] if guard == [ANY] else guard, rule, too_many))
                    return
                if not g:
                    return
                guard = g
                every = guard == [ANY]
                narrowed = _fields(guard)
                continue
            if v in keep:
                out.append(from_values(Flat, (v, eff, rule, reasons)))

    walk(walk, chain, [ANY], (chain.name,), list(chain.reasons))
    return out


def _fields(guard: list[Cond]) -> list[tuple[int, object]] | None:
    """(index, value) of the fields a one-condition guard constrains (None: a union)."""
    if len(guard) != 1:
        return None
    return [(i, v) for i, v in enumerate(guard[0]) if v is not None]
