"""Live evidence merged with the static verdicts (docs/live.md).

Each probe's destination address is given to the zone that owns it (``engine.zone_addr``;
the devices' own addresses are ``@devices``; the probe's own ``zone`` field is only a
hint and is ignored here), probes are grouped by (vantage zone → destination zone), and
each matrix cell gets a live status:

* ``contradiction`` — a probe reached with a service the static analysis proves blocked
  from the vantage point to that address (the cell may be reachable for other services:
  the comparison is per probe, against the packets the engine delivers): the
  configurations do not describe the network;
* ``resolved`` — a probe reached with a service the static analysis left unknown there:
  reachable, proven live;
* ``confirmed`` — every probe that reached was predicted reachable;
* ``consistent`` — static *blocked*, probes sent and none reached;
* ``not_observed`` — no probe for the cell, or static reachable/unknown and nothing reached.

Silence never makes a cell blocked, and no live result changes a static verdict.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..messages import Text, both_of
from ..model import InputError
from ..vocabulary import DEVICES_ZONE, LIVE_STATUSES
from .evidence import RESULTS, Probe, ProbeRun

CONTRADICTION, CONFIRMED, RESOLVED, CONSISTENT, NOT_OBSERVED = (
    "contradiction",
    "confirmed",
    "resolved",
    "consistent",
    "not_observed",
)
STATUSES = LIVE_STATUSES  # report order
MAX_EXAMPLES = 5


@dataclass
class LiveCell:
    """The live evidence of one matrix cell."""

    src: str
    dst: str
    verdict: str  # the static verdict, unchanged
    status: str = NOT_OBSERVED
    probes: list[Probe] = field(default_factory=list)
    # Per probe that reached: what the static analysis says of that very packet
    # ("reachable", "unknown" or "blocked").
    static: dict[Probe, str] = field(default_factory=dict)

    @property
    def decisive(self) -> list[Probe]:
        """The probes that reached, those that decide the status first (contradicting,
        then unknown in the static analysis, then predicted)."""
        order = {"blocked": 0, "unknown": 1, "reachable": 2}
        return sorted(self.reached, key=lambda p: order.get(self.static.get(p, "reachable"), 2))

    @property
    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(RESULTS, 0)
        for p in self.probes:
            out[p.result] += 1
        return out

    @property
    def reached(self) -> list[Probe]:
        return [p for p in self.probes if p.reached]

    def examples(self, n: int = MAX_EXAMPLES) -> list[Probe]:
        """Up to ``n`` probes, those that reached first, then prohibited, then the rest."""
        order = {"answered": 0, "refused": 1, "prohibited": 2, "no_answer": 3}
        return sorted(self.probes, key=lambda p: order[p.result])[:n]

    def to_json(self) -> dict:
        return {
            "status": self.status,
            "counts": self.counts,
            "examples": [p.to_json() for p in self.examples()],
        }


@dataclass
class Live:
    """The merge result: the runs, one :class:`LiveCell` per matrix cell, unplaced probes."""

    runs: list[ProbeRun]
    cells: dict[tuple[str, str], LiveCell]
    # (run, probe, why): outside every zone, or inside the vantage zone itself.
    unplaced: list[tuple[ProbeRun, Probe, Text]] = field(default_factory=list)

    def cell(self, src: str, dst: str) -> LiveCell | None:
        return self.cells.get((src, dst))

    def by_status(self, status: str) -> list[LiveCell]:
        return [c for c in self.cells.values() if c.status == status]


def owner(engine, address: str) -> str | None:
    """The zone (or ``@devices``) owning ``address`` in the audit, None when none does."""
    from netaddr import IPAddress

    hs = engine.hs
    pkt = hs.eq("dst_ip", int(IPAddress(address)))
    if (engine.zone_addr.get(DEVICES_ZONE, hs.false) & pkt) != hs.false:
        return DEVICES_ZONE
    for name, addr in engine.zone_addr.items():
        if name != DEVICES_ZONE and (addr & pkt) != hs.false:
            return name
    return None


def static_of(engine, cell, probe: Probe, source: str | None) -> str:
    """What the static analysis says of the probe's own packet — "reachable" (the engine
    delivers it), "unknown" (it may be delivered) or "blocked" — from ``source`` (the
    vantage host's address, when it is one of the zone's) or from any of the zone's."""
    from netaddr import IPAddress

    from ..policy import services_packets

    hs = engine.hs
    pkt = hs.eq("dst_ip", int(IPAddress(probe.dst))) & services_packets(hs, [probe.service])
    if source is not None:
        from_host = pkt & hs.eq("src_ip", int(IPAddress(source)))
        if cell.delivered is not None and (cell.delivered & from_host) != hs.false:
            return "reachable"
        if cell.maybe is not None and (cell.maybe & from_host) != hs.false:
            return "unknown"
        if cell.delivered is not None and (cell.delivered & hs.eq("src_ip", int(IPAddress(source)))) != hs.false:
            return "blocked"  # the host's address is one the engine sends from: judged as that host
    if cell.delivered is not None and (cell.delivered & pkt) != hs.false:
        return "reachable"
    if cell.maybe is not None and (cell.maybe & pkt) != hs.false:
        return "unknown"
    return "blocked"


