"""Cisco IOS interfaces and VLANs as they are read (``interface`` / ``interface range``
blocks, ``vlan`` blocks).  What is collected per interface (:class:`.state.IfState`)
becomes the model's L2/L3 role in :mod:`.convert`.
"""

from __future__ import annotations

import ipaddress

from netaddr import IPNetwork

from netaudit.messages import Text
from netaudit.model import Route, Vlan
from netaudit.parsers.base import IGNORE_CTX, Ctx, Unknown
from netaudit.parsers.cisco_common import PPPOE_CLIENT, canonical_ifname, parse_vlan_list, switchport_mode_unmodelled
from netaudit.parsers.cisco_ios.state import IfState, IosState
from netaudit.parsers.cisco_ios.syntax import PRIVATE_VLAN, expand_range, trunk_allowed
from netaudit.parsers.ip import ip_to_int, mask_to_len, prefix_of

# The VRFs IOS-XE keeps for the dedicated management port: ``Mgmt-intf`` (ISR 4000,
# ASR 1000, CSR/Catalyst 8000) and ``Mgmt-vrf`` (Catalyst 3650/3850/9000's Gi0/0); the
# names are the platform's own, fixed (model.Interface.out_of_band).
MGMT_VRFS = frozenset({"Mgmt-intf", "Mgmt-vrf"})

URPF_ACL = Text("input.ios.urpf_acl")  # why an interface whose uRPF names an exception ACL is partial


