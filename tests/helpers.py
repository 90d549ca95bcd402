"""Helpers shared by the test modules, defined once: ``from helpers import ip, matrix, …``.

A plain module (``tests/`` is on ``sys.path`` under pytest, as for ``bench.stanford``);
the fixtures built on it live in ``tests/conftest.py``.  Vendor-specific helpers (a
RouterOS header, the FortiOS office …) stay in ``tests/parsers/<vendor>/helpers.py`` and
build on these.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from netaddr import IPAddress, IPNetwork

from netaudit import topology, zones
from netaudit.checks import AuditContext
from netaudit.headerspace import HeaderSpace
from netaudit.model import Action, AddrMatch, Device, Filter, FilterLine, Interface, Src
from netaudit.policy import resolve_expectation
from netaudit.reach import Engine, compute_matrix
from netaudit.zones import Site, Zone

ROOT = Path(__file__).resolve().parent.parent  # the repository
SAMPLES = ROOT / "sample_configs"
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"  # public configs, present on the CI machine only


# --------------------------------------------------------------------------- addresses


def ip(a: str) -> int:
    """``"10.0.0.1"`` → its integer, as the model and the engine hold addresses."""
    return int(IPAddress(a))


def net(s: str) -> tuple[AddrMatch, ...]:
    """A one-prefix address match (``Match(dst=net("10.0.0.0/8"))``)."""
    return (AddrMatch.prefix(s),)


# --------------------------------------------------------------------------- hand-built devices


def src(n: int, text: str = "", file: str = "r.cfg") -> Src:
    """Config line ``n`` of ``file`` (text ``line n`` unless given)."""
    return Src(file, n, text or f"line {n}")


def l3(name, addr, **kw) -> Interface:
    """A routed interface with one address (its name is set by :func:`router`)."""
    return Interface(name, addresses=[IPNetwork(addr)], source=src(1, f"ip address {addr}"), **kw)


def acl(name, *lines, default=Action.DENY) -> Filter:
    """An ACL of ``(action, match[, partial])`` lines, written on config lines 10, 11, …"""
    out = []
    for i, (action, match, *rest) in enumerate(lines, start=10):
        out.append(FilterLine(Action(action), [match], src(i, f"{action} {i}"), partial=rest[0] if rest else None))
    return Filter(name, out, default, source=src(9, f"ip access-list extended {name}"))


def router(**ifaces) -> Device:
    """Device ``R1`` (file ``r.cfg``) with these interfaces: ``router(Gi1=l3("", "10.0.0.1/24"))``."""
    d = Device("R1", "test", "r.cfg")
    for name, itf in ifaces.items():
        itf.name = name
        d.interfaces[name] = itf
    return d


GUEST = Zone("guest", "guest", [IPNetwork("10.0.40.0/24")])
STAFF = Zone("staff", "internal", [IPNetwork("10.0.10.0/24")])


# --------------------------------------------------------------------------- engine


@dataclass
class Analysis:
    """Devices placed in a site and run through the engine: what an audit computes
    before the checks, for tests that look at cells or run one check."""

    devices: list[Device]
    site: Site
    topology: topology.Topology
    placed: list
    addresses: object
    warnings: list[str]
    engine: Engine
    matrix: list  # reach.Cell, in compute_matrix order

    @property
    def cells(self) -> dict:
        return cells(self.matrix)

    def expect(self, level: int | None = None) -> Analysis:
        """Attach each cell's expectation, as the audit does (level: the site's)."""
        kinds = {z.name: z.kind for z in self.placed}
        lvl = self.site.level if level is None else level
        for c in self.matrix:
            c.expectation = resolve_expectation(c.src, kinds[c.src], c.dst, kinds.get(c.dst, "devices"), lvl, [])
        return self

    def context(self, reports=()) -> AuditContext:
        """The context a check runs on."""
        return AuditContext(
            list(self.devices),
            list(reports),
            self.topology,
            self.site,
            self.placed,
            self.matrix,
            self.engine.hs,
            self.engine,
        )


def analyse(devices, site: Site | list[Zone], links=()) -> Analysis:
    """Place the zones of ``site`` (a :class:`Site`, or a list of zones of site ``t``) on
    ``devices`` linked by ``links`` (default: the site's) and compute the zone matrix."""
    if not isinstance(site, Site):
        site = Site(unit="t", zones=list(site))
    devices = list(devices)
    topo = topology.build(devices, list(links or site.links))
    placed, addrs, warnings = zones.resolve(site, topo)
    engine = Engine(topo, placed, addrs, HeaderSpace())
    matrix = compute_matrix(engine, [z.name for z in placed])
    return Analysis(devices, site, topo, placed, addrs, warnings, engine, matrix)


def matrix(devices, zone_list, links=()):
    """``({(src, dst): Cell}, engine)`` of ``devices`` with these zones (and links)."""
    a = analyse(devices, zone_list, links)
    return a.cells, a.engine


def cells(audit) -> dict:
    """``{(src, dst): Cell}`` of an audit (``run_audit``), an :class:`Analysis` or a list of cells."""
    return {(c.src, c.dst): c for c in getattr(audit, "matrix", audit)}


# --------------------------------------------------------------------------- parsing


# The services of every new connection through a stateful filter (conntrack: of ICMP only
# the requests are new) — a cell that lets everything pass.
EVERY_NEW_CONNECTION = [
    "icmp/8",
    "icmp/13",
    "icmp/15",
    "icmp/17",
    "tcp",
    "udp",
    "proto/0",
    "proto/2-5",
    "proto/7-16",
    "proto/18-255",
]

_FIXTURE_AUDITS: dict[tuple[str, str], object] = {}


def fixture_audit(vendor: str, name: str, tmp_path_factory):
    """The audit of ``tests/fixtures/<vendor>/<name>.*`` with its ``<name>.site.yaml``
    (copied together into a folder of their own), once per test session."""
    key = (vendor, name)
    if key not in _FIXTURE_AUDITS:
        from netaudit.audit import run_audit

        folder = tmp_path_factory.mktemp(name)
        config = next(p for p in (FIXTURES / vendor).glob(f"{name}.*") if p.suffix not in (".yaml", ".json"))
        shutil.copy(config, folder / config.name)
        shutil.copy(FIXTURES / vendor / f"{name}.site.yaml", folder / "site.yaml")
        _FIXTURE_AUDITS[key] = run_audit([folder])
    return _FIXTURE_AUDITS[key]


def check_cells(audit, expected: dict) -> None:
    """Every ``(src, dst): verdict`` or ``(src, dst): (verdict, services)`` of ``expected``
    as the audit has it; all the differences in one message."""
    got = cells(audit)
    wrong = []
    for key, want in expected.items():
        verdict, services = want if isinstance(want, tuple) else (want, None)
        c = got[key]
        if c.verdict != verdict or (services is not None and c.services != services):
            wrong.append(f"{key}: {c.verdict} {c.services} ({c.reason}) != {verdict} {services}")
    assert not wrong, "\n".join(wrong)


def parse_one(parse, text: str, file: str):
    """``(device, report)`` of a config that holds exactly one device; ``parse`` is a
    vendor module or its ``parse`` function."""
    res = getattr(parse, "parse", parse)(text, file)
    assert len(res.devices) == 1, [d.hostname for d in res.devices]
    return res.devices[0], res.report


# --------------------------------------------------------------------------- catalogue texts


def text_keys(texts) -> set[str]:
    """The catalogue keys of ``texts`` and of every text inside them ("FILE:LINE: …",
    "line N: …", a reason inside a sentence, the parts of a joined reason); ``repr()`` of
    a plain string."""
    from netaudit.messages import Text

    out = set()
    todo = list(texts)
    while todo:
        t = todo.pop()
        if not isinstance(t, Text):
            out.add(repr(t))
            continue
        out.add(t.key)
        for _, v in t.fields:
            todo += [x for x in (v if isinstance(v, tuple) else (v,)) if isinstance(x, Text)]
    return out


def partial_reasons(devices, reports) -> list[str]:
    """Every reason a construct is only partly understood: the ``partial`` of every object
    the devices hold (filters and their lines, NAT rules, routes, policy routes, services,
    interfaces, vendor facts … found by walking the model) and the reasons of the
    reports' partially understood constructs."""
    import dataclasses

    out: list[str] = []
    seen: set[int] = set()
    todo: list = list(devices)
    while todo:
        obj = todo.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, dict):
            todo += obj.values()
        elif isinstance(obj, list | tuple | set | frozenset):
            todo += obj
        elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            for f in dataclasses.fields(obj):
                value = getattr(obj, f.name)
                if f.name == "partial" and value:
                    out.append(value)
                elif not isinstance(value, str | int | float | bool | type(None)):
                    todo.append(value)
    return out + [p["reason"] for rep in reports for p in rep.partially_understood]


