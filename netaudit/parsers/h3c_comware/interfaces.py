"""H3C Comware: ``interface`` blocks and ``vlan`` blocks (docs/vendors/h3c_comware.md,
"Interfaces and VLANs").

What a line says is recorded in VRP's interface state (:class:`~netaudit.parsers.huawei_vrp.
state.IfState`: the same port model — access, trunk, hybrid, routed); the port's role and
its defaults are decided once the whole file is read (:mod:`.convert`).  Lines Comware and
VRP write alike (``description``, ``shutdown``, ``ip address``, ``port link-type``,
``ip binding vpn-instance``, ``vrrp``, ``ip urpf``, ``pppoe-client``) are VRP's readers.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import IfKind, Vlan
from netaudit.parsers.base import Ctx, Unknown
from netaudit.parsers.h3c_comware.state import ComwareState
from netaudit.parsers.h3c_comware.syntax import canonical_ifname, is_ifname
from netaudit.parsers.huawei_vrp.interfaces import InterfaceReader
from netaudit.parsers.huawei_vrp.state import IfState
from netaudit.parsers.huawei_vrp.syntax import vlan_list


class ComwareInterfaceReader(InterfaceReader, ComwareState):
    """Handlers of Comware's ``interface`` and ``vlan`` lines."""

    TRUNK_PERMIT = "permit"  # `port trunk permit vlan L|all`, VRP's reading otherwise

    # ------------------------------------------------------------------ global

    def h_interface(self, tokens, low, src):
        """``interface NAME`` (a block of that interface's lines), ``interface range A [to
        B] …`` (the same lines for every interface of the list)."""
        if len(tokens) < 2:
            raise Unknown
        if low[1] == "range":
            states = [self._iface(name, src) for name in _range_names(tokens[2:])]
            self.ctx = Ctx("interface", self.IFACE_TABLE, states, " ".join(tokens), src)
            return
        name = canonical_ifname(" ".join(tokens[1:]))
        if not is_ifname(name):
            raise Unknown
        st = self._iface(name, src)
        if st.iface.kind == IfKind.SVI:
            self.switch_like = True  # a VLAN's routed interface: the device switches
        self.ctx = Ctx("interface", self.IFACE_TABLE, [st], f"interface {name}", src)

    def h_vlan(self, tokens, low, src):
        """``vlan N`` (a block: ``name``, ``description``), ``vlan A to B`` and ``vlan A B
        C to D`` (created, no block).  VLAN 1 is in every Comware file: it alone does not
        make the device a switch."""
        try:
            vids = vlan_list(tokens[1:])
        except Unknown:
            raise Unknown from None
        if vids != {1}:
            self.switch_like = True
        for vid in sorted(vids):
            self.dev.vlans.setdefault(vid, Vlan(vid, source=src))
        if len(vids) == 1:
            vid = next(iter(vids))
            self.ctx = Ctx("vlan", self.VLAN_TABLE, [self.dev.vlans[vid]], f"vlan {vid}", src)

    # ------------------------------------------------------------------ interface lines

    def _l2(self, st: IfState) -> None:
        st.l2_cmd = True
        self.switch_like = True

    def if_link_mode(self, st: IfState, tokens, low, src):
        """``port link-mode route|bridge``: a port that can do both is routed (an L3
        Ethernet port) or switched (an L2 port)."""
        if len(low) != 3 or low[2] not in ("route", "bridge"):
            raise Unknown
        if low[2] == "route":
            st.routed = src
        else:
            st.routed = None
            self._l2(st)

    def if_access_vlan(self, st: IfState, tokens, low, src):
        """``port access vlan N``: untagged frames of the port are VLAN N's."""
        if len(low) != 4 or not low[3].isdecimal():
            raise Unknown
        st.default_vlan = int(low[3])
        self._l2(st)

    def if_port_hybrid(self, st: IfState, tokens, low, src):
        """``port hybrid vlan L tagged|untagged``, ``undo port hybrid vlan L``, ``port
        hybrid pvid vlan N`` (VLAN 1 untagged and pvid 1 by default)."""
        undo = low[0] == "undo"
        words, wlow = (tokens[1:], low[1:]) if undo else (tokens, low)
        self._l2(st)
        if len(wlow) == 5 and wlow[2] == "pvid" and wlow[3] == "vlan" and wlow[4].isdecimal():
            st.pvid = None if undo else int(wlow[4])
            return
        if len(wlow) >= 4 and wlow[2] == "vlan":
            if undo:
                vids = vlan_list(words[3:])
                st.hybrid_untagged -= vids
                st.hybrid_tagged -= vids
                return
            if wlow[-1] not in ("tagged", "untagged"):
                raise Unknown
            vids = vlan_list(words[3:-1])
            untagged = wlow[-1] == "untagged"
            target = st.hybrid_untagged if untagged else st.hybrid_tagged
            other = st.hybrid_tagged if untagged else st.hybrid_untagged
            target |= vids
            other -= vids  # a VLAN is tagged or untagged on a port, not both
            return
        raise Unknown

    def if_link_aggregation(self, st: IfState, tokens, low, src):
        """``port link-aggregation group N``: the port is a member of Bridge-AggregationN
        (Route-AggregationN when it is a routed port) and takes its settings."""
        if len(low) != 4 or low[2] != "group" or not low[3].isdecimal():
            raise Unknown
        self.agg_members.append((st, int(low[3]), src))

    def if_vlan_type(self, st: IfState, tokens, low, src):
        """``vlan-type dot1q vid N`` on a sub-interface (``GigabitEthernet0/1.10``): it
        takes the frames tagged N.  Other forms (a range, a second tag) are partial."""
        if len(low) == 4 and low[1] == "dot1q" and low[2] == "vid" and low[3].isdecimal():
            st.iface.encapsulation_vlan = int(low[3])
            return
        self.iface_partial(st.iface, Text("input.comware.vlan_type", line=src.text), src)

    def if_undo_packet_filter(self, st: IfState, tokens, low, src):
        """``undo packet-filter [name] X inbound|outbound`` (as typed in a hand-made file):
        that filter is taken off the interface."""
        words = [w for w in low[2:] if w != "hardware-count"]
        tok = [t for t in tokens[2:] if t.lower() != "hardware-count"]
        if words[:1] in (["ipv6"], ["mac"], ["filter"]):
            return True  # IPv6 not modelled; mac: its partial stays; the VLAN scope: back to route
        if words[:1] == ["name"]:
            words, tok = words[1:], tok[1:]
        if len(words) != 2 or words[1] not in ("inbound", "outbound"):
            raise Unknown
        filters = st.filters_in if words[1] == "inbound" else st.filters_out
        filters[:] = [(acl, at) for acl, at in filters if acl.lower() != tok[0].lower()]

    def if_packet_filter(self, st: IfState, tokens, low, src):
        """``packet-filter [ipv6|mac] N|name X inbound|outbound [hardware-count]``: the
        ACL filters what the interface receives / sends; a packet no rule matches is
        permitted unless ``packet-filter default deny`` (convert).  IPv6: ignored; a
        Layer-2 ACL and V5's ``ip-group`` form: partial."""
        words = [w for w in low[1:] if w != "hardware-count"]
        tok = [t for t in tokens[1:] if t.lower() != "hardware-count"]
        if words[:1] == ["ipv6"]:
            return True  # IPv6 is not modelled
        if words[:1] == ["mac"] or "ip-group" in words or "link-group" in words:
            self.iface_partial(st.iface, Text("input.comware.packet_filter_form", line=src.text), src)
            # on a Layer-2 port its SVIs are partial too (convert)
            self.port_filter_forms.setdefault(st.iface.name, []).append((" ".join(tokens[1:]), src))
            return
        if words[:1] == ["filter"] and len(words) == 2 and words[1] in ("route", "all"):
            # a VLAN interface's scope: the packets it routes (the default), or all, those
            # its ports switch within the VLAN too (not modelled: partial)
            if words[1] == "all":
                self.iface_partial(st.iface, Text("input.comware.packet_filter_form", line=src.text), src)
            return True
        if words[:1] == ["default"]:
            raise Unknown
        if len(words) == 3 and words[0] == "name" and words[2] in ("inbound", "outbound"):
            acl, direction = tok[1], words[2]
        elif len(words) == 2 and words[1] in ("inbound", "outbound"):
            acl, direction = tok[0], words[1]
        else:
            raise Unknown
        self.ref("acl", acl, src)
        (st.filters_in if direction == "inbound" else st.filters_out).append((acl, src))

    def if_nat_outbound(self, st: IfState, tokens, low, src):
        """``nat outbound [ACL | name X] [address-group N | name G] [vpn-instance V]
        [no-pat [reversible]] [port-preserved] [disable]``: source NAT of what leaves by
        this interface (every packet without an ACL; Easy IP without a group); ``disable``:
        not in effect.  A VPN instance and ``reversible`` are partial."""
        words, wlow = tokens[2:], low[2:]
        acl: str | None = None
        group: str | None = None
        i = 0
        if i < len(wlow) and wlow[i].isdecimal():
            acl = words[i]
            i += 1
        elif wlow[i : i + 1] == ["name"] and i + 1 < len(wlow):
            acl = words[i + 1]
            i += 2
        while i < len(wlow):
            w = wlow[i]
            if w == "address-group" and i + 1 < len(wlow):
                group = words[i + 1] if wlow[i + 1] != "name" else (words[i + 2] if i + 2 < len(wlow) else None)
                i += 2 if wlow[i + 1] != "name" else 3
            elif w in ("port-preserved", "no-pat"):
                i += 1  # which port (or none) is translated: the address is the same
            elif w == "reversible":
                # inside hosts' NO-PAT entries serve new connections from outside too
                self.iface_partial(st.iface, Text("input.comware.nat_reversible", line=src.text), src)
                i += 1
            elif w == "disable":
                return True  # the rule is configured but not in effect
            elif w == "vpn-instance" and i + 1 < len(wlow):
                self.iface_partial(st.iface, Text("input.comware.nat_vpn", line=src.text), src)
                i += 2
            else:
                raise Unknown
        st.nat_outbound.append((acl, group, src, None))

    def if_nat_server(self, st: IfState, tokens, low, src):
        """``nat server [protocol P] global A|current-interface|interface X [P1] inside B
        [P2] [vpn-instance V] [reversible] [rule NAME] [description …]``: what arrives on
        this interface for A (port P1) goes to B (P2) — VRP's ``nat server``.  Without
        ``protocol`` it maps the address both ways only with ``reversible``."""
        words, wlow = list(tokens), list(low)
        reversible = "reversible" in wlow
        if "description" in wlow:
            k = wlow.index("description")
            words, wlow = words[:k], wlow[:k]
        if "rule" in wlow:
            k = wlow.index("rule")
            words, wlow = words[:k] + words[k + 2 :], wlow[:k] + wlow[k + 2 :]
        keep = [k for k, w in enumerate(wlow) if w != "reversible"]
        words, wlow = [words[k] for k in keep], [wlow[k] for k in keep]
        if "acl" in wlow:
            raise Unknown  # which sources it serves: not read
        if "vpn-instance" in wlow:
            # `global … vpn-instance V … inside … vpn-instance V`: not modelled (VRP's reader
            # says so for one at the end)
            while "vpn-instance" in wlow:
                k = wlow.index("vpn-instance")
                words, wlow = words[:k] + words[k + 2 :], wlow[:k] + wlow[k + 2 :]
            words, wlow = [*words, "vpn-instance", "v"], [*wlow, "vpn-instance", "v"]
        if "protocol" not in wlow and not reversible:
            words, wlow = [*words, "no-reverse"], [*wlow, "no-reverse"]
        self.nat_server_line(st, words, wlow, src)

    def if_routing_protocol(self, st: IfState, tokens, low, src):
        """``ospf N area A``, ``rip N enable``, ``isis enable N``: the device takes part
        in a dynamic protocol (its learned routes are not in the snapshot)."""
        if (low[0] == "ospf" and "area" in low) or "enable" in low:
            self.dev.dynamic_routing.append(src)
        self.scan_secrets(tokens, low)
        return True


