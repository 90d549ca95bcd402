"""Rulesets (nftables and/or iptables) → the model: filters, NAT rules, firewall marks.

Per hook, the base chains are ordered by priority.  A packet must be accepted by every
base chain of its hook, so several chains compose exactly: every ``accept`` of one chain
is followed, for its packets, by the next chain (inlined there), and the chain's policy
at its end likewise.  ``input`` → ``Device.input_filter``, ``forward`` →
``Device.forward_filter``; ``type filter hook prerouting`` drops become an ingress
filter on every interface.  NAT chains compose the same way (an ``accept`` in one NAT
chain lets the next one translate): ``prerouting`` dnat/redirect → destination
NatRules, ``postrouting`` snat/masquerade → source NatRules.  ``meta mark set`` in
prerouting chains → the packets carrying each mark, for ``ip rule fwmark``
(:mod:`.policy`).

Interface names: the universe holds every device interface, every name the rules
mention and ``""`` — the name of "no interface" (the output interface of a packet in the
input hook), so that ``oifname != "x"`` in an input chain matches as it does in the
kernel.
"""

from __future__ import annotations

from typing import cast

from netaudit.messages import Text
from netaudit.model import Action, Filter, FilterLine, IfKind, NatRule, Src
from netaudit.parsers.base import evolve, join_reasons
from netaudit.parsers.packet_sets import ANY, Cond, field_match, icmp_matches, intersect_all, negate_union, to_matches

from .flatten import MAX_GUARD, Flat, LinesMaker, flatten
from .reasons import RULE_NOT_UNDERSTOOD, joined, reason
from .rules import Chain, Rule, Ruleset
from .state import State

_PERMIT, _DENY = Action.PERMIT, Action.DENY
FILTER_KEEP = frozenset({"accept", "drop", "reject", "unknown"})
NAT_KEEP = frozenset({"accept", "drop", "reject", "unknown", "dnat", "snat", "masquerade", "redirect"})
_ONE_LINE = FILTER_KEEP - {"unknown"}  # verdicts of a filter's rule that make one line
_INIF = Cond._fields.index("inif")
MAX_LINES = 20000
# (reasons written in more than one place of the conversion)
_TOO_MANY_RULES = Text("input.linux.partial.too_many_rules")
_ADDRESS_RANGE = Text("input.linux.partial.nat_address_range")


class Conv:
    """One device's conversion: its chains, interface universe and the DNAT image."""

    def __init__(self, st: State, rulesets: list[Ruleset], universe: frozenset[str]):
        self.st = st
        self.universe = universe
        self.chains: dict[tuple[str, str, str], Chain] = {}
        self.base: list[Chain] = []
        for rs in rulesets:
            for c in rs.chains:
                self.chains[(c.family, c.table, c.name)] = c
                if c.hook and c.family in ("ip", "inet"):
                    self.base.append(c)
                elif c.hook and c.family in ("bridge", "netdev"):
                    warning = Text(
                        "input.linux.chain_hook_unmodelled", family=c.family, table=c.table, chain=c.name, hook=c.hook
                    )
                    st.warn(warning)
                    why = warning
                    if c.src:
                        st.partial(f"nft chain {c.name}", why, c.src)
                    self.netdev_partial = why
            for problem, src in rs.problems:
                st.warn(problem)
                if src is not None:
                    st.partial("firewall", problem, src)
        self.dnat_image: list[Cond] = []
        self.dnat_uncertain: list[str] = []
        for c in self.base:
            st.facts.base_chains.append(_hook_policy(c))

    def hook(self, hook: str, kinds: tuple[str, ...]) -> list[Chain]:
        return sorted((c for c in self.base if c.hook == hook and c.kind in kinds), key=lambda c: c.priority)

    def flats(self, chain: Chain, keep: frozenset[str], problems: list, make_lines: LinesMaker | None = None) -> list:
        """The flattened rules of base chain ``chain``: Flats, and the lines
        ``make_lines`` made (:func:`.flatten`)."""
        out = flatten(chain, self.chains, self.universe, keep, problems, make_lines)
        return [f if type(f) is not Flat or f.rule.ct_dnat is None else self._ct_dnat(f) for f in out]

    def _ct_dnat(self, f: Flat) -> Flat:
        """``ct status dnat`` → the image of the DNAT rules (see docs/vendors/linux.md)."""
        want = f.rule.ct_dnat
        if want is None:
            return f
        img = [c._replace(est=None) for c in self.dnat_image]
        conds = intersect_all(f.conds, img) if want else intersect_all(f.conds, negate_union(img, self.universe))
        reasons = [*f.reasons, *self.dnat_uncertain]
        favourable = (want and f.action == "accept") or (not want and f.action in ("drop", "reject"))
        if not favourable and f.action != "mark":
            reasons.append(reason("input.linux.partial.ct_dnat_approximated"))
        return Flat(f.action, conds, f.rule, tuple(reasons))


