"""The ``/ip firewall filter`` chains into the model: ``forward`` becomes
``Device.forward_filter`` and ``input`` ``Device.input_filter``, both default *accept*,
flattened (:mod:`.flatten`); raw ``prerouting`` drops go first in both.

A chain that flattening would leave as it is (no ``jump`` or ``return``, every action
understood, no approximated ``connection-nat-state``: each rule then acts on its own
conditions) is read rule by rule straight into its lines (:func:`plain_lines`), without
the flattened intermediate; the lines are the same (docs/performance.md, eleventh pass).
In any chain, a permit or deny every packet reaches whose properties each set a field of
their own (most rules) gets its one Match straight from its properties, each distinct
value read once (:func:`.conditions.rule_match`; :func:`plain_line` in a chain with jumps).
"""

from __future__ import annotations

import functools
from typing import Any, Final, cast

from netaudit.messages import Text
from netaudit.model import Action, Filter, FilterLine, Match, Src, from_values
from netaudit.parsers.base import join_reasons
from netaudit.parsers.packet_sets import (
    ANY,
    Cond,
    absorb,
    intersect_all,
    negate_union,
    r_and,
    r_not,
    r_or,
    r_values,
    to_matches,
)

from .conditions import NOT_PLAIN, Plain, assemble, fields_match, rule_fields, rule_match
from .flatten import FlatRule, flat_rules, flatten, rule_index
from .reasons import FASTTRACK_NEW, ICMP_CODES_WIDENED, RAW_BEFORE_DNAT, reason
from .records import FwRule
from .state import State


def finish_filter(st: State) -> None:
    dev = st.dev
    st.untracked_possible = any(r.action == "notrack" and not r.disabled for r in st.rules["raw"])
    raw = raw_lines(st)
    terminal = frozenset({"accept", "drop", "reject", "tarpit", "fasttrack-connection", "unknown"})
    jumped = rule_index(st, "filter").jump_targets
    for chain in ("forward", "input"):
        problems: list[tuple[str, Src | None]] = []
        plain = plain_rules(st, chain)
        lines: list[FilterLine] = []
        if plain is not None:
            any_rule = plain_lines(st, lines, plain, chain, terminal, chain in jumped)
        else:
            # The chain's own plain rules straight into their lines, as in a plain chain,
            # unless another chain jumps into it (its rules' conditions are then kept).
            direct = None if chain in jumped else functools.partial(plain_line, st)
            guarded = functools.partial(guarded_line, st)
            flat = flatten(st, "filter", chain, terminal, "accept", problems, direct, guarded)
            any_rule = bool(flat)
        if not any_rule and not raw and not problems and not st.fw_partial.get("filter"):
            if chain == "forward":
                # No rule decides there: RouterOS forwards everything.  An empty chain,
                # so that a witness through the router says so rather than citing only
                # the interfaces it crossed (a real v7 export: its guest VLAN reached the
                # staff, and the finding's one line was the bridge's).
                dev.filters[chain] = Filter(
                    chain,
                    kind="chain",
                    default_action=Action.PERMIT,
                    default_text=Text("input.routeros.default.forward_empty"),
                )
                dev.forward_filter = chain
            continue
        first_src = next((r.src for r in st.rules["filter"] if r.chain == chain and not r.dynamic), None)
        first_src = first_src or next((r.src for r in st.rules["filter"] if r.chain == chain), None)
        flt = Filter(
            chain,
            kind="chain",
            default_action=Action.PERMIT,
            source=first_src,
            default_text=Text("input.routeros.default.accept"),
        )
        flt.lines.extend(raw)
        if plain is not None:
            flt.lines.extend(lines)
        else:
            for fl in flat:
                if isinstance(fl, FilterLine):
                    flt.lines.append(fl)  # a plain rule's, read straight (plain_line)
                else:
                    emit_line(st, flt.lines, fl, chain)
        why = [p for p, _ in problems] + [p for p, _ in st.fw_partial.get("filter", [])]
        for p, s in problems + st.fw_partial.get("filter", []):
            if s is not None:
                st.partial(f"firewall {chain}", p, s)
        if why:
            flt.partial = join_reasons(list(dict.fromkeys(why)))
        dev.filters[chain] = flt
        if chain == "forward":
            dev.forward_filter = chain
        else:
            dev.input_filter = chain


def plain_rules(st: State, chain: str) -> list[FwRule] | None:
    """The enabled rules of a filter chain that flattening would leave as they are (see
    the module docstring), in order; None for any other chain."""
    index = rule_index(st, "filter")
    return None if chain in index.odd else index.by_chain.get(chain, [])


