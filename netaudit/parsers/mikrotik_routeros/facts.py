"""RouterOS settings only RouterOS's own checks read (:mod:`netaudit.checks.mikrotik_routeros`).

What every vendor has (dynamic routing, interface lists, bridges without VLAN
filtering …) is a :class:`~netaudit.model.Device` field, not a fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.model import Src, VendorFacts


@dataclass
class IpService:
    """One ``/ip service`` entry, as configured or as the RouterOS default."""

    enabled: bool
    address: list[str]  # address= entries; [] = every source
    source: Src | None  # None: not in the export (the default applies)


@dataclass
class HoppingPort:
    """A port of a VLAN-filtering bridge that accepts tagged frames without ingress
    filtering: its hosts can send into other VLANs."""

    bridge: str
    port: str
    pvid: int
    tagged: list[int]  # the VLANs it carries tagged on purpose ([] = an access port)
    source: Src


@dataclass
class User:
    """A ``/user`` line (``/export`` lists users only with ``show-sensitive`` or a backup)."""

    name: str
    password: bool  # a non-empty password is set
    renamed_from_admin: bool  # ``set [ find name=admin ] name=…``
    source: Src


@dataclass
class NeighborDiscovery:
    """Where MNDP/CDP/LLDP discovery runs."""

    interfaces: list[str]
    source: Src | None  # None: the default (every static interface)


@dataclass
class MacServerEntry:
    """Where MAC-Telnet / MAC-Winbox answer: an interface list (``allowed-interface-list``,
    RouterOS >= 6.41) or one per-interface entry of older versions."""

    interface_list: str | None = None
    interface: str = "all"
    disabled: bool = False
    source: Src | None = None  # None: the default (every interface)


@dataclass
class EmptyListRule:
    """An enabled firewall rule whose ``in-interface-list`` or ``out-interface-list`` (not
    negated) is a list with no member, none possible at run time: it matches no packet."""

    table: str  # filter | raw | nat
    chain: str
    action: str
    key: str  # in-interface-list | out-interface-list
    list: str
    source: Src  # the rule
    list_source: Src | None  # the list's /interface list line


@dataclass
class RouterOSFacts(VendorFacts):
    model: str = ""  # "# model = …" header of the export
    ip_services: dict[str, IpService] = field(default_factory=dict)  # RouterOS service name →
    users: list[User] = field(default_factory=list)
    neighbor_discovery: NeighborDiscovery | None = None
    mac_server: dict[str, list[MacServerEntry]] = field(default_factory=dict)  # mac-telnet | mac-winbox
    vlan_hopping_ports: list[HoppingPort] = field(default_factory=list)
    dhcp_client_interfaces: list[str] = field(default_factory=list)
    # Interfaces that are bridge/switch ports named by a firewall rule (never matches routed traffic).
    interface_rule_on_bridge_port: list[str] = field(default_factory=list)
    # Bridges whose bridged IPv4 traffic passes the IP firewall (use-ip-firewall).
    ip_firewall_bridges: list[str] = field(default_factory=list)
    # Routing tables other than main and the VRFs' → the routes that fill them.
    policy_routing_tables: dict[str, list[Src]] = field(default_factory=dict)
    snmp_default_community: bool = False  # SNMP answers to the default community "public"
    # Interface lists RouterOS may add interfaces of the device to at run time (Detect
    # Internet) → those interfaces beyond the list's members (None: any of them).
    runtime_list_members: dict[str, list[str] | None] = field(default_factory=dict)
    empty_list_rules: list[EmptyListRule] = field(default_factory=list)
