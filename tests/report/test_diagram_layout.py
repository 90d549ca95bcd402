"""The network diagram laid out for the page (issue #14, "Diagram").

- An A4 page (17 cm text width) shows the samples with labels of at least 7 pt: the SVG's
  width/height ratio and smallest font, scaled as the report's CSS scales it.
- Only the edges on a violating flow's path are red, with arrowheads from the source
  zone towards the destination.
- A bridge without VLAN filtering that merges staff and guest is drawn as the leak
  (red double border, striped, "staff + guest in one L2 segment"), in SVG and .drawio.
- The .drawio stays within about 1,100 px for these samples; the Stanford backbone
  (hundreds of VLANs) does not explode: summarised, it prints its labels at >= 6 pt.
"""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path
from xml.dom import minidom

import pytest
from helpers import ROOT

from netaudit.report.diagram import LEAK, PAGE_HEIGHT, PAGE_WIDTH, Graph, print_scale, svg
from netaudit.report.dot import dot_available

pytestmark = pytest.mark.skipif(not dot_available(), reason="Graphviz dot is not installed")

FORTIGATE = "sample_configs/fortigate-ttpvhcc-leaky-policy"
CISCO = "sample_configs/cisco-commune-leaky"
BRIDGE = "sample_configs/routeros-commune-leaky-bridge"
SAMPLES = (FORTIGATE, CISCO, BRIDGE)
STANFORD = ROOT.parent / "shared" / "corpus" / "stanford-backbone"

_DOCS: dict[str, dict] = {}


def doc_of(sample: str, site: Path | None = None) -> dict:
    """The JSON audit document of a sample (cached)."""
    if sample not in _DOCS:
        from netaudit.audit import run_audit
        from netaudit.report import RenderOptions
        from netaudit.report.json_report import audit_dict

        old = os.getcwd()
        os.chdir(ROOT)
        try:
            _DOCS[sample] = audit_dict(run_audit([sample], site), RenderOptions())
        finally:
            os.chdir(old)
    return copy.deepcopy(_DOCS[sample])


def text_source(sample: str) -> str:
    return Graph(doc_of(sample), "vi").dot()


def view_box(text: str) -> tuple[float, float]:
    w, h = re.search(r'viewBox="0(?:\.0+)? 0(?:\.0+)? ([\d.]+) ([\d.]+)"', text).groups()
    return float(w), float(h)


def font_sizes(text: str) -> list[float]:
    return [float(s) for s in re.findall(r'font-size="([\d.]+)"', text)]


def drawio_width(xml: str) -> int:
    """Width in px of what the .drawio draws (its vertices' bounding box)."""
    cells = re.findall(r'<mxGeometry x="(-?\d+)" y="-?\d+" width="(\d+)"', xml)
    assert cells
    return max(int(x) + int(w) for x, w in cells) - min(int(x) for x, _ in cells)


def edge_styles(svg_text: str) -> dict[str, str]:
    """SVG edge title ("dev0->dom3") → the edge's markup."""
    out = {}
    for m in re.finditer(r'<g id="edge\d+" class="edge">\s*<title>(.*?)</title>(.*?)</g>', svg_text, re.S):
        out[m.group(1).replace("&#45;", "-").replace("&gt;", ">")] = m.group(2)
    return out


# ----------------------------------------------------------------------------- the page


