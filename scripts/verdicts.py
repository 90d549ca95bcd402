#!/usr/bin/env python3
"""Snapshot the verdicts of every sample and corpus network, and diff two snapshots.

    scripts/verdicts.py snapshot before.json [SITES]   # audit every network, write verdicts
    scripts/verdicts.py diff before.json after.json
    scripts/verdicts.py sites SITES                    # draft a site file per network (init)
    scripts/verdicts.py parses before.json             # fingerprint every parsed device

Networks without a site file of their own are audited with inferred zones; to compare
two versions whose inference differs, draft the sites once (``sites``) and pass the
folder to both snapshots, so that the same zones are audited.

A snapshot holds, per network: every matrix cell's verdict (and reason for unknown
cells), the findings as (check, severity, zones), the conclusion and the exit code
`netaudit audit` would return.  Use it around any change to the engine or the parsers
to show which cells changed and why (docs/semantics.md).

``parses`` fingerprints the complete parse (``repr`` of every device, its unrecognized
lines included, fields left at their default omitted: a field added to the model changes
only the devices that use it) of every network above and of the generated inputs of
``tests/bench/test_bench_parse.py`` (2,000 lines each); ``diff`` of two such files names
the devices whose parse differs.  A parser change meant to keep the model as it is (a
speed-up) shows ``0 devices changed``.  Sets print in hash order: the command re-runs
itself with ``PYTHONHASHSEED=0``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Another checkout (a base tree in /tmp) finds the corpus through NETAUDIT_CORPUS.
CORPUS = Path(os.environ.get("NETAUDIT_CORPUS", ROOT.parent / "shared" / "corpus"))


def networks() -> list[tuple[str, list[Path]]]:
    """(name, paths) of every network to audit: samples, then corpus networks and files."""
    samples = sorted(d for d in (ROOT / "sample_configs").iterdir() if (d / "site.yaml").is_file())
    out = [(f"sample/{d.name}", [d]) for d in samples]
    if CORPUS.is_dir():
        out.append(("corpus/batfish-example", [CORPUS / "batfish-example" / "configs"]))
        out.append(("corpus/stanford-backbone", [CORPUS / "stanford-backbone"]))
        for vendor in ("fortios", "cisco_asa"):
            for f in sorted((CORPUS / "batfish-snippets" / vendor).iterdir()):
                if f.is_file():
                    out.append((f"corpus/snippets/{vendor}/{f.name}", [f]))
    for d in sorted((ROOT / "tests" / "fixtures").iterdir()):
        if not d.is_dir() or d.name == "model":  # model/: the samples' expected model dumps
            continue
        for f in sorted(d.iterdir()):
            # Configurations only: not their site files nor their expected model dumps.
            if f.is_file() and f.suffix not in (".yaml", ".yml", ".json"):
                out.append((f"fixture/{d.name}/{f.name}", [f]))
    return out


def _site_name(name: str) -> str:
    return name.replace("/", "__") + ".yaml"


def same_anywhere(text: str, tmp: str = "") -> str:
    """``text`` without the places of this tree, the corpus and ``tmp``: devices read from
    one file keep its path, so that trees in other places compare alike."""
    text = text.replace(str(CORPUS), "<corpus>").replace(str(ROOT), "<root>")
    return text.replace(tmp, "<tmp>") if tmp else text


def verdicts(paths: list[Path], site: Path | None = None) -> dict:
    from netaudit.audit import failures, run_audit
    from netaudit.model import InputError

    try:
        audit = run_audit(paths, site)
    except InputError as e:
        return {"error": same_anywhere(str(e))}
    cells = {
        f"{c.src} -> {c.dst}": (c.verdict if c.verdict != "unknown" else f"unknown: {c.reason}") for c in audit.matrix
    }
    findings = sorted(f"{f.check} {f.severity} {','.join(f.zones)}" for f in audit.findings)
    failing = bool(failures(audit))  # the exit status rule of netaudit audit (unknown never passes)
    concl = (audit.compliance or {}).get("conclusion")
    return {
        "cells": cells,
        "findings": findings,
        "conclusion": concl,
        "zones": {z.name: z.kind for z in audit.zones},
        "exit_if_high": 1 if failing else 0,
    }


def snapshot(target: str, sites: str | None = None) -> None:
    result = {}
    for name, paths in networks():
        site = Path(sites) / _site_name(name) if sites else None
        result[name] = verdicts(paths, site if site is not None and site.is_file() else None)
        print(name, file=sys.stderr)
    Path(target).write_text(json.dumps(result, indent=1, sort_keys=True, ensure_ascii=False, default=str))


def draft_sites(folder: str) -> None:
    """A drafted site file for every network that has none of its own."""
    from netaudit import inputs, topology, zones
    from netaudit.model import InputError

    Path(folder).mkdir(parents=True, exist_ok=True)
    for name, paths in networks():
        if name.startswith("sample/"):
            continue
        try:
            snap = inputs.load_snapshot(paths)
        except InputError:
            continue
        site = zones.infer_site(snap.devices, topology.build(snap.devices))
        if site.zones:
            text = zones.site_to_yaml(site).replace("TODO", "draft")
            (Path(folder) / _site_name(name)).write_text(text, encoding="utf-8")


def _set(v):
    """``v`` with every dataclass field left at its default omitted: a field added to the
    model (a new construct a parser reads) changes only the devices that use it."""
    import dataclasses

    from netaudit.model import Match, Src

    if isinstance(v, Match | Src):  # named tuples, printed as the dataclasses they were
        defaults = type(v)._field_defaults
        fields = {k: _set(x) for k, x in v._asdict().items() if k not in defaults or x != defaults[k]}
        return (type(v).__name__, fields)
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        out = {}
        for f in dataclasses.fields(v):
            x = getattr(v, f.name)
            if f.default is not dataclasses.MISSING and x == f.default:
                continue
            if f.default_factory is not dataclasses.MISSING and x == f.default_factory():
                continue
            out[f.name] = _set(x)
        return (type(v).__name__, out)
    if isinstance(v, dict):
        return {k: _set(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_set(x) for x in v]
    return v


def _print(device, tmp: str) -> str:
    import hashlib

    return hashlib.sha256(same_anywhere(repr(_set(device)), tmp).encode()).hexdigest()


def parse_prints(target: str) -> None:
    """sha256 of ``repr`` of every parsed device, per network and bench input."""
    import tempfile

    from netaudit import inputs
    from netaudit.model import InputError
    from tests.bench import test_bench_parse as bench

    def prints(paths: list[Path], tmp: str = "") -> dict:
        try:
            snap = inputs.load_snapshot(paths)
        except InputError as e:
            return {"error": same_anywhere(str(e), tmp)}
        return {d.hostname: _print(d, tmp) for d in snap.devices}

    result = {"parses": True}
    for name, paths in networks():
        result[name] = prints(paths)
        print(name, file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        for case in bench.CASES:
            folder = bench.write_input(case, case.generate(bench.SMOKE_LINES), Path(tmp))
            result[f"bench/{case.name}"] = prints([folder], tmp)
    Path(target).write_text(json.dumps(result, indent=1, sort_keys=True))


def diff(a_file: str, b_file: str) -> int:
    a, b = json.loads(Path(a_file).read_text()), json.loads(Path(b_file).read_text())
    if a.pop("parses", False) | b.pop("parses", False):
        changed = 0
        for net in sorted(set(a) | set(b)):
            x, y = a.get(net, {}), b.get(net, {})
            for dev in sorted(set(x) | set(y)):
                if x.get(dev) != y.get(dev):
                    changed += 1
                    print(f"{net}: {dev}")
        print(f"{changed} devices changed")
        return 0
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
    sys.path.append(str(ROOT))  # PYTHONPATH (another checkout) wins
    if len(sys.argv) in (3, 4) and sys.argv[1] == "snapshot":
        snapshot(sys.argv[2], sys.argv[3] if len(sys.argv) == 4 else None)
    elif len(sys.argv) == 3 and sys.argv[1] == "parses":
        if os.environ.get("PYTHONHASHSEED") != "0":
            os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
        parse_prints(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "sites":
        draft_sites(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "diff":
        sys.exit(diff(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
