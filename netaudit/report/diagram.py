"""Network diagram from the JSON document: Graphviz DOT → inline SVG, and the node layout
reused for the editable ``.drawio`` file (drawio.py).

Nodes: devices (boxes), L2 domains that carry a zone, an L3 interface shared by
several devices, or a link (ellipses, filled with the zone kind's colour).  Edges:
device — domain, labelled with the device's interface(s) in it.  Edges on the witness
path of a policy violation are drawn in red.

Every label is built here from data and escaped for DOT (backslashes and quotes);
Graphviz escapes the SVG text itself.  Node ids are synthetic (``dev0``, ``dom3``), so
no input string reaches an id, a comment or an attribute name.
"""

from __future__ import annotations

import re
import shutil

from ..messages import t
from ..safetext import clean
from .view import KIND_COLORS

LEAK = "#c62828"
FONT = "DejaVu Sans"


def _q(text: str) -> str:
    """A DOT quoted string (escString: backslash escapes, \\n line breaks); control and
    bidi characters first made visible (safetext.clean: Graphviz would copy them into
    the SVG, where XML forbids most of them)."""
    text = clean(text, keep="\n")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _short(ifname: str) -> str:
    for long, short in (
        ("GigabitEthernet", "Gi"),
        ("TenGigabitEthernet", "Te"),
        ("FastEthernet", "Fa"),
        ("Ethernet", "Eth"),
        ("Port-channel", "Po"),
    ):
        if ifname.startswith(long):
            return short + ifname[len(long) :]
    return ifname


# Observed hosts drawn per vantage point; the others are counted in one node (the live
# section and the JSON list them all).
MAX_OBSERVED_HOSTS = 12


def _hosts_to_draw(run: dict, vantage: dict) -> list[dict]:
    """The run's distinct hosts, those that route first (the gateway, the traces' hops)."""
    routers = {str(vantage.get("gateway") or "")} | {
        str(h) for tr in run.get("traces") or [] for h in tr.get("hops") or [] if h
    }
    out: dict[str, dict] = {}
    for h in run.get("hosts") or []:
        addr = str(h.get("address") or "")
        if addr and addr not in out:
            out[addr] = h
    return sorted(out.values(), key=lambda h: str(h.get("address")) not in routers)