def untranslated(texts) -> list[str]:
    """The texts that are not catalogue texts (a plain string: English in every report)
    or whose Vietnamese reads as their English; a reason joined of several (input.joined)
    is judged part by part."""
    from netaudit.messages import Text

    out = []
    for t in texts:
        if isinstance(t, Text) and t.key == "input.joined":
            out += untranslated(dict(t.fields)["parts"])
        elif not isinstance(t, Text) or t.render("vi") == t.render("en"):
            out.append(t)
    return out


_VENDOR_INPUTS: dict[str, tuple[list, list]] = {}


def vendor_inputs(vendor: str) -> tuple[list, list]:
    """``(devices, reports)`` of ``vendor`` read from its fixtures (``tests/fixtures/<vendor>``)
    and from the samples (``sample_configs/*``) holding its configurations, once per
    test session."""
    if vendor not in _VENDOR_INPUTS:
        from netaudit.inputs import load_snapshot

        folders = [FIXTURES / vendor, *sorted(d for d in SAMPLES.iterdir() if (d / "site.yaml").is_file())]
        devices, reports = [], []
        for folder in folders:
            snap = load_snapshot([folder])
            devices += [d for d in snap.devices if d.vendor == vendor]
            reports += [r for r in snap.reports if r.vendor == vendor]
        _VENDOR_INPUTS[vendor] = devices, reports
    return _VENDOR_INPUTS[vendor]


