"""The live-verification section of the HTML/PDF/Markdown reports, shaped from the JSON
document's ``probes`` section and ``matrix[].live`` (docs/live.md): a part of :mod:`.view`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..vocabulary import LIVE_STATUSES
from ..vocabulary import PROBE_RESULTS as LIVE_RESULTS
from .detail import LIVE_CELLS

if TYPE_CHECKING:
    from .view import View

UNPLACED_SHOWN = 5  # example addresses per group of unplaced probes
# Matrix cell classes the live marks borrow (colour of the cell they resemble).
LIVE_CLS = {"contradiction": "violation", "resolved": "unknown", "confirmed": "reachable", "consistent": "blocked"}


def _live_status_label(v: View, status: str) -> str:
    return v.t(f"live.report.status.{status}")


def live_mark(v: View, c: dict) -> dict | None:
    """The small live mark of a matrix cell: its live status, when a probe observed it."""
    status = (c.get("live") or {}).get("status")
    if status not in LIVE_CLS:
        return None
    return {"status": status, "cls": LIVE_CLS[status], "label": _live_status_label(v, status)}


def _live_counts(v: View, counts: dict | None) -> str:
    counts = counts or {}
    return v.t("live.report.counts", **{r: counts.get(r, 0) for r in LIVE_RESULTS})


def _live_probe(v: View, p: dict) -> dict:
    result = p.get("result", "")
    return {
        "dst": str(p.get("dst") or ""),
        "service": str(p.get("service") or ""),
        "result": result,
        "result_label": v.t(f"live.result.{result}") if result in LIVE_RESULTS else str(result),
        "detail": str(p.get("detail") or "-"),
        "hop": str(p.get("hop") or "-"),
    }


def _live_why(v: View, unplaced: dict) -> str:
    """Why a probe was not compared, in the report's language (``why_text``)."""
    text = unplaced.get("why_text")
    if isinstance(text, dict) and text.get(v.lang):
        return str(text[v.lang])
    return str(unplaced.get("why") or "")


def live_section(v: View) -> None:
    """The live verification section from the JSON ``probes`` section and ``matrix[].live``."""
    from .matrix_view import anchor  # matrix_view imports this module: at call time
    from .view import SECTIONS

    probes = v.doc.get("probes")
    if not isinstance(probes, dict):
        return
    v.sec = {k: n + 1 if n > SECTIONS["matrix"] else n for k, n in SECTIONS.items()}
    v.sec["live"] = SECTIONS["matrix"] + 1
    not_given = v.t("cover.not_given")
    runs = []
    for n, r in enumerate(probes.get("runs") or [], 1):
        vant = r.get("vantage") or {}
        started, finished = str(vant.get("started") or ""), str(vant.get("finished") or "")
        time = " – ".join(x for x in (started, finished) if x) or not_given
        fields = [
            ("interface", str(vant.get("interface") or not_given)),
            ("address", str(vant.get("address") or not_given)),
            ("gateway", str(vant.get("gateway") or not_given)),
        ]
        if vant.get("ssid"):
            fields.append(("ssid", str(vant["ssid"])))
        fields += [("time", time), ("source", str(vant.get("source") or not_given))]
        runs.append(
            {
                "title": v.t("live.report.run", no=n, zone=str(vant.get("zone") or not_given)),
                "fields": [{"label": v.t(f"live.report.field.{k}"), "value": val} for k, val in fields],
                "file": str(r.get("file") or ""),
                "sha256": str(r.get("sha256") or ""),
                "counts": _live_counts(v, r.get("counts")),
                "refused": [
                    f"{t.get('dst', '')} ({t.get('why')})" if t.get("why") else str(t.get("dst", ""))
                    for t in (r.get("refused_targets") or [])
                    if isinstance(t, dict)
                ],
            }
        )
    order = {s: i for i, s in enumerate(LIVE_STATUSES)}
    observed = [
        (i, c) for i, c in enumerate(v.doc.get("matrix", [])) if (c.get("live") or {}).get("status") in LIVE_CLS
    ]
    observed.sort(key=lambda p: (order[p[1]["live"]["status"]], p[0]))
    cells = []
    for _, c in observed:
        lv = c["live"]
        verdict = c.get("verdict", "unknown")
        cells.append(
            {
                "src": c["src"],
                "dst": c["dst"],
                "anchor": v.cut_anchors.get(anchor(c["src"], c["dst"]), anchor(c["src"], c["dst"])),
                "verdict_label": v.t(f"verdict.{verdict}.cap"),
                "status": lv["status"],
                "cls": LIVE_CLS[lv["status"]],
                "label": _live_status_label(v, lv["status"]),
                "counts": _live_counts(v, lv.get("counts")),
                "examples": [_live_probe(v, p) for p in lv.get("examples") or [] if isinstance(p, dict)],
            }
        )
    cells, n_cells = v.cut(cells, LIVE_CELLS)
    v.notes["live"] = v.more("cells", n_cells)
    statuses = probes.get("statuses") or {}
    groups: dict[tuple[str, str], list[str]] = {}
    unplaced = probes.get("unplaced") or []
    for u in unplaced:
        key = (str(u.get("vantage") or ""), _live_why(v, u))
        groups.setdefault(key, []).append(f"{u.get('dst', '')} {u.get('service', '')}".strip())
    v.live = {
        "intro": v.t("live.report.intro", count=len(runs)),
        "proof": v.t("live.report.proof"),
        "runs": runs,
        "statuses": [
            {"status": s, "label": _live_status_label(v, s), "n": int(statuses.get(s, 0) or 0)} for s in LIVE_STATUSES
        ],
        "cells": cells,
        "not_observed": v.t("live.report.not_observed", count=int(statuses.get("not_observed", 0) or 0)),
        "unplaced": v.t("live.report.unplaced", count=len(unplaced)) if unplaced else v.t("live.report.unplaced.none"),
        "unplaced_groups": [
            v.t(
                "live.report.unplaced.item",
                vantage=vantage,
                why=why,
                count=len(items),
                examples=", ".join(items[:UNPLACED_SHOWN]) + (", …" if len(items) > UNPLACED_SHOWN else ""),
            )
            for (vantage, why), items in groups.items()
        ],
    }


# --------------------------------------------------------------------------- findings
