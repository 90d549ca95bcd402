"""One audit, end to end: inputs → parsers → topology → zones → reach → checks.

This is the only module that walks the whole pipeline; renderers take its
:class:`Audit` result and never call back into earlier stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from netaddr import IPSet

from . import inputs, topology, zones
from .checks import AuditContext, Finding, run_checks
from .collector import collector_paused
from .decoding import at
from .headerspace import HeaderSpace
from .messages import Text
from .model import InputError
from .policy import edge_vpn_services, excess, maybe_excess, resolve_expectation
from .reach import REACHABLE, Cell, Engine, compute_matrix
from .vocabulary import DEVICES_ZONE, SEVERITY_RANK
from .zones import PlacedZone, Site

if TYPE_CHECKING:
    from .live.merge import Live


@dataclass
class Audit:
    snapshot: inputs.Snapshot
    site: Site
    topology: topology.Topology
    zones: list[PlacedZone]
    engine: Engine
    matrix: list[Cell]
    findings: list[Finding]
    warnings: list[str] = field(default_factory=list)
    # Requirement rows per regime and the overall conclusion (netaudit/compliance.py).
    compliance: dict | None = None
    # Live evidence merged with the matrix (netaudit/live/merge.py), None without probes.
    live: Live | None = None
    # No configurations: the matrix comes from live evidence alone (run_live_only).
    live_only: bool = False
    # The office beside the model architecture of its unit type (site ``type``), or None.
    reference: dict | None = None
    # The remediation plan, per device (netaudit/remedy/plan.py; proven by netaudit fix).
    remedy: dict | None = None

    @property
    def devices(self):
        return self.snapshot.devices


@collector_paused  # BDD work: docs/performance.md, "Issue #15"
def prepare(paths: list[str | Path], site_path: str | Path | None = None, on_snapshot=None):
    """Load inputs and site, build topology and placed zones (shared by audit and trace).
    ``on_snapshot(snapshot)`` runs once the inputs are loaded, before any other work
    (the CLI checks there that no output would replace a file the run reads)."""
    snap = inputs.load_snapshot(paths)
    if on_snapshot is not None:
        on_snapshot(snap)
    site_file = Path(site_path) if site_path else snap.site_file
    if site_file is not None:
        site = zones.load_site(site_file)
        topo = topology.build(snap.devices, site.links)
        try:
            zones.check_references(site, topo)  # a misspelt device/VLAN/port is an error, not a warning
        except InputError as e:
            # The site may be right and an input damaged (cut short, a garbled hostname,
            # unusable): name the files behind the devices, and the inputs left out.
            # The error stays a Text with e's own (e.located()): said in the reader's language.
            have = ", ".join(f"{d.hostname} ({Path(d.file).name})" for d in snap.devices)
            problems = ""
            if snap.input_problems:  # cut short, damaged, not read: the likelier cause
                problems = Text("site.error.input_problems", problems=tuple(snap.input_problems))
            skipped = [at(f.path, f.problem) for f in snap.inputs if f.problem and not f.devices]
            skipped = [s for s in skipped if not any(s in p for p in snap.input_problems)]
            left_out = Text("site.error.inputs_left_out", inputs=tuple(skipped)) if skipped else ""
            devices = have or Text("site.error.no_devices")
            raise InputError(
                Text("site.error.in_snapshot", error=e.located(), devices=devices, problems=problems, left_out=left_out)
            ) from None
    else:
        topo = topology.build(snap.devices)
        site = zones.infer_site(snap.devices, topo)
    placed, device_addrs, zone_warnings = zones.resolve(site, topo)
    engine = Engine(topo, placed, device_addrs, HeaderSpace())
    warnings = list(snap.warnings) + topo.warnings + zones.site_warnings(site) + zone_warnings
    return snap, site, topo, placed, engine, warnings


@collector_paused
def run_audit(
    paths: list[str | Path], site_path: str | Path | None = None, on_snapshot=None, probes: list | None = None
) -> Audit:
    """Audit the configs at ``paths`` against ``site_path`` (or the inferred zones);
    ``probes`` (:class:`~netaudit.live.evidence.ProbeRun` list) are merged with the matrix
    into ``Audit.live`` before the checks run (docs/live.md)."""
    snap, site, topo, placed, engine, warnings = prepare(paths, site_path, on_snapshot)
    kinds = {z.name: z.kind for z in placed}
    matrix = compute_matrix(engine, [z.name for z in placed])
    edge_vpn = edge_vpn_services(engine.hs, snap.devices)
    for cell in matrix:
        cell.expectation = resolve_expectation(
            cell.src, kinds[cell.src], cell.dst, kinds.get(cell.dst, "devices"), site.level, site.policy, edge_vpn
        )
    live = None
    if probes:
        from .live.merge import merge

        live = merge(matrix, engine, probes)
    ctx = AuditContext(snap.devices, snap.reports, topo, site, placed, matrix, engine.hs, engine, live)
    for cell in matrix:
        cell.violation = cell.verdict == REACHABLE and excess(engine.hs, cell) != engine.hs.false
        # Beyond the policy by ICMP replies and errors only: said, no violation.
        cell.icmp_replies_only = (
            cell.verdict == REACHABLE and not cell.violation and excess(engine.hs, cell, False) != engine.hs.false
        )
        # Within the policy for what is delivered, beyond it for what may be: not proven.
        cell.may_violate = not cell.violation and maybe_excess(engine.hs, cell) != engine.hs.false
    findings = run_checks(ctx)
    result = Audit(snap, site, topo, placed, engine, matrix, findings, warnings, live=live)
    if site.unit_type:
        from .blueprint.reference import compare

        result.reference = compare(site, matrix, snap.devices, engine.hs)
    if any(c.violation for c in matrix) or findings:
        from .remedy.plan import derive, plan_json

        result.remedy = plan_json(derive(result))
    from .compliance import evaluate_audit

    result.compliance = evaluate_audit(result)
    return result


@collector_paused
def run_live_only(site_path: str | Path, runs: list) -> Audit:
    """An audit without configurations (an ISP-managed router): the zones placed by the
    site file's subnets alone, the matrix from the probe ``runs`` alone (docs/live.md,
    "Live-only audit").  A cell is reachable when a probe from its source zone reached
    (answered, or refused by the target) an address of its destination zone; every other
    cell is unknown, never blocked."""
    from netaddr import IPAddress

    from .live.merge import RESOLVED, merge, observed_devices
    from .messages import Text, both
    from .policy import outside_policy
    from .reach import UNKNOWN

    site = zones.load_site(Path(site_path))
    snap = inputs.Snapshot()
    topo = topology.build([])
    placed = [PlacedZone(z, [], IPSet(z.subnets)) for z in site.zones]
    engine = Engine(topo, placed, IPSet(), HeaderSpace())
    hs = engine.hs
    # The devices seen live (the vantage gateways, the hops of the traces) are @devices:
    # a probe that reached one of them reached a device's own services.
    for addr in observed_devices(runs):
        pkt = hs.eq("dst_ip", int(IPAddress(addr)))
        engine.zone_addr[DEVICES_ZONE] |= pkt
        for z in placed:
            engine.zone_addr[z.name] &= ~pkt
    kinds = {z.name: z.kind for z in placed}
    names = [z.name for z in placed]
    matrix = [
        # "may be delivered": any packet to the zone's addresses, so a probe that reached is "resolved"
        Cell(src, dst, UNKNOWN, reason=Text("reason.live_only"), maybe=engine.zone_addr[dst])
        for src in names
        for dst in [n for n in names if n != src] + [DEVICES_ZONE]
    ]
    for cell in matrix:
        cell.expectation = resolve_expectation(
            cell.src, kinds[cell.src], cell.dst, kinds.get(cell.dst, "devices"), site.level, site.policy
        )
    live = merge(matrix, engine, runs)
    warnings: list[str] = [Text("warning.live_only"), *zones.site_warnings(site)]
    ctx = AuditContext([], [], topo, site, placed, matrix, hs, engine, live, live_only=True)
    findings = run_checks(ctx)  # on the unknown matrix: the live checks speak for the probes
    for cell in matrix:
        lc = live.cell(cell.src, cell.dst)
        if lc is None or lc.status != RESOLVED:
            continue
        cell.verdict = REACHABLE
        cell.reason = Text("reason.live_only_reached")
        cell.services = sorted({p.service for p in lc.reached})
        cell.maybe = None
        cell.violation = bool(outside_policy(hs, cell.expectation, lc.reached))
        lc.verdict = REACHABLE
    result = Audit(snap, site, topo, placed, engine, matrix, findings, warnings, live=live, live_only=True)
    from .compliance import PASS, evaluate_audit

    result.compliance = evaluate_audit(result)
    for reg in result.compliance.get("regimes", []):
        reg["reasons"].append(both("conclusion.reason.live_only"))
        if reg["verdict"] == PASS:  # never reached with unknown cells; kept as a guard
            reg["verdict"] = "check"
    return result


def failures(audit: Audit, fail_on: str = "high", standard: str | None = None) -> list[Text]:
    """Why ``netaudit audit`` must not exit 0 (empty: it may).  One rule for the exit
    status, ``--fail-on`` and the conclusion: a finding at or above ``fail_on``, a cell
    the policy wants denied (or limited) that is unknown, or a conclusion that is not
    "pass" under ``standard`` (default: the compliance default) — unknown never passes.
    Catalogue texts: the English is the sentence as it always read."""
    from .compliance import PASS, regime

    out = []
    # Input that looked like configuration and could not be used, or was used incomplete
    # (inputs.Snapshot.input_problems): what is missing may be what closes the leak.
    problems = audit.snapshot.input_problems
    if problems:
        out.append(Text("fail.input_problems", n=len(problems), first=problems[0]))
    threshold = SEVERITY_RANK[fail_on]
    level = Text(f"fail.level.{fail_on}")
    severe = [f for f in audit.findings if SEVERITY_RANK[f.severity] <= threshold]
    proven = [f for f in severe if f.proven]
    if proven:
        out.append(Text("fail.findings", n=len(proven), severity=level))
    if len(proven) < len(severe):  # not a pass either: what they rest on is to be checked
        out.append(Text("fail.findings_unproven", n=len(severe) - len(proven), severity=level))
    unknown = [
        c
        for c in audit.matrix
        if c.verdict == "unknown" and c.expectation is not None and c.expectation.expected != "allow"
    ]
    if unknown:
        out.append(Text("fail.unknown_cells", n=len(unknown)))
    unsure = [c for c in audit.matrix if c.may_violate]
    if unsure:
        out.append(Text("fail.may_violate", n=len(unsure)))
    comp = audit.compliance or {}
    reg = regime(comp, standard or comp.get("default", "")) if comp else None
    if reg is not None and reg["verdict"] != PASS:
        out.append(Text("fail.conclusion", verdict=Text(f"fail.verdict.{reg['verdict']}")))
    return out


def zone_kind(audit: Audit, name: str) -> str:
    if name == DEVICES_ZONE:
        return "devices"
    return next(z.kind for z in audit.zones if z.name == name)
