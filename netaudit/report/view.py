"""The report's content, shaped for templates (HTML, PDF, Markdown) from the JSON document.

Everything here is plain data and catalogue lookups: no rendering, no escaping (the
templates escape), no access to the engine.  One function, :func:`build`, returns the
whole view; templates receive it with a ``t(key, **fields)`` function bound to the
report language.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from datetime import date

from ..compliance import regime as find_regime
from ..messages import t as _t
from ..vocabulary import DEVICES_ZONE, SEVERITIES
from . import RenderOptions, cite_loc
from . import detail as caps
from .findings_view import cause_keys, findings, remedy
from .live_view import live_section
from .matrix_view import matrix, reference
from .words import KIND_COLORS, NO_KIND_COLOR, kind_label, prose, reference_words, zone_label, zone_names

SECTIONS = {"scope": 1, "diagram": 2, "matrix": 3, "findings": 4, "compliance": 5, "inventory": 6, "signatures": 7}
# Labels of the parser registry's vendor ids (netaudit/parsers: VENDOR_MODULES).
VENDORS = {
    "cisco_ios": "Cisco IOS / IOS-XE",
    "cisco_asa": "Cisco ASA",
    "fortinet_fortios": "Fortinet FortiOS",
    "mikrotik_routeros": "MikroTik RouterOS",
    "linux": "Linux (nftables / iptables)",
    "openwrt": "OpenWrt",
    "huawei_vrp": "Huawei VRP",
    "ruijie_rgos": "Ruijie RGOS",
    "h3c_comware": "H3C Comware",
    "juniper_junos": "Juniper Junos",
}
_PRIVATE = [
    ipaddress.ip_network(n)
    for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16")
]


def is_private(addr: str) -> bool:
    try:
        ip = ipaddress.ip_interface(addr).ip
    except ValueError:
        return True
    return any(ip in n for n in _PRIVATE)


def vendor_label(vendor: str | None) -> str:
    return VENDORS.get(vendor or "", vendor or "?")


def format_date(iso: str, lang: str) -> str:
    try:
        d = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    dd = f"{d.day:02d}" if d.day < 10 else str(d.day)
    mm = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return _t("date.long", lang, dd=dd, mm=mm, y=d.year, iso=d.isoformat())


# Items of the lists the document's sentences name (View.cut_runs), beside the zone ids:
# a service ("tcp/1003", "udp/8012-8112", "proto/47") and a device's interface with its
# subnets ("bbra_rtr:Vlan290 (192.168.249.144/29, 171.64.250.144/29)").
_LIST_ITEMS = (r"[a-z][a-z0-9]*/\d+(?:-\d+)?", r"[\w.-]+:[\w./-]+(?: \([^()]*\))?")


@dataclass
class View:
    lang: str
    doc: dict
    options: RenderOptions
    cover: dict = field(default_factory=dict)
    summary: list = field(default_factory=list)
    inputs: list = field(default_factory=list)
    limits: dict = field(default_factory=dict)
    zones: list = field(default_factory=list)
    zones_note: str = ""
    runtime: list[str] = field(default_factory=list)  # assumed run-time addresses, one sentence each
    runtime_title: str = ""
    matrix: dict = field(default_factory=dict)
    flows: list = field(default_factory=list)
    findings: list = field(default_factory=list)
    severity_counts: list = field(default_factory=list)
    compliance: dict | None = None
    inventory: dict = field(default_factory=dict)
    legend: list = field(default_factory=list)
    observed_legend: str = ""
    diagram_svg: str = ""
    diagram_error: str = ""
    drawio_name: str = ""
    live: dict | None = None  # the live verification section, only with probes (docs/live.md)
    reference: dict | None = None  # beside the model architecture (site ``type``; docs/blueprint.md)
    remedy: dict | None = None  # the remediation plan per device (docs/remedy.md)
    header: dict = field(default_factory=dict)  # national header, document number, the record
    site_annex: dict = field(default_factory=dict)  # annex A: the site file (zones, overrides)
    finding_refs: dict = field(default_factory=dict)  # finding id -> "mục 4.N" (cross-references on paper)
    names: dict = field(default_factory=dict)  # zone id -> display name (zone_names), for prose and headings
    root_causes: list = field(default_factory=list)  # findings grouped by their decisive lines (_findings)
    cause_keys: tuple | None = None  # (cited lines, each finding's root-cause key): findings_view.cause_keys
    # Section numbers: the live section, when present, comes after the matrix.
    sec: dict = field(default_factory=lambda: dict(SECTIONS))
    # --detail (detail.py): "summary" cuts the long lists of a large audit, each cut with a
    # note saying how many items are not printed and where they are in full.
    detail: str = "full"
    cuts: int = 0  # lists the summary cut (the cover says the print is summarised when > 0)
    notes: dict = field(default_factory=dict)  # cut notes by place ("inputs", "warnings", "links" …)
    flows_note: str = ""  # section 3: the flows whose witness paths are not printed
    findings_other: dict | None = None  # section 4: the findings not printed, counted by kind
    omitted: set = field(default_factory=set)  # ids of the findings not printed
    cut_anchors: dict = field(default_factory=dict)  # a flow's anchor -> the note saying it is not printed
    _run: tuple[re.Pattern, re.Pattern] | None = None  # cut_runs: (a run of list items, one item), per document

    def cut(self, items, cap: caps.Cap) -> tuple[list, int]:
        """(the items printed, how many are left out): all of them in full detail or when
        the list is within ``cap.over``; else the first ``cap.keep`` (a cut, counted)."""
        items = list(items)
        if self.detail != "summary" or len(items) <= cap.over:
            return items, 0
        self.cuts += 1
        return items[: cap.keep], len(items) - cap.keep

    def more(self, what: str, n: int) -> str:
        """The note under a cut list: "… and N more <what> not printed here; full list: …"."""
        if not n:
            return ""
        return self.t("detail.more", n=n, what=self.t(f"detail.what.{what}"), where=self.t("detail.where"))

    def cut_runs(self, text: str) -> str:
        """A sentence of the document (a finding's, a warning) in the summary with each
        long list it names — zones, services, a device's interfaces with their subnets —
        cut to its first ``LIST_IN_TEXT.keep`` items, saying how many more: a forged
        source reaching 50 zones on 900 ports printed five pages of one finding, 186
        segments outside every zone a page and a half of one warning.  The JSON and
        ``--detail full`` keep every item."""
        if self.detail != "summary" or not text or text.count(", ") < caps.LIST_IN_TEXT.over:
            return text
        if self._run is None:
            ids = sorted({z["name"] for z in self.doc.get("zones", [])} | {DEVICES_ZONE}, key=len, reverse=True)
            # an item ends where no name goes on (a sentence's full stop may follow)
            item = "(?:" + "|".join([*_LIST_ITEMS, *(re.escape(i) for i in ids)]) + r")(?![\w/:-]|\.\w)"
            self._run = (re.compile(rf"(?<![\w/:.-]){item}(?:, {item})+"), re.compile(item))
        run, one = self._run

        def cut(m: re.Match) -> str:
            # items by their pattern: an interface's subnets hold ", " too
            shown, n = self.cut(one.findall(m.group(0)), caps.LIST_IN_TEXT)
            return ", ".join(shown) + (" " + self.t("detail.inline", n=n) if n else "")

        return run.sub(cut, text)

    def join_cut(self, items, cap: caps.Cap = caps.CELL_ITEMS) -> tuple[str, bool]:
        """Items of one table cell joined with ", ", cut as ``cut`` does ("… (+N)")."""
        shown, n = self.cut(items, cap)
        text = ", ".join(str(x) for x in shown)
        return (text + " " + self.t("detail.inline", n=n) if n else text), bool(n)

    def t(self, key: str, **fields) -> str:
        return _t(key, self.lang, **fields)

    @property
    def blank(self) -> str:
        """An empty field on paper: a dotted line to fill in by hand."""
        return self.t("cover.blank")

    def L(self, value) -> str:
        """A {"vi": …, "en": …} JSON text in the report language."""
        if isinstance(value, dict):
            return value.get(self.lang) or value.get("en") or ""
        return "" if value is None else str(value)

    def zone(self, name: str) -> str:
        """A zone by its display name (``@devices`` included), for prose and headings."""
        return zone_label(name, self.lang, self.names)

    def prose(self, text: str) -> str:
        """A sentence of the document with zone ids, ``@devices`` and service syntax in words."""
        return prose(text, self.lang, self.names)


def build(doc: dict, options: RenderOptions) -> View:
    v = View(options.lang, doc, options)
    v.detail = caps.resolve("html", options.detail)
    v.names = zone_names(doc.get("zones", []), options.lang)
    zone_kind = {z["name"]: z["kind"] for z in doc.get("zones", [])}
    zone_kind[DEVICES_ZONE] = "devices"
    _cover(v)
    _scope(v)
    matrix(v, zone_kind)
    reference(v)
    live_section(v)
    findings(v, zone_kind)
    remedy(v)
    _compliance(v)
    _inventory(v)
    _site_annex(v)
    kinds = []
    for z in doc.get("zones", []):
        if z["kind"] not in kinds:
            kinds.append(z["kind"])
    v.legend = [{"kind": k, "label": kind_label(v.lang, k), "color": KIND_COLORS.get(k, NO_KIND_COLOR)} for k in kinds]
    v.observed_legend = (
        v.t("live.diagram.legend")
        if any(r.get("hosts") or r.get("traces") for r in (doc.get("probes") or {}).get("runs") or [])
        else ""
    )
    v.drawio_name = options.drawio_name or ""
    return v


# --------------------------------------------------------------------------- cover


def _cover(v: View) -> None:
    doc, site = v.doc, v.doc.get("site") or {}
    concl = doc.get("conclusion") or {}
    verdict = concl.get("verdict", "check")
    generated = doc.get("generated") or ""
    inspection = str(site.get("inspection_date") or generated)
    standard = concl.get("standard", "nd331-2026")
    doc_number = str(site.get("doc_number") or "")
    record_number = str(site.get("record_number") or "")
    record_date = format_date(str(site["record_date"]), v.lang) if site.get("record_date") else ""
    # The layout of Vietnamese administrative documents (ND 30/2020): the issuing unit and
    # the number on the left, Quốc hiệu and Tiêu ngữ on the right, place and date below them;
    # an empty field is a dotted line to fill in by hand.
    v.header = {
        "unit": (doc.get("unit") or "").upper(),
        "nation": v.t("header.nation"),
        "motto": v.t("header.motto"),
        "number": v.t("header.doc_number", number=doc_number or v.t("cover.blank_number")),
        "place_date": v.t("sign.place_date", date=format_date(inspection, v.lang)),
        "record": v.t(
            "header.record",
            number=record_number or v.t("cover.blank_number"),
            date=record_date or v.t("date.blank"),
        ),
    }
    v.cover = {
        "doc_number": doc_number,
        "record_number": record_number,
        "record_date": record_date,
        "record": v.header["record"],
        "level_label": v.t(f"cover.level.{standard}")
        if standard in ("nd331-2026", "tt12-2022")
        else v.t("cover.level"),
        "unit": doc.get("unit") or "",
        "address": str(site.get("address") or ""),
        "date": format_date(inspection, v.lang),
        "generated": format_date(generated, v.lang),
        "inspected_by": str(site.get("inspected_by") or ""),
        "prepared_by": str(site.get("prepared_by") or ""),
        "level": doc.get("level"),
        "standard": v.t(f"standard.{concl.get('standard', 'nd331-2026')}"),
        "verdict": verdict,
        "verdict_label": v.t(f"conclusion.{verdict}"),
        "reasons": [v.prose(v.L(r)) for r in concl.get("reasons", [])],
        "tool": f"netaudit {doc.get('tool', {}).get('version', '')}".strip(),
        "version": doc.get("tool", {}).get("version", ""),
    }
    sev = {s: 0 for s in SEVERITIES}
    for f in doc.get("findings", []):
        sev[f.get("severity", "info")] = sev.get(f.get("severity", "info"), 0) + 1
    v.severity_counts = [{"severity": s, "label": v.t(f"severity.{s}"), "n": sev[s]} for s in SEVERITIES]
    cells = doc.get("matrix", [])
    reg = find_regime(doc.get("compliance") or {}, concl.get("standard", "")) or {}
    v.summary = [
        {"label": v.t("summary.count.findings"), "n": len(doc.get("findings", []))},
        {
            "label": v.t("summary.count.root_causes"),
            "n": len(set(cause_keys(v)[1])),
        },
        {
            "label": v.t("summary.count.violations"),
            "n": sum(1 for c in cells if c.get("verdict") == "reachable" and c.get("violation")),
        },
        {"label": v.t("summary.count.unknown"), "n": sum(1 for c in cells if c.get("verdict") == "unknown")},
        {"label": v.t("summary.count.not_met"), "n": (reg.get("counts") or {}).get("not_met", 0)},
        {"label": v.t("summary.count.devices"), "n": len((doc.get("topology") or {}).get("devices", []))},
    ]


# --------------------------------------------------------------------------- scope


def _scope(v: View) -> None:
    doc = v.doc
    for f in doc.get("inputs", []):
        vendor = (
            vendor_label(f.get("vendor"))
            if f.get("kind") == "config"
            else v.t(f"scope.kind.{f.get('kind')}")
            if f.get("kind") in ("state", "skipped")
            else (f.get("vendor") or "")
        )
        v.inputs.append(
            {
                "path": f.get("path", ""),
                "vendor": vendor,
                "devices": ", ".join(f.get("devices") or []),
                "lines": f.get("lines", 0),
                "unrecognized": f.get("unrecognized", 0),
                "sha256": f.get("sha256", ""),
                # problem_text ({"vi", "en"}) where the document has it; older documents: English.
                "problem": v.L(f.get("problem_text") or f.get("problem")),
                "site": False,
            }
        )
    cov = doc.get("coverage") or {}
    by_file: dict[str, list] = {}
    for u in cov.get("unrecognized_lines", []):
        by_file.setdefault(u.get("file", ""), []).append(u)
    # The JSON lists a bounded number per file: the totals come from inputs[].unrecognized.
    totals = {f.get("path", ""): f.get("unrecognized", 0) for f in doc.get("inputs", [])}
    unrec = []
    for name, items in by_file.items():
        shown, _ = v.cut(items[:40], caps.UNRECOGNIZED)
        more = max(0, max(len(items), totals.get(name, 0)) - len(shown))
        unrec.append({"file": name, "lines": shown, "more": more})
    partial, n_partial = v.cut(cov.get("partially_understood", []), caps.PARTIAL)
    v.notes["partial"] = v.more("partial", n_partial)
    v.limits = {
        "unrecognized": unrec,
        # reason_text ({"vi", "en"}) where the parser wrote the reason from the catalogue.
        "partial": [
            {**p, "loc": cite_loc(p, v.lang), "reason": v.L(p.get("reason_text") or p.get("reason"))} for p in partial
        ],
        # Files not analysed at all; an analysed file's problem (encoding, unsupported
        # platform) is among the warnings and, where it matters, the partial constructs.
        "skipped": [
            i
            for i, f in zip(v.inputs, doc.get("inputs", []), strict=True)
            if i["problem"] and f.get("kind") == "skipped"
        ],
        # warnings_text ({"vi", "en"} each) where the document has it; older documents: English.
        "warnings": [v.prose(v.cut_runs(v.L(w))) for w in doc["warnings_text"]]
        if doc.get("warnings_text")
        else [v.prose(v.cut_runs(w)) for w in doc.get("warnings", [])],
    }
    v.limits["none"] = not (unrec or v.limits["partial"] or v.limits["skipped"])
    v.limits["warnings"], n_warnings = v.cut(v.limits["warnings"], caps.WARNINGS)
    v.notes["warnings"] = v.more("warnings", n_warnings)
    files, n_files = v.cut(v.inputs, caps.INPUTS)
    v.inputs = files
    v.notes["inputs"] = v.more("inputs", n_files)
    site = doc.get("site") or {}
    if site.get("sha256") and not site.get("inferred"):
        # The site file decides every verdict: listed and hashed with the configurations.
        v.inputs.append(
            {
                "path": str(site.get("file") or "site.yaml"),
                "vendor": v.t("scope.site_file"),
                "devices": "",
                "lines": "-",
                "unrecognized": "-",
                "sha256": site["sha256"],
                "problem": "",
                "site": True,
            }
        )
    v.zones_note = (
        v.t("scope.zones_inferred")
        if site.get("inferred")
        else v.t("scope.zones_from", file=site.get("file") or "site.yaml")
    )
    nets_by_domain: dict[str, list[str]] = {}
    for d in (doc.get("topology") or {}).get("devices", []):
        for i in d.get("interfaces", []):
            if i.get("domain") and not i.get("shutdown"):
                for a in i.get("addresses", []):
                    net = str(ipaddress.ip_interface(a).network)
                    if net not in nets_by_domain.setdefault(i["domain"], []):
                        nets_by_domain[i["domain"]].append(net)
    # What was assumed for run-time (DHCP/PPPoE) addresses (docs/semantics.md).
    v.runtime = []
    for r in doc.get("runtime_addresses", []):
        src = r.get("source") or {}
        v.runtime.append(
            v.t(
                "summary.runtime_item",
                device=r["device"],
                interface=r["interface"],
                where=f"{src.get('file')}:{src.get('line')}" if src else "-",
                candidates=v.L(r.get("candidates_text")) or r.get("candidates", ""),
                shown=r.get("shown_as", ""),
            )
        )
    v.runtime_title = v.t("summary.runtime") if v.runtime else ""
    for z in doc.get("zones", []):
        where = list(z.get("vlans", [])) + list(z.get("attach", []))
        if z.get("via") == "tunnel":  # behind the tunnels of its attach interfaces
            where = [v.t("scope.via_tunnel", place=a) for a in z.get("attach", [])]
        # An external zone attached automatically: where, and why.
        where += [v.L(a) for a in z.get("attached_text", [])] or list(z.get("attached", []))
        placed = [n for did in z.get("domains", []) for n in nets_by_domain.get(did, [])]
        subnets, cut_subnets = v.join_cut(z.get("subnets", []) or placed)
        if not z.get("subnets") and z["kind"] == "external":
            subnets, cut_subnets = v.t("scope.all_other"), False
        where_text, cut_where = v.join_cut(where)
        if cut_subnets or cut_where:
            v.notes["zones"] = v.t("detail.cell_note.site", where=v.t("detail.where"))
        v.zones.append(
            {
                "name": z["name"],
                "display": _display(v, z["name"]),
                "kind": z["kind"],
                "kind_label": kind_label(v.lang, z["kind"]),
                "color": KIND_COLORS.get(z["kind"], NO_KIND_COLOR),
                "subnets": subnets or "-",
                "where": where_text or "-",
                "problems": _problems(v, z),
                "inferred_from": _inferred_from(v, z),
            }
        )
    if v.detail == "summary" and len(v.zones) > caps.PRINT_ZONES:
        # Sections 6.2 and annex A list every zone with its addresses and attachment: a
        # many-zone summary keeps here only the zones whose placement has a problem.
        v.cuts += 1
        left = [z for z in v.zones if not z["problems"]]
        v.zones = [z for z in v.zones if z["problems"]]
        v.notes["zones"] = " ".join(
            x
            for x in (
                v.notes.get("zones", ""),
                v.t(
                    "detail.zones_elsewhere" if v.zones else "detail.zones_elsewhere.none",
                    n=len(left),
                    sec=v.sec["inventory"],
                ),
            )
            if x
        )


def _display(v: View, name: str) -> str:
    """A declared zone's display name beside its id in the zone tables ("" when it only
    repeats the id)."""
    label = v.zone(name)
    return "" if label.casefold() == name.casefold() else label


def _inferred_from(v: View, z: dict) -> list[str]:
    """What an inferred zone was drafted from, in the report language."""
    texts = z.get("inferred_from_text")
    if texts and len(texts) == len(z.get("inferred_from", [])):
        return [v.L(w) for w in texts]
    return list(z.get("inferred_from", []))


def _problems(v: View, z: dict) -> list[str]:
    """A zone's placement problems in the report language."""
    texts = z.get("problems_text")
    if texts and len(texts) == len(z.get("problems", [])):
        return [v.L(p) for p in texts]
    return list(z.get("problems", []))


