"""Cisco ASA forwarding policy synthesis: ``access-group`` bindings, ``nameif`` and
security levels → ONE device forwarding policy (:data:`POLICY`,
``Device.forward_filter``) whose lines carry in/out interfaces, in this order
(docs/vendors/cisco_asa.md, "Transit traffic: one forwarding policy"):

1. ``management-only`` interfaces: deny transit in or out;
2. ``no forward interface`` (ASA 5505): deny that pair;
   then the IPsec tunnels' partial lines (:mod:`.vpn`: with ``sysopt connection
   permit-vpn``, on by default, decrypted traffic bypasses 4–6 — maybe 3 too between
   two interfaces — and the outbound ACLs, which become ``asa-out-<interface>``);
3. same-security gate: without ``same-security-traffic permit inter-interface``
   traffic between two different interfaces of equal level is denied, without
   ``… intra-interface`` traffic in and out of the same interface is denied —
   whatever the ACLs say;
4. inbound ACLs (``access-group A in interface X``): A's lines restricted to
   ingress X, then A's implicit deny (cited as the access-group line);
5. the global ACL (``access-group G global``): G's lines for every ingress, then
   its implicit deny.  With a global ACL every interface has an access rule, so the
   security-level defaults below no longer apply anywhere;
6. otherwise, per ingress X without an inbound ACL: permit to lower levels (cited
   as X's ``security-level`` line), to equal levels with inter-interface (cited as
   that line), hairpin with intra-interface; then deny (lower→higher).

With pre-8.3 NAT an ACL line that may match a packet NAT untranslates is read widened
to what the untranslation may make of it, and partial (:func:`.legacy_nat.widen`), and
each permit line is preceded by a partial deny of the packets it permits that 8.2 may
drop because of NAT (:class:`.legacy_nat.NatDrop`): they become *maybe*, while what the
policy denies stays denied and cites its own line.  The other lines, and every line
above that does not look at addresses, stay exact.

Outbound ACLs are :attr:`~netaudit.model.Interface.filter_out` (evaluated after the
policy); ``access-group A in interface X control-plane`` → the device input policy
(:data:`CONTROL_PLANE`).  Stateful replies are implied: the engine only injects new
connections.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import Action, Filter, FilterLine, Match, Src
from netaudit.parsers.base import evolve
from netaudit.parsers.cisco_asa.acl_entries import is_unconditional
from netaudit.parsers.cisco_asa.facts import AccessGroupFact
from netaudit.parsers.cisco_asa.legacy_nat import ACL_REASON, DropLine, Untranslation, UntranslationIndex, widen
from netaudit.parsers.cisco_asa.vpn import VpnBuilder

POLICY = "asa-forward-policy"  # the synthesized Device.forward_filter
CONTROL_PLANE = "asa-control-plane"  # synthesized Device.input_filter (control-plane ACLs)


class PolicyBuilder(VpnBuilder):
    """The forwarding and control-plane policies (run by :meth:`.convert.ModelBuilder.finish`)."""

    def _finish_access_groups(self) -> None:
        """Resolve ``access-group`` lines: inbound/global ACLs feed the policy,
        outbound ones become interface filters.  A name that is not an extended ACL is
        rejected by the ASA: the binding is dropped and reported."""
        self.in_acls = {}  # acl -> [(interface, access-group)]
        self.in_by_if = {}
        self.cp_acls = []
        self.global_ag = None
        for ag in self.access_groups:
            defined = ag.acl in self.dev.filters
            self.refs.append(("acl", ag.acl, ag.src))
            if not defined and ag.acl in self.ipv6_acls:
                continue  # an IPv6 ACL's binding: the IPv4 one of the interface stays
            if not defined:
                what = Text("input.asa.acl_standard" if ag.acl in self.acls else "input.asa.acl_undefined")
                why = Text("input.asa.access_group_unusable", acl=ag.acl, what=what)
                self.rep.warnings.append(Text("input.at", where=f"{self.file}:{ag.src.line}", what=why))
                continue
            if ag.direction == "global":
                self.global_ag = ag
                continue
            assert ag.nameif is not None  # only a global access-group has no interface
            real = self.nameif_to_if.get(ag.nameif)
            if real is None:
                self.ref("nameif", ag.nameif, ag.src)
                continue
            if ag.control_plane:
                self.cp_acls.append((real, ag))
            elif ag.direction == "in":
                if real in self.in_by_if:  # a later access-group replaces the earlier one
                    old = self.in_by_if[real]
                    self.in_acls[old] = [(i, a) for i, a in self.in_acls[old] if i != real]
                self.in_by_if[real] = ag.acl
                self.in_acls.setdefault(ag.acl, []).append((real, ag))
            else:
                self.dev.interfaces[real].filter_out = ag.acl
        for acl in [a for a, v in self.in_acls.items() if not v]:
            del self.in_acls[acl]
        facts = self.facts
        for acl, binds in self.in_acls.items():
            for real, ag in binds:
                facts.access_groups.append(AccessGroupFact(acl, "in", real, ag.src))
        for real, ag in self.cp_acls:
            facts.access_groups.append(AccessGroupFact(ag.acl, "control-plane", real, ag.src))
        for name, itf in self.dev.interfaces.items():
            if itf.filter_out:
                ag = next(
                    a
                    for a in self.access_groups
                    if a.direction == "out"
                    and a.nameif is not None
                    and self.nameif_to_if.get(a.nameif) == name
                    and a.acl == itf.filter_out
                )
                facts.access_groups.append(AccessGroupFact(itf.filter_out, "out", name, ag.src))
        if self.global_ag is not None:
            facts.access_groups.append(AccessGroupFact(self.global_ag.acl, "global", None, self.global_ag.src))
        facts.same_security_inter = self.same_inter
        facts.management_only = {
            n: st.mgmt_only for n, st in self.ifs.items() if st.mgmt_only is not None and st.nameif
        }

    def _finish_policy(self) -> None:
        """Build the one forwarding policy (module docstring, steps 1–6)."""
        dev = self.dev
        self._unt_groups: dict[frozenset[str] | None, list[tuple[UntranslationIndex, frozenset[str]]]] = {}
        lines: list[FilterLine] = []
        # nameif'd interfaces in config order; management-only ones carry no transit at
        # all, so after step 1 they take no part (lines about them would only be shadowed)
        named = [n for n in self.ifs if n in self.levels]
        mgmt_only: dict[str, Src] = {}  # interface -> its management-only line
        for n in named:
            mo_src = self.ifs[n].mgmt_only
            if mo_src is not None:
                mgmt_only[n] = mo_src
        level = {n: self.levels[n][0] for n in named}
        lsrc = {n: self.levels[n][1] for n in named}
        # 1. management-only: no transit in or out
        for n, src in mgmt_only.items():
            f = frozenset({n})
            lines.append(
                FilterLine(
                    Action.DENY,
                    [Match(in_ifaces=f), Match(out_ifaces=f)],
                    src,
                    "management-only: no transit traffic",
                )
            )
        named = [n for n in named if n not in mgmt_only]
        # 2. ASA 5505 restricted interfaces
        for n in named:
            for target, src in self.ifs[n].no_forward:
                if target in dev.interfaces:
                    lines.append(
                        FilterLine(
                            Action.DENY,
                            [Match(in_ifaces=frozenset({n}), out_ifaces=frozenset({target}))],
                            src,
                            "no forward interface",
                        )
                    )
                else:
                    self.ref("interface", target, src)
        # 2b. decrypted IPsec traffic (sysopt connection permit-vpn): bypasses what follows
        lines.extend(self._vpn_policy_lines(named))
        # 3. same-security gate (applies whatever the ACLs say)
        for n in named:
            ms = []
            same = frozenset(m for m in named if m != n and level[m] == level[n])
            if self.same_inter is None and same:
                ms.append(Match(in_ifaces=frozenset({n}), out_ifaces=same))
            if self.same_intra is None:
                ms.append(Match(in_ifaces=frozenset({n}), out_ifaces=frozenset({n})))
            if ms:
                lines.append(
                    FilterLine(Action.DENY, ms, lsrc[n], "same security level: same-security-traffic not permitted")
                )
        # 4. inbound interface ACLs
        for acl, binds in self.in_acls.items():
            flt = dev.filters[acl]
            binds = [(i, ag) for i, ag in binds if i not in mgmt_only]
            if not binds:
                continue
            ifs = frozenset(i for i, _ in binds)
            for line in flt.lines:
                lines.extend(self._acl_line(line, acl, ifs))
            if self.global_ag is None and not _ends_open(flt):
                for real, ag in binds:
                    lines.append(
                        FilterLine(
                            Action.DENY,
                            [Match(in_ifaces=frozenset({real}))],
                            ag.src,
                            f"{acl}: implicit deny at end of access-list",
                        )
                    )
        # 5. global ACL, then its implicit deny; security levels no longer apply
        if self.global_ag is not None:
            g = dev.filters[self.global_ag.acl]
            for line in g.lines:
                lines.extend(self._acl_line(line, self.global_ag.acl, None))
            if not _ends_open(g):
                lines.append(
                    FilterLine(
                        Action.DENY,
                        [Match()],
                        self.global_ag.src,
                        f"{self.global_ag.acl}: implicit deny at end of global access-list",
                    )
                )
        else:
            # 6. security-level defaults for interfaces without an inbound ACL
            for n in named:
                if n in self.in_by_if:
                    continue
                me = frozenset({n})
                lower = frozenset(m for m in named if level[m] < level[n])
                if lower:
                    lines.append(
                        FilterLine(
                            Action.PERMIT,
                            [Match(in_ifaces=me, out_ifaces=lower)],
                            lsrc[n],
                            "higher to lower security level",
                        )
                    )
                same = frozenset(m for m in named if m != n and level[m] == level[n])
                if self.same_inter is not None and same:
                    lines.append(
                        FilterLine(
                            Action.PERMIT,
                            [Match(in_ifaces=me, out_ifaces=same)],
                            self.same_inter,
                            "same-security-traffic permit inter-interface",
                        )
                    )
                if self.same_intra is not None:
                    lines.append(
                        FilterLine(
                            Action.PERMIT,
                            [Match(in_ifaces=me, out_ifaces=me)],
                            self.same_intra,
                            "same-security-traffic permit intra-interface",
                        )
                    )
                lines.append(
                    FilterLine(
                        Action.DENY,
                        [Match(in_ifaces=me)],
                        lsrc[n],
                        "lower to higher security level without an access-list",
                    )
                )
        if self.legacy.drops:
            lines = self._with_nat_drops(lines, frozenset(named))
        policy = Filter(
            name=POLICY,
            lines=lines,
            kind="synthesized",
            source=dev.source,
            default_text=Text("input.asa.default.policy"),
        )
        dev.filters[POLICY] = policy
        dev.forward_filter = POLICY
        self._vpn_out_filters(named)  # outbound access-lists are bypassed too
        # control-plane ACLs → device input policy
        if self.cp_acls:
            cp: list[FilterLine] = []
            for real, ag in self.cp_acls:
                flt = dev.filters[ag.acl]
                me = frozenset({real})
                for line in flt.lines:
                    cp.append(FilterLine(line.action, _restrict(line.matches, me), line.source, ag.acl, line.partial))
                if not _ends_open(flt):
                    cp.append(
                        FilterLine(
                            Action.DENY,
                            [Match(in_ifaces=me)],
                            ag.src,
                            f"{ag.acl}: implicit deny at end of control-plane access-list",
                        )
                    )
            dev.filters[CONTROL_PLANE] = Filter(
                name=CONTROL_PLANE,
                lines=cp,
                kind="synthesized",
                default_action=Action.PERMIT,
                source=dev.source,
                default_text=Text("input.asa.default.control_plane"),
            )
            dev.input_filter = CONTROL_PLANE

    def _with_nat_drops(self, lines: list[FilterLine], named: frozenset[str]) -> list[FilterLine]:
        """``lines`` with, before each permit line, a partial deny of the packets it
        permits that pre-8.3 NAT may drop (one per :class:`.legacy_nat.NatDrop` it
        meets): those packets become *maybe*; a denied packet never meets one, so a
        blocked cell still cites the line that denies it."""
        by_in: dict[str, list[DropLine]] = {}
        for d in self.legacy.drops:
            ins = named if d.in_ifaces is None else d.in_ifaces & named
            outs = named if d.out_ifaces is None else d.out_ifaces & named
            if ins and outs:
                dl = DropLine(d, evolve(d.match, in_ifaces=ins, out_ifaces=outs))
                for i in sorted(ins):
                    by_in.setdefault(i, []).append(dl)
        out: list[FilterLine] = []
        for line in lines:
            if line.action == Action.PERMIT:
                ifs: set[str] = set()
                for m in line.matches:
                    ifs |= named if m.in_ifaces is None else m.in_ifaces
                seen: dict[int, DropLine] = {}
                for i in sorted(ifs):
                    for dl in by_in.get(i, ()):
                        seen.setdefault(id(dl), dl)
                for dl in seen.values():
                    met = [x for m in line.matches if (x := dl.meet(m)) is not None]
                    if met:
                        out.append(FilterLine(Action.DENY, met, dl.drop.source, dl.drop.name, dl.drop.reason))
            out.append(line)
        return out

    def _untranslation_groups(self, ifs: frozenset[str] | None) -> list[tuple[UntranslationIndex, frozenset[str]]]:
        """The interfaces of ``ifs`` (None: all) where pre-8.3 NAT may untranslate a
        destination, grouped by the untranslations that apply there (computed once per
        ACL binding)."""
        cache = self._unt_groups
        got = cache.get(ifs)
        if got is None:
            unt = self.legacy.untranslations
            scope = ifs if ifs is not None else frozenset(self.dev.interfaces)
            by_key: dict[tuple[int, ...], tuple[list[Untranslation], set[str]]] = {}
            for i in sorted(scope) if unt else ():
                here = [u for u in unt if u.iface in (None, i)]
                if here:
                    by_key.setdefault(tuple(map(id, here)), (here, set()))[1].add(i)
            got = cache[ifs] = [(UntranslationIndex(here), frozenset(members)) for here, members in by_key.values()]
        return got

    def _acl_line(self, line: FilterLine, acl: str, ifs: frozenset[str] | None) -> list[FilterLine]:
        """An ACL line as the policy reads it on ingress ``ifs`` (None: every interface,
        the global ACL).  With pre-8.3 NAT, on an interface where NAT may untranslate
        the destination of a packet the line may match, the line is read widened to
        what the untranslation may make of it, and partial (docs/vendors/cisco_asa.md,
        "NAT (pre-8.3)"); elsewhere it stays as written."""
        plain = FilterLine(
            line.action,
            list(line.matches) if ifs is None else _restrict(line.matches, ifs),
            line.source,
            acl,
            line.partial,
        )
        groups = self._untranslation_groups(ifs)
        if not groups:
            return [plain]
        scope = ifs if ifs is not None else frozenset(self.dev.interfaces)
        out: list[FilterLine] = []
        widened: set[str] = set()
        for here, members in groups:
            ms = _restrict(line.matches, members)
            wide = [widen(m, here) for m in ms]
            if wide != ms:
                out.append(FilterLine(line.action, wide, line.source, acl, line.partial or ACL_REASON))
                widened |= members
        if not widened:
            return [plain]
        rest = _restrict(line.matches, scope - widened)
        if rest:
            out.insert(0, FilterLine(line.action, rest, line.source, acl, line.partial))
        return out


def _restrict(matches: list[Match], ifs: frozenset[str]) -> list[Match]:
    """The matches limited to ingress interfaces ``ifs`` (intersected with an FTD
    ``ifc`` constraint already on the match; a match left with none is dropped)."""
    out = []
    for m in matches:
        new = ifs if m.in_ifaces is None else (m.in_ifaces & ifs)
        if new:
            out.append(evolve(m, in_ifaces=new))
    return out


def _ends_open(flt: Filter) -> bool:
    """The list has a fully understood line matching every packet: nothing reaches
    its implicit deny (an explicit deny for it would only be a shadowed line)."""
    return any(not line.partial and any(is_unconditional(m) for m in line.matches) for line in flt.lines)
