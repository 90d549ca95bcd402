"""FortiOS policies, NAT, routes, local-in access and services of one VDOM → the model.

Called by :mod:`netaudit.parsers.fortinet_fortios` once all sections of a VDOM are
collected.  See that module's docstring for the FortiOS rules, and
docs/vendors/fortios.md for the reasoning behind each translation.
"""
from __future__ import annotations

from dataclasses import replace

from netaddr import IPNetwork

from netaudit.model import (
    Action, AddrMatch, Filter, FilterLine, Match, MgmtService, NatRule, PortRange, Reference,
    Route, Src, Ssid, PROTO_ICMP, PROTO_TCP, PROTO_UDP,
)
from netaudit.parsers.fortios_objects import (
    ADDRESS_IGNORED, ADDRESS_PREFIXES, ADDRGRP_IGNORED, IPPOOL_IGNORED, SERVICE_GROUP_IGNORED,
    SERVICE_IGNORED, VIP_IGNORED, AddressBook, Piece, ServiceBook, Vip, ip_int, is_all,
    parse_pool, parse_prefix, parse_vip, range_pats,
)
from netaudit.parsers.fortios_tables import (
    ACCESS, ACCESS_UNMODELLED, POLICY_IGNORED, POLICY_IGNORED_PREFIXES, POLICY_IGNORED_SUFFIXES,
    ROUTE_IGNORED,
)
from netaudit.parsers.fortios_tree import IGNORE, MODEL, UNRECOGNIZED, Block, Entry

FORWARD_FILTER = "firewall-policy"
INPUT_FILTER = "local-in"
IMPLICIT_DENY = "implicit deny (policy 0)"
ANY = AddrMatch.any()

_ADMIN = ("https", "http", "ssh", "telnet")


def build_vdom(p, v) -> None:
    """Fill ``v.dev`` from the collected sections of VDOM ``v`` (``p`` is the parser)."""
    _VdomBuilder(p, v).run()


