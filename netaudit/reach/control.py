"""A device's control plane (the packets addressed to it): its input policy, the
services listening and their access lists, the proxies among them; and where arrivals are
evaluated together (one evaluation per device, or per class of interfaces the same
services listen on: docs/performance.md)."""

from __future__ import annotations

from collections.abc import Callable

from ..headerspace import Bdd, HeaderSpace
from ..messages import Text
from ..model import Action, Device, MgmtService
from ..vocabulary import DEVICES_ZONE
from .paths import Run, Step, extend


class ControlPlane:
    """The engine's control plane (a part of :class:`~netaudit.reach.engine.Engine`)."""

    # Set and defined by the engine.
    hs: HeaderSpace
    _cache: dict
    apply_filter: Callable
    _deliver: Callable
    _leave: Callable
    _semantics: Callable
    _table_unsure: Callable
    fib: Callable
    own: dict
    if_addr: dict
    runtime_cand: dict
    runtime_connected: dict

    def _control_plane(self, run, dev: Device, ifn, P, certain, reason, path, deliver=None):
        """Packets addressed to ``dev`` arriving on ``ifn``: input policy, listening
        services and their access lists; ``deliver(zone, set, certain, reason, path, service)``
        receives what gets through (default: the run's @devices delivery)."""
        hs = self.hs
        if deliver is None:

            def deliver(zone, S, c, r, p, svc):
                self._deliver(run, zone, S, c, r, p, svc)

        for Q, c, r in self.apply_filter(run, dev, dev.input_filter, P, ifn, None):
            p1 = (
                extend(path, Step("filter", dev.hostname, ifn, None, filter=dev.input_filter, note="input"))
                if dev.input_filter
                else path
            )
            for svc, u in self._service_sets(dev):
                if svc.interfaces is not None and ifn not in svc.interfaces:
                    continue
                S = Q & u
                if svc.bound_to is not None:
                    S &= self._bound_addresses(dev, svc, ifn)
                if S == hs.false:
                    continue
                p2 = extend(p1, Step("service", dev.hostname, ifn, None, service=svc))
                if svc.acl:
                    for T, c2, r2 in self.apply_filter(run, dev, svc.acl, S, ifn, None):
                        p3 = extend(p2, Step("filter", dev.hostname, ifn, None, filter=svc.acl, note="service"))
                        deliver(
                            DEVICES_ZONE,
                            T,
                            certain and c and c2 and not svc.partial,
                            reason or r or r2 or _svc_partial(dev, svc),
                            p3,
                            svc,
                        )
                        if svc.relay:
                            self._relay(run, dev, svc, T)
                else:
                    deliver(
                        DEVICES_ZONE,
                        S,
                        certain and c and not svc.partial,
                        reason or r or _svc_partial(dev, svc),
                        p2,
                        svc,
                    )
                    if svc.relay:
                        self._relay(run, dev, svc, S)

    def _relay(self, run: Run, dev: Device, svc: MgmtService, S) -> None:
        """Clients ``S`` a proxy of ``dev`` admits: it connects for them to any address
        and port — or, with ``svc.relay_to``, where that filter permits out of the
        interface the device routes the target by —, which the snapshot does not follow:
        maybe delivered to every zone and to the devices owning such a target
        (docs/semantics.md, "Proxies on a device")."""
        hs = self.hs
        onward = hs.exist(["dst_ip", "dst_port"], S) & hs.new_connections
        why = Text("reason.relay", device=dev.hostname, service=svc.name)
        if svc.relay_to is not None:
            onward = self._relay_targets(dev, svc.relay_to, onward)
            why = Text("reason.relay_limited", device=dev.hostname, service=svc.name, rules=_rules_named(dev, svc))
        if onward != hs.false:
            self._leave(run, onward, why, devices=True)

    def _relay_targets(self, dev: Device, name: str, onward):
        """What of ``onward`` (the clients' packets, any target) the filter ``name`` may
        permit, read with each interface the device may route a target by: its own
        routes in every VRF (a route it may learn, a run-time address, policy routing:
        any interface of the VRF).  The device's own addresses are not routed out of an
        interface: kept.  A filter missing or not read whole: all of it."""
        hs = self.hs
        flt = dev.filters.get(name)
        if flt is None or flt.partial:
            return onward
        unsure = self._table_unsure(dev) is not None or bool(dev.policy_routes)
        out = hs.false
        for vrf in sorted({itf.vrf for itf in dev.interfaces.values()}):
            out |= onward & self.own.get((dev.hostname, vrf), hs.false)
            anywhere = [i.name for i in dev.interfaces.values() if i.vrf == vrf and (i.is_l3 or i.dynamic_address)]
            dynamic = [(dyn_if, dsts) for dyn_if, dsts, _ in self.runtime_connected.get((dev.hostname, vrf), ())]
            for region, acts in self.fib(dev, vrf):
                R = onward & region
                if R == hs.false:
                    continue
                outs = [o for o, _, _ in acts] if isinstance(acts, list) else []
                if unsure and not (outs and all(route.origin == "connected" for _, _, route in acts)):
                    outs = anywhere  # a longer route it learns may take them anywhere
                for out_if in outs:
                    out |= self._relay_permits(dev, name, R, out_if)
            for dyn_if, dsts in dynamic:  # a connected route received at run time
                R = onward & dsts
                if R != hs.false:
                    out |= self._relay_permits(dev, name, R, dyn_if)
        return out

    def _relay_permits(self, dev: Device, name: str, R, out_if: str):
        """What of ``R`` the relay filter ``name`` may permit out of ``out_if`` (a
        superset: its maybe-permitted packets count)."""
        certain, maybe, _ = self._semantics(dev, name, None, out_if)
        return R & (certain | maybe)

    def _service_sets(self, dev: Device) -> list[tuple[MgmtService, Bdd]]:
        """The device's enabled services, each with the packets it listens for."""
        key = ("services", dev.hostname)
        got = self._cache.get(key)
        if got is None:
            hs = self.hs
            got = []
            for svc in dev.services:
                if not svc.enabled:
                    continue
                u = hs.eq("proto", svc.protocol)
                if svc.ports:
                    u &= hs.ports("dst_port", svc.ports)
                if svc.icmp_type is not None:
                    u &= hs.eq("icmp_type", svc.icmp_type)
                got.append((svc, u))
            self._cache[key] = got
        return got

    def _bound_addresses(self, dev: Device, svc: MgmtService, ifn: str | None):
        """The destinations ``svc`` answers on for a packet arriving on ``ifn``: the
        addresses of the interfaces it is bound to (``MgmtService.bound_to``) in the VPN
        instance of ``ifn`` — a run-time address's candidates included —, from any
        interface (docs/semantics.md, "Services bound to some addresses").  ``ifn`` None:
        arrivals of every interface evaluated together (one VPN instance: ``_control_at``)."""
        vrf = dev.interfaces[ifn].vrf if ifn is not None and ifn in dev.interfaces else None
        key = ("bound", dev.hostname, svc.name, svc.bound_to, vrf)
        got = self._cache.get(key)
        if got is None:
            got = self.hs.false
            for name in sorted(svc.bound_to or ()):
                itf = dev.interfaces.get(name)
                if itf is None or itf.shutdown or (vrf is not None and itf.vrf != vrf):
                    continue
                got |= self.if_addr.get((dev.hostname, name), self.hs.false)
                cand = self.runtime_cand.get((dev.hostname, name))
                if cand is not None:
                    got |= cand
            self._cache[key] = got
        return got

    def _control_at(self, dev: Device, ifn: str) -> str | None:
        """Where arrivals on ``ifn`` at ``dev``'s control plane are evaluated: None (with every
        interface's) when its input policy, services and their access lists never look at the
        interface; when only some services listen on some interfaces (an IOS DHCP relay agent),
        the first interface the same services listen on; else ``ifn`` itself (also for every
        arrival of a device with several VPN instances where a service is bound to some
        addresses: which it answers on depends on the arrival's VPN instance)."""
        key = ("control-at", dev.hostname)
        got = self._cache.get(key)
        if got is None:
            enabled = [svc for svc in dev.services if svc.enabled]
            names = [dev.input_filter, *(svc.acl for svc in enabled)]
            matches = [m for n in names if n in dev.filters for line in dev.filters[n].lines for m in line.matches]
            listening = [svc.interfaces for svc in enabled if svc.interfaces is not None]
            # a service bound to some addresses answers on them in their VPN instance only
            bound = any(svc.bound_to is not None for svc in enabled)
            if not all(m.in_ifaces is None for m in matches) or (
                bound and len({i.vrf for i in dev.interfaces.values()}) > 1
            ):
                got = "each"
            elif not listening:
                got = "all"
            else:  # interface -> the first interface of its class
                first: dict[tuple, str] = {}
                got = {n: first.setdefault(tuple(n in i for i in listening), n) for n in sorted(dev.interfaces)}
            self._cache[key] = got
        if isinstance(got, dict):
            return got.get(ifn, ifn)
        return None if got == "all" else ifn


def _rules_named(dev: Device, svc: MgmtService) -> str:
    """The relay filter of ``svc`` for a reason: its name, and the lines that let the
    proxy connect when it connects nowhere else (a FortiGate's accept proxy policies)."""
    name = svc.relay_to or ""
    flt = dev.filters.get(name)
    if flt is None or flt.default_action == Action.PERMIT:
        return name
    permits = list(dict.fromkeys(line.name for line in flt.lines if line.action == Action.PERMIT and line.name))
    more = f", … ({len(permits)})" if len(permits) > 3 else ""
    return f"{name} ({', '.join(permits[:3])}{more})" if permits else name


def _svc_partial(dev: Device, svc: MgmtService) -> Text | None:
    if not svc.partial:
        return None
    return Text("reason.service_partial", device=dev.hostname, service=svc.name, detail=svc.partial)
