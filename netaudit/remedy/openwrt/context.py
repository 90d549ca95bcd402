"""The router as a change set reads it (its firewall zones, forwardings and rules, before and
after the change) and the context of one rendering."""

from __future__ import annotations

from dataclasses import dataclass, field

from netaddr import IPNetwork, IPSet

from ...filters import line_sets, permitted
from ...headerspace import HeaderSpace
from ...model import (
    Action,
    Device,
    Match,
    ParseReport,
)
from ...parsers.openwrt import firewall as ow_firewall
from ...parsers.openwrt import network as ow_network
from ...parsers.openwrt import services as ow_services
from ...parsers.openwrt import wireless as ow_wireless
from ...parsers.openwrt.state import State
from ...parsers.openwrt.uci import Section, UciText, read
from ..plan import DevicePlan
from .change import Change
from .document import UciDoc


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
