"""Linux change sets (docs/remedy.md): one root shell script per device, in the ruleset
the box really uses — nftables when the dump has an ``nft list ruleset`` whose filter
chains are not iptables-nft's, else ``iptables-save``.

* **Blocks** → one chain of netaudit rules (``netaudit_forward`` / ``netaudit-fwd``)
  reached by ONE ``jump`` placed in the forward base chain before the first rule that
  decides new connections — after the leading rules that only accept
  established/related packets, drop invalid ones, or count and log — so replies keep
  flowing.  nftables: one named set per zone (``netaudit_<zone>``); an external zone is
  ``!= @netaudit_inside``, every address no inside zone owns, like the RouterOS module
  does.  iptables (no ipset): plain address lists, and a chain of its own for a block
  that needs the negation (the inside addresses ``RETURN``, the rest drops).  A block
  with services the policy still allows jumps to a chain of its own that ``return``\\ s
  them (the rest of the forward chain decides them, as today) and drops the rest.
* **Forward policy**: a routing box whose forward hook ends in ``accept`` gets ``policy
  drop`` with, at the end of the chain, one jump to ``netaudit_forward_end``: what
  reached the end before — the blocks now stop what the policy denies — is still
  accepted when it comes from an inside interface with one of that interface's own
  addresses, or from an outside interface to a published (DNAT) service.  Forged
  sources and unpublished traffic from the outside are dropped.
* **Restrictions** → the host's own services (sshd, web UI, telnet, SNMP, ICMP echo …)
  in a chain ``netaudit_input`` jumped to from the input base chain at the same kind of
  place: limited to the management zone's subnets arriving on its interfaces
  (``netaudit_mgmt_only``), or dropped when cleartext; without a management zone, dropped
  from the zones that reached it (the host stays reachable from an admin PC in no zone).
* The script saves the ruleset first, arms a timed automatic rollback, applies the change
  (nftables: in one ``nft -f`` transaction), and says how to cancel the rollback and make
  the change persistent.  ``rollback`` removes what was added without rule handles known
  in advance (the jumps are found by their ``netaudit:`` comment; chains and sets are
  flushed then deleted; iptables: ``-D`` of the exact jump rules).
* **Anti-spoofing** → strict reverse-path filtering on the gateway interfaces of a zone
  that forges source addresses: ``net.ipv4.conf.<if>.rp_filter = 1`` (``sysctl -w`` and
  ``/etc/sysctl.d/90-netaudit.conf``).  The kernel uses the larger of ``conf.all`` and
  ``conf.<if>`` (2, loose, wins): where ``all`` is 2, ``all`` becomes 0 and every other
  interface keeps its loose check by a value of its own.  The rollback writes the old
  values back (from the dump's sysctl section; a value the dump lacks from the record
  the script takes first) and removes the file.  On a host that routes by policy
  (``ip rule`` entries, routes in other tables) strict rp_filter would drop the replies
  of the other paths: there the same check is a drop in netaudit's forward and input
  chains instead — from that interface, a source neither routed behind it nor the
  zone's (``ip saddr != @set``; iptables: a chain returning those sources).
* ``patched``: the same change written into the dump's ``nft list ruleset`` or
  ``iptables-save`` section as those commands would print it afterwards, so the Linux
  parser reads the host as it will be.  A dump that already holds netaudit's chains gets
  nothing added twice (the script itself refuses a second run).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from netaddr import IPAddress, IPNetwork, IPSet

from ..headerspace import service_match
from ..messages import Text, both
from ..model import PROTO_ICMP, PROTO_TCP, PROTO_UDP, Device
from ..parsers.linux.iptables import parse_iptables_save
from ..parsers.linux.nft_values import ICMP_NEW_TYPES
from ..parsers.linux.nftables import iface_names, managed_tables, read_nft
from ..parsers.linux.rules import Chain, Ruleset
from ..parsers.linux.rules import Rule as ParsedRule
from ..parsers.linux.sections import Section, split
from ..parsers.linux.state import State
from ..parsers.packet_sets import norm, r_and
from . import Rendered
from .addresses import behind, is_outside, outward_interfaces, planned_inside
from .plan import AntiSpoof, Block, DevicePlan, snmp_agent_left

TAG = "netaudit"  # every chain, set and comment netaudit adds starts with it
PROTO_WORD = {PROTO_TCP: "tcp", PROTO_UDP: "udp", PROTO_ICMP: "icmp"}
IPT_NAME_MAX = 28  # iptables chain names: at most 28 characters
DELAY = 300  # seconds before the automatic rollback restores the saved ruleset

# Logical chains (nftables names); iptables spells them ``IPT_CHAIN``.
FWD = f"{TAG}_forward"
FWD_END = f"{TAG}_forward_end"
INP = f"{TAG}_input"
MGMT_ONLY = f"{TAG}_mgmt_only"
IPT_CHAIN = {FWD: f"{TAG}-fwd", FWD_END: f"{TAG}-fwd-end", INP: f"{TAG}-in", MGMT_ONLY: f"{TAG}-mgmt-only"}
INSIDE = f"{TAG}_inside"
MGMT_SET = f"{TAG}_mgmt"
SYSCTL_FILE = "/etc/sysctl.d/90-netaudit.conf"
SYSCTL_SAVED = "/root/netaudit-before.sysctl"
MAIN_TABLES = {None, "main", "254", "local", "255", "default", "253"}


# --------------------------------------------------------------------------- the rules netaudit adds


@dataclass(frozen=True)
class Addr:
    """Addresses a rule matches: a zone's (``name`` = its nftables set), or every address
    outside them (``negate``)."""

    nets: tuple[IPNetwork, ...]
    name: str = ""
    negate: bool = False


@dataclass
class Rule:
    """One rule netaudit adds, in neither syntax yet."""

    chain: str  # logical chain name (nftables spelling)
    verdict: str  # drop | accept | return | jump
    target: str = ""  # logical chain of a jump
    iif: str = ""
    oif: str = ""
    src: Addr | None = None
    dst: Addr | None = None
    proto: int | None = None
    ports: tuple[tuple[int, int], ...] = ()
    icmp_type: int | None = None
    ct: str = ""  # "est" (established,related) | "dnat" (a DNAT'ed connection)
    ipv6: bool = False  # IPv6 packets only (nftables inet tables)
    comment: str = ""


@dataclass
class Change:
    """Everything one device's change set adds, before it is spelled."""

    sets: dict[str, tuple[IPNetwork, ...]] = field(default_factory=dict)  # nftables named sets
    chains: dict[str, list[Rule]] = field(default_factory=dict)  # logical chain -> its rules, in order
    turned_off: list[str] = field(default_factory=list)  # services dropped for everyone
    limited: list[str] = field(default_factory=list)  # services left to the management network
    stopped: list[str] = field(default_factory=list)  # services kept from the zones that reached them
    mgmt_ifaces: list[str] = field(default_factory=list)
    # (service, its drop): gateway services dropped where the Internet enters
    closed: list[tuple[str, Rule]] = field(default_factory=list)
    # (table, chain, line of its ``type … hook input`` line) of the dump's ip6 input chains:
    # the closes go at their top too (IPv6 is not audited: docs/remedy.md)
    ip6_inputs: list[tuple[str, str, int]] = field(default_factory=list)

    def add(self, rule: Rule) -> None:
        """Append ``rule`` to its chain (the chain is created on its first rule)."""
        self.chains.setdefault(rule.chain, []).append(rule)


def _safe(zone: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]+", "_", zone).strip("_") or "zone"


def _comment(text: str) -> str:
    """A comment both syntaxes carry inside double quotes, in a shell command too."""
    return re.sub(r"[^A-Za-z0-9 _.,:/>()+-]", "_", f"{TAG}: {text}")[:120]


def _set_addr(ch: Change, base: str, nets: list[IPNetwork] | tuple[IPNetwork, ...], negate: bool = False) -> Addr:
    """The Addr of a named set (created on first use; a name already holding other
    addresses gets a suffix)."""
    value = tuple(IPSet(nets).iter_cidrs())
    name, k = base, 2
    while name in ch.sets and ch.sets[name] != value:
        name, k = f"{base}_{k}", k + 1
    ch.sets[name] = value
    return Addr(value, name, negate)


def _inside_set(plan: DevicePlan, dev: Device) -> IPSet:
    """Every address an inside zone owns: exact when a block goes to the external zone (its
    destination is the complement); otherwise the plan's zones, the management subnets
    and the subnets behind the interfaces that do not face the outside."""
    inside, exact = planned_inside(plan)
    if exact:
        return inside
    inside |= IPSet(plan.mgmt)
    outward = set(outward_interfaces(dev))
    for name in dev.interfaces:
        if name not in outward and name != "lo":
            inside |= behind(dev, name)
    return inside


