"""FortiOS firewall policies of one VDOM → the ordered forward filter ``firewall-policy``.

One first-match line per policy in file order (after every ``move``), the implicit deny
as the default, ``intrazone allow`` after all policies; ``srcintf``/``dstintf`` with
zones and SD-WAN zones expanded; addresses and services resolved exactly or as a
partial superset; a policy naming a VIP matched on the VIP's mapped address and port
(the engine translates at ingress, :mod:`.nat`).  Each line is cited by its ``edit N``
line with the policy summed up as its text (:func:`policy_summary`).
See docs/vendors/fortinet_fortios.md, "Policies".
"""

from __future__ import annotations

from functools import lru_cache
from typing import cast

from netaudit.messages import Text
from netaudit.model import PROTO_ICMP, Action, AddrMatch, Filter, FilterLine, Match, PortRange, Src
from netaudit.parsers.base import EVERY_MATCH_STATE, evolve, from_state, join_reasons
from netaudit.parsers.fortinet_fortios.addresses import parse_prefix
from netaudit.parsers.fortinet_fortios.facts import Policy
from netaudit.parsers.fortinet_fortios.nat import Vip, iface_overlap
from netaudit.parsers.fortinet_fortios.services import Piece, is_all
from netaudit.parsers.fortinet_fortios.state import (
    ANY,
    FORWARD_FILTER,
    IMPLICIT_DENY,
    SERVICE_NEGATE,
    VdomState,
    not_understood,
    settings_unread,
)
from netaudit.parsers.fortinet_fortios.tables import (
    POLICY_IGNORED,
    POLICY_IGNORED_PREFIXES,
    POLICY_IGNORED_SUFFIXES,
)
from netaudit.parsers.fortinet_fortios.tree import IGNORE, UNRECOGNIZED, Entry

# Policy settings that narrow what it matches in ways the model does not express: (key,
# the value that does — None: any but 0/disable —, why the policy is then partial).
_NARROWING: tuple[tuple[str, str | None, Text], ...] = (
    ("ztna-status", "enable", Text("input.fortios.narrow_ztna")),
    ("policy-expiry", "enable", Text("input.fortios.narrow_expiry")),
    ("learning-mode", "enable", Text("input.fortios.narrow_learning")),
    ("wccp", "enable", Text("input.fortios.narrow_wccp")),
    ("http-policy-redirect", "enable", Text("input.fortios.narrow_http_redirect")),
    ("ssh-policy-redirect", "enable", Text("input.fortios.narrow_ssh_redirect")),
    ("nat46", "enable", Text("input.fortios.narrow_nat46")),
    ("nat64", "enable", Text("input.fortios.narrow_nat64")),
    ("reputation-minimum", None, Text("input.fortios.narrow_reputation")),
    ("src-vendor-mac", None, Text("input.fortios.narrow_vendor_mac")),
    ("application", None, Text("input.fortios.narrow_application")),
    ("app-category", None, Text("input.fortios.narrow_app_category")),
    ("url-category", None, Text("input.fortios.narrow_url_category")),
    ("app-group", None, Text("input.fortios.narrow_app_group")),
    ("ztna-ems-tag", None, Text("input.fortios.narrow_ztna_tags")),
    ("webproxy-forward-server", None, Text("input.fortios.narrow_forward_server")),
)

# Reasons every policy of that kind gives (one text each, not one per policy).
_ACTION_IPSEC = Text("input.fortios.action_ipsec")
_ISDB_DESTINATIONS = Text("input.fortios.isdb_destinations")
_ISDB_SOURCES = Text("input.fortios.isdb_sources")
_DSTADDR_NEGATE_VIP = Text("input.fortios.dstaddr_negate_vip")


# Policies repeat a few schedules and user groups: one text each (a text costs a rendering).
@lru_cache(maxsize=1024)
def _schedule(name: str) -> Text:
    """Why a policy with ``set schedule NAME`` (not "always") is partial."""
    return Text("input.fortios.schedule", name=name)


