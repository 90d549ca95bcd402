"""Cisco IOS zone-based policy firewall (ZBF): ``zone security``, ``zone-pair security``,
interface ``zone-member security``, ``class-map type inspect`` and ``policy-map type
inspect`` (read with the CoPP class-maps and policy-maps, :mod:`.copp`) built into the
device's forward filter (``Device.forward_filter``, :data:`ZONE_FIREWALL`), whose lines
name the member interfaces (``Match.in_ifaces`` / ``out_ifaces``).  The rules and their
sources: docs/vendors/cisco_ios.md, "Zone-based firewall".

What IOS does, as built here (in the filter's order):

* the replies of a session a zone-pair S→D *inspects* come back from D to S (a line for
  packets of established connections, ``Match.conn_established``, which only the replies
  analysis sends); ``pass`` is stateless, one direction;
* traffic from a member of S to a member of D (S and D may be the same zone: an
  intrazone pair) follows the pair's ``service-policy type inspect``: its classes in
  order, the first that matches decides (``inspect`` / ``pass`` forward, ``drop`` drops),
  ``class-default`` last (drop unless it says otherwise); a pair without a policy drops;
* two members of the same zone without an intrazone pair: forwarded;
* a member and an interface of another zone without a pair, or of no zone: dropped;
* two interfaces of no zone: not affected (the filter's default).

What the model cannot decide leaves the packets it concerns *maybe*, never decided: a
class matching what is not modelled (a protocol not in :data:`PAM_PORTS` or remapped by
``ip port-map``, a match-all of two lines both naming addresses on one side, an ACL with
deny lines before a permit, undefined or not understood), a class action not modelled
(``police``, ``urlfilter``, ``service-policy``, no action) as in :mod:`.copp`; an
interface in a zone not defined or in two zones (the interface partial); a zone-pair
line not understood (the pair's traffic maybe either way); ``zone security default`` or
a zone line not understood (the whole filter partial).  Zone-pairs to ``self`` become the
device's input filter (:data:`ZONE_SELF`): their zones' traffic to the router follows
their policies, a pair without a policy, another zone and an interface of no zone pass
(Cisco's rules for router traffic); beside a CoPP input filter, that filter partial.

Also the classic IOS firewall's interface line, ``ip inspect NAME in|out`` (CBAC): it
opens the ACLs for the replies of what they let through and decides no new connection,
so it changes no verdict (:meth:`ZoneReader.if_inspect`).
"""

from __future__ import annotations

from functools import cached_property

from netaddr import IPNetwork, IPSet

from netaudit.messages import Text
from netaudit.model import PROTO_ICMP, PROTO_TCP, PROTO_UDP, Action, Filter, FilterLine, Match, PortRange, Src
from netaudit.parsers.base import IGNORE_CTX, Ctx, Unknown, evolve, join_reasons
from netaudit.parsers.cisco_common import PROTO_GRE
from netaudit.parsers.cisco_ios.copp import CLASS_DEFAULT, CoppBuilder, doubt_text, unknown_action, with_action
from netaudit.parsers.cisco_ios.reasons import class_acl_unusable, class_map_empty, class_map_undefined, not_understood
from netaudit.parsers.cisco_ios.state import ClassMap, IfState, IosState, PolicyClass, ZonePair

ZONE_FIREWALL = "ios-zone-firewall"  # the synthesized Device.forward_filter
ZONE_SELF = "ios-zone-self"  # the input filter built from the zone-pairs to self
SELF = "self"

