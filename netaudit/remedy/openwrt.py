"""OpenWrt change sets (docs/remedy.md): one ``uci`` batch per router, the way an OpenWrt
administrator changes it — ``uci set/delete/add_list/reorder`` staged, ``uci changes``
reviewed, then ``uci commit <package>`` and the service reloaded.

* **Blocks** → named ``config rule`` sections (``netaudit_*``): ``src`` the source zone's
  firewall zone, ``dest`` the destination's (``*`` when its subnets span several),
  ``src_ip``/``dest_ip`` the zones' subnets (``src_ip`` left out when only the source zone
  lives behind the interface: forged sources are stopped too; ``device`` names that
  interface when its firewall zone has several), ``proto 'all'``, target
  ``REJECT`` (``DROP`` from an external zone).  The services the policy still allows are
  accepted by rules placed just before.  They are reordered before the first existing
  rule: fw4 evaluates a zone's rules in configuration order, and every forwarding after
  every rule (docs/vendors/openwrt.md, "firewall").  A ``config forwarding`` that alone
  causes a leak is deleted instead (what LuCI does when a destination zone is unticked)
  when the model shows that deleting it stops the blocked traffic and loses nothing else.
  Existing accept rules the new rejects make dead are disabled (``enabled '0'``), not
  deleted.
* **Restrictions** → a zone with ``input 'ACCEPT'`` from which a restricted service of
  the router is reached gets ``input 'REJECT'``; the router services it still needs and
  the policy allows (DHCP, DNS …; the router's own DHCP lease renewals on a DHCP uplink)
  are accepted by rules appended after the existing ones, and, where the zone also holds
  the management network, everything from the management subnets on its interface;
  where the zone's networks serve IPv6, its neighbour discovery and DHCPv6 too.
  Existing input accept rules that only open restricted services (``Allow-Ping`` from
  wan, a remote SSH/LuCI rule) are disabled; whatever still reaches a restricted
  service gets a reject rule at the top.  The services themselves: dropbear
  ``Interface`` and uhttpd ``listen_https`` bound to the management interface, uhttpd
  ``listen_http`` removed (cleartext off), the SNMP community's ``source`` limited to
  the management subnet (snmpd ``enabled '0'`` when turned off).
* **Wireless L2 root causes** → an open SSID attached to a network that is not the guest
  network (the one network whose SSIDs are all open) is moved to it; every open SSID
  gets ``isolate '1'``.
* ``patched``: the same change written into the input in its own form (``uci export``,
  ``uci show`` with anonymous indexes renumbered as uci would print them, or
  concatenated ``/etc/config`` files), so the OpenWrt parser reads the router as it will
  be.  ``rollback``: the inverse ``uci`` commands (added sections deleted first, deleted
  ones re-added at their place, options restored); the copies of ``/etc/config/*`` made
  by the change set under ``/root/netaudit-before/`` are the fallback.

Each decision is checked on the OpenWrt model of the patched text (the fw4 ``input`` and
``forward`` chains the parser builds), not guessed from option names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from netaddr import IPNetwork, IPSet

from ..filters import line_sets, permitted, shadowed_lines
from ..headerspace import HeaderSpace, service_match
from ..model import (
    PROTO_ICMP,
    PROTO_TCP,
    PROTO_UDP,
    VPN_ENDPOINTS,
    Action,
    Device,
    Match,
    MgmtService,
    ParseReport,
    PortRange,
)
from ..parsers.openwrt import firewall as ow_firewall
from ..parsers.openwrt import network as ow_network
from ..parsers.openwrt import services as ow_services
from ..parsers.openwrt import wireless as ow_wireless
from ..parsers.openwrt.state import State
from ..parsers.openwrt.uci import Section, UciText, read
from ..policy import services_packets
from . import Rendered
from .addresses import behind, is_outside
from .plan import Block, DevicePlan, Restrict, snmp_agent_left

TAG = "netaudit"  # every section netaudit adds is named netaudit_*, every rule name starts with it
BEFORE_DIR = "/root/netaudit-before"  # copies of /etc/config/* (on the overlay: survive a reboot)
BACKUP = "/tmp/netaudit-before.tar.gz"
# package -> the command that makes its service read the committed configuration
RELOAD = {
    "firewall": "/etc/init.d/firewall reload",
    "dropbear": "/etc/init.d/dropbear restart",
    "uhttpd": "/etc/init.d/uhttpd restart",
    "snmpd": "/etc/init.d/snmpd restart",
    "wireless": "wifi reload",
}
OPEN_ENCRYPTION = {"none", "owe", "", "open"}
ICMP_NAMES = {0: "echo-reply", 3: "destination-unreachable", 8: "echo-request", 11: "time-exceeded"}
PROTO_WORD = {PROTO_TCP: "tcp", PROTO_UDP: "udp", PROTO_ICMP: "icmp"}


# --------------------------------------------------------------------------- values


def uci_quote(value: str) -> str:
    """A value as ``uci export``/``uci show`` and the shell write it: single quotes,
    a quote inside as ``'\\''``."""
    return "'" + value.replace("'", "'\\''") + "'"


def safe_name(text: str) -> str:
    """A word usable in a UCI section name (letters, digits, underscore)."""
    return re.sub(r"[^A-Za-z0-9_]+", "_", text).strip("_").lower() or "x"


def _ports_text(ports: tuple[PortRange, ...] | tuple[tuple[int, int], ...]) -> str:
    out = []
    for p in ports:
        lo, hi = (p.lo, p.hi) if isinstance(p, PortRange) else p
        out.append(f"{lo}" if lo == hi else f"{lo}-{hi}")
    return " ".join(out)


def _match_options(m: Match) -> list[tuple[str, list[str]]]:
    """fw4 rule options selecting the packets of a service match (``proto`` always set:
    fw4's default ``tcpudp`` would leave other protocols out)."""
    if m.protocols is None:
        return [("proto", ["all"])]
    proto = m.protocols[0]
    opts: list[tuple[str, list[str]]] = [("proto", [PROTO_WORD.get(proto, str(proto))])]
    if m.dst_ports and proto in (PROTO_TCP, PROTO_UDP):
        opts.append(("dest_port", [_ports_text(m.dst_ports)]))
    if proto == PROTO_ICMP and m.icmp_type is not None:
        opts.append(("icmp_type", [ICMP_NAMES.get(m.icmp_type, str(m.icmp_type))]))
    return opts


def _restrict_match(r: Restrict) -> Match:
    if r.protocol == PROTO_ICMP:
        return Match(protocols=(PROTO_ICMP,), icmp_type=8)
    ports = tuple(PortRange(lo, hi) for lo, hi in r.ports) or None
    return Match(protocols=(r.protocol,), dst_ports=ports)


def _svc_match(svc: MgmtService) -> Match:
    if svc.protocol == PROTO_ICMP:
        return Match(protocols=(PROTO_ICMP,), icmp_type=svc.icmp_type)
    return Match(protocols=(svc.protocol,), dst_ports=tuple(svc.ports) or None)


def _restrict_key(r: Restrict) -> tuple:
    return (r.service, r.protocol, tuple(r.ports))


def _svc_key(svc: MgmtService) -> tuple:
    return (svc.name, svc.protocol, tuple((p.lo, p.hi) for p in svc.ports))


# --------------------------------------------------------------------------- the change


@dataclass
class OptChange:
    """An option of an existing section set (``values``: one = option, several or
    ``as_list`` = list) or deleted (``values`` None)."""

    sec: Section
    key: str
    values: list[str] | None
    why: str
    as_list: bool = False


@dataclass
class NewSection:
    """A section netaudit adds (always named ``netaudit_*``)."""

    package: str
    type: str
    name: str
    options: list[tuple[str, list[str]]]
    why: str
    top: bool = True  # before the first existing rule (else after the last section)


LIST_KEYS = {"src_ip", "dest_ip"}  # written as lists (fw4 takes both; several subnets need one)