@lru_cache(maxsize=1024)
def _identity(names: str) -> Text:
    """Why a policy for users or groups ``names`` is partial."""
    return Text("input.fortios.identity_policy", names=names)


class Policies(VdomState):
    """The forward filter of one VDOM, and the address and service resolution of a policy."""

    def _addr_side(self, e: Entry, key: str, negate: bool, dst: bool):
        """(pats or None, negate, reasons, vips) for srcaddr/dstaddr."""
        v = self.v
        names = e.get(key) or []
        known: list[AddrMatch] = []
        any_flag = False
        reasons: list[str] = []
        vips: list[Vip] = []
        rblk = self.block_of("firewall address")
        gblk = self.block_of("firewall addrgrp")
        for n in names:
            if dst and (n in v.vips or n in v.vipgrps):
                for vn in [n] if n in v.vips else v.vipgrps[n]:
                    if vn in v.vips:
                        vips.append(v.vips[vn])
                    else:
                        reasons.append(Text("input.fortios.vip_undefined", name=vn))
                        self.ref("vip", vn, self.p.set_src(e, key))
                continue
            name = _alias(n, e.settings.get(key), rblk, gblk)
            o = self.addr.resolve(name)
            if o.unknown:
                reasons.append(o.unknown)
                if not self.addr.defined(name):
                    self.ref("address", n, self.p.set_src(e, key))
            elif o.pats is None:
                any_flag = True
            else:
                known.extend(o.pats)
        if not names or (vips and len(vips) == len(names) and not known and not any_flag and not reasons):
            return None, False, reasons, vips
        if not negate:
            pats = None if any_flag or reasons else tuple(known)
            return pats, False, reasons, vips
        if any_flag:
            return (ANY,), True, [], vips
        return tuple(known), True, reasons, vips

    def _svc_list(self, e: Entry, key: str = "service"):
        names = e.get(key) or []
        pieces: list[Piece] = []
        reasons: list[str] = []
        sblk = self.block_of("firewall service custom")
        gblk = self.block_of("firewall service group")
        for n in names:
            name = _alias(n, e.settings.get(key), sblk, gblk)
            o = self.svc.resolve(name)
            if o.unknown:
                reasons.append(o.unknown)
                if not self.svc.defined(name):
                    self.ref("service", n, self.p.set_src(e, key))
            pieces.extend(o.pieces)
        return pieces, reasons

    def _policies(self) -> None:
        v, dev, p = self.v, self.dev, self.p
        flt = Filter(FORWARD_FILTER, kind="policy", default_action=Action.DENY, default_text=IMPLICIT_DENY)
        blk = self.block_of("firewall policy")
        if blk is not None:
            flt.source = self.src(blk.config_line)
        self.filter = flt
        dev.filters[FORWARD_FILTER] = flt
        dev.forward_filter = FORWARD_FILTER
        info = self.facts.policies
        # service list -> (pieces, Match keyword sets), for lists without a renamed service
        self._svc_memo: dict[tuple[str, ...], tuple[list[Piece], list[dict]]] = {}
        self._svc_plain = not any(
            b is not None and b.renamed
            for b in (self.block_of("firewall service custom"), self.block_of("firewall service group"))
        )
        for ifn in self.dev.interfaces:
            rec = p.ifs.get(ifn)
            if rec is not None and rec.dedicated is not None and not rec.shutdown:
                # A dedicated management interface is in a VDOM of its own, which no
                # firewall policy names (not even through "any"): nothing is forwarded
                # to or from it, translated by a VIP or not (docs/vendors/fortinet_fortios.md).
                one = frozenset({ifn})
                self.match_vip.add(len(flt.lines))
                flt.lines.append(
                    FilterLine(
                        Action.DENY,
                        [Match(in_ifaces=one), Match(out_ifaces=one)],
                        rec.dedicated,
                        name=f"dedicated management {ifn}",
                    )
                )
        for e in self.entries("firewall policy"):
            try:
                self._policy(e, flt, info)
            except Exception as exc:
                src = self.src(e.edit_line)
                flt.lines.append(
                    FilterLine(
                        Action.PERMIT,
                        [Match()],
                        src,
                        name=e.name,
                        partial=Text("input.fortios.policy_unread", error=type(exc).__name__),
                    )
                )
                p.partial(f"policy {e.name}", not_understood(f"{type(exc).__name__}: {exc}"), src)
        # intrazone allow: the zone's default action, after every policy
        for zname, (members, intrazone, zsrc, isrc) in v.zones.items():
            if intrazone == "allow" and members:
                ms = frozenset(members)
                flt.lines.extend(
                    self._auth_split(
                        FilterLine(
                            Action.PERMIT,
                            [Match(in_ifaces=ms, out_ifaces=ms)],
                            isrc or zsrc,
                            name=f"intrazone {zname}",
                        )
                    )
                )
        if v.blocks.get("_ngfw_policies"):
            flt.partial = Text("input.fortios.ngfw_policy_mode")
            p.partial(
                "config firewall security-policy", flt.partial, self.src(v.blocks["_ngfw_policies"][0].config_line)
            )
        self._vip_deny_interplay()

    def _policy(self, e: Entry, flt: Filter, info: list[Policy]) -> None:
        p, v = self.p, self.v
        if e.low("status", "enable") == "disable":
            e.leftover(ignore_prefixes=("",))
            for c in e.children.values():
                c.disp = IGNORE
            return
        action_word = e.low("action", "deny")
        # Cited as a whole: the `edit N` line, with the policy in one sentence.
        src = policy_src(p.file, e)
        reasons: list[str] = []
        if action_word == "accept":
            action = Action.PERMIT
        elif action_word == "deny":
            action = Action.DENY
        elif action_word == "ipsec":
            action = Action.PERMIT
            reasons.append(_ACTION_IPSEC)
        else:
            action = Action.PERMIT
            e.mark("action", UNRECOGNIZED)
            reasons.append(Text("input.fortios.action_unread", action=action_word))
        # consolidated IPv4/IPv6 policy with IPv6 addresses only: no IPv4 packet matches
        if not e.has("srcaddr") and not e.has("dstaddr") and (e.has("srcaddr6") or e.has("dstaddr6")):
            e.leftover(ignore_prefixes=("",))
            return
        # An Internet Service (ISDB) entry stands for the destinations and the services,
        # a source one for the sources: FortiOS wants no dstaddr/service (srcaddr) then.
        isdb = e.low("internet-service", "disable") == "enable"
        isdb_src = e.low("internet-service-src", "disable") == "enable"
        required = (
            ("srcintf", "dstintf") + (() if isdb_src else ("srcaddr",)) + (() if isdb else ("dstaddr", "service"))
        )
        missing = [k for k in required if not e.get(k)]
        if missing and action_word != "ipsec":
            reasons.append(Text("input.fortios.policy_lacks", settings=", ".join(missing)))
        ins = self.expand_setting(e, "srcintf")
        outs = self.expand_setting(e, "dstintf")
        sneg = e.low("srcaddr-negate", "disable") == "enable"
        dneg = e.low("dstaddr-negate", "disable") == "enable"
        spats, sneg, sreasons, _ = self._addr_side(e, "srcaddr", sneg, False)
        dpats, dneg, dreasons, vips = self._addr_side(e, "dstaddr", dneg, True)
        reasons += sreasons + dreasons
        # A service list read before (policies repeat a few: the bench's 700 name 200) gives
        # its pieces and Match keyword sets without resolving its names or hashing its
        # pieces again; only a list whose names all resolve, with no renamed service
        # (whose meaning depends on the policy's line), is remembered.
        svc_names = e.get("service")
        svc_key = tuple(svc_names) if svc_names and self._svc_plain else None
        known = self._svc_memo.get(svc_key) if svc_key is not None else None
        specs: list[dict] | None = None
        if known is not None:
            pieces, specs = known
            svc_reasons = []
        else:
            pieces, svc_reasons = self._svc_list(e)
            if svc_key is not None and not svc_reasons:
                specs = match_specs(pieces)
                self._svc_memo[svc_key] = (pieces, specs)
        reasons += svc_reasons
        if e.low("service-negate", "disable") == "enable":
            reasons.append(SERVICE_NEGATE)
            pieces = [Piece(None)]
            specs = None
        if e.low("internet-service", "disable") == "enable":
            reasons.append(_ISDB_DESTINATIONS)
            for k in (
                "internet-service-name",
                "internet-service-id",
                "internet-service-group",
                "internet-service-custom",
                "internet-service-custom-group",
                "internet-service-negate",
            ):
                e.get(k)
            dpats, dneg, vips = None, False, []
        else:
            e.mark("internet-service-name")
            e.mark("internet-service-id")
        if e.low("internet-service-src", "disable") == "enable":
            reasons.append(_ISDB_SOURCES)
            for k in (
                "internet-service-src-name",
                "internet-service-src-id",
                "internet-service-src-group",
                "internet-service-src-custom",
                "internet-service-src-custom-group",
                "internet-service-src-negate",
            ):
                e.get(k)
            spats, sneg = None, False
        sched = e.first("schedule", "always")
        if sched != "always":
            reasons.append(_schedule(sched))
            if sched not in v.schedules:
                self.ref("schedule", sched, p.set_src(e, "schedule"))
        ids = [n for k in ("users", "groups", "fsso-groups") for n in (e.get(k) or [])]
        if ids:
            reasons.append(_identity(", ".join(ids)))
        settings = e.settings
        for key, value, why in _NARROWING:
            if key not in settings:
                continue  # most policies set none of these: no lookup of each
            val = e.low(key)
            if val is not None and (value is None or val == value) and val not in ("0", "disable"):
                reasons.append(why)
        if e.low("match-vip", "disable") == "enable":
            self.match_vip.add(len(flt.lines))
        if specs is None:
            specs = match_specs(pieces)
        matches: list[Match] = []
        dst_names = e.get("dstaddr") or []
        plain_dst = [n for n in dst_names if n not in v.vips and n not in v.vipgrps]
        if plain_dst or not dst_names or not vips:
            base = EVERY_MATCH_STATE.copy()  # every key already there: set in field order
            base["src"], base["dst"], base["src_negate"], base["dst_negate"] = spats, dpats, sneg, dneg
            base["in_ifaces"], base["out_ifaces"] = ins, outs
            for sp in specs:
                state = base.copy()
                state.update(sp)  # (the spec's fields keep their places: field order still)
                matches.append(from_state(Match, state))
        vip_uses = []
        for vip in vips:
            if dneg:
                reasons.append(_DSTADDR_NEGATE_VIP)
            if vip.partial:
                reasons.append(Text("input.at", where=f"VIP {vip.name}", what=vip.partial))
            mapped = vip.mapped_pats()
            if not mapped:
                continue
            for sp in specs:
                sp2 = _and_vip(sp, vip) if vip.portforward else sp
                if sp2 is None:
                    continue
                matches.append(Match(src=spats, dst=mapped, src_negate=sneg, in_ifaces=ins, out_ifaces=outs, **sp2))
            vip_uses.append(vip)
            if action == Action.PERMIT:
                prev = v.vip_users.get(vip.name, frozenset())
                v.vip_users[vip.name] = None if (prev is None or ins is None) else prev | ins
        reason = join_reasons(list(dict.fromkeys(reasons))) or None
        line = FilterLine(action, matches, src, name=e.name, partial=reason)
        if reason:
            p.partial(f"policy {e.name}", reason, src)
        parts = self._auth_split(line)
        at = len(flt.lines)
        flt.lines.extend(parts)
        if vip_uses:
            for offset in range(len(parts)):
                self.line_vips[at + offset] = vip_uses
        nat = e.low("nat", "disable") == "enable" and action_word == "accept"
        pool = None
        if nat and e.low("ippool", "disable") == "enable":
            names = e.get("poolname") or []
            pool = names[0] if names else ""
        elif not nat:
            e.mark("ippool")
            e.mark("poolname")
        if nat:
            natip = parse_prefix(e.get("natip"))
            nat_src = self.p.set_src(e, "nat")
            if nat_src is not None:  # the NAT line names its policy
                nat_src = Src(nat_src.file, nat_src.line, f"{_policy_head(e)}: {nat_src.text}")
            for offset, part in enumerate(parts):
                self.nat_lines.append((at + offset, part, pool, natip, nat_src or src))
        info.append(
            Policy(
                id=e.name,
                source=src,
                action=action_word or "",
                srcintf=list(e.get("srcintf") or []),
                dstintf=list(e.get("dstintf") or []),
                in_ifaces=sorted(ins) if ins is not None else None,
                out_ifaces=sorted(outs) if outs is not None else None,
                all_src=spats is None and not sneg and not sreasons,
                all_dst=dpats is None and not dneg and not vips and not dreasons,
                all_service=is_all(pieces) and not svc_reasons,
                partial=parts[0].partial,
            )
        )
        for c in e.children.values():
            c.disp = IGNORE
        unknown = e.leftover(POLICY_IGNORED, POLICY_IGNORED_PREFIXES, POLICY_IGNORED_SUFFIXES)
        if unknown:
            extra = settings_unread(unknown)
            for part in parts:
                part.partial = join_reasons((part.partial, extra))
            p.partial(f"policy {e.name}", extra, src)

    def _auth_split(self, line: FilterLine) -> list[FilterLine]:
        """An accept line as it applies: the traffic it takes from an interface that
        authenticates its users first (captive portal, 802.1X: ``auth_ifaces``) passes
        only once they logged in — partial, the "authenticated users only" of ``set
        groups``.  A line that also takes other interfaces' traffic (``srcintf "any"``,
        several srcintf) is split in two lines with disjoint ingress interfaces, the exact
        one first: first match is unchanged, and the other interfaces stay certain."""
        auth = self.auth_ifaces
        if line.action != Action.PERMIT or not auth:
            return [line]
        exact: list[Match] = []
        gated: list[Match] = []
        hit_all: set[str] = set()
        for m in line.matches:
            ins = m.in_ifaces if m.in_ifaces is not None else self.all_ifaces
            hit = ins & auth.keys()
            if not hit:
                exact.append(m)
                continue
            hit_all |= hit
            if ins - hit:
                exact.append(evolve(m, in_ifaces=frozenset(ins - hit)))
            gated.append(evolve(m, in_ifaces=frozenset(hit)))
        if not gated:
            return [line]
        why = join_reasons([auth[n] for n in sorted(hit_all)])
        partial = join_reasons((line.partial, why))
        self.p.partial(f"policy {line.name}", why, line.source)
        if not exact:
            line.partial = partial
            return [line]
        line.matches = exact
        return [line, FilterLine(Action.PERMIT, gated, line.source, name=line.name, partial=partial)]

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
            later = [
                (j, vip) for j, vs in self.line_vips.items() if j > i and lines[j].action == Action.PERMIT for vip in vs
            ]
            hit = []
            for _j, vip in later:
                users = self.v.vip_users.get(vip.name, frozenset())
                if any(iface_overlap(m.in_ifaces, users) and _dst_overlap(m, vip) for m in line.matches):
                    hit.append(vip.name)
            if hit:
                line.partial = Text("input.fortios.deny_without_match_vip", vips=", ".join(dict.fromkeys(hit)))
                self.p.partial(f"policy {line.name}", line.partial, line.source)


