"""What a blueprint writes for people, beside the configurations (docs/blueprint.md,
"Output folder"):

* ``ip-plan.csv``, ``port-map.csv`` — the IP and VLAN plan, the switch port map;
* ``proof.txt`` — the proof's verdict, one line per difference;
* ``audit.json``, ``audit.html`` — the audit of the generated network and its normal
  inspection report;
* ``diagram.svg``, ``diagram.drawio`` — the model network drawn from that audit by the
  report's own diagram code (same visual language as the inspection reports);
* ``blueprint.html``, ``blueprint.pdf`` — the explanatory document: cover, zones and
  their purpose, diagram, IP plan, port map, flows, legal basis per level, what the
  technician does on site, the proof, and the configurations as an annex with every
  secret masked (the values are only in ``secrets.txt`` and the files under ``configs/``).

One template (``netaudit/templates/blueprint/document/document.html.j2``) and one
catalogue (``netaudit/catalogue/blueprint.py``) serve both languages.  The audit document
is built once (:func:`~netaudit.report.json_report.audit_dict`) and Graphviz is run once
per format (SVG, and the layout of the ``.drawio``).
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Mapping
from pathlib import Path

from ..vocabulary import DEVICES_ZONE
from .design import ALL, Design, Flow, ZonePlan
from .proof import Proof
from .render import PROFILES, SWITCH_EXT, Secrets, uplink_iface, zone_iface

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "blueprint" / "document"
MASK = "******"
# Secrets the document asks for (drawn here, written to secrets.txt with the others).
AP_ADMIN, STAFF_WIFI = "ap-quantri", "wifi-canbo"
# Fixed addresses the document hands out in the management zone (the switches take
# .2 upwards, the edge device .1; the devices send syslog to .10: design / templates).
ADMIN_PC_HOST, FIRST_AP_HOST = 10, 21
# Commands of the on-site steps, per vendor (registry id) and (vendor, is the switch).
RESET_COMMANDS = {
    ("mikrotik_routeros", False): "/system reset-configuration no-defaults=yes skip-backup=yes",
    ("cisco_ios", False): "write erase\nreload",
    ("cisco_ios", True): "write erase\ndelete flash:vlan.dat\nreload",
    ("fortinet_fortios", False): "execute factoryreset",
    ("cisco_asa", False): "write erase\nreload",
}
LOAD_COMMANDS = {
    "mikrotik_routeros": "/import file-name={file}",
    "cisco_ios": "configure terminal\n…\nend\nwrite memory",
    "cisco_asa": "configure terminal\n…\nend\nwrite memory",
}
# Compliance rows of TT 12/2022 Annex Part II.1.a (the minimum zones) -> the model zone.
MIN_ZONE_ROWS = {
    "zone-internal": "staff",
    "zone-edge": "@edge",
    "zone-dmz": "@dmz",
    "zone-server": "servers",
    "zone-wireless": "guest",
    "zone-database": "database",
    "zone-management": "mgmt",
}


# --------------------------------------------------------------------------- tables


def ip_plan_rows(d: Design) -> list[dict]:
    """One row per zone: VLAN, subnet, gateway, DHCP range, edge interface, purpose."""
    profile = PROFILES[d.intent.edge]
    rows = []
    for z in d.inside:
        pool = z.pool
        rows.append(
            {
                "zone": z.name,
                "kind": z.kind,
                "vlan": z.vlan,
                "subnet": str(z.subnet),
                "gateway": str(z.gateway),
                "dhcp": f"{pool[0]}-{pool[1]}" if pool else "",
                "interface": f"{d.router}:{zone_iface(profile, z)}",
                "title_vi": z.title["vi"],
                "title_en": z.title["en"],
            }
        )
    return rows


def port_map_rows(d: Design) -> list[dict]:
    """One row per switch port: switch, port, role, zone, VLANs, what plugs in."""
    return [
        {
            "switch": p.switch,
            "port": p.number,
            "role": p.role,
            "zone": p.zone or "",
            "untagged_vlan": p.native or "",
            "tagged_vlans": " ".join(str(v) for v in p.vlans),
            "connects": p.label,
        }
        for p in d.ports
    ]


def flow_order(d: Design) -> list[tuple[str, str]]:
    """Every ordered pair of the model, sources and destinations in zone order (the
    network devices last)."""
    names = [z.name for z in d.zones] + [DEVICES_ZONE]
    rank = {n: i for i, n in enumerate(names)}
    return sorted(d.flows, key=lambda pair: (rank[pair[0]], rank[pair[1]]))


def services_text(f: Flow, lang: str) -> str:
    """``mọi dịch vụ`` / ``every service``, ``chặn`` / ``blocked``, or the services."""
    from ..messages import t

    if f.services is None:
        return t("bp.flow.deny", lang)
    if f.services == ALL:
        return t("bp.flow.all", lang)
    return ", ".join(f.services)


def flow_rows(d: Design, lang: str) -> list[dict]:
    """Every pair of the model with its decision in ``lang`` (the document's flow table)."""
    rows = []
    for src, dst in flow_order(d):
        f = d.flows[(src, dst)]
        rows.append(
            {
                "src": src,
                "dst": dst,
                "allowed": f.allowed,
                "services": services_text(f, lang),
                "listed": isinstance(f.services, tuple),  # services, not a word
            }
        )
    return rows


def _why(f: Flow, lang: str) -> str:
    from ..messages import CATALOGUE, t

    if f.why.get(lang):
        return f.why[lang]
    dst = "devices" if f.dst == DEVICES_ZONE else f.dst
    for key in (f"bp.why.{f.src}.{dst}", f"bp.why.{f.src}.any", f"bp.why.any.{dst}"):
        if key in CATALOGUE:
            if key == "bp.why.any.devices" and isinstance(f.services, tuple) and "udp/67" not in f.services:
                key = "bp.why.any.devices_dns"
            return t(key, lang)
    return ""


def _step(text: str, code: str = "") -> dict:
    return {"text": text, "code": code}


def _csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    if rows:
        w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return buf.getvalue()


# --------------------------------------------------------------------------- secrets


def mask(text: str, secrets: Mapping[str, str]) -> str:
    """``text`` with every secret value written ``******(purpose)``."""
    for purpose, value in sorted(secrets.items(), key=lambda kv: -len(kv[1])):
        if value:
            text = text.replace(value, f"{MASK}({purpose})")
    return text


def _mask_unknown(text: str) -> str:
    """Without the run's secret values: the vendor-grammar keyword rules, line by line."""
    from ..secrets import mask_keywords

    return "\n".join(mask_keywords(line) for line in text.split("\n"))


# --------------------------------------------------------------------------- the view


class _Doc:
    """The document's content for the template: plain data and catalogue lookups."""

    def __init__(self, d: Design, proof: Proof, audit: dict, lang: str, secrets: Mapping[str, str] | None):
        from ..messages import t
        from ..report.view import KIND_COLORS, format_date, vendor_label

        self.d, self.it, self.proof, self.audit, self.lang = d, d.intent, proof, audit, lang
        self.t = lambda key, **fields: t(key, lang, **fields)
        self.secrets = secrets
        it = d.intent
        self.color = {z.name: KIND_COLORS.get(z.kind, "#e0e0e0") for z in d.zones}
        self.color[DEVICES_ZONE] = KIND_COLORS["devices"]
        self.profile = PROFILES[it.edge]
        self.mgmt = d.zone("mgmt")
        self.edge_vendor = vendor_label(it.edge)
        self.switch_vendor = vendor_label(it.switch) if it.switch else ""
        self.date = format_date(audit.get("generated", ""), lang)
        self.uplinks = self._uplinks()
        self.zones = [self._zone(z) for z in d.zones]
        self.ip_plan = ip_plan_rows(d)
        self.fixed = self._fixed()
        self.ports = self._ports()
        self.flows = flow_rows(d, lang)
        self.allowed = [{**r, "why": _why(d.flows[(r["src"], r["dst"])], lang)} for r in self.flows if r["allowed"]]
        self.matrix = self._matrix()
        self.min_zones = self._min_zones()
        self.regimes = self._regimes()
        self.steps = self._steps()
        self.proof_view = self._proof()
        self.annex: list[dict] = []

    # -- cover ------------------------------------------------------------------
    def _address(self, up) -> str:
        if up.address == "static":
            return self.t("bp.address.static", ip=str(up.ip), gateway=str(up.gateway))
        if up.address == "pppoe":
            return self.t("bp.address.pppoe", user=up.pppoe_user)
        return self.t("bp.address.dhcp")

    def _uplinks(self) -> list[dict]:
        it, d = self.it, self.d
        out = [
            {
                "name": "internet",
                "label": self.t(
                    "bp.uplink.internet", provider=it.internet.provider, address=self._address(it.internet)
                ),
                "port": uplink_iface(d, "internet"),
                "physical": self.profile.wan,
                "address": self._address(it.internet),
                "provider": it.internet.provider,
                "routes": self.t("bp.routes.default"),
            }
        ]
        if it.tslcd is not None:
            out.append(
                {
                    "name": "tslcd",
                    "label": self.t("bp.uplink.tslcd", address=self._address(it.tslcd)),
                    "port": uplink_iface(d, "tslcd"),
                    "physical": self.profile.tslcd,
                    "address": self._address(it.tslcd),
                    "provider": it.tslcd.provider,
                    "routes": ", ".join(str(n) for n in it.tslcd.networks),
                }
            )
        return out

    # -- zones, plan, ports ---------------------------------------------------------
    def _zone(self, z: ZonePlan) -> dict:
        from ..messages import CATALOGUE

        return {
            "name": z.name,
            "title": z.title[self.lang],
            "purpose": z.purpose[self.lang],
            "kind": self.t(f"kind.{z.kind}") if f"kind.{z.kind}" in CATALOGUE else z.kind,
            "vlan": z.vlan if z.vlan is not None else "",
            "subnet": str(z.subnet) if z.subnet is not None else "",
            "color": self.color[z.name],
        }

    def _fixed(self) -> list[dict]:
        d, it, mgmt = self.d, self.it, self.mgmt
        rows = [{"device": d.router, "what": self.t("bp.fixed.router"), "address": str(d.mgmt_addresses[d.router])}]
        rows += [
            {"device": sw, "what": self.t("bp.fixed.switch"), "address": str(d.mgmt_addresses[sw])} for sw in d.switches
        ]
        if mgmt is not None:
            rows.append(
                {
                    "device": "May-quan-tri",
                    "what": self.t("bp.fixed.admin_pc"),
                    "address": str(mgmt.host(ADMIN_PC_HOST)),
                }
            )
            rows += [
                {
                    "device": f"AP-{i + 1:02d}",
                    "what": self.t("bp.fixed.ap"),
                    "address": str(mgmt.host(FIRST_AP_HOST + i)),
                }
                for i in range(it.access_points)
            ]
        for s in it.servers:
            z = d.zone(s.zone)
            if z is not None and z.subnet is not None:
                rows.append(
                    {
                        "device": s.name,
                        "what": self.t("bp.fixed.server", services=", ".join(s.services)),
                        "address": str(z.host(s.host)),
                    }
                )
        return rows

    def _ports(self) -> list[dict]:
        out = []
        for sw in self.d.switches:
            rows = []
            for r in port_map_rows(self.d):
                if r["switch"] == sw:
                    rows.append(
                        {**r, "role_label": self.t(f"bp.role.{r['role']}"), "color": self.color.get(r["zone"], "")}
                    )
            out.append({"switch": sw, "rows": rows})
        return out

    def _matrix(self) -> dict:
        names = [z.name for z in self.d.zones]
        cols = [*names, DEVICES_ZONE]
        rows = []
        for s in names:
            cells: list[dict | None] = []
            for c in cols:
                f = self.d.flows.get((s, c))
                if f is None:
                    cells.append(None)
                else:
                    cells.append({"allowed": f.allowed, "text": services_text(f, self.lang)})
            rows.append({"name": s, "color": self.color[s], "cells": cells})
        return {"cols": [{"name": c, "color": self.color[c]} for c in cols], "rows": rows}

    # -- legal basis ----------------------------------------------------------------
    def _min_zones(self) -> list[dict]:
        from ..compliance import REGIMES

        level = self.it.level
        rows = []
        for req in REGIMES["tt12-2022"]:
            where = MIN_ZONE_ROWS.get(req.id)
            if where is None or req.min_level > 3:
                continue
            if where == "@edge":
                model = self.t("bp.legal.edge", router=self.d.router)
            elif where == "@dmz":
                model = self.t("bp.legal.dmz_none")
            else:
                z = self.d.zone(where)
                model = f"{z.name} — {z.title[self.lang]}" if z is not None else "—"
            rows.append(
                {
                    "requirement": self.t(req.text or f"req.{req.id}"),
                    "levels": [req.min_level <= lv for lv in (2, 3)],
                    "reference": req.reference(level),
                    "model": model,
                }
            )
        return rows

    def _regimes(self) -> list[dict]:
        L = self._L
        out = []
        for reg in (self.audit.get("compliance") or {}).get("regimes", []):
            rows = [r for r in reg.get("rows", []) if r.get("status") != "out_of_scope"]
            outside = [r for r in reg.get("rows", []) if r.get("status") == "out_of_scope"]
            out.append(
                {
                    "title": L(reg.get("title")),
                    "verdict": reg.get("verdict", ""),
                    "verdict_label": self.t(f"conclusion.{reg.get('verdict', 'check')}"),
                    "rows": [
                        {
                            "requirement": L(r.get("requirement")),
                            "reference": r.get("reference", ""),
                            "status": r.get("status", ""),
                            "status_label": self.t(f"status.{r.get('status', 'check')}"),
                            "evidence": L(r.get("evidence")),
                        }
                        for r in rows
                    ],
                    "outside": [
                        {"requirement": L(r.get("requirement")), "reference": r.get("reference", "")} for r in outside
                    ],
                }
            )
        return out

    def _L(self, value) -> str:
        if isinstance(value, dict):
            return value.get(self.lang) or value.get("en") or ""
        return "" if value is None else str(value)

    # -- on-site steps --------------------------------------------------------------
    def _vendor_key(self, prefix: str, vendor: str) -> str:
        from ..messages import CATALOGUE

        key = f"{prefix}.{vendor}"
        return key if key in CATALOGUE else f"{prefix}.other"

    def _device_steps(self, vendor: str, file: str, switch: bool) -> list[dict]:
        """Reset and load, in the vendor's own commands."""
        reset = RESET_COMMANDS.get((vendor, switch)) or RESET_COMMANDS.get((vendor, False), "")
        return [
            _step(self.t(self._vendor_key("bp.step.reset", vendor)), reset),
            _step(
                self.t(self._vendor_key("bp.step.load", vendor), file=file),
                LOAD_COMMANDS.get(vendor, "").format(file=file),
            ),
            _step(self.t("bp.step.copy_file")),
        ]

    def _steps(self) -> list[dict]:
        d, it, t, mgmt = self.d, self.it, self.t, self.mgmt
        groups: list[dict] = []
        first_sw = d.switches[0] if d.switches else ""
        staff = d.zone("staff")
        steps = self._device_steps(it.edge, f"{d.router}.{self.profile.ext}", switch=False)
        steps.append(
            _step(
                t(
                    "bp.step.wan",
                    port=self.profile.wan,
                    provider=it.internet.provider,
                    address=self._address(it.internet),
                )
            )
        )
        if it.tslcd is not None:
            steps.append(_step(t("bp.step.tslcd", port=self.profile.tslcd, address=self._address(it.tslcd))))
        steps.append(
            _step(
                t("bp.step.lan", port=self.profile.lan, switch=first_sw)
                if first_sw
                else t("bp.step.lan_none", port=self.profile.lan)
            )
        )
        steps.append(
            _step(
                t(
                    "bp.step.check_edge",
                    address=str(d.mgmt_addresses[d.router]),
                    subnet=str(staff.subnet) if staff is not None else "",
                )
            )
        )
        groups.append(
            {
                "title": t("bp.steps.device", role=t("bp.steps.role.edge"), name=d.router, vendor=self.edge_vendor),
                "steps": steps,
            }
        )
        for sw in d.switches:
            used = sum(1 for p in d.ports if p.switch == sw)
            steps = self._device_steps(it.switch, f"{sw}.{SWITCH_EXT.get(it.switch, 'cfg')}", switch=True)
            steps += [
                _step(t("bp.step.ports", n=used)),
                _step(t("bp.step.unused")),
                _step(t("bp.step.check_switch", address=str(d.mgmt_addresses[sw]))),
            ]
            groups.append(
                {
                    "title": t("bp.steps.device", role=t("bp.steps.role.switch"), name=sw, vendor=self.switch_vendor),
                    "steps": steps,
                }
            )
        if it.access_points and mgmt is not None:
            ap_ports = ", ".join(f"{p.switch}/{p.number}" for p in d.ports if p.role == "ap") or "—"
            guest = d.zone("guest")
            steps = [
                _step(t("bp.step.ap_port", ports=ap_ports)),
                _step(
                    t(
                        "bp.step.ap_mgmt",
                        vlan=mgmt.vlan,
                        first=str(mgmt.host(FIRST_AP_HOST)),
                        gateway=str(mgmt.gateway),
                    )
                ),
            ]
            if it.staff_ssid and staff is not None:
                steps.append(_step(t("bp.step.ap_staff", ssid=it.staff_ssid, vlan=staff.vlan)))
            if it.guest is not None and guest is not None:
                steps.append(
                    _step(
                        t(
                            "bp.step.ap_guest",
                            ssid=it.guest.ssid,
                            vlan=guest.vlan,
                            isolation=t("bp.isolation.on" if it.guest.isolation else "bp.isolation.off"),
                            mbps=it.guest.bandwidth_mbps,
                        )
                    )
                )
            steps.append(_step(t("bp.step.ap_no_other")))
            groups.append({"title": t("bp.steps.aps", n=it.access_points), "steps": steps})
        if mgmt is not None:
            where = next((f"{p.switch}/{p.number}" for p in d.ports if p.label == "May-quan-tri"), "—")
            groups.append(
                {
                    "title": t("bp.steps.admin"),
                    "steps": [
                        _step(
                            t(
                                "bp.step.admin_pc",
                                where=where,
                                address=str(mgmt.host(ADMIN_PC_HOST)),
                                gateway=str(mgmt.gateway),
                            )
                        )
                    ],
                }
            )
        groups.append(
            {
                "title": t("bp.steps.secrets"),
                "steps": [
                    _step(t("bp.step.secrets_file")),
                    _step(t("bp.step.secrets_annex", mask=MASK)),
                    _step(t("bp.step.secrets_keep")),
                ],
            }
        )
        zone = "guest" if it.guest is not None else "staff"
        probe = f"sudo netaudit probe --zone {zone} --plan audit.json -o {zone}.json"
        report = f"netaudit audit configs --probes {zone}.json --format pdf -o live-report.pdf"
        groups.append(
            {
                "title": t("bp.steps.test"),
                "steps": [
                    _step(
                        t("bp.step.probe", ssid=it.guest.ssid) if it.guest is not None else t("bp.step.probe_no_guest"),
                        probe,
                    ),
                    _step(t("bp.step.probe_report"), report),
                    _step(t("bp.step.reaudit")),
                ],
            }
        )
        return groups

    # -- proof ----------------------------------------------------------------------
    def _proof(self) -> dict:
        audit, proof = self.audit, self.proof
        cov = audit.get("coverage") or {}
        matrix = audit.get("matrix") or []
        conclusion = audit.get("conclusion") or {}
        regime: dict = next(
            (
                r
                for r in (audit.get("compliance") or {}).get("regimes", [])
                if r.get("id") == conclusion.get("standard")
            ),
            {},
        )
        differences = proof.lines(self.lang)
        if self.secrets:
            differences = [mask(x, self.secrets) for x in differences]
        return {
            "holds": proof.holds,
            "label": self.t("bp.proof.holds") if proof.holds else self.t("bp.proof.fails", n=len(differences)),
            "summary": self.t(
                "bp.proof.summary",
                cells=len(matrix),
                allowed=sum(1 for c in matrix if c.get("verdict") == "reachable"),
                findings=len(proof.findings),
                lines=cov.get("lines", 0),
                unrecognized=cov.get("unrecognized", 0),
            ),
            "mismatches": len(proof.mismatches),
            "differences": differences,
            "conclusion": self.t(
                "bp.proof.conclusion",
                regime=self._L(regime.get("title")),
                verdict=self.t(f"conclusion.{conclusion.get('verdict', 'check')}"),
            ),
        }


# --------------------------------------------------------------------------- rendering


@functools.cache
def _environment():
    """The document's jinja2 environment (built and its template compiled once per process)."""
    import jinja2

    from ..report.html import _cssstr, finalize

    def fast_finalize(value):
        # Printable text holds none of the characters safetext.clean rewrites (controls,
        # bidi and format characters, separators, noncharacters are not printable).
        if isinstance(value, str) and value.isprintable():
            return value
        return finalize(value)

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        finalize=fast_finalize,
    )
    env.filters["cssstr"] = _cssstr
    return env


