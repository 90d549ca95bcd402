"""Mutation fuzzing of whole audits (issue #8): truncations, byte flips and control
characters in every vendor's sample configs, audited end to end as a user would.

Invariants checked on every mutant:
* no traceback: ``netaudit.cli.main`` returns 0, 1 or 2 and never raises;
* nothing disappears silently: when a device of the original snapshot is missing from
  the mutant's audit, the exit status is not 0 and the audit says so in its warnings.

Used by ``tests/test_fuzz.py`` (a fixed seed and a small count, in CI) and by
``tests/bench/test_bench_fuzz.py`` (``make bench``: the same with many more cases).
"""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from helpers import SAMPLES, run_cli

CONFIG_SUFFIXES = (".cfg", ".conf", ".rsc")
CONTROL = [b"\x00", b"\x1b[31m", b"\x0b", b"\x0c", b"\x07", "\ufffe".encode(), "\u202e".encode(), b"\xff\xfe"]


@dataclass
class Mutant:
    sample: str
    file: str
    how: str
    data: bytes


def sample_offices() -> list[Path]:
    return sorted(d for d in SAMPLES.iterdir() if (d / "site.yaml").is_file())  # not blueprints/


def mutants(seed: int, per_file: int) -> list[Mutant]:
    """``per_file`` mutants of every sample config, drawn with ``seed``."""
    rng = random.Random(seed)
    out = []
    for office in sample_offices():
        for cfg in sorted(p for p in office.iterdir() if p.suffix in CONFIG_SUFFIXES):
            raw = cfg.read_bytes()
            for _ in range(per_file):
                kind = rng.choice(("truncate", "flip", "control", "hostname"))
                if kind == "truncate":
                    cut = rng.randrange(1, len(raw))
                    data, how = raw[:cut], f"truncated at byte {cut}"
                elif kind == "flip":
                    data = bytearray(raw)
                    spots = [rng.randrange(len(raw)) for _ in range(rng.randint(1, 8))]
                    for pos in spots:
                        data[pos] = rng.randrange(256)
                    data, how = bytes(data), f"bytes changed at {spots}"
                elif kind == "control":
                    pos, ctl = rng.randrange(len(raw)), rng.choice(CONTROL)
                    data, how = raw[:pos] + ctl + raw[pos:], f"{ctl!r} inserted at byte {pos}"
                else:
                    data, how = _garble_hostname(raw, rng)
                out.append(Mutant(office.name, cfg.name, how, data))
    return out


def _garble_hostname(raw: bytes, rng: random.Random) -> tuple[bytes, str]:
    """The hostname line with random printable garbage in the name."""
    lines = raw.split(b"\n")
    for i, line in enumerate(lines):
        low = line.strip().lower()
        if low.startswith((b"hostname ", b"set hostname ", b"set name=")) or (
            low.startswith(b"set name") and i and b"/system identity" in lines[i - 1]
        ):
            junk = bytes(rng.choice(b"abc-_.:;\"'#!@ \\/{}[]") for _ in range(rng.randint(1, 12)))
            key, _, _ = line.rpartition(b" ") if b"=" not in line else (line.partition(b"=")[0] + b"=", b"", b"")
            lines[i] = key + (b" " if not key.endswith(b"=") else b"") + junk
            return b"\n".join(lines), f"hostname line {i + 1} garbled"
    return raw, "hostname not found (unchanged)"


def audit_json(folder: Path, out: Path) -> tuple[int, dict | None, str]:
    """(exit status, JSON document or None, what it printed on stderr)."""
    code, _, err = run_cli("audit", folder, "--format", "json", "-o", out)
    assert code in (0, 1, 2), code
    doc = json.loads(out.read_text(encoding="utf-8")) if code != 2 and out.exists() else None
    return code, doc, err


def devices_of(doc: dict | None) -> set[str]:
    return {d for i in (doc or {}).get("inputs", []) for d in i.get("devices", [])}


def check(m: Mutant, work: Path, originals: dict[str, set[str]]) -> str | None:
    """Run one mutant; a description of the broken invariant, or None."""
    folder = work / f"{m.sample}"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(SAMPLES / m.sample, folder)
    (folder / m.file).write_bytes(m.data)
    out = work / "out.json"
    out.unlink(missing_ok=True)
    try:
        code, doc, err = audit_json(folder, out)
    except Exception as e:
        return f"{m.sample}/{m.file} {m.how}: {type(e).__name__}: {e}"
    if code == 2:
        # Refused: one line that names the mutated file (not only a consequence of it).
        if len(err.strip().splitlines()) != 1 or m.file not in err:
            return f"{m.sample}/{m.file} {m.how}: exit 2 without naming the file: {err.strip()[:300]}"
        return None
    lost = originals[m.sample] - devices_of(doc)
    named = any(m.file in w for w in (doc or {}).get("warnings", []))
    if lost and (code == 0 or not named):
        return f"{m.sample}/{m.file} {m.how}: device(s) {sorted(lost)} dropped silently (exit {code})"
    return None


def run(seed: int, per_file: int, work: Path) -> tuple[int, list[str]]:
    """(mutants run, broken invariants)."""
    originals = {}
    for office in sample_offices():
        _, doc, _ = audit_json(office, work / "orig.json")
        originals[office.name] = devices_of(doc)
    cases = mutants(seed, per_file)
    problems = [p for m in cases if (p := check(m, work, originals))]
    return len(cases), problems
