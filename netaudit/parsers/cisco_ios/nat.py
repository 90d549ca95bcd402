"""Cisco IOS NAT as it is read: ``ip nat inside|outside source …`` and ``ip nat pool``.

Rules wait in the parse state until :mod:`.convert` knows the inside / outside
interfaces and the pools (``ip nat … pool P`` translates to the pool's first address,
reported as partial; ``static network``, route-map and other ``outside`` forms are
partial rules).
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import PROTO_TCP, PROTO_UDP, AddrMatch, Match, NatRule, PortRange, Src
from netaudit.parsers.base import IGNORE_CTX, Unknown
from netaudit.parsers.cisco_common import canonical_ifname, port_number
from netaudit.parsers.cisco_ios.state import IosState
from netaudit.parsers.ip import ip_to_int


class NatReader(IosState):
    """``ip nat …`` global lines (the interface side, ``ip nat inside|outside``, is an
    interface line)."""

    def h_ip_nat(self, tokens, low, src):
        n = len(low)
        if n >= 3 and low[2] == "pool":
            self._nat_pool(tokens, low, src)
            return
        if n == 3 and low[2] in ("inside", "outside"):
            # An interface's line, never a global command: de-indented input, whose open
            # interface block takes it (it was counted as an ignored global line, and the
            # NAT of the interface lost without a word).
            ctx = self.before
            if ctx is not None and ctx.kind == "interface" and self._in_ctx(ctx, src.text, src.line, True):
                self.ctx = ctx
                return
            raise Unknown
        if n < 5 or low[2] not in ("inside", "outside") or low[3] != "source":
            self.ignored += 1  # ip nat translation …, ip nat log …, ip nat service …
            self.ctx = IGNORE_CTX
            return
        side = low[2]
        if low[4] == "static":
            self._nat_static(side, tokens, low, src)
        elif side == "inside" and low[4] == "list" and n >= 8:
            self._nat_list(tokens, low, src)
        elif side == "inside" and low[4] == "route-map" and n >= 8:
            self._nat_route_map(tokens, low, src)
        else:
            self._nat_partial(Text("input.ios.nat_form", side=side, form=low[4]), src)

    def _nat_partial(self, reason: str, src: Src, inside_out: bool = False) -> None:
        rule = NatRule(kind="source", source=src, partial=reason)
        # A dynamic inside-source form translates only what goes from an inside to an
        # outside interface (outside-initiated packets find no translation): its doubt
        # stays there.  Other forms (static network, outside source) may translate any way.
        self.nat_pending.append((rule, "inside", "outside") if inside_out else (rule, None, None))
        self.rep.add_partial("nat", reason, src)

    def _nat_route_map(self, tokens, low, src):
        """``ip nat inside source route-map M interface IF overload`` (dual-WAN PAT): the
        entries of M decide, in sequence order, which packets are translated; expanded in
        :mod:`.convert`.  Other targets (a pool, ``reversible``, …) stay partial — between
        inside and outside only, unless ``reversible`` lets outside hosts open sessions."""
        name = tokens[5]
        self.ref("route-map", name, src)
        why = Text("input.ios.nat_form", side="inside", form="route-map")
        rest = low[8:]
        if low[6] != "interface" or rest not in ([], ["overload"]):
            self._nat_partial(why, src, inside_out="reversible" not in rest)
            return
        rule = NatRule(kind="source", to_interface=canonical_ifname(tokens[7]), source=src)
        self.nat_route_maps[id(rule)] = (name, canonical_ifname(tokens[7]))
        self.nat_pending.append((rule, "inside", "outside"))

    def _nat_pool(self, tokens, low, src):
        if len(tokens) >= 6 and (a := ip_to_int(tokens[4])) is not None and (b := ip_to_int(tokens[5])) is not None:
            self.pools[tokens[3]] = (a, b, src)
            self.ctx = IGNORE_CTX
            return
        raise Unknown

    def _nat_list(self, tokens, low, src):
        acl = tokens[5]
        self.ref("acl", acl, src)
        kind = low[6]
        if kind == "interface":
            rule = NatRule(kind="source", acl=acl, to_interface=canonical_ifname(tokens[7]), source=src)
        elif kind == "pool":
            pool = tokens[7]
            self.ref("nat-pool", pool, src)
            rule = NatRule(kind="source", acl=acl, source=src)
            self.nat_pool_rules.append((rule, pool))  # resolved in .convert: may come later
        else:
            raise Unknown
        if "vrf" in low[8:]:
            self.ref("vrf", tokens[low.index("vrf", 8) + 1], src)
        self.nat_pending.append((rule, "inside", "outside"))

    def _nat_static(self, side: str, tokens, low, src):
        n = len(low)
        i = 5
        if i < n and low[i] == "network":
            self._nat_partial(Text("input.ios.nat_form", side=side, form="static network"), src)
            return
        proto = None
        if i < n and low[i] in ("tcp", "udp"):
            proto = PROTO_TCP if low[i] == "tcp" else PROTO_UDP
            i += 1
        local = ip_to_int(tokens[i]) if i < n else None
        if local is None:
            raise Unknown
        i += 1
        lport = None
        if proto is not None:
            if i >= n or (lport := port_number(tokens[i], proto)) is None:
                raise Unknown
            i += 1
        glob_iface = None
        if i < n and low[i] == "interface":
            if i + 1 >= n:
                raise Unknown
            glob_iface = canonical_ifname(tokens[i + 1])
            glob = None
            i += 2
        else:
            glob = ip_to_int(tokens[i]) if i < n else None
            if glob is None:
                raise Unknown
            i += 1
        gport = None
        if proto is not None:
            if i >= n or (gport := port_number(tokens[i], proto)) is None:
                raise Unknown
            i += 1
        route_map = self._nat_static_options(tokens, low, i, src)
        # ip nat inside source static L G: L is the inside host, G its outside face.
        # ip nat outside source static G L: an outside host G is seen inside as L.
        in_side, out_side = "inside", "outside"
        protos = (proto,) if proto else None
        # traffic towards the translated face: rewrite destination
        if side == "inside":
            dst_rule = NatRule(
                kind="destination",
                source=src,
                to_ip=local,
                to_port=lport,
                match=Match(
                    dst=(AddrMatch.host(glob),) if glob is not None else None,
                    protocols=protos,
                    dst_ports=(PortRange(gport, gport),) if gport is not None else None,
                ),
            )
            src_rule = NatRule(
                kind="source",
                source=src,
                to_ip=glob,
                to_interface=glob_iface if glob is None else None,
                match=Match(
                    src=(AddrMatch.host(local),),
                    protocols=protos,
                    src_ports=(PortRange(lport, lport),) if lport is not None else None,
                ),
            )
            if route_map is not None:
                # The mapping holds only for the packets the route-map selects (both ways);
                # which those are is not modelled: each side translates "maybe".
                why = Text("input.ios.nat_static_route_map", name=route_map)
                dst_rule.partial = src_rule.partial = why
                self.rep.add_partial("nat", why, src)
            elif lport is not None and lport != gport:
                # The port forward itself (outside :gport -> inside :lport) is exact; what is
                # not modelled is the other way, a connection the host opens from :lport.
                src_rule.partial = Text("input.ios.nat_port_static", gport=gport, lport=lport)
                self.rep.add_partial("nat", src_rule.partial, src)
            self.nat_pending.append((src_rule, in_side, out_side))
            self.nat_pending.append((dst_rule, out_side, None))
            if glob_iface is not None:
                self.nat_iface_dst.append((dst_rule, glob_iface))
        else:
            if proto is not None or glob is None:
                self._nat_partial(Text("input.ios.nat_outside_static_ports"), src)
                return
            if route_map is not None:
                self._nat_partial(Text("input.ios.nat_static_route_map", name=route_map), src)
                return
            # outside host `local` (its real address, tokens order G L) appears inside as glob
            src_rule = NatRule(kind="source", source=src, to_ip=glob, match=Match(src=(AddrMatch.host(local),)))
            dst_rule = NatRule(kind="destination", source=src, to_ip=local, match=Match(dst=(AddrMatch.host(glob),)))
            self.nat_pending.append((src_rule, "outside", "inside"))
            self.nat_pending.append((dst_rule, "inside", None))

    def _nat_static_options(self, tokens, low, i, src) -> str | None:
        """The options after a static mapping, from ``low[i]``: the route-map limiting
        it, if any.  ``extendable``, ``no-alias``, ``no-payload``, ``match-in-vrf``,
        ``add-route``, ``redundancy G``, ``mapping-id N`` change no packet's path (ARP,
        embedded addresses, HA state), nor does ``reversible`` beside a route-map (already
        partial); ``vrf V`` is kept as a reference.  Any other word
        makes the line not understood: it was silently dropped, so a ``route-map`` that
        limits the mapping to a few flows published the host to every one (found on a
        real IOSv 15.6 export: two mappings of one host, one per ISP, each with its
        route-map)."""
        route_map = None
        n = len(low)
        while i < n:
            w = low[i]
            if w in _NAT_STATIC_FLAGS:
                i += 1
            elif w in ("vrf", "redundancy", "mapping-id", "route-map") and i + 1 < n:
                if w == "vrf":
                    self.ref("vrf", tokens[i + 1], src)
                elif w == "route-map":
                    route_map = tokens[i + 1]
                    self.ref("route-map", route_map, src)
                i += 2
            else:
                raise Unknown
        return route_map


# Options of ``ip nat … source static`` that change no packet's path in the model.
_NAT_STATIC_FLAGS = frozenset({"extendable", "no-alias", "no-payload", "match-in-vrf", "add-route", "reversible"})