def _service(service: str) -> tuple[int | None, tuple[tuple[int, int], ...], int | None]:
    """(protocol, destination port ranges, ICMP type) of a policy service (``tcp/443``)."""
    m = service_match(service)
    if m.protocols is None:
        return None, (), None
    ports = tuple((r.lo, r.hi) for r in m.dst_ports) if m.dst_ports else ()
    return m.protocols[0], ports, m.icmp_type


def _block_rules(plan: DevicePlan, dev: Device, ch: Change, nft: bool) -> None:
    """The zone blocks in ``netaudit_forward``: plain drops first (a packet of a denied cell
    is never let go by another block's allowance), then the blocks with allowances."""
    inside_set: IPSet | None = None

    def inside() -> Addr:
        nonlocal inside_set
        if inside_set is None:
            inside_set = _inside_set(plan, dev)
        return _set_addr(ch, INSIDE, list(inside_set.iter_cidrs()), negate=True)

    outward = outward_interfaces(dev)
    subs: set[str] = set()
    for b in sorted(plan.blocks, key=lambda b: bool(b.allow)):
        what = f"{b.src_zone} -> {b.dst_zone}"
        iif, oif = (b.interface, "") if b.direction == "in" else ("", b.interface)
        src: Addr | None
        if b.src and b.direction == "in" and behind(dev, b.interface) <= IPSet(b.src):
            src = None  # only the source zone lives behind the interface: forged sources are stopped too
        elif b.src:
            src = _set_addr(ch, f"{TAG}_{_safe(b.src_zone)}", b.src)
        else:
            src = inside()
        dst: Addr | None = None
        if b.dst and is_outside(b.dst):
            dst = inside()
        elif b.dst:
            dst = _set_addr(ch, f"{TAG}_{_safe(b.dst_zone)}", b.dst)
        # from the outside: also whatever arrives on an interface facing it, forged inside
        # sources included
        also = [w for w in outward if w != b.interface] if not b.src else []
        negated = (src is not None and src.negate) or (dst is not None and dst.negate)
        if nft:
            matches = [Rule(FWD, "drop", iif=iif, oif=oif, src=src, dst=dst, comment=what)]
            matches += [Rule(FWD, "drop", iif=w, oif=oif, dst=dst, comment=what) for w in also]
            if not b.allow:
                for m in matches:
                    ch.add(m)
                continue
            sub = _sub_name(subs, b)
            for m in matches:
                m.verdict, m.target = "jump", sub
                ch.add(m)
            _allowances(ch, sub, b, what)
            ch.add(Rule(sub, "drop", comment=f"{what}: everything else"))
            continue
        # iptables: no negation of an address list — a chain of its own
        if not negated and not b.allow:
            ch.add(Rule(FWD, "drop", iif=iif, oif=oif, src=src, dst=dst, comment=what))
            continue
        sub = _sub_name(subs, b)
        ch.add(
            Rule(
                FWD,
                "jump",
                sub,
                iif=iif,
                oif=oif,
                src=src if src is not None and not src.negate else None,
                dst=dst if dst is not None and not dst.negate else None,
                comment=what,
            )
        )
        _allowances(ch, sub, b, what)
        for w in also:
            ch.add(Rule(sub, "drop", iif=w, comment=f"{what}: from {w}, any source"))
        if src is not None and src.negate:
            ch.add(Rule(sub, "return", src=Addr(src.nets), comment=f"{what}: an inside source"))
        if dst is not None and dst.negate:
            ch.add(Rule(sub, "return", dst=Addr(dst.nets), comment=f"{what}: an inside destination"))
        ch.add(Rule(sub, "drop", comment=f"{what}: everything else"))


def _sub_name(used: set[str], b: Block) -> str:
    name = f"{TAG}_{_safe(b.src_zone)}_{_safe(b.dst_zone)}"
    if name in used:
        name = f"{name}_{_safe(b.interface)}"
    used.add(name)
    return name


def _allowances(ch: Change, sub: str, b: Block, what: str) -> None:
    for svc in b.allow:
        proto, ports, icmp = _service(svc)
        ch.add(Rule(sub, "return", proto=proto, ports=ports, icmp_type=icmp, comment=f"{what}: {svc} allowed"))


def _mgmt_interfaces(dev: Device, mgmt: list[IPNetwork]) -> list[str]:
    """Interfaces the management subnets reach the host by (connected, or routed there by
    a route more specific than a default route)."""
    want = IPSet(mgmt)
    out = []
    for name, itf in dev.interfaces.items():
        b = behind(dev, name)
        if IPNetwork("0.0.0.0/0") in list(b.iter_cidrs()):
            b = IPSet(a.cidr for a in itf.addresses)
        if b & want:
            out.append(name)
    return out


def _restrict_rules(plan: DevicePlan, dev: Device, ch: Change) -> None:
    """The host's own services in ``netaudit_input``: to ``netaudit_mgmt_only`` (from a
    management interface and address, else dropped) or dropped outright."""
    mgmt_addr: Addr | None = None
    zone_nets: dict[str, list[IPNetwork]] = {}  # the zones the plan's blocks name, inside ones
    for b in plan.blocks:
        for zone, nets in ((b.src_zone, b.src), (b.dst_zone, b.dst)):
            if nets and not is_outside(nets):
                zone_nets.setdefault(zone, list(nets))
    for r in plan.restricts:
        ports: tuple[tuple[int, int], ...] = ()
        icmp: int | None = None
        if r.protocol == PROTO_ICMP:
            icmp, label = 8, "icmp echo"
        else:
            ports, label = tuple(r.ports), r.service
        proto = r.protocol
        if r.allow_from:
            if mgmt_addr is None:
                mgmt_addr = _set_addr(ch, MGMT_SET, r.allow_from)
                ch.mgmt_ifaces = _mgmt_interfaces(dev, list(r.allow_from))
                for itf in ch.mgmt_ifaces or [""]:
                    ch.add(Rule(MGMT_ONLY, "return", iif=itf, src=mgmt_addr, comment="from the management network"))
                ch.add(Rule(MGMT_ONLY, "drop", comment="management service from elsewhere"))
            ch.add(
                Rule(INP, "jump", MGMT_ONLY, proto=proto, ports=ports, icmp_type=icmp, comment=f"{label}: mgmt only")
            )
            ch.limited.append(label)
        elif not r.insecure and r.zones and all(z in zone_nets for z in r.zones):
            # no management zone to limit it to: the zones that reached it are stopped (the
            # plan's word), the host stays reachable from elsewhere (an unzoned admin PC)
            for z in r.zones:
                src = _set_addr(ch, f"{TAG}_{_safe(z)}", zone_nets[z])
                what = f"{label}: not from {z}"
                ch.add(Rule(INP, "drop", src=src, proto=proto, ports=ports, icmp_type=icmp, comment=what))
            ch.stopped.append(label)
        else:
            why = "off (cleartext)" if r.insecure else "off (no management zone)"
            ch.add(Rule(INP, "drop", proto=proto, ports=ports, icmp_type=icmp, comment=f"{label}: {why}"))
            ch.turned_off.append(label)


def _close_rules(plan: DevicePlan, ch: Change) -> None:
    """Gateway services that answered the Internet (plan.EdgeClose, an open resolver):
    dropped first in ``netaudit_input`` for packets arriving on the Internet-facing
    interfaces; the resolver keeps answering the inside interfaces.  No address match:
    in an ``inet`` table the drop holds for IPv6 too."""
    for c in plan.closes:
        proto, ports, icmp = _service(c.service)
        for ifn in c.interfaces:
            rule = Rule(
                INP, "drop", iif=ifn, proto=proto, ports=ports, icmp_type=icmp, comment=f"{c.service} from {ifn}: off"
            )
            ch.add(rule)
            ch.closed.append((c.service, rule))


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


def _tail_rules(dev: Device, ch: Change, established_first: bool, family: str) -> None:
    """``netaudit_forward_end``: what the forward policy accepted before and still may —
    from each inside interface with its own addresses; to a published (DNAT) service from
    an interface facing the outside.  In an inet table IPv6 goes on as before: the audit
    models IPv4 only, so nothing here may decide IPv6."""
    if not established_first:
        ch.add(Rule(FWD_END, "accept", ct="est", comment="replies"))
    if family == "inet":
        ch.add(Rule(FWD_END, "accept", ipv6=True, comment="IPv6 as before (not audited)"))
    outward = outward_interfaces(dev)
    for name in dev.interfaces:
        if name == "lo" or name in outward:
            continue
        nets = tuple(behind(dev, name).iter_cidrs())
        if nets:
            ch.add(Rule(FWD_END, "accept", iif=name, src=Addr(nets), comment=f"from {name}, its own addresses"))
    for name in outward:
        ch.add(Rule(FWD_END, "accept", iif=name, ct="dnat", comment=f"published services (DNAT) from {name}"))