def plain_lines(
    st: State, lines: list[FilterLine], rules: list[FwRule], chain: str, terminal: frozenset, jumped_into: bool
) -> bool:
    """The lines of a plain chain's ``rules`` appended to ``lines``, each rule read
    straight into its line; whether any rule is left that flattening would have kept
    (a rule with packets and a terminal action: the chain is then in the model).

    What :func:`.flatten.flatten` and :func:`emit_line` make of such a rule: its own
    conditions and reasons, its own action.  A permit or a deny fully understood whose
    properties each set a field of their own is its Match straight from the properties
    (:func:`.conditions.rule_match`); one :func:`.conditions.rule_fields` reads without
    a reason or a union (a field set by two properties …) its Match from the fields read
    (:func:`fields_match`); with a union to intersect (``connection-state`` …) its
    conditions are assembled first; anything else (partial, ``fasttrack-connection``)
    goes through :func:`emit_line`.  A chain another chain jumps into keeps its rules'
    conditions for that walk (``st.cond_cache``, which :func:`.flatten.flatten` reads)."""
    cache = st.cond_cache if jumped_into else None
    any_rule = False
    permit, deny = Action.PERMIT, Action.DENY
    for rule in rules:
        action = rule.action
        if cache is None and action != "fasttrack-connection":
            # Most rules: one Match straight from the properties (rule_match), or no line.
            m = rule_match(st, rule)
            if m is not NOT_PLAIN:
                if m is not None and action in terminal:
                    any_rule = True
                    lines.append(FilterLine(permit if action == "accept" else deny, [m], rule.src, str(rule.index)))
                continue
        read = rule_fields(st, rule, "filter")
        fields, extra, reasons, _approx = read  # no connection-nat-state: never approximated
        if fields is not None and not extra and not reasons and cache is None:
            if action not in terminal:
                continue
            if action != "fasttrack-connection":
                m = fields_match(fields)
                if m is None:
                    continue  # no packet
                any_rule = True
                line_action = permit if action == "accept" else deny
                lines.append(FilterLine(line_action, [m], rule.src, name=str(rule.index)))
                continue
        got = assemble(*read)
        if cache is not None:
            cache[("filter", rule.index)] = got
        conds, reasons, _approx = got
        if not conds or action not in terminal:
            continue
        any_rule = True
        if reasons or action == "fasttrack-connection":
            for fl in flat_rules(st, action, list(conds), rule, list(reasons)):
                emit_line(st, lines, fl, chain)
            continue
        line_action = permit if action == "accept" else deny
        lines += deny_or_permit_lines(st, f"firewall {chain}", line_action, conds, rule.src, str(rule.index), [])
    return any_rule


def plain_line(st: State, rule: FwRule) -> FilterLine | Plain | None:
    """The line of an ``accept``, ``drop``, ``reject`` or ``tarpit`` rule reached by every
    packet (no jump or return before it decides), its Match straight from its properties
    (:func:`.conditions.rule_match`): what flattening and :func:`emit_line` make of it.
    None when it matches no packet; :data:`.conditions.NOT_PLAIN` when it must be
    flattened (nothing recorded then)."""
    m = rule_match(st, rule)
    if m is NOT_PLAIN or m is None:
        return m
    action = Action.PERMIT if rule.action == "accept" else Action.DENY
    return FilterLine(action, [m], rule.src, str(rule.index))


_UNREAD: Final = object()


def guarded_line(st: State, rule: FwRule, guard: Cond) -> FilterLine | Plain | None:
    """The line of an ``accept``, ``drop``, ``reject`` or ``tarpit`` rule of a chain
    reached through ``guard``, one condition on the interfaces alone (a ``jump`` with
    ``in-interface=…``): what flattening and :func:`emit_line` make of it — the
    intersection of the guard with the rule's one condition, its Match — from the rule's
    own Match (:func:`.conditions.rule_match`, read once per rule however many jumps
    reach it) with the guard's interfaces intersected in (``packet_sets.intersect``:
    the guard's set ``&`` the rule's).  None when no packet is left;
    :data:`.conditions.NOT_PLAIN` when the rule must be flattened (nothing recorded)."""
    m = st.filter_matches.get(rule.index, _UNREAD)
    if m is _UNREAD:
        m = st.filter_matches[rule.index] = rule_match(st, rule)
    if m is NOT_PLAIN or m is None:
        return m
    values: list[Any] = list(cast(Match, m))
    for i, at in ((8, _IN_IFACES), (9, _OUT_IFACES)):  # Cond.inif, Cond.outif
        g = guard[i]
        if g is not None:
            have = values[at]
            if have is not None:
                g = g & have  # (the guard's set first, as intersect takes them)
                if not g:
                    return None
            values[at] = g
    match = from_values(Match, values)  # (as rule_match builds it)
    action = Action.PERMIT if rule.action == "accept" else Action.DENY
    return FilterLine(action, [match], rule.src, str(rule.index))


