#!/usr/bin/env python3
"""Snapshot the verdicts of every sample and corpus network, and diff two snapshots.

    scripts/verdicts.py snapshot before.json      # audit every network, write verdicts
    scripts/verdicts.py diff before.json after.json

A snapshot holds, per network: every matrix cell's verdict (and reason for unknown
cells), the findings as (check, severity, zones), the conclusion and the exit code
`netaudit audit` would return.  Use it around any change to the engine or the parsers
to show which cells changed and why (docs/semantics.md).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def networks() -> list[tuple[str, list[Path]]]:
    """(name, paths) of every network to audit: samples, then corpus networks and files."""
    out = [(f"sample/{d.name}", [d]) for d in sorted((ROOT / "sample_configs").iterdir()) if d.is_dir()]
    if CORPUS.is_dir():
        out.append(("corpus/batfish-example", [CORPUS / "batfish-example" / "configs"]))
        out.append(("corpus/stanford-backbone", [CORPUS / "stanford-backbone"]))
        for vendor in ("fortios", "cisco_asa"):
            for f in sorted((CORPUS / "batfish-snippets" / vendor).iterdir()):
                if f.is_file():
                    out.append((f"corpus/snippets/{vendor}/{f.name}", [f]))
    for d in sorted((ROOT / "tests" / "fixtures").iterdir()):
        for f in sorted(d.iterdir()):
            if f.suffix not in (".yaml", ".yml"):
                out.append((f"fixture/{d.name}/{f.name}", [f]))
    return out


def verdicts(paths: list[Path]) -> dict:
    from netaudit.audit import run_audit
    from netaudit.model import InputError
    try:
        audit = run_audit(paths)
    except InputError as e:
        return {"error": str(e)}
    cells = {f"{c.src} -> {c.dst}": (c.verdict if c.verdict != "unknown" else f"unknown: {c.reason}")
             for c in audit.matrix}
    findings = sorted(f"{f.check} {f.severity} {','.join(f.zones)}" for f in audit.findings)
    failing = any(f.severity in ("critical", "high") for f in audit.findings)
    concl = (audit.compliance or {}).get("conclusion")
    return {"cells": cells, "findings": findings, "conclusion": concl,
            "zones": {z.name: z.kind for z in audit.zones}, "exit_if_high": 1 if failing else 0}


def snapshot(target: str) -> None:
    result = {}
    for name, paths in networks():
        result[name] = verdicts(paths)
        print(name, file=sys.stderr)
    Path(target).write_text(json.dumps(result, indent=1, sort_keys=True, ensure_ascii=False, default=str))


def diff(a_file: str, b_file: str) -> int:
    a, b = json.loads(Path(a_file).read_text()), json.loads(Path(b_file).read_text())
    changed_cells = 0
    for net in sorted(set(a) | set(b)):
        x, y = a.get(net, {}), b.get(net, {})
        lines = []
        if ("error" in x or "error" in y) and x.get("error") != y.get("error"):
            lines.append(f"  error: {x.get('error')} -> {y.get('error')}")
        xc, yc = x.get("cells", {}), y.get("cells", {})
        for k in sorted(set(xc) | set(yc)):
            if xc.get(k) != yc.get(k):
                changed_cells += 1
                lines.append(f"  {k}: {xc.get(k)}  =>  {yc.get(k)}")
        for key in ("conclusion", "exit_if_high", "zones"):
            if x.get(key) != y.get(key):
                lines.append(f"  {key}: {x.get(key)} -> {y.get(key)}")
        xf, yf = set(x.get("findings", [])), set(y.get("findings", []))
        for f in sorted(xf - yf):
            lines.append(f"  - finding {f}")
        for f in sorted(yf - xf):
            lines.append(f"  + finding {f}")
        if lines:
            print(net)
            print("\n".join(lines))
    print(f"{changed_cells} cells changed")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if len(sys.argv) == 3 and sys.argv[1] == "snapshot":
        snapshot(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "diff":
        sys.exit(diff(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