# --------------------------------------------------------------------------- the dump: rulesets and placement


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
    nft_rs = read_nft(State(text, device.file), nft.lines, frozenset(universe), own) if nft else None
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


# --------------------------------------------------------------------------- spelling: nftables


def _nft_addr(a: Addr) -> str:
    if a.name:
        value = f"@{a.name}"
    elif len(a.nets) == 1:
        value = str(a.nets[0])
    else:
        value = "{ " + ", ".join(str(n) for n in a.nets) + " }"
    return f"!= {value}" if a.negate else value


def _ports_nft(ports: tuple[tuple[int, int], ...]) -> str:
    items = [f"{lo}" if lo == hi else f"{lo}-{hi}" for lo, hi in ports]
    return items[0] if len(items) == 1 else "{ " + ", ".join(items) + " }"


def nft_rule(rule: Rule) -> str:
    """The rule as ``nft list ruleset`` prints it (and ``nft add rule`` takes it)."""
    parts: list[str] = ["meta nfproto ipv6"] if rule.ipv6 else []
    if rule.iif:
        parts.append(f'iifname "{rule.iif}"')
    if rule.oif:
        parts.append(f'oifname "{rule.oif}"')
    if rule.src is not None:
        parts.append(f"ip saddr {_nft_addr(rule.src)}")
    if rule.dst is not None:
        parts.append(f"ip daddr {_nft_addr(rule.dst)}")
    if rule.proto is not None:
        word = PROTO_WORD.get(rule.proto, str(rule.proto))
        if rule.proto == PROTO_ICMP and rule.icmp_type is not None:
            parts.append("icmp type echo-request" if rule.icmp_type == 8 else f"icmp type {rule.icmp_type}")
        elif rule.ports and rule.proto in (PROTO_TCP, PROTO_UDP):
            parts.append(f"{word} dport {_ports_nft(rule.ports)}")
        else:
            parts.append(f"meta l4proto {word}")
    if rule.ct == "est":
        parts.append("ct state established,related")
    elif rule.ct == "dnat":
        parts.append("ct status dnat")
    parts.append(f"jump {rule.target}" if rule.verdict == "jump" else rule.verdict)
    if rule.comment:
        parts.append(f'comment "{_comment(rule.comment)}"')
    return " ".join(parts)


def _jump_rule(target: str, what: str) -> Rule:
    return Rule("", "jump", target, comment=what)


# --------------------------------------------------------------------------- spelling: iptables


def ipt_chain(name: str, names: dict[str, str]) -> str:
    """The iptables spelling of a logical chain (hyphens, at most 28 characters)."""
    if name in IPT_CHAIN:
        return IPT_CHAIN[name]
    if name not in names:
        spelled = name.replace("_", "-")
        if len(spelled) > IPT_NAME_MAX:
            spelled = f"{TAG}-b{len(names) + 1}"
        names[name] = spelled
    return names[name]


def ipt_rules(rule: Rule, chain: str, target: str) -> list[str]:
    """The rule as ``iptables-save`` prints it (``-A chain …``): one line per source and
    destination address, as iptables expands an address list."""
    srcs = [None] if rule.src is None else list(rule.src.nets)
    dsts = [None] if rule.dst is None else list(rule.dst.nets)
    out = []
    for s in srcs:
        for d in dsts:
            parts = [f"-A {chain}"]
            if s is not None:
                parts.append(f"{'! ' if rule.src and rule.src.negate else ''}-s {s}")
            if d is not None:
                parts.append(f"{'! ' if rule.dst and rule.dst.negate else ''}-d {d}")
            parts += _ipt_matches(rule)
            parts.append(f"-j {target}")
            out.append(" ".join(parts))
    return out


def ipt_command(rule: Rule, chain: str, target: str, binary: str, op: str = "-A") -> str:
    """The rule as one ``iptables`` command (address lists as ``-s a,b,c``)."""
    parts = [binary, op, chain]
    # iptables refuses "!" before a list: a negated Addr here holds one network
    if rule.src is not None:
        parts.append(f"{'! ' if rule.src.negate else ''}-s {','.join(str(n) for n in rule.src.nets)}")
    if rule.dst is not None:
        parts.append(f"{'! ' if rule.dst.negate else ''}-d {','.join(str(n) for n in rule.dst.nets)}")
    parts += _ipt_matches(rule)
    parts.append(f"-j {target}")
    return " ".join(parts)


def _ipt_matches(rule: Rule) -> list[str]:
    parts: list[str] = []
    if rule.iif:
        parts.append(f"-i {rule.iif}")
    if rule.oif:
        parts.append(f"-o {rule.oif}")
    if rule.proto is not None:
        word = PROTO_WORD.get(rule.proto, str(rule.proto))
        parts.append(f"-p {word}")
        if rule.proto == PROTO_ICMP and rule.icmp_type is not None:
            parts.append(f"-m icmp --icmp-type {rule.icmp_type}")
        elif rule.ports and rule.proto in (PROTO_TCP, PROTO_UDP):
            items = [f"{lo}" if lo == hi else f"{lo}:{hi}" for lo, hi in rule.ports]
            if len(items) == 1:
                parts.append(f"-m {word} --dport {items[0]}")
            else:
                parts.append(f"-m multiport --dports {','.join(items)}")
    if rule.ct == "est":
        parts.append("-m conntrack --ctstate RELATED,ESTABLISHED")
    elif rule.ct == "dnat":
        parts.append("-m conntrack --ctstate DNAT")
    if rule.comment:
        parts.append(f'-m comment --comment "{_comment(rule.comment)}"')
    return parts


def _ipt_target(rule: Rule, names: dict[str, str]) -> str:
    if rule.verdict == "jump":
        return ipt_chain(rule.target, names)
    return rule.verdict.upper()


# --------------------------------------------------------------------------- patching the dump


class Edits:
    """The dump as lines, with insertions and replacements keyed by line number (1-based)."""

    def __init__(self, text: str):
        self.trailing = text.endswith("\n")
        self.lines = text.split("\n")
        if self.trailing:
            self.lines.pop()
        self.before: dict[int, list[str]] = {}
        self.after: dict[int, list[str]] = {}
        self.replace: dict[int, str] = {}

    def render(self) -> str:
        """The text with every edit applied."""
        out: list[str] = []
        for n, line in enumerate(self.lines, start=1):
            out.extend(self.before.get(n, []))
            out.append(self.replace.get(n, line))
            out.extend(self.after.get(n, []))
        return "\n".join(out) + ("\n" if self.trailing else "")


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


# --------------------------------------------------------------------------- render


def render(plan: DevicePlan, device: Device, text: str) -> Rendered:
    """The change set of ``plan`` for the Linux host ``device`` read from the dump ``text``."""
    spoof_fw = _policy_routed(device) and bool(plan.antispoofs)
    got = _render_firewall(plan, device, text, spoof_fw)
    if plan.antispoofs and not spoof_fw:
        got = _with_rp_filter(got, plan, device)
    elif spoof_fw and "anti-spoofing" in got.change_set:
        where = ", ".join(dict.fromkeys(a.interface for a in plan.antispoofs))
        got.notes.append(
            {
                "vi": f"Chống giả mạo địa chỉ nguồn trên {where}: máy định tuyến theo chính sách (ip rule / nhiều "
                "bảng định tuyến) nên không bật rp_filter chặt (nó chỉ xét bảng main và sẽ loại gói của các đường "
                "khác); thay vào đó, chain netaudit của forward và input loại gói đến từ cổng đó với địa chỉ nguồn "
                "không thuộc vùng hay mạng phía sau cổng. Thêm dải mới sau cổng vào tập địa chỉ tương ứng.",
                "en": f"Source anti-spoofing on {where}: the host routes by policy (ip rule / several tables), so "
                "strict rp_filter is not used (it checks the main table only and would drop the other paths' "
                "packets); instead netaudit's forward and input chains drop packets from that interface whose source "
                "is neither the zone's nor a network behind it. A network added behind it goes into that set.",
            }
        )
    return got