@dataclass
class Change:
    opts: list[OptChange] = field(default_factory=list)
    deleted: list[tuple[Section, str]] = field(default_factory=list)
    added: list[NewSection] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)

    def set(self, sec: Section, key: str, value: str | list[str] | None, why: str, as_list: bool = False) -> None:
        """Set (or delete, ``value`` None) one option; a later change of the same option wins."""
        values = [value] if isinstance(value, str) else value
        self.opts = [o for o in self.opts if not (o.sec is sec and o.key == key)]
        self.opts.append(OptChange(sec, key, values, why, as_list))

    def name(self, base: str) -> str:
        """A section name not used yet."""
        taken = {n.name for n in self.added}
        name = f"{TAG}_{base}"[:60]
        k = 2
        while name in taken:
            name = f"{TAG}_{base}"[:56] + f"_{k}"
            k += 1
        return name

    def add_rule(self, base: str, options: list[tuple[str, list[str]]], why: str, top: bool = True) -> None:
        """A ``config rule`` (the same rule twice is written once)."""
        if any(n.options == options for n in self.added):
            return
        self.added.append(NewSection("firewall", "rule", self.name(base), options, why, top))

    def packages(self) -> list[str]:
        """The packages the change touches, in the order they are committed."""
        touched = {o.sec.package for o in self.opts} | {s.package for s, _ in self.deleted}
        touched |= {n.package for n in self.added}
        return [p for p in RELOAD if p in touched]


# --------------------------------------------------------------------------- the UCI text


class UciDoc:
    """The input text (any of the three forms) and how a :class:`Change` is written into it."""

    def __init__(self, text: str, file: str):
        self.ut: UciText = read(text, file)
        self.form = self.ut.form
        raw = text.split("\n")
        self.trailing = text.endswith("\n")
        if self.trailing:
            raw.pop()
        self.crlf = bool(raw) and sum(1 for x in raw if x.endswith("\r")) * 2 > len(raw)
        self.lines = [x[:-1] if x.endswith("\r") else x for x in raw]
        self.owner: dict[int, Section] = {}
        for s in self.ut.sections:
            for n in self.section_lines(s):
                self.owner[n] = s

    # ---------------------------------------------------------------- sections

    def sections(self, package: str, type_: str | None = None) -> list[Section]:
        """The input's sections of ``package`` (of one type), in order."""
        return self.ut.of(package, type_)

    @staticmethod
    def ref(sec: Section) -> str:
        """How uci names the section (``firewall.@zone[3]`` or ``firewall.lan``)."""
        return f"{sec.package}.{sec.name}"

    @staticmethod
    def section_lines(sec: Section) -> list[int]:
        """The input lines a section is written on (its header, options and list items)."""
        lines = {sec.src.line}
        lines |= {o.src.line for o in sec.options.values()}
        lines |= {o.src.line for items in sec.lists.values() for o in items}
        return sorted(lines)

    def last_line(self, sec: Section) -> int:
        """The section's last line: new options go after it."""
        return self.section_lines(sec)[-1]

    def index_in_package(self, sec: Section, deleted: set[int] | frozenset[int] = frozenset()) -> int:
        """The section's position among its package's sections (what ``uci reorder`` counts)."""
        alive = [s for s in self.sections(sec.package) if id(s) not in deleted or s is sec]
        return next(i for i, s in enumerate(alive) if s is sec)

    def type_index(self, sec: Section) -> int:
        """The section's index among the sections of its type (``@rule[N]``)."""
        same = [s for s in self.sections(sec.package, sec.type)]
        return next(i for i, s in enumerate(same) if s is sec)

    # ---------------------------------------------------------------- formatting

    def _indent(self, sec: Section) -> str:
        for n in self.section_lines(sec)[1:]:
            text = self.lines[n - 1]
            return text[: len(text) - len(text.lstrip())] or "\t"
        return "\t"

    def option_lines(self, sec: Section | NewSection, key: str, values: list[str], as_list: bool) -> list[str]:
        """``values`` of ``key`` as lines of this form."""
        listed = as_list or len(values) != 1
        if self.form == "show":
            return [f"{sec.package}.{sec.name}.{key}=" + " ".join(uci_quote(v) for v in values)]
        indent = self._indent(sec) if isinstance(sec, Section) else "\t"
        if listed:
            return [f"{indent}list {key} {uci_quote(v)}" for v in values]
        return [f"{indent}option {key} {uci_quote(values[0])}"]

    def section_text(self, new: NewSection) -> list[str]:
        """A new section as lines of this form."""
        if self.form == "show":
            out = [f"{new.package}.{new.name}={new.type}"]
        else:
            out = [f"config {new.type} {uci_quote(new.name)}"]
        for key, values in new.options:
            out += self.option_lines(new, key, values, key in LIST_KEYS)
        return out

    # ---------------------------------------------------------------- patching

    def first_rule(self, deleted: set[int]) -> Section | None:
        """The first firewall rule section kept: netaudit's rules go before it."""
        return next((s for s in self.sections("firewall", "rule") if id(s) not in deleted), None)

    def last_of_package(self, package: str) -> Section | None:
        """The package's last section: appended sections follow it."""
        secs = self.sections(package)
        return secs[-1] if secs else None

    def patch(self, ch: Change) -> tuple[str, list[int | None]]:
        """The text with ``ch`` applied, and for each output line the input line it came
        from (None for a new line)."""
        replace: dict[int, list[str]] = {}
        before: dict[int, list[str]] = {}
        after: dict[int, list[str]] = {}
        for oc in ch.opts:
            self._opt_edit(oc, replace, after)
        deleted = {id(s) for s, _ in ch.deleted}
        for sec, _ in ch.deleted:
            for n in self.section_lines(sec):
                replace[n] = []
            nxt = self.last_line(sec) + 1
            if self.form != "show" and nxt <= len(self.lines) and not self.lines[nxt - 1].strip():
                replace[nxt] = []  # the blank line that separated it
        tops = [n for n in ch.added if n.top]
        ends = [n for n in ch.added if not n.top]
        anchor = self.first_rule(deleted)
        if tops and anchor is None:
            ends, tops = tops + ends, []
        if tops and anchor is not None:
            lines: list[str] = []
            for new in tops:
                lines += self.section_text(new) + ([] if self.form == "show" else [""])
            before.setdefault(anchor.src.line, []).extend(lines)
        last = self.last_of_package("firewall")
        if ends and last is not None:
            lines = []
            for new in ends:
                lines += ([] if self.form == "show" else [""]) + self.section_text(new)
            after.setdefault(self.last_line(last), []).extend(lines)
        renames = self._renames(ch, deleted, anchor if tops else None, tops, ends)
        out: list[tuple[str, int | None]] = []
        for n, text in enumerate(self.lines, 1):
            rename = renames.get(id(self.owner[n])) if n in self.owner else None
            out += [(t, None) for t in before.get(n, [])]
            for t in replace.get(n, [text]):
                out.append((_renamed(t, rename), n))
            out += [(_renamed(t, rename), None) for t in after.get(n, [])]
        eol = "\r\n" if self.crlf else "\n"
        body = eol.join(t for t, _ in out) + (eol if self.trailing or out else "")
        return body, [o for _, o in out]

    def _opt_edit(self, oc: OptChange, replace: dict[int, list[str]], after: dict[int, list[str]]) -> None:
        sec = oc.sec
        old_lines = []
        if oc.key in sec.options:
            old_lines.append(sec.options[oc.key].src.line)
        old_lines += [o.src.line for o in sec.lists.get(oc.key, [])]
        old_lines = sorted(set(old_lines))
        new = [] if oc.values is None else self.option_lines(sec, oc.key, oc.values, oc.as_list)
        if old_lines:
            for n in old_lines:
                replace[n] = []
            replace[old_lines[0]] = new
        elif new:
            after.setdefault(self.last_line(sec), []).extend(new)

    def _renames(self, ch: Change, deleted: set[int], anchor, tops, ends) -> dict[int, tuple[str, str]]:
        """``uci show`` names anonymous sections by their index among the sections of
        their type: sections added before them or deleted shift it."""
        if self.form != "show":
            return {}
        out: dict[int, tuple[str, str]] = {}
        for package in dict.fromkeys(s.package for s in self.ut.sections):
            order: list[Section | NewSection] = []
            for s in self.sections(package):
                if s is anchor:
                    order += tops
                if id(s) not in deleted:
                    order.append(s)
            if package == "firewall":
                order += ends
            count: dict[str, int] = {}
            for item in order:
                i = count.get(item.type, 0)
                count[item.type] = i + 1
                if isinstance(item, Section) and item.anonymous and item.name != f"@{item.type}[{i}]":
                    out[id(item)] = (f"{package}.{item.name}", f"{package}.@{item.type}[{i}]")
        return out


