"""Summary and full detail (--detail, netaudit/report/detail.py, docs/report.md "Summary and
full detail", issue #15): the print formats of a large audit are cut to a readable annex,
every cut says how much was left out and where it is in full; a small audit prints the same
in both modes; the Stanford backbone's PDF holds at most 40 pages."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import re
import subprocess

import pytest
import yaml

from netaudit.report import RenderOptions, render_doc
from netaudit.report import detail as caps

from .conftest import PDFTOTEXT, ROOT, cli, sample_doc

MAX_PAGES = 40
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (Debian poppler-utils) is not installed")


def _t(key: str, lang: str = "vi", **fields) -> str:
    from netaudit.messages import t

    return t(key, lang, **fields)


def _copy_id(fid: str, k: int) -> str:
    """The id of copy ``k`` of finding ``fid``, of the shape checks/__init__.py gives ids
    (the check, a colon, 10 hex digits)."""
    return f"{fid.split(':')[0]}:{hashlib.sha256(f'{fid}|{k}'.encode()).hexdigest()[:10]}"


def large_doc(copies: int = 30, extra_zones: int = 4, subnets: int = 40, files: int = 120, warnings: int = 40) -> dict:
    """The leaky commune office grown into a large network: its findings ``copies`` times
    (each copy on other lines, so other root causes), ``extra_zones`` offices with
    ``subnets`` subnets each (their matrix cells copied from the staff zone's), ``files``
    more inputs and ``warnings`` warnings."""
    doc = sample_doc("leaky")
    base = doc["findings"]
    doc["findings"] = []
    for k in range(copies):
        for f in base:
            g = copy.deepcopy(f)
            g["id"] = _copy_id(f["id"], k)
            for e in g.get("evidence") or []:
                if isinstance(e.get("line"), int):
                    e["line"] += 1000 * k
            doc["findings"].append(g)
    for d in (doc.get("remedy") or {}).get("devices", []):
        d["findings"] = [_copy_id(fid, k) for fid in d.get("findings") or [] for k in range(copies)]
    staff = next(z for z in doc["zones"] if z["name"] == "staff")
    for i in range(extra_zones):
        z = copy.deepcopy(staff)
        z.update(name=f"office{i}", subnets=[f"10.{100 + i}.{j}.0/24" for j in range(subnets)])
        z.pop("title", None)
        doc["zones"].append(z)
    cells = {(c["src"], c["dst"]): c for c in doc["matrix"]}

    def like(name: str) -> str:
        return "staff" if name.startswith("office") else name

    names = [z["name"] for z in doc["zones"]]
    matrix = []
    for s in names:
        for d in [*names, "@devices"]:
            if s == d:
                continue
            c = copy.deepcopy(cells.get((like(s), like(d))) or cells[("staff", "servers")])
            c.update(src=s, dst=d)
            matrix.append(c)
    doc["matrix"] = matrix
    doc["inputs"] += [
        {
            "path": f"branch-{i:03d}.cfg",
            "sha256": f"{i:064x}",
            "kind": "config",
            "vendor": "cisco_ios",
            "devices": [f"BRANCH-{i:03d}"],
            "lines": 100,
            "unrecognized": 0,
        }
        for i in range(files)
    ]
    doc["warnings"] = [
        f"branch-{i:03d}.cfg: ip routing not stated; assumed enabled (fail-safe)" for i in range(warnings)
    ]
    doc.pop("warnings_text", None)
    for key in ("compliance", "conclusion"):  # evaluated again from the grown document
        doc.pop(key, None)
    return doc


@pytest.fixture(scope="module")
def large() -> dict:
    return large_doc()


def _view(doc: dict, detail: str, lang: str = "vi"):
    from netaudit.report import prepare_doc
    from netaudit.report.view import build

    options = RenderOptions(lang=lang, detail=detail)
    return build(prepare_doc(doc, options), options)


# --------------------------------------------------------------------------- small audits: unchanged


@pytest.mark.parametrize("name", ["leaky", "compliant"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_small_audit_same_in_both_modes(name, lang):
    """Every list of the samples is within its cap: the summary is the full report, byte for
    byte (the print source of the PDF included), and says nothing about cuts."""
    from netaudit.report.html import render_view, view_with_diagram

    doc = sample_doc(name)
    for fmt in ("html", "md"):
        full = render_doc(doc, fmt, RenderOptions(lang=lang, detail="full"))
        summary = render_doc(doc, fmt, RenderOptions(lang=lang, detail="summary"))
        assert summary == full, fmt
    pdf_source = {
        d: render_view(view_with_diagram(doc, RenderOptions(lang=lang, detail=d))) for d in ("full", "summary")
    }
    assert pdf_source["summary"] == pdf_source["full"]
    assert _t("detail.where", lang) not in pdf_source["summary"]


def test_sample_closest_to_the_caps_unchanged():
    """The sample with the most findings (25, 19 of one kind, 22 change-set lines on one
    device) is still printed whole."""
    from netaudit.audit import run_audit
    from netaudit.report.json_report import audit_dict

    doc = audit_dict(run_audit([ROOT / "sample_configs" / "linux-commune-leaky-iptables"]), RenderOptions())
    assert len(doc["findings"]) > 20
    v = _view(doc, "summary")
    assert v.cuts == 0 and v.findings_other is None and len(v.findings) == len(doc["findings"])
    for fmt in ("html", "md"):
        assert render_doc(doc, fmt, RenderOptions(detail="summary")) == render_doc(doc, fmt, RenderOptions())


def test_defaults_per_format():
    """Summary for the print formats, full otherwise; an explicit choice wins."""
    assert caps.resolve("pdf", None) == caps.resolve("docx", None) == "summary"
    assert caps.resolve("html", None) == caps.resolve("md", None) == "full"
    assert caps.resolve("pdf", "full") == "full" and caps.resolve("html", "summary") == "summary"
    assert caps.resolve("sarif", "summary") == caps.resolve("json", "summary") == "full"


def test_sarif_and_json_always_complete(large):
    """--detail never cuts the machine-readable outputs."""
    sarif = json.loads(render_doc(large, "sarif", RenderOptions(detail="summary")))
    assert len(sarif["runs"][0]["results"]) == len(large["findings"])
    doc = json.loads(render_doc(large, "json", RenderOptions(detail="summary")))
    assert len(doc["findings"]) == len(large["findings"])


# --------------------------------------------------------------------------- a large audit


def test_summary_view_of_a_large_audit(large):
    total = len(large["findings"])
    v = _view(large, "summary")
    assert v.cuts > 0
    # section 4: the first PER_CHECK of each kind (and the entries they refer to), at most FINDINGS.keep
    assert len(v.findings) <= caps.FINDINGS.keep
    per_check: dict[str, int] = {}
    for f in v.findings:
        per_check[f["check"]] = per_check.get(f["check"], 0) + 1
    assert max(per_check.values()) <= 2 * caps.PER_CHECK
    assert [f["no"] for f in v.findings] == list(range(1, len(v.findings) + 1))  # numbered without gaps
    other = v.findings_other
    assert other is not None and other["no"] == len(v.findings) + 1
    left = sum(int(r["count"].split(" / ")[0]) for r in other["rows"])
    assert left == total - len(v.findings) == len(v.omitted)
    # each row's severity is every finding's in it: per severity the rows add up to what is
    # left out (a row per kind read its worst severity for all: 5 critical where there were 4)
    omitted = [f for f in large["findings"] if f["id"] in v.omitted]
    for severity in {f["severity"] for f in omitted}:
        in_rows = sum(int(r["count"].split(" / ")[0]) for r in other["rows"] if r["severity"] == severity)
        assert in_rows == sum(1 for f in omitted if f["severity"] == severity), severity
    assert sum(int(r["count"].split(" / ")[1]) for r in other["rows"]) <= total
    # every finding has a section on paper: its own, or the closing entry that counts it
    ref = _t("ref.finding", sec=4, no=other["no"])
    for f in large["findings"]:
        assert v.finding_refs[f["id"]] == ref if f["id"] in v.omitted else v.finding_refs[f["id"]] != ref
    # the root causes left out are counted, with where they are
    assert "--detail full" in v.notes["root_causes"] and str(other["no"]) in v.notes["root_causes"]
    # the other cuts, each with its note
    assert len(v.inputs) == caps.INPUTS.keep + 1  # and the site file
    assert "120" not in v.notes["inputs"] and str(len(large["inputs"]) - caps.INPUTS.keep) in v.notes["inputs"]
    assert len(v.limits["warnings"]) == caps.WARNINGS.keep and v.notes["warnings"]
    assert v.notes["zones"] and any(_t("detail.inline", n=40 - caps.CELL_ITEMS.keep) in z["subnets"] for z in v.zones)
    assert v.notes["annex"]
    shown = [f for f in v.flows if f["verdict"] != "blocked" and not f["cut"]]
    assert len(shown) == caps.FLOWS.keep and v.flows_note
    # violations first: every violating flow the summary leaves out comes after the kept ones
    assert all(f["violation"] for f in shown) or not any(
        f["violation"] for f in v.flows if f["cut"] and f["verdict"] != "blocked"
    )


def test_full_view_of_a_large_audit_is_complete(large):
    v = _view(large, "full")
    assert v.cuts == 0 and not any(v.notes.values()) and not v.flows_note and v.findings_other is None
    assert len(v.findings) == len(large["findings"])
    assert len(v.inputs) == len(large["inputs"]) + 1
    assert len(v.limits["warnings"]) == len(large["warnings"])
    assert not any(f["cut"] for f in v.flows)


def test_devices_links_and_plan_are_cut_with_notes(large):
    doc = copy.deepcopy(large)
    topo = doc["topology"]
    topo["devices"] += [
        {"name": f"BRANCH-{i:03d}", "vendor": "cisco_ios", "file": f"branch-{i:03d}.cfg", "role": "router"}
        for i in range(70)
    ]
    topo["domains"] += [
        {"id": f"x{i}", "label": f"link {i}", "devices": ["BRANCH-000", "BRANCH-001"], "zones": []} for i in range(20)
    ]
    plan = doc["remedy"]
    plan["devices"] += [
        {"device": f"BRANCH-{i:03d}", "vendor": "cisco_ios", "generator": True, "blocks": [], "findings": []}
        for i in range(20)
    ]
    v = _view(doc, "summary", "en")
    more = len(topo["devices"]) - caps.DEVICES.keep
    assert len(v.inventory["devices"]) == caps.DEVICES.keep and f"{more} more devices" in v.notes["devices"]
    assert len(v.inventory["links"]) == caps.LINKS.keep and v.notes["links"]
    assert len(v.remedy["devices"]) == caps.PLAN_DEVICES.keep
    assert "BRANCH-019" in v.remedy["devices_more"] and "netaudit fix" in v.remedy["devices_more"]


def test_matrix_of_many_zones_is_compact():
    """Above MATRIX_COMPACT zones the summary's matrix cells hold the verdict only (a
    note says where the services, expectations and reasons are); the full report keeps them."""
    doc = large_doc(copies=1, extra_zones=caps.MATRIX_COMPACT - 4, files=0, warnings=0)
    assert len(doc["zones"]) > caps.MATRIX_COMPACT
    v = _view(doc, "summary")
    assert v.matrix["compact"] and v.notes["matrix"]
    assert not any(c["services"] or c["reason"] for r in v.matrix["rows"] for c in r["cells"] if c)
    html = render_doc(doc, "html", RenderOptions(detail="summary"))
    table = html[html.index('id="matrix-summary"') : html.index('id="scope"')]
    assert _t("matrix.expected", expected="")[:8] not in table and v.notes["matrix"] in table
    full = _view(doc, "full")
    assert not full.matrix["compact"] and any(c["services"] for r in full.matrix["rows"] for c in r["cells"] if c)


def test_compact_matrix_names_zones_by_id_and_verdicts_in_a_word():
    """The compact matrix names each zone by its id and each verdict in one word (the
    display names and verdicts in words wrapped letter by letter over four pages of the
    16-zone Stanford print); a violating cell says so alone, the note gives the legend."""
    doc = large_doc(copies=1, extra_zones=caps.MATRIX_COMPACT - 4, files=0, warnings=0)
    v = _view(doc, "summary")
    names = [z["name"] for z in doc["zones"]]
    assert not v.matrix["numbered"]  # the ids fit a column
    assert [r["label"] for r in v.matrix["rows"]] == names
    assert v.matrix["cols"][-1]["label"] == _t("zone.devices.short")
    assert not any(h["id"] for h in (*v.matrix["rows"], *v.matrix["cols"]))
    cls = {(c["src"], c["dst"]): c for c in doc["matrix"]}
    words = {k: _t(f"verdict.{k}.short") for k in ("reachable", "blocked", "unknown")}
    seen = set()
    for row in v.matrix["rows"]:
        for cell in row["cells"]:
            if cell is None:
                continue
            c = cls[(cell["src"], cell["dst"])]
            want = _t("matrix.violation") if c.get("violation") else words[c["verdict"]]
            assert cell["label"] == want and not cell["violation"]
            seen.add(want)
    assert _t("matrix.violation") in seen and len(seen) >= 3
    for word in words.values():
        assert f"“{word}”" in v.notes["matrix"]
    html = render_doc(doc, "html", RenderOptions(detail="summary"))
    assert '<table class="matrix compact">' in html
    full = _view(doc, "full")
    assert full.matrix["rows"][0]["label"] == full.zone(names[0])
    assert {c["label"] for r in full.matrix["rows"] for c in r["cells"] if c} <= {_t(f"verdict.{k}.cap") for k in words}


def test_fewer_flows_printed_above_ten_zones():
    """Above MATRIX_COMPACT zones the summary prints the witness paths of
    FLOWS_MANY_ZONES.keep flows and BLOCKED_MANY_ZONES.keep blocked rows (violations
    first); at 10 zones FLOWS and BLOCKED apply."""
    for extra, flows, blocked in (
        (caps.MATRIX_COMPACT - 6, caps.FLOWS, caps.BLOCKED),
        (caps.MATRIX_COMPACT + 4, caps.FLOWS_MANY_ZONES, caps.BLOCKED_MANY_ZONES),
    ):
        doc = large_doc(copies=1, extra_zones=extra, files=0, warnings=0)
        v = _view(doc, "summary")
        opened = [f for f in v.flows if f["verdict"] != "blocked"]
        closed = [f for f in v.flows if f["verdict"] == "blocked"]
        assert len(opened) > flows.over
        assert sum(not f["cut"] for f in opened) == flows.keep and v.flows_note
        assert all(f["violation"] for f in opened if not f["cut"])
        printed = len(closed) if len(closed) <= blocked.over else blocked.keep
        assert sum(not f["cut"] for f in closed) == printed and bool(v.notes["blocked"]) == (printed < len(closed))
    assert len(closed) > caps.BLOCKED_MANY_ZONES.over  # the many-zone case cuts them


def test_compact_matrix_numbers_columns_of_long_ids():
    """Zone ids longer than a compact column (an inferred site's "mgmt-coza-rtr-res-
    wireless-mgmt") number the columns as the rows, which keep the ids; the legend says
    so.  Short ids stay column heads."""
    from netaudit.report.matrix_view import COMPACT_NAME

    doc = large_doc(copies=1, extra_zones=caps.MATRIX_COMPACT - 4, files=0, warnings=0)
    short = _view(doc, "summary")
    assert not short.matrix["numbered"] and short.matrix["cols"][0]["label"] == doc["zones"][0]["name"]
    long_name = "mgmt-" + "x" * COMPACT_NAME  # longer than a column shows
    old = doc["zones"][-1]["name"]
    doc["zones"][-1]["name"] = long_name
    for c in doc["matrix"]:
        c["src"] = long_name if c["src"] == old else c["src"]
        c["dst"] = long_name if c["dst"] == old else c["dst"]
    v = _view(doc, "summary")
    n = len(doc["zones"])
    assert v.matrix["numbered"] and [c["label"] for c in v.matrix["cols"][:-1]] == [str(i) for i in range(1, n + 1)]
    assert v.matrix["rows"][-1]["label"] == f"{n}. {long_name}"
    assert v.matrix["cols"][-1]["label"] == _t("zone.devices.short")
    assert _t("matrix.compact.numbered") in v.notes["matrix"]
    html = render_doc(doc, "html", RenderOptions(detail="summary"))
    assert '<table class="matrix compact numbered">' in html


def test_unfixable_findings_one_line_per_reason():
    """The findings no change set closes are printed one line per reason, naming the
    sections in order, each once, and how many findings share it."""
    doc = sample_doc("leaky")
    ids = [f["id"] for f in doc["findings"]]
    same = {"vi": "thiếu vùng quản trị", "en": "no management zone"}
    other = {"vi": "lý do khác", "en": "another reason"}
    doc["remedy"]["unfixable"] = [
        {"finding": ids[4], "check": "x", "reason": same},
        {"finding": ids[1], "check": "x", "reason": same},
        {"finding": ids[2], "check": "x", "reason": other},
        {"finding": ids[1], "check": "x", "reason": same},
    ]
    for detail in ("summary", "full"):
        v = _view(doc, detail)
        first, second = v.remedy["unfixable"]
        refs = [v.finding_refs[ids[1]], v.finding_refs[ids[4]]]
        assert first == _t("remedy.unfixable_many", refs=", ".join(refs), n=3) + ": " + same["vi"]
        assert second == f"{v.finding_refs[ids[2]]}: {other['vi']}"
        assert not v.remedy["unfixable_more"]


def test_long_lists_in_a_finding_sentence_are_cut():
    """A check's sentence naming 60 services and every zone (a forged source reaching 50
    zones on 900 ports printed five pages of one finding) names the first FINDING_LIST.keep
    of each list in the summary and says how many more; full detail names them all.  A
    short list and the rest of the sentence are kept."""
    doc = sample_doc("leaky")
    zones = [z["name"] for z in doc["zones"]] + [f"office{i}" for i in range(14)]
    for name in zones[len(doc["zones"]) :]:
        doc["zones"].append({**doc["zones"][0], "name": name, "title": None})
    services = [f"tcp/{1000 + 6 * i}" for i in range(60)]
    f = doc["findings"][0]
    f["detail"] = {
        lang: f"Tới {', '.join(zones)}; dịch vụ: {', '.join(services)}; ngắn: tcp/22, udp/53. Hết."
        for lang in ("vi", "en")
    }
    keep = caps.LIST_IN_TEXT.keep
    summary = _view(doc, "summary").findings[0]["detail"]
    assert f"{', '.join(services[:keep])} {_t('detail.inline', n=60 - keep)};" in summary
    assert services[keep] not in summary and f"dịch vụ: {services[0]}," in summary
    assert _t("detail.inline", n=len(zones) - keep) in summary and zones[-1] not in summary
    assert "ngắn: tcp/22, udp/53. Hết." in " ".join(summary.split())
    full = _view(doc, "full").findings[0]["detail"]
    assert all(x in full for x in services) and "(+" not in full


def test_long_list_in_a_warning_is_cut():
    """A warning naming 30 segments outside every zone, each with its subnets (", " inside
    the parentheses too), names the first LIST_IN_TEXT.keep in the summary, the sentence
    after the list kept; full detail names them all."""
    doc = sample_doc("leaky")
    segments = [f"R{i}:Vlan{i} (10.{i}.0.0/24, 172.16.{i}.0/24)" for i in range(30)]
    text = f"30 segments outside every zone: {', '.join(segments)}. Declare them."
    doc["warnings_text"] = [{"vi": text, "en": text}]
    keep = caps.LIST_IN_TEXT.keep
    [summary] = _view(doc, "summary").limits["warnings"]
    assert summary == f"30 segments outside every zone: {', '.join(segments[:keep])} … (+{30 - keep}). Declare them."
    [full] = _view(doc, "full").limits["warnings"]
    assert full == text


def test_plan_lines_shared_when_the_printed_change_sets_are_long():
    """Eight change sets of 25 lines each (every one within PLAN_LINES) would print 200
    lines: the summary gives each an equal share of PLAN_TOTAL.keep, saying how many more;
    full detail prints every line."""
    doc = sample_doc("leaky")
    zones = [z["name"] for z in doc["zones"]]
    block = {"interface": "Vlan10", "direction": "in", "from": zones[0], "to": zones[1], "allow": []}
    doc["remedy"]["devices"] = [
        {"device": f"R{i}", "vendor": "cisco_ios", "generator": True, "blocks": [block] * 25, "findings": []}
        for i in range(8)
    ]
    share = max(caps.PLAN_LINES_MIN, caps.PLAN_TOTAL.keep // 8)
    assert 25 <= caps.PLAN_LINES.over and 8 * 25 > caps.PLAN_TOTAL.over
    summary = _view(doc, "summary").remedy["devices"]
    assert [len(d["lines"]) for d in summary] == [share] * 8 and all(d["more"] for d in summary)
    full = _view(doc, "full").remedy["devices"]
    assert [len(d["lines"]) for d in full] == [25] * 8 and not any(d["more"] for d in full)


def test_ip_plan_names_a_vlan_once():
    """A zone on a VLAN of two switches (or a router pair) names the VLAN once."""
    doc = sample_doc("leaky")
    zone = doc["zones"][0]
    zone["vlans"] = [*zone["vlans"], *zone["vlans"]]
    v = _view(doc, "full")
    row = next(r for r in v.inventory["ipplan"] if r["zone"] == zone["name"])
    assert row["vlans"].count(",") == len(set(zone["vlans"])) - 1


def _kind_pairs(doc: dict) -> dict[tuple[str, str], dict[str, int]]:
    """The zone pairs of a document counted by (source kind, destination kind) and class."""
    kind = {z["name"]: z["kind"] for z in doc["zones"]}
    kind["@devices"] = "devices"
    out: dict[tuple[str, str], dict[str, int]] = {}
    for c in doc["matrix"]:
        cls = "violation" if c["verdict"] == "reachable" and c.get("violation") else c["verdict"]
        pair = out.setdefault((kind[c["src"]], kind[c["dst"]]), {})
        pair[cls] = pair.get(cls, 0) + 1
    return out


def test_matrix_of_very_many_zones_is_grouped():
    """Above MATRIX_GROUPED zones the summary prints the matrix by zone kind (each cell
    counting its zone pairs by verdict, coloured by the worst) and one row per source zone
    naming the zones it reaches; the full report keeps one cell per zone pair."""
    doc = large_doc(copies=1, extra_zones=caps.MATRIX_GROUPED, files=0, warnings=0)
    names = [z["name"] for z in doc["zones"]]
    assert len(names) > caps.MATRIX_GROUPED
    v = _view(doc, "summary")
    g = v.matrix["grouped"]
    assert g and v.notes["matrix"] == _t(
        "detail.matrix_grouped", n=len(names), pairs=len(doc["matrix"]), where=_t("detail.where")
    )
    expected = _kind_pairs(doc)
    kinds = list(dict.fromkeys(z["kind"] for z in doc["zones"]))
    labels = {_t(f"kind.{k}") for k in kinds}
    assert [r["label"] for r in g["rows"]] == [_t(f"kind.{k}") for k in kinds]
    assert labels <= {c["label"] for c in g["cols"]}
    cols = [*kinds, "devices"]
    for k, row in zip(kinds, g["rows"], strict=True):
        assert row["zones"] == _t("matrix.grouped.zones", n=sum(1 for z in doc["zones"] if z["kind"] == k))
        for d, cell in zip(cols, row["cells"], strict=True):
            pair = expected.get((k, d))
            if not pair:
                assert cell is None
                continue
            order = ("violation", "unknown", "reachable", "blocked")
            assert cell["cls"] == next(c for c in order if pair.get(c))
            assert cell["pairs"] == _t("matrix.grouped.pairs", n=sum(pair.values()))
            assert cell["counts"] == [_t(f"matrix.grouped.{c}", n=pair[c]) for c in order if pair.get(c)]
    # One row per source zone that reaches something: its violations named (cut at
    # OPEN_DESTINATIONS, saying how many more), the blocked ones counted.
    by_src: dict[str, dict[str, list[str]]] = {}
    for c in doc["matrix"]:
        cls = "violation" if c["verdict"] == "reachable" and c.get("violation") else c["verdict"]
        by_src.setdefault(c["src"], {}).setdefault(cls, []).append(c["dst"])
    rows = {r["id"] or r["label"]: r for r in g["sources"]}
    for src, got in by_src.items():
        if set(got) == {"blocked"}:  # reaches no zone: counted in one sentence
            assert src not in rows and (src in g["quiet"] or v.zone(src) in g["quiet"])
            continue
        row = rows[src]
        assert row["blocked"] == len(got.get("blocked", []))
        violating = got.get("violation", [])
        assert len(row["violation"]["items"]) == min(
            len(violating), caps.OPEN_DESTINATIONS.keep if len(violating) > caps.OPEN_DESTINATIONS.over else 99
        )
        more = len(violating) - len(row["violation"]["items"])
        assert row["violation"]["more"] == (_t("detail.inline", n=more) if more else "")
    html = render_doc(doc, "html", RenderOptions(detail="summary"))
    table = html[html.index('id="matrix-summary"') : html.index('id="scope"')]
    assert _t("matrix.grouped.title") in table and _t("matrix.sources.title") in table
    assert 'class="matrix"' not in table  # no zone-pair grid
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    assert set(re.findall(r'href="#([^"]+)"', html)) <= ids  # every named destination links to its flow or a note
    md = render_doc(doc, "md", RenderOptions(lang="en", detail="summary"))
    assert _t("matrix.sources.title", "en") in md and _t("matrix.grouped.pairs", "en", n=2)[2:] in md
    full = _view(doc, "full")
    assert full.matrix["grouped"] is None and len(full.matrix["rows"]) == len(names)


def test_scope_zone_table_of_many_zones_keeps_the_problems():
    """Above PRINT_ZONES zones the summary's section-1 zone table keeps the zones whose
    placement has a problem and says the others are listed in section 6.2 and annex A;
    those list every zone."""
    doc = large_doc(copies=1, extra_zones=caps.PRINT_ZONES - 5, files=0, warnings=0)
    assert len(doc["zones"]) == caps.PRINT_ZONES + 1
    doc["zones"][3]["problems"] = ["subnet 10.9.0.0/24 is not routed by any device"]
    doc["zones"][3].pop("problems_text", None)
    v = _view(doc, "summary")
    assert [z["name"] for z in v.zones] == [doc["zones"][3]["name"]]
    assert _t("detail.zones_elsewhere", n=len(doc["zones"]) - 1, sec=6) in v.notes["zones"]
    assert len(v.inventory["ipplan"]) == len(doc["zones"]) == len(v.site_annex["zones"])
    del doc["zones"][3]["problems"]
    v = _view(doc, "summary")
    assert v.zones == [] and _t("detail.zones_elsewhere.none", n=len(doc["zones"]), sec=6) in v.notes["zones"]
    assert len(_view(doc, "full").zones) == len(doc["zones"])


def test_docx_grouped_matrix():
    docx = pytest.importorskip("docx", reason="python-docx is not installed (pip install -e .)")
    doc = large_doc(copies=1, extra_zones=caps.MATRIX_GROUPED, files=0, warnings=0)
    d = docx.Document(io.BytesIO(render_doc(doc, "docx", RenderOptions(lang="en"))))
    text = "\n".join(p.text for p in d.paragraphs)
    assert _t("matrix.grouped.title", "en") in text and _t("matrix.sources.title", "en") in text
    cells = {c.text for t in d.tables for r in t.rows for c in r.cells}
    assert any(_t("matrix.grouped.pairs", "en", n=1)[2:] in c for c in cells)


def test_compliance_names_each_section_once(large):
    """A compliance row citing hundreds of findings names the printed sections once and
    counts the others ("và N tồn tại được tổng hợp tại mục 4.K")."""
    v = _view(large, "summary")
    other = v.findings_other["no"]
    evidence = " ".join(r["evidence"] for r in v.compliance["rows"])
    assert f"tổng hợp tại mục 4.{other}" in evidence
    assert f"mục 4.{other}, mục 4.{other}" not in evidence
    assert not re.search(r"[a-z-]+:[0-9a-f]{10}", evidence)  # ids in words, none left raw


def test_summary_links_resolve(large):
    """No link of the summary points to a part it left out (matrix cells of flows whose
    paths are cut point to the note saying so)."""
    html = render_doc(large, "html", RenderOptions(detail="summary"))
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets and targets <= ids, sorted(targets - ids)[:10]
    assert 'id="flows-cut"' in html and 'id="findings-other"' in html


def test_markdown_summary(large):
    md = render_doc(large, "md", RenderOptions(lang="en", detail="summary"))
    full = render_doc(large, "md", RenderOptions(lang="en"))
    assert len(md) < len(full) / 3
    assert _t("detail.others.title", "en") in md and "--detail full" in md
    assert _t("detail.others.title", "en") not in full


def test_docx_summary(large):
    docx = pytest.importorskip("docx", reason="python-docx is not installed (pip install -e .)")
    data = render_doc(large, "docx", RenderOptions(lang="en"))  # the print default: summary
    full = render_doc(large, "docx", RenderOptions(lang="en", detail="full"))
    d, f = docx.Document(io.BytesIO(data)), docx.Document(io.BytesIO(full))
    text = "\n".join(p.text for p in d.paragraphs)
    assert _t("detail.summary_note", "en", where=_t("detail.where", "en")) in text
    assert _t("detail.others.title", "en") in text
    assert len(d.paragraphs) < len(f.paragraphs) / 3


def _pdf_text(path) -> str:
    return subprocess.run([PDFTOTEXT, str(path), "-"], capture_output=True, check=True).stdout.decode("utf-8")


@needs_pdftotext
def test_large_pdf_is_summarised(large, tmp_path):
    pdf = tmp_path / "large.pdf"
    pdf.write_bytes(render_doc(large, "pdf", RenderOptions()))
    text = _pdf_text(pdf)
    pages = text.count("\f")
    assert 0 < pages <= MAX_PAGES, pages
    flat = " ".join(text.split())
    for key in ("detail.others.title", "matrix.summary.title"):
        assert _t(key) in flat, key
    assert " ".join(_t("detail.summary_note", where=_t("detail.where")).split()) in flat
    assert flat.count("--detail full") >= 5


@needs_pdftotext
def test_pdf_full_detail_gives_more(tmp_path):
    """`netaudit report --format pdf` summarises an audit over the caps; `--detail full`
    prints every finding (here 40, just over FINDINGS.over)."""
    doc = large_doc(copies=2, extra_zones=0, files=0, warnings=0)
    assert caps.FINDINGS.over < len(doc["findings"]) <= 2 * caps.FINDINGS.over
    saved = tmp_path / "audit.json"
    saved.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    text = {}
    for detail in ("summary", "full"):
        pdf = tmp_path / f"{detail}.pdf"
        args = ["--detail", detail] if detail == "full" else []
        res = cli("report", saved, "--format", "pdf", "-o", pdf, "--lang", "en", *args, timeout=300)
        assert res.returncode == 0, res.stderr.decode()[-2000:]
        text[detail] = _pdf_text(pdf)
    entries = {d: {int(n) for n in re.findall(r"\bsection 4\.(\d+)\b", t)} for d, t in text.items()}
    assert max(entries["full"]) == len(doc["findings"]) > max(entries["summary"])
    assert text["full"].count("\f") > text["summary"].count("\f")
    assert _t("detail.others.title", "en") in " ".join(text["summary"].split())
    assert "--detail full" not in text["full"]


# --------------------------------------------------------------------------- the Stanford backbone


@pytest.fixture(scope="module", params=[8, 16, 0], ids=["8-zones", "16-zones", "inferred-zones"])
def stanford_json(request, tmp_path_factory, corpus_dir):
    """The Stanford backbone's JSON document with one zone per building (8), per half
    building (16: the compact matrix) or the zones inferred (0: 18 zones with long ids,
    186 segments outside every zone, the compact matrix numbered)."""
    from bench.stanford import site_dict

    from netaudit.audit import run_audit
    from netaudit.inputs import load_snapshot
    from netaudit.report.json_report import audit_dict
    from netaudit.safetext import dumps_json

    folder = tmp_path_factory.mktemp("stanford")
    corpus = corpus_dir / "stanford-backbone"
    site = folder / "stanford-site.yaml"
    if request.param:
        devices = load_snapshot([corpus]).devices
        site.write_text(yaml.safe_dump(site_dict(devices, halves=request.param == 16)), encoding="utf-8")
    doc = audit_dict(run_audit([corpus], site if request.param else None), RenderOptions())
    out = folder / "stanford.json"
    out.write_text(dumps_json(doc, indent=2), encoding="utf-8")
    return out


@needs_pdftotext
def test_stanford_pdf_within_40_pages(stanford_json, tmp_path):
    """Issue #15: the Stanford backbone (one zone per building, hundreds of findings) prints
    as an annex of at most 40 pages by default (341 before), saying what it cut and where
    the rest is; --detail full gives the rest (here: every finding, in the HTML)."""
    pdf = tmp_path / "stanford.pdf"
    res = cli("report", stanford_json, "--format", "pdf", "-o", pdf, timeout=300)
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    text = _pdf_text(pdf)
    pages = text.count("\f")
    assert 0 < pages <= MAX_PAGES, pages
    flat = " ".join(text.split())
    assert " ".join(_t("detail.summary_note", where=_t("detail.where")).split()) in flat
    assert _t("detail.others.title") in flat
    assert "tồn tại còn lại được tổng hợp theo loại" in flat and "--detail full" in flat
    doc = json.loads(stanford_json.read_text(encoding="utf-8"))
    total = len(doc["findings"])
    entries = {int(n) for n in re.findall(r"\b4\.(\d+)\. ", flat)}  # the printed ones and "Các tồn tại khác"
    assert entries == set(range(1, len(entries) + 1)) and len(entries) < total
    assert f"4.{len(entries)}. {_t('detail.others.title')}" in flat
    compact = len(doc["zones"]) > caps.MATRIX_COMPACT
    assert (_t("verdict.unknown.short") in flat) == compact
    reasons = {u["reason"]["vi"] for u in doc["remedy"]["unfixable"]}
    for reason in reasons:  # one line per reason
        assert flat.count(" ".join(reason.split())) == 1, reason
    # --detail full: every finding has its entry
    articles = {}
    for detail in ("summary", "full"):
        html = tmp_path / f"stanford-{detail}.html"
        res = cli("report", stanford_json, "--format", "html", "--detail", detail, "-o", html, timeout=300)
        assert res.returncode == 0, res.stderr.decode()[-2000:]
        articles[detail] = html.read_text(encoding="utf-8").count('<article class="finding')
    assert articles["full"] == total
    assert articles["summary"] == len(entries) < total


def test_a_finding_naming_many_zones_is_cut(large):
    """A finding naming 20 zones (a guest VLAN isolated from every staff VLAN) names the
    first FINDING_ZONES.keep in the summary, the last saying how many more; all of them
    in full detail."""
    doc = copy.deepcopy(large)
    f = doc["findings"][0]
    f["zones"] = [f"staff-vlan{i}" for i in range(20)]
    printed = next(g for g in _view(doc, "summary").findings if g["id"] == f["id"])
    assert len(printed["zones"]) == caps.FINDING_ZONES.keep
    assert printed["zones"][-1].endswith(_t("detail.inline", n=20 - caps.FINDING_ZONES.keep))
    full = next(g for g in _view(doc, "full").findings if g["id"] == f["id"])
    assert len(full["zones"]) == 20 and not any("(+" in z for z in full["zones"])


def _evidence_one_by_one(v, row: dict) -> str:
    """A compliance row's evidence with each finding id replaced in turn, the longest first
    (what view._evidence did before it replaced them in one pass)."""
    from netaudit.report import view as view_module

    text = v.L(row["evidence"])
    for fid in sorted(row.get("findings") or [], key=len, reverse=True):
        if fid in v.finding_refs:
            text = text.replace(fid, v.finding_refs[fid])
    return v.prose(view_module._compress_refs(v, text) if row.get("findings") else text)


@pytest.mark.parametrize("detail", ["summary", "full"])
def test_evidence_ids_replaced_in_one_pass_as_one_by_one(large, detail):
    """view._evidence replaces a row's finding ids in one pass (a row naming 50,000
    findings took 15 s one by one: issue #15); the text is the same, also for an id of
    another shape (replaced the old way) and for ids at the end of a sentence."""
    from netaudit.report import view as view_module

    v = _view(large, detail)
    rows = [r for reg in v.doc["compliance"]["regimes"] for r in reg["rows"]]
    assert any(len(r.get("findings") or []) > 50 for r in rows)
    fid = large["findings"][0]["id"]
    v.finding_refs["legacy-7"] = "mục 4.99"
    rows.append({"evidence": f"Xem {fid}. Và legacy-7, ({fid}): {fid}", "findings": [fid, "legacy-7"]})
    for row in rows:
        assert view_module._evidence(v, row) == _evidence_one_by_one(v, row)
    assert "mục 4.99" in view_module._evidence(v, rows[-1])