def status_of(verdict: str, probes: list[Probe], static: dict[Probe, str]) -> str:
    reached = [p for p in probes if p.reached]
    if any(static.get(p) == "blocked" for p in reached):
        return CONTRADICTION
    if any(static.get(p) == "unknown" for p in reached):
        return RESOLVED
    if reached:
        return CONFIRMED
    if verdict == "blocked" and probes:
        return CONSISTENT
    return NOT_OBSERVED  # silence proves nothing: never "blocked"


def _vantage_address(run: ProbeRun) -> str | None:
    """The vantage host's IPv4 address (``vantage.address``, with or without a prefix length)."""
    raw = str(run.vantage.get("address") or "").split("/")[0].strip()
    try:
        from netaddr import IPAddress

        return str(IPAddress(raw, 4)) if raw else None
    except Exception:  # a malformed vantage address: judged from any of the zone's addresses
        return None


def observed_devices(runs: list[ProbeRun]) -> list[str]:
    """Addresses the runs saw acting as routers: each vantage point's gateway and the hops
    of its traces that are not the trace's destination (a host that answers "time
    exceeded" forwards packets)."""
    from netaddr import AddrFormatError, IPAddress

    found: list[str] = []

    def add(value) -> None:
        try:
            addr = str(IPAddress(str(value).split("/")[0], 4))
        except (AddrFormatError, ValueError, TypeError):
            return
        if addr not in found:
            found.append(addr)

    for run in runs:
        if run.vantage.get("gateway"):
            add(run.vantage["gateway"])
        for tr in run.traces:
            if not isinstance(tr, dict):
                continue
            for hop in tr.get("hops") or []:
                if hop and not isinstance(hop, (dict, list)) and str(hop) != str(tr.get("dst")):
                    add(hop)
    return found


def merge(matrix, engine, runs: list[ProbeRun]) -> Live:
    """Merge ``runs`` with the audit ``matrix`` (cells of :mod:`netaudit.reach`); an
    :class:`InputError` when a run's vantage zone is not a zone of the audit."""
    zones = [z for z in engine.zone_addr if z != DEVICES_ZONE]
    cells = {(c.src, c.dst): LiveCell(c.src, c.dst, c.verdict) for c in matrix}
    grouped: dict[tuple[str, str], list[Probe]] = defaultdict(list)
    unplaced: list[tuple[ProbeRun, Probe, Text]] = []
    owners: dict[str, str | None] = {}
    for run in runs:
        if run.zone not in zones:
            names = ", ".join(zones) or Text("live.error.none")
            raise InputError(Text("live.error.vantage_zone", zone=repr(run.zone), zones=names), run.file)
        for p in run.probes:
            if p.dst not in owners:
                owners[p.dst] = owner(engine, p.dst)
            dst = owners[p.dst]
            if dst is None:
                unplaced.append((run, p, Text("live.why.outside")))
            elif dst == run.zone:
                unplaced.append((run, p, Text("live.why.inside")))
            elif (run.zone, dst) in cells:
                grouped[(run.zone, dst)].append(p)
            else:
                unplaced.append((run, p, Text("live.why.no_cell", src=run.zone, dst=dst)))
    by_key = {(c.src, c.dst): c for c in matrix}
    source_of = {id(p): _vantage_address(run) for run in runs for p in run.probes}
    for key, lc in cells.items():
        lc.probes = grouped.get(key, [])
        for p in lc.reached:
            lc.static[p] = static_of(engine, by_key[key], p, source_of.get(id(p)))
        lc.status = status_of(lc.verdict, lc.probes, lc.static)
    return Live(list(runs), cells, unplaced)


def run_json(run: ProbeRun) -> dict:
    """A run as the audit document lists it (``probes.runs[]``)."""
    counts = dict.fromkeys(RESULTS, 0)
    for p in run.probes:
        counts[p.result] += 1
    return {
        "file": run.file,
        "sha256": run.sha256,
        "vantage": run.vantage,
        "plan": run.plan,
        "counts": counts,
        "refused_targets": run.refused_targets,
        "hosts": [
            {"address": str(h.get("address") or ""), "mac": h.get("mac") or None, "how": h.get("how") or None}
            for h in run.hosts
            if isinstance(h, dict) and h.get("address")
        ],
        "traces": [
            {
                "zone": str(tr.get("zone") or ""),
                "dst": str(tr.get("dst") or ""),
                "hops": [str(x) if x else None for x in (tr.get("hops") or []) if not isinstance(x, (dict, list))],
                "ended": str(tr["ended"]) if isinstance(tr.get("ended"), str) else None,
            }
            for tr in run.traces
            if isinstance(tr, dict)
        ],
    }


def live_json(live: Live) -> dict:
    """The ``probes`` section of the audit document (docs/report.md, "JSON additions")."""
    return {
        "runs": [run_json(r) for r in live.runs],
        "statuses": {s: len(live.by_status(s)) for s in STATUSES},
        "unplaced": [
            {"file": r.file, "vantage": r.zone, **p.to_json(), "why": str(why), "why_text": both_of(why)}
            for r, p, why in live.unplaced
        ],
    }
