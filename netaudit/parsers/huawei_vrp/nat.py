"""Huawei VRP (AR routers): NAT — ``nat outbound`` (source NAT, Easy IP or an address
group), ``nat server`` (port forwarding / static mapping), ``nat static``, ``nat
address-group`` (docs/vendors/huawei_vrp.md, "NAT")."""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import PROTO_TCP, PROTO_UDP, AddrMatch, Match, NatRule, PortRange
from netaudit.parsers.base import IGNORE_CTX, Unknown
from netaudit.parsers.huawei_vrp.state import IfState, VrpState
from netaudit.parsers.huawei_vrp.syntax import canonical_ifname, is_ifname, port_number
from netaudit.parsers.ip import ip_to_int

_PROTOS = {"tcp": PROTO_TCP, "udp": PROTO_UDP}


class NatReader(VrpState):
    """NAT lines (interface view and system view)."""

    def h_nat(self, tokens, low, src):
        """``nat address-group N A B`` (system view); the newer block form
        (``nat address-group N name X`` + ``section``) is partial."""
        if len(low) == 5 and low[1] == "address-group" and low[3] != "name":
            a, b = ip_to_int(tokens[3]), ip_to_int(tokens[4])
            if a is None or b is None:
                raise Unknown
            self.nat_groups[tokens[2]] = (a, b, src)
            return
        if len(low) >= 3 and low[1] == "address-group":
            self.rep.add_partial("nat address-group", Text("input.vrp.nat_group_sections"), src)
            self.nat_groups[tokens[2]] = (0, 0, src)
            self.ctx = IGNORE_CTX
            return
        if low[1:2] in (["alg"], ["filter-mode"], ["dns-map"], ["session"], ["link-down"]):
            self.ignored += 1
            return
        raise Unknown

    def nat_server_line(self, st: IfState, tokens, low, src):
        """``nat server [protocol tcp|udp] global A|current-interface|interface X [P1 [P1']]
        inside B [P2 [P2']] [vpn-instance V] [no-reverse]``: packets arriving on this
        interface for A (and port P1) go to B (port P2).  Without ``protocol`` it is a
        one-to-one mapping both ways."""
        n = len(low)
        i = 2
        proto = None
        if i < n and low[i] == "protocol":
            if i + 1 >= n:
                raise Unknown
            word = low[i + 1]
            proto = _PROTOS.get(word) if not word.isdecimal() else int(word)
            if proto is None:
                raise Unknown
            i += 2
        if i >= n or low[i] != "global":
            raise Unknown
        i += 1
        glob_ip = None
        glob_iface = None
        if low[i] == "current-interface":
            glob_iface = st.iface.name
            i += 1
        elif low[i] == "interface":
            # `global interface Dialer 1`: another interface's address (the public one a
            # LAN interface's rule maps, so that inside hosts reach a server by it)
            if i + 1 >= n:
                raise Unknown
            name = tokens[i + 1]
            i += 2
            if not name[-1:].isdecimal() and i < n:
                name += tokens[i]
                i += 1
            glob_iface = canonical_ifname(name)
            if not is_ifname(glob_iface):
                raise Unknown
        else:
            glob_ip = ip_to_int(tokens[i])
            if glob_ip is None:
                raise Unknown
            i += 1
        gports, i = self._nat_ports(tokens, low, i, proto)
        if i >= n or low[i] != "inside":
            raise Unknown
        local = ip_to_int(tokens[i + 1]) if i + 1 < n else None
        if local is None:
            raise Unknown
        i += 2
        lports, i = self._nat_ports(tokens, low, i, proto)
        rest = low[i:]
        partial = None
        if "vpn-instance" in rest:
            partial = Text("input.vrp.nat_server_vpn")
        elif any(w not in ("no-reverse", "description") for w in rest[:1]):
            raise Unknown
        if gports and lports and gports[0].hi - gports[0].lo != lports[0].hi - lports[0].lo:
            raise Unknown
        to_port = lports[0].lo if lports and lports[0].lo == lports[0].hi else None
        if lports and lports[0].lo != lports[0].hi and lports[0] != (gports[0] if gports else None):
            partial = partial or Text("input.vrp.nat_server_ports")
        dst = (AddrMatch.host(glob_ip),) if glob_ip is not None else None
        rule = NatRule(
            kind="destination",
            match=Match(dst=dst, protocols=(proto,) if proto else None, dst_ports=gports or None),
            to_ip=local,
            to_port=to_port,
            in_ifaces=frozenset({st.iface.name}),
            source=src,
            partial=partial,
        )
        if partial:
            self.rep.add_partial("nat server", partial, src)
        self.nat_rules.append((rule, glob_iface))
        if proto is None and "no-reverse" not in low:
            back = NatRule(
                kind="source",
                match=Match(src=(AddrMatch.host(local),)),
                to_ip=glob_ip,
                to_interface=glob_iface,
                out_ifaces=frozenset({st.iface.name}),
                source=src,
            )
            self.nat_rules.append((back, None))

    def _nat_ports(self, tokens, low, i, proto) -> tuple[tuple[PortRange, ...], int]:
        """Optional ``P`` or ``P1 P2`` (a range) after an address in ``nat server``."""
        if proto not in (PROTO_TCP, PROTO_UDP) or i >= len(low) or low[i] == "inside":
            return (), i
        first = port_number(tokens[i], proto)
        if first is None:
            return (), i
        i += 1
        last = port_number(tokens[i], proto) if i < len(low) and low[i] != "inside" else None
        if last is not None and last >= first:
            return (PortRange(first, last),), i + 1
        return (PortRange(first, first),), i

    def nat_static_line(self, st: IfState, tokens, low, src):
        """``nat static global A inside B``: one-to-one both ways on this interface."""
        if len(low) == 6 and low[2] == "global" and low[4] == "inside":
            glob, local = ip_to_int(tokens[3]), ip_to_int(tokens[5])
            if glob is None or local is None:
                raise Unknown
            on = frozenset({st.iface.name})
            self.nat_rules.append(
                (
                    NatRule("destination", Match(dst=(AddrMatch.host(glob),)), to_ip=local, in_ifaces=on, source=src),
                    None,
                )
            )
            self.nat_rules.append(
                (NatRule("source", Match(src=(AddrMatch.host(local),)), to_ip=glob, out_ifaces=on, source=src), None)
            )
            return
        raise Unknown