# --------------------------------------------------------------------------- compliance


# A finding id as checks/__init__.py makes it: the check's id, a colon, 10 hex digits.
_FINDING_ID = re.compile(r"(?<![\w.-])[\w.-]+:[0-9a-f]{10}(?!\w)")


def _evidence(v: View, row: dict) -> str:
    """A compliance row's evidence for paper: finding ids as the sections that print them
    ("mục 4.1"), internal ids and service syntax in words.  The ids are replaced in one
    pass over the text (a row naming 50,000 findings was rewritten once per finding:
    15 s); an id of another shape, from another producer's JSON, the old way."""
    text = v.L(row["evidence"])
    refs = {fid: v.finding_refs[fid] for fid in row.get("findings") or [] if fid in v.finding_refs}
    shaped = {fid: ref for fid, ref in refs.items() if _FINDING_ID.fullmatch(fid)}
    if shaped:
        text = _FINDING_ID.sub(lambda m: shaped.get(m.group(0), m.group(0)), text)
    for fid in sorted(refs.keys() - shaped.keys(), key=len, reverse=True):
        text = text.replace(fid, refs[fid])
    return v.prose(_compress_refs(v, text) if row.get("findings") else text)


def _compress_refs(v: View, text: str) -> str:
    """Runs of section references in a compliance row's evidence ("mục 4.1, mục 4.25, mục
    4.25 …"), in the summary: each printed section named once (at most ``REFS.keep`` of a
    long run), the findings counted in "Các tồn tại khác" as a number.  A run without a
    finding left out and within ``REFS.over`` stays as it is."""
    refs = sorted(set(v.finding_refs.values()), key=len, reverse=True)
    if v.detail != "summary" or not refs:
        return text
    one = "(?:" + "|".join(re.escape(r) for r in refs) + r")(?!\d)"
    others = v.t("ref.finding", sec=v.sec["findings"], no=v.findings_other["no"]) if v.findings_other else None

    def compress(m: re.Match) -> str:
        items = m.group(0).split(", ")
        omitted = sum(1 for x in items if x == others)
        printed = list(dict.fromkeys(x for x in items if x != others))
        if not omitted and len(printed) == len(items) and len(items) <= caps.REFS.over:
            return m.group(0)
        shown, n = v.cut(printed, caps.REFS)
        parts = ", ".join(shown) + (" " + v.t("detail.refs_cut", n=n) if n else "")
        if omitted and v.findings_other:
            other = v.t("detail.refs_other", n=omitted, sec=v.sec["findings"], no=v.findings_other["no"])
            parts = f"{parts} {other}" if parts else other
        return parts

    return re.sub(f"{one}(?:, {one})*", compress, text)


