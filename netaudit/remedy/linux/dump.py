"""The dump as the change set needs it: its nft and iptables rulesets and where netaudit's
jumps go in each hook's base chain."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import PROTO_ICMP, Device
from ...parsers.linux.iptables import parse_iptables_save
from ...parsers.linux.nft_values import ICMP_NEW_TYPES
from ...parsers.linux.nftables import iface_names, managed_tables, read_nft
from ...parsers.linux.rules import Chain, Ruleset
from ...parsers.linux.rules import Rule as ParsedRule
from ...parsers.linux.sections import Section, split
from ...parsers.linux.state import State
from ...parsers.packet_sets import norm, r_and
from ..plan import DevicePlan
from .rules import FWD, FWD_END, INP, TAG, Change

_HOOK_INPUT = re.compile(r"^type\s+filter\s+hook\s+input\b")


def _ip6_inputs(d: Dump) -> list[tuple[str, str, int]]:
    """(table, chain, line of its hook line) of the ``ip6`` filter input base chains of the
    dump's nft listing (the parser counts ip6 tables and reads none: IPv4 only)."""
    if d.nft is None:
        return []
    text = dict(d.nft.lines)
    out = []
    for table in nft_layout(d.nft):
        if table.family != "ip6":
            continue
        for obj in table.objects:
            if obj.kind != "chain":
                continue
            for no in range(obj.start + 1, obj.end):
                if _HOOK_INPUT.match(text.get(no, "").strip()):
                    out.append((table.name, obj.name, no))
                    break
    return out


@dataclass
class Base:
    """The base chain of one hook netaudit hooks into."""

    hook: str
    family: str
    table: str
    name: str
    policy: str
    chain: Chain | None  # None: created by the change set (nftables table inet netaudit)
    index: int | None  # the jump goes before the rule at this position (None: at the end)
    before_line: int | None  # that rule's first line in the dump
    established_first: bool  # replies are accepted before the jump
    lo_first: bool  # loopback is accepted before the jump (input)


def _rule_lines(chain: Chain) -> list[tuple[int, list[ParsedRule]]]:
    """The chain's rules grouped by their line (a verdict map is one rule of several)."""
    out: list[tuple[int, list[ParsedRule]]] = []
    for r in chain.rules:
        if out and out[-1][0] == r.src.line:
            out[-1][1].append(r)
        else:
            out.append((r.src.line, [r]))
    return out


def _is_prefix(rule: ParsedRule, hook: str) -> bool:
    """A rule that decides no new connection the blocks must see first: replies accepted,
    invalid packets dropped, counting/logging, loopback accepted on input."""
    if rule.verdict in ("continue", "mark") or not rule.conds:
        return True
    if rule.verdict == "accept" and all(c.est is True for c in rule.conds):
        return True
    if rule.verdict in ("drop", "reject") and all(
        c.est is False and c.proto == ((PROTO_ICMP, PROTO_ICMP),) and c.itype and not r_and(c.itype, ICMP_NEW_TYPES)
        for c in rule.conds
    ):
        return True
    return hook == "input" and rule.verdict == "accept" and all(c.inif == frozenset({"lo"}) for c in rule.conds)


def _placement(chain: Chain, hook: str, family: str, table: str) -> Base:
    lines = _rule_lines(chain)
    established = lo = False
    index = before = None
    for k, (line, rules) in enumerate(lines):
        if all(_is_prefix(r, hook) for r in rules):
            established = established or any(
                r.verdict == "accept" and r.conds and all(c.est is True for c in r.conds) for r in rules
            )
            lo = lo or any(r.verdict == "accept" and r.conds and all(c.inif == {"lo"} for c in r.conds) for r in rules)
            continue
        index, before = k, line
        break
    return Base(hook, family, table, chain.name, chain.policy, chain, index, before, established, lo)


@dataclass
class Dump:
    """The firewall sections of a Linux dump, read by the parser's own front ends."""

    nft: Section | None
    ipt: Section | None
    nft_rs: Ruleset | None
    ipt_rs: Ruleset | None
    # nft tables iptables-nft manages ("do not touch"): changed through iptables only
    managed: set[tuple[str, str]] = field(default_factory=set)


def _read_dump(text: str, device: Device) -> Dump:
    _, sections = split(text)
    first: dict[str, Section] = {}
    for sec in sections:
        if sec.kind in ("nft", "iptables") and sec.kind not in first:
            first[sec.kind] = sec
    nft = first.get("nft")
    ipt = first.get("iptables")
    nft = nft if nft is not None and not nft.failed() else None
    ipt = ipt if ipt is not None and not ipt.failed() else None
    own = norm(
        [(int(a.ip), int(a.ip)) for i in device.interfaces.values() for a in i.addresses] + [(0x7F000000, 0x7FFFFFFF)]
    )
    universe = frozenset(device.interfaces) | {""} | (iface_names(nft.text()) if nft else set())
    nft_rs = read_nft(State(text, device.file), nft.texts, nft.first_line, frozenset(universe), own) if nft else None
    ipt_rs = parse_iptables_save(ipt.lines, device.file, frozenset(universe), local=own)[0] if ipt else None
    managed = managed_tables([nft.text()]) if nft else set()
    return Dump(nft, ipt, nft_rs, ipt_rs, managed)


def _nft_filter_chains(d: Dump, hook: str) -> list[Chain]:
    """The nftables filter base chains of ``hook`` netaudit may change (not iptables-nft's,
    not bound to a device), by priority."""
    assert d.nft_rs is not None
    return sorted(
        (
            c
            for c in d.nft_rs.chains
            if c.hook == hook
            and c.kind == "filter"
            and c.family in ("ip", "inet")
            and (c.family, c.table) not in d.managed
            and not any(w.startswith("chain bound to device") for w in c.reasons)
        ),
        key=lambda c: c.priority,
    )


