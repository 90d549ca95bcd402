"""Proof before advice (docs/remedy.md): apply every device's change set to a copy of its
configuration, audit the copies, and compare — findings closed, findings left (and why),
findings new, and flows the policy allows that no longer flow.  The gateway services a zone
loses are kept once (:class:`~.plan.Keep`, every change set rendered again); a device whose
change set still loses an allowed flow is withdrawn (its change set is not proposed) and
the proof is run again without it."""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from netaddr import IPAddress

from ..collector import collector_paused
from ..messages import both
from ..policy import DENY, GATEWAY_SERVICES, services_packets
from ..reach import UNKNOWN
from ..vocabulary import SEVERITY_RANK
from . import Rendered, vendor_module
from .plan import FLOW_CHECKS, Keep, Plan, Unfixable, derive, gateways

if TYPE_CHECKING:
    from ..audit import Audit

FIXABLE_FLOOR = "high"  # the proof's goal: no finding at or above this that configuration closes


@dataclass
class DeviceResult:
    device: str
    vendor: str
    file: str
    rendered: Rendered | None = None
    withdrawn: dict[str, str] | None = None  # why the change set is not proposed {vi, en}


@dataclass
class FixResult:
    before: Audit
    after: Audit
    plan: Plan
    devices: dict[str, DeviceResult]
    closed: list = field(default_factory=list)  # findings of before that after no longer has
    remaining: list = field(default_factory=list)  # (finding, reason {vi, en})
    new: list = field(default_factory=list)  # findings after has and before had not
    lost: list[str] = field(default_factory=list)  # "src -> dst service" allowed flows lost
    unfixable: list[Unfixable] = field(default_factory=list)

    @property
    def open_severe(self) -> list:
        """Findings at or above high still there that a configuration change could close,
        and those at or above high the change itself brings (a block by source address a
        zone can forge past: docs/remedy.md)."""
        cannot = {u.finding for u in self.unfixable}
        left = [f for f, _ in self.remaining if f.id not in cannot and f in severe([f])]
        return left + severe(self.new)

    @property
    def ok(self) -> bool:
        """Nothing allowed lost, nothing severe and fixable left open."""
        return not self.lost and not self.open_severe


def real_path(before, display: str, paths: list) -> Path:
    """The file behind a display path of the audit's inputs (relative to the folder given)."""
    root = before.snapshot.root
    for cand in ([Path(root) / display] if root else []) + [Path(display)] + [Path(p) / display for p in paths]:
        if cand.is_file():
            return cand
    return Path(display)


def not_read(before, device: str) -> str | None:
    """Why ``device``'s configuration is not evidence of its vendor's syntax (it looks like
    another platform, NX-OS or EOS claimed by the IOS parser, or most of its lines were not
    recognized: parsers.assess), or None.  A change set written in the vendor's syntax
    for such a device would be a guess (docs/remedy.md)."""
    construct = f"device {device}"
    for rep in before.snapshot.reports:
        for p in rep.partially_understood:
            if p.get("construct") == construct:
                return str(p.get("reason") or "")
    return None


def _render(plan: Plan, before, paths: list) -> dict[str, DeviceResult]:
    """Every device plan rendered by its vendor, the devices of one file in turn (VDOMs)."""
    results: dict[str, DeviceResult] = {}
    texts: dict[str, str] = {}
    for name, dp in plan.devices.items():
        dev = before.topology.devices[name]
        res = results[name] = DeviceResult(name, dp.vendor, dp.file)
        mod = vendor_module(dp.vendor)
        if mod is None:
            res.withdrawn = {
                "vi": f"chưa có bộ sinh thay đổi cho {dp.vendor}: làm theo hướng dẫn của từng phát hiện",
                "en": f"no change-set generator for {dp.vendor} yet: follow each finding's remediation",
            }
            continue
        why = not_read(before, name)
        if why is not None:
            res.withdrawn = both("fix.withdrawn.not_read", vendor=dp.vendor, why=why)
            continue
        text = texts.get(dp.file)
        if text is None:
            text = texts[dp.file] = real_path(before, dp.file, paths).read_text(encoding="utf-8-sig", errors="replace")
        res.rendered = mod.render(dp, dev, text)
        texts[dp.file] = res.rendered.patched
    return results