def _annex(d: Design, configs: Path, secrets: Mapping[str, str] | None) -> list[dict]:
    """The files this run wrote into ``configs`` (edge device, switches, site file), secrets
    masked; a file left there by an earlier run is not this network's."""
    names = [f"{d.router}.{PROFILES[d.intent.edge].ext}"]
    names += [f"{sw}.{SWITCH_EXT.get(d.intent.switch, 'cfg')}" for sw in d.switches]
    names.append("site.yaml")
    out = []
    for name in names:
        p = configs / name
        if not p.is_file():
            continue
        text = p.read_text(encoding="utf-8", errors="replace")
        text = mask(text, secrets) if secrets is not None else _mask_unknown(text)
        out.append({"name": name, "text": text, "lines": text.count("\n") + (0 if text.endswith("\n") else 1)})
    return out


def render_html(view: _Doc, diagram_svg: str, diagram_error: str) -> str:
    from markupsafe import Markup

    from ..report.html import TEMPLATES as REPORT_TEMPLATES

    css = (REPORT_TEMPLATES / "report.css").read_text(encoding="utf-8")
    css += (TEMPLATES / "document.css").read_text(encoding="utf-8")
    return (
        _environment()
        .get_template("document.html.j2")
        .render(v=view, t=view.t, css=Markup(css), diagram_svg=Markup(diagram_svg), diagram_error=diagram_error)
    )


