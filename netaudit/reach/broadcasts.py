"""UDP broadcasts a router sends on to helper addresses (model.UdpHelper, IOS ``ip
helper-address``): the part of what an interface receives that is a broadcast on a
forwarded port becomes, past its inbound filter, one copy per helper with the
destination rewritten and the client's source kept, routed and filtered from there as
any packet of the device (docs/semantics.md, "UDP broadcast forwarding")."""

from __future__ import annotations

from collections.abc import Callable

from ..headerspace import HeaderSpace
from ..messages import Text
from ..model import PROTO_UDP, Device, Interface
from .paths import Run, Step, extend

LIMITED_BROADCAST = 0xFFFFFFFF


class BroadcastHelpers:
    """The engine's broadcast forwarding (a part of :class:`~netaudit.reach.engine.Engine`)."""

    # Set and defined by the engine.
    hs: HeaderSpace
    _cache: dict
    own: dict
    _route: Callable[..., None]
    _routing_ignores_ingress: Callable[[Device], bool]
    _lookup: Callable[..., None]
    _leave: Callable[..., None]

    def _broadcast_dsts(self, dev: Device, itf: Interface | None):
        """Destinations IOS takes for a broadcast arriving on ``itf``: 255.255.255.255
        and the broadcast address of each of its subnets (of every interface of the
        device when ``itf`` is None)."""
        hs = self.hs
        key = ("bcast-dst", dev.hostname, itf.name if itf is not None else None)
        got = self._cache.get(key)
        if got is None:
            got = hs.eq("dst_ip", LIMITED_BROADCAST)
            for i in [itf] if itf is not None else list(dev.interfaces.values()):
                for a in i.addresses:
                    if a.prefixlen <= 30:
                        got |= hs.eq("dst_ip", int(a.broadcast))
            self._cache[key] = got
        return got

    def _forwarded(self, dev: Device):
        """(packets forwarded surely, packets that may be) by the device's forwarded
        ports and protocols, whatever their destination."""
        key = ("bcast-fwd", dev.hostname)
        got = self._cache.get(key)
        if got is None:
            hs, fwd = self.hs, dev.broadcast_forwarding
            assert fwd is not None, "only a device with broadcast forwarding"
            udp = hs.eq("proto", PROTO_UDP)
            sure = udp & hs.ports("dst_port", fwd.ports) if fwd.ports else hs.false
            for proto in fwd.protocols:
                sure |= hs.eq("proto", proto)
            maybe = udp & hs.ports("dst_port", fwd.maybe_ports) if fwd.maybe_ports else hs.false
            got = self._cache[key] = (sure, maybe)
        return got

    def _forward_broadcasts(self, run: Run, dev: Device, itf: Interface, P, certain, reason, path, queue) -> None:
        """The broadcasts of ``P`` (past ``itf``'s inbound filter) the device sends on: a
        copy to each helper of ``itf``; with forwarding the model does not follow
        (BroadcastForwarding.partial), every broadcast maybe anywhere."""
        hs = self.hs
        fwd = dev.broadcast_forwarding
        if fwd is None:
            return
        if fwd.partial:
            B = P & self._broadcast_dsts(dev, None)
            if B != hs.false:
                why = reason or Text(
                    "reason.broadcast_forwarding_partial", device=dev.hostname, interface=itf.name, detail=fwd.partial
                )
                # Flooded or forwarded on, its destination may become any address.
                self._leave(run, hs.exist(["dst_ip"], B), why)
        if not itf.udp_helpers:
            return
        B = P & self._broadcast_dsts(dev, itf)
        if B == hs.false:
            return
        sure, maybe = self._forwarded(dev)
        parts = [(B & sure, certain, reason)]
        if maybe != hs.false:
            why = reason or Text(
                "reason.helper_unsure", device=dev.hostname, interface=itf.name, detail=fwd.maybe_reason
            )
            parts.append((B & maybe, False, why))
        doubt = self._helper_doubt(dev, itf)
        for helper in itf.udp_helpers:
            vrf = helper.vrf or itf.vrf
            for S, c, r in parts:
                if S == hs.false:
                    continue
                if doubt is not None:
                    c, r = (
                        False,
                        r or Text("reason.helper_unsure", device=dev.hostname, interface=itf.name, detail=doubt),
                    )
                moved = hs.rewrite(S, "dst_ip", helper.address)
                step = Step("nat", dev.hostname, itf.name, None, nat_fields=("dst_ip",), pre=S, cites=(helper.source,))
                p = extend(path, step)
                own = moved & self.own[(dev.hostname, vrf)]
                if own != hs.false:  # a helper that is the router itself: its services
                    run.control.setdefault((dev.hostname, itf.name, c, r), []).append((own, p))
                    moved &= ~own
                if moved == hs.false:
                    continue
                if c and doubt is None and self._routing_ignores_ingress(dev):
                    # One lookup with the other arrivals on the device, as any packet's
                    # (Work.append_route): a zone's copies arrive on dozens of SVIs.
                    queue.append_route(dev.hostname, vrf, moved, p)
                    continue
                self._route(run, dev, itf.name, vrf, moved, c, r, p, queue)
                if doubt is not None and dev.policy_routes:  # … and the way without policy routing
                    self._lookup(run, dev, itf.name, vrf, moved, c, r, p, queue)

    def _helper_doubt(self, dev: Device, itf: Interface) -> str | None:
        """Why the copies' way on from ``itf`` is not certain, or None: a policy-routing
        rule that may apply to packets received there (whether IOS applies it to the
        forwarded broadcasts is not established), routing turned off."""
        if not dev.ip_routing:
            return "IP routing is off: whether the helper still forwards is not established"
        for pr in dev.policy_routes:
            if any(m.in_ifaces is None or itf.name in m.in_ifaces for m in pr.matches):
                return "policy routing on the interface: whether it applies to forwarded broadcasts is not established"
        return None
