"""RGOS interfaces and VLANs where they differ from IOS's reading
(:mod:`netaudit.parsers.cisco_ios.interfaces`): ports named with a space
(``GigabitEthernet 0/1``, ``VLAN 10``), aggregates (``AggregatePort N``, members
``port-group N``), ``vlan range``, and the trunk's ``only`` list.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import IfKind
from netaudit.parsers.base import Unknown
from netaudit.parsers.cisco_ios.interfaces import InterfaceReader
from netaudit.parsers.cisco_ios.state import IfState
from netaudit.parsers.cisco_ios.syntax import trunk_allowed
from netaudit.parsers.ruijie_rgos.syntax import AGGREGATE_PREFIX


class RuijieInterfaces(InterfaceReader):
    """The RGOS interface and VLAN lines the IOS reader does not read as RGOS means them."""

    def _iface(self, name: str, src):
        st = super()._iface(name, src)
        # `AggregatePort 1` (canonical `AggregatePort1`) is RGOS's port-channel: an L2
        # port by default like IOS's, so its members take its VLAN settings.
        if name.startswith(AGGREGATE_PREFIX) and st.iface.kind != IfKind.PORT_CHANNEL:
            st.iface.kind = IfKind.PORT_CHANNEL
            st.ethernet_like = True
        return st

    def h_interface(self, tokens, low, src):
        """``interface range GigabitEthernet 0/1-4,0/7``: RGOS names the type once for
        the whole list; a part that starts with its number takes the type before it."""
        if len(low) > 2 and low[1] == "range":
            parts, kind = [], ""
            for part in " ".join(tokens[2:]).split(","):
                part = part.strip()
                head = part.split(None, 1)[0] if part else ""
                if head[:1].isalpha():
                    kind = "".join(ch for ch in head if not ch.isdecimal() and ch not in "/-.")
                elif kind:
                    part = f"{kind} {part}"
                parts.append(part)
            tokens = [*tokens[:2], ", ".join(parts)]
        super().h_interface(tokens, low, src)

    def rg_vlan(self, tokens, low, src):
        """``vlan N`` / ``vlan A,B-C`` open a VLAN block as on IOS; ``vlan range LIST``
        (RGOS 11 writes the VLANs without a name this way) creates them all."""
        if len(low) >= 3 and low[1] == "range":
            self.vlan_block("".join(tokens[2:]), f"vlan range {tokens[2]}", src)
            return
        self.h_vlan(tokens, low, src)

    def rg_port_group(self, st: IfState, tokens, low, src):
        """``port-group N [mode active|passive]``: the port is a member of
        ``AggregatePort N`` (RGOS's ``channel-group``)."""
        if len(low) < 2 or not low[1].isdecimal():
            raise Unknown
        st.channel_group = (f"{AGGREGATE_PREFIX}{low[1]}", src)

    def rg_switchport(self, st: IfState, tokens, low, src):
        """``switchport trunk allowed vlan only LIST`` sets the allowed list to LIST
        (RGOS 11's running configuration writes it so); every other ``switchport``
        line is read as on IOS (``add``/``remove``/``all``/``except``: the RG-S29
        guide, "Configuring VLAN", allowed-VLAN list)."""
        if len(low) >= 6 and low[1] == "trunk" and low[2] == "allowed" and low[3] == "vlan" and low[4] == "only":
            self.uses_switchport = True
            st.sw_any = True
            try:
                st.allowed = trunk_allowed(None, low[5:])
            except (ValueError, Unknown):
                self.iface_partial(st.iface, Text("input.ruijie.trunk_only_unread", text=src.text), src)
                raise Unknown from None
            return None
        return self.if_switchport(st, tokens, low, src)
