"""The zone matrix and the flows of the report's view (section 3 and the table at the
front), the witness paths, and the office beside its model architecture.

A cell of the JSON matrix becomes a table cell (verdict, services, expectation, reason) and
a flow (witness path, blocking lines).  The summary print of a many-zone audit shows the
matrix by zone kind and each source zone's open flows instead of one cell per zone pair
(docs/report.md, "Summary and full detail").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..vocabulary import DEVICES_ZONE
from . import cite_loc
from . import detail as caps
from .live_view import live_mark
from .words import KIND_COLORS, NO_KIND_COLOR, cite_view, kind_label, maybe_beyond, services_words

if TYPE_CHECKING:
    from .view import View

BLOCKING_SHOWN = 3  # blocking lines shown per blocked flow (all are in the JSON)


def describe_packet(p: dict | None) -> str:
    if not p:
        return "-"
    proto = p.get("proto", "?")
    if "dst_port" in p:
        return f"{proto} {p.get('src_ip')}:{p.get('src_port')} → {p.get('dst_ip')}:{p.get('dst_port')}"
    if "icmp_type" in p:
        return f"{proto} {p.get('src_ip')} → {p.get('dst_ip')} (type {p.get('icmp_type')}, code {p.get('icmp_code')})"
    return f"{proto} {p.get('src_ip')} → {p.get('dst_ip')}"


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


def _reason(v: View, c: dict) -> str:
    """A cell's reason in the report language ("reason_text"; the English "reason" in older
    JSON); a reachable cell's is why it may deliver more ("maybe_reason_text")."""
    if c.get("reason_text"):
        return v.prose(v.L(c["reason_text"]))
    if c.get("maybe_reason_text"):
        return v.prose(v.L(c["maybe_reason_text"]))
    return v.prose(c.get("reason") or c.get("maybe_reason") or "")


def _cls(c: dict) -> str:
    """A cell's colour: a violation red, reachable but not proven within the policy
    (``may_violate``) as unknown, else its verdict."""
    verdict = c.get("verdict", "unknown")
    if verdict == "reachable":
        return "violation" if c.get("violation") else "unknown" if c.get("may_violate") else "reachable"
    return verdict


def _expected_text(v: View, c: dict) -> str:
    exp = c.get("expected")
    if not exp:
        return "-"
    text = v.t(f"expected.{exp}")
    if exp == "limited":
        text += " " + services_words(", ".join(c.get("allowed_services", [])), v.lang)
    return text


def _services_text(v: View, c: dict) -> str:
    svc = c.get("services") or []
    if c.get("verdict") != "reachable" or not svc:
        return ""
    text = v.t("matrix.all") if svc == ["ip"] else v.t("matrix.only", services=services_words(", ".join(svc), v.lang))
    beyond = maybe_beyond(svc, c.get("maybe_services") or [])
    if c.get("may_violate") and beyond:
        # in the table only where it leaves the policy unproven; every flow says it (below)
        text += " " + v.t("matrix.maybe_also", services=services_words(", ".join(beyond), v.lang))
    if c.get("icmp_replies_only"):
        text += " " + v.t("matrix.icmp_replies_only")
    return text


def _model_services(v: View, services) -> str:
    """A model flow's services in words: every service, the list, or denied."""
    if services is None:
        return v.t("reference.denied")
    if services == "all":
        return v.t("reference.all")
    return ", ".join(services)


