"""``ip -j addr``, ``ip -j route show table all``, ``ip -j rule`` and ``bridge -j vlan``
sections → interfaces, routes and the policy-routing rules (converted in :mod:`.policy`).

The JSON is read whole; each element is cited at the line where it starts (a compact
``ip -j`` dump is one line, ``ip -j -p`` one element per block).  An interface's text
is its own element as the file has it (``{"ifindex":6,"ifname":"eth1",…``: on a
one-line dump, its part of the line); a route's or a rule's is a short ``ip``-command
rendering (``default via 192.0.2.1 dev wan0``).  A section that is not valid JSON (cut short,
or the plain-text form) is a problem naming its line; the elements that could be read
before the damage are not guessed at.
"""

from __future__ import annotations

import json
import re
from typing import Any

from netaddr import IPNetwork

from netaudit.messages import Text
from netaudit.model import IfKind, Interface, L2Mode, Route
from netaudit.parsers.ip import ip_to_int

from .sections import Section
from .state import RuleRec, State


def load_json(st: State, sec: Section) -> list[tuple[int, Any]] | None:
    """The elements of a JSON array section with the line each starts on, or None
    (the problem is recorded) when the section is not a JSON array."""
    got = json_elements(st, sec)
    return None if got is None else got[0]


def json_elements(st: State, sec: Section) -> tuple[list[tuple[int, Any]], list[tuple[int, str]]] | None:
    """:func:`load_json` of a section and its :func:`element_texts` (its object
    elements as the file has them), or None as :func:`load_json`."""
    lines = sec.lines
    if len(lines) == 1:  # a compact dump: its elements cut where the decoder ends each
        compact = compact_array(lines[0][1])
        if compact is not None:
            data, objects = compact
            no = lines[0][0]
            return [(no if i < len(objects) else sec.first_line, e) for i, e in enumerate(data)], [
                (no, t) for t in objects
            ]
    body = "\n".join(t for _, t in lines)
    if not body.strip():
        return [], []
    try:
        data = json.loads(body)
    except ValueError as e:
        # Line of the damage: json's (1-based within the body) → the file's.
        lineno = getattr(e, "lineno", 1) or 1
        at = lines[min(lineno, len(lines)) - 1][0] if lines else sec.header_line
        first = next((t for _, t in lines if t.strip()), "")
        if not first.lstrip().startswith(("[", "{")):
            warning = Text("input.linux.not_json", command=sec.command)
        else:
            warning = Text("input.linux.json_damaged", command=sec.command, error=str(getattr(e, "msg", e)))
        st.warn_line(at, warning)
        st.partial(f"section {sec.command}", warning, st.src(at, first))
        for n, t in lines:
            if t.strip():
                st.unrecognized(n, t)
        return None
    if not isinstance(data, list):
        st.warn_line(sec.header_line, Text("input.linux.not_json_array", command=sec.command))
        st.unrecognized(sec.header_line, sec.command)
        return None
    texts = element_texts(lines)
    starts = [n for n, _ in texts]
    out = []
    for i, elem in enumerate(data):
        out.append((starts[i] if i < len(starts) else sec.first_line, elem))
    return out, texts


_DECODER = json.JSONDecoder()
_JSON_BLANKS = re.compile(r"[ \t\n\r]*")  # what JSON skips between tokens


def _past_blanks(text: str, i: int) -> int:
    m = _JSON_BLANKS.match(text, i)
    assert m is not None  # (the pattern matches the empty string)
    return m.end()


def compact_array(text: str) -> tuple[list, list[str]] | None:
    """A JSON array written on one line: its elements, as ``json.loads`` reads them,
    and the text of each element that is an object, as :func:`element_texts` cuts it —
    each element read by the decoder from where it starts (``raw_decode``, the step
    ``json.loads`` takes per element), its text up to where the decoder ended it: no
    scan of every string of a 30,000-character line.  None for a line that is no
    well-formed array (read by the general path, which says why);
    tests/parsers/linux/test_iproute_elements.py compares both."""
    i = _past_blanks(text, 0)
    if text[i : i + 1] != "[":
        return None
    i = _past_blanks(text, i + 1)
    data: list = []
    texts: list[str] = []
    if text[i : i + 1] != "]":
        while True:
            try:
                value, end = _DECODER.raw_decode(text, i)
            except ValueError:
                return None
            data.append(value)
            if text[i] == "{":
                texts.append(text[i:end])
            i = _past_blanks(text, end)
            if text[i : i + 1] != ",":
                break
            i = _past_blanks(text, i + 1)
        if text[i : i + 1] != "]":
            return None
    if _past_blanks(text, i + 1) != len(text):
        return None  # something after the array
    return data, texts


