"""One Linux device file → one Device: split the sections, read each, then convert.

The order matters: interfaces (``ip addr``) before routes, the firewall before policy
routing (``fwmark`` reads the marks), NAT before the filters (``ct status dnat`` reads
the DNAT image), and the interface universe before any rule is read.
"""

from __future__ import annotations

from pathlib import PurePath

from netaudit.messages import Text
from netaudit.model import Action, Filter, FilterLine, Match, ParseResult, Src
from netaudit.parsers import packet_sets
from netaudit.parsers.base import join_reasons
from netaudit.parsers.packet_sets import norm

from . import iproute, netfilter, nft_match, policy, services
from .nftables import iface_names, read_nft
from .rules import Ruleset
from .sections import Section, split
from .state import State

# Sections without which a verdict cannot be proven, and what is lost.
NEEDED = {
    "addr": Text("input.linux.no_addr"),
    "route": Text("input.linux.no_route"),
}
READERS = {
    "addr": iproute.read_addr,
    "route": iproute.read_routes,
    "rule": iproute.read_rules,
    "bridge_vlan": iproute.read_bridge_vlan,
    "ss": services.read_ss,
    "sysctl": services.read_sysctl,
}


class LinuxParser:
    """The registry's parser object (``parse_without_gc(LinuxParser, text, file)``)."""

    def __init__(self, text: str, file: str):
        self.st = State(text, file)

    def run(self) -> ParseResult:
        st = self.st
        # The value memos hold this file's values only (nft_match.MEMO_LIMIT): what the
        # last parse left would fill their bounds and empty them mid-parse.
        _clear_memos()
        try:
            read(st)
        finally:
            _clear_memos()  # nothing of this file kept past its parse
        st.rep.ignored = st.ignored
        return ParseResult(devices=[st.dev], report=st.rep)


def _clear_memos() -> None:
    nft_match.clear_memos()
    packet_sets.clear_memos()


def read(st: State) -> None:
    """Every section, then the conversion (see the module docstring for the order)."""
    pre, sections = split(st.text)
    # The file's lines: as many as split numbered, the empty one after a last newline
    # apart (what counting the text's newlines gives, without a pass over the text).
    numbered = len(pre) + sum(1 + len(sec.texts) for sec in sections)
    st.rep.lines = numbered - 1 if st.text.endswith("\n") else numbered
    for n, t in pre:
        if t.strip():
            st.unrecognized(n, t)
    by_kind: dict[str, Section] = {}
    for sec in sections:
        st.facts.sections.append(sec.command)
        if sec.kind is None:
            st.unrecognized(sec.header_line, f"### {sec.command}")
            body = sec.content_lines()
            st.ignored += len(body)
            st.warn_line(sec.header_line, Text("input.linux.section_not_read", command=sec.command, count=len(body)))
            continue
        if sec.kind in by_kind:
            st.unrecognized(sec.header_line, f"### {sec.command}")
            st.ignored += len(sec.content_lines())
            st.warn_line(sec.header_line, Text("input.linux.section_twice", command=sec.command))
            continue
        by_kind[sec.kind] = sec
        failed = sec.failed()
        if failed:
            st.warn_line(sec.header_line, Text("input.linux.collect_failed", command=sec.command, error=failed))
            st.ignored += len(sec.content_lines())
            continue
        if sec.kind == "hostname":
            body = sec.content_lines()
            if body:
                st.dev.hostname = body[0][1].strip().split()[0]
                st.dev.source = st.src(body[0][0], body[0][1])
                st.ignored += len(body) - 1
            continue
        reader = READERS.get(sec.kind)
        if reader is not None:
            reader(st, sec)
    dev = st.dev
    if not dev.hostname:
        dev.hostname = hostname_from_file(st.file)
    if dev.source is None:
        dev.source = Src(st.file, 1, st.text.split("\n", 1)[0][:200])
    st.rep.devices = [dev.hostname]
    for kind, needed in NEEDED.items():
        if kind not in st.seen:
            st.warn(needed)
            st.partial("device", needed, dev.source)
            for itf in dev.interfaces.values():
                itf.partial = needed
    convert(st, by_kind)


