"""``netaudit trace``: one flow from a zone to an address or zone, hop by hop."""

from __future__ import annotations

import re

from netaddr import AddrFormatError, IPNetwork

from .audit import prepare
from .headerspace import expand_services, service_match
from .messages import Text, error_text, render, t, with_text
from .model import InputError
from .reach import REACHABLE, Cell, unplaced_reason, witness_for
from .report import cite_loc, cite_text
from .secrets import Masker
from .zones import did_you_mean, zone_name


def _services(service: str) -> list[str]:
    """``--service`` as service strings (names such as ``smb`` expanded)."""
    try:
        return expand_services(service)
    except ValueError as e:
        raise InputError(Text("trace.error.service", error=error_text(e))) from None


def _ipv4(dst: str) -> IPNetwork | None:
    """``--to`` as an IPv4 address or prefix; None when it is none (then a zone name).
    IPv6 is refused, never folded into IPv4 (netaddr would give its low 32 bits)."""
    text = dst.strip()
    if ":" in text:
        try:
            IPNetwork(text)
        except (AddrFormatError, ValueError, TypeError):
            return None
        raise InputError(Text("trace.error.ipv6", dst=repr(dst)))
    if not re.fullmatch(r"[0-9]{1,3}(\.[0-9]{1,3}){3}(/[0-9]{1,2})?", text):
        return None
    try:
        net = IPNetwork(text)
    except (AddrFormatError, ValueError, TypeError):
        return None
    return net if net.version == 4 else None


def trace(paths, site_path, src: str, dst: str, service: str) -> dict:
    """Where the packets of one flow go: deliveries with witnesses, stops, unknowns.

    Bad arguments raise :class:`InputError` — the service and an address ``--to``
    before anything is read, zone names once the site is loaded."""
    services = _services(service)
    net = _ipv4(dst)
    snap, _site, _topo, _placed, engine, warnings = prepare(paths, site_path)
    hs = engine.hs
    src = zone_name(src)  # as the site file's names: NFC
    dst = zone_name(dst)
    if src not in engine.zones:
        hint = did_you_mean(src, engine.zones)
        raise InputError(Text("trace.error.from", src=repr(src), hint=hint, zones=", ".join(sorted(engine.zones))))
    if dst in engine.zone_addr:
        target = engine.zone_addr[dst]
    elif net is not None:
        target = hs.prefix("dst_ip", net)
    else:
        raise InputError(Text("trace.error.to", dst=repr(dst), hint=did_you_mean(dst, engine.zone_addr)))
    asked = hs.false
    for s in services:
        asked |= hs.match(service_match(s))
    # To a zone: every packet the zone sends, judged where it is delivered, as the matrix
    # does — a port forward's packets are addressed to the router, not to the zone, and
    # their service is the one they are delivered to (tcp/1415 at the router → tcp/22 at
    # the host is ssh).  To an address: the packets sent to it, with the service.
    to_zone = dst in engine.zone_addr
    flow = hs.new_connections & asked & (hs.true if to_zone else engine.with_runtime_candidates(target))
    run = engine.run_zone(src, flow)
    if to_zone:
        # What stops the service as sent (blocked_by) comes from ``run``; what arrives
        # as the service, from every packet the zone sends.
        sent, run = run, engine.run_zone(src, hs.new_connections)
        target = target & asked
    else:
        sent = run
    pz = engine.zones[src]
    result = {
        "from": src,
        "to": dst,
        "service": service,
        "services": services,
        "delivered": [],
        "unknown": [],
        "blocked_by": [with_text(b, "text") for b in engine.blocking_lines(sent, target)],
        "dropped": engine.drop_reasons(sent, target),
        "warnings": warnings,
    }
    for zone in sorted(run.deliveries):
        if to_zone and zone != dst:
            continue
        d = run.deliveries[zone]
        certain = d.certain & target if to_zone else d.certain
        if certain != hs.false:
            cell = Cell(src, zone, REACHABLE, services=hs.services(certain), delivered=certain, chunks=d.chunks)
            # Every packet ran to a zone: the witness is one of the service asked.
            w = witness_for(engine, cell, target if to_zone else hs.true, pz)
            result["delivered"].append({"zone": zone, "services": cell.services, "witness": w.to_json() if w else None})
        elif (d.maybe & target if to_zone else d.maybe) != hs.false:
            # The zone's first reason may be another service's: the service as sent
            # gives its own when it is unsure there too.
            as_sent = sent.deliveries.get(zone)
            mine = as_sent is not None and hs.meets(as_sent.maybe, target)
            result["unknown"].append({"zone": zone, "reason": as_sent.maybe_reason if mine else d.maybe_reason})
    for (dev, ifn), u in sorted(run.unzoned.items()):
        if hs.meets(u, target):  # reached where no zone is: not blocked, not a cell
            result["unknown"].append(
                {"zone": None, "reason": Text("reason.unzoned_segment", device=dev, interface=ifn)}
            )
    if not pz.placed:
        result["unknown"].append({"zone": None, "reason": unplaced_reason(pz)})
    # Toward a zone that could not be placed (declared by subnets no interface holds: a VPN
    # peer's LAN) nothing is delivered "there", and nothing is proven: as the matrix says.
    if not result["delivered"]:
        for name, placed in engine.zones.items():
            toward = (to_zone and name == dst) or hs.meets(engine.zone_addr[name], target)
            if name != src and not placed.placed and toward:
                result["unknown"].append({"zone": name, "reason": unplaced_reason(placed)})
            elif (name == src or toward) and (why := engine.unmodelled_tunnel(name)) is not None:
                result["unknown"].append({"zone": name, "reason": why})  # behind a tunnel not modelled
    if snap.input_problems:
        # A file cut short or unreadable may hold the line that decides (docs/limits.md):
        # neither "blocked" nor "reachable" is proven from what was read.
        problems = "; ".join(snap.input_problems)
        result["unknown"].append({"zone": None, "reason": Text("reason.input_problems", problems=problems)})
        result["verdict"] = "unknown"
    else:
        result["verdict"] = "reachable" if result["delivered"] else "unknown" if result["unknown"] else "blocked"
    # Rules, warnings and reasons quote the configurations: secrets masked (docs/limits.md).
    return Masker(snap.devices, engine.zones).doc(result)


