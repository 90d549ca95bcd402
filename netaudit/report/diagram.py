"""Network diagram from the JSON document: Graphviz DOT → inline SVG, and the node layout
reused for the editable ``.drawio`` file (drawio.py).

Nodes: devices (boxes), L2 domains that carry a zone, an L3 interface shared by
several devices, or a link (rounded boxes, filled with the zone kind's colour).  Domains
with the same zones on the same devices are one node ("VLAN 10, 11, 12 …"), so a
campus with hundreds of VLANs stays a picture.  Edges: device — domain, labelled with
the device's interface(s) in it (left out where the domain's own label already names
them).

Violations: only the edges on the witness path of a violating flow are red, with
arrowheads from the source zone towards the destination (both ways where flows cross
in opposite directions).  A domain holding several zones between which a violating
flow is delivered without crossing a router (a bridge without VLAN filtering) is the
leak itself: a red double border, the zones' colours side by side and the words
"staff + guest in one L2 segment".

Layout for the page: ranks away from the Internet (or from the centre of the network
when there is no external zone); the zones hanging off one device are wrapped into
several rows and grouped in a cluster per device (when there are several devices), so
the picture fits an A4 text width (``PAGE_WIDTH``) with readable labels; the devices
that hang off one node with their own zones (a campus's buildings under the backbone)
are stacked in rows of such clusters.  The wrapping is measured (``dot -Tplain``) and
tightened until it fits.  Where the smallest label would still print under
``READABLE`` points (tens of routers meshed over shared segments: the Stanford backbone
drew 6,627 pt wide, labels at 0.7 pt), the diagram is summarised instead of shrunk: the
devices carrying the same zones are one node, their own segments counted ("link
segment x3", with a multiplication sign), and then the segments several of them share
are one backbone node (``Graph.level`` says which; red edges and their directions kept).

Every label is built here from data and escaped for DOT (backslashes and quotes);
Graphviz escapes the SVG text itself.  Node ids are synthetic (``dev0``, ``dom3``), so
no input string reaches an id, a comment or an attribute name.
"""

from __future__ import annotations

import math
import re
import textwrap

from ..messages import t
from ..safetext import clean
from .dot import DotError, dot_available, lay_out, plain_size
from .words import KIND_COLORS

LEAK = "#c62828"
FONT = "DejaVu Sans"
# Font sizes (points at 100 %): the smallest must stay >= 7 pt once the picture is
# scaled to PAGE_WIDTH.
NODE_FONT = 10
SMALL_FONT = 9
# The width the picture is laid out for: an A4 text width (17 cm) in points.  A wider
# result is scaled down by the page; the wrapping keeps it under MAX_WIDTH (>= 7 pt).
PAGE_WIDTH = 17 / 2.54 * 72
MAX_WIDTH = PAGE_WIDTH * SMALL_FONT / 7.5
NODESEP = 0.22  # inches
RANKSEP = 0.42
WRAP = 22  # characters per line of a wrapped label
# The height left for the picture on its page (A4: 26.3 cm of text height, less the
# heading, the paragraph and a two-line legend; report.css caps the printed SVG at this
# height — at 22 cm every print put the picture on a page of its own after the text).
PAGE_HEIGHT = 19.5 / 2.54 * 72
# The smallest printed label (points, on the A4 page) below which the diagram is
# summarised rather than shrunk (``Graph._fit``).
READABLE = 6.0
# A small network (an office: a router, a switch, ten zones) is never summarised, even if
# its smallest label prints a little under READABLE: every zone must stay visible.
SUMMARY_MIN_NODES = 24
# Above this many nodes, dot's node placement is bounded (``nslimit``, Graph._dot).
LARGE_GRAPH, LARGE_NSLIMIT = 60, 5
TIMES = "\N{MULTIPLICATION SIGN}"  # a count in a summarised diagram: "link segment", TIMES, 3


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