def _compliance(v: View) -> None:
    comp = v.doc.get("compliance")
    concl = v.doc.get("conclusion") or {}
    if not comp:
        return
    reg = find_regime(comp, concl.get("standard", "")) or comp["regimes"][0]
    rows = [
        {
            "no": i,
            "requirement": v.L(r["requirement"]),
            "reference": reference_words(r["reference"], v.lang),
            "status": r["status"],
            "status_label": v.t(f"status.{r['status']}"),
            "evidence": _evidence(v, r),
        }
        for i, r in enumerate(reg["rows"], 1)
    ]
    others = []
    for other in comp["regimes"]:
        if other["id"] == reg["id"]:
            continue
        counts = other.get("counts", {})
        others.append(
            v.t(
                "compliance.other",
                standard=v.t(f"standard.{other['id']}"),
                decree=v.t(f"standard.decree.{other['id']}"),
                id=other["id"],
                verdict=v.t(f"conclusion.{other['verdict']}"),
                met=counts.get("met", 0),
                not_met=counts.get("not_met", 0),
                check=counts.get("check", 0),
            )
        )
    v.compliance = {
        "intro": v.t("compliance.intro", standard=v.t(f"standard.{reg['id']}"), level=reg["level"]),
        "rows": rows,
        "others": others,
    }


