"""Address translation: destination NAT on ingress, source NAT on the way out, and the
port forwards hosts open at run time (UPnP) — a part of
:class:`~netaudit.reach.engine.Engine` (docs/semantics.md)."""

from __future__ import annotations

from collections.abc import Callable

from ..headerspace import HeaderSpace
from ..messages import Text
from ..model import PROTO_TCP, PROTO_UDP, Device, NatRule
from ..topology import Topology
from .paths import Run, Step, extend


class Nat:
    """The engine's NAT (a part of :class:`~netaudit.reach.engine.Engine`)."""

    # Set and defined by the engine.
    hs: HeaderSpace
    topo: Topology
    _cache: dict
    runtime_address: dict
    zones_in_domain: dict
    apply_filter: Callable
    _deliver: Callable[..., None]

    def _runtime_forwards(self, run: Run, dev: Device, ifn: str, P, reason, path) -> None:
        """TCP/UDP packets for the device's own address arriving where hosts open port
        forwards at run time (UPnP): they may be translated to any address and port of
        the zones behind the forward's inside interfaces — maybe delivered there."""
        hs = self.hs
        forwards = [f for f in dev.runtime_forwards if f.in_interface == ifn]
        tcp_udp = P & (hs.eq("proto", PROTO_TCP) | hs.eq("proto", PROTO_UDP)) if forwards else hs.false
        if tcp_udp == hs.false:
            return
        translated = hs.exist(["dst_ip", "dst_port"], tcp_udp)
        for fwd in forwards:
            why = reason or Text("reason.runtime_forward", device=dev.hostname, interface=ifn, what=fwd.what)
            step = Step("nat", dev.hostname, ifn, None, note=Text("note.runtime_forward", what=fwd.what))
            for inside in fwd.to_interfaces:
                did = self.topo.l3_domain(dev.hostname, inside) or self.topo.port_domain(dev.hostname, inside)
                for zname in self.zones_in_domain.get(did, []) if did is not None else []:
                    self._deliver(run, zname, translated, False, why, extend(path, step))

    def _nat_match(self, dev: Device, rule: NatRule, P, in_if, out_if):
        """(packets of ``P`` the rule surely matches, those it may match, why the latter
        are uncertain): only a rule selecting by an ACL not fully understood has some."""
        hs = self.hs
        if rule.in_ifaces is not None and in_if not in rule.in_ifaces:
            return hs.false, hs.false, None
        if rule.out_ifaces is not None and out_if not in rule.out_ifaces:
            return hs.false, hs.false, None
        u = P & hs.match(rule.match)
        maybe, why = hs.false, None
        if rule.acl and u != hs.false:
            flt = dev.filters.get(rule.acl)
            if flt is None:
                return hs.false, hs.false, None
            sel = hs.false
            for Q, c, r in self.apply_filter(Run({}), dev, rule.acl, u, in_if, out_if):
                if c:
                    sel |= Q
                else:  # the ACL may or may not select them
                    maybe |= Q
                    why = why or r
            u = sel
        return u, maybe, why

    def _dnat(self, dev: Device, in_if: str, P, path):
        """Destination NAT on ingress, before routing."""
        return self._nat(dev, "destination", in_if, None, P, path)

    def _snat(self, dev: Device, in_if: str, out_if: str, P, path):
        """Source NAT after routing, on the way out."""
        return self._nat(dev, "source", in_if, out_if, P, path)

    def _rewrites(self, dev: Device, rule: NatRule) -> list[tuple[str, int]]:
        """(field, new value) pairs a rule writes; [] when its target is unknown."""
        if rule.kind == "destination":
            out = [("dst_ip", rule.to_ip)] if rule.to_ip is not None else []
            return out + ([("dst_port", rule.to_port)] if rule.to_port is not None else [])
        to = rule.to_ip
        if to is None and rule.to_interface:
            itf = dev.interfaces.get(rule.to_interface)
            to = (
                int(itf.addresses[0].ip)
                if itf and itf.addresses
                else self.runtime_address.get((dev.hostname, rule.to_interface))
            )  # masquerade to a run-time address
        return [("src_ip", to)] if to is not None else []

    def _nat(self, dev: Device, kind: str, in_if: str, out_if: str | None, P, path):
        """Split ``P`` by the first matching NAT rule of ``kind`` and rewrite each part:
        [(set, path, reason)] where ``reason`` is set when the rule was not fully understood."""
        hs = self.hs
        key = ("nat-rules", dev.hostname, kind)
        rules = self._cache.get(key)
        if rules is None:
            rules = self._cache[key] = [r for r in dev.nat_rules if r.kind == kind]
        if not rules:
            return [(P, path, None)]
        out: list = []
        # Packets no earlier rule translated: those surely not (why None), and those a
        # rule not fully understood may have left untranslated (why: that rule).  A
        # partial rule's match is wider than the rule, so the packets it covers go both
        # ways, translated and not, each "maybe": taking them all as translated lost the
        # untranslated flow, a false "blocked" (a hairpin dst-nat on a DNS-named list).
        pending: list = [(P, None)]
        for rule in rules:
            later: list = []
            writes = None
            for rest, unsure in pending:
                sure_hit, maybe_hit, acl_why = self._nat_match(dev, rule, rest, in_if, out_if)
                if sure_hit == hs.false and maybe_hit == hs.false:
                    later.append((rest, unsure))
                    continue
                if writes is None:
                    writes = self._rewrites(dev, rule)  # none: identity NAT, the packet is kept
                # Packets the rule may or may not match (its ACL not fully understood) go
                # both ways too, like those of a partial rule.
                for hit, why, both in (
                    (sure_hit, unsure or _nat_partial(dev, rule, kind), rule.partial),
                    (maybe_hit, unsure or acl_why or _nat_partial(dev, rule, kind), True),
                ):
                    if hit == hs.false:
                        continue
                    new = hit
                    for fld, value in writes:
                        new = hs.rewrite(new, fld, value)
                    if rule.partial and not writes and rule.to_ip is None and rule.to_interface is None:
                        # Translated to an address not understood: any (and any port, unless
                        # the rule names it), never "kept as it was" — that lost the packets
                        # a static NAT sends to its real hosts.
                        side = "dst" if kind == "destination" else "src"
                        new = hs.exist([f"{side}_ip", *([] if rule.to_port is not None else [f"{side}_port"])], hit)
                    step = Step(
                        "nat", dev.hostname, in_if, out_if, nat=rule, nat_fields=tuple(f for f, _ in writes), pre=hit
                    )
                    out.append((new, extend(path, step), why))
                    if both:
                        later.append((hit, why))
                left = rest & ~sure_hit & ~maybe_hit
                if left != hs.false:
                    later.append((left, unsure))
            pending = _merge_unsure(later)
        out.extend((rest, path, unsure) for rest, unsure in pending)
        return out


def _nat_partial(dev: Device, rule: NatRule, kind: str) -> Text | None:
    """Why packets a NAT rule matched may go otherwise: the rule not fully understood."""
    if not rule.partial:
        return None
    return Text(
        "reason.nat_partial",
        device=dev.hostname,
        rule=rule.source.text if rule.source else kind,
        detail=rule.partial,
    )


def _merge_unsure(pending: list) -> list:
    """At most two parts: the surely untranslated packets, and the unsure ones under the
    first reason (one set per partial rule would double with every such rule)."""
    merged: dict = {}  # None or the first reason -> (its set, the reason)
    for u, why in pending:
        slot = None if why is None else "unsure"
        got = merged.get(slot)
        merged[slot] = (u, why) if got is None else (got[0] | u, got[1])
    return list(merged.values())
