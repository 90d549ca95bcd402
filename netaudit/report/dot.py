"""Running Graphviz's ``dot``: one layout of a DOT source written in several formats at
once, the last few kept by source (report/diagram.py lays its picture out with it).

The report's diagram and its ``.drawio`` lay out the same graph, fitting runs included,
and ``dot`` is what a large diagram costs (0.6 s a run at 80 zones, docs/performance.md):
its output depends on the source alone, so a source laid out once is not laid out again.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT = 60  # s, one dot run
# Graphviz's output for the last few (source, format, options) triples.
_LAID_OUT: dict[tuple[str, str, tuple[str, ...]], bytes] = {}
_LAID_OUT_KEPT = 8

# The formats one layout is written in at once: the fitting runs measure it (plain), the
# report prints the last one (svg) and the .drawio places its nodes by it (plain).
_TOGETHER = {"plain": ("plain", "svg"), "svg": ("svg", "plain")}


def dot_available() -> bool:
    return shutil.which("dot") is not None


class DotError(Exception):
    """dot could not lay the source out: one line saying why (a report says it instead of
    drawing the diagram)."""


def lay_out(source: str, fmt: str, options: tuple[str, ...] = ()) -> bytes:
    """``dot -T<fmt> [options]`` of ``source`` (one layout for plain and svg together,
    kept); :class:`DotError` when dot fails."""
    got = _LAID_OUT.get((source, fmt, options))
    if got is None:
        for f, data in _run_dot(source, _TOGETHER.get(fmt, (fmt,)), options).items():
            while len(_LAID_OUT) >= _LAID_OUT_KEPT:
                del _LAID_OUT[next(iter(_LAID_OUT))]
            _LAID_OUT[(source, f, options)] = data
        got = _LAID_OUT[(source, fmt, options)]
    return got


def forget() -> None:
    """Drop the kept layouts (a benchmark round laying out as a new process would)."""
    _LAID_OUT.clear()


def _run_dot(source: str, fmts: tuple[str, ...], options: tuple[str, ...] = ()) -> dict[str, bytes]:
    """One layout of ``source`` written in each of ``fmts`` (``dot -Tplain -o A -Tsvg -o B``)."""
    from ..safetext import one_line

    what = "dot " + " ".join(f"-T{f}" for f in fmts)
    with tempfile.TemporaryDirectory(prefix="netaudit-dot-") as tmp:
        args = ["dot", *options]
        for f in fmts:
            args += [f"-T{f}", "-o", str(Path(tmp) / f)]
        try:
            res = subprocess.run(args, input=source.encode("utf-8"), capture_output=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise DotError(one_line(f"{what}: {e}")[:300]) from None
        if res.returncode != 0:
            err = res.stderr.decode("utf-8", "replace").strip().splitlines()
            raise DotError(one_line(f"{what}: exit {res.returncode}" + (f": {err[-1]}" if err else ""))[:300])
        return {f: (Path(tmp) / f).read_bytes() for f in fmts}


def plain_size(plain: str) -> tuple[float, float]:
    """(width, height) in points of a ``dot -Tplain`` layout."""
    for line in plain.splitlines():
        parts = line.split()
        if parts and parts[0] == "graph":
            return float(parts[2]) * 72, float(parts[3]) * 72
    return 0.0, 0.0
