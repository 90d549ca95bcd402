"""FortiOS NAT of one VDOM: virtual IPs (``config firewall vip`` / ``vipgrp``) as destination
NAT, ``set nat enable`` policies (``ippool``, ``natip``) as source NAT.

A VIP translates at ingress, before the forward policy, and only where a policy uses it
(every VIP on its ``extintf`` in central-NAT mode); ranges map 1:1 up to 256 addresses
and 64 ports, larger ones use the first mapped address/port (partial).  Source NAT
follows the policy's own match (docs/vendors/fortinet_fortios.md, "Source NAT", for
the one approximation).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.messages import Text
from netaudit.model import (
    PROTO_ICMP,
    PROTO_TCP,
    PROTO_UDP,
    Action,
    AddrMatch,
    FilterLine,
    Match,
    NatRule,
    PortRange,
    Src,
)
from netaudit.parsers.base import evolve, join_reasons
from netaudit.parsers.fortinet_fortios.addresses import parse_ip_range, parse_prefix, range_pats
from netaudit.parsers.fortinet_fortios.services import PROTO_SCTP, parse_portrange
from netaudit.parsers.fortinet_fortios.state import VdomState
from netaudit.parsers.fortinet_fortios.tree import Entry
from netaudit.parsers.ip import ip_to_int

VIP_IGNORED = frozenset(
    {
        "uuid",
        "comment",
        "comments",
        "color",
        "arp-reply",
        "nat-source-vip",
        "id",
        "vip-id",  # FortiOS 7.6: the VIP's numeric identifier, a label
        "gratuitous-arp-interval",
        "max-embryonic-connections",
        "persistence",
        "ldb-method",
        "outlook-web-access",
        "websphere-server",
        "weblogic-server",
        "dns-mapping-ttl",
        "portmapping-type",
        "h2-support",
        "h3-support",
        "http-cookie-domain-from-host",
        "http-cookie-share",
        "http-cookie-age",
        "http-cookie-path",
        "http-cookie-domain",
        "http-cookie-generation",
        "http-ip-header",
        "http-ip-header-name",
        "http-multiplex",
        "http-redirect",
        "https-cookie-secure",
        "monitor",
        "src-vip-filter",
        "nat44",
        "add-nat46-route",
        "ipv6-mappedip",
        "ipv6-mappedport",
        "fabric-object",
        "gslb-hostname",
        "gslb-domain-name",
        "one-click-gslb-server",
        "extaddr-type",
    }
)
IPPOOL_IGNORED = frozenset(
    {
        "comments",
        "comment",
        "arp-reply",
        "arp-intf",
        "associated-interface",
        "block-size",
        "num-blocks-per-user",
        "pba-timeout",
        "permit-any-host",
        "source-startip",
        "source-endip",
        "port-per-user",
        "startport",
        "endport",
        "add-nat64-route",
        "nat64",
        "cgn-spa",
        "cgn-overload",
        "cgn-fixedport",
        "cgn-block-size",
        "cgn-client-startip",
        "cgn-client-endip",
        "cgn-client-ipv6shift",
        "utilization-alarm-raise",
        "utilization-alarm-clear",
        "exclude-ip",
        "subnet-broadcast-in-ippool",
    }
)


# --------------------------------------------------------------------------- objects


@dataclass
class Vip:
    name: str
    entry: Entry
    ext: list[tuple[int, int]] = field(default_factory=list)  # extip ranges
    mapped: list[tuple[int, int]] = field(default_factory=list)  # mappedip ranges
    extintf: list[str] = field(default_factory=list)
    portforward: bool = False
    protocol: int = PROTO_TCP
    extport: PortRange | None = None
    mappedport: PortRange | None = None
    src_filter: tuple[AddrMatch, ...] | None = None
    srcintf_filter: list[str] | None = None
    partial: str | None = None
    group: str | None = None

    def mapped_pats(self) -> tuple[AddrMatch, ...]:
        out: list[AddrMatch] = []
        for lo, hi in self.mapped:
            out.extend(range_pats(lo, hi))
        return tuple(out)


_VIP_PROTO = {"tcp": PROTO_TCP, "udp": PROTO_UDP, "sctp": PROTO_SCTP, "icmp": PROTO_ICMP}


def parse_vip(e: Entry, iface_addr) -> Vip:
    v = Vip(e.name, e)
    typ = e.low("type", "static-nat")
    reasons: list[str] = []
    if e.low("status", "enable") == "disable":
        # `set status disable` (FortiOS 7): the VIP does not translate; what the policies
        # naming it then match is not established — partial, never read as translating
        reasons.append(Text("input.fortios.vip_disabled"))
    if typ not in ("static-nat", "load-balance"):
        e.get("mapped-addr"), e.get("server-type")
        reasons.append(Text("input.fortios.vip_type", type=typ))
    v.extintf = e.get("extintf") or ["any"]
    ext = e.get("extip") or ["0.0.0.0"]
    if e.has("extaddr"):
        e.get("extaddr")
        reasons.append(Text("input.fortios.vip_extaddr"))
    for t in ext:
        r = parse_ip_range(t)
        if r is None:
            reasons.append(_unread("extip", t))
            continue
        if r == (0, 0):
            # 0.0.0.0 = the external interface's address(es)
            for ifn in v.extintf:
                net = iface_addr(ifn)
                if net is not None:
                    v.ext.append((int(net.ip), int(net.ip)))
            if not v.ext:
                reasons.append(Text("input.fortios.vip_extip_interface"))
            continue
        v.ext.append(r)
    if typ == "load-balance":
        first = None
        rs = e.child("realservers")
        if rs is not None:
            for srv in rs.entries.values():
                ip = ip_to_int(srv.first("ip", "") or "")
                if ip is not None:
                    first = ip
                    break
        if first is not None:
            v.mapped.append((first, first))
        reasons.append(Text("input.fortios.vip_load_balance"))
    else:
        for t in e.get("mappedip") or []:
            r = parse_ip_range(t)
            if r is None:
                reasons.append(_unread("mappedip", t))
            else:
                v.mapped.append(r)
        if not v.mapped and typ == "static-nat":
            reasons.append(Text("input.fortios.vip_no_mappedip"))
    v.portforward = e.low("portforward", "disable") == "enable"
    v.protocol = _VIP_PROTO.get(e.low("protocol", "tcp") or "tcp", PROTO_TCP)
    if v.portforward:
        ep = e.first("extport")
        mp = e.first("mappedport")
        if ep:
            pr = parse_portrange(ep.replace(" ", ""))
            v.extport = pr[0] if pr else None
            if pr is None:
                reasons.append(_unread("extport", ep))
        if mp:
            pr = parse_portrange(mp.replace(" ", ""))
            v.mappedport = pr[0] if pr else None
            if pr is None:
                reasons.append(_unread("mappedport", mp))
        if v.extport is None:
            reasons.append(Text("input.fortios.vip_no_extport"))
        if v.mappedport is None:
            v.mappedport = v.extport
    if e.has("service"):
        # The VIP translates only these services (with or without portforward): a
        # translation of every protocol would deliver what FortiOS does not.
        e.get("service")
        reasons.append(Text("input.fortios.vip_services"))
    if not v.portforward:
        e.mark("extport")
        e.mark("mappedport")
        e.mark("protocol")
    sf = e.get("src-filter")
    if sf:
        pats = []
        for t in sf:
            net = parse_prefix([t]) if "/" in t else None
            r = parse_ip_range(t) if net is None else None
            if net is not None:
                pats.append(AddrMatch.prefix(net.cidr))
            elif r is not None:
                pats.extend(range_pats(*r))
            else:
                reasons.append(_unread("src-filter", t))
        v.src_filter = tuple(pats) if pats else None
    sif = e.get("srcintf-filter")
    if sif:
        v.srcintf_filter = sif
    if reasons:
        v.partial = join_reasons(reasons)
    return v


def _unread(key: str, value: str) -> Text:
    """Why a VIP is partial: the value of ``set KEY`` not understood."""
    return Text("input.fortios.value_unread", setting=key, value=value)


@dataclass
class Pool:
    name: str
    start: int | None
    end: int | None
    line: int


def parse_pool(e: Entry) -> Pool:
    e.get("type")
    return Pool(e.name, ip_to_int(e.first("startip", "") or ""), ip_to_int(e.first("endip", "") or ""), e.edit_line)


# --------------------------------------------------------------------------- NAT rules


class NatRules(VdomState):
    """Destination NAT of the VIPs the policies use, source NAT of the NAT policies."""

    def _nat(self) -> None:
        v, dev, p = self.v, self.dev, self.p
        # destination NAT (VIPs)
        for name, vip in v.vips.items():
            used = name in v.vip_users
            if not used and not v.central_nat:
                continue
            src = self.src(vip.entry.edit_line)
            ext_in = self.expand(vip.extintf, src)
            users = v.vip_users.get(name) if used else None
            in_set = _intersect(ext_in, users if not v.central_nat else None)
            if vip.srcintf_filter:
                in_set = _intersect(in_set, self.expand(vip.srcintf_filter, src))
            if in_set is not None and not in_set:
                continue
            for rule in _vip_rules(vip, in_set, src):
                dev.nat_rules.append(rule)
            if vip.partial:
                p.partial(f"vip {name}", vip.partial, src)
            elif _approximated(vip):
                p.partial(f"vip {name}", Text("input.fortios.vip_range_mapping"), src)
        # source NAT (policies with nat enable), in policy order
        if v.central_nat:
            return
        l3 = sorted(n for n, i in dev.interfaces.items() if i.addresses and not i.shutdown)
        # The permit lines without NAT a NAT line may follow, grouped by their distinct
        # (in, out) interface pairs (a policy's matches multiply addresses and services,
        # rarely interfaces): per group the first line and the first line named
        # otherwise, all the question "does an earlier such line, named otherwise,
        # overlap this one?" needs — asked once per group instead of once per line.
        nat_ids = {id(nat_line) for _, nat_line, _, _, _ in self.nat_lines}
        plain: dict[tuple, list] = {}  # pairs -> [first index, its name, first index named otherwise]
        for k, e in enumerate(self.filter.lines):
            if e.action != Action.PERMIT or id(e) in nat_ids:
                continue
            first = plain.setdefault(_iface_pairs(e), [k, e.name, None])
            if first[2] is None and e.name != first[1]:
                first[2] = k

        for idx, line, pool, natip, src in self.nat_lines:
            to_ip = None
            if pool is not None:
                pl = v.pools.get(pool)
                if pl is None or pl.start is None:
                    self.ref("ippool", pool or "(none)", src)
                    p.partial(f"policy {line.name}", Text("input.fortios.ippool_undefined", name=repr(pool)), src)
                    continue
                to_ip = pl.start
                if pl.end is not None and pl.end != pl.start:
                    p.partial(f"policy {line.name}", Text("input.fortios.ippool_first", name=pool), src)
            elif natip is not None and int(natip.ip) != 0:
                to_ip = int(natip.ip)
            for m in line.matches:
                base = evolve(m, in_ifaces=None, out_ifaces=None)
                if to_ip is not None:
                    dev.nat_rules.append(
                        NatRule("source", base, to_ip=to_ip, in_ifaces=m.in_ifaces, out_ifaces=m.out_ifaces, source=src)
                    )
                    continue
                for o in sorted(m.out_ifaces) if m.out_ifaces is not None else l3:
                    dev.nat_rules.append(
                        NatRule(
                            "source", base, to_interface=o, in_ifaces=m.in_ifaces, out_ifaces=frozenset({o}), source=src
                        )
                    )
            mine = _iface_pairs(line)
            for ps, (k1, n1, k2) in plain.items():
                if k1 >= idx:
                    break  # (groups come in the order of their first lines: no later one is earlier)
                if (n1 != line.name or (k2 is not None and k2 < idx)) and _pairs_overlap(ps, mine):
                    p.partial(f"policy {line.name}", Text("input.fortios.snat_earlier_policy"), src)
                    break


# --------------------------------------------------------------------------- helpers


def iface_overlap(a, b) -> bool:
    if a is None or b is None:
        return True
    return not a.isdisjoint(b)  # (no intersection built)


def _intersect(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return a & b


def _iface_pairs(fl: FilterLine) -> tuple:
    """The distinct (in, out) interface sets of a line's matches."""
    return tuple(dict.fromkeys((m.in_ifaces, m.out_ifaces) for m in fl.matches))


