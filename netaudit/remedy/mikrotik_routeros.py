"""MikroTik RouterOS change sets (docs/remedy.md): one script per device.

* **Blocks** → one rule block: address lists ``netaudit-<zone>`` for the zones' subnets
  (an external zone is ``!netaudit-inside``, every address no inside zone owns), the
  rules in a chain of their own (``netaudit-forward``) and ONE ``jump`` to it placed in
  the ``forward`` chain before the first rule that decides new connections — after the
  leading rules that only handle established/related/untracked packets, invalid ones or
  IPsec (the defconf prefix), so replies keep flowing.  A block is
  ``in-interface`` (or ``out-interface``) + source list + destination list → ``drop``;
  a block with services the policy still allows jumps to a chain of its own that
  ``return``\\ s those services (the rest of the forward chain decides them, as today) and
  drops the rest.
* **Restrictions** → ``/ip service set <svc> address=<management subnets>`` (or
  ``disabled=yes`` for cleartext telnet/ftp/www/api and when no management zone exists),
  the SNMP communities' ``addresses=``, and for services without an address setting
  (DNS, bandwidth test, ICMP echo, proxy …) drops in a chain ``netaudit-input`` jumped to
  from the ``input`` chain at the same kind of place.
* **Anti-spoofing** → where a zone that forges source addresses enters the router (its
  gateway interface), a drop in ``/ip firewall raw`` chain ``prerouting``:
  ``in-interface=<gateway> src-address-list=!<list>`` — the list holds the zone's
  addresses and every address routed behind that interface (``behind()``), so routed
  subnets there keep working; DHCP's ``0.0.0.0`` source is exempt there, and dropped in
  the filter chains unless toward 255.255.255.255 (docs/remedy.md).  On an interface a
  default route leaves by, the drop takes instead the addresses routed behind the other
  interfaces (a forged inside source arriving from the outside).  Placed before every
  existing raw rule (a raw ``accept``/``notrack`` ends raw processing), removed by its
  comment.  This is strict uRPF per interface; the global ``/ip settings rp-filter``
  is not used (one switch for every interface: it breaks multi-WAN policy routing).
* **L2 root cause** → a bridge without VLAN filtering whose configuration shows VLAN intent
  (``Device.unfiltered_bridges``) gets the VLAN table that intent implies, its access ports
  ``frame-types=admit-only-untagged-and-priority-tagged ingress-filtering=yes``, and
  ``vlan-filtering=yes`` last, the management VLAN's row first.
* ``patched``: the same change written into the export text where an export holds it
  (the jump before its rule in ``/ip firewall filter``, the new chains after the last
  filter rule, service and bridge lines changed in place), so the RouterOS parser reads the
  device as it will be.  ``rollback`` removes what was added and restores what was changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from netaddr import IPAddress, IPNetwork, IPSet

from ..headerspace import service_match
from ..model import PROTO_ICMP, PROTO_TCP, PROTO_UDP, Device
from ..parsers.mikrotik_routeros.parser import RouterOSParser
from ..parsers.mikrotik_routeros.records import BridgeVlan, FwRule
from ..parsers.mikrotik_routeros.state import State
from ..parsers.mikrotik_routeros.syntax import _TOKEN, Command, logical_lines, parse_command, unquote
from ..parsers.mikrotik_routeros.values import split_list
from ..parsers.mikrotik_routeros.wireless import wireless_tag
from . import Rendered
from .addresses import behind, is_outside, outward_interfaces, planned_inside
from .plan import DevicePlan

TAG = "netaudit"  # every comment, list and chain netaudit adds starts with it
FWD_CHAIN = f"{TAG}-forward"
IN_CHAIN = f"{TAG}-input"
INSIDE = f"{TAG}-inside"
MGMT = f"{TAG}-mgmt"
MGMT_ONLY = f"{TAG}-mgmt-only"
# model MgmtService name -> /ip service name
IP_SERVICE = {
    "telnet": "telnet",
    "ftp": "ftp",
    "http": "www",
    "https": "www-ssl",
    "ssh": "ssh",
    "api": "api",
    "api-ssl": "api-ssl",
    "winbox": "winbox",
}
CLEARTEXT = {"telnet", "ftp", "www", "api"}
PROTO_WORD = {PROTO_TCP: "tcp", PROTO_UDP: "udp", PROTO_ICMP: "icmp"}
FILTER = ("ip", "firewall", "filter")
RAW = ("ip", "firewall", "raw")
PREFIX_STATES = {"established", "related", "untracked"}
NON_TERMINATING = {"passthrough", "log", "add-src-to-address-list", "add-dst-to-address-list"}


# --------------------------------------------------------------------------- values


def q(value: str) -> str:
    """A RouterOS value as a script/export writes it (quoted and escaped when needed)."""
    if value and re.fullmatch(r"[A-Za-z0-9._:/,!@+-]+", value):
        return value
    out = []
    for ch in value:
        if ch in '"\\$?':
            out.append("\\" + ch)
        elif ord(ch) < 32 or ord(ch) > 126:
            out.append("".join(f"\\{b:02X}" for b in ch.encode("utf-8")))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def qs(value: str) -> str:
    """Always quoted (a string compared in ``find where``)."""
    v = q(value)
    return v if v.startswith('"') else f'"{v}"'


def props_text(props: list[tuple[str, str]]) -> str:
    return " ".join(f"{k}={q(v)}" for k, v in props)


def safe_name(zone: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", zone).strip("-") or "zone"


def nets_text(nets: list[IPNetwork]) -> str:
    return ",".join(str(n) for n in nets)


@dataclass
class Rule:
    """A firewall filter rule netaudit adds."""

    chain: str
    action: str
    props: list[tuple[str, str]]
    comment: str

    def body(self) -> str:
        parts = [("chain", self.chain), ("action", self.action), *self.props, ("comment", f"{TAG}: {self.comment}")]
        return props_text(parts)


# --------------------------------------------------------------------------- the export text


@dataclass
class Logical:
    line: int  # first physical line (1-based)
    nphys: int
    text: str
    path: tuple[str, ...] | None
    cmd: Command | None


class Export:
    """The export as logical lines, with edits keyed by first line number."""

    def __init__(self, text: str):
        self.trailing = text.endswith("\n")
        self.phys = text.split("\n")
        if self.trailing:
            self.phys.pop()
        self.logical: list[Logical] = []
        current: tuple[str, ...] | None = None
        for line, nphys, joined in logical_lines(text):
            path = cmd = None
            if joined and joined[0] not in "#:":
                try:
                    path, cmd = parse_command(joined, current)
                except ValueError:
                    path = cmd = None
                if joined.startswith("/") and path is not None:
                    current = path
            self.logical.append(Logical(line, nphys, joined, path, cmd))
        self.by_line = {lg.line: lg for lg in self.logical}
        self.before: dict[int, list[str]] = {}
        self.after: dict[int, list[str]] = {}
        self.replace: dict[int, str] = {}
        self.at_end: list[str] = []

    def in_menu(self, path: tuple[str, ...]) -> list[Logical]:
        return [lg for lg in self.logical if lg.cmd is not None and lg.path == path]

    def set_props(self, line: int, props: dict[str, str]) -> None:
        """Rewrite the logical line at ``line`` with ``props`` set (replaced or appended)."""
        text = self.replace.get(line, self.by_line[line].text)
        spans: dict[str, tuple[int, int]] = {}
        for m in _TOKEN.finditer(text):
            if m.group("key") is not None and m.group("val") is not None:
                spans.setdefault(m.group("key"), (m.start(), m.end()))
        edits = []
        extra = []
        for k, v in props.items():
            if k in spans:
                edits.append((spans[k], f"{k}={q(v)}"))
            else:
                extra.append(f"{k}={q(v)}")
        for (a, b), new in sorted(edits, reverse=True):
            text = text[:a] + new + text[b:]
        if extra:
            text = text + " " + " ".join(extra)
        self.replace[line] = text

    def render(self) -> str:
        out: list[str] = []
        for lg in self.logical:
            out.extend(self.before.get(lg.line, []))
            if lg.line in self.replace:
                out.append(self.replace[lg.line])
            else:
                out.extend(self.phys[lg.line - 1 : lg.line - 1 + lg.nphys])
            out.extend(self.after.get(lg.line, []))
        out.extend(self.at_end)
        return "\n".join(out) + ("\n" if self.trailing or out else "")


# --------------------------------------------------------------------------- placement


def _is_prefix(rule: FwRule) -> bool:
    """A rule that never decides a new connection the blocks must see first: accepting only
    established/related/untracked packets, dropping invalid ones, IPsec accepts, logging."""
    if rule.disabled or rule.action in NON_TERMINATING:
        return True
    cs = rule.get("connection-state")
    if cs and not cs.startswith("!"):
        states = set(split_list(cs))
        if rule.action in ("accept", "fasttrack-connection") and states <= PREFIX_STATES:
            return True
        if rule.action in ("drop", "reject") and states == {"invalid"}:
            return True
    return bool(rule.action == "accept" and (rule.get("ipsec-policy") or "").endswith(",ipsec"))


def _accepts_established(rule: FwRule) -> bool:
    cs = rule.get("connection-state") or ""
    return (
        not rule.disabled
        and rule.action in ("accept", "fasttrack-connection")
        and not cs.startswith("!")
        and {"established", "related"} <= set(split_list(cs))
    )


@dataclass
class Placement:
    target: FwRule | None  # the jump goes before it (None: at the end of the chain)
    reference: str  # the place-before= value of the script ("" = at the end)
    established_first: bool  # replies are accepted before the jump


def place(st: State, chain: str) -> Placement:
    # The rules RouterOS installs itself (a HotSpot's) stay above every rule of the
    # configuration, as the script's `find … !dynamic` counts them: not a place.
    rules = [r for r in st.rules["filter"] if r.chain == chain and not r.dynamic]
    established = False
    for k, r in enumerate(rules):
        if _is_prefix(r):
            established = established or _accepts_established(r)
            continue
        comment = r.get("comment")
        if comment and sum(1 for x in rules if x.get("comment") == comment) == 1:
            ref = f"[ find where chain={chain} and comment={qs(comment)} ]"
        else:
            ref = f"[ :pick [ find where chain={chain} and !dynamic ] {k} ]"
        return Placement(r, ref, established)
    return Placement(None, "", established)


# --------------------------------------------------------------------------- the change


@dataclass
class Change:
    lists: dict[str, list[IPNetwork]] = field(default_factory=dict)
    fwd: list[Rule] = field(default_factory=list)  # chain netaudit-forward and sub-chains
    inp: list[Rule] = field(default_factory=list)  # chain netaudit-input
    inp_tail: list[Rule] = field(default_factory=list)  # chain netaudit-mgmt-only
    iflist: list[str] = field(default_factory=list)  # interface list netaudit-mgmt
    services: dict[str, dict[str, str]] = field(default_factory=dict)  # /ip service name -> props
    snmp: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (find, props)
    snmp_off: bool = False
    notes: list[dict[str, str]] = field(default_factory=list)
    turned_off: list[str] = field(default_factory=list)
    bridge_script: list[str] = field(default_factory=list)
    bridge_rollback: list[str] = field(default_factory=list)
    bridges: list[str] = field(default_factory=list)
    raw: list[Rule] = field(default_factory=list)  # anti-spoofing drops, /ip firewall raw prerouting
    antispoofed: list[str] = field(default_factory=list)  # interfaces


def _zone_list(ch: Change, zone: str, nets: list[IPNetwork]) -> str:
    name = f"{TAG}-{safe_name(zone)}"
    have = ch.lists.setdefault(name, [])
    for n in nets:
        if n not in have:
            have.append(n)
    return name


def _inside_set(plan: DevicePlan, dev: Device) -> IPSet:
    """Every address an inside zone owns.  Exact when a block goes to the external zone (its
    destination is the complement); otherwise the plan's own zones, the management subnets
    and the connected subnets of the interfaces that do not face the outside (a plan defect:
    a block from the external zone carries no source set)."""
    inside, exact = planned_inside(plan)
    if exact:
        return inside
    for itf in dev.interfaces.values():
        if IPNetwork("0.0.0.0/0") in behind(dev, itf.name).iter_cidrs():
            continue
        for a in itf.addresses:
            inside.add(a.cidr)
    return inside


def _service_props(service: str) -> list[tuple[str, str]]:
    m = service_match(service)
    if m.protocols is None:
        return []
    proto = m.protocols[0]
    props = [("protocol", PROTO_WORD.get(proto, str(proto)))]
    if m.dst_ports:
        props.append(("dst-port", ",".join(f"{r.lo}" if r.lo == r.hi else f"{r.lo}-{r.hi}" for r in m.dst_ports)))
    if m.icmp_type is not None:
        props.append(("icmp-options", f"{m.icmp_type}:0-255"))
    return props


def _blocks(plan: DevicePlan, dev: Device, ch: Change) -> None:
    inside: IPSet | None = None
    for b in plan.blocks:
        props: list[tuple[str, str]] = [("in-interface" if b.direction == "in" else "out-interface", b.interface)]
        if b.src and b.direction == "in" and _only_zone_behind(dev, b):
            pass  # only the source zone lives behind the interface: forged sources are stopped too
        elif b.src:
            props.append(("src-address-list", _zone_list(ch, b.src_zone, b.src)))
        else:
            if inside is None:
                inside = _inside_set(plan, dev)
            ch.lists.setdefault(INSIDE, list(inside.iter_cidrs()))
            props.append(("src-address-list", f"!{INSIDE}"))
        if b.dst and is_outside(b.dst):
            if inside is None:
                inside = _inside_set(plan, dev)
            ch.lists.setdefault(INSIDE, list(inside.iter_cidrs()))
            props.append(("dst-address-list", f"!{INSIDE}"))
        elif b.dst:
            props.append(("dst-address-list", _zone_list(ch, b.dst_zone, b.dst)))
        what = f"{b.src_zone} -> {b.dst_zone}"
        matches = [props]
        doors = _only_behind(dev, b) if b.src and b.direction == "out" else []
        if doors:
            # a WAN zone (blocked where it leaves, after DNAT): matched by the interfaces
            # only it sits behind, not by its source addresses — a forged source is
            # stopped too (the forward chain sees both interfaces)
            rest = [p for p in props if p[0] != "src-address-list"]
            matches = [[("in-interface", door), *rest] for door in doors]
        if not b.src:
            # from the outside: also whatever arrives on an interface facing it, forged
            # inside sources included
            for w in outward_interfaces(dev):
                if w != b.interface:
                    matches.append([("in-interface", w), *props[:1], *props[2:]])
        if not b.allow:
            for m in matches:
                ch.fwd.append(Rule(FWD_CHAIN, "drop", m, what))
            continue
        sub = f"{TAG}-{safe_name(b.src_zone)}-{safe_name(b.dst_zone)}"
        if any(r.chain == sub for r in ch.fwd):
            sub = f"{sub}-{safe_name(b.interface)}"
        for m in matches:
            ch.fwd.append(Rule(FWD_CHAIN, "jump", [("jump-target", sub), *m], what))
        for svc in b.allow:
            ch.fwd.append(Rule(sub, "return", _service_props(svc), f"{what}: {svc} allowed by the policy"))
        ch.fwd.append(Rule(sub, "drop", [], f"{what}: everything else"))


def _only_zone_behind(dev: Device, b) -> bool:
    """Whether what arrives on the block's interface is the source zone's: every address
    behind it is the zone's, or routed on by a router of the zone's own segment (no default
    route there) — hosts behind that router reach the destination the same way, and a
    block by the zone's source addresses would let them (and the guests that forge their
    addresses, which the anti-spoofing list admits) through."""
    bh, zone = behind(dev, b.interface), IPSet(b.src)
    if bh <= zone:
        return True
    if IPNetwork("0.0.0.0/0") in list(bh.iter_cidrs()):
        return False
    connected = IPSet(a.cidr for a in dev.interfaces[b.interface].addresses)
    return connected <= zone and not ((bh - zone) & connected)


def _only_behind(dev: Device, b) -> list[str]:
    """The interfaces behind which the block's source zone, and nothing else, lives (no
    default route, no run-time address), when together they hold all of it; else []."""
    zone = IPSet(b.src)
    doors, covered = [], IPSet()
    for name in dev.interfaces:
        if name == b.interface:
            continue
        bh = behind(dev, name)
        if not bh or IPNetwork("0.0.0.0/0") in list(bh.iter_cidrs()) or not (bh & zone):
            continue
        if not bh <= zone:
            return []
        doors.append(name)
        covered |= bh
    return doors if zone <= covered else []


def _mgmt_interfaces(dev: Device, mgmt: list[IPNetwork]) -> list[str]:
    """Interfaces the management subnets reach the router by (connected, or routed there
    by a route more specific than a default route)."""
    want = IPSet(mgmt)
    out = []
    for name in dev.interfaces:
        b = behind(dev, name)
        if IPNetwork("0.0.0.0/0") in list(b.iter_cidrs()):
            b = IPSet(a.cidr for a in dev.interfaces[name].addresses)
        if b & want:
            out.append(name)
    return out


def _restricts(plan: DevicePlan, dev: Device, st: State, ch: Change) -> None:
    for r in plan.restricts:
        ros = IP_SERVICE.get(r.service)
        if ros is not None:
            if not r.allow_from or ros in CLEARTEXT:
                ch.services[ros] = {"disabled": "yes"}
                ch.turned_off.append(ros)
            else:
                ch.services[ros] = {"address": nets_text(r.allow_from)}
                # and from the management interfaces only (address= alone lets a forged
                # management source through from anywhere)
                _mgmt_only(dev, ch, r.allow_from)
                port = ",".join(f"{lo}" if lo == hi else f"{lo}-{hi}" for lo, hi in r.ports)
                ch.inp.append(
                    Rule(
                        IN_CHAIN,
                        "jump",
                        [("jump-target", MGMT_ONLY), ("protocol", "tcp"), ("dst-port", port)],
                        f"{ros}: management only",
                    )
                )
            continue
        if r.service == "snmp":
            if not r.allow_from:
                ch.snmp_off = True
                continue
            # SNMP is one UDP packet: besides the communities' addresses, only from the
            # management interfaces (a forged management source elsewhere is dropped)
            _mgmt_only(dev, ch, r.allow_from)
            ch.inp.append(
                Rule(
                    IN_CHAIN,
                    "jump",
                    [("jump-target", MGMT_ONLY), ("protocol", "udp"), ("dst-port", "161")],
                    "snmp: management only",
                )
            )
            addresses = nets_text(r.allow_from)
            default_seen = False
            for c in st.snmp_communities:
                if c.get("__default"):
                    default_seen = True
                    ch.snmp.append(("[ find default=yes ]", {"addresses": addresses}))
                elif c.get("__name"):
                    ch.snmp.append((f"[ find name={q(c['__name'])} ]", {"addresses": addresses}))
            if not default_seen:
                ch.snmp.insert(0, ("[ find default=yes ]", {"addresses": addresses}))
            continue
        # a service without an address setting: dropped in the input chain
        props: list[tuple[str, str]] = []
        if r.protocol == PROTO_ICMP:
            props = [("protocol", "icmp"), ("icmp-options", "8:0-255")]
        else:
            props = [("protocol", PROTO_WORD.get(r.protocol, str(r.protocol)))]
            if r.ports:
                props.append(("dst-port", ",".join(f"{lo}" if lo == hi else f"{lo}-{hi}" for lo, hi in r.ports)))
        label = r.service if r.protocol != PROTO_ICMP else "icmp echo"
        if r.allow_from:
            _mgmt_only(dev, ch, r.allow_from)
            ch.inp.append(Rule(IN_CHAIN, "jump", [("jump-target", MGMT_ONLY), *props], f"{label}: management only"))
        else:
            ch.inp.append(Rule(IN_CHAIN, "drop", props, f"{label} to the router: off"))


def _closes(plan: DevicePlan, ch: Change) -> None:
    """Gateway services that answered the Internet (plan.EdgeClose, an open resolver):
    dropped in the input chain where the Internet enters, the inside zones keeping them."""
    for c in plan.closes:
        for ifn in c.interfaces:
            props = [("in-interface", ifn), *_service_props(c.service)]
            ch.inp.append(Rule(IN_CHAIN, "drop", props, f"{c.service} from the Internet on {ifn}: off"))


def _keeps(plan: DevicePlan, dev: Device, ch: Change) -> None:
    """The gateway services a zone would lose (plan.Keep): accepted first in the input
    chain, on the interfaces holding the zone's addresses (after the bridge change, its
    VLAN interface), else from the zone's addresses."""
    for k in plan.keeps:
        nets = IPSet(k.subnets)
        ifaces = [i.name for i in dev.interfaces.values() if any(a.ip in nets for a in i.addresses)]
        where = [[("in-interface", n)] for n in ifaces] or [[("src-address-list", _zone_list(ch, k.zone, k.subnets))]]
        keep = [
            Rule(IN_CHAIN, "accept", [*w, *_service_props(k.service)], f"{k.zone}: {k.service} to the router, allowed")
            for w in where
        ]
        ch.inp[:0] = keep