class _VdomBuilder:
    def __init__(self, p, v):
        self.p = p
        self.v = v
        self.dev = v.dev
        self.objs: dict[str, list[Block]] = {}
        for blk in v.blocks.get("_objects", []):
            self.objs.setdefault(_family(blk.path), []).append(blk)
        self.all_ifaces = frozenset(self.dev.interfaces)
        self.line_vips: dict[int, list] = {}
        self.nat_lines: list = []
        self.match_vip: set[int] = set()

    # ------------------------------------------------------------------ helpers

    def src(self, line):
        return self.p.src(line)

    def entries(self, family: str) -> list[Entry]:
        out: list[Entry] = []
        seen: dict[str, int] = {}
        for blk in self.objs.get(family, []):
            for e in blk.entries.values():
                if e.name in seen:           # repeated block: later edit of the same entry
                    out[seen[e.name]] = e
                else:
                    seen[e.name] = len(out)
                    out.append(e)
        return out

    def block_of(self, family: str) -> Block | None:
        blks = self.objs.get(family)
        return blks[0] if blks else None

    def iface_addr(self, name: str) -> IPNetwork | None:
        rec = self.p.ifs.get(name)
        return rec.addresses[0][0] if rec is not None and rec.addresses else None

    def ref(self, kind: str, name: str, src: Src | None) -> None:
        self.dev.references.append(Reference(kind, name, src or Src(self.p.file, 0, ""), False))

    # ------------------------------------------------------------------ run

    def run(self) -> None:
        self.addr = AddressBook(_merged(self.objs.get("firewall address")),
                                _merged(self.objs.get("firewall addrgrp")), self.iface_addr)
        self.svc = ServiceBook(_merged(self.objs.get("firewall service custom")),
                               _merged(self.objs.get("firewall service group")))
        self._objects()
        self._policies()
        self._nat()
        self._routes()
        self._services()
        self._input_filter()
        self._ssids()

    # ------------------------------------------------------------------ objects

    def _objects(self) -> None:
        v = self.v
        for e in self.entries("firewall address"):
            self.addr.resolve(e.name)
            e.leftover(ADDRESS_IGNORED, ADDRESS_PREFIXES)
            for c in e.children.values():
                c.disp = IGNORE
        for e in self.entries("firewall addrgrp"):
            self.addr.resolve(e.name)
            e.leftover(ADDRGRP_IGNORED)
            for c in e.children.values():
                c.disp = IGNORE
        for e in self.entries("firewall service custom"):
            self.svc.resolve(e.name)
            e.leftover(SERVICE_IGNORED)
        for e in self.entries("firewall service group"):
            self.svc.resolve(e.name)
            e.leftover(SERVICE_GROUP_IGNORED)
        for e in self.entries("firewall vip"):
            vip = parse_vip(e, self.iface_addr)
            v.vips[e.name] = vip
            e.leftover(VIP_IGNORED, ("http", "ssl-", "monitor", "gslb"))
            for c in e.children.values():
                c.disp = MODEL if c.path == "realservers" else IGNORE
                for re_ in c.entries.values():
                    re_.leftover(ignore_prefixes=("",))
        for e in self.entries("firewall vipgrp"):
            v.vipgrps[e.name] = list(e.get("member") or [])
            e.leftover(frozenset({"interface", "comments", "comment", "color", "uuid"}))
        for e in self.entries("firewall ippool"):
            v.pools[e.name] = parse_pool(e)
            e.leftover(IPPOOL_IGNORED)
        for fam in ("firewall schedule recurring", "firewall schedule onetime",
                    "firewall schedule group"):
            for e in self.entries(fam):
                v.schedules.add(e.name)
                e.leftover(ignore_prefixes=("",))
        for fam, blks in self.objs.items():
            if fam.startswith("firewall schedule") and fam not in (
                    "firewall schedule recurring", "firewall schedule onetime",
                    "firewall schedule group"):
                for b in blks:
                    b.disp = None

    # ------------------------------------------------------------------ interfaces

    def expand(self, names: list[str] | None, src: Src | None, allow_any=True):
        """srcintf/dstintf names → interface set (None = any)."""
        v = self.v
        out: set[str] = set()
        for n in names or []:
            if n == "any" and allow_any:
                return None
            if n in v.zones:
                out.update(v.zones[n][0])
            elif n in v.sdwan:
                out.update(i for i, _, _ in v.sdwan[n])
            elif n in self.dev.interfaces:
                out.add(n)
            else:
                if n not in self.p.ifs:
                    self.ref("interface", n, src)
                out.add(n)
        return frozenset(out)

    # ------------------------------------------------------------------ policies

    def _addr_side(self, e: Entry, key: str, negate: bool, dst: bool):
        """(pats or None, negate, reasons, vips) for srcaddr/dstaddr."""
        v = self.v
        names = e.get(key) or []
        known: list[AddrMatch] = []
        any_flag = False
        reasons: list[str] = []
        vips: list[Vip] = []
        src = self.p.set_src(e, key)
        rblk = self.block_of("firewall address")
        gblk = self.block_of("firewall addrgrp")
        for n in names:
            if dst and (n in v.vips or n in v.vipgrps):
                for vn in ([n] if n in v.vips else v.vipgrps[n]):
                    if vn in v.vips:
                        vips.append(v.vips[vn])
                    else:
                        reasons.append(f"VIP {vn} is not defined")
                        self.ref("vip", vn, src)
                continue
            name = _alias(n, e.settings.get(key), rblk, gblk)
            o = self.addr.resolve(name)
            if o.unknown:
                reasons.append(o.unknown)
                if not self.addr.defined(name):
                    self.ref("address", n, src)
            elif o.pats is None:
                any_flag = True
            else:
                known.extend(o.pats)
        if not names or (vips and len(vips) == len(names) and not known and not any_flag
                         and not reasons):
            return None, False, reasons, vips
        if not negate:
            if any_flag or reasons:
                pats = None
            else:
                pats = tuple(known)
            return pats, False, reasons, vips
        if any_flag:
            return (ANY,), True, [], vips
        return tuple(known), True, reasons, vips

    def _svc_list(self, e: Entry, key: str = "service"):
        names = e.get(key) or []
        pieces: list[Piece] = []
        reasons: list[str] = []
        src = self.p.set_src(e, key)
        sblk = self.block_of("firewall service custom")
        gblk = self.block_of("firewall service group")
        for n in names:
            name = _alias(n, e.settings.get(key), sblk, gblk)
            o = self.svc.resolve(name)
            if o.unknown:
                reasons.append(o.unknown)
                if not self.svc.defined(name):
                    self.ref("service", n, src)
            pieces.extend(o.pieces)
        return pieces, reasons

    def _policies(self) -> None:
        v, dev, p = self.v, self.dev, self.p
        flt = Filter(FORWARD_FILTER, kind="policy", default_action=Action.DENY,
                     default_text=IMPLICIT_DENY)
        blk = self.block_of("firewall policy")
        if blk is not None:
            flt.source = self.src(blk.config_line)
        self.filter = flt
        dev.filters[FORWARD_FILTER] = flt
        dev.forward_filter = FORWARD_FILTER
        info = dev.facts.setdefault("policies", [])
        for e in self.entries("firewall policy"):
            try:
                self._policy(e, flt, info)
            except Exception as exc:  # noqa: BLE001
                src = self.src(e.edit_line)
                flt.lines.append(FilterLine(Action.PERMIT, [Match()], src, name=e.name,
                                            partial=f"policy not understood ({type(exc).__name__})"))
                p.partial(f"policy {e.name}", f"not understood ({type(exc).__name__}: {exc})", src)
        # intrazone allow: the zone's default action, after every policy
        for zname, (members, intrazone, zsrc, isrc) in v.zones.items():
            if intrazone == "allow" and members:
                ms = frozenset(members)
                flt.lines.append(FilterLine(Action.PERMIT, [Match(in_ifaces=ms, out_ifaces=ms)],
                                            isrc or zsrc, name=f"intrazone {zname}"))
        if v.blocks.get("_ngfw_policies"):
            flt.partial = ("NGFW policy-based mode: security policies (config firewall "
                           "security-policy) not modelled")
            p.partial("config firewall security-policy", flt.partial,
                      self.src(v.blocks["_ngfw_policies"][0].config_line))
        self._vip_deny_interplay()

    def _policy(self, e: Entry, flt: Filter, info: list) -> None:
        p, v = self.p, self.v
        if e.low("status", "enable") == "disable":
            e.leftover(ignore_prefixes=("",))
            for c in e.children.values():
                c.disp = IGNORE
            return
        action_word = e.low("action", "deny")
        # Cited as a whole: the `edit N` line, with the policy in one sentence.
        src = policy_src(self.src(e.edit_line), e)
        reasons: list[str] = []
        if action_word == "accept":
            action = Action.PERMIT
        elif action_word == "deny":
            action = Action.DENY
        elif action_word == "ipsec":
            action = Action.PERMIT
            reasons.append("action ipsec: traffic enters a policy-based VPN tunnel")
        else:
            action = Action.PERMIT
            e.mark("action", UNRECOGNIZED)
            reasons.append(f"action {action_word} not understood")
        # consolidated IPv4/IPv6 policy with IPv6 addresses only: no IPv4 packet matches
        if not e.has("srcaddr") and not e.has("dstaddr") and (e.has("srcaddr6") or e.has("dstaddr6")):
            e.leftover(ignore_prefixes=("",))
            return
        missing = [k for k in ("srcintf", "dstintf", "srcaddr", "dstaddr", "service")
                   if not e.get(k)]
        if missing and action_word != "ipsec":
            reasons.append(f"policy lacks {', '.join(missing)} (FortiOS would not accept it)")
        ins = self.expand(e.get("srcintf"), p.set_src(e, "srcintf"))
        outs = self.expand(e.get("dstintf"), p.set_src(e, "dstintf"))
        sneg = e.low("srcaddr-negate", "disable") == "enable"
        dneg = e.low("dstaddr-negate", "disable") == "enable"
        spats, sneg, sreasons, _ = self._addr_side(e, "srcaddr", sneg, False)
        dpats, dneg, dreasons, vips = self._addr_side(e, "dstaddr", dneg, True)
        reasons += sreasons + dreasons
        pieces, svc_reasons = self._svc_list(e)
        reasons += svc_reasons
        if e.low("service-negate", "disable") == "enable":
            reasons.append("service-negate not modelled")
            pieces = [Piece(None)]
        if e.low("internet-service", "disable") == "enable":
            reasons.append("internet-service destinations (FortiGuard ISDB) resolved at run time")
            for k in ("internet-service-name", "internet-service-id", "internet-service-group",
                      "internet-service-custom", "internet-service-custom-group",
                      "internet-service-negate"):
                e.get(k)
            dpats, dneg, vips = None, False, []
        else:
            e.mark("internet-service-name"), e.mark("internet-service-id")
        if e.low("internet-service-src", "disable") == "enable":
            reasons.append("internet-service-src sources (FortiGuard ISDB) resolved at run time")
            for k in ("internet-service-src-name", "internet-service-src-id",
                      "internet-service-src-group", "internet-service-src-custom",
                      "internet-service-src-custom-group", "internet-service-src-negate"):
                e.get(k)
            spats, sneg = None, False
        sched = e.first("schedule", "always")
        if sched != "always":
            reasons.append(f"schedule {sched}: the policy is active only at some times")
            if sched not in v.schedules:
                self.ref("schedule", sched, p.set_src(e, "schedule"))
        ids = [n for k in ("users", "groups", "fsso-groups") for n in (e.get(k) or [])]
        if ids:
            reasons.append(f"identity-based policy ({', '.join(ids)}): matches authenticated "
                           "users only")
        for key, value, why in (
                ("ztna-status", "enable", "ZTNA policy"),
                ("policy-expiry", "enable", "policy expires at a set date"),
                ("learning-mode", "enable", "learning mode (policy only observes)"),
                ("wccp", "enable", "WCCP redirection"),
                ("http-policy-redirect", "enable", "redirected to a proxy policy"),
                ("ssh-policy-redirect", "enable", "redirected to an SSH proxy"),
                ("nat46", "enable", "NAT46"), ("nat64", "enable", "NAT64"),
                ("reputation-minimum", None, "device reputation match"),
                ("src-vendor-mac", None, "source vendor MAC match"),
                ("application", None, "application match (policy-based NGFW)"),
                ("app-category", None, "application category match"),
                ("url-category", None, "URL category match"),
                ("app-group", None, "application group match"),
                ("ztna-ems-tag", None, "ZTNA tags"), ("webproxy-forward-server", None,
                                                       "forwarded to a web proxy")):
            val = e.low(key)
            if val is not None and (value is None or val == value) and val not in ("0", "disable"):
                reasons.append(why)
        if e.low("match-vip", "disable") == "enable":
            self.match_vip.add(len(flt.lines))
        specs = _specs(pieces)
        matches: list[Match] = []
        dst_names = e.get("dstaddr") or []
        plain_dst = [n for n in dst_names if n not in v.vips and n not in v.vipgrps]
        if plain_dst or not dst_names or not vips:
            for sp in specs:
                matches.append(Match(src=spats, dst=dpats, src_negate=sneg, dst_negate=dneg,
                                     in_ifaces=ins, out_ifaces=outs, **sp))
        vip_uses = []
        for vip in vips:
            if dneg:
                reasons.append("dstaddr-negate with a VIP not modelled")
            if vip.partial:
                reasons.append(f"VIP {vip.name}: {vip.partial}")
            mapped = vip.mapped_pats()
            if not mapped:
                continue
            for sp in specs:
                sp2 = _and_vip(sp, vip) if vip.portforward else sp
                if sp2 is None:
                    continue
                matches.append(Match(src=spats, dst=mapped, src_negate=sneg, in_ifaces=ins,
                                     out_ifaces=outs, **sp2))
            vip_uses.append(vip)
            if action == Action.PERMIT:
                prev = v.vip_users.get(vip.name, frozenset())
                v.vip_users[vip.name] = None if (prev is None or ins is None) else prev | ins
        reason = "; ".join(dict.fromkeys(reasons)) or None
        line = FilterLine(action, matches, src, name=e.name, partial=reason)
        idx = len(flt.lines)
        flt.lines.append(line)
        if vip_uses:
            self.line_vips[idx] = vip_uses
        if reason:
            p.partial(f"policy {e.name}", reason, src)
        nat = e.low("nat", "disable") == "enable" and action_word == "accept"
        pool = None
        if nat and e.low("ippool", "disable") == "enable":
            names = e.get("poolname") or []
            pool = names[0] if names else ""
        elif not nat:
            e.mark("ippool"), e.mark("poolname")
        if nat:
            natip = parse_prefix(e.get("natip"))
            nat_src = self.p.set_src(e, "nat")
            if nat_src is not None:     # the NAT line names its policy
                nat_src = Src(nat_src.file, nat_src.line, f"{_policy_head(e)}: {nat_src.text}")
            self.nat_lines.append((idx, line, pool, natip, nat_src or src))
        info.append({
            "id": e.name, "source": src, "action": action_word, "line": idx,
            "srcintf": list(e.get("srcintf") or []), "dstintf": list(e.get("dstintf") or []),
            "srcaddr": list(e.get("srcaddr") or []), "dstaddr": list(e.get("dstaddr") or []),
            "service": list(e.get("service") or []),
            "in_ifaces": sorted(ins) if ins is not None else None,
            "out_ifaces": sorted(outs) if outs is not None else None,
            "all_src": spats is None and not sneg and not sreasons,
            "all_dst": dpats is None and not dneg and not vips and not dreasons,
            "all_service": is_all(pieces) and not svc_reasons, "nat": nat,
            "partial": reason, "name": e.first("name") or ""})
        for c in e.children.values():
            c.disp = IGNORE
        unknown = e.leftover(POLICY_IGNORED, POLICY_IGNORED_PREFIXES, POLICY_IGNORED_SUFFIXES)
        if unknown:
            extra = "settings not understood: " + ", ".join(s.key for s in unknown)
            line.partial = f"{line.partial}; {extra}" if line.partial else extra
            p.partial(f"policy {e.name}", extra, src)

    def _vip_deny_interplay(self) -> None:
        """FortiOS: a deny policy without ``match-vip enable`` does not apply to traffic
        a VIP translated.  Such a deny before a policy that uses a VIP is partial when it
        could catch that VIP's traffic (the engine cannot tell translated packets)."""
        lines = self.filter.lines
        if not self.line_vips:
            return
        for i, line in enumerate(lines):
            if line.action != Action.DENY or line.partial or i in self.match_vip:
                continue
            later = [(j, vip) for j, vs in self.line_vips.items() if j > i
                     and lines[j].action == Action.PERMIT for vip in vs]
            hit = []
            for j, vip in later:
                users = self.v.vip_users.get(vip.name, frozenset())
                if any(_iface_overlap(m.in_ifaces, users) and _dst_overlap(m, vip)
                       for m in line.matches):
                    hit.append(vip.name)
            if hit:
                line.partial = (f"deny policy without match-vip: FortiOS does not apply it to "
                                f"traffic of VIP {', '.join(dict.fromkeys(hit))}")
                self.p.partial(f"policy {line.name}", line.partial, line.source)

    # ------------------------------------------------------------------ NAT

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
                p.partial(f"vip {name}", "range mapping approximated by the first mapped "
                          "address/port", src)
        # source NAT (policies with nat enable), in policy order
        if v.central_nat:
            return
        l3 = sorted(n for n, i in dev.interfaces.items() if i.addresses and not i.shutdown)
        for idx, line, pool, natip, src in self.nat_lines:
            to_ip = None
            if pool is not None:
                pl = v.pools.get(pool)
                if pl is None or pl.start is None:
                    self.ref("ippool", pool or "(none)", src)
                    p.partial(f"policy {line.name}", f"ippool {pool!r} undefined", src)
                    continue
                to_ip = pl.start
                if pl.end is not None and pl.end != pl.start:
                    p.partial(f"policy {line.name}", f"ippool {pool} approximated by its first "
                              f"address", src)
            elif natip is not None and int(natip.ip) != 0:
                to_ip = int(natip.ip)
            earlier = [lines for lines in self.filter.lines[:idx]]
            for m in line.matches:
                base = replace(m, in_ifaces=None, out_ifaces=None)
                if to_ip is not None:
                    dev.nat_rules.append(NatRule("source", base, to_ip=to_ip, in_ifaces=m.in_ifaces,
                                                 out_ifaces=m.out_ifaces, source=src))
                    continue
                for o in (sorted(m.out_ifaces) if m.out_ifaces is not None else l3):
                    dev.nat_rules.append(NatRule("source", base, to_interface=o,
                                                 in_ifaces=m.in_ifaces,
                                                 out_ifaces=frozenset({o}), source=src))
            if any(e.action == Action.PERMIT and e.name != line.name and not _is_nat(e, self.nat_lines)
                   and _lines_overlap(e, line) for e in earlier):
                p.partial(f"policy {line.name}", "source NAT also applied, in the model, to "
                          "packets an earlier policy without NAT accepts", src)

    # ------------------------------------------------------------------ routes

    def _routes(self) -> None:
        v, dev, p = self.v, self.dev, self.p
        for e in self.entries("router static"):
            src = (self.p.set_src(e, "gateway") or self.p.set_src(e, "device")
                   or self.p.set_src(e, "dst") or self.src(e.edit_line))
            if e.low("status", "enable") == "disable":
                e.leftover(ignore_prefixes=("",))
                continue
            dst_vals = e.get("dst")
            prefixes: list[IPNetwork] = []
            partial = []
            if dst_vals:
                net = parse_prefix(dst_vals)
                if net is None:
                    e.mark("dst", UNRECOGNIZED)
                    partial.append("destination not understood")
                else:
                    prefixes.append(net.cidr)
            elif e.has("dstaddr"):
                o = self.addr.resolve(e.first("dstaddr"))
                if o.unknown or o.pats is None or not o.prefix_only:
                    partial.append(f"destination address object {e.first('dstaddr')} "
                                   "not resolvable")
                else:
                    from netaudit.parsers.fortios_objects import _net
                    prefixes.extend(_net(pt) for pt in o.pats)
            elif e.has("internet-service") or e.has("internet-service-custom"):
                e.get("internet-service"), e.get("internet-service-custom")
                partial.append("destination is an internet-service (ISDB) resolved at run time")
            else:
                prefixes.append(IPNetwork("0.0.0.0/0"))
            gw = ip_int(e.first("gateway", "0.0.0.0") or "")
            gw = gw or None
            ifn = e.first("device")
            try:
                distance = int(e.first("distance", "10"))
            except ValueError:
                distance = 10
            blackhole = e.low("blackhole", "disable") == "enable"
            sdwan = (e.low("sdwan", "disable") == "enable"
                     or e.low("virtual-wan-link", "disable") == "enable" or e.has("sdwan-zone"))
            e.get("sdwan-zone")
            if e.low("dynamic-gateway", "disable") == "enable":
                partial.append("gateway learned by DHCP at run time")
            if e.has("src") and (e.first("src") or "0.0.0.0").split("/")[0] != "0.0.0.0":
                e.get("src")
                partial.append("source-restricted route not modelled")
            vrf = e.first("vrf")
            e.leftover(ROUTE_IGNORED)
            if partial:
                reason = "; ".join(partial)
                p.partial(f"static route {e.name}", reason, src)
                # the egress interface can no longer be trusted for a verdict
                itf = dev.interfaces.get(ifn) if ifn else None
                if itf is not None and reason not in (itf.partial or ""):
                    itf.partial = f"{itf.partial}; {reason}" if itf.partial else reason
                if not prefixes:
                    continue
            targets: list[tuple[str | None, int | None]] = []
            if blackhole:
                targets = [(None, None)]
            elif sdwan:
                zones = e.get("sdwan-zone") or ["virtual-wan-link"]
                for z in zones:
                    targets.extend((i, g) for i, g, _ in v.sdwan.get(z, []))
                if not targets:
                    p.partial(f"static route {e.name}", "SD-WAN route without members", src)
                    continue
            else:
                if ifn and ifn not in dev.interfaces:
                    self.ref("interface", ifn, self.p.set_src(e, "device"))
                if not ifn and gw is None:
                    p.partial(f"static route {e.name}", "route without gateway or device", src)
                    continue
                targets = [(ifn, gw)]
            rvrf = vrf if vrf not in (None, "0") else None
            for prefix in prefixes:
                for out_if, nh in targets:
                    itf = dev.interfaces.get(out_if) if out_if else None
                    r = Route(prefix, vrf=rvrf or (itf.vrf if itf else "default"), next_hop=nh,
                              interface=out_if, drop=blackhole, distance=distance,
                              origin="static", source=src,
                              partial="; ".join(partial) or None)
                    dev.routes.append(r)

    # ------------------------------------------------------------------ services

    def _owners(self):
        """(interface, [(IPNetwork, [access], Src)]) for the VDOM's live L3 interfaces."""
        out = []
        for name, itf in self.dev.interfaces.items():
            rec = self.p.ifs.get(name)
            if rec is None or itf.shutdown:
                continue
            addrs = list(rec.addresses)
            for x in rec.vrrp:
                addrs.append((IPNetwork(f"{_ip(x)}/32"), rec.access, rec.access_src))
            if addrs:
                out.append((name, addrs, rec))
            elif itf.dynamic_address:
                # Its address is assigned at run time: "an address of this interface" is
                # any address that is not one of the box's configured ones (the engine
                # judges every candidate, docs/semantics.md).
                out.append((name, [(None, rec.access, rec.access_src)], rec))
        return out

    def _static_hosts(self) -> tuple:
        """The VDOM's configured (static) interface addresses, as host patterns."""
        return tuple(AddrMatch.host(int(a.ip)) for itf in self.dev.interfaces.values()
                     if not itf.shutdown for a in itf.owns())

    def _own_dst(self, ifn: str, hosts: tuple) -> dict:
        """Match fields selecting "an address of interface ``ifn``" (``hosts`` if static)."""
        if self.dev.interfaces[ifn].dynamic_address and not hosts:
            return {"dst": self._static_hosts(), "dst_negate": True}
        return {"dst": hosts}

    def _acl(self, name: str, lines: list[FilterLine], src: Src | None) -> str:
        self.dev.filters[name] = Filter(name, lines, default_action=Action.DENY, kind="acl",
                                        source=src, default_text="not an address of this "
                                        "interface, or source not allowed")
        return name

    def _services(self) -> None:
        p, dev = self.p, self.dev
        trust = _trust(p.admins)
        snmp_hosts = None
        if p.snmp_communities and not p.snmp_users and all(c["restricted"]
                                                           for c in p.snmp_communities):
            snmp_hosts = [h for c in p.snmp_communities for h in c["hosts"]]
        snmp_live = p.snmp_enabled and (p.snmp_communities or p.snmp_users)
        self.owner_hosts: dict[str, tuple] = {}
        services: list[MgmtService] = []
        for ifn, addrs, rec in self._owners():
            self.owner_hosts[ifn] = tuple(AddrMatch.host(int(a.ip)) for a, _, _ in addrs if a is not None)
            words: list[str] = []
            for _, acc, _ in addrs:
                for w in acc:
                    if w not in words:
                        words.append(w)
            for w in words:
                hosts = tuple(AddrMatch.host(int(a.ip)) for a, acc, _ in addrs if w in acc and a is not None)
                own = self._own_dst(ifn, hosts)
                asrc = next((s for _, acc, s in addrs if w in acc and s), rec.access_src)
                spec = ACCESS.get(w)
                if spec is None:
                    why = (f"allowaccess {w}: listening port not modelled"
                           if w in ACCESS_UNMODELLED else f"allowaccess {w} not understood")
                    services.append(MgmtService(w, PROTO_TCP, (), acl=self._acl(
                        f"allowaccess {ifn} {w}", [FilterLine(Action.PERMIT, [Match(**own)],
                                                              asrc)], asrc),
                        source=asrc, partial=why))
                    p.partial(f"interface {ifn}", why, asrc)
                    continue
                sname, proto, ports, insecure = spec
                if w == "telnet" and not p.admin_telnet:
                    continue
                if w == "snmp" and not snmp_live:
                    continue
                if ports is None:
                    port = p.ports.get(w)
                    ports = ((port, port),) if port else ()
                if w == "probe-response" and p.probe_udp:
                    proto = PROTO_UDP
                restrict = None
                if w in _ADMIN and trust is not None:
                    restrict = trust
                elif w == "snmp" and snmp_hosts is not None:
                    restrict = snmp_hosts
                if restrict is not None:
                    lines = [FilterLine(Action.PERMIT, [Match(src=(AddrMatch.prefix(net),), **own)],
                                        tsrc or asrc) for net, tsrc in restrict]
                else:
                    lines = [FilterLine(Action.PERMIT, [Match(**own)], asrc)]
                acl = self._acl(f"allowaccess {ifn} {w}", lines, asrc)
                services.append(MgmtService(
                    sname, proto, tuple(PortRange(a, b) for a, b in ports),
                    icmp_type=8 if proto == PROTO_ICMP else None, acl=acl, source=asrc,
                    insecure=insecure))
        # listeners that are not allowaccess
        v = self.v
        extra = []
        for ifn, src in v.blocks.get("_dhcp", []):
            extra.append(("dhcp", PROTO_UDP, ((67, 67),), ifn, src))
        for ifn, src in v.blocks.get("_dns", []):
            extra.append(("dns", PROTO_UDP, ((53, 53),), ifn, src))
            extra.append(("dns", PROTO_TCP, ((53, 53),), ifn, src))
        for ifn, src in p.ntp_ifaces:
            extra.append(("ntp", PROTO_UDP, ((123, 123),), ifn, src))
        for ifn, src in v.blocks.get("_ike", []):
            extra.append(("ike", PROTO_UDP, ((500, 500), (4500, 4500)), ifn, src))
        for ifaces, port, srcs, neg, src in v.blocks.get("_sslvpn", []):
            for ifn in ifaces:
                extra.append(("sslvpn", PROTO_TCP, ((port, port),), ifn, src, srcs, neg))
        for item in extra:
            name, proto, ports, ifn, src = item[:5]
            hosts = self.owner_hosts.get(ifn)
            if hosts is None or (not hosts and not self.dev.interfaces[ifn].dynamic_address):
                continue
            own = self._own_dst(ifn, hosts)
            lines = [FilterLine(Action.PERMIT, [Match(**own)], src)]
            partial = None
            if len(item) > 5:
                srcs, neg = item[5], item[6]
                pats, neg2, reasons, _ = self._named_addrs(srcs, neg)
                if reasons:
                    partial = "; ".join(reasons)
                lines = [FilterLine(Action.PERMIT, [Match(src=pats, src_negate=neg2, **own)], src)]
            key = f"{name} {ifn}" + ("" if proto == PROTO_UDP or name != "dns" else " tcp")
            acl = self._acl(key, lines, src)
            services.append(MgmtService(name, proto, tuple(PortRange(a, b) for a, b in ports),
                                        acl=acl, source=src, partial=partial))
        dev.services.extend(services)
        dev.facts["admins"] = p.admins
        dev.facts["admin_trusthosts"] = [str(n) for n, _ in trust] if trust else None
        dev.facts["snmp_communities"] = p.snmp_communities
        dev.facts["admin_ports"] = dict(p.ports)

    def _named_addrs(self, names: list[str], negate: bool):
        known, any_flag, reasons = [], False, []
        for n in names:
            o = self.addr.resolve(n)
            if o.unknown:
                reasons.append(o.unknown)
            elif o.pats is None:
                any_flag = True
            else:
                known.extend(o.pats)
        if not negate:
            return (None if any_flag or reasons else tuple(known)), False, reasons, []
        if any_flag:
            return (ANY,), True, [], []
        return tuple(known), True, reasons, []

    # ------------------------------------------------------------------ input filter

    def _input_filter(self) -> None:
        """Local traffic: explicit local-in policies, then the ingress interface's own
        addresses, then the forward policies restricted to the box's own addresses
        (reaching interface Y's address from interface X is X → Y through traffic)."""
        dev, p = self.dev, self.p
        flt = Filter(INPUT_FILTER, kind="policy", default_action=Action.DENY,
                     default_text="no firewall policy lets the packet reach this address from "
                                  "that interface (FortiOS: another interface's address is "
                                  "through traffic)")
        # Its default is cited at the section it belongs to: local-in policies, else
        # the firewall policies that decide reaching another interface's address.
        blk = self.block_of("firewall local-in-policy")
        flt.source = self.src(blk.config_line) if blk is not None else self.filter.source
        for e in self.entries("firewall local-in-policy"):
            src = self.src(e.edit_line)
            if e.low("status", "enable") == "disable":
                e.leftover(ignore_prefixes=("",))
                continue
            reasons = []
            action = Action.PERMIT if e.low("action", "deny") == "accept" else Action.DENY
            ins = self.expand(e.get("intf"), p.set_src(e, "intf"))
            sneg = e.low("srcaddr-negate", "disable") == "enable"
            dneg = e.low("dstaddr-negate", "disable") == "enable"
            spats, sneg, r1, _ = self._addr_side(e, "srcaddr", sneg, False)
            dpats, dneg, r2, _ = self._addr_side(e, "dstaddr", dneg, False)
            pieces, r3 = self._svc_list(e)
            reasons += r1 + r2 + r3
            if e.low("service-negate", "disable") == "enable":
                reasons.append("service-negate not modelled")
                pieces = [Piece(None)]
            if e.low("internet-service-src", "disable") == "enable":
                reasons.append("internet-service-src sources resolved at run time")
                spats, sneg = None, False
            sched = e.first("schedule", "always")
            if sched != "always":
                reasons.append(f"schedule {sched}: active only at some times")
            if not e.get("service"):
                pieces = [Piece(None)] if not pieces else pieces
            ms = [Match(src=spats, dst=dpats, src_negate=sneg, dst_negate=dneg, in_ifaces=ins, **sp)
                  for sp in _specs(pieces)]
            unknown = e.leftover(frozenset({"uuid", "comments", "comment", "ha-mgmt-intf-only",
                                            "virtual-patch", "policyid"}),
                                 ("internet-service-src",))
            if unknown:
                reasons.append("settings not understood: " + ", ".join(s.key for s in unknown))
            reason = "; ".join(reasons) or None
            flt.lines.append(FilterLine(action, ms, src, name=f"local-in {e.name}", partial=reason))
            if reason:
                p.partial(f"local-in-policy {e.name}", reason, src)
        owners = {ifn: hosts for ifn, hosts in self.owner_hosts.items() if hosts}
        dynamic = [ifn for ifn, hosts in self.owner_hosts.items() if not hosts]
        for ifn in list(owners) + dynamic:
            itf = dev.interfaces[ifn]
            flt.lines.append(FilterLine(Action.PERMIT, [Match(**self._own_dst(ifn, owners.get(ifn, ())),
                                                              in_ifaces=frozenset({ifn}))],
                                        itf.dynamic_source or itf.source or Src(p.file, 0, ifn),
                                        name=f"own address of {ifn}"))
        fwd = self.filter
        if fwd.partial:
            flt.lines.append(FilterLine(Action.PERMIT, [Match()], fwd.source or Src(p.file, 0, ""),
                                        name="forward policies", partial=fwd.partial))
        else:
            for line in fwd.lines:
                ms = []
                for m in line.matches:
                    for ifn, hosts in owners.items():
                        if m.out_ifaces is not None and ifn not in m.out_ifaces:
                            continue
                        ins = (m.in_ifaces if m.in_ifaces is not None else self.all_ifaces) - {ifn}
                        if not ins:
                            continue
                        kept = tuple(h for h in hosts if _addr_in(h.value, m.dst, m.dst_negate))
                        if not kept:
                            continue
                        ms.append(replace(m, dst=kept, dst_negate=False, in_ifaces=frozenset(ins),
                                          out_ifaces=None))
                if ms:
                    flt.lines.append(FilterLine(line.action, ms, line.source,
                                                name=f"policy {line.name} to own address",
                                                partial=line.partial))
            if dynamic:
                # Run-time addresses are any address but the configured ones: those
                # were decided above, the rest reach a run-time address through the
                # policies toward its interface.
                static = self._static_hosts()
                if static:
                    flt.lines.append(FilterLine(Action.DENY, [Match(dst=static)], fwd.source or Src(p.file, 0, ""),
                                                name="configured addresses: no policy above"))
                for line in fwd.lines:
                    ms = []
                    for m in line.matches:
                        for ifn in dynamic:
                            if m.out_ifaces is not None and ifn not in m.out_ifaces:
                                continue
                            ins = (m.in_ifaces if m.in_ifaces is not None else self.all_ifaces) - {ifn}
                            if ins:
                                ms.append(replace(m, in_ifaces=frozenset(ins), out_ifaces=None))
                    if ms:
                        flt.lines.append(FilterLine(line.action, ms, line.source,
                                                    name=f"policy {line.name} to run-time address",
                                                    partial=line.partial))
        dev.filters[INPUT_FILTER] = flt
        dev.input_filter = INPUT_FILTER

    # ------------------------------------------------------------------ wireless

    def _ssids(self) -> None:
        p, dev = self.p, self.dev
        for e, blk in p.vaps:
            rec = p.ifs.get(e.name)
            if p.vdom_mode:
                owner = rec.vdom if rec is not None else "root"
                if owner != self.v.name and not (owner not in p.vdoms and self.v.name == "root"):
                    continue
            ssid = e.first("ssid") or e.name
            security = e.low("security", "wpa2-only-personal") or ""
            local = e.low("local-bridging", "disable") == "enable"
            vid = e.first("vlanid")
            vlan = int(vid) if vid and vid.isdigit() and int(vid) > 0 else None
            iface = e.name if (e.name in dev.interfaces and not local) else None
            dev.ssids.append(Ssid(name=ssid, interface=iface, vlan=vlan,
                                  open_auth=security in ("open", "captive-portal"),
                                  source=p.set_src(e, "ssid") or self.src(e.edit_line)))
            dev.facts.setdefault("vaps", []).append({
                "name": e.name, "ssid": ssid, "security": security, "local_bridging": local,
                "vlan": vlan, "source": self.src(e.edit_line)})
            e.leftover(ignore_prefixes=("",))
            for c in e.children.values():
                c.disp = IGNORE