_IN_IFACES, _OUT_IFACES = Match._fields.index("in_ifaces"), Match._fields.index("out_ifaces")


# A Match holds one ICMP type and one code: a condition on both is one Match per pair.
# Flattening a chain of ICMP accepts (``icmp-options=T:K``) before a drop, as the defconf
# raw ``icmp4`` chain has, meets their complement in conditions of ~250 types x ~255
# codes: tens of thousands of Matches each, millions on one real export (a 7.10 RB3011
# ran out of memory).  A union with a condition over _ICMP_PAIRS_MAX pairs is rewritten
# type by type (exact); one still over _ICMP_LINE_MAX Matches keeps its types with any
# code — more packets than the rule matches — on a partial line (fail-closed).
_ICMP_PAIRS_MAX = 1024
_ICMP_LINE_MAX = 16384


_ICMP = ((1, 1),)


def _icmp_fields_on_icmp(conds: list[Cond]) -> list[Cond]:
    """``conds`` with the ICMP type/code constraints of their other protocols' packets
    lifted: the same union.  Every rule condition on those fields also requires ICMP
    (``icmp-options``, ``connection-state``: :mod:`.conditions`), so whether a TCP or UDP
    packet is in a union built from them never depends on them; but complements leave
    pieces such as "TCP and type ≠ 8" (the ICMP fields are headerspace variables of every
    packet), each one Match per type and code."""
    out: list[Cond] = []
    for c in conds:
        if c.itype is None and c.icode is None:
            out.append(c)
            continue
        if c.proto is None or (c.proto != _ICMP and r_and(c.proto, _ICMP)):
            other = r_not(_ICMP, 255) if c.proto is None else r_and(c.proto, r_not(_ICMP, 255))
            out.append(c._replace(proto=other, itype=None, icode=None))
            out.append(c._replace(proto=_ICMP))
        elif c.proto == _ICMP:
            out.append(c)
        else:  # no ICMP packet: the fields say nothing
            out.append(c._replace(itype=None, icode=None))
    return out


def _pairs(c: Cond) -> int:
    return sum(hi - lo + 1 for lo, hi in c.itype or ((0, 255),)) * sum(hi - lo + 1 for lo, hi in c.icode or ((0, 255),))


def _per_type(conds: list[Cond]) -> list[Cond]:
    """The ICMP conditions of ``conds`` rewritten type by type (the same union): for each
    type, the union of the codes every condition alike in its other fields gives it — a
    type all of whose codes some piece covers is one Match, not one per code."""
    groups: dict[Cond, dict[int, tuple]] = {}
    for c in conds:
        codes = groups.setdefault(c._replace(itype=None, icode=None), {})
        for t in r_values(c.itype or ((0, 255),)):
            codes[t] = r_or(codes.get(t, ()), c.icode or ((0, 255),))
    out: list[Cond] = []
    for base, codes in groups.items():
        for t, cs in codes.items():
            out.append(base._replace(itype=((t, t),), icode=None if cs == ((0, 255),) else cs))
    return out


def split_matches(conds: list[Cond]) -> tuple[list[Match], list[Match]]:
    """The Matches of the union ``conds`` (``to_matches`` of each): exact ones, and —
    when the ICMP conditions would still take more than :data:`_ICMP_LINE_MAX` Matches
    type by type — those widened to their types with any code (their line must be
    partial)."""
    if all(c.itype is None and c.icode is None for c in conds):
        return [m for c in conds for m in to_matches(c)], []  # no ICMP field (most lines)
    conds = _icmp_fields_on_icmp(conds)
    coded = [c for c in conds if c.itype is not None and c.icode is not None]
    if not any(_pairs(c) > _ICMP_PAIRS_MAX for c in coded):
        return [m for c in conds for m in to_matches(c)], []
    icmp = [c for c in conds if c.itype is not None or c.icode is not None]
    conds = [c for c in conds if c.itype is None and c.icode is None] + _per_type(icmp)
    widen = sum(_pairs(c) for c in conds if c.icode is not None) > _ICMP_LINE_MAX
    exact: list[Match] = []
    wide: list[Match] = []
    for c in conds:
        if widen and c.icode is not None:
            wide.extend(to_matches(c._replace(icode=None)))
        else:
            exact.extend(to_matches(c))
    return exact, wide


def line_matches(conds: list[Cond], reasons: list | None = None) -> list[Match]:
    """The Matches of a line whose packets are the union ``conds`` (:func:`split_matches`,
    both parts; the widening's reason appended to ``reasons``)."""
    exact, wide = split_matches(conds)
    if wide and reasons is not None and ICMP_CODES_WIDENED not in reasons:
        reasons.append(ICMP_CODES_WIDENED)
    return exact + wide


