"""The ▶ JSON contract of DESIGN §6 (schema ``netaudit/audit/v1``)."""
from __future__ import annotations

import json

from .. import __version__
from ..secrets import mask_tree
from . import RenderOptions

SCHEMA = "netaudit/audit/v1"


def audit_dict(audit, options: RenderOptions) -> dict:
    """The audit as plain data (secrets masked unless asked)."""
    snap = audit.snapshot
    secrets: set[str] = set()
    if not options.show_secrets:
        for d in snap.devices:
            secrets |= d.secrets
    inputs = [{"path": f.path, "sha256": f.sha256, "kind": f.kind, "vendor": f.vendor,
               "devices": f.devices, "lines": f.lines, "unrecognized": f.unrecognized,
               **({"problem": f.problem} if f.problem else {})}
              for f in snap.inputs]
    zones = []
    for pz in audit.zones:
        z = {"name": pz.name, "kind": pz.kind, "subnets": [str(s) for s in pz.zone.subnets],
             "vlans": [f"{d}:{v}" for d, v in pz.zone.vlans],
             "attach": [f"{d}:{i}" for d, i in pz.zone.attach]}
        if pz.zone.inferred_from:
            z["inferred_from"] = pz.zone.inferred_from
        if pz.problems:
            z["problems"] = pz.problems
        zones.append(z)
    matrix = []
    for c in audit.matrix:
        exp = c.expectation
        cell = {"src": c.src, "dst": c.dst, "verdict": c.verdict,
                "expected": exp.expected if exp else None}
        if exp is not None and exp.expected == "limited":
            cell["allowed_services"] = list(exp.allowed_services)
        cell["violation"] = c.violation
        cell["services"] = c.services
        cell["witness"] = c.witness.to_json() if c.witness else None
        cell["reason"] = c.reason
        if c.blocking:
            cell["blocked_by"] = c.blocking
        if c.replies_only:
            cell["replies_only"] = True
        matrix.append(cell)
    partial = []
    for r in snap.reports:
        partial.extend(r.partially_understood)
    unrecognized = [{"file": s.file, "line": s.line, "text": s.text}
                    for r in snap.reports for s in r.unrecognized]
    out = {
        "schema": SCHEMA,
        "tool": {"name": "netaudit", "version": __version__},
        "unit": audit.site.unit, "level": audit.site.level,
        "site": {"file": audit.site.file, "inferred": audit.site.inferred, **audit.site.info},
        "inputs": inputs,
        "zones": zones,
        "matrix": matrix,
        "findings": [f.to_json() for f in audit.findings],
        "coverage": {"files": sum(1 for f in snap.inputs if f.kind != "skipped"),
                     "lines": sum(r.lines for r in snap.reports),
                     "unrecognized": sum(len(r.unrecognized) for r in snap.reports),
                     "partially_understood": partial,
                     "unrecognized_lines": unrecognized},
        "warnings": audit.warnings,
    }
    return mask_tree(out, secrets) if not options.show_secrets else out


def render(audit, options: RenderOptions) -> str:
    return json.dumps(audit_dict(audit, options), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
