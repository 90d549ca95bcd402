"""Cisco IOS routing as it is read: ``router`` blocks (dynamic routing), VRFs, ``ip
routing``, ``ip default-gateway``, ``switch N provision``, static routes, and the ACL
references of route-maps.  Whether the device routes at all is decided in :mod:`.convert`.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import Route
from netaudit.parsers.base import IGNORE_CTX, Ctx, Unknown
from netaudit.parsers.cisco_common import canonical_ifname
from netaudit.parsers.cisco_ios.state import IosState, RouteMapEntry
from netaudit.parsers.ip import ip_to_int, len_to_mask, mask_to_len, prefix_of


class RoutingReader(IosState):
    """``router``, ``vrf definition``, ``ip routing``, ``ip route``, ``route-map``."""

    def h_switch(self, tokens, low, src):
        """``switch N provision …`` (a stack member): without ``ip routing``, routing is off."""
        self.ctx = IGNORE_CTX
        if len(low) >= 3 and low[2] == "provision":
            self.switch_provision = self.switch_provision or src
        else:
            self.ignored += 1

    def h_router(self, tokens, low, src):
        self.dev.dynamic_routing.append(src)
        if "vrf" in low[:-1]:
            self.ref("vrf", tokens[low.index("vrf") + 1], src)
        self.ctx = IGNORE_CTX

    def h_vrf_definition(self, tokens, low, src):
        if len(tokens) < 3:
            raise Unknown
        self.dev.vrfs.add(tokens[2])
        self.ctx = IGNORE_CTX  # rd, route-target, address-family: no effect on reach

    def h_ip_routing(self, tokens, low, src):
        """``[no] ip routing``; ``ip routing protocol purge interface`` (IOS-XE: learned
        routes leave with their interface) changes nothing of it; any other form — another
        platform's ``no ip routing vrf MGMT`` (Arista EOS) — is not the global switch."""
        words = low[1:] if low[0] == "no" else low
        if words == ["ip", "routing"]:
            self.routing_line = (low[0] != "no", src)
        elif words[2:] != ["protocol", "purge", "interface"]:
            raise Unknown

    def h_default_gateway(self, tokens, low, src):
        if len(tokens) < 3 or ip_to_int(tokens[2]) is None:
            raise Unknown
        self.default_gw = src
        self.facts.default_gateway = tokens[2]

    _ROUTE_FLAGS = frozenset({"permanent", "global", "multicast", "dhcp", "name", "tag", "track", "longer-prefixes"})

    def h_ip_route(self, tokens, low, src):
        if low[2:] == ["profile"]:
            return  # `ip route profile`: routing-table change statistics, no route
        if len(low) > 2 and low[2] == "static":  # `ip route static bfd|adjust-time …`: no route
            if len(low) > 3 and low[3] == "bfd":
                self._static_bfd(tokens, low, src)
                return
            raise Unknown
        try:
            self._ip_route(tokens, low, src)
        except Unknown:
            self.dev.unread_routes.append(src)  # a route the table may lack (docs/semantics.md)
            raise

    def _static_bfd(self, tokens, low, src):
        """``ip route static bfd [vrf V] IF GW [group G] [passive] [unassociate]`` (Cisco IOS
        IP Routing command reference): every static route naming that interface *and*
        gateway uses the BFD session for the gateway's reachability and is withdrawn while
        it is down — like a ``track`` route (resolved in convert.py).  ``unassociate``: the
        session is not tied to the routes."""
        n, i, vrf = len(tokens), 4, "default"
        if i + 1 < n and low[i] == "vrf":
            vrf, i = tokens[i + 1], i + 2
        if i + 1 >= n or ip_to_int(tokens[i]) is not None:
            raise Unknown  # no interface: a form not read (the routes it may withdraw are unknown)
        iface, gw = canonical_ifname(tokens[i]), ip_to_int(tokens[i + 1])
        if gw is None:
            raise Unknown
        i += 2
        unassociate = False
        while i < n:
            if low[i] == "group" and i + 1 < n:
                i += 2
            elif low[i] in ("passive", "unassociate"):
                unassociate = unassociate or low[i] == "unassociate"
                i += 1
            else:
                raise Unknown
        if not unassociate:
            self.static_bfd.append((vrf, iface, gw, src))

    def _ip_route(self, tokens, low, src):
        n = len(tokens)
        i, vrf = 2, "default"
        if n > 3 and low[2] == "vrf":
            vrf, i = tokens[3], 4
            self.ref("vrf", vrf, src)
        if i + 1 >= n:
            raise Unknown
        if "/" in tokens[i]:  # IOS-XE also takes A/len
            a, _, ln = tokens[i].partition("/")
            p, plen = ip_to_int(a), int(ln) if ln.isdecimal() and int(ln) <= 32 else None
            i += 1
        else:
            p, m = ip_to_int(tokens[i]), ip_to_int(tokens[i + 1])
            plen = mask_to_len(m) if m is not None else None
            i += 2
        if p is None or plen is None:
            raise Unknown
        prefix = prefix_of(p & len_to_mask(plen), plen)
        iface = nh = None
        partial = None
        if i < n and ip_to_int(tokens[i]) is None and low[i] not in self._ROUTE_FLAGS and not low[i].isdecimal():
            iface = canonical_ifname(tokens[i])
            i += 1
        if i < n and (x := ip_to_int(tokens[i])) is not None:
            nh = x
            i += 1
        distance = 1
        while i < n:
            w = low[i]
            if w.isdecimal() and int(w) <= 255:
                distance = int(w)
                i += 1
            elif w == "name" and i + 1 < n and tokens[i + 1].startswith('"'):
                # A name with spaces is quoted ('name "def v4 to ISP"'): up to its closing quote.
                j = i + 1
                while j < n and not (tokens[j].endswith('"') and (j > i + 1 or len(tokens[j]) > 1)):
                    j += 1
                if j >= n:
                    raise Unknown
                i = j + 1
            elif w == "track":  # installed only while the tracked object is up
                self.dev.conditional_routes.append(src)
                i += 2
            elif w in ("name", "tag"):
                i += 2
            elif w in ("permanent", "longer-prefixes"):
                i += 1
            elif w == "multicast":  # RPF-only route: not used for forwarding
                self.ignored += 1
                return
            elif w == "global":
                partial = Text("input.ios.route_global")
                i += 1
            elif w == "dhcp":
                partial = Text("input.ios.route_dhcp")
                i += 1
            else:
                raise Unknown
        if iface is None and nh is None and partial is None:
            raise Unknown
        drop = bool(iface and iface.startswith("Null"))
        self.dev.routes.append(
            Route(
                prefix=prefix,
                vrf=vrf,
                next_hop=nh,
                interface=iface,
                drop=drop,
                distance=distance,
                origin="static",
                source=src,
                partial=partial,
            )
        )
        if partial:
            self.rep.add_partial(f"route {prefix}", partial, src)

    # --- route-maps: their ACL references, and what policy routing reads of them

    def h_route_map(self, tokens, low, src):
        if len(tokens) < 2:
            raise Unknown
        self.ignored += 1
        self.route_maps.add(tokens[1])
        permit = not (len(low) > 2 and low[2] == "deny")
        seq = int(low[3]) if len(low) > 3 and low[3].isdecimal() else 10
        entries = self.route_map_entries.setdefault(tokens[1], [])
        entry = next((e for e in entries if e.seq == seq), None)
        if entry is None:
            entry = RouteMapEntry(permit, seq, src)
            entries.append(entry)
        self.ctx = Ctx("route-map", self.ROUTEMAP_TABLE, [entry], f"route-map {tokens[1]}", src)

    def rm_match_ip(self, entry: RouteMapEntry, tokens, low, src):
        if len(low) >= 4 and low[2] == "address" and low[3] != "prefix-list":
            for name in tokens[3:]:
                self.ref("acl", name, src)
                entry.acls.append(name)
        else:
            entry.unread.append(src.text)
        return True

    def rm_match(self, entry: RouteMapEntry, tokens, low, src):
        """Other ``match`` clauses (length, interface, community …)."""
        entry.unread.append(src.text)
        if low[1:2] == ["interface"] and len(low) > 2:
            entry.match_ifaces += [canonical_ifname(t) for t in tokens[2:]]
        return True

    def rm_set(self, entry: RouteMapEntry, tokens, low, src):
        """``set ip next-hop A …`` (policy routing's next hop), ``set interface Null0``;
        marking (precedence, DSCP, DF, QoS group) changes no path; anything else is a
        path policy routing does not model."""
        hops = [ip_to_int(t) for t in tokens[3:]] if low[1:3] == ["ip", "next-hop"] else []
        if hops and None not in hops:
            entry.next_hops += [h for h in hops if h is not None]
        elif low[1:2] == ["interface"] and len(low) == 3 and low[2].startswith("null"):
            entry.null = True
        elif tuple(low[1:3]) not in _MARKING and low[1:2] != ["qos-group"]:
            entry.unread.append(src.text)
        return True


# `set` clauses that mark packets and leave their path alone.
_MARKING = {("ip", "precedence"), ("ip", "dscp"), ("ip", "df"), ("ip", "tos")}