def deny_or_permit_lines(
    st: State, construct: str, action: Action, conds: list[Cond], src: Src, name: str, reasons: list, approximated=None
) -> list[FilterLine]:
    """The line of a rule over the union ``conds`` — two when some conditions are widened
    (:func:`split_matches`): the exact part as the rule's line, the widened part after it,
    partial; each partial one listed under ``construct``."""
    exact, wide = split_matches(conds)
    why = (join_reasons(list(dict.fromkeys(reasons))) or None) if reasons else None
    out = []
    if exact or not wide:
        out.append(FilterLine(action, exact, src, name=name, partial=why, approximated=approximated))
        if why:
            st.partial(construct, why, src)
    if wide:
        wide_why = join_reasons([*dict.fromkeys(reasons), ICMP_CODES_WIDENED])
        out.append(FilterLine(action, wide, src, name=name, partial=wide_why, approximated=approximated))
        st.partial(construct, wide_why, src)
    return out


def emit_line(st: State, lines: list[FilterLine], fl: FlatRule, chain: str) -> None:
    """The line(s) of one flattened rule appended to ``lines``."""
    rule = fl.rule
    reasons = list(dict.fromkeys(fl.reasons)) if fl.reasons else []
    if fl.action == "accept":
        action = Action.PERMIT
    elif fl.action == "fasttrack-connection":
        # Fasttrack marks a connection for the fast path; packets it does not take
        # go on to the next rule (hence the "accept established" rule RouterOS
        # always puts after it).  Limited to established/related it decides
        # nothing for a new connection: no line.  On new connections it is not
        # modelled.
        if all(c.est is True for c in fl.conds):
            return
        action = Action.PERMIT
        reasons.append(FASTTRACK_NEW)
    elif fl.action == "unknown":
        # It may accept or drop: a partial permit, then a partial deny of the same packets
        # (either alone would read "else the rest decides", and the rest may agree).
        either = line_matches(fl.conds, reasons)
        why = join_reasons(reasons)
        lines.append(FilterLine(Action.PERMIT, either, rule.src, name=str(rule.index), partial=why))
        lines.append(FilterLine(Action.DENY, list(either), rule.src, name=str(rule.index), partial=why))
        st.partial(f"firewall {chain}", why, rule.src)
        return
    else:
        action = Action.DENY
    lines += deny_or_permit_lines(
        st, f"firewall {chain}", action, fl.conds, rule.src, str(rule.index), reasons, _sure_part(fl)
    )


def _sure_part(fl: FlatRule) -> str | None:
    """For the line of a rule's sure part (:func:`.flatten.flat_rules`): why it is no
    ground for "this rule can never match" — its other packets are in doubt."""
    if fl.sure_part_of is None:
        return None
    return reason("input.routeros.sure_part", why=fl.sure_part_of)


def raw_lines(st: State) -> list[FilterLine]:
    """Raw prerouting drops, as DENY lines placed before the filter chains (raw
    ``accept`` ends raw processing: later raw rules skip its packets)."""
    if not any(not r.disabled for r in st.rules["raw"]):
        return []
    problems: list = []
    flat = flatten(st, "raw", "prerouting", frozenset({"accept", "drop", "notrack", "unknown"}), None, problems)
    lines: list[FilterLine] = []
    guard = [ANY]
    after_unknown: str | None = None
    dnat = bool(st.dnat_image) or bool(st.dnat_uncertain)
    for fl in flat:
        conds = intersect_all(guard, fl.conds) if guard != [ANY] else fl.conds
        if not conds:
            continue
        if fl.action in ("accept", "notrack"):
            # absorbed: the complements of a chain of accepts (the defconf ICMP chain)
            # otherwise grow as the product of their pieces
            guard = absorb(intersect_all(guard, negate_union(fl.conds, st.universe)))
            if not guard:
                break
            continue
        reasons = list(fl.reasons)
        if after_unknown:  # an earlier rule may have accepted them (raw processing ends)
            reasons.append(after_unknown)
        if fl.action == "unknown":
            after_unknown = reason("input.routeros.after_raw_unknown", line=fl.rule.src.line)
        # Raw sees the header before destination NAT: a rule on the destination address or
        # port may meet other packets than the filters see.  The source address, protocol
        # and interfaces are what they were (netaudit's own anti-spoofing drops).
        if dnat and any(c.dst is not None or c.dport is not None for c in conds):
            reasons.append(RAW_BEFORE_DNAT)
        lines += deny_or_permit_lines(
            st, "firewall raw", Action.DENY, conds, fl.rule.src, f"raw {fl.rule.index}", reasons, _sure_part(fl)
        )
    for p, s in problems:
        lines.append(FilterLine(Action.DENY, [Match()], s, name="raw", partial=p))
        st.partial("firewall raw", p, s)
    return lines
