"""Restrictions of the router's own services to the management zone: zone inputs, rules of
netaudit's own, IPv6 control, what the change keeps and closes."""

from __future__ import annotations

from netaddr import IPNetwork, IPSet

from ...headerspace import service_match
from ...model import (
    PROTO_ICMP,
    PROTO_TCP,
    PROTO_UDP,
    VPN_ENDPOINTS,
    Match,
    PortRange,
)
from ...policy import services_packets
from ..addresses import behind
from .change import (
    PROTO_WORD,
    TAG,
    _match_options,
    _ports_text,
    _restrict_key,
    _restrict_match,
    _svc_key,
    _svc_match,
    safe_name,
)
from .context import Ctx, FwZone, Model


def _device_kind(ctx: Ctx, name: str) -> str:
    """``mgmt`` when only management subnets sit behind the interface, ``mixed`` when
    some do, else ``other``."""
    if not ctx.mgmt:
        return "other"
    mgmt = IPSet(ctx.mgmt)
    arriving = behind(ctx.before.dev, name)
    if IPNetwork("0.0.0.0/0") in list(arriving.iter_cidrs()) or not arriving:
        return "other"
    if arriving <= mgmt:
        return "mgmt"
    return "mixed" if arriving & mgmt else "other"


def _restricted(ctx: Ctx, zone: FwZone | None):
    """The packets of the restricted services that must not reach the router from
    ``zone`` (None: a ``src '*'`` rule): every restricted service from an ordinary zone,
    the limited ones only from outside the management subnets where the zone holds them,
    and only the services turned off (with no switch of their own) from a management zone."""
    hs = ctx.hs
    mgmt_src = ctx.src_set(ctx.mgmt)
    u = hs.false
    for r in ctx.plan.restricts:
        if _restrict_key(r) in ctx.off:
            continue  # off in the service itself: nothing listens any more
        pk = hs.match(_restrict_match(r))
        limited = bool(r.allow_from)
        if zone is not None and zone.kind == "mgmt":
            if limited:
                continue
        elif limited and (zone is None or zone.kind == "mixed"):
            pk &= ~mgmt_src
        u |= pk
    return u


def _services_packets(ctx: Ctx):
    u = ctx.hs.false
    for r in ctx.plan.restricts:
        if _restrict_key(r) not in ctx.off:
            u |= ctx.hs.match(_restrict_match(r))
    return u


def _zone_inputs(ctx: Ctx) -> None:
    """Zones reaching a restricted service with ``input 'ACCEPT'``: ``REJECT``; input
    accept rules that open restricted services only: disabled."""
    before, ch, hs = ctx.before, ctx.ch, ctx.hs
    for z in before.zones.values():
        rz = _restricted(ctx, z)
        if rz == hs.false or z.kind == "mgmt":
            continue
        if not any(before.permits("input", i, None, rz) != hs.false for i in z.devices):
            continue
        if z.input == "accept":
            ch.set(z.sec, "input", "REJECT", f"zone {z.name}: the router's services closed (input REJECT)")
            ctx.switched.append(z.name)
            _ipv6_control(ctx, z)
            if z.kind == "mixed":
                # from the management interface(s) only: a host of another interface of the
                # zone cannot get in by forging a management source address
                doors: list[str | None] = [d for d in z.devices if _device_kind(ctx, d) == "mgmt"] or [None]
                for door in doors:
                    ch.add_rule(
                        f"{safe_name(z.name)}_mgmt_in",
                        [
                            ("name", [f"{TAG}: {z.name}: management network to the router"]),
                            ("src", [z.name]),
                            *([("device", [door])] if door else []),
                            ("src_ip", [str(n) for n in ctx.mgmt]),
                            ("proto", ["all"]),
                            ("target", ["ACCEPT"]),
                        ],
                        f"zone {z.name}: the management network keeps every service of the router",
                        top=False,
                    )
    services = _services_packets(ctx)
    for s in ctx.doc.sections("firewall", "rule"):
        if not s.flag("enabled", True) or s.get("dest") is not None or s.get("src") is None:
            continue
        if (s.get("target") or "").lower() != "accept":
            continue
        src = s.get("src") or ""
        zone = before.zones.get(src) if src != "*" else None
        if src != "*" and zone is None:
            continue
        pk = before.rule_packets("input", s)
        if pk == hs.false or (pk & _restricted(ctx, zone)) == hs.false:
            continue
        if (pk & ~services) == hs.false:
            label = s.get("name") or s.name
            ch.set(
                s, "enabled", "0", f"rule '{label}' opened restricted services of the router to zone {src}: disabled"
            )