def _renamed(text: str, rename: tuple[str, str] | None) -> str:
    if rename is None:
        return text
    old, new = rename
    if text.startswith(old + ".") or text.startswith(old + "="):
        return new + text[len(old) :]
    return text


# --------------------------------------------------------------------------- the model


def _state(ut: UciText, file: str) -> State:
    """The OpenWrt parser's state for ``ut`` (its logical interfaces and the Device), as
    :class:`~netaudit.parsers.openwrt.parser.OpenWrtParser` builds it, without the line
    accounting."""
    dev = Device(hostname="", vendor="openwrt", file=file)
    st = State(ut, file, dev, ParseReport(file=file, vendor="openwrt"))
    dev.facts = st.facts
    ow_network.finish_l2(st)
    ow_wireless.finish_wireless(st)
    ow_network.finish_l3(st)
    ow_firewall.finish_firewall(st)
    ow_services.finish_services(st)
    return st


@dataclass
class FwZone:
    name: str
    sec: Section
    devices: list[str]  # model interfaces (br-lan, pppoe-wan …)
    input: str
    forward: str
    subnets: IPSet  # connected subnets of its devices
    outside: bool  # a device with a run-time address or a default route
    kind: str = "other"  # mgmt (only management subnets) | mixed | other


class Model:
    """One text read by the OpenWrt parser: its zones and what its fw4 chains permit."""

    def __init__(self, ut: UciText, file: str, hs: HeaderSpace, mgmt: IPSet):
        self.ut = ut
        self.hs = hs
        self.st = _state(ut, file)
        self.dev = self.st.dev
        self.new = hs.match(Match(conn_established=False))
        self.zones = self._zones(mgmt)

    def _zones(self, mgmt: IPSet) -> dict[str, FwZone]:
        defaults = next(iter(self.ut.of("firewall", "defaults")), None)
        d_in = ((defaults.get("input") if defaults else None) or "drop").lower()
        d_fwd = ((defaults.get("forward") if defaults else None) or "drop").lower()
        default_via = {r.interface for r in self.dev.routes if r.prefix == IPNetwork("0.0.0.0/0")}
        out: dict[str, FwZone] = {}
        for s in self.ut.of("firewall", "zone"):
            name = s.get("name") or ""
            if not name or not s.flag("enabled", True):
                continue
            devices: list[str] = []
            for n in s.values("network"):
                devices += [d for d in self.st.l3_names(n) if d not in devices]
            devices += [d for d in s.values("device") if d in self.dev.interfaces and d not in devices]
            subnets = IPSet()
            outside = False
            for d in devices:
                itf = self.dev.interfaces[d]
                outside = outside or itf.dynamic_address or d in default_via
                for a in itf.addresses:
                    subnets.add(a.cidr)
            z = FwZone(
                name,
                s,
                devices,
                (s.get("input") or d_in).lower(),
                (s.get("forward") or d_fwd).lower(),
                subnets,
                outside,
            )
            if mgmt and subnets and not outside:
                if subnets <= mgmt:
                    z.kind = "mgmt"
                elif subnets & mgmt:
                    z.kind = "mixed"
            out[name] = z
        return out

    def zone_of(self, interface: str) -> FwZone | None:
        """The firewall zone an interface belongs to."""
        return next((z for z in self.zones.values() if interface in z.devices), None)

    def defaults_forward(self) -> str:
        """The ``defaults`` forward policy (what traffic no zone accepts meets)."""
        defaults = next(iter(self.ut.of("firewall", "defaults")), None)
        return ((defaults.get("forward") if defaults else None) or "drop").lower()

    def permits(self, chain: str, in_if: str | None, out_if: str | None, packets):
        """The new connections of ``packets`` the chain lets through (maybe-permitted
        counted as permitted: a change must not rest on a partial line)."""
        flt = self.dev.filters.get(chain)
        if flt is None:
            return packets & self.new
        c, m, _ = permitted(self.hs, flt, line_sets(self.hs, flt, in_if, out_if))
        return (c | m) & packets & self.new

    def rule_packets(self, chain: str, sec: Section):
        """Every packet the lines of a rule section match in ``chain`` (interfaces aside)."""
        flt = self.dev.filters.get(chain)
        u = self.hs.false
        if flt is None:
            return u
        for line in flt.lines:
            if line.source is not None and line.source.line == sec.src.line and line.action == Action.PERMIT:
                u |= self.hs.matches(line.matches)
        return u


# --------------------------------------------------------------------------- context


@dataclass
class Ctx:
    plan: DevicePlan
    device: Device
    file: str
    doc: UciDoc
    hs: HeaderSpace
    before: Model
    mgmt: list[IPNetwork]
    ch: Change = field(default_factory=Change)
    switched: list[str] = field(default_factory=list)  # zones whose input became REJECT
    off: set[tuple] = field(default_factory=set)  # restricts turned off in the service itself
    deleted_fwd: list[str] = field(default_factory=list)
    moved_ssids: list[str] = field(default_factory=list)
    bind: tuple[str, str] | None = None  # (management logical interface, its address)

    def trial(self) -> tuple[Model, list[int | None]]:
        """The model of the text with the change as it stands."""
        text, origin = self.doc.patch(self.ch)
        return Model(read(text, self.file), self.file, self.hs, IPSet(self.mgmt)), origin

    def src_set(self, nets: list[IPNetwork]):
        """Packets whose source is in ``nets``."""
        u = self.hs.false
        for n in nets:
            u |= self.hs.prefix("src_ip", n)
        return u

    def dst_set(self, nets: list[IPNetwork]):
        """Packets whose destination is in ``nets``."""
        u = self.hs.false
        for n in nets:
            u |= self.hs.prefix("dst_ip", n)
        return u


# --------------------------------------------------------------------------- wireless


def _wireless(ctx: Ctx) -> None:
    """An open SSID on a network that is not the guest network moves to it; every open
    SSID gets ``isolate '1'`` (clients of the access point do not reach each other)."""
    doc = ctx.doc
    radios = {s.name: s for s in doc.sections("wireless", "wifi-device")}

    def on(s: Section) -> bool:
        radio = radios.get(s.get("device") or "")
        return not s.flag("disabled") and not (radio is not None and radio.flag("disabled"))

    def is_open(s: Section) -> bool:
        return (s.get("encryption") or "none").lower().split("+")[0] in OPEN_ENCRYPTION

    aps = [s for s in doc.sections("wireless", "wifi-iface") if (s.get("mode") or "ap").lower() == "ap" and on(s)]
    by_net: dict[str, list[Section]] = {}
    for s in aps:
        nets = s.values("network")
        if nets:
            by_net.setdefault(nets[0], []).append(s)
    mgmt = IPSet(ctx.mgmt)
    zone_of = ctx.before.st.facts.zone_of_network
    guest_nets = []
    for net, ssids in by_net.items():
        if not all(is_open(s) for s in ssids):
            continue
        carries = IPSet(a.cidr for n in ctx.before.st.l3_names(net) for a in ctx.before.dev.interfaces[n].addresses)
        if carries & mgmt:
            continue
        guest_nets.append(net)
    if len(guest_nets) == 1:
        guest = guest_nets[0]
        for s in aps:
            nets = s.values("network")
            if not is_open(s) or not nets or nets[0] == guest:
                continue
            if zone_of.get(nets[0]) is not None and zone_of.get(nets[0]) == zone_of.get(guest):
                continue
            ssid = s.get("ssid") or s.name
            ctx.ch.set(s, "network", guest, f"open SSID '{ssid}' moved from network {nets[0]} to the guest network")
            ctx.moved_ssids.append(f"{ssid} ({nets[0]} → {guest})")
    for s in aps:
        if is_open(s) and not s.flag("isolate"):
            ssid = s.get("ssid") or s.name
            ctx.ch.set(s, "isolate", "1", f"open SSID '{ssid}': client isolation")