def _mgmt_only(dev: Device, ch: Change, allow: list[IPNetwork]) -> None:
    """The chain that returns management packets (from a management interface and a
    management address) and drops the rest."""
    if any(r.chain == MGMT_ONLY for r in ch.inp_tail):
        return
    ch.lists.setdefault(MGMT, [])
    for n in allow:
        if n not in ch.lists[MGMT]:
            ch.lists[MGMT].append(n)
    ifs = _mgmt_interfaces(dev, allow)
    props: list[tuple[str, str]] = [("src-address-list", MGMT)]
    if len(ifs) == 1:
        props.insert(0, ("in-interface", ifs[0]))
    elif ifs:
        ch.iflist = ifs
        props.insert(0, ("in-interface-list", MGMT))
    ch.inp_tail.append(Rule(MGMT_ONLY, "return", props, "from the management network"))
    ch.inp_tail.append(Rule(MGMT_ONLY, "drop", [], "management service from elsewhere"))


# --------------------------------------------------------------------------- anti-spoofing


def _specific(dev: Device, name: str) -> IPSet:
    """The addresses a route more specific than a default route sends out of ``name``
    (its connected subnets included)."""
    itf = dev.interfaces.get(name)
    if itf is None:
        return IPSet()
    out = IPSet(a.cidr for a in itf.addresses)
    for r in dev.routes:
        if r.drop or r.prefix.prefixlen == 0:
            continue
        if r.interface == name or (
            r.next_hop is not None and any(IPAddress(r.next_hop) in a.cidr for a in itf.addresses)
        ):
            out.add(r.prefix.cidr)
    return out