class Graph:
    """Nodes and edges of the diagram (shared by SVG and drawio output)."""

    def __init__(self, doc: dict, lang: str):
        topo = doc.get("topology") or {}
        kinds = {z["name"]: z["kind"] for z in doc.get("zones", [])}
        subnets = {z["name"]: z.get("subnets", []) for z in doc.get("zones", [])}
        self.nodes: list[dict] = []  # id, label, kind (device|zone|transit), color
        self.edges: list[dict] = []  # a, b, label, leak
        dev_id: dict[str, str] = {}
        for i, d in enumerate(topo.get("devices", [])):
            nid = f"dev{i}"
            dev_id[d["name"]] = nid
            role = t(f"role.{d.get('role', 'other')}", lang)
            self.nodes.append({"id": nid, "label": f"{d['name']}\n{role}", "kind": "device", "color": "#ffffff"})
        dom_id: dict[str, str] = {}
        zone_node: dict[str, str] = {}
        if_domain: dict[tuple[str, str], str] = {}
        members: dict[tuple[str, str], list[str]] = {}
        for d in topo.get("devices", []):
            for itf in d.get("interfaces", []):
                if itf.get("domain") and not itf.get("shutdown"):
                    if_domain[(d["name"], itf["name"])] = itf["domain"]
        addrs: dict[str, list[str]] = {}
        for d in topo.get("devices", []):
            for itf in d.get("interfaces", []):
                if itf.get("domain") and not itf.get("shutdown"):
                    addrs.setdefault(itf["domain"], []).extend(itf.get("addresses", []))
        self.roots: list[str] = []
        for dom in topo.get("domains", []):
            zones = dom.get("zones", [])
            if not (zones or dom.get("interfaces") or len(dom.get("devices", [])) > 1):
                continue
            nid = f"dom{len(dom_id)}"
            dom_id[dom["id"]] = nid
            vlans = sorted({v.split(":", 1)[1] for v in dom.get("vlans", []) if ":" in v}, key=_num)
            where = (
                ("VLAN " + ", ".join(vlans))
                if vlans
                else ", ".join(_short(i.split(":", 1)[1]) for i in dom.get("interfaces", [])[:2])
            )
            for z in zones:
                zone_node.setdefault(z, nid)
            if zones:
                kind = kinds.get(zones[0], "")
                if kind == "external":
                    self.roots.append(nid)
                lines = [", ".join(zones), t(f"kind.{kind}", lang) if kind else ""]
                nets = [s for z in zones for s in subnets.get(z, [])]
                if nets:
                    lines.append(", ".join(nets[:3]) + (" …" if len(nets) > 3 else ""))
                lines.append(where)
                self.nodes.append(
                    {
                        "id": nid,
                        "label": "\n".join(x for x in lines if x),
                        "kind": "zone",
                        "color": KIND_COLORS.get(kind, "#e0e0e0"),
                    }
                )
            else:
                nets = sorted({_network(a) for a in addrs.get(dom["id"], [])})
                self.nodes.append(
                    {
                        "id": nid,
                        "label": "\n".join([t("diagram.transit", lang)] + (nets or [where])),
                        "kind": "transit",
                        "color": "#f5f5f5",
                    }
                )
        # device — domain edges, labelled by the L3 interfaces (else the first ports).
        for d in topo.get("devices", []):
            for itf in d.get("interfaces", []):
                did = itf.get("domain")
                if did in dom_id and not itf.get("shutdown"):
                    members.setdefault((d["name"], did), []).append(
                        ("0" if itf.get("addresses") else "1") + itf["name"]
                    )
        leaks = self._leaks(doc, if_domain)
        for (dev, did), names in members.items():
            names = sorted(names, key=lambda n: n[0])  # L3 interfaces first, config order kept
            l3 = [n[1:] for n in names if n[0] == "0"]
            shown = l3 or [n[1:] for n in names]
            label = ", ".join(_short(n) for n in shown[:2]) + (" …" if len(shown) > 2 else "")
            self.edges.append({"a": dev_id[dev], "b": dom_id[did], "label": label, "leak": (dev, did) in leaks})
        self._orient()
        self._observed(doc, lang, zone_node)
        self.empty = not self.nodes

    def _observed(self, doc: dict, lang: str, zone_node: dict[str, str]) -> None:
        """What ``netaudit scan``/``probe`` saw (``probes.runs[]``), drawn apart from the
        configuration: per run a vantage node under its zone, the hosts it saw, and each
        trace as a chain of hops toward the zone it was traced to (all dashed, grey)."""
        word = t("live.diagram.observed", lang)
        for r, run in enumerate((doc.get("probes") or {}).get("runs") or []):
            vantage = run.get("vantage") or {}
            zone = str(vantage.get("zone") or "")
            vid = f"obs{r}"
            self.nodes.append(
                {"id": vid, "label": f"{word}: {zone}\n{vantage.get('address') or ''}".strip(), "kind": "observed"}
            )
            if zone in zone_node:
                self.edges.append({"a": zone_node[zone], "b": vid, "label": "", "leak": False, "observed": True})
            seen: dict[str, str] = {}
            hosts = _hosts_to_draw(run, vantage)
            for h in hosts[:MAX_OBSERVED_HOSTS]:
                addr = str(h.get("address") or "")
                hid = seen[addr] = f"obs{r}h{len(seen)}"
                label = "\n".join(x for x in (word, addr, str(h.get("mac") or "")) if x)
                self.nodes.append({"id": hid, "label": label, "kind": "observed"})
                self.edges.append({"a": vid, "b": hid, "label": "", "leak": False, "observed": True})
            if len(hosts) > MAX_OBSERVED_HOSTS:  # a /22 sweep would bury the configured network
                more = t("live.diagram.more_hosts", lang, count=len(hosts) - MAX_OBSERVED_HOSTS)
                self.nodes.append({"id": f"obs{r}more", "label": more, "kind": "observed"})
                self.edges.append({"a": vid, "b": f"obs{r}more", "label": "", "leak": False, "observed": True})
            for k, tr in enumerate(run.get("traces") or []):
                prev = vid
                for j, hop in enumerate(tr.get("hops") or []):
                    hop = str(hop) if hop else ""
                    if hop and hop in seen:
                        nid = seen[hop]
                    else:
                        nid = f"obs{r}t{k}_{j}"
                        self.nodes.append({"id": nid, "label": f"{word}\n{hop or '*'}", "kind": "observed"})
                        if hop:
                            seen[hop] = nid
                    self.edges.append({"a": prev, "b": nid, "label": "", "leak": False, "observed": True})
                    prev = nid
                target = zone_node.get(str(tr.get("zone") or ""))
                if target and prev != vid:
                    self.edges.append(
                        {"a": prev, "b": target, "label": "", "leak": False, "observed": True, "loose": True}
                    )

    def _orient(self) -> None:
        """Direct each edge away from the Internet (breadth-first), so dot ranks the
        picture top-down: Internet, edge device, links, core, zones."""
        adj: dict[str, list[str]] = {}
        for e in self.edges:
            adj.setdefault(e["a"], []).append(e["b"])
            adj.setdefault(e["b"], []).append(e["a"])
        depth = {r: 0 for r in self.roots}
        queue = list(self.roots)
        while queue:
            n = queue.pop(0)
            for m in adj.get(n, []):
                if m not in depth:
                    depth[m] = depth[n] + 1
                    queue.append(m)
        for e in self.edges:
            da, db = depth.get(e["a"]), depth.get(e["b"])
            if da is not None and db is not None and db < da:
                e["a"], e["b"], e["flip"] = e["b"], e["a"], True

    @staticmethod
    def _leaks(doc: dict, if_domain: dict) -> set[tuple[str, str]]:
        """(device, domain) pairs on the witness path of a violating cell or a finding."""
        witnesses = [
            c.get("witness") for c in doc.get("matrix", []) if c.get("verdict") == "reachable" and c.get("violation")
        ]
        witnesses += [f.get("witness") for f in doc.get("findings", []) if f.get("witness")]
        out = set()
        for w in witnesses:
            for hop in (w or {}).get("hops", []):
                dev = hop.get("device")
                for key in ("in", "out"):
                    did = if_domain.get((dev, hop.get(key)))
                    if dev and did:
                        out.add((dev, did))
        return out

    def dot(self) -> str:
        lines = [
            "digraph netaudit {",
            f'  graph [rankdir=TB, nodesep=0.35, ranksep=0.55, fontname={_q(FONT)}, bgcolor="transparent"];',
            f"  node [fontname={_q(FONT)}, fontsize=10, penwidth=1.2];",
            f'  edge [fontname={_q(FONT)}, fontsize=9, color="#607d8b", dir=none];',
        ]
        for n in self.nodes:
            if n["kind"] == "device":
                attrs = 'shape=box, style="rounded,filled", fillcolor="#ffffff", color="#37474f", penwidth=1.6'
            elif n["kind"] == "zone":
                attrs = f'shape=ellipse, style=filled, fillcolor="{n["color"]}", color="#455a64"'
            elif n["kind"] == "observed":
                attrs = (
                    'shape=box, style="dashed,rounded,filled", fillcolor="#fafafa", color="#757575", '
                    'fontcolor="#616161", fontsize=8'
                )
            else:
                attrs = 'shape=ellipse, style="dashed,filled", fillcolor="#f5f5f5", color="#9e9e9e", fontsize=8'
            lines.append(f"  {n['id']} [label={_q(n['label'])}, {attrs}];")
        for e in self.edges:
            style = f', color="{LEAK}", fontcolor="{LEAK}", penwidth=2.6' if e["leak"] else ""
            if e.get("observed"):
                style = ', style=dashed, color="#9e9e9e", dir=forward, arrowsize=0.6'
                style += ", constraint=false" if e.get("loose") else ""
            lines.append(f"  {e['a']} -> {e['b']} [label={_q(e['label'])}{style}];")
        lines.append("}")
        return "\n".join(lines) + "\n"


