"""``netaudit trace``: one flow from a zone to an address or zone, hop by hop."""
from __future__ import annotations

from netaddr import AddrFormatError, IPNetwork

from .audit import prepare
from .headerspace import service_match
from .messages import render, t
from .reach import witness_for, unplaced_reason, Cell, REACHABLE
from .report import cite_loc
from .zones import DEVICES_ZONE


def trace(paths, site_path, src: str, dst: str, service: str) -> dict:
    """Where the packets of one flow go: deliveries with witnesses, stops, unknowns."""
    snap, site, topo, placed, engine, warnings = prepare(paths, site_path)
    hs = engine.hs
    if src not in engine.zones:
        raise ValueError(f"unknown zone {src!r} (zones: {', '.join(sorted(engine.zones))})")
    if dst in engine.zone_addr:
        target = engine.zone_addr[dst]
    else:
        try:
            target = hs.prefix("dst_ip", IPNetwork(dst))
        except (AddrFormatError, ValueError):
            raise ValueError(f"--to {dst!r} is neither a zone nor an IPv4 address/prefix") from None
    flow = hs.new_connections & hs.match(service_match(service)) & target
    run = engine.run_zone(src, flow)
    pz = engine.zones[src]
    result = {"from": src, "to": dst, "service": service, "delivered": [], "unknown": [],
              "blocked_by": engine.blocking_lines(run, target),
              "dropped": engine.drop_reasons(run, target), "warnings": warnings}
    for zone in sorted(run.deliveries):
        d = run.deliveries[zone]
        if d.certain != hs.false:
            cell = Cell(src, zone, REACHABLE, services=hs.services(d.certain),
                        delivered=d.certain, chunks=d.chunks)
            w = witness_for(engine, cell, hs.true, pz)
            result["delivered"].append({"zone": zone, "services": cell.services,
                                        "witness": w.to_json() if w else None})
        elif d.maybe != hs.false:
            result["unknown"].append({"zone": zone, "reason": d.maybe_reason})
    if not pz.domains:
        result["unknown"].append({"zone": None, "reason": unplaced_reason(pz)})
    result["verdict"] = ("reachable" if result["delivered"] else
                         "unknown" if result["unknown"] else "blocked")
    return result


def describe_packet(p: dict) -> str:
    """``tcp 10.10.40.2:1024 -> 10.10.10.5:445`` from a witness packet's JSON."""
    if "dst_port" in p:
        return f"{p['proto']} {p['src_ip']}:{p['src_port']} -> {p['dst_ip']}:{p['dst_port']}"
    if "icmp_type" in p:
        return f"icmp {p['src_ip']} -> {p['dst_ip']} type {p['icmp_type']}/{p['icmp_code']}"
    return f"{p['proto']} {p['src_ip']} -> {p['dst_ip']}"


def render_trace(result: dict, lang: str) -> str:
    lines = [f"{result['from']} -> {result['to']} ({result['service']})"]
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
                    lines.append(f"       {cite_loc(r, lang)}: {r['text']}")
    for u in result["unknown"]:
        lines.append(t("trace.unknown", lang, reason=u["reason"]) + (f" [{u['zone']}]" if u["zone"] else ""))
    if result["verdict"] == "blocked":
        lines.append(t("trace.blocked", lang))
    if result["blocked_by"] and result["verdict"] != "reachable":
        lines.append(t("trace.blocked_by", lang) + ":")
        for b in result["blocked_by"]:
            lines.append(f"  {b['device']} {cite_loc(b, lang)}: {b['text']}")
    for d in result["dropped"]:
        lines.append(f"  - {render(d, lang)}")
    return "\n".join(lines) + "\n"