def _pairs_overlap(a: tuple, b: tuple) -> bool:
    """Two lines may see the same packets: some (in, out) interface pair of one
    overlaps one of the other (their :func:`_iface_pairs`)."""
    # (iface_overlap written out, as loops: asked some 7,000 times a parse of the bench's
    # 700 policies, each a handful of pairs)
    for ai, ao in a:
        for bi, bo in b:
            if (ai is None or bi is None or not ai.isdisjoint(bi)) and (
                ao is None or bo is None or not ao.isdisjoint(bo)
            ):
                return True
    return False


def _approximated(vip: Vip) -> bool:
    if len(vip.mapped) > 1 or len(vip.ext) > 1:
        return True
    if vip.ext and vip.mapped:
        (elo, ehi), (mlo, mhi) = vip.ext[0], vip.mapped[0]
        if ehi - elo != mhi - mlo and mhi != mlo:
            return True
        if ehi - elo > 255:
            return True
    if vip.portforward and vip.extport and vip.mappedport:
        en = vip.extport.hi - vip.extport.lo
        mn = vip.mappedport.hi - vip.mappedport.lo
        if mn and (en != mn or en > 63):
            return True
    return False


def _vip_rules(vip: Vip, in_set, src: Src) -> list[NatRule]:
    """Destination-NAT rules of one VIP (one per address/port pair for small 1:1 ranges)."""
    rules: list[NatRule] = []
    if not vip.ext or not vip.mapped:
        return rules
    mlo, mhi = vip.mapped[0]
    protos = (vip.protocol,) if vip.portforward else None
    port_pairs: list[tuple[PortRange | None, int | None]] = [(None, None)]
    if vip.portforward and vip.extport is not None:
        ep, mp = vip.extport, vip.mappedport or vip.extport
        en, mn = ep.hi - ep.lo, mp.hi - mp.lo
        if en and mn == en and en <= 63:
            port_pairs = [(PortRange(ep.lo + k, ep.lo + k), mp.lo + k) for k in range(en + 1)]
        else:
            port_pairs = [(ep, mp.lo)]
    for elo, ehi in vip.ext:
        if ehi - elo == mhi - mlo and ehi - elo <= 255:
            pairs = [((elo + k, elo + k), mlo + k) for k in range(ehi - elo + 1)]
        else:
            pairs = [((elo, ehi), mlo)]
        for (lo, hi), to_ip in pairs:
            dst = tuple(range_pats(lo, hi))
            for eport, to_port in port_pairs:
                m = Match(
                    src=vip.src_filter, dst=dst, protocols=protos, dst_ports=(eport,) if eport is not None else None
                )
                rules.append(
                    NatRule(
                        "destination",
                        m,
                        to_ip=to_ip,
                        to_port=to_port if vip.portforward else None,
                        in_ifaces=in_set,
                        source=src,
                        partial=vip.partial,
                    )
                )
    return rules
