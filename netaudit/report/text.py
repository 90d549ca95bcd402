"""Terminal summary: matrix, findings by severity, parse coverage."""

from __future__ import annotations

from ..messages import register, t
from ..messages import render as in_lang
from ..secrets import Masker, zone_names
from . import RenderOptions, cite_loc, cite_text
from . import detail as caps
from .words import maybe_beyond, severity_label
from .words import zone_names as display_names

register({"summary.replies_only": {"vi": "chỉ gói trả lời", "en": "replies only"}})

_COLORS = {
    "critical": "\033[1;31m",
    "high": "\033[31m",
    "medium": "\033[33m",
    "low": "\033[36m",
    "info": "\033[37m",
    "reachable": "\033[31m",
    "blocked": "\033[32m",
    "unknown": "\033[33m",
}
_RESET = "\033[0m"


class _Terminal:
    """The summary's way to the terminal: every line passes :meth:`line` — data made
    safe (safetext.clean: an ANSI code in a hostname, a BEL in a zone name, a newline
    in a file name are shown as escapes) — and colour codes come only from :meth:`col`,
    through markers carrying a per-render random token that no input can forge."""

    def __init__(self, color: bool):
        import re
        import uuid

        self.color = color
        self.token = uuid.uuid4().hex
        self.marks = re.compile(f"\x00{self.token}:(\\w+)\x00")

    def col(self, text: str, key: str) -> str:
        if not (self.color and key in _COLORS):
            return text
        return f"\x00{self.token}:{key}\x00{text}\x00{self.token}:reset\x00"

    def line(self, text: str) -> str:
        from ..safetext import clean

        parts = self.marks.split(text)
        out = [clean(parts[0], keep="")]
        for key, data in zip(parts[1::2], parts[2::2], strict=True):
            out.append((_RESET if key == "reset" else _COLORS.get(key, "")) + clean(data, keep=""))
        return "".join(out)