def _render_firewall(plan: DevicePlan, device: Device, text: str, spoof_fw: bool) -> Rendered:
    """The firewall part of the change set (and the anti-spoofing drops when ``spoof_fw``)."""
    dump = _read_dump(text, device)
    backend = _backend(dump)
    if backend is None:
        return _no_firewall(device, text)
    if _already_applied(dump, backend):
        return _applied(device, text)
    nft = backend == "nft"
    ch = Change()
    family, table, exists = _nft_table(dump, plan) if nft else ("ip", "filter", True)
    fwd = _base(dump, backend, "forward", (family, table))
    inp = _base(dump, backend, "input", (family, table))
    if plan.blocks or spoof_fw:
        if not fwd.established_first:
            ch.add(Rule(FWD, "return", ct="est", comment="replies: decided as before"))
        if spoof_fw:
            _spoof_rules(plan, device, ch, FWD, nft)
        _block_rules(plan, device, ch, nft)
    if plan.restricts or plan.closes or spoof_fw:
        if not inp.established_first:
            ch.add(Rule(INP, "return", ct="est", comment="replies: decided as before"))
        if not inp.lo_first:
            ch.add(Rule(INP, "return", iif="lo", comment="the host itself"))
        if spoof_fw:
            _spoof_rules(plan, device, ch, INP, nft)
        _close_rules(plan, ch)
        if nft and ch.closed:
            ch.ip6_inputs = _ip6_inputs(dump)
        _restrict_rules(plan, device, ch)
    policy_drop = device.ip_routing and _forward_ends_in_accept(dump)
    if policy_drop:
        _tail_rules(device, ch, fwd.established_first, fwd.family)
    if not ch.chains:
        return Rendered(
            f"# netaudit: nothing to change on {device.hostname}\n",
            text,
            f"# netaudit: nothing to undo on {device.hostname}\n",
        )
    if nft:
        script, rollback, patched = _render_nft(device, dump, ch, fwd, inp, policy_drop, text, exists)
    else:
        script, rollback, patched = _render_ipt(device, dump, ch, fwd, inp, policy_drop, text)
    tool = "nft" if nft else _ipt_tool(dump.ipt.command if dump.ipt else "")
    notes = _notes(device, tool, ch, plan, fwd, policy_drop, bool(dump.managed))
    left = snmp_agent_left(plan, "/etc/snmp/snmpd.conf: rocommunity NAME SOURCE")
    return Rendered(script, patched, rollback, notes, left)


# --------------------------------------------------------------------------- anti-spoofing


def _policy_routed(dev: Device) -> bool:
    """Whether the host routes by policy (``ip rule`` entries, routes in other tables):
    strict rp_filter checks the main lookup only and would drop the other paths' packets."""
    return bool(dev.policy_routes) or any(r.table not in MAIN_TABLES for r in dev.routes)


def _specific(dev: Device, name: str) -> IPSet:
    """Connected subnets of ``name`` and the prefixes a route more specific than a default
    route sends out of it."""
    itf = dev.interfaces.get(name)
    if itf is None:
        return IPSet()
    out = IPSet(a.cidr for a in itf.addresses)
    for r in dev.routes:
        if r.drop or r.prefix.prefixlen == 0 or r.table not in MAIN_TABLES:
            continue
        if r.interface == name or (
            r.next_hop is not None and any(IPAddress(r.next_hop) in a.cidr for a in itf.addresses)
        ):
            out.add(r.prefix.cidr)
    return out


def _legit_sources(plan: DevicePlan, dev: Device, a: AntiSpoof) -> tuple[IPSet, bool]:
    """(addresses, forged): the sources a packet arriving on the gateway may carry (the
    zone's, what is routed behind the interface, DHCP's 0.0.0.0) — or, on an interface a
    default route leaves by, the sources it may not (``forged``: routed behind another)."""
    legit = behind(dev, a.interface)
    if IPNetwork("0.0.0.0/0") in list(legit.iter_cidrs()):
        forged = IPSet()
        for name in dev.interfaces:
            if name not in (a.interface, "lo"):
                forged |= _specific(dev, name)
        return forged - _specific(dev, a.interface), True
    for b in plan.blocks:
        for z, nets in ((b.src_zone, b.src), (b.dst_zone, b.dst)):
            if z == a.zone and nets and not is_outside(nets):
                legit |= IPSet(nets)
    return legit | IPSet(["0.0.0.0/32"]), False


def _spoof_rules(plan: DevicePlan, dev: Device, ch: Change, chain: str, nft: bool) -> None:
    """The drops of forged sources, first in ``chain`` (forward and input alike)."""
    done: set[str] = set()
    for a in plan.antispoofs:
        if a.interface not in dev.interfaces or a.interface in done:
            continue
        done.add(a.interface)
        nets, forged = _legit_sources(plan, dev, a)
        if not nets:
            continue
        what = f"anti-spoofing: {a.zone} on {a.interface}"
        base = f"{TAG}_src_{_safe(a.interface)}" if not forged else f"{TAG}_spoof_{_safe(a.interface)}"
        if forged or nft:
            addr = _set_addr(ch, base, list(nets.iter_cidrs()), negate=not forged)
            ch.add(Rule(chain, "drop", iif=a.interface, src=addr, comment=what))
            continue
        # iptables: no negation of an address list — a chain returning the sources allowed
        sub = f"{TAG}_src_{_safe(a.interface)}"
        ch.add(Rule(chain, "jump", sub, iif=a.interface, comment=what))
        if sub not in ch.chains:
            ch.add(Rule(sub, "return", src=Addr(tuple(nets.iter_cidrs())), comment=f"{what}: allowed sources"))
            ch.add(Rule(sub, "drop", comment=f"{what}: forged source"))


def _sysctl_key(ifname: str) -> str:
    # sysctl writes the dots of an interface name as slashes (eth0.10 -> eth0/10)
    return f"net.ipv4.conf.{ifname.replace('.', '/')}.rp_filter"


def _with_rp_filter(got: Rendered, plan: DevicePlan, device: Device) -> Rendered:
    """``got`` with strict rp_filter on the plan's anti-spoofing interfaces: the commands,
    their persistence, the rollback and the dump's sysctl section patched."""
    text = got.patched
    _, sections = split(text)
    sec = next((x for x in sections if x.kind == "sysctl"), None)
    values: dict[str, tuple[str, int]] = {}
    for no, raw in sec.lines if sec is not None else []:
        key, sep, value = raw.strip().partition("=")
        if sep and key.strip():
            values[key.strip()] = (value.strip(), no)

    def val(key: str) -> int | None:
        v = values.get(key)
        return int(v[0]) if v is not None and v[0].isdecimal() else None

    allv = val("net.ipv4.conf.all.rp_filter")
    targets: list[str] = []
    strict_already: list[str] = []
    for a in plan.antispoofs:
        if a.interface not in device.interfaces or a.interface in targets + strict_already:
            continue
        own = val(_sysctl_key(a.interface))
        if own is not None and max(own, allv or 0) == 1:
            strict_already.append(a.interface)
        else:
            targets.append(a.interface)
    notes = list(got.notes)
    if strict_already:
        where = ", ".join(strict_already)
        notes.append(
            {
                "vi": f"{where}: rp_filter đã ở chế độ chặt (1); địa chỉ giả mạo vẫn lọt là địa chỉ được định tuyến "
                "ngược về chính cổng đó (mạng phía sau cổng) — rp_filter không chặn được, cần lọc theo nguồn ở thiết "
                "bị phía sau.",
                "en": f"{where}: rp_filter is already strict (1); the forged addresses that still pass are routed back "
                "out of that very interface (networks behind it) — rp_filter cannot stop them, a source filter on the "
                "device behind it can.",
            }
        )
    if not targets:
        return Rendered(got.change_set, got.patched, got.rollback, notes)
    new: dict[str, str] = {}
    loosen: dict[str, str] = {}  # written first: no interface loses its loose check meanwhile
    if allv == 2:
        for name in device.interfaces:
            key = _sysctl_key(name)
            if name in targets or name == "lo":
                continue
            own = val(key)
            if own is None or own < 2:
                loosen[key] = "2"
        dflt = val("net.ipv4.conf.default.rp_filter")
        if dflt is None or dflt < 2:
            loosen["net.ipv4.conf.default.rp_filter"] = "2"
    for name in targets:
        new[_sysctl_key(name)] = "1"
    last = {"net.ipv4.conf.all.rp_filter": "0"} if allv == 2 else {}
    order = {**loosen, **new, **last}
    keys = list(order)
    where = ", ".join(targets)
    script = (
        got.change_set.rstrip("\n").split("\n")
        if got.change_set.startswith("#!")
        else [
            *_header(device, "sysctl"),
            *[ln for ln in got.change_set.rstrip("\n").split("\n") if ln and "nothing to" not in ln],
        ]
    )
    script += [
        f"# anti-spoofing: strict reverse-path filter (rp_filter = 1) on {where}",
        "#   the kernel uses the larger of conf.all and conf.<if> (2 = loose wins over 1)",
        f"sysctl {' '.join(keys)} > {SYSCTL_SAVED}",
    ]
    if allv is None:
        script += [
            'if [ "$(sysctl -n net.ipv4.conf.all.rp_filter)" = 2 ]; then',
            '    echo "netaudit: net.ipv4.conf.all.rp_filter is 2 here, not in the dump: collect again" >&2',
            "    exit 1",
            "fi",
        ]
    script += [f"sysctl -w {k}={v}" for k, v in order.items()]
    script += [
        f"cat > {SYSCTL_FILE} <<'EOF'",
        f"# netaudit: strict reverse-path filter on {where} (anti-spoofing)",
        *[f"{k} = {v}" for k, v in order.items()],
        "EOF",
    ]
    rollback = (
        got.rollback.rstrip("\n").split("\n")
        if got.rollback.startswith("#!")
        else [
            "#!/bin/sh",
            f"# netaudit rollback for {device.hostname}",
            *[ln for ln in got.rollback.rstrip("\n").split("\n") if ln and "nothing to" not in ln],
        ]
    )
    rollback += ["# rp_filter: the values before the change", f"rm -f {SYSCTL_FILE}"]
    for k in reversed(keys):
        old = values.get(k)
        if old is not None:
            rollback.append(f"sysctl -w {k}={old[0]}")
        else:
            rollback.append(f"sysctl -w \"$(grep -F '{k} =' {SYSCTL_SAVED} | tr -d ' ')\"")
    ed = Edits(text)
    added: list[str] = []
    for k, v in order.items():
        if k in values:
            no = values[k][1]
            ed.replace[no] = re.sub(r"=.*$", f"= {v}", ed.lines[no - 1], count=1)
        else:
            added.append(f"{k} = {v}")
    if added:
        if sec is not None:
            at = max([no for no, raw in sec.lines if raw.strip()] or [sec.header_line])
            ed.after.setdefault(at, []).extend(added)
        else:
            ed.after.setdefault(len(ed.lines), []).extend(["### sysctl -a -r '\\.rp_filter$'", *added])
    notes.append(
        {
            "vi": f"Chống giả mạo địa chỉ nguồn: rp_filter = 1 (uRPF chặt) trên {where}, lưu vĩnh viễn trong "
            f"{SYSCTL_FILE}; gói có địa chỉ nguồn không được định tuyến ngược ra đúng cổng nhận bị loại. Nhân Linux "
            "dùng giá trị lớn hơn giữa conf.all và conf.<cổng>"
            + (", nên conf.all chuyển từ 2 về 0 và các cổng khác giữ 2 (lỏng) bằng giá trị riêng" if allv == 2 else "")
            + ". Kiểm tra: `sysctl -a -r rp_filter`, `nstat -az TcpExtIPReversePathFilter`.",
            "en": f"Source anti-spoofing: rp_filter = 1 (strict uRPF) on {where}, persisted in {SYSCTL_FILE}; a "
            "packet whose source is not routed back out of the interface it came in by is dropped. The kernel uses "
            "the larger of conf.all and conf.<if>"
            + (
                ", so conf.all goes from 2 to 0 and the other interfaces keep 2 (loose) by a value of their own"
                if allv == 2
                else ""
            )
            + ". Check: `sysctl -a -r rp_filter`, `nstat -az TcpExtIPReversePathFilter`.",
        }
    )
    return Rendered("\n".join(script) + "\n", ed.render(), "\n".join(rollback) + "\n", notes)


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


