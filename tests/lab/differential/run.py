"""The differential campaign: random networks built in namespaces, dumped, audited by
netaudit, probed with real packets, compared (docs/differential.md).

    python -m tests.lab.differential.run --seeds 1-1000 --jobs 2 --out docs/differential.md

One JSON line per network goes to ``--results`` (default ``differential-results.jsonl``;
``--resume`` skips the seeds already there), a summary to stdout, and with ``--out`` the
result table of docs/differential.md is rewritten (between its ``results`` markers).
Networks with a disagreement are kept whole under ``--keep`` (dump, site, audit JSON,
network, probes, disagreements) for review.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

from .build import Lab
from .compare import compare
from .dump import dump
from .generator import generate
from .probe import Planner, send

ROOT = Path(__file__).resolve().parents[3]
_CLI = "import sys; from netaudit.cli import main; sys.exit(main())"


def audit(configs: Path, site: Path, out: Path) -> tuple[int, str]:
    script = Path(sys.executable).with_name("netaudit")
    front = [str(script)] if script.exists() else [sys.executable, "-c", _CLI]
    cmd = [*front, "audit", str(configs), "--site", str(site), "--format", "json"]
    r = subprocess.run([*cmd, "-o", str(out)], capture_output=True, text=True, cwd=ROOT)
    return r.returncode, r.stderr


def run_one(seed: int, work: Path, keep: Path | None = None) -> dict:
    """Build, dump, audit, probe and compare network ``seed``; returns its record."""
    t0 = time.monotonic()
    net = generate(seed)
    base = work / str(seed)
    configs = base / "configs"
    if base.exists():
        shutil.rmtree(base)
    record: dict
    with Lab(net) as lab:
        site = dump(lab, configs)
        shutil.move(site, base / "site.yaml")
        site = base / "site.yaml"
        rc, err = audit(configs, site, base / "audit.json")
        if rc not in (0, 1):
            record = {"seed": seed, "error": f"netaudit exit {rc}: {err.strip()[-2000:]}", "disagreements": []}
        else:
            doc = json.loads((base / "audit.json").read_text())
            probes = Planner(net, doc, seed).plan()
            send(lab, probes)
            record = compare(net, doc, probes)
            record["warnings"] = doc.get("warnings", [])
            record["netaudit_exit"] = rc
    record["seconds"] = round(time.monotonic() - t0, 2)
    if keep is not None and (record.get("disagreements") or record.get("error")):
        dest = keep / str(seed)
        if dest.exists():
            shutil.rmtree(dest)
        shutil.copytree(base, dest)
        (dest / "network.json").write_text(json.dumps(net.to_dict(), indent=1))
        if record.get("disagreements") is not None and "probes" in record:
            (dest / "probes.json").write_text(json.dumps([p.to_dict() for p in probes], indent=1))
        (dest / "record.json").write_text(json.dumps(record, indent=1))
    shutil.rmtree(base, ignore_errors=True)
    return record


def write_finding(kept: Path, dest: Path, note: str) -> None:
    """A confirmed disagreement, for the integrator: the dump and site netaudit audited,
    the disagreeing probes with what netaudit said, the generated network, a README line."""
    record = json.loads((kept / "record.json").read_text())
    (dest / "configs").mkdir(parents=True, exist_ok=True)
    for f in sorted((kept / "configs").iterdir()):
        shutil.copy(f, dest / "configs" / f.name)
    shutil.copy(kept / "site.yaml", dest / "site.yaml")
    shutil.copy(kept / "network.json", dest / "network.json")
    (dest / "disagreements.json").write_text(json.dumps(record["disagreements"], indent=1) + "\n")
    seed = record["seed"]
    cmd = f"netaudit audit {dest}/configs --site {dest}/site.yaml --format json"
    (dest / "README.md").write_text(
        f"Seed {seed}: {note}\n\nReproduce: `{cmd}`; the kernel's behaviour: "
        f"`python -m tests.lab.differential.run --seeds {seed}` (disagreements.json: the probe, where it "
        "arrived — `arrived: []` is nowhere — and what netaudit said).\n"
    )


def parse_seeds(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        out += list(range(int(lo), int(hi) + 1)) if hi else [int(lo)]
    return out


def _worker(args: tuple[int, str, str | None]) -> dict:
    seed, work, keep = args
    try:
        return run_one(seed, Path(work), Path(keep) if keep else None)
    except Exception as e:  # a harness failure is reported, never hidden
        return {"seed": seed, "error": f"harness: {type(e).__name__}: {e}"[:3000], "disagreements": []}


def machine() -> str:
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    nft = subprocess.run(["nft", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{cpu}, {os.cpu_count()} cores, Linux {platform.release()}, {nft}, Python {platform.python_version()}"


def summary(records: list[dict], seconds: float, jobs: int) -> dict:
    ok = [r for r in records if not r.get("error")]
    cells = sum(r["cells"] for r in ok)
    unknown = sum(r["unknown"] for r in ok)
    verdicts: dict[str, int] = {}
    for r in ok:
        for k, v in r["verdicts"].items():
            verdicts[k] = verdicts.get(k, 0) + v
    return {
        "networks": len(records),
        "audited": len(ok),
        "errors": len(records) - len(ok),
        "disagreements": sum(len(r["disagreements"]) for r in records),
        "networks_with_disagreements": sorted(r["seed"] for r in records if r["disagreements"]),
        "cells": cells,
        "verdicts": verdicts,
        "unknown_rate": round(unknown / cells, 4) if cells else None,
        "probes": sum(r["probes"] for r in ok),
        "witnesses": sum(r["witnesses"] for r in ok),
        "delivered": sum(r["delivered"] for r in ok),
        "probes_in_blocked_cells": sum(r["probes_in_blocked_cells"] for r in ok),
        "seconds": round(seconds, 1),
        "per_network": round(seconds * jobs / max(1, len(records)), 2),
        "jobs": jobs,
    }


def table(s: dict, seeds: str) -> str:
    v = s["verdicts"]
    nets = s["networks_with_disagreements"]
    listed = f" ({', '.join(map(str, nets[:20]))}{', …' if len(nets) > 20 else ''})" if nets else ""
    rate = f"{100 * s['unknown_rate']:.1f} %" if s["unknown_rate"] is not None else "n/a"
    rows = [
        ("date", datetime.date.today().isoformat()),
        ("machine", machine()),
        ("seeds", f"{seeds} ({s['networks']} networks; {s['audited']} audited, {s['errors']} errors)"),
        ("duration", f"{s['seconds']:.0f} s wall with {s['jobs']} jobs ({s['per_network']:.2f} s per network per job)"),
        (
            "matrix cells (unknown: counted, not compared)",
            f"{s['cells']} (reachable {v.get('reachable', 0)}, blocked {v.get('blocked', 0)}, unknown {v.get('unknown', 0)})",
        ),
        ("unknown rate", rate),
        (
            "probes sent",
            f"{s['probes']} ({s['witnesses']} witnesses, {s['probes_in_blocked_cells']} in blocked cells, {s['delivered']} delivered)",
        ),
        (
            "**disagreements**",
            f"**{s['disagreements']}** in {len(nets)} networks{listed}",
        ),
    ]
    return "| | |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"


def write_doc(path: Path, text: str) -> None:
    doc = path.read_text() if path.exists() else "<!-- results -->\n<!-- /results -->\n"
    new = re.sub(r"<!-- results -->.*?<!-- /results -->", f"<!-- results -->\n{text}<!-- /results -->", doc, flags=re.S)
    path.write_text(new)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.lab.differential.run")
    ap.add_argument("--seeds", default="1-20")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--results", default="differential-results.jsonl")
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--keep", default="differential-findings", help="where networks that disagree are kept")
    ap.add_argument("--out", help="docs/differential.md: rewrite its result table")
    a = ap.parse_args(argv)
    seeds = parse_seeds(a.seeds)
    results = Path(a.results)
    done: dict[int, dict] = {}
    if a.resume and results.exists():
        for line in results.read_text().splitlines():
            r = json.loads(line)
            done[r["seed"]] = r
    todo = [s for s in seeds if s not in done]
    work = tempfile.mkdtemp(prefix="nd-work-")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # teardown runs on the way out
    t0 = time.monotonic()
    records = [done[s] for s in seeds if s in done]
    try:
        with open(results, "a") as out, Pool(a.jobs) as pool:
            for i, r in enumerate(pool.imap_unordered(_worker, [(s, work, a.keep) for s in todo]), 1):
                out.write(json.dumps(r) + "\n")
                out.flush()
                records.append(r)
                flag = f" DISAGREE {len(r['disagreements'])}" if r["disagreements"] else ""
                flag += f" ERROR {r['error'][:200]}" if r.get("error") else ""
                print(f"[{i}/{len(todo)}] seed {r['seed']} {r.get('seconds', '?')} s{flag}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    s = summary(records, time.monotonic() - t0, a.jobs)
    print(json.dumps(s, indent=1))
    if a.out:
        write_doc(Path(a.out), table(s, a.seeds))
    return 1 if s["disagreements"] or s["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