# --------------------------------------------------------------------------- services


def _mgmt_binding(ctx: Ctx) -> tuple[str, str] | None:
    """The one static logical interface holding the management subnet(s), and its
    address: what dropbear and uhttpd are bound to."""
    if not ctx.mgmt:
        return None
    mgmt = IPSet(ctx.mgmt)
    found = []
    for name, lg in ctx.before.st.logical.items():
        if lg.disabled or lg.proto != "static" or lg.l3 is None:
            continue
        for a in ctx.before.dev.interfaces[lg.l3].addresses:
            if a.ip in mgmt:
                found.append((name, str(a.ip)))
                break
    return found[0] if len(found) == 1 else None


def _services(ctx: Ctx) -> None:
    """What each restricted service's own configuration can say (the firewall does the rest)."""
    doc, ch = ctx.doc, ctx.ch
    ctx.bind = _mgmt_binding(ctx)
    for r in ctx.plan.restricts:
        if r.service == "http" and not r.allow_from:
            for s in doc.sections("uhttpd", "uhttpd"):
                if s.has("listen_http"):
                    ch.set(s, "listen_http", None, "LuCI over cleartext HTTP off (HTTPS only)")
                    ctx.off.add(_restrict_key(r))
        elif r.service == "https" and r.allow_from and ctx.bind is not None:
            lname, addr = ctx.bind
            for s in doc.sections("uhttpd", "uhttpd"):
                ports = sorted(
                    {v.rpartition(":")[2] for v in s.values("listen_https") if v.rpartition(":")[2].isdecimal()}
                )
                want = [f"{addr}:{p}" for p in ports]
                if want and s.values("listen_https") != want:
                    ch.set(
                        s, "listen_https", want, f"LuCI (HTTPS) listens on the management interface {lname} only", True
                    )
        elif r.service == "ssh" and r.allow_from and ctx.bind is not None:
            lname, _ = ctx.bind
            for s in doc.sections("dropbear", "dropbear"):
                if s.flag("enable", True) and s.get("Interface") != lname:
                    ch.set(s, "Interface", lname, f"SSH (dropbear) listens on the management interface {lname} only")
        elif r.service == "snmp":
            if not r.allow_from:
                for s in doc.sections("snmpd", "snmpd"):
                    ch.set(s, "enabled", "0", "SNMP agent off")
                    ctx.off.add(_restrict_key(r))
            elif len(r.allow_from) == 1:
                for s in doc.sections("snmpd", "com2sec"):
                    # only the communities open to everyone (a localhost one stays as it is)
                    if (s.get("source") or "default") in ("default", "0.0.0.0/0", "any"):
                        ch.set(s, "source", str(r.allow_from[0]), "SNMP community answers the management subnet only")


# --------------------------------------------------------------------------- restrictions


def _device_kind(ctx: Ctx, name: str) -> str:
    """``mgmt`` when only management subnets sit behind the interface, ``mixed`` when
    some do, else ``other``."""
    if not ctx.mgmt:
        return "other"
    mgmt = IPSet(ctx.mgmt)
    arriving = behind(ctx.before.dev, name)
    if IPNetwork("0.0.0.0/0") in list(arriving.iter_cidrs()) or not arriving:
        return "other"
    if arriving <= mgmt:
        return "mgmt"
    return "mixed" if arriving & mgmt else "other"


def _restricted(ctx: Ctx, zone: FwZone | None):
    """The packets of the restricted services that must not reach the router from
    ``zone`` (None: a ``src '*'`` rule): every restricted service from an ordinary zone,
    the limited ones only from outside the management subnets where the zone holds them,
    and only the services turned off (with no switch of their own) from a management zone."""
    hs = ctx.hs
    mgmt_src = ctx.src_set(ctx.mgmt)
    u = hs.false
    for r in ctx.plan.restricts:
        if _restrict_key(r) in ctx.off:
            continue  # off in the service itself: nothing listens any more
        pk = hs.match(_restrict_match(r))
        limited = bool(r.allow_from)
        if zone is not None and zone.kind == "mgmt":
            if limited:
                continue
        elif limited and (zone is None or zone.kind == "mixed"):
            pk &= ~mgmt_src
        u |= pk
    return u


def _services_packets(ctx: Ctx):
    u = ctx.hs.false
    for r in ctx.plan.restricts:
        if _restrict_key(r) not in ctx.off:
            u |= ctx.hs.match(_restrict_match(r))
    return u


def _zone_inputs(ctx: Ctx) -> None:
    """Zones reaching a restricted service with ``input 'ACCEPT'``: ``REJECT``; input
    accept rules that open restricted services only: disabled."""
    before, ch, hs = ctx.before, ctx.ch, ctx.hs
    for z in before.zones.values():
        rz = _restricted(ctx, z)
        if rz == hs.false or z.kind == "mgmt":
            continue
        if not any(before.permits("input", i, None, rz) != hs.false for i in z.devices):
            continue
        if z.input == "accept":
            ch.set(z.sec, "input", "REJECT", f"zone {z.name}: the router's services closed (input REJECT)")
            ctx.switched.append(z.name)
            _ipv6_control(ctx, z)
            if z.kind == "mixed":
                # from the management interface(s) only: a host of another interface of the
                # zone cannot get in by forging a management source address
                doors: list[str | None] = [d for d in z.devices if _device_kind(ctx, d) == "mgmt"] or [None]
                for door in doors:
                    ch.add_rule(
                        f"{safe_name(z.name)}_mgmt_in",
                        [
                            ("name", [f"{TAG}: {z.name}: management network to the router"]),
                            ("src", [z.name]),
                            *([("device", [door])] if door else []),
                            ("src_ip", [str(n) for n in ctx.mgmt]),
                            ("proto", ["all"]),
                            ("target", ["ACCEPT"]),
                        ],
                        f"zone {z.name}: the management network keeps every service of the router",
                        top=False,
                    )
    services = _services_packets(ctx)
    for s in ctx.doc.sections("firewall", "rule"):
        if not s.flag("enabled", True) or s.get("dest") is not None or s.get("src") is None:
            continue
        if (s.get("target") or "").lower() != "accept":
            continue
        src = s.get("src") or ""
        zone = before.zones.get(src) if src != "*" else None
        if src != "*" and zone is None:
            continue
        pk = before.rule_packets("input", s)
        if pk == hs.false or (pk & _restricted(ctx, zone)) == hs.false:
            continue
        if (pk & ~services) == hs.false:
            label = s.get("name") or s.name
            ch.set(
                s, "enabled", "0", f"rule '{label}' opened restricted services of the router to zone {src}: disabled"
            )


# ICMPv6 a zone's hosts need to reach the router for IPv6 to work at all (neighbour and
# router discovery, errors; OpenWrt's own Allow-ICMPv6-Input set without echo): fw4
# accepts none of it by itself once a zone's input is REJECT (docs/remedy.md).
ICMPV6_CONTROL = [
    "destination-unreachable",
    "packet-too-big",
    "time-exceeded",
    "bad-header",
    "unknown-header-type",
    "router-solicitation",
    "neighbour-solicitation",
    "router-advertisement",
    "neighbour-advertisement",
]


def _has_ipv6(ctx: Ctx, z) -> bool:
    """Whether a network of the zone serves IPv6 (a delegated or static prefix, or RA /
    DHCPv6 of its dhcp section)."""
    nets = {w for v in z.sec.values("network") for w in v.split()}
    for sec in ctx.doc.sections("network", "interface"):
        if sec.name in nets and (sec.get("ip6assign") or sec.get("ip6addr") or sec.get("ip6prefix")):
            return True
    for sec in ctx.doc.sections("dhcp", "dhcp"):
        if sec.get("interface") in nets and {(sec.get("ra") or ""), (sec.get("dhcpv6") or "")} & IPV6_SERVED:
            return True
    return False