def _header(device: Device, what: str) -> list[str]:
    return [
        "#!/bin/sh",
        f"# netaudit change set for {device.hostname} (Linux, {what})",
        "# Run as root, from the management network, after reading the safety notes (README.md).",
        "set -e",
    ]


def _render_nft(
    device: Device, d: Dump, ch: Change, fwd: Base, inp: Base, policy_drop: bool, text: str, exists: bool
) -> tuple[str, str, str]:
    where = f"{fwd.family} {fwd.table}"
    jumps = _jumps(ch, fwd, inp)
    new_bases = [b for b in dict.fromkeys(base.name for base, _, _, _ in jumps) if b.startswith(TAG)]
    base_of = {b.name: b for b in (fwd, inp)}
    order = _chain_order(ch)
    batch: list[str] = []
    if not exists:
        batch.append(f"add table {where}")
    for name in new_bases:
        b = base_of[name]
        batch.append(f"add chain {where} {name} {{ type filter hook {b.hook} priority filter; policy accept; }}")
    for name, nets in ch.sets.items():
        batch.append(
            f"add set {where} {name} {{ type ipv4_addr; flags interval; "
            f"elements = {{ {', '.join(str(n) for n in nets)} }} }}"
        )
    for name in order:
        batch.append(f"add chain {where} {name}")
    for name in order:
        for rule in ch.chains[name]:
            batch.append(f"add rule {where} {name} {nft_rule(rule)}")
    for base, target, what, at_end in jumps:
        jump = nft_rule(_jump_rule(target, what))
        if at_end or base.index is None:
            batch.append(f"add rule {where} {base.name} {jump}")
        else:
            batch.append(f"insert rule {where} {base.name} index {base.index} {jump}")
    if policy_drop:
        # last: everything that must still pass is accepted by then
        batch.append(f"chain {where} {fwd.name} {{ policy drop; }}")
    for table6, chain6, _ in ch.ip6_inputs:
        # "insert" puts a rule first: the last one inserted first keeps the listed order
        batch += [f"insert rule ip6 {table6} {chain6} {nft_rule(r)}" for _, r in reversed(ch.closed)]

    guard = order[0] if order else ""
    script = _header(device, f"nftables, table {where}")
    if guard:
        script += [
            f"if nft list chain {where} {guard} >/dev/null 2>&1; then",
            f'    echo "netaudit: already applied (chain {guard} exists): run the rollback first" >&2',
            "    exit 1",
            "fi",
        ]
    restore = f"/root/before-fix.{fwd.table}.nft"
    script += [
        "# 1. the ruleset as it is now: the record, and the table this changes in a form",
        "#    'nft -f' restores in one step",
        "nft list ruleset > /root/before-fix.nft",
    ]
    if exists:
        script.append(f"{{ echo 'delete table {where}'; nft list table {where}; }} > {restore}")
    else:
        script.append(f"printf 'add table {where}\\ndelete table {where}\\n' > {restore}")
    for table6 in dict.fromkeys(t6 for t6, _, _ in ch.ip6_inputs):
        # the ip6 table the drops go in comes back with it
        script.append(f"{{ echo 'delete table ip6 {table6}'; nft list table ip6 {table6}; }} >> {restore}")
    script += [
        f"# 2. safety net: the table comes back by itself in {DELAY // 60} minutes unless cancelled (step 4)",
        f"nohup sh -c 'sleep {DELAY}; nft -f {restore}' >/dev/null 2>&1 &",
        "echo $! > /root/netaudit-autorollback.pid",
        "# 3. the change, in one transaction (all or nothing)",
        "nft -f - <<'EOF'",
        *batch,
        "EOF",
        f'echo "netaudit: applied; the automatic rollback runs in {DELAY // 60} minutes unless cancelled (step 4)."',
        "# 4. once every zone has been checked (by hand):",
        '#    kill "$(cat /root/netaudit-autorollback.pid)"',
        "#    { echo '#!/usr/sbin/nft -f'; echo 'flush ruleset'; nft list ruleset; } > /etc/nftables.conf",
        "#    systemctl enable nftables",
    ]

    rollback = [
        "#!/bin/sh",
        f"# netaudit rollback for {device.hostname} (nftables, table {where}): removes what the change set added",
        "# Run as root. Each step stands alone: one whose object is already gone prints an error only.",
    ]
    for table6, chain6, _ in ch.ip6_inputs:
        rollback += [
            f"# the IPv6 drops netaudit added to ip6 {table6} {chain6}, found by their comment",
            f"nft -a list chain ip6 {table6} {chain6} \\",
            f'  | sed -n \'s/.* comment "{TAG}: [^"]*" # handle \\([0-9][0-9]*\\)$/\\1/p\' \\',
            f'  | while read -r handle; do nft delete rule ip6 {table6} {chain6} handle "$handle"; done',
        ]
    if not exists:
        rollback.append(f"nft delete table {where}")
    else:
        if policy_drop and fwd.chain is not None:
            rollback.append(f"nft 'chain {where} {fwd.name} {{ policy {fwd.policy}; }}'")
        for name in dict.fromkeys(base.name for base, _, _, _ in jumps):
            if name in new_bases:
                continue
            rollback += [
                f"# the jumps netaudit added to {name}, found by their comment",
                f"nft -a list chain {where} {name} \\",
                f'  | sed -n \'s/.* comment "{TAG}: [^"]*" # handle \\([0-9][0-9]*\\)$/\\1/p\' \\',
                f'  | while read -r handle; do nft delete rule {where} {name} handle "$handle"; done',
            ]
        # chains emptied first: a chain still jumped to cannot be deleted
        rollback += [f"nft flush chain {where} {name}" for name in [*new_bases, *order]]
        rollback += [f"nft delete chain {where} {name}" for name in [*new_bases, *order]]
        rollback += [f"nft delete set {where} {name}" for name in ch.sets]
    patched = _patch_nft(text, d, ch, fwd, inp, policy_drop, exists, new_bases)
    return "\n".join(script) + "\n", "\n".join(rollback) + "\n", patched


