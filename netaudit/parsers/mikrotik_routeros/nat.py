"""``/ip firewall nat`` into ``Device.nat_rules``, in chain order (flattened).

``srcnat`` masquerade / src-nat and ``dstnat`` dst-nat / redirect / netmap (single
address) become :class:`~netaudit.model.NatRule` s; ``accept`` in either chain exempts
(a rule with no rewrite: its packets keep their addresses and no later rule of the
chain translates them).  ``src-nat`` (``same``, ``netmap``) without ``to-addresses``
is not masquerade: which source address RouterOS writes then is not documented, so
the rule is partial (docs/vendors/mikrotik_routeros.md, "NAT").  Each destination
rule's image (the headers its packets leave DNAT with) is kept for
``connection-nat-state`` (:mod:`.conditions`).
"""

from __future__ import annotations

import functools

from netaudit.model import L2Mode, NatRule, from_values
from netaudit.parsers.base import join_reasons
from netaudit.parsers.packet_sets import Cond, field_match, to_matches

from .conditions import NOT_PLAIN, Plain, nat_reading
from .flatten import FlatRule, flatten, rule_index
from .reasons import NETMAP_RANGE, action_not_modelled, not_understood, reason
from .records import FwRule
from .state import State
from .syntax import unquote
from .values import parse_addr, parse_ports

NAT_TERMINAL = frozenset(
    {"accept", "dst-nat", "src-nat", "masquerade", "redirect", "netmap", "same", "endpoint-independent-nat"}
)


def finish_nat(st: State) -> None:
    dev = st.dev
    jumped = rule_index(st, "nat").jump_targets
    for chain, kind in (("dstnat", "destination"), ("srcnat", "source")):
        problems: list = []
        flat: list  # FlatRules, and plain_nat's in their rules' places
        if kind == "destination" and chain not in jumped:
            # The chain's own plain port forwards straight into their NatRules, as the
            # filter's plain rules into their lines (unless another chain jumps into it:
            # its rules' conditions are then kept for that walk).
            direct = functools.partial(plain_nat, st)
            flat = flatten(st, "nat", chain, NAT_TERMINAL, None, problems, direct, None, _DIRECT_NAT)
        else:
            flat = flatten(st, "nat", chain, NAT_TERMINAL, None, problems)
        for fl in flat:
            if isinstance(fl, FlatRule):
                nat_rules(st, fl, kind)
            else:  # plain_nat's: the rule's NatRule, its image and bound
                rule, image, bound = fl
                dev.nat_rules.append(rule)
                st.dnat_image.append(image)
                st.dnat_bound.append(bound)
        for p, s in problems:
            rule = NatRule(kind, source=s, partial=p)
            dev.nat_rules.append(rule)
            st.dnat_uncertain.append(p)
            st.dnat_unbounded.append(p)
            st.partial("nat", p, s)


# The actions of the rules plain_nat reads (a port forward's).
_DIRECT_NAT = frozenset({"dst-nat"})


def plain_nat(st: State, rule: FwRule) -> tuple[NatRule, Cond, Cond] | Plain | None:
    """A ``dst-nat`` rule of the ``dstnat`` chain every packet reaches (no jump or return
    before it decides), plain (:func:`.conditions.nat_reading`), rewriting to one address
    and one port (or keeping either): what flattening and :func:`nat_rules` make of it —
    its NatRule, the headers its packets leave DNAT with (``st.dnat_image``) and their
    bound (``st.dnat_bound``) — from its properties, each value read once.  None when it
    matches no packet; :data:`.conditions.NOT_PLAIN` when it must be flattened (nothing
    recorded then): a reason, a union, a rewrite to a range or one not understood."""
    props = rule.props
    to_addr, to_ports = _to_values(props)
    to_ip = to_port = None
    dsts = dports = None
    if to_addr:
        r = parse_addr(to_addr)
        if r is None or r[1] != r[0]:
            return NOT_PLAIN  # (a reason: not understood, or a range)
        to_ip = r[0]
        dsts = (r,)
    if to_ports:
        p = parse_ports(to_ports)
        if p is None or p[0][0] != p[0][1] or len(p) > 1:
            return NOT_PLAIN
        to_port = p[0][0]
        dports = p
    got = nat_reading(st, rule)
    if got is NOT_PLAIN or got is None:
        return got
    match, (src, dst, proto, sport, dport, itype, icode, _est, inif, outif) = got
    # (positional: NatRule's fields in order, as nat_rules builds it)
    nat = NatRule("destination", match, None, to_ip, None, to_port, inif, outif, rule.src, None)
    image = from_values(
        Cond,
        (
            src,
            dst if to_ip is None else ((to_ip, to_ip),),
            proto,
            sport,
            dport if to_port is None else ((to_port, to_port),),
            itype,
            icode,
            None,
            inif,
            None,
        ),
    )
    bound = from_values(
        Cond,
        (src, dsts if dsts is not None else dst, proto, sport, dports or dport, itype, icode, None, inif, None),
    )
    return nat, image, bound


def _to_values(props) -> tuple[str | None, str | None]:
    """A NAT rule's ``to-addresses`` (None for the documented default ``0.0.0.0``) and
    ``to-ports``, decoded — only when they hold a quote or a backslash, unquote's own
    test: a port forward's address and port seldom do."""
    to_addr = props.get("to-addresses")
    if to_addr and ('"' in to_addr or "\\" in to_addr):
        to_addr = unquote(to_addr)
    if to_addr == "0.0.0.0":
        to_addr = None  # the property's documented default: no address given
    to_ports = props.get("to-ports")
    if to_ports and ('"' in to_ports or "\\" in to_ports):
        to_ports = unquote(to_ports)
    return to_addr, to_ports