def _write_after(before, results: dict[str, DeviceResult], after_dir: Path, skip: set[str], paths: list) -> Path:
    """fix/after/: every input of the audit, the patched ones patched; the site file.
    Whole configurations, their secrets with them (they are the devices' own, to be
    audited again): readable by their owner only, and the README says so."""
    if after_dir.exists():
        shutil.rmtree(after_dir)
    after_dir.mkdir(parents=True, mode=0o700)
    patched: dict[str, str] = {}
    for res in results.values():
        if res.rendered is not None and res.device not in skip:
            patched[res.file] = res.rendered.patched
    # Devices of one file: the last rendering holds every earlier one's change too.
    for inp in before.snapshot.inputs:
        if inp.kind not in ("config", "state"):
            continue
        src = real_path(before, inp.path, paths)
        dest = after_dir / Path(inp.path).name
        if inp.path in patched:
            dest.write_text(patched[inp.path], encoding="utf-8")
        else:
            shutil.copyfile(src, dest)
        dest.chmod(0o600)
    site = after_dir / "site.yaml"
    if before.site.file and Path(before.site.file).is_file() and not before.site.inferred:
        shutil.copyfile(before.site.file, site)
    return site


def _turned_off(plan: Plan | None) -> set[tuple[int, int, int]]:
    """(protocol, first port, last port) of the services the plan turns off on purpose
    (cleartext management): losing them towards the devices is the fix, not a loss."""
    if plan is None:
        return set()
    return {
        (r.protocol, lo, hi)
        for dp in plan.devices.values()
        for r in dp.restricts
        if r.insecure and not r.allow_from
        for lo, hi in (r.ports or ((0, 65535),))
    }


def _is_off(service: str, off: set[tuple[int, int, int]]) -> bool:
    proto, _, ports = service.partition("/")
    number = {"tcp": 6, "udp": 17}.get(proto)
    if number is None or not ports:
        return False
    lo, _, hi = ports.partition("-")
    first, last = int(lo), int(hi or lo)
    return any(p == number and a <= first and last <= b for p, a, b in off)


def lost_flows(before, after, plan: Plan | None = None) -> list[str]:
    """Flows the policy allows that ``before`` delivered and ``after`` does not (by service);
    the cleartext management services ``plan`` turns off on purpose are not losses."""
    return [_flow_text(flow) for flow in _lost(before, after, plan)]


def _flow_text(flow: tuple[str, str, str]) -> str:
    src, dst, service = flow
    return f"{src} -> {dst} {service}"


def _lost(before, after, plan: Plan | None) -> list[tuple[str, str, str]]:
    """(source zone, destination zone, service) of each allowed flow lost (lost_flows)."""
    from ..vocabulary import DEVICES_ZONE

    off = _turned_off(plan)
    after_cells = {(c.src, c.dst): c for c in after.matrix}
    kinds = {z.name: z.kind for z in before.zones}
    out = []
    for cb in before.matrix:
        exp = cb.expectation
        if cb.verdict != "reachable" or exp is None or exp.expected == DENY or cb.delivered is None:
            continue
        ca = after_cells.get((cb.src, cb.dst))
        wanted = list(exp.allowed_services) if exp.allowed_services else list(cb.services)
        # A service's packets meet a cell's set where they meet its services' projection:
        # one projection per cell, not one operation on the whole set per service (a
        # cell of hundreds of services: issue #15).
        hs_b, hs_a = before.engine.hs, after.engine.hs
        had_services = hs_b.service_projection(cb.delivered)
        has_services = hs_a.service_projection(ca.delivered) if ca is not None and ca.delivered is not None else None
        # The management zone's reach, device by device: the way in that must not be cut
        # (another zone's gateway services are the cell's: a zone pings its gateway, and
        # the restrictions may deny it the far routers on purpose).
        per_device = (
            _per_device(before, after, cb, ca) if cb.dst == DEVICES_ZONE and kinds.get(cb.src) == "management" else []
        )
        for s in wanted:
            if cb.dst == DEVICES_ZONE and _is_off(s, off):
                continue
            if not hs_b.meets(had_services, services_packets(hs_b, [s])):
                continue
            if has_services is None or not hs_a.meets(has_services, services_packets(hs_a, [s])):
                out.append((cb.src, cb.dst, s))
                continue
            # Still delivered to some device: to each that had it?  A deny of "the Internet"
            # (every address no inside zone owns) also holds a router's transit and WAN
            # addresses — the management zone's SSH to that router, its one remote path, lost
            # while the core switch still answers (plan.Block.devices).
            for host, had, has in per_device:
                if hs_b.meets(had, services_packets(hs_b, [s])) and (
                    has is None or not hs_a.meets(has, services_packets(hs_a, [s]))
                ):
                    out.append((cb.src, f"{cb.dst} ({host})", s))
    return out