# ICMPv6 a zone's hosts need to reach the router for IPv6 to work at all (neighbour and
# router discovery, errors; OpenWrt's own Allow-ICMPv6-Input set without echo): fw4
# accepts none of it by itself once a zone's input is REJECT (docs/remedy.md).
ICMPV6_CONTROL = [
    "destination-unreachable",
    "packet-too-big",
    "time-exceeded",
    "bad-header",
    "unknown-header-type",
    "router-solicitation",
    "neighbour-solicitation",
    "router-advertisement",
    "neighbour-advertisement",
]


def _has_ipv6(ctx: Ctx, z) -> bool:
    """Whether a network of the zone serves IPv6 (a delegated or static prefix, or RA /
    DHCPv6 of its dhcp section)."""
    nets = {w for v in z.sec.values("network") for w in v.split()}
    for sec in ctx.doc.sections("network", "interface"):
        if sec.name in nets and (sec.get("ip6assign") or sec.get("ip6addr") or sec.get("ip6prefix")):
            return True
    for sec in ctx.doc.sections("dhcp", "dhcp"):
        if sec.get("interface") in nets and {(sec.get("ra") or ""), (sec.get("dhcpv6") or "")} & IPV6_SERVED:
            return True
    return False


IPV6_SERVED = {"server", "relay", "hybrid"}


def _ipv6_control(ctx: Ctx, z) -> None:
    """A zone switched to ``input 'REJECT'`` whose networks serve IPv6: neighbour discovery,
    router solicitation and DHCPv6 to the router still accepted — the audit reads IPv4
    only, so the proof could not see IPv6 stop working on the zone's networks."""
    if not _has_ipv6(ctx, z):
        return
    ctx.ch.add_rule(
        f"{safe_name(z.name)}_icmpv6",
        [
            ("name", [f"{TAG}: {z.name}: IPv6 neighbour discovery and errors to the router"]),
            ("src", [z.name]),
            ("proto", ["icmp"]),
            ("icmp_type", list(ICMPV6_CONTROL)),
            ("family", ["ipv6"]),
            ("target", ["ACCEPT"]),
        ],
        f"zone {z.name}: IPv6 neighbour discovery still accepted (IPv6 is not audited)",
        top=False,
    )
    ctx.ch.add_rule(
        f"{safe_name(z.name)}_dhcpv6",
        [
            ("name", [f"{TAG}: {z.name}: DHCPv6 (udp/547) to the router"]),
            ("src", [z.name]),
            ("proto", ["udp"]),
            ("dest_port", ["547"]),
            ("family", ["ipv6"]),
            ("target", ["ACCEPT"]),
        ],
        f"zone {z.name}: DHCPv6 to the router still accepted (IPv6 is not audited)",
        top=False,
    )


def _kept_and_residual(ctx: Ctx, after: Model) -> None:
    """After the zone inputs changed: rules accepting the router services a switched zone
    still needs (they flowed before, the policy allows them); rejects at the top for
    restricted services still reached."""
    before, hs, ch = ctx.before, ctx.hs, ctx.ch
    restricted = {_restrict_key(r) for r in ctx.plan.restricts}
    edge = services_packets(hs, ctx.plan.edge_services)
    for zname in ctx.switched:
        z = before.zones[zname]
        for svc in before.dev.services:
            if not svc.enabled or _svc_key(svc) in restricted:
                continue
            m = _svc_match(svc)
            pk = hs.match(m)
            if z.outside and svc.name not in VPN_ENDPOINTS and not hs.within(pk, edge):
                continue  # toward the Internet only the VPN endpoint: DNS there is an open resolver
            lost = False
            for i in z.devices:
                if svc.interfaces is not None and i not in svc.interfaces:
                    continue
                # from the hosts behind the interface (a management-only accept must not hide it)
                real = pk & ctx.src_set(list(behind(before.dev, i).iter_cidrs()))
                if before.permits("input", i, None, real) & ~after.permits("input", i, None, real) != hs.false:
                    lost = True
            if not lost:
                continue
            label = svc.name if svc.protocol != PROTO_ICMP else "ping"
            what = f"{PROTO_WORD.get(svc.protocol, svc.protocol)}" + (f"/{_ports_text(svc.ports)}" if svc.ports else "")
            ch.add_rule(
                f"{safe_name(zname)}_{safe_name(label)}_{PROTO_WORD.get(svc.protocol, 'p')}",
                [
                    ("name", [f"{TAG}: {zname}: {label} ({what}) to the router"]),
                    ("src", [zname]),
                    *_match_options(m),
                    ("target", ["ACCEPT"]),
                ],
                f"zone {zname}: {label} to the router still accepted (the policy allows it)",
                top=False,
            )
    for zname in ctx.switched:
        _dhcp_renew(ctx, before.zones[zname], after)
    for z in after.zones.values():
        if z.kind == "mgmt":
            continue
        for r in ctx.plan.restricts:
            if _restrict_key(r) in ctx.off:
                continue
            m = _restrict_match(r)
            if z.kind != "mixed" or not r.allow_from:
                doors: list[tuple[str | None, bool]] = [(None, False)]
            else:
                # a zone holding the management network: refused on its other interfaces
                # (named, no source address to forge), from other sources where one mixes both
                kinds = {d: _device_kind(ctx, d) for d in z.devices}
                doors = [(d, k == "mixed") for d, k in kinds.items() if k != "mgmt"]
            for door, not_mgmt in doors:
                pk = hs.match(m)
                ins = z.devices if door is None else [door]
                if not_mgmt:
                    pk &= ~ctx.src_set(ctx.mgmt)
                if not any(after.permits("input", i, None, pk) != hs.false for i in ins):
                    continue
                opts: list[tuple[str, list[str]]] = [
                    ("name", [f"{TAG}: {z.name}: {r.service} to the router refused"]),
                    ("src", [z.name]),
                ]
                if door is not None:
                    opts.append(("device", [door]))
                if not_mgmt:
                    opts.append(("src_ip", [f"!{n}" for n in ctx.mgmt]))
                opts += [*_match_options(m), ("target", ["REJECT"])]
                ch.add_rule(
                    f"{safe_name(z.name)}_{safe_name(r.service)}_reject",
                    opts,
                    f"zone {z.name}: {r.service} to the router refused (management only)",
                )