def _patch_nft(
    text: str, d: Dump, ch: Change, fwd: Base, inp: Base, policy_drop: bool, exists: bool, new_bases: list[str]
) -> str:
    """The nft section as ``nft list ruleset`` prints it after the change: sets after the
    table's sets, new chains at its end, a blank line between two objects."""
    assert d.nft is not None
    ed = Edits(text)
    jumps = _jumps(ch, fwd, inp)
    set_blocks = [
        [f"\tset {name} {{", "\t\ttype ipv4_addr", "\t\tflags interval", *_nft_elements(nets), "\t}"]
        for name, nets in ch.sets.items()
    ]
    chain_blocks: list[list[str]] = []
    base_of = {b.name: b for b in (fwd, inp)}
    for name in new_bases:
        b = base_of[name]
        pol = "drop" if b is fwd and policy_drop else "accept"
        rules = [f"\t\t{nft_rule(_jump_rule(t, w))}" for base, t, w, _ in jumps if base is b]
        chain_blocks.append(
            [f"\tchain {name} {{", f"\t\ttype filter hook {b.hook} priority filter; policy {pol};", *rules, "\t}"]
        )
    for name in _chain_order(ch):
        chain_blocks.append([f"\tchain {name} {{", *[f"\t\t{nft_rule(r)}" for r in ch.chains[name]], "\t}"])
    for _, _, hook_line in ch.ip6_inputs:
        ed.after.setdefault(hook_line, []).extend(_indent_like(ed, hook_line) + nft_rule(r) for _, r in ch.closed)
    if not exists:
        # a table of netaudit's own, after the section's last line
        body = _joined(set_blocks + chain_blocks)
        last = next((no for no, raw in reversed(d.nft.lines) if raw.strip()), d.nft.header_line)
        ed.after.setdefault(last, []).extend([f"table {fwd.family} {fwd.table} {{", *body, "}"])
        return ed.render()
    table = next(t for t in nft_layout(d.nft) if t.family == fwd.family and t.name == fwd.table)
    sets = [o for o in table.objects if o.kind in ("set", "map")]
    if set_blocks:
        if sets:
            ed.after.setdefault(sets[-1].end, []).extend(["", *_joined(set_blocks)])
        else:
            ed.after.setdefault(table.start, []).extend(_joined(set_blocks) + ([""] if table.objects else []))
    for base, target, what, at_end in jumps:
        if base.name in new_bases:
            continue
        line = nft_rule(_jump_rule(target, what))
        obj = next(o for o in table.objects if o.kind == "chain" and o.name == base.name)
        if at_end or base.index is None:
            ed.before.setdefault(obj.end, []).append(_indent_like(ed, obj.end) + "\t" + line)
        else:
            assert base.before_line is not None
            ed.before.setdefault(base.before_line, []).append(_indent_like(ed, base.before_line) + line)
    if policy_drop and fwd.chain is not None:
        assert fwd.chain.src is not None
        n = fwd.chain.src.line
        ed.replace[n] = re.sub(r"policy\s+accept\s*;", "policy drop;", ed.lines[n - 1], count=1)
    if chain_blocks:
        lead = [""] if table.objects or set_blocks else []
        ed.before.setdefault(table.end, []).extend(lead + _joined(chain_blocks))
    return ed.render()


def _nft_elements(nets: tuple[IPNetwork, ...]) -> list[str]:
    """The ``elements = { … }`` line(s) of an interval set as nft prints them: two prefixes
    a line (each is two kernel elements, nft breaks the line every four)."""
    items = [str(n) for n in nets]
    rows = [", ".join(items[k : k + 2]) for k in range(0, len(items), 2)]
    lines = [f"\t\telements = {{ {rows[0]}"] + [f"\t\t\t     {r}" for r in rows[1:]]
    return [line + ("," if k < len(lines) - 1 else " }") for k, line in enumerate(lines)]


def _joined(blocks: list[list[str]]) -> list[str]:
    """Blocks one after the other, a blank line between two."""
    out: list[str] = []
    for k, block in enumerate(blocks):
        out += ([""] if k else []) + block
    return out


def _indent_like(ed: Edits, line: int) -> str:
    raw = ed.lines[line - 1]
    return raw[: len(raw) - len(raw.lstrip())]


def _render_ipt(
    device: Device, d: Dump, ch: Change, fwd: Base, inp: Base, policy_drop: bool, text: str
) -> tuple[str, str, str]:
    assert d.ipt is not None
    tool = _ipt_tool(d.ipt.command)
    names: dict[str, str] = {}
    order = _chain_order(ch)
    cmds: list[str] = []
    for name in order:
        cmds.append(f"{tool} -N {ipt_chain(name, names)}")
    for name in order:
        chain = ipt_chain(name, names)
        for rule in ch.chains[name]:
            cmds.append(ipt_command(rule, chain, _ipt_target(rule, names), tool))
    jump_specs: list[tuple[Base, Rule]] = []
    for base, target, what, at_end in _jumps(ch, fwd, inp):
        rule = _jump_rule(target, what)
        jump_specs.append((base, rule))
        spec = ipt_command(rule, base.name, ipt_chain(target, names), tool)
        if at_end or base.index is None:
            cmds.append(spec)
        else:
            cmds.append(spec.replace(f" -A {base.name} ", f" -I {base.name} {base.index + 1} ", 1))
    if policy_drop:
        cmds.append(f"{tool} -P {fwd.name} DROP")

    guard = ipt_chain(order[0], names) if order else ""
    script = _header(device, f"{tool}, table filter")
    if guard:
        script += [
            f"if {tool} -S {guard} >/dev/null 2>&1; then",
            f'    echo "netaudit: already applied (chain {guard} exists): run the rollback first" >&2',
            "    exit 1",
            "fi",
        ]
    save, restore = f"{tool}-save", f"{tool}-restore"
    script += [
        "# 1. the ruleset as it is now (restorable in one step)",
        f"{save} > /root/before-fix.iptables",
        f"# 2. safety net: the saved ruleset comes back by itself in {DELAY // 60} minutes unless cancelled (step 4)",
        f"nohup sh -c 'sleep {DELAY}; {restore} < /root/before-fix.iptables' >/dev/null 2>&1 &",
        "echo $! > /root/netaudit-autorollback.pid",
        "# 3. the change: netaudit's chains first, then the jumps into them, the policy last",
        *cmds,
        'echo "netaudit: applied; the automatic rollback runs in 5 minutes unless cancelled (step 4)."',
        "# 4. once every zone has been checked (by hand):",
        '#    kill "$(cat /root/netaudit-autorollback.pid)"',
        "#    netfilter-persistent save     (package iptables-persistent: writes /etc/iptables/rules.v4)",
    ]
    rollback = [
        "#!/bin/sh",
        f"# netaudit rollback for {device.hostname} ({tool}, table filter): removes what the change set added",
        "# Run as root. Each step stands alone: one whose object is already gone prints an error only.",
    ]
    if policy_drop:
        rollback.append(f"{tool} -P {fwd.name} {fwd.policy.upper()}")
    for base, rule in jump_specs:
        rollback.append(ipt_command(rule, base.name, ipt_chain(rule.target, names), tool, "-D"))
    rollback += [f"{tool} -F {ipt_chain(n, names)}" for n in order]
    rollback += [f"{tool} -X {ipt_chain(n, names)}" for n in order]
    return (
        "\n".join(script) + "\n",
        "\n".join(rollback) + "\n",
        _patch_ipt(text, d, ch, fwd, inp, policy_drop, names),
    )


def _ipt_tool(command: str) -> str:
    """The iptables binary of the dump's save command (iptables-legacy-save → iptables-legacy)."""
    words = command.replace("sudo ", "").split()
    word = words[0].rsplit("/", 1)[-1] if words else ""
    return word[: -len("-save")] if word.endswith("-save") else "iptables"