def _range_names(words: list[str]) -> list[str]:
    """``GigabitEthernet 1/0/1 to GigabitEthernet 1/0/24 Ten-GigabitEthernet1/0/49`` → the
    interfaces named (a range: the same name, its last number counting up).  Raises
    :class:`Unknown` on anything else."""
    items: list[str] = []  # names, and "to" between the two ends of a range
    for w in words:
        w = w.rstrip(",")
        if w.lower() == "to":
            items.append("to")
        elif items and items[-1] != "to" and w[:1].isdecimal() and not items[-1][-1:].isdecimal():
            items[-1] += w  # `GigabitEthernet 1/0/1`: the name and its number apart
        else:
            items.append(w)
    names: list[str] = []
    i = 0
    while i < len(items):
        first = canonical_ifname(items[i])
        if not is_ifname(first):
            raise Unknown
        if i + 2 < len(items) and items[i + 1] == "to":
            last = canonical_ifname(items[i + 2])
            stem, _, lo = first.rpartition("/") if "/" in first else (first.rstrip("0123456789"), "", "")
            stem2, _, hi = last.rpartition("/") if "/" in last else (last.rstrip("0123456789"), "", "")
            if not (lo.isdecimal() and hi.isdecimal() and stem == stem2 and int(lo) <= int(hi) <= int(lo) + 512):
                raise Unknown
            names += [f"{stem}/{n}" for n in range(int(lo), int(hi) + 1)]
            i += 3
        else:
            names.append(first)
            i += 1
    if not names:
        raise Unknown
    return names