def _num(text: str) -> tuple:
    return (0, int(text)) if text.isdigit() else (1, text)


def _network(addr: str) -> str:
    import ipaddress

    try:
        return str(ipaddress.ip_interface(addr).network)
    except ValueError:
        return addr


def dot_available() -> bool:
    return shutil.which("dot") is not None


def _pipe(source: str, fmt: str) -> bytes:
    import graphviz

    return graphviz.Source(source).pipe(format=fmt)


_COMMENT = re.compile(r"<!--.*?-->\s*", re.S)


def svg(doc: dict, lang: str) -> tuple[str, str]:
    """(inline SVG, "") or ("", reason the diagram is missing)."""
    if not doc.get("topology"):
        return "", t("diagram.no_topology", lang)
    if not dot_available():
        return "", t("diagram.no_dot", lang)
    g = Graph(doc, lang)
    if g.empty:
        return "", t("diagram.no_topology", lang)
    raw = _pipe(g.dot(), "svg").decode("utf-8")
    start = raw.find("<svg")
    out = _COMMENT.sub("", raw[start:]) if start >= 0 else raw
    # Scale to the page: keep the viewBox, drop the fixed size.
    out = re.sub(r'<svg width="[^"]*" height="[^"]*"', '<svg role="img" class="diagram"', out, count=1)
    return out.strip() + "\n", ""


def layout(g: Graph) -> dict[str, tuple[float, float, float, float]]:
    """Node id → (x, y, width, height) in points from ``dot -Tplain`` (y grows downwards)."""
    pos: dict[str, tuple[float, float, float, float]] = {}
    if not dot_available():
        return pos
    text = _pipe(g.dot(), "plain").decode("utf-8")
    height = 0.0
    for line in text.splitlines():
        parts = line.split()
        if parts and parts[0] == "graph":
            height = float(parts[3])
        elif parts and parts[0] == "node":
            x, y, w, h = (float(v) for v in parts[2:6])
            pos[parts[1]] = (x, height - y, w, h)
    return pos