# --------------------------------------------------------------------------- helpers


def _family(path: str) -> str:
    words = path.split()
    if len(words) >= 3 and words[0] == "firewall" and words[1] in ("service", "schedule"):
        return " ".join(words[:3])
    return " ".join(words[:2])


def _merged(blocks: list[Block] | None) -> Block | None:
    """One view over repeated blocks of one family (later edits win)."""
    if not blocks:
        return None
    if len(blocks) == 1:
        return blocks[0]
    view = Block(blocks[0].path, blocks[0].config_line, None)
    for b in blocks:
        view.entries.update(b.entries)
        view.renamed.update(b.renamed)
    return view


def _alias(name: str, setting, *blocks) -> str:
    """A name renamed after it was referenced keeps pointing at the renamed object."""
    for blk in blocks:
        if blk is None or name not in blk.renamed:
            continue
        new, line = blk.renamed[name]
        if setting is not None and setting.lines and setting.lines[0] < line:
            return new
    return name


def _ip(x: int) -> str:
    return f"{(x >> 24) & 255}.{(x >> 16) & 255}.{(x >> 8) & 255}.{x & 255}"


def _merge_ranges(rs) -> tuple[PortRange, ...]:
    out: list[list[int]] = []
    for r in sorted(rs, key=lambda r: (r.lo, r.hi)):
        if out and r.lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], r.hi)
        else:
            out.append([r.lo, r.hi])
    return tuple(PortRange(a, b) for a, b in out)


