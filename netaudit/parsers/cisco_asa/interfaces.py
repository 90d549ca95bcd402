"""Cisco ASA interfaces as they are read (``interface`` blocks: ``nameif``,
``security-level``, addresses with standby, VLAN subinterfaces, ``management-only``,
bundles, ASA 5505-style switch ports).  What is collected per interface
(:class:`.state.IfState`) becomes the model in :mod:`.convert`.
"""

from __future__ import annotations

from netaddr import IPNetwork

from netaudit.messages import Text
from netaudit.model import Route
from netaudit.parsers.base import Ctx, Unknown
from netaudit.parsers.cisco_asa.objects import resolve_ip
from netaudit.parsers.cisco_asa.state import AsaState, IfState
from netaudit.parsers.cisco_common import canonical_ifname, parse_vlan_list, switchport_mode_unmodelled
from netaudit.parsers.ip import ip_to_int, mask_to_len, prefix_of


class InterfaceReader(AsaState):
    """``interface`` blocks."""

    def h_interface(self, tokens, low, src):
        if len(tokens) < 2:
            raise Unknown
        name = canonical_ifname("".join(tokens[1:]))
        st = self._iface(name, src)
        self.ctx = Ctx("interface", self.IFACE_TABLE, [st], f"interface {name}")

    # --- interface block lines

    def if_nameif(self, st: IfState, tokens, low, src):
        if low[0] == "no":
            st.nameif, st.nameif_src = None, None
            return
        if len(tokens) < 2:
            raise Unknown
        st.nameif, st.nameif_src = tokens[1], src

    def if_level(self, st: IfState, tokens, low, src):
        if low[0] == "no":
            st.level, st.level_src = None, None
            return
        if len(low) < 2 or not low[1].isdecimal() or int(low[1]) > 100:
            raise Unknown
        st.level, st.level_src = int(low[1]), src

    def if_ip_address(self, st: IfState, tokens, low, src):
        if low[0] == "no":
            st.addr, st.standby = None, []
            return
        n = len(low)
        if n < 3:
            raise Unknown
        if low[2] in ("dhcp", "pppoe"):
            # Assigned at run time (docs/semantics.md); `setroute` installs the
            # server's / peer's default route.
            st.iface.dynamic_address = True
            st.iface.dynamic_source = src
            if "setroute" in low[3:]:
                self.dev.routes.append(
                    Route(
                        IPNetwork("0.0.0.0/0"),
                        st.iface.vrf,
                        interface=st.iface.name,
                        distance=1,
                        origin="dhcp",
                        runtime_gateway=True,
                        source=src,
                    )
                )
            elif len(low) > 3:
                raise Unknown
            return
        # With `names`, show running-config prints a `name` in place of the address.
        a = resolve_ip(tokens[2], self.names)
        m = ip_to_int(tokens[3]) if n > 3 else None
        plen = mask_to_len(m) if m is not None else None
        if a is None or plen is None:
            raise Unknown
        st.addr, st.addr_src = prefix_of(a, plen), src
        st.standby = []
        i = 4
        while i < n:
            if low[i] == "standby" and i + 1 < n and (s := resolve_ip(tokens[i + 1], self.names)) is not None:
                st.standby.append(s)
                i += 2
            elif low[i] == "cluster-pool" and i + 1 < n:
                i += 2
            else:
                raise Unknown

    def if_shutdown(self, st: IfState, tokens, low, src):
        st.iface.shutdown = low[0] != "no"

    def if_description(self, st: IfState, tokens, low, src):
        parts = src.text.split(None, 1)
        st.iface.description = parts[1] if len(parts) > 1 else ""

    def if_vlan(self, st: IfState, tokens, low, src):
        if len(low) < 2 or not low[1].isdecimal():
            if len(low) >= 2 and low[1] in ("secondary",):
                self.iface_partial(st.iface, Text("input.asa.secondary_vlans"), src)
                return
            raise Unknown
        st.iface.encapsulation_vlan = int(low[1])

    def if_mgmt_only(self, st: IfState, tokens, low, src):
        st.mgmt_only = None if low[0] == "no" else src

    def if_member(self, st: IfState, tokens, low, src):
        if len(tokens) < 2:
            raise Unknown
        st.members.append((canonical_ifname(tokens[1]), src))

    def if_channel_group(self, st: IfState, tokens, low, src):
        if len(low) < 2 or not low[1].isdecimal():
            raise Unknown
        st.channel_group = (f"Port-channel{low[1]}", src)

    def if_switchport(self, st: IfState, tokens, low, src):
        n = len(low)
        st.sw_any = True
        if n >= 4 and low[1] == "access" and low[2] == "vlan" and low[3].isdecimal():
            st.access_vlan = int(low[3])
        elif n >= 3 and low[1] == "mode":
            st.mode = low[2]
            if low[2] not in ("access", "trunk"):
                self.iface_partial(st.iface, switchport_mode_unmodelled(low[2]), src)
        elif n >= 5 and low[1] == "trunk" and low[2] == "allowed" and low[3] == "vlan":
            try:
                st.allowed = parse_vlan_list("".join(tokens[4:]))
            except ValueError:
                raise Unknown from None
        elif n >= 5 and low[1] == "trunk" and low[2] == "native" and low[3] == "vlan" and low[4].isdecimal():
            st.native = int(low[4])
        elif n >= 2 and low[1] in ("protected", "monitor", "port-security", "nonegotiate"):
            return True
        else:
            raise Unknown

    def if_no_forward(self, st: IfState, tokens, low, src):
        # ASA 5505 restricted VLAN: `no forward interface Vlan1`
        if len(tokens) < 4:
            raise Unknown
        st.no_forward.append((canonical_ifname(tokens[3]), src))

    def if_pppoe_vpdn(self, st: IfState, tokens, low, src):
        """``pppoe client vpdn group NAME``: the credentials (global ``vpdn group`` /
        ``vpdn username`` lines) the PPPoE client of ``ip address pppoe`` dials with.  The
        run-time address and its default route are that line's (:meth:`if_ip_address`);
        this one changes nothing else.  Other ``pppoe client`` options (route distance,
        tracking) stay partial."""
        if len(low) != 5 or low[3] != "group":
            raise Unknown

    def if_dhcprelay(self, st: IfState, tokens, low, src):
        if len(low) >= 3 and low[1] == "server":
            st.dhcp_relay = st.dhcp_relay or src
        else:
            return True

    def if_scan(self, st: IfState, tokens, low, src):
        """ospf / eigrp authentication lines: irrelevant except for their keys."""
        self.scan_secrets(tokens, low)
        return True