# --------------------------------------------------------------------------- inventory


def _inventory(v: View) -> None:
    topo = v.doc.get("topology") or {}
    declared = (v.doc.get("site") or {}).get("devices") or {}
    if not isinstance(declared, dict):
        declared = {}
    devices = []
    listed, n_devices = v.cut(topo.get("devices", []), caps.DEVICES)
    v.notes["devices"] = v.more("devices", n_devices)
    for n, d in enumerate(listed, 1):
        entry = declared.get(d["name"])
        info = entry if isinstance(entry, dict) else {}
        role = d.get("role", "other")
        kind = info.get("type") or f"{v.t(f'role.{role}')} — {vendor_label(d.get('vendor'))}" + (
            f" {d['os_version']}" if d.get("os_version") else ""
        )
        devices.append(
            {
                "no": n,
                "name": d["name"],
                "type": str(kind),
                "location": str(info.get("location") or v.blank),
                "purpose": str(info.get("purpose") or v.t(f"purpose.{role}")),
                "file": d.get("file", ""),
            }
        )
    vlan_names = {
        f"{d['name']}:{vl['id']}": vl.get("name", "") for d in topo.get("devices", []) for vl in d.get("vlans", [])
    }
    gateways: dict[str, list[tuple[str, str, str]]] = {}
    for d in topo.get("devices", []):
        for i in d.get("interfaces", []):
            if i.get("domain") and i.get("addresses") and not i.get("shutdown"):
                for a in i["addresses"]:
                    gateways.setdefault(i["domain"], []).append((d["name"], i["name"], a))
    rows = []
    placed = set()
    for z in v.doc.get("zones", []):
        addrs = [a for did in z.get("domains", []) for a in gateways.get(did, [])]
        placed.update(z.get("domains", []))
        private = [s for s in z.get("subnets", []) if is_private(s)]
        public = [s for s in z.get("subnets", []) if not is_private(s)]
        for _, _, a in addrs:
            net = str(ipaddress.ip_interface(a).network)
            if is_private(a):
                if not z.get("subnets") and net not in private:
                    private.append(net)
            elif a not in public:
                public.append(a)
        cells = {
            # a VLAN the zone has on two switches or a router pair: named once
            "vlans": list(dict.fromkeys(_vlan_label(x, vlan_names) for x in z.get("vlans", []))),
            "private": private,
            "public": public,
            "gateway": [f"{dev} {ifn} ({a})" for dev, ifn, a in addrs],
        }
        rows.append(
            {
                "zone": z["name"],
                "kind_label": kind_label(v.lang, z["kind"]),
                "color": KIND_COLORS.get(z["kind"], NO_KIND_COLOR),
                **_cells(v, cells, "ipplan"),
            }
        )
    domains = [dom for dom in topo.get("domains", []) if dom["id"] not in placed and len(dom.get("devices", [])) >= 2]
    domains, n_links = v.cut(domains, caps.LINKS)
    links = []
    for dom in domains:
        addrs = gateways.get(dom["id"], [])
        cells = {
            "private": sorted({str(ipaddress.ip_interface(a).network) for _, _, a in addrs if is_private(a)}),
            "public": [a for _, _, a in addrs if not is_private(a)],
            "gateway": [f"{dev} {ifn} ({a})" for dev, ifn, a in addrs],
        }
        links.append({"label": dom.get("label", ""), **_cells(v, cells, "ipplan")})
    v.notes["links"] = v.more("links", n_links)
    v.inventory = {"devices": devices, "ipplan": rows, "links": links}