def _specs(pieces: list[Piece]) -> list[dict]:
    """Service pieces → Match keyword sets (as few as the protocols allow)."""
    if not pieces:
        return []
    if any(p.proto is None for p in pieces):
        return [{}]
    ported: dict[tuple, list[PortRange]] = {}
    icmp: list[tuple] = []
    whole: set[int] = set()
    for p in pieces:
        if p.proto == PROTO_ICMP:
            icmp.append((p.icmp_type, p.icmp_code))
        elif p.dports is not None:
            ported.setdefault((p.proto, p.sports), []).extend(p.dports)
        else:
            whole.add(p.proto)
    specs: list[dict] = []
    # merge protocols sharing the same port sets
    by_ports: dict[tuple, list[int]] = {}
    for (proto, sports), drs in ported.items():
        if proto in whole:
            continue
        by_ports.setdefault((_merge_ranges(drs), sports), []).append(proto)
    for (drs, sports), protos in by_ports.items():
        sp = {"protocols": tuple(sorted(protos)), "dst_ports": drs}
        if sports:
            sp["src_ports"] = sports
        specs.append(sp)
    if icmp:
        if any(t is None for t, _ in icmp):
            whole.add(PROTO_ICMP)
        else:
            for t, c in dict.fromkeys(icmp):
                sp = {"protocols": (PROTO_ICMP,), "icmp_type": t}
                if c is not None:
                    sp["icmp_code"] = c
                specs.append(sp)
    if whole:
        specs.append({"protocols": tuple(sorted(whole))})
    return specs


