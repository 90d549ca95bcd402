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

from ..messages import Text, t
from ..vocabulary import DEVICES_ZONE, SEVERITY_RANK
from .design import ALL, Design


@dataclass
class Proof:
    """What of the proof does not hold, each difference a catalogue sentence (or, for a
    line not recognised, the line as the file has it)."""

    audit: object  # netaudit.audit.Audit
    mismatches: list[Text] = field(default_factory=list)
    # (severity, check, title {vi, en}) of each finding at medium or above
    findings: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    unrecognized: list[str] = field(default_factory=list)
    partial: list[tuple[str, str, object]] = field(default_factory=list)  # (file:line, construct, reason)

    @property
    def holds(self) -> bool:
        return not (self.mismatches or self.findings or self.unrecognized or self.partial)

    def lines(self, lang: str = "en") -> list[str]:
        """What does not hold, one line each in ``lang`` (empty when the proof holds)."""
        return (
            [t("bp.proof.line.matrix", lang, what=m) for m in self.mismatches]
            + [
                t(
                    "bp.proof.line.finding",
                    lang,
                    severity=t(f"severity.{sev}", lang).lower(),
                    check=check,
                    title=title.get(lang) or title["en"],
                )
                for sev, check, title in self.findings
            ]
            + [t("bp.proof.line.unrecognized", lang, what=u) for u in self.unrecognized]
            + [
                t("bp.proof.line.partial", lang, where=where, construct=construct, reason=reason)
                for where, construct, reason in self.partial
            ]
        )

    def text(self, lang: str) -> str:
        """``proof.txt``: the differences in ``lang``, or that the proof holds."""
        return "\n".join(self.lines(lang) or [t("bp.proof.holds_line", lang)]) + "\n"


def cell_mismatch(d: Design, cell) -> Text | None:
    """Why an audited cell differs from the model's flow, None when it does not."""
    pair = {"src": cell.src, "dst": cell.dst}
    flow = d.flows.get((cell.src, cell.dst))
    if flow is None:
        return Text("bp.mismatch.no_pair", **pair)
    verdict = Text(f"verdict.{cell.verdict}")
    got = set(cell.services or [])
    if flow.services is None:
        return None if cell.verdict == "blocked" else Text("bp.mismatch.denied", **pair, verdict=verdict)
    if cell.verdict != "reachable":
        if cell.dst == DEVICES_ZONE and cell.verdict == "blocked" and flow.services != ALL:
            return Text("bp.mismatch.offers", **pair, services=", ".join(flow.services))
        return Text("bp.mismatch.allowed", **pair, verdict=verdict)
    if flow.services == ALL:
        # "ip" is every protocol at once (a permit-any line); RouterOS lists them one by one.
        if cell.dst == DEVICES_ZONE or "ip" in got or {"tcp", "udp"} <= got:
            return None
        return Text("bp.mismatch.only", **pair, services=", ".join(sorted(got)))
    want = set(flow.services)
    if got == want:
        return None
    shown: object = ", ".join(sorted(got)) or Text("bp.mismatch.nothing")
    return Text("bp.mismatch.services", **pair, got=shown, want=", ".join(sorted(want)))


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
            proof.findings.append((f.severity, f.check, f.title))
    for rep in audit.snapshot.reports:
        for src in rep.unrecognized:
            proof.unrecognized.append(f"{Path(src.file).name}:{src.line}: {src.text}")
        for p in rep.partially_understood:
            proof.partial.append((f"{Path(p['file']).name}:{p['line']}", p["construct"], p["reason"]))
    return proof