IPV6_SERVED = {"server", "relay", "hybrid"}


def _ipv6_control(ctx: Ctx, z) -> None:
    """A zone switched to ``input 'REJECT'`` whose networks serve IPv6: neighbour discovery,
    router solicitation and DHCPv6 to the router still accepted — the audit reads IPv4
    only, so the proof could not see IPv6 stop working on the zone's networks."""
    if not _has_ipv6(ctx, z):
        return
    ctx.ch.add_rule(
        f"{safe_name(z.name)}_icmpv6",
        [
            ("name", [f"{TAG}: {z.name}: IPv6 neighbour discovery and errors to the router"]),
            ("src", [z.name]),
            ("proto", ["icmp"]),
            ("icmp_type", list(ICMPV6_CONTROL)),
            ("family", ["ipv6"]),
            ("target", ["ACCEPT"]),
        ],
        f"zone {z.name}: IPv6 neighbour discovery still accepted (IPv6 is not audited)",
        top=False,
    )
    ctx.ch.add_rule(
        f"{safe_name(z.name)}_dhcpv6",
        [
            ("name", [f"{TAG}: {z.name}: DHCPv6 (udp/547) to the router"]),
            ("src", [z.name]),
            ("proto", ["udp"]),
            ("dest_port", ["547"]),
            ("family", ["ipv6"]),
            ("target", ["ACCEPT"]),
        ],
        f"zone {z.name}: DHCPv6 to the router still accepted (IPv6 is not audited)",
        top=False,
    )


def _kept_and_residual(ctx: Ctx, after: Model) -> None:
    """After the zone inputs changed: rules accepting the router services a switched zone
    still needs (they flowed before, the policy allows them); rejects at the top for
    restricted services still reached."""
    before, hs, ch = ctx.before, ctx.hs, ctx.ch
    restricted = {_restrict_key(r) for r in ctx.plan.restricts}
    edge = services_packets(hs, ctx.plan.edge_services)
    for zname in ctx.switched:
        z = before.zones[zname]
        for svc in before.dev.services:
            if not svc.enabled or _svc_key(svc) in restricted:
                continue
            m = _svc_match(svc)
            pk = hs.match(m)
            if z.outside and svc.name not in VPN_ENDPOINTS and not hs.within(pk, edge):
                continue  # toward the Internet only the VPN endpoint: DNS there is an open resolver
            lost = False
            for i in z.devices:
                if svc.interfaces is not None and i not in svc.interfaces:
                    continue
                # from the hosts behind the interface (a management-only accept must not hide it)
                real = pk & ctx.src_set(list(behind(before.dev, i).iter_cidrs()))
                if before.permits("input", i, None, real) & ~after.permits("input", i, None, real) != hs.false:
                    lost = True
            if not lost:
                continue
            label = svc.name if svc.protocol != PROTO_ICMP else "ping"
            what = f"{PROTO_WORD.get(svc.protocol, svc.protocol)}" + (f"/{_ports_text(svc.ports)}" if svc.ports else "")
            ch.add_rule(
                f"{safe_name(zname)}_{safe_name(label)}_{PROTO_WORD.get(svc.protocol, 'p')}",
                [
                    ("name", [f"{TAG}: {zname}: {label} ({what}) to the router"]),
                    ("src", [zname]),
                    *_match_options(m),
                    ("target", ["ACCEPT"]),
                ],
                f"zone {zname}: {label} to the router still accepted (the policy allows it)",
                top=False,
            )
    for zname in ctx.switched:
        _dhcp_renew(ctx, before.zones[zname], after)
    for z in after.zones.values():
        if z.kind == "mgmt":
            continue
        for r in ctx.plan.restricts:
            if _restrict_key(r) in ctx.off:
                continue
            m = _restrict_match(r)
            if z.kind != "mixed" or not r.allow_from:
                doors: list[tuple[str | None, bool]] = [(None, False)]
            else:
                # a zone holding the management network: refused on its other interfaces
                # (named, no source address to forge), from other sources where one mixes both
                kinds = {d: _device_kind(ctx, d) for d in z.devices}
                doors = [(d, k == "mixed") for d, k in kinds.items() if k != "mgmt"]
            for door, not_mgmt in doors:
                pk = hs.match(m)
                ins = z.devices if door is None else [door]
                if not_mgmt:
                    pk &= ~ctx.src_set(ctx.mgmt)
                if not any(after.permits("input", i, None, pk) != hs.false for i in ins):
                    continue
                opts: list[tuple[str, list[str]]] = [
                    ("name", [f"{TAG}: {z.name}: {r.service} to the router refused"]),
                    ("src", [z.name]),
                ]
                if door is not None:
                    opts.append(("device", [door]))
                if not_mgmt:
                    opts.append(("src_ip", [f"!{n}" for n in ctx.mgmt]))
                opts += [*_match_options(m), ("target", ["REJECT"])]
                ch.add_rule(
                    f"{safe_name(z.name)}_{safe_name(r.service)}_reject",
                    opts,
                    f"zone {z.name}: {r.service} to the router refused (management only)",
                )


def _closes(ctx: Ctx, after: Model) -> None:
    """Gateway services that answered the Internet (plan.EdgeClose, an open resolver) and
    still do with the change so far (a zone switched to ``input 'REJECT'`` no longer
    accepts them there): a ``DROP`` rule at the top — ``src`` the zone the Internet enters
    by, ``device`` when that zone has other interfaces too, tcp and udp of one port in one
    rule, no ``family`` (fw4 applies it to IPv4 and IPv6).  An accept rule it makes dead
    (``Allow-DNS-WAN``) is disabled by :func:`_dead_accepts`; the resolver (dnsmasq) keeps
    answering the inside zones."""
    hs = ctx.hs
    groups: dict[tuple[str, str | None, str], list[str]] = {}  # (zone, device, ports) -> protocols
    for c in ctx.plan.closes:
        m = service_match(c.service)
        if m.protocols is None or m.protocols[0] not in (PROTO_TCP, PROTO_UDP) or not m.dst_ports:
            continue
        pk = hs.match(m)
        for ifn in c.interfaces:
            z = after.zone_of(ifn)
            if z is None or after.permits("input", ifn, None, pk) == hs.false:
                continue
            device = ifn if any(d not in c.interfaces for d in z.devices) else None
            protos = groups.setdefault((z.name, device, _ports_text(m.dst_ports)), [])
            word = PROTO_WORD[m.protocols[0]]
            if word not in protos:
                protos.append(word)
    for (zone, device, ports), protos in groups.items():
        protos.sort(key=("tcp", "udp").index)
        what = f"{'/'.join(protos)} {ports}"
        ctx.ch.add_rule(
            f"{safe_name(zone)}_{safe_name(ports)}_drop",
            [
                ("name", [f"{TAG}: {zone}: {what} to the router from the Internet dropped"]),
                ("src", [zone]),
                *([("device", [device])] if device else []),
                ("proto", [" ".join(protos)]),
                ("dest_port", [ports]),
                ("target", ["DROP"]),
            ],
            f"zone {zone}: {what} to the router dropped (an open resolver: the inside zones keep it)",
        )


def _dhcp_renew(ctx: Ctx, z: FwZone, after: Model) -> None:
    """A zone switched to REJECT whose network gets its address by DHCP keeps the
    router's lease renewals (replies to udp/68, OpenWrt's default Allow-DHCP-Renew)."""
    hs = ctx.hs
    dhcp = {n for n, lg in ctx.before.st.logical.items() if lg.proto == "dhcp" and not lg.disabled}
    nets = set(z.sec.values("network")) & dhcp
    if not nets:
        return
    renew = hs.match(Match(protocols=(PROTO_UDP,), dst_ports=(PortRange(68, 68),)))
    doors = [d for n in sorted(nets) for d in ctx.before.st.l3_names(n)]
    if all(after.permits("input", d, None, renew) != hs.false for d in doors):
        return
    ctx.ch.add_rule(
        f"{safe_name(z.name)}_dhcp_renew",
        [
            ("name", [f"{TAG}: {z.name}: DHCP renew (udp/68)"]),
            ("src", [z.name]),
            ("proto", ["udp"]),
            ("dest_port", ["68"]),
            ("family", ["ipv4"]),
            ("target", ["ACCEPT"]),
        ],
        f"zone {z.name}: the router's DHCP lease renewals still accepted",
        top=False,
    )