# --------------------------------------------------------------------------- helpers


def _alias(name: str, setting, *blocks) -> str:
    """A name renamed after it was referenced keeps pointing at the renamed object."""
    for blk in blocks:
        if blk is None or name not in blk.renamed:
            continue
        new, line = blk.renamed[name]
        if setting is not None and setting.lines and setting.lines[0] < line:
            return new
    return name


def _merge_ranges(rs) -> tuple[PortRange, ...]:
    out: list[list[int]] = []
    for r in sorted(rs, key=lambda r: (r.lo, r.hi)):
        if out and r.lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], r.hi)
        else:
            out.append([r.lo, r.hi])
    return tuple(PortRange(a, b) for a, b in out)


def match_specs(pieces: list[Piece]) -> list[dict]:
    """Service pieces → Match keyword sets (as few as the protocols allow).  The sets are
    shared between the policies naming the same services: read them, never change them."""
    return list(_match_specs(tuple(pieces)))


@lru_cache(maxsize=4096)  # policies repeat a few service lists: 1 µs to look up, 6 µs to build
def _match_specs(pieces: tuple[Piece, ...]) -> tuple[dict, ...]:
    if not pieces:
        return ()
    if any(p.proto is None for p in pieces):
        return ({},)
    ported: dict[tuple, list[PortRange]] = {}
    icmp: list[tuple] = []
    whole: set[int] = set()
    for p in pieces:
        if p.proto == PROTO_ICMP:
            icmp.append((p.icmp_type, p.icmp_code))
        elif p.dports is not None:
            ported.setdefault((p.proto, p.sports), []).extend(p.dports)
        else:
            whole.add(cast(int, p.proto))  # a piece without protocol returned ({},) above
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
    return tuple(specs)


