"""netaudit's matrix against what the kernel delivered: one result record per network.

Rules (issue #11, section 2):

* every witness of a *reachable* cell must be delivered to the cell's destination (its
  zone's host namespace with an address the zone owns, or a router's local input for
  ``@devices``);
* no probe may be delivered to a destination whose cell netaudit called *blocked* — a probe
  counts for the cell (its source zone, the zone it actually arrived in), wherever it was
  planned for: a DNAT to another zone is judged against that zone's cell;
* *unknown* cells are counted, never compared.
"""

from __future__ import annotations

from collections import Counter

from .generator import Network
from .probe import Probe, delivered_to


def _cell_view(cell: dict | None) -> dict:
    if not cell:
        return {"verdict": "absent"}
    keep = ("verdict", "services", "reason", "witness", "blocked_by")
    return {k: cell[k] for k in keep if k in cell}


def compare(net: Network, audit: dict, probes: list[Probe]) -> dict:
    zones = {z.name for z in net.zones}
    matrix = {(c["src"], c["dst"]): c for c in audit.get("matrix", [])}
    ours = {k: c for k, c in matrix.items() if k[0] in zones and (k[1] in zones or k[1] == "@devices")}
    verdicts = Counter(c["verdict"] for c in ours.values())
    out: list[dict] = []
    delivered = 0
    for p in probes:
        got = delivered_to(p) - {p.src_zone}
        delivered += bool(got)
        if p.kind == "witness" and p.cell not in got:
            out.append(
                {
                    "kind": "witness not delivered",
                    "cell": f"{p.src_zone} -> {p.cell}",
                    "probe": p.to_dict(),
                    "netaudit": _cell_view(ours.get((p.src_zone, p.cell))),
                }
            )
        for dst in sorted(got):
            cell = ours.get((p.src_zone, dst))
            if cell is not None and cell["verdict"] == "blocked":
                out.append(
                    {
                        "kind": "delivered in a blocked cell",
                        "cell": f"{p.src_zone} -> {dst}",
                        "probe": p.to_dict(),
                        "netaudit": _cell_view(cell),
                    }
                )
    # Probes planned for a cell netaudit called blocked: the sample that could refute it.
    against_blocked = sum(1 for p in probes if ours.get((p.src_zone, p.cell), {}).get("verdict") == "blocked")
    return {
        "seed": net.seed,
        "routers": len(net.routers),
        "zones": len(net.zones),
        "firewalls": sorted({r.firewall for r in net.routers}),
        "cells": len(ours),
        "verdicts": dict(verdicts),
        "unknown": verdicts.get("unknown", 0),
        "probes": len(probes),
        "witnesses": sum(p.kind == "witness" for p in probes),
        "delivered": delivered,
        "probes_in_blocked_cells": against_blocked,
        "unknown_reasons": sorted({str(c.get("reason")) for c in ours.values() if c["verdict"] == "unknown"}),
        "disagreements": out,
    }