def reference(v: View) -> None:
    """The office beside the model architecture of its unit type (JSON ``reference``)."""
    ref = v.doc.get("reference")
    if not isinstance(ref, dict):
        return
    zones = [z["name"] for z in ref.get("model_zones") or []]
    extra, n_extra = v.cut(ref.get("extra_flows") or [], caps.REFERENCE_EXTRA)
    v.notes["reference"] = v.more("flows", n_extra)
    cells = {(c["src"], c["dst"]): c.get("services") for c in ref.get("model_matrix") or []}
    v.reference = {
        "title": v.t("reference.title", type=v.t(f"reference.type.{ref['type']}"), level=ref["model_level"]),
        "intro": v.t("reference.intro"),
        "level_note": v.t("reference.level_note", level=ref["level"], model=ref["model_level"])
        if ref["level"] != ref["model_level"]
        else "",
        "command": ref["command"],
        "missing": [f"{z['name']} — {v.L(z.get('title'))}" for z in ref.get("missing_zones") or []],
        "n_extra": len(ref.get("extra_flows") or []),
        "extra": [
            {
                "flow": f"{v.zone(e['src'])} → {v.zone(e['dst'])}",
                "here": ", ".join(e.get("services") or []),
                "model": _model_services(v, e.get("model")),
            }
            for e in extra
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


def matrix(v: View, zone_kind: dict) -> None:
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
            cls = _cls(c)
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
                    # a reachable cell's why-maybe only where it leaves the policy unproven
                    "reason": _reason(v, c) if verdict != "reachable" or c.get("may_violate") else "",
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
                "color": KIND_COLORS.get(zone_kind.get(src, ""), NO_KIND_COLOR),
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
                "color": KIND_COLORS.get(zone_kind.get(n, ""), NO_KIND_COLOR),
            }
            for n in cols
        ],
        "rows": rows,
        "compact": False,
        "numbered": False,  # a compact matrix's columns numbered as its rows (_compact)
        "grouped": None,
    }
    if v.detail == "summary" and len(names) > caps.MATRIX_COMPACT:
        _compact(v)
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
                "cls": _cls(c),
                "violation": bool(c.get("violation")),
                "expected": _expected_text(v, c),
                "services": services_words(", ".join(c.get("services") or []), v.lang),
                "maybe_services": services_words(
                    ", ".join(maybe_beyond(c.get("services") or [], c.get("maybe_services") or [])), v.lang
                ),
                "icmp_replies_only": bool(c.get("icmp_replies_only")),
                "reason": _reason(v, c),
                "witness": hops_view(v, c.get("witness")),
                "blocked_by": [
                    {**cite_view(b, v.lang), "device": b.get("device", "")} for b in blocked_by[:BLOCKING_SHOWN]
                ],
                # no route, a null route …: what stops it where no line does
                "dropped": [v.prose(v.L(t)) for t in c.get("dropped_text") or []],
                "blocked_more": max(0, len(blocked_by) - BLOCKING_SHOWN),
                # The lines left out, by where they are: the paper record has no JSON to point to.
                "blocked_more_text": v.t(
                    "scope.more_at",
                    n=len(blocked_by) - BLOCKING_SHOWN,
                    locs=", ".join(cite_loc(b, v.lang) for b in blocked_by[BLOCKING_SHOWN:]),
                )
                if len(blocked_by) > BLOCKING_SHOWN
                else "",
                "cut": False,  # not printed in the summary (_cut_flows)
            }
        )
    _cut_flows(v)
    if v.detail == "summary" and len(names) > caps.MATRIX_GROUPED:
        _group(v, zone_kind, names)


# The longest zone id a compact matrix's column shows; longer ids number the columns.
COMPACT_NAME = 8