def _per_device(before, after, cb, ca) -> list[tuple[str, object, object]]:
    """(device, the services' projection of what ``cb`` delivered at its configured
    addresses, the same after — None where nothing is) of each device ``cb`` delivered to."""
    hs_b, hs_a = before.engine.hs, after.engine.hs
    addrs_a: dict[str, object] = {}
    for (host, _vrf), u in after.engine.own.items():
        addrs_a[host] = addrs_a.get(host, hs_a.false) | u
    addrs_b: dict[str, object] = {}
    for (host, _vrf), u in before.engine.own.items():
        addrs_b[host] = addrs_b.get(host, hs_b.false) | u
    out = []
    for host, u in sorted(addrs_b.items()):
        had = cb.delivered & u
        if had == hs_b.false:
            continue
        a = addrs_a.get(host)
        has = None
        if a is not None and ca is not None and ca.delivered is not None:
            got = ca.delivered & a
            has = hs_a.service_projection(got) if got != hs_a.false else None
        out.append((host, hs_b.service_projection(had), has))
    return out


def _keep_gateway_services(before, plan: Plan, lost: list[tuple[str, str, str]]) -> bool:
    """Add to the plans of the zones' gateways a :class:`~.plan.Keep` for each service
    a zone loses towards the devices (the policy's limited gateway services: DNS, DHCP);
    whether any was added.  Renderers that move a zone's ports (a RouterOS bridge put
    under VLAN filtering) accept them again on the zone's interface; every
    :class:`~.plan.EdgeClose` of the service notes the zone (``kept_for``: a renderer that
    removes the listener leaves it on).  Only for the zones
    the devices are the gateway of: an Internet or WAN zone never gets one (an accept of
    DNS on the WAN would open a resolver to the Internet)."""
    from ..vocabulary import DEVICES_ZONE

    added = False
    zones = {z.name: z for z in before.zones}
    for src, dst, service in lost:
        if dst != DEVICES_ZONE or service not in GATEWAY_SERVICES or src not in zones:
            continue
        if zones[src].kind in ("external", "wan"):
            continue
        # Where the change removes the listener itself (FortiOS deletes the WAN's DNS
        # server entry), the zone may have resolved at that address, through any device.
        for closing in plan.devices.values():
            for c in closing.closes:
                if c.service == service and src not in c.kept_for:
                    c.kept_for.append(src)
                    added = True
        subnets = list(zones[src].owned.iter_cidrs())
        for dev_name, _ in gateways(before, src):
            dp = plan.devices.get(dev_name)
            if dp is None or any(k.zone == src and k.service == service for k in dp.keeps):
                continue
            dp.keeps.append(Keep(dev_name, src, subnets, service))
            added = True
    return added