def _antispoof(plan: DevicePlan, dev: Device, ch: Change) -> None:
    """Strict uRPF spelled as a raw drop: on each gateway of a forging zone, a source the
    router would not route back out of that interface is dropped before anything else."""
    for a in plan.antispoofs:
        if a.interface not in dev.interfaces or a.interface in ch.antispoofed:
            continue
        legit = behind(dev, a.interface)
        what = f"anti-spoofing: {a.zone} on {a.interface}"
        props: list[tuple[str, str]] = [("in-interface", a.interface)]
        if IPNetwork("0.0.0.0/0") in list(legit.iter_cidrs()):
            # the outside: drop what claims an address routed behind another interface
            forged = IPSet()
            for name in dev.interfaces:
                if name != a.interface:
                    forged |= _specific(dev, name)
            forged -= _specific(dev, a.interface)
            if not forged:
                continue
            name = f"{TAG}-spoof-{safe_name(a.interface)}"
            ch.lists[name] = list(forged.iter_cidrs())
            props.append(("src-address-list", name))
        else:
            zone_nets: list[IPNetwork] = []
            for b in plan.blocks:
                for z, nets in ((b.src_zone, b.src), (b.dst_zone, b.dst)):
                    if z == a.zone and nets and not is_outside(nets):
                        zone_nets += [n for n in nets if n not in zone_nets]
            allowed = legit | IPSet(zone_nets)
            name = f"{TAG}-{safe_name(a.zone)}"
            have = ch.lists.get(name)
            if have is not None and not allowed <= IPSet(have):
                name = f"{TAG}-src-{safe_name(a.interface)}"  # the zone's list stays the zone's
                ch.lists[name] = list(allowed.iter_cidrs())
            elif have is None:
                ch.lists[name] = list(allowed.iter_cidrs())
            props += [("src-address-list", f"!{name}"), ("src-address", "!0.0.0.0")]
            # 0.0.0.0 is a DHCP client's source, and only toward the limited broadcast
            # (RFC 2131 §4.1): forwarded, or to any other address of the router, it is
            # forged like any other.  Dropped in the filter chains, where the destination
            # is the one after DNAT (a raw rule would match it before).
            unspecified = f"{what} (unspecified source)"
            src0 = [("in-interface", a.interface), ("src-address", "0.0.0.0")]
            ch.fwd.append(Rule(FWD_CHAIN, "drop", src0, unspecified))
            ch.inp.append(Rule(IN_CHAIN, "drop", [*src0, ("dst-address", "!255.255.255.255")], unspecified))
        ch.raw.append(Rule("prerouting", "drop", props, what))
        ch.antispoofed.append(a.interface)