def render_pdf(html: str) -> bytes:
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return HTML(string=html, base_url=None).write_pdf()


def _standalone_svg(inline: str) -> str:
    """The inline SVG of the report as a file of its own."""
    return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + inline


def write(
    d: Design, proof: Proof, out: Path, lang: str, pdf: bool = True, secrets: Secrets | None = None
) -> list[Path]:
    """Write the plan, the port map, the proof, the audit (JSON and HTML), the diagram
    and the explanatory document into ``out``.  ``secrets`` (the run's, drawn by
    :mod:`.render`) gets the access points' secrets added and is masked everywhere."""
    from ..report import RenderOptions, prepare_doc
    from ..report.diagram import svg as diagram_svg
    from ..report.drawio import render as drawio
    from ..report.html import render_view
    from ..report.json_report import audit_dict, dumps
    from ..report.view import build

    it = d.intent
    if secrets is not None and it.access_points:
        secrets.get(AP_ADMIN)
        if it.staff_ssid:
            secrets.get(STAFF_WIFI, 20)
    values = dict(secrets.values) if secrets is not None else None

    options = RenderOptions(lang=lang, drawio_name="diagram.drawio")
    doc = audit_dict(proof.audit, options)
    svg, svg_error = diagram_svg(doc, lang)
    contents: list[tuple[str, str | bytes]] = [
        ("ip-plan.csv", _csv(ip_plan_rows(d))),
        ("port-map.csv", _csv(port_map_rows(d))),
        ("proof.txt", proof.text(lang)),
        ("audit.json", dumps(doc)),
    ]
    if svg:
        contents.append(("diagram.svg", _standalone_svg(svg)))
        contents.append(("diagram.drawio", drawio(doc, lang)))
    report = build(prepare_doc(doc, options), options)
    report.diagram_svg, report.diagram_error = svg, svg_error
    contents.append(("audit.html", render_view(report)))

    view = _Doc(d, proof, doc, lang, values)
    view.annex = _annex(d, out / "configs", values)
    html = render_html(view, svg, svg_error)
    if values:
        html = mask(html, values)  # nothing should be left to mask; never trust it
    contents.append(("blueprint.html", html))
    if pdf:
        contents.append(("blueprint.pdf", render_pdf(html)))

    files = []
    for name, data in contents:
        path = out / name
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
        files.append(path)
    return files