@pytest.mark.parametrize("sample", SAMPLES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_a4_page_shows_labels_of_at_least_7pt(sample, lang):
    text, err = svg(doc_of(sample), lang)
    assert text and not err
    width, height = view_box(text)
    scale = print_scale(width, height)  # as wide as the text, capped at the page's height
    assert min(font_sizes(text)) * scale >= 7.0, (width, height, scale)
    # Not a strip: printed full width it is no taller than the room on its page.
    assert width / height >= PAGE_WIDTH / PAGE_HEIGHT * 0.75, (width, height)


def test_fortigate_zones_wrap_into_rows_on_an_a4_width():
    """Before: every zone on one row, 1,756 by 276 pt (ratio 6.4), labels ≈ 2.2 pt at A4."""
    text, _ = svg(doc_of(FORTIGATE), "vi")
    width, height = view_box(text)
    assert width <= PAGE_WIDTH * 1.15, width
    assert 0.8 <= width / height <= 2.0, (width, height)
    assert min(font_sizes(text)) * PAGE_WIDTH / width >= 7.0
    # The ten zones hang off the firewall on several rows, not one.
    g = Graph(doc_of(FORTIGATE), "vi")
    assert g.dot() == text_source(FORTIGATE)
    assert max(e.get("minlen", 1) for e in g.edges) >= 3
    assert g.grid  # the rows kept in columns by invisible edges


@pytest.mark.parametrize("sample", SAMPLES)
def test_drawio_fits_about_an_a4_width(sample):
    """Before: FortiGate 2,330 px, Cisco 1,226 px."""
    from netaudit.report.drawio import render

    xml = render(doc_of(sample), "en")
    minidom.parseString(xml)
    assert drawio_width(xml) <= 1100


# ----------------------------------------------------------------------------- violating paths


def test_only_edges_on_a_violating_path_are_red_with_their_direction():
    doc = doc_of(FORTIGATE)
    g = Graph(doc, "en")
    text, _ = svg(doc, "en")
    label = {n["id"]: n["label"].split("\n")[0] for n in g.nodes}
    red = {(label[e["a"]], label[e["b"]]): e for e in g.edges if e["leak"]}
    grey = {(label[e["a"]], label[e["b"]]) for e in g.edges if not e["leak"]}
    fw = "FGT-TTHCC-TH"
    # mgmt reaches nothing it should not and nothing reaches it beyond the policy; the
    # FortiLink segment carries no flow: grey, no arrowheads.
    assert (fw, "mgmt") in grey
    assert any(a == fw and b.startswith(("link segment", "đoạn")) for a, b in grey)
    # guest only sends (guest → staff, servers): one arrowhead, towards the firewall.
    guest = red[(fw, "guest")]
    assert guest["back"] and not guest["fwd"]
    # staff only receives (counter, kiosk, guest → staff): towards staff.
    staff = red[(fw, "staff")]
    assert staff["fwd"] and not staff["back"]
    # counter ↔ kiosk both ways.
    assert red[(fw, "counter")]["fwd"] and red[(fw, "counter")]["back"]
    # internet → servers: from the Internet down to the firewall.
    internet = red[("internet", fw)]
    assert internet["fwd"] and not internet["back"]
    # The same in the SVG: red strokes and arrowheads only on those edges.
    styles = edge_styles(text)
    ids = {label[n["id"]]: n["id"] for n in g.nodes}
    for (a, b), e in red.items():
        markup = styles[f"{ids[a]}->{ids[b]}"]
        assert f'stroke="{LEAK}"' in markup
        assert markup.count("<polygon") == int(e["fwd"]) + int(e["back"])
    for a, b in grey:
        markup = styles[f"{ids[a]}->{ids[b]}"]
        assert LEAK not in markup and "<polygon" not in markup


def test_every_red_edge_is_crossed_by_a_violating_witness():
    """Cisco demo: before, the uplink (RT ↔ link ↔ CORE) was red because of the spoofing
    finding; the diagram's red is the matrix's violating flows."""
    doc = doc_of(CISCO)
    g = Graph(doc, "en")
    label = {n["id"]: n["label"].split("\n")[0] for n in g.nodes}
    red = {(label[e["a"]], label[e["b"]]) for e in g.edges if e["leak"]}
    # every zone VLAN takes part in a violation; the uplink and the Internet do not
    assert red == {("UBNDHB-CORE", z) for z in ("staff", "servers", "counter", "guest", "mgmt")}, red
    directions = {label[e["b"]]: (e["fwd"], e["back"]) for e in g.edges if e["leak"]}
    assert directions["servers"] == (True, False)  # only a destination
    assert directions["guest"] == (True, True)  # guest → …, and counter → guest


# ----------------------------------------------------------------------------- the L2 leak


@pytest.mark.parametrize("lang,words", [("en", "staff + guest in one L2 segment"), ("vi", "staff + guest chung")])
def test_merged_bridge_is_drawn_as_the_leak(lang, words):
    doc = doc_of(BRIDGE)
    g = Graph(doc, lang)
    leak = [n for n in g.nodes if n.get("leak")]
    assert len(leak) == 1
    node = leak[0]
    assert words in node["label"].replace("\n", " ")
    assert len(node["colors"]) == 2  # staff's and guest's colours, not "internal" alone
    line = next(x for x in g.dot().splitlines() if x.strip().startswith(node["id"] + " ["))
    assert f'color="{LEAK}"' in line and "peripheries=2" in line and "striped" in line
    text, _ = svg(doc, lang)
    assert words.split(" + ")[0] in text and f'stroke="{LEAK}"' in text
    from netaudit.report.drawio import render

    xml = render(doc, lang)
    cell = re.search(r'<object id="' + node["id"] + r'" label="([^"]*)">\s*<mxCell style="([^"]*)"', xml)
    assert words in cell.group(1).replace("&#10;", " ")
    assert f"strokeColor={LEAK}" in cell.group(2) and "fillStyle=hatch" in cell.group(2)


def test_zones_of_one_segment_without_a_violation_are_not_a_leak():
    doc = doc_of(BRIDGE)
    for c in doc["matrix"]:
        c["violation"] = False
    doc["findings"] = []
    g = Graph(doc, "en")
    assert not any(n.get("leak") for n in g.nodes)
    assert not any(e["leak"] for e in g.edges)


# ----------------------------------------------------------------------------- a campus


@pytest.mark.skipif(not STANFORD.is_dir(), reason="shared corpus not present (../shared/corpus)")
def test_stanford_backbone_does_not_explode(tmp_path):
    """16 routers, ~290 L2 domains: before, 92,660 pt wide (every VLAN a node, all on one
    rank).  Domains with the same zones on the same devices are one node now, and the
    ranks start from the network's centre.  That still drew 63 nodes 6,627 by 521 pt
    (print scale 0.07: 9 pt labels at 0.65 pt; the .drawio 8,781 px wide): now the
    diagram is summarised, a node per building's router pair under one backbone node,
    the buildings stacked in rows, and prints its smallest label at >= 6 pt."""
    import sys

    import yaml

    sys.path.insert(0, str(ROOT / "tests"))
    from bench.stanford import site_dict

    from netaudit.inputs import load_snapshot
    from netaudit.report.drawio import render

    site = tmp_path / "site.yaml"
    site.write_text(yaml.safe_dump(site_dict(load_snapshot([STANFORD]).devices)), encoding="utf-8")
    doc = doc_of(str(STANFORD), site)
    g = Graph(doc, "en")
    assert len(g.nodes) < 120
    full_label = {n["id"]: n["label"].split("\n")[0] for n in g.nodes}
    router = {n["id"] for n in g.nodes if n["kind"] == "device"}
    # (router, zone, towards the zone, from the zone) of every red edge
    full_red = {
        (full_label[e["a"]], full_label[e["b"]], e["fwd"], e["back"])
        if e["a"] in router
        else (full_label[e["b"]], full_label[e["a"]], e["back"], e["fwd"])
        for e in g.edges
        if e["leak"]
    }
    assert full_red  # each building's own zone sends a violating flow through its routers
    g.dot()
    assert g.level == 2
    assert len(g.nodes) <= 20, len(g.nodes)
    label = {n["id"]: n["label"].split("\n")[0] for n in g.nodes}
    # a building's router pair is one node; the backbone's shared segments one more
    assert "boza_rtr, bozb_rtr" in label.values() and "yoza_rtr, yozb_rtr" in label.values()
    assert sum(1 for n in g.nodes if n["kind"] == "transit") == 1
    assert max(e.get("minlen", 1) for e in g.edges) >= 3  # the buildings in several rows
    for lang in ("en", "vi"):
        text, _ = svg(doc, lang)
        width, height = view_box(text)
        scale = print_scale(width, height)
        assert min(font_sizes(text)) * scale >= 6.0, (lang, width, height, scale)
        assert width < PAGE_WIDTH * 1.5, width
    # The leaking edges are still red, with their direction: from each building's zone
    # towards its routers, as in the full diagram (where the zone was under one router).
    text, _ = svg(doc, "en")
    styles = edge_styles(text)
    red = [e for e in g.edges if e["leak"]]
    assert {label[e["b"]] for e in red} == {z for _, z, _, _ in full_red}
    for e in red:
        routers = label[e["a"]]
        assert routers.endswith("_rtr") and not e["fwd"] and e["back"], (routers, e)
        assert (routers.split(", ")[0], label[e["b"]], False, True) in full_red
        markup = styles[f"{e['a']}->{e['b']}"]
        assert f'stroke="{LEAK}"' in markup and markup.count("<polygon") == 1
    for e in g.edges:
        if not e["leak"]:
            assert LEAK not in styles[f"{e['a']}->{e['b']}"]
    # The .drawio uses the same summarised layout.
    xml = render(doc, "en")
    minidom.parseString(xml)
    assert drawio_width(xml) <= 1100, drawio_width(xml)
    assert xml.count(f"strokeColor={LEAK}") == len(red)


@pytest.mark.parametrize("sample", SAMPLES)
def test_the_samples_are_not_summarised(sample):
    g = Graph(doc_of(sample), "en")
    count = len(g.nodes)
    g.dot()
    assert g.level == 0 and len(g.nodes) == count


def test_one_layout_serves_the_report_and_its_drawio(monkeypatch):
    """The report's SVG and its .drawio lay out the same graph: dot runs once per fitted
    source (plain and svg written together, report/dot.lay_out), and what it writes is
    what ``dot -Tplain`` alone writes for that source."""
    import subprocess

    from netaudit.report import RenderOptions, dot, prepare_doc
    from netaudit.report.drawio import render

    doc = prepare_doc(doc_of(CISCO), RenderOptions())
    dot.forget()
    runs = []
    real = dot._run_dot
    monkeypatch.setattr(dot, "_run_dot", lambda source, fmts, *rest: runs.append(fmts) or real(source, fmts, *rest))
    picture, _ = svg(doc, "vi")
    fitting = len(runs)
    assert fitting >= 1 and all(set(f) == {"plain", "svg"} for f in runs)
    render(doc, "vi")
    assert len(runs) == fitting  # the .drawio: no layout of its own
    source = Graph(doc, "vi").dot()
    alone = subprocess.run(["dot", "-Tplain"], input=source.encode("utf-8"), capture_output=True, check=True).stdout
    assert dot.lay_out(source, "plain") == alone and len(runs) == fitting
    assert picture.startswith("<svg") and "CORE" in picture.upper()


def test_eighty_rooms_under_one_core_lay_out_whole(tmp_path):
    """An IOS core with 80 room VLANs (tests/bench/test_bench_scale.zones_office): every
    zone is in the picture, whose placement is bounded for a graph this large (dot's
    ``nslimit``; 1.4 s a run before) while a sample's is not."""
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    from bench.test_bench_scale import zones_office

    from netaudit.audit import run_audit
    from netaudit.report import RenderOptions, prepare_doc
    from netaudit.report.diagram import LARGE_GRAPH
    from netaudit.report.json_report import audit_dict

    zones_office(tmp_path, 80)
    doc = prepare_doc(audit_dict(run_audit([tmp_path], tmp_path / "site.yaml"), RenderOptions()), RenderOptions())
    g = Graph(doc, "vi")
    assert len(g.nodes) > LARGE_GRAPH and "nslimit=" in g.dot()
    picture, error = svg(doc, "vi")
    assert not error
    for i in range(80):
        assert f"phong{i:02d}" in picture
    assert "nslimit" not in text_source(CISCO)


def test_a_failing_dot_is_said_not_raised(tmp_path, monkeypatch):
    """dot exits with an error (a broken Graphviz install): the HTML/PDF diagram and the
    DOCX picture say why in one line instead of ending the report with a traceback."""
    from netaudit.report import RenderOptions, dot, prepare_doc
    from netaudit.report.docx_report import diagram_png

    fake = tmp_path / "dot"
    fake.write_text("#!/bin/sh\necho 'Error: <stdin>: syntax error in line 1' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    dot.forget()
    doc = prepare_doc(doc_of(CISCO), RenderOptions())
    assert svg(doc, "en") == ("", "dot -Tplain -Tsvg: exit 1: Error: <stdin>: syntax error in line 1")
    # The DOCX fails where the picture is fitted to the page, before its PNG.
    assert diagram_png(doc, "en") == (b"", "dot -Tplain -Tsvg: exit 1: Error: <stdin>: syntax error in line 1")
    dot.forget()