def _and_vip(sp: dict, vip: Vip) -> dict | None:
    """A service spec restricted to a port-forwarding VIP's protocol and mapped ports."""
    protos = sp.get("protocols")
    if protos is not None and vip.protocol not in protos:
        return None
    out: dict = {"protocols": (vip.protocol,)}
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
    inter = [PortRange(max(r.lo, mp.lo), min(r.hi, mp.hi)) for r in drs if max(r.lo, mp.lo) <= min(r.hi, mp.hi)]
    if not inter:
        return None
    out["dst_ports"] = tuple(inter)
    return out


def _pat_overlaps(p: AddrMatch, lo: int, hi: int) -> bool:
    if p.is_any:
        return True
    w = p.wildcard
    if (w + 1) & w:  # non-contiguous wildcard: be conservative
        return True
    plo, phi = p.value & ~w & 0xFFFFFFFF, (p.value & ~w & 0xFFFFFFFF) | w
    return plo <= hi and lo <= phi


def _dst_overlap(m: Match, vip: Vip) -> bool:
    if m.dst is None or m.dst_negate:
        return True
    return any(_pat_overlaps(p, lo, hi) for p in m.dst for lo, hi in vip.mapped + vip.ext)


# --------------------------------------------------------------------------- citations

_LIST_SHOWN = 3  # names shown per list in a policy summary; the rest are counted
_SUMMARY_MAX = 300  # characters