def _and_vip(sp: dict, vip: Vip) -> dict | None:
    """A service spec restricted to a port-forwarding VIP's protocol and mapped ports."""
    protos = sp.get("protocols")
    if protos is not None and vip.protocol not in protos:
        return None
    out = {"protocols": (vip.protocol,)}
    if "src_ports" in sp:
        out["src_ports"] = sp["src_ports"]
    if vip.protocol == PROTO_ICMP:
        for k in ("icmp_type", "icmp_code"):
            if k in sp:
                out[k] = sp[k]
        return out
    mp = vip.mappedport
    drs = sp.get("dst_ports")
    if mp is None:
        if drs:
            out["dst_ports"] = drs
        return out
    if drs is None:
        out["dst_ports"] = (mp,)
        return out
    inter = [PortRange(max(r.lo, mp.lo), min(r.hi, mp.hi)) for r in drs
             if max(r.lo, mp.lo) <= min(r.hi, mp.hi)]
    if not inter:
        return None
    out["dst_ports"] = tuple(inter)
    return out


def _iface_overlap(a, b) -> bool:
    if a is None or b is None:
        return True
    return bool(a & b)


def _intersect(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return a & b


def _pat_overlaps(p: AddrMatch, lo: int, hi: int) -> bool:
    if p.is_any:
        return True
    w = p.wildcard
    if (w + 1) & w:                     # non-contiguous wildcard: be conservative
        return True
    plo, phi = p.value & ~w & 0xFFFFFFFF, (p.value & ~w & 0xFFFFFFFF) | w
    return plo <= hi and lo <= phi


def _dst_overlap(m: Match, vip: Vip) -> bool:
    if m.dst is None or m.dst_negate:
        return True
    return any(_pat_overlaps(p, lo, hi) for p in m.dst for lo, hi in vip.mapped + vip.ext)


def _addr_in(ip: int, pats, negate: bool) -> bool:
    if pats is None:
        return not negate
    hit = any((ip & ~p.wildcard & 0xFFFFFFFF) == (p.value & ~p.wildcard & 0xFFFFFFFF) for p in pats)
    return hit != negate


def _lines_overlap(a: FilterLine, b: FilterLine) -> bool:
    return any(_iface_overlap(x.in_ifaces, y.in_ifaces) and _iface_overlap(x.out_ifaces, y.out_ifaces)
               for x in a.matches for y in b.matches)


def _is_nat(line: FilterLine, nat_lines) -> bool:
    return any(l is line for _, l, _, _, _ in nat_lines)


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
                m = Match(src=vip.src_filter, dst=dst, protocols=protos,
                          dst_ports=(eport,) if eport is not None else None)
                rules.append(NatRule("destination", m, to_ip=to_ip,
                                     to_port=to_port if vip.portforward else None,
                                     in_ifaces=in_set, source=src, partial=vip.partial))
    return rules


def _trust(admins: list[dict]):
    """Trusted-host prefixes [(IPNetwork, Src)] if every administrator has some, else None."""
    if not admins or not all(a["restricted"] for a in admins):
        return None
    out: list[tuple[IPNetwork, Src]] = []
    for a in admins:
        for net, src in a["trusthosts"]:
            if any(net in o for o, _ in out):
                continue
            out = [(o, s) for o, s in out if o not in net]
            out.append((net, src))
    return out


# --------------------------------------------------------------------------- citations

_LIST_SHOWN = 3         # names shown per list in a policy summary; the rest are counted
_SUMMARY_MAX = 300      # characters


def _policy_head(e: Entry) -> str:
    """``policy 13 "LAN-to-WAN"`` (``policy 13`` when the policy has no name)."""
    name = e.first("name")
    return f'policy {e.name} "{name}"' if name else f"policy {e.name}"


def _names(values: list[str] | None) -> str:
    if not values:
        return "-"
    shown = " ".join(f'"{v}"' for v in values[:_LIST_SHOWN])
    more = len(values) - _LIST_SHOWN
    return f"{shown} … (+{more})" if more > 0 else shown


def policy_summary(e: Entry) -> str:
    """One line saying what a firewall policy does, names as written in the config:
    ``policy 13 "LAN-to-WAN": srcintf "lan" → dstintf "wan1", srcaddr "all", dstaddr
    "all", service "ALL", action accept, nat enable``."""
    text = (f"{_policy_head(e)}: srcintf {_names(e.get('srcintf'))} → dstintf {_names(e.get('dstintf'))}, "
            f"srcaddr {_names(e.get('srcaddr'))}, dstaddr {_names(e.get('dstaddr'))}, "
            f"service {_names(e.get('service'))}, action {e.low('action', 'deny')}")
    if e.low("nat", "disable") == "enable":
        text += ", nat enable"
    return text if len(text) <= _SUMMARY_MAX else text[: _SUMMARY_MAX - 1] + "…"


def policy_src(edit: Src, e: Entry) -> Src:
    """The citation of a policy: its ``edit N`` line, the text the policy as a whole
    (a witness then shows what let the packet through, not ``edit 13``)."""
    return Src(edit.file, edit.line, policy_summary(e))
