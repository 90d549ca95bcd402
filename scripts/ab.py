#!/usr/bin/env python3
"""Time one netaudit command under two source trees, alternating, in whole processes.

    scripts/ab.py [--rounds N] TREE_A TREE_B -- audit DIR --format json -o /tmp/out.json

Each round runs the command once under each tree (A, B, A, B …), as
``python -m netaudit.cli ARGS`` with ``PYTHONPATH=TREE``, and prints per tree the wall
time, the CPU time (user + system of the child) and the peak resident memory of every
run, then the medians and B's median against A's.  Before and after, it runs a fixed
reference program (``sum(i*i for i in range(10**7))``) and prints its CPU time and the
load: this machine's speed moves between sessions, so a figure is read beside them
(docs/performance.md).

The commands run from a directory of their own, never from a tree: ``python -m`` puts
the working directory first on ``sys.path``, before ``PYTHONPATH``, and an A/B run from
inside one tree measures that tree twice (docs/performance.md, the tenth session).
Byte-compile both trees first (``python -m compileall -q TREE/netaudit``) where
``PYTHONDONTWRITEBYTECODE`` is set, or each run recompiles the package.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REFERENCE = "sum(i*i for i in range(10**7))"


def run_once(tree: Path | None, argv: list[str], cwd: str) -> tuple[float, float, int, int]:
    """(wall s, CPU s, peak KiB, exit code) of one process running ``argv`` under
    ``tree`` (None: the reference program)."""
    env = dict(os.environ)
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
        cmd = [sys.executable, "-m", "netaudit.cli", *argv]
    else:
        cmd = [sys.executable, "-c", REFERENCE]
    # A small wrapper reports the child's own usage (RUSAGE_CHILDREN of a fresh
    # interpreter holds exactly one child), so peaks are per run, not the running max.
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
        "wall = time.perf_counter() - t\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(wall, u.ru_utime + u.ru_stime, u.ru_maxrss, rc)\n"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, *cmd], env=env, cwd=cwd, capture_output=True, text=True)
    if out.returncode != 0 or not out.stdout.strip():
        raise SystemExit(f"ab.py: the timing wrapper failed: {out.stderr.strip()[:300]}")
    wall, cpu, peak, rc = out.stdout.split()
    return float(wall), float(cpu), int(peak), int(rc)


def reference(cwd: str) -> str:
    """The reference program's CPU time and the load, as one line."""
    _, cpu, _, _ = run_once(None, [], cwd)
    return f"reference program {cpu:.2f} s CPU, load {os.getloadavg()[0]:.2f}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--" not in args:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    cut = args.index("--")
    parser = argparse.ArgumentParser(prog="ab.py", description="alternating whole-process timing of two trees")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("tree_a", type=Path)
    parser.add_argument("tree_b", type=Path)
    opts = parser.parse_args(args[:cut])
    command = args[cut + 1 :]
    trees = [opts.tree_a.resolve(), opts.tree_b.resolve()]
    for tree in trees:
        if not (tree / "netaudit" / "__init__.py").is_file():
            print(f"ab.py: {tree}: no netaudit package there", file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory(prefix="netaudit-ab-") as cwd:
        print(time.strftime("%H:%M:%S"), reference(cwd))
        # By position: the same tree twice (a noise check) is two series.
        runs: list[list[tuple[float, float, int, int]]] = [[], []]
        for _ in range(opts.rounds):
            for k, tree in enumerate(trees):
                runs[k].append(run_once(tree, command, cwd))
        medians = []
        for label, tree, got in zip("AB", trees, runs, strict=True):
            walls, cpus = [r[0] for r in got], [r[1] for r in got]
            medians.append(statistics.median(walls))
            codes = sorted({r[3] for r in got})
            print(
                f"{label} {tree}: wall {' '.join(f'{w:.2f}' for w in walls)} (median {statistics.median(walls):.2f}),"
                f" CPU {' '.join(f'{c:.2f}' for c in cpus)} (median {statistics.median(cpus):.2f}),"
                f" peak {max(r[2] for r in got) / 1024:.0f} MiB, exit {'/'.join(map(str, codes))}"
            )
        ratio = medians[1] / medians[0] if medians[0] else float("nan")
        print(f"B/A wall medians {ratio:.3f}")
        print(time.strftime("%H:%M:%S"), reference(cwd))
    return 0


if __name__ == "__main__":
    sys.exit(main())
