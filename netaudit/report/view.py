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
from .live_view import live_mark, live_section

SECTIONS = {"scope": 1, "diagram": 2, "matrix": 3, "findings": 4, "compliance": 5, "inventory": 6, "signatures": 7}
BLOCKING_SHOWN = 3  # blocking lines shown per blocked flow (all are in the JSON)
# Labels of the parser registry's vendor ids (netaudit/parsers: VENDOR_MODULES).
VENDORS = {
    "cisco_ios": "Cisco IOS / IOS-XE",
    "cisco_asa": "Cisco ASA",
    "fortinet_fortios": "Fortinet FortiOS",
    "mikrotik_routeros": "MikroTik RouterOS",
    "linux": "Linux (nftables / iptables)",
    "openwrt": "OpenWrt",
}
# Colours of zone kinds (diagram, legend, matrix headers).
KIND_COLORS = {
    "guest": "#f9a825",
    "internal": "#64b5f6",
    "server": "#9575cd",
    "database": "#5e35b1",
    "management": "#4db6ac",
    "dmz": "#fff176",
    "external": "#bdbdbd",
    "wan": "#a1887f",
    "kiosk": "#81c784",
    "camera": "#f48fb1",
    "devices": "#90a4ae",
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


def describe_packet(p: dict | None) -> str:
    if not p:
        return "-"
    proto = p.get("proto", "?")
    if "dst_port" in p:
        return f"{proto} {p.get('src_ip')}:{p.get('src_port')} → {p.get('dst_ip')}:{p.get('dst_port')}"
    if "icmp_type" in p:
        return f"{proto} {p.get('src_ip')} → {p.get('dst_ip')} (type {p.get('icmp_type')}, code {p.get('icmp_code')})"
    return f"{proto} {p.get('src_ip')} → {p.get('dst_ip')}"


def split_remediation(text: str) -> list[tuple[str, str]]:
    """[(kind, text)]: 'p' prose, 'caption' (e.g. "Cấu hình mẫu (Cisco IOS):"), 'code'."""
    lines = (text or "").split("\n")
    blocks: list[tuple[str, str]] = [("p", lines[0])]
    for line in lines[1:]:
        if line.rstrip().endswith(":") and line[:1] not in (" ", "!", "#") and not code_like(line):
            blocks.append(("caption", line.rstrip()))
        elif blocks[-1][0] == "code":
            blocks[-1] = ("code", blocks[-1][1] + "\n" + line)
        elif blocks[-1][0] == "caption":
            blocks.append(("code", line))
        else:
            blocks[-1] = ("p", (blocks[-1][1] + " " + line).strip())
    return [b for b in blocks if b[1].strip()]


def code_like(line: str) -> bool:
    return line.lstrip().startswith(("ip ", "no ", "interface ", "line ", "access-list", "snmp-server"))


# --------------------------------------------------------------------------- words for ids and services

# Protocols other than ICMP, TCP and UDP: a service list naming all of them means "every other IP protocol".
_OTHER_PROTOCOLS = frozenset(range(256)) - {1, 6, 17}
_PROTO_RUN = re.compile(r"proto/\d+(?:-\d+)?(?:, proto/\d+(?:-\d+)?)*")
_DEVICES_IN_PROSE = re.compile(r"(?:\bvùng |\bzone )?" + re.escape(DEVICES_ZONE) + r"(?![\w-])")


def _proto_numbers(run: str) -> list[tuple[int, int]]:
    out = []
    for item in run.split(", "):
        lo, _, hi = item[len("proto/") :].partition("-")
        out.append((int(lo), int(hi or lo)))
    return out


def services_words(text: str, lang: str) -> str:
    """A service list (``tcp/22, proto/0, proto/2-5 …`` or ``ip except tcp/80``) in words:
    ``ip`` is every service, a run of ``proto/N`` covering every protocol but ICMP, TCP and
    UDP is "every other IP protocol", other ``proto/N`` runs name the protocol numbers."""
    if not text:
        return text
    if text.strip() == "ip":
        return _t("svc.all", lang)

    def protos(m: re.Match) -> str:
        ranges = _proto_numbers(m.group(0))
        covered = {n for lo, hi in ranges for n in range(lo, hi + 1)}
        if covered >= _OTHER_PROTOCOLS:
            return _t("svc.other_protocols", lang)
        return _t("svc.protocols", lang, numbers=", ".join(f"{lo}" if lo == hi else f"{lo}-{hi}" for lo, hi in ranges))

    out = _PROTO_RUN.sub(protos, text)
    if out.startswith("ip except "):
        out = _t("svc.except", lang, services=out[len("ip except ") :])
    return out


def zone_names(zones: list, lang: str) -> dict[str, str]:
    """The display name of every zone of the document, by id: its declared title
    (``zones[].title``, a text or {"vi", "en"}) or the name of its kind ("Vùng mạng nội
    bộ", "Internet" …); two zones with the same display name are told apart by their ids
    (“staff”).  Prose and headings use these; tables keep the id beside them."""
    names: dict[str, str] = {}
    for z in zones:
        if not isinstance(z, dict) or not isinstance(z.get("name"), str):
            continue
        title = z.get("title")
        if isinstance(title, dict):
            title = title.get(lang) or title.get("en")
        if not (isinstance(title, str) and title.strip()):
            try:
                title = _t(f"zone.name.{z.get('kind')}", lang)
            except KeyError:
                title = z["name"]
        names[z["name"]] = " ".join(title.split())
    count: dict[str, int] = {}
    for title in names.values():
        count[title] = count.get(title, 0) + 1
    return {
        n: _t("zone.name.with_id", lang, name=title, id=n) if count[title] > 1 and title != n else title
        for n, title in names.items()
    }


def zone_label(name: str, lang: str, names: dict[str, str] | None = None) -> str:
    """A zone as the reader sees it: the pseudo-zone of the devices' own services by its
    display name, a declared zone by its display name (:func:`zone_names`) or, without
    ``names``, by its id."""
    if name == DEVICES_ZONE:
        return _t("zone.devices", lang)
    return (names or {}).get(name, name)


# Where the engine's sentences name zones by id: after "vùng" / "zone" (and their guest and
# management forms), around an arrow ("guest → staff"), and as a whole list after a colon.
_ZONE_PREFIX = (
    r"\b(?P<pre>[Vv]ùng khách|[Vv]ùng quản trị|[Vv]ùng|[Gg]uest zone|[Mm]anagement zone|[Zz]one\(s\)|[Zz]ones?)"
)
_ZONE_BASE = {"vùng": re.compile(r"\bvùng\b", re.I), "zone": re.compile(r"\bzones?\b", re.I)}
_NOT_BEFORE = r"(?<![\w@/.:-])"
_NOT_AFTER = r"(?![\w@/-])"


def _zone_pattern(ids: list[str]) -> re.Pattern:
    one = "(?:" + "|".join(re.escape(n) for n in sorted(ids, key=len, reverse=True)) + ")"
    run = f"{one}(?:, {one})*"
    return re.compile(
        f"{_ZONE_PREFIX} (?P<prun>{run}){_NOT_AFTER}"
        f"|(?<=: )(?P<list>{run})(?=[.;)]|$)"
        f"|{_NOT_BEFORE}(?P<src>{one})(?= → )"
        f"|(?<= → )(?P<dst>{one}){_NOT_AFTER}"
    )


def _after_prefix(pre: str, labels: list[str]) -> str:
    """Zone names after "vùng …" / "zone …": the prefix goes when the first name says it
    itself ("vùng mgmt" → "vùng quản trị", not "vùng Vùng quản trị"), in the prefix's case."""
    base = "vùng" if pre.lower().startswith("vùng") else "zone"
    first = labels[0]
    joined = "; " if any(", " in x for x in labels) else ", "
    if not _ZONE_BASE[base].search(first):
        return f"{pre} {joined.join(labels)}"
    word = first.split(" ", 1)[0]
    if pre[0].islower() and word.isalpha() and word[:1].isupper() and word[1:].islower():
        first = first[0].lower() + first[1:]
    elif pre[0].isupper():
        first = first[0].upper() + first[1:]
    return joined.join([first, *labels[1:]])


def zone_words(text: str, names: dict[str, str]) -> str:
    """``text`` with the zone ids the engine put in it replaced by the zones' display names."""
    ids = [n for n in names if n and names[n] != n]
    if not text or not ids:
        return text
    pattern = _zone_pattern(ids)
    one = re.compile("|".join(re.escape(n) for n in sorted(ids, key=len, reverse=True)))

    def labels(run: str) -> list[str]:
        out, rest = [], run
        while rest:
            m = one.match(rest)
            if m is None:  # cannot happen: the run is made of ids
                return [run]
            out.append(names[m.group(0)])
            rest = rest[m.end() :].removeprefix(", ")
        return out

    def sub(m: re.Match) -> str:
        if m.group("prun") is not None:
            return _after_prefix(m.group("pre"), labels(m.group("prun")))
        run = m.group("list") or m.group("src") or m.group("dst")
        items = labels(run)
        return ("; " if any(", " in x for x in items) else ", ").join(items)

    return pattern.sub(sub, text)


def prose(text: str, lang: str, names: dict[str, str] | None = None) -> str:
    """A sentence from the JSON document with internal ids and service syntax in words:
    ``@devices`` and, with ``names`` (:func:`zone_names`), the declared zones by their
    display names; ``(ip)`` / ``(ip except …)`` / ``proto/…`` runs in words."""
    if not text:
        return text
    out = zone_words(text, names) if names else text
    out = _DEVICES_IN_PROSE.sub(lambda m: _t("zone.devices", lang), out)
    out = re.sub(
        r"\((ip(?: except [^)]*)?|[^()]*proto/[^()]*)\)", lambda m: f"({services_words(m.group(1), lang)})", out
    )
    return _PROTO_RUN.sub(lambda m: services_words(m.group(0), lang), out)


# Vendor defaults (the end of a list or chain, not a line anyone wrote): the engine cites them
# as "FILTER: <the parser's English sentence> (ACTION)", worded here for the reader.
_DEFAULTS = [
    (re.compile(r"^no rule matched, RouterOS accepts \(implicit accept of the chain\)$"), "default.routeros_accept"),
    (re.compile(r"^implicit deny \(policy 0\)$"), "default.fortios_deny"),
    (re.compile(r"^implicit deny at end of list$"), "default.end_of_list"),
    (
        re.compile(r"^no rule matched: the (?P<hook>\S+) policy \((?P<policy>[^)]*)\) of (?P<chain>\S+)$"),
        "default.netfilter_policy",
    ),
    (
        re.compile(r"^no rule matched: the fw4 defaults (?P<chain>\S+) policy (?P<policy>\S+)$"),
        "default.fw4_policy",
    ),
]
_CITED_DEFAULT = re.compile(r"^(?:(?P<filter>[^:\s][^:]*): )?(?P<body>.+?)(?: \((?P<action>permit|deny)\))?$")


def default_words(text: str, lang: str) -> str | None:
    """A cited vendor default in the reader's language, or None when ``text`` is not one."""
    m = _CITED_DEFAULT.match(text or "")
    if m is None:
        return None
    for rx, key in _DEFAULTS:
        d = rx.match(m.group("body"))
        if d:
            out = _t(key, lang, **d.groupdict())
            if m.group("action"):
                out += f" ({_t('default.action.' + m.group('action'), lang)})"
            return f"{m.group('filter')}: {out}" if m.group("filter") else out
    return None


def cite_view(cite: dict, lang: str) -> dict:
    """A citation for templates: ``loc`` (file:line, or file (default)), ``text``, and
    ``default`` when it cites a vendor default rather than a configuration line (its text
    is then a sentence in the reader's language)."""
    text = cite.get("text", "")
    words = default_words(text, lang)
    return {"loc": cite_loc(cite, lang), "text": words if words is not None else text, "default": words is not None}


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
    # Section numbers: the live section, when present, comes after the matrix.
    sec: dict = field(default_factory=lambda: dict(SECTIONS))

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


def _kind_label(v: View, kind: str) -> str:
    key = f"kind.{kind}"
    try:
        return v.t(key)
    except KeyError:
        return kind


def build(doc: dict, options: RenderOptions) -> View:
    v = View(options.lang, doc, options)
    v.names = zone_names(doc.get("zones", []), options.lang)
    zone_kind = {z["name"]: z["kind"] for z in doc.get("zones", [])}
    zone_kind[DEVICES_ZONE] = "devices"
    _cover(v)
    _scope(v)
    _matrix(v, zone_kind)
    _reference(v)
    live_section(v)
    _findings(v, zone_kind)
    _remedy(v)
    _compliance(v)
    _inventory(v)
    _site_annex(v)
    kinds = []
    for z in doc.get("zones", []):
        if z["kind"] not in kinds:
            kinds.append(z["kind"])
    v.legend = [{"kind": k, "label": _kind_label(v, k), "color": KIND_COLORS.get(k, "#e0e0e0")} for k in kinds]
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
    cited = cited_lines(doc.get("findings", []))
    reg = find_regime(doc.get("compliance") or {}, concl.get("standard", "")) or {}
    v.summary = [
        {"label": v.t("summary.count.findings"), "n": len(doc.get("findings", []))},
        {
            "label": v.t("summary.count.root_causes"),
            "n": len({root_cause_key(f, i, cited) for i, f in enumerate(doc.get("findings", []))}),
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
    limit = 40
    # The JSON lists a bounded number per file: the totals come from inputs[].unrecognized.
    totals = {f.get("path", ""): f.get("unrecognized", 0) for f in doc.get("inputs", [])}
    unrec = [
        {"file": name, "lines": items[:limit], "more": max(0, max(len(items), totals.get(name, 0)) - limit)}
        for name, items in by_file.items()
    ]
    v.limits = {
        "unrecognized": unrec,
        "partial": [{**p, "loc": cite_loc(p, v.lang)} for p in cov.get("partially_understood", [])],
        # Files not analysed at all; an analysed file's problem (encoding, unsupported
        # platform) is among the warnings and, where it matters, the partial constructs.
        "skipped": [
            i
            for i, f in zip(v.inputs, doc.get("inputs", []), strict=True)
            if i["problem"] and f.get("kind") == "skipped"
        ],
        # warnings_text ({"vi", "en"} each) where the document has it; older documents: English.
        "warnings": [v.prose(v.L(w)) for w in doc["warnings_text"]]
        if doc.get("warnings_text")
        else [v.prose(w) for w in doc.get("warnings", [])],
    }
    v.limits["none"] = not (unrec or v.limits["partial"] or v.limits["skipped"])
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
        # An external zone attached automatically: where, and why.
        where += [v.L(a) for a in z.get("attached_text", [])] or list(z.get("attached", []))
        placed = [n for did in z.get("domains", []) for n in nets_by_domain.get(did, [])]
        subnets = ", ".join(z.get("subnets", [])) or (
            v.t("scope.all_other") if z["kind"] == "external" else ", ".join(placed) or "-"
        )
        v.zones.append(
            {
                "name": z["name"],
                "display": _display(v, z["name"]),
                "kind": z["kind"],
                "kind_label": _kind_label(v, z["kind"]),
                "color": KIND_COLORS.get(z["kind"], "#e0e0e0"),
                "subnets": subnets,
                "where": ", ".join(where) or "-",
                "problems": _problems(v, z),
                "inferred_from": z.get("inferred_from", []),
            }
        )


# --------------------------------------------------------------------------- matrix and witness paths


def hops_view(v: View, witness: dict | None) -> dict | None:
    if not witness:
        return None
    hops = []
    for h in witness.get("hops", []):
        if h.get("device"):
            if h.get("out"):
                head = v.t("witness.hop", device=h["device"], in_if=h.get("in") or "-", out_if=h["out"])
            else:
                head = v.t("witness.hop_local", device=h["device"], in_if=h.get("in") or "-")
        else:
            head = v.t("witness.l2")
        rules = []
        for r in h.get("rules", []):
            rules.append(
                {
                    **cite_view(r, v.lang),
                    "translated": v.t("witness.translated", packet=describe_packet(r["translated"]))
                    if r.get("translated")
                    else "",
                }
            )
        note = v.L(h["note_text"]) if h.get("note_text") else _note(v, h.get("note") or "")
        hops.append({"head": head, "rules": rules, "note": v.prose(note), "to": _note(v, h.get("to") or "")})
    return {"packet": describe_packet(witness.get("packet")), "hops": hops}


# Hop annotations come with "note_text" ({"vi", "en"}) from the engine; older JSON
# documents have only the English phrase, which the report words in its own language
# where it knows it and shows as it is otherwise.
_NOTES = [
    (re.compile(r"^to next hop (?P<nh>\S+) in zone (?P<zone>.+)$"), "witness.note.next_hop"),
    (re.compile(r"^same L2 domain (?P<domain>.+)$"), "witness.note.same_l2"),
    (re.compile(r"^control plane \((?P<service>[^)]*)\)$"), "witness.note.control_plane"),
]


def _note(v: View, text: str) -> str:
    for rx, key in _NOTES:
        m = rx.match(text)
        if m:
            return v.t(key, **m.groupdict())
    return text


def _shown_id(v: View, name: str) -> str:
    """A declared zone's id under its display name in the matrix headers ("" for the
    devices' pseudo-zone, whose id is internal, and for a zone shown by its id)."""
    return "" if name == DEVICES_ZONE or v.zone(name).casefold() == name.casefold() else name


def _display(v: View, name: str) -> str:
    """A declared zone's display name beside its id in the zone tables ("" when it only
    repeats the id)."""
    label = v.zone(name)
    return "" if label.casefold() == name.casefold() else label


def _reason(v: View, c: dict) -> str:
    """A cell's reason in the report language ("reason_text"; the English "reason" in older JSON)."""
    if c.get("reason_text"):
        return v.prose(v.L(c["reason_text"]))
    return v.prose(c.get("reason") or "")


def _problems(v: View, z: dict) -> list[str]:
    """A zone's placement problems in the report language."""
    texts = z.get("problems_text")
    if texts and len(texts) == len(z.get("problems", [])):
        return [v.L(p) for p in texts]
    return list(z.get("problems", []))


def _expected_text(v: View, c: dict) -> str:
    exp = c.get("expected")
    if not exp:
        return "-"
    text = v.t(f"expected.{exp}")
    if exp == "limited":
        text += " " + ", ".join(c.get("allowed_services", []))
    return text


def _services_text(v: View, c: dict) -> str:
    svc = c.get("services") or []
    if c.get("verdict") != "reachable" or not svc:
        return ""
    if svc == ["ip"]:
        return v.t("matrix.all")
    return v.t("matrix.only", services=services_words(", ".join(svc), v.lang))


def _model_services(v: View, services) -> str:
    """A model flow's services in words: every service, the list, or denied."""
    if services is None:
        return v.t("reference.denied")
    if services == "all":
        return v.t("reference.all")
    return ", ".join(services)


def _reference(v: View) -> None:
    """The office beside the model architecture of its unit type (JSON ``reference``)."""
    ref = v.doc.get("reference")
    if not isinstance(ref, dict):
        return
    zones = [z["name"] for z in ref.get("model_zones") or []]
    cells = {(c["src"], c["dst"]): c.get("services") for c in ref.get("model_matrix") or []}
    v.reference = {
        "title": v.t("reference.title", type=v.t(f"reference.type.{ref['type']}"), level=ref["model_level"]),
        "intro": v.t("reference.intro"),
        "level_note": v.t("reference.level_note", level=ref["level"], model=ref["model_level"])
        if ref["level"] != ref["model_level"]
        else "",
        "command": ref["command"],
        "missing": [f"{z['name']} — {v.L(z.get('title'))}" for z in ref.get("missing_zones") or []],
        "extra": [
            {
                "flow": f"{v.zone(e['src'])} → {v.zone(e['dst'])}",
                "here": ", ".join(e.get("services") or []),
                "model": _model_services(v, e.get("model")),
            }
            for e in ref.get("extra_flows") or []
        ],
        "cols": [*zones, v.zone(DEVICES_ZONE)],
        "rows": [
            {
                "name": s,
                "cells": [
                    None if s == t else _model_services(v, cells[(s, t)]) if (s, t) in cells else "-"
                    for t in [*zones, DEVICES_ZONE]
                ],
            }
            for s in zones
        ],
    }


def _matrix(v: View, zone_kind: dict) -> None:
    doc = v.doc
    names = [z["name"] for z in doc.get("zones", [])]
    cols = [*names, DEVICES_ZONE]
    by_pair = {(c["src"], c["dst"]): c for c in doc.get("matrix", [])}
    rows = []
    for src in names:
        cells: list[dict | None] = []
        for dst in cols:
            c = by_pair.get((src, dst))
            if src == dst or c is None:
                cells.append(None)
                continue
            verdict = c.get("verdict", "unknown")
            cls = verdict
            if verdict == "reachable":
                cls = "violation" if c.get("violation") else "reachable"
            cells.append(
                {
                    "src": src,
                    "dst": dst,
                    "verdict": verdict,
                    "cls": cls,
                    "label": v.t(f"verdict.{verdict}.cap"),
                    "services": _services_text(v, c),
                    "expected": _expected_text(v, c),
                    "violation": bool(c.get("violation")),
                    "reason": _reason(v, c),
                    "anchor": anchor(src, dst),
                    "live": live_mark(v, c),
                }
            )
        rows.append(
            {
                "name": src,
                "label": v.zone(src),
                "id": _shown_id(v, src),
                "kind": zone_kind.get(src, ""),
                "color": KIND_COLORS.get(zone_kind.get(src, ""), "#e0e0e0"),
                "cells": cells,
            }
        )
    v.matrix = {
        "cols": [
            {
                "name": n,
                "label": v.zone(n),
                "id": _shown_id(v, n),
                "kind": zone_kind.get(n, ""),
                "color": KIND_COLORS.get(zone_kind.get(n, ""), "#e0e0e0"),
            }
            for n in cols
        ],
        "rows": rows,
    }
    for c in doc.get("matrix", []):
        verdict = c.get("verdict", "unknown")
        blocked_by = c.get("blocked_by", [])
        v.flows.append(
            {
                "src": c["src"],
                "dst": c["dst"],
                "src_label": v.zone(c["src"]),
                "dst_label": v.zone(c["dst"]),
                "anchor": anchor(c["src"], c["dst"]),
                "verdict": verdict,
                "label": v.t(f"verdict.{verdict}.cap"),
                "cls": "violation" if verdict == "reachable" and c.get("violation") else verdict,
                "violation": bool(c.get("violation")),
                "expected": _expected_text(v, c),
                "services": services_words(", ".join(c.get("services") or []), v.lang),
                "reason": _reason(v, c),
                "witness": hops_view(v, c.get("witness")),
                "blocked_by": [
                    {**cite_view(b, v.lang), "device": b.get("device", "")} for b in blocked_by[:BLOCKING_SHOWN]
                ],
                "blocked_more": max(0, len(blocked_by) - BLOCKING_SHOWN),
                # The lines left out, by where they are: the paper record has no JSON to point to.
                "blocked_more_text": v.t(
                    "scope.more_at",
                    n=len(blocked_by) - BLOCKING_SHOWN,
                    locs=", ".join(cite_loc(b, v.lang) for b in blocked_by[BLOCKING_SHOWN:]),
                )
                if len(blocked_by) > BLOCKING_SHOWN
                else "",
            }
        )


def anchor(src: str, dst: str) -> str:
    safe = "".join(ch if ch.isalnum() else "-" for ch in f"{src}--{dst}")
    return f"flow-{safe}"


# --------------------------------------------------------------------------- live verification


def _wildcard(net: str) -> str | None:
    try:
        n = ipaddress.ip_network(net, strict=False)
    except ValueError:
        return None
    if n.version != 4:
        return None
    return f"{n.network_address} {n.hostmask}"


def _extra_snippet(v: View, f: dict, zone_subnets: dict) -> dict | None:
    """A Cisco IOS example for segmentation findings whose check gives none."""
    if f.get("check") not in ("guest-isolation", "policy-violation") or "\n" in v.L(f.get("remediation")):
        return None
    hops = (f.get("witness") or {}).get("hops") or []
    first = next((h for h in hops if h.get("device") and h.get("in")), None)
    if first is None:
        return None
    topo = v.doc.get("topology") or {}
    dev = next((d for d in topo.get("devices", []) if d["name"] == first["device"]), None)
    if dev is None or dev.get("vendor") != "cisco_ios":
        return None
    itf = next((i for i in dev.get("interfaces", []) if i["name"] == first["in"]), None)
    if itf is None or not itf.get("addresses"):
        return None
    src, dst = (f.get("zones") or [None, None])[:2]
    # A new list, switched over with one access-group line: never an append to the faulty one.
    # (IOS names have no spaces: the first word, also of "X (no entries)" for an empty list)
    acl = f"{itf['filter_in'].split()[0]}-V2" if itf.get("filter_in") else f"ACL-{str(src).upper()}-IN"
    if f["check"] == "guest-isolation":
        code = v.t(
            "report.snippet.isolate.cisco_ios",
            acl=acl,
            interface=itf["name"],
            gateway=str(ipaddress.ip_interface(itf["addresses"][0]).ip),
        )
    else:
        nets = [w for w in (_wildcard(s) for s in zone_subnets.get(dst, [])) if w]
        if not nets or len(nets) > 1:
            return None
        code = v.t("report.snippet.deny_pair.cisco_ios", acl=acl, interface=itf["name"], dst_net=nets[0])
    return {"caption": v.t("finding.snippet", vendor=vendor_label("cisco_ios")), "code": code}


# Checks whose finding is one forbidden flow: its evidence is the witness path, in path order.
FLOW_CHECKS = frozenset({"guest-isolation", "policy-violation"})
# Lines that only say where a rule sits (an interface header, a FortiOS/OpenWrt block
# header): shared by unrelated findings (every flow delivered on Vlan20 cites "interface
# Vlan20"), they never decide a root cause on their own.
_CONTEXT_LINE = re.compile(r"^\s*(?:interface|edit|config)\b", re.I)


def _where(e: dict) -> tuple[str, str]:
    line = e.get("line")
    return (str(e.get("file", "")), str(line) if line is not None else "=" + str(e.get("text", "")))


def cited_lines(findings: list) -> dict[tuple[str, str], int]:
    """How many findings cite each (file, line) as evidence."""
    count: dict[tuple[str, str], int] = {}
    for f in findings:
        for w in {_where(e) for e in f.get("evidence") or [] if isinstance(e, dict)}:
            count[w] = count.get(w, 0) + 1
    return count


def root_cause_lines(f: dict, cited: dict[tuple[str, str], int]) -> list[dict]:
    """The evidence lines that decide a finding (docs/report.md, "Root causes"): the lines
    that permit or enable, without context lines (interface and block headers) unless
    nothing else is cited.  A forbidden flow has one: the first line on its witness path
    that another finding also cites (the line several flows go through), or else the
    first line on the path; the rest of the path (the destination's interface, the
    service that answers) is where the packet arrives."""
    evidence = [e for e in f.get("evidence") or [] if isinstance(e, dict)]
    decisive = [e for e in evidence if not _CONTEXT_LINE.match(str(e.get("text") or ""))] or evidence
    if f.get("check") in FLOW_CHECKS and f.get("witness") and decisive:
        shared = [e for e in decisive if cited.get(_where(e), 0) > 1]
        decisive = (shared or decisive)[:1]
    return decisive


def root_cause_key(f: dict, index: int, cited: dict[tuple[str, str], int]) -> tuple:
    """Findings with the same key share a root cause: the set of (file, line) of their
    decisive lines.  A file is one device's configuration, so lines of different devices
    never compare equal; a finding without evidence is a root cause of its own."""
    lines = root_cause_lines(f, cited)
    if not lines:
        return (("", f"#{index}"),)
    return tuple(sorted({_where(e) for e in lines}))


def _findings(v: View, zone_kind: dict) -> None:
    """Findings printed by root cause: groups of findings sharing their decisive lines,
    most severe group first; in a group, the first (most severe) finding is printed in full
    and the others as consequences referring to it.  Numbers ("mục 4.N") follow the print
    order."""
    zone_subnets = {z["name"]: z.get("subnets", []) for z in v.doc.get("zones", [])}
    order = {s: i for i, s in enumerate(SEVERITIES)}
    items = sorted(enumerate(v.doc.get("findings", [])), key=lambda p: (order.get(p[1].get("severity"), 9), p[0]))
    cited = cited_lines(v.doc.get("findings", []))
    groups: dict[tuple, list[tuple[int, dict]]] = {}
    for i, f in items:
        groups.setdefault(root_cause_key(f, i, cited), []).append((i, f))
    first_why: dict[str, int] = {}
    first_fix: dict[str, int] = {}
    n = 0
    for rc, members in enumerate(groups.values(), 1):
        lead_no = n + 1
        lead_fix = ""
        group = []
        for _, f in members:
            n += 1
            lead = n == lead_no
            check = f.get("check", "")
            try:
                why = v.t(f"report.why.{check}")
            except KeyError:
                why = ""
            remediation = v.L(f.get("remediation"))
            if lead:
                # A sentence already printed for an earlier finding is referred to, not repeated.
                why_ref = first_why.setdefault(why, n) if why else n
                fix_ref = first_fix.setdefault(remediation, n)
                lead_fix = remediation
            else:
                why_ref = fix_ref = n
            entry = {
                "no": n,
                "id": f.get("id", ""),
                "check": check,
                "severity": f.get("severity", "info"),
                "severity_label": v.t(f"severity.{f.get('severity', 'info')}"),
                "title": v.prose(v.L(f.get("title"))),
                "detail": v.prose(v.L(f.get("detail"))),
                "why": why,
                "evidence": [cite_view(e, v.lang) for e in f.get("evidence", [])],
                "witness": hops_view(v, f.get("witness")),
                "remediation": split_remediation(remediation),
                "why_ref": why_ref if why_ref != n else None,
                "remediation_ref": fix_ref if fix_ref != n else None,
                "snippet": _extra_snippet(v, f, zone_subnets) if lead else None,
                "references": f.get("references", []),
                "zones": [v.zone(z) for z in f.get("zones", [])],
                "devices": f.get("devices", []),
                "plan": None,  # set by _remedy: the change set this finding belongs to
                "plan_shown": False,  # set by _remedy: a consequence whose change set differs from its lead's
                # Root cause (docs/report.md): the group's number, whether this entry is
                # printed in full, and for a consequence the entry it refers to.
                "root": rc,
                "lead": lead,
                "lead_no": lead_no,
                "consequences": [],  # on the lead: the other findings of the group
                # A consequence whose remediation differs from the lead's keeps its principle.
                "own_fix": ""
                if lead or remediation == lead_fix
                else next((text for kind, text in split_remediation(remediation) if kind == "p"), ""),
            }
            group.append(entry)
            v.findings.append(entry)
            if f.get("id"):
                v.finding_refs[f["id"]] = v.t("ref.finding", sec=v.sec["findings"], no=n)
        group[0]["consequences"] = [{"no": e["no"], "title": e["title"]} for e in group[1:]]
        # The decisive lines as the members cite them, each in its shortest form (a flow's
        # evidence may carry the engine's annotation after the line, the line's own finding not).
        lines = []
        for e in root_cause_lines(members[0][1], cited):
            same = [
                c
                for _, m in members
                for c in m.get("evidence") or []
                if isinstance(c, dict) and c.get("file") == e.get("file") and c.get("line") == e.get("line")
            ]
            lines.append(cite_view(min(same or [e], key=lambda c: len(str(c.get("text", "")))), v.lang))
        v.root_causes.append(
            {
                "no": rc,
                "lines": lines,
                "severity": group[0]["severity"],
                "severity_label": group[0]["severity_label"],
                "findings": [{"no": e["no"], "title": e["title"]} for e in group],
                "plans": [],  # set by _remedy
            }
        )


# --------------------------------------------------------------------------- remediation plan


def _remedy(v: View) -> None:
    """The remediation plan (JSON ``remedy``): one change set per device, in words, and
    the findings that point to it (docs/remedy.md)."""
    plan = v.doc.get("remedy")
    if not isinstance(plan, dict) or not plan.get("devices"):
        return
    devices = []
    by_finding: dict[str, str] = {}
    for d in plan["devices"]:
        lines = []
        for b in d.get("blocks") or []:
            key = "remedy.block_allow" if b.get("allow") else "remedy.block"
            lines.append(
                v.t(
                    key,
                    src=v.zone(b["from"]),
                    dst=v.zone(b["to"]),
                    device=d["device"],
                    interface=b["interface"],
                    direction=v.t(f"remedy.direction.{b['direction']}"),
                    allow=", ".join(b.get("allow") or []),
                )
            )
        for r in d.get("restricts") or []:
            if r.get("off"):
                lines.append(v.t("remedy.off", service=r["service"]))
            elif r.get("allow_from"):
                lines.append(v.t("remedy.only_from", service=r["service"], sources=", ".join(r["allow_from"])))
            elif r.get("zones"):
                zones = ", ".join(v.zone(z) for z in r["zones"])
                lines.append(v.t("remedy.stop_zones", service=r["service"], zones=zones))
        for a in d.get("antispoofs") or []:
            lines.append(v.t("remedy.antispoof", zone=v.zone(a["zone"]), device=d["device"], interface=a["interface"]))
        for u in d.get("unbinds") or []:
            direction = v.t(f"remedy.direction.{u['direction']}")
            lines.append(
                v.t("remedy.unbind", acl=u["acl"], device=d["device"], interface=u["interface"], direction=direction)
            )
        devices.append(
            {
                "device": d["device"],
                "anchor": "remedy-" + "".join(c if c.isalnum() else "-" for c in d["device"]),
                "note": "" if d.get("generator") else v.t("remedy.no_generator", vendor=d.get("vendor", "")),
                "lines": [v.prose(x) for x in lines],
            }
        )
        for fid in d.get("findings") or []:
            by_finding.setdefault(fid, d["device"])
    v.remedy = {
        "intro": v.t("remedy.intro"),
        "devices": devices,
        "unfixable": [
            f"{v.finding_refs.get(u['finding'], u['finding'])}: {v.prose(v.L(u.get('reason')))}"
            for u in plan.get("unfixable") or []
        ],
    }
    anchors = {d["device"]: d["anchor"] for d in devices}
    generated = {d["device"] for d in plan["devices"] if d.get("generator")}
    first: dict[str, int] = {}
    for f in v.findings:
        device = by_finding.get(f["id"])
        if device:
            f["plan"] = {"anchor": anchors[device], "text": v.t("remedy.see_plan", device=device), "device": device}
        if device is not None and device in generated:
            # The change set merges this finding with the others on the device: the
            # finding keeps its principle and points there, without a fragment of its own.
            principle = next((text for kind, text in f["remediation"] if kind == "p"), "")
            f["remediation"] = [("p", principle), ("p", v.t("remedy.instead", device=device))]
            f["snippet"] = None
            if f["lead"]:  # a consequence prints no remediation: never the one referred to
                key = principle + "\0" + device
                no = first.setdefault(key, f["no"])
                f["remediation_ref"] = no if no != f["no"] else None
        if f["plan"]:
            # A consequence names the change set only when its lead names another one.
            f["plan_shown"] = f["lead"] or f["plan"] != v.findings[f["lead_no"] - 1]["plan"]
            plans = v.root_causes[f["root"] - 1]["plans"]
            if f["plan"] not in plans:
                plans.append(f["plan"])


# --------------------------------------------------------------------------- compliance


def _evidence(v: View, row: dict) -> str:
    """A compliance row's evidence for paper: finding ids as the sections that print them
    ("mục 4.1"), internal ids and service syntax in words."""
    text = v.L(row["evidence"])
    for fid in sorted(row.get("findings") or [], key=len, reverse=True):
        if fid in v.finding_refs:
            text = text.replace(fid, v.finding_refs[fid])
    return v.prose(text)


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
            "reference": r["reference"],
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
    for n, d in enumerate(topo.get("devices", []), 1):
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
        rows.append(
            {
                "zone": z["name"],
                "kind_label": _kind_label(v, z["kind"]),
                "color": KIND_COLORS.get(z["kind"], "#e0e0e0"),
                "vlans": ", ".join(_vlan_label(x, vlan_names) for x in z.get("vlans", [])) or "-",
                "private": ", ".join(private) or "-",
                "public": ", ".join(public) or "-",
                "gateway": ", ".join(f"{dev} {ifn} ({a})" for dev, ifn, a in addrs) or "-",
            }
        )
    links = []
    for dom in topo.get("domains", []):
        if dom["id"] in placed or len(dom.get("devices", [])) < 2:
            continue
        addrs = gateways.get(dom["id"], [])
        links.append(
            {
                "label": dom.get("label", ""),
                "private": ", ".join(
                    sorted({str(ipaddress.ip_interface(a).network) for _, _, a in addrs if is_private(a)})
                )
                or "-",
                "public": ", ".join(a for _, _, a in addrs if not is_private(a)) or "-",
                "gateway": ", ".join(f"{dev} {ifn} ({a})" for dev, ifn, a in addrs) or "-",
            }
        )
    v.inventory = {"devices": devices, "ipplan": rows, "links": links}


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
                "kind_label": _kind_label(v, z["kind"]),
                "color": KIND_COLORS.get(z["kind"], "#e0e0e0"),
                "subnets": ", ".join(z.get("subnets", [])) or "-",
                "where": ", ".join(list(z.get("vlans", [])) + list(z.get("attach", []))) or "-",
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
            for p in site.get("policy") or []
            if isinstance(p, dict)
        ],
    }