# --------------------------------------------------------------------------- the collector


def collector_states(monkeypatch, module, name: str) -> list[bool]:
    """Whether the cyclic collector was on each time ``module.name`` ran (filled as the
    test goes on): a spy for the code that must run with it paused (netaudit/collector.py)."""
    seen: list[bool] = []
    real = getattr(module, name)

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return seen


# --------------------------------------------------------------------------- folders


def copy_sample(tmp_path: Path, name: str) -> Path:
    """A copy of ``sample_configs/<name>`` in ``tmp_path``, to edit."""
    dst = tmp_path / name
    shutil.copytree(SAMPLES / name, dst)
    return dst


# --------------------------------------------------------------------------- the command line


def run_cli(*args) -> tuple[int, str, str]:
    """``(exit status, stdout, stderr)`` of ``netaudit`` run in this process."""
    from netaudit.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def audit_cli(folder, *extra: str, fmt: str = "json", lang: str = "en") -> tuple[int, str, str]:
    """``(exit status, stdout, stderr)`` of ``netaudit audit FOLDER`` run in this process."""
    code, out, err = run_cli("audit", folder, "--format", fmt, "--lang", lang, *extra)
    assert code in (0, 1, 2)
    return code, out, err


def cli(
    *args, cwd: Path = ROOT, env: dict | None = None, timeout: float | None = 300, text: bool = True
) -> subprocess.CompletedProcess:
    """``python -m netaudit.cli ARGS`` in a new process, as a user runs it (output
    captured; ``text=False`` keeps the bytes; ``env`` is added to this environment)."""
    return subprocess.run(
        [sys.executable, "-m", "netaudit.cli", *map(str, args)],
        capture_output=True,
        cwd=cwd,
        env=dict(os.environ, **env) if env else None,
        timeout=timeout,
        check=False,
        **({"text": True, "encoding": "utf-8"} if text else {}),
    )


def assert_same_audit(shared, alone) -> None:
    """Two audits of one network, one computed with a shortcut and one without: every
    cell (verdict, services, blocking lines, delivered/maybe/spoofed sets, witness) and
    every finding alike."""
    hs = shared.engine.hs
    assert len(shared.matrix) == len(alone.matrix)
    for a, b in zip(shared.matrix, alone.matrix, strict=True):
        assert (a.src, a.dst, a.verdict, a.services, a.blocking) == (b.src, b.dst, b.verdict, b.services, b.blocking)
        for x, y in ((a.delivered, b.delivered), (a.maybe, b.maybe), (a.spoofed, b.spoofed)):
            assert (x if x is not None else hs.false) == (y if y is not None else hs.false)
        assert (a.witness.to_json() if a.witness else None) == (b.witness.to_json() if b.witness else None)
    assert [(f.check, f.severity) for f in shared.findings] == [(f.check, f.severity) for f in alone.findings]
