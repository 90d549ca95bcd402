"""Vendor records: what the export's lines say, as read, before any conversion.

The menu handlers (``*_menus.py``) fill these into the :class:`~.state.State`; the
conversion modules turn them into the model once the whole export is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.model import IfKind, Src

from .syntax import Properties


@dataclass(eq=False)
class IfRecord:
    """An interface, from its own menu or from the first line that names it."""

    name: str
    kind: IfKind
    src: Src | None = None
    default_name: str | None = None
    disabled: bool = False
    comment: str = ""
    guessed: bool = True
    partial: list[str] = field(default_factory=list)
    master_port: str | None = None
    dynamic_addr: str | None = None  # "DHCP client" / "PPPoE client" …


@dataclass(eq=False)
class BridgeRecord:
    name: str
    src: Src
    vlan_filtering: bool = False
    vf_src: Src | None = None
    pvid: int = 1
    frame_types: str = "admit-all"
    ingress_filtering: bool | None = None
    disabled: bool = False


@dataclass(eq=False)
class BridgePort:
    bridge: str
    iface: str
    src: Src
    pvid: int = 1
    pvid_set: bool = False
    frame_types: str = "admit-all"
    ingress_filtering: bool | None = None
    disabled: bool = False
    horizon: str | None = None
    dynamic: bool = False


@dataclass(eq=False)
class BridgeVlan:
    """A row of ``/interface bridge vlan``."""

    bridge: str
    vids: frozenset[int]
    tagged: list[str]
    untagged: list[str]
    src: Src


@dataclass(eq=False)
class VlanIf:
    """An ``/interface vlan`` entry."""

    name: str
    vid: int
    parent: str
    src: Src
    disabled: bool = False
    service_tag: bool = False


@dataclass(eq=False)
class WirelessIf:
    """A legacy ``/interface wireless`` or v7 ``/interface wifi`` interface."""

    family: str  # wireless | wifi
    name: str
    src: Src
    props: dict[str, str] = field(default_factory=dict)
    default_name: str | None = None


@dataclass(eq=False, slots=True)  # (one per rule of a big export: no __dict__ each)
class FwRule(Properties):
    """A rule of ``/ip firewall filter|nat|mangle|raw``, in its table's order."""

    table: str
    index: int
    props: dict[str, str]  # the line's properties, raw (undecoded) as Command.props
    src: Src
    chain: str = ""
    action: str = "accept"
    disabled: bool = False
    # A rule RouterOS installs itself (``D`` in ``print``, never in the export: the
    # HotSpot's, :mod:`.hotspot`); ``src`` is then the line that makes it install it.
    dynamic: bool = False
    # Why the rule's match is not exact (a dynamic rule whose packets depend on run-time
    # state: a HotSpot client's login), read as a matcher not modelled.
    partial: str | None = None


def guess_kind(name: str) -> IfKind:
    """The kind of an interface only named (never defined) in the export, from its name."""
    low = name.lower()
    if low.startswith(("ether", "sfp", "qsfp", "combo", "wlan", "wifi", "eth")):
        return IfKind.PHYSICAL
    if low.startswith("bridge"):
        return IfKind.BRIDGE
    if low.startswith("vlan"):
        return IfKind.VLAN
    if low.startswith(("bond",)):
        return IfKind.PORT_CHANNEL
    if low == "lo" or low.startswith("loopback"):
        return IfKind.LOOPBACK
    if low.startswith(("gre", "eoip", "ipip", "wg", "wireguard", "l2tp", "pptp", "sstp", "ovpn", "vxlan", "6to4")):
        return IfKind.TUNNEL
    return IfKind.OTHER
