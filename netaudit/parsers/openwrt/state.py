"""The parse state shared by the converters of one OpenWrt input."""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.messages import Text
from netaudit.model import Device, IfKind, Interface, ParseReport, Src
from netaudit.parsers.base import join_reasons

from .facts import OpenWrtFacts
from .uci import Section, UciText


@dataclass
class Logical:
    """One ``config interface`` (a netifd logical interface) and what it became."""

    name: str
    sec: Section
    proto: str
    l2: str | None  # the L2 device it sits on (br-lan, eth0.2, wan …)
    l3: str | None  # the model interface carrying its addresses (pppoe-wan for PPPoE)
    disabled: bool = False


@dataclass
class State:
    text: UciText
    file: str
    dev: Device
    rep: ParseReport
    facts: OpenWrtFacts = field(default_factory=OpenWrtFacts)
    logical: dict[str, Logical] = field(default_factory=dict)
    # bridges: name -> (ports, source, vlan filtering)
    bridges: dict[str, list[str]] = field(default_factory=dict)
    filtering: set[str] = field(default_factory=set)
    # swconfig: ethX.V device -> the switch VLAN it is
    switch_netdevs: dict[str, int] = field(default_factory=dict)
    # partial reasons recorded against logical interfaces, applied when all exist
    refs: list[tuple[str, str, Src, bool]] = field(default_factory=list)

    def iface(self, name: str, kind: IfKind = IfKind.PHYSICAL, src: Src | None = None) -> Interface:
        """The model interface ``name``, created on first use."""
        itf = self.dev.interfaces.get(name)
        if itf is None:
            itf = Interface(name=name, kind=kind, source=src)
            self.dev.interfaces[name] = itf
        return itf

    def partial(self, construct: str, reason: str, src: Src) -> None:
        self.rep.add_partial(construct, reason, src)

    def iface_partial(self, itf: Interface, reason: str, src: Src) -> None:
        itf.partial = join_reasons((itf.partial, reason))
        self.rep.add_partial(f"interface {itf.name}", reason, src)

    def warn(self, src: Src, message: Text) -> None:
        """Warn about the line ``src`` ("FILE:LINE: message")."""
        self.rep.warnings.append(Text("input.at", where=f"{src.file}:{src.line}", what=message))

    def warn_file(self, message: Text) -> None:
        """Warn about the input as a whole ("FILE: message")."""
        self.rep.warnings.append(Text("input.at", where=self.file, what=message))

    def l3_names(self, logical: str) -> list[str]:
        """Model interfaces of a logical interface (``network`` names), incl. aliases."""
        lg = self.logical.get(logical)
        if lg is None or lg.l3 is None or lg.disabled:
            return []
        return [lg.l3]

    def l3_universe(self) -> frozenset[str]:
        """Every interface a packet can enter or leave the router's IP stack by."""
        return frozenset(lg.l3 for lg in self.logical.values() if lg.l3 and not lg.disabled)