# --------------------------------------------------------------------------- L2: VLAN filtering


def _bridge(st: State, dev: Device, ex: Export, ch: Change, mgmt: list[IPNetwork]) -> None:
    """Every bridge without VLAN filtering whose configuration shows VLAN intent: the VLAN
    table the intent implies, access ports that admit untagged frames only, then
    ``vlan-filtering=yes``."""
    for ub in dev.unfiltered_bridges:
        b = st.bridges.get(ub.name)
        if b is None or b.disabled:
            continue
        ports = [p for p in st.bports if p.bridge == b.name and not p.disabled and p.iface not in st.lists]
        vlan_ifs = [v for v in st.vlan_ifs.values() if v.parent == b.name and not v.disabled]
        rows = [bv for bv in st.bvlans if bv.bridge == b.name]
        wtag = {p.iface: wireless_tag(st, p.iface) for p in ports}
        tagged: dict[int, list[str]] = {}
        untagged: dict[int, list[str]] = {}

        def add(d: dict[int, list[str]], vid: int, name: str) -> None:
            lst = d.setdefault(vid, [])
            if name not in lst:
                lst.append(name)

        for bv in rows:
            for vid in sorted(bv.vids):
                for t in bv.tagged:
                    add(tagged, vid, t)
                for u in bv.untagged:
                    add(untagged, vid, u)
        for v in vlan_ifs:
            add(tagged, v.vid, b.name)
        for p in ports:
            w = wtag[p.iface]
            if w is not None:
                add(tagged, w, p.iface)
            elif p.pvid != b.pvid:
                add(untagged, p.pvid, p.iface)
        # A VLAN only a VLAN interface shows (no row, no port in it): its tag was carried on
        # every port; kept on the ports without VLAN intent of their own.
        plain = [p.iface for p in ports if wtag[p.iface] is None and p.pvid == b.pvid]
        carried: dict[int, list[str]] = {}
        for v in vlan_ifs:
            members = set(tagged.get(v.vid, [])) | set(untagged.get(v.vid, []))
            if members <= {b.name}:
                for name in plain:
                    add(tagged, v.vid, name)
                carried[v.vid] = plain
        trunk = {n for vid, names in tagged.items() if vid != b.pvid for n in names}
        # the management VLAN first: the one whose interface holds a management subnet
        mgmt_ifs = set(_mgmt_interfaces(dev, mgmt))
        mgmt_vids = {v.vid for v in vlan_ifs if v.name in mgmt_ifs}
        vids = sorted(set(tagged) | set(untagged), key=lambda v: (v not in mgmt_vids, v))
        script = ["# 1. the bridge VLAN table (the management VLAN first)", "/interface bridge vlan"]
        rollback: list[str] = []
        row_of: dict[int, BridgeVlan] = {}
        for bv in rows:
            for vid in bv.vids:
                row_of.setdefault(vid, bv)
        done_rows: set[int] = set()
        new_rows: list[str] = []
        for vid in vids:
            t_names, u_names = tagged.get(vid, []), untagged.get(vid, [])
            row = row_of.get(vid)
            if row is not None:
                bv = row
                if id(bv) in done_rows:
                    continue
                done_rows.add(id(bv))
                rt: list[str] = []
                ru: list[str] = []
                for v2 in sorted(bv.vids):
                    rt += [x for x in tagged.get(v2, []) if x not in rt]
                    ru += [x for x in untagged.get(v2, []) if x not in ru]
                if set(rt) == set(bv.tagged) and set(ru) == set(bv.untagged):
                    continue
                sel = _row_selector(b.name, bv)
                props = {"tagged": ",".join(rt), "untagged": ",".join(ru)}
                script.append(f"set {sel} {' '.join(f'{k}={q(v)}' for k, v in props.items() if v)}")
                old = {"tagged": ",".join(bv.tagged), "untagged": ",".join(bv.untagged)}
                rollback.append(f"/interface bridge vlan set {sel} {props_text(list(old.items()))}")
                ex.set_props(bv.src.line, {k: v for k, v in props.items() if v})
                continue
            props_l = [("bridge", b.name)]
            if t_names:
                props_l.append(("tagged", ",".join(t_names)))
            if u_names:
                props_l.append(("untagged", ",".join(u_names)))
            props_l += [("vlan-ids", str(vid)), ("comment", f"{TAG}: VLAN {vid}")]
            script.append(f"add {props_text(props_l)}")
            new_rows.append(f"/interface bridge vlan add {props_text(props_l)}")
        if new_rows:
            rollback.append(f'/interface bridge vlan remove [ find where bridge={q(b.name)} and comment~"^{TAG}" ]')
            anchor = rows[-1].src.line if rows else (ports[-1].src.line if ports else b.src.line)
            ex.after.setdefault(anchor, []).extend(new_rows)
        if script[-1] == "/interface bridge vlan":
            script = script[:-2]
        script += ["# 2. the ports: access ports admit untagged frames only", "/interface bridge port"]
        for p in ports:
            props = {"ingress-filtering": "yes"}
            if p.iface not in trunk and wtag[p.iface] is None:
                props["frame-types"] = "admit-only-untagged-and-priority-tagged"
            sel = f"[ find where bridge={q(b.name)} and interface={q(p.iface)} ]"
            script.append(f"set {sel} {' '.join(f'{k}={q(v)}' for k, v in props.items())}")
            old = {"ingress-filtering": "yes" if p.ingress_filtering else "no", "frame-types": p.frame_types}
            rollback.append(f"/interface bridge port set {sel} {props_text([(k, old[k]) for k in props])}")
            ex.set_props(p.src.line, props)
        script += [
            "# 3. last: VLAN filtering on (Safe Mode still on; the management port keeps its VLAN)",
            f"/interface bridge set [ find name={q(b.name)} ] vlan-filtering=yes",
        ]
        line = b.vf_src.line if b.vf_src is not None else b.src.line
        if ex.by_line.get(line) is not None and ex.by_line[line].cmd is not None:
            ex.set_props(line, {"vlan-filtering": "yes"})
        else:
            ex.at_end.append(f"/interface bridge set [ find name={q(b.name)} ] vlan-filtering=yes")
        ch.bridge_script += script
        # undo: filtering off first (everything is one domain again), then the rest
        ch.bridge_rollback = [
            f"/interface bridge set [ find name={q(b.name)} ] vlan-filtering=no",
            *rollback,
            *ch.bridge_rollback,
        ]
        ch.bridges.append(b.name)
        for vid, names in carried.items():
            ch.notes.append(
                {
                    "vi": f"VLAN {vid} trên {b.name} không có hàng trong bảng VLAN: giữ gắn thẻ trên "
                    f"{', '.join(names) or '(không cổng nào)'} như trước; bỏ các cổng không cần VLAN này.",
                    "en": f"VLAN {vid} on {b.name} had no VLAN-table row: kept tagged on "
                    f"{', '.join(names) or '(no port)'} as before; remove the ports that do not need it.",
                }
            )