def _compact(v: View) -> None:
    """The summary's matrix of more than ``MATRIX_COMPACT`` zones (a cut, with its note):
    too many columns for a page to hold the zones' display names and the verdicts in
    words, which wrapped letter by letter over four pages at 16 zones.  Headers name each
    zone by its id (as the site file does), a cell holds its verdict in a word, a violating cell
    the violation flag alone (it is reachable); the note says what the words mean and
    where the rest of each cell is."""
    v.cuts += 1
    v.matrix["compact"] = True
    legend = [
        v.t("matrix.compact.legend", short=v.t(f"verdict.{k}.short"), verdict=v.t(f"verdict.{k}.cap"))
        for k in ("reachable", "blocked", "unknown")
    ]
    legend.append(v.t("matrix.compact.violation", flag=v.t("matrix.violation")))
    for head in (*v.matrix["cols"], *v.matrix["rows"]):
        name = head["name"]
        head.update(label=v.t("zone.devices.short") if name == DEVICES_ZONE else name, id="")
    zones = v.matrix["cols"][:-1]  # the last column: the devices' services
    if max(len(c["label"]) for c in zones) > COMPACT_NAME:
        # ids too long for a column a word wide (an inferred site's "mgmt-coza-rtr-res-
        # wireless-mgmt" wrapped over ten lines of header): the columns are numbered as
        # the rows, which keep the ids
        for no, (col, row) in enumerate(zip(zones, v.matrix["rows"], strict=True), 1):
            col["label"] = str(no)
            row["label"] = f"{no}. {row['label']}"
        legend.append(v.t("matrix.compact.numbered"))
        v.matrix["numbered"] = True
    v.notes["matrix"] = v.t(
        "detail.matrix_compact", n=len(v.matrix["rows"]), legend="; ".join(legend), where=v.t("detail.where")
    )
    for row in v.matrix["rows"]:
        for cell in row["cells"]:
            if cell is not None:
                word = v.t("matrix.violation") if cell["violation"] else v.t(f"verdict.{cell['verdict']}.short")
                cell.update(label=word, violation=False, services="", reason="")


# Where a matrix cell links when the summary does not print its flow (the note saying so).
FLOWS_CUT = "flows-cut"
BLOCKED_CUT = "blocked-cut"


def _cut_flows(v: View) -> None:
    """The summary prints the witness paths of at most ``FLOWS.keep`` flows
    (``FLOWS_MANY_ZONES.keep`` above ``MATRIX_COMPACT`` zones, whose flows run to
    hundreds), violations first, then unknown cells, then allowed ones (matrix order
    within each), and at most ``BLOCKED.keep`` rows of blocked flows (there too
    ``BLOCKED_MANY_ZONES.keep``); the matrix cells of the others link to the note that
    says so."""
    rank = {"violation": 0, "unknown": 1}
    open_flows = [f for f in v.flows if f["verdict"] != "blocked"]
    many = v.matrix["compact"]
    cap = caps.FLOWS_MANY_ZONES if many else caps.FLOWS
    kept, n = v.cut(sorted(open_flows, key=lambda f: rank.get(f["cls"], 2)), cap)
    if n:
        kept_ids = {id(f) for f in kept}
        left = [f for f in open_flows if id(f) not in kept_ids]
        counts = [
            v.t(f"detail.count.{key}", n=k)
            for key, k in (
                ("violation", sum(1 for f in left if f["cls"] == "violation")),
                ("unknown", sum(1 for f in left if f["cls"] == "unknown")),
                ("allowed", sum(1 for f in left if f["cls"] == "reachable")),
            )
            if k
        ]
        v.flows_note = v.t(
            "detail.flows_more",
            n=n,
            counts=", ".join(counts),
            title=v.t("matrix.summary.title"),
            where=v.t("detail.where"),
        )
        for f in left:
            f["cut"] = True
            v.cut_anchors[f["anchor"]] = FLOWS_CUT
    blocked = [f for f in v.flows if f["verdict"] == "blocked"]
    _, n = v.cut(blocked, caps.BLOCKED_MANY_ZONES if many else caps.BLOCKED)
    v.notes["blocked"] = v.more("blocked", n)
    for f in blocked[len(blocked) - n :] if n else []:
        f["cut"] = True
        v.cut_anchors[f["anchor"]] = BLOCKED_CUT
    for row in v.matrix["rows"]:
        for c in row["cells"]:
            if c is not None and c["anchor"] in v.cut_anchors:
                c["anchor"] = v.cut_anchors[c["anchor"]]


def anchor(src: str, dst: str) -> str:
    safe = "".join(ch if ch.isalnum() else "-" for ch in f"{src}--{dst}")
    return f"flow-{safe}"


# The order of a grouped matrix's verdict classes: the worst first (a group cell takes the
# colour of its worst class).
_CLASSES = ("violation", "unknown", "reachable", "blocked")