def _table(rows: list[list[str]]) -> list[str]:
    from ..safetext import clean

    rows = [[clean(c, keep="") for c in r] for r in rows]  # widths as the terminal shows them
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for n, r in enumerate(rows):
        out.append("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        if n == 0:
            out.append("  " + "  ".join("-" * w for w in widths))
    return out


def render(audit, options: RenderOptions) -> str:
    lang = options.lang
    masker = Masker(audit.devices, zone_names(audit.zones), show=options.show_secrets)

    term = _Terminal(options.color)
    col = term.col

    m = masker.prose

    site = audit.site
    lines = [t("summary.title", lang), "=" * len(t("summary.title", lang))]
    if getattr(audit, "live_only", False):
        lines.append(t("summary.live_only", lang))  # no configurations (audit.run_live_only)
    lines.append(f"{t('summary.unit', lang)}: {site.unit or '-'}    {t('summary.level', lang)}: {site.level}")
    lines.append("")
    if site.inferred:
        lines.append(t("summary.zones_inferred", lang))
    else:
        lines.append(t("summary.zones_from", lang, file=site.file))
    summary = caps.resolve("text", options.detail) == "summary"
    lines.extend(_zone_lines(audit, lang, m, summary))
    runtime = audit.engine.runtime_assumptions()
    if runtime:
        lines.append("")
        lines.append(t("summary.runtime", lang))
        for r in runtime:
            src = r["source"]
            lines.append(
                "  - "
                + t(
                    "summary.runtime_item",
                    lang,
                    device=r["device"],
                    interface=r["interface"],
                    where=f"{src['file']}:{src['line']}" if src else "-",
                    candidates=in_lang(r["candidates"], lang),
                    shown=r["shown_as"],
                )
            )
    lines.append("")
    lines.append(t("summary.matrix", lang))
    rows = [
        [
            t("summary.col.from", lang),
            t("summary.col.to", lang),
            t("summary.col.verdict", lang),
            t("summary.col.expected", lang),
            t("summary.col.services", lang),
            "",
        ]
    ]
    marks = []
    cells, cut_note = _matrix_cells(audit, lang, summary and len(audit.zones) > caps.MATRIX_COMPACT)
    for c in cells:
        exp = c.expectation
        expected = "-"
        if exp is not None:
            expected = t(f"expected.{exp.expected}", lang)
            if exp.expected == "limited":
                expected += " " + ",".join(exp.allowed_services)
        services = ",".join(c.services) if c.services else ("" if c.verdict != "unknown" else "?")
        beyond = maybe_beyond(c.services, c.maybe_services)
        if beyond:
            services += f" (+? {','.join(beyond)})"
        if c.replies_only:
            services = f"({t('summary.replies_only', lang)})"
        if len(services) > 40:
            services = services[:37] + "..."
        rows.append(
            [
                c.src,
                c.dst,
                t(f"verdict.{c.verdict}", lang),
                expected,
                services,
                t("summary.violation", lang)
                if c.violation
                else t("summary.may_violate", lang)
                if c.may_violate
                else t("summary.icmp_replies_only", lang)
                if c.icmp_replies_only
                else "",
            ]
        )
        marks.append("unknown" if c.may_violate else c.verdict)
    table = _table(rows)
    out_table = table[:2]
    for line, verdict in zip(table[2:], marks, strict=True):
        out_table.append(col(line, verdict) if options.color else line)
    lines.extend(out_table)
    if cut_note:
        lines.append(cut_note)
    if getattr(audit, "reference", None) is not None:
        lines.extend(_reference_lines(audit.reference, lang))
    if getattr(audit, "live", None) is not None:
        lines.extend(_live_lines(audit.live, lang, col))
    lines.append("")
    lines.append(t("summary.findings", lang) + f" ({len(audit.findings)})")
    if not audit.findings:
        lines.append("  " + t("summary.no_findings", lang))
    shown, findings_note = _findings_shown(audit.findings, lang, summary)
    for f in shown:
        sev = severity_label(f.severity, f.proven, lang)
        lines.append(f"  [{col(sev, f.severity)}] {f.title[lang]}  ({f.check})")
        lines.append(f"      {m(f.detail[lang])}")
        for ev in f.evidence[:4]:
            lines.append(f"      {cite_loc(ev, lang)}: {cite_text(masker.cite(ev), lang)}")
        if len(f.evidence) > 4:
            lines.append(f"      … +{len(f.evidence) - 4}")
    if findings_note:
        lines.append(findings_note)
    remedy = getattr(audit, "remedy", None)
    if remedy and remedy.get("devices"):
        devices = ", ".join(d["device"] for d in remedy["devices"])
        lines.append("  " + t("remedy.title", lang) + f": {devices} — netaudit fix")
    lines.append("")
    snap = audit.snapshot
    partial = sum(len(r.partially_understood) for r in snap.reports)
    lines.append(
        t("summary.coverage", lang)
        + ": "
        + t(
            "summary.coverage_line",
            lang,
            files=sum(1 for f in snap.inputs if f.kind != "skipped"),
            lines=sum(r.lines for r in snap.reports),
            unrecognized=sum(len(r.unrecognized) for r in snap.reports),
            partial=partial,
        )
    )
    # A large input list: every file with a problem, the first others (caps.INPUTS).
    keep = caps.INPUTS.keep if summary and len(snap.inputs) > caps.INPUTS.over else len(snap.inputs)
    fine = 0
    for f in snap.inputs:
        status = t(
            "summary.input_line",
            lang,
            vendor=f.vendor or "?",
            devices=", ".join(f.devices) or "-",
            lines=f.lines,
            unrecognized=f.unrecognized,
        )
        if f.problem:
            status = f"{f.kind}: {masker.warning(in_lang(f.problem, lang))}"
        else:
            fine += 1
            if fine > keep:
                continue
        lines.append(f"  {f.path}  {status}")
    if fine > keep:
        lines.append(t("summary.inputs_cut", lang, n=fine - keep))
    if audit.warnings:
        lines.append("")
        lines.append(t("summary.warnings", lang))
        # Catalogue warnings (zones.site_warnings) read in the report language.
        lines.extend(f"  ! {masker.warning(in_lang(w, lang))}" for w in audit.warnings)
    answer, key = guest_conclusion(audit, lang, options.standard, m)
    lines.append("")
    lines.append(col(answer, key))
    return "\n".join(term.line(x) for x in lines) + "\n"


def _zone_lines(audit, lang: str, m, summary: bool) -> list[str]:
    """The zones by id (what trace --from takes), each with the display name the reports
    use, its subnets and why it was placed there.  The summary names 8 of more than 12
    subnets of a zone, and above caps.SCOPE_ZONES zones names the zones by kind, those
    with something to say (attached at an exit, a placement problem) in full."""
    from ..messages import named_list

    by_kind = summary and len(audit.zones) > caps.SCOPE_ZONES
    lines: list[str] = []
    # A zone of hundreds of subnets (a backbone router's) would be one line of thousands of characters.
    join = named_list if summary else ", ".join
    names = display_names([{"name": pz.name, "kind": pz.kind} for pz in audit.zones], lang)
    if by_kind:
        kinds: dict[str, list[str]] = {}
        for pz in audit.zones:
            kinds.setdefault(pz.kind, []).append(pz.name)
        lines += [f"  - {kind} ({len(zs)}): {named_list(zs)}" for kind, zs in kinds.items()]
    for pz in audit.zones:
        if by_kind and not (pz.attached or pz.problems):
            continue
        subnets = join(str(s) for s in pz.zone.subnets) or "-"
        display = names.get(pz.name, pz.name)
        shown = f" — {display}" if display.casefold() != pz.name.casefold() else ""
        lines.append(f"  - {pz.name} [{pz.kind}] {subnets}{shown}")
        for why in pz.zone.inferred_from:
            lines.append(f"      ~ {m(in_lang(why, lang))}")
        for a in pz.attached:
            lines.append(f"      @ {t('summary.attached', lang)}: {in_lang(a, lang)}")
        for dev, ifn in pz.tunnels:  # site via: tunnel (docs/semantics.md, "A zone behind a tunnel")
            lines.append(f"      @ {t('scope.via_tunnel', lang, place=f'{dev}:{ifn}')}")
        for p in pz.problems:
            lines.append(f"      ! {m(in_lang(p, lang))}")
    if by_kind:
        lines.append(t("summary.zones_cut", lang, n=len(audit.zones)))
    return lines


def _matrix_cells(audit, lang: str, cut: bool) -> tuple[list, str]:
    """The matrix cells the summary lists and the note on those it leaves out: all of
    them, or (``cut``: the summary of a large audit) the cells that are not simply
    blocked — violations, unknown, reachable, in that order, caps.TEXT_CELLS at most."""
    if not cut:
        return list(audit.matrix), ""

    def rank(c) -> int:
        return 0 if c.violation else 1 if c.verdict == "unknown" or c.may_violate else 2

    listed = sorted((c for c in audit.matrix if c.violation or c.verdict != "blocked"), key=rank)
    blocked = len(audit.matrix) - len(listed)
    keep = caps.TEXT_CELLS.keep if len(listed) > caps.TEXT_CELLS.over else len(listed)
    if keep == len(listed):
        return listed, t("summary.matrix_cut_blocked", lang, blocked=blocked) if blocked else ""
    return listed[:keep], t("summary.matrix_cut", lang, rows=len(listed) - keep, blocked=blocked)


def _findings_shown(findings: list, lang: str, summary: bool) -> tuple[list, str]:
    """The findings the summary prints (in their order: most severe first) and the note
    counting the others by check: all of them, or above caps.FINDINGS.over findings the
    first caps.TEXT_PER_CHECK of each check, caps.FINDINGS.over in all."""
    if not summary or len(findings) <= caps.FINDINGS.over:
        return list(findings), ""
    from collections import Counter

    shown: list = []
    per: Counter[str] = Counter()
    for f in findings:
        if per[f.check] < caps.TEXT_PER_CHECK and len(shown) < caps.FINDINGS.over:
            per[f.check] += 1
            shown.append(f)
    left = Counter(f.check for f in findings) - per  # the checks with findings not printed
    kinds = ", ".join(f"{check} {n}" for check, n in left.most_common())
    return shown, t("summary.findings_cut", lang, n=len(findings) - len(shown), kinds=kinds)


def guest_conclusion(audit, lang: str, standard: str | None = None, prose=str) -> tuple[str, str]:
    """The summary's last line: can the guest Wi-Fi reach the internal network — yes
    (where: zones and the devices it goes through, the devices' own services), no
    (proven), or not known (why) — then the overall conclusion (Đạt / Không đạt / Cần
    kiểm tra thêm) of ``standard``.  "Internal" is every zone but the external ones,
    and the devices themselves beyond the DHCP/DNS a guest may use: the guest-isolation
    check's reading.  Returns the line and its colour key (reachable, blocked, unknown)."""
    from ..vocabulary import DEVICES_ZONE

    kinds = {pz.name: pz.kind for pz in audit.zones}
    guests = [n for n, k in kinds.items() if k == "guest"]
    cells = [c for c in audit.matrix if c.src in guests and (c.dst == DEVICES_ZONE or kinds.get(c.dst) != "external")]
    leaks = [c for c in cells if c.violation]
    live = _live_leaks(audit, {(c.src, c.dst) for c in cells} - {(c.src, c.dst) for c in leaks})
    unknown = [
        c
        for c in cells
        if (c.verdict == "unknown" and (c.expectation is None or c.expectation.expected != "allow")) or c.may_violate
    ]
    # Segments no zone covers that a guest reaches (check unzoned-reach): their hosts may be
    # the internal network, so no "proven" about it, and never left unsaid.
    strays = [f for f in audit.findings if f.check == "unzoned-reach" and f.zones[:1] and f.zones[0] in guests]
    stray_text = "; ".join(f.title.get(lang) or f.title["en"] for f in strays)
    overall = _overall(audit, lang, standard)
    if not guests:
        line, key = t("summary.conclusion.unknown", lang, why=t("summary.conclusion.no_guest", lang)), "unknown"
    elif leaks or live:
        parts = []
        for src in guests:
            # Zones grouped by how the guest gets there: via devices, on one L2 segment, seen live.
            how: dict[str, list[str]] = {}
            for c in leaks:
                if c.src == src and c.dst != DEVICES_ZONE:
                    how.setdefault(_how(audit, src, c.dst, lang), []).append(c.dst)
            for s, dst in live:
                if s == src:
                    how.setdefault(t("summary.conclusion.live", lang), []).append(dst)
            if how:
                groups = [", ".join(zones) + (f" ({label})" if label else "") for label, zones in how.items()]
                parts.append(f"{src} → {'; '.join(groups)}")
            for c in leaks:
                if c.src == src and c.dst == DEVICES_ZONE:
                    reached = _device_services(audit, c)
                    items = ", ".join(f"{d} ({', '.join(svcs)})" if svcs else d for d, svcs in reached)
                    parts.append(f"{src} → {t('summary.conclusion.devices', lang, items=items or DEVICES_ZONE)}")
        if unknown or strays:
            pairs = ", ".join([f"{c.src} → {_zone(c.dst, lang)}" for c in unknown] + ([stray_text] if strays else []))
            parts.append(t("summary.conclusion.also_unknown", lang, items=pairs))
        # Only the devices' own services beyond the policy (a VPN portal, an admin page):
        # said as such, not as "the internal network", and zones proven closed are said so.
        if live or any(c.dst != DEVICES_ZONE for c in leaks):
            line = t("summary.conclusion.yes", lang, where="; ".join(parts))
        else:
            line = t("summary.conclusion.devices_yes", lang, where="; ".join(parts))
            if all(c.verdict == "blocked" for c in cells if c.dst != DEVICES_ZONE) and not strays:
                line += " " + t("summary.conclusion.zones_blocked", lang)
        key = "reachable"
    elif unknown:
        first = unknown[0]
        said = first.maybe_reason if first.may_violate else first.reason
        why = f"{first.src} → {_zone(first.dst, lang)}: {prose(in_lang(said, lang) or '?').rstrip('.')}"
        if len(unknown) > 1 or strays:
            why += f" ({t('summary.conclusion.more', lang, n=len(unknown) - 1 + len(strays))})"
        line, key = t("summary.conclusion.unknown", lang, why=why), "unknown"
    elif strays:
        line, key = t("summary.conclusion.unknown", lang, why=prose(stray_text)), "unknown"
    else:
        line, key = t("summary.conclusion.no", lang), "blocked"
    return (f"{line} {overall}" if overall else line), key


def _zone(name: str, lang: str) -> str:
    """A zone as the conclusion names it: the devices' pseudo-zone by its display name."""
    from ..vocabulary import DEVICES_ZONE

    return t("summary.conclusion.devices_zone", lang) if name == DEVICES_ZONE else name


def _overall(audit, lang: str, standard: str | None) -> str:
    from ..compliance import regime

    comp = getattr(audit, "compliance", None) or {}
    reg = regime(comp, standard or comp.get("default")) if comp else None
    if reg is None:
        return ""
    return t("summary.conclusion.overall", lang, verdict=t(f"conclusion.{reg['verdict']}", lang)) + "."


def _how(audit, src: str, dst: str, lang: str) -> str:
    """How a guest reaches ``dst``: via the devices on the witness path of its
    guest-isolation finding, or on the same L2 segment when the path has none."""
    findings = [f for f in audit.findings if f.check == "guest-isolation" and f.zones[:2] == [src, dst]]
    devices = sorted({d for f in findings for d in f.devices})
    if devices:
        return t("summary.conclusion.via", lang, devices=", ".join(devices))
    on_segment = findings and all((f.witness or {}).get("hops") for f in findings)
    return t("summary.conclusion.l2", lang) if on_segment else ""


def _finding_devices(audit, src: str, dst: str) -> list[str]:
    """The devices on the witness path of the guest-isolation finding of ``src → dst``."""
    return [d for f in audit.findings if f.check == "guest-isolation" and f.zones[:2] == [src, dst] for d in f.devices]


def _device_services(audit, cell) -> list[tuple[str, list[str]]]:
    """Per device, the management services a guest reaches beyond the policy (from the
    delivered chunks' paths); the finding's devices when there are no paths (live-only)."""
    from ..policy import excess
    from ..reach import Path

    engine = getattr(audit, "engine", None)
    found: dict[str, list[str]] = {}
    if engine is not None and cell.delivered is not None and cell.chunks:
        hs = engine.hs
        bad = excess(hs, cell)
        for chunk, path in cell.chunks:
            if chunk & bad == hs.false:
                continue
            node = path
            while isinstance(node, Path):
                if node.step.kind == "service" and node.step.service is not None:
                    names = found.setdefault(node.step.device, [])
                    if node.step.service.name not in names:
                        names.append(node.step.service.name)
                    break
                node = node.parent
    if not found:
        return [(d, []) for d in sorted(set(_finding_devices(audit, cell.src, cell.dst)))]
    return sorted(found.items())


def _live_leaks(audit, pairs: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """Guest cells the configurations call blocked or unknown where a live probe got an
    answer (docs/live.md: a contradiction, or a resolved unknown)."""
    from ..vocabulary import DEVICES_ZONE

    live = getattr(audit, "live", None)
    if live is None:
        return []
    out = []
    for status in ("contradiction", "resolved"):
        for lc in live.by_status(status):
            if (lc.src, lc.dst) in pairs and lc.dst != DEVICES_ZONE:  # the devices answer DHCP/DNS by design
                out.append((lc.src, lc.dst))
    return sorted(set(out))


def _reference_lines(ref: dict, lang: str) -> list[str]:
    """Beside the model architecture (docs/blueprint.md): the command, the zones missing,
    the flows allowed beyond the model."""
    title = t("reference.title", lang, type=t(f"reference.type.{ref['type']}", lang), level=ref["model_level"])
    missing = "; ".join(f"{z['name']} ({z['title'][lang]})" for z in ref["missing_zones"]) or t("reference.none", lang)
    lines = ["", title, "  " + t("reference.command", lang) + " " + ref["command"]]
    lines.append("  " + t("reference.missing", lang) + " " + missing)
    lines.append("  " + t("reference.extra", lang, n=len(ref["extra_flows"])))
    for e in ref["extra_flows"]:
        model = e["model"]
        said = t("reference.denied", lang) if model is None else ", ".join(model)
        here = ", ".join(e["services"])
        lines.append(f"    {e['src']} → {e['dst']}: {here} ({t('reference.col.model', lang)}: {said})")
    return lines


def _live_lines(live, lang: str, col) -> list[str]:
    """The live section (docs/live.md): each vantage point, then the observed cells,
    contradictions first; cells nobody probed are left out."""
    from ..live.merge import NOT_OBSERVED, STATUSES

    lines = ["", t("live.section", lang) + " — " + t("live.note", lang)]
    for run in live.runs:
        counts = dict.fromkeys(("answered", "refused", "prohibited", "no_answer"), 0)
        for p in run.probes:
            counts[p.result] += 1
        source = str(run.vantage.get("source") or "-")
        lines.append("  " + t("live.run", lang, zone=run.zone, file=run.file, source=source, **counts))
    rows = [
        [
            t("summary.col.from", lang),
            t("summary.col.to", lang),
            t("summary.col.verdict", lang),
            t("live.col.live", lang),
            t("live.col.probes", lang),
            t("live.col.example", lang),
        ]
    ]
    keys = []
    for status in STATUSES:
        if status == NOT_OBSERVED:
            continue
        for lc in live.by_status(status):
            c = lc.counts
            ex = lc.examples(1)[0] if lc.probes else None
            example = f"{ex.dst} {ex.service} {ex.result}" + (f" ({ex.detail})" if ex.detail else "") if ex else ""
            if len(example) > 60:
                example = example[:57] + "..."
            rows.append(
                [
                    lc.src,
                    lc.dst,
                    t(f"verdict.{lc.verdict}", lang),
                    t(f"live.status.{status}", lang),
                    f"{c['answered']}/{c['refused']}/{c['prohibited']}/{c['no_answer']}",
                    example,
                ]
            )
            keys.append(status)
    if len(rows) == 1:
        lines.append("  " + t("live.none_observed", lang))
    else:
        table = _table(rows)
        lines.extend(table[:2])
        for line, status in zip(table[2:], keys, strict=True):
            lines.append(col(line, "critical") if status == "contradiction" else line)
    if live.unplaced:
        lines.append("  " + t("live.unplaced", lang, count=len(live.unplaced)))
    return lines
