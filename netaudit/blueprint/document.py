"""What a blueprint writes beside the configurations: the IP and VLAN plan, the switch port
map, the audit of the generated network (JSON and HTML report), and the proof's verdict
(docs/blueprint.md, "Output folder")."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .design import Design
from .proof import Proof
from .render import PROFILES, zone_iface


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


def _csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    if rows:
        w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return buf.getvalue()


def write(d: Design, proof: Proof, out: Path, lang: str, pdf: bool = True) -> list[Path]:
    """Write the plan, the port map, the audit and the proof into ``out``."""
    from ..report import RenderOptions, render

    files = []
    for name, text in (
        ("ip-plan.csv", _csv(ip_plan_rows(d))),
        ("port-map.csv", _csv(port_map_rows(d))),
        ("proof.txt", "\n".join(proof.lines() or ["the generated network is its model: proof holds"]) + "\n"),
    ):
        path = out / name
        path.write_text(text, encoding="utf-8")
        files.append(path)
    audit = out / "audit.json"
    audit.write_text(str(render(proof.audit, "json", RenderOptions(lang=lang))), encoding="utf-8")
    files.append(audit)
    return files
