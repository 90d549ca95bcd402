"""Data-driven parser tests: each fixture config next to the vendor-neutral model it parses to.

What is compared
----------------
Every configuration under ``tests/fixtures/<folder>/`` (any folder, any depth; files ending
in ``.cfg``, ``.conf``, ``.rsc`` or ``.txt``; not ``*.site.yaml``, READMEs or the dumps
themselves) and every configuration of ``sample_configs/<office>/`` is loaded the way a
user's file is loaded — ``netaudit.inputs.load_snapshot([path])``, so vendor detection,
decoding and the completeness checks run too — and its devices are dumped as plain JSON
(:func:`dump_file`).  ``tests/parsers/test_model_dumps.py`` compares that dump with the
expected one stored next to the fixture:

* ``tests/fixtures/<folder>/<file>.model.json`` for a fixture;
* ``tests/fixtures/model/<office>/<file>.model.json`` for a sample config (sample folders
  are copied by users and stay clean).

A fixture without an expected dump fails, naming the command that writes it; so does an
expected dump whose config is gone (move dumps along when renaming fixture folders — their
content names files by base name only, so a move changes nothing inside), and a dump that
holds one of its config's distinctive secret values.

Regenerating
------------
After a deliberate parser change (or a new fixture)::

    python -m tests.model_dump --update                 # every fixture and sample (= make model-dumps)
    python -m tests.model_dump --update tests/fixtures/mikrotik_routeros/pbr-hai-isp-v7.rsc
    python -m tests.model_dump sample_configs/cisco-commune-leaky/edge-rt.cfg   # print, write nothing

then read the diff (``git diff -- '*.model.json'``) before committing it: the dump is the
review of what the parser now believes about that config.

What a dump holds
-----------------
``{"file", "inputs", "input_problems", "warnings", "reports", "devices"}``:

* ``inputs``: how the loader saw the file (kind, detected vendor, devices, lines,
  unrecognized count, problem);
* ``reports``: each :class:`netaudit.model.ParseReport` — lines, ignored, the line numbers
  of unrecognized lines, partially understood constructs (construct, reason, ``at``),
  warnings, devices (not the sha256, not the line texts);
* ``devices``: every vendor-neutral field of :class:`netaudit.model.Device`, walked
  generically (a field added to the model appears in every dump at the next
  regeneration) — interfaces with all their fields, VLANs, VRFs, routes, filters with
  their lines, matches, actions and ``partial`` reasons, forward/input filter names, NAT
  rules, policy routes, management services, SSIDs, references, ``ip_routing``,
  ``dynamic_routing``, ``routing_state``, interface roles and lists, ``context``,
  unfiltered bridges, ``os_version``…

Left out: ``facts`` (vendor-private; the vendor's checks test it), the values of
``secrets`` and ``secret_lines`` (only ``secret_count`` and ``secret_line_count`` are
kept: secrets are never written into files), ``Src.text`` and the text of unrecognized
and partially understood lines (the config is right next to the dump; warnings and
``partial`` reasons are kept as the parser words them), sha256 digests.

Conventions, for stable and readable diffs: the file is named by its base name wherever
the loader showed its path (``Src`` as ``"name.cfg:12"``, warnings, reports), so dumps do
not depend on where the fixture lives; sets are sorted; ``IPNetwork`` is ``"a.b.c.d/n"``;
integer addresses (``next_hop``, ``to_ip``, a helper's ``address``) are dotted quads; an address match is
``"any"``, ``"a.b.c.d/n"`` or ``"a.b.c.d wildcard w.x.y.z"``; a port range ``"lo-hi"``
(``"p"`` for one port); enums are their values; a :class:`netaudit.model.Match` lists only
the constraints it sets (``{}`` matches every packet).  JSON with sorted keys, one space
of indent, any list or object that fits on a line of 100 characters written inline, longer lists
of numbers or strings packed several to a line.
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import json
import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path

from netaddr import IPAddress, IPNetwork

from netaudit.inputs import load_snapshot
from netaudit.model import AddrMatch, Device, InputError, Match, ParseReport, PortRange, Src

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLES = ROOT / "sample_configs"
MODEL = FIXTURES / "model"  # expected dumps of the sample configs
SUFFIX = ".model.json"
CONFIG_SUFFIXES = (".cfg", ".conf", ".rsc", ".txt")
COMMAND = "python -m tests.model_dump --update"

# Device fields never dumped (see the module docstring); secrets are counted instead.
_DEVICE_SKIP = frozenset({"facts", "secrets", "secret_lines"})
# Integer IPv4 addresses in the model, written as dotted quads.
_INT_ADDRESSES = frozenset({"next_hop", "to_ip", "address"})  # `address`: a UdpHelper's
# Fields shown only when set (most lines never are: their dumps stay as they were).
_ONLY_WHEN_SET = frozenset(  # fields added late: shown when set
    {"approximated", "ipsec_tunnels", "udp_helpers", "broadcast_forwarding", "bound_to"}
)
_WIDTH = 100


# --------------------------------------------------------------------------- discovery


def _is_config(p: Path) -> bool:
    name = p.name.lower()
    return (
        p.is_file()
        and p.suffix.lower() in CONFIG_SUFFIXES
        and not name.endswith(SUFFIX)
        and not name.endswith(".site.yaml")
        and not name.startswith("readme")
    )


def expected_path(config: Path) -> Path:
    """Where the expected dump of ``config`` lives."""
    config = config.resolve()
    if config.parent.parent == SAMPLES:
        return MODEL / config.parent.name / (config.name + SUFFIX)
    return config.with_name(config.name + SUFFIX)


def fixture_configs() -> list[Path]:
    """Every fixture and sample configuration that has (or must have) an expected dump."""
    found = [p for p in FIXTURES.rglob("*") if MODEL not in p.parents and _is_config(p)]
    found += [p for p in SAMPLES.glob("*/*") if _is_config(p)]
    return sorted(found)


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        p = p.resolve()
        if p.is_dir():
            out += [q for q in sorted(p.rglob("*")) if MODEL not in q.parents and _is_config(q)]
        elif p.name.endswith(SUFFIX):  # the dump given for its config
            out.append(config_of(p))
        else:
            out.append(p)
    return out


def config_of(dump: Path) -> Path:
    """The config an expected dump belongs to."""
    name = dump.name[: -len(SUFFIX)]
    if MODEL in dump.parents:
        return SAMPLES / dump.parent.name / name
    return dump.with_name(name)


def rel(p: Path) -> str:
    """``p`` relative to the repository (as the commands and test ids show it)."""
    try:
        return p.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(p)


# --------------------------------------------------------------------------- the dump


class _Plain:
    """Turns model objects into JSON-able data, naming the input file by its base name."""

    def __init__(self, shown: str, name: str):
        self.shown, self.name = shown, name

    def text(self, s: str) -> str:
        return str(s).replace(self.shown, self.name) if self.shown in s else str(s)

    def src(self, s: Src) -> str:
        return f"{self.text(s.file)}:{s.line}"

    def __call__(self, v, key: str = ""):
        if v is None or (isinstance(v, bool | int | float) and not isinstance(v, Enum)):
            if key in _INT_ADDRESSES and isinstance(v, int) and not isinstance(v, bool):
                return str(IPAddress(v))
            return v
        if isinstance(v, Enum):
            return v.value
        if isinstance(v, str):
            return self.text(v)
        if isinstance(v, Src):
            return self.src(v)
        if isinstance(v, IPNetwork):
            return str(v)
        if isinstance(v, AddrMatch):
            return _addr(v)
        if isinstance(v, PortRange):
            return str(v.lo) if v.lo == v.hi else f"{v.lo}-{v.hi}"
        if isinstance(v, Match):  # (a named tuple: its fields left at their defaults omitted)
            return {
                name: self(value, name) for name, value in v._asdict().items() if value != Match._field_defaults[name]
            }
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            return {
                f.name: self(getattr(v, f.name), f.name)
                for f in dataclasses.fields(v)
                if f.name not in _ONLY_WHEN_SET or getattr(v, f.name) not in (None, [])
            }
        if isinstance(v, dict):
            return {str(k) if not isinstance(k, int) else k: self(x, key) for k, x in v.items()}
        if isinstance(v, set | frozenset):
            return sorted((self(x, key) for x in v), key=lambda x: json.dumps(x, sort_keys=True))
        if isinstance(v, list | tuple):
            return [self(x, key) for x in v]
        raise TypeError(f"model_dump: no plain form for {type(v).__name__} ({key or 'value'})")

    def device(self, d: Device) -> dict:
        out = {
            f.name: self(getattr(d, f.name), f.name)
            for f in dataclasses.fields(d)
            if f.name not in _DEVICE_SKIP and (f.name not in _ONLY_WHEN_SET or getattr(d, f.name) not in (None, []))
        }
        out["secret_count"] = len(d.secrets)
        out["secret_line_count"] = len(d.secret_lines)
        return out

    def report(self, r: ParseReport) -> dict:
        partial = []
        for p in r.partially_understood:
            entry = {k: self(v) for k, v in p.items() if k not in ("file", "line", "text")}
            if "line" in p:
                entry["at"] = f"{self.text(str(p.get('file', '')))}:{p['line']}"
            partial.append(entry)
        return {
            "file": self.text(r.file),
            "vendor": r.vendor,
            "lines": r.lines,
            "ignored": r.ignored,
            "unrecognized": [s.line for s in r.unrecognized],
            "partially_understood": partial,
            "warnings": [self.text(w) for w in r.warnings],
            "devices": list(r.devices),
        }


def _addr(a: AddrMatch) -> str:
    if a.is_any:
        return "any"
    w = a.wildcard
    if w & (w + 1) == 0 and a.value & w == 0:  # a prefix: contiguous host bits, none set
        return f"{IPAddress(a.value)}/{32 - w.bit_length()}"
    return f"{IPAddress(a.value)} wildcard {IPAddress(w)}"


def dump_file(path: str | Path) -> dict:
    """The plain-data model of the devices one input file parses to, loaded as a user's
    file is (``load_snapshot([path])``)."""
    path = Path(path)
    shown = str(path)
    plain = _Plain(shown, path.name)
    try:
        snap = load_snapshot([path])
    except InputError as e:
        return {"file": path.name, "error": plain.text(str(e))}
    return {
        "file": path.name,
        "inputs": [
            {
                "path": plain.text(f.path),
                "kind": f.kind,
                "vendor": f.vendor,
                "devices": list(f.devices),
                "lines": f.lines,
                "unrecognized": f.unrecognized,
                "problem": plain.text(f.problem) if f.problem else None,
            }
            for f in snap.inputs
        ],
        "input_problems": [plain.text(p) for p in snap.input_problems],
        "warnings": [plain.text(w) for w in snap.warnings],
        "reports": [plain.report(r) for r in snap.reports],
        "devices": [plain.device(d) for d in snap.devices],
    }


def secret_values(path: str | Path) -> set[str]:
    """The literal secrets the parsers found in ``path`` (to prove no dump holds them)."""
    try:
        snap = load_snapshot([Path(path)])
    except InputError:
        return set()
    found: set[str] = set()
    for d in snap.devices:
        found |= d.secrets
        for values in d.secret_lines.values():
            found |= values
    return found


# --------------------------------------------------------------------------- text


def to_text(data) -> str:
    """Stable, readable JSON: sorted keys, one space of indent, short containers inline."""
    return _fmt(data, 0) + "\n"


def _fmt(v, depth: int) -> str:
    flat = json.dumps(v, sort_keys=True, ensure_ascii=False)
    if not isinstance(v, dict | list) or not v or depth + len(flat) <= _WIDTH:
        return flat
    pad = " " * (depth + 1)
    if isinstance(v, dict):
        items = [
            f"{pad}{json.dumps(str(k), ensure_ascii=False)}: {_fmt(x, depth + 1)}"
            for k, x in sorted(v.items(), key=lambda kv: _key(kv[0]))
        ]
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}"
    if all(not isinstance(x, dict | list) for x in v):  # scalars: packed, several to a line
        rows, row = [], ""
        for x in (json.dumps(x, ensure_ascii=False) for x in v):
            if row and len(pad) + len(row) + len(x) + 2 > _WIDTH:
                rows.append(row + ",")
                row = ""
            row = f"{row}, {x}" if row else x
        rows.append(row)
        return "[\n" + "\n".join(pad + r for r in rows) + "\n" + " " * depth + "]"
    return "[\n" + ",\n".join(pad + _fmt(x, depth + 1) for x in v) + "\n" + " " * depth + "]"


def _key(k):
    # json.dumps(sort_keys=True) order: integers numerically, strings as strings.
    return (0, k, "") if isinstance(k, int) else (1, 0, k)


def diff(expected: str, actual: str, name: str, limit: int = 80) -> str:
    """A compact unified diff (at most ``limit`` lines) of two dump texts."""
    lines = list(
        difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), f"{name} (expected)", f"{name} (parsed now)", n=2, lineterm=""
        )
    )
    if len(lines) > limit:
        lines = [*lines[:limit], f"… {len(lines) - limit} more diff lines"]
    return "\n".join(lines)


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.model_dump", description=__doc__.split("\n", 1)[0])
    ap.add_argument("--update", action="store_true", help="write or refresh the expected dumps")
    ap.add_argument("paths", nargs="*", help="configs, folders or dumps (default: every fixture and sample)")
    args = ap.parse_args(argv)
    configs = _expand(args.paths) if args.paths else fixture_configs()
    if not args.update:
        for c in configs:
            sys.stdout.write(to_text(dump_file(c)))
        return 0
    written = same = 0
    for c in configs:
        target = expected_path(c)
        text = to_text(dump_file(c))
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            same += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written += 1
        print(f"wrote {rel(target)} ({len(text.encode()):,} bytes)")
    print(f"{written} written, {same} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
