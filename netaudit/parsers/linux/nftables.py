"""``nft list ruleset`` text → :class:`~.rules.Ruleset` (the nftables front end).

The listing nft prints: ``table <family> <name> { … }`` blocks holding ``set``/``map``
blocks (``type``, ``flags``, ``elements = { … }`` over one or more lines), ``chain``
blocks (a base chain starts with ``type T hook H priority P; policy X;``) and
``flowtable`` blocks.  Every rule line is read into conditions
(:mod:`netaudit.parsers.packet_sets`) and one verdict; a verdict map
(``iifname vmap { "eth0" : jump wan_in, … }``) becomes one rule per element.
What is not understood keeps the rule as wide as the rest of it, with a reason.
Only IPv4 is modelled: ``ip6``/``icmpv6`` matches select no IPv4 packet, ``ip6``
tables are counted and ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from netaudit.model import Src
from netaudit.parsers.packet_sets import ANY, Cond, Ranges, cond, intersect_all

from . import nft_match
from .nft_values import elements, priority, unquote
from .rules import Chain, Rule, Ruleset
from .state import State

_TABLE = re.compile(r"^table\s+(\w+)\s+(\S+)\s*\{$")
_BLOCK = re.compile(
    r"^(set|map|chain|flowtable|counter|quota|limit|ct\s+helper|ct\s+timeout|ct\s+expectation|secmark|synproxy)\s+(\S+)\s*\{$"
)
_BASE = re.compile(r"^type\s+(\w+)\s+hook\s+(\w+)(?:\s+device\s+(\S+?))?\s+priority\s+([^;]+);(?:\s*policy\s+(\w+);)?")
_HANDLE = re.compile(r"\s+#\s*handle\s+\d+\s*$")
_SET_UPDATE = re.compile(r"(?:add|update|delete)\s+@(\S+)")  # a rule filling a set at run time


@dataclass
class NamedSet:
    """A named set or map: its elements as written (read per use by the field reading them)."""

    name: str
    kind: str  # set | map
    type: str = ""
    flags: str = ""
    elements: list[str] = field(default_factory=list)
    has_elements: bool = False
    src: Src | None = None
    dynamic: bool = False  # filled at run time (flags dynamic/timeout, or a rule adds to it)


@dataclass
class Ctx:
    """What a rule needs to resolve names: the table's sets, interfaces, own addresses."""

    st: State
    family: str
    table: str
    sets: dict[str, NamedSet]
    ifaces: frozenset[str]
    own: Ranges
    notrack: bool = False
    broadcast: Ranges = ((0xFFFFFFFF, 0xFFFFFFFF),)


def _no_handle(text: str) -> str:
    """The line without the ``# handle N`` that ``nft -a`` appends."""
    return _HANDLE.sub("", text) if "#" in text else text


def read_nft(
    st: State, lines: list[tuple[int, str]], ifaces: frozenset[str], own: Ranges, broadcast: Ranges = ()
) -> Ruleset:
    """Read an ``nft list ruleset`` section into a :class:`Ruleset` (lines counted on ``st``)."""
    rs = Ruleset(origin="nft list ruleset")
    notrack = any("notrack" in t for _, t in lines)
    i = 0
    n = len(lines)
    # nft 1.0.6+ prints "# Warning: table ip filter is managed by iptables-nft" on stderr
    # before the table: with the collection one-liner's 2>&1 it lands outside the table.
    managed_next = False
    while i < n:
        no, raw = lines[i]
        text = _no_handle(raw.strip())
        i += 1
        if not text or text.startswith("#"):
            managed_next = managed_next or "managed by iptables-nft" in text
            st.ignored += 1
            continue
        m = _TABLE.match(text)
        if not m:
            st.unrecognized(no, raw)
            continue
        family, tname = m.group(1), unquote(m.group(2))
        ctx = Ctx(st, family, tname, {}, ifaces, own, notrack, broadcast or ((0xFFFFFFFF, 0xFFFFFFFF),))
        i = _read_table(ctx, rs, lines, i, st.src(no, raw), managed_next)
        managed_next = False
    return rs


