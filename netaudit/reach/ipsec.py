"""Static IPsec tunnels an interface terminates (model.IpsecTunnel: an IOS crypto map
entry read whole): the packets a tunnel takes leaving the interface and those that may
come decrypted out of it entering (docs/semantics.md, "IPsec tunnels")."""

from __future__ import annotations

from collections.abc import Callable

from ..headerspace import HeaderSpace
from ..messages import Text
from ..model import Device


class IpsecTunnels:
    """The engine's IPsec tunnels (a part of :class:`~netaudit.reach.engine.Engine`)."""

    # Set and defined by the engine.
    hs: HeaderSpace
    _cache: dict
    _semantics: Callable

    def _tunnel_parts(self, dev: Device, itf, P, inbound: bool) -> list[tuple]:
        """The parts of ``P`` the static IPsec tunnels of ``itf`` take (model.IpsecTunnel),
        each with its reason: leaving, what the first tunnel's selector holds goes to it
        (a later one sees the rest); entering, what may come decrypted out of each."""
        hs = self.hs
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
                out_set = self._selected(dev, t.encrypts, None, itf.name)
                in_set = self._selected(dev, t.decrypts, itf.name, None)
                tunnels.append(
                    (
                        out_set,
                        Text("reason.ipsec_encrypted", acl=t.encrypts, **fields),
                        in_set,
                        Text("reason.ipsec_decrypted", **fields),
                    )
                )
            self._cache[key] = tunnels
        parts = []
        for out_set, out_why, in_set, in_why in tunnels:
            T = P & (in_set if inbound else out_set)
            if T != hs.false:
                parts.append((T, in_why if inbound else out_why))
                P = P & ~T
        return parts

    def _selected(self, dev: Device, name: str, in_if, out_if):
        """Every packet the filter ``name`` may permit (any packet when it is not defined)."""
        if name not in dev.filters or dev.filters[name].partial:
            return self.hs.true
        certain, maybe, _ = self._semantics(dev, name, in_if, out_if)
        return certain | maybe