# `match protocol P` → the packets PAM (Port-to-Application Mapping) puts in P by default:
# tcp/udp/icmp the whole protocol; the others their system-defined port (Cisco IOS
# Security Configuration Guide, "Port to Application Mapping"; docs/vendors/cisco_ios.md).
# Protocols whose inspection opens secondary channels (ftp, tftp, h323, sip, rtsp, msrpc,
# sunrpc …) are left out on purpose: the data connections inspection lets in are not
# replies, so they stay partial rather than "blocked".
PAM_PORTS: dict[str, tuple[tuple[int, ...], int | None]] = {
    "tcp": ((PROTO_TCP,), None),
    "udp": ((PROTO_UDP,), None),
    "icmp": ((PROTO_ICMP,), None),
    "http": ((PROTO_TCP,), 80),
    "https": ((PROTO_TCP,), 443),
    "dns": ((PROTO_TCP, PROTO_UDP), 53),
    "ssh": ((PROTO_TCP,), 22),
    "telnet": ((PROTO_TCP,), 23),
    "smtp": ((PROTO_TCP,), 25),
    "pop3": ((PROTO_TCP,), 110),
    "imap": ((PROTO_TCP,), 143),
    "ntp": ((PROTO_UDP,), 123),
    "snmp": ((PROTO_UDP,), 161),
    "isakmp": ((PROTO_UDP,), 500),
}
WHOLE_PROTOCOLS = frozenset({"tcp", "udp", "icmp"})  # PAM maps no port onto them
# The applications left out of PAM_PORTS that PAM knows, by the IP protocols of every
# channel their inspection opens (control, data, media: FTP's data connections are TCP,
# RTP media of h323/sip/rtsp/skinny/mgcp UDP, PPTP's tunnel GRE): their packets lie
# there, so a class naming one is *maybe* only within them — and exact beside a
# `match protocol tcp`/`udp` of the same match-any class (the CCP wizard's class lists
# both).  Cisco IOS Security Configuration Guide, "Port to Application Mapping",
# system-defined port mappings; docs/vendors/cisco_ios.md, "Zone-based firewall".
APP_PROTOCOLS: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(("exec", "ftp", "ftps", "imaps", "ldap", "ldaps", "login", "msrpc"), (PROTO_TCP,)),
    **dict.fromkeys(("pop3s", "shell", "sqlnet", "sql-net", "telnets"), (PROTO_TCP,)),
    **dict.fromkeys(("mgcp", "streamworks", "tftp", "l2tp"), (PROTO_UDP,)),
    **dict.fromkeys(
        ("cuseeme", "h323", "netshow", "realmedia", "rtsp", "sip", "skinny", "sunrpc", "vdolive"),
        (PROTO_TCP, PROTO_UDP),
    ),
    "pptp": (PROTO_TCP, PROTO_GRE),
}
MAX_NESTING = 8  # `match class-map` depth before a loop is assumed