# BDD work outside the audits too (a patched filter's shadowed lines), and parses of
# whole exports: the collector stays off throughout, as in an audit (collector.py; what
# a parse drops is freed without it: tests/parsers/test_base.py).
@collector_paused
def run_fix(paths: list, site: str | Path | None, out: Path) -> FixResult:
    """Audit ``paths``, plan, render, apply to copies under ``out/after`` and prove."""
    from ..audit import run_audit

    before = run_audit(paths, site)
    plan = derive(before)
    results = _render(plan, before, paths)
    skip: set[str] = set()
    after_dir = out / "after"
    kept = False
    while True:
        site_after = _write_after(before, results, after_dir, skip, paths)
        after = run_audit([after_dir], site_after if site_after.is_file() else None)
        flows = _lost(before, after, plan)
        lost = [_flow_text(flow) for flow in flows]
        if not lost:
            break
        # Once: the gateway services lost kept on the devices, every change set rendered
        # again (a renderer that cannot keep them loses them again: withdrawn below).
        if not kept and _keep_gateway_services(before, plan, flows):
            kept = True
            results = _render(plan, before, paths)
            continue
        culprit = _culprit(before, results, after_dir, skip, paths, plan)
        if culprit is None:
            break  # lost whatever is withdrawn: reported as lost
        skip.add(culprit)
        results[culprit].withdrawn = {
            "vi": "thay đổi này làm mất luồng được phép (" + "; ".join(lost[:3]) + "): không đề xuất",
            "en": "this change set would break allowed flows (" + "; ".join(lost[:3]) + "): not proposed",
        }
    result = FixResult(before, after, plan, results, lost=lost, unfixable=list(plan.unfixable))
    _compare(result)
    _published_cut(result)
    return result


def _published_cut(result: FixResult) -> None:
    """A note on each change set that cuts a service the device publishes (destination
    NAT) to a zone the policy keeps out: the flow was a violation and is closed now, but
    whoever used the published service loses it — said, with the NAT line, so that a
    service that must stay public is moved to a DMZ zone instead (docs/remedy.md)."""
    zones = {z.name: z for z in result.before.zones}
    closed = {
        (f.zones[0], f.zones[1])
        for f in result.closed
        if f.check in FLOW_CHECKS and len(f.zones) >= 2 and f.zones[0] in zones and f.zones[1] in zones
    }
    for res in result.devices.values():
        if res.rendered is None or res.withdrawn:
            continue
        dev = result.before.topology.devices.get(res.device)
        for rule in dev.nat_rules if dev is not None else []:
            if rule.kind != "destination" or rule.to_ip is None or rule.source is None:
                continue
            for src, dst in sorted(closed):
                if zones[src].kind in ("external", "wan") and IPAddress(rule.to_ip) in zones[dst].owned:
                    where = f"{rule.source.file}:{rule.source.line} {rule.source.text.strip()}"
                    note = both("fix.note.published_cut", src=src, dst=dst, where=where)
                    if note not in res.rendered.notes:
                        res.rendered.notes.append(note)


def _culprit(before, results, after_dir: Path, skip: set[str], paths: list, plan: Plan) -> str | None:
    """The first device whose change set alone loses an allowed flow."""
    from ..audit import run_audit

    for name, res in results.items():
        if res.rendered is None or name in skip:
            continue
        others = {n for n in results if n != name} | skip
        site = _write_after(before, results, after_dir, others, paths)
        trial = run_audit([after_dir], site if site.is_file() else None)
        if lost_flows(before, trial, plan):
            return name
    return None


def signature(f) -> tuple:
    """What a finding is about, without where its lines stand: finding ids of some checks
    carry line positions (a shadowed line, an undefined reference), which a change set
    inserting lines moves — the same finding must not count as closed and new."""
    return (f.check, f.severity, tuple(f.zones), tuple(f.devices), f.title.get("en", ""))


def _unmatched(findings: list, others: list) -> tuple[list, list]:
    """(matched, unmatched): the ``findings`` that ``others`` hold too, by signature and
    counting duplicates (two shadowed lines are two findings), and the rest."""
    left = Counter(signature(f) for f in others)
    matched, rest = [], []
    for f in findings:
        sig = signature(f)
        if left[sig] > 0:
            left[sig] -= 1
            matched.append(f)
        else:
            rest.append(f)
    return matched, rest