def _row_selector(bridge: str, bv) -> str:
    raw = next((v for k, v in _props_of(bv.src.text) if k == "vlan-ids"), ",".join(map(str, sorted(bv.vids))))
    return f"[ find where bridge={q(bridge)} and vlan-ids={unquote(raw)} ]"


def _props_of(text: str) -> list[tuple[str, str]]:
    return [(m.group("key"), m.group("val")) for m in _TOKEN.finditer(text) if m.group("val") is not None]


# --------------------------------------------------------------------------- render


def _jump(chain: str, target: str, pl: Placement, what: str) -> Rule:
    props: list[tuple[str, str]] = [("jump-target", target)]
    if not pl.established_first:
        props.append(("connection-state", "!established,related"))
    return Rule(chain, "jump", props, what)


def _filter_anchor(ex: Export) -> int | None:
    rules = ex.in_menu(FILTER)
    return rules[-1].line if rules else None


def render(plan: DevicePlan, device: Device, text: str) -> Rendered:
    """The change set of ``plan`` for the RouterOS device ``device`` read from ``text``."""
    parser = RouterOSParser(text, device.file)
    parser.run()
    st = parser.st
    ex = Export(text)
    ch = Change()
    mgmt: list[IPNetwork] = []
    for r in plan.restricts:
        for n in r.allow_from:
            if n not in mgmt:
                mgmt.append(n)
    _blocks(plan, device, ch)
    _restricts(plan, device, st, ch)
    _closes(plan, ch)
    _keeps(plan, device, ch)
    _antispoof(plan, device, ch)
    _bridge(st, device, ex, ch, mgmt)

    script: list[str] = [
        f"# netaudit change set for {device.hostname} (RouterOS {device.os_version or '?'})",
        "# Safe Mode first (Ctrl+X in the terminal, or the Safe Mode button in Winbox).",
        "/export file=before-fix",
    ]
    rollback: list[str] = [f"# netaudit rollback for {device.hostname}"]
    filt = ex.in_menu(FILTER)
    anchor_line = _filter_anchor(ex)

    # address lists
    if ch.lists:
        script.append("/ip firewall address-list")
        new_lists = []
        for name, nets in ch.lists.items():
            for n in nets:
                body = props_text([("list", name), ("address", str(n)), ("comment", f"{TAG}: zone addresses")])
                script.append(f"add {body}")
                new_lists.append(f"/ip firewall address-list add {body}")
        al = ex.in_menu(("ip", "firewall", "address-list"))
        if al:
            ex.after.setdefault(al[-1].line, []).extend(new_lists)
        elif filt:
            first = filt[0]
            header = _header_before(ex, first)
            ex.before.setdefault(header, []).extend(new_lists)
        else:
            ex.at_end.extend(new_lists)
        list_rollback = f'/ip firewall address-list remove [ find where list~"^{TAG}-" ]'

    if ch.iflist:
        lines = [f"/interface list add name={MGMT} comment={qs(TAG + ': management interfaces')}"]
        lines += [f"/interface list member add list={MGMT} interface={q(n)}" for n in ch.iflist]
        script += lines
        ex.at_end.extend(lines)
        rollback.append(f"/interface list member remove [ find where list={MGMT} ]")
        rollback.append(f"/interface list remove [ find where name={MGMT} ]")

    added_rules = False
    for chain, own, rules, what in (
        ("forward", FWD_CHAIN, ch.fwd, "zone blocks"),
        ("input", IN_CHAIN, ch.inp + ch.inp_tail, "management services"),
    ):
        if not rules:
            continue
        added_rules = True
        pl = place(st, chain)
        jump = _jump(chain, own, pl, what)
        script.append("/ip firewall filter")
        for rule in rules:
            script.append(f"add {rule.body()}")
        script.append(f"add {jump.body()}" + (f" place-before={pl.reference}" if pl.reference else ""))
        chain_lines = [f"/ip firewall filter add {rule.body()}" for rule in rules]
        jump_line = f"/ip firewall filter add {jump.body()}"
        if pl.target is not None:
            ex.before.setdefault(pl.target.src.line, []).append(jump_line)
        elif anchor_line is not None:
            ex.after.setdefault(anchor_line, []).append(jump_line)
        else:
            ex.at_end.append(jump_line)
        if anchor_line is not None:
            ex.after.setdefault(anchor_line, []).extend(chain_lines)
        else:
            ex.at_end.extend(chain_lines)
    if added_rules:
        rollback.append(f'/ip firewall filter remove [ find where comment~"^{TAG}:" ]')
    if ch.raw:
        _raw_rules(st, ex, ch, script, anchor_line)
        rollback.append(f'/ip firewall raw remove [ find where comment~"^{TAG}:" ]')
    if ch.lists:
        rollback.append(list_rollback)

    # /ip service
    if ch.services:
        script.append("/ip service")
        existing: dict[str | None, Logical] = {}
        for svc_line in ex.in_menu(("ip", "service")):
            if svc_line.cmd is not None and svc_line.cmd.verb == "set":
                existing[svc_line.cmd.target] = svc_line
        for ros, props in ch.services.items():
            script.append(f"set {ros} {' '.join(f'{k}={q(v)}' for k, v in props.items())}")
            cfg = st.services.get(ros, {})
            old: list[tuple[str, str]] = []
            if "disabled" in props:
                old.append(("disabled", unquote(cfg.get("disabled", "no")) if "disabled" in cfg else _default_off(ros)))
            if "address" in props:
                old.append(("address", unquote(cfg.get("address", ""))))
            rollback.append(f"/ip service set {ros} " + " ".join(f"{k}={qs(v) if not v else q(v)}" for k, v in old))
            found = existing.get(ros)
            if found is not None:
                ex.set_props(found.line, props)
            else:
                body = " ".join(f"{k}={q(v)}" for k, v in props.items())
                svc = ex.in_menu(("ip", "service"))
                if svc:
                    ex.after.setdefault(svc[-1].line, []).append(f"/ip service set {ros} {body}")
                else:
                    ex.at_end.append(f"/ip service set {ros} {body}")

    # SNMP
    if ch.snmp or ch.snmp_off:
        if ch.snmp_off:
            script += ["/snmp", "set enabled=no"]
            rollback.append("/snmp set enabled=yes")
            ex.at_end.append("/snmp set enabled=no")
        else:
            script.append("/snmp community")
            for sel, props in ch.snmp:
                body = " ".join(f"{k}={q(v)}" for k, v in props.items())
                script.append(f"set {sel} {body}")
                was = _old_community(st, sel)
                rollback.append(f"/snmp community set {sel} addresses={q(was) if was else qs(was)}")
                ex.at_end.append(f"/snmp community set {sel} {body}")

    # L2
    if ch.bridge_script:
        script += ch.bridge_script
        rollback = rollback[:1] + ch.bridge_rollback + rollback[1:]

    disabled = _disable_shadowed(ex, device)
    if disabled:
        script.append("# existing accept rules the blocks above make dead (kept, disabled)")
        script.append("/ip firewall filter")
        for sel in disabled:
            script.append(f"disable {sel}")
            rollback.append(f"/ip firewall filter enable {sel}")

    notes = _notes(ch, device, mgmt)
    return Rendered("\n".join(script) + "\n", ex.render(), "\n".join(rollback) + "\n", notes)