def _hook_policy(c: Chain):
    from .facts import HookPolicy

    return HookPolicy(c.hook or "", c.family, c.table, c.name, c.policy, len(c.rules), c.src)


# --------------------------------------------------------------------------- composition


# A line of a composed hook: (action, conds, the rule or None for a chain's policy, reasons)
# — or the FilterLine a LinesMaker made of it (build_filter's, one base chain on the hook).
Line = tuple[str, list[Cond], Rule | None, tuple[str, ...]]


def compose(
    conv: Conv, chains: list[Chain], keep: frozenset[str], problems: list, make_lines: LinesMaker | None = None
) -> tuple[list[Line | FilterLine], str]:
    """The first-match lines of several base chains of one hook in priority order, and
    the default action (the policy reached when no line matched).  ``make_lines``: with
    one base chain on the hook, the lines it makes of flattened rules stand among them
    (:func:`.flatten`; several chains compose their unions and take none)."""
    if len(chains) != 1:
        make_lines = None
    flats = [conv.flats(c, keep, problems, make_lines) for c in chains]
    lines: list[Line | FilterLine] = []
    default = ["accept"]
    if len(flats) == 1:
        # One base chain on the hook (the common case): its flattened rules are its lines
        # (what the walk below gives for one chain, without a copy of each).
        if len(flats[0]) <= MAX_LINES + 1:  # (no cut below: one pass, no test per line)
            return [fl for fl in flats[0] if type(fl) is not Flat or fl.conds], chains[0].policy
        for fl in flats[0]:
            if len(lines) > MAX_LINES:
                problems.append((_TOO_MANY_RULES, fl.rule.src if type(fl) is Flat else fl.source))
                return lines, "accept"  # as the walk: cut before the policy is read
            if type(fl) is not Flat or fl.conds:
                lines.append(fl)
        return lines, chains[0].policy

    # ``emit`` recurses through its first argument, not by its own name: a closure that
    # names itself is a reference cycle, which keeps everything it reads (every flattened
    # rule of the hook) alive until the cyclic collector runs, and parses and audits run
    # with it paused (netaudit/collector.py).
    def emit(emit, idx: int, guard: list[Cond] | None, inherited: tuple[str, ...]) -> None:
        for fl in flats[idx]:
            if len(lines) > MAX_LINES:
                problems.append((_TOO_MANY_RULES, fl.rule.src))
                return
            conds = fl.conds if guard is None else intersect_all(guard, fl.conds)
            if not conds:
                continue
            reasons = inherited + fl.reasons
            if fl.action == "accept" and idx + 1 < len(flats):
                emit(emit, idx + 1, conds, reasons)
            else:
                lines.append((fl.action, conds, fl.rule, reasons))
        pol = chains[idx].policy
        if pol == "accept" and idx + 1 < len(flats):
            emit(emit, idx + 1, guard, inherited)
        elif guard is None:
            default[0] = pol
        else:
            lines.append((pol, guard, None, inherited))

    if flats:
        emit(emit, 0, None, ())
    return lines, default[0]


def _as_is(inif, outif, to_host: bool) -> bool:
    """Whether a condition's interfaces need no resolving: no "" named, and no output
    interface on a packet for the device."""
    return (inif is None or bool(inif and "" not in inif)) and (
        outif is None or bool(outif and not to_host and "" not in outif)
    )


def _fix_ifaces(conds: list[Cond], hook: str) -> list[Cond]:
    """Resolve the "no interface" name: a forwarded packet has both interfaces, a packet
    for the device has no output interface."""
    to_host = hook in ("input", "prerouting")
    # Nearly every condition names no "" and, in input, no output interface: the list
    # is kept as it is (a copy per rule of a big ruleset otherwise; never changed after).
    if all(_as_is(c.inif, c.outif, to_host) for c in conds):
        return conds
    out = []
    for c in conds:
        inif, outif = c.inif, c.outif
        if _as_is(inif, outif, to_host):
            out.append(c)
            continue
        inif = inif - {""} if inif is not None else None
        if outif is not None:
            if to_host:
                if "" not in outif:
                    continue
                outif = None
            else:
                outif = outif - {""}
        if (inif is not None and not inif) or (outif is not None and not outif):
            continue
        out.append(c._replace(inif=inif, outif=outif))
    return out


