"""The proof of a generated network: its own audit (docs/blueprint.md, "The proof").

The configurations are parsed back by netaudit's parsers and audited against the site
file written with them; the result must equal the model cell for cell — a denied flow
blocked, an allowed one reachable for every protocol (TCP and UDP at least), a limited
one reachable for exactly its services (towards the devices: at most its services) —
with no finding at medium or above and every configuration line recognised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..vocabulary import DEVICES_ZONE, SEVERITY_RANK
from .design import ALL, Design


@dataclass
class Proof:
    audit: object  # netaudit.audit.Audit
    mismatches: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    unrecognized: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)

    @property
    def holds(self) -> bool:
        return not (self.mismatches or self.findings or self.unrecognized or self.partial)

    def lines(self) -> list[str]:
        """What does not hold, one line each (empty when the proof holds)."""
        return (
            [f"matrix: {m}" for m in self.mismatches]
            + [f"finding: {f}" for f in self.findings]
            + [f"not recognised: {u}" for u in self.unrecognized]
            + [f"partly understood: {p}" for p in self.partial]
        )


def cell_mismatch(d: Design, cell) -> str | None:
    """Why an audited cell differs from the model's flow, None when it does not."""
    flow = d.flows.get((cell.src, cell.dst))
    if flow is None:
        return f"{cell.src} -> {cell.dst}: no such pair in the model"
    got = set(cell.services or [])
    if flow.services is None:
        return None if cell.verdict == "blocked" else f"{cell.src} -> {cell.dst}: {cell.verdict}, the model denies it"
    if cell.verdict != "reachable":
        if cell.dst == DEVICES_ZONE and cell.verdict == "blocked" and flow.services != ALL:
            return f"{cell.src} -> {cell.dst}: blocked, the model offers {', '.join(flow.services)}"
        return f"{cell.src} -> {cell.dst}: {cell.verdict}, the model allows it"
    if flow.services == ALL:
        # "ip" is every protocol at once (a permit-any line); RouterOS lists them one by one.
        if cell.dst == DEVICES_ZONE or "ip" in got or {"tcp", "udp"} <= got:
            return None
        return f"{cell.src} -> {cell.dst}: only {', '.join(sorted(got))}, the model allows every service"
    want = set(flow.services)
    if got == want:
        return None
    return f"{cell.src} -> {cell.dst}: {', '.join(sorted(got)) or 'nothing'}, the model: {', '.join(sorted(want))}"


def prove(d: Design, configs: Path, site: Path) -> Proof:
    """Audit ``configs`` with ``site`` and compare the result with the model ``d``."""
    from ..audit import run_audit

    audit = run_audit([configs], site)
    proof = Proof(audit)
    for cell in audit.matrix:
        why = cell_mismatch(d, cell)
        if why:
            proof.mismatches.append(why)
    medium = SEVERITY_RANK["medium"]
    for f in audit.findings:
        if SEVERITY_RANK[f.severity] <= medium:
            proof.findings.append(f"{f.severity} {f.check}: {f.title['en']}")
    for rep in audit.snapshot.reports:
        for src in rep.unrecognized:
            proof.unrecognized.append(f"{Path(src.file).name}:{src.line}: {src.text}")
        for p in rep.partially_understood:
            proof.partial.append(f"{Path(p['file']).name}:{p['line']}: {p['construct']} ({p['reason']})")
    return proof