def nat_rules(st: State, fl: FlatRule, kind: str) -> None:
    """The NatRules of one flattened rule (``kind``: destination | source)."""
    dev = st.dev
    rule = fl.rule
    reasons = list(dict.fromkeys(fl.reasons)) if fl.reasons else []
    action = fl.action
    to_ip = to_port = None
    # the whole to-addresses / to-ports ranges (a bound of the new headers where the
    # NatRule keeps the first value; None: that field not rewritten), unless not read
    new_dsts: tuple | None = None
    new_dports: tuple | None = None
    rewrite_read = True
    to_addr, to_ports = _to_values(rule.props)
    if to_addr:
        r = parse_addr(to_addr)
        if r is None:
            reasons.append(not_understood("to-addresses", to_addr))
            rewrite_read = False
        else:
            to_ip = r[0]
            new_dsts = (r,)
            if r[1] != r[0] and action != "netmap":
                reasons.append(reason("input.routeros.to_addresses_range", value=to_addr))
    if to_ports and kind == "destination":
        p = parse_ports(to_ports)
        if p is None:
            reasons.append(not_understood("to-ports", to_ports))
            rewrite_read = False
        else:
            to_port = p[0][0]
            new_dports = p
            if p[0][0] != p[0][1] or len(p) > 1:
                reasons.append(reason("input.routeros.to_ports_range", value=to_ports))
    # (the packets, the new address, the interface whose address it is, the new port)
    targets: list[tuple[Cond, int | None, str | None, int | None]] = []
    for c in fl.conds:
        if kind == "source":
            if action == "accept":
                targets.append((c, None, None, None))  # exempt: untranslated, later srcnat rules skipped
            elif action == "masquerade":
                outs = (
                    c.outif
                    if c.outif is not None
                    else frozenset(
                        n
                        for n, i in dev.interfaces.items()
                        if i.is_l3 or (i.dynamic_address and i.mode == L2Mode.ROUTED)
                    )
                )
                for o in sorted(outs):
                    targets.append((c._replace(outif=frozenset({o})), None, o, None))
            elif action in ("src-nat", "same", "netmap") and to_ip is None:
                # Not masquerade (the reference gives the out-interface's address to
                # masquerade only); without an address the rewrite is not documented:
                # a NatRule without target, partial — any source address, maybe.
                if not to_addr:
                    reasons.append(reason("input.routeros.srcnat_no_address", action=action))
                targets.append((c, None, None, None))
            elif action in ("src-nat", "same", "netmap"):
                targets.append((c, to_ip, None, None))
                if action != "src-nat":
                    reasons.append(reason("input.routeros.action_first_address", action=action))
            else:
                reasons.append(action_not_modelled(action))
                targets.append((c, None, None, None))
        elif action == "accept":
            targets.append((c, None, None, None))
        elif action == "redirect":
            ins = c.inif if c.inif is not None else frozenset(n for n, i in dev.interfaces.items() if i.is_l3)
            for i in sorted(ins):
                itf = dev.interfaces.get(i)
                if itf is None or not itf.addresses:
                    continue
                targets.append((c._replace(inif=frozenset({i})), int(itf.addresses[0].ip), None, to_port))
        elif action in ("dst-nat", "netmap"):
            rng = parse_addr(to_addr) if action == "netmap" and to_addr else None
            if rng and rng[0] != rng[1]:
                reasons.append(NETMAP_RANGE)
            targets.append((c, to_ip, None, to_port))
        else:
            reasons.append(action_not_modelled(action))
            targets.append((c, None, None, None))
    partial = (join_reasons(list(dict.fromkeys(reasons))) or None) if reasons else None
    for c, new_ip, to_iface, new_port in targets:
        src, dst, proto, sport, dport, itype, icode, est, inif, outif = c
        # The Matches of the packets without their interfaces (the rule's own fields):
        # to_matches of the condition with both left free — its one field_match when
        # it has no ICMP field (most rules: no Cond built for it).
        if itype is None and icode is None:
            matches = [field_match(src, dst, proto, sport, dport, est, None, None)]
        else:
            matches = to_matches(from_values(Cond, (src, dst, proto, sport, dport, itype, icode, est, None, None)))
        for m in matches:
            # (positional: NatRule's fields in order — kind, match, acl, to_ip, to_interface,
            # to_port, in_ifaces, out_ifaces, source, partial)
            dev.nat_rules.append(NatRule(kind, m, None, new_ip, to_iface, new_port, inif, outif, rule.src, partial))
        if kind == "destination" and action != "accept":
            # the headers its packets leave DNAT with (the new address and port)
            if new_ip is not None:
                dst = ((new_ip, new_ip),)
            if new_port is not None:
                dport = ((new_port, new_port),)
            st.dnat_image.append(from_values(Cond, (src, dst, proto, sport, dport, itype, icode, None, inif, None)))
            bdst = new_dsts if action != "redirect" and new_dsts is not None else dst
            bound = (src, bdst, proto, sport, new_dports or dport, itype, icode, None, inif, None)
            st.dnat_bound.append(from_values(Cond, bound))
    if partial:
        # once per line and reason (a HotSpot binding is several rules of one line)
        if {"construct": "nat", "reason": partial, **rule.src.cite()} not in st.rep.partially_understood:
            st.partial("nat", partial, rule.src)
        # A HotSpot rule only uncertain whether it applies (FwRule.partial) rewrites
        # exactly when it does: its image is the one above, nothing else is uncertain.
        if kind == "destination" and not (rule.dynamic and set(reasons) <= {rule.partial}):
            st.dnat_uncertain.append(partial)
            if not rewrite_read or action not in ("accept", "redirect", "dst-nat", "netmap"):
                st.dnat_unbounded.append(partial)