def _plain_matches(conds: list[Cond], to_host: bool) -> list | None:
    """The Matches of a line of one condition naming no "" interface (and, to the host,
    no output interface), built from its fields — what :func:`_fix_ifaces` and
    ``to_matches`` give it, for most lines of a big ruleset; None for any other line."""
    if len(conds) != 1:
        return None
    src, dst, proto, sport, dport, itype, icode, est, inif, outif = conds[0]
    if not _as_is(inif, outif, to_host):
        return None
    if itype is None and icode is None:
        return [field_match(src, dst, proto, sport, dport, est, inif, outif)]
    return to_matches(conds[0])


def _accepts(line: Line | FilterLine) -> bool:
    """Whether a composed line (a FilterLine made in the walk, or an action's tuple) accepts."""
    return line.action is _PERMIT if isinstance(line, FilterLine) else line[0] == "accept"


def build_filter(conv: Conv, hook: str, name: str) -> Filter | None:
    """The model filter of one hook, or None when no base chain filters it."""
    st = conv.st
    chains = conv.hook(hook, ("filter", "route"))
    if not chains:
        return None
    problems: list[tuple[str, Src | None]] = []
    to_host = hook in ("input", "prerouting")

    def make_lines(rules: list[Rule], k: int, narrowed: list, guard_reasons: list[str], out: list) -> int:
        # The lines of a guarded chain's rules from rules[k] on, straight from their
        # condition's fields with the guard's set (flatten): what the loop below makes of
        # their Flats when _plain_matches takes them (tests/parsers/linux/
        # test_flatten_lines.py compares both).  It stops at the first rule that is not
        # one condition constraining none of the guard's fields with a verdict made into
        # one line here (not unknown: two lines; not jump, goto or return: the walk's),
        # without ct status (Conv.flats reads it with the DNAT image), whose interfaces
        # need no resolving (_as_is, written out: a call per line otherwise).
        n = len(rules)
        # A guard of the input interfaces alone (``iifname vmap { … : jump … }``, ``-i X
        # -j CHAIN``: nearly every guarded chain) sets one field the rules leave None:
        # their fields are then their condition's, unpacked, with the guard's
        # interfaces — no list of the fields and loop over the guard per rule.
        guard_inif = narrowed[0][1] if len(narrowed) == 1 and narrowed[0][0] == _INIF else None
        if guard_inif is not None and (not guard_inif or "" in guard_inif):
            return k  # (the interface test below fails every rule's line: the walk's Flats)
        while k < n:
            rule = rules[k]
            conds, verdict = rule.conds, rule.verdict
            if len(conds) != 1 or verdict not in _ONE_LINE or rule.ct_dnat is not None:
                return k
            if guard_inif is not None:
                src, dst, proto, sport, dport, itype, icode, est, inif, outif = conds[0]
                if inif is not None:
                    return k  # a field both constrain: the walk's exact intersection
                inif = guard_inif  # (its interface test passed above)
                if outif is not None and (not outif or to_host or "" in outif):
                    return k
            else:
                fields: list = list(conds[0])
                for i, v in narrowed:
                    if fields[i] is not None:
                        return k  # a field both constrain: the walk's exact intersection
                    fields[i] = v
                src, dst, proto, sport, dport, itype, icode, est, inif, outif = fields
                if not (
                    (inif is None or (inif and "" not in inif))
                    and (outif is None or (outif and not to_host and "" not in outif))
                ):
                    return k
            if itype is None and icode is None:
                matches = [field_match(src, dst, proto, sport, dport, est, inif, outif)]
            else:  # one Match per ICMP type and code (to_matches of the fields' Cond, not built)
                matches = icmp_matches(src, dst, proto, sport, dport, itype, icode, est, inif, outif)
            reasons = (*guard_reasons, *rule.reasons) if guard_reasons else rule.reasons
            why = joined(tuple(dict.fromkeys(reasons))) if reasons else ""
            out.append(FilterLine(_PERMIT if verdict == "accept" else _DENY, matches, rule.src, "", why or None))
            k += 1
        return k

    lines, default = compose(conv, chains, FILTER_KEEP, problems, make_lines)
    if hook == "prerouting" and default == "accept" and all(_accepts(line) for line in lines):
        return None  # mangle chains that only mark: nothing is filtered here
    flt = Filter(
        name,
        kind="chain",
        default_action=Action.PERMIT if default == "accept" else Action.DENY,
        source=chains[0].src,
        default_text=Text(
            "input.linux.default.policy", hook=hook, policy=default, table=chains[-1].table, chain=chains[-1].name
        ),
    )
    out = flt.lines
    for line in lines:
        if isinstance(line, FilterLine):  # made by make_lines
            out.append(line)
            continue
        action, conds, rule, reasons = line
        matches = _plain_matches(conds, to_host)
        if matches is None:
            conds = _fix_ifaces(conds, hook)
            if not conds:
                continue
            matches = to_matches(conds[0]) if len(conds) == 1 else [m for c in conds for m in to_matches(c)]
        why = joined(tuple(dict.fromkeys(reasons))) if reasons else ""
        if rule is not None:
            src, text_name = rule.src, ""
        else:
            src, text_name = chains[0].src or Src(st.file, 0, hook), "policy"
        if action == "unknown":
            # A rule that may accept or drop: a partial permit, then a partial deny of the
            # same packets.  Either line alone would be read "if it matches it permits
            # (denies), else the rest decides" — and the rest may decide the same.
            partial = why or RULE_NOT_UNDERSTOOD
            out.append(FilterLine(Action.PERMIT, matches, src, text_name, partial))
            out.append(FilterLine(Action.DENY, list(matches), src, text_name, partial))
            continue
        out.append(FilterLine(_PERMIT if action == "accept" else _DENY, matches, src, text_name, why or None))
    if problems:
        flt.partial = join_reasons(list(dict.fromkeys(p for p, _ in problems)))
        for p, s in problems:
            if s is not None:
                st.partial(f"{hook} hook", p, s)
    return flt


