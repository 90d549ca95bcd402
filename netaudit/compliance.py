"""Compliance with the zone and network requirements of a security level.

Two regimes (../shared/regulation.md §1):

* ``nd331-2026`` — Decree 331/2026/NĐ-CP with TCVN 14423:2026 (cited "tham khảo": the
  standard's text was only available as paraphrase) and TT 06/2026 for the dedicated
  government network; the default.
* ``tt12-2022`` — Circular 12/2022/TT-BTTTT (Annexes I–V, Part II) under Decree
  85/2016 and TCVN 11930:2017, for level dossiers approved under the old decree.

The requirement tables are data (:data:`REGIMES`).  Each row is evaluated from facts
the audit already established — zones present and their kinds, the zone matrix
verdicts, the findings, the devices' management services — and gets a status:

``met``            proven from the configurations (the evidence says how);
``not_met``        contradicted by a matrix cell or a finding (named);
``check``          not decidable: an unknown cell, an unplaced zone, a missing zone
                   whose need the configs cannot show;
``not_applicable`` the conditional requirement does not arise ("nếu có");
``out_of_scope``   a product / process requirement that device configurations cannot
                   show (anti-malware, WAF, SIEM …) — never reported as met.

The overall conclusion (Đạt / Không đạt / Cần kiểm tra thêm) follows from the
findings (any critical/high → fail), the rows not met (fail), and the unknown cells,
rows to check, inferred zones, a site file still saying ``unit: "TODO…"`` (an
unreviewed ``netaudit init`` draft) and the absence of any guest zone (needs further
checking).

Evaluation works on plain data (:class:`Facts`), built either from an
:class:`~netaudit.audit.Audit` or from a saved JSON audit document, so ``netaudit
report`` can evaluate an older JSON file that lacks the ``compliance`` section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from . import messages
from .messages import LANGS, Text, named_list, t
from .vocabulary import DEFAULT_STANDARD, DEVICES_ZONE, STANDARDS, unit_is_placeholder

MET, NOT_MET, CHECK, NA, OUT = "met", "not_met", "check", "not_applicable", "out_of_scope"
STATUSES = (MET, NOT_MET, CHECK, NA, OUT)
PASS, FAIL, NEEDS_CHECK = "pass", "fail", "check"
SEVERE = ("critical", "high")


# --------------------------------------------------------------------------- facts


@dataclass
class Facts:
    """What the evaluation looks at, as plain data."""

    level: int
    inferred: bool
    zones: list[dict]  # name, kind, domains, tunnels, problems, attach
    # src, dst, verdict, expected, violation, services, reason, may_violate, maybe_services,
    # icmp_replies_only, and what the requirements ask of each cell, read once (here):
    # ``undecided`` — the policy is not proven for it: unknown, or reachable within the
    # policy and maybe beyond it (docs/semantics.md, "Reachable, and maybe more");
    # ``opens`` — reachable by something that opens a connection, not ICMP replies and
    # errors only (policy.ICMP_REPLIES_ERRORS).
    cells: list[dict]
    findings: list[dict]  # id, check, severity, zones
    devices: list[dict] = field(default_factory=list)  # name, services: [name, insecure, acl]
    unit: str = ""  # the site's unit; "TODO…" = an unreviewed netaudit init draft
    input_problems: int = 0  # usable-input problems (inputs.Snapshot.input_problems)

    def __post_init__(self) -> None:
        for c in self.cells:
            c["undecided"] = c["verdict"] == "unknown" or bool(c.get("may_violate"))
            c["opens"] = c["verdict"] == "reachable" and not c.get("icmp_replies_only")

    def kind(self, zone: str) -> str:
        if zone == DEVICES_ZONE:
            return "devices"
        return next((z["kind"] for z in self.zones if z["name"] == zone), "")

    def of_kind(self, kind: str) -> list[dict]:
        return [z for z in self.zones if z["kind"] == kind]

    def cells_where(self, pred: Callable[[dict], bool]) -> list[dict]:
        return [c for c in self.cells if pred(c)]

    def findings_of(self, *checks: str) -> list[dict]:
        return [f for f in self.findings if f["check"] in checks]


def facts_from_audit(audit) -> Facts:
    zones = [
        {
            "name": pz.name,
            "kind": pz.kind,
            "domains": list(pz.domains),
            "tunnels": [f"{d}:{i}" for d, i in pz.tunnels],  # behind these interfaces' tunnels
            "problems": [messages.both_of(p) for p in pz.problems],
            "attach": [f"{d}:{i}" for d, i in pz.zone.attach],
        }
        for pz in audit.zones
    ]
    cells = [
        {
            "src": c.src,
            "dst": c.dst,
            "verdict": c.verdict,
            "expected": c.expectation.expected if c.expectation else None,
            "violation": bool(c.violation),
            "may_violate": c.may_violate,
            "maybe_services": list(c.maybe_services),
            "icmp_replies_only": c.icmp_replies_only,
            "services": list(c.services),
            "reason": c.reason,
        }
        for c in audit.matrix
    ]
    findings = [
        {"id": f.id, "check": f.check, "severity": f.severity, "zones": list(f.zones), "proven": f.proven}
        for f in audit.findings
    ]
    devices = [
        {
            "name": d.hostname,
            "services": [
                {
                    "name": s.name,
                    "insecure": bool(s.insecure),
                    "acl": s.acl,
                    **({"partial": s.partial} if s.partial else {}),
                }
                for s in d.services
                if s.enabled
            ],
        }
        for d in sorted(audit.devices, key=lambda d: d.hostname)
    ]
    return Facts(
        audit.site.level,
        bool(audit.site.inferred),
        zones,
        cells,
        findings,
        devices,
        audit.site.unit,
        len(audit.snapshot.input_problems),
    )


def facts_from_doc(doc: dict) -> Facts:
    """Facts from a ``netaudit/audit/v1`` JSON document."""
    topo = doc.get("topology") or {}
    placed: dict[str, list[str]] = {}
    for dom in topo.get("domains", []):
        for z in dom.get("zones", []):
            placed.setdefault(z, []).append(dom["id"])
    zones = [
        {
            "name": z["name"],
            "kind": z["kind"],
            "domains": z.get("domains", placed.get(z["name"], [])),
            "tunnels": z.get("tunnels", []),
            "problems": z.get("problems_text") or z.get("problems", []),
            "attach": z.get("attach", []),
        }
        for z in doc.get("zones", [])
    ]
    cells = [
        {
            "src": c["src"],
            "dst": c["dst"],
            "verdict": c["verdict"],
            "expected": c.get("expected"),
            "violation": bool(c.get("violation")),
            "may_violate": bool(c.get("may_violate")),
            "maybe_services": c.get("maybe_services", []),
            "icmp_replies_only": bool(c.get("icmp_replies_only")),
            "services": c.get("services", []),
            "reason": c.get("reason"),
        }
        for c in doc.get("matrix", [])
    ]
    findings = [
        {
            "id": f["id"],
            "check": f["check"],
            "severity": f["severity"],
            "zones": f.get("zones", []),
            "proven": f.get("proven", True),
        }
        for f in doc.get("findings", [])
    ]
    devices = [{"name": d["name"], "services": d.get("services", [])} for d in topo.get("devices", [])]
    site = doc.get("site") or {}
    return Facts(
        int(doc.get("level") or 2),
        bool(site.get("inferred")),
        zones,
        cells,
        findings,
        devices,
        str(doc.get("unit") or ""),
        len(doc.get("input_problems") or []),
    )


# --------------------------------------------------------------------------- sentences


def _sent(key: str, **fields) -> dict[str, str]:
    """{lang: text}; a field may itself be a {lang: text} mapping."""
    return {
        lang: t(key, lang, **{k: (v[lang] if isinstance(v, dict) else v) for k, v in fields.items()}) for lang in LANGS
    }


def _kind(kind: str) -> dict[str, str]:
    return messages.both(f"kind.{kind}")


def _cell_text(c: dict) -> str:
    # A cell's services in full are in the matrix; the evidence names the first few (a
    # RouterOS forward chain of 20,000 rules lets hundreds of ports through one cell).
    # A cell not proven within the policy is named by what it may deliver beyond it ("+?").
    svc = _capped(c.get("maybe_services") or [], 6) if c.get("may_violate") else _capped(c.get("services") or [], 6)
    if c.get("may_violate") and svc:
        svc = "+? " + svc
    return f"{c['src']} → {c['dst']}" + (f" ({svc})" if svc and c["verdict"] == "reachable" else "")


def _capped(items: list[str], limit: int) -> str:
    """``items`` joined, the first ``limit`` of them and how many more."""
    out = ", ".join(items[:limit])
    return out + (f", … (+{len(items) - limit})" if len(items) > limit else "")


def _cells_list(cells: list[dict], limit: int = 8) -> str:
    return _capped([_cell_text(c) for c in cells], limit)


@dataclass
class Outcome:
    status: str
    evidence: list[dict] = field(default_factory=list)  # [{lang: text}]
    findings: list[str] = field(default_factory=list)
    cells: list[dict] = field(default_factory=list)


def _flows(f: Facts, cells: list[dict], ok: Outcome | None = None, extra: list[dict] | None = None) -> Outcome:
    """Not met if any cell violates the policy, check if any is unknown, else ``ok``."""
    bad = [c for c in cells if c["verdict"] == "reachable" and c["violation"]]
    unknown = [c for c in cells if c["undecided"]]
    ev = list(extra or [])
    if bad:
        ev.append(_sent("ev.violations", cells=_cells_list(bad)))
        if unknown:
            ev.append(_sent("ev.unknown", cells=_cells_list(unknown)))
        return Outcome(NOT_MET, ev, cells=bad + unknown)
    if unknown:
        ev.append(_sent("ev.unknown", cells=_cells_list(unknown)))
        return Outcome(CHECK, ev, cells=unknown)
    if ok is not None:
        ok.evidence = ev + ok.evidence
        return ok
    return Outcome(MET, [*ev, _sent("ev.cells_ok", n=len(cells))])


def _with_findings(out: Outcome, found: list[dict]) -> Outcome:
    if found:
        ids = ", ".join(x["id"] for x in found)
        out.evidence.append(_sent("ev.findings", ids=ids))
        out.findings.extend(x["id"] for x in found)
        if any(x.get("proven", True) for x in found):
            if out.status in (MET, CHECK, NA):
                out.status = NOT_MET
        elif out.status in (MET, NA):  # only unproven findings: to be checked, not failed
            out.status = CHECK
    return out


def _zone_presence(f: Facts, kind: str, missing: str) -> tuple[Outcome | None, list[dict], list[dict]]:
    """(early outcome or None, zones, evidence) for a zone-kind requirement."""
    zs = f.of_kind(kind)
    if not zs:
        key = "ev.zone_missing_check" if missing == CHECK else "ev.zone_missing"
        return Outcome(missing, [_sent(key, kind=_kind(kind))]), [], []
    ev = [_sent("ev.zones", kind=_kind(kind), zones=named_list(z["name"] for z in zs))]
    unplaced = [z for z in zs if not z["domains"] and not z.get("tunnels")]
    if unplaced:
        probs = {
            lang: "; ".join(p[lang] if isinstance(p, dict) else str(p) for z in unplaced for p in z["problems"]) or "-"
            for lang in LANGS
        }
        return Outcome(CHECK, [*ev, _sent("ev.zone_problems", problems=probs)]), zs, ev
    return None, zs, ev


def _shared(f: Facts, zs: list[dict]) -> list[dict]:
    """Evidence that one of ``zs`` shares an L2 domain with another zone."""
    out = []
    names = {z["name"] for z in zs}
    for z in zs:
        for other in f.zones:
            if other["name"] in names and other["name"] == z["name"]:
                continue
            common = sorted(set(z["domains"]) & set(other["domains"]))
            if common and other["name"] not in names:
                out.append(_sent("ev.shared_domain", zone=z["name"], other=other["name"], domain=", ".join(common)))
    return out


# --------------------------------------------------------------------------- evaluators


def ev_zone_internal(f: Facts) -> Outcome:
    early, _zs, ev = _zone_presence(f, "internal", NOT_MET)
    return early or Outcome(MET, ev)


def ev_zone_server(f: Facts) -> Outcome:
    early, zs, ev = _zone_presence(f, "server", CHECK)
    if early:
        return early
    shared = _shared(f, zs)
    return Outcome(NOT_MET, ev + shared) if shared else Outcome(MET, ev)


def ev_zone_edge(f: Facts) -> Outcome:
    ext = f.of_kind("external")
    if not ext:
        return Outcome(CHECK, [_sent("ev.no_external")])
    names = {z["name"] for z in ext}
    attach = ", ".join(a for z in ext for a in z["attach"]) or "-"
    ev = [_sent("ev.edge_attach", zones=named_list(sorted(names)), attach=attach)]
    cells = f.cells_where(
        lambda c: c["src"] in names and c["dst"] != DEVICES_ZONE and f.kind(c["dst"]) not in ("external",)
    )
    return _flows(f, cells, extra=ev)


def ev_zone_dmz(f: Facts) -> Outcome:
    dmz = f.of_kind("dmz")
    ext = {z["name"] for z in f.of_kind("external")}
    if dmz:
        early, _zs, ev = _zone_presence(f, "dmz", CHECK)
        if early:
            return early
        names = {z["name"] for z in dmz}
        return _flows(f, f.cells_where(lambda c: c["src"] in ext and c["dst"] in names), extra=ev)
    if not ext:
        return Outcome(CHECK, [_sent("ev.no_external")])
    inbound = f.cells_where(lambda c: c["src"] in ext and c["dst"] != DEVICES_ZONE and f.kind(c["dst"]) != "external")
    # ICMP replies and errors open nothing: no service is exposed by them.
    exposed = [c for c in inbound if c["opens"]]
    unknown = [c for c in inbound if c["undecided"]]
    if exposed:
        return Outcome(NOT_MET, [_sent("ev.dmz_exposed", cells=_cells_list(exposed))], cells=exposed)
    if unknown:
        return Outcome(CHECK, [_sent("ev.unknown", cells=_cells_list(unknown))], cells=unknown)
    return Outcome(NA, [_sent("ev.dmz_not_needed")])


def ev_zone_wireless(f: Facts) -> Outcome:
    guests = f.of_kind("guest")
    if not guests:
        # Configs cannot show that a unit has no Wi-Fi: a missing guest zone is checked, never skipped.
        return Outcome(CHECK, [_sent("ev.no_wireless")])
    early, _zs, ev = _zone_presence(f, "guest", CHECK)
    if early:
        return early
    names = {z["name"] for z in guests}
    shared = _shared(f, guests)
    cells = f.cells_where(
        lambda c: (
            (c["src"] in names and f.kind(c["dst"]) != "external") or (c["dst"] in names and c["src"] not in names)
        )
    )
    out = _flows(f, cells, extra=ev + shared)
    if shared and out.status != NOT_MET:
        out.status = NOT_MET
    # A guest reaching a segment no zone covers: not proven isolated (checks "unzoned-reach").
    strays = [x for x in f.findings_of("unzoned-reach") if x["zones"][:1] and x["zones"][0] in names]
    return _with_findings(out, f.findings_of("guest-isolation") + strays)


def ev_zone_database(f: Facts) -> Outcome:
    early, zs, ev = _zone_presence(f, "database", CHECK)
    if early:
        return early
    names = {z["name"] for z in zs}
    out = _flows(f, f.cells_where(lambda c: c["dst"] in names), extra=ev + _shared(f, zs))
    return out


def ev_zone_management(f: Facts) -> Outcome:
    early, zs, ev = _zone_presence(f, "management", NOT_MET)
    if early:
        return early
    names = {z["name"] for z in zs}
    return _flows(f, f.cells_where(lambda c: c["dst"] in names and c["src"] not in names), extra=ev + _shared(f, zs))


def ev_zone_device_mgmt(f: Facts) -> Outcome:
    early, zs, ev = _zone_presence(f, "management", NOT_MET)
    if early:
        return early
    names = {z["name"] for z in zs}
    out = _flows(f, f.cells_where(lambda c: c["dst"] == DEVICES_ZONE and c["src"] not in names), extra=ev)
    if out.status == MET and len(zs) < 2:
        out.status = CHECK
        out.evidence.append(_sent("ev.device_mgmt_single", zones=named_list(sorted(names))))
    return out


def ev_zone_wan(f: Facts) -> Outcome:
    wans = f.of_kind("wan")
    if not wans:
        return Outcome(NA, [_sent("ev.no_wan")])
    early, _zs, ev = _zone_presence(f, "wan", CHECK)
    if early:
        return early
    w = {z["name"] for z in wans}
    e = {z["name"] for z in f.of_kind("external")}
    cells = f.cells_where(lambda c: (c["src"] in w and c["dst"] in e) or (c["src"] in e and c["dst"] in w))
    bridged = [c for c in cells if c["opens"]]
    if bridged:
        return Outcome(NOT_MET, [*ev, _sent("ev.violations", cells=_cells_list(bridged))], cells=bridged)
    return _flows(f, cells, extra=ev)


def ev_interzone(f: Facts) -> Outcome:
    out = _flows(f, f.cells)
    return _with_findings(out, f.findings_of("undefined-reference")) if out.status != MET else out


def ev_mgmt_no_internet(f: Facts) -> Outcome:
    mg = {z["name"] for z in f.of_kind("management")}
    if not mg:
        return Outcome(NA, [_sent("ev.no_management")])
    ext = {z["name"] for z in f.of_kind("external")}
    if not ext:
        return Outcome(CHECK, [_sent("ev.no_external")])
    cells = f.cells_where(lambda c: c["src"] in mg and c["dst"] in ext)
    direct = [c for c in cells if c["opens"]]
    if direct:
        return Outcome(NOT_MET, [_sent("ev.violations", cells=_cells_list(direct))], cells=direct)
    return _flows(f, cells)


def ev_remote_admin(f: Facts) -> Outcome:
    ext = {z["name"] for z in f.of_kind("external")}
    if not ext:
        return Outcome(CHECK, [_sent("ev.no_external")])
    cells = f.cells_where(lambda c: c["src"] in ext and c["dst"] == DEVICES_ZONE)
    ok = Outcome(MET, [_sent("ev.remote_ok", zones=named_list(sorted(ext)))])
    return _flows(f, cells, ok=ok)


# Control-plane services that are not administration (the reference policy allows them).
_NOT_ADMIN = frozenset({"dhcp", "dns", "icmp-echo", "ntp"})


def _listening(d: dict) -> list[dict]:
    """A device's services known to listen: not the partial ones (whether those answer is
    not established — their findings say so, unproven)."""
    return [s for s in d.get("services", []) if not s.get("partial")]


def _services_summary(f: Facts) -> str:
    parts = []
    for d in f.devices:
        names = sorted({s["name"] for s in _listening(d) if s["name"] not in _NOT_ADMIN})
        if names:
            parts.append(f"{d['name']}: {', '.join(names)}")
    return "; ".join(parts)


# Findings of a management protocol that is not secure: cleartext, or unauthenticated.
_INSECURE_CHECKS = ("mgmt-telnet", "mgmt-http-server", "ios-smart-install")


def ev_secure_protocols(f: Facts) -> Outcome:
    found = f.findings_of(*_INSECURE_CHECKS)
    if any(x.get("proven", True) for x in found):
        return _with_findings(Outcome(MET), found)  # not met by a proven finding
    # Only unproven findings (or none): what the services show, then "to be checked" at best.
    return _with_findings(_protocols_outcome(f), found)


def _protocols_outcome(f: Facts) -> Outcome:
    # SNMP v1/v2c is monitoring, not an administration login: accepted when its
    # sources are restricted (an access list); any other cleartext service is not.
    insecure = [
        (f"{d['name']}: {s['name']}", bool(s.get("partial")))
        for d in f.devices
        for s in d.get("services", [])
        if s.get("insecure") and (s["name"] != "snmp" or not s.get("acl"))
    ]
    on = [name for name, partial in insecure if not partial]
    if on:
        return Outcome(NOT_MET, [_sent("ev.cleartext_services", services=", ".join(on))])
    if insecure:  # only ones not known to listen: to be checked, never "met"
        return Outcome(CHECK, [_sent("ev.cleartext_maybe", services=", ".join(name for name, _ in insecure))])
    summary = _services_summary(f)
    if not summary:
        # Nothing to judge: no parsed device has a management service at all.
        return Outcome(CHECK, [_sent("ev.no_services")])
    snmp = [d["name"] for d in f.devices for s in _listening(d) if s.get("insecure")]
    extra = [_sent("ev.snmp_restricted", devices=", ".join(snmp))] if snmp else []
    return Outcome(MET, [_sent("ev.protocols_ok"), _sent("ev.services", services=summary), *extra])


def ev_source_restrict(f: Facts) -> Outcome:
    mg = {z["name"] for z in f.of_kind("management")}
    cells = f.cells_where(lambda c: c["dst"] == DEVICES_ZONE and c["src"] not in mg)
    out = _flows(f, cells, ok=Outcome(MET, [_sent("ev.source_ok")]))
    return _with_findings(out, f.findings_of("mgmt-vty-no-access-class", "mgmt-snmp-community"))


def ev_config_effective(f: Facts) -> Outcome:
    found = f.findings_of("undefined-reference", "shadowed-acl-line")
    if found:
        return _with_findings(Outcome(MET), found)  # not met by a proven finding, else to check
    return Outcome(MET, [_sent("ev.config_ok")])


def ev_out_of_scope(f: Facts) -> Outcome:
    return Outcome(OUT, [_sent("ev.out_of_scope")])


# --------------------------------------------------------------------------- requirement tables


@dataclass(frozen=True)
class Requirement:
    id: str
    min_level: int
    evaluate: Callable[[Facts], Outcome]
    reference: Callable[[int], str]
    text: str = ""  # catalogue key (default req.<id>)
    text_fields: Callable[[int], dict] | None = None


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}
# TCVN 11930:2017 clause numbers per level, as mapped by TT 12/2022 Annex Part II.2 (regulation.md §1.4).
_TCVN11930 = {
    "outside": {1: "5.2.1.2", 2: "6.2.1.2", 3: "7.2.1.2", 4: "8.2.1.2", 5: "9.2.1.2"},
    "inside": {2: "6.2.1.3", 3: "7.2.1.3", 4: "8.2.1.3", 5: "9.2.1.3"},
    "logs": {1: "5.2.1.3", 2: "6.2.1.4", 3: "7.2.1.4", 4: "8.2.1.4", 5: "9.2.1.4"},
    "ips": {1: "5.2.1.4", 2: "6.2.1.5", 3: "7.2.1.5", 4: "8.2.1.5", 5: "9.2.1.5"},
    "devices": {1: "5.2.1.5", 2: "6.2.1.6", 3: "7.2.1.7", 4: "8.2.1.7", 5: "9.2.1.7"},
}
_LOG_MONTHS = {2: 1, 3: 3, 4: 6, 5: 12}


def _months(n: int) -> Text:
    """``n`` months, singular where the language has it ("1 month")."""
    return Text("duration.month" if n == 1 else "duration.months", n=n)


def _tt12(part: str, clause: str | None = None) -> Callable[[int], str]:
    def ref(level: int) -> str:
        out = f"TT 12/2022/TT-BTTTT, Phụ lục {_ROMAN[level]}, Mục {part}"
        if clause:
            num = _TCVN11930[clause].get(level)
            if num:
                out += f"; TCVN 11930:2017, mục {num}"
        return out

    return ref


# Clause numbers of TCVN 14423:2026 known from the paraphrased checklists (docs/report.md, "Compliance evaluation"):
# §(level+2) per level, group .12 "Quản lý hạ tầng mạng", .12.2.2 b the minimum zones.
# Any other sub-clause is our mapping, printed as inferred ("suy luận").
_TCVN14423_KNOWN = {"", "2.2.b"}


def _tcvn14423(sub: str = "", prefix: str = "", suffix: str = "") -> Callable[[int], str]:
    def ref(level: int) -> str:
        clause = f", mục {level + 2}.12{'.' + sub if sub else ''}"
        if sub not in _TCVN14423_KNOWN:
            clause += " (số mục suy luận)"
        return f"{prefix}TCVN 14423:2026 (tham khảo){clause}{suffix}"

    return ref


def _fixed(text: str) -> Callable[[int], str]:
    return lambda level: text


_ND331 = "Nghị định 331/2026/NĐ-CP"

REGIMES: dict[str, list[Requirement]] = {
    "nd331-2026": [
        Requirement("zone-internal", 2, ev_zone_internal, _tcvn14423("2.2.b")),
        Requirement("zone-edge", 2, ev_zone_edge, _tcvn14423("2.2.b")),
        Requirement("zone-dmz", 2, ev_zone_dmz, _tcvn14423("2.2.b")),
        Requirement("zone-server", 2, ev_zone_server, _tcvn14423("2.2.b")),
        Requirement("zone-wireless", 2, ev_zone_wireless, _tcvn14423("2.2.b")),
        Requirement("zone-database", 3, ev_zone_database, _tcvn14423("2.2.b")),
        Requirement("zone-management", 3, ev_zone_management, _tcvn14423("2.2.b")),
        Requirement("zone-device-mgmt", 4, ev_zone_device_mgmt, _tcvn14423("2.2.b")),
        Requirement("zone-wan", 1, ev_zone_wan, _fixed("TT 06/2026/TT-BKHCN, Điều 6.1.a, Điều 8")),
        Requirement("interzone-control", 1, ev_interzone, _tcvn14423("2.2")),
        Requirement("config-effective", 1, ev_config_effective, _fixed(f"{_ND331}, Điều 27.2.c–đ")),
        Requirement(
            "mgmt-no-internet", 3, ev_mgmt_no_internet, _tcvn14423("2.4", prefix="QCVN 12:2026/BCA, 3.13.2.2.5; ")
        ),
        Requirement("remote-admin", 1, ev_remote_admin, _tcvn14423("2.4")),
        Requirement("mgmt-secure-protocols", 1, ev_secure_protocols, _tcvn14423("2.4")),
        Requirement("mgmt-source-restrict", 2, ev_source_restrict, _tcvn14423("2.4")),
        Requirement("ips", 2, ev_out_of_scope, _tcvn14423()),
        Requirement("anti-malware", 1, ev_out_of_scope, _tcvn14423()),
        Requirement("waf", 2, ev_out_of_scope, _tcvn14423()),
        Requirement("mfa", 2, ev_out_of_scope, _tcvn14423()),
        Requirement(
            "logging",
            2,
            ev_out_of_scope,
            lambda lv: f"TCVN 14423:2026 (tham khảo), mục {lv + 2}.8.2.1",
            text_fields=lambda lv: {"months": _months(_LOG_MONTHS.get(lv, 1))},
        ),
        Requirement("network-av", 3, ev_out_of_scope, _tcvn14423()),
        Requirement("db-firewall", 3, ev_out_of_scope, _tcvn14423()),
        Requirement("nac", 3, ev_out_of_scope, _tcvn14423()),
        Requirement("anti-ddos", 3, ev_out_of_scope, _tcvn14423()),
        Requirement("dlp", 3, ev_out_of_scope, _tcvn14423()),
        Requirement("wireless-security", 3, ev_out_of_scope, _tcvn14423()),
        Requirement("siem", 3, ev_out_of_scope, _tcvn14423()),
        Requirement("jump-host", 4, ev_out_of_scope, _tcvn14423()),
        Requirement("micro-segmentation", 4, ev_out_of_scope, _tcvn14423()),
        Requirement("physical-isolation", 5, ev_out_of_scope, _tcvn14423()),
    ],
    "tt12-2022": [
        Requirement("zone-internal", 1, ev_zone_internal, _tt12("II.1.a")),
        Requirement("zone-edge", 1, ev_zone_edge, _tt12("II.1.a", "outside")),
        Requirement("zone-dmz", 1, ev_zone_dmz, _tt12("II.1.a")),
        Requirement("zone-server", 2, ev_zone_server, _tt12("II.1.a")),
        Requirement("zone-wireless", 2, ev_zone_wireless, _tt12("II.1.a")),
        Requirement("zone-database", 3, ev_zone_database, _tt12("II.1.a")),
        Requirement("zone-management", 3, ev_zone_management, _tt12("II.1.a")),
        Requirement("zone-device-mgmt", 4, ev_zone_device_mgmt, _tt12("II.1.a")),
        Requirement("interzone-control", 1, ev_interzone, _tt12("II.1.b", "inside")),
        Requirement("config-effective", 2, ev_config_effective, _tt12("II.2", "inside")),
        Requirement("remote-admin", 1, ev_remote_admin, _tt12("II.1.b", "outside")),
        Requirement("mgmt-secure-protocols", 1, ev_secure_protocols, _tt12("II.2", "devices")),
        Requirement("mgmt-source-restrict", 1, ev_source_restrict, _tt12("II.2", "devices")),
        Requirement("ips", 1, ev_out_of_scope, _tt12("II.1.b", "ips")),
        Requirement("anti-malware", 1, ev_out_of_scope, _tt12("II.1.b")),
        Requirement("logging-any", 1, ev_out_of_scope, _tt12("II.2", "logs")),
        Requirement("waf", 2, ev_out_of_scope, _tt12("II.1.b")),
        Requirement("email", 2, ev_out_of_scope, _tt12("II.1.b")),
        Requirement("redundancy", 2, ev_out_of_scope, _tt12("II.1.b")),
        Requirement("db-firewall", 3, ev_out_of_scope, _tt12("II.1.b")),
        Requirement("network-av", 3, ev_out_of_scope, _tt12("II.1.b")),
        Requirement("anti-ddos", 3, ev_out_of_scope, _tt12("II.1.b")),
        Requirement("nac", 3, ev_out_of_scope, _tt12("II.1.b")),
        Requirement("siem", 3, ev_out_of_scope, _tt12("II.1.b")),
        Requirement("backup", 3, ev_out_of_scope, _tt12("II.1.b")),
        Requirement("dlp", 3, ev_out_of_scope, _tt12("II.1.b")),
        Requirement("wireless-security", 3, ev_out_of_scope, _tt12("II.1.b")),
        Requirement("internet-redundancy", 3, ev_out_of_scope, _tt12("II.1.b")),
        Requirement("pam", 4, ev_out_of_scope, _tt12("II.1.b")),
        Requirement("geo-redundancy", 5, ev_out_of_scope, _tt12("II.1.b")),
    ],
}


# --------------------------------------------------------------------------- evaluation


def _join(parts: list[dict]) -> dict[str, str]:
    return {lang: " ".join(p[lang] for p in parts) for lang in LANGS}


def evaluate_regime(facts: Facts, regime: str) -> dict:
    level = max(1, min(5, facts.level))
    rows = []
    for req in REGIMES[regime]:
        if level < req.min_level:
            continue
        out = req.evaluate(facts)
        fields = req.text_fields(level) if req.text_fields else {}
        rows.append(
            {
                "id": req.id,
                "requirement": messages.both(req.text or f"req.{req.id}", **fields),
                "reference": req.reference(level),
                "status": out.status,
                "evidence": _join(out.evidence),
                "findings": sorted(set(out.findings)),
                "cells": [f"{c['src']}->{c['dst']}" for c in out.cells],
            }
        )
    counts = {s: sum(1 for r in rows if r["status"] == s) for s in STATUSES}
    verdict, reasons = conclude(facts, counts)
    return {
        "id": regime,
        "title": messages.both(f"standard.{regime}"),
        "level": level,
        "verdict": verdict,
        "reasons": reasons,
        "counts": counts,
        "rows": rows,
    }


def conclude(facts: Facts, counts: dict) -> tuple[str, list[dict]]:
    """Overall conclusion and its reasons (bilingual sentences)."""
    severe = sum(1 for x in facts.findings if x["severity"] in SEVERE and x.get("proven", True))
    unproven = sum(1 for x in facts.findings if x["severity"] in SEVERE and not x.get("proven", True))
    unknown = sum(1 for c in facts.cells if c["undecided"])
    reasons = []
    if severe:
        reasons.append(messages.both("conclusion.reason.severe", n=severe))
    if counts.get(NOT_MET):
        reasons.append(messages.both("conclusion.reason.not_met", n=counts[NOT_MET]))
    fail = bool(reasons)
    if unproven:  # resting on what is not understood: to be checked, never a ground for "fail"
        reasons.append(messages.both("conclusion.reason.unproven", n=unproven))
    if unknown:
        reasons.append(messages.both("conclusion.reason.unknown", n=unknown))
    if counts.get(CHECK):
        reasons.append(messages.both("conclusion.reason.check", n=counts[CHECK]))
    if facts.inferred:
        reasons.append(messages.both("conclusion.reason.inferred"))
    # Input that could not be used (or only in part) may hold the line that decides a verdict.
    if facts.input_problems:
        reasons.append(messages.both("conclusion.reason.input_problems", n=facts.input_problems))
    # A draft nobody reviewed, or an audit that never looked at a guest network or at the
    # Internet, is not a pass.
    if unit_is_placeholder(facts.unit):
        reasons.append(messages.both("conclusion.reason.unit_todo"))
    if not facts.of_kind("guest"):
        reasons.append(messages.both("conclusion.reason.no_guest"))
    if not facts.of_kind("external"):
        reasons.append(messages.both("conclusion.reason.no_external"))
    if fail:
        return FAIL, reasons
    if reasons:
        return NEEDS_CHECK, reasons
    return PASS, [messages.both("conclusion.reason.clean")]


def evaluate(facts: Facts, default: str = DEFAULT_STANDARD) -> dict:
    """Both regimes; ``default`` names the one the conclusion is drawn from."""
    return {"default": default, "level": facts.level, "regimes": [evaluate_regime(facts, r) for r in STANDARDS]}


def evaluate_audit(audit) -> dict:
    return evaluate(facts_from_audit(audit))


def regime(compliance: dict, standard: str | None) -> dict | None:
    return next((r for r in compliance.get("regimes", []) if r["id"] == standard), None)