class ZoneReader(IosState):
    """``zone security`` and ``zone-pair security`` blocks, the interface's
    ``zone-member security`` and ``ip port-map`` lines."""

    def h_zone(self, tokens, low, src):
        """``zone security NAME`` (body: ``description``) or ``zone-pair security NAME
        source S destination D`` (body: ``service-policy type inspect P``, ``description``)."""
        if low[0] == "zone" and len(low) == 3 and low[1] == "security":
            self.ignore_line(tokens, low)
            self.zones[tokens[2]] = src
            if low[2] == "default":
                self.zone_doubts.append((Text("input.ios.zone_default"), src))
            self.ctx = Ctx("zone", label=f"zone security {tokens[2]}", src=src)
            return
        if low[0] == "zone-pair" and len(low) == 7 and low[1] == "security" and low[3::2] == ["source", "destination"]:
            self.ignore_line(tokens, low)
            pair = ZonePair(tokens[2], _zone_name(tokens[4]), _zone_name(tokens[6]), src)
            self.zone_pairs.append(pair)
            self.ctx = Ctx("zone-pair", label=f"zone-pair security {tokens[2]}", targets=[pair], src=src)
            return
        self.zone_doubts.append((not_understood(src.text), src))
        raise Unknown

    def zone_line(self, ctx: Ctx, stripped: str, lineno: int, fallback: bool) -> bool:
        """A ``zone`` / ``zone-pair`` body line.  ``fallback`` (a column-0 line of
        de-indented input): only ``service-policy type inspect`` belongs to the body.
        A line not understood is unrecognized and makes the pair (or the whole
        firewall, in a zone's body) partial."""
        tokens = stripped.split()
        low = stripped.lower().split()
        if fallback and low[:3] != ["service-policy", "type", "inspect"]:
            return False
        src = self.src(lineno, stripped)
        if low[0] == "description":
            self.ignore_line(tokens, low)
            return True
        pair = ctx.targets[0] if ctx.targets else None
        if isinstance(pair, ZonePair) and low[:3] == ["service-policy", "type", "inspect"] and len(low) == 4:
            self.ignored += 1
            pair.policy = (tokens[3], src)
            return True
        why = Text("input.ios.zone_line", text=src.text, block=ctx.label)
        if isinstance(pair, ZonePair):
            pair.doubts.append((why, src))
        else:
            self.zone_doubts.append((why, src))
        return False

    def if_zone_member(self, st: IfState, tokens, low, src):
        """``zone-member security Z``: the interface is in zone Z (resolved at the end)."""
        if len(low) != 3:
            self.iface_partial(st.iface, not_understood(src.text), src)
            raise Unknown
        self.zone_members.setdefault(st.iface.name, []).append((tokens[2], src))

    def if_inspect(self, st: IfState, tokens, low, src):
        """``ip inspect NAME in|out [redundancy …]`` (CBAC, the classic IOS firewall): it
        inspects the sessions the interface's ACLs let through and opens the ACLs for
        their replies; it neither permits nor drops a new connection, so the verdicts
        (new connections) are the ACLs' (docs/vendors/cisco_ios.md, "CBAC").  Another
        form: the interface partial."""
        if len(low) < 4 or low[3] not in ("in", "out"):
            self.iface_partial(st.iface, Text("input.ios.cbac_line", text=src.text), src)
        self.ignore_line(tokens, low)

    def h_ipv6_access_list(self, tokens, low, src):
        """``ipv6 access-list NAME``: read as irrelevant (IPv6 is not modelled), its name
        kept — a class-map that names it matches no IPv4 packet."""
        self.ignore_line(tokens, low)
        if len(tokens) >= 3:
            self.ipv6_acls.add(tokens[2])
        self.ctx = IGNORE_CTX

    def h_ip_inspect(self, tokens, low, src):
        """``ip inspect …`` (CBAC's global settings and rules ``ip inspect name N …``):
        what the model follows of CBAC is the interface's ``ip inspect`` line; an ``http
        java-list ACL`` rule uses that ACL (not "unused")."""
        self.ignore_line(tokens, low)
        if "java-list" in low[:-1]:
            self.ref("acl", tokens[low.index("java-list") + 1], src)

    def h_ip_port_map(self, tokens, low, src):
        """``ip port-map APP port …``: APP also on other ports (or, with ``list``, on some
        hosts only): every ``match protocol APP`` becomes partial."""
        if len(low) < 4:
            raise Unknown
        self.ignore_line(tokens, low)
        self.port_maps.setdefault(low[2], []).append(src)