def _policy_head(e: Entry) -> str:
    """``policy 13 "LAN-to-WAN"`` (``policy 13`` when the policy has no name)."""
    name = e.first("name")
    return f'policy {e.name} "{name}"' if name else f"policy {e.name}"


def _names(values: list[str] | None) -> str:
    if not values:
        return "-"
    if len(values) == 1:  # (most lists)
        return f'"{values[0]}"'
    shown = '"' + '" "'.join(values[:_LIST_SHOWN]) + '"'  # each name in quotes
    more = len(values) - _LIST_SHOWN
    return f"{shown} … (+{more})" if more > 0 else shown


def policy_summary(e: Entry) -> str:
    """One line saying what a firewall policy does, names as written in the config:
    ``policy 13 "LAN-to-WAN": srcintf "lan" → dstintf "wan1", srcaddr "all", dstaddr
    "all", service "ALL", action accept, nat enable``."""
    text = (
        f"{_policy_head(e)}: srcintf {_names(e.get('srcintf'))} → dstintf {_names(e.get('dstintf'))}, "
        f"srcaddr {_names(e.get('srcaddr'))}, dstaddr {_names(e.get('dstaddr'))}, "
        f"service {_names(e.get('service'))}, action {e.low('action', 'deny')}"
    )
    if e.low("nat", "disable") == "enable":
        text += ", nat enable"
    return text if len(text) <= _SUMMARY_MAX else text[: _SUMMARY_MAX - 1] + "…"


def policy_src(file: str, e: Entry) -> Src:
    """The citation of a policy: its ``edit N`` line, the text the policy as a whole
    (a witness then shows what let the packet through, not ``edit 13``)."""
    return Src(file, e.edit_line, policy_summary(e))
