"""Huawei VRP: ``interface`` blocks and ``vlan`` blocks (docs/vendors/huawei_vrp.md,
"Interfaces and VLANs").

Only what each line says is recorded here (:class:`.state.IfState`); the port's role
(access, trunk, hybrid, routed) and its defaults are decided in :mod:`.convert` once the
whole file is read.
"""

from __future__ import annotations

from netaddr import IPNetwork

from netaudit.messages import Text
from netaudit.model import IfKind, Route, Vlan
from netaudit.parsers.base import Ctx, Unknown
from netaudit.parsers.huawei_vrp.state import IfState, VrpState
from netaudit.parsers.huawei_vrp.syntax import canonical_ifname, is_ifname, vlan_list
from netaudit.parsers.ip import ip_to_int, mask_to_len, prefix_of


def address_and_length(tokens: list[str], i: int) -> tuple[int, int, int]:
    """``A MASK`` or ``A LEN`` at ``tokens[i]`` → (address, prefix length, next index)."""
    if i + 1 >= len(tokens):
        raise Unknown
    addr = ip_to_int(tokens[i])
    if addr is None:
        raise Unknown
    word = tokens[i + 1]
    if word.isdecimal() and int(word) <= 32:
        return addr, int(word), i + 2
    mask = ip_to_int(word)
    plen = mask_to_len(mask) if mask is not None else None
    if plen is None:
        raise Unknown
    return addr, plen, i + 2