def _backend(d: Dump) -> str | None:
    """nft when the nftables ruleset holds the filter chains (or nothing else does),
    iptables when only iptables-save does; None when the dump has no firewall section."""
    if d.nft_rs is not None and (_nft_filter_chains(d, "forward") or _nft_filter_chains(d, "input")):
        return "nft"
    if d.ipt_rs is not None:
        return "iptables"
    return "nft" if d.nft_rs is not None else None


def _nft_table(d: Dump, plan: DevicePlan) -> tuple[str, str, bool]:
    """(family, name, exists) of the nftables table netaudit's objects go in: the forward
    base chain's (blocks, forward policy), else the input base chain's, else a table of
    netaudit's own (a jump reaches chains of its own table only)."""
    assert d.nft_rs is not None
    hooks = ("forward", "input") if plan.blocks or not plan.restricts else ("input", "forward")
    for hook in hooks:
        chains = _nft_filter_chains(d, hook)
        if chains:
            return chains[0].family, chains[0].table, True
    return "inet", TAG, False


def _base(d: Dump, backend: str, hook: str, table: tuple[str, str]) -> Base:
    """The base chain of ``hook`` netaudit hooks into, and where its jump goes.  nftables:
    in ``table``; without one there, a base chain of netaudit's own is created on the hook
    (a packet must be accepted by every base chain of its hook: its drops count)."""
    family, name = table
    if backend == "nft":
        assert d.nft_rs is not None
        chains = [c for c in _nft_filter_chains(d, hook) if (c.family, c.table) == table]
        if chains:
            return _placement(chains[0], hook, family, name)
        return Base(hook, family, name, f"{TAG}_{hook}_hook", "accept", None, None, None, False, False)
    assert d.ipt_rs is not None
    chain = hook.upper()
    c = next((c for c in d.ipt_rs.chains if c.table == "filter" and c.name == chain), None)
    if c is None:
        return Base(hook, "ip", "filter", chain, "accept", None, None, None, False, False)
    return _placement(c, hook, "ip", "filter")


def _forward_ends_in_accept(d: Dump) -> bool:
    """Every forward filter base chain has policy accept: what no rule drops is routed.
    (The iptables-nft tables of the nft listing are iptables-save's, when it is there.)"""

    def forward(rs: Ruleset | None) -> list[Chain]:
        return [c for c in (rs.chains if rs else []) if c.hook == "forward" and c.kind == "filter"]

    chains = forward(d.ipt_rs) + [
        c
        for c in forward(d.nft_rs)
        if c.family in ("ip", "inet") and (d.ipt_rs is None or (c.family, c.table) not in d.managed)
    ]
    return all(c.policy == "accept" for c in chains)


def _already_applied(d: Dump, backend: str) -> bool:
    """The dump already holds netaudit's chains (a host the change set was applied to)."""
    rs = d.nft_rs if backend == "nft" else d.ipt_rs
    prefix = f"{TAG}_" if backend == "nft" else f"{TAG}-"
    return rs is not None and any(c.name.startswith(prefix) for c in rs.chains)


def _jumps(ch: Change, fwd: Base, inp: Base) -> list[tuple[Base, str, str, bool]]:
    """(base chain, logical chain, comment, at the end): the jumps into netaudit's chains."""
    out = []
    if ch.chains.get(FWD):
        out.append((fwd, FWD, "zone blocks", False))
    if ch.chains.get(INP):
        out.append((inp, INP, "management services", False))
    if ch.chains.get(FWD_END):
        out.append((fwd, FWD_END, "what the forward policy accepted before", True))
    return out


def _chain_order(ch: Change) -> list[str]:
    """The chains in the order they are created (and listed)."""
    return list(ch.chains)


@dataclass
class NftObject:
    kind: str  # set | map | chain | …
    name: str
    start: int
    end: int  # the line of its closing brace


@dataclass
class NftTable:
    family: str
    name: str
    start: int
    end: int
    objects: list[NftObject] = field(default_factory=list)


_TABLE = re.compile(r"^table\s+(\w+)\s+(\S+)\s*\{$")
_OBJECT = re.compile(r"^(\w+(?:\s+helper|\s+timeout|\s+expectation)?)\s+(\S+)\s*\{$")
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_HANDLE = re.compile(r"\s+#\s*handle\s+\d+\s*$")


def nft_layout(sec: Section) -> list[NftTable]:
    """The tables of an ``nft list ruleset`` section and the objects in them, by line."""
    tables: list[NftTable] = []
    depth = 0
    obj: NftObject | None = None
    for no, raw in sec.lines:
        t = _HANDLE.sub("", raw.strip())
        if not t or t.startswith("#"):
            continue
        bare = _QUOTED.sub('""', t)
        if depth == 0:
            m = _TABLE.match(t)
            if m:
                tables.append(NftTable(m.group(1), m.group(2).strip('"'), no, no))
                depth = 1
            continue
        if depth == 1:
            if t == "}":
                tables[-1].end = no
                depth = 0
                continue
            m = _OBJECT.match(t)
            if m:
                obj = NftObject(m.group(1), m.group(2).strip('"'), no, no)
                tables[-1].objects.append(obj)
                depth = 2
            continue
        depth += bare.count("{") - bare.count("}")
        if depth == 1 and obj is not None:
            obj.end = no
    return tables
