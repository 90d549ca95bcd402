"""Huawei VRP: static routes, VPN instances (VRFs) and dynamic routing processes
(docs/vendors/huawei_vrp.md, "Routing")."""

from __future__ import annotations

from netaudit.model import Route
from netaudit.parsers.base import IGNORE_CTX, Unknown
from netaudit.parsers.huawei_vrp.interfaces import address_and_length
from netaudit.parsers.huawei_vrp.state import VrpState
from netaudit.parsers.huawei_vrp.syntax import canonical_ifname, is_ifname
from netaudit.parsers.ip import ip_to_int, prefix_of

# Words after the destination that end the next-hop part, with how many values they take.
_ROUTE_OPTIONS = {"preference": 1, "tag": 1, "description": -1, "permanent": 0, "no-advertise": 0, "inherit-cost": 0}


class RoutingReader(VrpState):
    """``ip route-static``, ``ip vpn-instance``, ``ospf``/``bgp``/``rip``/``isis``."""

    def h_route_static(self, tokens, low, src):
        """``ip route-static [vpn-instance V] DEST MASK|LEN [IFACE] [NEXTHOP] [preference P]
        [tag T] [description …] [track …|bfd …]``.  A route with ``track``/``bfd`` is
        conditional (withdrawn when its probe fails); a next hop in another VPN instance
        is not modelled: the line is unread, so a lookup is unknown, never "no route"."""
        try:
            self._route_static(tokens, low, src)
        except Unknown:
            self.dev.unread_routes.append(src)
            raise

    def _route_static(self, tokens, low, src):
        i = 2
        vrf = "default"
        if len(low) > 2 and low[2] == "default-preference":
            self.ignored += 1
            return
        if i < len(low) and low[i] == "vpn-instance":
            if i + 1 >= len(tokens):
                raise Unknown
            vrf = tokens[i + 1]
            self.ref("vrf", vrf, src)
            i += 2
        addr, plen, i = address_and_length(tokens, i)
        prefix = prefix_of(addr, plen)
        iface = None
        nh = None
        distance = 60  # VRP's static route preference
        conditional = False
        n = len(low)
        while i < n:
            word = low[i]
            if word == "vpn-instance":
                raise Unknown  # next hop in another VRF
            if word in _ROUTE_OPTIONS:
                take = _ROUTE_OPTIONS[word]
                if word == "preference":
                    if i + 1 >= n or not low[i + 1].isdecimal():
                        raise Unknown
                    distance = int(low[i + 1])
                if take < 0:
                    break  # description runs to the end of the line
                i += 1 + take
                continue
            if word in ("track", "bfd"):
                conditional = True
                break
            a = ip_to_int(tokens[i])
            if a is not None and nh is None:
                nh = a
                i += 1
                continue
            if iface is None and nh is None and is_ifname(canonical_ifname(tokens[i])):
                # `GigabitEthernet0/0/1`, `Vlanif 10` (a name and its number apart)
                name = tokens[i]
                if i + 1 < n and tokens[i + 1][:1].isdecimal() and ip_to_int(tokens[i + 1]) is None:
                    name += tokens[i + 1]
                    i += 1
                iface = canonical_ifname(name)
                i += 1
                continue
            raise Unknown
        if iface is None and nh is None:
            raise Unknown
        drop = iface is not None and iface.upper().startswith("NULL")
        self.dev.routes.append(
            Route(
                prefix,
                vrf,
                next_hop=nh,
                interface=None if drop else iface,
                drop=drop,
                distance=distance,
                source=src,
            )
        )
        if conditional:
            self.dev.conditional_routes.append(src)

    def h_vpn_instance(self, tokens, low, src):
        """``ip vpn-instance NAME`` (its body: RD, targets — irrelevant here)."""
        if len(tokens) != 3:
            raise Unknown
        self.dev.vrfs.add(tokens[2])
        self.ctx = IGNORE_CTX

    def h_dynamic(self, tokens, low, src):
        """``ospf [N] …``, ``bgp AS``, ``rip [N]``, ``isis [N]``: the device learns routes
        the snapshot cannot see (partial routing, as for every vendor)."""
        self.dev.dynamic_routing.append(src)
        self.ctx = IGNORE_CTX