class InterfaceReader(VrpState):
    """Handlers of ``interface`` and ``vlan`` blocks."""

    # ------------------------------------------------------------------ global

    def h_interface(self, tokens, low, src):
        if len(tokens) < 2:
            raise Unknown
        name = canonical_ifname(" ".join(tokens[1:]))
        if not is_ifname(name):
            raise Unknown
        st = self._iface(name, src)
        if st.iface.kind == IfKind.SVI:
            # a VLAN's routed interface: the device switches (a factory S-series config
            # has `interface Vlanif1` and bare ports, no `vlan batch`, no `port` line)
            self.switch_like = True
        self.ctx = Ctx("interface", self.IFACE_TABLE, [st], f"interface {name}", src)

    def h_vlan(self, tokens, low, src):
        """``vlan batch 10 20 30 to 40`` (creates them), ``vlan N`` (a block: name,
        description)."""
        self.switch_like = True
        if len(low) >= 3 and low[1] == "batch":
            for vid in vlan_list(tokens[2:]):
                self.dev.vlans.setdefault(vid, Vlan(vid, source=src))
            return
        if len(low) == 2 and low[1].isdecimal() and 1 <= int(low[1]) <= 4094:
            vid = int(low[1])
            vlan = self.dev.vlans.setdefault(vid, Vlan(vid, source=src))
            self.ctx = Ctx("vlan", self.VLAN_TABLE, [vlan], f"vlan {vid}", src)
            return
        raise Unknown

    def vlan_name(self, vlan: Vlan, tokens, low, src):
        if len(tokens) < 2:
            raise Unknown
        vlan.name = " ".join(tokens[1:])

    # ------------------------------------------------------------------ interface lines

    def if_description(self, st: IfState, tokens, low, src):
        st.iface.description = " ".join(tokens[1:])

    def if_shutdown(self, st: IfState, tokens, low, src):
        st.iface.shutdown = low[0] != "undo"

    def if_ip_address(self, st: IfState, tokens, low, src):
        """``ip address A MASK|LEN [sub]``, ``ip address dhcp-alloc``, ``ip address
        ppp-negotiate`` (``ip address negotiate`` on a Cellular interface); ``ip address
        unnumbered interface X`` is partial."""
        if len(low) < 3:
            raise Unknown
        st.l3_cmd = True
        iface = st.iface
        if low[2] in ("dhcp-alloc", "ppp-negotiate", "negotiate"):  # `negotiate`: Cellular (3G/4G)
            # Assigned at run time: the engine judges every candidate (docs/semantics.md,
            # "Run-time addresses").  A VRP DHCP client installs the server's router
            # option as a default route (preference 60, the static default).
            iface.dynamic_address = True
            iface.dynamic_source = src
            if low[2] == "dhcp-alloc" and "unicast" not in low[3:]:
                self.dev.routes.append(
                    Route(
                        IPNetwork("0.0.0.0/0"),
                        iface.vrf,
                        interface=iface.name,
                        distance=60,
                        origin="dhcp",
                        runtime_gateway=True,
                        source=src,
                    )
                )
            return
        if low[2] == "unnumbered":
            self.iface_partial(iface, Text("input.vrp.unnumbered"), src)
            return
        addr, plen, nxt = address_and_length(tokens, 2)
        rest = low[nxt:]
        net = prefix_of(addr, plen)
        if rest == ["sub"]:
            st.subs.append(net)
        elif not rest:
            st.primary = net
        else:
            raise Unknown

    def if_undo_ip_address(self, st: IfState, tokens, low, src):
        st.primary, st.subs = None, []
        return True

    def if_portswitch(self, st: IfState, tokens, low, src):
        """``undo portswitch``: a routed port (S-series, AR LAN ports); ``portswitch``: L2."""
        if low[0] == "undo":
            st.routed = src
        else:
            st.routed = None
            st.l2_cmd = True
            self.switch_like = True

    def if_link_type(self, st: IfState, tokens, low, src):
        if len(low) != 3 or low[2] not in ("access", "trunk", "hybrid", "dot1q-tunnel"):
            if len(low) == 3 and low[2].startswith("negotiation"):
                st.link_type, st.link_src = low[2], src
                st.l2_cmd = True
                self.switch_like = True
                return
            raise Unknown
        st.link_type, st.link_src = low[2], src
        st.l2_cmd = True
        self.switch_like = True

    def if_default_vlan(self, st: IfState, tokens, low, src):
        if len(low) != 4 or not low[3].isdecimal():
            raise Unknown
        st.default_vlan = int(low[3])
        st.l2_cmd = True
        self.switch_like = True

    # The word of `port trunk WORD vlan L`: VRP's; H3C Comware writes `permit`.
    TRUNK_PERMIT = "allow-pass"

    def if_port_trunk(self, st: IfState, tokens, low, src):
        """``port trunk allow-pass vlan L|all`` (adds to VLAN 1, allowed by default), ``undo
        port trunk allow-pass vlan L``, ``port trunk pvid vlan N`` (``TRUNK_PERMIT``)."""
        undo = low[0] == "undo"
        words, wlow = (tokens[1:], low[1:]) if undo else (tokens, low)
        st.l2_cmd = True
        self.switch_like = True
        if len(wlow) >= 5 and wlow[2] == self.TRUNK_PERMIT and wlow[3] == "vlan":
            vids = vlan_list(words[4:])
            if undo:
                st.trunk_allowed -= vids
                st.trunk_all = False
            elif len(vids) >= 4094:
                st.trunk_all = True
            else:
                st.trunk_allowed |= vids
            return
        if len(wlow) == 5 and wlow[2] == "pvid" and wlow[3] == "vlan" and wlow[4].isdecimal():
            st.pvid = None if undo else int(wlow[4])
            return
        raise Unknown

    def if_port_hybrid(self, st: IfState, tokens, low, src):
        """``port hybrid pvid vlan N``, ``port hybrid untagged|tagged vlan L`` and undo."""
        undo = low[0] == "undo"
        words, wlow = (tokens[1:], low[1:]) if undo else (tokens, low)
        st.l2_cmd = True
        self.switch_like = True
        if len(wlow) >= 5 and wlow[2] in ("untagged", "tagged") and wlow[3] == "vlan":
            vids = vlan_list(words[4:])
            target = st.hybrid_untagged if wlow[2] == "untagged" else st.hybrid_tagged
            other = st.hybrid_tagged if wlow[2] == "untagged" else st.hybrid_untagged
            if undo:
                target -= vids
            else:
                target |= vids
                other -= vids  # a VLAN is tagged or untagged on a port, not both
            return
        if len(wlow) == 5 and wlow[2] == "pvid" and wlow[3] == "vlan" and wlow[4].isdecimal():
            st.pvid = None if undo else int(wlow[4])
            return
        if undo and len(wlow) >= 4 and wlow[2] == "vlan":  # undo port hybrid vlan L: out of both lists
            vids = vlan_list(words[3:])
            st.hybrid_untagged -= vids
            st.hybrid_tagged -= vids
            return
        raise Unknown

    def if_eth_trunk(self, st: IfState, tokens, low, src):
        if len(low) != 2 or not low[1].isdecimal():
            raise Unknown
        st.eth_trunk = (f"Eth-Trunk{low[1]}", src)

    def if_vpn_instance(self, st: IfState, tokens, low, src):
        """``ip binding vpn-instance NAME``: the interface is in that VRF."""
        if len(tokens) != 4:
            raise Unknown
        st.iface.vrf = tokens[3]
        self.ref("vrf", tokens[3], src)

    def if_dot1q(self, st: IfState, tokens, low, src):
        """``dot1q termination vid N`` on an AR sub-interface (``GE0/0/1.10``)."""
        if len(low) != 4 or low[2] != "vid" or not low[3].isdecimal():
            self.iface_partial(st.iface, Text("input.vrp.dot1q_form"), src)
            return
        st.iface.encapsulation_vlan = int(low[3])

    def if_vlan_type(self, st: IfState, tokens, low, src):
        """``vlan-type dot1q N`` (USG, older AR releases): the sub-interface takes the
        frames tagged N, as ``dot1q termination vid N``."""
        if len(low) != 3 or low[1] != "dot1q" or not low[2].isdecimal():
            self.iface_partial(st.iface, Text("input.vrp.dot1q_form"), src)
            return
        st.iface.encapsulation_vlan = int(low[2])

    def if_traffic_filter(self, st: IfState, tokens, low, src):
        """``traffic-filter inbound|outbound acl N|name X``: the ACL filters the packets
        the interface receives / sends; a packet no rule matches passes (docs/vendors/
        huawei_vrp.md, "ACLs").  An IPv6 or Layer-2 ACL beside it, or `rule N`, is partial."""
        if len(low) < 4 or low[1] not in ("inbound", "outbound") or low[2] != "acl":
            raise Unknown
        # `acl [name] X [rule N]`, twice when a Layer-2 ACL goes with the IP one
        groups: list[list[str]] = [[]]
        for w in tokens[3:]:
            if w.lower() == "acl":
                groups.append([])
            else:
                groups[-1].append(w)
        name = None
        for words in groups:
            wl = [w.lower() for w in words]
            if not wl or wl[0] == "ipv6":
                continue  # IPv6 is not modelled
            acl, more = (words[1], wl[2:]) if wl[0] == "name" and len(words) >= 2 else (words[0], wl[1:])
            if acl.isdecimal() and 4000 <= int(acl) <= 4999:
                self.iface_partial(st.iface, Text("input.vrp.l2_acl_filter", acl=acl), src)
                continue
            if more:
                self.iface_partial(st.iface, Text("input.vrp.filter_option", option=" ".join(more)), src)
            name = acl
        if name is None:
            return True
        self.ref("acl", name, src)
        (st.filters_in if low[1] == "inbound" else st.filters_out).append((name, src))

    def if_traffic_policy(self, st: IfState, tokens, low, src):
        """``traffic-policy NAME inbound|outbound``: classifier/behavior pairs (convert)."""
        if len(low) != 3 or low[2] not in ("inbound", "outbound"):
            raise Unknown
        (st.policies_in if low[2] == "inbound" else st.policies_out).append((tokens[1], src))

    def if_nat_outbound(self, st: IfState, tokens, low, src):
        """``nat outbound ACL [address-group N [no-pat]]`` (AR): source NAT of the packets
        the ACL permits, leaving by this interface (Easy IP without a group); ``nat
        outbound ACL interface X`` (Easy IP with another interface's address, a
        loopback holding the public address)."""
        if len(low) < 3:
            raise Unknown
        acl = tokens[2]
        group = None
        via = None
        if len(low) >= 5 and low[3] == "address-group":
            group = tokens[4]
        elif len(low) in (5, 6) and low[3] == "interface":
            via = canonical_ifname("".join(tokens[4:]))
            if not is_ifname(via):
                raise Unknown
        elif len(low) > 3:
            raise Unknown
        st.nat_outbound.append((acl, group, src, via))

    def if_nat_server(self, st: IfState, tokens, low, src):
        self.nat_server_line(st, tokens, low, src)

    def if_nat_static(self, st: IfState, tokens, low, src):
        self.nat_static_line(st, tokens, low, src)

    def if_vrrp(self, st: IfState, tokens, low, src):
        """``vrrp vrid N virtual-ip A``: the device answers on A while master (taken as
        an address it may own); other vrrp settings are understood and irrelevant."""
        if len(low) >= 5 and low[1] == "vrid" and low[3] == "virtual-ip":
            a = ip_to_int(tokens[4])
            if a is None:
                raise Unknown
            self.vrrp.append((st, a, src))
            return
        if len(low) >= 3 and low[1] == "vrid":
            return True
        raise Unknown

    def if_dhcp_select(self, st: IfState, tokens, low, src):
        """``dhcp select interface|global``: this interface's hosts get DHCP from the device."""
        if len(low) >= 3 and low[2] in ("interface", "global"):
            st.dhcp_select = src
            return
        if len(low) >= 3 and low[2] == "relay":
            return True
        raise Unknown

    def if_pppoe_client(self, st: IfState, tokens, low, src):
        """``pppoe-client dial-bundle-number N``: the port carries the PPPoE session of
        the Dialer with that bundle; it forwards no IP of its own."""
        if len(low) >= 3 and low[1] == "dial-bundle-number" and low[2].isdecimal():
            st.dialer_bundle = (int(low[2]), src)
            st.l3_cmd = True
            return
        raise Unknown

    def if_dialer(self, st: IfState, tokens, low, src):
        """Dialer settings: ``dialer bundle N`` / ``dialer number N`` name the bundle;
        ``dialer user``, ``dialer-group``, timers are understood and irrelevant."""
        if len(low) >= 3 and low[1] in ("bundle", "number") and low[2].isdecimal():
            st.dialer_number = int(low[2])
            return
        return True

    def if_packet_filter(self, st: IfState, tokens, low, src):
        self.iface_partial(st.iface, Text("input.vrp.packet_filter"), src)

    def if_urpf(self, st: IfState, tokens, low, src):
        """``ip urpf strict|loose [allow-default-route]``."""
        if len(low) >= 3 and low[2] in ("strict", "loose"):
            st.iface.urpf = low[2]
            st.iface.urpf_allow_default = "allow-default-route" in low
            return
        raise Unknown

    def if_routing_protocol(self, st: IfState, tokens, low, src):
        """``ospf enable 1 area 0``, ``rip``, ``isis enable``: the device takes part in a
        dynamic protocol even when its process block is not in the file."""
        if len(low) >= 2 and low[1] == "enable":
            self.dev.dynamic_routing.append(src)
        self.scan_secrets(tokens, low)
        return True
