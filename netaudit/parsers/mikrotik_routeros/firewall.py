"""The ``/ip firewall filter`` chains into the model: ``forward`` becomes
``Device.forward_filter`` and ``input`` ``Device.input_filter``, both default *accept*,
flattened (:mod:`.flatten`); raw ``prerouting`` drops go first in both.
"""

from __future__ import annotations

from netaudit.model import Action, Filter, FilterLine, Match, Src
from netaudit.parsers.packet_sets import ANY, intersect_all, negate_union, to_matches

from .flatten import FlatRule, flatten
from .state import State


def finish_filter(st: State) -> None:
    dev = st.dev
    st.untracked_possible = any(r.action == "notrack" and not r.disabled for r in st.rules["raw"])
    raw = raw_lines(st)
    terminal = frozenset({"accept", "drop", "reject", "tarpit", "fasttrack-connection", "unknown"})
    for chain in ("forward", "input"):
        problems: list[tuple[str, Src | None]] = []
        flat = flatten(st, "filter", chain, terminal, "accept", problems)
        if not flat and not raw and not problems and not st.fw_partial.get("filter"):
            continue
        first_src = next((r.src for r in st.rules["filter"] if r.chain == chain and not r.dynamic), None)
        first_src = first_src or next((r.src for r in st.rules["filter"] if r.chain == chain), None)
        flt = Filter(
            chain,
            kind="chain",
            default_action=Action.PERMIT,
            source=first_src,
            default_text="no rule matched, RouterOS accepts (implicit accept of the chain)",
        )
        flt.lines.extend(raw)
        for fl in flat:
            emit_line(st, flt, fl, chain)
        why = [p for p, _ in problems] + [p for p, _ in st.fw_partial.get("filter", [])]
        for p, s in problems + st.fw_partial.get("filter", []):
            if s is not None:
                st.partial(f"firewall {chain}", p, s)
        if why:
            flt.partial = "; ".join(dict.fromkeys(why))
        dev.filters[chain] = flt
        if chain == "forward":
            dev.forward_filter = chain
        else:
            dev.input_filter = chain


def emit_line(st: State, flt: Filter, fl: FlatRule, chain: str) -> None:
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
        reasons.append("fasttrack-connection on packets of new connections")
    elif fl.action == "unknown":
        # It may accept or drop: a partial permit, then a partial deny of the same packets
        # (either alone would read "else the rest decides", and the rest may agree).
        either = [m for c in fl.conds for m in to_matches(c)]
        why = "; ".join(reasons)
        flt.lines.append(FilterLine(Action.PERMIT, either, rule.src, name=str(rule.index), partial=why))
        flt.lines.append(FilterLine(Action.DENY, list(either), rule.src, name=str(rule.index), partial=why))
        st.partial(f"firewall {chain}", why, rule.src)
        return
    else:
        action = Action.DENY
    matches = [m for c in fl.conds for m in to_matches(c)]
    partial = "; ".join(reasons) if reasons else None
    flt.lines.append(FilterLine(action, matches, rule.src, name=str(rule.index), partial=partial))
    if partial:
        st.partial(f"firewall {chain}", partial, rule.src)


def raw_lines(st: State) -> list[FilterLine]:
    """Raw prerouting drops, as DENY lines placed before the filter chains (raw
    ``accept`` ends raw processing: later raw rules skip its packets)."""
    if not any(not r.disabled for r in st.rules["raw"]):
        return []
    problems: list = []
    flat = flatten(st, "raw", "prerouting", frozenset({"accept", "drop", "notrack", "unknown"}), None, problems)
    lines: list[FilterLine] = []
    guard = [ANY]
    after_unknown = ""
    dnat = bool(st.dnat_image) or bool(st.dnat_uncertain)
    for fl in flat:
        conds = intersect_all(guard, fl.conds) if guard != [ANY] else fl.conds
        if not conds:
            continue
        if fl.action in ("accept", "notrack"):
            guard = intersect_all(guard, negate_union(fl.conds, st.universe))
            if not guard:
                break
            continue
        reasons = list(fl.reasons)
        if after_unknown:  # an earlier rule may have accepted them (raw processing ends)
            reasons.append(after_unknown)
        if fl.action == "unknown":
            after_unknown = f"follows a raw rule not understood (line {fl.rule.src.line})"
        # Raw sees the header before destination NAT: a rule on the destination address or
        # port may meet other packets than the filters see.  The source address, protocol
        # and interfaces are what they were (netaudit's own anti-spoofing drops).
        if dnat and any(c.dst is not None or c.dport is not None for c in conds):
            reasons.append("raw rule matches the header before destination NAT")
        matches = [m for c in conds for m in to_matches(c)]
        partial = "; ".join(dict.fromkeys(reasons)) or None
        lines.append(FilterLine(Action.DENY, matches, fl.rule.src, name=f"raw {fl.rule.index}", partial=partial))
        if partial:
            st.partial("firewall raw", partial, fl.rule.src)
    for p, s in problems:
        lines.append(FilterLine(Action.DENY, [Match()], s, name="raw", partial=p))
        st.partial("firewall raw", p, s)
    return lines