def _raw_rules(st: State, ex: Export, ch: Change, script: list[str], anchor_line: int | None) -> None:
    """The anti-spoofing drops: first in raw ``prerouting`` (before any raw accept or
    notrack, which would end raw processing for the forged packets too)."""
    existing = [r for r in st.rules["raw"] if r.chain == "prerouting"]
    ref = ""
    if existing:
        comment = existing[0].get("comment")
        if comment and sum(1 for x in existing if x.get("comment") == comment) == 1:
            ref = f"[ find where chain=prerouting and comment={qs(comment)} ]"
        else:
            ref = f'[ :pick [ find where chain=prerouting and !dynamic and !(comment~"^{TAG}:") ] 0 ]'
    script.append("/ip firewall raw")
    for rule in ch.raw:
        script.append(f"add {rule.body()}" + (f" place-before={ref}" if ref else ""))
    lines = [f"/ip firewall raw add {rule.body()}" for rule in ch.raw]
    raws = ex.in_menu(RAW)
    if existing:
        ex.before.setdefault(existing[0].src.line, []).extend(lines)
    elif raws:
        ex.after.setdefault(raws[-1].line, []).extend(lines)
    elif anchor_line is not None:
        ex.after.setdefault(anchor_line, []).extend(lines)
    else:
        ex.at_end.extend(lines)