# What element_texts looks at on a line: a string (closed on it, or still open at its end,
# a last backslash escaping the line's end) or a bracket.  Everything between is skipped
# by the pattern, not character by character in Python (a compact ``ip -j addr`` of a
# hundred interfaces is one line of 30,000 characters).
_JSON_MARK = re.compile(r'"(?:[^"\\]|\\.)*("|\\?\Z)|[][{}]', re.S)
_STRING_REST = re.compile(r'(?:[^"\\]|\\.)*("|\\?\Z)', re.S)  # a string open from the line before


def element_texts(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Each top-level array element as it stands in the file: the line of its opening
    ``{`` and its text from there (the lines of a pretty-printed element joined by one
    space).  A compact ``ip -j`` dump is one line: the element's own part of it.
    (Strings are skipped, their brackets are no structure; a string or an escape left
    open at a line's end goes on on the next line.)"""
    out: list[tuple[int, str]] = []
    depth = 0
    in_str = esc = False
    start = 0
    parts: list[str] = []
    for n, text in lines:
        begin = 0  # where the element's text starts on this line
        pos = 0
        if in_str:
            if esc:
                if not text:
                    continue  # (the escape still waits for its character)
                esc, pos = False, 1
            m = _STRING_REST.match(text, pos)
            assert m is not None  # (the pattern matches the empty string at the end)
            if m.group(1) != '"':
                esc = m.group(1) == "\\"
                if depth >= 2:
                    parts.append(text.strip())
                continue
            in_str, pos = False, m.end()
        for m in _JSON_MARK.finditer(text, pos):
            ch = m.group()
            if ch[0] == '"':
                if m.group(1) != '"':  # open at the line's end
                    in_str, esc = True, m.group(1) == "\\"
                continue
            col = m.start()
            if ch in "[{":
                if depth == 1 and ch == "{":
                    start, begin, parts = n, col, []
                depth += 1
            else:
                depth -= 1
                if depth == 1 and ch == "}":
                    parts.append(text[begin : col + 1].strip())
                    out.append((start, " ".join(p for p in parts if p)))
                    parts = []
        if depth >= 2:
            parts.append(text[begin:].strip())
    return out


# --------------------------------------------------------------------------- ip addr


def _kind(link: dict, name: str) -> IfKind:
    lt = link.get("link_type", "")
    info = (link.get("linkinfo") or {}).get("info_kind", "")
    if lt == "loopback" or name == "lo":
        return IfKind.LOOPBACK
    if info == "bridge" or name.startswith(("br", "virbr")):
        return IfKind.BRIDGE
    if info == "vlan" or ("." in name and link.get("link")):
        return IfKind.VLAN
    if (
        lt in ("ppp", "none", "ipip", "gre", "sit")
        or info in ("wireguard", "tun", "gre", "ipip")
        or name.startswith(("ppp", "wg", "tun", "tap", "gre"))
    ):
        return IfKind.TUNNEL
    return IfKind.PHYSICAL


def read_addr(st: State, sec: Section) -> None:
    """``ip -j addr`` → the device's interfaces with their IPv4 addresses."""
    got = json_elements(st, sec)  # (with each element's text: how it is cited)
    if got is None:
        return
    elems, texts = got
    st.seen.add("addr")
    dev = st.dev
    for i, (line, link) in enumerate(elems):
        if not isinstance(link, dict) or not isinstance(link.get("ifname"), str):
            st.unrecognized(line, json.dumps(link)[:200])
            continue
        name = link["ifname"]
        flags = link.get("flags") or []
        # cited by its own words in the file (its JSON element), at the line it starts on
        src = st.src(line, texts[i][1] if i < len(texts) and texts[i][0] == line else name)
        kind = _kind(link, name)
        itf = Interface(name, kind=kind, source=src, shutdown="UP" not in flags)
        group = link.get("group")
        st.ifgroups[name] = str(group) if isinstance(group, (str, int)) and not isinstance(group, bool) else None
        parent = link.get("link")
        if kind == IfKind.VLAN and isinstance(parent, str):
            itf.parent = parent
            tag = name.rsplit(".", 1)[-1]
            vid = ((link.get("linkinfo") or {}).get("info_data") or {}).get("id")
            if isinstance(vid, int):
                itf.encapsulation_vlan = vid
            elif tag.isdecimal():
                itf.encapsulation_vlan = int(tag)
        master = link.get("master")
        if isinstance(master, str):
            itf.mode = L2Mode.BRIDGE_PORT
            itf.parent = master
        for a in link.get("addr_info") or []:
            if not isinstance(a, dict) or a.get("family") != "inet":
                continue
            local, plen = a.get("local"), a.get("prefixlen")
            if not isinstance(local, str) or not isinstance(plen, int) or ip_to_int(local) is None:
                st.unrecognized(line, f"{name} address {local}/{plen}")
                continue
            if kind == IfKind.LOOPBACK and local.startswith("127."):
                continue  # the loopback net: never routed (martian)
            itf.addresses.append(IPNetwork(f"{local}/{plen}"))
            if a.get("dynamic"):
                st.facts.dynamic_addresses.append(name)
        dev.interfaces[name] = itf


# --------------------------------------------------------------------------- ip route

SKIPPED_ROUTE_TYPES = {"local", "broadcast", "multicast", "anycast", "nat"}
DROP_TYPES = {"blackhole", "unreachable", "prohibit"}


def _route_text(r: dict) -> str:
    parts = [str(r.get("type", "")), str(r.get("dst", ""))]
    for k in ("gateway", "dev", "table", "protocol", "metric"):
        if k in r:
            parts.append(f"{'via' if k == 'gateway' else k} {r[k]}")
    return " ".join(p for p in parts if p)


def _prefix(dst: Any) -> IPNetwork | None:
    if dst == "default":
        return IPNetwork("0.0.0.0/0")
    if not isinstance(dst, str) or ":" in dst:
        return None
    addr, _, plen = dst.partition("/")
    if ip_to_int(addr) is None or (plen and not plen.isdecimal()):
        return None
    net = IPNetwork(f"{addr}/{plen or 32}")
    # (a route's prefix is nearly always written as its network: no copy of it then)
    return net if net.value == net.first else net.cidr


def read_routes(st: State, sec: Section) -> None:
    """``ip -j route show table all`` → routes (main table: ``table=None``; other tables
    by their name or number, used by policy routing)."""
    elems = load_json(st, sec)
    if elems is None:
        return
    st.seen.add("route")
    dev = st.dev
    for line, r in elems:
        if not isinstance(r, dict):
            st.unrecognized(line, str(r)[:200])
            continue
        src = st.src(line, _route_text(r))
        rtype = r.get("type", "unicast")
        table = str(r.get("table", "main"))
        if table == "local" or rtype in SKIPPED_ROUTE_TYPES:
            st.ignored += 0  # the device's own addresses come from ip addr
            continue
        net = _prefix(r.get("dst"))
        if net is None:
            if isinstance(r.get("dst"), str) and ":" in r["dst"]:
                continue  # IPv6 (not modelled)
            st.unrecognized(line, _route_text(r))
            continue
        tbl = None if table in ("main", "254") else table
        metric = r.get("metric", 0)
        distance = metric if isinstance(metric, int) else 0
        origin = "dhcp" if r.get("protocol") == "dhcp" else "static"
        if rtype in DROP_TYPES:
            dev.routes.append(Route(net, drop=True, distance=distance, source=src, table=tbl))
            continue
        if rtype == "throw":
            why = Text("input.linux.partial.throw_route")
            dev.routes.append(Route(net, drop=True, distance=distance, source=src, table=tbl, partial=why))
            st.partial("route", why, src)
            continue
        if rtype != "unicast":
            why = Text("input.linux.partial.route_type", type=rtype)
            dev.routes.append(Route(net, drop=True, source=src, table=tbl, partial=why))
            st.partial("route", why, src)
            continue
        hops = r["nexthops"] if isinstance(r.get("nexthops"), list) else [r]
        for h in hops:
            if not isinstance(h, dict):
                continue
            gw = h.get("gateway")
            ifn = h.get("dev")
            nh = ip_to_int(gw) if isinstance(gw, str) else None
            if isinstance(gw, str) and nh is None:
                continue  # IPv6 gateway (via inet6): not an IPv4 next hop
            if (
                nh is None
                and tbl is None
                and r.get("protocol") == "kernel"
                and isinstance(ifn, str)
                and _connected(dev.interfaces.get(ifn), net)
            ):
                continue  # the connected route of an address: the engine derives it
            if ifn is not None and ifn not in dev.interfaces:
                st.extra_ifaces.add(str(ifn))
            dev.routes.append(
                Route(
                    net,
                    next_hop=nh,
                    interface=ifn if isinstance(ifn, str) and ifn in dev.interfaces else None,
                    distance=distance,
                    origin=origin,
                    source=src,
                    table=tbl,
                    partial=None
                    if ifn is None or ifn in dev.interfaces
                    else Text("input.linux.partial.route_interface", name=ifn),
                )
            )


def _connected(itf: Interface | None, net: IPNetwork) -> bool:
    # (an address equals its network's prefix: IPNetworks compare by their first and last
    # address, so no ``.cidr`` copy of each address is built for the test)
    return itf is not None and net in itf.addresses


# --------------------------------------------------------------------------- ip rule


def read_rules(st: State, sec: Section) -> None:
    """``ip -j rule`` → rule records (converted by :mod:`.policy`)."""
    elems = load_json(st, sec)
    if elems is None:
        return
    st.seen.add("rule")
    for line, r in elems:
        if not isinstance(r, dict) or not isinstance(r.get("priority", 0), int):
            st.unrecognized(line, str(r)[:200])
            continue
        st.rules.append(RuleRec(r.get("priority", 0), r, st.src(line, rule_text(r))))


def rule_text(r: dict) -> str:
    """``ip rule``'s own text form of a JSON rule (for citations)."""
    parts = [f"{r.get('priority', 0)}:"]
    if "not" in r:
        parts.append("not")
    src = r.get("src", "all")
    parts.append(f"from {src}" + (f"/{r['srclen']}" if "srclen" in r else ""))
    if "dst" in r:
        parts.append(f"to {r['dst']}" + (f"/{r['dstlen']}" if "dstlen" in r else ""))
    for k in ("fwmark", "iif", "oif", "ipproto"):
        if k in r:
            parts.append(f"{k} {r[k]}" + (f"/{r['fwmask']}" if k == "fwmark" and "fwmask" in r else ""))
    for k in ("sport", "dport"):
        if f"{k}_start" in r:
            parts.append(f"{k} {r[f'{k}_start']}-{r.get(f'{k}_end', r[f'{k}_start'])}")
    if "table" in r:
        parts.append(f"lookup {r['table']}")
    if "action" in r:
        parts.append(str(r["action"]))
    return " ".join(parts)


# --------------------------------------------------------------------------- bridge vlan


def read_bridge_vlan(st: State, sec: Section) -> None:
    """``bridge -j vlan``: VLAN membership of bridge ports.  A bridge whose ports carry
    VLANs other than the default untagged VLAN 1 separates VLANs in the kernel; netaudit
    keeps its ports in one L2 domain (more reachability, never less) and says so."""
    elems = load_json(st, sec)
    if elems is None:
        return
    st.seen.add("bridge_vlan")
    for line, port in elems:
        if not isinstance(port, dict):
            st.unrecognized(line, str(port)[:200])
            continue
        name = port.get("ifname") or port.get("port")
        vlans = port.get("vlans") or []
        vids = [v.get("vlan") for v in vlans if isinstance(v, dict)]
        if vids and vids != [1]:
            src = st.src(line, f"bridge vlan {name} {vids}")
            warning = Text("input.linux.vlan_bridge_port", name=str(name), vids=str(vids))
            st.facts.vlan_ports.append(str(name))
            st.warn(warning)
            st.partial(f"bridge port {name}", warning, src)