# --------------------------------------------------------------------------- blocks


@dataclass
class BlockSpec:
    block: Block
    src: list[str]  # firewall zones the packets come from ('*' when none)
    dest: str  # the firewall zone they leave by ('*' when several or none)
    src_ip: list[IPNetwork]
    dest_ip: list[IPNetwork]
    target: str
    device: str | None = None  # the ingress interface, when the source zone has several


def _spec(ctx: Ctx, b: Block) -> BlockSpec:
    """Where a block's rule goes in fw4 terms: zones, interface, addresses, target."""
    before = ctx.before
    dev = before.dev
    outside_zones = [z.name for z in before.zones.values() if z.outside]
    dst_huge = bool(b.dst) and is_outside(b.dst)
    if b.direction == "in":
        z = before.zone_of(b.interface)
        src = [z.name] if z is not None else ["*"]
    else:
        src = outside_zones or ["*"]
    if dst_huge:
        dest_names = outside_zones
    elif b.direction == "out":
        dz = before.zone_of(b.interface)
        dest_names = [dz.name] if dz is not None else []
    else:
        want = IPSet(b.dst)
        dest_names = [z.name for z in before.zones.values() if z.subnets & want]
    dest = dest_names[0] if len(dest_names) == 1 else "*"
    src_ip = list(b.src)
    zone = before.zone_of(b.interface) if b.direction == "in" else None
    # A firewall zone with several interfaces (lan + quantri): the rule names the one the
    # source zone's packets enter by, so it needs no source address a host could forge.
    device = b.interface if b.direction == "in" and (zone is None or len(zone.devices) > 1) else None
    if b.src and b.direction == "in" and behind(dev, b.interface) <= IPSet(b.src):
        src_ip = []  # only the source zone lives behind the interface: forged sources stopped too
    dest_ip = [] if dst_huge else list(b.dst)
    return BlockSpec(b, src, dest, src_ip, dest_ip, "DROP" if not b.src else "REJECT", device)


def _block_packets(ctx: Ctx, b: Block):
    """The packets a block stops (a source zone alone behind its interface: any source)."""
    hs = ctx.hs
    u = hs.true
    if b.src and not (b.direction == "in" and behind(ctx.before.dev, b.interface) <= IPSet(b.src)):
        u &= ctx.src_set(b.src)
    if b.dst:
        u &= ctx.dst_set(b.dst)
    for svc in b.allow:
        u &= ~hs.match(service_match(svc))
    return u


def _blocks(ctx: Ctx) -> None:
    """Forwardings that alone cause a leak deleted (when the model shows it is enough and
    loses nothing else); reject rules for the rest, the allowed services accepted first."""
    before, ch = ctx.before, ctx.ch
    specs = [_spec(ctx, b) for b in ctx.plan.blocks]
    groups: dict[tuple[str, str], list[BlockSpec]] = {}
    for sp in specs:
        one_zone = len(sp.src) == 1 and sp.src[0] in before.zones
        if sp.block.direction == "in" and not sp.block.allow and one_zone and sp.dest not in ("*", sp.src[0]):
            groups.setdefault((sp.src[0], sp.dest), []).append(sp)
    handled: set[int] = set()
    if before.defaults_forward() != "accept":
        for (zsrc, zdst), members in groups.items():
            fwds = [
                s
                for s in ctx.doc.sections("firewall", "forwarding")
                if s.flag("enabled", True)
                and s.get("src") == zsrc
                and s.get("dest") == zdst
                and (s.get("family") or "").lower() not in ("ipv6", "6")
            ]
            if not fwds:
                continue
            first = members[0].block
            why = f"forwarding {zsrc} -> {zdst} deleted: it alone let {first.src_zone} into {first.dst_zone}"
            for s in fwds:
                ch.deleted.append((s, why))
            if _deletion_is_enough(ctx, zsrc, zdst, members):
                handled |= {id(sp) for sp in members}
                names = [s.get("name") for s in fwds if s.get("name")]
                ctx.deleted_fwd.append(f"{zsrc} → {zdst}" + (f" ('{names[0]}')" if names else ""))
            else:
                ch.deleted = [(s, w) for s, w in ch.deleted if s not in fwds]
    for sp in specs:
        if id(sp) in handled:
            continue
        b = sp.block
        what = f"{b.src_zone} -> {b.dst_zone}"
        for src in sp.src:
            base = f"{safe_name(b.src_zone)}_{safe_name(b.dst_zone)}"
            where: list[tuple[str, list[str]]] = [("src", [src]), ("dest", [sp.dest])]
            if sp.device:
                where.append(("device", [sp.device]))
            if sp.src_ip:
                where.append(("src_ip", [str(n) for n in sp.src_ip]))
            if sp.dest_ip:
                where.append(("dest_ip", [str(n) for n in sp.dest_ip]))
            for svc in b.allow:
                m = service_match(svc)
                ch.add_rule(
                    f"{base}_{safe_name(svc)}",
                    [
                        ("name", [f"{TAG}: {what}: {svc} allowed by the policy"]),
                        *where,
                        *_match_options(m),
                        ("target", ["ACCEPT"]),
                    ],
                    f"{what}: {svc} still allowed (the policy allows it)",
                )
            ch.add_rule(
                base,
                [("name", [f"{TAG}: {what} blocked"]), *where, ("proto", ["all"]), ("target", [sp.target])],
                f"{what}: blocked ({sp.target}) before the rules that accept",
            )


def _deletion_is_enough(ctx: Ctx, zsrc: str, zdst: str, members: list[BlockSpec]) -> bool:
    """Whether deleting the forwardings (as ``ctx.ch`` stands) stops every blocked packet
    and loses no other flow from ``zsrc`` to ``zdst``."""
    hs, before = ctx.hs, ctx.before
    after, _ = ctx.trial()
    z, d = before.zones[zsrc], before.zones[zdst]
    for sp in members:
        pk = _block_packets(ctx, sp.block)
        for o in d.devices:
            if after.permits("forward", sp.block.interface, o, pk) != hs.false:
                return False
    for i in z.devices:
        blocked = hs.false
        for sp in members:
            if sp.block.interface == i:
                blocked |= _block_packets(ctx, sp.block)
        sources = ctx.src_set(list(behind(before.dev, i).iter_cidrs()))
        for o in d.devices:
            # what can really cross: from behind the one interface to behind the other
            real = sources & ctx.dst_set(list(behind(before.dev, o).iter_cidrs()))
            lost = before.permits("forward", i, o, real) & ~after.permits("forward", i, o, real)
            if lost & ~blocked != hs.false:
                return False
    return True


# --------------------------------------------------------------------------- dead accepts


def _dead_accepts(ctx: Ctx, after: Model, origin: list[int | None]) -> None:
    """Existing accept rules no packet reaches any more (the new rejects take all of
    them): disabled, so the re-audit finds no dead line and the intent stays readable."""
    hs = ctx.hs
    sections = {s.src.line: s for s in ctx.doc.sections("firewall", "rule")}
    was_dead: set[int] = set()
    for chain in ("forward", "input"):
        flt = ctx.before.dev.filters.get(chain)
        if flt is None:
            continue
        dead = {u.index for u in shadowed_lines(hs, flt)}
        for i, line in enumerate(flt.lines):
            if i in dead and line.source is not None:
                was_dead.add(line.source.line)
    for chain in ("forward", "input"):
        flt = after.dev.filters.get(chain)
        if flt is None:
            continue
        dead = {u.index for u in shadowed_lines(hs, flt)}
        by_section: dict[int, list[int]] = {}
        for i, line in enumerate(flt.lines):
            if line.source is None or not 0 < line.source.line <= len(origin):
                continue
            orig = origin[line.source.line - 1]
            if orig is not None and orig in sections:
                by_section.setdefault(orig, []).append(i)
        for orig, idxs in by_section.items():
            sec = sections[orig]
            if orig in was_dead or not all(i in dead for i in idxs):
                continue
            if any(flt.lines[i].action != Action.PERMIT for i in idxs):
                continue
            label = sec.get("name") or sec.name
            ctx.ch.set(
                sec, "enabled", "0", f"rule '{label}' accepts nothing any more (the new rules take it): disabled"
            )


