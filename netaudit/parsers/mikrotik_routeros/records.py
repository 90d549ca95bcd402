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


# Actions a rule of a plain filter chain may have (``firewall.plain_rules``): the terminal
# ones, and those flattening passes over (no line).  ``jump``, ``return`` and an action not
# understood are left to flatten, which alone knows what they do to the rules after them.
PLAIN_ACTIONS = frozenset(
    {
        "accept",
        "drop",
        "reject",
        "tarpit",
        "fasttrack-connection",
        "log",
        "passthrough",
        "add-src-to-address-list",
        "add-dst-to-address-list",
    }
)


@dataclass(eq=False, slots=True)
class ChainIndex:
    """A firewall table's rules as the conversion asks for them, kept as each rule is
    read (``ip_menus.add_rule``) instead of a pass over every rule of a big export per
    question — a pass that reads 20,000 rules back from memory long after they were
    made: the enabled rules by chain, in order (``flatten.chains_of``); the chains
    holding an enabled rule whose action is not in :data:`PLAIN_ACTIONS` or that names
    ``connection-nat-state`` (``firewall.plain_rules`` refuses them); the jump targets
    named, by disabled rules too (``firewall.finish_filter``); ``count``, how many of the
    table's rules it holds (``flatten.rule_index`` builds it anew from the table when
    rules were placed otherwise: ``hotspot._prepend``)."""

    count: int = 0
    by_chain: dict[str, list[FwRule]] = field(default_factory=dict)
    odd: set[str] = field(default_factory=set)
    jump_targets: set[str | None] = field(default_factory=set)

    def add(self, rule: FwRule) -> None:
        """``rule``, the table's next one (``ip_menus.add_rule`` as each rule is read)."""
        self.count += 1
        action = rule.action
        if not rule.disabled:
            chain = self.by_chain.get(rule.chain)
            if chain is None:  # (not setdefault: no list made per rule)
                chain = self.by_chain[rule.chain] = []
            chain.append(rule)
            if action not in PLAIN_ACTIONS or "connection-nat-state" in rule.props:
                self.odd.add(rule.chain)
        if action == "jump":
            self.jump_targets.add(rule.get("jump-target"))


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