def _disable_shadowed(ex: Export, device: Device) -> list[str]:
    """Existing accept rules of the patched filter that no packet reaches any more (the new
    blocks take all of them): disabled in the patched text; their selectors returned."""
    from ..headerspace import HeaderSpace
    from ..line_reachability import shadowed_lines
    from ..model import Action

    res = RouterOSParser(ex.render(), device.file).run()
    dev = res.devices[0]
    hs = HeaderSpace()
    out: list[str] = []
    for fname in (dev.forward_filter, dev.input_filter):
        flt = dev.filters.get(fname) if fname else None
        if flt is None:
            continue
        dead = {u.index for u in shadowed_lines(hs, flt)}
        by_rule: dict[str, list[int]] = {}
        for i, line in enumerate(flt.lines):
            if line.source is not None:
                by_rule.setdefault(line.source.text, []).append(i)
        for text, idxs in by_rule.items():
            if TAG + ":" in text or not all(i in dead for i in idxs):
                continue
            if any(flt.lines[i].action != Action.PERMIT for i in idxs):
                continue
            lg = next((lg for lg in ex.logical if lg.text == text and lg.line not in ex.replace), None)
            if lg is None or lg.cmd is None:
                continue
            cmd = lg.cmd
            comment = cmd.get("comment")
            chain = cmd.get("chain")
            if not comment or not chain:
                continue
            # The selector must take this rule alone: RouterOS's default configuration
            # gives many rules one comment, and `disable [ find … comment=… ]` would take
            # them all (the WAN drop of input with them).  A dead accept is harmless: kept.
            same = [
                x
                for x in ex.logical
                if x.cmd is not None
                and x.path == lg.path
                and x.cmd.get("chain") == chain
                and x.cmd.get("comment") == comment
            ]
            if len(same) != 1:
                continue
            ex.set_props(lg.line, {"disabled": "yes"})
            out.append(f"[ find where chain={chain} and comment={qs(comment)} ]")
    return out


def _header_before(ex: Export, first: Logical) -> int:
    """The line to insert before so that new full-path lines land before ``first``'s
    section (its menu header when it has one)."""
    idx = ex.logical.index(first)
    if idx > 0 and ex.logical[idx - 1].cmd is None and ex.logical[idx - 1].path == FILTER:
        return ex.logical[idx - 1].line
    return first.line