# --------------------------------------------------------------------------- script and rollback


def _cmd_set(ref: str, key: str, values: list[str], as_list: bool) -> list[str]:
    if len(values) == 1 and not as_list:
        return [f"uci set {ref}.{key}={uci_quote(values[0])}"]
    return [f"uci add_list {ref}.{key}={uci_quote(v)}" for v in values]


def _old_values(sec: Section, key: str) -> tuple[list[str] | None, bool]:
    if key in sec.options:
        return [sec.options[key].value], False
    if key in sec.lists:
        return [o.value for o in sec.lists[key]], True
    return None, False


def _opt_commands(ref: str, key: str, values: list[str] | None, as_list: bool, had: bool) -> list[str]:
    """Commands taking an option to ``values`` (None: deleted)."""
    out = []
    listed = values is not None and (as_list or len(values) != 1)
    if values is None or (had and listed):
        out.append(f"uci delete {ref}.{key}")
    if values is not None:
        out += _cmd_set(ref, key, values, as_list)
    return out


def _section_commands(
    package: str, type_: str, name: str | None, options: list[tuple[str, list[str], bool]]
) -> list[str]:
    ref = f"{package}.{name}" if name else f"{package}.@{type_}[-1]"
    out = [f"uci set {package}.{name}={type_}"] if name else [f"uci add {package} {type_}"]
    for key, values, as_list in options:
        out += _cmd_set(ref, key, values, as_list)
    return out


def _script_and_rollback(ctx: Ctx) -> tuple[list[str], list[str]]:
    doc, ch = ctx.doc, ctx.ch
    script: list[str] = []
    rollback: list[str] = []
    last_why = None

    def say(why: str) -> None:
        nonlocal last_why
        if why != last_why:
            script.append(f"# {why}")
            last_why = why

    # 1. options of existing sections (uci's @type[N] indexes still those of the input)
    restore: list[str] = []
    order = list(RELOAD)
    for oc in sorted(ch.opts, key=lambda o: order.index(o.sec.package) if o.sec.package in order else len(order)):
        ref = doc.ref(oc.sec)
        old, old_list = _old_values(oc.sec, oc.key)
        say(oc.why)
        script += _opt_commands(ref, oc.key, oc.values, oc.as_list, old is not None)
        restore += _opt_commands(ref, oc.key, old, old_list, oc.values is not None)
    # 2. sections deleted, the last first (an index counts the sections before it)
    deleted_ids = {id(s) for s, _ in ch.deleted}
    readd: list[str] = []
    for sec, why in sorted(ch.deleted, key=lambda t: -doc.type_index(t[0])):
        say(why)
        script.append(f"uci delete {doc.ref(sec)}")
    for sec, _ in sorted(ch.deleted, key=lambda t: doc.type_index(t[0])):
        opts = [(k, [o.value], False) for k, o in sec.options.items()]
        opts += [(k, [o.value for o in items], True) for k, items in sec.lists.items()]
        name = None if sec.anonymous else sec.name
        readd += _section_commands(sec.package, sec.type, name, opts)
        pos = doc.index_in_package(sec)
        readd.append(f"uci reorder {sec.package}.{name or f'@{sec.type}[-1]'}={pos}")
    # 3. new sections, reordered before the first rule kept
    anchor = doc.first_rule(deleted_ids)
    place = doc.index_in_package(anchor, deleted_ids) if anchor is not None else None
    for new in [n for n in ch.added if n.top] + [n for n in ch.added if not n.top]:
        say(new.why)
        script += _section_commands(new.package, new.type, new.name, [(k, v, k in LIST_KEYS) for k, v in new.options])
        if new.top and place is not None:
            script.append(f"uci reorder {new.package}.{new.name}={place}")
            place += 1
    removes = [f"uci delete {n.package}.{n.name}" for n in ch.added]
    rollback = removes + readd + restore
    return script, rollback


def _wrap(ctx: Ctx, script: list[str], rollback: list[str]) -> tuple[str, str]:
    dev = ctx.device
    packages = ctx.ch.packages()
    head = [f"# netaudit change set for {dev.hostname} (OpenWrt, {ctx.doc.form} form of the input)"]
    if not packages:
        return "\n".join(
            [*head, "# nothing to change"]
        ) + "\n", f"# netaudit rollback for {dev.hostname}: nothing to undo\n"
    head.append("# Run from the management network; parts 0-2 first, review `uci changes`, then part 3.")
    files = " ".join(f"/etc/config/{p}" for p in packages)
    body = [
        "# 0. backups: the whole configuration (copy it off the router: /tmp is lost on reboot),",
        f"#    and the files this change touches ({BEFORE_DIR}/, kept across reboots)",
        f"sysupgrade -b {BACKUP}",
        f"mkdir {BEFORE_DIR} && cp {files} {BEFORE_DIR}/   # a second run keeps the first copies",
        "# 1. the changes, staged (nothing is applied before `uci commit`)",
        *script,
        "# 2. review: every pending change, to compare with the lines above",
        "#    (`uci revert <package>` discards a package's changes: nothing was applied yet)",
        "uci changes",
        "# 3. apply (after the review): commit and reload each package",
    ]
    for p in packages:
        body += [f"uci commit {p}", RELOAD[p]]
    back = [
        f"# netaudit rollback for {dev.hostname}: the inverse uci commands.",
        f"# Fallback: cp {BEFORE_DIR}/* /etc/config/ and run the reload lines at the end.",
        *rollback,
    ]
    for p in packages:
        back += [f"uci commit {p}", RELOAD[p]]
    return "\n".join(head + body) + "\n", "\n".join(back) + "\n"


# --------------------------------------------------------------------------- notes