def _read_table(ctx: Ctx, rs: Ruleset, lines: list[tuple[int, str]], i: int, tsrc: Src, managed: bool = False) -> int:
    """The body of one table from ``lines[i]`` (``managed``: nft said before it that
    iptables-nft manages it); returns the index after its ``}``."""
    st = ctx.st
    n = len(lines)
    chains: list[tuple[Chain, list[tuple[int, str]]]] = []
    while i < n:
        no, raw = lines[i]
        text = _no_handle(raw.strip())
        i += 1
        if not text:
            st.ignored += 1
            continue
        if text == "}":
            break
        if text.startswith("#"):
            if "managed by iptables-nft" in text:
                managed = True
            st.ignored += 1
            continue
        if text.startswith(("flags ", "comment ")):
            st.ignored += 1
            continue
        m = _BLOCK.match(text)
        if not m:
            st.unrecognized(no, raw)
            continue
        kind, name = m.group(1), unquote(m.group(2))
        body, i = _block(lines, i)
        src = st.src(no, raw)
        if kind in ("set", "map"):
            ctx.sets[name] = _read_set(st, kind, name, body, src)
        elif kind == "chain":
            chain = Chain(ctx.family, ctx.table, name, src=src)
            chains.append((chain, body))
        elif kind == "flowtable":
            st.ignored += len(body)
            rs.problems.append(("flowtable " + name + " (offloads established flows only)", None))
        else:
            st.ignored += len(body)  # stateful objects: counters, quotas, helpers
    if ctx.family not in ("ip", "inet"):
        # ip6 / arp / bridge / netdev: counted; IPv4 routing verdicts do not depend on
        # ip6/arp; bridge and netdev chains are reported by the conversion.
        for chain, body in chains:
            _header(ctx, chain, body)
            st.ignored += len(body)
            if ctx.family in ("bridge", "netdev") and chain.hook:
                chain.reasons.append(f"{ctx.family} family chain on hook {chain.hook}: not modelled")
                rs.chains.append(chain)
        return i
    if managed:
        st.facts.iptables_nft_tables.append(f"{ctx.family} {ctx.table}")
    # Mark every dynamic set (a rule adds elements at run time) before reading rules.
    for _, body in chains:
        for _, t in body:
            if "@" not in t:
                continue
            for sm in _SET_UPDATE.finditer(t):
                if sm.group(1) in ctx.sets:
                    ctx.sets[sm.group(1)].dynamic = True
    for chain, body in chains:
        rest = _header(ctx, chain, body)
        for no, raw in rest:
            text = _no_handle(raw.strip())
            if not text or text.startswith("#"):
                st.ignored += 1
                continue
            if text.startswith("comment ") and chain.rules == [] and text.count('"') == 2 and text.endswith('"'):
                st.ignored += 1
                continue
            rules = nft_match.read_rule(ctx, text, st.src(no, raw))
            if rules is None:
                st.unrecognized(no, raw)
                # Not read at all: an unknown rule may accept or drop anything.
                rules = [Rule([ANY], "continue", st.src(no, raw), reasons=["rule not understood"])]
                rules[0].verdict = "unknown"
            if any(r.reasons for r in rules):
                for why in dict.fromkeys(w for r in rules for w in r.reasons):
                    st.partial(f"nft chain {chain.name}", why, st.src(no, raw))
            chain.rules.extend(rules)
        rs.chains.append(chain)
    if managed:
        for chain, _ in chains:
            chain.reasons.append("managed by iptables-nft")
    return i


def _block(lines: list[tuple[int, str]], i: int) -> tuple[list[tuple[int, str]], int]:
    """The lines of a ``{ … }`` block up to its closing ``}`` (exclusive) and the index after."""
    body: list[tuple[int, str]] = []
    depth = 1
    while i < len(lines):
        no, raw = lines[i]
        i += 1
        t = raw.strip()
        opens, closes = t.count("{"), t.count("}")
        if t == "}" and depth == 1:
            return body, i
        depth += opens - closes
        body.append((no, raw))
        if depth <= 0:
            return body, i
    return body, i


def _header(ctx: Ctx, chain: Chain, body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Read the base-chain line(s) at the top of a chain body; returns the rule lines."""
    st = ctx.st
    rest = []
    for idx, (no, raw) in enumerate(body):
        text = raw.strip()
        m = _BASE.match(text)
        if m:
            chain.kind, chain.hook = m.group(1), m.group(2)
            prio = priority(m.group(4), ctx.family)
            if prio is None:
                chain.reasons.append(f"priority {m.group(4).strip()} not understood")
                st.partial(f"nft chain {chain.name}", f"priority {m.group(4).strip()} not understood", st.src(no, raw))
                prio = 0
            chain.priority = prio
            chain.policy = m.group(5) or "accept"
            chain.src = st.src(no, raw)
            if m.group(3):
                chain.reasons.append(f"chain bound to device {m.group(3)}")
            continue
        if text.startswith("comment ") and idx <= 1:
            st.ignored += 1
            continue
        rest.append((no, raw))
    return rest


def _read_set(st: State, kind: str, name: str, body: list[tuple[int, str]], src: Src) -> NamedSet:
    ns = NamedSet(name, kind, src=src)
    joined: list[tuple[int, str]] = []
    buf = ""
    start = 0
    for no, raw in body:
        t = raw.strip()
        if buf:
            buf += " " + t
        else:
            buf, start = t, no
        if buf.count("{") > buf.count("}"):
            continue
        joined.append((start, buf))
        buf = ""
    if buf:
        joined.append((start, buf))
    for no, t in joined:
        if t.startswith("type ") or t.startswith("typeof "):
            ns.type = t.split(None, 1)[1]
        elif t.startswith("flags "):
            ns.flags = t[6:]
            if "dynamic" in ns.flags or "timeout" in ns.flags:
                ns.dynamic = True
        elif t.startswith("elements"):
            ns.has_elements = True
            ns.elements = elements(t.split("=", 1)[1] if "=" in t else "")
        elif not t.startswith(("size ", "timeout ", "gc-interval ", "auto-merge", "counter", "policy ", "comment ")):
            st.unrecognized(no, t)
            continue
    st.ignored += len(body)
    return ns


def iface_names(text: str) -> set[str]:
    """Interface names an nft ruleset mentions (for the negation universe)."""
    names: set[str] = set()
    for m in re.finditer(r'\b(?:iifname|oifname|iif|oif)\s+(?:!=\s*)?(\{[^}]*\}|"[^"]*"|\S+)', text):
        v = m.group(1)
        items = elements(v) if v.startswith("{") else [v]
        for it in items:
            it = unquote(it.split(":")[0].strip())
            if it and not it.endswith("*") and not it.startswith(("@", "vmap", "map")):
                names.add(it)
    return names


__all__ = ["Cond", "cond", "iface_names", "intersect_all", "read_nft"]
