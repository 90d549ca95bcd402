"""Cisco IOS / IOS-XE parse state: what is collected while reading, before
:mod:`.convert` turns it into the model.

:class:`IosState` is the one parser object's state; the readers (:mod:`.acls`,
:mod:`.interfaces`, :mod:`.routing`, :mod:`.nat`, :mod:`.management`) and the
conversion (:mod:`.convert`) are its mixins, put together in :class:`.parser.IosParser`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, TypedDict

from netaddr import IPNetwork

from netaudit.model import Filter, FilterLine, IfKind, Interface, NatRule, Src
from netaudit.parsers.base import LineParser, kind_from_name
from netaudit.parsers.cisco_ios import VENDOR
from netaudit.parsers.cisco_ios.acl_entries import Ace
from netaudit.parsers.cisco_ios.facts import IOSFacts
from netaudit.parsers.cisco_ios.syntax import KIND_BY_PREFIX, NOT_SECRETS, PHYSICAL_HINTS, SECRET_WORDS


class IfState:
    """Per-interface facts collected while reading, turned into the model at the end."""

    __slots__ = (
        "access_vlan",
        "acl_in",
        "acl_out",
        "allowed",
        "channel_group",
        "ethernet_like",
        "iface",
        "l3_cmd",
        "mode",
        "mode_src",
        "native",
        "no_switchport",
        "policy",
        "pppoe_client",
        "pppoe_enable",
        "primary",
        "secondaries",
        "sw_any",
        "vips",
        "voice_vlan",
    )

    def __init__(self, iface: Interface):
        self.iface = iface
        self.primary: IPNetwork | None = None
        self.secondaries: list[IPNetwork] = []
        self.vips: list[int] = []
        self.sw_any = False
        self.no_switchport = False
        self.mode: str | None = None
        self.mode_src: Src | None = None
        self.access_vlan: int | None = None
        self.allowed: frozenset[int] | None = None
        self.native: int | None = None
        self.voice_vlan: int | None = None
        self.policy: tuple[str, Src] | None = None
        self.l3_cmd = False
        self.channel_group: tuple[str, Src] | None = None
        self.acl_in: tuple[str, Src] | None = None
        self.acl_out: tuple[str, Src] | None = None
        self.ethernet_like = False
        self.pppoe_enable: Src | None = None  # `pppoe enable [group G]`
        self.pppoe_client = False  # `pppoe-client dial-pool-number N`


class Acl:
    """An ACL as read: its model filter (filled while reading) and whether it is standard."""

    __slots__ = ("filter", "standard")

    def __init__(self, flt: Filter, standard: bool):
        self.filter = flt
        self.standard = standard


@dataclass(eq=False)
class ClassMap:
    """A ``class-map [type T] [match-any|match-all] NAME`` as read: what control-plane
    policing (:mod:`.copp`) and the zone-based firewall (:mod:`.zone_firewall`) need of it."""

    name: str
    src: Src
    match_any: bool = False  # match-any; IOS's default is match-all
    kind: str = ""  # `type T` (inspect, qos …); "" for a plain class-map
    acls: list[tuple[str, Src]] = field(default_factory=list)  # match access-group [name] X
    any_src: Src | None = None  # `match any`
    protocols: list[tuple[str, Src]] = field(default_factory=list)  # match protocol P (ZBF)
    nested: list[tuple[str, Src]] = field(default_factory=list)  # match class-map C (ZBF)
    doubts: list[tuple[str, Src]] = field(default_factory=list)  # lines neither models


@dataclass(eq=False)
class PolicyClass:
    """One ``class NAME`` of a policy-map (:mod:`.copp`): its action for reachability."""

    name: str
    src: Src
    # transmit (no action, police conform transmit) | drop; in a policy-map type inspect
    # also inspect | pass (zone_firewall.py)
    action: str = "transmit"
    conform: str | None = None  # police conform-action, when a police line was read
    exceed: list[str] = field(default_factory=list)  # police exceed-/violate-action words
    doubts: list[tuple[str, Src]] = field(default_factory=list)


@dataclass(eq=False)
class PolicyMap:
    """A ``policy-map [type T] NAME`` as read (:mod:`.copp`, :mod:`.zone_firewall`)."""

    name: str
    src: Src
    kind: str = ""  # `type T` (inspect, control-plane …); "" for a plain policy-map
    classes: list[PolicyClass] = field(default_factory=list)
    doubts: list[tuple[str, Src]] = field(default_factory=list)


@dataclass(eq=False)
class ZonePair:
    """A ``zone-pair security NAME source S destination D`` block (:mod:`.zone_firewall`)."""

    name: str
    source: str  # a zone name, or "self"
    destination: str
    src: Src
    policy: tuple[str, Src] | None = None  # `service-policy type inspect P`
    doubts: list[tuple[str, Src]] = field(default_factory=list)


@dataclass(eq=False)
class CryptoMapEntry:
    """One ``crypto map NAME SEQ [ipsec-isakmp|ipsec-manual|…]`` entry as read (crypto.py;
    what it makes of an interface: crypto_maps.py)."""

    name: str
    seq: int
    kind: str  # ipsec-isakmp (also the default) | ipsec-manual | what else the line says
    src: Src
    acl: str | None = None  # `match address X`
    acl_src: Src | None = None
    peers: list[str] = field(default_factory=list)  # `set peer A`
    # body lines the model does not follow (reverse-route, profiles …): (why, line)
    doubts: list[tuple[str, Src]] = field(default_factory=list)


@dataclass(eq=False)
class RouteMapEntry:
    """One ``route-map NAME permit|deny SEQ`` block, as policy routing reads it."""

    permit: bool
    seq: int
    src: Src
    acls: list[str] = field(default_factory=list)  # match ip address
    next_hops: list[int] = field(default_factory=list)  # set ip next-hop
    null: bool = False  # set interface Null0
    unread: list[str] = field(default_factory=list)  # match/set lines policy routing does not model
    # `match interface IF …` (also in `unread`: policy routing does not model it; route-map
    # NAT reads it as the output interfaces the entry selects)
    match_ifaces: list[str] = field(default_factory=list)


@dataclass(eq=False)
class ObjGroup:
    """``object-group network|service NAME`` (NX-OS ``object-group ip address|port``):
    items as parsed, expanded once the whole file is read."""

    kind: str  # network | service | nxos-address | port
    name: str
    src: Src
    items: list = field(default_factory=list)
    partial: str | None = None


@dataclass(eq=False)
class VpdnGroup:
    """A ``vpdn-group NAME`` (or a ``vpdn-template``) as read (:mod:`.vpdn`): the tunnels
    it accepts, and what makes the services it opens partial."""

    name: str
    src: Src
    # the open subgroup: "accept" (accept-dialin, accept-dialout: IOS answers tunnels),
    # "request" (request-dialin, request-dialout: IOS opens them), None before either
    mode: str | None = None
    accept_src: Src | None = None  # the accept-dialin / accept-dialout line
    accepts: list[tuple[str, Src]] = field(default_factory=list)  # (protocol word, its line)
    doubts: list[tuple[str, Src]] = field(default_factory=list)  # (reason, line): service partial


@dataclass(eq=False)
class LineBlock:
    """A ``line vty|con|aux|tty …`` block: what it lets in, and how."""

    kind: str  # vty | con | aux | tty
    src: Src
    transports: set[str] | None = None
    transport_src: Src | None = None
    acl: tuple[str, Src] | None = None
    no_login: Src | None = None


class HttpServer(TypedDict):
    """``ip http …``: the server and secure-server lines, access-class and ports."""

    http: Src | None
    https: Src | None
    acl: tuple[str, Src] | None
    port: int
    secure_port: int


class IosState(LineParser):
    """The parser's state; the dispatch tables of the blocks are set on
    :class:`.parser.IosParser` once its handlers exist."""

    VENDOR = VENDOR
    NEGATION = "no"
    FAST_WORD = "access-list"  # numbered ACL entries: the bulk of big configs
    SECRET_WORDS = SECRET_WORDS
    NOT_SECRETS = NOT_SECRETS
    DEINDENTED_BLOCKS = True
    # block dispatch tables (.parser)
    IFACE_TABLE: ClassVar[dict] = {}
    LINE_TABLE: ClassVar[dict] = {}
    VLAN_TABLE: ClassVar[dict] = {}
    ROUTEMAP_TABLE: ClassVar[dict] = {}
    OG_TABLE: ClassVar[dict] = {}
    VPDN_TABLE: ClassVar[dict] = {}

    def __init__(self, text: str, file: str):
        super().__init__(text, file)
        self.banner: str | None = None  # open banner delimiter
        self.banner_src: Src | None = None
        self.banner_pending: Src | None = None  # `banner motd` with delimiter on next line
        self.ifs: dict[str, IfState] = {}
        self.acls: dict[str, Acl] = {}
        self.groups: dict[str, ObjGroup] = {}
        self.deferred: list[tuple[Filter, FilterLine, Ace]] = []
        self.route_maps: set[str] = set()
        # route-map name -> its entries, as read (policy routing: convert.py)
        self.route_map_entries: dict[str, list[RouteMapEntry]] = {}
        # VLAN -> (access-map, `vlan filter` line): VACLs, not modelled (convert.py)
        self.vacls: dict[int, tuple[str, Src]] = {}
        self.lines_cfg: list[LineBlock] = []
        self.uses_switchport = False
        self.routing_line: tuple[bool, Src] | None = None
        # `ip route static bfd [vrf V] IF GW`: (vrf, interface, gateway, line) — the static
        # routes with that interface and gateway live only while the BFD session is up.
        self.static_bfd: list[tuple[str, str, int, Src]] = []
        self.default_gw: Src | None = None
        self.switch_provision: Src | None = None
        self.http: HttpServer = {"http": None, "https": None, "acl": None, "port": 80, "secure_port": 443}
        self.snmp: list[tuple[str | None, Src]] = []
        self.dhcp_pool: Src | None = None
        self.dhcp_pool_nets: list[tuple[str, IPNetwork]] = []  # (pool name, its `network`)
        self.service_dhcp = True
        # `[no] ip forward-protocol …` lines in order (broadcasts.py): (negated, words, line)
        self.forward_protocol: list[tuple[bool, list[str], Src]] = []
        self.dns_server: Src | None = None
        self.small_servers: list[tuple[str, int, tuple[int, ...], Src]] = []
        self.nat_pending: list[tuple[NatRule, str | None, str | None]] = []
        self.nat_iface_dst: list[tuple[NatRule, str]] = []
        self.nat_pool_rules: list[tuple[NatRule, str]] = []
        # `ip nat inside source route-map M interface IF overload`: the placeholder rule in
        # `nat_pending`, expanded from M's entries once the file is read
        self.nat_route_maps: dict[int, tuple[str, str]] = {}
        self.pools: dict[str, tuple[int, int, Src]] = {}
        self.vtp_mode: str | None = None  # `vtp mode …`; None when the config does not say
        # IPsec (crypto.py): the interface lines applying it, the first global line
        # configuring IKE/IPsec, `no crypto isakmp`; the IKE service is built in convert.py
        self.ipsec_applied: list[Src] = []
        self.crypto_config: Src | None = None
        self.isakmp_off: Src | None = None
        # crypto map entries by (map, seq); a map's global lines the model does not follow
        # (`crypto map NAME isakmp-profile P`, `… client …`, `… redundancy …`); the
        # interfaces a map is applied to (interface, map, line, words after the name)
        self.crypto_entries: dict[tuple[str, int], CryptoMapEntry] = {}
        self.crypto_map_doubts: dict[str, list[tuple[str, Src]]] = {}
        self.crypto_binds: list[tuple[Interface, str, Src]] = []
        # Control-plane policing (copp.py): class-maps and policy-maps by name, the
        # `control-plane` block's `service-policy input` lines and what it does not model.
        self.class_maps: dict[str, ClassMap] = {}
        self.policy_maps: dict[str, PolicyMap] = {}
        self.copp_inputs: list[tuple[str, Src]] = []
        self.copp_doubts: list[tuple[str, Src]] = []
        # Zone-based policy firewall (zone_firewall.py): `zone security` lines by name,
        # the zone-pairs, each interface's `zone-member security` lines, `ip port-map`
        # lines by application, and what makes the whole firewall partial.
        self.zones: dict[str, Src] = {}
        self.zone_pairs: list[ZonePair] = []
        self.zone_members: dict[str, list[tuple[str, Src]]] = {}
        self.port_maps: dict[str, list[Src]] = {}
        # `ipv6 access-list NAME`: IPv6 is not modelled, but a class naming one of them
        # matches no IPv4 packet (copp.py, zone_firewall.py)
        self.ipv6_acls: set[str] = set()
        self.zone_doubts: list[tuple[str, Src]] = []
        # VPDN (vpdn.py): `[no] vpdn enable`, the vpdn-groups, and what makes every one of
        # them partial (`vpdn softshut`, a vpdn-template line not modelled); the L2TP /
        # PPTP services are built in convert.py
        self.vpdn_enable: tuple[bool, Src] | None = None
        self.vpdn_groups: list[VpdnGroup] = []
        self.vpdn_doubts: list[tuple[str, Src]] = []
        # Smart Install (management.py): the last bare `vstack` / `no vstack` line (on, line),
        # every other `vstack …` line, `vstack director A` (address, line), `vstack basic`;
        # the state is decided in convert.py
        self.vstack_switch: tuple[bool, Src] | None = None
        self.vstack_lines: list[Src] = []
        self.vstack_director: tuple[str, Src] | None = None
        self.vstack_basic: Src | None = None
        self.version_src: Src | None = None
        self.facts = IOSFacts()
        self.dev.facts = self.facts

    def _iface(self, name: str, src: Src | None) -> IfState:
        st = self.ifs.get(name)
        if st is None:
            kind = kind_from_name(name, PHYSICAL_HINTS, KIND_BY_PREFIX)
            iface = Interface(name=name, kind=kind, source=src)
            if "." in name and kind != IfKind.OTHER:
                iface.kind = IfKind.SUBINTERFACE
                iface.parent = name.split(".", 1)[0]
            st = IfState(iface)
            st.ethernet_like = kind in (IfKind.PHYSICAL, IfKind.PORT_CHANNEL) and (
                "Ethernet" in name or "GigE" in name or kind == IfKind.PORT_CHANNEL
            )
            self.ifs[name] = st
            self.dev.interfaces[name] = iface
        elif st.iface.source is None:
            st.iface.source = src
        return st
