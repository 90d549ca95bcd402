"""``interfaces`` and ``vlans``: physical ports, logical units, VLANs, IRB/VLAN
interfaces, aggregates and interface ranges (docs/vendors/juniper_junos.md, "Interfaces").

Each logical unit that routes (``family inet``) is one model interface named
``<port>.<unit>`` (``ge-0/0/1.0``, ``irb.10``); a port switching frames (``family
ethernet-switching``) is one model interface named by the port (``ge-0/0/5``), access or
trunk.  On a port with ``vlan-tagging`` the units are sub-interfaces of the port
(``vlan-id``); without it, its one unit is the port itself (untagged)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from netaddr import IPNetwork

from netaudit.messages import Text
from netaudit.model import IfKind, Interface, L2Mode, Src, Vlan
from netaudit.parsers.ip import prefix_of
from netaudit.parsers.juniper_junos.names import address
from netaudit.parsers.juniper_junos.state import ParseState, add_reason
from netaudit.parsers.juniper_junos.syntax import Stmt

# Out-of-band management ports (SRX/MX `fxp0`, EX `me0`/`vme`, `em0` of the routing engines).
OUT_OF_BAND = ("fxp0", "me0", "vme", "em0")
_KIND = (
    ("irb", IfKind.SVI),
    ("vlan", IfKind.SVI),
    ("lo", IfKind.LOOPBACK),
    ("ae", IfKind.PORT_CHANNEL),
    ("reth", IfKind.PORT_CHANNEL),
    ("st", IfKind.TUNNEL),
    ("gr-", IfKind.TUNNEL),
    ("ip-", IfKind.TUNNEL),
    ("lt-", IfKind.TUNNEL),
    ("pp", IfKind.OTHER),
    ("dsc", IfKind.NULL),
)
# Physical-level statements that change nothing the model holds.
_PORT_IGNORED = frozenset(
    {
        "mtu",
        "speed",
        "link-mode",
        "per-unit-scheduler",
        "hold-time",
        "traps",
        "no-traps",
        "mac",
        "encapsulation",
        "flexible-vlan-tagging",
        "vlan-tagging",
        "description",
        "disable",
        "native-vlan-id",
        "gigether-options",
        "ether-options",
        "aggregated-ether-options",
        "damping",
        "optics-options",
        "auto-negotiation",
        "no-auto-negotiation",
        "cable-options",
        "fastether-options",
        "link-options",
        "unit",
        "redundant-ether-options",
        "enable",
        "apply-groups",
        "apply-groups-except",
        "schedulers",
        "shaping-rate",
        "fabric-options",  # a chassis cluster's fabric link (fab0/fab1): no IPv4 reach
    }
)
_UNIT_IGNORED = frozenset(
    {
        "description",
        "disable",
        "vlan-id",
        "encapsulation",
        "family",
        "traps",
        "no-traps",
        "bandwidth",
        "mtu",
        "proxy-arp",
        "enable",
        "apply-groups",
    }
)
_INET_IGNORED = frozenset(
    {
        "mtu",
        "no-redirects",
        "sampling",
        "targeted-broadcast",
        "policer",
        "accounting",
        "service",
        "arp-max-cache",
        "primary",
    }
)


@dataclass
class Unit:
    name: str  # ge-0/0/1.0
    port: str
    number: str
    stmts: list[Stmt] = field(default_factory=list)
    description: str = ""
    disabled: Stmt | None = None
    vlan_id: int | None = None
    inet: Stmt | None = None  # the first `family inet` statement
    addresses: list[tuple[IPNetwork, Stmt]] = field(default_factory=list)
    virtual: list[IPNetwork] = field(default_factory=list)
    dhcp: Stmt | None = None
    negotiate: Stmt | None = None
    filter_in: list[str] = field(default_factory=list)
    filter_out: list[str] = field(default_factory=list)
    filter_src: Stmt | None = None
    switching: Stmt | None = None
    l2_mode: str | None = None
    l2_vlans: list[tuple[str, Stmt]] = field(default_factory=list)
    l2_native: str | None = None
    reasons: list[str] = field(default_factory=list)
    reason_src: Stmt | None = None


@dataclass
class Port:
    name: str
    first: Stmt
    description: str = ""
    disabled: Stmt | None = None
    tagged: bool = False
    native_vlan: str | None = None
    bundle: str | None = None  # 802.3ad parent (ae0)
    units: dict[str, Unit] = field(default_factory=dict)


class Interfaces(ParseState):
    """Reads ``interfaces`` and ``vlans`` into ports and units; :meth:`build_interfaces`
    turns them into the model once the VLAN table is known."""

    ports: dict[str, Port]
    vlan_ids: dict[str, int]
    l3_vlan: dict[str, int]  # irb.10 → 10

    def read_interfaces(self) -> None:
        self.ports = {}
        ranges: dict[str, list[str]] = {}
        for rest, st in self.conf.under("interfaces", "interface-range"):
            if len(rest) >= 3 and rest[1] == "member-range" and len(rest) == 5 and rest[3] == "to":
                ranges.setdefault(rest[0], []).extend(_member_range(rest[2], rest[4]))
                self.read(st)
            elif len(rest) == 3 and rest[1] == "member":
                ranges.setdefault(rest[0], []).extend(_member_pattern(rest[2]))
                self.read(st)
        for rest, st in self.conf.under("interfaces"):
            if not rest:
                continue
            if rest[0] == "interface-range":
                if len(rest) >= 3 and rest[1] not in ("member-range", "member"):
                    members = ranges.get(rest[1])
                    if members:
                        for m in members:
                            self._port_stmt(m, rest[2:], st)
                    # a range without members configures nothing: read, or left unread
                elif len(rest) == 3 and rest[2] == "description":
                    self.read(st)
                continue
            if rest[0] in ("traceoptions", "apply-groups"):
                self.read(st)
                continue
            self._port_stmt(rest[0], rest[1:], st)

    def _port_stmt(self, name: str, rest: tuple[str, ...], st: Stmt) -> None:
        port = self.ports.get(name)
        if port is None:
            port = self.ports[name] = Port(name, st)
        if not rest:
            self.read(st)
            return
        key = rest[0]
        if key == "unit" and len(rest) >= 2:
            unit = port.units.get(rest[1])
            if unit is None:
                unit = port.units[rest[1]] = Unit(f"{name}.{rest[1]}", name, rest[1])
            unit.stmts.append(st)
            self._unit_stmt(port, unit, rest[2:], st)
            return
        if key == "description" and len(rest) >= 2:
            port.description = " ".join(rest[1:])
        elif key == "disable":
            port.disabled = st
        elif key in ("vlan-tagging", "flexible-vlan-tagging"):
            port.tagged = True
        elif key == "native-vlan-id" and len(rest) == 2:
            port.native_vlan = rest[1]
        elif key in ("gigether-options", "ether-options") and len(rest) >= 3 and rest[1] == "802.3ad":
            port.bundle = rest[2] if rest[2] not in ("lacp", "backup", "primary") else port.bundle
        elif key in ("gigether-options", "ether-options") and len(rest) == 3 and rest[1] == "redundant-parent":
            port.bundle = rest[2]  # a chassis cluster's reth member
        elif key == "redundant-ether-options" or key == "aggregated-ether-options":
            pass
        elif key not in _PORT_IGNORED:
            return  # unread: unrecognized
        self.read(st)

    def _unit_stmt(self, port: Port, unit: Unit, rest: tuple[str, ...], st: Stmt) -> None:
        if not rest:
            self.read(st)
            return
        key = rest[0]
        if key == "description" and len(rest) >= 2:
            unit.description = " ".join(rest[1:])
        elif key == "disable":
            unit.disabled = st
        elif key == "vlan-id" and len(rest) == 2 and rest[1].isdecimal():
            unit.vlan_id = int(rest[1])
        elif key == "family" and len(rest) >= 2:
            fam = rest[1]
            if fam == "inet":
                self._inet(unit, rest[2:], st)
                return
            if fam in ("ethernet-switching", "bridge"):
                self._switching(unit, rest[2:], st)
                return
            if fam in ("inet6", "iso", "mpls"):
                pass  # IPv6, IS-IS and MPLS: outside the model of IPv4 reach (docs/limits.md)
            else:
                return
        elif key in (
            "pppoe-options",
            "ppp-options",
            "encapsulation",
            "proxy-arp",
            "mtu",
            "bandwidth",
            "traps",
            "no-traps",
        ):
            pass
        elif key == "vlan-id-list" or key == "vlan-id-range" or key == "vlan-tags":
            self._unit_partial(unit, Text("input.junos.unit_vlans", what=" ".join(rest)), st)
            return
        elif key not in _UNIT_IGNORED:
            return
        self.read(st)

    def _unit_partial(self, unit: Unit, why: Text, st: Stmt) -> None:
        unit.reasons.append(why)
        unit.reason_src = unit.reason_src or st
        self.partial(f"interface {unit.name}", why, st)

    def _inet(self, unit: Unit, rest: tuple[str, ...], st: Stmt) -> None:
        unit.inet = unit.inet or st
        if not rest:
            self.read(st)
            return
        key = rest[0]
        if key == "address" and len(rest) >= 2:
            a = address(rest[1])
            if a is None or "/" not in rest[1]:
                return
            ip = rest[1].split("/")[0]
            net = IPNetwork(f"{ip}/{a[1]}")
            if len(rest) == 2 or rest[2] in ("primary", "preferred", "broadcast", "destination"):
                if not any(n == net for n, _ in unit.addresses):
                    unit.addresses.append((net, st))
            elif rest[2] in ("vrrp-group",) and len(rest) >= 5 and rest[4] == "virtual-address":
                va = address(rest[5]) if len(rest) >= 6 else None
                if va is None:
                    return
                unit.virtual.append(IPNetwork(f"{rest[5]}/{a[1]}"))
            elif rest[2] in ("vrrp-group", "arp"):
                pass  # priority, authentication, static ARP: no reach
            else:
                return
        elif key in ("dhcp", "dhcp-client"):
            unit.dhcp = unit.dhcp or st
        elif key == "negotiate-address":
            unit.negotiate = st
        elif key == "filter" and len(rest) >= 3:
            if rest[1] in ("input", "input-list"):
                unit.filter_in.append(rest[2])
            elif rest[1] in ("output", "output-list"):
                unit.filter_out.append(rest[2])
            else:
                return
            unit.filter_src = unit.filter_src or st
        elif key == "rpf-check":
            unit.reasons.append(Text("input.junos.rpf_check"))
            self.partial(f"interface {unit.name}", Text("input.junos.rpf_check"), st)
            return
        elif key == "unnumbered-address":
            self._unit_partial(unit, Text("input.junos.unnumbered"), st)
            return
        elif key not in _INET_IGNORED:
            return
        self.read(st)

    def _switching(self, unit: Unit, rest: tuple[str, ...], st: Stmt) -> None:
        unit.switching = unit.switching or st
        if not rest:
            self.read(st)
            return
        key = rest[0]
        if key in ("interface-mode", "port-mode") and len(rest) == 2 and rest[1] in ("access", "trunk"):
            unit.l2_mode = rest[1]
        elif key == "vlan" and len(rest) == 3 and rest[1] == "members":
            unit.l2_vlans.append((rest[2], st))
        elif key == "native-vlan-id" and len(rest) == 2:
            unit.l2_native = rest[1]
        elif key == "filter":
            self._unit_partial(unit, Text("input.junos.l2_filter", filter=" ".join(rest[1:])), st)
            return
        elif key in ("storm-control", "recovery-timeout", "interface-mode"):
            pass
        else:
            return
        self.read(st)

    def read_vlans(self) -> None:
        """``vlans NAME vlan-id N`` and ``l3-interface irb.N`` (``vlan.N`` on older EX)."""
        self.vlan_ids = {"default": 1}
        self.l3_vlan = {}
        l3: dict[str, str] = {}
        for rest, st in self.conf.under("vlans"):
            if len(rest) == 1:
                self.read(st)  # a VLAN with no setting (`default;`)
            elif len(rest) == 3 and rest[1] == "vlan-id" and rest[2].isdecimal():
                self.vlan_ids[rest[0]] = int(rest[2])
                self.dev.vlans[int(rest[2])] = Vlan(int(rest[2]), rest[0], self.src(st))
                self.read(st)
            elif len(rest) == 3 and rest[1] == "l3-interface":
                l3[rest[0]] = rest[2]
                self.read(st)
            elif len(rest) >= 2 and rest[1] in ("description", "interface"):
                if rest[1] == "interface" and len(rest) >= 3:
                    self._vlan_member(rest[0], rest[2], st)
                self.read(st)
            elif len(rest) >= 2 and rest[1] == "filter":
                self.partial(f"vlan {rest[0]}", Text("input.junos.l2_filter", filter=" ".join(rest[2:])), st)
            elif len(rest) >= 2 and rest[1] in ("forwarding-options", "switch-options", "vlan-id-list"):
                self.partial(f"vlan {rest[0]}", Text("input.junos.vlan_option", what=" ".join(rest[1:])), st)
        for name, ifn in l3.items():
            vid = self.vlan_ids.get(name)
            if vid is not None:
                self.l3_vlan[ifn] = vid

    def _vlan_member(self, vlan: str, ifname: str, st: Stmt) -> None:
        """Legacy EX: ``vlans V interface ge-0/0/1.0`` puts the port in the VLAN (access)."""
        port, _, unit = ifname.partition(".")
        p = self.ports.get(port)
        if p is None:
            p = self.ports[port] = Port(port, st)
        u = p.units.setdefault(unit or "0", Unit(f"{port}.{unit or '0'}", port, unit or "0"))
        u.switching = u.switching or st
        u.l2_vlans.append((vlan, st))

    # ------------------------------------------------------------------ the model

    def build_interfaces(self) -> None:
        dev = self.dev
        self.dhcp_clients: list[str] = []  # units whose address a DHCP client learns
        for port in self.ports.values():
            if port.name.startswith("interface-range"):
                continue
            routed = [u for u in port.units.values() if u.switching is None]
            switched = [u for u in port.units.values() if u.switching is not None]
            tagged_l3 = port.tagged or any(u.vlan_id is not None for u in routed)
            parent = port.name
            if port.bundle:
                parent = port.bundle
            if switched:
                self._l2_port(port, switched[0], parent)
            if not port.units and not switched:
                # A port with no unit: known to exist (a member of a bundle, or unused).
                itf = Interface(port.name, kind=_kind(port.name), source=self.src(port.first))
                itf.description = port.description
                itf.shutdown = port.disabled is not None
                if port.bundle:
                    itf.parent = port.bundle
                dev.interfaces[port.name] = itf
                continue
            if tagged_l3 and routed:
                itf = Interface(port.name, kind=_kind(port.name), source=self.src(port.first))
                itf.description, itf.shutdown = port.description, port.disabled is not None
                dev.interfaces.setdefault(port.name, itf)
            for u in routed:
                self._l3_unit(port, u, tagged_l3)
        # bundle members point at the bundle's model interface (ae0, or ae0.0 when untagged)
        for itf in dev.interfaces.values():
            bundle = dev.interfaces.get(f"{itf.parent}.0") if itf.parent and itf.parent not in dev.interfaces else None
            if bundle is not None and bundle.kind == IfKind.PORT_CHANNEL:
                itf.parent = bundle.name

    def _itf_partial(self, itf: Interface, construct: str, why: str) -> None:
        add_reason(itf, why)
        self.rep.add_partial(construct, why, itf.source or Src(self.file, 0, itf.name))

    def _l3_unit(self, port: Port, u: Unit, tagged: bool) -> None:
        dev = self.dev
        kind = _kind(port.name)
        name = u.name
        if tagged and kind in (IfKind.PHYSICAL, IfKind.PORT_CHANNEL):
            kind = IfKind.SUBINTERFACE
        itf = Interface(name, kind=kind, source=self.src(u.inet or u.stmts[0]))
        itf.description = u.description or port.description
        itf.shutdown = u.disabled is not None or port.disabled is not None
        itf.addresses = [n for n, _ in u.addresses]
        itf.virtual_addresses = list(u.virtual)
        if kind == IfKind.SUBINTERFACE:
            itf.parent = port.name
            if u.vlan_id is None:
                self._itf_partial(itf, f"interface {name}", Text("input.junos.unit_no_vlan", unit=name))
            itf.encapsulation_vlan = u.vlan_id
        elif kind == IfKind.SVI:
            vid = self.l3_vlan.get(name)
            if vid is None:
                why = Text("input.junos.svi_no_vlan", unit=name)
                self._itf_partial(itf, f"interface {name}", why)
            itf.encapsulation_vlan = vid
        elif kind == IfKind.PORT_CHANNEL:
            pass
        if port.name in OUT_OF_BAND:
            itf.out_of_band = self.src(port.first)
        if u.dhcp is not None and not itf.addresses:
            itf.dynamic_address = True
            itf.dynamic_source = Src(self.file, u.dhcp.line, f"interfaces {port.name} unit {u.number} family inet dhcp")
            self.dhcp_clients.append(name)
        if u.negotiate is not None and not itf.addresses:
            itf.dynamic_address = True
            itf.dynamic_source = self.src(u.negotiate)
        if kind == IfKind.TUNNEL:
            why = Text("input.junos.tunnel", unit=name)
            self._itf_partial(itf, f"interface {name}", why)
        for r in u.reasons:
            add_reason(itf, r)
        dev.interfaces[name] = itf

    def _l2_port(self, port: Port, u: Unit, parent: str) -> None:
        dev = self.dev
        itf = Interface(port.name, kind=_kind(port.name), source=self.src(u.switching or port.first))
        itf.description = u.description or port.description
        itf.shutdown = u.disabled is not None or port.disabled is not None
        if port.bundle:
            itf.parent = port.bundle
        mode = u.l2_mode or "access"
        vids: list[int] = []
        every = False
        for word, st in u.l2_vlans:
            if word == "all":
                every = True
                continue
            got = _vlan_words(word, self.vlan_ids)
            if got is None:
                why = Text("input.junos.vlan_unknown", vlan=word)
                add_reason(itf, why)
                self.partial(f"interface {port.name}", why, st)
                continue
            vids += got
        if mode == "access":
            itf.mode = L2Mode.ACCESS
            itf.access_vlan = vids[0] if vids else 1
            if len(vids) > 1 or every:
                why = Text("input.junos.access_many_vlans")
                self._itf_partial(itf, f"interface {port.name}", why)
        else:
            itf.mode = L2Mode.TRUNK
            itf.allowed_vlans = None if every else frozenset(vids)
            native = u.l2_native or port.native_vlan
            if native is not None:
                nv = _vlan_words(native, self.vlan_ids)
                itf.native_vlan = nv[0] if nv else None
            # (Without native-vlan-id a Junos trunk drops untagged frames; the model's
            # default native VLAN 1 carries them only when VLAN 1 is a member.)
        for r in u.reasons:
            add_reason(itf, r)
        dev.interfaces[port.name] = itf
        if len(port.units) > 1:
            why = Text("input.junos.mixed_units", port=port.name)
            self._itf_partial(itf, f"interface {port.name}", why)


def _kind(name: str) -> IfKind:
    for prefix, kind in _KIND:
        if name.startswith(prefix):
            return kind
    return IfKind.PHYSICAL if re.match(r"^[a-z]+-\d+/\d+/\d+", name) or name in OUT_OF_BAND else IfKind.OTHER


def _vlan_words(word: str, ids: dict[str, int]) -> list[int] | None:
    """A ``vlan members`` value: a name, a number or a range ``10-20``."""
    if word in ids:
        return [ids[word]]
    if word.isdecimal() and 1 <= int(word) <= 4094:
        return [int(word)]
    lo, sep, hi = word.partition("-")
    if sep and lo.isdecimal() and hi.isdecimal() and 1 <= int(lo) <= int(hi) <= 4094:
        return list(range(int(lo), int(hi) + 1))
    return None


def _member_range(first: str, last: str) -> list[str]:
    """``member-range ge-0/0/0 to ge-0/0/23`` → every port between (same slot)."""
    a = re.match(r"^(.*?)(\d+)$", first)
    b = re.match(r"^(.*?)(\d+)$", last)
    if not a or not b or a.group(1) != b.group(1) or int(a.group(2)) > int(b.group(2)):
        return []
    return [f"{a.group(1)}{n}" for n in range(int(a.group(2)), int(b.group(2)) + 1)]


def _member_pattern(word: str) -> list[str]:
    """``member ge-0/0/[0-3]`` (or a plain port name) → the ports."""
    m = re.match(r"^(.*)\[(\d+)-(\d+)\]$", word)
    if m:
        return [f"{m.group(1)}{n}" for n in range(int(m.group(2)), int(m.group(3)) + 1)]
    return [word] if "*" not in word and "[" not in word else []


def host_prefix(net: IPNetwork) -> IPNetwork:
    return prefix_of(int(net.ip), net.prefixlen)