def _patch_ipt(text: str, d: Dump, ch: Change, fwd: Base, inp: Base, policy_drop: bool, names: dict[str, str]) -> str:
    """The iptables-save section as ``iptables-save`` prints it after the change: the
    filter table's built-in chains first, then the user chains sorted by name (netaudit's
    among them), each chain's rules together."""
    assert d.ipt is not None
    counters = any(t.lstrip().startswith("[") for _, t in d.ipt.lines)
    pre = "[0:0] " if counters else ""
    new_rules: dict[str, list[str]] = {}
    for n in _chain_order(ch):
        chain = ipt_chain(n, names)
        new_rules[chain] = [
            pre + line for rule in ch.chains[n] for line in ipt_rules(rule, chain, _ipt_target(rule, names))
        ]
    jumps: dict[str, tuple[list[str], list[str]]] = {}
    for base, target, what, at_end in _jumps(ch, fwd, inp):
        line = pre + ipt_rules(_jump_rule(target, what), base.name, ipt_chain(target, names))[0]
        first, last = jumps.setdefault(base.name, ([], []))
        (last if at_end or base.index is None else first).append(line)
    before_line = {b.name: b.before_line for b in (fwd, inp)}

    start = commit = None
    table = None
    for no, raw in d.ipt.lines:
        t = raw.strip()
        if t.startswith("*"):
            table = t[1:].strip()
            start = no if table == "filter" else start
        elif t == "COMMIT" and table == "filter":
            commit = no
            break
    lines = text.split("\n")
    if start is None or commit is None:
        # no filter table in the dump: iptables-save prints one once netaudit's chains exist
        decl = {"INPUT": ":INPUT ACCEPT [0:0]", "FORWARD": ":FORWARD ACCEPT [0:0]", "OUTPUT": ":OUTPUT ACCEPT [0:0]"}
        body_decls = list(decl.values())
        builtin_rules: dict[str, list[tuple[int, str]]] = {}
        user_decls: dict[str, str] = {}
        user_rules: dict[str, list[str]] = {}
        other: list[str] = []
        at = next((no for no, raw in reversed(d.ipt.lines) if raw.strip()), d.ipt.header_line)
        head, tail = lines[:at], lines[at:]
        first_line = "*filter"
    else:
        body_decls, builtin_rules, user_decls, user_rules, other = _filter_table(lines[start : commit - 1], start + 1)
        head, tail = lines[: start - 1], lines[commit - 1 :]
        first_line = lines[start - 1]
    if policy_drop:
        body_decls = [re.sub(rf"^:{fwd.name}\s+ACCEPT\b", f":{fwd.name} DROP", x) for x in body_decls]
    for chain in new_rules:
        user_decls[chain] = f":{chain} - [0:0]"
        user_rules[chain] = new_rules[chain]
    out = [first_line, *body_decls, *[user_decls[c] for c in sorted(user_decls)], *other]
    for decl_line in body_decls:
        chain = decl_line[1:].split()[0]
        first, last = jumps.get(chain, ([], []))
        placed = False
        for no, raw in builtin_rules.get(chain, []):
            if first and no == before_line.get(chain):
                out += first
                placed = True
            out.append(raw)
        if not placed:
            out += first
        out += last
    for chain in sorted(user_rules):
        out += user_rules[chain]
    if start is None or commit is None:
        out.append("COMMIT")
    return "\n".join([*head, *out, *tail])


def _filter_table(
    body: list[str], first: int
) -> tuple[list[str], dict[str, list[tuple[int, str]]], dict[str, str], dict[str, list[str]], list[str]]:
    """The filter table's lines (between ``*filter`` and ``COMMIT``; ``first`` is the first
    one's line number): built-in declarations, built-in chains' rules (with their line
    numbers), user declarations and rules by chain, and any other line."""
    builtin = ("INPUT", "FORWARD", "OUTPUT")
    decls: list[str] = []
    builtin_rules: dict[str, list[tuple[int, str]]] = {}
    user_decls: dict[str, str] = {}
    user_rules: dict[str, list[str]] = {}
    other: list[str] = []
    for k, raw in enumerate(body):
        no = first + k
        t = raw.strip()
        if t.startswith(":"):
            name = t[1:].split()[0]
            if name in builtin:
                decls.append(raw)
            else:
                user_decls[name] = raw
            continue
        words = t.split("] ", 1)[-1].split() if t.startswith(("-A ", "[")) else []
        if len(words) > 1:
            if words[1] in builtin:
                builtin_rules.setdefault(words[1], []).append((no, raw))
            else:
                user_rules.setdefault(words[1], []).append(raw)
        elif t:
            other.append(raw)
    return decls, builtin_rules, user_decls, user_rules, other


def _already_applied(d: Dump, backend: str) -> bool:
    """The dump already holds netaudit's chains (a host the change set was applied to)."""
    rs = d.nft_rs if backend == "nft" else d.ipt_rs
    prefix = f"{TAG}_" if backend == "nft" else f"{TAG}-"
    return rs is not None and any(c.name.startswith(prefix) for c in rs.chains)


def _applied(device: Device, text: str) -> Rendered:
    """A host that already carries netaudit's chains: nothing is added twice (the script
    guards against a second run the same way); the rollback comes first to regenerate."""
    note = {
        "vi": "Máy đã có các chain netaudit (thay đổi đã được áp dụng): không thêm lần nữa. Muốn tạo lại thay đổi, "
        "chạy tệp hoàn tác trước rồi thu thập lại.",
        "en": "The host already has netaudit's chains (the change set was applied): nothing is added twice. To "
        "regenerate it, run the rollback first and collect again.",
    }
    return Rendered(
        f"# netaudit: {device.hostname} already carries netaudit's chains: nothing to add\n",
        text,
        f"# netaudit: use the rollback of the change set that was applied to {device.hostname}\n",
        [note],
    )


def _no_firewall(device: Device, text: str) -> Rendered:
    """A dump without a readable nft or iptables section: nothing is proposed blind."""
    note = {
        "vi": "Bản thu thập không có phần 'nft list ruleset' hay 'iptables-save' đọc được: không biết tường lửa "
        "hiện tại nên không đề xuất thay đổi. Thu thập lại bằng lệnh một dòng trong docs/vendors/linux.md.",
        "en": "The dump has no readable 'nft list ruleset' or 'iptables-save' section: the current firewall is "
        "unknown, so no change is proposed. Collect again with the one-liner of docs/vendors/linux.md.",
    }
    script = f"# netaudit: no change set for {device.hostname}: {note['en']}\n"
    return Rendered(script, text, f"# netaudit: nothing to undo for {device.hostname}\n", [note])


# --------------------------------------------------------------------------- notes


