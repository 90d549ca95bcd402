"""The site file drafted by ``netaudit init`` as commented YAML (:func:`site_to_yaml`):
the zones :func:`netaudit.zones.infer.infer_site` inferred, what each was inferred from
and the notes for the reviewer, in the draft's language."""

from __future__ import annotations

from ..messages import render, t
from ..safetext import clean
from ..vocabulary import UNIT_PLACEHOLDER
from .site import Site, Zone


def _comment(text: str, indent: int = 0) -> str:
    # A control character is not allowed anywhere in YAML, comments included: made visible.
    return " " * indent + "# " + clean(" ".join(str(text).split()), keep="")


def _dump(data: dict, indent: int = 0, flow_lists: bool = False) -> list[str]:
    """``data`` as YAML lines (lists of plain values in [a, b] style with ``flow_lists``)."""
    # Imported here: only ``netaudit init`` drafts, and an audit (which imports this module
    # through :mod:`netaudit.zones`) should not load PyYAML for it (docs/performance.md).
    import yaml

    text = yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=None if flow_lists else False
    )
    return [" " * indent + line for line in text.splitlines()]


def site_to_yaml(site: Site, lang: str = "vi") -> str:
    """Render a (usually inferred) site as a commented YAML draft for review.

    Values are written by the YAML library, so any name — quotes, colons, ``#``,
    leading dashes, Vietnamese — loads back exactly; what each zone was inferred from
    and the notes for the reviewer are comment lines in ``lang`` (the header and the
    TODO lines are in both languages).
    """
    lines = [
        "# netaudit site file — DRAFT inferred from names in the configs; review every zone.",
        "# Bản nháp: rà soát từng vùng mạng, ghi tên đơn vị và cấp độ trước khi kiểm tra.",
    ]
    lines += _dump({"unit": site.unit or UNIT_PLACEHOLDER})
    lines += _dump({"level": site.level})
    lines[-1] += "    # cấp độ 1..5: TODO confirm"
    for note in site.notes:
        lines.append(_comment(f"{t('infer.note', lang)}: {render(note, lang)}"))
    if not site.zones:
        lines += ["zones:", "  {}   # nothing recognised: add zones by hand"]
    else:
        lines.append("zones:")
    for z in site.zones:
        for why in z.inferred_from:
            lines.append(_comment(f"{t('infer.from', lang)}: {render(why, lang)}", 2))
        lines += _dump({z.name: _zone_spec(z)}, 2, flow_lists=True)
    # Segments whose names say nothing: written out, commented, for a person to give a kind.
    for z in site.undecided:
        lines.append(_comment(f"TODO: {render(z.inferred_from[0], lang)}", 2))
        lines.append(_comment("chọn loại vùng (internal, guest, server, management, dmz, camera …) rồi bỏ dấu #", 2))
        lines.append(
            _comment("choose its kind (internal, guest, server, management, dmz, camera …), then uncomment", 2)
        )
        lines += ["  # " + line for line in _dump({z.name: _zone_spec(z)}, 0, flow_lists=True)]
    return "\n".join(lines) + "\n"


def _zone_spec(z: Zone) -> dict:
    spec: dict = {"kind": z.kind}
    if z.subnets:
        spec["subnets"] = [str(s) for s in z.subnets]
    if z.vlans:
        spec["vlans"] = [f"{d}:{v}" for d, v in z.vlans]
    if z.attach:
        spec["attach"] = [f"{d}:{i}" for d, i in z.attach]
    if z.via != "segment":
        spec["via"] = z.via
    return spec