def convert(st: State, by_kind: dict[str, Section]) -> None:
    """The firewall, NAT, policy routing, services and sysctl settings → the model."""
    dev = st.dev
    addrs = [a for i in dev.interfaces.values() for a in i.addresses]
    # (each address's value and broadcast taken once: netaddr makes an IPAddress for
    # ``.ip`` and computes ``.broadcast`` anew on every access)
    own = norm([(a.value, a.value) for a in addrs] + [(0x7F000000, 0x7FFFFFFF)])
    bcasts = [int(b) for a in addrs if (b := a.broadcast)]
    bcast = norm([(b, b) for b in bcasts] + [(0xFFFFFFFF, 0xFFFFFFFF)])
    text_nft = by_kind["nft"].text() if "nft" in by_kind and not by_kind["nft"].failed() else ""
    universe = frozenset(dev.interfaces) | {""} | iface_names(text_nft)
    rulesets: list[Ruleset] = []
    ipt = by_kind.get("iptables")
    ipt_rs = None
    if ipt is not None and not ipt.failed():
        ipt_rs = _iptables(st, ipt, frozenset(universe), own)
        if ipt_rs is not None:
            universe |= {n for c in ipt_rs.chains for r in c.rules for cd in r.conds for n in (cd.inif or ())}
    if text_nft:
        nft = read_nft(st, by_kind["nft"].texts, by_kind["nft"].first_line, frozenset(universe), own, bcast, text_nft)
        if ipt_rs is not None:
            # iptables-nft: its tables are in both listings; read them once, from
            # iptables-save (the nft rendering of xt matches is not complete).
            managed = set(st.facts.iptables_nft_tables)
            skipped = [c for c in nft.chains if f"{c.family} {c.table}" in managed]
            nft.chains = [c for c in nft.chains if f"{c.family} {c.table}" not in managed]
            if skipped:
                st.warn(Text("input.linux.iptables_nft_both"))
        rulesets.append(nft)
    if ipt_rs is not None:
        rulesets.append(ipt_rs)
    st.facts.firewall_read = bool(rulesets)
    conv = netfilter.Conv(st, rulesets, frozenset(universe))
    netfilter.build_nat(conv)
    for hook, name in (("prerouting", "prerouting"), ("input", "input"), ("forward", "forward")):
        flt = netfilter.build_filter(conv, hook, name)
        if flt is None:
            continue
        dev.filters[name] = flt
        if hook == "input":
            dev.input_filter = name
        elif hook == "forward":
            dev.forward_filter = name
        else:
            for itf in dev.interfaces.values():
                itf.filter_in = name
    if not rulesets and (("nft" not in by_kind and "iptables" not in by_kind) or _all_failed(by_kind)):
        _unknown_firewall(st)
    unsure = [u for rs in rulesets for u in rs.unsure]
    if unsure:
        why, src = unsure[0]
        if len(unsure) > 1:
            _unknown_firewall(st, Text("input.linux.firewall_unsure_more", why=why, more=len(unsure) - 1), src)
        else:
            _unknown_firewall(st, Text("input.linux.firewall_unsure", why=why), src)
    # The marks the prerouting chains set matter to `ip rule … fwmark` only: read for those.
    if any("fwmark" in rec.data for rec in st.rules):
        marks, mark_why = netfilter.mark_sets(conv)
    else:
        marks, mark_why = {}, []
    policy.build(st, marks, mark_why, frozenset(universe))
    services.finish_sysctl(st, dev.source)
    services.finish_services(st)


def _all_failed(by_kind: dict[str, Section]) -> bool:
    return all(by_kind[k].failed() for k in ("nft", "iptables") if k in by_kind)


def _unknown_firewall(st: State, warning: Text | None = None, at: Src | None = None) -> None:
    """Filtering is unknown, never "none": no firewall section (or every one failed), or
    a statement of it that may change any chain was not read (``at``).  The filters read
    stay, partial as a whole."""
    warning = warning or Text("input.linux.no_firewall")
    st.warn(warning)
    why = warning
    dev = st.dev
    assert dev.source is not None
    src = at or dev.source
    for flt in dev.filters.values():
        flt.partial = join_reasons((flt.partial, why))
    for name in ("input", "forward"):
        if name in dev.filters:
            continue
        dev.filters[name] = Filter(
            name,
            [FilterLine(Action.PERMIT, [Match()], src, partial=why)],
            Action.PERMIT,
            kind="chain",
            source=src,
            partial=why,
        )
    dev.input_filter, dev.forward_filter = "input", "forward"
    st.partial("firewall", why, src)


def _iptables(st: State, sec: Section, ifaces: frozenset[str], own) -> Ruleset | None:
    """The iptables-save front end (:mod:`.iptables`), when it is installed."""
    try:
        from . import iptables  # written separately; absent in some builds
    except ImportError:
        warning = Text("input.linux.no_iptables_reader")
        st.warn(warning)
        st.partial("firewall", warning, st.src(sec.header_line, f"### {sec.command}"))
        st.ignored += len(sec.content_lines())
        _unknown_firewall(st)
        return None
    try:
        got = iptables.parse_iptables_save(sec.lines, st.file, ifaces, local=own, groups=st.ifgroups)
    except Exception as e:  # a reader bug must not lose the whole device
        warning = Text("input.linux.iptables_failed", error=type(e).__name__)
        st.warn(warning)
        st.partial("firewall", warning, st.src(sec.header_line, f"### {sec.command}"))
        _unknown_firewall(st)
        return None
    rs, acc = got if isinstance(got, tuple) else (got, None)
    if acc is not None:
        st.ignored += len(acc.ignored)
        st.rep.unrecognized.extend(acc.unrecognized)
        for construct, why, src in acc.partial:
            st.partial(construct, why, src)
        if acc.truncated:
            st.warn_line(sec.header_line, Text("input.linux.iptables_cut_short"))
    else:
        for c in rs.chains:
            for r in c.rules:
                for why in r.reasons:
                    st.partial(f"iptables chain {c.name}", why, r.src)
    return rs


def hostname_from_file(file: str) -> str:
    """``router.txt`` → ``router`` (a dump without a hostname section)."""
    name = PurePath(file).name
    for ext in (".txt", ".log", ".dump", ".out"):
        if name.lower().endswith(ext) and len(name) > len(ext):
            return name[: -len(ext)]
    return name
