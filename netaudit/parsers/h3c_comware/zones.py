"""H3C Comware: security zones and the policy between them (SecPath firewalls, MSR routers
with zones; docs/vendors/h3c_comware.md, "Security zones").

Read: ``security-zone name Z`` with ``import interface X``; ``zone-pair security source A
destination B`` with ``packet-filter ACL`` or ``object-policy apply ip P``; ``object-policy
ip P`` rules (``pass`` / ``drop`` / ``inspect`` on ``source-ip`` / ``destination-ip`` /
``service`` object groups and the inline ``-host`` / ``-subnet`` / ``-range`` forms);
``object-group ip address`` and ``object-group service``; ``security-zone intra-zone default
permit``.  Built (:class:`ZoneBuilder`) into the device's forward filter, whose lines name
the member interfaces, as documented (H3C Fundamentals / Security configuration guides,
"Security zones", the packet-processing table):

* between two zones: the zone-pair's policy decides; no zone-pair: discarded;
* within one zone: discarded, unless a zone-pair from the zone to itself decides or
  ``security-zone intra-zone default permit``;
* between a member and an interface in no zone: discarded;
* between two interfaces in no zone: forwarded on some products, discarded on others —
  not established (maybe);
* a zone-pair applies a default ASPF policy: the replies of the sessions it lets through
  come back.

``security-policy ip`` (docs/vendors/h3c_comware.md, "security-policy ip") replaces the
zone-pairs: its rules in the order written (``move rule`` reorders them, the IDs do
not), each on the interfaces of its ``source-zone`` / ``destination-zone`` (none: every
zone; ``Local``: the device itself), ``action drop`` until ``action pass``; a packet no rule
matches is discarded; object-policies lose effect; a zone-pair's ``packet-filter`` beside it,
``security-policy disable``: not established (maybe, every interface partial).

Not established, left *maybe* (never decided): what a zone-pair's ``packet-filter`` ACL or
an object-policy does with a packet no rule matches, a rule or object group not fully
read (application, user, time range, VRF conditions), ``any`` as a zone of a pair, an
interface imported with VLANs (a Layer-2 member).  Traffic to the device itself is the
Local zone's: a zone-pair (or a security-policy rule) toward Local decides (the input
filter), none: discarded; from an interface in no zone: maybe.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netaddr import IPRange

from netaudit.messages import Text
from netaudit.model import (
    PROTO_ICMP,
    PROTO_TCP,
    PROTO_UDP,
    Action,
    AddrMatch,
    Filter,
    FilterLine,
    Match,
    Src,
)
from netaudit.parsers.base import IGNORE_CTX, Ctx, Unknown, evolve, join_reasons
from netaudit.parsers.h3c_comware.state import ComwareState
from netaudit.parsers.h3c_comware.syntax import canonical_ifname
from netaudit.parsers.huawei_vrp.syntax import port_op
from netaudit.parsers.ip import ip_to_int, mask_to_len

ZONE_FILTER = "comware-security-zones"  # the synthesized Device.forward_filter
LOCAL_FILTER = "comware-local-zone"  # the input filter: traffic to the device itself
_PROTOS = {"tcp": PROTO_TCP, "udp": PROTO_UDP, "icmp": PROTO_ICMP}


@dataclass(eq=False)
class ZonePair:
    source: str
    destination: str
    src: Src
    policies: list[tuple[str, str, Src]] = field(default_factory=list)  # (packet-filter|object-policy, name, line)
    doubts: list[tuple[str, Src]] = field(default_factory=list)


@dataclass(eq=False)
class PolicyRule:
    action: str  # pass | drop | inspect
    src: Src
    sources: list[str] = field(default_factory=list)  # object groups
    destinations: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    inline_src: list[AddrMatch] = field(default_factory=list)
    inline_dst: list[AddrMatch] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    # a `security-policy ip` rule's own: its label and zones (none: any zone)
    label: str = ""
    src_zones: list[str] = field(default_factory=list)
    dst_zones: list[str] = field(default_factory=list)
    disabled: bool = False


def _range(a: int, b: int) -> list[AddrMatch]:
    """The prefixes of an address range."""
    return [AddrMatch.prefix(str(c)) for c in IPRange(a, b).cidrs()]


def _both(match: Match, src: Src, name: str, why: str) -> list[FilterLine]:
    """Packets ``match`` selects, maybe dropped and maybe passed: never decided."""
    return [
        FilterLine(Action.DENY, [match], src, name, partial=why),
        FilterLine(Action.PERMIT, [match], src, name, partial=why),
    ]


class ZoneReader(ComwareState):
    """Handlers of ``security-zone``, ``zone-pair security``, ``object-policy``,
    ``object-group`` and ``security-policy``."""

    def h_security_zone(self, tokens, low, src):
        """``security-zone name Z`` (a block of ``import interface X [vlan …]`` lines);
        ``security-zone intra-zone default permit``."""
        if low == ["security-zone", "intra-zone", "default", "permit"]:
            self.intra_permit = src
            return
        if len(low) != 3 or low[1] != "name":
            raise Unknown
        self.zone_names.append((tokens[2], src))
        self.ctx = Ctx("zone", self.ZONE_TABLE, [tokens[2]], " ".join(tokens[:3]), src)

    def zone_import(self, zone: str, tokens, low, src):
        """``import interface X [vlan L]`` (with VLANs: a Layer-2 member, partial)."""
        undo = low[0] == "undo"
        if undo:
            tokens, low = tokens[1:], low[1:]
        if len(low) < 3 or low[1] != "interface":
            raise Unknown
        words = tokens[2:]
        wl = [w.lower() for w in words]
        if "vlan" in wl:
            words = words[: wl.index("vlan")]
        name = canonical_ifname("".join(words))
        if undo:
            # a hand-made file: the interface leaves the zone
            if self.zone_of.get(name) == zone:
                del self.zone_of[name]
                self.zone_members[:] = [(n, at) for n, at in self.zone_members if n != name]
                self.zone_l2_members[:] = [(n, at) for n, at in self.zone_l2_members if n != name]
            return
        self.zone_members.append((name, src))
        if "vlan" in wl:
            self.zone_l2_members.append((name, src))
        self.zone_of[name] = zone

    def h_zone_pair(self, tokens, low, src):
        """``zone-pair security source A destination B``: a block of ``packet-filter
        ACL`` / ``object-policy apply ip P`` lines."""
        if len(low) != 6 or low[1] != "security" or low[2] != "source" or low[4] != "destination":
            raise Unknown
        pair = ZonePair(tokens[3], tokens[5], src)
        self.zone_pairs.append(pair)
        self.ctx = Ctx("zone-pair", self.ZONE_PAIR_TABLE, [pair], " ".join(tokens), src)

    def h_undo_zone_pair(self, tokens, low, src):
        """``undo zone-pair security source A destination B`` (a hand-made file): the pair
        is deleted."""
        if len(low) != 7 or low[2] != "security" or low[3] != "source" or low[5] != "destination":
            raise Unknown
        a, b = low[4], low[6]
        self.zone_pairs[:] = [p for p in self.zone_pairs if (p.source.lower(), p.destination.lower()) != (a, b)]

    def pair_packet_filter(self, pair: ZonePair, tokens, low, src):
        """``packet-filter N|name X`` (IPv4; ``ipv6`` ignored)."""
        if low[1:2] == ["ipv6"]:
            return True
        words = tokens[2:] if low[1:2] == ["name"] else tokens[1:]
        if len(words) != 1:
            raise Unknown
        pair.policies.append(("packet-filter", words[0], src))
        self.ref("acl", words[0], src)

    def pair_object_policy(self, pair: ZonePair, tokens, low, src):
        """``object-policy apply ip P`` (``ipv6``: ignored)."""
        if low[:3] != ["object-policy", "apply", "ip"] and low[:3] != ["object-policy", "apply", "ipv6"]:
            raise Unknown
        if low[2] == "ipv6":
            return True
        if len(tokens) != 4:
            raise Unknown
        pair.policies.append(("object-policy", tokens[3], src))

    def h_object_policy(self, tokens, low, src):
        """``object-policy ip P``: a block of ``rule`` lines (``ipv6``: ignored)."""
        if low[1:2] == ["ipv6"]:
            self.ctx = IGNORE_CTX
            self.ignored += 1
            return
        if len(low) != 3 or low[1] != "ip":
            raise Unknown
        self.object_policies[tokens[2]] = []
        self.ctx = Ctx("object-policy", self.OBJECT_POLICY_TABLE, [tokens[2]], " ".join(tokens), src)

    def op_rule(self, name: str, tokens, low, src):
        """``rule [N] pass|drop|inspect [source-ip G] [destination-ip G] [service G]
        [source-ip-host A] [source-ip-subnet A M] [source-ip-range A B] (and
        destination-) [logging] [counting] [disable] …``."""
        i = 1
        if i < len(low) and low[i].isdecimal():
            i += 1
        if i >= len(low):
            raise Unknown
        if low[i] in ("comment", "append", "insert", "move"):
            return True
        if low[i] not in ("pass", "drop", "inspect"):
            raise Unknown
        rule = PolicyRule(low[i], src)
        i += 1
        while i < len(low):
            w = low[i]
            if w in ("logging", "counting", "track-session"):
                i += 1
            elif w == "disable":
                return True  # a rule configured but not in effect
            else:
                i = _criterion(rule, tokens, low, i)
        self.object_policies[name].append(rule)

    def h_object_group(self, tokens, low, src):
        """``object-group ip address G`` / ``object-group service G``: their members (other
        kinds: ignored, none of them names what a rule read here uses)."""
        if low[1:3] == ["ip", "address"] and len(tokens) == 4:
            self.addr_groups[tokens[3]] = []
            self.ctx = Ctx("object-group", self.OBJECT_GROUP_TABLE, [("ip", tokens[3])], " ".join(tokens), src)
            return
        if low[1:2] == ["service"] and len(tokens) == 3:
            self.service_groups[tokens[2]] = []
            self.ctx = Ctx("object-group", self.OBJECT_GROUP_TABLE, [("service", tokens[2])], " ".join(tokens), src)
            return
        self.ignored += 1
        self.ctx = IGNORE_CTX

    def og_line(self, target, tokens, low, src):
        """A member line: ``[N] network subnet A M|LEN``, ``[N] network host address A``,
        ``[N] network range A B``; ``[N] service tcp|udp [source …] [destination OP P
        [Q]]``, ``[N] service icmp``, ``[N] service PROTO``.  Another form makes the group
        not fully read (the rules naming it partial)."""
        kind, name = target
        words, wl = (tokens[1:], low[1:]) if low[0].isdecimal() else (tokens, low)
        try:
            if kind == "ip":
                self.addr_groups[name].extend(_address_member(words, wl))
            else:
                self.service_groups[name].append(_service_member(words, wl))
        except Unknown:
            self.groups_unread.add(name)
            self.rep.add_partial(f"object-group {name}", Text("input.comware.group_member", line=src.text), src)
        return True

    def h_security_policy(self, tokens, low, src):
        """``security-policy ip``: a block of ``rule [N] name X`` rules, each followed by
        its lines (``action``, ``source-zone`` …); ``ipv6``: ignored; ``security-policy
        disable``: what then applies is not established — every interface partial."""
        if low[1:2] == ["ipv6"] or low[1:2] in (["config-changelog"], ["config-logging"]):
            self.ctx = IGNORE_CTX
            self.ignored += 1
            return
        if low[1:] == ["disable"]:
            self.security_policy_off = src
            return
        if low[1:] != ["ip"]:
            raise Unknown
        self.security_policy_ip = self.security_policy_ip or src
        self.ctx = Ctx("security-policy", {}, ["ip"], " ".join(tokens), src)

    def sp_line(self, tokens: list[str], low: list[str], src: Src) -> bool:
        """A line of the ``security-policy ip`` block: ``rule [N] name X`` opens a rule
        (action drop until ``action``, as documented); the rule's lines follow.  False: a
        line not understood (the rule it is in partial)."""
        rules = self.security_rules
        if low[0] == "rule":
            words = low[2:] if len(low) > 1 and low[1].isdecimal() else low[1:]
            rule = PolicyRule("drop", src, label=f"security-policy ip {' '.join(tokens)}")
            rules.append(rule)  # the lines after it are its own, read or not
            if len(words) != 2 or words[0] != "name":
                rule.doubts.append(" ".join(tokens))
                return False
            return True
        if not rules or low[0] in ("move", "group"):
            return False
        rule = rules[-1]
        w = low[0]
        if w == "action" and low[1:] in (["pass"], ["drop"]):
            rule.action = low[1]
        elif w in ("source-zone", "destination-zone") and len(low) == 2:
            (rule.src_zones if w == "source-zone" else rule.dst_zones).append(tokens[1])
        elif w == "disable" and len(low) == 1:
            rule.disabled = True  # configured, not in effect
        elif w in _SP_INERT:
            self.ignored += 1  # changes nothing a packet meets
        elif w in _SP_CRITERIA:
            try:
                if _criterion(rule, tokens, low, 0) != len(low):
                    raise Unknown
            except Unknown:
                rule.doubts.append(" ".join(tokens))
                return False
        else:
            rule.doubts.append(" ".join(tokens))
            return False
        return True


# a rule's lines that change nothing a packet meets: texts, counters, logs, session timers,
# the DPI profile (what it inspects, not which connections open), the group it is listed in
_SP_INERT = frozenset(("description", "logging", "counting", "session", "profile", "parent-group"))
# a rule's conditions: read by _criterion (the object groups, the inline addresses) or, for
# the others (application, user, time-range, vrf …), kept as a doubt: the rule partial
_SP_CRITERIA = frozenset(
    (
        "source-ip",
        "destination-ip",
        "service",
        "source-ip-host",
        "source-ip-subnet",
        "source-ip-range",
        "destination-ip-host",
        "destination-ip-subnet",
        "destination-ip-range",
        "application",
        "app-group",
        "user",
        "user-group",
        "time-range",
        "vrf",
        "service-port",
        "source-mac",
        "url-category",
        "track",
    )
)


def _criterion(rule: PolicyRule, tokens: list[str], low: list[str], i: int) -> int:
    """Read the condition of ``rule`` at word ``i`` (an object group, an inline address;
    anything else a condition not modelled, the rule partial); the index after it."""
    w = low[i]
    if w in ("source-ip", "destination-ip", "service") and i + 1 < len(low):
        {"source-ip": rule.sources, "destination-ip": rule.destinations, "service": rule.services}[w].append(
            tokens[i + 1]
        )
        return i + 2
    if w.endswith("-host") and w.startswith(("source-ip", "destination-ip")) and i + 1 < len(low):
        a = ip_to_int(tokens[i + 1])
        if a is None:
            raise Unknown
        (rule.inline_src if w.startswith("source") else rule.inline_dst).append(AddrMatch.host(a))
        return i + 2
    if w.endswith("-subnet") and w.startswith(("source-ip", "destination-ip")) and i + 2 < len(low):
        a, m = ip_to_int(tokens[i + 1]), ip_to_int(tokens[i + 2])
        plen = mask_to_len(m) if m is not None else (int(low[i + 2]) if low[i + 2].isdecimal() else None)
        if a is None or plen is None:
            raise Unknown
        bits = (1 << (32 - plen)) - 1
        (rule.inline_src if w.startswith("source") else rule.inline_dst).append(AddrMatch(a & ~bits & 0xFFFFFFFF, bits))
        return i + 3
    if w.endswith("-range") and w.startswith(("source-ip", "destination-ip")) and i + 2 < len(low):
        a, b = ip_to_int(tokens[i + 1]), ip_to_int(tokens[i + 2])
        if a is None or b is None or b < a:
            raise Unknown
        (rule.inline_src if w.startswith("source") else rule.inline_dst).extend(_range(a, b))
        return i + 3
    # application, user, time-range, vrf, service-port …: not modelled
    rule.doubts.append(" ".join(tokens[i : i + 2]))
    return i + 2


def _address_member(words: list[str], wl: list[str]) -> list[AddrMatch]:
    if wl[:2] == ["network", "subnet"] and len(wl) == 4:
        a = ip_to_int(words[2])
        m = ip_to_int(words[3])
        plen = mask_to_len(m) if m is not None else (int(wl[3]) if wl[3].isdecimal() and int(wl[3]) <= 32 else None)
        if a is None or plen is None:
            raise Unknown
        bits = (1 << (32 - plen)) - 1
        return [AddrMatch(a & ~bits & 0xFFFFFFFF, bits)]
    if wl[:3] == ["network", "host", "address"] and len(wl) == 4:
        a = ip_to_int(words[3])
        if a is None:
            raise Unknown
        return [AddrMatch.host(a)]
    if wl[:2] == ["network", "range"] and len(wl) == 4:
        a, b = ip_to_int(words[2]), ip_to_int(words[3])
        if a is None or b is None or b < a:
            raise Unknown
        return _range(a, b)
    raise Unknown


def _service_member(words: list[str], wl: list[str]) -> dict:
    if wl[:1] != ["service"] or len(wl) < 2:
        raise Unknown
    proto_word = wl[1]
    proto = _PROTOS.get(proto_word) if not proto_word.isdecimal() else int(proto_word)
    if proto is None:
        raise Unknown
    fields: dict = {"protocols": (proto,)}
    i = 2
    while i < len(wl):
        which = wl[i]
        if which not in ("source", "destination") or proto not in (PROTO_TCP, PROTO_UDP):
            raise Unknown
        ranges, i = port_op(words, i + 1, proto)
        fields["src_ports" if which == "source" else "dst_ports"] = ranges
    return fields


class ZoneBuilder(ComwareState):
    """:meth:`finish_zones`: the security zones as ``Device.forward_filter`` (and the Local
    zone as a one-line partial ``Device.input_filter``)."""

    def finish_zones(self) -> None:
        dev = self.dev
        if self.security_policy_off is not None:
            # `security-policy disable`: what decides then is not established
            why = Text("input.comware.security_policy_off")
            for st in self.ifs.values():
                self.iface_partial(st.iface, why, self.security_policy_off)
            for name, zone in self.zone_of.items():
                if name in dev.interfaces:
                    dev.interfaces[name].zone = zone
            return
        if not self.zone_members:
            return
        members: dict[str, frozenset[str]] = {}
        for name, zone in self.zone_of.items():
            if name in dev.interfaces:
                dev.interfaces[name].zone = zone
                members[zone] = members.get(zone, frozenset()) | {name}
        for name, src in self.zone_members:
            if name not in dev.interfaces:
                self.ref("interface", name, src)
        for name, src in self.zone_l2_members:
            if name in dev.interfaces:
                self.iface_partial(dev.interfaces[name], Text("input.comware.zone_vlan_member"), src)
        replies: list[FilterLine] = []
        lines: list[FilterLine] = []
        local: list[FilterLine] = []  # the input filter: traffic to the device itself
        paired: set[tuple[str, str]] = set()
        any_pair = False
        zoned = frozenset(n for ifs in members.values() for n in ifs)
        secpol = self.security_policy_ip is not None
        if secpol:
            replies, lines, local = self._security_policy(members, zoned)
        for pair in [] if secpol else self.zone_pairs:
            label = f"zone-pair security source {pair.source} destination {pair.destination}"
            if "any" in (pair.source.lower(), pair.destination.lower()):
                lines += _both(Match(), pair.src, label, Text("input.comware.zone_pair_any"))
                any_pair = True
                continue
            src_zone, dst_zone = self._zone(pair.source), self._zone(pair.destination)
            if src_zone is not None and dst_zone is None and members.get(src_zone):
                # toward the Local zone: what the device itself answers from that zone
                local += [_on(line, members[src_zone], None) for line in self._pair_lines(pair, label)]
                continue
            if src_zone is None or dst_zone is None:
                continue  # from the device itself: traffic the matrix does not send
            ins, outs = members.get(src_zone), members.get(dst_zone)
            if not ins or not outs:
                continue
            paired.add((src_zone, dst_zone))
            # the zone-pair's default ASPF policy lets the replies of its sessions back
            replies.append(
                FilterLine(
                    Action.PERMIT,
                    [Match(conn_established=True, in_ifaces=outs, out_ifaces=ins)],
                    pair.src,
                    f"{label}: replies of its sessions (ASPF)",
                )
            )
            lines += [_on(line, ins, outs) for line in self._pair_lines(pair, label)]
        for zone, ifaces in sorted(members.items()):
            if (zone, zone) in paired:
                continue
            at = next((s for z, s in self.zone_names if z == zone), self.zone_members[0][1])
            if self.intra_permit is not None and secpol:
                # whether the intra-zone default is met before or after the security
                # policy is not established: the packets no rule decided, maybe
                name = f"security-zone {zone}: within the zone (intra-zone default permit beside security-policy)"
                lines += _both(
                    Match(in_ifaces=ifaces, out_ifaces=ifaces), self.intra_permit, name, Text("input.comware.sp_intra")
                )
            elif self.intra_permit is not None:
                name = f"security-zone {zone}: within the zone (security-zone intra-zone default permit)"
                lines.append(
                    FilterLine(Action.PERMIT, [Match(in_ifaces=ifaces, out_ifaces=ifaces)], self.intra_permit, name)
                )
            else:
                name = f"security-zone {zone}: within the zone, no zone-pair: discarded"
                lines.append(FilterLine(Action.DENY, [Match(in_ifaces=ifaces, out_ifaces=ifaces)], at, name))
        first = min((s for _, s in self.zone_members), key=lambda s: s.line)
        name = "an interface in a security zone, and one of another zone without a zone-pair or of no zone: discarded"
        lines.append(FilterLine(Action.DENY, [Match(in_ifaces=zoned), Match(out_ifaces=zoned)], first, name))
        name = "two interfaces in no security zone: forwarded or discarded, by product"
        lines += _both(Match(), first, name, Text("input.comware.zone_unzoned"))
        dev.filters[ZONE_FILTER] = Filter(
            ZONE_FILTER,
            replies + lines,
            Action.DENY,
            kind="synthesized",
            source=first,
            default_text=Text("input.comware.default.zones"),
        )
        dev.forward_filter = ZONE_FILTER
        # Traffic to the device itself (the Local zone): a zone-pair toward Local decides;
        # none: discarded (the packet-processing table); from an interface in no zone, or
        # beside a pair naming `any`: not established — maybe.
        name = "an interface in a security zone without a zone-pair to Local: discarded"
        local.append(FilterLine(Action.DENY, [Match(in_ifaces=zoned)], first, name))
        why = Text("input.comware.zone_pair_any") if any_pair else Text("input.comware.zone_local")
        local += _both(Match(), first, "Local zone: from an interface in no security zone", why)
        if any_pair:
            local = _both(Match(), first, "Local zone", why) + local
        dev.filters[LOCAL_FILTER] = Filter(
            LOCAL_FILTER,
            local,
            Action.DENY,
            kind="synthesized",
            source=first,
            default_text=Text("input.comware.default.zones"),
        )
        dev.input_filter = LOCAL_FILTER

    def _security_policy(
        self, members: dict[str, frozenset[str]], zoned: frozenset[str]
    ) -> tuple[list[FilterLine], list[FilterLine], list[FilterLine]]:
        """``(replies, forward lines, Local lines)`` of ``security-policy ip``: its rules in
        the order written, each on the interfaces of its zones (none named: every zone);
        a packet no rule matches goes on to the lines after (discarded).  Object-policies
        lose effect once the security policy is entered; a zone-pair's ``packet-filter``
        beside it: not established — its packets maybe (docs/vendors/h3c_comware.md,
        "security-policy ip")."""
        head: list[FilterLine] = []
        for pair in self.zone_pairs:
            for kind, name, at in pair.policies:
                if kind == "packet-filter":
                    label = f"zone-pair security source {pair.source} destination {pair.destination}: ACL {name}"
                    head += _both(Match(), at, label, Text("input.comware.sp_packet_filter"))
        lines, local = list(head), list(head)
        for rule in self.security_rules:
            if rule.disabled:
                continue
            ins, _ = self._rule_zones(rule.src_zones, members, zoned)
            outs, to_local = self._rule_zones(rule.dst_zones, members, zoned)
            line = self._rule_line(rule, rule.label)
            if ins and outs:
                lines.append(_on(line, ins, outs))
            if ins and to_local:
                local.append(_on(line, ins, None))
        at = self.security_policy_ip or self.zone_members[0][1]
        # rules act on sessions: the replies come back
        name = "security-policy ip: replies of the sessions its rules let through"
        replies = [
            FilterLine(Action.PERMIT, [Match(conn_established=True, in_ifaces=zoned, out_ifaces=zoned)], at, name)
        ]
        return replies, lines, local

    def _rule_zones(
        self, names: list[str], members: dict[str, frozenset[str]], zoned: frozenset[str]
    ) -> tuple[frozenset[str], bool]:
        """The interfaces of the zones a rule names (none named: every zone's) and whether
        the Local zone (the device itself) is among them."""
        if not names:
            return zoned, True
        ifaces: frozenset[str] = frozenset()
        local = False
        for n in names:
            zone = self._zone(n)
            if zone is None:
                local = True
            else:
                ifaces |= members.get(zone, frozenset())
        return ifaces, local

    def _zone(self, name: str) -> str | None:
        """The zone a pair names (zone names are case-insensitive), None for Local."""
        if name.lower() == "local":
            return None
        for zone in self.zone_of.values():
            if zone.lower() == name.lower():
                return zone
        return name

    def _pair_lines(self, pair: ZonePair, label: str) -> list[FilterLine]:
        """The lines of one zone-pair's policies (packet-filter ACLs, object-policies, in
        the order written), then its default — not established: maybe."""
        out: list[FilterLine] = []
        if not pair.policies:
            # a zone-pair without a policy: no policy applied, the packets are discarded
            return [FilterLine(Action.DENY, [Match()], pair.src, f"{label}: no policy applied: discarded")]
        for kind, name, src in pair.policies:
            if kind == "packet-filter":
                flt = self.dev.filters.get(self.acl_name(name))
                if flt is None:
                    out += _both(
                        Match(), src, f"{label}: ACL {name}", Text("input.comware.packet_filter_undefined", acl=name)
                    )
                    continue
                for line in flt.lines:
                    out.append(
                        FilterLine(
                            line.action,
                            line.matches,
                            line.source,
                            f"{label}: ACL {name} {line.name}",
                            partial=join_reasons((flt.partial, line.partial)) or None,
                        )
                    )
            else:
                out += self._policy_lines(name, src, label)
        why = Text("input.comware.zone_pair_default")
        return out + _both(Match(), pair.src, f"{label}: no rule matched", why)

    def _policy_lines(self, name: str, src: Src, label: str) -> list[FilterLine]:
        rules = self.object_policies.get(name)
        if rules is None:
            # an object-policy that does not exist: discarded (the packet-processing table)
            return [FilterLine(Action.DENY, [Match()], src, f"{label}: object-policy {name} not defined: discarded")]
        return [self._rule_line(rule, f"{label}: object-policy {name}") for rule in rules]

    def _rule_line(self, rule: PolicyRule, label: str) -> FilterLine:
        """One object-policy or security-policy rule as a filter line (its conditions not
        modelled, or an object group not read: the line partial)."""
        action = Action.DENY if rule.action == "drop" else Action.PERMIT
        doubts = [Text("input.comware.rule_option", option=d) for d in rule.doubts]
        srcs, s_why = self._addresses(rule.sources, rule.inline_src)
        dsts, d_why = self._addresses(rule.destinations, rule.inline_dst)
        services, v_why = self._services(rule.services)
        doubts += s_why + d_why + v_why
        matches = [Match(src=srcs, dst=dsts, **svc) for svc in services]
        return FilterLine(action, matches, rule.src, label, partial=join_reasons(doubts) or None)

    def _addresses(self, groups: list[str], inline: list[AddrMatch]) -> tuple[tuple[AddrMatch, ...] | None, list]:
        if not groups and not inline:
            return None, []
        found: list[AddrMatch] = list(inline)
        why: list = []
        for g in groups:
            members = self.addr_groups.get(g)
            if members is None or g in self.groups_unread:
                why.append(Text("input.comware.group_unread", group=g))
                return None, why  # read as any address: the line partial
            found += members
        return tuple(found) if found else None, why

    def _services(self, groups: list[str]) -> tuple[list[dict], list]:
        if not groups:
            return [{}], []
        found: list[dict] = []
        for g in groups:
            members = self.service_groups.get(g)
            if members is None or g in self.groups_unread:
                return [{}], [Text("input.comware.group_unread", group=g)]
            found += members
        return found or [{}], []


def _on(line: FilterLine, ins: frozenset[str], outs: frozenset[str] | None) -> FilterLine:
    """``line`` restricted to packets entering ``ins`` and leaving ``outs`` (None: any,
    the device itself)."""
    return FilterLine(
        line.action,
        [evolve(m, in_ifaces=ins, out_ifaces=outs) for m in line.matches],
        line.source,
        line.name,
        line.partial,
        line.approximated,
    )
