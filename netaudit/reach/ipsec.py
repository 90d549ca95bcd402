"""Static IPsec tunnels an interface terminates (model.IpsecTunnel: an IOS crypto map
entry read whole): the packets a tunnel takes leaving the interface and those that may
come decrypted out of it entering (docs/semantics.md, "IPsec tunnels"); and the zones
behind them (site ``via: tunnel``: docs/semantics.md, "A zone behind a tunnel"), whose
hosts send only through the tunnels and are reached only through them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from netaddr import IPSet

from ..headerspace import Bdd, HeaderSpace
from ..messages import Text
from ..model import Device, Interface
from ..topology import Topology
from ..zones import PlacedZone
from ..zones.placement import tunnel_gap
from .paths import Run, Step, extend

# Addresses the Internet does not route (RFC 1918): a zone behind a tunnel that owns
# others may be reached in clear too, through the ISP (docs/semantics.md).
PRIVATE = IPSet(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"])


class IpsecTunnels:
    """The engine's IPsec tunnels (a part of :class:`~netaudit.reach.engine.Engine`)."""

    # Set and defined by the engine.
    hs: HeaderSpace
    topo: Topology
    zones: dict[str, PlacedZone]
    zone_addr: dict[str, Bdd]
    _cache: dict
    _semantics: Callable
    _ipset: Callable
    _ingress: Callable
    _deliver: Callable
    _leave: Callable
    _emit_hosts: Callable

    def _tunnel_zones_setup(self, zones: list[PlacedZone]) -> None:
        """Where the zones behind tunnels are: (device, interface) -> their names, and the
        addresses of each the Internet may route (not RFC 1918)."""
        self.tunnel_zones: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.tunnel_clear: dict[str, Bdd] = {}
        self.clear_beside: dict[str, list[tuple]] = defaultdict(list)  # domain -> [(such zone, dev, ifn)]
        for z in zones:
            for key in z.tunnels:
                self.tunnel_zones[key].append(z.name)
            public = self._ipset(z.owned - PRIVATE) & self.zone_addr[z.name] if z.tunnels else self.hs.false
            if public != self.hs.false:
                self.tunnel_clear[z.name] = public
                for dev, ifn in z.tunnels:
                    did = self.topo.l3_domain(dev, ifn) or self.topo.port_domain(dev, ifn)
                    if did is not None:
                        self.clear_beside[did].append((z.name, dev, ifn))

    def _in_clear_beside(self, run: Run, did: str, P, reason, src: str) -> None:
        """Hosts on segment ``did`` send ``P``: the addresses the Internet routes of a zone
        behind the tunnels of an interface there may be reached through the ISP (maybe)."""
        for zname, dev, ifn in self.clear_beside.get(did, ()):
            if zname != src:
                why = Text("reason.tunnel_zone_in_clear", zone=zname, device=dev, interface=ifn)
                self._deliver(run, zname, P & self.tunnel_clear[zname], False, reason or why, None)

    def _tunnels_of(self, dev: Device, itf: Interface) -> list[tuple]:
        """Per tunnel of ``itf``: (tunnel, the reason fields, what it takes leaving —
        any packet its selector may permit —, the mirror's (certain, maybe, reasons))."""
        key = ("ipsec", dev.hostname, itf.name)
        tunnels = self._cache.get(key)
        if tunnels is None:
            tunnels = []
            for t in itf.ipsec_tunnels:
                fields = {
                    "device": dev.hostname,
                    "interface": itf.name,
                    "entry": t.source.text,
                    "where": f"{t.source.file.rsplit('/', 1)[-1]}:{t.source.line}",
                    "peers": ", ".join(t.peers),
                }
                selector = self._selected(dev, t.encrypts, None, itf.name)
                tunnels.append((t, fields, selector, self._selected(dev, t.decrypts, itf.name, None)))
            self._cache[key] = tunnels
        return tunnels

    def _tunnel_parts(self, dev: Device, itf, P, inbound: bool) -> list[tuple]:
        """The parts of ``P`` the static IPsec tunnels of ``itf`` take (model.IpsecTunnel),
        each with its reason and tunnel: leaving, what the first tunnel's selector holds
        goes to it (a later one sees the rest); entering, what may come decrypted out of each."""
        hs = self.hs
        parts = []
        for t, fields, (c_out, m_out, _), (c_in, m_in, _) in self._tunnels_of(dev, itf):
            T = P & ((c_in | m_in) if inbound else (c_out | m_out))
            if T != hs.false:
                why = (
                    Text("reason.ipsec_decrypted", **fields)
                    if inbound
                    else Text("reason.ipsec_encrypted", acl=t.encrypts, **fields)
                )
                parts.append((T, why, t))
                P = P & ~T
        return parts

    def _selected(self, dev: Device, name: str, in_if, out_if) -> tuple:
        """(certainly, maybe permitted, [(packets, reason)]) of the filter ``name``: any
        packet maybe when it is not defined or not read whole."""
        hs = self.hs
        flt = dev.filters.get(name)
        if flt is None:
            return hs.false, hs.true, [(hs.true, Text("reason.filter_undefined", filter=name, device=dev.hostname))]
        if flt.partial:
            why = Text("reason.filter_partial", filter=name, device=dev.hostname, detail=flt.partial)
            return hs.false, hs.true, [(hs.true, why)]
        return self._semantics(dev, name, in_if, out_if)

    def _inject_behind_tunnel(self, run: Run, src: str, dev_name: str, ifn: str, P, queue) -> None:
        """Zone ``src``'s packets ``P``, its hosts behind the tunnels of ``dev_name:ifn``:
        they enter the device decrypted out of a tunnel — what a tunnel's mirror lets come
        from them — past the interface's inbound filter (docs/semantics.md, "IPsec
        tunnels"); addresses the Internet routes may arrive in clear on the segment too
        (maybe).  No modelled tunnel: every packet, maybe."""
        hs = self.hs
        dev = self.topo.devices[dev_name]
        itf = dev.interfaces[ifn]
        path = extend(None, Step("inject", note=f"{src} hosts behind the tunnels of {dev_name}:{ifn}"))
        clear = self.tunnel_clear.get(src)
        did = self.topo.l3_domain(dev_name, ifn) or self.topo.port_domain(dev_name, ifn)
        if clear is not None and did is not None:
            S = P & hs.dst_to_src(clear)
            if S != hs.false:
                why = Text("reason.tunnel_zone_in_clear", zone=src, device=dev_name, interface=ifn)
                self._emit_hosts(run, did, S, False, why, path, src, queue)
        if not itf.ipsec_tunnels:
            gap = Text("reason.tunnel_unmodelled", zone=src, gap=tunnel_gap(dev_name, itf))
            self._ingress(run, dev_name, ifn, P, False, gap, path, queue, decrypted=Step("l2", dev_name, note=gap))
            return
        parts: list[tuple] = []
        rest = P
        for certain in (True, False):  # a packet one tunnel surely lets out is sure
            for t, fields, _, (c_in, m_in, reasons) in self._tunnels_of(dev, itf):
                T = rest & (c_in if certain else m_in)
                if T == hs.false:
                    continue
                rest = rest & ~T
                line = None if certain else next((r for u, r in reasons if hs.meets(u, T)), None)
                parts.append((T, certain, line or Text("reason.ipsec_decrypted", **fields), t, fields))
        for T, certain, unsure, t, fields in parts:
            note = Text("witness.note.decrypted", **fields)
            step = Step("l2", dev_name, ifn, None, note=note, cites=(t.source,))
            self._ingress(run, dev_name, ifn, T, certain, None if certain else unsure, path, queue, decrypted=step)

    def _tunnel_egress(self, run: Run, dev: Device, out_if: str, U, certain: bool, reason, path):
        """``U`` leaving ``dev`` by ``out_if`` past its filter and source NAT: what a tunnel
        takes goes to its peer — delivered to the zones behind it that own its destination,
        beyond the snapshot (maybe, any zone) otherwise; the rest is returned, to leave in
        clear.  A zone behind the interface's tunnels is maybe reached by what leaves in
        clear when no tunnel is modelled there, or for addresses the Internet routes."""
        hs = self.hs
        itf = dev.interfaces[out_if]
        behind = self.tunnel_zones.get((dev.hostname, out_if), [])
        for T, why, t in self._tunnel_parts(dev, itf, U, inbound=False):
            U = U & ~T
            rest = T
            fields, (surely, _, unsure) = next((f, sel) for tun, f, sel, _ in self._tunnels_of(dev, itf) if tun is t)
            for zname in behind:
                mine = T & self.zone_addr[zname]
                if mine == hs.false:
                    continue
                rest = rest & ~mine
                note = Text("witness.note.encrypted", zone=zname, **fields)
                step = Step("l2", dev.hostname, None, out_if, note=note, cites=(t.source,))
                # Only what the selector surely takes surely goes in (a partial line of the
                # crypto ACL may leave a packet in clear, toward the ISP).
                sure = mine & surely
                if sure != hs.false:
                    self._deliver(run, zname, sure, certain, reason, extend(path, step))
                if sure != mine:
                    part = mine & ~surely
                    line = next((r for u, r in unsure if hs.meets(u, part)), why)
                    self._deliver(run, zname, part, False, reason or line, extend(path, step))
            if rest != hs.false:
                self._leave(run, rest, reason or why)
        if U == hs.false:
            return U
        for zname in behind:
            if not itf.ipsec_tunnels:
                self._deliver(run, zname, U, False, reason or self.unmodelled_tunnel(zname), None)
            clear = U & self.tunnel_clear.get(zname, hs.false)
            if clear != hs.false:
                why = Text("reason.tunnel_zone_in_clear", zone=zname, device=dev.hostname, interface=out_if)
                self._deliver(run, zname, clear, False, reason or why, None)
        return U

    def unmodelled_tunnel(self, zone: str) -> Text | None:
        """Why zone ``zone``, behind tunnels (site ``via: tunnel``), is not all modelled:
        an interface it is behind has no modelled tunnel (a crypto map not read whole, a
        vendor whose tunnels the parser does not give); None otherwise.  No verdict from
        or to it may then be "blocked" (reach.matrix)."""
        for dev, ifn in self.zones[zone].tunnels:
            itf = self.topo.devices[dev].interfaces[ifn]
            if not itf.ipsec_tunnels:
                return Text("reason.tunnel_unmodelled", zone=zone, gap=tunnel_gap(dev, itf))
        return None