def _unknown_after(result: FixResult, f) -> dict[str, str] | None:
    """Why a flow finding the change set made disappear is not closed: its cell is unknown
    after the change, or reachable within the policy with packets that may go beyond it
    (an unknown is never a pass: docs/remedy.md), or None."""
    if f.check not in FLOW_CHECKS or len(f.zones) < 2:
        return None
    cell = next((c for c in result.after.matrix if (c.src, c.dst) == (f.zones[0], f.zones[1])), None)
    if cell is None:
        return None
    if cell.verdict == UNKNOWN:
        return both("fix.left.unknown_after", src=cell.src, dst=cell.dst, reason=cell.reason or "-")
    if cell.may_violate:
        return both("fix.left.may_violate_after", src=cell.src, dst=cell.dst, reason=cell.maybe_reason or "-")
    return None


def _narrowed(f, g) -> bool:
    """Whether ``g`` (found after the change) is what is left of ``f`` (before): a finding
    that is not about a flow between two zones, on the same devices, with the same title,
    at ``f``'s severity, reached by a part of ``f``'s zones.  (One grown milder is reported
    as it always was: ``f`` closed, ``g`` new — both listed.)"""
    return (
        f.check not in FLOW_CHECKS
        and (f.check, tuple(f.devices), f.title.get("en", "")) == (g.check, tuple(g.devices), g.title.get("en", ""))
        and bool(f.zones)
        and set(g.zones) < set(f.zones)
        and g.severity == f.severity
    )


def _about(f) -> tuple:
    """A finding's subject without its severity (a flow finding's grows milder when the
    change set closes part of what it names)."""
    return (f.check, tuple(f.zones), tuple(f.devices), f.title.get("en", ""))


def _compare(result: FixResult) -> None:
    kept, closed = _unmatched(result.before.findings, result.after.findings)
    _, result.new = _unmatched(result.after.findings, result.before.findings)
    # The same finding at another severity (the change set closed part of it, the rest
    # is left with its reason): left, shown as it is now — neither closed nor new.
    milder: dict[tuple, list] = {}
    for g in result.new:
        milder.setdefault(_about(g), []).append(g)
    shown = {id(f): f for f in kept}
    for f in list(closed):
        same = [g for g in milder.get(_about(f), []) if SEVERITY_RANK[g.severity] > SEVERITY_RANK[f.severity]]
        # A service finding still on the device, reached by fewer zones (telnet kept as the
        # last way in, limited to the management zone): left, not closed and new.
        same = same or [g for g in result.new if _narrowed(f, g)]
        if same:
            g = same[0]
            if g in milder.get(_about(g), []):
                milder[_about(g)].remove(g)
            closed.remove(f)
            result.new.remove(g)
            kept.append(f)
            shown[id(f)] = g
    result.closed = []
    for f in closed:
        why = _unknown_after(result, f)
        if why is None:
            result.closed.append(f)
        else:
            result.remaining.append((f, why))
    reasons = {u.finding: u.reason for u in result.unfixable}
    for res in result.devices.values():
        if res.rendered is not None and not res.withdrawn:
            for i, why in res.rendered.left.items():
                reasons.setdefault(i, why)
    cannot = {u.finding for u in result.unfixable}
    for f in kept:
        i = f.id
        if shown[id(f)] is not f and i in cannot:  # said not closable: so is what is left of it
            g = shown[id(f)]
            result.unfixable.append(Unfixable(g.id, g.check, g.title, reasons[i]))
        why = reasons.get(i)
        if why is None:
            withdrawn = [r for r in result.devices.values() if r.withdrawn and r.device in f.devices]
            why = withdrawn[0].withdrawn if withdrawn else None
        if why is None and f.check == "unknown-verdict":
            why = both("fix.left.unknown")
        if why is None:
            why = {
                "vi": "kế hoạch chưa có thay đổi cấu hình cho phát hiện này: làm theo hướng dẫn của nó",
                "en": "the plan has no configuration change for this finding: follow its remediation",
            }
        result.remaining.append((shown[id(f)], why))


def severe(findings, floor: str = FIXABLE_FLOOR) -> list:
    """The findings at or above ``floor``."""
    return [f for f in findings if SEVERITY_RANK[f.severity] <= SEVERITY_RANK[floor]]


__all__ = ["DeviceResult", "FixResult", "derive", "lost_flows", "run_fix", "severe"]