def _wrap(text: str, width: int = WRAP) -> list[str]:
    """``text`` in as few lines of at most about ``width`` characters as it needs, of
    even length (never breaking a word): "Kiosk / Bộ phận" "Một cửa", not "…Một" "cửa"."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]
    for narrower in range(math.ceil(len(text) / len(lines)), width):
        even = textwrap.wrap(text, narrower, break_long_words=False, break_on_hyphens=False)
        if len(even) <= len(lines):
            return even
    return lines


def _listed(items: list[str], shown: int) -> str:
    """``a, b, c … (+4)``: the first ``shown`` items and how many more."""
    more = len(items) - shown
    return ", ".join(items[:shown]) + (f" … (+{more})" if more > 0 else "")


def _norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _unique(items) -> list:
    return list(dict.fromkeys(items))


def _text_width(label: str, size: float) -> float:
    """Estimated width in points of a DOT label in DejaVu Sans (wide: ~0.6 em a character)."""
    return max((len(line) for line in label.split("\n")), default=0) * size * 0.6


def _violations(doc: dict) -> tuple[set[tuple[str, str]], list[dict]]:
    """The violating (src, dst) zone pairs and the witnesses of their violating packets:
    each violation finding's witness (the packets beyond the policy), else the matrix
    cell's.  Spoofing findings are left out: their path is the forged packet's, shown
    with the finding, not a flow of the matrix."""
    pairs: set[tuple[str, str]] = set()
    witnesses: dict[tuple[str, str], list[dict]] = {}
    for f in doc.get("findings", []):
        zones = f.get("zones") or []
        if f.get("witness") and f.get("check") != "spoofing" and len(zones) == 2:
            pair = (str(zones[0]), str(zones[1]))
            pairs.add(pair)
            witnesses.setdefault(pair, []).append(f["witness"])
    for c in doc.get("matrix", []):
        if c.get("verdict") == "reachable" and c.get("violation"):
            pair = (str(c.get("src")), str(c.get("dst")))
            pairs.add(pair)
            if pair not in witnesses and c.get("witness"):
                witnesses[pair] = [c["witness"]]
    return pairs, [w for ws in witnesses.values() for w in ws]


class Graph:
    """Nodes and edges of the diagram (shared by SVG, PNG and drawio output)."""

    def __init__(self, doc: dict, lang: str):
        topo = doc.get("topology") or {}
        kinds = {z["name"]: z["kind"] for z in doc.get("zones", [])}
        subnets = {z["name"]: z.get("subnets", []) for z in doc.get("zones", [])}
        # id, label, kind (device|zone|transit|observed), color; zones: colors, leak; domains: said
        self.nodes: list[dict] = []
        # a, b, label, leak, fwd, back (arrowheads a→b, b→a), observed, loose, minlen
        self.edges: list[dict] = []
        self.roots: list[str] = []
        self.clusters: list[list[str]] = []
        self._source: str | None = None
        devices = topo.get("devices", [])
        dev_id: dict[str, str] = {}
        for i, d in enumerate(devices):
            nid = f"dev{i}"
            dev_id[d["name"]] = nid
            role = t(f"role.{d.get('role', 'other')}", lang)
            self.nodes.append(
                {"id": nid, "label": f"{d['name']}\n{role}", "kind": "device", "color": "#ffffff", "name": d["name"]}
            )
            self.nodes[-1]["role"] = role
        if_domain: dict[tuple[str, str], str] = {}
        dom_devices: dict[str, list[str]] = {}
        addrs: dict[str, list[str]] = {}
        for d in devices:
            for itf in d.get("interfaces", []):
                if itf.get("domain") and not itf.get("shutdown"):
                    if_domain[(d["name"], itf["name"])] = itf["domain"]
                    addrs.setdefault(itf["domain"], []).extend(itf.get("addresses", []))
                    if d["name"] not in dom_devices.setdefault(itf["domain"], []):
                        dom_devices[itf["domain"]].append(d["name"])
        bad_pairs, witnesses = _violations(doc)
        # Domains with the same zones on the same devices are one node.
        groups: dict[tuple, list[dict]] = {}
        for dom in topo.get("domains", []):
            zones = dom.get("zones", [])
            if not (zones or dom.get("interfaces") or len(dom.get("devices", [])) > 1):
                continue
            key = (tuple(zones), tuple(sorted(dom_devices.get(dom["id"]) or dom.get("devices", []))))
            groups.setdefault(key, []).append(dom)
        dom_node: dict[str, str] = {}
        zone_node: dict[str, str] = {}
        for g, ((zones, _), doms) in enumerate(groups.items()):
            nid = f"dom{g}"
            for dom in doms:
                dom_node[dom["id"]] = nid
            vlans = _unique(
                sorted({v.split(":", 1)[1] for dom in doms for v in dom.get("vlans", []) if ":" in v}, key=_num)
            )
            ifaces = _unique(_short(i.split(":", 1)[1]) for dom in doms for i in dom.get("interfaces", []))
            if vlans:
                where, said = "VLAN " + _listed(vlans, 4), {"vlan" + _norm(v) for v in vlans[:4]}
            else:
                where, said = _listed(ifaces, 2), {_norm(i) for i in ifaces[:2]}
            for z in zones:
                zone_node.setdefault(z, nid)
            # zones, vlans, ifaces, head (the label above ``where``): for the summary
            node: dict = {"id": nid, "said": said, "zones": list(zones), "vlans": vlans, "ifaces": ifaces}
            if zones:
                kind = kinds.get(zones[0], "")
                if kind == "external":
                    self.roots.append(nid)
                # Several zones in one L2 domain, with a violating flow between them: the leak.
                leak = any((a, b) in bad_pairs for a in zones for b in zones if a != b)
                if leak:
                    lines = _wrap(t("diagram.l2_leak", lang, zones=" + ".join(zones)))
                    colors = _unique(KIND_COLORS.get(kinds.get(z, ""), "#e0e0e0") for z in zones)
                else:
                    lines = _wrap(", ".join(zones)) + (_wrap(t(f"kind.{kind}", lang)) if kind else [])
                    colors = [KIND_COLORS.get(kind, "#e0e0e0")]
                nets = [s for z in zones for s in subnets.get(z, [])]
                if nets:
                    lines += _wrap(_listed(nets, 3))
                node["head"] = [x for x in lines if x]
                lines.append(where)
                node.update(label="\n".join(x for x in lines if x), kind="zone", color=colors[0], colors=colors)
                node["leak"] = leak
            else:
                nets = sorted({_network(a) for dom in doms for a in addrs.get(dom["id"], [])}, key=_net_key)
                lines = [t("diagram.transit", lang)] + (_wrap(_listed(nets, 3)) if nets else [where])
                node.update(label="\n".join(lines), kind="transit", color="#f5f5f5", nets=nets)
            self.nodes.append(node)
        # device — domain edges, labelled by the L3 interfaces (else the first ports).
        members: dict[tuple[str, str], list[str]] = {}
        for d in devices:
            for itf in d.get("interfaces", []):
                did = itf.get("domain")
                if did in dom_node and not itf.get("shutdown"):
                    members.setdefault((d["name"], dom_node[did]), []).append(
                        ("0" if itf.get("addresses") else "1") + itf["name"]
                    )
        neighbours: dict[str, int] = {}
        for _, nid in members:
            neighbours[nid] = neighbours.get(nid, 0) + 1
        said_by = {n["id"]: n.get("said", set()) for n in self.nodes}
        for (dev, nid), names in members.items():
            names = sorted(names, key=lambda n: n[0])  # L3 interfaces first, config order kept
            l3 = [n[1:] for n in names if n[0] == "0"]
            shown = l3 or [n[1:] for n in names]
            label = ", ".join(_short(n) for n in shown[:2]) + (" …" if len(shown) > 2 else "")
            if neighbours[nid] == 1 and all(_norm(_short(n)) in said_by[nid] for n in shown):
                label = ""  # a VLAN / interface the domain's own label already names
            self.edges.append({"a": dev_id[dev], "b": nid, "label": label, "leak": False})
        for n in self.nodes:
            n.pop("said", None)
        self.lang = lang
        self.level = 0  # 0: every domain; 1, 2: summarised (``_summarise``)
        self._external = list(self.roots)
        self._orient()
        self._mark(witnesses, dev_id, dom_node, if_domain)
        self._observed(doc, lang, zone_node)
        self._group()
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
        picture top-down: Internet, edge device, links, core, zones.  Without an
        external zone (or for a part of the network it does not reach) the ranks start
        from the centre of each connected part (the node with the smallest eccentricity),
        never from every device at once."""
        adj: dict[str, list[str]] = {}
        for e in self.edges:
            adj.setdefault(e["a"], []).append(e["b"])
            adj.setdefault(e["b"], []).append(e["a"])
        depth = _bfs(adj, self.roots)
        order = [n["id"] for n in self.nodes]
        for nid in order:
            if nid in depth or nid not in adj:
                continue
            part = list(_bfs(adj, [nid]))
            centre = _centre(adj, part, order)
            self.roots.append(centre)
            depth.update(_bfs(adj, [centre]))
        for e in self.edges:
            da, db = depth.get(e["a"]), depth.get(e["b"])
            if da is not None and db is not None and db < da:
                e["a"], e["b"], e["flip"] = e["b"], e["a"], True
        self.depth = depth

    def _mark(self, witnesses: list[dict], dev_id: dict, dom_node: dict, if_domain: dict) -> None:
        """Red edges: those a violating witness crosses, with its direction(s)."""
        crossed: set[tuple[str, str]] = set()
        for w in witnesses:
            for hop in (w or {}).get("hops", []):
                dev = dev_id.get(hop.get("device"))
                if dev is None:
                    continue
                src = dom_node.get(if_domain.get((hop.get("device"), hop.get("in"))))
                dst = dom_node.get(if_domain.get((hop.get("device"), hop.get("out"))))
                if src:
                    crossed.add((src, dev))
                if dst:
                    crossed.add((dev, dst))
        for e in self.edges:
            e["fwd"] = (e["a"], e["b"]) in crossed
            e["back"] = (e["b"], e["a"]) in crossed
            e["leak"] = e["fwd"] or e["back"]

    def _group(self) -> None:
        """The zones and segments hanging off one node only (its leaves, which can wrap
        into rows), and with several devices a cluster per device around its leaves."""
        degree: dict[str, int] = {}
        for e in self.edges:
            if not e.get("observed"):
                degree[e["a"]] = degree.get(e["a"], 0) + 1
                degree[e["b"]] = degree.get(e["b"], 0) + 1
        kind = {n["id"]: n["kind"] for n in self.nodes}
        self.leaves: dict[str, list[dict]] = {}
        for e in self.edges:
            b = e["b"]
            if not e.get("observed") and degree.get(b) == 1 and b not in self.roots and kind[b] in ("zone", "transit"):
                self.leaves.setdefault(e["a"], []).append(e)
        if sum(1 for n in self.nodes if n["kind"] == "device") > 1:
            self.clusters = [
                [parent] + [e["b"] for e in edges]
                for parent, edges in self.leaves.items()
                if kind[parent] == "device" and parent not in self.roots
            ]
        # Children of one node that hang off it alone with their leaves (a building's
        # routers under the backbone): stacked in rows of clusters (``_wrap_rows``).
        stacks: dict[str, list[dict]] = {}
        for e in self.edges:
            b = e["b"]
            if (
                not e.get("observed")
                and b not in self.roots
                and kind[b] == "device"
                and degree.get(b) == 1 + len(self.leaves.get(b, []))
            ):
                stacks.setdefault(e["a"], []).append(e)
        self.stacks = {a: edges for a, edges in stacks.items() if len(edges) > 1}

    def _summarise(self, nodes: list[dict], edges: list[dict], level: int) -> bool:
        """The diagram of ``nodes`` and ``edges`` summarised, in place; False when that
        changes nothing.

        Level 1: the devices that carry the same zones are one node (a building's
        router pair: "boza_rtr, bozb_rtr", "Layer-3 switch x2"); the link segments
        only they share are counted in it ("link segment x3"), and their domains of
        one zone are one node (the VLANs listed together).  Level 2: the segments
        shared by several of those nodes (a campus backbone) are one node too
        ("link segment x7", the zones and VLANs on them), so the buildings hang off
        it in rows.  An external zone and the L2 leak are never merged; an edge is red,
        with its directions, where one of the edges it stands for was."""
        by_id = {n["id"]: n for n in nodes}
        near: dict[str, list[str]] = {}
        for e in edges:
            if not e.get("observed"):
                near.setdefault(e["a"], []).append(e["b"])
                near.setdefault(e["b"], []).append(e["a"])
        devices = [n for n in nodes if n["kind"] == "device"]
        groups: dict[object, list[dict]] = {}
        for d in devices:
            zones = frozenset(z for m in near.get(d["id"], []) for z in by_id[m].get("zones") or [])
            groups.setdefault(zones or d["id"], []).append(d)
        home = {d["id"]: members[0]["id"] for members in groups.values() for d in members}
        fixed = set(self._external)
        new_id: dict[str, str] = {}
        merged: dict[object, list[dict]] = {}
        counted: dict[str, int] = {}
        for n in nodes:
            nid = n["id"]
            if n["kind"] == "device":
                new_id[nid] = home[nid]
                continue
            if n["kind"] not in ("zone", "transit") or nid in fixed or n.get("leak"):
                new_id[nid] = nid
                continue
            owners = _unique(home[m] for m in near.get(nid, []) if m in home)
            if len(owners) == 1 and n["kind"] == "transit":
                new_id[nid] = owners[0]  # counted in the devices' node
                counted[owners[0]] = counted.get(owners[0], 0) + 1
                continue
            if len(owners) == 1:
                key: object = (owners[0], tuple(n["zones"]))
            elif len(owners) > 1 and level >= 2:
                key = "shared"
            else:
                key = nid
            merged.setdefault(key, []).append(n)
            new_id[nid] = merged[key][0]["id"]
        if len(devices) == len(groups) and not counted and all(len(ms) == 1 for ms in merged.values()):
            return False
        out: list[dict] = []
        for n in nodes:
            nid = n["id"]
            if new_id[nid] != nid:
                continue
            if n["kind"] == "device":
                members = next(ms for ms in groups.values() if ms[0]["id"] == nid)
                out.append(self._devices_node(members, counted.get(nid, 0)))
            elif nid in {ms[0]["id"] for ms in merged.values()} and n["kind"] in ("zone", "transit"):
                key = next(k for k, ms in merged.items() if ms[0]["id"] == nid)
                out.append(self._domains_node(merged[key], shared=key == "shared"))
            else:
                out.append(dict(n))
        # edges: one per pair of new nodes; red where a flow crossed one it stands for
        flows: set[tuple[str, str]] = set()
        pairs: dict[frozenset, dict] = {}
        observed: list[dict] = []
        for e in edges:
            a, b = new_id[e["a"]], new_id[e["b"]]
            if a == b:
                continue
            if e.get("observed"):
                observed.append({k: v for k, v in e.items() if k not in ("minlen", "flip")} | {"a": a, "b": b})
                continue
            if e["fwd"]:
                flows.add((a, b))
            if e["back"]:
                flows.add((b, a))
            pairs.setdefault(frozenset((a, b)), {"a": a, "b": b, "label": "", "leak": False})
        self.nodes, self.edges = out, list(pairs.values())
        self.roots = [new_id[r] for r in self._external]
        self._orient()
        for e in self.edges:
            e["fwd"] = (e["a"], e["b"]) in flows
            e["back"] = (e["b"], e["a"]) in flows
            e["leak"] = e["fwd"] or e["back"]
        self.edges += observed
        self._group()
        self.level = level
        return True

    def _devices_node(self, members: list[dict], segments: int) -> dict:
        """The node of devices that carry the same zones, with the link segments they
        alone share counted."""
        if len(members) == 1 and not segments:
            return dict(members[0])
        roles = _unique(m["role"] for m in members)
        lines = _wrap(_listed([m["name"] for m in members], 3))
        lines += _wrap(roles[0] + (f" {TIMES}{len(members)}" if len(members) > 1 else "")) if len(roles) == 1 else []
        lines += [] if len(roles) == 1 else _wrap(_listed(roles, 2))
        if segments:
            lines.append(f"{t('diagram.transit', self.lang)} {TIMES}{segments}")
        return {"id": members[0]["id"], "label": "\n".join(lines), "kind": "device", "color": "#ffffff"}

    def _domains_node(self, members: list[dict], shared: bool) -> dict:
        """One node for L2 domains: those of one zone behind the same devices (their
        VLANs listed together), or every segment several devices' nodes share."""
        first = members[0]
        vlans = _unique(sorted({v for m in members for v in m.get("vlans") or []}, key=_num))
        ifaces = _unique(i for m in members for i in m.get("ifaces") or [])
        where = "VLAN " + _listed(vlans, 4) if vlans else _listed(ifaces, 2)
        if len(members) == 1:
            return dict(first)
        if not shared:
            label = "\n".join([*first.get("head", []), where])
            return {k: v for k, v in first.items() if k != "label"} | {"label": label}
        zones = _unique(z for m in members for z in m.get("zones") or [])
        nets = _unique(x for m in members for x in m.get("nets") or [])
        lines = [f"{t('diagram.transit', self.lang)} {TIMES}{len(members)}"]
        lines += _wrap(_listed(zones, 4)) if zones else []
        lines += [where] if vlans else _wrap(_listed(nets, 3))
        return {"id": first["id"], "label": "\n".join(lines), "kind": "transit", "color": "#f5f5f5"}

    def _wrap_rows(self, budget: float) -> None:
        """Each node's leaves in rows no wider than ``budget`` points (edge minlen); the
        clusters stacked under one node (``stacks``) likewise, each row of clusters
        below the previous one's leaves."""
        size = {n["id"]: _node_width(n) for n in self.nodes}
        self.grid: list[tuple[str, str]] = []
        first_row: dict[str, float] = {}
        for parent, edges in self.leaves.items():
            per = _per_row([size[e["b"]] for e in edges], budget)
            first_row[parent] = sum(size[e["b"]] for e in edges[:per]) + NODESEP * 72 * (per - 1)
            for i, e in enumerate(edges):
                e["minlen"] = 1 + i // per
                if i + per < len(edges):  # keeps the rows in columns (an invisible edge)
                    self.grid.append((e["b"], edges[i + per]["b"]))
        for edges in self.stacks.values():
            # a cluster: as wide as its node or its first row of leaves, plus its margins
            widths = [max(size[e["b"]], first_row.get(e["b"], 0.0)) + 20 for e in edges]
            per = _per_row(widths, budget)
            height = 1 + max((x.get("minlen", 1) for e in edges for x in self.leaves.get(e["b"], [])), default=0)
            for i, e in enumerate(edges):
                e["minlen"] = 1 + (i // per) * height
                if i + per < len(edges):  # from the cluster's lowest leaf to the one below
                    below = self.leaves.get(e["b"], [])
                    top = max(below, key=lambda x: x.get("minlen", 1))["b"] if below else e["b"]
                    self.grid.append((top, edges[i + per]["b"]))

    def dot(self) -> str:
        """The DOT source, its wrapping fitted to the page (measured with ``dot -Tplain``
        when Graphviz is there)."""
        if self._source is None:
            self._source = self._fit()
        return self._source

    def _fit(self) -> str:
        """The fitted DOT source.  Where even the fitted rows print the smallest label
        under ``READABLE`` points (a campus: tens of routers meshed over shared
        segments), the diagram is summarised (``_summarise``), level by level, and the
        most detailed level that is readable kept (else the most readable one)."""
        source, scale = self._fit_rows()
        printed = scale * self._min_font()
        if printed >= READABLE or len(self.nodes) < SUMMARY_MIN_NODES or not dot_available():
            return source
        keep = ("nodes", "edges", "roots", "depth", "leaves", "clusters", "stacks", "grid", "level")
        best = (printed, source, {k: getattr(self, k) for k in keep})
        full = (self.nodes, self.edges)
        for level in (1, 2):
            if not self._summarise(*full, level):
                continue
            source, scale = self._fit_rows()
            printed = scale * self._min_font()
            if printed > best[0] + 1e-6:
                best = (printed, source, {k: getattr(self, k) for k in keep})
            if printed >= READABLE:
                break
        for k, v in best[2].items():
            setattr(self, k, v)
        return best[1]

    def _min_font(self) -> float:
        """The smallest font the picture uses (edge labels and segments are smaller)."""
        small = any(e["label"] for e in self.edges) or any(n["kind"] in ("transit", "observed") for n in self.nodes)
        return float(SMALL_FONT if small else NODE_FONT)

    def _fit_rows(self) -> tuple[str, float]:
        """(DOT source, print scale): the rows tightened until the picture fits the
        page's width (or its height limits it); scale 0 without Graphviz."""
        budget = PAGE_WIDTH
        self._wrap_rows(budget)
        source = self._dot()
        if not dot_available():
            return source, 0.0
        if not (self.leaves or self.stacks):
            return source, print_scale(*plain_size(lay_out(source, "plain").decode("utf-8")))
        best, best_scale, best_budget = source, 0.0, budget
        for _ in range(5):
            width, height = plain_size(lay_out(source, "plain").decode("utf-8"))
            scale = print_scale(width, height)
            if scale > best_scale + 1e-6:
                best, best_scale, best_budget = source, scale, budget
            if width <= PAGE_WIDTH or PAGE_WIDTH / width >= PAGE_HEIGHT / max(height, 1.0):
                break  # fits, or the height is what limits it now
            narrower = budget * PAGE_WIDTH / width * 0.95
            if narrower >= budget - 1:
                break
            budget = narrower
            self._wrap_rows(budget)
            source = self._dot()
        self._wrap_rows(best_budget)  # the rows of the picture kept
        return best, best_scale

    def _dot(self) -> str:
        # A large picture wrapped into many rows (eighty rooms under one core switch) kept
        # dot's network simplex placing nodes for 1.4 s a run; a few iterations place them
        # as well as the picture needs (small networks lay out as before, to the byte).
        limit = f", nslimit={LARGE_NSLIMIT}" if len(self.nodes) > LARGE_GRAPH else ""
        lines = [
            "digraph netaudit {",
            f"  graph [rankdir=TB, newrank=true, nodesep={NODESEP}, ranksep={RANKSEP}, fontname={_q(FONT)}, "
            f'bgcolor="transparent"{limit}];',
            f"  node [fontname={_q(FONT)}, fontsize={NODE_FONT}, penwidth=1.2];",
            f'  edge [fontname={_q(FONT)}, fontsize={SMALL_FONT}, color="#78909c", dir=none];',
        ]
        in_cluster = {nid for c in self.clusters for nid in c}
        by_id = {n["id"]: n for n in self.nodes}
        for members in self.clusters:
            lines.append(f"  subgraph cluster_{members[0]} {{")
            lines.append('    graph [style="rounded,dashed", color="#b0bec5", penwidth=1, margin=8, label=""];')
            lines.extend("  " + _node_line(by_id[nid]) for nid in members)
            lines.append("  }")
        lines.extend(_node_line(n) for n in self.nodes if n["id"] not in in_cluster)
        for e in self.edges:
            attrs = f"label={_q(e['label'])}" if e["label"] else ""
            if e["leak"]:
                way = "both" if e["fwd"] and e["back"] else ("forward" if e["fwd"] else "back")
                attrs += f', color="{LEAK}", fontcolor="{LEAK}", penwidth=2.4, dir={way}, arrowsize=0.8'
            if e.get("observed"):
                attrs += ', style=dashed, color="#9e9e9e", dir=forward, arrowsize=0.6'
                attrs += ", constraint=false" if e.get("loose") else ""
            if e.get("minlen", 1) > 1:
                attrs += f", minlen={e['minlen']}"
            lines.append(f"  {e['a']} -> {e['b']} [{attrs.lstrip(', ')}];")
        lines.extend(f"  {a} -> {b} [style=invis, weight=20];" for a, b in self.grid)
        lines.append("}")
        return "\n".join(lines) + "\n"


_ZONE_BOX = 'shape=box, margin="0.08,0.04"'


def _node_line(n: dict) -> str:
    if n["kind"] == "device":
        attrs = 'shape=box, style=filled, fillcolor="#ffffff", color="#263238", penwidth=2.2, margin="0.1,0.06"'
    elif n["kind"] == "zone" and n.get("leak"):
        # The leak: the zones' colours in stripes (a hatch) inside a red double border.
        fill = ":".join(n["colors"] * 3) if len(n["colors"]) > 1 else n["colors"][0]
        style = "striped" if len(n["colors"]) > 1 else "filled"
        attrs = f'{_ZONE_BOX}, style="{style}", fillcolor="{fill}", color="{LEAK}", penwidth=2.4, peripheries=2'
    elif n["kind"] == "zone":
        attrs = f'{_ZONE_BOX}, style="rounded,filled", fillcolor="{n["color"]}", color="#455a64"'
    elif n["kind"] == "observed":
        attrs = (
            'shape=box, style="dashed,rounded,filled", fillcolor="#fafafa", color="#757575", '
            f'fontcolor="#616161", fontsize={SMALL_FONT}'
        )
    else:
        attrs = (
            f'{_ZONE_BOX}, style="rounded,dashed,filled", fillcolor="#f5f5f5", color="#9e9e9e", fontsize={SMALL_FONT}'
        )
    return f"  {n['id']} [label={_q(n['label'])}, {attrs}];"


def _per_row(widths: list[float], budget: float) -> int:
    """How many of these boxes go in a row: as many rows as a ``budget`` wide row
    needs, then the boxes shared out evenly among them."""
    rows, used = 1, 0.0
    for w in widths:
        if used and used + NODESEP * 72 + w > budget:
            rows, used = rows + 1, 0.0
        used += (NODESEP * 72 if used else 0.0) + w
    return math.ceil(len(widths) / rows)


def _node_width(n: dict) -> float:
    """Estimated width in points of a drawn node (the wrapping's first guess)."""
    size = SMALL_FONT if n["kind"] in ("transit", "observed") else NODE_FONT
    return _text_width(n["label"], size) + 14


def print_scale(width: float, height: float) -> float:
    """The scale of a ``width`` by ``height`` pt picture on the page: as wide as the text
    (the report's CSS), and no taller than the room left under the heading."""
    return min(PAGE_WIDTH / max(width, 1.0), PAGE_HEIGHT / max(height, 1.0))


def _bfs(adj: dict[str, list[str]], roots: list[str]) -> dict[str, int]:
    depth = {r: 0 for r in roots}
    queue = list(roots)
    for n in queue:
        for m in adj.get(n, []):
            if m not in depth:
                depth[m] = depth[n] + 1
                queue.append(m)
    return depth


def _centre(adj: dict[str, list[str]], part: list[str], order: list[str]) -> str:
    """The node of ``part`` with the smallest eccentricity (first in ``order`` on ties);
    in a very large part, the node with the most neighbours."""
    rank = {n: i for i, n in enumerate(order)}
    if len(part) > 400:
        return min(part, key=lambda n: (-len(adj.get(n, [])), rank.get(n, 0)))
    return min(part, key=lambda n: (max(_bfs(adj, [n]).values()), rank.get(n, 0)))


def _num(text: str) -> tuple:
    return (0, int(text)) if text.isdecimal() else (1, text)


def _net_key(net: str) -> tuple:
    import ipaddress

    try:
        n = ipaddress.ip_network(net, strict=False)
        return (0, int(n.network_address), n.prefixlen)
    except ValueError:
        return (1, net, 0)


def _network(addr: str) -> str:
    import ipaddress

    try:
        return str(ipaddress.ip_interface(addr).network)
    except ValueError:
        return addr


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
    try:
        raw = lay_out(g.dot(), "svg").decode("utf-8")
    except DotError as e:  # said on the diagram's page, as a missing dot is
        return "", str(e)
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
    text = lay_out(g.dot(), "plain").decode("utf-8")
    height = 0.0
    for line in text.splitlines():
        parts = line.split()
        if parts and parts[0] == "graph":
            height = float(parts[3])
        elif parts and parts[0] == "node":
            x, y, w, h = (float(v) for v in parts[2:6])
            pos[parts[1]] = (x, height - y, w, h)
    return pos