def _cells(v: View, cells: dict[str, list], note: str, site: bool = False) -> dict[str, str]:
    """Table cells from lists ("-" when empty), each cut as ``View.join_cut`` does; a cut
    sets the note under the table (``v.notes[note]``)."""
    out = {}
    for key, items in cells.items():
        text, cut = v.join_cut(items)
        out[key] = text or "-"
        if cut:
            v.notes[note] = v.t("detail.cell_note.site" if site else "detail.cell_note", where=v.t("detail.where"))
    return out


def _vlan_label(item: str, names: dict) -> str:
    vid = item.split(":", 1)[1] if ":" in item else item
    name = names.get(item, "")
    return f"{vid} ({name})" if name else vid


# --------------------------------------------------------------------------- annex A: the site file


def _policy_rule(v: View, p: dict) -> str:
    if p.get("services") is not None:
        return v.t("annex.rule.services", services=", ".join(str(x) for x in p["services"]))
    return v.t("annex.rule.deny") if p.get("allow") is False else v.t("annex.rule.allow")


def _site_annex(v: View) -> None:
    """The site file as evidence: its name and SHA-256, the zones it declares and the
    overrides of the reference policy (JSON ``site.sha256``, ``site.policy``, ``zones[].line``)."""
    site = v.doc.get("site") or {}
    inferred = bool(site.get("inferred"))
    policy, n_policy = v.cut([p for p in site.get("policy") or [] if isinstance(p, dict)], caps.POLICY)
    v.site_annex = {
        "title": v.t("annex.site.title"),
        "inferred": inferred,
        "intro": v.t("annex.site.inferred")
        if inferred
        else v.t("annex.site.intro", file=str(site.get("file") or "site.yaml")),
        "sha256": "" if inferred else str(site.get("sha256") or ""),
        "zones": [
            {
                "name": z["name"],
                "kind_label": kind_label(v.lang, z["kind"]),
                "color": KIND_COLORS.get(z["kind"], NO_KIND_COLOR),
                **_cells(
                    v,
                    {"subnets": z.get("subnets", []), "where": list(z.get("vlans", [])) + list(z.get("attach", []))},
                    "annex",
                    site=True,
                ),
                "sources": v.t(f"annex.sources.{z.get('sources', 'own')}")
                if z.get("sources", "own") in ("own", "any")
                else str(z.get("sources")),
                "line": z.get("line") or "-",
            }
            for z in v.doc.get("zones", [])
        ],
        "policy": [
            {
                "from": zone_label(str(p.get("from", "")), v.lang),
                "to": zone_label(str(p.get("to", "")), v.lang),
                "rule": _policy_rule(v, p),
                "line": p.get("line") or "-",
            }
            for p in policy
        ],
    }
    v.notes["policy"] = v.more("rules", n_policy)