class InterfaceReader(IosState):
    """``interface`` and ``vlan`` blocks."""

    def h_interface(self, tokens, low, src):
        if len(tokens) < 2:
            raise Unknown
        if low[1] == "range":
            names = expand_range(" ".join(tokens[2:]))
            if not names:
                raise Unknown
        else:
            words = tokens[1:]
            if len(words) > 1 and words[-1].lower() in ("point-to-point", "multipoint"):
                words = words[:-1]
            names = [" ".join(words)]
        states = [self._iface(canonical_ifname(n), src) for n in names]
        self.ctx = Ctx("interface", self.IFACE_TABLE, states, f"interface {states[0].iface.name}", src)

    # --- VLANs

    def h_vlan(self, tokens, low, src):
        if len(low) < 2:
            raise Unknown
        if not low[1][0].isdecimal():
            if low[1] in ("access-map", "filter"):
                if low[1] == "filter" and len(low) >= 5 and low[3] == "vlan-list":
                    # `vlan filter MAP vlan-list 10,20`: the map filters what the VLANs carry,
                    # routed traffic too — their SVIs are partial (convert.py)
                    try:
                        for vid in parse_vlan_list("".join(tokens[4:])):
                            self.vacls[vid] = (tokens[2], src)
                    except ValueError:
                        raise Unknown from None
                self.rep.add_partial("vlan access-map", Text("input.ios.vacl"), src)
                self.ctx = IGNORE_CTX
                return
            self.ignored += 1
            self.ctx = IGNORE_CTX
            return
        self.vlan_block("".join(tokens[1:]), f"vlan {tokens[1]}", src)

    def vlan_block(self, vids: str, label: str, src) -> None:
        """The VLANs of the list ``vids`` (``10,20-30``), created where new, as the block
        of the lines that follow (``name …``)."""
        try:
            ids = parse_vlan_list(vids)
        except ValueError:
            raise Unknown from None
        vlans = []
        for vid in sorted(ids):
            v = self.dev.vlans.get(vid)
            if v is None:
                v = self.dev.vlans[vid] = Vlan(vid, source=src)
            vlans.append(v)
        self.ctx = Ctx("vlan", self.VLAN_TABLE, vlans, label, src)

    def vlan_name(self, vlan: Vlan, tokens, low, src):
        parts = src.text.split(None, 1)
        vlan.name = parts[1] if len(parts) > 1 else ""

    # --- interface block lines

    def if_description(self, st: IfState, tokens, low, src):
        parts = src.text.split(None, 1)
        st.iface.description = parts[1] if len(parts) > 1 else ""

    def if_ip_address(self, st: IfState, tokens, low, src):
        n = len(low)
        if n < 3:
            raise Unknown
        st.l3_cmd = True
        if low[2] in ("dhcp", "negotiated", "pool"):
            # The address is assigned at run time: the engine reasons over every
            # address the interface could receive (docs/semantics.md).
            self.facts.dhcp_client_interfaces.append(st.iface.name)
            st.iface.dynamic_address = True
            st.iface.dynamic_source = src
            if low[2] == "dhcp":
                # IOS installs the DHCP server's router option as a default route
                # (administrative distance 254, `ip dhcp client default-router distance`).
                self.dev.routes.append(
                    Route(
                        IPNetwork("0.0.0.0/0"),
                        st.iface.vrf,
                        interface=st.iface.name,
                        distance=254,
                        origin="dhcp",
                        runtime_gateway=True,
                        source=src,
                    )
                )
            return
        if "/" in tokens[2]:
            addr, _, ln = tokens[2].partition("/")
            a = ip_to_int(addr)
            plen = int(ln) if ln.isdecimal() and int(ln) <= 32 else None
            rest = low[3:]
        else:
            a = ip_to_int(tokens[2])
            m = ip_to_int(tokens[3]) if n > 3 else None
            plen = mask_to_len(m) if m is not None else None
            rest = low[4:]
        if a is None or plen is None:
            raise Unknown
        net = prefix_of(a, plen)
        if rest and rest[0] == "secondary":
            st.secondaries.append(net)
        else:
            st.primary = net

    def if_no_ip_address(self, st: IfState, tokens, low, src):
        st.l3_cmd = True
        if len(low) == 3:
            st.primary = None
            st.secondaries = []

    def if_unnumbered(self, st: IfState, tokens, low, src):
        st.l3_cmd = True
        self.iface_partial(st.iface, Text("input.ios.unnumbered", interface=tokens[-1]), src)

    def if_shutdown(self, st: IfState, tokens, low, src):
        st.iface.shutdown = low[0] != "no"

    def if_access_group(self, st: IfState, tokens, low, src):
        if len(low) < 4 or low[3] not in ("in", "out"):
            self.iface_partial(st.iface, Text("input.ios.access_group_no_direction"), src)
            raise Unknown
        self.ref("acl", tokens[2], src)
        if low[3] == "in":
            st.acl_in = (tokens[2], src)
        else:
            st.acl_out = (tokens[2], src)

    def if_verify(self, st: IfState, tokens, low, src):
        """uRPF: ``ip verify unicast source reachable-via rx|any [allow-default]
        [allow-self-ping] [ACL]`` or the old ``ip verify unicast reverse-path``.

        ``ip verify source [vlan dhcp-snooping] [port-security|tracking]`` is IP Source
        Guard on a switch port: it drops packets whose source address (and MAC) is not
        bound to the port by DHCP snooping or ``ip source binding``.  A host of the
        segment keeps every flow it had (it holds a binding), so nothing is modelled:
        like ``switchport protected``, ignoring it can only over-state reach."""
        words = low[2:]
        if words[:1] == ["source"]:
            rest = words[1:]
            if rest[:2] == ["vlan", "dhcp-snooping"]:
                rest = rest[2:]
            if len(rest) > 1 or (rest and rest[0] not in ("port-security", "tracking")):
                raise Unknown
            return
        if words[:2] == ["unicast", "reverse-path"]:
            st.iface.urpf = "strict"
            if len(words) > 2:
                self.iface_partial(st.iface, URPF_ACL, src)
            return
        if words[:3] != ["unicast", "source", "reachable-via"] or len(words) < 4 or words[3] not in ("rx", "any"):
            raise Unknown
        st.iface.urpf = "strict" if words[3] == "rx" else "loose"
        for w in words[4:]:
            if w == "allow-default":
                st.iface.urpf_allow_default = True
            elif w != "allow-self-ping":
                self.iface_partial(st.iface, URPF_ACL, src)

    def if_policy(self, st: IfState, tokens, low, src):
        """``ip policy route-map NAME``: resolved at the end (undefined = no effect)."""
        if len(low) < 4 or low[2] != "route-map":
            raise Unknown
        self.ref("route-map", tokens[3], src)
        st.policy = (tokens[3], src)

    def if_nat(self, st: IfState, tokens, low, src):
        if len(low) < 3 or low[2] not in ("inside", "outside"):
            raise Unknown
        st.iface.nat_side = low[2]

    def if_vrf(self, st: IfState, tokens, low, src):
        # `vrf forwarding X` (IOS-XE) or `ip vrf forwarding X`
        words, toks = (low[1:], tokens[1:]) if low[0] == "ip" else (low, tokens)
        if len(words) < 3 or words[1] != "forwarding":
            if len(words) >= 2 and words[1] in ("receive", "sitemap", "select"):
                self.iface_partial(st.iface, Text("input.ios.vrf_form", form=words[1]), src)
                return
            raise Unknown
        st.iface.vrf = toks[2]
        self.ref("vrf", toks[2], src)
        if toks[2] in MGMT_VRFS:
            st.iface.out_of_band = src

    def if_standby(self, st: IfState, tokens, low, src):
        """HSRP: ``standby [N] ip A [secondary]`` → virtual address; auth → secret."""
        i = 2 if len(low) > 1 and low[1].isdecimal() else 1
        if i >= len(low):
            raise Unknown
        w = low[i]
        if w == "ip":
            if i + 1 < len(low):
                a = ip_to_int(tokens[i + 1])
                if a is None:
                    raise Unknown
                st.vips.append(a)
            return
        if w == "authentication" and i + 1 < len(low):
            j = i + 1
            if low[j] == "text" and j + 1 < len(low):
                j += 1
            if low[j] == "md5":
                self.scan_secrets(tokens, low)
            else:
                self.add_secret(tokens[j])
        return True

    def if_vrrp(self, st: IfState, tokens, low, src):
        if len(low) >= 4 and low[2] == "ip":
            a = ip_to_int(tokens[3])
            if a is None:
                raise Unknown
            st.vips.append(a)
            return
        if len(low) >= 4 and low[2] == "authentication":
            self.scan_secrets(tokens, low)
            if low[3] == "text" and len(tokens) > 4:
                self.add_secret(tokens[4])
            elif low[3] not in ("md5", "text"):
                self.add_secret(tokens[3])
        return True

    def if_vrrp3_address(self, st: IfState, tokens, low, src):
        # VRRPv3: `vrrp N address-family ipv4` / `  address A [primary|secondary]`
        a = ip_to_int(tokens[1]) if len(tokens) > 1 else None
        if a is None:
            if len(tokens) > 1 and _ipv6_address(tokens[1]):
                # `vrrp N address-family ipv6` / `address FE80::1 primary`, `address
                # 2001:db8::1/64`: an IPv6 virtual address, ignored like `ipv6 address`.
                return True
            raise Unknown
        st.vips.append(a)

    def if_switchport(self, st: IfState, tokens, low, src):
        self.uses_switchport = True
        n = len(low)
        st.sw_any = True
        if n == 1:
            return
        w = low[1]
        if w == "mode" and n >= 3:
            mode = " ".join(low[2:])
            st.mode, st.mode_src = mode, src
            if mode not in ("access", "trunk", "dynamic auto", "dynamic desirable"):
                self.iface_partial(st.iface, switchport_mode_unmodelled(mode), src)
        elif w == "access" and n >= 4 and low[2] == "vlan":
            if not low[3].isdecimal():
                raise Unknown
            st.access_vlan = int(low[3])
        elif w == "trunk" and n >= 3:
            if low[2] == "allowed" and n >= 5 and low[3] == "vlan":
                try:
                    st.allowed = trunk_allowed(st.allowed, low[4:])
                except ValueError:
                    raise Unknown from None
            elif low[2] == "native" and n >= 5 and low[3] == "vlan" and low[4].isdecimal():
                st.native = int(low[4])
            elif low[2] in ("encapsulation", "pruning"):
                return True
            else:
                raise Unknown
        elif w == "voice" and n >= 4 and low[2] == "vlan":
            if low[3].isdecimal():
                st.voice_vlan = int(low[3])
            else:
                return True  # dot1p / none / untagged: no extra VLAN
        elif w == "host":
            st.mode, st.mode_src = "access", src
        elif w in ("private-vlan",):
            self.iface_partial(st.iface, PRIVATE_VLAN, src)
        elif w in ("nonegotiate", "port-security", "block", "protected", "backup", "autostate", "vepa", "dot1q"):
            return True
        else:
            raise Unknown

    def if_no_switchport(self, st: IfState, tokens, low, src):
        if len(low) == 2:
            st.no_switchport = True
            self.uses_switchport = True
        else:
            return True

    def if_encapsulation(self, st: IfState, tokens, low, src):
        if len(low) >= 3 and low[1] in ("dot1q", "isl"):
            if not low[2].isdecimal():
                raise Unknown
            st.iface.encapsulation_vlan = int(low[2])
            st.iface.encapsulation_native = "native" in low[3:]
            if "second-dot1q" in low[3:]:
                self.iface_partial(st.iface, Text("input.ios.qinq"), src)
        else:
            return True  # ppp, hdlc, frame-relay, slip: link layer only

    def if_pppoe(self, st: IfState, tokens, low, src):
        """``pppoe enable [group G]``: PPPoE on this Ethernet port.  With a
        ``pppoe-client`` line the port only carries the sessions of a dialer pool, whose
        ``interface Dialer`` (``ip address negotiated``) is the L3 interface; without one
        it is a PPPoE server (bba-group, virtual-template): partial, decided in
        :mod:`.convert`."""
        if len(low) >= 2 and low[1] == "enable":
            st.pppoe_enable = src
            return
        self.iface_partial(st.iface, Text("input.ios.pppoe"), src)

    def if_pppoe_client(self, st: IfState, tokens, low, src):
        """``pppoe-client dial-pool-number N [...]``: the port carries the PPPoE client
        sessions of dialer pool N; it forwards no IP of its own for them (the Dialer
        interface does)."""
        if len(low) >= 3 and low[1] == "dial-pool-number" and low[2].isdecimal():
            st.pppoe_client = True
            return
        self.iface_partial(st.iface, PPPOE_CLIENT, src)

    def if_channel_group(self, st: IfState, tokens, low, src):
        if len(low) < 2 or not low[1].isdecimal():
            raise Unknown
        st.channel_group = (f"Port-channel{low[1]}", src)

    def if_routing_protocol(self, st: IfState, tokens, low, src):
        """Routing-protocol settings on an interface show the device takes part in a
        dynamic protocol even when its ``router`` block is absent from the file (as in
        published, sanitised configs): missing routes are then unknown, not absent."""
        self.dev.dynamic_routing.append(src)
        return self.if_secret_ignored(st, tokens, low, src)

    def if_secret_ignored(self, st: IfState, tokens, low, src):
        """ip ospf / ppp / ip authentication: irrelevant except for their keys."""
        self.scan_secrets(tokens, low)
        return True


def _ipv6_address(text: str) -> bool:
    """``FE80::1`` or ``2001:db8::1/64``: an IPv6 address, with or without a prefix length."""
    addr, _, plen = text.partition("/")
    if plen and not (plen.isdecimal() and int(plen) <= 128):
        return False
    try:
        ipaddress.IPv6Address(addr)
    except ValueError:
        return False
    return True