def _notes(
    device: Device, tool: str, ch: Change, plan: DevicePlan, fwd: Base, policy_drop: bool, d_managed: bool
) -> list[dict[str, str]]:
    """The safety notes {vi, en} of the change set (``tool``: nft, or the iptables binary)."""
    backend = "nft" if tool == "nft" else "iptables"
    mgmt = [str(n) for n in plan.mgmt]
    chains = f"{FWD}/{INP}" if backend == "nft" else f"{IPT_CHAIN[FWD]}/{IPT_CHAIN[INP]}"
    end_chain = FWD_END if backend == "nft" else IPT_CHAIN[FWD_END]
    listing = "nft list ruleset" if backend == "nft" else f"{tool} -S"
    if backend == "nft":
        save_vi = "`nft list ruleset > /root/before-fix.nft` (và bảng bị thay đổi ở dạng `nft -f` khôi phục được)"
        save_en = "`nft list ruleset > /root/before-fix.nft` (and the changed table in a form `nft -f` restores)"
        undo_cmd = undo_cmd_en = f"nft -f /root/before-fix.{fwd.table}.nft"
        persist_vi = (
            "Lưu vĩnh viễn (sau khi đã kiểm tra và hủy hoàn tác tự động): ghi `nft list ruleset` vào "
            "/etc/nftables.conf (giữ hai dòng đầu `#!/usr/sbin/nft -f` và `flush ruleset`) rồi "
            "`systemctl enable nftables` — nếu không, khởi động lại máy sẽ mất thay đổi."
        )
        persist_en = (
            "Persistence (after checking and cancelling the automatic rollback): write `nft list ruleset` to "
            "/etc/nftables.conf (keeping its `#!/usr/sbin/nft -f` and `flush ruleset` lines) and "
            "`systemctl enable nftables` — otherwise a reboot loses the change."
        )
    else:
        save_vi = f"`{tool}-save > /root/before-fix.iptables`"
        save_en = save_vi
        undo_cmd = undo_cmd_en = f"{tool}-restore < /root/before-fix.iptables"
        persist_vi = (
            "Lưu vĩnh viễn (sau khi đã kiểm tra và hủy hoàn tác tự động): `netfilter-persistent save` (gói "
            "iptables-persistent, ghi /etc/iptables/rules.v4) — nếu không, khởi động lại máy sẽ mất thay đổi."
        )
        persist_en = (
            "Persistence (after checking and cancelling the automatic rollback): `netfilter-persistent save` "
            "(package iptables-persistent, writes /etc/iptables/rules.v4) — otherwise a reboot loses the change."
        )
    notes = [
        {
            "vi": f"Tệp thay đổi là một script shell, chạy với quyền root (`sh {device.hostname}.txt`). Bước đầu "
            f"lưu bộ luật hiện tại: {save_vi}; sao chép tệp này ra ngoài máy trước khi làm tiếp.",
            "en": f"The change set is a shell script run as root (`sh {device.hostname}.txt`). Its first step saves "
            f"the current ruleset: {save_en}; copy it off the host before going on.",
        },
        {
            "vi": f"Hoàn tác tự động: script hẹn giờ khôi phục bộ luật đã lưu sau {DELAY // 60} phút "
            f"(`{undo_cmd}`). Nếu mất kết nối, chờ {DELAY // 60} phút rồi kết nối lại. Khi đã kiểm tra xong "
            'mọi vùng, hủy hẹn giờ: `kill "$(cat /root/netaudit-autorollback.pid)"`.',
            "en": f"Automatic rollback: the script arms a timer that restores the saved ruleset after "
            f"{DELAY // 60} minutes (`{undo_cmd_en}`). If the session drops, wait {DELAY // 60} minutes and "
            'reconnect. Once every zone is checked, cancel it: `kill "$(cat /root/netaudit-autorollback.pid)"`.',
        },
        {"vi": persist_vi, "en": persist_en},
    ]
    if mgmt:
        ifs = ", ".join(ch.mgmt_ifaces)
        via_vi, via_en = (f", cổng {ifs}", f", via {ifs}") if ifs else ("", "")
        where_vi = f"Chạy từ một máy trong mạng quản trị ({', '.join(mgmt)}{via_vi}) qua SSH"
        where_en = f"Run it from a host of the management network ({', '.join(mgmt)}{via_en}) over SSH"
        if ch.limited:
            only = ", ".join(ch.limited)
            notes.append(
                {
                    "vi": f"{where_vi}: thay đổi chỉ cho phép {only} từ đó — từ nơi khác phiên làm việc sẽ bị cắt và "
                    f"hoàn tác tự động sẽ khôi phục sau {DELAY // 60} phút.",
                    "en": f"{where_en}: the change admits {only} from there only — from elsewhere the session drops "
                    f"and the automatic rollback restores the ruleset after {DELAY // 60} minutes.",
                }
            )
        else:
            notes.append(
                {
                    "vi": f"{where_vi}: nếu thay đổi chặn cả phiên làm việc, hoàn tác tự động sẽ khôi phục sau "
                    f"{DELAY // 60} phút.",
                    "en": f"{where_en}: should the change cut the session, the automatic rollback restores the "
                    f"ruleset after {DELAY // 60} minutes.",
                }
            )
    elif plan.restricts:
        notes.append(
            {
                "vi": "Không có vùng quản trị: các dịch vụ quản trị của máy bị chặn ở chuỗi input. Chạy script "
                "từ bàn phím/console của máy; nên tạo một mạng quản trị riêng.",
                "en": "No management zone: the host's management services are dropped in the input chain. Run the "
                "script from the host's keyboard/console; a management network of its own is advised.",
            }
        )
    if ch.chains.get(FWD) or ch.chains.get(INP):
        notes.append(
            {
                "vi": f"Các luật mới nằm trong các chain {chains}, được gọi bằng một luật jump đặt trước luật đầu "
                "tiên quyết định kết nối mới (sau các luật cho established/related/invalid), nên gói trả lời vẫn "
                f"đi qua. Kiểm tra bằng `{listing}` rằng jump nằm trước các luật drop.",
                "en": f"The new rules live in chains {chains}, entered by one jump placed before the first rule that "
                "decides new connections (after the established/related/invalid rules), so replies keep flowing. "
                f"Check with `{listing}` that the jump sits before the drops.",
            }
        )
    if policy_drop:
        notes.append(
            {
                "vi": f"Chuỗi {fwd.name} chuyển sang policy drop. Những gì trước đây lọt tới cuối chuỗi vẫn được "
                f"chấp nhận ở {end_chain} nếu đến từ một cổng nội bộ với địa chỉ của chính mạng sau cổng đó, hoặc "
                "từ Internet tới dịch vụ đã công bố (DNAT); địa chỉ giả mạo và lưu lượng từ Internet chưa công bố "
                "bị chặn. Nếu sau này có thêm dải địa chỉ mới sau một cổng, cần thêm dải đó vào chain này.",
                "en": f"Chain {fwd.name} gets policy drop. What reached its end before is still accepted in "
                f"{end_chain} when it comes from an inside interface with an address of the network behind it, or "
                "from the Internet to a published (DNAT) service; forged sources and unpublished traffic from the "
                "Internet are dropped. A network added later behind an interface must be added to that chain.",
            }
        )
    if policy_drop and fwd.family == "inet":
        notes.append(
            {
                "vi": "IPv6 trong bảng inet vẫn đi qua như trước (netaudit chỉ kiểm tra IPv4): rà soát IPv6 riêng "
                "nếu nhà mạng cấp IPv6 cho văn phòng.",
                "en": "IPv6 in the inet table passes as before (netaudit audits IPv4 only): review IPv6 separately "
                "if the ISP gives the office IPv6.",
            }
        )
    if plan.restricts:
        notes.append(
            {
                "vi": "Chuỗi input vẫn giữ policy accept: thay đổi chỉ chặn các dịch vụ quản trị nêu trên. Đặt "
                "policy drop cho input (chỉ cho phép những gì máy cần: established/related, lo, DHCP/DNS cho mạng "
                "nội bộ, SSH từ mạng quản trị) là bước tiếp theo, làm thủ công sau khi rà soát các dịch vụ khác.",
                "en": "The input chain keeps policy accept: the change drops the management services above only. "
                "Policy drop on input (allowing what the host needs: established/related, lo, DHCP/DNS for the "
                "LAN, SSH from management) is the next step, by hand, once the other services are reviewed.",
            }
        )
    if backend == "iptables" and d_managed:
        notes.append(
            {
                "vi": "Các bảng iptables-nft cũng hiện trong `nft list ruleset`: chỉ sửa chúng bằng lệnh iptables "
                "(như script này), không bằng nft.",
                "en": "The iptables-nft tables also show in `nft list ruleset`: change them with iptables commands "
                "only (as this script does), never with nft.",
            }
        )
    if ch.stopped:
        kept = ", ".join(ch.stopped)
        notes.append(
            {
                "vi": f"Không có vùng quản trị để giới hạn về: {kept} bị chặn từ các vùng đã truy cập được "
                "(theo chính sách), vẫn dùng được từ máy không thuộc vùng nào. Nên khai báo một vùng quản trị "
                "(kind: management) rồi chạy lại.",
                "en": f"No management zone to limit them to: {kept} dropped from the zones that reached them (the "
                "policy's word), still usable from a host in no zone. Declaring a management zone (kind: "
                "management) and running again is advised.",
            }
        )
    if ch.turned_off:
        off = ", ".join(ch.turned_off)
        notes.append(
            {
                "vi": f"Bị chặn hoàn toàn ở chuỗi input (giao thức không mã hóa hoặc không có vùng quản trị): {off}. "
                "Nên tắt hẳn dịch vụ tương ứng (`systemctl disable --now <dịch vụ>`, gỡ telnetd).",
                "en": f"Dropped for everyone in the input chain (cleartext, or no management zone): {off}. "
                "Stopping the daemons too is advised (`systemctl disable --now <service>`, remove telnetd).",
            }
        )
    if ch.closed:
        if backend == "nft" and fwd.family == "inet":
            ipv6 = Text("fix.note.linux_edge_close.inet")
        elif ch.ip6_inputs:
            ipv6 = Text("fix.note.linux_edge_close.ip6", chains=", ".join(f"ip6 {t} {c}" for t, c, _ in ch.ip6_inputs))
        else:
            ipv6 = Text("fix.note.linux_edge_close.ipv4")
        services = list(dict.fromkeys(s for s, _ in ch.closed))
        interfaces = list(dict.fromkeys(r.iif for _, r in ch.closed))
        notes.append(
            both(
                "fix.note.linux_edge_close",
                services=", ".join(services),
                interfaces=", ".join(interfaces),
                chain=INP if backend == "nft" else IPT_CHAIN[INP],
                ipv6=ipv6,
            )
        )
    notes.append(
        {
            "vi": "Hoàn tác: chạy tệp .rollback.txt với quyền root (gỡ đúng những gì đã thêm, tìm các jump theo chú "
            f"thích `{TAG}:`), hoặc khôi phục bộ luật đã lưu: `{undo_cmd}`.",
            "en": "Undo: run the .rollback.txt file as root (it removes exactly what was added, finding the jumps "
            f"by their `{TAG}:` comment), or restore the saved ruleset: `{undo_cmd_en}`.",
        }
    )
    return notes


__all__ = ["render"]