def _default_off(ros: str) -> str:
    return "yes" if ros == "www-ssl" else "no"


def _old_community(st: State, sel: str) -> str:
    for c in st.snmp_communities:
        if (c.get("__default") and "default=yes" in sel) or (c.get("__name") and f"name={q(c['__name'])}" in sel):
            return unquote(c.get("addresses", ""))
    return "0.0.0.0/0" if (st.major or 7) < 7 else "::/0"


def _notes(ch: Change, dev: Device, mgmt: list[IPNetwork]) -> list[dict[str, str]]:
    notes = [
        {
            "vi": "Trước khi dán: bật Safe Mode (Ctrl+X trong terminal, hoặc nút Safe Mode của Winbox) — nếu mất "
            "kết nối, RouterOS tự hoàn tác mọi thay đổi; tắt Safe Mode (Ctrl+X lần nữa) khi đã kiểm tra xong.",
            "en": "Before pasting: turn on Safe Mode (Ctrl+X in the terminal, or Winbox's Safe Mode button) — if the "
            "session drops, RouterOS undoes every change; leave Safe Mode (Ctrl+X again) once checked.",
        },
        {
            "vi": "Dòng đầu `/export file=before-fix` lưu cấu hình hiện tại vào tệp before-fix.rsc (Files): tải về "
            "máy trước khi tiếp tục.",
            "en": "The first line `/export file=before-fix` saves the current configuration as before-fix.rsc "
            "(Files): download it before going on.",
        },
    ]
    if ch.fwd or ch.inp:
        notes.append(
            {
                "vi": f"Các luật mới nằm trong chain {FWD_CHAIN}/{IN_CHAIN}, được gọi bằng một luật jump đặt "
                "trước luật đầu tiên quyết định kết nối mới (sau các luật defconf cho "
                "established/related/invalid). Kiểm tra bằng `/ip firewall filter print` rằng jump nằm trước "
                "các luật drop.",
                "en": f"The new rules live in chains {FWD_CHAIN}/{IN_CHAIN}, entered by one jump placed before the "
                "first rule that decides new connections (after the defconf established/related/invalid rules). "
                "Check with `/ip firewall filter print` that the jump sits before the drop rules.",
            }
        )
    if ch.antispoofed:
        where = ", ".join(ch.antispoofed)
        notes.append(
            {
                "vi": f"Chống giả mạo địa chỉ nguồn trên {where}: luật drop trong /ip firewall raw (chain prerouting, "
                "đặt trước mọi luật raw khác) loại gói có địa chỉ nguồn không thuộc dải của vùng hoặc dải được định "
                "tuyến sau cổng đó. Không dùng `/ip settings rp-filter` (một công tắc cho mọi cổng, làm hỏng định "
                "tuyến theo chính sách nhiều đường WAN). Nếu sau này thêm dải mới sau cổng, thêm dải đó vào danh "
                "sách địa chỉ tương ứng; kiểm tra bằng `/ip firewall raw print stats`.",
                "en": f"Source anti-spoofing on {where}: a drop in /ip firewall raw (chain prerouting, before every "
                "other raw rule) discards packets whose source is neither the zone's nor routed behind that "
                "interface. The global `/ip settings rp-filter` is not used (one switch for every interface: it "
                "breaks multi-WAN policy routing). A network added later behind the interface must be added to "
                "its address list; check with `/ip firewall raw print stats`.",
            }
        )
    if ch.turned_off:
        off = ", ".join(ch.turned_off)
        notes.append(
            {
                "vi": f"Tắt dịch vụ quản trị: {off}.",
                "en": f"Management services turned off: {off}.",
            }
        )
    if mgmt:
        ifs = ", ".join(_mgmt_interfaces(dev, mgmt)) or nets_text(mgmt)
        notes.append(
            {
                "vi": f"Dán từ một máy trong mạng quản trị ({nets_text(mgmt)}, cổng {ifs}): thay đổi chỉ cho phép "
                "Winbox/SSH từ đó — từ nơi khác phiên làm việc sẽ bị cắt và Safe Mode hoàn tác tất cả.",
                "en": f"Paste from a host of the management network ({nets_text(mgmt)}, via {ifs}): the change "
                "admits Winbox/SSH from there only — from elsewhere the session drops and Safe Mode undoes it all.",
            }
        )
    elif ch.turned_off:
        notes.append(
            {
                "vi": "Không có vùng quản trị: Winbox/SSH qua IP bị tắt. Kết nối bằng MAC-Winbox (Winbox → Neighbors, "
                "địa chỉ MAC) từ một cổng LAN của cán bộ hoặc cổng console; nên tạo một VLAN quản trị.",
                "en": "No management zone: Winbox/SSH over IP are turned off. Connect with MAC-Winbox (Winbox → "
                "Neighbors, MAC address) from a staff LAN port or the console; a management VLAN is advised.",
            }
        )
    if ch.bridges:
        notes.append(
            {
                "vi": "Bật vlan-filtering cho " + ", ".join(ch.bridges) + " theo đúng thứ tự của tệp: bảng VLAN "
                "(VLAN quản trị trước), rồi các cổng, cuối cùng `vlan-filtering=yes`. Cắm máy vào một cổng giữ "
                "nguyên VLAN không gắn thẻ của bridge (cổng cán bộ/quản trị, không phải cổng khách) và làm việc "
                "trong Safe Mode: nếu mất kết nối sau bước cuối, RouterOS tự hoàn tác.",
                "en": "Enable vlan-filtering on " + ", ".join(ch.bridges) + " in the file's order: the VLAN table "
                "(management VLAN first), then the ports, `vlan-filtering=yes` last. Work from a port that stays in "
                "the bridge's untagged VLAN (a staff/management port, not a guest one) and in Safe Mode: if the "
                "session drops after the last step, RouterOS undoes it.",
            }
        )
    notes.append(
        {
            "vi": "Hoàn tác: dán tệp .rollback.txt (trong Safe Mode), hoặc `/import before-fix.rsc` trên cấu hình "
            "đã reset.",
            "en": "Undo: paste the .rollback.txt file (in Safe Mode), or `/import before-fix.rsc` on a reset "
            "configuration.",
        }
    )
    return notes


__all__ = ["render"]