def _notes(ctx: Ctx) -> list[dict[str, str]]:
    """The safety notes {vi, en} of what the change set does."""
    ch = ctx.ch
    if not ch.packages():
        return []
    notes = [
        {
            "vi": f"Sao lưu trước: dòng `sysupgrade -b {BACKUP}` lưu toàn bộ cấu hình; chép tệp này về máy tính "
            f"(`scp root@<router>:{BACKUP} .`) trước khi làm tiếp — /tmp mất khi khởi động lại. Khôi phục: "
            f"chép tệp lên lại router rồi `sysupgrade -r {BACKUP}` và `reboot`.",
            "en": f"Back up first: the line `sysupgrade -b {BACKUP}` saves the whole configuration; copy it to your "
            f"computer (`scp root@<router>:{BACKUP} .`) before going on — /tmp is lost on reboot. Restore: "
            f"copy it back to the router, `sysupgrade -r {BACKUP}`, then `reboot`.",
        },
        {
            "vi": "Dán phần 0–2 trước: `uci changes` liệt kê mọi thay đổi đang chờ để đối chiếu với tệp này; nếu có "
            "gì lạ, `uci revert firewall` (và các gói khác) hủy chúng, chưa có gì được áp dụng. Chỉ dán phần 3 "
            "(`uci commit`, reload) khi đã kiểm tra xong.",
            "en": "Paste parts 0-2 first: `uci changes` lists every pending change, to compare with this file; if "
            "anything looks wrong, `uci revert firewall` (and the other packages) discards them, nothing is applied "
            "yet. Paste part 3 (`uci commit`, reload) only once checked.",
        },
    ]
    if "firewall" in ch.packages():
        notes.append(
            {
                "vi": "`/etc/init.d/firewall reload` nạp lại fw4 mà không cắt các kết nối đang có (fw4 chấp nhận "
                "established/related trước mọi luật): phiên SSH hiện tại vẫn giữ; kết nối mới từ các vùng bị chặn "
                "bị từ chối. Các luật mới tên `netaudit: …` (mục netaudit_*), đặt trước luật cũ đầu tiên: "
                "kiểm tra bằng `uci show firewall` hoặc LuCI → Network → Firewall → Traffic Rules.",
                "en": "`/etc/init.d/firewall reload` reloads fw4 without cutting the connections in place (fw4 "
                "accepts established/related before any rule): the current SSH session stays; new connections from "
                "the blocked zones are refused. The new rules are named `netaudit: …` (sections netaudit_*), placed "
                "before the first old rule: check with `uci show firewall` or LuCI → Network → Firewall → Traffic "
                "Rules.",
            }
        )
    if ctx.mgmt:
        nets = ", ".join(str(n) for n in ctx.mgmt)
        where_vi = f" (giao diện {ctx.bind[0]}, địa chỉ {ctx.bind[1]})" if ctx.bind else ""
        where_en = f" (interface {ctx.bind[0]}, address {ctx.bind[1]})" if ctx.bind else ""
        notes.append(
            {
                "vi": f"Thực hiện từ một máy trong mạng quản trị {nets}{where_vi}: sau thay đổi SSH và LuCI chỉ nhận "
                "kết nối từ đó — làm từ vùng khác sẽ mất quyền truy cập (khi đó dùng bản sao lưu hoặc chế độ "
                "failsafe của OpenWrt).",
                "en": f"Work from a host of the management network {nets}{where_en}: afterwards SSH and LuCI answer "
                "there only — from another zone you lose access (then use the backup or OpenWrt's failsafe mode).",
            }
        )
    else:
        notes.append(
            {
                "vi": "Không có vùng quản trị: các dịch vụ quản trị bị chặn từ mọi vùng. Chuẩn bị cáp console hoặc "
                "chế độ failsafe; nên tạo một mạng quản trị riêng.",
                "en": "No management zone: the management services are refused from every zone. Have a serial "
                "console or failsafe mode ready; a separate management network is advised.",
            }
        )
    if "uhttpd" in ch.packages() or "dropbear" in ch.packages():
        addr = ctx.bind[1] if ctx.bind else "<router>"
        notes.append(
            {
                "vi": f"dropbear/uhttpd khởi động lại: phiên SSH đang mở không bị ngắt; LuCI chỉ còn HTTPS tại "
                f"https://{addr}/ (chứng chỉ tự ký: trình duyệt sẽ cảnh báo), HTTP không mã hóa bị tắt.",
                "en": f"dropbear/uhttpd restart: open SSH sessions stay; LuCI is HTTPS only at https://{addr}/ (a "
                "self-signed certificate: the browser warns), cleartext HTTP is off.",
            }
        )
    http_off = any(o.sec.package == "uhttpd" and o.key == "listen_http" and o.values is None for o in ch.opts)
    if http_off and not any(s.values("listen_https") for s in ctx.doc.sections("uhttpd", "uhttpd")):
        notes.append(
            {
                "vi": "uhttpd không có cổng HTTPS: sau thay đổi LuCI không còn truy cập được. Cài luci-ssl trước "
                "(`opkg update && opkg install luci-ssl`, hoặc `apk add luci-ssl` trên bản dùng apk) rồi mới áp dụng.",
                "en": "uhttpd has no HTTPS listener: after the change LuCI is unreachable. Install luci-ssl first "
                "(`opkg update && opkg install luci-ssl`, or `apk add luci-ssl` on releases with apk), then apply.",
            }
        )
    if any(d.password_auth or d.root_password_auth for d in ctx.before.st.facts.dropbear if d.enabled):
        notes.append(
            {
                "vi": "Nên đăng nhập SSH bằng khóa (System → Administration → SSH-Keys) rồi tắt mật khẩu: "
                "`uci set dropbear.@dropbear[0].PasswordAuth='off'; uci set dropbear.@dropbear[0]."
                "RootPasswordAuth='off'`. Bước này không làm tự động, để tránh tự khóa mất quyền truy cập.",
                "en": "SSH keys are advised (System → Administration → SSH-Keys), then passwords off: "
                "`uci set dropbear.@dropbear[0].PasswordAuth='off'; uci set dropbear.@dropbear[0]."
                "RootPasswordAuth='off'`. Not done here, so as not to lock you out.",
            }
        )
    if ctx.deleted_fwd:
        fw = "; ".join(ctx.deleted_fwd)
        notes.append(
            {
                "vi": f"Đã xóa forwarding {fw}: như khi bỏ chọn vùng đích ở LuCI (Allow forward to destination "
                "zones). Tệp hoàn tác tạo lại nó đúng vị trí cũ.",
                "en": f"Forwarding {fw} deleted: what LuCI does when the destination zone is unticked (Allow forward "
                "to destination zones). The rollback re-creates it at its old place.",
            }
        )
    if "wireless" in ch.packages():
        moved = "; ".join(ctx.moved_ssids)
        moved_vi = (
            f" SSID chuyển sang mạng khách: {moved} — người dùng nhận địa chỉ khách, không còn vào mạng nội bộ."
            if moved
            else ""
        )
        moved_en = (
            f" SSIDs moved to the guest network: {moved} — their users get guest addresses, no internal access."
            if moved
            else ""
        )
        notes.append(
            {
                "vi": "`wifi reload` làm các máy Wi-Fi mất kết nối vài giây; Wi-Fi mở được bật isolate (các máy "
                "khách không thấy nhau)." + moved_vi,
                "en": "`wifi reload` drops Wi-Fi clients for a few seconds; open SSIDs get isolate (clients do not "
                "see each other)." + moved_en,
            }
        )
    notes.append(
        {
            "vi": f"Hoàn tác: dán tệp .rollback.txt (các lệnh uci ngược lại rồi commit/reload). Dự phòng: "
            f"`cp {BEFORE_DIR}/* /etc/config/` rồi chạy các lệnh reload, hoặc khôi phục bản sysupgrade.",
            "en": f"Undo: paste the .rollback.txt file (the inverse uci commands, then commit/reload). Fallback: "
            f"`cp {BEFORE_DIR}/* /etc/config/` and run the reload lines, or restore the sysupgrade backup.",
        }
    )
    return notes


# --------------------------------------------------------------------------- render


def render(plan: DevicePlan, device: Device, text: str) -> Rendered:
    """The change set of ``plan`` for the OpenWrt router ``device`` read from ``text``."""
    hs = HeaderSpace()
    doc = UciDoc(text, device.file)
    mgmt = list(plan.mgmt)
    for r in plan.restricts:
        mgmt += [n for n in r.allow_from if n not in mgmt]
    before = Model(doc.ut, device.file, hs, IPSet(mgmt))
    ctx = Ctx(plan, device, device.file, doc, hs, before, mgmt)
    has_firewall = bool(doc.sections("firewall"))
    _wireless(ctx)
    _services(ctx)
    if has_firewall:
        _zone_inputs(ctx)
        _blocks(ctx)
        after, _ = ctx.trial()
        _kept_and_residual(ctx, after)
        _closes(ctx, after)
        after, origin = ctx.trial()
        _dead_accepts(ctx, after, origin)
    else:
        ctx.ch.notes.append(
            {
                "vi": "Đầu vào không có gói firewall: không viết được luật chặn; xuất lại bằng `uci export`.",
                "en": "The input has no firewall package: no blocking rule can be written; export with `uci export`.",
            }
        )
    patched, _ = doc.patch(ctx.ch)
    script, rollback = _script_and_rollback(ctx)
    change_set, back = _wrap(ctx, script, rollback)
    left = snmp_agent_left(plan, "uci snmpd com2sec: option source")
    return Rendered(change_set, patched, back, _notes(ctx) + ctx.ch.notes, left)


__all__ = ["UciDoc", "render", "uci_quote"]