# --------------------------------------------------------------------------- NAT


def build_nat(conv: Conv) -> None:
    """Destination NAT (prerouting) then source NAT (postrouting) → ``Device.nat_rules``."""
    st, dev = conv.st, conv.st.dev
    for hook, kind in (("prerouting", "destination"), ("postrouting", "source")):
        chains = conv.hook(hook, ("nat",))
        if not chains:
            continue
        problems: list[tuple[str, Src | None]] = []
        lines, _default = compose(conv, chains, NAT_KEEP, problems)
        for action, conds, rule, reasons in cast(list[Line], lines):  # (no LinesMaker: no FilterLine)
            if rule is None:
                continue  # a NAT chain's policy: no translation
            conds = [c for c in _fix_ifaces(conds, hook) if c.outif is None or hook == "postrouting"]
            _nat_rules(conv, kind, action, conds, rule, list(dict.fromkeys(reasons)))
        for p, s in problems:
            dev.nat_rules.append(NatRule(kind, source=s, partial=p))
            conv.dnat_uncertain.append(p)
            if s is not None:
                st.partial("nat", p, s)


def _nat_rules(conv: Conv, kind: str, action: str, conds: list[Cond], rule: Rule, reasons: list[str]) -> None:
    dev = conv.st.dev
    nat = rule.nat
    targets: list[tuple[Cond, dict]] = []
    if action in ("drop", "reject", "unknown"):
        reasons.append(reason("input.linux.partial.nat_chain_verdict", verdict=action))
        targets = [(c, {}) for c in conds]
    elif action == "accept":
        targets = [(c, {}) for c in conds]  # no translation for these packets
    elif kind == "destination" and action in ("dnat", "redirect"):
        to_port = nat.to_port if nat else None

        def port_of(c: Cond) -> int | None:
            # The kernel keeps a destination port already in the range
            # (nf_nat_get_unique_tuple); another one becomes the range's first free port.
            if nat is None or nat.to_port is None or nat.to_port_hi is None:
                return to_port
            if c.dport is not None and all(nat.to_port <= a and b <= nat.to_port_hi for a, b in c.dport):
                return None
            return to_port

        if nat and nat.to_port_hi is not None and any(port_of(c) is not None for c in conds):
            reasons.append(reason("input.linux.partial.nat_port_range", low=nat.to_port, high=nat.to_port_hi))
        if action == "dnat":
            if nat is None or (nat.to_ip is None and nat.to_port is None):
                reasons.append(reason("input.linux.partial.dnat_target_not_understood"))
            elif nat.to_ip_hi is not None:
                reasons.append(_ADDRESS_RANGE)
            targets = [(c, {"to_ip": nat.to_ip if nat else None, "to_port": port_of(c)}) for c in conds]
        else:
            for c in conds:
                ins = c.inif if c.inif is not None else frozenset(dev.interfaces)
                for i in sorted(ins):
                    itf = dev.interfaces.get(i)
                    if itf is None or not itf.addresses:
                        continue
                    ci = c._replace(inif=frozenset({i}))
                    targets.append((ci, {"to_ip": int(itf.addresses[0].ip), "to_port": port_of(ci)}))
    elif kind == "source" and action in ("snat", "masquerade"):
        if nat and (nat.to_port is not None):
            reasons.append(reason("input.linux.partial.snat_port_rewrite"))
        if action == "snat" and nat and nat.to_ip is not None:
            if nat.to_ip_hi is not None:
                reasons.append(_ADDRESS_RANGE)
            targets = [(c, {"to_ip": nat.to_ip}) for c in conds]
        else:
            for c in conds:
                outs = (
                    c.outif
                    if c.outif is not None
                    else frozenset(n for n, i in dev.interfaces.items() if i.addresses and i.kind != IfKind.LOOPBACK)
                )
                for o in sorted(outs):
                    targets.append((c._replace(outif=frozenset({o})), {"to_interface": o}))
    else:
        # (kind: destination or source, a word of the sentence: one text each)
        wrong = (
            "input.linux.partial.verdict_in_dnat_chain"
            if kind == "destination"
            else "input.linux.partial.verdict_in_snat_chain"
        )
        reasons.append(reason(wrong, verdict=action))
        targets = [(c, {}) for c in conds]
    partial = joined(tuple(dict.fromkeys(reasons))) or None
    for c, kw in targets:
        for m in to_matches(c):
            dev.nat_rules.append(
                NatRule(
                    kind,
                    match=evolve(m, in_ifaces=None, out_ifaces=None),
                    in_ifaces=c.inif,
                    out_ifaces=c.outif if kind == "source" else None,
                    source=rule.src,
                    partial=partial,
                    **kw,
                )
            )
        if kind == "destination" and action in ("dnat", "redirect"):
            img = c._replace(est=None, outif=None)
            if kw.get("to_ip") is not None:
                img = img._replace(dst=((kw["to_ip"], kw["to_ip"]),))
            if kw.get("to_port") is not None:
                img = img._replace(dport=((kw["to_port"], kw["to_port"]),))
            conv.dnat_image.append(img)
    if partial:
        conv.st.partial("nat", partial, rule.src)
        if kind == "destination":
            conv.dnat_uncertain.append(partial)


