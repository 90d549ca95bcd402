"""Cisco IOS UDP broadcast forwarding as it is read: ``ip helper-address`` on an
interface and the global ``ip forward-protocol`` lines.

What IOS does (docs/vendors/cisco_ios.md, "UDP broadcast forwarding"): an interface
with ``ip helper-address A`` takes the UDP broadcasts it receives (to 255.255.255.255
or to the broadcast address of its subnet) on the forwarded ports — by default TFTP
69, DNS 53, Time 37, NetBIOS 137 and 138, TACACS 49, IEN-116 42 and BOOTP 67 — and
sends each on to every helper, the destination rewritten and the client's source kept;
Sun ND (IP protocol 77) too unless ``no ip forward-protocol nd``.  ``ip forward-protocol
udp PORT`` adds a port, ``no ip forward-protocol udp PORT`` takes one away.  BOOTP/DHCP
(udp/67) is answered by the DHCP relay agent (``service dhcp``, on by default), which
sends a request of its own (the router's address as giaddr and source), never the
client's packet.  The flooding forms (``spanning-tree``, ``turbo-flood``) and
``any-local-broadcast`` are not modelled: they make the device's forwarding partial.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import PROTO_ND, PROTO_UDP, BroadcastForwarding, MgmtService, PortRange, Src, UdpHelper
from netaudit.parsers.base import IGNORE_CTX, Unknown
from netaudit.parsers.cisco_common import merge_ranges, port_number
from netaudit.parsers.cisco_ios.reasons import at_line
from netaudit.parsers.cisco_ios.state import IfState, IosState
from netaudit.parsers.ip import ip_to_int

# The UDP ports IOS forwards to helper addresses with no `ip forward-protocol udp` line
# (Cisco IOS IP Addressing Services Command Reference, `ip forward-protocol`): TFTP,
# DNS, Time, NetBIOS name and datagram, TACACS, IEN-116 name server, BOOTP/DHCP.
DEFAULT_FORWARDED_UDP = frozenset({69, 53, 37, 137, 138, 49, 42, 67})
BOOTPS = 67

# `ip forward-protocol WORD` forms the model does not follow, and why.
_NOT_MODELLED = {
    "spanning-tree": Text("input.ios.fwd_flood"),
    "turbo-flood": Text("input.ios.fwd_flood"),
    "any-local-broadcast": Text("input.ios.fwd_any_local"),
    "sdns": Text("input.ios.fwd_sdns"),
}


class BroadcastReader(IosState):
    """``ip helper-address`` (interface) and ``[no] ip forward-protocol`` (global)."""

    def if_helper_address(self, st: IfState, tokens, low, src):
        """``ip helper-address [vrf NAME | global] A [redundancy GROUP]``: a helper of
        the interface (the VRF the copies are routed in: the interface's own unless
        said).  HSRP-aware ``redundancy`` only changes which router of the group
        forwards, not where to."""
        words, toks = low[2:], tokens[2:]
        vrf: str | None = None
        if words[:1] == ["vrf"] and len(words) >= 3:
            vrf, words, toks = toks[1], words[2:], toks[2:]
            self.ref("vrf", vrf, src)
        elif words[:1] == ["global"]:
            vrf, words, toks = "default", words[1:], toks[1:]
        if not words or (len(words) > 1 and not (words[1] == "redundancy" and len(words) == 3)):
            raise Unknown
        address = ip_to_int(toks[0])
        if address is None:
            raise Unknown
        st.iface.udp_helpers.append(UdpHelper(address, src, vrf))

    def h_forward_protocol(self, tokens, low, src):
        """``[no] ip forward-protocol {udp [PORT] | nd | spanning-tree | …}``: recorded in
        order, read by :meth:`BroadcastBuilder._finish_broadcast_forwarding`."""
        self.ctx = IGNORE_CTX
        neg = low[0] == "no"
        words = low[3:] if neg else low[2:]
        if not words:
            raise Unknown
        self.forward_protocol.append((neg, words, src))


class BroadcastBuilder(IosState):
    """The device's :class:`~netaudit.model.BroadcastForwarding` and the DHCP relay
    agent's service, at the end of the parse."""

    def _finish_broadcast_forwarding(self) -> None:
        dev = self.dev
        udp = set(DEFAULT_FORWARDED_UDP)
        nd = True
        partial: Text | None = None
        partial_src: Src | None = None
        for neg, words, src in self.forward_protocol:
            doubt: Text | None = None
            if words[0] == "udp" and len(words) == 1:
                # `ip forward-protocol udp`: the default ports; the bare `no` form is
                # not documented port by port.
                doubt = Text("input.ios.fwd_udp_no") if neg else None
            elif words[0] == "udp" and len(words) == 2:
                port = port_number(words[1], PROTO_UDP)
                if port is None:
                    doubt = Text("input.ios.fwd_udp_port", port=repr(words[1]))
                elif neg:
                    udp.discard(port)
                else:
                    udp.add(port)
            elif words == ["nd"]:
                nd = not neg
            elif words[0] in _NOT_MODELLED and len(words) == 1:
                # Flooding and SDNS are off by default: their `no` form changes nothing.
                doubt = None if neg else _NOT_MODELLED[words[0]]
            else:
                doubt = Text("input.ios.fwd_unread", words=" ".join(words))
            if doubt is not None:
                self.rep.add_partial("ip forward-protocol", doubt, src)
                if partial is None:
                    partial, partial_src = at_line(doubt, src.line), src
        helpers = [itf for itf in dev.interfaces.values() if itf.udp_helpers]
        if not helpers and partial is None:
            return
        relayed: tuple[PortRange, ...] = ()
        maybe: tuple[PortRange, ...] = ()
        maybe_reason: Text | None = None
        if BOOTPS in udp:
            udp.discard(BOOTPS)
            if self.service_dhcp:
                relayed = (PortRange(BOOTPS, BOOTPS),)
            else:
                # `no service dhcp` turns the relay agent off: whether IOS then forwards
                # BOOTP broadcasts as received is not established.
                maybe = (PortRange(BOOTPS, BOOTPS),)
                maybe_reason = Text("input.ios.no_service_dhcp")
        dev.broadcast_forwarding = BroadcastForwarding(
            ports=merge_ranges([PortRange(p, p) for p in udp]) if udp else (),
            protocols=(PROTO_ND,) if nd else (),
            relayed_ports=relayed,
            maybe_ports=maybe,
            maybe_reason=maybe_reason,
            partial=partial,
            partial_source=partial_src,
        )
        if relayed and helpers and not any(s.name == "dhcp" and s.interfaces is None for s in dev.services):
            # The relay agent answers the clients' DHCP broadcasts on these interfaces
            # (and unicasts to the router's address there, as a DHCP server does).
            dev.services.append(
                MgmtService(
                    "dhcp",
                    PROTO_UDP,
                    relayed,
                    interfaces=frozenset(itf.name for itf in helpers),
                    source=helpers[0].udp_helpers[0].source,
                )
            )