def describe_packet(p: dict) -> str:
    """``tcp 10.10.40.2:1024 -> 10.10.10.5:445`` from a witness packet's JSON."""
    if "dst_port" in p:
        return f"{p['proto']} {p['src_ip']}:{p['src_port']} -> {p['dst_ip']}:{p['dst_port']}"
    if "icmp_type" in p:
        return f"icmp {p['src_ip']} -> {p['dst_ip']} type {p['icmp_type']}/{p['icmp_code']}"
    return f"{p['proto']} {p['src_ip']} -> {p['dst_ip']}"


def render_trace(result: dict, lang: str) -> str:
    asked = ", ".join(result.get("services") or [])
    named = f" = {asked}" if asked and asked != result["service"] else ""
    lines = [f"{result['from']} -> {result['to']} ({result['service']}{named})"]
    for d in result["delivered"]:
        lines.append(t("trace.delivered", lang, zone=d["zone"]) + f"  [{', '.join(d['services'])}]")
        w = d["witness"]
        if w:
            lines.append(f"  {t('summary.witness', lang)}: {describe_packet(w['packet'])}")
            for i, hop in enumerate(w["hops"], 1):
                where = hop.get("device") or "L2"
                io = f"{hop.get('in') or '-'} -> {hop.get('out') or hop.get('to') or '-'}"
                note = (hop.get("note_text") or {}).get(lang) or hop.get("note")
                lines.append(f"  {i}. {where}  {io}" + (f"  ({note})" if note else ""))
                for r in hop["rules"]:
                    lines.append(f"       {cite_loc(r, lang)}: {cite_text(r, lang)}")
    for u in result["unknown"]:
        lines.append(t("trace.unknown", lang, reason=u["reason"]) + (f" [{u['zone']}]" if u["zone"] else ""))
    if result["verdict"] == "blocked":
        lines.append(t("trace.blocked", lang))
    if result["blocked_by"] and result["verdict"] != "reachable":
        lines.append(t("trace.blocked_by", lang) + ":")
        for b in result["blocked_by"]:
            lines.append(f"  {b['device']} {cite_loc(b, lang)}: {cite_text(b, lang)}")
    for d in result["dropped"]:
        lines.append(f"  - {render(d, lang)}")
    return "\n".join(lines) + "\n"


# ``netaudit trace`` exit status, as ping and grep use theirs: 0 the flow gets through,
# 1 it is proven blocked, 2 usage error or unusable input (every command), 3 netaudit
# cannot decide (the reason is printed).
EXIT_CODES = {"reachable": 0, "blocked": 1, "unknown": 3}
