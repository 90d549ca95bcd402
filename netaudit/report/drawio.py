"""Editable diagram for technicians: a ``.drawio`` file written with N2G.

Same nodes and edges as the SVG diagram (diagram.Graph), placed where Graphviz put
them (laid out for an A4 page: a 17 cm text width is about 640 px; a large network
summarised as in the SVG, ``Graph.level``); red edges carry the
violating flows' arrowheads, the L2 leak its hatched red-bordered box.
Labels are XML-escaped before they reach N2G (which formats them into XML
source) and use plain-text styles (no ``html=1``), so a config string can never become
markup inside draw.io.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from ..safetext import clean
from .diagram import LEAK, Graph, layout

_PX = 96.0  # Graphviz "plain" output is in inches

_STYLES = {
    "device": "rounded=0;whiteSpace=wrap;fillColor=#ffffff;strokeColor=#263238;strokeWidth=2;fontSize=11;",
    "zone": "rounded=1;whiteSpace=wrap;fillColor={color};strokeColor=#455a64;fontSize=11;",
    # The L2 leak: the zones' colours side by side, hatched, inside a thick red border.
    "leak": (
        "rounded=1;whiteSpace=wrap;fillColor={color};gradientColor={color2};gradientDirection=east;"
        "fillStyle=hatch;strokeColor=" + LEAK + ";strokeWidth=4;fontSize=11;fontStyle=1;"
    ),
    "transit": "rounded=1;whiteSpace=wrap;dashed=1;fillColor=#f5f5f5;strokeColor=#9e9e9e;fontSize=10;",
    "observed": (
        "rounded=1;whiteSpace=wrap;dashed=1;fillColor=#fafafa;strokeColor=#757575;fontColor=#616161;fontSize=10;"
    ),
}


def _x(text: str) -> str:
    # Control characters are not allowed in XML (N2G parses the label): made visible first.
    return escape(clean(text, keep="\n"), {'"': "&quot;", "\n": "&#10;", "{": "&#123;", "}": "&#125;"})


def _style(n: dict) -> str:
    if n["kind"] == "zone" and n.get("leak"):
        colors = n.get("colors") or [n["color"]]
        return _STYLES["leak"].format(color=colors[0], color2=colors[-1])
    return _STYLES[n["kind"]].format(color=n.get("color", ""))


def render(doc: dict, lang: str) -> str:
    from N2G import drawio_diagram

    g = Graph(doc, lang)
    pos = layout(g)
    d = drawio_diagram()
    d.add_diagram(id="netaudit", name="netaudit")  # N2G puts the name into an XPath: keep it fixed
    for i, n in enumerate(g.nodes):
        x, y, w, h = pos.get(n["id"], (1.5 + 2.5 * (i % 5), 1.0 + 1.5 * (i // 5), 2.0, 0.8))
        width, height = round(w * _PX), round(h * _PX)
        d.add_node(
            id=n["id"],
            label=_x(n["label"]),
            style=_style(n),
            width=width,
            height=height,
            x_pos=round(x * _PX - width / 2),
            y_pos=round(y * _PX - height / 2),
        )
    for i, e in enumerate(g.edges):
        color = LEAK if e["leak"] else "#78909c"
        width = 3 if e["leak"] else 1
        # Arrowheads from the source zone towards the destination on a violating path.
        start, end = ("classic" if e.get(k) else "none" for k in ("back", "fwd"))
        arrows = f"startArrow={start};endArrow={end};"
        if e.get("observed"):
            color, arrows = "#9e9e9e", "dashed=1;startArrow=none;endArrow=classic;"
        d.add_link(
            e["a"],
            e["b"],
            label=_x(e["label"]),
            link_id=f"e{i}",
            style=f"{arrows}html=0;strokeColor={color};strokeWidth={width};fontColor={color};fontSize=10;",
        )
    return d.dump_xml() + "\n"
