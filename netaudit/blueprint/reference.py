"""An audited office beside the model architecture of its unit type and level (docs/blueprint.md,
"Comparison in the audit report"): the zones the model has and the office lacks, the flows
the office allows that the model denies (or allows for fewer services), the model's own
matrix, and the blueprint command that generates the model for the office's vendor.

Zones are matched by kind (the office's ``internal`` zones are the model's ``staff`` …);
the comparison is computed at audit time from the engine's delivered packets, so a saved
JSON audit carries it (``reference``) and every renderer shows it.
"""

from __future__ import annotations

from ..policy import services_packets
from ..vocabulary import DEVICES_ZONE
from .design import ALL, design
from .examples import example_text
from .intent import intent_from_dict

# Office zone kind -> the model's zone of that kind.
MODEL_ZONE = {
    "internal": "staff",
    "server": "servers",
    "database": "database",
    "guest": "guest",
    "kiosk": "counter",
    "camera": "camera",
    "management": "mgmt",
    "external": "internet",
    "wan": "tslcd",
}
# The blueprint's vendor name for an office's parser registry id (others: RouterOS).
BLUEPRINT_VENDOR = {
    "cisco_ios": "ios",
    "cisco_asa": "asa",
    "fortinet_fortios": "fortios",
    "mikrotik_routeros": "routeros",
}
# Model zones an office may do without: cameras only where it has some, TSLCD where connected.
OPTIONAL = ("camera", "tslcd")


def _services(value) -> str | list[str] | None:
    return value if value is None or value == ALL else list(value)


def compare(site, matrix, devices, hs) -> dict:
    """The ``reference`` section of an audit of ``site`` (with ``unit_type``)."""
    import yaml

    vendor = next((BLUEPRINT_VENDOR[d.vendor] for d in devices if d.vendor in BLUEPRINT_VENDOR), "routeros")
    model_level = min(max(site.level, 2), 3)  # models exist for levels 2 and 3
    data = yaml.safe_load(example_text(site.unit_type, vendor))
    data["level"] = model_level
    if model_level < 3:
        data["servers"] = [s for s in data["servers"] if s.get("zone") != "database"]
    d = design(intent_from_dict(data, "model"))
    kinds = {z.name: z.kind for z in site.zones}
    have = set(kinds.values())
    missing = [
        {"name": z.name, "kind": z.kind, "title": z.title}
        for z in d.zones
        if z.kind not in have and z.name not in OPTIONAL
    ]
    extra = []
    for cell in matrix:
        if cell.verdict != "reachable" or cell.delivered is None:
            continue
        ms = MODEL_ZONE.get(kinds.get(cell.src, ""))
        md = DEVICES_ZONE if cell.dst == DEVICES_ZONE else MODEL_ZONE.get(kinds.get(cell.dst, ""))
        flow = d.flows.get((ms, md)) if ms and md else None
        if flow is None or flow.services == ALL:
            continue
        if flow.services is not None:
            beyond = cell.delivered & ~services_packets(hs, flow.services)
            if beyond == hs.false:
                continue
        extra.append(
            {
                "src": cell.src,
                "dst": cell.dst,
                "model_src": ms,
                "model_dst": md,
                "services": list(cell.services or []),
                "model": _services(flow.services),
            }
        )
    names = [z.name for z in d.zones]
    return {
        "type": site.unit_type,
        "level": site.level,
        "model_level": model_level,
        "vendor": vendor,
        "command": f"netaudit blueprint --example {site.unit_type} --vendor {vendor}",
        "model_zones": [{"name": z.name, "kind": z.kind, "title": z.title} for z in d.zones],
        "model_matrix": [
            {"src": s, "dst": t, "services": _services(d.flows[(s, t)].services)}
            for s in names
            for t in [*names, DEVICES_ZONE]
            if (s, t) in d.flows
        ],
        "missing_zones": missing,
        "extra_flows": extra,
    }