class ZoneBuilder(CoppBuilder):
    """:meth:`finish_zone_firewall`: the zone firewall as ``Device.forward_filter`` (class
    ACLs read as CoPP reads them, :meth:`.CoppBuilder.acl_class_lines`)."""

    def finish_zone_firewall(self) -> None:
        """Build :data:`ZONE_FIREWALL` (module docstring); nothing when no interface is in
        a zone (zones and pairs alone change nothing)."""
        if not self.zone_members and not self.zone_doubts:
            return
        dev = self.dev
        member_of: dict[str, tuple[str, Src]] = {}
        unsure: dict[str, str] = {}  # interface -> why its membership is not known
        for ifname, said in self.zone_members.items():
            zone, zsrc = said[-1]
            member_of[ifname] = (zone, zsrc)
            if len(said) > 1:
                unsure[ifname] = Text("input.ios.zone_member_twice")
            elif zone not in self.zones:
                unsure[ifname] = Text("input.ios.zone_undefined", zone=zone)
            if ifname in unsure:
                self.iface_partial(dev.interfaces[ifname], unsure[ifname], zsrc)
            else:  # the security zone, as a FortiGate's or an ASA's nameif (netaudit init reads it)
                dev.interfaces[ifname].zone = zone
        members: dict[str, frozenset[str]] = {}
        for ifname, (zone, _) in member_of.items():
            members[zone] = members.get(zone, frozenset()) | {ifname}
        replies: list[FilterLine] = []
        lines: list[FilterLine] = []
        intrazone: set[str] = set()
        to_self: list[ZonePair] = []
        for pair in self.zone_pairs:
            if SELF in (pair.source, pair.destination):
                if pair.destination == SELF and members.get(pair.source):
                    to_self.append(pair)
                continue  # from the router itself: traffic the matrix does not send
            ins, outs = members.get(pair.source), members.get(pair.destination)
            if not ins or not outs:
                continue
            if pair.source == pair.destination:
                intrazone.add(pair.source)
            pair_lines, back = self._pair_lines(pair)
            lines += [_on(line, ins, outs) for line in pair_lines]
            if back is not None:
                replies.append(
                    FilterLine(
                        Action.PERMIT,
                        [Match(conn_established=True, in_ifaces=outs, out_ifaces=ins)],
                        pair.src,
                        f"zone-pair {pair.name}: replies of the sessions it inspects",
                        partial=back or None,
                    )
                )
        for zone in sorted(members):
            if zone not in intrazone:
                at = self.zones.get(zone) or member_of[sorted(members[zone])[0]][1]
                name = f"zone security {zone}: between its own members (no intrazone zone-pair): forwarded"
                lines.append(
                    FilterLine(Action.PERMIT, [Match(in_ifaces=members[zone], out_ifaces=members[zone])], at, name)
                )
        for ifname in sorted(member_of):
            zone, zsrc = member_of[ifname]
            only = frozenset({ifname})
            name = f"{ifname} in zone {zone}: no zone-pair to or from the other interface's zone (or none): dropped"
            lines.append(FilterLine(Action.DENY, [Match(in_ifaces=only), Match(out_ifaces=only)], zsrc, name))
        for line in replies + lines:  # every line an interface of doubtful membership is in
            # sorted by their English (one order in every language)
            why = join_reasons(sorted({unsure[n] for m in line.matches for n in _named_ifaces(m) if n in unsure}))
            if why:
                line.partial = join_reasons((line.partial, why))
        whole = doubt_text(self.zone_doubts) if self.zone_doubts else None
        for why, src in self.zone_doubts:
            self.rep.add_partial("zone-based firewall", why, src)
        first = min((s for _, s in member_of.values()), key=lambda s: s.line, default=None)
        dev.filters[ZONE_FIREWALL] = Filter(
            name=ZONE_FIREWALL,
            lines=replies + lines,
            kind="synthesized",
            default_action=Action.PERMIT,
            source=first or self.zone_doubts[0][1],
            partial=whole,
            default_text=Text("input.ios.default.zone_unzoned"),
        )
        # The only forward filter IOS has (nothing else in this package sets one).
        dev.forward_filter = ZONE_FIREWALL
        if to_self:
            self._self_zone_partial(to_self, members)

    def _self_zone_partial(self, pairs: list[ZonePair], members: dict[str, frozenset[str]]) -> None:
        """Zone-pairs toward ``self`` (traffic to the router): with no other input filter,
        the router's input filter ``ios-zone-self``.  What arrives on a member of a zone
        with such a pair follows the pair's policy exactly (as between two zones); a pair
        without a service-policy, a zone without a pair to self and an interface of no
        zone pass — Cisco's rules for router traffic (docs/vendors/cisco_ios.md,
        "Zone-based firewall": traffic to the self zone passes unless a zone-pair with a
        policy says otherwise, unlike traffic between two zones).  Beside control-plane
        policing (an input filter already), the two are not composed: that filter
        partial (never "blocked")."""
        dev = self.dev
        why = join_reasons(
            [
                Text("input.ios.zone_self_copp", pair=p.name, source=p.source)
                for p in pairs
                if p.policy is not None or p.doubts
            ]
        )
        if not why:
            return  # pairs without a policy: traffic to the router passes as without them
        if dev.input_filter is not None:
            for p in pairs:
                self.rep.add_partial(f"zone-pair security {p.name}", why, p.src)
            flt = dev.filters[dev.input_filter]
            flt.partial = join_reasons((flt.partial, why))
            return
        lines: list[FilterLine] = []
        for pair in pairs:
            ins = members[pair.source]
            if pair.policy is None and not pair.doubts:
                label = f"zone-pair {pair.name}: no service-policy: traffic to the router passes"
                lines.append(FilterLine(Action.PERMIT, [Match(in_ifaces=ins)], pair.src, label))
                continue
            pair_lines, _ = self._pair_lines(pair)
            lines += [_on(line, ins, None) for line in pair_lines]
        dev.filters[ZONE_SELF] = Filter(
            name=ZONE_SELF,
            lines=lines,
            kind="synthesized",
            default_action=Action.PERMIT,
            source=pairs[0].src,
            default_text=Text("input.ios.default.zone_self"),
        )
        dev.input_filter = ZONE_SELF

    def _pair_lines(self, pair: ZonePair) -> tuple[list[FilterLine], str | None]:
        """The lines of one zone-pair (interfaces not yet set) and whether it inspects:
        None (no reply line), "" (inspects), or why it may (a partial reply line)."""
        label = f"zone-pair {pair.name}"
        if pair.doubts:
            why = doubt_text(pair.doubts)
            for _, src in pair.doubts:
                self.rep.add_partial(f"zone-pair security {pair.name}", why, src)
            return _both(Match(), pair.src, label, why), why
        if pair.policy is None:
            return [FilterLine(Action.DENY, [Match()], pair.src, f"{label}: no service-policy: dropped")], None
        name, psrc = pair.policy
        pm = self.policy_maps.get(name)
        if pm is None or pm.kind != "inspect" or pm.doubts:
            why = (
                Text("input.ios.inspect_policy_undefined", name=name)
                if pm is None or pm.kind != "inspect"
                else doubt_text(pm.doubts)
            )
            self.rep.add_partial(f"zone-pair security {pair.name}", why, psrc)
            return _both(Match(), psrc, label, why), why
        out: list[FilterLine] = []
        inspects, maybe = False, None  # a class inspects; why one may (action unknown)
        default: PolicyClass | None = None
        for cls in pm.classes:
            if cls.name.lower() == CLASS_DEFAULT:
                default = cls
                continue
            clabel = f"{label} policy-map {pm.name} class {cls.name}"
            if not cls.doubts and cls.action not in ("inspect", "pass", "drop"):
                cls.doubts.append((Text("input.ios.class_no_action", name=cls.name), cls.src))
            action = _zbf_action(cls)
            if action is None:
                why = doubt_text(cls.doubts)
                maybe = maybe or why
                for _, src in cls.doubts:
                    self.rep.add_partial(clabel, why, src)
            inspects = inspects or cls.action == "inspect"
            members = self._class_members(cls.name, cls, clabel, 0, set())
            out += [_named(line, clabel) for line in with_action(members, action, cls, pm)]
        if default is None:
            out.append(
                FilterLine(Action.DENY, [Match()], pm.src, f"{label} policy-map {pm.name} class-default: dropped")
            )
        else:
            action = _zbf_action(default) if default.action != "transmit" or default.doubts else Action.DENY
            dlabel = f"{label} policy-map {pm.name} class class-default"
            if action is None:
                why = doubt_text(default.doubts)
                self.rep.add_partial(dlabel, why, default.src)
                out += [_named(line, dlabel) for line in unknown_action(Match(), default, pm, why)]
            else:
                verb = "dropped" if action == Action.DENY else "forwarded"
                out.append(FilterLine(action, [Match()], default.src, f"{dlabel}: {verb}"))
                inspects = inspects or default.action == "inspect"
        return out, "" if inspects else maybe

    def _class_members(self, name: str, cls: PolicyClass, label: str, depth: int, seen: set[str]) -> list[FilterLine]:
        """The packets class-map ``name`` matches, as PERMIT lines ("in the class"): exact
        where the model reads it, else a partial line over every packet, saying why."""
        cm = self.class_maps.get(name)
        why: str | None = None
        if cm is None:
            why = class_map_undefined(name)
        elif cm.kind != "inspect":
            why = Text("input.ios.class_map_not_inspect", name=name)
        elif cm.doubts:
            why = doubt_text(cm.doubts)
        elif name in seen or depth > MAX_NESTING:
            why = Text("input.ios.class_map_nested", name=name)
        else:
            ipv4 = self.ipv4_acls(cm)
            count = len(ipv4) + len(cm.protocols) + len(cm.nested) + (cm.any_src is not None)
            if len(ipv4) < len(cm.acls) and (not cm.match_any or count == 0):
                return []  # an IPv6 access-list in a match-all, or only such lines: no IPv4 packet
            if count == 0:
                why = class_map_empty(name)
        if why is not None:
            for src in [s for _, s in (cm.doubts if cm else [])] or [cm.src if cm else cls.src]:
                self.rep.add_partial(label, why, src)
            return [FilterLine(Action.PERMIT, [Match()], cm.src if cm else cls.src, label, partial=why)]
        assert cm is not None
        groups: list[list[FilterLine]] = []  # per match line of the class-map, its packets
        if cm.any_src is not None:
            groups.append([FilterLine(Action.PERMIT, [Match()], cm.any_src, label)])
        for acl, src in ipv4:
            found = self.acls.get(acl)
            if found is None or found.filter.partial or not found.filter.lines:
                why = class_acl_unusable(name, acl)
                self.rep.add_partial(label, why, src)
                groups.append([FilterLine(Action.PERMIT, [Match()], src, label, partial=why)])
            else:
                groups.append(self._nat_unsure(self.acl_class_lines(acl, cls, label), label))
        for proto, src in cm.protocols:
            groups.append([self._protocol_line(proto, src, label)])
        for inner, _src in cm.nested:
            groups.append(self._class_members(inner, cls, label, depth + 1, seen | {name}))
        if cm.match_any:
            return [line for group in groups for line in group]
        out = groups[0]
        for group in groups[1:]:  # match-all: the packets every line matches
            out = self._both_match(out, group, cm, label)
        return out

    def _both_match(
        self, ours: list[FilterLine], theirs: list[FilterLine], cm: ClassMap, label: str
    ) -> list[FilterLine]:
        """The packets two lines of a match-all class-map both match (each a union of
        lines): the pairwise intersections; where two lines both name addresses the
        intersection is not computed — a partial line over every packet (a superset)."""
        out: list[FilterLine] = []
        for a in ours:
            for b in theirs:
                why = join_reasons((a.partial, b.partial)) or None
                matches: list[Match] = []
                for ma in a.matches:
                    for mb in b.matches:
                        if (ma.src is not None and mb.src is not None) or (ma.dst is not None and mb.dst is not None):
                            doubt = Text("input.ios.class_map_two_addresses", name=cm.name)
                            self.rep.add_partial(label, doubt, cm.src)
                            return [FilterLine(Action.PERMIT, [Match()], cm.src, label, partial=doubt)]
                        both = _meet(ma, mb)
                        if both is not None:
                            matches.append(both)
                if matches:
                    approximated = a.approximated or b.approximated
                    out.append(FilterLine(Action.PERMIT, matches, a.source, label, why, approximated))
        return out

    def _protocol_line(self, proto: str, src: Src, label: str) -> FilterLine:
        """``match protocol P``: its PAM ports, or a partial line (not in the table,
        remapped by ``ip port-map``)."""
        remapped = self.port_maps.get(proto)
        if proto not in PAM_PORTS and proto in APP_PROTOCOLS and not remapped:
            why = Text("input.ios.match_protocol_within", proto=proto)
            self.rep.add_partial(label, why, src)
            return FilterLine(Action.PERMIT, [Match(protocols=APP_PROTOCOLS[proto])], src, label, partial=why)
        if proto not in PAM_PORTS:
            why = Text("input.ios.match_protocol_unknown", proto=proto)
        elif remapped and proto not in WHOLE_PROTOCOLS:
            why = Text("input.ios.match_protocol_remapped", proto=proto, line=remapped[0].line)
        else:
            protocols, port = PAM_PORTS[proto]
            ports = None if port is None else (PortRange(port, port),)
            return FilterLine(Action.PERMIT, [Match(protocols=protocols, dst_ports=ports)], src, label)
        self.rep.add_partial(label, why, src)
        return FilterLine(Action.PERMIT, [Match()], src, label, partial=why)

    def _nat_unsure(self, lines: list[FilterLine], label: str) -> list[FilterLine]:
        """Class ACL lines naming addresses a NAT rule of the device rewrites (before or
        after translation): whether the zone firewall sees such an address before or
        after NAT is not settled here (docs/vendors/cisco_ios.md, "Zone-based
        firewall"), so such a line is partial.  A line naming only addresses no NAT rule
        touches (a remote host, another inside network) reads the same either way."""
        if not self.dev.nat_rules:
            return lines
        touched = self._nat_touched
        why = Text("input.ios.class_acl_nat")
        out = []
        for line in lines:
            if any(_names_touched(m, touched) for m in line.matches):
                line.partial = join_reasons((line.partial, why))
                self.rep.add_partial(label, why, line.source)
            out.append(line)
        return out

    @cached_property
    def _nat_touched(self) -> IPSet | None:
        """The addresses the device's NAT rules rewrite or rewrite into (None: any, when
        a rule's addresses are not all prefixes or not read)."""
        got = IPSet()
        for rule in self.dev.nat_rules:
            own = rule.match.src if rule.kind == "source" else rule.match.dst
            sides = [own] if own is not None or rule.acl is None else []
            if rule.acl is not None:  # its ACL names the sources translated
                flt = self.dev.filters.get(rule.acl)
                sides += [m.src for ln in flt.lines for m in ln.matches] if flt is not None else [None]
            if rule.to_ip is not None:
                got.add(IPNetwork((rule.to_ip, 32)))
            if rule.to_interface is not None:
                itf = self.dev.interfaces.get(rule.to_interface)
                if itf is None or itf.dynamic_address:
                    return None
                for a in itf.addresses:
                    got.add(IPNetwork((int(a.ip), 32)))
            nets = [p.network for pats in sides if pats is not None for p in pats]
            if rule.partial or any(pats is None for pats in sides) or None in nets:
                return None
            for net in nets:
                got.add(net)
        return got