# --------------------------------------------------------------------------- marks


def mark_sets(conv: Conv) -> tuple[dict[int | None, list[Cond]], list[str]]:
    """The packets leaving the prerouting hook with each firewall mark (``None``: a mark
    computed at run time), and the reasons the sets are not exact."""
    final: dict[int | None, list[Cond]] = {}
    why: list[str] = []
    for chain in conv.hook("prerouting", ("filter", "route", "nat")):
        problems: list = []
        flats = conv.flats(chain, frozenset({"mark", "accept", "drop", "reject", "unknown"}), problems)
        # What follows the chain's last rule that sets a mark (or may: an action not
        # understood) changes no mark set — an accept or a drop there stops packets whose
        # marks are already set — so its reasons make no mark partial.
        last = max((k for k, fl in enumerate(flats) if fl.action in ("mark", "unknown")), default=-1)
        flats = flats[: last + 1]
        # The packets no earlier accept/drop/reject took (None: every packet), narrowed
        # line by line: the complement of the whole stopped union, recomputed at each line,
        # took exponential time on a 48-line chain (issue #15); past MAX_GUARD conditions
        # the marks are given up as partial.
        unstopped: list[Cond] | None = None
        for fl in flats:
            conds = fl.conds
            if unstopped is not None:
                conds = intersect_all(conds, unstopped)
            if not conds:
                continue
            if fl.reasons:
                why.extend(fl.reasons)
            if fl.action != "mark":
                rest = negate_union(fl.conds, conv.universe)
                unstopped = rest if unstopped is None else intersect_all(unstopped, rest)
                if len(unstopped) > MAX_GUARD:
                    why.append(reason("input.linux.partial.too_many_marks"))
                    return final, why
                continue
            rest = negate_union(conds, conv.universe)
            for m in list(final):
                final[m] = intersect_all(final[m], rest)
            final.setdefault(fl.rule.mark, []).extend(conds)
            if sum(len(v) for v in final.values()) > 2000:
                why.append(reason("input.linux.partial.too_many_marks"))
                return final, why
        why.extend(p for p, _ in problems)
    return final, why


__all__ = ["ANY", "Conv", "build_filter", "build_nat", "mark_sets"]