def _closes(ctx: Ctx, after: Model) -> None:
    """Gateway services that answered the Internet (plan.EdgeClose, an open resolver) and
    still do with the change so far (a zone switched to ``input 'REJECT'`` no longer
    accepts them there): a ``DROP`` rule at the top — ``src`` the zone the Internet enters
    by, ``device`` when that zone has other interfaces too, tcp and udp of one port in one
    rule, no ``family`` (fw4 applies it to IPv4 and IPv6).  An accept rule it makes dead
    (``Allow-DNS-WAN``) is disabled by :func:`_dead_accepts`; the resolver (dnsmasq) keeps
    answering the inside zones."""
    hs = ctx.hs
    groups: dict[tuple[str, str | None, str], list[str]] = {}  # (zone, device, ports) -> protocols
    for c in ctx.plan.closes:
        m = service_match(c.service)
        if m.protocols is None or m.protocols[0] not in (PROTO_TCP, PROTO_UDP) or not m.dst_ports:
            continue
        pk = hs.match(m)
        for ifn in c.interfaces:
            z = after.zone_of(ifn)
            if z is None or after.permits("input", ifn, None, pk) == hs.false:
                continue
            device = ifn if any(d not in c.interfaces for d in z.devices) else None
            protos = groups.setdefault((z.name, device, _ports_text(m.dst_ports)), [])
            word = PROTO_WORD[m.protocols[0]]
            if word not in protos:
                protos.append(word)
    for (zone, device, ports), protos in groups.items():
        protos.sort(key=("tcp", "udp").index)
        what = f"{'/'.join(protos)} {ports}"
        ctx.ch.add_rule(
            f"{safe_name(zone)}_{safe_name(ports)}_drop",
            [
                ("name", [f"{TAG}: {zone}: {what} to the router from the Internet dropped"]),
                ("src", [zone]),
                *([("device", [device])] if device else []),
                ("proto", [" ".join(protos)]),
                ("dest_port", [ports]),
                ("target", ["DROP"]),
            ],
            f"zone {zone}: {what} to the router dropped (an open resolver: the inside zones keep it)",
        )


def _dhcp_renew(ctx: Ctx, z: FwZone, after: Model) -> None:
    """A zone switched to REJECT whose network gets its address by DHCP keeps the
    router's lease renewals (replies to udp/68, OpenWrt's default Allow-DHCP-Renew)."""
    hs = ctx.hs
    dhcp = {n for n, lg in ctx.before.st.logical.items() if lg.proto == "dhcp" and not lg.disabled}
    nets = set(z.sec.values("network")) & dhcp
    if not nets:
        return
    renew = hs.match(Match(protocols=(PROTO_UDP,), dst_ports=(PortRange(68, 68),)))
    doors = [d for n in sorted(nets) for d in ctx.before.st.l3_names(n)]
    if all(after.permits("input", d, None, renew) != hs.false for d in doors):
        return
    ctx.ch.add_rule(
        f"{safe_name(z.name)}_dhcp_renew",
        [
            ("name", [f"{TAG}: {z.name}: DHCP renew (udp/68)"]),
            ("src", [z.name]),
            ("proto", ["udp"]),
            ("dest_port", ["68"]),
            ("family", ["ipv4"]),
            ("target", ["ACCEPT"]),
        ],
        f"zone {z.name}: the router's DHCP lease renewals still accepted",
        top=False,
    )