def _meet(a: Match, b: Match) -> Match | None:
    """The packets both ``a`` and ``b`` match (None: none); at most one of them may
    constrain each address side (the intersection of address lists is not computed)."""
    fields: dict = {}
    for side in ("src", "dst"):
        pa, pb = getattr(a, side), getattr(b, side)
        fields[side] = pa if pa is not None else pb
        fields[f"{side}_negate"] = getattr(a if pa is not None else b, f"{side}_negate")
    if a.protocols is None or b.protocols is None:
        fields["protocols"] = a.protocols if b.protocols is None else b.protocols
    else:
        fields["protocols"] = tuple(p for p in a.protocols if p in b.protocols)
        if not fields["protocols"]:
            return None
    for ports in ("src_ports", "dst_ports"):
        ra, rb = getattr(a, ports), getattr(b, ports)
        if ra is None or rb is None:
            fields[ports] = ra if rb is None else rb
            continue
        both = tuple(
            PortRange(max(x.lo, y.lo), min(x.hi, y.hi)) for x in ra for y in rb if max(x.lo, y.lo) <= min(x.hi, y.hi)
        )
        if not both:
            return None
        fields[ports] = both
    for one in ("icmp_type", "icmp_code", "conn_established", "in_ifaces", "out_ifaces"):
        va, vb = getattr(a, one), getattr(b, one)
        if va is not None and vb is not None and va != vb:
            return None
        fields[one] = va if va is not None else vb
    fields["tcp_established"] = a.tcp_established or b.tcp_established
    return Match(**fields)