def _short(v: View, name: str) -> str:
    """A zone in a many-zone table: its id where its display name is only its kind and id
    ("Vùng mạng nội bộ “staff-vlan23”"), else the display name (a declared title, "Internet")."""
    label = v.zone(name)
    return name if name != DEVICES_ZONE and name in label and label != name else label


def _group(v: View, zone_kind: dict, names: list[str]) -> None:
    """The summary print of a many-zone matrix (more than ``MATRIX_GROUPED`` zones): one
    table by zone kind, each cell counting its zone pairs by verdict (coloured by the
    worst), and one row per source zone naming the zones it reaches (violations, unknown,
    reachable) and counting those it cannot.  A grid of one cell per zone pair would
    run to pages no one reads and takes most of the print's time; every pair is still in
    the HTML report and the JSON."""
    kinds: list[str] = []
    for n in names:
        if zone_kind.get(n, "") not in kinds:
            kinds.append(zone_kind.get(n, ""))
    members = {k: sum(1 for n in names if zone_kind.get(n, "") == k) for k in kinds}
    counts: dict[tuple[str, str], dict[str, int]] = {}
    sources = []
    quiet = []  # source zones that reach no zone
    for row in v.matrix["rows"]:
        reached: dict[str, list[dict]] = {cls: [] for cls in _CLASSES}
        for cell in row["cells"]:
            if cell is None:
                continue
            cls = cell["cls"]
            pair = counts.setdefault((row["kind"], zone_kind.get(cell["dst"], "")), dict.fromkeys(_CLASSES, 0))
            pair[cls] += 1
            reached[cls].append({"label": _short(v, cell["dst"]), "anchor": cell["anchor"]})
        if not any(reached[cls] for cls in _CLASSES[:3]):
            quiet.append(_short(v, row["name"]))
            continue
        lists = {}
        for cls in _CLASSES[:3]:
            shown, more = v.cut(reached[cls], caps.OPEN_DESTINATIONS)
            lists[cls] = {"items": shown, "more": v.t("detail.inline", n=more) if more else ""}
        label = _short(v, row["name"])
        sources.append(
            {
                "label": label,
                "id": "" if label.casefold() == row["name"].casefold() else row["name"],
                "color": row["color"],
                **lists,
                "blocked": len(reached["blocked"]),
            }
        )
    shown_sources, n_sources = v.cut(sources, caps.OPEN_SOURCES)
    dst_kinds = [d for d in [*kinds, "devices"] if any((k, d) in counts for k in kinds)]

    def group_cell(src: str, dst: str) -> dict | None:
        pair = counts.get((src, dst))
        if not pair:
            return None
        return {
            "cls": next(cls for cls in _CLASSES if pair[cls]),
            "pairs": v.t("matrix.grouped.pairs", n=sum(pair.values())),
            "counts": [v.t(f"matrix.grouped.{cls}", n=pair[cls]) for cls in _CLASSES if pair[cls]],
        }

    def kind_head(kind: str, n: int | None) -> dict:
        label = kind_label(v.lang, kind) if kind != "devices" else v.zone(DEVICES_ZONE)
        return {
            "label": label,
            "zones": v.t("matrix.grouped.zones", n=n) if n is not None else "",
            "color": KIND_COLORS.get(kind, NO_KIND_COLOR),
        }

    v.matrix["grouped"] = {
        "cols": [kind_head(k, members.get(k)) for k in dst_kinds],
        "rows": [{**kind_head(k, members[k]), "cells": [group_cell(k, d) for d in dst_kinds]} for k in kinds],
        "sources": shown_sources,
        "sources_more": v.more("zones", n_sources),
        "quiet": v.t("matrix.grouped.quiet", n=len(quiet), zones=v.join_cut(quiet, caps.OPEN_DESTINATIONS)[0])
        if quiet
        else "",
    }
    v.cuts += 1
    v.notes["matrix"] = v.t(
        "detail.matrix_grouped",
        n=len(names),
        pairs=sum(sum(p.values()) for p in counts.values()),
        where=v.t("detail.where"),
    )