def _names_touched(m: Match, touched: IPSet | None) -> bool:
    """Whether ``m`` names an address of ``touched`` (None: every address) — a negated
    or non-prefix list counts as naming any."""
    for pats, negate in ((m.src, m.src_negate), (m.dst, m.dst_negate)):
        if pats is None:
            continue
        if touched is None or negate:
            return True
        for p in pats:
            net = p.network
            if net is None or touched & IPSet([net]):
                return True
    return False


def _named_ifaces(m: Match) -> frozenset[str]:
    return (m.in_ifaces or frozenset()) | (m.out_ifaces or frozenset())


def _zone_name(token: str) -> str:
    return SELF if token.lower() == SELF else token


def _zbf_action(cls: PolicyClass) -> Action | None:
    """PERMIT (inspect, pass), DENY (drop), None (anything else: not modelled)."""
    if cls.doubts:
        return None
    return {"inspect": Action.PERMIT, "pass": Action.PERMIT, "drop": Action.DENY}.get(cls.action)


def _both(match: Match, src: Src, label: str, why: str) -> list[FilterLine]:
    return [
        FilterLine(Action.DENY, [match], src, label, partial=why),
        FilterLine(Action.PERMIT, [match], src, label, partial=why),
    ]


def _named(line: FilterLine, name: str) -> FilterLine:
    line.name = name
    return line


def _on(line: FilterLine, ins: frozenset[str], outs: frozenset[str] | None) -> FilterLine:
    """``line`` restricted to packets entering ``ins`` and leaving ``outs`` (None: any)."""
    return FilterLine(
        line.action,
        [evolve(m, in_ifaces=ins, out_ifaces=outs) for m in line.matches],
        line.source,
        line.name,
        line.partial,
        line.approximated,
    )
